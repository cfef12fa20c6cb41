"""The participant form, for a new registration and for an edit.

Keyboard first: fields in the order of a KTP, Enter saves, Esc cancels. Typing a NIK fills
the birth date and sex it encodes (unless they were typed) and marks a disagreement. Every
problem the service finds is shown under its own field, in words; problems a supervisor
may override open a reason field that only a supervisor can fill.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.fmt import format_date, format_rupiah
from app.domain.nik import check_nik, normalise
from app.domain.participant import (
    DEFAULT_INCOME,
    DEFAULT_PROGRAMMES,
    FUNDING,
    OCCUPATIONS,
    ParticipantData,
    Programme,
    Sex,
)
from app.errors import AppError, Problem, Refused, ValidationFailed
from app.i18n import render
from app.services import participants
from app.services.actor import Role
from app.services.participants import ListQuery, ParticipantRecord
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.common import (
    ERROR_STYLE,
    NOTE_STYLE,
    WARNING_STYLE,
    message_label,
    set_message,
    sex_label,
    translate_buttons,
)
from app.ui.session import Session
from app.ui.widgets import DateField, NagariBox
from app.ui.yearwarn import MissingYearBar

log = logging.getLogger(__name__)

FIELDS = (
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "sex",
    "address",
    "jorong",
    "nagari",
    "occupation",
    "phone",
    "income",
    "funding",
    "programmes",
    "coverage_start",
    "coverage_end",
)


class ParticipantForm(QDialog):
    """Register a participant, or edit one (``record`` given)."""

    saved = Signal(str)

    def __init__(
        self,
        session: Session,
        record: ParticipantRecord | None = None,
        parent: QWidget | None = None,
        *,
        open_record: Callable[[str], object] | None = None,
    ) -> None:
        """``open_record(reg_no)`` opens another record (the holder of a duplicate NIK):
        the caller gives it, so that the form and the record view do not import each other.
        """
        super().__init__(parent)
        self._session = session
        self._open_record = open_record
        self._ctx = session.ctx
        self._record = record
        self.saved_reg_no: str | None = None
        self._filling = False
        self._birth_typed = record is not None
        self._sex_chosen = record is not None
        self._duplicate_reg: str | None = None
        self.setObjectName("ParticipantForm")
        if record is None:
            self.setWindowTitle(self.tr("New participant"))
        else:
            self.setWindowTitle(self.tr("Edit participant {reg_no}").format(reg_no=record.reg_no))
        self._build()
        if record is not None:
            self._load(record)
        else:
            self._defaults()
        self._coverage_year()
        self._clean = self._snapshot()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

        self.nik = QLineEdit()
        self.nik.setMaxLength(24)
        self.nik.setPlaceholderText(self.tr("16 digits, as on the KTP"))
        self.nik_note = message_label(NOTE_STYLE)
        self.nik_note.setObjectName("nik_note")
        self.duplicate_button = QPushButton()
        self.duplicate_button.setObjectName("duplicate_button")
        self.duplicate_button.setVisible(False)
        self.duplicate_button.setAutoDefault(False)
        self.duplicate_button.clicked.connect(self._open_duplicate)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.birth_place = QLineEdit()
        self.birth_place.setMaxLength(100)
        self.birth_date = DateField()
        self.sex = QComboBox()
        self.sex.addItem("", None)
        self.sex.addItem(f"L — {sex_label('L')}", "L")
        self.sex.addItem(f"P — {sex_label('P')}", "P")
        self.address = QLineEdit()
        self.address.setMaxLength(300)
        self.jorong = QLineEdit()
        self.jorong.setMaxLength(100)
        self.nagari = NagariBox(participants.villages_for(self._ctx), self._ctx.regions)
        edit = self.nagari.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("Type a name, e.g. Aia Amo"))
        self.occupation = QComboBox()
        self.occupation.addItem("", None)
        for code, label in OCCUPATIONS.items():
            self.occupation.addItem(label, code)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText("08…")
        self.income = QSpinBox()
        self.income.setRange(0, 1_000_000_000)
        self.income.setSingleStep(100_000)
        self.income.setGroupSeparatorShown(True)
        self.income.setPrefix("Rp")
        # Empty until the clerk types an income or takes the default: the income sets the
        # JKK contribution, so a default nobody looked at must not slip through.
        self.income.setSpecialValueText(self.tr("not given yet"))
        self.income_default = QPushButton(
            self.tr("Use the default {money}").format(money=format_rupiah(DEFAULT_INCOME))
        )
        self.income_default.setObjectName("income_default")
        self.income_default.setAutoDefault(False)
        self.income_default.clicked.connect(lambda: self.income.setValue(DEFAULT_INCOME))
        self.income.valueChanged.connect(
            lambda v: self.income_default.setVisible(v != DEFAULT_INCOME)
        )
        self.funding = QComboBox()
        for code, label in FUNDING.items():
            self.funding.addItem(label, code)
        self.programme_boxes = {p: QCheckBox(p.value) for p in Programme}
        programmes = QWidget()
        prow = QHBoxLayout(programmes)
        prow.setContentsMargins(0, 0, 0, 0)
        for box in self.programme_boxes.values():
            prow.addWidget(box)
        prow.addStretch(1)
        self.coverage_start = DateField()
        self.coverage_end = DateField()

        self.widgets = {
            "nik": self.nik,
            "name": self.name,
            "birth_place": self.birth_place,
            "birth_date": self.birth_date,
            "sex": self.sex,
            "address": self.address,
            "jorong": self.jorong,
            "nagari": self.nagari,
            "occupation": self.occupation,
            "phone": self.phone,
            "income": self.income,
            "funding": self.funding,
            "programmes": programmes,
            "coverage_start": self.coverage_start,
            "coverage_end": self.coverage_end,
        }
        for key, widget in self.widgets.items():
            widget.setObjectName(key)
            message = message_label()
            message.setObjectName(f"{key}_error")
            self.messages[key] = message

        labels = {
            "nik": self.tr("&NIK"),
            "name": self.tr("Full na&me"),
            "birth_place": self.tr("Birth &place"),
            "birth_date": self.tr("&Birth date"),
            "sex": self.tr("&Sex"),
            "address": self.tr("&Address"),
            "jorong": self.tr("&Jorong"),
            "nagari": self.tr("Na&gari"),
            "occupation": self.tr("&Occupation"),
            "phone": self.tr("P&hone"),
            "income": self.tr("Declared &income"),
            "funding": self.tr("&Funding"),
            "programmes": self.tr("Programmes"),
            "coverage_start": self.tr("Coverage s&tart"),
            "coverage_end": self.tr("Coverage &end"),
        }
        hints = {
            "birth_date": self.tr("dd/mm/yyyy"),
            "coverage_start": self.tr("dd/mm/yyyy; empty means today"),
            "coverage_end": self.tr("dd/mm/yyyy; usually empty"),
        }
        columns = QHBoxLayout()
        columns.setSpacing(24)
        left = ["nik", "name", "birth_place", "birth_date", "sex", "address", "jorong", "nagari"]
        right = [
            "occupation",
            "phone",
            "income",
            "funding",
            "programmes",
            "coverage_start",
            "coverage_end",
        ]
        for keys, width in ((left, 320), (right, 260)):
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(4)
            for row, key in enumerate(keys):
                widget = self.widgets[key]
                title = QLabel(labels[key])
                title.setBuddy(widget)
                # As tall as the field, centred: the label reads level with the field's text.
                title.setMinimumHeight(widget.sizeHint().height())
                title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                cell = QVBoxLayout()
                cell.setSpacing(1)
                line = QHBoxLayout()
                line.addWidget(widget, 0 if isinstance(widget, DateField) else 1)
                if key in hints:
                    hint = QLabel(hints[key])
                    hint.setStyleSheet(NOTE_STYLE)
                    line.addWidget(hint, 1)
                if key == "income":
                    line.addWidget(self.income_default)
                cell.addLayout(line)
                if key == "nik":
                    cell.addWidget(self.nik_note)
                    dup = QHBoxLayout()
                    dup.addWidget(self.messages[key], 1)
                    dup.addWidget(self.duplicate_button, 0, Qt.AlignmentFlag.AlignTop)
                    cell.addLayout(dup)
                else:
                    cell.addWidget(self.messages[key])
                grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(cell, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(1, 1)
            grid.setColumnMinimumWidth(1, width)
            grid.setRowStretch(len(keys), 1)
            columns.addLayout(grid, 1)

        self.general = message_label()
        self.general.setObjectName("general_error")

        self.override_box = QGroupBox(self.tr("Supervisor override"))
        self.override_box.setObjectName("override_box")
        obox = QVBoxLayout(self.override_box)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("override_reason")
        self.override_reason.setMaxLength(300)
        self.override_reason.setPlaceholderText(
            self.tr("Why the warnings above are acceptable (recorded in the history)")
        )
        self.override_note = message_label(NOTE_STYLE)
        self.override_note.setObjectName("override_note")
        self.override_error = message_label()
        self.override_error.setObjectName("override_reason_error")
        obox.addWidget(self.override_reason)
        obox.addWidget(self.override_note)
        obox.addWidget(self.override_error)
        self.override_box.setVisible(False)

        # Someone else saved this record after the form opened: both versions side by
        # side, and a way to put the clerk's changes on top of theirs.
        self.conflict_box = QGroupBox(self.tr("Saved by someone else meanwhile"))
        self.conflict_box.setObjectName("conflict_box")
        cbox = QVBoxLayout(self.conflict_box)
        self.conflict_table = QLabel()
        self.conflict_table.setObjectName("conflict_table")
        self.conflict_table.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_table.setWordWrap(True)
        self.conflict_merge = QPushButton(self.tr("Take their version, keep my changes"))
        self.conflict_merge.setObjectName("conflict_merge")
        self.conflict_merge.setAutoDefault(False)
        self.conflict_merge.clicked.connect(self._take_theirs)
        cbox.addWidget(self.conflict_table)
        cbox.addWidget(self.conflict_merge, 0, Qt.AlignmentFlag.AlignLeft)
        self.conflict_box.setVisible(False)
        self._conflict: participants.EditConflict | None = None

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(self.buttons)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.year_bar = MissingYearBar(self._ctx, self._session.actor)
        root = QVBoxLayout(self)
        root.addWidget(self.year_bar)
        root.addWidget(self.general)
        root.addWidget(self.conflict_box)
        root.addLayout(columns)
        root.addWidget(self.override_box)
        root.addStretch(1)
        root.addWidget(self.buttons)

        order: list[QWidget] = [
            self.nik,
            self.name,
            self.birth_place,
            self.birth_date,
            self.sex,
            self.address,
            self.jorong,
            self.nagari,
            self.occupation,
            self.phone,
            self.income,
            self.funding,
            *self.programme_boxes.values(),
            self.coverage_start,
            self.coverage_end,
            self.override_reason,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        self.nik.textChanged.connect(self._nik_changed)
        self.birth_date.textEdited.connect(self._birth_edited)
        self.sex.activated.connect(self._sex_chosen_by_user)
        self.coverage_start.textChanged.connect(self._coverage_year)
        self.occupation.activated.connect(lambda _i: self._clear_error("occupation"))
        self.nagari.currentTextChanged.connect(lambda _t: self._clear_error("nagari"))
        self.income.valueChanged.connect(lambda _v: self._clear_error("income"))
        for key, typed in (
            ("name", self.name),
            ("birth_place", self.birth_place),
            ("phone", self.phone),
        ):
            typed.textEdited.connect(lambda _t, k=key: self._clear_error(k))

    def _defaults(self) -> None:
        self.income.setValue(0)
        for p, box in self.programme_boxes.items():
            box.setChecked(p in DEFAULT_PROGRAMMES)
        self.coverage_start.set_date_value(
            participants.default_coverage_start(self._ctx, dt.date.today())
        )
        self.funding.setCurrentIndex(max(0, self.funding.findData("apbd")))

    def _load(self, rec: ParticipantRecord) -> None:
        self._filling = True
        try:
            self.nik.setText(rec.nik)
            self.name.setText(rec.name)
            self.birth_place.setText(rec.birth_place)
            self.birth_date.set_date_value(rec.birth_date)
            self.sex.setCurrentIndex(max(0, self.sex.findData(rec.sex)))
            self.address.setText(rec.address)
            self.jorong.setText(rec.jorong)
            self.nagari.set_code(rec.nagari_code)
            self.occupation.setCurrentIndex(max(0, self.occupation.findData(rec.occupation)))
            self.phone.setText(rec.phone)
            self.income.setValue(rec.income)
            self.funding.setCurrentIndex(max(0, self.funding.findData(rec.funding)))
            chosen = set(rec.programmes.split(","))
            for p, box in self.programme_boxes.items():
                box.setChecked(p.value in chosen)
            self.coverage_start.set_date_value(rec.coverage_start)
            self.coverage_end.set_date_value(rec.coverage_end)
        finally:
            self._filling = False
        self._nik_changed(self.nik.text())

    # --- live checks --------------------------------------------------------------------

    def _coverage_year(self, _text: str = "") -> None:
        """Warn when the coverage start's year has no programme year."""
        try:
            start = self.coverage_start.date_value() or dt.date.today()
        except ValueError:
            return  # a half-typed date: the warning waits for a whole one
        shown = self.year_bar.isVisible()
        self.year_bar.show_for([start.year])
        if self.year_bar.isVisible() != shown:
            self._fit()

    def _birth_edited(self, _text: str) -> None:
        self._birth_typed = not self.birth_date.is_empty()
        self._check_agreement()

    def _sex_chosen_by_user(self, _index: int) -> None:
        self._sex_chosen = self.sex.currentData() is not None
        self._clear_error("sex")
        self._check_agreement()

    def _clear_error(self, key: str) -> None:
        """A field's error goes once the clerk changed that field (warnings stay)."""
        label = self.messages[key]
        if label.styleSheet() == ERROR_STYLE and label.text():
            set_message(label, "")

    def _nik_changed(self, text: str) -> None:
        set_message(self.messages["nik"], "")
        set_message(self.nik_note, "", NOTE_STYLE)
        self._show_duplicate(None)
        raw = normalise(text)
        if not raw:
            self._check_agreement()
            return
        if not raw.isdigit():
            set_message(self.messages["nik"], render("nik.not_digits"))
            return
        if len(raw) < 16:
            set_message(
                self.nik_note, self.tr("{count} of 16 digits").format(count=len(raw)), NOTE_STYLE
            )
            return
        report = check_nik(raw, regency=self._ctx.identity.regency)
        if not report.valid:
            set_message(
                self.messages["nik"], "\n".join(render(i.code, **i.params) for i in report.errors)
            )
            return
        assert report.birth_date is not None and report.sex is not None
        if not self._filling:
            self._filling = True
            try:
                if not self._birth_typed or self.birth_date.is_empty():
                    self.birth_date.set_date_value(report.birth_date)
                    self._birth_typed = False
                if not self._sex_chosen or self.sex.currentData() is None:
                    self.sex.setCurrentIndex(self.sex.findData(report.sex.value))
                    self._sex_chosen = False
            finally:
                self._filling = False
        notes = [
            self.tr("The NIK says: born {date}, {sex}.").format(
                date=format_date(report.birth_date), sex=sex_label(report.sex.value).lower()
            )
        ]
        notes += [render(w.code, **w.params) for w in report.warnings]
        set_message(self.nik_note, "\n".join(notes), NOTE_STYLE)
        self._check_agreement()
        self._look_for_duplicate(report.nik)
        self._fit()

    def _check_agreement(self) -> None:
        """Mark a birth date or sex that disagrees with the NIK (beside those fields)."""
        for key in ("birth_date", "sex"):
            if self.messages[key].styleSheet() == WARNING_STYLE:
                set_message(self.messages[key], "")
        raw = normalise(self.nik.text())
        if len(raw) != 16 or not raw.isdigit():
            return
        try:
            birth = self.birth_date.date_value()
        except ValueError:
            birth = None
        sex_code = self.sex.currentData()
        sex = Sex(sex_code) if sex_code else None
        report = check_nik(raw, birth_date=birth, sex=sex)
        for issue in report.mismatches:
            key = "sex" if issue.code == "nik.sex_mismatch" else "birth_date"
            set_message(self.messages[key], render(issue.code, **issue.params), WARNING_STYLE)
        self._fit()

    def _look_for_duplicate(self, nik: str) -> None:
        own = self._record.id if self._record else None
        ids = participants.search(self._ctx, ListQuery(search=nik), limit=20)
        for row in participants.rows(self._ctx, ids):
            if row.nik == nik and row.id != own:
                set_message(
                    self.messages["nik"],
                    render(
                        "nik.duplicate",
                        reg_no=row.reg_no,
                        name=row.name,
                        status=common.status_label(row.status),
                    ),
                )
                self._show_duplicate(row.reg_no)
                return

    def _show_duplicate(self, reg_no: str | None) -> None:
        self._duplicate_reg = reg_no
        if reg_no:
            self.duplicate_button.setText(self.tr("Open {reg_no}").format(reg_no=reg_no))
        self.duplicate_button.setVisible(reg_no is not None and self._open_record is not None)

    def _open_duplicate(self) -> None:
        if self._duplicate_reg and self._open_record is not None:
            self._open_record(self._duplicate_reg)
            self._nik_changed(self.nik.text())

    # --- keeping work -------------------------------------------------------------------

    def _snapshot(self) -> tuple[object, ...]:
        """What the clerk has entered, to tell a changed form from an untouched one."""
        values: list[object] = []
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QComboBox):
                values.append((widget.currentIndex(), widget.currentText()))
            elif isinstance(widget, QSpinBox):
                values.append(widget.value())
        values += [box.isChecked() for box in self.programme_boxes.values()]
        values.append(self.override_reason.text())
        return tuple(values)

    def is_changed(self) -> bool:
        """True when something was typed or chosen since the form opened."""
        return self._snapshot() != self._clean

    @override
    def reject(self) -> None:
        """Escape, Batal and the close button: a changed form asks before it is thrown away."""
        if self.saved_reg_no is None and self.is_changed():
            question = (
                self.tr("Discard this new participant? What was typed is lost.")
                if self._record is None
                else self.tr("Discard the changes to {reg_no}?").format(reg_no=self._record.reg_no)
            )
            if not common.confirm(self, question):
                return
        super().reject()

    # --- saving -------------------------------------------------------------------------

    def _clear_messages(self) -> None:
        for label in self.messages.values():
            set_message(label, "")
        set_message(self.general, "")
        set_message(self.override_error, "")

    def show_problems(self, problems: list[Problem]) -> None:
        """Show each problem under its field; overridable ones open the override box."""
        self._clear_messages()
        texts: dict[str, list[str]] = {}
        soft_only: dict[str, bool] = {}
        for p in problems:
            key = p.field if p.field in self.messages else ""
            texts.setdefault(key, []).append(p.render())
            soft_only[key] = soft_only.get(key, True) and p.overridable
        for key, lines in texts.items():
            label = self.messages[key] if key else self.general
            style = WARNING_STYLE if soft_only[key] else ERROR_STYLE
            set_message(label, "\n".join(dict.fromkeys(lines)), style)
        if "nik" in texts:
            set_message(self.nik_note, "", NOTE_STYLE)
        dup = next((p for p in problems if p.code == "nik.duplicate"), None)
        self._show_duplicate(str(dup.params["reg_no"]) if dup else None)
        soft = [p for p in problems if p.overridable]
        self.override_box.setVisible(bool(soft))
        if soft:
            allowed = self._session.can(Role.SUPERVISOR)
            self.override_reason.setEnabled(allowed)
            if allowed:
                note = self.tr(
                    "As a supervisor you may save despite the warnings marked above: give a reason."
                )
            else:
                note = render("override.reason_role")
            set_message(self.override_note, note, NOTE_STYLE)
        first = next((p.field for p in problems if p.field in self.widgets), None)
        if first:
            self.widgets[first].setFocus()
        self._fit()

    def _fit(self) -> None:
        """Grow the dialog when messages appeared, so that none is cut off."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _gather(self) -> tuple[ParticipantData | None, list[Problem]]:
        """The form's values, and the problems that stop them from being read at all."""
        problems: list[Problem] = []
        birth: dt.date | None = None
        try:
            birth = self.birth_date.date_value()
        except ValueError:
            problems.append(Problem("birth_date", "date.invalid", text=self.birth_date.text()))
        dates: dict[str, dt.date | None] = {}
        for key, field in (
            ("coverage_start", self.coverage_start),
            ("coverage_end", self.coverage_end),
        ):
            try:
                dates[key] = field.date_value()
            except ValueError:
                dates[key] = None
                problems.append(Problem(key, "date.invalid", text=field.text()))
        sex_code = self.sex.currentData()
        nagari = self.nagari.code()
        typed = self.nagari.currentText().strip()
        if nagari is None and typed:
            problems.append(Problem("nagari", "nagari.outside", nagari=typed))
        occupation = self.occupation.currentData()
        if self.income.value() == 0:
            problems.append(
                Problem("income", "income.confirm", default=format_rupiah(DEFAULT_INCOME))
            )
        data = ParticipantData(
            nik=self.nik.text(),
            name=self.name.text(),
            birth_place=self.birth_place.text(),
            birth_date=birth,
            sex=Sex(sex_code) if sex_code else None,
            nagari_code=nagari,
            occupation=occupation,
            address=self.address.text(),
            jorong=self.jorong.text(),
            phone=self.phone.text().strip(),
            income=self.income.value() or DEFAULT_INCOME,
            funding=str(self.funding.currentData()),
            programmes=tuple(p for p, box in self.programme_boxes.items() if box.isChecked()),
            coverage_start=dates["coverage_start"],
            coverage_end=dates["coverage_end"],
            override_reason=self.override_reason.text()
            if self.override_reason.isEnabled() and self.override_box.isVisible()
            else "",
        )
        if problems:
            # Check the rest too, so that every problem shows at once; a field the form
            # could not read keeps the form's own message.
            own = self._record.id if self._record else None
            problems += participants.other_problems(self._ctx, data, problems, own)
            return None, problems
        return data, []

    def save(self) -> None:
        """Register or change the participant; on problems, show them and save nothing."""
        data, problems = self._gather()
        if data is None:
            self.show_problems(problems)
            return
        try:
            if self._record is None:
                result = participants.register(self._ctx, self._session.actor, data)
                reg_no = result.reg_no
            else:
                rec = participants.edit(
                    self._ctx,
                    self._session.actor,
                    self._record.reg_no,
                    data,
                    revision=self._record.revision,
                )
                reg_no = rec.reg_no
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return
        except participants.EditConflict as exc:
            self._show_conflict(exc)
            return
        except Refused as exc:
            if exc.code == "role.needed" and self.override_box.isVisible():
                set_message(self.override_error, render("override.reason_role"))
            else:
                set_message(self.general, str(exc))
            return
        except AppError as exc:
            set_message(self.general, str(exc))
            return
        log.info("saved participant %s", reg_no)
        self.saved_reg_no = reg_no
        self.saved.emit(reg_no)
        bus().announce(Changes(participants=True))
        self.accept()

    # --- someone else saved first ---------------------------------------------------------

    def _show_conflict(self, exc: participants.EditConflict) -> None:
        """Their version and the clerk's side by side; what was typed stays in the form."""
        self._conflict = exc
        set_message(self.general, str(exc))
        rows = "".join(
            f"<tr><td>{escape(c.label)}</td><td>{escape(c.theirs)}</td>"
            f"<td><b>{escape(c.yours)}</b></td></tr>"
            for c in exc.clashes
        )
        titles = (
            self.tr("Field"),
            self.tr("Saved by {user}").format(user=exc.current.updated_by),
            self.tr("Yours (not saved)"),
        )
        head = "<tr>" + "".join(f"<th align='left'>{escape(t)}</th>" for t in titles) + "</tr>"
        self.conflict_table.setText(
            f"<table cellspacing='0' cellpadding='3'>{head}{rows}</table>"
            + "<p>"
            + escape(
                self.tr(
                    "Your changes are still in the form. Take their version to see their "
                    "changes under yours, check the form, then save again."
                )
            )
            + "</p>"
        )
        self.conflict_box.setVisible(True)
        self._fit()

    def _take_theirs(self) -> None:
        """Load the version saved meanwhile, with the fields this clerk changed kept as
        typed; the next save goes on top of that revision."""
        exc = self._conflict
        if exc is None or self._record is None:
            return
        base = self._record
        mine: dict[str, Any] = {
            key: value
            for key, value in exc.yours.items()
            if hasattr(base, key) and getattr(base, key) != value
        }
        mine.pop("kecamatan_code", None)
        mine.pop("override_reason", None)
        typed_reason = self.override_reason.text()
        self._load(dataclasses.replace(exc.current, **mine))
        self.override_reason.setText(typed_reason)
        self._record = exc.current
        self._conflict = None
        self.conflict_box.setVisible(False)
        set_message(
            self.general,
            self.tr(
                "The form now shows the version saved by {user} with your changes on top. "
                "Check it, then save."
            ).format(user=exc.current.updated_by),
            NOTE_STYLE,
        )

    @classmethod
    def ask(
        cls,
        session: Session,
        record: ParticipantRecord | None = None,
        parent: QWidget | None = None,
        *,
        open_record: Callable[[str], object] | None = None,
    ) -> str | None:
        """Show the form; the registration number saved, or None when cancelled."""
        dialog = cls(session, record, parent, open_record=open_record)
        common.run_modal(dialog)
        return dialog.saved_reg_no
