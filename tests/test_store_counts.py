"""A store keeps its figures (articles, evidence, relations, actors, entities) write by write,
and they always equal a full count."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graphkit.pipeline import build, remove
from graphkit.store import counts as counts_module
from graphkit.store import open_store
from graphkit.store.counts import (
    FIGURES,
    figures_update,
    kept_counts,
    store_counts,
    stored_figures,
)
from graphkit.store.relations import write_articles
from graphkit.store.remote import open_remote
from graphkit.vocab import GK_IRI, ID_BASE

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _agree(st: Any) -> dict[str, int]:
    kept = stored_figures(st.ox)
    assert kept is not None, "the store keeps no figures"
    assert kept == store_counts(st.ox)
    return kept


def _refuse_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(ox_store: Any) -> dict[str, int]:
        msg = "a build counted the whole store"
        raise AssertionError(msg)

    monkeypatch.setattr(counts_module, "store_counts", refuse)


def _carry_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds carry the figures whatever the store's size (a test store is small)."""
    monkeypatch.setattr(counts_module, "CARRY_RATIO", 0)


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("23", "25"), encoding="utf-8")


# on a plain Oxigraph store, write by write ---------------------------------------------------
def _n(local: str) -> Any:
    return ox.NamedNode(ID_BASE + local)


def _said(k: int, s: str, rel: str, o: str, *, modality: str = "asserted") -> list[Any]:
    """An article graph's triples: the article node, one evidence node for s rel o, and the
    relation triple itself when asserted (as the graphs of an extraction have it)."""
    art, ev = _n(f"article/{k}"), _n(f"evidence/{k}-{s}-{o}")
    subject, obj, p = _n(f"person/{s}"), _n(f"person/{o}"), ox.NamedNode(GK_IRI + rel)
    a = ox.NamedNode(_RDF + "type")
    return [
        ox.Triple(art, a, ox.NamedNode(GK_IRI + "Article")),
        ox.Triple(ev, a, ox.NamedNode(GK_IRI + "Evidence")),
        *([ox.Triple(subject, p, obj)] if modality == "asserted" else []),
        ox.Triple(ev, ox.NamedNode(_RDF + "subject"), subject),
        ox.Triple(ev, ox.NamedNode(_RDF + "predicate"), p),
        ox.Triple(ev, ox.NamedNode(_RDF + "object"), obj),
        ox.Triple(ev, ox.NamedNode(GK_IRI + "modality"), ox.Literal(modality)),
    ]


def test_counts_follow_each_write_of_article_graphs() -> None:
    st = ox.Store()
    st.update(figures_update(dict.fromkeys(FIGURES, 0)))
    steps: list[dict[str, list[Any]]] = [
        {f"{ID_BASE}article/1": _said(1, "a", "metWith", "b")},
        {f"{ID_BASE}article/2": _said(2, "a", "metWith", "b") + _said(2, "b", "accused", "c")},
        {f"{ID_BASE}article/3": _said(3, "c", "accused", "d", modality="negated")},
        {f"{ID_BASE}article/1": []},  # removed: its fact stays, article 2 says it too
        {f"{ID_BASE}article/2": _said(2, "d", "threatened", "e")},  # replaced
        {  # a relation triple without evidence (hand-written) stays in its article graph
            f"{ID_BASE}article/4": [
                ox.Triple(_n("person/f"), ox.NamedNode(GK_IRI + "metWith"), _n("person/g"))
            ]
        },
        {f"{ID_BASE}article/2": [], f"{ID_BASE}article/3": []},
    ]
    seen = []
    for graphs in steps:
        st.update(write_articles(st, graphs))
        kept = stored_figures(st)
        assert kept == store_counts(st), graphs
        seen.append((kept["articles"], kept["relations"], kept["actors"]))
    assert seen == [(1, 1, 2), (2, 2, 3), (3, 2, 3), (2, 2, 3), (2, 1, 2), (2, 2, 4), (0, 1, 2)]


def test_counts_are_dropped_by_a_write_they_cannot_follow() -> None:
    st = ox.Store()
    st.update(figures_update(dict.fromkeys(FIGURES, 0)))
    blank = [ox.Triple(ox.BlankNode(), ox.NamedNode(GK_IRI + "metWith"), _n("person/a"))]
    st.update(write_articles(st, {f"{ID_BASE}article/1": blank}))
    assert stored_figures(st) is None  # a blank node cannot be looked up: counted again once


# builds into an embedded store ---------------------------------------------------------------
def test_counts_kept_by_builds_that_add_skip_replace_and_remove(
    small_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    _carry_always(monkeypatch)
    _refuse_counting(monkeypatch)  # a new store starts at zero, then follows each write
    first = build([small_articles], store=store)
    again = build([small_articles], store=store)
    assert (again.added, again.skipped) == (0, 2) and again.totals == first.totals
    _edit(small_articles / "uk-russia.txt")
    (small_articles / "new.txt").write_text("Petro met Lula in Brasília.\n", encoding="utf-8")
    third = build([small_articles], store=store)
    assert (third.added, third.replaced, third.skipped) == (1, 1, 1)
    assert "counted in full" not in third.summary()
    assert remove([str(small_articles / "petro-trump.txt")], store=store) == 1
    monkeypatch.undo()
    assert third.totals["articles"] == 3
    with open_store(store) as st:
        kept = _agree(st)
    assert kept["articles"] == 2 and kept["relations"] > 0 and kept["actors"] > 1


def test_counts_kept_while_resolution_rewrites_earlier_articles(
    store_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing and removing articles of data/articles moves entities between articles."""
    _carry_always(monkeypatch)
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    with open_store(store_copy) as st:
        _agree(st)
        sources = sorted(st.article_sources().values())
    build([folder], store=store_copy)  # the copies replace nothing: other files, same texts
    with open_store(store_copy) as st:
        _agree(st)
    remove(sources[:2], store=store_copy)
    for path in sorted(folder.glob("*.txt"))[:2]:
        _edit(path)
    build([folder], store=store_copy)
    with open_store(store_copy) as st:
        _agree(st)


def test_a_store_without_figures_is_counted_once(small_articles: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build([small_articles], store=store)
    with open_store(store) as st:
        st.update("DELETE WHERE { GRAPH <urn:x> { ?s ?p ?o } }")  # a raw update: figures go
        assert stored_figures(st.ox) is None
    again = build([small_articles], store=store)
    assert "counted in full once" in again.summary()
    with open_store(store) as st:
        assert again.totals == _agree(st)
    later = build([small_articles], store=store)
    assert "counted in full" not in later.summary()
    forced = build([small_articles], store=store, recount=True)
    assert "counted in full once" in forced.summary() and forced.totals == later.totals


def test_kept_figures_repaired_by_a_recount(small_articles: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build([small_articles], store=store)
    with open_store(store) as st:
        right = store_counts(st.ox)
        st.keep_counts({**right, "articles": 99})
        assert kept_counts(st)["articles"] == 99
        assert kept_counts(st, recount=True) == right
        assert kept_counts(st) == right


def test_a_bulk_import_is_counted_once_at_its_end(articles_trig: Path, tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as st:
        st.bulk_import(articles_trig)
        kept = _agree(st)
    assert kept["articles"] == 5 and kept["relations"] > 0


# a SPARQL server -----------------------------------------------------------------------------
def test_counts_kept_on_a_server(
    oxigraph: str, small_articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _carry_always(monkeypatch)
    first = build([small_articles], store=oxigraph)
    st = open_remote(oxigraph)
    assert first.totals == _agree(st)
    _edit(small_articles / "uk-russia.txt")
    (small_articles / "new.txt").write_text("Petro met Lula in Brasília.\n", encoding="utf-8")
    third = build([small_articles], store=oxigraph)
    assert (third.added, third.replaced) == (1, 1)
    assert third.totals == _agree(st)
    remove([str(small_articles / "new.txt")], store=oxigraph)
    assert _agree(st)["articles"] == 2


# what a build pays for the figures -----------------------------------------------------------
def _count_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    full = counts_module.store_counts

    def counting(ox_store: Any) -> dict[str, int]:
        calls.append(1)
        return full(ox_store)

    monkeypatch.setattr(counts_module, "store_counts", counting)
    return calls


def test_a_build_large_for_its_store_counts_in_full_once(
    small_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    calls = _count_calls(monkeypatch)
    first = build([small_articles], store=store)  # 2 inputs into an empty store
    assert len(calls) == 1 and "counted in full once" in first.summary()
    with open_store(store) as st:
        assert first.totals == _agree(st)
    calls.clear()
    again = build([small_articles], store=store)  # writes nothing: the figures stay, read
    assert calls == [] and again.totals == first.totals
    _edit(small_articles / "uk-russia.txt")
    edited = build([small_articles], store=store)  # 2 inputs, 2 articles: too few to carry
    assert edited.replaced == 1 and len(calls) == 1
    with open_store(store) as st:
        assert edited.totals == _agree(st)


def test_a_build_small_for_its_store_carries_the_figures(
    small_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    build([small_articles], store=store)
    monkeypatch.setattr(counts_module, "CARRY_RATIO", 1)  # 2 articles carry 2 inputs
    calls = _count_calls(monkeypatch)
    _edit(small_articles / "uk-russia.txt")
    carried = build([small_articles], store=store)
    assert carried.replaced == 1 and calls == [] and "counted in full" not in carried.summary()
    with open_store(store) as st:
        assert carried.totals == _agree(st)
    (small_articles / "new.txt").write_text("Petro met Lula in Brasília.\n", encoding="utf-8")
    counted = build([small_articles], store=store)  # 3 inputs: more than 2 articles carry
    assert counted.added == 1 and len(calls) == 1
    with open_store(store) as st:
        assert counted.totals == _agree(st)


def test_a_build_writing_more_than_it_said_drops_the_figures_in_time(
    small_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graphkit.pipeline.building import input_count
    from graphkit.store.counts import BuildFigures

    (tmp_path / "many.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n')
    (tmp_path / "one.txt").write_text("a")
    assert input_count([tmp_path / "many.jsonl", tmp_path / "one.txt"]) == 4
    store = tmp_path / "store"
    build([small_articles], store=store)
    monkeypatch.setattr(counts_module, "CARRY_RATIO", 1)
    with open_store(store) as st:
        figures = BuildFigures(st, inputs=1)  # 2 articles carry up to 2 writes
        assert figures.carried
        figures.before_write()
        figures.before_write()
        assert stored_figures(st.ox) is not None
        figures.before_write()  # a third: a full count at the end costs less from here
        assert stored_figures(st.ox) is None
        assert figures.totals() == store_counts(st.ox) and figures.counted
