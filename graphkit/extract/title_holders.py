"""Whose office a bare title is when nothing before the name says it: "President Joe Biden"
(a place that opens the sentence, a seat of government, a coordinated title, the organization
the article is about, the office a well-known person held, the sentence's country).
"""

from __future__ import annotations

from spacy.tokens import Span

from graphkit.extract.known import ArticleIndex
from graphkit.extract.title_phrases import holder_before, title_before
from graphkit.lexicon import Lexicon, word_class
from graphkit.records import Entity
from graphkit.resolve import Actor, How, country_entity

FRONTED_PLACE_PREPS = word_class("fronted_place_preps")


def guessed_holder(
    span: Span,
    actor: Actor,
    index: ArticleIndex,
    lex: Lexicon,
    default_country: Actor | None,
    lo: int,
    title: str,
) -> Actor | None:
    """Nothing in the sentence says whose office it is: a first guess the article settles later
    (``guesses.settle_guessed_titles``)."""
    if _office_of_organization(title):
        holder = salient_organization(index)
    else:
        holder = default_country or sentence_country(span, lo, index, lex)
    # a well-known officeholder in a text that names no country ("President Putin met ...")
    return holder or known_office(actor.entity.name, lex, None)


def _office_of_organization(title: str) -> bool:
    """ "Secretary-General", "Director General", "Chairman": offices of organizations (a bare
    "General" is a military rank)."""
    lowered = title.lower().replace("-", " ")
    return ("general" in lowered and lowered.split()[0] != "general") or "chair" in lowered


def salient_organization(index: ArticleIndex) -> Actor | None:
    """The organization the article names most often (not a collective), if one stands out."""
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for _, actor in index.spans:
        if actor.entity.type == "Organization" and ("kind", "group") not in actor.entity.ids:
            counts[actor.entity.key] = counts.get(actor.entity.key, 0) + 1
            actors[actor.entity.key] = actor
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return Actor(actors[ranked[0][0]].entity, How.IMPLICIT)


def coordinated_holder(span: Span, lo: int, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """The holder a bare title shares with a titled person it is coordinated with: "Egyptian
    Foreign Minister Sameh Shoukry and Water Resources Minister Mohamed Abdel Aty"."""
    root = span.root
    if root.dep_ == "conj" and root.head.i not in range(span.start, span.end):
        others = [root.head]
    else:
        others = [c for c in root.children if c.dep_ == "conj"]
    k = lo - 1
    while (
        k > span.sent.start
        and k > lo - 4
        and span.doc[k].is_title
        and span.doc[k].i not in index.by_token
    ):
        k -= 1  # "... and Water Resources Minister Mohamed Abdel Aty"
    if k > span.sent.start and span.doc[k].lower_ == "and":
        others.append(
            span.doc[k - 1]
        )  # the parse often misses the coordination of two titled names
    for other in others:
        for o_span, o_actor in index.spans:
            if (
                o_span.start <= other.i < o_span.end
                and o_actor.entity.type == "Person"
                and o_actor.entity != index.actor_at(root)
            ):
                found = title_before(o_span, lex)
                holder = holder_before(o_span, found[1], index) if found is not None else None
                if holder is not None and holder.entity.type == "Country":
                    return holder
    return None


def _fronted_place(sent: Span, index: ArticleIndex) -> Actor | None:
    """The country of a place that opens the sentence: "In Washington, President Joe Biden said"."""
    first = sent[0]
    if first.lower_ not in FRONTED_PLACE_PREPS or len(sent) < 4:
        return None
    for tok in sent[1:6]:
        if tok.text == ",":
            break
        actor = index.actor_at(tok)
        if actor is not None and tok.head.i == first.i:
            if actor.entity.type == "Country":
                return Actor(actor.entity, How.IMPLICIT)
            code = dict((actor.place or actor.entity).ids).get("country")
            if code and code in index.lex.by_iso3:
                return Actor(country_entity(index.lex, code), How.IMPLICIT)
    return None


def _claimed(sent: Span, index: ArticleIndex, lex: Lexicon) -> set[int]:
    """Tokens just before the titles of the sentence's people: "U.S." in "U.S. President"."""
    claimed: set[int] = set()
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or actor.entity.type != "Person":
            continue
        found = title_before(other, lex)
        if found is not None:
            claimed.update(range(max(sent.start, found[1] - 3), found[1]))
    return claimed


def known_office(name: str, lex: Lexicon, year: int | None) -> Actor | None:
    """The country or organization a well-known person served in the article's year."""
    office = lex.office_of(name, year)
    if office is None:
        return None
    if office.holder in lex.by_iso3:
        return Actor(country_entity(lex, office.holder), How.IMPLICIT)
    return Actor(Entity("Organization", office.holder), How.IMPLICIT)


def implicit_holder(
    span: Span, lo: int, index: ArticleIndex, lex: Lexicon, title: str
) -> Actor | None:
    """Who a bare title ("President Joe Biden") belongs to, when the sentence says it.

    A place that opens the sentence ("In Washington, ..."), seats of government and state
    bodies ("the White House said") count; for titles such as secretary-general, the first
    organization no other title claims.
    """
    want_org = _office_of_organization(title)
    sent = span.sent
    claimed = _claimed(sent, index, lex)
    if not want_org:
        fronted = _fronted_place(sent, index)
        if fronted is not None:
            return fronted
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or other.start in claimed:
            continue
        if lo <= other.start < span.end:
            continue
        kind = actor.entity.type
        if want_org and kind == "Organization":
            return actor
        seat = other.ent_id_.startswith("seat:") or (
            other.label_ == "ORG" and actor.how == How.METONYMY
        )
        if not want_org and kind == "Country" and seat:
            return actor  # "the White House said", "the State Department"
    return None


def sentence_country(span: Span, lo: int, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """A weak guess at a bare title's country from its sentence: the country the sentence is
    about (its subject), else the last one before the title, else the first one after it,
    among those no other title claims."""
    sent = span.sent
    claimed = _claimed(sent, index, lex)
    before: Actor | None = None
    after: Actor | None = None
    subject: Actor | None = None
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or other.start in claimed:
            continue
        if lo <= other.start < span.end or actor.entity.type != "Country":
            continue
        if other.root.dep_ in ("nsubj", "nsubjpass") and subject is None:
            subject = actor
        if other.start < lo:
            before = actor
        elif after is None:
            after = actor
    return subject or before or after
