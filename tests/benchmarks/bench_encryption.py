"""The register with and without its key, side by side, at 100,000 participants.

Run: ``python -m tests.benchmarks.bench_encryption [--participants N] [--runs R]``. Not
collected by pytest. Both registers are the app's own store (``app.store.engine.Database``
on ``sqlcipher3``, SQLCipher 4, with its pragmas: WAL, ``synchronous=FULL``, foreign keys,
``secure_delete``, a 64 MiB page cache and temporary tables in memory) over the real schema;
one has a random 32-byte raw key (no key derivation per connection), the other none.

What is measured (key derivation excluded; it is measured as the sign-in):
- bulk insert: ``demo.generate`` of N participants (rows, history, FTS index), one transaction;
- a NIK-prefix search and a name search, as the list asks them (every matching id, then the
  first page of 100 rows), median of R runs;
- a backup and a restore of the whole register with the store's backup API functions (on
  the encrypted one every page is decrypted and encrypted again), and ``lindungi restore``
  as a whole (the backup checked, the register backed up first, then copied);
- the sign-in of the encrypted register as the app does it (``accounts.sign_in``): Argon2id
  at OWASP's cost (19 MiB, t=2, p=1), the key unwrapped (AES-GCM), the register opened and
  checked for migrations, and a first query.
Goals: encrypted within 15 % of plaintext on insert and searches; sign-in at most 1 s;
backup and restore at most 3 s each.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import text
from sqlcipher3 import dbapi2 as sqlcipher3

from app.domain.install import Role
from app.services import demo
from app.services.context import Context
from app.services.setup import setup_install
from app.store.engine import CACHE_KIB, DB_FILENAME, Database
from app.store.migrate import upgrade
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.benchmarks.bench_foundation import first_page, median_of, ms, timed


def run_one(root: Path, key: bytes | None, count: int, runs: int) -> dict[str, tuple[float, float]]:
    """Every figure of one register (plaintext when ``key`` is None), through the app's own
    store: ``Database`` with its pragmas (64 MiB page cache, temporary tables in memory),
    its backup and restore, and its sign-in."""
    from app.services import accounts, backup, vault
    from app.store.backup import backup_file, copy_over

    root.mkdir(parents=True)
    (root / "backups").mkdir()
    path = root / DB_FILENAME
    db = Database(path, key)
    upgrade(db.engine, path, root / "backups", key=key)
    ctx = Context(root, db)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    password = "rahasia-kantor-1"
    if key is not None:
        vault.save(root, vault.new_vault(key))
        accounts.first_admin(ctx, "admin", password)  # wraps the key at the real cost
    out: dict[str, tuple[float, float]] = {}
    wall, cpu, _ = timed(lambda: demo.generate(ctx, ADMIN, count, seed=1))
    out["bulk insert"] = (wall, cpu)
    for label, term in (("NIK prefix '1303061'", "1303061"), ("name word 'yusni'", "yusni")):
        wall, cpu, _ = median_of(runs, partial(first_page, ctx, ListQuery(term)))
        out[f"search {label}, first page"] = (wall, cpu)
    copy = root / "copy.sqlite"
    wall, cpu, _ = timed(lambda: backup_file(path, copy, key))
    out[f"backup of {count:,} (backup API)"] = (wall, cpu)
    db.close()
    wall, cpu, _ = timed(lambda: copy_over(copy, path, key))
    out[f"restore of {count:,} (backup API)"] = (wall, cpu)
    if key is not None:
        wall, cpu, _ = timed(lambda: backup.restore(ctx, ADMIN, copy))
        out[f"restore of {count:,} (lindungi restore: checks, backup first, copy)"] = (wall, cpu)

        def sign_in() -> int:
            opened, _who = accounts.sign_in(root, "admin", password)
            try:
                with opened.db.read() as s:
                    return int(s.execute(text("SELECT count(*) FROM participant")).scalar_one())
            finally:
                opened.close()

        wall, cpu, n = median_of(runs, sign_in)
        assert n == count
        out["sign-in (Argon2id 19 MiB t=2, unwrap, open, first query)"] = (wall, cpu)
        raw = path.read_bytes()
        out["raw file shows no NIK prefix or name"] = (
            float(b"130306" in raw or b"Yusni" in raw),
            0.0,
        )
    db.close()
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
    args = parser.parse_args(argv)
    con = sqlcipher3.connect(":memory:")
    cipher = con.execute("PRAGMA cipher_version").fetchone()[0]
    print(
        f"sqlcipher3 {importlib.metadata.version('sqlcipher3')}, SQLCipher {cipher}, "
        f"SQLite {sqlcipher3.sqlite_version}; {args.participants:,} participants; "
        f"median of {args.runs} runs for searches and sign-in; the store's pragmas (page "
        f"cache {CACHE_KIB // 1024} MiB, temp store in memory); {os.cpu_count()} cores"
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
