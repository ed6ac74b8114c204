"""Records -> RDF: one named graph per article, minted IRIs, evidence as reified statements.

The RDF conventions (other tools and tests rely on them; the README shows the layout):

* Entity descriptions live once, in the entities graph ``https://w3id.org/graphkit/id/graph/entities``
  (:data:`ENTITIES_GRAPH`), never in article graphs: an entity's IRI is
  ``https://w3id.org/graphkit/id/<type>/<slug of canonical name>``; it has one ``rdf:type``
  ``gk:Person|Country|Organization|Place``, one ``rdfs:label`` (canonical name),
  ``skos:altLabel`` (other names seen), and for countries ``gk:iso3`` and ``owl:sameAs`` Wikidata.
  Entity resolution also keeps its name records and pending marks there
  (see :mod:`graphkit.merge.records`).
* An article graph holds only what the article said: the article node, the asserted
  relation triples ``entity gk:<relation> entity`` and their evidence. (A store keeps the
  relation triples once, in its relations graph instead: :mod:`graphkit.store.relations`.)
* Each relation has a ``gk:Evidence`` node (also an ``rdf:Statement``) with ``rdf:subject``,
  ``rdf:predicate``, ``rdf:object``, ``gk:article``, ``gk:sentence``, ``gk:start``/``gk:end``
  (character offsets in the article), ``gk:cue``, ``gk:confidence``, ``gk:modality``, the
  names the article used (``gk:subjectName``, ``gk:objectName``), the article's own entities
  before resolution across articles (``gk:subjectMention``, ``gk:objectMention``), and
  ``gk:eventDate`` when the sentence dates the event. Negated or hypothetical events keep their
  evidence node (with that modality) but get no relation triple.
* The article node (whose IRI also names the graph) has ``dcterms:source`` (the path as given,
  or the URL of a fetched page), ``dcterms:title``, ``dcterms:date``, ``gk:contentHash`` and
  ``gk:mentions`` for each entity it names (its own entity, before resolution across articles);
  a fetched page also has ``prov:generatedAtTime`` (when it was fetched, ``xsd:dateTime``) and
  ``dcterms:publisher`` (the site's name, when the page states it).

Examples:
    >>> from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
    >>> art = Article.from_text("Petro met Trump.", source="a.txt")
    >>> petro = Entity("Person", "Gustavo Petro", ("Petro",))
    >>> trump = Entity("Person", "Donald Trump", ("Trump",))
    >>> ev = Evidence(art.id, "Petro met Trump.", 0, 15, "met", 0.9)
    >>> ds = article_dataset(
    ...     ArticleResult(art, (petro, trump), (Relation(petro, "metWith", trump, ev),)))
    >>> (entity_iri(petro.key), GK.metWith, entity_iri(trump.key)) in ds.graph(article_iri(art.id))
    True
    >>> str(ds.graph(ENTITIES_GRAPH).value(entity_iri(petro.key), RDFS.label))
    'Gustavo Petro'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.vocab import GK, GK_IRI, ID_BASE, PROV, WD, article_iri, entity_iri

ENTITIES_GRAPH = URIRef(ID_BASE + "graph/entities")
"""The one graph of entity descriptions (and entity resolution's records)."""

PREFIXES = {
    "gk": GK_IRI,
    "gkid": ID_BASE,
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "owl": str(OWL),
    "wd": str(WD),
}


def new_dataset() -> Dataset:
    """An empty rdflib Dataset with graphkit's prefixes bound; the default graph is the union."""
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    return ds


def bind_prefixes(graph: Graph) -> None:
    """Bind graphkit's usual prefixes on a graph or dataset."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)


def evidence_iri(evidence: Evidence, subject: Entity, predicate: str, obj: Entity) -> URIRef:
    """A deterministic IRI for one piece of evidence.

    Same input, same IRI: merges stay idempotent.
    """
    raw = "|".join(
        (
            evidence.article_id,
            subject.key,
            predicate,
            obj.key,
            str(evidence.start),
            str(evidence.end),
        )
    )
    return URIRef(f"{ID_BASE}evidence/{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:20]}")


def date_literal(value: str) -> Literal:
    """An xsd:date, xsd:gYearMonth or xsd:gYear literal for an ISO date of that precision.

    Examples:
        >>> date_literal("2021-10").datatype
        rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=kind)


def add_article(graph: Graph, article: Article) -> URIRef:
    """Describe the article in its own graph; returns its IRI."""
    node = article_iri(article.id)
    graph.add((node, RDF.type, GK.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    if article.source:
        graph.add((node, DCTERMS.source, Literal(article.source)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, date_literal(article.date)))
    if article.url:
        graph.add((node, PROV.hadPrimarySource, URIRef(article.url)))
    if article.hash:
        graph.add((node, GK.contentHash, Literal(article.hash)))
    if article.fetched:
        graph.add((node, PROV.generatedAtTime, Literal(article.fetched, datatype=XSD.dateTime)))
    if article.site:
        graph.add((node, DCTERMS.publisher, Literal(article.site)))
    if article.dateline:
        graph.add((node, GK.dateline, Literal(article.dateline)))
    return node


def add_entity(graph: Graph, entity: Entity) -> URIRef:
    """Type, label, aliases and external identifiers of one entity."""
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, URIRef(GK_IRI + entity.type)))
    graph.add((node, RDFS.label, Literal(entity.name)))
    for alias in entity.aliases:
        if alias != entity.name:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    for scheme, value in entity.ids:
        if scheme == "iso3":
            graph.add((node, GK.iso3, Literal(value)))
        elif scheme == "iso2":
            graph.add((node, GK.iso2, Literal(value)))
        elif scheme == "country" and value:
            graph.add((node, GK.countryCode, Literal(value)))
        elif scheme == "wikidata":
            graph.add((node, OWL.sameAs, WD[value]))
    return node


def add_relation(graph: Graph, relation: Relation, article_node: URIRef) -> URIRef:
    """The relation triple (when asserted) and its evidence node; returns the evidence IRI."""
    s, o = entity_iri(relation.subject.key), entity_iri(relation.object.key)
    p = URIRef(GK_IRI + relation.predicate)
    ev = relation.evidence
    if ev.modality == "asserted":
        graph.add((s, p, o))
    node = evidence_iri(ev, relation.subject, relation.predicate, relation.object)
    graph.add((node, RDF.type, GK.Evidence))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, p))
    graph.add((node, RDF.object, o))
    graph.add((node, GK.subjectMention, s))
    graph.add((node, GK.objectMention, o))
    graph.add((node, GK.subjectName, Literal(relation.subject.name)))
    graph.add((node, GK.objectName, Literal(relation.object.name)))
    graph.add((node, GK.article, article_node))
    graph.add((node, PROV.wasDerivedFrom, article_node))
    graph.add((node, GK.sentence, Literal(ev.sentence)))
    graph.add((node, GK.start, Literal(ev.start)))
    graph.add((node, GK.end, Literal(ev.end)))
    graph.add((node, GK.cue, Literal(ev.cue)))
    confidence = Decimal(str(round(ev.confidence, 3)))
    graph.add((node, GK.confidence, Literal(confidence, datatype=XSD.decimal)))
    graph.add((node, GK.modality, Literal(ev.modality)))
    if ev.method:
        graph.add((node, GK.method, Literal(ev.method)))
    if ev.event_date:
        graph.add((node, GK.eventDate, date_literal(ev.event_date)))
    return node


def add_result(dataset: Dataset, result: ArticleResult) -> Graph:
    """Write one article's result into ``dataset``; returns the article's graph.

    The relations and evidence go to the article's own named graph (replaced if it was
    there), the descriptions of its entities to :data:`ENTITIES_GRAPH`.
    """
    graph = dataset.graph(article_iri(result.article.id))
    graph.remove((None, None, None))  # a re-run replaces the article's graph
    entities = dataset.graph(ENTITIES_GRAPH)
    art = add_article(graph, result.article)
    for entity in result.entities:
        graph.add((art, GK.mentions, add_entity(entities, entity)))
    for relation in result.relations:
        graph.add((art, GK.mentions, add_entity(entities, relation.subject)))
        graph.add((art, GK.mentions, add_entity(entities, relation.object)))
        add_relation(graph, relation, art)
    return graph


def article_dataset(result: ArticleResult) -> Dataset:
    """A new Dataset holding one article's named graph."""
    ds = new_dataset()
    add_result(ds, result)
    return ds


def results_dataset(results: Iterable[ArticleResult]) -> Dataset:
    """A new Dataset with one named graph per article result."""
    ds = new_dataset()
    for result in results:
        add_result(ds, result)
    return ds
