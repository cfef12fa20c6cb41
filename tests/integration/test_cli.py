"""The `lindungi` command line, run in-process (and a few times as a real process).

Every refusal exits 1 with a message in Indonesian (English with ``--lang en``) on stderr and
changes nothing; usage errors exit 2; a bug exits 70 and names the log file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import i18n, invocation, logsetup
from app.cli import core
from app.main import main
from app.paths import resource
from tests.conftest import CLI_PASSWORD, CLI_USER
from tests.opening import open_as

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")

REPO = Path(__file__).resolve().parents[2]
NIK_SITI = "1303064708800001"  # P, 07/08/1980, Kamang Baru


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Cli = Callable[..., Result]


def _with_cmd(params: dict[str, object]) -> dict[str, object]:
    # {cmd}: the program as the last command ran it, with its --data-dir.
    return {"cmd": invocation.command_prefix(), **params}


def id_msg(code: str, /, **params: object) -> str:
    """A catalogue message in Indonesian (KeyError when it has no translation)."""
    return i18n.ID[i18n.MESSAGES[code]].format(**_with_cmd(params))


def en_msg(code: str, /, **params: object) -> str:
    return i18n.MESSAGES[code].format(**_with_cmd(params))


def id_text(english: str, /, **params: object) -> str:
    return i18n.ID[english].format(**_with_cmd(params))


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No data dir or language from the environment; no log handlers left behind."""
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)
    root = logging.getLogger()
    level = root.level
    yield
    logsetup.configure(None)
    root.setLevel(level)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(*argv: object) -> Result:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def kec_dir(tmp_path: Path, cli: Cli) -> Path:
    """A kecamatan data dir (Kamang Baru, station A), set up through the command line."""
    path = tmp_path / "kec"
    assert (
        cli("--data-dir", path, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06").code == 0
    )
    return path


def count(path: Path) -> int:
    from app.services.participants import count as count_participants

    ctx = open_as(path)
    try:
        return count_participants(ctx)
    finally:
        ctx.close()


ADD_SITI = {
    "--nik": NIK_SITI,
    "--name": "Siti Aminah",
    "--birth-place": "Sijunjung",
    "--birth-date": "07/08/1980",
    "--sex": "P",
    "--nagari": "Aia Amo",
    "--occupation": "Pedagang Kaki Lima",
    "--coverage-start": "01/04/2022",
}


def add_args(path: Path, **changes: str) -> list[object]:
    flags = dict(ADD_SITI)
    flags.update({"--" + k.replace("_", "-"): v for k, v in changes.items()})
    return ["--data-dir", path, "add", *[x for kv in flags.items() for x in kv]]


# --- setup -----------------------------------------------------------------------------------


def test_setup_kecamatan_then_refuses_a_second_setup(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "kec"
    first = cli("--data-dir", path, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06")
    assert first.code == 0
    assert "130306-A" in first.out
    again = cli("--data-dir", path, "setup", "--role", "kabupaten")
    assert again.code == 1
    assert id_msg("setup.already", code="130306-A") in again.err
    ctx = open_as(path)
    try:
        assert ctx.identity.install_code == "130306-A"
    finally:
        ctx.close()


def test_setup_kabupaten(tmp_path: Path, cli: Cli) -> None:
    result = cli("--data-dir", tmp_path / "kab", "setup", "--role", "kabupaten")
    assert result.code == 0
    assert "130300-K" in result.out


def test_setup_refuses_an_unknown_kecamatan_and_sets_nothing_up(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "kec"
    result = cli("--data-dir", path, "setup", "--role", "kecamatan", "--kecamatan", "13.03.99")
    assert result.code == 1
    assert id_msg("setup.unknown_kecamatan", code="13.03.99", regency="13.03") in result.err
    assert result.out == ""
    ctx = open_as(path)
    try:
        assert not ctx.is_set_up
        assert ctx.regions.by_code == {}
    finally:
        ctx.close()
    # Nothing half-done stands in the way of a correct setup.
    ok = cli("--data-dir", path, "setup", "--role", "kecamatan", "--kecamatan", "13.03.07")
    assert ok.code == 0
    assert "130307-A" in ok.out


@pytest.mark.parametrize(
    ("args", "code", "params"),
    [
        (
            ["--kecamatan", "13.03"],
            "setup.unknown_kecamatan",
            {"code": "13.03", "regency": "13.03"},
        ),
        ([], "setup.kecamatan_needed", {}),
        (["--kecamatan", "13.03.06", "--station", "K"], "setup.station", {"station": "K"}),
        (
            ["--kecamatan", "13.03.06", "--regency", "13.04"],
            "setup.unknown_regency",
            {"code": "13.04"},
        ),
    ],
)
def test_setup_refusals(
    tmp_path: Path, cli: Cli, args: list[str], code: str, params: dict[str, str]
) -> None:
    result = cli("--data-dir", tmp_path / "d", "setup", "--role", "kecamatan", *args)
    assert result.code == 1
    assert id_msg(code, **params) in result.err


def test_setup_of_another_regency_with_its_own_region_table(tmp_path: Path, cli: Cli) -> None:
    table = tmp_path / "wilayah_1371.csv"
    table.write_text(
        "kode,tingkat,induk,nama,alias\n"
        "13,provinsi,,Sumatera Barat,\n"
        "13.71,kabupaten,13,Kota Padang,\n"
        "13.71.01,kecamatan,13.71,Bungus Teluk Kabung,\n"
        "13.71.01.1001,desa,13.71.01,Teluk Kabung Utara,\n",
        encoding="utf-8",
    )
    path = tmp_path / "padang"
    result = cli(
        "--data-dir",
        path,
        "setup",
        "--role",
        "kecamatan",
        "--regency",
        "13.71",
        "--kecamatan",
        "13.71.01",
        "--regions",
        table,
    )
    assert result.code == 0, result.err
    assert "137101-A" in result.out
    added = cli(
        *add_args(
            path, nik="1371014708800001", nagari="Teluk Kabung Utara", coverage_start="01/04/2022"
        )
    )
    assert added.code == 0, added.err
    assert "137101-A-000001" in added.out


# --- demo ------------------------------------------------------------------------------------


def test_demo_on_a_kabupaten(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "kab"
    cli("--data-dir", path, "setup", "--role", "kabupaten")
    result = cli("--data-dir", path, "demo", "--participants", "20", "--seed", "1")
    assert result.code == 0
    assert id_text("Added {count} demo participants", count=20) in result.out
    assert count(path) == 20
    listed = cli("--data-dir", path, "list", "--json").json()
    assert {r["status"] for r in listed} == {"accepted"}


def test_demo_before_setup_is_refused(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "new"
    result = cli("--data-dir", path, "demo", "--participants", "5")
    assert result.code == 1
    assert id_msg("setup.needed", path=str(path)) in result.err


def test_demo_of_no_participants_is_refused(kec_dir: Path, cli: Cli) -> None:
    result = cli("--data-dir", kec_dir, "demo", "--participants", "0")
    assert result.code == 1
    assert id_msg("demo.count") in result.err


# --- add -------------------------------------------------------------------------------------


def test_add_a_valid_participant(kec_dir: Path, cli: Cli) -> None:
    result = cli(*add_args(kec_dir))
    assert result.code == 0, result.err
    assert "130306-A-000001" in result.out
    assert result.err == ""
    [row] = cli("--data-dir", kec_dir, "list", "--json").json()
    assert row["nik"] == NIK_SITI
    assert row["nagari"] == "Aie Amo"
    assert row["occupation"] == "pedagang-kaki-lima"


def test_add_with_json_output(kec_dir: Path, cli: Cli) -> None:
    result = cli(*add_args(kec_dir), "--json")
    assert result.code == 0
    assert result.json()["reg_no"] == "130306-A-000001"
    assert result.json()["status"] == "draft"


def test_add_from_another_regency_prints_a_warning(kec_dir: Path, cli: Cli) -> None:
    result = cli(*add_args(kec_dir, nik="1371014708800001"))
    assert result.code == 0, result.err
    assert id_msg("nik.elsewhere", code="13.71.01") in result.out


# Each case: flags changed from a valid registration, the message code and its parameters.
BAD_ADD: list[Any] = [
    ({"nik": "130306470880001"}, "nik.length", {"count": 15}),
    ({"nik": "13030647088000011"}, "nik.length", {"count": 17}),
    ({"nik": "13030647O8800001"}, "nik.not_digits", {}),
    ({"nik": "9903064708800001"}, "nik.province", {"code": "99"}),
    ({"nik": "1300064708800001"}, "nik.regency_zero", {}),
    ({"nik": "1303004708800001"}, "nik.kecamatan_zero", {}),
    ({"nik": "1303063208800001"}, "nik.date", {"text": "320880"}),
    ({"nik": "1303067208800001"}, "nik.date", {"text": "720880"}),
    ({"nik": "1303067002800001"}, "nik.date", {"text": "700280"}),
    ({"nik": "1303066902010001", "birth_date": "01/03/2001"}, "nik.date", {"text": "690201"}),
    ({"nik": "1303064708800000"}, "nik.serial_zero", {}),
    ({"nagari": "Muaro"}, "nagari.outside", {"nagari": "Muaro"}),
    ({"nagari": "Tanjung"}, "nagari.outside", {"nagari": "Tanjung"}),
    ({"sex": "L"}, "nik.sex_mismatch", {"nik_sex": "P", "given": "L"}),
    (
        {"birth_date": "08/08/1980"},
        "nik.birth_mismatch",
        {"nik_date": "07/08/1980", "given": "08/08/1980"},
    ),
    (
        {"nik": "1303064105100001", "birth_date": "01/05/2010"},
        "age.outside",
        {"age": 11, "min": 18, "max": 65},
    ),
    ({"birth_date": "31/02/1980"}, "date.invalid", {"text": "31/02/1980"}),
    ({"sex": "X"}, "sex.invalid", {"text": "X"}),
    ({"occupation": "dokter"}, "occupation.unknown", {"value": "dokter"}),
    ({"funding": "swasta"}, "funding.unknown", {"value": "swasta"}),
    ({"income": "sejuta"}, "number.invalid", {"text": "sejuta"}),
    ({"programmes": "JKK,JKX"}, "programmes.unknown", {"value": "JKK,JKX"}),
    ({"phone": "12345"}, "phone.invalid", {"value": "12345"}),
    ({"name": " "}, "field.required", {}),
]
BAD_ADD_PARAMS = [case for case in BAD_ADD]


@pytest.mark.parametrize(("changes", "code", "params"), BAD_ADD_PARAMS)
def test_add_refuses_bad_input_in_indonesian_and_saves_nothing(
    kec_dir: Path, cli: Cli, changes: dict[str, str], code: str, params: dict[str, object]
) -> None:
    result = cli(*add_args(kec_dir, **changes))
    assert result.code == 1, result.err
    assert id_msg(code, **params) in result.err
    assert "Galat" in result.err
    assert result.out == ""
    assert count(kec_dir) == 0


@pytest.mark.parametrize(("changes", "code", "params"), BAD_ADD_PARAMS)
def test_add_refuses_bad_input_in_english_when_asked(
    kec_dir: Path, cli: Cli, changes: dict[str, str], code: str, params: dict[str, object]
) -> None:
    result = cli("--lang", "en", *add_args(kec_dir, **changes))
    assert result.code == 1, result.err
    assert en_msg(code, **params) in result.err
    assert "Error" in result.err
    assert count(kec_dir) == 0


def test_add_refuses_a_duplicate_nik(kec_dir: Path, cli: Cli) -> None:
    assert cli(*add_args(kec_dir)).code == 0
    again = cli(*add_args(kec_dir, name="Orang Lain"))
    assert again.code == 1
    assert "130306-A-000001" in again.err
    message = id_msg("nik.duplicate", reg_no="130306-A-000001", name="Siti Aminah", status="-")
    assert message.split(" (")[0] in again.err
    assert count(kec_dir) == 1


def test_add_reports_every_problem_at_once(kec_dir: Path, cli: Cli) -> None:
    result = cli(*add_args(kec_dir, sex="X", occupation="dokter", nagari="Muaro"))
    assert result.code == 1
    for code, params in [
        ("sex.invalid", {"text": "X"}),
        ("occupation.unknown", {"value": "dokter"}),
        ("nagari.outside", {"nagari": "Muaro"}),
    ]:
        assert id_msg(code, **params) in result.err


def test_add_with_an_override_reason_records_it(kec_dir: Path, cli: Cli) -> None:
    from app.services import participants

    result = cli(*add_args(kec_dir, sex="L", override_reason="KTP salah cetak"), "--json")
    assert result.code == 0, result.err
    ctx = open_as(kec_dir)
    try:
        rec = participants.get(ctx, result.json()["reg_no"])
        assert rec.override_reason == "KTP salah cetak"
        assert participants.history(ctx, rec.uuid)[0].reason == "KTP salah cetak"
    finally:
        ctx.close()


def test_add_missing_a_required_flag_is_a_usage_error(kec_dir: Path, cli: Cli) -> None:
    result = cli("--data-dir", kec_dir, "add", "--nik", NIK_SITI)
    assert result.code == 2
    assert "argumen berikut wajib diisi" in result.err


# --- list ------------------------------------------------------------------------------------


@pytest.fixture
def listed_dir(kec_dir: Path, cli: Cli) -> Path:
    """30 approved demo participants and Siti Aminah (a draft) in Aie Amo."""
    assert cli("--data-dir", kec_dir, "demo", "--participants", "30", "--seed", "7").code == 0
    assert cli(*add_args(kec_dir)).code == 0
    return kec_dir


def test_list_everyone_with_masked_niks(listed_dir: Path, cli: Cli) -> None:
    result = cli("--data-dir", listed_dir, "list")
    assert result.code == 0
    assert id_text("{shown} of {total} participants shown", shown=31, total=31) in result.out
    assert "Siti Aminah" in result.out
    assert NIK_SITI not in result.out
    assert "130306" + "•" * 8 + "01" in result.out


def test_list_json_has_full_niks_and_iso_dates(listed_dir: Path, cli: Cli) -> None:
    rows = cli("--data-dir", listed_dir, "list", "--json").json()
    assert len(rows) == 31
    assert all(len(r["nik"]) == 16 and r["nik"].isdigit() for r in rows)
    [siti] = [r for r in rows if r["name"] == "Siti Aminah"]
    assert siti["nik"] == NIK_SITI
    assert siti["birth_date"] == "1980-08-07"


def test_list_search_by_name_word_and_nik_prefix(listed_dir: Path, cli: Cli) -> None:
    for search in ("siti", "AMINAH", NIK_SITI[:10], NIK_SITI, "130306-A-000031"):
        rows = cli("--data-dir", listed_dir, "list", "--search", search, "--json").json()
        assert [r["name"] for r in rows] == ["Siti Aminah"], search


def test_list_by_nagari_alias(listed_dir: Path, cli: Cli) -> None:
    rows = cli("--data-dir", listed_dir, "list", "--nagari", "aia amo", "--json").json()
    assert rows and {r["nagari"] for r in rows} == {"Aie Amo"}
    assert "Siti Aminah" in {r["name"] for r in rows}
    everyone = cli("--data-dir", listed_dir, "list", "--json").json()
    assert len(rows) == sum(r["nagari"] == "Aie Amo" for r in everyone)


def test_list_by_a_nagari_outside_the_kecamatan_is_refused(listed_dir: Path, cli: Cli) -> None:
    result = cli("--data-dir", listed_dir, "list", "--nagari", "Muaro")
    assert result.code == 1
    assert id_msg("nagari.outside", nagari="Muaro") in result.err


def test_list_by_status(listed_dir: Path, cli: Cli) -> None:
    drafts = cli("--data-dir", listed_dir, "list", "--status", "draft", "--json").json()
    assert [r["name"] for r in drafts] == ["Siti Aminah"]
    approved = cli("--data-dir", listed_dir, "list", "--status", "approved", "--json").json()
    assert len(approved) == 30
    assert cli("--data-dir", listed_dir, "list", "--status", "lost").code == 2


def test_list_limit(listed_dir: Path, cli: Cli) -> None:
    rows = cli("--data-dir", listed_dir, "list", "--limit", "5", "--json").json()
    assert len(rows) == 5
    names = [r["name"] for r in rows]
    assert names == sorted(names, key=str.casefold)
    text = cli("--data-dir", listed_dir, "list", "--limit", "5")
    assert id_text("{shown} of {total} participants shown", shown=5, total=31) in text.out


# --- check-nik -------------------------------------------------------------------------------


def test_check_nik_valid_names_the_regions(tmp_path: Path, cli: Cli) -> None:
    result = cli("--data-dir", tmp_path / "unused", "check-nik", NIK_SITI)
    assert result.code == 0
    for expected in (
        "Sumatera Barat",
        "Sijunjung",
        "13.03.06",
        "Kamang Baru",
        "07/08/1980",
        "0001",
    ):
        assert expected in result.out
    assert not (tmp_path / "unused").exists()  # needs no data dir


def test_check_nik_invalid_exits_1_with_the_reasons(cli: Cli) -> None:
    result = cli("check-nik", "1303063002800000")
    assert result.code == 1
    assert id_msg("nik.date", text="300280") in result.err
    assert id_msg("nik.serial_zero") in result.err


def test_check_nik_in_english(cli: Cli) -> None:
    result = cli("--lang", "en", "check-nik", "130306470880001")
    assert result.code == 1
    assert en_msg("nik.length", count=15) in result.err


def test_check_nik_json(cli: Cli) -> None:
    ok = cli("check-nik", "1303 0647 0880 0001", "--json")
    assert ok.code == 0
    data = ok.json()
    assert data["valid"] is True
    assert data["nik"] == NIK_SITI
    assert data["kecamatan"] == "13.03.06"
    assert data["kecamatan_name"] == "Kamang Baru"
    assert data["birth_date"] == "1980-08-07"
    assert data["sex"] == "P"
    assert data["serial"] == "0001"
    bad = cli("check-nik", "1303067208800001", "--json")
    assert bad.code == 1
    assert bad.json()["valid"] is False
    assert [e["code"] for e in bad.json()["errors"]] == ["nik.date"]


def test_check_nik_from_elsewhere_warns(cli: Cli) -> None:
    result = cli("check-nik", "1371014708800001")
    assert result.code == 0
    assert id_msg("nik.elsewhere", code="13.71.01") in result.out


# --- budget ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_1333(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("budget") / "kab"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("LINDUNGI_USER", CLI_USER)
        env.setenv("LINDUNGI_PASSWORD", CLI_PASSWORD)
        assert main(["--data-dir", str(path), "setup", "--role", "kabupaten"]) == 0
        assert main(["--data-dir", str(path), "demo", "--participants", "1333", "--seed", "1"]) == 0
    logsetup.configure(None)
    return path


def test_budget_2022_is_rp201_549_600(demo_1333: Path, cli: Cli) -> None:
    result = cli("--data-dir", demo_1333, "budget", "--year", "2022")
    assert result.code == 0
    assert "Rp201.549.600" in result.out
    assert "Rp22.394.400" in result.out
    assert "1.333" in result.out  # counts use the Indonesian thousands separator


def test_budget_2022_for_nine_months(demo_1333: Path, cli: Cli) -> None:
    result = cli("--data-dir", demo_1333, "budget", "--year", "2022", "--months", "9")
    assert result.code == 0
    assert "Rp201.549.600" in result.out


def test_budget_json(demo_1333: Path, cli: Cli) -> None:
    result = cli("--data-dir", demo_1333, "budget", "--year", "2022", "--json")
    assert result.code == 0
    data = result.json()
    total = data["rows"][-1]
    assert total["kecamatan"] is None
    assert total["participants"] == 1333
    assert total["total"] == 201549600
    assert total["monthly"] == 22394400
    assert {r["name"]: r["participants"] for r in data["rows"][:-1]} == {
        "Tanjung Gadang": 175,
        "Sijunjung": 222,
        "IV Nagari": 100,
        "Kamang Baru": 233,
        "Lubuk Tarok": 97,
        "Koto VII": 175,
        "Sumpur Kudus": 224,
        "Kupitan": 107,
    }
    nine = cli("--data-dir", demo_1333, "budget", "--year", "2022", "--months", "9", "--json")
    assert nine.json()["rows"][-1]["total"] == 201549600


@pytest.mark.parametrize(
    ("args", "code", "params"),
    [
        (["--year", "1999"], "budget.year", {"year": 1999}),
        (["--year", "2022", "--months", "13"], "budget.months", {"months": 13}),
    ],
)
def test_budget_refusals(
    demo_1333: Path, cli: Cli, args: list[str], code: str, params: dict[str, object]
) -> None:
    result = cli("--data-dir", demo_1333, "budget", *args)
    assert result.code == 1
    assert id_msg(code, **params) in result.err


def test_budget_without_a_year_is_a_usage_error(demo_1333: Path, cli: Cli) -> None:
    assert cli("--data-dir", demo_1333, "budget").code == 2


# --- regions import --------------------------------------------------------------------------


def test_regions_import_of_a_modified_table(kec_dir: Path, tmp_path: Path, cli: Cli) -> None:
    table = tmp_path / "wilayah_baru.csv"
    text = resource("reference", "wilayah_1303.csv").read_text("utf-8")
    text = text.replace(
        "13.03.06.2001,nagari,13.03.06,Sungai Lansek,",
        "13.03.06.2001,nagari,13.03.06,Sungai Lansek,Sei Lansek",
    )
    text += "13.03.06.2012,nagari,13.03.06,Koto Baru Kamang,\n"
    table.write_text(text, encoding="utf-8")
    result = cli("--data-dir", kec_dir, "regions", "import", table)
    assert result.code == 0, result.err
    assert id_text("Loaded {count} regions", count=73) in result.out
    new = cli(*add_args(kec_dir, nagari="Koto Baru Kamang"), "--json")
    assert new.code == 0, new.err
    alias = cli(*add_args(kec_dir, nik="1303064708800002", nagari="sei lansek"), "--json")
    assert alias.code == 0, alias.err
    rows = cli("--data-dir", kec_dir, "list", "--json").json()
    assert {r["nagari"] for r in rows} == {"Koto Baru Kamang", "Sungai Lansek"}


@pytest.mark.parametrize(
    ("content", "code", "params"),
    [
        (
            "kode,tingkat\n13,provinsi\n",
            "regions.columns",
            {"columns": "kode, tingkat, induk, nama, alias"},
        ),
        ("kode,tingkat,induk,nama,alias\n13.3,kecamatan,13,X,\n", "regions.row", {"line": 2}),
        (
            "kode,tingkat,induk,nama,alias\n13,provinsi,,Sumatera Barat,\n"
            "13.03,kabupaten,13,Sijunjung,Sijunjuang,Sijunjung Kab\n",
            "regions.row",
            {"line": 3},
        ),
        (
            "kode,tingkat,induk,nama,alias\n13,provinsi,,S,\n13.71,kabupaten,13,P,\n"
            "13.71.01,kecamatan,13.71,K,\n",
            "regions.no_regency",
            {"code": "13.03"},
        ),
    ],
)
def test_regions_import_refuses_a_bad_table(
    kec_dir: Path,
    tmp_path: Path,
    cli: Cli,
    content: str,
    code: str,
    params: dict[str, object],
) -> None:
    table = tmp_path / "bad.csv"
    table.write_text(content, encoding="utf-8")
    result = cli("--data-dir", kec_dir, "regions", "import", table)
    assert result.code == 1
    assert id_msg(code, **params) in result.err


def test_regions_import_of_a_missing_file(kec_dir: Path, tmp_path: Path, cli: Cli) -> None:
    missing = tmp_path / "nowhere.csv"
    result = cli("--data-dir", kec_dir, "regions", "import", missing)
    assert result.code == 1
    assert id_msg("file.missing", path=str(missing)) in result.err


# --- selftest, usage, data dir, bugs -----------------------------------------------------------


def test_selftest_passes(cli: Cli) -> None:
    result = cli("selftest")
    assert result.code == 0, result.out
    assert "GAGAL" not in result.out.upper()
    # What each step found is in Indonesian too, not only the names of the steps.
    assert "2 halaman" in result.out and "kartu asli" in result.out
    assert re.search(r"\(\d+,\d\d dtk\)", result.out)  # 0,16 dtk: a decimal comma
    for english in ("pages", "records sent", "sheets", "participants", " s)"):
        assert english not in result.out


def test_selftest_json(cli: Cli) -> None:
    result = cli("selftest", "--json")
    assert result.code == 0
    data = result.json()
    assert data["passed"] is True
    assert data["checks"] and all(c["ok"] for c in data["checks"])


def test_an_option_must_be_written_out_so_a_password_is_never_read_as_a_file_name(
    cli: Cli, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kab"
    result = cli("--data-dir", data_dir, "setup", "--role", "kabupaten", "--password", "Rahasia-1")
    assert result.code == 2 and "--password" in result.err
    assert not data_dir.exists()


def test_a_password_file_that_is_missing_empty_or_a_folder_is_named_with_the_reason(
    cli: Cli, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    data_dir = tmp_path / "kab"
    setup: tuple[object, ...] = ("--data-dir", data_dir, "setup", "--role", "kabupaten")
    setup += ("--admin", "admin", "--password-file")
    assert cli(*setup, tmp_path / "none.txt").err.strip().endswith(": tidak ada.")
    assert "Baris pertama" in cli(*setup, empty).err
    assert cli(*setup, tmp_path).err.strip().endswith("itu folder, bukan berkas.")
    assert (
        cli("--lang", "en", *setup, tmp_path / "none.txt")
        .err.strip()
        .endswith("it does not exist.")
    )


@pytest.mark.parametrize(
    "argv", [["frobnicate"], ["--lang", "xx", "list"], ["list", "--limit", "lots"], ["regions"]]
)
def test_usage_errors_exit_2(cli: Cli, argv: list[str]) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert "penggunaan" in result.err


def test_data_dir_option_beats_the_environment(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_dir, option_dir = tmp_path / "from-env", tmp_path / "from-option"
    monkeypatch.setenv("LINDUNGI_DATA_DIR", str(env_dir))
    assert cli("setup", "--role", "kabupaten").code == 0
    assert (env_dir / "lindungi.sqlite").is_file()
    # The environment's dir is set up already; the option's is not: setup succeeds there.
    result = cli("--data-dir", option_dir, "setup", "--role", "kabupaten")
    assert result.code == 0, result.err
    assert (option_dir / "lindungi.sqlite").is_file()
    assert cli("setup", "--role", "kabupaten").code == 1


def test_language_from_the_environment_and_the_option_beats_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINDUNGI_LANG", "en")
    assert en_msg("nik.length", count=3) in cli("check-nik", "123").err
    assert id_msg("nik.length", count=3) in cli("--lang", "id", "check-nik", "123").err


def test_a_bug_exits_70_and_names_the_log(
    kec_dir: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(core, "cmd_list", broken)
    result = cli("--data-dir", kec_dir, "list")
    assert result.code == 70
    log = logsetup.log_files(kec_dir)[-1]  # this process's own file, the newest
    assert str(log) in result.err
    logsetup.configure(None)  # flush and close before reading
    assert "RuntimeError: boom" in log.read_text("utf-8")


def test_a_bug_without_a_log_shows_its_details_instead(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # selftest runs without a data dir, so without a log file: no "written to -."
    def broken(_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(core, "cmd_selftest", broken)
    result = cli("selftest")
    assert result.code == 70
    assert "RuntimeError: boom" in result.err
    assert id_msg("bug.above") in result.err
    assert " -." not in result.err


# --- as a real process ---------------------------------------------------------------------------


def run_process(*args: object, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNGI_")}
    env.update(LINDUNGI_USER=CLI_USER, LINDUNGI_PASSWORD=CLI_PASSWORD)  # the test account
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_exit_codes_of_the_real_process(tmp_path: Path) -> None:
    path = tmp_path / "kab"
    assert (
        run_process("-m", "app", "--data-dir", path, "setup", "--role", "kabupaten").returncode == 0
    )
    again = run_process("-m", "app", "--data-dir", path, "setup", "--role", "kabupaten")
    assert again.returncode == 1
    assert "Galat" in again.stderr
    assert run_process("-m", "app", "frobnicate").returncode == 2
    assert run_process("-m", "app", "check-nik", "123").returncode == 1


def test_non_gui_commands_do_not_import_qt(tmp_path: Path) -> None:
    path = str(tmp_path / "kec")
    script = f"""
import sys, app.main
def run(*argv):
    assert app.main.main(list(argv)) == 0, argv
run('check-nik', '1303064708800001')
run('--data-dir', {path!r}, 'setup', '--role', 'kecamatan', '--kecamatan', '13.03.06')
run('--data-dir', {path!r}, 'demo', '--participants', '10', '--seed', '1')
run('--data-dir', {path!r}, 'list', '--search', 'a')
run('--data-dir', {path!r}, 'budget', '--year', '2022', '--json')
qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))
assert not qt, qt
"""
    result = run_process("-c", script)
    assert result.returncode == 0, result.stderr


def test_check_nik_as_given_in_the_brief_imports_no_qt() -> None:
    result = run_process(
        "-c",
        "import sys, app.main; app.main.main(['check-nik','1303064708800001']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules)",
    )
    assert result.returncode == 0, result.stderr


def test_commands_on_a_data_dir_that_was_never_set_up_say_how_to_set_it_up(tmp_path, capsys):
    fresh = str(tmp_path / "fresh")
    for command in (["list"], ["budget", "--year", "2022"], ["approve", "--all"]):
        assert main(["--data-dir", fresh, *command]) == 1
        # The hint can be typed as it stands: with the --data-dir that was given.
        assert f"lindungi --data-dir {fresh} setup --role" in capsys.readouterr().err
