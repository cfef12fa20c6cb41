"""A province-sized register on PostgreSQL beside the kabupaten's 100,000 on SQLite.

Run: ``python -m tests.benchmarks.bench_postgres --pg postgresql://USER@HOST:PORT/postgres
[--pg-participants 2000000] [--sqlite-participants 100000] [--bundle 20000] [--runs 5]
[--keep DIR] [--merge-only] [--profile FILE]``
(``--sqlite-participants 0`` measures PostgreSQL alone; ``--merge-only`` with a register
kept by ``--keep`` measures only the merge, ``--profile`` writes its cProfile statistics)
(or set ``LINDUNGI_TEST_PG``; the account must be allowed to create databases: the
benchmark makes ``lindungi_bench`` and drops it at the end unless ``--keep``). Not
collected by pytest; it prints figures, not a verdict of CI.

For each engine, a kabupaten register, then:
- **load**: on PostgreSQL, ``COPY`` of the participants and of one chained history entry
  each (``create``), generated like the demo data (every kecamatan of the regency, station
  C, NIKs valid and unique, statuses, coverage starts, funding and KPJ numbers spread as
  ``bench_desk`` spreads them), then their name words in one statement (the table of
  migration 0014; its trigger set aside during the COPY), then ``VACUUM ANALYZE``; on
  SQLite the application's own bulk insert (``demo.generate``) and the same spreading;
- **every list search of the GUI** (6- and 10-digit NIK prefix, a name word, two name
  words, a registration number, a KPJ number, the whole list): what the list shows at
  once, the first page of 200 ids with its count (exact up to 10.000) and that page's
  rows, through the service the GUI calls; goal ≤ 50 ms;
- **the dashboard's data** (goal ≤ 1 s);
- **a bundle of 20,000 records merged** from an enrolled office (station B of Kamang Baru,
  its key confirmed before; the merge as the desk waits for it, receipt included; goal
  ≤ 5 s);
- **the recap report** of 2023 as xlsx (goal ≤ 10 s).
Medians of R runs (the load and the merge once), wall-clock; the merge also with the CPU
seconds of the benchmark's own process (the server's work is not in them).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid as uuidlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import text

from app.domain import audit
from app.domain.install import Role, kecamatan_install_code
from app.domain.nik import make_nik
from app.domain.participant import DEFAULT_INCOME, Sex, registration_number
from app.services import demo, desk, participants, reports, trust
from app.services.context import Context, open_data_dir
from app.services.participants import ListQuery
from app.services.setup import setup_install
from app.services.sync import bundle_import, export, offices
from app.store.engine import BUSY_TIMEOUT_S, DB_FILENAME, Database
from app.store.migrate import upgrade
from app.store.pg import ServerAddress, make_pg_engine, parse
from tests.actors import ADMIN
from tests.benchmarks.bench_desk import vary

T = TypeVar("T")
PAGE = 200
SEARCH_GOAL = 0.050
BENCH_DB = "lindungi_bench"
NOW = dt.datetime(2024, 1, 15, 9, 0, 0)
SLICE = 100_000
COLUMNS = [
    "uuid",
    "reg_no",
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "sex",
    "address",
    "jorong",
    "nagari_code",
    "kecamatan_code",
    "occupation",
    "phone",
    "income",
    "funding",
    "programmes",
    "coverage_start",
    "coverage_end",
    "status",
    "status_reason",
    "status_date",
    "duplicate_of",
    "kpj",
    "override_reason",
    "revision",
    "ack_revision",
    "created_at",
    "created_by",
    "created_install",
    "updated_at",
    "updated_by",
    "updated_install",
    "erased_at",
    "history_hash",
]
HISTORY = [
    "at",
    "actor",
    "install_code",
    "entity",
    "entity_id",
    "action",
    "changes",
    "reason",
    "state",
    "rule",
    "content_hash",
    "prev_hash",
    "hash",
    "redacted",
]


@dataclass
class Side:
    """One engine's figures."""

    label: str
    count: int = 0
    figures: dict[str, tuple[float, str]] = field(default_factory=dict)

    def put(self, what: str, seconds: float, note: str = "") -> None:
        self.figures[what] = (seconds, note)


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def median(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    walls = []
    out: T
    for _ in range(runs):
        wall, out = timed(fn)
        walls.append(wall)
    return statistics.median(walls), out


# --- the province's register, generated and copied in --------------------------------


def synthetic(ctx: Context, n: int, seed: int) -> Iterator[tuple[list[Any], list[Any]]]:
    """``n`` participants like the demo's, spread over every kecamatan (station C), with
    their ``create`` history entry: (participant row, history row) in order."""
    rng = random.Random(seed)
    regency = ctx.identity.regency
    kecs = ctx.regions.kecamatan(regency)
    villages = {k.code: ctx.regions.villages(k.code) for k in kecs}
    kecs = [k for k in kecs if villages[k.code]]
    serials: dict[tuple[str, dt.date, str], int] = {}
    numbers: dict[str, int] = {}
    install = ctx.identity.install_code
    occupations = list(demo.OCCUPATION_WEIGHTS)
    weights = list(demo.OCCUPATION_WEIGHTS.values())
    start_2022 = dt.date(2022, 1, 1)
    for i in range(1, n + 1):
        kec = kecs[i % len(kecs)].code
        sex = "L" if rng.random() < 0.62 else "P"
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 16000))
        prefix = kec.replace(".", "")
        key = (prefix, birth, sex)
        serial = serials[key] = serials.get(key, 0) + 1
        nik = make_nik(prefix, birth, Sex(sex), serial)
        code = kecamatan_install_code(kec, "C")
        numbers[code] = numbers.get(code, 0) + 1
        reg_no = registration_number(code, numbers[code])
        uid = str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
        status, reason, left, kpj = "accepted", "", None, None
        if i % 3 == 0:
            status, kpj = "active", f"{i:011d}"
        elif i % 50 == 7:
            status, reason = "inactive", "moved"
            left = dt.date(2023, 1 + i % 12, 1)
        funding = {1: "apb-nagari", 2: "apbn", 3: "mandiri"}.get(i % 10, "apbd")
        income = {1: 1_500_000, 2: 2_500_000}.get(i % 7, DEFAULT_INCOME)
        month = i % 24
        coverage = start_2022.replace(year=2022 + month // 12, month=1 + month % 12)
        name = demo._name(rng, Sex(sex))
        row = [
            uid,
            reg_no,
            nik,
            name,
            rng.choice(demo.PLACES),
            birth,
            sex,
            f"Jorong {rng.choice(demo.JORONG)}",
            rng.choice(demo.JORONG),
            rng.choice(villages[kec]).code,
            kec,
            rng.choices(occupations, weights=weights)[0],
            "",
            income,
            funding,
            "JKK,JKM,JHT" if i % 13 == 0 else "JKK,JKM",
            coverage,
            None,
            status,
            reason,
            left,
            None,
            kpj,
            "",
            1,
            1,
            NOW,
            "muat",
            code,
            NOW,
            "muat",
            code,
            None,
            "",
        ]
        entry = {
            "at": NOW,
            "actor": "muat",
            "install_code": install,
            "entity": "participant",
            "entity_id": uid,
            "action": "create",
            "changes": json.dumps({"reg_no": [None, reg_no], "source": "load"}),
            "reason": "",
            "state": "",
        }
        yield row, [entry[k] for k in HISTORY[:9]]


def _csv(rows: list[list[Any]]) -> io.BytesIO:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for r in rows:
        writer.writerow(["\\N" if v is None else v for v in r])
    return io.BytesIO(buf.getvalue().encode("utf-8"))


# The name words of the copied participants (migrations 0014 and 0015: with the values
# the list filters and sorts by), in one statement after the COPY: the trigger that fills
# them per statement is set aside meanwhile.
WORD_TRIGGER = "participant_word_ai"
WORD_VALUES = (
    "kecamatan_code, nagari_code, status, occupation, funding, sex, birth_date, reg_no, nik, kpj"
)
FILL_WORDS = (
    f"INSERT INTO participant_word (id, word, name, words, {WORD_VALUES}) "
    "SELECT n.id, w.word, n.name, ' ' || array_to_string(a.words, ' '), "
    f"n.{WORD_VALUES.replace(', ', ', n.')} FROM participant n, "
    "LATERAL (SELECT lindungi_word_array(n.name::text) AS words) a, unnest(a.words) AS w(word) "
    "WHERE n.id > :after"
)


def copy_in(ctx: Context, n: int) -> float:
    """COPY ``n`` participants and their chained history entries into the server; the
    seconds spent filling the name words after the COPY."""
    with ctx.db.session() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        cur = raw.cursor()
        # Committed durably: VACUUM marks a page all-visible only once the commit of its
        # rows is on disk, which the test cluster (synchronous_commit off) writes later.
        s.execute(text("SET LOCAL synchronous_commit = on"))
        after = s.execute(text("SELECT coalesce(max(id), 0) FROM participant")).scalar()
        s.execute(text(f"ALTER TABLE participant DISABLE TRIGGER {WORD_TRIGGER}"))
        prev = s.execute(text("SELECT hash FROM history ORDER BY id DESC LIMIT 1")).scalar()
        prev = prev or audit.GENESIS
        people: list[list[Any]] = []
        entries: list[dict[str, Any]] = []
        copy_p = f"COPY participant ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        copy_h = f"COPY history ({', '.join(HISTORY)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"

        prev_hash = prev
        done = 0

        def flush() -> str:
            nonlocal people, entries, done
            done += len(people)
            last = prev_hash
            hist = []
            for e, links in zip(entries, audit.chain_many(last, entries), strict=True):
                hist.append(
                    [
                        *(e[k] for k in HISTORY[:9]),
                        links["rule"],
                        links["content_hash"],
                        links["prev_hash"],
                        links["hash"],
                        "false",
                    ]
                )
                last = links["hash"]
            cur.execute(copy_p, stream=_csv(people))
            cur.execute(copy_h, stream=_csv(hist))
            people, entries = [], []
            print(f"  … {done:,}", flush=True)
            return last

        for row, h in synthetic(ctx, n, seed=2022):
            people.append(row)
            entries.append(dict(zip(HISTORY[:9], h, strict=True)))
            if len(people) == SLICE:
                prev_hash = flush()
        if people:
            prev_hash = flush()
        words, _ = timed(lambda: s.execute(text(FILL_WORDS), {"after": after}))
        s.execute(text(f"ALTER TABLE participant ENABLE TRIGGER {WORD_TRIGGER}"))
        print(f"  … their name words in one statement: {words:.1f} s", flush=True)
    address = ctx.db.server
    assert address is not None
    for table in ("participant", "history", "participant_word"):
        admin_sql(address, ctx.db.engine.url.password, f"VACUUM ANALYZE {table}")
    # The first VACUUM after the load has left most of the word table's pages unmarked
    # (458 of 30,294 once, the participant table all marked by the same run), and
    # index-only scans read the table for the rest; a second one marked them, as autovacuum
    # would in its own time. Why the first stops short is not known.
    admin_sql(address, ctx.db.engine.url.password, "VACUUM participant_word")
    return words


# --- the measures, the same on both engines ---------------------------------------------


def searches(ctx: Context) -> list[tuple[str, ListQuery]]:
    """(label, query) of every kind of search the list's search box runs, alone and with
    the list's filters and another order."""
    with ctx.db.read() as s:

        def one(sql: str) -> str:
            return str(s.execute(text(sql)).scalar() or "")

        nik6 = one(
            "SELECT substr(nik, 1, 6) k FROM participant GROUP BY k ORDER BY count(*) DESC LIMIT 1"
        )
        nik10 = one(
            "SELECT substr(nik, 1, 10) k FROM participant GROUP BY k ORDER BY count(*) DESC LIMIT 1"
        )
        names = s.execute(text("SELECT name FROM participant ORDER BY id LIMIT 2000")).scalars()
        full = [n for n in names if " " in n][777 % 500]
        middle = int(s.execute(text("SELECT count(*) FROM participant")).scalar() or 0) // 3
        reg_no = one(f"SELECT reg_no FROM participant ORDER BY id LIMIT 1 OFFSET {middle}")
        kpj = one("SELECT kpj FROM participant WHERE kpj IS NOT NULL ORDER BY id LIMIT 1")
        kecamatan = one(
            "SELECT kecamatan_code FROM participant GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        )
    word = full.split()[0]
    return [
        ("6-digit NIK prefix", ListQuery(search=nik6)),
        ("10-digit NIK prefix", ListQuery(search=nik10)),
        ("a name word", ListQuery(search=word)),
        ("two name words", ListQuery(search=" ".join(full.split()[:2]))),
        ("a registration number", ListQuery(search=reg_no)),
        ("a KPJ number", ListQuery(search=kpj)),
        ("the whole list", ListQuery()),
        ("a name word, one kecamatan", ListQuery(search=word, kecamatan=kecamatan)),
        ("3 letters of a name, one kecamatan", ListQuery(search=word[:3], kecamatan=kecamatan)),
        ("a name word, active", ListQuery(search=word, status="active")),
        ("a name word by registration number", ListQuery(search=word, sort="reg_no")),
        ("a name word by birth date", ListQuery(search=word, sort="birth_date")),
        (
            "a name word in one kecamatan by NIK",
            ListQuery(search=word, kecamatan=kecamatan, sort="nik"),
        ),
        ("one kecamatan", ListQuery(kecamatan=kecamatan)),
    ]


def attempt(side: Side, what: str, fn: Callable[[], tuple[float, str]]) -> None:
    """One measure; a failure (a timeout, a refusal) is a figure too, never the end."""
    try:
        seconds, note = fn()
    except Exception as exc:
        side.put(what, float("inf"), f"failed: {type(exc).__name__}: {str(exc)[:80]}")
        print(f"  {side.label}: {what} failed: {exc!r}"[:300], flush=True)
        return
    side.put(what, seconds, note)
    print(f"  {side.label}: {what}: {show(seconds)} ({note})", flush=True)


def measure(
    side: Side,
    ctx: Context,
    office: Context,
    usb: Path,
    out: Path,
    runs: int,
    *,
    merge_only: bool = False,
    profile: Path | None = None,
) -> None:
    side.count = participants.count(ctx)
    if merge_only:
        merge_bundle(side, ctx, office, usb, profile)
        return
    for label, query in searches(ctx):

        def search(query: ListQuery = query) -> tuple[float, str]:
            def page() -> Any:
                first = participants.first_page(ctx, query, PAGE, participants.WHOLE_UP_TO)
                participants.rows(ctx, first.ids[:PAGE])
                return first

            page()  # warm: the first query of a kind plans and reads its pages
            wall, first = median(runs, page)
            count = f"{'> ' if first.capped else ''}{first.count:,}".replace(",", ".")
            return wall, f"{query.search[:16]!r}: {count}"

        attempt(side, f"search: {label}", search)

    def dashboard() -> tuple[float, str]:
        wall, dash = median(runs, lambda: desk.dashboard(ctx))
        return wall, f"{dash.participants:,} in {dash.year}"

    attempt(side, "dashboard", dashboard)
    merge_bundle(side, ctx, office, usb, profile)
    path = out / f"recap-{side.label.split()[0]}.xlsx"

    def recap() -> tuple[float, str]:
        wall, _ = median(max(1, runs // 2), lambda: reports.export(ctx, ADMIN, "recap", 2023, path))
        return wall, f"{path.stat().st_size / 1024:,.0f} KB"

    attempt(side, "recap report 2023 (xlsx)", recap)


def merge_bundle(
    side: Side, ctx: Context, office: Context, usb: Path, profile: Path | None
) -> None:
    """The office's bundle exported and merged as the desk waits for it (receipt included);
    with ``profile``, under cProfile, its statistics written there (the figure is then
    inflated by the profiler: compare the figure of a run without it)."""
    sent = export.export_bundle(office, ADMIN, usb)

    def run() -> Any:
        return bundle_import.import_file(ctx, ADMIN, sent.path)

    def merge() -> tuple[float, str]:
        # The moments in UTC, to find the merge's statements in the server's log.
        print(f"  merge from {dt.datetime.now(dt.UTC).isoformat()}", flush=True)
        cpu = time.process_time()
        if profile is None:
            wall, merged = timed(run)
        else:
            import cProfile

            with cProfile.Profile() as prof:
                wall, merged = timed(run)
            prof.dump_stats(str(profile))
        cpu = time.process_time() - cpu  # this process's; the server's work is its own
        print(f"  merge until {dt.datetime.now(dt.UTC).isoformat()}", flush=True)
        return wall, f"{merged.status}: {merged.counts.get('new', 0):,} new; CPU {cpu:.2f} s here"

    attempt(side, f"merge a bundle of {sent.counts['participants']:,}", merge)


def measure_with_office(
    side: Side, ctx: Context, scratch: Path, prefix: str, args: argparse.Namespace
) -> None:
    """Measure ``ctx`` with an office of its own (folders named after ``prefix``) that
    sends the bundle the merge takes."""
    usb = scratch / f"{prefix}-usb"
    usb.mkdir()
    office = office_for(ctx, scratch / f"{prefix}-office", usb, args.bundle)
    try:
        measure(
            side,
            ctx,
            office,
            usb,
            scratch,
            args.runs,
            merge_only=args.merge_only,
            profile=args.profile,
        )
    finally:
        office.close()


def office_for(kab: Context, folder: Path, usb: Path, bundle: int) -> Context:
    """A new station of Kamang Baru (B, or the next letter free in a reused register; then
    another kecamatan's), enrolled and confirmed, with ``bundle`` approved records waiting
    to be sent."""
    from app.errors import Refused

    stations = "BDEFGHJLMNPQRSTUVWXY"  # K is the kabupaten's
    others = [k.code for k in kab.regions.kecamatan(kab.identity.regency)]
    places = [(k, st) for k in ["13.03.06", *others] for st in stations]
    places = list(dict.fromkeys(places))  # Kamang Baru first, once
    for kecamatan, station in places:
        try:
            enrol = trust.write_enrolment(kab, ADMIN, kecamatan, station, usb)
            break
        except Refused:
            continue
    else:
        raise SystemExit("no station letter left in any kecamatan: start from a new register")
    office = open_data_dir(folder)
    trust.setup_from_enrolment(office, ADMIN, enrol.path)
    first = export.export_bundle(office, ADMIN, usb)
    bundle_import.import_file(kab, ADMIN, first.path)
    code = office.identity.install_code
    offices.confirm_office(kab, ADMIN, code, trust.whoami(office).fingerprint, usb)
    # Other people at each station: a reused register's next office brings new records.
    demo.generate(office, ADMIN, bundle, seed=7 + places.index((kecamatan, station)))
    return office


def admin_sql(address: ServerAddress, password: str | None, sql: str) -> None:
    engine = make_pg_engine(address, password, busy_timeout_s=BUSY_TIMEOUT_S)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def postgres_side(args: argparse.Namespace, root: Path, scratch: Path) -> Side:
    admin, password = parse(args.pg)
    target = ServerAddress(
        admin.host, admin.port, BENCH_DB, admin.user, admin.sslmode, admin.sslrootcert
    )
    side = Side(f"PostgreSQL {args.pg_participants:,}".replace(",", "."))
    data = root / "pg-kab"
    ready = root / "pg-ready"
    reuse = ready.exists()
    if not reuse:
        admin_sql(admin, password, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        admin_sql(admin, password, f"CREATE DATABASE {BENCH_DB}")
        data.mkdir(parents=True)
        (data / "bench.key").write_bytes(os.urandom(32))
    key = (data / "bench.key").read_bytes()
    db = Database(data / DB_FILENAME, key, server=target, password=password)
    upgrade(db.engine, db.path, data)
    ctx = Context(data, db)
    try:
        if reuse:
            side.put("load", float("nan"), "reused from an earlier run (--keep)")
        else:
            setup_install(ctx, ADMIN, role=Role.KABUPATEN)
            print(f"PostgreSQL: COPY of {args.pg_participants:,} participants …", flush=True)
            wall, words = timed(lambda: copy_in(ctx, args.pg_participants))
            side.put("load", wall, f"COPY, the name words ({words:.1f} s), VACUUM ANALYZE")
            desk.add_year(ctx, ADMIN, 2023, copy_from=2022)
            if args.keep:
                ready.write_text("ok", encoding="utf-8")
        measure_with_office(side, ctx, scratch, "pg", args)
    finally:
        ctx.close()
        if not args.keep:
            admin_sql(admin, password, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    return side


def sqlite_side(args: argparse.Namespace, root: Path, scratch: Path) -> Side:
    side = Side(f"SQLite {args.sqlite_participants:,}".replace(",", "."))
    ready = root / "sqlite-ready"
    reuse = ready.exists()
    ctx = open_data_dir(root / "sqlite-kab")
    try:
        if reuse:
            side.put("load", float("nan"), "reused from an earlier run (--keep)")
        else:
            setup_install(ctx, ADMIN, role=Role.KABUPATEN)
            print(f"SQLite: {args.sqlite_participants:,} participants …", flush=True)
            wall, _ = timed(lambda: demo.generate(ctx, ADMIN, args.sqlite_participants, seed=1))
            vary(ctx)
            side.put("load", wall, "the app's bulk insert")
            desk.add_year(ctx, ADMIN, 2023, copy_from=2022)
            if args.keep:
                ready.write_text("ok", encoding="utf-8")
        measure_with_office(side, ctx, scratch, "sqlite", args)
    finally:
        ctx.close()
    return side


GOALS = {
    "dashboard": 1.0,
    "recap report 2023 (xlsx)": 10.0,
}


def goal_of(what: str) -> float | None:
    if what.startswith("search:"):
        return SEARCH_GOAL
    if what.startswith("merge a bundle"):
        return 5.0
    return GOALS.get(what)


def show(seconds: float) -> str:
    if seconds != seconds:  # not measured (NaN)
        return "-"
    if seconds == float("inf"):
        return "failed"
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def print_sides(sides: list[Side]) -> int:
    names = list(dict.fromkeys(k for s in sides for k in s.figures))
    header = ["measure", *(s.label for s in sides), "goal", ""]
    rows = []
    missed = 0
    for name in names:
        cells = []
        verdict = []
        goal = goal_of(name)
        for s in sides:
            if name not in s.figures:
                cells.append("-")
                continue
            seconds, note = s.figures[name]
            cells.append(f"{show(seconds)} ({note})" if note else show(seconds))
            if goal is not None and seconds > goal:
                verdict.append(f"{s.label.split()[0]} MISSED")
                missed += 1
        rows.append([name, *cells, show(goal) if goal else "-", ", ".join(verdict) or "ok"])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for i, r in enumerate([header, *rows]):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pg", default=os.environ.get("LINDUNGI_TEST_PG", ""))
    ap.add_argument("--pg-participants", type=int, default=2_000_000)
    ap.add_argument("--sqlite-participants", type=int, default=100_000)
    ap.add_argument("--bundle", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="build the registers here (and the lindungi_bench database) and keep them; "
        "a later run with the same DIR reuses them and skips the load",
    )
    ap.add_argument(
        "--merge-only",
        action="store_true",
        help="measure only the merge of a bundle (with a register kept by --keep: the "
        "merge's own before and after, without the searches, dashboard and recap)",
    )
    ap.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="run the merge under cProfile and write its statistics to FILE (pstats)",
    )
    args = ap.parse_args(argv)
    if not args.pg:
        print("give a server: --pg postgresql://USER@HOST:PORT/postgres (or LINDUNGI_TEST_PG)")
        return 2
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with tempfile.TemporaryDirectory(prefix="lindungi-bench-pg-") as tmp:
        scratch = Path(tmp)
        root = args.keep or scratch / "registers"
        sides = [postgres_side(args, root, scratch)]
        if args.sqlite_participants > 0:
            sides.append(sqlite_side(args, root, scratch))
    after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print()
    print(
        f"Lindungi on PostgreSQL and SQLite; medians of {args.runs} runs (load and merge once); "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average "
        f"{load:.2f} before, {after:.2f} after"
    )
    print()
    return print_sides(sides)


if __name__ == "__main__":
    raise SystemExit(main())
