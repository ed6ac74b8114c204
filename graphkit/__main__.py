"""``python -m graphkit`` runs the command line."""

import sys

from graphkit.cli import main

sys.exit(main())
