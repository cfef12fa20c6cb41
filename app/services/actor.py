"""Who acts: every service takes the acting user, and history records it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.errors import Refused


class Role(StrEnum):
    """Account roles, each including the rights of the one before."""

    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


_RANK = {Role.OPERATOR: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service acts."""

    username: str
    role: Role

    def at_least(self, role: Role) -> bool:
        """True when this actor has the rights of ``role``."""
        return _RANK[self.role] >= _RANK[role]

    def require(self, role: Role) -> None:
        """Refuse the action unless this actor has the rights of ``role``.

        Raises:
            Refused: with the role needed.
        """
        if not self.at_least(role):
            raise Refused("role.needed", role=role.value)


# The only actors that sign in with no password, each on a throwaway data dir of its own:
# the self-test's temporary folders and the demo's (``lindungi --demo``). Every other way
# in signs in as a named account (the GUI's login, the command line's --user).
SELFTEST_ADMIN = Actor("selftest", Role.ADMIN)
DEMO_ADMIN = Actor("demo", Role.ADMIN)
