"""RDF -> networkx projections: the actor graph and the graphs derived from it.

Every projection is a pure function. :func:`actor_graph` reads the RDF once (a handful of
predicate scans, never one query per edge, so it stays fast on the on-disk store); the other
projections take that actor graph, so a caller that needs several of them reads the RDF once.

Examples:
    >>> from graphkit.analyze.examples import example_dataset
    >>> G = actor_graph(example_dataset())
    >>> G.nodes["https://w3id.org/graphkit/id/person/gustavo-petro"]["label"]
    'Gustavo Petro'
    >>> G.edges["https://w3id.org/graphkit/id/person/gustavo-petro",
    ...         "https://w3id.org/graphkit/id/person/donald-trump", "metWith"]["sources"]
    2
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import networkx as nx
from rdflib import Dataset, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from graphkit.vocab import GK, GK_IRI, ID_BASE, local_name, relation, relation_names

ENTITY_CLASSES: dict[URIRef, str] = {
    GK.Person: "Person",
    GK.Country: "Country",
    GK.Organization: "Organization",
    GK.Place: "Place",
}
"""Entity classes in order of preference (an entity typed twice takes the first)."""

_EVIDENCE_FIELDS: dict[URIRef, str] = {
    RDF.subject: "s",
    RDF.predicate: "p",
    RDF.object: "o",
    GK.article: "article",
    GK.sentence: "sentence",
    GK.cue: "cue",
    GK.confidence: "confidence",
    GK.modality: "modality",
    GK.eventDate: "event_date",
}
_ARTICLE_FIELDS: dict[URIRef, str] = {
    DCTERMS.title: "title",
    DCTERMS.date: "date",
    DCTERMS.source: "source",
}
_ARTICLE_PREFIX = ID_BASE + "article/"
NO_EVIDENCE_CONFIDENCE = 1.0
"""Confidence of a relation triple asserted without any evidence node (taken as stated)."""


def _scan(ds: Dataset, predicate: URIRef) -> Iterator[tuple[Node, Node, Node | None]]:
    """(subject, object, graph) of every quad with ``predicate``, across all graphs."""
    for s, _, o, g in ds.quads((None, predicate, None, None)):
        yield s, o, g


def _as_float(value: object, default: float) -> float:
    try:
        return float(str(value))
    except ValueError:
        return default


def _entities(ds: Dataset) -> dict[str, dict[str, Any]]:
    """Node attributes of every typed entity, keyed by IRI."""
    rank = {cls: i for i, cls in enumerate(ENTITY_CLASSES)}
    best: dict[str, URIRef] = {}
    for s, o, _ in _scan(ds, RDF.type):
        if isinstance(s, URIRef) and o in rank:
            iri = str(s)
            if iri not in best or rank[o] < rank[best[iri]]:  # type: ignore[index]
                best[iri] = o  # type: ignore[assignment]
    nodes: dict[str, dict[str, Any]] = {
        iri: {"label": "", "type": ENTITY_CLASSES[cls], "aliases": set(), "iso3": ""}
        for iri, cls in best.items()
    }
    for s, o, _ in _scan(ds, RDFS.label):
        node = nodes.get(str(s))
        if node is not None and (not node["label"] or str(o) < node["label"]):
            node["label"] = str(o)
    for s, o, _ in _scan(ds, SKOS.altLabel):
        node = nodes.get(str(s))
        if node is not None:
            node["aliases"].add(str(o))
    for s, o, _ in _scan(ds, GK.iso3):
        node = nodes.get(str(s))
        if node is not None:
            node["iso3"] = str(o)
    for iri, node in nodes.items():
        node["label"] = node["label"] or local_name(iri)
        node["aliases"] = sorted(node["aliases"] - {node["label"]})
    return nodes


def _evidence(ds: Dataset, relations: frozenset[str]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Evidence dicts grouped by (subject IRI, relation name, object IRI)."""
    nodes: dict[Node, dict[str, Any]] = {s: {} for s, _, _, _ in ds.quads((None, RDF.type, GK.Evidence, None))}
    for predicate, field in _EVIDENCE_FIELDS.items():
        for s, o, _ in _scan(ds, predicate):
            record = nodes.get(s)
            if record is not None:
                record[field] = o
    articles: dict[str, dict[str, str]] = defaultdict(dict)
    for predicate, field in _ARTICLE_FIELDS.items():
        for s, o, _ in _scan(ds, predicate):
            articles[str(s)].setdefault(field, str(o))
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in nodes.values():
        p = str(record.get("p", ""))
        if not p.startswith(GK_IRI) or p[len(GK_IRI) :] not in relations:
            continue
        article = str(record.get("article", ""))
        meta = articles.get(article, {})
        grouped[(str(record.get("s", "")), p[len(GK_IRI) :], str(record.get("o", "")))].append(
            {
                "sentence": str(record.get("sentence", "")),
                "article": article,
                "title": meta.get("title", ""),
                "date": meta.get("date", ""),
                "source": meta.get("source", ""),
                "cue": str(record.get("cue", "")),
                "confidence": _as_float(record.get("confidence", 0), 0.0),
                "event_date": str(record.get("event_date", "")),
                "modality": str(record.get("modality", "asserted")),
            }
        )
    for items in grouped.values():
        items.sort(key=lambda e: (e["event_date"] or e["date"], e["article"], e["sentence"]))
    return grouped


def actor_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Project the RDF onto actors: one node per entity, one edge per asserted relation triple.

    Nodes are entity IRIs with ``label``, ``type``, ``aliases`` (sorted) and ``iso3`` ("" if
    none). Edges are keyed by the relation's local name and carry ``predicate``, ``plover``,
    ``quad`` ("" for static relations), ``score`` (0 for static), ``symmetric``, ``static``,
    ``sources`` (distinct articles asserting it), ``confidence`` (max over asserting
    evidence), ``first_date``/``last_date`` (ISO dates or "": the event date, else the
    article's date) and ``evidence`` (every evidence dict of the triple, whatever its
    modality, sorted by date then article).

    Args:
        ds: a Dataset whose default graph is the union of its named graphs.

    Returns:
        A new MultiDiGraph; empty (no nodes) when the dataset holds no entities.

    Examples:
        >>> from graphkit.analyze.examples import example_dataset
        >>> G = actor_graph(example_dataset())
        >>> sorted(G.nodes[n]["label"] for n in G)
        ['Colombia', 'Donald Trump', 'Gustavo Petro', 'Nicolás Maduro', 'United States', 'Venezuela']
        >>> attrs = G.edges["https://w3id.org/graphkit/id/person/donald-trump",
        ...                 "https://w3id.org/graphkit/id/person/gustavo-petro", "criticized"]
        >>> attrs["quad"], attrs["score"], attrs["first_date"], attrs["evidence"][0]["cue"]
        ('verbal-conflict', -2.0, '2025-01-26', 'criticized')
    """
    graph = nx.MultiDiGraph()
    nodes = _entities(ds)
    names = relation_names()
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for name in sorted(names):
        for s, o, g in _scan(ds, URIRef(GK_IRI + name)):
            s_iri, o_iri = str(s), str(o)
            if s_iri in nodes and o_iri in nodes:
                graph_name = str(g)
                found[(s_iri, name, o_iri)].update(
                    [graph_name] if graph_name.startswith(_ARTICLE_PREFIX) else []
                )
    evidence = _evidence(ds, names) if found else {}
    for iri in sorted({k[0] for k in found} | {k[2] for k in found} | set(nodes)):
        graph.add_node(iri, **nodes[iri])
    for (s_iri, name, o_iri), graphs in sorted(found.items()):
        info = relation(name)
        items = evidence.get((s_iri, name, o_iri), [])
        asserting = [e for e in items if e["modality"] == "asserted"] or items
        dates = sorted(e["event_date"] or e["date"] for e in asserting if e["event_date"] or e["date"])
        articles = graphs | {e["article"] for e in items if e["modality"] == "asserted" and e["article"]}
        graph.add_edge(
            s_iri,
            o_iri,
            key=name,
            predicate=name,
            plover=info.plover,
            quad=info.quad if info.is_event else "",
            score=info.score if info.is_event else 0.0,
            symmetric=info.symmetric,
            static=not info.is_event,
            sources=max(len(articles), 1),
            confidence=max((e["confidence"] for e in asserting), default=NO_EVIDENCE_CONFIDENCE),
            first_date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
            evidence=items,
        )
    return graph
