"""graphkit: knowledge graphs of who did what to whom, from news articles.

Importing graphkit does no work: the spaCy model and the stores load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
