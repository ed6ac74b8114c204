"""The commands that read a graph: ``query``, ``map``, ``analyze`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graphkit.cli.common import RAW, open_source, source_args, status

EXAMPLES = {
    "query": """examples:
  graphkit query 'SELECT ?s ?o WHERE { ?s gk:metWith ?o }' --store graphkit-store
  graphkit query --preset relations-of --param "Gustavo Petro" --format csv
  graphkit query --preset list""",
    "map": """examples:
  graphkit map -o map.html --store graphkit-store
  graphkit map -o petro.html --focus Petro --hops 2 --title "Gustavo Petro's ties"
  graphkit map -o top.html --max-nodes 300""",
    "analyze": """examples:
  graphkit analyze --store graphkit-store > report.md
  graphkit analyze --path Petro Maduro
  graphkit analyze --plot charts/ --export actors.graphml --format json > report.json""",
    "export": """examples:
  graphkit export --format plover -o events.jsonl --store graphkit-store
  graphkit export --format dyads --by month -o dyads.csv""",
}


def cmd_query(args: argparse.Namespace) -> int:
    from graphkit.commands import run_cli_query

    if args.preset == "list":  # needs no graph
        listing = run_cli_query(
            None, query=None, preset="list", params=[], fmt=args.format, min_sources=None
        )
        sys.stdout.write(listing)
        return 0
    text = run_cli_query(
        open_source(args),
        query=args.query,
        preset=args.preset,
        params=args.param or [],
        fmt=args.format,
        min_sources=args.min_sources,
    )
    sys.stdout.write(text)
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    from graphkit.visualize import write_map

    info = write_map(
        open_source(args),
        args.output,
        focus=args.focus,
        hops=args.hops,
        layout=args.layout,
        title=args.title,
        max_nodes=args.max_nodes,
    )
    status(info)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from graphkit.commands import run_cli_analyze

    sys.stdout.write(
        run_cli_analyze(
            open_source(args),
            fmt=args.format,
            path=args.path,
            pair=args.pair,
            plot_dir=args.plot,
            export=args.export,
            level=args.level,
            top=args.top,
            seed=args.seed,
            status=status,
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from graphkit.analyze.eventdata import export_events

    rows = export_events(open_source(args), args.output, fmt=args.format, by=args.by)
    print(f"wrote {rows} {'record' if args.format == 'plover' else 'row'}(s) to {args.output}")
    return 0


def add_parsers(sub: Any) -> None:
    """The four reading commands' parsers, in the order ``--help`` lists them."""
    p = sub.add_parser(
        "query", help="SPARQL over a store or RDF files", epilog=EXAMPLES["query"], **RAW
    )
    p.add_argument("query", nargs="?", help="a SPARQL query string or a .rq file")
    p.add_argument("--preset", help="a ready-made query (see --preset list)")
    p.add_argument(
        "--param", nargs="+", metavar="VALUE", help="arguments of a preset (e.g. actor names)"
    )
    p.add_argument(
        "--min-sources",
        type=int,
        default=None,
        help="only relations reported by at least N articles",
    )
    p.add_argument(
        "--format",
        choices=["table", "csv", "tsv", "json"],
        default="table",
        help="output format (default table; csv/tsv/json are SPARQL 1.1 results)",
    )
    source_args(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "map", help="interactive HTML map of the graph", epilog=EXAMPLES["map"], **RAW
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the HTML page to write (self-contained, works offline)",
    )
    p.add_argument(
        "--focus", metavar="NAME", help="centre the map on this actor (any of its names)"
    )
    p.add_argument(
        "--hops",
        type=int,
        default=1,
        metavar="N",
        help="with --focus: how many relations away to show (default 1)",
    )
    p.add_argument(
        "--layout",
        choices=["physics", "spring", "kamada-kawai", "auto"],
        default="auto",
        help="auto: physics in the browser for small maps, precomputed positions for big ones",
    )
    p.add_argument(
        "--title", default="graphkit map", metavar="TEXT", help="page title (shown as text)"
    )
    p.add_argument(
        "--max-nodes",
        type=int,
        default=5000,
        metavar="N",
        help="keep the N most connected actors; the page says what is hidden",
    )
    source_args(p)
    p.set_defaults(func=cmd_map)

    p = sub.add_parser(
        "analyze",
        help="network report: central actors, blocs, brokers, balance",
        epilog=EXAMPLES["analyze"],
        **RAW,
    )
    p.add_argument(
        "--format", choices=["md", "json"], default="md", help="Markdown report (default) or JSON"
    )
    p.add_argument(
        "--path", nargs=2, metavar=("FROM", "TO"), help="shortest chain of relations with evidence"
    )
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="timeline of one pair of actors")
    p.add_argument("--plot", type=Path, metavar="DIR", help="write PNG charts to DIR")
    p.add_argument(
        "--export", type=Path, metavar="FILE", help="write the actor graph (.graphml, .gexf, .csv)"
    )
    p.add_argument(
        "--level",
        choices=["actors", "countries"],
        default="actors",
        help="roll people and organizations up into their country",
    )
    p.add_argument(
        "--top",
        type=int,
        default=10,
        metavar="N",
        help="how many actors, pairs and brokers to list",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="seed of community detection and sampled betweenness",
    )
    source_args(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "export",
        help="event data: PLOVER-style records or a country-dyad table",
        epilog=EXAMPLES["export"],
        **RAW,
    )
    p.add_argument(
        "--format",
        choices=["plover", "dyads"],
        required=True,
        help="plover: one JSON line per asserted event; dyads: CSV of counts per country pair",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="output file: JSON Lines for plover (events.jsonl), CSV for dyads (dyads.csv)",
    )
    p.add_argument("--by", choices=["day", "month"], default="day", help="period of a dyads row")
    source_args(p)
    p.set_defaults(func=cmd_export)
