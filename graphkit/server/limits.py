"""What one endpoint allows: the time, memory, size and queue limits of ``graphkit serve``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from graphkit.errors import GraphkitError


def default_workers() -> int:
    """Worker processes by default: one per core, at least two."""
    return max(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class Limits:
    """What one endpoint allows; every field has a ``graphkit serve`` option of the same name.

    Examples:
        >>> limits = Limits(workers=2)
        >>> limits.backlog, limits.max_queue
        (256, 256)
    """

    timeout: float = 10.0
    """Seconds a query (or update) may run (503 after)."""
    max_results: int = 100_000
    """Rows (or triples) a result may hold (422 beyond)."""
    max_memory: int = 1024
    """MB of memory a query may add to its worker process (503 beyond)."""
    max_response: int = 64
    """MB a serialized result may take (422 beyond)."""
    workers: int = field(default_factory=default_workers)
    """Worker processes answering queries at once."""
    backlog: int = 0
    """Connections the system queues before the server accepts them (0: 64 per worker, >= 256)."""
    queue_wait: float = 30.0
    """Seconds a request may wait for a free worker (503 after)."""
    max_queue: int = 0
    """Requests that may wait for a worker at once (0: 64 per worker, >= 256); more get 503."""

    def __post_init__(self) -> None:
        numbers = {
            "timeout": self.timeout, "max_results": self.max_results,
            "max_memory": self.max_memory, "max_response": self.max_response,
            "workers": self.workers, "queue_wait": self.queue_wait,
        }  # fmt: skip
        bad = [f"{name}={value:g}" for name, value in numbers.items() if value <= 0]
        bad += [
            f"{n}={v:g}" for n, v in (("backlog", self.backlog), ("max_queue", self.max_queue))
            if v < 0
        ]  # fmt: skip
        if bad:
            msg = f"{', '.join(bad)} must be positive"
            raise GraphkitError(msg)
        if not self.backlog:
            object.__setattr__(self, "backlog", max(256, 64 * self.workers))
        if not self.max_queue:
            object.__setattr__(self, "max_queue", max(256, 64 * self.workers))
