"""Reports of the kabupaten's desk: the recap, the budget, cards and handovers.

The figures come from ``GROUP BY`` queries (a recap of 100,000 participants reads a few
hundred rows); the texts from the message catalogue, so that a report is in Indonesian
unless English was chosen; :mod:`app.reports` draws them as xlsx or A4 PDF. Reports show
no NIK: what a Bupati's recap needs are counts.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.domain.participant import COUNTED, FUNDING, OCCUPATIONS, Status, age_on
from app.domain.recap import age_band, age_band_labels, percent
from app.errors import InvalidInput, NotFound, OsReason, StorageError
from app.i18n import MONTHS, date_in_words, tr
from app.reports import model as m
from app.services import desk
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import desk as desk_store
from app.store import repo
from app.store.files import write_private


class ReportKind(StrEnum):
    """The reports the desk produces."""

    RECAP = "recap"
    BUDGET = "budget"
    CARDS = "cards"


def month_name(key: str) -> str:
    """``2023-04`` → ``April 2023`` (``April 2023`` in Indonesian too; ``Mei 2023``)."""
    year, month = key.split("-")
    return f"{tr(MONTHS[int(month) - 1])} {year}"


# --- the recap's figures -------------------------------------------------------------


@dataclass(frozen=True)
class KecamatanRecap:
    """A kecamatan's participants in the year, by status, against its quota."""

    code: str
    name: str
    quota: int
    approved: int
    accepted: int
    active: int
    inactive: int  # left during the year

    @property
    def participants(self) -> int:
        """Counted participants (approved, accepted, active)."""
        return self.approved + self.accepted + self.active


@dataclass(frozen=True)
class NagariRecap:
    """A nagari's counted participants by sex."""

    kecamatan: str
    code: str
    name: str
    men: int
    women: int

    @property
    def participants(self) -> int:
        """Men and women."""
        return self.men + self.women


@dataclass(frozen=True)
class SplitRow:
    """A category (occupation, age band) with its men and women."""

    code: str
    label: str
    men: int
    women: int

    @property
    def participants(self) -> int:
        """Men and women."""
        return self.men + self.women


@dataclass(frozen=True)
class FundingRecap:
    """A funding source's participants against its quota."""

    code: str
    label: str
    quota: int
    participants: int


@dataclass(frozen=True)
class Recap:
    """Everything the recap report shows, as numbers."""

    year: int
    as_of: dt.date
    kecamatan: list[KecamatanRecap]
    nagari: list[NagariRecap]
    occupation: list[SplitRow]
    age: list[SplitRow]
    funding: list[FundingRecap]
    with_kpj: int
    cards: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def participants(self) -> int:
        """Counted participants in all kecamatan."""
        return sum(k.participants for k in self.kecamatan)

    @property
    def men(self) -> int:
        """Counted men."""
        return sum(n.men for n in self.nagari)

    @property
    def women(self) -> int:
        """Counted women."""
        return sum(n.women for n in self.nagari)


def _year_known(ctx: Context, year: int) -> None:
    if not desk.MIN_YEAR <= year <= desk.MAX_YEAR:
        raise InvalidInput("budget.year", year=year)


def recap(ctx: Context, year: int, today: dt.date | None = None) -> Recap:
    """The year's participants per kecamatan, nagari, occupation, sex, age band and funding.

    Counted: approved, accepted and active participants whose coverage overlaps the year;
    the kecamatan table also shows who left during it. Ages are taken on the report date
    (or on 31 December for a past year).

    Raises:
        InvalidInput: a year out of range.
    """
    _year_known(ctx, year)
    today = today or dt.date.today()
    as_of = min(today, dt.date(year, 12, 31))
    with ctx.db.read() as s:
        by_status = desk_store.group_counts(s, ["kecamatan", "status"], year=year)
        by_nagari = desk_store.group_counts(
            s, ["kecamatan", "nagari", "sex"], year=year, statuses=COUNTED
        )
        # One pass for occupation, sex, funding and KPJ together (a few hundred groups).
        mixed = desk_store.group_counts(
            s, ["occupation", "sex", "funding", "has_kpj"], year=year, statuses=COUNTED
        )
        by_birth = desk_store.group_counts(s, ["birth_date", "sex"], year=year, statuses=COUNTED)
        quotas = desk_store.quota_rows(s, year)
        cards = desk_store.card_counts(s, year)
    status: dict[str, dict[str, int]] = {}
    for kec, st, n in by_status:
        status.setdefault(kec, {})[st] = n
    quota_kec: dict[str, int] = {}
    quota_fund: dict[str, int] = {}
    for _y, kec, funding, q in quotas:
        quota_kec[kec] = quota_kec.get(kec, 0) + q
        quota_fund[funding] = quota_fund.get(funding, 0) + q
    kecs = ctx.regions.kecamatan(ctx.identity.regency)
    codes = [k.code for k in kecs] + sorted(set(status) - {k.code for k in kecs})

    def name(code: str) -> str:
        region = ctx.regions.get(code)
        return region.name if region else code

    kec_rows = [
        KecamatanRecap(
            code,
            name(code),
            quota_kec.get(code, 0),
            status.get(code, {}).get(Status.APPROVED.value, 0),
            status.get(code, {}).get(Status.ACCEPTED.value, 0),
            status.get(code, {}).get(Status.ACTIVE.value, 0),
            status.get(code, {}).get(Status.INACTIVE.value, 0),
        )
        for code in codes
    ]
    sexes: dict[tuple[str, str], dict[str, int]] = {}
    for kec, nagari, sex, n in by_nagari:
        sexes.setdefault((kec, nagari), {})[sex] = n
    nagari_rows: list[NagariRecap] = []
    for code in codes:
        villages = ctx.regions.villages(code)
        known = {v.code for v in villages}
        extra = sorted(ng for (k, ng) in sexes if k == code and ng not in known)
        for ng in [v.code for v in villages] + extra:
            counts = sexes.get((code, ng), {})
            nagari_rows.append(
                NagariRecap(code, ng, name(ng), counts.get("L", 0), counts.get("P", 0))
            )
    occ: dict[str, dict[str, int]] = {}
    counted_fund: dict[str, int] = {}
    with_kpj = 0
    for code, sex, funding, has_kpj, n in mixed:
        occ.setdefault(code, {})[sex] = occ.get(code, {}).get(sex, 0) + n
        counted_fund[funding] = counted_fund.get(funding, 0) + n
        with_kpj += n if has_kpj else 0
    occupation_rows = [
        SplitRow(code, OCCUPATIONS.get(code, code), c.get("L", 0), c.get("P", 0))
        for code, c in sorted(
            occ.items(),
            key=lambda kv: list(OCCUPATIONS).index(kv[0]) if kv[0] in OCCUPATIONS else 99,
        )
    ]
    bands: dict[str, dict[str, int]] = {label: {} for label in age_band_labels()}
    for birth, sex, n in by_birth:
        band = age_band(age_on(birth, as_of))
        bands[band][sex] = bands[band].get(sex, 0) + n
    age_rows = [SplitRow(label, label, c.get("L", 0), c.get("P", 0)) for label, c in bands.items()]
    funding_rows = [
        FundingRecap(code, label, quota_fund.get(code, 0), counted_fund.get(code, 0))
        for code, label in FUNDING.items()
        if code in counted_fund or code in quota_fund
    ]
    return Recap(
        year,
        as_of,
        kec_rows,
        nagari_rows,
        occupation_rows,
        age_rows,
        funding_rows,
        with_kpj,
        cards,
    )


# --- building the reports ------------------------------------------------------------


def _frame(
    ctx: Context, title: str, subtitle: str, today: dt.date, running_head: str = ""
) -> m.Report:
    regency = str(ctx.setting("regency_name"))
    name = str(ctx.setting("report_signer_name")).strip()
    nip = str(ctx.setting("report_signer_nip")).strip()
    return m.Report(
        title=title,
        subtitle=subtitle,
        government=tr("Government of {regency}", regency=regency),
        office=str(ctx.setting("report_office")),
        printed=today,
        signature=m.Signature(
            place_date=f"{ctx.setting('report_place')}, {date_in_words(today)}",
            title_lines=(str(ctx.setting("report_signer_title")), regency),
            name=name,
            id_line=f"NIP. {nip}" if nip else "NIP.",
        ),
        labels=m.Labels(
            page=tr("Page {page} of {pages}"),
            printed=tr("Printed {date}"),
            total=tr("Total"),
            summary_sheet=tr("Summary"),
            chart_sheet=tr("Chart"),
        ),
        footer_note=f"{tr('Lindungi')} · {regency}",
        running_head=running_head,
        address=str(ctx.setting("report_address")).strip(),
        crest=crest_image(ctx),
    )


# --- the letterhead's crest ----------------------------------------------------------

MAX_CREST_BYTES = 1_000_000


def crest_image(ctx: Context) -> bytes | None:
    """The crest stored for the letterhead, or None."""
    text = str(ctx.setting("report_crest"))
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None


def set_crest(ctx: Context, actor: Actor, path: Path | None) -> None:
    """Put the regency's crest (a PNG or JPEG file) on the letterhead; None removes it.

    The image is stored in the database, so that backups and a new PC keep it.

    Raises:
        Refused: the actor is not an administrator.
        InvalidInput: not a PNG or JPEG image, larger than 1 MB, or unreadable.
    """
    actor.require(Role.ADMIN)
    data = b""
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput("file.unreadable", path=str(path), reason=OsReason(exc)) from exc
        if len(data) > MAX_CREST_BYTES:
            raise InvalidInput("crest.too_large", name=path.name)
        if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
            raise InvalidInput("crest.format", name=path.name)
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(data)) as img:
                img.verify()
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise InvalidInput("crest.format", name=path.name) from exc
    value = base64.b64encode(data).decode("ascii")
    with ctx.db.session() as s:
        repo.put_setting(s, "report_crest", value)
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="setting",
            entity_id="report_crest",
            action="setting",
            changes={"file": path.name if path is not None else ""},
        )


def _pct(part: int, whole: int) -> float | None:
    return percent(part, whole)


def recap_report(ctx: Context, year: int, today: dt.date | None = None) -> m.Report:
    """The recap as a report: per kecamatan and nagari, occupation, sex, age, funding."""
    today = today or dt.date.today()
    r = recap(ctx, year, today)
    report = _frame(
        ctx,
        tr("Recapitulation of programme participants"),
        tr("Year {year} · as of {date}", year=year, date=r.as_of.strftime("%d/%m/%Y")),
        today,
        tr("Participant recap {year}", year=year),
    )
    total = r.participants
    quota = sum(k.quota for k in r.kecamatan)
    s = report.sections
    s.append(
        m.Paragraph(
            tr(
                "{count} participants are covered in {year} ({percent} of the quota of "
                "{quota}); {kpj} of them have a BPJS KPJ number. Counted: approved, "
                "accepted and active participants; inactive: those who left during the year.",
                count=m.format_int(total),
                year=year,
                percent=m.format_percent(_pct(total, quota)),
                quota=m.format_int(quota),
                kpj=m.format_int(r.with_kpj),
            )
        )
    )
    s.append(
        m.Table(
            tr("A. Participants per kecamatan against the quota"),
            (
                m.Column(tr("No."), m.Kind.INT, 0.45),
                m.Column(tr("Kecamatan"), m.Kind.TEXT, 2.2),
                m.Column(tr("Quota"), m.Kind.INT, 0.9),
                m.Column(tr("Approved"), m.Kind.INT, 0.95),
                m.Column(tr("Accepted"), m.Kind.INT, 0.95),
                m.Column(tr("Active"), m.Kind.INT, 0.9),
                m.Column(tr("Participants"), m.Kind.INT, 0.95),
                m.Column(tr("% of quota"), m.Kind.PERCENT, 0.95),
                m.Column(tr("Inactive"), m.Kind.INT, 0.9),
            ),
            [
                (
                    i,
                    k.name,
                    k.quota,
                    k.approved,
                    k.accepted,
                    k.active,
                    k.participants,
                    _pct(k.participants, k.quota),
                    k.inactive,
                )
                for i, k in enumerate(r.kecamatan, start=1)
            ],
            total=(
                None,
                "",
                quota,
                sum(k.approved for k in r.kecamatan),
                sum(k.accepted for k in r.kecamatan),
                sum(k.active for k in r.kecamatan),
                total,
                _pct(total, quota),
                sum(k.inactive for k in r.kecamatan),
            ),
            sheet=tr("Kecamatan"),
        )
    )
    s.append(
        m.BarChart(
            tr("Participants and quota per kecamatan"),
            [k.name for k in r.kecamatan],
            [
                m.Series(tr("Participants"), [k.participants for k in r.kecamatan]),
                m.Series(tr("Quota"), [k.quota for k in r.kecamatan]),
            ],
            sheet=tr("Chart"),
        )
    )
    rows: list[tuple[object, ...]] = []
    groups: set[int] = set()
    subtotals: set[int] = set()
    for k in r.kecamatan:
        villages = [n for n in r.nagari if n.kecamatan == k.code]
        if not villages:
            continue
        groups.add(len(rows))
        rows.append((tr("Kecamatan {name}", name=k.name), None, None, None, None))
        for i, n in enumerate(villages, start=1):
            rows.append((i, n.name, n.men, n.women, n.participants))
        subtotals.add(len(rows))
        rows.append(
            (
                None,
                tr("Subtotal"),
                sum(n.men for n in villages),
                sum(n.women for n in villages),
                sum(n.participants for n in villages),
            )
        )
    s.append(
        m.Table(
            tr("B. Participants per nagari"),
            (
                m.Column(tr("No."), m.Kind.INT, 0.5),
                m.Column(tr("Nagari / desa"), m.Kind.TEXT, 3.4),
                m.Column(tr("Men"), m.Kind.INT, 1.1),
                m.Column(tr("Women"), m.Kind.INT, 1.1),
                m.Column(tr("Participants"), m.Kind.INT, 1.1),
            ),
            rows,
            total=(None, "", r.men, r.women, total),
            sheet=tr("Nagari"),
            group_rows=frozenset(groups),
            subtotal_rows=frozenset(subtotals),
        )
    )
    s.append(
        _split_table(
            tr("C. Participants per occupation"), tr("Occupation"), r.occupation, tr("Occupation")
        )
    )
    s.append(
        m.Table(
            tr("D. Participants per sex"),
            (
                m.Column(tr("Sex"), m.Kind.TEXT, 3),
                m.Column(tr("Participants"), m.Kind.INT, 1.2),
                m.Column(tr("Share"), m.Kind.PERCENT, 1.2),
            ),
            [
                (tr("Men"), r.men, _pct(r.men, total)),
                (tr("Women"), r.women, _pct(r.women, total)),
            ],
            total=("", total, _pct(total, total)),
            sheet=tr("Sex"),
        )
    )
    s.append(
        _split_table(
            tr("E. Participants per age band (age on {date})", date=r.as_of.strftime("%d/%m/%Y")),
            tr("Age (years)"),
            r.age,
            tr("Age"),
        )
    )
    fund_quota = sum(f.quota for f in r.funding)
    s.append(
        m.Table(
            tr("F. Participants per funding source"),
            (
                m.Column(tr("Funding source"), m.Kind.TEXT, 3),
                m.Column(tr("Quota"), m.Kind.INT, 1.1),
                m.Column(tr("Participants"), m.Kind.INT, 1.1),
                m.Column(tr("% of quota"), m.Kind.PERCENT, 1.1),
            ),
            [(f.label, f.quota, f.participants, _pct(f.participants, f.quota)) for f in r.funding],
            total=("", fund_quota, total, _pct(total, fund_quota)),
            sheet=tr("Funding"),
        )
    )
    return report


def _split_table(title: str, heading: str, rows: list[SplitRow], sheet: str) -> m.Table:
    total = sum(x.participants for x in rows)
    return m.Table(
        title,
        (
            m.Column(tr("No."), m.Kind.INT, 0.5),
            m.Column(heading, m.Kind.TEXT, 2.6),
            m.Column(tr("Men"), m.Kind.INT, 1),
            m.Column(tr("Women"), m.Kind.INT, 1),
            m.Column(tr("Participants"), m.Kind.INT, 1),
            m.Column(tr("Share"), m.Kind.PERCENT, 1),
        ),
        [
            (i, x.label, x.men, x.women, x.participants, _pct(x.participants, total))
            for i, x in enumerate(rows, start=1)
        ],
        total=(
            None,
            "",
            sum(x.men for x in rows),
            sum(x.women for x in rows),
            total,
            _pct(total, total),
        ),
        sheet=sheet,
    )


def budget_report(ctx: Context, year: int, today: dt.date | None = None) -> m.Report:
    """The year's contributions per kecamatan, funding source and month, with the rates."""
    today = today or dt.date.today()
    b = desk.budget_detail(ctx, year)
    report = _frame(
        ctx,
        tr("Budget of programme contributions"),
        tr("Year {year} · as of {date}", year=year, date=today.strftime("%d/%m/%Y")),
        today,
        tr("Contribution budget {year}", year=year),
    )
    s = report.sections
    s.append(
        m.Paragraph(
            tr(
                "Contributions (iuran) for {count} participants in {year}: {total}. Each "
                "participant is counted from the month of its coverage start (or January) to "
                "December or the month it left, at the rate in force in each month.",
                count=m.format_int(b.total.participants),
                year=year,
                total=m.format_money(b.total.total),
            )
        )
    )
    s.append(
        m.Table(
            tr("A. Contributions per kecamatan"),
            (
                m.Column(tr("No."), m.Kind.INT, 0.45),
                m.Column(tr("Kecamatan"), m.Kind.TEXT, 2.2),
                m.Column(tr("Participants"), m.Kind.INT, 1),
                m.Column(tr("Per month"), m.Kind.MONEY, 1.5),
                m.Column(tr("Year"), m.Kind.MONEY, 1.7),
            ),
            [
                (i, k.name, k.line.participants, k.line.monthly, k.line.total)
                for i, k in enumerate(b.kecamatan, start=1)
            ],
            total=(None, "", b.total.participants, b.total.monthly, b.total.total),
            sheet=tr("Kecamatan"),
        )
    )
    s.append(
        m.Table(
            tr("B. Contributions per funding source"),
            (
                m.Column(tr("Funding source"), m.Kind.TEXT, 2.65),
                m.Column(tr("Participants"), m.Kind.INT, 1),
                m.Column(tr("Per month"), m.Kind.MONEY, 1.5),
                m.Column(tr("Year"), m.Kind.MONEY, 1.7),
            ),
            [(f.name, f.line.participants, f.line.monthly, f.line.total) for f in b.funding],
            total=("", b.total.participants, b.total.monthly, b.total.total),
            sheet=tr("Funding"),
        )
    )
    sources = [f for f in b.funding]
    month_cols = [m.Column(tr("Month"), m.Kind.TEXT, 1.5), m.Column(tr("Paid for"), m.Kind.INT, 1)]
    if len(sources) > 1:
        month_cols += [m.Column(f.name, m.Kind.MONEY, 1.4) for f in sources]
    month_cols.append(m.Column(tr("Contributions"), m.Kind.MONEY, 1.5))
    month_rows: list[tuple[object, ...]] = []
    for key in b.months:
        row: list[object] = [month_name(key), b.total.heads.get(key, 0)]
        if len(sources) > 1:
            row += [f.line.by_month.get(key, 0) for f in sources]
        row.append(b.total.by_month.get(key, 0))
        month_rows.append(tuple(row))
    total_row: list[object] = ["", None]
    if len(sources) > 1:
        total_row += [f.line.total for f in sources]
    total_row.append(b.total.total)
    s.append(
        m.Table(
            tr("C. Contributions per month"),
            tuple(month_cols),
            month_rows,
            total=tuple(total_row),
            sheet=tr("Months"),
        )
    )
    s.append(
        m.BarChart(
            tr("Contributions per month"),
            [tr(MONTHS[int(k[5:]) - 1])[:3] for k in b.months],
            [m.Series(tr("Contributions"), [b.total.by_month.get(k, 0) for k in b.months])],
            money=True,
            sheet=tr("Chart"),
        )
    )
    s.append(
        m.Table(
            tr("D. Rates applied"),
            (
                m.Column(tr("In force from"), m.Kind.TEXT, 1.2),
                m.Column(tr("Programme"), m.Kind.TEXT, 0.9),
                m.Column(tr("Rule"), m.Kind.TEXT, 2.2),
                m.Column(tr("Funding sources"), m.Kind.TEXT, 1.6),
                m.Column(tr("Note"), m.Kind.TEXT, 2.2),
            ),
            [
                (
                    r.rule.effective_from.strftime("%d/%m/%Y"),
                    r.rule.programme.value,
                    desk.describe_rule(r.rule),
                    ", ".join(desk.funding_label(f) for f in r.rule.funding),
                    r.note,
                )
                for r in b.rates
            ],
            note=tr("JHT is paid by the scheme.")
            if b.pay_jht
            else tr("JHT is not paid by the scheme: only JKK and JKM are budgeted."),
            sheet=tr("Rates"),
        )
    )
    return report


def cards_report(ctx: Context, year: int, today: dt.date | None = None) -> m.Report:
    """Cards printed and handed over per kecamatan, the handover events, reprints."""
    _year_known(ctx, year)
    today = today or dt.date.today()
    with ctx.db.read() as s:
        recorded = desk_store.has_cards(s)
        counts = desk_store.card_counts(s, year) if recorded else {}
        events = desk_store.handover_events(s, year) if recorded else []
        reprints = desk_store.reprint_counts(s, year) if recorded else {}
        people = desk_store.group_counts(s, ["kecamatan"], year=year, statuses=COUNTED)
    report = _frame(
        ctx,
        tr("Cards and handovers"),
        tr("Year {year} · as of {date}", year=year, date=today.strftime("%d/%m/%Y")),
        today,
        tr("Cards and handovers {year}", year=year),
    )
    sec = report.sections
    printed = sum(n for n, _ in counts.values())
    if printed == 0:
        sec.append(m.Paragraph(tr("No cards printed yet."), notice=True))
    participants = dict(people)
    kecs = ctx.regions.kecamatan(ctx.identity.regency)
    rows = []
    for i, k in enumerate(kecs, start=1):
        n = participants.get(k.code, 0)
        got, given = counts.get(k.code, (0, 0))
        rows.append((i, k.name, n, got, given, got - given, max(n - got, 0)))
    sec.append(
        m.Table(
            tr("A. Cards per kecamatan"),
            (
                m.Column(tr("No."), m.Kind.INT, 0.45),
                m.Column(tr("Kecamatan"), m.Kind.TEXT, 2.2),
                m.Column(tr("Participants"), m.Kind.INT, 1),
                m.Column(tr("Printed"), m.Kind.INT, 1),
                m.Column(tr("Handed over"), m.Kind.INT, 1),
                m.Column(tr("Not yet handed over"), m.Kind.INT, 1.2),
                m.Column(tr("Not printed"), m.Kind.INT, 1),
            ),
            rows,
            total=(
                None,
                "",
                sum(x[2] for x in rows),
                sum(x[3] for x in rows),
                sum(x[4] for x in rows),
                sum(x[5] for x in rows),
                sum(x[6] for x in rows),
            ),
            note=tr("A card counts once per participant: its current version."),
            sheet=tr("Kecamatan"),
        )
    )
    if printed:
        sec.append(
            m.BarChart(
                tr("Cards printed and handed over per kecamatan"),
                [k.name for k in kecs],
                [
                    m.Series(tr("Printed"), [x[3] for x in rows]),
                    m.Series(tr("Handed over"), [x[4] for x in rows]),
                ],
                sheet=tr("Chart"),
            )
        )
    if events:
        sec.append(
            m.Table(
                tr("B. Handover events"),
                (
                    m.Column(tr("Date"), m.Kind.TEXT, 1),
                    m.Column(tr("Place"), m.Kind.TEXT, 2.2),
                    m.Column(tr("Officials present"), m.Kind.TEXT, 2.4),
                    m.Column(tr("Office"), m.Kind.TEXT, 1),
                    m.Column(tr("Handed over"), m.Kind.INT, 1),
                    m.Column(tr("To a proxy"), m.Kind.INT, 0.9),
                ),
                [
                    (
                        e.date.strftime("%d/%m/%Y"),
                        e.place,
                        e.officials.replace(";", ","),
                        e.install_code,
                        e.handed_over,
                        e.by_proxy,
                    )
                    for e in events
                ],
                total=(
                    "",
                    "",
                    "",
                    "",
                    sum(e.handed_over for e in events),
                    sum(e.by_proxy for e in events),
                ),
                sheet=tr("Events"),
            )
        )
    elif recorded:
        sec.append(m.Paragraph(tr("No handover events in {year}.", year=year)))
    if reprints:
        sec.append(
            m.Table(
                tr("C. Reprints by reason"),
                (m.Column(tr("Reason"), m.Kind.TEXT, 4), m.Column(tr("Reprints"), m.Kind.INT, 1)),
                [(reason or "–", n) for reason, n in sorted(reprints.items())],
                total=("", sum(reprints.values())),
                sheet=tr("Reprints"),
            )
        )
    return report


# --- writing -------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """A report written to a file."""

    kind: ReportKind
    year: int
    path: Path
    format: str


def build(ctx: Context, kind: ReportKind, year: int, today: dt.date | None = None) -> m.Report:
    """The report of ``kind`` for ``year`` as plain data."""
    if kind is ReportKind.RECAP:
        return recap_report(ctx, year, today)
    if kind is ReportKind.BUDGET:
        return budget_report(ctx, year, today)
    return cards_report(ctx, year, today)


@dataclass(frozen=True)
class Preview:
    """The first table of a report, as text: what the reports screen shows before saving."""

    title: str  # the report's
    subtitle: str
    table: str  # the table's
    headings: list[str]
    rows: list[list[str]]
    right: frozenset[int]  # columns of numbers, aligned right


def preview(
    ctx: Context, kind: ReportKind | str, year: int, today: dt.date | None = None
) -> Preview:
    """The report of ``kind`` for ``year`` as the screen previews it: its first table.

    Raises:
        InvalidInput: an unknown kind or a year out of range.
    """
    try:
        chosen = ReportKind(kind)
    except ValueError:
        raise InvalidInput("report.kind", kind=kind) from None
    report = build(ctx, chosen, year, today)
    table = next(s for s in report.sections if isinstance(s, m.Table))
    kinds = [c.kind for c in table.columns]
    rows = [[m.format_cell(v, k) for v, k in zip(r, kinds, strict=False)] for r in table.rows]
    if table.total is not None:
        total, _span = m.labelled_total(table, report.labels.total)
        rows.append([m.format_cell(v, k) for v, k in zip(total, kinds, strict=False)])
    return Preview(
        report.title,
        report.subtitle,
        table.title,
        [c.title for c in table.columns],
        rows,
        frozenset(i for i, k in enumerate(kinds) if k is not m.Kind.TEXT),
    )


def export(
    ctx: Context,
    actor: Actor,
    kind: ReportKind | str,
    year: int,
    path: Path,
    today: dt.date | None = None,
) -> Written:
    """Write a report as xlsx or PDF (chosen by the file's extension).

    Raises:
        InvalidInput: an unknown kind, an extension other than .xlsx or .pdf, a year out
            of range, or a file that cannot be written.
        NotFound: the folder does not exist.
    """
    actor.require(Role.OPERATOR)
    try:
        kind = ReportKind(kind)
    except ValueError:
        raise InvalidInput("report.kind", kind=kind) from None
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise InvalidInput("report.format", name=path.name)
    if not path.parent.is_dir():
        raise NotFound("file.missing", path=str(path.parent))
    report = build(ctx, kind, year, today)
    if suffix == ".pdf":
        from app.reports import pdf

        data = pdf.render(report)
    else:
        from app.reports import xlsx

        data = xlsx.to_bytes(report)
    try:
        write_private(path, data)  # the register in figures: owner-only like every export
    except StorageError as exc:
        raise InvalidInput(exc.code, **exc.params) from exc
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="report",
            entity_id=f"{kind.value}/{year}",
            action="report",
            changes={"format": suffix[1:], "file": path.name},
        )
    return Written(kind, year, path, suffix[1:])
