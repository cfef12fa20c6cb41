"""pg_indexes: on a PostgreSQL server, an index of the columns the dashboard counts by,
so that it reads that small index instead of a province's whole table

Revision ID: 0012_pg_indexes
Revises: 0011_desks
Create Date: 2026-12-07 12:30:00

The dashboard groups every participant by status, kecamatan, funding, income,
programmes, coverage and the date it left (app.store.repo.dashboard_cohorts). On a server
that is an index-only scan of this index: its keys repeat (a few thousand distinct ones in
a province), so PostgreSQL's B-tree stores each once with its rows (2.4 MB for 320,000
participants, beside a 99 MB table). On SQLite nothing is done: its dashboard reads the
file's pages from the page cache, and the index would cost every write.
"""

from __future__ import annotations

from alembic import op

revision = "0012_pg_indexes"
down_revision = "0011_desks"
branch_labels = None
depends_on = None

COLUMNS = (
    "status",
    "kecamatan_code",
    "funding",
    "income",
    "programmes",
    "coverage_start",
    "coverage_end",
    "status_date",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE INDEX IF NOT EXISTS ix_participant_dashboard ON participant ({', '.join(COLUMNS)})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_participant_dashboard")
