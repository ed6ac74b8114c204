"""Refit ``graphkit/lexicons/confidence.csv``, the table that turns what the extractor knows
about a relation into its confidence, from the development sets' precision.

Every development set (``data/gold/dev.jsonl`` with ``data/articles``, and each set under
``data/eval`` except the held-out ones that are only ever scored: heldout-g, -h, -j,
realnews/test and realnews/test2) is extracted; each asserted relation is scored right or wrong with
``graphkit eval``'s strict matcher (:func:`graphkit.evaluate.score`; relations matching only
optional gold lines, and repeats, are left out) and described by the features of
:func:`graphkit.extract.found.features` (method kind and method, the rule's own confidence,
how subject and object were found, actor types, relation, evidence width, sentence length,
how many relations the cue yields, whether the article states it twice). An L2-regularized
logistic regression of right-or-wrong on those features gives one weight per feature. A value
seen fewer than ``--min-count`` times adds nothing, except a rare method kind or method, which
is pooled into the ``method=other`` or ``cue=other`` row: what a method the table does not know
(a new rule) gets too. Each set has its own bias offset while fitting; the table keeps the
``--offset`` quantile of them (0.1: a harder-than-average set), since new articles are read by
rules not tuned on them. The regularization strength is chosen by leave-one-set-out
cross-validation, whose pooled reliability table is printed: the honest estimate of how the
confidences hold up on articles the extractor was not developed on.

The confidence a relation gets is the logistic of ``bias`` plus its features' weights
(:func:`graphkit.extract.found.calibrated_confidence`). Refit after extraction rules change:

    python scripts/fit_confidence.py            # writes graphkit/lexicons/confidence.csv
    python scripts/fit_confidence.py --dry-run  # prints the cross-validation only
    python scripts/reliability.py --unseen      # then check the held-out sets (totals only)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reliability import UNSEEN, dev_sets, set_paths  # noqa: E402

from graphkit.evaluate import CORRECT, WRONG, Reliability, load_gold, predictions, score  # noqa: E402
from graphkit.extract import found as found_module  # noqa: E402
from graphkit.extract import rule_rank  # noqa: E402
from graphkit.pipeline import collect_articles, extract_articles  # noqa: E402

TABLE = ROOT / "graphkit" / "lexicons" / "confidence.csv"
STRENGTHS = (0.3, 1.0, 3.0, 10.0)
"""L2 strengths tried by cross-validation."""

Sample = tuple[tuple[str, ...], bool]  # features, right


def set_samples(name: str) -> list[Sample]:
    """(features, right) of every scored relation the extractor finds in one set."""
    if name in UNSEEN:
        msg = f"{name} is held out: it is scored only, never fitted on"
        raise SystemExit(msg)
    gold_path, folder = set_paths(name)
    gold = load_gold(gold_path)
    wanted = {g["article"] for g in gold}
    articles, _ = collect_articles([folder])
    articles = [a for a in articles if Path(a.source).name in wanted]
    seen: list[tuple[list[Any], list[tuple[str, ...]]]] = []
    plain = found_module.article_features

    def recording(found: list[Any], **kwargs: Any) -> list[tuple[str, ...]]:
        feats = plain(found, **kwargs)
        seen.append((found, feats))
        return feats

    found_module.article_features = recording  # type: ignore[assignment]
    try:
        results = list(extract_articles(articles))
    finally:
        found_module.article_features = plain  # type: ignore[assignment]
    if len(seen) != len(results):
        msg = f"{name}: {len(results)} articles but {len(seen)} calibrations; run in one process"
        raise SystemExit(msg)
    preds: list[dict[str, Any]] = []
    described: list[tuple[str, ...]] = []
    for result, (found, feats) in zip(results, seen, strict=True):
        # the relation extract_doc kept for a (subject, predicate, object, offset) is the first
        # one found there with the highest rule confidence (extract.rule_rank)
        best: dict[tuple[str, str, str, int, str], tuple[float, tuple[str, ...]]] = {}
        for f, fe in zip(found, feats, strict=True):
            key = (
                f.subject.entity.key,
                f.predicate,
                f.object.entity.key,
                f.cue.doc[f.span[0]].idx,
                f.method,
            )
            rank = rule_rank(f)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, fe)
        asserted = [r for r in result.relations if r.evidence.modality == "asserted"]
        preds.extend(predictions([result]))
        for r in asserted:
            key = (r.subject.key, r.predicate, r.object.key, r.evidence.start, r.evidence.method)
            described.append(best[key][1])
    outcomes = score(preds, gold).outcomes
    return [
        (fe, out == CORRECT)
        for fe, out in zip(described, outcomes, strict=True)
        if out in (CORRECT, WRONG)
    ]


POOLED = ("method", "cue")
"""Groups whose rare values share one ``other`` row (what a new kind of rule gets); a rare or
unknown value of another group adds nothing."""


def vocabulary(samples: list[Sample], min_count: int) -> list[str]:
    """``bias``, each feature seen at least ``min_count`` times, and ``method=other``."""
    counts = Counter(f for feats, _ in samples for f in feats)
    kept = sorted(f for f, n in counts.items() if n >= min_count)
    return ["bias", *kept, *(f"{g}=other" for g in POOLED if f"{g}=other" not in kept)]


def design(samples: list[Sample], vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """0/1 matrix (rare values as their group's ``other``) and the right/wrong vector."""
    column = {f: k for k, f in enumerate(vocab)}
    x = np.zeros((len(samples), len(vocab)))
    for row, (feats, _) in enumerate(samples):
        x[row, 0] = 1.0
        for f in feats:
            k = column.get(f, column.get(f.split("=", 1)[0] + "=other"))  # None: adds nothing
            if k is not None:
                x[row, k] = 1.0
    y = np.array([1.0 if right else 0.0 for _, right in samples])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    """Logistic regression weights by Newton's method; the bias is not penalized."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], strength)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_sets(
    by_set: dict[str, list[Sample]], strength: float, min_count: int, *, offset: float
) -> tuple[list[str], np.ndarray]:
    """Weights fitted over the sets with one (penalized) bias offset per set; the bias kept is
    the common one plus the ``offset`` quantile of the sets' offsets (0: the hardest set's)."""
    samples = [s for rows in by_set.values() for s in rows]
    vocab = vocabulary(samples, min_count)
    x, y = design(samples, vocab)
    marks = np.zeros((len(samples), len(by_set)))
    row = 0
    for k, rows in enumerate(by_set.values()):
        marks[row : row + len(rows), k] = 1.0
        row += len(rows)
    w = fit(np.hstack([x, marks]), y, strength)
    weights, offsets = w[: len(vocab)].copy(), w[len(vocab) :]
    weights[0] += float(np.quantile(offsets, offset))
    return vocab, weights


def probabilities(samples: list[Sample], vocab: list[str], w: np.ndarray) -> list[float]:
    weights = dict(zip(vocab, w.tolist(), strict=True))
    return [found_module.calibrated_confidence(feats, weights) for feats, _ in samples]


def cross_validate(
    by_set: dict[str, list[Sample]],
    strength: float,
    min_count: int,
    *,
    offset: float,
    verbose: bool = False,
) -> tuple[float, Reliability]:
    """Mean log-loss and pooled reliability, each set predicted by a fit on the others."""
    loss, n = 0.0, 0
    pooled = Reliability([[0, 0] for _ in range(10)])
    for held, test in by_set.items():
        train = {name: rows for name, rows in by_set.items() if name != held}
        vocab, w = fit_sets(train, strength, min_count, offset=offset)
        probs = probabilities(test, vocab, w)
        for p, (_, right) in zip(probs, test, strict=True):
            p = min(max(p, 1e-6), 1 - 1e-6)
            loss -= math.log(p if right else 1 - p)
            n += 1
        rel = Reliability.of(probs, [CORRECT if right else WRONG for _, right in test])
        pooled = pooled.add(rel)
        if verbose:
            total, ok = rel.at_least(0.0)
            kept, good = rel.at_least(0.8)
            print(
                f"  {held:<13} all {ok}/{total} = {ok / total:.3f}   "
                f">= 0.8: {good}/{kept} = {good / kept if kept else 0:.3f}"
            )
    return loss / max(n, 1), pooled


def write_table(path: Path, samples: list[Sample], vocab: list[str], w: np.ndarray) -> None:
    """The table, atomically: feature, weight, and how many dev relations had it (right)."""
    x, y = design(samples, vocab)
    seen = dict(zip(vocab, x.sum(axis=0).astype(int).tolist(), strict=True))
    right = dict(zip(vocab, (x * y[:, None]).sum(axis=0).astype(int).tolist(), strict=True))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["feature", "weight", "n", "correct"])
    for f, weight in zip(vocab, w.tolist(), strict=True):
        writer.writerow([f, f"{weight:.4f}", seen[f], right[f]])
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(out.getvalue())
    os.replace(tmp, path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=8, help="rarer values pool into 'other'")
    ap.add_argument("--dry-run", action="store_true", help="cross-validate, write nothing")
    ap.add_argument(
        "--offset",
        type=float,
        default=0.1,
        help="quantile of the sets' precision offsets the table is calibrated to: 0 the "
        "hardest development set, 0.5 the middle one (default 0.1: new articles are read by "
        "rules not tuned on them)",
    )
    ap.add_argument(
        "--samples",
        type=Path,
        help="JSON file of the scored relations: read if it exists, "
        "else written (saves extracting again while trying options)",
    )
    args = ap.parse_args()
    if args.samples and args.samples.exists():
        raw = json.loads(args.samples.read_text(encoding="utf-8"))
        by_set = {name: [(tuple(f), ok) for f, ok in rows] for name, rows in raw.items()}
    else:
        by_set = {name: set_samples(name) for name in dev_sets()}
        if args.samples:
            args.samples.write_text(json.dumps(by_set), encoding="utf-8")
    samples = [s for rows in by_set.values() for s in rows]
    print(f"{len(samples)} scored relations from {len(by_set)} development sets", flush=True)
    best = None
    for strength in STRENGTHS:
        loss, rel = cross_validate(by_set, strength, args.min_count, offset=args.offset)
        n, c = rel.at_least(0.8)
        print(f"L2 {strength:<5g} log-loss {loss:.4f}   >= 0.8: {c}/{n} = {c / n if n else 0:.3f}")
        if best is None or loss < best[0]:
            best = (loss, strength, rel)
    assert best is not None
    loss, strength, rel = best
    print(f"\neach development set predicted by a fit on the others (L2 {strength:g}):")
    cross_validate(by_set, strength, args.min_count, offset=args.offset, verbose=True)
    print(f"\nleave-one-set-out reliability at L2 {strength:g}:\n\n{rel.table()}\n")
    vocab, w = fit_sets(by_set, strength, args.min_count, offset=args.offset)
    fitted = probabilities(samples, vocab, w)
    print("in-sample reliability:\n")
    print(Reliability.of(fitted, [CORRECT if ok else WRONG for _, ok in samples]).table())
    if not args.dry_run:
        write_table(TABLE, samples, vocab, w)
        print(f"\nwrote {TABLE.relative_to(ROOT)} ({len(vocab)} rows)")


if __name__ == "__main__":
    main()
