"""The on-disk store: Oxigraph (RocksDB) in a folder, one transaction per article.

Writing an article (:meth:`Store.replace_article`) is one SPARQL Update, hence one
transaction: drop the article's graph and its ``<graph>/inferred`` companion, insert the new
graph (the article node and its evidence), and work the relations graph out again for the
pairs of entities its old and new evidence link, with their entailments
(:mod:`graphkit.store.relations`, :mod:`graphkit.store.entail`). A process killed in the middle
leaves the store as it was before that article. The ontology is kept in the graph
``<https://w3id.org/graphkit/ontology>``. See :mod:`graphkit.store.snapshots` for how readers
keep reading while a writer writes, and :mod:`graphkit.store.bulk` for the bulk import
that fills an empty store fast.

Examples:
    >>> import tempfile
    >>> from graphkit.store import open_store
    >>> from graphkit.examples import example_store
    >>> folder = example_store(Path(tempfile.mkdtemp()) / "store")
    >>> with open_store(folder, read_only=True) as store:
    ...     len(store.article_hashes())
    3
"""

from __future__ import annotations

import contextlib
import gc
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from graphkit.errors import StoreError
from graphkit.store import snapshots as snap
from graphkit.store.bulk import BulkImport
from graphkit.store.entail import ontology_triples, replace_graph
from graphkit.store.sparql import PREFIXES, QueryResult, execute
from graphkit.store.terms import (
    ONTOLOGY_GRAPH,
    OxStoreView,
    is_derived_graph,
    to_ox,
)

_GK = "https://w3id.org/graphkit/ontology#"
_ARTICLE_PREFIX = "https://w3id.org/graphkit/id/article/"
ENTITIES_GRAPH = "https://w3id.org/graphkit/id/graph/entities"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_MENTIONS = frozenset(
    {
        _GK + "subjectMention",
        _GK + "objectMention",
        _GK + "mentions",
        _RDF + "subject",
        _RDF + "object",
    }
)


class Store(BulkImport):
    """An open on-disk store; use :func:`open_store` to get one, and close it (or use ``with``).

    A store opened for writing owns the folder's writer lock; one opened read-only reads the
    newest published snapshot (:meth:`refresh` moves to a newer one).
    """

    def __init__(
        self,
        path: Path,
        ox_store: Any,
        *,
        read_only: bool,
        lock: snap.FileLock,
        snapshot: Path | None = None,
        publish_every: float = 5.0,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.publish_every = publish_every
        self._ox = ox_store
        self._lock = lock
        self._snapshot = snapshot
        self._last_publish = time.monotonic()
        self._dirty = False

    # reading ------------------------------------------------------------------------------
    @property
    def ox(self) -> Any:
        """The underlying ``pyoxigraph.Store`` (all graphs, derived ones included)."""
        self._check_open()
        return self._ox

    @property
    def snapshot(self) -> Path | None:
        """The snapshot a read-only store reads (None for a store opened for writing)."""
        return self._snapshot

    def dataset(self, *, derived: bool = False) -> Dataset:
        """An rdflib Dataset (``default_union=True``) over the store, for reading and analysis.

        Args:
            derived: also show the entailment and ontology graphs through the rdflib API.
        """
        from graphkit.graph import bind_prefixes

        ds = Dataset(store=OxStoreView(self.ox, owner=self, derived=derived), default_union=True)
        bind_prefixes(ds)
        return ds

    def graph_names(self, *, derived: bool = False) -> list[str]:
        """Names of the named graphs holding triples, sorted; without derived graphs unless
        ``derived`` (a graph left empty, such as the relations graph once its last fact is
        gone, is not listed)."""
        return [
            name
            for name in super().graph_names(derived=derived)
            if next(iter(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(name))), None)
        ]

    def query(self, sparql: str, **options: Any) -> QueryResult:
        """Run a read-only SPARQL query over every graph (entailments and ontology included)."""
        return execute(self.ox, sparql, **options)

    # writing ------------------------------------------------------------------------------
    def replace_article(self, graph_iri: URIRef, graph: Graph) -> None:
        """Replace an article's graph in one transaction, relations graph included.

        Drops the old graph and its ``<graph>/inferred`` companion and adds ``graph``; the
        relation triples its evidence supports go to the relations graph
        (:mod:`graphkit.store.relations`), each once, with their entailments. Readers see
        the old state or the new one, never a mix.
        """
        name = self._graph_name(graph_iri)
        self._write_article(name, self._ox_triples(graph_iri, graph))
        self._maybe_publish()

    def add_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Add or replace a non-article graph (e.g. entity resolution) as a whole, in one
        transaction."""
        self._replace(graph_iri, graph)

    def apply(self, plan: Any) -> None:
        """Run a resolution step (:class:`graphkit.merge.resolver.Plan`) in one transaction."""
        sparql = plan.update(store=self.ox)
        if sparql:
            self._update(sparql, name="entity resolution")
        self._maybe_publish()

    def remove_article(self, graph_iri: URIRef) -> bool:
        """Remove an article's graph, its entailments and the relation triples only it supported,
        in one transaction; False if absent."""
        name = self._graph_name(graph_iri)
        present = self.ox.contains_named_graph(name)
        self._write_article(name, [])
        return bool(present)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update as is (no entailments added) in one transaction, then publish.

        The store's kept figures (:mod:`graphkit.store.counts`) are dropped in the same
        transaction (the update may change anything): the next build counts them once.
        """
        from graphkit.store.counts import FORGET

        self._update(f"{FORGET} ;\n{sparql}", name="update")
        self.publish()

    def keep_counts(self, figures: dict[str, int]) -> None:
        """Keep these figures (:func:`graphkit.store.counts.kept_counts`) in the store."""
        from graphkit.store.counts import figures_update

        self._update(figures_update(figures), name="figures")

    def load(self, path: Path) -> int:
        """Import an RDF file, one transaction per graph (each replaced as a whole, with
        entailments).

        Returns the number of graphs written. Triples outside named graphs (a Turtle file) are
        added to the default graph, their entailments to
        ``<https://w3id.org/graphkit/id/default/inferred>``.

        Article graphs are written as the file has them, with the descriptions of their
        entities (from the file's entities graph) and a ``gk:pendingArticle`` mark, in one
        transaction each; entity resolution then runs article by article (each step clears
        its mark), so a process killed during it leaves marks that the next open finishes.
        """
        from graphkit.store.formats import iter_file_quads

        by_graph: dict[Any, list[Any]] = {}
        for q in iter_file_quads(Path(path)):
            by_graph.setdefault(q.graph_name, []).append(
                ox.Triple(q.subject, q.predicate, q.object)
            )
        about: dict[Any, list[Any]] = {}
        for t in by_graph.pop(ox.NamedNode(ENTITIES_GRAPH), []):
            about.setdefault(t.subject, []).append(t)
        for name, triples in by_graph.items():
            if isinstance(name, ox.DefaultGraph):
                from graphkit.store.entail import derived_quads

                self._check_writable()
                self._mark_dirty()
                quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
                self._ox.extend(quads + derived_quads(quads))
            elif name.value.startswith(_ARTICLE_PREFIX) and not is_derived_graph(name.value):
                used = {t.object for t in triples if t.predicate.value in _MENTIONS}
                described = [d for u in sorted(used, key=str) for d in about.get(u, [])]
                mark = f"<{ENTITIES_GRAPH}> <{_GK}pendingArticle> <{name.value}>"
                then = f" ;\nINSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ {mark} }} }}"
                self._write_article(name, triples + described, then=then)
            else:
                self._write(name, triples, entail=True)
        from graphkit.merge import resolve_store

        resolve_store(self)
        self._maybe_publish()
        return len(by_graph)

    def _replace(self, graph_iri: URIRef, graph: Graph) -> None:
        name = self._graph_name(graph_iri)
        self._write(name, self._ox_triples(graph_iri, graph), entail=True)
        self._maybe_publish()

    @staticmethod
    def _ox_triples(graph_iri: URIRef, graph: Graph) -> list[Any]:
        try:
            return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
        except ValueError as err:
            msg = f"cannot store graph <{graph_iri}>: {err}"
            raise StoreError(msg) from None

    def _write_article(self, name: Any, triples: list[Any], *, then: str = "") -> None:
        from graphkit.store.relations import write_articles

        self._update(write_articles(self._ox, {name.value: triples}) + then)

    def _write(self, name: Any, triples: list[Any], *, entail: bool, then: str = "") -> None:
        sparql = replace_graph(name.value, triples, entail=entail) + then
        if name.value != ONTOLOGY_GRAPH:  # any graph can hold what the figures count
            from graphkit.store.counts import FORGET

            sparql = f"{FORGET} ;\n{sparql}"
        self._update(sparql)

    def _update(self, sparql: str, *, name: str = "store update") -> None:
        self._check_writable()
        self._mark_dirty()
        try:
            self._ox.update(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            from graphkit.store.sparql import syntax_error

            raise syntax_error(err, sparql, name=name, update=True) from None
        except OSError as err:
            msg = (
                f"cannot write to the store at {self.path}: {err}; "
                "check the disk space and permissions"
            )
            raise StoreError(msg) from None

    def _graph_name(self, graph_iri: URIRef | str) -> Any:
        try:
            return ox.NamedNode(str(graph_iri))
        except ValueError:
            msg = f"invalid graph IRI {str(graph_iri)!r}; graphs are named by absolute IRIs"
            raise StoreError(msg) from None

    def _mark_dirty(self) -> None:
        if not self._dirty:
            (self.path / snap.UNPUBLISHED).touch()
            self._dirty = True

    def _maybe_publish(self) -> None:
        if self._dirty and time.monotonic() - self._last_publish >= self.publish_every:
            self.publish()

    def publish(self) -> Path | None:
        """Make the committed state visible to readers now (a new snapshot); writers only."""
        if self.read_only:
            return None
        self._check_open()
        try:
            path = snap.publish(self._ox, self.path)
        except OSError as err:
            msg = f"cannot publish a snapshot of {self.path}: {err}; check the disk space"
            raise StoreError(msg) from None
        self._dirty = False
        self._last_publish = time.monotonic()
        return path

    def ensure_ontology(self) -> None:
        """Load ``ontology/graphkit.ttl`` into its graph unless the same version is there."""
        from graphkit.store.entail import ontology_digest

        digest = ontology_digest()  # of the file: parsed triples carry fresh blank-node ids
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        marker = ox.Triple(graph, ox.NamedNode(_GK + "contentHash"), ox.Literal(digest))
        if ox.Quad(marker.subject, marker.predicate, marker.object, graph) in self._ox:
            return
        self._write(graph, [*ontology_triples(), marker], entail=False)

    # lifecycle ----------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Read-only stores: switch to the newest published snapshot; True if it changed."""
        if not self.read_only:
            return False
        self._check_open()
        newest = snap.latest(self.path)
        if newest is None or newest == self._snapshot:
            return False
        opened = snap.open_latest(self.path)
        if opened is None:
            return False
        path, lock = opened
        try:
            store = ox.Store.read_only(str(path))
        except OSError:
            lock.release()
            return False
        old, old_path = self._lock, self._snapshot
        self._ox, self._snapshot, self._lock = store, path, lock
        snap.release(self.path, old_path, old)
        return True

    def _check_open(self) -> None:
        if self._ox is None:
            msg = f"the store at {self.path} is closed; open it again with open_store()"
            raise StoreError(msg)

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            msg = (
                f"the store at {self.path} is open read-only; "
                "open it with open_store(path) to write"
            )
            raise StoreError(msg)

    def close(self) -> None:
        """Publish pending writes (writers), release the locks; safe to call twice."""
        if self._ox is None:
            return
        try:
            if not self.read_only and self._dirty:
                self.publish()
        finally:
            self._ox = None
            # rdflib views of the store sit in reference cycles; collect them so RocksDB's
            # lock is released now, not whenever the collector runs
            gc.collect()
            if self.read_only:
                snap.release(self.path, self._snapshot, self._lock)
            else:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<graphkit Store {str(self.path)!r} {mode}>"
