"""The record an extractor yields before it becomes a Relation, and the one way to make it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from graphkit.extract.modality import intent_relation, modality
from graphkit.records import ASSERTED, HYPOTHETICAL
from graphkit.resolve import Actor
from graphkit.vocab import relation

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


def emit(
    subjects: list[tuple[Token, Actor]],
    objects: list[tuple[Token, Actor]],
    predicate: str,
    cue: Token,
    confidence: float,
    method: str,
) -> Iterator[Found]:
    """One Found per (subject, object) pair; an announced act also yields what announcing it
    amounts to."""
    mod = modality(cue)
    intent = intent_relation(cue, predicate) if mod == HYPOTHETICAL else None
    tokens = [cue.i] + [t.i for t, _ in subjects] + [t.i for t, _ in objects]
    span = (min(tokens), max(tokens) + 1)
    symmetric = relation(predicate).symmetric
    if not objects and symmetric and len(subjects) >= 2:
        # "Petro and Trump met": the relation holds between the coordinated subjects
        objects = subjects[1:]
        subjects = subjects[:1]
    # "Britain, France and Germany warned they could ...": no one of a group acts on another of it
    doers = {s.entity.key for _, s in subjects} if not symmetric else set()
    for _, s in subjects:
        for _, o in objects:
            if s.entity.key == o.entity.key or o.entity.key in doers:
                continue
            conf = confidence * s.weight * o.weight
            yield Found(s, predicate, o, cue, span, conf, mod, method)
            if intent is not None and intent != predicate:
                # announcing a cooperative act is an agreement; announcing a hostile one, a threat
                yield Found(s, intent, o, cue, span, conf * 0.85, ASSERTED, f"intent:{method}")
