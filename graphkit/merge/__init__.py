"""Many graphs -> one: lossless union of article graphs plus cross-article entity resolution.

A merge keeps every named graph and every evidence node of its inputs (set union, so
``merge(A, B) == merge(B, A)``, ``merge(A, A) == merge(A)`` and merges associate), then
resolves entities in two steps:

1. inside each graph (:mod:`graphkit.merge.normalize`): country variants, demonyms,
   capitals and seats of government acting as actors, acronyms, titles, and aliases the
   article itself links; recorded in that article's graph;
2. across graphs (:mod:`graphkit.merge.corpus`): a surname or short name to the only full
   name that fits it, a name to the entity that lists it as an alias; recorded in the
   resolution graph ``https://w3id.org/graphkit/id/graph/resolution``.

Resolution rewrites entity IRIs, so SPARQL, analyses and maps see one node per actor, with
every surface name kept as ``skos:altLabel`` and an ``owl:sameAs`` + ``gk:mergeReason`` record
saying why. Resolving again first undoes the previous cross-article step, so results depend
only on the set of articles, never on the order or grouping of merges.

Examples:
    >>> from graphkit.graph import results_dataset
    >>> from graphkit.records import Article, ArticleResult, Entity
    >>> a = Article.from_text("Petro and Britain.", source="a.txt")
    >>> b = Article.from_text("Gustavo Petro and the UK.", source="b.txt")
    >>> A = results_dataset([ArticleResult(a, (Entity("Person", "Petro"), Entity("Country", "Britain")))])
    >>> B = results_dataset([ArticleResult(b, (Entity("Person", "Gustavo Petro"), Entity("Country", "UK")))])
    >>> ds = merge_datasets([A, B])
    >>> from rdflib.namespace import RDF, RDFS
    >>> from graphkit.vocab import GK
    >>> sorted({str(ds.value(s, RDFS.label)) for s in ds.subjects(RDF.type, GK.Person)})
    ['Gustavo Petro']
    >>> sorted({str(ds.value(s, RDFS.label)) for s in ds.subjects(RDF.type, GK.Country)})
    ['United Kingdom']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from graphkit.merge.corpus import ResolutionReport, changed, resolve_graphs, unresolve_graphs
from graphkit.merge.corroborate import corroboration, corroboration_by_day
from graphkit.merge.inputs import check_terms, read_file, skolemize
from graphkit.merge.normalize import normalize_all
from graphkit.merge.terms import RESOLUTION_GRAPH, Graphs, is_derived, to_dataset, to_graphs
from graphkit.vocab import GK


@dataclass
class MergeReport:
    """What a merge did."""

    inputs: int = 0
    graphs: int = 0
    evidence: int = 0
    derived_left_out: int = 0
    resolution: ResolutionReport | None = None

    def summary(self) -> str:
        """A short text for people."""
        line = f"merged {self.inputs} input(s): {self.graphs} graph(s), {self.evidence} evidence node(s)"
        if self.derived_left_out:
            line += f"; {self.derived_left_out} derived graph(s) left out (a store derives them again)"
        if self.resolution is not None:
            line += "\n" + self.resolution.summary()
        return line


def _prepare(graphs: Graphs, *, source: str, keep_unknown: bool) -> Graphs:
    if not keep_unknown:
        check_terms(graphs, source)
    return skolemize(graphs)


def merge_graph_sets(
    inputs: Iterable[Graphs], *, resolve: bool = True, sources: Sequence[str] = (), keep_unknown: bool = False
) -> tuple[Graphs, MergeReport]:
    """Merge inputs given as graph sets (see :mod:`graphkit.merge.terms`); the core of every merge."""
    report = MergeReport()
    union: Graphs = {}
    for number, graphs in enumerate(inputs):
        report.inputs += 1
        source = sources[number] if number < len(sources) else f"input {number + 1}"
        graphs = _prepare(graphs, source=source, keep_unknown=keep_unknown)
        if resolve:
            graphs = unresolve_graphs(graphs)
        for name, triples in graphs.items():
            if name in union:
                union[name] = union[name] | triples
            else:
                union[name] = triples
    if resolve:
        derived = [n for n in union if is_derived(n)]
        report.derived_left_out = len(derived)
        for n in derived:
            del union[n]
        union, report.resolution = resolve_graphs(normalize_all(union))
    report.graphs = len(union)
    report.evidence = sum(1 for triples in union.values() for _, p, o in triples if p == RDF.type and o == GK.Evidence)
    return union, report


def merge(
    datasets: Iterable[Graph], *, resolve: bool = True, sources: Sequence[str] = (), keep_unknown: bool = False
) -> tuple[Dataset, MergeReport]:
    """Merge Datasets into a new one; returns it with a report.

    Args:
        datasets: the inputs (rdflib Datasets, or plain Graphs whose triples go to the
            default graph).
        resolve: resolve entities within and across graphs (False: plain union).
        sources: names of the inputs for error messages.
        keep_unknown: keep graphkit terms this version does not define instead of failing.

    Raises:
        InputError: an input uses unknown graphkit terms (see :mod:`graphkit.merge.inputs`).
    """
    graphs, report = merge_graph_sets(
        (to_graphs(ds) for ds in datasets), resolve=resolve, sources=sources, keep_unknown=keep_unknown
    )
    return to_dataset(graphs), report


def merge_datasets(datasets: Iterable[Graph], *, resolve: bool = True, keep_unknown: bool = False) -> Dataset:
    """Merge Datasets into a new Dataset (see :func:`merge`)."""
    return merge(datasets, resolve=resolve, keep_unknown=keep_unknown)[0]


def merge_files_report(
    paths: Sequence[Path], *, resolve: bool = True, keep_unknown: bool = False
) -> tuple[Dataset, MergeReport]:
    """Read RDF files and merge them; returns the Dataset and a report.

    Raises:
        InputError: a file is missing, malformed, or uses unknown graphkit terms; the
            message names the file.
    """
    paths = [Path(p) for p in paths]
    return merge(
        (read_file(p) for p in paths),
        resolve=resolve,
        sources=[f"'{p}'" for p in paths],
        keep_unknown=keep_unknown,
    )


def merge_files(paths: Sequence[Path], *, resolve: bool = True, keep_unknown: bool = False) -> Dataset:
    """Read RDF files (.trig, .nq, .ttl, .nt, .jsonld) and merge them into one Dataset."""
    return merge_files_report(paths, resolve=resolve, keep_unknown=keep_unknown)[0]


def resolve_dataset(ds: Graph) -> tuple[Dataset, ResolutionReport]:
    """Resolve the entities of a Dataset into a new Dataset with the resolution graph.

    A Dataset resolved before is first brought back to what its articles said, so this is
    idempotent and gives the same result as resolving everything at once.
    """
    graphs, report = merge_graph_sets([to_graphs(ds)], keep_unknown=True)
    assert report.resolution is not None
    return to_dataset(graphs), report.resolution


def _current(ds: Graph) -> Graphs:
    return {n: t for n, t in to_graphs(ds).items() if not is_derived(n)}


def resolution_updates(ds: Graph) -> tuple[dict[Node, Graph], ResolutionReport]:
    """The graphs a store must rewrite to be resolved: graph name -> new content.

    Computes the resolution of the store's whole Dataset (derived graphs ignored) and
    returns only the graphs whose triples change, including the resolution graph; an empty
    Graph means the graph should be removed. Feed each to ``Store.replace_article``.
    """
    before = _current(ds)
    after, report = merge_graph_sets([before], keep_unknown=True)
    assert report.resolution is not None
    updates: dict[Node, Graph] = {}
    for name, triples in sorted(changed(before, after).items(), key=lambda kv: str(kv[0])):
        g = Graph(identifier=name)  # type: ignore[arg-type]
        for t in triples:
            g.add(t)
        updates[name] = g
    return updates, report.resolution


def resolve_store(store: Any) -> ResolutionReport:
    """Resolve entities across a store's articles, rewriting only the graphs that change.

    Call it after articles were added, replaced or removed: names merged only because of an
    article that is gone are split again.

    Args:
        store: a ``graphkit.store`` Store (``dataset()``, ``replace_article(iri, graph)``,
            ``add_graph(iri, graph)``, ``remove_article(iri)``).
    """
    updates, report = resolution_updates(store.dataset())
    for name, graph in updates.items():
        if len(graph) == 0:
            store.remove_article(name)
        elif name == RESOLUTION_GRAPH:
            store.add_graph(name, graph)
        else:
            store.replace_article(name, graph)
    return report


__all__ = [
    "RESOLUTION_GRAPH",
    "MergeReport",
    "ResolutionReport",
    "corroboration",
    "corroboration_by_day",
    "merge",
    "merge_datasets",
    "merge_files",
    "merge_files_report",
    "resolution_updates",
    "resolve_dataset",
    "resolve_store",
]
