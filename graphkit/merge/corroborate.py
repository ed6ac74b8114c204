"""Corroboration: how many articles report the same relation.

After resolution the same relation told by several articles is one triple with several
evidence nodes. :func:`corroboration` counts, for each asserted relation, the distinct
articles whose evidence asserts it; a symmetric relation (``gk:metWith``...) counts both
directions as one and is keyed with its two actors in IRI order. :func:`corroboration_by_day`
keeps events on different days apart: evidence with an event date counts for that day, and
undated evidence counts for every day of that relation (or for ``""`` when none is dated).

Examples:
    >>> from graphkit.graph import results_dataset
    >>> from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
    >>> trump, col = Entity("Person", "Donald Trump"), Entity("Country", "Colombia")
    >>> def article(name, date=""):
    ...     art = Article.from_text(name, source=name)
    ...     ev = Evidence(art.id, "Trump threatened Colombia.", 0, 26, "threatened", 0.9,
    ...                   event_date=date)
    ...     return ArticleResult(art, (trump, col), (Relation(trump, "threatened", col, ev),))
    >>> ds = results_dataset(
    ...     [article("a.txt", "2025-01-26"), article("b.txt"), article("c.txt", "2025-10-01")])
    >>> list(corroboration(ds).values())
    [3]
    >>> sorted(corroboration_by_day(ds).values())
    [2, 2]
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from graphkit.vocab import GK, local_name, relation, relation_names

Key = tuple[Node, Node, Node]


def _symmetric() -> frozenset[str]:
    return frozenset(n for n in relation_names() if relation(n).symmetric)


def _key(s: Node, p: Node, o: Node, symmetric: frozenset[str]) -> Key:
    if local_name(str(p)) in symmetric and str(p).startswith(str(GK._NS)) and str(o) < str(s):
        return (o, p, s)
    return (s, p, o)


def _asserted(ds: Graph) -> dict[Key, dict[Node, set[str]]]:
    """(s, p, o) -> article -> event dates ("" for undated) of its asserted evidence."""
    symmetric = _symmetric()
    found: dict[Key, dict[Node, set[str]]] = defaultdict(lambda: defaultdict(set))
    for ev in set(ds.subjects(RDF.type, GK.Evidence)):
        modality = ds.value(ev, GK.modality)
        if modality is not None and str(modality) != "asserted":
            continue
        s, p, o = ds.value(ev, RDF.subject), ds.value(ev, RDF.predicate), ds.value(ev, RDF.object)
        article = ds.value(ev, GK.article)
        if s is None or p is None or o is None or article is None:
            continue
        date = ds.value(ev, GK.eventDate)
        found[_key(s, p, o, symmetric)][article].add(str(date) if date is not None else "")
    return found


def corroboration(ds: Graph) -> dict[Key, int]:
    """(subject, predicate, object) -> number of distinct articles asserting it.

    Args:
        ds: a Dataset with ``default_union=True`` (or any graph holding the evidence nodes).
    """
    return {key: len(articles) for key, articles in sorted(_asserted(ds).items())}


def corroboration_by_day(ds: Graph) -> dict[tuple[Node, Node, Node, str], int]:
    """(subject, predicate, object, event date) -> distinct articles reporting that event.

    Undated evidence agrees with any day; a relation with no dated evidence is keyed ``""``.
    """
    out: dict[tuple[Node, Node, Node, str], int] = {}
    for (s, p, o), articles in sorted(_asserted(ds).items()):
        days = sorted({d for dates in articles.values() for d in dates if d})
        for day in days or [""]:
            out[(s, p, o, day)] = sum(
                1 for dates in articles.values() if day in dates or "" in dates
            )
    return out
