"""Where places lie: "Salisbury, England", "the Syrian capital, Damascus", "the Japanese city
of Hiroshima", "Pakistan's North Waziristan district", "Sinaloa, a state in northwestern Mexico".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.titles import APPOSITION_CONFIDENCE, poss_holder
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How, country_entity

PLACE_KINDS = word_class("place_kinds")


def located(span: Span, actor: Actor, index: ArticleIndex) -> Iterator[Found]:
    if span.start == span.sent.start and all(t.is_upper or not t.is_alpha for t in span):
        return  # a dateline ("SEOUL, South Korea — ") says where it was filed, not a fact told
    place = actor.place or actor.entity
    if place.type != "Place":
        # a capital named as a place: "the Syrian capital, Damascus"
        return
    here = Actor(place, How.NAME)
    yield from _after_comma(span, here, index)
    yield from _apposed_kind(span, here, index)
    yield from _possessed_kind(span, here, index)
    yield from _kind_of(span, here, index)


def _found(here: Actor, holder: Actor, tok: Token, where: tuple[int, int], how: str) -> Found:
    return Found(here, "locatedIn", holder, tok, where, APPOSITION_CONFIDENCE, ASSERTED, how)


def _comma_target(span: Span, index: ArticleIndex) -> int | None:
    """Where the place named after "Salisbury, " starts (the token index), if anything follows."""
    doc = span.doc
    j = span.end
    if not (j + 1 < len(doc) and doc[j].text == ","):
        return None
    k = j + 1
    if doc[k].lower_ == "in":
        k += 1
    while k < len(doc) and (
        doc[k].lower_ == "the"
        or (doc[k].dep_ in ("poss", "amod", "case") and doc[k].i not in index.by_token)
    ):
        k += 1
    while k < len(doc) and doc[k].dep_ == "poss" and k + 1 < len(doc) and doc[k + 1].tag_ == "POS":
        # "Necoclí, in Colombia's northwestern Antioquia department": the place, not its owner
        j2 = k + 2
        while j2 < len(doc) and doc[j2].pos_ == "ADJ":
            j2 += 1
        if j2 < len(doc) and doc[j2].i in index.by_token:
            k = j2
        break
    return k


def _after_comma(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Salisbury, England" / "Necoclí, in Antioquia"."""
    doc = span.doc
    k = _comma_target(span, index)
    if k is None:
        return
    nxt = index.actor_at(doc[k]) if k < len(doc) else None
    if nxt is not None and (nxt.how != How.NAME or index.doc[k].dep_ in ("nsubj", "nsubjpass")):
        nxt = None  # "..., Turkey said" is a source, not a location
    if nxt is None or nxt.entity.key == here.entity.key:
        return
    # a list "A, B and C" is not a location
    after = doc[index_end(index, k)] if index_end(index, k) < len(doc) else None
    if (after is not None and after.lower_ in ("and", "or")) or doc[k].dep_ == "conj":
        return
    target = (
        Actor(nxt.place, How.NAME)
        if nxt.place is not None and nxt.entity.type != "Country"
        else nxt
    )
    if doc[k].pos_ == "PROPN" and doc[k].i > 0:
        # "Colombia's northwestern Antioquia department": skip the possessor
        poss_owner = [c for c in doc[k].head.children if c.dep_ == "poss"]
        if poss_owner and index.actor_at(poss_owner[0]) is nxt and doc[k].head.i in index.by_token:
            target = index.by_token[doc[k].head.i]
    yield _found(here, target, doc[span.end], (span.start, k + 1), "place-apposition")


def _country_in(head: Token, index: ArticleIndex) -> Actor | None:
    """The country of "a state in northwestern Mexico"."""
    return next(
        (
            a
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "in"
            for o in p.children
            if (a := index.actor_at(o)) is not None and a.entity.type == "Country"
        ),
        None,
    )


def _apposed_kind(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the Syrian capital, Damascus", "Sinaloa, a state in northwestern Mexico"."""
    place = here.entity
    root = span.root
    heads = [c for c in root.children if c.dep_ == "appos"]
    heads += [root.head] if root.dep_ == "appos" else []
    for head in heads:
        if head.lemma_ not in PLACE_KINDS:
            continue
        holder = poss_holder(head, index) or _country_in(head, index)
        code = dict(place.ids).get("country", "")
        bare = not any(c.dep_ == "prep" for c in head.children)  # not "the capital of West Darfur"
        if holder is None and head.lemma_ == "capital" and bare and code in index.lex.by_iso3:
            # "the capital, Khartoum": its own country's
            holder = Actor(country_entity(index.lex, code), How.IMPLICIT)
        if holder is not None and holder.entity.key != place.key:
            where = (min(span.start, head.left_edge.i), max(span.end, head.i + 1))
            yield _found(here, holder, head, where, "capital-apposition")


def _possessed_kind(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Colombia's Antioquia department", "Pakistan's North Waziristan district"."""
    root = span.root
    noun = root if root.lemma_ in PLACE_KINDS and root.i > span.start else root.head
    # not "the Red Sea city of Jeddah"
    named_after = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    if (
        noun.lemma_ in PLACE_KINDS
        and (noun is root or root.dep_ in ("compound", "amod"))
        and not named_after
    ):
        holder = poss_holder(noun, index)
        if holder is not None and holder.entity.key != here.entity.key:
            yield _found(here, holder, noun, (noun.left_edge.i, noun.i + 1), "place-possessive")


def _kind_of(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the Japanese city of Hiroshima", "the eastern Afghan provinces of Khost and Paktika"."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not (
        first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_ in PLACE_KINDS
    ):
        return
    kind = first.head.head
    holder = poss_holder(kind, index)
    if (
        holder is not None
        and holder.entity.key != here.entity.key
        and holder.entity.type == "Country"
    ):
        yield _found(here, holder, kind, (kind.left_edge.i, span.end), "place-kind")
    yield from _kind_in(span, here, index)


def _kind_in(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the port of Chornomorsk in the Odesa region", "the town of Amadiya in northern Iraq's
    Kurdistan region"."""
    root = span.root
    for where in (
        o
        for c in root.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for o in c.children
        if o.dep_ == "pobj"
    ):
        if where.lemma_ in PLACE_KINDS:
            named = [index.actor_at(c) for c in where.children if c.dep_ in ("compound", "amod")]
            outer = next((a for a in named if a is not None and a.entity.type == "Place"), None)
        else:
            outer = index.actor_at(where)
        if (
            outer is not None
            and outer.entity.type in ("Place", "Country")
            and outer.entity.key != here.entity.key
        ):
            holder = (
                Actor(outer.place or outer.entity, How.NAME)
                if outer.entity.type == "Place"
                else outer
            )
            yield _found(here, holder, where, (span.start, where.i + 1), "place-in")


def index_end(index: ArticleIndex, k: int) -> int:
    """The token after the mention that covers token k."""
    actor = index.by_token.get(k)
    j = k
    while j < len(index.doc) and index.by_token.get(j) is actor and actor is not None:
        j += 1
    return max(j, k + 1)
