"""How long ``graphkit analyze`` takes on a large synthetic actor graph.

Builds an actor graph of the shape :func:`graphkit.analyze.actor_graph` returns (default
50,000 actors and 500,000 relations, hubs drawn from a Zipf-like law as in news data), times
each stage of the report and the whole report, and prints each time as a ratio against a
baseline measured in the same run: plain ``dict(G.degree())`` on the same graph. A second
part times the RDF -> actor graph projection on rdflib's memory store and on the Oxigraph
store, against a baseline of one full scan of the quads.

Run: ``python benchmarks/bench_analyze.py [--nodes N] [--edges M] [--rdf-relations R]``
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
from rdflib import Dataset

from graphkit.analyze import (
    actor_graph,
    analyze,
    balance,
    brokers,
    centrality,
    communities,
    components,
    pair_summaries,
    signed_graph,
    weighted_graph,
)
from graphkit.analyze.render import report_markdown
from graphkit.graph import results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.vocab import ID_BASE, relations

TYPES = ("Person", "Country", "Organization", "Place")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _zipf_nodes(rng: random.Random, n: int, count: int) -> list[int]:
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n)]
    return rng.choices(range(n), weights=weights, k=count)


def synthetic_actor_graph(n: int, m: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """An actor graph with ``n`` actors and about ``m`` relations (one evidence each)."""
    rng = random.Random(seed)
    rels = [r for r in relations() if r.is_event]
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(
            f"{ID_BASE}person/a{i}", label=f"Actor {i}", type=TYPES[i % 4], aliases=[], iso3=""
        )
    nodes = list(G)
    subjects, objects = _zipf_nodes(rng, n, m), _zipf_nodes(rng, n, m)
    for s, o in zip(subjects, objects, strict=True):
        if s == o:
            o = (o + 1) % n
        info = rng.choice(rels)
        date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = f"{ID_BASE}article/x{rng.randrange(m // 5 + 1)}"
        evidence = [
            {
                "sentence": "s",
                "article": article,
                "title": "t",
                "date": date,
                "source": "",
                "cue": info.name,
                "confidence": 0.8,
                "event_date": "",
                "modality": "asserted",
            }
        ]
        G.add_edge(
            nodes[s],
            nodes[o],
            key=info.name,
            predicate=info.name,
            plover=info.plover,
            quad=info.quad,
            score=info.score,
            symmetric=info.symmetric,
            static=False,
            sources=1,
            confidence=0.8,
            first_date=date,
            last_date=date,
            evidence=evidence,
        )
    return G


def synthetic_dataset(r: int, *, seed: int = 0) -> Dataset:
    """A dataset of ``r`` relations among ``r // 5`` actors, ten relations per article."""
    rng = random.Random(seed)
    rels = [x.name for x in relations() if x.is_event]
    people = [Entity("Person", f"Actor {i}", (f"A{i}",)) for i in range(max(r // 5, 2))]
    results = []
    for a in range(max(r // 10, 1)):
        art = Article.from_text(
            f"article {a}", source=f"a{a}.txt", title=f"Article {a}", date="2025-01-01"
        )
        rows = []
        for j in range(10):
            s, o = rng.sample(people, 2)
            ev = Evidence(art.id, f"sentence {j}", j, j + 1, "cue", 0.9)
            rows.append(Relation(s, rng.choice(rels), o, ev))
        results.append(ArticleResult(art, (), tuple(rows)))
    return results_dataset(results)


def bench_metrics(n: int, m: int) -> None:
    build, G = timed(lambda: synthetic_actor_graph(n, m))
    print(
        f"actor graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges (built in "
        f"{build:.1f} s)"
    )
    base = min(timed(lambda: dict(G.degree()))[0] for _ in range(3))
    print(f"baseline dict(G.degree()), best of 3: {base:.3f} s")
    W = weighted_graph(G)
    S = signed_graph(G)
    membership = communities(S)
    stages: list[tuple[str, Callable[[], Any]]] = [
        ("weighted_graph", lambda: weighted_graph(G)),
        ("signed_graph", lambda: signed_graph(G)),
        ("centrality (sampled betweenness + PageRank)", lambda: centrality(W)),
        ("communities (Louvain, cooperation subgraph)", lambda: communities(S)),
        ("brokers", lambda: brokers(S, membership)),
        ("balance (triangles)", lambda: balance(S)),
        ("pair_summaries", lambda: pair_summaries(G)),
        ("components", lambda: components(G)),
    ]
    for name, fn in stages:
        seconds, _ = timed(fn)
        print(f"  {name:45s} {seconds:7.2f} s  = {seconds / base:8.0f} x baseline")
    seconds, report = timed(lambda: analyze(G))
    report_markdown(report)
    print(f"  {'analyze (whole report)':45s} {seconds:7.2f} s  = {seconds / base:8.0f} x baseline")
    print(f"  betweenness: {report['settings']['betweenness']}")


def bench_rdf(r: int) -> None:
    ds = synthetic_dataset(r)
    ox = Dataset(store="Oxigraph", default_union=True)
    ox.parse(data=ds.serialize(format="nquads"), format="ox-nquads")
    for name, source in (("memory", ds), ("oxigraph", ox)):
        base, count = timed(lambda src=source: sum(1 for _ in src.quads((None, None, None, None))))
        seconds, G = timed(lambda src=source: actor_graph(src))
        print(
            f"RDF {name:8s}: {count:,} quads, scan {base:.2f} s; actor_graph {seconds:.2f} s "
            f"= {seconds / base:.1f} x scan ({G.number_of_edges():,} edges)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=500_000)
    parser.add_argument("--rdf-relations", type=int, default=20_000)
    args = parser.parse_args()
    bench_metrics(args.nodes, args.edges)
    bench_rdf(args.rdf_relations)


if __name__ == "__main__":
    main()
