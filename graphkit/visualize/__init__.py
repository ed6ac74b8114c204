"""Interactive relationship maps: one self-contained HTML page per actor graph.

The page works offline and makes no request: vis-network is inlined from the pyvis package,
every text from the articles is inserted as text (never as HTML), and a
Content-Security-Policy forbids loading anything. Nodes are shaped and coloured by actor type
(or by the cooperative blocs ``graphkit analyze`` finds) and sized by PageRank in the map
shown; labels are drawn most important first and only where they overlap no other, so they
stay readable at any zoom. Each pair of actors gets one line (width: reports, colour: net
cooperation or conflict, dashed and faint when only weakly supported); a toggle draws every
relation. Maps of over :data:`CORE_ABOVE` actors open on their :data:`CORE_SIZE` most
important ones; one click shows the rest. The page has a legend that doubles as filters
(actor types, relation classes and relations, confidence, dates with a timeline that plays),
a search box matching any alias, tooltips with the evidence, a details panel that stays in
view (selecting an actor dims all but its partners; Escape clears), and exports of the
current view (PNG, SVG, CSV of its actors and relations).

* :func:`build_map` -> :class:`Map` (``.html``, ``.save()``, shows inline in Jupyter);
* :func:`render_html` returns the page, :func:`write_map` writes it (used by ``graphkit map``).

Examples:
    >>> from graphkit.examples import example_dataset
    >>> m = build_map(example_dataset(), title="Petro & Trump")
    >>> m.actors, m.relations
    (8, 9)
    >>> "<title>Petro &amp; Trump</title>" in m.html
    True
    >>> build_map(example_dataset(), focus="Maduro").actors
    2
"""

from __future__ import annotations

import html as _html
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np
from rdflib import Dataset
from scipy.spatial import cKDTree

from graphkit.analyze import actor_graph
from graphkit.errors import InputError
from graphkit.store.formats import write_atomic
from graphkit.visualize.focus import ego_map, top_actors
from graphkit.visualize.layout import (
    BIG_GRAPH,
    LAYOUTS,
    fast_layout,
    plan_layout,
    simple_graph,
)
from graphkit.visualize.page import render_page
from graphkit.visualize.payload import map_payload

__all__ = [
    "BIG_GRAPH",
    "LAYOUTS",
    "MAX_NODES",
    "Map",
    "actor_importance",
    "actor_sizes",
    "build_map",
    "fast_layout",
    "map_communities",
    "render_html",
    "write_map",
]

MAX_NODES = 5000
"""Bigger graphs are cut down to their most connected actors (the page says so)."""
CORE_ABOVE = 150
"""Maps with more actors open on their :data:`CORE_SIZE` most important ones (one click shows
all)."""
CORE_SIZE = 60
CORE_ROOM = 2.5
"""While they are shown alone, no two top actors are nearer than this many typical gaps."""
CORE_GAP_PX = 150.0
"""... which is this many canvas pixels."""


@dataclass(frozen=True)
class Map:
    """A rendered map: the page and what it shows. Displays inline in Jupyter."""

    html: str
    actors: int
    """Every actor the map carries, also those in no relation (they start hidden)."""
    relations: int
    """Asserted relations shown, after the focus and size filters."""
    title: str = "graphkit map"
    note: str = ""
    layout: str = ""
    """How it was laid out: ``physics``, ``precomputed+physics`` or ``precomputed``."""
    height: int = 650
    """Height in pixels of the frame shown in notebooks."""
    linked: int = 0
    """Actors in at least one relation shown."""
    lines: int = 0
    """Lines drawn: a symmetric relation stated both ways is one line."""

    def __repr__(self) -> str:
        """A short summary: notebooks store it as the plain-text fallback of the frame.

        Examples:
            >>> from graphkit.examples import example_dataset
            >>> build_map(example_dataset(), title="Petro & Trump")
            <Map 'Petro & Trump': 8 actors, 9 relations, 0.8 MB page>
        """
        size = len(self.html.encode("utf-8")) / 1e6
        return (
            f"<Map {self.title!r}: {self.actors:,} actor{'s' * (self.actors != 1)}, "
            f"{self.relations:,} relation{'s' * (self.relations != 1)}, {size:.1f} MB page>"
        )

    def _repr_html_(self) -> str:
        """An iframe holding the whole page in ``srcdoc`` (escaped), so it works offline."""
        return (
            f'<iframe srcdoc="{_html.escape(self.html, quote=True)}" '
            f'title="{_html.escape(self.title, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd"></iframe>'
        )

    def save(self, path: Path | str) -> str:
        """Write the page atomically; returns a one-line summary of what was written."""
        out = Path(path)

        def write(tmp: Path) -> None:
            tmp.write_text(self.html, encoding="utf-8")

        try:
            write_atomic(out, write)
        except OSError as err:
            msg = f"cannot write the map to '{out}': {err.strerror or err}; choose another -o path"
            raise InputError(msg) from err
        size = len(self.html.encode("utf-8")) / 1e6
        return (
            f"wrote {out}: {self.relations:,} asserted relation{'s' * (self.relations != 1)} "
            f"between {self.linked:,} actor{'s' * (self.linked != 1)}, drawn as {self.lines:,} "
            f"line{'s' * (self.lines != 1)} ({self.actors:,} entities on the page), {size:.1f} MB"
        )


def actor_sizes(graph: nx.Graph) -> dict[Hashable, float]:
    """Degree centrality over distinct partners (either direction): the node size of the map.

    Examples:
        >>> actor_sizes(nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")]))
        {'a': 1.0, 'b': 0.5, 'c': 0.5}
    """
    if graph.number_of_nodes() < 2:
        return dict.fromkeys(graph, 1.0)
    return dict(nx.degree_centrality(simple_graph(graph)))


def actor_importance(graph: nx.Graph) -> dict[Hashable, float]:
    """PageRank over who is related to whom in the graph shown, scaled so the top actor is 1.

    Node size and label priority of the map: computed on the view, so an actor with one tie
    in a focused map is drawn small however many partners it has elsewhere.

    Examples:
        >>> imp = actor_importance(nx.MultiDiGraph([("a", "b"), ("a", "c"), ("a", "d")]))
        >>> imp["a"], imp["b"] < 0.5
        (1.0, True)
    """
    simple = simple_graph(graph)
    if simple.number_of_edges() == 0:
        return dict.fromkeys(graph, 1.0 if graph.number_of_nodes() < 2 else 0.0)
    try:
        rank = nx.pagerank(simple, max_iter=300)
    except nx.PowerIterationFailedConvergence:
        rank = nx.degree_centrality(simple)
    top = max(rank.values())
    return {node: round(value / top, 5) for node, value in rank.items()}


def core_layout(
    graph: nx.MultiDiGraph,
    importance: Mapping[Hashable, float],
    positions: Mapping[Hashable, tuple[float, float]],
    *,
    keep: Iterable[Hashable] = (),
    seed: int = 7,
) -> dict[Hashable, tuple[float, float]]:
    """Where the most important actors of a big map go while the map shows only them.

    Their places in the whole layout, pushed apart where they crowd (hubs of a dense centre
    sit close together in the whole layout), so that the arrangement is kept and every one
    has room for its label. Canvas pixels; empty for maps of up to :data:`CORE_ABOVE` actors
    or without precomputed positions.

    Examples:
        >>> g = nx.star_graph(200)
        >>> pos = {v: (float(v), 0.0) for v in g}
        >>> core = core_layout(g, {v: 1.0 / (v + 1) for v in g}, pos)
        >>> len(core), 0 in core, 199 in core
        (60, True, False)
    """
    if graph.number_of_nodes() <= CORE_ABOVE or not positions:
        return {}
    ranked = sorted(graph, key=lambda v: (-importance.get(v, 0.0), str(v)))
    members = [v for v in dict.fromkeys([*keep, *ranked[:CORE_SIZE]]) if v in positions]
    xy = np.array([positions[v] for v in members], dtype=float)
    rng = np.random.default_rng(seed)
    xy += rng.normal(0.0, 1e-3, xy.shape)  # no two actors on the very same spot
    gaps = cKDTree(xy).query(xy, k=2)[0][:, 1]
    xy /= max(float(np.median(gaps)), 1e-9)  # the typical nearest neighbour 1 apart
    room = CORE_ROOM
    for _ in range(80):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2)) + np.eye(len(xy))
        push = np.clip(room - dist, 0.0, None) / dist / 2
        np.fill_diagonal(push, 0.0)
        if not push.any():
            break
        xy += (diff * push[:, :, None]).sum(axis=1)
    scale = CORE_GAP_PX / room
    return {
        v: (round(float(x * scale), 1), round(float(y * scale), 1))
        for v, (x, y) in zip(members, xy, strict=True)
    }


def map_communities(graph: nx.MultiDiGraph, *, seed: int = 0) -> dict[Hashable, int]:
    """Cooperative blocs as ``graphkit analyze`` finds them (Louvain on net cooperation).

    An empty mapping when the graph lacks the scores that analysis needs.
    """
    from graphkit.analyze import communities, signed_graph

    try:
        found = communities(signed_graph(graph), seed=seed)
    except (KeyError, TypeError):
        return {}
    return {node: number for node, number in found.items()}


def build_map(
    source: nx.MultiDiGraph | Dataset,
    *,
    focus: str | None = None,
    hops: int = 1,
    layout: str = "auto",
    title: str = "graphkit map",
    max_nodes: int = MAX_NODES,
    seed: int = 7,
) -> Map:
    """Render an actor graph (or the RDF it comes from) as an interactive map.

    Args:
        source: the graph of :func:`graphkit.analyze.actor_graph`, or a Dataset to build it from.
        focus: centre the map on this actor (label or any alias); None maps every actor.
        hops: with ``focus``, how many relations away from it to show.
        layout: ``auto`` (browser physics for small maps, precomputed positions for big
            ones: see :mod:`graphkit.visualize.layout`), ``physics``, ``spring`` or
            ``kamada-kawai``.
        title: page title and heading (shown as text).
        max_nodes: above this many actors keep only the most connected ones, with a note.
        seed: layout seed; the same graph and seed give the same picture.

    Raises:
        InputError: unknown focus name (the message names close matches), bad hops or layout.
    """
    graph = source if isinstance(source, nx.Graph) else actor_graph(source)
    if layout not in LAYOUTS:
        msg = f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}"
        raise InputError(msg)
    if max_nodes < 1:
        msg = f"max_nodes must be at least 1, not {max_nodes}"
        raise InputError(msg)
    sizes = actor_sizes(graph)
    notes = []
    centre = None
    if focus is not None:
        centre, graph = ego_map(graph, focus, hops=hops)
        label = graph.nodes[centre].get("label") or centre
        notes.append(f"Centred on {label}: actors within {hops} relation{'s' * (hops != 1)} of it.")
    graph, hidden = top_actors(graph, sizes, max_nodes=max_nodes)
    if hidden:
        notes.append(hidden)
    plan = plan_layout(graph, layout=layout, seed=seed)
    importance = actor_importance(graph)
    core = core_layout(graph, importance, plan.positions, keep=[centre] if centre else [])
    payload = map_payload(
        graph,
        sizes=importance,
        core=core,
        communities=map_communities(graph, seed=seed),
        positions=plan.positions or None,
        title=title,
        note=" ".join(notes),
        focus=centre,
        physics=plan.physics,
        iterations=plan.iterations,
        big=BIG_GRAPH,
    )
    edges = payload["edges"]  # one per line drawn
    return Map(
        html=render_page(payload),
        actors=len(payload["nodes"]),
        relations=graph.number_of_edges(),
        linked=sum(1 for node in graph if graph.degree(node) > 0),
        lines=len(edges),
        title=title,
        note=payload["note"],
        layout=("precomputed+physics" if plan.positions else "physics")
        if plan.physics
        else "precomputed",
    )


def render_html(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    layout: str = "auto",
    title: str = "graphkit map",
    max_nodes: int = MAX_NODES,
) -> str:
    """The self-contained HTML page of an actor graph (see :func:`build_map`)."""
    return build_map(
        graph, focus=focus, hops=hops, layout=layout, title=title, max_nodes=max_nodes
    ).html


def write_map(
    source: Dataset | nx.MultiDiGraph,
    output: Path,
    *,
    focus: str | None = None,
    hops: int = 1,
    layout: str = "auto",
    title: str = "graphkit map",
    max_nodes: int = MAX_NODES,
) -> str:
    """Write the map of a Dataset to ``output`` atomically; returns a one-line summary.

    An empty graph still gives a valid page, which says there is nothing to show.

    Examples:
        >>> import tempfile, pathlib
        >>> from graphkit.examples import example_dataset
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
        >>> write_map(example_dataset(), out).startswith(f"wrote {out}: 9 asserted relations")
        True
    """
    built = build_map(
        source, focus=focus, hops=hops, layout=layout, title=title, max_nodes=max_nodes
    )
    return built.save(output)
