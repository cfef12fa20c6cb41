"""An office with printable participants for the card service tests."""

from __future__ import annotations

import pytest

from app.services.context import Context
from tests.cardhelp import office
from tests.conftest import MakeParticipant


@pytest.fixture
def ctx(kecamatan_ctx: Context, make_participant: MakeParticipant) -> Context:
    """Kamang Baru, station A: 23 demo participants and two named ones, all approved."""
    return office(kecamatan_ctx, make_participant)
