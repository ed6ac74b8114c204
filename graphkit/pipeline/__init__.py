"""The one orchestrator: ingest -> nlp -> extract/resolve -> graph -> merge -> store.

Examples:
    >>> result = extract_text("Colombia extradited Dairo Antonio Úsuga to the United States.")
    >>> [(r.subject.name, r.predicate, r.object.name) for r in result.relations]
    [('Colombia', 'extradited', 'Dairo Antonio Úsuga')]
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Dataset

from graphkit.config import Settings
from graphkit.errors import GraphkitError, InputError
from graphkit.extract import extract_doc
from graphkit.graph import add_result, article_dataset, new_dataset
from graphkit.ingest import MAX_FILE_BYTES, iter_article_files, read_articles, source_key
from graphkit.ingest.fetch import FetchOptions
from graphkit.lexicon import load_lexicon
from graphkit.nlp import load_nlp, parse_texts
from graphkit.pipeline.building import (
    BuildReport,
    Made,
    StoreSnapshot,
    article_files,
    content_hash_of,
    graphs_on_dask,
    input_count,
    open_for_build,
    with_real_source,
)
from graphkit.records import Article, ArticleResult
from graphkit.vocab import article_iri

T = TypeVar("T")
PARALLEL_THRESHOLD = 200
"""Articles from which extraction runs in several processes (below it, one is faster)."""


def _check(result: object, article: Article) -> ArticleResult:
    """Fail loudly when a stage hands over the wrong thing (as spaCy's Language.__call__ does)."""
    if not isinstance(result, ArticleResult) or result.article.id != article.id:
        msg = (
            f"extraction returned {type(result).__name__} for article "
            f"{article.source or article.id}; expected its ArticleResult"
        )
        raise GraphkitError(msg)
    return result


def extract_articles(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    problems: list[str] | None = None,
) -> Iterator[ArticleResult]:
    """Run spaCy (batched with nlp.pipe) and the extractor over articles, in order.

    Articles are read from the iterable as they are needed. From ``PARALLEL_THRESHOLD``
    articles on, ``settings.n_process`` processes parse and extract side by side
    (:mod:`graphkit.scale.local`), a bounded window of articles ahead. With ``problems``,
    an article whose extraction fails is reported there and skipped.
    """
    settings = settings or Settings()
    stream = iter(articles)
    head = list(islice(stream, PARALLEL_THRESHOLD))
    if not head:
        return  # nothing to read: do not load the model
    if settings.n_process > 1 and len(head) >= PARALLEL_THRESHOLD:
        from graphkit.scale.local import parallel_results

        yield from parallel_results(
            chain(head, stream), settings=settings, n_process=settings.n_process, problems=problems
        )
        return
    nlp = load_nlp(settings.model, settings.lexicon_dir)
    lex = load_lexicon(settings.lexicon_dir)
    waiting: deque[Article] = deque()  # the articles nlp.pipe has read ahead

    def texts() -> Iterator[str]:
        for article in chain(head, stream):
            waiting.append(article)
            yield article.text

    for doc in parse_texts(nlp, texts(), batch_size=settings.batch_size):
        article = waiting.popleft()
        try:
            found = extract_doc(doc, article, min_confidence=settings.min_confidence, lex=lex)
            result = _check(found, article)
        except Exception as err:
            if problems is None:
                raise
            where = article.source or article.id
            problems.append(
                f"{where}: extraction failed ({type(err).__name__}: {err}); the article was skipped"
            )
            continue
        yield result


def extract_text(text: str, *, source: str = "", settings: Settings | None = None) -> ArticleResult:
    """Extract relations from one text (handy in notebooks and tests)."""
    article = Article.from_text(text, source=source)
    return next(extract_articles([article], settings=settings))


def _progress(items: Sequence[T], enabled: bool, desc: str, unit: str = "file") -> Iterable[T]:
    if not enabled or len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit=unit, leave=False)


def _extract_with_progress(
    articles: list[Article], *, settings: Settings | None, progress: bool
) -> Iterator[ArticleResult]:
    results = extract_articles(articles, settings=settings)
    if not progress or len(articles) < 2 or not sys.stderr.isatty():
        yield from results
        return
    from tqdm import tqdm

    yield from tqdm(results, total=len(articles), desc="extracting", unit="article", leave=False)


def collect_articles(
    paths: Sequence[Path],
    *,
    progress: bool = False,
    skip_bad: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
) -> tuple[list[Article], list[str]]:
    """Read every article under the paths; with skip_bad, bad files (and bad records of a
    JSON Lines file) are reported and skipped; the rest is read."""
    files = list(iter_article_files(paths))
    if not files:
        msg = (
            f"no article files under {', '.join(map(str, paths))}; "
            "give .txt, .html, .md or .jsonl files or folders holding them"
        )
        raise InputError(msg)
    articles: list[Article] = []
    problems: list[str] = []
    for path in _progress(files, progress, "reading"):
        try:
            articles.extend(
                read_articles(path, max_bytes=max_bytes, skipped=problems if skip_bad else None)
            )
        except InputError as err:
            if not skip_bad:
                raise
            problems.append(str(err))
    return articles, problems


def extract_files(
    paths: Sequence[Path],
    *,
    settings: Settings | None = None,
    progress: bool = False,
    skipped: list[str] | None = None,
) -> Dataset:
    """RDF (one named graph per article) for the given article files.

    Without ``skipped`` the first bad file raises :class:`InputError`; with it, bad files
    and records are described there and left out.
    """
    settings = settings or Settings()
    articles, problems = collect_articles(
        paths, progress=progress, skip_bad=skipped is not None, max_bytes=settings.max_file_bytes
    )
    if skipped is not None:
        if problems and not articles:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            msg = f"{problems[0]}{more}; no article could be read"
            raise InputError(msg)
        skipped.extend(problems)
    ds = new_dataset()
    for result in _extract_with_progress(articles, settings=settings, progress=progress):
        add_result(ds, result)
    return ds


def _local_graphs(
    files: list[Path],
    known: StoreSnapshot,
    *,
    settings: Settings,
    report: BuildReport,
    progress: bool,
    fetched: Sequence[Article] = (),
) -> Iterator[Made]:
    """Read, skip unchanged, extract (in settings.n_process processes) and graph, streaming;
    ``fetched`` pages (already read) come after the files."""
    from graphkit.merge.terms import to_graphs
    from graphkit.scale.worker import read_files

    def todo() -> Iterator[Article]:
        read = read_files(
            _progress(files, progress, "building"),
            report.problems,
            max_bytes=settings.max_file_bytes,
        )
        for art in chain((with_real_source(a) for a in read), fetched):
            if known.get(str(article_iri(art.id))) == art.hash:
                report.skipped += 1
            else:
                yield art

    for result in extract_articles(todo(), settings=settings, problems=report.problems):
        iri = article_iri(result.article.id)
        graphs = dict(to_graphs(article_dataset(result)))
        yield Made(str(iri), result.article.source, len(result.relations), graphs)


def build(
    paths: Sequence[Path],
    *,
    store: Path | str | Any,
    settings: Settings | None = None,
    progress: bool = False,
    urls: Sequence[str] = (),
    feeds: Sequence[str] = (),
    fetch: FetchOptions | None = None,
    strict: bool = False,
    dask: str | None = None,
    partition_size: int | None = None,
    shard_dir: Path | None = None,
    recount: bool = False,
) -> BuildReport:
    """Extract every article under the paths (and at the URLs and in the feeds) into a
    store, incrementally.

    Articles whose content hash is already in the store are skipped; an edited article (the
    same file, however its path is spelled) replaces its old graph. Both are asked of the
    store input by input, each one look-up in its index (:class:`StoreSnapshot`), so what
    a build reads grows with its inputs, not with the store. Each article is written
    with its entity resolution in one transaction (:mod:`graphkit.merge.resolver`; on a
    server, one SPARQL Update), so an interrupted build leaves every article either fully
    in and resolved or as it was, and the cost of adding an article does not grow with the
    store. Articles stream through: a build of any size holds a bounded window of them in
    memory. Extraction runs here (in ``settings.n_process`` processes on large inputs) or
    on Dask; writing is always done here, one article after another. An input that cannot
    be used (a file, a JSON Lines record, a URL) is listed in ``problems`` and left out,
    unless ``strict``: then it raises :class:`InputError` before the store is opened.

    Args:
        paths: article files or folders.
        store: an embedded store folder, a ``sparql+http://`` URL or a
            :class:`graphkit.store.remote.RemoteStore`.
        settings: model, thresholds and ``n_process`` (processes on large inputs).
        urls, feeds, fetch: pages and RSS/Atom feeds to fetch (:mod:`graphkit.ingest.fetch`).
        strict: refuse the whole build when any input is bad.
        dask: a Dask scheduler address, or ``"local"`` for a LocalCluster of
            ``settings.n_process`` workers; extraction then runs there.
        partition_size: article files per Dask task (default: about four tasks per worker).
        shard_dir: with Dask, the folder (shared by the workers) for the N-Quads shards,
            kept after the build; by default a temporary folder, removed after.
        recount: count the whole store at the end instead of carrying its kept figures
            forward (:class:`graphkit.store.counts.BuildFigures`: a store that keeps none, or
            too few articles for the build's inputs, is counted so once anyway).
    """
    from rdflib import URIRef

    from graphkit.merge import remove_from_store, resolve_store
    from graphkit.merge.resolver import add_article
    from graphkit.store.counts import BuildFigures

    settings = settings or Settings()
    began = time.perf_counter()
    report = BuildReport(store=store if isinstance(store, str | Path) else str(store.path))
    files = article_files(paths) if paths or not (urls or feeds) else []
    fetched: list[Article] = []
    if urls or feeds:
        from graphkit.ingest.fetch import Fetcher
        from graphkit.ingest.web import read_web

        fetcher = Fetcher(fetch)
        fetched, problems = read_web(urls, feeds=feeds, fetcher=fetcher)
        report.problems += problems
        report.fetch = dict(fetcher.stats)
    if strict:
        bad = list(report.problems)
        if files:
            bad += collect_articles(files, skip_bad=True, max_bytes=settings.max_file_bytes)[1]
        if bad:
            more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
            msg = (
                f"{bad[0]}{more}; nothing was built (strict=True): "
                "fix the input or drop strict=True"
            )
            raise InputError(msg)
    with open_for_build(store) as st:
        figures = BuildFigures(st, input_count(files) + len(fetched), recount=recount)
        report.resumed = resolve_store(st)
        before = StoreSnapshot(st, files)
        made: Iterator[Made]
        if dask:
            made = graphs_on_dask(
                files,
                before.known_files(files),
                settings=settings,
                report=report,
                dask=dask,
                partition_size=partition_size,
                shard_dir=shard_dir,
            )
            if fetched:  # pages are already in memory: extracted here, after the files
                pages = _local_graphs(
                    [], before, settings=settings, report=report, progress=False, fetched=fetched
                )
                made = chain(made, pages)
        else:
            made = _local_graphs(
                files, before, settings=settings, report=report, progress=progress, fetched=fetched
            )
        for item in made:
            if dask and before.get(item.iri) == content_hash_of(item):
                report.skipped += 1  # a JSON Lines record Dask could not know was unchanged
                continue
            key = source_key(item.source)
            before.before_change(item.iri, key)
            replaced = [old for old in before.owners(key) if old != item.iri]
            if replaced:
                for old in replaced:
                    before.before_change(old)
                figures.before_write()
                remove_from_store(st, [URIRef(old) for old in replaced])
                report.replaced += 1
            else:
                report.added += 1
            figures.before_write()
            st.apply(add_article(st.ox, item.graphs))
            report.relations += item.relations
        report.totals = figures.totals()
        report.recounted = figures.counted and report.totals["articles"] > 0
    report.seconds = time.perf_counter() - began
    return report


def remove(articles: Sequence[str], *, store: Path | str | Any) -> int:
    """Take articles (by path as given to build, id or IRI) out of the store; returns how many.

    Merges of entities that rested on a removed article are undone in the same transaction.
    """
    from rdflib import URIRef

    from graphkit.merge import remove_from_store
    from graphkit.store import open_store
    from graphkit.store.remote import RemoteStore, is_remote

    removed = 0
    remote = isinstance(store, RemoteStore) or is_remote(store)
    with open_for_build(store) if remote else open_store(Path(store), create=False) as st:
        sources = st.article_sources()
        for name in articles:
            key = source_key(name)
            matches = [
                iri
                for iri, src in sources.items()
                if name in (src, iri, iri.rsplit("/", 1)[-1])
                or Path(src).name == name
                or (key and source_key(src) == key)
            ]
            if not matches:
                msg = f"no article {name!r} in {store}; the 'articles' preset lists them"
                raise InputError(msg)
            for iri in matches:
                sources.pop(iri, None)
            remove_from_store(st, [URIRef(iri) for iri in matches])
            removed += len(matches)
    return removed


__all__ = [
    "BuildReport",
    "build",
    "extract_articles",
    "extract_files",
    "extract_text",
    "remove",
    "source_key",
]
