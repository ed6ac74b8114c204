"""JSON Lines and JSON files -> articles: one per line, one per object or list item.

Each object has ``text`` and optionally ``title``, ``date``, ``url``, ``id``. An article of a
JSON Lines file has the source ``"<path>#<line number>"`` (1-based, blank lines counted); an
item of a JSON list ``"<path>#<item number>"`` (1-based). A JSON ``id`` becomes the article
id (slugified); a record without an ``id`` whose text repeats an earlier record's is skipped.
Given a ``skipped`` list, a bad record is described there and only it is left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest.dates import find_date, parse_date
from graphkit.ingest.furniture import strip_furniture, with_dateline
from graphkit.ingest.text import guess_title, normalize_newlines
from graphkit.records import Article, slugify

__all__ = ["read_json", "read_jsonl"]


def read_jsonl(
    path: Path, text: str, *, reference: dt.date, skipped: list[str] | None
) -> list[Article]:
    lines = (
        (number, f"{path} line {number}", line)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    )
    return _read_records(path, lines, _json_line, reference=reference, skipped=skipped)


def _json_line(line: Any, where: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        msg = (
            f"{where} is not valid JSON ({err.msg} at column {err.colno}); write one JSON "
            "object per line"
        )
        raise InputError(msg) from err


def _as_is(record: Any, where: str) -> Any:
    return record


def _read_records(
    path: Path,
    entries: Iterable[tuple[int, str, Any]],
    parse: Callable[[Any, str], Any],
    *,
    reference: dt.date,
    skipped: list[str] | None,
) -> list[Article]:
    """Articles of numbered entries (JSON Lines lines, JSON list items) read by ``parse``;
    with ``skipped``, a bad entry is described there and left out."""
    seen: dict[str, Article] = {}
    bad = 0
    for number, where, raw in entries:
        try:
            record = parse(raw, where)
            article = _from_record(
                record, where=where, source=f"{path}#{number}", reference=reference
            )
            _add_unique(article, seen, where=where, explicit=_has_id(record))
        except InputError as err:
            if skipped is None:
                raise
            skipped.append(str(err))
            bad += 1
    return _kept(path, seen, bad)


def _kept(path: Path, seen: dict[str, Article], bad: int) -> list[Article]:
    if bad and not seen:
        msg = f"{path}: none of its {bad} record(s) is usable (see above); fix the file"
        raise InputError(msg)
    return list(seen.values())


def read_json(
    path: Path, text: str, *, reference: dt.date, skipped: list[str] | None
) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        msg = (
            f"{path} is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}); "
            "fix the file"
        )
        raise InputError(msg) from err
    if isinstance(data, dict):
        return [_from_record(data, where=str(path), source=str(path), reference=reference)]
    if not isinstance(data, list) or not data:
        msg = f'{path} holds no article; give an object with "text" or a list of such objects'
        raise InputError(msg)
    items = ((number, f"{path} item {number}", record) for number, record in enumerate(data, 1))
    return _read_records(path, items, _as_is, reference=reference, skipped=skipped)


def _from_record(record: object, *, where: str, source: str, reference: dt.date) -> Article:
    if not isinstance(record, dict):
        msg = (
            f'{where} is not a JSON object; write objects such as {{"text": "...", "title": "..."}}'
        )
        raise InputError(msg)
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        msg = f'{where} has no "text" field with the article text; add it or remove the record'
        raise InputError(msg)
    page = strip_furniture(normalize_newlines(body))
    body = page.text
    title, date, url, given_id = (_field(record, key) for key in ("title", "date", "url", "id"))
    date = parse_date(date, reference=reference) or find_date(body, reference=reference)
    title = title or page.title or guess_title(body)
    article = with_dateline(
        Article.from_text(body, source=source, title=title, date=date, url=url), page
    )
    if given_id:
        article = dataclasses.replace(article, id=slugify(given_id))
    return article


def _field(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value).strip()


def _has_id(record: object) -> bool:
    return isinstance(record, dict) and bool(_field(record, "id"))


def _add_unique(article: Article, seen: dict[str, Article], *, where: str, explicit: bool) -> None:
    """Keep ``article`` unless an earlier record has the same text; refuse a repeated given id."""
    earlier = seen.get(article.id)
    if earlier is None:
        seen[article.id] = article
    elif explicit or earlier.hash != article.hash:
        msg = (
            f"{where} repeats the article id {article.id!r} of {earlier.source}; give each "
            "article its own id"
        )
        raise InputError(msg)
