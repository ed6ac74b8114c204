"""Shared fixtures: the spaCy model and the sample articles, each loaded or extracted once.

Session-scoped so the model loads once per test run (``load_nlp`` caches it, and every
pipeline call in the same process reuses it) and ``data/articles`` is extracted once.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS

from graphkit.config import Settings
from graphkit.vocab import GK, GK_IRI, relation_names

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "data" / "gold" / "dev.jsonl"
SEED = ARTICLES / "seed-petro-trump.txt"
TEST_DATA = Path(__file__).resolve().parent / "data"

SMALL_ARTICLES = {
    "petro-trump.txt": (
        "Petro and Trump meet\n\n"
        "Colombian President Gustavo Petro met U.S. President Donald Trump at the White House "
        "on Tuesday.\n"
    ),
    "uk-russia.txt": (
        "Britain expels diplomats\n\n"
        "The United Kingdom expelled 23 Russian diplomats on Wednesday, Prime Minister "
        "Theresa May said.\n"
    ),
}
"""Two one-sentence articles: quick to extract, each with a relation the extractor finds."""


def labelled_triples(ds: Dataset, graph: URIRef | None = None) -> set[tuple[str, str, str]]:
    """(subject label, relation, object label) of every asserted relation, in one graph or all."""
    source: Graph = ds.graph(graph) if graph is not None else ds
    names = set(relation_names())
    labels: dict[Any, str] = {s: str(o) for s, _, o in ds.triples((None, RDFS.label, None))}
    found = set()
    for s, p, o in source:
        local = str(p)[len(GK_IRI) :] if str(p).startswith(GK_IRI) else ""
        if local in names and s in labels and o in labels:
            found.add((labels[s], local, labels[o]))
    return found


def assert_isomorphic(expected: Graph, actual: Graph, *, name: str = "graphs") -> None:
    """Fail unless the two graphs are isomorphic, printing the triples only one side has.

    Serialization order and blank node names never matter (rdflib's ``graph_diff``).
    """
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    pytest.fail(
        f"{name} differ\nonly expected:\n{only_expected.serialize(format='nt')}"
        f"\nonly actual:\n{only_actual.serialize(format='nt')}"
    )


def article_graphs(ds: Dataset) -> dict[str, Graph]:
    """The article graphs of a dataset, by IRI (graphs that hold a ``gk:Article`` node)."""
    graphs = {}
    for g in ds.graphs():
        if (g.identifier, RDF.type, GK.Article) in g:
            graphs[str(g.identifier)] = g
    return graphs


def confidences(ds: Dataset) -> list[float]:
    """Every ``gk:confidence`` value in the dataset."""
    return [float(o.toPython()) for o in ds.objects(None, GK.confidence) if isinstance(o, Literal)]


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Default settings (the packaged model and lexicons)."""
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Any:
    """The spaCy pipeline, loaded once for the whole run."""
    from graphkit.nlp import load_nlp

    return load_nlp(settings.model, settings.lexicon_dir)


@pytest.fixture(scope="session")
def articles_dataset(nlp: Any, settings: Settings) -> Dataset:
    """``data/articles`` extracted once (one named graph per article); do not modify it."""
    from graphkit.pipeline import extract_files

    return extract_files([ARTICLES], settings=settings)


@pytest.fixture(scope="session")
def articles_trig(articles_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``data/articles`` extracted once, as a TriG file."""
    from graphkit.store import write_rdf

    path = tmp_path_factory.mktemp("extracted") / "articles.trig"
    write_rdf(articles_dataset, path)
    return path


@pytest.fixture(scope="session")
def articles_store(nlp: Any, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store built once from ``data/articles``; copy it before writing to it."""
    from graphkit.pipeline import build

    store = tmp_path_factory.mktemp("store") / "graphkit-store"
    build([ARTICLES], store=store, settings=settings)
    return store


@pytest.fixture
def small_articles(tmp_path: Path) -> Path:
    """A fresh folder with two one-sentence articles (:data:`SMALL_ARTICLES`)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SMALL_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def store_copy(articles_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built store, free to be written to."""
    target = tmp_path / "graphkit-store"
    shutil.copytree(articles_store, target, ignore=shutil.ignore_patterns("*.lock"))
    return target


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``graphkit`` in-process: ``code, out, err = run_cli("query", ...)``."""
    from graphkit.cli import main

    def run(*argv: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def triples_of() -> Callable[..., set[tuple[str, str, str]]]:
    """:func:`labelled_triples` as a fixture."""
    return labelled_triples


@pytest.fixture(scope="session")
def graphs_of() -> Callable[[Dataset], dict[str, Graph]]:
    """:func:`article_graphs` as a fixture."""
    return article_graphs


@pytest.fixture(scope="session")
def confidences_of() -> Callable[[Dataset], list[float]]:
    """:func:`confidences` as a fixture."""
    return confidences


@pytest.fixture
def tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run the test inside an empty temporary folder (for commands with default paths)."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def sorted_nquads(store: Any) -> list[str]:
    """Every quad of a store (folder, or RemoteStore) but the ontology's, as sorted N-Quads lines.

    The ontology graph is left out: it is the same file in every store, but its blank nodes
    get new labels each time it is parsed.
    """
    from graphkit.store import ONTOLOGY_GRAPH, open_store

    if isinstance(store, Path):
        with open_store(store, read_only=True) as st:
            quads = list(st.ox)
    else:
        quads = list(store.ox.quads_for_pattern(None, None, None, None))
    return sorted(f"{q} ." for q in quads if q.graph_name.value != ONTOLOGY_GRAPH)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_oxigraph(folder: Path, *, port: int | None = None, union: bool = True) -> tuple[Any, str]:
    """Start the Oxigraph server (from the ``oxigraph`` package) on 127.0.0.1; (process, URL)."""
    import os
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        found = shutil.which("oxigraph")
        if found is None:
            pytest.skip("the Oxigraph server is not installed (pip install -e '.[scale]')")
        binary = Path(found)
    port = port or free_port()
    args = [str(binary), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(
        [*args, "--union-default-graph"] if union else args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "RUST_LOG": "error"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                break
        except (urllib.error.URLError, OSError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"the Oxigraph server did not start on {url}")
            time.sleep(0.1)
    return proc, "sparql+" + url


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server (union default graph) on a free port; its sparql+http URL."""
    proc, url = start_oxigraph(tmp_path / "oxigraph")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
