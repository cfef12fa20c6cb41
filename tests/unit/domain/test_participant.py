"""Codes and labels people type, identities and registration numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.install import Identity, Role, kecamatan_install_code, valid_station
from app.domain.participant import (
    OCCUPATIONS,
    Programme,
    Sex,
    age_on,
    clean_name,
    clean_phone,
    funding_code,
    norm,
    occupation_code,
    parse_programmes,
    parse_sex,
    registration_number,
    valid_kpj,
    valid_phone,
    valid_registration_number,
)


def test_every_occupation_of_the_issue_has_an_indonesian_label() -> None:
    assert set(OCCUPATIONS) == {
        "petani",
        "pekebun",
        "pedagang-kaki-lima",
        "guru-tpq",
        "imam",
        "khatib",
        "garin",
        "ojek",
        "nelayan",
        "ninik-mamak",
        "lainnya",
    }
    assert all(label.strip() for label in OCCUPATIONS.values())


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("petani", "petani"),
        ("PETANI", "petani"),
        ("Pedagang Kaki Lima", "pedagang-kaki-lima"),
        ("pedagang-kaki-lima", "pedagang-kaki-lima"),
        ("PKL", "pedagang-kaki-lima"),
        ("Guru TPQ", "guru-tpq"),
        ("guru mengaji", "guru-tpq"),
        ("Imam Masjid", "imam"),
        ("Garin Masjid", "garin"),
        ("gharim", "garin"),
        ("Tukang Ojek", "ojek"),
        ("Ninik Mamak", "ninik-mamak"),
        ("niniak mamak", "ninik-mamak"),
        ("Lainnya", "lainnya"),
    ],
)
def test_occupation_codes_and_labels_are_accepted(typed: str, code: str) -> None:
    assert occupation_code(typed) == code


def test_every_label_maps_back_to_its_code() -> None:
    for code, label in OCCUPATIONS.items():
        assert occupation_code(label) == code
        assert occupation_code(code) == code


@pytest.mark.parametrize("typed", ["", "dokter", "petani sawit", "guru"])
def test_unknown_occupation(typed: str) -> None:
    assert occupation_code(typed) is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("apbd", "apbd"),
        ("APBD", "apbd"),
        ("APBD Kabupaten", "apbd"),
        ("apb-nagari", "apb-nagari"),
        ("APB Nagari", "apb-nagari"),
        ("APBN", "apbn"),
        ("mandiri", "mandiri"),
    ],
)
def test_funding_codes_and_labels(typed: str, code: str) -> None:
    assert funding_code(typed) == code


def test_unknown_funding() -> None:
    assert funding_code("swasta") is None
    assert funding_code("") is None


@pytest.mark.parametrize(
    ("typed", "sex"),
    [
        ("L", Sex.L),
        ("l", Sex.L),
        ("Laki-laki", Sex.L),
        ("LAKI LAKI", Sex.L),
        ("Pria", Sex.L),
        ("P", Sex.P),
        ("p", Sex.P),
        ("Perempuan", Sex.P),
        ("wanita", Sex.P),
        ("X", None),
        ("", None),
    ],
)
def test_parse_sex(typed: str, sex: Sex | None) -> None:
    assert parse_sex(typed) is sex


def test_parse_programmes() -> None:
    assert parse_programmes("JKK,JKM") == (Programme.JKK, Programme.JKM)
    assert parse_programmes("jkm; jkk") == (Programme.JKK, Programme.JKM)
    assert parse_programmes("JKK JKM JHT") == (Programme.JKK, Programme.JKM, Programme.JHT)
    assert parse_programmes("JKK,JKK") == (Programme.JKK,)
    assert parse_programmes("JKK,JKX") is None
    assert parse_programmes("") is None


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("081234567890", "081234567890"),
        ("81234567890", "081234567890"),  # Excel dropped the 0
        ("81234567890.0", "081234567890"),
        ("'081234567890", "081234567890"),
        ("0812-3456-7890", "081234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("", ""),
    ],
)
def test_clean_phone(typed: str, clean: str) -> None:
    assert clean_phone(typed) == clean


def test_valid_phone() -> None:
    assert valid_phone("081234567890")
    assert valid_phone("+6281234567890")
    assert not valid_phone("12345")
    assert not valid_phone("9812345678")


def test_kpj_is_eleven_digits_and_may_start_with_zero() -> None:
    assert valid_kpj("01234567890")
    assert not valid_kpj("1234567890")
    assert not valid_kpj("123456789012")
    assert not valid_kpj("1234567890a")


def test_registration_numbers() -> None:
    assert registration_number("130306-A", 123) == "130306-A-000123"
    assert valid_registration_number("130306-A-000123")
    assert valid_registration_number("130306-a-000123 ")
    assert not valid_registration_number("130306-000123")
    assert not valid_registration_number("130306-A-123")


def test_install_codes() -> None:
    assert Identity(Role.KECAMATAN, "13.03", "13.03.06", "A").install_code == "130306-A"
    assert Identity(Role.KECAMATAN, "13.03", "13.03.06", "B").install_code == "130306-B"
    assert Identity(Role.KABUPATEN, "13.03", None, "K").install_code == "130300-K"
    assert kecamatan_install_code("13.03.10") == "130310-A"


def test_station_is_one_capital_letter_other_than_k() -> None:
    assert valid_station("A") and valid_station("Z")
    for bad in ("K", "a", "AB", "", "1"):
        assert not valid_station(bad)


def test_age_counts_completed_years() -> None:
    birth = dt.date(2004, 4, 2)
    assert age_on(birth, dt.date(2022, 4, 1)) == 17
    assert age_on(birth, dt.date(2022, 4, 2)) == 18
    assert age_on(dt.date(2000, 2, 29), dt.date(2018, 2, 28)) == 17
    assert age_on(dt.date(2000, 2, 29), dt.date(2018, 3, 1)) == 18


def test_names_are_cleaned_but_keep_their_letters() -> None:
    assert clean_name("  Nur'aini \u00a0 Wati ") == "Nur'aini Wati"
    assert clean_name("'Afrizal") == "Afrizal"
    assert norm("Aié  AMO") == "aie amo"
    assert norm("Kec. Kamang-Baru") == "kec kamang baru"
