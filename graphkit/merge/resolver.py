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
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from graphkit.errors import GraphkitError
from graphkit.graph import ENTITIES_GRAPH
from graphkit.lexicon import norm
from graphkit.merge.cluster import EntityInfo, cluster
from graphkit.merge.names import lexicon_target, name_tokens, strip_titles
from graphkit.merge.normalize import normalize_graph
from graphkit.merge.records import (
    CLASS_OF,
    DESCRIPTION_PREDICATES,
    RECORD_PREDICATES,
    TYPE_OF,
    Mention,
    Triple,
    describe,
    name_keys,
    record_triples,
    records_from,
)
from graphkit.merge.terms import SAME_AS, entity_types
from graphkit.merge.variants import variant
from graphkit.records import Entity
from graphkit.store.entail import ox_entailments
from graphkit.store.terms import from_ox, inferred_graph, to_ox
from graphkit.vocab import GK, ID_BASE, WD, entity_iri, relations

ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
MAX_COMPONENT = 5000
"""Records one resolution step may gather; beyond, the names are too common to resolve."""
_OFFICES = frozenset({GK.leaderOf, GK.officialOf})
_ARTICLE_PREFIX = ID_BASE + "article/"


def relation_iris() -> frozenset[Node]:
    return frozenset(r.iri for r in relations())


# --- splitting an article's graphs ------------------------------------------------------------


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
    drop = (RDF.subject, RDF.object)
    has = {(s, p) for s, p, _ in triples if p in (GK.subjectMention, GK.objectMention)}
    older = {  # files written before evidence named its mentions
        (s, GK.subjectMention if p == RDF.subject else GK.objectMention, o)
        for s, p, o in triples
        if p in drop and (s, GK.subjectMention if p == RDF.subject else GK.objectMention) not in has
    }
    triples = triples | older
    used = {o for _, p, o in triples if p in (GK.subjectMention, GK.objectMention, GK.mentions)}
    used |= {s for s, p, o in triples if p == RDF.type and o in TYPE_OF}  # older files
    persons = {s for s, p, o in desc if p == RDF.type and o == GK.Person}
    # titles seen before the article's own resolution strips them
    titled_names = {  # names a record carries may come from other articles: not these
        str(o): bool(strip_titles(str(o))[1])
        for s, p, o in desc
        if p in (RDFS.label, SKOS.altLabel) and s in used and s in persons and s not in records
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
        if s in typed or (p == SAME_AS and str(o).startswith(ID_BASE)) or p == GK.mergeReason:
            if s in typed:
                _note(mentions, s, typed[s], p, o)
            continue
        if p in rels:
            continue
        facts.add(t)
    for s, p, _o in normalized:
        if p in _OFFICES and isinstance(s, URIRef) and s in mentions:
            mentions[s].titled.add(iri)
        elif p == GK.locatedIn and isinstance(s, URIRef) and s in mentions:
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
    out: set[Triple] = {(m.iri, RDF.type, CLASS_OF[m.type])}
    out |= {(m.iri, RDFS.label, Literal(n)) for n in m.labels}
    out |= {(m.iri, SKOS.altLabel, Literal(n)) for n in m.names - m.labels}
    for ident in m.ids:
        scheme, _, value = ident.partition("=")
        if scheme == "wikidata":
            out.add((m.iri, SAME_AS, WD[value]))
        elif scheme in _ID_PREDICATES:
            out.add((m.iri, _ID_PREDICATES[scheme], Literal(value)))
    return out


_ID_PREDICATES = {"iso3": GK.iso3, "iso2": GK.iso2, "country": GK.countryCode}


def _mentions_used(triples: Iterable[Triple]) -> set[Node]:
    kinds = (GK.subjectMention, GK.objectMention, GK.mentions, RDF.subject, RDF.object)
    return {o for _, p, o in triples if p in kinds}


def _note(mentions: dict[URIRef, Mention], s: Node, kind: str, p: Node, o: Node) -> None:
    assert isinstance(s, URIRef)
    m = mentions.get(s)
    if m is None:
        m = mentions[s] = Mention(s, kind, set(), set())
    if p == RDFS.label:
        m.labels.add(str(o))
        m.names.add(str(o))
    elif p == SKOS.altLabel:
        m.names.add(str(o))
    elif p == GK.iso3:
        m.ids.add(f"iso3={o}")
    elif p == GK.iso2:
        m.ids.add(f"iso2={o}")
    elif p == GK.countryCode:
        m.ids.add(f"country={o}")
    elif p == SAME_AS and str(o).startswith("http://www.wikidata.org/entity/"):
        m.ids.add("wikidata=" + str(o).rsplit("/", 1)[-1])


def _relations_from_evidence(
    triples: Iterable[Triple], mapping: Mapping[Node, Node]
) -> set[Triple]:
    """Evidence rdf:subject/object from the mentions, and the asserted relation triples."""
    ev: dict[Node, dict[Node, Node]] = {}
    for s, p, o in triples:
        if p in (GK.subjectMention, GK.objectMention, RDF.predicate, GK.modality):
            ev.setdefault(s, {})[p] = o
    out: set[Triple] = set()
    for node, parts in ev.items():
        s0, o0, p0 = (
            parts.get(GK.subjectMention),
            parts.get(GK.objectMention),
            parts.get(RDF.predicate),
        )
        if s0 is None or o0 is None or p0 is None:
            continue
        s, o, p = s0, o0, p0
        s2, o2 = mapping.get(s, s), mapping.get(o, o)
        out.add((node, RDF.subject, s2))
        out.add((node, RDF.object, o2))
        if str(parts.get(GK.modality, "asserted")) == "asserted":
            out.add((s2, p, o2))
    return out


def article_graph(facts: Iterable[Triple], mapping: Mapping[Node, Node]) -> set[Triple]:
    """An article graph from its facts and the canonical IRI of each of its mentions."""
    rels = relation_iris()
    kept = {t for t in facts if t[1] not in rels and t[1] not in (RDF.subject, RDF.object)}
    return kept | _relations_from_evidence(kept, mapping)


# --- the index ------------------------------------------------------------------------------


def _literal_values(values: Iterable[str]) -> str:
    return " ".join(to_ox(Literal(v)).__str__() for v in sorted(values))


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


def entity_triples(st: Any, subjects: Iterable[Node]) -> set[Triple]:
    """The record and description triples of the entities graph about the given subjects.

    A record's links to its articles (``dcterms:isReferencedBy``, ``gk:titledIn``) are left
    out: they grow with the store, and resolution needs only their counts. In an embedded
    store each predicate is read by its own look-up (graph, subject and predicate bound: one
    range of the store's index), so a record that many articles name (a country) costs no
    more than a rare one; a server gets one query per subject.
    """
    out: set[Triple] = set()
    local = isinstance(st, ox.Store)
    for s in subjects:
        node = ox.NamedNode(str(s))
        if local:
            for pred in _READ_PREDICATES:
                for q in st.quads_for_pattern(node, pred, None, ENTITIES):
                    out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            continue
        for q in st.quads_for_pattern(node, None, None, ENTITIES):
            if q.predicate.value not in _REFERENCE_IRIS:
                out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return out


def gather(
    st: Any, seeds: dict[URIRef, Mention], *, drop: Iterable[Node] = (), stored: bool = False
) -> dict[URIRef, Mention]:
    """The component of ``seeds``: stored records sharing a key with them, transitively.

    Stored records of the seeds' own IRIs are merged into the seeds (``absorb``) unless the
    seeds were read from the store (``stored``); IRIs in ``drop`` are left out (records
    being removed).
    """
    members = dict(seeds)
    dropped = set(drop)
    if not stored:
        for iri, m in records_from(entity_triples(st, members)).items():
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
        new = records_from(entity_triples(st, found))
        members.update(new)
        if len(members) > MAX_COMPONENT:
            msg = (
                f"entity resolution gathered more than {MAX_COMPONENT} name records sharing names "
                f"(starting from {sorted(str(s) for s in seeds)[:3]}); raise "
                "graphkit.merge.resolver.MAX_COMPONENT or report the names"
            )
            raise GraphkitError(msg)
        for m in new.values():
            keys |= name_keys(m)
    return members


# --- clustering one component ----------------------------------------------------------------


def _segment(iri: Node) -> str:
    return str(iri)[len(ID_BASE) :].split("/", 1)[0]


def _lexical(m: Mention) -> bool:
    """True when the lexicon knows the name (a country, organization, capital or seat)."""
    return any(lexicon_target(n, m.type, actor=True) is not None for n in m.labels)


def effective_types(members: Mapping[URIRef, Mention]) -> dict[URIRef, str]:
    """One type per record, decided by the evidence across articles.

    A name an article gives a title or an office anywhere is a Person; a name typed an
    Organization or Place that the lexicon does not know, and that is the name or the surname
    of a Person of the component, or whose surname is one, is that Person too ("Trump" typed
    Organization, "Milei" typed Place, "Bidzina Ivanishvili" typed Organization beside the
    person "Ivanishvili"); the other records keep their type.
    """
    kinds = {iri: ("Person" if m.titled_count > 0 else m.type) for iri, m in members.items()}
    person_keys: set[tuple[str, ...]] = set()
    for iri, m in members.items():
        if kinds[iri] == "Person":
            for label in m.labels:
                words = name_tokens(label)
                person_keys |= {words[i:] for i in range(len(words))}
    person_labels = {
        name_tokens(label)
        for iri, m in members.items()
        if kinds[iri] == "Person"
        for label in m.labels
    }
    for iri, m in members.items():
        # a gazetteer place, or one an article says lies somewhere, stays a place
        located = any(i.startswith(("country=", "located=")) for i in m.ids)
        if kinds[iri] in ("Organization", "Place") and not _lexical(m) and not located:
            for label in m.labels:
                words = name_tokens(label)
                tails = {words[i:] for i in range(1, len(words))}
                if words in person_keys or tails & person_labels:
                    kinds[iri] = "Person"
    return kinds


@dataclass(frozen=True)
class Resolved:
    """Where one record goes."""

    canonical: URIRef
    kind: str
    reason: str


def resolve_component(members: Mapping[URIRef, Mention]) -> dict[URIRef, Resolved]:
    """Cluster a component's records: record IRI -> its canonical entity."""
    kinds = effective_types(members)
    names: dict[URIRef, set[str]] = {iri: set(m.names) for iri, m in members.items()}
    ordered = sorted(members, key=str)
    by_skeleton: dict[tuple[str, str], list[URIRef]] = {}
    for iri in ordered:
        if kinds[iri] in ("Person", "Organization"):
            for label in members[iri].labels:
                by_skeleton.setdefault((kinds[iri], _skeleton_key(label)), []).append(iri)
    for group in by_skeleton.values():
        group[:] = sorted(set(group), key=str)
    for group in by_skeleton.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                la, lb = members[a].label, members[b].label
                if variant(la, lb):
                    names[a].add(lb)
                    names[b].add(la)
    # a short form spelled another way ("el-Sissi" beside "Abdel Fattah el-Sisi")
    people = [iri for iri in ordered if kinds[iri] == "Person"]
    labels = {iri: members[iri].label for iri in people}
    tokens = {iri: name_tokens(labels[iri]) for iri in people}
    for iri in people:
        short = tokens[iri]
        for other in people:
            full = tokens[other]
            if other == iri or len(full) <= len(short):
                continue
            tail = full[-len(short) :]
            if tail != short and variant(" ".join(short), " ".join(tail)):
                names[other].add(labels[iri])
    infos = {
        iri: EntityInfo(
            kinds[iri],
            frozenset(members[iri].labels or names[iri]),
            frozenset(names[iri]),
            max(1, members[iri].count),
        )
        for iri in ordered
    }
    merges, _ = cluster(infos)  # type: ignore[arg-type]
    out: dict[URIRef, Resolved] = {}
    for iri in ordered:
        merge = merges.get(iri)
        head = merge.canonical if merge is not None else iri
        assert isinstance(head, URIRef)
        kind = kinds[head]
        canonical = head
        if _segment(head) != kind.lower():
            canonical = entity_iri(Entity(kind, members[head].label).key)
        reason = merge.reason if merge is not None else ""
        if not reason and canonical != iri:
            reason = f"'{members[iri].label}' is a {kind} by the evidence of the articles naming it"
        out[iri] = Resolved(canonical, kind, reason)
    return out


def _skeleton_key(label: str) -> str:
    from graphkit.merge.records import skeleton

    return skeleton(label)


# --- plans: what one step writes ---------------------------------------------------------------


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

    def update(self) -> str:
        """The SPARQL Update doing the whole step (Oxigraph runs it as one transaction)."""
        parts: list[str] = []
        for name, triples in sorted(self.graphs.items(), key=lambda kv: str(kv[0])):
            inferred = inferred_graph(str(name))
            parts.append(f"DROP SILENT GRAPH <{name}> ; DROP SILENT GRAPH <{inferred}>")
            if triples:
                ox_triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
                body = _nt(ox_triples)
                extra = _nt(ox_entailments(ox_triples))
                parts.append(
                    f"INSERT DATA {{ GRAPH <{name}> {{\n{body}}}\n"
                    f"GRAPH <{inferred}> {{\n{extra}}} }}"
                )
        delete, insert = self.delete - self.insert, self.insert - self.delete
        if delete:
            parts.append(f"DELETE DATA {{ GRAPH <{ENTITIES.value}> {{\n{_nt_rdflib(delete)}}} }}")
        if insert:
            parts.append(f"INSERT DATA {{ GRAPH <{ENTITIES.value}> {{\n{_nt_rdflib(insert)}}} }}")
        return " ;\n".join(parts) if parts else ""


def _nt(triples: list[Any]) -> str:
    return bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def _nt_rdflib(triples: Iterable[Triple]) -> str:
    return _nt([ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples])


def _article_triples(st: Any, iri: URIRef) -> set[Triple]:
    name = ox.NamedNode(str(iri))
    return {
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
        for q in st.quads_for_pattern(None, None, None, name)
    }


def _plan_component(
    st: Any,
    members: dict[URIRef, Mention],
    *,
    new_articles: Mapping[URIRef, set[Triple]],
    removed: Iterable[URIRef] = (),
    dropped_records: Iterable[URIRef] = (),
) -> Plan:
    plan = Plan()
    resolved = resolve_component(members)
    old_canonical = {iri: m.resolves_to for iri, m in members.items()}
    old_descr_subjects: set[Node] = {c for c in old_canonical.values() if c is not None}
    old_descr_subjects |= set(members) | set(dropped_records)
    for m in records_from(entity_triples(st, dropped_records)).values():
        if m.resolves_to is not None:
            old_descr_subjects.add(m.resolves_to)
    old = entity_triples(st, old_descr_subjects)
    plan.delete = {t for t in old if t[1] in DESCRIPTION_PREDICATES or t[1] in RECORD_PREDICATES}
    plan.delete |= {
        t for t in old if t[0] in set(members) | set(dropped_records) and t[1] == GK.nameKey
    }
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
    outside = {
        t for t in outside if t[0] not in old_descr_subjects or _still_canonical(st, t[0], members)
    }
    plan.delete -= outside
    # articles to (re)write
    removed_set = set(removed)
    mapping = {iri: m.resolves_to for iri, m in members.items()}
    for art, facts in new_articles.items():
        plan.graphs[art] = article_graph(facts, _full_mapping(st, facts, mapping))
    moved = {iri for iri, m in members.items() if old_canonical[iri] not in (None, m.resolves_to)}
    touched: set[URIRef] = set()
    for iri in moved:
        touched |= _articles_of(st, iri)
    for art in sorted(touched - set(new_articles) - removed_set, key=str):
        facts = _article_triples(st, art)
        if facts:
            plan.graphs[art] = article_graph(facts, _full_mapping(st, facts, mapping))
            plan.rewritten.append(art)
    return plan


def _still_canonical(st: Any, subject: Node, members: Mapping[URIRef, Mention]) -> bool:
    rows = st.quads_for_pattern(
        None, ox.NamedNode(str(GK.resolvesTo)), ox.NamedNode(str(subject)), ENTITIES
    )
    return any(URIRef(q.subject.value) not in members for q in rows)


def _full_mapping(
    st: Any, facts: Iterable[Triple], mapping: Mapping[URIRef, URIRef | None]
) -> dict[Node, Node]:
    used = {o for _, p, o in facts if p in (GK.subjectMention, GK.objectMention, GK.mentions)}
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


def _merge_plans(plans: list[Plan]) -> Plan:
    out = Plan()
    for p in plans:
        out.graphs.update(p.graphs)
        out.delete |= p.delete
        out.insert |= p.insert
        out.rewritten += p.rewritten
    return out


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
    for a in inputs:
        for iri, m in a.mentions.items():
            if _has_reference(st, iri, a.iri):  # the article was counted before (re-resolved)
                m.count, m.titled_count = 0, 0
            if iri in seeds:
                seeds[iri].absorb(m)
            else:
                seeds[iri] = m
    members = gather(st, seeds)
    return _plan_component(st, members, new_articles={a.iri: a.facts for a in inputs})


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
    stored = records_from(entity_triples(st, refs))
    titled_gone = {s for s, p, _ in links if p == GK.titledIn}
    for iri, m in stored.items():
        m.count -= len(refs.get(iri, ()))
        if iri in titled_gone:
            m.titled_count -= sum(1 for s, p, _ in links if s == iri and p == GK.titledIn)
    keep = {iri: m for iri, m in stored.items() if m.count > 0}
    gone = [iri for iri, m in stored.items() if m.count <= 0]
    members = gather(st, keep, drop=gone, stored=True)
    keys: set[str] = set()
    for iri in gone:
        keys |= name_keys(stored[iri])
    if keys:  # neighbours of the records that go may have leaned on them
        extra = lookup(st, keys) - set(members) - set(gone)
        if extra:
            more = records_from(entity_triples(st, extra))
            members = gather(st, {**members, **more}, drop=gone, stored=True)
    plan = _plan_component(st, members, new_articles={}, removed=arts, dropped_records=gone)
    plan.delete |= links
    for iri in gone:
        plan.delete |= {
            (iri, p, a)
            for p in (DCTERMS.isReferencedBy, GK.titledIn)
            for a in _articles_of(st, iri)
        }
    for art in arts:
        plan.graphs[art] = set()
    return plan


def pending_articles(st: Any) -> list[URIRef]:
    """Articles marked as waiting for resolution, in order."""
    rows = st.quads_for_pattern(ENTITIES, ox.NamedNode(str(GK.pendingArticle)), None, ENTITIES)
    return sorted((URIRef(q.object.value) for q in rows), key=str)


def pending_triple(article: URIRef) -> Triple:
    """The mark saying an article waits for resolution."""
    return (ENTITIES_GRAPH, GK.pendingArticle, article)


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


def described(st: Any) -> dict[str, str]:
    """Entity IRI -> type name of every described entity (for reports)."""
    out: dict[str, str] = {}
    for q in st.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None, ENTITIES):
        kind = TYPE_OF.get(URIRef(q.object.value))  # type: ignore[call-overload]
        if kind:
            out[q.subject.value] = kind
    return out


__all__ = [
    "ArticleInput",
    "Plan",
    "add_article",
    "add_articles",
    "article_graph",
    "described",
    "norm",
    "pending_articles",
    "pending_triple",
    "remove_articles",
    "resolve_component",
    "resolve_pending",
    "split_article",
]
