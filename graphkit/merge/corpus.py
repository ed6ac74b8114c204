"""Resolution across articles: one canonical IRI per entity over all graphs, and its record.

:func:`resolve_graphs` clusters the entities of all graphs (see :mod:`graphkit.merge.cluster`)
and rewrites every graph to the canonical IRIs: relation triples, evidence nodes
(``rdf:subject``/``rdf:object``) and descriptions all point at the canonical entity, and the
old ``rdfs:label`` becomes a ``skos:altLabel``. Each rename is listed in the resolution graph
``https://w3id.org/graphkit/id/graph/resolution``::

    person/petro owl:sameAs person/gustavo-petro ;
        gk:mergeReason "'Petro' is a short form of 'Gustavo Petro', the only full name it fits" ;
        rdfs:label "Petro" ;
        dcterms:isReferencedBy article/a-1, article/a-2 .

The record is also what makes the rewrite reversible: :func:`unresolve_graphs` puts the old
IRIs back, so resolving a graph that was resolved before (a merged file merged again, a store
after new articles) starts from what the articles said and gives the same result as resolving
everything at once. Reversal is exact because a cross-article merge never joins two IRIs that
one graph uses side by side (an article that keeps "Otoniel" and "Úsuga" apart is trusted:
both stay apart; in-graph aliases were already merged by :mod:`graphkit.merge.normalize`).

Examples:
    >>> from graphkit.graph import results_dataset
    >>> from graphkit.records import Article, ArticleResult, Entity
    >>> from graphkit.merge.terms import to_graphs
    >>> a = Article.from_text("Petro spoke.", source="a.txt")
    >>> b = Article.from_text("Gustavo Petro spoke.", source="b.txt")
    >>> ds = results_dataset([ArticleResult(a, (Entity("Person", "Petro"),)),
    ...                       ArticleResult(b, (Entity("Person", "Gustavo Petro"),))])
    >>> graphs, report = resolve_graphs(to_graphs(ds))
    >>> report.merges[0].old.rsplit("/", 1)[-1], report.merges[0].canonical.rsplit("/", 1)[-1]
    ('petro', 'gustavo-petro')
    >>> unresolve_graphs(graphs) == to_graphs(ds)
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDFS, SKOS
from rdflib.term import Node

from graphkit.merge.cluster import cluster
from graphkit.merge.terms import (
    RESOLUTION_GRAPH,
    Graphs,
    Triple,
    entity_infos,
    entity_types,
    is_derived,
    occurring,
    rename,
)
from graphkit.vocab import GK


@dataclass(frozen=True)
class Rename:
    """One cross-article merge."""

    old: str
    canonical: str
    reason: str
    graphs: tuple[str, ...]


@dataclass
class ResolutionReport:
    """What cross-article resolution did."""

    entities_before: int = 0
    entities_after: int = 0
    merges: list[Rename] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    """Names left apart because they fit several full names."""
    kept_apart: list[str] = field(default_factory=list)
    """Names left apart because an article uses them next to their would-be canonical."""
    changed_graphs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people."""
        return (
            f"{self.entities_before} entities -> {self.entities_after} after resolution "
            f"({len(self.merges)} merged across articles, {len(self.ambiguous)} ambiguous, "
            f"{len(self.kept_apart)} kept apart by an article)"
        )


def _resolvable(graphs: Graphs) -> list[Node]:
    return sorted((n for n in graphs if n != RESOLUTION_GRAPH and not is_derived(n)), key=str)


def resolve_graphs(graphs: Graphs) -> tuple[Graphs, ResolutionReport]:
    """Rewrite all graphs to canonical entity IRIs and add the resolution graph.

    Args:
        graphs: graphs as sets of triples, without a resolution graph (see
            :func:`unresolve_graphs`), normally already normalized one by one.

    Returns:
        New graphs (input sets are not changed) and a report.
    """
    names = _resolvable(graphs)
    infos = entity_infos(graphs[n] for n in names)
    merges, ambiguous = cluster(infos)
    typed = {n: entity_types(graphs[n]) for n in names}
    blocked: set[Node] = set()
    for n in names:
        here = [o for o in typed[n] if o in merges]
        if not here:
            continue
        used = occurring(graphs[n])
        by_target: dict[Node, list[Node]] = {}
        for o in here:
            by_target.setdefault(merges[o].canonical, []).append(o)
        for target, olds in by_target.items():
            if len(olds) > 1 or target in used:
                blocked.update(olds)
    merges = {o: m for o, m in merges.items() if o not in blocked}
    out: Graphs = dict(graphs)
    refs: dict[Node, list[Node]] = {}
    report = ResolutionReport(entities_before=len(infos))
    for n in names:
        mapping = {o: merges[o].canonical for o in typed[n] if o in merges}
        if mapping:
            out[n] = rename(graphs[n], mapping)
            report.changed_graphs.append(str(n))
            for o in mapping:
                refs.setdefault(o, []).append(n)
    records: set[Triple] = set()
    for old in sorted(refs, key=str):
        merge = merges[old]
        records.add((old, OWL.sameAs, merge.canonical))
        records.add((old, GK.mergeReason, Literal(merge.reason)))
        for label in infos[old].labels:
            records.add((old, RDFS.label, Literal(label)))
        for n in refs[old]:
            records.add((old, DCTERMS.isReferencedBy, n))
        report.merges.append(Rename(str(old), str(merge.canonical), merge.reason, tuple(str(n) for n in refs[old])))
    if records:
        out[RESOLUTION_GRAPH] = records
    else:
        out.pop(RESOLUTION_GRAPH, None)
    report.ambiguous = sorted(str(a) for a in ambiguous)
    report.kept_apart = sorted(str(b) for b in blocked)
    report.entities_after = len(infos) - len(refs)
    return out, report


def unresolve_graphs(graphs: Graphs) -> Graphs:
    """Undo a previous :func:`resolve_graphs` using its resolution graph, and drop that graph.

    A record is applied to a graph only where the graph still looks rewritten by it (uses the
    canonical IRI and does not type the old one), so graphs added or replaced since then are
    left as they are, and records about graphs that are gone are ignored.
    """
    records = graphs.get(RESOLUTION_GRAPH)
    out: Graphs = {n: t for n, t in graphs.items() if n != RESOLUTION_GRAPH}
    if not records:
        return out
    canonical: dict[Node, Node] = {}
    labels: dict[Node, set[Node]] = {}
    refs: dict[Node, list[Node]] = {}
    for s, p, o in records:
        if p == OWL.sameAs:
            canonical[s] = o
        elif p == RDFS.label:
            labels.setdefault(s, set()).add(o)
        elif p == DCTERMS.isReferencedBy:
            refs.setdefault(o, []).append(s)
    for n, olds in refs.items():
        triples = out.get(n)
        if triples is None:
            continue
        typed = entity_types(triples)
        used = occurring(triples)
        back: dict[Node, Node] = {}
        for old in olds:
            new = canonical.get(old)
            if new is None or old in typed or new not in used:
                continue
            if new in back:  # two records for one IRI in one graph: not ours, leave it
                back.pop(new)
                continue
            back[new] = old
        if back:
            out[n] = _reverse(triples, back, labels)
    return out


def _reverse(triples: set[Triple], back: dict[Node, Node], labels: dict[Node, set[Node]]) -> set[Triple]:
    restored: set[Triple] = set()
    for s, p, o in triples:
        s2 = back.get(s, s)
        o2 = back.get(o, o) if isinstance(o, URIRef) else o
        if p == SKOS.altLabel and s in back and o in labels.get(s2, ()):
            restored.add((s2, RDFS.label, o))
        else:
            restored.add((s2, p, o2))
    return restored


def changed(before: Graphs, after: Graphs) -> dict[Node, set[Triple]]:
    """Graphs of ``after`` that differ from ``before`` (an empty set: the graph is gone)."""
    diff = {n: t for n, t in after.items() if before.get(n) != t}
    for n in before:
        if n not in after:
            diff[n] = set()
    return diff

