"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29 10:06:34.538252
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


# PostgreSQL (a kabupaten's register on a server): SQLite's NOCASE collation as an ICU
# collation that ignores case when sorting and comparing names.
PG_NOCASE = (
    'CREATE COLLATION IF NOT EXISTS "NOCASE" '
    "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)"
)
# PostgreSQL's name search, in the form SQLite's FTS5 index has from 0005 on (a server
# register starts at this version): names folded (lower case, without apostrophes and
# accents) into words in a GIN index, each search word matched as a prefix.
PG_ACCENTS = (
    "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿÑñÇç",
    "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuYyyNnCc",
)
# translate() maps letter to letter and drops the apostrophes at the end of the first list.
PG_FOLD = f"translate($1, E'{PG_ACCENTS[0]}\\'\u2019`', '{PG_ACCENTS[1]}')"
PG_SEARCH = (
    "CREATE FUNCTION lindungi_name_words(text) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    f"$$ SELECT to_tsvector('simple'::regconfig, {PG_FOLD}) $$",
    "CREATE FUNCTION lindungi_name_query(text) RETURNS tsquery "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    f"$$ SELECT to_tsquery('simple'::regconfig, {PG_FOLD}) $$",
    "CREATE INDEX ix_participant_name_words ON participant "
    "USING gin (lindungi_name_words(name::text))",
)
# The history is append-only: a trigger function per rule (replaced by 0005 and 0008).
PG_NO_UPDATE = (
    "CREATE OR REPLACE FUNCTION history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'restrict_violation'; "
    "END $$"
)
PG_NO_DELETE = (
    "CREATE OR REPLACE FUNCTION history_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'restrict_violation'; "
    "END $$"
)
PG_TRIGGERS = (
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
    "FOR EACH ROW EXECUTE FUNCTION history_no_update()",
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history "
    "FOR EACH ROW EXECUTE FUNCTION history_no_delete()",
)


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _on_postgresql():
        op.execute(PG_NOCASE)
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("install_code", sa.String(length=10), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
    )
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_history_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "install",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("regency_code", sa.String(length=8), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=12), nullable=True),
        sa.Column("station", sa.String(length=1), nullable=False),
        sa.Column("install_code", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("registration_seq", sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('kecamatan', 'kabupaten')", name=op.f("ck_install_role")),
        sa.CheckConstraint("id = 1", name=op.f("ck_install_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_install")),
    )
    op.create_table(
        "programme_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_programme_year")),
    )
    op.create_table(
        "rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("programme", sa.String(length=3), nullable=False),
        sa.Column("percent_bp", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("min_amount", sa.Integer(), nullable=True),
        sa.Column("max_amount", sa.Integer(), nullable=True),
        sa.Column("funding", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "(percent_bp IS NULL) != (amount IS NULL)", name=op.f("ck_rate_percent_or_amount")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate")),
    )
    with op.batch_alter_table("rate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rate_effective_from"), ["effective_from"], unique=False
        )

    op.create_table(
        "region",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("parent_code", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_code"],
            ["region.code"],
            name=op.f("fk_region_parent_code_region"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_region")),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("reg_no", sa.String(length=20), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200, collation="NOCASE"), nullable=False),
        sa.Column("birth_place", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("jorong", sa.String(length=100), nullable=False),
        sa.Column("nagari_code", sa.String(length=16), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=16), nullable=False),
        sa.Column("occupation", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("income", sa.Integer(), nullable=False),
        sa.Column("funding", sa.String(length=16), nullable=False),
        sa.Column("programmes", sa.String(length=16), nullable=False),
        sa.Column("coverage_start", sa.Date(), nullable=False),
        sa.Column("coverage_end", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("status_reason", sa.String(length=20), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("duplicate_of", sa.String(length=20), nullable=True),
        sa.Column("kpj", sa.String(length=11), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("ack_revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_install", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_install", sa.String(length=10), nullable=False),
        sa.CheckConstraint("sex IN ('L', 'P')", name=op.f("ck_participant_sex")),
        sa.CheckConstraint(
            "status IN ('draft', 'approved', 'accepted', 'active', 'inactive')",
            name=op.f("ck_participant_status"),
        ),
        sa.ForeignKeyConstraint(
            ["kecamatan_code"],
            ["region.code"],
            name=op.f("fk_participant_kecamatan_code_region"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["nagari_code"],
            ["region.code"],
            name=op.f("fk_participant_nagari_code_region"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
        sa.UniqueConstraint("reg_no", name=op.f("uq_participant_reg_no")),
        sa.UniqueConstraint("uuid", name=op.f("uq_participant_uuid")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_kecamatan_code"), ["kecamatan_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participant_kpj"), ["kpj"], unique=False)
        batch_op.create_index(
            "ix_participant_nagari_status", ["nagari_code", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participant_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_participant_nik"), ["nik"], unique=False)
        batch_op.create_index(batch_op.f("ix_participant_status"), ["status"], unique=False)

    op.create_table(
        "quota",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=16), nullable=False),
        sa.Column("funding", sa.String(length=16), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kecamatan_code"],
            ["region.code"],
            name=op.f("fk_quota_kecamatan_code_region"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["year"],
            ["programme_year.year"],
            name=op.f("fk_quota_year_programme_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quota")),
        sa.UniqueConstraint("year", "kecamatan_code", "funding", name=op.f("uq_quota_year")),
    )
    with op.batch_alter_table("quota", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quota_year"), ["year"], unique=False)

    if _on_postgresql():
        for statement in (*PG_SEARCH, PG_NO_UPDATE, PG_NO_DELETE, *PG_TRIGGERS):
            op.execute(statement)
        return
    # Names are searched word by word with FTS5 (search-as-you-type over 100,000 rows);
    # the index follows the participant table through triggers. A later migration that
    # rebuilds `participant` in batch mode must recreate these triggers.
    op.execute(
        "CREATE VIRTUAL TABLE participant_fts USING fts5("
        "name, content='participant', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER participant_fts_ai AFTER INSERT ON participant BEGIN "
        "INSERT INTO participant_fts(rowid, name) VALUES (new.id, new.name); END"
    )
    op.execute(
        "CREATE TRIGGER participant_fts_ad AFTER DELETE ON participant BEGIN "
        "INSERT INTO participant_fts(participant_fts, rowid, name) "
        "VALUES ('delete', old.id, old.name); END"
    )
    op.execute(
        "CREATE TRIGGER participant_fts_au AFTER UPDATE OF name ON participant BEGIN "
        "INSERT INTO participant_fts(participant_fts, rowid, name) "
        "VALUES ('delete', old.id, old.name); "
        "INSERT INTO participant_fts(rowid, name) VALUES (new.id, new.name); END"
    )
    # The history is append-only: the database itself refuses to change or delete it.
    op.execute(
        "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN "
        "SELECT RAISE(ABORT, 'history is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN "
        "SELECT RAISE(ABORT, 'history is append-only'); END"
    )


def downgrade() -> None:
    if _on_postgresql():
        for statement in (
            "DROP TRIGGER IF EXISTS history_no_update ON history",
            "DROP TRIGGER IF EXISTS history_no_delete ON history",
            "DROP FUNCTION IF EXISTS history_no_update()",
            "DROP FUNCTION IF EXISTS history_no_delete()",
            "DROP INDEX IF EXISTS ix_participant_name_words",
            "DROP FUNCTION IF EXISTS lindungi_name_words(text)",
            "DROP FUNCTION IF EXISTS lindungi_name_query(text)",
        ):
            op.execute(statement)
    else:
        for trigger in (
            "participant_fts_ai",
            "participant_fts_ad",
            "participant_fts_au",
            "history_no_update",
            "history_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS participant_fts")
    with op.batch_alter_table("quota", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quota_year"))

    op.drop_table("quota")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_status"))
        batch_op.drop_index(batch_op.f("ix_participant_nik"))
        batch_op.drop_index(batch_op.f("ix_participant_name"))
        batch_op.drop_index("ix_participant_nagari_status")
        batch_op.drop_index(batch_op.f("ix_participant_kpj"))
        batch_op.drop_index(batch_op.f("ix_participant_kecamatan_code"))

    op.drop_table("participant")
    op.drop_table("setting")
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_parent_code"))

    op.drop_table("region")
    with op.batch_alter_table("rate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_effective_from"))

    op.drop_table("rate")
    op.drop_table("programme_year")
    op.drop_table("install")
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_entity_id"))
        batch_op.drop_index(batch_op.f("ix_history_at"))

    op.drop_table("history")
    if _on_postgresql():
        op.execute('DROP COLLATION IF EXISTS "NOCASE"')
