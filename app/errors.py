"""Expected failures, as opposed to bugs.

An :class:`AppError` is something the user can act on: bad input, a file that cannot be
written, a database from a newer version. It carries a message code and parameters and no
text, because the core never knows the user's language; :func:`app.i18n.render` turns it
into words. Anything else that escapes is a bug and goes to the excepthook (exit code 70).
"""

from __future__ import annotations

from typing import Any

from typing_extensions import override

# Exit codes of the `lindungi` command (README.md, "The command line").
EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_HELD = 3
EXIT_BUG = 70


class AppError(Exception):
    """An expected failure with a message code from the catalogue and its parameters."""

    exit_code = EXIT_REFUSED

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    @override
    def __str__(self) -> str:
        from app.i18n import render  # local: errors must not depend on the catalogue at import

        return render(self.code, **self.params)


class InvalidInput(AppError):
    """The user typed or imported something that breaks a rule; nothing was changed."""


class NotFound(AppError):
    """A record, file or code that the user named does not exist."""


class Refused(AppError):
    """The action is not allowed in the current state (already set up, role, duplicate)."""


class StorageError(AppError):
    """The data dir or database cannot be used (not writable, newer schema, damaged)."""


class ValidationFailed(InvalidInput):
    """Several problems at once, each with a field, a code and parameters."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.code, **first.params)
        self.problems = problems


class Problem:
    """One problem with one field of the input; ``overridable`` problems may be overridden
    by a supervisor with a recorded reason."""

    __slots__ = ("code", "field", "overridable", "params")

    def __init__(self, field: str, code: str, overridable: bool = False, /, **params: Any) -> None:
        self.field = field
        self.code = code
        self.overridable = overridable
        self.params = params

    @override
    def __repr__(self) -> str:
        return f"Problem({self.field!r}, {self.code!r}, {self.params!r})"

    def render(self) -> str:
        """The problem in the user's language."""
        from app.i18n import render

        return render(self.code, **self.params)


class OsReason:
    """Why the system would not read or write a file, put into words only when shown.

    ``OSError.strerror`` is the operating system's own text, English on most systems; the
    cases a district office meets (a full or write-protected stick, a stick pulled out, a
    missing file, no permission) get the catalogue's words in the user's language instead.
    """

    __slots__ = ("detail", "kind")

    def __init__(self, exc: BaseException) -> None:
        self.kind = _os_kind(exc)
        self.detail = (exc.strerror if isinstance(exc, OSError) else None) or type(exc).__name__

    @override
    def __str__(self) -> str:
        from app.i18n import tr

        match self.kind:
            case "full":
                return tr("the disk is full")
            case "read_only":
                return tr("the disk is write-protected")
            case "not_ready":
                return tr("the drive is not ready (was the USB stick taken out?)")
            case "io":
                return tr("the disk could not be read or written")
            case "missing":
                return tr("it does not exist")
            case "permission":
                return tr("permission denied, or the file is open in another program")
            case "is_folder":
                return tr("it is a folder, not a file")
            case "not_folder":
                return tr("a part of the path is not a folder")
            case "exists":
                return tr("it already exists")
            case "name_too_long":
                return tr("the name is too long")
            case "not_text":
                return tr("it is not a text file")
        return tr("system error: {detail}", detail=self.detail)

    @override
    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @override
    def __repr__(self) -> str:
        return f"OsReason({self.kind!r})"


# Windows error numbers that errno does not tell apart.
_WINERROR_KINDS = {
    19: "read_only",  # ERROR_WRITE_PROTECT
    21: "not_ready",  # ERROR_NOT_READY
    23: "io",  # ERROR_CRC
    39: "full",  # ERROR_HANDLE_DISK_FULL
    112: "full",  # ERROR_DISK_FULL
    206: "name_too_long",  # ERROR_FILENAME_EXCED_RANGE
    1006: "not_ready",  # ERROR_FILE_INVALID: the volume was removed
    1117: "io",  # ERROR_IO_DEVICE
}


def _os_kind(exc: BaseException) -> str:
    import errno

    if isinstance(exc, UnicodeDecodeError):
        return "not_text"
    if not isinstance(exc, OSError):
        return ""
    kind = _WINERROR_KINDS.get(getattr(exc, "winerror", None) or 0)
    if kind:
        return kind
    by_errno = {
        errno.ENOSPC: "full",
        errno.EROFS: "read_only",
        errno.EIO: "io",
        errno.ENAMETOOLONG: "name_too_long",
    }
    if exc.errno in by_errno:
        return by_errno[exc.errno]
    for cls, name in (
        (FileNotFoundError, "missing"),
        (PermissionError, "permission"),
        (IsADirectoryError, "is_folder"),
        (NotADirectoryError, "not_folder"),
        (FileExistsError, "exists"),
    ):
        if isinstance(exc, cls):
            return name
    return ""
