"""PNG charts of the report, drawn with matplotlib's Agg canvas (no display, no pyplot state).

Examples:
    >>> import tempfile, pathlib
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph
    >>> from graphkit.analyze.report import analyze
    >>> G = actor_graph(example_dataset())
    >>> paths = plot_report(G, analyze(G), pathlib.Path(tempfile.mkdtemp()))
    >>> [p.name for p in paths]
    ['cooperation-timeline.png', 'centrality.png']
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from graphkit.analyze.pairs import pair_summaries, pair_timeline
from graphkit.store.formats import write_atomic


def _save(fig: Figure, path: Path) -> Path:
    FigureCanvasAgg(fig)
    return write_atomic(
        path, lambda tmp: fig.savefig(tmp, format="png", dpi=120, bbox_inches="tight")
    )


def _date(text: str) -> dt.date | None:
    """An ISO date, a year-month (first of the month) or a year (1 January); else None.

    Examples:
        >>> _date("2023-04"), _date("2025-01-26"), _date("")
        (datetime.date(2023, 4, 1), datetime.date(2025, 1, 26), None)
    """
    text = text[:10]
    padded = {4: text + "-01-01", 7: text + "-01"}.get(len(text), text)
    try:
        return dt.date.fromisoformat(padded)
    except ValueError:
        return None


def timeline_figure(G: nx.MultiDiGraph, *, pairs: int = 5) -> Figure:
    """Running net cooperation/conflict score over time of the pairs with the most reports."""
    summaries = sorted(pair_summaries(G).values(), key=lambda s: (-s["events"], s["actors"]))[
        :pairs
    ]
    fig = Figure(figsize=(9, 4.5))
    ax = fig.add_subplot()
    drawn = 0
    for s in summaries:
        a, b = s["actors"]
        by_date: dict[dt.date, float] = {}
        for e in pair_timeline(G, a, b)["events"]:  # sorted by date: keep each date's last net
            day = _date(e["date"])
            if day is not None:
                by_date[day] = e["net"]
        dated = sorted(by_date.items())
        if not dated:
            continue
        label = f"{G.nodes[a]['label']} – {G.nodes[b]['label']}"
        xs: list[Any] = [d for d, _ in dated]
        ax.step(xs, [net for _, net in dated], where="post", marker="o", label=label)
        drawn += 1
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_title("Cooperation (+) and conflict (−): running net score of the busiest pairs")
    ax.set_ylabel("net score")
    if drawn:
        ax.legend(fontsize="small", loc="best")
        fig.autofmt_xdate()
    else:
        ax.text(
            0.5, 0.5, "no dated event relations", ha="center", va="center", transform=ax.transAxes
        )
    return fig


def centrality_figure(report: dict[str, Any]) -> Figure:
    """Bar charts of PageRank and betweenness of the report's top actors, each chart ordered
    by the measure it draws (highest at the top)."""
    actors = list(report["top_actors"])
    fig = Figure(figsize=(11, 0.35 * max(len(actors), 4) + 1.2))
    for i, (key, title) in enumerate((("pagerank", "PageRank"), ("betweenness", "Betweenness"))):
        ranked = sorted(actors, key=lambda a: (a[key], a["label"]))  # barh draws bottom up
        ax = fig.add_subplot(1, 2, i + 1)
        ax.barh([a["label"] for a in ranked], [a[key] for a in ranked],
                color="tab:blue" if i == 0 else "tab:orange")  # fmt: skip
        ax.set_title(title)
    fig.suptitle(
        f"Top {len(actors)} actors by reports involving them, ordered by each measure "
        f"({report['settings']['betweenness']} betweenness)"
    )
    fig.tight_layout()
    return fig


def plot_report(G: nx.MultiDiGraph, report: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write ``cooperation-timeline.png`` and ``centrality.png`` into ``out_dir``.

    Args:
        G: the graph the report was computed on (actor or country level).
        report: from :func:`graphkit.analyze.report.analyze`.
        out_dir: created if missing.

    Returns:
        The paths written.
    """
    out_dir = Path(out_dir)
    return [
        _save(timeline_figure(G), out_dir / "cooperation-timeline.png"),
        _save(centrality_figure(report), out_dir / "centrality.png"),
    ]
