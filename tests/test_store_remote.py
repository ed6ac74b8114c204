"""The store on a real SPARQL server: the Oxigraph server, started here on a free port."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ARTICLES, free_port, sorted_nquads, start_oxigraph

from graphkit.errors import StoreError
from graphkit.store.remote import open_remote

Cli = Callable[..., tuple[int, str, str]]


def test_remote_build_query_map_analyze_match_the_embedded_store(
    oxigraph: str, articles_store: Path, run_cli: Cli, tmp_path: Path
) -> None:
    code, out, err = run_cli("build", ARTICLES, "--store", oxigraph, "-q")
    assert code == 0, err
    assert "5 article(s) added" in out
    # the same quads as the embedded store built from the same articles
    assert sorted_nquads(open_remote(oxigraph)) == sorted_nquads(articles_store)

    for args in (
        ("--preset", "who-met-whom", "--format", "csv"),
        ("--preset", "relations-of", "--param", "Gustavo Petro", "--format", "csv"),
        ("SELECT (COUNT(*) AS ?n) WHERE { ?a gk:CONSULT ?b }", "--format", "csv"),
    ):
        code, remote_out, err = run_cli("query", *args, "--store", oxigraph)
        assert code == 0, err
        code, local_out, _ = run_cli("query", *args, "--store", articles_store)
        assert remote_out == local_out
        assert len(remote_out.splitlines()) > 1

    code, remote_report, err = run_cli("analyze", "--format", "json", "--store", oxigraph)
    assert code == 0, err
    _, local_report, _ = run_cli("analyze", "--format", "json", "--store", articles_store)
    assert json.loads(remote_report) == json.loads(local_report)
    assert len(json.loads(remote_report)["report"]["top_actors"]) >= 5

    code, out, remote_map = run_cli("map", "--store", oxigraph, "-o", tmp_path / "remote.html")
    assert code == 0, remote_map
    _, out2, local_map = run_cli("map", "--store", articles_store, "-o", tmp_path / "local.html")
    # what the map shows (actors, relations) is said the same way for both stores
    remote_said = (out + remote_map).replace("remote.html", "")
    assert remote_said == (out2 + local_map).replace("local.html", "")
    assert "actor" in remote_said
    assert (tmp_path / "remote.html").stat().st_size > 10_000


def test_remote_build_again_is_idempotent(
    oxigraph: str, small_articles: Path, run_cli: Cli
) -> None:
    assert run_cli("build", small_articles, "--store", oxigraph, "-q")[0] == 0
    before = sorted_nquads(open_remote(oxigraph))
    code, out, _ = run_cli("build", small_articles, "--store", oxigraph, "-q")
    assert code == 0
    assert "0 article(s) added, 0 replaced, 2 unchanged" in out
    # an edited article replaces its graph: no graph of the old text is left
    (small_articles / "petro-trump.txt").write_text(
        "Petro met Trump in Bogotá.\n", encoding="utf-8"
    )
    code, out, _ = run_cli("build", small_articles, "--store", oxigraph, "-q")
    assert "0 article(s) added, 1 replaced, 1 unchanged" in out
    store = open_remote(oxigraph)
    assert len(store.article_hashes()) == 2
    assert sorted_nquads(store) != before
    # remove takes an article's graph and its entailments out of the server
    code, out, err = run_cli("remove", "uk-russia.txt", "--store", oxigraph)
    assert (code, (out + err).strip()) == (0, "removed 1 article graph(s)")
    assert len(store.article_hashes()) == 1
    assert not [g for g in store.graph_names(derived=True) if "uk-russia" in g]


def test_remote_endpoint_flags_name_the_three_services(
    oxigraph: str, small_articles: Path, run_cli: Cli, tmp_cwd: Path
) -> None:
    base = oxigraph.removeprefix("sparql+")
    code, _, err = run_cli(
        "build", small_articles, "-q",
        "--endpoint", f"{base}/query",
        "--update-endpoint", f"{base}/update",
        "--gsp", f"{base}/store",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run_cli(
        "query", "--preset", "articles", "--format", "csv", "--endpoint", f"{base}/query"
    )
    assert code == 0
    assert len(out.splitlines()) == 3  # header and two articles
    assert not (tmp_cwd / "graphkit-store").exists()  # nothing went to the default folder


def test_remote_server_down_is_a_one_line_error(run_cli: Cli) -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}"
    began = time.monotonic()
    code, _, err = run_cli("query", "--preset", "articles", "--store", url)
    assert code == 2
    assert "cannot reach the SPARQL server" in err and "connection refused" in err
    assert "after 6 tries" in err  # retried with backoff (0.2 s doubling) before giving up
    assert time.monotonic() - began > 5
    assert len(err.strip().splitlines()) == 1


def test_remote_retries_until_the_server_is_up(tmp_path: Path) -> None:
    port = free_port()
    started: list[object] = []

    def late_start() -> None:
        time.sleep(1.0)
        started.append(start_oxigraph(tmp_path / "late", port=port)[0])

    thread = threading.Thread(target=late_start)
    thread.start()
    try:
        store = open_remote(f"sparql+http://127.0.0.1:{port}", retries=8)
        assert store.query("ASK { }").boolean is True
    finally:
        thread.join()
        for proc in started:
            proc.terminate()  # type: ignore[attr-defined]


def test_remote_requests_share_one_connection_and_survive_a_server_restart(
    tmp_path: Path,
) -> None:
    port = free_port()
    proc, _ = start_oxigraph(tmp_path / "db", port=port)
    store = open_remote(f"sparql+http://127.0.0.1:{port}", retries=0)
    try:
        for _ in range(3):
            assert store.query("ASK { }").boolean is True
        kept = list(store.http._local.connections.values())
        assert len(kept) == 1 and kept[0].sock is not None  # one connection, still open
        store.update("INSERT DATA { GRAPH <http://example.org/g> { <http://a> <http://b> 1 } }")
        proc.terminate()
        proc.wait(timeout=10)
        proc, _ = start_oxigraph(tmp_path / "db", port=port)
        # the kept connection is dead: the request goes on a new one, with no retry left
        assert store.query("ASK { GRAPH <http://example.org/g> { ?s ?p 1 } }").boolean is True
        assert store.http.attempts == store.http.requests > 5
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_remote_refused_request_names_the_status(oxigraph: str, small_articles: Path) -> None:
    base = oxigraph.removeprefix("sparql+")
    store = open_remote(oxigraph, gsp=f"{base}/no-such-service")
    from graphkit.pipeline import build

    with pytest.raises(StoreError, match=r"refused PUT: HTTP 404"):
        build([small_articles], store=store)


def test_remote_server_without_union_default_graph_is_refused(
    tmp_path: Path, small_articles: Path
) -> None:
    proc, url = start_oxigraph(tmp_path / "plain", union=False)
    try:
        from graphkit.pipeline import build

        with pytest.raises(StoreError, match="--union-default-graph"):
            build([small_articles], store=url)  # refused before any article is read
        assert open_remote(url).article_hashes() == {}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_remote_query_syntax_error_reads_as_on_the_embedded_store(
    oxigraph: str, run_cli: Cli
) -> None:
    code, _, err = run_cli("query", "SELEC ?s WHERE { ?s ?p ?o }", "--store", oxigraph)
    assert code == 2
    assert "syntax error near 'SELEC'" in err


def test_remote_validate_reads_the_server_graphs_as_the_embedded_store(
    oxigraph: str, small_articles: Path, run_cli: Cli, tmp_path: Path
) -> None:
    local = tmp_path / "local-store"
    assert run_cli("build", small_articles, "--store", oxigraph, "-q")[0] == 0
    assert run_cli("build", small_articles, "--store", local, "-q")[0] == 0
    remote_code, remote_report, err = run_cli("validate", oxigraph)
    local_code, local_report, _ = run_cli("validate", local)
    assert (remote_code, remote_report.replace(oxigraph, "X")) == (
        local_code,
        local_report.replace(str(local), "X"),
    ), err
    assert remote_report.startswith(f"{oxigraph} conforms")
    assert "2 article" in remote_report


def test_serve_of_a_remote_store_says_the_server_is_the_endpoint(run_cli: Cli) -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}"
    code, _, err = run_cli("serve", "--store", url)
    assert code == 2
    assert f"{url} is a SPARQL server already" in err
    assert f"graphkit query --store {url}" in err
    assert len(err.strip().splitlines()) == 1


def test_remote_requests_go_through_the_proxy_the_environment_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from graphkit.store.remote_http import Http

    seen: list[str] = []

    class Proxy(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for name in ("no_proxy", "NO_PROXY", "HTTP_PROXY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{server.server_port}")
        status, _, body = Http(retries=0).request("GET", "http://sparql.example/query?x=1")
        assert (status, body) == (200, b"ok")
        assert seen == ["http://sparql.example/query?x=1"]
        monkeypatch.setenv("no_proxy", "sparql.example")
        with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
            Http(retries=0).request("GET", "http://sparql.example/query")
        assert len(seen) == 1
    finally:
        server.shutdown()
