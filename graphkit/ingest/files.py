"""Finding article files and reading their bytes within the limits.

Only regular files are read (a device, FIFO or socket is refused before it is opened for
reading, also through a symlink), and only up to ``max_bytes`` (:data:`MAX_FILE_BYTES`,
64 MiB, by default).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from graphkit.errors import InputError
from graphkit.ingest.text import ARTICLE_SUFFIXES, KINDS, decode_text

__all__ = ["MAX_FILE_BYTES", "iter_article_files", "read_bytes", "read_text_file", "source_key"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Default largest article file read (64 MiB); a larger file is refused with a message."""


def iter_article_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Yield the article files among ``paths``: files as given, folders searched recursively.

    Folders are walked in sorted order; hidden files and folders (a name starting with ".")
    and files whose extension is not in :data:`ARTICLE_SUFFIXES` are skipped. A file named
    explicitly is yielded whatever its extension. Each file is yielded once.

    Args:
        paths: files and folders, as given on the command line.

    Raises:
        InputError: a path does not exist, or a folder holds no article file.

    Examples:
        >>> list(iter_article_files([Path("no-such-folder")]))
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no such file or folder: no-such-folder; check the path
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            msg = f"no such file or folder: {path}; check the path"
            raise InputError(msg)
        found = list(_walk(path)) if path.is_dir() else [path]
        if not found:
            msg = f"folder {path} holds no article file ({KINDS}); check the path"
            raise InputError(msg)
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def read_text_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The decoded text of a file (a URL list, say), with the checks of :func:`read_articles`.

    Examples:
        >>> read_text_file(Path("missing.csv"))
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no such file or folder: missing.csv; check the path
    """
    data, _ = read_bytes(Path(path), max_bytes=max_bytes)
    return decode_text(data, name=str(path))


def read_bytes(path: Path, *, max_bytes: int) -> tuple[bytes, float]:
    """The file's bytes and modification time; only regular files, at most max_bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        msg = f"no such file or folder: {path}; check the path"
        raise InputError(msg) from None
    except OSError as err:
        msg = f"cannot read {path}: {err.strerror or err}; check the file's permissions"
        raise InputError(msg) from err
    if stat.S_ISDIR(info.st_mode):
        msg = f"{path} is a folder, not an article file; give the files in it (or use build)"
        raise InputError(msg)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: a FIFO swapped in after stat cannot hang us
    except OSError as err:
        msg = f"cannot read {path}: {err.strerror or err}; check the file's permissions"
        raise InputError(msg) from err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            msg = (
                f"{path} is not a regular file (a device, FIFO or socket); give article files only"
            )
            raise InputError(msg)
        if info.st_size > max_bytes:
            msg = (
                f"{path} is larger than the limit ({_mb(info.st_size)} > {_mb(max_bytes)}); split "
                "it or raise --max-file-size"
            )
            raise InputError(msg)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as err:
            msg = f"cannot read {path}: {err.strerror or err}; check the file"
            raise InputError(msg) from err
    if len(data) > max_bytes:  # the file grew while we read it
        msg = (
            f"{path} is larger than the limit ({_mb(max_bytes)}); split it or raise --max-file-size"
        )
        raise InputError(msg)
    return data, info.st_mtime


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def source_key(source: str) -> str:
    """What identifies an article read from a file: its resolved real path ('' for others).

    Any spelling of the same file ("articles/a.txt", "/abs/articles/a.txt", a symlink) gives
    the same key, so an edited article replaces its old version. Articles from JSON Lines or
    stdin have no key: their content hash identifies them.

    Examples:
        >>> source_key("") , source_key("no/such/file.txt")
        ('', '')
    """
    if not source or "#" in source:
        return ""
    try:
        path = Path(source)
        return str(path.resolve()) if path.is_file() else ""
    except OSError:
        return ""
