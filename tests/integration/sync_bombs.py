"""Compression and parser bombs, signed with a real office key and sealed for the
kabupaten like a genuine bundle, and the measure of their refusal in a fresh process.

Used by ``tests/integration/test_sync_trust.py`` and ``tests/benchmarks/bench_bombs.py``.
A bomb is built without ever holding its decompressed content: one megabyte of the
repeated part is deflated once with a full flush, after which deflate's output for the
same input is the same bytes, so the stream is that block repeated (and the Adler-32 of the
whole is computed chunk by chunk).

``python -m tests.integration.sync_bombs DATA_DIR FILE`` imports FILE into the kabupaten
of DATA_DIR and prints, as JSON, the refusal's message code, seconds and the process's peak
resident memory (VmHWM, or ``ru_maxrss`` where there is no /proc).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import __version__
from app.sync import container
from app.sync.crypto import KeyPair
from app.sync.manifest import BundleManifest, bundle_name

MB = 1 << 20


@dataclass(frozen=True)
class Bomb:
    """One hostile bundle: what it carries, how it is built, what it declares."""

    name: str
    prefix: bytes
    chunk: bytes
    times: int
    suffix: bytes
    declared: int | None = None  # the decompressed size its header claims (None: the truth)

    @property
    def size(self) -> int:
        """The real decompressed size."""
        return len(self.prefix) + len(self.chunk) * self.times + len(self.suffix)


def bombs() -> list[Bomb]:
    """The bombs of the refusal tests: the two of the attack, and the ceilings' edges."""
    string = (b'{"participants":[{"name":"', b"A" * MB, b'"}],"history":[]}')
    arrays = (b'{"participants":[', b"[]," * (MB // 3), b'[]],"history":[]}')
    return [
        # A 1 MB bundle carrying a 1 GB string, its size declared (past the ceiling).
        Bomb("string-1gb", string[0], string[1], 1024, string[2]),
        # The same, declaring 60 MB (under the ceiling): inflating stops there.
        Bomb("string-1gb-declared-60mb", string[0], string[1], 1024, string[2], 60 * MB),
        # A 200 KB bundle carrying 200 MB of empty arrays (some 70 million).
        Bomb("arrays-200mb", arrays[0], arrays[1], 200, arrays[2]),
        # 60 MB of empty arrays, under the size ceiling: past the count of elements.
        Bomb("arrays-60mb", arrays[0], arrays[1], 60, arrays[2]),
        # Arrays nested 100,000 deep: past the nesting ceiling.
        Bomb("nested-100k", b'{"participants":' + b"[" * 100_000, b"", 0, b"]" * 100_000 + b"}"),
    ]


def deflate(bomb: Bomb) -> bytes:
    """The zlib stream of a bomb's content, built a megabyte at a time."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [c.compress(bomb.prefix), c.flush(zlib.Z_FULL_FLUSH)]
    adler = zlib.adler32(bomb.prefix)
    if bomb.times:
        block = c.compress(bomb.chunk) + c.flush(zlib.Z_FULL_FLUSH)
        parts.append(block * bomb.times)
        for _ in range(bomb.times):
            adler = zlib.adler32(bomb.chunk, adler)
    parts += [c.compress(bomb.suffix), c.flush(zlib.Z_FINISH)]
    adler = zlib.adler32(bomb.suffix, adler)
    return b"\x78\xda" + b"".join(parts) + adler.to_bytes(4, "big")


def write_bomb(
    bomb: Bomb,
    out: Path,
    *,
    office: str,
    kecamatan: str,
    sequence: int,
    previous: str,
    signer: KeyPair,
    kabupaten: str,
    kabupaten_enc: bytes,
) -> Path:
    """The bomb as office ``office``'s bundle number ``sequence``, signed by ``signer`` and
    sealed for the kabupaten: it passes every check of the file before its body."""
    manifest = BundleManifest(
        sender=office,
        regency=kecamatan[:5],
        kecamatan=kecamatan,
        recipient=kabupaten,
        sequence=sequence,
        previous=previous,
        acked_upto=0,
        created_at=dt.datetime(2026, 12, 7, 8, 0),
        app_version=__version__,
        counts={"participants": 1},
    )
    declared = bomb.size if bomb.declared is None else bomb.declared
    data = container.seal_compressed(
        manifest.to_header(), deflate(bomb), declared, signer, kabupaten_enc
    )
    path = out / f"{bomb.name}-{bundle_name(office, sequence)}"
    path.write_bytes(data)
    return path


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def measure(data_dir: Path, path: Path) -> dict[str, Any]:
    """Import ``path`` at the kabupaten of ``data_dir`` in a fresh process: the outcome (a
    message code, or ``held``), the seconds of the import and the process's peak memory."""
    proc = subprocess.run(
        [sys.executable, "-m", "tests.integration.sync_bombs", str(data_dir), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _child(data_dir: Path, path: Path) -> dict[str, Any]:
    from app.errors import Refused
    from app.services.sync import bundle_import
    from tests.actors import ADMIN
    from tests.opening import open_as

    ctx = open_as(data_dir)
    try:
        before = peak_mb()
        start = time.perf_counter()
        try:
            result = bundle_import.import_file(ctx, ADMIN, path, receipt_out=path.parent)
            outcome = result.status
        except Refused as exc:
            outcome = exc.code
        seconds = time.perf_counter() - start
    finally:
        ctx.close()
    return {"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb(), "before_mb": before}


if __name__ == "__main__":
    print(json.dumps(_child(Path(sys.argv[1]), Path(sys.argv[2]))))
