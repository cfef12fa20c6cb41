"""Self-test steps of sync: an enrolment and a bundle round trip between two data dirs.

They run after the core (and card) steps, on the kecamatan install those set up
(``state["ctx"]``), and prove what a frozen build can break: ``cryptography``'s Ed25519,
X25519, HKDF and ChaCha20-Poly1305, zlib, durable writes, and the merge itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.domain.install import Role as InstallRole
from app.i18n import tr
from app.services import participants, trust
from app.services.actor import SELFTEST_ADMIN
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.services.sync import bundle_import, export, offices
from app.store.repo import ListQuery

Step = tuple[str, Callable[[], str]]


def sync_steps(root: Path, state: dict[str, Context]) -> list[Step]:
    """Enrol the kecamatan install with a new kabupaten, then send a bundle and a receipt."""
    usb = root / "usb"

    def enrol() -> str:
        office = state["ctx"]
        kab = state["kabupaten"] = open_data_dir(root / "kabupaten")
        setup_install(kab, SELFTEST_ADMIN, role=InstallRole.KABUPATEN)
        usb.mkdir(exist_ok=True)
        ident = office.identity
        assert ident.kecamatan is not None
        written = trust.write_enrolment(kab, SELFTEST_ADMIN, ident.kecamatan, ident.station, usb)
        done = trust.enrol(office, SELFTEST_ADMIN, written.path)
        if done.fingerprint != trust.whoami(kab).fingerprint:
            raise AssertionError("the enrolment file does not carry the kabupaten's keys")
        return f"{written.install_code}, {done.fingerprint}"

    def round_trip() -> str:
        office, kab = state["ctx"], state["kabupaten"]
        sent = export.export_bundle(office, SELFTEST_ADMIN, usb)
        held = bundle_import.import_file(kab, SELFTEST_ADMIN, sent.path)
        if not held.held:
            raise AssertionError("a bundle of an unconfirmed office was not held")
        code = office.identity.install_code
        [merged] = offices.confirm_office(
            kab, SELFTEST_ADMIN, code, trust.whoami(office).fingerprint, usb
        )
        count = sent.counts["participants"]
        if merged.counts.get("new") != count or participants.count(kab) != count:
            raise AssertionError(f"sent {count}, merged {merged.counts}")
        if merged.receipt is None:
            raise AssertionError(f"no receipt: {merged.receipt_error}")
        back = bundle_import.import_file(office, SELFTEST_ADMIN, merged.receipt)
        accepted = participants.search(office, ListQuery(status="accepted"))
        if len(accepted) != count or back.counts.get("accepted") != count:
            raise AssertionError(f"{len(accepted)} of {count} accepted after the receipt")
        again = bundle_import.import_file(kab, SELFTEST_ADMIN, sent.path)
        if again.status != "already":
            raise AssertionError("importing the same bundle twice was not a no-op")
        return tr(
            "{count} records sent, merged and accepted ({size} bytes)",
            count=count,
            size=sent.path.stat().st_size,
        )

    return [
        ("enrol a station with the kabupaten's file", enrol),
        ("bundle to the kabupaten and receipt back", round_trip),
    ]
