"""Read the RDF that the actor graph needs, as plain strings, one predicate at a time.

A handful of predicate scans (never one query per edge) keep reading linear in the size of
the data. On an Oxigraph-backed Dataset (the on-disk store, or rdflib with oxrdflib) the
scans go straight to pyoxigraph, skipping rdflib term conversion (about 10x faster);
otherwise they use rdflib's ``Dataset.quads``. Derived graphs (a store's ``<graph>/inferred``
entailments and its ontology graph) are skipped: the actor graph holds what was extracted.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.vocab import GK
    >>> scan = scanner(example_dataset())
    >>> sorted((s.rsplit("/", 1)[1], o) for s, o, _ in scan(str(GK.iso3)))  # the entities graph
    [('colombia', 'COL'), ('united-states', 'USA'), ('venezuela', 'VEN')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rdflib import BNode, Dataset, URIRef

from graphkit.store.terms import is_derived_graph

Scan = Callable[[str], Iterator[tuple[str, str, str]]]
"""predicate IRI -> (subject, object, graph name) strings; blank nodes as ``_:id``, literals
as their lexical form, the default graph as ``""``."""


def _oxigraph(ds: Dataset) -> Any | None:
    """The pyoxigraph Store behind ``ds``, if it has one."""
    import pyoxigraph

    for attr in ("ox", "_inner"):
        inner = getattr(ds.store, attr, None)
        if isinstance(inner, pyoxigraph.Store):
            return inner
    return None


def _ox_value(term: Any) -> str:
    import pyoxigraph

    if isinstance(term, pyoxigraph.BlankNode):
        return "_:" + term.value
    if isinstance(term, pyoxigraph.DefaultGraph):
        return ""
    return str(term.value)


def _rdflib_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(getattr(term, "identifier", term))


def scanner(ds: Dataset) -> Scan:
    """A function that lists every (subject, object, graph) of one predicate in ``ds``."""
    store = _oxigraph(ds)
    if store is not None:
        import pyoxigraph

        def scan_ox(predicate: str) -> Iterator[tuple[str, str, str]]:
            for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(predicate), None, None):
                graph = _ox_value(q.graph_name)
                if not is_derived_graph(graph):
                    yield _ox_value(q.subject), _ox_value(q.object), graph

        return scan_ox

    def scan_rdflib(predicate: str) -> Iterator[tuple[str, str, str]]:
        for s, _, o, g in ds.quads((None, URIRef(predicate), None, None)):
            graph = _rdflib_value(g)
            if not is_derived_graph(graph):
                yield _rdflib_value(s), _rdflib_value(o), graph

    return scan_rdflib
