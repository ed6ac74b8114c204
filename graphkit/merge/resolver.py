"""Incremental resolution across articles over an Oxigraph store (on disk or in memory).

A store holds article graphs whose evidence names each article's own entities
(``gk:subjectMention``/``gk:objectMention``) and the entities graph
(:data:`graphkit.graph.ENTITIES_GRAPH`) with one name record per such entity
(:mod:`graphkit.merge.records`), indexed by ``gk:nameKey``. Adding an article:

1. resolves its entities inside the article (:func:`graphkit.merge.normalize.normalize_graph`);
2. looks its names up in the index and gathers the *component*: every record that shares a
   key with them, transitively (a few index look-ups: O(log n) each in a store of n);
3. clusters the component (:func:`resolve_component`): types decided by the evidence, surnames
   to the only (or the corpus's dominant) full name, aliases, spelling variants;
4. writes, in one transaction (:meth:`Plan.update`): the article with its relations between
   canonical entities, the component's records and descriptions, and any earlier article whose
   entity got another canonical IRI (rewritten from its own evidence).

The work is proportional to the new article and its component, never to the store. Removing an
article takes its references out of the records and resolves the component again, so merges
that rested only on it are undone. The result depends on the set of articles only.

Examples:
    >>> import pyoxigraph as ox
    >>> from graphkit.graph import article_dataset
    >>> from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
    >>> from graphkit.merge.terms import to_graphs
    >>> st = ox.Store()
    >>> texts = (("Petro met Lula.", "Petro"), ("Gustavo Petro met Lula.", "Gustavo Petro"))
    >>> for text, name in texts:
    ...     art = Article.from_text(text, source=name + ".txt")
    ...     p, lula = Entity("Person", name), Entity("Person", "Lula")
    ...     rel = Relation(p, "metWith", lula, Evidence(art.id, text, 0, len(text), "met", 0.9))
    ...     graphs = to_graphs(article_dataset(ArticleResult(art, (p, lula), (rel,))))
    ...     st.update(add_article(st, graphs).update())
    >>> sorted(r[0].value for r in st.query(
    ...     "SELECT ?l WHERE { ?e a <https://w3id.org/graphkit/ontology#Person> ; "
    ...     "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", use_default_graph_as_union=True))
    ['Gustavo Petro', 'Lula']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from graphkit.errors import GraphkitError
from graphkit.graph import ENTITIES_GRAPH
from graphkit.lexicon import norm
from graphkit.merge.decide import Resolved, effective_types, resolve_component
from graphkit.merge.index import (
    ENTITIES,
    MAX_COMPONENT,
    _article_triples,
    _object_rows,
    _referencing,
    entity_triples,
    gather,
    lookup,
)
from graphkit.merge.pending import described, pending_articles, pending_triple
from graphkit.merge.plan import Plan, _plan_component
from graphkit.merge.records import (
    Mention,
    Triple,
    name_keys,
    records_from,
)
from graphkit.merge.split import (
    ArticleInput,
    _mentions_used,
    article_graph,
    record_description,
    relation_iris,
    split_article,
)
from graphkit.vocab import GK, ID_BASE

_ARTICLE_PREFIX = ID_BASE + "article/"


def add_article(st: Any, graphs: Mapping[Node, set[Triple]]) -> Plan:
    """The plan that adds (or replaces) one article given as graphs.

    ``graphs`` holds the article's graph and its descriptions (an entities graph, or
    descriptions inside the article graph as older versions wrote them).
    """
    arts = [
        n for n in graphs if str(n).startswith(_ARTICLE_PREFIX) and not str(n).endswith("/inferred")
    ]
    if len(arts) != 1:
        msg = f"expected one article graph, got {len(arts)}"
        raise GraphkitError(msg)
    iri = arts[0]
    assert isinstance(iri, URIRef)
    desc = set(graphs.get(ENTITIES_GRAPH, set())) | set(graphs[iri])
    return add_articles(st, [split_article(iri, set(graphs[iri]), desc)])


def add_articles(st: Any, inputs: list[ArticleInput]) -> Plan:
    """The plan that adds articles (already split) in one step."""
    seeds: dict[URIRef, Mention] = {}
    memo: dict[Node, set[Triple]] = {}  # the store does not change while a step is planned
    for a in inputs:
        counted = _referencing(st, a.mentions, a.iri, memo)  # one read for all its mentions
        for iri, m in a.mentions.items():
            if iri in counted:  # the article was counted before (re-resolved)
                m.count, m.titled_count = 0, 0
            if iri in seeds:
                seeds[iri].absorb(m)
            else:
                seeds[iri] = m
    members = gather(st, seeds, memo=memo)
    new_articles = {a.iri: a.facts for a in inputs}
    return _plan_component(st, members, new_articles=new_articles, memo=memo)


def remove_articles(st: Any, articles: Iterable[URIRef]) -> Plan:
    """The plan that takes articles out, undoing the merges that rested on them."""
    arts = set(articles)
    refs: dict[URIRef, set[URIRef]] = {}
    links: set[Triple] = set()
    for art in arts:
        for p in (DCTERMS.isReferencedBy, GK.titledIn):
            for q in st.quads_for_pattern(
                None, ox.NamedNode(str(p)), ox.NamedNode(str(art)), ENTITIES
            ):
                record = URIRef(q.subject.value)
                links.add((record, p, art))
                if p == DCTERMS.isReferencedBy:
                    refs.setdefault(record, set()).add(art)
    memo: dict[Node, set[Triple]] = {}  # the store does not change while a step is planned
    stored = records_from(entity_triples(st, refs, memo=memo))
    titled_gone = {s for s, p, _ in links if p == GK.titledIn}
    for iri, m in stored.items():
        m.count -= len(refs.get(iri, ()))
        if iri in titled_gone:
            m.titled_count -= sum(1 for s, p, _ in links if s == iri and p == GK.titledIn)
    keep = {iri: m for iri, m in stored.items() if m.count > 0}
    gone = [iri for iri, m in stored.items() if m.count <= 0]
    members = gather(st, keep, drop=gone, stored=True, memo=memo)
    keys: set[str] = set()
    for iri in gone:
        keys |= name_keys(stored[iri])
    if keys:  # neighbours of the records that go may have leaned on them
        extra = lookup(st, keys) - set(members) - set(gone)
        if extra:
            more = records_from(entity_triples(st, extra, memo=memo))
            members = gather(st, {**members, **more}, drop=gone, stored=True, memo=memo)
    plan = _plan_component(
        st, members, new_articles={}, removed=arts, dropped_records=gone, memo=memo
    )
    plan.delete |= links
    plan.delete |= {
        (iri, p, a)
        for iri, a in (_object_rows(st, gone, DCTERMS.isReferencedBy) if gone else ())
        for p in (DCTERMS.isReferencedBy, GK.titledIn)
    }
    for art in arts:
        plan.graphs[art] = set()
    return plan


def resolve_pending(st: Any) -> Plan | None:
    """The plan that resolves one pending article (its mark is removed in the same step)."""
    pending = pending_articles(st)
    if not pending:
        return None
    art = pending[0]
    triples = _article_triples(st, art)
    desc = entity_triples(st, _mentions_used(triples))
    plan = add_articles(st, [split_article(art, triples, desc)]) if triples else Plan()
    plan.delete.add(pending_triple(art))
    return plan


__all__ = [
    "ENTITIES",
    "MAX_COMPONENT",
    "ArticleInput",
    "Plan",
    "Resolved",
    "add_article",
    "add_articles",
    "article_graph",
    "described",
    "effective_types",
    "entity_triples",
    "gather",
    "lookup",
    "norm",
    "pending_articles",
    "pending_triple",
    "record_description",
    "relation_iris",
    "remove_articles",
    "resolve_component",
    "resolve_pending",
    "split_article",
]
