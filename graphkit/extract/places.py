"""Where places lie: "Salisbury, England", "the Syrian capital, Damascus", "the Japanese city
of Hiroshima", "Pakistan's North Waziristan district", "Sinaloa, a state in northwestern Mexico".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeGuard

from spacy.tokens import Span, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import conjuncts
from graphkit.extract.title_phrases import is_type, typed_actors
from graphkit.extract.titles import APPOSITION_CONFIDENCE, poss_holder
from graphkit.extract.tokens import children, kid, kids, select
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How, country_entity

PLACE_KINDS = word_class("place_kinds")
VENUE_NOUNS = word_class("venue_nouns")
PLACES = ("Place", "Country")
IN = frozenset({"in"})
OF = frozenset({"of"})


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
    yield from _venue_in(span, here, index)
    yield from _possessed_venue(span, here, index)
    yield from _kind_in(span, here, index)


def _found(here: Actor, holder: Actor, tok: Token, where: tuple[int, int], how: str) -> Found:
    return Found(here, "locatedIn", holder, tok, where, APPOSITION_CONFIDENCE, ASSERTED, how)


def _elsewhere(holder: Actor | None, here: Actor, *types: str) -> TypeGuard[Actor]:
    """Whether ``holder`` is an actor (of one of ``types``, if given) other than the place
    itself."""
    return is_type(holder, *types) and holder.entity.key != here.entity.key


def _as_place(actor: Actor) -> Actor:
    """What holds a place: a country itself, else the place an actor stands for or is."""
    return actor if actor.entity.type == "Country" else Actor(actor.place or actor.entity, How.NAME)


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
        or (doc[k].dep_ in ("poss", "amod", "case") and k not in index.by_token)
        or (doc[k].dep_ == "compound" and doc[k].is_lower)  # "in eastern Poland"
    ):
        k += 1
    # the owner may be a name of several words ("South Korea's military")
    last = index_end(index, k) - 1 if k in index.by_token else k
    if last + 1 < len(doc) and doc[last].dep_ == "poss" and doc[last + 1].tag_ == "POS":
        # "Necoclí, in Colombia's northwestern Antioquia department": the place, not its owner
        j2 = last + 2
        while j2 < len(doc) and doc[j2].pos_ == "ADJ":
            j2 += 1
        if j2 in index.by_token:
            k = j2
        elif doc[last].head.lemma_ not in PLACE_KINDS and doc[last].head.i not in index.by_token:
            return None  # "in Dubai, Sudan's president asked": where the speaker was
    return k


def _after_comma(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Salisbury, England" / "Necoclí, in Antioquia"."""
    doc = span.doc
    k = _comma_target(span, index)
    if k is None:
        return
    nxt = index.actor_at(doc[k]) if k < len(doc) else None
    # "..., Turkey said" is a source, not a location
    if not _elsewhere(nxt, here) or nxt.how != How.NAME or doc[k].dep_ in ("nsubj", "nsubjpass"):
        return
    # a list "A, B and C" is not a location
    end = index_end(index, k)
    if (end < len(doc) and doc[end].lower_ in ("and", "or")) or _listed(doc[k], index):
        return
    target = _as_place(nxt)
    if doc[k].pos_ == "PROPN":
        # "Colombia's northwestern Antioquia department": skip the possessor
        owner = kid(doc[k].head, "poss")
        if owner is not None and index.actor_at(owner) is nxt and doc[k].head.i in index.by_token:
            target = index.by_token[doc[k].head.i]
    yield _found(here, target, doc[span.end], (span.start, k + 1), "place-apposition")


def _listed(token: Token, index: ArticleIndex) -> bool:
    """Whether a name is one of a list of actors ("Paris, Berlin and Rome"), not the place
    holding the one before it ("Lima, Peru, and weeks later", "Grafenwöhr, Bavaria, and freight
    yards in Saxony"): a third conjunct names an actor too."""
    if token.dep_ != "conj":
        return False
    first = token.head
    while first.dep_ == "conj":
        first = first.head
    owner = index.by_token.get(token.i)
    others = [t for t in conjuncts(first)[1:] if t.i != token.i]
    return any(t.i in index.by_token and index.by_token[t.i] is not owner for t in others)


def _country_in(head: Token, index: ArticleIndex) -> Actor | None:
    """The country of "a state in northwestern Mexico"."""
    preps = kids(head, "prep", words=IN)
    countries = [a for p in preps for a in typed_actors(index, children(p), "Country")]
    return next(iter(countries), None)


def _place_of(head: Token, index: ArticleIndex) -> Actor | None:
    """The place of "the capital of West Darfur state", "a town in the Odesa region": the
    actor its "of" or "in" phrase names, or the one named in the place noun there."""
    for where in [o for c in kids(head, "prep", words=OF | IN) for o in kids(c, "pobj")]:
        outer = _named_place(where, index)
        if is_type(outer, *PLACES):
            return _as_place(outer)
    return None


def _named_place(where: Token, index: ArticleIndex) -> Actor | None:
    """The place a token names, or, a place noun ("the Odesa region"), the place named in it."""
    if where.lemma_ in PLACE_KINDS:
        named = typed_actors(index, kids(where, "compound", "amod"), "Place")
        return next(iter(named), None)
    return index.actor_at(where)


def _apposed_kind(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the Syrian capital, Damascus", "Sinaloa, a state in northwestern Mexico"."""
    place = here.entity
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "regions, South Ossetia and Abkhazia": Abkhazia's too
    heads = kids(root, "appos") + ([first.head] if first.dep_ == "appos" else [])
    for head in select(heads, words=PLACE_KINDS):
        holder = poss_holder(head, index) or _country_in(head, index) or _place_of(head, index)
        code = dict(place.ids).get("country", "")
        bare = kid(head, "prep") is None  # not "the capital of West Darfur"
        if holder is None and head.lemma_ == "capital" and bare and code in index.lex.by_iso3:
            # "the capital, Khartoum": its own country's
            holder = Actor(country_entity(index.lex, code), How.IMPLICIT)
        if _elsewhere(holder, here):
            where = (min(span.start, head.left_edge.i), max(span.end, head.i + 1))
            yield _found(here, holder, head, where, "capital-apposition")


def _possessed_kind(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Colombia's Antioquia department", "Pakistan's North Waziristan district"."""
    root = span.root
    noun = root if root.lemma_ in PLACE_KINDS and root.i > span.start else root.head
    # not "the Red Sea city of Jeddah"
    named_after = kid(noun, "prep", words=OF) is not None
    if (
        noun.lemma_ in PLACE_KINDS
        and (noun is root or root.dep_ in ("compound", "amod"))
        and not named_after
    ):
        holder = poss_holder(noun, index)
        if _elsewhere(holder, here):
            yield _found(here, holder, noun, (noun.left_edge.i, noun.i + 1), "place-possessive")


def _kind_of(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the Japanese city of Hiroshima", "the eastern Afghan provinces of Khost and Paktika"."""
    root = span.root
    first = root
    while first.dep_ == "conj":
        first = first.head
    if not (
        first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_ in PLACE_KINDS
    ):
        return
    kind = first.head.head
    holder = poss_holder(kind, index)
    if _elsewhere(holder, here, "Country"):
        yield _found(here, holder, kind, (kind.left_edge.i, span.end), "place-kind")


def _kind_in(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the port of Chornomorsk in the Odesa region", "the town of Amadiya in northern Iraq's
    Kurdistan region", "Second Thomas Shoal in the Spratly Islands"."""
    root = span.root
    preps = kids(root, "prep", words=IN)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if not preps and after is not None and after.dep_ == "prep" and after.lower_ in IN:
        preps = [after]  # right after the name, whatever the parse hung it on ("hit the port
        # of Chornomorsk in the Odesa region")
    for where in [o for c in preps for o in kids(c, "pobj")]:
        outer = _named_place(where, index)
        if _elsewhere(outer, here, "Place", "Country"):
            yield _found(here, _as_place(outer), where, (span.start, where.i + 1), "place-in")


def _venue_in(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the Marriott Hotel in Islamabad": a building named as one lies in the place after it."""
    doc = span.doc
    if span[-1].lower_ not in VENUE_NOUNS or span.end + 1 >= len(doc):
        return
    prep = doc[span.end]
    outer = index.actor_at(doc[span.end + 1])
    # right after the name, whatever the parse hung the phrase on ("the attack on the Marriott
    # Hotel in Islamabad")
    if prep.lower_ in IN and _elsewhere(outer, here, *PLACES):
        city = Actor(outer.place, How.NAME) if outer.place is not None else _as_place(outer)
        where = (span.start, index_end(index, span.end + 1))
        yield _found(here, city, prep, where, "venue-in")


def _possessed_venue(span: Span, here: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Moscow's Vnukovo airport", "Tehran's Evin prison": a building named before its kind
    lies in the place that owns it (the city, for a capital standing for its country)."""
    root = span.root
    noun = root.head
    if root.dep_ != "compound" or noun.i != span.end or noun.lemma_ not in VENUE_NOUNS:
        return
    for owner in kids(noun, "poss"):
        actor = index.actor_at(owner)
        if actor is None or actor.entity.type not in PLACES:
            continue
        holder = Actor(actor.place, How.NAME) if actor.place is not None else actor
        if _elsewhere(holder, here):
            yield _found(here, holder, noun, (owner.left_edge.i, noun.i + 1), "venue-possessive")


def index_end(index: ArticleIndex, k: int) -> int:
    """The token after the mention that covers token k."""
    actor = index.by_token.get(k)
    j = k
    while actor is not None and index.by_token.get(j) is actor:
        j += 1
    return max(j, k + 1)
