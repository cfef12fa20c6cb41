"""The import, template and BPJS commands on sheets as nagari send them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.i18n import render
from app.main import main
from app.services.context import open_data_dir
from tests.integration.test_cli import Cli, Result, count
from tests.integration.test_sheets_as_sent import HEAD, person, write_csv, xlsx

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)

    def go(*argv: object) -> Result:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return go


@pytest.fixture
def kec(tmp_path: Path, run: Cli) -> Path:
    path = tmp_path / "kec"
    assert (
        run("--data-dir", path, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06").code == 0
    )
    return path


def test_help_texts(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, words in (
        (["import", "--help"], ["NIK, nama, tempat lahir, nagari, pekerjaan", "--map", "templat"]),
        (["bpjs", "import", "--help"], ["Berkas balasan", "KPJ", "11 angka"]),
        (["template", "--help"], ["--nagari", "--out"]),
    ):
        assert main(argv) == 0
        out = capsys.readouterr().out
        for word in words:
            assert word in out, (argv, word)


def test_a_refused_rows_file_of_another_kind_is_refused_before_anything(
    kec: Path, run: Cli, tmp_path: Path
) -> None:
    sheet = xlsx(tmp_path / "a.xlsx", ("S", [HEAD, person(1), person(2, NIK="123")]))
    result = run("--data-dir", kec, "import", sheet, "--refused-out", tmp_path / "perbaiki.pdf")
    assert result.code != 0
    assert render("sheet.out_kind", name="perbaiki.pdf") in result.err
    assert count(kec) == 0
    result = run("--data-dir", kec, "import", sheet, "--refused-out", tmp_path / "perbaiki.csv")
    assert result.code == 0 and count(kec) == 1
    assert (tmp_path / "perbaiki.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_import_maps_accepts_suggestions_and_learns_spellings(
    kec: Path, run: Cli, tmp_path: Path
) -> None:
    head = ["No", "Kode Penduduk", "Nama", "Tempat Lahir", "L/P", "Nagari", "Pekerjaan"]
    rows = [head] + [
        [p[0], p[1], p[2], p[3], p[5], p[6], p[7]]
        for p in (person(1, nagari="Sei Lansek"), person(2, nagari="Tj. Kaliang"), person(3))
    ]
    sheet = write_csv(tmp_path / "s.csv", rows)
    refused = run("--data-dir", kec, "import", sheet, "--dry-run")
    assert refused.code != 0 and render("import.no_nik", name="s.csv") in refused.err
    dry = run(
        "--data-dir", kec, "import", sheet, "--dry-run", "--map", "Kode Penduduk=nik", "--json"
    )
    data = json.loads(dry.out)
    assert (data["new"], data["refused"]) == (1, 2)
    assert data["columns"][1] == {"column": "B", "header": "Kode Penduduk", "field": "nik"}
    assert {r["suggestion"] for r in data["rows"] if r["verdict"] == "refused"} == {
        "Sungai Lansek",
        "Tanjung Kaliang",
    }
    done = run(
        "--data-dir",
        kec,
        "import",
        sheet,
        "--map",
        "B=nik",
        "--accept-suggestions",
        "--learn-spellings",
    )
    assert done.code == 0 and count(kec) == 3
    assert "Lembar yang dibaca: s" in done.out
    ctx = open_data_dir(kec)
    try:
        from app.services import importer

        assert importer.learned_aliases(ctx) == {
            "sei lansek": "13.03.06.2001",
            "tj kaliang": "13.03.06.2007",
        }
    finally:
        ctx.close()
    listed = run("--data-dir", kec, "spellings", "list")
    assert listed.code == 0 and "sei lansek" in listed.out and "Sungai Lansek" in listed.out
    bad = run("--data-dir", kec, "spellings", "forget", "Sei Lansek", "Paris")
    assert bad.code != 0
    assert render("import.spelling_unknown", spelling="Paris") in bad.err
    gone = run("--data-dir", kec, "spellings", "forget", "Sei  Lansek")
    assert gone.code == 0 and "1 ejaan nagari dilupakan" in gone.out
    left = json.loads(run("--data-dir", kec, "spellings", "list", "--json").out)
    assert left == [
        {"spelling": "tj kaliang", "nagari": "Tanjung Kaliang", "code": "13.03.06.2007"}
    ]
    # The next sheet so spelled is refused again, with the suggestion.
    again = run("--data-dir", kec, "import", sheet, "--dry-run", "--map", "B=nik", "--json")
    rows = json.loads(again.out)["rows"]
    assert [r["suggestion"] for r in rows if r["verdict"] == "refused"] == ["Sungai Lansek"]


def test_the_template_command(kec: Path, run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "daftar.xlsx"
    result = run("--data-dir", kec, "template", "--out", out, "--nagari", "Aia Amo")
    assert result.code == 0 and str(out) in result.out
    wb = load_workbook(out)
    assert wb.active is not None and wb.active.title == "Daftar"
    assert wb["Daftar"]["I2"].value == "Aie Amo"
    bad = run("--data-dir", kec, "template", "--out", tmp_path / "x.xlsx", "--nagari", "Paris")
    assert bad.code != 0 and render("template.nagari_unknown", name="Paris") in bad.err


def test_a_kabupaten_import_needs_its_kecamatan(run: Cli, tmp_path: Path) -> None:
    kab = tmp_path / "kab"
    assert run("--data-dir", kab, "setup", "--role", "kabupaten").code == 0
    sheet = xlsx(tmp_path / "k.xlsx", ("S", [HEAD, person(1)]))
    result = run("--data-dir", kab, "import", sheet, "--dry-run")
    assert result.code != 0 and render("import.kecamatan_needed") in result.err
    result = run("--data-dir", kab, "import", sheet, "--kecamatan", "Kamang Baru")
    assert result.code == 0 and count(kab) == 1
