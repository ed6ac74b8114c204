"""Synthetic actor graphs of any size, shaped like :func:`graphkit.analyze.actor_graph`'s.

For tests, benchmarks and demos of big maps: actors attach preferentially (a few hubs, many
small actors, as in news), relations are drawn from the vocabulary, each with evidence.

Examples:
    >>> g = synthetic_actor_graph(50, seed=1)
    >>> g.number_of_nodes(), g.number_of_edges() >= 100
    (50, True)
    >>> sorted(next(iter(g.edges(data=True)))[2])[:4]
    ['confidence', 'evidence', 'first_date', 'last_date']
"""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx

from graphkit.records import ENTITY_TYPES, slugify
from graphkit.vocab import ID_BASE, relations


def _skeleton(n: int, m: int, rng: random.Random, *, block: int = 60) -> nx.Graph:
    """Blocks of about ``block`` actors, each grown by preferential attachment (a few hubs),
    joined by about one relation in twenty: news graphs have regional clusters and hubs."""
    graph = nx.empty_graph(n)
    for first in range(0, n, block):
        size = min(block, n - first)
        if size < 2:
            continue
        part = nx.barabasi_albert_graph(size, min(m, size - 1), seed=rng.randrange(2**31))
        graph.add_edges_from((first + u, first + v) for u, v in part.edges())
    blocks = (n + block - 1) // block
    for u, v in list(graph.edges()):
        if blocks > 1 and rng.random() < 0.05:
            graph.remove_edge(u, v)
            graph.add_edge(u, rng.randrange(n))
    graph.remove_edges_from(nx.selfloop_edges(graph))
    return graph


def synthetic_actor_graph(n: int, *, edges_per_node: int = 3, seed: int = 0) -> nx.MultiDiGraph:
    """A random actor graph with ``n`` actors and about ``edges_per_node * n`` relations."""
    rng = random.Random(seed)
    skeleton = _skeleton(n, edges_per_node, rng)
    graph = nx.MultiDiGraph()
    iris = []
    for i in range(n):
        kind = ENTITY_TYPES[0 if i % 7 < 3 else 1 if i % 7 < 5 else 2 if i % 7 < 6 else 3]
        label = f"{kind} {i}"
        iri = f"{ID_BASE}{kind.lower()}/{slugify(label)}"
        iris.append(iri)
        graph.add_node(iri, label=label, type=kind, aliases=[f"A{i}", f"{kind[0]}-{i}"], iso3="")
    table = relations()
    start = dt.date(2025, 1, 1)
    for u, v in skeleton.edges():
        info = rng.choice(table)
        s, o = (iris[u], iris[v]) if rng.random() < 0.5 else (iris[v], iris[u])
        sources = rng.choice((1, 1, 1, 2, 3, 5))
        days = sorted(rng.randrange(365) for _ in range(sources))
        evidence = [
            {
                "sentence": (
                    f"{graph.nodes[s]['label']} {info.label} {graph.nodes[o]['label']} ({k})."
                ),
                "article": f"{ID_BASE}article/a{u}-{v}-{k}",
                "title": f"Report {u}-{v} number {k}",
                "date": (start + dt.timedelta(days=day)).isoformat(),
                "source": f"articles/{u}-{v}-{k}.txt",
                "cue": info.label.split()[0],
                "confidence": 0.7,
                "event_date": "",
                "modality": "asserted",
            }
            for k, day in enumerate(days)
        ]
        graph.add_edge(
            s,
            o,
            key=info.name,
            predicate=info.name,
            plover=info.plover,
            quad=info.quad if info.is_event else "",
            score=info.score if info.is_event else 0.0,
            symmetric=info.symmetric,
            static=not info.is_event,
            sources=sources,
            confidence=0.7,
            first_date=evidence[0]["date"],
            last_date=evidence[-1]["date"],
            evidence=evidence,
        )
    return graph
