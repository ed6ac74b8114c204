"""graph.py: minted IRIs and one named graph per article, built from records (no NLP).

The tests read entity descriptions (labels, codes) through the dataset's union graph, so
they hold wherever those descriptions are kept; relations and evidence belong to the
article's own graph.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graphkit.graph import (
    add_result,
    article_dataset,
    date_literal,
    evidence_iri,
    new_dataset,
    results_dataset,
)
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.vocab import GK, ID_BASE, article_iri, entity_iri

PETRO = Entity("Person", "Gustavo Petro", ("Petro",))
TRUMP = Entity("Person", "Donald Trump", ("Trump",))
MADURO = Entity("Person", "Nicolás Maduro", ("Maduro",))
COLOMBIA = Entity("Country", "Colombia", (), (("iso3", "COL"), ("wikidata", "Q739")))
TEXT = "Petro met Trump on 3 November 2025. Petro did not meet Maduro. Petro leads Colombia."


def result(text: str = TEXT, *, source: str = "a.txt", date: str = "2025-11-04") -> ArticleResult:
    art = Article.from_text(text, source=source, title="Petro and Trump", date=date)
    met = Evidence(
        art.id, "Petro met Trump on 3 November 2025.", 0, 35, "met", 0.9, event_date="2025-11-03"
    )
    not_met = Evidence(
        art.id, "Petro did not meet Maduro.", 36, 62, "meet", 0.8, modality="negated"
    )
    leads = Evidence(art.id, "Petro leads Colombia.", 63, 84, "leads", 0.7)
    return ArticleResult(
        art,
        (PETRO, TRUMP, MADURO, COLOMBIA),
        (
            Relation(PETRO, "metWith", TRUMP, met),
            Relation(PETRO, "metWith", MADURO, not_met),
            Relation(PETRO, "leaderOf", COLOMBIA, leads),
        ),
    )


@pytest.mark.parametrize(
    ("entity", "iri"),
    [
        (PETRO, "person/gustavo-petro"),
        (MADURO, "person/nicolas-maduro"),
        (
            Entity("Organization", "U.S. Drug Enforcement Administration"),
            "organization/u-s-drug-enforcement-administration",
        ),
        (COLOMBIA, "country/colombia"),
        # letters Unicode does not decompose keep their plain spelling, not a gap
        (Entity("Person", "Radosław Sikorski"), "person/radoslaw-sikorski"),
        (Entity("Person", "Jonas Gahr Støre"), "person/jonas-gahr-store"),
        (Entity("Place", "Đà Nẵng"), "place/da-nang"),
    ],
)
def test_graph_entity_iris_are_minted_from_type_and_name(entity: Entity, iri: str) -> None:
    assert entity_iri(entity.key) == URIRef(ID_BASE + iri)
    # the same name with other aliases is the same entity
    assert entity_iri(Entity(entity.type, entity.name, ("x",)).key) == entity_iri(entity.key)


def test_graph_evidence_iris_are_deterministic_and_distinct() -> None:
    ev = Evidence("a-1", "Petro met Trump.", 0, 15, "met", 0.9)
    same = Evidence("a-1", "Petro met Trump.", 0, 15, "met", 0.5)  # confidence is not identity
    elsewhere = Evidence("a-1", "Petro met Trump.", 20, 35, "met", 0.9)
    first = evidence_iri(ev, PETRO, "metWith", TRUMP)
    assert first == evidence_iri(same, PETRO, "metWith", TRUMP)
    assert first != evidence_iri(elsewhere, PETRO, "metWith", TRUMP)
    assert first != evidence_iri(ev, TRUMP, "metWith", PETRO)
    assert str(first).startswith(ID_BASE + "evidence/")


def test_graph_one_named_graph_per_article_named_by_the_article() -> None:
    one, two = result(), result("Petro met Trump again.", source="b.txt")
    ds = results_dataset([one, two])
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    expected = {str(article_iri(one.article.id)), str(article_iri(two.article.id))}
    assert expected <= names
    graph = ds.graph(article_iri(one.article.id))
    node = article_iri(one.article.id)
    assert (node, RDF.type, GK.Article) in graph
    assert graph.value(node, GK.contentHash) == Literal(one.article.hash)
    assert graph.value(node, GK.dateline) is None  # no dateline, no triple


def test_graph_article_keeps_its_dateline() -> None:
    res = result()
    filed = ArticleResult(
        dataclasses.replace(res.article, dateline="TEHRAN, Iran"), res.entities, res.relations
    )
    node = article_iri(filed.article.id)
    graph = article_dataset(filed).graph(node)
    assert graph.value(node, GK.dateline) == Literal("TEHRAN, Iran")


def test_graph_asserted_relations_are_triples_negated_ones_only_evidence() -> None:
    res = result()
    ds = article_dataset(res)
    graph = ds.graph(article_iri(res.article.id))
    petro, trump, maduro = (entity_iri(e.key) for e in (PETRO, TRUMP, MADURO))
    assert (petro, GK.metWith, trump) in graph
    assert (petro, GK.leaderOf, entity_iri(COLOMBIA.key)) in graph
    assert (petro, GK.metWith, maduro) not in graph
    negated = [ev for ev in graph.subjects(RDF.object, maduro)]
    assert len(negated) == 1
    assert graph.value(negated[0], GK.modality) == Literal("negated")


def test_graph_evidence_carries_sentence_offsets_confidence_and_dates() -> None:
    res = result()
    graph = article_dataset(res).graph(article_iri(res.article.id))
    petro, trump = entity_iri(PETRO.key), entity_iri(TRUMP.key)
    [ev] = [e for e in graph.subjects(RDF.object, trump) if graph.value(e, RDF.subject) == petro]
    assert (ev, RDF.type, GK.Evidence) in graph
    assert graph.value(ev, RDF.predicate) == GK.metWith
    assert graph.value(ev, GK.article) == article_iri(res.article.id)
    assert str(graph.value(ev, GK.sentence)) == "Petro met Trump on 3 November 2025."
    assert (graph.value(ev, GK.start).toPython(), graph.value(ev, GK.end).toPython()) == (0, 35)
    confidence = graph.value(ev, GK.confidence)
    assert confidence.datatype == XSD.decimal
    assert confidence.toPython() == Decimal("0.9")
    assert graph.value(ev, GK.eventDate) == Literal("2025-11-03", datatype=XSD.date)
    node = article_iri(res.article.id)
    assert graph.value(node, RDF.type) == GK.Article
    assert str(graph.value(node, URIRef("http://purl.org/dc/terms/date"))) == "2025-11-04"


def test_graph_entities_are_described_somewhere_in_the_dataset() -> None:
    ds = article_dataset(result())
    colombia = entity_iri(COLOMBIA.key)
    assert ds.value(colombia, RDFS.label) == Literal("Colombia")
    assert ds.value(colombia, GK.iso3) == Literal("COL")
    assert (colombia, RDF.type, GK.Country) in ds
    assert (entity_iri(PETRO.key), RDF.type, GK.Person) in ds


def test_graph_a_rerun_replaces_the_article_graph() -> None:
    res = result()
    ds = new_dataset()
    add_result(ds, res)
    first = set(ds.graph(article_iri(res.article.id)))
    fewer = ArticleResult(res.article, res.entities, res.relations[:1])
    add_result(ds, fewer)
    again = set(ds.graph(article_iri(res.article.id)))
    petro = entity_iri(PETRO.key)
    assert (petro, GK.leaderOf, entity_iri(COLOMBIA.key)) not in again
    assert again < first
    add_result(ds, res)
    assert set(ds.graph(article_iri(res.article.id))) == first  # same input, same graph


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("2025-11-03", XSD.date), ("2025-11", XSD.gYearMonth), ("2025", XSD.gYear)],
)
def test_graph_dates_keep_their_precision(value: str, datatype: URIRef) -> None:
    assert date_literal(value) == Literal(value, datatype=datatype)
