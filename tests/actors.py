"""The actor that service tests pass: an administrator, as a signed-in account would be.

Services take the acting account as an argument; these tests call them directly, so they
name one. The command line and the GUI never use it: they sign in.
"""

from __future__ import annotations

from app.services.actor import Actor, Role

ADMIN = Actor("admin", Role.ADMIN)
