"""Where things are: the data dir, and the resources and migrations that travel with the app.

This is the only module that knows the three layouts the app runs from: a source checkout
(``resources/`` and ``db/`` beside ``app/``), an installed wheel (``app/_resources`` and
``app/_db``) and a PyInstaller build (``sys._MEIPASS/resources`` and ``.../db``).
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

APP_NAME = "Lindungi"
ENV_DATA_DIR = "LINDUNGI_DATA_DIR"
_PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str, packaged: str) -> list[Path]:
    out = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        out.append(Path(meipass) / name)
    out.append(_PACKAGE / packaged)
    out.append(_PACKAGE.parent / name)
    return out


def _first_existing(name: str, packaged: str) -> Path:
    for path in _candidates(name, packaged):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"{name} not found in {[str(p) for p in _candidates(name, packaged)]}")


def resources_dir() -> Path:
    """The folder of fonts, icons, translations and reference data."""
    return _first_existing("resources", "_resources")


def resource(*parts: str) -> Path:
    """A file inside the resources folder."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic script directory (``env.py`` and ``versions/``)."""
    return _first_existing("db", "_db")


def default_data_dir() -> Path:
    """The per-user application-data folder of the platform.

    Windows ``%LOCALAPPDATA%\\Lindungi``; macOS ``~/Library/Application Support/Lindungi``;
    elsewhere ``$XDG_DATA_HOME/lindungi`` (``~/.local/share/lindungi``).
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME.lower()


def data_dir(option: str | None = None) -> Path:
    """The data dir: ``--data-dir`` beats ``LINDUNGI_DATA_DIR`` beats the platform default."""
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def temp_beside(path: Path, suffix: str = ".tmp") -> Path:
    """A temporary name beside ``path`` that no other process uses at the same time
    (``sequences.json.4121-9f3a0c1e.tmp``): two commands on one data dir never write into
    each other's half-written file, nor remove each other's probe."""
    return path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}")
