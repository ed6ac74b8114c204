"""Query results as text: an aligned table, CSV, TSV, SPARQL JSON and XML, or RDF.

CSV, TSV, JSON and XML follow the SPARQL 1.1 Query Results formats, so other tools read
them. CONSTRUCT and DESCRIBE results are RDF: Turtle for ``table``, JSON-LD for ``json``,
N-Triples for ``csv``/``tsv`` (or any RDF format name: ``trig``, ``turtle``, ...).

Examples:
    >>> import pyoxigraph as ox
    >>> from graphkit.store.sparql import QueryResult
    >>> r = QueryResult("SELECT", ("name", "n"), [(ox.Literal("Petro"), ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))])
    >>> print(format_result(r, "table"))
    name   n
    -----  -
    Petro  2
    <BLANKLINE>
    (1 row)
    <BLANKLINE>
    >>> format_result(r, "csv")
    'name,n\\r\\nPetro,2\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graphkit.errors import InputError
from graphkit.store.sparql import PREFIXES, RDF_PREFIXES, QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {
    XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")
}
TABLE_CELL_WIDTH = 60
"""Table cells longer than this wrap onto more lines (at spaces where they can)."""

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "table": "text/plain; charset=utf-8",
}
RDF_MEDIA_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "json-ld": "application/ld+json",
}
_RDF_FOR_RESULT_FORMAT = {
    "table": "turtle",
    "json": "json-ld",
    "csv": "ntriples",
    "tsv": "ntriples",
    "xml": "turtle",
}


def compact(iri: str) -> str:
    """An IRI with graphkit's prefixes (``gk:metWith``), or the IRI itself.

    Examples:
        >>> compact("https://w3id.org/graphkit/id/person/gustavo-petro")
        'gkid:person/gustavo-petro'
    """
    best = ""
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and len(base) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


def _display(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if "\n" in term.value or "\t" in term.value:
            return " ".join(term.value.split())
        return term.value
    return str(term)


def _wrap(text: str, width: int) -> list[str]:
    """A cell's lines: words kept whole where they fit, long IRIs split.

    Examples:
        >>> _wrap("Petro met Trump in Washington on Monday.", 16)
        ['Petro met Trump', 'in Washington on', 'Monday.']
    """
    if len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_on_hyphens=False) or [text]


def to_table(result: QueryResult) -> str:
    """An aligned plain-text table with a header rule and a row count (numbers right-aligned)."""
    if result.kind == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    header = list(result.variables)
    wrapped = [[_wrap(_display(t), TABLE_CELL_WIDTH) for t in row] for row in result.rows]
    # a row whose cells wrap takes several lines (the other cells blank there), and then
    # a blank line parts the rows
    spaced = any(len(cell) > 1 for row in wrapped for cell in row)
    cells: list[list[str]] = []
    for number, row in enumerate(wrapped):
        if spaced and number:
            cells.append([""] * len(row))
        height = max((len(c) for c in row), default=1)
        cells.extend([cell[k] if k < len(cell) else "" for cell in row] for k in range(height))
    numeric = [
        bool(result.rows)
        and all(
            isinstance(r[i], ox.Literal) and r[i].datatype.value in _NUMERIC
            for r in result.rows
            if r[i] is not None
        )
        for i in range(len(header))
    ]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines.extend(line(c) for c in cells)
    count = len(result.rows)
    lines.append("")
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term.value)


def to_csv(result: QueryResult, *, delimiter: str = ",") -> str:
    """SPARQL 1.1 CSV results (plain values, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return out.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return out.getvalue()


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV results (terms in N-Triples syntax, ``?var`` header)."""
    if result.kind == "ASK":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD + "string":
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if result.kind == "ASK":
        boolean = "true" if result.boolean else "false"
        return head + f"<head/>\n<boolean>{boolean}</boolean>\n</sparql>\n"
    parts = [head, "<head>"]
    parts.extend(f"<variable name={quoteattr(v)}/>" for v in result.variables)
    parts.append("</head>\n<results>\n")
    for row in result.rows:
        parts.append("<result>")
        parts.extend(
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(result.variables, row, strict=True)
            if t is not None
        )
        parts.append("</result>\n")
    parts.append("</results>\n</sparql>\n")
    return "".join(parts)


def to_rdf(result: QueryResult, fmt: str = "turtle") -> str:
    """CONSTRUCT/DESCRIBE triples as RDF text (turtle, ntriples, json-ld, trig, nquads)."""
    from graphkit.store.formats import ox_format

    rdf_format = ox_format(fmt)
    triples: list[Any] = result.triples
    if rdf_format.supports_datasets:
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    data = ox.serialize(triples, None, rdf_format, prefixes=RDF_PREFIXES) or b""
    return bytes(data).decode("utf-8")


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a result: ``table``, ``csv``, ``tsv``, ``json`` or ``xml`` (RDF for CONSTRUCT).

    Raises:
        InputError: an unknown format name.
    """
    if result.kind == "CONSTRUCT":
        return to_rdf(result, _RDF_FOR_RESULT_FORMAT.get(fmt, fmt))
    renderers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt not in renderers:
        msg = f"unknown output format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}"
        raise InputError(msg)
    return renderers[fmt](result)
