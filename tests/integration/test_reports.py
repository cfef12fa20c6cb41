"""Reports: the recap agrees with the register; PDFs are A4, Indonesian, fonts embedded.

PDFs are checked with poppler's tools (``pdfinfo``, ``pdftotext``, ``pdffonts``), as a
reader's viewer would see them; xlsx files are read back with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.participant import InactiveReason, Status
from app.domain.progress import Progress
from app.errors import InvalidInput, NotFound
from app.main import main
from app.reports import model as m
from app.reports import pdf as pdf_writer
from app.services import cards, demo, desk, handover, participants, reports
from app.services.context import Context
from app.store import repo
from app.store.repo import ListQuery
from tests.actors import ADMIN

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")

TODAY = dt.date(2023, 6, 15)
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


@pytest.fixture
def desk_ctx(kabupaten_ctx: Context) -> Context:
    """The kabupaten with 300 demo participants, a 2023 year and a few changes of status."""
    ctx = kabupaten_ctx
    demo.generate(ctx, ADMIN, 300, seed=3)
    desk.add_year(ctx, ADMIN, 2023, copy_from=2022)
    desk.set_quota(ctx, ADMIN, 2023, "13.03.10", 20, "apb-nagari")
    ids = participants.search(ctx, ListQuery(sort="reg_no"))
    rows = participants.rows(ctx, ids[:3])
    participants.deactivate(ctx, ADMIN, rows[0].reg_no, InactiveReason.DIED, TODAY)
    participants.deactivate(ctx, ADMIN, rows[1].reg_no, InactiveReason.MOVED, dt.date(2021, 5, 1))
    return ctx


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (k.strip(), v.strip()) for k, v in (line.split(":", 1) for line in out.stdout.splitlines())
    )


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font the PDF uses."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    return [(r.split()[0], r.split()[-5]) for r in rows if r.strip()]


def register_count(ctx: Context, year: int) -> int:
    """Counted participants straight from the register (statuses and coverage)."""
    total = 0
    for i in participants.search(ctx, ListQuery()):
        with ctx.db.read() as s:
            rec = repo.participant_by_id(s, i)
        assert rec is not None
        if rec.status in (Status.APPROVED, Status.ACCEPTED, Status.ACTIVE) and (
            rec.coverage_start <= dt.date(year, 12, 31)
        ):
            total += 1
    return total


# --- the recap agrees with the register ----------------------------------------------


def test_the_recap_sums_agree_with_the_register(desk_ctx: Context) -> None:
    r = reports.recap(desk_ctx, 2023, TODAY)
    expected = register_count(desk_ctx, 2023)
    assert expected == 298
    assert r.participants == expected
    assert sum(n.participants for n in r.nagari) == expected
    assert sum(o.participants for o in r.occupation) == expected
    assert sum(a.participants for a in r.age) == expected
    assert sum(f.participants for f in r.funding) == expected
    assert r.men + r.women == expected
    # Who died this year is shown as inactive in 2023; who moved in 2021 is not.
    assert sum(k.inactive for k in r.kecamatan) == 1
    assert sum(k.quota for k in r.kecamatan) == 1333 + 20
    assert {f.code: f.quota for f in r.funding} == {"apbd": 1333, "apb-nagari": 20}
    for k in r.kecamatan:
        assert k.participants == sum(n.participants for n in r.nagari if n.kecamatan == k.code)
    # Every kecamatan and every nagari has a line, even an empty one.
    assert len(r.kecamatan) == 8 and len(r.nagari) == 62
    assert r.as_of == TODAY


def test_the_recap_of_a_year_before_the_programme_is_empty(desk_ctx: Context) -> None:
    r = reports.recap(desk_ctx, 2021, TODAY)
    assert r.participants == 0
    assert sum(k.inactive for k in r.kecamatan) == 0  # coverage started only in 2022


def test_recap_xlsx_holds_the_same_numbers(desk_ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    reports.export(desk_ctx, ADMIN, "recap", 2023, out, today=TODAY)
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Ringkasan", "Kecamatan", "Grafik"]
    ws = wb["Kecamatan"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows.index(next(r for r in rows if r and r[0] == "No."))
    body = [r for r in rows[head + 1 :] if r and r[1]]
    total = body[-1]
    assert total[1] == "Jumlah"
    assert total[6] == 298 == sum(r[6] for r in body[:-1])
    assert isinstance(total[2], int)
    assert len(wb["Grafik"]._charts) == 1
    assert not any(re.search(r"\d{16}", str(c)) for r in rows for c in r if c)
    # Printed from Excel: landscape, one page wide, the header row on every page.
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${head + 1}:${head + 1}"
    # Percentages as Indonesian writes them: 87,5% (no space).
    pct = next(c for c in ws[head + 2] if c.number_format.endswith('"%"'))
    assert pct.number_format == '0.0"%"'


def test_the_export_list_sheet_is_named_in_indonesian_and_prints_landscape(
    desk_ctx: Context, tmp_path: Path
) -> None:
    out = tmp_path / "daftar.xlsx"
    code = main(["--data-dir", str(desk_ctx.data_dir), "export-list", "--out", str(out)])
    assert code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Daftar"]
    ws = wb["Daftar"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_percent_reads_the_indonesian_way() -> None:
    assert m.format_percent(100.0) == "100,0%"
    assert m.format_percent(None) == "–"


@needs_poppler
def test_the_letterhead_carries_the_crest_and_address_and_the_chart_its_legend(
    desk_ctx: Context, tmp_path: Path
) -> None:
    from PIL import Image as PilImage

    from app.services import prefs

    crest = tmp_path / "lambang.png"
    PilImage.new("RGB", (120, 140), (20, 90, 40)).save(crest)
    reports.set_crest(desk_ctx, ADMIN, crest)
    prefs.set_value(desk_ctx, ADMIN, "report_address", "Jl. Prof. M. Yamin No. 1")
    out = tmp_path / "anggaran.pdf"
    reports.export(desk_ctx, ADMIN, "budget", 2023, out, today=TODAY)
    assert "Jl. Prof. M. Yamin No. 1" in pdf_text(out)
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1  # the crest, on the first page
    # A one-series chart still names its series beside its colour: a legend, not a label.
    report = reports.build(desk_ctx, reports.ReportKind.BUDGET, 2023, TODAY)
    chart = next(x for x in report.sections if isinstance(x, m.BarChart))
    drawing = next(
        f for f in pdf_writer._chart(chart, pdf_writer._styles()) if hasattr(f, "contents")
    )
    from reportlab.graphics.charts.legends import Legend

    legends = [x for x in drawing.contents if isinstance(x, Legend)]
    assert len(legends) == 1 and legends[0].colorNamePairs[0][1] == chart.series[0].label
    # A file that is not an image is refused and the crest stays.
    bad = tmp_path / "lambang.txt"
    bad.write_text("bukan gambar", encoding="utf-8")
    with pytest.raises(InvalidInput):
        reports.set_crest(desk_ctx, ADMIN, bad)
    assert reports.crest_image(desk_ctx) == crest.read_bytes()


# --- PDFs ------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize(
    ("kind", "headings"),
    [
        (
            "recap",
            [
                "PEMERINTAH KABUPATEN SIJUNJUNG",
                "DINAS TENAGA KERJA DAN TRANSMIGRASI",
                "REKAPITULASI PESERTA",
                "Peserta per kecamatan dibandingkan kuota",
                "Peserta per nagari",
                "Peserta menurut pekerjaan",
                "Peserta menurut jenis kelamin",
                "Peserta menurut kelompok umur",
                "Peserta menurut sumber dana",
                "Kepala Dinas Tenaga Kerja dan Transmigrasi",
            ],
        ),
        (
            "budget",
            [
                "ANGGARAN IURAN",
                "Iuran per kecamatan",
                "Iuran menurut sumber dana",
                "Iuran per bulan",
                "Tarif yang digunakan",
                "Januari 2023",
                "Desember 2023",
            ],
        ),
        ("cards", ["REKAPITULASI KARTU", "Kartu per kecamatan", "Belum ada kartu yang dicetak"]),
    ],
)
def test_pdf_reports_are_a4_indonesian_and_embed_their_fonts(
    desk_ctx: Context, tmp_path: Path, kind: str, headings: list[str]
) -> None:
    out = tmp_path / f"{kind}.pdf"
    written = reports.export(desk_ctx, ADMIN, kind, 2023, out, today=TODAY)
    assert written.format == "pdf" and out.is_file()
    info = pdf_info(out)
    assert "(A4)" in info["Page size"]
    pages = int(info["Pages"])
    text = pdf_text(out)
    flat = " ".join(text.split())
    for heading in headings:
        assert heading in flat, heading
    assert f"Halaman 1 dari {pages}" in flat
    assert f"Halaman {pages} dari {pages}" in flat
    assert "Dicetak 15/06/2023" in flat
    assert "Muaro Sijunjung, 15 Juni 2023" in flat
    fonts = pdf_fonts(out)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts), fonts
    assert not re.search(r"\d{16}", text)  # no NIK in a report


@needs_poppler
def test_the_budget_pdf_shows_the_years_money(desk_ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "anggaran.pdf"
    reports.export(desk_ctx, ADMIN, "budget", 2022, out, today=TODAY)
    total = desk.budget_detail(desk_ctx, 2022).total.total
    assert m.format_money(total) in " ".join(pdf_text(out).split())


@needs_poppler
def test_the_cards_report_counts_printed_and_handed_over(desk_ctx: Context, tmp_path: Path) -> None:
    nagari = participants.rows(desk_ctx, participants.search(desk_ctx, ListQuery(sort="reg_no")))
    some = [r.reg_no for r in nagari if r.status != "inactive"][:12]
    cards.print_cards(desk_ctx, ADMIN, cards.selection_for(reg_nos=some), tmp_path / "kartu.pdf")
    event = handover.open_event(
        desk_ctx,
        ADMIN,
        place="Aula Kantor Camat Kamang Baru",
        date=TODAY,
        officials="Bupati Sijunjung; Camat Kamang Baru",
    )
    for reg in some[:5]:
        handover.give(desk_ctx, ADMIN, event.id, reg)
    handover.give(desk_ctx, ADMIN, event.id, some[5], proxy="Siti Aminah")
    report = reports.cards_report(desk_ctx, 2023, TODAY)
    kec = next(s for s in report.sections if isinstance(s, m.Table))
    assert kec.total is not None
    assert kec.total[3] == 12 and kec.total[4] == 6 and kec.total[5] == 6
    events = [s for s in report.sections if isinstance(s, m.Table)][1]
    assert events.rows[0][1] == "Aula Kantor Camat Kamang Baru"
    assert events.rows[0][4:] == (6, 1)
    out = tmp_path / "kartu-rekap.pdf"
    reports.export(desk_ctx, ADMIN, "cards", 2023, out, today=TODAY)
    flat = " ".join(pdf_text(out).split())
    assert "Acara penyerahan kartu" in flat and "Belum ada kartu" not in flat
    dash = desk.dashboard(desk_ctx, TODAY)
    assert (dash.cards_printed, dash.cards_handed_over) == (12, 6)


@needs_poppler
def test_long_tables_repeat_their_header_and_pages_count_to_the_end(tmp_path: Path) -> None:
    rows = [(i, f"Nagari {i}", i) for i in range(1, 200)]
    report = m.Report(
        "Uji",
        "Tahun 2023",
        "Pemerintah Kabupaten Sijunjung",
        "Dinas",
        TODAY,
        sections=[
            m.Table(
                "Tabel panjang",
                (m.Column("No.", m.Kind.INT), m.Column("Nama"), m.Column("Isi", m.Kind.INT)),
                rows,
                total=(None, "", sum(r[2] for r in rows)),
            )
        ],
    )
    out = tmp_path / "panjang.pdf"
    pdf_writer.write(report, out)
    pages = int(pdf_info(out)["Pages"])
    assert pages >= 4
    text = pdf_text(out)
    assert text.count("Nama") == pages  # the header row on every page
    assert f"Halaman {pages} dari {pages}" in text
    assert "Jumlah" in text and "19.900" in text
    assert not list(tmp_path.glob("*.part"))


def test_report_mistakes_change_nothing(desk_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        reports.export(desk_ctx, ADMIN, "recap", 2023, tmp_path / "rekap.docx")
    with pytest.raises(InvalidInput):
        reports.export(desk_ctx, ADMIN, "gaji", 2023, tmp_path / "rekap.pdf")
    with pytest.raises(NotFound):
        reports.export(desk_ctx, ADMIN, "recap", 2023, tmp_path / "no" / "rekap.pdf")
    with pytest.raises(InvalidInput):
        reports.export(desk_ctx, ADMIN, "recap", 1900, tmp_path / "rekap.pdf")
    assert list(tmp_path.iterdir()) == [] or all(p.is_dir() for p in tmp_path.iterdir())


# --- the command line ----------------------------------------------------------------


def test_the_desk_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)
    data = str(tmp_path / "kab")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", data, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("setup", "--role", "kabupaten")[0] == 0
    assert run("demo", "--participants", "1333", "--seed", "1")[0] == 0
    code, out, _ = run("budget", "--year", "2022", "--by-funding")
    assert code == 0 and "APBD Kabupaten" in out and "Rp201.549.600" in out
    assert run("year", "add", "2023", "--copy-from", "2022", "--funding", "apbd")[0] == 0
    code, out, _ = run("year", "quota", "2023", "--kecamatan", "13.03.06", "--quota", "300")
    assert code == 0 and "233 → 300" in out
    code, out, _ = run("year", "list", "--json")
    assert code == 0 and '"total": 1400' in out
    code, _, err = run("year", "add", "2023")
    assert code == 1 and "sudah ada" in err
    code, out, _ = run(
        "rates",
        "add",
        "--from",
        "01/07/2023",
        "--programme",
        "JKM",
        "--amount",
        "8.000",
        "--funding",
        "apbd",
    )
    assert code == 0
    code, _, err = run(
        "rates",
        "add",
        "--from",
        "01/07/2023",
        "--programme",
        "JKK",
        "--percent",
        "1",
        "--amount",
        "5000",
    )
    assert code == 2  # argparse: --percent and --amount exclude each other
    code, out, _ = run("rates", "list")
    assert "Rp8.000" in out and "01/07/2023" in out
    code, out, _ = run(
        "plan", "--year", "2023", "--add", "100", "--occupation", "ninik-mamak", "--json"
    )
    assert code == 0
    import json

    plan = json.loads(out)
    assert plan["apbd"] == 1433 * (6 * 16_800 + 6 * 18_000)
    assert plan["added"]["participants"] == 100
    code, out, _ = run("plan", "--year", "2023", "--add", "2", "--per-nagari")
    assert code == 0 and "APBD yang diperlukan untuk 2023" in out
    for kind in ("recap", "budget", "cards"):
        for ext in ("pdf", "xlsx"):
            target = tmp_path / f"{kind}.{ext}"
            code, out, err = run("report", "--kind", kind, "--year", "2023", "--out", str(target))
            assert code == 0, err
            assert target.stat().st_size > 1000
    code, out, _ = run("dashboard", "--json")
    dash = json.loads(out)
    assert code == 0 and dash["participants"] == 1333
    code, out, _ = run("dashboard")
    assert "Iuran bulan ini" in out
    code, out, _ = run("--lang", "en", "dashboard")
    assert "Contributions this month" in out


def test_a_full_disk_leaves_no_spreadsheet_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from app.services.spreadsheet import write_xlsx

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "daftar.xlsx"
    target.write_bytes(b"the list of yesterday")
    with pytest.raises(InvalidInput) as info:
        write_xlsx(target, ["NIK", "Nama"], [["1303064708800001", "Siti"]], text_columns=[0])
    assert str(info.value) == f"Tidak dapat menulis {target}: disk penuh."
    # Yesterday's file is untouched, and no half-written file is left beside it.
    assert target.read_bytes() == b"the list of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["daftar.xlsx"]


def test_long_spreadsheets_report_their_progress_both_ways(tmp_path: Path) -> None:
    from app.services.spreadsheet import read_rows, write_xlsx

    path = tmp_path / "bpjs.xlsx"
    rows = [[f"13030647088{i:05d}", f"Peserta {i}"] for i in range(2500)]
    written: list[tuple[int, int]] = []

    def note(seen: list[tuple[int, int]]) -> Progress:
        def report(done: int, total: int) -> bool:
            seen.append((done, total))
            return True

        return report

    write_xlsx(path, ["NIK", "Nama"], rows, text_columns=[0], progress=note(written))
    assert written == [(1000, 2500), (2000, 2500)]
    read: list[tuple[int, int]] = []
    assert len(read_rows(path, progress=note(read))) == 2501
    assert read == [(2501, 2501)]  # read in one go by the Rust reader: done when it returns
