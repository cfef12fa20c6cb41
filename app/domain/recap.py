"""Helpers of the recap report: age bands and percentages."""

from __future__ import annotations

import itertools

# Lower bounds of the age bands in reports (BPU participants are 18–65 by default).
AGE_BANDS: tuple[int, ...] = (0, 25, 35, 45, 55, 65)


def age_band(age: int) -> str:
    """The label of an age's band: ``< 25``, ``25–34`` … ``≥ 65``."""
    bounds = AGE_BANDS
    if age < bounds[1]:
        return f"< {bounds[1]}"
    for lo, hi in itertools.pairwise(bounds[1:]):
        if lo <= age < hi:
            return f"{lo}–{hi - 1}"
    return f"≥ {bounds[-1]}"


def age_band_labels() -> list[str]:
    """Every band label, youngest first."""
    return [age_band(b) for b in AGE_BANDS]


def percent(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole`` (None when there is no whole)."""
    return None if whole <= 0 else part * 100.0 / whole
