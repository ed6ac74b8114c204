"""What the extractor works out once a document (children tables, actors of an argument) gives
the same answers as working it out afresh, and starts afresh when the article's record grows."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from graphkit.extract import extract_doc
from graphkit.extract.args import actors_for, actors_of
from graphkit.extract.events import sentence_events
from graphkit.extract.known import ArticleIndex
from graphkit.extract.tokens import children, indexed, kid, kids
from graphkit.records import Article
from graphkit.resolve import resolve_doc

TEXT = (
    "Egyptian President Abdel Fattah al-Sisi met his French counterpart in Cairo on Monday. "
    "The two leaders condemned the attack, and Paris and Berlin urged Israel and Hamas to "
    "agree to a ceasefire."
)


def _names(found: list[Any]) -> list[str]:
    return [a.entity.name for a in found]


def test_children_table_matches_the_parse(nlp: Any) -> None:
    doc: Doc = nlp(TEXT)
    plain = {t.i: [c.i for c in t.children] for t in doc}
    by_label = {t.i: [c.i for c in kids(t, "nsubj", "dobj", "conj")] for t in doc}
    first = {t.i: getattr(kid(t, "prep"), "i", None) for t in doc}
    with indexed(doc):
        assert {t.i: [c.i for c in children(t)] for t in doc} == plain
        assert {t.i: [c.i for c in kids(t, "nsubj", "dobj", "conj")] for t in doc} == by_label
        assert {t.i: getattr(kid(t, "prep"), "i", None) for t in doc} == first
    assert "graphkit.children" not in doc.user_data  # nothing left behind on the document
    assert any(plain.values())


def test_remembered_answers_start_afresh_once_an_event_is_told(nlp: Any) -> None:
    doc: Doc = nlp("Paris and Berlin urged Israel. The two sides condemned the attack.")
    index = ArticleIndex.over(resolve_doc(doc))
    asked: list[int] = []

    def told_so_far() -> int:
        asked.append(1)
        return len(index.told)

    assert index.remembered("k", told_so_far) == 0
    assert index.remembered("k", told_so_far) == 0
    assert len(asked) == 1  # the second answer was the remembered one
    urged = next(t for t in doc if t.lower_ == "urged")
    for pos, told in sentence_events(list(urged.sent), index.lex, index):
        index.tell(pos, told)
    assert index.remembered("k", told_so_far) == len(index.told) == 2
    assert len(asked) == 2


def test_actors_of_an_argument_are_the_callers_own_list(nlp: Any) -> None:
    doc: Doc = nlp("Paris and Berlin urged Israel. The two sides condemned the attack.")
    index = ArticleIndex.over(resolve_doc(doc))
    sides = next(t for t in doc if t.lower_ == "sides")
    assert _names(actors_for(sides, index)) == ["France", "Germany"]
    pairs = actors_of(doc[0], index)
    assert [a.entity.name for _, a in pairs] == ["France", "Germany"]
    pairs.clear()
    assert [a.entity.name for _, a in actors_of(doc[0], index)] == ["France", "Germany"]


def test_extraction_is_the_same_twice_on_one_document(nlp: Any) -> None:
    doc: Doc = nlp(TEXT)
    art = Article.from_text(TEXT)
    first = extract_doc(doc, art)
    assert first.relations
    assert extract_doc(doc, art) == first
    assert not doc.user_data and not doc.user_token_hooks
