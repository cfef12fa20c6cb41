"""Backups of a register kept on PostgreSQL: ``pg_dump``'s custom format, encrypted.

The server's own tools make the dump (``pg_dump -Fc``) and read it back (``pg_restore``
into an empty database); Lindungi only encrypts what pg_dump writes, as it streams, with
the register's key, so a dump found on a stick is as useless without a sign-in of that
install (or its recovery key) as a SQLite backup is. Nothing of the dump is ever written
in plain text: pg_dump writes to a pipe, and pg_restore reads from one.

File layout: ``MAGIC``, a 4-byte length and a JSON header (the install, when, and the key
wraps a replacement PC needs), a 16-byte salt, then chunks of at most :data:`CHUNK` bytes,
each ``length(4) | AES-GCM(chunk)`` with a nonce made of the salt's counter and the
chunk's number, and the last chunk marked in its associated data: a truncated, reordered
or spliced file fails to decrypt instead of restoring half a register.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, text

from app.errors import StorageError
from app.paths import temp_beside
from app.store.files import make_private

MAGIC = b"LINDUNGI-PGDUMP\x01"
CHUNK = 4 * 1024 * 1024
SALT_BYTES = 16
_INFO = b"lindungi pg_dump backup 1"
# The oldest client tools that read what a PostgreSQL 13 server writes.
MIN_TOOLS = "13"


class DumpUnreadable(Exception):
    """Not a Lindungi PostgreSQL backup, damaged, or not with this key."""


@dataclass(frozen=True)
class Server:
    """What the client tools need to reach the register's database (libpq's variables)."""

    host: str
    port: int
    database: str
    user: str
    password: str | None = None
    sslmode: str = "disable"
    sslrootcert: str | None = None

    def env(self, database: str | None = None) -> dict[str, str]:
        """The process environment for pg_dump/pg_restore: libpq reads the password from
        ``PGPASSWORD`` so that it never shows on a command line (``ps`` lists those)."""
        out = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        out |= {
            "PGHOST": self.host,
            "PGPORT": str(self.port),
            "PGDATABASE": database or self.database,
            "PGUSER": self.user,
            "PGSSLMODE": self.sslmode,
            "PGCONNECT_TIMEOUT": "10",
            "PGAPPNAME": "lindungi",
        }
        if self.password is not None:
            out["PGPASSWORD"] = self.password
        if self.sslrootcert:
            out["PGSSLROOTCERT"] = self.sslrootcert
        return out


def tool(name: str) -> str | None:
    """The path of ``pg_dump`` or ``pg_restore`` on the PATH, or None."""
    return shutil.which(name)


def _cipher(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(key)
    return AESGCM(derived)


def _nonce(salt: bytes, index: int) -> bytes:
    return salt[:4] + index.to_bytes(8, "big")


def _aad(index: int, last: bool) -> bytes:
    return MAGIC + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _encrypt_stream(source: IO[bytes], sink: IO[bytes], key: bytes, header: dict[str, Any]) -> int:
    """Write ``source`` to ``sink`` encrypted; returns the plaintext's size."""
    head = json.dumps(header, sort_keys=True).encode()
    salt = os.urandom(SALT_BYTES)
    cipher = _cipher(key, salt)
    sink.write(MAGIC + len(head).to_bytes(4, "big") + head + salt)
    index, total = 0, 0
    current = source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if current else b""
        last = not following
        sealed = cipher.encrypt(_nonce(salt, index), current, _aad(index, last))
        sink.write(len(sealed).to_bytes(4, "big") + sealed)
        total += len(current)
        if last:
            return total
        index += 1
        current = following


def read_header(path: Path) -> dict[str, Any]:
    """The JSON header of a PostgreSQL backup (readable without the key).

    Raises:
        DumpUnreadable: not such a backup.
    """
    with open(path, "rb") as fh:
        return _read_header(fh)


def _read_header(fh: IO[bytes]) -> dict[str, Any]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise DumpUnreadable("not a Lindungi PostgreSQL backup")
    size = int.from_bytes(fh.read(4), "big")
    if size > 1024 * 1024:
        raise DumpUnreadable("header too large")
    try:
        head = json.loads(fh.read(size))
    except ValueError as exc:
        raise DumpUnreadable("header damaged") from exc
    if not isinstance(head, dict):
        raise DumpUnreadable("header damaged")
    return head


def decrypted(path: Path, key: bytes) -> Iterator[bytes]:
    """The dump inside the backup at ``path``, chunk by chunk, each checked.

    Raises:
        DumpUnreadable: damaged, cut short, or another key (at the first bad chunk).
    """
    with open(path, "rb") as fh:
        _read_header(fh)
        salt = fh.read(SALT_BYTES)
        if len(salt) != SALT_BYTES:
            raise DumpUnreadable("cut short")
        cipher = _cipher(key, salt)
        index = 0
        while True:
            size_bytes = fh.read(4)
            if len(size_bytes) != 4:
                raise DumpUnreadable("cut short")
            size = int.from_bytes(size_bytes, "big")
            if size > CHUNK + 16:
                raise DumpUnreadable("damaged")
            sealed = fh.read(size)
            if len(sealed) != size:
                raise DumpUnreadable("cut short")
            plain, last = _open_chunk(cipher, _nonce(salt, index), sealed, index)
            yield plain
            if last:
                if fh.read(1):
                    raise DumpUnreadable("bytes after the end")
                return
            index += 1


def _open_chunk(cipher: AESGCM, nonce: bytes, sealed: bytes, index: int) -> tuple[bytes, bool]:
    """A chunk's plaintext and whether it is the last one."""
    for last in (False, True):
        try:
            return cipher.decrypt(nonce, sealed, _aad(index, last)), last
        except InvalidTag:
            continue
    raise DumpUnreadable("damaged or another key")


def check(path: Path, key: bytes) -> int:
    """Decrypt the whole backup at ``path`` without keeping it; its dump's size.

    Raises:
        DumpUnreadable: damaged, cut short, or another key.
    """
    return sum(len(part) for part in decrypted(path, key))


def _last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1] if lines else "?"


def dump(server: Server, target: Path, key: bytes, header: dict[str, Any]) -> Path:
    """Write an encrypted ``pg_dump -Fc`` of the register's database to ``target``
    (through a temporary file beside it: a failed dump leaves nothing).

    Raises:
        StorageError: ``pgbackup.no_tool`` (no pg_dump on the PATH) or ``pgbackup.failed``
            (pg_dump said why: wrong password, server gone, versions, full disk, …).
    """
    exe = tool("pg_dump")
    if exe is None:
        raise StorageError("pgbackup.no_tool", database=server.database, version=MIN_TOOLS)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(target, ".part")
    args = [exe, "--format=custom", "--no-owner", "--no-privileges", "--compress=6"]
    try:
        with open(tmp, "wb") as sink:
            make_private(tmp)
            proc = subprocess.Popen(
                args,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=server.env(),
            )
            assert proc.stdout is not None and proc.stderr is not None
            try:
                _encrypt_stream(proc.stdout, sink, key, header)
            finally:
                proc.stdout.close()
                err = proc.stderr.read()
                proc.stderr.close()
                code = proc.wait()
            sink.flush()
            os.fsync(sink.fileno())
        if code != 0:
            raise StorageError("pgbackup.failed", reason=_last_line(err))
        tmp.replace(target)
    except OSError as exc:
        raise StorageError("pgbackup.failed", reason=str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def restore(source: Path, key: bytes, server: Server, database: str) -> None:
    """Restore the backup at ``source`` into the empty ``database`` of the server, in one
    transaction (``--single-transaction --exit-on-error``: all of it or nothing).

    Raises:
        DumpUnreadable: the file is damaged, cut short or of another key (checked whole
            before pg_restore starts).
        StorageError: ``pgbackup.restore_tool`` or ``pgbackup.restore_failed``.
    """
    exe = tool("pg_restore")
    if exe is None:
        raise StorageError("pgbackup.restore_tool")
    check(source, key)  # a bad file is refused before the server is touched
    args = [
        exe,
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={database}",
    ]
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=server.env(database),
    )
    assert proc.stdin is not None and proc.stderr is not None
    try:
        for part in decrypted(source, key):
            proc.stdin.write(part)
    except BrokenPipeError:
        pass  # pg_restore stopped early: its own message says why
    finally:
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
        err = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait()
    if code != 0:
        raise StorageError("pgbackup.restore_failed", name=source.name, reason=_last_line(err))


# --- the database a backup is restored into ------------------------------------------

# One schema object of a PostgreSQL database: (kind, table, name, definition).
PgObject = tuple[str, str, str, str]


def user_tables(engine: Engine) -> list[str]:
    """The tables in the database's ``public`` schema (an empty database has none)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        )
        return [str(r[0]) for r in rows]


def schema(engine: Engine) -> frozenset[PgObject]:
    """Every column, constraint, index, trigger and function of the ``public`` schema, in
    the server's own words, so that a restored register can be compared with one that this
    version's migrations built."""
    queries = {
        "column": (
            "SELECT table_name, column_name, data_type || ':' || is_nullable || ':' || "
            "coalesce(column_default, '') FROM information_schema.columns "
            "WHERE table_schema = 'public'"
        ),
        "constraint": (
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE n.nspname = 'public'"
        ),
        "index": (
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
        ),
        "trigger": (
            "SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid) "
            "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND NOT t.tgisinternal"
        ),
        "function": (
            "SELECT '', p.proname, md5(pg_get_functiondef(p.oid)) FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')"
        ),
        "rule": (
            "SELECT tablename, rulename, definition FROM pg_rules WHERE schemaname = 'public'"
        ),
    }
    out: set[PgObject] = set()
    with engine.connect() as conn:
        for kind, sql in queries.items():
            for table, name, definition in conn.execute(text(sql)):
                out.add((kind, str(table), str(name), _normalise(str(definition))))
    return frozenset(out)


_CAST = re.compile(r"::[a-z ]+(\[\])?")


def _normalise(definition: str) -> str:
    """A definition without type casts and parentheses: the server deparses the same
    ``CHECK (x IN (…))`` with its casts placed differently once a dump has been restored."""
    return re.sub(r"\s+", " ", _CAST.sub("", definition).replace("(", "").replace(")", ""))


def empty_out(engine: Engine) -> None:
    """Remove everything a failed restore put into its (formerly empty) database."""
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
