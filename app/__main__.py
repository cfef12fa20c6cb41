"""`python -m app` is the same as the `lindungi` command."""

import sys

from app.main import main

sys.exit(main())
