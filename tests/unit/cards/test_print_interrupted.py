"""A print job stopped between putting its PDF in place and committing its records: the
PDF never stays without its records (serials the next job would issue again)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from app.services import cards, pending_print
from app.services.actor import Actor, Role
from app.services.cards import Selection
from app.services.context import PENDING_PRINT, Context
from tests.opening import open_as

OPERATOR = Actor("ani", Role.OPERATOR)


class Killed(BaseException):
    """Stands for the process dying: nothing after it runs in the job."""


def _dies_after_the_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        real(src, dst)
        if str(dst).endswith(".pdf"):  # the PDF's rename, not the note's
            raise Killed

    monkeypatch.setattr(os, "replace", replace)


def _print(ctx: Context, out: Path) -> cards.PrintResult:
    out.parent.mkdir(exist_ok=True)
    return cards.print_cards(ctx, OPERATOR, Selection(everyone=True), out)


def test_a_job_stopped_after_the_rename_takes_its_pdf_away(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "usb" / "kartu.pdf"
    _dies_after_the_rename(monkeypatch)
    with pytest.raises(Killed):
        _print(ctx, out)
    assert not out.exists() and not list(out.parent.iterdir())
    assert cards.counts(ctx).get("print", 0) == 0
    assert not (ctx.data_dir / PENDING_PRINT).exists()


def test_a_job_killed_before_its_commit_is_undone_when_the_register_opens_next(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "usb" / "kartu.pdf"
    _dies_after_the_rename(monkeypatch)
    monkeypatch.setattr(pending_print, "undo", lambda data_dir: False)  # a kill runs nothing
    with pytest.raises(Killed):
        _print(ctx, out)
    assert out.is_file() and (ctx.data_dir / PENDING_PRINT).is_file()  # as a kill leaves it
    monkeypatch.undo()
    data_dir = ctx.data_dir
    ctx.close()
    again = open_as(data_dir)
    try:
        assert not out.exists()
        assert not (data_dir / PENDING_PRINT).exists()
        assert cards.counts(again).get("print", 0) == 0
        result = _print(again, out)  # the serials the killed job planned are issued once
        assert result.new == 25 and out.is_file()
    finally:
        again.close()


def test_a_job_that_committed_keeps_its_pdf_when_its_note_was_left(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "usb" / "kartu.pdf"
    monkeypatch.setattr(pending_print, "clear", lambda data_dir: None)  # killed after commit
    _print(ctx, out)
    assert (ctx.data_dir / PENDING_PRINT).is_file()
    monkeypatch.undo()
    data_dir = ctx.data_dir
    ctx.close()
    again = open_as(data_dir)
    try:
        assert out.is_file() and not (data_dir / PENDING_PRINT).exists()
        assert cards.counts(again)["print"] == 25
    finally:
        again.close()


def test_a_file_put_in_the_pdfs_place_since_is_never_removed(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "usb" / "kartu.pdf"
    _dies_after_the_rename(monkeypatch)
    monkeypatch.setattr(pending_print, "undo", lambda data_dir: False)
    with pytest.raises(Killed):
        _print(ctx, out)
    monkeypatch.undo()
    out.write_bytes(b"another file the user saved here")
    data_dir = ctx.data_dir
    ctx.close()
    again = open_as(data_dir)
    try:
        assert out.read_bytes() == b"another file the user saved here"
        assert not (data_dir / PENDING_PRINT).exists()
    finally:
        again.close()
