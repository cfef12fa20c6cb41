"""What every screen needs: the open data dir and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.actor import Actor, Role
from app.services.context import Context


@dataclass
class Session:
    """The open data dir and the acting user, handed to every window and dialog.

    ``actor`` changes when another user unlocks the window after an idle lock; screens read
    it at the moment they call a service.
    """

    ctx: Context
    actor: Actor
    demo: bool = False

    def can(self, role: Role) -> bool:
        """True when the user has the rights of ``role`` (buttons follow; services enforce)."""
        return self.actor.at_least(role)
