"""Actors by name, and the shortest chain of relations between two actors, with evidence.

Examples:
    >>> from graphkit.examples import example_dataset
    >>> from graphkit.analyze.projections import actor_graph
    >>> G = actor_graph(example_dataset())
    >>> find_actor(G, "nicolas MADURO")
    'https://w3id.org/graphkit/id/person/nicolas-maduro'
    >>> [(h["from_label"], h["predicate"], h["to_label"])
    ...  for h in evidence_path(G, "Rubio", "Venezuela")]
    [('Marco Rubio', 'spokeWith', 'Gustavo Petro'), ('Gustavo Petro', 'visited', 'Venezuela')]
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from typing import Any

import networkx as nx

from graphkit.errors import InputError


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name.

    Examples:
        >>> normalize_name("  Nicolás   Maduro "), normalize_name("U.S.")
        ('nicolas maduro', 'us')
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    plain = re.sub(r"[^\w\s]", "", plain)
    return " ".join(plain.split())


def _names(G: nx.Graph) -> dict[str, list[tuple[int, str]]]:
    """Normalized name -> [(0 for a label, 1 for an alias; node)]."""
    index: dict[str, list[tuple[int, str]]] = {}
    for node, attrs in G.nodes(data=True):
        index.setdefault(normalize_name(attrs.get("label", "")), []).append((0, node))
        for alias in attrs.get("aliases", ()):
            index.setdefault(normalize_name(alias), []).append((1, node))
    return index


def _describe(G: nx.Graph, node: str) -> str:
    return f"'{G.nodes[node].get('label', node)}' ({G.nodes[node].get('type', '?')}, {node})"


def _shown(G: nx.Graph, key: str, node: str) -> str:
    """A name as found, with the actor's label when the name is one of its aliases."""
    label = str(G.nodes[node].get("label", node))
    if normalize_name(label) == key:
        return f"'{label}'"
    alias = next((a for a in G.nodes[node].get("aliases", ()) if normalize_name(a) == key), key)
    return f"'{alias}' ({label})"


def find_actor(G: nx.Graph, name: str) -> str:
    """The node whose label or alias is ``name`` (case, accents and punctuation ignored).

    A label wins over an alias; an entity IRI is accepted as is.

    Raises:
        InputError: no such actor (the message names close matches), or the name is an
            alias of several actors (the message lists them).

    Examples:
        >>> from graphkit.examples import example_dataset
        >>> from graphkit.analyze.projections import actor_graph
        >>> G = actor_graph(example_dataset())
        >>> find_actor(G, "U.S.")
        'https://w3id.org/graphkit/id/country/united-states'
        >>> find_actor(G, "Gustavo Petri")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: no actor named 'Gustavo Petri'; close matches: 'Gustavo Petro';
        names are matched against labels and aliases
    """
    if name in G:
        return name
    index = _names(G)
    found = sorted(set(index.get(normalize_name(name), [])))
    best = sorted({node for rank, node in found if rank == found[0][0]}) if found else []
    if len(best) == 1:
        return best[0]
    if best:
        listed = "; ".join(_describe(G, n) for n in best)
        msg = f"the name '{name}' fits {len(best)} actors: {listed}; use a full label or the IRI"
        raise InputError(msg)
    if G.number_of_nodes() == 0:
        msg = f"no actor named '{name}': the graph has no actors; extract or load articles first"
        raise InputError(msg)
    close = difflib.get_close_matches(normalize_name(name), list(index), n=5, cutoff=0.6)
    labels = sorted({_shown(G, key, node) for key in close for _, node in index[key]})
    hint = "close matches: " + ", ".join(labels) if labels else "nothing close"
    msg = f"no actor named '{name}'; {hint}; names are matched against labels and aliases"
    raise InputError(msg)


def _best_relation(G: nx.MultiDiGraph, u: str, v: str) -> tuple[str, str, dict[str, Any]]:
    """The best-supported relation between two adjacent actors, either direction."""
    options = [
        (a, b, attrs)
        for a, b in ((u, v), (v, u))
        for attrs in (G.get_edge_data(a, b, default={}) or {}).values()
    ]
    return min(
        options,
        key=lambda o: (-o[2]["sources"], -o[2]["confidence"], o[2]["static"], o[2]["predicate"]),
    )


def evidence_path(G: nx.MultiDiGraph, source: str, target: str) -> list[dict[str, Any]]:
    """The shortest chain of relations between two actors, each hop with its evidence.

    Direction is ignored when searching; among chains with the fewest hops, the one whose
    relations are asserted by more articles wins. Each hop names the best-supported relation
    between its two actors and the first sentence that asserts it.

    Args:
        G: an actor graph.
        source, target: actor names, aliases or IRIs (see :func:`find_actor`).

    Returns:
        Hops, each with ``from``/``to`` (IRIs), ``from_label``/``to_label``, ``subject`` and
        ``object`` (the relation's own direction), ``predicate``, ``sources``, ``sentence``,
        ``title``, ``article`` and ``date``. Empty when source and target are the same actor.

    Raises:
        InputError: an unknown name, or no chain links the two actors.
    """
    a, b = find_actor(G, source), find_actor(G, target)
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, attrs in G.edges(data=True):
        cost = 1.0 + 1.0 / (1.0 + attrs["sources"])  # fewer hops first, then better sourced
        if u != v and (not U.has_edge(u, v) or U[u][v]["cost"] > cost):
            U.add_edge(u, v, cost=cost)
    try:
        nodes = nx.dijkstra_path(U, a, b, weight="cost")
    except nx.NetworkXNoPath:
        msg = (
            f"no chain of relations links {_describe(G, a)} and {_describe(G, b)}: "
            "they are in different components of the graph"
        )
        raise InputError(msg) from None
    hops = []
    for u, v in itertools.pairwise(nodes):
        s, o, attrs = _best_relation(G, u, v)
        asserted = [e for e in attrs["evidence"] if e["modality"] == "asserted"] or attrs[
            "evidence"
        ]
        first = asserted[0] if asserted else {}
        hops.append(
            {
                "from": u,
                "to": v,
                "from_label": G.nodes[u]["label"],
                "to_label": G.nodes[v]["label"],
                "subject": s,
                "object": o,
                "predicate": attrs["predicate"],
                "sources": attrs["sources"],
                "sentence": first.get("sentence", ""),
                "title": first.get("title", ""),
                "article": first.get("article", ""),
                "date": first.get("event_date") or first.get("date", ""),
            }
        )
    return hops
