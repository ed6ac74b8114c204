"""``python -m graphkit.cli`` runs the command line (as ``python -m graphkit`` does)."""

import sys

from graphkit.cli import main

sys.exit(main())
