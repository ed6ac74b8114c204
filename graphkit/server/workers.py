"""Worker processes that run the endpoint's queries and updates, each with a time limit.

A worker is a separate Python process (started with ``python -c``, so no user script is
re-imported) that opens the store once: read-only workers read the newest published
snapshot and move to a newer one before each query; the single writer worker (when updates
are allowed) holds the store's writer lock. A request over its time limit is stopped by
ending its worker, which a new one replaces; an interrupted update leaves nothing behind,
as every update is one transaction.

Examples:
    >>> Reply.error(400, "bad query").body
    b'bad query\\n'
"""

from __future__ import annotations

import contextlib
import queue
import sys
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError, QueryError
from graphkit.server.protocol import Reply, negotiate

STARTUP_TIMEOUT = 60.0
"""Seconds a new worker process may take to open the store."""


def _render(result: Any, fmt: str) -> Reply:
    import pyoxigraph as ox

    from graphkit.query.results import MEDIA_TYPES, RDF_MEDIA_TYPES, format_result
    from graphkit.store.sparql import RDF_PREFIXES

    if result.kind == "CONSTRUCT":
        if fmt == "rdf-xml":
            body = ox.serialize(result.triples, None, ox.RdfFormat.RDF_XML, prefixes=RDF_PREFIXES) or b""
            return Reply(200, "application/rdf+xml", bytes(body))
        return Reply(200, RDF_MEDIA_TYPES[fmt], format_result(result, fmt).encode("utf-8"))
    return Reply(200, MEDIA_TYPES[fmt], format_result(result, fmt).encode("utf-8"))


def _answer(store: Any, job: dict[str, Any], max_results: int) -> Reply:
    """Run one request inside a worker process."""
    import pyoxigraph as ox

    from graphkit.store.sparql import ResultLimitError, execute

    if job["kind"] == "update":
        store.update(job["text"])
        return Reply(204, "text/plain; charset=utf-8", b"")
    store.refresh()
    try:
        graphs = {k: [ox.NamedNode(g) for g in job.get(k) or []] or None for k in ("default", "named")}
        result = execute(
            store.ox, job["text"], max_rows=max_results, default_graph=graphs["default"], named_graphs=graphs["named"]
        )
    except ResultLimitError as err:
        return Reply.error(422, str(err))
    except ValueError as err:
        return Reply.error(400, f"invalid graph IRI: {err}")
    return _render(result, negotiate(job.get("accept", ""), result.kind, override=job.get("format", "")))


def _worker_main(conn: Any, store_path: str, writer: bool, max_results: int) -> None:
    """A worker process: open the store once, then answer requests until told to stop."""
    from graphkit.store import open_store

    try:
        store = open_store(Path(store_path), read_only=not writer, create=False, publish_every=0.0)
    except GraphkitError as err:
        conn.send(("failed", str(err)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        if job is None:
            break
        try:
            reply = _answer(store, job, max_results)
        except QueryError as err:
            reply = Reply.error(400, str(err))
        except GraphkitError as err:
            reply = Reply.error(500, str(err))
        except Exception as err:  # one bad request must not end the worker
            reply = Reply.error(500, f"the query failed: {err}")
        conn.send(reply)
    store.close()


def _worker_entry(fd: int, store_path: str, writer: bool, max_results: int) -> None:
    """Entry point of a worker process (``python -c``), talking over the inherited socket ``fd``."""
    import signal
    import socket
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    sock = socket.socket(fileno=fd)
    conn = Connection(sock.detach())
    _worker_main(conn, store_path, writer, max_results)


class _Worker:
    """One worker process, started with ``python -c`` (so user scripts are never re-imported)."""

    def __init__(self, store: Path, *, writer: bool, max_results: int) -> None:
        import os
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        parent, child = socket.socketpair()
        code = (
            "import graphkit.server.workers as s; "
            f"s._worker_entry({child.fileno()}, {str(store)!r}, {writer!r}, {max_results!r})"
        )
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], pass_fds=(child.fileno(),), env=env, stdin=subprocess.DEVNULL
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.ready = False

    def ensure_ready(self) -> str:
        """"" when the worker can take requests, else why not."""
        if self.ready:
            return ""
        if not self.conn.poll(STARTUP_TIMEOUT):
            return "a worker process did not start in time"
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            return "a worker process failed to start"
        self.ready = status == "ready"
        return "" if self.ready else message

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            with contextlib.suppress(Exception):
                self.process.wait(2.0)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5.0)
        self.conn.close()


class WorkerPool:
    """Worker processes answering requests, each with a time limit."""

    def __init__(self, store: Path, *, size: int, writer: bool, timeout: float, max_results: int) -> None:
        self._store, self._writer, self._max = store, writer, max_results
        self.timeout = timeout
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        started = [self._spawn() for _ in range(size)]
        problems = [p for p in (w.ensure_ready() for w in started) if p]
        for worker in started:
            self._idle.put(worker)
        if problems:
            self.close()
            raise GraphkitError(problems[0])

    def _spawn(self) -> _Worker:
        return _Worker(self._store, writer=self._writer, max_results=self._max)

    def run(self, job: dict[str, Any]) -> Reply:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Reply.error(503, f"all {self.size} workers are busy; try again in a moment")
        problem = worker.ensure_ready()
        if problem:
            worker.stop(kill=True)
            self._idle.put(self._spawn())
            return Reply.error(503, problem)
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            worker.stop(kill=True)
            self._idle.put(self._spawn())
            return Reply.error(500, "the worker answering this request ended unexpectedly; try again")
        worker.stop(kill=True)  # over its time limit: end it, nothing it did is kept
        self._idle.put(self._spawn())
        what = "update" if job["kind"] == "update" else "query"
        return Reply.error(
            503, f"the {what} took longer than the {self.timeout:g} s limit and was stopped; narrow it or add LIMIT"
        )

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                break


