"""HTTP pieces of the SPARQL 1.1 Protocol: content negotiation and replies.

Examples:
    >>> negotiate("text/csv;q=0.9, application/sparql-results+json", "SELECT")
    'json'
    >>> negotiate("*/*", "CONSTRUCT")
    'turtle'
    >>> negotiate("", "SELECT", override="csv")
    'csv'
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

MAX_BODY = 10 * 1024 * 1024
"""Largest request body accepted (bytes)."""

_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/plain": "table",
}
_RDF_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "text/n3": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/trig": "trig",
    "application/n-quads": "nquads",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/rdf+xml": "rdf-xml",
}
_FORMAT_PARAM = {
    "SELECT": {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "text": "table"},
    "CONSTRUCT": {"turtle": "turtle", "n3": "turtle", "xml": "rdf-xml", "rdf+xml": "rdf-xml", "json-ld": "json-ld", "jsonld": "json-ld", "nt": "ntriples", "ntriples": "ntriples", "trig": "trig", "nquads": "nquads"},
}


def negotiate(accept: str, kind: str, *, override: str = "") -> str:
    """The output format for an Accept header and a result kind (SELECT, ASK or CONSTRUCT).

    ``override`` is a ``format``/``output`` request parameter (``json``, ``xml``, ``csv``...),
    which wins. Unknown or missing preferences give JSON results or Turtle.
    """
    table = _RDF_TYPES if kind == "CONSTRUCT" else _RESULT_TYPES
    by_param = _FORMAT_PARAM["CONSTRUCT" if kind == "CONSTRUCT" else "SELECT"]
    if override.lower() in by_param:
        return by_param[override.lower()]
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(f[2:])
        if media in table and q > 0:
            choices.append((-q, i, table[media]))
    return min(choices)[2] if choices else ("turtle" if kind == "CONSTRUCT" else "json")


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, content type, body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))
