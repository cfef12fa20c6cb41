"""Reading and writing the spreadsheets nagari offices and BPJS send, as they come.

One reader for every format an office has: ``.xlsx``/``.xlsm``, Excel 97-2003 ``.xls`` and
LibreOffice ``.ods`` through python-calamine (a Rust reader, ten times faster than
openpyxl), and CSV or Excel's "Unicode Text" (``,`` ``;`` or tab; UTF-8 with or without
BOM, Windows-1252, UTF-16). Cells come back as Python values (numbers as ``float``, dates
as ``date``/``datetime``, empty as ``""``) or text (CSV); interpreting them is the
importer's job.

What calamine does not know is read from the workbook itself: which sheet is active and
which rows are hidden, from the xlsx XML here and from the xls records or the ods XML in
:mod:`app.services.sheet_facts`. When they cannot be read, :attr:`Sheet.hidden_known`
says so.

A workbook is checked before it is parsed, so that a hostile or broken file is refused
quickly and in little memory: the zip's members are decompressed in a stream with a cap
(a zip bomb stops at the cap), and a sheet whose cells span more than :data:`MAX_CELLS`
(a few cells at ``A1`` and ``XFD3000``) is refused before calamine would lay it out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from app.domain.progress import Progress
from app.errors import AppError, InvalidInput, NotFound, OsReason
from app.paths import temp_beside
from app.services.sheet_facts import BookFacts, ods_facts, xls_facts
from app.store.files import make_private

log = logging.getLogger(__name__)

MAX_ROWS = 200_000
# Rows × columns a sheet may span: 200,000 rows of 20 columns.
MAX_CELLS = 4_000_000
# Uncompressed bytes of one zip member, and of all of them: a 200,000-row sheet is ~120 MB.
MAX_MEMBER = 160 * 1024 * 1024
MAX_UNZIPPED = 240 * 1024 * 1024
MAX_FILE = 60 * 1024 * 1024

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
SUFFIXES = WORKBOOK_SUFFIXES + TEXT_SUFFIXES

# The hidden sheet that marks Lindungi's own template (and holds its drop-down lists).
TEMPLATE_MARKER = "lindungi_daftar"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")

# ``progress(done, total)`` of slow reading and writing; the rows are counted in thousands.
RowProgress = Progress  # the one protocol of slow work (app/domain/progress.py)
PROGRESS_EVERY = 1000


@dataclass
class Sheet:
    """One sheet as read: its rows (row ``i`` is the spreadsheet's row ``i + 1``)."""

    name: str
    rows: list[list[Any]]
    hidden_rows: set[int] = field(default_factory=set)  # 0-based indexes into ``rows``
    hidden_known: bool = True


@dataclass
class Book:
    """A spreadsheet file: its visible sheets in order and the one it opens on."""

    path: Path
    visible: list[str]
    active: str
    template: bool = False
    _read: Callable[[str], Sheet] | None = field(default=None, repr=False)
    _cache: dict[str, Sheet] = field(default_factory=dict, repr=False)

    def sheet(self, name: str) -> Sheet:
        """The rows of a visible sheet (read once).

        Raises:
            InvalidInput: no visible sheet of that name, or a sheet too large.
        """
        if name not in self.visible:
            raise InvalidInput("sheet.no_such", name=name, sheets=", ".join(self.visible))
        if name not in self._cache:
            assert self._read is not None
            self._cache[name] = _guard(self.path, lambda: self._read(name))  # type: ignore[misc]
        return self._cache[name]


_T = TypeVar("_T")


def _guard(path: Path, work: Callable[[], _T]) -> _T:
    try:
        return work()
    except AppError:
        raise
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:
        # An untrusted file may break the zip, XML or CSV layers in any of many ways
        # (zlib.error, BadZipFile, CalamineError, KeyError…, even a panic of the Rust
        # reader, which is no Exception): each is "cannot be read".
        name = type(exc).__name__
        log.info("spreadsheet unreadable: %s", name)
        if name == "PasswordError" or "password" in str(exc).lower():
            raise InvalidInput("sheet.password", name=path.name) from exc
        raise InvalidInput("sheet.unreadable", name=path.name) from exc


def open_book(path: Path) -> Book:
    """Open a spreadsheet of any supported kind and list its visible sheets.

    Raises:
        NotFound: no such file.
        InvalidInput: an unsupported kind, a password-protected, damaged or oversized file.
    """
    if not path.is_file():
        raise NotFound("file.missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInput("sheet.kind", name=path.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput("file.unreadable", path=str(path), reason=OsReason(exc)) from exc
    if len(data) > MAX_FILE:
        raise InvalidInput("sheet.too_large", max=MAX_ROWS)
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED in data[:65536]:
        # An encrypted xlsx is an OLE container holding the encrypted package.
        raise InvalidInput("sheet.password", name=path.name)
    if suffix in TEXT_SUFFIXES or (suffix != ".xls" and _looks_like_text(data)):
        rows = _guard(path, lambda: _csv_rows(data))
        book = Book(path, [path.stem], path.stem)
        book._cache[path.stem] = Sheet(path.stem, rows)
        return book
    return _guard(path, lambda: _open_workbook(path, data))


def _looks_like_text(data: bytes) -> bool:
    """A CSV saved under a workbook's name (it happens): no zip, no OLE, no NUL bytes."""
    head = data[:4096]
    if head.startswith((b"PK", _OLE_MAGIC)):
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return b"\x00" not in head and (b"," in head or b";" in head or b"\t" in head)


# --- CSV --------------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    head = raw[:2000]
    # UTF-16 without a BOM: every other byte of Latin text is NUL.
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return raw.decode("utf-16-le", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_rows(raw: bytes) -> list[list[Any]]:
    text = _decode(raw)
    sample = "\n".join(text.splitlines()[:20])
    counts = {d: sample.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    rows: list[list[Any]] = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            raise InvalidInput("sheet.too_large", max=MAX_ROWS)
    return rows


# --- workbooks --------------------------------------------------------------------------

_ROW_TAG = re.compile(rb"<row\b([^>]*)>")
_ROW_NUM = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_CELL_COL = re.compile(rb'<c r="([A-Z]{1,3})\d')
_ACTIVE_TAB = re.compile(rb'activeTab="(\d+)"')
_SHEET_TAG = re.compile(rb"<sheet\b[^>]*>")


@dataclass
class _XlsxSheetFacts:
    hidden_rows: set[int] = field(default_factory=set)
    max_row: int = 0
    max_col: int = 0


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _scan_zip(data: bytes, sheet_members: set[str]) -> dict[str, _XlsxSheetFacts]:
    """Decompress every member in a stream, capped; read rows' facts of worksheets.

    Raises:
        InvalidInput: ``sheet.too_large`` when a member or the whole expands past the caps.
    """
    facts: dict[str, _XlsxSheetFacts] = {}
    total = 0
    zf = zipfile.ZipFile(io.BytesIO(data))
    for info in zf.infolist():
        if info.file_size > MAX_MEMBER:
            raise InvalidInput("sheet.too_large", max=MAX_ROWS)
        total += info.file_size
        if total > MAX_UNZIPPED:
            raise InvalidInput("sheet.too_large", max=MAX_ROWS)
    total = 0
    for info in zf.infolist():
        is_sheet = info.filename in sheet_members
        f = _XlsxSheetFacts()
        tail = b""
        size = 0
        with zf.open(info) as stream:
            while True:
                chunk = stream.read(4 * 1024 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                total += len(chunk)
                if size > MAX_MEMBER or total > MAX_UNZIPPED:
                    raise InvalidInput("sheet.too_large", max=MAX_ROWS)
                if not is_sheet:
                    continue
                # A tag cut by the chunk boundary is completed by the next chunk.
                cut = chunk.rfind(b"<")
                text, tail = tail + chunk[:cut], chunk[cut:]
                _sheet_facts(text, f)
        if is_sheet:
            _sheet_facts(tail, f)
            facts[info.filename] = f
            if f.max_row * max(f.max_col, 1) > MAX_CELLS or f.max_row > MAX_ROWS + 1:
                raise InvalidInput("sheet.too_large", max=MAX_ROWS)
    return facts


def _sheet_facts(text: bytes, f: _XlsxSheetFacts) -> None:
    for m in _ROW_TAG.finditer(text):
        attrs = m.group(1)
        num = _ROW_NUM.search(attrs)
        row = int(num.group(1)) if num else f.max_row + 1
        f.max_row = max(f.max_row, row)
        if _HIDDEN.search(attrs):
            f.hidden_rows.add(row - 1)
    letters = set(_CELL_COL.findall(text))
    if letters:
        f.max_col = max(f.max_col, max(_col_number(x) for x in letters))


def _xlsx_layout(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str]], int]:
    """[(sheet name, worksheet member)] in workbook order, and the active tab's index."""
    from xml.sax.saxutils import unescape

    wb = zf.read("xl/workbook.xml")
    rels = zf.read("xl/_rels/workbook.xml.rels")
    targets = {
        m.group(1).decode(): m.group(2).decode()
        for m in re.finditer(rb'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)
    }
    targets.update(
        {
            m.group(2).decode(): m.group(1).decode()
            for m in re.finditer(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)
        }
    )
    out: list[tuple[str, str]] = []
    for tag in _SHEET_TAG.findall(wb):
        name = re.search(rb'\bname="([^"]*)"', tag)
        rid = re.search(rb'\br:id="([^"]*)"', tag) or re.search(rb':id="([^"]*)"', tag)
        if not name or not rid:
            continue
        target = targets.get(rid.group(1).decode(), "")
        member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out.append((unescape(name.group(1).decode(), {"&quot;": '"', "&apos;": "'"}), member))
    active = _ACTIVE_TAB.search(wb)
    return out, int(active.group(1)) if active else 0


def _open_workbook(path: Path, data: bytes) -> Book:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    suffix = path.suffix.lower()
    is_zip = data.startswith(b"PK")
    facts: dict[str, _XlsxSheetFacts] = {}
    members: dict[str, str] = {}
    active_index = 0
    other: BookFacts | None = None  # what an xls or ods says of hidden rows
    if is_zip:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        if "xl/workbook.xml" in names:
            layout, active_index = _xlsx_layout(zf)
            members = dict(layout)
            facts = _scan_zip(data, set(members.values()))
        else:  # ods: the content is one member, capped the same way
            _scan_zip(data, set())
            other = ods_facts(data)
    elif suffix != ".xls" and not data.startswith(_OLE_MAGIC):
        raise InvalidInput("sheet.unreadable", name=path.name)
    else:
        other = xls_facts(data)
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    meta = wb.sheets_metadata
    visible = [m.name for m in meta if m.visible == SheetVisibleEnum.Visible]
    template = any(m.name == TEMPLATE_MARKER for m in meta)
    all_names = [m.name for m in meta]
    active_name = all_names[active_index] if 0 <= active_index < len(all_names) else ""
    if other is not None and other.active:
        active_name = other.active
    if active_name not in visible:
        active_name = visible[0] if visible else ""

    def read(name: str) -> Sheet:
        sheet = wb.get_sheet_by_name(name)
        if sheet.height * max(sheet.width, 1) > MAX_CELLS:
            raise InvalidInput("sheet.too_large", max=MAX_ROWS)
        rows = sheet.to_python(skip_empty_area=False)
        if len(rows) > MAX_ROWS + 1:
            raise InvalidInput("sheet.too_large", max=MAX_ROWS)
        if other is not None:  # xls or ods: known when its records could be followed
            hidden = other.hidden.get(name)
            return Sheet(name, rows, hidden or set(), hidden is not None)
        f = facts.get(members.get(name, ""))
        return Sheet(name, rows, f.hidden_rows if f else set(), bool(members))

    if not visible:
        raise InvalidInput("sheet.empty", name=path.name)
    return Book(path, visible, active_name, template, read)


# --- the simple way in ------------------------------------------------------------------


def read_rows(path: Path, progress: RowProgress | None = None) -> list[list[Any]]:
    """Every row of the sheet a workbook opens on (or the csv), trailing empty rows dropped.

    ``progress(rows, rows)`` is called once the file is read (a BPJS answer of 65,000 rows).

    Raises:
        NotFound: no such file.
        InvalidInput: not a spreadsheet that can be read, or too large.
    """
    book = open_book(path)
    rows = book.sheet(book.active).rows
    while rows and all(c is None or str(c).strip() == "" for c in rows[-1]):
        rows.pop()
    if progress is not None:
        progress(len(rows), len(rows))
    return rows


# --- writing ----------------------------------------------------------------------------


def excel_general(value: float) -> str:
    """A number as Excel's General format shows a long one: ``1.30306E+15``."""
    if abs(value) < 1e11:
        return str(int(value)) if float(value).is_integer() else str(value)
    mantissa, exp = f"{value:.5E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{int(exp):02d}"


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    text_columns: Sequence[int] = (),
    progress: RowProgress | None = None,
    sheet: str | None = None,
) -> None:
    """Write a one-table file in the format its name says: ``.xlsx`` or ``.csv``.

    Raises:
        InvalidInput: another suffix, or the file cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(path, headers, rows, text_columns, progress, sheet)
    elif suffix == ".csv":
        write_csv(path, headers, rows)
    else:
        raise InvalidInput("sheet.out_kind", name=path.name)


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A CSV that Excel opens in an Indonesian locale: ``;``-separated UTF-8 with a BOM.

    Raises:
        InvalidInput: the file cannot be written.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(
            [
                v.strftime("%d/%m/%Y")
                if isinstance(v, dt.date)
                else excel_general(v)
                if isinstance(v, float)
                else ""
                if v is None
                else v
                for v in row
            ]
        )
    tmp = temp_beside(path, ".part")
    try:
        tmp.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
        make_private(tmp)  # lists of people: only their owner reads them (POSIX)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput("file.unwritable", path=str(path), reason=OsReason(exc)) from exc


_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Cell styles of the writer: 0 plain, 1 bold (headings), 2 text ("@": Excel keeps digits).
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def _xml_text(value: str) -> str:
    return _ILLEGAL_XML.sub("", value).translate(_XML_ESCAPES)


def _column_letters(count: int) -> list[str]:
    out = []
    for n in range(1, count + 1):
        letters = ""
        while n:
            n, r = divmod(n - 1, 26)
            letters = chr(65 + r) + letters
        out.append(letters)
    return out


def _sheet_xml(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    text_columns: Sequence[int],
    progress: RowProgress | None,
) -> Iterator[str]:
    width = max([len(headers), *(len(r) for r in rows)], default=0)
    letters = _column_letters(width)
    text_set = set(text_columns)
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_NS}" '
        f'xmlns:r="{_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        '<sheetViews><sheetView workbookViewId="0" tabSelected="1">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews><sheetData>"
    )
    head = "".join(
        f'<c r="{letters[j]}1" s="1" t="inlineStr"><is><t xml:space="preserve">'
        f"{_xml_text(str(h))}</t></is></c>"
        for j, h in enumerate(headers)
    )
    yield f'<row r="1">{head}</row>'
    for i, row in enumerate(rows, start=2):
        if progress is not None and (i - 1) % PROGRESS_EVERY == 0:
            progress(i - 1, len(rows))
        cells = []
        for j, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{letters[j]}{i}"
            if isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
            else:
                if isinstance(value, dt.date):
                    value = value.strftime("%d/%m/%Y")
                style = ' s="2"' if j in text_set else ""
                cells.append(
                    f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">'
                    f"{_xml_text(str(value))}</t></is></c>"
                )
        yield f'<row r="{i}">{"".join(cells)}</row>'
    # A4 landscape, one page wide and as many down as the rows need.
    yield (
        '</sheetData><printOptions horizontalCentered="1"/>'
        '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        "</worksheet>"
    )


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    text_columns: Sequence[int] = (),
    progress: RowProgress | None = None,
    sheet: str | None = None,
) -> None:
    """Write a one-sheet workbook; ``text_columns`` are stored as text (NIKs, phones, KPJ).

    The sheet is named ``sheet`` (else "Daftar", a list) and prints landscape on A4, one
    page wide, with the header row repeated on every page.

    A number in a text column is kept a number (a NIK Excel already rounded stays what
    the cell showed, never a valid-looking text); dates are written dd/mm/yyyy. The XML
    is written directly (openpyxl takes ten times longer on a 65,000-row BPJS file), to a
    temporary name that is renamed, so a failure never leaves half a file.

    Raises:
        InvalidInput: the file cannot be written (open in Excel, disk full, read-only).
    """
    from xml.sax.saxutils import quoteattr

    from app.i18n import tr

    title = _BAD_SHEET_CHARS.sub(" ", sheet or tr("List"))[:31].strip() or tr("List")
    # Printed from Excel, the header row repeats on every page.
    titles = quoteattr("'" + title.replace("'", "''") + "'!$1:$1")[1:-1]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Types xmlns="{_PKG}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/>'
            f'</bookViews><sheets><sheet name={quoteattr(title)} sheetId="1" r:id="rId1"/>'
            "</sheets><definedNames>"
            f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{titles}</definedName>'
            "</definedNames></workbook>",
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{_PKG}/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        zf.writestr("xl/styles.xml", _STYLES)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk: list[str] = []
            size = 0
            for part in _sheet_xml(headers, rows, text_columns, progress):
                chunk.append(part)
                size += len(part)
                if size > 1 << 20:
                    member.write("".join(chunk).encode("utf-8"))
                    chunk, size = [], 0
            member.write("".join(chunk).encode("utf-8"))
    tmp = temp_beside(path, ".part")
    try:
        with open(tmp, "wb") as f:
            f.write(buffer.getbuffer())
            f.flush()
            os.fsync(f.fileno())
        make_private(tmp)  # lists of people: only their owner reads them (POSIX)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput("file.unwritable", path=str(path), reason=OsReason(exc)) from exc


_BAD_SHEET_CHARS = re.compile(r"[\[\]\*\?/\\:]")


def is_blank(value: Any) -> bool:
    """An empty cell: None, "" or only spaces."""
    return value is None or (isinstance(value, str) and value.strip() == "")
