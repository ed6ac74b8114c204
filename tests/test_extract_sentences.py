"""extract_doc finds each token's sentence by bisection while it runs: the results are those of
spaCy's own ``.sent``, and the document is left as it was."""

from __future__ import annotations

from graphkit.extract import extract_doc
from graphkit.records import Article, ArticleResult

TEXT = (
    "BOGOTÁ — Colombia extradited a cartel leader to the United States on Monday. "
    "President Gustavo Petro met Venezuelan President Nicolás Maduro in Caracas. "
    "He later said the two governments would reopen the border."
)


def _relations(result: ArticleResult) -> list[tuple[str, str, str, str]]:
    return [
        (r.subject.name, r.predicate, r.object.name, r.evidence.sentence) for r in result.relations
    ]


def test_same_relations_with_and_without_spacy_sentences(nlp):
    art = Article.from_text(TEXT)
    doc = nlp(TEXT)
    native = {"sent": lambda tok: tok.doc[tok.i : tok.i + 1].sent}  # a hook of the document's own
    fast = extract_doc(doc, art)
    doc.user_token_hooks.update(native)
    slow = extract_doc(doc, art)
    assert doc.user_token_hooks == native  # a document's own hook is kept, not replaced
    del doc.user_token_hooks["sent"]
    assert _relations(fast) == _relations(slow)
    assert ("Gustavo Petro", "metWith", "Nicolás Maduro") in [r[:3] for r in _relations(fast)]


def test_document_left_without_hooks(nlp):
    doc = nlp(TEXT)
    extract_doc(doc, Article.from_text(TEXT))
    assert "sent" not in doc.user_token_hooks
    assert "sent" not in doc.user_span_hooks
    assert [t.sent.start for t in doc] == [s.start for s in doc.sents for _ in s]
