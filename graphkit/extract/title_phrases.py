"""A title right before a person's name: which title ends where ("Foreign Minister",
"Secretary-General", "Foreign Minister Prince"), and the country or organization named right
before it ("U.S. President", "NATO Secretary-General", "Lebanon's new President").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeGuard

from spacy.tokens import Doc, Span, Token

from graphkit.extract.known import ArticleIndex
from graphkit.lexicon import Lexicon, word_class
from graphkit.records import Entity
from graphkit.resolve import GENERIC_BODY_WORDS, Actor, How, country_entity

# words between a holder and a title: "Lebanon's new President", "Haiti's ousted leader"
TITLE_ADJECTIVES = word_class("title_adjectives")

# ranks and honorifics between an office and a name: "Foreign Minister Prince Faisal bin
# Farhan", "army chief Gen Abdel Fattah al-Burhan", "junta leader Colonel Assimi Goïta"
HONORIFICS = word_class("honorifics")

# "Ambassador to the United Nations Vassily Nebenzia": the office's host between title and name
OFFICE_HOST_PREPS = word_class("office_host_preps")

# "President Joko Widodo of Indonesia": the holder after the name
NAME_HOLDER_PREPS = word_class("name_holder_preps")

# portfolio words a holder may stand before ("EU foreign policy chief", "UN humanitarian chief")
PORTFOLIO_WORDS = word_class("portfolio_words")
# "Special Envoy for the Horn of Africa Mike Hammer": a portfolio between a title and a name
PORTFOLIO_MARKS = word_class("portfolio_marks")
PORTFOLIO_LINKS = word_class("portfolio_links")

# what a title's holder may be
HOLDER_TYPES = ("Country", "Organization")


def title_before(span: Span, lex: Lexicon) -> tuple[str, int, str] | None:
    """The title right before a person's name: (relation, start token, title text); an office
    before a rank or honorific wins over the rank."""
    doc = span.doc
    floor = title_floor(span)
    full = title_ending(doc, span.start, floor, lex)
    if full is not None and honorifics_start(doc, span.start, full[1]) != full[1]:
        return full  # "Secretary-General António Guterres"
    start = honorifics_start(doc, span.start, floor)
    found = title_ending(doc, start, floor, lex) or full
    if found is None:
        host = host_start(doc, span.start, floor)
        return title_ending(doc, host, floor, lex) if host is not None else None
    return found


def honorifics_start(doc: Doc, start: int, floor: int) -> int:
    """Where the ranks and honorifics right before token ``start`` begin ("Gen", "Prince"),
    not before ``floor``: ``start`` itself when there are none."""
    while start > floor and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
        start -= 1
    return start


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
    while k > max(sent_start, start - 7) and (doc[k].ent_type_ or doc[k].lower_ == "the"):
        named += bool(doc[k].ent_type_) and doc[k].lower_ != "the"
        k -= 1
    return k if named and doc[k].lower_ in OFFICE_HOST_PREPS else None


def title_ending(
    doc: Doc, start: int, sent_start: int, lex: Lexicon
) -> tuple[str, int, str] | None:
    """The longest title that ends right before token ``start``, or before the portfolio that
    ends there ("Special Envoy for the Horn of Africa")."""
    best = None
    title_words = lex.title_words
    start = _before_portfolio(doc, start, sent_start, title_words)
    for width in range(1, min(7, start - sent_start + 1)):
        lo = start - width
        words = doc[lo:start]
        if any(t.is_punct and t.text not in ("-", ".") for t in words):
            break
        word = doc[lo].lower_.strip(".")
        if word in ("of", "-", "the"):
            continue  # "Secretary of the Treasury", "Chancellor of the Exchequer"
        if word not in title_words:
            break
        rel = lex.title_relation(words.text)
        if rel is not None:
            best = (rel, lo, words.text)
    return best


def _before_portfolio(doc: Doc, start: int, sent_start: int, title_words: frozenset[str]) -> int:
    """Where the title ends when a portfolio ("for African Affairs", "for the Horn of Africa")
    stands between it and the name at ``start``; ``start`` itself when none does."""
    for k in range(start - 1, max(sent_start, start - 8), -1):
        word = doc[k]
        if k < start - 1 and word.lower_ in PORTFOLIO_MARKS and doc[k - 1].lower_ in title_words:
            return k
        if not (word.is_title or word.lower_ in PORTFOLIO_LINKS):
            return start
    return start


def holder_before(doc: Span, lo: int, index: ArticleIndex) -> Actor | None:
    """The country/organization named right before a title ("U.S. President", "NATO
    Secretary-General")."""
    tok_i = lo - 1
    while tok_i >= doc.sent.start and (
        doc.doc[tok_i].tag_ == "POS" or doc.doc[tok_i].lower_ in TITLE_ADJECTIVES
    ):
        tok_i -= 1
    # words of the office the title list does not know: "Indian External Affairs Minister",
    # "State Department deputy spokesman", "Japanese Chief Cabinet Secretary"
    floor = max(doc.sent.start, tok_i - 3)
    while (
        tok_i > floor
        and tok_i not in index.by_token
        and doc.doc[tok_i].is_alpha
        and (
            doc.doc[tok_i].is_title
            or doc.doc[tok_i].lower_ in (GENERIC_BODY_WORDS | index.lex.title_words)
            or doc.doc[tok_i].lower_ in PORTFOLIO_WORDS
        )
        and not doc.doc[tok_i].ent_type_
    ):
        tok_i -= 1
    while tok_i > doc.sent.start and doc.doc[tok_i].tag_ == "POS":
        tok_i -= 1  # "Macron's diplomatic adviser"
    if tok_i < doc.sent.start or _bound_to_name(doc.doc, tok_i, index):
        return None
    holder = typed_actor(index, doc.doc[tok_i], *HOLDER_TYPES)
    if holder is None and doc.doc[tok_i + 1].tag_ == "POS":
        person = typed_actor(index, doc.doc[tok_i], "Person")
        return served_by(person, index) if person is not None else None  # "Macron's adviser"
    return holder


def served_by(person: Actor, index: ArticleIndex) -> Actor | None:
    """The country or organization a person's aides serve: the one the article tied the person
    to, else the one a well-known officeholder served."""
    tied = index.affiliation.get(person.entity.key)
    if tied is not None:
        return Actor(tied, How.IMPLICIT)
    return known_office(person.entity.name, index.lex, None)


def holder_after(span: Span, index: ArticleIndex) -> Actor | None:
    """The country/organization right after a titled name ("President Joko Widodo of
    Indonesia")."""
    doc, k = span.doc, span.end
    if k + 1 >= span.sent.end or doc[k].lower_ not in NAME_HOLDER_PREPS:
        return None
    k += 2 if doc[k + 1].lower_ == "the" else 1
    return typed_actor(index, doc[k], *HOLDER_TYPES) if k < span.sent.end else None


def _bound_to_name(doc: Doc, tok_i: int, index: ArticleIndex) -> bool:
    """Whether the actor at ``tok_i`` is the holder after an earlier name ("President Joko
    Widodo of Indonesia and Prime Minister Lee Hsien Loong": Indonesia is Widodo's)."""
    actor = index.by_token.get(tok_i)
    start = tok_i
    while actor is not None and index.by_token.get(start - 1) is actor:
        start -= 1
    k = start - 1
    if doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in NAME_HOLDER_PREPS:
        return False
    before = index.by_token.get(k - 1)
    return is_type(before, "Person")


def typed_actor(index: ArticleIndex, token: Token, *types: str) -> Actor | None:
    """The actor ``token`` names or refers to, if its entity is of one of ``types``."""
    actor = index.actor_at(token)
    return actor if is_type(actor, *types) else None


def is_type(actor: Actor | None, *types: str) -> TypeGuard[Actor]:
    """Whether there is an actor and its entity is of one of ``types`` (of any when none is
    given)."""
    return actor is not None and (not types or actor.entity.type in types)


def named_tokens(
    index: ArticleIndex, tokens: Iterable[Token], *types: str
) -> list[tuple[Token, Actor]]:
    """The ``tokens`` that name an actor of one of ``types``, each with its actor, in order
    (see :func:`typed_actor`)."""
    return [(t, a) for t in tokens if (a := typed_actor(index, t, *types)) is not None]


def typed_actors(index: ArticleIndex, tokens: Iterable[Token], *types: str) -> list[Actor]:
    """The actors of one of ``types`` that ``tokens`` name, in order (see :func:`typed_actor`)."""
    return [a for _, a in named_tokens(index, tokens, *types)]


def known_office(name: str, lex: Lexicon, year: int | None) -> Actor | None:
    """The country or organization a well-known person served in the article's year."""
    office = lex.office_of(name, year)
    if office is None:
        return None
    if office.holder in lex.by_iso3:
        return Actor(country_entity(lex, office.holder), How.IMPLICIT)
    return Actor(Entity("Organization", office.holder), How.IMPLICIT)
