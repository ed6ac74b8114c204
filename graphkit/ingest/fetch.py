"""Fetch web pages politely and safely, with an on-disk cache (no parsing here).

The rules, each with a default in :class:`FetchOptions`:

* **Safe.** Only ``http`` and ``https``. The host name is resolved once and every address it
  resolves to must be public: private, loopback, link-local, multicast, reserved and
  unspecified addresses (IPv4, IPv6, IPv4-mapped IPv6, and spellings such as ``2130706433``,
  ``0177.0.0.1`` or ``0x7f.1``) are refused unless ``allow_private``. The connection goes to
  the address that was checked (no second lookup, so DNS rebinding cannot swap it), and every
  redirect is checked again. Only text is accepted (HTML, XHTML, plain text, and for feeds
  RSS/Atom/XML); nothing on a page is run or loaded (no scripts, images, or frames).
* **Polite and bounded.** A user agent that names graphkit; ``robots.txt`` honoured; at
  least ``rate_limit`` seconds between two requests to the same host; ``timeout`` seconds
  for connecting and for the whole page; at most ``max_bytes`` per page and
  ``max_redirects`` redirects.
* **Cached.** Each page is kept on disk by URL with its ``ETag``/``Last-Modified``. A page
  fetched less than ``max_age`` seconds ago is used without asking the server; an older one
  (and a feed, every time) is asked for with ``If-None-Match``/``If-Modified-Since``, so an
  unchanged page costs a ``304 Not Modified`` and no body. ``offline`` uses the cache only.

Every failure raises :class:`~graphkit.errors.FetchError` with a one-line message naming the
URL, so a build can report it and go on with the other URLs. The address checks are in
:mod:`graphkit.ingest.addresses`, the cache in :mod:`graphkit.ingest.webcache`.

Examples:
    >>> check_url("ftp://example.org/a")
    Traceback (most recent call last):
    ...
    graphkit.errors.FetchError: ftp://example.org/a: only http and https URLs are fetched
    >>> check_url("http://127.0.0.1/feed.xml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.FetchError: http://127.0.0.1/feed.xml: 127.0.0.1 is a loopback address; ...
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import os
import time
import urllib.robotparser
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from graphkit.errors import FetchError
from graphkit.ingest.addresses import (
    PinnedHTTP,
    PinnedHTTPS,
    Resolver,
    check_url,
    system_resolve,
)
from graphkit.ingest.webcache import Page, cache_load, cache_save, cache_touch, is_fresh

__all__ = ["FetchOptions", "Fetcher", "Page", "check_url", "default_cache_dir"]

USER_AGENT = "graphkit/0.1 (news articles to knowledge graphs; +https://pypi.org/project/graphkit/)"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)


def default_cache_dir() -> Path:
    """The web cache folder: ``$GRAPHKIT_CACHE``, else ``$XDG_CACHE_HOME/graphkit/web``, else
    ``~/.cache/graphkit/web``."""
    if os.environ.get("GRAPHKIT_CACHE"):
        return Path(os.environ["GRAPHKIT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "graphkit" / "web"


@dataclass(frozen=True)
class FetchOptions:
    """How pages are fetched; every limit has a default (see the module's docstring)."""

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    rate_limit: float = 1.0
    user_agent: str = USER_AGENT
    robots: bool = True
    allow_private: bool = False
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    offline: bool = False
    max_age: float = 24 * 3600.0


@dataclass
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes


def _now() -> str:
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return now.isoformat().replace("+00:00", "Z")


class Fetcher:
    """Fetches pages under one set of :class:`FetchOptions`; counts what it did in ``stats``.

    ``stats`` keys: ``requests`` (HTTP requests sent, robots.txt included), ``downloaded``
    (pages whose body came from the server), ``not_modified`` (304 answers), ``cached``
    (pages served from the cache without a request), ``failed``.
    """

    def __init__(self, options: FetchOptions | None = None, *, resolve: Resolver = system_resolve):
        self.options = options or FetchOptions()
        self.stats: Counter[str] = Counter()
        self.bytes = 0
        self._resolve = resolve
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    # -- public -------------------------------------------------------------------------

    def get(self, url: str, *, feed: bool = False) -> Page:
        """The page at ``url`` (from the cache when fresh); a feed is revalidated every time.

        Raises:
            FetchError: refused or failed; the message names the URL and what to do.
        """
        try:
            page = self._get(url, feed=feed)
        except FetchError:
            self.stats["failed"] += 1
            raise
        return page

    # -- the steps ----------------------------------------------------------------------

    def _get(self, url: str, *, feed: bool) -> Page:
        opts = self.options
        cached = self._cache_load(url)
        if opts.offline:
            if cached is None:
                msg = f"{url}: not in the cache (--offline); run once without --offline"
                raise FetchError(msg)
            self.stats["cached"] += 1
            return cached
        if cached is not None and not feed and self._fresh(url):
            self.stats["cached"] += 1
            return cached
        check_url(url, allow_private=opts.allow_private, resolve=self._resolve)
        if opts.robots and not self._robots_allow(url):
            msg = (
                f"{url}: robots.txt of the site disallows it; leave it out (or --ignore-robots if "
                "you may)"
            )
            raise FetchError(msg)
        headers = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        final, resp = self._follow(url, headers)
        if resp.status == 304 and cached is not None:
            self.stats["not_modified"] += 1
            self._cache_touch(url)
            return replace(cached, from_cache=True)
        if resp.status != 200:
            msg = f"{url}: the server answered {resp.status} {_reason(resp.status)}; check the URL"
            raise FetchError(msg)
        ctype, charset = _content_type(resp.headers.get("content-type", ""))
        allowed = PAGE_TYPES | FEED_TYPES if feed else PAGE_TYPES
        if ctype not in allowed:
            kind = "feeds" if feed else "pages"
            msg = (
                f"{url}: content type {ctype or 'unknown'} is not text; graphkit reads HTML and "
                f"plain-text {kind} only"
            )
            raise FetchError(msg)
        page = Page(
            url=url,
            final_url=final,
            content_type=ctype,
            charset=charset,
            body=resp.body,
            fetched=_now(),
            last_modified=resp.headers.get("last-modified", ""),
            etag=resp.headers.get("etag", ""),
        )
        self.stats["downloaded"] += 1
        self.bytes += len(resp.body)
        self._cache_save(page)
        return page

    def _follow(self, url: str, headers: dict[str, str]) -> tuple[str, _Response]:
        """Request ``url``, following at most max_redirects redirects, each one checked."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            resp = self._request(current, headers)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("location", "")
                if not location:
                    msg = f"{url}: redirect without a Location; check the URL"
                    raise FetchError(msg)
                current = urljoin(current, location)
                try:
                    check_url(
                        current, allow_private=self.options.allow_private, resolve=self._resolve
                    )
                except FetchError as err:
                    msg = f"{url}: redirected to {err}"
                    raise FetchError(msg) from err
                continue
            return current, resp
        msg = f"{url}: more than {self.options.max_redirects} redirects; check the URL"
        raise FetchError(msg)

    def _request(self, url: str, headers: dict[str, str]) -> _Response:
        """One GET to the checked address of the URL's host, within the limits."""
        opts = self.options
        host, port, address = check_url(
            url, allow_private=opts.allow_private, resolve=self._resolve
        )
        parts = urlsplit(url)
        self._wait(f"{host}:{port}")
        conn_type = PinnedHTTPS if parts.scheme == "https" else PinnedHTTP
        conn = conn_type(host, port, address, opts.timeout)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        target = quote(target, safe="/%?&=:@!$'()*+,;~")  # non-ASCII and spaces escaped
        began = time.monotonic()
        self.stats["requests"] += 1
        try:
            conn.request(
                "GET",
                target,
                headers={"User-Agent": opts.user_agent, "Accept": _ACCEPT, **headers},
            )
            raw = conn.getresponse()
            got = {k.lower(): v for k, v in raw.getheaders()}
            body = b""
            if raw.status == 200:
                body = self._read_body(url, raw, got, began)
            return _Response(raw.status, got, body)
        except TimeoutError as err:
            msg = f"{url}: timed out after {opts.timeout:g} s; try again later or raise --timeout"
            raise FetchError(msg) from err
        except (OSError, ValueError, http.client.HTTPException) as err:
            msg = f"{url}: cannot fetch ({type(err).__name__}: {err}); check the URL"
            raise FetchError(msg) from err
        finally:
            conn.close()

    def _read_body(
        self, url: str, raw: http.client.HTTPResponse, headers: dict[str, str], began: float
    ) -> bytes:
        opts = self.options
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > opts.max_bytes:
            msg = (
                f"{url}: the page is larger than the limit ({int(declared):,} > {opts.max_bytes:,} "
                "bytes); raise --max-page-size"
            )
            raise FetchError(msg)
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() - began > opts.timeout:
                msg = (
                    f"{url}: timed out after {opts.timeout:g} s; try again later or raise --timeout"
                )
                raise FetchError(msg)
            chunk = raw.read1(65536) if hasattr(raw, "read1") else raw.read(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > opts.max_bytes:
                msg = (
                    f"{url}: the page is larger than the limit ({opts.max_bytes:,} bytes); raise "
                    "--max-page-size"
                )
                raise FetchError(msg)
            chunks.append(chunk)

    def _wait(self, key: str) -> None:
        """Sleep so that two requests to one host are at least rate_limit seconds apart."""
        if self.options.rate_limit <= 0:
            return
        last = self._last.get(key)
        if last is not None:
            pause = last + self.options.rate_limit - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[key] = time.monotonic()

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin + "/robots.txt")
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt; None (all allowed) when it has none or it cannot be read."""
        cached = self._cache_load(robots_url)
        if cached is not None and self._fresh(robots_url):
            text = cached.text
        else:
            try:
                final, resp = self._follow(robots_url, {})
            except FetchError:
                return None
            if resp.status in (401, 403):
                text = "User-agent: *\nDisallow: /\n"
            elif resp.status != 200:
                text = ""
            else:
                text = resp.body.decode("utf-8", errors="replace")
            self._cache_save(Page(robots_url, final, "text/plain", "utf-8", text.encode(), _now()))
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(text.splitlines())
        return parser

    # -- the cache (see graphkit.ingest.webcache) ----------------------------------------

    def _cache_load(self, url: str) -> Page | None:
        return cache_load(self.options.cache_dir, url)

    def _fresh(self, url: str) -> bool:
        return is_fresh(self.options.cache_dir, url, self.options.max_age)

    def _cache_touch(self, url: str) -> None:
        cache_touch(self.options.cache_dir, url)

    def _cache_save(self, page: Page) -> None:
        cache_save(self.options.cache_dir, page)


_ACCEPT = (
    "text/html, application/xhtml+xml, text/plain;q=0.9, application/rss+xml, "
    "application/atom+xml, application/xml;q=0.8"
)


def _content_type(value: str) -> tuple[str, str]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "UTF-8")``."""
    main, _, params = value.partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip('"')
    return main.strip().lower(), charset


def _reason(status: int) -> str:
    return http.client.responses.get(status, "")


def http_date(value: str) -> dt.date | None:
    """The date of an HTTP date header (``Last-Modified``), or None."""
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.date() if parsed else None
