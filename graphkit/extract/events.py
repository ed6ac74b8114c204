"""Event relations from verbal and nominal cues.

Verbal: "X met (with) Y", "Y was extradited by X", "X and Y signed an agreement",
"X sanctioned A and B". Nominal: "the meeting between X and Y", "X's visit to Y", "sanctions
on X", "Bogotá's extradition of P", "U.S. deportation flights to Y", "held talks with Y".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from graphkit.extract.args import actors_of, clause_subjects, conjuncts, prep_objects
from graphkit.extract.modality import modality
from graphkit.lexicon import Cue, Lexicon
from graphkit.resolve import Actor, MentionIndex
from graphkit.vocab import relation

LIGHT_VERBS = frozenset(
    "hold have impose announce sign conduct launch make issue reach level lodge file "
    "stage carry pay give extend offer express voice slap order approve seek host begin "
    "resume open deliver send provide receive mount step unveil".split()
)
SUBJECT_PREPS = ("by", "from")

# Base confidences before the actors' resolution weights are applied.
VERBAL_CONFIDENCE = 0.9
NOMINAL_CONFIDENCE = 0.8
INHERITED_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Found:
    """One event found in a sentence, before it becomes a Relation record."""

    subject: Actor
    predicate: str
    object: Actor
    cue: Token
    span: tuple[int, int]  # token range of the evidence
    confidence: float
    modality: str
    method: str


def _needs_ok(tok: Token, cue: Cue) -> bool:
    if not cue.needs:
        return True
    if cue.pos == "noun":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        return all(n in mods for n in cue.needs)
    words = {c.lemma_.lower() for c in tok.children}
    words |= {g.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "prep") for g in c.children}
    return all(n in words for n in cue.needs)


def _objects(head: Token, cue: Cue, index: MentionIndex) -> list[tuple[Token, Actor]]:
    out: list[tuple[Token, Actor]] = []
    preps = tuple(s for s in cue.slots if s not in ("dobj", "dative"))
    for child in head.children:
        if ("dobj" in cue.slots and child.dep_ in ("dobj",)) or (
            "dative" in cue.slots and child.dep_ == "dative" and child.pos_ != "ADP"
        ):
            out.extend(actors_of(child, index))
            if not out:  # "signed an agreement with X", "fired missiles at Israel"
                for pobj in prep_objects(child, preps):
                    out.extend(actors_of(pobj, index))
    for pobj in prep_objects(head, preps):
        out.extend(actors_of(pobj, index))
    if not out and preps:
        for child in head.children:
            if child.dep_ == "dobj":
                for pobj in prep_objects(child, preps):
                    out.extend(actors_of(pobj, index))
    return out


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _emit(
    subjects: list[tuple[Token, Actor]],
    objects: list[tuple[Token, Actor]],
    predicate: str,
    cue: Token,
    confidence: float,
    method: str,
) -> Iterator[Found]:
    mod = modality(cue)
    tokens = [cue.i] + [t.i for t, _ in subjects] + [t.i for t, _ in objects]
    span = (min(tokens), max(tokens) + 1)
    symmetric = relation(predicate).symmetric
    if not objects and symmetric and len(subjects) >= 2:
        # "Petro and Trump met": the relation holds between the coordinated subjects
        objects = subjects[1:]
        subjects = subjects[:1]
    for _, s in subjects:
        for _, o in objects:
            if s.entity.key == o.entity.key:
                continue
            conf = confidence * s.weight * o.weight
            yield Found(s, predicate, o, cue, span, conf, mod, method)


def verbal_events(verb: Token, cues: tuple[Cue, ...], index: MentionIndex) -> Iterator[Found]:
    """Events whose cue is a verb."""
    for cue in cues:
        if not _needs_ok(verb, cue):
            continue
        if _passive(verb):
            objects = []
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    objects.extend(actors_of(child, index))
            subjects = []
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        subjects.extend(actors_of(pobj, index))
            extra = [o for o in _objects(verb, cue, index) if o[0].dep_ == "pobj" and o[0].head.lower_ != "by"]
            if cue.relation in ("deported", "extradited") and extra and cue.relation == "deported":
                objects = extra
            confidence = VERBAL_CONFIDENCE
        else:
            subj_tokens = clause_subjects(verb)
            subjects = [a for t in subj_tokens for a in actors_of(t, index)]
            objects = _objects(verb, cue, index)
            direct = any(c.dep_ in ("nsubj",) for c in verb.children)
            confidence = VERBAL_CONFIDENCE if direct else INHERITED_CONFIDENCE
        if not subjects:
            continue
        yield from _emit(subjects, objects, cue.relation, verb, confidence, f"verb:{cue.lemma}")
        return


def _noun_subjects(noun: Token, index: MentionIndex) -> tuple[list[tuple[Token, Actor]], float]:
    # "Bogotá's extradition", "U.S. deportation flights", "Iranian attack"
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
            found = actors_of(child, index)
            if found:
                return found, NOMINAL_CONFIDENCE
    for pobj in prep_objects(noun, SUBJECT_PREPS):
        found = actors_of(pobj, index)
        if found:
            return found, NOMINAL_CONFIDENCE
    # the subject of the verb that governs the noun: "Iran held talks with", "imposed sanctions"
    tok = noun
    hops = 0
    while hops < 3 and tok.dep_ in ("dobj", "pobj", "prep", "conj", "attr", "nsubjpass", "compound"):
        tok = tok.head
        hops += 1
        if tok.pos_ in ("VERB", "AUX"):
            subj = [a for t in clause_subjects(tok) for a in actors_of(t, index)]
            if subj:
                light = tok.lemma_ in LIGHT_VERBS and noun.dep_ == "dobj"
                return subj, NOMINAL_CONFIDENCE if light else INHERITED_CONFIDENCE
            break
    return [], 0.0


def nominal_events(noun: Token, cues: tuple[Cue, ...], index: MentionIndex) -> Iterator[Found]:
    """Events whose cue is a noun."""
    for cue in cues:
        if not _needs_ok(noun, cue):
            continue
        if "between" in cue.slots:
            parties = [a for p in prep_objects(noun, ("between",)) for a in actors_of(p, index)]
            if len(parties) >= 2:
                yield from _emit(parties[:1], parties[1:], cue.relation, noun, NOMINAL_CONFIDENCE, f"noun:{cue.lemma}")
                return
        objects = _objects(noun, cue, index) if cue.slots else []
        subjects, confidence = _noun_subjects(noun, index)
        objects = [o for o in objects if all(o[1].entity.key != s[1].entity.key for s in subjects)]
        if not subjects or (not objects and not relation(cue.relation).symmetric):
            continue
        yield from _emit(subjects, objects, cue.relation, noun, confidence, f"noun:{cue.lemma}")
        return


def sentence_events(sent_tokens: list[Token], lex: Lexicon, index: MentionIndex) -> Iterator[Found]:
    """Every event cue in a sentence, verbal and nominal."""
    for tok in sent_tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB",) and lemma in lex.verb_cues:
            yield from verbal_events(tok, lex.verb_cues[lemma], index)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in index.by_token:
            key = lemma if lemma in lex.noun_cues else tok.lower_
            if key in lex.noun_cues:
                yield from nominal_events(tok, lex.noun_cues[key], index)


__all__ = ["Found", "conjuncts", "sentence_events"]
