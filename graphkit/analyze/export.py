"""Write an actor graph for other tools: GraphML and GEXF (Gephi), CSV edge lists.

Lists and dicts are flattened into strings (GraphML and GEXF hold scalars only, and GraphML
no None); every file is written atomically (a temporary file in the same folder, then
renamed), so a failed export never leaves half a file.

Examples:
    >>> import tempfile, pathlib
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "actors.csv"
    >>> export_graph(actor_graph(example_dataset()), out)
    PosixPath('...actors.csv')
    >>> out.read_text(encoding="utf-8").splitlines()[0].split(",")[:5]
    ['source', 'target', 'source_label', 'target_label', 'predicate']
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.errors import InputError
from graphkit.store.formats import write_atomic

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}
CSV_COLUMNS = (
    "source", "target", "source_label", "target_label", "predicate", "plover", "quad", "score",
    "symmetric", "static", "sources", "confidence", "first_date", "last_date", "sentence",
    "article",
)  # fmt: skip


def _flat(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose node and edge attributes are all strings, numbers or booleans.

    String lists become "a; b"; other lists and dicts (the evidence) become JSON text.

    Examples:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("a", aliases=["x", "y"], iso3=None)
        >>> flat_graph(G).nodes["a"]
        {'aliases': 'x; y', 'iso3': ''}
    """
    F = G.__class__()
    F.add_nodes_from((n, {k: _flat(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    if G.is_multigraph():
        F.add_edges_from(
            (u, v, key, {k: _flat(x) for k, x in d.items()})
            for u, v, key, d in G.edges(keys=True, data=True)
        )
    else:
        F.add_edges_from(
            (u, v, {k: _flat(x) for k, x in d.items()}) for u, v, d in G.edges(data=True)
        )
    return F


def _write_csv(G: nx.Graph, tmp: Path) -> None:
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for u, v, d in sorted(
            G.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", ""))
        ):
            evidence = d.get("evidence") or [{}]
            first = next((e for e in evidence if e.get("modality") == "asserted"), evidence[0])
            row = {
                "source": u,
                "target": v,
                "source_label": G.nodes[u].get("label", ""),
                "target_label": G.nodes[v].get("label", ""),
                "sentence": " ".join(str(first.get("sentence", "")).split()),
                "article": first.get("article", ""),
            }
            writer.writerow([_flat(row.get(c, d.get(c, ""))) for c in CSV_COLUMNS])


def export_graph(G: nx.Graph, path: Path) -> Path:
    """Write ``G`` to ``path`` in the format its suffix names (.graphml, .gexf or .csv).

    The CSV is an edge list (one row per relation, with labels and the first asserting
    sentence); GraphML and GEXF keep every attribute, flattened by :func:`flat_graph`.

    Raises:
        InputError: an unknown suffix.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        msg = f"cannot export to '{path}': unknown suffix; use one of {', '.join(FORMATS)}"
        raise InputError(msg)
    if fmt == "csv":
        return write_atomic(path, lambda tmp: _write_csv(G, tmp))
    flat = flat_graph(G)
    if fmt == "graphml":
        return write_atomic(path, lambda tmp: nx.write_graphml(flat, tmp, encoding="utf-8"))
    return write_atomic(path, lambda tmp: nx.write_gexf(flat, tmp, encoding="utf-8"))
