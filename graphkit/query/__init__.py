"""SPARQL over graphkit's graphs: run a query, use a preset, format the result.

Every query runs on Oxigraph and knows the ontology: a store already holds the entailments
(:mod:`graphkit.store.entail`) and the ontology; an in-memory Dataset (``--graph FILE``) is
copied into a temporary Oxigraph store with the same entailments first, so a query gives
the same answer on files and on a store. graphkit's prefixes (``gk:``, ``gkid:``, ``rdfs:``,
``skos:``, ``dcterms:``...) need no declaration. The default graph is the union of all
graphs, as a bag: use ``DISTINCT`` when a triple may come from several articles.

Examples:
    >>> from graphkit.store.examples import example_dataset
    >>> ds = example_dataset()
    >>> r = run_query(ds, "SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Donald Trump' ; gk:metWith ?b }")
    >>> [row[0].value for row in r.rows]
    ['https://w3id.org/graphkit/id/person/gustavo-petro']
    >>> print(run_cli_query(ds, query=None, preset="who-met-whom", params=[], fmt="table", min_sources=2), end="")
    actor1        actor2         relations  sources  first       last
    ------------  -------------  ---------  -------  ----------  ----------
    Donald Trump  Gustavo Petro  metWith          2  2025-11-03  2025-11-07
    <BLANKLINE>
    (1 row)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graphkit.errors import InputError, QueryError
from graphkit.query.presets import (
    Param,
    Preset,
    bind_params,
    get_preset,
    list_presets,
    parse_header,
    presets,
)
from graphkit.query.results import format_result
from graphkit.store.sparql import QueryResult, execute

__all__ = [
    "Param",
    "Preset",
    "QueryResult",
    "as_oxigraph",
    "format_result",
    "presets",
    "run_cli_query",
    "run_query",
]


def as_oxigraph(source: Any) -> Any:
    """The ``pyoxigraph.Store`` to query for a Store, a Dataset or an Oxigraph store.

    A Dataset over a store gives that store; an in-memory Dataset is copied, graph by graph,
    into a new in-memory Oxigraph store with each graph's entailments in ``<graph>/inferred``
    and the ontology, as the on-disk store holds them.
    """
    from rdflib import Dataset, Graph

    from graphkit.store import Store
    from graphkit.store.terms import OxStoreView

    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Store):
        return source.ox
    if isinstance(source, Graph) and isinstance(source.store, OxStoreView):
        return source.store.ox
    if isinstance(source, Dataset | Graph):
        return _memory_store(source)
    msg = f"cannot query a {type(source).__name__}; give a Dataset, a Graph or a Store"
    raise QueryError(msg)


def _memory_store(ds: Any) -> Any:
    from graphkit.store.entail import derived_quads, ontology_triples
    from graphkit.store.terms import ONTOLOGY_GRAPH, dataset_quads

    store = ox.Store()
    quads = list(dataset_quads(ds))
    quads.extend(derived_quads(quads))
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    quads.extend(ox.Quad(t.subject, t.predicate, t.object, ontology) for t in ontology_triples())
    store.extend(quads)
    return store


def run_query(
    source: Any,
    sparql: str,
    *,
    name: str = "query",
    params: dict[str, Any] | None = None,
    max_rows: int | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query on a Store, a Dataset or an Oxigraph store.

    Args:
        source: what to query (see :func:`as_oxigraph`).
        sparql: the query text (SELECT, ASK, CONSTRUCT or DESCRIBE).
        name: how errors name the query (e.g. the .rq file name).
        params: variable name -> Oxigraph term, bound before evaluation (``$ACTOR``).
        max_rows: fail with a clear error beyond this many rows.

    Raises:
        QueryError: a one-line message for a syntax error (with line and what is near it),
            a SPARQL Update, or a federated ``SERVICE`` call.
    """
    return execute(as_oxigraph(source), sparql, name=name, params=params, max_rows=max_rows)


def _read_query(query: str) -> tuple[str, str]:
    """(text, name) of a query given as a string or as a path to a .rq file."""
    candidate = query.strip()
    looks_like_file = "\n" not in candidate and (candidate.endswith((".rq", ".sparql")) or Path(candidate).is_file())
    if not looks_like_file:
        return query, "query"
    path = Path(candidate)
    try:
        return path.read_text(encoding="utf-8"), path.name
    except FileNotFoundError:
        msg = f"cannot read '{path}': no such file; check the path (or pass the query text in quotes)"
        raise InputError(msg) from None
    except (OSError, UnicodeDecodeError) as err:
        msg = f"cannot read '{path}': {err}; give a UTF-8 text file with a SPARQL query"
        raise InputError(msg) from None


def keep_min_sources(result: QueryResult, min_sources: int, *, name: str) -> QueryResult:
    """Keep the rows whose ``sources`` column (distinct articles) is at least ``min_sources``."""
    if result.kind != "SELECT" or "sources" not in result.variables:
        with_sources = sorted(p.name for p in presets().values() if "?sources" in p.text)
        msg = f"--min-sources needs a ?sources column (distinct articles per row) and {name} has none; presets with one: {', '.join(with_sources)}"
        raise InputError(msg)
    col = result.variables.index("sources")

    def count(term: Any) -> float:
        try:
            return float(term.value) if term is not None else 0.0
        except ValueError:
            return 0.0

    rows = [row for row in result.rows if count(row[col]) >= min_sources]
    return QueryResult("SELECT", result.variables, rows)


def run_cli_query(
    source: Any,
    *,
    query: str | None,
    preset: str | None,
    params: list[str],
    fmt: str,
    min_sources: int | None,
) -> str:
    """What ``graphkit query`` prints: a query (text or .rq file) or a preset, formatted.

    Args:
        source: a Dataset or Store.
        query: SPARQL text or a path to a .rq file (its ``# param`` header is honoured).
        preset: a preset name, or ``list`` to list them.
        params: values of the query's parameters, in the order the header declares them.
        fmt: table, csv, tsv or json (CONSTRUCT/DESCRIBE print RDF).
        min_sources: keep rows whose ``sources`` column is at least this.

    Raises:
        InputError: neither or both of query and preset, wrong parameters, unknown preset.
        QueryError: the query is malformed (one line naming where).
    """
    if preset == "list":
        return list_presets()
    if (query is None) == (preset is None):
        msg = "give either a SPARQL query (text or .rq file) or --preset NAME (see --preset list)"
        raise InputError(msg)
    if preset is not None:
        chosen = get_preset(preset)
        name = f"{chosen.name}.rq"
    else:
        text, name = _read_query(query or "")
        chosen = parse_header(name, text)
    if min_sources is not None and min_sources < 1:
        msg = f"--min-sources must be at least 1, not {min_sources}"
        raise InputError(msg)
    store = as_oxigraph(source)
    bound = bind_params(store, chosen, params) if chosen.params or params else {}
    result = execute(store, chosen.text, name=name, params=bound)
    if min_sources is not None:
        result = keep_min_sources(result, min_sources, name=name)
    return format_result(result, fmt)
