"""Money and dates as Indonesians write them; NIK masking."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.fmt import digits, format_date, format_rupiah, kemendagri, mask_nik, parse_date


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1_234_567, "Rp1.234.567"),
        (201_549_600, "Rp201.549.600"),
        (16_800, "Rp16.800"),
        (999, "Rp999"),
        (0, "Rp0"),
        (-5_000, "-Rp5.000"),
        (3_053_299_200, "Rp3.053.299.200"),
    ],
)
def test_format_rupiah(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


def test_dates_are_written_dd_mm_yyyy() -> None:
    assert format_date(dt.date(1980, 8, 7)) == "07/08/1980"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    "text", ["07/08/1980", "7/8/1980", "07-08-1980", "07.08.1980", "1980-08-07", " 07/08/1980 "]
)
def test_parse_date_accepts_dd_mm_yyyy_and_iso(text: str) -> None:
    assert parse_date(text) == dt.date(1980, 8, 7)


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2022",
        "29/02/2001",
        "07/08/80",
        "1980/08/07",
        "",
        "kemarin",
        "32/01/2000",
        "08/13/1980",
    ],
)
def test_parse_date_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match=r".*"):
        parse_date(text)


def test_parse_date_is_day_first() -> None:
    assert parse_date("02/03/2022") == dt.date(2022, 3, 2)


def test_mask_nik_shows_region_and_last_two_digits() -> None:
    masked = mask_nik("1303064708800001")
    assert masked.startswith("130306") and masked.endswith("01")
    assert len(masked) == 16
    assert "47088000" not in masked
    assert mask_nik("123") == "•••"


def test_kemendagri_codes_and_digits() -> None:
    assert kemendagri("130306") == "13.03.06"
    assert kemendagri("1303") == "13.03"
    assert digits("13.03.06") == "130306"
