"""Time and peak memory of the refusal of each compression or parser bomb; prints a table.

Run: ``python -m tests.benchmarks.bench_bombs``.
Not collected by pytest (``norecursedirs``); the latest figures are in ``docs/sync.md``.

A kabupaten and a confirmed office are set up; each bomb (``tests/integration/sync_bombs``)
is signed with the office's real key and sealed for the kabupaten, then imported at the
kabupaten in a fresh process, which reports the seconds of the import and its peak resident
memory (VmHWM: the whole process, Python and the application included; "before" is the peak
once the data dir was opened, before the import). Goal: each refused within 2 s and 300 MB.
The same bombs from a key the kabupaten has not confirmed are held without being opened.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.domain.install import Role
from app.services import trust
from app.services.context import open_data_dir
from app.services.setup import setup_install
from app.services.sync import bundle_import, export, offices
from app.sync.crypto import KeyPair
from tests.actors import ADMIN
from tests.integration import sync_bombs


def main() -> int:
    rows: list[tuple[str, str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-bombs-") as tmp:
        root = Path(tmp)
        usb = root / "usb"
        usb.mkdir()
        kab = open_data_dir(root / "kab")
        setup_install(kab, ADMIN, role=Role.KABUPATEN)
        enrol = trust.write_enrolment(kab, ADMIN, "13.03.06", "A", usb)
        office = open_data_dir(root / "office")
        trust.setup_from_enrolment(office, ADMIN, enrol.path)
        first = export.export_bundle(office, ADMIN, usb)
        bundle_import.import_file(kab, ADMIN, first.path)
        offices.confirm_office(kab, ADMIN, "130306-A", trust.whoami(office).fingerprint, usb)
        office_keys = trust.install_keypair(office)
        kab_enc = trust.install_keypair(kab).public.enc
        office.close()
        kab.close()
        signers = (("confirmed office", office_keys), ("unconfirmed key", KeyPair.generate()))
        for who, signer in signers:
            office_code = "130306-A" if who == "confirmed office" else "130306-B"
            for n, bomb in enumerate(sync_bombs.bombs(), start=2):
                path = sync_bombs.write_bomb(
                    bomb,
                    usb,
                    office=office_code,
                    kecamatan="13.03.06",
                    sequence=n,
                    previous="",
                    signer=signer,
                    kabupaten="130300-K",
                    kabupaten_enc=kab_enc,
                )
                fig = sync_bombs.measure(root / "kab", path)
                ok = fig["seconds"] <= 2 and fig["peak_mb"] <= 300
                rows.append(
                    (
                        f"{bomb.name} ({who})",
                        f"{path.stat().st_size / 1e3:,.0f} KB → {bomb.size / 1e6:,.0f} MB",
                        str(fig["outcome"]),
                        f"{fig['seconds']:.3f} s",
                        f"{fig['peak_mb']:.0f} MB (before {fig['before_mb']:.0f})",
                        "ok" if ok else "OVER",
                    )
                )
                path.unlink()
    head = ("bomb", "file → content", "outcome", "time", "peak memory", "≤ 2 s, 300 MB")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    return 0 if all(r[-1] == "ok" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
