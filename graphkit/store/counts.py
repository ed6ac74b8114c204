"""What a store holds, counted one way for every command: articles, evidence, relations, actors.

* **evidence records**: ``gk:Evidence`` nodes, one per relation read (asserted, negated,
  hypothetical or reported);
* **asserted relations**: distinct ``subject relation object`` triples over all articles
  (what a query with no ``GRAPH`` clause sees; each fact once however many articles say it);
* **actors**: entities that take part in at least one asserted relation;
* **entities**: entities described (every name an article gave, resolved), actors or not.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from graphkit.store import open_store
    >>> from graphkit.examples import example_store
    >>> folder = example_store(Path(tempfile.mkdtemp()) / "store")
    >>> with open_store(folder) as st:
    ...     store_counts(st.ox)["articles"]
    3
"""

from __future__ import annotations

from typing import Any

from graphkit.vocab import GK_IRI, relations

_ASSERTED = """
SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects) WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{
    VALUES ?p {{ {predicates} }}
    GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRENDS(STR(?g), "/inferred"))
  }}
}}"""

_ACTORS = """
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{
  VALUES ?p {{ {predicates} }}
  GRAPH ?g {{ {{ ?a ?p ?o }} UNION {{ ?o ?p ?a }} }} FILTER(!STRENDS(STR(?g), "/inferred"))
}}"""

_COUNT = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH {graph} {{ ?x a {classes} }} }}"
_ENTITIES = "<https://w3id.org/graphkit/id/graph/entities>"
_CLASSES = " ".join(f"<{GK_IRI}{c}>" for c in ("Person", "Country", "Organization", "Place"))
_SIMPLE = {
    "articles": _COUNT.format(graph="?g", classes=f"<{GK_IRI}Article>"),
    "evidence": _COUNT.format(graph="?g", classes=f"<{GK_IRI}Evidence>"),
    "entities": (
        f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH {_ENTITIES} {{ ?x a ?t }} "
        f"VALUES ?t {{ {_CLASSES} }} }}"
    ),
}


def store_counts(ox_store: Any) -> dict[str, int]:
    """Articles, evidence records, asserted relations and actors of an Oxigraph store."""
    predicates = " ".join(f"<{r.iri}>" for r in relations())
    out: dict[str, int] = {}
    for name, sparql in _SIMPLE.items():
        out[name] = int(next(iter(ox_store.query(sparql)))[0].value)
    row = next(iter(ox_store.query(_ASSERTED.format(predicates=predicates))))
    out["relations"] = int(row[0].value)
    out["actors"] = int(next(iter(ox_store.query(_ACTORS.format(predicates=predicates))))[0].value)
    return out
