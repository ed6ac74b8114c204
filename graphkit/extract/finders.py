"""Argument finders: the ordered rules that say which actors an argument token stands for.

Each finder answers with actors, with an empty list (the token stands for no actor), or with
None (no answer: the next finder is asked). ``args.actors_for`` asks them in the order of
``ACTOR_FINDERS``; the first answer wins.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from graphkit.actors import TITLE_WORDS
from graphkit.extract.collectives import NON_STATE_GROUPS, collectives, members_from, peoples
from graphkit.extract.known import ArticleIndex
from graphkit.extract.lists import listed_later
from graphkit.extract.pairs import pair_reference, plural_antecedents
from graphkit.extract.references import (
    collective_antecedent,
    denied_accuser,
    described_referent,
    doer_of,
    event_agent,
    nominal_referent,
    titled_referent,
)
from graphkit.extract.speakers import first_person
from graphkit.extract.syntax import conjuncts, of_phrase_objects
from graphkit.extract.title_holders import counterpart, named_leader
from graphkit.extract.title_phrases import known_office, named_tokens, title_before, typed_actors
from graphkit.extract.tokens import children, is_word, kid, kids
from graphkit.lexicon import actor_nouns, word_class
from graphkit.records import Entity
from graphkit.resolve import Actor, How

# Common nouns that act for the country or organization modifying them.
AGENT_NOUNS = actor_nouns("agent")
# Nouns for people or parties related to their possessor, not standing for it ("his daughter",
# "Washington's closest partners").
RELATIONAL_NOUNS = word_class("relational_nouns")
# Nouns for groups of people that act for the country they are "of" or "in", or that modifies them.
GROUP_NOUNS = actor_nouns("group")
COLLECTIVE_NOUNS = actor_nouns("collective")
ADMIN_NOUNS = word_class("admin_nouns")
STATE_ADMIN_NOUNS = word_class("state_admin_nouns")
HOME_NOUNS = word_class("home_nouns")
ORG_HEADS = word_class("org_heads")
# events whose possessor, with no "of" phrase, is the one they befall: "his arrest", "her release"
PATIENT_NOUNS = word_class("patient_nouns")
OF_PHRASE_HEADS = word_class("of_phrase_heads")
# nouns that stand for what their "of" phrase names: "the ambassadors of Britain", "thousands of"
OF_PHRASE_NOUNS = AGENT_NOUNS | OF_PHRASE_HEADS
GROUP_PLACE_PREPS = word_class("group_place_preps")
RELATIVE_PRONOUNS = word_class("relative_pronouns")
POSTING_PREPS = word_class("posting_preps")
CAPITAL_NOUNS = word_class("capital_nouns")
OF = frozenset({"of"})
LED = frozenset({"led"})
STATES_AND_ORGANIZATIONS = ("Country", "Organization")
OWNER_TYPES = ("Country", "Organization", "Person")


def undergoes(token: Token) -> bool:
    return token.lemma_ in PATIENT_NOUNS and kid(token, "prep", words=OF) is None


# An argument finder answers with the actors a token stands for, an empty list when the token
# stands for no actor at all, or None when it has nothing to say: the next one is asked.
Finder = Callable[[Token, ArticleIndex, int, bool], "list[Actor] | None"]


def _just(actor: Actor | None) -> list[Actor] | None:
    """One actor as a finder's answer; no answer without one."""
    return [actor] if actor is not None else None


def _people_named(
    token: Token, index: ArticleIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "ethnic Albanians", "Iraqi Kurds": the people themselves."""
    return peoples(token, index) or None


def _pair_named(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "the two sides", "both leaders": a pair told of just before."""
    return pair_reference(token, index) or None


def _relative_antecedent(
    token: Token, index: ArticleIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "the Emirates, which U.N. experts accused of": the Emirates; "Yang, a writer who": Yang."""
    if token.lower_ not in RELATIVE_PRONOUNS or depth != 0:
        return None
    if token.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return None
    clause = token.head if token.dep_ != "pobj" else token.head.head
    if clause.dep_ != "relcl":
        return None
    from graphkit.extract.args import actors_for  # args asks the finders

    noun = clause.head
    person = token.lower_ in ("who", "whom") and (noun.dep_, noun.pos_) == ("appos", "NOUN")
    return actors_for(noun.head if person else noun, index, depth=depth + 1, events=events)


def _first_person(
    token: Token, index: ArticleIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "we", "our": a quotation's speaker, an official's country, a statement's issuer."""
    return first_person(token, index)


def _mentioned(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
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
        return []  # "they" stands for its own speakers, none of them named
    return plural or [actor]


def _no_noun(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """Too deep, or not a noun: no actor."""
    if depth > 2 or token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return []
    return None


def _described(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "the accused kingpin", "the Palestinian resistance group": the one named just before."""
    return _just(described_referent(token, index))


def _capital_of(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "arrived in the Ukrainian capital": the country whose seat it is, as a named capital."""
    if token.lemma_ not in CAPITAL_NOUNS or token.tag_ != "NN":
        return None
    found = typed_actors(index, kids(token, "amod", "compound"), "Country")[:1]
    return [Actor(c.entity, How.METONYMY) for c in found] or None


def _apposed_person(
    token: Token, index: ArticleIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "Russia's envoy, Vassily Nebenzia, dismissed": the person in apposition; "spoke with the
    Guinean ambassador in Washington, Raphiou Barry": the parse hangs the name on the post."""
    posts = [p for c in kids(token, "prep", words=POSTING_PREPS) for p in kids(c, "pobj")]
    # "a senior Rwandan army officer, Brig. Gen. Andrew Nyamvumba": the rank is parsed as the head
    apposed = [t for c in kids(token, "appos") for t in (c.subtree if token.tag_ == "NN" else [c])]
    apposed += [a for p in posts for a in kids(p, "appos")] if token.pos_ == "NOUN" else []
    found = typed_actors(index, apposed, "Person")[:1]
    return found or _name_after_comma(token, index) or None


def _name_after_comma(token: Token, index: ArticleIndex) -> list[Actor]:
    """ "a phone call with his Chinese counterpart, Wang Yi, on Monday", "detained a Polish
    citizen, Piotr Nowicki": the name right after an office's (or one person's) comma, however
    the parse hangs it."""
    doc = token.doc
    k = token.i + 1
    # "a Polish citizen, Piotr Nowicki": one person of a collective, named
    single = token.tag_ == "NN" and token.lower_ in COLLECTIVE_NOUNS
    if token.lemma_ != "counterpart" and token.lower_ not in index.lex.title_words and not single:
        return []
    if k + 1 >= len(doc) or doc[k].text != "," or token.i in index.by_token:
        return []
    # a person whose name starts right after the comma, or after a rank ("Brig. Gen.")
    j = k + 1
    while j < min(len(doc), k + 5) and (doc[j].text == "." or _rank(doc[j])):
        j += 1
    return [a for _, a in index.spans_between(j, j + 1) if a.entity.type == "Person"][:1]


def _rank(tok: Token) -> bool:
    """A title or rank word before a name ("Brig.", "Gen.", "Col.")."""
    return tok.is_title and tok.lower_.rstrip(".") in TITLE_WORDS


def _title_of_name(
    token: Token, index: ArticleIndex, depth: int, events: bool
) -> list[Actor] | None:
    """ "Secretary of the Treasury Steven Mnuchin said": the parse makes the title's first word
    the argument and hangs the name under its "of" phrase; the person it titles."""
    if token.lower_ not in index.lex.title_words or token.i in index.by_token:
        return None
    for span, actor in index.spans_between(token.i + 1, min(token.i + 7, token.sent.end)):
        if actor.entity.type == "Person" and token.is_ancestor(span.root):
            found = title_before(span, index.lex)
            if found is not None and found[1] == token.i:
                return [actor]
    return None


def _of_phrase(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "thousands of Colombians", "the ambassadors of Britain, France and Germany", "forums like
    CELAC"."""
    from graphkit.extract.args import actors_for  # args asks the finders

    of_objects = of_phrase_objects(token)
    if of_objects and (
        is_word(token, OF_PHRASE_NOUNS)
        or (token.pos_ == "NUM" and any(index.actor_at(p) is not None for p in of_objects))
    ):
        found = [
            a
            for pobj in of_objects
            for c in conjuncts(pobj)
            for a in actors_for(c, index, depth=depth + 1)
        ]
        return found or None
    return members_from(token, index, depth) or None


def _beside_owner(token: Token, owner: Actor, index: ArticleIndex) -> bool:
    """ "Petro and his administration": the noun is joined to a mention of its own owner."""
    group = [token.head] if token.dep_ == "conj" else []
    group += kids(token, "conj")
    return any(
        (named := index.by_token.get(t.i)) is not None and named.entity.key == owner.entity.key
        for t in group
    )


def _owner_actors(token: Token, child: Token, index: ArticleIndex) -> list[Actor]:
    """The actors a modifier of an agent noun names ("Hungarian and Romanian officials": both)."""
    owners: list[Actor] = []
    for mod, named in named_tokens(index, conjuncts(child), *OWNER_TYPES):
        country = index.affiliation.get(named.entity.key)
        if country is None and token.lemma_ in STATE_ADMIN_NOUNS:
            country = _known_holder(named, index)
        # "his country", "Correa's nation"
        home = token.lemma_ in HOME_NOUNS and mod.dep_ == "poss" and country is not None
        # "the Biden administration", "Modi's government", "his government": the government
        # he leads or serves, if the article says which or he is a well-known officeholder
        # (else he stands for it, as in "sanctions against Petro and his administration")
        owned = mod.dep_ == "compound" or (
            mod.dep_ == "poss"
            and (
                mod.pos_ == "PROPN"
                or (mod.pos_ == "PRON" and not _beside_owner(token, named, index))
            )
        )
        admin = token.lemma_ in ADMIN_NOUNS and owned
        if named.entity.type == "Person" and (home or admin):
            owners.append(Actor(country or named.entity, How.METONYMY))
            continue
        how = named.how if named.how in (How.PRONOUN, How.DEMONYM) else How.METONYMY
        owners.append(Actor(named.entity, how, named.place))
    return owners


def _known_holder(named: Actor, index: ArticleIndex) -> Entity | None:
    """The country a well-known officeholder served ("the Bush administration"), when
    ``officeholders.csv`` gives one; None for anyone else or an organization's official."""
    if named.entity.type != "Person":
        return None
    office = known_office(named.entity.name, index.lex, None)
    return office.entity if office is not None and office.entity.type == "Country" else None


def _owners(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Russian diplomats", "U.S. officials", "Iran's armed forces", "London's case": the
    modifier the noun acts for."""
    if is_word(token, RELATIONAL_NOUNS):
        # "its EU partners": fellow members of the organization named stand for it; "our
        # Philippine allies": the country the ally is (not "Israel's allies", its owner's)
        orgs = typed_actors(index, kids(token, "compound"), "Organization")
        return orgs or typed_actors(index, kids(token, "amod", "compound"), "Country") or None
    compounds = kids(token, "compound")
    agent = is_word(token, AGENT_NOUNS) or any(c.lower_ in AGENT_NOUNS for c in compounds)
    modifiers = kids(token, "amod", "compound", "poss", "nmod")
    for child, inner in named_tokens(index, modifiers, *OWNER_TYPES):
        if child.dep_ == "poss" and inner.entity.type == "Person" and undergoes(token):
            continue  # "condemned his detention": he was detained, someone else detained him
        if (
            token.lemma_ in ORG_HEADS
            and child.dep_ in ("compound", "nmod")
            and inner.entity.type == "Organization"
        ):
            return [inner]  # "the Islamic Jihad movement" is Islamic Jihad
        if child.dep_ == "poss" or agent:
            return _owner_actors(token, child, index)
    return None


def _collective(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Sudanese rebels", "Palestinian refugees": a collective actor of its own."""
    return collectives(token, index) or None


def _led_by(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Vietnamese-led forces", "a Saudi-led coalition": the leader acts ("-backed" does not)."""
    for child in kids(token, "amod", words=LED):
        leaders = kids(child, "npadvmod", "compound", "amod", "nmod")
        found = [
            Actor(a.entity, How.METONYMY, a.place) for a in typed_actors(index, leaders, "Country")
        ]
        if found:
            return found
    return None


def _group_of(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "Iraqi towns", "students in Iran": the country or organization a group acts for;
    "Darfur rebels": a non-state group named after a region is an actor of its own."""
    if not (is_word(token, GROUP_NOUNS) or token.lemma_ in AGENT_NOUNS):
        return None
    for child in children(token):
        if child.dep_ in ("amod", "compound", "nmod"):
            found = typed_actors(index, conjuncts(child), *STATES_AND_ORGANIZATIONS)
        elif child.dep_ == "prep" and child.lower_ in GROUP_PLACE_PREPS:
            # "the juntas in Mali and Niger": a plural group acts for each place joined
            joined = [c for p in children(child) for c in conjuncts(p)]
            found = typed_actors(index, joined, *STATES_AND_ORGANIZATIONS)
            found = found if token.tag_ == "NNS" else found[:1]
        else:
            continue
        if found:
            return [Actor(a.entity, How.METONYMY, a.place) for a in found]
    if is_word(token, NON_STATE_GROUPS):
        places = typed_actors(index, kids(token, "compound", "amod", "nmod"), "Place")
        if places:
            name = f"{places[0].entity.name} {token.text}"
            return [Actor(Entity("Organization", name), How.NOMINAL)]
    return None


def _nominal_ref(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "the bloc", "the administration": the organization or country it refers back to."""
    return _just(nominal_referent(token, index))


def _titled_ref(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "The Secretary underscored": the person last named with that title."""
    return _just(titled_referent(token, index))


def _event_agent(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """With ``events``: the agent of the event a noun names ("the strike")."""
    return _just(event_agent(token, index) if events else None)


def _accuser(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """With ``events``: whoever blamed the one denying a role ("denied any role")."""
    return (denied_accuser(token, index) if events else []) or None


def _event_doer(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """With ``events``: the owners of an event noun, else whoever did such an act before."""
    from graphkit.extract.args import owners_of  # args asks the finders

    return (owners_of(token, index) or doer_of(token, index, depth)) if events else None


# Tried in this order; the first answer wins.
ACTOR_FINDERS: tuple[Finder, ...] = (
    _people_named,
    _pair_named,
    _relative_antecedent,
    _first_person,
    _mentioned,
    _no_noun,
    listed_later,
    _apposed_person,
    _capital_of,
    _title_of_name,
    _described,
    named_leader,
    _of_phrase,
    counterpart,
    _owners,
    _collective,
    _led_by,
    _group_of,
    _nominal_ref,
    _titled_ref,
    _event_agent,
    _accuser,
    _event_doer,
)
