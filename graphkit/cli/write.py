"""The commands that write graphs: ``extract``, ``build``, ``remove`` and ``merge``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graphkit.cli.common import (
    RAW,
    build_store,
    input_args,
    nlp_args,
    report_skipped,
    settings_of,
    status,
    store_args,
)
from graphkit.errors import GraphkitError

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
}


def cmd_extract(args: argparse.Namespace) -> int:
    from graphkit.pipeline import extract_files
    from graphkit.store import dataset_to_string, format_for, write_rdf

    if args.output:
        format_for(args.output)  # an unknown extension fails now, not after the NLP
    skipped: list[str] | None = None if args.strict else []
    ds = extract_files(
        args.articles, settings=settings_of(args), progress=not args.quiet, skipped=skipped
    )
    if args.output:
        write_rdf(ds, args.output)
    else:
        sys.stdout.write(dataset_to_string(ds, "trig"))
    return report_skipped("extract", skipped or [])


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
        store=build_store(args),
        settings=settings_of(args),
        progress=not args.quiet,
        urls=urls,
        feeds=args.feed or (),
        fetch=_fetch_options(args) if (urls or args.feed) else None,
        strict=args.strict,
        dask=args.dask,
        partition_size=args.partition_size,
        shard_dir=args.shard_dir,
        recount=args.recount,
    )
    print(report.summary(problems=False))
    return report_skipped("build", problems + report.problems)


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _fetch_options(args: argparse.Namespace) -> Any:
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

    removed = remove(args.articles, store=build_store(args))
    status(f"removed {removed} article graph(s)")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from graphkit.merge import merge_files_report
    from graphkit.store import write_rdf

    ds, report = merge_files_report(
        args.graphs, resolve=not args.no_resolve, keep_unknown=args.keep_unknown
    )
    write_rdf(ds, args.output)
    status(f"{report.summary()}\nwrote {args.output}")
    return 0


def _web_args(p: argparse.ArgumentParser) -> None:
    web = p.add_argument_group("web pages and feeds")
    add = web.add_argument
    add(
        "--urls",
        type=Path,
        action="append",
        metavar="FILE",
        help="page URLs: one a line, or a CSV/TSV with a url (or GDELT SOURCEURL) column",
    )
    add(
        "--feed",
        action="extend",
        nargs="+",
        metavar="URL",
        help="RSS or Atom feed(s) whose items are fetched",
    )
    add("--offline", action="store_true", help="use the web cache only; fetch nothing")
    add(
        "--cache",
        type=Path,
        metavar="DIR",
        help="web cache folder (default $GRAPHKIT_CACHE or ~/.cache/graphkit/web)",
    )
    add(
        "--allow-private",
        action="store_true",
        help="allow private, loopback and link-local addresses (a local server)",
    )
    add("--ignore-robots", action="store_true", help="do not honour robots.txt")
    add(
        "--rate-limit",
        type=float,
        default=None,
        metavar="SECONDS",
        help="least time between two requests to one host (default 1; 0 = off)",
    )
    add(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="time limit to connect and to read a page (default 20)",
    )
    add(
        "--max-page-size",
        type=float,
        default=None,
        metavar="MB",
        help="largest page fetched (default 5)",
    )
    add(
        "--max-redirects",
        type=int,
        default=None,
        metavar="N",
        help="redirects followed (default 5)",
    )


def add_parsers(sub: Any) -> None:
    """The four writing commands' parsers, in the order ``--help`` lists them."""
    p = sub.add_parser(
        "extract",
        help="RDF for the given articles (TriG on stdout without -o)",
        epilog=EXAMPLES["extract"],
        **RAW,
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
    input_args(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "build",
        help="extract articles under PATH (or at URLs, in feeds) into the on-disk store",
        epilog=EXAMPLES["build"],
        **RAW,
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH_OR_URL", help="article files, folders, or page URLs"
    )
    store_args(p)
    p.add_argument("--dask", metavar="ADDRESS", help="extract on Dask: a scheduler or 'local'")
    p.add_argument("--partition-size", type=int, metavar="N", help="with --dask: files per task")
    p.add_argument(
        "--shard-dir",
        type=Path,
        metavar="DIR",
        help="with --dask: keep the N-Quads shards in DIR (a folder all workers reach)",
    )
    p.add_argument(
        "--recount",
        action="store_true",
        help="count the whole store for the summary (and keep the figures) instead of "
        "carrying the kept figures forward",
    )
    nlp_args(p)
    input_args(p)
    _web_args(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "remove",
        help="take articles' contributions out of the store",
        epilog=EXAMPLES["remove"],
        **RAW,
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article path, id or IRI")
    store_args(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser(
        "merge",
        help="merge RDF files from several articles or runs into one graph",
        epilog=EXAMPLES["merge"],
        **RAW,
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
