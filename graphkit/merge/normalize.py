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
    >>> from rdflib import URIRef
    >>> from graphkit.merge.terms import to_graphs
    >>> art = Article.from_text("Britain and Petro.", source="a.txt")
    >>> ents = (Entity("Country", "Britain"), Entity("Person", "President Petro"))
    >>> (triples,) = to_graphs(article_dataset(ArticleResult(art, ents))).values()
    >>> out = normalize_graph(triples)
    >>> sorted(str(o) for s, p, o in out if p == RDFS.label)
    ['Petro', 'United Kingdom']
    >>> (URIRef("https://w3id.org/graphkit/id/country/united-kingdom"), GK.iso3, Literal("GBR")) in out
    True
    >>> normalize_graph(out) == out
    True
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import OWL, RDFS, SKOS
from rdflib.term import Node

from graphkit.merge.cluster import cluster
from graphkit.merge.names import Target, lexicon_target, strip_titles
from graphkit.merge.terms import Triple, entity_infos, entity_types, event_predicates, rename
from graphkit.records import Entity, slugify
from graphkit.vocab import GK, WD, entity_iri


def _actors(triples: set[Triple]) -> set[Node]:
    events = event_predicates()
    found: set[Node] = set()
    for s, p, o in triples:
        if p in events:
            found.add(s)
            found.add(o)
    return found


def _lexicon_renames(triples: set[Triple]) -> tuple[dict[Node, Node], dict[Node, str], dict[Node, Target | str]]:
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
            target = lexicon_target(label, info.type, actor=iri in actors)
            if target is None:
                continue
            new = entity_iri(Entity(target.type, target.name).key)
            labels[new] = target
            reason = target.reason
        if new != iri:
            mapping[iri] = new
            reasons[iri] = reason
    return mapping, reasons, labels


def _records(mapping: dict[Node, Node], reasons: dict[Node, str], *, suffix: str = "") -> set[Triple]:
    out: set[Triple] = set()
    for old, new in mapping.items():
        out.add((old, OWL.sameAs, new))
        out.add((old, GK.mergeReason, Literal(reasons[old] + suffix)))
    return out


def _describe(triples: set[Triple], labels: dict[Node, Target | str]) -> set[Triple]:
    """One rdfs:label per entity (the lexicon's name where known), identifiers for countries."""
    typed = entity_types(triples)
    current: dict[Node, set[str]] = {}
    for s, p, o in triples:
        if p == RDFS.label and s in typed:
            current.setdefault(s, set()).add(str(o))
    out = set(triples)
    for iri in typed:
        source = labels.get(iri)
        if source is None:
            names = current.get(iri, set())
            if len(names) <= 1:
                continue
            slug = str(iri).rsplit("/", 1)[-1]
            fitting = sorted(n for n in names if slugify(n) == slug)
            chosen = fitting[0] if fitting else min(names)
        else:
            chosen = source if isinstance(source, str) else source.name
        for name in current.get(iri, set()):
            if name != chosen:
                out.discard((iri, RDFS.label, Literal(name)))
                out.add((iri, SKOS.altLabel, Literal(name)))
        out.add((iri, RDFS.label, Literal(chosen)))
        if isinstance(source, Target):
            if source.iso3:
                out.add((iri, GK.iso3, Literal(source.iso3)))
            if source.iso2:
                out.add((iri, GK.iso2, Literal(source.iso2)))
            if source.wikidata:
                out.add((iri, OWL.sameAs, WD[source.wikidata]))
    # an alternative label equal to the label says nothing
    labelled = {(s, o) for s, p, o in out if p == RDFS.label}
    return {t for t in out if not (t[1] == SKOS.altLabel and (t[0], t[2]) in labelled)}


def _known_targets(triples: set[Triple]) -> dict[Node, Target | str]:
    """Lexicon descriptions of entities that already carry their canonical IRI."""
    found: dict[Node, Target | str] = {}
    actors = _actors(triples)
    for iri, info in entity_infos([triples]).items():
        if info.type == "Person" or not info.label:
            continue
        for name in sorted(info.labels):
            target = lexicon_target(name, info.type, actor=iri in actors)
            if target is not None and entity_iri(Entity(target.type, target.name).key) == iri:
                found[iri] = target
                break
    return found


def normalize_graph(triples: set[Triple]) -> set[Triple]:
    """Resolve the entities of one graph by the lexicon and by the graph's own aliases.

    Args:
        triples: the triples of one named graph.

    Returns:
        A new set of triples; the input is not changed.
    """
    mapping, reasons, labels = _lexicon_renames(triples)
    out = rename(triples, mapping) | _records(mapping, reasons) if mapping else set(triples)
    out = _describe(out, labels)
    merges, _ = cluster(entity_infos([out]))
    if merges:
        same = {old: m.canonical for old, m in merges.items()}
        why = {old: m.reason for old, m in merges.items()}
        out = rename(out, same) | _records(same, why, suffix=" in the same article")
    labels = {**_known_targets(out), **{k: v for k, v in labels.items() if k not in merges}}
    return _describe(out, labels)


def normalize_all(graphs: dict[Node, set[Triple]]) -> dict[Node, set[Triple]]:
    """:func:`normalize_graph` on every graph."""
    return {name: normalize_graph(triples) for name, triples in graphs.items()}

