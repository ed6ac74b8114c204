"""Storing graphkit's RDF: files in five formats and an embedded on-disk store.

* **Files** (:mod:`graphkit.store.formats`): :func:`read_rdf`, :func:`write_rdf` and
  :func:`dataset_to_string` for TriG, N-Quads, Turtle, N-Triples and JSON-LD, parsed and
  written by Oxigraph; no JSON-LD context is ever fetched from the network.
* **The store** (:mod:`graphkit.store.disk`): :func:`open_store` gives a :class:`Store`, an
  Oxigraph (RocksDB) database in a folder that survives restarts. One process writes (one
  transaction per article); any number read published snapshots, also while it writes
  (:mod:`graphkit.store.snapshots`).
* **One fact, once** (:mod:`graphkit.store.relations`): the store keeps each asserted
  relation triple once, in ``<https://w3id.org/graphkit/id/graph/relations>``, while some
  article's asserted evidence supports it; article graphs hold the article node and evidence.
* **Entailments** (:mod:`graphkit.store.entail`): writing a graph also writes what it entails
  (the reverse of symmetric relations, the PLOVER category and ``gk:interactedWith`` of
  event relations) into ``<graph>/inferred``, removed with the graph, and the store holds
  the ontology in ``<https://w3id.org/graphkit/ontology>``. So ``?a gk:CONSULT ?b`` and
  ``?a ?p ?b . ?p rdfs:subPropertyOf* gk:CONSULT`` both find ``metWith``, ``visited`` and
  ``spokeWith``, and ``?a gk:metWith ?b`` finds a meeting in either direction.
* **SPARQL** (:mod:`graphkit.store.sparql`): :meth:`Store.query`; see :mod:`graphkit.query`
  for presets and output formats.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from graphkit.examples import example_store
    >>> folder = example_store(Path(tempfile.mkdtemp()) / "store")
    >>> with open_store(folder) as store:
    ...     result = store.query(
    ...         "SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Donald Trump' . ?a gk:CONSULT ?b }"
    ...     )
    >>> [row[0].value.rsplit("/", 1)[1] for row in result.rows]
    ['gustavo-petro']
"""

from __future__ import annotations

from graphkit.store.disk import Store
from graphkit.store.folder import open_source, open_store
from graphkit.store.formats import (
    FORMATS,
    atomic_path,
    atomic_write,
    dataset_to_string,
    format_for,
    read_rdf,
    write_rdf,
)
from graphkit.store.sparql import PREFIXES, QueryResult
from graphkit.store.terms import ONTOLOGY_GRAPH, inferred_graph, is_derived_graph

__all__ = [
    "FORMATS",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "QueryResult",
    "Store",
    "atomic_path",
    "atomic_write",
    "dataset_to_string",
    "format_for",
    "inferred_graph",
    "is_derived_graph",
    "open_source",
    "open_store",
    "read_rdf",
    "write_rdf",
]
