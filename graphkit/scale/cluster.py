"""Extraction on a Dask cluster: one task per partition of the article files.

The client lists the article files (paths only) and cuts the list into partitions; each task
reads its files on a worker, skips articles whose content hash the store already has, parses
and extracts them with the model the worker loaded once (:class:`ModelPlugin`), and writes
what it made to a shared folder, as one N-Quads shard per partition (``part-00042.nq``,
written to a temporary name and renamed, so a retried task replaces its shard and a
half-written one is never read). The client writes each article of a shard, in the order of
the input files, with its entity resolution, through the build's one write loop (embedded
store or SPARQL server alike). Workers never write to a store themselves: resolution must
see every article, one after another.

A worker that dies mid-task (killed, out of memory) loses nothing: Dask runs the task again
on another worker. A file that cannot be read, or an article whose extraction fails, is
reported with its path and skipped.

Examples:
    >>> partitions(["a", "b", "c", "d", "e"], size=2)
    [['a', 'b'], ['c', 'd'], ['e']]
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from graphkit.config import Settings
from graphkit.errors import ClusterError
from graphkit.scale.worker import ArticleGraph, BatchReport, extract_results, model, read_files

SHARD_NAME = "part-{:05d}.nq"


def partitions(files: Sequence[Any], *, size: int) -> list[list[Any]]:
    """The file list cut into consecutive partitions of ``size`` files (the last may be shorter)."""
    size = max(1, size)
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


def default_partition_size(n_files: int, n_workers: int) -> int:
    """About four partitions per worker (lost work stays small), 1 to 256 files each.

    Examples:
        >>> [default_partition_size(n, w) for n, w in [(1000, 2), (3, 2), (10**6, 8)]]
        [125, 1, 256]
    """
    return max(1, min(256, -(-n_files // max(1, 4 * n_workers))))


def run_partition(
    index: int,
    files: Sequence[str],
    *,
    settings: Settings,
    known: dict[str, str],
    shard_dir: str,
) -> BatchReport:
    """One Dask task: read and extract the articles of one partition into its shard.

    Args:
        index: the partition's number (names its shard).
        files: article files, as paths the workers can read.
        settings: model and thresholds.
        known: article IRI -> content hash already in the store (those are skipped).
        shard_dir: write the partition's graphs to ``shard_dir/part-<index>.nq``.

    Returns:
        What was made (graph IRIs, sources, relation counts; the shard's path), skipped and
        reported.
    """
    from dataclasses import replace

    from graphkit.ingest import source_key
    from graphkit.scale.worker import result_quads
    from graphkit.vocab import article_iri

    report = BatchReport(worker_pid=os.getpid())
    todo = []
    for article in read_files(files, report.problems):
        if known.get(str(article_iri(article.id))) == article.hash:
            report.unchanged += 1
        else:  # an article is its file's real path, as in the serial build
            key = source_key(article.source)
            todo.append(replace(article, source=key) if key else article)
    chunks: list[bytes] = []
    offset = 0
    for result in extract_results(todo, settings=settings, problems=report.problems):
        iri, data = result_quads(result)
        chunks.append(data)
        made = ArticleGraph(iri, result.article.source, len(result.relations))
        report.graphs.append(replace(made, offset=offset, size=len(data)))
        offset += len(data)
    shard = Path(shard_dir) / SHARD_NAME.format(index)
    tmp = shard.with_name(f".{shard.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_bytes(b"".join(chunks))
    os.replace(tmp, shard)  # a retried task replaces the shard as a whole
    report.shard = str(shard)
    return report


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - the scale extra is not installed
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ModelPlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """A Dask ``WorkerPlugin`` that loads the spaCy model when a worker starts (once per worker).

    The model lives in :mod:`graphkit.scale.worker`'s cache, so the tasks the worker runs
    afterwards find it there; a worker restarted by its nanny loads it again, once.
    """

    name = "graphkit-model"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        model(self.settings)

    def teardown(self, worker: Any) -> None:
        """Nothing to release."""


@contextlib.contextmanager
def connect(address: str, *, n_workers: int | None = None) -> Iterator[Any]:
    """A Dask client: on a new LocalCluster (``"local"``, bound to 127.0.0.1) or a scheduler.

    Raises:
        ClusterError: dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        msg = "Dask is not installed; run: pip install 'graphkit[scale]' (dask[distributed])"
        raise ClusterError(msg) from None
    if address == "local":
        from graphkit.scale.local import usable_cores

        with (
            LocalCluster(
                n_workers=n_workers or usable_cores(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # loopback, a free port (None still takes 8787)
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout="5s")
    except (OSError, TimeoutError) as err:
        msg = (
            f"cannot reach the Dask scheduler at {address} ({err}); "
            "start it ('dask scheduler') or use --dask local"
        )
        raise ClusterError(msg) from None
    try:
        yield client
    finally:
        client.close()


def dask_graphs(
    files: Sequence[Path],
    *,
    client: Any,
    settings: Settings,
    known: dict[str, str],
    shard_dir: Path,
    partition_size: int | None = None,
    problems: list[str],
    counts: dict[str, int],
) -> Iterator[ArticleGraph]:
    """Run the partitions on the cluster; yields each article graph with its N-Quads.

    Partitions run in any order, but their graphs are yielded in the order of ``files`` (a
    finished partition waits for the ones before it), so a build writes, and resolves, the
    articles in the same order as a serial build. ``counts["unchanged"]`` and ``problems``
    collect what the tasks skipped. Shards stay in ``shard_dir``.
    """
    from distributed import as_completed

    client.register_plugin(ModelPlugin(settings), name=ModelPlugin.name)
    workers = len(client.scheduler_info().get("workers", {})) or 1
    size = partition_size or default_partition_size(len(files), workers)
    parts = partitions([str(f) for f in files], size=size)
    [known_future] = client.scatter(
        [known], broadcast=True, hash=False
    )  # a list: a dict would be keys
    token = uuid.uuid4().hex[:8]
    futures = [
        client.submit(
            run_partition,
            index,
            part,
            settings=settings,
            known=known_future,
            shard_dir=str(shard_dir),
            key=f"graphkit-partition-{token}-{index:05d}",
            retries=2,
        )
        for index, part in enumerate(parts)
    ]
    index_of = {future.key: index for index, future in enumerate(futures)}
    done: dict[int, BatchReport] = {}
    next_index = 0
    try:
        for future in as_completed(futures):
            try:
                report: BatchReport = future.result()
            except Exception as err:
                msg = f"a Dask task failed after its retries: {type(err).__name__}: {err}"
                raise ClusterError(msg) from None
            counts["unchanged"] = counts.get("unchanged", 0) + report.unchanged
            problems.extend(report.problems)
            done[index_of[future.key]] = report
            while next_index in done:
                ready = done.pop(next_index)
                next_index += 1
                yield from _shard_graphs(Path(ready.shard), ready.graphs)
    finally:
        client.cancel(futures)


def _shard_graphs(shard: Path, graphs: list[ArticleGraph]) -> Iterator[ArticleGraph]:
    """Each article of a shard with its own N-Quads (its byte range in the shard)."""
    from dataclasses import replace

    data = shard.read_bytes()
    for graph in graphs:
        yield replace(graph, quads=data[graph.offset : graph.offset + graph.size])
