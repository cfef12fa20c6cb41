"""Registering one participant: what is saved, what is refused, and finding it again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.participant import DEFAULT_INCOME, Sex
from app.errors import Refused, ValidationFailed
from app.services import participants, prefs
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import repo
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.conftest import NAGARI_OUT, MakeCtx, MakeParticipant

OPERATOR = Actor("operator1", Role.OPERATOR)
SUPERVISOR = Actor("kasi", Role.SUPERVISOR)
TODAY = dt.date(2022, 4, 1)
FEMALE_NIK = "1303064708800001"  # 07/08/1980, P: the default birth date of make_participant


def codes(exc: ValidationFailed) -> list[str]:
    return [p.code for p in exc.problems]


def sql(ctx: Context, statement: str, **params: object) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(statement), params)


def find(ctx: Context, search: str) -> list[str]:
    ids = participants.search(ctx, ListQuery(search=search))
    return [r.reg_no for r in participants.rows(ctx, ids)]


# --- a valid registration ----------------------------------------------------------------


def test_valid_registration_is_saved_with_its_registration_number(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(name="  Yusnimar   Wati ", phone="081234567890")
    result = participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    assert result.reg_no == "130306-A-000001"
    assert result.warnings == ()
    rec = participants.get(kecamatan_ctx, result.reg_no)
    assert rec.uuid == result.uuid
    assert rec.nik == data.nik
    assert rec.name == "Yusnimar Wati"
    assert rec.nagari_code == "13.03.06.2004"
    assert rec.kecamatan_code == "13.03.06"
    assert rec.income == 1_000_000
    assert rec.funding == "apbd"
    assert rec.programmes == "JKK,JKM"
    assert rec.coverage_start == dt.date(2022, 4, 1)
    assert rec.kpj is None
    assert (rec.created_by, rec.created_install) == ("operator1", "130306-A")
    assert participants.count(kecamatan_ctx) == 1


def test_registration_numbers_follow_each_other(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    regs = [
        participants.register(
            kecamatan_ctx, OPERATOR, make_participant(serial=n), today=TODAY
        ).reg_no
        for n in (1, 2, 3)
    ]
    assert regs == ["130306-A-000001", "130306-A-000002", "130306-A-000003"]


def test_new_record_is_a_draft_when_approval_is_required(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    result = participants.register(kecamatan_ctx, OPERATOR, make_participant(), today=TODAY)
    assert result.status == "draft"


def test_new_record_is_approved_when_approval_is_switched_off(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    with kecamatan_ctx.db.session() as s:
        repo.put_setting(s, "approval_required", False)
    result = participants.register(kecamatan_ctx, OPERATOR, make_participant(), today=TODAY)
    assert result.status == "approved"


def test_kabupaten_registration_is_accepted_with_a_kabupaten_number(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(nagari_code="13.03.10.2004", nik_prefix="130310")
    result = participants.register(kabupaten_ctx, OPERATOR, data, today=TODAY)
    assert result.status == "accepted"
    assert result.reg_no == "130300-K-000001"
    assert participants.get(kabupaten_ctx, result.reg_no).kecamatan_code == "13.03.10"


def test_history_records_who_created_it(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    result = participants.register(kecamatan_ctx, OPERATOR, make_participant(), today=TODAY)
    [entry] = participants.history(kecamatan_ctx, result.uuid)
    assert entry.action == "create"
    assert entry.actor == "operator1"
    assert entry.install_code == "130306-A"
    assert entry.reason == ""
    assert json.loads(entry.changes)["reg_no"] == [None, result.reg_no]


def test_nik_from_another_regency_registers_with_a_warning(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(nik_prefix="137101")  # first registered in Padang
    result = participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    assert [w.code for w in result.warnings] == ["nik.elsewhere"]
    assert participants.count(kecamatan_ctx) == 1


def test_typed_nik_is_stored_without_spaces_and_dots(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant()
    clean = data.nik
    data.nik = f" {clean[:4]}.{clean[4:8]} {clean[8:]} "
    result = participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    assert participants.get(kecamatan_ctx, result.reg_no).nik == clean


# --- finding it again -----------------------------------------------------------------


@pytest.fixture
def registered(kecamatan_ctx: Context, make_participant: MakeParticipant) -> str:
    participants.register(
        kecamatan_ctx,
        OPERATOR,
        make_participant(serial=9, name="Afrizal Malin Sati", sex=Sex.L),
        today=TODAY,
    )
    return participants.register(
        kecamatan_ctx,
        OPERATOR,
        make_participant(serial=1, name="Nur'aini Yusnita"),
        today=TODAY,
    ).reg_no


@pytest.mark.parametrize(
    "search",
    [
        "yusnita",
        "Yusnita",
        "YUSN",
        "nur",
        "Nur'aini Yusnita",
        "nuraini",
    ],
)
def test_found_by_a_word_of_its_name(kecamatan_ctx: Context, registered: str, search: str) -> None:
    assert find(kecamatan_ctx, search) == [registered]


def test_found_by_nik_prefix_and_whole_nik(kecamatan_ctx: Context, registered: str) -> None:
    nik = participants.get(kecamatan_ctx, registered).nik
    assert find(kecamatan_ctx, nik) == [registered]
    assert find(kecamatan_ctx, nik[:12]) == [registered]
    assert registered in find(kecamatan_ctx, "130306")
    assert find(kecamatan_ctx, "1371") == []


def test_found_by_registration_number(kecamatan_ctx: Context, registered: str) -> None:
    assert find(kecamatan_ctx, registered) == [registered]
    assert find(kecamatan_ctx, registered.lower()) == [registered]


def test_search_without_a_match_finds_nothing(kecamatan_ctx: Context, registered: str) -> None:
    assert find(kecamatan_ctx, "zulkifli") == []
    assert find(kecamatan_ctx, "malin sati yusnita") == []


def test_empty_search_lists_everyone_by_name(kecamatan_ctx: Context, registered: str) -> None:
    ids = participants.search(kecamatan_ctx, ListQuery())
    names = [r.name for r in participants.rows(kecamatan_ctx, ids)]
    assert names == ["Afrizal Malin Sati", "Nur'aini Yusnita"]


def test_rename_is_followed_by_the_name_search(kecamatan_ctx: Context, registered: str) -> None:
    sql(kecamatan_ctx, "UPDATE participant SET name = 'Rosmaniar' WHERE reg_no = :r", r=registered)
    assert find(kecamatan_ctx, "rosmaniar") == [registered]
    assert find(kecamatan_ctx, "yusnita") == []


# --- refusals: nothing is saved ----------------------------------------------------------


def test_duplicate_nik_is_refused(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    first = participants.register(kecamatan_ctx, OPERATOR, make_participant(), today=TODAY)
    with pytest.raises(ValidationFailed) as info:
        participants.register(
            kecamatan_ctx, SUPERVISOR, make_participant(name="Orang Lain"), today=TODAY
        )
    [problem] = info.value.problems
    assert problem.code == "nik.duplicate"
    assert problem.params["reg_no"] == first.reg_no
    assert not problem.overridable
    assert participants.count(kecamatan_ctx) == 1


def test_duplicate_nik_is_refused_when_the_first_record_is_inactive(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    first = participants.register(kecamatan_ctx, OPERATOR, make_participant(), today=TODAY)
    sql(
        kecamatan_ctx,
        "UPDATE participant SET status = 'inactive', status_reason = 'moved' WHERE reg_no = :r",
        r=first.reg_no,
    )
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, ADMIN, make_participant(), today=TODAY)
    assert codes(info.value) == ["nik.duplicate"]
    assert info.value.problems[0].params["status"] == "inactive"
    # The status is worded in the language of the message, not left as its code.
    assert info.value.problems[0].render().endswith("status nonaktif).")
    assert participants.count(kecamatan_ctx) == 1


def test_duplicate_nik_typed_with_spaces_is_still_a_duplicate(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant()
    participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    again = make_participant(nik=" ".join([data.nik[:6], data.nik[6:12], data.nik[12:]]))
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, OPERATOR, again, today=TODAY)
    assert codes(info.value) == ["nik.duplicate"]


def test_nagari_outside_the_kecamatan_is_refused(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    with pytest.raises(ValidationFailed) as info:
        participants.register(
            kecamatan_ctx, ADMIN, make_participant(nagari_code=NAGARI_OUT), today=TODAY
        )
    assert codes(info.value) == ["nagari.outside"]
    assert participants.count(kecamatan_ctx) == 0


@pytest.mark.parametrize("nagari", ["13.03.06", "13.03", "99.99.99.9999"])
def test_a_code_that_is_not_a_village_is_refused(
    kecamatan_ctx: Context, make_participant: MakeParticipant, nagari: str
) -> None:
    with pytest.raises(ValidationFailed) as info:
        participants.register(
            kecamatan_ctx, ADMIN, make_participant(nagari_code=nagari), today=TODAY
        )
    assert "nagari.outside" in codes(info.value)
    assert participants.count(kecamatan_ctx) == 0


def test_missing_fields_are_each_reported_as_required_without_placeholders(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(nik=FEMALE_NIK)
    data = dataclasses.replace(
        data, nik=" ", birth_date=None, sex=None, nagari_code=None, occupation=None
    )
    checked = participants.check(kecamatan_ctx, data, today=TODAY)
    assert {(p.field, p.code) for p in checked.problems} == {
        ("nik", "field.required"),
        ("birth_date", "field.required"),
        ("sex", "field.required"),
        ("nagari", "field.required"),
        ("occupation", "field.required"),
    }
    with pytest.raises(ValidationFailed):
        participants.register(kecamatan_ctx, ADMIN, data, today=TODAY)
    assert participants.count(kecamatan_ctx) == 0


def test_default_coverage_start_and_income_are_applied_by_the_service(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    prefs.set_value(kecamatan_ctx, ADMIN, "default_coverage_start", "01/04/2022")
    reg = participants.register(kecamatan_ctx, ADMIN, make_participant(income=None), today=TODAY)
    rec = participants.get(kecamatan_ctx, reg.reg_no)
    assert rec.coverage_start == dt.date(2022, 4, 1)
    assert rec.income == DEFAULT_INCOME


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("130306570880000", "nik.length"),
        ("13030657088000012", "nik.length"),
        ("13030657088O0001", "nik.not_digits"),
        ("9903065708800001", "nik.province"),
        ("1300065708800001", "nik.regency_zero"),
        ("1303005708800001", "nik.kecamatan_zero"),
        ("1303067208800001", "nik.date"),
        ("1303061708800000", "nik.serial_zero"),
    ],
)
def test_invalid_nik_is_refused_even_for_a_supervisor_with_a_reason(
    kecamatan_ctx: Context, make_participant: MakeParticipant, nik: str, code: str
) -> None:
    data = make_participant(nik=nik, override_reason="KTP lama")
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, SUPERVISOR, data, today=TODAY)
    assert code in codes(info.value)
    assert participants.count(kecamatan_ctx) == 0


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": "   "}, "name", "field.required"),
        ({"birth_place": ""}, "birth_place", "field.required"),
        ({"occupation": "dokter"}, "occupation", "occupation.unknown"),
        ({"funding": "swasta"}, "funding", "funding.unknown"),
        ({"income": 0}, "income", "income.positive"),
        ({"phone": "12345"}, "phone", "phone.invalid"),
        ({"programmes": ()}, "programmes", "programmes.none"),
        ({"coverage_end": dt.date(2022, 3, 1)}, "coverage_end", "coverage.order"),
    ],
)
def test_other_bad_fields_are_refused(
    kecamatan_ctx: Context,
    make_participant: MakeParticipant,
    fields: dict[str, object],
    field: str,
    code: str,
) -> None:
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, ADMIN, make_participant(**fields), today=TODAY)
    assert [(p.field, p.code) for p in info.value.problems] == [(field, code)]
    assert participants.count(kecamatan_ctx) == 0


def test_every_problem_is_reported_at_once(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(
        nik="9903065708800001", name="", nagari_code=NAGARI_OUT, occupation="dokter"
    )
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, ADMIN, data, today=TODAY)
    assert {p.field for p in info.value.problems} == {"nik", "name", "nagari", "occupation"}


def test_birth_date_in_the_future_is_refused(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(birth_date=dt.date(2023, 1, 1), override_reason="x")
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, SUPERVISOR, data, today=TODAY)
    assert "birth.future" in codes(info.value)
    assert participants.count(kecamatan_ctx) == 0


# --- overridable problems: mismatches with the NIK, age ------------------------------------

# Each case: fields that make the registration disagree with its NIK or the age limits.
OVERRIDABLE: dict[str, tuple[dict[str, Any], str]] = {
    "sex": ({"nik": FEMALE_NIK, "sex": Sex.L}, "nik.sex_mismatch"),  # NIK says P (day + 40)
    "birth": (
        {"nik": FEMALE_NIK, "birth_date": dt.date(1980, 8, 8)},
        "nik.birth_mismatch",
    ),
    "too young": ({"birth_date": dt.date(2010, 5, 1)}, "age.outside"),
    "too old": ({"birth_date": dt.date(1950, 5, 1)}, "age.outside"),
}


@pytest.mark.parametrize("case", list(OVERRIDABLE))
def test_overridable_problem_is_refused_without_a_reason(
    kecamatan_ctx: Context, make_participant: MakeParticipant, case: str
) -> None:
    fields, code = OVERRIDABLE[case]
    for actor in (OPERATOR, SUPERVISOR, ADMIN):
        with pytest.raises(ValidationFailed) as info:
            participants.register(kecamatan_ctx, actor, make_participant(**fields), today=TODAY)
        [problem] = info.value.problems
        assert problem.code == code
        assert problem.overridable
    assert participants.count(kecamatan_ctx) == 0


@pytest.mark.parametrize("case", list(OVERRIDABLE))
def test_overridable_problem_is_refused_for_an_operator_with_a_reason(
    kecamatan_ctx: Context, make_participant: MakeParticipant, case: str
) -> None:
    fields, _ = OVERRIDABLE[case]
    data = make_participant(**fields, override_reason="KTP salah cetak")
    with pytest.raises(Refused) as info:
        participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    assert info.value.code == "role.needed"
    assert participants.count(kecamatan_ctx) == 0


@pytest.mark.parametrize("case", list(OVERRIDABLE))
def test_overridable_problem_is_accepted_for_a_supervisor_with_a_recorded_reason(
    kecamatan_ctx: Context, make_participant: MakeParticipant, case: str
) -> None:
    fields, code = OVERRIDABLE[case]
    data = make_participant(**fields, override_reason="  KTP salah cetak ")
    result = participants.register(kecamatan_ctx, SUPERVISOR, data, today=TODAY)
    rec = participants.get(kecamatan_ctx, result.reg_no)
    assert rec.override_reason == "KTP salah cetak"
    [entry] = participants.history(kecamatan_ctx, result.uuid)
    assert entry.actor == "kasi"
    assert entry.reason == "KTP salah cetak"
    assert json.loads(entry.changes)["overridden"] == [code]
    assert participants.count(kecamatan_ctx) == 1


def test_a_reason_does_not_override_a_hard_problem(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(
        nik=FEMALE_NIK, sex=Sex.L, nagari_code=NAGARI_OUT, override_reason="KTP salah"
    )
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, SUPERVISOR, data, today=TODAY)
    assert set(codes(info.value)) == {"nik.sex_mismatch", "nagari.outside"}
    assert participants.count(kecamatan_ctx) == 0


def test_reason_is_not_recorded_when_nothing_was_overridden(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    data = make_participant(override_reason="tidak perlu")
    result = participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    assert participants.get(kecamatan_ctx, result.reg_no).override_reason == ""
    assert participants.history(kecamatan_ctx, result.uuid)[0].reason == ""


def test_age_is_counted_on_the_coverage_start(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    # 18 on 01/04/2022 exactly: accepted; one day younger: refused.
    ok = make_participant(birth_date=dt.date(2004, 4, 1), serial=1)
    participants.register(kecamatan_ctx, OPERATOR, ok, today=TODAY)
    young = make_participant(birth_date=dt.date(2004, 4, 2), serial=2)
    with pytest.raises(ValidationFailed) as info:
        participants.register(kecamatan_ctx, OPERATOR, young, today=TODAY)
    assert info.value.problems[0].params == {"age": 17, "min": 18, "max": 65}


def test_age_limits_are_settings(kecamatan_ctx: Context, make_participant: MakeParticipant) -> None:
    with kecamatan_ctx.db.session() as s:
        repo.put_setting(s, "age_min", 15)
    data = make_participant(birth_date=dt.date(2006, 1, 1))
    participants.register(kecamatan_ctx, OPERATOR, data, today=TODAY)
    assert participants.count(kecamatan_ctx) == 1


def test_check_saves_nothing_and_lists_problems_and_warnings(
    make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    ctx = make_ctx("kecamatan")
    checked = participants.check(
        ctx, make_participant(nik_prefix="137101", sex=Sex.P, occupation="x"), today=TODAY
    )
    assert [p.code for p in checked.problems] == ["occupation.unknown"]
    assert [w.code for w in checked.warnings] == ["nik.elsewhere"]
    assert participants.count(ctx) == 0


def test_an_imported_row_gets_the_same_defaults_and_initial_status_as_the_form(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    from app.services import importer

    prefs.set_value(kecamatan_ctx, ADMIN, "default_coverage_start", "01/04/2022")
    sheet = tmp_path / "nagari.csv"
    sheet.write_text(
        "NIK,Nama,Tempat lahir,Tanggal lahir,JK,Nagari,Pekerjaan\n"
        f"{FEMALE_NIK},Siti Aminah,Sijunjung,07/08/1980,P,Aie Amo,Guru TPQ\n",
        encoding="utf-8",
    )
    result = importer.commit(kecamatan_ctx, ADMIN, importer.preview(kecamatan_ctx, sheet))
    rec = participants.get(kecamatan_ctx, result.reg_nos[0])
    assert rec.coverage_start == dt.date(2022, 4, 1)
    assert rec.income == DEFAULT_INCOME
    assert rec.status == participants.initial_status(kecamatan_ctx).value == "draft"
