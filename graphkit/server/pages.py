"""What the endpoint serves besides query results: the query editor and the service description.

The editor (``/``) is a page of graphkit's own, bundled in ``graphkit/resources/editor``: the
presets as examples, a Run button that POSTs to ``/sparql`` on the same origin, results
written as text (never as HTML). Its Content-Security-Policy lets it load nothing and
connect nowhere but its own origin. The service description (GET ``/sparql`` without a
query) is a SPARQL 1.1 Service Description in RDF.

Examples:
    >>> b"<textarea" in editor_page(store="s", allow_update=False, has_map=False)
    True
    >>> g = service_description("http://127.0.0.1:7878/sparql", allow_update=False)
    >>> len(g) > 10
    True
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from typing import Any

from graphkit.server.protocol import Reply

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Content-Security-Policy of the editor: its own scripts and styles, requests to its origin."""
ASSETS = {"/editor.js": "text/javascript; charset=utf-8", "/editor.css": "text/css; charset=utf-8"}
"""Files of the editor served beside it."""
_DEFAULT_QUERY = """SELECT DISTINCT ?actor1 ?actor2 WHERE {
  ?a gk:CONSULT ?b ; rdfs:label ?actor1 .
  ?b rdfs:label ?actor2 .
} LIMIT 20
"""


def _resource(name: str) -> str:
    return (resources.files("graphkit") / "resources" / "editor" / name).read_text(encoding="utf-8")


@cache
def _presets_json() -> str:
    """The presets as JSON safe inside a <script> element (no '<', '>' or '&' left)."""
    from graphkit.query.presets import presets

    data = [
        {
            "name": p.name,
            "description": p.description,
            "params": [{"name": q.name, "kind": q.kind, "help": q.help} for q in p.params],
            "text": p.text,
        }
        for p in presets().values()
    ]
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def editor_page(*, store: str, allow_update: bool, has_map: bool) -> bytes:
    """The editor's HTML: every value written into it is escaped."""
    mode = "Read-write (SPARQL Update allowed)." if allow_update else "Read-only."
    values = {
        "$MAP_LINK": '<a href="/map">Map</a>' if has_map else "",
        "$STORE": html.escape(store),
        "$MODE": mode,
        "$QUERY": html.escape(_DEFAULT_QUERY),
        "$PRESETS": _presets_json(),
    }
    page = _resource("editor.html")
    for key, value in values.items():
        page = page.replace(key, value)
    return page.encode("utf-8")


def asset(path: str) -> Reply:
    """A file of the editor (``/editor.js``, ``/editor.css``)."""
    return Reply(200, ASSETS[path], _resource(path.lstrip("/")).encode("utf-8"))


def service_description(url: str, *, allow_update: bool) -> Any:
    """A SPARQL 1.1 Service Description of the endpoint at ``url``, as an rdflib Graph."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    g = Graph()
    g.bind("sd", sd)
    g.bind("formats", formats)
    service = URIRef(url)
    g.add((service, RDF.type, sd.Service))
    g.add((service, sd.endpoint, service))
    g.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    if allow_update:
        g.add((service, sd.supportedLanguage, sd.SPARQL11Update))
    for name in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "TriG", "N-Quads", "JSON-LD", "RDF_XML",
    ):  # fmt: skip
        g.add((service, sd.resultFormat, formats[name]))
    g.add((service, sd.feature, sd.UnionDefaultGraph))
    dataset, default = BNode(), BNode()
    g.add((service, sd.defaultDataset, dataset))
    g.add((dataset, RDF.type, sd.Dataset))
    g.add((dataset, sd.defaultGraph, default))
    g.add((default, RDF.type, sd.Graph))
    g.add((service, DCTERMS.title, Literal("graphkit SPARQL endpoint")))
    mode = "read-write" if allow_update else "read-only"
    g.add((service, RDFS.comment, Literal(
        f"graphkit knowledge graph of diplomatic relations; {mode}; the default graph is the "
        "union of all article graphs; SERVICE and LOAD are disabled"
    )))  # fmt: skip
    return g
