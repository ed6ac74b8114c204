"""graphkit: knowledge graphs of who did what to whom, from news articles.

Importing graphkit does no work: the spaCy model and the stores load on first use, and
each name below imports its module only when it is first used.

Examples:
    >>> import graphkit
    >>> graphkit.relation("metWith").plover
    'CONSULT'
    >>> sorted(graphkit.__all__)[:4]
    ['ExportError', 'GK', 'GraphkitError', 'InputError']
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API: dict[str, str] = {
    # the pipeline: articles -> RDF -> store
    "extract_text": "graphkit.pipeline",
    "extract_files": "graphkit.pipeline",
    "build": "graphkit.pipeline",
    "remove": "graphkit.pipeline",
    "Settings": "graphkit.config",
    # files, stores and queries
    "open_store": "graphkit.store",
    "open_source": "graphkit.store",
    "read_rdf": "graphkit.store",
    "write_rdf": "graphkit.store",
    "merge_files": "graphkit.merge",
    "run_query": "graphkit.query",
    "format_result": "graphkit.query",
    "validate_dataset": "graphkit.validate",
    # analysis, maps and exports
    "actor_graph": "graphkit.analyze",
    "analyze": "graphkit.analyze",
    "export_graph": "graphkit.analyze",
    "export_events": "graphkit.analyze.eventdata",
    "plover_records": "graphkit.analyze.eventdata",
    "build_map": "graphkit.visualize",
    "write_map": "graphkit.visualize",
    # the vocabulary
    "GK": "graphkit.vocab",
    "relation": "graphkit.vocab",
    "relations": "graphkit.vocab",
    # errors
    "GraphkitError": "graphkit.errors",
    "InputError": "graphkit.errors",
    "QueryError": "graphkit.errors",
    "StoreError": "graphkit.errors",
    "ModelError": "graphkit.errors",
    "ExportError": "graphkit.errors",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        msg = f"module 'graphkit' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
