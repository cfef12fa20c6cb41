"""Fixtures of the integration tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from app import i18n, logsetup
from app.main import main


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Run ``lindungi ARGS…`` in this process: (exit code, stdout, stderr)."""
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)
    root = logging.getLogger()
    level = root.level

    def run(*argv: object) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    logsetup.configure(None)
    root.setLevel(level)
    i18n.set_language("id")
