"""Bulk import into an empty on-disk store: Oxigraph's bulk loader, with entailments.

:class:`BulkImport` gives :class:`graphkit.store.disk.Store` its :meth:`~BulkImport.bulk_import`:
an N-Quads or N-Triples file is cut at line ends into pieces loaded side by side, while the
entailments are worked out from the lines that hold a relation.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graphkit.errors import StoreError
from graphkit.store import snapshots as snap
from graphkit.store.listing import ArticleListing
from graphkit.store.sparql import PREFIXES

_MIN_PIECE_BYTES = 4 << 20
"""A bulk import loads a file in pieces side by side only if each gets at least this much."""


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _line_pieces(data: bytes, size: int) -> list[tuple[int, int]]:
    """(start, end) offsets cutting ``data`` into pieces of about ``size`` bytes at line ends.

    Examples:
        >>> _line_pieces(b"a\\nbb\\nccc\\n", 3)
        [(0, 5), (5, 9)]
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while start < len(data):
        cut = data.find(b"\n", min(start + size, len(data)) - 1)
        end = len(data) if cut < 0 else cut + 1
        pieces.append((start, end))
        start = end
    return pieces


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
        interrupted, delete the folder and import again. An N-Quads or N-Triples file is cut
        at line ends into pieces loaded side by side (``threads`` at a time, default: the
        processors this process may use) while its entailments are worked out from the lines
        that hold a relation, without parsing the rest in Python. If the file is malformed,
        the store is emptied again and the error names the file's line. Returns the number
        of quads added.

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
                self._import_lines(path.read_bytes(), rdf_format, threads or _usable_cpus())
            else:
                self._ox.bulk_load(path=str(path), format=rdf_format)
                self._import_entailments()
        except (SyntaxError, OSError, ValueError, MemoryError) as err:
            self._ox.clear()  # the store was empty: leave it so
            self.ensure_ontology()
            marker.unlink()
            raise parse_error(err, path) from None
        self._lay_out_relations()
        marker.unlink()
        return len(self._ox) - before

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

    def _import_lines(self, data: bytes, rdf_format: Any, threads: int) -> None:
        """Bulk-load N-Quads/N-Triples bytes in one piece per thread, with entailments.

        Each piece is one batch of the bulk loader (fewer batches leave fewer data files
        for queries to look through); the entailments, worked out on this thread while the
        first pieces load, go with the last piece.
        """
        from concurrent.futures import ThreadPoolExecutor

        from graphkit.store.entail import line_entailments

        # the bulk loader renames blank nodes per call, so a file with blank nodes is one piece
        count = 1 if b"_:" in data else max(1, min(threads, len(data) // _MIN_PIECE_BYTES))
        pieces = _line_pieces(data, -(-len(data) // count))

        def load(piece: tuple[int, int], extra: bytes = b"") -> None:
            start, end = piece
            try:
                self._ox.bulk_load(input=data[start:end] + extra, format=rdf_format)
            except SyntaxError as err:  # its line numbers count from the piece's first line
                shift = data.count(b"\n", 0, start)
                text = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + shift}", str(err))
                raise SyntaxError(text) from None

        with ThreadPoolExecutor(max_workers=len(pieces) or 1) as pool:
            loading = [pool.submit(load, piece) for piece in pieces[:-1]]
            try:  # meanwhile (the loader lets go of the GIL)
                derived = line_entailments(data, rdf_format)
            except SyntaxError:
                derived = None  # the loader reports the malformed line, with its number
            extra = (
                bytes(ox.serialize(derived, format=ox.RdfFormat.N_QUADS) or b"") if derived else b""
            )
            if (
                rdf_format == ox.RdfFormat.N_TRIPLES and extra
            ):  # N-Triples has no graphs: load them apart
                loading.append(
                    pool.submit(self._ox.bulk_load, input=extra, format=ox.RdfFormat.N_QUADS)
                )
                extra = b""
            if pieces:
                loading.append(pool.submit(load, pieces[-1], extra))
            for job in loading:
                job.result()
        if derived is None:
            self._import_entailments()

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
