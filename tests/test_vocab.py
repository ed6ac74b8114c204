"""vocab.py: the closed namespace and the relation table agree with each other and the ontology."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from graphkit.vocab import (
    GK,
    GK_IRI,
    ONTOLOGY_DIR,
    PLOVER_CATEGORIES,
    article_iri,
    entity_iri,
    local_name,
    relation,
    relation_names,
    relations,
)

EVENTS = [r for r in relations() if r.is_event]


def test_vocab_namespace_is_closed() -> None:
    assert str(GK.metWith) == GK_IRI + "metWith"
    with pytest.raises(AttributeError):
        GK.metwith  # noqa: B018  (a typo fails at once)


def test_vocab_every_relation_of_the_table_is_in_the_namespace() -> None:
    for info in relations():
        assert getattr(GK, info.name) == info.iri


def test_vocab_unknown_relation_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        relation("hugged")
    assert "hugged" not in relation_names()


@pytest.mark.parametrize("info", EVENTS, ids=lambda r: r.name)
def test_vocab_event_relations_have_a_consistent_category_quad_and_score(info) -> None:
    assert info.plover in PLOVER_CATEGORIES
    assert info.quad in {
        "verbal-cooperation",
        "material-cooperation",
        "verbal-conflict",
        "material-conflict",
    }
    assert -10 < info.score < 10
    # the sign of the score says which side of the line the quad class is on
    assert (info.score > 0) == info.quad.endswith("-cooperation")
    assert info.label and info.comment


def test_vocab_static_relations_have_no_category_or_score() -> None:
    static = [r for r in relations() if not r.is_event]
    assert {r.name for r in static} == {"leaderOf", "officialOf", "memberOf", "locatedIn"}
    for info in static:
        assert (info.quad, info.score, info.symmetric) == ("", 0.0, False)


def test_vocab_symmetric_relations() -> None:
    symmetric = {r.name for r in relations() if r.symmetric}
    assert symmetric == {"metWith", "spokeWith", "negotiatedWith", "agreedWith", "cooperatedWith"}


def test_vocab_every_plover_category_has_a_relation() -> None:
    assert {r.plover for r in EVENTS} == set(PLOVER_CATEGORIES)


def test_vocab_ontology_file_agrees_with_the_table() -> None:
    onto = Graph().parse(ONTOLOGY_DIR / "graphkit.ttl", format="turtle")
    for info in relations():
        assert (info.iri, RDF.type, OWL.ObjectProperty) in onto, info.name
        assert onto.value(info.iri, RDFS.label) in (
            Literal(info.label, lang="en"),
            Literal(info.label),
        )
        if info.is_event:
            assert str(onto.value(info.iri, GK.ploverCategory)) == info.plover
            assert float(onto.value(info.iri, GK.cooperationScore)) == info.score
        if info.symmetric:
            assert (info.iri, RDF.type, OWL.SymmetricProperty) in onto, info.name


def test_vocab_iris() -> None:
    assert str(entity_iri("person/gustavo-petro")) == (
        "https://w3id.org/graphkit/id/person/gustavo-petro"
    )
    assert str(article_iri("a-1")).endswith("/id/article/a-1")
    assert local_name(GK.metWith) == "metWith"
    assert local_name(article_iri("a-1")) == "a-1"
