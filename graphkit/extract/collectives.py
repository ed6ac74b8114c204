"""Collective actors a group noun names ("Sudanese rebels", "Palestinian refugees", "ethnic
Albanians"), with the country they belong to when the text gives one."""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import conjuncts, of_phrase_objects
from graphkit.lexicon import actor_nouns, word_class, word_tuple
from graphkit.records import Entity
from graphkit.resolve import Actor, How, span_name

NON_STATE_GROUPS = actor_nouns("non_state")
# Collectives that are actors of their own, not their state: armed groups, civil groups, the
# people an event befalls ("Sudanese rebels", "Palestinian refugees", "Kurdish protesters").
COLLECTIVE_NOUNS = actor_nouns("collective")
COLLECTIVE_PREPS = word_tuple("collective_preps")


def collective_entity(name: str, iso3: str = "") -> Entity:
    """A collective actor ("Sudanese rebels"): an organization of its own, with its country's
    code."""
    return Entity(
        "Organization", name, (), (("kind", "group"), *((("country", iso3),) if iso3 else ()))
    )


def is_collective(entity: Entity) -> bool:
    return ("kind", "group") in entity.ids


def country_code(actor: Actor) -> str:
    ids = dict(actor.entity.ids)
    return ids.get("iso3", "") if actor.entity.type == "Country" else ids.get("country", "")


def collectives(token: Token, index: ArticleIndex) -> list[Actor]:
    """Collective actors a group noun names: "Sudanese rebels", "Sierra Leonean and Liberian
    refugees" (two groups), "opposition groups in Zimbabwe", "a camp for Congolese refugees"."""
    word = token.lower_
    if word not in COLLECTIVE_NOUNS and token.lemma_ not in COLLECTIVE_NOUNS:
        if word in ("groups", "group") and _descriptors(token, index):
            pass  # "armed groups", "opposition groups", "aid groups": non-state by their words
        elif token.lemma_ in SETTLEMENT_NOUNS or word in ("camps", "homes"):
            return _dwellers(token, index)
        else:
            return []
    words = " ".join([*_descriptors(token, index), _plural(token)])
    return (
        _by_nationality(token, index, words)
        or _by_whereabouts(token, index, words)
        or _by_kind(token, index, words)
    )


def _dwellers(token: Token, index: ArticleIndex) -> list[Actor]:
    """ "a camp for Congolese refugees", "Palestinian homes": the people who live there."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            for pobj in child.children:
                found = collectives(pobj, index)
                if found:
                    return found
    return []


def _plural(token: Token) -> str:
    """The group noun in the plural: "rebel" -> "rebels", "tribesman" -> "tribesmen"."""
    word = token.lower_
    if (
        token.tag_ in ("NNS", "NNPS")
        or word.endswith(("s", "men"))
        or word in ("militia", "opposition")
    ):
        return word
    return word[:-3] + "men" if word.endswith("man") else word + "s"


def _by_nationality(token: Token, index: ArticleIndex, words: str) -> list[Actor]:
    """ "Sudanese rebels", "Sierra Leonean and Liberian refugees" (two groups)."""
    out: list[Actor] = []
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod") or child.i > token.i:
            continue
        for mod in conjuncts(child):
            named = index.actor_at(mod)
            if named is None or named.entity.type not in ("Country", "Place"):
                continue
            spans = [sp for sp, _ in index.spans if sp.start <= mod.i < sp.end]
            qualifier = span_name(spans[0]) if spans else mod.text
            out.append(
                Actor(collective_entity(f"{qualifier} {words}", country_code(named)), How.NOMINAL)
            )
    return out


def _by_whereabouts(token: Token, index: ArticleIndex, words: str) -> list[Actor]:
    """ "opposition groups in Zimbabwe", "Prisoners rioted at a jail in Dili"."""
    heads = [token]
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head)  # "Prisoners rioted at a jail in Dili": where they acted
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in COLLECTIVE_PREPS:
                continue
            for pobj in child.children:
                named = _where(pobj, index)
                if named is None:
                    continue
                # "students throughout Indonesia": named by where they are, not a nationality
                where = named.place.name if named.place is not None else named.entity.name
                entity = collective_entity(f"{words} in {where}", country_code(named))
                return [Actor(entity, How.NOMINAL)]
    return []


def _by_kind(token: Token, index: ArticleIndex, words: str) -> list[Actor]:
    """ "Islamic fundamentalists", "opposition activists": a group its words name, of no one
    country."""
    kinds = [
        c
        for c in token.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i and index.actor_at(c) is None
    ]
    if any(
        c.ent_type_ == "NORP" or c.lower_ in NON_STATE_WORDS for c in kinds
    ) and not of_phrase_objects(token):
        return [Actor(collective_entity(words), How.NOMINAL)]
    return []


def peoples(token: Token, index: ArticleIndex) -> list[Actor]:
    """A people named with a qualifier is a collective, not a state: "Bosnian Serbs" (of Bosnia),
    "ethnic Albanians", "Iraqi Kurds"; a bare "Albanians" is left to the demonym rule."""
    if token.tag_ != "NNPS" and not (token.ent_type_ == "NORP" and token.tag_ == "NNS"):
        return []
    if token.ent_type_ != "NORP" and index.actor_at(token) is None:
        return []
    own = index.actor_at(token)
    for child in token.children:
        if child.dep_ not in ("amod", "compound") or child.i > token.i:
            continue
        named = index.actor_at(child)
        if (
            named is not None
            and named.entity.type in ("Country", "Place")
            and (own is None or named.entity.key != own.entity.key)
        ):
            return [
                Actor(
                    collective_entity(f"{child.text} {token.text}", country_code(named)),
                    How.NOMINAL,
                )
            ]
        if child.lower_ == "ethnic" and own is not None and own.entity.type == "Country":
            return [
                Actor(collective_entity(f"ethnic {token.text}", country_code(own)), How.NOMINAL)
            ]
    return []


def _where(token: Token, index: ArticleIndex) -> Actor | None:
    """The country or place a location phrase names ("in Dili", "at a jail in northern Israel")."""
    named = index.actor_at(token)
    if named is not None:
        return named if named.entity.type in ("Country", "Place") else None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in WHERE_PREPS:
            for pobj in child.children:
                inner = index.actor_at(pobj)
                if inner is not None and inner.entity.type in ("Country", "Place"):
                    return inner
        if child.dep_ in ("compound", "amod") and token.pos_ == "PROPN":
            inner = index.actor_at(
                child
            )  # "the Syrian Golan Heights": a place the model missed, in Syria
            if inner is not None and inner.entity.type == "Country":
                return inner
    return None


NON_STATE_WORDS = word_class("non_state_words")


def _descriptors(token: Token, index: ArticleIndex) -> list[str]:
    """The words that say what kind of collective a noun is ("opposition", "armed", "aid")."""
    words = [
        c
        for c in token.children
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i < token.i
        and c.is_alpha
        and index.actor_at(c) is None
    ]
    if token.lower_ in ("groups", "group") and not any(w.lower_ in NON_STATE_WORDS for w in words):
        return []
    # a capital inside the sentence is the name's own ("Druze", "Islamic"), not the sentence's
    keep = [
        w.pos_ == "PROPN" or w.ent_type_ == "NORP" or (w.is_title and w.i != w.sent.start)
        for w in words
    ]
    return [
        w.text if k else w.lower_
        for w, k in sorted(zip(words, keep, strict=True), key=lambda p: p[0].i)
    ]


WHERE_PREPS = word_class("where_preps")
SETTLEMENT_NOUNS = word_class("settlement_nouns")
