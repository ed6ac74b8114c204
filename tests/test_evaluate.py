"""The scorer's report: strict, coarse and event-only figures."""

from __future__ import annotations

from graphkit.evaluate import format_scores, score

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
