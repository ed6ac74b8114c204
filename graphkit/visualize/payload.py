"""The actor graph as the plain data the map page draws (JSON-ready dicts, all text as text).

Input is the graph of :func:`graphkit.analyze.actor_graph`: node attributes ``label``,
``type``, ``aliases``, ``iso3``; one edge per relation, keyed by predicate, with ``predicate``,
``quad``, ``static``, ``symmetric``, ``sources``, ``confidence``, ``first_date``,
``last_date`` and ``evidence`` (dicts with ``sentence``, ``article``, ``title``, ``date``,
``source``, ``cue``, ``confidence``, ``event_date``, ``modality``). Nothing here is HTML: the
page puts every string in as text.

Examples:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Colombia", type="Country")
    >>> g.add_node("b", label="United States", type="Country")
    >>> g.add_edge("a", "b", key="criticized", predicate="criticized", quad="verbal-conflict",
    ...            static=False, symmetric=False, sources=2, confidence=0.9)
    'criticized'
    >>> data = map_payload(g, sizes={"a": 1.0, "b": 1.0})
    >>> data["edges"][0]["rel"], data["edges"][0]["n"], data["summary"]
    ('criticized', 2, '2 actors, 1 relation')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from graphkit.visualize.style import (
    COMMUNITY_COLORS,
    EDGE_CLASSES,
    NET_COLORS,
    NODE_STYLES,
    edge_class,
    edge_width,
    node_style,
)
from graphkit.vocab import local_name, relation, relation_names, relations

EVIDENCE_KEPT = 8
"""Sentences embedded per relation (tooltips show the first three, the side panel all kept)."""
ARTICLES_KEPT = 6
TOP_RELATIONS = 5

Json = dict[str, Any]


def map_payload(
    graph: nx.MultiDiGraph,
    *,
    sizes: Mapping[Hashable, float],
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    title: str = "graphkit map",
    note: str = "",
    focus: Hashable | None = None,
    physics: bool = True,
    iterations: int = 0,
    big: int = 1500,
    communities: Mapping[Hashable, int] | None = None,
    core: Mapping[Hashable, tuple[float, float]] | None = None,
) -> Json:
    """Nodes, edges, legend and filter data of one map.

    Args:
        graph: actor graph to draw (already cut down by focus or size limits).
        sizes: a centrality value per node; the page scales node size from it.
        positions: fixed canvas positions, or None to let the browser lay out.
        title: page title.
        note: a sentence telling the reader what is not shown.
        focus: the node the map is centred on, if any.
        physics: whether the browser runs physics (then freezes it).
        iterations: browser stabilization iterations.
        big: above this many nodes the page hides edges while dragging and zooming.
        communities: node -> community number (0 the biggest), for the legend's
            "colour by community" option; None or empty leaves the option out.
        core: positions of the actors a big map opens on (it shows only them at first);
            None or empty opens on every actor.
    """
    ids = {node: i for i, node in enumerate(graph)}
    edges = list(_merged_edges(graph))
    ranked = sorted(graph, key=lambda v: (-sizes.get(v, 0.0), str(v)))
    rank = {node: i for i, node in enumerate(ranked)}
    membership = dict(communities or {})
    nodes = [
        {
            **_node_json(graph, node, ids[node], sizes.get(node, 0.0), positions),
            "rank": rank[node],
            "comm": membership.get(node, -1),
        }
        for node in graph
    ]
    for node, (x, y) in (core or {}).items():
        nodes[ids[node]]["cx"], nodes[ids[node]]["cy"] = x, y
    edge_json = [_edge_json(i, e, ids) for i, e in enumerate(edges)]
    _add_top_relations(nodes, edge_json)
    articles = {ev.get("article") for e in edges for ev in e["evidence"] if ev.get("article")}
    dates = sorted(d for e in edge_json for d in (e["first"], e["last"]) if d)
    type_counts = Counter(n["type"] for n in nodes)
    class_counts = Counter(e["cls"] for e in edge_json)
    present = {e["rel"] for e in edge_json}
    order = [r.name for r in relations()] + sorted(present - relation_names())
    return {
        "title": title,
        "summary": _summary(len(nodes), len(edge_json), len(articles)),
        "note": note,
        "physics": physics,
        "big": len(nodes) > big,
        "iterations": iterations,
        "focus": ids.get(focus) if focus is not None else None,
        "types": [
            {"type": t, **node_style(t), "count": type_counts[t]}
            for t in [*NODE_STYLES, *sorted(set(type_counts) - set(NODE_STYLES))]
        ],
        "classes": [
            {"cls": c, **style, "count": class_counts[c]} for c, style in EDGE_CLASSES.items()
        ],
        "net": NET_COLORS,
        "relations": [_relation_json(name, edges) for name in order if name in present],
        "dates": [dates[0], dates[-1]] if dates else [],
        "communities": _communities_json(nodes),
        "nodes": nodes,
        "edges": edge_json,
    }


def _summary(n_nodes: int, n_edges: int, n_articles: int) -> str:
    text = f"{n_nodes:,} actor{'s' * (n_nodes != 1)}, {n_edges:,} relation{'s' * (n_edges != 1)}"
    if n_articles:
        text += f" from {n_articles:,} article{'s' * (n_articles != 1)}"
    return text


def _merged_edges(graph: nx.MultiDiGraph) -> Iterable[Json]:
    """One record per drawn edge; a symmetric relation stated both ways is drawn once."""
    groups: dict[tuple[Hashable, ...], list[tuple[Hashable, Hashable, Json]]] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        name = str(data.get("predicate") or local_name(str(key)))
        symmetric = bool(data.get("symmetric", _table_flag(name, "symmetric")))
        group = (*sorted((u, v), key=str), name) if symmetric else (u, v, name)
        groups[group].append((u, v, {**data, "predicate": name, "symmetric": symmetric}))
    for items in groups.values():
        u, v, first = items[0]
        evidence = [ev for _, _, d in items for ev in (d.get("evidence") or ())]
        evidence.sort(
            key=lambda ev: (
                str(ev.get("event_date") or ev.get("date") or ""),
                str(ev.get("article", "")),
            )
        )
        asserting = {
            ev.get("article")
            for ev in evidence
            if ev.get("article") and ev.get("modality", "asserted") == "asserted"
        }
        firsts = [str(d.get("first_date") or "") for _, _, d in items]
        lasts = [str(d.get("last_date") or "") for _, _, d in items]
        yield {
            "u": u,
            "v": v,
            "name": first["predicate"],
            "quad": str(first.get("quad") or ""),
            "static": bool(first.get("static", _table_flag(first["predicate"], "static"))),
            "symmetric": first["symmetric"],
            "sources": max([len(asserting), *(int(d.get("sources") or 0) for _, _, d in items)]),
            "confidence": max(float(d.get("confidence") or 0.0) for _, _, d in items),
            "score": float(first.get("score", _table_score(first["predicate"])) or 0.0),
            "modality": "asserted" if asserting or not evidence else _modality(evidence),
            "first": min((d for d in firsts if d), default=""),
            "last": max((d for d in lasts if d), default=""),
            "evidence": evidence,
        }


def _modality(evidence: list[Json]) -> str:
    """The most frequent modality of evidence that asserts nothing (negated, reported...)."""
    counts = Counter(str(ev.get("modality") or "asserted") for ev in evidence)
    return counts.most_common(1)[0][0]


def _table_score(name: str) -> float:
    try:
        return relation(name).score
    except KeyError:
        return 0.0


def _communities_json(nodes: list[Json]) -> list[Json]:
    """Legend rows of the communities present: colour, size and best-ranked member."""
    members: dict[int, list[Json]] = defaultdict(list)
    for n in nodes:
        if n["comm"] >= 0:
            members[n["comm"]].append(n)
    rows = []
    for number in sorted(members):
        lead = min(members[number], key=lambda n: n["rank"])
        color = COMMUNITY_COLORS[number] if number < len(COMMUNITY_COLORS) else "#BBBBBB"
        rows.append(
            {"id": number, "color": color, "count": len(members[number]), "lead": lead["label"]}
        )
    return rows


def _table_flag(name: str, flag: str) -> bool:
    try:
        info = relation(name)
    except KeyError:
        return False
    return info.symmetric if flag == "symmetric" else not info.is_event


def _relation_label(name: str) -> str:
    try:
        return relation(name).label
    except KeyError:
        return name


def _relation_json(name: str, edges: list[Json]) -> Json:
    sample = next(e for e in edges if e["name"] == name)
    return {
        "name": name,
        "label": _relation_label(name),
        "cls": edge_class(quad=sample["quad"], static=sample["static"]),
        "sym": sample["symmetric"],
        "count": sum(1 for e in edges if e["name"] == name),
    }


def _edge_json(index: int, edge: Json, ids: Mapping[Hashable, int]) -> Json:
    evidence = edge["evidence"]
    articles: dict[str, list[str]] = {}
    for ev in evidence:
        key = str(ev.get("article") or ev.get("source") or "")
        name = str(ev.get("title") or ev.get("source") or local_name(key) or "untitled article")
        articles.setdefault(key, [name, str(ev.get("date") or "")])
    return {
        "id": index,
        "from": ids[edge["u"]],
        "to": ids[edge["v"]],
        "rel": edge["name"],
        "label": _relation_label(edge["name"]),
        "cls": edge_class(quad=edge["quad"], static=edge["static"]),
        "sym": edge["symmetric"],
        "n": edge["sources"],
        "w": edge_width(edge["sources"]),
        "conf": round(edge["confidence"], 2),
        "s": 0.0 if edge["static"] else round(edge["score"], 2),
        "mod": edge["modality"],
        "first": edge["first"],
        "last": edge["last"],
        "ev": [_evidence_json(ev) for ev in evidence[:EVIDENCE_KEPT]],
        "evn": len(evidence),
        "arts": list(articles.values())[:ARTICLES_KEPT],
        "artn": len(articles),
    }


def _evidence_json(ev: Mapping[str, Any]) -> Json:
    item = {
        "s": str(ev.get("sentence") or ""),
        "t": str(ev.get("title") or ev.get("source") or ""),
        "d": str(ev.get("event_date") or ev.get("date") or ""),
        "c": round(float(ev.get("confidence") or 0.0), 2),
    }
    modality = str(ev.get("modality") or "asserted")
    if modality != "asserted":
        item["m"] = modality
    return item


def _node_json(
    graph: nx.MultiDiGraph,
    node: Hashable,
    index: int,
    size: float,
    positions: Mapping[Hashable, tuple[float, float]] | None,
) -> Json:
    data = graph.nodes[node]
    label = str(data.get("label") or local_name(str(node)))
    aliases = sorted({str(a) for a in data.get("aliases") or () if str(a) != label})
    item: Json = {
        "id": index,
        "iri": str(node),
        "label": label,
        "type": str(data.get("type") or "Actor"),
        "aliases": aliases,
        "iso3": str(data.get("iso3") or ""),
        "value": round(float(size), 5),
    }
    if positions and node in positions:
        item["x"], item["y"] = positions[node]
    return item


def _add_top_relations(nodes: list[Json], edges: list[Json]) -> None:
    """Give every node its best-corroborated relations as lines ("→ met with Donald Trump")."""
    labels = {n["id"]: n["label"] for n in nodes}
    per_node: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for e in edges:
        count = f" ({e['n']} article{'s' * (e['n'] != 1)})" if e["n"] else ""
        if e["sym"]:
            per_node[e["from"]].append((e["n"], f"↔ {e['label']} {labels[e['to']]}{count}"))
            per_node[e["to"]].append((e["n"], f"↔ {e['label']} {labels[e['from']]}{count}"))
        else:
            per_node[e["from"]].append((e["n"], f"→ {e['label']} {labels[e['to']]}{count}"))
            per_node[e["to"]].append((e["n"], f"← {labels[e['from']]} {e['label']}{count}"))
    for n in nodes:
        ranked = sorted(per_node.get(n["id"], []), key=lambda item: -item[0])
        n["top"] = [text for _, text in ranked[:TOP_RELATIONS]]
        n["deg"] = len(ranked)
