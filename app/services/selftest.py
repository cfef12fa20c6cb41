"""``lindungi selftest``: prove, in a temporary data dir, that this build works end to end.

It must pass from source and inside the frozen build, so it exercises what packaging can
break: resources, migrations, the database driver, and every layer below the UI.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.fmt import format_rupiah
from app.domain.install import Role as InstallRole
from app.domain.nik import make_nik
from app.domain.participant import ParticipantData, Sex
from app.i18n import tr
from app.services import demo, desk, participants
from app.services.actor import SELFTEST_ADMIN
from app.services.cards_selftest import card_steps
from app.services.context import Context, open_data_dir
from app.services.desk_selftest import desk_steps
from app.services.nik import describe
from app.services.setup import setup_install
from app.services.sync.selftest import sync_steps
from app.store.migrate import current_revision, head_revision
from app.store.repo import ListQuery


@dataclass(frozen=True)
class Check:
    """One step of the self-test."""

    name: str
    ok: bool
    detail: str
    seconds: float


Step = tuple[str, Callable[[], str]]


def core_steps(root: Path, state: dict[str, Context]) -> list[Step]:
    """Data dir, migrations, setup, registration, search, budget, NIK.

    Steps share ``state``: ``state["ctx"]`` is the kecamatan install set up here, which
    later providers (cards, sync) reuse.
    """

    def open_dir() -> str:
        state["ctx"] = open_data_dir(root / "kecamatan")
        rev = current_revision(state["ctx"].db.engine)
        if rev != head_revision():
            raise AssertionError(f"schema {rev} != {head_revision()}")
        return tr("schema {rev}", rev=rev)

    def setup() -> str:
        ident = setup_install(
            state["ctx"],
            SELFTEST_ADMIN,
            role=InstallRole.KECAMATAN,
            kecamatan="13.03.06",
            station="A",
        )
        villages = participants.villages_for(state["ctx"])
        if len(villages) < 1:
            raise AssertionError("no nagari loaded")
        return tr("{code}, {count} nagari", code=ident.install_code, count=len(villages))

    def register() -> str:
        ctx = state["ctx"]
        birth = dt.date(1980, 8, 17)
        nagari = participants.villages_for(ctx)[0]
        reg = participants.register(
            ctx,
            SELFTEST_ADMIN,
            ParticipantData(
                nik=make_nik("130306", birth, Sex.P, 1),
                name="Nur'aini Şahin",
                birth_place="Sijunjung",
                birth_date=birth,
                sex=Sex.P,
                nagari_code=nagari.code,
                occupation="petani",
            ),
        )
        found = participants.search(ctx, ListQuery(search="nuraini"))
        found += participants.search(ctx, ListQuery(search="Nur"))
        if not found:
            raise AssertionError("registered participant not found by name")
        return reg.reg_no

    def demo_and_budget() -> str:
        ctx = state["ctx"]
        demo.generate(ctx, SELFTEST_ADMIN, 50, seed=1)
        total = desk.budget_detail(ctx, 2022, months=9).total
        if total.participants != 50 or total.total != 50 * 16_800 * 9:
            raise AssertionError(f"budget {total.participants} / {total.total}")
        return tr(
            "{count} participants, {amount}",
            count=total.participants,
            amount=format_rupiah(total.total),
        )

    def encrypted() -> str:
        from app.services import vault
        from app.store.engine import DB_FILENAME, looks_encrypted

        ctx = state["ctx"]
        db = ctx.data_dir / DB_FILENAME
        if ctx.db.key is None or not looks_encrypted(db) or vault.load(ctx.data_dir) is None:
            raise AssertionError("the register is not encrypted")
        if make_nik("130306", dt.date(1980, 8, 17), Sex.P, 1).encode() in db.read_bytes():
            raise AssertionError("a NIK is readable in the register file")
        return tr("SQLCipher, key wrapped in {file}", file=vault.VAULT_FILENAME)

    def private_folder() -> str:
        from app.paths import default_data_dir
        from app.store.files import broad_access, shared, under_wine

        if under_wine():  # Wine makes ACLs up from Unix modes: nothing to learn here
            return tr("not checked under Wine")
        # The self-test's own folder, and on Windows the user's real data dir (its ACL).
        folders = [state["ctx"].data_dir]
        real = default_data_dir()
        if os.name == "nt" and not shared(real) and real.is_dir():
            folders.append(real)
        for folder in folders:
            others = broad_access(folder)
            if others:
                raise AssertionError(f"{folder} is open to: {', '.join(others)}")
        return tr("owner only")

    def nik() -> str:
        d = describe("1303064708800001")
        if not d.report.valid or d.kecamatan_name != "Kamang Baru":
            raise AssertionError("NIK not understood")
        return d.kecamatan_name

    return [
        ("open and migrate a data dir", open_dir),
        ("set up a kecamatan install", setup),
        ("register and find a participant", register),
        ("demo data and budget", demo_and_budget),
        ("the register is encrypted", encrypted),
        ("the data folder is private", private_folder),
        ("read a NIK with the bundled region table", nik),
    ]


# Each area adds a provider of steps (cards, sync…); they run in this order.
PROVIDERS: list[Callable[[Path, dict[str, Context]], list[Step]]] = [
    core_steps,
    card_steps,
    sync_steps,
    desk_steps,
]


def run() -> list[Check]:
    """Run every step in a fresh temporary data dir; a failed step does not stop the rest."""
    results: list[Check] = []
    with tempfile.TemporaryDirectory(prefix="lindungi-selftest-") as tmp:
        state: dict[str, Context] = {}
        steps = [step for provider in PROVIDERS for step in provider(Path(tmp), state)]
        for name, step in steps:
            start = time.perf_counter()
            try:
                detail = step()
                ok = True
            except Exception as exc:  # a self-test reports every failure, whatever it is
                detail = f"{type(exc).__name__}: {exc}"
                ok = False
            results.append(Check(name, ok, detail, time.perf_counter() - start))
        for ctx in state.values():
            ctx.close()  # so that Windows can delete the database files
    return results
