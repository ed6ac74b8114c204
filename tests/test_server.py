"""The SPARQL endpoint over loopback: protocol, negotiation, safety limits, serving while a build writes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import URIRef
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graphkit.errors import GraphkitError, StoreError
from graphkit.server import SparqlServer, make_server
from graphkit.store import open_store
from graphkit.store.examples import example_dataset

ROOT = Path(__file__).resolve().parent.parent
CONSULT_PAIRS = "SELECT DISTINCT ?a ?b WHERE { ?a gk:CONSULT ?b } ORDER BY ?a ?b"


def build(folder: Path) -> Path:
    with open_store(folder) as store:
        for g in example_dataset().graphs():
            if len(g):
                store.replace_article(URIRef(g.identifier), g)
    return folder


def start(server: SparqlServer) -> SparqlServer:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: SparqlServer) -> None:
    server.shutdown()
    server.server_close()


def request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("served") / "store")


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    page = tmp_path_factory.mktemp("map") / "map.html"
    page.write_text("<html><body>the map</body></html>")
    srv = start(make_server(store=store_path, port=0, timeout=3.0, max_results=20, map_path=page, workers=2, quiet=True))
    yield srv
    stop(srv)


def test_server_binds_loopback_by_default(server: SparqlServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_server_answers_sparqlwrapper(server: SparqlServer, method: str) -> None:
    client = SPARQLWrapper(server.url)
    client.setMethod(method)
    client.setQuery(CONSULT_PAIRS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    pairs = {(b["a"]["value"].rsplit("/", 1)[1], b["b"]["value"].rsplit("/", 1)[1]) for b in bindings}
    assert ("donald-trump", "gustavo-petro") in pairs and ("gustavo-petro", "donald-trump") in pairs
    assert len(pairs) == 5


@pytest.mark.parametrize(
    "fmt, content_type, check",
    [
        (CSV, "text/csv", lambda body: body.startswith(b"a,b\r\n")),
        (TSV, "text/tab-separated-values", lambda body: body.startswith(b"?a\t?b\n<https://")),
        (XML, "application/sparql-results+xml", lambda body: b"<sparql" in body),
    ],
)
def test_server_negotiates_result_formats(server: SparqlServer, fmt: str, content_type: str, check: Callable[[bytes], bool]) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery(CONSULT_PAIRS)
    client.setReturnFormat(fmt)
    response = client.query().response
    assert response.headers["Content-Type"].startswith(content_type)
    assert check(response.read())


def test_server_construct_returns_turtle(server: SparqlServer) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery("CONSTRUCT { ?a gk:CONSULT ?b } WHERE { ?a gk:CONSULT ?b }")
    client.setReturnFormat(TURTLE)
    text = client.query().convert()
    assert b"gk:CONSULT" in text  # type: ignore[operator]


@pytest.mark.parametrize(
    "data, content_type",
    [
        (b"ASK { ?a gk:metWith ?b }", "application/sparql-query"),
        (urllib.parse.urlencode({"query": "ASK { ?a gk:metWith ?b }"}).encode(), "application/x-www-form-urlencoded"),
    ],
)
def test_server_accepts_both_post_forms(server: SparqlServer, data: bytes, content_type: str) -> None:
    status, ctype, body = request(server.url, data=data, headers={"Content-Type": content_type, "Accept": "application/sparql-results+json"})
    assert (status, ctype, json.loads(body)) == (200, "application/sparql-results+json", {"head": {}, "boolean": True})


@pytest.mark.parametrize(
    "query, status, message",
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 400, b"SERVICE calls are disabled"),
        ("SELEC * WHERE { ?s ?p ?o }", 400, b"syntax error near 'SELEC'"),
        ("SELECT * WHERE { ?s ?p ?o }", 422, b"more than 20 results"),
        ("INSERT DATA { <http://a.org/x> <http://a.org/y> <http://a.org/z> }", 403, b"read-only; restart it with 'graphkit serve --allow-update'"),
    ],
)
def test_server_refuses_with_a_clear_message(server: SparqlServer, query: str, status: int, message: bytes) -> None:
    data = urllib.parse.urlencode({"query" if status != 403 else "update": query}).encode()
    code, ctype, body = request(server.url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (code, ctype) == (status, "text/plain; charset=utf-8")
    assert message in body and body.count(b"\n") == 1


def test_server_sparqlwrapper_sees_a_bad_query(server: SparqlServer) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed, match="syntax error"):
        client.query()


def test_server_stops_a_query_over_its_time_limit_and_keeps_serving(server: SparqlServer) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    code, _, body = request(server.url + "?" + urllib.parse.urlencode({"query": slow}))
    assert code == 503 and b"longer than the 3 s limit" in body
    assert time.monotonic() - started < 30
    code, _, body = request(server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"}), headers={"Accept": "text/csv"})
    assert (code, body) == (200, b"boolean\r\ntrue\r\n")


def test_server_serves_the_map_page(server: SparqlServer) -> None:
    code, ctype, body = request(server.url.replace("/sparql", "/"))
    assert (code, ctype, body) == (200, "text/html; charset=utf-8", b"<html><body>the map</body></html>")
    assert request(server.url.replace("/sparql", "/nothing"))[0] == 404


def test_server_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*; run 'graphkit build PATH' first"):
        make_server(store=tmp_path / "none", port=0)


def test_server_update_when_allowed(tmp_path: Path) -> None:
    srv = start(make_server(store=build(tmp_path / "s"), port=0, allow_update=True, timeout=10.0, workers=1, quiet=True))
    try:
        update = "INSERT DATA { GRAPH <https://w3id.org/graphkit/id/article/manual> { <https://w3id.org/graphkit/id/person/x> rdfs:label 'X' } }"
        code, _, _ = request(srv.url, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
        assert code == 204
        ask = urllib.parse.urlencode({"query": "ASK { ?x rdfs:label 'X' }"})
        assert request(srv.url + "?" + ask, headers={"Accept": "text/csv"})[2] == b"boolean\r\ntrue\r\n"
        with pytest.raises(StoreError, match="being written by another process"):
            open_store(tmp_path / "s", wait=0.0)  # the server is the writer now
    finally:
        stop(srv)


BUILDER = textwrap.dedent(
    """
    import sys
    from rdflib import Graph, URIRef
    from graphkit.store import open_store
    from graphkit.vocab import GK

    with open_store(sys.argv[1], publish_every=0.2) as store:
        for n in range(int(sys.argv[2])):
            g = Graph()
            g.add((URIRef(f"https://w3id.org/graphkit/id/person/b{n}"), GK.metWith, URIRef("https://w3id.org/graphkit/id/person/c")))
            store.replace_article(URIRef(f"https://w3id.org/graphkit/id/article/b{n}"), g)
    """
)


def test_server_keeps_serving_while_a_build_writes(tmp_path: Path) -> None:
    folder = build(tmp_path / "s")
    srv = start(make_server(store=folder, port=0, timeout=10.0, workers=1, quiet=True))
    count = urllib.parse.urlencode({"query": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a gk:metWith ?b }"})
    try:
        builder = subprocess.Popen([sys.executable, "-c", BUILDER, str(folder), "60"], cwd=ROOT)
        seen: list[int] = []
        while builder.poll() is None or len(seen) < 2:
            code, _, body = request(srv.url + "?" + count, headers={"Accept": "text/csv"})
            assert code == 200, body
            seen.append(int(body.split()[1]))
            time.sleep(0.05)
        assert builder.wait(60) == 0
        code, _, body = request(srv.url + "?" + count, headers={"Accept": "text/csv"})
    finally:
        stop(srv)
    assert seen == sorted(seen)  # readers only ever move forward
    assert int(body.split()[1]) == 2 + 60 + 1  # Petro, Trump, b0..b59 and c


def test_server_rejects_bad_limits(store_path: Path) -> None:
    with pytest.raises(GraphkitError, match="must be positive"):
        make_server(store=store_path, port=0, timeout=0)
