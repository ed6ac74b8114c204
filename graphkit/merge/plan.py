"""What one resolution step writes: the :class:`Plan` and how a component is planned."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, URIRef
from rdflib.term import Node

from graphkit.merge.decide import resolve_component
from graphkit.merge.index import (
    ENTITIES,
    _articles_of_all,
    _articles_triples,
    _canonical_outside,
    _full_mapping,
    _mentions_of,
    _stored_targets,
    entity_triples,
)
from graphkit.merge.records import (
    DESCRIPTION_PREDICATES,
    RECORD_PREDICATES,
    Mention,
    Triple,
    describe,
    record_triples,
    records_from,
)
from graphkit.merge.split import article_graph
from graphkit.store.entail import nt_text, replace_graph
from graphkit.store.terms import to_ox
from graphkit.vocab import GK


@dataclass
class Plan:
    """The writes of one resolution step, applied in one transaction by :meth:`update`."""

    graphs: dict[URIRef, set[Triple]] = field(default_factory=dict)
    """Article graphs to write whole (an empty set drops the graph)."""
    delete: set[Triple] = field(default_factory=set)
    insert: set[Triple] = field(default_factory=set)
    """Entities-graph triples to take out and put in."""
    rewritten: list[URIRef] = field(default_factory=list)
    """Earlier articles rewritten because one of their entities moved."""

    def update(self, *, store: Any = None) -> str:
        """The SPARQL Update doing the whole step (Oxigraph runs it as one transaction).

        With ``store`` (the store the plan is for), article graphs are written as a store lays
        them out: each asserted relation triple once, in the relations graph
        (:func:`graphkit.store.relations.write_articles`). Without, each article graph keeps
        its relation triples, as RDF files have them.
        """
        described: list[str] = []
        delete, insert = self.delete - self.insert, self.insert - self.delete
        if delete:
            described.append(
                f"DELETE DATA {{ GRAPH <{ENTITIES.value}> {{\n{_nt_rdflib(delete)}}} }}"
            )
        if insert:
            described.append(
                f"INSERT DATA {{ GRAPH <{ENTITIES.value}> {{\n{_nt_rdflib(insert)}}} }}"
            )
        if store is not None:  # the store's kept figures move with the step
            from graphkit.store.relations import write_articles

            ox_graphs = {str(n): _ox_triples(t) for n, t in self.graphs.items()}
            typed = {t for t in delete | insert if t[1] == RDF.type}  # all the figures need
            touched = {ENTITIES.value: _ox_triples(typed)}
            return write_articles(store, ox_graphs, then=" ;\n".join(described), touched=touched)
        parts: list[str] = []
        for name, triples in sorted(self.graphs.items(), key=lambda kv: str(kv[0])):
            parts.append(replace_graph(str(name), _ox_triples(triples)))
        return " ;\n".join(parts + described)


def _ox_triples(triples: Iterable[Triple]) -> list[Any]:
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]


def _nt_rdflib(triples: Iterable[Triple]) -> str:
    return nt_text(_ox_triples(triples))


def _plan_component(
    st: Any,
    members: dict[URIRef, Mention],
    *,
    new_articles: Mapping[URIRef, set[Triple]],
    removed: Iterable[URIRef] = (),
    dropped_records: Iterable[URIRef] = (),
    memo: dict[Node, set[Triple]] | None = None,
) -> Plan:
    """The plan writing a gathered component resolved anew (``memo``: the step's reads, see
    :func:`graphkit.merge.index.entity_triples`)."""
    plan = Plan()
    resolved = resolve_component(members)
    old_canonical = {iri: m.resolves_to for iri, m in members.items()}
    old_descr_subjects: set[Node] = {c for c in old_canonical.values() if c is not None}
    old_descr_subjects |= set(members) | set(dropped_records)
    for m in records_from(entity_triples(st, dropped_records, memo=memo)).values():
        if m.resolves_to is not None:
            old_descr_subjects.add(m.resolves_to)
    old = entity_triples(st, old_descr_subjects, memo=memo)
    plan.delete = {t for t in old if t[1] in DESCRIPTION_PREDICATES or t[1] in RECORD_PREDICATES}
    records, key = set(members) | set(dropped_records), GK.nameKey
    plan.delete |= {t for t in old if t[1] == key and t[0] in records}
    groups: dict[URIRef, list[Mention]] = {}
    kinds: dict[URIRef, str] = {}
    for iri, m in members.items():
        r = resolved[iri]
        m.resolves_to = r.canonical
        m.reason = r.reason if r.canonical != iri else ""
        groups.setdefault(r.canonical, []).append(m)
        kinds[r.canonical] = r.kind
        plan.insert |= record_triples(m)
    for canonical, group in groups.items():
        plan.insert |= describe(canonical, kinds[canonical], group)
    # descriptions of canonicals outside this component stay: keep what is not ours
    outside = {t for t in plan.delete if t[1] in DESCRIPTION_PREDICATES and t[0] not in groups}
    ours = {t[0] for t in outside if t[0] in old_descr_subjects}
    still = _canonical_outside(st, ours, members) if ours else set()
    plan.delete -= {t for t in outside if t[0] not in ours or t[0] in still}
    # articles to (re)write, the stored canonicals of their other mentions read at once
    mapping = {iri: m.resolves_to for iri, m in members.items()}
    moved = {iri for iri, m in members.items() if old_canonical[iri] not in (None, m.resolves_to)}
    touched = _articles_of_all(st, moved) - set(new_articles) - set(removed) if moved else set()
    facts_of = {**_articles_triples(st, touched), **new_articles}
    used: set[Node] = set()
    for facts in facts_of.values():
        used |= _mentions_of(facts)
    stored = _stored_targets(st, {m for m in used if mapping.get(m) is None})  # type: ignore[call-overload]
    for art, facts in new_articles.items():
        plan.graphs[art] = article_graph(facts, _full_mapping(st, facts, mapping, stored))
    for art in sorted(touched, key=str):
        facts = facts_of[art]
        if facts:
            plan.graphs[art] = article_graph(facts, _full_mapping(st, facts, mapping, stored))
            plan.rewritten.append(art)
    return plan


def _merge_plans(plans: list[Plan]) -> Plan:
    out = Plan()
    for p in plans:
        out.graphs.update(p.graphs)
        out.delete |= p.delete
        out.insert |= p.insert
        out.rewritten += p.rewritten
    return out
