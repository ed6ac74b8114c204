"""SPARQL over graphkit's graphs: run a query, use a preset, format the result.

Every query runs on Oxigraph and knows the ontology: a store already holds the entailments
(:mod:`graphkit.store.entail`) and the ontology; an in-memory Dataset (``--graph FILE``) is
copied into a temporary Oxigraph store with the same entailments first, so a query gives
the same answer on files and on a store. graphkit's prefixes (``gk:``, ``gkid:``, ``rdfs:``,
``skos:``, ``dcterms:``...) need no declaration. The default graph is the union of all
graphs, as a bag: use ``DISTINCT`` when a triple may come from several articles.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> ds = example_dataset()
    >>> r = run_query(
    ...     ds, "SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Donald Trump' ; gk:metWith ?b }")
    >>> [row[0].value for row in r.rows]
    ['https://w3id.org/graphkit/id/person/gustavo-petro']
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from graphkit.errors import QueryError
from graphkit.query.presets import Param, Preset, presets
from graphkit.query.results import format_result
from graphkit.store.sparql import QueryResult, execute

__all__ = [
    "Param",
    "Preset",
    "QueryResult",
    "as_oxigraph",
    "format_result",
    "presets",
    "run_query",
]


def as_oxigraph(source: Any) -> Any:
    """The ``pyoxigraph.Store`` to query for a Store, a Dataset or an Oxigraph store.

    A Dataset over a store gives that store; an in-memory Dataset is copied, graph by graph,
    into a new in-memory Oxigraph store with each graph's entailments in ``<graph>/inferred``
    and the ontology, as the on-disk store holds them.
    """
    from rdflib import Dataset, Graph

    from graphkit.store import Store
    from graphkit.store.terms import OxStoreView

    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Store):
        return source.ox
    if isinstance(source, Graph) and isinstance(source.store, OxStoreView):
        return source.store.ox
    if isinstance(source, Dataset | Graph):
        return _memory_store(source)
    msg = f"cannot query a {type(source).__name__}; give a Dataset, a Graph or a Store"
    raise QueryError(msg)


def _memory_store(ds: Any) -> Any:
    from graphkit.store.entail import derived_quads, ontology_triples
    from graphkit.store.terms import ONTOLOGY_GRAPH, dataset_quads

    store = ox.Store()
    quads = list(dataset_quads(ds))
    quads.extend(derived_quads(quads))
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    quads.extend(ox.Quad(t.subject, t.predicate, t.object, ontology) for t in ontology_triples())
    store.extend(quads)
    return store


def run_query(
    source: Any,
    sparql: str,
    *,
    name: str = "query",
    params: dict[str, Any] | None = None,
    max_rows: int | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query on a Store, a Dataset or an Oxigraph store.

    Args:
        source: what to query (see :func:`as_oxigraph`).
        sparql: the query text (SELECT, ASK, CONSTRUCT or DESCRIBE).
        name: how errors name the query (e.g. the .rq file name).
        params: variable name -> Oxigraph term, bound before evaluation (``$ACTOR``).
        max_rows: fail with a clear error beyond this many rows.

    Raises:
        QueryError: a one-line message for a syntax error (with line and what is near it),
            a SPARQL Update, or a federated ``SERVICE`` call.
    """
    return execute(as_oxigraph(source), sparql, name=name, params=params, max_rows=max_rows)
