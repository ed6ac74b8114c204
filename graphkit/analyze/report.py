"""The analysis report: one dict (JSON-ready) computed from an actor graph.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph
    >>> r = analyze(actor_graph(example_dataset()))
    >>> [a["label"] for a in r["top_actors"][:2]]
    ['Gustavo Petro', 'Donald Trump']
    >>> r["graph"]["articles"], r["settings"]["betweenness"]
    (3, 'exact')
"""

from __future__ import annotations

import heapq
from typing import Any

import networkx as nx

from graphkit.analyze.metrics import (
    APPROX_ABOVE,
    BETWEENNESS_SAMPLES,
    balance,
    betweenness_samples,
    brokers,
    centrality,
    communities,
    components,
)
from graphkit.analyze.pairs import pair_summary
from graphkit.analyze.projections import country_graph, signed_graph, weighted_graph
from graphkit.errors import InputError

LEVELS = ("actors", "countries")


def _label(G: nx.Graph, node: str) -> str:
    return str(G.nodes[node].get("label", node))


def _top_pairs(G: nx.MultiDiGraph, S: nx.Graph, *, top: int, sign: int) -> list[dict[str, Any]]:
    """Summaries of the ``top`` pairs with the highest (sign 1) or lowest (-1) net score."""
    pairs = (
        (sign * score, sorted((u, v))) for u, v, score in S.edges(data="score") if score * sign > 0
    )
    rows = []
    for _, (a, b) in heapq.nsmallest(top, pairs, key=lambda item: (-item[0], item[1])):
        summary = pair_summary(G, a, b)
        rows.append({**summary, "labels": [_label(G, n) for n in summary["actors"]]})
    return rows


def _articles(G: nx.MultiDiGraph) -> int:
    return len({e["article"] for _, _, ev in G.edges(data="evidence") for e in ev if e["article"]})


def analyze(
    G: nx.MultiDiGraph,
    *,
    level: str = "actors",
    top: int = 10,
    seed: int = 0,
    approx_above: int = APPROX_ABOVE,
    k: int = BETWEENNESS_SAMPLES,
) -> dict[str, Any]:
    """Compute the whole report from an actor graph.

    Args:
        G: an actor graph (:func:`graphkit.analyze.projections.actor_graph`).
        level: ``"actors"``, or ``"countries"`` to roll people and organizations up into
            their country first (:func:`graphkit.analyze.projections.country_graph`).
        top: how many actors, communities, pairs, brokers and triads to list.
        seed: seed of the community detection and of sampled betweenness.
        approx_above, k: betweenness is estimated from ``k`` sampled sources above
            ``approx_above`` nodes.

    Returns:
        A JSON-ready dict: ``graph`` (sizes), ``settings``, ``top_actors``, ``communities``
        (the ``top`` largest, members by decreasing betweenness), ``community_count``,
        ``brokers``, ``cooperative_pairs``, ``conflictual_pairs``, ``balance`` and
        ``components``. Actors are given by IRI and label.

    Raises:
        InputError: an unknown ``level``.
    """
    if level not in LEVELS:
        msg = f"unknown level '{level}'; use one of: {', '.join(LEVELS)}"
        raise InputError(msg)
    if level == "countries":
        G = country_graph(G)
    W, S = weighted_graph(G), signed_graph(G)
    samples = betweenness_samples(W.number_of_nodes(), approx_above=approx_above, k=k)
    cent = centrality(W, approx_above=approx_above, k=k, seed=seed)
    membership = communities(S, seed=seed)
    between = {n: c["betweenness"] for n, c in cent.items()}
    broker_scores = brokers(S, membership, approx_above=approx_above, k=k, seed=seed)
    ranked = sorted(
        cent,
        key=lambda n: (
            -(cent[n]["in_strength"] + cent[n]["out_strength"]),
            -cent[n]["pagerank"],
            n,
        ),
    )
    groups: dict[int, list[str]] = {}
    for node, group in membership.items():
        groups.setdefault(group, []).append(node)
    bal = balance(S, top=top)
    comp = components(G)
    return {
        "graph": {
            "level": level,
            "actors": G.number_of_nodes(),
            "linked": sum(1 for n in G if G.degree(n) > 0),
            "relations": G.number_of_edges(),
            "event_relations": sum(1 for _, _, s in G.edges(data="static") if not s),
            "pairs": S.number_of_edges(),
            "articles": _articles(G),
        },
        "settings": {
            "seed": seed,
            "top": top,
            "betweenness": "exact"
            if samples is None
            else f"estimated from {samples} sampled sources",
            "approx_above": approx_above,
            "samples": k,
        },
        "top_actors": [
            {"iri": n, "label": _label(G, n), "type": G.nodes[n].get("type", ""), **cent[n]}
            for n in ranked[:top]
        ],
        "communities": [
            {
                "id": group,
                "size": len(members),
                "members": [
                    {"iri": n, "label": _label(G, n)}
                    for n in sorted(members, key=lambda n: -between[n])
                ],
            }
            for group, members in sorted(groups.items())[:top]
        ],
        "community_count": len(groups),
        "brokers": [
            {
                "iri": n,
                "label": _label(G, n),
                "betweenness": score,
                "communities": sorted(
                    {membership[m] for m in S[n] if m in membership and S[n][m]["score"] > 0}
                ),
            }
            for n, score in list(broker_scores.items())[:top]
        ],
        "cooperative_pairs": _top_pairs(G, S, top=top, sign=1),
        "conflictual_pairs": _top_pairs(G, S, top=top, sign=-1),
        "balance": {
            **bal,
            "most_unbalanced": [
                {**t, "labels": [_label(G, n) for n in t["actors"]]} for t in bal["most_unbalanced"]
            ],
        },
        "components": {
            "components": comp["components"],
            "sizes": comp["sizes"][:top],
            "isolates": [{"iri": n, "label": _label(G, n)} for n in comp["isolates"]],
        },
    }
