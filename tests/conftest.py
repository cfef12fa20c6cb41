"""Fixtures shared by every test tree: set-up data dirs and valid participants.

Each test gets its own data dirs (no state leaks between tests). Creating the register and
running every migration is done once per test process (:func:`_blank_register`); each data
dir starts as a copy of that blank register under a key of its own, then is opened and set
up through the app. The message language is global state in ``app.i18n``; it is put back
to Indonesian after every test.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app import i18n
from app.domain.install import Role
from app.domain.nik import make_nik
from app.domain.participant import ParticipantData, Sex
from app.services import accounts, vault
from app.services.context import Context, database_key, open_data_dir
from app.services.setup import setup_install
from app.store.engine import DB_FILENAME
from tests.actors import ADMIN
from tests.opening import raw

pytest_plugins = ["tests.pg"]  # PostgreSQL: the server, its databases, --pg

# GUI tests of every tree run headless (nothing imported above touches Qt), on the screen
# the app is made for: a 1366×768 laptop, of which a taskbar leaves 1366×728.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    _SCREEN = Path(__file__).resolve().parents[1] / "scripts" / "laptop-screen.json"
    try:  # the platform's options are split at colons: a Windows drive letter must not show
        _where = os.path.relpath(_SCREEN) if os.name == "nt" else str(_SCREEN)
    except ValueError:  # another drive
        _where = ""
    if _where and ":" not in _where:
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_where}"

# Hypothesis keeps its examples outside the checkout: a `.hypothesis/` folder there makes
# pytest warn (`norecursedirs` replaces pytest's default ignores), and warnings are errors.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "lindungi-hypothesis")
)

# Password hashing at the cost of a real install (19 MiB, two passes) would make every test
# that creates or signs in an account slower; inside this test process only, it is cheap.
# Nothing outside the code can lower it (no environment variable, no setting).
accounts.COST = accounts.Cost(memory_kib=64, iterations=1, lanes=1)

# The account that command-line tests sign in with (see `cli_account`).
CLI_USER = "admin"
CLI_PASSWORD = "rahasia-admin-1"

# The kecamatan of the `kecamatan_ctx` install, and nagari in and outside it.
KECAMATAN = "13.03.06"  # Kamang Baru
NAGARI_IN = "13.03.06.2004"  # Aie Amo (alias Aia Amo, Air Amo)
NAGARI_OUT = "13.03.04.2001"  # Muaro, in kecamatan Sijunjung

MakeCtx = Callable[..., Context]
MakeParticipant = Callable[..., ParticipantData]


@pytest.fixture(autouse=True)
def _indonesian_after_each_test() -> Iterator[None]:
    """``--lang en`` in one test must not leak English into the next."""
    yield
    i18n.set_language("id")


@pytest.fixture
def cli_account(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Command-line calls in this test sign in as ``admin`` (LINDUNGI_USER and
    LINDUNGI_PASSWORD), and ``setup`` creates that administrator."""
    monkeypatch.setenv("LINDUNGI_USER", CLI_USER)
    monkeypatch.setenv("LINDUNGI_PASSWORD", CLI_PASSWORD)
    return CLI_USER, CLI_PASSWORD


# --- data dirs ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _blank_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir as ``open_data_dir`` leaves a new one: an empty encrypted register with
    every migration applied, its key unclaimed in the vault. Made once per test process."""
    path = tmp_path_factory.mktemp("blank") / "data"
    open_data_dir(path).close()
    return path


def _new_data_dir(blank: Path, path: Path) -> None:
    """``path`` as a new data dir: a copy of the blank register, re-encrypted under a fresh
    key of its own (two data dirs of a test never share a key)."""
    path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(blank / DB_FILENAME, path / DB_FILENAME)
    key = vault.fresh_key()
    con = raw(path / DB_FILENAME, database_key(blank))
    try:
        con.isolation_level = None
        con.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
    finally:
        con.close()
    vault.save(path, vault.new_vault(key))


@pytest.fixture
def make_ctx(
    tmp_path: Path, request: pytest.FixtureRequest, _blank_register: Path
) -> Iterator[MakeCtx]:
    """A factory of set-up data dirs under ``tmp_path``, closed at the end of the test.

    ``make_ctx("kecamatan", kecamatan="13.03.06", station="A")`` or ``make_ctx("kabupaten")``;
    ``name`` picks the folder (default: the role). ``setup=False`` gives an opened but
    not set-up data dir. In a test that signs in on the command line (``cli_account``), a
    set-up data dir has that administrator account.
    """
    with_account = "cli_account" in request.fixturenames
    opened: list[Context] = []

    def make(
        role: str = "kecamatan",
        *,
        name: str | None = None,
        setup: bool = True,
        **options: Any,
    ) -> Context:
        from tests.pg import open_test_data_dir  # open_data_dir, or on the server with --pg

        path = tmp_path / (name or role)
        on_server = role == "kabupaten" and request.config.getoption("--pg")
        if not on_server and not (path / DB_FILENAME).exists() and vault.load(path) is None:
            _new_data_dir(_blank_register, path)
        ctx = open_test_data_dir(path, role, request)
        opened.append(ctx)
        if setup:
            if role == "kecamatan":
                options.setdefault("kecamatan", KECAMATAN)
            setup_install(ctx, ADMIN, role=Role(role), **options)
            if with_account:
                accounts.first_admin(ctx, CLI_USER, CLI_PASSWORD)
        return ctx

    yield make
    for ctx in opened:
        ctx.close()


@pytest.fixture
def kecamatan_ctx(make_ctx: MakeCtx) -> Context:
    """A kecamatan install of Kamang Baru (13.03.06), station A: install code 130306-A."""
    return make_ctx("kecamatan", kecamatan=KECAMATAN, station="A")


@pytest.fixture
def kabupaten_ctx(make_ctx: MakeCtx) -> Context:
    """The kabupaten install of Sijunjung (13.03): install code 130300-K."""
    return make_ctx("kabupaten")


@pytest.fixture
def make_participant() -> MakeParticipant:
    """A factory of valid registrations for the `kecamatan_ctx` install.

    ``make_participant(serial=2, name="Siti Aminah", sex=Sex.P)``: the NIK follows the
    birth date, sex and serial unless ``nik`` is given; any other field can be overridden.
    """

    def make(
        *,
        serial: int = 1,
        birth_date: dt.date = dt.date(1980, 8, 7),
        sex: Sex = Sex.P,
        nik_prefix: str = "130306",
        **fields: Any,
    ) -> ParticipantData:
        values: dict[str, Any] = {
            "nik": make_nik(nik_prefix, birth_date, sex, serial),
            "name": "Yusnimar Wati",
            "birth_place": "Sijunjung",
            "birth_date": birth_date,
            "sex": sex,
            "nagari_code": NAGARI_IN,
            "occupation": "petani",
            "coverage_start": dt.date(2022, 4, 1),
        }
        values.update(fields)
        return ParticipantData(**values)

    return make
