"""The HTTP side of the endpoint: the server holding the worker pools, and its request handler.

:class:`SparqlHandler` answers the SPARQL 1.1 Protocol at ``/sparql``, the query editor at
``/`` and the map at ``/map``; :class:`SparqlServer` holds the pools that run the queries
(:mod:`graphkit.server.workers`) and the endpoint's settings. :func:`graphkit.server.make_server`
builds one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from graphkit.server.limits import Limits
from graphkit.server.protocol import MAX_BODY, Reply, acceptable, media_types
from graphkit.server.workers import WorkerPool


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
        wording: Callable[[str], str] | None = None,
    ) -> None:
        self.store_path = store
        self.allow_update = allow_update
        self.map_path = map_path
        self.limits = limits
        self.cors_origins = cors_origins
        self.quiet = quiet
        self.wording = wording  # error messages name Python parameters; this rewords them
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
        wording = self.server.wording
        if (
            wording is not None
            and reply.status >= 400
            and reply.content_type.startswith("text/plain")
        ):
            text = wording(reply.body.decode("utf-8", errors="replace"))
            reply = dataclasses.replace(reply, body=text.encode("utf-8"))
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
                "this endpoint is read-only; restart it with allow_update=True"
                " to accept SPARQL Update",
            )
        if kind == "update" and not self._origin_may_update():
            return Reply.error(
                403, "updates from a page of another origin are refused; add it to cors_origins="
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
                "no map is served; restart with map_path=MAP.html (write one with 'graphkit map')",
            )
        try:
            return Reply(200, "text/html; charset=utf-8", path.read_bytes())
        except OSError:
            return Reply.error(
                404, f"the map file {path} is missing; write it again with write_map()"
            )
