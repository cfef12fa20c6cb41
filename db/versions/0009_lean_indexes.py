"""lean indexes: the history's time index goes (no query reads through it)

Every index is paid for by every insert. The audit trail's date filters read the history
newest first along its ids and stop at the page they show (one date or both); the time
index served only a range of both dates, and then made SQLite sort every entry in the
range instead of walking the ids. The participant table keeps all its indexes: each is
read by a list search or filter (tests/integration/test_search_plans.py shows the plans).

Revision ID: 0009_lean_indexes
Revises: 0008_chain_rule
Create Date: 2026-12-07 11:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0009_lean_indexes"
down_revision = "0008_chain_rule"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_history_at", table_name="history")


def downgrade() -> None:
    op.create_index("ix_history_at", "history", ["at"], unique=False)
