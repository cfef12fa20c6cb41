"""One participant in words: the (label, value) pairs the CLI ``show``, the subject-access
PDF and the record screen all print.

Labels come from the core's catalogue, in the user's language; values read as a person
reads them: dates dd/mm/yyyy, money Rp1.234.567, status, sex, occupation and funding
source as words, an empty field as a dash. Never a code, never ``None``, never an ISO date.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from app.domain.fmt import format_date, format_rupiah, mask_nik
from app.domain.participant import FUNDING, OCCUPATIONS, Sex, Status
from app.domain.regions import RegionIndex
from app.i18n import tr
from app.store.records import ParticipantRecord

EMPTY = "—"


@dataclass(frozen=True)
class Shown:
    """One line of a description: a stable key (for screens and tests), label, value."""

    key: str
    label: str
    value: str


def _word(text: str) -> str:
    """A catalogue word as a value: its first letter capitalised (``draf`` → ``Draf``)."""
    return text[:1].upper() + text[1:]


def status_text(rec: ParticipantRecord) -> str:
    """The status in words; an inactive record adds why, since when and of whom."""
    text = _word(tr(rec.status))
    if rec.status == Status.INACTIVE.value and rec.status_reason:
        text += f" — {_word(tr(rec.status_reason))}"
        if rec.status_date:
            text += f", {format_date(rec.status_date)}"
        if rec.duplicate_of:
            text += f" ({rec.duplicate_of})"
    elif rec.status_reason:
        text += f" ({tr(rec.status_reason)})"
    return text


def sex_text(code: str) -> str:
    """L or P as a word."""
    if code == Sex.L.value:
        return _word(tr("male"))
    if code == Sex.P.value:
        return _word(tr("female"))
    return code or EMPTY


def describe(rec: ParticipantRecord, regions: RegionIndex, *, full_nik: bool) -> list[Shown]:
    """Every stored field of a participant worth reading, in order.

    Args:
        full_nik: the whole NIK (a supervisor, the person's own report); else masked.
    """
    erased = rec.erased_at is not None
    nagari = regions.get(rec.nagari_code)
    kec = regions.get(rec.kecamatan_code)
    born = ", ".join(
        x for x in (rec.birth_place, "" if erased else format_date(rec.birth_date)) if x
    )
    coverage = format_date(rec.coverage_start)
    if rec.coverage_end:
        coverage += " – " + format_date(rec.coverage_end)
    registered = f"{rec.created_at:%d/%m/%Y %H:%M}, {rec.created_by} ({rec.created_install})"
    pairs = [
        ("reg_no", tr("Registration no."), rec.reg_no),
        ("status", tr("Status"), status_text(rec)),
        ("nik", "NIK", rec.nik if full_nik or erased else mask_nik(rec.nik)),
        ("name", tr("Name"), rec.name),
        ("born", tr("Born"), born),
        ("sex", tr("Sex"), sex_text(rec.sex)),
        ("address", tr("Address"), ", ".join(x for x in (rec.address, rec.jorong) if x)),
        ("nagari", tr("Nagari"), nagari.name if nagari else rec.nagari_code),
        ("kecamatan", tr("Kecamatan"), kec.name if kec else rec.kecamatan_code),
        ("occupation", tr("Occupation"), OCCUPATIONS.get(rec.occupation, rec.occupation)),
        ("phone", tr("Phone"), rec.phone),
        ("income", tr("Declared income"), format_rupiah(rec.income)),
        ("funding", tr("Funding"), FUNDING.get(rec.funding, rec.funding)),
        ("programmes", tr("Programmes"), rec.programmes.replace(",", ", ")),
        ("coverage", tr("Coverage"), coverage),
        ("kpj", "KPJ", rec.kpj or ""),
        ("created", tr("Registered"), registered),
    ]
    if rec.override_reason:
        pairs.append(("override_reason", tr("Override reason"), rec.override_reason))
    return [Shown(key, label, value or EMPTY) for key, label, value in pairs]


# --- a history entry's fields -----------------------------------------------------------

# Stored field → its label (English source; the catalogue translates).
_LABELS: dict[str, str] = {
    "reg_no": "Registration no.",
    "nik": "NIK",
    "name": "Name",
    "birth_place": "Birth place",
    "birth_date": "Birth date",
    "sex": "Sex",
    "address": "Address",
    "jorong": "Jorong",
    "nagari_code": "Nagari",
    "kecamatan_code": "Kecamatan",
    "occupation": "Occupation",
    "phone": "Phone",
    "income": "Declared income",
    "funding": "Funding",
    "programmes": "Programmes",
    "coverage_start": "Coverage start",
    "coverage_end": "Coverage end",
    "status": "Status",
    "status_reason": "Reason",
    "status_date": "Since",
    "duplicate_of": "Duplicate of",
    "kpj": "KPJ",
    "override_reason": "Override reason",
    "overridden": "Overridden",
    "created_by": "Registered by",
    "created_install": "Registered at",
    "updated_by": "Changed by",
    "updated_install": "Changed at",
    "file": "File",
    "line": "Row",
    "source": "Source",
    "serial": "Card serial",
    "version": "Card version",
    "event": "Handover event",
    "proxy": "Proxy",
    "role": "Role",
}


def field_label(key: str) -> str:
    """The label of a stored field (a history entry names fields by their key)."""
    return tr(_LABELS.get(key, key))


def _iso_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def value_text(
    key: str, value: Any, regions: RegionIndex | None = None, *, full_nik: bool = False
) -> str:
    """A stored value as it reads (dates dd/mm/yyyy, money in rupiah, codes as words)."""
    if value is None or value == "":
        return EMPTY
    if key == "nik" and isinstance(value, str):
        return value if full_nik else mask_nik(value)
    if key in ("status", "status_reason", "role"):
        return _word(tr(str(value)))
    if key == "sex":
        return sex_text(str(value))
    if key == "occupation":
        return OCCUPATIONS.get(str(value), str(value))
    if key == "funding":
        return FUNDING.get(str(value), str(value))
    if key == "programmes":
        return str(value).replace(",", ", ")
    if key == "income" and isinstance(value, int):
        return format_rupiah(value)
    if key in ("nagari_code", "kecamatan_code") and regions is not None:
        region = regions.get(str(value))
        return region.name if region else str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    date = _iso_date(value)
    return format_date(date) if date is not None else str(value)


def change_lines(
    changes: dict[str, Any],
    regions: RegionIndex | None,
    *,
    hidden: frozenset[str] = frozenset(),
    full_nik: bool = False,
) -> list[str]:
    """A history entry's changes as ``Field: before → after`` lines, in words."""
    lines = []
    for key, value in changes.items():
        if key in hidden:
            continue
        if isinstance(value, list) and len(value) == 2 and key != "overridden":
            before, after = (value_text(key, v, regions, full_nik=full_nik) for v in value)
            shown = after if value[0] is None else f"{before} → {after}"
            lines.append(f"{field_label(key)}: {shown}")
        else:
            lines.append(f"{field_label(key)}: {value_text(key, value, regions)}")
    return lines


# Who saved a record, and where: the history line shows it already.
HIDDEN_IN_HISTORY = frozenset(
    {"created_by", "created_install", "updated_by", "updated_install", "uuid"}
)


def history_changes(raw: str, regions: RegionIndex | None, *, full_nik: bool = False) -> str:
    """A history entry's stored changes (JSON) as lines of ``Field: before → after``."""
    try:
        changes = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(changes, dict):
        return str(changes)
    return "\n".join(change_lines(changes, regions, hidden=HIDDEN_IN_HISTORY, full_nik=full_nik))
