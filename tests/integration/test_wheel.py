"""`pip install .` gives a working application: build the wheel, install it, run it.

The wheel is built from a copy of the checkout and installed without its dependencies into
a fresh virtual environment; a ``.pth`` file lets that environment see the dependencies of
the environment running the tests (installing them from an index would take minutes). A
``.pth`` line only adds a folder: ``.pth`` files inside it (an editable install of
``app``) are not run, and the environment's own site-packages comes first, so ``app`` can
only come from the wheel. Commands run from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CLI_PASSWORD, CLI_USER

REPO = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    workdir: Path

    @property
    def python(self) -> Path:
        return self.venv / BIN / f"python{EXE}"

    @property
    def lindungi(self) -> Path:
        return self.venv / BIN / f"lindungi{EXE}"

    def run(self, *args: object, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run([*args], cwd=self.workdir, check=check)


def run(args: Sequence[object], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV") and not k.startswith("LINDUNGI_")
    }
    env.update(LINDUNGI_USER=CLI_USER, LINDUNGI_PASSWORD=CLI_PASSWORD)  # the test account
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    if check and result.returncode != 0:
        pytest.fail(f"{args} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def site_packages(python: Path) -> Path:
    out = run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=python.parent,
    )
    return Path(out.stdout.strip())


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
            ".hypothesis", "tests", "*.sqlite*",
        ),
    )  # fmt: skip
    dist = root / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, source], cwd=root)
    [wheel] = dist.glob("lindungi-*.whl")

    venv = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=root)
    python = venv / BIN / f"python{EXE}"
    run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--quiet", wheel],
        cwd=root,
    )  # fmt: skip
    own = site_packages(python)
    deps = Path(sysconfig.get_paths()["purelib"])
    (own / "_lindungi_test_deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    workdir = root / "work"
    workdir.mkdir()
    return Installed(wheel, venv, workdir)


def test_wheel_carries_every_resource_and_migration(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for path in (REPO / "resources").rglob("*"):
        if path.is_file():
            assert "app/_resources/" + path.relative_to(REPO / "resources").as_posix() in names
    for path in (REPO / "db" / "versions").glob("*.py"):
        assert f"app/_db/versions/{path.name}" in names
    assert "app/_db/env.py" in names
    assert "app/_db/script.py.mako" in names
    assert not any(n.startswith("tests/") for n in names)


def test_app_resources_and_migrations_come_from_the_installed_wheel(installed: Installed) -> None:
    out = installed.run(
        installed.python,
        "-c",
        "import app, app.paths; print(app.__file__); print(app.paths.resources_dir()); "
        "print(app.paths.migrations_dir())",
    )
    venv = installed.venv.resolve()
    paths = [Path(line).resolve() for line in out.stdout.splitlines()]
    assert len(paths) == 3
    for path in paths:
        assert path.is_relative_to(venv), path
        assert not path.is_relative_to(REPO)
    assert (paths[1] / "reference" / "wilayah_1303.csv").is_file()
    assert (paths[2] / "env.py").is_file()


def test_installed_command_sets_up_generates_and_budgets(installed: Installed) -> None:
    data = installed.workdir / "data"
    installed.run(installed.lindungi, "--data-dir", data, "setup", "--role", "kabupaten")
    installed.run(installed.lindungi, "--data-dir", data, "demo", "--participants", "20",
                  "--seed", "1")  # fmt: skip
    out = installed.run(
        installed.lindungi, "--data-dir", data, "budget", "--year", "2022", "--json"
    )
    total = json.loads(out.stdout)["rows"][-1]
    assert total["participants"] == 20
    assert total["total"] == 20 * 16_800 * 9
    again = installed.run(
        installed.lindungi, "--data-dir", data, "setup", "--role", "kabupaten", check=False
    )
    assert again.returncode == 1
    assert "Galat" in again.stderr


def test_installed_self_test_passes(installed: Installed) -> None:
    out = installed.run(installed.lindungi, "selftest", "--json", check=False)
    report = json.loads(out.stdout)
    failed = [c for c in report["checks"] if not c["ok"]]
    assert failed == []
    assert out.returncode == 0


def test_python_dash_m_app_works_from_the_wheel(installed: Installed) -> None:
    out = installed.run(installed.python, "-m", "app", "check-nik", "1303064708800001")
    assert "Kamang Baru" in out.stdout
