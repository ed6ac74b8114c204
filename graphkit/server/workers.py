"""Worker processes that run the endpoint's queries and updates, each with a time limit.

A worker is a separate Python process (started with ``python -c``, so no user script is
re-imported) that opens the store once: read-only workers read the newest published
snapshot and move to a newer one before each query; the single writer worker (when updates
are allowed) holds the store's writer lock. A request over its time limit is stopped by
ending its worker, which a new one replaces; an interrupted update leaves nothing behind,
as every update is one transaction.

Each worker is fenced in: on Linux it moves into a network namespace of its own with no
interface up (see :func:`isolate_network`), so no query can open a connection anywhere, and
its address space is limited to its size once the store is open plus ``max_memory`` MB
(:func:`limit_memory`): a query that needs more ends its worker (503) instead of the machine's
memory. A result over ``max_response`` MB is refused (422). Requests wait at most
``queue_wait`` seconds for a free worker, and at most ``max_queue`` of them wait at once;
others get a 503 with ``Retry-After`` at once.

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
MB = 1024 * 1024
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_network() -> str:
    """Move this process into new user and network namespaces, with no network; "" or why not.

    Nothing is reachable afterwards, not even 127.0.0.1 (the new namespace's loopback is
    down); file descriptors already open (the pipe to the server, the store's files) keep
    working. The user ids are mapped to themselves, so files look the same.
    """
    import ctypes
    import os

    if not sys.platform.startswith("linux"):
        return "network namespaces need Linux"
    uid, gid = os.getuid(), os.getgid()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return f"unshare: {os.strerror(ctypes.get_errno())}"
    for name, text in (
        ("uid_map", f"{uid} {uid} 1"),
        ("setgroups", "deny"),
        ("gid_map", f"{gid} {gid} 1"),
    ):
        with contextlib.suppress(OSError), open(f"/proc/self/{name}", "w") as f:
            f.write(text)
    return ""


def limit_memory(extra_mb: int) -> int:
    """Limit this process's address space to its current size plus ``extra_mb``; the limit.

    Returns 0 when the platform has no such limit.
    """
    import os

    try:
        import resource

        with open("/proc/self/statm") as f:
            size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return 0
    limit = size + extra_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return limit


def memory_reply(max_memory: int) -> Reply:
    return Reply.error(
        503,
        f"the query needed more than the {max_memory} MB memory limit of a worker and was stopped;"
        " narrow it or add LIMIT (or restart with a larger max_memory=)",
    )


def _render(result: Any, fmt: str) -> Reply:
    import pyoxigraph as ox

    from graphkit.query.results import MEDIA_TYPES, RDF_MEDIA_TYPES, format_result
    from graphkit.store.sparql import RDF_PREFIXES

    if result.kind == "CONSTRUCT":
        if fmt == "rdf-xml":
            body = (
                ox.serialize(result.triples, None, ox.RdfFormat.RDF_XML, prefixes=RDF_PREFIXES)
                or b""
            )
            return Reply(200, "application/rdf+xml", bytes(body))
        return Reply(200, RDF_MEDIA_TYPES[fmt], format_result(result, fmt).encode("utf-8"))
    return Reply(200, MEDIA_TYPES[fmt], format_result(result, fmt).encode("utf-8"))


def _answer(store: Any, job: dict[str, Any], max_results: int, max_response: int) -> Reply:
    """Run one request inside a worker process."""
    import pyoxigraph as ox

    from graphkit.store.sparql import ResultLimitError, check_query, execute

    if job["kind"] == "update":
        check_query(job["text"], name="update", allow_update=True)
        store.update(job["text"])
        return Reply(204, "text/plain; charset=utf-8", b"")
    store.refresh()
    try:
        graphs = {
            k: [ox.NamedNode(g) for g in job.get(k) or []] or None for k in ("default", "named")
        }
        result = execute(
            store.ox,
            job["text"],
            max_rows=max_results,
            default_graph=graphs["default"],
            named_graphs=graphs["named"],
        )
    except ResultLimitError as err:
        return Reply.error(422, str(err))
    except ValueError as err:
        return Reply.error(400, f"invalid graph IRI: {err}")
    fmt = negotiate(job.get("accept", ""), result.kind, override=job.get("format", ""))
    reply = _render(result, fmt)
    del result
    if len(reply.body) > max_response * MB:
        size = len(reply.body) / MB
        return Reply.error(
            422,
            f"the result is {size:.0f} MB, over the {max_response} MB limit; add LIMIT or narrow"
            " the query (or restart with a larger max_response=)",
        )
    return reply


def _worker_main(conn: Any, store_path: str, writer: bool, limits: dict[str, int]) -> None:
    """A worker process: fence itself in, open the store once, then answer until told to stop."""
    from graphkit.store import open_store

    fence = isolate_network()
    try:
        store = open_store(Path(store_path), read_only=not writer, create=False, publish_every=0.0)
    except GraphkitError as err:
        conn.send(("failed", str(err)))
        return
    limit_memory(limits["max_memory"])
    conn.send(("ready", fence))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        if job is None:
            break
        try:
            reply = _answer(store, job, limits["max_results"], limits["max_response"])
        except MemoryError:
            reply = memory_reply(limits["max_memory"])
        except QueryError as err:
            reply = Reply.error(400, str(err))
        except GraphkitError as err:
            reply = Reply.error(500, str(err))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:  # one bad request must not end the worker (Rust panics too)
            reply = Reply.error(500, f"the query failed: {err}")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(memory_reply(limits["max_memory"]))
    store.close()


def _worker_entry(fd: int, store_path: str, writer: bool, limits: dict[str, int]) -> None:
    """Entry point of a worker process (``python -c``), talking over the inherited socket ``fd``."""
    import signal
    import socket
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    sock = socket.socket(fileno=fd)
    conn = Connection(sock.detach())
    _worker_main(conn, store_path, writer, limits)


class _Worker:
    """One worker process, started with ``python -c`` (so user scripts are never re-imported)."""

    def __init__(self, store: Path, *, writer: bool, limits: dict[str, int]) -> None:
        import os
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        parent, child = socket.socketpair()
        code = (
            "import graphkit.server.workers as s; "
            f"s._worker_entry({child.fileno()}, {str(store)!r}, {writer!r}, {limits!r})"
        )
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        env.setdefault("MALLOC_ARENA_MAX", "2")  # fewer per-thread heaps inside the memory limit
        env["RUST_BACKTRACE"] = "0"  # a query over the memory limit logs one line, not a backtrace
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            pass_fds=(child.fileno(),),
            env=env,
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.ready = False
        self.fence = ""

    def ensure_ready(self) -> str:
        """ "" when the worker can take requests, else why not."""
        if self.ready:
            return ""
        if not self.conn.poll(STARTUP_TIMEOUT):
            return "a worker process did not start in time"
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            return "a worker process failed to start"
        self.ready = status == "ready"
        if self.ready:
            self.fence = message
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
    """Worker processes answering requests, each with a time and a memory limit.

    Args:
        store: the store folder.
        size: number of worker processes.
        writer: one process holding the writer lock (for updates) instead of readers.
        timeout: seconds a request may run.
        max_results: rows (or triples) a result may hold.
        max_memory: MB a query may add to its worker's address space.
        max_response: MB a serialized result may take.
        queue_wait: seconds a request may wait for a free worker.
        max_queue: requests that may wait at once; more get a 503 at once.
    """

    def __init__(
        self,
        store: Path,
        *,
        size: int,
        writer: bool,
        timeout: float,
        max_results: int,
        max_memory: int = 1024,
        max_response: int = 64,
        queue_wait: float = 30.0,
        max_queue: int = 256,
    ) -> None:
        import threading

        self._store, self._writer = store, writer
        self.limits = {
            "max_results": max_results,
            "max_memory": max_memory,
            "max_response": max_response,
        }
        self.timeout = timeout
        self.size = size
        self.queue_wait = queue_wait
        self.max_queue = max_queue
        self._waiting = 0
        self._lock = threading.Lock()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        started = [self._spawn() for _ in range(size)]
        problems = [p for p in (w.ensure_ready() for w in started) if p]
        self.fence = next((w.fence for w in started if w.fence), "")
        for worker in started:
            self._idle.put(worker)
        if problems:
            self.close()
            raise GraphkitError(problems[0])

    @property
    def isolated(self) -> bool:
        """True when the workers run without network (the engine-level SERVICE guard)."""
        return not self.fence

    def _spawn(self) -> _Worker:
        return _Worker(self._store, writer=self._writer, limits=self.limits)

    def _busy(self, message: str) -> Reply:
        return Reply.error(503, message, headers=(("Retry-After", "1"),))

    def _take(self) -> _Worker | Reply:
        with self._lock:
            if self._waiting >= self.max_queue:
                return self._busy(
                    f"all {self.size} workers are busy and {self.max_queue} requests are waiting;"
                    " try again in a moment"
                )
            self._waiting += 1
        try:
            return self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            return self._busy(
                f"all {self.size} workers stayed busy for {self.queue_wait:g} s;"
                " try again in a moment"
            )
        finally:
            with self._lock:
                self._waiting -= 1

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self._idle.put(self._spawn())

    def run(self, job: dict[str, Any]) -> Reply:
        worker = self._take()
        if isinstance(worker, Reply):
            return worker
        problem = worker.ensure_ready()
        if problem:
            self._replace(worker)
            return Reply.error(503, problem)
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            import signal

            with contextlib.suppress(Exception):
                worker.process.wait(5.0)
            aborted = worker.process.returncode in (
                -signal.SIGABRT,
                -signal.SIGSEGV,
                -signal.SIGBUS,
            )
            self._replace(worker)
            if aborted:  # an allocation beyond the address-space limit aborts the process
                return memory_reply(self.limits["max_memory"])
            return Reply.error(
                500, "the worker answering this request ended unexpectedly; try again"
            )
        self._replace(worker)  # over its time limit: end it, nothing it did is kept
        what = "update" if job["kind"] == "update" else "query"
        return Reply.error(
            503,
            f"the {what} took longer than the {self.timeout:g} s limit and was stopped;"
            " narrow it or add LIMIT",
        )

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                break
