"""Entry script of the console executable `lindungi-cli` (PyInstaller, console=True).

The same program as `Lindungi`: subcommands (`selftest`, imports, exports...) print to the
console that started it, and exit codes reach the caller. With no subcommand it opens the
main window, like `Lindungi`, but keeps its console.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # First thing: a child process of a print job (QR codes, app.cards.qrpool) started
    # with this executable runs its task here and exits, without importing the app.
    multiprocessing.freeze_support()
    from app.main import main

    sys.exit(main())
