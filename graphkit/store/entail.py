"""The entailments graphkit materializes when it writes a graph: two rules, no reasoner.

1. **Symmetry.** ``a gk:metWith b`` entails ``b gk:metWith a`` for every relation the table
   marks symmetric (``metWith``, ``spokeWith``, ``negotiatedWith``, ``agreedWith``,
   ``cooperatedWith``).
2. **PLOVER super-properties.** An event relation entails its PLOVER category and
   ``gk:interactedWith``: ``a gk:visited b`` entails ``a gk:CONSULT b`` and
   ``a gk:interactedWith b`` (after rule 1, in both directions for symmetric relations).

Those are the ``rdfs:subPropertyOf`` and ``owl:SymmetricProperty`` consequences of
``ontology/graphkit.ttl`` for relation triples, computed from ``graphkit.vocab`` in one pass.
The store writes them into a companion graph ``<graph>/inferred`` next to each graph, and
also holds the ontology itself (graph ``<https://w3id.org/graphkit/ontology>``) so that
property paths such as ``?p rdfs:subPropertyOf* gk:CONSULT`` work too.

Examples:
    >>> from rdflib import URIRef
    >>> from graphkit.vocab import GK
    >>> a, b = URIRef("https://w3id.org/graphkit/id/person/a"), URIRef("https://w3id.org/graphkit/id/person/b")
    >>> sorted((str(s)[-1], str(p).split("#")[1], str(o)[-1])
    ...        for s, p, o in entailments([(a, GK.metWith, b)]))  # doctest: +NORMALIZE_WHITESPACE
    [('a', 'CONSULT', 'b'), ('a', 'interactedWith', 'b'), ('b', 'CONSULT', 'a'),
     ('b', 'interactedWith', 'a'), ('b', 'metWith', 'a')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from graphkit.store.terms import inferred_graph
from graphkit.vocab import GK_IRI, ONTOLOGY_DIR, relations

Triple = tuple[Node, Node, Node]
DEFAULT_INFERRED = "https://w3id.org/graphkit/id/default/inferred"
"""Where the entailments of the default graph's triples go (e.g. a Turtle file's)."""


@cache
def _rules() -> dict[str, tuple[bool, tuple[str, ...]]]:
    """relation IRI -> (symmetric, super-property IRIs)."""
    rules: dict[str, tuple[bool, tuple[str, ...]]] = {}
    for info in relations():
        supers = (GK_IRI + info.plover, GK_IRI + "interactedWith") if info.is_event else ()
        if info.symmetric or supers:
            rules[GK_IRI + info.name] = (info.symmetric, supers)
    return rules


def rules() -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Relation IRI -> (symmetric, super-property IRIs), for the relations that entail anything."""
    return dict(_rules())


def entailments(triples: Iterable[Triple]) -> set[Triple]:
    """The triples the two rules add to ``triples`` (those already there are left out).

    Args:
        triples: (subject, predicate, object) rdflib terms, e.g. an rdflib Graph.

    Returns:
        The new triples, as a set.
    """
    rules = _rules()
    asserted: set[Triple] = set()
    derived: set[Triple] = set()
    for s, p, o in triples:
        asserted.add((s, p, o))
        rule = rules.get(str(p))
        if rule is None or not isinstance(o, URIRef):
            continue
        symmetric, supers = rule
        pairs = [(s, o), (o, s)] if symmetric else [(s, o)]
        if symmetric:
            derived.add((o, p, s))
        for a, b in pairs:
            for sup in supers:
                derived.add((a, URIRef(sup), b))
    return derived - asserted


def ox_entailments(triples: Iterable[Any]) -> list[Any]:
    """:func:`entailments` over Oxigraph triples or quads; returns Oxigraph triples."""
    rules = _rules()
    asserted: set[tuple[Any, Any, Any]] = set()
    derived: dict[tuple[Any, Any, Any], None] = {}
    for t in triples:
        s, p, o = t.subject, t.predicate, t.object
        asserted.add((s, p, o))
        rule = rules.get(p.value)
        if rule is None or not isinstance(o, ox.NamedNode):
            continue
        symmetric, supers = rule
        if symmetric:
            derived[(o, p, s)] = None
        for a, b in [(s, o), (o, s)] if symmetric else [(s, o)]:
            for sup in supers:
                derived[(a, ox.NamedNode(sup), b)] = None
    return [ox.Triple(*t) for t in derived if t not in asserted]


def nt_text(triples: Iterable[Any]) -> str:
    """Oxigraph triples as N-Triples text, as SPARQL ``INSERT DATA`` takes them."""
    return bytes(ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def insert_with_entailments(name: str, triples: list[Any], *, entail: bool = True) -> str:
    """``INSERT DATA`` of ``triples`` into graph ``name`` and of their entailments into its
    ``<name>/inferred`` companion (left empty when ``entail`` is false)."""
    inferred = ox_entailments(triples) if entail else []
    return (
        f"INSERT DATA {{ GRAPH <{name}> {{\n{nt_text(triples)}}}\n"
        f"GRAPH <{inferred_graph(name)}> {{\n{nt_text(inferred)}}} }}"
    )


def replace_graph(name: str, triples: list[Any], *, entail: bool = True) -> str:
    """The SPARQL Update replacing graph ``name`` and its entailments by ``triples``' own.

    Examples:
        >>> replace_graph("https://example.org/g", [])
        'DROP SILENT GRAPH <https://example.org/g> ; DROP SILENT GRAPH <https://example.org/g/inferred>'
    """
    drop = f"DROP SILENT GRAPH <{name}> ; DROP SILENT GRAPH <{inferred_graph(name)}>"
    if not triples:
        return drop
    return f"{drop} ;\n{insert_with_entailments(name, triples, entail=entail)}"


def derived_quads(quads: Iterable[Any]) -> list[Any]:
    """Entailments of Oxigraph quads, each in its graph's ``<graph>/inferred`` companion.

    Only relation triples entail anything; other quads are skipped, so any stream of quads
    (a whole file) can be given. The default graph's entailments go to
    :data:`DEFAULT_INFERRED`.
    """
    from graphkit.store.terms import inferred_graph

    rules = _rules()
    by_graph: dict[Any, list[Any]] = {}
    for q in quads:
        if q.predicate.value in rules:
            by_graph.setdefault(q.graph_name, []).append(q)
    out: list[Any] = []
    for name, graph_quads in by_graph.items():
        base = (
            name.value
            if isinstance(name, ox.NamedNode)
            else DEFAULT_INFERRED.removesuffix("/inferred")
        )
        companion = ox.NamedNode(inferred_graph(base))
        out.extend(
            ox.Quad(t.subject, t.predicate, t.object, companion)
            for t in ox_entailments(graph_quads)
        )
    return out


_ESCAPE = re.compile(rb"\\[uU]")


@cache
def _relation_iri_pattern() -> re.Pattern[bytes]:
    iris = sorted((iri.encode() for iri in _rules()), key=len, reverse=True)
    stem = iris[0] if iris else b""
    for iri in iris:  # their common beginning: a literal prefix makes the search fast
        while not iri.startswith(stem):
            stem = stem[:-1]
    rest = b"|".join(re.escape(iri[len(stem) :]) for iri in iris)
    return re.compile(b"<" + re.escape(stem) + b"(?:" + rest + b")>")


def line_entailments(data: bytes, fmt: Any) -> list[Any] | None:
    """:func:`derived_quads` of an N-Quads or N-Triples text, without parsing all of it.

    Only the lines that hold a relation IRI are parsed (a relation triple has its predicate
    on its line, these formats being one statement a line), so a big file costs one
    byte-level search. Returns None where that shortcut cannot be trusted: escapes
    (``\\u``) that could spell a relation IRI otherwise, or a relation triple with a blank
    node, whose label the bulk loader renames; work from the loaded quads then.

    Args:
        data: the file's bytes.
        fmt: ``pyoxigraph.RdfFormat.N_QUADS`` or ``N_TRIPLES``.

    Raises:
        SyntaxError: a line holding a relation IRI is malformed.
    """
    lines = relation_lines(data)
    return None if lines is None else lines_entailments(lines, fmt)


def relation_lines(data: bytes) -> list[bytes] | None:
    """The lines of N-Quads or N-Triples text that hold a relation IRI (a file can be read a
    piece at a time, cut at line ends: the lines of the pieces are those of the file), or
    None if the text has escapes that could spell a relation IRI otherwise.

    Examples:
        >>> met = b'<a> <https://w3id.org/graphkit/ontology#metWith> <c> .'
        >>> relation_lines(b'<a> <b> <c> .\\n' + met) == [met]
        True
        >>> relation_lines(b'<a> <b> "\\\\u0041" .') is None
        True
    """
    if _ESCAPE.search(data):
        return None
    lines: list[bytes] = []
    last_start = -1
    for m in _relation_iri_pattern().finditer(data):
        start = data.rfind(b"\n", 0, m.start()) + 1
        if start == last_start:  # the IRI twice on one line
            continue
        end = data.find(b"\n", m.end())
        lines.append(data[start : end if end >= 0 else len(data)])
        last_start = start
    return lines


def lines_entailments(lines: list[bytes], fmt: Any) -> list[Any] | None:
    """:func:`derived_quads` of the :func:`relation_lines` of a text (None if a relation
    triple has a blank node, whose label the bulk loader renames).

    Raises:
        SyntaxError: a line is malformed.
    """
    if not lines:
        return []
    rules = _rules()
    quads = [q for q in ox.parse(b"\n".join(lines), format=fmt) if q.predicate.value in rules]
    if any(
        isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads
    ):
        return None
    return derived_quads(quads)


def relation_predicates() -> tuple[str, ...]:
    """IRIs of the predicates the rules read (relations that are symmetric or events)."""
    return tuple(_rules())


@cache
def ontology_digest() -> str:
    """SHA-256 of ``ontology/graphkit.ttl``: the same file gives the same digest in every run."""
    import hashlib

    return hashlib.sha256((ONTOLOGY_DIR / "graphkit.ttl").read_bytes()).hexdigest()


def ontology_triples() -> tuple[Any, ...]:
    """The triples of ``ontology/graphkit.ttl`` as Oxigraph triples (read once)."""
    path = ONTOLOGY_DIR / "graphkit.ttl"
    return tuple(ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path)))
