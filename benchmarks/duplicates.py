"""Entities of a store that look like one actor: same type and a matching normalized name.

Usage: python benchmarks/duplicates.py STORE

A pair is reported when both entities have the same type and their labels (any of them) are
equal once normalized (accents, case, dots), one is the surname or short form of the other
(people: the last words of the other's label, or its first two), or they are spelling variants
(:func:`graphkit.merge.variants.variant`). Prints the entity count, then each pair.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from graphkit.lexicon import norm
from graphkit.merge.names import name_tokens
from graphkit.store import open_store

QUERY = """SELECT ?e ?t ?l WHERE { ?e a ?t ; rdfs:label ?l .
  VALUES ?t { gk:Person gk:Country gk:Organization gk:Place } }"""


def entities(store: Path) -> dict[tuple[str, str], set[str]]:
    """(IRI, type) -> labels of every typed entity, over the union of the store's graphs."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    with open_store(store, read_only=True) as st:
        for row in st.query(QUERY).rows:
            found[(row[0].value, row[1].value.rsplit("#", 1)[-1])].add(row[2].value)
    return found


def _match(a: str, b: str, kind: str) -> bool:
    try:
        from graphkit.merge.variants import variant
    except ImportError:  # older versions
        variant = None  # type: ignore[assignment]
    if norm(a) == norm(b):
        return True
    wa, wb = name_tokens(a), name_tokens(b)
    if kind == "Person" and wa and wb and wa != wb:
        short, full = sorted((wa, wb), key=len)
        if len(short) < len(full) and full[-len(short) :] == short:
            return True
        if 1 < len(short) < len(full) and full[: len(short)] == short:
            return True
    return bool(variant and variant(a, b))


def duplicate_pairs(found: dict[tuple[str, str], set[str]]) -> list[tuple[str, str, str]]:
    """(type, IRI, IRI) of the pairs that look like one actor, sorted."""
    by_type: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (iri, kind), labels in found.items():
        by_type[kind].append((iri, labels))
    pairs = []
    for kind, items in by_type.items():
        items.sort()
        for i, (a, la) in enumerate(items):
            for b, lb in items[i + 1 :]:
                if any(_match(x, y, kind) for x in la for y in lb):
                    pairs.append((kind, a, b))
    return sorted(pairs)


def main() -> None:
    found = entities(Path(sys.argv[1]))
    iris = {iri for iri, _ in found}
    pairs = duplicate_pairs(found)
    labels: dict[str, set[str]] = defaultdict(set)
    for (iri, _), names in found.items():
        labels[iri] |= names
    several = sum(1 for names in labels.values() if len(names) > 1)
    print(
        f"{len(iris)} entities, {several} with more than one rdfs:label, "
        f"{len(pairs)} same-type pairs with matching names"
    )
    for kind, a, b in pairs:
        print(f"  {kind}: {sorted(found[(a, kind)])} ~ {sorted(found[(b, kind)])}")


if __name__ == "__main__":
    main()
