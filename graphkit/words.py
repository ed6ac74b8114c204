"""Word classes: the extractor's word tables, read once from ``word_classes.json`` (class name
-> words, each class with a note) and ``actor_nouns.csv`` (nouns that name actors, a yes/no
column per kind), in the settings' lexicon folder or the package's.

Examples:
    >>> "talk" in word_class("talk_nouns")
    True
    >>> "rebels" in actor_nouns("collective")
    True
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

from graphkit.config import LEXICON_DIR, Settings
from graphkit.errors import InputError


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _word_folder(lexicon_dir: Path | None) -> Path:
    """The folder word classes are read from: the one given, else the settings' lexicon folder
    when it has them, else the package's."""
    if lexicon_dir is not None:
        return Path(lexicon_dir)
    folder = Path(Settings().lexicon_dir)
    return folder if (folder / "word_classes.json").exists() else LEXICON_DIR


@cache
def word_classes(lexicon_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Every word class of ``word_classes.json``: class name -> its words, in file order.

    Examples:
        >>> "talk" in word_classes()["talk_nouns"]
        True
    """
    path = _word_folder(lexicon_dir) / "word_classes.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: tuple(entry["words"]) for name, entry in data.items() if not name.startswith("_")
        }
    except (OSError, ValueError, KeyError, TypeError) as err:
        msg = f'cannot read the word classes in {path}: {err}; each class is {{"words": [...]}}'
        raise InputError(msg) from err


def word_class(name: str, lexicon_dir: Path | None = None) -> frozenset[str]:
    """The words of one class, as a set.

    Examples:
        >>> sorted(word_class("negations"))
        ["n't", 'never', 'not']
    """
    return frozenset(word_tuple(name, lexicon_dir))


def word_tuple(name: str, lexicon_dir: Path | None = None) -> tuple[str, ...]:
    """The words of one class, in the order the file lists them."""
    classes = word_classes(lexicon_dir)
    if name not in classes:
        msg = f"no word class {name!r} in word_classes.json; add it (class -> words)"
        raise InputError(msg)
    return classes[name]


ACTOR_NOUN_COLUMNS = ("agent", "group", "collective", "state_body", "non_state")


@cache
def _actor_noun_rows(lexicon_dir: Path | None = None) -> tuple[dict[str, str], ...]:
    path = _word_folder(lexicon_dir) / "actor_nouns.csv"
    try:
        return tuple(_read_csv(path))
    except OSError as err:
        msg = f"cannot read the actor nouns in {path}: {err}"
        raise InputError(msg) from err


def actor_nouns(column: str, lexicon_dir: Path | None = None) -> frozenset[str]:
    """Nouns of ``actor_nouns.csv`` with "yes" in ``column``: ``agent`` (stands for the state
    it is of), ``group`` (a group acting for the country it is of or in), ``collective`` (an
    actor of its own), ``state_body`` (army, police...), ``non_state`` (armed and civil groups).

    Examples:
        >>> "rebels" in actor_nouns("non_state") and "rebels" in actor_nouns("collective")
        True
    """
    if column not in ACTOR_NOUN_COLUMNS:
        msg = f"no actor-noun column {column!r}; use one of {', '.join(ACTOR_NOUN_COLUMNS)}"
        raise InputError(msg)
    return frozenset(r["noun"] for r in _actor_noun_rows(lexicon_dir) if r.get(column) == "yes")


def pair_nouns(lexicon_dir: Path | None = None) -> dict[str, str]:
    """Nouns that, as "the two ..." or "both ...", name a pair told of just before -> the kind of
    pair (``Person``, ``Country``, "" for countries or organizations, or ``told`` for a pair
    as told: two people, else countries or organizations, as "the two").

    Examples:
        >>> pair_nouns()["leader"], pair_nouns()["side"]
        ('Person', '')
    """
    rows = _actor_noun_rows(lexicon_dir)
    return {r["noun"]: "" if r["pair"] == "any" else r["pair"] for r in rows if r.get("pair")}
