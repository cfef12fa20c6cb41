"""Why a file could not be read or written, in the user's words rather than the system's."""

from __future__ import annotations

import errno

import pytest

from app import i18n
from app.errors import OsReason, StorageError


def _winerror(number: int) -> OSError:
    exc = OSError(errno.EACCES, "The media is write protected")
    exc.winerror = number  # type: ignore[attr-defined]  # set by Windows only
    return exc


@pytest.mark.parametrize(
    ("exc", "indonesian", "english"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disk penuh", "the disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "dilindungi", "write-protected"),
        (_winerror(19), "dilindungi", "write-protected"),
        (_winerror(21), "flashdisk dicabut", "USB stick taken out"),
        (_winerror(112), "disk penuh", "the disk is full"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "tidak ada", "not exist"),
        (PermissionError(errno.EACCES, "Permission denied"), "izin ditolak", "permission denied"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "itu folder", "is a folder"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid"), "bukan berkas teks", "not a text"),
        (OSError(errno.EXDEV, "Invalid cross-device link"), "galat sistem", "system error"),
    ],
)
def test_each_reason_reads_in_the_chosen_language(
    exc: BaseException, indonesian: str, english: str
) -> None:
    reason = OsReason(exc)
    assert indonesian in str(reason)
    i18n.set_language("en")
    assert english in str(reason)


def test_the_reason_is_worded_when_the_message_is_shown_not_when_raised() -> None:
    error = StorageError(
        "file.unwritable", path="E:/bundel.lbd", reason=OsReason(OSError(errno.ENOSPC, "x"))
    )
    i18n.set_language("en")
    assert str(error) == "Cannot write E:/bundel.lbd: the disk is full."
    i18n.set_language("id")
    assert str(error) == "Tidak dapat menulis E:/bundel.lbd: disk penuh."
