"""pg_name_words: on a PostgreSQL server, the words of every participant's name in a table
of their own, whose B-tree gives a name search's count and first page without reading the
participant table

Revision ID: 0014_pg_name_words
Revises: 0013_pg_search
Create Date: 2026-12-07 16:20:00

At 2,000,000 participants a common first name (40,000 matches) took 153 ms, and two
words 62 ms, on the quiet machine: the GIN index of migration 0001 gathered each prefix's
whole posting list, and the server then read the participant table once per match to
count the matches and to sort them by name.

``participant_word`` holds one row per word of each participant's name: the word exactly
as the GIN index holds it (``lindungi_name_words``: lower case, without apostrophes and
accents), the participant's id, the name, and all the name's words (``words``, each after
a space: " ridwan saputra").

- Its index of (word, name, id), the word in the "C" collation (a prefix is a range of
  bytes) and the name in the list's NOCASE, includes the words: a search reads it alone
  (index-only). The count of a word stops at the cap; the first page is each matching
  word's run of the index, already in the list's order (name, then id), merged: no sort
  however many match; a second word is tested on the row's own ``words`` (" saputra" in
  it), without a join. (An index of (word, id) would be cheaper to insert into, since
  names are compared under ICU on the way down the tree, but each page would then sort
  the range: 18 ms for 40,000 rows, against 0.1 ms.)
- Its primary key (id, word) finds a participant's words (an edit, an erasure).

Triggers keep it: one statement's inserted rows in one ``INSERT … SELECT`` (a transition
table: a merge of 20,000 is two statements, not 20,000 calls); a changed name (only when
its text changed) replaces that participant's words; deleted or truncated participants
take their words with them. The update trigger is one per row with a ``WHEN`` on the name,
not one per statement: PostgreSQL gives no transition tables to a trigger limited to some
columns (``UPDATE OF name``), and a statement trigger on every update would compare the
old and new rows of each statement, while a merge updates 20,000 rows' other columns (the
``WHEN`` is tested in the server's own code, and names seldom change).

The table is derived data, like SQLite's FTS5 table: the history and its hash chain
neither record nor check it.

The GIN index stays: a name with a filter (a status, a kecamatan) or in another order is
still searched through it, which reads the matching rows of the participant table in their
physical order (the word table's ids made the server read the whole table instead).

SQLite keeps its FTS5 table: nothing is done there.
"""

from __future__ import annotations

from alembic import op

revision = "0014_pg_name_words"
down_revision = "0013_pg_search"
branch_labels = None
depends_on = None

# The words of a name, as the GIN index of migration 0001 held them: as an array (each
# once, in byte order), and one a row.
WORD_ARRAY = (
    "CREATE FUNCTION lindungi_word_array(text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    "$$ SELECT tsvector_to_array(lindungi_name_words($1)) $$"
)
WORDS_OF = (
    "CREATE FUNCTION lindungi_words_of(text) RETURNS SETOF text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT unnest(lindungi_word_array($1)) $$"
)
# ``words``: all the name's words, each after a space (" ridwan saputra"): a second search
# word is tested on the row of the first (a word that starts with "saputra" is the text
# " saputra" in it: words hold no spaces), without a join.
TABLE = (
    "CREATE TABLE participant_word ("
    "id integer NOT NULL, "
    'word text COLLATE "C" NOT NULL, '
    'name varchar(200) COLLATE "NOCASE" NOT NULL, '
    'words text COLLATE "C" NOT NULL)'
)
# The rows of the participants in ``source`` (a table or a transition table).
ROWS_OF = (
    "SELECT n.id, w.word, n.name, ' ' || array_to_string(a.words, ' ') "
    "FROM {source} n, LATERAL (SELECT lindungi_word_array(n.name::text) AS words) a, "
    "unnest(a.words) AS w(word)"
)
FILL = "INSERT INTO participant_word (id, word, name, words) " + ROWS_OF.format(
    source="participant"
)
INDEXES = (
    "ALTER TABLE participant_word ADD CONSTRAINT pk_participant_word PRIMARY KEY (id, word)",
    "CREATE INDEX ix_participant_word_word ON participant_word (word, name, id) INCLUDE (words)",
)
FUNCTIONS = (
    "CREATE FUNCTION participant_word_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN INSERT INTO participant_word (id, word, name, words) "
    + ROWS_OF.format(source="inserted")
    + "; RETURN NULL; END $$",
    "CREATE FUNCTION participant_word_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN DELETE FROM participant_word WHERE id = OLD.id; "
    "INSERT INTO participant_word (id, word, name, words) "
    + ROWS_OF.format(source="(SELECT NEW.id AS id, NEW.name AS name)")
    + "; RETURN NULL; END $$",
    "CREATE FUNCTION participant_word_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN DELETE FROM participant_word w USING deleted d WHERE w.id = d.id; "
    "RETURN NULL; END $$",
    "CREATE FUNCTION participant_word_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN TRUNCATE participant_word; RETURN NULL; END $$",
)
# A name compared as text ("C"): under NOCASE "siti" and "SITI" are equal, but the row
# keeps the name as written.
TRIGGERS = (
    "CREATE TRIGGER participant_word_ai AFTER INSERT ON participant "
    "REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT "
    "EXECUTE FUNCTION participant_word_insert()",
    "CREATE TRIGGER participant_word_au AFTER UPDATE OF name, id ON participant FOR EACH ROW "
    'WHEN (OLD.name COLLATE "C" IS DISTINCT FROM NEW.name COLLATE "C" OR OLD.id <> NEW.id) '
    "EXECUTE FUNCTION participant_word_update()",
    "CREATE TRIGGER participant_word_ad AFTER DELETE ON participant "
    "REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT "
    "EXECUTE FUNCTION participant_word_delete()",
    "CREATE TRIGGER participant_word_at AFTER TRUNCATE ON participant FOR EACH STATEMENT "
    "EXECUTE FUNCTION participant_word_truncate()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (WORD_ARRAY, WORDS_OF, TABLE, FILL, *INDEXES, *FUNCTIONS, *TRIGGERS):
        op.execute(statement)
    op.execute("ANALYZE participant_word")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for trigger in ("ai", "au", "ad", "at"):
        op.execute(f"DROP TRIGGER IF EXISTS participant_word_{trigger} ON participant")
    for function in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP FUNCTION IF EXISTS participant_word_{function}()")
    op.execute("DROP TABLE IF EXISTS participant_word")
    op.execute("DROP FUNCTION IF EXISTS lindungi_words_of(text)")
    op.execute("DROP FUNCTION IF EXISTS lindungi_word_array(text)")
