"""The scorer's report: strict, coarse and event-only figures."""

from __future__ import annotations

from graphkit.evaluate import Reliability, format_scores, score

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
