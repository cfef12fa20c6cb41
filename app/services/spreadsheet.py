"""Reading and writing the spreadsheets nagari offices send: xlsx and csv, messy as they come.

CSV saved by an Indonesian Excel uses ``;`` and Windows-1252, or UTF-8 with a BOM. Cells
come back as Python values (xlsx) or text (csv); interpretation is the importer's job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from app.domain.progress import Progress
from app.errors import AppError, InvalidInput, NotFound, OsReason
from app.reports.xlsx import save_workbook

log = logging.getLogger(__name__)

MAX_ROWS = 200_000


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    text = _decode(path.read_bytes())
    sample = "\n".join(text.splitlines()[:5])
    counts = {d: sample.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    yield from csv.reader(io.StringIO(text), delimiter=delimiter)


def _xlsx_rows(path: Path, size: list[int]) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    # From memory, not the path: a damaged file makes openpyxl raise before it closes its
    # own handle (a leaked file on Windows stays locked).
    data = path.read_bytes()
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        # For progress only: the size the file declares, else its rows counted in the XML
        # (a quick pass next to the parsing; openpyxl's own write-only files declare none).
        size[0] = ws.max_row or _count_rows(data, getattr(ws, "_worksheet_path", ""))
        ws.reset_dimensions()  # some writers declare wrong dimensions
        for row in ws.iter_rows(values_only=True):
            yield list(row)
    finally:
        wb.close()


def _count_rows(data: bytes, member: str) -> int:
    import zipfile

    try:
        xml = zipfile.ZipFile(io.BytesIO(data)).read(member)
    except (KeyError, zipfile.BadZipFile):
        return 0
    return xml.count(b"<row ") + xml.count(b"<row>")


# ``progress(done, total)`` of slow reading and writing; the rows are counted in thousands.
RowProgress = Progress  # the one protocol of slow work (app/domain/progress.py)
PROGRESS_EVERY = 1000


def read_rows(path: Path, progress: RowProgress | None = None) -> list[list[Any]]:
    """Every row of the first sheet (or the csv), trailing empty rows dropped.

    ``progress(rows read, rows the file declares)`` is called every thousand rows of a
    workbook that declares its size (a BPJS answer of 65,000 rows takes a while).

    Raises:
        NotFound: no such file.
        InvalidInput: not a spreadsheet that can be read, or too large.
    """
    if not path.is_file():
        raise NotFound("file.missing", path=str(path))
    suffix = path.suffix.lower()
    size = [0]
    try:
        if suffix in (".xlsx", ".xlsm"):
            rows_iter = _xlsx_rows(path, size)
        elif suffix in (".csv", ".txt"):
            rows_iter = _csv_rows(path)
        else:
            raise InvalidInput("sheet.kind", name=path.name)
        rows: list[list[Any]] = []
        for row in rows_iter:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise InvalidInput("sheet.too_large", max=MAX_ROWS)
            if progress is not None and size[0] and len(rows) % PROGRESS_EVERY == 0:
                progress(min(len(rows), size[0]), size[0])
    except AppError:
        raise
    except Exception as exc:
        # An untrusted file may break the zip, XML or CSV layers in any of many ways
        # (zlib.error, BadZipFile, ParseError, KeyError…): each is "cannot be read".
        log.info("spreadsheet unreadable: %s", type(exc).__name__)
        raise InvalidInput("sheet.unreadable", name=path.name) from exc
    while rows and all(c is None or str(c).strip() == "" for c in rows[-1]):
        rows.pop()
    return rows


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    text_columns: Sequence[int] = (),
    progress: RowProgress | None = None,
) -> None:
    """Write a one-sheet workbook; ``text_columns`` are stored as text (NIKs, phones, KPJ).

    Written to a temporary name and renamed, so a failure never leaves half a file.

    Raises:
        InvalidInput: the file cannot be written (open in Excel, disk full, read-only).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    bold = Font(bold=True)
    head = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = bold
        head.append(cell)
    ws.append(head)
    text_set = set(text_columns)
    for done, row in enumerate(rows, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(rows))
        out: list[Any] = []
        for i, value in enumerate(row):
            if i in text_set and value not in (None, ""):
                cell = WriteOnlyCell(ws, value=str(value))
                cell.number_format = "@"
                out.append(cell)
            elif isinstance(value, dt.date):
                out.append(value.strftime("%d/%m/%Y"))
            else:
                out.append(value)
        ws.append(out)
    try:
        save_workbook(wb, path)
    except OSError as exc:
        raise InvalidInput("file.unwritable", path=str(path), reason=OsReason(exc)) from exc
