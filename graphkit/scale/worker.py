"""What runs inside a worker process: the model, loaded once, and one batch of articles.

The spaCy model and the lexicon are kept in this module (an importable one: a function
defined in ``__main__`` and shipped to Dask would be rebuilt, and its cache with it, on
every task), so a worker loads them once whatever the number of tasks it runs;
:func:`load_count` says how often this process really loaded a model.

Examples:
    >>> from graphkit.records import Article
    >>> text = "Colombia extradited Dairo Antonio Úsuga to the United States."
    >>> art = Article.from_text(text, source="a.txt")
    >>> [out] = extract_graphs([art])
    >>> out.source, out.relations, len(out.quads) > 5
    ('a.txt', 1, True)
    >>> load_count() <= 1
    True
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graphkit.config import Settings
from graphkit.errors import InputError
from graphkit.records import Article

_MODELS: dict[tuple[str, str], tuple[Any, Any]] = {}
_LOADS = 0


def model(settings: Settings) -> tuple[Any, Any]:
    """The spaCy pipeline and the lexicon for these settings, loaded once per process."""
    global _LOADS
    key = (settings.model, str(settings.lexicon_dir))
    if key not in _MODELS:
        from graphkit.lexicon import load_lexicon
        from graphkit.nlp import load_nlp

        _MODELS[key] = (
            load_nlp(settings.model, settings.lexicon_dir),
            load_lexicon(settings.lexicon_dir),
        )
        _LOADS += 1
    return _MODELS[key]


def load_count() -> int:
    """How many models this process has loaded (1 in a worker that only ever used one)."""
    return _LOADS


def process_id() -> int:
    """This process's id (handy with ``Client.run``)."""
    return os.getpid()


@dataclass(frozen=True)
class ArticleGraph:
    """One article as it leaves a worker: its N-Quads plus what the build reports.

    ``quads`` holds every graph the article makes (its article graph and the descriptions of
    the entities it names, in the entities graph), as the serial build writes them; it is
    empty in a partition's report, where ``offset`` and ``size`` say where the article's
    bytes lie in the partition's shard.
    """

    iri: str
    source: str
    relations: int
    quads: bytes = b""
    offset: int = 0
    size: int = 0

    def graphs(self) -> dict[Any, set[Any]]:
        """Graph name -> triples (rdflib terms), the input of the resolver's ``add_article``."""
        from graphkit.store.terms import from_ox

        out: dict[Any, set[Any]] = {}
        for q in ox.parse(self.quads, format=ox.RdfFormat.N_QUADS):
            triple = (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            out.setdefault(from_ox(q.graph_name), set()).add(triple)
        return out


@dataclass
class BatchReport:
    """What one batch (a Dask partition) did: graphs made, articles skipped, problems met."""

    graphs: list[ArticleGraph] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    shard: str = ""
    worker_pid: int = 0
    results: list[Any] = field(default_factory=list)


def result_quads(result: Any) -> tuple[str, bytes]:
    """(article IRI, N-Quads bytes) of every graph one ArticleResult makes."""
    from graphkit.graph import article_dataset
    from graphkit.merge.terms import to_graphs
    from graphkit.store.terms import to_ox
    from graphkit.vocab import article_iri

    iri = article_iri(result.article.id)
    quads = [
        ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(name)))
        for name, triples in to_graphs(article_dataset(result)).items()
        for s, p, o in triples
    ]
    return str(iri), bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


def _checked(result: Any, article: Article) -> Any:
    """Fail loudly when extraction hands over the wrong thing (as the serial pipeline does)."""
    from graphkit.errors import GraphkitError
    from graphkit.records import ArticleResult

    if not isinstance(result, ArticleResult) or result.article.id != article.id:
        msg = (
            f"extraction returned {type(result).__name__} for article "
            f"{article.source or article.id}; expected its ArticleResult"
        )
        raise GraphkitError(msg)
    return result


def extract_results(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    problems: list[str] | None = None,
) -> Iterator[Any]:
    """Parse (``nlp.pipe``) and extract articles in this process; yields ArticleResults in order.

    An article whose extraction raises is reported in ``problems`` (with its path) and
    skipped; without ``problems`` the error propagates.
    """
    from graphkit.extract import extract_doc
    from graphkit.nlp import parse_texts

    settings = settings or Settings()
    arts = list(articles)
    if not arts:
        return
    nlp, lex = model(settings)
    docs = parse_texts(nlp, (a.text for a in arts), batch_size=settings.batch_size)
    for article, doc in zip(arts, docs, strict=True):
        try:
            result = extract_doc(doc, article, min_confidence=settings.min_confidence, lex=lex)
            yield _checked(result, article)
        except Exception as err:
            if problems is None:
                raise
            where = article.source or article.id
            last = traceback.format_exception_only(type(err), err)[-1].strip()
            problems.append(f"{where}: extraction failed ({last}); the article was skipped")


def extract_batch(articles: Sequence[Article], *, settings: Settings | None = None) -> BatchReport:
    """Parse and extract one batch in this process (a task of a local pool).

    Returns the ArticleResults in ``results`` and, in ``problems``, the articles whose
    extraction failed (skipped).
    """
    report = BatchReport(worker_pid=os.getpid())
    report.results = list(extract_results(articles, settings=settings, problems=report.problems))
    return report


def extract_graphs(
    articles: Sequence[Article], *, settings: Settings | None = None
) -> list[ArticleGraph]:
    """Parse, extract and serialize articles in this process."""
    out = []
    for result in extract_results(articles, settings=settings):
        iri, data = result_quads(result)
        out.append(ArticleGraph(iri, result.article.source, len(result.relations), data))
    return out


def read_files(
    files: Iterable[str | Path], problems: list[str], *, max_bytes: int | None = None
) -> Iterator[Article]:
    """The articles of the files; a file (or a JSON Lines record) that cannot be read is
    reported in ``problems`` and left out; files over ``max_bytes`` are refused."""
    from graphkit.ingest import MAX_FILE_BYTES, read_articles

    for file in files:
        try:
            yield from read_articles(
                Path(file), max_bytes=max_bytes or MAX_FILE_BYTES, skipped=problems
            )
        except InputError as err:
            problems.append(str(err))
