"""A helper process for app.cards.qrpool that dies: it sends one chunk, takes two more
and exits without sending them (a crash, or the user's task manager)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from app.cards.qr import qr_bits_many


def work(chunks: Sequence[Sequence[str]], bounds: Any, out: Connection) -> None:
    with bounds.get_lock():
        first = bounds[0]
        bounds[0] = first + 3
    out.send((first, qr_bits_many(chunks[first])))
    out.close()
    os._exit(3)
