"""Collective actors a group noun names ("Sudanese rebels", "Palestinian refugees", "ethnic
Albanians"), with the country they belong to when the text gives one."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import BEFORE, conjuncts, of_phrase_objects, prep_objects, prep_words
from graphkit.extract.tokens import children, is_word, kids, matches
from graphkit.lexicon import actor_nouns, word_class, word_tuple
from graphkit.records import Entity
from graphkit.resolve import Actor, How, span_name

NON_STATE_GROUPS = actor_nouns("non_state")
# Collectives that are actors of their own, not their state: armed groups, civil groups, the
# people an event befalls ("Sudanese rebels", "Palestinian refugees", "Kurdish protesters").
COLLECTIVE_NOUNS = actor_nouns("collective")
AGENT_NOUNS = actor_nouns("agent")
COLLECTIVE_PREPS = word_tuple("collective_preps")
PLACE_TYPES = ("Country", "Place")
# Where an entity's country code is, by its type (a collective's is under "country")
CODE_ID = {"Country": "iso3"}
# "Prisoners rioted": a subject acting; "Kurds": a people in the plural, by the model's tag
SUBJECT_OF_VERB = {"dep_": {"nsubj", "nsubjpass"}, "head.pos_": {"VERB", "AUX"}}
PLURAL_PEOPLE = {"ent_type_": {"NORP"}, "tag_": {"NNS"}}
# "ethnic Albanians", "young Algerians": a people, not its state
PEOPLE_QUALIFIERS = word_class("people_qualifiers")
# "group", "organization": collectives only by their words ("armed groups", "aid groups")
GROUP_WORDS = word_class("group_words")


def collective_entity(name: str, iso3: str = "") -> Entity:
    """A collective actor ("Sudanese rebels"): an organization of its own, with its country's
    code."""
    return Entity(
        "Organization", name, (), (("kind", "group"), *((("country", iso3),) if iso3 else ()))
    )


def is_collective(entity: Entity) -> bool:
    return ("kind", "group") in entity.ids


def country_code(actor: Actor) -> str:
    """The code of the country an actor is or belongs to ("" if none is known)."""
    return dict(actor.entity.ids).get(CODE_ID.get(actor.entity.type, "country"), "")


def collectives(token: Token, index: ArticleIndex) -> list[Actor]:
    """Collective actors a group noun names: "Sudanese rebels", "Sierra Leonean and Liberian
    refugees" (two groups), "opposition groups in Zimbabwe", "a camp for Congolese refugees"."""
    word = token.lower_
    settled = populations(token, index)
    if settled:
        return settled
    if not is_word(token, COLLECTIVE_NOUNS):
        if token.lemma_ in SETTLEMENT_NOUNS or word in ("camps", "homes"):
            return _dwellers(token, index)
        if word not in GROUP_WORDS or not _descriptors(token, index):
            return []  # "armed groups", "opposition groups", "aid groups": non-state by words
    words = " ".join([*_descriptors(token, index), _plural(token)])
    return (
        _by_nationality(token, index, words)
        or _by_whereabouts(token, index, words)
        or _by_kind(token, index, words)
    )


def populations(token: Token, index: ArticleIndex) -> list[Actor]:
    """A people named by its nationality where the text says it lives is that place's people:
    "the Albanian population of Kosovo" (of Serbia's code), "the Serb minority in Croatia"."""
    if not is_word(token, POPULATION_NOUNS):
        return []
    home = _home(token, index)
    mods = [
        m
        for m in kids(token, "amod", "compound", side=BEFORE)
        if index.actor_typed(m, ("Country",)) is not None
    ]
    if home is None or not mods:
        return []
    where = home.place.name if home.place is not None else home.entity.name
    name = f"{_qualifier(mods[0], index)} {token.lower_} in {where}"
    return [Actor(collective_entity(name, country_code(home)), How.NOMINAL)]


def _home(token: Token, index: ArticleIndex, preps: Collection[str] = ()) -> Actor | None:
    """The country or place a phrase under a people's noun says it lives in ("ethnic Albanians
    in Serbia", "the Albanian population of Kosovo"), if its country is known."""
    places = (_where(pobj, index) for pobj in prep_words(token, preps or HOME_PREPS))
    return next((p for p in places if p is not None and country_code(p)), None)


def _dwellers(token: Token, index: ArticleIndex) -> list[Actor]:
    """ "a camp for Congolese refugees", "Palestinian homes": the people who live there."""
    found = (collectives(pobj, index) for pobj in prep_words(token, ("for", "of")))
    return next((f for f in found if f), [])


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
    mods = [m for c in kids(token, "amod", "compound", "nmod", side=BEFORE) for m in conjuncts(c)]
    named = [(m, a) for m in mods if (a := index.actor_typed(m, PLACE_TYPES)) is not None]
    return [
        Actor(collective_entity(f"{_qualifier(m, index)} {words}", country_code(a)), How.NOMINAL)
        for m, a in named
    ]


def _qualifier(mod: Token, index: ArticleIndex) -> str:
    """The name of the mention a modifier is part of ("Sierra Leonean"), or the word itself."""
    spans = [sp for sp, _ in index.spans if sp.start <= mod.i < sp.end]
    return span_name(spans[0]) if spans else mod.text


def _by_whereabouts(token: Token, index: ArticleIndex, words: str) -> list[Actor]:
    """ "opposition groups in Zimbabwe", "Prisoners rioted at a jail in Dili"."""
    heads = [token]
    if matches(token, SUBJECT_OF_VERB):
        heads.append(token.head)  # "Prisoners rioted at a jail in Dili": where they acted
    places = [
        named
        for head in heads
        for pobj in prep_words(head, COLLECTIVE_PREPS)
        if (named := _where(pobj, index)) is not None
    ]
    if not places:
        return []
    # "students throughout Indonesia": named by where they are, not a nationality
    named = places[0]
    where = named.place.name if named.place is not None else named.entity.name
    return [Actor(collective_entity(f"{words} in {where}", country_code(named)), How.NOMINAL)]


def _by_kind(token: Token, index: ArticleIndex, words: str) -> list[Actor]:
    """ "Islamic fundamentalists", "opposition activists": a group its words name, of no one
    country."""
    kinds = [
        c for c in kids(token, "amod", "compound", "nmod", side=BEFORE) if index.actor_at(c) is None
    ]
    for kind in kinds:
        # "Russian-backed separatists": a group known by who backs it
        backers = kids(kind, "npadvmod", "compound") if kind.tag_ == "VBN" else []
        if backers and index.actor_at(backers[0]) is not None:
            name = f"{backers[0].text}-{kind.lower_} {_plural(token)}"
            return [Actor(collective_entity(name), How.NOMINAL)]
    if any(
        c.ent_type_ == "NORP" or c.lower_ in NON_STATE_WORDS for c in kinds
    ) and not of_phrase_objects(token):
        return [Actor(collective_entity(words), How.NOMINAL)]
    return []


def peoples(token: Token, index: ArticleIndex) -> list[Actor]:
    """A people named with a qualifier is a collective, not a state: "Bosnian Serbs" (of Bosnia),
    "ethnic Albanians", "Iraqi Kurds"; a bare "Albanians" is left to the demonym rule."""
    if token.tag_ != "NNPS" and not matches(token, PLURAL_PEOPLE):
        return []
    if token.ent_type_ != "NORP" and index.actor_at(token) is None:
        return []
    own = index.actor_at(token)
    own_country = index.actor_typed(token, ("Country",))
    for child in kids(token, "amod", "compound", side=BEFORE):
        named = index.actor_typed(child, PLACE_TYPES)
        if named is not None and (own is None or named.entity.key != own.entity.key):
            return [
                Actor(
                    collective_entity(f"{child.text} {token.text}", country_code(named)),
                    How.NOMINAL,
                )
            ]
        if child.lower_ in PEOPLE_QUALIFIERS and own_country is not None:
            # "ethnic Albanians in Serbia" are Serbia's people; alone ("young Algerians"), their
            # nation's
            home = _home(token, index) or own_country
            entity = collective_entity(f"{child.lower_} {token.text}", country_code(home))
            return [Actor(entity, How.NOMINAL)]
    return _settled(token, own_country, index)


def _settled(token: Token, own: Actor | None, index: ArticleIndex) -> list[Actor]:
    """A people a phrase says belongs to another country than its nation's is that country's
    people: "the Albanians of southern Serbia" ("Ukrainians in Germany" are only there)."""
    home = _home(token, index, SETTLED_PREPS) if own is not None else None
    if own is None or home is None or country_code(home) == country_code(own):
        return []
    where = home.place.name if home.place is not None else home.entity.name
    return [Actor(collective_entity(f"{token.text} of {where}", country_code(home)), How.NOMINAL)]


def _where(token: Token, index: ArticleIndex) -> Actor | None:
    """The country or place a location phrase names ("in Dili", "at a jail in northern Israel")."""
    named = index.actor_at(token)
    if named is not None:
        return named if named.entity.type in PLACE_TYPES else None
    inner = [
        a
        for child in children(token)
        for word, types in _place_words(token, child)
        if (a := index.actor_typed(word, types)) is not None
    ]
    return inner[0] if inner else None


def _place_words(token: Token, child: Token) -> list[tuple[Token, tuple[str, ...]]]:
    """The words under one child of a location phrase that may name where it is, with the
    types they may have: the objects of "in" and the like ("a jail in northern Israel"), or a
    country modifying a place the model missed ("the Syrian Golan Heights": in Syria)."""
    if child.dep_ == "prep" and child.lower_ in WHERE_PREPS:
        return [(pobj, PLACE_TYPES) for pobj in children(child)]
    if child.dep_ in ("compound", "amod") and token.pos_ == "PROPN":
        return [(child, ("Country",))]
    return []


NON_STATE_WORDS = word_class("non_state_words")


def _descriptors(token: Token, index: ArticleIndex) -> list[str]:
    """The words that say what kind of collective a noun is ("opposition", "armed", "aid")."""
    words = [
        c
        for c in kids(token, "compound", "amod", "nmod", side=BEFORE)
        if c.is_alpha and index.actor_at(c) is None
    ]
    if token.lower_ in GROUP_WORDS and not any(w.lower_ in NON_STATE_WORDS for w in words):
        return []
    return [w.text if _own_capital(w) else w.lower_ for w in words]


def _own_capital(word: Token) -> bool:
    """A capital inside the sentence is the name's own ("Druze", "Islamic"), not the
    sentence's."""
    return (
        word.pos_ == "PROPN"
        or word.ent_type_ == "NORP"
        or (word.is_title and word.i != word.sent.start)
    )


WHERE_PREPS = word_class("where_preps")
HOME_PREPS = word_class("group_place_preps")
SETTLED_PREPS = word_class("settled_people_preps")
POPULATION_NOUNS = word_class("population_nouns")
SETTLEMENT_NOUNS = word_class("settlement_nouns")


def members_from(token: Token, index: ArticleIndex, depth: int = 0) -> list[Actor]:
    """ "gunmen from Boko Haram", "fighters from the Viv Ansanm coalition", "soldiers from the
    Sudanese army", "delegations from the army and the RSF": people named by the bodies they
    come from act for them ("fighters from Gaza", "refugees from Sudan" stay a group of their
    own)."""
    from graphkit.extract.args import actors_for  # args asks the finders

    froms = list(prep_objects(token, ("from",)))
    if not froms:
        return []
    agent = is_word(token, AGENT_NOUNS)
    if not agent and not is_word(token, COLLECTIVE_NOUNS):
        return []
    return [
        a
        for first in froms
        for pobj in conjuncts(first)
        for a in actors_for(pobj, index, depth=depth + 1)
        if a.entity.type == "Organization"
        or (agent and a.entity.type == "Country" and pobj.pos_ == "NOUN")
    ]
