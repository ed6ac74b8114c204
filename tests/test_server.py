"""The SPARQL endpoint over loopback: protocol, negotiation, limits, serving during a build."""

from __future__ import annotations

import json
import socket
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
from graphkit.examples import example_dataset
from graphkit.server import SparqlServer, make_server
from graphkit.store import open_store

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


def request(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, bytes]:
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
    srv = start(
        make_server(
            store=store_path,
            port=0,
            timeout=3.0,
            max_results=20,
            map_path=page,
            workers=2,
            quiet=True,
        )
    )
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
    pairs = {
        (b["a"]["value"].rsplit("/", 1)[1], b["b"]["value"].rsplit("/", 1)[1]) for b in bindings
    }
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
def test_server_negotiates_result_formats(
    server: SparqlServer, fmt: str, content_type: str, check: Callable[[bytes], bool]
) -> None:
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
        (
            urllib.parse.urlencode({"query": "ASK { ?a gk:metWith ?b }"}).encode(),
            "application/x-www-form-urlencoded",
        ),
    ],
)
def test_server_accepts_both_post_forms(
    server: SparqlServer, data: bytes, content_type: str
) -> None:
    status, ctype, body = request(
        server.url,
        data=data,
        headers={"Content-Type": content_type, "Accept": "application/sparql-results+json"},
    )
    assert (status, ctype, json.loads(body)) == (
        200,
        "application/sparql-results+json",
        {"head": {}, "boolean": True},
    )


@pytest.mark.parametrize(
    "query, status, message",
    [
        (
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            400,
            b"SERVICE calls are disabled",
        ),
        ("SELEC * WHERE { ?s ?p ?o }", 400, b"syntax error near 'SELEC'"),
        ("SELECT * WHERE { ?s ?p ?o }", 422, b"more than 20 results"),
        (
            "INSERT DATA { <http://a.org/x> <http://a.org/y> <http://a.org/z> }",
            403,
            b"read-only; restart it with allow_update=True",
        ),
    ],
)
def test_server_refuses_with_a_clear_message(
    server: SparqlServer, query: str, status: int, message: bytes
) -> None:
    data = urllib.parse.urlencode({"query" if status != 403 else "update": query}).encode()
    code, ctype, body = request(
        server.url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
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
    code, _, body = request(
        server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"}),
        headers={"Accept": "text/csv"},
    )
    assert (code, body) == (200, b"boolean\r\ntrue\r\n")


def test_server_serves_the_map_page(server: SparqlServer) -> None:
    code, ctype, body = request(server.url.replace("/sparql", "/map"))
    assert (code, ctype, body) == (
        200,
        "text/html; charset=utf-8",
        b"<html><body>the map</body></html>",
    )
    assert request(server.url.replace("/sparql", "/nothing"))[0] == 404


def test_server_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*; run 'graphkit build PATH' first"):
        make_server(store=tmp_path / "none", port=0)


def test_server_update_when_allowed(tmp_path: Path) -> None:
    srv = start(
        make_server(
            store=build(tmp_path / "s"),
            port=0,
            allow_update=True,
            timeout=10.0,
            workers=1,
            quiet=True,
        )
    )
    try:
        update = (
            "INSERT DATA { GRAPH <https://w3id.org/graphkit/id/article/manual> {"
            " <https://w3id.org/graphkit/id/person/x> rdfs:label 'X' } }"
        )
        code, _, _ = request(
            srv.url, data=update.encode(), headers={"Content-Type": "application/sparql-update"}
        )
        assert code == 204
        ask = urllib.parse.urlencode({"query": "ASK { ?x rdfs:label 'X' }"})
        assert (
            request(srv.url + "?" + ask, headers={"Accept": "text/csv"})[2]
            == b"boolean\r\ntrue\r\n"
        )
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
    count = urllib.parse.urlencode(
        {"query": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a gk:metWith ?b }"}
    )
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


@pytest.mark.parametrize(
    "option",
    [{"timeout": 0}, {"workers": 0}, {"max_memory": -1}, {"queue_wait": 0}, {"backlog": -5}],
)
def test_server_rejects_bad_limits(store_path: Path, option: dict[str, float]) -> None:
    with pytest.raises(GraphkitError, match="must be positive"):
        make_server(store=store_path, port=0, **option)


def raw_exchange(server: SparqlServer, data: bytes) -> bytes:
    """Send raw bytes to the server; everything it answers before closing."""
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), port), timeout=30) as conn:
        conn.sendall(data)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("length", [b"abc", b"-5", b"1e3", b"12 34"])
def test_server_answers_400_to_a_bad_content_length(server: SparqlServer, length: bytes) -> None:
    answer = raw_exchange(
        server,
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: " + length + b"\r\nConnection: close\r\n\r\nASK {}",
    )
    assert answer.startswith(b"HTTP/1.0 400 ") and b"Content-Length must be a number" in answer
    ask = urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"})
    assert (
        request(server.url + "?" + ask, headers={"Accept": "text/csv"})[2] == b"boolean\r\ntrue\r\n"
    )


def test_server_refuses_service_hidden_after_a_cr_comment(server: SparqlServer) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ # x\rSERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
        code, _, body = request(server.url + "?" + urllib.parse.urlencode({"query": query}))
        assert code == 400 and b"SERVICE calls are disabled" in body
        with pytest.raises(TimeoutError):
            listener.accept()


WORKER_NETWORK = textwrap.dedent(
    """
    import socket, sys
    from graphkit.server.workers import isolate_network
    problem = isolate_network()
    if problem:
        print("skip:", problem)
        sys.exit(0)
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
        print("connected")
    except OSError as err:
        print("refused:", err)
    """
)


def test_server_workers_have_no_network() -> None:
    """The engine-level guard: even a SERVICE call that got through could reach nothing."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        port = listener.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-c", WORKER_NETWORK, str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    if done.stdout.startswith("skip:"):
        pytest.skip(f"this kernel refuses network namespaces: {done.stdout}")
    assert done.stdout.startswith("refused:"), done.stdout + done.stderr


def test_server_pool_reports_its_workers_isolated(server: SparqlServer) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", WORKER_NETWORK, "9"], capture_output=True, text=True, timeout=60
    )
    assert server.readers.isolated == (not probe.stdout.startswith("skip:"))


def nested_concat(levels: int, *, base: int = 1000, select: str = "") -> str:
    """A short query whose string grows fourfold per level (base * 4**levels characters)."""
    binds = "".join(f"BIND(CONCAT(?s{i},?s{i},?s{i},?s{i}) AS ?s{i + 1}) " for i in range(levels))
    head = select or f"(STRLEN(?s{levels}) AS ?n)"
    return f'SELECT {head} WHERE {{ BIND("{"a" * base}" AS ?s0) {binds}}}'


@pytest.fixture(scope="module")
def tight(store_path: Path) -> Iterator[SparqlServer]:
    """An endpoint with small memory and response limits and one worker."""
    srv = start(make_server(
        store=store_path, port=0, timeout=20.0, workers=1, max_memory=256, max_response=1,
        quiet=True,
    ))  # fmt: skip
    yield srv
    stop(srv)


def test_server_stops_a_query_over_its_memory_limit_and_keeps_serving(tight: SparqlServer) -> None:
    query = nested_concat(12)  # 16 GB if nothing stopped it
    assert len(query) < 1600
    code, _, body = request(tight.url + "?" + urllib.parse.urlencode({"query": query}))
    assert code == 503 and b"more than the 256 MB memory limit" in body
    code, _, body = request(
        tight.url + "?" + urllib.parse.urlencode({"query": nested_concat(2)}),
        headers={"Accept": "text/csv"},
    )
    assert (code, body) == (200, b"n\r\n16000\r\n")


def test_server_refuses_a_result_over_the_response_limit(tight: SparqlServer) -> None:
    query = nested_concat(6, select="?s6")  # one 4 MB value
    code, _, body = request(tight.url + "?" + urllib.parse.urlencode({"query": query}))
    assert code == 422 and b"the result is 4 MB, over the 1 MB limit" in body


def test_server_queues_a_request_for_a_bounded_time(store_path: Path) -> None:
    srv = start(
        make_server(
            store=store_path,
            port=0,
            timeout=4.0,
            workers=1,
            queue_wait=1.0,
            max_queue=1,
            quiet=True,
        )
    )
    slow = urllib.parse.urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"}
    )
    cheap = srv.url + "?" + urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"})
    try:
        busy = threading.Thread(target=request, args=(srv.url + "?" + slow,))
        busy.start()
        time.sleep(0.5)
        answers: list[int] = []
        waiting = threading.Thread(target=lambda: answers.append(request(cheap)[0]))
        waiting.start()  # takes the one place in the queue
        time.sleep(0.2)
        req = urllib.request.Request(cheap)
        with pytest.raises(urllib.error.HTTPError) as full:
            urllib.request.urlopen(req, timeout=30)
        assert full.value.code == 503 and full.value.headers["Retry-After"] == "1"
        assert b"1 requests are waiting" in full.value.read()
        waiting.join()
        assert answers == [503]  # waited its 1 s while the slow query held the worker
        started = time.monotonic()
        code, _, body = request(cheap)  # waits 1 s for the worker, then gives up
        assert code == 503 and b"stayed busy for 1 s" in body
        assert time.monotonic() - started < 3
        busy.join()
        assert request(cheap, headers={"Accept": "text/csv"})[2] == b"boolean\r\ntrue\r\n"
    finally:
        stop(srv)


def test_server_listen_backlog_follows_the_workers(store_path: Path) -> None:
    srv = make_server(store=store_path, port=0, workers=5, quiet=True)
    try:
        assert (srv.request_queue_size, srv.limits.max_queue) == (320, 320)
    finally:
        srv.server_close()


def test_server_cors_and_preflight(server: SparqlServer) -> None:
    ask = server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"})
    req = urllib.request.Request(ask, headers={"Origin": "https://yasgui.example"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
    req = urllib.request.Request(server.url, method="OPTIONS", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    })  # fmt: skip
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status == 204
        assert "POST" in resp.headers["Access-Control-Allow-Methods"]
        assert "Content-Type" in resp.headers["Access-Control-Allow-Headers"]
        assert resp.headers["Access-Control-Allow-Origin"] == "*"


def test_server_head_answers_like_get_without_a_body(server: SparqlServer) -> None:
    ask = server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"})
    req = urllib.request.Request(ask, method="HEAD", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert (resp.status, resp.headers["Content-Type"], resp.headers["Content-Length"]) == (
            200,
            "text/csv; charset=utf-8",
            "15",
        )
        assert resp.read() == b""
    req = urllib.request.Request(server.url.replace("/sparql", "/"), method="HEAD")
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status == 200 and resp.read() == b""


@pytest.mark.parametrize(
    "query, accept",
    [
        ("ASK { ?a gk:CONSULT ?b }", "image/png"),
        ("CONSTRUCT WHERE { ?a gk:CONSULT ?b }", "application/sparql-results+json"),
    ],
)
def test_server_answers_406_to_an_unsupported_accept(
    server: SparqlServer, query: str, accept: str
) -> None:
    code, _, body = request(
        server.url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept}
    )
    assert code == 406 and b"accept one of" in body


def test_server_describes_itself_without_a_query(server: SparqlServer) -> None:
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    code, ctype, body = request(server.url, headers={"Accept": "text/turtle"})
    assert (code, ctype) == (200, "text/turtle")
    g = Graph().parse(data=body, format="turtle")
    service = URIRef(server.url)
    assert (service, RDF.type, sd.Service) in g
    assert (service, sd.endpoint, service) in g
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in g
    assert request(server.url, headers={"Accept": "image/png"})[0] == 406
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert request(server.url, headers={"Accept": browser})[0] == 200


def test_server_editor_page_is_escaped_and_fenced(tmp_path: Path) -> None:
    folder = build(tmp_path / "<img src=x onerror=alert(1)>")
    srv = start(make_server(store=folder, port=0, workers=1, quiet=True))
    try:
        req = urllib.request.Request(srv.url.replace("/sparql", "/"))
        with urllib.request.urlopen(req, timeout=30) as resp:
            page = resp.read()
            policy = resp.headers["Content-Security-Policy"]
        assert b"<img src=x" not in page and b"&lt;img src=x onerror=alert(1)&gt;" in page
        assert "connect-src 'self'" in policy and "default-src 'none'" in policy
        data = page.split(b'id="presets">')[1].split(b"</script>")[0]
        names = [p["name"] for p in json.loads(data)]
        assert "who-met-whom" in names and "between" in names
        assert request(srv.url.replace("/sparql", "/map"))[0] == 404  # no --map given
        code, ctype, _ = request(srv.url.replace("/sparql", "/editor.js"))
        assert (code, ctype) == (200, "text/javascript; charset=utf-8")
    finally:
        stop(srv)


def test_server_with_updates_refuses_them_from_other_origins(tmp_path: Path) -> None:
    srv = start(
        make_server(store=build(tmp_path / "s"), port=0, allow_update=True, workers=1, quiet=True)
    )
    update = urllib.parse.urlencode(
        {"update": "CLEAR SILENT GRAPH <https://w3id.org/graphkit/id/article/x>"}
    ).encode()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    try:
        code, _, body = request(
            srv.url, data=update, headers={**form, "Origin": "https://evil.example"}
        )
        assert code == 403 and b"another origin" in body
        host = srv.url.split("/")[2]
        assert request(srv.url, data=update, headers={**form, "Origin": f"http://{host}"})[0] == 204
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(5)
            listener.settimeout(0.5)
            load = f"# x\rLOAD <http://127.0.0.1:{listener.getsockname()[1]}/>"
            headers = {"Content-Type": "application/sparql-update"}
            code, _, body = request(srv.url, data=load.encode(), headers=headers)
            assert code == 400 and b"LOAD calls are disabled" in body
            with pytest.raises(TimeoutError):
                listener.accept()
        ask = srv.url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        with urllib.request.urlopen(
            urllib.request.Request(ask, headers={"Origin": "https://evil.example"}), timeout=30
        ) as resp:
            assert resp.headers["Access-Control-Allow-Origin"] is None
    finally:
        stop(srv)


def test_server_drops_a_silent_connection_and_keeps_serving(store_path: Path) -> None:
    srv = start(make_server(store=store_path, port=0, workers=1, quiet=True))
    srv.idle_timeout = 1.0
    host, port = srv.server_address[:2]
    try:
        with socket.create_connection((str(host), port), timeout=30) as silent:
            # a body shorter than announced, then silence
            silent.sendall(b"POST /sparql HTTP/1.1\r\nContent-Length: 100\r\n\r\nASK")
            started = time.monotonic()
            while silent.recv(65536):
                pass
            assert time.monotonic() - started < 10
        ask = urllib.parse.urlencode({"query": "ASK { ?a gk:CONSULT ?b }"})
        assert request(srv.url + "?" + ask, headers={"Accept": "text/csv"})[0] == 200
    finally:
        stop(srv)
