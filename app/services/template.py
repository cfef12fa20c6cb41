"""The blank list a nagari fills in: an xlsx that prevents the damage Excel does to a list.

The NIK, phone and birth-date columns are text, so Excel can neither round a 16-digit NIK
nor swap a date's day and month (dates are typed dd/mm/yyyy). Sex, nagari and occupation
are chosen from drop-down lists; the lists live on a hidden sheet (an inline list holds only
255 characters), whose name marks the workbook as Lindungi's template. Every column carries
an input hint, an instructions sheet comes first, and the workbook opens on the data sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.participant import DEFAULT_INCOME, OCCUPATIONS, norm
from app.errors import InvalidInput, NotFound, OsReason
from app.i18n import render
from app.services import participants
from app.services.context import Context
from app.services.spreadsheet import TEMPLATE_MARKER

if TYPE_CHECKING:
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    from app.domain.regions import Region

DATA_SHEET = "Daftar"
INSTRUCTIONS_SHEET = "Petunjuk"
ROWS = 500  # rows made ready (text format, drop-downs); more can be added below


@dataclass(frozen=True)
class _Col:
    header: str
    width: int
    hint: str  # catalogue code of the input hint
    text: bool = False


# Headings the importer understands (resources/import_headers.json).
COLUMNS = (
    _Col("No", 5, "template.hint_no"),
    _Col("NIK", 20, "template.hint_nik", text=True),
    _Col("Nama Lengkap", 28, "template.hint_name"),
    _Col("Tempat Lahir", 16, "template.hint_birth_place"),
    _Col("Tanggal Lahir (dd/mm/yyyy)", 14, "template.hint_birth_date", text=True),
    _Col("Jenis Kelamin (L/P)", 10, "template.hint_sex"),
    _Col("Alamat", 28, "template.hint_address"),
    _Col("Jorong", 14, "template.hint_jorong"),
    _Col("Nagari", 18, "template.hint_nagari"),
    _Col("Pekerjaan", 20, "template.hint_occupation"),
    _Col("No. HP/WA", 16, "template.hint_phone", text=True),
    _Col("Penghasilan per Bulan", 14, "template.hint_income"),
)


def write_template(ctx: Context, path: Path, nagari: str | None = None) -> int:
    """Write the template; ``nagari`` pre-fills that nagari on every prepared row.

    Returns:
        How many nagari the drop-down list offers.

    Raises:
        InvalidInput: a name not ending in .xlsx, an unknown nagari, an unwritable file.
        NotFound: the folder does not exist.
    """
    from openpyxl import Workbook

    from app.reports.xlsx import save_workbook

    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("template.suffix", name=path.name)
    if not path.parent.is_dir():
        raise NotFound("file.missing", path=str(path.parent))
    villages = participants.villages_for(ctx)
    fixed = _fixed_nagari(ctx, villages, nagari) if nagari else None
    names = [fixed.name] if fixed else sorted(v.name for v in villages)
    jobs = list(OCCUPATIONS.values())

    wb = Workbook()
    info = wb.active
    assert info is not None
    info.title = INSTRUCTIONS_SHEET
    data = wb.create_sheet(DATA_SHEET)
    lists = wb.create_sheet(TEMPLATE_MARKER)
    lists.sheet_state = "hidden"
    _write_instructions(info, fixed)
    _write_lists(lists, names, jobs)
    _write_data_sheet(data, names, jobs, fixed)
    wb.active = wb.index(data)
    info.sheet_view.tabSelected = False
    data.sheet_view.tabSelected = True
    try:
        save_workbook(wb, path)
    except OSError as exc:
        raise InvalidInput("file.unwritable", path=str(path), reason=OsReason(exc)) from exc
    return len(names)


def _fixed_nagari(ctx: Context, villages: list[Region], nagari: str) -> Region:
    """The nagari named, by its code, any of its names or the closest spelling.

    Raises:
        InvalidInput: no nagari of the install is so named.
    """
    fixed = next((v for v in villages if v.code == nagari), None)
    fixed = fixed or next((v for v in villages if norm(nagari) in map(norm, v.names)), None)
    fixed = fixed or ctx.regions.match(nagari, villages)
    if fixed is None:
        raise InvalidInput("template.nagari_unknown", name=nagari)
    return fixed


def _fit_landscape(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _write_instructions(info: Worksheet, fixed: Region | None) -> None:
    from openpyxl.styles import Alignment, Font

    info.column_dimensions["A"].width = 90
    title = render("template.title")
    if fixed:
        title += f" — Nagari {fixed.name}"
    info.append([title])
    info["A1"].font = Font(bold=True, size=14)
    info.append([])
    for n in range(1, 9):
        text = render(f"template.step{n}", amount=f"Rp{DEFAULT_INCOME:,}".replace(",", "."))
        info.append([text])
        info.cell(info.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        # Excel does not grow a row for wrapped text written by a program: size it here.
        info.row_dimensions[info.max_row].height = 16 * (1 + len(text) // 80)
    _fit_landscape(info)


def _write_lists(lists: Worksheet, names: list[str], jobs: list[str]) -> None:
    """The drop-down lists, on the hidden sheet."""
    lists.append(["Jenis Kelamin", "Nagari", "Pekerjaan"])
    for i in range(max(2, len(names), len(jobs))):
        lists.append(
            [
                ("L", "P")[i] if i < 2 else None,
                names[i] if i < len(names) else None,
                jobs[i] if i < len(jobs) else None,
            ]
        )
    lists["E1"] = "lindungi-template"  # the marker is the sheet's name; this says what it is


def _write_data_sheet(
    data: Worksheet, names: list[str], jobs: list[str], fixed: Region | None
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    head_fill = PatternFill("solid", fgColor="DDE6F0")
    data.append([c.header for c in COLUMNS])
    for j, col in enumerate(COLUMNS, start=1):
        cell = data.cell(1, j)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        data.column_dimensions[get_column_letter(j)].width = col.width
    data.row_dimensions[1].height = 45
    data.freeze_panes = "C2"
    _fit_landscape(data)
    data.print_title_rows = "1:1"
    last = ROWS + 1
    for j, col in enumerate(COLUMNS, start=1):
        letter = get_column_letter(j)
        if col.text:
            data.column_dimensions[letter].number_format = "@"
            for r in range(2, last + 1):
                data.cell(r, j).number_format = "@"
        dv = _validation(col, names, jobs)
        dv.add(f"{letter}2:{letter}{last}")
        data.add_data_validation(dv)
    if fixed:
        nagari_col = next(j for j, c in enumerate(COLUMNS, start=1) if c.header == "Nagari")
        for r in range(2, last + 1):
            data.cell(r, nagari_col, fixed.name)


def _validation(col: _Col, names: list[str], jobs: list[str]) -> DataValidation:
    """The column's input hint, and its drop-down list or length check where it has one."""
    from openpyxl.worksheet.datavalidation import DataValidation

    hint = render(col.hint)
    if col.header.startswith("Jenis Kelamin"):
        dv = DataValidation(type="list", formula1=f"'{TEMPLATE_MARKER}'!$A$2:$A$3")
    elif col.header == "Nagari":
        dv = DataValidation(type="list", formula1=f"'{TEMPLATE_MARKER}'!$B$2:$B${len(names) + 1}")
    elif col.header == "Pekerjaan":
        dv = DataValidation(type="list", formula1=f"'{TEMPLATE_MARKER}'!$C$2:$C${len(jobs) + 1}")
    elif col.header == "NIK":
        dv = DataValidation(type="textLength", operator="equal", formula1="16")
    else:
        dv = DataValidation()
    dv.allow_blank = True
    dv.promptTitle = col.header[:32]
    dv.prompt = hint[:255]
    dv.showInputMessage = True
    if dv.type is not None:
        dv.showErrorMessage = True
        dv.errorTitle = col.header[:32]
        dv.error = hint[:255]
    return dv
