"""The scorer's report: strict, coarse and event-only figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from graphkit.errors import ScoredOnlyError
from graphkit.evaluate import Reliability, evaluate_cli, format_scores, score
from graphkit.misses import SCORED_ONLY, check_misses_allowed

GOLD = [
    {"article": "a", "s": "Gustavo Petro", "p": "leaderOf", "o": "Colombia"},
    {"article": "a", "s": "Gustavo Petro", "p": "metWith", "o": "Donald Trump"},
    {"article": "a", "s": "Colombia", "p": "criticized", "o": "United States"},
]


def test_evaluate_events_line_leaves_static_relations_out() -> None:
    preds = [
        {"article": "a", "s": "Gustavo Petro", "p": "leaderOf", "o": "Colombia"},
        {"article": "a", "s": "Donald Trump", "p": "metWith", "o": "Gustavo Petro"},
        {"article": "a", "s": "Colombia", "p": "sanctioned", "o": "United States"},
    ]
    strict, coarse = score(preds, GOLD), score(preds, GOLD, coarse=True)
    text = format_scores(strict, coarse, detail=True)
    # all relations: 2 of 3 right, 2 of 3 found; events alone: 1 of 2 right, 1 of 2 found
    assert "strict: P=0.667 R=0.667" in text
    assert "events (strict): P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)" in text
    assert "events" not in format_scores(strict, coarse, detail=False)


def test_evaluate_outcomes_say_what_became_of_each_prediction() -> None:
    optional = {"article": "a", "s": "Colombia", "p": "expelled", "o": "Spain", "optional": True}
    gold = [*GOLD, optional]
    preds = [
        {"article": "a", "s": "Gustavo Petro", "p": "leaderOf", "o": "Colombia"},
        {"article": "a", "s": "Gustavo Petro", "p": "leaderOf", "o": "Colombia"},
        {"article": "a", "s": "Colombia", "p": "sanctioned", "o": "United States"},
        {"article": "a", "s": "Colombia", "p": "expelled", "o": "Spain"},
        {"article": "b", "s": "Spain", "p": "metWith", "o": "France"},
    ]
    outcomes = score(preds, gold).outcomes
    assert outcomes == ["correct", "repeat", "wrong", "optional", "unscored"]


def test_evaluate_reliability_counts_scored_predictions_per_decile() -> None:
    rows = [
        ("Gustavo Petro", "leaderOf", "Colombia", 0.95),  # right
        ("Donald Trump", "metWith", "Gustavo Petro", 0.8),  # right
        ("Colombia", "sanctioned", "United States", 0.85),  # wrong
        ("Colombia", "praised", "United States", 0.4),  # wrong
    ]
    preds = [{"article": "a", "s": s, "p": p, "o": o, "confidence": c} for s, p, o, c in rows]
    strict = score(preds, GOLD)
    rel = Reliability.of([p["confidence"] for p in preds], strict.outcomes)
    assert rel.at_least(0.8) == (3, 2)
    assert rel.at_least(0.0) == (4, 2)
    table = rel.table()
    assert "| 0.8-0.9 | 2 | 1 | 0.50 |" in table
    assert "| 0.4-0.5 | 1 | 0 | 0.00 |" in table
    assert "| >= 0.8 | 3 (75% of 4) | 2 | 0.67 |" in table
    pooled = rel.add(rel)
    assert pooled.at_least(0.8) == (6, 4)


def _write_set(folder: Path) -> tuple[Path, Path]:
    """A two-article evaluation set: one prediction the gold lacks, two gold lines not found."""
    articles = folder / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text(
        "Colombian President Gustavo Petro met U.S. President Donald Trump in Washington on "
        "Tuesday.\n",
        encoding="utf-8",
    )
    (articles / "b.txt").write_text("Officials spoke about the weather on Monday.\n", "utf-8")
    gold = folder / "gold.jsonl"
    lines = [
        {"article": "a.txt", "s": "Gustavo Petro", "p": "criticized", "o": "Donald Trump",
         "s_aliases": ["Petro"], "o_aliases": ["Trump"], "evidence": "Petro criticized Trump"},
        {"article": "b.txt", "s": "France", "p": "criticized", "o": "Spain"},
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return gold, articles


def test_evaluate_misses_lists_false_positives_and_missed_gold_per_article(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    gold, articles = _write_set(tmp_path)
    code, out, err = run_cli("eval", gold, articles, "--misses", "-q")
    assert code == 0, err
    listing = out.split("misses (strict), per article:\n", 1)[1]
    a, b = listing.split("\nb.txt: ")
    assert a.startswith("a.txt: ") and "1 missed" in a
    assert "  false positive: Gustavo Petro --metWith-> Donald Trump (cue 'met', confidence " in a
    assert (
        "    sentence: Colombian President Gustavo Petro met U.S. President Donald Trump in "
        "Washington on Tuesday."
    ) in a
    assert (
        "  missed: Gustavo Petro --criticized-> Donald Trump\n"
        "    gold evidence: Petro criticized Trump"
    ) in a
    assert b.startswith("0 false positives, 1 missed\n  missed: France --criticized-> Spain")


def test_evaluate_misses_refused_on_a_set_marked_scored_only(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    gold, articles = _write_set(tmp_path)
    (tmp_path / SCORED_ONLY).write_text("kept unseen for the final score\n", encoding="utf-8")
    code, out, err = run_cli("eval", gold, articles, "--misses", "-q")
    assert code == 2 and out == ""
    assert err.count("\n") == 1, err
    assert err.startswith(f"graphkit eval: error: {tmp_path} is scored only (kept unseen for ")
    assert "its totals are allowed" in err and "(leave out --misses)" in err
    code, out, err = run_cli("eval", gold, articles, "--brief", "-q")  # the totals: allowed
    assert code == 0, err
    assert out.startswith("strict: P=") and "false positive" not in out


@pytest.mark.parametrize("where", ["set", "articles"])
def test_evaluate_scored_only_refuses_before_reading_anything(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "set"
    marker_dir = folder / "articles" if where == "articles" else folder
    marker_dir.mkdir(parents=True)
    (marker_dir / SCORED_ONLY).write_text("", encoding="utf-8")
    missing_gold = folder / "gold.jsonl"  # never read: the refusal comes first
    with pytest.raises(ScoredOnlyError, match=r"is scored only \(no reason given\)"):
        evaluate_cli(missing_gold, folder / "articles", misses=True)
    check_misses_allowed(tmp_path / "gold.jsonl", tmp_path / "articles")  # unmarked: allowed
