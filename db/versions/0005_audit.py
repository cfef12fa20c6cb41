"""audit trail: a hash chain over the history; erasure of personal data; names searchable
without their apostrophes

Revision ID: 0005_audit
Revises: 0004_sync
Create Date: 2026-11-29 10:30:00
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0005_audit"
down_revision = "0004_sync"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
FIELDS = ("at", "actor", "install_code", "entity", "entity_id", "action", "changes", "reason")

# Only a redaction may change an entry (personal data erased on a lawful request); its
# hashes, identity and time stay. Deleting an entry stays impossible.
NO_UPDATE = (
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
    "WHEN NOT (old.redacted = 0 AND new.redacted = 1 AND new.id = old.id "
    "AND new.hash = old.hash AND new.prev_hash = old.prev_hash "
    "AND new.content_hash = old.content_hash AND new.at = old.at "
    "AND new.action = old.action AND new.entity = old.entity) "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END"
)
OLD_NO_UPDATE = (
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN "
    "SELECT RAISE(ABORT, 'history is append-only'); END"
)


# Apostrophes (straight, curly, backtick) removed from names in the search index.
PLAIN = "replace(replace(replace({col}, '''', ''), '\u2019', ''), '`', '')"
FTS = (
    "CREATE VIRTUAL TABLE participant_fts USING fts5("
    "name, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER participant_fts_ai AFTER INSERT ON participant BEGIN "
    "INSERT INTO participant_fts(rowid, name) VALUES (new.id, "
    + PLAIN.format(col="new.name")
    + "); END",
    "CREATE TRIGGER participant_fts_ad AFTER DELETE ON participant BEGIN "
    "DELETE FROM participant_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER participant_fts_au AFTER UPDATE OF name ON participant BEGIN "
    "DELETE FROM participant_fts WHERE rowid = old.id; "
    "INSERT INTO participant_fts(rowid, name) VALUES (new.id, "
    + PLAIN.format(col="new.name")
    + "); END",
)


# PostgreSQL: the same rule as a trigger function (0001 made the triggers). Its name search
# already has this form (0001).
PG_NO_UPDATE = (
    "CREATE OR REPLACE FUNCTION history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF NOT (NOT old.redacted AND new.redacted AND new.id = old.id "
    "AND new.hash = old.hash AND new.prev_hash = old.prev_hash "
    "AND new.content_hash = old.content_hash AND new.at = old.at "
    "AND new.action = old.action AND new.entity = old.entity) THEN "
    "RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'restrict_violation'; "
    "END IF; RETURN new; END $$"
)
PG_OLD_NO_UPDATE = (
    "CREATE OR REPLACE FUNCTION history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'restrict_violation'; "
    "END $$"
)


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _content_hash(row: dict[str, object]) -> str:
    # The same canonical form as app.domain.audit.content_hash, frozen here (a migration
    # must not change when the app does). Read raw, `at` is SQLite's stored text, which is
    # the form the app hashes ("YYYY-MM-DD HH:MM:SS.ffffff").
    canonical = "\x1f".join("" if row.get(k) is None else str(row.get(k)) for k in FIELDS)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def upgrade() -> None:
    postgresql = _on_postgresql()
    if postgresql:
        op.execute("ALTER TABLE history DISABLE TRIGGER history_no_update")
    else:
        op.execute("DROP TRIGGER IF EXISTS history_no_update")
    with op.batch_alter_table("history") as batch_op:
        batch_op.add_column(
            sa.Column("content_hash", sa.String(64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("prev_hash", sa.String(64), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("hash", sa.String(64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("redacted", sa.Boolean(), server_default="0", nullable=False))
    # Chain the entries written before this version, in order.
    conn = op.get_bind()
    prev = GENESIS
    rows = (
        conn.execute(
            sa.text(
                "SELECT id, at, actor, install_code, entity, entity_id, action, changes, reason "
                "FROM history ORDER BY id"
            )
        )
        .mappings()
        .all()
    )
    for row in rows:
        data = dict(row)
        content = _content_hash(data)
        digest = hashlib.sha256((prev + content).encode("ascii")).hexdigest()
        conn.execute(
            sa.text(
                "UPDATE history SET content_hash = :c, prev_hash = :p, hash = :h WHERE id = :id"
            ),
            {"c": content, "p": prev, "h": digest, "id": data["id"]},
        )
        prev = digest
    if postgresql:
        op.execute(PG_NO_UPDATE)
        op.execute("ALTER TABLE history ENABLE TRIGGER history_no_update")
    else:
        op.execute(NO_UPDATE)
    with op.batch_alter_table("participant") as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    if postgresql:
        return
    # The name index holds names without apostrophes, so that typing "nuraini" finds
    # Nur'aini (the tokenizer would split it into "nur" and "aini"). It keeps its own copy
    # of the text (not external content): an erased name then leaves it entirely.
    for trigger in ("participant_fts_ai", "participant_fts_ad", "participant_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS participant_fts")
    for statement in FTS:
        op.execute(statement)
    op.execute(
        "INSERT INTO participant_fts(rowid, name) SELECT id, "
        + PLAIN.format(col="name")
        + " FROM participant"
    )


def downgrade() -> None:
    with op.batch_alter_table("participant") as batch_op:
        batch_op.drop_column("erased_at")
    if _on_postgresql():
        with op.batch_alter_table("history") as batch_op:
            for name in ("redacted", "hash", "prev_hash", "content_hash"):
                batch_op.drop_column(name)
        op.execute(PG_OLD_NO_UPDATE)
        return
    op.execute("DROP TRIGGER IF EXISTS history_no_update")
    with op.batch_alter_table("history") as batch_op:
        batch_op.drop_column("redacted")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("content_hash")
    op.execute(OLD_NO_UPDATE)
