"""The pipeline end to end: folder builds, interrupted builds, thresholds and the seed article."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import assert_isomorphic
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from graphkit.commands import run_cli_query
from graphkit.pipeline import build
from graphkit.store import open_store, read_rdf
from graphkit.store.counts import store_counts, stored_figures
from graphkit.vocab import GK, GK_IRI, relation_names

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
BINARY = Path(__file__).resolve().parent / "data" / "binary.txt"
RELATIONS = frozenset(relation_names())

pytestmark = pytest.mark.usefixtures("nlp")


def relation_triples(graph: Graph) -> list[tuple[URIRef, str, URIRef]]:
    """The asserted relation triples of a graph, with the relation's local name."""
    found = []
    for s, p, o in graph.triples((None, None, None)):
        local = str(p)[len(GK_IRI) :] if str(p).startswith(GK_IRI) else ""
        if local in RELATIONS and isinstance(s, URIRef) and isinstance(o, URIRef):
            found.append((s, local, o))
    return found


def problems_of_article_graph(iri: str, graph: Graph) -> list[str]:
    """What is missing from one stored article graph (an empty list when it is complete)."""
    node = URIRef(iri)
    problems = []
    if (node, RDF.type, GK.Article) not in graph:
        problems.append("no gk:Article node")
    if graph.value(node, GK.contentHash) is None or graph.value(node, DCTERMS.source) is None:
        problems.append("article node without gk:contentHash or dcterms:source")
    for s, rel, o in relation_triples(graph):
        evidence = [
            ev
            for ev in graph.subjects(RDF.subject, s)
            if (ev, RDF.predicate, GK[rel]) in graph and (ev, RDF.object, o) in graph
        ]
        if not evidence:
            problems.append(f"{s} {rel} {o} has no evidence node")
        for ev in evidence:
            if (ev, GK.article, node) not in graph or graph.value(ev, GK.confidence) is None:
                problems.append(f"evidence {ev} is incomplete")
    return problems


def stored_article_graphs(store: Path) -> dict[str, Graph]:
    """Every article graph of a store, copied into memory (the store is closed afterwards)."""
    graphs: dict[str, Graph] = {}
    with open_store(store, read_only=True) as st:
        ds = st.dataset()
        for iri in st.article_sources():
            copy = Graph(identifier=URIRef(iri))
            for triple in ds.graph(URIRef(iri)):
                copy.add(triple)
            graphs[iri] = copy
        del ds
    return graphs


def seed_graph(ds: Dataset) -> Graph:
    [graph] = [
        g
        for g in ds.graphs()
        if str(g.value(g.identifier, DCTERMS.source) or "").endswith("seed-petro-trump.txt")
    ]
    return graph


# a folder with one bad file ------------------------------------------------------------------
def test_pipeline_build_reports_and_skips_a_bad_file(small_articles, tmp_path, settings):
    shutil.copy(BINARY, small_articles / "binary.txt")
    store = tmp_path / "store"
    report = build([small_articles], store=store, settings=settings)
    assert report.added == 2
    assert len(report.problems) == 1
    assert "binary.txt" in report.problems[0]
    assert "skipped: " in report.summary()
    graphs = stored_article_graphs(store)
    assert sorted(
        Path(str(g.value(URIRef(i), DCTERMS.source))).name for i, g in graphs.items()
    ) == ["petro-trump.txt", "uk-russia.txt"]


def test_pipeline_build_of_only_bad_files_stores_nothing(tmp_path, settings):
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(BINARY, folder / "binary.txt")
    report = build([folder], store=tmp_path / "store", settings=settings)
    assert (report.added, report.relations) == (0, 0)
    assert len(report.problems) == 1


# an interrupted build ------------------------------------------------------------------------
def many_articles(folder: Path, n: int = 30) -> list[Path]:
    """n short articles cut from data/articles: title, date and two paragraphs, each edited."""
    folder.mkdir(parents=True)
    sources = []
    for path in sorted(ARTICLES.glob("0*.txt")):
        title, date, *paragraphs = [
            p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()
        ]
        sources.append((title, date, paragraphs))
    written = []
    for i in range(n):
        title, date, paragraphs = sources[i % len(sources)]
        start = (i // len(sources)) % max(1, len(paragraphs) - 1)
        body = "\n\n".join(paragraphs[start : start + 2])
        text = f"{title} ({i})\n\n{date}\n\n{body}\n\nThis is edition {i} of the report.\n"
        path = folder / f"article-{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def killed_build(folder: Path, store: Path, *, writes: int, delay: float) -> None:
    """Run ``python -m graphkit build`` and SIGKILL it ``delay`` s after its ``writes``-th write
    begins.

    A write is seen when the store's ``unpublished`` marker appears (the writer creates it as
    it commits and removes it when it publishes a snapshot).
    """
    log_path = store.parent / "build.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graphkit", "build", str(folder), "--store", str(store), "-q"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 300
            seen, marked = 0, False
            while seen < writes:
                now_marked = (store / "unpublished").exists()
                seen += now_marked and not marked
                marked = now_marked
                if proc.poll() is not None:
                    assert proc.returncode == 0, log_path.read_text(errors="replace")
                    return  # finished before the kill: the caller tries again
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"the build wrote nothing in 300 s:\n{log_path.read_text(errors='replace')}"
                    )
                time.sleep(0.002)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)


@pytest.mark.slow
def test_pipeline_interrupted_build_leaves_a_readable_store(store_copy, tmp_path, settings):
    folder = tmp_path / "many"
    files = many_articles(folder)
    before = stored_article_graphs(store_copy)
    assert before, "the store to interrupt has no articles"
    # what a build that runs to its end writes for each article (cross-article resolution
    # included: "Petro" of a short article is the store's Gustavo Petro)
    complete = tmp_path / "complete" / "graphkit-store"
    shutil.copytree(store_copy, complete)
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "build", str(folder), "--store", str(complete), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    expected = stored_article_graphs(complete)
    assert len(set(expected) - set(before)) == len(files)

    new: set[str] = set()
    after: dict[str, Graph] = {}
    # Aim for a kill between the first and the last article: the writer's first write may be
    # the ontology (when it changed), so try after the first and after the second write.
    for attempt, (writes, delay) in enumerate(
        [(1, 0.3), (2, 0.05), (1, 0.0), (2, 0.3), (1, 1.5), (2, 1.5)]
    ):
        attempt_store = tmp_path / f"attempt-{attempt}" / "graphkit-store"
        shutil.copytree(store_copy, attempt_store)
        killed_build(folder, attempt_store, writes=writes, delay=delay)
        after = stored_article_graphs(attempt_store)
        new = set(after) - set(before)
        if 0 < len(new) < len(files):
            break

    assert 0 < len(new) < len(files), (
        f"could not stop the build mid-way ({len(new)} of {len(files)} written)"
    )
    for iri, graph in after.items():
        assert not problems_of_article_graph(iri, graph), (
            iri,
            problems_of_article_graph(iri, graph),
        )
    for iri in before:
        assert iri in after, f"a previous article is gone: {iri}"
        assert_isomorphic(before[iri], after[iri], name=iri)
    for iri in new:
        assert_isomorphic(expected[iri], after[iri], name=iri)
    with open_store(attempt_store, read_only=True) as st:  # too small to carry them: dropped
        assert stored_figures(st.ox) is None

    resumed = build([folder], store=attempt_store, settings=settings)
    with open_store(attempt_store, read_only=True) as st:  # counted once at the end, kept
        assert stored_figures(st.ox) == store_counts(st.ox) == resumed.totals
    assert resumed.skipped == len(new)
    assert resumed.added == len(files) - len(new)
    assert len(stored_article_graphs(attempt_store)) == len(before) + len(files)


# --min-confidence ----------------------------------------------------------------------------
def asserted_by_confidence(ds: Dataset) -> dict[tuple[str, str, str], float]:
    """(s, relation, o) -> best confidence among the asserted evidence in the dataset."""
    best: dict[tuple[str, str, str], float] = {}
    for ev in set(ds.subjects(RDF.type, GK.Evidence)):
        if str(ds.value(ev, GK.modality)) != "asserted":
            continue
        key = (
            str(ds.value(ev, RDF.subject)),
            str(ds.value(ev, RDF.predicate))[len(GK_IRI) :],
            str(ds.value(ev, RDF.object)),
        )
        conf = ds.value(ev, GK.confidence)
        assert isinstance(conf, Literal)
        best[key] = max(best.get(key, 0.0), float(conf.toPython()))
    return best


@pytest.mark.parametrize("threshold", [0.6, 0.85])
def test_pipeline_min_confidence_drops_weaker_relations(
    run_cli, articles_dataset, tmp_path, threshold
):
    everything = asserted_by_confidence(articles_dataset)
    kept_expected = {k for k, c in everything.items() if c >= threshold}
    assert kept_expected and kept_expected != set(everything), (
        "threshold does not split the relations"
    )
    out = tmp_path / "kept.trig"
    code, _, err = run_cli("extract", ARTICLES, "--min-confidence", str(threshold), "-o", out, "-q")
    assert code == 0, err
    kept = read_rdf(out)
    confidences = asserted_by_confidence(kept).values()
    assert confidences and min(confidences) >= threshold
    kept_relations = {(str(s), rel, str(o)) for s, rel, o in relation_triples(kept)}
    assert kept_relations == kept_expected


# the seed article ----------------------------------------------------------------------------
SEED_RELATIONS = [
    ("Gustavo Petro", "metWith", "Donald Trump"),
    ("Gustavo Petro", "leaderOf", "Colombia"),
    ("Donald Trump", "leaderOf", "United States"),
    ("Colombia", "extradited", "Pipe Tuluá"),
    ("United States", "deported", "Colombia"),
    ("United States", "sanctioned", "Gustavo Petro"),
]


@pytest.mark.parametrize("subject, relation, obj", SEED_RELATIONS)
def test_pipeline_seed_article_relations(articles_dataset, triples_of, subject, relation, obj):
    graph = seed_graph(articles_dataset)
    found = triples_of(articles_dataset, graph.identifier)
    assert (subject, relation, obj) in found, (
        f"missing {subject} {relation} {obj}; found {sorted(found)}"
    )


def test_pipeline_seed_who_met_whom_gives_full_names(articles_dataset):
    seed = Dataset(default_union=True)
    graph = seed_graph(articles_dataset)
    target = seed.graph(graph.identifier)
    for triple in graph:
        target.add(triple)
    from graphkit.graph import ENTITIES_GRAPH

    described = seed.graph(ENTITIES_GRAPH)  # entity descriptions live in their own graph
    for triple in articles_dataset.graph(ENTITIES_GRAPH):
        described.add(triple)
    table = run_cli_query(
        seed, query=None, preset="who-met-whom", params=[], fmt="csv", min_sources=None
    )
    rows = [line.split(",")[:2] for line in table.splitlines()[1:]]
    assert ["Donald Trump", "Gustavo Petro"] in [sorted(r) for r in rows], table
    assert not any(name in ("Petro", "Trump") for r in rows for name in r), table
