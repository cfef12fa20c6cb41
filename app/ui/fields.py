"""Names of a participant's fields and how their stored values read on screen.

Shared by the record view (history: who changed what, before → after) and the form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.fmt import format_date, format_rupiah, mask_nik
from app.domain.regions import RegionIndex
from app.ui.common import (
    funding_label,
    occupation_label,
    reason_label,
    role_label,
    sex_label,
    status_label,
)


def field_label(key: str) -> str:
    """The label of a stored field, for the history."""
    labels = {
        "reg_no": QCoreApplication.translate("Fields", "Reg. no."),
        "nik": QCoreApplication.translate("Fields", "NIK"),
        "name": QCoreApplication.translate("Fields", "Name"),
        "birth_place": QCoreApplication.translate("Fields", "Birth place"),
        "birth_date": QCoreApplication.translate("Fields", "Birth date"),
        "sex": QCoreApplication.translate("Fields", "Sex"),
        "address": QCoreApplication.translate("Fields", "Address"),
        "jorong": QCoreApplication.translate("Fields", "Jorong"),
        "nagari_code": QCoreApplication.translate("Fields", "Nagari"),
        "kecamatan_code": QCoreApplication.translate("Fields", "Kecamatan"),
        "occupation": QCoreApplication.translate("Fields", "Occupation"),
        "phone": QCoreApplication.translate("Fields", "Phone"),
        "income": QCoreApplication.translate("Fields", "Declared income"),
        "funding": QCoreApplication.translate("Fields", "Funding"),
        "programmes": QCoreApplication.translate("Fields", "Programmes"),
        "coverage_start": QCoreApplication.translate("Fields", "Coverage start"),
        "coverage_end": QCoreApplication.translate("Fields", "Coverage end"),
        "status": QCoreApplication.translate("Fields", "Status"),
        "status_reason": QCoreApplication.translate("Fields", "Reason"),
        "status_date": QCoreApplication.translate("Fields", "Since"),
        "duplicate_of": QCoreApplication.translate("Fields", "Duplicate of"),
        "kpj": QCoreApplication.translate("Fields", "KPJ"),
        "override_reason": QCoreApplication.translate("Fields", "Override reason"),
        "overridden": QCoreApplication.translate("Fields", "Overridden"),
        "created_by": QCoreApplication.translate("Fields", "Registered by"),
        "created_install": QCoreApplication.translate("Fields", "Registered at"),
        "updated_by": QCoreApplication.translate("Fields", "Changed by"),
        "updated_install": QCoreApplication.translate("Fields", "Changed at"),
        "file": QCoreApplication.translate("Fields", "File"),
        "line": QCoreApplication.translate("Fields", "Row"),
        "source": QCoreApplication.translate("Fields", "Source"),
        "serial": QCoreApplication.translate("Fields", "Card serial"),
        "version": QCoreApplication.translate("Fields", "Card version"),
        "event": QCoreApplication.translate("Fields", "Handover event"),
        "proxy": QCoreApplication.translate("Fields", "Proxy"),
    }
    return labels.get(key, key)


def action_label(action: str) -> str:
    """What a history entry did (the core's catalogue: the audit trail says the same)."""
    from app.services.audit import action_label as label

    return label(action)


def _date_text(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return None
    return None


def value_text(key: str, value: Any, regions: RegionIndex | None = None) -> str:
    """A stored value as it reads on screen (dates dd/mm/yyyy, money in rupiah, codes named)."""
    if value is None or value == "":
        return "—"
    if key == "nik" and isinstance(value, str):
        return mask_nik(value)
    if key == "status":
        return status_label(str(value))
    if key == "status_reason":
        return reason_label(str(value))
    if key == "sex":
        return sex_label(str(value))
    if key == "occupation":
        return occupation_label(str(value))
    if key == "funding":
        return funding_label(str(value))
    if key == "role":
        return role_label(str(value))
    if key == "income" and isinstance(value, int):
        return format_rupiah(value)
    if key in ("nagari_code", "kecamatan_code") and regions is not None:
        region = regions.get(str(value))
        return region.name if region else str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    date = _date_text(value)
    return date if date is not None else str(value)
