"""The first run: what this PC is (a kecamatan office's station, or the kabupaten) and who
administers it. The GUI face of ``lindungi setup`` (and, for the kabupaten's register on a
server, of ``database join``: app.ui.wizard_server); a data dir already set up never sees it."""

from __future__ import annotations

import logging
import string
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from typing_extensions import override

from app.domain.install import Role as InstallRole
from app.domain.install import valid_station
from app.errors import AppError, Refused
from app.i18n import render
from app.services import accounts, server, setup
from app.services.actor import Actor, Role
from app.services.context import Context
from app.ui import common
from app.ui.accountform import AccountForm
from app.ui.common import set_message
from app.ui.tasks import finish_all
from app.ui.wizard_server import JoinPage, StoragePage

log = logging.getLogger(__name__)


class PlacePage(QWizardPage):
    """Kecamatan office (which kecamatan, which station) or the kabupaten."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where is this computer?"))
        self.setSubTitle(
            self.tr("Lindungi keeps the register of one office. This is asked only once.")
        )
        regions = setup.bundled_regions()
        by_code = {r.code: r for r in regions}
        regency = by_code.get(setup.DEFAULT_REGENCY)
        self.enrolled_office = QRadioButton(
            self.tr("A kecamatan office with an &enrolment file from the kabupaten (usual)")
        )
        self.enrolled_office.setObjectName("enrolled_office")
        self.enrol_file = QLineEdit()
        self.enrol_file.setObjectName("enrol_file")
        self.enrol_file.setPlaceholderText(self.tr("LINDUNGI-130306-A.lenrol on the USB stick"))
        self.enrol_browse = QPushButton(self.tr("C&hoose…"))
        self.enrol_browse.clicked.connect(self._choose_enrolment)
        self.kecamatan_office = QRadioButton(
            self.tr("A &kecamatan office without an enrolment file (it can be enrolled later)")
        )
        self.kecamatan_office.setObjectName("kecamatan_office")
        self.kabupaten_office = QRadioButton(
            self.tr("The kabu&paten (Dinas Nakertrans of {regency})").format(
                regency=regency.name if regency else setup.DEFAULT_REGENCY
            )
        )
        self.kabupaten_office.setObjectName("kabupaten_office")
        group = QButtonGroup(self)
        group.addButton(self.enrolled_office)
        group.addButton(self.kecamatan_office)
        group.addButton(self.kabupaten_office)
        self.enrolled_office.setChecked(True)
        self.kecamatan = QComboBox()
        self.kecamatan.setObjectName("kecamatan")
        # None chosen for the clerk: a wrong kecamatan would number every record wrongly.
        self.kecamatan.addItem(self.tr("— choose the kecamatan —"), None)
        for r in sorted(regions, key=lambda r: r.name):
            if r.level == "kecamatan" and r.parent == setup.DEFAULT_REGENCY:
                self.kecamatan.addItem(f"{r.name} ({r.code})", r.code)
        self.station = QComboBox()
        self.station.setObjectName("station")
        for letter in string.ascii_uppercase:
            if valid_station(letter):
                self.station.addItem(letter, letter)
        note = QLabel(
            self.tr(
                "Each PC of one office has its own station letter (A for the first PC, B for the "
                "second…), so that their registration numbers never collide."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(common.NOTE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Ke&camatan"), self.kecamatan)
        form.addRow(self.tr("&Station"), self.station)
        root = QVBoxLayout(self)
        root.addWidget(self.enrolled_office)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_file, 1)
        enrol_row.addWidget(self.enrol_browse)
        root.addLayout(enrol_row)
        root.addSpacing(12)
        root.addWidget(self.kecamatan_office)
        root.addLayout(form)
        root.addWidget(note)
        root.addSpacing(12)
        root.addWidget(self.kabupaten_office)
        self.error = common.message_label()
        self.error.setObjectName("place_error")
        root.addWidget(self.error)
        root.addStretch(1)
        self.enrol_file.textEdited.connect(lambda _t: set_message(self.error, ""))
        self.kecamatan.currentIndexChanged.connect(lambda _i: set_message(self.error, ""))
        self.kecamatan_office.toggled.connect(self._toggled)
        self.enrolled_office.toggled.connect(self._enrol_toggled)
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        self.kecamatan.setEnabled(on)
        self.station.setEnabled(on)

    def _enrol_toggled(self, on: bool) -> None:
        self.enrol_file.setEnabled(on)
        self.enrol_browse.setEnabled(on)

    @override
    def validatePage(self) -> bool:
        """Next only with what the chosen way needs: a readable enrolment file, a kecamatan."""
        set_message(self.error, "")
        if self.enrolled_office.isChecked():
            text = self.enrol_file.text().strip()
            if not text:
                set_message(self.error, self.tr("Choose the enrolment file from the USB stick."))
                self.enrol_file.setFocus()
                return False
            from app.services import trust

            try:
                trust.read_enrolment(Path(text))
            except AppError as exc:
                set_message(self.error, str(exc))
                self.enrol_file.setFocus()
                return False
        elif self.kecamatan_office.isChecked() and self.kecamatan.currentData() is None:
            set_message(self.error, self.tr("Choose the kecamatan of this office."))
            self.kecamatan.setFocus()
            return False
        return True

    def _choose_enrolment(self) -> None:
        name = common.open_file(
            self, self.tr("Choose the enrolment file"), self.tr("Enrolment files (*.lenrol)")
        )
        if name:
            self.enrol_file.setText(name)


class AdminPage(QWizardPage):
    """The first administrator's account; saving happens here, on Next (the recovery
    sheet follows)."""

    def __init__(
        self,
        ctx: Context,
        place: PlacePage,
        storage: StoragePage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._place = place
        self._storage = storage
        self.actor: Actor | None = None
        self.setTitle(self.tr("The administrator"))
        self.setSubTitle(
            self.tr("The administrator adds the other accounts and changes the settings.")
        )
        self.form = AccountForm(self, roles=(Role.ADMIN,))
        f = self.form
        self.username, self.full_name = f.username, f.full_name
        self.password, self.password2, self.error = f.password, f.password2, f.error
        warning = QLabel(
            self.tr(
                "Every way into the register, this window and the command line, signs in with "
                "an account of its own."
            )
        )
        warning.setWordWrap(True)
        root = QVBoxLayout(self)
        root.addWidget(self.form)
        root.addWidget(warning)
        root.addStretch(1)

    @override
    def validatePage(self) -> bool:
        name = self.username.text().strip()
        if not name:
            self.form.show_error(render("field.required"))
            return False
        password = self.form.new_password()
        if password is None:
            return False
        try:
            actor = Actor(accounts.validate_new(name, password), Role.ADMIN)
        except AppError as exc:
            self.form.show_error(str(exc))
            return False
        place = self._place
        try:
            if not self._ctx.is_set_up:
                if place.enrolled_office.isChecked():
                    from app.services import trust

                    path = Path(place.enrol_file.text().strip())
                    try:
                        trust.setup_from_enrolment(self._ctx, actor, path)
                    except Refused as exc:
                        # A used file: only the same PC, set up again, may reuse it.
                        if exc.code != "setup.enrolment_used" or not common.confirm(
                            self,
                            str(exc) + "\n\n" + self.tr("Is this the same PC, being set up again?"),
                        ):
                            raise
                        trust.setup_from_enrolment(self._ctx, actor, path, reuse=True)
                elif place.kabupaten_office.isChecked():
                    self._setup_kabupaten(actor)
                else:
                    setup.setup_install(
                        self._ctx,
                        actor,
                        role=InstallRole.KECAMATAN,
                        kecamatan=str(place.kecamatan.currentData()),
                        station=str(place.station.currentData()),
                    )
            accounts.first_admin(self._ctx, name, password, self.full_name.text().strip())
        except AppError as exc:
            self.form.show_error(str(exc))
            return False
        log.info("set up as %s", self._ctx.identity.install_code)
        self.actor = actor
        return True

    def _setup_kabupaten(self, actor: Actor) -> None:
        """The kabupaten on this PC, or on the server of the storage page: the data dir
        records the server (its password sealed) exactly as ``setup --database`` does, and
        when the setup fails it records nothing (this PC's empty register is back).

        Raises:
            AppError: the server refused, or the setup failed.
        """
        storage = self._storage
        if storage is None or storage.choice() != "server":
            setup.setup_install(self._ctx, actor, role=InstallRole.KABUPATEN)
            return
        url, password = storage.fields.fields()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            server.attach_fresh(self._ctx, url, password)
            try:
                setup.setup_install(self._ctx, actor, role=InstallRole.KABUPATEN)
            except BaseException:
                server.detach_fresh(self._ctx)
                raise
        finally:
            QGuiApplication.restoreOverrideCursor()


class RecoveryPage(QWizardPage):
    """The recovery sheet, made once the administrator exists: saved beside the documents,
    to print and lock away. Losing every password and the sheet loses the register."""

    def __init__(self, ctx: Context, admin: AdminPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._admin = admin
        self.sheet: Path | None = None
        self.folder: Path | None = None  # where the sheet goes (default: the documents)
        self.setObjectName("RecoveryPage")
        self.setTitle(render("recovery.sheet_title"))
        self.setSubTitle(render("recovery.wizard_intro"))
        self.warning = QLabel(render("recovery.sheet_warning"))
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: bold;")
        self.where = QLabel("")
        self.where.setObjectName("where")
        self.where.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open the sheet to print it"))
        self.open_button.setObjectName("open_sheet")
        self.open_button.clicked.connect(self._open)
        self.save_button = QPushButton(self.tr("&Save it elsewhere…"))
        self.save_button.setObjectName("save_sheet")
        self.save_button.clicked.connect(self._save_elsewhere)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        root = QVBoxLayout(self)
        root.addWidget(self.warning)
        root.addWidget(self.where)
        root.addLayout(buttons)
        root.addStretch(1)

    @override
    def initializePage(self) -> None:
        from PySide6.QtCore import QStandardPaths

        from app.services import recovery

        actor = self._admin.actor
        if actor is None or self.sheet is not None:
            return
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = self.folder or (Path(docs) if docs else self._ctx.data_dir.parent)
        try:
            self.sheet = recovery.make_sheet(
                self._ctx, actor, recovery.default_sheet_path(self._ctx, folder)
            )
        except AppError as exc:
            set_message(self.where, str(exc))
            return
        self.where.setText(render("recovery.sheet_written", path=str(self.sheet)))

    def _open(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.sheet is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.sheet)))

    def _save_elsewhere(self) -> None:
        import shutil

        from PySide6.QtWidgets import QFileDialog

        if self.sheet is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, "", str(self.sheet), "PDF (*.pdf)")
        if target:
            try:
                shutil.copyfile(self.sheet, target)
            except OSError as exc:
                set_message(self.where, str(exc))
                return
            self.sheet.unlink(missing_ok=True)
            self.sheet = Path(target)
            self.where.setText(render("recovery.sheet_written", path=target))


class FirstRunWizard(QWizard):
    """Set up the data dir and create its administrator."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.setWindowTitle(self.tr("Lindungi — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.place = PlacePage()
        # The kabupaten's register on this PC or on a server; a kecamatan never sees it.
        self.storage = StoragePage()
        self.admin = AdminPage(ctx, self.place, self.storage)
        self.joining = JoinPage(ctx, self.storage)
        fresh = not ctx.is_set_up
        if fresh:
            self.addPage(self.place)
            self.addPage(self.storage)
        else:
            # Set up from the command line without an administrator: ask for one now.
            self.setWindowTitle(self.tr("Lindungi — the administrator"))
        self.addPage(self.admin)
        # Once the administrator exists there is no going back: the sheet follows.
        self.admin.setCommitPage(True)
        self.recovery = RecoveryPage(ctx, self.admin)
        self.addPage(self.recovery)
        if fresh:
            self.addPage(self.joining)
        else:  # kept (the other pages name them) but never shown
            for page in (self.storage, self.joining):
                page.setParent(self)
                page.hide()
        texts = {
            QWizard.WizardButton.CommitButton: self.tr("&Next >"),
            QWizard.WizardButton.BackButton: self.tr("< &Back"),
            QWizard.WizardButton.NextButton: self.tr("&Next >"),
            QWizard.WizardButton.FinishButton: self.tr("&Finish"),
            QWizard.WizardButton.CancelButton: common.cancel_text(),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
        self.setMinimumWidth(560)
        if fresh:  # the storage page's fields with a two-line message under them
            self.setMinimumHeight(540)

    @override
    def nextId(self) -> int:
        """The kabupaten's storage page after the place; a desk joining a server signs in
        and is done (no administrator to create, no new recovery sheet)."""
        page = self.currentPage()
        if page is self.place:
            return self._id(self.storage if self.place.kabupaten_office.isChecked() else self.admin)
        if page is self.storage:
            return self._id(self.joining if self.storage.choice() == "join" else self.admin)
        if page is self.recovery or page is self.joining:
            return -1
        return super().nextId()

    def _id(self, page: QWizardPage) -> int:
        return next(i for i in self.pageIds() if self.page(i) is page)

    @property
    def actor(self) -> Actor | None:
        """Who is signed in at the end: the new administrator, or the account that joined."""
        return self.admin.actor or self.joining.actor

    @override
    def done(self, result: int) -> None:
        self.storage.fields.abandon()  # a test still running reports to nobody
        super().done(result)

    @classmethod
    def ask(cls, ctx: Context, parent: QWidget | None = None) -> Actor | None:
        """The administrator created (logged in), the account of a desk that joined a
        server's register, or None when the user cancelled."""
        wizard = cls(ctx, parent)
        common.run_modal(wizard)
        finish_all()  # a connection test still running ends before the wizard is gone
        joined = wizard.joining.actor
        if joined is not None and accounts.must_change(ctx, joined.username):
            # As at a login: an administrator reset this account's password at another desk.
            from app.ui.login import ChangePasswordDialog

            return ChangePasswordDialog.ask(ctx, joined)
        return wizard.actor
