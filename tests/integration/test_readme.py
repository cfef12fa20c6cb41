"""The README's walkthrough, run as written, says what the README says it does.

The block is taken from README.md and run by bash with the installed ``lindungi`` on the
PATH, in an empty folder that holds only what the README says the reader brings: the
password file, a nagari's sheet and BPJS's reply.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]

# The walkthrough is a POSIX shell block; Windows runners may offer WSL's bash, not a shell
# with this venv's lindungi on its PATH.
pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or sys.platform == "win32", reason="needs a POSIX shell"
)

# Two good rows and one with a NIK of the wrong length, for --refused-out.
SHEET = [
    [
        "No",
        "NIK",
        "Nama",
        "Tempat Lahir",
        "Tanggal Lahir",
        "L/P",
        "Nagari",
        "Pekerjaan",
        "Penghasilan",
    ],
    [
        1,
        "1303061203850001",
        "Rustam Efendi",
        "Sijunjung",
        "12/03/1985",
        "L",
        "Aie Amo",
        "petani",
        1_500_000,
    ],
    [
        2,
        "1303065509900002",
        "Nurhayati",
        "Kamang",
        "15/09/1990",
        "P",
        "Aie Amo",
        "pedagang",
        900_000,
    ],
    [
        3,
        "13030612038500",
        "Baris Salah",
        "Kamang",
        "12/03/1985",
        "L",
        "Aie Amo",
        "petani",
        1_000_000,
    ],
]


def walkthrough() -> str:
    """The shell block that follows "A whole year, end to end" in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("A whole year, end to end")
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block is not None
    return block.group(1)


def _walk(tmp_path: Path, block: str) -> tuple[str, str]:
    """Run ``block`` in ``tmp_path`` with what the reader brings; its output and errors."""
    (tmp_path / "pw.txt").write_text("rahasia-kabupaten-1\n", encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in SHEET:
        ws.append(row)
    wb.save(tmp_path / "nagari-aie-amo.xlsx")
    reply = Workbook()
    rs = reply.active
    assert rs is not None
    rs.append(["NIK", "No KPJ"])
    rs.append(["1303064708800001", "22071234567"])
    reply.save(tmp_path / "dari-bpjs.xlsx")

    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["LINDUNGI_LANG"] = "id"
    env.pop("LINDUNGI_DATA_DIR", None)
    run = subprocess.run(
        ["bash", "-c", block],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return run.stdout, run.stderr


def test_the_readme_walkthrough_counts_what_it_registered(tmp_path: Path) -> None:
    out, err = _walk(tmp_path, walkthrough())
    _the_year_went_as_the_readme_says(tmp_path, out, err)


def test_the_readme_walkthrough_with_the_kabupaten_on_a_server(tmp_path: Path, pg_url: str) -> None:
    """The same year with the kabupaten's register on PostgreSQL (the README's setup line
    with ``--database``): every command, each its own process, works as on SQLite."""
    from app.store import pg

    address, password = pg.parse(pg_url)
    assert password is not None
    (tmp_path / "db-password").write_text(password + "\n", encoding="utf-8")
    setup = "$L --data-dir kab setup --role kabupaten"
    block = walkthrough()
    assert block.count(setup + "\n") == 1
    on_server = f"{setup} --database '{address.display()}' --database-password-file db-password"
    block = block.replace(setup + "\n", on_server + "\n") + "$L --data-dir kab database where\n"
    out, err = _walk(tmp_path, block)
    assert f"postgresql://{address.user}@" in out, out  # the register was on the server
    _the_year_went_as_the_readme_says(tmp_path, out, err)


def _the_year_went_as_the_readme_says(tmp_path: Path, out: str, err: str) -> None:
    year = dt.date.today().year

    # Every registration falls in a programme year: no warning, no error anywhere.
    assert "Peringatan" not in err and "Galat" not in err, err
    assert f"Tahun program {year} dibuat" in out
    assert "Kecamatan Kamang Baru (11 nagari)" in out
    assert "Terdaftar 130306-A-000001" in out
    assert "Baru: 2, ganda: 0, ditolak: 1" in out
    assert "3 data disetujui" in out
    assert "Acara penyerahan #1 dibuka" in out
    assert "ditahan" in out  # the first bundle waits for the office's fingerprint
    assert "Kantor 130306-A dikonfirmasi" in out and "baru 3" in out
    # The dashboard and the recap count the three of this year against the quota.
    assert f"Tahun {year}: 3 peserta, kuota 1.333" in out
    assert re.search(r"13\.03\.06\s+Kamang Baru\s+3\s+233", out), out
    assert (tmp_path / "rekap.pdf").stat().st_size > 5_000
    if shutil.which("pdftotext"):
        recap = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "rekap.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert f"Pada tahun {year} terdapat 3 peserta" in recap
    assert (tmp_path / "perbaiki.xlsx").is_file()
    assert (tmp_path / "tanda-terima.pdf").is_file()
    # The receipt came back to the office: its three records are now accepted.
    assert "diterima 3, aktif 0" in out
