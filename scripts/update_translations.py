"""Refresh the Indonesian translation of the UI: extract strings, compile the ``.qm``.

Usage: ``python scripts/update_translations.py`` (after changing any ``tr()`` text under
``app/ui``). Runs ``lupdate`` over ``app/ui/*.py`` into
``resources/translations/lindungi_id.ts`` (new strings arrive unfinished; translate them in
Qt Linguist, ``pyside6-linguist``, or any TS editor), then ``lrelease`` into
``lindungi_id.qm``, and reports what is still untranslated (exit code 1 if anything is).
Both tools ship inside the PySide6-Essentials wheel.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "lindungi_id.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> Path:
    """``lupdate`` or ``lrelease`` from the PySide6 package (no Qt install needed)."""
    base = Path(PySide6.__file__).parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"{name} not found in {base}")


def sources() -> list[Path]:
    """Every module of the UI layer, in a stable order."""
    return sorted((ROOT / "app" / "ui").glob("*.py"))


def lupdate(ts: Path) -> None:
    """Extract the UI's strings into ``ts`` (keeping translations, dropping vanished ones)."""
    subprocess.run(
        [
            str(tool("lupdate")),
            *(str(p) for p in sources()),
            "-ts",
            str(ts),
            "-target-language",
            "id_ID",
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run([str(tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                out.append((name, message.findtext("source", "")))
    return out


def main() -> int:
    """Update, compile and report."""
    lupdate(TS)
    lrelease(TS, QM)
    missing = unfinished(TS)
    for context, source in missing:
        print(f"untranslated: {context}: {source}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
