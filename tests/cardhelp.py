"""Helpers shared by the card tests: an office with printable participants, PDF tools."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.participant import ParticipantData
from app.services import demo, participants
from app.services.context import Context
from app.store.repo import ListQuery
from tests.actors import ADMIN

# Names a card must print as written: an apostrophe, and letters outside Latin-1.
APOSTROPHE = "Nur'aini"
NON_LATIN1 = "Şükrü Nguyễn Văn"


def office(
    ctx: Context, make_participant: Callable[..., ParticipantData], demo_count: int = 23
) -> Context:
    """Approved participants at a kecamatan install: demo ones and the two names above."""
    demo.generate(ctx, ADMIN, demo_count, seed=5)
    for serial, name in ((9001, APOSTROPHE), (9002, NON_LATIN1)):
        reg = participants.register(ctx, ADMIN, make_participant(serial=serial, name=name))
        participants.approve(ctx, ADMIN, [reg.reg_no])
    return ctx


def reg_of(ctx: Context, name: str) -> str:
    """The registration number of the participant called ``name``."""
    ids = participants.search(ctx, ListQuery())
    return next(r.reg_no for r in participants.rows(ctx, ids) if r.name == name)


def tool(name: str) -> str:
    """A poppler tool (.ci/run installs poppler-utils); skip where it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdfinfo(pdf: Path) -> dict[str, str]:
    text = subprocess.run(
        [tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in text.splitlines())}


def streams(pdf: bytes) -> list[bytes]:
    """Every stream of a PDF that ReportLab wrote, decompressed."""
    out = []
    for head, data in re.findall(rb"obj\s*(<<.*?>>)\s*stream\r?\n(.*?)endstream", pdf, re.S):
        out.append(zlib.decompress(data) if b"FlateDecode" in head else data)
    return out


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    return [
        (float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    ]
