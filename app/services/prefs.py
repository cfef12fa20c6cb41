"""Reading and changing settings (declared with their defaults in ``app.settings``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import settings
from app.errors import InvalidInput
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import repo


def get(ctx: Context, key: str) -> Any:
    """A setting's value (its default when never set)."""
    if key not in settings.SETTINGS:
        raise InvalidInput("pref.unknown", key=key)
    return ctx.setting(key)


def set_value(ctx: Context, actor: Actor, key: str, value: Any) -> None:
    """Change a setting (administrators only); the value must have the default's type.

    Raises:
        InvalidInput: an undeclared key or a value of the wrong type.
        Refused: the actor is not an administrator.
    """
    actor.require(Role.ADMIN)
    if key not in settings.SETTINGS:
        raise InvalidInput("pref.unknown", key=key)
    default = settings.default(key)
    if isinstance(default, bool) != isinstance(value, bool) or not isinstance(value, type(default)):
        raise InvalidInput("pref.type", key=key)
    if key == "language" and value not in ("id", "en"):
        raise InvalidInput("pref.type", key=key)
    with ctx.db.session() as s:
        old = repo.get_setting(s, key)
        repo.put_setting(s, key, value)
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="setting",
            entity_id=key,
            action="setting",
            changes={key: [old if old is not None else default, value]},
        )
