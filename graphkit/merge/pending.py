"""Marks of articles waiting for resolution, and the entities the graph describes.

A load writes articles first, each with a ``gk:pendingArticle`` mark in the entities
graph; resolution then clears the marks one article at a time
(:func:`graphkit.merge.resolver.resolve_pending`).
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDF

from graphkit.graph import ENTITIES_GRAPH
from graphkit.merge.index import ENTITIES
from graphkit.merge.records import (
    TYPE_OF,
    Triple,
)
from graphkit.vocab import GK


def pending_articles(st: Any) -> list[URIRef]:
    """Articles marked as waiting for resolution, in order."""
    rows = st.quads_for_pattern(ENTITIES, ox.NamedNode(str(GK.pendingArticle)), None, ENTITIES)
    return sorted((URIRef(q.object.value) for q in rows), key=str)


def pending_triple(article: URIRef) -> Triple:
    """The mark saying an article waits for resolution."""
    return (ENTITIES_GRAPH, GK.pendingArticle, article)


def described(st: Any) -> dict[str, str]:
    """Entity IRI -> type name of every described entity (for reports)."""
    out: dict[str, str] = {}
    for q in st.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None, ENTITIES):
        kind = TYPE_OF.get(URIRef(q.object.value))  # type: ignore[call-overload]
        if kind:
            out[q.subject.value] = kind
    return out
