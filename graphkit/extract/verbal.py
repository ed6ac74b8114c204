"""Event relations from verbal cues: "X met (with) Y", "Y was extradited by X", "X and Y
signed an agreement", "X sanctioned A and B"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.extract.args import actors_of, owners_of
from graphkit.extract.found import (
    INHERITED_CONFIDENCE,
    VERBAL_CONFIDENCE,
    Found,
    emit,
    emit_mutual,
)
from graphkit.extract.known import ArticleIndex
from graphkit.extract.objects import PERSON_OBJECT_RELATIONS, as_people, cue_objects
from graphkit.extract.references import event_agent
from graphkit.extract.rewrites import ENVOY_NOUNS, not_this_cue, rewritten_cue
from graphkit.extract.stopped import halted_verb_cue
from graphkit.extract.syntax import clause_subjects, of_phrase_objects, prep_objects
from graphkit.extract.targets import (
    CLAUSE_OBJECT_RELATIONS,
    DEEP_OBJECT_RELATIONS,
    FALLBACK_CONFIDENCE,
    PROTEST_VERBS,
    SHALLOW_OBJECT_RELATIONS,
    XCOMP_OBJECT_RELATIONS,
    agrees_to_hostility,
    backs_hostile_act,
    ccomp_subjects,
    clause_objects,
    deep_objects,
    falls_back,
    own_objects,
    refuses_hostile_act,
    xcomp_objects,
)
from graphkit.extract.tokens import children, kids
from graphkit.lexicon import Cue, word_class
from graphkit.resolve import Actor, How
from graphkit.vocab import relation

RELATIVE_PRONOUNS = word_class("relative_pronouns")
# "Israel is opposed to French mediation": a state, said of its subject, not a passive
STATIVE_PASSIVES = frozenset(tuple(p.split()) for p in word_class("stative_passives"))


def _passive(verb: Token) -> bool:
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not kids(verb, "nsubj", "nsubjpass", "aux")
        and _passive(verb.head)
    ):
        return True  # "was arrested by the FSB and accused of spying"
    stative = any((verb.lemma_, c.lower_) in STATIVE_PASSIVES for c in kids(verb, "prep"))
    if stative and not kids(verb, "agent"):
        return False
    return bool(kids(verb, "nsubjpass", "auxpass"))


def _agent_only(verb: Token) -> bool:
    """A past participle with a "by" agent and no subject of its own, read as active."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("conj", "acl")
        and bool(kids(verb, "agent"))
        and not kids(verb, "nsubj", "nsubjpass", "aux", "auxpass")
    )


def _participants(participle: Token) -> list[Token]:
    """Who took part in what a participle tells of: "A and B met, in talks hosted by C" -> A, B."""
    tok = participle
    while tok.dep_ == "conj":
        tok = tok.head
    if (
        tok.dep_ == "acl"
    ):  # "met ... in talks hosted by": the subjects of the verb the talks hang on
        noun = tok.head
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
            return []
        tok = noun.head.head
    return clause_subjects(tok) if tok.i != participle.i else []


Args = list[tuple[Token, Actor]]


def _participle_objects(verb: Token, cue: Cue, index: ArticleIndex, bodies: Args) -> Args | None:
    """ "Mali and Burkina Faso, both suspended from ECOWAS": a participle the parse read as
    active; the members suspended, when it is one."""
    if not (
        cue.relation in ("sanctioned", "expelled")
        and verb.tag_ == "VBN"
        and bodies
        and not kids(verb, "aux", "auxpass", "dobj")
    ):
        return None
    members = kids(verb, "nsubj", "nsubjpass") or (
        [verb.head] if verb.dep_ in ("acl", "amod") else []
    )
    return [a for t in members for a in actors_of(t, index)]


def _compound_participle(verb: Token, cue: Cue, index: ArticleIndex) -> tuple[Args, Args] | None:
    """(backers, backed) of "Russian-backed separatists", "Iran-funded militias": a helping
    participle whose first part names who helps the noun it describes."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or relation(cue.relation).score <= 0:
        return None
    backers = [a for c in kids(verb, "npadvmod", "compound") for a in actors_of(c, index)]
    objects = actors_of(verb.head, index)
    return (backers, objects) if backers and objects else None


def _passive_args(
    verb: Token, cue: Cue, index: ArticleIndex, bodies: Args
) -> tuple[Args, Args, float]:
    """(subjects, objects, confidence) of a passive: the agent acts on the passive subject."""
    holder = verb if kids(verb, "nsubjpass") else verb.head
    objects = [a for c in kids(holder, "nsubjpass") for a in actors_of(c, index)]
    subjects: Args = []
    # "was arrested by the FSB and accused of spying": the second verb shares the agent
    for agent_verb in (verb, verb.head) if verb.dep_ == "conj" and _passive(verb.head) else (verb,):
        agents = [p for c in kids(agent_verb, "agent") for p in children(c)]
        subjects = [a for p in agents for a in actors_of(p, index)]
        if subjects:
            break
    extra = [
        o for o in cue_objects(verb, cue, index) if o[0].dep_ == "pobj" and o[0].head.lower_ != "by"
    ]
    if cue.relation == "deported" and extra:
        objects = extra
    if not subjects and cue.relation in ("sanctioned", "expelled"):
        subjects = bodies  # "Niger was suspended from the African Union"
    envoys = [c for c in kids(verb, "nsubjpass") if c.lemma_ in RECALLED_NOUNS]
    if cue.lemma == "recall" and not subjects and envoys:
        # "its own ambassadors to Mali and Niger had been recalled": the sender recalls
        # them from the countries they serve in
        owners = [c for e in envoys for c in kids(e, "poss")]
        if verb.dep_ == "ccomp" and all(o.pos_ == "PRON" for o in owners):
            owners = clause_subjects(
                verb.head
            )  # "announced that its own ambassadors ... had been recalled"
        subjects = [a for o in owners for a in actors_of(o, index)]
        objects = [
            a for e in envoys for p in prep_objects(e, ("to", "in")) for a in actors_of(p, index)
        ]
    doer_prep = relation(cue.relation).passive_doer
    if not subjects and doer_prep:
        # "was jailed in Russia", "was extradited from Mexico": that country acted
        subjects = _countries_in(verb, index, doer_prep)
    if not subjects and relation(cue.relation).passive_home:
        subjects = _homes(objects, verb, index)
    return subjects, objects, VERBAL_CONFIDENCE


def _homes(objects: Args, verb: Token, index: ArticleIndex) -> Args:
    """ "Mexican drug lord Rafael Caro Quintero was extradited to the United States": with no
    agent and no place, the country the person belongs to acted, unless it is where the person
    was sent."""
    sent_to = {a.entity.key for p in prep_objects(verb, ("to",)) for _, a in actors_of(p, index)}
    found: Args = []
    for tok, actor in objects:
        if tok.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            tok = verb.head  # "Caro Quintero, who was extradited": the noun "who" stands for
        served = index.affiliation.get(actor.entity.key)
        # "Mexican drug lord Rafael Caro Quintero", "Colombia's top trafficker, Otoniel"
        nouns = [tok, *kids(tok, "compound", "appos"), *([tok.head] if tok.dep_ == "appos" else [])]
        described = [
            a.entity for noun in nouns if noun.pos_ == "NOUN" for a in owners_of(noun, index)
        ]
        home = served or next(iter(described), None)
        if home is not None and home.type == "Country" and home.key not in sent_to:
            found.append((verb, Actor(home, How.IMPLICIT)))
    return found


def _countries_in(verb: Token, index: ArticleIndex, prep: str = "in") -> Args:
    """The countries an event is said to happen in ("was jailed in Russia", "in Pakistani
    waters"), or that a preposition names ("from Mexico")."""
    places = [
        a
        for p in prep_objects(verb, (prep,))
        for t in (kids(p, "amod", "poss", "compound") if p.lemma_ in JURISDICTION_NOUNS else [p])
        for a in actors_of(t, index)
    ]
    return [a for a in places if a[1].entity.type == "Country"]


# "arrested in Pakistani waters", "died in Russian custody": the country whose ground it is
JURISDICTION_NOUNS = word_class("jurisdiction_nouns")


# envoys whose recall the sender makes
RECALLED_NOUNS = ENVOY_NOUNS | {"ambassador"}


def _agent_only_args(verb: Token, cue: Cue, index: ArticleIndex) -> tuple[Args, Args, float] | None:
    """ "the two leaders met, in talks hosted by A and mediated by B": B acts, and the clause's
    subjects take part (a parse that joined "mediated" to "met"). None: co-hosts ("talks
    hosted by A and B") did not meet each other."""
    subjects = [a for c in kids(verb, "agent") for p in children(c) for a in actors_of(p, index)]
    objects = cue_objects(verb, cue, index)
    if not objects and verb.dep_ == "acl" and "dobj" in cue.slots:
        # "Evan Gershkovich, released by Russia": the noun described is what the act was done to
        objects = actors_of(verb.head, index)
    if not objects and relation(cue.relation).symmetric:
        objects = [a for t in _participants(verb) for a in actors_of(t, index)]
    if not objects:
        return None
    return subjects, objects, INHERITED_CONFIDENCE


def _promised_to(verb: Token, index: ArticleIndex) -> Args:
    """ "promised to continue military aid to Mozambique": the promised act's own recipient;
    never each other ("Guatemala and El Salvador have promised to send troops") nor the
    parties of talks one offers to host."""
    acts = kids(verb, "xcomp")
    objects = [
        a
        for act in acts
        for t in [*kids(act, "dobj", "dative"), *prep_objects(act, ("to", "for"))]
        if t.lemma_ not in TALK_NOUNS
        for a in actors_of(t, index)
    ]
    objects += [
        a
        for act in acts
        for c in kids(act, "dobj")
        for t in prep_objects(c, ("to", "for"))
        for a in actors_of(t, index)
    ]
    return objects


def _active_args(verb: Token, cue: Cue, index: ArticleIndex) -> tuple[Args, Args, float] | None:
    """(subjects, objects, confidence) of an active verb, the object searched where the
    relation's ``object_search`` column says when the cue's own slots are empty. None: no
    subject (the object is not searched for, since the verb then tells nothing) or a promise
    with no recipient."""
    subj_tokens = clause_subjects(verb) or kids(verb, "nsubjpass")
    subjects = [a for t in subj_tokens for a in actors_of(t, index) or _strikers(t, cue, index)]
    if not subjects:
        return None
    objects: Args = []
    confidence = VERBAL_CONFIDENCE if kids(verb, "nsubj") else INHERITED_CONFIDENCE
    # the confidence is that of the last place searched
    for found, place_confidence in _object_sources(verb, cue, index, subjects, confidence):
        objects, confidence = found, place_confidence
        if found:
            break
    if not objects and (cue.lemma in UNILATERAL_PROMISES or verb.lemma_ in HOSTING_VERBS):
        return None
    return subjects, objects, confidence


def _strikers(noun: Token, cue: Cue, index: ArticleIndex) -> Args:
    """ "Israeli airstrikes killed ten", "US Predator attacks have killed": an attack that does
    the harm stands for whoever launched it ("the bombing of Gaza" names no one)."""
    if cue.relation != "attacked" or noun.lemma_ not in LAUNCHED_ATTACKS:
        return []
    if of_phrase_objects(noun):
        return []
    return [(noun, a) for a in owners_of(noun, index)]


def _object_sources(
    verb: Token, cue: Cue, index: ArticleIndex, subjects: Args, confidence: float
) -> Iterator[tuple[Args, float]]:
    """The places an active verb's object may be named, in order, each with the confidence
    an object found there has."""
    yield cue_objects(verb, cue, index), confidence
    if cue.relation in CLAUSE_OBJECT_RELATIONS:
        # "vowed that Israel would be punished", "demanded that Mugabe abandon"
        yield ccomp_subjects(verb, index), confidence
    if cue.lemma in UNILATERAL_PROMISES:
        yield _promised_to(verb, index), confidence
        return
    pairs_up = relation(cue.relation).symmetric and len(subjects) >= 2
    if (
        cue.relation in XCOMP_OBJECT_RELATIONS
        and not pairs_up
        and not agrees_to_hostility(verb, cue, index)
    ):
        # "threatened to shell Iraqi towns", "refused to allow U.S. planes"
        yield xcomp_objects(verb, index, subjects), confidence
    if verb.lemma_ in PROTEST_VERBS:
        # "demonstrated in Serbia": a protest is aimed at the government where it happens
        yield _countries_in(verb, index), INHERITED_CONFIDENCE
    if cue.relation not in DEEP_OBJECT_RELATIONS:
        return
    # backing a hostile act judges its doer ("welcomed the U.S. sanctions"), never its target
    backs = backs_hostile_act(verb, cue, index)
    if backs and relation(cue.relation).score > 0 and not relation(cue.relation).judges:
        return
    if verb.dep_ in ("relcl", "acl") and not [
        d for d in kids(verb, "dobj") if d.lower_ not in RELATIVE_PRONOUNS
    ]:
        # "an accusation Cambodia denied", "charges that he has always denied": the noun
        # the clause hangs on is its object, and whoever made it is the target
        own = {a.entity.key for _, a in subjects}
        agent = event_agent(verb.head, index, near=True)
        found = owners_of(verb.head, index) or ([agent] if agent is not None else [])
        yield [(verb.head, a) for a in found if a.entity.key not in own], INHERITED_CONFIDENCE
    preps = tuple(s for s in cue.slots if s not in ("dobj", "dative"))
    shallow = cue.relation in SHALLOW_OBJECT_RELATIONS
    clauses = not (shallow or backs)
    yield deep_objects(verb, index, preps, subjects, clauses=clauses), INHERITED_CONFIDENCE


def verbal_events(verb: Token, cues: tuple[Cue, ...], index: ArticleIndex) -> Iterator[Found]:
    """Events whose cue is a verb: the first cue (most needed words first) that yields one."""
    for cue in sorted(cues, key=lambda c: -len(c.needs)):
        cue = rewritten_cue(verb, cue)
        if not_this_cue(verb, cue):
            continue
        halted = halted_verb_cue(verb, cue)  # "stopped attacking Turkey": a retreat
        if halted is None:
            continue
        cue = halted
        bodies = [
            a
            for b in prep_objects(verb, ("from",))
            for a in actors_of(b, index)
            if a[1].entity.type == "Organization"
        ]
        backed = _compound_participle(verb, cue, index)
        if backed is not None:
            # "Russian-backed separatists": the first part acts on the noun
            backers, objects = backed
            method = f"verb-compound:{cue.lemma}"
            yield from emit(backers, objects, cue.relation, verb, INHERITED_CONFIDENCE, method)
            return
        members = _participle_objects(verb, cue, index, bodies)
        if members is not None:
            method = f"verb-participle:{cue.lemma}"
            yield from emit(bodies, members, cue.relation, verb, INHERITED_CONFIDENCE, method)
            return
        if _passive(verb):
            args: tuple[Args, Args, float] | None = _passive_args(verb, cue, index, bodies)
        elif _agent_only(verb):
            args = _agent_only_args(verb, cue, index)
        else:
            args = _active_args(verb, cue, index)
        if args is None:
            continue
        subjects, objects, confidence = args
        objects = own_objects(objects)
        if not subjects:
            continue
        method = f"verb:{cue.lemma}"
        if not objects and verb.lemma_ in MUTUAL_VERBS and len(subjects) >= 2:
            # "India and Pakistan clashed": each side acts on the other
            yield from emit_mutual(subjects, cue.relation, verb, confidence, "verb-mutual")
            return
        if not objects and falls_back(cue.relation) and not refuses_hostile_act(verb, cue, index):
            # a purpose clause says whom a protest or a strike is aimed at, not whom help goes to
            # ("sent jets to bomb Cambodian positions" is no aid to Cambodia)
            objects = clause_objects(
                verb, index, subjects, purposes=relation(cue.relation).score <= 0
            )
            if cue.relation in PERSON_OBJECT_RELATIONS:
                objects = [(t, as_people(t, a)) for t, a in objects]
            confidence = FALLBACK_CONFIDENCE
            method = f"verb-clause:{cue.lemma}"
        out = list(emit(subjects, objects, cue.relation, verb, confidence, method))
        if out:
            yield from out
            return


MUTUAL_VERBS = word_class("mutual_verbs")
# promises made to someone named in their own slot ("pledged to Kyiv"), not to each other
UNILATERAL_PROMISES = word_class("unilateral_promises")
HOSTING_VERBS = word_class("hosting_verbs")
LAUNCHED_ATTACKS = word_class("launched_attacks")
TALK_NOUNS = word_class("talk_nouns")
