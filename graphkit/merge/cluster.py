"""Which names are aliases of which: clusters of same-type entities with one canonical each.

A name points at another entity of the same type when it is a short form of it (a person's
surname or last names: "Petro" -> "Gustavo Petro") or when the other entity lists it among
its names (``skos:altLabel``: "Otoniel" -> "Dairo Antonio Úsuga"). Names that point at each
other are one cluster; a name that leads to two different full names ("Johnson" with both
"Boris Johnson" and "Lyndon Johnson" around) is ambiguous and stays apart. The canonical
entity of a cluster is its longest full name (most words, then most characters, then seen in
most graphs, then the smallest IRI), so the result never depends on input order.

Examples:
    >>> from rdflib import URIRef
    >>> def person(name, graphs=1):
    ...     return EntityInfo("Person", frozenset({name}), frozenset({name}), graphs)
    >>> ents = {URIRef("p:petro"): person("Petro"), URIRef("p:gp"): person("Gustavo Petro"),
    ...         URIRef("p:j"): person("Johnson"), URIRef("p:bj"): person("Boris Johnson"),
    ...         URIRef("p:lj"): person("Lyndon Johnson")}
    >>> merges, ambiguous = cluster(ents)
    >>> {str(k): str(v.canonical) for k, v in merges.items()}
    {'p:petro': 'p:gp'}
    >>> [str(a) for a in ambiguous]
    ['p:j']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib.term import Node

from graphkit.lexicon import norm
from graphkit.merge.names import name_tokens


@dataclass(frozen=True)
class EntityInfo:
    """What the graph says about one entity IRI."""

    type: str
    labels: frozenset[str]
    names: frozenset[str]  # labels and alternative labels
    graphs: int = 1  # in how many graphs it is typed

    @property
    def label(self) -> str:
        return min(self.labels) if self.labels else ""


@dataclass(frozen=True)
class Merge:
    """One entity IRI resolved to another."""

    canonical: Node
    reason: str


def _rank(iri: Node, info: EntityInfo) -> tuple[int, int, int, str]:
    label = info.label
    # doubled letters do not make a name longer: of "el-Sisi" and "el-Sissi" the more used wins
    return (-len(name_tokens(label)), -len(_DOUBLED.sub(r"\1", label)), -info.graphs, str(iri))


_DOUBLED = re.compile(r"(.)\1+")


def _edges(entities: Mapping[Node, EntityInfo]) -> dict[Node, set[Node]]:
    """``o -> {c, ...}``: o's label is a short form of c or one of c's names (same type)."""
    by_name: dict[tuple[str, str], set[Node]] = defaultdict(set)
    by_suffix: dict[tuple[str, ...], set[Node]] = defaultdict(set)
    for iri, info in entities.items():
        for name in info.names:
            by_name[(info.type, norm(name))].add(iri)
        if info.type == "Person":
            for label in info.labels:
                words = name_tokens(label)
                for start in range(1, len(words)):
                    by_suffix[words[start:]].add(iri)
                if len(words) > 2:  # "Hassan Sheikh" is "Hassan Sheikh Mohamud" cut short
                    by_suffix[words[:2]].add(iri)
    edges: dict[Node, set[Node]] = {}
    for iri, info in entities.items():
        targets: set[Node] = set()
        for label in info.labels:
            targets |= by_name.get((info.type, norm(label)), set())
            if info.type == "Person":
                targets |= by_suffix.get(name_tokens(label), set())
        targets.discard(iri)
        if targets:
            edges[iri] = targets
    return edges


def _components(nodes: list[Node], edges: dict[Node, set[Node]]) -> dict[Node, int]:
    """Strongly connected components (iterative Tarjan); node -> component number."""
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    comp: dict[Node, int] = {}
    stack: list[Node] = []
    on_stack: set[Node] = set()
    counter = 0
    found = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()), key=str)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ()), key=str))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp[member] = found
                    if member == node:
                        break
                found += 1
    return comp


def cluster(
    entities: Mapping[Node, EntityInfo],
) -> tuple[dict[Node, Merge], list[Node]]:
    """Resolve aliases among ``entities``: (IRI -> Merge for every renamed IRI, ambiguous IRIs).

    Args:
        entities: every entity IRI with its type, labels, names and how many graphs type it.

    Returns:
        The merges (only IRIs whose canonical differs from themselves) and, sorted, the IRIs
        left apart because they lead to more than one full name.
    """
    edges = _edges(entities)
    if not edges:
        return {}, []
    nodes = sorted(entities, key=str)
    comp = _components(nodes, edges)
    members: dict[int, list[Node]] = defaultdict(list)
    succ: dict[int, set[int]] = defaultdict(set)
    for node in nodes:
        members[comp[node]].append(node)
        for target in edges.get(node, ()):
            if comp[target] != comp[node]:
                succ[comp[node]].add(comp[target])
    # Tarjan numbers components in reverse topological order: successors come first.
    canonical_of = {
        number: min(group, key=lambda iri: _rank(iri, entities[iri]))
        for number, group in members.items()
    }
    sink_of: dict[int, int] = {}
    for number in sorted(members):
        outs = {sink_of[s] for s in succ.get(number, ())}
        if not outs:
            sink_of[number] = number
        elif len(outs) == 1 and -1 not in outs:
            sink_of[number] = outs.pop()
        else:
            sink_of[number] = _dominant(outs, canonical_of, entities)

    merges: dict[Node, Merge] = {}
    ambiguous: list[Node] = []
    for node in nodes:
        number = comp[node]
        sink = sink_of[number]
        if sink == -1:
            ambiguous.append(node)
            target = canonical_of[number]  # mutual aliases still merge among themselves
        else:
            target = canonical_of[sink]
        if target != node:
            merges[node] = Merge(target, _reason(node, target, entities, edges))
    return merges, ambiguous


DOMINANCE = 3
"""A name that fits several full names goes to one named in at least this many graphs and
this many times as many as every other (the corpus's usual bearer: "Trump" is Donald Trump
where one article also names Ivanka Trump)."""


def _dominant(
    outs: set[int], canonical_of: dict[int, Node], entities: Mapping[Node, EntityInfo]
) -> int:
    if -1 in outs:
        return -1
    counts = sorted(((entities[canonical_of[o]].graphs, o) for o in outs), reverse=True)
    (top, best), (second, _) = counts[0], counts[1]
    return best if top >= DOMINANCE and top >= DOMINANCE * second else -1


def _reason(
    node: Node, target: Node, entities: Mapping[Node, EntityInfo], edges: dict[Node, set[Node]]
) -> str:
    mine, theirs = entities[node], entities[target]
    words, full = name_tokens(mine.label), name_tokens(theirs.label)
    if mine.type == "Person" and 0 < len(words) < len(full) and full[-len(words) :] == words:
        return f"'{mine.label}' is a short form of '{theirs.label}', the only full name it fits"
    if mine.type == "Person" and 0 < len(words) < len(full) and full[: len(words)] == words:
        return f"'{mine.label}' is '{theirs.label}' cut short, the only full name it fits"
    if norm(mine.label) in {norm(n) for n in theirs.names}:
        return f"'{mine.label}' is listed as a name of '{theirs.label}'"
    via = min(edges.get(node, {target}), key=str)
    return f"'{mine.label}' leads to '{theirs.label}' through '{entities[via].label}'"
