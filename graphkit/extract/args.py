"""Finding the actors behind a cue's arguments in the dependency parse.

An argument token can name an actor (inside a resolved mention), refer to one (a pronoun),
or be a common noun that stands for a country through its modifiers ("23 Russian diplomats",
"the ambassadors of Britain, France and Germany", "Colombian troops"). Coordination
("sanctioned A and B") gives several actors.
"""

from __future__ import annotations

from itertools import chain

from spacy.tokens import Token

from graphkit.extract.finders import ACTOR_FINDERS, undergoes
from graphkit.extract.known import ArticleIndex, typed
from graphkit.extract.lists import semicolon_items
from graphkit.extract.speakers import is_first_plural
from graphkit.extract.syntax import conjuncts, of_phrase_objects, prep_words
from graphkit.extract.tokens import kids, select
from graphkit.lexicon import word_class
from graphkit.resolve import Actor, How

# Verbs of brokering: "a ceasefire brokered by Qatar" is none of Qatar's own
MEDIATE_VERBS = word_class("mediate_verbs")


def actors_for(
    token: Token, index: ArticleIndex, *, depth: int = 0, events: bool = False
) -> list[Actor]:
    """The actors one argument token stands for (several for "the ambassadors of A, B and C").

    With ``events``, a noun naming an earlier event ("condemned the attack") stands for the
    actor of that event. "Six Indian diplomats, including the high commissioner, X" stands for
    India and X.
    """
    if token.doc is not index.doc:
        return _actors_uncached(token, index, depth, events)
    key = ("actors_for", token.i, depth, events)
    return list(index.remembered(key, lambda: tuple(_actors_uncached(token, index, depth, events))))


def _actors_uncached(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor]:
    found = _actors_for(token, index, depth=depth, events=events)
    if token.pos_ in ("NOUN", "PROPN"):
        included = [
            a
            for pobj in select(prep_words(token, ("including",)), ("pobj",))
            for c in conjuncts(pobj)
            for a in actors_for(c, index, depth=depth + 1, events=events)
        ]
        keys = {f.entity.key for f in found}
        for actor in included:
            if actor.entity.key not in keys:
                keys.add(actor.entity.key)
                found.append(actor)
    return found


def _actors_for(
    token: Token, index: ArticleIndex, *, depth: int = 0, events: bool = False
) -> list[Actor]:
    """What the first finder of ``ACTOR_FINDERS`` that has an answer finds."""
    for finder in ACTOR_FINDERS:
        found = finder(token, index, depth, events)
        if found is not None:
            return found
    return []


# A name stands for its owner by metonymy ("Sweden's decision"); a pronoun or nominal as it is
OWNER_HOW = {How.NAME: How.METONYMY}


def owners_of(token: Token, index: ArticleIndex, *, depth: int = 0) -> list[Actor]:
    """Whose thing a noun names: "an Indian proposal", "Sweden's decision", "violations by the
    Israeli military", "the legality of Israel's techniques" -> the actor behind it."""
    if depth > 1 or token.pos_ not in ("NOUN", "PROPN"):
        return []
    for child in kids(token, "poss", "amod", "compound", "nmod"):
        actor = index.actor_typed(child, ("Country", "Organization", "Person"))
        if actor is None:
            # "our support": a first person's owner is whoever speaks (see extract.speakers)
            inner = (
                actors_for(child, index)
                if child.pos_ in ("NOUN", "PROPN") or is_first_plural(child)
                else []
            )
            if inner:
                return inner
        elif child.dep_ != "poss" or actor.entity.type != "Person" or not undergoes(token):
            # ("his detention": not his doing)
            return [Actor(actor.entity, OWNER_HOW.get(actor.how, actor.how), actor.place)]
    # "violations by the army", "crimes committed by Croat forces"; "an offer from Kabul", "a
    # call by the opposition" (not "a ceasefire brokered by Qatar": a broker owns no deal)
    heads = [
        token,
        *(c for c in kids(token, "acl") if c.tag_ == "VBN" and c.lemma_ not in MEDIATE_VERBS),
    ]
    by = (
        [a for c in conjuncts(pobj) for a in actors_for(c, index)]  # "by Britain and Sierra Leone"
        for h in heads
        for pobj in prep_words(h, ("by", "from"), ("prep", "agent"))
    )
    # "the legality of Israel's techniques": whose the thing of is
    of = (
        actors_for(pobj, index) or owners_of(pobj, index, depth=depth + 1)
        for pobj in of_phrase_objects(token)
    )
    return next((found for found in chain(by, of) if found), [])


def actor_of(token: Token, index: ArticleIndex) -> Actor | None:
    """The first actor an argument token stands for, or None."""
    found = actors_for(token, index)
    return found[0] if found else None


def actors_of(
    token: Token, index: ArticleIndex, *, events: bool = False
) -> list[tuple[Token, Actor]]:
    """Actors for an argument token and everything coordinated with it."""
    if token.doc is not index.doc:
        return _coordinated_actors(token, index, events)
    key = ("actors_of", token.i, events)
    return list(index.remembered(key, lambda: tuple(_coordinated_actors(token, index, events))))


def _coordinated_actors(
    token: Token, index: ArticleIndex, events: bool
) -> list[tuple[Token, Actor]]:
    tokens = [t for tok in conjuncts(token) for t in (tok, *_appos_conjuncts(tok))]
    out = _first_of_each(
        [(tok, a) for tok in tokens for a in actors_for(tok, index, events=events)]
    )
    seen = {actor.entity.key for _, actor in out}
    before = [(t, a) for t, a in _people_before_and(token, index) if a.entity.key not in seen]
    listed = [
        (t, a)
        for t, a in (semicolon_items(token, out[-1][1], index) if out else [])
        if a.entity.key not in seen
    ]
    return [*reversed(_first_of_each(before)), *out, *_first_of_each(listed)]


def _appos_conjuncts(token: Token) -> list[Token]:
    """ "Foreign Minister Abbas Araghchi and U.S. envoy Steve Witkoff negotiated": the parse
    makes the first name the title's apposition and joins the second to that name, not to the
    title."""
    out: list[Token] = []
    for a in kids(token, "appos"):
        if a.left_edge.i == token.i + 1 and a.ent_type_ == "PERSON":
            out += conjuncts(a)[1:]
        elif _listed_as_appos(token, a):
            out += conjuncts(a)
    return out


def _listed_as_appos(token: Token, appos: Token) -> bool:
    """ "Mali, Burkina Faso and Niger signed": a list whose second item the parse made an
    apposition of the first."""
    after_comma = appos.left_edge.i == token.i + 2 and token.doc[token.i + 1].text == ","
    same_kind = appos.ent_type_ in ("GPE", "ORG") and token.ent_type_ == appos.ent_type_
    return after_comma and same_kind and bool(kids(appos, "conj"))


def _first_of_each(found: list[tuple[Token, Actor]]) -> list[tuple[Token, Actor]]:
    """The first ``(token, actor)`` of each actor, in order."""
    first: dict[str, tuple[Token, Actor]] = {}
    for tok, actor in found:
        first.setdefault(actor.entity.key, (tok, actor))
    return list(first.values())


def _people_before_and(token: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "Commission President Ursula von der Leyen and Council President António Costa met":
    people joined by "and" in front of a person that the parse folded into its name's modifiers."""
    own = typed(index.by_token.get(token.i), ("Person",))
    if own is None:
        return []
    doc = token.doc
    found = []
    for span, actor in index.spans_between(token.left_edge.i, token.i):
        if actor.entity.type != "Person" or actor.entity.key == own.entity.key:
            continue
        # a span that ends before the token has a word after it
        if (
            span.end <= token.i
            and doc[span.end].lower_ in ("and", ",")
            and doc[span.end].head.i != token.i
        ):
            found.append((doc[span.end - 1], actor))
    return found
