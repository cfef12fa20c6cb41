"""How slow work reports how far it is, and learns whether to go on.

Every long job (a spreadsheet import, a print job, a BPJS file, a report) takes one
``Progress``: the GUI's background task passes its own, the command line passes none.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Called with (items done, items in all); returns False to ask the work to stop.

    Work that can stop raises its ``Cancelled`` at the next report and leaves nothing
    behind; work that cannot stop midway (writing a file another program reads) goes on.
    """

    def __call__(self, done: int, total: int, /) -> bool: ...


def no_progress(done: int, total: int, /) -> bool:
    """The ``Progress`` of a caller that does not watch: always go on."""
    return True
