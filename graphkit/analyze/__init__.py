"""Network analysis of the actor graph: projections, metrics, paths and reports.

* :mod:`~graphkit.analyze.projections`: RDF -> actor graph, weighted, signed and country graphs.
* :mod:`~graphkit.analyze.metrics`: centrality, communities, brokers, balance, components.
* :mod:`~graphkit.analyze.pairs`: per-pair summaries and timelines.
* :mod:`~graphkit.analyze.paths`: actors by name and chains of relations with evidence.
* :mod:`~graphkit.analyze.report`, :mod:`~graphkit.analyze.render`: the report and its Markdown.
* :mod:`~graphkit.analyze.plot`, :mod:`~graphkit.analyze.export`: PNG charts, GraphML/GEXF/CSV.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> G = actor_graph(example_dataset())
    >>> G.number_of_nodes(), G.number_of_edges()
    (8, 9)
"""

from __future__ import annotations

from graphkit.analyze.export import export_graph
from graphkit.analyze.metrics import (
    balance,
    betweenness,
    brokers,
    centrality,
    communities,
    components,
    strength,
)
from graphkit.analyze.pairs import pair_summaries, pair_summary, pair_timeline
from graphkit.analyze.paths import evidence_path, find_actor
from graphkit.analyze.projections import actor_graph, country_graph, signed_graph, weighted_graph
from graphkit.analyze.report import analyze

__all__ = [
    "actor_graph",
    "analyze",
    "balance",
    "betweenness",
    "brokers",
    "centrality",
    "communities",
    "components",
    "country_graph",
    "evidence_path",
    "export_graph",
    "find_actor",
    "pair_summaries",
    "pair_summary",
    "pair_timeline",
    "signed_graph",
    "strength",
    "weighted_graph",
]
