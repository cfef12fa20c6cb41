"""Files the app writes into a data dir or an export: whole or not at all, and owner-only
where the data dir belongs to one user.

A data dir in the user's own profile (the default, or ``--data-dir``) is kept owner-only on
POSIX systems: the folder 0700, the register, the key vault and the backups 0600. A data dir
named by ``LINDUNGI_DATA_DIR`` may be shared by several accounts of one PC: it keeps the
folder's own permissions and relies on the encryption of the register (docs/encryption.md).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.errors import OsReason, StorageError
from app.paths import ENV_DATA_DIR


def shared(data_dir: Path) -> bool:
    """True for the data dir named by ``LINDUNGI_DATA_DIR`` (kept as its folder allows)."""
    env = os.environ.get(ENV_DATA_DIR)
    if not env:
        return False
    try:
        return Path(env).expanduser().resolve() == data_dir.resolve()
    except OSError:
        return False


def make_private(path: Path, *, folder: bool = False) -> None:
    """Owner-only permissions on ``path`` (POSIX; Windows profiles are private by their ACL,
    which the self-test checks)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # no modes (a FAT stick): the encryption still holds
        path.chmod(0o700 if folder else 0o600)


def private_data_dir(data_dir: Path) -> None:
    """Owner-only permissions on a per-user data dir and what the register keeps in it."""
    if shared(data_dir):
        return
    make_private(data_dir, folder=True)
    for sub in ("backups", "keys", "logs"):
        if (data_dir / sub).is_dir():
            make_private(data_dir / sub, folder=True)
    for entry in data_dir.iterdir():
        if entry.is_file() and not entry.is_symlink():
            make_private(entry)


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` durably (a crash leaves the old file or the new one) and owner-only.

    Raises:
        StorageError: the file cannot be written.
    """
    tmp = path.with_name(path.name + ".part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError("file.unwritable", path=str(path), reason=OsReason(exc)) from exc
    if os.name == "posix":
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass


def overwrite_and_remove(path: Path) -> None:
    """Overwrite a file with zeros, then delete it (on SSDs, NTFS and journaling file systems
    the old blocks may survive anyway: the docs say so)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with open(path, "r+b") as fh:
            chunk = b"\0" * (1 << 20)
            left = size
            while left > 0:
                n = min(left, len(chunk))
                fh.write(chunk[:n])
                left -= n
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)
