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
    >>> page = "Petro meets Trump\\n\\nMay 5, 2022\\n\\nPetro met Trump.\\n"
    >>> _ = (folder / "a.txt").write_text(page)
    >>> [art] = read_articles(folder / "a.txt")
    >>> art.title, art.date, art.text.splitlines()[-1]
    ('Petro meets Trump', '2022-05-05', 'Petro met Trump.')
    >>> [p.name for p in iter_article_files([folder])]
    ['a.txt']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from graphkit.errors import InputError
from graphkit.ingest.dates import find_date, parse_date
from graphkit.ingest.files import (
    MAX_FILE_BYTES,
    iter_article_files,
    read_bytes,
    read_text_file,
    source_key,
)
from graphkit.ingest.furniture import strip_furniture, with_dateline
from graphkit.ingest.jsonfiles import read_json, read_jsonl
from graphkit.ingest.text import (
    ARTICLE_SUFFIXES,
    decode_text,
    guess_title,
    normalize_newlines,
    split_header,
)
from graphkit.records import Article

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
    data, mtime = read_bytes(path, max_bytes=max_bytes)
    text = decode_text(data, name=str(path))
    if not text.strip():
        msg = f"{path} is empty; give a file with article text or leave it out"
        raise InputError(msg)
    reference = dt.date.fromtimestamp(mtime)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return read_jsonl(path, text, reference=reference, skipped=skipped)
    if suffix == ".json":
        return read_json(path, text, reference=reference, skipped=skipped)
    if suffix in (".html", ".htm"):
        return [_read_html(path, text, reference=reference)]
    return [_read_plain(path, text, reference=reference)]


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
    return with_dateline(article, page)


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
    article = with_dateline(article, page)
    site = getattr(doc, "sitename", None) or ""
    return dataclasses.replace(article, site=site) if site else article
