"""Many graphs -> one: lossless union of article graphs plus cross-article entity resolution.

A merge keeps every article graph and every evidence node of its inputs (set union, so
``merge(A, B) == merge(B, A)``, ``merge(A, A) == merge(A)`` and merges associate), then
resolves entities with the same incremental resolver a store uses
(:mod:`graphkit.merge.resolver`), article by article into an in-memory store:

1. inside each article (:mod:`graphkit.merge.normalize`): country variants, demonyms,
   capitals and seats of government acting as actors, acronyms, titles, and aliases the
   article itself links;
2. across articles (:mod:`graphkit.merge.resolver`): types decided by the evidence, a surname
   or short name to the only full name that fits it, a name to the entity that lists it as an
   alias, spelling variants of one name.

The output has one entities graph (``https://w3id.org/graphkit/id/graph/entities``) describing
every entity once (one type, one ``rdfs:label``, other names as ``skos:altLabel``) and holding
the name records that say which article named whom how (``gk:resolvesTo``, ``gk:mergeReason``);
article graphs keep only relations, evidence and the article node. Resolving again starts
from what the articles said (their evidence's ``gk:subjectMention``/``gk:objectMention``), so
results depend only on the set of articles, never on the order or grouping of merges.

Examples:
    >>> from graphkit.graph import results_dataset
    >>> from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
    >>> def art(text, src, *ents):
    ...     a = Article.from_text(text, source=src)
    ...     ev = Evidence(a.id, text, 0, len(text), "met", 0.9)
    ...     relation = Relation(ents[0], "metWith", ents[1], ev)
    ...     return results_dataset([ArticleResult(a, ents, (relation,))])
    >>> A = art("Petro met Britain.", "a.txt",
    ...         Entity("Person", "Petro"), Entity("Country", "Britain"))
    >>> B = art("Gustavo Petro met the UK.", "b.txt",
    ...         Entity("Person", "Gustavo Petro"), Entity("Country", "UK"))
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

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from graphkit.graph import ENTITIES_GRAPH
from graphkit.merge.corroborate import corroboration, corroboration_by_day
from graphkit.merge.inputs import check_terms, read_file, skolemize
from graphkit.merge.records import Triple
from graphkit.merge.resolver import (
    Plan,
    add_articles,
    pending_articles,
    remove_articles,
    resolve_pending,
    split_article,
)
from graphkit.merge.terms import RESOLUTION_GRAPH, Graphs, is_derived, to_dataset, to_graphs
from graphkit.store.relations import RELATIONS_GRAPH
from graphkit.store.terms import from_ox, from_ox_graph
from graphkit.vocab import GK, ID_BASE

_ARTICLE = ID_BASE + "article/"


@dataclass
class ResolutionReport:
    """What cross-article resolution did."""

    entities_before: int = 0
    """Distinct entity IRIs the articles minted (after resolution inside each article)."""
    entities_after: int = 0
    """Entities described after resolution across articles."""
    rewritten: int = 0
    """Earlier articles rewritten because one of their entities moved."""

    def summary(self) -> str:
        """One line for people."""
        return (
            f"{self.entities_before} entities as the articles named them -> {self.entities_after} "
            "after resolution across articles"
        )


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
        line = (
            f"merged {self.inputs} input(s): {self.graphs} graph(s), "
            f"{self.evidence} evidence node(s)"
        )
        if self.derived_left_out:
            line += (
                f"; {self.derived_left_out} derived graph(s) left out (a store derives them again)"
            )
        if self.resolution is not None:
            line += "\n" + self.resolution.summary()
        return line


def _prepare(graphs: Graphs, *, source: str, keep_unknown: bool) -> Graphs:
    if not keep_unknown:
        check_terms(graphs, source)
    return skolemize(graphs)


def _is_article(name: Node) -> bool:
    text = str(name)
    return text.startswith(_ARTICLE) and not is_derived(name)


def resolve_into(st: Any, graphs: Graphs) -> ResolutionReport:
    """Add the article graphs of ``graphs`` to an Oxigraph store, resolving entities.

    Descriptions come from ``graphs``' entities graph (or, for older files, from the article
    graphs themselves). Articles are added one by one in the order of their IRIs.
    """
    entities = graphs.get(ENTITIES_GRAPH, set())
    about: dict[Node, set[Triple]] = {}
    for t in entities:
        about.setdefault(t[0], set()).add(t)
    report = ResolutionReport()
    minted: set[Node] = set()
    for name in sorted((n for n in graphs if _is_article(n)), key=str):
        triples = graphs[name]
        used = {o for _, p, o in triples if p in _MENTION_PREDICATES}
        desc = set(triples)
        for u in used:
            desc |= about.get(u, set())
        assert isinstance(name, URIRef)
        art = split_article(name, triples, desc)
        minted |= set(art.mentions)
        apply_plan(st, add_articles(st, [art]))
    report.entities_before = len(minted)
    report.entities_after = len(_described(st))
    return report


_MENTION_PREDICATES = (GK.subjectMention, GK.objectMention, GK.mentions, RDF.subject, RDF.object)


def _described(st: Any) -> set[str]:
    from graphkit.merge.resolver import described

    return set(described(st))


def apply_plan(st: Any, plan: Plan) -> None:
    """Run a resolution plan on a plain Oxigraph store (one transaction)."""
    sparql = plan.update()
    if sparql:
        st.update(sparql)


def merge_graph_sets(
    inputs: Iterable[Graphs],
    *,
    resolve: bool = True,
    sources: Sequence[str] = (),
    keep_unknown: bool = False,
) -> tuple[Graphs, MergeReport]:
    """Merge inputs given as graph sets (see :mod:`graphkit.merge.terms`).

    The core of every merge.
    """
    report = MergeReport()
    union: Graphs = {}
    for number, graphs in enumerate(inputs):
        report.inputs += 1
        source = sources[number] if number < len(sources) else f"input {number + 1}"
        graphs = _prepare(graphs, source=source, keep_unknown=keep_unknown)
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
        union.pop(RESOLUTION_GRAPH, None)
        union.pop(URIRef(RELATIONS_GRAPH), None)  # a store's: worked out again from evidence
        st = ox.Store()
        report.resolution = resolve_into(st, union)
        rest = {n: t for n, t in union.items() if not _is_article(n) and n != ENTITIES_GRAPH}
        union = {**_store_graphs(st), **rest}
    report.graphs = len(union)
    report.evidence = sum(
        1 for triples in union.values() for _, p, o in triples if p == RDF.type and o == GK.Evidence
    )
    return union, report


def _store_graphs(st: Any) -> Graphs:
    out: Graphs = {}
    for q in st.quads_for_pattern(None, None, None, None):
        name = from_ox_graph(q.graph_name)
        if is_derived(name):
            continue
        out.setdefault(name, set()).add(
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
        )
    return out


def merge(
    datasets: Iterable[Graph],
    *,
    resolve: bool = True,
    sources: Sequence[str] = (),
    keep_unknown: bool = False,
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
        (to_graphs(ds) for ds in datasets),
        resolve=resolve,
        sources=sources,
        keep_unknown=keep_unknown,
    )
    return to_dataset(graphs), report


def merge_datasets(
    datasets: Iterable[Graph], *, resolve: bool = True, keep_unknown: bool = False
) -> Dataset:
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


def merge_files(
    paths: Sequence[Path], *, resolve: bool = True, keep_unknown: bool = False
) -> Dataset:
    """Read RDF files (.trig, .nq, .ttl, .nt, .jsonld) and merge them into one Dataset."""
    return merge_files_report(paths, resolve=resolve, keep_unknown=keep_unknown)[0]


def resolve_dataset(ds: Graph) -> tuple[Dataset, ResolutionReport]:
    """Resolve the entities of a Dataset into a new Dataset (idempotent: see the module notes)."""
    graphs, report = merge_graph_sets([to_graphs(ds)], keep_unknown=True)
    assert report.resolution is not None
    return to_dataset(graphs), report.resolution


def resolve_store(store: Any) -> int:
    """Finish the resolution a store still owes: every article marked pending.

    Each pending article is resolved in one transaction that also clears its mark, so a
    process killed here leaves the rest marked for the next open. Returns how many were done.

    Args:
        store: a ``graphkit.store`` Store opened for writing.
    """
    done = 0
    while (plan := resolve_pending(store.ox)) is not None:
        store.apply(plan)
        done += 1
    return done


def remove_from_store(store: Any, articles: Iterable[URIRef]) -> Plan:
    """Take articles out of a store and undo the merges that rested on them (one transaction)."""
    plan = remove_articles(store.ox, list(articles))
    store.apply(plan)
    return plan


__all__ = [
    "ENTITIES_GRAPH",
    "MergeReport",
    "ResolutionReport",
    "apply_plan",
    "corroboration",
    "corroboration_by_day",
    "merge",
    "merge_datasets",
    "merge_files",
    "merge_files_report",
    "pending_articles",
    "remove_from_store",
    "resolve_dataset",
    "resolve_into",
    "resolve_store",
]
