"""The core's message catalogue: English source texts, Indonesian the complete default.

The core never imports Qt, so errors carry a code and parameters (``app.errors``) and this
catalogue renders them, for the command line, the GUI, cards and reports alike. The UI's
own strings use Qt's ``tr()`` and ``.ts`` files instead. The language comes from
``--lang``, then ``LINDUNGI_LANG``, else Indonesian.
"""

from __future__ import annotations

import os
from typing import Any

from typing_extensions import override

LANGUAGES = ("id", "en")
_lang = (
    os.environ.get("LINDUNGI_LANG", "id") if os.environ.get("LINDUNGI_LANG") in LANGUAGES else "id"
)


def set_language(lang: str) -> None:
    """Choose ``id`` or ``en`` for every message rendered from now on."""
    global _lang
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _lang = lang


def language() -> str:
    """The language messages are rendered in."""
    return _lang


from app.catalogue import CATALOGUES  # noqa: E402
from app.invocation import command_prefix  # noqa: E402

# Message codes → English templates, and English → Indonesian, merged from every area's
# catalogue (``app/catalogue/*.py``): each area of the app keeps its own texts.
MESSAGES: dict[str, str] = {}
ID: dict[str, str] = {}
for _module in CATALOGUES:
    MESSAGES.update(_module.MESSAGES)
    ID.update(_module.ID)


def tr(text: str, /, **params: Any) -> str:
    """``text`` (an English source text) in the current language, with ``params`` filled."""
    if _lang == "id":
        text = ID.get(text, text)
    if "{cmd}" in text and "cmd" not in params:
        # A command to type: named as this program is run, with its --data-dir.
        params = {**params, "cmd": command_prefix()}
    return text.format(**params) if params else text


def render(code: str, /, **params: Any) -> str:
    """The message of an error code in the current language."""
    template = MESSAGES.get(code)
    if template is None:
        return code if not params else f"{code} {params}"
    return tr(template, **params)


def fmt_int(value: int) -> str:
    """A count with the thousands separator of the language: 100.000 or 100,000."""
    text = f"{value:,}"
    return text.replace(",", ".") if _lang == "id" else text


def fmt_decimal(value: float, places: int = 2) -> str:
    """A number with decimals in the language's way: 0,87 in Indonesian, 0.87 in English."""
    text = f"{value:,.{places}f}"
    if _lang == "id":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


class Later:
    """A text of the catalogue (a status, a reason) given to a message as a parameter.

    Messages are put into words when shown, not when raised; a parameter that is itself a
    text must wait too, or an Indonesian sentence would carry the English word (``status
    draft``). It compares equal to its English text.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    @override
    def __str__(self) -> str:
        return tr(self.text)

    @override
    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @override
    def __repr__(self) -> str:
        return f"Later({self.text!r})"

    @override
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Later):
            return self.text == other.text
        return isinstance(other, str) and self.text == other

    @override
    def __hash__(self) -> int:
        return hash(self.text)
