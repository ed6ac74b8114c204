"""No query reaches the network: every spelling of SERVICE (and LOAD) is refused.

Each spelling is first run on a bare Oxigraph store to show that it would reach a listener
on loopback (so the test can fail), then through graphkit, which must refuse it with a
one-line error and leave the listener untouched.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphkit.errors import QueryError
from graphkit.examples import example_dataset
from graphkit.query import run_query
from graphkit.store.guard import network_operations
from graphkit.store.sparql import check_query

SPO = "{ ?s ?p ?o }"


class Listener:
    """A TCP listener on loopback that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()

    def reached_after(self, before: int) -> bool:
        time.sleep(0.05)
        return self.hits > before


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.sock.close()


# (name, query, whether a bare Oxigraph store calls the listener); {U} is the listener's URL,
# {S} a SERVICE call to it
SPELLINGS = [
    ("plain", "SELECT * WHERE { {S} }", True),
    ("lower case", "select * where { service <{U}> " + SPO + " }", True),
    ("mixed case", "SELECT * WHERE { SeRvIcE <{U}> " + SPO + " }", True),
    ("silent", "SELECT * WHERE { SERVICE SILENT <{U}> " + SPO + " }", True),
    ("comment ended by CR", "SELECT * WHERE { # x\r{S} }", True),
    ("comment ended by CRLF", "SELECT * WHERE { # x\r\n{S} }", True),
    ("comment ended by LF", "SELECT * WHERE { # x\n{S} }", True),
    ("comment holding an IRI start", "SELECT * WHERE { # <x\r{S} }", True),
    ("comment holding a quote", "SELECT * WHERE { # it's\r{S} }", True),
    ("no spaces", "SELECT*WHERE{SERVICE<{U}>{?s ?p ?o}}", True),
    ("tabs and CRs", "SELECT * WHERE {\tSERVICE\r<{U}>\t" + SPO + "\r}", True),
    ("prefixed endpoint", "PREFIX e: <{U}> SELECT * WHERE { SERVICE e: " + SPO + " }", True),
    ("relative endpoint", "BASE <{U}> SELECT * WHERE { SERVICE <> " + SPO + " }", True),
    ("escaped IRI", "SELECT * WHERE { SERVICE <{U}\\u0078> " + SPO + " }", True),
    ("variable endpoint", "SELECT * WHERE { BIND(<{U}> AS ?e) SERVICE ?e " + SPO + " }", None),
    ("after a string with #", 'SELECT * WHERE { BIND("#" AS ?x) {S} }', True),
    ("after an escaped quote", 'SELECT * WHERE { BIND("a\\"#" AS ?x) {S} }', True),
    ("after a long string", "SELECT * WHERE { BIND('''a'\n#'' ''' AS ?x) {S} }", True),
    ("nested subquery", "SELECT * WHERE { { SELECT ?s WHERE { {S} } } }", True),
    ("two subqueries deep", "SELECT * { { SELECT * { { SELECT * { {S} } } } } }", True),
    ("FILTER EXISTS", "SELECT * WHERE { BIND(1 AS ?x) FILTER EXISTS { {S} } }", True),
    ("FILTER NOT EXISTS", "SELECT * WHERE { BIND(1 AS ?x) FILTER NOT EXISTS { {S} } }", True),
    ("BIND EXISTS", "SELECT * WHERE { BIND(EXISTS { {S} } AS ?x) }", True),
    ("OPTIONAL", "SELECT * WHERE { BIND(1 AS ?x) OPTIONAL { {S} } }", True),
    ("UNION", "SELECT * WHERE { { BIND(1 AS ?x) } UNION { {S} } }", True),
    ("MINUS", "SELECT * WHERE { BIND(1 AS ?x) MINUS { {S} } }", True),
    ("GRAPH", "SELECT * WHERE { GRAPH ?g { {S} } }", None),
    ("inside SERVICE", "SELECT * WHERE { SERVICE <{U}> { {S} } }", True),
    ("ASK", "ASK { {S} }", True),
    ("CONSTRUCT", "CONSTRUCT { ?s ?p ?o } WHERE { {S} }", True),
    ("DESCRIBE", "DESCRIBE ?s WHERE { {S} }", True),
    ("escaped keyword", "SELECT * WHERE { SERV\\u0049CE <{U}> " + SPO + " }", False),
    ("long-s keyword", "SELECT * WHERE { \u017fERVICE <{U}> " + SPO + " }", False),
]
IDS = [name for name, _, _ in SPELLINGS]


def spelled(query: str, listener: Listener) -> str:
    query = query.replace("{S}", "SERVICE <{U}> " + SPO)
    return query.replace("{U}", f"http://127.0.0.1:{listener.port}/")


@pytest.mark.parametrize("name, query, live", SPELLINGS, ids=IDS)
def test_guard_spelling_would_reach_the_network_unchecked(
    listener: Listener, name: str, query: str, live: bool | None
) -> None:
    """The cases are real: a bare Oxigraph store calls the listener for each live spelling."""
    if live is None:
        pytest.skip("Oxigraph does not call this one on an empty store; refused all the same")
    before = listener.hits
    try:
        result = ox.Store().query(spelled(query, listener))
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except (OSError, RuntimeError, SyntaxError):
        pass
    assert listener.reached_after(before) == live


@pytest.mark.parametrize("name, query, live", SPELLINGS, ids=IDS)
def test_guard_refuses_every_spelling(
    listener: Listener, name: str, query: str, live: bool | None
) -> None:
    before = listener.hits
    with pytest.raises(QueryError, match=r"SERVICE|cannot be parsed") as err:
        run_query(example_dataset(), spelled(query, listener))
    assert "\n" not in str(err.value)
    assert not listener.reached_after(before)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service rdfs:label ?l }",
        'SELECT * WHERE { ?s rdfs:label "SERVICE <http://127.0.0.1:1/> { }" }',
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://127.0.0.1:1/>",
        "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:load ?o }",
        "SELECT * WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, 'load')) }",
    ],
)
def test_guard_lets_harmless_mentions_through(query: str) -> None:
    assert network_operations(query) == []
    run_query(example_dataset(), query)


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://127.0.0.1:1/>",
        "load silent <http://127.0.0.1:1/> INTO GRAPH <http://example.org/g>",
        "# x\rLOAD <http://127.0.0.1:1/>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    ],
)
def test_guard_refuses_network_updates(update: str) -> None:
    with pytest.raises(QueryError, match=r"LOAD|SERVICE"):
        check_query(update, allow_update=True)


def test_guard_unparsable_mention_is_refused() -> None:
    with pytest.raises(QueryError, match="cannot be parsed"):
        check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p } ")


def test_guard_graphkit_query_command_refuses_cr_comment(
    listener: Listener, tmp_path: Path
) -> None:
    trig = tmp_path / "g.trig"
    example_dataset().serialize(trig, format="trig")
    before = listener.hits
    query = spelled("SELECT * WHERE { # x\rSERVICE <{U}> " + SPO + " }", listener)
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "query", query, "--graph", str(trig)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "SERVICE calls are disabled" in done.stderr
    assert not listener.reached_after(before)
