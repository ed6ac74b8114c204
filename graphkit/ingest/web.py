"""URLs and feeds -> :class:`~graphkit.records.Article` records, one failure per URL.

Feeds are read first (each revalidated with the server), their items join the URLs given,
and each URL is fetched once (see :mod:`graphkit.ingest.fetch`) and read as a page
(:func:`graphkit.ingest.read_page`). A URL that fails is described in the problems and left
out; the rest is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from graphkit.errors import FetchError, InputError
from graphkit.ingest import read_page
from graphkit.ingest.feeds import parse_feed
from graphkit.ingest.fetch import Fetcher, Page, http_date
from graphkit.ingest.text import decode_text
from graphkit.records import Article

__all__ = ["read_web"]


def read_web(
    urls: Sequence[str], *, feeds: Sequence[str] = (), fetcher: Fetcher
) -> tuple[list[Article], list[str]]:
    """Fetch and read the articles at ``urls`` and in ``feeds``.

    Returns:
        The articles (in order: feed items, then the URLs given) and one message per URL or
        feed that could not be used.
    """
    problems: list[str] = []
    todo: list[str] = []
    for feed in feeds:
        try:
            page = fetcher.get(feed, feed=True)
            items = parse_feed(page.body, base_url=page.final_url)
        except InputError as err:
            problems.append(str(err))
            continue
        if not items:
            problems.append(f"{feed}: the feed lists no article links; check the feed URL")
        todo.extend(item.url for item in items)
    todo.extend(urls)
    articles: list[Article] = []
    seen: set[str] = set()
    for url in dict.fromkeys(todo):
        try:
            article = page_article(fetcher.get(url))
        except InputError as err:
            problems.append(str(err) if str(err).startswith(url) else f"{url}: {err}")
            continue
        if article.id not in seen:
            seen.add(article.id)
            articles.append(article)
    return articles, problems


def page_article(page: Page) -> Article:
    """Read a fetched page as an article; its source is the URL asked for."""
    if page.content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        msg = (
            f"{page.url}: a {page.content_type} document is not an article page; give page URLs or "
            "use --feed"
        )
        raise FetchError(msg)
    text = page.text if page.charset else decode_text(page.body, name=page.url)
    fetched_day = dt.date.fromisoformat(page.fetched[:10]) if page.fetched else dt.date.today()
    reference = http_date(page.last_modified) or fetched_day
    return read_page(
        text,
        url=page.url,
        content_type=page.content_type,
        fetched=page.fetched,
        reference=reference,
    )
