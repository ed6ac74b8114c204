"""The relations graph: each asserted relation triple once in a store, kept in step with evidence.

A store keeps every asserted relation triple (``entity gk:<relation> entity``) once, in the
graph :data:`RELATIONS_GRAPH`, with its entailments in ``<relations>/inferred``
(:mod:`graphkit.store.entail`). Article graphs hold the article node and its evidence, what
the article said; a relation triple is in the relations graph exactly while some article
graph has an asserted ``gk:Evidence`` node (``rdf:subject``, ``rdf:predicate``,
``rdf:object``, ``gk:modality "asserted"``) for it. So a query with no ``GRAPH`` clause over
the union finds each fact once however many articles report it, and "how many articles say
so" is a count of evidence.

Each write of article graphs (:func:`write_articles`) is one SPARQL Update that also brings
the relations graph up to date for every pair of entities the old or the new graphs'
evidence links: the triples between such a pair are worked out again from all the evidence
in the store, in the same transaction. Replacing an article, removing it, or rewriting it
because entity resolution moved one of its entities thus adds, keeps or drops the relation
triples it supports, and never touches the others.

RDF files (``graphkit extract``, ``graphkit merge``) keep the relation triples in each
article's graph instead, as their provenance.

Examples:
    >>> import pyoxigraph as ox
    >>> from graphkit.vocab import GK_IRI, ID_BASE
    >>> st, n = ox.Store(), ox.NamedNode
    >>> a, b, met = n(ID_BASE + "person/a"), n(ID_BASE + "person/b"), n(GK_IRI + "metWith")
    >>> rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    >>> def article(k):
    ...     ev = n(f"{ID_BASE}evidence/{k}")
    ...     return [ox.Triple(a, met, b), ox.Triple(ev, n(rdf + "subject"), a),
    ...             ox.Triple(ev, n(rdf + "predicate"), met), ox.Triple(ev, n(rdf + "object"), b),
    ...             ox.Triple(ev, n(GK_IRI + "modality"), ox.Literal("asserted"))]
    >>> for k in (1, 2):  # two articles report the same meeting
    ...     st.update(write_articles(st, {f"{ID_BASE}article/{k}": article(k)}))
    >>> rows = "SELECT ?s ?o WHERE { ?s <https://w3id.org/graphkit/ontology#metWith> ?o }"
    >>> len(list(st.query(rows, use_default_graph_as_union=True)))  # once, and its reverse once
    2
    >>> st.update(write_articles(st, {f"{ID_BASE}article/1": []}))  # one article goes
    >>> len(list(st.query(rows, use_default_graph_as_union=True)))
    2
    >>> st.update(write_articles(st, {f"{ID_BASE}article/2": []}))  # the last one goes
    >>> len(list(st.query(rows, use_default_graph_as_union=True)))
    0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import pyoxigraph as ox

from graphkit.store.entail import insert_with_entailments, replace_graph, rules
from graphkit.store.terms import inferred_graph
from graphkit.vocab import GK_IRI, ID_BASE, relations

RELATIONS_GRAPH = ID_BASE + "graph/relations"
"""The graph holding each asserted relation triple of a store once."""
RELATIONS_INFERRED = inferred_graph(RELATIONS_GRAPH)

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SUBJECT, _PREDICATE, _OBJECT = _RDF + "subject", _RDF + "predicate", _RDF + "object"
_MODALITY = GK_IRI + "modality"
_ASSERTED = 'FILTER(!BOUND(?m) || STR(?m) = "asserted")'


@cache
def relation_iris() -> frozenset[str]:
    """IRIs of every relation of the vocabulary."""
    return frozenset(str(r.iri) for r in relations())


def supported(triples: Iterable[Any]) -> set[tuple[Any, Any, Any]]:
    """(subject, relation, object) of every asserted evidence node among Oxigraph triples.

    An evidence node without ``gk:modality`` counts as asserted, as entity resolution reads it.
    """
    parts: dict[Any, dict[str, Any]] = {}
    for t in triples:
        if t.predicate.value in (_SUBJECT, _PREDICATE, _OBJECT, _MODALITY):
            parts.setdefault(t.subject, {})[t.predicate.value] = t.object
    out: set[tuple[Any, Any, Any]] = set()
    for found in parts.values():
        s, p, o = found.get(_SUBJECT), found.get(_PREDICATE), found.get(_OBJECT)
        modality = found.get(_MODALITY)
        if s is None or p is None or o is None:
            continue
        if modality is None or modality.value == "asserted":
            out.add((s, p, o))
    return out


def split_facts(triples: Iterable[Any]) -> tuple[list[Any], list[Any]]:
    """An article graph's Oxigraph triples -> (kept in the article graph, relation triples).

    A relation triple goes to the relations graph when an asserted evidence node of the same
    graph supports it; one without evidence (hand-written data) stays where it is.
    """
    triples = list(triples)
    backed = supported(triples)
    rels = relation_iris()
    kept: list[Any] = []
    moved: list[Any] = []
    for t in triples:
        if t.predicate.value in rels and (t.subject, t.predicate, t.object) in backed:
            moved.append(t)
        else:
            kept.append(t)
    return kept, moved


def _pairs_of(triples: Iterable[Any]) -> set[tuple[Any, Any]]:
    return {
        (s, o)
        for s, _, o in supported(triples)
        if isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)
    }


def stored_pairs(st: Any, graphs: Iterable[str]) -> set[tuple[Any, Any]]:
    """(subject, object) of every evidence node in these graphs of a store (or a server).

    Args:
        st: a ``pyoxigraph.Store`` or :class:`graphkit.store.remote.RemoteOx`.
        graphs: graph IRIs.
    """
    names = " ".join(f"<{g}>" for g in sorted(set(graphs)))
    if not names:
        return set()
    sparql = (
        f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?g {{ {names} }} "
        f"GRAPH ?g {{ ?e <{_SUBJECT}> ?s ; <{_OBJECT}> ?o }} }}"
    )
    return {
        (row[0], row[1])
        for row in st.query(sparql)
        if isinstance(row[0], ox.NamedNode) and isinstance(row[1], ox.NamedNode)
    }


@cache
def _rule_values() -> tuple[str, str]:
    """SPARQL VALUES rows: the symmetric relations, and (relation, super-property) pairs."""
    table = rules()
    symmetric = " ".join(f"<{p}>" for p, (sym, _) in sorted(table.items()) if sym)
    supers = " ".join(f"(<{p}> <{sup}>)" for p, (_, sups) in sorted(table.items()) for sup in sups)
    return symmetric, supers


def _derive(values: str) -> list[str]:
    """Operations putting relation triples (from asserted evidence) and their entailments
    into the relations graph, for the pairs ``values`` binds (all pairs when empty)."""
    rel, inf = f"<{RELATIONS_GRAPH}>", f"<{RELATIONS_INFERRED}>"
    symmetric, supers = _rule_values()
    ops = [
        f"INSERT {{ GRAPH {rel} {{ ?s ?p ?o }} }} WHERE {{ {values} GRAPH ?g {{ "
        f"?e <{_SUBJECT}> ?s ; <{_OBJECT}> ?o ; <{_PREDICATE}> ?p . "
        f"OPTIONAL {{ ?e <{_MODALITY}> ?m }} }} {_ASSERTED} "
        "FILTER(isIRI(?s) && isIRI(?p) && isIRI(?o)) }"
    ]
    if symmetric:
        ops.append(
            f"INSERT {{ GRAPH {inf} {{ ?o ?p ?s }} }} WHERE {{ {values} "
            f"VALUES ?p {{ {symmetric} }} GRAPH {rel} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH {rel} {{ ?o ?p ?s }} }} }}"
        )
    if supers:
        reverse = f" UNION {{ VALUES ?p {{ {symmetric} }} GRAPH {rel} {{ ?o ?p ?s }} }}"
        reverse = reverse if symmetric else ""
        ops.append(
            f"INSERT {{ GRAPH {inf} {{ ?s ?sup ?o }} }} WHERE {{ {values} "
            f"VALUES (?p ?sup) {{ {supers} }} {{ GRAPH {rel} {{ ?s ?p ?o }} }}"
            f"{reverse} FILTER NOT EXISTS {{ GRAPH {rel} {{ ?s ?sup ?o }} }} }}"
        )
    return ops


def sync_update(pairs: Iterable[tuple[Any, Any]]) -> str:
    """SPARQL Update operations working out the relations graph again between these pairs.

    The triples between each pair (both directions) and their entailments are taken out,
    then put back from the asserted evidence of every graph: run them after the article
    graphs are written, in the same request. Empty when there are no pairs.
    """
    pairs = set(pairs)
    if not pairs:
        return ""
    values = _values(pairs)
    ops = [
        f"DELETE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} WHERE {{ {values} GRAPH <{g}> {{ ?s ?p ?o }} }}"
        for g in (RELATIONS_GRAPH, RELATIONS_INFERRED)
    ]
    return " ;\n".join(ops + _derive(values))


def _values(pairs: Iterable[tuple[Any, Any]]) -> str:
    both = {(s, o) for s, o in pairs} | {(o, s) for s, o in pairs}
    rows = " ".join(f"({s} {o})" for s, o in sorted(both, key=lambda p: (p[0].value, p[1].value)))
    return f"VALUES (?s ?o) {{ {rows} }}"


def _side_by_side(first: Iterable[Any], second: Iterable[Any]) -> tuple[int, list[Any]]:
    """Walk two lists of quads in step until one ends: (which ended, 0 or 1; its quads).

    The shorter list of two index look-ups, at the cost of twice its length: how a hub
    (a country named in thousands of reports) costs no more than its partner in a pair.
    """
    walks, seen = (iter(first), iter(second)), ([], [])  # type: ignore[var-annotated]
    while True:
        for side in (0, 1):
            quad = next(walks[side], None)
            if quad is None:
                return side, seen[side]
            seen[side].append(quad)


def _facts_between(
    st: Any, pairs: Iterable[tuple[Any, Any]], skip: set[str]
) -> set[tuple[Any, Any, Any]]:
    """Relation triples the asserted evidence of a ``pyoxigraph.Store`` gives between these
    pairs (both directions), evidence in the graphs ``skip`` left out."""
    subject, obj, predicate = (
        ox.NamedNode(_SUBJECT),
        ox.NamedNode(_OBJECT),
        ox.NamedNode(_PREDICATE),
    )
    modality = ox.NamedNode(_MODALITY)
    out: set[tuple[Any, Any, Any]] = set()
    directed = {(s, o) for s, o in pairs} | {(o, s) for s, o in pairs}
    for s, o in directed:
        side, found = _side_by_side(
            st.quads_for_pattern(None, subject, s, None), st.quads_for_pattern(None, obj, o, None)
        )
        other, value = (obj, o) if side == 0 else (subject, s)
        for q in found:
            g = q.graph_name
            if getattr(g, "value", "") in skip or ox.Quad(q.subject, other, value, g) not in st:
                continue
            said = [m.object.value for m in st.quads_for_pattern(q.subject, modality, None, g)]
            if said and "asserted" not in said:
                continue
            for r in st.quads_for_pattern(q.subject, predicate, None, g):
                if isinstance(r.object, ox.NamedNode):
                    out.add((s, r.object, o))
    return out


def _replace_facts(pairs: set[tuple[Any, Any]], facts: set[tuple[Any, Any, Any]]) -> str:
    """Operations replacing the relations graph's triples between these pairs by ``facts``."""
    values = _values(pairs)
    ops = [
        f"DELETE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} WHERE {{ {values} GRAPH <{g}> {{ ?s ?p ?o }} }}"
        for g in (RELATIONS_GRAPH, RELATIONS_INFERRED)
    ]
    if facts:
        triples = [ox.Triple(*t) for t in sorted(facts, key=lambda t: tuple(x.value for x in t))]
        ops.append(insert_with_entailments(RELATIONS_GRAPH, triples))
    return " ;\n".join(ops)


def write_articles(
    st: Any,
    graphs: Mapping[str, Iterable[Any]],
    *,
    then: str = "",
    touched: Mapping[str, Iterable[Any]] | None = None,
) -> str:
    """The SPARQL Update replacing article graphs in a store, relations graph included.

    Each graph is replaced as a whole (an empty one is dropped) without its supported
    relation triples (:func:`split_facts`), its ``<graph>/inferred`` companion with it; then
    the relations graph is worked out again between every pair of entities that the old or
    the new evidence of these graphs links (:func:`sync_update`). The store's kept figures
    move with it, counted over what the update touches
    (:meth:`graphkit.store.scope.Scope.counted`).

    Args:
        st: the store the update is for (read for the graphs' current evidence).
        graphs: graph IRI -> its new Oxigraph triples.
        then: more operations for the same update, run after (entity descriptions).
        touched: graph IRI -> the Oxigraph triples ``then`` takes out or puts in.
    """
    from graphkit.store.scope import write_scope

    scope = write_scope(st, graphs)
    for name, triples in (touched or {}).items():
        scope.add(triples, graph=name)
    pairs = stored_pairs(st, graphs)
    parts: list[str] = []
    for name, triples in sorted(graphs.items()):
        triples = list(triples)
        scope.add(triples, graph=name)
        pairs |= _pairs_of(triples)
        kept, _ = split_facts(triples)
        parts.append(replace_graph(name, kept))
    if pairs and isinstance(st, ox.Store):  # worked out here, from the shorter index look-ups
        facts = _facts_between(st, pairs, set(graphs))
        for triples in graphs.values():
            facts |= {
                t for t in supported(triples) if (t[0], t[2]) in pairs or (t[2], t[0]) in pairs
            }
        parts.append(_replace_facts(pairs, {t for t in facts if isinstance(t[2], ox.NamedNode)}))
    elif pairs:  # a server works it out from all the evidence, in the same request
        parts.append(sync_update(pairs))
    for s, o in pairs:
        scope.add_pair(s, o)
    return scope.counted(" ;\n".join([*parts, then] if then else parts), st)


def rebuild_update() -> str:
    """The SPARQL Update laying a whole store out anew: relation triples out of article graphs
    (where evidence supports them) into the relations graph, worked out from all evidence.

    For a store filled from a file in the article-graph layout (a bulk import); the article
    graphs' own entailment graphs go, as their relation triples do.
    """
    rels = " ".join(f"<{p}>" for p in sorted(relation_iris()))
    evidence = (
        f"?e <{_SUBJECT}> ?s ; <{_OBJECT}> ?o ; <{_PREDICATE}> ?p . "
        f"OPTIONAL {{ ?e <{_MODALITY}> ?m }}"
    )
    ops = [
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?p {{ {rels} }} "
        f"GRAPH ?g {{ ?s ?p ?o . {evidence} }} {_ASSERTED} }}",
        f"DELETE {{ GRAPH ?i {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?i {{ ?s ?p ?o }} "
        f'FILTER(STRSTARTS(STR(?i), "{ID_BASE}article/") && STRENDS(STR(?i), "/inferred")) }}',
        f"DROP SILENT GRAPH <{RELATIONS_GRAPH}>",
        f"DROP SILENT GRAPH <{RELATIONS_INFERRED}>",
    ]
    return " ;\n".join(ops + _derive(""))


__all__ = [
    "RELATIONS_GRAPH",
    "RELATIONS_INFERRED",
    "rebuild_update",
    "relation_iris",
    "split_facts",
    "stored_pairs",
    "supported",
    "sync_update",
    "write_articles",
]
