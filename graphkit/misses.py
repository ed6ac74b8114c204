"""The misses of an evaluation, listed for a rule writer, and the sets whose misses are never
listed: an evaluation set kept unseen carries a file named ``SCORED_ONLY`` (its one line says
why) beside its gold file or in its articles folder."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit.errors import ScoredOnlyError

if TYPE_CHECKING:
    from graphkit.evaluate import Score

SCORED_ONLY = "SCORED_ONLY"
"""The marker file of an evaluation set that is scored only: totals yes, misses never."""


def scored_only_marker(gold_path: Path, articles_dir: Path) -> Path | None:
    """The ``SCORED_ONLY`` file marking this set, if any: beside the gold file, in the
    articles folder or in the folder holding it (a set's own folder)."""
    for folder in (gold_path.parent, articles_dir, articles_dir.parent):
        if (folder / SCORED_ONLY).is_file():
            return folder / SCORED_ONLY
    return None


def check_misses_allowed(gold_path: Path, articles_dir: Path) -> None:
    """Refuse to list the misses of a set marked scored-only, before anything of it is read.

    Raises:
        ScoredOnlyError: the set carries a ``SCORED_ONLY`` file (its line says why).

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> gold, articles = folder / "gold.jsonl", folder / "articles"
        >>> check_misses_allowed(gold, articles)  # no marker: allowed
        >>> _ = (folder / "SCORED_ONLY").write_text("kept unseen\\n", encoding="utf-8")
        >>> check_misses_allowed(gold, articles)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graphkit.errors.ScoredOnlyError: ... is scored only (kept unseen): ...
    """
    marker = scored_only_marker(gold_path, articles_dir)
    if marker is None:
        return
    try:
        lines = marker.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    why = next((line.strip() for line in lines if line.strip()), "no reason given")
    msg = (
        f"{marker.parent} is scored only ({why}): its misses are never listed; "
        "its totals are allowed (leave out misses=True)"
    )
    raise ScoredOnlyError(msg)


def _triple(d: dict[str, Any]) -> str:
    return f"{d['s']} --{d['p']}-> {d['o']}"


def format_misses(strict: Score) -> str:
    """Per article, each false positive (with its sentence, cue and confidence) and each
    required gold line not found (with its gold evidence), for a rule writer to read.

    Examples:
        >>> gold = [{"article": "a.txt", "s": "Petro", "p": "metWith", "o": "Maduro",
        ...          "evidence": "Petro met Maduro"}]
        >>> pred = [{"article": "a.txt", "s": "Petro", "p": "criticized", "o": "Maduro",
        ...          "sentence": "Petro met Maduro and criticized him.", "cue": "criticized",
        ...          "confidence": 0.7}]
        >>> from graphkit.evaluate import score
        >>> print(format_misses(score(pred, gold)))
        a.txt: 1 false positive, 1 missed
          false positive: Petro --criticized-> Maduro (cue 'criticized', confidence 0.70)
            sentence: Petro met Maduro and criticized him.
          missed: Petro --metWith-> Maduro
            gold evidence: Petro met Maduro
    """
    wrong: dict[str, list[dict[str, Any]]] = defaultdict(list)
    missed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in strict.false_positives:
        wrong[p["article"]].append(p)
    for g in strict.missed:
        missed[g["article"]].append(g)
    lines: list[str] = []
    for art in sorted(wrong.keys() | missed.keys()):
        fps, fns = wrong[art], missed[art]
        lines.append(f"{art}: {len(fps)} false positive{'s' * (len(fps) != 1)}, {len(fns)} missed")
        for p in fps:
            how = [f"cue {p['cue']!r}"] if p.get("cue") else []
            if p.get("confidence") is not None:
                how.append(f"confidence {p['confidence']:.2f}")
            lines.append(f"  false positive: {_triple(p)}" + (f" ({', '.join(how)})" * bool(how)))
            if p.get("sentence"):
                lines.append(f"    sentence: {' '.join(p['sentence'].split())}")
        for g in fns:
            lines.append(f"  missed: {_triple(g)}")
            if g.get("evidence"):
                lines.append(f"    gold evidence: {' '.join(str(g['evidence']).split())}")
    return "\n".join(lines) if lines else "no false positives and no misses"
