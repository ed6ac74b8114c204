"""Reading what is merged: files, checks for foreign vocabulary, blank nodes, derived graphs.

Documented behaviour for awkward input (each one tested in ``tests/test_merge.py``):

* **Prefixes** are abbreviations, not data: files whose prefixes clash (``ex:`` bound to two
  namespaces, or ``gk:`` bound elsewhere) merge by their full IRIs; the output binds
  graphkit's own prefixes.
* **Unknown graphkit terms**: an IRI in the ``gk:`` namespace that this version's closed
  vocabulary does not define (a typo, or a file from another graphkit version), or an IRI under
  ``w3id.org/graphkit/`` outside both the ontology and ``/id/`` spaces, stops the merge with an
  :class:`~graphkit.errors.InputError` naming the file and the terms, unless
  ``keep_unknown=True``, which keeps them unchanged. Predicates of other vocabularies are
  always kept.
* **Blank nodes** become IRIs ``https://w3id.org/graphkit/id/bnode/<hash>`` whose hash is
  computed from the blank node's own description (its connected triples, canonicalized), so
  merging a file with itself does not duplicate them and nothing is dropped.
* **Triples outside named graphs** (Turtle or N-Triples files) stay in the default graph as
  they are: only article graphs (and the entities graph describing them) are resolved.
* **Derived graphs** (``<article>/inferred`` entailments and the ontology graph a store keeps)
  are kept by a plain union; with resolution they are left out, because they would still name
  the old IRIs, and the report counts them (a store derives them again).

Examples:
    >>> from rdflib import BNode, Literal
    >>> g = {URIRef("urn:g"): {(URIRef("urn:a"), URIRef("urn:p"), BNode("x")),
    ...                       (BNode("x"), URIRef("urn:q"), Literal(1))}}
    >>> sk = skolemize(g)
    >>> sorted(str(o)[:35] for s, p, o in sk[URIRef("urn:g")] if p == URIRef("urn:p"))
    ['https://w3id.org/graphkit/id/bnode/']
    >>> skolemize(g) == sk
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from graphkit.errors import InputError
from graphkit.merge.terms import Graphs, Triple
from graphkit.vocab import GK, GK_IRI, ID_BASE

_GRAPHKIT_SPACE = "w3id.org/graphkit/"
BNODE_BASE = ID_BASE + "bnode/"
_KNOWN_TERMS = frozenset(GK.__annotations__) | frozenset(GK._extras)  # relations: from the table


def read_file(path: Path) -> Dataset:
    """Read one RDF file (.trig, .nq, .ttl, .nt, .jsonld) into a Dataset, offline.

    Raises:
        InputError: the file is missing, unreadable or malformed (the message names it).
    """
    from graphkit.store import read_rdf

    return read_rdf(Path(path))


def _foreign(term: Node) -> bool:
    if not isinstance(term, URIRef):
        return False
    text = str(term)
    if _GRAPHKIT_SPACE not in text:
        return False
    if text.startswith(GK_IRI):
        return text[len(GK_IRI) :] not in _KNOWN_TERMS
    return not text.startswith(ID_BASE) and text != GK_IRI.rstrip("#")


def unknown_terms(graphs: Graphs) -> list[str]:
    """graphkit-looking IRIs this version does not define, sorted.

    Examples:
        >>> a, b = URIRef(ID_BASE + "person/a"), URIRef(ID_BASE + "person/b")
        >>> unknown_terms({None: {(a, GK.metWith, b), (a, URIRef(GK_IRI + "meetsWith"), b)}})
        ['https://w3id.org/graphkit/ontology#meetsWith']
    """
    found: set[str] = set()
    for triples in graphs.values():
        for s, p, o in triples:
            for term in (s, p, o):
                if _foreign(term):
                    found.add(str(term))
    return sorted(found)


def check_terms(graphs: Graphs, source: str) -> None:
    """Raise InputError when ``graphs`` use graphkit terms this version does not know."""
    unknown = unknown_terms(graphs)
    if unknown:
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        shown = ", ".join(unknown[:5]) + more
        msg = (
            f"{source} uses graphkit terms this version does not define: {shown}; it was probably "
            "written by another graphkit version or edited by hand: re-extract the articles, fix "
            "the terms, or merge with --keep-unknown to keep them as they are"
        )
        raise InputError(msg)


def _components(triples: Iterable[Triple]) -> list[list[Triple]]:
    """Triples with blank nodes, grouped by connected blank nodes."""
    parent: dict[BNode, BNode] = {}

    def find(node: BNode) -> BNode:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    with_bnodes = [t for t in triples if isinstance(t[0], BNode) or isinstance(t[2], BNode)]
    for s, _, o in with_bnodes:
        if isinstance(s, BNode) and isinstance(o, BNode):
            parent[find(s)] = find(o)
    groups: dict[BNode, list[Triple]] = {}
    for t in with_bnodes:
        key = t[0] if isinstance(t[0], BNode) else t[2]
        assert isinstance(key, BNode)
        groups.setdefault(find(key), []).append(t)
    return list(groups.values())


CANONICAL_LIMIT = 200
"""Blank-node descriptions up to this many triples are canonicalized exactly (rdflib's
algorithm, worst case exponential); bigger ones are labelled by a linear hash (below)."""
_ROUNDS = 4


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _hashed_labels(group: list[Triple]) -> dict[Node, str]:
    """Linear-time labels for the blank nodes of a big description.

    A few rounds of hashing each node's neighbourhood (predicates, constants and the
    neighbours' labels), then ties broken by a breadth-first walk from the node with the
    smallest label, neighbours in (predicate, label) order: a 4,000-deep chain of blank nodes
    takes milliseconds instead of minutes, and nested descriptions keep one IRI per node.
    """
    nodes = {t[0] for t in group if isinstance(t[0], BNode)} | {
        t[2] for t in group if isinstance(t[2], BNode)
    }
    label: dict[Node, str] = dict.fromkeys(nodes, "")
    adjacent: dict[Node, list[tuple[str, Node]]] = {n: [] for n in nodes}  # type: ignore[misc]
    for s, p, o in group:
        if isinstance(s, BNode) and isinstance(o, BNode):
            adjacent[s].append(("> " + p.n3(), o))
            adjacent[o].append(("< " + p.n3(), s))
    for _ in range(_ROUNDS):
        sig: dict[Node, list[str]] = {n: [label[n]] for n in nodes}
        for s, p, o in group:
            if isinstance(s, BNode):
                sig[s].append("> " + p.n3() + " " + (label[o] if isinstance(o, BNode) else o.n3()))
            if isinstance(o, BNode):
                sig[o].append("< " + p.n3() + " " + (label[s] if isinstance(s, BNode) else s.n3()))
        label = {n: _digest("\n".join(sorted(parts))) for n, parts in sig.items()}
    order: dict[Node, int] = {}
    for start in sorted(nodes, key=lambda n: label[n]):
        if start in order:
            continue
        queue = [start]
        order[start] = len(order)
        for node in queue:
            for _, nxt in sorted(adjacent[node], key=lambda e: (e[0], label[e[1]])):
                if nxt not in order:
                    order[nxt] = len(order)
                    queue.append(nxt)  # type: ignore[arg-type]
    counts: dict[str, int] = {}
    out: dict[Node, str] = {}
    for node in sorted(nodes, key=lambda n: order[n]):
        rank = counts.get(label[node], 0)
        counts[label[node]] = rank + 1
        out[node] = f"{label[node]}.{rank}"
    return out


def _skolem_graph(triples: set[Triple]) -> set[Triple]:
    plain = {t for t in triples if not (isinstance(t[0], BNode) or isinstance(t[2], BNode))}
    for group in _components(triples):
        if len(group) > CANONICAL_LIMIT:
            labels = _hashed_labels(group)
            digest = _digest("".join(sorted(labels.values())))

            def named(node: Node, labels: dict[Node, str] = labels, digest: str = digest) -> Node:
                if isinstance(node, BNode):
                    return URIRef(f"{BNODE_BASE}{_digest(digest + labels[node])[:20]}")
                return node

            plain.update((named(s), p, named(o)) for s, p, o in group)
            continue
        g = Graph()
        for t in group:
            g.add(t)
        canonical = sorted(to_canonical_graph(g), key=lambda t: tuple(x.n3() for x in t))
        text = "\n".join(" ".join(x.n3() for x in t) for t in canonical)
        digest = hashlib.sha1(text.encode()).hexdigest()

        def iri(node: Node, digest: str = digest) -> Node:
            if isinstance(node, BNode):
                hashed = hashlib.sha1((digest + str(node)).encode()).hexdigest()[:20]
                return URIRef(f"{BNODE_BASE}{hashed}")
            return node

        plain.update((iri(s), p, iri(o)) for s, p, o in canonical)
    return plain


def skolemize(graphs: Graphs) -> Graphs:
    """Replace blank nodes by IRIs derived from their description (see the module notes)."""
    out: Graphs = {}
    for name, triples in graphs.items():
        has_bnodes = any(isinstance(s, BNode) or isinstance(o, BNode) for s, _, o in triples)
        out[name] = _skolem_graph(triples) if has_bnodes else triples
    return out
