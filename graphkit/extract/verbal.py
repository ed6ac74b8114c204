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
)
from graphkit.extract.known import ArticleIndex
from graphkit.extract.objects import PERSON_OBJECT_RELATIONS, as_people, cue_objects
from graphkit.extract.references import event_agent
from graphkit.extract.rewrites import ENVOY_NOUNS, not_this_cue, rewritten_cue
from graphkit.extract.syntax import clause_subjects, prep_objects
from graphkit.extract.targets import (
    CLAUSE_OBJECT_RELATIONS,
    DEEP_OBJECT_RELATIONS,
    FALLBACK_CONFIDENCE,
    PROTEST_VERBS,
    SHALLOW_OBJECT_RELATIONS,
    XCOMP_OBJECT_RELATIONS,
    ccomp_subjects,
    clause_objects,
    deep_objects,
    falls_back,
    xcomp_objects,
)
from graphkit.lexicon import Cue, word_class
from graphkit.resolve import Actor
from graphkit.vocab import relation

# "Israel is opposed to French mediation": a state, said of its subject, not a passive
STATIVE_PASSIVES = frozenset(tuple(p.split()) for p in word_class("stative_passives"))


def _passive(verb: Token) -> bool:
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
        and _passive(verb.head)
    ):
        return True  # "was arrested by the FSB and accused of spying"
    if any(
        c.dep_ == "prep" and (verb.lemma_, c.lower_) in STATIVE_PASSIVES for c in verb.children
    ) and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent_only(verb: Token) -> bool:
    """A past participle with a "by" agent and no subject of its own, read as active."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("conj", "acl")
        and any(c.dep_ == "agent" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _participants(participle: Token) -> list[Token]:
    """Who took part in what a participle tells of: "A and B met, in talks hosted by C" -> A, B."""
    tok = participle
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if (
        tok.dep_ == "acl"
    ):  # "met ... in talks hosted by": the subjects of the verb the talks hang on
        noun = tok.head
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
            return []
        tok = noun.head.head
    return clause_subjects(tok) if tok.i != participle.i else []


def _agrees_to_hostility(verb: Token, cue: Cue, index: ArticleIndex) -> bool:
    """ "The EU agreed to impose sanctions on Russia": agreeing among themselves, not with
    Russia."""
    if relation(cue.relation).score <= 0:
        return False
    lex = index.lex
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        cues = list(lex.verb_cues.get(child.lemma_.lower(), ()))
        cues += [
            c
            for d in child.children
            if d.dep_ == "dobj"
            for c in lex.noun_cues.get(d.lemma_.lower(), ())
        ]
        if any(relation(c.relation).score < 0 for c in cues):
            return True
    return False


Args = list[tuple[Token, Actor]]


def _participle_objects(verb: Token, cue: Cue, index: ArticleIndex, bodies: Args) -> Args | None:
    """ "Mali and Burkina Faso, both suspended from ECOWAS": a participle the parse read as
    active; the members suspended, when it is one."""
    if not (
        cue.relation in ("sanctioned", "expelled")
        and verb.tag_ == "VBN"
        and bodies
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
    ):
        return None
    members = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or (
        [verb.head] if verb.dep_ in ("acl", "amod") else []
    )
    return [a for t in members for a in actors_of(t, index)]


def _compound_participle(verb: Token, cue: Cue, index: ArticleIndex) -> tuple[Args, Args] | None:
    """(backers, backed) of "Russian-backed separatists", "Iran-funded militias": a helping
    participle whose first part names who helps the noun it describes."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or relation(cue.relation).score <= 0:
        return None
    backers = [
        a for c in verb.children if c.dep_ in ("npadvmod", "compound") for a in actors_of(c, index)
    ]
    objects = actors_of(verb.head, index)
    return (backers, objects) if backers and objects else None


def _passive_args(
    verb: Token, cue: Cue, index: ArticleIndex, bodies: Args
) -> tuple[Args, Args, float]:
    """(subjects, objects, confidence) of a passive: the agent acts on the passive subject."""
    objects = []
    for child in (
        verb.children if any(c.dep_ == "nsubjpass" for c in verb.children) else verb.head.children
    ):
        if child.dep_ == "nsubjpass":
            objects.extend(actors_of(child, index))
    subjects: Args = []
    # "was arrested by the FSB and accused of spying": the second verb shares the agent
    for agent_verb in (verb, verb.head) if verb.dep_ == "conj" and _passive(verb.head) else (verb,):
        for child in agent_verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    subjects.extend(actors_of(pobj, index))
        if subjects:
            break
    extra = [
        o for o in cue_objects(verb, cue, index) if o[0].dep_ == "pobj" and o[0].head.lower_ != "by"
    ]
    if cue.relation == "deported" and extra:
        objects = extra
    if not subjects and cue.relation in ("sanctioned", "expelled"):
        subjects = bodies  # "Niger was suspended from the African Union"
    envoys = [
        c
        for c in verb.children
        if c.dep_ == "nsubjpass" and (c.lemma_ in ENVOY_NOUNS or c.lemma_ == "ambassador")
    ]
    if cue.lemma == "recall" and not subjects and envoys:
        # "its own ambassadors to Mali and Niger had been recalled": the sender recalls
        # them from the countries they serve in
        owners = [c for e in envoys for c in e.children if c.dep_ == "poss"]
        if verb.dep_ == "ccomp" and all(o.pos_ == "PRON" for o in owners):
            owners = clause_subjects(
                verb.head
            )  # "announced that its own ambassadors ... had been recalled"
        subjects = [a for o in owners for a in actors_of(o, index)]
        objects = [
            a for e in envoys for p in prep_objects(e, ("to", "in")) for a in actors_of(p, index)
        ]
    if not subjects and cue.relation == "arrested":
        # "was jailed in Russia": the country where it happened acted
        subjects = [
            found
            for place in prep_objects(verb, ("in",))
            for found in actors_of(place, index)
            if found[1].entity.type == "Country"
        ]
    return subjects, objects, VERBAL_CONFIDENCE


def _agent_only_args(verb: Token, cue: Cue, index: ArticleIndex) -> tuple[Args, Args, float] | None:
    """ "the two leaders met, in talks hosted by A and mediated by B": B acts, and the clause's
    subjects take part (a parse that joined "mediated" to "met"). None: co-hosts ("talks
    hosted by A and B") did not meet each other."""
    subjects = [
        a
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        for a in actors_of(p, index)
    ]
    objects = cue_objects(verb, cue, index)
    if not objects and relation(cue.relation).symmetric:
        objects = [a for t in _participants(verb) for a in actors_of(t, index)]
    if not objects:
        return None
    return subjects, objects, INHERITED_CONFIDENCE


def _promised_to(verb: Token, index: ArticleIndex) -> Args:
    """ "promised to continue military aid to Mozambique": the promised act's own recipient;
    never each other ("Guatemala and El Salvador have promised to send troops") nor the
    parties of talks one offers to host."""
    acts = [c for c in verb.children if c.dep_ == "xcomp"]
    objects = [
        a
        for act in acts
        for t in [
            *(c for c in act.children if c.dep_ in ("dobj", "dative")),
            *prep_objects(act, ("to", "for")),
        ]
        if t.lemma_ not in TALK_NOUNS
        for a in actors_of(t, index)
    ]
    objects += [
        a
        for act in acts
        for c in act.children
        if c.dep_ == "dobj"
        for t in prep_objects(c, ("to", "for"))
        for a in actors_of(t, index)
    ]
    return objects


def _active_args(verb: Token, cue: Cue, index: ArticleIndex) -> tuple[Args, Args, float] | None:
    """(subjects, objects, confidence) of an active verb, the object searched where the
    relation's ``object_search`` column says when the cue's own slots are empty. None: a
    promise with no recipient."""
    subj_tokens = clause_subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
    subjects = [a for t in subj_tokens for a in actors_of(t, index)]
    objects = cue_objects(verb, cue, index)
    direct = any(c.dep_ in ("nsubj",) for c in verb.children)
    confidence = VERBAL_CONFIDENCE if direct else INHERITED_CONFIDENCE
    if not objects and cue.relation in CLAUSE_OBJECT_RELATIONS:
        # "vowed that Israel would be punished", "demanded that Mugabe abandon"
        objects = ccomp_subjects(verb, index)
    pairs_up = relation(cue.relation).symmetric and len(subjects) >= 2
    if cue.lemma in UNILATERAL_PROMISES and not objects:
        objects = _promised_to(verb, index)
        if not objects:
            return None
    if (
        not objects
        and cue.relation in XCOMP_OBJECT_RELATIONS
        and not pairs_up
        and not _agrees_to_hostility(verb, cue, index)
    ):
        # "threatened to shell Iraqi towns", "refused to allow U.S. planes"
        objects = xcomp_objects(verb, index, subjects)
    if not objects and verb.lemma_ in PROTEST_VERBS:
        # "demonstrated in Serbia": a protest is aimed at the government where it happens
        objects = [
            f
            for p in prep_objects(verb, ("in",))
            for f in actors_of(p, index)
            if f[1].entity.type == "Country"
        ]
        confidence = INHERITED_CONFIDENCE
    if (
        not objects
        and verb.dep_ in ("relcl", "acl")
        and cue.relation in DEEP_OBJECT_RELATIONS
        and not any(c.dep_ == "dobj" for c in verb.children)
    ):
        # "an accusation Cambodia denied", "charges that he has always denied": the noun
        # the clause hangs on is its object, and whoever made it is the target
        own = {a.entity.key for _, a in subjects}
        agent = event_agent(verb.head, index, near=True)
        found = owners_of(verb.head, index) or ([agent] if agent is not None else [])
        objects = [(verb.head, a) for a in found if a.entity.key not in own]
        confidence = INHERITED_CONFIDENCE
    if not objects and cue.relation in DEEP_OBJECT_RELATIONS:
        preps = tuple(s for s in cue.slots if s not in ("dobj", "dative"))
        shallow = cue.relation in SHALLOW_OBJECT_RELATIONS
        objects = deep_objects(verb, index, preps, subjects, clauses=not shallow)
        confidence = INHERITED_CONFIDENCE
    return subjects, objects, confidence


def verbal_events(verb: Token, cues: tuple[Cue, ...], index: ArticleIndex) -> Iterator[Found]:
    """Events whose cue is a verb: the first cue (most needed words first) that yields one."""
    for cue in sorted(cues, key=lambda c: -len(c.needs)):
        cue = rewritten_cue(verb, cue)
        if not_this_cue(verb, cue):
            continue
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
        if not subjects:
            continue
        method = f"verb:{cue.lemma}"
        if not objects and falls_back(cue.relation):
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


# promises made to someone named in their own slot ("pledged to Kyiv"), not to each other
UNILATERAL_PROMISES = word_class("unilateral_promises")
TALK_NOUNS = word_class("talk_nouns")
