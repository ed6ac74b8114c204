"""Bulk import into an empty on-disk store: Oxigraph's bulk loader, with entailments.

:class:`BulkImport` gives :class:`graphkit.store.disk.Store` its :meth:`~BulkImport.bulk_import`:
an N-Quads or N-Triples file is read a piece at a time, cut at line ends, and the pieces are
loaded side by side (memory holds a few pieces, never the file), while the entailments are
worked out from the lines that hold a relation.

Examples:
    >>> import tempfile
    >>> from graphkit.store import open_store, write_rdf
    >>> from graphkit.examples import example_dataset
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_rdf(example_dataset(), folder / "all.nq")
    >>> with open_store(folder / "store") as store:
    ...     store.bulk_import(folder / "all.nq") > 0
    True
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox

from graphkit.errors import StoreError
from graphkit.store import snapshots as snap
from graphkit.store.listing import ArticleListing
from graphkit.store.sparql import PREFIXES

_MIN_PIECE_BYTES = 4 << 20
"""A bulk import loads a file in pieces side by side only if each gets at least this much."""
_MAX_PIECE_BYTES = 128 << 20
"""A bulk import reads and loads at most this much of a file at a time: memory holds one
piece a thread and the one being read, whatever the size of the file."""


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _pieces(handle: BinaryIO, size: int) -> Iterator[bytes]:
    """The bytes of an open file about ``size`` at a time, each piece ending at a line end.

    Examples:
        >>> import io
        >>> list(_pieces(io.BytesIO(b"a\\nbb\\nccc\\n"), 3))
        [b'a\\nbb\\n', b'ccc\\n']

    Raises:
        MemoryError: a line is longer than the RDF parser takes (it would be read whole).
    """
    from graphkit.store.formats import PARSER_LIMIT

    while data := handle.read(size):
        if not data.endswith(b"\n"):
            rest = handle.readline(PARSER_LIMIT + 1)
            if len(rest) > PARSER_LIMIT:
                raise MemoryError
            data += rest
        yield data


def _has_blank_nodes(path: Path) -> bool:
    """True if the file may hold a blank node (``_:`` anywhere), read a block at a time."""
    tail = b""
    with path.open("rb") as handle:
        while block := handle.read(_MAX_PIECE_BYTES):
            if b"_:" in tail + block[:1] or b"_:" in block:
                return True
            tail = block[-1:]
    return False


class BulkImport(ArticleListing):
    """The bulk import of :class:`graphkit.store.disk.Store` (its only subclass)."""

    if TYPE_CHECKING:
        path: Path
        _ox: Any

        def ensure_ontology(self) -> None: ...
        def _check_writable(self) -> None: ...
        def _mark_dirty(self) -> None: ...
        def _update(self, sparql: str, *, name: str = "store update") -> None: ...

    def bulk_import(self, path: Path, *, threads: int | None = None) -> int:
        """Load a big RDF file into an empty store fast (no per-graph transactions), with
        entailments.

        Oxigraph's bulk loader writes the data files directly: several times faster than
        :meth:`load`, but not transactional, so it only fills an empty store; if it is
        interrupted, delete the folder and import again. An N-Quads or N-Triples file is read
        a piece at a time (at most 128 MB, cut at line ends) and the pieces are loaded side by
        side (``threads`` at a time, default: the processors this process may use), so memory
        holds a few pieces, not the file, while its entailments are worked out from the lines
        that hold a relation, without parsing the rest in Python (a file with blank nodes is
        streamed to the loader in one call, which keeps their labels apart, and its
        entailments read back from the store); the store's figures are then counted in full once
        (:mod:`graphkit.store.counts`). If the file is malformed,
        the store is emptied again and the error names the file's line. Returns the number
        of quads added (the figures left out).

        Raises:
            StoreError: the store already holds graphs.
            RDFParseError: the file is missing, empty or malformed.
        """
        from graphkit.store.formats import check_readable, format_for, ox_format, parse_error

        self._check_writable()
        if self.graph_names():
            msg = (
                f"bulk import needs an empty store and {self.path} has graphs; "
                "use Store.load(path) to add to it"
            )
            raise StoreError(msg)
        path = Path(path)
        check_readable(path)
        rdf_format = ox_format(format_for(path))
        marker = self.path / snap.IMPORTING
        marker.touch()
        self._mark_dirty()
        before = len(self._ox)
        try:
            if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
                self._import_lines(path, rdf_format, threads or _usable_cpus())
            else:
                self._ox.bulk_load(path=str(path), format=rdf_format)
                self._import_entailments()
        except (SyntaxError, OSError, ValueError, MemoryError) as err:
            self._ox.clear()  # the store was empty: leave it so
            self.ensure_ontology()
            marker.unlink()
            raise parse_error(err, path) from None
        self._lay_out_relations()
        added = len(self._ox) - before
        self._count_once()
        marker.unlink()
        return added

    def _lay_out_relations(self) -> None:
        """After a bulk import of article graphs holding their relation triples (the layout of
        ``graphkit extract`` files), move those triples into the relations graph."""
        from graphkit.store.relations import RELATIONS_GRAPH, rebuild_update, relation_iris

        rels = " ".join(f"<{p}>" for p in sorted(relation_iris()))
        ask = (
            f"ASK {{ VALUES ?p {{ {rels} }} GRAPH ?g {{ ?s ?p ?o . ?e rdf:subject ?s ; "
            f"rdf:predicate ?p ; rdf:object ?o }} FILTER(?g != <{RELATIONS_GRAPH}>) }}"
        )
        if self._ox.query(ask, prefixes=PREFIXES):
            self._update(rebuild_update(), name="relations graph")

    def _count_once(self) -> None:
        """Count the imported store in full, once, and keep the figures: the bulk loader
        writes no transactions the figures could be carried across
        (:mod:`graphkit.store.counts`)."""
        from graphkit.store.counts import figures_update, store_counts

        self._update(figures_update(store_counts(self._ox)), name="figures")

    def _import_lines(self, path: Path, rdf_format: Any, threads: int) -> None:
        """Bulk-load an N-Quads/N-Triples file a piece at a time, ``threads`` pieces side by
        side, with entailments.

        Each piece is one batch of the bulk loader (fewer batches leave fewer data files
        for queries to look through, hence pieces as big as memory allows); the relation
        lines are gathered on this thread while the pieces load, and their entailments are
        loaded last.
        """
        from collections import deque
        from concurrent.futures import Future, ThreadPoolExecutor

        from graphkit.store.entail import lines_entailments, relation_lines

        if _has_blank_nodes(path):  # the bulk loader renames blank nodes per call: one call
            self._ox.bulk_load(path=str(path), format=rdf_format)
            self._import_entailments()
            return
        size = -(-path.stat().st_size // threads)
        size = min(_MAX_PIECE_BYTES, max(_MIN_PIECE_BYTES, size))

        def load(data: bytes, shift: int) -> None:
            try:
                self._ox.bulk_load(input=data, format=rdf_format)
            except SyntaxError as err:  # its line numbers count from the piece's first line
                text = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + shift}", str(err))
                raise SyntaxError(text) from None

        lines: list[bytes] | None = []
        loading: deque[Future[None]] = deque()
        shift = 0
        with ThreadPoolExecutor(max_workers=threads) as pool, path.open("rb") as handle:
            try:
                for data in _pieces(handle, size):
                    while len(loading) >= threads:
                        loading.popleft().result()
                    loading.append(pool.submit(load, data, shift))
                    shift += data.count(b"\n")
                    if lines is not None:  # meanwhile (the loader lets go of the GIL)
                        found = relation_lines(data)
                        lines = None if found is None else lines + found
                    del data
                for job in loading:
                    job.result()
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
        try:
            derived = None if lines is None else lines_entailments(lines, rdf_format)
        except SyntaxError:  # pragma: no cover - the loader took every line
            derived = None
        if derived is None:
            self._import_entailments()
        elif derived:
            self._ox.bulk_load(
                input=bytes(ox.serialize(derived, format=ox.RdfFormat.N_QUADS) or b""),
                format=ox.RdfFormat.N_QUADS,
            )

    def _import_entailments(self) -> None:
        """Bulk-load the entailments of the store's relation quads (read back from the store)."""
        from graphkit.store.entail import derived_quads, relation_predicates

        quads = [
            q
            for p in relation_predicates()
            for q in self._ox.quads_for_pattern(None, ox.NamedNode(p), None, None)
        ]
        derived = derived_quads(quads)
        if derived:
            self._ox.bulk_extend(derived)  # Oxigraph terms: blank nodes keep their identity
