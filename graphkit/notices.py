"""Warnings graphkit gives when it goes on with a repair the user should know about.

The command line prints each as one line on stderr (``graphkit build: warning: ...``).

Examples:
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("a.txt: 1 invalid UTF-8 byte(s) replaced", GraphkitWarning)
    >>> seen[0].category.__name__
    'GraphkitWarning'
"""

from __future__ import annotations


class GraphkitWarning(UserWarning):
    """Something was read with a repair the user should know about (e.g. bad bytes replaced)."""
