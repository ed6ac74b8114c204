"""Tests of graphkit.analyze on small hand-built graphs with known answers."""

from __future__ import annotations

import pytest
from rdflib import Dataset

from graphkit.analyze import actor_graph
from graphkit.analyze.examples import example_dataset
from graphkit.graph import new_dataset

ID = "https://w3id.org/graphkit/id/"
PETRO, TRUMP, MADURO = ID + "person/gustavo-petro", ID + "person/donald-trump", ID + "person/nicolas-maduro"


@pytest.fixture(scope="module")
def example() -> Dataset:
    return example_dataset()


def _oxigraph_copy(ds: Dataset) -> Dataset:
    ox = Dataset(store="Oxigraph", default_union=True)
    ox.parse(data=ds.serialize(format="trig"), format="trig")
    return ox


def test_analyze_actor_graph_nodes_have_label_type_aliases_iso3(example: Dataset) -> None:
    G = actor_graph(example)
    assert G.nodes[PETRO] == {"label": "Gustavo Petro", "type": "Person", "aliases": ["Petro"], "iso3": ""}
    assert G.nodes[ID + "country/colombia"]["iso3"] == "COL"
    assert G.nodes[ID + "country/united-states"]["aliases"] == ["U.S.", "Washington"]


@pytest.mark.parametrize(
    ("s", "o", "key", "expected"),
    [
        (PETRO, TRUMP, "metWith", {"sources": 2, "first_date": "2025-01-26", "last_date": "2025-02-01",
                                   "plover": "CONSULT", "symmetric": True, "static": False}),
        (TRUMP, PETRO, "criticized", {"sources": 1, "score": -2.0, "quad": "verbal-conflict"}),
        (PETRO, ID + "country/colombia", "leaderOf", {"static": True, "quad": "", "score": 0.0}),
    ],
)
def test_analyze_actor_graph_edge_attributes(example: Dataset, s: str, o: str, key: str, expected: dict) -> None:
    attrs = actor_graph(example).edges[s, o, key]
    assert {k: attrs[k] for k in expected} == expected


def test_analyze_actor_graph_negated_event_is_no_edge(example: Dataset) -> None:
    G = actor_graph(example)
    assert not G.has_edge(PETRO, MADURO)
    assert MADURO in G  # still a node: it leads Venezuela


def test_analyze_actor_graph_evidence_sorted_by_date(example: Dataset) -> None:
    evidence = actor_graph(example).edges[PETRO, TRUMP, "metWith"]["evidence"]
    assert [e["sentence"] for e in evidence] == ["Petro met Trump in Washington.", "Petro met Trump again."]
    assert evidence[0]["title"] == "Trump and Petro clash"
    assert evidence[0]["source"] == "data/example/one.txt"


def test_analyze_actor_graph_same_on_oxigraph_store(example: Dataset) -> None:
    a, b = actor_graph(example), actor_graph(_oxigraph_copy(example))
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


def test_analyze_actor_graph_empty_dataset() -> None:
    assert actor_graph(new_dataset()).number_of_nodes() == 0
