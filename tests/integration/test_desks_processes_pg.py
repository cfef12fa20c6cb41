"""Two desks at the Dinas as two programs: each PC its own data dir (the second joined with
``database join``), each command its own process, both merging at the same moment.

tests/integration/test_desks_pg.py runs desks as threads of one test process; here nothing
is shared but the server, as on two PCs. Needs a server (``LINDUNGI_TEST_PG``, see
tests/pg.py): skipped without one, except under CI, where it must run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from app.store import pg
from tests.conftest import CLI_PASSWORD, CLI_USER

RINA_PW = "rina-sandi-123"
OFFICES = (("13.03.06", "130306-A"), ("13.03.04", "130304-A"))
PEOPLE = 250  # each office's second bundle


def _write(path: Path, body: str) -> Path:
    path.write_text(body + "\n", encoding="utf-8")
    return path


def _start(data_dir: Path, user: str, password: str, *args: object) -> subprocess.Popen[str]:
    env = dict(os.environ, LINDUNGI_LANG="en", LINDUNGI_USER=user, LINDUNGI_PASSWORD=password)
    env.pop("LINDUNGI_DATA_DIR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run(data_dir: Path, *args: object, user: str = CLI_USER, pw: str = CLI_PASSWORD) -> str:
    proc = _start(data_dir, user, pw, *args)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 3), (args, out, err)  # 3: a first bundle held
    return out


def test_two_desks_as_two_programs_merge_two_offices_at_once(
    pg_url: str, tmp_path: Path, cli: Any, cli_account: Any
) -> None:
    address, password = pg.parse(pg_url)
    assert password is not None
    db_pw = _write(tmp_path / "db-password", password)
    usb = tmp_path / "usb"
    usb.mkdir()
    a, b = tmp_path / "desk-a", tmp_path / "desk-b"
    code, _out, err = cli(
        "--data-dir", a, "setup", "--role", "kabupaten", "--database", address.display(),
        "--database-password-file", db_pw,
    )  # fmt: skip
    assert code == 0, err
    rina_pw = _write(tmp_path / "rina-pw", RINA_PW)
    code, _out, err = cli(
        "--data-dir", a, "user", "add", "rina", "--role", "supervisor", "--password-file", rina_pw
    )
    assert code == 0, err
    code, _out, err = cli(
        "--data-dir", b, "--user", "rina", "--password-file", rina_pw,
        "database", "join", address.display(), "--database-password-file", db_pw,
    )  # fmt: skip
    assert code == 0, err

    # Each office sets up from its enrolment file, sends one person, and is confirmed.
    offices: list[Path] = []
    for kecamatan, place in OFFICES:
        code, _out, err = cli(
            "--data-dir", a, "enrol-file", "--kecamatan", kecamatan, "--station", "A", "--out", usb
        )
        assert code == 0, err
        office = tmp_path / place
        code, _out, err = cli(
            "--data-dir", office, "setup", "--enrol", usb / f"LINDUNGI-{place}.lenrol"
        )
        assert code == 0, err
        offices.append(office)
        _run(office, "demo", "--participants", 1, "--seed", len(offices) + 1)
        _run(office, "approve", "--all")
        _run(office, "bundle", "export", "--out", usb)
        _run(a, "bundle", "import", usb / f"LINDUNGI-{place}-000001.lbundle")
        fingerprint = _run(office, "whoami", "--fingerprint").strip()
        _run(a, "offices", "confirm", place, fingerprint)

    # Each office's second bundle, merged by the two desks at the same moment.
    bundles = []
    for seed, (office, (_kec, place)) in enumerate(zip(offices, OFFICES, strict=True)):
        _run(office, "demo", "--participants", PEOPLE, "--seed", 11 + seed)
        _run(office, "approve", "--all")
        _run(office, "bundle", "export", "--out", usb)
        bundles.append(usb / f"LINDUNGI-{place}-000002.lbundle")
    desks = [
        _start(a, CLI_USER, CLI_PASSWORD, "bundle", "import", bundles[0]),
        _start(b, "rina", RINA_PW, "bundle", "import", bundles[1]),
    ]
    for desk in desks:
        out, err = desk.communicate(timeout=300)
        assert desk.returncode == 0, (out, err)
        assert "imported" in out and f"new {PEOPLE}" in out, out

    # Nothing lost, no number twice, the chain whole; and each desk sees both merges.
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            numbers = [r for (r,) in conn.execute(text("SELECT reg_no FROM participant"))]
    finally:
        engine.dispose()
    assert len(numbers) == 2 * (PEOPLE + 1) == len(set(numbers))
    assert "The audit trail is whole" in _run(a, "audit", "verify")
    for at, user, pw in ((a, CLI_USER, CLI_PASSWORD), (b, "rina", RINA_PW)):
        shown = _run(at, "offices", user=user, pw=pw).splitlines()
        for _kec, place in OFFICES:
            (line,) = [line for line in shown if line.startswith(place)]
            assert "#2 " in line and f" {PEOPLE + 1} " in line, line
