"""A remote SPARQL 1.1 server as graphkit's store: Graph Store Protocol writes, SPARQL reads.

Any server that speaks the SPARQL 1.1 Protocol, SPARQL 1.1 Update and the Graph Store HTTP
Protocol will do (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso, QLever with its
update API). graphkit talks plain HTTP to three endpoints:

* **query** (SPARQL 1.1 Protocol, POST form): every read, including the predicate scans
  the analysis and the map make;
* **Graph Store Protocol** (``PUT/DELETE <gsp>?graph=<iri>``): whole graphs other than
  articles' (the ontology, the entities graph of :meth:`RemoteStore.load`), one PUT each,
  which replaces that graph; entailments go to ``<graph>/inferred`` with a second PUT, exactly
  as the embedded store lays them out (:mod:`graphkit.store.entail`);
* **update** (SPARQL 1.1 Update): :meth:`RemoteStore.update`, :meth:`RemoteStore.apply`
  (the build's write: one article with its entity resolution,
  :class:`graphkit.merge.resolver.Plan`) and every article write or removal, each in one
  request, which Oxigraph runs as one transaction: the article graph and the relations graph
  kept in step with it (:mod:`graphkit.store.relations`), as on the embedded store.

Queries see the union of the named graphs as their default graph, as on the embedded store:
the server must be set up so (Oxigraph: ``oxigraph serve --union-default-graph``; Fuseki:
``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do it by default). graphkit checks
this and says how to fix it when it is not so.

Connection errors and 502/503/504 answers are retried with exponential backoff; a server
that stays down, or refuses a request, gives a one-line :class:`~graphkit.errors.StoreError`.

Examples:
    >>> endpoints_from_url("sparql+http://127.0.0.1:7878").gsp
    'http://127.0.0.1:7878/store'
    >>> is_remote("sparql+https://example.org/ds"), is_remote("graphkit-store")
    (True, False)
    >>> open_remote("sparql+http://127.0.0.1:9", retries=0).query("ASK {}")
    Traceback (most recent call last):
    ...
    graphkit.errors.StoreError: cannot reach the SPARQL server at ... (connection refused) ...
"""

from __future__ import annotations

import http.client
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from graphkit.errors import StoreError
from graphkit.store.entail import ontology_triples, ox_entailments
from graphkit.store.listing import ArticleListing
from graphkit.store.sparql import PREFIXES, QueryResult, execute, query_form, skeleton
from graphkit.store.terms import (
    ONTOLOGY_GRAPH,
    OxStoreView,
    inferred_graph,
    is_derived_graph,
    to_ox,
)

SCHEMES = ("sparql+http://", "sparql+https://")
"""A ``--store`` value starting with one of these names a remote server."""
_GK = "https://w3id.org/graphkit/ontology#"
_ARTICLE_PREFIX = "https://w3id.org/graphkit/id/article/"
_RETRY_STATUS = frozenset({502, 503, 504})
_NTRIPLES = "application/n-triples"
_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.\-]*):", re.IGNORECASE)


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
    """Plain HTTP requests with retries and backoff on connection errors and 502/503/504."""

    def __init__(self, *, retries: int = 5, backoff: float = 0.2, timeout: float = 60.0) -> None:
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout

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
        while True:
            tries += 1
            req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    status, kind, data = (
                        resp.status,
                        resp.headers.get("Content-Type", ""),
                        resp.read(),
                    )
            except urllib.error.HTTPError as err:
                status, kind, data = err.code, err.headers.get("Content-Type", ""), err.read()
            except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
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


def _reason(err: BaseException) -> str:
    inner = getattr(err, "reason", err)
    if isinstance(inner, ConnectionRefusedError):
        return "connection refused"
    if isinstance(inner, socket.timeout | TimeoutError):
        return "timed out"
    return str(inner) or type(inner).__name__


def _declared(sparql: str) -> set[str]:
    return {m.group(1) for m in _PREFIX_DECL.finditer(skeleton(sparql))}


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """The query with PREFIX declarations for the prefixes it uses without declaring them.

    Examples:
        >>> print(with_prefixes("PREFIX gk: <x#> SELECT * { ?a gk:p ?b ; rdfs:label ?l }",
        ...     {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "o#", "gk": "y#"}))
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX gk: <x#> SELECT * { ?a gk:p ?b ; rdfs:label ?l }
    """
    code = skeleton(sparql)
    declared = _declared(sparql)
    lines = [
        f"PREFIX {name}: <{iri}>"
        for name, iri in prefixes.items()
        if name not in declared and re.search(rf"(?<![\w.\-]){re.escape(name)}:", code)
    ]
    return "\n".join([*lines, sparql]) if lines else sparql


class RemoteOx:
    """The reading side of a server, shaped like the ``pyoxigraph.Store`` methods graphkit calls.

    :func:`graphkit.store.sparql.execute` calls :meth:`query`; the rdflib view
    (:class:`~graphkit.store.terms.OxStoreView`), the analysis and entity resolution call
    :meth:`quads_for_pattern`, each call one SPARQL query. Quads of the server's own
    default graph are not listed (graphkit writes named graphs only).
    """

    def __init__(self, endpoints: Endpoints, http: Http) -> None:
        self.endpoints = endpoints
        self.http = http

    def fetch(self, sparql: str, accept: str) -> tuple[str, bytes]:
        """POST a query (SPARQL 1.1 Protocol); returns (content type, body)."""
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        _, kind, data = self.http.request("POST", self.endpoints.query, body=body, headers=headers)
        return kind, data

    def query(
        self, sparql: str, *, prefixes: Mapping[str, str] | None = None, **options: Any
    ) -> Any:
        """Run a query on the server; returns Oxigraph's result objects.

        Other options of ``pyoxigraph.Store.query`` are accepted and left to the server.

        The query is parsed here first, so syntax errors read as on the embedded store. The
        union of the named graphs is the default graph (the server's setting; see the module).

        Raises:
            SyntaxError: the query is malformed.
            StoreError: the server is unreachable or refused the query.
        """
        ox.Store().query(sparql, prefixes=dict(prefixes or {}))  # parse only: the store is empty
        text = with_prefixes(sparql, prefixes or {})
        form = query_form(text)
        if form in ("CONSTRUCT", "DESCRIBE"):
            _, data = self.fetch(text, _NTRIPLES)
            return ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        kind, data = self.fetch(
            text, "text/tab-separated-values, application/sparql-results+json;q=0.9"
        )
        fmt = ox.QueryResultsFormat.TSV if "tab-separated" in kind else ox.QueryResultsFormat.JSON
        try:
            return ox.parse_query_results(data, format=fmt)
        except (SyntaxError, ValueError) as err:
            msg = (
                f"the SPARQL server at {self.endpoints.query} sent a result graphkit cannot read "
                f"({err}); check that --endpoint is a SPARQL query endpoint"
            )
            raise StoreError(msg) from None

    def quads_for_pattern(self, s: Any, p: Any, o: Any, g: Any = None) -> Iterator[Any]:
        """The quads of the named graphs matching a pattern (None: any), as Oxigraph quads."""
        if isinstance(g, ox.DefaultGraph):
            return iter(())
        terms = [("?s", s), ("?p", p), ("?o", o), ("?g", g)]
        s_, p_, o_, g_ = (v if t is None else str(t) for v, t in terms)
        variables = [v for v, t in terms if t is None]
        where = f"{{ GRAPH {g_} {{ {s_} {p_} {o_} }} }}"
        if not variables:
            return iter([ox.Quad(s, p, o, g)] if self.query(f"ASK {where}") else [])
        return self._quads(self.query(f"SELECT {' '.join(variables)} WHERE {where}"), terms)

    @staticmethod
    def _quads(solutions: Any, terms: list[tuple[str, Any]]) -> Iterator[Any]:
        for row in solutions:
            values = [row[v[1:]] if t is None else t for v, t in terms]
            yield ox.Quad(*values)

    def __contains__(self, quad: Any) -> bool:
        """True if the server holds the quad (in a named graph)."""
        if isinstance(quad.graph_name, ox.DefaultGraph):
            return False
        q = quad
        return bool(
            self.query(f"ASK {{ GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }} }}")
        )

    def named_graphs(self) -> Iterator[Any]:
        """The names of the server's named graphs."""
        for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield row["g"]

    def contains_named_graph(self, graph: Any) -> bool:
        """True if the named graph holds any triple."""
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value) if rows else 0


class RemoteStore(ArticleListing):
    """A store on a SPARQL server, with the public methods of :class:`graphkit.store.Store`.

    Get one with :func:`open_remote`. Unlike the embedded store, writes from several
    processes (Dask workers) are fine: each article graph is replaced as a whole.
    """

    read_only = False

    def __init__(self, endpoints: Endpoints, *, http: Http | None = None, label: str = "") -> None:
        self.endpoints = endpoints
        self.http = http or Http()
        self.label = label or endpoints.query
        self._ox = RemoteOx(endpoints, self.http)
        self._union_checked = False
        self.graphs_written = 0
        self.triples_written = 0

    # reading ------------------------------------------------------------------------------
    @property
    def path(self) -> str:
        """Where the store is (for messages and reports)."""
        return self.label

    @property
    def ox(self) -> RemoteOx:
        """The reading side, shaped like a ``pyoxigraph.Store`` (see :class:`RemoteOx`)."""
        return self._ox

    def check_union(self) -> None:
        """Fail with the fix when the server's default graph is not the union of its graphs."""
        if self._union_checked:
            return
        named = bool(self._ox.query("ASK { GRAPH ?g { ?s ?p ?o } }"))
        union = bool(self._ox.query("ASK { ?s ?p ?o }"))
        if named and not union:
            msg = (
                f"the SPARQL server at {self.label} does not query the union of its named graphs "
                "by default; start Oxigraph with --union-default-graph, set tdb2:unionDefaultGraph "
                "true on a Fuseki dataset (GraphDB and Virtuoso do it by default)"
            )
            raise StoreError(msg)
        self._union_checked = named

    def dataset(self, *, derived: bool = False) -> Dataset:
        """An rdflib Dataset (``default_union=True``) reading the server through SPARQL.

        :func:`graphkit.query.run_query`, the analysis and the map take it as they take a
        Dataset over the embedded store; each pattern they read is one query on the server.
        """
        from graphkit.graph import bind_prefixes

        self.check_union()
        ds = Dataset(store=OxStoreView(self._ox, owner=self, derived=derived), default_union=True)
        bind_prefixes(ds)
        return ds

    def query(self, sparql: str, **options: Any) -> QueryResult:
        """Run a read-only SPARQL query over every graph (entailments and ontology included)."""
        self.check_union()
        return execute(self._ox, sparql, **options)

    def __bool__(self) -> bool:
        return True  # an empty store is still a store

    # writing ------------------------------------------------------------------------------
    def _graph_url(self, name: str) -> str:
        return f"{self.endpoints.gsp}?{urllib.parse.urlencode({'graph': name})}"

    def put_triples(self, name: str, triples: list[Any]) -> None:
        """Replace one named graph by these Oxigraph triples (one GSP PUT; DELETE when empty)."""
        if not triples:
            self.delete_graph(name)
            return
        body = bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        self.http.request(
            "PUT", self._graph_url(name), body=body, headers={"Content-Type": _NTRIPLES}
        )
        self.graphs_written += 1
        self.triples_written += len(triples)

    def delete_graph(self, name: str) -> bool:
        """Remove one named graph (GSP DELETE); False if the server did not have it."""
        status, _, _ = self.http.request("DELETE", self._graph_url(name), ok=(200, 202, 204, 404))
        return status != 404

    def write_graph(self, name: str, triples: list[Any]) -> None:
        """Replace a graph and its ``<graph>/inferred`` entailments (two PUTs).

        The entailments go first: a graph whose PUT arrived always has its entailments, and
        an interrupted write is redone by the next build (the article's hash is not there).
        """
        self.put_triples(inferred_graph(name), ox_entailments(triples))
        self.put_triples(name, triples)

    def replace_article(self, graph_iri: URIRef | str, graph: Graph) -> None:
        """Replace an article's graph in one SPARQL Update, relations graph included.

        The relation triples its evidence supports go to the relations graph, each once, as
        on the embedded store (:mod:`graphkit.store.relations`).
        """
        self.write_articles({str(graph_iri): _ox_triples(graph_iri, graph)})

    def add_graph(self, graph_iri: URIRef | str, graph: Graph) -> None:
        """Add or replace a non-article graph (e.g. entity resolution) as a whole."""
        self.write_graph(str(graph_iri), _ox_triples(graph_iri, graph))

    def write_articles(self, graphs: Mapping[str, list[Any]]) -> None:
        """Replace article graphs (empty: remove) and keep the relations graph in step, in one
        SPARQL Update (:func:`graphkit.store.relations.write_articles`)."""
        from graphkit.store.relations import write_articles

        sparql = write_articles(self._ox, graphs)
        if sparql:
            self.update(sparql)
            self.graphs_written += len(graphs)
            self.triples_written += sum(len(t) for t in graphs.values())

    def apply(self, plan: Any) -> None:
        """Run a resolution step (:class:`graphkit.merge.resolver.Plan`) on the server.

        The plan's SPARQL Update goes to the update endpoint in one request (Oxigraph runs it
        as one transaction); it writes the article graphs with their entailments and the
        entities graph, as on the embedded store.
        """
        sparql = plan.update(store=self._ox)
        if sparql:
            self.update(sparql)

    def remove_article(self, graph_iri: URIRef | str) -> bool:
        """Remove an article's graph, its entailments and the relation triples only it
        supported (one SPARQL Update); False if it was absent."""
        present = self._ox.contains_named_graph(ox.NamedNode(str(graph_iri)))
        self.write_articles({str(graph_iri): []})
        return present

    def load_quads(self, quads: Iterable[Any]) -> list[str]:
        """Write Oxigraph quads graph by graph (each graph replaced as a whole, with entailments).

        Returns the names of the graphs written. Quads in the default graph are refused.
        """
        by_graph: dict[str, list[Any]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                msg = (
                    "a remote store holds named graphs only; "
                    "put the default graph's triples in a named graph"
                )
                raise StoreError(msg)
            by_graph.setdefault(q.graph_name.value, []).append(
                ox.Triple(q.subject, q.predicate, q.object)
            )
        for name, triples in by_graph.items():
            if name.startswith(_ARTICLE_PREFIX) and not is_derived_graph(name):
                self.write_articles({name: triples})
            else:
                self.write_graph(name, triples)
        return list(by_graph)

    def load(self, path: Path) -> int:
        """Import an RDF file with named graphs (N-Quads, TriG), a PUT a graph; returns how many."""
        from graphkit.store.formats import iter_file_quads

        return len(self.load_quads(iter_file_quads(Path(path))))

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update as is (no entailments added) on the update endpoint."""
        text = with_prefixes(sparql, PREFIXES)
        self.http.request(
            "POST",
            self.endpoints.update,
            body=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            idempotent=False,
        )

    def ensure_ontology(self) -> None:
        """Put ``ontology/graphkit.ttl`` into its graph unless the same version is there."""
        import hashlib

        from graphkit.vocab import ONTOLOGY_DIR

        # the file's digest: its blank nodes get new labels on every parse
        digest = hashlib.sha256((ONTOLOGY_DIR / "graphkit.ttl").read_bytes()).hexdigest()
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        marker = ox.Triple(graph, ox.NamedNode(_GK + "contentHash"), ox.Literal(digest))
        if self._ox.query(f"ASK {{ GRAPH {graph} {{ {marker} }} }}"):
            return
        self.put_triples(ONTOLOGY_GRAPH, [*ontology_triples(), marker])

    def publish(self) -> None:
        """Nothing to do: a server shows each write as soon as it is answered."""

    # lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        """Nothing to release (plain HTTP); kept so code can treat both stores alike."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<graphkit RemoteStore {self.label!r}>"


def _ox_triples(graph_iri: URIRef | str, graph: Graph) -> list[Any]:
    try:
        return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
    except ValueError as err:
        msg = f"cannot store graph <{graph_iri}>: {err}"
        raise StoreError(msg) from None


def open_remote(
    url: str | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    gsp: str | None = None,
    retries: int = 5,
    timeout: float = 60.0,
) -> RemoteStore:
    """A store on a SPARQL server, named by one URL or by its endpoints.

    Args:
        url: ``sparql+http://HOST:PORT/PATH`` (Oxigraph server's layout: ``/query``,
            ``/update``, ``/store`` under PATH).
        endpoint: the SPARQL query endpoint (overrides the one derived from ``url``).
        update_endpoint: the SPARQL Update endpoint.
        gsp: the Graph Store Protocol endpoint.
        retries: how often to retry after a connection error (with backoff from 0.2 s).
        timeout: seconds to wait for one answer.

    Raises:
        StoreError: neither a URL nor a query endpoint, or a malformed URL.
    """
    if url is None and endpoint is None:
        msg = "no SPARQL server given; pass --store sparql+http://HOST:PORT or --endpoint URL"
        raise StoreError(msg)
    base = endpoints_from_url(url) if url else None
    query = endpoint or (base.query if base else "")
    for given in (query, update_endpoint, gsp):
        if given and not given.startswith(("http://", "https://")):
            msg = f"endpoint {given!r} is not an http(s) URL; give the server's full endpoint URL"
            raise StoreError(msg)
    endpoints = Endpoints(
        query=query,
        update=update_endpoint or (base.update if base else query),
        gsp=gsp or (base.gsp if base else query),
    )
    return RemoteStore(endpoints, http=Http(retries=retries, timeout=timeout), label=url or query)


__all__ = [
    "SCHEMES",
    "Endpoints",
    "Http",
    "RemoteOx",
    "RemoteStore",
    "endpoints_from_url",
    "is_remote",
    "open_remote",
    "with_prefixes",
]
