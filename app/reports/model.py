"""What a report says, as plain data: the services fill it, the writers draw it.

A report is a title, the regency's letterhead, a list of sections (tables, bar charts,
paragraphs) and a signature block. Every text arrives already in the reader's language;
nothing here knows the database, Qt or the message catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """How a column's values are written."""

    TEXT = "text"
    INT = "int"  # 1.333
    MONEY = "money"  # Rp1.234.567
    PERCENT = "percent"  # 87,5 %


@dataclass(frozen=True)
class Column:
    """A table column: its heading, kind and relative width on paper."""

    title: str
    kind: Kind = Kind.TEXT
    width: float = 1.0


@dataclass(frozen=True)
class Table:
    """A table of the report.

    ``group`` rows (a kecamatan's name above its nagari) span the table in bold; the
    ``total`` row closes it. ``sheet`` names the worksheet in the xlsx version.
    """

    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]
    total: tuple[Any, ...] | None = None
    sheet: str = ""
    note: str = ""
    group_rows: frozenset[int] = frozenset()  # indexes of rows that head a group
    subtotal_rows: frozenset[int] = frozenset()  # indexes of rows that close a group


@dataclass(frozen=True)
class Series:
    """One series of a bar chart (e.g. participants, or quota)."""

    label: str
    values: list[int]


@dataclass(frozen=True)
class BarChart:
    """A vertical bar chart: one group of bars per category."""

    title: str
    categories: list[str]
    series: list[Series]
    money: bool = False
    sheet: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A line or two of text between sections; ``notice`` sets it apart in a box."""

    text: str
    notice: bool = False


@dataclass(frozen=True)
class Signature:
    """Where and when it was signed, by whom: the block at the end of a report."""

    place_date: str  # "Muaro Sijunjung, 29/11/2026"
    title_lines: tuple[str, ...]  # "Kepala Dinas …", "Kabupaten Sijunjung"
    name: str  # empty: a dotted line to fill in by hand
    id_line: str  # "NIP. 19700101 199503 1 001" or "NIP." to fill in


@dataclass(frozen=True)
class Labels:
    """Texts the writers put around the content, in the reader's language."""

    page: str = "Halaman {page} dari {pages}"  # must hold {page} and {pages}
    printed: str = "Dicetak {date}"  # must hold {date}
    total: str = "Jumlah"
    summary_sheet: str = "Ringkasan"
    chart_sheet: str = "Grafik"


Section = Table | BarChart | Paragraph


@dataclass(frozen=True)
class Report:
    """A whole report."""

    title: str  # "REKAPITULASI PESERTA …"
    subtitle: str  # "Tahun 2023"
    government: str  # "PEMERINTAH KABUPATEN SIJUNJUNG"
    office: str  # "DINAS TENAGA KERJA DAN TRANSMIGRASI"
    printed: dt.date
    sections: list[Section] = field(default_factory=list)
    signature: Signature | None = None
    labels: Labels = field(default_factory=Labels)
    footer_note: str = ""  # a short line before the print date in the footer
    running_head: str = ""  # the short title on top of the pages after the first
    address: str = ""  # the office's address under its name on the letterhead
    crest: bytes | None = None  # the regency's crest (PNG or JPEG) left of the letterhead


def labelled_total(table: Table, label: str) -> tuple[list[Any], int]:
    """The total row with ``label`` in its first text column, and how far the label spans.

    When the columns before that text column are empty (a "No." column), the label moves
    to the first column and spans up to it (returned index > 0).
    """
    assert table.total is not None
    total = list(table.total)
    first_text = next((j for j, c in enumerate(table.columns) if c.kind is Kind.TEXT), None)
    if first_text is None or total[first_text] not in ("", None):
        return total, 0
    if all(v in ("", None) for v in total[:first_text]):
        total[first_text] = None
        total[0] = label
        return total, first_text
    total[first_text] = label
    return total, 0


def format_int(value: int) -> str:
    """``1333`` → ``1.333``."""
    return f"{value:,}".replace(",", ".")


def format_money(value: int) -> str:
    """``1234567`` → ``Rp1.234.567``."""
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{abs(value):,}".replace(",", ".")


def format_percent(value: float | None) -> str:
    """``87.5`` → ``87,5%`` (Indonesian writes no space before %); "–" for no value."""
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", ",") + "%"


def format_cell(value: Any, kind: Kind) -> str:
    """A cell's text on paper."""
    if value is None or value == "":
        return ""
    if kind is Kind.INT and isinstance(value, int):
        return format_int(value)
    if kind is Kind.MONEY and isinstance(value, int):
        return format_money(value)
    if kind is Kind.PERCENT and isinstance(value, int | float):
        return format_percent(float(value))
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)
