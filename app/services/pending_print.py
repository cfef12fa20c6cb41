"""A card print job whose PDF is in place while its records are not yet committed.

A print job puts its PDF where the user asked (one rename) inside the transaction that
records its cards, just before the commit: a PDF that cannot be put there rolls the records
back. A process killed between that rename and the commit would leave a PDF whose cards are
not recorded, whose serials the next job would issue again. So the job first writes, durably,
a note in the data dir (:data:`FILENAME`) naming the PDF and its first card; the note goes
once the commit is done. The next opening of the data dir that finds the note (see
app.services.context) asks the register: the job's first card recorded means the job landed;
otherwise the PDF is removed, if it is still the job's own file (same size and time), and
the job is as if it never ran.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.context import PENDING_PRINT as FILENAME
from app.store import cardrepo
from app.store.files import write_private

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingJob:
    """The job's PDF (its path, size and modification time) and its first card."""

    out: Path
    size: int
    mtime_ns: int
    install_code: str
    serial: int
    printed_at: dt.datetime


def mark(
    data_dir: Path, part: Path, out: Path, install_code: str, serial: int, at: dt.datetime
) -> None:
    """Note, durably, the job about to put ``part`` at ``out`` (before the rename)."""
    st = part.stat()
    note = {
        "out": str(out),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "install_code": install_code,
        "serial": serial,
        "printed_at": at.isoformat(),
    }
    write_private(data_dir / FILENAME, json.dumps(note).encode())


def clear(data_dir: Path) -> None:
    """The job landed, or was rolled back with its PDF: the note goes."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(data_dir / FILENAME)


def read(data_dir: Path) -> PendingJob | None:
    """The note, or None (none, or cut short before the rename it announces)."""
    try:
        note = json.loads((data_dir / FILENAME).read_bytes())
        return PendingJob(
            Path(note["out"]),
            int(note["size"]),
            int(note["mtime_ns"]),
            str(note["install_code"]),
            int(note["serial"]),
            dt.datetime.fromisoformat(note["printed_at"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def undo(data_dir: Path) -> bool:
    """The job's records were not committed: its PDF goes too, if it is still the job's own
    file (same size and time), and the note with it. True when a PDF was removed."""
    job = read(data_dir)
    removed = False
    if job is not None:
        try:
            st = job.out.stat()
        except OSError:
            st = None
        if st is not None and (st.st_size, st.st_mtime_ns) == (job.size, job.mtime_ns):
            with contextlib.suppress(FileNotFoundError):
                os.remove(job.out)
            removed = True
            log.warning("removed %s: its cards were never recorded", job.out)
    clear(data_dir)
    return removed


def recover(data_dir: Path, s: Session) -> bool:
    """Settle a job a killed process left between its PDF's rename and its commit.

    Returns:
        True when a PDF of cards never recorded was removed.
    """
    job = read(data_dir)
    if job is not None and any(
        c.printed_at == job.printed_at
        for c in cardrepo.cards_by_serial(s, job.install_code, job.serial)
    ):
        clear(data_dir)  # the job landed
        return False
    return undo(data_dir)
