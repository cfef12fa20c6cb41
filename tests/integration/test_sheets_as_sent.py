"""Spreadsheets as nagari really send them: typed as numbers, saved by Excel 97 or
LibreOffice, title blocks, hidden rows and sheets, totals and signatures, odd headings,
Minang spellings. Every fixture is built here the way offices make them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.nik import check_nik, make_nik
from app.domain.participant import Sex
from app.errors import InvalidInput, NotFound, Refused
from app.i18n import render
from app.services import bpjs, importer, participants, spreadsheet, template
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.importer import ChooseSheet
from tests.actors import ADMIN

HEAD = ["No", "NIK", "Nama", "Tempat Lahir", "Tgl Lahir", "L/P", "Nagari", "Pekerjaan"]


def nik(serial: int, sex: Sex = Sex.L, day: dt.date = dt.date(1980, 8, 7)) -> str:
    return make_nik("130306", day, sex, serial)


def person(serial: int, nagari: str = "Aie Amo", sex: Sex = Sex.L, **over: Any) -> list[Any]:
    row: dict[str, Any] = {
        "No": serial,
        "NIK": nik(serial, sex),
        "Nama": f"Orang {serial}",
        "Tempat Lahir": "Sijunjung",
        "Tgl Lahir": "07/08/1980",
        "L/P": sex.value,
        "Nagari": nagari,
        "Pekerjaan": "Petani",
    }
    row.update(over)
    return [row[h] for h in HEAD]


def excel_number(text: str) -> float:
    """A 16-digit NIK typed into a General cell: Excel keeps 15 significant digits."""
    return float(f"{float(text):.14e}")


def xlsx(path: Path, *sheets: tuple[str, list[list[Any]]], active: int = 0, **opts: Any) -> Path:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for line in opts.get("hidden_rows", {}).get(title, ()):
            ws.row_dimensions[line].hidden = True
        if title in opts.get("hidden_sheets", ()):
            ws.sheet_state = "hidden"
    wb.active = active
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], sep: str = ";", encoding: str = "utf-8") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def verdicts(prev: importer.ImportPreview) -> dict[int, str]:
    return {r.line: r.verdict for r in prev.rows}


# --- 1. a damaged NIK is never turned into a valid-looking one ----------------------------


def test_a_nik_typed_as_a_number_is_refused_and_written_back_as_the_number(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    typed = nik(1)[:-1] + "1"  # 1303060708800001: Excel keeps 130306070880000
    rounded = excel_number(typed)
    assert str(int(rounded)).endswith("0")
    sheet = xlsx(tmp_path / "angka.xlsx", ("Sheet1", [HEAD, person(1, NIK=rounded), person(2)]))
    prev = importer.preview(kecamatan_ctx, sheet)
    assert verdicts(prev) == {2: "refused", 3: "new"}
    assert prev.rows[0].reasons == [render("import.nik_number")]
    assert prev.rows[0].nik == "1.30306E+15"  # what the cell showed

    out = tmp_path / "perbaiki.xlsx"
    importer.save_refused(prev, out)
    cell = load_workbook(out).active["B2"]
    assert isinstance(cell.value, int | float) and cell.value == rounded  # never a text
    again = importer.preview(kecamatan_ctx, out)
    assert verdicts(again) == {2: "refused"}
    assert again.rows[0].reasons[0] == render("import.nik_number")

    as_csv = tmp_path / "perbaiki.csv"
    importer.save_refused(prev, as_csv)
    text = as_csv.read_bytes().decode("utf-8-sig")
    assert "1.30306E+15" in text and str(int(rounded)) not in text
    assert verdicts(importer.preview(kecamatan_ctx, as_csv)) == {2: "refused"}
    assert participants.count(kecamatan_ctx) == 0


def test_rounded_niks_in_a_csv_are_refused_with_the_excel_explanation(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    # Saved as CSV from Excel: the rounded numbers are now plain text.
    rows = [HEAD] + [person(i, NIK=str(int(excel_number(nik(i))))) for i in range(11, 17)]
    prev = importer.preview(kecamatan_ctx, write_csv(tmp_path / "bulat.csv", rows))
    assert {r.verdict for r in prev.rows} == {"refused"}
    assert all(r.reasons[0] == render("import.nik_number") for r in prev.rows)


def test_a_nik_rounded_to_serial_0000_and_scientific_text_get_the_excel_explanation(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    rows = [
        HEAD,
        person(1, NIK=nik(1)[:12] + "0000"),
        person(2, NIK="1,30306E+15"),  # an Indonesian-locale CSV
        person(3, NIK="1.30306E+15"),
        person(4),
    ]
    prev = importer.preview(kecamatan_ctx, write_csv(tmp_path / "a.csv", rows))
    assert verdicts(prev) == {2: "refused", 3: "refused", 4: "refused", 5: "new"}
    for r in prev.rows[:3]:
        assert r.reasons == [render("import.nik_number")]


# --- 2. headings understood, every column accounted for -------------------------------------


@pytest.mark.parametrize(
    "nik_head",
    ["NIK/No. KTP", "NOMOR KTP", "NIK (16 digit)", "No. NIK", "Nomor Induk Kependudukan"],
)
def test_headings_as_offices_write_them_are_understood(
    kecamatan_ctx: Context, tmp_path: Path, nik_head: str
) -> None:
    head = [
        "No.",
        nik_head,
        "Nama Lengkap (sesuai KTP)",
        "Tempat, Tgl. Lahir",
        "Jenis Kelamin (L/P)",
        "Nagari/Desa",
        "Pekerjaan",
        "No. HP/WA",
        "Penghasilan (Rp)",
    ]
    rows: list[list[Any]] = [
        head,
        [1, nik(1), "Ani", "Sijunjung, 07/08/1980", "L", "Aie Amo", "Petani", "0812345678", ""],
        # a woman's NIK typed "L": checked against the NIK like the form does
        [2, nik(2, Sex.P), "Ina", "Sijunjung, 07/08/1980", "L", "Aie Amo", "Petani", "", "500.000"],
    ]
    prev = importer.preview(kecamatan_ctx, xlsx(tmp_path / "h.xlsx", ("Data", rows)))
    assert set(prev.mapping) == {
        "nik",
        "name",
        "birth_place_date",
        "sex",
        "nagari",
        "occupation",
        "phone",
        "income",
    }
    assert verdicts(prev) == {2: "new", 3: "refused"}
    assert prev.rows[0].data is not None and prev.rows[0].data.phone == "0812345678"
    assert any("NIK" in r for r in prev.rows[1].reasons)
    # a blank income is a warning on its row, not a silent fill
    assert prev.rows[0].warnings == [render("import.income_default", amount="Rp1.000.000")]
    assert prev.columns[0].field is None  # "No." listed, ignored, no warning
    assert prev.warnings == []


def test_every_column_is_listed_and_one_with_values_unmapped_is_a_warning(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    rows = [[*HEAD, "Nama Ibu Kandung"], [*person(1), "Siti"]]
    prev = importer.preview(kecamatan_ctx, xlsx(tmp_path / "c.xlsx", ("S", rows)))
    assert [(c.letter, c.field) for c in prev.columns][-1] == ("I", None)
    assert render("import.column_ignored", column="I", header="Nama Ibu Kandung") in prev.warnings
    assert render("import.no_income", amount="Rp1.000.000") in prev.warnings


def test_a_column_can_be_mapped_by_hand(kecamatan_ctx: Context, tmp_path: Path) -> None:
    rows = [
        ["Kode Penduduk", "Nama", "Tempat Lahir", "L/P", "Nagari", "Usaha"],
        [nik(1), "Ani", "Sijunjung", "L", "Aie Amo", "Petani"],
    ]
    path = xlsx(tmp_path / "m.xlsx", ("S", rows))
    with pytest.raises(InvalidInput) as caught:
        importer.preview(kecamatan_ctx, path)
    assert caught.value.code == "import.no_nik"
    prev = importer.preview(kecamatan_ctx, path, map_pairs=["kode penduduk=nik", "F=occupation"])
    assert verdicts(prev) == {2: "new"}
    for bad in (["Kode=nik"], ["Usaha=pekerjaan"], ["Usaha"]):
        with pytest.raises(InvalidInput):
            importer.preview(kecamatan_ctx, path, map_pairs=bad)


# --- 3. the right sheet, the right rows --------------------------------------------------------


def test_the_hidden_old_template_and_an_instructions_sheet_are_not_read(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    old = [HEAD, person(9, NIK="bukan")]
    info = [["PETUNJUK PENGISIAN"], ["Isi NIK sebagai teks"]]
    data = [["DAFTAR CALON PESERTA NAGARI AIE AMO"], [], HEAD, person(1), person(2)]
    path = xlsx(
        tmp_path / "s.xlsx",
        ("Lama", old),
        ("Petunjuk", info),
        ("Data", data),
        active=1,
        hidden_sheets={"Lama"},
    )
    prev = importer.preview(kecamatan_ctx, path)
    assert prev.sheet == "Data"
    assert prev.sheets == ["Petunjuk", "Data"]
    assert verdicts(prev) == {4: "new", 5: "new"}


def test_two_sheets_with_a_list_ask_which(kecamatan_ctx: Context, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "two.xlsx", ("Jorong A", [HEAD, person(1)]), ("Jorong B", [HEAD, person(2)])
    )
    with pytest.raises(ChooseSheet) as caught:
        importer.preview(kecamatan_ctx, path)
    assert caught.value.sheets == ["Jorong A", "Jorong B"]
    prev = importer.preview(kecamatan_ctx, path, sheet="Jorong B")
    assert prev.sheet == "Jorong B" and verdicts(prev) == {2: "new"}
    with pytest.raises(InvalidInput):
        importer.preview(kecamatan_ctx, path, sheet="Tidak Ada")


def test_hidden_rows_blank_rows_totals_and_signatures_are_skipped_not_refused(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    rows = [
        HEAD,  # 1
        person(1),  # 2
        person(2),  # 3 hidden: the person died
        [],  # 4 a single blank row
        person(3),  # 5
        ["", "JUMLAH", "", "", "", "", "", "3 orang"],  # 6 totals
        [],  # 7
        ["", "", "", "", "Mengetahui,"],  # 8
        ["", "", "", "", "Wali Nagari Aie Amo"],  # 9
        [],  # 10
        ["", "", "", "", "(Syafrizal Dt. Rajo)"],  # 11
    ]
    path = xlsx(tmp_path / "t.xlsx", ("S", rows), hidden_rows={"S": [3]})
    prev = importer.preview(kecamatan_ctx, path)
    assert verdicts(prev) == {2: "new", 5: "new"}
    assert [(k.line, k.kind) for k in prev.skipped] == [
        (3, "hidden"),
        (4, "blank"),
        (6, "below"),
        (8, "below"),
        (9, "below"),
        (11, "below"),
    ]
    assert prev.count("refused") == 0


def test_the_table_ends_at_two_blank_rows(kecamatan_ctx: Context, tmp_path: Path) -> None:
    rows = [
        HEAD,
        person(1),
        [],
        [],
        ["Catatan: data per Maret"],
        ["", "", "Dibuat oleh Sekretaris"],
    ]
    prev = importer.preview(kecamatan_ctx, write_csv(tmp_path / "e.csv", rows))
    assert verdicts(prev) == {2: "new"}
    assert [(k.line, k.kind) for k in prev.skipped] == [(5, "below"), (6, "below")]


def test_a_hundred_thousand_empty_formatted_rows_are_nothing(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEAD)
    ws.append(person(1))
    bold = Font(bold=True)
    for r in range(3, 100_003):
        ws.cell(r, 2).font = bold  # formatted, never typed in
    path = tmp_path / "kosong.xlsx"
    wb.save(path)
    started = time.perf_counter()
    prev = importer.preview(kecamatan_ctx, path)
    assert time.perf_counter() - started < 5
    assert verdicts(prev) == {2: "new"} and prev.skipped == []


# --- 4. nagari suggestions, never silent changes -------------------------------------------------


def test_near_spellings_get_a_suggestion_and_are_taken_only_when_accepted(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    spellings = {
        2: ("Sei Lansek", "Sungai Lansek"),
        3: ("Tj. Kaliang", "Tanjung Kaliang"),
        4: ("Lubuak Tarantang", "Lubuk Tarantang"),
        5: ("Padang Taruak", "Padang Tarok"),
        6: ("Sungai Lanset", "Sungai Lansek"),
        7: ("Sei Lansek", "Sungai Lansek"),
    }
    rows = [HEAD] + [person(line, nagari=text) for line, (text, _) in spellings.items()]
    rows.append(person(8, nagari="Jakarta"))
    path = xlsx(tmp_path / "n.xlsx", ("S", rows))
    prev = importer.preview(kecamatan_ctx, path)
    assert prev.count("refused") == 7
    for r in prev.rows[:-1]:
        text, meant = spellings[r.line]
        assert r.suggestion is not None and r.suggestion.name == meant
        assert r.reasons[0].startswith(render("import.nagari_suggest", nagari=text, names=meant))
    assert prev.rows[-1].suggestion is None
    assert prev.rows[-1].reasons == [render("nagari.outside", nagari="Jakarta")]
    assert len(prev.suggestions()) == 5  # "Sei Lansek" once

    one_row = importer.preview(kecamatan_ctx, path, accepted_rows={2: "13.03.06.2001"})
    assert verdicts(one_row)[2] == "new" and verdicts(one_row)[7] == "refused"
    spelling = importer.preview(kecamatan_ctx, path, accepted={"sei lansek": "13.03.06.2001"})
    assert verdicts(spelling)[2] == verdicts(spelling)[7] == "new"
    assert spelling.rows[0].warnings[0] == render(
        "import.suggestion_taken", text="Sei Lansek", name="Sungai Lansek"
    )
    every = importer.preview(kecamatan_ctx, path, accept_suggestions=True)
    assert every.count("new") == 6 and verdicts(every)[8] == "refused"
    assert participants.count(kecamatan_ctx) == 0

    operator = Actor("op", Role.OPERATOR)
    with pytest.raises(Refused):
        importer.learn_aliases(kecamatan_ctx, operator, importer.accepted_spellings(every))
    supervisor = Actor("sup", Role.SUPERVISOR)
    assert (
        importer.learn_aliases(kecamatan_ctx, supervisor, importer.accepted_spellings(every)) == 5
    )
    assert importer.learned_aliases(kecamatan_ctx)["tj kaliang"] == "13.03.06.2007"
    learned = importer.preview(kecamatan_ctx, path)
    assert learned.count("new") == 6 and learned.rows[0].warnings == []

    # A spelling learned by mistake is forgotten by a supervisor, and only by one.
    with pytest.raises(Refused):
        importer.forget_aliases(kecamatan_ctx, operator, ["tj kaliang"])
    with pytest.raises(InvalidInput):
        importer.forget_aliases(kecamatan_ctx, supervisor, ["Tj. Kaliang", "Paris"])
    assert "tj kaliang" in importer.learned_aliases(kecamatan_ctx)  # nothing removed
    assert importer.forget_aliases(kecamatan_ctx, supervisor, ["Tj. Kaliang"]) == ["tj kaliang"]
    assert "tj kaliang" not in importer.learned_aliases(kecamatan_ctx)
    assert importer.preview(kecamatan_ctx, path).count("new") == 5


def test_a_kabupaten_import_names_its_kecamatan(kabupaten_ctx: Context, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "k.xlsx", ("S", [HEAD, person(1)]))
    with pytest.raises(InvalidInput) as caught:
        importer.preview(kabupaten_ctx, path)
    assert caught.value.code == "import.kecamatan_needed"
    prev = importer.preview(kabupaten_ctx, path, kecamatan="Kamang Baru")
    assert verdicts(prev) == {2: "new"}
    with pytest.raises(InvalidInput):
        importer.preview(kabupaten_ctx, path, kecamatan="Atlantis")


# --- 5. every format an office has ------------------------------------------------------------


def test_excel_97_xls_with_typed_numbers(kecamatan_ctx: Context, tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    book.add_sheet("Lama")  # an old sheet first; the list is the active one
    sheet = book.add_sheet("Daftar")
    rows = [HEAD, person(1), person(2, NIK=excel_number(nik(2))), person(3), person(4)]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.row(3).hidden = True  # person 3 died: the row was hidden, not deleted
    book.active_sheet = 1
    path = tmp_path / "lama.xls"
    book.save(str(path))
    prev = importer.preview(kecamatan_ctx, path)
    assert prev.sheet == "Daftar"
    assert verdicts(prev) == {2: "new", 3: "refused", 5: "new"}
    assert prev.rows[1].reasons == [render("import.nik_number")]
    assert [(k.line, k.kind) for k in prev.skipped] == [(4, "hidden")]
    assert render("import.hidden_unknown", kind=".xls") not in prev.warnings


def test_libreoffice_ods(kecamatan_ctx: Context, tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Lembar1")
    rows = [["DAFTAR PESERTA"], HEAD, person(1), person(2, nagari="Sei Lansek"), person(3)]
    rows += [person(4), person(5), person(6)]
    for i, row in enumerate(rows):
        # Row 5 hidden by hand, rows 6 and 7 by a filter (one element repeated twice).
        if i == 4:
            tr = TableRow(visibility="collapse")
        elif i == 5:
            tr = TableRow(visibility="filter", numberrowsrepeated=2)
        elif i == 6:
            continue
        else:
            tr = TableRow()
        for value in row:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "daftar.ods"
    doc.save(str(path))
    prev = importer.preview(kecamatan_ctx, path)
    assert verdicts(prev) == {3: "new", 4: "refused", 8: "new"}
    assert prev.rows[1].suggestion is not None
    assert [(k.line, k.kind) for k in prev.skipped] == [(5, "hidden"), (6, "hidden"), (7, "hidden")]
    assert render("import.hidden_unknown", kind=".ods") not in prev.warnings


@pytest.mark.parametrize(
    ("sep", "encoding", "suffix"),
    [
        (",", "utf-8", ".csv"),
        (";", "utf-8-sig", ".csv"),
        (";", "cp1252", ".csv"),
        ("\t", "utf-16", ".txt"),  # Excel's "Unicode Text"
        ("\t", "utf-8", ".tsv"),
    ],
)
def test_csv_in_every_separator_and_encoding(
    kecamatan_ctx: Context, tmp_path: Path, sep: str, encoding: str, suffix: str
) -> None:
    rows = [HEAD, person(1, Nama="Nurhayati Asmaé"), person(2)]
    path = write_csv(tmp_path / f"d{suffix}", rows, sep, encoding)
    prev = importer.preview(kecamatan_ctx, path)
    assert verdicts(prev) == {2: "new", 3: "new"}
    assert prev.rows[0].name == "Nurhayati Asmaé"


def test_the_refused_rows_file_is_the_format_its_name_says(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    rows = [HEAD, person(1), person(2, NIK="123")]
    prev = importer.preview(kecamatan_ctx, xlsx(tmp_path / "r.xlsx", ("S", rows)))
    out = tmp_path / "perbaiki.csv"
    assert importer.save_refused(prev, out) == 1
    assert not out.read_bytes().startswith(b"PK")
    again = importer.preview(kecamatan_ctx, out)
    assert verdicts(again) == {2: "refused"}
    with pytest.raises(InvalidInput) as caught:
        importer.save_refused(prev, tmp_path / "perbaiki.pdf")
    assert caught.value.code == "sheet.out_kind"


@pytest.mark.parametrize(
    "typed",
    [
        "13030607\u00a008800001",  # a no-break space
        "".join(chr(ord(c) + 0xFEE0) for c in "1303060708800001"),  # full-width digits
        "130306 0708\u2009800001",  # a thin space
    ],
)
def test_nik_normalisation_is_the_same_on_every_way_in(
    kecamatan_ctx: Context, tmp_path: Path, typed: str
) -> None:
    from app.services import nik as nik_service

    assert check_nik(typed).nik == "1303060708800001" and check_nik(typed).valid
    assert nik_service.describe(typed).report.valid  # the check-nik command
    rows = [HEAD, person(1, NIK=typed)]
    prev = importer.preview(kecamatan_ctx, write_csv(tmp_path / "n.csv", rows))
    assert verdicts(prev) == {2: "new"} and prev.rows[0].nik == "1303060708800001"


# --- 6. the template ---------------------------------------------------------------------------


def test_the_template_prevents_the_damage_and_imports_right(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    path = tmp_path / "daftar.xlsx"
    assert template.write_template(kecamatan_ctx, path) == 11
    wb = load_workbook(path)
    assert wb.sheetnames == ["Petunjuk", "Daftar", spreadsheet.TEMPLATE_MARKER]
    assert wb.active is not None and wb.active.title == "Daftar"
    assert wb[spreadsheet.TEMPLATE_MARKER].sheet_state == "hidden"
    data = wb["Daftar"]
    heads = [c.value for c in data[1]]
    for col in ("NIK", "Tanggal Lahir (dd/mm/yyyy)", "No. HP/WA"):
        j = heads.index(col) + 1
        assert data.cell(2, j).number_format == "@" and data.cell(400, j).number_format == "@"
    lists = {str(dv.sqref)[0]: dv for dv in data.data_validations.dataValidation}
    assert all(dv.prompt for dv in lists.values())
    nagari_list = lists["I"].formula1
    assert nagari_list.startswith(f"'{spreadsheet.TEMPLATE_MARKER}'!")
    names = [c.value for c in wb[spreadsheet.TEMPLATE_MARKER]["B"][1:] if c.value]
    assert "Sungai Lansek" in names and len(names) == 11
    assert sum(len(n) + 1 for n in names) > 0  # the list lives on a sheet, not inline

    # A clerk fills two rows as text (as the template makes Excel do).
    data.cell(2, 1, 1)
    for j, value in enumerate(
        [
            nik(1),
            "Ani",
            "Sijunjung",
            "07/08/1980",
            "L",
            "Jl. A",
            "Koto",
            "Aie Amo",
            "Petani",
            "081234567",
            "750000",
        ],
        start=2,
    ):
        data.cell(2, j, value)
    for j, value in enumerate(
        [nik(2, Sex.P), "Ina", "Sijunjung", "", "", "", "", "Kamang", "Tukang Ojek", "", ""],
        start=2,
    ):
        data.cell(3, j, value)
    wb.save(path)
    prev = importer.preview(kecamatan_ctx, path)
    assert prev.template and prev.sheet == "Daftar"
    assert verdicts(prev) == {2: "new", 3: "new"}
    assert prev.rows[0].data is not None and prev.rows[0].data.income == 750_000
    assert prev.rows[1].data is not None and prev.rows[1].data.sex is Sex.P
    assert prev.rows[1].warnings == [render("import.income_default", amount="Rp1.000.000")]
    assert prev.warnings == [] and prev.skipped == []


def test_a_template_for_one_nagari(kecamatan_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "aie.xlsx"
    assert template.write_template(kecamatan_ctx, path, "aia amo") == 1
    # Rows with only the nagari filled in ahead hold nobody.
    with pytest.raises(InvalidInput):
        template.write_template(kecamatan_ctx, tmp_path / "x.xlsx", "Jakarta")
    with pytest.raises(InvalidInput):
        template.write_template(kecamatan_ctx, tmp_path / "x.csv")
    prev = importer.preview(kecamatan_ctx, path)
    assert prev.rows == [] and prev.skipped == []


# --- 7. BPJS on the same reader -----------------------------------------------------------------


def test_bpjs_export_honours_the_sheet_name(kabupaten_ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "bpjs.xlsx"
    bpjs.export(kabupaten_ctx, ADMIN, out)
    sheet, _ = bpjs.load_columns(bpjs.columns_file(kabupaten_ctx))
    assert load_workbook(out).sheetnames == [sheet] == ["Peserta BPU"]


# --- bad input ----------------------------------------------------------------------------------


def _refused_quickly(code: str, path: Path, seconds: float = 2.0) -> None:
    """In a fresh process: refused with ``code`` within the time, in at most 300 MB."""
    script = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from app.errors import AppError\n"
        "from app.services import spreadsheet\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    book = spreadsheet.open_book(Path(sys.argv[1]))\n"
        "    book.sheet(book.active)\n"
        "    print('read')\n"
        "except AppError as exc:\n"
        "    print(exc.code)\n"
        "print(time.perf_counter() - t)\n"
        "peak = [x for x in open('/proc/self/status') if x.startswith('VmHWM:')]\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(peak[0].split()[1] if peak else usage.ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    result, seconds_taken, peak_kb = done.stdout.split()
    assert result == code
    assert float(seconds_taken) < seconds
    assert int(peak_kb) < 300 * 1024


def test_a_sheet_of_3000_by_16384_cells_is_refused_quickly(tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="XFD{r}"><v>1</v></c></row>'
        for r in range(1, 3001)
    )
    path = _raw_xlsx(tmp_path / "lebar.xlsx", rows)
    _refused_quickly("sheet.too_large", path)


def test_a_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    _raw_xlsx(path, "", padding=1024 * 1024 * 1024)
    assert path.stat().st_size < 1_200_000
    _refused_quickly("sheet.too_large", path)


def test_a_password_protected_workbook_says_so(kecamatan_ctx: Context, tmp_path: Path) -> None:
    import msoffcrypto

    plain = xlsx(tmp_path / "plain.xlsx", ("S", [HEAD, person(1)]))
    locked = tmp_path / "rahasia.xlsx"
    with plain.open("rb") as src, locked.open("wb") as dst:
        office = msoffcrypto.OfficeFile(src)
        office.encrypt("rahasia", dst)
    with pytest.raises(InvalidInput) as caught:
        importer.preview(kecamatan_ctx, locked)
    assert caught.value.code == "sheet.password"


def test_a_file_that_is_not_a_spreadsheet(kecamatan_ctx: Context, tmp_path: Path) -> None:
    pdf = tmp_path / "daftar.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    with pytest.raises(InvalidInput) as caught:
        importer.preview(kecamatan_ctx, pdf)
    assert caught.value.code == "sheet.unreadable"
    doc = tmp_path / "surat.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(InvalidInput) as caught:
        importer.preview(kecamatan_ctx, doc)
    assert caught.value.code == "sheet.kind"
    with pytest.raises(NotFound):
        importer.preview(kecamatan_ctx, tmp_path / "tidak-ada.xlsx")
    assert participants.count(kecamatan_ctx) == 0


def _raw_xlsx(path: Path, rows: str, padding: int = 0) -> Path:
    """A minimal workbook written by hand, its sheet padded with whitespace (a zip bomb)."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            'worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData>'
            )
            block = b" " * (16 * 1024 * 1024)
            for _ in range(padding // len(block)):
                sheet.write(block)
            sheet.write(rows.encode() + b"</sheetData></worksheet>")
    return path


# --- files saved by LibreOffice itself (tiny fixtures committed as LibreOffice wrote them) ----

LIBREOFFICE = Path(__file__).resolve().parents[1] / "fixtures" / "libreoffice"


@pytest.mark.parametrize("name", ["kantor.xlsx", "kantor.ods", "kantor.xls"])
def test_an_office_sheet_saved_by_libreoffice(kecamatan_ctx: Context, name: str) -> None:
    """A hidden old sheet, an instructions sheet first, a merged title, a NIK typed as a
    number, a hidden row, a woman typed "L" with a Minang spelling, totals and a
    signature: made in Excel's format, then saved by LibreOffice."""
    prev = importer.preview(kecamatan_ctx, LIBREOFFICE / name)
    assert prev.sheet == "Daftar Nagari" and prev.sheets == ["Petunjuk", "Daftar Nagari"]
    got = verdicts(prev)
    assert got[5] == "new" and got[6] == "refused" and got[8] == "refused"
    assert prev.rows[1].reasons == [render("import.nik_number")]
    eight = next(r for r in prev.rows if r.line == 8)
    assert eight.suggestion is not None and eight.suggestion.name == "Sungai Lansek"
    assert any(r.startswith("Menurut NIK") for r in eight.reasons)  # P in the NIK, L typed
    below = [k.line for k in prev.skipped if k.kind == "below"]
    assert below == [9, 11, 12]
    assert 7 not in got and [k.line for k in prev.skipped if k.kind == "hidden"] == [7]
    assert not any("tersembunyi" in w for w in prev.warnings), prev.warnings


@pytest.mark.parametrize("name", ["template-filled.xlsx", "template-filled.ods"])
def test_a_filled_template_saved_by_libreoffice_imports_right(
    kecamatan_ctx: Context, name: str
) -> None:
    prev = importer.preview(kecamatan_ctx, LIBREOFFICE / name)
    assert prev.template and prev.sheet == "Daftar"
    assert verdicts(prev) == {2: "new", 3: "new"}
    first, second = prev.rows
    assert first.nik == "1303064708800001" and first.data is not None
    assert first.data.phone == "081234567890" and first.data.income == 750_000
    assert second.warnings == [render("import.income_default", amount="Rp1.000.000")]
