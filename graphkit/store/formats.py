"""RDF files in and out: TriG, N-Quads, Turtle, N-Triples and JSON-LD, parsed by Oxigraph.

Reading never touches the network: a JSON-LD ``@context`` given as a URL is an error (inline
the context instead). Triples of a format without named graphs (Turtle, N-Triples) land in
the default graph; writing a Dataset to such a format writes the union of its graphs. Every
write goes to a temporary file in the target folder first and is renamed over the target,
so a reader never sees half a file.

Examples:
    >>> import tempfile
    >>> from graphkit.examples import example_dataset
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_rdf(example_dataset(), folder / "x.trig")
    >>> ds = read_rdf(folder / "x.trig")
    >>> len(list(ds.graphs())) > 1
    True
    >>> format_for(Path("x.rdf"))  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: cannot tell the RDF format of 'x.rdf' from its extension;
    use one of .trig, .nq, .ttl, .nt, .jsonld
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graphkit.errors import InputError, RDFParseError
from graphkit.store.sparql import RDF_PREFIXES
from graphkit.store.terms import OxStoreView, dataset_quads, from_ox, from_ox_graph

FORMATS: dict[str, str] = {
    ".trig": "trig",
    ".nq": "nquads",
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "json-ld",
}
"""File extension -> RDF format name."""

_OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
}
_ALIASES = {
    "nq": "nquads",
    "ttl": "turtle",
    "nt": "ntriples",
    "jsonld": "json-ld",
    "n-quads": "nquads",
    "n-triples": "ntriples",
}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}


def format_for(path: Path) -> str:
    """The RDF format name of a file, from its extension.

    Raises:
        InputError: for an extension graphkit does not read or write, naming the supported ones.
    """
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        msg = (
            f"cannot tell the RDF format of '{path}' from its extension; "
            f"use one of {', '.join(FORMATS)}"
        )
        raise InputError(msg)
    return fmt


def ox_format(fmt: str) -> Any:
    """The ``pyoxigraph.RdfFormat`` of a format name or extension ("trig", "ttl", ...)."""
    name = _ALIASES.get(fmt.lower().lstrip("."), fmt.lower().lstrip("."))
    if name not in _OX_FORMATS:
        msg = f"unknown RDF format {fmt!r}; use one of {', '.join(_OX_FORMATS)}"
        raise InputError(msg)
    return _OX_FORMATS[name]


def check_readable(path: Path) -> None:
    """Raise RDFParseError for a missing, folder, empty or binary file."""
    if not path.exists():
        msg = f"cannot read '{path}': no such file; check the path"
        raise RDFParseError(msg)
    if path.is_dir():
        msg = f"cannot read '{path}': it is a folder; give an RDF file ({', '.join(FORMATS)})"
        raise RDFParseError(msg)
    with path.open("rb") as handle:
        head = handle.read(8192)
    if not head.strip():
        msg = f"'{path}' is empty; give a non-empty RDF file or re-export it"
        raise RDFParseError(msg)
    if b"\x00" in head:
        msg = f"'{path}' is a binary file, not RDF text; give a {', '.join(FORMATS)} file"
        raise RDFParseError(msg)


PARSER_LIMIT = 16 * 1024 * 1024
"""Oxigraph's parser buffer: no line (N-Triples, N-Quads) or token may be longer."""


def parse_error(err: BaseException, path: Path | str) -> RDFParseError:
    """A one-line RDFParseError naming the file, the position and the fix."""
    text = " ".join(str(err).split())
    if isinstance(err, MemoryError) or "buffer maximal size" in text:
        return RDFParseError(
            f"'{path}' has a line or term longer than the RDF parser's limit of "
            f"{PARSER_LIMIT:,} bytes (16 MB); split the long literal or line, or store the text "
            "elsewhere and link to it"
        )
    if "LoadDocumentCallback" in text or "remote context" in text.lower():
        return RDFParseError(
            f"'{path}': its JSON-LD @context is a URL and graphkit never fetches remote contexts; "
            "inline the context in the file"
        )
    m = re.match(r"Parser error (?:at|between) line (\d+)(.*?): (.*)", text)
    if m:
        line, detail = m.group(1), m.group(3)
        col = re.search(r"column[s]? (\d+)", m.group(2))
        where = f"line {line}" + (f", column {col.group(1)}" if col else "")
        return RDFParseError(f"'{path}' {where}: {detail}; fix the file or re-export it")
    return RDFParseError(f"cannot parse '{path}': {text}; fix the file or re-export it")


def iter_file_quads(path: Path, *, fmt: str | None = None) -> Iterator[Any]:
    """Oxigraph quads of an RDF file (blank nodes renamed apart), checked and with clear errors."""
    path = Path(path)
    check_readable(path)
    rdf_format = ox_format(fmt) if fmt else ox_format(format_for(path))
    try:
        yield from ox.parse(path=str(path), format=rdf_format, rename_blank_nodes=True)
    except SyntaxError as err:
        raise parse_error(err, path) from None
    except (OSError, ValueError, MemoryError) as err:
        raise parse_error(err, path) from None


def read_rdf(path: Path, *, into: Dataset | None = None) -> Dataset:
    """Read an RDF file into a Dataset (a new in-memory one unless ``into`` is given).

    Args:
        path: a .trig, .nq, .ttl, .nt or .jsonld file.
        into: add to this Dataset instead of a new one.

    Returns:
        The Dataset (``default_union=True``); triple formats fill its default graph.

    Raises:
        RDFParseError: a missing, empty, binary or malformed file (with line and column),
            a JSON-LD file with a remote ``@context``, or a file with no triples.
    """
    from graphkit.graph import new_dataset

    ds = into if into is not None else new_dataset()
    quads = iter_file_quads(Path(path))
    count = 0
    if isinstance(ds.store, OxStoreView):
        batch = list(quads)
        ds.store.ox.extend(batch)
        count = len(batch)
    else:
        graphs: dict[Any, Graph] = {}

        def rdflib_quads() -> Iterator[Any]:
            nonlocal count
            for q in quads:
                count += 1
                g = graphs.get(q.graph_name)
                if g is None:
                    identifier = from_ox_graph(q.graph_name)
                    g = ds.graph(identifier)
                    graphs[q.graph_name] = g
                yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), g

        ds.store.addN(rdflib_quads())
    if count == 0:
        msg = f"'{path}' holds no triples; check that it is the file you meant"
        raise RDFParseError(msg)
    return ds


def _serialize(ds: Graph, fmt: str, output: Any, *, derived: bool) -> Any:
    rdf_format = ox_format(fmt)
    quads: Any = dataset_quads(ds, derived=derived)
    if not isinstance(ds.store, OxStoreView):
        # An in-memory Dataset lists its quads in hash order: sorted, each graph and each
        # subject is written as one block, and the same graph gives the same text every time.
        quads = sorted(quads, key=_quad_key)
    if rdf_format.supports_datasets:
        return ox.serialize(quads, output, rdf_format, prefixes=RDF_PREFIXES)
    triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    return ox.serialize(triples, output, rdf_format, prefixes=RDF_PREFIXES)


def _quad_key(quad: Any) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def dataset_to_string(ds: Graph, fmt: str = "trig", *, derived: bool = False) -> str:
    """Serialize a Dataset (or Graph) to text in ``fmt`` (trig, nquads, turtle, ntriples, json-ld).

    A store view's derived graphs (entailments, ontology) are left out unless ``derived``.

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> "gk:metWith" in dataset_to_string(example_dataset(), "trig")
        True
    """
    return bytes(_serialize(ds, fmt, None, derived=derived) or b"").decode("utf-8")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path`` in one rename.

    The file gets the usual permissions (0666 less the umask). On error the temporary file is
    removed and ``path`` is left as it was.

    Raises:
        InputError: the folder cannot be created or written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        msg = f"cannot write '{path}': {err.strerror or err}; check the folder is writable"
        raise InputError(msg) from None
    os.close(fd)
    try:
        yield Path(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then move it onto ``path``
    (see :func:`atomic_path`); for writers that want a file name, not a handle.

    Raises:
        InputError: the folder cannot be created or written.

    Examples:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "x.txt"
        >>> write_atomic(out, lambda tmp: tmp.write_text("ok")).read_text()
        'ok'
    """
    with atomic_path(path) as tmp:
        write(tmp)
    return path


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as tmp:
        tmp.write_bytes(raw)


def write_rdf(ds: Graph, path: Path, *, derived: bool = False) -> None:
    """Write a Dataset to an RDF file, its format from the extension, atomically.

    Args:
        ds: an rdflib Dataset or Graph (a store view writes only its asserted graphs unless
            ``derived``).
        path: target file: .trig, .nq, .ttl, .nt or .jsonld (Turtle and N-Triples get the
            union of the graphs).
        derived: also write a store's entailment and ontology graphs.

    Raises:
        InputError: unknown extension, or the folder cannot be written.
    """
    fmt = format_for(Path(path))
    try:
        with atomic_path(Path(path)) as tmp:
            _serialize(ds, fmt, str(tmp), derived=derived)
    except OSError as err:
        msg = (
            f"cannot write '{path}': {err.strerror or err}; check the folder exists and is writable"
        )
        raise InputError(msg) from None
    except ValueError as err:
        msg = f"cannot write '{path}': {err}; the file was left as it was"
        raise InputError(msg) from None
