"""Where the nodes go: browser physics for small maps, precomputed positions for big ones.

``auto`` picks by size, so that a map is laid out and frozen within a few seconds:

* up to :data:`SMALL_GRAPH` actors, vis-network's physics lays the map out in the browser;
* up to :data:`POLISH_MAX`, :func:`fast_layout` places the actors and a few physics
  iterations in the browser tidy them;
* above, the precomputed positions are final and physics is off. Browser physics costs
  about 0.1 s per iteration at 1,000 actors (headless, software rendering), and networkx's
  ``spring_layout`` over a minute at 5,000.

In every case physics stops once the layout has settled, so the map stays still.
``physics`` always uses the browser; ``spring`` and ``kamada-kawai`` always precompute with
networkx.

Examples:
    >>> import networkx as nx
    >>> plan = plan_layout(nx.path_graph(3), layout="spring")
    >>> plan.physics, sorted(plan.positions)
    (False, [0, 1, 2])
    >>> plan_layout(nx.path_graph(3), layout="auto").physics
    True
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from graphkit.errors import InputError

LAYOUTS = ("physics", "spring", "kamada-kawai", "auto")
SMALL_GRAPH = 150
"""Up to this many actors ``auto`` lets the browser lay out from scratch."""
POLISH_MAX = 600
"""Up to this many actors ``auto`` lets browser physics tidy the precomputed layout."""
POLISH_ITERATIONS = 40
BIG_GRAPH = 1500
"""Above this many actors the page also hides edges while dragging or zooming."""
KAMADA_KAWAI_MAX = 500
"""kamada-kawai optimizes over all pairs of actors (about 20 s at 300): refused above this."""
EDGE_PX = 120.0
"""Typical on-screen edge length of a precomputed layout, in canvas pixels."""
NEIGHBOUR_PX = 60.0
"""Typical distance from an actor to its nearest neighbour, in canvas pixels."""


@dataclass(frozen=True)
class LayoutPlan:
    """How the page lays out the map: browser physics, or fixed positions (canvas pixels)."""

    physics: bool
    positions: Mapping[Hashable, tuple[float, float]] = field(default_factory=dict)
    iterations: int = 0
    """Stabilization iterations the browser runs before freezing (physics only)."""


def plan_layout(graph: nx.Graph, *, layout: str = "auto", seed: int = 7) -> LayoutPlan:
    """Choose and, when needed, compute the layout of a map.

    Args:
        graph: the graph to draw (directions and parallel edges are ignored).
        layout: ``physics``, ``spring``, ``kamada-kawai`` or ``auto``.
        seed: random seed, so the same graph gets the same picture.

    Raises:
        InputError: unknown layout name, or kamada-kawai on too big a graph.
    """
    if layout not in LAYOUTS:
        msg = f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}"
        raise InputError(msg)
    n = graph.number_of_nodes()
    if layout == "physics" or (layout == "auto" and n <= SMALL_GRAPH):
        return LayoutPlan(physics=True, iterations=_stabilization_iterations(n))
    simple = simple_graph(graph)
    if layout == "auto":
        positions = to_pixels(simple, fast_layout(simple, seed=seed))
        if n <= POLISH_MAX:
            return LayoutPlan(physics=True, positions=positions, iterations=POLISH_ITERATIONS)
        return LayoutPlan(physics=False, positions=positions)
    if layout == "spring":
        raw = nx.spring_layout(simple, seed=seed, iterations=50 if n <= BIG_GRAPH else 20)
    elif layout == "kamada-kawai":
        if n > KAMADA_KAWAI_MAX:
            msg = (
                f"kamada-kawai is too slow for {n:,} actors (limit {KAMADA_KAWAI_MAX:,}); "
                "use layout='auto' or layout='spring', or focus=NAME for a smaller map"
            )
            raise InputError(msg)
        raw = nx.kamada_kawai_layout(simple) if n > 1 else dict.fromkeys(simple, (0.0, 0.0))
    return LayoutPlan(physics=False, positions=to_pixels(simple, raw))


def _stabilization_iterations(n: int) -> int:
    """Fewer browser iterations for bigger maps, so they settle in a few seconds."""
    if n <= 200:
        return 400
    if n <= 600:
        return 250
    return 150


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """The undirected graph of who is related to whom: no directions, parallel edges, loops or data.

    Examples:
        >>> simple_graph(nx.MultiDiGraph([(1, 2), (2, 1), (1, 1)])).edges()
        EdgeView([(1, 2)])
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def fast_layout(
    graph: nx.Graph, *, iterations: int = 60, sample: int = 160, seed: int = 7
) -> dict[Hashable, tuple[float, float]]:
    """Force-directed positions in about a second per thousand nodes.

    Fruchterman-Reingold with the repulsion of each node estimated from a random sample of
    ``sample`` other nodes per iteration (rescaled to the whole graph), plus a weak pull
    to the centre that keeps separate components together. networkx's ``spring_layout``
    takes over a minute on 5,000 nodes; this takes a few seconds.

    Examples:
        >>> pos = fast_layout(nx.path_graph(4), seed=1)
        >>> len(pos), all(len(xy) == 2 for xy in pos.values())
        (4, True)
    """
    nodes = list(graph)
    n = len(nodes)
    if n <= 2:
        return {v: (float(i), 0.0) for i, v in enumerate(nodes)}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64)
    u, v = (pairs[:, 0], pairs[:, 1]) if len(pairs) else (np.zeros(0, int), np.zeros(0, int))
    rng = np.random.default_rng(seed)
    side = float(np.sqrt(n))
    pos = rng.uniform(-side / 2, side / 2, (n, 2))
    m = min(sample, n)
    temperature, cooling = side / 8, 0.02 ** (1 / max(iterations, 1))
    for _ in range(iterations):
        others = pos[rng.choice(n, m, replace=False)]
        # repulsion sum_j (p_i - o_j) / |p_i - o_j|^2; plain array arithmetic, as
        # multi-threaded matrix products slow down on a busy machine
        dx = pos[:, 0:1] - others[:, 0]
        dy = pos[:, 1:2] - others[:, 1]
        inv = 1.0 / np.maximum(dx * dx + dy * dy, 1e-3)
        disp = np.stack(((dx * inv).sum(axis=1), (dy * inv).sum(axis=1)), axis=1) * (n / m)
        if len(u):
            edge = pos[u] - pos[v]
            pull = edge * np.sqrt((edge * edge).sum(axis=1))[:, None]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(v, pull[:, axis], n) - np.bincount(u, pull[:, axis], n)
        disp -= pos * (0.5 / side)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def to_pixels(
    graph: nx.Graph, positions: Mapping[Hashable, object]
) -> dict[Hashable, tuple[float, float]]:
    """Scale positions to canvas pixels: the median edge at least :data:`EDGE_PX` long and the
    median distance to the nearest other actor at least :data:`NEIGHBOUR_PX`, so that dense
    clusters of big maps do not pile up.

    Examples:
        >>> to_pixels(nx.path_graph(2), {0: (0, 0), 1: (0.5, 0)})
        {0: (0.0, 0.0), 1: (120.0, 0.0)}
    """
    if not positions:
        return {}
    nodes = list(positions)
    xy = np.array([positions[v] for v in nodes], dtype=float).reshape(len(nodes), 2)
    if len(nodes) < 2:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in graph.edges() if a in index and b in index])
    lengths = np.hypot(*(xy[ends[:, 0]] - xy[ends[:, 1]]).T) if len(ends) else np.zeros(0)
    lengths = lengths[lengths > 0]
    nearest, _ = cKDTree(xy).query(xy, k=2)
    gaps = nearest[:, 1][nearest[:, 1] > 0]
    scale = max(
        EDGE_PX / float(np.median(lengths)) if len(lengths) else 0.0,
        NEIGHBOUR_PX / float(np.median(gaps)) if len(gaps) else 0.0,
    )
    xy = xy * (scale or 1.0)
    return {
        v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, xy, strict=True)
    }
