"""Logs survive two processes sharing a data dir (the GUI open while a command runs).

On Windows a file another process holds open cannot be renamed or deleted; the old shared,
rotating lindungi.log then lost every record of both. Here Windows is simulated: renaming
fails, deleting an open file fails."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from app import logsetup


@pytest.fixture(autouse=True)
def _close_logs() -> object:
    yield
    logsetup.configure(None)


def _windows_file_rules(monkeypatch: pytest.MonkeyPatch, held: set[Path]) -> None:
    def no_rename(*_args: object, **_kw: object) -> None:
        raise PermissionError(32, "The process cannot access the file")

    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self in held:
            raise PermissionError(32, "The process cannot access the file")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(os, "rename", no_rename)
    monkeypatch.setattr(os, "replace", no_rename)
    monkeypatch.setattr(Path, "unlink", unlink)


def test_each_process_writes_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _windows_file_rules(monkeypatch, set())
    monkeypatch.setattr(os, "getpid", lambda: 1111)
    gui = logsetup.configure(tmp_path)
    logging.getLogger("gui").info("gui record")
    monkeypatch.setattr(os, "getpid", lambda: 2222)
    cli = logsetup.configure(tmp_path)
    logging.getLogger("cli").info("cli record")
    logsetup.configure(None)
    assert gui and cli and gui != cli
    assert gui.name.endswith("-1111.log") and cli.name.endswith("-2222.log")
    assert "gui record" in gui.read_text("utf-8")
    assert "cli record" in cli.read_text("utf-8")
    assert logsetup.log_files(tmp_path) == sorted([gui, cli], key=lambda p: p.name)


def test_a_full_file_continues_in_a_new_one_without_renaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _windows_file_rules(monkeypatch, set())
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2_000)
    first = logsetup.configure(tmp_path)
    for n in range(100):
        logging.getLogger("x").info("record %03d %s", n, "." * 40)
    logsetup.configure(None)
    files = logsetup.log_files(tmp_path)
    assert first is not None and files[0] == first
    assert len(files) > 2
    assert files[1].name == first.name.replace(".log", "-2.log")
    text = "".join(p.read_text("utf-8") for p in files)
    assert all(f"record {n:03d}" in text for n in range(100))  # nothing lost
    assert "PermissionError" not in capsys.readouterr().err


def test_old_files_are_pruned_except_one_still_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    old = [logs / f"lindungi-20260101-0000{n:02d}-9.log" for n in range(30)]
    for path in old:
        path.write_text("old\n", encoding="utf-8")
    _windows_file_rules(monkeypatch, {old[0]})  # the oldest is held open elsewhere
    new = logsetup.configure(tmp_path)
    files = logsetup.log_files(tmp_path)
    assert new in files and old[0] in files
    assert len(files) == logsetup.KEEP_FILES + 1  # the held one stays until a later start
    assert old[-1] in files and old[1] not in files


def test_an_unwritable_data_dir_still_runs(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert logsetup.configure(blocker) is None
