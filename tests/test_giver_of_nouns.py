"""Nouns of help name their giver with "of": "welcomed the support of Chile" is Chile aiding
the subject, not the subject aiding Chile; "gave the ambassador 48 hours to leave" expels.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_articles
from graphkit.records import Article


def relations(text: str) -> dict[tuple[str, str, str], str]:
    article = Article.from_text(text, source="giver.txt", date="2024-02-01")
    [result] = extract_articles([article])
    return {
        (r.subject.name, r.predicate, r.object.name): r.evidence.modality for r in result.relations
    }


@pytest.mark.parametrize(
    "text, giver, receiver",
    [
        ("Peru welcomed the support of Chile after the floods.", "Chile", "Peru"),
        ("Uruguay thanked Argentina for the assistance of its navy.", "Argentina", "Uruguay"),
        ("Paraguay asked for the help of Brazil.", "Brazil", "Paraguay"),
        ("Bolivia seized the cargo with the help of Argentina.", "Argentina", "Bolivia"),
    ],
)
def test_giver_of_noun_direction(text: str, giver: str, receiver: str) -> None:
    found = relations(text)
    assert (receiver, "aided", giver) not in found, found
    assert (giver, "aided", receiver) in found, found


def test_giver_of_noun_asked_for_is_not_given() -> None:
    found = relations("Paraguay asked for the help of Brazil.")
    assert found[("Brazil", "aided", "Paraguay")] != "asserted"


@pytest.mark.parametrize(
    "text, expelled",
    [
        ("Ghana gave the Togolese ambassador 48 hours to leave.", "Togo"),
        ("Kenya has given the Somali envoys seven days to leave Nairobi.", "Somalia"),
    ],
)
def test_deadline_to_leave_is_an_expulsion(text: str, expelled: str) -> None:
    found = relations(text)
    subject = text.split()[0]
    assert (subject, "expelled", expelled) in found, found
    assert (subject, "aided", expelled) not in found
