"""RDF -> networkx projections: the actor graph and the graphs derived from it.

Every projection is a pure function. :func:`actor_graph` reads the RDF once (a handful of
predicate scans, never one query per edge, so it stays fast on the on-disk store); the other
projections take that actor graph, so a caller that needs several of them reads the RDF once.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> G = actor_graph(example_dataset())
    >>> G.nodes["https://w3id.org/graphkit/id/person/gustavo-petro"]["label"]
    'Gustavo Petro'
    >>> G.edges["https://w3id.org/graphkit/id/person/gustavo-petro",
    ...         "https://w3id.org/graphkit/id/person/donald-trump", "metWith"]["sources"]
    2
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import Dataset
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from graphkit.analyze.read import Scan, scanner
from graphkit.vocab import GK, GK_IRI, ID_BASE, local_name, relation, relation_names

ENTITY_CLASSES: dict[str, str] = {
    str(GK.Person): "Person",
    str(GK.Country): "Country",
    str(GK.Organization): "Organization",
    str(GK.Place): "Place",
}
"""Entity classes in order of preference (an entity typed twice takes the first)."""

_EVIDENCE_FIELDS: dict[str, str] = {
    str(RDF.subject): "s",
    str(RDF.predicate): "p",
    str(RDF.object): "o",
    str(GK.article): "article",
    str(GK.sentence): "sentence",
    str(GK.cue): "cue",
    str(GK.confidence): "confidence",
    str(GK.modality): "modality",
    str(GK.eventDate): "event_date",
}
_ARTICLE_FIELDS: dict[str, str] = {
    str(DCTERMS.title): "title",
    str(DCTERMS.date): "date",
    str(DCTERMS.source): "source",
}
_ARTICLE_PREFIX = ID_BASE + "article/"
NO_EVIDENCE_CONFIDENCE = 1.0
"""Confidence of a relation triple asserted without any evidence node (taken as stated)."""


def _as_float(value: str, default: float) -> float:
    try:
        return float(value)
    except ValueError:
        return default


def evidence_order(e: dict[str, Any]) -> tuple[str, str, str, str, float, str]:
    """Sort key of evidence dicts: date (the event's, else the article's), article, then
    sentence, cue, confidence and modality, so the order never depends on the store."""
    return (
        e["event_date"] or e["date"],
        e["article"],
        e["sentence"],
        e["cue"],
        e["confidence"],
        e["modality"],
    )


def _entities(scan: Scan) -> dict[str, dict[str, Any]]:
    """Node attributes of every typed entity, keyed by IRI."""
    rank = {cls: i for i, cls in enumerate(ENTITY_CLASSES)}
    best: dict[str, str] = {}
    for s, o, _ in scan(str(RDF.type)):
        if o in rank and not s.startswith("_:") and (s not in best or rank[o] < rank[best[s]]):
            best[s] = o
    nodes: dict[str, dict[str, Any]] = {
        iri: {"label": "", "type": ENTITY_CLASSES[cls], "aliases": set(), "iso3": ""}
        for iri, cls in best.items()
    }
    for s, o, _ in scan(str(RDFS.label)):
        node = nodes.get(s)
        if node is not None and (not node["label"] or o < node["label"]):
            node["label"] = o
    for s, o, _ in scan(str(SKOS.altLabel)):
        node = nodes.get(s)
        if node is not None:
            node["aliases"].add(o)
    for s, o, _ in scan(str(GK.iso3)):
        node = nodes.get(s)
        if node is not None:
            node["iso3"] = o
    for iri, node in nodes.items():
        node["label"] = node["label"] or local_name(iri)
        node["aliases"] = sorted(node["aliases"] - {node["label"]})
    return nodes


def _evidence(
    scan: Scan, relations: frozenset[str]
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Evidence dicts grouped by (subject IRI, relation name, object IRI)."""
    nodes: dict[str, dict[str, str]] = {
        s: {} for s, o, _ in scan(str(RDF.type)) if o == str(GK.Evidence)
    }
    for predicate, field in _EVIDENCE_FIELDS.items():
        for s, o, _ in scan(predicate):
            record = nodes.get(s)
            if record is not None:
                record[field] = o
    articles: dict[str, dict[str, str]] = defaultdict(dict)
    for predicate, field in _ARTICLE_FIELDS.items():
        for s, o, _ in scan(predicate):
            articles[s].setdefault(field, o)
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in nodes.values():
        p = record.get("p", "")
        if not p.startswith(GK_IRI) or p[len(GK_IRI) :] not in relations:
            continue
        article = record.get("article", "")
        meta = articles.get(article, {})
        grouped[(record.get("s", ""), p[len(GK_IRI) :], record.get("o", ""))].append(
            {
                "sentence": record.get("sentence", ""),
                "article": article,
                "title": meta.get("title", ""),
                "date": meta.get("date", ""),
                "source": meta.get("source", ""),
                "cue": record.get("cue", ""),
                "confidence": _as_float(record.get("confidence", "0"), 0.0),
                "event_date": record.get("event_date", ""),
                "modality": record.get("modality", "asserted"),
            }
        )
    for items in grouped.values():
        items.sort(key=evidence_order)
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
        >>> from graphkit.examples import example_dataset
        >>> G = actor_graph(example_dataset())
        >>> sorted(G.nodes[n]["label"] for n in G)  # doctest: +NORMALIZE_WHITESPACE
        ['Colombia', 'Dairo Antonio Úsuga', 'Donald Trump', 'Gustavo Petro', 'Marco Rubio',
         'Nicolás Maduro', 'United States', 'Venezuela']
        >>> attrs = G.edges["https://w3id.org/graphkit/id/person/donald-trump",
        ...                 "https://w3id.org/graphkit/id/person/gustavo-petro", "criticized"]
        >>> attrs["quad"], attrs["score"], attrs["first_date"], attrs["evidence"][0]["cue"]
        ('verbal-conflict', -2.0, '2025-11-03', 'criticized')
    """
    graph = nx.MultiDiGraph()
    scan = scanner(ds)
    nodes = _entities(scan)
    names = relation_names()
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for name in sorted(names):
        for s, o, g in scan(GK_IRI + name):
            if s in nodes and o in nodes:
                found[(s, name, o)].update([g] if g.startswith(_ARTICLE_PREFIX) else [])
    evidence = _evidence(scan, names) if found else {}
    for iri in sorted({k[0] for k in found} | {k[2] for k in found} | set(nodes)):
        graph.add_node(iri, **nodes[iri])
    for (s_iri, name, o_iri), graphs in sorted(found.items()):
        info = relation(name)
        items = evidence.get((s_iri, name, o_iri), [])
        asserting = [e for e in items if e["modality"] == "asserted"] or items
        dates = sorted(
            e["event_date"] or e["date"] for e in asserting if e["event_date"] or e["date"]
        )
        articles = graphs | {
            e["article"] for e in items if e["modality"] == "asserted" and e["article"]
        }
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


def _copy_nodes(source: nx.Graph, target: nx.Graph) -> None:
    target.add_nodes_from(source.nodes(data=True))


def weighted_graph(
    G: nx.MultiDiGraph, *, include_static: bool = False, min_sources: int = 1
) -> nx.DiGraph:
    """Collapse the actor graph into one weighted directed edge per ordered pair of actors.

    ``weight`` is the corroborated evidence: the number of articles asserting each relation,
    summed over the relations from ``u`` to ``v``. A symmetric relation (``metWith``) counts
    in both directions. ``score`` is the same sum weighted by each relation's cooperation
    score, ``relations`` the sorted relation names.

    Args:
        G: an actor graph (:func:`actor_graph` or :func:`country_graph`).
        include_static: also count static relations (``leaderOf``, ``memberOf``...).
        min_sources: drop relations asserted by fewer articles than this.

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> W = weighted_graph(actor_graph(example_dataset()))
        >>> petro, trump = (f"https://w3id.org/graphkit/id/person/{n}"
        ...                 for n in ("gustavo-petro", "donald-trump"))
        >>> W[petro][trump]["weight"], W[trump][petro]["weight"], W[trump][petro]["relations"]
        (2, 3, ['criticized', 'metWith'])
    """
    totals: dict[tuple[str, str], list[Any]] = {}
    for u, v, attrs in G.edges(data=True):
        if (attrs["static"] and not include_static) or attrs["sources"] < min_sources or u == v:
            continue
        for pair in ((u, v), (v, u)) if attrs["symmetric"] else ((u, v),):
            data = totals.setdefault(pair, [0, 0.0, set()])
            data[0] += attrs["sources"]
            data[1] += attrs["score"] * attrs["sources"]
            data[2].add(attrs["predicate"])
    W = nx.DiGraph()
    _copy_nodes(G, W)
    W.add_edges_from(
        (u, v, {"weight": w, "score": s, "relations": sorted(names)})
        for (u, v), (w, s, names) in totals.items()
    )
    return W


ACTED_UPON = frozenset({"extradited", "arrested", "deported"})
"""Relations that act upon a person: when their object is a Person, the relation says what a
state did with someone, not how it stands toward them, so it is left out of the pair balance
(``signed_graph``, ``pair_summaries``): Colombia extraditing "Pipe Tuluá" is no cooperation
with him. Such an event still counts toward the pair of the states involved when both are
states ("United States deported ... Colombia")."""


def acted_upon(G: nx.MultiDiGraph, v: str, attrs: dict[str, Any]) -> bool:
    """True for an edge that acts upon a person (see :data:`ACTED_UPON`)."""
    return attrs.get("predicate") in ACTED_UPON and G.nodes[v].get("type") == "Person"


def signed_graph(G: nx.MultiDiGraph, *, min_sources: int = 1) -> nx.Graph:
    """One undirected edge per pair of actors with their net cooperation/conflict score.

    Each event relation contributes its cooperation score (``ontology/relations.csv``, -10 to
    +10, see ``ontology/cooperation-scale.md``) once per article asserting it, whatever its
    direction. Edge attributes: ``score`` (net sum), ``sign`` (+1, -1 or 0), ``weight``
    (absolute net score), ``cooperation`` and ``conflict`` (the positive and negative parts),
    ``events`` (number of article-relation reports). Static relations are left out, and so
    are relations acting upon a person (:data:`ACTED_UPON`).

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> S = signed_graph(actor_graph(example_dataset()))
        >>> petro, trump = (f"https://w3id.org/graphkit/id/person/{n}"
        ...                 for n in ("gustavo-petro", "donald-trump"))
        >>> S[petro][trump]["score"], S[petro][trump]["sign"], S[petro][trump]["events"]
        (3.0, 1, 3)
    """
    totals: dict[tuple[str, str], list[float]] = {}
    for u, v, attrs in G.edges(data=True):
        if attrs["static"] or attrs["sources"] < min_sources or u == v or acted_upon(G, v, attrs):
            continue
        data = totals.setdefault((u, v) if u < v else (v, u), [0.0, 0.0, 0])
        value = attrs["score"] * attrs["sources"]
        data[0 if value > 0 else 1] += value
        data[2] += attrs["sources"]
    S = nx.Graph()
    _copy_nodes(G, S)
    for (u, v), (cooperation, conflict, events) in totals.items():
        score = round(cooperation + conflict, 6)
        S.add_edge(
            u,
            v,
            score=score,
            sign=(score > 0) - (score < 0),
            weight=abs(score),
            cooperation=cooperation,
            conflict=conflict,
            events=int(events),
        )
    return S


ROLLUP_RELATIONS = ("leaderOf", "officialOf", "memberOf")
"""Static relations that roll a person or organization up into a country, in order of priority."""


def country_of(G: nx.MultiDiGraph) -> dict[str, str]:
    """The country each person or organization leads, serves or belongs to.

    A ``leaderOf`` tie wins over ``officialOf``, which wins over ``memberOf``; among ties of
    the same kind, the one asserted by more articles, then the first country IRI.

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> country_of(actor_graph(example_dataset()))["https://w3id.org/graphkit/id/person/gustavo-petro"]
        'https://w3id.org/graphkit/id/country/colombia'
    """
    best: dict[str, tuple[int, int, str]] = {}
    for u, v, attrs in G.edges(data=True):
        name = attrs["predicate"]
        if name not in ROLLUP_RELATIONS or G.nodes[v]["type"] != "Country":
            continue
        if G.nodes[u]["type"] not in ("Person", "Organization"):
            continue
        rank = (ROLLUP_RELATIONS.index(name), -attrs["sources"], v)
        if u not in best or rank < best[u]:
            best[u] = rank
    return {u: rank[2] for u, rank in best.items()}


def country_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Roll people and organizations up into their country; same edge shape as the actor graph.

    Actors with no country (see :func:`country_of`) stay as they are. Relations between two
    actors that land in the same country (the static ties used for the roll-up among them) are
    dropped; relations that land on the same (country, relation, country) are merged (their
    evidence concatenated, ``sources`` counted again over distinct articles). Each node gets
    ``members``: the sorted IRIs rolled into it (itself included).

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> C = country_graph(actor_graph(example_dataset()))
        >>> sorted(C.nodes[n]["label"] for n in C)  # Rubio and Otoniel have no country here
        ['Colombia', 'Dairo Antonio Úsuga', 'Marco Rubio', 'United States', 'Venezuela']
        >>> col, usa = (f"https://w3id.org/graphkit/id/country/{n}"
        ...             for n in ("colombia", "united-states"))
        >>> sorted(C[usa][col]), C.edges[col, usa, "metWith"]["sources"]
        (['criticized', 'sanctioned'], 2)
    """
    home = country_of(G)
    C = nx.MultiDiGraph()
    for node, attrs in G.nodes(data=True):
        if node not in home:
            C.add_node(node, **attrs, members=[node])
    for member, country in sorted(home.items()):
        if country not in C:
            C.add_node(country, **G.nodes[country], members=[country])
        C.nodes[country]["members"] = sorted({*C.nodes[country]["members"], member})
    for u, v, key, attrs in G.edges(keys=True, data=True):
        cu, cv = home.get(u, u), home.get(v, v)
        if cu == cv:
            continue
        if not C.has_edge(cu, cv, key):
            C.add_edge(cu, cv, key=key, **{**attrs, "evidence": list(attrs["evidence"])})
            continue
        data = C.edges[cu, cv, key]
        evidence = sorted(
            data["evidence"] + attrs["evidence"],
            key=evidence_order,
        )
        asserted = {e["article"] for e in evidence if e["modality"] == "asserted" and e["article"]}
        dates = [d for d in (data["first_date"], attrs["first_date"]) if d]
        data.update(
            evidence=evidence,
            sources=max(len(asserted), data["sources"], attrs["sources"]),
            confidence=max(data["confidence"], attrs["confidence"]),
            first_date=min(dates, default=""),
            last_date=max(data["last_date"], attrs["last_date"]),
        )
    return C
