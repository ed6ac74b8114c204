"""Opening a store folder: checks, the writer lock, readers on snapshots, and open_source.

Examples:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> open_store(folder, read_only=True)
    Traceback (most recent call last):
    ...
    graphkit.errors.StoreError: no store at ... run 'graphkit build PATH' first or pass graphs=FILE
    >>> with open_store(folder) as store:
    ...     store.read_only
    False
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from graphkit.errors import StoreError
from graphkit.store import snapshots as snap
from graphkit.store.disk import Store

MARKER = "graphkit-store.json"
FORMAT_VERSION = 3
"""2: entity descriptions in one entities graph, article graphs hold facts only; 3: each
asserted relation triple once, in the relations graph; article graphs hold their evidence."""


def _check_folder(root: Path, *, create: bool) -> None:
    if root.exists() and not root.is_dir():
        msg = f"store path {root} is a file, not a folder; pass the store folder (store=DIR)"
        raise StoreError(msg)
    marker = root / MARKER
    if marker.exists():
        try:
            version = json.loads(marker.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError, AttributeError):
            version = None
        if version != FORMAT_VERSION:
            msg = (
                f"{root} holds a graphkit store of another format version ({version}); "
                "rebuild it with 'graphkit build' into a new folder"
            )
            raise StoreError(msg)
        if (root / snap.IMPORTING).exists():
            msg = f"an import into {root} was interrupted; delete the folder and import again"
            raise StoreError(msg)
        return
    if not root.exists() or not any(root.iterdir()):
        if not create:
            msg = f"no store at {root}; run 'graphkit build PATH' first or pass graphs=FILE"
            raise StoreError(msg)
        root.mkdir(parents=True, exist_ok=True)
        from graphkit.store.formats import atomic_write

        atomic_write(
            marker, json.dumps({"format": "graphkit-store", "version": FORMAT_VERSION}) + "\n"
        )
        return
    msg = (
        f"{root} is not a graphkit store (no {MARKER}) and is not empty; "
        "choose another folder (store=DIR)"
    )
    raise StoreError(msg)


def _open_writer(root: Path, *, create: bool, wait: float, publish_every: float) -> Store:
    _check_folder(root, create=create)
    lock = snap.FileLock(root / snap.WRITER_LOCK)
    deadline = time.monotonic() + wait
    while not lock.acquire(exclusive=True, blocking=False):
        if time.monotonic() >= deadline:
            who = snap.owner(root)
            msg = (
                f"the store at {root} is being written by another process ({who or 'unknown'}); "
                "wait for it to finish or use another store (store=DIR)"
            )
            raise StoreError(msg)
        time.sleep(0.05)
    lock.write_owner()
    try:
        store = ox.Store(str(root / snap.DB))
    except OSError as err:
        lock.release()
        msg = (
            f"cannot open the store at {root}: {err}; "
            "if it is damaged, rebuild it into a new folder"
        )
        raise StoreError(msg) from None
    opened = Store(root, store, read_only=False, lock=lock, publish_every=publish_every)
    try:
        opened.ensure_ontology()
        from graphkit.merge import resolve_store

        resolve_store(opened)  # finish what an interrupted writer left pending
        if opened._dirty or snap.latest(root) is None or (root / snap.UNPUBLISHED).exists():
            opened.publish()
    except BaseException:
        opened._ox = None
        lock.release()
        raise
    return opened


def _open_reader(root: Path, *, wait: float) -> Store:
    _check_folder(root, create=False)
    stale = snap.latest(root) is None or (root / snap.UNPUBLISHED).exists()
    if stale and not snap.writer_active(root):
        with contextlib.suppress(StoreError):  # a writer may have started meanwhile: it publishes
            _open_writer(root, create=False, wait=0.0, publish_every=0.0).close()
    deadline = time.monotonic() + wait
    while (opened := snap.open_latest(root)) is None:
        if time.monotonic() >= deadline:
            msg = (
                f"the store at {root} has no published snapshot yet (it is being created); "
                "try again in a moment"
            )
            raise StoreError(msg)
        time.sleep(0.05)
    path, lock = opened
    try:
        store = ox.Store.read_only(str(path))
    except OSError as err:
        lock.release()
        msg = (
            f"cannot open the store at {root}: {err}; "
            "if it is damaged, rebuild it into a new folder"
        )
        raise StoreError(msg) from None
    return Store(root, store, read_only=True, lock=lock, snapshot=path)


def open_store(
    path: Path,
    *,
    create: bool = True,
    read_only: bool = False,
    wait: float = 5.0,
    publish_every: float = 5.0,
) -> Store:
    """Open (or create) an on-disk store folder.

    Args:
        path: the store folder.
        create: create the store if the folder is missing or empty (writers only).
        read_only: read the newest published snapshot; any number of readers, also while a
            writer writes.
        wait: seconds to wait for another writer to finish (or a first snapshot to appear).
        publish_every: writers publish a snapshot for readers at most this often (seconds),
            and always on close.

    Raises:
        StoreError: a missing store (read-only), a folder that is not a store, a store
            another process is writing, or a damaged database, each with the fix.
    """
    root = Path(path)
    if read_only:
        return _open_reader(root, wait=wait)
    return _open_writer(root, create=create, wait=wait, publish_every=publish_every)


def open_source(*, store: Path | None = None, graphs: Iterable[Path] = ()) -> Dataset:
    """What to read from: RDF files loaded in memory, or else a store opened read-only.

    Args:
        store: store folder (default: ``Settings().store``, i.e. ``./graphkit-store``).
        graphs: RDF files; when given, the store is not used.

    Returns:
        A Dataset (``default_union=True``). A store's Dataset keeps the store open while it
        lives and hides the derived graphs from the rdflib API (SPARQL through
        :func:`graphkit.query.run_query` still sees them).
    """
    files = list(graphs)
    if files:
        from graphkit.store.formats import read_rdf

        ds: Dataset | None = None
        for file in files:
            ds = read_rdf(Path(file), into=ds)
        assert ds is not None
        return ds
    if store is None:
        from graphkit.config import Settings

        store = Settings().store
    return open_store(Path(store), read_only=True).dataset()
