"""What every screen needs: the open data dir and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.actor import Actor, Role
from app.services.context import Context


@dataclass
class Session:
    """The open data dir and the acting user, handed to every window and dialog.

    Screens read ``actor`` at the moment they call a service, which enforces the role;
    buttons only follow it.
    """

    ctx: Context
    actor: Actor
    demo: bool = False

    def can(self, role: Role) -> bool:
        """True when the user has the rights of ``role`` (buttons follow; services enforce)."""
        return self.actor.at_least(role)
