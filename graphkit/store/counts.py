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

A store also keeps these figures, in the graph ``<https://w3id.org/graphkit/id/graph/stats>``
(``<graph/stats> <https://w3id.org/graphkit/id/stats/NAME> N``, one triple per figure), so
that a build prints them without counting the whole store: each write of article graphs or
entity descriptions (:func:`graphkit.store.relations.write_articles`) carries them forward
in its own transaction (:mod:`graphkit.store.scope`), counting only the part of the store it
touches. :func:`kept_counts` reads them; a store without them (made before stores kept them,
or after a write that cannot keep them, such as a raw SPARQL Update) is counted in full once
and keeps them from then on.

    >>> with open_store(folder) as st:
    ...     kept_counts(st) == store_counts(st.ox)
    True
"""

from __future__ import annotations

from typing import Any

from graphkit.store.terms import ONTOLOGY_GRAPH, STATS_GRAPH
from graphkit.vocab import GK_IRI, ID_BASE, relations

FIGURES = ("articles", "evidence", "relations", "actors", "entities")
STAT_BASE = ID_BASE + "stats/"
"""Where a kept figure's predicate starts (``STAT_BASE + "articles"``, ...)."""

FORGET = f"DROP SILENT GRAPH <{STATS_GRAPH}>"
"""The SPARQL Update dropping a store's kept figures (run with a write that cannot keep them)."""

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


def stored_figures(ox_store: Any) -> dict[str, int] | None:
    """The figures a store keeps (:data:`STATS_GRAPH`), or None when it keeps none (or not all)."""
    sparql = f"SELECT ?p ?n WHERE {{ GRAPH <{STATS_GRAPH}> {{ <{STATS_GRAPH}> ?p ?n }} }}"
    found = {
        row[0].value[len(STAT_BASE) :]: row[1].value
        for row in ox_store.query(sparql)
        if row[0].value.startswith(STAT_BASE)
    }
    try:
        return {name: int(found[name]) for name in FIGURES}
    except (KeyError, ValueError):
        return None


def figures_update(figures: dict[str, int]) -> str:
    """The SPARQL Update putting these figures in a store's :data:`STATS_GRAPH`, as kept."""
    stats = f"<{STATS_GRAPH}>"
    rows = " ".join(f"{stats} <{STAT_BASE}{name}> {int(figures[name])} ." for name in FIGURES)
    return f"{FORGET} ;\nINSERT DATA {{ GRAPH {stats} {{ {rows} }} }}"


def _holds_nothing(ox_store: Any) -> bool:
    """True when a store holds no triple outside its ontology (a look-up, not a count)."""
    ask = (
        f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}> "
        f"&& ?g != <{STATS_GRAPH}>) }}"
    )
    return not bool(ox_store.query(ask))


CARRY_RATIO = 150
"""A build carries a store's figures forward write by write only while the store holds at
least this many articles for each input of the build (:class:`BuildFigures`); otherwise one
full count at its end is cheaper. Measured with ``benchmarks/bench_build_lookups.py`` (CPU
time, 2 cores shared with other work): a full count costs about 0.04 ms an article of the
store (0.04 s at 1,000 articles, 0.41 s at 10,000), carrying the figures 4.1 ms a write at
1,000 and 6.0 ms at 10,000: the full count of 94 and of 146 articles; the larger, rounded up."""


class BuildFigures:
    """How a build pays for the figures of the store it writes into: never more than one
    full count (:func:`store_counts`).

    A store keeping figures and holding at least :data:`CARRY_RATIO` articles for each of
    the build's ``inputs`` carries them write by write; otherwise they are dropped before
    the build's first write (a build that writes nothing keeps them) and counted in full
    once at its end (:meth:`totals`), which keeps them again.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from graphkit.store import open_store
        >>> from graphkit.examples import example_store
        >>> folder = example_store(Path(tempfile.mkdtemp()) / "store")
        >>> with open_store(folder) as st:
        ...     figures = BuildFigures(st, inputs=1)  # 3 articles: too few to carry them
        ...     figures.carried, figures.totals() == store_counts(st.ox)
        (False, True)
    """

    def __init__(self, st: Any, inputs: int, *, recount: bool = False) -> None:
        self.st = st
        self.recount = recount
        kept = None if recount else stored_figures(st.ox)
        if kept is None and not recount and _holds_nothing(st.ox):  # a new store: all zero
            kept = kept_counts(st)
        self.carried = kept is not None and kept["articles"] >= inputs * CARRY_RATIO
        """The writes carry the figures (else they are counted once at the end)."""
        self.limit = (kept["articles"] // CARRY_RATIO if CARRY_RATIO > 0 else -1) if kept else 0
        """Writes carried at most (-1: no limit): past them (more than ``inputs`` written,
        as a file of many articles gives) the figures are dropped after all."""
        self.writes = 0
        self.dropped = False
        self.counted = False
        """The build counted the store in full (known after :meth:`totals`)."""

    def before_write(self) -> None:
        """Call before each write of the build: drops the figures before the first one
        when the build does not carry them."""
        self.writes += 1
        if self.carried and self.writes > self.limit >= 0:
            self.carried = False
        if not self.carried and not self.dropped:
            self.st.update(FORGET)
            self.dropped = True

    def totals(self) -> dict[str, int]:
        """The store's figures after the build: kept, or counted in full once (and kept);
        :attr:`counted` tells which."""
        recount = self.recount and not self.dropped
        self.counted = recount or stored_figures(self.st.ox) is None
        return kept_counts(self.st, recount=recount)


def kept_counts(st: Any, *, recount: bool = False) -> dict[str, int]:
    """The figures of a store (:func:`store_counts`) as it keeps them, without counting.

    A store that keeps none (made before stores kept them, or after a write that could not
    keep them) is counted in full once, and the figures are kept from then on; so is any
    store with ``recount`` (which also repairs figures a raw SPARQL Update left wrong).

    Args:
        st: an open store (:class:`graphkit.store.Store` or
            :class:`graphkit.store.remote.RemoteStore`); a read-only one is counted, not
            written.
        recount: count the whole store and keep the result.
    """
    if not recount:
        kept = stored_figures(st.ox)
        if kept is not None:
            return kept
    if not recount and _holds_nothing(st.ox):
        figures = dict.fromkeys(FIGURES, 0)
    else:
        figures = store_counts(st.ox)
    if not getattr(st, "read_only", False):
        st.keep_counts(figures)
    return figures
