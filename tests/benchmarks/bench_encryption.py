"""SQLCipher 4 with and without a key, side by side, at 100,000 participants.

Run: ``pip install sqlcipher3 && python -m tests.benchmarks.bench_encryption
[--participants N] [--runs R]``. Not collected by pytest. It answers one question before the
register is encrypted at rest: what does the encryption cost? Both registers are driven by
the same driver (``sqlcipher3``, SQLCipher 4 inside) through SQLAlchemy
(``create_engine("sqlite:///…", module=sqlcipher3)``) with the store's pragmas (WAL,
``synchronous=FULL``, foreign keys, ``secure_delete``, ``BEGIN`` by SQLAlchemy) and the
real schema (the Alembic migrations); one of them gets a random 32-byte raw key
(``PRAGMA key = "x'…'"``: no key derivation per connection).

What is measured (key derivation excluded; it is measured as the sign-in):
- bulk insert: ``demo.generate`` of N participants (rows, history, FTS index), one transaction;
- a NIK-prefix search and a name search, as the list asks them (every matching id, then the
  first page of 100 rows), median of R runs;
- the sign-in of an encrypted register: Argon2id at OWASP's cost (19 MiB, t=2, p=1) from a
  password, unwrapping the database key (AES-GCM), opening the engine and a first query;
- a backup and a restore of the whole register with SQLite's backup API (on the encrypted
  one, every page is decrypted and encrypted again).
Goals: encrypted within 15 % of plaintext on insert and searches; sign-in at most 1 s;
backup and restore at most 3 s each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import sessionmaker

from app.domain.install import Role
from app.services import demo
from app.services.context import Context
from app.services.setup import setup_install
from app.store.engine import DB_FILENAME, Database
from app.store.migrate import upgrade
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.benchmarks.bench_foundation import first_page, median_of, ms, timed

try:
    import sqlcipher3  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError:  # pragma: no cover - told to the person who runs it
    sqlcipher3 = None


def kek(password: str, salt: bytes) -> bytes:
    """The key that wraps the database key: Argon2id at OWASP's cost (19 MiB, t=2, p=1)."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(salt=salt, length=32, iterations=2, lanes=1, memory_cost=19 * 1024)
    return kdf.derive(password.encode())


CACHE_MIB = 0  # SQLite's page cache per connection (0: SQLite's default, 2 MiB); --cache-mib
TEMP_IN_MEMORY = False  # sorts and temporary indexes in memory, not in (encrypted) files


def cipher_engine(path: Path, key: bytes | None) -> Engine:
    """The store's engine on the SQLCipher driver, with ``key`` as a raw key (or none)."""
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher3,
        hide_parameters=True,
        connect_args={"timeout": 10, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(conn: Any, _record: Any) -> None:
        conn.isolation_level = None
        cur = conn.cursor()
        if key is not None:
            cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
            "busy_timeout=10000",
            "secure_delete=ON",
        ):
            cur.execute(f"PRAGMA {pragma}")
        if CACHE_MIB:
            cur.execute(f"PRAGMA cache_size=-{CACHE_MIB * 1024}")
        if TEMP_IN_MEMORY:
            cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def cipher_database(path: Path, key: bytes | None) -> Database:
    """A store :class:`Database` whose engine is :func:`cipher_engine`."""
    db = Database.__new__(Database)
    db.path = path
    db.engine = cipher_engine(path, key)
    db._factory = sessionmaker(db.engine, expire_on_commit=False)
    return db


def copy_with_backup_api(source: Path, target: Path, key: bytes | None) -> int:
    """The whole database copied page by page; returns the participants in the copy."""
    target.unlink(missing_ok=True)
    src = sqlcipher3.connect(source)
    dst = sqlcipher3.connect(target)
    try:
        for con in (src, dst):
            if key is not None:
                con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        src.backup(dst)
        return int(dst.execute("SELECT count(*) FROM participant").fetchone()[0])
    finally:
        src.close()
        dst.close()


def sign_in(path: Path, password: str, salt: bytes, wrapped: bytes, nonce: bytes) -> int:
    """Password → Argon2id → unwrap the database key → open → first query."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = AESGCM(kek(password, salt)).decrypt(nonce, wrapped, b"lindungi-db-key")
    engine = cipher_engine(path, key)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM participant")).scalar_one())
    finally:
        engine.dispose()


def run_one(root: Path, key: bytes | None, count: int, runs: int) -> dict[str, tuple[float, float]]:
    """Every figure of one register (plaintext when ``key`` is None)."""
    root.mkdir(parents=True)
    (root / "backups").mkdir()
    path = root / DB_FILENAME
    db = cipher_database(path, key)
    upgrade(db.engine, path, root / "backups")
    ctx = Context(root, db)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    out: dict[str, tuple[float, float]] = {}
    wall, cpu, _ = timed(lambda: demo.generate(ctx, ADMIN, count, seed=1))
    out["bulk insert"] = (wall, cpu)
    for label, term in (("NIK prefix '1303061'", "1303061"), ("name word 'yusni'", "yusni")):
        wall, cpu, _ = median_of(runs, partial(first_page, ctx, ListQuery(term)))
        out[f"search {label}, first page"] = (wall, cpu)
    db.close()
    wall, cpu, n = timed(lambda: copy_with_backup_api(path, root / "backup.db", key))
    assert n == count
    out[f"backup of {count:,} (backup API)"] = (wall, cpu)
    wall, cpu, n = timed(lambda: copy_with_backup_api(root / "backup.db", root / "back.db", key))
    assert n == count
    out[f"restore of {count:,} (backup API)"] = (wall, cpu)
    if key is not None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        password, salt, nonce = "rahasia-kantor", os.urandom(16), os.urandom(12)
        wrapped = AESGCM(kek(password, salt)).encrypt(nonce, key, b"lindungi-db-key")
        wall, cpu, n = median_of(runs, lambda: sign_in(path, password, salt, wrapped, nonce))
        assert n == count
        out["sign-in (Argon2id, unwrap, open, first query)"] = (wall, cpu)
        raw = path.read_bytes()
        out["raw file shows no NIK prefix or name"] = (
            float(b"130306" in raw or b"Yusni" in raw),
            0.0,
        )
    return out


GOALS: dict[str, Callable[[float, float | None], str]] = {
    "bulk insert": lambda enc, plain: "ok" if plain and enc <= plain * 1.15 else "MISSED",
    "search": lambda enc, plain: "ok" if plain and enc <= plain * 1.15 else "MISSED",
    "sign-in": lambda enc, _plain: "ok" if enc <= 1.0 else "MISSED",
    "backup": lambda enc, _plain: "ok" if enc <= 3.0 else "MISSED",
    "restore": lambda enc, _plain: "ok" if enc <= 3.0 else "MISSED",
}


def verdict(what: str, enc: float, plain: float | None) -> str:
    for prefix, rule in GOALS.items():
        if what.startswith(prefix):
            return rule(enc, plain)
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--cache-mib", type=int, default=0, help="page cache per connection, both registers"
    )
    parser.add_argument(
        "--temp-in-memory", action="store_true", help="temp_store=MEMORY on both registers"
    )
    args = parser.parse_args(argv)
    global CACHE_MIB
    CACHE_MIB = args.cache_mib
    if sqlcipher3 is None:
        print("sqlcipher3 is not installed: pip install sqlcipher3", file=sys.stderr)
        return 2
    sqlcipher3.register_adapter(dt.datetime, lambda v: v.strftime("%Y-%m-%d %H:%M:%S.%f"))
    sqlcipher3.register_adapter(dt.date, lambda v: v.isoformat())
    con = sqlcipher3.connect(":memory:")
    cipher = con.execute("PRAGMA cipher_version").fetchone()[0]
    print(
        f"sqlcipher3 {getattr(sqlcipher3, 'version', '?')}, SQLCipher {cipher}, "
        f"SQLite {sqlcipher3.sqlite_version}; {args.participants:,} participants; "
        f"median of {args.runs} runs for searches and sign-in; page cache "
        f"{f'{args.cache_mib} MiB' if args.cache_mib else 'SQLite default'}; temp store "
        f"{'in memory' if args.temp_in_memory else 'SQLite default'}; {os.cpu_count()} cores"
    )
    con.close()
    with tempfile.TemporaryDirectory(prefix="lindungi-bench-enc-") as tmp:
        plain = run_one(Path(tmp) / "plain", None, args.participants, args.runs)
        enc = run_one(Path(tmp) / "encrypted", os.urandom(32), args.participants, args.runs)
    leak = enc.pop("raw file shows no NIK prefix or name")[0]
    headers = ("measure", "plaintext", "encrypted", "ratio", "goal", "")
    rows = []
    for what, (wall, _cpu) in enc.items():
        base = plain.get(what)
        ratio = f"{wall / base[0]:.2f}x" if base else "-"
        goal = (
            "≤ 1.15x"
            if what.startswith(("bulk", "search"))
            else "≤ 1 s"
            if what.startswith("sign-in")
            else "≤ 3 s"
        )
        rows.append(
            (
                what,
                ms(base[0]) if base else "-",
                ms(wall),
                ratio,
                goal,
                verdict(what, wall, base[0] if base else None),
            )
        )
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    for i, line in enumerate([headers, *rows]):
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print(f"raw bytes of the encrypted file: {'NIK or name FOUND' if leak else 'no NIK, no name'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
