"""How a map looks: colours and shapes by actor type, colours by PLOVER quad class.

The page draws its legend from these same tables, so the legend cannot drift from the map.

Examples:
    >>> node_style("Country")["shape"]
    'diamond'
    >>> edge_color(quad="material-conflict", static=False)
    '#D62728'
    >>> edge_width(1), edge_width(4)
    (2.0, 5.0)
"""

from __future__ import annotations

import math

NODE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"shape": "dot", "color": "#4E79A7", "border": "#2F4B66", "label": "person"},
    "Country": {"shape": "diamond", "color": "#EDC948", "border": "#8A7420", "label": "country"},
    "Organization": {
        "shape": "square",
        "color": "#76B7B2",
        "border": "#3E6B67",
        "label": "organization",
    },
    "Place": {"shape": "triangle", "color": "#B07AA1", "border": "#6B4461", "label": "place"},
}
"""Node shape and colours by actor type (shape names are vis-network's)."""

OTHER_NODE = {"shape": "dot", "color": "#BBBBBB", "border": "#777777", "label": "other"}

EDGE_CLASSES: dict[str, dict[str, str]] = {
    "verbal-cooperation": {"color": "#59A14F", "label": "verbal cooperation"},
    "material-cooperation": {"color": "#1B6E2D", "label": "material cooperation"},
    "verbal-conflict": {"color": "#F28E2B", "label": "verbal conflict"},
    "material-conflict": {"color": "#D62728", "label": "material conflict"},
    "static": {"color": "#9A9A9A", "label": "standing tie (leader of, member of...)"},
}
"""Edge colour by PLOVER quad class; ``static`` is for standing ties such as ``leaderOf``."""


COMMUNITY_COLORS = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
    "#E377C2", "#17BECF", "#BCBD22", "#7F7F7F", "#AEC7E8", "#FFBB78",
)  # fmt: skip
"""Fill colours of the biggest communities (numbered from 0 by size); the rest are grey."""

NET_COLORS = {
    "cooperation": "#2E8B3E",
    "conflict": "#D62728",
    "mixed": "#E0A526",
    "static": "#9A9A9A",
}
"""Colour of an actor pair's combined edge by the net cooperation/conflict of its relations."""


def node_style(entity_type: str) -> dict[str, str]:
    """Shape, fill, border and legend label of an actor type (grey dot when unknown)."""
    return NODE_STYLES.get(entity_type, OTHER_NODE)


def edge_class(*, quad: str, static: bool) -> str:
    """The legend class of a relation: its quad class, or ``static`` for standing ties.

    Examples:
        >>> edge_class(quad="", static=True)
        'static'
    """
    if static or quad not in EDGE_CLASSES:
        return "static"
    return quad


def edge_color(*, quad: str, static: bool) -> str:
    """The line colour of a relation."""
    return EDGE_CLASSES[edge_class(quad=quad, static=static)]["color"]


def edge_width(sources: int) -> float:
    """Line width from corroboration: 2 px for one article, growing with log2 of the count."""
    return round(min(2.0 + 1.5 * math.log2(max(sources, 1)), 9.0), 2)
