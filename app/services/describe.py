"""One participant in words: the (label, value) pairs the CLI ``show``, the subject-access
PDF and the record screen all print.

Labels come from the core's catalogue, in the user's language; values read as a person
reads them: dates dd/mm/yyyy, money Rp1.234.567, status, sex, occupation and funding
source as words, an empty field as a dash. Never a code, never ``None``, never an ISO date.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def word(text: str) -> str:
    """A catalogue word as a value: its first letter capitalised (``draf`` → ``Draf``)."""
    return text[:1].upper() + text[1:]


def status_text(rec: ParticipantRecord) -> str:
    """The status in words; an inactive record adds why, since when and of whom."""
    text = word(tr(rec.status))
    if rec.status == Status.INACTIVE.value and rec.status_reason:
        text += f" — {word(tr(rec.status_reason))}"
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
        return word(tr("male"))
    if code == Sex.P.value:
        return word(tr("female"))
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
FIELD_LABELS: dict[str, str] = {
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
    return tr(FIELD_LABELS.get(key, key))


def history_changes(raw: str, regions: RegionIndex | None, *, full_nik: bool = False) -> str:
    """A history entry's stored changes (JSON) as lines of ``Field: before → after``.

    ``app.services.changes`` puts them into words, for the audit trail too.
    """
    from app.services.changes import describe as describe_changes

    return "\n".join(describe_changes(raw, regions, full_nik=full_nik))
