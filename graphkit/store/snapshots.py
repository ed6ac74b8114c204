"""One writer, many readers: locks and published snapshots of an on-disk store.

RocksDB (under Oxigraph) lets one process open a database for writing, and opening it
read-only while that process writes is undefined. So readers never open the live database:
the writer *publishes* a snapshot (a RocksDB checkpoint: hard links, cheap) when it opens,
every few seconds while it writes, and when it closes, and readers open the newest snapshot.

A store folder::

    graphkit-store.json      marks the folder as a graphkit store (format version)
    db/                      the live database; only the process holding writer.lock opens it
    writer.lock              held (flock) by the writing process; holds its pid and command
    unpublished              exists while db/ has commits no snapshot holds yet
    snapshots/000000000007/  published snapshots; readers open the newest complete one
    snapshots/000000000007.lock  held shared (flock) by every reader of that snapshot

The writer deletes old snapshots that no reader holds. A reader that finds ``unpublished``
while no writer runs (the writer was killed) publishes the committed state itself.

Examples:
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> lock = FileLock(root / "writer.lock")
    >>> lock.acquire(exclusive=True, blocking=False)
    True
    >>> FileLock(root / "writer.lock").acquire(exclusive=False, blocking=False)
    False
    >>> lock.release()
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
from pathlib import Path
from typing import IO, Any

SNAPSHOTS = "snapshots"
DB = "db"
WRITER_LOCK = "writer.lock"
UNPUBLISHED = "unpublished"
IMPORTING = "importing"


class FileLock:
    """An advisory ``flock`` on a file, shared or exclusive; released on close or exit."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[str] | None = None

    def acquire(self, *, exclusive: bool, blocking: bool) -> bool:
        """Take the lock; returns False if ``blocking`` is false and another process holds it."""
        handle = self.path.open("a+", encoding="utf-8")
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if blocking else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle.fileno(), flags)
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True

    def write_owner(self) -> None:
        """Record this process (pid and command) in the lock file, for error messages."""
        if self._handle is not None:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.write(f"{os.getpid()} {' '.join(sys.argv[:3])}\n")
            self._handle.flush()

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def owner(root: Path) -> str:
    """Who holds the writer lock, as recorded in it ("pid 123: graphkit build"), or ""."""
    try:
        text = (root / WRITER_LOCK).read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    pid, _, command = text.partition(" ")
    if not pid:
        return ""
    program, *args = command.split(" ")
    return f"pid {pid}: {Path(program).name} {' '.join(args)}".strip()


def writer_active(root: Path) -> bool:
    """True while some process holds the store's writer lock."""
    if not (root / WRITER_LOCK).exists():
        return False
    probe = FileLock(root / WRITER_LOCK)
    if probe.acquire(exclusive=False, blocking=False):
        probe.release()
        return False
    return True


def snapshots(root: Path) -> list[Path]:
    """Complete snapshots, oldest first."""
    folder = root / SNAPSHOTS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.isdigit() and p.is_dir())


def latest(root: Path) -> Path | None:
    found = snapshots(root)
    return found[-1] if found else None


def publish(store: Any, root: Path) -> Path:
    """Checkpoint the live database as the newest snapshot; clears ``unpublished``."""
    folder = root / SNAPSHOTS
    folder.mkdir(exist_ok=True)
    newest = latest(root)
    seq = int(newest.name) + 1 if newest else 1
    tmp = folder / f".tmp-{seq:012d}-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    store.flush()
    store.backup(str(tmp))
    final = folder / f"{seq:012d}"
    os.rename(tmp, final)
    with contextlib.suppress(FileNotFoundError):
        (root / UNPUBLISHED).unlink()
    collect(root)
    return final


def collect(root: Path) -> None:
    """Delete snapshots older than the newest that no reader holds, and leftovers."""
    folder = root / SNAPSHOTS
    if not folder.is_dir():
        return
    found = snapshots(root)
    for old in found[:-1]:
        lock = FileLock(folder / f"{old.name}.lock")
        if lock.acquire(exclusive=True, blocking=False):
            try:
                shutil.rmtree(old, ignore_errors=True)
                with contextlib.suppress(FileNotFoundError):
                    lock.path.unlink()
            finally:
                lock.release()
    keep = {p.name for p in snapshots(root)}
    for entry in folder.iterdir():
        if entry.name.startswith(".tmp-"):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.suffix == ".lock" and entry.stem not in keep:
            lock = FileLock(entry)
            if lock.acquire(exclusive=True, blocking=False):
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
                lock.release()


def release(root: Path, snapshot: Path | None, lock: FileLock) -> None:
    """A reader lets go of its snapshot; the last reader of an outdated one deletes it."""
    lock.release()
    if snapshot is None or snapshot == latest(root):
        return
    mine = FileLock(snapshot.parent / f"{snapshot.name}.lock")
    with contextlib.suppress(OSError):
        if mine.acquire(exclusive=True, blocking=False):
            try:
                shutil.rmtree(snapshot, ignore_errors=True)
                with contextlib.suppress(FileNotFoundError):
                    mine.path.unlink()
            finally:
                mine.release()


def open_latest(root: Path) -> tuple[Path, FileLock] | None:
    """Lock (shared) the newest snapshot so no writer deletes it; None if there is none."""
    for _ in range(20):
        snap = latest(root)
        if snap is None:
            return None
        lock = FileLock(snap.parent / f"{snap.name}.lock")
        lock.acquire(exclusive=False, blocking=True)
        if snap.is_dir():
            return snap, lock
        lock.release()  # deleted between listing and locking: take the next newest
    return None
