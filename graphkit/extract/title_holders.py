"""Whose office a bare title is when nothing before the name says it: "President Joe Biden"
(a place that opens the sentence, a seat of government, a coordinated title, the organization
the article is about, the office a well-known person held, the sentence's country); and the
officeholder a bare title stands for ("the Colombian president", "his Indian counterpart"),
two of ``finders.ACTOR_FINDERS``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TypeGuard

from spacy.tokens import Span, Token

from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import of_phrase_objects
from graphkit.extract.title_phrases import (
    holder_before,
    is_type,
    known_office,
    named_tokens,
    title_before,
    typed_actors,
)
from graphkit.extract.tokens import kids
from graphkit.lexicon import Lexicon, word_class
from graphkit.resolve import Actor, How, country_entity

FRONTED_PLACE_PREPS = word_class("fronted_place_preps")
ENVOY_POSTS = word_class("envoy_posts")


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
    # a well-known officeholder's own office first: "President Ortega" in a U.S. statement
    # leads Nicaragua, "President Putin met ..." Russia
    known = known_office(actor.entity.name, lex, None)
    if known is not None:
        return known
    if _office_of_organization(title):
        return salient_organization(index)
    return default_country or sentence_country(span, lo, index, lex)


def _office_of_organization(title: str) -> bool:
    """ "Secretary-General", "Director General", "Chairman": offices of organizations (a bare
    "General" is a military rank)."""
    lowered = title.lower().replace("-", " ")
    return ("general" in lowered and lowered.split()[0] != "general") or "chair" in lowered


def salient_organization(index: ArticleIndex) -> Actor | None:
    """The organization the article names most often (not a collective), if one stands out."""
    organizations = [a for _, a in index.spans if named_organization(a)]
    ranked = Counter(a.entity.key for a in organizations).most_common()
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    latest = {a.entity.key: a for a in organizations}
    return Actor(latest[ranked[0][0]].entity, How.IMPLICIT)


def named_organization(actor: Actor | None) -> TypeGuard[Actor]:
    """Whether the actor is an organization of its own, not a collective ("the rebels")."""
    return is_type(actor, "Organization") and ("kind", "group") not in actor.entity.ids


def coordinated_holder(span: Span, lo: int, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """The holder a bare title shares with a titled person it is coordinated with: "Egyptian
    Foreign Minister Sameh Shoukry and Water Resources Minister Mohamed Abdel Aty"."""
    root = span.root
    if root.dep_ == "conj" and root.head.i not in range(span.start, span.end):
        others = [root.head]
    else:
        others = kids(root, "conj")
    k = lo - 1
    while (
        k > max(span.sent.start, lo - 4)
        and span.doc[k].is_title
        and span.doc[k].i not in index.by_token
    ):
        k -= 1  # "... and Water Resources Minister Mohamed Abdel Aty"
    if k > span.sent.start and span.doc[k].lower_ == "and":
        others.append(
            span.doc[k - 1]
        )  # the parse often misses the coordination of two titled names
    people = [
        (o_span, o_actor)
        for other in others
        for o_span, o_actor in index.spans
        if o_span.start <= other.i < o_span.end and o_actor.entity.type == "Person"
    ]
    # "met President João Lourenço and Foreign Minister Manuel Augusto": the country a
    # well-known leader beside the title led, when nothing names it; not for two subjects,
    # who are often counterparts ("Secretary Blinken and President Duque discussed")
    first = root.head if root.dep_ == "conj" else root
    mine = index.by_token.get(span.start)
    hosted = first.dep_ not in ("nsubj", "nsubjpass") and (
        mine is None or known_office(mine.entity.name, lex, None) is None
    )
    for o_span, o_actor in people:
        found = title_before(o_span, lex)
        if found is None:
            continue
        holder = holder_before(o_span, found[1], index)
        if holder is None and hosted and found[0] == "leaderOf":
            holder = known_office(o_actor.entity.name, lex, None)
        if is_type(holder, "Country"):
            return holder
    return None


def _fronted_place(sent: Span, index: ArticleIndex) -> Actor | None:
    """The country of a place that opens the sentence: "In Washington, President Joe Biden said"."""
    first = sent[0]
    if first.lower_ not in FRONTED_PLACE_PREPS or len(sent) < 4:
        return None
    opening = sent[1:6]
    comma = next((t.i for t in opening if t.text == ","), opening.end)
    for _, actor in named_tokens(index, [t for t in kids(first) if t.i < comma]):
        if actor.entity.type == "Country":
            return Actor(actor.entity, How.IMPLICIT)
        code = dict((actor.place or actor.entity).ids).get("country", "")
        if code in index.lex.by_iso3:
            return Actor(country_entity(index.lex, code), How.IMPLICIT)
    return None


def _claimed(sent: Span, index: ArticleIndex, lex: Lexicon) -> set[int]:
    """Tokens just before the titles of the sentence's people: "U.S." in "U.S. President"."""
    people = [o for o, a in _sentence_mentions(sent, index) if a.entity.type == "Person"]
    titles = [title_before(o, lex) for o in people]
    starts = [found[1] for found in titles if found is not None]
    return {i for start in starts for i in range(max(sent.start, start - 3), start)}


def _sentence_mentions(sent: Span, index: ArticleIndex) -> list[tuple[Span, Actor]]:
    """The mentions inside one sentence, with their actors."""
    return [(o, a) for o, a in index.spans_between(sent.start, sent.end) if o.end <= sent.end]


def _unclaimed(
    span: Span, lo: int, index: ArticleIndex, lex: Lexicon
) -> Iterator[tuple[Span, Actor]]:
    """The mentions of a titled name's sentence that no other title claims, outside the title
    and the name (from token ``lo`` to the end of ``span``)."""
    skipped = _claimed(span.sent, index, lex) | set(range(lo, span.end))
    for other, actor in _sentence_mentions(span.sent, index):
        if other.start not in skipped:
            yield other, actor


def implicit_holder(
    span: Span, lo: int, index: ArticleIndex, lex: Lexicon, title: str
) -> Actor | None:
    """Who a bare title ("President Joe Biden") belongs to, when the sentence says it.

    A place that opens the sentence ("In Washington, ..."), seats of government and state
    bodies ("the White House said") count; for titles such as secretary-general, the first
    organization no other title claims.
    """
    mentions = _unclaimed(span, lo, index, lex)
    if _office_of_organization(title):
        return next((a for _, a in mentions if a.entity.type == "Organization"), None)
    # "the White House said", "the State Department"
    seats = (a for o, a in mentions if a.entity.type == "Country" and _is_seat(o, a))
    return _fronted_place(span.sent, index) or next(seats, None)


def _is_seat(mention: Span, actor: Actor) -> bool:
    """A seat of government or a state body standing for its country ("the White House")."""
    return mention.ent_id_.startswith("seat:") or (
        mention.label_ == "ORG" and actor.how == How.METONYMY
    )


def sentence_country(span: Span, lo: int, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """A weak guess at a bare title's country from its sentence: the country the sentence is
    about (its subject), else the last one before the title, else the first one after it,
    among those no other title claims."""
    countries = [(o, a) for o, a in _unclaimed(span, lo, index, lex) if a.entity.type == "Country"]
    subjects = [a for o, a in countries if o.root.dep_ in ("nsubj", "nsubjpass")]
    before = [a for o, a in countries if o.start < lo]
    after = [a for o, a in countries if o.start >= lo]
    return next(iter(subjects[:1] + before[-1:] + after), None)


def received_envoy(span: Span, title: str, holder: Actor, index: ArticleIndex) -> bool:
    """ "The Russia Ministry of Foreign Affairs informed Ambassador Tracy": an envoy whom the
    clause's subject acts on is posted to the subject's country, not its official."""
    root = span.root
    if title.lower().split()[-1] not in ENVOY_POSTS or root.dep_ not in ("dobj", "pobj", "dative"):
        return False
    verb = root.head.head if root.dep_ == "pobj" else root.head
    agents = [t for s in kids(verb, "nsubj") for t in s.subtree]
    return any(
        (a := index.by_token.get(t.i)) is not None and a.entity.key == holder.entity.key
        for t in agents
    )


LEADER_NOUNS = word_class("leader_nouns")


def named_leader(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "the Colombian president", "Iran's leader": the leader this article named ("Chinese
    leaders" are China)."""
    if token.lemma_ not in LEADER_NOUNS or token.tag_ not in ("NN", "NNP"):
        return None
    # "the Colombian president", "Iran's leader", "the president of Gabon"
    for child in [*kids(token, "amod", "compound", "poss"), *of_phrase_objects(token)]:
        inner = index.actor_at(child)
        if inner is not None and inner.entity.key in index.leaders:
            return [Actor(index.leaders[inner.entity.key], How.NOMINAL)]
    return None


def counterpart(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "his Indian counterpart": India's official, whoever "his" is."""
    if token.lemma_ != "counterpart":
        return None
    named = typed_actors(index, kids(token, "amod", "compound"), "Country")
    return [Actor(named[0].entity, How.METONYMY, named[0].place)] if named else None
