"""Possessive pronouns: "his country" is the country of the person "his" is; a possessive in
what a verb says of its object ("holding the Houthis accountable for their attacks", "urged
Israel to withdraw its troops") is the object's, not an earlier sentence's subject's. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_articles
from graphkit.records import Article


def triples(text: str) -> set[tuple[str, str, str]]:
    article = Article.from_text(text, source="possessive.txt", date="2024-02-01")
    [result] = extract_articles([article])
    return {(r.subject.name, r.predicate, r.object.name) for r in result.relations}


@pytest.mark.parametrize(
    "text, wanted, unwanted",
    [
        (
            "Peruvian President Dina Boluarte spoke on Monday. Ms. Boluarte said her country "
            "had condemned Venezuela.",
            ("Peru", "criticized", "Venezuela"),
            ("Dina Boluarte", "criticized", "Venezuela"),
        ),
        (
            "Chilean Foreign Minister Alberto van Klaveren said his nation had sent aid "
            "to Bolivia.",
            ("Chile", "aided", "Bolivia"),
            ("Alberto van Klaveren", "aided", "Bolivia"),
        ),
        (
            "Chilean Foreign Minister Alberto van Klaveren said his government had condemned "
            "Venezuela.",
            ("Chile", "criticized", "Venezuela"),
            ("Alberto van Klaveren", "criticized", "Venezuela"),
        ),
        (
            "Bolivian President Luis Arce spoke. Washington imposed sanctions on Arce and his "
            "government.",
            ("United States", "sanctioned", "Luis Arce"),
            ("Nobody", "sanctioned", "Luis Arce"),
        ),
        (
            "The ministers called for Hezbollah to free the captives. The envoy stressed holding "
            "the Houthis accountable for their attacks on Saudi Arabia.",
            ("Houthis", "attacked", "Saudi Arabia"),
            ("Hezbollah", "attacked", "Saudi Arabia"),
        ),
        (
            "Russia sanctioned Britain over its support for Ukraine.",
            ("United Kingdom", "supported", "Ukraine"),
            ("Russia", "supported", "Ukraine"),
        ),
    ],
)
def test_possessive_antecedent(
    text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]
) -> None:
    found = triples(text)
    assert wanted in found, found
    assert unwanted not in found


def test_possessive_in_a_place_phrase_stays_the_subjects() -> None:
    # "of interfering in its affairs": the pronoun is in no complement of the object
    found = triples("China accused the United States of interfering in its internal affairs.")
    assert ("China", "accused", "United States") in found


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("Blinken criticized President Maduro and his government.", "United States"),
        (
            "Blinken thanked Prime Minister Modi and his government for their support.",
            "United States",
        ),
    ],
)
def test_possessive_on_a_conjunct_is_the_conjuncts(text: str, unwanted: str) -> None:
    # "Maduro and his government": "his" is Maduro's, not the sentence subject's
    found = triples(text)
    assert not any(s == "Blinken" and o == unwanted for s, _, o in found), found
    assert any(o in ("Nicolás Maduro", "Maduro", "Modi", "Narendra Modi") for _, _, o in found)
