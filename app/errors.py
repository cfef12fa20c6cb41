"""Expected failures, as opposed to bugs.

An :class:`AppError` is something the user can act on: bad input, a file that cannot be
written, a database from a newer version. It carries a message code and parameters and no
text, because the core never knows the user's language; :func:`app.i18n.render` turns it
into words. Anything else that escapes is a bug and goes to the excepthook (exit code 70).
"""

from __future__ import annotations

from typing import Any

from typing_extensions import override

# Exit codes of the `lindungi` command (ARCHITECTURE.md).
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
