"""Event data for the tools of the event-data world: PLOVER-style records and dyad tables.

* :func:`plover_records`: one record per asserted event relation of one article (the
  relation triple in the article's graph), with the PLOVER category, the graphkit relation as
  its mode, actor and recipient with their country (ISO 3166 alpha-3) and type, the
  cooperation/conflict score, the quad class, the confidence and the source sentence. Every
  record is checked against ``ontology/plover-event.schema.json``. The field mapping against
  PLOVER is documented in ``ontology/plover-export.md``.
* :func:`dyad_rows`: the records summed per (period, source country, target country): a
  count per PLOVER category, the summed score, the events and the distinct articles, the
  shape ICEWS and GDELT users aggregate to.
* :func:`export_events`: either one, written atomically to a file (JSON Lines or CSV).

The store is read with SPARQL: what each article reports, by its asserted evidence (a
store keeps each relation triple once, in its relations graph; a file's article graphs also
hold their relation triples; derived graphs, such as entailments, left out), entity labels,
types and codes from the union of all graphs, so it does not matter which graph describes an
entity.

Examples:
    >>> from graphkit.analyze.examples import example_dataset
    >>> records = plover_records(example_dataset())
    >>> [(r["event_type"], r["mode"], r["actor_country"]) for r in records]
    [('ACCUSE', 'criticized', 'USA'), ('CONSULT', 'metWith', 'COL'), ('CONSULT', 'metWith', 'COL')]
    >>> records[0]["event_date"], records[0]["date_source"]
    ('2025-01-26', 'article')
    >>> [(r["date"], r["source_country"], r["CONSULT"], r["score"])
    ...  for r in dyad_rows(records, by="month")]
    [('2025-01', 'COL', 1, 2.5), ('2025-01', 'USA', 0, -2.0), ('2025-02', 'COL', 1, 2.5)]
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from graphkit.analyze.projections import ENTITY_CLASSES, ROLLUP_RELATIONS
from graphkit.errors import ExportError, InputError
from graphkit.store.formats import atomic_path
from graphkit.store.terms import INFERRED_SUFFIX, ONTOLOGY_GRAPH
from graphkit.vocab import (
    GK_IRI,
    ID_BASE,
    ONTOLOGY_DIR,
    PLOVER_CATEGORIES,
    local_name,
    relation,
    relations,
)

SCHEMA_PATH = ONTOLOGY_DIR / "plover-event.schema.json"
EXPORT_FORMATS = ("plover", "dyads")
PERIODS = ("day", "month")
QUAD_CODES = {
    "verbal-cooperation": 1,
    "material-cooperation": 2,
    "verbal-conflict": 3,
    "material-conflict": 4,
}
"""PLOVER/ICEWS quad classes and their customary numbers."""
DYAD_COLUMNS = (
    "date", "source_country", "target_country", *PLOVER_CATEGORIES, "events", "score", "articles",
)  # fmt: skip

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


def dyad_rows(records: Sequence[dict[str, Any]], *, by: str = "day") -> list[dict[str, Any]]:
    """Sum PLOVER records per (period, source country, target country).

    Each row has ``date`` (``YYYY-MM-DD`` by day, ``YYYY-MM`` by month), the two ISO3 codes,
    one count per PLOVER category, ``events`` (their total), ``score`` (the summed
    cooperation/conflict score) and ``articles`` (distinct articles). A reciprocal event
    (a meeting, an agreement) is counted once, with the two countries in alphabetical order.
    Records without both countries, or without a date as precise as ``by``, are left out.

    Raises:
        InputError: ``by`` is neither "day" nor "month".
    """
    if by not in PERIODS:
        msg = f"cannot sum dyads by {by!r}; by must be one of {', '.join(PERIODS)}"
        raise InputError(msg)
    width = 10 if by == "day" else 7
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    articles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in records:
        a, b, date = r["actor_country"], r["recipient_country"], r["event_date"] or ""
        if not (a and b) or len(date) < width:
            continue
        if r["reciprocal"] and b < a:
            a, b = b, a
        key = (date[:width], a, b)
        row = cells.get(key)
        if row is None:
            row = {"date": key[0], "source_country": a, "target_country": b}
            row.update(dict.fromkeys(PLOVER_CATEGORIES, 0))
            row.update(events=0, score=0.0, articles=0)
            cells[key] = row
        row[r["event_type"]] += 1
        row["events"] += 1
        row["score"] = round(row["score"] + r["score"], 3)
        articles[key].add(r["article_id"])
    for key, row in cells.items():
        row["articles"] = len(articles[key])
    return [cells[key] for key in sorted(cells)]


def export_events(source: Any, path: Path, *, fmt: str, by: str = "day") -> int:
    """Write event data to ``path`` atomically; returns the number of rows written.

    Args:
        source: a Store, a Dataset or an Oxigraph store.
        path: the output file (JSON Lines for ``plover``, CSV for ``dyads``).
        fmt: ``"plover"`` (one record per event) or ``"dyads"`` (country-dyad table).
        by: the dyad table's period, ``"day"`` or ``"month"``.

    Raises:
        InputError: an unknown format or period, or ``path`` is a folder.

    Examples:
        >>> import tempfile
        >>> from graphkit.analyze.examples import example_dataset
        >>> out = Path(tempfile.mkdtemp()) / "dyads.csv"
        >>> export_events(example_dataset(), out, fmt="dyads", by="month")
        3
        >>> out.read_text(encoding="utf-8").splitlines()[0][:40]
        'date,source_country,target_country,AGREE'
    """
    if fmt not in EXPORT_FORMATS:
        msg = f"unknown export format {fmt!r}; format must be one of {', '.join(EXPORT_FORMATS)}"
        raise InputError(msg)
    if by not in PERIODS:
        msg = f"cannot sum dyads by {by!r}; by must be one of {', '.join(PERIODS)}"
        raise InputError(msg)
    if Path(path).is_dir():
        suffix = "jsonl" if fmt == "plover" else "csv"
        msg = f"cannot write to '{path}': it is a folder; give a file name such as events.{suffix}"
        raise InputError(msg)
    records = plover_records(source)
    with atomic_path(Path(path)) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        if fmt == "plover":
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return len(records)
        rows = dyad_rows(records, by=by)
        writer = csv.DictWriter(out, fieldnames=DYAD_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        return len(rows)
