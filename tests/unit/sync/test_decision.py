"""The kabupaten's merge decision, table by table: one row per rule of
:func:`app.services.sync.decision.decide`, each with the incoming record, what the register
holds, what the office's history says and what the bundle did before it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from app.domain.rows import ParticipantRow, StoredParticipant
from app.services.sync.decision import (
    Claim,
    ConflictKind,
    Decision,
    Held,
    OfficeSays,
    Outcome,
    Pending,
    Problem,
    SoFar,
    decide,
    kab_changed_fields,
    office_changed_fields,
    status_after_merge,
)

U1, U2, U3 = (f"00000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 3))
REG1, REG2, REG3 = (f"130306-A-00000{i}" for i in (1, 2, 3))
NIK1, NIK2 = "1303064708800001", "1303064708800002"
WHEN = dt.datetime(2026, 3, 2, 10, 0)


def incoming(**values: Any) -> ParticipantRow:
    """A record of office 130306-A as its bundle carries it (revision 3)."""
    r: ParticipantRow = {
        "uuid": U1,
        "reg_no": REG1,
        "revision": 3,
        "ack_revision": 1,
        "created_at": WHEN,
        "created_by": "op",
        "created_install": "130306-A",
        "updated_at": WHEN,
        "updated_by": "op",
        "updated_install": "130306-A",
        "nik": NIK1,
        "name": "Yusnimar Wati",
        "birth_place": "Sijunjung",
        "birth_date": dt.date(1980, 8, 7),
        "sex": "P",
        "address": "",
        "jorong": "",
        "nagari_code": "13.03.06.2004",
        "kecamatan_code": "13.03.06",
        "occupation": "petani",
        "phone": "",
        "income": 1_500_000,
        "funding": "mandiri",
        "programmes": "JKK,JKM",
        "coverage_start": dt.date(2022, 4, 1),
        "coverage_end": None,
        "override_reason": "",
        "status": "approved",
        "status_reason": "",
        "status_date": None,
        "kpj": None,
        "duplicate_of": None,
        "erased_at": None,
    }
    return r | values  # type: ignore[return-value]


def stored(**values: Any) -> StoredParticipant:
    """The register's version of the same record: accepted, office revision 2 merged."""
    row: StoredParticipant = {**incoming(revision=2, ack_revision=2, status="accepted"), "id": 7}
    return row | values  # type: ignore[return-value]


def holder(uuid: str, reg_no: str) -> Claim:
    return Claim(uuid, reg_no)


@dataclass(frozen=True)
class Case:
    """One row of a table: the inputs of one decision and what it must be."""

    r: ParticipantRow
    held: Held = field(default_factory=Held)
    office: OfficeSays = field(default_factory=OfficeSays)
    so_far: SoFar = field(default_factory=SoFar)
    problem: Problem | None = None
    expect: dict[str, Any] = field(default_factory=dict)


def summary(d: Decision) -> dict[str, Any]:
    """What a decision does, in a form a table row can state."""
    out: dict[str, Any] = {"outcome": d.outcome}
    if d.code:
        out["code"] = d.code
    if d.params:
        out["params"] = dict(d.params)
    if d.other:
        out["other"] = d.other
    if d.insert is not None:
        out["insert"] = (d.insert["status"], d.insert["ack_revision"])
    if d.update is not None:
        out["update"] = dict(d.update)
    if d.ack is not None:
        out["ack"] = d.ack
    if d.erase:
        out["erase"] = True
    if d.conflict is not None:
        c = d.conflict
        out["conflict"] = (c.kind, c.existing if c.existing is not None else c.a_uuid)
    if d.withdraw is not None:
        out["withdraw"] = d.withdraw
    if d.claim is not None:
        out["claim"] = (d.claim[0], d.claim[1].reg_no)
    return out


def run(case: Case) -> dict[str, Any]:
    """The decision of one row, summed up."""
    return summary(decide(case.r, case.held, case.office, case.so_far, lambda _r: case.problem))


PENDING_DUP = Pending(41, ConflictKind.DUPLICATE, REG2)
PENDING_EDIT = Pending(42, ConflictKind.EDIT, REG1)
MERGED = {"revision": 3, "ack_revision": 3, "updated_at": WHEN}
MERGED_BY = {"updated_by": "op", "updated_install": "130306-A"}

# --- before the rules: repeats, nothing new, erasures, refusals --------------------------

EARLY = {
    "a record twice in the same bundle": Case(
        incoming(),
        so_far=SoFar(seen={U1}),
        expect={"outcome": Outcome.REFUSED, "code": "record.repeated"},
    ),
    "already merged at this revision": Case(
        incoming(revision=2),
        Held(row=stored()),
        expect={"outcome": Outcome.UNCHANGED},
    ),
    "already merged but waiting in a conflict": Case(
        incoming(revision=2),
        Held(row=stored(), pending=PENDING_EDIT),
        expect={
            "outcome": Outcome.CONFLICT,
            "code": "sync.edit_conflict",
            "params": {"fields": ""},
            "conflict": (ConflictKind.EDIT, 42),
        },
    ),
    "erased at the office, unknown here": Case(
        incoming(erased_at=WHEN),
        expect={"outcome": Outcome.UNCHANGED},
    ),
    "erased at the office, erased here already": Case(
        incoming(erased_at=WHEN),
        Held(row=stored(erased_at=WHEN)),
        expect={"outcome": Outcome.UNCHANGED},
    ),
    "erased at the office: erased here too": Case(
        incoming(erased_at=WHEN, status="inactive", status_reason="erased"),
        Held(row=stored(revision=5)),
        expect={
            "outcome": Outcome.CHANGED,
            "update": {
                "status": "inactive",
                "status_reason": "erased",
                "status_date": None,
                "revision": 6,
                "ack_revision": 3,
            },
            "erase": True,
        },
    ),
    "a registration rule broken": Case(
        incoming(),
        problem=("age.too_old", {"age": 70}),
        expect={"outcome": Outcome.REFUSED, "code": "age.too_old", "params": {"age": 70}},
    ),
    "a new record whose registration number another record holds": Case(
        incoming(),
        Held(reg_no_owner=U2),
        expect={
            "outcome": Outcome.REFUSED,
            "code": "record.reg_no_taken",
            "params": {"reg_no": REG1},
        },
    ),
    "a known record arriving under another registration number": Case(
        incoming(reg_no=REG3),
        Held(row=stored()),
        expect={
            "outcome": Outcome.REFUSED,
            "code": "record.held_as",
            "params": {"reg_no": REG3, "other": REG1},
        },
    ),
    # Another office's record with the same id (a register copied from another PC): not
    # "unchanged", though its revision is one the register has merged.
    "a known id under another registration number, at a revision merged already": Case(
        incoming(reg_no=REG3, revision=2),
        Held(row=stored()),
        expect={
            "outcome": Outcome.REFUSED,
            "code": "record.held_as",
            "params": {"reg_no": REG3, "other": REG1},
        },
    ),
}

# --- records new to the register --------------------------------------------------------

NEW = {
    "new: accepted": Case(
        incoming(),
        expect={"outcome": Outcome.NEW, "insert": ("accepted", 3), "claim": (NIK1, REG1)},
    ),
    "new, holding its own registration number": Case(
        incoming(),
        Held(reg_no_owner=U1),
        expect={"outcome": Outcome.NEW, "insert": ("accepted", 3), "claim": (NIK1, REG1)},
    ),
    "new with a KPJ: active": Case(
        incoming(kpj="12345678901"),
        expect={"outcome": Outcome.NEW, "insert": ("active", 3), "claim": (NIK1, REG1)},
    ),
    "new and inactive: no NIK check": Case(
        incoming(status="inactive", status_reason="died"),
        Held(nik_holders=(holder(U2, REG2),)),
        expect={"outcome": Outcome.NEW, "insert": ("inactive", 3)},
    ),
    "new, its NIK held by another record of the register": Case(
        incoming(),
        Held(nik_holders=(holder(U2, REG2),)),
        expect={
            "outcome": Outcome.DUPLICATE,
            "code": "sync.likely_duplicate",
            "params": {"other": REG2},
            "other": REG2,
            "conflict": (ConflictKind.DUPLICATE, U2),
        },
    ),
    "new, the NIK's holder is itself": Case(
        incoming(),
        Held(nik_holders=(holder(U1, REG1),)),
        expect={"outcome": Outcome.NEW, "insert": ("accepted", 3), "claim": (NIK1, REG1)},
    ),
    "new, a duplicate of a record earlier in the same bundle": Case(
        incoming(),
        so_far=SoFar(claims={NIK1: Claim(U3, REG3)}),
        expect={
            "outcome": Outcome.DUPLICATE,
            "code": "sync.likely_duplicate",
            "params": {"other": REG3},
            "other": REG3,
            "conflict": (ConflictKind.DUPLICATE, U3),
        },
    ),
    "new, the bundle's claim on the NIK is its own": Case(
        incoming(),
        so_far=SoFar(claims={NIK1: Claim(U1, REG1)}),
        expect={"outcome": Outcome.NEW, "insert": ("accepted", 3), "claim": (NIK1, REG1)},
    ),
    "new, still a duplicate: its waiting conflict is refreshed": Case(
        incoming(),
        Held(pending=PENDING_DUP, nik_holders=(holder(U2, REG2),)),
        expect={
            "outcome": Outcome.DUPLICATE,
            "code": "sync.likely_duplicate",
            "params": {"other": REG2},
            "other": REG2,
            "conflict": (ConflictKind.DUPLICATE, 41),
        },
    ),
    "new, no longer a duplicate: its waiting conflict is withdrawn": Case(
        incoming(status="inactive", status_reason="moved"),
        Held(pending=PENDING_DUP, nik_holders=(holder(U2, REG2),)),
        expect={"outcome": Outcome.NEW, "insert": ("inactive", 3), "withdraw": 41},
    ),
}

# --- records the register holds: merged field by field ---------------------------------

MERGE = {
    "the office changed a field: taken": Case(
        incoming(phone="081234567890"),
        Held(row=stored()),
        expect={
            "outcome": Outcome.CHANGED,
            "update": {"phone": "081234567890"} | MERGED | MERGED_BY,
            "claim": (NIK1, REG1),
        },
    ),
    "changed on both sides, other fields: the office's taken": Case(
        incoming(phone="081234567890"),
        Held(row=stored(jorong="Koto"), kab_fields=frozenset({"jorong"})),
        OfficeSays(fields=frozenset({"phone"})),
        expect={
            "outcome": Outcome.CHANGED,
            "update": {"phone": "081234567890"} | MERGED | MERGED_BY,
            "claim": (NIK1, REG1),
        },
    ),
    "the same field changed on both sides: an edit conflict": Case(
        incoming(name="Yusnimar Kec"),
        Held(row=stored(name="Yusnimar Kab"), kab_fields=frozenset({"name"})),
        OfficeSays(fields=frozenset({"name"})),
        expect={
            "outcome": Outcome.CONFLICT,
            "code": "sync.edit_conflict",
            "params": {"fields": "name"},
            "conflict": (ConflictKind.EDIT, U1),
        },
    ),
    "a field the office did not change, changed here: acknowledged only": Case(
        incoming(),
        Held(row=stored(name="Yusnimar Kab"), kab_fields=frozenset({"name"})),
        OfficeSays(fields=frozenset({"phone"})),
        expect={"outcome": Outcome.UNCHANGED, "ack": 3},
    ),
    "a new revision with nothing to take: acknowledged only": Case(
        incoming(),
        Held(row=stored()),
        expect={"outcome": Outcome.UNCHANGED, "ack": 3},
    ),
    "a newer version of a record waiting as a duplicate": Case(
        incoming(phone="081234567890"),
        Held(row=stored(), pending=PENDING_DUP),
        expect={
            "outcome": Outcome.DUPLICATE,
            "code": "sync.likely_duplicate",
            "params": {"other": REG2},
            "other": REG2,
            "conflict": (ConflictKind.DUPLICATE, 41),
        },
    ),
    "a NIK change: taken": Case(
        incoming(nik=NIK2),
        Held(row=stored()),
        expect={
            "outcome": Outcome.CHANGED,
            "update": {"nik": NIK2} | MERGED | MERGED_BY,
            "claim": (NIK2, REG1),
        },
    ),
    "a NIK change that collides with another record": Case(
        incoming(nik=NIK2),
        Held(row=stored(), nik_holders=(holder(U2, REG2),)),
        expect={
            "outcome": Outcome.DUPLICATE,
            "code": "sync.likely_duplicate",
            "params": {"other": REG2},
            "other": REG2,
            "conflict": (ConflictKind.DUPLICATE, U2),
        },
    ),
    "a NIK change of an inactive record: no NIK check": Case(
        incoming(nik=NIK2, status="inactive", status_reason="died"),
        Held(
            row=stored(status="inactive", status_reason="died"),
            nik_holders=(holder(U2, REG2),),
        ),
        expect={"outcome": Outcome.CHANGED, "update": {"nik": NIK2} | MERGED | MERGED_BY},
    ),
    "deactivated at the office": Case(
        incoming(status="inactive", status_reason="died", status_date=dt.date(2026, 3, 1)),
        Held(row=stored()),
        expect={
            "outcome": Outcome.CHANGED,
            "update": {
                "status": "inactive",
                "status_reason": "died",
                "status_date": dt.date(2026, 3, 1),
            }
            | MERGED
            | MERGED_BY,
        },
    ),
    "reactivated at the office: back in the programme": Case(
        incoming(),
        Held(row=stored(status="inactive", status_reason="moved", kpj="12345678901")),
        OfficeSays(reactivated=True),
        expect={
            "outcome": Outcome.CHANGED,
            "update": {"status": "active", "status_reason": ""} | MERGED | MERGED_BY,
            "claim": (NIK1, REG1),
        },
    ),
    "a reactivation that collides with another record": Case(
        incoming(),
        Held(
            row=stored(status="inactive", status_reason="moved"),
            nik_holders=(holder(U2, REG2),),
        ),
        OfficeSays(reactivated=True),
        expect={
            "outcome": Outcome.DUPLICATE,
            "code": "sync.likely_duplicate",
            "params": {"other": REG2},
            "other": REG2,
            "conflict": (ConflictKind.DUPLICATE, U2),
        },
    ),
    "a reactivation of a record the kabupaten found a duplicate: its decision stands": Case(
        incoming(),
        Held(row=stored(status="inactive", status_reason="duplicate", duplicate_of=REG2)),
        OfficeSays(reactivated=True),
        expect={"outcome": Outcome.UNCHANGED, "ack": 3},
    ),
    "active at the office but not reactivated there: the register's status stands": Case(
        incoming(),
        Held(row=stored(status="inactive", status_reason="moved")),
        expect={"outcome": Outcome.UNCHANGED, "ack": 3},
    ),
}


def _table(cases: dict[str, Case]) -> Any:
    return pytest.mark.parametrize("case", list(cases.values()), ids=list(cases))


@_table(EARLY)
def test_before_the_rules(case: Case) -> None:
    assert run(case) == case.expect


@_table(NEW)
def test_records_new_to_the_register(case: Case) -> None:
    assert run(case) == case.expect


@_table(MERGE)
def test_records_the_register_holds(case: Case) -> None:
    assert run(case) == case.expect


def test_the_rules_are_checked_only_for_a_record_that_may_enter() -> None:
    checked: list[str] = []

    def check(r: ParticipantRow) -> Problem | None:
        checked.append(r["uuid"])
        return None

    held = Held(row=stored())
    decide(incoming(revision=2), held, OfficeSays(), SoFar(), check)  # merged already
    decide(incoming(), Held(), OfficeSays(), SoFar(seen={U1}), check)  # repeated
    decide(incoming(erased_at=WHEN), held, OfficeSays(), SoFar(), check)  # an erasure
    assert checked == []
    decide(incoming(), held, OfficeSays(), SoFar(), check)
    assert checked == [U1]


def test_an_edit_conflict_keeps_the_registers_version_as_record_a() -> None:
    row = stored(name="Yusnimar Kab")
    d = decide(
        incoming(name="Yusnimar Kec"),
        Held(row=row, kab_fields=frozenset({"name"})),
        OfficeSays(),
        SoFar(),
        lambda _r: None,
    )
    assert d.conflict is not None and d.conflict.a_row == row and d.conflict.nik == NIK1


def test_a_change_says_what_changed_for_the_history() -> None:
    d = decide(
        incoming(phone="081234567890", name="Yusnimar W."),
        Held(row=stored()),
        OfficeSays(),
        SoFar(),
        lambda _r: None,
    )
    assert d.changes == {"name": ("Yusnimar Wati", "Yusnimar W."), "phone": ("", "081234567890")}


# --- the history, read for the decision -------------------------------------------------

KAB_HISTORY = {
    "nothing since the merge": ([], frozenset()),
    "an edit": ([("edit", '{"name": ["A", "B"]}')], frozenset({"name"})),
    "a merge forgets what came before": (
        [("edit", '{"name": ["A", "B"]}'), ("bundle_merge", "{}"), ("edit", '{"phone": [1, 2]}')],
        frozenset({"phone"}),
    ),
    "the creation is not an edit": ([("create", '{"name": [null, "A"]}')], frozenset()),
    "unreadable changes are skipped": ([("edit", "not json"), ("edit", "[1]")], frozenset()),
    "only the office's fields count": ([("kpj", '{"kpj": [null, "1"]}')], frozenset()),
}


@pytest.mark.parametrize(("entries", "fields"), list(KAB_HISTORY.values()), ids=list(KAB_HISTORY))
def test_fields_the_kabupaten_changed(
    entries: list[tuple[str, str]], fields: frozenset[str]
) -> None:
    assert kab_changed_fields(entries) == fields


def test_fields_the_office_changed() -> None:
    assert office_changed_fields('{"phone": ["", "0812"], "kpj": [null, "1"]}') == {"phone"}
    assert "name" in office_changed_fields("not json")  # unreadable: any field may have changed


def test_status_after_merge_leaves_an_active_record_active() -> None:
    assert status_after_merge(stored(), incoming(), reactivated=True) == {}


def test_the_tables_cover_every_outcome() -> None:
    seen = {c.expect["outcome"] for t in (EARLY, NEW, MERGE) for c in t.values()}
    assert seen == set(Outcome)


def test_a_case_is_not_changed_by_deciding_it() -> None:
    case = NEW["new: accepted"]
    before = replace(case)
    run(case)
    assert case.r == before.r and case.so_far == SoFar()
