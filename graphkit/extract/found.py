"""The record an extractor yields before it becomes a Relation, and the one way to make it."""

from __future__ import annotations

import csv
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from graphkit.config import LEXICON_DIR, Settings
from graphkit.errors import InputError
from graphkit.extract.modality import attempted, intent_relation, modality
from graphkit.extract.syntax import GERUND_OF_IMPORTANCE
from graphkit.extract.tokens import matches
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
    amounts to. Nothing is worked out when there is no pair to yield."""
    symmetric = relation(predicate).symmetric
    if not subjects or not (objects or (symmetric and len(subjects) >= 2)):
        return
    mod = modality(cue)
    if (
        mod == ASSERTED
        and matches(cue, GERUND_OF_IMPORTANCE)
        and relation(predicate).quad.startswith("material")
    ):
        mod = HYPOTHETICAL  # "stressed the importance of sanctioning Iran": a stance, no sanction
    if mod == HYPOTHETICAL and attempted(cue, predicate):
        mod = ASSERTED  # "has tried to hack into": the act itself
    intent = intent_relation(cue, predicate) if mod == HYPOTHETICAL else None
    tokens = [cue.i] + [t.i for t, _ in subjects] + [t.i for t, _ in objects]
    span = (min(tokens), max(tokens) + 1)
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


def emit_mutual(
    subjects: list[tuple[Token, Actor]], predicate: str, cue: Token, confidence: float, how: str
) -> Iterator[Found]:
    """Each subject acts on every other ("India and Pakistan clashed")."""
    for n, subject in enumerate(subjects):
        others = subjects[:n] + subjects[n + 1 :]
        yield from emit([subject], others, predicate, cue, confidence, f"{how}:{cue.lemma_}")


# Calibration: a relation's final confidence is the precision the development sets showed
# for relations like it, from the logistic weights in ``lexicons/confidence.csv``
# (``scripts/fit_confidence.py`` refits them). A feature is ``group=value``; a value the table
# does not list counts as its group's ``other`` row (a new method, say), or as nothing.
CONFIDENCE_TABLE = "confidence.csv"


def _bucket(value: float, bounds: tuple[float, ...]) -> str:
    """``"<=8"``: the first bound the value does not pass, or ``">25"`` past the last."""
    for bound in bounds:
        if value <= bound:
            return f"<={bound:g}"
    return f">{bounds[-1]:g}"


@dataclass(frozen=True)
class Context:
    """What the rest of the article says about one found relation."""

    sentence_length: int = 20  # tokens
    repeated: bool = False  # the article states the same relation in another sentence too
    fanout: int = 1  # relations of the same kind its cue yields


def features(found: Found, context: Context = Context()) -> tuple[str, ...]:
    """What the calibration table weighs for one found relation.

    ``method`` is the method's kind ("verb", "title", "intent", ...), ``cue`` the method
    itself ("verb:meet"); ``base`` is the rule's own confidence before the actors' weights
    (direct arguments 0.9, inherited 0.7, a fallback 0.55, ...); ``subject``/``object`` say how
    each actor was found (name, pronoun, implicit: a dateline or title, ...) and ``types``
    what they are; ``span`` is the evidence's width in tokens, ``sentence`` the sentence's
    length, ``fanout`` how many relations of this kind the same cue yields.

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.records import Entity
        >>> doc = load_nlp()("Petro met Trump.")
        >>> f = Found(Actor(Entity("Person", "Petro")), "metWith",
        ...           Actor(Entity("Person", "Trump"), "pronoun"), doc[1], (0, 3), 0.63,
        ...           "asserted", "verb:meet")
        >>> features(f)[:5]
        ('method=verb', 'cue=verb:meet', 'base=0.9', 'subject=name', 'object=pronoun')
    """
    method = found.method
    kind = method.split(":", 1)[0]
    weights = found.subject.weight * found.object.weight
    base = found.confidence / weights if weights else found.confidence
    lo, hi = found.span
    return (
        f"method={kind}",
        f"cue={method}",
        f"base={round(base * 20) / 20:g}",
        f"subject={found.subject.how}",
        f"object={found.object.how}",
        f"types={found.subject.entity.type}>{found.object.entity.type}",
        f"relation={found.predicate}",
        f"span={_bucket(hi - lo, (3, 8, 15, 25))}",
        f"sentence={_bucket(context.sentence_length, (15, 30, 45))}",
        f"fanout={_bucket(context.fanout, (1, 2, 4))}",
        f"repeated={'yes' if context.repeated else 'no'}",
    )


@cache
def confidence_weights(lexicon_dir: Path | None = None) -> dict[str, float]:
    """``feature -> weight`` of ``confidence.csv`` in the lexicon folder (or the package's)."""
    folder = Path(lexicon_dir) if lexicon_dir is not None else Path(Settings().lexicon_dir)
    path = folder / CONFIDENCE_TABLE
    if not path.exists():
        path = LEXICON_DIR / CONFIDENCE_TABLE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {row["feature"]: float(row["weight"]) for row in csv.DictReader(handle)}
    except (OSError, ValueError, KeyError, TypeError) as err:
        msg = f"cannot read the confidence table {path}: {err}; columns are feature,weight,..."
        raise InputError(msg) from err


def calibrated_confidence(feats: tuple[str, ...], weights: dict[str, float]) -> float:
    """The logistic of the bias plus each feature's weight (its group's ``other`` row when the
    table does not list it)."""
    total = weights.get("bias", 0.0)
    for feat in feats:
        weight = weights.get(feat)
        if weight is None:  # the group's other row is looked for only when it is needed
            weight = weights.get(feat.split("=", 1)[0] + "=other", 0.0)
        total += weight
    return 1.0 / (1.0 + math.exp(-total))


def _fact(found: Found) -> tuple[str, str, str]:
    s, o = found.subject.entity.key, found.object.entity.key
    if relation(found.predicate).symmetric and o < s:
        s, o = o, s
    return s, found.predicate, o


def article_features(
    found: list[Found], *, sentence_starts: list[int] | None = None
) -> list[tuple[str, ...]]:
    """The calibration features of each of an article's found relations (see :func:`features`);
    ``sentence_starts``, the token position of each sentence, saves reading them again."""
    if not found:
        return []
    doc = found[0].cue.doc
    starts = sentence_starts if sentence_starts is not None else [s.start for s in doc.sents]
    ends = [*starts[1:], len(doc)]
    sentence = [bisect_right(starts, f.cue.i) - 1 for f in found]
    facts = [_fact(f) for f in found]
    said_in: dict[tuple[str, str, str], set[int]] = {}
    for fact, k in zip(facts, sentence, strict=True):
        said_in.setdefault(fact, set()).add(k)
    fanout = Counter((f.cue.i, f.predicate) for f in found)
    return [
        features(
            f,
            Context(
                sentence_length=ends[k] - starts[k],
                repeated=len(said_in[fact]) > 1,
                fanout=fanout[f.cue.i, f.predicate],
            ),
        )
        for f, fact, k in zip(found, facts, sentence, strict=True)
    ]


def calibrate(
    found: list[Found],
    *,
    sentence_starts: list[int] | None = None,
    lexicon_dir: Path | None = None,
) -> list[Found]:
    """The same relations, each with the confidence the calibration table gives it."""
    weights = confidence_weights(lexicon_dir)
    feats = article_features(found, sentence_starts=sentence_starts)
    return [
        replace(f, confidence=calibrated_confidence(fe, weights))
        for f, fe in zip(found, feats, strict=True)
    ]
