"""The NIK rules of docs/domain.md, case by case, and properties over generated NIKs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.nik import PROVINCES, NikReport, check_nik, make_nik, normalise
from app.domain.participant import Sex

TODAY = dt.date(2026, 1, 15)
# Province codes in use (docs/domain.md), written out rather than derived from the code under test.
REAL_PROVINCES = [
    *map(str, range(11, 20)),
    "21",
    *map(str, range(31, 37)),
    "51",
    "52",
    "53",
    *map(str, range(61, 66)),
    *map(str, range(71, 77)),
    "81",
    "82",
    *map(str, range(91, 97)),
]

MALE = "1303061708800001"  # Kamang Baru, 17/08/1980, L, serial 0001
FEMALE = "1303065708800002"  # Kamang Baru, 17/08/1980 (+40), P, serial 0002


def codes(report: NikReport) -> list[str]:
    return [i.code for i in report.errors]


def check(
    nik: str,
    *,
    birth_date: dt.date | None = None,
    sex: Sex | None = None,
    regency: str | None = None,
) -> NikReport:
    return check_nik(nik, birth_date=birth_date, sex=sex, regency=regency, today=TODAY)


# --- valid NIKs -----------------------------------------------------------------------


def test_valid_male_nik_says_region_birth_date_sex_and_serial() -> None:
    r = check(MALE)
    assert r.valid
    assert (r.errors, r.mismatches, r.warnings) == ((), (), ())
    assert (r.province, r.regency, r.kecamatan) == ("13", "03", "06")
    assert r.kecamatan_code == "13.03.06"
    assert r.birth_date == dt.date(1980, 8, 17)
    assert r.sex is Sex.L
    assert r.serial == "0001"


def test_valid_female_nik_has_day_plus_40() -> None:
    r = check(FEMALE)
    assert r.valid
    assert r.birth_date == dt.date(1980, 8, 17)
    assert r.sex is Sex.P
    assert r.serial == "0002"


@pytest.mark.parametrize(
    ("dd", "sex", "day"), [("01", Sex.L, 1), ("31", Sex.L, 31), ("41", Sex.P, 1), ("71", Sex.P, 31)]
)
def test_first_and_last_day_of_month_for_both_sexes(dd: str, sex: Sex, day: int) -> None:
    r = check(f"130306{dd}0185" + "0001")
    assert r.valid, r.errors
    assert r.birth_date == dt.date(1985, 1, day)
    assert r.sex is sex


@pytest.mark.parametrize("province", REAL_PROVINCES)
def test_every_province_in_use_is_accepted(province: str) -> None:
    r = check(f"{province}0306170880" + "0001")
    assert r.valid, r.errors
    assert r.province == province


def test_exactly_the_provinces_in_use_are_accepted() -> None:
    accepted = {f"{n:02d}" for n in range(100) if check(f"{n:02d}0306170880" + "0001").valid}
    assert accepted == set(REAL_PROVINCES)
    assert set(REAL_PROVINCES) == PROVINCES
    assert len(REAL_PROVINCES) == 38


# --- invalid NIKs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("130306170880001", "nik.length"),  # 15 digits
        ("13030617088000011", "nik.length"),  # 17 digits
        ("", "nik.not_digits"),
        ("13030617088000A1", "nik.not_digits"),
        ("NIK1303061708800", "nik.not_digits"),
        ("1303061708800001x", "nik.not_digits"),
        ("9903061708800001", "nik.province"),  # province 99
        ("0003061708800001", "nik.province"),
        ("2003061708800001", "nik.province"),
        ("1300061708800001", "nik.regency_zero"),  # regency 00
        ("1303001708800001", "nik.kecamatan_zero"),  # kecamatan 00
        ("1303063208800001", "nik.date"),  # day 32
        ("1303067208800001", "nik.date"),  # day 72 (women: 32)
        ("1303060008800001", "nik.date"),  # day 00
        ("1303064008800001", "nik.date"),  # day 40 (women: 00)
        ("1303063508800001", "nik.date"),  # day 35: neither a man's nor a woman's day
        ("1303061700800001", "nik.date"),  # month 00
        ("1303061713800001", "nik.date"),  # month 13
        ("1303063002800001", "nik.date"),  # 30 February
        ("1303067002800001", "nik.date"),  # 30 February, a woman
        ("1303063104800001", "nik.date"),  # 31 April
        ("1303062902010001", "nik.date"),  # 29 February 2001 / 1901: not leap
        ("1303066902010001", "nik.date"),  # the same for a woman
        ("1303061708800000", "nik.serial_zero"),  # serial 0000
    ],
)
def test_invalid_nik_is_refused_with_its_reason(nik: str, code: str) -> None:
    r = check(nik)
    assert not r.valid
    assert code in codes(r)
    # An invalid NIK says nothing about its holder.
    assert r.birth_date is None and r.sex is None


def test_length_error_says_how_many_digits() -> None:
    assert check("130306170880001").errors[0].params == {"count": 15}
    assert check("13030617088000011").errors[0].params == {"count": 17}


def test_province_error_names_the_code() -> None:
    assert check("9903061708800001").errors[0].params == {"code": "99"}


def test_every_problem_of_a_nik_is_reported_at_once() -> None:
    r = check("9900003208800000")
    assert set(codes(r)) == {
        "nik.province",
        "nik.regency_zero",
        "nik.kecamatan_zero",
        "nik.date",
        "nik.serial_zero",
    }


def test_problems_are_errors_not_overridable() -> None:
    for nik in ("9903061708800001", "1303063208800001", "1303061708800000"):
        assert all(not i.overridable for i in check(nik).errors)


# --- leap years and centuries -----------------------------------------------------------


def test_29_february_2000_is_valid() -> None:
    r = check("1303062902000001")
    assert r.valid
    assert r.birth_date == dt.date(2000, 2, 29)


def test_29_february_of_a_leap_year_is_valid_for_a_woman() -> None:
    r = check("1303066902840001")
    assert r.valid
    assert r.birth_date == dt.date(1984, 2, 29)
    assert r.sex is Sex.P


def test_29_february_00_resolves_to_2000_even_given_1900() -> None:
    # 1900 was not a leap year: only 2000 fits, so the given 29/02 cannot be 1900.
    r = check("1303062902000001", birth_date=dt.date(2000, 2, 29))
    assert r.birth_date == dt.date(2000, 2, 29)
    assert r.mismatches == ()


def test_century_follows_the_given_birth_date() -> None:
    r = check("1303061701300001", birth_date=dt.date(1930, 1, 17))
    assert r.birth_date == dt.date(1930, 1, 17)
    assert r.mismatches == ()
    r = check("1303061701200001", birth_date=dt.date(1920, 1, 17))
    assert r.birth_date == dt.date(1920, 1, 17)


def test_century_without_birth_date_is_the_most_recent_past() -> None:
    assert check("1303061701200001").birth_date == dt.date(2020, 1, 17)
    assert check("1303061701050001").birth_date == dt.date(2005, 1, 17)
    assert check("1303061701300001").birth_date == dt.date(1930, 1, 17)  # 2030 lies ahead
    assert check("1303061701990001").birth_date == dt.date(1999, 1, 17)


def test_most_recent_past_is_decided_by_the_day_not_the_year() -> None:
    today = dt.date(2026, 6, 1)
    assert check_nik("1303061505260001", today=today).birth_date == dt.date(2026, 5, 15)
    assert check_nik("1303061512260001", today=today).birth_date == dt.date(1926, 12, 15)


def test_given_birth_date_of_another_two_digit_year_does_not_pick_the_century() -> None:
    r = check("1303061701300001", birth_date=dt.date(1931, 1, 17))
    assert r.birth_date == dt.date(1930, 1, 17)
    assert [m.code for m in r.mismatches] == ["nik.birth_mismatch"]


# --- mismatches with the sex and birth date given ---------------------------------------


def test_sex_mismatch_is_an_overridable_mismatch_not_an_error() -> None:
    r = check(FEMALE, sex=Sex.L)
    assert r.valid
    assert r.errors == ()
    [m] = r.mismatches
    assert m.code == "nik.sex_mismatch"
    assert m.overridable
    assert m.params == {"nik_sex": "P", "given": "L"}


def test_birth_mismatch_is_an_overridable_mismatch_not_an_error() -> None:
    r = check(MALE, birth_date=dt.date(1980, 8, 18), sex=Sex.L)
    assert r.valid
    [m] = r.mismatches
    assert m.code == "nik.birth_mismatch"
    assert m.overridable
    assert m.params == {"nik_date": "17/08/1980", "given": "18/08/1980"}


def test_both_mismatches_are_reported() -> None:
    r = check(MALE, birth_date=dt.date(1981, 8, 17), sex=Sex.P)
    assert {m.code for m in r.mismatches} == {"nik.sex_mismatch", "nik.birth_mismatch"}


def test_agreeing_sex_and_birth_date_give_no_mismatch() -> None:
    assert check(FEMALE, birth_date=dt.date(1980, 8, 17), sex=Sex.P).mismatches == ()
    assert check(MALE, birth_date=dt.date(1980, 8, 17), sex=Sex.L).mismatches == ()


def test_a_woman_given_the_day_without_40_is_not_a_birth_mismatch() -> None:
    # The +40 belongs to the NIK; the typed birth date is the real day.
    r = check(FEMALE, birth_date=dt.date(1980, 8, 17), sex=Sex.P)
    assert r.mismatches == ()


def test_invalid_nik_reports_no_mismatches() -> None:
    r = check("1303063208800001", sex=Sex.P, birth_date=dt.date(1990, 1, 1))
    assert not r.valid
    assert r.mismatches == ()


# --- warnings ---------------------------------------------------------------------------


def test_prefix_from_another_regency_is_a_warning() -> None:
    r = check("1371011708800001", regency="13.03")  # Kota Padang
    assert r.valid
    assert r.errors == ()
    [w] = r.warnings
    assert w.code == "nik.elsewhere"
    assert w.params == {"code": "13.71.01"}


def test_prefix_from_another_province_is_a_warning() -> None:
    r = check("3174011708800001", regency="13.03")
    assert r.valid
    assert [w.code for w in r.warnings] == ["nik.elsewhere"]


def test_prefix_of_the_install_regency_gives_no_warning() -> None:
    assert check(MALE, regency="13.03").warnings == ()
    assert check("1303101708800001", regency="13.03").warnings == ()


def test_no_regency_given_no_elsewhere_warning() -> None:
    assert check("1371011708800001").warnings == ()


# --- cleaning what people type ----------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        " 1303061708800001 ",
        "1303 0617 0880 0001",
        "1303.0617.0880.0001",
        "13.03.06.170880.0001",
        "'1303061708800001",
        "1303-0617-0880-0001",
        "\t1303061708800001\n",
        "1303\u00a00617\u00a00880\u00a00001",  # no-break spaces (copied from a document)
        "1303\u20090617\u202f0880\u200b0001",  # thin, narrow and zero-width spaces
        "".join(chr(ord(c) + 0xFEE0) for c in "1303061708800001"),  # full-width digits
    ],
)
def test_spaces_dots_dashes_and_apostrophe_are_stripped(typed: str) -> None:
    r = check(typed)
    assert r.valid
    assert r.nik == MALE
    assert normalise(typed) == MALE


# --- make_nik ----------------------------------------------------------------------------


def test_make_nik_writes_day_plus_40_for_women() -> None:
    assert make_nik("130306", dt.date(1980, 8, 17), Sex.L, 1) == MALE
    assert make_nik("130306", dt.date(1980, 8, 17), Sex.P, 2) == FEMALE
    assert make_nik("130306", dt.date(2001, 1, 5), Sex.P, 9999) == "1303064501019999"


# --- properties -------------------------------------------------------------------------

kecamatan6 = st.builds(
    lambda p, r, k: f"{p}{r:02d}{k:02d}",
    st.sampled_from(sorted(PROVINCES)),
    st.integers(1, 99),
    st.integers(1, 99),
)


@settings(max_examples=200, deadline=None)
@given(
    kec=kecamatan6,
    birth=st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)),
    sex=st.sampled_from(list(Sex)),
    serial=st.integers(1, 9999),
)
def test_every_made_nik_is_valid_and_round_trips_with_its_birth_date(
    kec: str, birth: dt.date, sex: Sex, serial: int
) -> None:
    nik = make_nik(kec, birth, sex, serial)
    r = check_nik(nik, birth_date=birth, sex=sex, today=TODAY)
    assert len(nik) == 16
    assert r.valid, r.errors
    assert r.mismatches == ()
    assert r.birth_date == birth
    assert r.sex is sex
    assert r.serial == f"{serial:04d}"
    assert r.province + r.regency + r.kecamatan == kec


@settings(max_examples=200, deadline=None)
@given(
    birth=st.dates(TODAY.replace(year=TODAY.year - 100) + dt.timedelta(days=1), TODAY),
    sex=st.sampled_from(list(Sex)),
    serial=st.integers(1, 9999),
)
def test_made_nik_of_the_last_century_round_trips_without_a_birth_date(
    birth: dt.date, sex: Sex, serial: int
) -> None:
    r = check_nik(make_nik("130306", birth, sex, serial), today=TODAY)
    assert r.valid
    assert r.birth_date == birth
    assert r.sex is sex


@settings(max_examples=200, deadline=None)
@given(
    raw=st.one_of(
        st.text(max_size=40),
        st.text(alphabet="0123456789 .'-", max_size=24),
        st.from_regex(r"\A[0-9]{16}\Z"),
    ),
    birth=st.none() | st.dates(),
    sex=st.none() | st.sampled_from(list(Sex)),
    regency=st.none() | st.just("13.03"),
)
def test_any_text_gives_a_report_and_never_raises(
    raw: str, birth: dt.date | None, sex: Sex | None, regency: str | None
) -> None:
    r = check_nik(raw, birth_date=birth, sex=sex, regency=regency, today=TODAY)
    assert isinstance(r, NikReport)
    assert r.valid == (r.errors == ())
    if r.valid:
        assert len(r.nik) == 16 and r.nik.isdigit()
        assert r.birth_date is not None and r.sex is not None
    else:
        assert r.mismatches == ()
