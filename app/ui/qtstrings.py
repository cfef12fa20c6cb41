"""Qt's own texts that users see, listed so that ``lupdate`` puts them in our ``.ts`` file.

Qt ships no Indonesian translation: without these, the right-click menu of every text field
("Undo", "Copy", "Paste") and any standard button we did not label ourselves would stay
English. The contexts and source texts are Qt's own (from ``qtbase``); our translator,
installed for Indonesian, answers Qt's look-ups for them. Nothing calls this function: it
exists to be read by ``lupdate`` (and by the test that checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_strings() -> list[str]:
    """Every Qt text we translate, in the current language."""
    t = QCoreApplication
    return [
        t.translate("QLineEdit", "&Undo"),
        t.translate("QLineEdit", "&Redo"),
        t.translate("QLineEdit", "Cu&t"),
        t.translate("QLineEdit", "&Copy"),
        t.translate("QLineEdit", "&Paste"),
        t.translate("QLineEdit", "Delete"),
        t.translate("QLineEdit", "Select All"),
        t.translate("QWidgetTextControl", "&Undo"),
        t.translate("QWidgetTextControl", "&Redo"),
        t.translate("QWidgetTextControl", "Cu&t"),
        t.translate("QWidgetTextControl", "&Copy"),
        t.translate("QWidgetTextControl", "&Paste"),
        t.translate("QWidgetTextControl", "Delete"),
        t.translate("QWidgetTextControl", "Select All"),
        t.translate("QAbstractSpinBox", "&Select All"),
        t.translate("QAbstractSpinBox", "&Step up"),
        t.translate("QAbstractSpinBox", "Step &down"),
        t.translate("QPlatformTheme", "OK"),
        t.translate("QPlatformTheme", "Cancel"),
        t.translate("QPlatformTheme", "Save"),
        t.translate("QPlatformTheme", "Close"),
        t.translate("QPlatformTheme", "Apply"),
        t.translate("QPlatformTheme", "Discard"),
        t.translate("QPlatformTheme", "Open"),
        t.translate("QPlatformTheme", "&Yes"),
        t.translate("QPlatformTheme", "&No"),
        t.translate("QPlatformTheme", "Help"),
        t.translate("QPlatformTheme", "Reset"),
        t.translate("QPlatformTheme", "Retry"),
        t.translate("QPlatformTheme", "Ignore"),
        t.translate("QPlatformTheme", "Abort"),
    ]
