"""The graph users query: each fact once, each entity described once, articles by real path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphkit.analyze import actor_graph, analyze
from graphkit.pipeline import build, remove
from graphkit.store import open_source, open_store
from graphkit.store.counts import store_counts
from graphkit.validate import validate_path
from graphkit.visualize import write_map

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = [ROOT / "data" / "articles", *sorted((ROOT / "data" / "eval").glob("*/articles"))]


def _rows(store: Path, sparql: str) -> list[tuple[str, ...]]:
    with open_store(store, read_only=True) as st:
        return [tuple(str(t.value) for t in row) for row in st.query(sparql).rows]


@pytest.fixture(scope="module")
def bundled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("bundled") / "store"
    build(BUNDLED, store=store)
    return store


@pytest.mark.slow
def test_graph_label_join_counts_each_fact_once(bundled_store: Path) -> None:
    rows = _rows(
        bundled_store,
        "SELECT ?a ?b (COUNT(*) AS ?n) WHERE { ?s gk:sanctioned ?o . ?s rdfs:label ?a . "
        "?o rdfs:label ?b } GROUP BY ?a ?b",
    )
    counts = {(a, b): int(n) for a, b, n in rows}
    assert counts[("United Kingdom", "Russia")] == 1
    assert set(counts.values()) == {1}


@pytest.mark.slow
def test_graph_each_fact_once_however_many_articles_report_it(bundled_store: Path) -> None:
    from graphkit.vocab import relations

    every = " ".join(f"<{r.iri}>" for r in relations())
    for pattern in (f"VALUES ?p {{ {every} }} ?s ?p ?o", "?s gk:CONSULT ?o", "?s gk:leaderOf ?o"):
        rows = _rows(bundled_store, f"SELECT * WHERE {{ {pattern} }}")  # no DISTINCT
        assert rows and len(rows) == len(set(rows)), pattern
    # some fact has several reports: the evidence counts them
    reports = _rows(
        bundled_store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s gk:leaderOf ?o . ?e rdf:subject ?s ; "
        "rdf:predicate gk:leaderOf ; rdf:object ?o ; gk:modality 'asserted' } GROUP BY ?s ?o",
    )
    assert max(int(n) for (n,) in reports) > 1


@pytest.mark.slow
def test_graph_each_country_once(bundled_store: Path) -> None:
    rows = _rows(bundled_store, "SELECT ?s WHERE { ?s a gk:Country }")
    assert len(rows) == len(set(rows))
    assert rows.count(("https://w3id.org/graphkit/id/country/iran",)) == 1


@pytest.mark.slow
def test_graph_merges_the_known_duplicates(bundled_store: Path) -> None:
    labels = {r[0] for r in _rows(bundled_store, "SELECT ?l WHERE { ?e a ?t ; rdfs:label ?l }")}
    for gone in ("Hassan Sheikh", "Krasikov", "Erdogan", "LONDON"):
        assert gone not in labels
    for one, other in (("al-Qaeda", "al-Qaida"), ("Abdel Fattah el-Sisi", "Abdel Fattah el-Sissi")):
        assert (one in labels) != (other in labels)  # spelling variants: one entity
    for kept in ("Hassan Sheikh Mohamud", "Vadim Krasikov", "Recep Tayyip Erdoğan"):
        assert kept in labels
    kinds = _rows(bundled_store, "SELECT ?t WHERE { ?e rdfs:label 'Vadim Krasikov' ; a ?t }")
    assert kinds == [("https://w3id.org/graphkit/ontology#Person",)]


@pytest.mark.slow
def test_graph_store_of_every_bundled_article_validates(bundled_store: Path) -> None:
    conforms, text = validate_path(bundled_store)
    assert conforms, text[:2000]


@pytest.mark.slow
def test_graph_counts_agree_with_the_build_report(bundled_store: Path, tmp_path: Path) -> None:
    again = build(BUNDLED, store=bundled_store)
    with open_store(bundled_store, read_only=True) as st:
        counts = store_counts(st.ox)
    assert again.added == 0 and again.skipped == counts["articles"]
    assert again.totals == counts
    said = f"{counts['relations']} asserted relations between {counts['actors']} actors"
    assert said in again.summary()
    # the report and the map count the same relations and actors as the build
    graph = actor_graph(open_source(store=bundled_store))
    report = analyze(graph, top=3)["graph"]
    assert (report["relations"], report["linked"]) == (counts["relations"], counts["actors"])
    drawn = write_map(graph, tmp_path / "map.html")
    assert (
        f"{counts['relations']:,} asserted relations between {counts['actors']:,} actors" in drawn
    )


def test_graph_another_spelling_of_the_path_replaces_the_article(
    tmp_path: Path, small_articles: Path
) -> None:
    folder = small_articles
    store = tmp_path / "store"
    first = build([folder.resolve()], store=store)
    assert first.added == 2
    edited = folder / "uk-russia.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("23", "25"), encoding="utf-8")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        again = build([Path("articles")], store=store)
    finally:
        os.chdir(here)
    assert (again.added, again.replaced, again.skipped) == (0, 1, 1)
    rows = _rows(store, "SELECT ?a WHERE { ?a a gk:Article }")
    assert len(rows) == 2
    assert remove([str(edited)], store=store) == 1


def _cookbook() -> list[str]:
    text = (ROOT / "docs" / "cookbook.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```sparql")[1:]]


@pytest.mark.slow
def test_graph_cookbook_queries_return_each_row_once(bundled_store: Path) -> None:
    queries = _cookbook()
    assert len(queries) == 10
    results = [_rows(bundled_store, q) for q in queries]
    for query, rows in zip(queries, results, strict=True):
        assert rows, query
        assert "DISTINCT" not in query and "GRAPH" not in query
        assert len(rows) == len(set(rows)), query
    sanctions, countries, putin, active, leaders, per_relation, iran, erdogan, why, pair = results
    assert ("United Kingdom", "Russia") in sanctions
    assert countries.count(("Iran",)) == 1
    assert all(len(r) == 3 for r in putin) and putin
    assert len(active) == 5 and int(active[0][1]) >= int(active[-1][1])
    assert ("Gustavo Petro", "Colombia") in {(a, b) for a, b, _ in leaders}
    assert all(p.startswith("https://w3id.org/graphkit/ontology#") for p, _ in per_relation)
    assert all(int(n) >= 1 for _, n in iran)
    assert erdogan == [("Recep Tayyip Erdoğan", "https://w3id.org/graphkit/ontology#Person")]
    assert {said for said, _ in why} == {"Ivanishvili", "Bidzina Ivanishvili"}
    assert {f for f, _, _ in pair} == {"United States", "Colombia"}


@pytest.mark.slow
def test_graph_analyze_counts_what_build_counts(
    bundled_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from graphkit.cli import main

    with open_store(bundled_store, read_only=True) as st:
        counts = store_counts(st.ox)
    assert main(["analyze", "--store", str(bundled_store), "--format", "json"]) == 0
    graph = json.loads(capsys.readouterr().out)["report"]["graph"]
    assert (graph["relations"], graph["linked"], graph["actors"]) == (
        counts["relations"],
        counts["actors"],
        counts["entities"],
    )
