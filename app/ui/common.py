"""Small pieces every screen shares: labels, message boxes with Indonesian buttons, formats.

Qt ships no Indonesian translation of its own buttons, so every standard button text is set
here through our own ``.ts`` file. Message boxes go through the module functions below
(``common.error``, ``common.confirm`` …) so that tests can replace them: a modal ``exec()``
would block a test.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from app import i18n
from app.domain.participant import FUNDING, OCCUPATIONS
from app.errors import AppError

DATE_FORMAT = "dd/MM/yyyy"
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
NOTE_STYLE = "color: #555555;"


# --- labels of codes ----------------------------------------------------------------------


def status_label(code: str) -> str:
    """A participant's status in the user's language."""
    labels = {
        "draft": QCoreApplication.translate("Common", "Draft"),
        "approved": QCoreApplication.translate("Common", "Approved"),
        "accepted": QCoreApplication.translate("Common", "Accepted"),
        "active": QCoreApplication.translate("Common", "Active"),
        "inactive": QCoreApplication.translate("Common", "Inactive"),
    }
    return labels.get(code, code)


def sex_label(code: str) -> str:
    """L or P as a word."""
    labels = {
        "L": QCoreApplication.translate("Common", "Male"),
        "P": QCoreApplication.translate("Common", "Female"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    """An account role in the user's language."""
    labels = {
        "operator": QCoreApplication.translate("Common", "Operator"),
        "supervisor": QCoreApplication.translate("Common", "Supervisor"),
        "admin": QCoreApplication.translate("Common", "Administrator"),
    }
    return labels.get(code, code)


def reason_label(code: str) -> str:
    """Why a participant became inactive."""
    labels = {
        "moved": QCoreApplication.translate("Common", "Moved away"),
        "died": QCoreApplication.translate("Common", "Died"),
        "ended": QCoreApplication.translate("Common", "Membership ended"),
        "duplicate": QCoreApplication.translate("Common", "Duplicate"),
    }
    return labels.get(code, code)


def occupation_label(code: str) -> str:
    """The programme's Indonesian category name (the same in both languages)."""
    return OCCUPATIONS.get(code, code)


def funding_label(code: str) -> str:
    """The funding source's name (proper names, the same in both languages)."""
    return FUNDING.get(code, code)


# --- numbers and dates --------------------------------------------------------------------


def fmt_int(value: int) -> str:
    """A count with the thousands separator of the language: 100.000 or 100,000."""
    return i18n.fmt_int(value)


# --- buttons and message boxes ------------------------------------------------------------


def close_text() -> str:
    """The text of a Close button."""
    return QCoreApplication.translate("Common", "Close")


def cancel_text() -> str:
    """The text of a Cancel button."""
    return QCoreApplication.translate("Common", "Cancel")


def translate_buttons(box: QDialogButtonBox) -> None:
    """Give the standard buttons of ``box`` our own texts (Qt has no Indonesian)."""
    texts = {
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate("Common", "OK"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("Common", "Cancel"),
        QDialogButtonBox.StandardButton.Save: QCoreApplication.translate("Common", "Save"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("Common", "Close"),
        QDialogButtonBox.StandardButton.Yes: QCoreApplication.translate("Common", "Yes"),
        QDialogButtonBox.StandardButton.No: QCoreApplication.translate("Common", "No"),
        QDialogButtonBox.StandardButton.Apply: QCoreApplication.translate("Common", "Apply"),
        QDialogButtonBox.StandardButton.Discard: QCoreApplication.translate("Common", "Discard"),
    }
    for which, text in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    texts = {
        QMessageBox.StandardButton.Ok: QCoreApplication.translate("Common", "OK"),
        QMessageBox.StandardButton.Cancel: QCoreApplication.translate("Common", "Cancel"),
        QMessageBox.StandardButton.Yes: QCoreApplication.translate("Common", "Yes"),
        QMessageBox.StandardButton.No: QCoreApplication.translate("Common", "No"),
        QMessageBox.StandardButton.Close: QCoreApplication.translate("Common", "Close"),
    }
    for which, label in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(label)
    return box


def run_modal(dialog: QDialog) -> int:
    """Show ``dialog`` until it closes, then let Qt delete it; returns ``exec()``'s result.

    A dialog made with a parent belongs to that parent: without this, every dialog and screen
    ever opened would stay in memory, with its tables and connections, until the main window
    closes. The deletion waits for the event loop, so the caller can still read the dialog.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def dispose_windows(app: QApplication) -> None:
    """Close and delete every top-level widget now, while the application still runs.

    What is left at interpreter exit is deleted by PySide's own clean-up, in an order that
    neither Qt nor Python chose; deleting it here keeps shutting down deterministic.
    """
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def error(parent: QWidget | None, text: str) -> None:
    """Tell the user something went wrong that they can act on."""
    run_modal(
        _box(
            parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Common", "Lindungi"),
            text,
            QMessageBox.StandardButton.Ok,
        )
    )


def info(parent: QWidget | None, text: str) -> None:
    """Tell the user something worth knowing."""
    run_modal(
        _box(
            parent,
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Common", "Lindungi"),
            text,
            QMessageBox.StandardButton.Ok,
        )
    )


def confirm(parent: QWidget | None, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Common", "Lindungi"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return run_modal(box) == QMessageBox.StandardButton.Yes


def show_app_error(parent: QWidget | None, exc: AppError) -> None:
    """An expected failure from a service, in the user's language."""
    error(parent, str(exc))


def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A word-wrapped label for a message under a field, hidden while empty."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def set_message(label: QLabel, text: str, style: str = ERROR_STYLE) -> None:
    """Show ``text`` in a message label, or hide it when the text is empty."""
    label.setText(text)
    label.setStyleSheet(style)
    label.setVisible(bool(text))


def muted(widget: QWidget) -> None:
    """Grey text for notes that explain rather than warn."""
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
    widget.setPalette(pal)


# --- files --------------------------------------------------------------------------------


def open_file(parent: QWidget | None, title: str, filters: str) -> str:
    """Ask for a file to read; empty when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def open_folder(parent: QWidget | None, title: str) -> str:
    """Ask for a folder (a USB stick); empty when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, "")


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Ask where to write a file; empty when cancelled."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path
