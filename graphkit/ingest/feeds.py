"""Where URLs come from: RSS/Atom feeds and URL list files (plain lists, CSV, GDELT exports).

Feeds are parsed with defusedxml (entity declarations and external references are refused,
so a feed cannot expand entities or read local files). No network access here.

Examples:
    >>> rss = b'''<rss version="2.0"><channel><title>News</title>
    ... <item><title>Talks</title><link>/a/1.html</link></item>
    ... <item><link>https://news.example/a/2.html</link></item></channel></rss>'''
    >>> [item.url for item in parse_feed(rss, base_url="https://news.example/feed.xml")]
    ['https://news.example/a/1.html', 'https://news.example/a/2.html']
    >>> read_url_list("# picked by hand\\nhttps://a.example/x\\n\\nhttps://b.example/y\\n")[0]
    ['https://a.example/x', 'https://b.example/y']
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

from graphkit.errors import InputError

__all__ = ["FeedItem", "parse_feed", "read_url_list"]

URL_COLUMNS = ("url", "sourceurl", "documentidentifier", "link")
"""Column names (any case) read as the URL column of a CSV: GDELT's events export calls it
SOURCEURL, its GKG DocumentIdentifier."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the article's URL and what the feed says about it."""

    url: str
    title: str = ""
    date: str = ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(node: Element, name: str) -> str:
    for child in node:
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return ""


def parse_feed(data: bytes, *, base_url: str) -> list[FeedItem]:
    """The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order, each URL once.

    Relative links are resolved against ``base_url``; items without an http(s) link are left
    out.

    Raises:
        InputError: the bytes are not XML, declare entities, or are neither RSS nor Atom.

    Examples:
        >>> atom = b'''<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
        ... <link rel="alternate" href="https://n.example/t"/><updated>2025-01-27</updated>
        ... </entry></feed>'''
        >>> parse_feed(atom, base_url="https://n.example/atom")
        [FeedItem(url='https://n.example/t', title='T', date='2025-01-27')]
        >>> bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>'
        >>> parse_feed(bomb, base_url="http://x/")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: http://x/ is not a usable feed (it declares XML entities, ...
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except DefusedXmlException as err:
        msg = (
            f"{base_url} is not a usable feed (it declares XML entities, which graphkit refuses); "
            "give an RSS or Atom feed"
        )
        raise InputError(msg) from err
    except ParseError as err:
        msg = f"{base_url} is not an RSS or Atom feed (XML error: {err}); check the feed URL"
        raise InputError(msg) from err
    kind = _local(root.tag)
    if kind not in ("rss", "feed", "rdf"):
        msg = (
            f"{base_url} is not an RSS or Atom feed (its root element is <{kind}>); check the feed "
            "URL"
        )
        raise InputError(msg)
    items: list[FeedItem] = []
    seen: set[str] = set()
    for node in root.iter():
        name = _local(node.tag)
        if name not in ("item", "entry"):
            continue
        link = _atom_link(node) if name == "entry" else _child_text(node, "link")
        link = link or _child_text(node, "guid")
        url = urljoin(base_url, link) if link else ""
        if urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        date = next(
            (
                _child_text(node, key)
                for key in ("pubdate", "published", "updated", "date")
                if _child_text(node, key)
            ),
            "",
        )
        items.append(FeedItem(url, _child_text(node, "title"), date))
    return items


def _atom_link(entry: Element) -> str:
    links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href", "")
    return links[0].get("href", "") if links else ""


def read_url_list(text: str, *, name: str = "<urls>") -> tuple[list[str], list[str]]:
    """The URLs of a URL list file, and a message per line that is not a URL.

    A plain list has one URL a line (blank lines and ``#`` comments are ignored). A CSV or
    TSV file with a header names its URL column ``url`` (or GDELT's ``SOURCEURL`` or
    ``DocumentIdentifier``); a GDELT events export without a header has the URL as the
    last tab-separated field. Each URL is kept once, in file order.

    Raises:
        InputError: the file holds no URL at all.

    Examples:
        >>> csv_text = "id,url,tone\\n1,https://a.example/x,2.5\\n2,not-a-url,0\\n"
        >>> read_url_list(csv_text, name="g.csv")
        (['https://a.example/x'], ['g.csv line 3: not an http(s) URL: not-a-url'])
        >>> read_url_list("1\\t20250127\\thttps://a.example/x\\n")[0]
        ['https://a.example/x']
    """
    lines = text.splitlines()
    first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    column, delimiter = _url_column(first)
    urls: list[str] = []
    problems: list[str] = []
    rows: list[tuple[int, str]]
    if column is not None:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        next(reader, None)
        rows = [
            (reader.line_num, row[column].strip() if column < len(row) else "")
            for row in reader
            if any(cell.strip() for cell in row)
        ]
    else:
        rows = []
        for number, line in enumerate(lines, start=1):
            cell = line.strip()
            if not cell or cell.startswith("#"):
                continue
            if "\t" in cell:
                cell = cell.rsplit("\t", 1)[-1].strip()  # GDELT events export: SOURCEURL last
            rows.append((number, cell))
    for number, cell in rows:
        if urlsplit(cell).scheme in ("http", "https") and urlsplit(cell).netloc:
            if cell not in urls:
                urls.append(cell)
        else:
            problems.append(f"{name} line {number}: not an http(s) URL: {cell[:80] or '(empty)'}")
    if not urls:
        msg = f"{name} holds no http(s) URL; write one URL a line, or a CSV with a url column"
        raise InputError(msg)
    return urls, problems


def _url_column(header: str) -> tuple[int | None, str]:
    for delimiter in (",", "\t", ";"):
        if delimiter not in header:
            continue
        row = next(csv.reader([header], delimiter=delimiter))
        cells = [c.strip().strip('"').lower() for c in row]
        for name in URL_COLUMNS:
            if name in cells:
                return cells.index(name), delimiter
    return None, ","
