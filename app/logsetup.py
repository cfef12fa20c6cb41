"""Logging to a file of this process in the data dir; never to a console that may not exist.

Each process writes its own file, ``<data dir>/logs/lindungi-<date>-<time>-<pid>.log``:
the GUI and a command run beside it never share one. (With one shared, rotating
``lindungi.log``, Windows refuses to rename a file another process holds open, so every
record of both failed to be written while the other ran.) A file that reaches 1 MB is
continued in ``…-<pid>-2.log``, never renamed; at each start the oldest files beyond the
newest :data:`KEEP_FILES` are deleted (one still open elsewhere stays until a later start).

A windowed PyInstaller build has ``sys.stdout`` and ``sys.stderr`` set to None: nothing here
writes to them unless they exist. Log lines never carry NIKs or names (the engine hides
statement parameters; services log codes and counts only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from typing_extensions import override

LOG_DIR = "logs"
LOG_PREFIX = "lindungi-"
MAX_BYTES = 1_000_000
KEEP_FILES = 20
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _order(path: Path) -> tuple[str, str, str, int]:
    # lindungi-<date>-<time>-<pid>[-<part>].log: by start time, then pid, then part.
    words = [*path.stem.split("-"), "", "", "", ""]
    part = words[4]
    return (words[1], words[2], words[3], int(part) if part.isdigit() else 1)


def log_files(data_dir: Path) -> list[Path]:
    """This data dir's log files, oldest first (by the start time in their names)."""
    folder = data_dir / LOG_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{LOG_PREFIX}*.log"), key=_order)


class ProcessFileHandler(logging.FileHandler):
    """Appends to this process's own file; past ``max_bytes`` it goes on in a new one.

    Nothing is ever renamed, so another process's files are never touched while open.
    """

    def __init__(self, first: Path, max_bytes: int | None = None) -> None:
        self._first = first
        self._part = 1
        self._max_bytes = MAX_BYTES if max_bytes is None else max_bytes
        super().__init__(first, encoding="utf-8", delay=False)

    @property
    def path(self) -> Path:
        return Path(self.baseFilename)

    @override
    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self._max_bytes:
                self._part += 1
                self.stream.close()
                self.baseFilename = os.fspath(
                    self._first.with_name(f"{self._first.stem}-{self._part}.log")
                )
                self.stream = self._open()
        except OSError:
            self.handleError(record)
            return
        super().emit(record)


def _prune(data_dir: Path, keep: int) -> None:
    for old in log_files(data_dir)[:-keep] if keep > 0 else []:
        # Still open in another process (Windows): a later start deletes it.
        with contextlib.suppress(OSError):
            old.unlink()


def configure(data_dir: Path | None, verbose: bool = False) -> Path | None:
    """Send log records to a new file of this process in ``<data dir>/logs``.

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
            (data_dir / LOG_DIR).mkdir(parents=True, exist_ok=True)
            _prune(data_dir, KEEP_FILES - 1)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            fh = ProcessFileHandler(data_dir / LOG_DIR / f"{LOG_PREFIX}{stamp}-{os.getpid()}.log")
            fh.setFormatter(logging.Formatter(_FORMAT))
            fh._lindungi = True  # type: ignore[attr-defined]
            root.addHandler(fh)
            path = fh.path
        except OSError:
            path = None
    if verbose and sys.stderr is not None:
        sh = logging.StreamHandler(sys.stderr)
        sh.setFormatter(logging.Formatter(_FORMAT))
        sh._lindungi = True  # type: ignore[attr-defined]
        root.addHandler(sh)
    return path
