"""Builds beyond one process: a Dask LocalCluster (killing a worker too) and the local pool."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLES, TEST_DATA, sorted_nquads

from graphkit.config import Settings
from graphkit.pipeline import PARALLEL_THRESHOLD, build, extract_articles
from graphkit.scale.worker import load_count, process_id

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes on 127.0.0.1, with nannies that restart them.

    Shared by this module's tests (starting workers and loading their model takes seconds);
    a worker killed by a test is restarted by its nanny.
    """
    import logging

    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # loopback, a free port (None still takes 8787)
            silence_logs=logging.ERROR,
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


@pytest.mark.slow
def test_scale_dask_build_equals_the_serial_build_quad_for_quad(
    cluster: Any, articles_store: Path, tmp_path: Path, settings: Settings
) -> None:
    shards = tmp_path / "shards"
    bad = TEST_DATA / "binary.txt"
    report = build(
        [ARTICLES, bad],
        store=tmp_path / "store",
        settings=settings,
        dask=cluster.scheduler.address,
        partition_size=1,
        shard_dir=shards,
    )
    assert (report.added, report.replaced, report.skipped) == (5, 0, 0)
    assert sorted_nquads(tmp_path / "store") == sorted_nquads(articles_store)
    # one shard per partition (5 articles and the binary file, one file each)
    assert sorted(p.name for p in shards.iterdir()) == [f"part-{i:05d}.nq" for i in range(6)]
    # the unreadable file is reported with its path, not fatal
    assert len(report.problems) == 1 and str(bad) in report.problems[0]
    # each worker loaded the model once, although each ran several tasks
    assert set(cluster.run(load_count).values()) == {1}

    again = build(
        [ARTICLES], store=tmp_path / "store", settings=settings, dask=cluster.scheduler.address
    )
    assert (again.added, again.skipped) == (0, 5)


@pytest.mark.slow
def test_scale_dask_worker_killed_mid_build_loses_and_duplicates_nothing(
    cluster: Any, articles_store: Path, tmp_path: Path, settings: Settings
) -> None:
    pids = cluster.run(process_id)
    killed: list[tuple[str, str]] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            for worker, keys in cluster.processing().items():
                busy = [str(k) for k in keys if "graphkit-partition" in str(k)]
                if busy and worker in pids:
                    os.kill(pids[worker], signal.SIGKILL)
                    killed.append((worker, busy[0]))
                    return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    report = build(
        [ARTICLES],
        store=tmp_path / "store",
        settings=settings,
        dask=cluster.scheduler.address,
        partition_size=1,
    )
    killer.join()
    assert killed, "no worker was busy with a partition while the build ran"
    assert (report.added, report.replaced, report.problems) == (5, 0, [])
    assert sorted_nquads(tmp_path / "store") == sorted_nquads(articles_store)


def test_scale_dask_scheduler_unreachable_is_a_one_line_error(run_cli: Any, tmp_path: Path) -> None:
    from conftest import free_port

    code, _, err = run_cli(
        "build", ARTICLES, "--store", tmp_path / "store", "--dask", f"tcp://127.0.0.1:{free_port()}"
    )
    assert code == 2
    assert "cannot reach the Dask scheduler" in err and "--dask local" in err


@pytest.mark.slow
def test_scale_dask_build_into_the_oxigraph_server_equals_the_serial_build(
    cluster: Any, oxigraph: str, articles_store: Path, settings: Settings
) -> None:
    from graphkit.store.remote import open_remote

    report = build([ARTICLES], store=oxigraph, settings=settings, dask=cluster.scheduler.address)
    assert report.added == 5
    assert sorted_nquads(open_remote(oxigraph)) == sorted_nquads(articles_store)


@pytest.mark.slow
def test_scale_local_pool_gives_the_serial_results_in_order(settings: Settings) -> None:
    from conftest import SMALL_ARTICLES

    from graphkit.records import Article
    from graphkit.scale.local import parallel_results

    articles = [
        Article.from_text(text, source=f"{n}-{name}")
        for n in range(3)
        for name, text in SMALL_ARTICLES.items()
    ]
    serial = list(extract_articles(articles, settings=settings.replace(n_process=1)))
    problems: list[str] = []
    pooled = list(
        parallel_results(iter(articles), settings=settings, n_process=2, batch=2, problems=problems)
    )
    assert pooled == serial
    assert [r.article.source for r in pooled] == [a.source for a in articles]
    assert all(r.relations for r in pooled)
    assert problems == []


@pytest.mark.slow
def test_scale_cli_build_on_a_local_cluster(
    small_articles: Path, tmp_path: Path, run_cli: Any
) -> None:
    store = tmp_path / "store"
    code, out, err = run_cli(
        "build", small_articles, "--store", store, "--dask", "local", "--n-process", "1", "-q"
    )
    assert code == 0, err
    assert "2 article(s) added" in out
    code, out, _ = run_cli("query", "--preset", "articles", "--format", "csv", "--store", store)
    assert len(out.splitlines()) == 3


@pytest.mark.slow
def test_scale_local_cluster_listens_on_loopback_only() -> None:
    import psutil

    from graphkit.scale.cluster import connect

    with connect("local", n_workers=1) as client:
        assert client.run(process_id)  # a worker is up
        processes = [psutil.Process(), *psutil.Process().children(recursive=True)]
        listening = {
            c.laddr.ip
            for p in processes
            for c in p.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        }
    assert listening == {"127.0.0.1"}


def test_scale_extraction_reads_articles_as_it_needs_them(settings: Settings) -> None:
    from conftest import SMALL_ARTICLES

    from graphkit.records import Article

    text = SMALL_ARTICLES["petro-trump.txt"]
    read: list[int] = []

    def articles() -> Iterator[Article]:
        for n in range(10 * PARALLEL_THRESHOLD):
            read.append(n)
            yield Article.from_text(text, source=f"{n}.txt")

    results = extract_articles(articles(), settings=settings.replace(n_process=1, batch_size=4))
    assert [next(results).article.source for _ in range(3)] == ["0.txt", "1.txt", "2.txt"]
    # a look-ahead (to choose between one process and several) and nlp.pipe's batch, no more
    assert len(read) <= PARALLEL_THRESHOLD + 4


def test_scale_article_whose_extraction_fails_is_reported_and_skipped(
    small_articles: Path, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphkit.pipeline

    real = graphkit.pipeline.extract_doc

    def failing(doc: Any, article: Any, **kwargs: Any) -> Any:
        if article.source.endswith("uk-russia.txt"):
            msg = "a parse the extractor cannot handle"
            raise ValueError(msg)
        return real(doc, article, **kwargs)

    monkeypatch.setattr(graphkit.pipeline, "extract_doc", failing)
    report = build([small_articles], store=tmp_path / "store", settings=settings)
    assert report.added == 1
    [problem] = report.problems
    assert (
        "uk-russia.txt: extraction failed (ValueError: a parse the extractor cannot handle)"
        in problem
    )


def test_scale_default_n_process_is_the_usable_cores() -> None:
    assert Settings().n_process == len(os.sched_getaffinity(0))
