"""Pairs of actors: dated reports, per-pair summaries and one pair's timeline.

A *report* is one relation between two actors as asserted by one article, dated by the
event date the sentence gives, else by the article's date. Reports are what the signed graph
sums, so a pair's net score here equals its score there.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph
    >>> G = actor_graph(example_dataset())
    >>> petro, trump = (f"https://w3id.org/graphkit/id/person/{n}"
    ...                 for n in ("gustavo-petro", "donald-trump"))
    >>> [(r["date"], r["predicate"], r["net"])
    ...  for r in pair_timeline(G, petro, trump)["events"]]  # doctest: +NORMALIZE_WHITESPACE
    [('2025-11-03', 'criticized', -2.0), ('2025-11-03', 'metWith', 0.5),
     ('2025-11-07', 'metWith', 3.0)]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")
TREND_THRESHOLD = 1.0
"""A pair is warming (cooling) when the mean score of its later reports exceeds (falls
short of) that of its earlier reports by more than this many points of the scale."""


def edge_reports(u: str, v: str, attrs: dict[str, Any]) -> list[dict[str, Any]]:
    """One report per article asserting the relation ``u -> v`` described by ``attrs``.

    Examples:
        >>> attrs = {"predicate": "metWith", "score": 1.0, "quad": "verbal-cooperation",
        ...          "sources": 1, "first_date": "", "evidence": []}
        >>> edge_reports("a", "b", attrs)[0]["sentence"]
        ''
    """
    by_article: dict[str, dict[str, Any]] = {}
    for e in attrs["evidence"]:
        if e["modality"] != "asserted":
            continue
        date = e["event_date"] or e["date"]
        known = by_article.get(e["article"])
        if known is None or (date and (not known["date"] or date < known["date"])):
            by_article[e["article"]] = {
                "date": date,
                "article": e["article"],
                "title": e["title"],
                "sentence": e["sentence"],
            }
    base = {
        "subject": u,
        "predicate": attrs["predicate"],
        "object": v,
        "score": attrs["score"],
        "quad": attrs["quad"],
    }
    reports = [{**base, **found} for _, found in sorted(by_article.items())]
    missing = attrs["sources"] - len(reports)  # asserted in an article graph without evidence
    reports += [
        {**base, "date": attrs["first_date"], "article": "", "title": "", "sentence": ""}
        for _ in range(missing)
    ]
    return reports


def _report_dates(attrs: dict[str, Any]) -> list[str]:
    """The date of each report of :func:`edge_reports`, without building the reports."""
    first: dict[str, str] = {}
    for e in attrs["evidence"]:
        if e["modality"] == "asserted":
            date = e["event_date"] or e["date"]
            known = first.get(e["article"])
            if known is None or (date and (not known or date < known)):
                first[e["article"]] = date
    dates = [first[article] for article in sorted(first)]
    return dates + [attrs["first_date"]] * max(attrs["sources"] - len(dates), 0)


def _trend(items: list[tuple[str, float, str]]) -> str:
    dated = sorted((date, score) for date, score, _ in items if date)
    if len({d for d, _ in dated}) < 2:
        return ""
    half = len(dated) // 2
    early = [s for _, s in dated[:half]]
    late = [s for _, s in dated[half:]]
    change = sum(late) / len(late) - sum(early) / len(early)
    if change > TREND_THRESHOLD:
        return "warming"
    if change < -TREND_THRESHOLD:
        return "cooling"
    return "steady"


def _summary(a: str, b: str, items: list[tuple[str, float, str]]) -> dict[str, Any]:
    """:func:`summarize` over (date, score, quad) tuples."""
    dates = sorted(date for date, _, _ in items if date)
    by_quad = dict.fromkeys(QUADS, 0)
    for _, _, quad in items:
        by_quad[quad] = by_quad.get(quad, 0) + 1
    positive = sum(score for _, score, _ in items if score > 0)
    negative = sum(score for _, score, _ in items if score < 0)
    return {
        "actors": sorted([a, b]),
        "events": len(items),
        "by_quad": by_quad,
        "score": round(positive + negative, 6),
        "cooperation": round(positive, 6),
        "conflict": round(negative, 6),
        "first_date": dates[0] if dates else "",
        "last_date": dates[-1] if dates else "",
        "trend": _trend(items),
    }


def summarize(a: str, b: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts by quad class, net score, first and last date and trend of a pair's reports.

    ``trend`` compares the mean score of the later half of the dated reports with that of
    the earlier half: "warming", "cooling", "steady", or "" with fewer than two dates.

    Examples:
        >>> reports = [{"date": "2025-01-01", "score": -5.0, "quad": "material-conflict"},
        ...            {"date": "2025-03-01", "score": 4.0, "quad": "verbal-cooperation"}]
        >>> s = summarize("a", "b", reports)
        >>> s["score"], s["trend"], s["by_quad"]["material-conflict"]
        (-1.0, 'warming', 1)
    """
    return _summary(a, b, [(r["date"], r["score"], r["quad"]) for r in reports])


def pair_summaries(
    G: nx.MultiDiGraph, *, min_sources: int = 1
) -> dict[tuple[str, str], dict[str, Any]]:
    """A :func:`summarize` dict for every pair of actors tied by an event relation.

    Keys are (a, b) with a < b; static relations and relations acting upon a person
    (:data:`graphkit.analyze.projections.ACTED_UPON`) are left out.

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> from graphkit.analyze.projections import actor_graph
        >>> summaries = pair_summaries(actor_graph(example_dataset()))
        >>> [(s["events"], s["score"], s["trend"]) for s in summaries.values()]
        [(1, -5.0, ''), (1, 1.9, ''), (3, 3.0, 'warming'), (1, 1.0, '')]
    """
    from graphkit.analyze.projections import acted_upon

    grouped: dict[tuple[str, str], list[tuple[str, float, str]]] = defaultdict(list)
    for u, v, attrs in G.edges(data=True):
        if attrs["static"] or attrs["sources"] < min_sources or u == v or acted_upon(G, v, attrs):
            continue
        score, quad = attrs["score"], attrs["quad"]
        grouped[(u, v) if u < v else (v, u)].extend(
            (date, score, quad) for date in _report_dates(attrs)
        )
    return {key: _summary(*key, items) for key, items in sorted(grouped.items())}


def pair_summary(G: nx.MultiDiGraph, a: str, b: str, *, min_sources: int = 1) -> dict[str, Any]:
    """The :func:`summarize` dict of one pair (event relations in both directions).

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> from graphkit.analyze.projections import actor_graph
        >>> G = actor_graph(example_dataset())
        >>> petro, trump = (f"https://w3id.org/graphkit/id/person/{n}"
        ...                 for n in ("gustavo-petro", "donald-trump"))
        >>> pair_summary(G, trump, petro)["by_quad"]  # doctest: +NORMALIZE_WHITESPACE
        {'verbal-cooperation': 2, 'material-cooperation': 0, 'verbal-conflict': 1,
         'material-conflict': 0}
    """
    items = [
        (date, attrs["score"], attrs["quad"])
        for u, v in ((a, b), (b, a))
        if u != v and G.has_node(u) and G.has_node(v)
        for attrs in G.get_edge_data(u, v, default={}).values()
        if not attrs["static"] and attrs["sources"] >= min_sources
        for date in _report_dates(attrs)
    ]
    return _summary(a, b, items)


def pair_timeline(G: nx.MultiDiGraph, a: str, b: str) -> dict[str, Any]:
    """The dated reports between two actors (both directions), with the running net score.

    Returns:
        ``summary`` (see :func:`summarize`) and ``events``: reports sorted by date (undated
        last), each with ``net``, the net score up to and including it.
    """
    reports = []
    for u, v in ((a, b), (b, a)):
        if G.has_node(u) and G.has_node(v) and u != v:
            for attrs in G.get_edge_data(u, v, default={}).values():
                if not attrs["static"]:
                    reports.extend(edge_reports(u, v, attrs))
    reports.sort(key=lambda r: (not r["date"], r["date"], r["predicate"], r["article"]))
    net = 0.0
    for r in reports:
        net += r["score"]
        r["net"] = round(net, 6)
    return {"summary": summarize(a, b, reports), "events": reports}
