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

# "Ambassador to the United Nations Vassily Nebenzia": the office's host between title and name
OFFICE_HOST_PREPS = word_class("office_host_preps")

# "President Joko Widodo of Indonesia": the holder after the name
NAME_HOLDER_PREPS = word_class("name_holder_preps")


def title_before(span: Span, lex: Lexicon) -> tuple[str, int, str] | None:
    """The title right before a person's name: (relation, start token, title text); an office
    before a rank or honorific wins over the rank."""
    doc = span.doc
    floor = title_floor(span)
    full = title_ending(doc, span.start, floor, lex)
    if full is not None and not all(
        t.lower_.rstrip(".") in HONORIFICS for t in doc[full[1] : span.start]
    ):
        return full  # "Secretary-General António Guterres"
    start = span.start
    while start > floor and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
        start -= 1
    office = title_ending(doc, start, floor, lex) if start < span.start else None
    if office is None and full is None:
        host = host_start(doc, span.start, floor)
        return title_ending(doc, host, floor, lex) if host is not None else None
    return office or full


def title_floor(span: Span) -> int:
    """Where a title before a name may begin: its sentence's start, or the one before when the
    parse split a paragraph's first sentence between the title and the name ("President |
    Obama spoke today")."""
    doc, start = span.doc, span.sent.start
    if (
        start == span.start
        and start > 0
        and not (doc[start - 1].is_punct or doc[start - 1].is_space)
    ):
        return doc[start - 1].sent.start
    return start


def host_start(doc: Doc, start: int, sent_start: int) -> int | None:
    """Where a host phrase ("to the United Nations", "at the UN") that ends right before token
    ``start`` begins: its preposition's token."""
    k = start - 1
    named = 0
    while k > sent_start and start - k <= 6 and (doc[k].ent_type_ or doc[k].lower_ == "the"):
        named += bool(doc[k].ent_type_) and doc[k].lower_ != "the"
        k -= 1
    return k if named and doc[k].lower_ in OFFICE_HOST_PREPS else None


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
    if (
        actor is not None
        and actor.entity.type in ("Country", "Organization")
        and not _bound_to_name(doc.doc, tok_i, index)
    ):
        return actor
    return None


def holder_after(span: Span, index: ArticleIndex) -> Actor | None:
    """The country/organization right after a titled name ("President Joko Widodo of
    Indonesia")."""
    doc, k = span.doc, span.end
    if k + 1 >= span.sent.end or doc[k].lower_ not in NAME_HOLDER_PREPS:
        return None
    k += 2 if doc[k + 1].lower_ == "the" else 1
    actor = index.actor_at(doc[k]) if k < span.sent.end else None
    if actor is not None and actor.entity.type in ("Country", "Organization"):
        return actor
    return None


def _bound_to_name(doc: Doc, tok_i: int, index: ArticleIndex) -> bool:
    """Whether the actor at ``tok_i`` is the holder after an earlier name ("President Joko
    Widodo of Indonesia and Prime Minister Lee Hsien Loong": Indonesia is Widodo's)."""
    actor = index.by_token.get(tok_i)
    start = tok_i
    while actor is not None and start > 0 and index.by_token.get(start - 1) is actor:
        start -= 1
    k = start - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in NAME_HOLDER_PREPS:
        return False
    before = index.by_token.get(k - 1)
    return before is not None and before.entity.type == "Person"
