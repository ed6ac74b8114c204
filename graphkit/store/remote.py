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

The HTTP client is :mod:`graphkit.store.remote_http`, the reading side (:class:`RemoteOx`)
:mod:`graphkit.store.remote_read`; their public names are importable from here too.

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

import urllib.parse
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from graphkit.errors import StoreError
from graphkit.store.entail import ontology_triples, ox_entailments
from graphkit.store.listing import ArticleListing
from graphkit.store.remote_http import SCHEMES, Endpoints, Http, endpoints_from_url, is_remote
from graphkit.store.remote_read import _NTRIPLES, RemoteOx, with_prefixes
from graphkit.store.sparql import PREFIXES, QueryResult, execute
from graphkit.store.terms import (
    ONTOLOGY_GRAPH,
    OxStoreView,
    inferred_graph,
    is_derived_graph,
    to_ox,
)

_GK = "https://w3id.org/graphkit/ontology#"
_ARTICLE_PREFIX = "https://w3id.org/graphkit/id/article/"


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
        from graphkit.store.counts import FORGET

        self._send(FORGET)  # any graph can hold what the figures count: counted again once
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
            self._send(sparql)
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
            self._send(sparql)

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
        """Run a SPARQL Update as is (no entailments added) on the update endpoint.

        The store's kept figures (:mod:`graphkit.store.counts`) are dropped in the same
        request (the update may change anything): the next build counts them once.
        """
        from graphkit.store.counts import FORGET

        self._send(f"{FORGET} ;\n{sparql}")

    def keep_counts(self, figures: dict[str, int]) -> None:
        """Keep these figures (:func:`graphkit.store.counts.kept_counts`) on the server."""
        from graphkit.store.counts import figures_update

        self._send(figures_update(figures))

    def _send(self, sparql: str) -> None:
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
