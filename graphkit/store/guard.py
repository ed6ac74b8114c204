"""Does a SPARQL request reach the network? Decided on the parsed query, with a lexical backstop.

Oxigraph performs ``SERVICE`` calls (federated query) and ``LOAD`` fetches a URL, so a query
could make graphkit connect to any address it can reach (server-side request forgery through
the endpoint). :func:`network_operations` finds them in three independent ways, and a
request is refused when any of them finds one:

1. the query is parsed with rdflib's SPARQL grammar and both its parse tree and its algebra
   are walked for ``ServiceGraphPattern`` (and, in updates, ``Load``), at any depth:
   subqueries, ``EXISTS``/``NOT EXISTS``, ``OPTIONAL``, ``UNION``, ``MINUS``, ``GRAPH``;
2. the text is scanned for the ``SERVICE`` and ``LOAD`` keywords outside strings, IRIs and
   comments, where a comment ends at a line feed *or* a carriage return, as the SPARQL
   grammar says, in the text as written and with its ``\\uXXXX`` escapes decoded;
3. when rdflib cannot parse a query whose text mentions "service" or "load" at all, the
   query is refused too: what cannot be checked is not run.

A text in which neither word appears anywhere (in any case, escapes decoded) cannot call
either, and is not parsed: rdflib's parser takes up to a second on a long query.

The endpoint adds a fourth, engine-level guard: its worker processes have no network at all
(see :mod:`graphkit.server.workers`).

Examples:
    >>> network_operations("SELECT * { ?s ?p ?o }")
    []
    >>> network_operations("SELECT * { # note\\rSERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    ['SERVICE']
    >>> network_operations('SELECT * { ?service rdfs:label "SERVICE" } # SERVICE')
    []
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'  # short strings: no line break inside
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs
    r"|#[^\n\r]*",  # comments end at a line feed or a carriage return
    re.DOTALL,
)
_KEYWORD = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)
_MENTION = re.compile(r"service|load", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NETWORK_NODES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


def decode_escapes(text: str) -> str:
    """The text with SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes decoded.

    Examples:
        >>> decode_escapes("SERV\\\\u0049CE")
        'SERVICE'
    """

    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _ESCAPE.sub(char, text)


def code_only(text: str) -> str:
    """The text with strings, IRIs and comments blanked out (same length).

    Examples:
        >>> code_only('?s <http://x/SERVICE> "SERVICE" # SERVICE\\rSERVICE')
        '?s                    "       "          \\rSERVICE'
    """

    def blank(m: re.Match[str]) -> str:
        token = m.group(0)
        if token[0] in "\"'":
            return token[0] + re.sub(r"[^\n\r]", " ", token[1:-1]) + token[-1]
        return re.sub(r"[^\n\r]", " ", token)

    return _TOKEN.sub(blank, text)


def _keywords(text: str) -> list[str]:
    return [m.group(1).upper() for m in _KEYWORD.finditer(code_only(text))]


def _walk(node: Any, seen: set[int] | None = None) -> Iterable[str]:
    """Names of network operations anywhere in an rdflib parse tree or algebra."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        if node.name in _NETWORK_NODES:
            yield _NETWORK_NODES[node.name]
        children: Iterable[Any] = dict.values(node)
    elif isinstance(node, dict):
        children = node.values()
    elif isinstance(node, ParseResults | list | tuple | set):
        children = node
    else:
        return
    for child in children:
        yield from _walk(child, seen)


def _parsed(text: str, *, update: bool) -> list[str] | None:
    """Network operations found by rdflib's parser and algebra, or None if it cannot parse."""
    from rdflib.plugins.sparql import algebra, parser

    from graphkit.store.sparql import PREFIXES

    # rdflib ends a comment at a line feed only; SPARQL at either line break
    source = text.replace("\r", "\n")
    try:
        tree = parser.parseUpdate(source) if update else parser.parseQuery(source)
    except Exception:
        return None
    found = list(_walk(tree))
    try:
        translated = (
            algebra.translateUpdate(tree, initNs=PREFIXES)  # type: ignore[arg-type]
            if update
            else algebra.translateQuery(tree, initNs=PREFIXES)  # type: ignore[arg-type]
        )
    except Exception:  # the tree was enough: translation only adds a second view
        return found
    found.extend(_walk(translated.algebra))
    return found


def network_operations(sparql: str, *, update: bool = False) -> list[str]:
    """The network operations (``SERVICE``, ``LOAD``) a query or update would perform.

    Args:
        sparql: the query or update text.
        update: parse it as a SPARQL Update.

    Returns:
        The operations found, upper case, sorted; empty when there is none. A text
        that mentions "service" or "load" but that rdflib cannot parse gives ``["unverifiable"]``.
    """
    decoded = decode_escapes(sparql)
    if not (_MENTION.search(sparql) or _MENTION.search(decoded)):
        return []  # neither word anywhere, in any case: nothing to parse (most queries)
    found = _keywords(sparql) + _keywords(decoded)
    parsed = _parsed(sparql, update=update)
    if parsed is None:
        if _MENTION.search(sparql) or _MENTION.search(decoded):
            found.append("unverifiable")
    else:
        found.extend(parsed)
    return sorted(set(found))
