"""A build's one-time look-ups in stores of growing size: the whole store, or its inputs only.

Usage: python benchmarks/bench_build_lookups.py [--sizes 1000 10000] [--new 100]

For each size n, the synthetic store of :mod:`bench_resolve` is generated (no spaCy), then
what a build of ``--new`` inputs asks the store before it writes is timed both ways:

* **whole store**: every article's hash and source (``article_hashes``, ``article_sources``),
  as a build read them to skip unchanged inputs and replace edited ones;
* **per input**: for each input its article by IRI (``article_hash``) and the articles with
  its source (``articles_with_source``), each one look-up bound by the store's index; half
  the inputs are articles the store holds, half are new (the least time of three runs);
* **closing counts**: what a build prints at its end, counted over the whole store
  (:func:`graphkit.store.counts.store_counts`, what every build ran before stores kept their
  figures) and read from the figures the store keeps (:func:`graphkit.store.counts.kept_counts`);
* **write**: the CPU time of one article's write (a synthetic article, with its resolution,
  as a build writes it; the median of ``--writes``), the figures carried forward by the write,
  and without (the same kind of articles, counting switched off); the kept figures are
  checked against a full count after. The last column is what carrying the figures costs a
  write, in articles of full count: the ratio behind
  :data:`graphkit.store.counts.CARRY_RATIO`.

Before stores kept their figures, one run on a 2-core machine shared with other work (load
15-21; an earlier run under heavier load gave 0.53 / 10.28 s for the whole-store reads):

| store (articles) | whole store (s) | per input, 100 inputs (s) | ms per input | counts (s) |
|---:|---:|---:|---:|---:|
| 1,000 | 0.33 | 0.060 | 0.60 | 0.36 |
| 10,000 | 1.48 | 0.028 | 0.28 | 1.26 |

With kept figures, a write's scope counted before it by index look-ups, one run
(``--writes 30``, load 8-9; times of the writes and the full count in CPU):

| store | whole (s) | inputs (s) | ms/input | full (CPU s) | kept (s) | write | bare | ratio |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| 1,000 | 0.51 | 0.058 | 0.58 | 0.04 | 0.0003 | 10.2 | 6.1 | 94 |
| 10,000 | 2.00 | 0.041 | 0.41 | 0.41 | 0.0005 | 12.9 | 6.9 | 146 |

Carrying the figures costs a write 4-6 ms CPU (it was 12-15 ms when each write counted its
scope before itself by query; 55-80 ms wall under heavier load in the first measure): the
full count of 94-146 articles. So a build carries them only into a store of at least 150
articles an input, and otherwise counts once at its end.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_resolve import _graphs, generate

from graphkit.merge.resolver import add_article
from graphkit.records import Article
from graphkit.store import open_store
from graphkit.store.counts import kept_counts, store_counts
from graphkit.store.scope import Scope
from graphkit.vocab import article_iri


def _writes(st: Any, first: int, count: int) -> float:
    """CPU seconds per article to write synthetic articles ``first`` to ``first + count``
    (the median article; planning the resolution step left out, as it is the same both ways)."""
    spent = []
    for number in range(first, first + count):
        plan = add_article(st.ox, _graphs(number))
        began = time.process_time()
        st.apply(plan)
        spent.append(time.process_time() - began)
    return sorted(spent)[len(spent) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--writes", type=int, default=20, help="articles written each way")
    args = parser.parse_args()
    print(
        "| store (articles) | whole store: hashes + sources (s) | "
        f"per input, {args.new} inputs (s) | ms per input | closing counts: full (CPU s) | "
        "closing counts: kept (s) | write, figures kept (CPU ms) | write, not kept (CPU ms) | "
        "figures of one write in articles of full count |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sorted(args.sizes):
        with (
            tempfile.TemporaryDirectory() as tmp,
            open_store(Path(tmp) / "store", publish_every=3600) as st,
        ):
            generate(st, size, Path(tmp))
            hashes = st.article_hashes()
            sources = st.article_sources()
            held = sorted(hashes)[: args.new // 2]
            fresh = [
                Article.from_text(f"A new article {i}.", source=f"new-{i}.txt")
                for i in range(args.new - len(held))
            ]
            inputs = [(iri, sources[iri]) for iri in held]
            inputs += [(str(article_iri(a.id)), a.source) for a in fresh]
            began = time.perf_counter()
            st.article_hashes()
            st.article_sources()
            whole = time.perf_counter() - began
            times = []
            for _ in range(3):  # the least of three: the first also warms the store's caches
                began = time.perf_counter()
                found = 0
                for iri, source in inputs:
                    found += st.article_hash(iri) is not None
                    found += len(st.articles_with_source(source))
                times.append(time.perf_counter() - began)
                assert found == 2 * len(held), found
            per_input = min(times)
            kept_write = _writes(st, size, args.writes)
            began = time.process_time()
            full = store_counts(st.ox)
            counts = time.process_time() - began
            began = time.perf_counter()
            kept = kept_counts(st)
            read = time.perf_counter() - began
            assert kept == full, (kept, full)
            counted = Scope.counted
            Scope.counted = lambda self, update, store=None: update  # type: ignore[method-assign]
            try:
                plain_write = _writes(st, size + args.writes, args.writes)
            finally:
                Scope.counted = counted  # type: ignore[method-assign]
            ratio = (kept_write - plain_write) / (counts / full["articles"])
            print(
                f"| {size:,} | {whole:.2f} | {per_input:.3f} | "
                f"{per_input / len(inputs) * 1000:.2f} | {counts:.2f} | {read:.4f} | "
                f"{kept_write * 1000:.1f} | {plain_write * 1000:.1f} | {ratio:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
