"""What a Lindungi process does differently on Windows: UTF-8 output, the "running" mutex.

- A console shows any letter (Python writes to it through the Unicode console API), but a
  redirected or piped stream gets the ANSI code page, cp1252: "Şahin" came out as "?ahin"
  in ``lindungi-cli list > daftar.txt``. The frozen program ignores ``PYTHONUTF8``, so the
  streams are switched to UTF-8 here whenever they are not a console.
- The installer must not replace the program while it runs (files in use: a half-replaced
  bundle). Every process holds a named mutex while it lives; the installer's ``AppMutex``
  (packaging/lindungi.iss) names the same one and refuses to go on while it exists.
Elsewhere both are no-ops.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

# packaging/lindungi.iss names the same mutex in AppMutex and in its [Code] (a test checks).
MUTEX_NAME = "Lindungi-5E1BB0B8-327C-40D8-A8A4-412391A1A017"

_mutex: Any = None  # the handle, held until the process ends (Windows then closes it)


def utf8_streams(
    streams: tuple[TextIO | None, ...] | None = None, *, windows: bool | None = None
) -> None:
    """Make stdout and stderr write any letter.

    On Windows a stream that is not a console (a file, a pipe) is switched to UTF-8.
    Everywhere an unencodable character becomes "?" instead of a crash.
    """
    on_windows = sys.platform == "win32" if windows is None else windows
    for stream in (sys.stdout, sys.stderr) if streams is None else streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is None or reconfigure is None:
            continue  # the windowed program has no streams at all
        try:
            console = stream.isatty()
        except (OSError, ValueError):
            console = False
        if on_windows and not console:
            reconfigure(encoding="utf-8", errors="replace")
        else:
            reconfigure(errors="replace")


def hold_running_mutex() -> bool:
    """Create the named mutex that tells the installer Lindungi is running (Windows only).

    Returns:
        True when the mutex is held (Windows), False elsewhere or if Windows refused.
    """
    global _mutex
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR]
    # Not owned: the installer only asks whether it exists. A second process opens the same
    # mutex (ERROR_ALREADY_EXISTS), which is what two processes running should do.
    _mutex = kernel32.CreateMutexW(None, False, MUTEX_NAME)
    return bool(_mutex)
