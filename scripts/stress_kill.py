"""Stress run: SIGKILL Lindungi at random moments of long operations, N times in all.

Usage: ``python scripts/stress_kill.py [--kills 100]``. Splits the kills over a spreadsheet
import, a card print job and a bundle import (the same checks as
``tests/integration/test_kill.py``, which runs 20 of them in the test suite): after every
kill the database opens, ``PRAGMA integrity_check`` is ok, and the operation is wholly there
or wholly absent. Prints how many kills were survived with nothing lost.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.integration import test_kill  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    args = parser.parse_args()
    per = max(1, args.kills // 3)
    test_kill.KILLS = args.kills - 2 * per
    test_kill.PRINT_KILLS = per
    test_kill.BUNDLE_KILLS = per
    runs = (
        (
            "spreadsheet import",
            test_kill.test_spreadsheet_import_killed_at_random_moments,
            test_kill.KILLS,
        ),
        ("card print job", test_kill.test_card_print_job_killed_at_random_moments, per),
        ("bundle import", test_kill.test_bundle_import_killed_at_random_moments, per),
    )
    survived = 0
    for name, test, kills in runs:
        start = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="lindungi-stress-") as tmp:
            test(Path(tmp))
        survived += kills
        print(f"{name}: {kills} kills survived, nothing lost ({time.perf_counter() - start:.0f} s)")
    print(f"{survived} kills survived with nothing lost")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
