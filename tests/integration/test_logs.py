"""Log files never carry NIKs, names or keys (UU Adminduk Pasal 95A, UU PDP)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import logsetup
from app.main import main

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")

NIK = "1303064708800001"
NAME = "Yusnimar Wati"


def test_a_working_day_leaves_no_personal_data_in_the_log(tmp_path: Path, capsys) -> None:
    data = tmp_path / "kec"
    base = ["--data-dir", str(data), "--verbose"]
    assert main([*base, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06"]) == 0
    add = [
        *base,
        "add",
        "--nik",
        NIK,
        "--name",
        NAME,
        "--birth-place",
        "Sijunjung",
        "--birth-date",
        "07/08/1980",
        "--sex",
        "P",
        "--nagari",
        "Aie Amo",
        "--occupation",
        "petani",
    ]
    assert main(add) == 0
    assert main(add) == 1  # a duplicate, refused
    assert main([*base, "approve", "--all"]) == 0
    assert main([*base, "list", "--search", "yusni"]) == 0
    assert main([*base, "cards", "--out", str(tmp_path / "k.pdf"), "--all"]) == 0
    assert main([*base, "backup"]) == 0
    capsys.readouterr()
    logsetup.configure(None)  # flush and close before reading
    log = "".join(p.read_text(encoding="utf-8") for p in logsetup.log_files(data))
    assert log  # something was logged
    assert NIK not in log
    assert NIK[:12] not in log
    assert "Yusnimar" not in log
    assert "PRIVATE KEY" not in log
    keys = list((data / "keys").iterdir())
    assert keys, "the install's signing key exists"
    if os.name == "posix":  # on Windows the per-user profile folder protects them
        for key in keys:
            assert key.stat().st_mode & 0o077 == 0, f"{key.name} is readable by others"
