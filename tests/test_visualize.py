"""Tests of graphkit.visualize: the page's content, escaping, styling, focus, size limits, files.

What the page does in a browser is tested in ``test_map_browser.py``.
"""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest

from graphkit.cli import main
from graphkit.errors import InputError
from graphkit.examples import example_dataset
from graphkit.graph import new_dataset, results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.visualize import Map, build_map, fast_layout, render_html, write_map
from graphkit.visualize import layout as layout_module
from graphkit.visualize.examples import synthetic_actor_graph
from graphkit.visualize.layout import plan_layout
from graphkit.visualize.page import vis_assets
from graphkit.visualize.style import EDGE_CLASSES, NODE_STYLES

ID = "https://w3id.org/graphkit/id/"
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)//",
    '<a href="javascript:alert(1)">x</a>',
)


def page_data(page: str) -> dict[str, Any]:
    """The JSON the page draws from."""
    found = re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', page, re.S)
    assert found, "the page has no data block"
    return json.loads(found.group(1))


def edge(graph: nx.MultiDiGraph, s: str, o: str, name: str, **attrs: Any) -> None:
    """Add one relation shaped like graphkit.analyze.actor_graph's edges."""
    from graphkit.vocab import relation

    info = relation(name)
    evidence = attrs.pop("evidence", [])
    graph.add_edge(
        s, o, key=name, predicate=name, plover=info.plover, quad=info.quad if info.is_event else "",
        score=info.score, symmetric=info.symmetric, static=not info.is_event,
        sources=attrs.pop("sources", max(len(evidence), 1)),
        confidence=attrs.pop("confidence", 0.8),
        first_date=attrs.pop("first_date", ""),
        last_date=attrs.pop("last_date", ""),
        evidence=evidence,
    )  # fmt: skip


def evidence(sentence: str, article: str, date: str = "2025-01-26") -> dict[str, Any]:
    return {
        "sentence": sentence, "article": ID + "article/" + article, "title": f"Title {article}",
        "date": date, "source": f"{article}.txt", "cue": "met", "confidence": 0.8,
        "event_date": "", "modality": "asserted",
    }  # fmt: skip


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for key, label, kind in (
        ("p", "Gustavo Petro", "Person"), ("t", "Donald Trump", "Person"),
        ("c", "Colombia", "Country"), ("u", "UN", "Organization"), ("b", "Bogotá", "Place"),
    ):  # fmt: skip
        g.add_node(ID + key, label=label, type=kind, aliases=[label.split()[-1]], iso3="")
    edge(g, ID + "p", ID + "t", "metWith", evidence=[evidence("Petro met Trump.", "a1")])
    edge(
        g,
        ID + "t",
        ID + "p",
        "criticized",
        sources=4,
        evidence=[evidence("Trump criticized Petro.", "a2")],
    )
    edge(g, ID + "p", ID + "c", "leaderOf")
    edge(g, ID + "c", ID + "u", "memberOf")
    edge(g, ID + "t", ID + "c", "sanctioned", first_date="2025-01-26", last_date="2025-01-27")
    return g


def hostile_dataset():
    """Every text field of the RDF carries an attack string."""
    text = " ".join(PAYLOADS)
    art = Article.from_text(f"{text} met Trump.", source="evil.txt", title=text, date="2025-01-26")
    bad = Entity("Person", f"Evil {PAYLOADS[0]}", (PAYLOADS[1], PAYLOADS[3]))
    trump = Entity("Person", "Donald Trump", ("Trump",))
    ev = Evidence(art.id, f"{text} met Trump.", 0, 10, PAYLOADS[2], 0.9)
    return results_dataset(
        [ArticleResult(art, (bad, trump), (Relation(bad, "metWith", trump, ev),))]
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "action", "data")]


def test_visualize_page_is_self_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    summary = write_map(example_dataset(), Path("map.html"))
    assert sorted(os.listdir(tmp_path)) == ["map.html"], "no lib/ folder or temporary file is left"
    assert summary.startswith(
        "wrote map.html: 9 asserted relations between 8 actors, drawn as 9 lines"
    )
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(page)
    assert parser.urls == [], "the page links nothing (no CDN, no Bootstrap)"
    assert "link" not in parser.tags
    assert "vis-network" in page and "vis.Network" in page, "vis-network is inlined"
    assert "default-src 'none'" in page, "a Content-Security-Policy forbids requests"


@pytest.mark.parametrize("where", ["title", "names and sentences"])
def test_visualize_escapes_untrusted_text(where: str) -> None:
    if where == "title":
        page = render_html(small_graph(), title=" ".join(PAYLOADS))
    else:
        page = build_map(hostile_dataset()).html
    own = page.replace(vis_assets()[0], "")
    for payload in PAYLOADS:
        assert payload not in page
    assert "<img" not in own and "<a " not in own, "no markup from the input survives"
    shown = page_data(page)
    if where == "title":
        assert shown["title"] == " ".join(PAYLOADS), "the title is kept as text"
        assert f'<h1 id="gk-title">{html.escape(" ".join(PAYLOADS))}</h1>' in page
    else:
        evil = next(n for n in shown["nodes"] if n["label"].startswith("Evil"))
        assert evil["label"] == f"Evil {PAYLOADS[0]}", (
            "the text itself is kept, to be shown as text"
        )
        assert set(evil["aliases"]) == {PAYLOADS[1], PAYLOADS[3]}
        assert shown["edges"][0]["ev"][0]["s"] == " ".join(PAYLOADS) + " met Trump."
        assert shown["edges"][0]["arts"][0][0] == " ".join(PAYLOADS)
    assert page.count("</script>") == 4, "only the data, vis-network and our two scripts close"


def test_visualize_styles_nodes_by_type_and_edges_by_class() -> None:
    data = page_data(render_html(small_graph()))
    types = {t["type"]: t for t in data["types"]}
    assert {t: (types[t]["shape"], types[t]["count"]) for t in NODE_STYLES} == {
        "Person": ("dot", 2),
        "Country": ("diamond", 1),
        "Organization": ("square", 1),
        "Place": ("triangle", 1),
    }  # fmt: skip
    assert len({s["color"] for s in NODE_STYLES.values()}) == 4
    edges = {e["rel"]: e for e in data["edges"]}
    assert {r: edges[r]["cls"] for r in edges} == {
        "metWith": "verbal-cooperation", "criticized": "verbal-conflict", "leaderOf": "static",
        "memberOf": "static", "sanctioned": "material-conflict",
    }  # fmt: skip
    assert edges["metWith"]["sym"] and not edges["criticized"]["sym"], "arrows only when directed"
    assert edges["criticized"]["w"] > edges["metWith"]["w"], "4 articles draw wider than 1"
    assert edges["metWith"]["label"] == "met with"
    assert [c["cls"] for c in data["classes"]] == list(EDGE_CLASSES)


def test_visualize_tooltip_data_has_evidence_and_top_relations() -> None:
    data = page_data(build_map(example_dataset()).html)
    nodes = {n["label"]: n for n in data["nodes"]}
    met = next(e for e in data["edges"] if e["rel"] == "metWith")
    assert [ev["s"] for ev in met["ev"]] == [
        "Petro met Trump in Washington on Monday.",
        "Petro met Trump again on Friday.",
    ]
    assert met["arts"] == [
        ["Petro meets Trump", "2025-11-03"],
        ["A second meeting", "2025-11-07"],
    ]
    assert (met["n"], met["first"], met["last"]) == (2, "2025-11-03", "2025-11-07")
    assert nodes["United States"]["aliases"] == ["U.S.", "Washington"]
    assert "↔ met with Donald Trump (2 articles)" in nodes["Gustavo Petro"]["top"]
    assert "← Donald Trump criticized (1 article)" in nodes["Gustavo Petro"]["top"]


def test_visualize_draws_a_mutual_relation_stated_both_ways_once() -> None:
    g = small_graph()
    denied = {**evidence("Petro did not meet Trump.", "a9", "2025-03-01"), "modality": "negated"}
    edge(
        g,
        ID + "t",
        ID + "p",
        "metWith",
        sources=1,
        evidence=[evidence("Trump met Petro.", "a3"), denied],
    )
    met = [e for e in page_data(render_html(g))["edges"] if e["rel"] == "metWith"]
    assert len(met) == 1
    assert met[0]["n"] == 2, "two articles assert it; the denial does not count"
    assert [(ev["s"], ev.get("m")) for ev in met[0]["ev"]][-1] == (
        "Petro did not meet Trump.",
        "negated",
    )


@pytest.mark.parametrize(
    ("name", "hops", "labels"),
    [
        ("Petro", 0, ["Gustavo Petro"]),
        ("gustavo PETRO", 1, ["Colombia", "Donald Trump", "Gustavo Petro"]),
        ("Bogotá", 3, ["Bogotá"]),
        ("Colombia", 1, ["Colombia", "Donald Trump", "Gustavo Petro", "UN"]),
    ],
)
def test_visualize_focus_maps_the_neighbourhood(name: str, hops: int, labels: list[str]) -> None:
    data = page_data(render_html(small_graph(), focus=name, hops=hops))
    assert sorted(n["label"] for n in data["nodes"]) == labels
    assert data["nodes"][data["focus"]]["label"] in labels
    assert data["note"].startswith("Centred on ")


@pytest.mark.parametrize(
    ("focus", "hops", "message"),
    [
        ("Gustavo Petri", 1, "close matches: 'Gustavo Petro'"),
        ("Xi Jinping", 1, "no actor named 'Xi Jinping'"),
        ("Petro", -1, "hops must be 0 or more, not -1; "),
    ],
)
def test_visualize_focus_errors_say_what_to_do(focus: str, hops: int, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)) as err:
        render_html(small_graph(), focus=focus, hops=hops)
    assert not str(err.value).startswith("-")  # the library names parameters, not flags


def test_visualize_big_graph_keeps_the_most_connected_actors_with_a_note() -> None:
    g = synthetic_actor_graph(120, seed=3)
    built = build_map(g, max_nodes=50)
    data = page_data(built.html)
    assert built.actors == len(data["nodes"]) == 50
    degree = dict(nx.Graph(g.to_undirected()).degree())
    kept = {n["iri"] for n in data["nodes"]}
    assert min(degree[v] for v in kept) >= max(degree[v] for v in g if v not in kept)
    assert "Showing the 50 most connected of 120 actors: 70 actors" in data["note"]
    assert html.escape(data["note"]) in built.html, "the note is visible in the header"


@pytest.mark.parametrize(
    ("n", "layout", "physics", "placed"),
    [
        (20, "auto", True, False),
        (300, "auto", True, True),
        (800, "auto", False, True),
        (20, "physics", True, False),
        (60, "spring", False, True),
        (30, "kamada-kawai", False, True),
    ],
)
def test_visualize_layout_plans(n: int, layout: str, physics: bool, placed: bool) -> None:
    plan = plan_layout(synthetic_actor_graph(n), layout=layout)
    assert plan.physics is physics
    assert (len(plan.positions) == n) is placed
    assert all(np.isfinite(xy).all() for xy in plan.positions.values())


@pytest.mark.parametrize(
    ("layout", "message"),
    [("circle", "unknown layout 'circle'"), ("kamada-kawai", "kamada-kawai is too slow")],
)
def test_visualize_layout_errors(
    layout: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(layout_module, "KAMADA_KAWAI_MAX", 10)
    with pytest.raises(InputError, match=message):
        render_html(synthetic_actor_graph(20), layout=layout)


def test_visualize_fast_layout_keeps_clusters_apart() -> None:
    g = nx.disjoint_union(nx.complete_graph(30), nx.complete_graph(30))
    g.add_edge(0, 30)
    pos = fast_layout(g, seed=1)
    assert pos == fast_layout(g, seed=1), "same seed, same picture"
    xy = np.array([pos[v] for v in range(60)])
    inside = np.linalg.norm(xy[:30, None] - xy[None, :30], axis=2).mean()
    across = np.linalg.norm(xy[:30, None] - xy[None, 30:], axis=2).mean()
    assert across > 2 * inside


def test_visualize_empty_graph_gives_a_page_saying_so(tmp_path: Path) -> None:
    out = tmp_path / "empty.html"
    assert write_map(new_dataset(), out).startswith(f"wrote {out}: 0 asserted relations")
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == []
    assert data["summary"] == "0 actors, 0 relations"


def test_visualize_write_is_atomic_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder" / "map.html"
    write_map(example_dataset(), out, title="first")
    write_map(example_dataset(), out, title="second")
    assert page_data(out.read_text(encoding="utf-8"))["title"] == "second"
    assert os.listdir(out.parent) == ["map.html"]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match="cannot write"):
        write_map(example_dataset(), blocker / "map.html")


def test_visualize_notebook_frame_holds_the_escaped_page() -> None:
    built = build_map(example_dataset())
    assert isinstance(built, Map)
    frame = built._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and frame.count("<") == 2
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc and html.unescape(srcdoc.group(1)) == built.html


def test_visualize_cli_writes_a_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trig = tmp_path / "x.trig"
    trig.write_text(example_dataset().serialize(format="trig"), encoding="utf-8")
    out = tmp_path / "map.html"
    assert (
        main(["map", "--graph", str(trig), "-o", str(out), "--focus", "Trump", "--title", "T"]) == 0
    )
    assert capsys.readouterr().err.startswith(f"wrote {out}: 4 asserted relations between 3 actors")
    assert main(["map", "--graph", str(trig), "-o", str(out), "--focus", "Trumpp"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("graphkit map: error: no actor named 'Trumpp'; close matches:")
    assert "Donald Trump" in err


def test_visualize_node_size_is_computed_on_the_view_not_the_whole_graph() -> None:
    g = nx.MultiDiGraph()
    for key in ("hub", "centre", "lone", *(f"x{i}" for i in range(8))):
        g.add_node(ID + key, label=key, type="Country", aliases=[], iso3="")
    for i in range(8):  # the hub has eight partners, outside the centre's neighbourhood
        edge(g, ID + "hub", ID + f"x{i}", "metWith")
    edge(g, ID + "centre", ID + "hub", "criticized")
    edge(g, ID + "centre", ID + "lone", "criticized")
    whole = {n["label"]: n["value"] for n in page_data(build_map(g).html)["nodes"]}
    assert whole["hub"] == 1.0 and whole["centre"] < 0.5
    focused = page_data(build_map(g, focus="centre").html)
    sizes = {n["label"]: n["value"] for n in focused["nodes"]}
    assert sizes["centre"] == 1.0, "the centre of a focused map is its biggest actor"
    assert sizes["hub"] == sizes["lone"] < 1.0, "one tie in the view: one size, however famous"
    assert min(focused["nodes"], key=lambda n: n["rank"])["label"] == "centre"


def test_visualize_payload_has_communities_scores_and_modality() -> None:
    g = small_graph()
    nx.set_edge_attributes(g, {(ID + "t", ID + "p", "criticized"): [
        {**evidence("Trump may criticize Petro.", "a3"), "modality": "hypothetical"}
    ]}, "evidence")  # fmt: skip
    data = page_data(build_map(g).html)
    edges = {e["rel"]: e for e in data["edges"]}
    assert edges["criticized"]["s"] < 0 < edges["metWith"]["s"], "conflict and cooperation"
    assert edges["leaderOf"]["s"] == 0.0, "standing ties count for neither"
    assert edges["criticized"]["mod"] == "hypothetical" and edges["metWith"]["mod"] == "asserted"
    assert data["net"]["cooperation"] != data["net"]["conflict"]
    assert data["communities"] == [], "no cooperative tie: no community to colour"
    data = page_data(build_map(synthetic_actor_graph(120, seed=2)).html)
    rows = data["communities"]
    assert rows and rows[0]["id"] == 0 and rows[0]["count"] >= 2
    members = [n for n in data["nodes"] if n["comm"] == 0]
    assert len(members) == rows[0]["count"] and rows[0]["lead"] in {n["label"] for n in members}


def test_visualize_big_map_opens_on_its_top_actors_spread_apart() -> None:
    g = synthetic_actor_graph(400, seed=5)
    data = page_data(build_map(g).html)
    core = [n for n in data["nodes"] if "cx" in n]
    assert len(core) == 60
    assert {n["rank"] for n in core} == set(range(60)), "the 60 most important"
    xy = np.array([(n["cx"], n["cy"]) for n in core])
    gaps = np.sqrt(((xy[:, None] - xy[None]) ** 2).sum(axis=2)) + np.eye(len(xy)) * 1e9
    assert gaps.min() > 100, "no two top actors crowd each other"
    small = page_data(build_map(synthetic_actor_graph(100, seed=5)).html)
    assert not [n for n in small["nodes"] if "cx" in n], "small maps show everything at once"
