"""Fetching pages and feeds: a local HTTP server on 127.0.0.1 (started and stopped by the
tests) serves pages, an RSS feed, redirects, a slow page, an oversized page and a 404; the
address guard is tested without any network."""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from rdflib import Dataset
from rdflib.namespace import DCTERMS

from graphkit.errors import EXIT_OK, EXIT_SKIPPED, FetchError
from graphkit.ingest.fetch import Fetcher, FetchOptions, _Response, check_url
from graphkit.vocab import PROV

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)
HTML = """<!DOCTYPE html><html><head><title>Petro meets Trump | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta name="date" content="2025-02-04"><script>document.write("x")</script>
<link rel="stylesheet" href="http://10.0.0.1/style.css"></head>
<body><nav>Home | World</nav><article><h1>Petro meets Trump</h1>
<p>Colombian President Gustavo Petro met U.S. President Donald Trump at the White House on
Tuesday, officials in Bogotá said.</p>
<p>Britain expelled 23 Russian diplomats on Wednesday, Prime Minister Theresa May said.</p>
<img src="http://10.0.0.1/pixel.gif"></article><footer>© The Daily</footer></body></html>"""


class Site:
    """What the local server serves, and what it was asked for."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.base = ""
        self.pages: dict[str, tuple[str, bytes]] = {
            "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/html/petro.html": ("text/html; charset=utf-8", HTML.encode("utf-8")),
            "/private/page.html": ("text/html", HTML.encode("utf-8")),
            "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
            "/big.html": ("text/html", b"<p>" + b"x" * 300_000 + b"</p>"),
            "/empty.html": ("text/html", b"<html><head></head><body></body></html>"),
        }
        for path in sorted(ARTICLES.glob("*.txt")):
            self.pages[f"/articles/{path.name}"] = ("text/plain; charset=utf-8", path.read_bytes())

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{escape(name)}</title><link>{self.base}{name}</link></item>"
            for name in sorted(self.pages)
            if name.startswith("/articles/")
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Dev articles</title>'
            f"{items}</channel></rss>"
        ).encode()


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send(self, status: int, ctype: str = "", body: bytes = b"", **headers: str) -> None:
            site.statuses[status] += 1
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            if path == "/redirect":
                return self.send(302, Location="/html/petro.html")
            if path == "/loop":
                return self.send(302, Location="/loop")
            if path == "/to-private":
                return self.send(302, Location="http://10.255.0.1/x")
            if path == "/slow":
                time.sleep(3)
                return self.send(200, "text/html", HTML.encode())
            if path == "/feed.xml":
                ctype, body = "application/rss+xml", site.feed()
            elif path in site.pages:
                ctype, body = site.pages[path]
            else:
                return self.send(404, "text/plain", b"not found")
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, ETag=etag)
            return self.send(200, ctype, body, ETag=etag, Last_Modified=LAST_MODIFIED)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """A local HTTP server on a free port of 127.0.0.1, stopped after the test."""
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def options(tmp_path: Path, **changes: object) -> FetchOptions:
    base: dict[str, object] = {
        "allow_private": True,
        "rate_limit": 0.0,
        "cache_dir": tmp_path / "cache",
    }
    return FetchOptions(**{**base, **changes})  # type: ignore[arg-type]


WEB = ("--allow-private", "--rate-limit", "0", "-q")


# building from URLs and feeds -------------------------------------------------------------------
def _without_fetch_details(ds: Dataset) -> set[tuple[object, ...]]:
    drop = {DCTERMS.source, PROV.generatedAtTime}
    return {q for q in ds.quads() if q[1] not in drop}


def test_fetch_feed_of_the_dev_articles_builds_the_same_graph_as_the_files(
    site, tmp_path, run_cli, articles_store
) -> None:
    from graphkit.store import open_store

    store = tmp_path / "store"
    cache = tmp_path / "cache"
    code, out, err = run_cli(
        "build", "--feed", f"{site.base}/feed.xml", "--store", store, "--cache", cache, *WEB
    )
    assert code == EXIT_OK, err
    n = len(list(ARTICLES.glob("*.txt")))
    assert f"{n} article(s) added" in out
    with open_store(store, create=False) as web, open_store(articles_store, create=False) as files:
        web_ds, file_ds = web.dataset(), files.dataset()
        sources = set(web_ds.objects(None, DCTERMS.source))
        fetched = list(web_ds.objects(None, PROV.generatedAtTime))
        assert _without_fetch_details(web_ds) == _without_fetch_details(file_ds)
    names = ARTICLES.glob("*.txt")
    assert {str(s) for s in sources} == {f"{site.base}/articles/{p.name}" for p in names}
    assert len(fetched) == n
    hits_first = sum(site.hits.values())
    assert hits_first == n + 2  # robots.txt, the feed, each article once

    # a re-run asks for the feed only (304), fetches no page and adds nothing
    code, out, err = run_cli(
        "build", "--feed", f"{site.base}/feed.xml", "--store", store, "--cache", cache, *WEB
    )
    assert code == EXIT_OK, err
    assert sum(site.hits.values()) == hits_first + 1
    assert site.hits["/feed.xml"] == 2 and site.statuses[304] == 1
    assert f"{n} unchanged" in out
    assert f"fetched 0 page(s), 1 unchanged (304), {n} from the cache" in out


def test_fetch_build_reports_each_failed_url_and_builds_the_rest(site, tmp_path, run_cli) -> None:
    b = site.base
    urls = [
        f"{b}/html/petro.html",
        f"{b}/missing.html",
        f"{b}/slow",
        f"{b}/big.html",
        f"{b}/image.png",
        f"{b}/private/page.html",
        f"{b}/loop",
        f"{b}/empty.html",
        "ftp://127.0.0.1/x.txt",
    ]
    listing = tmp_path / "urls.csv"
    rows = "".join(f"{i},{u}\n" for i, u in enumerate(urls))
    listing.write_text("id,url\n" + rows, encoding="utf-8")
    code, out, err = run_cli(
        "build",
        f"{b}/redirect",
        "--urls",
        listing,
        "--store",
        tmp_path / "store",
        "--cache",
        tmp_path / "cache",
        "--timeout",
        "1",
        "--max-page-size",
        "0.2",
        *WEB,
    )
    assert code == EXIT_SKIPPED
    assert "2 article(s) added" in out  # the page, and the redirect to it (another source)
    lines = [line for line in err.splitlines() if line.startswith("graphkit build: skipped:")]
    assert len(lines) == 8, err
    assert all("\n" not in line for line in lines)
    expect = {
        "/missing.html": "404 Not Found",
        "/slow": "timed out after 1 s",
        "/big.html": "larger than the limit",
        "/image.png": "content type image/png is not text",
        "/private/page.html": "robots.txt",
        "/loop": "more than 5 redirects",
        "/empty.html: no article text found": "",
        "ftp://": "not an http(s) URL",
    }
    for path, words in expect.items():
        assert any(path in line and words in line for line in lines), (path, err)


def test_fetch_html_page_keeps_url_title_date_site_and_only_text(site, tmp_path) -> None:
    from graphkit.ingest.web import read_web

    fetcher = Fetcher(options(tmp_path))
    [art], problems = read_web([f"{site.base}/html/petro.html"], fetcher=fetcher)
    assert problems == []
    assert art.source == f"{site.base}/html/petro.html"
    assert (art.title, art.date, art.site) == ("Petro meets Trump", "2025-02-04", "The Daily")
    assert "Gustavo Petro met" in art.text and "document.write" not in art.text
    assert art.fetched.endswith("Z")
    assert set(site.hits) == {"/robots.txt", "/html/petro.html"}  # no script, style or image


def test_fetch_offline_uses_the_cache_only(site, tmp_path) -> None:
    url = f"{site.base}/html/petro.html"
    Fetcher(options(tmp_path)).get(url)
    before = sum(site.hits.values())
    offline = Fetcher(options(tmp_path, offline=True))
    assert offline.get(url).body == HTML.encode()
    with pytest.raises(FetchError, match="not in the cache"):
        offline.get(f"{site.base}/articles/02-uk-expels-russian-diplomats.txt")
    assert sum(site.hits.values()) == before


def test_fetch_stale_cache_is_revalidated_with_etag(site, tmp_path) -> None:
    url = f"{site.base}/html/petro.html"
    Fetcher(options(tmp_path)).get(url)
    again = Fetcher(options(tmp_path, max_age=0))
    page = again.get(url)
    assert page.from_cache and page.body == HTML.encode()
    assert again.stats["not_modified"] == 1 and site.statuses[304] == 1


def test_fetch_rate_limit_spaces_requests_to_one_host(site, tmp_path) -> None:
    fetcher = Fetcher(options(tmp_path, rate_limit=0.4, robots=False, cache_dir=None))
    began = time.monotonic()
    for _ in range(3):
        fetcher.get(f"{site.base}/html/petro.html")
    assert time.monotonic() - began >= 0.8
    assert fetcher.stats["requests"] == 3


def test_fetch_sends_a_user_agent_naming_graphkit(site, tmp_path) -> None:
    seen: list[str] = []
    original = handler_for(site).do_GET
    fetcher = Fetcher(options(tmp_path, robots=False))
    conn_cls = __import__("http.client").client.HTTPConnection
    real_putheader = conn_cls.putheader

    def spy(self, header, *values):  # type: ignore[no-untyped-def]
        if header.lower() == "user-agent":
            seen.extend(str(v) for v in values)
        return real_putheader(self, header, *values)

    conn_cls.putheader = spy
    try:
        fetcher.get(f"{site.base}/html/petro.html")
    finally:
        conn_cls.putheader = real_putheader
    del original
    assert seen and seen[0].startswith("graphkit/")


# the address guard, without network ---------------------------------------------------------------
def no_dns(host: str, port: int) -> list[str]:
    msg = f"looked up {host} over the network"
    raise AssertionError(msg)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost.test/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://172.16.0.1/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://100.64.0.1/", "non-global"),
        ("http://[::1]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fc00::1]/", "private"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:7f00:1]/", "loopback"),
        ("http://[2002:7f00:1::]/", "loopback"),
        ("http://2130706433/", "loopback"),
        ("http://0177.0.0.1/", "loopback"),
        ("http://0x7f.0.0.1/", "loopback"),
        ("http://0x7f000001/", "loopback"),
        ("http://127.1/", "loopback"),
        ("http://012.0.0.1:8080/", "private"),
    ],
)
def test_fetch_guard_refuses_non_public_addresses(url: str, kind: str) -> None:
    def resolve(host: str, port: int) -> list[str]:
        if host == "localhost.test":
            return ["127.0.0.1"]
        return no_dns(host, port)

    with pytest.raises(FetchError, match=f"is an? {kind} address.*--allow-private"):
        check_url(url, resolve=resolve)


def test_fetch_guard_refuses_a_name_with_any_private_address() -> None:
    """A name resolving to a public and a private address is refused (rebinding)."""
    with pytest.raises(FetchError, match=r"10\.0\.0\.7 is a private address"):
        check_url("https://news.test/", resolve=lambda h, p: ["93.184.215.14", "10.0.0.7"])
    assert check_url("https://news.test/a", resolve=lambda h, p: ["93.184.215.14"]) == (
        "news.test",
        443,
        "93.184.215.14",
    )


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://x.test/", "gopher://x.test/", "http:///x"]
)
def test_fetch_guard_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url, resolve=no_dns)


def test_fetch_guard_international_names_and_paths(site, tmp_path) -> None:
    seen: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        seen.append(host)
        return ["93.184.215.14"]

    assert check_url("https://bücher.test/café", resolve=resolve)[0] == "xn--bcher-kva.test"
    assert seen == ["xn--bcher-kva.test"]
    fetcher = Fetcher(options(tmp_path, robots=False))
    with pytest.raises(FetchError, match="404"):
        fetcher.get(f"{site.base}/html/café déjà.html")
    assert "/html/caf%C3%A9%20d%C3%A9j%C3%A0.html" in site.hits


def test_fetch_redirect_to_a_private_address_is_refused(tmp_path, monkeypatch) -> None:
    public = {"news.test": ["93.184.215.14"]}
    fetcher = Fetcher(
        FetchOptions(robots=False, rate_limit=0, cache_dir=None),
        resolve=lambda host, port: public.get(host) or no_dns(host, port),
    )
    asked: list[str] = []

    def fake_request(url: str, headers: dict[str, str]) -> _Response:
        asked.append(url)
        return _Response(302, {"location": "http://169.254.169.254/latest/"}, b"")

    monkeypatch.setattr(fetcher, "_request", fake_request)
    where = r"redirected to http://169\.254\.169\.254/latest/: .*link-local"
    with pytest.raises(FetchError, match=where):
        fetcher.get("https://news.test/story")
    assert asked == ["https://news.test/story"]


def test_fetch_connects_to_the_checked_address(monkeypatch) -> None:
    """The connection goes to the address that was checked: no second lookup of the name."""
    import socket

    from graphkit.ingest import fetch

    calls: list[tuple[str, int]] = []

    def fake_connect(address, timeout=None, *args):  # type: ignore[no-untyped-def]
        calls.append(address)
        msg = "stop here"
        raise OSError(msg)

    monkeypatch.setattr(socket, "create_connection", fake_connect)
    fetcher = fetch.Fetcher(
        FetchOptions(robots=False, rate_limit=0, cache_dir=None),
        resolve=lambda host, port: ["93.184.215.14"],
    )
    with pytest.raises(FetchError, match="cannot fetch"):
        fetcher.get("http://news.test/story")
    assert calls == [("93.184.215.14", 80)]
