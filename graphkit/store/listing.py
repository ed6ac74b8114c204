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

    def graph_names(self, *, derived: bool = False) -> list[str]:
        """Names of the named graphs, sorted; without derived graphs unless ``derived``."""
        names = (g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(n for n in names if derived or not is_derived_graph(n))

    def __len__(self) -> int:
        return len(self.ox)
