"""Spreadsheet import: guess the columns, preview every row's verdict, save only good rows.

Nothing is saved by :func:`preview`; :func:`commit` saves the rows marked new in one
transaction. Importing the same file twice adds nothing (the second time every row is a
duplicate).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.fmt import format_rupiah, mask_nik
from app.domain.install import Role as InstallRole
from app.domain.nik import NikReport, check_nik
from app.domain.nik import normalise as normalise_nik
from app.domain.participant import (
    DEFAULT_INCOME,
    DEFAULT_PROGRAMMES,
    ParticipantData,
    Sex,
    clean_name,
    clean_phone,
    funding_code,
    norm,
    occupation_code,
    parse_sex,
    registration_number,
)
from app.domain.progress import Progress
from app.domain.regions import Region
from app.domain.rows import HistoryEntry, ParticipantRow
from app.errors import AppError, InvalidInput
from app.i18n import render, tr
from app.paths import resource
from app.services import participants, sequences
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.spreadsheet import (
    Book,
    Sheet,
    excel_general,
    is_blank,
    open_book,
    write_table,
    write_xlsx,
)
from app.store import repo
from app.store.repo import ListQuery

FIELDS = (
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "birth_place_date",
    "sex",
    "address",
    "jorong",
    "nagari",
    "occupation",
    "phone",
    "income",
    "funding",
)

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}
_EXCEL_EPOCH = dt.date(1899, 12, 30)
HEADER_SEARCH_ROWS = 15


class Cancelled(AppError):
    """The user cancelled a long import; nothing was saved."""


class ChooseSheet(InvalidInput):
    """Several visible sheets hold a list: the user names one (``--sheet``, a picker)."""

    def __init__(self, name: str, sheets: list[str]) -> None:
        super().__init__("import.choose_sheet", name=name, sheets=", ".join(sheets))
        self.sheets = sheets


# --- headers ------------------------------------------------------------------------


@functools.cache
def _header_table() -> tuple[dict[str, str], frozenset[str], dict[str, frozenset[str]]]:
    data = json.loads(resource("import_headers.json").read_text(encoding="utf-8"))
    table = {norm(h): f for f, heads in data["fields"].items() for h in heads}
    ignore = frozenset(norm(h) for h in data.get("ignore", []))
    bpjs = {f: frozenset(norm(h) for h in heads) for f, heads in data.get("bpjs", {}).items()}
    return table, ignore, bpjs


def header_keys(text: str) -> list[str]:
    """The normalised forms a heading is compared by: whole, then each "/" alternative.

    Bracketed notes are dropped first: "Jenis Kelamin (L/P)" → "jenis kelamin";
    "NIK/No. KTP" → "nik no ktp", "nik", "no ktp".
    """
    plain = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    keys = [norm(plain)]
    if "/" in plain:
        keys.extend(norm(part) for part in plain.split("/"))
    if not keys[0]:
        keys = [norm(text)]
    return [k for k in keys if k]


def header_field(text: str) -> str | None:
    """The field a heading names ("No. HP/WA" → phone), or None."""
    table, _ignore, _bpjs = _header_table()
    for key in header_keys(text):
        if key in table:
            return table[key]
    return None


def header_ignored(text: str) -> bool:
    """A heading of a column that carries nothing to import (the row number)."""
    return any(k in _header_table()[1] for k in header_keys(text))


def bpjs_header(text: str) -> str | None:
    """``nik`` or ``kpj`` for a heading of the BPJS answer, else None."""
    for key in header_keys(text):
        for name, heads in _header_table()[2].items():
            if key in heads:
                return name
    return None


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field → column from header texts such as "Tgl. Lahir" or "No. HP/WA"."""
    mapping: dict[str, int] = {}
    for i, h in enumerate(headers):
        fieldname = header_field(h)
        if fieldname and fieldname not in mapping:
            mapping[fieldname] = i
    return mapping


def _find_header(rows: list[list[Any]]) -> int:
    """The header is the first of the first rows that names a NIK or a name column."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = guess_mapping([_text(c) for c in row])
        if "nik" in fields or "name" in fields:
            return i
    return 0


def _column_letter(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def parse_map(pairs: list[str], headers: list[str]) -> dict[str, int]:
    """``HEADER=field`` pairs (the command line's ``--map``) → field → column.

    HEADER is a heading as written in the sheet (any case) or a column letter (``C``).

    Raises:
        InvalidInput: a pair without ``=``, an unknown field or a heading not in the sheet.
    """
    out: dict[str, int] = {}
    for pair in pairs:
        head, sep, fieldname = pair.rpartition("=")
        fieldname = fieldname.strip()
        if not sep or fieldname not in FIELDS:
            raise InvalidInput("import.map_field", pair=pair, fields=", ".join(FIELDS))
        key = norm(head)
        matches = [i for i, h in enumerate(headers) if norm(h) == key]
        if not matches and re.fullmatch(r"[A-Za-z]{1,3}", head.strip()):
            letter = head.strip().upper()
            matches = [i for i in range(len(headers)) if _column_letter(i) == letter]
        if not matches:
            raise InvalidInput("import.map_header", header=head, headers=", ".join(headers))
        out[fieldname] = matches[0]
    return out


# --- cells --------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).replace("\u00a0", " ").strip().lstrip("'").strip()


def parse_cell_date(value: Any) -> dt.date | None:
    """Excel dates, serial numbers, and text in the forms people type.

    Raises:
        ValueError: text that is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        if 1 <= value < 80_000:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError(value)
    text = str(value).strip().lstrip("'")
    if re.fullmatch(r"\d{1,5}(\.0)?", text) and 1 <= float(text) < 80_000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    m = re.fullmatch(r"(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})", text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        if y < 100:
            y += 2000 if y <= dt.date.today().year % 100 else 1900
        return dt.date(y, mo, d)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return dt.date(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})[\s\-]+([A-Za-z]+)[\s\-]+(\d{4})", text)
    if m and m.group(2).lower() in _MONTHS:
        return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    raise ValueError(text)


_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+]?\d+$")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def nik_shown(value: Any) -> str:
    """A NIK cell as the sheet shows it: a long number as Excel's General format does."""
    if _is_number(value):
        return excel_general(float(value))
    return _text(value)


def rounded_column(values: Iterable[Any]) -> bool:
    """The marks of Excel rounding on a whole NIK column read as text (a CSV saved by Excel).

    With at least five NIKs of 16 digits or more, every one ending in zero past the 15th
    digit: Excel kept 15 significant digits of each and padded them with zero.
    """
    count = 0
    for x in values:
        v = normalise_nik(_text(x))
        if len(v) >= 16 and v.isdigit():
            if v[15:].strip("0"):
                return False  # the usual answer, found at the first NIK
            count += 1
    return count >= 5


def _nik_damaged(value: Any, column_rounded: bool) -> bool:
    """A NIK Excel has rounded: a number, scientific notation, or a rounded column."""
    if _is_number(value):
        return True
    text = _text(value)
    if _SCIENTIFIC.match(text.replace(" ", "")):
        return True
    digits = normalise_nik(text)
    if not digits.isdigit() or len(digits) < 16:
        return False
    if column_rounded or len(digits) > 16:
        return True
    # A serial 0000 is never issued: with a 16th digit of zero it is Excel's rounding.
    return digits[12:] == "0000"


# --- nagari -------------------------------------------------------------------------

_ABBREVIATIONS = {
    "sei": "sungai",
    "sg": "sungai",
    "sgi": "sungai",
    "sng": "sungai",
    "tj": "tanjung",
    "tjg": "tanjung",
    "tg": "tanjung",
    "lb": "lubuk",
    "lbk": "lubuk",
    "kt": "koto",
    "pd": "padang",
    "pdg": "padang",
    "sp": "simpang",
    "smp": "simpang",
    "mr": "muaro",
    "ma": "muaro",
    "bt": "batu",
    "btg": "batang",
    "kp": "kampung",
    "kpg": "kampung",
    "ps": "pasar",
    "psr": "pasar",
    "sn": "sini",
    "air": "aie",
    "aia": "aie",
    "aei": "aie",
}
_PREFIX = re.compile(r"^(nagari|desa|kenagarian|kanagarian|ngr|kel|kelurahan)\s+")


def _minang(word: str) -> str:
    """One spelling for Minang and Indonesian forms of a word (Lubuak/Lubuk, Tanjuang)."""
    word = _ABBREVIATIONS.get(word, word)
    for minang, plain in (("uak", "uk"), ("uang", "ung"), ("ok", "uk"), ("ong", "ung")):
        if len(word) > len(minang) + 1 and word.endswith(minang):
            return word[: -len(minang)] + plain
    for minang, plain in (("ia", "ir"), ("ie", "ir"), ("ue", "ur")):
        if len(word) > 3 and word.endswith(minang):
            return word[: -len(minang)] + plain
    return word


def nagari_key(text: str) -> str:
    """A nagari's name reduced for comparison: prefixes, abbreviations, Minang spelling."""
    key = _PREFIX.sub("", norm(text))
    return " ".join(_minang(w) for w in key.split())


@dataclass(frozen=True)
class Suggestion:
    """A nagari the user probably meant for a spelling that matches none."""

    text: str  # the spelling in the sheet
    code: str
    name: str


class NagariMatcher:
    """Names, aliases, learned spellings and codes of the install's nagari, normalised once."""

    def __init__(self, villages: list[Region], learned: dict[str, str]) -> None:
        self.villages = villages
        by_code = {v.code: v for v in villages}
        self._exact: dict[str, Region] = {}
        self._loose: dict[str, list[Region]] = {}
        for v in villages:
            self._exact.setdefault(norm(v.code), v)
            for n in v.names:
                self._exact.setdefault(norm(n), v)
                self._loose.setdefault(nagari_key(n), []).append(v)
        for spelling, code in learned.items():
            if code in by_code:
                self._exact.setdefault(norm(spelling), by_code[code])
        self._cache: dict[str, Region | None] = {}

    def match(self, text: str) -> Region | None:
        """The nagari named exactly (any case and spacing, with or without "Nagari")."""
        key = norm(text)
        if key not in self._cache:
            hit = self._exact.get(key) or self._exact.get(_PREFIX.sub("", key))
            self._cache[key] = hit
        return self._cache[key]

    def suggest(self, text: str, limit: int = 3) -> list[Region]:
        """The closest nagari for a spelling that matches none, best first."""
        key = nagari_key(text)
        if not key:
            return []
        same = list(dict.fromkeys(self._loose.get(key, [])))
        if same:
            return same[:limit]
        scored: list[tuple[float, str, Region]] = []
        for loose, regions in self._loose.items():
            ratio = difflib.SequenceMatcher(None, key, loose).ratio()
            if ratio >= 0.8:
                scored.extend((ratio, r.code, r) for r in regions)
        scored.sort(key=lambda t: (-t[0], t[1]))
        return list(dict.fromkeys(r for _s, _c, r in scored))[:limit]


def learned_aliases(ctx: Context) -> dict[str, str]:
    """This install's learned nagari spellings: spelling → nagari code."""
    value = ctx.setting("nagari_aliases")
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def learn_aliases(ctx: Context, actor: Actor, spellings: dict[str, str]) -> int:
    """Save accepted spellings as this install's aliases of their nagari (supervisors).

    Returns:
        How many spellings were new.

    Raises:
        Refused: the actor is not a supervisor.
        InvalidInput: a code that is not a nagari of this install.
    """
    actor.require(Role.SUPERVISOR)
    codes = {v.code for v in participants.villages_for(ctx)}
    current = learned_aliases(ctx)
    added = 0
    for spelling, code in spellings.items():
        if code not in codes:
            raise InvalidInput("nagari.outside", nagari=code)
        key = norm(spelling)
        if key and current.get(key) != code:
            current[key] = code
            added += 1
    if added:
        _store_aliases(ctx, actor, current)
    return added


def forget_aliases(ctx: Context, actor: Actor, spellings: list[str]) -> list[str]:
    """Remove learned spellings (supervisors): an import no longer reads them as a nagari.

    Returns:
        The spellings removed, as they were stored.

    Raises:
        Refused: the actor is not a supervisor.
        InvalidInput: a spelling that is not learned (nothing is removed then).
    """
    actor.require(Role.SUPERVISOR)
    current = learned_aliases(ctx)
    for spelling in spellings:
        if norm(spelling) not in current:
            raise InvalidInput("import.spelling_unknown", spelling=spelling)
    keys = list(dict.fromkeys(norm(s) for s in spellings))
    for key in keys:
        del current[key]
    if keys:
        _store_aliases(ctx, actor, current)
    return keys


def _store_aliases(ctx: Context, actor: Actor, aliases: dict[str, str]) -> None:
    """Save the learned spellings, with the change in the history."""
    with ctx.db.session() as s:
        old = repo.get_setting(s, "nagari_aliases")
        repo.put_setting(s, "nagari_aliases", dict(sorted(aliases.items())))
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="setting",
            entity_id="nagari_aliases",
            action="setting",
            changes={"nagari_aliases": [old or {}, aliases]},
        )


# --- the preview --------------------------------------------------------------------


@dataclass
class RowVerdict:
    """One data row of the file and what would happen to it."""

    line: int
    raw: list[Any]
    verdict: str  # new | duplicate | refused
    reasons: list[str] = field(default_factory=list)
    data: ParticipantData | None = None
    name: str = ""
    nik: str = ""
    warnings: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None
    nik_damaged: bool = False
    accepted: str | None = None  # the nagari spelling read through an accepted suggestion


@dataclass(frozen=True)
class Column:
    """A column of the sheet and what the import does with it."""

    index: int
    header: str
    field: str | None  # None: ignored
    has_values: bool

    @property
    def letter(self) -> str:
        """The column's letter as the spreadsheet shows it."""
        return _column_letter(self.index)


@dataclass(frozen=True)
class Skipped:
    """A row that is not part of the list: hidden, blank, or below the table."""

    line: int
    kind: str  # hidden | blank | below

    def message(self) -> str:
        """Why the row is skipped, in the user's language."""
        return render(f"import.skipped_{self.kind}", line=self.line)


@dataclass
class ImportPreview:
    """The whole file as it would be imported, before anything is saved."""

    path: Path
    headers: list[str]
    mapping: dict[str, int]  # field → column index
    rows: list[RowVerdict]
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)  # the visible sheets of the workbook
    columns: list[Column] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the whole file
    template: bool = False

    def count(self, verdict: str) -> int:
        """How many rows have this verdict."""
        return sum(1 for r in self.rows if r.verdict == verdict)

    def suggestions(self) -> dict[str, Suggestion]:
        """Each spelling with a suggestion not yet accepted, once (normalised → first seen)."""
        out: dict[str, Suggestion] = {}
        for r in self.rows:
            if r.suggestion is not None and r.verdict == "refused":
                out.setdefault(norm(r.suggestion.text), r.suggestion)
        return out


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    new: int
    duplicate: int
    refused: int
    reg_nos: tuple[str, ...] = ()


@dataclass
class _Rules:
    ctx: Context
    villages: list[Region]
    nagari: NagariMatcher
    existing: dict[str, str]
    age_limits: tuple[int, int]
    coverage_start: dt.date  # the service's default, read once
    nik_rounded: bool
    accepted: dict[str, str]  # normalised spelling → nagari code (every row)
    accepted_rows: dict[int, str]  # line → nagari code (that row only)
    income_mapped: bool
    # The same few words on every row: looked up once each.
    words: dict[tuple[str, str], Any] = field(default_factory=dict)

    def lookup(self, kind: str, text: str) -> Any:
        key = (kind, text)
        if key not in self.words:
            fn = {"sex": parse_sex, "occupation": occupation_code, "funding": funding_code}[kind]
            self.words[key] = fn(text)
        return self.words[key]


def _cell(row: list[Any], mapping: dict[str, int], fieldname: str) -> Any:
    i = mapping.get(fieldname)
    return row[i] if i is not None and i < len(row) else None


def _read_nik(rules: _Rules, nik_cell: Any, reasons: list[str]) -> tuple[str, bool]:
    """The NIK as read, and whether a spreadsheet damaged it (shown as read, refused)."""
    damaged = not is_blank(nik_cell) and _nik_damaged(nik_cell, rules.nik_rounded)
    if damaged:
        reasons.append(render("import.nik_number"))
        return nik_shown(nik_cell), True
    return _text(nik_cell), False


def _read_birth(
    row: list[Any], mapping: dict[str, int], reasons: list[str]
) -> tuple[str, Any, dt.date | None]:
    """Birth place, the birth date cell as typed and the date read from it.

    A "place, date" column fills whichever of the two separate columns is empty.
    """
    birth_place = clean_name(_text(_cell(row, mapping, "birth_place")))
    birth_raw: Any = _cell(row, mapping, "birth_date")
    combined = _text(_cell(row, mapping, "birth_place_date"))
    if combined and "," in combined:
        place, _, date_text = combined.rpartition(",")
        birth_place = birth_place or clean_name(place)
        birth_raw = birth_raw if not is_blank(birth_raw) else date_text.strip()
    birth: dt.date | None = None
    try:
        birth = parse_cell_date(birth_raw)
    except ValueError:
        reasons.append(render("date.invalid", text=_text(birth_raw)))
    return birth_place, birth_raw, birth


def _read_sex(rules: _Rules, sex_text: str, reasons: list[str]) -> Sex | None:
    sex = rules.lookup("sex", sex_text) if sex_text else None
    if sex_text and sex is None:
        reasons.append(render("sex.invalid", text=sex_text))
    return sex


def _check_against_nik(
    nik: str, birth: dt.date | None, sex: Sex | None, reasons: list[str]
) -> NikReport | None:
    """The NIK checked, with the sex and birth date typed checked against it, as the form does,
    so a row refused for another reason lists this too."""
    if not nik:
        return None
    report = check_nik(nik, birth_date=birth, sex=sex)
    issues = report.mismatches if report.valid else report.errors
    reasons.extend(render(i.code, **i.params) for i in issues)
    return report


def _read_nagari(
    rules: _Rules, line: int, nagari_text: str, reasons: list[str], warnings: list[str]
) -> tuple[Region | None, Suggestion | None, str | None]:
    """The nagari, the suggestion offered for a near spelling, and the spelling taken through
    an accepted suggestion."""
    if not nagari_text:
        return None, None, None
    village = rules.nagari.match(nagari_text)
    if village is not None:
        return village, None, None
    chosen = rules.accepted_rows.get(line) or rules.accepted.get(norm(nagari_text))
    by_code = {v.code: v for v in rules.villages}
    if chosen in by_code:
        village = by_code[chosen]
        warnings.append(render("import.suggestion_taken", text=nagari_text, name=village.name))
        return village, None, nagari_text
    close = rules.nagari.suggest(nagari_text)
    if not close:
        reasons.append(render("nagari.outside", nagari=nagari_text))
        return None, None, None
    names = " / ".join(v.name for v in close)
    reasons.append(render("import.nagari_suggest", nagari=nagari_text, names=names))
    return None, Suggestion(nagari_text, close[0].code, close[0].name), None


def _read_code(rules: _Rules, kind: str, text: str, message: str, reasons: list[str]) -> Any:
    """An occupation or funding word read to its code; an unknown word refuses the row."""
    code = rules.lookup(kind, text) if text else None
    if text and code is None:
        reasons.append(render(message, value=text))
    return code


def _read_income(rules: _Rules, text: str, reasons: list[str], warnings: list[str]) -> int | None:
    """The declared income; None (the service's default) when the column is empty."""
    digits = text.replace("Rp", "").replace(".", "").replace(",", "").replace(" ", "")
    if digits:
        if digits.isdigit():
            return int(digits)
        reasons.append(render("number.invalid", text=digits))
    elif rules.income_mapped:
        warnings.append(render("import.income_default", amount=format_rupiah(DEFAULT_INCOME)))
    return None


def _note_missing(present: tuple[tuple[str, object], ...], reasons: list[str]) -> None:
    for fieldname, value in present:
        if not value:
            reasons.append(render("import.missing", column=tr(_LABELS[fieldname])))


def _parse_row(rules: _Rules, line: int, row: list[Any], mapping: dict[str, int]) -> RowVerdict:
    reasons: list[str] = []
    warnings: list[str] = []
    nik, damaged = _read_nik(rules, _cell(row, mapping, "nik"), reasons)
    name = clean_name(_text(_cell(row, mapping, "name")))
    birth_place, birth_raw, birth = _read_birth(row, mapping, reasons)
    sex_text = _text(_cell(row, mapping, "sex"))
    sex = _read_sex(rules, sex_text, reasons)
    report = None if damaged else _check_against_nik(nik, birth, sex, reasons)
    # A blank birth date or sex is taken from a valid NIK (it encodes both).
    if report is not None and report.valid:
        if birth is None and not _text(birth_raw):
            birth = report.birth_date
        if sex is None and not sex_text:
            sex = report.sex
    nagari_text = _text(_cell(row, mapping, "nagari"))
    village, suggestion, taken = _read_nagari(rules, line, nagari_text, reasons, warnings)
    occupation_text = _text(_cell(row, mapping, "occupation"))
    occupation = _read_code(rules, "occupation", occupation_text, "occupation.unknown", reasons)
    funding_text = _text(_cell(row, mapping, "funding"))
    funding = (
        _read_code(rules, "funding", funding_text, "funding.unknown", reasons)
        if funding_text
        else "apbd"
    )
    income = _read_income(rules, _text(_cell(row, mapping, "income")), reasons, warnings)
    present = (
        ("nik", nik or damaged),
        ("name", name),
        ("birth_place", birth_place),
        ("nagari", nagari_text),
        ("occupation", occupation_text),
        ("birth_date", birth or _text(birth_raw)),
        ("sex", sex or sex_text),
    )
    _note_missing(present, reasons)
    verdict = RowVerdict(line, row, "refused", reasons, None, name, nik, warnings, suggestion)
    verdict.nik_damaged = damaged
    verdict.accepted = taken
    if reasons:
        return verdict
    assert birth is not None and sex is not None and village is not None
    assert occupation is not None and funding is not None
    data = ParticipantData(
        nik=nik,
        name=name,
        birth_place=birth_place,
        birth_date=birth,
        sex=sex,
        nagari_code=village.code,
        occupation=occupation,
        address=_text(_cell(row, mapping, "address")),
        jorong=_text(_cell(row, mapping, "jorong")),
        phone=clean_phone(_text(_cell(row, mapping, "phone"))),
        income=income,
        funding=funding,
        programmes=DEFAULT_PROGRAMMES,
    )
    return _judge(rules, verdict, participants.with_defaults(data, rules.coverage_start), report)


def _judge(
    rules: _Rules, verdict: RowVerdict, data: ParticipantData, report: NikReport | None
) -> RowVerdict:
    """A complete row: already registered, refused by the service's checks, or new."""
    verdict.data = data
    normalised = report.nik if report is not None else verdict.nik
    if report is not None and report.valid and normalised in rules.existing:
        verdict.verdict = "duplicate"
        verdict.reasons = [render("import.registered", reg_no=rules.existing[normalised])]
        return verdict
    checked = participants.check(
        rules.ctx, data, skip_duplicates=True, age_limits=rules.age_limits, villages=rules.villages
    )
    if checked.problems:
        verdict.reasons = [p.render() for p in checked.problems]
        return verdict
    verdict.verdict = "new"
    verdict.nik = normalised
    return verdict


_LABELS = {
    "nik": "NIK",
    "name": "Name",
    "birth_place": "Birth place",
    "birth_date": "Birth date",
    "sex": "Sex",
    "nagari": "Nagari",
    "occupation": "Occupation",
    "phone": "Phone",
    "income": "Declared income",
    "funding": "Funding",
    "address": "Address",
    "jorong": "Jorong",
    "birth_place_date": "Birth place and date",
}


def field_label(fieldname: str) -> str:
    """A field's name in the user's language."""
    return tr(_LABELS.get(fieldname, fieldname))


_TOTALS = re.compile(r"^(jumlah|total|grand total|sub total|subtotal|jml)\b")
_SIGNATURE = re.compile(
    r"^(mengetahui|diketahui|disetujui|dibuat oleh|wali ?nagari|walinagari|kepala|sekretaris|"
    r"camat|ttd|nip|an |a n |catatan|keterangan|ket )"
)


def _ends_table(row: list[Any], mapping: dict[str, int]) -> bool:
    """A totals row or the start of a signature block (their NIK cell is empty)."""
    nik_col = mapping.get("nik")
    if nik_col is not None and nik_col < len(row) and not is_blank(row[nik_col]):
        nik = normalise_nik(_text(row[nik_col]))
        if nik.isdigit() and len(nik) >= 10:
            return False
    texts = [norm(_text(c)) for c in row if not is_blank(c) and not _is_number(c)]
    return any(_TOTALS.match(t) or _SIGNATURE.match(t + " ") for t in texts)


@dataclass
class _Table:
    header_at: int
    headers: list[str]
    data: list[tuple[int, list[Any]]]  # (0-based index in the sheet, row)
    skipped: list[Skipped]


def _cut_table(sheet: Sheet, header_at: int, mapping: dict[str, int]) -> _Table:
    """The rows of the list: hidden rows and single blank rows skipped, the end found."""
    rows = sheet.rows
    headers = [_text(c) for c in rows[header_at]] if rows else []
    data: list[tuple[int, list[Any]]] = []
    skipped: list[Skipped] = []
    # A pre-numbered row, or one with only the nagari filled in ahead (the template made
    # for one nagari), holds nobody: it counts as blank.
    numbers = {j for j, h in enumerate(headers) if header_ignored(h)}
    nagari_col = mapping.get("nagari")

    def nobody(j: int, c: Any) -> bool:
        if is_blank(c) or j == nagari_col:
            return True
        return j in numbers and (_is_number(c) or _text(c).rstrip(".").isdigit())

    blank = [all(nobody(j, c) for j, c in enumerate(r)) for r in rows]
    i = header_at + 1
    ended = False
    while i < len(rows):
        line = i + 1
        if ended:
            if not blank[i]:
                skipped.append(Skipped(line, "below"))
        elif i in sheet.hidden_rows:
            if not blank[i]:
                skipped.append(Skipped(line, "hidden"))
        elif blank[i]:
            if i + 1 < len(rows) and blank[i + 1]:
                ended = True
            elif i + 1 < len(rows):
                skipped.append(Skipped(line, "blank"))
        elif _ends_table(rows[i], mapping):
            ended = True
            skipped.append(Skipped(line, "below"))
        else:
            data.append((i, list(rows[i])))
        i += 1
    return _Table(header_at, headers, data, skipped)


def _choose_sheet(book: Book, sheet: str | None) -> tuple[Sheet, int]:
    """The sheet to read and its header row.

    Raises:
        InvalidInput: a named sheet that is not there, or several sheets that hold a list.
    """
    if sheet:
        chosen = book.sheet(sheet)
        return chosen, _find_header(chosen.rows)
    candidates: list[tuple[Sheet, int]] = []
    for name in book.visible:
        s = book.sheet(name)
        at = _find_header(s.rows)
        fields = guess_mapping([_text(c) for c in s.rows[at]]) if s.rows else {}
        if "nik" in fields and "name" in fields:
            candidates.append((s, at))
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        # Lindungi's own template has one data sheet; any other workbook asks.
        raise ChooseSheet(book.path.name, [s.name for s, _ in candidates])
    active = book.sheet(book.active)
    return active, _find_header(active.rows)


def _columns(table: _Table, mapping: dict[str, int]) -> list[Column]:
    width = max([len(table.headers), *(len(r) for _i, r in table.data)], default=0)
    by_col = {i: f for f, i in mapping.items()}
    out = []
    for c in range(width):
        header = table.headers[c] if c < len(table.headers) else ""
        has = any(c < len(r) and not is_blank(r[c]) for _i, r in table.data)
        if not header and not has:
            continue
        out.append(Column(c, header, by_col.get(c), has))
    return out


def _read_mapping(
    path: Path, headers: list[str], mapping: dict[str, int] | None, map_pairs: list[str] | None
) -> dict[str, int]:
    """The user's mapping, or the guess with the command line's pairs over it.

    Raises:
        InvalidInput: no column is read as the NIK.
    """
    if mapping is not None:
        mapping = dict(mapping)
    else:
        mapping = guess_mapping(headers)
        mapping.update(parse_map(map_pairs or [], headers))
    if "nik" not in mapping:
        raise InvalidInput("import.no_nik", name=path.name)
    return mapping


def _make_rules(
    ctx: Context,
    villages: list[Region],
    table: _Table,
    mapping: dict[str, int],
    accepted: dict[str, str] | None,
    accepted_rows: dict[int, str] | None,
) -> _Rules:
    """What every row is checked against, read once for the whole sheet."""
    nik_col = mapping["nik"]
    nik_cells = [
        r[nik_col] for _i, r in table.data if nik_col < len(r) and not is_blank(r[nik_col])
    ]
    candidates = [normalise_nik(_text(c)) for c in nik_cells if not _is_number(c)]
    with ctx.db.read() as s:
        existing = repo.existing_niks(s, candidates)
    limits = (int(ctx.setting("age_min")), int(ctx.setting("age_max")))
    start = participants.default_coverage_start(ctx, dt.date.today())
    return _Rules(
        ctx,
        villages,
        NagariMatcher(villages, learned_aliases(ctx)),
        existing,
        limits,
        start,
        rounded_column(nik_cells),
        {norm(k): v for k, v in (accepted or {}).items()},
        dict(accepted_rows or {}),
        "income" in mapping,
    )


def _judge_rows(
    rules: _Rules,
    table: _Table,
    mapping: dict[str, int],
    accept_suggestions: bool,
    progress: Progress | None,
) -> list[RowVerdict]:
    """Every row's verdict; a NIK repeated within the file is a duplicate of its first row.

    Raises:
        Cancelled: ``progress`` returned False.
    """
    out: list[RowVerdict] = []
    seen: dict[str, int] = {}
    total = len(table.data)
    for n, (i, row) in enumerate(table.data):
        line = i + 1  # spreadsheet row number as the user sees it
        verdict = _parse_row(rules, line, row, mapping)
        if accept_suggestions and verdict.suggestion is not None:
            rules.accepted[norm(verdict.suggestion.text)] = verdict.suggestion.code
            verdict = _parse_row(rules, line, row, mapping)
        key = verdict.nik
        if verdict.verdict == "new" and key in seen:
            verdict.verdict = "duplicate"
            verdict.reasons = [render("import.repeated", line=seen[key])]
        elif verdict.verdict == "new":
            seen[key] = line
        out.append(verdict)
        if progress is not None and n % 200 == 0 and not progress(n, total):
            raise Cancelled("import.cancelled")
    if progress is not None:
        progress(total, total)
    return out


def _sheet_warnings(
    path: Path, chosen: Sheet, columns: list[Column], mapping: dict[str, int]
) -> list[str]:
    """What the user should know about the sheet as a whole."""
    warnings = [
        render("import.column_ignored", column=c.letter, header=c.header or c.letter)
        for c in columns
        if c.field is None and c.has_values and not header_ignored(c.header)
    ]
    if "income" not in mapping:
        warnings.append(render("import.no_income", amount=format_rupiah(DEFAULT_INCOME)))
    if not chosen.hidden_known:
        warnings.append(render("import.hidden_unknown", kind=path.suffix.lower()))
    return warnings


def preview(
    ctx: Context,
    path: Path,
    mapping: dict[str, int] | None = None,
    progress: Progress | None = None,
    *,
    sheet: str | None = None,
    kecamatan: str | None = None,
    accepted: dict[str, str] | None = None,
    accepted_rows: dict[int, str] | None = None,
    accept_suggestions: bool = False,
    map_pairs: list[str] | None = None,
) -> ImportPreview:
    """Read a spreadsheet and give every row its verdict; saves nothing.

    Args:
        mapping: field → column index, when the user adjusted the guess.
        progress: called with (rows done, rows in all); returning False cancels.
        sheet: the sheet to read (by default the one holding the list).
        kecamatan: the kecamatan whose nagari the rows belong to (a kabupaten's install).
        accepted: nagari spelling → code, suggestions accepted for every row so spelled.
        accepted_rows: line → nagari code, suggestions accepted for one row.
        accept_suggestions: take the first suggestion of every unmatched nagari.
        map_pairs: ``HEADER=field`` pairs given on the command line, over the guess.

    Raises:
        InvalidInput: an unreadable file, one without a NIK column, a kabupaten's import
            without a kecamatan, or several sheets that each hold a list (ChooseSheet).
        Cancelled: ``progress`` returned False.
    """
    villages = _villages(ctx, kecamatan)
    book = open_book(path)
    chosen, header_at = _choose_sheet(book, sheet)
    rows = chosen.rows
    if not any(not all(is_blank(c) for c in r) for r in rows):
        raise InvalidInput("sheet.empty", name=path.name)
    headers = [_text(c) for c in rows[header_at]]
    mapping = _read_mapping(path, headers, mapping, map_pairs)
    table = _cut_table(chosen, header_at, mapping)
    rules = _make_rules(ctx, villages, table, mapping, accepted, accepted_rows)
    out = _judge_rows(rules, table, mapping, accept_suggestions, progress)
    columns = _columns(table, mapping)
    warnings = _sheet_warnings(path, chosen, columns, mapping)
    return ImportPreview(
        path,
        headers,
        mapping,
        out,
        chosen.name,
        list(book.visible),
        columns,
        table.skipped,
        warnings,
        book.template,
    )


def accepted_spellings(prev: ImportPreview) -> dict[str, str]:
    """Spelling → nagari code of every suggestion the preview took (to learn them)."""
    out: dict[str, str] = {}
    for r in prev.rows:
        if r.accepted is not None and r.data is not None and r.data.nagari_code:
            out[norm(r.accepted)] = r.data.nagari_code
    return out


def _villages(ctx: Context, kecamatan: str | None) -> list[Region]:
    """The nagari a sheet's rows may name: this kecamatan's, or the one named.

    Raises:
        InvalidInput: a kabupaten's import without a kecamatan, or an unknown one.
    """
    if kecamatan is None:
        if ctx.identity.role is InstallRole.KABUPATEN:
            raise InvalidInput("import.kecamatan_needed")
        return participants.villages_for(ctx)
    within = ctx.regions.kecamatan(ctx.identity.regency)
    kec = ctx.regions.match(kecamatan, within)
    if kec is None:
        raise InvalidInput("import.kecamatan_unknown", name=kecamatan)
    if ctx.identity.kecamatan not in (None, kec.code):
        raise InvalidInput("import.kecamatan_unknown", name=kecamatan)
    return ctx.regions.villages(kec.code)


def commit(
    ctx: Context, actor: Actor, prev: ImportPreview, now: dt.datetime | None = None
) -> ImportResult:
    """Save the rows of a preview marked new, in one transaction.

    NIKs are checked again inside the transaction, so a record registered meanwhile is
    counted as a duplicate rather than saved twice.
    """
    actor.require(Role.OPERATOR)
    now = now or dt.datetime.now()
    good = [r for r in prev.rows if r.verdict == "new" and r.data is not None]
    ident = ctx.identity
    status = participants.initial_status(ctx)
    reg_nos: list[str] = []
    late_duplicates = 0
    if good:
        from app.services.backup import auto_backup

        if not ctx.db.on_server:  # a server's backups are its own (docs/postgresql.md)
            auto_backup(ctx, "before-import")
    with ctx.db.session() as s:
        taken = repo.existing_niks(s, [r.nik for r in good])
        fresh = [r for r in good if r.nik not in taken]
        late_duplicates = len(good) - len(fresh)
        first = sequences.reserve_registrations(s, ctx.data_dir, len(fresh)) if fresh else 0
        rows: list[ParticipantRow] = []
        history: list[HistoryEntry] = []
        for i, r in enumerate(fresh):
            assert r.data is not None
            reg_no = registration_number(ident.install_code, first + i)
            reg_nos.append(reg_no)
            values = participants.new_row(
                ctx, r.data, reg_no=reg_no, username=actor.username, now=now, status=status
            )
            uid = values["uuid"]
            rows.append(values)
            history.append(
                {
                    "at": now,
                    "actor": actor.username,
                    "install_code": ident.install_code,
                    "entity": "participant",
                    "entity_id": uid,
                    "action": "import",
                    "changes": json.dumps(
                        {"reg_no": [None, reg_no], "file": prev.path.name, "line": r.line}
                    ),
                    "reason": "",
                }
            )
        with repo.large_cache(s):
            repo.bulk_register(s, rows, history)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="import_file",
            changes={
                "file": prev.path.name,
                "new": len(fresh),
                "duplicate": prev.count("duplicate") + late_duplicates,
                "refused": prev.count("refused"),
            },
        )
    return ImportResult(
        len(fresh), prev.count("duplicate") + late_duplicates, prev.count("refused"), tuple(reg_nos)
    )


def check_out_path(path: Path) -> None:
    """Refuse, before anything is read or saved, a refused-rows file Lindungi cannot write.

    Raises:
        InvalidInput: a name that does not end in .xlsx or .csv.
    """
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise InvalidInput("sheet.out_kind", name=path.name)


def save_refused(prev: ImportPreview, path: Path) -> int:
    """Write the refused rows, as they were, with their reasons, for the nagari to correct.

    The file's format is the one its name says (.xlsx or .csv). A NIK Excel had rounded is
    written as the number the cell showed, never as a valid-looking 16-digit text.

    Returns:
        How many rows were written.

    Raises:
        InvalidInput: another suffix, or the file cannot be written.
    """
    check_out_path(path)
    refused = [r for r in prev.rows if r.verdict == "refused"]
    headers = [*prev.headers, tr("Row"), tr("Reasons")]
    nik_col = prev.mapping.get("nik")
    phone_col = prev.mapping.get("phone")
    text_cols = [c for c in (nik_col, phone_col) if c is not None]
    rows = []
    for r in refused:
        cells = (r.raw + [None] * (len(prev.headers) - len(r.raw)))[: len(prev.headers)]
        if r.nik_damaged and nik_col is not None and nik_col < len(cells):
            cells[nik_col] = _as_shown_number(cells[nik_col])
        rows.append([*cells, r.line, "; ".join(r.reasons)])
    write_table(path, headers, rows, text_columns=text_cols)
    return len(rows)


def _as_shown_number(value: Any) -> Any:
    """A rounded NIK as the number Excel holds (a text "1303…0000" becomes that number)."""
    if _is_number(value):
        return float(value)
    if _SCIENTIFIC.match(_text(value).replace(" ", "")):
        return value  # already what Excel showed, and never a valid-looking NIK
    digits = normalise_nik(_text(value))
    try:
        return float(digits)
    except ValueError:
        return value


def export_list(
    ctx: Context, actor: Actor, query: ListQuery, path: Path, full_nik: bool = False
) -> int:
    """Write the (filtered) list as xlsx; NIKs masked unless a supervisor asks for them.

    Raises:
        Refused: an operator asked for full NIKs.
    """
    if full_nik:
        actor.require(Role.SUPERVISOR)
    with ctx.db.read() as s:
        ids = repo.search_ids(s, query)
        records = [repo.participant_by_id(s, i) for i in ids]
    from app.domain.fmt import format_date
    from app.domain.participant import FUNDING, OCCUPATIONS

    headers = [
        tr(h)
        for h in (
            "Registration no.",
            "NIK",
            "Name",
            "Birth place",
            "Birth date",
            "Sex",
            "Address",
            "Jorong",
            "Nagari",
            "Kecamatan",
            "Occupation",
            "Phone",
            "Declared income",
            "Funding",
            "Programmes",
            "Coverage start",
            "Status",
            "KPJ",
        )
    ]
    rows = []
    for rec in records:
        if rec is None:
            continue
        nagari = ctx.regions.get(rec.nagari_code)
        kec = ctx.regions.get(rec.kecamatan_code)
        rows.append(
            [
                rec.reg_no,
                rec.nik if full_nik else mask_nik(rec.nik),
                rec.name,
                rec.birth_place,
                format_date(rec.birth_date),
                rec.sex,
                rec.address,
                rec.jorong,
                nagari.name if nagari else rec.nagari_code,
                kec.name if kec else rec.kecamatan_code,
                OCCUPATIONS.get(rec.occupation, rec.occupation),
                rec.phone,
                rec.income,
                FUNDING.get(rec.funding, rec.funding),
                rec.programmes,
                format_date(rec.coverage_start),
                tr(rec.status),
                rec.kpj or "",
            ]
        )
    write_xlsx(path, headers, rows, text_columns=(1, 11, 17))
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="export_list",
            changes={"file": path.name, "rows": len(rows), "full_nik": full_nik},
        )
    return len(rows)
