"""Resolution inside one graph: lexicon names, titles, and aliases the graph itself links.

:func:`normalize_graph` depends on nothing but the graph it is given, so it can run on each
input graph alone and running it twice changes nothing. It

1. renames countries and places named by a country variant or demonym to the country
   ("Britain", "Colombian" -> United Kingdom, Colombia), capitals and seats of government
   typed as a country or organization, or as a place that is an actor of an event, to their
   country ("White House", "Bogotá extradited ..."), organizations' acronyms to their full name
   ("NATO"), and a person's titled name to the bare name ("President Petro" -> "Petro");
2. merges names the same graph links: a surname next to the only full name that fits it in
   the same article, a name the article lists as another entity's alias;
3. gives countries their ISO 3166 codes and Wikidata item (``gk:iso3``, ``gk:iso2``,
   ``owl:sameAs wd:Q…``), organizations their Wikidata item where the table has one, and
   every entity exactly one ``rdfs:label`` (other names become ``skos:altLabel``).

Each rename is recorded in the same graph as ``old owl:sameAs new`` with ``gk:mergeReason``,
so removing the article removes its records; surface names stay as ``skos:altLabel``.

Examples:
    >>> from graphkit.graph import article_dataset
    >>> from graphkit.records import Article, ArticleResult, Entity
    >>> from rdflib.namespace import RDFS
    >>> from graphkit.merge.terms import to_graphs
    >>> art = Article.from_text("Britain and Petro.", source="a.txt")
    >>> ents = (Entity("Country", "Britain"), Entity("Person", "President Petro"))
    >>> triples = set().union(*to_graphs(article_dataset(ArticleResult(art, ents))).values())
    >>> out = normalize_graph(triples)
    >>> sorted(str(o) for s, p, o in out if p == RDFS.label)
    ['Petro', 'United Kingdom']
    >>> uk = URIRef("https://w3id.org/graphkit/id/country/united-kingdom")
    >>> (uk, GK.iso3, Literal("GBR")) in out
    True
    >>> normalize_graph(out) == out
    True
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from graphkit.merge.cluster import cluster
from graphkit.merge.names import Target, lexicon_target, strip_titles
from graphkit.merge.terms import (
    ALT_LABEL,
    LABEL,
    MERGE_REASON,
    SAME_AS,
    Triple,
    entity_infos,
    entity_types,
    event_predicates,
    rename,
)
from graphkit.records import Entity, slugify
from graphkit.vocab import GK, WD, entity_iri

ISO3, ISO2 = URIRef(str(GK.iso3)), URIRef(str(GK.iso2))


def _actors(triples: set[Triple]) -> set[Node]:
    events = event_predicates()
    found: set[Node] = set()
    for s, p, o in triples:
        if p in events:
            found.add(s)
            found.add(o)
    return found


def _target(names: frozenset[str], type_: str, iri: Node, *, actor: bool) -> Target | None:
    """The lexicon target of the first label that has one, preferring one naming ``iri`` itself."""
    found = [
        t for t in (lexicon_target(n, type_, actor=actor) for n in sorted(names)) if t is not None
    ]
    for target in found:
        if entity_iri(Entity(target.type, target.name).key) == iri:
            return target
    return found[0] if found else None


def _lexicon_renames(
    triples: set[Triple],
) -> tuple[dict[Node, Node], dict[Node, str], dict[Node, Target | str]]:
    """Renames by the lexicon and titles: (old -> new, old -> reason, new -> its label source)."""
    infos = entity_infos([triples])
    actors = _actors(triples)
    mapping: dict[Node, Node] = {}
    reasons: dict[Node, str] = {}
    labels: dict[Node, Target | str] = {}
    for iri, info in infos.items():
        label = info.label
        if not label:
            continue
        if info.type == "Person":
            bare, titles = strip_titles(label)
            if not titles:
                continue
            new: Node = entity_iri(Entity("Person", bare).key)
            labels[new] = bare
            reason = f"'{label}' is '{bare}' with the title '{titles}'"
        else:
            target = _target(info.labels, info.type, iri, actor=iri in actors)
            if target is None:
                continue
            new = entity_iri(Entity(target.type, target.name).key)
            labels[new] = target
            reason = target.reason
        if new != iri:
            mapping[iri] = new
            reasons[iri] = reason
    return mapping, reasons, labels


def _records(
    mapping: dict[Node, Node], reasons: dict[Node, str], *, suffix: str = ""
) -> set[Triple]:
    out: set[Triple] = set()
    for old, new in mapping.items():
        out.add((old, SAME_AS, new))
        out.add((old, MERGE_REASON, Literal(reasons[old] + suffix)))
    return out


def _describe(triples: set[Triple], labels: dict[Node, Target | str]) -> set[Triple]:
    """One rdfs:label per entity (the lexicon's name where known), identifiers for countries.

    Returns ``triples`` itself when nothing changes.
    """
    typed = entity_types(triples)
    current: dict[Node, set[Node]] = {}
    alts: list[Triple] = []
    for t in triples:
        if t[0] in typed:
            if t[1] == LABEL:
                current.setdefault(t[0], set()).add(t[2])
            elif t[1] == ALT_LABEL:
                alts.append(t)
    add: set[Triple] = set()
    drop: set[Triple] = set()
    for iri in typed:
        source = labels.get(iri)
        names = current.get(iri, set())
        if source is None:
            if len(names) <= 1:
                continue
            slug = str(iri).rsplit("/", 1)[-1]
            fitting = sorted(str(n) for n in names if slugify(str(n)) == slug)
            chosen = Literal(fitting[0] if fitting else min(str(n) for n in names))
        else:
            chosen = Literal(source if isinstance(source, str) else source.name)
        for name in names - {chosen}:
            drop.add((iri, LABEL, name))
            add.add((iri, ALT_LABEL, name))
        add.add((iri, LABEL, chosen))
        current[iri] = {chosen}
        if isinstance(source, Target):
            if source.iso3:
                add.add((iri, ISO3, Literal(source.iso3)))
            if source.iso2:
                add.add((iri, ISO2, Literal(source.iso2)))
            if source.wikidata:
                add.add((iri, SAME_AS, WD[source.wikidata]))
    # an alternative label equal to the label says nothing
    drop.update(t for t in [*alts, *add] if t[1] == ALT_LABEL and t[2] in current.get(t[0], ()))
    if not drop and add <= triples:
        return triples
    return (triples - drop) | (add - drop)


def normalize_graph(triples: set[Triple]) -> set[Triple]:
    """Resolve the entities of one graph by the lexicon and by the graph's own aliases.

    Args:
        triples: the triples of one named graph.

    Returns:
        A new set of triples; the input is not changed.
    """
    mapping, reasons, labels = _lexicon_renames(triples)
    out = rename(triples, mapping) | _records(mapping, reasons) if mapping else triples
    out = _describe(out, labels)
    merges, _ = cluster(entity_infos([out]))
    if merges:
        same = {old: m.canonical for old, m in merges.items()}
        why = {old: m.reason for old, m in merges.items()}
        out = rename(out, same) | _records(same, why, suffix=" in the same article")
        out = _describe(out, {k: v for k, v in labels.items() if k not in merges})
    return out


def normalize_all(graphs: dict[Node, set[Triple]]) -> dict[Node, set[Triple]]:
    """:func:`normalize_graph` on every graph."""
    return {name: normalize_graph(triples) for name, triples in graphs.items()}
