"""Strict precision per confidence decile, pooled over several evaluation sets.

Each set is extracted and scored with ``graphkit eval``'s own matcher
(:func:`graphkit.evaluate.score`); every scored prediction (a tp or an fp; lines matching only
optional gold and repeats are left out, as the scorer does) lands in the decile of its
confidence. Prints one totals line per set (relations kept at ``--threshold`` and their
precision) and the pooled table:

    | confidence | predicted | correct | precision |
    |---|---:|---:|---:|
    | 0.5-0.6 | 40 | 29 | 0.72 |
    ...
    | >= 0.8 | 610 (71% of 860) | 560 | 0.92 |

Only totals are printed, never single relations, so the held-out sets stay unread.

Usage:
    python scripts/reliability.py --unseen        # the sets marked SCORED_ONLY
    python scripts/reliability.py --dev           # dev, heldout-a..f, heldout-i, realnews/dev, dev2
    python scripts/reliability.py dev heldout-a   # named sets
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.evaluate import Reliability, evaluate  # noqa: E402
from graphkit.misses import scored_only_marker  # noqa: E402


def set_paths(name: str) -> tuple[Path, Path]:
    """(gold file, articles folder) of an evaluation set named as ``score_all`` names it."""
    if name == "dev":
        return ROOT / "data/gold/dev.jsonl", ROOT / "data/articles"
    folder = ROOT / "data/eval" / name
    if not (folder / "gold.jsonl").exists():
        msg = f"no evaluation set {name!r}: {folder}/gold.jsonl is missing"
        raise SystemExit(msg)
    return folder / "gold.jsonl", folder / "articles"


def all_sets() -> list[str]:
    """Every set ``score_all`` scores: dev, then each folder under data/eval with a gold file."""
    found = sorted((ROOT / "data/eval").rglob("gold.jsonl"))
    return ["dev", *(str(g.parent.relative_to(ROOT / "data/eval")) for g in found)]


UNSEEN = tuple(name for name in all_sets() if scored_only_marker(*set_paths(name)))
"""Scored only, never developed on (their folder holds a ``SCORED_ONLY`` file): calibration
must not look at them."""


def dev_sets() -> list[str]:
    """The sets extraction may be developed and calibrated on."""
    return [name for name in all_sets() if name not in UNSEEN]


def set_reliability(name: str) -> Reliability:
    """The decile table of one set."""
    strict, _, preds = evaluate(*set_paths(name))
    return Reliability.of([p["confidence"] for p in preds], strict.outcomes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set names (dev, heldout-a, realnews/dev, ...)")
    ap.add_argument("--unseen", action="store_true", help="the held-out sets never developed on")
    ap.add_argument("--dev", action="store_true", help="the development sets")
    ap.add_argument("--threshold", type=float, default=0.8, help="high-precision cut (0.8)")
    args = ap.parse_args()
    names = list(args.sets)
    if args.dev:
        names += dev_sets()
    if args.unseen:
        names += list(UNSEEN)
    if not names:
        ap.error("name some sets, or give --dev or --unseen")
    pooled = Reliability([[0, 0] for _ in range(10)])
    for name in names:
        rel = set_reliability(name)
        pooled = pooled.add(rel)
        n, c = rel.at_least(args.threshold)
        total, right = rel.at_least(0.0)
        print(
            f"{name:<14} all: {right}/{total} = {right / total if total else 0:.3f}   "
            f">= {args.threshold:.1f}: {c}/{n} = {c / n if n else 0:.3f}",
            flush=True,
        )
    print(f"\npooled over {len(names)} sets ({', '.join(names)}):\n")
    print(pooled.table(threshold=args.threshold))


if __name__ == "__main__":
    main()
