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

Part 2, loading. Synthetic article graphs (the generator of ``bench_store.py``) are
written graph by graph, with entailments, as a build writes them: into the embedded store
(one transaction per graph) and into an Oxigraph server over HTTP (two Graph Store Protocol
PUTs per graph), from one writer and from four concurrent writers; triples/s and the ratio
against the embedded store.

Usage: python benchmarks/bench_scale.py [--copies 1] [--workers 1 2] [--load-articles 400]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
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


def part_extraction(args: argparse.Namespace) -> None:
    from graphkit.config import Settings
    from graphkit.ingest import read_articles
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

        began, cpu = time.perf_counter(), time.process_time()
        for result in extract_results(articles, settings=settings):
            result_quads(result)
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


def synthetic_graphs(articles: int) -> list[tuple[str, Any]]:
    """(graph IRI, rdflib Graph) of synthetic articles of about 330 quads each."""
    import pyoxigraph as ox
    from bench_store import article_lines
    from rdflib import Graph, URIRef

    from graphkit.store.terms import from_ox

    rng = random.Random(7)
    out = []
    for a in range(articles):
        data = "\n".join(
            article_lines(a, relations=16, mentions=20, entities=5000, rng=rng)
        ).encode()
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        name = quads[0].graph_name.value
        g = Graph(identifier=URIRef(name))
        for q in quads:
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        out.append((name, g))
    return out


def part_load(args: argparse.Namespace) -> None:
    from rdflib import URIRef

    from graphkit.store import open_store
    from graphkit.store.remote import open_remote

    graphs = synthetic_graphs(args.load_articles)
    triples = sum(len(g) for _, g in graphs)
    print(f"\nload: {len(graphs)} article graphs, {triples:,} triples (entailments come on top)")
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        with open_store(folder / "embedded") as st:
            began = time.perf_counter()
            for name, g in graphs:
                st.replace_article(URIRef(name), g)
            st.publish()
            embedded = triples / (time.perf_counter() - began)
        print(f"{'embedded store':<30} {embedded:10,.0f} triples/s   1.00x")

        binary = Path(sys.executable).parent / "oxigraph"
        with __import__("socket").socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen(
            [
                *(str(binary), "serve", "--location", str(folder / "server")),
                *("--bind", f"127.0.0.1:{port}", "--union-default-graph"),
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            remote = open_remote(f"sparql+http://127.0.0.1:{port}", retries=10)
            remote.query("ASK {}")  # waits (retrying) until the server is up
            for writers in (1, 4):
                batch = [(f"{name}-w{writers}", g) for name, g in graphs]
                began = time.perf_counter()
                if writers == 1:
                    for name, g in batch:
                        remote.replace_article(name, g)
                else:
                    with ThreadPoolExecutor(writers) as pool:
                        list(pool.map(lambda item: remote.replace_article(*item), batch))
                per_s = triples / (time.perf_counter() - began)
                label = f"Oxigraph server, {writers} writer(s)"
                print(f"{label:<30} {per_s:10,.0f} triples/s {per_s / embedded:6.2f}x")
        finally:
            server.terminate()
            server.wait(timeout=10)
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
    ap.add_argument("--skip-extraction", action="store_true")
    ap.add_argument("--skip-load", action="store_true")
    args = ap.parse_args()
    if not args.skip_extraction:
        part_extraction(args)
    if not args.skip_load:
        part_load(args)


if __name__ == "__main__":
    main()
