"""What the embedded store and a remote store answer alike about their articles and graphs.

Both keep an Oxigraph-like store in ``ox`` (pyoxigraph's ``Store``, or
:class:`graphkit.store.remote.RemoteOx` speaking SPARQL to a server); these read-only
look-ups are written once over it.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from graphkit.store.sparql import execute
from graphkit.store.terms import is_derived_graph

_GK = "https://w3id.org/graphkit/ontology#"
_DCTERMS = "http://purl.org/dc/terms/"
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ARTICLE = ox.NamedNode(_GK + "Article")
_HASH = ox.NamedNode(_GK + "contentHash")
_SOURCE = ox.NamedNode(_DCTERMS + "source")


class ArticleListing:
    """Article hashes and sources, graph names and size, read from ``self.ox``."""

    ox: Any

    def _pairs(self, predicate: str) -> dict[str, str]:
        result = execute(
            self.ox,
            f"SELECT DISTINCT ?g ?v WHERE {{ GRAPH ?g {{ ?g a gk:Article ; <{predicate}> ?v }} }}",
        )
        return {row[0].value: row[1].value for row in result.rows}

    def article_hashes(self) -> dict[str, str]:
        """Article IRI -> its ``gk:contentHash`` (for incremental builds)."""
        return self._pairs(_GK + "contentHash")

    def article_sources(self) -> dict[str, str]:
        """Article IRI -> its ``dcterms:source`` (the input path as given)."""
        return self._pairs(_DCTERMS + "source")

    def _is_article(self, node: ox.NamedNode) -> bool:
        return any(self.ox.quads_for_pattern(node, _TYPE, _ARTICLE, node))

    def article_hash(self, iri: str) -> str | None:
        """One article's ``gk:contentHash`` (None if no such article), read through the
        store's index: the cost does not grow with the number of articles.

        Examples:
            >>> from graphkit.store import open_store
            >>> import tempfile
            >>> with open_store(tempfile.mkdtemp()) as st:
            ...     st.article_hash("https://w3id.org/graphkit/id/article/a-0123456789ab")
        """
        node = ox.NamedNode(iri)
        if isinstance(self.ox, ox.Store):
            quads = self.ox.quads_for_pattern(node, _HASH, None, node)
            values: list[Any] = [q.object for q in quads]
            found = values if values and self._is_article(node) else []
        else:  # one small query on a server
            rows = execute(
                self.ox,
                f"SELECT ?v WHERE {{ GRAPH {node} {{ {node} a {_ARTICLE} ; {_HASH} ?v }} }}",
            ).rows
            found = [row[0] for row in rows]
        return found[0].value if found else None

    def articles_with_source(self, source: str) -> dict[str, str]:
        """Article IRI -> source of the articles whose ``dcterms:source`` is exactly
        ``source``, read through the store's index (the literal is bound)."""
        literal = ox.Literal(source)
        if isinstance(self.ox, ox.Store):
            return {
                q.subject.value: source
                for q in self.ox.quads_for_pattern(None, _SOURCE, literal, None)
                if isinstance(q.subject, ox.NamedNode)
                and q.subject == q.graph_name
                and self._is_article(q.subject)
            }
        rows = execute(
            self.ox,
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a {_ARTICLE} ; {_SOURCE} {literal} }} }}",
        ).rows
        return {row[0].value: source for row in rows}

    def graph_names(self, *, derived: bool = False) -> list[str]:
        """Names of the named graphs, sorted; without derived graphs unless ``derived``."""
        names = (g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(n for n in names if derived or not is_derived_graph(n))

    def __len__(self) -> int:
        return len(self.ox)
