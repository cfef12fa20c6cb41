"""pg_word_filters: on a PostgreSQL server, the list's filters and orders beside each name
word, so that every name search (with filters, in any order) starts from the word table;
the GIN index of the name's words goes

Revision ID: 0015_pg_word_filters
Revises: 0014_pg_name_words
Create Date: 2026-12-07 22:40:00

Measured on a province's register (2,000,000 participants, docs/benchmarks.md), before:

- A name with a filter went through the GIN index of migration 0001, whose matches the
  server read from the participant table: "Ridwan" in one kecamatan took 62 ms, "Ridwan"
  with a status 117 ms (the goal is 50 ms). The word table knew neither the kecamatan nor
  the status.
- That GIN index was kept for those searches alone, and a merge paid for it: 20,000
  participants went in 0.27 s faster without it (``INSERT … SELECT`` of 20,000 copied rows,
  three runs each, rolled back).

Now each row of ``participant_word`` carries the participant's kecamatan, nagari, status,
occupation and funding (the list's filters) and sex, birth date, registration number, NIK
and KPJ (the list's other orders), and the index of (word, name, id) includes them: a name
with any of those filters, in any of the list's orders, is counted and paged from that
index alone, as a name without one; a card filter tests the participant's row
(app/store/repo.py). No search needs the GIN index any more: it is dropped.

Keeping these values in step:

- inserted participants: the statement's insert trigger copies them, the rows in the
  index's order (word, name, id: 0.05 to 0.09 s less per 20,000 than in the order of the
  participants);
- a changed name: the row trigger of migration 0014 replaces the words, with the new
  values;
- any other of these values changed (a KPJ assigned, a merge's updates, a correction): a
  statement trigger with the statement's old and new rows updates the words of the
  participants whose values changed, in one ``UPDATE … FROM`` per statement (a row trigger
  would be a call per participant: 20,000 calls for 20,000 KPJs). PostgreSQL gives
  transition tables only to a trigger on every update (not ``UPDATE OF`` some columns), so
  it runs after each update of the table and finds nothing to do in most.

The table is rebuilt, not altered: adding ten columns and filling them would leave a
dead copy of each of its rows (3,500,000 at 2,000,000 participants).

SQLite keeps its FTS5 table: nothing is done there.
"""

from __future__ import annotations

from alembic import op

revision = "0015_pg_word_filters"
down_revision = "0014_pg_name_words"
branch_labels = None
depends_on = None

FILTERS = ("kecamatan_code", "nagari_code", "status", "occupation", "funding")
# The list's other orders (the status, occupation, funding and nagari are filters too).
ORDERS = ("sex", "birth_date", "reg_no", "nik", "kpj")
LISTED = FILTERS + ORDERS
# In the database's own collation, as in the participant table: a list sorted by one of
# them is in the same order with a name searched or without.
_TYPES = dict.fromkeys(LISTED, "text NOT NULL") | {"birth_date": "date NOT NULL", "kpj": "text"}
_COLUMNS = "id, word, name, words, " + ", ".join(LISTED)

TABLE = (
    "CREATE TABLE participant_word_next ("
    "id integer NOT NULL, "
    'word text COLLATE "C" NOT NULL, '
    'name varchar(200) COLLATE "NOCASE" NOT NULL, '
    'words text COLLATE "C" NOT NULL, ' + ", ".join(f"{f} {_TYPES[f]}" for f in LISTED) + ")"
)
# The rows of the participants in ``source`` (a table, a transition table or NEW).
ROWS_OF = (
    "SELECT n.id, w.word, n.name, ' ' || array_to_string(a.words, ' '), "
    + ", ".join(f"n.{f}" for f in LISTED)
    + " FROM {source} n, LATERAL (SELECT lindungi_word_array(n.name::text) AS words) a, "
    "unnest(a.words) AS w(word)"
)
FILL = f"INSERT INTO participant_word_next ({_COLUMNS}) " + ROWS_OF.format(source="participant")
SWAP = (
    "DROP TABLE participant_word",
    "ALTER TABLE participant_word_next RENAME TO participant_word",
)
INDEXES = (
    "ALTER TABLE participant_word ADD CONSTRAINT pk_participant_word PRIMARY KEY (id, word)",
    "CREATE INDEX ix_participant_word_word ON participant_word (word, name, id) "
    f"INCLUDE (words, {', '.join(LISTED)})",
)
FUNCTIONS = (
    "CREATE OR REPLACE FUNCTION participant_word_insert() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN INSERT INTO participant_word ({_COLUMNS}) "
    + ROWS_OF.format(source="inserted")
    + " ORDER BY 2, 3, 1; RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION participant_word_update() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN DELETE FROM participant_word WHERE id = OLD.id; "
    f"INSERT INTO participant_word ({_COLUMNS}) "
    + ROWS_OF.format(source="(SELECT NEW.*)")
    + "; RETURN NULL; END $$",
    "CREATE FUNCTION participant_word_refile() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE participant_word w SET "
    + ", ".join(f"{f} = a.{f}" for f in LISTED)
    + " FROM new_rows a JOIN old_rows b ON b.id = a.id WHERE w.id = a.id AND ("
    + ", ".join(f"a.{f}" for f in LISTED)
    + ") IS DISTINCT FROM ("
    + ", ".join(f"b.{f}" for f in LISTED)
    + "); RETURN NULL; END $$",
)
TRIGGERS = (
    "CREATE TRIGGER participant_word_af AFTER UPDATE ON participant "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION participant_word_refile()",
)
GIN = "ix_participant_name_words"

# The downgrade: migration 0014's table, functions and index again, and the GIN index.
OLD_ROWS_OF = (
    "SELECT n.id, w.word, n.name, ' ' || array_to_string(a.words, ' ') "
    "FROM {source} n, LATERAL (SELECT lindungi_word_array(n.name::text) AS words) a, "
    "unnest(a.words) AS w(word)"
)
OLD_FUNCTIONS = (
    "CREATE OR REPLACE FUNCTION participant_word_insert() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN INSERT INTO participant_word (id, word, name, words) "
    + OLD_ROWS_OF.format(source="inserted")
    + "; RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION participant_word_update() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN DELETE FROM participant_word WHERE id = OLD.id; "
    "INSERT INTO participant_word (id, word, name, words) "
    + OLD_ROWS_OF.format(source="(SELECT NEW.id AS id, NEW.name AS name)")
    + "; RETURN NULL; END $$",
)


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_server():
        return
    for statement in (TABLE, FILL, *SWAP, *INDEXES, *FUNCTIONS, *TRIGGERS):
        op.execute(statement)
    op.execute(f"DROP INDEX IF EXISTS {GIN}")
    op.execute("ANALYZE participant_word")


def downgrade() -> None:
    if not _on_server():
        return
    op.execute("DROP TRIGGER IF EXISTS participant_word_af ON participant")
    op.execute("DROP FUNCTION IF EXISTS participant_word_refile()")
    for statement in OLD_FUNCTIONS:
        op.execute(statement)
    for column in LISTED:  # the index that includes them goes with them
        op.execute(f"ALTER TABLE participant_word DROP COLUMN IF EXISTS {column}")
    op.execute(
        "CREATE INDEX ix_participant_word_word ON participant_word (word, name, id) INCLUDE (words)"
    )
    op.execute(
        f"CREATE INDEX {GIN} ON participant USING gin (lindungi_name_words(name::text)) "
        "WITH (gin_pending_list_limit = 256)"
    )
