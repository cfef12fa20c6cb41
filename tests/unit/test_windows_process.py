"""What a process does for Windows, checked here with Windows simulated: UTF-8 on redirected
streams, the mutex the installer looks for, a bare drive letter, the program's name in hints."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from typing_extensions import override

from app import invocation, winproc
from app.i18n import render, set_language, tr

REPO = Path(__file__).resolve().parents[2]


class _Stream(io.TextIOWrapper):
    """A text stream over bytes whose console-ness the test decides."""

    def __init__(self, encoding: str, console: bool) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)
        self._console = console

    @override
    def isatty(self) -> bool:
        return self._console

    def written(self) -> bytes:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue()


def test_a_redirected_stream_on_windows_writes_utf8() -> None:
    # `lindungi-cli list > daftar.txt` on Windows: the ANSI code page, cp1252, by default.
    piped = _Stream("cp1252", console=False)
    winproc.utf8_streams((piped,), windows=True)
    piped.write("Nur'aini Şahin\n")
    assert piped.written().decode("utf-8") == "Nur'aini Şahin\n"


def test_a_console_on_windows_keeps_its_encoding_and_never_crashes() -> None:
    console = _Stream("cp1252", console=True)
    winproc.utf8_streams((console,), windows=True)
    assert console.encoding == "cp1252"  # Python writes to a real console in Unicode
    console.write("Şahin\n")  # unencodable in cp1252: replaced, not a UnicodeEncodeError
    assert console.written() == b"?ahin\n"


def test_elsewhere_a_pipe_keeps_the_locale_encoding() -> None:
    piped = _Stream("ascii", console=False)
    winproc.utf8_streams((piped,), windows=False)
    assert piped.encoding == "ascii"
    piped.write("Şahin\n")
    assert piped.written() == b"?ahin\n"


def test_the_windowed_program_without_streams_is_fine() -> None:
    winproc.utf8_streams((None, None), windows=True)


def test_the_mutex_is_windows_only_and_the_installer_names_the_same_one() -> None:
    if sys.platform != "win32":
        assert winproc.hold_running_mutex() is False
    iss = (REPO / "packaging" / "lindungi.iss").read_text(encoding="utf-8")
    defined = re.search(r'^#define AppMutexName "([^"]+)"', iss, re.MULTILINE)
    assert defined and defined.group(1) == winproc.MUTEX_NAME
    assert re.search(r"^AppMutex=\{#AppMutexName\}$", iss, re.MULTILINE)


def test_the_installer_never_clears_the_bundle_before_checking_it_is_free() -> None:
    iss = (REPO / "packaging" / "lindungi.iss").read_text(encoding="utf-8")
    assert "[InstallDelete]" not in iss  # ran before any in-use check: a broken install
    code = iss[iss.index("[Code]") :]
    check = code.index("CheckForMutexes('{#AppMutexName}')")
    move = code.index("RenameFile(Bundle, Bundle + '.old')")
    assert check < move
    assert "procedure DeinitializeSetup" in code  # puts the old bundle back on failure


def test_the_uninstall_question_names_no_button() -> None:
    # Message-box buttons follow the language of Windows, not the one Setup chose.
    iss = (REPO / "packaging" / "lindungi.iss").read_text(encoding="utf-8")
    for line in iss.splitlines():
        if line.startswith(("en.", "id.")):
            text = line.split("=", 1)[1]
            assert not re.search(r"\b(Choose|Click|Pilih|Klik) (Yes|No|Ya|Tidak)\b", text), line


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("E:", "E:\\"),
        ("e:", "e:\\"),
        (" E: ", "E:\\"),
        ("E:\\", "E:\\"),
        ("E:\\kartu.pdf", "E:\\kartu.pdf"),
        ("E:kartu.pdf", "E:kartu.pdf"),
        ("kartu.pdf", "kartu.pdf"),
        ("\\\\server\\share", "\\\\server\\share"),
    ],
)
def test_a_bare_drive_letter_means_its_root(typed: str, meant: str) -> None:
    assert invocation.windows_drive_root(typed) == meant


def test_user_path_applies_the_drive_rule_on_windows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert invocation.user_path("E:") == Path("E:")
    monkeypatch.setattr(sys, "platform", "win32")
    assert str(invocation.user_path("E:")).startswith("E:\\")


@pytest.fixture
def no_data_dir() -> object:
    yield
    invocation.remember_data_dir(None)
    set_language("id")


@pytest.mark.usefixtures("no_data_dir")
def test_hints_name_the_program_as_it_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language("id")
    invocation.remember_data_dir(None)
    assert "Jalankan: lindungi setup --role" in render("setup.needed", path="/x")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert "Jalankan: lindungi-cli setup --role" in render("setup.needed", path="/x")


@pytest.mark.usefixtures("no_data_dir")
def test_hints_repeat_the_data_dir_that_was_given() -> None:
    set_language("en")
    invocation.remember_data_dir("/srv/data kecamatan")
    assert "Run: lindungi --data-dir '/srv/data kecamatan' setup" in render(
        "setup.needed", path="/srv/data kecamatan"
    )
    text = tr(
        "Compare it with the office's screen ({cmd} whoami), then, as a supervisor: "
        "{cmd} --user NAME offices confirm {office} {fingerprint}",
        office="13.03.06",
        fingerprint="AB12",
    )
    assert text.endswith(
        "lindungi --data-dir '/srv/data kecamatan' --user NAME offices confirm 13.03.06 AB12"
    )


@pytest.mark.usefixtures("no_data_dir")
def test_windows_quotes_a_data_dir_for_cmd_and_powershell() -> None:
    invocation.remember_data_dir("D:\\Data Lindungi")
    assert invocation.command_prefix(windows=True).endswith('--data-dir "D:\\Data Lindungi"')
    invocation.remember_data_dir("D:\\Lindungi")
    assert invocation.command_prefix(windows=True).endswith("--data-dir D:\\Lindungi")
