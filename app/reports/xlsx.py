"""Reports as xlsx: a summary sheet, one sheet per table, charts as native Excel charts.

Numbers stay numbers (the reader sums and sorts them in Excel); codes that look like
numbers (Kemendagri codes, NIKs) are written as text. The file is written under a
temporary name and renamed, so a failure never leaves half a workbook.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart as XlBarChart
from openpyxl.chart import Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.paths import temp_beside
from app.reports.model import BarChart, Kind, Report, Table, labelled_total
from app.reports.model import Paragraph as TextSection

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_GROUP_FILL = PatternFill("solid", fgColor="EEF1F5")
_TOTAL_FILL = PatternFill("solid", fgColor="E4E8EE")
_THIN = Side(style="thin", color="8A96A3")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FORMATS = {
    Kind.INT: "#,##0",
    Kind.MONEY: '"Rp"#,##0',
    Kind.PERCENT: '0.0"%"',
}
_BAD_SHEET = re.compile(r"[\[\]\*\?/\\:]")


def _sheet_name(wanted: str, taken: set[str]) -> str:
    base = _BAD_SHEET.sub(" ", wanted).strip()[:31] or "Lembar"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def print_setup(ws: Any, header_row: int) -> None:
    """Print tidily from Excel: A4 landscape, one page wide, the header row on every page.

    Works on normal and write-only worksheets alike.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True


def _heading(ws: Worksheet, report: Report, title: str) -> int:
    """Letterhead lines on top of a sheet; returns the next free row."""
    ws.cell(row=1, column=1, value=f"{report.government} · {report.office}").font = _BOLD
    ws.cell(row=2, column=1, value=f"{report.title} {report.subtitle}".strip()).font = _TITLE
    ws.cell(row=3, column=1, value=title).font = _BOLD
    printed = report.labels.printed.format(date=report.printed.strftime("%d/%m/%Y"))
    ws.cell(row=4, column=1, value=printed)
    return 6


def _write_value(ws: Worksheet, row: int, col: int, value: Any, kind: Kind) -> Any:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, dt.date):
        cell.value = value.strftime("%d/%m/%Y")
    elif kind is Kind.TEXT:
        cell.value = "" if value is None else str(value)
        cell.number_format = "@"
    else:
        cell.value = value
        if value is not None:
            cell.number_format = _FORMATS[kind]
    cell.border = _BORDER
    return cell


def _table_sheet(ws: Worksheet, report: Report, table: Table) -> None:
    row = _heading(ws, report, table.title)
    cols = table.columns
    for j, c in enumerate(cols, start=1):
        cell = ws.cell(row=row, column=j, value=c.title)
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    head_row = row
    widths = [max(8, min(40, len(c.title) + 2)) for c in cols]
    for i, values in enumerate(table.rows):
        row += 1
        if i in table.group_rows:
            cell = ws.cell(row=row, column=1, value=str(values[0]))
            cell.font = _BOLD
            for j in range(1, len(cols) + 1):
                ws.cell(row=row, column=j).fill = _GROUP_FILL
                ws.cell(row=row, column=j).border = _BORDER
            continue
        for j, (value, c) in enumerate(zip(values, cols, strict=False), start=1):
            cell = _write_value(ws, row, j, value, c.kind)
            if i in table.subtotal_rows:
                cell.font = _BOLD
            widths[j - 1] = max(widths[j - 1], min(40, len(str(value)) + 2))
    if table.total is not None:
        row += 1
        total, span = labelled_total(table, report.labels.total)
        if span:  # no merged cells in a workbook: the label stays in its text column
            total[span], total[0] = total[0], None
        for j, (value, c) in enumerate(zip(total, cols, strict=False), start=1):
            cell = _write_value(ws, row, j, value, c.kind)
            cell.font = _BOLD
            cell.fill = _TOTAL_FILL
            widths[j - 1] = max(widths[j - 1], min(40, len(str(value)) + 4))
    if table.note:
        ws.cell(row=row + 2, column=1, value=table.note)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    print_setup(ws, head_row)


def _chart_sheet(ws: Worksheet, report: Report, chart: BarChart) -> None:
    row = _heading(ws, report, chart.title)
    ws.cell(row=row, column=1, value="").border = _BORDER
    for j, s in enumerate(chart.series, start=2):
        cell = ws.cell(row=row, column=j, value=s.label)
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
    kind = Kind.MONEY if chart.money else Kind.INT
    for i, category in enumerate(chart.categories, start=1):
        _write_value(ws, row + i, 1, category, Kind.TEXT)
        for j, s in enumerate(chart.series, start=2):
            _write_value(ws, row + i, j, s.values[i - 1], kind)
    ws.column_dimensions["A"].width = max(12, max((len(c) for c in chart.categories), default=0))
    for j in range(2, len(chart.series) + 2):
        ws.column_dimensions[get_column_letter(j)].width = 16
    xl = XlBarChart()
    xl.type = "col"
    xl.title = chart.title
    xl.height = 9
    xl.width = 22
    last = row + len(chart.categories)
    data = Reference(ws, min_col=2, max_col=len(chart.series) + 1, min_row=row, max_row=last)
    cats = Reference(ws, min_col=1, min_row=row + 1, max_row=last)
    xl.add_data(data, titles_from_data=True)
    xl.set_categories(cats)
    ws.add_chart(xl, f"{get_column_letter(len(chart.series) + 3)}{row}")
    print_setup(ws, row)


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    ws.cell(row=1, column=1, value=report.government.upper()).font = _BOLD
    ws.cell(row=2, column=1, value=report.office.upper()).font = _BOLD
    if report.address:
        ws.cell(row=3, column=1, value=report.address)
    ws.cell(row=4, column=1, value=report.title.upper()).font = _TITLE
    ws.cell(row=5, column=1, value=report.subtitle)
    printed = report.labels.printed.format(date=report.printed.strftime("%d/%m/%Y"))
    ws.cell(row=6, column=1, value=printed)
    row = 8
    for section in report.sections:
        if isinstance(section, TextSection):
            ws.cell(row=row, column=1, value=section.text)
            row += 1
    if report.signature is not None:
        sig = report.signature
        row += 1
        for line in (sig.place_date, *sig.title_lines, "", "", sig.name or "(…)", sig.id_line):
            ws.cell(row=row, column=1, value=line)
            row += 1
    ws.column_dimensions["A"].width = 70


def render(report: Report) -> Workbook:
    """The report as a workbook."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    taken: set[str] = set()
    summary.title = _sheet_name(report.labels.summary_sheet, taken)
    _summary_sheet(summary, report)
    for section in report.sections:
        if isinstance(section, Table):
            ws = wb.create_sheet(_sheet_name(section.sheet or section.title, taken))
            _table_sheet(ws, report, section)
        elif isinstance(section, BarChart):
            ws = wb.create_sheet(_sheet_name(section.sheet or report.labels.chart_sheet, taken))
            _chart_sheet(ws, report, section)
    return wb


def to_bytes(report: Report) -> bytes:
    """The report as the bytes of an xlsx file (for a caller that writes them itself)."""
    return workbook_bytes(render(report))


def workbook_bytes(wb: Workbook) -> bytes:
    """``wb`` zipped in memory: openpyxl writing straight to a full disk fails once on
    writing and again when Python collects its zip file (a traceback on the console)."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def save_workbook(wb: Workbook, path: Path) -> None:
    """Save ``wb`` at ``path`` whole or not at all: zipped in memory first
    (:func:`workbook_bytes`), then to a temporary name, to the disk, and to the name.

    Raises:
        OSError: the file cannot be written; nothing is left behind.
    """
    data = workbook_bytes(wb)
    tmp = temp_beside(path, ".part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
