"""Message catalogues, one module per area; ``app.i18n`` merges them.

Each module defines ``MESSAGES`` (code → English template) and ``ID`` (English → Indonesian).
Add a module here and to ``CATALOGUES`` for a new area, so that areas never edit one file.
"""

from __future__ import annotations

from types import ModuleType

from app.catalogue import (
    cards,
    chain,
    cli,
    core,
    desk,
    desks,
    registration,
    safety,
    server,
    sync,
    vault,
    words,
)

CATALOGUES: list[ModuleType] = [
    core,
    registration,
    safety,
    cards,
    desk,
    sync,
    chain,
    cli,
    vault,
    server,
    words,
    desks,
]
