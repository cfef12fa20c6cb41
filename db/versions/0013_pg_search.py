"""pg_search: on a PostgreSQL server, the list's name order as one index, a short pending
list for the name-word index, and the dashboard's groups known to the planner

Revision ID: 0013_pg_search
Revises: 0012_pg_indexes
Create Date: 2026-12-07 13:40:00

Measured on a province's register (2,000,000 participants, docs/benchmarks.md):

- **The list's order is name, then id.** An index of the name alone left PostgreSQL to
  sort each run of equal names by id: the first page of the whole list read every
  "Afrizal" (10,000 rows) to return 200. The index of (name, id) gives the order itself;
  it replaces the name's index (which it serves as well). SQLite's index of the name
  already ends with the rowid: nothing is done there.
- **The name-word index (GIN) keeps its pending list short.** New entries wait in a list
  that every search reads row by row until it is merged into the index (by VACUUM, or
  when it reaches ``gin_pending_list_limit``, 4 MB by default): after a bundle of 20,000
  it held 40,000 entries and added 50 ms to each name search. At 256 kB it is merged every
  few thousand entries, still in batches.
- **The dashboard's groups.** The planner took the dashboard's eight grouping keys for
  independent and expected 200,000 groups (there are a few hundred), so it sorted 2,000,000
  rows instead of hashing them. Extended statistics (``ndistinct``) on those keys say how
  many groups there are; the expression of the date a participant left is among them from
  PostgreSQL 14 on (statistics on expressions).
"""

from __future__ import annotations

from alembic import op

revision = "0013_pg_search"
down_revision = "0012_pg_indexes"
branch_labels = None
depends_on = None

# The keys of app.store.repo.dashboard_cohorts, its CASE as the query writes it.
LEFT = "(CASE WHEN status = 'inactive' THEN COALESCE(status_date, coverage_end) END)"
KEYS = "status, kecamatan_code, funding, income, programmes, coverage_start, coverage_end"


def _server_version() -> int | None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return None
    return int(bind.exec_driver_sql("SHOW server_version_num").scalar() or 0)


def upgrade() -> None:
    version = _server_version()
    if version is None:
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_participant_name_id ON participant (name, id)")
    op.execute("DROP INDEX IF EXISTS ix_participant_name")
    op.execute("ALTER INDEX ix_participant_name_words SET (gin_pending_list_limit = 256)")
    op.execute("SELECT gin_clean_pending_list('ix_participant_name_words'::regclass)")
    keys = f"{KEYS}, {LEFT}" if version >= 140000 else f"{KEYS}, status_date"
    op.execute(
        f"CREATE STATISTICS IF NOT EXISTS st_participant_dashboard (ndistinct) ON {keys} "
        "FROM participant"
    )
    op.execute("ANALYZE participant")


def downgrade() -> None:
    if _server_version() is None:
        return
    op.execute("DROP STATISTICS IF EXISTS st_participant_dashboard")
    op.execute("ALTER INDEX ix_participant_name_words RESET (gin_pending_list_limit)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_participant_name ON participant (name)")
    op.execute("DROP INDEX IF EXISTS ix_participant_name_id")
