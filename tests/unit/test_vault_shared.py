"""The part of a key vault that the desks of a server register share: everything but the
desk's own lockout counter and its failed sign-ins waiting for the history."""

from __future__ import annotations

from app.services import vault


def test_the_shared_part_leaves_the_lockout_out_and_a_refresh_keeps_the_desks_own() -> None:
    local = {
        "format": vault.FORMAT,
        "accounts": {"admin": {"sealed": "a"}, "rina": {"sealed": "r"}},
        "lockout": {"admin": {"failed": 2, "locked_until": None}, "rina": {"failed": 1}},
        "attempts": [{"name": "admin", "at": "2026-01-01T08:00:00", "locked": False}],
        "to_reset": [],
    }
    common = vault.shared(local)
    assert "lockout" not in common and "attempts" not in common
    assert common["accounts"] == local["accounts"]

    # Another desk changed admin's password and deactivated rina.
    server = {"format": vault.FORMAT, "accounts": {"admin": {"sealed": "A2"}}, "to_reset": []}
    merged = vault.with_shared(local, server)
    assert merged["accounts"] == {"admin": {"sealed": "A2"}}
    assert merged["lockout"] == {"admin": {"failed": 2, "locked_until": None}}
    assert merged["attempts"] == local["attempts"]
    assert vault.with_shared(None, server)["lockout"] == {}
