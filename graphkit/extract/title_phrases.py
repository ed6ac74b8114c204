"""A title right before a person's name: which title ends where ("Foreign Minister",
"Secretary-General", "Foreign Minister Prince"), and the country or organization named right
before it ("U.S. President", "NATO Secretary-General", "Lebanon's new President").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graphkit.extract.known import ArticleIndex
from graphkit.lexicon import Lexicon, word_class
from graphkit.resolve import GENERIC_BODY_WORDS, Actor

# words between a holder and a title: "Lebanon's new President", "Haiti's ousted leader"
TITLE_ADJECTIVES = word_class("title_adjectives")

# ranks and honorifics between an office and a name: "Foreign Minister Prince Faisal bin
# Farhan", "army chief Gen Abdel Fattah al-Burhan", "junta leader Colonel Assimi Goïta"
HONORIFICS = word_class("honorifics")


def title_before(span: Span, lex: Lexicon) -> tuple[str, int, str] | None:
    """The title right before a person's name: (relation, start token, title text); an office
    before a rank or honorific wins over the rank."""
    doc = span.doc
    full = title_ending(doc, span.start, span.sent.start, lex)
    if full is not None and not all(
        t.lower_.rstrip(".") in HONORIFICS for t in doc[full[1] : span.start]
    ):
        return full  # "Secretary-General António Guterres"
    start = span.start
    while start > span.sent.start and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
        start -= 1
    office = title_ending(doc, start, span.sent.start, lex) if start < span.start else None
    return office or full


def title_ending(
    doc: Doc, start: int, sent_start: int, lex: Lexicon
) -> tuple[str, int, str] | None:
    """The longest title that ends right before token ``start``."""
    best = None
    title_words = lex.title_words
    for width in range(1, 5):
        lo = start - width
        if lo < sent_start:
            break
        words = doc[lo:start]
        if any(t.is_punct and t.text not in ("-", ".") for t in words):
            break
        word = doc[lo].lower_.strip(".")
        if word not in title_words and word not in ("of", "-"):
            break
        if word in ("of", "-"):
            continue
        rel = lex.title_relation(words.text)
        if rel is not None:
            best = (rel, lo, words.text)
    return best


def holder_before(doc: Span, lo: int, index: ArticleIndex) -> Actor | None:
    """The country/organization named right before a title ("U.S. President", "NATO
    Secretary-General")."""
    tok_i = lo - 1
    while (tok_i >= doc.sent.start and doc.doc[tok_i].tag_ in ("POS",)) or (
        tok_i >= doc.sent.start and doc.doc[tok_i].lower_ in TITLE_ADJECTIVES
    ):
        tok_i -= 1
    # words of the office the title list does not know: "Indian External Affairs Minister",
    # "State Department deputy spokesman", "Japanese Chief Cabinet Secretary"
    skipped = 0
    while (
        tok_i > doc.sent.start
        and skipped < 3
        and doc.doc[tok_i].i not in index.by_token
        and doc.doc[tok_i].is_alpha
        and (
            doc.doc[tok_i].is_title
            or doc.doc[tok_i].lower_ in (GENERIC_BODY_WORDS | index.lex.title_words)
        )
        and not doc.doc[tok_i].ent_type_
    ):
        tok_i -= 1
        skipped += 1
    if tok_i < doc.sent.start:
        return None
    actor = index.actor_at(doc.doc[tok_i])
    if actor is not None and actor.entity.type in ("Country", "Organization"):
        return actor
    return None
