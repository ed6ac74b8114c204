"""extract/syntax.py on hand-built parses: no model, so each rule runs in milliseconds."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graphkit.extract.syntax import (
    clause_subjects,
    conjuncts,
    is_condition,
    prep_objects,
    sentences_back,
)

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case...), no model


def _doc(words: list[str], heads: list[int], deps: list[str], **attrs: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, **attrs)  # type: ignore[arg-type]


@pytest.fixture
def warned() -> Doc:
    # "Spain , Italy and Greece warned Russia ."
    return _doc(
        ["Spain", ",", "Italy", "and", "Greece", "warned", "Russia", "."],
        [5, 0, 0, 2, 2, 5, 5, 5],
        ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", ",", "NNP", "CC", "NNP", "VBD", "NNP", "."],
    )


def test_extract_syntax_conjuncts_are_every_coordinated_token(warned: Doc) -> None:
    assert [t.text for t in conjuncts(warned[0])] == ["Spain", "Italy", "Greece"]
    assert [t.text for t in conjuncts(warned[6])] == ["Russia"]


def test_extract_syntax_clause_subjects_of_a_verb(warned: Doc) -> None:
    assert [t.text for t in clause_subjects(warned[5])] == ["Spain"]


def test_extract_syntax_prep_objects_only_of_the_prepositions_asked() -> None:
    # "Lula met with Petro in Bogota ."
    doc = _doc(
        ["Lula", "met", "with", "Petro", "in", "Bogota", "."],
        [1, 1, 1, 2, 1, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
    )
    assert [t.text for t in prep_objects(doc[1], ("with",))] == ["Petro"]
    assert [t.text for t in prep_objects(doc[1], ("with", "in"))] == ["Petro", "Bogota"]
    assert list(prep_objects(doc[1], ("against",))) == []


def test_extract_syntax_condition_clause_by_its_mark() -> None:
    # "Moscow will respond if NATO deploys ."
    doc = _doc(
        ["Moscow", "will", "respond", "if", "NATO", "deploys", "."],
        [2, 2, 2, 5, 5, 2, 2],
        ["nsubj", "aux", "ROOT", "mark", "nsubj", "advcl", "punct"],
    )
    assert is_condition(doc[5])
    assert not is_condition(doc[2])
    assert is_condition(doc[5], ("if",))
    assert not is_condition(doc[5], ("unless",))


def test_extract_syntax_sentences_back_counts_sentence_starts() -> None:
    doc = _doc(
        ["A", "met", "B", ".", "C", "met", "D", "."],
        [1, 1, 1, 1, 5, 5, 5, 5],
        ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        sent_starts=[True, False, False, False, True, False, False, False],
    )
    assert sentences_back(doc[6], 0) == 4
    assert sentences_back(doc[6], 1) == 0
    assert sentences_back(doc[6], 5) == 0


def test_extract_syntax_legal_basis_gives_the_verb_back_its_object() -> None:
    from graphkit.nlp import legal_basis

    # the parse "designated [officials pursuant to E.O.]": officials the subject of "pursuant"
    doc = _doc(
        ["OFAC", "designated", "ten", "officials", "pursuant", "to", "E.O.", "13692", "."],
        [1, 1, 3, 4, 1, 4, 5, 6, 1],
        ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "prep", "pobj", "nummod", "punct"],
        tags=["NNP", "VBD", "CD", "NNS", "JJ", "IN", "NNP", "CD", "."],
    )
    doc = legal_basis(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("dobj", 1)
    assert doc[4].dep_ == "advmod" and clause_subjects(doc[1])[0].text == "OFAC"
