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


def _lookup_read(st: Any, keys: Iterable[str], memo: dict[Node, set[Triple]]) -> set[URIRef]:
    """:func:`lookup`; on a server the records found are read in the same query (into
    ``memo``, as :func:`entity_triples` reads them): one request a key batch, not two."""
    if isinstance(st, ox.Store):
        return lookup(st, keys)
    keys = list(keys)
    refs = ", ".join(f"<{p}>" for p in sorted(_REFERENCE_IRIS))
    found: set[URIRef] = set()
    for start in range(0, len(keys), 200):
        values = _literal_values(keys[start : start + 200])
        rows = _query(
            st,
            f"SELECT DISTINCT ?r ?p ?o WHERE {{ VALUES ?k {{ {values} }} GRAPH <{ENTITIES.value}> "
            f"{{ ?r <{GK.nameKey}> ?k . ?r ?p ?o }} FILTER(?p NOT IN ({refs})) }}",
        )
        read: dict[Node, set[Triple]] = {}
        for row in rows:
            r = from_ox(row[0])
            read.setdefault(r, set()).add((r, from_ox(row[1]), from_ox(row[2])))
        found.update(read)  # type: ignore[arg-type]
        for r, triples in read.items():
            memo.setdefault(r, triples)
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
    memo = {} if memo is None else memo
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
        found = _lookup_read(st, fresh, memo) - set(members) - dropped
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


_BATCH = 200
"""Subjects (or graphs) one server query binds with VALUES."""


def _batches(items: Iterable[Node]) -> list[list[Node]]:
    ordered = sorted(set(items), key=str)
    return [ordered[i : i + _BATCH] for i in range(0, len(ordered), _BATCH)]


def _article_triples(st: Any, iri: URIRef) -> set[Triple]:
    return _articles_triples(st, [iri]).get(iri, set())


def _articles_triples(st: Any, articles: Iterable[URIRef]) -> dict[URIRef, set[Triple]]:
    """Article IRI -> the triples of its graph (empty when absent); a server query per
    :data:`_BATCH` articles."""
    out: dict[URIRef, set[Triple]] = {a: set() for a in articles}
    if isinstance(st, ox.Store):
        for art in out:
            out[art] = {
                (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                for q in st.quads_for_pattern(None, None, None, ox.NamedNode(str(art)))
            }
        return out
    for batch in _batches(out):
        rows = _query(
            st, f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {_iri_values(batch)} }} "
            "GRAPH ?g { ?s ?p ?o } }",
        )  # fmt: skip
        for row in rows:
            out[URIRef(row[0].value)].add((from_ox(row[1]), from_ox(row[2]), from_ox(row[3])))
    return out


def _object_rows(
    st: Any, subjects: Iterable[Node], predicate: Node, objects: Iterable[Node] = ()
) -> set[tuple[URIRef, URIRef]]:
    """(subject, object) of the entities graph's ``predicate`` triples whose subject is one of
    ``subjects`` (with ``objects``: whose object is one of them): one index look-up a term in
    an embedded store, a query per :data:`_BATCH` terms on a server."""
    pred, bound = ox.NamedNode(str(predicate)), list(dict.fromkeys(objects))
    found: set[tuple[URIRef, URIRef]] = set()
    if isinstance(st, ox.Store):
        for term in set(bound or subjects):
            node = ox.NamedNode(str(term))
            quads: Any = (
                st.quads_for_pattern(None, pred, node, ENTITIES)
                if bound
                else st.quads_for_pattern(node, pred, None, ENTITIES)
            )
            found |= {(URIRef(q.subject.value), URIRef(q.object.value)) for q in quads}
        return found
    var = "?o" if bound else "?s"
    for batch in _batches(bound or subjects):
        rows = _query(
            st, f"SELECT ?s ?o WHERE {{ VALUES {var} {{ {_iri_values(batch)} }} "
            f"GRAPH <{ENTITIES.value}> {{ ?s <{predicate}> ?o }} }}",
        )  # fmt: skip
        found |= {(URIRef(row[0].value), URIRef(row[1].value)) for row in rows}
    return found


def _canonical_outside(
    st: Any, subjects: Iterable[Node], members: Mapping[URIRef, Mention]
) -> set[URIRef]:
    """The subjects some record outside ``members`` resolves to (``gk:resolvesTo``)."""
    rows = _object_rows(st, (), GK.resolvesTo, objects=subjects)
    return {c for r, c in rows if r not in members}


def _still_canonical(st: Any, subject: Node, members: Mapping[URIRef, Mention]) -> bool:
    return bool(_canonical_outside(st, [subject], members))


def _stored_targets(st: Any, mentions: Iterable[Node]) -> dict[Node, Node]:
    """Mention IRI -> the canonical entity its stored record resolves to (those that have one)."""
    return {r: c for r, c in sorted(_object_rows(st, mentions, GK.resolvesTo))}


def _full_mapping(
    st: Any,
    facts: Iterable[Triple],
    mapping: Mapping[URIRef, URIRef | None],
    stored: Mapping[Node, Node] | None = None,
) -> dict[Node, Node]:
    """Every mention of ``facts`` -> its canonical entity: from ``mapping`` (the component
    resolved), else from ``stored`` (read from the store when not given), else itself."""
    used = _mentions_of(facts)
    if stored is None:
        stored = _stored_targets(st, [m for m in used if mapping.get(m) is None])  # type: ignore[call-overload]
    out: dict[Node, Node] = {}
    for m in used:
        target = mapping.get(m) or stored.get(m)  # type: ignore[call-overload]
        out[m] = target if target is not None else m
    return out


_MENTION_KINDS = frozenset((GK.subjectMention, GK.objectMention, GK.mentions))


def _mentions_of(facts: Iterable[Triple]) -> set[Node]:
    return {o for _, p, o in facts if p in _MENTION_KINDS}


def _has_reference(st: Any, record: URIRef, article: URIRef) -> bool:
    return bool(_referencing(st, [record], article))


def _referencing(
    st: Any,
    records: Iterable[URIRef],
    article: URIRef,
    memo: dict[Node, set[Triple]] | None = None,
) -> set[URIRef]:
    """The records among ``records`` that list ``article`` (``dcterms:isReferencedBy``).

    On a server, with ``memo``, the same query reads the records as :func:`entity_triples`
    does, into ``memo``: the step's first read of its seeds costs no request of its own.
    """
    records = list(dict.fromkeys(records))
    if isinstance(st, ox.Store):
        art, pred = ox.NamedNode(str(article)), ox.NamedNode(str(DCTERMS.isReferencedBy))
        return {r for r in records if ox.Quad(ox.NamedNode(str(r)), pred, art, ENTITIES) in st}
    refs = ", ".join(f"<{p}>" for p in sorted(_REFERENCE_IRIS))
    ref, wanted = DCTERMS.isReferencedBy, "" if memo is None else f"?p NOT IN ({refs}) || "
    found: set[URIRef] = set()
    for batch in _batches(records):
        rows = _query(
            st, f"SELECT ?r ?p ?o WHERE {{ VALUES ?r {{ {_iri_values(batch)} }} "
            f"GRAPH <{ENTITIES.value}> {{ ?r ?p ?o }} "
            f"FILTER({wanted}(?p = <{ref}> && ?o = <{article}>)) }}",
        )  # fmt: skip
        read: dict[Node, set[Triple]] = {r: set() for r in batch}
        for row in rows:
            r, p = from_ox(row[0]), from_ox(row[1])
            if p == ref:
                found.add(r)  # type: ignore[arg-type]
            else:
                read[r].add((r, p, from_ox(row[2])))
        if memo is not None:
            for r, triples in read.items():
                memo.setdefault(r, triples)
    return found


def _articles_of(st: Any, record: URIRef) -> set[URIRef]:
    return _articles_of_all(st, [record])


def _articles_of_all(st: Any, records: Iterable[URIRef]) -> set[URIRef]:
    """The articles any of ``records`` is referenced by."""
    return {a for _, a in _object_rows(st, records, DCTERMS.isReferencedBy)}


def _references(st: Any, articles: Iterable[URIRef]) -> set[URIRef]:
    return {r for r, _ in _object_rows(st, (), DCTERMS.isReferencedBy, objects=articles)}
