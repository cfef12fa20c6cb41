"""Files on removable media: written so that a pulled-out stick never leaves a file that
looks complete, and read with every refusal turned into a message.

Writing goes to a temporary name in the target folder, is flushed and fsynced, renamed, and
read back: the bytes on the stick must hash the same and the container must verify (USB
media may claim to have written what they have not). Reading refuses oversized files
before loading them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from app.errors import NotFound, OsReason, Refused, StorageError
from app.paths import temp_beside
from app.store.files import make_private
from app.sync import container
from app.sync.container import Container, FormatError


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS/FAT rename is flushed with the file
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_verified(
    target: Path, data: bytes, *, is_container: bool = True, private: bool = True
) -> Path:
    """Write ``data`` to ``target`` durably and check it reads back the same (and, for a
    container, that its signature verifies). The file is owner-only (POSIX) unless
    ``private`` is False (a file kept in a data dir shared by several accounts).

    Raises:
        StorageError: the folder cannot be written, or the file does not read back.
    """
    tmp = temp_beside(target, ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if private:
            make_private(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError("file.unwritable", path=str(target), reason=OsReason(exc)) from exc
    try:
        back = target.read_bytes()
        ok = sha256(back) == sha256(data)
        if ok and is_container:
            container.read(back)
    except (OSError, FormatError):
        ok = False
    if not ok:
        with contextlib.suppress(OSError):
            target.unlink()
        raise StorageError("bundle.verify_failed", path=str(target))
    return target


def read_file(path: Path) -> bytes:
    """The bytes of a bundle, receipt or enrolment file, refusing oversized ones unread.

    Raises:
        NotFound: no such file.
        Refused: larger than any container may be.
        StorageError: it cannot be read.
    """
    try:
        size = path.stat().st_size
        if size > container.MAX_FILE:
            raise Refused("bundle.too_large", name=path.name)
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFound("file.missing", path=str(path)) from None
    except IsADirectoryError:
        raise NotFound("file.missing", path=str(path)) from None
    except OSError as exc:
        raise StorageError("file.unreadable", path=str(path), reason=OsReason(exc)) from exc


def refusal(exc: FormatError, name: str, **extra: object) -> Refused:
    """The message for a container that cannot be read."""
    return Refused(f"bundle.{exc.reason}", name=name, **exc.params, **extra)


def open_container(data: bytes, name: str) -> Container:
    """Check a container's structure and signature.

    Raises:
        Refused: with the reason, in the user's language.
    """
    try:
        return container.read(data)
    except FormatError as exc:
        raise refusal(exc, name) from None
