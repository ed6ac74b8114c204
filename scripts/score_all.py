"""Every extraction score in one compact line per set, so two runs can be diffed.

Runs ``graphkit eval --brief`` on the development set (``data/gold/dev.jsonl`` with
``data/articles``) and on each set under ``data/eval`` (a folder with ``gold.jsonl`` and
``articles/``), then ``benchmarks/plover_eval.py`` and ``benchmarks/petrarch_eval.py`` on the
PLOVER and PETRARCH2 records in ``data/eval/plover`` and ``data/eval/petrarch2``, and prints:

    dev        strict P=0.975 R=0.802 F1=0.880 tp=77 fp=2
    plover     class=0.871 category=... dyad=...
    petrarch   dyad=...% asserted=...% reversed=... false-events=...

Usage:
    python scripts/score_all.py [--jobs 2] > scores.txt
    diff scores-before.txt scores.txt

A refactoring of the extractor is a move only when the two outputs are identical.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAPHKIT = [sys.executable, "-m", "graphkit"]
PLOVER = ROOT / "data/eval/plover/gsr.jsonl"
PETRARCH = ROOT / "data/eval/petrarch2/validation.jsonl"


def _run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        return f"FAILED ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}"
    return done.stdout


def eval_line(gold: Path, articles: Path) -> str:
    """The strict line of ``graphkit eval --brief`` (and the coarse one, when printed)."""
    out = _run([*GRAPHKIT, "eval", str(gold), str(articles), "--brief"])
    keep = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    return " | ".join(keep)


def plover_line(gold: Path) -> str:
    """Class precision and the PLOVER scorer's summary figures."""
    with tempfile.TemporaryDirectory() as tmp:
        out = _run(
            [
                sys.executable,
                "benchmarks/plover_eval.py",
                "--gold",
                str(gold),
                "--out",
                str(Path(tmp) / "preds.jsonl"),
            ]
        )
    keep = []
    for line in out.splitlines():
        line = re.sub(r" in [0-9.]+ s", "", line).strip()  # timings differ between runs
        line = re.sub(r" -> \S+", "", line)
        if line.startswith(("gold:", "predictions:")):
            continue
        if re.search(r"[0-9]", line):
            keep.append(" ".join(line.split()))
    return " | ".join(keep)


def petrarch_line(suite: Path) -> str:
    """The header line and the ALL row of the PETRARCH table."""
    out = _run(
        [sys.executable, "benchmarks/petrarch_eval.py", "--suite", str(suite), "--failures", "0"]
    )
    keep = []
    for line in out.splitlines():
        if "records scored" in line:
            keep.append(re.sub(r"extracted in [0-9.]+ s; ", "", line.strip()))
        elif line.startswith("ALL"):
            keep.append(" ".join(line.split()))
    return " | ".join(keep) or out.strip()[-300:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--plover", type=Path, default=PLOVER, help="PLOVER gsr.jsonl (default: %(default)s)"
    )
    ap.add_argument(
        "--petrarch",
        type=Path,
        default=PETRARCH,
        help="PETRARCH validation.jsonl (default: %(default)s)",
    )
    ap.add_argument("--jobs", type=int, default=2, help="sets scored at once")
    args = ap.parse_args()
    jobs: dict[str, tuple] = {
        "dev": (eval_line, ROOT / "data/gold/dev.jsonl", ROOT / "data/articles")
    }
    for gold in sorted((ROOT / "data/eval").rglob("gold.jsonl")):
        folder = gold.parent  # heldout-a, realnews/dev, ...
        name = str(folder.relative_to(ROOT / "data/eval"))
        jobs[name] = (eval_line, gold, folder / "articles")
    if args.plover:
        jobs["plover"] = (plover_line, args.plover)
    if args.petrarch:
        jobs["petrarch"] = (petrarch_line, args.petrarch)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {name: pool.submit(job[0], *job[1:]) for name, job in jobs.items()}
        for name, future in futures.items():
            print(f"{name:<13} {future.result()}", flush=True)


if __name__ == "__main__":
    main()
