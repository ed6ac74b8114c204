"""Pronoun antecedents found through the index of mentions by position (linear, not a scan of
every mention per pronoun), with the same answers as the scan."""

from __future__ import annotations

from graphkit.records import Entity
from graphkit.resolve import Actor, resolve_doc

TEXT = (
    "Colombian President Gustavo Petro met U.S. President Donald Trump in Washington. "
    "He thanked him for the talks. Britain expelled Russian diplomats, and Moscow said it "
    "would answer. Theresa May said they had left. Petro said his government agreed."
)


def scan(index, lo: int, hi: int):  # type: ignore[no-untyped-def]
    return [(s, a) for s, a in index.spans if lo <= s.start < hi]


def test_resolve_spans_between_matches_a_scan_of_every_mention(nlp) -> None:
    doc = nlp(TEXT)
    index = resolve_doc(doc)
    assert len(index.spans) >= 8
    for lo in range(0, len(doc), 3):
        for hi in range(lo, len(doc) + 1, 5):
            assert index.spans_between(lo, hi) == scan(index, lo, hi)


def test_resolve_spans_between_sees_mentions_recorded_later(nlp) -> None:
    doc = nlp(TEXT)
    index = resolve_doc(doc)
    before = index.spans_between(0, len(doc))
    index.record(doc[0:1], Actor(Entity("Country", "Colombia")))
    after = index.spans_between(0, len(doc))
    assert len(after) == len(before) + 1 and after == scan(index, 0, len(doc))
    index.spans = list(reversed(index.spans))  # a new list, in another order
    assert index.spans_between(0, len(doc)) == scan(index, 0, len(doc))


def test_resolve_pronouns_resolve_as_with_a_scan(nlp, monkeypatch) -> None:
    doc = nlp(TEXT)
    index = resolve_doc(doc)
    pronouns = [t for t in doc if t.lower_ in ("he", "him", "his", "it", "they")]
    fast = [index.antecedent(t) for t in pronouns]
    monkeypatch.setattr(index, "spans_between", lambda lo, hi: scan(index, lo, hi))
    assert [index.antecedent(t) for t in pronouns] == fast
    assert len(pronouns) == 5 and fast[0] is not None
    assert fast[0].entity.name == "Gustavo Petro"  # "He thanked him"


def test_a_pronoun_set_before_its_sentence_subject_is_that_subjects(nlp) -> None:
    """ "During his visit to Beijing, Putin met Xi": the pronoun looks ahead, not back to the
    person of the sentence before."""
    for text in (
        "Lavrov met Blinken on Monday. During his visit to Beijing, Putin met Xi Jinping.",
        "Lavrov met Blinken on Monday. After he arrived in Tokyo, Putin met Fumio Kishida.",
    ):
        doc = nlp(text)
        pronoun = next(t for t in doc if t.lower_ in ("his", "he"))
        assert resolve_doc(doc).actor_at(pronoun).entity.name == "Putin"


def test_a_pronoun_in_the_subjects_own_clause_still_looks_back(nlp) -> None:
    doc = nlp("Vladimir Putin met Xi Jinping on Monday. He said the talks went well.")
    pronoun = next(t for t in doc if t.lower_ == "he")
    assert resolve_doc(doc).actor_at(pronoun).entity.name == "Vladimir Putin"
