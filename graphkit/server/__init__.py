"""A SPARQL 1.1 Protocol endpoint over a store, safe by default.

``/sparql`` answers GET ``?query=``, POST forms (``query=`` or ``update=``) and POST bodies
of type ``application/sparql-query`` / ``application/sparql-update``, with content
negotiation (JSON, XML, CSV, TSV results; Turtle, N-Triples, TriG, N-Quads, JSON-LD or
RDF/XML for CONSTRUCT and DESCRIBE; 406 for anything else), so any SPARQL client works.
GET ``/sparql`` without a query gives the SPARQL 1.1 Service Description; HEAD and OPTIONS
are answered, and CORS headers let browser tools (YASGUI and the like) use it. ``/`` is a
query editor with the presets as examples (:mod:`graphkit.server.pages`); ``/map`` serves
the map page given with ``--map``.

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
    >>> from graphkit.store import open_store
    >>> from graphkit.store.examples import example_dataset
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> with open_store(folder) as store:
    ...     for g in example_dataset().graphs():
    ...         if len(g):
    ...             store.replace_article(g.identifier, g)
    >>> server = make_server(store=folder, port=0, workers=1, quiet=True)
    >>> _ = threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> ask = server.url + "?query=ASK%7B%3Fa%20gk%3AmetWith%20%3Fb%7D"
    >>> urllib.request.urlopen(urllib.request.Request(ask, headers={"Accept": "text/csv"})).read()
    b'boolean\\r\\ntrue\\r\\n'
    >>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import ipaddress
import os
import sys
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from graphkit.errors import GraphkitError
from graphkit.server.protocol import MAX_BODY, Reply, acceptable, media_types, negotiate
from graphkit.server.workers import WorkerPool

__all__ = [
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


def default_workers() -> int:
    """Worker processes by default: one per core, at least two."""
    return max(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class Limits:
    """What one endpoint allows; every field has a ``graphkit serve`` option of the same name.

    Examples:
        >>> limits = Limits(workers=2)
        >>> limits.backlog, limits.max_queue
        (256, 256)
    """

    timeout: float = 10.0
    """Seconds a query (or update) may run (503 after)."""
    max_results: int = 100_000
    """Rows (or triples) a result may hold (422 beyond)."""
    max_memory: int = 1024
    """MB of memory a query may add to its worker process (503 beyond)."""
    max_response: int = 64
    """MB a serialized result may take (422 beyond)."""
    workers: int = field(default_factory=default_workers)
    """Worker processes answering queries at once."""
    backlog: int = 0
    """Connections the system queues before the server accepts them (0: 64 per worker, >= 256)."""
    queue_wait: float = 30.0
    """Seconds a request may wait for a free worker (503 after)."""
    max_queue: int = 0
    """Requests that may wait for a worker at once (0: 64 per worker, >= 256); more get 503."""

    def __post_init__(self) -> None:
        numbers = {
            "--timeout": self.timeout, "--max-results": self.max_results,
            "--max-memory": self.max_memory, "--max-response": self.max_response,
            "--workers": self.workers, "--queue-wait": self.queue_wait,
        }  # fmt: skip
        bad = [name for name, value in numbers.items() if value <= 0]
        bad += [
            n for n, v in (("--backlog", self.backlog), ("--max-queue", self.max_queue)) if v < 0
        ]
        if bad:
            msg = f"{', '.join(bad)} must be positive"
            raise GraphkitError(msg)
        if not self.backlog:
            object.__setattr__(self, "backlog", max(256, 64 * self.workers))
        if not self.max_queue:
            object.__setattr__(self, "max_queue", max(256, 64 * self.workers))


class SparqlServer(ThreadingHTTPServer):
    """ThreadingHTTPServer holding the worker pools and the endpoint's settings."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        store: Path,
        allow_update: bool,
        limits: Limits,
        map_path: Path | None,
        cors_origins: tuple[str, ...],
        quiet: bool,
    ) -> None:
        self.store_path = store
        self.allow_update = allow_update
        self.map_path = map_path
        self.limits = limits
        self.cors_origins = cors_origins
        self.quiet = quiet
        self.idle_timeout = IDLE_TIMEOUT
        self.request_queue_size = limits.backlog
        self.readers = self._pool(store, limits, size=limits.workers, writer=False)
        self.writer = self._pool(store, limits, size=1, writer=True) if allow_update else None
        try:
            super().__init__(address, SparqlHandler)
        except OSError:
            self.close_pools()
            raise

    @staticmethod
    def _pool(store: Path, limits: Limits, *, size: int, writer: bool) -> WorkerPool:
        return WorkerPool(
            store, size=size, writer=writer, timeout=limits.timeout, max_results=limits.max_results,
            max_memory=limits.max_memory, max_response=limits.max_response,
            queue_wait=limits.queue_wait, max_queue=limits.max_queue,
        )  # fmt: skip

    def close_pools(self) -> None:
        self.readers.close()
        if self.writer is not None:
            self.writer.close()

    def server_close(self) -> None:
        super().server_close()
        self.close_pools()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}/sparql"


_METHODS = "GET, HEAD, POST, OPTIONS"
IDLE_TIMEOUT = 60.0
"""Seconds a client may stay silent mid-request (or between requests) before it is dropped."""


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol at /sparql, the query editor at /, the map at /map."""

    server: SparqlServer
    server_version = "graphkit"

    @property
    def timeout(self) -> float:  # type: ignore[override]
        """Seconds a connection may stay silent (read by ``setup`` for the socket)."""
        return self.server.idle_timeout

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _cors(self) -> None:
        allowed = self.server.cors_origins
        origin = self.headers.get("Origin")
        if "*" in allowed:
            self.send_header("Access-Control-Allow-Origin", "*")
        elif origin and origin in allowed:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self._cors()
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Allow", _METHODS)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", _METHODS)
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        from graphkit.server import pages

        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(self._editor())
        elif url.path in pages.ASSETS:
            self._send(pages.asset(url.path))
        elif url.path in ("/map", "/map.html"):
            self._send(self._map())
        elif url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if "query" not in params:
                self._send(self._description())
            else:
                self._send(self._dispatch("query", params["query"][0], params))
        else:
            self._send(Reply.error(404, f"no page at {url.path}; the SPARQL endpoint is /sparql"))

    def _body(self) -> str | Reply:
        """The request body, or the error to answer."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return Reply.error(
                411, "send the request with a Content-Length (chunked bodies are not read)"
            )
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit():
            return Reply.error(400, f"Content-Length must be a number of bytes, not {raw[:40]!r}")
        length = int(raw)
        if length > MAX_BODY:
            return Reply.error(
                413, f"request body over {MAX_BODY // (1024 * 1024)} MB; send a smaller request"
            )
        return self.rfile.read(length).decode("utf-8", errors="replace")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(Reply.error(404, f"no endpoint at {url.path}; POST to /sparql"))
            return
        body = self._body()
        if isinstance(body, Reply):
            self.close_connection = True  # the body was not read: do not parse it as a request
            self._send(body)
            return
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            params.update(form)
            if "update" in form:
                self._send(self._dispatch("update", form["update"][0], params))
            elif "query" in form:
                self._send(self._dispatch("query", form["query"][0], params))
            else:
                self._send(Reply.error(400, "the form has neither 'query' nor 'update'"))
        elif media == "application/sparql-query":
            self._send(self._dispatch("query", body, params))
        elif media == "application/sparql-update":
            self._send(self._dispatch("update", body, params))
        else:
            self._send(
                Reply.error(
                    415, "send application/sparql-query, application/sparql-update or a form"
                )
            )

    def _dispatch(self, kind: str, text: str, params: dict[str, list[str]]) -> Reply:
        from graphkit.store.sparql import QUERY_FORMS, query_form

        form = query_form(text)
        if kind == "query" and form not in QUERY_FORMS and form:
            kind = "update"  # an update sent as a query
        if kind == "update" and not self.server.allow_update:
            return Reply.error(
                403,
                "this endpoint is read-only; restart it with 'graphkit serve --allow-update'"
                " to accept SPARQL Update",
            )
        if kind == "update" and not self._origin_may_update():
            return Reply.error(
                403, "updates from a page of another origin are refused; add it with --cors-origin"
            )
        accept = self.headers.get("Accept") or ""
        override = (params.get("format") or params.get("output") or [""])[0]
        if kind == "query" and form and acceptable(accept, form, override=override) is None:
            return Reply.error(
                406,
                f"cannot answer {form} queries as {accept[:80]!r};"
                f" accept one of {', '.join(media_types(form))}",
            )
        if not text.strip():
            return Reply.error(400, f"the {kind} is empty; send a SPARQL {kind}")
        # the full check (SERVICE, LOAD: a parse that can take a while) runs in the worker,
        # within the request's time and memory limits
        job = {
            "kind": kind,
            "text": text,
            "accept": accept,
            "format": override,
            "default": params.get("default-graph-uri") or [],
            "named": params.get("named-graph-uri") or [],
        }
        pool = self.server.writer if kind == "update" else self.server.readers
        assert pool is not None
        return pool.run(job)

    def _origin_may_update(self) -> bool:
        """A browser says where a request comes from: updates only from allowed origins."""
        origin = self.headers.get("Origin")
        if origin is None:
            return True  # not a browser page (curl, a SPARQL client)
        host = self.headers.get("Host") or ""
        own = origin.split("://", 1)[-1] == host
        return own or origin in self.server.cors_origins

    def _description(self) -> Reply:
        from graphkit.server import pages
        from graphkit.server.protocol import _RDF_TYPES

        accept = self.headers.get("Accept") or ""
        fmt = acceptable(accept, "CONSTRUCT")
        if fmt is None and "text/html" in accept:
            fmt = "turtle"  # a browser asking for a page: show the Turtle
        if fmt is None:
            return Reply.error(
                406, f"the service description is RDF; accept one of {', '.join(_RDF_TYPES)}"
            )
        graph = pages.service_description(self.server.url, allow_update=self.server.allow_update)
        rdflib_format = {"rdf-xml": "xml", "ntriples": "nt", "trig": "trig", "nquads": "nquads"}
        data = graph.serialize(format=rdflib_format.get(fmt, fmt), encoding="utf-8")
        media = next(m for m, f in _RDF_TYPES.items() if f == fmt)
        return Reply(200, media, data)

    def _editor(self) -> Reply:
        from graphkit.server import pages

        page = pages.editor_page(
            store=str(self.server.store_path), allow_update=self.server.allow_update,
            has_map=self.server.map_path is not None,
        )  # fmt: skip
        return Reply(
            200, "text/html; charset=utf-8", page, (("Content-Security-Policy", pages.PAGE_POLICY),)
        )

    def _map(self) -> Reply:
        path = self.server.map_path
        if path is None:
            return Reply.error(
                404,
                "no map is served; restart with 'graphkit serve --map MAP.html'"
                " (write one with 'graphkit map')",
            )
        try:
            return Reply(200, "text/html; charset=utf-8", path.read_bytes())
        except OSError:
            return Reply.error(
                404, f"the map file {path} is missing; write it with 'graphkit map -o {path}'"
            )


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
            map_path=map_path, cors_origins=tuple(origins), quiet=quiet,
        )  # fmt: skip
    except OSError as err:
        msg = f"cannot listen on {host}:{port}: {err.strerror or err}; choose another --port"
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
