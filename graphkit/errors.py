"""One error hierarchy; every message says what went wrong and how to fix it.

The command line turns a :class:`GraphkitError` into a one-line message and exit code 2
(bad input) without a traceback. ``build`` and ``extract`` skip an input they cannot use (a
file, a JSON Lines record, a URL), report it on stderr and exit with
:data:`EXIT_SKIPPED` once the rest is built (``--strict`` makes any skipped input an error).
A message names the Python parameter that fixes the problem (``strict=True``, ``focus=NAME``);
the command line shows it with its own flag (:mod:`graphkit.cli.flags`).

Examples:
    >>> from graphkit.errors import InputError
    >>> str(InputError("cannot read 'x.txt': no such file; check the path"))
    "cannot read 'x.txt': no such file; check the path"
"""

from __future__ import annotations

EXIT_OK = 0
"""Everything asked for was done."""
EXIT_FINDING = 1
"""A finding, such as a graph that does not conform to the SHACL shapes."""
EXIT_BAD_INPUT = 2
"""Bad input or a failure: nothing (or nothing more) was written."""
EXIT_SKIPPED = 3
"""Built, but some inputs (files, records, URLs) were skipped; each is reported on stderr."""


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose."""

    exit_code = 2


class InputError(GraphkitError):
    """An input file or argument cannot be used (missing, empty, binary, malformed)."""


class ScoredOnlyError(InputError):
    """An evaluation set marked scored-only (a ``SCORED_ONLY`` file) was asked for its misses."""


class FetchError(InputError):
    """A URL cannot be fetched (refused by a safety rule, failed, too big, not text)."""


class RDFParseError(InputError):
    """An RDF file could not be parsed."""


class QueryError(GraphkitError):
    """A SPARQL query is malformed or failed."""


class StoreError(GraphkitError):
    """The on-disk store cannot be opened or written."""


class ExportError(GraphkitError):
    """An export could not be written as its format requires (a record breaks its schema)."""


class TermError(StoreError, ValueError):
    """An RDF term the store cannot hold or give back (RDF-star, an unknown kind of term).

    Also a ValueError, as the conversions that raise it are value conversions.
    """


class ModelError(GraphkitError):
    """The spaCy model cannot be loaded."""


class ClusterError(GraphkitError):
    """A Dask cluster cannot be reached or used, or a task failed for good."""
