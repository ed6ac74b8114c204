"""Extraction on the local cores: a pool of processes, each loading the model once.

:func:`parallel_results` reads articles from any iterable (a generator over files) and keeps
only a bounded window of batches in flight, so a build of any size holds a few hundred
articles in memory at a time. Each process parses and extracts (spaCy's own
``nlp.pipe(n_process=...)`` parallelizes only the parse, leaving extraction, about a quarter
of the time, to one core). Results come back in input order.

Examples:
    >>> [len(b) for b in batches(range(5), 2)]  # the tasks a pool gets: 2 articles each
    [2, 2, 1]

    ``parallel_results(articles, n_process=2)`` yields what ``extract_articles`` yields, in
    the same order (``tests/test_scale.py`` checks it).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from graphkit.config import Settings
from graphkit.errors import GraphkitError
from graphkit.records import Article
from graphkit.scale.worker import BatchReport, extract_batch, model


def usable_cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _start(settings: Settings) -> None:
    model(settings)  # load once, before the first batch arrives


def batches(articles: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def parallel_results(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    n_process: int = 2,
    batch: int = 16,
    problems: list[str] | None = None,
) -> Iterator[Any]:
    """ArticleResults of the articles, extracted by ``n_process`` processes, in input order.

    Args:
        articles: any iterable; read lazily, ``2 * n_process`` batches ahead at most.
        n_process: worker processes (each loads the model once, about 270 MB).
        batch: articles per task.
        problems: where to report articles whose extraction failed (they are skipped);
            without it such an error stops the run.

    Raises:
        GraphkitError: a worker process died (out of memory, killed).
    """
    settings = settings or Settings()
    window = 2 * n_process
    context = multiprocessing.get_context("spawn")  # no fork of a process holding a store open
    pending: deque[Future[BatchReport]] = deque()
    with ProcessPoolExecutor(
        n_process, mp_context=context, initializer=_start, initargs=(settings,)
    ) as pool:
        try:
            for chunk in batches(articles, batch):
                pending.append(pool.submit(extract_batch, chunk, settings=settings))
                if len(pending) >= window:
                    yield from _collect(pending.popleft(), problems)
            while pending:
                yield from _collect(pending.popleft(), problems)
        except BrokenProcessPool:
            msg = (
                "a worker process died during extraction (out of memory or killed); "
                "run again (unchanged articles are skipped) or lower --n-process"
            )
            raise GraphkitError(msg) from None
        finally:
            for job in pending:
                job.cancel()


def _collect(job: Future[BatchReport], problems: list[str] | None) -> Iterator[Any]:
    report = job.result()
    if report.problems:
        if problems is None:
            raise GraphkitError(report.problems[0])
        problems.extend(report.problems)
    yield from report.results
