"""Metrics over the projections; every function returns plain dicts, networkx style.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph, weighted_graph
    >>> W = weighted_graph(actor_graph(example_dataset()))
    >>> c = centrality(W)
    >>> c["https://w3id.org/graphkit/id/person/donald-trump"]["in_strength"]
    2
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import Any

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import connected_components

from graphkit.analyze.brandes import adjacency, betweenness_sparse

APPROX_ABOVE = 2000
"""Betweenness is exact up to this many nodes and estimated from sampled sources above it."""
BETWEENNESS_SAMPLES = 64
"""Number of sampled source nodes for the betweenness estimate on large graphs."""


def betweenness_samples(
    n: int, *, approx_above: int = APPROX_ABOVE, k: int = BETWEENNESS_SAMPLES
) -> int | None:
    """How many sampled sources betweenness uses on a graph of ``n`` nodes (None = exact).

    Examples:
        >>> betweenness_samples(100), betweenness_samples(50_000)
        (None, 64)
    """
    return None if n <= approx_above else min(k, n)


def betweenness(
    W: nx.Graph, *, approx_above: int = APPROX_ABOVE, k: int = BETWEENNESS_SAMPLES, seed: int = 0
) -> dict[str, float]:
    """Normalized betweenness centrality on the undirected, unweighted view of ``W``.

    Exact up to ``approx_above`` nodes; above, estimated from ``k`` source nodes sampled with
    ``seed`` (the same seed gives the same figures). Values match
    :func:`networkx.betweenness_centrality`; see :mod:`graphkit.analyze.brandes`.

    Examples:
        >>> betweenness(nx.path_graph(["a", "b", "c"]))
        {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    samples = betweenness_samples(W.number_of_nodes(), approx_above=approx_above, k=k)
    return betweenness_sparse(W, k=samples, seed=seed)


def strength(W: nx.DiGraph, *, direction: str = "out", weight: str = "weight") -> dict[str, float]:
    """Weighted degree: the summed ``weight`` of a node's outgoing (``"out"``) or incoming edges.

    Examples:
        >>> W = nx.DiGraph([("a", "b", {"weight": 2}), ("c", "b", {"weight": 3})])
        >>> strength(W, direction="in")
        {'a': 0, 'b': 5, 'c': 0}
    """
    degrees = W.in_degree(weight=weight) if direction == "in" else W.out_degree(weight=weight)
    return dict(degrees)


def centrality(
    W: nx.DiGraph, *, approx_above: int = APPROX_ABOVE, k: int = BETWEENNESS_SAMPLES, seed: int = 0
) -> dict[str, dict[str, float]]:
    """Per actor: ``degree`` (distinct partners), ``in_strength``, ``out_strength``,
    ``betweenness`` and ``pagerank`` (on the weighted directed graph).

    Args:
        W: a weighted actor graph (:func:`graphkit.analyze.projections.weighted_graph`).
        approx_above, k, seed: see :func:`betweenness`.

    Examples:
        >>> W = nx.DiGraph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1})])
        >>> centrality(W)["b"]["betweenness"], centrality(W)["b"]["degree"]
        (1.0, 2)
    """
    between = betweenness(W, approx_above=approx_above, k=k, seed=seed)
    rank = nx.pagerank(W, weight="weight") if W.number_of_nodes() else {}
    ins, outs = strength(W, direction="in"), strength(W, direction="out")
    return {
        n: {
            "degree": len(set(W.succ[n]) | set(W.pred[n]) - {n}),
            "in_strength": ins[n],
            "out_strength": outs[n],
            "betweenness": between[n],
            "pagerank": rank[n],
        }
        for n in W
    }


def cooperation_subgraph(S: nx.Graph) -> nx.Graph:
    """The pairs of a signed graph whose net score is positive (a new graph, weight = score).

    Examples:
        >>> S = nx.Graph([("a", "b", {"score": 2.0}), ("b", "c", {"score": -1.0})])
        >>> list(cooperation_subgraph(S).edges(data="weight"))
        [('a', 'b', 2.0)]
    """
    C = nx.Graph()
    C.add_edges_from(
        (u, v, {"weight": d["score"]}) for u, v, d in S.edges(data=True) if d["score"] > 0
    )
    return C


def communities(S: nx.Graph, *, seed: int = 0, resolution: float = 1.0) -> dict[str, int]:
    """Louvain communities of the cooperation subgraph of a signed graph, seeded.

    Only actors with at least one cooperative tie get a community. Communities are numbered
    from 0 by decreasing size (ties broken by their smallest member).

    Examples:
        >>> S = nx.Graph([("a", "b", {"score": 3.0}), ("c", "d", {"score": 3.0}),
        ...               ("b", "c", {"score": -5.0})])
        >>> communities(S)
        {'a': 0, 'b': 0, 'c': 1, 'd': 1}
    """
    C = cooperation_subgraph(S)
    if C.number_of_edges() == 0:
        return {}
    found = nx.community.louvain_communities(C, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {n: i for i, members in enumerate(ordered) for n in sorted(members)}


def brokers(
    S: nx.Graph,
    membership: dict[str, int],
    *,
    approx_above: int = APPROX_ABOVE,
    k: int = BETWEENNESS_SAMPLES,
    seed: int = 0,
) -> dict[str, float]:
    """Actors whose cooperative ties reach into at least two communities, by betweenness.

    Brokerage is read on the cooperation subgraph (positive net scores): a mediator links
    blocs through cooperation, whereas a conflict tie between two blocs is no bridge.

    Args:
        S: a signed graph (:func:`graphkit.analyze.projections.signed_graph`).
        membership: node -> community, from :func:`communities`.
        approx_above, k, seed: see :func:`betweenness`.

    Returns:
        Broker -> betweenness in the cooperation subgraph, highest first; actors with zero
        betweenness are left out.

    Examples:
        >>> S = nx.Graph([("a", "x", {"score": 1.0}), ("x", "b", {"score": 1.0})])
        >>> brokers(S, {"a": 0, "b": 1, "x": 0})
        {'x': 1.0}
    """
    C = cooperation_subgraph(S)
    between = betweenness(C, approx_above=approx_above, k=k, seed=seed)
    found: dict[str, float] = {}
    for n in C:
        reached = {membership[m] for m in C.neighbors(n) if m in membership}
        reached |= {membership[n]} if n in membership else set()
        if len(reached) >= 2 and between.get(n, 0.0) > 0:
            found[n] = between[n]
    return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))


def _triangles(S: nx.Graph) -> Iterator[tuple[str, str, str]]:
    """Every triangle once, each listed in a fixed order (low-degree nodes first).

    Orienting each edge from its lower- to its higher-degree end keeps the sets small even
    around hubs (the usual O(m^1.5) triangle listing).
    """
    order = {n: i for i, n in enumerate(sorted(S, key=lambda n: (S.degree(n), n)))}
    higher = {n: {m for m in S[n] if order[m] > order[n]} for n in S}
    for u, ups in higher.items():
        for v in ups:
            for w in ups & higher[v]:
                yield u, v, w


def balance(S: nx.Graph, *, top: int = 5) -> dict[str, Any]:
    """Structural balance of a signed graph: the share of balanced triangles.

    A triangle of actors tied by non-zero net scores is balanced when the product of its
    three signs is positive ("the friend of my friend is my friend", "the enemy of my enemy
    is my friend"). The most unbalanced triads are the unbalanced ones whose weakest tie is
    strongest (firmly held, not a near-zero score).

    Returns:
        ``triangles``, ``balanced``, ``unbalanced``, ``share_balanced`` (None without any
        triangle) and ``most_unbalanced``: up to ``top`` dicts with ``actors`` (three IRIs)
        and ``scores`` (the net scores of the ties a-b, b-c, a-c).

    Examples:
        >>> S = nx.Graph()
        >>> S.add_edges_from([("a", "b", {"score": 2.0}), ("b", "c", {"score": 2.0}),
        ...                   ("a", "c", {"score": -3.0})])
        >>> result = balance(S)
        >>> result["share_balanced"], result["most_unbalanced"][0]["actors"]
        (0.0, ['a', 'b', 'c'])
    """
    signed = nx.Graph()
    signed.add_edges_from((u, v, d) for u, v, d in S.edges(data=True) if d["score"] != 0)
    counts = {"balanced": 0, "unbalanced": 0}

    def unbalanced() -> Iterator[tuple[float, list[str], list[float]]]:
        for triangle in _triangles(signed):
            a, b, c = sorted(triangle)
            scores = [signed[a][b]["score"], signed[b][c]["score"], signed[a][c]["score"]]
            if scores[0] * scores[1] * scores[2] > 0:
                counts["balanced"] += 1
            else:
                counts["unbalanced"] += 1
                yield -min(abs(s) for s in scores), [a, b, c], scores

    worst = heapq.nsmallest(top, unbalanced(), key=lambda item: (item[0], item[1]))
    total = counts["balanced"] + counts["unbalanced"]
    return {
        "triangles": total,
        "balanced": counts["balanced"],
        "unbalanced": counts["unbalanced"],
        "share_balanced": round(counts["balanced"] / total, 4) if total else None,
        "most_unbalanced": [{"actors": actors, "scores": scores} for _, actors, scores in worst],
    }


def components(G: nx.Graph) -> dict[str, Any]:
    """Connected components (direction ignored) and isolates of any projection.

    Returns:
        ``components`` (count), ``sizes`` (largest first), ``isolates`` (sorted nodes without
        any tie other than to themselves).

    Examples:
        >>> G = nx.DiGraph([("a", "b")]); G.add_node("c")
        >>> components(G)
        {'components': 2, 'sizes': [2, 1], 'isolates': ['c']}
    """
    nodes = list(G)
    A = adjacency(G, nodes)
    count, labels = connected_components(A, directed=False)
    sizes = sorted(np.bincount(labels, minlength=count).tolist(), reverse=True) if nodes else []
    lonely = np.flatnonzero(np.diff(A.indptr) == 0)
    return {"components": int(count), "sizes": sizes, "isolates": sorted(nodes[i] for i in lonely)}
