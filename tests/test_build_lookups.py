"""A build asks the store about its own inputs only: look-ups by IRI and by source path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from graphkit.pipeline import build
from graphkit.pipeline.building import StoreSnapshot
from graphkit.store import counts, open_store
from graphkit.store.listing import ArticleListing
from graphkit.store.remote import open_remote


def _agree(st: Any) -> None:
    hashes, sources = st.article_hashes(), st.article_sources()
    assert hashes and sources
    for iri, digest in hashes.items():
        assert st.article_hash(iri) == digest
        assert st.article_hash(iri + "x") is None
    for iri, src in sources.items():
        assert st.articles_with_source(src) == {iri: src}
    assert st.articles_with_source("no/such/article.txt") == {}
    ontology = "https://w3id.org/graphkit/ontology"  # has a gk:contentHash, is no article
    assert st.article_hash(ontology) is None


def test_lookups_agree_with_the_whole_store_listing(small_articles: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build([small_articles], store=store)
    with open_store(store) as st:
        _agree(st)


def test_lookups_agree_on_a_server(oxigraph: str, small_articles: Path) -> None:
    build([small_articles], store=oxigraph)
    _agree(open_remote(oxigraph))


def _refuse_whole_store(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Any) -> dict[str, str]:
        msg = "a build read every article of the store"
        raise AssertionError(msg)

    def count(ox_store: Any) -> dict[str, int]:
        msg = "a build counted the whole store"
        raise AssertionError(msg)

    monkeypatch.setattr(ArticleListing, "article_hashes", refuse)
    monkeypatch.setattr(ArticleListing, "article_sources", refuse)
    monkeypatch.setattr(counts, "store_counts", count)  # the store keeps its figures
    monkeypatch.setattr(counts, "CARRY_RATIO", 0)  # and carries them, however small it is


def test_build_skips_and_replaces_without_reading_the_whole_store(
    small_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    _refuse_whole_store(monkeypatch)
    first = build([small_articles], store=store)
    assert (first.added, first.replaced, first.skipped) == (2, 0, 0)
    again = build([small_articles], store=store)
    assert (again.added, again.replaced, again.skipped) == (0, 0, 2)
    edited = small_articles / "uk-russia.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("23", "25"), encoding="utf-8")
    (small_articles / "new.txt").write_text("Petro met Lula in Brasília.\n", encoding="utf-8")
    third = build([small_articles], store=store)
    assert (third.added, third.replaced, third.skipped) == (1, 1, 1)
    assert third.totals["articles"] == 3
    monkeypatch.undo()
    with open_store(store) as st:
        assert third.totals == counts.store_counts(st.ox)
        assert sorted(Path(s).name for s in st.article_sources().values()) == [
            "new.txt",
            "petro-trump.txt",
            "uk-russia.txt",
        ]


def test_a_source_stored_relative_to_the_working_folder_is_still_replaced(
    small_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    build([small_articles], store=store)
    edited = small_articles / "uk-russia.txt"
    with open_store(store) as st:  # as an article extracted elsewhere and loaded would say
        [(iri, real)] = [(i, s) for i, s in st.article_sources().items() if s == str(edited)]
        relative = os.path.relpath(real, tmp_path)
        st.update(
            f'DELETE DATA {{ GRAPH <{iri}> {{ <{iri}> dcterms:source "{real}" }} }};'
            f'INSERT DATA {{ GRAPH <{iri}> {{ <{iri}> dcterms:source "{relative}" }} }}'
        )
        assert st.article_sources()[iri] == relative
    edited.write_text(edited.read_text(encoding="utf-8").replace("23", "25"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    again = build([Path("articles")], store=store)
    assert (again.added, again.replaced, again.skipped) == (0, 1, 1)
    with open_store(store) as st:
        assert len(st.article_hashes()) == 2


def test_snapshot_answers_what_the_store_held_when_the_build_began(
    small_articles: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    build([small_articles], store=store)
    edited = (small_articles / "uk-russia.txt").resolve()
    with open_store(store) as st:
        before = StoreSnapshot(st, [small_articles / "uk-russia.txt"])
        [owner] = before.owners(str(edited))
        digest = before.get(owner)
        assert digest is not None
        assert before.known_files([small_articles / "uk-russia.txt"]) == {owner: digest}
        before.before_change(owner, str(edited))
        st.remove_article(owner)
        assert st.article_hash(owner) is None
        assert before.get(owner) == digest  # the answer from before the change
        assert before.owners(str(edited)) == [owner]


def test_records_extracted_again_elsewhere_are_skipped_when_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dask workers know the stored hashes of input files, not of JSON Lines records: a
    record they extract again is skipped by the write loop, as if they had known it."""
    import graphkit.pipeline as pipeline

    records = tmp_path / "records.jsonl"
    records.write_text(
        '{"text": "Petro met Lula in Brasília."}\n{"text": "Macron visited Kenya."}\n',
        encoding="utf-8",
    )
    store = tmp_path / "store"
    first = build([records], store=store)
    assert (first.added, first.skipped) == (2, 0)
    with open_store(store) as st:
        stored = sorted(str(q) for q in st.ox)
    seen: list[dict[str, str]] = []

    def unknowing(
        files: Any, known: dict[str, str], *, settings: Any, report: Any, **_: Any
    ) -> Any:
        seen.append(known)
        return pipeline._local_graphs(files, {}, settings=settings, report=report, progress=False)

    monkeypatch.setattr(pipeline, "graphs_on_dask", unknowing)
    again = build([records], store=store, dask="elsewhere")
    assert seen == [{}]
    assert (again.added, again.replaced, again.skipped) == (0, 0, 2)
    with open_store(store) as st:
        assert sorted(str(q) for q in st.ox) == stored
