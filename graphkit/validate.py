"""SHACL validation of graphkit's RDF against ``ontology/shapes.ttl``.

The union of all named graphs is validated (an entity described in one article's graph and
used in another's is checked once, as a whole). Validation runs pySHACL without inference:
the shapes spell out "an actor" as one of the four entity classes instead of relying on
``rdfs:subClassOf``, which keeps a graph of 100,000 triples to a few seconds (with RDFS
inference it takes minutes).

A store folder is copied into memory first, because pySHACL asks many small questions and
each one costs more over the on-disk store.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> conforms, report = validate_dataset(example_dataset())
    >>> conforms, report.split(" (")[0]
    (True, 'the graph conforms to the graphkit shapes')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from graphkit.errors import InputError
from graphkit.graph import PREFIXES
from graphkit.vocab import GK, ONTOLOGY_DIR

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
SHAPES_IRI = "https://w3id.org/graphkit/shapes#"
_SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_ENTITY_CLASSES = (GK.Person, GK.Country, GK.Organization, GK.Place)
_PREFIXES = {
    **PREFIXES,
    "gksh": SHAPES_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
}


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in words: which node breaks which rule.

    ``severity`` is "violation", "warning" or "info"; ``shape`` the shape's compact name
    (``gksh:EntityLabel``); ``focus`` the node (compact IRI) and ``about`` what it is (its
    label, an evidence node's cue, an article's source); ``path`` and ``value`` the property
    and value at fault, when there is one.
    """

    severity: str
    shape: str
    message: str
    focus: str
    about: str = ""
    path: str = ""
    value: str = ""


@cache
def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The shapes graph (parsed once per path)."""
    return Graph().parse(path, format="turtle")


def check(data: Graph, *, shapes: Graph | None = None) -> tuple[bool, list[Finding]]:
    """Validate a graph or dataset (the union of its graphs) and return what is wrong.

    Args:
        data: an rdflib Graph or Dataset; it is not modified.
        shapes: a shapes graph instead of ``ontology/shapes.ttl``.

    Returns:
        Whether it conforms (warnings and infos do not count), and the findings sorted by
        severity, shape and node.

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> check(example_dataset())
        (True, [])
    """
    from pyshacl import validate

    shapes = shapes if shapes is not None else load_shapes()
    target = _validation_target(data, shapes)
    conforms, results, _text = validate(
        target,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    assert isinstance(results, Graph)
    findings = sorted(
        (_finding(results, node, data) for node in results.subjects(RDF.type, SH.ValidationResult)),
        key=lambda f: (f.severity != "violation", f.shape, f.focus, f.path, f.value),
    )
    return bool(conforms), findings


def validate_dataset(
    data: Graph, *, name: str = "the graph", max_nodes: int = 10
) -> tuple[bool, str]:
    """Validate a dataset and describe the result in a few readable lines.

    Args:
        data: an rdflib Graph or Dataset (the union of its named graphs is validated).
        name: what to call it in the report (a file name).
        max_nodes: how many offending nodes to list.

    Returns:
        Whether it conforms, and the report: counts by shape and message, then the first
        ``max_nodes`` offending nodes with their labels.

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> ds = example_dataset()
        >>> _ = ds.remove((None, RDFS.label, Literal("Donald Trump")))
        >>> conforms, report = validate_dataset(ds)
        >>> print(report)  # doctest: +ELLIPSIS
        the graph does not conform to the graphkit shapes: 1 violation (...)
        <BLANKLINE>
        By shape:
              1  violation  gksh:EntityLabel  an entity has exactly one rdfs:label, ...
        <BLANKLINE>
        Nodes (1):
          gkid:person/donald-trump  also called "Trump"  gksh:EntityLabel  rdfs:label
    """
    conforms, findings = check(data)
    return conforms, format_report(
        findings, conforms=conforms, name=name, data=data, max_nodes=max_nodes
    )


def validate_path(target: Path | str, *, max_nodes: int = 10) -> tuple[bool, str]:
    """Validate an RDF file (.trig, .nq, .ttl, .nt, .jsonld), a store folder or a SPARQL server.

    Args:
        target: the file, the store folder, or a server's ``sparql+http(s)://`` URL (its
            graphs are read through SPARQL).
        max_nodes: how many offending nodes to list in the report.

    Returns:
        Whether it conforms, and a readable report (see :func:`validate_dataset`).

    Raises:
        InputError: a missing path, a file graphkit cannot read as RDF (with the line at
            fault), a folder that is not a store.
        StoreError: a store that cannot be opened, a server that cannot be reached.

    Examples:
        >>> validate_path(Path("no-such-file.trig"))
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no such file or folder: no-such-file.trig; check the path
    """
    from graphkit.store.remote import is_remote, open_remote

    if is_remote(target):
        with open_remote(str(target)) as remote:
            data: Graph = _memory_graph(remote.dataset(), normalize=False)
        return validate_dataset(data, name=str(target), max_nodes=max_nodes)
    target = Path(target)
    if not target.exists():
        msg = f"no such file or folder: {target}; check the path"
        raise InputError(msg)
    if target.is_dir():
        from graphkit.store import open_store
        from graphkit.store.folder import MARKER

        if not (target / MARKER).exists():
            msg = (
                f"{target} is a folder but not a graphkit store (no {MARKER}); give an RDF file "
                "(.trig, .nq, .ttl, .nt, .jsonld) or a store folder made by 'graphkit build'"
            )
            raise InputError(msg)
        with open_store(target, read_only=True) as store:
            data = _memory_graph(store.dataset(), normalize=False)
    else:
        from graphkit.store import read_rdf

        data = read_rdf(target)
    return validate_dataset(data, name=str(target), max_nodes=max_nodes)


def format_report(
    findings: list[Finding],
    *,
    conforms: bool,
    name: str = "the graph",
    data: Graph | None = None,
    max_nodes: int = 10,
) -> str:
    """The readable report of :func:`validate_dataset` from a list of findings."""
    size = f" ({_size(data)})" if data is not None else ""
    counts = Counter(f.severity for f in findings)
    tally = ", ".join(_plural(counts[s], s) for s in ("violation", "warning", "info") if counts[s])
    if conforms:
        head = f"{name} conforms to the graphkit shapes{size}"
        if not findings:
            return head
        lines = [f"{head}; {tally}"]
    else:
        lines = [f"{name} does not conform to the graphkit shapes: {tally}{size}"]
    lines += ["", "By shape:"]
    by_rule = Counter((f.severity, f.shape, f.message) for f in findings)
    width = max(len(shape) for _, shape, _ in by_rule)
    for (severity, shape, message), count in sorted(by_rule.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {count:5d}  {severity:9}  {shape:{width}}  {message}")
    nodes = list(dict.fromkeys((f.focus, f.about, f.shape, f.path, f.value) for f in findings))
    shown = nodes[: max(max_nodes, 0)]
    more = f", first {len(shown)}" if len(shown) < len(nodes) else ""
    lines += ["", f"Nodes ({len(nodes)}{more}):"]
    for focus, about, shape, path, value in shown:
        parts = [focus, about, shape, path, f"value {value}" if value else ""]
        lines.append("  " + "  ".join(p for p in parts if p))
    return "\n".join(lines)


def _validation_target(data: Graph, shapes: Graph) -> Graph:
    """What pySHACL should read: the data itself when it is in memory and well typed."""
    if not _in_memory(data):
        return _memory_graph(data, normalize=True)
    if _mistyped(data, _datatype_paths(shapes)):
        return _memory_graph(data, normalize=True)
    return data


def _in_memory(data: Graph) -> bool:
    from rdflib.plugins.stores.memory import Memory

    return isinstance(data.store, Memory)


def _datatype_paths(shapes: Graph) -> set[Node]:
    return {
        path
        for shape in shapes.subjects(SH.datatype, None)
        for path in shapes.objects(shape, SH.path)
    }


def _mistyped(data: Graph, paths: Iterable[Node]) -> bool:
    """True when a typed literal holds a Python value of another type than its lexical form's.

    ``Literal(0.8, datatype=XSD.decimal)`` keeps a float in memory while the same literal
    read from a file holds a Decimal; pySHACL judges the Python value. Such literals are
    re-read from their lexical form (what a file would hold) before validation.
    """
    for path in paths:
        for value in data.objects(None, path):
            if (
                isinstance(value, Literal)
                and value.datatype is not None
                and not value.ill_typed
                and type(_reparse(value).value) is not type(value.value)
            ):
                return True
    return False


def _reparse(value: Literal) -> Literal:
    return Literal(str(value), datatype=value.datatype, lang=value.language)


def _memory_graph(data: Graph, *, normalize: bool) -> Graph:
    """The union of ``data``'s graphs copied into one in-memory graph."""
    graph = Graph()
    triples = data.triples((None, None, None))
    if normalize:
        graph.addN(
            (s, p, _reparse(o) if isinstance(o, Literal) and o.datatype is not None else o, graph)
            for s, p, o in triples
        )
    else:
        graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


def _finding(results: Graph, node: Node, data: Graph) -> Finding:
    focus = results.value(node, SH.focusNode)
    shape = results.value(node, SH.sourceShape)
    path = results.value(node, SH.resultPath)
    value = results.value(node, SH.value)
    messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
    severity = results.value(node, SH.resultSeverity)
    return Finding(
        severity=_SEVERITIES.get(severity, "violation")
        if isinstance(severity, URIRef)
        else "violation",
        shape=_compact(shape) if isinstance(shape, URIRef) else "(anonymous shape)",
        message=messages[0] if messages else "",
        focus=_compact(focus) if focus is not None else "",
        about=_about(data, focus) if focus is not None else "",
        path=_compact(path) if isinstance(path, URIRef) else "",
        value=_show(value) if value is not None and value != focus else "",
    )


def _about(data: Graph, node: Node) -> str:
    """A few words saying what a node is: its label, an evidence node's cue, an article's source."""
    label = data.value(node, RDFS.label)
    if label is not None:
        return _quote(str(label))
    alias = data.value(node, SKOS.altLabel)
    if alias is not None:
        return f"also called {_quote(str(alias))}"
    cue = data.value(node, GK.cue)
    if cue is not None:
        article = data.value(node, GK.article)
        where = f" in {_compact(article)}" if article is not None else ""
        return f"evidence {_quote(str(cue))}{where}"
    source = data.value(node, DCTERMS.source)
    if source is not None:
        return f"article from {source}"
    return ""


def _show(value: Node) -> str:
    if isinstance(value, Literal):
        return _quote(str(value))
    return _compact(value)


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


def _compact(node: Node) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    text = str(node)
    best = ""
    for prefix, iri in _PREFIXES.items():
        if text.startswith(iri) and len(iri) > len(best):
            best = iri
            compact = f"{prefix}:{text[len(iri) :]}"
    return compact if best else f"<{text}>"


def _size(data: Graph) -> str:
    triples = len(set(data.triples((None, None, None)))) if isinstance(data, Dataset) else len(data)
    entities = len({s for cls in _ENTITY_CLASSES for s in data.subjects(RDF.type, cls)})
    evidence = len(set(data.subjects(RDF.type, GK.Evidence)))
    articles = len(set(data.subjects(RDF.type, GK.Article)))
    return (
        f"{_plural(triples, 'triple')}: {_plural(entities, 'entity', 'entities')}, "
        f"{_plural(evidence, 'evidence node')}, {_plural(articles, 'article')}"
    )


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"
