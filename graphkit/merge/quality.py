"""How well names are resolved: precision and recall on labelled pairs of surface names.

The labelled list (``data/gold/alias_pairs.jsonl``) holds pairs of names from the sample
articles, each with its entity type and whether both name the same actor. Every distinct
(name, type) is put alone in an article graph of its own, all graphs are merged with
resolution, and a pair counts as merged when both names end on the same IRI. Since each
article holds one name, this measures resolution across articles only (names alone, no
sentence context: "Otoniel" cannot be tied to "Dairo Antonio Úsuga" without an article that
says so, and "Skripal" stays apart from Sergei Skripal while Yulia Skripal is around).

Run ``python -m graphkit.merge.quality [PAIRS.jsonl]`` to print the figures.

Examples:
    >>> pairs = [AliasPair("Petro", "Person", "Gustavo Petro", "Person", True),
    ...          AliasPair("Trump", "Person", "Gustavo Petro", "Person", False)]
    >>> s = score_pairs(pairs)
    >>> s.precision, s.recall
    (1.0, 1.0)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import RDF
from rdflib.term import Node

from graphkit.errors import InputError
from graphkit.graph import results_dataset
from graphkit.merge import merge_graph_sets
from graphkit.merge.terms import to_graphs
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.vocab import article_iri

DEFAULT_PAIRS = Path("data") / "gold" / "alias_pairs.jsonl"  # run from a checkout of the repository


@dataclass(frozen=True)
class AliasPair:
    a: str
    a_type: str
    b: str
    b_type: str
    same: bool


@dataclass
class AliasScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def summary(self) -> str:
        lines = [
            f"alias pairs: precision {self.precision:.3f}, recall {self.recall:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"
        ]
        return "\n".join(lines + [f"  {w}" for w in self.wrong])


def load_pairs(path: Path = DEFAULT_PAIRS) -> list[AliasPair]:
    """Read a JSON-lines file of labelled pairs (keys a, a_type, b, b_type, same)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [AliasPair(r["a"], r["a_type"], r["b"], r["b_type"], bool(r["same"])) for r in rows]
    except (OSError, ValueError, KeyError) as err:
        msg = (
            f"cannot read alias pairs from '{path}': {err}; "
            "each line needs a, a_type, b, b_type and same"
        )
        raise InputError(msg) from err


def resolve_names(names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Node]:
    """(name, type) -> the IRI it ends on when each name is alone in its own article."""
    results = []
    for number, (name, kind) in enumerate(names):
        text = f"{number}: {name}"
        art = Article.from_text(text, source=f"name-{number}.txt")
        entity = Entity(kind, name)
        # a relation to a marker of its own, so the name takes part in a fact (as in articles)
        marker = Entity("Place", f"marker {number:06d}")
        ev = Evidence(art.id, text, 0, len(text), "in", 1.0)
        results.append(ArticleResult(art, (entity,), (Relation(entity, "locatedIn", marker, ev),)))
    graphs, _ = merge_graph_sets([to_graphs(results_dataset(results))])
    found: dict[tuple[str, str], Node] = {}
    for result, key in zip(results, names, strict=True):
        graph = article_iri(result.article.id)
        subjects = sorted((o for _, p, o in graphs[graph] if p == RDF.subject), key=str)
        found[key] = subjects[0] if subjects else graph
    return found


def score_pairs(pairs: Sequence[AliasPair]) -> AliasScores:
    """Precision and recall of merged pairs."""
    names = sorted({(p.a, p.a_type) for p in pairs} | {(p.b, p.b_type) for p in pairs})
    iri = resolve_names(names)
    scores = AliasScores()
    for p in pairs:
        merged = iri[(p.a, p.a_type)] == iri[(p.b, p.b_type)]
        if merged and p.same:
            scores.tp += 1
        elif merged:
            scores.fp += 1
            scores.wrong.append(f"merged but different: {p.a!r} / {p.b!r}")
        elif p.same:
            scores.fn += 1
            scores.wrong.append(f"not merged: {p.a!r} / {p.b!r}")
        else:
            scores.tn += 1
    return scores


def main(argv: Sequence[str] = ()) -> int:
    path = Path(argv[0]) if argv else DEFAULT_PAIRS
    print(score_pairs(load_pairs(path)).summary())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
