"""chain rule 2: the link covers who did what and when; history entries vouch for each
participant's state; only the erasure's redaction may touch an entry

Revision ID: 0008_chain_rule
Revises: 0007_sync_trust
Create Date: 2026-12-07 08:00:00
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0008_chain_rule"
down_revision = "0007_sync_trust"
branch_labels = None
depends_on = None

# Exactly the erasure's redaction (app.store.repo.redact_history): an entry about a
# participant whose personal data were erased has its content blanked (changes, reason,
# state) and is marked redacted once; who, when, what, the subject and the hashes stay.
REDACTED = '{"redacted": true}'
NO_UPDATE = (
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
    "WHEN NOT (old.redacted = 0 AND new.redacted = 1 AND new.id = old.id "
    "AND new.at IS old.at AND new.actor IS old.actor AND new.install_code IS old.install_code "
    "AND new.entity IS old.entity AND new.entity_id IS old.entity_id "
    "AND new.action IS old.action AND new.rule IS old.rule "
    "AND new.content_hash IS old.content_hash AND new.prev_hash IS old.prev_hash "
    "AND new.hash IS old.hash "
    f"AND new.changes = '{REDACTED}' AND new.reason = '' AND new.state = '' "
    "AND old.entity = 'participant' AND EXISTS (SELECT 1 FROM participant "
    "WHERE participant.uuid = old.entity_id AND participant.erased_at IS NOT NULL)) "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only: only the erasure may blank an entry'); END"
)
NO_DELETE = (
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END"
)
# PostgreSQL: the same rule in the trigger function (a trigger's WHEN cannot read another
# table there).
PG_NO_UPDATE = (
    "CREATE OR REPLACE FUNCTION history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF NOT (NOT old.redacted AND new.redacted AND new.id = old.id "
    "AND new.at IS NOT DISTINCT FROM old.at AND new.actor IS NOT DISTINCT FROM old.actor "
    "AND new.install_code IS NOT DISTINCT FROM old.install_code "
    "AND new.entity IS NOT DISTINCT FROM old.entity "
    "AND new.entity_id IS NOT DISTINCT FROM old.entity_id "
    "AND new.action IS NOT DISTINCT FROM old.action AND new.rule IS NOT DISTINCT FROM old.rule "
    "AND new.content_hash IS NOT DISTINCT FROM old.content_hash "
    "AND new.prev_hash IS NOT DISTINCT FROM old.prev_hash "
    "AND new.hash IS NOT DISTINCT FROM old.hash "
    f"AND new.changes = '{REDACTED}' AND new.reason = '' AND new.state = '' "
    "AND old.entity = 'participant' AND EXISTS (SELECT 1 FROM participant "
    "WHERE participant.uuid = old.entity_id AND participant.erased_at IS NOT NULL)) THEN "
    "RAISE EXCEPTION 'history is append-only: only the erasure may blank an entry' "
    "USING ERRCODE = 'restrict_violation'; END IF; RETURN new; END $$"
)
# 0005's trigger, for a downgrade (and its PostgreSQL function).
PG_OLD_NO_UPDATE = (
    "CREATE OR REPLACE FUNCTION history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF NOT (NOT old.redacted AND new.redacted AND new.id = old.id "
    "AND new.hash = old.hash AND new.prev_hash = old.prev_hash "
    "AND new.content_hash = old.content_hash AND new.at = old.at "
    "AND new.action = old.action AND new.entity = old.entity) THEN "
    "RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'restrict_violation'; "
    "END IF; RETURN new; END $$"
)
OLD_NO_UPDATE = (
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
    "WHEN NOT (old.redacted = 0 AND new.redacted = 1 AND new.id = old.id "
    "AND new.hash = old.hash AND new.prev_hash = old.prev_hash "
    "AND new.content_hash = old.content_hash AND new.at = old.at "
    "AND new.action = old.action AND new.entity = old.entity) "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END"
)

# Rule 2 and the state digest as app.domain.audit defines them, frozen here (a migration
# must not change when the app does). Values are read raw: SQLite's stored text, which is
# the form the app hashes.
GENESIS = "0" * 64
CONTENT = (
    "at",
    "actor",
    "install_code",
    "entity",
    "entity_id",
    "action",
    "changes",
    "reason",
    "state",
)
IDENTITY = CONTENT[:6]
COMPARED = (
    "uuid",
    "reg_no",
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "sex",
    "address",
    "jorong",
    "nagari_code",
    "kecamatan_code",
    "occupation",
    "phone",
    "income",
    "funding",
    "programmes",
    "coverage_start",
    "coverage_end",
    "status",
    "status_reason",
    "status_date",
    "duplicate_of",
    "kpj",
    "override_reason",
    "erased_at",
)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _sha(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _baseline(conn: sa.Connection) -> None:
    """One rule-2 entry per participant that records the state it has at the upgrade, so
    that every row is vouched for from here on (a row without any history stays a ghost)."""
    install = conn.execute(sa.text("SELECT install_code FROM install WHERE id = 1")).scalar()
    if install is None:
        return
    rows = conn.execute(
        sa.text(
            f"SELECT {', '.join(COMPARED)} FROM participant "
            "WHERE uuid IN (SELECT entity_id FROM history WHERE entity = 'participant') "
            "ORDER BY id"
        )
    ).all()
    if not rows:
        return
    prev = conn.execute(sa.text("SELECT hash FROM history ORDER BY id DESC LIMIT 1")).scalar()
    prev = prev or GENESIS
    at = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")
    changes = json.dumps({"rule": 2})
    entries = []
    stamps = []
    for row in rows:
        values = dict(zip(COMPARED, row, strict=True))
        state = _sha([_text(values[k]) for k in COMPARED])
        entry = {
            "at": at,
            "actor": "lindungi",
            "install_code": install,
            "entity": "participant",
            "entity_id": values["uuid"],
            "action": "chain_rule",
            "changes": changes,
            "reason": "",
            "state": state,
        }
        content = _sha([_text(entry[k]) for k in CONTENT])
        digest = _sha(["2", prev, *(_text(entry[k]) for k in IDENTITY), content])
        entries.append(entry | {"content_hash": content, "prev_hash": prev, "hash": digest})
        stamps.append({"h": digest, "u": values["uuid"]})
        prev = digest
    conn.execute(
        sa.text(
            "INSERT INTO history (at, actor, install_code, entity, entity_id, action, changes, "
            "reason, state, content_hash, prev_hash, hash, redacted, rule) VALUES (:at, :actor, "
            ":install_code, :entity, :entity_id, :action, :changes, :reason, :state, "
            ":content_hash, :prev_hash, :hash, 0, 2)"
        ),
        entries,
    )
    conn.execute(sa.text("UPDATE participant SET history_hash = :h WHERE uuid = :u"), stamps)


def upgrade() -> None:
    op.add_column("history", sa.Column("rule", sa.Integer(), server_default="1", nullable=False))
    op.add_column(
        "history", sa.Column("state", sa.String(length=64), server_default="", nullable=False)
    )
    op.add_column(
        "participant",
        sa.Column("history_hash", sa.String(length=64), server_default="", nullable=False),
    )
    for column in (
        sa.Column("chain_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("chain_hash", sa.String(length=64), server_default="", nullable=False),
        sa.Column("chain_at", sa.DateTime(), nullable=True),
        sa.Column("chain_trust", sa.String(length=12), server_default="", nullable=False),
        sa.Column("chain_seen_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("chain_seen_hash", sa.String(length=64), server_default="", nullable=False),
    ):
        op.add_column("sync_peer", column)
    if op.get_bind().dialect.name == "postgresql":
        # The triggers stay; the baseline only inserts, and the function takes the new rule.
        _baseline(op.get_bind())
        op.execute(PG_NO_UPDATE)
        return
    op.execute("DROP TRIGGER IF EXISTS history_no_update")
    op.execute("DROP TRIGGER IF EXISTS history_no_delete")
    _baseline(op.get_bind())
    op.execute(NO_UPDATE)
    op.execute(NO_DELETE)


def downgrade() -> None:
    # Entries made under rule 2 would no longer verify under rule 1 alone: a downgrade
    # keeps them out of the chain only by refusing.
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT count(*) FROM history WHERE rule >= 2")).scalar():
        raise RuntimeError("history entries of chain rule 2 exist; the downgrade would break it")
    postgresql = conn.dialect.name == "postgresql"
    if not postgresql:
        op.execute("DROP TRIGGER IF EXISTS history_no_update")
    with op.batch_alter_table("sync_peer") as batch_op:
        for name in (
            "chain_seen_hash",
            "chain_seen_count",
            "chain_trust",
            "chain_at",
            "chain_hash",
            "chain_count",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("participant") as batch_op:
        batch_op.drop_column("history_hash")
    with op.batch_alter_table("history") as batch_op:
        batch_op.drop_column("state")
        batch_op.drop_column("rule")
    if postgresql:
        op.execute(PG_OLD_NO_UPDATE)
        return
    op.execute("DROP TRIGGER IF EXISTS history_no_delete")
    op.execute(OLD_NO_UPDATE)
    op.execute(NO_DELETE)
