"""Markdown renderings of the report, of a path and of a pair's timeline.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph
    >>> from graphkit.analyze.report import analyze
    >>> print(report_markdown(analyze(actor_graph(example_dataset()))).splitlines()[0])
    # Network report
"""

from __future__ import annotations

from typing import Any

MAX_NAMES = 20
"""How many members of a community, or isolates, the Markdown report names (JSON: all)."""


def _cell(value: object) -> str:
    text = f"{value:.3f}" if isinstance(value, float) else str(value)
    return " ".join(text.replace("|", "\\|").split())


def _table(headers: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _names(names: list[str], limit: int = MAX_NAMES) -> str:
    """Comma-separated names, the first ``limit`` of them.

    Examples:
        >>> _names(["a", "b", "c"], limit=2)
        'a, b and 1 more'
    """
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _score(value: float) -> str:
    return f"{value:+.1f}"


def _pairs(title: str, pairs: list[dict[str, Any]]) -> list[str]:
    lines = ["", f"## {title}", ""]
    if not pairs:
        return [*lines, "None."]
    rows: list[list[object]] = [
        [
            " – ".join(p["labels"]),
            _score(p["score"]),
            p["events"],
            p["by_quad"]["verbal-cooperation"] + p["by_quad"]["material-cooperation"],
            p["by_quad"]["verbal-conflict"] + p["by_quad"]["material-conflict"],
            f"{p['first_date'] or '?'} → {p['last_date'] or '?'}",
            p["trend"] or "–",
        ]
        for p in pairs
    ]
    return lines + _table(
        ["pair", "net score", "reports", "coop.", "conflict", "dates", "trend"], rows
    )


def report_markdown(report: dict[str, Any]) -> str:
    """The report of :func:`graphkit.analyze.report.analyze` as Markdown."""
    g, settings = report["graph"], report["settings"]
    rolled_up = " (people and organizations rolled up into countries)"
    lines = [
        "# Network report",
        "",
        f"{g['relations']} asserted relations ({g['event_relations']} events, tying {g['pairs']} "
        f"pairs of actors) between {g.get('linked', g['actors'])} actors; {g['actors']} entities"
        f"{rolled_up if g['level'] == 'countries' else ''}"
        f", from {g['articles']} articles.",
        f"Betweenness: {settings['betweenness']} (exact up to {settings['approx_above']} nodes, "
        f"estimated from {settings['samples']} sampled sources above); "
        f"communities seeded with {settings['seed']}.",
        "",
        "## Top actors",
        "",
        "Ranked by reports involving the actor (in + out strength).",
        "",
    ]
    rows: list[list[object]] = [
        [
            i,
            a["label"],
            a["type"],
            a["degree"],
            a["out_strength"],
            a["in_strength"],
            a["pagerank"],
            a["betweenness"],
        ]
        for i, a in enumerate(report["top_actors"], 1)
    ]
    lines += _table(
        ["#", "actor", "type", "partners", "out", "in", "PageRank", "betweenness"], rows
    )
    lines += [
        "",
        "## Communities",
        "",
        "Louvain communities of the cooperative ties (positive net score).",
        "",
    ]
    if not report["communities"]:
        lines.append("No cooperative ties.")
    for c in report["communities"]:
        lines.append(f"- **{c['id']}** ({c['size']}): {_names([m['label'] for m in c['members']])}")
    if report["community_count"] > len(report["communities"]):
        lines.append(
            f"- … {report['community_count'] - len(report['communities'])} smaller communities"
        )
    lines += [
        "",
        "## Brokers",
        "",
        "Actors whose cooperative ties reach into several communities, by betweenness in the "
        "cooperation graph.",
        "",
    ]
    if report["brokers"]:
        lines += _table(
            ["actor", "betweenness", "communities"],
            [
                [b["label"], b["betweenness"], ", ".join(map(str, b["communities"]))]
                for b in report["brokers"]
            ],
        )
    else:
        lines.append("None.")
    lines += _pairs("Most cooperative pairs", report["cooperative_pairs"])
    lines += _pairs("Most conflictual pairs", report["conflictual_pairs"])
    bal = report["balance"]
    lines += ["", "## Structural balance", ""]
    if bal["triangles"]:
        lines.append(
            f"{bal['balanced']} of {bal['triangles']} signed triangles are balanced "
            f"({bal['share_balanced']:.0%})."
        )
        for t in bal["most_unbalanced"]:
            a, b, c = t["labels"]
            s = t["scores"]
            lines.append(
                f"- {a} – {b} {_score(s[0])}, {b} – {c} {_score(s[1])}, {a} – {c} {_score(s[2])}"
            )
    else:
        lines.append("No triangle of signed ties.")
    comp = report["components"]
    isolates = [i["label"] for i in comp["isolates"]]
    largest = comp["sizes"][0] if comp["sizes"] else 0
    lines += [
        "",
        "## Components",
        "",
        f"{comp['components']} connected components; the largest holds {largest} actors.",
        f"{len(isolates)} isolates (no relation at all)"
        f"{': ' + _names(isolates) if isolates else ''}.",
    ]
    return "\n".join(lines) + "\n"


def path_markdown(hops: list[dict[str, Any]], source: str, target: str) -> str:
    """A chain of relations with the sentence behind each hop.

    Examples:
        >>> hop = {"from": "a", "to": "b", "from_label": "A", "to_label": "B", "subject": "a",
        ...        "object": "b", "predicate": "metWith", "sources": 1, "sentence": "A met B.",
        ...        "title": "T", "article": "x", "date": "2025-01-01"}
        >>> print(path_markdown([hop], "A", "B"))
        # Path from A to B (1 hop)
        <BLANKLINE>
        1. **A** —metWith→ **B** (1 article)
           > A met B.
           — T, 2025-01-01
        <BLANKLINE>
    """
    count = len(hops)
    lines = [f"# Path from {source} to {target} ({count} hop{'s' if count != 1 else ''})", ""]
    for i, h in enumerate(hops, 1):
        arrow = f"—{h['predicate']}→" if h["subject"] == h["from"] else f"←{h['predicate']}—"
        plural = "s" if h["sources"] != 1 else ""
        lines.append(
            f"{i}. **{h['from_label']}** {arrow} **{h['to_label']}** "
            f"({h['sources']} article{plural})"
        )
        if h["sentence"]:
            lines.append(f"   > {' '.join(h['sentence'].split())}")
        where = ", ".join(x for x in (h["title"] or h["article"], h["date"]) if x)
        if where:
            lines.append(f"   — {where}")
    return "\n".join(lines) + "\n"


def pair_markdown(timeline: dict[str, Any], labels: dict[str, str]) -> str:
    """A pair's summary and its dated reports with the running net score."""
    s = timeline["summary"]
    a, b = (labels.get(n, n) for n in s["actors"])
    lines = [
        f"# {a} – {b}",
        "",
        f"{s['events']} reports, net score {_score(s['score'])} "
        f"(cooperation {_score(s['cooperation'])}, conflict {_score(s['conflict'])}), "
        f"{s['first_date'] or '?'} → {s['last_date'] or '?'}, trend: {s['trend'] or 'n/a'}.",
        "",
    ]
    if not timeline["events"]:
        return "\n".join([*lines, "No event relation between them."]) + "\n"
    rows: list[list[object]] = [
        [
            e["date"] or "?",
            f"{labels.get(e['subject'], e['subject'])} {e['predicate']} "
            f"{labels.get(e['object'], e['object'])}",
            _score(e["score"]),
            _score(e["net"]),
            e["sentence"],
        ]
        for e in timeline["events"]
    ]
    lines += _table(["date", "relation", "score", "net", "evidence"], rows)
    return "\n".join(lines) + "\n"
