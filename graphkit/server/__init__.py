"""A SPARQL 1.1 Protocol endpoint over a store, safe by default.

``/sparql`` answers GET ``?query=``, POST forms (``query=`` or ``update=``) and POST bodies
of type ``application/sparql-query`` / ``application/sparql-update``, with content
negotiation (JSON, XML, CSV, TSV results; Turtle, N-Triples, TriG, N-Quads, JSON-LD or
RDF/XML for CONSTRUCT and DESCRIBE), so any SPARQL client works. ``/`` serves the map page
given with ``--map`` (or a small query form).

Safety: it binds 127.0.0.1 unless told otherwise; it is read-only unless started with
``allow_update`` (403 otherwise); ``SERVICE`` (federated query) is refused with a 400; every
request has a time limit (503 when exceeded) and a result-size limit (422). Queries run in
worker processes that read the store's newest published snapshot, so the endpoint keeps
answering while ``graphkit build`` writes to the same store, and a query over its time limit
is stopped by ending its worker (a new one replaces it). Updates, when allowed, run in one
writer process that publishes a snapshot after each; that process holds the store's writer
lock, so a build waits until the server stops.

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

import html
import ipaddress
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from graphkit.errors import GraphkitError, QueryError
from graphkit.server.protocol import MAX_BODY, Reply, negotiate
from graphkit.server.workers import WorkerPool

__all__ = ["MAX_BODY", "Reply", "SparqlHandler", "SparqlServer", "WorkerPool", "make_server", "negotiate", "serve"]


_INDEX = """<!doctype html><html><head><meta charset="utf-8"><title>graphkit SPARQL</title></head>
<body><h1>graphkit SPARQL endpoint</h1><p>Store: {store}. {mode}</p>
<form action="/sparql" method="get"><textarea name="query" rows="10" cols="80">
SELECT ?actor1 ?relation ?actor2 WHERE {{
  ?a gk:CONSULT ?b ; rdfs:label ?actor1 . ?b rdfs:label ?actor2 .
  BIND("CONSULT" AS ?relation)
}} LIMIT 20</textarea><br><input type="hidden" name="format" value="text">
<button type="submit">Run</button></form></body></html>
"""


class SparqlServer(ThreadingHTTPServer):
    """ThreadingHTTPServer holding the worker pools and the endpoint's settings."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], *, store: Path, allow_update: bool, timeout: float,
                 max_results: int, map_path: Path | None, workers: int, quiet: bool) -> None:
        self.store_path = store
        self.allow_update = allow_update
        self.map_path = map_path
        self.quiet = quiet
        self.readers = WorkerPool(store, size=workers, writer=False, timeout=timeout, max_results=max_results)
        self.writer = (
            WorkerPool(store, size=1, writer=True, timeout=timeout, max_results=max_results) if allow_update else None
        )
        try:
            super().__init__(address, SparqlHandler)
        except OSError:
            self.close_pools()
            raise

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


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol at /sparql, the map page at /."""

    server: SparqlServer
    server_version = "graphkit"

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(self._page())
        elif url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if "query" not in params:
                self._send(Reply.error(400, "missing 'query' parameter; send /sparql?query=SELECT..."))
            else:
                self._send(self._dispatch("query", params["query"][0], params))
        else:
            self._send(Reply.error(404, f"no page at {url.path}; the SPARQL endpoint is /sparql"))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(Reply.error(404, f"no endpoint at {url.path}; POST to /sparql"))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(Reply.error(413, f"request body over {MAX_BODY // (1024 * 1024)} MB; send a smaller request"))
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
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
            self._send(Reply.error(415, "send application/sparql-query, application/sparql-update or a form"))

    def _dispatch(self, kind: str, text: str, params: dict[str, list[str]]) -> Reply:
        from graphkit.store.sparql import QUERY_FORMS, check_query, query_form

        form = query_form(text)
        if kind == "query" and form not in QUERY_FORMS and form:
            kind = "update"  # an update sent as a query
        if kind == "update" and not self.server.allow_update:
            return Reply.error(403, "this endpoint is read-only; restart it with 'graphkit serve --allow-update' to accept SPARQL Update")
        try:
            check_query(text, name=kind, allow_update=kind == "update")
        except QueryError as err:
            return Reply.error(400, str(err))
        job = {
            "kind": kind,
            "text": text,
            "accept": self.headers.get("Accept") or "",
            "format": (params.get("format") or params.get("output") or [""])[0],
            "default": params.get("default-graph-uri") or [],
            "named": params.get("named-graph-uri") or [],
        }
        pool = self.server.writer if kind == "update" else self.server.readers
        assert pool is not None
        return pool.run(job)

    def _page(self) -> Reply:
        path = self.server.map_path
        if path is None:
            mode = "Read-write (SPARQL Update allowed)." if self.server.allow_update else "Read-only."
            page = _INDEX.format(store=html.escape(str(self.server.store_path)), mode=mode)
            return Reply(200, "text/html; charset=utf-8", page.encode("utf-8"))
        try:
            return Reply(200, "text/html; charset=utf-8", path.read_bytes())
        except OSError:
            return Reply.error(404, f"the map file {path} is missing; write it with 'graphkit map -o {path}'")


def make_server(
    *,
    store: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    allow_update: bool = False,
    timeout: float = 10.0,
    max_results: int = 100_000,
    map_path: Path | None = None,
    workers: int = 2,
    quiet: bool = False,
) -> SparqlServer:
    """A ready (not yet serving) endpoint; ``port=0`` picks a free port (see ``server.url``).

    Raises:
        StoreError: no store at ``store`` (with the fix).
        GraphkitError: the port is taken or the address cannot be bound.
    """
    from graphkit.store import open_store

    open_store(Path(store), read_only=True).close()  # fail now, with the fix, if there is no store
    if timeout <= 0 or max_results <= 0 or workers <= 0:
        msg = "--timeout, --max-results and the number of workers must be positive"
        raise GraphkitError(msg)
    try:
        return SparqlServer(
            (host, port), store=Path(store), allow_update=allow_update, timeout=timeout,
            max_results=max_results, map_path=map_path, workers=workers, quiet=quiet,
        )
    except OSError as err:
        msg = f"cannot listen on {host}:{port}: {err.strerror or err}; choose another --port"
        raise GraphkitError(msg) from None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(
    *,
    store: Path,
    host: str,
    port: int,
    allow_update: bool,
    timeout: float,
    max_results: int,
    map_path: Path | None,
) -> None:
    """Serve the store over HTTP until interrupted (Ctrl-C)."""
    server = make_server(
        store=store, host=host, port=port, allow_update=allow_update, timeout=timeout,
        max_results=max_results, map_path=map_path,
    )
    mode = "read-write" if allow_update else "read-only"
    print(f"graphkit: SPARQL endpoint at {server.url} ({mode}, store {store}); Ctrl-C stops it", file=sys.stderr)
    if not _is_loopback(host):
        print(f"graphkit: warning: listening on {host}: anyone who can reach this machine can query the store", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
