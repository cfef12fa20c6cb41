"""Hidden rows and the active sheet of .xls and .ods files, read from the files' records."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.sheet_facts import ods_facts, xls_facts

LIBREOFFICE = Path(__file__).resolve().parents[2] / "fixtures" / "libreoffice"


def test_libreoffices_xls_says_which_row_is_hidden_and_which_sheet_is_active() -> None:
    facts = xls_facts((LIBREOFFICE / "kantor.xls").read_bytes())
    assert facts is not None
    assert facts.hidden == {"Petunjuk": set(), "Lama": set(), "Daftar Nagari": {6}}
    assert facts.active == "Daftar Nagari"


def test_libreoffices_ods_says_which_row_is_hidden() -> None:
    facts = ods_facts((LIBREOFFICE / "kantor.ods").read_bytes())
    assert facts is not None
    assert facts.hidden["Daftar Nagari"] == {6}
    assert facts.hidden["Petunjuk"] == set()


@pytest.mark.parametrize("data", [b"", b"not a workbook", b"PK\x03\x04broken"])
def test_a_file_whose_records_cannot_be_followed_gives_nothing(data: bytes) -> None:
    """The preview then says the hidden rows could not be read, rather than guessing."""
    assert xls_facts(data) is None
    assert ods_facts(data) is None


def test_a_cut_xls_gives_nothing() -> None:
    data = (LIBREOFFICE / "kantor.xls").read_bytes()
    assert xls_facts(data[: len(data) // 2]) is None


def test_the_sheet_an_ods_opens_on_comes_from_its_view_settings() -> None:
    """LibreOffice on a desktop writes the active sheet into settings.xml (a headless
    conversion, like the fixture, does not)."""
    import io
    import zipfile

    source = zipfile.ZipFile(LIBREOFFICE / "kantor.ods")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "settings.xml":
                data = data.replace(
                    b"<office:settings>",
                    b'<office:settings><config:config-item config:name="ActiveTable" '
                    b'config:type="string">Daftar Nagari</config:config-item>',
                )
            out.writestr(info, data)
    facts = ods_facts(buffer.getvalue())
    assert facts is not None and facts.active == "Daftar Nagari"
    assert ods_facts((LIBREOFFICE / "kantor.ods").read_bytes()).active is None  # type: ignore[union-attr]
