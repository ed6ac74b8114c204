"""Article files -> :class:`~graphkit.records.Article` records (no NLP).

graphkit reads plain text (``.txt``, ``.md``), web pages (``.html``, ``.htm``) and JSON
(``.jsonl`` with one article per line, ``.json`` with one article object or a list of them;
each object has ``text`` and optionally ``title``, ``date``, ``url``, ``id``).

* **Encoding.** See :func:`decode_text`: UTF-8, then Windows-1252 for Western text, then
  charset-normalizer. Line ends become ``\\n``.
* **Text.** ``Article.text`` is exactly the text whose character offsets evidence refers to.
  A header block at the very top (``title:``, ``date:``, ``url:`` lines or ``---`` front
  matter, see :func:`split_header`) is parsed and removed. For HTML it is the main text
  trafilatura extracts. Page furniture is removed too (see
  :mod:`graphkit.ingest.furniture`: bylines, navigation, "Read More"/"Related:" links, share
  and cookie lines, section names, photo credits, menus, a cut-off last fragment); a text
  without furniture is kept as it is.
* **Title.** The header's, the JSON field, the HTML page's, a ``Headline:`` label line's;
  else :func:`guess_title` (the longest short line before the first paragraph); else the
  file stem.
* **Dateline.** ``Article.dateline`` is where the article was filed, from its dateline
  ("TEHRAN, Iran (AP) —" gives ``"TEHRAN, Iran"``; a press release's "Washington, DC" line
  beside its date gives ``"Washington, DC"``), ``""`` when it has none. The dateline stays in
  the text; its names are no actors.
* **Date** (``YYYY-MM-DD``, ``""`` when unknown). The header, JSON field or HTML metadata;
  else :func:`find_date` near the top (``May 5, 2022``, ``2022-05-05``,
  ``BOGOTÁ, May 5 (Reuters) —``; a year-less dateline takes its year from the file's
  modification date).
* **Source.** ``Article.source`` is the path as given (``str(path)``, not resolved). An article
  of a JSONL file has the source ``"<path>#<line number>"`` (1-based, blank lines counted);
  an item of a JSON list ``"<path>#<item number>"`` (1-based). A JSON ``id`` becomes the
  article id (slugified); a record without an ``id`` whose text repeats an earlier record's
  is skipped (same text, same article).

* **Limits.** Only regular files are read (a device, FIFO or socket is refused before it is
  opened for reading, also through a symlink), and only up to ``max_bytes``
  (:data:`MAX_FILE_BYTES`, 64 MiB, by default; ``graphkit build --max-file-size MB`` or
  ``GRAPHKIT_MAX_FILE_MB``).

Every problem raises :class:`~graphkit.errors.InputError` with a one-line message that names
the file (and line) and says how to fix it, so a folder build can report and skip the file.
Given a ``skipped`` list, a bad record of a JSON Lines file (or item of a JSON list) is
reported there with its line (item) number and only that record is left out.

Examples:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Petro meets Trump\\n\\nMay 5, 2022\\n\\nPetro met Trump.\\n")
    >>> [art] = read_articles(folder / "a.txt")
    >>> art.title, art.date, art.text.splitlines()[-1]
    ('Petro meets Trump', '2022-05-05', 'Petro met Trump.')
    >>> [p.name for p in iter_article_files([folder])]
    ['a.txt']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest.dates import find_date, parse_date
from graphkit.ingest.furniture import Cleaned, strip_furniture
from graphkit.ingest.text import (
    ARTICLE_SUFFIXES,
    KINDS,
    decode_text,
    guess_title,
    normalize_newlines,
    split_header,
)
from graphkit.records import Article, slugify

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "decode_text",
    "find_date",
    "guess_title",
    "iter_article_files",
    "parse_date",
    "read_articles",
    "read_page",
    "read_text_file",
    "source_key",
    "split_header",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Default largest article file read (64 MiB); a larger file is refused with a message."""


def iter_article_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Yield the article files among ``paths``: files as given, folders searched recursively.

    Folders are walked in sorted order; hidden files and folders (a name starting with ".")
    and files whose extension is not in :data:`ARTICLE_SUFFIXES` are skipped. A file named
    explicitly is yielded whatever its extension. Each file is yielded once.

    Args:
        paths: files and folders, as given on the command line.

    Raises:
        InputError: a path does not exist, or a folder holds no article file.

    Examples:
        >>> list(iter_article_files([Path("no-such-folder")]))
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no such file or folder: no-such-folder; check the path
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            msg = f"no such file or folder: {path}; check the path"
            raise InputError(msg)
        found = list(_walk(path)) if path.is_dir() else [path]
        if not found:
            msg = f"folder {path} holds no article file ({KINDS}); check the path"
            raise InputError(msg)
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def read_articles(
    path: Path, *, max_bytes: int = MAX_FILE_BYTES, skipped: list[str] | None = None
) -> list[Article]:
    """Read the article(s) in one file: one for text and HTML, one per line of a JSONL file.

    Args:
        path: the file; ``Article.source`` keeps it as given. An extension other than
            :data:`ARTICLE_SUFFIXES` is read as plain text.
        max_bytes: refuse a file larger than this.
        skipped: when given, a bad record of a JSON Lines or JSON list file is described
            here (with its line or item number) and left out instead of failing the file.

    Returns:
        The articles, in file order.

    Raises:
        InputError: the file is missing, a folder, not a regular file, larger than
            ``max_bytes``, unreadable, empty, binary, or a JSON(L) record is malformed or has
            no ``text`` (without ``skipped``; with it, only when no record is good).

    Examples:
        >>> read_articles(Path("missing.txt"))
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no such file or folder: missing.txt; check the path
    """
    path = Path(path)
    data, mtime = _read_bytes(path, max_bytes=max_bytes)
    text = decode_text(data, name=str(path))
    if not text.strip():
        msg = f"{path} is empty; give a file with article text or leave it out"
        raise InputError(msg)
    reference = dt.date.fromtimestamp(mtime)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(path, text, reference=reference, skipped=skipped)
    if suffix == ".json":
        return _read_json(path, text, reference=reference, skipped=skipped)
    if suffix in (".html", ".htm"):
        return [_read_html(path, text, reference=reference)]
    return [_read_plain(path, text, reference=reference)]


def read_text_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The decoded text of a file (a URL list, say), with the checks of :func:`read_articles`.

    Examples:
        >>> read_text_file(Path("missing.csv"))
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no such file or folder: missing.csv; check the path
    """
    data, _ = _read_bytes(Path(path), max_bytes=max_bytes)
    return decode_text(data, name=str(path))


def read_page(
    body: str, *, url: str, content_type: str, fetched: str, reference: dt.date, site: str = ""
) -> Article:
    """The article in a fetched web page (HTML through trafilatura, or plain text).

    ``Article.source`` is the URL asked for; ``url`` may differ after redirects. ``fetched``
    is when the page was fetched (ISO 8601); ``reference`` dates year-less datelines.

    Examples:
        >>> art = read_page("Talks\\n\\nMay 5, 2022\\n\\nPetro met Trump.", url="http://x.org/a",
        ...                 content_type="text/plain", fetched="2022-05-06T10:00:00Z",
        ...                 reference=dt.date(2022, 5, 6))
        >>> art.source, art.title, art.date, art.fetched
        ('http://x.org/a', 'Talks', '2022-05-05', '2022-05-06T10:00:00Z')
    """
    text = normalize_newlines(body)
    if not text.strip():
        msg = f"{url}: the page is empty; check the URL"
        raise InputError(msg)
    as_path = Path(url)  # the URL's last segment names the article, as a file's stem does
    try:
        if content_type == "text/plain":
            article = _read_plain(as_path, text, reference=reference)
        else:
            article = _read_html(as_path, text, reference=reference)
            site = site or article.site
    except InputError as err:
        msg = str(err).replace(str(as_path), url, 1)
        raise InputError(msg) from err
    return dataclasses.replace(article, source=url, fetched=fetched, site=site)


def _read_bytes(path: Path, *, max_bytes: int) -> tuple[bytes, float]:
    """The file's bytes and modification time; only regular files, at most max_bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        msg = f"no such file or folder: {path}; check the path"
        raise InputError(msg) from None
    except OSError as err:
        msg = f"cannot read {path}: {err.strerror or err}; check the file's permissions"
        raise InputError(msg) from err
    if stat.S_ISDIR(info.st_mode):
        msg = f"{path} is a folder, not an article file; give the files in it (or use build)"
        raise InputError(msg)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: a FIFO swapped in after stat cannot hang us
    except OSError as err:
        msg = f"cannot read {path}: {err.strerror or err}; check the file's permissions"
        raise InputError(msg) from err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            msg = (
                f"{path} is not a regular file (a device, FIFO or socket); give article files only"
            )
            raise InputError(msg)
        if info.st_size > max_bytes:
            msg = (
                f"{path} is larger than the limit ({_mb(info.st_size)} > {_mb(max_bytes)}); split "
                "it or raise --max-file-size"
            )
            raise InputError(msg)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as err:
            msg = f"cannot read {path}: {err.strerror or err}; check the file"
            raise InputError(msg) from err
    if len(data) > max_bytes:  # the file grew while we read it
        msg = (
            f"{path} is larger than the limit ({_mb(max_bytes)}); split it or raise --max-file-size"
        )
        raise InputError(msg)
    return data, info.st_mtime


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _read_plain(path: Path, text: str, *, reference: dt.date) -> Article:
    meta, text = split_header(text)
    if not text.strip():
        msg = f"{path} has a header but no article text; add the text below the header"
        raise InputError(msg)
    page = strip_furniture(text)
    text = page.text
    is_md = path.suffix.lower() == ".md"
    title = meta.get("title") or page.title or guess_title(text, markdown=is_md) or path.stem
    date = parse_date(meta.get("date", ""), reference=reference)
    date = date or find_date(text, reference=reference)
    article = Article.from_text(
        text, source=str(path), title=title, date=date, url=meta.get("url", "")
    )
    return _with_dateline(article, page)


def _with_dateline(article: Article, page: Cleaned) -> Article:
    return dataclasses.replace(article, dateline=page.dateline) if page.dateline else article


def _read_html(path: Path, text: str, *, reference: dt.date) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = normalize_newlines(getattr(doc, "text", None) or "")
    if not body.strip():
        msg = f"{path}: no article text found in the HTML page; save the article as .txt instead"
        raise InputError(msg)
    page = strip_furniture(body)
    body = page.text
    title = getattr(doc, "title", None) or page.title or guess_title(body) or path.stem
    date = parse_date(getattr(doc, "date", None) or "", reference=reference)
    date = date or find_date(body, reference=reference)
    url = getattr(doc, "url", None) or ""
    article = Article.from_text(body, source=str(path), title=title, date=date, url=url)
    article = _with_dateline(article, page)
    site = getattr(doc, "sitename", None) or ""
    return dataclasses.replace(article, site=site) if site else article


def _read_jsonl(
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


def _read_json(
    path: Path, text: str, *, reference: dt.date, skipped: list[str] | None
) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        msg = f"{path} is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}); fix the file"
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
    article = _with_dateline(
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
        msg = f"{where} repeats the article id {article.id!r} of {earlier.source}; give each article its own id"
        raise InputError(msg)


def source_key(source: str) -> str:
    """What identifies an article read from a file: its resolved real path ('' for others).

    Any spelling of the same file ("articles/a.txt", "/abs/articles/a.txt", a symlink) gives
    the same key, so an edited article replaces its old version. Articles from JSON Lines or
    stdin have no key: their content hash identifies them.

    Examples:
        >>> source_key("") , source_key("no/such/file.txt")
        ('', '')
    """
    if not source or "#" in source:
        return ""
    try:
        path = Path(source)
        return str(path.resolve()) if path.is_file() else ""
    except OSError:
        return ""
