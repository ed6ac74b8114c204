"""The ``serve`` command: a SPARQL 1.1 Protocol endpoint over a store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from graphkit.cli.common import RAW, settings_of, store_arg
from graphkit.cli.flags import as_flags

EXAMPLES = {
    "serve": """examples:
  graphkit serve --store graphkit-store --port 7878
  graphkit serve --map map.html   # the map at /map, SPARQL at /sparql""",
}


def cmd_serve(args: argparse.Namespace) -> int:
    from graphkit.errors import InputError
    from graphkit.server import serve
    from graphkit.store.remote import is_remote

    if is_remote(args.store):
        msg = (
            f"graphkit serve serves an embedded store folder; {args.store} is a SPARQL server "
            f"already: query it there, or with 'graphkit query --store {args.store}'"
        )
        raise InputError(msg)
    serve(
        store=args.store or settings_of(args).store,
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
        wording=lambda text: as_flags(text, getattr(args, "flags", {})),
    )
    return 0


def add_parsers(sub: Any) -> None:
    """The parser of ``serve``."""
    p = sub.add_parser(
        "serve",
        help="SPARQL 1.1 Protocol endpoint at /sparql (read-only by default)",
        epilog=EXAMPLES["serve"],
        **RAW,
    )
    p.add_argument(
        "--store", type=store_arg, metavar="DIR", help="store folder (default ./graphkit-store)"
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
    p.add_argument(
        "--max-memory",
        type=int,
        default=1024,
        metavar="MB",
        help="memory a query may add to its worker process (default 1024)",
    )
    p.add_argument(
        "--max-response",
        type=int,
        default=64,
        metavar="MB",
        help="size limit of a serialized result (default 64)",
    )
    p.add_argument(
        "--workers", type=int, help="worker processes (default: one per core, at least 2)"
    )
    p.add_argument(
        "--backlog",
        type=int,
        default=0,
        help="connections queued by the system (default: 64 per worker, at least 256)",
    )
    p.add_argument(
        "--queue-wait",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long a request may wait for a free worker (default 30)",
    )
    p.add_argument(
        "--max-queue",
        type=int,
        default=0,
        help="requests that may wait at once (default: 64 per worker, at least 256)",
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="origin browser pages may query from, repeatable; default * when "
        "read-only, none with --allow-update",
    )
    p.add_argument(
        "--map",
        type=Path,
        metavar="FILE",
        help="HTML map to serve at /map (the query editor is at /)",
    )
    p.set_defaults(func=cmd_serve)
