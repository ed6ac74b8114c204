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
* **write**: the time of one article's write (a synthetic article, with its resolution, as a
  build writes it), the figures carried forward by the write, and without (the same kind of
  articles, counting switched off); the kept figures are checked against a full count after.

Before stores kept their figures, one run on a 2-core machine shared with other work (load
15-21; an earlier run under heavier load gave 0.53 / 10.28 s for the whole-store reads):

| store (articles) | whole store (s) | per input, 100 inputs (s) | ms per input | counts (s) |
|---:|---:|---:|---:|---:|
| 1,000 | 0.33 | 0.060 | 0.60 | 0.36 |
| 10,000 | 1.48 | 0.028 | 0.28 | 1.26 |

With kept figures, one run (``--writes 20``, load 12-15):

| store | whole (s) | inputs (s) | ms/input | full count (s) | kept (s) | write ms | uncounted |
|---:|---:|---:|---:|---:|---:|---:|---:|
| 1,000 | 0.51 | 0.074 | 0.74 | 0.34 | 0.0004 | 242 | 187 |
| 10,000 | 4.80 | 0.075 | 0.75 | 1.74 | 0.0005 | 209 | 127 |

The closing figures no longer grow with the store; each write pays for them instead (55-80
ms an article here, the same at both sizes: about one full count of a 10,000-article store
per 20 articles written).
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
from graphkit.store.counts import Scope, kept_counts, store_counts
from graphkit.vocab import article_iri


def _writes(st: Any, first: int, count: int) -> float:
    """Seconds per article to write synthetic articles ``first`` to ``first + count``."""
    began = time.perf_counter()
    for number in range(first, first + count):
        st.apply(add_article(st.ox, _graphs(number)))
    return (time.perf_counter() - began) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--writes", type=int, default=20, help="articles written each way")
    args = parser.parse_args()
    print(
        "| store (articles) | whole store: hashes + sources (s) | "
        f"per input, {args.new} inputs (s) | ms per input | closing counts: full (s) | "
        "closing counts: kept (s) | write, figures kept (ms) | write, not kept (ms) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
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
            began = time.perf_counter()
            full = store_counts(st.ox)
            counts = time.perf_counter() - began
            began = time.perf_counter()
            kept = kept_counts(st)
            read = time.perf_counter() - began
            assert kept == full, (kept, full)
            counted = Scope.counted
            Scope.counted = lambda self, update: update  # type: ignore[method-assign]
            try:
                plain_write = _writes(st, size + args.writes, args.writes)
            finally:
                Scope.counted = counted  # type: ignore[method-assign]
            print(
                f"| {size:,} | {whole:.2f} | {per_input:.3f} | "
                f"{per_input / len(inputs) * 1000:.2f} | {counts:.2f} | {read:.4f} | "
                f"{kept_write * 1000:.1f} | {plain_write * 1000:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
