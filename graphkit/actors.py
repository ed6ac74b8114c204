"""The actor record every stage shares: an entity and how its mention was resolved, with the
small helpers that name a span ("the U.S.'s" -> "U.S."), drop a person's titles, spot a
dateline and build a country's entity.

Examples:
    >>> Actor(Entity("Country", "Colombia"), How.PRONOUN).weight < 1.0
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from graphkit.lexicon import Lexicon, word_class
from graphkit.records import Entity

TITLE_WORDS = word_class("title_words")

# Weights multiply a relation's confidence: how sure we are this actor is who it names.
HOW_WEIGHT = {
    "name": 1.0,
    "alias": 0.95,
    "demonym": 0.85,
    "metonymy": 0.85,
    "pronoun": 0.7,
    "nominal": 0.7,
    "implicit": 0.5,
}


class How:
    """How a mention was resolved to its actor (``Actor.how``; weights in ``HOW_WEIGHT``)."""

    NAME = "name"
    ALIAS = "alias"
    DEMONYM = "demonym"
    METONYMY = "metonymy"
    PRONOUN = "pronoun"
    NOMINAL = "nominal"
    IMPLICIT = "implicit"


@dataclass(frozen=True)
class Actor:
    """An actor as it takes part in an event: the entity, and how the mention was resolved."""

    entity: Entity
    how: str = "name"
    place: Entity | None = None  # the place itself, when a capital/seat stands for a country

    @property
    def weight(self) -> float:
        return HOW_WEIGHT.get(self.how, 0.8)


def is_dateline(token: Token) -> bool:
    """A sentence-initial place name in capitals set off by a dash ("MOSCOW — ", "UNITED
    NATIONS -- ", "ARGYLE, St. Vincent and the Grenadines — "), or one that opens a line in
    title case with the dash right after it ("Washington – Today, ...")."""
    doc = token.doc
    start = token.sent.start
    first = doc[start]
    if not (first.is_alpha and len(first) > 1) or token.left_edge.i != start:
        return False
    if not first.is_upper:
        # "Washington – Today, the Treasury designated": a line's own first words, the dash
        # right after them
        after = token.right_edge.i + 1
        opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws
        return first.is_title and opens_line and after < len(doc) and doc[after].text in DASHES
    return any(t.text in DASHES for t in doc[start : min(token.right_edge.i + 2, len(doc))])


DASHES = ("—", "–", "--")


def span_name(span: Span) -> str:
    """The span's text without a leading 'the' and a trailing possessive (kept for each span
    while :func:`names_kept` runs)."""
    names = span.doc.user_data.get(_NAMES)
    if names is None:
        return _bare_name(span.text)
    key = (span.start, span.end)
    name = names.get(key)
    if name is None:
        name = names[key] = _bare_name(span.text)
    return name


_NAMES = "graphkit.span_names"
"""The key of a document's span names (by start and end token) in ``Doc.user_data`` while
:func:`names_kept` runs."""


@contextmanager
def names_kept(doc: Doc) -> Iterator[None]:
    """While the block runs, :func:`span_name` works out each span's name once (``Span.text``
    joins its tokens' texts on every call, and the rules name the same mentions many times); the
    names go with the block.

    Examples:
        >>> import spacy
        >>> doc = spacy.blank("en")("the U.S. 's envoy")
        >>> with names_kept(doc):
        ...     span_name(doc[0:3]), span_name(doc[0:3])
        ('U.S.', 'U.S.')
        >>> _NAMES in doc.user_data
        False
    """
    if _NAMES in doc.user_data:
        yield
        return
    doc.user_data[_NAMES] = {}
    try:
        yield
    finally:
        del doc.user_data[_NAMES]


@lru_cache(maxsize=65536)
def _bare_name(text: str) -> str:
    text = _LEADING_THE.sub("", text)
    return _TRAILING_POSSESSIVE.sub("", text).strip()


_LEADING_THE = re.compile(r"^(the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def strip_titles(span: Span) -> Span:
    """Drop leading title words ('President', 'Brig. Gen.') and possessives from a person span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        doc[start].lower_.rstrip(".") in TITLE_WORDS
        or doc[start].is_punct
        or doc[start].lower_ == "the"
    ):
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def country_entity(lex: Lexicon, iso3: str) -> Entity:
    c = lex.by_iso3[iso3]
    return Entity("Country", c.name, (), (("iso3", c.iso3), ("iso2", c.iso2)))
