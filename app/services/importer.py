"""Spreadsheet import: guess the columns, preview every row's verdict, save only good rows.

Nothing is saved by :func:`preview`; :func:`commit` saves the rows marked new in one
transaction. Importing the same file twice adds nothing (the second time every row is a
duplicate).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.fmt import mask_nik
from app.domain.nik import check_nik
from app.domain.participant import (
    DEFAULT_PROGRAMMES,
    ParticipantData,
    clean_name,
    clean_phone,
    funding_code,
    norm,
    occupation_code,
    parse_sex,
    registration_number,
)
from app.domain.progress import Progress
from app.domain.rows import HistoryEntry, ParticipantRow
from app.errors import AppError, InvalidInput
from app.i18n import render, tr
from app.services import participants, sequences
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.spreadsheet import read_rows, write_xlsx
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

# Normalised header → field. Nagari offices write these in many ways.
_HEADERS: dict[str, str] = {
    "nik": "nik",
    "no nik": "nik",
    "nomor nik": "nik",
    "nik ktp": "nik",
    "no ktp": "nik",
    "nomor induk kependudukan": "nik",
    "nama": "name",
    "nama lengkap": "name",
    "nama peserta": "name",
    "name": "name",
    "tempat lahir": "birth_place",
    "tmp lahir": "birth_place",
    "tempat": "birth_place",
    "tanggal lahir": "birth_date",
    "tgl lahir": "birth_date",
    "tgl lhr": "birth_date",
    "tanggal lhr": "birth_date",
    "tempat tanggal lahir": "birth_place_date",
    "tempat tgl lahir": "birth_place_date",
    "ttl": "birth_place_date",
    "jenis kelamin": "sex",
    "jk": "sex",
    "l p": "sex",
    "kelamin": "sex",
    "sex": "sex",
    "alamat": "address",
    "alamat lengkap": "address",
    "jorong": "jorong",
    "dusun": "jorong",
    "nagari": "nagari",
    "desa": "nagari",
    "kenagarian": "nagari",
    "desa nagari": "nagari",
    "nagari desa": "nagari",
    "pekerjaan": "occupation",
    "jenis pekerjaan": "occupation",
    "profesi": "occupation",
    "no hp": "phone",
    "hp": "phone",
    "no telp": "phone",
    "telepon": "phone",
    "no telepon": "phone",
    "nomor hp": "phone",
    "no wa": "phone",
    "no handphone": "phone",
    "penghasilan": "income",
    "upah": "income",
    "penghasilan per bulan": "income",
    "sumber dana": "funding",
    "sumber pembiayaan": "funding",
}

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


class Cancelled(AppError):
    """The user cancelled a long import; nothing was saved."""


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


@dataclass
class ImportPreview:
    """The whole file as it would be imported, before anything is saved."""

    path: Path
    headers: list[str]
    mapping: dict[str, int]  # field → column index
    rows: list[RowVerdict]

    def count(self, verdict: str) -> int:
        """How many rows have this verdict."""
        return sum(1 for r in self.rows if r.verdict == verdict)


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    new: int
    duplicate: int
    refused: int
    reg_nos: tuple[str, ...] = ()


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field → column from header texts such as "Tgl. Lahir" or "L/P"."""
    mapping: dict[str, int] = {}
    for i, h in enumerate(headers):
        key = norm(h)
        fieldname = _HEADERS.get(key)
        if fieldname and fieldname not in mapping:
            mapping[fieldname] = i
    return mapping


def _find_header(rows: list[list[Any]]) -> int:
    """The header is the first of the first ten rows that names a NIK or a name column."""
    for i, row in enumerate(rows[:10]):
        fields = guess_mapping([str(c or "") for c in row])
        if "nik" in fields or "name" in fields:
            return i
    return 0


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
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


def _nik_from_cell(value: Any, reasons: list[str]) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: the last digit of a 16-digit NIK may be gone.
        reasons.append(render("import.nik_number"))
        return ""
    text = _text(value)
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):
        reasons.append(render("import.nik_number"))
        return ""
    return text


@dataclass
class _Rules:
    ctx: Context
    villages: list[Any]
    existing: dict[str, str]
    age_limits: tuple[int, int]
    coverage_start: dt.date  # the service's default, read once


def _parse_row(rules: _Rules, line: int, row: list[Any], mapping: dict[str, int]) -> RowVerdict:
    def cell(fieldname: str) -> Any:
        i = mapping.get(fieldname)
        return row[i] if i is not None and i < len(row) else None

    reasons: list[str] = []
    nik = _nik_from_cell(cell("nik"), reasons)
    name = clean_name(_text(cell("name")))
    birth_place = clean_name(_text(cell("birth_place")))
    birth_raw: Any = cell("birth_date")
    combined = _text(cell("birth_place_date"))
    if combined and "," in combined:
        place, _, date_text = combined.rpartition(",")
        birth_place = birth_place or clean_name(place)
        birth_raw = birth_raw or date_text.strip()
    birth: dt.date | None = None
    try:
        birth = parse_cell_date(birth_raw)
    except ValueError:
        reasons.append(render("date.invalid", text=_text(birth_raw)))
    sex_text = _text(cell("sex"))
    sex = parse_sex(sex_text) if sex_text else None
    if sex_text and sex is None:
        reasons.append(render("sex.invalid", text=sex_text))
    report = check_nik(nik) if nik else None
    if report is not None and not report.valid:
        reasons.extend(render(i.code, **i.params) for i in report.errors)
    # A blank birth date or sex is taken from a valid NIK (it encodes both).
    if report is not None and report.valid:
        if birth is None and not _text(birth_raw):
            birth = report.birth_date
        if sex is None and not sex_text:
            sex = report.sex
    nagari_text = _text(cell("nagari"))
    village = rules.ctx.regions.match(nagari_text, rules.villages) if nagari_text else None
    if nagari_text and village is None:
        reasons.append(render("nagari.outside", nagari=nagari_text))
    occupation_text = _text(cell("occupation"))
    occupation = occupation_code(occupation_text) if occupation_text else None
    if occupation_text and occupation is None:
        reasons.append(render("occupation.unknown", value=occupation_text))
    funding_text = _text(cell("funding"))
    funding = funding_code(funding_text) if funding_text else "apbd"
    if funding is None:
        reasons.append(render("funding.unknown", value=funding_text))
    income: int | None = None  # the service's default when the column is empty
    income_text = _text(cell("income")).replace("Rp", "").replace(".", "").replace(",", "")
    if income_text:
        if income_text.isdigit():
            income = int(income_text)
        else:
            reasons.append(render("number.invalid", text=income_text))
    for fieldname, present in (
        ("nik", nik or any("NIK" in r for r in reasons)),
        ("name", name),
        ("birth_place", birth_place),
        ("nagari", nagari_text),
        ("occupation", occupation_text),
        ("birth_date", birth or _text(birth_raw)),
        ("sex", sex or sex_text),
    ):
        if not present:
            reasons.append(render("import.missing", column=tr(_LABELS[fieldname])))
    verdict = RowVerdict(line, row, "refused", reasons, None, name, nik)
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
        address=_text(cell("address")),
        jorong=_text(cell("jorong")),
        phone=clean_phone(_text(cell("phone"))),
        income=income,
        funding=funding,
        programmes=DEFAULT_PROGRAMMES,
    )
    data = participants.with_defaults(data, rules.coverage_start)
    verdict.data = data
    normalised = report.nik if report is not None else nik
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
}


def preview(
    ctx: Context,
    path: Path,
    mapping: dict[str, int] | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read a spreadsheet and give every row its verdict; saves nothing.

    Args:
        mapping: field → column index, when the user adjusted the guess.
        progress: called with (rows done, rows in all); returning False cancels.

    Raises:
        InvalidInput: an unreadable file, or one without a NIK column.
        Cancelled: ``progress`` returned False.
    """
    rows = read_rows(path)
    if not rows:
        raise InvalidInput("sheet.empty", name=path.name)
    header_at = _find_header(rows)
    headers = [_text(c) for c in rows[header_at]]
    mapping = dict(mapping) if mapping is not None else guess_mapping(headers)
    if "nik" not in mapping:
        raise InvalidInput("import.no_nik", name=path.name)
    data_rows = rows[header_at + 1 :]
    nik_col = mapping["nik"]
    candidates = [
        check_nik(_text(r[nik_col])).nik for r in data_rows if nik_col < len(r) and r[nik_col]
    ]
    with ctx.db.read() as s:
        existing = repo.existing_niks(s, candidates)
    limits = (int(ctx.setting("age_min")), int(ctx.setting("age_max")))
    start = participants.default_coverage_start(ctx, dt.date.today())
    rules = _Rules(ctx, participants.villages_for(ctx), existing, limits, start)
    out: list[RowVerdict] = []
    seen: dict[str, int] = {}
    total = len(data_rows)
    for i, row in enumerate(data_rows):
        line = header_at + 2 + i  # spreadsheet row number as the user sees it
        if all(c is None or _text(c) == "" for c in row):
            continue
        verdict = _parse_row(rules, line, list(row), mapping)
        key = verdict.nik
        if verdict.verdict == "new" and key in seen:
            verdict.verdict = "duplicate"
            verdict.reasons = [render("import.repeated", line=seen[key])]
        elif verdict.verdict == "new":
            seen[key] = line
        out.append(verdict)
        if progress is not None and i % 200 == 0 and not progress(i, total):
            raise Cancelled("import.cancelled")
    if progress is not None:
        progress(total, total)
    return ImportPreview(path, headers, mapping, out)


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
        repo.bulk_insert_participants(s, rows)
        repo.bulk_history(s, history)
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


def save_refused(prev: ImportPreview, path: Path) -> int:
    """Write the refused rows, as they were, with their reasons, for the nagari to correct.

    Returns:
        How many rows were written.
    """
    refused = [r for r in prev.rows if r.verdict == "refused"]
    headers = [*prev.headers, tr("Row"), tr("Reasons")]
    nik_col = prev.mapping.get("nik")
    phone_col = prev.mapping.get("phone")
    text_cols = [c for c in (nik_col, phone_col) if c is not None]
    rows = [
        [
            *(r.raw + [None] * (len(prev.headers) - len(r.raw)))[: len(prev.headers)],
            r.line,
            "; ".join(r.reasons),
        ]
        for r in refused
    ]
    write_xlsx(path, headers, rows, text_columns=text_cols)
    return len(rows)


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
