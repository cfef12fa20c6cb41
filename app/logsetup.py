"""Logging to a rotating file in the data dir; never to a console that may not exist.

A windowed PyInstaller build has ``sys.stdout`` and ``sys.stderr`` set to None: nothing here
writes to them unless they exist. Log lines never carry NIKs or names (the engine hides
statement parameters; services log codes and counts only).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Any

from typing_extensions import override

LOG_NAME = "lindungi.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(data_dir: Path) -> Path:
    """Where this data dir's log is written."""
    return data_dir / "logs" / LOG_NAME


class _LazyFileHandler(logging.handlers.RotatingFileHandler):
    """Creates the logs folder and file at the first record, not before.

    A command refused on a data dir that was never set up writes no log line, so it leaves
    no folder behind.
    """

    @override
    def _open(self) -> Any:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def release() -> None:
    """Close the log file (a failed setup removes the folder it was in)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _LazyFileHandler):
            root.removeHandler(handler)
            handler.close()


def configure(data_dir: Path | None, verbose: bool = False) -> Path | None:
    """Send log records to ``<data dir>/logs/lindungi.log`` (1 MB × 5 files).

    Returns:
        The log file, or None when the folder cannot be written (the app still runs).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_lindungi", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path = None
    if data_dir is not None:
        try:
            path = log_file(data_dir)
            fh = _LazyFileHandler(
                path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
            )
            fh.setFormatter(logging.Formatter(_FORMAT))
            fh._lindungi = True  # type: ignore[attr-defined]
            root.addHandler(fh)
        except OSError:
            path = None
    if verbose and sys.stderr is not None:
        sh = logging.StreamHandler(sys.stderr)
        sh.setFormatter(logging.Formatter(_FORMAT))
        sh._lindungi = True  # type: ignore[attr-defined]
        root.addHandler(sh)
    return path
