"""Self-test steps of the kabupaten's desk: a recap PDF with its embedded font and chart,
and the same report as xlsx.

They run on the kecamatan install the core steps set up (``state["ctx"]``) and prove what
a frozen build can break: ReportLab's graphics, the bundled TTF font, openpyxl's charts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from app.i18n import tr
from app.services import reports
from app.services.actor import SELFTEST_ADMIN
from app.services.context import Context

Step = tuple[str, Callable[[], str]]


def desk_steps(root: Path, state: dict[str, Context]) -> list[Step]:
    """Write the recap of 2022 as PDF and xlsx."""

    def recap_pdf() -> str:
        path = root / "rekap.pdf"
        reports.export(
            state["ctx"], SELFTEST_ADMIN, "recap", 2022, path, today=dt.date(2022, 12, 31)
        )
        data = path.read_bytes()
        if not data.startswith(b"%PDF") or b"/FontFile2" not in data:
            raise AssertionError("not a PDF with an embedded TrueType font")
        return f"{len(data) // 1024} KB"

    def recap_xlsx() -> str:
        from openpyxl import load_workbook

        path = root / "rekap.xlsx"
        reports.export(
            state["ctx"], SELFTEST_ADMIN, "recap", 2022, path, today=dt.date(2022, 12, 31)
        )
        wb = load_workbook(path, read_only=True)
        sheets = len(wb.sheetnames)
        wb.close()
        if sheets < 3:
            raise AssertionError(f"{sheets} sheets")
        return tr("{count} sheets", count=sheets)

    return [("recap report as PDF", recap_pdf), ("recap report as xlsx", recap_xlsx)]
