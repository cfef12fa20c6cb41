"""Entry script of the console executable `lindungi-cli` (PyInstaller, console=True).

The same program as `Lindungi`: subcommands (`selftest`, imports, exports...) print to the
console that started it, and exit codes reach the caller. With no subcommand it opens the
main window, like `Lindungi`, but keeps its console.
"""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
