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
    >>> from graphkit.examples import example_dataset
    >>> records = plover_records(example_dataset())
    >>> [(r["event_type"], r["mode"], r["actor_country"]) for r in records[:2]]
    [('SANCTION', 'sanctioned', 'USA'), ('ACCUSE', 'criticized', 'USA')]
    >>> [(r["event_date"], r["date_source"]) for r in records[:2]]
    [('2025-10-24', 'event'), ('2025-11-03', 'article')]
    >>> [(r["date"], r["source_country"], r["target_country"], r["CONSULT"], r["score"])
    ...  for r in dyad_rows(records, by="month")]  # doctest: +NORMALIZE_WHITESPACE
    [('2025-10', 'USA', 'COL', 0, -5.0), ('2025-11', 'COL', 'USA', 2, 5.0),
     ('2025-11', 'COL', 'VEN', 1, 1.9), ('2025-11', 'USA', 'COL', 0, -2.0)]
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graphkit.analyze.plover import QUAD_CODES, SCHEMA_PATH, check_records, plover_records
from graphkit.errors import InputError
from graphkit.store.formats import atomic_path
from graphkit.vocab import PLOVER_CATEGORIES

EXPORT_FORMATS = ("plover", "dyads")
PERIODS = ("day", "month")
DYAD_COLUMNS = (
    "date", "source_country", "target_country", *PLOVER_CATEGORIES, "events", "score", "articles",
)  # fmt: skip


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
        >>> from graphkit.examples import example_dataset
        >>> out = Path(tempfile.mkdtemp()) / "dyads.csv"
        >>> export_events(example_dataset(), out, fmt="dyads", by="month")
        4
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


__all__ = [
    "DYAD_COLUMNS",
    "EXPORT_FORMATS",
    "PERIODS",
    "QUAD_CODES",
    "SCHEMA_PATH",
    "check_records",
    "dyad_rows",
    "export_events",
    "plover_records",
]
