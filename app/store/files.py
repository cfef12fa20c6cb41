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
import time
from collections.abc import Iterator
from pathlib import Path

from app.errors import OsReason, StorageError
from app.paths import ENV_DATA_DIR, temp_beside


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
    tmp = temp_beside(path, ".part")
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


LOCK_STALE_SECONDS = 10.0  # far longer than any holder keeps it (a read and a write)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``path`` (a lock file) while a read-modify-write of the file beside it runs,
    against every other process doing the same: the lock is the file's existence
    (``O_CREAT | O_EXCL``, the same on Windows and POSIX). A lock older than
    :data:`LOCK_STALE_SECONDS` was left by a process that died holding it and is broken,
    so the wait is bounded.

    Raises:
        StorageError: the lock file cannot be created (a read-only folder).
    """
    give_up = time.monotonic() + 2 * LOCK_STALE_SECONDS
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except PermissionError as exc:  # Windows: a lock file being deleted refuses a new open
            if os.name != "nt" or time.monotonic() > give_up:
                raise StorageError("file.unwritable", path=str(path), reason=OsReason(exc)) from exc
            time.sleep(0.005)
            continue
        except FileExistsError:
            try:
                age = time.time() - path.stat().st_mtime
            except FileNotFoundError:
                continue  # released between the two calls: try again at once
            except OSError:
                age = 0.0
            if age > LOCK_STALE_SECONDS:
                path.unlink(missing_ok=True)
            else:
                time.sleep(0.005)
            continue
        except OSError as exc:
            raise StorageError("file.unwritable", path=str(path), reason=OsReason(exc)) from exc
        os.close(fd)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


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


# Groups that must not reach a per-user data dir on Windows: Everyone, Authenticated Users,
# Interactive, Users, Guests (well-known SIDs, the same in every language of Windows).
BROAD_SIDS = {
    "S-1-1-0": "Everyone",
    "S-1-5-11": "Authenticated Users",
    "S-1-5-4": "Interactive",
    "S-1-5-32-545": "Users",
    "S-1-5-32-546": "Guests",
}


def broad_access(path: Path) -> list[str]:
    """Who else than the owner (and the system's administrators) may open ``path``: the
    group and others bits on POSIX, the broad groups of its ACL on Windows. Empty when the
    folder is private."""
    if os.name == "posix":
        mode = path.stat().st_mode
        return [who for who, bits in (("group", 0o070), ("others", 0o007)) if mode & bits]
    return [BROAD_SIDS[sid] for sid in _allowed_sids(path) if sid in BROAD_SIDS]


def under_wine() -> bool:
    """True when this Windows is Wine (its file ACLs are made up from Unix modes)."""
    if os.name != "nt":
        return False
    import ctypes

    return hasattr(ctypes.windll.ntdll, "wine_get_version")  # type: ignore[attr-defined,unused-ignore]


def _allowed_sids(path: Path) -> list[str]:  # pragma: no cover - Windows only
    """The SIDs that the DACL of ``path`` grants access to (access-allowed entries)."""
    import ctypes
    from ctypes import wintypes

    advapi = ctypes.windll.advapi32  # type: ignore[attr-defined,unused-ignore]
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    dacl = ctypes.c_void_p()
    descriptor = ctypes.c_void_p()
    se_file_object, dacl_information = 1, 4
    err = advapi.GetNamedSecurityInfoW(
        str(path),
        se_file_object,
        dacl_information,
        None,
        None,
        ctypes.byref(dacl),
        None,
        ctypes.byref(descriptor),
    )
    if err:
        raise OSError(err, "GetNamedSecurityInfoW")

    class AclSize(ctypes.Structure):
        _fields_ = [
            ("AceCount", wintypes.DWORD),
            ("AclBytesInUse", wintypes.DWORD),
            ("AclBytesFree", wintypes.DWORD),
        ]

    sids: list[str] = []
    try:
        if not dacl.value:  # a NULL DACL grants everyone everything
            return ["S-1-1-0"]
        info = AclSize()
        if not advapi.GetAclInformation(dacl, ctypes.byref(info), ctypes.sizeof(info), 2):
            raise OSError("GetAclInformation")
        for index in range(info.AceCount):
            ace = ctypes.c_void_p()
            if not advapi.GetAce(dacl, index, ctypes.byref(ace)) or ace.value is None:
                continue
            ace_type = ctypes.c_ubyte.from_address(ace.value).value
            if ace_type != 0:  # ACCESS_ALLOWED_ACE_TYPE only
                continue
            sid = ctypes.c_void_p(ace.value + 8)  # header (4) + mask (4)
            text = wintypes.LPWSTR()
            if advapi.ConvertSidToStringSidW(sid, ctypes.byref(text)):
                sids.append(str(text.value))
                kernel.LocalFree(text)
    finally:
        kernel.LocalFree(descriptor)
    return sids
