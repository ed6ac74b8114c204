"""The on-disk web cache: each page kept by URL with what the server said about it.

A page is two files named by the SHA-256 of its URL (``<key>.json`` with the headers and
``<key>.body``) in a folder named by the key's first two characters; both are written
atomically. A damaged entry is fetched again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import FetchError

__all__ = ["Page", "cache_load", "cache_save", "cache_touch", "is_fresh"]


@dataclass(frozen=True)
class Page:
    """A fetched (or cached) page: its bytes and what the server said about them."""

    url: str
    final_url: str
    content_type: str
    charset: str
    body: bytes
    fetched: str
    """When the body was fetched (ISO 8601, UTC)."""
    last_modified: str = ""
    etag: str = ""
    from_cache: bool = False

    @property
    def text(self) -> str:
        """The body decoded with the declared charset (bad bytes replaced), else UTF-8."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def _cache_paths(cache_dir: Path | None, url: str) -> tuple[Path, Path] | None:
    if cache_dir is None:
        return None
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    folder = Path(cache_dir) / key[:2]
    return folder / f"{key}.json", folder / f"{key}.body"


def cache_load(cache_dir: Path | None, url: str) -> Page | None:
    """The cached page of ``url``, or None (no cache, not cached, or a damaged entry)."""
    paths = _cache_paths(cache_dir, url)
    if paths is None or not paths[0].exists():
        return None
    try:
        meta = json.loads(paths[0].read_text(encoding="utf-8"))
        body = paths[1].read_bytes()
    except (OSError, ValueError):
        return None  # a damaged entry is fetched again
    if meta.get("url") != url:
        return None
    return Page(
        url=url,
        final_url=meta.get("final_url", url),
        content_type=meta.get("content_type", ""),
        charset=meta.get("charset", ""),
        body=body,
        fetched=meta.get("fetched", ""),
        last_modified=meta.get("last_modified", ""),
        etag=meta.get("etag", ""),
        from_cache=True,
    )


def is_fresh(cache_dir: Path | None, url: str, max_age: float) -> bool:
    """Whether the cached page of ``url`` was stored (or revalidated) under max_age s ago."""
    paths = _cache_paths(cache_dir, url)
    if paths is None:
        return False
    try:
        age = time.time() - paths[0].stat().st_mtime
    except OSError:
        return False
    return age < max_age


def cache_touch(cache_dir: Path | None, url: str) -> None:
    """Mark the cached page of ``url`` as just revalidated."""
    paths = _cache_paths(cache_dir, url)
    if paths is not None:
        with contextlib.suppress(OSError):
            os.utime(paths[0])


def cache_save(cache_dir: Path | None, page: Page) -> None:
    """Store a page (nothing without a cache folder).

    Raises:
        FetchError: the cache folder cannot be written.
    """
    paths = _cache_paths(cache_dir, page.url)
    if paths is None:
        return
    meta = {
        "url": page.url,
        "final_url": page.final_url,
        "content_type": page.content_type,
        "charset": page.charset,
        "fetched": page.fetched,
        "last_modified": page.last_modified,
        "etag": page.etag,
    }
    try:
        paths[0].parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(paths[1], page.body)
        _write_atomic(paths[0], json.dumps(meta).encode("utf-8"))
    except OSError as err:
        msg = (
            f"cannot write the web cache in {cache_dir}: {err.strerror or err}; "
            "give another --cache folder"
        )
        raise FetchError(msg) from err


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
