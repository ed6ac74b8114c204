"""A SPARQL 1.1 Protocol endpoint over a store, safe by default.

``/sparql`` answers GET ``?query=``, POST forms (``query=`` or ``update=``) and POST bodies
of type ``application/sparql-query`` / ``application/sparql-update``, with content
negotiation (JSON, XML, CSV, TSV results; Turtle, N-Triples, TriG, N-Quads, JSON-LD or
RDF/XML for CONSTRUCT and DESCRIBE; 406 for anything else), so any SPARQL client works.
GET ``/sparql`` without a query gives the SPARQL 1.1 Service Description; HEAD and OPTIONS
are answered, and CORS headers let browser tools (YASGUI and the like) use it. ``/`` is a
query editor with the presets as examples (:mod:`graphkit.server.pages`); ``/map`` serves
the map page given as ``map_path``.

Safety: it binds 127.0.0.1 unless told otherwise; it is read-only unless started with
``allow_update`` (403 otherwise); ``SERVICE`` and ``LOAD`` are refused with a 400 (decided on
the parsed query, :mod:`graphkit.store.guard`), and the worker processes have no network at
all; every request has a time limit (503), a memory limit (503), a result-size limit in rows
and in bytes (422) and a body-size limit (413). Queries run in worker processes that read the
store's newest published snapshot, so the endpoint keeps answering while ``graphkit build``
writes to the same store, and a query over a limit is stopped by ending its worker (a new one
replaces it). Requests wait a bounded time for a free worker (503 with ``Retry-After``
after that). Updates, when allowed, run in one writer process that publishes a snapshot
after each; that process holds the store's writer lock, so a build waits until the server
stops.

Examples:
    >>> import tempfile, urllib.request, threading
    >>> from pathlib import Path
    >>> from graphkit.examples import example_store
    >>> folder = example_store(Path(tempfile.mkdtemp()) / "store")
    >>> server = make_server(store=folder, port=0, workers=1, quiet=True)
    >>> _ = threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> ask = server.url + "?query=ASK%7B%3Fa%20gk%3AmetWith%20%3Fb%7D"
    >>> urllib.request.urlopen(urllib.request.Request(ask, headers={"Accept": "text/csv"})).read()
    b'boolean\\r\\ntrue\\r\\n'
    >>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError
from graphkit.server.handler import IDLE_TIMEOUT, SparqlHandler, SparqlServer
from graphkit.server.limits import Limits, default_workers
from graphkit.server.protocol import MAX_BODY, Reply, negotiate
from graphkit.server.workers import WorkerPool

__all__ = [
    "IDLE_TIMEOUT",
    "MAX_BODY",
    "Limits",
    "Reply",
    "SparqlHandler",
    "SparqlServer",
    "WorkerPool",
    "default_workers",
    "make_server",
    "negotiate",
    "serve",
]


def make_server(
    *,
    store: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    allow_update: bool = False,
    timeout: float = 10.0,
    max_results: int = 100_000,
    map_path: Path | None = None,
    workers: int | None = None,
    quiet: bool = False,
    max_memory: int = 1024,
    max_response: int = 64,
    backlog: int = 0,
    queue_wait: float = 30.0,
    max_queue: int = 0,
    cors_origins: tuple[str, ...] | None = None,
    wording: Callable[[str], str] | None = None,
) -> SparqlServer:
    """A ready (not yet serving) endpoint; ``port=0`` picks a free port (see ``server.url``).

    Args:
        store: the store folder.
        host: the address to listen on (loopback by default).
        port: the port (0: any free one).
        allow_update: accept SPARQL Update.
        timeout, max_results, workers, max_memory, max_response, backlog, queue_wait,
            max_queue: the limits (see :class:`Limits`; ``workers`` defaults to the cores).
        map_path: an HTML map served at ``/map``.
        quiet: no request log.
        cors_origins: origins browser pages may query from; default ``("*",)`` when
            read-only and none but the endpoint's own when updates are allowed.
        wording: rewords the error messages sent, which name the Python parameters (the
            command line passes one that names its flags).

    Raises:
        StoreError: no store at ``store`` (with the fix).
        GraphkitError: a limit is not positive, the port is taken or the address cannot be bound.
    """
    from graphkit.store import open_store

    open_store(Path(store), read_only=True).close()  # fail now, with the fix, if there is no store
    limits = Limits(
        timeout=timeout, max_results=max_results, max_memory=max_memory, max_response=max_response,
        workers=default_workers() if workers is None else workers, backlog=backlog,
        queue_wait=queue_wait, max_queue=max_queue,
    )  # fmt: skip
    origins = cors_origins if cors_origins is not None else (() if allow_update else ("*",))
    try:
        return SparqlServer(
            (host, port), store=Path(store), allow_update=allow_update, limits=limits,
            map_path=map_path, cors_origins=tuple(origins), quiet=quiet, wording=wording,
        )  # fmt: skip
    except OSError as err:
        msg = f"cannot listen on {host}:{port}: {err.strerror or err}; choose another port="
        raise GraphkitError(msg) from None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(
    *, store: Path, host: str, port: int, allow_update: bool, map_path: Path | None, **options: Any
) -> None:
    """Serve the store over HTTP until Ctrl-C; ``options`` go to :func:`make_server`."""
    server = make_server(
        store=store, host=host, port=port, allow_update=allow_update, map_path=map_path, **options
    )
    mode = "read-write" if allow_update else "read-only"
    limits = server.limits
    print(
        f"graphkit: SPARQL endpoint at {server.url} ({mode}, store {store}); query editor at "
        f"{server.url[: -len('sparql')]}; Ctrl-C stops it",
        file=sys.stderr,
    )
    print(
        f"graphkit: {limits.workers} workers, {limits.timeout:g} s and {limits.max_memory} MB"
        " per query, "
        f"results up to {limits.max_results:,} rows and {limits.max_response} MB, "
        f"{limits.max_queue} requests may wait up to {limits.queue_wait:g} s",
        file=sys.stderr,
    )
    if not server.readers.isolated:
        print(
            f"graphkit: warning: workers keep network access ({server.readers.fence}); "
            "SERVICE and LOAD are still refused when a query is parsed",
            file=sys.stderr,
        )
    if not _is_loopback(host):
        print(
            f"graphkit: warning: listening on {host}: anyone who can reach this machine can"
            " query the store",
            file=sys.stderr,
        )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
