"""Print jobs: who gets a card, what is recorded, copies, reprints, cancelling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cards.pdftext import read
from app.domain.participant import InactiveReason
from app.domain.rows import CardRow
from app.errors import InvalidInput, NotFound, Refused
from app.services import cards, participants, prefs
from app.services.actor import Actor, Role
from app.services.cards import Cancelled, Selection
from app.services.context import Context
from app.services.verify import Verdict, verify
from app.store import cardrepo, repo
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.cardhelp import APOSTROPHE, NON_LATIN1, reg_of
from tests.conftest import NAGARI_IN, MakeParticipant

OPERATOR = Actor("ani", Role.OPERATOR)


def everyone(ctx: Context, out: Path, **kw: object) -> cards.PrintResult:
    return cards.print_cards(ctx, OPERATOR, Selection(everyone=True), out, **kw)  # type: ignore[arg-type]


def test_printing_everyone_records_one_new_card_each(ctx: Context, tmp_path: Path) -> None:
    result = everyone(ctx, tmp_path / "all.pdf")
    assert (result.cards, result.new, result.copies, result.reprints) == (25, 25, 0, 0)
    assert result.pages == 6 and result.layout == "a4"
    assert result.path.is_file() and not list(tmp_path.glob("*.part"))
    assert cards.counts(ctx) == {"print": 25, "current": 25}
    rec = cards.cards_of(ctx, reg_of(ctx, APOSTROPHE))
    assert [(c.version, c.kind, c.printed_by, c.install_code, c.void) for c in rec] == [
        (1, "print", "ani", "130306-A", False)
    ]
    serials = [
        c.serial
        for r in participants.rows(ctx, participants.search(ctx, _all()))
        for c in cards.cards_of(ctx, r.reg_no)
    ]
    assert sorted(serials) == list(range(1, 26))


def _all() -> ListQuery:
    return ListQuery()


def test_printing_a_current_card_again_is_a_copy(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, NON_LATIN1)
    first = cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "a.pdf")
    again = cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg.lower(),)), tmp_path / "b.pdf")
    assert (first.new, first.copies) == (1, 0)
    assert (again.new, again.copies) == (0, 1)
    rows = cards.cards_of(ctx, reg)
    assert [(c.kind, c.version, c.serial) for c in rows] == [("print", 1, 1), ("copy", 1, 1)]
    # A copy is the same card: the same QR code.
    assert cards.current_payload(ctx, reg) is not None
    assert (
        read((tmp_path / "a.pdf").read_bytes()).text == read((tmp_path / "b.pdf").read_bytes()).text
    )


def test_unprinted_and_nagari_selections(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "one.pdf")
    rest = cards.print_cards(ctx, OPERATOR, Selection(unprinted=True), tmp_path / "rest.pdf")
    assert (rest.cards, rest.new, rest.copies) == (24, 24, 0)
    with pytest.raises(Refused) as exc:
        cards.print_cards(ctx, OPERATOR, Selection(unprinted=True), tmp_path / "none.pdf")
    assert exc.value.code == "cards.nobody"
    in_nagari = cards.print_cards(ctx, OPERATOR, Selection(nagari=NAGARI_IN), tmp_path / "n.pdf")
    assert in_nagari.copies == in_nagari.cards >= 2  # the two named participants live there
    assert not (tmp_path / "none.pdf").exists()


def test_the_pdf_holds_the_names_and_the_full_nik_only_when_set(
    ctx: Context, tmp_path: Path
) -> None:
    reg = reg_of(ctx, NON_LATIN1)
    nik = participants.get(ctx, reg).nik
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "m.pdf")
    text = read((tmp_path / "m.pdf").read_bytes()).text
    assert NON_LATIN1 in text and nik not in text and nik[:6] + "••••••••" + nik[-2:] in text
    prefs.set_value(ctx, ADMIN, "show_full_nik", True)
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "f.pdf")
    assert nik in read((tmp_path / "f.pdf").read_bytes()).text


def test_layout_comes_from_the_setting_unless_given(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    prefs.set_value(ctx, ADMIN, "card_layout", "cr80")
    assert cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "a").pages == 2
    assert (tmp_path / "a.pdf").is_file()  # ".pdf" is added
    result = cards.print_cards(
        ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "b.pdf", layout="a4"
    )
    assert result.layout == "a4"


def test_reprint_raises_the_version_and_voids_the_old_card(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "v1.pdf")
    old = cards.current_payload(ctx, reg)
    assert old is not None
    result = cards.reprint(
        ctx, OPERATOR, Selection(reg_nos=(reg,)), "  kartu  hilang ", tmp_path / "v2.pdf"
    )
    assert (result.reprints, result.new) == (1, 0)
    rows = cards.cards_of(ctx, reg)
    assert [(c.version, c.kind, c.void, c.reason) for c in rows] == [
        (1, "print", True, ""),
        (2, "reprint", False, "kartu hilang"),
    ]
    assert rows[1].serial > rows[0].serial
    assert verify(ctx, old).verdict is Verdict.VOID
    new = cards.current_payload(ctx, reg)
    assert new is not None and new != old
    assert verify(ctx, new).verdict is Verdict.GENUINE
    again = cards.reprint(ctx, OPERATOR, Selection(reg_nos=(reg,)), "rusak", tmp_path / "v3.pdf")
    assert again.reprints == 1 and cards.cards_of(ctx, reg)[-1].version == 3
    actions = [h.action for h in participants.history(ctx, participants.get(ctx, reg).uuid)]
    assert actions[-3:] == ["card_print", "card_reprint", "card_reprint"]


def test_reprint_refusals(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    with pytest.raises(InvalidInput) as exc:
        cards.reprint(ctx, OPERATOR, Selection(reg_nos=(reg,)), "  ", tmp_path / "x.pdf")
    assert exc.value.code == "cards.reason_needed"
    with pytest.raises(Refused) as refused:
        cards.reprint(ctx, OPERATOR, Selection(reg_nos=(reg,)), "hilang", tmp_path / "x.pdf")
    assert refused.value.code == "cards.never_printed"
    assert cards.cards_of(ctx, reg) == []


def test_selection_problems_change_nothing(
    ctx: Context, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    with pytest.raises(InvalidInput):
        cards.print_cards(ctx, OPERATOR, Selection(), tmp_path / "x.pdf")
    with pytest.raises(NotFound):
        cards.print_cards(
            ctx, OPERATOR, Selection(reg_nos=("130306-A-999999",)), tmp_path / "x.pdf"
        )
    draft = participants.register(ctx, ADMIN, make_participant(serial=9100, name="Draf Saja"))
    with pytest.raises(Refused) as exc:
        cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(draft.reg_no,)), tmp_path / "x.pdf")
    assert exc.value.code == "cards.not_printable"
    inactive = reg_of(ctx, APOSTROPHE)
    participants.deactivate(ctx, ADMIN, inactive, InactiveReason.MOVED)
    result = cards.print_cards(
        ctx,
        OPERATOR,
        Selection(reg_nos=(draft.reg_no, inactive, reg_of(ctx, NON_LATIN1))),
        tmp_path / "y.pdf",
    )
    assert result.cards == 1
    assert dict(result.skipped) == {draft.reg_no: "draft", inactive: "inactive"}
    assert not (tmp_path / "x.pdf").exists()
    assert cards.counts(ctx) == {"print": 1, "current": 1}


def test_a_cancelled_job_leaves_no_pdf_and_no_record(ctx: Context, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 10  # the user presses Cancel after ten cards

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        everyone(ctx, out / "c.pdf", progress=progress)
    assert seen[0] == (0, 25) and (10, 25) in seen
    assert list(out.iterdir()) == []
    assert cards.counts(ctx) == {"current": 0}
    with pytest.raises(Cancelled):
        everyone(ctx, out / "d.pdf", progress=lambda d, t: d == 0)
    assert list(out.iterdir()) == []


def test_progress_reaches_the_total(ctx: Context, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    everyone(ctx, tmp_path / "p.pdf", progress=record)
    assert seen[0] == (0, 25) and seen[-1] == (25, 25)


def test_cards_printed_meanwhile_are_not_recorded_twice(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, APOSTROPHE)

    def meanwhile(done: int, total: int) -> bool:
        if done == 1:  # another account prints the same card while this job draws
            cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "other.pdf")
        return True

    with pytest.raises(Refused) as exc:
        cards.print_cards(
            ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "mine.pdf", progress=meanwhile
        )
    assert exc.value.code == "cards.changed"
    assert not (tmp_path / "mine.pdf").exists()
    assert [c.kind for c in cards.cards_of(ctx, reg)] == ["print"]


def test_a_missing_folder_is_a_storage_error(ctx: Context, tmp_path: Path) -> None:
    from app.errors import StorageError

    with pytest.raises(StorageError):
        everyone(ctx, tmp_path / "no" / "such" / "dir.pdf")
    assert cards.counts(ctx) == {"current": 0}


def set_kpj(ctx: Context, reg_no: str, kpj: str) -> None:
    rec = participants.get(ctx, reg_no)
    with ctx.db.session() as s:
        repo.update_participant(s, rec.id, {"kpj": kpj, "status": "active"})


def test_kpj_arrival_offers_cards_for_reprint(ctx: Context, tmp_path: Path) -> None:
    everyone(ctx, tmp_path / "all.pdf")
    assert cards.kpj_reprint_candidates(ctx) == []
    reg = reg_of(ctx, NON_LATIN1)
    set_kpj(ctx, reg, "04123456789")
    offered = cards.kpj_reprint_candidates(ctx)
    assert [(c.reg_no, c.kpj, c.version) for c in offered] == [(reg, "04123456789", 1)]
    assert offered[0].name == NON_LATIN1 and offered[0].serial.startswith("130306-A/")
    cards.reprint(ctx, OPERATOR, Selection(reg_nos=(reg,)), "KPJ terbit", tmp_path / "kpj.pdf")
    assert cards.kpj_reprint_candidates(ctx) == []
    text = read((tmp_path / "kpj.pdf").read_bytes()).text.splitlines()
    assert "04123456789" in text and "No. KPJ" in text
    assert cards.cards_of(ctx, reg)[-1].kpj == "04123456789"


def test_card_states_for_the_list_filter(ctx: Context, tmp_path: Path) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "one.pdf")
    pid = participants.get(ctx, reg).id
    assert cards.participant_ids(ctx, "pending") == [pid]
    assert cards.participant_ids(ctx, "handed") == []
    assert pid not in cards.participant_ids(ctx, "unprinted")
    assert len(cards.participant_ids(ctx, "unprinted")) == 24
    with pytest.raises(InvalidInput):
        cards.participant_ids(ctx, "lost")


def test_the_database_keeps_one_current_card_per_participant(ctx: Context, tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    reg = reg_of(ctx, APOSTROPHE)
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "one.pdf")
    card = cards.cards_of(ctx, reg)[0]
    row: CardRow = {
        "participant_uuid": card.participant_uuid,
        "reg_no": reg,
        "serial": 99,
        "version": 2,
        "kind": "print",
        "reason": "",
        "kpj": None,
        "printed_at": dt.datetime.now(),
        "printed_by": "x",
        "install_code": "130306-A",
        "void": False,
        "voided_at": None,
    }
    with pytest.raises(IntegrityError), ctx.db.session() as s:
        cardrepo.insert_cards(s, [row])
