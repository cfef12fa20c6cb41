"""Self-test steps of the card area: a card PDF, and a QR code decoded and verified.

They run after the core steps, on the kecamatan install those set up (``state["ctx"]``,
with one registered participant, "Nur'aini Şahin", and 50 demo participants), and prove
what a frozen build can break: the bundled TTF font, ReportLab, zxing-cpp's encoder and
decoder, and the Ed25519 key in the data dir. Rasterising whole pages stays in the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cards.pdftext import read as read_pdf
from app.cards.qr import decode, qr_image
from app.i18n import tr
from app.services import cards, participants
from app.services.actor import SELFTEST_ADMIN
from app.services.context import Context
from app.services.verify import verify
from app.store.repo import ListQuery

Step = tuple[str, Callable[[], str]]

NAME = "Nur'aini Şahin"


def card_steps(root: Path, state: dict[str, Context]) -> list[Step]:
    """Print the registered participant's card; decode its QR code as drawn and verify it."""
    found: dict[str, Any] = {}

    def card_pdf() -> str:
        ctx = state["ctx"]
        ids = participants.search(ctx, ListQuery(search="Nur"))
        rows = [r for r in participants.rows(ctx, ids) if r.name == NAME]
        if not rows:
            raise AssertionError("the registered participant is missing")
        if rows[0].status == "draft":  # a card needs an approved record
            participants.approve(ctx, SELFTEST_ADMIN, [rows[0].reg_no])
        path = root / "card.pdf"
        result = cards.print_cards(
            ctx, SELFTEST_ADMIN, cards.Selection(reg_nos=(rows[0].reg_no,)), path, layout="a4"
        )
        info = read_pdf(path.read_bytes())
        if info.pages != 2 or NAME not in info.text.splitlines():
            raise AssertionError(f"{info.pages} pages; the name is not in the PDF's text")
        found["reg_no"] = rows[0].reg_no
        return tr(
            "{pages} pages, {kb} KB, {name}",
            pages=result.pages,
            kb=path.stat().st_size // 1024,
            name=NAME,
        )

    def card_qr() -> str:
        ctx = state["ctx"]
        if "reg_no" not in found:
            raise AssertionError("no card was printed")
        # The card's own code, as the card draws it (qr_image is what goes on the page).
        payload = cards.current_payload(ctx, found["reg_no"])
        if payload is None:
            raise AssertionError("the printed card is not current")
        texts = decode(qr_image(payload))
        if texts != [payload]:
            raise AssertionError(f"decoded {texts!r}")
        checked = verify(ctx, texts[0].lower())
        if not checked.ok or checked.name != NAME:
            raise AssertionError(checked.message())
        return tr("{count} characters, the card is genuine", count=len(payload))

    return [
        ("card PDF with the name in an embedded font", card_pdf),
        ("card QR code decoded and verified", card_qr),
    ]
