"""Cut the map down: the neighbourhood of one actor, or the most central actors of a big graph.

Actors are found by any of their names with :func:`graphkit.analyze.find_actor` (case,
accents and punctuation ignored; an unknown name raises an error naming close matches).

Examples:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", label="Gustavo Petro", aliases=["Petro"])
    >>> g.add_node("t", label="Donald Trump", aliases=["Trump"])
    >>> g.add_node("m", label="Nicolás Maduro", aliases=[])
    >>> g.add_edge("p", "t", key="metWith")
    'metWith'
    >>> centre, ego = ego_map(g, "PETRO", hops=1)
    >>> centre, sorted(ego)
    ('p', ['p', 't'])
    >>> top, note = top_actors(g, {"p": 2, "t": 1, "m": 0}, max_nodes=2)
    >>> sorted(top)
    ['p', 't']
    >>> print(note)  # doctest: +NORMALIZE_WHITESPACE
    Showing the 2 most connected of 3 actors: 1 actor and 0 relations are hidden;
    a map centred on one actor shows its neighbourhood.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx

from graphkit.analyze import find_actor
from graphkit.errors import InputError


def ego_map(
    graph: nx.MultiDiGraph, name: str, *, hops: int = 1
) -> tuple[Hashable, nx.MultiDiGraph]:
    """The named actor and a copy of the graph within ``hops`` relations of it (either direction).

    Raises:
        InputError: unknown or ambiguous name, or a negative ``hops``.
    """
    if hops < 0:
        msg = f"hops must be 0 or more, not {hops}; 0 maps the actor alone, 1 adds its neighbours"
        raise InputError(msg)
    centre = find_actor(graph, name)
    return centre, nx.ego_graph(graph, centre, radius=hops, undirected=True).copy()


def top_actors(
    graph: nx.MultiDiGraph, sizes: Mapping[Hashable, float], *, max_nodes: int
) -> tuple[nx.MultiDiGraph, str]:
    """Keep the ``max_nodes`` most central actors; the note says what was left out."""
    if graph.number_of_nodes() <= max_nodes:
        return graph, ""
    ranked = sorted(graph, key=lambda v: (-sizes.get(v, 0.0), str(v)))
    kept = graph.subgraph(ranked[:max_nodes]).copy()
    hidden_nodes = graph.number_of_nodes() - kept.number_of_nodes()
    hidden_edges = graph.number_of_edges() - kept.number_of_edges()
    note = (
        f"Showing the {max_nodes:,} most connected of {graph.number_of_nodes():,} actors: "
        f"{hidden_nodes:,} actor{'s' * (hidden_nodes != 1)} and {hidden_edges:,} "
        f"relation{'s' * (hidden_edges != 1)} are hidden; "
        "a map centred on one actor shows its neighbourhood."
    )
    return kept, note
