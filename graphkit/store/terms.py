"""rdflib <-> Oxigraph terms, and the rdflib view of an Oxigraph store.

rdflib writes plain literals (``Literal("Petro")``) where Oxigraph reads ``xsd:string``; the
conversions here map one to the other so that triples read back from a store compare equal to
the ones written, and sets of them behave.

Examples:
    >>> from rdflib import Literal
    >>> to_ox(Literal("Petro"))
    <Literal value=Petro datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> from_ox(to_ox(Literal("Petro"))) == Literal("Petro")
    True
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from graphkit.errors import TermError
from graphkit.vocab import GK_IRI, ID_BASE

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
ONTOLOGY_GRAPH = GK_IRI.rstrip("#")
"""Name of the graph that holds ``ontology/graphkit.ttl`` inside a store."""
INFERRED_SUFFIX = "/inferred"
STATS_GRAPH = ID_BASE + "graph/stats"
"""The graph where a store keeps its figures (:mod:`graphkit.store.counts`)."""


def inferred_graph(graph_iri: str) -> str:
    """The name of the companion graph that holds the entailments of ``graph_iri``.

    Examples:
        >>> inferred_graph("https://w3id.org/graphkit/id/article/a-1")
        'https://w3id.org/graphkit/id/article/a-1/inferred'
    """
    return str(graph_iri) + INFERRED_SUFFIX


def is_derived_graph(graph_iri: object) -> bool:
    """True for graphs the store derives (entailments, ontology, figures), False for asserted
    ones.

    Examples:
        >>> is_derived_graph("https://w3id.org/graphkit/id/article/a-1/inferred")
        True
        >>> is_derived_graph("https://w3id.org/graphkit/id/article/a-1")
        False
    """
    name = str(graph_iri)
    return name.endswith(INFERRED_SUFFIX) or name in (ONTOLOGY_GRAPH, STATS_GRAPH)


def to_ox(term: Node) -> Any:
    """Convert an rdflib term (URIRef, BNode, Literal) to an Oxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    msg = f"cannot store the term {term!r}: only IRIs, blank nodes and literals are supported"
    raise TermError(msg)


def to_ox_graph(graph_id: Node | None) -> Any:
    """Convert an rdflib graph identifier (the default graph included) to an Oxigraph one."""
    if graph_id is None or graph_id == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_ox(graph_id)


def from_ox(term: Any) -> Node:
    """Convert an Oxigraph term to rdflib; ``xsd:string`` literals become plain literals.

    Terms seen lately are answered from a cache (terms are immutable on both sides): entity
    resolution reads the same names, keys and IRIs back at every article, and building an
    rdflib literal costs some twenty times a look-up.
    """
    return _from_ox_cached(term) if type(term) in _CACHED else _from_ox(term)


def _from_ox(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    msg = f"cannot convert {term!r} to rdflib (RDF-star triples are not supported)"
    raise TermError(msg)


_FROM_OX_CACHE = 1 << 16
"""Oxigraph terms :func:`from_ox` keeps converted (a few MB at most)."""
_from_ox_cached = functools.lru_cache(maxsize=_FROM_OX_CACHE)(_from_ox)
_CACHED = frozenset({ox.NamedNode, ox.BlankNode, ox.Literal})


def from_ox_graph(graph_name: Any) -> Any:
    """Convert an Oxigraph graph name to an rdflib graph identifier."""
    if isinstance(graph_name, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    return from_ox(graph_name)


def dataset_quads(ds: Graph, *, derived: bool = True) -> Iterator[Any]:
    """Every quad of an rdflib Dataset (or triple of a Graph) as Oxigraph quads.

    With ``derived=False`` the entailment and ontology graphs of a store view are left out.
    """
    view = ds.store
    if isinstance(view, OxStoreView):
        for quad in view.ox.quads_for_pattern(None, None, None, None):
            if derived or not is_derived_graph(_graph_value(quad.graph_name)):
                yield quad
        return
    if not ds.context_aware:
        graph = to_ox_graph(ds.identifier)
        for s, p, o in ds:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)
        return
    for s, p, o, g in ds.quads((None, None, None, None)):  # type: ignore[attr-defined]
        name = g.identifier if isinstance(g, Graph) else g
        if derived or not is_derived_graph(name):
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox_graph(name))


def _graph_value(graph_name: Any) -> str:
    return "" if isinstance(graph_name, ox.DefaultGraph) else str(graph_name.value)


def _pattern(term: Node | None) -> Any:
    return None if term is None else to_ox(term)


class OxStoreView(OxigraphStore):
    """An rdflib store over an Oxigraph store, as the union of its graphs rdflib expects.

    Differences from oxrdflib's store: a triple held by several graphs is listed once (with
    all its graphs) in the union, literals read back as rdflib writes them, and unless
    ``derived`` is true the store's derived graphs (``<graph>/inferred`` entailments and the
    ontology) are hidden from the rdflib API. SPARQL through rdflib's ``query()`` then runs on
    rdflib's own engine over that filtered view; :func:`graphkit.query.run_query` runs on
    Oxigraph and sees everything.
    """

    def __init__(self, store: Any, *, owner: Any = None, derived: bool = False) -> None:
        # a view of an owned store keeps no reference of its own: closing the owner frees
        # the database (and its lock) even while views are still around
        super().__init__(store=None if owner is not None else store)
        self._fixed = None if owner is not None else store
        self.owner = owner
        """The :class:`graphkit.store.Store` this view reads (it follows its refreshes), if any."""
        self.derived = derived

    @property
    def ox(self) -> Any:
        """The Oxigraph store read now (the owner's current snapshot when there is an owner)."""
        return self.owner.ox if self.owner is not None else self._fixed

    @property
    def _inner(self) -> Any:
        return self.ox

    def _visible(self, graph_name: Any) -> bool:
        return self.derived or not is_derived_graph(_graph_value(graph_name))

    def triples(self, triple_pattern: Any, context: Graph | None = None) -> Any:  # type: ignore[override]
        s, p, o = triple_pattern
        try:
            pattern = (_pattern(s), _pattern(p), _pattern(o))
        except ValueError:
            return iter(())
        if context is not None and context.identifier != DATASET_DEFAULT_GRAPH_ID:
            graph = to_ox_graph(context.identifier)
            return (
                ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)), iter((context,)))
                for q in self.ox.quads_for_pattern(*pattern, graph)
            )
        if context is not None:
            return (
                ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)), iter((context,)))
                for q in self.ox.quads_for_pattern(*pattern, ox.DefaultGraph())
            )
        return self._union_triples(pattern)

    def _union_triples(self, pattern: tuple[Any, Any, Any]) -> Iterator[Any]:
        grouped: dict[tuple[Any, Any, Any], list[Any]] = {}
        for q in self.ox.quads_for_pattern(*pattern, None):
            if self._visible(q.graph_name):
                grouped.setdefault((q.subject, q.predicate, q.object), []).append(q.graph_name)
        for (s, p, o), graphs in grouped.items():
            contexts = [Graph(store=self, identifier=from_ox_graph(g)) for g in graphs]
            yield (from_ox(s), from_ox(p), from_ox(o)), iter(contexts)

    def __len__(self, context: Graph | None = None) -> int:  # type: ignore[override]
        if context is not None and context.identifier != DATASET_DEFAULT_GRAPH_ID:
            graph = to_ox_graph(context.identifier)
            return sum(1 for _ in self.ox.quads_for_pattern(None, None, None, graph))
        if context is not None:
            return sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return sum(1 for _ in self._union_triples((None, None, None)))

    def contexts(self, triple: Any = None) -> Any:  # type: ignore[override]
        if triple is None:
            names: Iterable[Any] = self.ox.named_graphs()
        else:
            try:
                pattern = tuple(_pattern(t) for t in triple)
            except ValueError:
                return iter(())
            names = {q.graph_name for q in self.ox.quads_for_pattern(*pattern, None)}
        return (
            Graph(store=self, identifier=from_ox_graph(g))
            for g in names
            if not isinstance(g, ox.DefaultGraph) and self._visible(g)
        )

    def add_graph(self, graph: Graph) -> None:
        """Named graphs exist by holding triples.

        Asking for one (``ds.graph(iri)``) writes nothing.
        """
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            return
        name = to_ox_graph(graph.identifier)
        if self.ox.contains_named_graph(name):
            return
        with contextlib.suppress(OSError, RuntimeError):  # read-only: the graph is just empty
            self.ox.add_graph(name)

    def query(
        self, query: Any, initNs: Any, initBindings: Any, queryGraph: Any, **kwargs: object
    ) -> Any:
        if not self.derived:
            msg = "a view without derived graphs is queried by rdflib's engine"
            raise NotImplementedError(msg)
        result = super().query(query, initNs, initBindings, queryGraph, **kwargs)
        if result.type == "SELECT":
            raw = result.bindings
            result.bindings = [{k: _plain(v) for k, v in row.items()} for row in raw]
        return result


def _plain(term: Any) -> Any:
    """oxrdflib returns ``xsd:string`` literals; make them plain, as rdflib writes them."""
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == XSD_STRING:
        return Literal(str(term))
    return term
