"""The first-run wizard's server choice: the kabupaten keeps its register on this PC, puts a
new one on a PostgreSQL server (as ``setup --database``), or joins one as another desk (as
``database join``); a kecamatan never sees the choice.

The tests that need a server take it from ``LINDUNGI_TEST_PG`` (tests/pg.py): skipped
without one, except under CI, where they must run. The refusals that need no server (a
field missing, no server answering) run everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.install import Role as InstallRole
from app.services import accounts, participants
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import pg
from app.store.engine import DB_FILENAME, LOCATOR_FILENAME
from app.ui import tasks
from app.ui.mainwindow import MainWindow
from app.ui.session import Session
from app.ui.start import apply_language
from app.ui.wizard import AdminPage, FirstRunWizard, RecoveryPage
from app.ui.wizard_server import JoinPage, ServerFields, StoragePage
from tests.conftest import MakeCtx, MakeParticipant
from tests.pg import Server
from tests.ui.conftest import Messages
from tests.ui.test_start import mnemonics

PASSWORD = "rahasia-123"
RINA_PW = "rina-sandi-123"


def fresh(make_ctx: MakeCtx, name: str = "fresh") -> Context:
    """A data dir the GUI opened for its first run (not set up)."""
    return make_ctx("kecamatan", name=name, setup=False)


def to_storage(qtbot: QtBot, ctx: Context) -> FirstRunWizard:
    """The wizard on the kabupaten's storage page."""
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.place.kabupaten_office.setChecked(True)
    wizard.next()
    assert isinstance(wizard.currentPage(), StoragePage)
    return wizard


def fill(fields: ServerFields, url: str, *, password: str | None = None) -> None:
    """The fields of the server at ``url`` (its password unless another is given)."""
    address, in_url = pg.parse(url)
    fields.host.setText(address.host)
    fields.port.setValue(address.port)
    fields.database.setText(address.database)
    fields.user.setText(address.user)
    fields.password.setText(in_url or "" if password is None else password)
    fields.tls.setCurrentIndex(fields.tls.findData(address.sslmode))


def finished(qtbot: QtBot, fields: ServerFields) -> None:
    qtbot.waitUntil(lambda: not fields.runner.busy and tasks.running() == 0, timeout=30_000)


def listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


def make_admin(wizard: FirstRunWizard, tmp_path: Path) -> None:
    """The administrator's page filled and confirmed; the recovery sheet goes to tmp_path."""
    assert isinstance(wizard.currentPage(), AdminPage)
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText(PASSWORD)
    wizard.admin.password2.setText(PASSWORD)
    wizard.recovery.folder = tmp_path
    wizard.next()
    assert isinstance(wizard.currentPage(), RecoveryPage), wizard.admin.error.text()


# --- without a server ---------------------------------------------------------------------


def test_a_kecamatan_never_sees_the_server_choice(qtbot: QtBot, make_ctx: MakeCtx) -> None:
    wizard = FirstRunWizard(fresh(make_ctx))
    qtbot.addWidget(wizard)
    wizard.show()
    place = wizard.place
    place.kecamatan_office.setChecked(True)
    place.kecamatan.setCurrentIndex(place.kecamatan.findData("13.03.06"))
    wizard.next()
    assert isinstance(wizard.currentPage(), AdminPage)
    wizard.back()
    place.enrolled_office.setChecked(True)
    assert wizard.page(wizard.nextId()) is wizard.admin
    # A data dir set up on the command line without an administrator: no choice either.
    bare = make_ctx("kecamatan", name="bare")
    only_admin = FirstRunWizard(bare)
    qtbot.addWidget(only_admin)
    assert [type(only_admin.page(i)) for i in only_admin.pageIds()] == [AdminPage, RecoveryPage]


def test_the_kabupaten_keeps_its_register_on_this_pc_by_default(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    ctx = fresh(make_ctx)
    wizard = to_storage(qtbot, ctx)
    storage = wizard.storage
    assert storage.local.isChecked()
    assert storage.local.text() == "Simpan register di &PC ini (SQLite)"
    assert not storage.fields.isEnabled()
    storage.on_server.setChecked(True)
    assert storage.fields.isEnabled() and not storage.fields.ca_file.isEnabled()
    fields = storage.fields
    fields.tls.setCurrentIndex(fields.tls.findData("verify-full"))
    assert fields.ca_file.isEnabled() and fields.ca_browse.isEnabled()
    assert fields.password.echoMode() is fields.password.EchoMode.Password
    letters = mnemonics(wizard)
    assert len(letters) == len(set(letters)), sorted(letters)
    storage.local.setChecked(True)
    wizard.next()
    make_admin(wizard, tmp_path)
    assert ctx.identity.role is InstallRole.KABUPATEN and ctx.db.server is None
    assert (ctx.data_dir / DB_FILENAME).is_file()
    assert not (ctx.data_dir / LOCATOR_FILENAME).exists()


def test_missing_fields_are_named_before_any_server_is_tried(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    wizard = to_storage(qtbot, fresh(make_ctx))
    storage = wizard.storage
    storage.on_server.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is storage and not storage.fields.runner.busy
    assert storage.fields.result.text() == "Tulis nama host atau alamat IP server."
    fields = storage.fields
    fields.host.setText("127.0.0.1")
    fields.database.setText("lindungi")
    fields.user.setText("lindungi")
    fields.tls.setCurrentIndex(fields.tls.findData("verify-ca"))
    fields.ca_file.setText(str(tmp_path / "tidak-ada.crt"))
    fields.test_button.click()
    assert not fields.runner.busy
    assert fields.result.text() == f"Sertifikat CA {tmp_path / 'tidak-ada.crt'} tidak ada."


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_server_answering_is_said_clearly_and_nothing_is_written(
    qtbot: QtBot, qapp: QApplication, make_ctx: MakeCtx, lang: str
) -> None:
    apply_language(qapp, lang)
    ctx = fresh(make_ctx)
    before = listing(ctx.data_dir)
    wizard = to_storage(qtbot, ctx)
    storage = wizard.storage
    storage.on_server.setChecked(True)
    fill(storage.fields, "postgresql://lindungi:rahasia@127.0.0.1:1/lindungi")
    wizard.next()  # Next runs the test first
    assert storage.fields.runner.busy
    finished(qtbot, storage.fields)
    assert wizard.currentPage() is storage
    expected = {
        "id": "Tidak ada server PostgreSQL yang menjawab di 127.0.0.1 port 1",
        "en": "No PostgreSQL server answers at 127.0.0.1 port 1",
    }[lang]
    assert storage.fields.result.text().startswith(expected)
    assert "rahasia" not in storage.fields.result.text()
    assert listing(ctx.data_dir) == before and not ctx.is_set_up


# --- with a server ------------------------------------------------------------------------


def test_a_wrong_password_is_said_clearly_and_nothing_is_written(
    qtbot: QtBot, make_ctx: MakeCtx, pg_url: str
) -> None:
    ctx = fresh(make_ctx)
    before = listing(ctx.data_dir)
    wizard = to_storage(qtbot, ctx)
    storage = wizard.storage
    storage.on_server.setChecked(True)
    fill(storage.fields, pg_url, password="salah-sekali")
    storage.fields.test_button.click()
    finished(qtbot, storage.fields)
    text = storage.fields.result.text()
    assert "menolak pengguna" in text and "Tidak ada yang diubah." in text
    assert "salah-sekali" not in text
    wizard.next()
    finished(qtbot, storage.fields)
    assert wizard.currentPage() is storage
    assert listing(ctx.data_dir) == before


def test_the_wizard_puts_a_new_register_on_the_server_and_the_main_window_opens_on_it(
    qtbot: QtBot, make_ctx: MakeCtx, pg_url: str, tmp_path: Path
) -> None:
    ctx = fresh(make_ctx)
    wizard = to_storage(qtbot, ctx)
    storage = wizard.storage
    storage.on_server.setChecked(True)
    fill(storage.fields, pg_url)
    storage.fields.test_button.click()
    finished(qtbot, storage.fields)
    assert storage.fields.result.text().startswith("Terhubung: basis data")
    wizard.next()  # tested with these fields: on at once
    assert isinstance(wizard.currentPage(), AdminPage)
    make_admin(wizard, tmp_path)
    actor = wizard.actor
    assert actor is not None and actor.role is Role.ADMIN
    # The data dir records the server; its password is sealed, in no file as plain text.
    server_password = pg.parse(pg_url)[1]
    assert server_password
    assert listing(ctx.data_dir) == ["backups", LOCATOR_FILENAME, "keys", "logs", "vault.json"]
    for path in ctx.data_dir.rglob("*"):
        if path.is_file():
            assert server_password.encode() not in path.read_bytes(), path
    locator = pg.load_locator(ctx.data_dir)
    assert locator is not None and locator.sealed_password is not None
    assert ctx.db.server == locator.address and ctx.identity.install_code == "130300-K"
    assert wizard.recovery.sheet is not None and wizard.recovery.sheet.is_file()

    window = MainWindow(Session(ctx, actor))
    qtbot.addWidget(window)
    window.show()
    assert window.isVisible() and "admin" in window.user_label.text()
    tasks.finish_all()  # the dashboard's figures, read from the server
    # As the next start does: the administrator signs in, the register opens on the server.
    ctx.close()
    again, admin = accounts.sign_in(ctx.data_dir, "admin", PASSWORD)
    try:
        assert again.db.server == locator.address and admin.role is Role.ADMIN
        assert again.identity.install_code == "130300-K"
    finally:
        again.close()


def test_a_database_holding_a_register_is_refused_by_the_test(
    qtbot: QtBot, make_ctx: MakeCtx, pg_url: str, tmp_path: Path
) -> None:
    first = fresh(make_ctx, "first")
    wizard = to_storage(qtbot, first)
    wizard.storage.on_server.setChecked(True)
    fill(wizard.storage.fields, pg_url)
    wizard.next()
    finished(qtbot, wizard.storage.fields)
    make_admin(wizard, tmp_path)
    database = pg.parse(pg_url)[0].database

    second = fresh(make_ctx, "second")
    before = listing(second.data_dir)
    other = to_storage(qtbot, second)
    other.storage.on_server.setChecked(True)
    fill(other.storage.fields, pg_url)
    other.next()
    finished(qtbot, other.storage.fields)
    assert other.currentPage() is other.storage
    assert other.storage.fields.result.text() == (
        f"Basis data PostgreSQL {database} sudah memuat register instalasi 130300-K: "
        "pilih basis data yang kosong."
    )
    assert listing(second.data_dir) == before


def test_cancelling_after_a_test_that_passed_writes_nothing(
    qtbot: QtBot, make_ctx: MakeCtx, pg_server: Server, pg_url: str
) -> None:
    ctx = fresh(make_ctx)
    before = listing(ctx.data_dir)
    wizard = to_storage(qtbot, ctx)
    wizard.storage.on_server.setChecked(True)
    fill(wizard.storage.fields, pg_url)
    wizard.next()
    finished(qtbot, wizard.storage.fields)
    assert isinstance(wizard.currentPage(), AdminPage)
    wizard.reject()
    assert listing(ctx.data_dir) == before and not ctx.is_set_up
    engine = pg.make_pg_engine(pg.parse(pg_url)[0], pg.parse(pg_url)[1], busy_timeout_s=5)
    try:
        with engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).scalar()
    finally:
        engine.dispose()
    assert tables == 0


def test_tls_with_the_servers_ca_passes_and_without_it_is_named(
    qtbot: QtBot, make_ctx: MakeCtx, pg_url: str
) -> None:
    ca = os.environ.get("LINDUNGI_TEST_PG_CA", "")
    if not ca:
        reason = "no TLS certificate of the test server: set LINDUNGI_TEST_PG_CA"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI must run the TLS tests")
        pytest.skip(reason)
    wizard = to_storage(qtbot, fresh(make_ctx))
    wizard.storage.on_server.setChecked(True)
    fields = wizard.storage.fields
    fill(fields, pg_url)
    fields.tls.setCurrentIndex(fields.tls.findData("verify-full"))
    fields.test_button.click()  # the system's CAs do not vouch for the test server
    finished(qtbot, fields)
    assert fields.result.text().startswith("Sambungan TLS (sslmode=verify-full)")
    fields.ca_file.setText(ca)
    fields.test_button.click()
    finished(qtbot, fields)
    assert fields.result.text().startswith("Terhubung:")
    assert "sslrootcert=" in fields.url() and "sslmode=verify-full" in fields.url()


def test_a_second_pc_joins_the_register_from_the_wizard(
    qtbot: QtBot,
    make_ctx: MakeCtx,
    pg_url: str,
    tmp_path: Path,
    make_participant: MakeParticipant,
) -> None:
    # The first desk, set up by the wizard; its administrator adds rina and one record.
    first = fresh(make_ctx, "desk-a")
    wizard = to_storage(qtbot, first)
    wizard.storage.on_server.setChecked(True)
    fill(wizard.storage.fields, pg_url)
    wizard.next()
    finished(qtbot, wizard.storage.fields)
    make_admin(wizard, tmp_path)
    admin = wizard.actor
    assert admin is not None
    accounts.add_user(first, admin, "rina", Role.SUPERVISOR, RINA_PW)
    registered = participants.register(first, admin, make_participant(serial=1))

    second = fresh(make_ctx, "desk-b")
    before = listing(second.data_dir)
    desk = to_storage(qtbot, second)
    desk.storage.joining.setChecked(True)
    fill(desk.storage.fields, pg_url)
    desk.next()
    finished(qtbot, desk.storage.fields)
    assert isinstance(desk.currentPage(), JoinPage), desk.storage.fields.result.text()
    join_page = desk.joining
    assert desk.buttonText(desk.WizardButton.FinishButton) == "Selesa&i"
    # A wrong password: said, and this PC is as it was.
    join_page.username.setText("rina")
    join_page.password.setText("bukan-sandinya")
    assert not join_page.validatePage()
    assert join_page.error.text() == "Nama pengguna atau kata sandi salah."
    assert listing(second.data_dir) == before and not second.is_set_up
    join_page.password.setText(RINA_PW)
    desk.next()  # Finish
    assert desk.actor is not None and desk.actor.username == "rina"
    assert desk.actor.role is Role.SUPERVISOR
    assert second.db.server is not None and second.identity.install_code == "130300-K"
    assert not (second.data_dir / DB_FILENAME).exists()
    assert participants.get(second, registered.reg_no).reg_no == registered.reg_no
    window = MainWindow(Session(second, desk.actor))
    qtbot.addWidget(window)
    window.show()
    assert window.isVisible() and "rina" in window.user_label.text()
    tasks.finish_all()


def test_joining_a_database_without_a_register_is_refused_by_the_test(
    qtbot: QtBot, make_ctx: MakeCtx, pg_url: str
) -> None:
    ctx = fresh(make_ctx)
    before = listing(ctx.data_dir)
    wizard = to_storage(qtbot, ctx)
    wizard.storage.joining.setChecked(True)
    fill(wizard.storage.fields, pg_url)
    wizard.next()
    finished(qtbot, wizard.storage.fields)
    assert wizard.currentPage() is wizard.storage
    assert "tidak memuat register Lindungi" in wizard.storage.fields.result.text()
    assert listing(ctx.data_dir) == before


def test_a_setup_that_fails_on_the_server_leaves_this_pc_as_it_was(
    qtbot: QtBot,
    make_ctx: MakeCtx,
    pg_server: Server,
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.errors import StorageError
    from app.services import setup
    from app.store import ledger

    ctx = fresh(make_ctx)
    before = listing(ctx.data_dir)
    wizard = to_storage(qtbot, ctx)
    wizard.storage.on_server.setChecked(True)
    fill(wizard.storage.fields, pg_url)
    wizard.next()
    finished(qtbot, wizard.storage.fields)
    admin = wizard.admin
    admin.username.setText("admin")
    admin.password.setText(PASSWORD)
    admin.password2.setText(PASSWORD)

    # The server stops answering between the test and the administrator's page.
    real_setup = setup.setup_install

    def server_gone(*args: object, **kwargs: object) -> object:
        raise StorageError("pg.connection_lost", host="127.0.0.1", port=1)

    monkeypatch.setattr(setup, "setup_install", server_gone)
    wizard.next()
    assert wizard.currentPage() is admin
    assert admin.error.text().startswith(
        "Sambungan ke server PostgreSQL di 127.0.0.1 port 1 terputus"
    )
    assert listing(ctx.data_dir) == before and not ctx.is_set_up
    assert ctx.db.server is None and not ledger.on_server(ctx.data_dir)

    # The database is gone before the next try: said on the same page, nothing written.
    monkeypatch.setattr(setup, "setup_install", real_setup)
    pg_server.drop(pg.parse(pg_url)[0].database)
    wizard.next()
    assert wizard.currentPage() is admin
    assert "tidak punya basis data" in admin.error.text()
    assert listing(ctx.data_dir) == before

    # Back, on this PC instead: the setup goes through on SQLite.
    wizard.back()
    wizard.storage.local.setChecked(True)
    wizard.next()
    make_admin(wizard, tmp_path)
    assert ctx.identity.install_code == "130300-K" and ctx.db.server is None
    assert not (ctx.data_dir / LOCATOR_FILENAME).exists()


def test_cancelling_while_a_test_runs_writes_nothing_and_reports_to_nobody(
    qtbot: QtBot, make_ctx: MakeCtx, messages: Messages
) -> None:
    ctx = fresh(make_ctx)
    before = listing(ctx.data_dir)
    wizard = to_storage(qtbot, ctx)
    wizard.storage.on_server.setChecked(True)
    fields = wizard.storage.fields
    # An address nothing answers at: the test waits (up to its timeout) or fails at once.
    fill(fields, "postgresql://lindungi@10.255.255.1:5432/lindungi")
    fields.test_button.click()
    wizard.reject()
    assert not fields.runner.busy  # abandoned: its end is shown nowhere
    tasks.finish_all()
    qtbot.wait(50)  # the finished task's signals, delivered to nobody
    assert fields.result.text() == "" and messages.errors == []
    assert listing(ctx.data_dir) == before


def test_a_desk_joining_with_a_reset_password_is_asked_for_a_new_one_first(
    qtbot: QtBot,
    make_ctx: MakeCtx,
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui import common
    from app.ui.login import ChangePasswordDialog

    first = fresh(make_ctx, "desk-a")
    wizard = to_storage(qtbot, first)
    wizard.storage.on_server.setChecked(True)
    fill(wizard.storage.fields, pg_url)
    wizard.next()
    finished(qtbot, wizard.storage.fields)
    make_admin(wizard, tmp_path)
    admin = wizard.actor
    assert admin is not None
    accounts.add_user(first, admin, "rina", Role.SUPERVISOR, "awal-sandi-123")
    accounts.reset_password(first, admin, "rina", RINA_PW)

    def the_user(dialog: object) -> int:
        """What the user does in the wizard that ``ask`` shows: join as rina."""
        assert isinstance(dialog, FirstRunWizard)
        dialog.show()
        dialog.place.kabupaten_office.setChecked(True)
        dialog.next()
        dialog.storage.joining.setChecked(True)
        fill(dialog.storage.fields, pg_url)
        dialog.next()
        finished(qtbot, dialog.storage.fields)
        dialog.joining.username.setText("rina")
        dialog.joining.password.setText(RINA_PW)
        dialog.next()
        return 1

    asked: list[str] = []

    def change(_cls: object, ctx: Context, actor: Actor) -> Actor | None:
        asked.append(actor.username)
        return None  # the user gave up: no main window

    second = fresh(make_ctx, "desk-b")
    monkeypatch.setattr(common, "run_modal", the_user)
    monkeypatch.setattr(ChangePasswordDialog, "ask", classmethod(change))
    assert FirstRunWizard.ask(second) is None
    assert asked == ["rina"]
    assert second.db.server is not None  # joined: the new password is asked as at a login
