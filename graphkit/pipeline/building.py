"""The parts of a store build that are not its order: what a build reports, the store it
writes to, the files it reads and the Dask extraction it can hand the articles to.

:func:`graphkit.pipeline.build` puts them in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
    """The store's counts after the build (see :func:`graphkit.store.counts.store_counts`)."""
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
