"""The parts of a store build that are not its order: what a build reports, the store it
writes to, the files it reads and the Dask extraction it can hand the articles to.

:func:`graphkit.pipeline.build` puts them in order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit.config import Settings
from graphkit.errors import InputError
from graphkit.ingest import iter_article_files, source_key
from graphkit.records import Article


@dataclass
class BuildReport:
    """What a build did, and what the store holds after it; ``problems`` lists every input
    (file, record, URL) left out."""

    store: Path | str
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    relations: int = 0
    """Evidence records this build extracted (every relation read, asserted or not)."""
    totals: dict[str, int] = field(default_factory=dict)
    """The store's counts after the build (see :func:`graphkit.store.counts.store_counts`),
    as the store keeps them (:func:`graphkit.store.counts.kept_counts`)."""
    recounted: bool = False
    """The store's figures were counted in full (it kept none, too few articles to carry them
    for this build's inputs, or ``recount``)."""
    resumed: int = 0
    """Articles an interrupted earlier run left waiting for resolution, resolved now."""
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fetch: dict[str, int] = field(default_factory=dict)
    """What fetching did (see :class:`graphkit.ingest.fetch.Fetcher`); empty for files only."""

    def summary(self, *, problems: bool = True) -> str:
        """What was built, in a few lines (with a ``skipped:`` line per problem unless not
        ``problems``)."""
        lines = [
            f"built {self.store}: {self.added} article(s) added, {self.replaced} replaced, "
            f"{self.skipped} unchanged; {self.relations} evidence record(s) extracted "
            f"in {self.seconds:.1f} s"
        ]
        if self.totals:
            t = self.totals
            lines.append(
                f"store: {t['articles']} article(s), {t['evidence']} evidence records, "
                f"{t['relations']} asserted relations between {t['actors']} actors "
                f"({t['entities']} entities described)"
                + ("; counted in full once, kept from now on" if self.recounted else "")
            )
        if self.resumed:
            lines.append(
                f"finished the resolution of {self.resumed} article(s) an interrupted run left"
            )
        if self.fetch:
            f = self.fetch
            lines.append(
                f"fetched {f.get('downloaded', 0)} page(s), {f.get('not_modified', 0)} unchanged "
                f"(304), {f.get('cached', 0)} from the cache; {f.get('failed', 0)} failed"
            )
        if problems:
            lines += [f"skipped: {p}" for p in self.problems]
        return "\n".join(lines)


def with_real_source(article: Article) -> Article:
    from dataclasses import replace

    key = source_key(article.source)
    return replace(article, source=key) if key and key != article.source else article


@dataclass(frozen=True)
class Made:
    """One article to write: its IRI, input path, relation count and graphs (as triples)."""

    iri: str
    source: str
    relations: int
    graphs: dict[Any, set[Any]]


class StoreSnapshot:
    """What the store held when a build began, asked input by input.

    Each question is one look-up through the store's index (an article by IRI, articles by
    source path), so a build of k articles into a store of n reads O(k log n), not the whole
    store. Answers are kept: every IRI and source a build changes is asked before the change
    (:meth:`before_change`), so later questions get what the store held at the start, as
    when the build read all hashes and sources up front.
    """

    def __init__(self, store: Any, files: Sequence[Path] = ()) -> None:
        self.store = store
        self._hashes: dict[str, str | None] = {}
        self._owners: dict[str, list[str]] = {}
        self._spelled: dict[str, str] = {}  # real path -> the path as given
        for f in files:
            key = source_key(str(f))
            if key and key != str(f):
                self._spelled[key] = str(f)

    def get(self, iri: str, default: str | None = None) -> str | None:
        """The content hash of the article at ``iri`` when the build began (or ``default``)."""
        if iri not in self._hashes:
            self._hashes[iri] = self.store.article_hash(iri)
        found = self._hashes[iri]
        return default if found is None else found

    def owners(self, key: str) -> list[str]:
        """The articles whose source was the file ``key`` (a real path) when the build began.

        The store keeps each file's real path; a source written in another spelling (the
        path as given, relative to the working folder, or absolute but not resolved) is
        looked up under those spellings and counted when it resolves to the same file.
        """
        if not key:
            return []
        if key not in self._owners:
            given = self._spelled.get(key, key)
            spellings = {key, given, os.path.abspath(given)}
            with suppress(ValueError):  # another drive (Windows)
                spellings |= {os.path.relpath(key), os.path.relpath(os.path.abspath(given))}
            found: dict[str, str] = {}
            for spelling in sorted(spellings):
                found.update(self.store.articles_with_source(spelling))
            self._owners[key] = sorted(
                iri for iri, src in found.items() if (source_key(src) or src) == key
            )
        return self._owners[key]

    def before_change(self, iri: str, key: str = "") -> None:
        """Keep what the store holds at ``iri`` (and for the file ``key``) before it changes."""
        self.get(iri)
        self.owners(key)

    def known_files(self, files: Sequence[Path]) -> dict[str, str]:
        """Article IRI -> content hash of the articles read from these files when the build
        began (what Dask workers need to skip unchanged files; JSON Lines records are not
        found by path: the write loop skips them instead)."""
        known: dict[str, str] = {}
        for f in files:
            for iri in self.owners(source_key(str(f))):
                found = self.get(iri)
                if found is not None:
                    known[iri] = found
        return known


def content_hash_of(made: Made) -> str | None:
    """The ``gk:contentHash`` an extracted article's graph states."""
    from rdflib import URIRef

    from graphkit.vocab import GK

    node = URIRef(made.iri)
    for s, p, o in made.graphs.get(node, ()):
        if s == node and p == GK.contentHash:
            return str(o)
    return None


def open_for_build(store: Any) -> Any:
    """The store to build into: a folder (embedded store), a RemoteStore or a sparql+http URL."""
    from graphkit.store.remote import RemoteStore, is_remote, open_remote

    if isinstance(store, RemoteStore):
        opened = store
    elif is_remote(store):
        opened = open_remote(store)
    else:
        from graphkit.store import open_store

        return open_store(Path(store))
    opened.ensure_ontology()
    opened.check_union()  # before any work: a server that would hide the graphs from queries
    return opened


def input_count(files: Sequence[Path]) -> int:
    """How many articles these files hold, about: one a file, one a line of a ``.jsonl``
    file (counted without parsing), so that a build knows its size before it starts."""
    total = 0
    for path in files:
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with path.open("rb") as f:
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            total += max(1, lines)
        except OSError:
            total += 1  # reported when it is read
    return total


def article_files(paths: Sequence[Path]) -> list[Path]:
    files = list(iter_article_files(paths))
    if not files:
        msg = (
            f"no article files under {', '.join(map(str, paths))}; "
            "give .txt, .html, .md or .jsonl files or folders holding them"
        )
        raise InputError(msg)
    return files


def graphs_on_dask(
    files: list[Path],
    known: dict[str, str],
    *,
    settings: Settings,
    report: BuildReport,
    dask: str,
    partition_size: int | None,
    shard_dir: Path | None,
) -> Iterator[Made]:
    """Extract on Dask (graphkit.scale.cluster); shards in shard_dir or a temporary folder.

    Workers only extract: each article's graph comes back through a shard and is written by
    the build's one write loop, with its resolution, whatever the store (embedded or remote).
    """
    import shutil
    import tempfile

    from graphkit.scale.cluster import connect, dask_graphs

    folder = shard_dir
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="graphkit-shards-"))
    else:
        Path(folder).mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    try:
        with connect(dask, n_workers=settings.n_process) as client:
            made = dask_graphs(
                files,
                client=client,
                settings=settings,
                known=known,
                shard_dir=folder,
                partition_size=partition_size,
                problems=report.problems,
                counts=counts,
            )
            for item in made:
                yield Made(item.iri, item.source, item.relations, item.graphs())
    finally:
        report.skipped += counts.get("unchanged", 0)
        if shard_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
