"""sync trust: held bundles of a second key kept apart, revoked office keys, install ids

Revision ID: 0007_sync_trust
Revises: 0006_account_reset
Create Date: 2026-12-07 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_sync_trust"
down_revision = "0006_account_reset"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_peer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("install_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("revoked_by", sa.String(length=64), nullable=True))
    # A bundle held from a second key claiming an office is a row of its own: the same
    # sequence may arrive once per key.
    with op.batch_alter_table("sync_received", schema=None) as batch_op:
        batch_op.drop_constraint("uq_sync_received_sender", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_sync_received_sender"), ["sender", "kind", "sequence", "fingerprint"]
        )
        batch_op.add_column(sa.Column("install_id", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_received", schema=None) as batch_op:
        batch_op.drop_column("install_id")
        batch_op.drop_constraint("uq_sync_received_sender", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_sync_received_sender"), ["sender", "kind", "sequence"]
        )
    with op.batch_alter_table("sync_peer", schema=None) as batch_op:
        batch_op.drop_column("revoked_by")
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("install_id")
