"""Second names of an article's actors, found once every mention is resolved: a bracketed
acronym ("World Food Program (WFP)"), a quoted name the model missed ('"Otoniel"'), a nickname
after "known as" or "alias".
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from graphkit.actors import Actor, span_name
from graphkit.lexicon import norm, word_tuple
from graphkit.records import Entity

if TYPE_CHECKING:
    from graphkit.resolve import MentionIndex


def acronyms(doc: Doc, index: MentionIndex) -> None:
    """ "World Food Program (WFP)": the bracketed acronym is another name of the entity
    before it."""
    by_acronym: dict[str, Actor] = {}
    for span, actor in list(index.spans):
        j = span.end
        if (
            j + 2 < len(doc)
            and doc[j].text == "("
            and doc[j + 2].text == ")"
            and doc[j + 1].is_upper
        ):
            by_acronym[doc[j + 1].text] = actor
            index.names.setdefault(actor.entity.key, set()).add(doc[j + 1].text)
    if not by_acronym:
        return
    for tok in doc:
        named = by_acronym.get(tok.text)
        if named is None or (
            tok.i in index.by_token
            and index.by_token[tok.i].entity.type != "Person"
            and tok.ent_id_
        ):
            continue
        index.by_token[tok.i] = Actor(named.entity, "alias", named.place)
    index.spans = [
        (span, index.by_token.get(span.start, actor)) if span.text in by_acronym else (span, actor)
        for span, actor in index.spans
    ]


def spelled_as(doc: Doc, texts: Collection[str]) -> list[Token]:
    """The doc's tokens written as one of ``texts``, found in its array of word ids
    (``Token.text`` makes a new string on every call).

    Examples:
        >>> import spacy
        >>> [t.i for t in spelled_as(spacy.blank("en")('He said "no" twice'), {'"'})]
        [2, 4]
    """
    ids = _string_ids(frozenset(texts))
    return [doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in ids]


@lru_cache(maxsize=64)
def _string_ids(texts: frozenset[str]) -> frozenset[int]:
    """The string-store ids of ``texts``, which are the strings' hashes in every vocabulary:
    kept for each set of texts, since every article's document is searched for the same few."""
    return frozenset(get_string_id(text) for text in texts)


OPEN_QUOTES = frozenset({"“", '"', "‘", "'", "``"})
CLOSE_QUOTES = frozenset({"”", '"', "’", "'", "''"})
NICKNAME_CUES = word_tuple("nickname_cues")


def quoted_names(doc: Doc, index: MentionIndex) -> None:
    """Quoted proper names the model missed ('“Pipe Tuluá”', '"Otoniel"') become people.

    A quoted name right after "known as"/"alias" is another name of the person just named.
    """
    for tok in spelled_as(doc, OPEN_QUOTES):
        if tok.i + 1 >= len(doc):
            continue
        end = None
        for j in range(tok.i + 1, min(tok.i + 6, len(doc))):
            if doc[j].text in CLOSE_QUOTES:
                end = j
                break
        if end is None or end == tok.i + 1:
            continue
        inner = doc[tok.i + 1 : end]
        if any(
            t.i in index.by_token and index.by_token[t.i].entity.type == "Person" for t in inner
        ):
            continue
        if any(t.ent_id_ for t in inner):
            continue
        if not all(t.is_title or t.is_punct for t in inner) or not any(
            t.pos_ == "PROPN" for t in inner
        ):
            continue
        actor = Actor(Entity("Person", inner.text), "name")
        index.record(inner, actor)
    index.spans.sort(key=lambda item: item[0].start)
    _nicknames(doc, index)


def _nicknames(doc: Doc, index: MentionIndex) -> None:
    """A name right after "known as"/"alias" is another name of the person just named."""
    for pos, (span, actor) in enumerate(index.spans):
        if actor.entity.type != "Person" or actor.how != "name":
            continue
        before = [
            t
            for t in doc[max(span.sent.start, span.start - 4) : span.start]
            if t.text not in OPEN_QUOTES
        ]
        text = " ".join(t.lower_ for t in before)
        if not text.endswith(NICKNAME_CUES):
            continue
        for prev_span, prev in reversed(index.spans[:pos]):
            if prev_span.sent.start == span.sent.start and prev.entity.type == "Person":
                alias = Actor(prev.entity, "alias")
                for tok in span:
                    index.by_token[tok.i] = alias
                index.spans[pos] = (span, alias)
                index.names.setdefault(prev.entity.key, set()).add(span_name(span))
                break
    # every other mention of a nickname is the same person
    nick: dict[str, Entity] = {}
    for span, actor in index.spans:
        if actor.entity.type == "Person" and actor.how == "alias":
            nick.setdefault(norm(span_name(span)), actor.entity)
    for pos, (span, actor) in enumerate(index.spans):
        person = nick.get(norm(span_name(span)))
        if person is not None and actor.entity != person and not span.ent_id_:
            alias = Actor(person, "alias")
            for tok in span:
                index.by_token[tok.i] = alias
            index.spans[pos] = (span, alias)
            index.names.setdefault(person.key, set()).add(span_name(span))
