"""Each fact once in a store: the relations graph follows the articles that support it.

The same checks run on the embedded store and on a real Oxigraph server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import start_oxigraph
from rdflib import URIRef

from graphkit.graph import article_dataset
from graphkit.merge import remove_from_store
from graphkit.merge.resolver import add_article
from graphkit.merge.terms import to_graphs
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.store import open_store
from graphkit.store.relations import RELATIONS_GRAPH
from graphkit.store.remote import open_remote
from graphkit.vocab import article_iri

MET = "SELECT ?a ?b WHERE { ?s gk:metWith ?o . ?s rdfs:label ?a . ?o rdfs:label ?b }"
SANCTIONED = "SELECT ?a ?b WHERE { ?s gk:sanctioned ?o . ?s rdfs:label ?a . ?o rdfs:label ?b }"


@pytest.fixture(params=["disk", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "disk":
        with open_store(tmp_path / "store") as st:
            yield st
        return
    proc, url = start_oxigraph(tmp_path / "oxigraph")
    try:
        with open_remote(url) as st:
            st.ensure_ontology()
            yield st
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _article(text: str, source: str, *relations: tuple[Entity, str, Entity, str]) -> Any:
    art = Article.from_text(text, source=source)
    rels = tuple(
        Relation(s, p, o, Evidence(art.id, text, 0, len(text), "met", 0.9, modality=modality))
        for s, p, o, modality in relations
    )
    ents = tuple({e.key: e for r in rels for e in (r.subject, r.object)}.values())
    return art, to_graphs(article_dataset(ArticleResult(art, ents, rels)))


def _add(st: Any, text: str, source: str, *relations: tuple[Entity, str, Entity, str]) -> URIRef:
    art, graphs = _article(text, source, *relations)
    st.apply(add_article(st.ox, graphs))
    return URIRef(article_iri(art.id))


def _rows(st: Any, sparql: str) -> list[tuple[str, ...]]:
    return [tuple(str(t.value) for t in row) for row in st.query(sparql).rows]


PETRO, LULA = Entity("Person", "Gustavo Petro"), Entity("Person", "Lula")
UK, RUSSIA = Entity("Country", "United Kingdom"), Entity("Country", "Russia")


def test_store_relations_a_fact_two_articles_report_is_one_row(store: Any) -> None:
    first = _add(store, "Petro met Lula.", "a.txt", (PETRO, "metWith", LULA, "asserted"))
    second = _add(store, "Lula met Petro.", "b.txt", (LULA, "metWith", PETRO, "asserted"))
    # one row each way (metWith is symmetric), without DISTINCT, as one article gives
    assert sorted(_rows(store, MET)) == [("Gustavo Petro", "Lula"), ("Lula", "Gustavo Petro")]
    assert len(_rows(store, "SELECT ?s WHERE { ?s gk:CONSULT ?o }")) == 2
    # how many articles report it: a count of evidence
    reports = _rows(
        store,
        "SELECT ?a WHERE { ?e rdf:predicate gk:metWith ; gk:modality 'asserted' ; gk:article ?a }",
    )
    assert sorted(reports) == sorted([(str(first),), (str(second),)])
    remove_from_store(store, [first])
    assert sorted(_rows(store, MET)) == [("Gustavo Petro", "Lula"), ("Lula", "Gustavo Petro")]
    remove_from_store(store, [second])
    assert _rows(store, MET) == []
    assert (
        _rows(
            store,
            f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(STRSTARTS(STR(?g), '{RELATIONS_GRAPH}')) }}",
        )
        == []
    )


def test_store_relations_one_way_fact_keeps_its_direction(store: Any) -> None:
    for n in range(3):
        _add(
            store, "Britain sanctioned Russia.", f"s{n}.txt", (UK, "sanctioned", RUSSIA, "asserted")
        )
    assert _rows(store, SANCTIONED) == [("United Kingdom", "Russia")]
    assert len(_rows(store, "SELECT ?s WHERE { ?s gk:interactedWith ?o }")) == 1


def test_store_relations_replaced_article_takes_its_fact_along(store: Any) -> None:
    first = _add(
        store, "Britain sanctioned Russia.", "s.txt", (UK, "sanctioned", RUSSIA, "asserted")
    )
    # the same article read again, now as a hypothetical sanction: its graph is replaced
    again = _add(
        store, "Britain sanctioned Russia.", "s.txt", (UK, "sanctioned", RUSSIA, "hypothetical")
    )
    assert again == first
    assert _rows(store, SANCTIONED) == []  # the evidence stays, the fact goes
    assert len(_rows(store, "SELECT ?e WHERE { ?e gk:modality 'hypothetical' }")) == 1


def test_store_relations_resolution_merge_keeps_one_row(store: Any) -> None:
    short = Entity("Person", "Petro")
    _add(store, "Petro met Lula.", "a.txt", (short, "metWith", LULA, "asserted"))
    assert sorted(_rows(store, MET)) == [("Lula", "Petro"), ("Petro", "Lula")]
    # a second article names him in full: both articles' meetings are one fact
    _add(store, "Gustavo Petro met Lula.", "b.txt", (PETRO, "metWith", LULA, "asserted"))
    assert sorted(_rows(store, MET)) == [("Gustavo Petro", "Lula"), ("Lula", "Gustavo Petro")]
    rows = _rows(store, "SELECT ?s ?o WHERE { ?s gk:metWith ?o }")
    assert len(rows) == 2 and len({s for s, _ in rows}) == 2  # no triple of the old IRI left


def test_store_relations_old_format_is_refused_with_the_fix(tmp_path: Path) -> None:
    from graphkit.errors import StoreError

    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "graphkit-store.json").write_text('{"format": "graphkit-store", "version": 2}\n')
    with pytest.raises(StoreError, match=r"another format version \(2\); rebuild it"):
        open_store(folder)
