"""How merging grows with the number of articles: 1k, 2k, 5k and 10k synthetic article graphs.

Each article names a handful of actors drawn from pools that grow with the corpus (people by
full name, by surname or with a title, countries by name, demonym or capital, organizations
by acronym), with relations and evidence as the extractor writes them. The inputs are
Datasets of 500 articles each (as if read from files); the timed part is the whole merge with
resolution. Every size runs in a fresh process so peak memory (``ru_maxrss``, which includes
the inputs held in rdflib's memory store) is its own. Figures are printed as articles per
CPU second and as a ratio of CPU time per article against the smallest run of the same
invocation: a ratio near 1.0 at every size means linear growth.

Run: ``python benchmarks/bench_merge.py [SIZES...]`` (default 1000 2000 5000 10000).
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time

BATCH = 500
FIRST = ["Ana", "Luis", "Maria", "Jorge", "Sofia", "Pedro", "Elena", "Omar", "Yuki", "Ivan"]
COUNTRIES = [
    "Colombia", "Colombian", "Bogotá", "United States", "U.S.", "Washington", "Britain",
    "United Kingdom", "Russia", "Moscow", "Iran", "Tehran", "Israel", "France", "Germany",
]  # fmt: skip
ORGS = [
    "NATO",
    "North Atlantic Treaty Organization",
    "United Nations",
    "U.N.",
    "CELAC",
    "OPCW",
    "Gulf Clan",
]
PREDICATES = [
    "metWith",
    "threatened",
    "criticized",
    "sanctioned",
    "praised",
    "requested",
    "leaderOf",
]


def synthetic(count: int, *, seed: int = 7) -> list:  # list[Dataset]
    """``count`` article graphs, grouped in Datasets of BATCH articles."""
    from graphkit.graph import results_dataset
    from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation

    rng = random.Random(seed)
    people = max(20, count // 5)
    surnames = [f"Surname{n}" for n in range(people)]
    results = []
    for number in range(count):
        art = Article(id=f"bench-{number:06d}", text=f"article {number}", source=f"a{number}.txt",
                      date="2025-01-27", hash=f"h{number}")  # fmt: skip
        ents = []
        for _ in range(rng.randint(2, 4)):
            k = rng.randrange(people)
            full = f"{FIRST[k % len(FIRST)]} {surnames[k]}"
            name = rng.choice([full, full, surnames[k], f"President {full}"])
            ents.append(Entity("Person", name))
        ents.append(Entity("Country", rng.choice(COUNTRIES)))
        ents.append(Entity("Organization", rng.choice(ORGS)))
        ents = list(dict.fromkeys(ents))
        rels = []
        for i in range(rng.randint(2, 5)):
            s, o = rng.sample(ents, 2)
            ev = Evidence(art.id, f"sentence {i} of article {number}", i * 40, i * 40 + 30,
                          "cue", 0.8, rng.choice(["asserted", "asserted", "negated"]))  # fmt: skip
            rels.append(Relation(s, rng.choice(PREDICATES), o, ev))
        results.append(ArticleResult(art, tuple(ents), tuple(rels)))
    return [results_dataset(results[i : i + BATCH]) for i in range(0, count, BATCH)]


def run_one(count: int) -> dict[str, float]:
    """Merge ``count`` synthetic articles in this process; returns the figures."""
    from graphkit.merge import merge

    inputs = synthetic(count)
    quads = sum(len(ds) for ds in inputs)
    began, cpu = time.perf_counter(), time.process_time()
    merged, report = merge(inputs)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    assert report.resolution is not None
    return {
        "articles": count,
        "quads_in": quads,
        "quads_out": sum(1 for _ in merged.store.ox),  # type: ignore[attr-defined]
        "seconds": seconds,
        "cpu": cpu,
        "merged_names": len(report.resolution.merges),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(sizes: list[int]) -> None:
    rows = []
    for count in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(count)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = rows[0]["cpu"] / rows[0]["articles"]
    print(f"{'articles':>9} {'quads in':>9} {'wall s':>7} {'cpu s':>7} {'art/s cpu':>9} "
          f"{'ratio':>6} {'peak MB':>8} {'merged':>7}")
    for r in rows:
        per = r["cpu"] / r["articles"]
        print(
            f"{r['articles']:>9} {r['quads_in']:>9} {r['seconds']:>7.1f} {r['cpu']:>7.1f} "
            f"{r['articles'] / r['cpu']:>9.0f} {per / base:>6.2f} {r['peak_mb']:>8.0f} "
            f"{r['merged_names']:>7}"
        )
    print(
        f"ratio = CPU time per article / CPU time per article at {rows[0]['articles']} (1.00 = "
        f"linear; "
        "CPU time, as the wall clock moves with other load); peak MB includes the input Datasets"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 2000, 5000, 10000])
