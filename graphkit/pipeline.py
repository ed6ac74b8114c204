"""The one orchestrator: ingest -> nlp -> extract/resolve -> graph -> merge -> store.

Examples:
    >>> result = extract_text("Colombia extradited Dairo Antonio Úsuga to the United States.")
    >>> [(r.subject.name, r.predicate, r.object.name) for r in result.relations]
    [('Colombia', 'extradited', 'Dairo Antonio Úsuga')]
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rdflib import Dataset
from spacy.language import Language
from spacy.tokens import Doc

from graphkit.config import Settings
from graphkit.errors import GraphkitError, InputError
from graphkit.extract import extract_doc
from graphkit.graph import add_result, article_dataset, new_dataset
from graphkit.ingest import MAX_FILE_BYTES, iter_article_files, read_articles
from graphkit.ingest.fetch import FetchOptions
from graphkit.ingest.text import split_long
from graphkit.lexicon import load_lexicon
from graphkit.nlp import load_nlp
from graphkit.records import Article, ArticleResult
from graphkit.vocab import article_iri

T = TypeVar("T")
PARALLEL_THRESHOLD = 200  # articles; below this, one process is faster than starting workers
PIECE_CHARS = 200_000
"""A text longer than spaCy's max_length is parsed in pieces of at most this many characters."""


def _check(result: object, article: Article) -> ArticleResult:
    """Fail loudly when a stage hands over the wrong thing (as spaCy's Language.__call__ does)."""
    if not isinstance(result, ArticleResult) or result.article.id != article.id:
        msg = f"extraction returned {type(result).__name__} for article {article.source or article.id}; expected its ArticleResult"
        raise GraphkitError(msg)
    return result


def extract_articles(
    articles: Iterable[Article], *, settings: Settings | None = None
) -> Iterator[ArticleResult]:
    """Run spaCy (batched with nlp.pipe) and the extractor over articles, in order."""
    settings = settings or Settings()
    arts = list(articles)
    if not arts:
        return  # nothing to read: do not load the model
    nlp = load_nlp(settings.model, settings.lexicon_dir)
    lex = load_lexicon(settings.lexicon_dir)
    n_process = settings.n_process if len(arts) >= PARALLEL_THRESHOLD else 1
    for is_long, group in itertools.groupby(arts, key=lambda a: len(a.text) > nlp.max_length):
        run = list(group)
        if is_long:
            docs: Iterable[Doc] = (_parse_long(nlp, a.text) for a in run)
        else:
            texts = (a.text for a in run)
            docs = nlp.pipe(texts, batch_size=settings.batch_size, n_process=n_process)
        for article, doc in zip(run, docs, strict=True):
            result = extract_doc(doc, article, min_confidence=settings.min_confidence, lex=lex)
            yield _check(result, article)


def _parse_long(nlp: Language, text: str) -> Doc:
    """Parse a text over spaCy's max_length in pieces cut at paragraph (else line, sentence)
    breaks, joined back into one Doc whose text and character offsets are the article's."""
    pieces = split_long(text, limit=min(PIECE_CHARS, nlp.max_length))
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=4)), ensure_whitespace=False)
    if doc.text != text:
        msg = "the pieces of a long article did not join back into its text; please report this"
        raise GraphkitError(msg)
    return doc


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
        msg = f"no article files under {', '.join(map(str, paths))}; give .txt, .html, .md or .jsonl files or folders holding them"
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


@dataclass
class BuildReport:
    """What a build did, and what the store holds after it; ``problems`` lists every input
    (file, record, URL) left out."""

    store: Path
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    relations: int = 0
    """Evidence records this build extracted (every relation read, asserted or not)."""
    totals: dict[str, int] = field(default_factory=dict)
    """The store's counts after the build (see :func:`graphkit.store.counts.store_counts`)."""
    resumed: int = 0
    """Articles an interrupted earlier run left waiting for resolution, resolved now."""
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fetch: dict[str, int] = field(default_factory=dict)
    """What fetching did (see :class:`graphkit.ingest.fetch.Fetcher`); empty for files only."""

    def summary(self, *, problems: bool = True) -> str:
        """What was built, in a few lines (with a ``skipped:`` line per problem unless not
        ``problems``)."""
        lines = [
            f"built {self.store}: {self.added} article(s) added, {self.replaced} replaced, "
            f"{self.skipped} unchanged; {self.relations} evidence record(s) extracted in {self.seconds:.1f} s"
        ]
        if self.totals:
            t = self.totals
            lines.append(
                f"store: {t['articles']} article(s), {t['evidence']} evidence records, "
                f"{t['relations']} asserted relations between {t['actors']} actors "
                f"({t['entities']} entities described)"
            )
        if self.resumed:
            lines.append(f"finished the resolution of {self.resumed} article(s) an interrupted run left")
        if self.fetch:
            f = self.fetch
            lines.append(
                f"fetched {f.get('downloaded', 0)} page(s), {f.get('not_modified', 0)} unchanged "
                f"(304), {f.get('cached', 0)} from the cache; {f.get('failed', 0)} failed"
            )
        if problems:
            lines += [f"skipped: {p}" for p in self.problems]
        return "\n".join(lines)


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


def _with_real_source(article: Article) -> Article:
    from dataclasses import replace

    key = source_key(article.source)
    return replace(article, source=key) if key and key != article.source else article


def build(
    paths: Sequence[Path],
    *,
    store: Path,
    settings: Settings | None = None,
    progress: bool = False,
    urls: Sequence[str] = (),
    feeds: Sequence[str] = (),
    fetch: FetchOptions | None = None,
    strict: bool = False,
) -> BuildReport:
    """Extract every article under the paths (and at the URLs and in the feeds) into the
    on-disk store, incrementally.

    Articles whose content hash is already in the store are skipped; an edited article (the
    same file, however its path is spelled) replaces its old graph. Each article is written
    with its entity resolution in one transaction (:mod:`graphkit.merge.resolver`), so an
    interrupted build leaves every article either fully in and resolved or as it was, and
    the cost of adding an article does not grow with the store. An input that cannot be used
    (a file, a JSON Lines record, a URL) is listed in ``problems`` and left out, unless
    ``strict``: then it raises :class:`InputError` before the store is opened.
    """
    from rdflib import URIRef

    from graphkit.merge import remove_from_store, resolve_store
    from graphkit.merge.resolver import add_article
    from graphkit.merge.terms import to_graphs
    from graphkit.store import open_store
    from graphkit.store.counts import store_counts

    settings = settings or Settings()
    began = time.perf_counter()
    report = BuildReport(store=Path(store))
    articles: list[Article] = []
    if paths or not (urls or feeds):
        articles, report.problems = collect_articles(
            paths, progress=progress, skip_bad=True, max_bytes=settings.max_file_bytes
        )
        articles = [_with_real_source(a) for a in articles]  # fetched pages keep their URL
    if urls or feeds:
        from graphkit.ingest.fetch import Fetcher
        from graphkit.ingest.web import read_web

        fetcher = Fetcher(fetch)
        fetched, problems = read_web(urls, feeds=feeds, fetcher=fetcher)
        articles += fetched
        report.problems += problems
        report.fetch = dict(fetcher.stats)
    if strict and report.problems:
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        msg = (
            f"{report.problems[0]}{more}; nothing was built (--strict): fix the input or drop "
            "--strict"
        )
        raise InputError(msg)
    with open_store(Path(store)) as st:
        report.resumed = resolve_store(st)
        known = st.article_hashes()
        by_key: dict[str, str] = {}
        for iri, src in st.article_sources().items():
            key = source_key(src) or src
            by_key[key] = iri
        todo: list[Article] = []
        for art in articles:
            if known.get(str(article_iri(art.id))) == art.hash:
                report.skipped += 1
            else:
                todo.append(art)
        for result in _extract_with_progress(todo, settings=settings, progress=progress):
            key = source_key(result.article.source)
            old = by_key.get(key) if key else None
            new_iri = article_iri(result.article.id)
            if old is not None and old != str(new_iri):
                remove_from_store(st, [URIRef(old)])
                report.replaced += 1
            else:
                report.added += 1
            st.apply(add_article(st.ox, to_graphs(article_dataset(result))))
            report.relations += len(result.relations)
        report.totals = store_counts(st.ox)
    report.seconds = time.perf_counter() - began
    return report


def remove(articles: Sequence[str], *, store: Path) -> int:
    """Take articles (by path as given to build, id or IRI) out of the store; returns how many.

    Merges of entities that rested on a removed article are undone in the same transaction.
    """
    from rdflib import URIRef

    from graphkit.merge import remove_from_store
    from graphkit.store import open_store

    removed = 0
    with open_store(Path(store), create=False) as st:
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
                msg = f"no article {name!r} in {store}; list them with: graphkit query --preset articles --store {store}"
                raise InputError(msg)
            for iri in matches:
                sources.pop(iri, None)
            remove_from_store(st, [URIRef(iri) for iri in matches])
            removed += len(matches)
    return removed


__all__ = ["BuildReport", "build", "extract_articles", "extract_files", "extract_text", "remove", "source_key"]
