"""PostgreSQL: the ledger that a restore never winds back (sequences, the signed chain head,
erasures, the install's sealed private keys), kept in the server

On SQLite these are files beside the database (sequences.json, chainhead.json,
erasures.json), so that a restored backup cannot bring back a number already issued, a
chain already signed or a person already erased. On a server every desk must see the same
ledger: it is this table, which the server's backups leave out (pg_dump
--exclude-table-data=lindungi_ledger), so that restoring a dump keeps it as it is. Nothing
changes on SQLite. The install's private keys, sealed with the register's key, are kept
there too (on SQLite they are sealed files in keys/), so that every desk signs as the
kabupaten.

Revision ID: 0010_postgres
Revises: 0009_lean_indexes
Create Date: 2026-12-07 11:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0010_postgres"
down_revision = "0009_lean_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE lindungi_ledger ("
        "name VARCHAR(80) NOT NULL CONSTRAINT pk_lindungi_ledger PRIMARY KEY, "
        "body TEXT NOT NULL, "
        "updated_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS lindungi_ledger")
