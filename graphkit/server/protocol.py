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
    "CONSTRUCT": {
        "turtle": "turtle",
        "n3": "turtle",
        "xml": "rdf-xml",
        "rdf+xml": "rdf-xml",
        "json-ld": "json-ld",
        "jsonld": "json-ld",
        "nt": "ntriples",
        "ntriples": "ntriples",
        "trig": "trig",
        "nquads": "nquads",
    },
}


def _preferences(accept: str) -> list[tuple[float, int, str]]:
    """(-q, position, media range) of an Accept header, refused ranges (q=0) left out."""
    found: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(f[2:])
        if media and q > 0:
            found.append((-q, i, media))
    return found


def acceptable(accept: str, kind: str, *, override: str = "") -> str | None:
    """The output format for an Accept header, or None when it accepts none graphkit writes.

    ``kind`` is SELECT, ASK, CONSTRUCT or DESCRIBE; an empty header accepts anything;
    ``*/*``, ``text/*`` and ``application/*`` pick the first format of that kind.

    Examples:
        >>> acceptable("image/png", "SELECT") is None
        True
        >>> acceptable("text/*", "CONSTRUCT"), acceptable("image/png, */*;q=0.1", "ASK")
        ('turtle', 'json')
    """
    rdf = kind in ("CONSTRUCT", "DESCRIBE")
    table = _RDF_TYPES if rdf else _RESULT_TYPES
    by_param = _FORMAT_PARAM["CONSTRUCT" if rdf else "SELECT"]
    if override.lower() in by_param:
        return by_param[override.lower()]
    if not accept.strip():
        return "turtle" if rdf else "json"
    for _, _, media in sorted(_preferences(accept)):
        if media in table:
            return table[media]
        major = media.split("/")[0]
        for known, fmt in table.items():
            if media == "*/*" or (media.endswith("/*") and known.startswith(major + "/")):
                return fmt
    return None


def negotiate(accept: str, kind: str, *, override: str = "") -> str:
    """The output format for an Accept header and a result kind (SELECT, ASK or CONSTRUCT).

    ``override`` is a ``format``/``output`` request parameter (``json``, ``xml``, ``csv``...),
    which wins. Unknown or missing preferences give JSON results or Turtle (the endpoint
    answers 406 before a query runs when :func:`acceptable` finds nothing).
    """
    found = acceptable(accept, kind, override=override)
    if found is not None:
        return found
    return "turtle" if kind in ("CONSTRUCT", "DESCRIBE") else "json"


def media_types(kind: str) -> list[str]:
    """The media types graphkit writes for a kind of result (for a 406's message)."""
    return list((_RDF_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else _RESULT_TYPES).keys())


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, content type, body."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def error(
        cls, status: int, message: str, *, headers: tuple[tuple[str, str], ...] = ()
    ) -> Reply:
        body = (message.rstrip() + "\n").encode("utf-8")
        return cls(status, "text/plain; charset=utf-8", body, headers)
