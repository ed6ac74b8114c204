"""Events stated by a clause rather than by one cue word.

"X said Y must ...", "X restored ties with Y", "X suspended aid to Y", "X said Y was
responsible", "X called the expulsions unacceptable".

Judgements a clause states ("X said Y was responsible", "X called the expulsions unacceptable",
"Y denies backing the group") are in ``judgements.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.found import INHERITED_CONFIDENCE, Found, emit
from graphkit.extract.judgements import SAY_VERBS
from graphkit.extract.judgements import blame_events as blame_events
from graphkit.extract.judgements import concern_events as concern_events
from graphkit.extract.judgements import denial_events as denial_events
from graphkit.extract.judgements import label_events as label_events
from graphkit.extract.judgements import labels_verb as labels_verb
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import clause_subjects, is_condition, prep_objects, sentences_back
from graphkit.extract.tokens import children, is_word, kids, spelled
from graphkit.lexicon import word_class, word_tuple
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How

OBLIGATION_MODALS = word_class("obligation_modals")
REDUCE_VERBS = word_class("reduce_verbs")
PART_NOUNS = word_class("part_nouns")
BUILD_VERBS = word_class("build_verbs")
RELATION_NOUNS = word_class("relation_nouns")
TIES_NOUNS = word_class("ties_nouns")
COMPLETING_VERBS = word_class("completing_verbs")
COURSE_NOUNS = word_class("course_nouns")


DIPLOMATIC_TIES = word_class("diplomatic_ties")


DEMAND_SAY_VERBS = word_class("demand_say_verbs")
# what is needed of someone: "the need for Russia to pull back"
NEED_NOUNS = word_class("need_nouns")


def demand_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X said/declared/demanded that Y must (should) do Z", "X stressed the need for Y to do
    Z" -> X requested Y."""
    yield from _needed(verb, index)
    if verb.lemma_ not in DEMAND_SAY_VERBS:
        return
    for child in kids(verb, "ccomp"):
        if not spelled(kids(child, "aux"), OBLIGATION_MODALS):
            continue
        subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
        # "Hungary should not be rewarded": the one a passive tells of is not the one asked
        objects = [a for c in kids(child, "nsubj") for a in actors_of(c, index)]
        yield from emit(subjects, objects, "requested", verb, INHERITED_CONFIDENCE, "say:must")


def _needed(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "reemphasized the need for Russia to pull back its forces": whoever is needed to act is
    asked to."""
    clauses = [
        c
        for need in kids(verb, "dobj", words=NEED_NOUNS)
        for c in kids(need, "advcl", "acl", "relcl")
        if kids(c, "mark", words=("for",)) and kids(c, "aux", words=("to",))
    ]
    if not clauses:
        return
    subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    objects = [a for c in clauses for t in kids(c, "nsubj") for a in actors_of(t, index)]
    yield from emit(subjects, objects, "requested", verb, INHERITED_CONFIDENCE, "need:for")


def ties_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X restored diplomatic ties with Y" -> X cooperatedWith Y."""
    if verb.lemma_ not in BUILD_VERBS:
        return
    for dobj in kids(verb, "dobj", words=RELATION_NOUNS):
        subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
        objects = [a for p in prep_objects(dobj, ("with", "between")) for a in actors_of(p, index)]
        objects += [a for p in prep_objects(verb, ("with", "between")) for a in actors_of(p, index)]
        # the coordinated subjects ("X and Y restored ties") are each other's partners
        yield from emit(
            subjects, objects, "cooperatedWith", verb, INHERITED_CONFIDENCE, f"ties:{verb.lemma_}"
        )


def reduce_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X suspended aid to Y" / "cancelled a visit to Y" / "closed its borders with Y": X
    sanctioned Y."""
    if verb.lemma_ not in REDUCE_VERBS:
        return
    for dobj in kids(verb, "dobj"):
        if dobj.lemma_ in PART_NOUNS:
            # "suspended part of a military aid program for Bosnia"
            dobj = next((p for p in prep_objects(dobj, ("of",))), dobj)
        if not is_word(dobj, TIES_NOUNS):
            # "halted mediation efforts", "suspended aid deliveries": the ties the noun is of
            ties = kids(dobj, "compound", words=TIES_NOUNS)
            if not ties:
                continue
        if verb.lemma_ in COMPLETING_VERBS and is_word(dobj, COURSE_NOUNS):
            continue  # "ended his visit to China": the visit ran its course, no ties were cut
        subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
        preps = REDUCE_OBJECT_PREPS
        objects = [a for p in prep_objects(dobj, preps) for a in actors_of(p, index)]
        objects += [a for p in prep_objects(verb, preps) for a in actors_of(p, index)]
        if not objects:
            objects = [a for c in kids(dobj, "amod", "compound") for a in actors_of(c, index)]
        # breaking off diplomatic relations is the diplomats' recall, coded like an expulsion
        severed = is_word(dobj, DIPLOMATIC_TIES)
        yield from emit(
            subjects,
            objects,
            "expelled" if severed else "sanctioned",
            verb,
            INHERITED_CONFIDENCE,
            f"reduce:{verb.lemma_}",
        )


RETALIATE_VERBS = word_class("retaliate_verbs")
VOW_AUXES = word_class("vow_auxes")
NEGATIONS = word_class("negations")


def retaliation_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Minsk would respond 'in a mirror manner'", "Zakharova said Moscow would retaliate": a
    vow to respond threatens whoever did what is answered ("respond to the expulsion"), else
    the last one who acted against the speaker. The threat is made, whatever comes of it."""
    if verb.lemma_ not in RETALIATE_VERBS or not spelled(kids(verb, "aux"), VOW_AUXES):
        return
    if kids(verb, "neg") or spelled(children(verb), NEGATIONS):
        return
    subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    if verb.dep_ == "ccomp" and verb.head.lemma_ in SAY_VERBS | PROMISE_VERBS:
        subjects += [a for t in clause_subjects(verb.head) for a in actors_of(t, index)]
    own = {a.entity.key for _, a in subjects}
    targets = [
        a
        for p in prep_objects(verb, ("to", "against"))
        for a in actors_of(p, index, events=True)
        if a[1].entity.key not in own
    ]
    if not targets:
        start = sentences_back(verb, 3)
        against = [
            t.subject
            for t in index.told
            if start <= t.pos < verb.i
            and t.object.entity.key in own
            and t.subject.entity.key not in own
        ]
        targets = (
            [(verb, Actor(against[-1].entity, How.NOMINAL, against[-1].place))] if against else []
        )
    for tok, subject in subjects:
        for _, target in targets:
            conf = INHERITED_CONFIDENCE * subject.weight * target.weight
            yield Found(
                subject,
                "threatened",
                target,
                verb,
                (min(tok.i, verb.i), verb.i + 1),
                conf,
                ASSERTED,
                f"retaliate:{verb.lemma_}",
            )


WARN_VERBS = word_class("warn_verbs")


def conditional_threat_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Peskov warned that Moscow would respond with countermeasures if NATO deployed forces
    in Sweden": a warning held over whoever the condition names threatens them."""
    if verb.lemma_ not in WARN_VERBS:
        return
    speakers = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    for clause in kids(verb, "ccomp"):
        # the parse hangs the condition on the warning or on what it warns of
        conditions = [
            c
            for c in [*children(clause), *children(verb)]
            if is_condition(c, ("if", "unless", "should"))
        ]
        if not conditions:
            continue
        inner = [a for t in kids(clause, "nsubj", "nsubjpass") for a in actors_of(t, index)]
        subjects = speakers + [a for a in inner if a[1].entity.type in ("Country", "Organization")]
        own = {a.entity.key for _, a in subjects}
        targets = [
            a for cond in conditions for t in kids(cond, "nsubj", "nsubjpass")
            for a in actors_of(t, index) if a[1].entity.key not in own
        ]  # fmt: skip
        for tok, subject in subjects:
            for _, target in targets:
                conf = INHERITED_CONFIDENCE * subject.weight * target.weight
                yield Found(
                    subject,
                    "threatened",
                    target,
                    verb,
                    (min(tok.i, verb.i), clause.right_edge.i + 1),
                    conf,
                    ASSERTED,
                    "warn:condition",
                )


PHONE_NOUNS = word_class("phone_nouns")


def phone_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "discussed the situation by phone with Chinese Premier Li Qiang" -> spokeWith."""
    if not any(p.lower_ in PHONE_NOUNS for p in prep_objects(verb, ("by", "over"))):
        return
    subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    objects = [a for p in prep_objects(verb, ("with",)) for a in actors_of(p, index)]
    if objects:  # not the subjects with each other
        yield from emit(subjects, objects, "spokeWith", verb, INHERITED_CONFIDENCE, "phone")


def persona_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X declared the Mexican ambassador, Raquel Serur, persona non grata" -> X expelled them,
    when the parse makes "persona non grata" a clause of its own."""
    if verb.lemma_ != "declare":
        return
    for clause in kids(verb, "ccomp", "xcomp", "oprd"):
        if clause.lower_ != "persona":
            continue
        objects = [a for t in kids(clause, "nsubj", "nsubjpass") for a in actors_of(t, index)]
        subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
        yield from emit(
            subjects, objects, "expelled", verb, INHERITED_CONFIDENCE, "declare:persona-non-grata"
        )


REDUCE_OBJECT_PREPS = word_tuple("reduce_object_preps")
PROMISE_VERBS = word_class("promise_verbs")
