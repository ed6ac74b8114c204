"""PLOVER-style event records read from a store or a Dataset, checked against their schema.

:func:`plover_records` gives one record per asserted event relation of one article;
:func:`check_records` checks records against ``ontology/plover-event.schema.json``. The
field mapping against PLOVER is documented in ``ontology/plover-export.md``;
:mod:`graphkit.analyze.eventdata` re-exports both and sums records into dyad tables.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> [(r["actor_name"], r["recipient_country"]) for r in plover_records(example_dataset())][:1]
    [('United States', 'COL')]
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from graphkit.analyze.projections import ENTITY_CLASSES, ROLLUP_RELATIONS
from graphkit.errors import ExportError
from graphkit.store.terms import INFERRED_SUFFIX, ONTOLOGY_GRAPH
from graphkit.vocab import (
    GK_IRI,
    ID_BASE,
    ONTOLOGY_DIR,
    local_name,
    relation,
    relations,
)

SCHEMA_PATH = ONTOLOGY_DIR / "plover-event.schema.json"
QUAD_CODES = {
    "verbal-cooperation": 1,
    "material-cooperation": 2,
    "verbal-conflict": 3,
    "material-conflict": 4,
}
"""PLOVER/ICEWS quad classes and their customary numbers."""

_ASSERTED_GRAPHS = f'!STRENDS(STR(?g), "{INFERRED_SUFFIX}") && STR(?g) != "{ONTOLOGY_GRAPH}"'

_ARTICLE_GRAPHS = f'STRSTARTS(STR(?g), "{ID_BASE}article/") && {_ASSERTED_GRAPHS}'

# An article reports a relation by its asserted evidence (a store keeps the relation triple
# itself once, in its relations graph); a relation triple in an article graph without
# evidence (hand-written files) counts for that article too.
_REPORTED = """
  {
    GRAPH ?g {
      ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
      OPTIONAL { ?ev gk:modality ?m }%(details)s
    }
    FILTER(!BOUND(?m) || STR(?m) = "asserted")
  } UNION {
    GRAPH ?g { ?s ?p ?o } FILTER(%(articles)s)
  }
  FILTER(%(asserted)s)"""

_DETAILS = """
      OPTIONAL { ?ev gk:sentence ?sentence }
      OPTIONAL { ?ev gk:cue ?cue }
      OPTIONAL { ?ev gk:confidence ?confidence }
      OPTIONAL { ?ev gk:eventDate ?eventDate }"""

_EVENTS_QUERY = (
    """
SELECT ?g ?s ?p ?o ?ev ?sentence ?cue ?confidence ?eventDate WHERE {
  VALUES ?p { %(relations)s }"""
    + _REPORTED % {"details": _DETAILS, "articles": _ARTICLE_GRAPHS, "asserted": "%(asserted)s"}
    + """
}
"""
)

_ENTITIES_QUERY = """
SELECT DISTINCT ?e ?type ?label ?iso3 ?code WHERE {
  VALUES ?type { %(classes)s }
  ?e a ?type .
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e gk:iso3 ?iso3 }
  OPTIONAL { ?e gk:countryCode ?code }
}
"""

_ROLLUP_QUERY = (
    """
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  VALUES ?p { %(relations)s }"""
    + _REPORTED % {"details": "", "articles": _ARTICLE_GRAPHS, "asserted": "%(asserted)s"}
    + """
  ?o a gk:Country ; gk:iso3 ?iso3 .
}
GROUP BY ?s ?p ?o
"""
)

_ARTICLES_QUERY = """
SELECT DISTINCT ?a ?date ?source ?url ?title WHERE {
  ?a a gk:Article .
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:source ?source }
  OPTIONAL { ?a prov:hadPrimarySource ?url }
  OPTIONAL { ?a dcterms:title ?title }
}
"""


def _iris(names: Iterable[str]) -> str:
    return " ".join(f"<{GK_IRI}{name}>" for name in names)


def _value(term: Any) -> str:
    return "" if term is None else str(term.value)


def _entities(store: Any) -> dict[str, dict[str, str]]:
    """IRI -> name, type, own country code; an entity typed twice takes the first class."""
    from graphkit.query import run_query

    rank = {cls: i for i, cls in enumerate(ENTITY_CLASSES)}
    query = _ENTITIES_QUERY % {"classes": " ".join(f"<{c}>" for c in ENTITY_CLASSES)}
    found: dict[str, dict[str, Any]] = {}
    for e, cls, label, iso3, code in run_query(store, query, name="entities").rows:
        iri, cls_iri = _value(e), _value(cls)
        entry = found.setdefault(iri, {"rank": rank[cls_iri], "labels": set(), "codes": set()})
        entry["rank"] = min(entry["rank"], rank[cls_iri])
        if label is not None:
            entry["labels"].add(_value(label))
        if iso3 is not None or code is not None:
            entry["codes"].add(_value(iso3) if iso3 is not None else _value(code))
    classes = list(ENTITY_CLASSES.values())
    return {
        iri: {
            "name": min(entry["labels"], default="") or local_name(iri),
            "type": classes[entry["rank"]],
            "country": min(entry["codes"], default=""),
        }
        for iri, entry in found.items()
    }


def _home_countries(store: Any, entities: dict[str, dict[str, str]]) -> dict[str, str]:
    """IRI -> ISO3 of the country a person or organization leads, serves or belongs to.

    Same order as :func:`graphkit.analyze.projections.country_of`: leaderOf, then officialOf,
    then memberOf; among ties of one kind, the one more articles assert, then the first IRI.
    """
    from graphkit.query import run_query

    query = _ROLLUP_QUERY % {"relations": _iris(ROLLUP_RELATIONS), "asserted": _ASSERTED_GRAPHS}
    best: dict[str, tuple[int, int, str]] = {}
    for a, p, c, n in run_query(store, query, name="home countries").rows:
        member = _value(a)
        if entities.get(member, {}).get("type") not in ("Person", "Organization"):
            continue
        rank = (ROLLUP_RELATIONS.index(local_name(_value(p))), -int(_value(n)), _value(c))
        if member not in best or rank < best[member]:
            best[member] = rank
    return {member: entities.get(rank[2], {}).get("country", "") for member, rank in best.items()}


def _articles(store: Any) -> dict[str, dict[str, str]]:
    from graphkit.query import run_query

    found: dict[str, dict[str, str]] = {}
    for a, date, source, url, title in run_query(store, _ARTICLES_QUERY, name="articles").rows:
        entry = found.setdefault(_value(a), {})
        for key, term in (("date", date), ("source", source), ("url", url), ("title", title)):
            if term is not None and (key not in entry or _value(term) < entry[key]):
                entry[key] = _value(term)
    return found


def _best_evidence(rows: list[tuple[Any, ...]]) -> dict[str, str]:
    """The asserting evidence to quote: highest confidence, then dated, then first sentence."""
    candidates = [
        {
            "sentence": _value(sentence),
            "cue": _value(cue),
            "confidence": _value(confidence) or "1",
            "event_date": _value(event_date),
        }
        for ev, sentence, cue, confidence, event_date in rows
        if ev is not None
    ]
    if not candidates:
        return {"sentence": "", "cue": "", "confidence": "1", "event_date": ""}
    return min(
        candidates,
        key=lambda c: (-float(c["confidence"]), not c["event_date"], c["sentence"], c["cue"]),
    )


def _record_id(article: str, s: str, p: str, o: str) -> str:
    digest = hashlib.sha1("|".join((article, s, p, o)).encode("utf-8")).hexdigest()[:16]
    return f"{local_name(article)}-{digest}"


def plover_records(source: Any) -> list[dict[str, Any]]:
    """One PLOVER-style record per asserted event relation per article, sorted by date.

    A relation told twice by one article is one record (the most confident sentence is
    quoted); the same relation told by two articles is two records. Negated, hypothetical
    and reported events (evidence without a relation triple) make no record.

    Args:
        source: a Store, a Dataset (``--graph`` files) or an Oxigraph store.

    Returns:
        Plain dicts with the fields of ``ontology/plover-event.schema.json``, each checked
        against it.

    Raises:
        ExportError: a record does not conform to the schema (a bug; the message names the
            record and the field).
    """
    from graphkit.query import as_oxigraph, run_query

    store = as_oxigraph(source)
    events = [r.name for r in relations() if r.is_event]
    query = _EVENTS_QUERY % {"relations": _iris(events), "asserted": _ASSERTED_GRAPHS}
    grouped: dict[tuple[str, str, str, str], list[tuple[Any, ...]]] = defaultdict(list)
    for g, s, p, o, *evidence in run_query(store, query, name="events").rows:
        grouped[(_value(g), _value(s), _value(p), _value(o))].append(tuple(evidence))
    entities = _entities(store)
    homes = _home_countries(store, entities)
    articles = _articles(store)
    records = []
    for (g, s, p, o), rows in grouped.items():
        info = relation(local_name(p))
        actor, recipient = entities.get(s), entities.get(o)
        if actor is None or recipient is None:  # untyped ends: not an actor (as in the map)
            continue
        ev = _best_evidence(rows)
        art = articles.get(g, {})
        date = ev["event_date"] or art.get("date", "")
        records.append(
            {
                "id": _record_id(g, s, p, o),
                "event_date": date or None,
                "date_source": ("event" if ev["event_date"] else "article") if date else None,
                "event_type": info.plover,
                "mode": info.name,
                "quad_class": info.quad,
                "quad_code": QUAD_CODES[info.quad],
                "score": info.score,
                "reciprocal": info.symmetric,
                "confidence": float(ev["confidence"]),
                "actor_name": actor["name"],
                "actor_country": actor["country"] or homes.get(s) or None,
                "actor_type": actor["type"],
                "actor_iri": s,
                "recipient_name": recipient["name"],
                "recipient_country": recipient["country"] or homes.get(o) or None,
                "recipient_type": recipient["type"],
                "recipient_iri": o,
                "text": " ".join(ev["sentence"].split()),
                "event_text": ev["cue"],
                "article_id": g,
                "article_url": art.get("url"),
                "article_path": art.get("source"),
                "article_date": art.get("date"),
                "article_title": art.get("title"),
            }
        )
    records.sort(key=lambda r: (r["event_date"] or "", r["article_id"], r["mode"], r["id"]))
    check_records(records)
    return records


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def check_records(records: Iterable[dict[str, Any]]) -> None:
    """Check every record against ``ontology/plover-event.schema.json``.

    Raises:
        ExportError: the first record that does not conform, with the field and the reason.

    Examples:
        >>> check_records([{"id": "x"}])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graphkit.errors.ExportError: PLOVER record x does not fit ... 'event_date' is a required ...
    """
    validator = _validator()
    for record in records:
        error = next(iter(validator.iter_errors(record)), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "the record"
            msg = (
                f"PLOVER record {record.get('id', '?')} does not fit {SCHEMA_PATH.name} "
                f"at {where}: {error.message}; please report it with the article"
            )
            raise ExportError(msg)
