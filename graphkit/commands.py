"""What the ``query`` and ``analyze`` commands print: the command line's two text-building calls.

:mod:`graphkit.cli` parses the flags and calls one function here; the library functions
they use (:func:`graphkit.query.run_query`, :func:`graphkit.analyze.analyze`...) know
nothing of flags. Messages here may name flags (``--min-sources``, ``--preset``): they
answer what a user typed.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> print(run_cli_query(example_dataset(), query=None, preset="who-met-whom", params=[],
    ...                     fmt="table", min_sources=2), end="")
    actor1        actor2         relations  sources  first       last
    ------------  -------------  ---------  -------  ----------  ----------
    Donald Trump  Gustavo Petro  metWith          2  2025-11-03  2025-11-07
    <BLANKLINE>
    (1 row)
    >>> text = run_cli_analyze(example_dataset(), fmt="md", path=["Petro", "Trump"], pair=None,
    ...                        plot_dir=None, export=None)
    >>> print(text.splitlines()[0])
    # Path from Gustavo Petro to Donald Trump (1 hop)
"""

from __future__ import annotations

import json
from collections.abc import Callable
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
from graphkit.query import as_oxigraph, presets
from graphkit.query.presets import bind_params, get_preset, list_presets, parse_header
from graphkit.query.results import format_result
from graphkit.store.sparql import QueryResult, execute


def _read_query(query: str) -> tuple[str, str]:
    """(text, name) of a query given as a string or as a path to a .rq file."""
    candidate = query.strip()
    looks_like_file = "\n" not in candidate and (
        candidate.endswith((".rq", ".sparql")) or Path(candidate).is_file()
    )
    if not looks_like_file:
        return query, "query"
    path = Path(candidate)
    try:
        return path.read_text(encoding="utf-8"), path.name
    except FileNotFoundError:
        msg = (
            f"cannot read '{path}': no such file; check the path (or pass the query text in quotes)"
        )
        raise InputError(msg) from None
    except (OSError, UnicodeDecodeError) as err:
        msg = f"cannot read '{path}': {err}; give a UTF-8 text file with a SPARQL query"
        raise InputError(msg) from None


def keep_min_sources(result: QueryResult, min_sources: int, *, name: str) -> QueryResult:
    """Keep the rows whose ``sources`` column (distinct articles) is at least ``min_sources``."""
    if result.kind != "SELECT" or "sources" not in result.variables:
        with_sources = sorted(p.name for p in presets().values() if "?sources" in p.text)
        msg = (
            f"--min-sources needs a ?sources column (distinct articles per row) and {name} "
            f"has none; presets with one: {', '.join(with_sources)}"
        )
        raise InputError(msg)
    col = result.variables.index("sources")

    def count(term: Any) -> float:
        try:
            return float(term.value) if term is not None else 0.0
        except ValueError:
            return 0.0

    rows = [row for row in result.rows if count(row[col]) >= min_sources]
    return QueryResult("SELECT", result.variables, rows)


def run_cli_query(
    source: Any,
    *,
    query: str | None,
    preset: str | None,
    params: list[str],
    fmt: str,
    min_sources: int | None,
) -> str:
    """What ``graphkit query`` prints: a query (text or .rq file) or a preset, formatted.

    Args:
        source: a Dataset or Store.
        query: SPARQL text or a path to a .rq file (its ``# param`` header is honoured).
        preset: a preset name, or ``list`` to list them.
        params: values of the query's parameters, in the order the header declares them.
        fmt: table, csv, tsv or json (CONSTRUCT/DESCRIBE print RDF).
        min_sources: keep rows whose ``sources`` column is at least this.

    Raises:
        InputError: neither or both of query and preset, wrong parameters, unknown preset.
        QueryError: the query is malformed (one line naming where).
    """
    if preset == "list":
        return list_presets() + "\nRun one with: graphkit query --preset NAME [--param VALUE ...]\n"
    if (query is None) == (preset is None):
        msg = "give either a SPARQL query (text or .rq file) or --preset NAME (see --preset list)"
        raise InputError(msg)
    if preset is not None:
        chosen = get_preset(preset)
        name = f"{chosen.name}.rq"
    else:
        text, name = _read_query(query or "")
        chosen = parse_header(name, text)
    if min_sources is not None and min_sources < 1:
        msg = f"--min-sources must be at least 1, not {min_sources}"
        raise InputError(msg)
    store = as_oxigraph(source)
    bound = bind_params(store, chosen, params) if chosen.params or params else {}
    result = execute(store, chosen.text, name=name, params=bound)
    if min_sources is not None:
        result = keep_min_sources(result, min_sources, name=name)
    return format_result(result, fmt)


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
    status: Callable[[str], None] | None = None,
) -> str:
    """Run the analysis asked for on the command line and return what to print.

    With ``path`` (two names) the output is the chain of relations between them, with
    ``pair`` the timeline of one pair, otherwise the whole report. ``plot_dir`` and
    ``export`` write files as well (their paths are listed at the end of the Markdown
    output, or go to ``status`` when given: the command line prints them on stderr, so that a
    redirected report holds only the report). ``fmt`` is ``"md"`` or ``"json"``.

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
        line = "Wrote " + ", ".join(str(p) for p in written)
        if status is None:
            parts.append(line + "\n")
        else:
            status(line)
    return "\n".join(parts)
