"""The reading side of a SPARQL server: queries, shaped like the ``pyoxigraph.Store`` methods.

:class:`RemoteOx` sends each read as one SPARQL 1.1 Protocol query, with the PREFIX
declarations it uses added (:func:`with_prefixes`); :mod:`graphkit.store.remote` re-exports
both.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from graphkit.errors import StoreError
from graphkit.store.remote_http import Endpoints, Http
from graphkit.store.sparql import skeleton

_NTRIPLES = "application/n-triples"
_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.\-]*):", re.IGNORECASE)


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """The query with PREFIX declarations for the prefixes it uses without declaring them.

    Examples:
        >>> print(with_prefixes("PREFIX gk: <x#> SELECT * { ?a gk:p ?b ; rdfs:label ?l }",
        ...     {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "o#", "gk": "y#"}))
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX gk: <x#> SELECT * { ?a gk:p ?b ; rdfs:label ?l }
    """
    named = {name: iri for name, iri in prefixes.items() if f"{name}:" in sparql}
    if not named:  # the text never names them (a long update of full IRIs: no scan)
        return sparql
    code = skeleton(sparql)
    declared = {m.group(1) for m in _PREFIX_DECL.finditer(code)}
    lines = [
        f"PREFIX {name}: <{iri}>"
        for name, iri in named.items()
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
        # parse only (the store is empty); the kind of result says the query's form
        parsed = ox.Store().query(sparql, prefixes=dict(prefixes or {}))
        text = with_prefixes(sparql, prefixes or {})
        if isinstance(parsed, ox.QueryTriples):  # CONSTRUCT, DESCRIBE
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


__all__ = ["RemoteOx", "with_prefixes"]
