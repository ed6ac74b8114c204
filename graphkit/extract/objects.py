"""The object of a cue: where the cue file says to look (direct object, dative, a
preposition), and people as objects of the relations that take them ("arrested")."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.collectives import collective_entity
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import BEFORE, prep_objects
from graphkit.extract.tokens import children, kid, kids, matches, select
from graphkit.lexicon import Cue, word_class
from graphkit.records import Entity
from graphkit.resolve import Actor, How
from graphkit.vocab import relations_where

MARKED_CLAUSES = ("advcl", "ccomp", "xcomp")


def of_carrier(noun: Token) -> Token | None:
    """The noun an "of" phrase hangs the token on ("state" in "a state of emergency"), if any."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def needs_ok(tok: Token, cue: Cue) -> bool:
    if not cue.needs:
        return True
    if cue.pos == "noun":
        mods = {c.lemma_.lower() for c in kids(tok, "compound", "amod", "nmod")}
        carrier = of_carrier(tok)
        if carrier is not None:  # "a state of emergency": the noun the "of" phrase hangs on
            mods |= {"of", carrier.lemma_.lower()}
        return all(n in mods for n in cue.needs)
    # "called him on Monday" is no "call on": a preposition before a date is not the particle
    own = [
        c
        for c in children(tok)
        if not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in children(c)))
    ]
    # "gave Vietnam six vessels in aid": a preposition with an object of its own is no particle
    # ("gave in to"), unless the cue's object is there ("called for talks")
    words = {
        c.lemma_.lower()
        for c in own
        if not (c.dep_ == "prep" and kid(c, "pobj")) or c.lower_ in cue.slots
    }
    # a particle is the verb's own ("gave in to"), not a word inside its object ("gave the
    # authorities in Seoul second thoughts"), unless it is where the cue's object is ("stood
    # shoulder to shoulder with Warsaw")
    words |= {g.lemma_.lower() for c in select(own, ("prep",)) for g in children(c)}
    # "called for Hamas to release the hostages": the parse made the particle the clause's mark
    words |= {m.lower_ for c in select(own, MARKED_CLAUSES) for m in kids(c, "mark")}
    words |= {
        g.lemma_.lower()
        for c in select(own, ("dobj",))
        for g in children(c)
        if g.pos_ not in ("ADP", "ADV", "PART") or g.lower_ in cue.slots
    }
    return all(n in words for n in cue.needs)


PERSON_OBJECT_RELATIONS = relations_where(lambda r: r.person_object)
TITLED_NAME: dict[str, Collection[object]] = {"pos_": {"PROPN"}, "is_title": {True}}  # "Macías"


def _unnamed_person(token: Token) -> Actor | None:
    """A capitalized name the model missed, where only a person can stand ("arrested Adolfo
    Macías")."""
    if not matches(token, TITLED_NAME):
        return None
    words = [c for c in kids(token, "compound", pos=("PROPN",), side=BEFORE) if c.is_title]
    span = token.doc[min((c.i for c in words), default=token.i) : token.i + 1]
    if len(span) < 2 or any(t.ent_type_ for t in span):
        return None
    return Actor(Entity("Person", span.text), How.NOMINAL)


def as_people(token: Token, actor: Actor) -> Actor:
    """ "arrested 100 Palestinians", "kidnapped 16 Russian civilian advisers": people in the
    plural are a group of that country's people, not the state."""
    if (
        actor.entity.type != "Country"
        or token.tag_ not in ("NNPS", "NNS", "NNP")
        or not token.lower_.endswith("s")
    ):
        return actor
    if actor.how != How.DEMONYM and token.tag_ != "NNS":
        return actor
    words = [t for t in kids(token, "amod", "compound", "nmod", side=BEFORE) if t.is_alpha]
    iso3 = dict(actor.entity.ids).get("iso3", "")
    return Actor(collective_entity(" ".join(t.text for t in [*words, token]), iso3), How.NOMINAL)


DURATION_NOUNS = word_class("duration_nouns")


def cue_objects(head: Token, cue: Cue, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    out: list[tuple[Token, Actor]] = []
    if cue.relation in PERSON_OBJECT_RELATIONS:
        out = [
            (child, person)
            for child in kids(head, "dobj", "nsubjpass")
            if index.actor_at(child) is None and (person := _unnamed_person(child)) is not None
        ]
    preps = tuple(s for s in cue.slots if s not in ("dobj", "dative"))
    for child in children(head):
        if _fills_slot(child, cue.slots):
            out.extend(actors_of(child, index))
            if not out:  # "signed an agreement with X", "fired missiles at Israel"
                out += _actors_in(prep_objects(child, preps), index)
    out += _actors_in(prep_objects(head, preps), index)
    # "pushed back against Denmark": the parse may hang the phrase on the cue's particle
    particles = [p for p in kids(head, "advmod", "prt") if p.lemma_.lower() in cue.needs]
    out += _actors_in([o for p in particles for o in prep_objects(p, preps)], index)
    if not out and preps:
        # "called for Hamas to release the hostages": who is to act is the object
        marked = [c for c in select(children(head), MARKED_CLAUSES) if kids(c, "mark", words=preps)]
        out += _actors_in([s for c in marked for s in kids(c, "nsubj")], index)
    if cue.relation in PERSON_OBJECT_RELATIONS:
        out = [(t, as_people(t, a)) for t, a in out]
    if not out and preps:
        # "signed with X an agreement", and "met for two hours with X": the phrase hangs on the
        # object (or on the noun of its "of" phrase: "a memorandum of understanding with X") or
        # on the span of time
        spans = select(prep_objects(head, ("for",)), words=DURATION_NOUNS)
        dobjs = [n for d in kids(head, "dobj") for n in (d, *prep_objects(d, ("of",)))]
        under = [pobj for c in [*dobjs, *spans] for pobj in prep_objects(c, preps)]
        out += _actors_in(under, index)
    if not out and set(preps) & PLACE_SLOTS:
        out = _where_antecedent(head, index)
    if not out and "dobj" in cue.slots:
        out = _raised_object(head, index) or _named_object(head, index)
    return out


# the prepositions of a place an event happens at, which a relative "where" stands for
PLACE_SLOTS = word_class("place_slots")


def _where_antecedent(head: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "South Africa, where she spent four days", "Kyiv, where he arrived on Tuesday": the
    place a relative "where" clause hangs on (or, where the parse hung the clause elsewhere,
    the noun just before "where") is where the event took place."""
    wheres = kids(head, "advmod", words=("where",))
    if not wheres:
        return []
    if head.dep_ == "relcl":
        return actors_of(head.head, index)
    before = wheres[0].i - 1
    doc = head.doc
    if before >= 0 and doc[before].is_punct:
        before -= 1
    if before < 0 or doc[before].pos_ != "PROPN":
        return []
    return actors_of(doc[before], index)


# verbs whose object is who they let, help or make act ("allowed Sweden to join NATO")
LETTING_VERBS = word_class("letting_verbs")


def _raised_object(head: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "allowed Sweden to join NATO": the parse makes the object of a letting verb the subject
    of the infinitive clause it governs; it is the verb's object."""
    if head.lemma_ not in LETTING_VERBS:
        return []
    clauses = [c for c in kids(head, "ccomp") if any(a.tag_ == "TO" for a in kids(c, "aux"))]
    return _actors_in([s for c in clauses for s in kids(c, "nsubj")], index)


def _actors_in(tokens: Iterable[Token], index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """The actors of each token and of what is coordinated with it, in order."""
    return [found for tok in tokens for found in actors_of(tok, index)]


def _fills_slot(child: Token, slots: tuple[str, ...]) -> bool:
    """Whether a child of the cue stands where the cue's object is: its direct object (or a
    name the parse made a predicate: "oprd") for a "dobj" slot, its dative (not a preposition
    the parse took for one) for a "dative" slot."""
    if child.dep_ == "oprd":
        return child.pos_ == "PROPN" and "dobj" in slots
    if child.dep_ == "dative":
        return child.pos_ != "ADP" and "dative" in slots
    return child.dep_ == "dobj" and "dobj" in slots


def _named_object(head: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "struck what it called terrorist infrastructure in Pakistan": what the clause names is
    the object (the parse makes "what" the object of "called"), and where it lies is whose."""
    for clause in kids(head, "ccomp"):
        if not any(c.lower_ == "what" for c in kids(clause, "dobj")):
            continue
        for named in kids(clause, "oprd", "attr", "dobj"):
            found = actors_of(named, index) if named.lower_ != "what" else []
            if found:
                return found
        places = [
            t
            for p in prep_objects(clause, ("in", "inside"))
            for t in (p, *kids(p, "nmod", "compound"))
        ]
        return [f for t in places for f in actors_of(t, index) if f[1].entity.type == "Country"]
    return []
