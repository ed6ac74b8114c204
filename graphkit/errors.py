"""One error hierarchy; every message says what went wrong and how to fix it.

The command line turns a :class:`GraphkitError` into a one-line message and exit code 2
(bad input) without a traceback.

Examples:
    >>> from graphkit.errors import InputError
    >>> str(InputError("cannot read 'x.txt': no such file; check the path"))
    "cannot read 'x.txt': no such file; check the path"
"""

from __future__ import annotations


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose."""

    exit_code = 2


class InputError(GraphkitError):
    """An input file or argument cannot be used (missing, empty, binary, malformed)."""


class RDFParseError(InputError):
    """An RDF file could not be parsed."""


class QueryError(GraphkitError):
    """A SPARQL query is malformed or failed."""


class StoreError(GraphkitError):
    """The on-disk store cannot be opened or written."""


class ExportError(GraphkitError):
    """An export could not be written as its format requires (a record breaks its schema)."""


class ModelError(GraphkitError):
    """The spaCy model cannot be loaded."""


class ValidationFailed(GraphkitError):
    """A graph does not conform to the SHACL shapes (a finding, exit code 1)."""

    exit_code = 1
