"""Speed and memory of sync bundles, each beside a bare baseline doing the same work.

Run: ``python -m tests.benchmarks.bench_sync [--office N] [--register N]``.
Not collected by pytest (``norecursedirs``); the latest figures are in docs/benchmarks.md.

The registers are set up as the application sets them up (encrypted with SQLCipher, history
in its hash chain). Each step runs in a fresh process of its own, as on the two machines
(the office exports, the kabupaten previews and merges), so that each peak memory is that
step's own; the bare baselines run in processes of their own too, on the same files.

What is measured, against its goals:
- export of a bundle of 20,000 participants (query, pack, seal, sign, write, fsync, read
  back and verify): ≤ 1.0 s. Bare: the same rows and history read with the driver, then
  JSON, zlib, the AEAD, Ed25519, write, fsync, read back and verify;
- its import into a kabupaten register that already holds 80,000: the preview (a dry run)
  and the merge (the commit reusing the preview's plan, and the receipt for the office):
  ≤ 4 s together; the backup taken before the merge is timed apart and not counted. Bare: on
  a copy of the same register, the file's signature checked, opened, parsed, the records
  already there and the NIKs already held looked up, the new records inserted and updated
  with one chained history entry each (and the office's entries), in one transaction;
- peak memory (maximum resident set size) of the process that previews and merges:
  ≤ 300 MB;
- the receipt imported back at the office (not a goal, shown for reference).
Wall-clock seconds are what the user waits; CPU seconds of the process are steadier on a
busy machine, and both are printed, with both ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import queue
import shutil
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_CHUNK = 900


def timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """(result, wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def peak_mb() -> float | None:
    """Maximum resident set size of this process so far, in MB (None where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def prepare(root: Path, office_n: int, register_n: int) -> None:
    """Build the two data dirs."""
    from app.domain.install import Role
    from app.services import demo, trust
    from app.services.context import open_data_dir
    from app.services.setup import setup_install
    from app.services.sync import bundle_import, export, offices
    from tests.actors import ADMIN

    usb = root / "usb"
    usb.mkdir()
    kab = open_data_dir(root / "kab")
    setup_install(kab, ADMIN, role=Role.KABUPATEN)
    # Station B: the kabupaten's demo data stands for the station-A records of every
    # kecamatan, so the two never share registration numbers.
    enrol = trust.write_enrolment(kab, ADMIN, "13.03.06", "B", usb)
    office = open_data_dir(root / "office")
    trust.setup_from_enrolment(office, ADMIN, enrol.path)
    print(f"generating {register_n:,} in the register…", flush=True)
    demo.generate(kab, ADMIN, register_n, seed=1)
    # The office's key is confirmed with a first, empty bundle.
    first = export.export_bundle(office, ADMIN, usb)
    bundle_import.import_file(kab, ADMIN, first.path)
    offices.confirm_office(
        kab, ADMIN, "130306-B", trust.whoami(office).fingerprint, root / "receipts"
    )
    print(f"generating {office_n:,} at the office…", flush=True)
    demo.generate(office, ADMIN, office_n, seed=2)
    kab.close()
    office.close()


# --- the application -----------------------------------------------------------------


def app_export(root: Path) -> dict[str, Any]:
    """The office writes its bundle."""
    from app.services.context import open_data_dir
    from app.services.sync import export
    from app.store.engine import DB_FILENAME, looks_encrypted
    from tests.actors import ADMIN

    office = open_data_dir(root / "office")
    sent, wall, cpu = timed(lambda: export.export_bundle(office, ADMIN, root / "usb"))
    office.close()
    return {
        "wall": wall,
        "cpu": cpu,
        "path": str(sent.path),
        "size": sent.path.stat().st_size,
        "count": sent.counts["participants"],
        "encrypted": looks_encrypted(root / "office" / DB_FILENAME),
        "peak": peak_mb(),
    }


def app_import(root: Path, bundle: str) -> dict[str, Any]:
    """The kabupaten previews the bundle, then merges it (reusing the preview's plan), as
    the import dialog does; the backup before the merge and the receipt after it are also
    timed on their own."""
    from app.services import backup, participants
    from app.services.context import open_data_dir
    from app.services.sync import bundle_import, receipts
    from tests.actors import ADMIN

    kab = open_data_dir(root / "kab")
    held = participants.count(kab)
    start = peak_mb()
    spent: dict[str, tuple[float, float]] = {}

    def clocked(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            out, wall, cpu = timed(lambda: fn(*args, **kwargs))
            spent[name] = (wall, cpu)
            return out

        return run

    # Timing only: the import calls these through their modules.
    setattr(backup, "auto_backup", clocked("backup", backup.auto_backup))  # noqa: B010
    setattr(bundle_import, "write_receipt", clocked("receipt", receipts.write_receipt))  # noqa: B010
    path = Path(bundle)
    preview, pw, pc = timed(lambda: bundle_import.import_file(kab, ADMIN, path, dry_run=True))
    result, cw, cc = timed(
        lambda: bundle_import.import_file(
            kab, ADMIN, path, receipt_out=root / "usb", preview=preview
        )
    )
    kab.close()
    assert result.status == "imported", result.status
    assert result.receipt is not None, result.receipt_error
    return {
        "held": held,
        "preview": (pw, pc),
        "commit": (cw, cc),
        "backup": spent["backup"],
        "receipt": spent["receipt"],
        "counts": {k: v for k, v in result.counts.items() if v},
        "receipt_path": str(result.receipt),
        "start": start,
        "peak": peak_mb(),
    }


def app_receipt(root: Path, receipt: str) -> dict[str, Any]:
    """The office imports the kabupaten's receipt (for reference)."""
    from app.services.context import open_data_dir
    from app.services.sync import bundle_import
    from tests.actors import ADMIN

    office = open_data_dir(root / "office")
    back, wall, cpu = timed(lambda: bundle_import.import_file(office, ADMIN, Path(receipt)))
    office.close()
    return {"wall": wall, "cpu": cpu, "accepted": back.counts.get("accepted"), "peak": peak_mb()}


# --- the bare baselines ----------------------------------------------------------------


def _keys(data_dir: Path) -> tuple[bytes | None, Any, Any]:
    """(database key, install keypair, the kabupaten's public keys) of a data dir, read with
    the application before the timing starts."""
    from app.services.context import database_key, open_data_dir
    from app.services.trust import install_keypair
    from app.store import sync as sync_store

    key = database_key(data_dir)
    ctx = open_data_dir(data_dir, key)
    pair = install_keypair(ctx)
    with ctx.db.read() as s:
        kabs = sync_store.peers(s, role="kabupaten")
    ctx.close()
    return key, pair, kabs[0].enc_key if kabs else None


def _select(conn: Any, sql: str, args: Any = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def bare_export(root: Path) -> dict[str, Any]:
    """The same rows and history read with the driver; JSON, zlib, AEAD, Ed25519, write,
    fsync, read back and verify."""
    from app.store.engine import DB_FILENAME, connect
    from app.sync import container, crypto

    data_dir = root / "office"
    key, pair, kab_enc = _keys(data_dir)
    out = root / "bare-export.bin"

    def work() -> int:
        conn = connect(data_dir / DB_FILENAME, key, read_only=True)
        people = _select(
            conn,
            "SELECT * FROM participant WHERE revision > ack_revision AND status IN "
            "('approved', 'accepted', 'active', 'inactive') ORDER BY id",
        )
        uuids = [p["uuid"] for p in people]
        history: list[dict[str, Any]] = []
        for i in range(0, len(uuids), _CHUNK):
            chunk = uuids[i : i + _CHUNK]
            history += _select(
                conn,
                "SELECT * FROM history WHERE entity = 'participant' AND entity_id IN "
                f"({', '.join('?' * len(chunk))}) ORDER BY id",
                chunk,
            )
        conn.close()
        raw = json.dumps(
            {"participants": people, "history": history},
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
        compressed = zlib.compress(raw, container.LEVEL)
        eph = crypto.new_ephemeral()
        prefix = b"BARE" + struct.pack(">Q", len(compressed) + 16)
        body = crypto.seal(compressed, bytes.fromhex(kab_enc), eph, prefix)
        signed = prefix + body
        data = signed + pair.sign(signed)
        with open(out, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        back = out.read_bytes()
        crypto.verify(pair.public.sign, back[-64:], back[:-64])
        return len(people)

    count, wall, cpu = timed(work)
    return {"wall": wall, "cpu": cpu, "count": count, "size": out.stat().st_size}


def bare_merge(root: Path, bundle: str) -> dict[str, Any]:
    """On a copy of the register taken before the import: the file checked and opened, the
    records already there and the NIKs already held looked up, new records inserted (the
    rest updated), one chained history entry each and the office's entries, one
    transaction with the store's durability (WAL, synchronous FULL)."""
    from app.domain import audit
    from app.store.engine import DB_FILENAME, connect
    from app.sync import crypto

    data_dir = root / "kab-bare"
    key, pair, _kab = _keys(data_dir)
    now = time.strftime("%Y-%m-%d %H:%M:%S.000000")
    sha = hashlib.sha256

    def work() -> int:
        data = Path(bundle).read_bytes()
        _magic, _fmt, head_len = struct.unpack_from(">8sHI", data, 0)
        head = json.loads(data[14 : 14 + head_len])
        (body_len,) = struct.unpack_from(">Q", data, 14 + head_len)
        body_at = 14 + head_len + 8
        sender = crypto.PublicKeys.from_json(head["sender_keys"]).sign
        crypto.verify(sender, data[-64:], data[:-64])
        eph = crypto.unb64(head["sealed"]["ephemeral"], 32)
        compressed = crypto.unseal(
            data[body_at : body_at + body_len], pair.encryption, eph, data[:body_at]
        )
        payload = json.loads(zlib.decompress(compressed))
        records = payload["participants"]
        conn = connect(data_dir / DB_FILENAME, key)
        conn.isolation_level = None
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        columns = [r[1] for r in conn.execute("PRAGMA table_info(participant)")]
        known: dict[str, int] = {}
        held: set[str] = set()
        uuids = [r["uuid"] for r in records]
        niks = [r["nik"] for r in records]
        for i in range(0, len(records), _CHUNK):
            marks = ", ".join("?" * len(uuids[i : i + _CHUNK]))
            known.update(
                conn.execute(
                    f"SELECT uuid, id FROM participant WHERE uuid IN ({marks})",
                    uuids[i : i + _CHUNK],
                )
            )
            held.update(
                n
                for (n,) in conn.execute(
                    f"SELECT nik FROM participant WHERE nik IN ({marks}) AND status != 'inactive'",
                    niks[i : i + _CHUNK],
                )
            )
        (prev,) = conn.execute("SELECT hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
        entries: list[tuple[Any, ...]] = []
        new: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for h in payload["history"]:
            who = (h["at"], h["actor"], h["install_code"], h["entity"], h["entity_id"])
            what = (h["action"], json.dumps(h["changes"]), h.get("reason", ""), h["state"])
            entries.append(who + what)
        for r in records:
            if r["uuid"] not in known and r["nik"] in held:
                continue  # a duplicate: left for a person
            state = sha(
                "\x1f".join(str(r.get(k) or "") for k in audit.COMPARED).encode()
            ).hexdigest()
            entries.append(
                (now, "admin", "KAB", "participant", r["uuid"], "bundle_merge", "{}", "", state)
            )
            (changed if r["uuid"] in known else new).append(r)
        rows: list[tuple[Any, ...]] = []
        for e in entries:
            content = sha("\x1f".join(e[:9]).encode()).hexdigest()
            prev = sha("\x1f".join(["2", prev, *e[:6], content]).encode()).hexdigest()
            rows.append((*e, content, prev))
        conn.executemany(
            "INSERT INTO history (at, actor, install_code, entity, entity_id, action, changes,"
            " reason, state, content_hash, hash, rule, prev_hash, redacted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, '', 0)",
            rows,
        )
        cols = [c for c in columns if c in records[0] and c != "id"]
        conn.executemany(
            f"INSERT INTO participant ({', '.join(cols)}, history_hash) "
            f"VALUES ({', '.join('?' * len(cols))}, '+')",
            ([r[c] for c in cols] for r in new),
        )
        sets = ", ".join(f"{c} = ?" for c in cols)
        conn.executemany(
            f"UPDATE participant SET {sets} WHERE id = ?",
            ([*(r[c] for c in cols), known[r["uuid"]]] for r in changed),
        )
        conn.execute("COMMIT")
        conn.close()
        return len(new) + len(changed)

    count, wall, cpu = timed(work)
    return {"wall": wall, "cpu": cpu, "count": count}


# --- the run ---------------------------------------------------------------------------


def _child(target: Callable[..., dict[str, Any]], args: tuple[Any, ...], q: Any) -> None:
    q.put(target(*args))


def in_process(target: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run ``target`` in a fresh process; its result."""
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    child = ctx.Process(target=_child, args=(target, args, q))
    child.start()
    while True:
        try:
            out: dict[str, Any] = q.get(timeout=1)
            break
        except queue.Empty:
            if not child.is_alive():
                raise SystemExit(f"{target.__name__} failed") from None
    child.join()
    return out


def _secs(wall: float, cpu: float) -> str:
    return f"{wall:.2f} s (CPU {cpu:.2f} s)"


def _ratio(wall: float, cpu: float, bare_wall: float, bare_cpu: float) -> str:
    return f"{wall / bare_wall:.1f}× (CPU {cpu / bare_cpu:.1f}×)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench_sync")
    ap.add_argument("--office", type=int, default=20_000, help="participants in the bundle")
    ap.add_argument("--register", type=int, default=80_000, help="already in the register")
    args = ap.parse_args(argv)
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        root = Path(tmp)
        child = multiprocessing.get_context("spawn").Process(
            target=prepare, args=(root, args.office, args.register)
        )
        child.start()
        child.join()
        if child.exitcode != 0:
            return 1
        shutil.copytree(root / "kab", root / "kab-bare")

        ex = in_process(app_export, root)
        bx = in_process(bare_export, root)
        rows.append(
            (
                f"export {ex['count']:,} participants, {ex['size'] / 1e6:.1f} MB",
                _secs(ex["wall"], ex["cpu"]),
                _secs(bx["wall"], bx["cpu"]),
                _ratio(ex["wall"], ex["cpu"], bx["wall"], bx["cpu"]),
                "≤ 1.0 s",
                "ok" if ex["wall"] <= 1.0 else "SLOW",
            )
        )
        im = in_process(app_import, root, ex["path"])
        bm = in_process(bare_merge, root, ex["path"])
        (pw, pc), (cw, cc) = im["preview"], im["commit"]
        (kw, kc), (rw, rc) = im["backup"], im["receipt"]
        mw, mc = cw - kw, cc - kc
        rows += [
            ("import preview (dry run)", _secs(pw, pc), "", "", "", ""),
            (
                "import merge (commit reusing the plan, receipt)",
                _secs(mw, mc),
                "",
                "",
                "",
                "",
            ),
            ("  of which the receipt for the office", _secs(rw, rc), "", "", "", ""),
            (
                f"preview + merge into {im['held']:,}",
                _secs(pw + mw, pc + mc),
                _secs(bm["wall"], bm["cpu"]),
                _ratio(pw + mw, pc + mc, bm["wall"], bm["cpu"]),
                "≤ 4 s",
                "ok" if pw + mw <= 4 else "SLOW",
            ),
            ("  outcome", ", ".join(f"{k} {v:,}" for k, v in im["counts"].items())),
            ("backup before the merge (apart)", _secs(kw, kc), "", "", "", ""),
        ]
        back = in_process(app_receipt, root, im["receipt_path"])
        rows.append(
            (
                "receipt imported at the office",
                _secs(back["wall"], back["cpu"]),
                f"accepted {back['accepted']:,}",
            )
        )
        peak = im["peak"]
        rows += [
            (
                "peak memory of preview + merge (max RSS)",
                f"{peak:.0f} MB" if peak is not None else "unknown here",
                f"{im['start']:.0f} MB before" if im["start"] is not None else "",
                "",
                "≤ 300 MB",
                "ok" if peak is not None and peak <= 300 else "CHECK",
            ),
            ("peak memory of the export (max RSS)", f"{ex['peak']:.0f} MB" if ex["peak"] else ""),
            ("register encrypted (SQLCipher)", "yes" if ex["encrypted"] else "NO"),
        ]
    print()
    head = ("step", "Lindungi", "bare, same run", "ratio", "goal", "")
    width = [max(len(r[i]) if i < len(r) else 0 for r in [head, *rows]) for i in range(6)]
    for r in [head, *rows]:
        cells = [*r, *[""] * (6 - len(r))]
        print("  ".join(f"{c:<{w}}" for c, w in zip(cells, width, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
