"""Every preference, with its default, declared in one place.

Values are stored in the database's ``setting`` table as JSON; what is not stored takes its
default. Facts marked unconfirmed in docs/domain.md (age limits) are settings, never constants.
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
    SettingDef("language", "id", "Language of the interface: id (Bahasa Indonesia) or en."),
    SettingDef("approval_required", True, "Only a supervisor's approval lets a record leave."),
    SettingDef("age_min", 18, "Youngest age accepted without a supervisor's override."),
    SettingDef("age_max", 65, "Oldest age accepted without a supervisor's override."),
    SettingDef("pay_jht", False, "Whether the scheme pays JHT for participants who have it."),
    SettingDef("programme_title", "Program Perlindungan Pekerja Rentan", "Title on cards."),
    SettingDef("regency_name", "Kabupaten Sijunjung", "The regency's name on cards, reports."),
    SettingDef("show_full_nik", False, "Show whole NIKs on cards instead of masked ones."),
    SettingDef("idle_lock_minutes", 10, "Lock the window after this many idle minutes."),
    SettingDef("backup_keep", 10, "How many recent automatic backups to keep."),
    SettingDef("retention_days", 5 * 365, "Erase personal data this long after leaving."),
    SettingDef("backup_retention_days", 30, "Backups older than this are removed on erasure."),
    SettingDef(
        "nagari_aliases",
        {},
        "Nagari spellings learned from imports (spelling: nagari code), saved by a supervisor.",
    ),
    SettingDef("default_coverage_start", "", "Coverage start for new records (dd/mm/yyyy)."),
    # The kabupaten's desk: reports' letterhead and signature, the BPJS columns.
    SettingDef("report_office", "Dinas Tenaga Kerja dan Transmigrasi", "Office on reports."),
    SettingDef("report_place", "Muaro Sijunjung", "Place written above the signature."),
    SettingDef(
        "report_signer_title",
        "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        "Who signs reports (title).",
    ),
    SettingDef("report_signer_name", "", "Who signs reports (name; empty: a line to fill)."),
    SettingDef("report_signer_nip", "", "The signer's NIP (empty: a line to fill)."),
    SettingDef(
        "bpjs_columns_file",
        "",
        "JSON file of the BPJS registration columns (empty: resources/bpjs_columns.json).",
    ),
    # Cards (docs/cards.md). An empty text means the standard one, printed in the chosen language.
    SettingDef("card_back_benefits", "", "Card back: what the programmes give (empty: standard)."),
    SettingDef("card_back_accident", "", "Card back: what to do after an accident (empty: std)."),
    SettingDef("card_back_death", "", "Card back: what the heirs do after a death (empty: std)."),
    SettingDef(
        "card_bpjs_contact",
        "BPJS Ketenagakerjaan Kantor Cabang Solok · Layanan Masyarakat 175",
        "Card back: contact of the BPJS Ketenagakerjaan branch.",
    ),
    SettingDef(
        "card_dinas_contact",
        "Dinas Nakertrans Kabupaten Sijunjung",
        "Card back: contact of the Dinas (name, address, phone).",
    ),
    SettingDef("card_layout", "a4", "Default card layout: a4 (10 to a sheet) or cr80."),
    SettingDef("card_offset_front_x_mm", 0.0, "Printer calibration: move fronts right (mm)."),
    SettingDef("card_offset_front_y_mm", 0.0, "Printer calibration: move fronts down (mm)."),
    SettingDef("card_offset_back_x_mm", 0.0, "Printer calibration: move backs right (mm)."),
    SettingDef("card_offset_back_y_mm", 0.0, "Printer calibration: move backs down (mm)."),
]

SETTINGS: dict[str, SettingDef] = {d.key: d for d in _DEFS}


def default(key: str) -> Any:
    """The default value of a setting.

    Raises:
        KeyError: an undeclared setting (a bug, not bad input).
    """
    return SETTINGS[key].default
