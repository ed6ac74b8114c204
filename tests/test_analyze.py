"""Tests of graphkit.analyze on small hand-built graphs with known answers."""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, URIRef

from graphkit.analyze import (
    actor_graph,
    analyze,
    balance,
    betweenness,
    communities,
    components,
    country_graph,
    evidence_path,
    export_graph,
    find_actor,
    pair_summaries,
    pair_summary,
    pair_timeline,
    signed_graph,
    weighted_graph,
)
from graphkit.analyze.brandes import betweenness_sparse
from graphkit.cli import cmd_analyze
from graphkit.commands import run_cli_analyze
from graphkit.errors import InputError
from graphkit.examples import example_dataset
from graphkit.graph import add_result, new_dataset, results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.vocab import GK

ID = "https://w3id.org/graphkit/id/"
PETRO, TRUMP, MADURO = (
    ID + "person/gustavo-petro",
    ID + "person/donald-trump",
    ID + "person/nicolas-maduro",
)


@pytest.fixture(scope="module")
def example() -> Dataset:
    return example_dataset()


def _oxigraph_copy(ds: Dataset) -> Dataset:
    ox = Dataset(store="Oxigraph", default_union=True)
    ox.parse(data=ds.serialize(format="trig"), format="trig")
    return ox


def test_analyze_actor_graph_nodes_have_label_type_aliases_iso3(example: Dataset) -> None:
    G = actor_graph(example)
    assert G.nodes[PETRO] == {
        "label": "Gustavo Petro",
        "type": "Person",
        "aliases": ["Petro"],
        "iso3": "",
    }
    assert G.nodes[ID + "country/colombia"]["iso3"] == "COL"
    assert G.nodes[ID + "country/united-states"]["aliases"] == ["U.S.", "Washington"]


@pytest.mark.parametrize(
    ("s", "o", "key", "expected"),
    [
        (
            PETRO,
            TRUMP,
            "metWith",
            {
                "sources": 2,
                "first_date": "2025-11-03",
                "last_date": "2025-11-07",
                "plover": "CONSULT",
                "symmetric": True,
                "static": False,
            },
        ),
        (TRUMP, PETRO, "criticized", {"sources": 1, "score": -2.0, "quad": "verbal-conflict"}),
        (PETRO, ID + "country/colombia", "leaderOf", {"static": True, "quad": "", "score": 0.0}),
    ],
)
def test_analyze_actor_graph_edge_attributes(
    example: Dataset, s: str, o: str, key: str, expected: dict
) -> None:
    attrs = actor_graph(example).edges[s, o, key]
    assert {k: attrs[k] for k in expected} == expected


def test_analyze_actor_graph_negated_event_is_no_edge(example: Dataset) -> None:
    G = actor_graph(example)
    assert not G.has_edge(PETRO, MADURO)
    assert MADURO in G  # still a node: it leads Venezuela


def test_analyze_actor_graph_evidence_sorted_by_date(example: Dataset) -> None:
    evidence = actor_graph(example).edges[PETRO, TRUMP, "metWith"]["evidence"]
    assert [e["sentence"] for e in evidence] == [
        "Petro met Trump in Washington on Monday.",
        "Petro met Trump again on Friday.",
    ]
    assert evidence[0]["title"] == "Petro meets Trump"
    assert evidence[0]["source"] == "articles/one.txt"


def test_analyze_actor_graph_same_on_oxigraph_store(example: Dataset) -> None:
    a, b = actor_graph(example), actor_graph(_oxigraph_copy(example))
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


def test_analyze_actor_graph_empty_dataset() -> None:
    assert actor_graph(new_dataset()).number_of_nodes() == 0


# --- hand-built graphs -------------------------------------------------------------------


def _entity(name: str) -> Entity:
    kind = "Country" if name[0].isupper() and name in COUNTRIES else "Person"
    ids = (("iso3", COUNTRIES[name]),) if name in COUNTRIES else ()
    return Entity(kind, name, ALIASES.get(name, ()), ids)


COUNTRIES = {"Colombia": "COL", "United States": "USA", "Venezuela": "VEN"}
ALIASES = {
    "Gustavo Petro": ("Petro",),
    "Donald Trump": ("Trump",),
    "Nicolás Maduro": ("Maduro",),
    "United States": ("U.S.",),
    "Ann Lee": ("Lee",),
    "Bo Lee": ("Lee",),
}


def _dataset(rows: list[tuple[str, str, str, str]], *, modality: str = "asserted") -> Dataset:
    """One article per row (subject, relation, object, date); sentence "S relation O."."""
    results = []
    for i, (s, p, o, date) in enumerate(rows):
        sentence = f"{s} {p} {o}."
        art = Article.from_text(
            f"{sentence} ({i})", source=f"art{i}.txt", title=f"Article {i}", date=date
        )
        ev = Evidence(art.id, sentence, 0, len(sentence), p, 0.9, modality=modality)
        results.append(ArticleResult(art, (), (Relation(_entity(s), p, _entity(o), ev),)))
    return results_dataset(results)


def _iri(name: str) -> str:
    return ID + _entity(name).key


@pytest.mark.parametrize(
    ("signs", "balanced"),
    [
        (("agreedWith", "agreedWith", "agreedWith"), True),  # + + +
        (("attacked", "attacked", "agreedWith"), True),  # the enemy of my enemy is my friend
        (("agreedWith", "agreedWith", "attacked"), False),  # the friend of my friend is my enemy
        (("attacked", "attacked", "attacked"), False),  # three enemies
    ],
)
def test_analyze_balance_of_one_triangle(signs: tuple[str, str, str], balanced: bool) -> None:
    rows = [
        ("a", signs[0], "b", "2025-01-01"),
        ("b", signs[1], "c", "2025-01-02"),
        ("a", signs[2], "c", "2025-01-03"),
    ]
    result = balance(signed_graph(actor_graph(_dataset(rows))))
    assert result["triangles"] == 1
    assert result["share_balanced"] == (1.0 if balanced else 0.0)
    assert len(result["most_unbalanced"]) == (0 if balanced else 1)


def test_analyze_balance_ranks_firmly_unbalanced_triad_first() -> None:
    rows = [
        ("a", "agreedWith", "b", ""),
        ("b", "agreedWith", "c", ""),
        ("a", "attacked", "c", ""),  # weakest tie 4
        ("d", "metWith", "e", ""),
        ("e", "metWith", "f", ""),
        ("d", "criticized", "f", ""),  # weakest tie 1
    ]
    result = balance(signed_graph(actor_graph(_dataset(rows))))
    assert result["unbalanced"] == 2
    assert [t["actors"] for t in result["most_unbalanced"]] == [
        [_iri("a"), _iri("b"), _iri("c")],
        [_iri("d"), _iri("e"), _iri("f")],
    ]


TWO_BLOCS = [
    ("a1", "agreedWith", "a2", "2025-01-01"),
    ("a2", "cooperatedWith", "a3", "2025-01-02"),
    ("a1", "aided", "a3", "2025-01-03"),
    ("b1", "agreedWith", "b2", "2025-01-01"),
    ("b2", "cooperatedWith", "b3", "2025-01-02"),
    ("b1", "aided", "b3", "2025-01-03"),
    ("x", "metWith", "a1", "2025-02-01"),
    ("x", "metWith", "b1", "2025-02-02"),
    ("a2", "criticized", "b2", "2025-02-03"),
]


def test_analyze_two_blocs_communities_and_broker() -> None:
    G = actor_graph(_dataset(TWO_BLOCS))
    membership = communities(signed_graph(G), seed=0)
    a_side = {membership[_iri(n)] for n in ("a1", "a2", "a3")}
    b_side = {membership[_iri(n)] for n in ("b1", "b2", "b3")}
    assert len(a_side) == 1 and len(b_side) == 1 and a_side != b_side
    report = analyze(G, seed=0)
    assert report["brokers"][0]["label"] == "x"
    assert report["brokers"][0]["communities"] == sorted(a_side | b_side)
    assert [p["labels"] for p in report["conflictual_pairs"]] == [["a2", "b2"]]


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_analyze_communities_are_reproducible(seed: int) -> None:
    S = signed_graph(actor_graph(_dataset(TWO_BLOCS)))
    assert communities(S, seed=seed) == communities(S, seed=seed)


@pytest.mark.parametrize(
    ("rows", "expected_score", "side"),
    [
        # one meeting reported by two articles (+2.5 each), an agreement (+4), one criticism (-2)
        (
            [
                ("Gustavo Petro", "metWith", "Donald Trump", "2025-03-01"),
                ("Donald Trump", "metWith", "Gustavo Petro", "2025-03-02"),
                ("Gustavo Petro", "agreedWith", "Donald Trump", "2025-03-03"),
                ("Donald Trump", "criticized", "Gustavo Petro", "2025-01-26"),
            ],
            7.0,
            "cooperative_pairs",
        ),
        # sanctions (-5) outweigh a meeting (+2.5), whichever side acts
        (
            [
                ("United States", "sanctioned", "Gustavo Petro", "2025-10-24"),
                ("Gustavo Petro", "metWith", "United States", "2025-11-01"),
            ],
            -2.5,
            "conflictual_pairs",
        ),
    ],
)
def test_analyze_sign_logic(rows: list, expected_score: float, side: str) -> None:
    G = actor_graph(_dataset(rows))
    S = signed_graph(G)
    ((_, _, data),) = S.edges(data=True)
    assert data["score"] == expected_score
    assert data["sign"] == (1 if expected_score > 0 else -1)
    report = analyze(G)
    other = "conflictual_pairs" if side == "cooperative_pairs" else "cooperative_pairs"
    assert [p["score"] for p in report[side]] == [expected_score]
    assert report[other] == []


def test_analyze_unasserted_events_do_not_count() -> None:
    G = actor_graph(
        _dataset(
            [("Gustavo Petro", "attacked", "Donald Trump", "2025-01-01")], modality="hypothetical"
        )
    )
    assert G.number_of_edges() == 0
    assert signed_graph(G).number_of_edges() == 0


def test_analyze_weighted_graph_counts_corroborating_articles() -> None:
    rows = [
        ("a", "accused", "b", "2025-01-01"),
        ("a", "accused", "b", "2025-01-02"),
        ("b", "metWith", "a", "2025-01-03"),
    ]
    W = weighted_graph(actor_graph(_dataset(rows)))
    assert W[_iri("a")][_iri("b")]["weight"] == 3  # two accusations + the symmetric meeting
    assert W[_iri("b")][_iri("a")]["weight"] == 1
    assert W[_iri("a")][_iri("b")]["score"] == pytest.approx(-1.5)  # -2 -2 +2.5


def test_analyze_country_graph_rolls_people_into_their_country() -> None:
    rows = [
        ("Gustavo Petro", "leaderOf", "Colombia", ""),
        ("Donald Trump", "leaderOf", "United States", ""),
        ("Marco Rubio", "officialOf", "United States", ""),
        ("Marco Rubio", "accused", "Gustavo Petro", "2025-01-26"),
        ("Donald Trump", "threatened", "Colombia", "2025-01-26"),
        ("Donald Trump", "metWith", "Marco Rubio", "2025-01-27"),
    ]
    C = country_graph(actor_graph(_dataset(rows)))
    usa, col = _iri("United States"), _iri("Colombia")
    assert sorted(C) == [col, usa]
    assert sorted(k for _, _, k in C.edges(keys=True)) == ["accused", "threatened"]
    assert C.nodes[usa]["members"] == sorted([usa, _iri("Donald Trump"), _iri("Marco Rubio")])
    assert (
        analyze(actor_graph(_dataset(rows)), level="countries")["conflictual_pairs"][0]["score"]
        == -8.0
    )


PATH_ROWS = [
    ("Gustavo Petro", "metWith", "Donald Trump", "2025-06-01"),
    ("Donald Trump", "threatened", "Nicolás Maduro", "2025-06-02"),
    ("Ann Lee", "metWith", "Bo Lee", "2025-06-03"),
]


def test_analyze_path_with_evidence() -> None:
    G = actor_graph(_dataset(PATH_ROWS))
    hops = evidence_path(G, "gustavo petro", "NICOLAS MADURO")
    assert [(h["from_label"], h["predicate"], h["to_label"]) for h in hops] == [
        ("Gustavo Petro", "metWith", "Donald Trump"),
        ("Donald Trump", "threatened", "Nicolás Maduro"),
    ]
    assert hops[1]["sentence"] == "Donald Trump threatened Nicolás Maduro."
    reverse = evidence_path(G, "Maduro", "Petro")
    assert reverse[0]["subject"] == _iri("Donald Trump") and reverse[0]["from"] == _iri(
        "Nicolás Maduro"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Gustavo Pedro", "close matches: 'Gustavo Petro'"),
        ("Lee", "fits 2 actors"),
        ("Zzyzx", "nothing close"),
    ],
)
def test_analyze_unknown_or_ambiguous_actor(name: str, message: str) -> None:
    G = actor_graph(_dataset(PATH_ROWS))
    with pytest.raises(InputError, match=message):
        find_actor(G, name)


def test_analyze_path_between_components_is_an_error() -> None:
    with pytest.raises(InputError, match="different components"):
        evidence_path(actor_graph(_dataset(PATH_ROWS)), "Petro", "Ann Lee")


def test_analyze_pair_timeline_and_trend() -> None:
    rows = [
        ("Donald Trump", "threatened", "Gustavo Petro", "2025-01-26"),
        ("Donald Trump", "sanctioned", "Gustavo Petro", "2025-02-01"),
        ("Gustavo Petro", "metWith", "Donald Trump", "2025-05-01"),
        ("Gustavo Petro", "agreedWith", "Donald Trump", "2025-06-01"),
    ]
    G = actor_graph(_dataset(rows))
    timeline = pair_timeline(G, _iri("Gustavo Petro"), _iri("Donald Trump"))
    assert [e["net"] for e in timeline["events"]] == [-6.0, -11.0, -8.5, -4.5]
    assert timeline["summary"]["trend"] == "warming"
    assert timeline["summary"]["first_date"] == "2025-01-26"
    assert timeline["summary"]["by_quad"] == {
        "verbal-cooperation": 2,
        "material-cooperation": 0,
        "verbal-conflict": 1,
        "material-conflict": 1,
    }
    assert (
        pair_summaries(G)[tuple(sorted([_iri("Gustavo Petro"), _iri("Donald Trump")]))]["score"]
        == -4.5
    )


def test_analyze_components_and_isolates() -> None:
    ds = _dataset(PATH_ROWS)
    art = Article.from_text("Zed was there.", source="z.txt")
    add_result(ds, ArticleResult(art, (Entity("Person", "Zed"),), ()))
    result = components(actor_graph(ds))
    assert result == {"components": 3, "sizes": [3, 2, 1], "isolates": [_iri("Zed")]}


@pytest.mark.parametrize(("approx_above", "exact"), [(1000, True), (3, False)])
def test_analyze_betweenness_is_sampled_above_threshold(approx_above: int, exact: bool) -> None:
    G = actor_graph(_dataset(TWO_BLOCS))
    W = weighted_graph(G)
    first = betweenness(W, approx_above=approx_above, k=3, seed=5)
    assert first == betweenness(W, approx_above=approx_above, k=3, seed=5)
    assert (first == betweenness(W)) is exact or not exact
    assert analyze(G, approx_above=approx_above, k=3)["settings"]["betweenness"].startswith(
        "exact" if exact else "estimated from 3 sampled"
    )


# --- outputs --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_analyze_export_keeps_parallel_edges_and_attributes(tmp_path: Path, suffix: str) -> None:
    rows = [("a", "metWith", "b", "2025-01-01"), ("a", "criticized", "b", "2025-01-02")]
    out = export_graph(actor_graph(_dataset(rows)), tmp_path / f"g{suffix}")
    H = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
    assert H.number_of_edges() == 2
    edge = next(d for _, _, d in H.edges(data=True) if d["predicate"] == "criticized")
    assert edge["score"] == -2.0
    assert json.loads(edge["evidence"])[0]["sentence"] == "a criticized b."
    assert [p.name for p in tmp_path.iterdir()] == [f"g{suffix}"]  # no temporary file left


def test_analyze_export_csv_and_bad_suffix(tmp_path: Path) -> None:
    G = actor_graph(_dataset(PATH_ROWS))
    rows = list(csv.DictReader(export_graph(G, tmp_path / "edges.csv").open(encoding="utf-8")))
    assert {(r["source_label"], r["predicate"], r["target_label"]) for r in rows} == {
        (s, p, o) for s, p, o, _ in PATH_ROWS
    }
    with pytest.raises(InputError, match="unknown suffix"):
        export_graph(G, tmp_path / "edges.xlsx")


def test_analyze_cli_report_markdown_and_json(tmp_path: Path) -> None:
    ds = _dataset(TWO_BLOCS)
    text = run_cli_analyze(
        ds, fmt="md", path=None, pair=None, plot_dir=tmp_path / "plots", export=None
    )
    for heading in (
        "## Top actors",
        "## Communities",
        "## Brokers",
        "## Most cooperative pairs",
        "## Most conflictual pairs",
        "## Structural balance",
        "## Components",
    ):
        assert heading in text
    assert sorted(p.name for p in (tmp_path / "plots").iterdir()) == [
        "centrality.png",
        "cooperation-timeline.png",
    ]
    assert (tmp_path / "plots" / "centrality.png").read_bytes().startswith(b"\x89PNG")
    data = json.loads(
        run_cli_analyze(ds, fmt="json", path=None, pair=None, plot_dir=None, export=None)
    )
    assert data["report"]["graph"]["actors"] == 7
    assert data["report"]["brokers"][0]["label"] == "x"


def test_analyze_cli_path_and_pair() -> None:
    ds = _dataset(PATH_ROWS)
    text = run_cli_analyze(
        ds, fmt="md", path=["Petro", "Maduro"], pair=["Trump", "Petro"], plot_dir=None, export=None
    )
    assert "# Path from Gustavo Petro to Nicolás Maduro (2 hops)" in text
    assert "> Donald Trump threatened Nicolás Maduro." in text
    assert "# Donald Trump – Gustavo Petro" in text
    assert "## Top actors" not in text


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_analyze_cli_empty_graph_is_a_message(fmt: str) -> None:
    text = run_cli_analyze(new_dataset(), fmt=fmt, path=None, pair=None, plot_dir=None, export=None)
    assert "no actors" in text


def _cli_args(trig: Path, **changes: object) -> argparse.Namespace:
    args = {
        "store": None,
        "graph": [trig],
        "format": "md",
        "path": None,
        "pair": None,
        "plot": None,
        "export": None,
        "level": "actors",
        "top": 10,
        "seed": 0,
    }
    return argparse.Namespace(**{**args, **changes})


def test_analyze_cli_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        from graphkit.store import open_source  # noqa: F401
    except ImportError:
        pytest.skip("graphkit.store.open_source is not available")
    trig = tmp_path / "g.trig"
    trig.write_text(_dataset(PATH_ROWS).serialize(format="trig"), encoding="utf-8")
    assert cmd_analyze(_cli_args(trig, path=["Petro", "Maduro"], export=tmp_path / "g.gexf")) == 0
    out, err = capsys.readouterr()
    assert "—threatened→ **Nicolás Maduro**" in out
    assert f"Wrote {tmp_path / 'g.gexf'}" in err and "Wrote" not in out, "status on stderr"
    with pytest.raises(InputError, match="no actor named 'Nobody'"):
        cmd_analyze(_cli_args(trig, pair=["Petro", "Nobody"]))


@pytest.mark.parametrize(
    "graph",
    [
        nx.path_graph(6),
        nx.karate_club_graph(),
        nx.gnm_random_graph(120, 300, seed=3),
        nx.barabasi_albert_graph(150, 2, seed=4),
        nx.disjoint_union(nx.cycle_graph(5), nx.star_graph(4)),
    ],
    ids=["path", "karate", "random", "hubs", "two-components"],
)
def test_analyze_sparse_betweenness_matches_networkx(graph: nx.Graph) -> None:
    ours, theirs = betweenness_sparse(graph), nx.betweenness_centrality(graph)
    assert ours == pytest.approx(theirs, abs=1e-12)


def test_analyze_sampled_betweenness_finds_the_hub() -> None:
    G = nx.barabasi_albert_graph(600, 2, seed=1)
    hub = max(G.degree, key=lambda item: item[1])[0]
    sampled = betweenness_sparse(G, k=40, seed=2)
    assert max(sampled, key=sampled.__getitem__) == hub


def test_analyze_actor_graph_skips_derived_graphs(example: Dataset) -> None:
    ox = _oxigraph_copy(example)
    inferred = ox.graph(URIRef(ID + "article/x/inferred"))
    inferred.add((URIRef(TRUMP), GK.metWith, URIRef(PETRO)))  # the reverse a store would entail
    G = actor_graph(ox)
    assert not G.has_edge(TRUMP, PETRO, "metWith")
    assert G.has_edge(PETRO, TRUMP, "metWith")


def test_analyze_balance_counts_every_triangle_once() -> None:
    G = nx.barabasi_albert_graph(80, 4, seed=5)
    rng = random.Random(5)
    S = nx.Graph((u, v, {"score": rng.choice([-2.0, 1.0, 3.0])}) for u, v in G.edges())
    expected = sum(nx.triangles(S).values()) // 3
    brute = sum(
        1
        for a, b, c in itertools.combinations(sorted(S), 3)
        if S.has_edge(a, b)
        and S.has_edge(b, c)
        and S.has_edge(a, c)
        and S[a][b]["score"] * S[b][c]["score"] * S[a][c]["score"] > 0
    )
    result = balance(S, top=3)
    assert result["triangles"] == expected
    assert result["balanced"] == brute
    assert len(result["most_unbalanced"]) == 3


@pytest.mark.parametrize("rows", [TWO_BLOCS, PATH_ROWS], ids=["two-blocs", "path"])
def test_analyze_pair_views_agree(rows: list) -> None:
    G = actor_graph(_dataset(rows + rows[:2]))  # the first two relations told twice
    S = signed_graph(G)
    for (a, b), summary in pair_summaries(G).items():
        assert summary["score"] == S[a][b]["score"]
        assert pair_timeline(G, a, b)["summary"] == summary
        assert pair_summary(G, b, a) == summary


def test_analyze_actor_graph_same_from_on_disk_store(example: Dataset, tmp_path: Path) -> None:
    from graphkit.store import open_store

    with open_store(tmp_path / "store") as store:
        for graph in example.graphs():
            if str(graph.identifier).startswith((ID + "article/", ID + "graph/entities")):
                store.replace_article(graph.identifier, graph)
        from_store = actor_graph(store.dataset())
    expected = actor_graph(example)
    assert dict(from_store.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(from_store.edges(keys=True, data=True)) == sorted(
        expected.edges(keys=True, data=True)
    )


def test_analyze_centrality_chart_is_ordered_by_the_measure_it_draws() -> None:
    pytest.importorskip("matplotlib")
    from graphkit.analyze.plot import centrality_figure

    report = {
        "settings": {"betweenness": "exact"},
        "top_actors": [  # ordered by reports, as the report lists them
            {"label": "A", "pagerank": 0.1, "betweenness": 0.9},
            {"label": "B", "pagerank": 0.3, "betweenness": 0.0},
            {"label": "C", "pagerank": 0.2, "betweenness": 0.5},
        ],
    }
    fig = centrality_figure(report)
    fig.canvas.draw()
    tops = [[t.get_text() for t in ax.get_yticklabels()][::-1] for ax in fig.axes]
    assert tops == [["B", "C", "A"], ["A", "C", "B"]], "highest first in each chart"


def test_analyze_acting_upon_a_person_is_left_out_of_the_pair_balance() -> None:
    from graphkit.analyze.pairs import pair_summaries
    from graphkit.analyze.projections import signed_graph
    from graphkit.graph import results_dataset
    from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation

    text = "Colombia extradited Pipe Tulua to the United States, which praised Colombia."
    art = Article.from_text(text, source="x.txt")
    col, pipe, us = (
        Entity("Country", "Colombia"),
        Entity("Person", "Pipe Tulua"),
        Entity("Country", "United States"),
    )
    rels = (
        Relation(col, "extradited", pipe, Evidence(art.id, text, 0, 20, "extradited", 0.9)),
        Relation(us, "deported", col, Evidence(art.id, text, 21, 40, "deported", 0.9)),
    )
    G = actor_graph(results_dataset([ArticleResult(art, (col, pipe, us), rels)]))
    S = signed_graph(G)
    colombia, person = (f"{ID}country/colombia", f"{ID}person/pipe-tulua")
    assert not S.has_edge(colombia, person)
    assert S.has_edge(colombia, f"{ID}country/united-states")  # states acting on states still count
    assert all(person not in key for key in pair_summaries(G))
