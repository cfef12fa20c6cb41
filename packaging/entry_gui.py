"""Entry script of the windowed executable `Lindungi` (PyInstaller, console=False).

With no subcommand `app.main.main()` opens the main window; a subcommand still works, but a
windowed Windows executable has no console (sys.stdout and sys.stderr are None), so scripts
and administrators use `lindungi-cli` instead.
"""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
