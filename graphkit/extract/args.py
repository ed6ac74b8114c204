"""Finding the actors behind a cue's arguments in the dependency parse.

An argument token can name an actor (inside a resolved mention), refer to one (a pronoun),
or be a common noun that stands for a country through its modifiers ("23 Russian diplomats",
"the ambassadors of Britain, France and Germany", "Colombian troops"). Coordination
("sanctioned A and B") gives several actors.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.extract.finders import ACTOR_FINDERS, undergoes
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import conjuncts, of_phrase_objects
from graphkit.resolve import Actor, How


def actors_for(
    token: Token, index: ArticleIndex, *, depth: int = 0, events: bool = False
) -> list[Actor]:
    """The actors one argument token stands for (several for "the ambassadors of A, B and C").

    With ``events``, a noun naming an earlier event ("condemned the attack") stands for the
    actor of that event. "Six Indian diplomats, including the high commissioner, X" stands for
    India and X.
    """
    found = _actors_for(token, index, depth=depth, events=events)
    if token.pos_ in ("NOUN", "PROPN"):
        for pobj in (
            p
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "including"
            for p in c.children
            if p.dep_ == "pobj"
        ):
            for actor in (
                a
                for c in conjuncts(pobj)
                for a in actors_for(c, index, depth=depth + 1, events=events)
            ):
                if all(actor.entity.key != f.entity.key for f in found):
                    found.append(actor)
    return found


def _actors_for(
    token: Token, index: ArticleIndex, *, depth: int = 0, events: bool = False
) -> list[Actor]:
    for finder in ACTOR_FINDERS:
        found = finder(token, index, depth, events)
        if found is not None:
            return found
    return []


def owners_of(token: Token, index: ArticleIndex, *, depth: int = 0) -> list[Actor]:
    """Whose thing a noun names: "an Indian proposal", "Sweden's decision", "violations by the
    Israeli military", "the legality of Israel's techniques" -> the actor behind it."""
    if depth > 1 or token.pos_ not in ("NOUN", "PROPN"):
        return []
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            actor = index.actor_at(child)
            if (
                actor is not None
                and actor.entity.type == "Person"
                and child.dep_ == "poss"
                and undergoes(token)
            ):
                continue  # "his detention": not his doing
            if actor is not None and actor.entity.type in ("Country", "Organization", "Person"):
                return [
                    Actor(
                        actor.entity,
                        How.METONYMY if actor.how == How.NAME else actor.how,
                        actor.place,
                    )
                ]
            inner = actors_for(child, index) if child.pos_ in ("NOUN", "PROPN") else []
            if inner:
                return inner
    # "violations by the army", "crimes committed by Croat forces"
    heads = [token, *(c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    for child in (c for h in heads for c in h.children):
        # "an offer from Kabul", "a call by the opposition"
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            for pobj in child.children:
                found = actors_for(pobj, index)
                if found:
                    return found
    for pobj in of_phrase_objects(token):
        found = actors_for(pobj, index) or owners_of(pobj, index, depth=depth + 1)
        if found:
            return found
    return []


def actor_of(token: Token, index: ArticleIndex) -> Actor | None:
    """The first actor an argument token stands for, or None."""
    found = actors_for(token, index)
    return found[0] if found else None


def actors_of(
    token: Token, index: ArticleIndex, *, events: bool = False
) -> list[tuple[Token, Actor]]:
    """Actors for an argument token and everything coordinated with it."""
    out: list[tuple[Token, Actor]] = []
    seen: set[str] = set()
    for tok in conjuncts(token):
        for actor in actors_for(tok, index, events=events):
            if actor.entity.key not in seen:
                seen.add(actor.entity.key)
                out.append((tok, actor))
    for tok, actor in _people_before_and(token, index):
        if actor.entity.key not in seen:
            seen.add(actor.entity.key)
            out.insert(0, (tok, actor))
    return out


def _people_before_and(token: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "Commission President Ursula von der Leyen and Council President António Costa met":
    people joined by "and" in front of a person that the parse folded into its name's modifiers."""
    own = index.by_token.get(token.i)
    if own is None or own.entity.type != "Person":
        return []
    doc = token.doc
    found = []
    for span, actor in index.spans:
        if actor.entity.type != "Person" or actor.entity.key == own.entity.key:
            continue
        if not (token.left_edge.i <= span.start and span.end <= token.i):
            continue
        if (
            span.end < len(doc)
            and doc[span.end].lower_ in ("and", ",")
            and doc[span.end].head.i != token.i
        ):
            found.append((doc[span.end - 1], actor))
    return found
