"""Score extraction against hand-annotated gold triples (strict and coarse P/R/F1).

Matching rules: a predicted triple matches a gold line when its subject and object names (or
aliases) equal a gold name or alias after normalization (case, accents, punctuation, a leading
"the" or title dropped); symmetric relations match in either order; strict needs the same
relation, coarse the same PLOVER category. Gold lines marked optional are neither required nor
penalized. Duplicate predictions count once.

An evaluation set kept unseen carries a file named ``SCORED_ONLY`` (its one line says why)
beside its gold file or in its articles folder: its totals may be printed, its misses never
(:func:`graphkit.misses.check_misses_allowed`).

Examples:
    >>> gold = [{"article": "a", "s": "Gustavo Petro", "p": "metWith", "o": "Donald Trump",
    ...          "s_aliases": ["Petro"], "o_aliases": ["Trump"]}]
    >>> pred = [{"article": "a", "s": "Trump", "p": "metWith", "o": "Petro"}]
    >>> score(pred, gold).f1
    1.0
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit.config import Settings
from graphkit.errors import InputError
from graphkit.misses import check_misses_allowed, format_misses
from graphkit.records import ArticleResult
from graphkit.vocab import relation, relation_names

COARSE_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def norm_name(text: str) -> str:
    """Normalize a name the way the scorer does."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"^(the|mr|mrs|ms|president|prime minister) ", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _names(d: dict[str, Any], k: str) -> set[str]:
    out = {norm_name(d[k])} | {norm_name(a) for a in d.get(k + "_aliases", []) or []}
    out.discard("")
    return out


def _category(p: str) -> str:
    return relation(p).plover if p in relation_names() else p


def _symmetric(p: str) -> bool:
    return p in relation_names() and relation(p).symmetric


def _match(pred: dict[str, Any], gold: dict[str, Any], coarse: bool) -> bool:
    pp, gp = pred["p"], gold["p"]
    if (coarse and _category(pp) != _category(gp)) or (not coarse and pp != gp):
        return False
    ps, po, gs, go = _names(pred, "s"), _names(pred, "o"), _names(gold, "s"), _names(gold, "o")
    if ps & gs and po & go:
        return True
    sym = _symmetric(gp) or (coarse and _category(gp) in COARSE_SYMMETRIC and gp != "extradited")
    return sym and bool(ps & go and po & gs)


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    found: int
    required: int
    per_relation: dict[str, list[int]] = field(default_factory=dict)  # tp, fp, fn
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    """What became of each prediction, in the order given: ``correct`` (a tp), ``wrong`` (an
    fp), ``optional`` (matches only optional gold lines), ``repeat`` (a duplicate of an earlier
    prediction) or ``unscored`` (its article has no gold lines)."""


CORRECT, WRONG = "correct", "wrong"


def score(
    preds: list[dict[str, Any]], gold: list[dict[str, Any]], *, coarse: bool = False
) -> Score:
    """Precision, recall and F1 of predictions against gold lines."""
    by_art: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_art[g["article"]].append(g)
    tp = fp = 0
    found: set[tuple[str, int]] = set()
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    seen: set[tuple[str, str, str, str]] = set()
    fps: list[dict[str, Any]] = []
    outcomes: list[str] = []
    for p in preds:
        if p["article"] not in by_art:
            outcomes.append("unscored")
            continue
        s, o = norm_name(p["s"]), norm_name(p["o"])
        if _symmetric(p["p"]):
            s, o = min(s, o), max(s, o)
        key = (p["article"], s, p["p"], o)
        if key in seen:
            outcomes.append("repeat")
            continue
        seen.add(key)
        golds = by_art[p["article"]]
        hits = [i for i, g in enumerate(golds) if _match(p, g, coarse)]
        req = [i for i in hits if not golds[i].get("optional")]
        if req:
            tp += 1
            per[p["p"]][0] += 1
            found.update((p["article"], i) for i in req)
            outcomes.append(CORRECT)
        elif not hits:
            fp += 1
            per[p["p"]][1] += 1
            fps.append(p)
            outcomes.append(WRONG)
        else:
            outcomes.append("optional")
    required = 0
    missed = []
    for art, golds in by_art.items():
        for i, g in enumerate(golds):
            if g.get("optional"):
                continue
            required += 1
            if (art, i) not in found:
                per[g["p"]][2] += 1
                missed.append(g)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = len(found) / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        precision, recall, f1, tp, fp, len(found), required, dict(per), fps, missed, outcomes
    )


@dataclass
class Reliability:
    """Precision per confidence band of scored predictions (tps and fps only).

    Examples:
        >>> rel = Reliability.of([0.95, 0.85, 0.85, 0.3], ["correct", "wrong", "correct", "wrong"])
        >>> rel.at_least(0.8)
        (3, 2)
        >>> print(rel.table().splitlines()[-2])
        | 0.9-1.0 | 1 | 1 | 1.00 |
    """

    bins: list[list[int]]  # per decile: predicted, correct

    @classmethod
    def of(cls, confidences: list[float], outcomes: list[str]) -> Reliability:
        """Bins from each prediction's confidence and outcome (see ``Score.outcomes``)."""
        bins = [[0, 0] for _ in range(10)]
        for conf, outcome in zip(confidences, outcomes, strict=True):
            if outcome not in (CORRECT, WRONG):
                continue
            row = bins[min(int(round(conf, 6) * 10), 9)]
            row[0] += 1
            row[1] += outcome == CORRECT
        return cls(bins)

    def add(self, other: Reliability) -> Reliability:
        """The two sets pooled."""
        pairs = zip(self.bins, other.bins, strict=True)
        return Reliability([[a + c, b + d] for (a, b), (c, d) in pairs])

    def at_least(self, threshold: float) -> tuple[int, int]:
        """(predicted, correct) of the deciles from ``threshold`` up (a multiple of 0.1)."""
        rows = self.bins[round(threshold * 10) :]
        return sum(n for n, _ in rows), sum(c for _, c in rows)

    def table(self, *, threshold: float = 0.8) -> str:
        """A Markdown table, one row per non-empty decile, then the totals from ``threshold``."""
        lines = ["| confidence | predicted | correct | precision |", "|---|---:|---:|---:|"]
        for k, (n, c) in enumerate(self.bins):
            if n:
                lines.append(f"| {k / 10:.1f}-{(k + 1) / 10:.1f} | {n} | {c} | {c / n:.2f} |")
        total, _ = self.at_least(0.0)
        n, c = self.at_least(threshold)
        lines.append(
            f"| >= {threshold:.1f} | {n} ({100 * n / total if total else 0:.0f}% of {total}) "
            f"| {c} | {c / n if n else 0:.2f} |"
        )
        return "\n".join(lines)


def predictions(results: list[ArticleResult]) -> list[dict[str, Any]]:
    """Prediction lines (the scorer's JSON shape) from extraction results; asserted only."""
    out = []
    for res in results:
        name = Path(res.article.source).name if res.article.source else res.article.id
        for r in res.relations:
            if r.evidence.modality != "asserted":
                continue
            out.append(
                {
                    "article": name,
                    "s": r.subject.name,
                    "p": r.predicate,
                    "o": r.object.name,
                    "s_aliases": list(r.subject.aliases),
                    "o_aliases": list(r.object.aliases),
                    "confidence": r.evidence.confidence,
                    "sentence": r.evidence.sentence,
                    "cue": r.evidence.cue,
                    "method": r.evidence.method,
                }
            )
    return out


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        msg = f"cannot read gold file {path}: {err.strerror}; check the path"
        raise InputError(msg) from err
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            for key in ("article", "s", "p", "o"):
                row[key]
        except (ValueError, KeyError, TypeError) as err:
            msg = (
                f"{path} line {n}: not a gold line ({err}); each line is JSON with article, s, p, o"
            )
            raise InputError(msg) from err
        out.append(row)
    return out


def _events_line(sc: Score) -> str:
    """Strict figures over event relations alone (the static ones, titles, memberships and
    places, left out), from the per-relation counts."""
    t = f = n = 0
    for rel, (tp, fp, fn) in sc.per_relation.items():
        if rel in relation_names() and relation(rel).kind != "event":
            continue
        t, f, n = t + tp, f + fp, n + fn
    p = t / (t + f) if t + f else 0.0
    r = t / (t + n) if t + n else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"events (strict): P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={t} fp={f} fn={n})"


def format_scores(strict: Score, coarse: Score, *, detail: bool) -> str:
    lines = []
    for name, sc in (("strict", strict), ("coarse", coarse)):
        lines.append(
            f"{name}: P={sc.precision:.3f} R={sc.recall:.3f} F1={sc.f1:.3f} "
            f"(tp={sc.tp} fp={sc.fp} gold_found={sc.found}/{sc.required})"
        )
    if detail:
        lines.append(_events_line(strict))
        lines.append("")
        lines.append("| relation | tp | fp | fn | P | R | F1 |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for rel, (t, f, n) in sorted(strict.per_relation.items()):
            p = t / (t + f) if t + f else 0.0
            r = t / (t + n) if t + n else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            lines.append(f"| {rel} | {t} | {f} | {n} | {p:.2f} | {r:.2f} | {f1:.2f} |")
    return "\n".join(lines)


def evaluate(
    gold_path: Path, articles_dir: Path, *, settings: Settings | None = None
) -> tuple[Score, Score, list[dict[str, Any]]]:
    """Extract every article in ``articles_dir`` and score against ``gold_path``."""
    from graphkit.pipeline import collect_articles, extract_articles

    gold = load_gold(gold_path)
    articles, _ = collect_articles([articles_dir])
    wanted = {g["article"] for g in gold}
    articles = [a for a in articles if Path(a.source).name in wanted]
    if not articles:
        msg = (
            f"none of the gold articles ({', '.join(sorted(wanted))}) is in {articles_dir}; "
            "point ARTICLES_DIR at the folder holding them"
        )
        raise InputError(msg)
    preds = predictions(list(extract_articles(articles, settings=settings)))
    return score(preds, gold), score(preds, gold, coarse=True), preds


def evaluate_cli(
    gold: Path,
    articles: Path,
    *,
    settings: Settings | None = None,
    detail: bool = True,
    reliability: bool = False,
    misses: bool = False,
) -> str:
    """What ``graphkit eval`` prints: the totals, the per-relation table when ``detail``, the
    reliability table when ``reliability``, the strict misses per article when ``misses``.

    Raises:
        ScoredOnlyError: ``misses`` on a set marked scored-only (see
            :func:`check_misses_allowed`); nothing of the set is read.
    """
    if misses:
        check_misses_allowed(gold, articles)
    strict, coarse, preds = evaluate(gold, articles, settings=settings)
    out = format_scores(strict, coarse, detail=detail)
    if reliability:
        rel = Reliability.of([p["confidence"] for p in preds], strict.outcomes)
        out += "\n\nstrict precision per confidence decile:\n" + rel.table()
    if misses:
        out += "\n\nmisses (strict), per article:\n" + format_misses(strict)
    return out
