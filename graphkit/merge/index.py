"""The index of known entities in the entities graph, and the store look-ups of resolution.

Every look-up binds the graph and a subject, an object or a key literal, so it reads one
range of the store's indexes: O(log n) in a store of n quads, whatever the store holds.
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
from graphkit.merge.records import (
    DESCRIPTION_PREDICATES,
    RECORD_PREDICATES,
    Mention,
    Triple,
    name_keys,
    records_from,
)
from graphkit.store.terms import from_ox
from graphkit.vocab import GK

ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
MAX_COMPONENT = 5000
"""Records one resolution step may gather; beyond, the names are too common to resolve."""


def _literal_values(values: Iterable[str]) -> str:
    return " ".join(str(ox.Literal(v)) for v in sorted(values))


def _iri_values(values: Iterable[Node]) -> str:
    return " ".join(f"<{v}>" for v in sorted(str(x) for x in values))


def _query(st: Any, sparql: str) -> list[Any]:
    return list(st.query(sparql, use_default_graph_as_union=False))


def lookup(st: Any, keys: Iterable[str]) -> set[URIRef]:
    """Records indexed under any of the keys."""
    keys = list(keys)
    found: set[URIRef] = set()
    for start in range(0, len(keys), 200):
        values = _literal_values(keys[start : start + 200])
        rows = _query(
            st,
            f"SELECT DISTINCT ?r WHERE {{ VALUES ?k {{ {values} }} GRAPH <{ENTITIES.value}> "
            f"{{ ?r <{GK.nameKey}> ?k }} }}",
        )
        found.update(URIRef(row[0].value) for row in rows)
    return found


_REFERENCES = frozenset({DCTERMS.isReferencedBy, GK.titledIn})
_REFERENCE_IRIS = frozenset(str(p) for p in _REFERENCES)
_READ_PREDICATES = tuple(
    ox.NamedNode(str(p))
    for p in sorted((RECORD_PREDICATES | DESCRIPTION_PREDICATES) - _REFERENCES, key=str)
)


def entity_triples(
    st: Any, subjects: Iterable[Node], *, memo: dict[Node, set[Triple]] | None = None
) -> set[Triple]:
    """The record and description triples of the entities graph about the given subjects.

    A record's links to its articles (``dcterms:isReferencedBy``, ``gk:titledIn``) are left
    out: they grow with the store, and resolution needs only their counts. In an embedded
    store each predicate is read by its own look-up (graph, subject and predicate bound: one
    range of the store's index), so a record that many articles name (a country) costs no
    more than a rare one; a server gets one query per 200 subjects. With ``memo`` (subject -> its
    triples, kept by the caller for one resolution step, while the store does not change),
    a subject is read once however often the step asks for it.
    """
    memo = {} if memo is None else memo
    subjects = list(dict.fromkeys(subjects))
    wanted = [s for s in subjects if s not in memo]
    if isinstance(st, ox.Store):
        for s in wanted:
            node, found = ox.NamedNode(str(s)), set()
            for pred in _READ_PREDICATES:
                for q in st.quads_for_pattern(node, pred, None, ENTITIES):
                    found.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            memo[s] = found
    else:
        _server_entity_triples(st, wanted, memo)
    out: set[Triple] = set()
    for s in subjects:
        out |= memo[s]
    return out


def _server_entity_triples(st: Any, subjects: list[Node], memo: dict[Node, set[Triple]]) -> None:
    """:func:`entity_triples` on a server: one query per 200 subjects, into ``memo``."""
    refs = ", ".join(f"<{p}>" for p in sorted(_REFERENCE_IRIS))
    for start in range(0, len(subjects), 200):
        batch = subjects[start : start + 200]
        memo.update((s, set()) for s in batch)
        rows = _query(
            st,
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_iri_values(batch)} }} "
            f"GRAPH <{ENTITIES.value}> {{ ?s ?p ?o }} FILTER(?p NOT IN ({refs})) }}",
        )
        for row in rows:
            s = from_ox(row[0])
            memo[s].add((s, from_ox(row[1]), from_ox(row[2])))


def gather(
    st: Any,
    seeds: dict[URIRef, Mention],
    *,
    drop: Iterable[Node] = (),
    stored: bool = False,
    memo: dict[Node, set[Triple]] | None = None,
) -> dict[URIRef, Mention]:
    """The component of ``seeds``: stored records sharing a key with them, transitively.

    Stored records of the seeds' own IRIs are merged into the seeds (``absorb``) unless the
    seeds were read from the store (``stored``); IRIs in ``drop`` are left out (records
    being removed). ``memo`` keeps what was read (see :func:`entity_triples`).
    """
    members = dict(seeds)
    dropped = set(drop)
    if not stored:
        for iri, m in records_from(entity_triples(st, members, memo=memo)).items():
            if iri in members:
                members[iri].absorb(m)
                members[iri].resolves_to = m.resolves_to
    keys: set[str] = set()
    for m in members.values():
        keys |= name_keys(m)
    seen_keys: set[str] = set()
    while keys - seen_keys:
        fresh = keys - seen_keys
        seen_keys |= fresh
        found = lookup(st, fresh) - set(members) - dropped
        if not found:
            break
        new = records_from(entity_triples(st, found, memo=memo))
        members.update(new)
        if len(members) > MAX_COMPONENT:
            msg = (
                f"entity resolution gathered more than {MAX_COMPONENT} name records sharing names "
                f"(starting from {sorted(str(s) for s in seeds)[:3]}); raise "
                "graphkit.merge.index.MAX_COMPONENT or report the names"
            )
            raise GraphkitError(msg)
        for m in new.values():
            keys |= name_keys(m)
    return members


def _article_triples(st: Any, iri: URIRef) -> set[Triple]:
    name = ox.NamedNode(str(iri))
    return {
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
        for q in st.quads_for_pattern(None, None, None, name)
    }


def _still_canonical(st: Any, subject: Node, members: Mapping[URIRef, Mention]) -> bool:
    rows = st.quads_for_pattern(
        None, ox.NamedNode(str(GK.resolvesTo)), ox.NamedNode(str(subject)), ENTITIES
    )
    return any(URIRef(q.subject.value) not in members for q in rows)


def _full_mapping(
    st: Any, facts: Iterable[Triple], mapping: Mapping[URIRef, URIRef | None]
) -> dict[Node, Node]:
    kinds = (GK.subjectMention, GK.objectMention, GK.mentions)
    used = {o for _, p, o in facts if p in kinds}
    out: dict[Node, Node] = {}
    for m in used:
        target = mapping.get(m)  # type: ignore[call-overload]
        if target is None:
            for q in st.quads_for_pattern(
                ox.NamedNode(str(m)), ox.NamedNode(str(GK.resolvesTo)), None, ENTITIES
            ):
                target = URIRef(q.object.value)
        out[m] = target if target is not None else m
    return out


def _has_reference(st: Any, record: URIRef, article: URIRef) -> bool:
    quad = ox.Quad(
        ox.NamedNode(str(record)),
        ox.NamedNode(str(DCTERMS.isReferencedBy)),
        ox.NamedNode(str(article)),
        ENTITIES,
    )
    return quad in st


def _articles_of(st: Any, record: URIRef) -> set[URIRef]:
    rows = st.quads_for_pattern(
        ox.NamedNode(str(record)), ox.NamedNode(str(DCTERMS.isReferencedBy)), None, ENTITIES
    )
    return {URIRef(q.object.value) for q in rows}


def _references(st: Any, articles: Iterable[URIRef]) -> set[URIRef]:
    found: set[URIRef] = set()
    for art in articles:
        for q in st.quads_for_pattern(
            None, ox.NamedNode(str(DCTERMS.isReferencedBy)), ox.NamedNode(str(art)), ENTITIES
        ):
            found.add(URIRef(q.subject.value))
    return found
