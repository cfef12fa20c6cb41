"""accounts, and a note on programme years

Revision ID: 0002_accounts
Revises: 0001_initial
Create Date: 2026-11-29 10:06:35.622658
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_accounts"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('operator', 'supervisor', 'admin')", name=op.f("ck_account_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("username", name=op.f("uq_account_username")),
    )
    # recreate="always" rebuilds the parent table of `quota`; the runner migrates with
    # foreign keys off so that ON DELETE CASCADE does not wipe the quotas (a test checks).
    # PostgreSQL adds the column in place.
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        "programme_year", recreate="always" if sqlite else "auto"
    ) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("programme_year", schema=None) as batch_op:
        batch_op.drop_column("note")

    op.drop_table("account")
