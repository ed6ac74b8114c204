"""HTTP to a SPARQL server: the endpoints' URLs and plain requests with retries.

Connection errors and 502/503/504 answers are retried with exponential backoff; a server
that stays down, or refuses a request, gives a one-line :class:`~graphkit.errors.StoreError`.
One connection per thread and server is kept open between requests; a proxy named by the
environment (``http_proxy``/``https_proxy``, ``no_proxy`` honoured) is used as ``urllib`` would.
:mod:`graphkit.store.remote` re-exports every public name.

Examples:
    >>> endpoints_from_url("sparql+http://127.0.0.1:7878").update
    'http://127.0.0.1:7878/update'
"""

from __future__ import annotations

import http.client
import os
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graphkit.errors import StoreError

SCHEMES = ("sparql+http://", "sparql+https://")
"""A ``--store`` value starting with one of these names a remote server."""
_RETRY_STATUS = frozenset({502, 503, 504})
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
"""How a kept connection the server closed while idle fails."""


def is_remote(location: object) -> bool:
    """True when a store location names a remote SPARQL server (``sparql+http(s)://``)."""
    return isinstance(location, str) and location.startswith(SCHEMES)


@dataclass(frozen=True)
class Endpoints:
    """The three URLs graphkit uses on a server."""

    query: str
    update: str
    gsp: str


def endpoints_from_url(url: str) -> Endpoints:
    """The endpoints of a ``sparql+http://host:port/path`` URL, in Oxigraph server's layout.

    ``/query``, ``/update`` and ``/store`` are appended to the path. Servers laid out
    otherwise (Fuseki, GraphDB) are given with ``--endpoint``, ``--update-endpoint`` and
    ``--gsp`` instead.
    """
    if not is_remote(url):
        msg = f"{url!r} is not a remote store URL; write it as sparql+http://HOST:PORT/PATH"
        raise StoreError(msg)
    base = url.removeprefix("sparql+").rstrip("/")
    parts = urllib.parse.urlsplit(base)
    if not parts.hostname:
        msg = f"{url!r} names no host; write it as sparql+http://HOST:PORT/PATH"
        raise StoreError(msg)
    return Endpoints(query=base + "/query", update=base + "/update", gsp=base + "/store")


class Http:
    """Plain HTTP requests with retries and backoff on connection errors and 502/503/504.

    Each thread keeps one persistent (HTTP/1.1 keep-alive) connection per server: a build's
    many small requests do not each open a connection. A kept connection the server has
    closed meanwhile is opened again once, at once, and the request sent on it.

    ``requests`` counts the requests sent (retries not included), ``attempts`` every try:
    what a write costs in round trips to the server.
    """

    def __init__(self, *, retries: int = 5, backoff: float = 0.2, timeout: float = 60.0) -> None:
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.requests = 0
        self.attempts = 0
        self._local = threading.local()

    def _connection(self, parts: urllib.parse.SplitResult) -> http.client.HTTPConnection:
        """This thread's connection to the URL's server (a forked process opens its own)."""
        key = (os.getpid(), parts.scheme, parts.netloc)
        kept: dict[tuple[int, str, str], http.client.HTTPConnection]
        kept = self._local.__dict__.setdefault("connections", {})
        conn = kept.get(key)
        if conn is None:
            https = parts.scheme == "https"
            kind = http.client.HTTPSConnection if https else http.client.HTTPConnection
            proxy = _proxy(parts)
            conn = kind(proxy.netloc if proxy else parts.netloc, timeout=self.timeout)
            if proxy and https:  # through the proxy's tunnel to the server
                conn.set_tunnel(parts.hostname or "", parts.port)
            kept[key] = conn
        return conn

    def _send(
        self, method: str, url: str, body: bytes | None, headers: Mapping[str, str]
    ) -> tuple[int, str, bytes]:
        """One exchange on the kept connection: (status, content type, body)."""
        parts = urllib.parse.urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if parts.scheme == "http" and _proxy(parts):
            target = url  # a plain-HTTP proxy is sent the whole URL
        conn = self._connection(parts)
        kept = conn.sock is not None
        while True:
            try:
                conn.request(method, target, body=body, headers=dict(headers))
                resp = conn.getresponse()
                data = resp.read()
            except _STALE:
                conn.close()
                if not kept:
                    raise
                kept = False  # the server closed the kept connection: once more on a new one
                continue
            except BaseException:
                conn.close()
                raise
            if resp.will_close:
                conn.close()
            return resp.status, resp.getheader("Content-Type", "") or "", data

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        ok: Iterable[int] = (200, 201, 204),
        idempotent: bool = True,
    ) -> tuple[int, str, bytes]:
        """Send one request; returns (status, content type, body) of an accepted answer.

        Args:
            ok: statuses accepted as an answer (others raise StoreError).
            idempotent: retry also after the request may have reached the server (PUT,
                DELETE, queries); otherwise only when the connection was refused.

        Raises:
            StoreError: the server stayed unreachable, or answered with another status.
        """
        accepted = set(ok)
        tries = 0
        self.requests += 1
        while True:
            tries += 1
            self.attempts += 1
            try:
                status, kind, data = self._send(method, url, body, headers or {})
            except (OSError, http.client.HTTPException) as err:
                reason = _reason(err)
                refused = "refused" in reason
                if tries <= self.retries and (idempotent or refused):
                    time.sleep(self.backoff * 2 ** (tries - 1))
                    continue
                plural = "try" if tries == 1 else "tries"
                msg = (
                    f"cannot reach the SPARQL server at {url} ({reason}) after {tries} {plural}; "
                    "start the server or check the address given with --store/--endpoint"
                )
                raise StoreError(msg) from None
            if status in accepted:
                return status, kind, data
            if status in _RETRY_STATUS and tries <= self.retries and idempotent:
                time.sleep(self.backoff * 2 ** (tries - 1))
                continue
            text = " ".join(data.decode("utf-8", "replace").split())[:300] or "no message"
            msg = (
                f"the SPARQL server at {url} refused {method}: HTTP {status}: {text}; "
                "check the endpoint URLs and that the server accepts this request"
            )
            raise StoreError(msg)


def _proxy(parts: urllib.parse.SplitResult) -> urllib.parse.SplitResult | None:
    """The proxy the environment names for this URL, or None (no proxy, or ``no_proxy``)."""
    proxy = urllib.request.getproxies().get(parts.scheme)
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")


def _reason(err: BaseException) -> str:
    inner = getattr(err, "reason", err)
    if isinstance(inner, ConnectionRefusedError):
        return "connection refused"
    if isinstance(inner, socket.timeout | TimeoutError):
        return "timed out"
    return str(inner) or type(inner).__name__


__all__ = ["SCHEMES", "Endpoints", "Http", "endpoints_from_url", "is_remote"]
