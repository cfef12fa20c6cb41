"""Every preference, with its default, declared in one place.

Values are stored in the database's ``setting`` table as JSON; what is not stored takes its
default. Facts marked unconfirmed in DOMAIN.md (age limits) are settings, never constants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingDef:
    """One preference: its key, default and what it is for."""

    key: str
    default: Any
    doc: str


_DEFS = [
    SettingDef("approval_required", True, "Only a supervisor's approval lets a record leave."),
    SettingDef("age_min", 18, "Youngest age accepted without a supervisor's override."),
    SettingDef("age_max", 65, "Oldest age accepted without a supervisor's override."),
    SettingDef("pay_jht", False, "Whether the scheme pays JHT for participants who have it."),
    SettingDef("programme_title", "Program Perlindungan Pekerja Rentan", "Title on cards."),
    SettingDef("regency_name", "Kabupaten Sijunjung", "The regency's name on cards, reports."),
    SettingDef("show_full_nik", False, "Show whole NIKs on cards instead of masked ones."),
    SettingDef("idle_lock_minutes", 10, "Lock the window after this many idle minutes."),
    SettingDef("default_coverage_start", "", "Coverage start for new records (dd/mm/yyyy)."),
]

SETTINGS: dict[str, SettingDef] = {d.key: d for d in _DEFS}


def default(key: str) -> Any:
    """The default value of a setting.

    Raises:
        KeyError: an undeclared setting (a bug, not bad input).
    """
    return SETTINGS[key].default
