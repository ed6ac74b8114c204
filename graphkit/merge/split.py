"""Splitting an article's graphs into its facts and its entities' name records.

An article as :mod:`graphkit.graph` writes it is resolved inside itself
(:func:`graphkit.merge.normalize.normalize_graph`), then split into the facts its graph
keeps and one :class:`graphkit.merge.records.Mention` per entity it minted;
:func:`article_graph` writes the graph back with each mention's canonical IRI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from graphkit.merge.names import strip_titles
from graphkit.merge.normalize import normalize_graph
from graphkit.merge.records import (
    CLASS_OF,
    DESCRIPTION_PREDICATES,
    TYPE_OF,
    Mention,
    Triple,
    records_from,
)
from graphkit.merge.terms import SAME_AS, entity_types
from graphkit.vocab import GK, ID_BASE, WD, relations

_OFFICES = frozenset({GK.leaderOf, GK.officialOf})
# terms as plain names: a namespace attribute costs a Python call at each use
_SUBJECT_MENTION, _OBJECT_MENTION, _MENTIONS = GK.subjectMention, GK.objectMention, GK.mentions
_SUBJECT, _OBJECT, _PREDICATE, _TYPE = RDF.subject, RDF.object, RDF.predicate, RDF.type
_LABEL, _ALT_LABEL, _MODALITY, _PERSON = RDFS.label, SKOS.altLabel, GK.modality, GK.Person
_MERGE_REASON, _LOCATED_IN = GK.mergeReason, GK.locatedIn
_ISO3, _ISO2, _COUNTRY_CODE = GK.iso3, GK.iso2, GK.countryCode


@cache
def relation_iris() -> frozenset[Node]:
    return frozenset(r.iri for r in relations())


@dataclass
class ArticleInput:
    """One article as written by :mod:`graphkit.graph`: its facts and its entities' records."""

    iri: URIRef
    facts: set[Triple]
    mentions: dict[URIRef, Mention]


def split_article(
    iri: URIRef, triples: set[Triple], descriptions: Iterable[Triple]
) -> ArticleInput:
    """Resolve inside the article, then split facts (kept in its graph) from descriptions.

    Args:
        iri: the article (and graph) IRI.
        triples: the article graph's triples.
        descriptions: description triples of its entities (from an entities graph, or from
            name records of an earlier resolution, which are turned back into descriptions).
    """
    rels = relation_iris()
    descriptions = set(descriptions)
    records = records_from(descriptions)
    # a resolved input: what the article said (its name records), not the merged description
    desc = {t for t in descriptions if t[0] not in records}
    for m in records.values():
        desc |= record_description(m)
    drop = (_SUBJECT, _OBJECT)
    has = {(s, p) for s, p, _ in triples if p in (_SUBJECT_MENTION, _OBJECT_MENTION)}
    older = {  # files written before evidence named its mentions
        (s, _SUBJECT_MENTION if p == _SUBJECT else _OBJECT_MENTION, o)
        for s, p, o in triples
        if p in drop and (s, _SUBJECT_MENTION if p == _SUBJECT else _OBJECT_MENTION) not in has
    }
    triples = triples | older
    used = {o for _, p, o in triples if p in (_SUBJECT_MENTION, _OBJECT_MENTION, _MENTIONS)}
    used |= {s for s, p, o in triples if p == _TYPE and o in TYPE_OF}  # older files
    persons = {s for s, p, o in desc if p == _TYPE and o == _PERSON}
    # titles seen before the article's own resolution strips them
    titled_names = {  # names a record carries may come from other articles: not these
        str(o): bool(strip_titles(str(o))[1])
        for s, p, o in desc
        if p in (_LABEL, _ALT_LABEL) and s in used and s in persons and s not in records
    }
    titled_records = {r for r, m in records.items() if iri in m.titled}
    whole = {t for t in triples if t[1] not in rels and t[1] not in drop} | {
        t for t in desc if t[0] in used and t[1] in DESCRIPTION_PREDICATES
    }
    whole |= _relations_from_evidence(whole, {})
    normalized = normalize_graph(whole)
    typed = entity_types(normalized)
    facts: set[Triple] = set()
    mentions: dict[URIRef, Mention] = {}
    for t in normalized:
        s, p, o = t
        if s in typed or (p == SAME_AS and str(o).startswith(ID_BASE)) or p == _MERGE_REASON:
            if s in typed:
                _note(mentions, s, typed[s], p, o)
            continue
        if p in rels:
            continue
        facts.add(t)
    for s, p, _o in normalized:
        if p in _OFFICES and isinstance(s, URIRef) and s in mentions:
            mentions[s].titled.add(iri)
        elif p == _LOCATED_IN and isinstance(s, URIRef) and s in mentions:
            mentions[s].ids.add("located=yes")  # said to lie somewhere: evidence of a place
    for m in mentions.values():
        m.articles.add(iri)
        if any(titled_names.get(n) for n in m.names) or m.iri in titled_records:
            m.titled.add(iri)
        m.count = 1
        m.titled_count = 1 if m.titled else 0
    return ArticleInput(iri, facts, mentions)


def record_description(m: Mention) -> set[Triple]:
    """The description an article gave the entity of a name record (type, names, codes)."""
    out: set[Triple] = {(m.iri, _TYPE, CLASS_OF[m.type])}
    out |= {(m.iri, _LABEL, Literal(n)) for n in m.labels}
    out |= {(m.iri, _ALT_LABEL, Literal(n)) for n in m.names - m.labels}
    for ident in m.ids:
        scheme, _, value = ident.partition("=")
        if scheme == "wikidata":
            out.add((m.iri, SAME_AS, WD[value]))
        elif scheme in _ID_PREDICATES:
            out.add((m.iri, _ID_PREDICATES[scheme], Literal(value)))
    return out


_ID_PREDICATES = {"iso3": _ISO3, "iso2": _ISO2, "country": _COUNTRY_CODE}


def _mentions_used(triples: Iterable[Triple]) -> set[Node]:
    kinds = (_SUBJECT_MENTION, _OBJECT_MENTION, _MENTIONS, _SUBJECT, _OBJECT)
    return {o for _, p, o in triples if p in kinds}


def _note(mentions: dict[URIRef, Mention], s: Node, kind: str, p: Node, o: Node) -> None:
    assert isinstance(s, URIRef)
    m = mentions.get(s)
    if m is None:
        m = mentions[s] = Mention(s, kind, set(), set())
    if p == _LABEL:
        m.labels.add(str(o))
        m.names.add(str(o))
    elif p == _ALT_LABEL:
        m.names.add(str(o))
    elif p == _ISO3:
        m.ids.add(f"iso3={o}")
    elif p == _ISO2:
        m.ids.add(f"iso2={o}")
    elif p == _COUNTRY_CODE:
        m.ids.add(f"country={o}")
    elif p == SAME_AS and str(o).startswith("http://www.wikidata.org/entity/"):
        m.ids.add("wikidata=" + str(o).rsplit("/", 1)[-1])


def _relations_from_evidence(
    triples: Iterable[Triple], mapping: Mapping[Node, Node]
) -> set[Triple]:
    """Evidence rdf:subject/object from the mentions, and the asserted relation triples."""
    ev: dict[Node, dict[Node, Node]] = {}
    for s, p, o in triples:
        if p in (_SUBJECT_MENTION, _OBJECT_MENTION, _PREDICATE, _MODALITY):
            ev.setdefault(s, {})[p] = o
    out: set[Triple] = set()
    for node, parts in ev.items():
        s0, o0, p0 = (
            parts.get(_SUBJECT_MENTION),
            parts.get(_OBJECT_MENTION),
            parts.get(_PREDICATE),
        )
        if s0 is None or o0 is None or p0 is None:
            continue
        s, o, p = s0, o0, p0
        s2, o2 = mapping.get(s, s), mapping.get(o, o)
        out.add((node, _SUBJECT, s2))
        out.add((node, _OBJECT, o2))
        if str(parts.get(_MODALITY, "asserted")) == "asserted":
            out.add((s2, p, o2))
    return out


def article_graph(facts: Iterable[Triple], mapping: Mapping[Node, Node]) -> set[Triple]:
    """An article graph from its facts and the canonical IRI of each of its mentions."""
    rels = relation_iris()
    kept = {t for t in facts if t[1] not in rels and t[1] not in (_SUBJECT, _OBJECT)}
    return kept | _relations_from_evidence(kept, mapping)
