"""Network analysis of the actor graph: projections, metrics, paths and reports.

Examples:
    >>> from graphkit.analyze.examples import example_dataset
    >>> G = actor_graph(example_dataset())
    >>> G.number_of_nodes(), G.number_of_edges()
    (6, 5)
"""

from __future__ import annotations

from graphkit.analyze.projections import actor_graph

__all__ = ["actor_graph"]
