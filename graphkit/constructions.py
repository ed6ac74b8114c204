"""Constructions: what a verb cue becomes in a multi-word pattern, read from
``constructions.json`` (in the settings' lexicon folder or the package's).

A construction names the relation of the cues it applies to (``from``), a pattern the verb must
fit (its word, its children by dependency label, word and part of speech, one preposition hop
after another, words anywhere in a child's subtree), and what the cue ``becomes``: another
relation, with its object in new slots, or nothing at all (``null``: the verb does not say what
the cue would). Of the constructions of one relation, the first that fits wins; which is first
is stated by ``supersedes`` (the names of the constructions this one wins over), and any two
constructions of one relation must be ordered by it.

Examples:
    >>> tests = frozenset({"labels_verb", "names_place", "names_person"})
    >>> registry = load_constructions(tests=tests)
    >>> [c.name for c in registry["aided"]]
    ['sends_forces_into', 'deadline_to_leave', 'sends_no_aid']
    >>> registry["aided"][0].becomes, registry["aided"][0].slots
    ('attacked', ('into',))
    >>> registry["aided"][2].becomes is None
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from graphkit.config import LEXICON_DIR, Settings
from graphkit.errors import InputError
from graphkit.vocab import relation_names
from graphkit.words import word_classes

FILE = "constructions.json"
LIST_KEYS = ("deps", "not_deps", "pos", "lemma", "lemma_in", "word", "word_in", "tests")
PATTERN_KEYS = ("has", "not_has", "head", "in_subtree", "not_in_subtree")
CONSTRUCTION_KEYS = frozenset({"from", "verb", "becomes", "object", "object_class", "supersedes"})


@dataclass(frozen=True)
class Pattern:
    """What a token must be: its dependency label one of ``deps`` and none of ``not_deps``, its
    part of speech one of ``pos``, its lemma (as spaCy gives it: "Bridge" is no "bridge") one
    of ``lemmas``, its word (lower case or lemma) one of ``words``, each named test true of it
    (the file gives the words as a list, ``lemma`` and ``word``, and as the names of word
    classes, ``lemma_in`` and ``word_in``); a child fitting each
    of ``has`` and none fitting any of ``not_has``, a head (the root has none) fitting each of
    ``head``, a token of its subtree (itself included)
    fitting each of ``in_subtree`` and none fitting any of ``not_in_subtree``. An empty field asks
    nothing."""

    deps: tuple[str, ...] = ()
    not_deps: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    lemmas: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    tests: tuple[str, ...] = ()
    has: tuple[Pattern, ...] = ()
    not_has: tuple[Pattern, ...] = ()
    head: tuple[Pattern, ...] = ()
    in_subtree: tuple[Pattern, ...] = ()
    not_in_subtree: tuple[Pattern, ...] = ()


@dataclass(frozen=True)
class Construction:
    name: str
    relation: str  # the relation of the cues it applies to
    verbs: tuple[Pattern, ...]  # the verb fits one of these
    becomes: str | None  # the new relation; None: the verb says nothing of ``relation``
    slots: tuple[str, ...] | None  # where the new relation's object is; None: where it was
    supersedes: tuple[str, ...]  # the constructions of ``relation`` it wins over
    changes: tuple[tuple[str, Any], ...] = ()  # the cue's fields it sets: relation, slots


class _Bad(Exception):
    """One entry's fault, told with the file and the construction's name by the loader."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = f'"{key}" must be a list of strings'
        raise _Bad(msg)
    return tuple(value)


def _pattern(spec: Any, classes: dict[str, tuple[str, ...]], tests: frozenset[str]) -> Pattern:
    """A pattern from its JSON object, every key, word class and test checked."""
    if not isinstance(spec, dict):
        msg = "a pattern must be an object"
        raise _Bad(msg)
    unknown = sorted(set(spec) - {*LIST_KEYS, *PATTERN_KEYS})
    if unknown:
        msg = f'unknown pattern key "{unknown[0]}"; use {", ".join(LIST_KEYS + PATTERN_KEYS)}'
        raise _Bad(msg)
    lists = {key: _strings(spec.get(key, []), key) for key in LIST_KEYS}
    missing = [n for n in lists["lemma_in"] + lists["word_in"] if n not in classes]
    if missing:
        msg = f'no word class "{missing[0]}"; add it to word_classes.json'
        raise _Bad(msg)
    untold = [t for t in lists["tests"] if t not in tests]
    if untold:
        msg = f'no test "{untold[0]}"; use one of {", ".join(sorted(tests)) or "none"}'
        raise _Bad(msg)
    inner = {key: _patterns(spec.get(key, []), key, classes, tests) for key in PATTERN_KEYS}
    lemmas = frozenset(lists["lemma"]).union(*(classes[n] for n in lists["lemma_in"]))
    words = frozenset(lists["word"]).union(*(classes[n] for n in lists["word_in"]))
    return Pattern(
        deps=lists["deps"],
        not_deps=lists["not_deps"],
        pos=lists["pos"],
        lemmas=lemmas,
        words=words,
        tests=lists["tests"],
        **inner,
    )


def _patterns(
    specs: Any, key: str, classes: dict[str, tuple[str, ...]], tests: frozenset[str]
) -> tuple[Pattern, ...]:
    if not isinstance(specs, list):
        msg = f'"{key}" must be a list of patterns'
        raise _Bad(msg)
    return tuple(_pattern(s, classes, tests) for s in specs)


def _construction(
    name: str, spec: Any, classes: dict[str, tuple[str, ...]], tests: frozenset[str]
) -> Construction:
    if not isinstance(spec, dict) or not isinstance(spec.get("from"), str):
        msg = 'give "from" (the relation of the cues it applies to)'
        raise _Bad(msg)
    unknown = sorted(set(spec) - CONSTRUCTION_KEYS - {"note"})
    if unknown:
        msg = f'unknown key "{unknown[0]}"; use {", ".join(sorted(CONSTRUCTION_KEYS))}'
        raise _Bad(msg)
    becomes, verbs = spec.get("becomes"), spec.get("verb", {})
    if becomes is not None and not isinstance(becomes, str):
        msg = '"becomes" must be a relation name, or null for a verb that says nothing'
        raise _Bad(msg)
    unnamed = sorted({spec["from"], becomes or spec["from"]} - relation_names())
    if unnamed:
        msg = f'no relation "{unnamed[0]}"; use a name of ontology/relations.csv'
        raise _Bad(msg)
    slots = _strings(spec["object"], "object") if "object" in spec else None
    if "object_class" in spec:
        slots = classes.get(spec["object_class"])
        if slots is None:
            msg = f'no word class "{spec["object_class"]}"; add it to word_classes.json'
            raise _Bad(msg)
    return Construction(
        name=name,
        relation=spec["from"],
        verbs=_patterns(verbs if isinstance(verbs, list) else [verbs], "verb", classes, tests),
        becomes=becomes,
        slots=slots,
        supersedes=_strings(spec.get("supersedes", []), "supersedes"),
        changes=(("relation", becomes),) + ((("slots", slots),) if slots is not None else ()),
    )


def _ranked(group: list[Construction]) -> list[Construction]:
    """The constructions of one relation, each before those it supersedes (directly or through
    another); raises when two are not ordered, when the order loops, or when one names no
    construction of the relation."""
    named = {c.name: c for c in group}
    beaten: dict[str, set[str]] = {}

    def below(c: Construction) -> set[str]:
        if c.name not in beaten:
            beaten[c.name] = set()  # a loop meets this set while it is being filled
            unknown = [n for n in c.supersedes if n not in named]
            if unknown:
                msg = f'it supersedes "{unknown[0]}", no construction from "{c.relation}"'
                raise _Bad(msg + "; name one that is", c.name)
            beaten[c.name] = set(c.supersedes).union(*(below(named[n]) for n in c.supersedes))
        return beaten[c.name]

    ranked = sorted(group, key=lambda c: -len(below(c)))
    loops = [c.name for c in group if c.name in below(c)]
    if loops:
        msg = "what it supersedes supersedes it again; one of them must win"
        raise _Bad(msg, loops[0])
    for first, second in pairwise(ranked):
        if second.name not in below(first):
            fix = 'name one in the other\'s "supersedes"'
            msg = f'neither it nor "{second.name}" supersedes the other; {fix}'
            raise _Bad(msg, first.name)
    return ranked


def _settles(groups: dict[str, list[Construction]]) -> None:
    """Raise when rewrites lead from a relation back to it: a cue would never settle."""
    targets = {r: {c.becomes for c in group if c.becomes} for r, group in groups.items()}
    for start, group in groups.items():
        seen: set[str] = set()
        todo = [start]
        while todo:
            reached = targets.get(todo.pop(), set()) - seen
            if start in reached:
                name = next(c.name for c in group if c.becomes)
                msg = f'its rewrites lead from "{start}" back to it; one of them must go'
                raise _Bad(msg, name)
            seen |= reached
            todo.extend(reached)


def _folder(lexicon_dir: Path | None) -> Path:
    """The folder given, else the settings' lexicon folder when it has the file, else the
    package's."""
    if lexicon_dir is not None:
        return Path(lexicon_dir)
    folder = Path(Settings().lexicon_dir)
    return folder if (folder / FILE).exists() else LEXICON_DIR


@cache
def load_constructions(
    lexicon_dir: Path | None = None, tests: frozenset[str] = frozenset()
) -> dict[str, tuple[Construction, ...]]:
    """Every construction of ``constructions.json``, by the relation it applies to, each
    relation's in the order they are tried (the first that fits wins). ``tests`` are the names
    of the token tests a pattern may ask for. A bad entry raises :class:`InputError` naming the
    file, the construction and the fix."""
    path = _folder(lexicon_dir) / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"cannot read the constructions in {path}: {err}"
        raise InputError(msg) from err
    if not isinstance(data, dict):
        msg = f"{path}: the constructions must be one object, name -> construction"
        raise InputError(msg)
    classes = word_classes(lexicon_dir)
    groups: dict[str, list[Construction]] = {}
    name = ""
    try:
        for name, spec in data.items():
            if not name.startswith("_"):
                built = _construction(name, spec, classes, tests)
                groups.setdefault(built.relation, []).append(built)
        _settles(groups)
        return {relation: tuple(_ranked(group)) for relation, group in groups.items()}
    except _Bad as err:
        msg = f"{path}: construction {err.name or name!r}: {err}"
        raise InputError(msg) from None
