"""Finding the actors behind a cue's arguments in the dependency parse.

An argument token can name an actor (inside a resolved mention), refer to one (a pronoun),
or be a common noun that stands for a country through its modifiers ("23 Russian diplomats",
"the ambassadors of Britain, France and Germany", "Colombian troops"). Coordination
("sanctioned A and B") gives several actors.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from graphkit.extract.collectives import NON_STATE_GROUPS, collectives, peoples
from graphkit.extract.references import (
    collective_antecedent,
    denied_accuser,
    doer_of,
    pair_reference,
    plural_antecedents,
)
from graphkit.extract.syntax import conjuncts, of_phrase_objects, sentences_back
from graphkit.lexicon import actor_nouns, word_class
from graphkit.records import Entity
from graphkit.resolve import Actor, How, MentionIndex

# Common nouns that act for the country or organization modifying them.
AGENT_NOUNS = actor_nouns("agent")


# Nouns for people or parties related to their possessor, not standing for it ("his daughter",
# "Washington's closest partners").
RELATIONAL_NOUNS = word_class("relational_nouns")


# Nouns for groups of people that act for the country they are "of" or "in", or that modifies them.
GROUP_NOUNS = actor_nouns("group")


GENERIC_ORG_WORDS = word_class("generic_org_words")
ADMIN_NOUNS = word_class("admin_nouns")
ORG_HEADS = word_class("org_heads")
LEADER_NOUNS = word_class("leader_nouns")


# events whose possessor, with no "of" phrase, is the one they befall: "his arrest", "her release"
PATIENT_NOUNS = word_class("patient_nouns")


def _undergoes(token: Token) -> bool:
    return token.lemma_ in PATIENT_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )


STATE_BODY_NOUNS = actor_nouns("state_body")


def _same_body(token: Token, index: MentionIndex) -> Actor | None:
    """ "the army" after "Congolese army positions" (in this sentence or the three before): the
    country whose army was named."""
    if token.lemma_ not in STATE_BODY_NOUNS or any(
        c.dep_ in ("amod", "compound", "poss") for c in token.children
    ):
        return None
    for earlier in reversed(token.doc[sentences_back(token, 3) : token.i]):
        if earlier.lemma_ != token.lemma_:
            continue
        mods = list(earlier.children)
        if (
            earlier.dep_ == "compound"
        ):  # "Congolese army positions": the demonym hangs on "positions"
            mods += [c for c in earlier.head.children if c.i < earlier.i]
        for mod in mods:
            named = (
                index.actor_at(mod) if mod.dep_ in ("amod", "compound", "poss", "nmod") else None
            )
            if named is not None and named.entity.type == "Country":
                return Actor(named.entity, How.NOMINAL)
    return None


def _nominal(token: Token, index: MentionIndex) -> Actor | None:
    """ "the council" / "the alliance": the last organization named with that word; "the army":
    the country whose army was just named."""
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
        return None
    body = _same_body(token, index)
    if body is not None:
        return body
    word = token.lower_
    best = None
    counts: dict[str, tuple[int, int, Actor]] = {}  # key -> (mentions, last position, actor)
    for span, actor in index.spans:
        if span.start >= token.i:
            break
        if actor.entity.type != "Organization" or ("kind", "group") in actor.entity.ids:
            continue
        seen = counts.get(actor.entity.key, (0, 0, actor))[0]
        counts[actor.entity.key] = (seen + 1, span.start, actor)
        names = [actor.entity.name, *actor.entity.aliases, span.text]
        if any(word in name.lower().split() for name in names):
            best = actor
    if best is None and word in GENERIC_ORG_WORDS and counts:
        # "the bloc", "the alliance": the organization named most so far, the latest of equals
        best = max(counts.values(), key=lambda c: (c[0], c[1]))[2]
    return Actor(best.entity, How.NOMINAL) if best is not None else None


def event_agent(token: Token, index: MentionIndex, *, near: bool = False) -> Actor | None:
    """ "condemned the attack": the actor of the latest event of that kind named before (with
    ``near``, in this sentence or the one before)."""
    named = index.lex.noun_relations
    relations = named.get(token.lemma_.lower()) or named.get(token.lower_)
    if not relations:
        return None
    best = None
    earliest = sentences_back(token, 1) if near else 0
    for told in index.told:
        if earliest <= told.pos < token.i and told.relation in relations:
            best = told.subject
    return Actor(best.entity, How.NOMINAL) if best is not None else None


def actors_for(
    token: Token, index: MentionIndex, *, depth: int = 0, events: bool = False
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


# An argument finder answers with the actors a token stands for, an empty list when the token
# stands for no actor at all, or None when it has nothing to say: the next one is asked.
Finder = Callable[[Token, MentionIndex, int, bool], "list[Actor] | None"]


def _people_named(
    token: Token, index: MentionIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "ethnic Albanians", "Iraqi Kurds": the people themselves."""
    return peoples(token, index) or None


def _pair_named(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "the two sides", "both leaders": a pair told of just before."""
    return pair_reference(token, index) or None


def _relative_antecedent(
    token: Token, index: MentionIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "the Emirates, which U.N. experts accused of ...": the Emirates."""
    if token.lower_ not in RELATIVE_PRONOUNS or depth != 0:
        return None
    if token.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return None
    clause = token.head if token.dep_ != "pobj" else token.head.head
    if clause.dep_ != "relcl":
        return None
    return actors_for(clause.head, index, depth=depth + 1, events=events)


def _mentioned(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """A resolved mention; a pronoun that refers to a group or to several actors told of."""
    actor = index.actor_at(token)
    if actor is None:
        return None
    if actor.how != How.PRONOUN:
        return [actor]
    group = collective_antecedent(token, actor, index)
    if group is not None:
        return [group]
    plural = plural_antecedents(token, actor, index)
    if plural is None:
        return []  # "A and B warned they could ...": the speakers themselves
    return plural or [actor]


def _no_noun(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """Too deep, or not a noun: no actor."""
    if depth > 2 or token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return []
    return None


def _apposed_person(
    token: Token, index: MentionIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "Russia's envoy, Vassily Nebenzia, dismissed": the person in apposition."""
    for child in token.children:
        if child.dep_ != "appos":
            continue
        # "a senior Rwandan army officer, Brig. Gen. Andrew Nyamvumba": the rank is parsed as
        # the head
        for t in child.subtree if token.tag_ == "NN" else [child]:
            inner = index.actor_at(t)
            if inner is not None and inner.entity.type == "Person":
                return [inner]
    return None


def _of_phrase(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "thousands of Colombians", "the ambassadors of Britain, France and Germany", "forums like
    CELAC"."""
    of_objects = of_phrase_objects(token)
    if of_objects and (
        token.lower_ in AGENT_NOUNS
        or token.lemma_ in AGENT_NOUNS
        or (token.pos_ == "NUM" and any(index.actor_at(p) is not None for p in of_objects))
        or token.lemma_ in OF_PHRASE_HEADS
    ):
        found = [
            a
            for pobj in of_objects
            for c in conjuncts(pobj)
            for a in actors_for(c, index, depth=depth + 1)
        ]
        return found or None
    return None


def _named_leader(
    token: Token, index: MentionIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "the Colombian president", "Iran's leader": the leader this article named ("Chinese
    leaders" are China)."""
    if token.lemma_ not in LEADER_NOUNS or token.tag_ not in ("NN", "NNP"):
        return None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss"):
            inner = index.actor_at(child)
            if inner is not None and inner.entity.key in index.leaders:
                return [Actor(index.leaders[inner.entity.key], How.NOMINAL)]
    return None


def _counterpart(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "his Indian counterpart": India's official, whoever "his" is."""
    if token.lemma_ != "counterpart":
        return None
    for child in token.children:
        named = index.actor_at(child) if child.dep_ in ("amod", "compound") else None
        if named is not None and named.entity.type == "Country":
            return [Actor(named.entity, How.METONYMY, named.place)]
    return None


def _owner_actors(token: Token, child: Token, index: MentionIndex) -> list[Actor]:
    """The actors a modifier of an agent noun names ("Hungarian and Romanian officials": both)."""
    owners: list[Actor] = []
    for mod in conjuncts(child):
        named = index.actor_at(mod)
        if (
            named is not None
            and named.entity.type == "Person"
            and token.lemma_ in ADMIN_NOUNS
            and (mod.dep_ == "compound" or (mod.dep_ == "poss" and mod.pos_ == "PROPN"))
        ):
            # "the Biden administration", "Modi's government": the government he
            # leads, if the article says which (else he stands for it)
            country = index.affiliation.get(named.entity.key)
            owners.append(
                Actor(country, How.METONYMY)
                if country is not None
                else Actor(named.entity, How.METONYMY)
            )
            continue
        if named is not None and named.entity.type in ("Country", "Organization", "Person"):
            how = named.how if named.how in (How.PRONOUN, How.DEMONYM) else How.METONYMY
            owners.append(Actor(named.entity, how, named.place))
    return owners


def _owners(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Russian diplomats", "U.S. officials", "Iran's armed forces", "London's case": the
    modifier the noun acts for."""
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "poss", "nmod"):
            continue
        inner = index.actor_at(child)
        if inner is None or inner.entity.type not in ("Country", "Organization", "Person"):
            continue
        if token.lower_ in RELATIONAL_NOUNS or token.lemma_ in RELATIONAL_NOUNS:
            continue
        if child.dep_ == "poss" and inner.entity.type == "Person" and _undergoes(token):
            continue  # "condemned his detention": he was detained, someone else detained him
        if (
            token.lemma_ in ORG_HEADS
            and child.dep_ in ("compound", "nmod")
            and inner.entity.type == "Organization"
        ):
            return [inner]  # "the Islamic Jihad movement" is Islamic Jihad
        agent_compound = any(
            c.dep_ == "compound" and c.lower_ in AGENT_NOUNS for c in token.children
        )
        if (
            child.dep_ == "poss"
            or token.lower_ in AGENT_NOUNS
            or token.lemma_ in AGENT_NOUNS
            or agent_compound
        ):
            return _owner_actors(token, child, index)
    return None


def _collective(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Sudanese rebels", "Palestinian refugees": a collective actor of its own."""
    return collectives(token, index) or None


def _led_by(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Vietnamese-led forces", "a Saudi-led coalition": the leader acts ("-backed" does not)."""
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ == "led":
            leaders = [
                index.actor_at(c)
                for c in child.children
                if c.dep_ in ("npadvmod", "compound", "amod", "nmod")
            ]
            found = [
                Actor(a.entity, How.METONYMY, a.place)
                for a in leaders
                if a is not None and a.entity.type == "Country"
            ]
            if found:
                return found
    return None


def _group_of(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Iraqi towns", "students in Iran": the country or organization a group acts for;
    "Darfur rebels": a non-state group named after a region is an actor of its own."""
    if not (
        token.lower_ in GROUP_NOUNS or token.lemma_ in GROUP_NOUNS or token.lemma_ in AGENT_NOUNS
    ):
        return None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            mods = [index.actor_at(m) for m in conjuncts(child)]
            found = [
                Actor(m.entity, How.METONYMY, m.place)
                for m in mods
                if m is not None and m.entity.type in ("Country", "Organization")
            ]
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in GROUP_PLACE_PREPS:
            for pobj in child.children:
                inner = index.actor_at(pobj)
                if inner is not None and inner.entity.type in ("Country", "Organization"):
                    return [Actor(inner.entity, How.METONYMY, inner.place)]
    if token.lower_ in NON_STATE_GROUPS or token.lemma_ in NON_STATE_GROUPS:
        for child in token.children:
            inner = index.actor_at(child) if child.dep_ in ("compound", "amod", "nmod") else None
            if inner is not None and inner.entity.type == "Place":
                name = f"{inner.entity.name} {token.text}"
                return [Actor(Entity("Organization", name), How.NOMINAL)]
    return None


def _nominal_ref(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "the bloc", "the administration": the organization or country it refers back to."""
    nominal = _nominal(token, index)
    return [nominal] if nominal is not None else None


def _event_agent(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """With ``events``: the agent of the event a noun names ("the strike")."""
    agent = event_agent(token, index) if events else None
    return [agent] if agent is not None else None


def _accuser(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """With ``events``: whoever blamed the one denying a role ("denied any role")."""
    return (denied_accuser(token, index) if events else []) or None


def _event_doer(token: Token, index: MentionIndex, depth: int, events: bool) -> list[Actor] | None:
    """With ``events``: the owners of an event noun, else whoever did such an act before."""
    return (owners_of(token, index) or doer_of(token, index, depth)) if events else None


# Tried in this order; the first answer wins.
ACTOR_FINDERS: tuple[Finder, ...] = (
    _people_named,
    _pair_named,
    _relative_antecedent,
    _mentioned,
    _no_noun,
    _apposed_person,
    _of_phrase,
    _named_leader,
    _counterpart,
    _owners,
    _collective,
    _led_by,
    _group_of,
    _nominal_ref,
    _event_agent,
    _accuser,
    _event_doer,
)


def _actors_for(
    token: Token, index: MentionIndex, *, depth: int = 0, events: bool = False
) -> list[Actor]:
    for finder in ACTOR_FINDERS:
        found = finder(token, index, depth, events)
        if found is not None:
            return found
    return []


def owners_of(token: Token, index: MentionIndex, *, depth: int = 0) -> list[Actor]:
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
                and _undergoes(token)
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


def actor_of(token: Token, index: MentionIndex) -> Actor | None:
    """The first actor an argument token stands for, or None."""
    found = actors_for(token, index)
    return found[0] if found else None


def actors_of(
    token: Token, index: MentionIndex, *, events: bool = False
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


def _people_before_and(token: Token, index: MentionIndex) -> list[tuple[Token, Actor]]:
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


OF_PHRASE_HEADS = word_class("of_phrase_heads")
GROUP_PLACE_PREPS = word_class("group_place_preps")
RELATIVE_PRONOUNS = word_class("relative_pronouns")
