"""Fetch throughput against a local server, and the cache's hit rate on a re-run.

A local HTTP server on 127.0.0.1 (started here, stopped at the end) serves ``--pages`` HTML
pages of about ``--kb`` KB each (the sample articles' paragraphs in an HTML template) and an
RSS feed listing them. With the rate limit off, it times:

- ``urllib``: the baseline, plain ``urllib.request.urlopen(url).read()`` of every page;
- ``fetch``: graphkit's :class:`~graphkit.ingest.fetch.Fetcher` (address check, robots.txt,
  size and time limits, writing the disk cache), every page;
- ``fetch + read``: :func:`graphkit.ingest.web.read_web` over the feed in a fresh cache
  (fetch, then trafilatura's text and metadata extraction);
- ``re-run``: ``read_web`` over the feed again with the now warm cache.

It prints pages/s, MB/s and the ratio against the baseline, the requests the server saw on the
re-run, and the cache hit rate of the re-run (pages served from the cache / pages read).

Run: ``python benchmarks/bench_fetch.py [--pages 300] [--kb 20]``
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graphkit.ingest.fetch import Fetcher, FetchOptions
from graphkit.ingest.web import read_web

ROOT = Path(__file__).resolve().parent.parent


def make_pages(count: int, kb: int) -> dict[str, bytes]:
    paragraphs = [
        p.strip()
        for path in sorted((ROOT / "data" / "articles").glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 80
    ]
    pages = {}
    for n in range(count):
        body, i = [], n
        while sum(len(p) for p in body) < kb * 1000:
            body.append(paragraphs[i % len(paragraphs)])
            i += 7
        html = (
            f"<html><head><title>Article {n}</title><meta name='date' content='2025-01-27'>"
            f"</head><body><article><h1>Article {n}</h1>"
            + "".join(f"<p>{p}</p>" for p in body)
            + "</article></body></html>"
        )
        pages[f"/a/{n}.html"] = html.encode("utf-8")
    return pages


def serve(pages: dict[str, bytes], hits: Counter[str]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            hits[self.path] += 1
            if self.path == "/feed.xml":
                items = "".join(f"<item><link>{base}{p}</link></item>" for p in pages)
                body = f"<rss><channel>{items}</channel></rss>".encode()
                ctype = "application/rss+xml"
            elif self.path in pages:
                body, ctype = pages[self.path], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--kb", type=int, default=20)
    args = parser.parse_args()
    pages = make_pages(args.pages, args.kb)
    megabytes = sum(len(b) for b in pages.values()) / 1e6
    hits: Counter[str] = Counter()
    server, base = serve(pages, hits)
    urls = [base + p for p in pages]
    try:
        began = time.perf_counter()
        for url in urls:
            with urllib.request.urlopen(url) as resp:  # the baseline
                resp.read()
        baseline = time.perf_counter() - began

        with tempfile.TemporaryDirectory() as cache:
            opts = FetchOptions(allow_private=True, rate_limit=0, cache_dir=Path(cache))
            fetcher = Fetcher(opts)
            began = time.perf_counter()
            for url in urls:
                fetcher.get(url)
            fetch_s = time.perf_counter() - began

        with tempfile.TemporaryDirectory() as cache:
            opts = FetchOptions(allow_private=True, rate_limit=0, cache_dir=Path(cache))
            began = time.perf_counter()
            articles, problems = read_web([], feeds=[base + "/feed.xml"], fetcher=Fetcher(opts))
            read_s = time.perf_counter() - began
            assert len(articles) == len(pages) and not problems, problems
            before = sum(hits.values())
            again = Fetcher(opts)
            began = time.perf_counter()
            articles, problems = read_web([], feeds=[base + "/feed.xml"], fetcher=again)
            rerun_s = time.perf_counter() - began
            rerun_requests = sum(hits.values()) - before
    finally:
        server.shutdown()
        server.server_close()
    n = len(pages)
    print(f"{n} pages, {megabytes:.1f} MB, rate limit off, server on 127.0.0.1\n")
    print(f"{'stage':<14} {'seconds':>8} {'pages/s':>8} {'MB/s':>7} {'vs urllib':>10}")
    for name, secs in (
        ("urllib", baseline),
        ("fetch", fetch_s),
        ("fetch + read", read_s),
        ("re-run", rerun_s),
    ):
        rate = f"{n / secs:>8.0f} {megabytes / secs:>7.1f}"
        print(f"{name:<14} {secs:>8.2f} {rate} {secs / baseline:>10.2f}")
    stats = again.stats
    print(
        f"\nre-run: {rerun_requests} request(s) to the server "
        f"({stats['not_modified']} answered 304), {stats['downloaded']} page(s) downloaded; "
        f"cache hit rate {stats['cached']}/{n} pages = {stats['cached'] / n:.0%} "
        f"(with the feed's 304: {stats['cached'] + stats['not_modified']} of {n + 1} URLs "
        f"answered without a body)"
    )


if __name__ == "__main__":
    main()
