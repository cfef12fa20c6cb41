"""Fuzzing the spreadsheet reader: random and mutated files never crash the import.

Every input gives either a preview (with each row's verdict) or a clear refusal
(``AppError``), and nothing reaches the database unless a preview is committed.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from app.errors import AppError
from app.services import importer, participants

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _valid_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "L/P", "Nagari", "Pekerjaan"])
    ws.append(["1303064708800001", "Siti", "Sijunjung", "07/08/1980", "P", "Aie Amo", "petani"])
    ws.append(["1303061708800002", "Budi", "Sijunjung", "17/08/1980", "L", "Aie Amo", "ojek"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


VALID = _valid_xlsx()


def _try(ctx, data: bytes, suffix: str) -> None:
    before = participants.count(ctx)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"nagari{suffix}"
        path.write_bytes(data)
        try:
            prev = importer.preview(ctx, path)
        except AppError:
            pass  # a clear refusal in the user's language
        else:
            assert all(r.verdict in ("new", "duplicate", "refused") for r in prev.rows)
            assert all(r.reasons for r in prev.rows if r.verdict != "new")
    assert participants.count(ctx) == before


@SETTINGS
@given(
    data=st.binary(max_size=2048),
    suffix=st.sampled_from([".xlsx", ".xls", ".ods", ".csv", ".txt"]),
)
def test_random_bytes(kecamatan_ctx, data, suffix):
    _try(kecamatan_ctx, data, suffix)


@SETTINGS
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    )
)
def test_mutated_workbooks(kecamatan_ctx, edits):
    data = bytearray(VALID)
    for pos, value in edits:
        data[pos] = value
    _try(kecamatan_ctx, bytes(data), ".xlsx")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libreoffice"
XLS = (FIXTURES / "kantor.xls").read_bytes()
ODS = (FIXTURES / "kantor.ods").read_bytes()


@SETTINGS
@given(
    which=st.sampled_from([".xls", ".ods"]),
    edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8),
)
def test_mutated_excel_97_and_libreoffice_files(kecamatan_ctx, which, edits):
    """Files saved by LibreOffice with a few bytes changed: the Rust reader never panics
    through to the user."""
    data = bytearray(XLS if which == ".xls" else ODS)
    for pos, value in edits:
        data[pos % len(data)] = value
    _try(kecamatan_ctx, bytes(data), which)


@SETTINGS
@given(
    text=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400).map(
        lambda body: "NIK;Nama;Tanggal Lahir;Nagari\n" + body
    )
)
def test_random_csv_text(kecamatan_ctx, text):
    for encoding in ("utf-8", "utf-8-sig"):
        _try(kecamatan_ctx, text.encode(encoding), ".csv")


def test_a_valid_file_still_imports(kecamatan_ctx, tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(VALID)
    prev = importer.preview(kecamatan_ctx, path)
    assert [r.verdict for r in prev.rows] == ["new", "new"]
