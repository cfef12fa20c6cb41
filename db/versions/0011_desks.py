"""desks: one heartbeat row per signed-in desk, so that the desks sharing one register
see who else is at work on it

Revision ID: 0011_desks
Revises: 0010_postgres
Create Date: 2026-12-07 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_desks"
down_revision = "0010_postgres"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_presence",
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("host", sa.String(length=128), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("desk_id", name=op.f("pk_desk_presence")),
    )
    op.create_index(op.f("ix_desk_presence_seen_at"), "desk_presence", ["seen_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_desk_presence_seen_at"), table_name="desk_presence")
    op.drop_table("desk_presence")
