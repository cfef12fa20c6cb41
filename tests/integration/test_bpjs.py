"""To BPJS and back: the export's columns, the KPJ round trip, and what is refused.

The round trip is the real one: export the spreadsheet, fill in KPJ numbers as BPJS's
branch would (one per registration number, several starting with 0), import it, and check
that every participant got its own number.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from app.domain.participant import InactiveReason, Status
from app.errors import InvalidInput, NotFound, Refused
from app.main import main
from app.services import audit, bpjs, demo, participants, prefs
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import repo
from app.store.records import ParticipantRecord
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.conftest import MakeParticipant

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")

OPERATOR = Actor("ani", Role.OPERATOR)


@pytest.fixture
def kab(kabupaten_ctx: Context) -> Context:
    demo.generate(kabupaten_ctx, ADMIN, 40, seed=11)
    return kabupaten_ctx


def records(ctx: Context) -> dict[str, ParticipantRecord]:
    """reg_no → participant record."""
    out = {}
    with ctx.db.read() as s:
        for i in repo.search_ids(s, ListQuery()):
            rec = repo.participant_by_id(s, i)
            assert rec is not None
            out[rec.reg_no] = rec
    return out


def kpj_for(reg_no: str) -> str:
    """A distinct 11-digit KPJ per registration number; many start with 0."""
    return f"0{int(reg_no[:6]) % 100:02d}{int(reg_no[-6:]) * 7:08d}"


def export_and_fill(ctx: Context, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    out = tmp_path / "ke-bpjs.xlsx"
    done = bpjs.export(ctx, OPERATOR, out)
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    header = [c.value for c in ws[1]]
    reg_col, kpj_col = header.index("No Registrasi"), header.index("No KPJ")
    given: dict[str, str] = {}
    for row in ws.iter_rows(min_row=2):
        reg = str(row[reg_col].value)
        given[reg] = kpj_for(reg)
        row[kpj_col].value = given[reg]
        row[kpj_col].number_format = "@"
    back = tmp_path / "dari-bpjs.xlsx"
    wb.save(back)
    assert done.count == len(given)
    return back, given


def test_the_export_lists_who_waits_in_the_columns_of_the_settings_file(
    kab: Context, tmp_path: Path
) -> None:
    recs = records(kab)
    first = sorted(recs)[0]
    participants.deactivate(kab, ADMIN, first, InactiveReason.MOVED)
    out = tmp_path / "bpjs.xlsx"
    done = bpjs.export(kab, OPERATOR, out)
    assert done.count == 39
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    _sheet, columns = bpjs.load_columns(bpjs.columns_file(kab))
    assert header == [c.header for c in columns]
    for needed in (
        "NIK",
        "Nama Lengkap",
        "Tempat Lahir",
        "Tanggal Lahir",
        "Jenis Kelamin",
        "Alamat",
        "Kecamatan",
        "Nagari/Desa",
        "No HP",
        "Jenis Pekerjaan",
        "Penghasilan",
        "Program",
        "Tanggal Mulai",
    ):
        assert needed in header
    nik, phone = header.index("NIK"), header.index("No HP")
    niks = set()
    for row in rows[1:]:
        cell = row[nik]
        assert cell.data_type == "s" and cell.number_format == "@"
        assert len(cell.value) == 16 and cell.value.isdigit()
        niks.add(cell.value)
        if row[phone].value:
            assert row[phone].data_type == "s" and str(row[phone].value).startswith("08")
    assert recs[first].nik not in niks
    birth = rows[1][header.index("Tanggal Lahir")].value
    assert isinstance(birth, str) and len(birth) == 10 and birth[2] == "/"


def test_the_column_set_follows_a_settings_file(kab: Context, tmp_path: Path) -> None:
    columns = tmp_path / "kolom.json"
    columns.write_text(
        json.dumps(
            {
                "columns": [
                    {"header": "NOMOR INDUK KEPENDUDUKAN", "field": "nik"},
                    {"header": "NAMA", "field": "name"},
                    {"header": "TTL", "field": "birth_place_date"},
                    {"header": "KPJ", "field": "blank"},
                ]
            }
        ),
        encoding="utf-8",
    )
    prefs.set_value(kab, ADMIN, "bpjs_columns_file", str(columns))
    out = tmp_path / "bpjs.xlsx"
    assert bpjs.export(kab, OPERATOR, out).columns == [
        "NOMOR INDUK KEPENDUDUKAN",
        "NAMA",
        "TTL",
        "KPJ",
    ]
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A2"].data_type == "s"
    columns.write_text('{"columns": [{"header": "X", "field": "gaji"}]}', encoding="utf-8")
    with pytest.raises(InvalidInput):
        bpjs.export(kab, OPERATOR, tmp_path / "b.xlsx")
    columns.write_text("{bukan json", encoding="utf-8")
    with pytest.raises(InvalidInput):
        bpjs.export(kab, OPERATOR, tmp_path / "b.xlsx")
    columns.unlink()
    with pytest.raises(NotFound):
        bpjs.export(kab, OPERATOR, tmp_path / "b.xlsx")


def test_the_round_trip_gives_every_participant_its_own_kpj(kab: Context, tmp_path: Path) -> None:
    back, given = export_and_fill(kab, tmp_path)
    shown = bpjs.preview(kab, back)
    assert shown.counts() == {
        "rows": 40,
        "matched": 40,
        "unchanged": 0,
        "unmatched": 0,
        "conflicts": 0,
        "invalid": 0,
        "saved": 0,
    }
    assert all(r.status == Status.ACCEPTED for r in records(kab).values())  # nothing saved yet
    done = bpjs.commit(kab, OPERATOR, shown)
    assert done.saved == 40
    for reg, rec in records(kab).items():
        assert rec.kpj == given[reg]
        assert rec.status == Status.ACTIVE
        assert rec.revision == 2
        with kab.db.read() as s:
            last = repo.history_of(s, rec.uuid)[-1]
        assert last.action == "kpj" and last.actor == "ani"
        assert json.loads(last.changes) == {
            "kpj": [None, given[reg]],
            "status": ["accepted", "active"],
        }
    assert any(k.startswith("0") for k in given.values())
    # Importing the same file again changes nothing.
    again = bpjs.import_kpj(kab, OPERATOR, back)
    assert again.counts()["unchanged"] == 40 and again.saved == 0
    assert bpjs.waiting_count(kab) == 0


def test_dry_run_saves_nothing(kab: Context, tmp_path: Path) -> None:
    back, _ = export_and_fill(kab, tmp_path)
    result = bpjs.import_kpj(kab, OPERATOR, back, dry_run=True)
    assert len(result.matched) == 40 and result.saved == 0
    assert all(r.kpj is None for r in records(kab).values())


def write_sheet(path: Path, rows: list[list[object]], title: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if title:
        ws.append(["DAFTAR PESERTA BPU - BPJS KETENAGAKERJAAN CABANG SOLOK"])
        ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_unmatched_and_malformed_numbers_are_reported_not_saved(
    kab: Context, tmp_path: Path
) -> None:
    recs = sorted(records(kab).values(), key=lambda r: r.reg_no)
    niks = [r.nik for r in recs]
    path = write_sheet(
        tmp_path / "kembali.xlsx",
        [
            ["No", "NIK", "Nama", "Nomor Peserta"],
            [1, niks[0], "a", "01234567890"],  # good
            [2, niks[1], "b", "0123456789"],  # 10 digits
            [3, niks[2], "c", 1234567891],  # a number: the leading 0 was lost
            [4, "1303060101900001", "d", "02222222222"],  # nobody has this NIK
            [5, niks[3], "e", "0333333333A"],  # not digits
            [6, int(niks[4]), "f", "04444444444"],  # the NIK as a number
            [7, niks[5], "g", None],  # no KPJ yet
        ],
        title=True,
    )
    result = bpjs.import_kpj(kab, OPERATOR, path)
    assert [o.line for o in result.matched] == [4]
    assert [(o.line, o.code) for o in result.unmatched] == [(7, "bpjs.unknown_nik")]
    assert [(o.line, o.code) for o in result.invalid] == [
        (5, "kpj.length"),
        (6, "kpj.lost_zero"),
        (8, "kpj.not_digits"),
        (9, "import.nik_number"),
        (10, "kpj.empty"),
    ]
    assert "11" in result.invalid[0].message() and "nol" in result.invalid[1].message()
    assert all("•" in o.nik for o in result.invalid + result.unmatched)  # NIKs masked
    saved = {r.reg_no: r.kpj for r in records(kab).values()}
    assert saved[recs[0].reg_no] == "01234567890"
    assert sum(1 for k in saved.values() if k) == 1


def test_conflicts_are_shown_and_not_saved(kab: Context, tmp_path: Path) -> None:
    recs = sorted(records(kab).values(), key=lambda r: r.reg_no)
    niks = [r.nik for r in recs]
    first = write_sheet(
        tmp_path / "satu.xlsx", [["NIK", "KPJ"], [niks[0], "01111111111"], [niks[1], "02222222222"]]
    )
    assert bpjs.import_kpj(kab, OPERATOR, first).saved == 2
    second = write_sheet(
        tmp_path / "dua.xlsx",
        [
            ["NIK", "No. KPJ"],
            [niks[0], "09999999999"],  # already has another KPJ
            [niks[2], "01111111111"],  # this KPJ belongs to someone else
            [niks[3], "03333333333"],  # the same KPJ twice in the file
            [niks[4], "03333333333"],
            [niks[5], "05555555555"],  # the same NIK twice with different KPJ
            [niks[5], "05555555556"],
            [niks[1], "02222222222"],  # unchanged
            [niks[6], "06666666666"],  # fine
        ],
    )
    result = bpjs.import_kpj(kab, OPERATOR, second)
    codes = sorted((o.line, o.code) for o in result.conflicts)
    assert codes == [
        (2, "bpjs.kpj_differs"),
        (3, "bpjs.kpj_taken"),
        (4, "bpjs.kpj_repeated"),
        (5, "bpjs.kpj_repeated"),
        (6, "bpjs.nik_two_kpj"),
        (7, "bpjs.nik_repeated"),
    ]
    assert [o.line for o in result.unchanged] == [8]
    assert [o.line for o in result.matched] == [9] and result.saved == 1
    saved = {r.nik: r.kpj for r in records(kab).values()}
    assert saved[niks[0]] == "01111111111"
    assert saved[niks[2]] is None and saved[niks[3]] is None and saved[niks[5]] is None


def test_a_csv_from_bpjs_is_read_too(kab: Context, tmp_path: Path) -> None:
    rec = sorted(records(kab).values(), key=lambda r: r.reg_no)[0]
    path = tmp_path / "kembali.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Nama", "NIK", "No KPJ"])
        w.writerow([rec.name, rec.nik, "07777777777"])
    assert bpjs.import_kpj(kab, OPERATOR, path).saved == 1


def test_a_nik_column_rounded_by_excel_is_refused_not_matched_to_someone_else(
    kab: Context, tmp_path: Path
) -> None:
    """A BPJS answer saved as CSV from Excel: every NIK lost its 16th digit, and one of them
    now reads as the NIK of another participant. No row is matched; each gets the Excel
    explanation."""
    recs = sorted(records(kab).values(), key=lambda r: r.reg_no)
    other = next(r for r in recs if r.nik.endswith("0") and not r.nik.endswith("0000"))
    rounded = [other.nik, *[r.nik[:15] + "0" for r in recs if r is not other][:5]]
    path = tmp_path / "kembali.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["NIK", "No KPJ"])
        for i, nik in enumerate(rounded):
            w.writerow([nik, f"0{i:010d}"])
    result = bpjs.import_kpj(kab, OPERATOR, path)
    assert result.saved == 0 and not result.matched
    assert {o.code for o in result.invalid} == {"import.nik_number"}
    assert len(result.invalid) == len(rounded)
    assert "Excel" in result.invalid[0].message()
    assert records(kab)[other.reg_no].kpj is None


def _set(ctx: Context, reg_no: str, **values: object) -> None:
    """Change a record behind the preview's back, as another window would (with the
    history entry every change through Lindungi writes)."""
    sets = ", ".join(f"{k} = :{k}" for k in values)
    with ctx.db.session() as s:
        s.execute(
            text(f"UPDATE participant SET {sets} WHERE reg_no = :reg"), {**values, "reg": reg_no}
        )
        uid = s.execute(
            text("SELECT uuid FROM participant WHERE reg_no = :reg"), {"reg": reg_no}
        ).scalar_one()
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor="ani",
            install_code=ctx.identity.install_code,
            entity="participant",
            entity_id=uid,
            action="edit",
            changes={k: [None, v] for k, v in values.items()},
        )


def test_a_record_or_kpj_taken_since_the_preview_is_respected(kab: Context, tmp_path: Path) -> None:
    """The preview's matches stand only while no other record took their NIK or KPJ."""
    back, given = export_and_fill(kab, tmp_path)
    shown = bpjs.preview(kab, back)
    first, second, third, fourth = shown.matched[:4]
    recs = records(kab)
    # Another live record now has the first one's NIK; the second one's KPJ is given away.
    _set(kab, third.reg_no, nik=recs[first.reg_no].nik)
    _set(kab, fourth.reg_no, kpj=given[second.reg_no], status="active")
    done = bpjs.commit(kab, OPERATOR, shown)
    codes = {(o.line, o.code) for o in done.conflicts + done.unmatched}
    assert (first.line, "bpjs.ambiguous") in codes
    assert (second.line, "bpjs.kpj_taken") in codes
    assert (third.line, "bpjs.unknown_nik") in codes
    assert (fourth.line, "bpjs.kpj_differs") in codes
    after = records(kab)
    assert after[first.reg_no].kpj is None and after[second.reg_no].kpj is None
    assert done.saved == len(shown.matched) - 4
    assert audit.verify(kab).ok


def test_a_record_outside_the_file_that_took_a_nik_since_the_preview_is_seen(
    kab: Context, tmp_path: Path
) -> None:
    recs = sorted(records(kab).values(), key=lambda r: r.reg_no)
    rows: list[list[object]] = [["NIK", "No KPJ"]]
    rows += [[r.nik, f"0{i:010d}"] for i, r in enumerate(recs[:3])]
    shown = bpjs.preview(kab, write_sheet(tmp_path / "kembali.xlsx", rows))
    assert len(shown.matched) == 3
    _set(kab, recs[10].reg_no, nik=recs[0].nik)
    done = bpjs.commit(kab, OPERATOR, shown)
    assert [o.code for o in done.conflicts] == ["bpjs.ambiguous"] and done.saved == 2


def test_files_without_the_columns_are_refused(kab: Context, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "x.xlsx", [["Nama", "Alamat"], ["a", "b"]])
    with pytest.raises(InvalidInput) as err:
        bpjs.preview(kab, path)
    assert err.value.code == "bpjs.no_columns"
    with pytest.raises(NotFound):
        bpjs.preview(kab, tmp_path / "tidak-ada.xlsx")
    with pytest.raises(InvalidInput):
        bpjs.export(kab, OPERATOR, tmp_path / "bpjs.csv")


def test_bpjs_is_the_kabupatens_business(
    kecamatan_ctx: Context, make_participant: MakeParticipant, tmp_path: Path
) -> None:
    with pytest.raises(Refused):
        bpjs.export(kecamatan_ctx, ADMIN, tmp_path / "b.xlsx")
    path = write_sheet(tmp_path / "x.xlsx", [["NIK", "KPJ"], ["1303064708800001", "01234567890"]])
    with pytest.raises(Refused):
        bpjs.preview(kecamatan_ctx, path)


def test_bpjs_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)
    data = str(tmp_path / "kab")
    assert main(["--data-dir", data, "setup", "--role", "kabupaten"]) == 0
    assert main(["--data-dir", data, "demo", "--participants", "25", "--seed", "2"]) == 0
    capsys.readouterr()
    out = tmp_path / "ke-bpjs.xlsx"
    assert main(["--data-dir", data, "bpjs", "export", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 25
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    for i, row in enumerate(ws.iter_rows(min_row=2), start=1):
        row[-1].value = f"{i:011d}"
    ws.cell(row=3, column=ws.max_column).value = 123  # lost its zeros
    wb.save(out)
    assert main(["--data-dir", data, "bpjs", "import", str(out), "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["counts"]["matched"] == 24 and dry["counts"]["invalid"] == 1
    assert dry["dry_run"] is True and dry["invalid"][0]["code"] == "kpj.lost_zero"
    assert main(["--data-dir", data, "bpjs", "import", str(out)]) == 0
    text = capsys.readouterr().out
    assert "24 nomor KPJ disimpan" in text and "Tidak sah (1)" in text


def test_a_change_between_preview_and_commit_is_respected(kab: Context, tmp_path: Path) -> None:
    """The preview's sorting is reused only while the register holds what it was sorted
    against: a participant deactivated meanwhile is not given its KPJ."""
    back, _given = export_and_fill(kab, tmp_path)
    shown = bpjs.preview(kab, back)
    assert len(shown.matched) == 40
    gone = shown.matched[0].reg_no
    participants.deactivate(kab, ADMIN, gone, InactiveReason.DIED)
    done = bpjs.commit(kab, OPERATOR, shown)
    assert done.saved == 39
    assert [o.code for o in done.unmatched] == ["bpjs.inactive"]
    assert records(kab)[gone].kpj is None
    # Nothing changed since this preview: its sorting stands and nothing is left to save.
    assert bpjs.commit(kab, OPERATOR, bpjs.preview(kab, back)).saved == 0
