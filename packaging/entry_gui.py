"""Entry script of the windowed executable `Lindungi` (PyInstaller, console=False).

With no subcommand `app.main.main()` opens the main window; a subcommand still works, but a
windowed Windows executable has no console (sys.stdout and sys.stderr are None), so scripts
and administrators use `lindungi-cli` instead.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # First thing: a child process of a print job (QR codes, app.cards.qrpool) started
    # with this executable runs its task here and exits, without importing the app.
    multiprocessing.freeze_support()
    from app.main import main

    sys.exit(main())
