"""What one write can change in a store's kept figures (:mod:`graphkit.store.counts`), counted
over the part of the store it touches just before and just after it, in its own transaction.

:func:`write_scope` gathers what the article graphs a write replaces hold now;
:meth:`Scope.counted` wraps the write's SPARQL Update so that each kept figure moves by the
difference. Used by :func:`graphkit.store.relations.write_articles`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graphkit.graph import ENTITIES_GRAPH
from graphkit.store.counts import FORGET, STAT_BASE
from graphkit.store.relations import RELATIONS_GRAPH, relation_iris
from graphkit.store.terms import STATS_GRAPH
from graphkit.vocab import GK_IRI, ID_BASE, relations

_BEFORE = ID_BASE + "stats/before/"  # a figure's count over a write's scope, during the write
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_KINDS = {GK_IRI + "Article": "articles", GK_IRI + "Evidence": "evidence"}
_ENTITY_CLASSES = frozenset(GK_IRI + c for c in ("Person", "Country", "Organization", "Place"))
_CLASSES = " ".join(f"<{c}>" for c in sorted(_ENTITY_CLASSES))
_ENTITIES = str(ENTITIES_GRAPH)  # a plain string: rdflib's URIRef equals no str
_NOT_INFERRED = 'FILTER(!STRENDS(STR(?g), "/inferred"))'


def _rows(terms: Iterable[Any]) -> str:
    return " ".join(sorted(str(t) for t in terms))


@dataclass
class Scope:
    """What one write can change in a store's figures: the typed nodes, the subject-object
    pairs of relation triples and the entities it touches.

    Each figure is a count of distinct things (articles, relation triples, actors...) whose
    presence only a write that touches them can change; counted over the scope just before
    the write and again just after it, in the same transaction, the figure moves by the
    difference (:meth:`counted`). Each count is bound by the scope, through the store's
    indexes, whatever the size of the store.
    """

    nodes: dict[str, set[Any]] = field(default_factory=dict)
    """``articles``/``evidence`` -> nodes typed ``gk:Article``/``gk:Evidence`` in any graph."""
    pairs: set[tuple[Any, Any]] = field(default_factory=set)
    """(subject, object) between which relation triples may appear or go."""
    entities: set[Any] = field(default_factory=set)
    """Subjects of entities-graph triples written or taken out."""
    blank: bool = False
    """A blank node is in scope: it cannot be named in a query, so the figures are dropped."""
    kept: bool = True
    """The store keeps figures (without, a write counts nothing)."""

    def add(self, triples: Iterable[Any], *, graph: str = "") -> None:
        """Put in scope what these Oxigraph triples of ``graph`` (written or taken out) touch."""
        rels = relation_iris()
        for t in triples:
            p = t.predicate.value
            if p == _RDF_TYPE and t.object.value in _KINDS:
                self._in(self.nodes.setdefault(_KINDS[t.object.value], set()), t.subject)
            if p == _RDF_TYPE and graph == _ENTITIES and t.object.value in _ENTITY_CLASSES:
                self._in(self.entities, t.subject)
            if p in rels:
                self.add_pair(t.subject, t.object)

    def add_pair(self, subject: Any, obj: Any) -> None:
        """Put in scope the relation triples between ``subject`` and ``obj`` (both ways)."""
        self.blank |= isinstance(subject, ox.BlankNode) or isinstance(obj, ox.BlankNode)
        self.pairs.add((subject, obj))

    def _in(self, found: set[Any], term: Any) -> None:
        self.blank |= isinstance(term, ox.BlankNode)
        found.add(term)

    def queries(self) -> dict[str, str]:
        """Figure -> a query counting it over the scope (figures the scope cannot move left out)."""
        out: dict[str, str] = {}
        for kind, name in _KINDS.items():
            if self.nodes.get(name):
                out[name] = (
                    f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ "
                    f"VALUES ?x {{ {_rows(self.nodes[name])} }} GRAPH ?g {{ ?x a <{kind}> }} }}"
                )
        if self.pairs:
            predicates = " ".join(f"<{r.iri}>" for r in relations())
            both = {f"({s} {o})" for s, o in self.pairs} | {
                f"({o} {s})" for s, o in self.pairs if not isinstance(o, ox.Literal)
            }
            out["relations"] = (
                "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                f"VALUES (?s ?o) {{ {' '.join(sorted(both))} }} GRAPH ?g {{ ?s ?p ?o }} "
                f"VALUES ?p {{ {predicates} }} {_NOT_INFERRED} }} }}"
            )
            # an actor in the relations graph is found by one index seek per side; a
            # relation triple elsewhere (hand-written, in an article graph) is looked for last
            rel, listed = f"<{RELATIONS_GRAPH}>", predicates.replace(" ", ", ")
            taking_part = {term for pair in self.pairs for term in pair}
            out["actors"] = (
                f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ VALUES ?a {{ {_rows(taking_part)} }} "
                f"FILTER(EXISTS {{ GRAPH {rel} {{ ?a ?p ?o }} FILTER(?p IN ({listed})) }} "
                f"|| EXISTS {{ GRAPH {rel} {{ ?o ?p ?a }} FILTER(?p IN ({listed})) }} "
                f"|| EXISTS {{ GRAPH ?g {{ {{ ?a ?p ?o }} UNION {{ ?o ?p ?a }} }} "
                f"FILTER(?p IN ({listed}) && ?g != {rel}) {_NOT_INFERRED} }}) }}"
            )
        if self.entities:
            out["entities"] = (
                "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { "
                f"VALUES ?x {{ {_rows(self.entities)} }} GRAPH <{_ENTITIES}> {{ ?x a ?t }} "
                f"VALUES ?t {{ {_CLASSES} }} }}"
            )
        return out

    def looked_up(self, st: Any) -> dict[str, int]:
        """Figure -> its count over the scope in an embedded store as it is now, by index
        look-ups (no query): the same counts as :meth:`queries`, each entity, node and pair
        a few seeks whatever the size of the store (a hub's evidence is never walked)."""
        type_ = ox.NamedNode(_RDF_TYPE)
        out: dict[str, int] = {}
        for kind, name in _KINDS.items():
            if self.nodes.get(name):
                typed = ox.NamedNode(kind)
                out[name] = sum(
                    _any(st.quads_for_pattern(x, type_, typed, None)) for x in self.nodes[name]
                )
        if self.pairs:
            rels = relation_iris()
            found: set[tuple[Any, Any, Any]] = set()
            for s, o in self.pairs:
                for a, b in ((s, o), (o, s)) if not isinstance(o, ox.Literal) else ((s, o),):
                    found |= {
                        (a, q.predicate, b)
                        for q in st.quads_for_pattern(a, None, b, None)
                        if q.predicate.value in rels and _asserted_graph(q.graph_name)
                    }
            out["relations"] = len(found)
            out["actors"] = sum(_is_actor(st, a) for a in {t for pair in self.pairs for t in pair})
        if self.entities:
            graph = ox.NamedNode(_ENTITIES)
            out["entities"] = sum(
                any(ox.Quad(x, type_, ox.NamedNode(c), graph) in st for c in _ENTITY_CLASSES)
                for x in self.entities
            )
        return out

    def counted(self, update: str, store: Any = None) -> str:
        """``update`` with the operations carrying the store's figures across it.

        Before it, each figure the scope can move is counted over the scope (in an embedded
        ``store``, read by this process's one writer, by index look-ups now,
        :meth:`looked_up`; on a server, by a query into ``<stats/before/NAME>`` in the same
        request); after it, counted again, and the figure moves by the difference. A store
        without figures is left without (nothing matches); a scope holding a blank node
        drops them instead (the next build counts the store once).
        """
        if not update or not self.kept:
            return update
        if self.blank:
            return f"{update} ;\n{FORGET}"
        queries = sorted(self.queries().items())
        if not queries:
            return update
        if isinstance(store, ox.Store):
            return f"{update} ;\n{self._after(queries, self.looked_up(store))}"
        stats = f"<{STATS_GRAPH}>"
        kept = " . ".join(f"{stats} <{STAT_BASE}{name}> ?old_{name}" for name, _ in queries)
        was = " . ".join(f"{stats} <{_BEFORE}{name}> ?was_{name}" for name, _ in queries)
        now = " . ".join(f"{stats} <{STAT_BASE}{name}> ?new_{name}" for name, _ in queries)
        counts = _counts(queries)
        moved = " ".join(
            f"BIND(?old_{name} - ?was_{name} + ?n_{name} AS ?new_{name})" for name, _ in queries
        )
        before = [
            f"INSERT {{ GRAPH {stats} {{ {was.replace('?was_', '?n_')} }} }} "
            f"WHERE {{ GRAPH {stats} {{ {kept} }} {counts} }}"
        ]
        after = [
            f"DELETE {{ GRAPH {stats} {{ {kept} . {was} }} }} "
            f"INSERT {{ GRAPH {stats} {{ {now} }} }} "
            f"WHERE {{ GRAPH {stats} {{ {kept} . {was} }} {counts} {moved} }}"
        ]
        return " ;\n".join([*before, update, *after])

    @staticmethod
    def _after(queries: list[tuple[str, str]], was: dict[str, int]) -> str:
        """The operation moving each kept figure by its count after the write less ``was``."""
        stats = f"<{STATS_GRAPH}>"
        kept = " . ".join(f"{stats} <{STAT_BASE}{name}> ?old_{name}" for name, _ in queries)
        now = " . ".join(f"{stats} <{STAT_BASE}{name}> ?new_{name}" for name, _ in queries)
        moved = " ".join(
            f"BIND(?old_{name} - {was[name]} + ?n_{name} AS ?new_{name})" for name, _ in queries
        )
        return (
            f"DELETE {{ GRAPH {stats} {{ {kept} }} }} INSERT {{ GRAPH {stats} {{ {now} }} }} "
            f"WHERE {{ GRAPH {stats} {{ {kept} }} {_counts(queries)} {moved} }}"
        )


def _counts(queries: list[tuple[str, str]]) -> str:
    return " ".join(
        "{ " + count.replace("AS ?n)", f"AS ?n_{name})", 1) + " }" for name, count in queries
    )


def _any(quads: Iterable[Any]) -> bool:
    return next(iter(quads), None) is not None


def _asserted_graph(graph: Any) -> bool:
    """True for a named graph whose relation triples count (not an entailment graph)."""
    return isinstance(graph, ox.NamedNode) and not graph.value.endswith("/inferred")


def _is_actor(st: Any, term: Any) -> bool:
    """True when ``term`` takes part in a relation triple of a non-entailment graph of an
    embedded store: first looked for in the relations graph (the first triple on either
    side), then among its own quads as a subject, then as an object one seek per relation
    (so that a hub's evidence is not read)."""
    if isinstance(term, ox.Literal):
        return any(
            _asserted_graph(q.graph_name)
            for p in relation_iris()
            for q in st.quads_for_pattern(None, ox.NamedNode(p), term, None)
        )
    rels, graph = relation_iris(), ox.NamedNode(RELATIONS_GRAPH)
    for quads in (
        st.quads_for_pattern(term, None, None, graph),
        st.quads_for_pattern(None, None, term, graph),
    ):
        if any(q.predicate.value in rels for q in quads):
            return True
    if any(  # its own few quads as a subject: its description, hand-written triples
        q.predicate.value in rels and _asserted_graph(q.graph_name)
        for q in st.quads_for_pattern(term, None, None, None)
    ):
        return True
    if not _any(st.quads_for_pattern(None, None, term, None)):
        return False  # named by nothing (a new entity)
    return any(
        _asserted_graph(q.graph_name)
        for p in map(ox.NamedNode, rels)
        for q in st.quads_for_pattern(None, p, term, None)
    )


def write_scope(st: Any, graphs: Iterable[str]) -> Scope:
    """The scope of a write replacing these article graphs, from what they hold now: their
    typed nodes and relation triples (in an embedded store, its quads read by index; on a
    server, one query)."""
    if isinstance(st, ox.Store):  # index look-ups: a graph's quads, no query to parse
        stats = ox.NamedNode(STATS_GRAPH)
        articles = ox.NamedNode(STAT_BASE + "articles")
        scope = Scope(kept=_any(st.quads_for_pattern(stats, articles, None, stats)))
        if scope.kept:
            for g in sorted(set(graphs)):
                scope.add(q.triple for q in st.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        return scope
    keeps = f"ASK {{ GRAPH <{STATS_GRAPH}> {{ <{STATS_GRAPH}> <{STAT_BASE}articles> ?n }} }}"
    scope = Scope(kept=bool(st.query(keeps)))
    names = " ".join(f"<{g}>" for g in sorted(set(graphs)))
    if not names or not scope.kept:
        return scope
    predicates = " ".join(f"<{p}>" for p in sorted({_RDF_TYPE, *relation_iris()}))
    sparql = (
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?g {{ {names} }} VALUES ?p {{ {predicates} }} "
        "GRAPH ?g { ?s ?p ?o } }"
    )
    scope.add(ox.Triple(row[0], row[1], row[2]) for row in st.query(sparql))
    return scope
