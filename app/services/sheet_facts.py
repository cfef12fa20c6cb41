"""What calamine does not say about an Excel 97-2003 ``.xls`` or a LibreOffice ``.ods``:
which rows are hidden, and which sheet the workbook opens on.

A row hidden because the person died must not be registered, so the importer skips hidden
rows; calamine reads cells only. These facts are read from the file itself:

* ``.xls`` (BIFF5/BIFF8 in an OLE container): the ``Workbook`` stream's records. Each
  sheet's ``BOUNDSHEET`` gives its name and where its records start; a ``ROW`` record with
  the ``fDyZero`` flag is a hidden row; ``WINDOW1``'s ``itabCur`` is the active sheet.
* ``.ods``: ``content.xml``'s ``<table:table-row>`` elements, counted with their
  ``table:number-rows-repeated``; ``table:visibility="collapse"`` (hidden by hand) or
  ``"filter"`` (hidden by a filter) is a hidden row. ``settings.xml``'s ``ActiveTable``.

A file whose records cannot be followed gives None: the preview then says that hidden rows
could not be detected, rather than guessing.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import unescape

# Rows past this are never read (the reader refuses larger sheets).
_ROW_LIMIT = 1_048_576


@dataclass
class BookFacts:
    """Hidden rows (0-based) of each sheet, by name, and the active sheet's name."""

    hidden: dict[str, set[int]] = field(default_factory=dict)
    active: str | None = None


# --- xls -------------------------------------------------------------------------------

_BOF, _EOF, _BOUNDSHEET, _WINDOW1, _ROW = 0x0809, 0x000A, 0x0085, 0x003D, 0x0208
_ROW_HIDDEN = 0x20  # fDyZero


def _records(stream: bytes, pos: int) -> list[tuple[int, bytes]]:
    """The records of one substream from its BOF at ``pos`` to its EOF (a chart embedded
    in a sheet has its own BOF…EOF, skipped)."""
    out: list[tuple[int, bytes]] = []
    depth = 0
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        data = stream[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth == 0:
                return out
        elif depth == 1:
            out.append((kind, data))
    raise ValueError("substream without EOF")


def _sheet_name(data: bytes, biff8: bool) -> str:
    count = data[6]
    if not biff8:
        return data[7 : 7 + count].decode("cp1252")
    if data[7] & 1:
        return data[8 : 8 + 2 * count].decode("utf-16-le")
    return data[8 : 8 + count].decode("latin-1")


def xls_facts(data: bytes) -> BookFacts | None:
    """The hidden rows and active sheet of an ``.xls`` file, or None when unreadable."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
        name = "Workbook" if ole.exists("Workbook") else "Book"
        stream = ole.openstream(name).read()
        if struct.unpack_from("<HH", stream, 0)[0] != _BOF:
            return None
        biff8 = struct.unpack_from("<H", stream, 4)[0] == 0x0600
        sheets: list[tuple[str, int]] = []
        active_index = 0
        for kind, rec in _records(stream, 0):
            if kind == _BOUNDSHEET:
                sheets.append((_sheet_name(rec, biff8), struct.unpack_from("<I", rec, 0)[0]))
            elif kind == _WINDOW1 and len(rec) >= 12:
                active_index = struct.unpack_from("<H", rec, 10)[0]
        facts = BookFacts()
        for sheet, pos in sheets:
            rows = facts.hidden[sheet] = set()
            for kind, rec in _records(stream, pos):
                if kind == _ROW and len(rec) >= 14:
                    row, flags = struct.unpack_from("<H", rec, 0)[0], rec[12]
                    if flags & _ROW_HIDDEN:
                        rows.add(row)
        if 0 <= active_index < len(sheets):
            facts.active = sheets[active_index][0]
        return facts
    except Exception:  # any way a damaged container breaks olefile or the records
        return None


# --- ods -------------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<table:table((?:\s[^>]*)?)>|<table:table-row((?:\s[^>]*)?)>")
_ODS_NAME = re.compile(rb'\btable:name="([^"]*)"')
_ODS_REPEAT = re.compile(rb'\btable:number-rows-repeated="(\d+)"')
_ODS_HIDDEN = re.compile(rb'\btable:visibility="(?:collapse|filter)"')
_ODS_ACTIVE = re.compile(rb'config:name="ActiveTable"[^>]*>([^<]*)</config:config-item>', re.DOTALL)


def _xml_text(raw: bytes) -> str:
    return unescape(raw.decode("utf-8"), {"&quot;": '"', "&apos;": "'"})


def ods_facts(data: bytes) -> BookFacts | None:
    """The hidden rows and active sheet of an ``.ods`` file (already checked against zip
    bombs by the reader), or None when unreadable."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        content = zf.read("content.xml")
        facts = BookFacts()
        rows: set[int] | None = None
        at = 0
        for m in _ODS_TAG.finditer(content):
            table, row = m.group(1), m.group(2)
            if table is not None:
                name = _ODS_NAME.search(table)
                rows = facts.hidden.setdefault(_xml_text(name.group(1)) if name else "", set())
                at = 0
                continue
            repeat = _ODS_REPEAT.search(row)
            count = int(repeat.group(1)) if repeat else 1
            if rows is not None and _ODS_HIDDEN.search(row):
                rows.update(range(at, min(at + count, _ROW_LIMIT)))
            at += count
        if "settings.xml" in zf.namelist():
            active = _ODS_ACTIVE.search(zf.read("settings.xml"))
            facts.active = _xml_text(active.group(1)) if active else None
        return facts
    except Exception:  # any way a damaged zip or XML breaks the reading
        return None
