"""Incremental entity resolution: the cost of adding 100 articles to stores of growing size.

Usage: python benchmarks/bench_resolve.py [--sizes 1000 10000] [--new 100]

Synthetic article graphs (no spaCy): each article names two people (one of them also by
surname only, as articles do), a country and an organization, with three relations. Names are
drawn from pools that grow with the store, so a bigger store also knows more entities. For
each size n, a store of n articles is built one transaction per article (as ``graphkit build``
writes), then 100 new articles are added and timed. The ratio of the per-article time at each
size to the smallest size is printed: flat means the cost does not grow with the store.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from graphkit.graph import article_dataset
from graphkit.merge.resolver import add_article
from graphkit.merge.terms import to_graphs
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.store import open_store

COUNTRIES = [
    "France",
    "Germany",
    "Brazil",
    "Kenya",
    "Japan",
    "India",
    "Chile",
    "Egypt",
    "Peru",
    "Iran",
]


def synthetic(number: int, pool: int, rng: random.Random) -> ArticleResult:
    """One synthetic article result (deterministic for the generator's state)."""
    text = f"Article {number}."
    art = Article.from_text(text, source=f"synthetic-{number}.txt")
    a, b = rng.sample(range(pool), 2)
    first = Entity("Person", f"Given{a % 97} Family{a}")
    short = Entity("Person", f"Family{a}")
    other = Entity("Person", f"Given{b % 89} Family{b}")
    country = Entity("Country", rng.choice(COUNTRIES))
    org = Entity("Organization", f"Agency {rng.randrange(pool // 4 + 1)}")
    ev = Evidence(art.id, text, 0, len(text), "met", 0.9)
    rels = (
        Relation(first, "metWith", other, ev),
        Relation(short, "visited", country, Evidence(art.id, text, 1, 5, "visited", 0.9)),
        Relation(org, "criticized", other, Evidence(art.id, text, 2, 6, "criticized", 0.8)),
    )
    return ArticleResult(art, (first, short, other, country, org), rels)


def run(size: int, new: int, folder: Path) -> tuple[float, float]:
    """(seconds to build the store, seconds per article for the ``new`` articles)."""
    rng = random.Random(size)
    pool = max(50, size // 2)
    began = time.perf_counter()
    with open_store(folder / f"store-{size}", publish_every=3600) as st:
        for i in range(size):
            st.apply(add_article(st.ox, to_graphs(article_dataset(synthetic(i, pool, rng)))))
        built = time.perf_counter() - began
        extra = [to_graphs(article_dataset(synthetic(size + i, pool, rng))) for i in range(new)]
        began = time.perf_counter()
        for graphs in extra:
            st.apply(add_article(st.ox, graphs))
        per = (time.perf_counter() - began) / new
    return built, per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--new", type=int, default=100)
    args = parser.parse_args()
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            built, per = run(size, args.new, Path(tmp))
            base = base or per
            print(
                f"store of {size:>7,} articles (built in {built:7.1f} s): {args.new} new articles "
                f"at {per * 1000:6.1f} ms each; ratio to the smallest store {per / base:.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
