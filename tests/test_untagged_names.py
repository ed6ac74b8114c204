"""Names the model left untagged, found from the words around them, and words that only look
like such names."""

from __future__ import annotations

import pytest

from graphkit.entity_spans import clean_ents
from graphkit.nlp import load_nlp


def people(text: str) -> list[str]:
    return [e.text for e in clean_ents(load_nlp()(text)) if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("U.S. Trade Representative Froman met the minister.", "Froman"),
        ("Its spokesperson, Randhir Jaiswal, described them as absurd.", "Randhir Jaiswal"),
    ],
)
def test_a_name_after_a_title_is_a_person(text: str, person: str) -> None:
    assert person in people(text)


def test_a_title_word_inside_the_name_of_a_thing_names_no_one() -> None:
    text = "The order targets those who obstruct the 1995 General Framework Agreement for Peace."
    assert people(text) == []
