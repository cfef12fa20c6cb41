"""Card PDFs as a printer and a scanner see them, and the card commands of `lindungi`.

Poppler's tools (``pdftotext``, ``pdffonts``, ``pdfinfo``, ``pdftoppm``; .ci/run installs
poppler-utils) read the PDFs independently of the code that wrote them; zxing-cpp reads
the QR codes from a 200 dpi rendering, as a phone or a scanner would.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from app import logsetup
from app.cards.qr import QR_ONLY
from app.main import main
from app.services import cards, participants, selftest
from app.services.cards import Selection
from app.services.context import Context
from app.services.verify import Verdict, verify
from tests.actors import ADMIN
from tests.cardhelp import APOSTROPHE, NON_LATIN1, office, pdfinfo, pdftotext, reg_of, tool
from tests.conftest import MakeParticipant
from tests.opening import open_as

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")


@pytest.fixture
def ctx(kecamatan_ctx: Context, make_participant: MakeParticipant) -> Context:
    return office(kecamatan_ctx, make_participant)


def qr_codes(pdf: Path, tmp_path: Path, pages: str) -> list[list[str]]:
    """The QR texts zxing-cpp reads on each page of ``pages`` ("1-3"), rendered at 300 dpi
    (a card printer prints at 300 dpi or more; at 200 dpi a code was missed once in ~60 runs)."""
    first, _, last = pages.partition("-")
    prefix = tmp_path / "page"
    subprocess.run(
        [
            tool("pdftoppm"),
            "-r",
            "300",
            "-gray",
            "-png",
            "-f",
            first,
            "-l",
            last or first,
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    out = []
    for png in sorted(tmp_path.glob("page-*.png")):
        with Image.open(png) as image:
            found = zxingcpp.read_barcodes(image, formats=QR_ONLY)
        # A decoder may report one symbol twice (two finder-pattern groupings): count
        # distinct codes, which is what a page of cards must hold.
        out.append(sorted({r.text for r in found}))
        png.unlink()
    return out


def test_an_a4_sheet_as_printed_and_scanned(ctx: Context, tmp_path: Path) -> None:
    pdf = tmp_path / "kartu.pdf"
    result = cards.print_cards(ctx, ADMIN, Selection(everyone=True), pdf)
    assert result.cards == 25 and result.pages == 6
    info = pdfinfo(pdf)
    assert info["Pages"] == "6"
    assert info["Page size"].startswith("595.276 x 841.89 pts")  # A4
    text = pdftotext(pdf)
    assert APOSTROPHE in text and NON_LATIN1 in text
    assert "KARTU PESERTA" in text and "MANFAAT DAN PETUNJUK" in text
    fonts = subprocess.run([tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), fonts.stdout
    assert all("DejaVuSansCondensed" in row for row in rows)
    # Every QR code of every front page decodes and verifies; a back page carries none.
    pages = qr_codes(pdf, tmp_path, "1-3") + qr_codes(pdf, tmp_path, "5")
    assert [len(p) for p in pages] == [10, 0, 10, 5]
    payloads = [code for page in pages for code in page]
    assert len(set(payloads)) == 25
    for payload in payloads:
        v = verify(ctx, payload)
        assert v.verdict is Verdict.GENUINE, v.message()
    names = {verify(ctx, p).name for p in payloads}
    assert {APOSTROPHE, NON_LATIN1} <= names


def test_cr80_pages_are_card_sized_and_their_codes_decode(ctx: Context, tmp_path: Path) -> None:
    pdf = tmp_path / "cr80.pdf"
    reg = reg_of(ctx, NON_LATIN1)
    cards.print_cards(ctx, ADMIN, Selection(reg_nos=(reg,)), pdf, layout="cr80")
    info = pdfinfo(pdf)
    assert info["Pages"] == "2"
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (width, height) == (pytest.approx(242.65, abs=0.05), pytest.approx(153.01, abs=0.05))
    assert qr_codes(pdf, tmp_path, "1") == [[cards.current_payload(ctx, reg)]]
    assert NON_LATIN1 in pdftotext(pdf)


def test_reprinted_sheet_codes_are_void_and_the_new_ones_genuine(
    ctx: Context, tmp_path: Path
) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    cards.print_cards(ctx, ADMIN, Selection(reg_nos=(reg,)), tmp_path / "v1.pdf")
    cards.reprint(ctx, ADMIN, Selection(reg_nos=(reg,)), "hilang", tmp_path / "v2.pdf")
    [[old]] = qr_codes(tmp_path / "v1.pdf", tmp_path, "1")
    [[new]] = qr_codes(tmp_path / "v2.pdf", tmp_path, "1")
    assert verify(ctx, old).verdict is Verdict.VOID
    assert verify(ctx, new).verdict is Verdict.GENUINE
    assert "Versi 2" in pdftotext(tmp_path / "v2.pdf")


def test_the_self_test_prints_and_verifies_a_card() -> None:
    checks = {c.name: c for c in selftest.run()}
    for name in ("card PDF with the name in an embedded font", "card QR code decoded and verified"):
        assert checks[name].ok, checks[name].detail


# --- the command line -----------------------------------------------------------------


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)

    def run(*argv: object) -> Result:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    yield run
    logsetup.configure(None)


@pytest.fixture
def data_dir(ctx: Context) -> Path:
    ctx.close()
    return ctx.data_dir


def test_cards_command(data_dir: Path, cli: Cli, tmp_path: Path) -> None:
    d = ("--data-dir", data_dir)
    r = cli(*d, "cards", "--out", tmp_path / "a.pdf", "--all", "--json")
    assert r.code == 0, r.err
    assert r.json()["cards"] == 25 and r.json()["new"] == 25 and r.json()["pages"] == 6
    r = cli(*d, "cards", "--out", tmp_path / "b.pdf", "--unprinted")
    assert r.code == 1 and "Tidak ada peserta" in r.err
    assert not (tmp_path / "b.pdf").exists()
    r = cli(*d, "cards", "--out", tmp_path / "c.pdf", "--nagari", "Aie Amo", "--layout", "cr80")
    assert r.code == 0 and "salinan" in r.out
    assert cli(*d, "cards", "--out", tmp_path / "d.pdf").code == 2  # a selector is required
    assert cli(*d, "cards", "--out", tmp_path / "d.pdf", "--all", "--unprinted").code == 2
    r = cli(*d, "--lang", "en", "cards", "--out", tmp_path / "e.pdf", "--reg", "130306-A-999999")
    assert r.code == 1 and "No participant with registration number 130306-A-999999" in r.err
    r = cli(*d, "cards", "--out", tmp_path / "f.pdf", "--nagari", "Muaro")
    assert r.code == 1


def test_verify_card_command(data_dir: Path, cli: Cli, tmp_path: Path) -> None:
    d = ("--data-dir", data_dir)
    ctx = open_as(data_dir)
    try:
        reg = reg_of(ctx, APOSTROPHE)
    finally:
        ctx.close()
    assert cli(*d, "cards", "--out", tmp_path / "a.pdf", "--reg", reg).code == 0
    [[payload]] = qr_codes(tmp_path / "a.pdf", tmp_path, "1")
    r = cli(*d, "verify-card", payload)
    assert r.code == 0 and r.out.startswith("ASLI") and APOSTROPHE in r.out
    r = cli(*d, "verify-card", payload.lower(), "--json")
    assert r.code == 0 and r.json()["verdict"] == "genuine" and r.json()["name"] == APOSTROPHE
    tampered = payload[:-5] + ("A" if payload[-5] != "A" else "B") + payload[-4:]
    r = cli(*d, "verify-card", tampered, "--json")
    assert r.code == 1 and r.json()["verdict"] == "not_genuine"
    r = cli(*d, "verify-card", "hello")
    assert r.code == 1 and "bukan kode kartu" in r.err
    assert cli(*d, "reprint", reg, "--reason", "hilang", "--out", tmp_path / "r.pdf").code == 0
    r = cli(*d, "--lang", "en", "verify-card", payload)
    assert r.code == 1 and r.err.startswith("VOID")
    foreign = payload.replace("130306-A.", "130306-B.")  # another station's code
    assert cli(*d, "verify-card", foreign, "--json").json()["verdict"] == "unknown_issuer"


def test_reprint_command(data_dir: Path, cli: Cli, tmp_path: Path) -> None:
    d = ("--data-dir", data_dir)
    ctx = open_as(data_dir)
    try:
        reg = reg_of(ctx, NON_LATIN1)
    finally:
        ctx.close()
    assert cli(*d, "reprint", reg, "--reason", "x", "--out", tmp_path / "r.pdf").code == 1
    assert cli(*d, "reprint", reg, "--out", tmp_path / "r.pdf").code == 2  # --reason required
    assert cli(*d, "cards", "--out", tmp_path / "a.pdf", "--reg", reg).code == 0
    r = cli(*d, "reprint", reg, "--reason", "rusak", "--out", tmp_path / "r.pdf", "--json")
    assert r.code == 0 and r.json()["reprints"] == 1
    assert cli(*d, "reprint", reg, "--reason", " ", "--out", tmp_path / "r.pdf").code == 1
    r = cli(*d, "reprint", "--kpj-arrived", "--reason", "KPJ terbit", "--out", tmp_path / "k.pdf")
    assert r.code == 0 and "Tidak ada kartu yang menunggu" in r.out
    ctx = open_as(data_dir)
    try:
        from app.store import repo

        with ctx.db.session() as s:
            repo.update_participant(s, participants.get(ctx, reg).id, {"kpj": "04123456789"})
    finally:
        ctx.close()
    r = cli(
        *d,
        "reprint",
        "--kpj-arrived",
        "--reason",
        "KPJ terbit",
        "--out",
        tmp_path / "k.pdf",
        "--json",
    )
    assert r.code == 0 and r.json()["reprints"] == 1
    assert "04123456789" in pdftotext(tmp_path / "k.pdf")


def test_handover_commands(data_dir: Path, cli: Cli, tmp_path: Path) -> None:
    d = ("--data-dir", data_dir)
    assert cli(*d, "cards", "--out", tmp_path / "a.pdf", "--all").code == 0
    r = cli(
        *d,
        "handover",
        "open",
        "--place",
        "Kantor Camat Kamang Baru",
        "--date",
        "15/04/2022",
        "--officials",
        "Camat: H. Afrizal; Kepala Dinas: Yusrizal",
    )
    assert r.code == 0
    assert r.out.strip() == "Acara penyerahan #1 dibuka"
    event = "1"
    ctx = open_as(data_dir)
    try:
        a, b = reg_of(ctx, APOSTROPHE), reg_of(ctx, NON_LATIN1)
        payload = cards.current_payload(ctx, b)
    finally:
        ctx.close()
    assert cli(*d, "handover", "give", event, a).code == 0
    r = cli(*d, "handover", "give", event, payload, "--proxy", "Siti Aminah", "--json")
    assert r.code == 0 and r.json()["proxy"] == "Siti Aminah" and r.json()["via"] == "scan"
    r = cli(*d, "handover", "give", event, a)
    assert r.code == 1 and "sudah diserahkan" in r.err
    assert cli(*d, "handover", "give", event, "hello").code == 1
    assert cli(*d, "handover", "give", "99", a).code == 1
    r = cli(*d, "handover", "pending", "--json")
    assert r.code == 0 and len(r.json()) == 23
    waiting = r.json()[0]["reg_no"]
    r = cli(*d, "handover", "close", event)
    assert r.code == 0 and "23" in r.out
    assert cli(*d, "handover", "close", event).code == 1
    r = cli(*d, "handover", "give", event, waiting)
    assert r.code == 1 and "sudah ditutup" in r.err
    r = cli(*d, "handover", "receipt", event, "--out", tmp_path / "tt.pdf")
    assert r.code == 0
    text = pdftotext(tmp_path / "tt.pdf")
    assert (
        "TANDA TERIMA KARTU PESERTA" in text and APOSTROPHE in text and "Halaman 1 dari 1" in text
    )
    r = cli(*d, "handover", "list", "--json")
    assert r.code == 0 and r.json()[0]["given"] == 2 and r.json()[0]["closed_at"]
    assert cli(*d, "handover").code == 2


def test_card_calibration_command(data_dir: Path, cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "cal.pdf"
    assert cli("--data-dir", data_dir, "card-calibration", "--out", out).code == 0
    assert pdfinfo(out)["Pages"] == "2"
    assert "Halaman uji kalibrasi printer" in pdftotext(out)


def test_list_filters_by_card_state_on_the_command_line(tmp_path, capsys):
    from app.main import main

    data = str(tmp_path / "kec")
    assert (
        main(["--data-dir", data, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06"]) == 0
    )
    assert main(["--data-dir", data, "demo", "--participants", "5", "--seed", "4"]) == 0
    assert main(["--data-dir", data, "cards", "--out", str(tmp_path / "k.pdf"), "--all"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "list", "--card", "pending", "--json"]) == 0
    pending = json.loads(capsys.readouterr().out)
    assert len(pending) == 5
    assert main(["--data-dir", data, "list", "--card", "unprinted", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
