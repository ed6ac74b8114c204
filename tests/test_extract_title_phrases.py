"""extract/title_phrases.py helpers on hand-built tokens and actors: no model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graphkit.extract.title_phrases import honorifics_start, is_type
from graphkit.records import Entity
from graphkit.resolve import Actor, How

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case...), no model


@pytest.mark.parametrize(
    ("words", "name_at", "floor", "start"),
    [
        # "junta leader Colonel Assimi Goïta": the rank before the name
        (["junta", "leader", "Colonel", "Assimi", "Goïta"], 3, 0, 2),
        # "army chief Gen. Abdel Fattah al-Burhan": an abbreviated rank
        (["army", "chief", "Gen.", "Abdel", "Burhan"], 3, 0, 2),
        # "Foreign Minister Park Jin": no rank, the name itself
        (["Foreign", "Minister", "Park", "Jin"], 2, 0, 2),
        # never before the floor (the sentence's start)
        (["Colonel", "Assimi", "Goïta"], 1, 1, 1),
    ],
)
def test_extract_title_phrases_honorifics_start_is_where_the_ranks_begin(
    words: list[str], name_at: int, floor: int, start: int
) -> None:
    assert honorifics_start(Doc(VOCAB, words=words), name_at, floor) == start


def test_extract_title_phrases_is_type_wants_an_actor_of_one_of_the_types() -> None:
    mexico = Actor(Entity("Country", "Mexico"), How.NAME)
    assert is_type(mexico, "Country", "Organization")
    assert not is_type(mexico, "Person")
    assert is_type(mexico)  # any type when none is given
    assert not is_type(None)
    assert not is_type(None, "Country")
