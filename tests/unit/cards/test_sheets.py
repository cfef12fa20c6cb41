"""Cards onto paper: A4 ten-up with mirrored backs, CR80, calibration, receipts (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app import fonts, i18n
from app.cards.card import HEIGHT, WIDTH, clip_text, fit_size
from app.cards.model import (
    Calibration,
    CardFace,
    CardTexts,
    Layout,
    ReceiptEvent,
    ReceiptLine,
    RenderCancelled,
)
from app.cards.pdftext import NotAPdf, read
from app.cards.receipt import render_receipt
from app.cards.sheets import (
    COLS,
    PAGE_H,
    PAGE_W,
    PER_SHEET,
    render_calibration,
    render_cards,
    slot,
)
from tests.cardhelp import media_boxes, streams

TEXTS = CardTexts(
    regency="Kabupaten Sijunjung",
    programme_title="Program Perlindungan Pekerja Rentan",
    benefits="JKK dan JKM.",
    accident="Segera berobat.",
    death="Ahli waris melapor.",
    bpjs_contact="BPJS Ketenagakerjaan Kantor Cabang Solok · 175",
    dinas_contact="Dinas Nakertrans Kabupaten Sijunjung",
)


def face(i: int, name: str = "Yusnimar Wati", **changes: object) -> CardFace:
    f = CardFace(
        name=name,
        reg_no=f"130306-A-{i + 1:06d}",
        kpj=None,
        nik="130306••••••••12",
        nagari="Aie Amo",
        kecamatan="Kamang Baru",
        programmes="JKK, JKM",
        coverage_start=dt.date(2022, 4, 1),
        coverage_end=None,
        payer="APBD Kabupaten Sijunjung",
        serial=f"130306-A/{i + 1:06d}",
        version=1,
        payload=f"LD1.130306-A-{i + 1:06d}.{i + 1}.1.130306-A." + "A" * 103,
    )
    return dataclasses.replace(f, **changes)  # type: ignore[arg-type]


def pdf(faces: list[CardFace], **options: object) -> bytes:
    buf = io.BytesIO()
    render_cards(faces, TEXTS, buf, **options)  # type: ignore[arg-type]
    return buf.getvalue()


def test_ten_slots_fit_the_page_inside_printable_margins_and_never_overlap() -> None:
    rects = [(*slot(i), WIDTH, HEIGHT) for i in range(PER_SHEET)]
    for x, y, w, h in rects:
        assert x >= 5 * mm and y >= 5 * mm
        assert x + w <= PAGE_W - 5 * mm and y + h <= PAGE_H - 5 * mm
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            apart = (
                a[0] + a[2] <= b[0]
                or b[0] + b[2] <= a[0]
                or a[1] + a[3] <= b[1]
                or b[1] + b[3] <= a[1]
            )
            assert apart


def test_backs_sit_mirrored_left_to_right_for_long_edge_duplex() -> None:
    for i in range(PER_SHEET):
        (fx, fy), (bx, by) = slot(i), slot(i, back=True)
        assert by == fy
        assert bx == pytest.approx(PAGE_W - fx - WIDTH)
    # The first card is top left on the front and top right on the back.
    assert slot(0, back=True)[0] == pytest.approx(slot(COLS - 1)[0])


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 2), (10, 2), (11, 4), (25, 6)])
def test_a4_page_count_and_size(count: int, pages: int) -> None:
    data = pdf([face(i) for i in range(count)])
    boxes = media_boxes(data)
    assert len(boxes) == pages
    assert all(b == pytest.approx(A4, abs=0.01) for b in boxes)
    assert read(data).pages == pages


def test_cr80_is_one_card_a_page_front_then_back() -> None:
    data = pdf([face(i) for i in range(3)], layout=Layout.CR80)
    boxes = media_boxes(data)
    assert len(boxes) == 6
    assert all(b == pytest.approx((85.60 * mm, 53.98 * mm), abs=0.01) for b in boxes)


def test_calibration_offsets_move_fronts_and_backs() -> None:
    cards = [face(0)]
    plain = pdf(cards, invariant=True)
    moved = pdf(cards, calibration=Calibration(2.0, 3.0, -1.0, 0.5), invariant=True)
    assert plain != moved

    # Fronts: everything of a card is drawn after "1 0 0 1 x y cm" (its slot plus offset).
    def translations(data: bytes) -> list[tuple[float, float]]:
        out = []
        for stream in streams(data):
            for x, y in re.findall(rb"1 0 0 1 ([-\d.]+) ([-\d.]+) cm", stream):
                out.append((float(x), float(y)))
        return out

    t0, t1 = translations(plain), translations(moved)
    x0, y0 = slot(0)
    assert (pytest.approx(x0), pytest.approx(y0)) in [(x, y) for x, y in t0]
    assert any(x == pytest.approx(x0 + 2 * mm) and y == pytest.approx(y0 - 3 * mm) for x, y in t1)
    bx, by = slot(0, back=True)
    assert any(x == pytest.approx(bx - 1 * mm) and y == pytest.approx(by - 0.5 * mm) for x, y in t1)


def test_names_and_values_are_in_the_text_even_outside_latin1() -> None:
    names = ["Nur'aini", "Şükrü Nguyễn Văn", "Ιωάννης", "Afrizal Malin Sati"]
    data = pdf([face(i, n) for i, n in enumerate(names)])
    text = read(data).text.splitlines()
    for n in names:
        assert n in text
    assert "130306-A-000001" in text
    assert "Iuran dibayar oleh APBD Kabupaten Sijunjung" in text
    assert "Seri 130306-A/000001" in text


def test_a_name_too_long_for_one_line_takes_two() -> None:
    long = "Hj. Yusnimar Binti Muhammad Sutan Rajo Mudo Nan Panjang Namo"
    text = read(pdf([face(0, long)])).text
    lines = [line for line in text.splitlines() if line and line in long]
    assert " ".join(lines) == long


def test_kpj_number_and_coverage_end_appear_when_known() -> None:
    data = pdf([face(0, kpj="04123456789", coverage_end=dt.date(2025, 12, 31))])
    text = read(data).text.splitlines()
    assert {"No. KPJ", "04123456789", "No. Reg.", "01/04/2022 s.d. 31/12/2025"} <= set(text)


def test_cards_print_in_english_when_chosen() -> None:
    i18n.set_language("en")
    text = read(pdf([face(0)])).text
    assert "MEMBERSHIP CARD" in text and "Contributions paid by APBD Kabupaten Sijunjung" in text
    assert "KARTU PESERTA" not in text


def test_the_back_carries_the_texts_and_says_it_is_not_a_bpjs_card() -> None:
    text = read(pdf([face(0)])).text
    for part in ("MANFAAT DAN PETUNJUK", "JKK dan JKM.", "Segera berobat.", "Ahli waris melapor."):
        assert part in text
    assert "bukan kartu BPJS" in text
    assert "Dinas Nakertrans Kabupaten Sijunjung" in text


def test_long_back_texts_shrink_to_fit() -> None:
    wordy = dataclasses.replace(TEXTS, benefits="Manfaat program. " * 40)
    buf = io.BytesIO()
    render_cards([face(0)], wordy, buf)
    assert "Manfaat program." in read(buf.getvalue()).text


def test_identical_input_gives_identical_bytes_when_invariant() -> None:
    cards = [face(i) for i in range(12)]
    assert pdf(cards, invariant=True) == pdf(cards, invariant=True)


def test_progress_reports_each_sheet_and_can_cancel() -> None:
    seen: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    pdf([face(i) for i in range(25)], progress=record)
    assert seen == [(10, 25), (20, 25), (25, 25)]
    with pytest.raises(RenderCancelled):
        pdf([face(i) for i in range(25)], progress=lambda d, t: d < 10)


def test_fonts_fit_and_clip() -> None:
    fonts.register()
    assert fit_size("Amril", fonts.BOLD, 9.6, 100, 7) == 9.6
    long = "Sutan Bagindo Rajo Mudo " * 4
    size = fit_size(long, fonts.BOLD, 9.6, 100, 1)
    assert fonts.width(long, fonts.BOLD, size) <= 100
    assert fit_size(long, fonts.BOLD, 9.6, 100, 7) == 7
    clipped = clip_text(long, fonts.BOLD, 7, 100)
    assert clipped.endswith("…") and fonts.width(clipped, fonts.BOLD, 7) <= 100


def test_calibration_page_has_both_sides_and_the_current_offsets(tmp_path: Path) -> None:
    out = tmp_path / "cal.pdf"
    assert render_calibration(out, calibration=Calibration(1.5, -0.5, 0, 2)) == 2
    info = read(out.read_bytes())
    assert info.pages == 2
    assert "Geseran saat ini: x +1.5 mm, y -0.5 mm" in info.text
    assert "Geseran saat ini: x +0.0 mm, y +2.0 mm" in info.text
    assert "DEPAN" in info.text and "BELAKANG" in info.text
    cr80 = tmp_path / "cal80.pdf"
    render_calibration(cr80, layout=Layout.CR80)
    assert media_boxes(cr80.read_bytes()) == [pytest.approx((85.6 * mm, 53.98 * mm), abs=0.01)] * 2


def receipt_event(**changes: object) -> ReceiptEvent:
    ev = ReceiptEvent(
        event_id=7,
        date=dt.date(2022, 4, 15),
        place="Kantor Camat Kamang Baru",
        officials=("Camat Kamang Baru: H. Afrizal", "Kepala Dinas: Yusrizal"),
        regency="Kabupaten Sijunjung",
        programme_title="Program Perlindungan Pekerja Rentan",
        office="Kecamatan Kamang Baru (130306-A)",
        closed=True,
        printed_at=dt.datetime(2022, 4, 15, 12, 0),
    )
    return dataclasses.replace(ev, **changes)  # type: ignore[arg-type]


def line(i: int, proxy: str = "") -> ReceiptLine:
    return ReceiptLine(
        name=f"Peserta {i}",
        nik="130306••••••••12",
        nagari="Aie Amo",
        reg_no=f"130306-A-{i:06d}",
        serial=f"130306-A/{i:06d}",
        proxy=proxy,
        at=dt.datetime(2022, 4, 15, 10, 0),
    )


@pytest.mark.parametrize("count", [0, 3, 60])
def test_receipt_lists_every_card_with_page_numbers_and_the_officials(
    tmp_path: Path, count: int
) -> None:
    out = tmp_path / "r.pdf"
    lines = [line(i, "Siti Aminah" if i == 2 else "") for i in range(1, count + 1)]
    pages = render_receipt(receipt_event(), lines, out)
    info = read(out.read_bytes())
    assert info.pages == pages
    assert f"Halaman {pages} dari {pages}" in info.text
    assert "TANDA TERIMA KARTU PESERTA" in info.text
    assert "( H. Afrizal )" in info.text and "Camat Kamang Baru" in info.text
    for i in range(1, count + 1):
        assert f"Peserta {i}" in info.text
    if count >= 2:
        assert "dikuasakan:" in info.text and "Aminah" in info.text
    if count == 0:
        assert "Tidak ada kartu yang diserahkan." in info.text
    if count == 60:
        assert pages >= 3


def test_pdftext_refuses_what_is_not_a_complete_pdf() -> None:
    data = pdf([face(0)])
    with pytest.raises(NotAPdf):
        read(b"hello")
    with pytest.raises(NotAPdf):
        read(data[: len(data) // 2])
