"""The Indonesian translation of the UI: complete, current with the code, compiled.

- the committed ``.qm`` is exactly what ``lrelease`` makes of the committed ``.ts``;
- ``lupdate`` run on today's sources finds no string the ``.ts`` lacks;
- every message is translated, keeps its ``{placeholders}`` and its ``&`` shortcut;
- the translator answers at run time, also for Qt's own texts (a text field's menu).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.paths import resource
from app.ui import common, qtstrings
from app.ui.start import apply_language

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

TS = resource("translations", "lindungi_id.ts")
QM = resource("translations", "lindungi_id.qm")


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, type) of every message."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for m in context.iter("message"):
            tr = m.find("translation")
            out.append(
                (
                    name,
                    m.findtext("source", ""),
                    None if tr is None else tr.text,
                    None if tr is None else tr.get("type"),
                )
            )
    return out


def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    update_translations.lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run: python scripts/update_translations.py"


def test_the_ts_holds_every_string_of_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "lindungi_id.ts"
    shutil.copy(TS, copy)
    update_translations.lupdate(copy)
    before = {(c, s) for c, s, _t, _y in messages(TS)}
    after = {(c, s) for c, s, _t, _y in messages(copy)}
    assert after - before == set(), "new strings: run scripts/update_translations.py"
    assert before - after == set(), "strings no longer in the code: run the same script"
    assert update_translations.unfinished(copy) == []


def test_every_translation_keeps_placeholders_and_a_shortcut() -> None:
    found = messages(TS)
    assert len(found) > 250
    for context, source, translation, kind in found:
        assert kind is None, (context, source)
        assert translation, (context, source)
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
            re.findall(r"\{\w+\}", translation)
        ), (context, source)
        if re.search(r"&[^&\s]", source):
            assert re.search(r"&[^&\s]", translation), (context, source)


def test_the_translator_answers_at_run_time(qapp) -> None:
    assert common.status_label("draft") == "Draf"
    assert common.sex_label("P") == "Perempuan"
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Tempel"
    assert "&Tempel" in qtstrings.qt_strings()
    apply_language(qapp, "en")
    try:
        assert common.status_label("draft") == "Draft"
        assert common.fmt_int(1333) == "1,333"
    finally:
        apply_language(qapp, "id")
    assert common.fmt_int(1333) == "1.333"


@pytest.mark.parametrize("tool", ["lupdate", "lrelease"])
def test_the_tools_ship_with_pyside6(tool: str) -> None:
    path = update_translations.tool(tool)
    assert subprocess.run([str(path), "-version"], capture_output=True, check=False).returncode == 0
