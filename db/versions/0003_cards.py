"""cards, keys and handovers

Revision ID: 0003_cards
Revises: 0002_accounts
Create Date: 2026-11-29 10:17:41.334002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_cards"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("officials", sa.Text(), nullable=False),
        sa.Column("install_code", sa.String(length=10), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_event")),
    )
    op.create_table(
        "install_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("install_code", sa.String(length=10), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("key_file", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_install_key")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_install_key_fingerprint")),
    )
    op.create_table(
        "known_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("install_code", sa.String(length=10), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_known_key")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_known_key_fingerprint")),
    )
    with op.batch_alter_table("known_key", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_known_key_install_code"), ["install_code"], unique=False
        )

    op.create_table(
        "card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_uuid", sa.String(length=36), nullable=False),
        sa.Column("reg_no", sa.String(length=20), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kpj", sa.String(length=11), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.Column("install_code", sa.String(length=10), nullable=False),
        sa.Column("void", sa.Boolean(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('print', 'copy', 'reprint')", name=op.f("ck_card_kind")),
        sa.ForeignKeyConstraint(
            ["participant_uuid"],
            ["participant.uuid"],
            name=op.f("fk_card_participant_uuid_participant"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card")),
    )
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.create_index(
            "ix_card_current",
            ["participant_uuid"],
            unique=True,
            sqlite_where=sa.text("kind != 'copy' AND void = 0"),
            postgresql_where=sa.text("kind != 'copy' AND NOT void"),
        )
        batch_op.create_index("ix_card_install_serial", ["install_code", "serial"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_card_participant_uuid"), ["participant_uuid"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_card_reg_no"), ["reg_no"], unique=False)

    op.create_table(
        "handover_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("proxy_name", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("via", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"],
            ["card.id"],
            name=op.f("fk_handover_item_card_id_card"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["handover_event.id"],
            name=op.f("fk_handover_item_event_id_handover_event"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_item")),
        sa.UniqueConstraint("card_id", name=op.f("uq_handover_item_card_id")),
    )
    with op.batch_alter_table("handover_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handover_item_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handover_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_item_event_id"))

    op.drop_table("handover_item")
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_reg_no"))
        batch_op.drop_index(batch_op.f("ix_card_participant_uuid"))
        batch_op.drop_index("ix_card_install_serial")
        batch_op.drop_index("ix_card_current")

    op.drop_table("card")
    with op.batch_alter_table("known_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_known_key_install_code"))

    op.drop_table("known_key")
    op.drop_table("install_key")
    op.drop_table("handover_event")
