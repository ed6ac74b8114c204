"""The ``graphkit analyze`` command's single library call: text for the terminal.

Examples:
    >>> from graphkit.analyze.examples import example_dataset
    >>> text = run_cli_analyze(example_dataset(), fmt="md", path=["Petro", "Trump"], pair=None,
    ...                        plot_dir=None, export=None)
    >>> print(text.splitlines()[0])
    # Path from Gustavo Petro to Donald Trump (1 hop)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Dataset

from graphkit.analyze.export import export_graph
from graphkit.analyze.pairs import pair_timeline
from graphkit.analyze.paths import evidence_path, find_actor
from graphkit.analyze.projections import actor_graph, country_graph
from graphkit.analyze.render import pair_markdown, path_markdown, report_markdown
from graphkit.analyze.report import analyze
from graphkit.errors import InputError

EMPTY_MESSAGE = (
    "The graph has no actors, so there is nothing to analyze. Build a store from articles "
    "(graphkit build ARTICLES) or pass RDF files with --graph FILE.\n"
)


def run_cli_analyze(
    source: Dataset,
    *,
    fmt: str,
    path: list[str] | None,
    pair: list[str] | None,
    plot_dir: Path | None,
    export: Path | None,
    level: str = "actors",
    top: int = 10,
    seed: int = 0,
) -> str:
    """Run the analysis asked for on the command line and return what to print.

    With ``path`` (two names) the output is the chain of relations between them, with
    ``pair`` the timeline of one pair, otherwise the whole report. ``plot_dir`` and
    ``export`` write files as well (their paths are listed at the end of the Markdown
    output). ``fmt`` is ``"md"`` or ``"json"``.

    Raises:
        InputError: an unknown actor name, unconnected actors or an unknown export suffix.
    """
    if fmt not in ("md", "json"):
        msg = f"unknown format '{fmt}'; use md or json"
        raise InputError(msg)
    actors = actor_graph(source)
    G = country_graph(actors) if level == "countries" else actors
    if G.number_of_nodes() == 0:
        return (
            json.dumps({"message": EMPTY_MESSAGE.strip()}) + "\n"
            if fmt == "json"
            else EMPTY_MESSAGE
        )
    parts: list[str] = []
    data: dict[str, Any] = {}
    if path:
        hops = evidence_path(G, path[0], path[1])
        a, b = (G.nodes[find_actor(G, name)]["label"] for name in path)
        data["path"] = hops
        parts.append(path_markdown(hops, a, b))
    if pair:
        a, b = (find_actor(G, name) for name in pair)
        timeline = pair_timeline(G, a, b)
        data["pair"] = timeline
        parts.append(pair_markdown(timeline, {n: G.nodes[n]["label"] for n in (a, b)}))
    written: list[Path] = []
    if not (path or pair) or plot_dir:
        report = analyze(actors, level=level, top=top, seed=seed)
        if not (path or pair):
            data["report"] = report
            parts.append(report_markdown(report))
        if plot_dir:
            from graphkit.analyze.plot import plot_report  # matplotlib only when asked for

            written += plot_report(G, report, plot_dir)
    if export:
        written.append(export_graph(G, export))
    if fmt == "json":
        data["written"] = [str(p) for p in written]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if written:
        parts.append("Wrote " + ", ".join(str(p) for p in written) + "\n")
    return "\n".join(parts)
