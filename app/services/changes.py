"""A history entry's changes in words: field labels, values as a clerk reads them.

History entries store their changes as JSON with the database's field names and codes
(``birth_date: [null, "1980-08-07"]``, ``status: ["draft", "approved"]``). The command
line's ``show``, the audit trail (CLI, screen and xlsx) and the record screen show them
through :func:`describe`: "Tanggal lahir: 07/08/1980", "Status: draf → disetujui", no
``None``, NIKs masked.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from app.domain.fmt import format_date, format_rupiah, mask_nik
from app.domain.participant import FUNDING, OCCUPATIONS
from app.domain.regions import RegionIndex
from app.i18n import fmt_int, render, tr
from app.services.describe import EMPTY, sex_text, word
from app.services.describe import FIELD_LABELS as PARTICIPANT_LABELS

# Bookkeeping that every create carries and that says nothing to a reader.
HIDDEN = frozenset(
    {
        "created_by",
        "created_install",
        "updated_by",
        "updated_install",
        "uuid",
        "revision",
        "restore_id",
    }
)

# Keys of other entries than participants (a participant's own fields take their labels
# from describe.FIELD_LABELS, looked up first).
FIELDS = {
    "nagari": "Nagari",
    "kecamatan": "Kecamatan",
    "date": "Date",
    "place": "Place",
    "officials": "Officials",
    "fingerprint": "Fingerprint",
    "sequence": "Bundle no.",
    "install": "Install",
    "regency": "Regency",
    "station": "Station",
    "reason": "Reason",
    "kind": "Kind",
    "year": "Programme year",
    "copy_from": "From the quotas of",
    "quotas": "Quotas",
    "quota": "Quota",
    "count": "Count",
    "rows": "Rows",
    "new": "New",
    "duplicate": "Duplicates",
    "refused": "Refused",
    "path": "File",
    "key": "Setting",
    "value": "Value",
    "protected": "Passphrase",
    "replaced": "Keys replaced",
    "username": "Account",
    "full_name": "Full name",
    "programme": "Programme",
    "percent_bp": "Percent (hundredths)",
    "amount": "Amount",
    "effective_from": "In force from",
    "participants": "Participants",
    "cards": "Cards",
    "entries": "Entries",
    "note": "Note",
    "label": "Label",
    "full": "Full NIK",
    "search": "Search",
    "counts": "Counts",
    "encrypted": "Encrypted",
    "format": "Format",
    "from": "From",
    "full_nik": "Full NIK",
    "given": "Handed over",
    "issued_at": "Issued",
    "kabupaten": "Kabupaten",
    "keys": "Keys",
    "records": "Records",
    "replaced_backup": "Backup of the replaced data",
    "erasures_reapplied": "Erasures applied again",
    "after_restore": "Applied again after a restore",
    "rule": "Rule",
}

# What the counts of a bundle, a receipt or an import are of (their keys as stored).
COUNT_WORDS = {
    "new": "new",
    "changed": "changed",
    "unchanged": "unchanged",
    "conflict": "conflicts",
    "conflicts": "conflicts",  # as older audit entries stored it
    "duplicate": "likely duplicates",
    "duplicates": "likely duplicates",
    "refused": "refused",
    "accepted": "accepted",
    "active": "active",
    "inactive": "inactive",
    "pending": "pending review",
    "restored": "restored",
    "updated": "updated",
    "cards": "cards",
    "voided": "cards voided",
    "skipped": "cards of people not in the register",
    "handovers": "handover events",
    "cards_voided": "cards voided",
    "participants": "participants",
    "history": "history entries",
}

# Values that are lists of several things, never a change from one value to another.
LISTS = frozenset({"officials", "overridden", "replaces", "reg_nos", "programmes_list"})

# Values that are codes, and the words they stand for.
_STATUS = {"draft", "approved", "accepted", "active", "inactive"}
_REASONS = {"moved", "died", "ended", "duplicate"}
_ROLES = {"operator", "supervisor", "admin", "kecamatan", "kabupaten"}


def count_word(key: str) -> str:
    """What a count is of, in the user's language ("new" → "baru")."""
    return tr(COUNT_WORDS.get(key, key))


def field_label(key: str) -> str:
    """The label of a stored field in the user's language (an unknown key as itself).

    A participant's fields are labelled as their description labels them.
    """
    text = PARTICIPANT_LABELS.get(key) or FIELDS.get(key)
    return tr(text) if text else key.replace("_", " ")


def _date_text(value: str) -> str | None:
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            if len(value) == 10:
                return format_date(dt.date.fromisoformat(value))
            return dt.datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return None
    return None


def value_text(
    key: str, value: Any, regions: RegionIndex | None = None, *, full_nik: bool = False
) -> str:
    """A stored value as a clerk reads it: dates dd/mm/yyyy, money, codes as words."""
    if key == "proxy" and not value:
        return tr("in person")
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if key == "nik" and isinstance(value, str):
        return value if full_nik else mask_nik(value)
    if key in ("status", "status_reason", "role", "sex") and isinstance(value, str):
        if key == "sex":
            return sex_text(value)
        if value in _STATUS | _REASONS | _ROLES:
            return word(tr(value))  # as the record's description writes it: Disetujui
        return value
    if key == "occupation":
        return OCCUPATIONS.get(str(value), str(value))
    if key == "funding":
        return FUNDING.get(str(value), str(value))
    if key in ("income", "amount") and isinstance(value, int):
        return format_rupiah(value)
    if key in ("nagari_code", "kecamatan_code", "nagari", "kecamatan") and regions is not None:
        region = regions.get(str(value))
        return region.name if region else str(value)
    if isinstance(value, int):
        return fmt_int(value) if key not in ("year", "copy_from", "event", "line") else str(value)
    if key == "programmes" and isinstance(value, str):
        return value.replace(",", ", ")
    if isinstance(value, list):
        return ", ".join(value_text(key, v, regions) for v in value)
    if isinstance(value, dict) and set(value) == {"code", "params"}:
        # A message stored as its code and parameters (chain rule 2), in the reader's language.
        params = value["params"] if isinstance(value["params"], dict) else {}
        return render(str(value["code"]), **params)
    if isinstance(value, dict):
        return ", ".join(f"{count_word(k)} {value_text(k, v, regions)}" for k, v in value.items())
    if isinstance(value, str):
        date = _date_text(value)
        if date is not None:
            return date
    return str(value)


def describe(
    raw: str | dict[str, Any], regions: RegionIndex | None = None, *, full_nik: bool = False
) -> list[str]:
    """A history entry's changes as lines of "Label: before → after" (or "Label: value")."""
    if isinstance(raw, str):
        try:
            changes = json.loads(raw) if raw else {}
        except ValueError:
            return [raw]
    else:
        changes = raw
    if not isinstance(changes, dict):
        return [str(changes)]
    lines = []
    for key, value in changes.items():
        if key in HIDDEN:
            continue
        if isinstance(value, list) and len(value) == 2 and key not in LISTS:
            before, after = value
            if before is None or before == "":
                if after is None or after == "":
                    continue  # an empty field at creation says nothing
                shown = value_text(key, after, regions, full_nik=full_nik)
                lines.append(f"{field_label(key)}: {shown}")
            else:
                before_text = value_text(key, before, regions, full_nik=full_nik)
                after_text = value_text(key, after, regions, full_nik=full_nik)
                lines.append(f"{field_label(key)}: {before_text} → {after_text}")
        else:
            shown = value_text(key, value, regions, full_nik=full_nik)
            lines.append(f"{field_label(key)}: {shown}")
    return lines
