"""Run SPARQL on an Oxigraph store: graphkit's prefixes, no federation, one-line errors.

Queries see the union of all graphs as their default graph (``GRAPH ?g`` still names the
article). The union is a bag: a triple held by two article graphs matches twice, so count
with ``DISTINCT``. ``SERVICE`` (federated query) is refused: graphkit never goes to the
network.

Examples:
    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("https://w3id.org/graphkit/id/person/a"),
    ...               ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...               ox.Literal("A"),
    ...               ox.NamedNode("https://w3id.org/graphkit/id/article/x")))
    >>> execute(s, "SELECT ?l WHERE { ?a rdfs:label ?l }").rows[0][0].value
    'A'
    >>> query_form("PREFIX gk: <x#> # comment\\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graphkit.errors import QueryError
from graphkit.store.guard import network_operations

PREFIXES = {
    "gk": "https://w3id.org/graphkit/ontology#",
    "gkid": "https://w3id.org/graphkit/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "wd": "http://www.wikidata.org/entity/",
}
"""Prefixes every query may use without declaring them."""
RDF_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "gkid"}
"""Prefixes for RDF output (entity IRIs hold '/', which prefixed names would have to escape)."""

QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATE_FORMS = (
    "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"
)  # fmt: skip

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs
    r"|#[^\n\r]*",  # comments (end at a line feed or a carriage return)
    re.DOTALL,
)
_KEYWORD = re.compile(r"[A-Za-z]+")
_PROLOGUE = re.compile(r"(?:\s*(?:PREFIX\s+[\w.\-]*:|BASE\b))*\s*", re.IGNORECASE)


@dataclass
class QueryResult:
    """What a query returned, fully read: rows of a SELECT, a boolean, or triples.

    ``rows`` hold Oxigraph terms (``None`` where a variable is unbound); :meth:`bindings`
    and :meth:`graph` give rdflib objects.
    """

    kind: str  # SELECT, ASK, CONSTRUCT (CONSTRUCT and DESCRIBE)
    variables: tuple[str, ...] = ()
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "SELECT" else len(self.triples)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def bindings(self) -> list[dict[str, Any]]:
        """SELECT rows as dicts of rdflib terms (unbound variables left out)."""
        from graphkit.store.terms import from_ox

        return [
            {v: from_ox(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]

    def graph(self) -> Any:
        """CONSTRUCT/DESCRIBE triples as an rdflib Graph."""
        from rdflib import Graph

        from graphkit.store.terms import from_ox

        g = Graph()
        for prefix, iri in PREFIXES.items():
            g.bind(prefix, iri)
        for t in self.triples:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g


class ResultLimitError(QueryError):
    """A query returned more rows than allowed."""


def skeleton(sparql: str) -> str:
    """The query text with strings, IRIs and comments blanked out (same length).

    Examples:
        >>> skeleton('SELECT * { ?s <http://x/SERVICE> "SERVICE" } # SERVICE')
        'SELECT * { ?s                    "       " }          '
    """

    def blank(m: re.Match[str]) -> str:
        text = m.group(0)
        if text[0] in "\"'":
            return text[0] + " " * (len(text) - 2) + text[-1]
        return re.sub(r"[^\n]", " ", text)

    return _TOKEN.sub(blank, sparql)


def query_form(sparql: str) -> str:
    """SELECT, CONSTRUCT, ASK, DESCRIBE, an update keyword (INSERT, ...) or "" if unknown.

    Skips ``PREFIX``/``BASE`` declarations, comments and strings.
    """
    word = _first_word(sparql).upper()
    return word if word in QUERY_FORMS + UPDATE_FORMS else ""


def _first_word(sparql: str) -> str:
    text = skeleton(sparql)
    prologue = _PROLOGUE.match(text)
    m = _KEYWORD.match(text, prologue.end() if prologue else 0)
    return m.group(0) if m else ""


def uses_service(sparql: str) -> bool:
    """True if the query calls ``SERVICE`` (federated query) or ``LOAD``, on its parsed form.

    See :func:`graphkit.store.guard.network_operations`.

    Examples:
        >>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
        True
        >>> uses_service('SELECT * { ?service ?p "SERVICE" }')
        False
    """
    return bool(network_operations(sparql, update=query_form(sparql) in UPDATE_FORMS))


_PARAM_TOKEN = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def bind_params(sparql: str, values: Mapping[str, Any]) -> str:
    """Write each ``$NAME`` of the query (outside strings, IRIs and comments) as its value.

    Values are Oxigraph terms, written in SPARQL syntax with escapes, so a value can never
    change the query's structure. ``$NAME`` tokens without a value stay variables.

    Examples:
        >>> print(bind_params('SELECT * { ?a rdfs:label $ACTOR } # $ACTOR',
        ...                   {"ACTOR": ox.Literal('Petro "P"')}))
        SELECT * { ?a rdfs:label "Petro \\"P\\"" } # $ACTOR
    """
    if not values:
        return sparql
    code = skeleton(sparql)
    parts: list[str] = []
    last = 0
    for m in _PARAM_TOKEN.finditer(code):
        value = values.get(m.group(1))
        if value is None:
            continue
        parts.append(sparql[last : m.start()])
        parts.append(str(value))
        last = m.end()
    parts.append(sparql[last:])
    return "".join(parts)


def check_query(sparql: str, *, name: str = "query", allow_update: bool = False) -> str:
    """Refuse what graphkit never runs; returns the query form.

    Raises:
        QueryError: an empty query, ``SERVICE``, or an update where a query is expected.
    """
    if not sparql.strip():
        msg = f"{name} is empty; give a SPARQL query (SELECT, CONSTRUCT, ASK or DESCRIBE)"
        raise QueryError(msg)
    form = query_form(sparql)
    operations = network_operations(sparql, update=form in UPDATE_FORMS)
    if "unverifiable" in operations:
        msg = (
            f"{name} mentions SERVICE or LOAD and cannot be parsed to check that it stays off "
            "the network; fix its syntax"
        )
        raise QueryError(msg)
    if operations:
        what = "federated SERVICE" if "SERVICE" in operations else "LOAD"
        msg = (
            f"{name}: {what} calls are disabled (graphkit never goes to the network);"
            f" remove the {what.split()[-1]} part"
        )
        raise QueryError(msg)
    if form in UPDATE_FORMS and not allow_update:
        msg = f"{name} is a SPARQL Update ({form}); only read-only queries are accepted here"
        raise QueryError(msg)
    return form


def _rdflib_position(sparql: str, *, update: bool) -> tuple[int, int] | None:
    """Where rdflib's SPARQL parser stops (often nearer the mistake than Oxigraph's), or None."""
    try:
        from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    except ImportError:  # pragma: no cover - rdflib is a dependency
        return None
    try:
        (parseUpdate if update else parseQuery)(sparql)
    except Exception as err:
        line, col = getattr(err, "lineno", None), getattr(err, "col", None)
        return (int(line), int(col)) if line and col else None
    return None


def syntax_error(
    err: BaseException, sparql: str, *, name: str = "query", update: bool = False
) -> QueryError:
    """A one-line QueryError from Oxigraph's syntax error: the line, what is near, the fix.

    Examples:
        >>> import pyoxigraph as ox
        >>> try:  # doctest: +NORMALIZE_WHITESPACE
        ...     ox.Store().query("SELEC ?s WHERE { ?s ?p ?o }")
        ... except SyntaxError as e:
        ...     print(syntax_error(e, "SELEC ?s WHERE { ?s ?p ?o }", name="query.rq"))
        query.rq line 1: syntax error near 'SELEC'
        (a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE); check the SPARQL syntax
    """
    text = str(err)
    m = re.match(r"error at (\d+):(\d+): (.*)", text, re.DOTALL)
    if not m:
        first_line = text.splitlines()[0] if text else "invalid query"
        return QueryError(f"{name}: {first_line}; check the SPARQL syntax")
    line, col, expected = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    lines = sparql.splitlines() or [""]
    hint = expected if len(expected) <= 60 else ""
    first = _first_word(sparql)
    if "Prefix not found" in expected:
        before = (lines[line - 1] if 0 < line <= len(lines) else "")[: max(col - 1, 0)]
        word = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", before.rstrip())
        near = word.group(0) if word else ""
        hint = "declare the prefix with PREFIX or write the full IRI in <...>"
    else:
        other = _rdflib_position(sparql, update=update)
        if other is not None and other < (line, col):
            (line, col), hint = other, ""
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        found = re.match(r"\S+", source[max(col - 1, 0) :].lstrip())
        near = found.group(0)[:30] if found else ""
        if (
            first
            and first.upper() not in QUERY_FORMS + UPDATE_FORMS
            and (line, col) <= (1, len(first) + 1)
        ):
            hint = "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"
    near_text = f" near {near!r}" if near else " at the end"
    hint_text = f" ({hint})" if hint else ""
    return QueryError(
        f"{name} line {line}: syntax error{near_text}{hint_text}; check the SPARQL syntax"
    )


def execute(
    store: Any,
    sparql: str,
    *,
    name: str = "query",
    params: Mapping[str, Any] | None = None,
    max_rows: int | None = None,
    default_graph: list[Any] | None = None,
    named_graphs: list[Any] | None = None,
) -> QueryResult:
    """Run a read-only query on an Oxigraph store and read the whole result.

    Args:
        store: a ``pyoxigraph.Store``.
        sparql: the query text; graphkit's prefixes (:data:`PREFIXES`) are predeclared.
        name: how error messages name the query (e.g. its file name).
        params: parameter name -> Oxigraph term; each ``$NAME`` token of the query is
            written as that term (see :func:`bind_params`).
        max_rows: raise :class:`ResultLimitError` when the result has more rows (or triples).
        default_graph: graphs forming the default graph (default: the union of all graphs).
        named_graphs: graphs ``GRAPH ?g`` may range over (default: all).

    Raises:
        QueryError: syntax errors (one line, with the position), SERVICE, updates.
    """
    check_query(sparql, name=name)
    options: dict[str, Any] = {"prefixes": PREFIXES}
    if default_graph is not None:
        options["default_graph"] = default_graph
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs is not None:
        options["named_graphs"] = named_graphs
    text = bind_params(sparql, params or {})
    if text != sparql:
        check_query(text, name=name)
    try:
        raw = store.query(text, **options)
    except SyntaxError as err:
        raise syntax_error(err, text, name=name) from None
    except (OSError, RuntimeError) as err:
        msg = f"{name} failed: {err}; check the store (or rebuild it)"
        raise QueryError(msg) from None
    try:
        return _read(raw, max_rows=max_rows, name=name, text=text)
    except (OSError, RuntimeError, ValueError) as err:
        msg = f"{name} failed while running: {err}"
        raise QueryError(msg) from None


_SELECT_STAR = re.compile(r"\bSELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)
_NOT_VARIABLES = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*")
_VARIABLE = re.compile(r"[?$](\w+)")


def star_order(text: str, variables: tuple[str, ...]) -> tuple[str, ...]:
    """The columns of ``SELECT *`` in the order the query first names them.

    Oxigraph returns them sorted by name; people expect the order they wrote. Other queries
    keep their projection order.

    Examples:
        >>> star_order("SELECT * WHERE { ?s <http://x?o=1> ?o }", ("o", "s"))
        ('s', 'o')
        >>> star_order("SELECT ?o ?s WHERE { ?s ?p ?o }", ("o", "s"))
        ('o', 's')
    """
    found = _SELECT_STAR.search(text)
    if not found:
        return variables
    body = _NOT_VARIABLES.sub(" ", text[found.end() :])
    wanted = set(variables)
    named = [v for v in dict.fromkeys(_VARIABLE.findall(body)) if v in wanted]
    return (*named, *(v for v in variables if v not in named))


def _read(raw: Any, *, max_rows: int | None, name: str, text: str = "") -> QueryResult:
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(raw))
    if isinstance(raw, ox.QuerySolutions):
        variables = tuple(v.value for v in raw.variables)
        # a solution iterates over its values in the variables' order, None where unbound
        solutions = raw if max_rows is None else itertools.islice(raw, max_rows + 1)
        rows: list[tuple[Any, ...]] = list(map(tuple, solutions))
        if max_rows is not None and len(rows) > max_rows:
            raise _too_many(name, max_rows)
        ordered = star_order(text, variables)
        if ordered != variables:
            where = [variables.index(v) for v in ordered]
            rows = [tuple(row[i] for i in where) for row in rows]
        return QueryResult("SELECT", variables=ordered, rows=rows)
    triples: list[Any] = []
    for triple in raw:
        if max_rows is not None and len(triples) >= max_rows:
            raise _too_many(name, max_rows)
        triples.append(triple)
    return QueryResult("CONSTRUCT", triples=triples)


def _too_many(name: str, limit: int) -> ResultLimitError:
    return ResultLimitError(
        f"{name} returned more than {limit:,} results (the limit); add LIMIT or narrow the query"
    )
