"""The server stops in the middle of a merge: afterwards the merge is wholly there or
wholly absent, and the desk says what happened instead of crashing.

This test runs a PostgreSQL cluster of its own (scripts/pg-test-server.sh, on another
port and folder), since it stops it with ``pg_ctl stop -m immediate`` (the server dies as
on a power cut) while a bundle's rows are written and before they are committed, then
starts it again. Skipped when no PostgreSQL binaries are installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services import participants, trust
from app.services.sync import bundle_import, export
from tests.actors import ADMIN
from tests.integration.sync_world import KEC_A, person
from tests.opening import open_as

pytestmark = pytest.mark.usefixtures("cli_account")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pg-test-server.sh"
PORT = "5447"


def _bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if versions:
        return versions[-1].parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _create_database(url: str, name: str) -> None:
    from sqlalchemy import text

    from app.store.pg import make_pg_engine, parse

    address, password = parse(url)
    engine = make_pg_engine(address, password, busy_timeout_s=5)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()


@pytest.fixture
def own_server() -> Iterator[dict[str, Any]]:
    """A cluster of this test's own: its URL, and how to stop and start it."""
    bin_dir = _bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries (Debian: apt-get install postgresql)")
    folder = Path(f"/tmp/lindungi-pg-stop-{os.getpid()}")
    env = os.environ | {"PG_TEST_DIR": str(folder), "PG_TEST_PORT": PORT, "PG_BIN": str(bin_dir)}
    try:
        started = subprocess.run(
            ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, check=False
        )
        if started.returncode != 0:
            pytest.fail(f"no PostgreSQL cluster could start: {started.stderr.strip()[-300:]}")
        exported = [ln for ln in started.stdout.splitlines() if "LINDUNGI_TEST_PG=" in ln]
        url = exported[0].split("=", 1)[1].strip("'")
        _create_database(url, "lindungi")
        owner = folder.stat().st_uid

        def pg_ctl(*args: str) -> None:
            cmd = [str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), *args]
            if os.getuid() == 0 and owner != 0:
                import pwd
                import shlex

                line = shlex.join(cmd)
                cmd = ["su", "-s", "/bin/sh", pwd.getpwuid(owner).pw_name, "-c", line]
            subprocess.run(cmd, check=True, capture_output=True)

        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={PORT} "
            f"-c unix_socket_directories={folder} -c max_connections=50"
        )
        log = str(folder / "server.log")
        yield {
            "url": url.replace("/postgres", "/lindungi"),
            "kill": lambda: pg_ctl("-m", "immediate", "-w", "stop"),
            "start": lambda: pg_ctl("-l", log, "-w", "-t", "60", "start", "-o", opts),
        }
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, check=False)


def test_a_merge_cut_by_the_server_stopping_is_absent_then_merges_whole(
    cli: Any,
    tmp_path: Path,
    make_ctx: Any,
    own_server: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dinas = tmp_path / "dinas"
    code, _out, err = cli(
        "--data-dir", dinas, "setup", "--role", "kabupaten", "--database", own_server["url"]
    )
    assert code == 0, err
    usb = tmp_path / "usb"
    usb.mkdir()
    kab = open_as(dinas)
    try:
        enrolment = trust.write_enrolment(kab, ADMIN, KEC_A, "A", usb).path
    finally:
        kab.close()
    office = make_ctx("kecamatan", name="kec-a", setup=False)
    trust.setup_from_enrolment(office, ADMIN, enrolment)
    regs = [participants.register(office, ADMIN, person(1)).reg_no]
    participants.approve(office, ADMIN, regs)
    first = export.export_bundle(office, ADMIN, usb).path
    assert cli("--data-dir", dinas, "bundle", "import", first)[0] == 3  # held: unconfirmed
    fingerprint = trust.whoami(office).fingerprint
    code, _out, err = cli("--data-dir", dinas, "offices", "confirm", "130306-A", fingerprint)
    assert code == 0, err

    more = [
        participants.register(office, ADMIN, person(i, name=f"Peserta {i}")).reg_no
        for i in range(2, 202)
    ]
    participants.approve(office, ADMIN, more)
    bundle = export.export_bundle(office, ADMIN, usb).path

    # The server dies after the bundle's 200 rows were written, before they are committed.
    real_commit = bundle_import._commit

    def commit_then_power_cut(*args: Any, **kwargs: Any) -> Any:
        done = real_commit(*args, **kwargs)
        own_server["kill"]()
        return done

    monkeypatch.setattr(bundle_import, "_commit", commit_then_power_cut)
    code, out, err = cli("--data-dir", dinas, "bundle", "import", bundle)
    assert code == 1, (out, err)  # a clear refusal, not a crash (70)
    assert "Traceback" not in err
    assert "terputus" in err and "tidak tersimpan" in err  # the desk says what happened
    monkeypatch.setattr(bundle_import, "_commit", real_commit)

    own_server["start"]()
    kab = open_as(dinas)
    try:
        assert participants.count(kab) == 1  # wholly absent
    finally:
        kab.close()
    code, _out, err = cli("--data-dir", dinas, "bundle", "import", bundle)
    assert code == 0, err
    kab = open_as(dinas)
    try:
        assert participants.count(kab) == 201  # and now wholly there
        from app.services import audit

        assert audit.verify(kab).ok
    finally:
        kab.close()
