"""Deciding one component: a type per record by the evidence, then the clusters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import Node

from graphkit.merge.cluster import EntityInfo, cluster
from graphkit.merge.names import lexicon_target, name_tokens
from graphkit.merge.records import (
    Mention,
)
from graphkit.merge.variants import variant
from graphkit.records import Entity
from graphkit.vocab import ID_BASE, entity_iri


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
