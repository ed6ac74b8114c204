"""Scale-out: extraction throughput on a Dask LocalCluster, and the load rate of a SPARQL server.

Part 1, extraction. The same articles (the sample and evaluation articles, ``--copies``
times) go through, in one run:

* ``nlp.pipe`` (baseline): a plain serial loop of graphkit's spaCy pipeline, parse only;
* ``serial extract``: that loop plus extraction and the N-Quads of each graph, in process;
* ``local pool N``: :mod:`graphkit.scale.local` with N processes;
* ``dask N workers``: :func:`graphkit.scale.cluster.dask_graphs` on a LocalCluster of N
  single-threaded worker processes, one shard per partition.

Models are loaded before the clock starts (the cluster's start and its workers' model
loads are timed apart). Throughput is articles/s and words/s; the ratio is against the
``nlp.pipe`` row.

Part 2, loading. Synthetic articles (the generator of ``bench_resolve.py``: names that
collide across articles) are written as ``graphkit build`` writes them, one article after
another, each with its cross-article entity resolution, the relations graph (each asserted
triple kept once) and the entailments in one transaction
(:func:`graphkit.merge.resolver.add_article`, ``apply``): into the embedded store, and
into an Oxigraph server over HTTP (each kind of look-up one query for all the names of a
step, one SPARQL Update per article, on one kept connection). A build has one writer, so
there is one here; articles/s, triples/s, the ratio against the embedded store, this
process's CPU per article and, for the server, HTTP requests per article; the server's
quads are then compared with the embedded store's, line for line. The corpus's own article
graphs (from the serial extraction above) are written the same way.

``--profile N`` writes each load set once more into an embedded store under cProfile and
prints its top N functions (by cumulative and by own time): where the writer's time goes.

Usage: python benchmarks/bench_scale.py [--copies 1] [--workers 1 2] [--load-articles 400]
[--profile N]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def corpus_files(copies: int, folder: Path) -> list[Path]:
    """The sample and evaluation articles, copied ``copies`` times (distinct names, same text)."""
    sources = sorted((ROOT / "data" / "articles").glob("*.txt"))
    sources += sorted((ROOT / "data" / "eval").glob("heldout-*/articles/*.txt"))
    files = []
    for c in range(copies):
        for n, src in enumerate(sources):
            target = folder / f"c{c}-{n:03d}-{src.name}"
            # a copy differs by a final line, so every article gets its own graph
            target.write_text(src.read_text(encoding="utf-8") + f"\n(copy {c})\n", encoding="utf-8")
            files.append(target)
    return files


def rate(
    label: str, seconds: float, articles: int, words: int, base: float | None, cpu: float
) -> float:
    per_s = words / seconds
    ratio = f"{per_s / base:5.2f}x" if base else "  1.00x"
    print(
        f"{label:<22} {seconds:8.1f} s {articles / seconds:9.2f} art/s"
        f" {per_s:9,.0f} words/s {ratio}"
        f"   cpu {cpu:7.1f} s = {1000 * cpu / words:5.2f} ms/word"
    )
    return per_s


def children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def part_extraction(args: argparse.Namespace) -> list[dict[Any, set[Any]]]:
    """Print the extraction rows; return the corpus's article graphs (as a build writes them)."""
    from graphkit.config import Settings
    from graphkit.graph import article_dataset
    from graphkit.ingest import read_articles
    from graphkit.merge.terms import to_graphs
    from graphkit.scale.cluster import ModelPlugin, dask_graphs
    from graphkit.scale.local import parallel_results
    from graphkit.scale.worker import extract_results, model, result_quads

    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        files = corpus_files(args.copies, folder)
        articles = [a for f in files for a in read_articles(f)]
        words = sum(len(a.text.split()) for a in articles)
        print(
            f"corpus: {len(articles)} articles, {words:,} words; "
            f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
        )
        settings = Settings()
        nlp, _ = model(settings)

        began, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((a.text for a in articles), batch_size=settings.batch_size):
            pass
        base = rate(
            "nlp.pipe (baseline)", time.perf_counter() - began, len(articles), words, None,
            time.process_time() - cpu,
        )  # fmt: skip

        results = []
        began, cpu = time.perf_counter(), time.process_time()
        for result in extract_results(articles, settings=settings):
            result_quads(result)
            results.append(result)
        rate(
            "serial extract", time.perf_counter() - began, len(articles), words, base,
            time.process_time() - cpu,
        )  # fmt: skip

        for n in args.workers:
            if n < 2:
                continue
            began, cpu = time.perf_counter(), time.process_time() + children_cpu()
            for _ in parallel_results(
                articles, settings=settings.replace(n_process=n), n_process=n
            ):
                pass
            seconds = time.perf_counter() - began
            cpu = time.process_time() + children_cpu() - cpu
            rate(f"local pool {n}", seconds, len(articles), words, base, cpu)
            print(f"{'':<22} (includes starting {n} processes and loading their models)")

        from distributed import Client, LocalCluster

        for n in args.workers:
            started = time.perf_counter()
            with LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
            ) as cluster, Client(cluster) as client:  # fmt: skip
                client.register_plugin(ModelPlugin(settings), name=ModelPlugin.name)
                ready = time.perf_counter() - started
                shards = folder / f"shards-{n}"
                shards.mkdir()
                problems: list[str] = []
                workers_cpu = sum(client.run(time.process_time).values())
                began, cpu = time.perf_counter(), time.process_time()
                made = list(
                    dask_graphs(
                        files, client=client, settings=settings, known={}, shard_dir=shards,
                        problems=problems, counts={},
                    )
                )  # fmt: skip
                seconds = time.perf_counter() - began
                cpu = (
                    time.process_time()
                    - cpu
                    + sum(client.run(time.process_time).values())
                    - workers_cpu
                )
                assert len(made) == len(articles) and not problems, problems
            rate(f"dask {n} worker(s)", seconds, len(articles), words, base, cpu)
            print(f"{'':<22} (cluster start and model loads: {ready:.1f} s, not counted)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [dict(to_graphs(article_dataset(r))) for r in results]


def synthetic_graphs(articles: int) -> list[dict[Any, set[Any]]]:
    """The graphs of synthetic articles ``0`` to ``articles`` (those of ``bench_resolve.py``:
    names drawn from pools that grow with the count, so they collide as in the news), as a
    build hands them to the store."""
    from bench_resolve import _graphs

    return [_graphs(a) for a in range(articles)]


def write_all(st: Any, graphs: list[dict[Any, set[Any]]]) -> tuple[float, float]:
    """Write the articles as ``graphkit build`` does: one transaction (on a server, one
    SPARQL Update) each, with its entity resolution and the relations graph. Returns the
    wall and the CPU seconds of this process."""
    from graphkit.merge.resolver import add_article

    began, cpu = time.perf_counter(), time.process_time()
    for g in graphs:
        st.apply(add_article(st.ox, g))
    return time.perf_counter() - began, time.process_time() - cpu


def load_rate(label: str, seconds: float, cpu: float, n: int, triples: int, base: float) -> float:
    per_s = triples / seconds
    print(
        f"{label:<26} {seconds:7.1f} s {n / seconds:7.1f} art/s {per_s:8,.0f} triples/s"
        f" {per_s / base if base else 1.0:5.2f}x   cpu {1000 * cpu / n:5.1f} ms/article"
    )
    return per_s


def profile_write(st: Any, graphs: list[dict[Any, set[Any]]], top: int) -> None:
    """Write the articles as :func:`write_all` does under cProfile; print the ``top``
    functions by cumulative and by own time."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    write_all(st, graphs)
    prof.disable()
    for key in ("cumulative", "tottime"):
        pstats.Stats(prof, stream=sys.stdout).sort_stats(key).print_stats(top)


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[Any]:
    """A fresh Oxigraph server on a free local port, opened as ``graphkit build`` opens it."""
    from graphkit.pipeline.building import open_for_build
    from graphkit.store.remote import open_remote

    binary = Path(sys.executable).parent / "oxigraph"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            *(str(binary), "serve", "--location", str(folder)),
            *("--bind", f"127.0.0.1:{port}", "--union-default-graph"),
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        remote = open_remote(f"sparql+http://127.0.0.1:{port}", retries=10)
        remote.query("ASK {}")  # waits (retrying) until the server is up
        yield open_for_build(remote)
    finally:
        server.terminate()
        server.wait(timeout=10)


def quad_lines(ox_store: Any) -> set[str]:
    """Every quad of a store but the ontology graph's (its blank nodes get new labels on
    every parse), as N-Quads lines: what two stores written the same way must share."""
    from graphkit.store import ONTOLOGY_GRAPH

    quads = ox_store.quads_for_pattern(None, None, None, None)
    return {f"{q} ." for q in quads if getattr(q.graph_name, "value", "") != ONTOLOGY_GRAPH}


def part_load(args: argparse.Namespace, corpus: list[dict[Any, set[Any]]]) -> None:
    from graphkit.store import open_store

    sets = [("synthetic", synthetic_graphs(args.load_articles))]
    if corpus:
        sets.append(("corpus", corpus))
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        for name, graphs in sets:
            triples = sum(len(t) for g in graphs for t in g.values())
            print(
                f"\nload, {name}: {len(graphs)} articles, {triples:,} triples (article graphs and"
                " entity descriptions; the relations graph and entailments come on top)"
            )
            with open_store(folder / f"embedded-{name}") as st:
                seconds, cpu = write_all(st, graphs)
                quads = len(st.ox)
                stored = quad_lines(st.ox)
            if args.profile:  # a second embedded write, under cProfile (its time not counted)
                with open_store(folder / f"profiled-{name}") as st:
                    profile_write(st, graphs, args.profile)
            embedded = load_rate("embedded store", seconds, cpu, len(graphs), triples, 0.0)
            with oxigraph_server(folder / f"server-{name}") as remote:
                sent = remote.http.requests
                seconds, cpu = write_all(remote, graphs)
                sent = remote.http.requests - sent
                label = "Oxigraph server over HTTP"
                load_rate(label, seconds, cpu, len(graphs), triples, embedded)
                print(f"{'':<26} ({sent / len(graphs):.1f} HTTP requests/article)")
                print(f"{'':<26} (quads stored: {quads:,} embedded, {len(remote.ox):,} server)")
                same = quad_lines(remote.ox) == stored
                print(f"{'':<26} (server store {'equals' if same else 'DIFFERS FROM'} embedded)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--copies", type=int, default=1, help="copies of the sample and evaluation articles"
    )
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts")
    ap.add_argument(
        "--load-articles", type=int, default=400, help="synthetic graphs for the load part"
    )
    ap.add_argument(
        "--profile", type=int, default=0, metavar="N",
        help="also profile the embedded write of each load set; print the top N functions",
    )  # fmt: skip
    ap.add_argument("--skip-extraction", action="store_true")
    ap.add_argument("--skip-load", action="store_true")
    args = ap.parse_args()
    corpus = [] if args.skip_extraction else part_extraction(args)
    if not args.skip_load:
        part_load(args, corpus)


if __name__ == "__main__":
    main()
