"""The erasure ledger: erasures kept also outside the database, so that a restore never
brings an erased person back.

An erasure (a lawful request, or the end of the retention period) takes a participant's
personal data out of the database. A backup taken before it still holds them; restoring
that backup would bring the name and NIK back. Each erasure is therefore also written to
``erasures.json`` beside the database (and beside ``sequences.json``): the registration
number, when, and why; no personal data. A restore re-applies every erasure of the
ledger that the restored database does not have.

The file is written before the erasure's transaction commits, under that transaction's
write lock: a failed commit leaves an entry for an erasure that was asked for and is then
re-applied by the next restore, never an erasure the ledger does not know.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from app.errors import StorageError
from app.store import ledger

FILENAME = "erasures.json"


@dataclass(frozen=True)
class Erased:
    """One erasure of the ledger."""

    reg_no: str
    at: dt.datetime
    reason: str


def _path(data_dir: Path) -> Path:
    return data_dir / FILENAME


def entries(data_dir: Path) -> list[Erased]:
    """Every erasure of the ledger, oldest first (empty when there is no ledger yet).

    Raises:
        StorageError: the ledger exists but cannot be read; a restore must not go on
            without it.
    """
    try:
        return _parse(ledger.read(data_dir, FILENAME))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorageError("erasures.unreadable", path=str(_path(data_dir))) from exc


def _parse(body: str | None) -> list[Erased]:
    if body is None:
        return []
    raw = json.loads(body)
    return [
        Erased(str(e["reg_no"]), dt.datetime.fromisoformat(e["at"]), str(e["reason"]))
        for e in raw["erased"]
    ]


def record(data_dir: Path, reg_no: str, at: dt.datetime, reason: str) -> None:
    """Add an erasure to the ledger (written durably; once per registration number).

    Raises:
        StorageError: the ledger exists but cannot be read.
    """

    def add(body: str | None) -> str | None:
        try:
            known = _parse(body)
        except (ValueError, KeyError, TypeError) as exc:
            raise StorageError("erasures.unreadable", path=str(_path(data_dir))) from exc
        if any(e.reg_no == reg_no for e in known):
            return None
        known.append(Erased(reg_no, at, reason))
        return json.dumps(
            {
                "erased": [
                    {
                        "reg_no": e.reg_no,
                        "at": e.at.isoformat(timespec="seconds"),
                        "reason": e.reason,
                    }
                    for e in known
                ]
            }
        )

    ledger.update(data_dir, FILENAME, add)
