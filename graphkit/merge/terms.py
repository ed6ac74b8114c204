"""Graphs as plain sets of triples, and the small helpers the merge stages share.

The merge works on ``Graphs``: a dict from graph name to a set of ``(s, p, o)`` triples.
Sets make union, comparison and rewriting fast and order-free; an rdflib ``Dataset`` is built
only at the end.

Examples:
    >>> from graphkit.graph import new_dataset
    >>> ds = new_dataset()
    >>> g = ds.graph(URIRef("https://w3id.org/graphkit/id/article/a"))
    >>> _ = g.add((URIRef("https://w3id.org/graphkit/id/person/petro"), RDF.type, GK.Person))
    >>> graphs = to_graphs(ds)
    >>> [str(k) for k in graphs]
    ['https://w3id.org/graphkit/id/article/a']
    >>> len(to_dataset(graphs))
    1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, TypeAlias

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from graphkit.graph import bind_prefixes
from graphkit.merge.cluster import EntityInfo
from graphkit.store.terms import OxStoreView, from_ox, from_ox_graph, to_ox, to_ox_graph
from graphkit.vocab import GK, ID_BASE, relations

Triple: TypeAlias = tuple[Node, Node, Node]
Graphs: TypeAlias = dict[Node, set[Triple]]

RESOLUTION_GRAPH = URIRef(ID_BASE + "graph/resolution")
"""The named graph that records cross-article merges (``old owl:sameAs canonical``)."""

DEFAULT_GRAPH = DATASET_DEFAULT_GRAPH_ID

ENTITY_CLASSES: dict[Node, str] = {
    GK.Country: "Country",
    GK.Organization: "Organization",
    GK.Person: "Person",
    GK.Place: "Place",
}
"""rdf:type of an entity -> its type name, in the order used when an IRI has several."""
_RANK = {name: rank for rank, name in enumerate(ENTITY_CLASSES.values())}
_CLASS_OF_SEGMENT: dict[str, Node] = {name.lower(): cls for cls, name in ENTITY_CLASSES.items()}
"""IRI path segment ("country") -> class: an entity IRI says its type."""

# plain URIRefs: looking terms up on a namespace object costs a function call each time
TYPE, LABEL, ALT_LABEL = URIRef(str(RDF.type)), URIRef(str(RDFS.label)), URIRef(str(SKOS.altLabel))
SAME_AS, MERGE_REASON = URIRef(str(OWL.sameAs)), URIRef(str(GK.mergeReason))
EVIDENCE = URIRef(str(GK.Evidence))
_TYPE_ONLY = frozenset({TYPE})
_NAME_PREDICATES: dict[Node, bool] = {LABEL: True, ALT_LABEL: False}  # predicate -> is it the label

_INFERRED_SUFFIX = "/inferred"
_ONTOLOGY_GRAPH = str(GK._NS).rstrip("#")


def is_derived(name: Node) -> bool:
    """True for graphs a store derives (``<article>/inferred`` entailments, the ontology).

    Examples:
        >>> is_derived(URIRef("https://w3id.org/graphkit/id/article/a/inferred"))
        True
    """
    text = str(name)
    return text.endswith(_INFERRED_SUFFIX) or text == _ONTOLOGY_GRAPH


@cache
def event_predicates() -> frozenset[Node]:
    """The IRIs of the event relations (static ones such as gk:locatedIn excluded)."""
    return frozenset(r.iri for r in relations() if r.is_event)


def to_graphs(ds: Graph) -> Graphs:
    """The graphs of a Dataset (or the triples of a plain Graph) as sets of triples.

    A Dataset over an Oxigraph store (a graphkit store or a merge result) is read from
    Oxigraph directly, which is several times faster than through rdflib.
    """
    graphs: Graphs = {}
    view = ds.store
    if isinstance(view, OxStoreView):
        terms: dict[Any, Node] = {}
        for q in view.ox.quads_for_pattern(None, None, None, None):
            name = from_ox_graph(q.graph_name)
            if not view.derived and is_derived(name):
                continue
            triple = []
            for term in (q.subject, q.predicate, q.object):
                node = terms.get(term)
                if node is None:
                    node = terms[term] = from_ox(term)
                triple.append(node)
            graphs.setdefault(name, set()).add((triple[0], triple[1], triple[2]))
        return graphs
    if not ds.context_aware:
        graphs[DEFAULT_GRAPH] = {(s, p, o) for s, p, o in ds}
        return graphs
    for s, p, o, g in ds.quads((None, None, None, None)):  # type: ignore[attr-defined]
        name = g.identifier if isinstance(g, Graph) else g
        graphs.setdefault(name, set()).add((s, p, o))
    return graphs


def to_dataset(graphs: Mapping[Node, Iterable[Triple]]) -> Dataset:
    """A new Dataset holding ``graphs``: graphkit prefixes, ``default_union=True``.

    The triples live in an in-memory Oxigraph store seen through rdflib (the view graphkit's
    on-disk store uses), which loads and writes large merges several times faster than
    rdflib's memory store; reading through the rdflib API works as usual.
    """
    terms: dict[Node, Any] = {}

    def ox_term(node: Node) -> Any:
        found = terms.get(node)
        if found is None:
            found = terms[node] = to_ox(node)
        return found

    store = ox.Store()
    store.bulk_extend(
        ox.Quad(ox_term(s), ox_term(p), ox_term(o), to_ox_graph(name))
        for name, triples in graphs.items()
        for s, p, o in triples
    )
    ds = Dataset(store=OxStoreView(store, derived=True), default_union=True)
    bind_prefixes(ds)
    return ds


def entity_types(triples: Iterable[Triple]) -> dict[Node, str]:
    """Entity IRI -> type name for every node typed gk:Person/Country/Organization/Place."""
    found: dict[Node, str] = {}
    classes, rank, types = ENTITY_CLASSES, _RANK, _TYPE_ONLY
    for s, p, o in triples:
        if p in types and o in classes and type(s) is URIRef:
            kind = classes[o]
            if s not in found or rank[kind] < rank[found[s]]:
                found[s] = kind
    return found


def entity_infos(graphs: Iterable[set[Triple]]) -> dict[Node, EntityInfo]:
    """Type, labels and names of every entity typed in any of ``graphs``."""
    types: dict[Node, str] = {}
    counts: dict[Node, int] = {}
    labels: dict[Node, set[str]] = {}
    names: dict[Node, set[str]] = {}
    for triples in graphs:
        typed = entity_types(triples)
        for iri, kind in typed.items():
            counts[iri] = counts.get(iri, 0) + 1
            if iri not in types or _RANK[kind] < _RANK[types[iri]]:
                types[iri] = kind
        for s, p, o in triples:
            which = _NAME_PREDICATES.get(p)
            if which is not None and s in typed:
                names.setdefault(s, set()).add(str(o))
                if which:
                    labels.setdefault(s, set()).add(str(o))
    return {
        iri: EntityInfo(
            kind, frozenset(labels.get(iri, ())), frozenset(names.get(iri, ())), counts[iri]
        )
        for iri, kind in types.items()
    }


def is_record(p: Node, o: Node) -> bool:
    """True for the predicate/object of a merge record about its subject."""
    return p == MERGE_REASON or (p == SAME_AS and str(o).startswith(ID_BASE))


def occurring(triples: Iterable[Triple]) -> set[Node]:
    """Every IRI used as a subject or object."""
    found: set[Node] = set()
    for s, _, o in triples:
        found.add(s)
        if isinstance(o, URIRef):
            found.add(o)
    return found


def rename(triples: Iterable[Triple], mapping: Mapping[Node, Node]) -> set[Triple]:
    """Replace IRIs by ``mapping`` in subject and object positions.

    The ``rdfs:label`` of a renamed subject becomes a ``skos:altLabel`` of its new IRI, so
    every surface name stays and each entity keeps one label. Merge records
    (``old owl:sameAs new``, ``old gk:mergeReason``) keep their subject: they are about it.
    """
    out: set[Triple] = set()
    for t in triples:
        s, p, o = t
        if s in mapping and not is_record(p, o):
            if p == TYPE and o in ENTITY_CLASSES:
                # a capital or state body merged into its country takes the country's type
                o = _CLASS_OF_SEGMENT.get(str(mapping[s])[len(ID_BASE) :].split("/", 1)[0], o)
            out.add(
                (
                    mapping[s],
                    ALT_LABEL if p == LABEL else p,
                    mapping.get(o, o) if type(o) is URIRef else o,
                )
            )
        elif type(o) is URIRef and o in mapping:
            out.add((s, p, mapping[o]))
        else:
            out.add(t)
    return out
