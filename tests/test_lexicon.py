"""The lexicon module: word classes and actor nouns read from data files, no model needed."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from graphkit.config import LEXICON_DIR
from graphkit.errors import InputError
from graphkit.lexicon import (
    ACTOR_NOUN_COLUMNS,
    actor_nouns,
    load_lexicon,
    pair_nouns,
    word_class,
    word_classes,
    word_tuple,
)

PACKAGE = Path(__file__).resolve().parent.parent / "graphkit"


def test_lexicon_word_classes_are_lower_case_and_without_repeats() -> None:
    for name, words in word_classes().items():
        assert words, name
        assert len(set(words)) == len(words), f"{name} lists a word twice"
        assert all(w == w.lower() and w.strip() == w for w in words), name


def test_lexicon_every_word_class_is_used_and_every_use_exists() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    used = set(re.findall(r"word_(?:class|tuple)\(\"([a-z_]+)\"", source))
    used |= _classes_in(json.loads((PACKAGE / "lexicons" / "constructions.json").read_text()))
    assert used <= set(word_classes()), "code asks for a class the file lacks"
    assert set(word_classes()) <= used, "the file has a class no code asks for"


def _classes_in(entry: object) -> set[str]:
    """The word classes a construction (or any part of the file) names."""
    if isinstance(entry, list):
        return set().union(*(_classes_in(e) for e in entry))
    if not isinstance(entry, dict):
        return set()
    named = {entry["object_class"]} if "object_class" in entry else set()
    named |= {n for key in ("lemma_in", "word_in") for n in entry.get(key, [])}
    return named.union(*(_classes_in(v) for v in entry.values()))


def test_lexicon_actor_noun_table_has_yes_or_blank_columns() -> None:
    with (LEXICON_DIR / "actor_nouns.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    nouns = [r["noun"] for r in rows]
    assert len(nouns) == len(set(nouns)), "one row per noun"
    for row in rows:
        assert all(row[c] in ("", "yes") for c in ACTOR_NOUN_COLUMNS), row
        assert row["pair"] in ("", "Person", "Country", "any", "told"), row


def test_lexicon_actor_noun_columns() -> None:
    assert {"government", "officials"} <= actor_nouns("agent")
    assert "rebels" in actor_nouns("non_state")
    # every non-state group is a collective actor of its own
    assert actor_nouns("non_state") <= actor_nouns("collective")
    assert "army" in actor_nouns("state_body")
    assert pair_nouns()["country"] == "Country"
    assert pair_nouns()["party"] == ""


def test_lexicon_word_tuple_keeps_the_file_order() -> None:
    assert word_tuple("collective_preps")[:2] == ("in", "from")
    assert word_class("collective_preps") == frozenset(word_tuple("collective_preps"))


def test_lexicon_unknown_class_and_column_say_what_to_do() -> None:
    with pytest.raises(InputError, match="no word class 'nonsense'"):
        word_class("nonsense")
    with pytest.raises(InputError, match="use one of agent"):
        actor_nouns("nonsense")


def test_lexicon_word_classes_from_another_folder(tmp_path: Path) -> None:
    shutil.copytree(LEXICON_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "word_classes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["negations"]["words"].append("nowise")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "nowise" in word_class("negations", tmp_path)
    assert "nowise" not in word_class("negations")


def test_lexicon_broken_word_class_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "word_classes.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"word_classes\.json"):
        word_classes(tmp_path)


def test_lexicon_title_prefixes_are_one_list() -> None:
    lex = load_lexicon()
    assert lex.title_relation("Caretaker Prime Minister") == "leaderOf"
    assert lex.title_country("Acting Secretary of State") is not None
