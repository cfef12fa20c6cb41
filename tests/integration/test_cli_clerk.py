"""The command line as a clerk reads it: Indonesian words, labels, counts, warnings.

Each test names what a clerk would notice if it came back: codes instead of words, a missing
year nobody warns about, a refused command that leaves folders behind, a bare "1".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import ADD_SITI, Cli, cli, kec_dir  # noqa: F401

ARGS_SITI = [x for kv in ADD_SITI.items() for x in kv]

# Every command signs in as the test's administrator (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("cli_account")


def test_a_year_without_programme_year_is_named_with_the_command_that_creates_it(
    cli: Cli,  # noqa: F811
    kec_dir: Path,  # noqa: F811
) -> None:
    d = ("--data-dir", kec_dir)
    args = [a if a != "01/04/2022" else "01/04/2026" for a in ARGS_SITI]
    r = cli(*d, "add", *args)
    assert r.code == 0
    assert "Peringatan: Tahun program 2026 belum ada" in r.err
    assert "lindungi year add 2026 --copy-from 2022" in r.err
    assert "Peringatan" in cli(*d, "budget", "--year", "2026").err
    assert cli(*d, "year", "add", "2026", "--copy-from", "2022").code == 0
    assert cli(*d, "budget", "--year", "2026").err == ""
    # A registration in a year that exists says nothing.
    assert (
        "Peringatan"
        not in cli(
            *d,
            "add",
            *ARGS_SITI[:-2],
            "--nik",
            "1303061203850001",
            "--sex",
            "L",
            "--birth-date",
            "12/03/1985",
        ).err
    )


def test_show_tells_the_history_in_words_and_list_takes_the_words_it_prints(
    cli: Cli,  # noqa: F811
    kec_dir: Path,  # noqa: F811
) -> None:
    d = ("--data-dir", kec_dir)
    assert cli(*d, "add", *ARGS_SITI).code == 0
    assert cli(*d, "approve", "--all").code == 0
    shown = cli(*d, "show", "130306-A-000001").out
    history = shown.split("Riwayat", 1)[1]
    assert "Didaftarkan" in history and "Disetujui" in history
    assert "Status: Draf → Disetujui" in history
    assert "Tanggal lahir: 07/08/1980" in history
    for code in ("create", "approve", "reg_no", "birth_date", "nagari_code", "None", "1980-08-07"):
        assert code not in history, code
    listed = cli(*d, "list", "--status", "disetujui")
    assert listed.code == 0 and "130306-A-000001" in listed.out
    assert cli(*d, "list", "--status", "draft").out.count("130306-A-") == 0
    wrong = cli(*d, "list", "--status", "baru")
    assert wrong.code == 2 and "draf|disetujui|diterima|aktif|nonaktif" in wrong.err


def test_every_error_of_add_shows_at_once_under_its_label(
    cli: Cli,  # noqa: F811
    kec_dir: Path,  # noqa: F811
) -> None:
    args = dict(ADD_SITI)
    args |= {"--nik": "13030647088", "--birth-date": "32/08/1980", "--sex": "X", "--name": ""}
    r = cli("--data-dir", kec_dir, "add", *[x for kv in args.items() for x in kv])
    assert r.code == 1
    for label in ("Jenis kelamin", "Tanggal lahir", "Nama", "NIK"):
        assert f"Galat — {label}:" in r.err, r.err
    assert "[" not in r.err


def test_audit_and_backups_read_as_words(cli: Cli, kec_dir: Path) -> None:  # noqa: F811
    d = ("--data-dir", kec_dir)
    assert cli(*d, "backup").code == 0
    backups = cli(*d, "backup", "--list").out
    assert "dibuat manual" in backups and "manual " not in backups.replace("dibuat manual", "")
    trail = cli(*d, "audit", "list").out
    assert "Peran: Kecamatan" in trail
    assert "role:" not in trail and "fingerprint:" not in trail and "None" not in trail
    # One fingerprint scheme: the key's audit entry shows what whoami shows.
    fingerprint = cli(*d, "whoami", "--fingerprint").out.strip()
    assert len(fingerprint) == 29 and f"Sidik jari: {fingerprint}" in trail


def test_handover_open_says_what_it_opened(cli: Cli, kec_dir: Path) -> None:  # noqa: F811
    d = ("--data-dir", kec_dir)
    r = cli(*d, "handover", "open", "--place", "Kantor Camat", "--officials", "Camat; Kadis")
    assert r.out.strip() == "Acara penyerahan #1 dibuka"
    # Two officials are a list, not a change from one to the other.
    assert "Pejabat: Camat, Kadis" in cli(*d, "audit", "list").out

    from app.services.changes import describe

    counts = describe('{"counts": {"new": 1200, "duplicates": 2, "handovers": 1}}')
    assert counts == ["Jumlah: baru 1.200, kemungkinan ganda 2, acara penyerahan 1"]


def test_regions_list_names_the_nagari_add_takes(cli: Cli, kec_dir: Path) -> None:  # noqa: F811
    r = cli("--data-dir", kec_dir, "regions", "list")
    assert r.code == 0
    assert "13.03.06  Kecamatan Kamang Baru (11 nagari)" in r.out
    assert "13.03.06.2004  Aie Amo" in r.out
    assert "regions list" in cli("add", "--help").out
    demo_help = cli("demo", "--help").out
    assert "--participants N  berapa" in demo_help and "--seed S" in demo_help
    assert "benih yang sama" in demo_help


def test_a_refused_command_and_a_failed_setup_leave_nothing_behind(
    cli: Cli,  # noqa: F811
    tmp_path: Path,
) -> None:
    fresh = tmp_path / "belum"
    r = cli("--data-dir", fresh, "list")
    assert r.code == 1 and "belum disiapkan" in r.err
    assert not fresh.exists()
    failed = tmp_path / "gagal"
    r = cli("--data-dir", failed, "setup", "--role", "kecamatan", "--kecamatan", "99.99.99")
    assert r.code == 1
    assert not failed.exists()
    kept = tmp_path / "ada"
    kept.mkdir()
    (kept / "catatan.txt").write_text("punya saya", encoding="utf-8")
    assert cli("--data-dir", kept, "setup", "--role", "kecamatan", "--kecamatan", "99").code == 1
    assert [p.name for p in kept.iterdir()] == ["catatan.txt"]


def test_counts_carry_the_thousands_dot(cli: Cli, kec_dir: Path) -> None:  # noqa: F811
    r = cli("--data-dir", kec_dir, "demo", "--participants", "1200", "--seed", "3")
    assert r.out.splitlines()[0] == "Ditambahkan 1.200 peserta demo"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a display is always there")
def test_the_gui_without_a_screen_says_so_and_exits_refused(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["LINDUNGI_LANG"] = "id"
    r = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "d")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1, r.stderr
    assert "tidak dapat menampilkan jendelanya" in r.stderr


def test_cards_lists_the_names_it_had_to_shorten(
    cli: Cli,  # noqa: F811
    kec_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    d = ("--data-dir", kec_dir)
    huge = (
        "Sutan Bagindo Alam Pamuncak Rajo Nan Sati Datuak Bandaro Kayo Nan Gadang Basa "
        "Hj. Nurhayati Binti Muhammad Syafei Datuak Rangkayo"
    )
    args = [a if a != "Siti Aminah" else huge for a in ARGS_SITI]
    assert cli(*d, "add", *args).code == 0
    assert cli(*d, "approve", "--all").code == 0
    r = cli(*d, "cards", "--out", tmp_path / "k.pdf", "--all")
    assert r.code == 0
    assert "1 nama terlalu panjang untuk kartu" in r.err
    assert f"130306-A-000001: {huge}" in r.err


def test_the_calibration_works_out_the_offsets_from_what_was_measured(
    cli: Cli,  # noqa: F811
    kec_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    d = ("--data-dir", kec_dir)
    r = cli(*d, "card-calibration", "--measured-front", "11,5", "9")
    assert r.code == 0
    assert "Geseran depan: x −1,5 mm, y +1,0 mm" in r.out
    # Measured again after printing with those offsets: the rest is added to them.
    r = cli(*d, "card-calibration", "--measured-front", "10,5", "10", "--out", tmp_path / "k.pdf")
    assert "x −2,0 mm, y +1,0 mm" in r.out
    from app.cards.pdftext import read

    text = read((tmp_path / "k.pdf").read_bytes()).text
    assert "x −2,0 mm, y +1,0 mm" in text and "seharusnya 10 mm" in text
    bad = cli(*d, "card-calibration", "--measured-back", "11", "sebelas")
    assert bad.code == 1 and "'sebelas' bukan jarak" in bad.err
    assert "Geseran" not in bad.out


def test_year_list_names_the_funding_source(cli: Cli, kec_dir: Path) -> None:  # noqa: F811
    listed = cli("--data-dir", kec_dir, "year", "list").out
    assert "APBD Kabupaten 1.333" in listed and "apbd 1.333" not in listed
