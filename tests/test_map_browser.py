"""The map as a person sees it, in headless Chromium: drawn, offline, inert to attacks, usable.

Needs the Debian ``chromium`` package at /usr/bin/chromium (driven by Playwright); skipped
when it is absent. One browser serves the whole module; each test saves a screenshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graphkit.examples import example_dataset
from graphkit.graph import new_dataset, results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.visualize import build_map, write_map
from graphkit.visualize.examples import synthetic_actor_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
XSS = (
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=2;alert(2)</script>",
    '<a href="x">link</a><svg onload="window.__pwned=3">',
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def example_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The map of the example dataset (six actors, five relations), written once."""
    out = tmp_path_factory.mktemp("example") / "map.html"
    write_map(example_dataset(), out, title="Petro & Trump")
    return out


class Visit:
    """One page in a fresh browser context, with every request, dialog and error recorded."""

    def __init__(self, browser: Any, path: Path, *, bypass_csp: bool = False) -> None:
        self.context = browser.new_context(
            viewport={"width": 1100, "height": 700}, bypass_csp=bypass_csp
        )
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-state=stable]", state="attached", timeout=30_000)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def node_id(self, label: str) -> int:
        return self.js("(l) => gkMap.data.nodes.find((n) => n.label === l).id", label)

    def node_xy(self, node: int) -> tuple[float, float]:
        at = self.js(
            """(id) => { const n = gkMap.network, p = n.canvasToDOM(n.getPositions([id])[id]);
                 const r = document.getElementById('gk-network').getBoundingClientRect();
                 return [r.left + p.x, r.top + p.y]; }""",
            node,
        )
        return at[0], at[1]

    def edge_xy(self, edge: int) -> tuple[float, float]:
        ends = self.js(
            "(id) => { const e = gkMap.data.edges.find((x) => x.id === id); return [e.from, "
            "e.to]; }",
            edge,
        )
        (x1, y1), (x2, y2) = self.node_xy(ends[0]), self.node_xy(ends[1])
        return (x1 + x2) / 2, (y1 + y2) / 2

    def inked_pixels(self) -> int:
        """Pixels of the map's canvas that are neither blank nor white."""
        return self.js(
            """() => { const c = document.querySelector('#gk-network canvas');
                 const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                 let n = 0;
                 for (let i = 0; i < d.length; i += 16) {
                   if (d[i + 3] > 40 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
                 }
                 return n; }"""
        )

    def redrawn(self) -> None:
        self.js(
            "() => new Promise((ok) => { gkMap.network.once('afterDrawing', ok); "
            "gkMap.network.redraw(); })"
        )

    def close(self, shot: Path) -> None:
        self.page.screenshot(path=str(shot))
        self.context.close()


def _map(tmp_path: Path, source: Any, name: str = "map.html", **options: Any) -> Path:
    out = tmp_path / name
    write_map(source, out, **options)
    return out


def _busy_graph() -> nx.MultiDiGraph:
    """Two actors with one well-corroborated relation (five sentences, five articles), and a
    place in no relation."""
    arts = [
        Article.from_text(
            f"Petro met Trump, round {i}.",
            source=f"r{i}.txt",
            title=f"Talks {i}",
            date=f"2025-02-0{i}",
        )
        for i in range(1, 6)
    ]
    petro, trump = (
        Entity("Person", "Gustavo Petro", ("Petro",)),
        Entity("Person", "Donald Trump", ("Trump",)),
    )
    loner = Entity("Place", "Bogotá")  # named in the articles, in no relation
    results = [
        ArticleResult(
            a,
            (petro, trump, loner),
            (Relation(petro, "metWith", trump, Evidence(a.id, a.text, 0, 10, "met", 0.9)),),
        )
        for a in arts
    ]
    return results_dataset(results)


def test_map_browser_draws_the_map_with_legend_and_search_offline(
    browser: Any, example_map: Path, tmp_path: Path
) -> None:
    visit = Visit(browser, example_map, bypass_csp=True)
    try:
        assert visit.inked_pixels() > 500, "nodes and edges are drawn"
        assert visit.page.inner_text("#gk-title") == "Petro & Trump"
        assert visit.page.locator("#gk-types li").all_inner_texts() == ["person\n5", "country\n3"]
        assert visit.page.locator("#gk-classes > li").count() == 5
        assert visit.page.locator("#gk-search").is_visible()
        assert visit.page.inner_text("#gk-status") == (
            "Showing 8 of 8 actors and 9 of 9 relations (8 lines)."
        )
        before = visit.js("() => gkMap.network.getPositions()")
        visit.page.wait_for_timeout(400)
        assert visit.js("() => gkMap.network.getPositions()") == before, "the layout is frozen"
        assert visit.js("() => gkMap.network.physics.options.enabled") is False
        assert visit.requests == [], "no request leaves the page, even without its CSP"
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_policy_is_never_violated(
    browser: Any, example_map: Path, tmp_path: Path
) -> None:
    visit = Visit(browser, example_map)
    try:
        visit.page.mouse.move(*visit.node_xy(visit.node_id("Gustavo Petro")))
        visit.page.wait_for_timeout(300)
        assert not [m for m in visit.console if "Content Security Policy" in m]
        assert visit.requests == [] and visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_attack_strings_show_as_text(browser: Any, tmp_path: Path) -> None:
    text = " ".join(XSS)
    art = Article.from_text(f"{text} met Trump.", source="evil.txt", title=text, date="2025-01-26")
    bad = Entity("Person", f"Evil {XSS[0]}", (XSS[1], XSS[2]))
    trump = Entity("Person", "Donald Trump", ("Trump",))
    ev = Evidence(art.id, f"{text} met Trump.", 0, 10, "met", 0.9)
    ds = results_dataset([ArticleResult(art, (bad, trump), (Relation(bad, "metWith", trump, ev),))])
    visit = Visit(browser, _map(tmp_path, ds, title=text), bypass_csp=True)
    try:
        evil = visit.node_id(f"Evil {XSS[0]}")
        visit.page.mouse.move(*visit.node_xy(evil))
        visit.page.wait_for_selector("#gk-tooltip:not([hidden])")
        assert XSS[1] in visit.page.inner_text("#gk-tooltip"), "aliases appear literally"
        visit.page.mouse.move(*visit.edge_xy(0))
        visit.page.wait_for_timeout(300)
        assert f"{text} met Trump." in visit.page.inner_text("#gk-tooltip"), (
            "the sentence appears literally"
        )
        visit.page.mouse.click(*visit.node_xy(evil))
        visit.page.fill("#gk-search", "svg onload")
        assert visit.page.inner_text("#gk-results").startswith(f"Evil {XSS[0]}")
        visit.page.wait_for_timeout(300)
        assert visit.page.title() == text
        assert visit.dialogs == [], "no alert ran"
        assert visit.js("() => window.__pwned") is None
        assert (
            visit.js("() => document.querySelectorAll('body img, body a, body svg[onload]').length")
            == 0
        )
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_tooltip_shows_a_few_sentences_and_loners_start_hidden(
    browser: Any, tmp_path: Path
) -> None:
    visit = Visit(browser, _map(tmp_path, _busy_graph()))
    try:
        assert visit.js("() => gkMap.shown") == {"nodes": 2, "edges": 1}, (
            "loners are hidden at first"
        )
        visit.page.locator("#gk-isolated").check()
        assert visit.js("() => gkMap.shown") == {"nodes": 3, "edges": 1}
        visit.page.mouse.move(*visit.edge_xy(0))
        visit.page.wait_for_selector("#gk-tooltip:not([hidden])")
        tip = visit.page.inner_text("#gk-tooltip")
        assert "Gustavo Petro — met with — Donald Trump" in tip
        assert tip.count("“Petro met Trump, round") == 3 and "+2 more sentences" in tip
        assert "Talks 1 (2025-02-01)" in tip and "+2 more articles" in tip
        assert "5 articles" in tip and "confidence 0.9" in tip
    finally:
        visit.close(tmp_path / "map.png")


@pytest.mark.parametrize("how", ["click", "search"])
def test_map_browser_click_or_search_selects_an_actor(
    browser: Any, example_map: Path, tmp_path: Path, how: str
) -> None:
    visit = Visit(browser, example_map)
    try:
        maduro = visit.node_id("Nicolás Maduro")
        if how == "click":
            visit.page.mouse.click(*visit.node_xy(maduro))
        else:
            visit.page.fill("#gk-search", "nicolas")  # no accent, part of the name
            visit.page.press("#gk-search", "Enter")
            visit.page.wait_for_timeout(700)  # the view glides to the actor
            x, y = visit.node_xy(maduro)
            box = visit.page.locator("#gk-network").bounding_box()
            assert (
                abs(x - (box["x"] + box["width"] / 2)) < 5
                and abs(y - (box["y"] + box["height"] / 2)) < 5
            )
        assert visit.js("() => gkMap.network.getSelectedNodes()") == [maduro]
        assert visit.js("() => gkMap.selected") == maduro
        info = visit.page.inner_text("#gk-info-body")
        assert (
            info.startswith("Nicolás Maduro")
            and "Also: Maduro" in info
            and "leader of Venezuela" in info
        )
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_filters_hide_and_reset_without_blanking(
    browser: Any, example_map: Path, tmp_path: Path
) -> None:
    visit = Visit(browser, example_map)
    try:
        full = visit.inked_pixels()
        visit.page.locator("input[data-type=Country]").uncheck()
        visit.redrawn()
        assert visit.js("() => gkMap.shown") == {"nodes": 5, "edges": 3}
        assert 0 < visit.inked_pixels() < full, "the other actors are still drawn"
        visit.page.locator("input[data-type=Country]").check()
        visit.page.fill("#gk-from", "2025-11-05")
        assert visit.js("() => gkMap.shown") == {"nodes": 8, "edges": 6}, (
            "what overlaps the dates stays"
        )
        for box in visit.page.locator("input[data-cls]").all():
            box.uncheck()
        assert visit.page.locator("#gk-empty").is_visible(), "an empty selection says so"
        visit.page.click("#gk-reset")
        visit.redrawn()
        assert visit.js("() => gkMap.shown") == {"nodes": 8, "edges": 9}
        assert visit.inked_pixels() > full * 0.9
        assert visit.page.locator("#gk-empty").is_hidden()
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_empty_graph_says_there_is_nothing_to_show(
    browser: Any, tmp_path: Path
) -> None:
    visit = Visit(browser, _map(tmp_path, new_dataset()))
    try:
        assert "Nothing to show" in visit.page.inner_text("#gk-empty")
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_notebook_frame_shows_the_map(browser: Any, tmp_path: Path) -> None:
    built = build_map(example_dataset())
    notebook = tmp_path / "notebook.html"
    notebook.write_text(f"<!DOCTYPE html><h1>Notebook</h1>{built._repr_html_()}", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    requests: list[str] = []
    context.route("**/*", lambda r: (requests.append(r.request.url), r.continue_()))
    page = context.new_page()
    try:
        page.goto(notebook.as_uri())
        frame = page.frames[1]
        frame.wait_for_selector("body[data-state=stable]", state="attached", timeout=30_000)
        assert frame.evaluate("() => gkMap.data.nodes.length") == 8
        assert frame.locator("#gk-search").is_visible()
        assert [u for u in requests if not u.startswith("file://")] == []
    finally:
        page.screenshot(path=str(tmp_path / "map.png"))
        context.close()


def test_map_browser_big_map_labels_only_the_edges_in_view(browser: Any, tmp_path: Path) -> None:
    graph = synthetic_actor_graph(250, seed=2)
    assert graph.number_of_edges() > 300
    visit = Visit(browser, _map(tmp_path, graph))
    labelled = "() => gkMap.edges.get().filter((e) => e.label).length"
    try:
        visit.js("() => { gkMap.setCore(false); gkMap.network.moveTo({ scale: 0.3 }); }")
        visit.js("() => gkMap.relabel()")
        assert visit.js(labelled) == 0, "zoomed out: no edge label"
        visit.js("() => { gkMap.network.moveTo({ scale: 1.5 }); gkMap.relabel(); }")
        assert 0 < visit.js(labelled) <= 300, "zoomed in: the edges in view are labelled"
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def _visit_at(browser: Any, path: Path, width: int = 1366, height: int = 768) -> Visit:
    """A visit in a laptop-sized window (the size at which panels must stay in view)."""
    visit = Visit.__new__(Visit)
    visit.context = browser.new_context(viewport={"width": width, "height": height})
    visit.requests, visit.dialogs, visit.errors, visit.console = [], [], [], []
    visit.context.route("**/*", visit._route)
    visit.page = visit.context.new_page()
    visit.page.on("pageerror", lambda e: visit.errors.append(str(e)))
    visit.page.goto(path.as_uri())
    visit.page.wait_for_selector("body[data-state=stable]", state="attached", timeout=60_000)
    return visit


SHOWN_LINES = "() => gkMap.edges.get({ filter: (e) => !e.hidden }).length"


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 500-actor synthetic map, written once."""
    out = tmp_path_factory.mktemp("big") / "map.html"
    write_map(synthetic_actor_graph(500, seed=1), out)
    return out


def test_map_browser_top_actors_are_labelled_at_first_paint_without_overlap(
    browser: Any, big_map: Path, tmp_path: Path
) -> None:
    visit = _visit_at(browser, big_map)
    try:
        top = visit.js("() => gkMap.data.nodes.filter((n) => n.rank < 10).map((n) => n.label)")
        drawn = visit.js("() => gkMap.labels")
        assert len(top) == 10 and set(top) <= set(drawn), "the ten most important are labelled"
        assert visit.js("() => gkMap.core") is True, "a big map opens on its most important part"
        assert visit.js("() => gkMap.shown.nodes") <= 60
        boxes = visit.js("() => gkMap.labelBoxes")
        rects = [(b["x"], b["y"], len(b["label"]) * b["size"] * 0.45, b["size"]) for b in boxes]
        for i, (x1, y1, w1, h1) in enumerate(rects):
            for x2, y2, w2, h2 in rects[i + 1 :]:
                assert abs(x1 - x2) >= min(w1, w2) or abs(y1 - y2) >= min(h1, h2), (
                    "labels never pile up"
                )
        visit.page.check("input[name=gk-colour][value=community]")
        coloured = visit.js(
            """() => { const n = gkMap.data.nodes.find((x) => x.rank === 0);
                 const c = gkMap.data.communities.find((x) => x.id === n.comm);
                 return [gkMap.nodes.get(n.id).color.background, c ? c.color : null]; }"""
        )
        assert coloured[1] and coloured[0] == coloured[1], "community colours on request"
        assert visit.page.locator("#gk-communities li").count() >= 2
        visit.page.click("#gk-core-all")
        assert visit.js("() => gkMap.shown.nodes") == 500, "the rest is one click away"
        visit.redrawn()
        assert set(top) <= set(visit.js("() => gkMap.labels"))
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_one_line_per_pair_and_a_toggle_for_every_relation(
    browser: Any, tmp_path: Path
) -> None:
    graph = synthetic_actor_graph(40, seed=3)
    nodes = list(graph)
    for name in ("criticized", "threatened", "metWith"):  # stack relations on one pair
        graph.add_edge(nodes[0], nodes[1], key=name, **{
            **next(iter(graph.get_edge_data(*next(iter(graph.edges()))[:2]).values())),
            "predicate": name,
        })  # fmt: skip
    pairs = {frozenset((u, v)) for u, v in graph.edges()}
    visit = _visit_at(browser, _map(tmp_path, graph))
    try:
        assert visit.js(SHOWN_LINES) == len(pairs), "one line per actor pair"
        visit.page.check("#gk-all-rels")
        shown = visit.js("() => gkMap.shown.edges")
        assert visit.js(SHOWN_LINES) == shown > len(pairs), "every relation on request"
        visit.page.uncheck("#gk-all-rels")
        assert visit.js(SHOWN_LINES) == len(pairs)
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_click_shows_details_in_view_and_dims_the_rest(
    browser: Any, big_map: Path, tmp_path: Path
) -> None:
    visit = _visit_at(browser, big_map)
    try:
        top = visit.js("() => gkMap.data.nodes.find((n) => n.rank === 0).id")
        visit.page.mouse.click(*visit.node_xy(top))
        visit.page.wait_for_selector("#gk-info:not([hidden])")
        box = visit.page.locator("#gk-info").bounding_box()
        assert box["y"] >= 0 and box["y"] + 40 < 768 and box["x"] + box["width"] <= 1366, (
            "the details are in view without scrolling"
        )
        assert visit.page.locator("#gk-info-body").is_visible()
        colours = visit.js(
            """(id) => { const near = new Set([id]);
                 gkMap.data.edges.forEach((e) => { if (e.from === id) near.add(e.to);
                                                   if (e.to === id) near.add(e.from); });
                 const far = gkMap.data.nodes.find((n) => !near.has(n.id) && n.rank < 60);
                 const them = [...near].find((n) => n !== id);
                 return [gkMap.nodes.get(far.id).color.background,
                         gkMap.nodes.get(them).color.background]; }""",
            top,
        )
        assert colours[0] == "#ececec" and colours[1] != "#ececec", "outside 1 hop is dimmed"
        hidden_partners = visit.js(
            """(id) => gkMap.data.edges.filter((e) => e.from === id || e.to === id)
                 .map((e) => (e.from === id ? e.to : e.from))
                 .filter((n) => gkMap.nodes.get(n).hidden).length""",
            top,
        )
        assert hidden_partners == 0, "partners beyond the top actors join the selected one"
        assert set(visit.js("() => gkMap.labels")) <= set(
            visit.js(
                """(id) => gkMap.data.nodes.filter((n) => n.id === id ||
                     gkMap.data.edges.some((e) => (e.from === id && e.to === n.id) ||
                                                  (e.to === id && e.from === n.id)))
                   .map((n) => n.label)""",
                top,
            )
        ), "only the neighbourhood keeps its labels"
        visit.page.keyboard.press("Escape")
        assert visit.page.locator("#gk-info").is_hidden()
        assert visit.js("() => gkMap.shown.nodes") <= 60, "and leave again"
        far = visit.js("() => gkMap.data.nodes.find((n) => n.rank === 59).id")
        assert visit.js("(id) => gkMap.nodes.get(id).color.background", far) != "#ececec"
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_confidence_slider_and_timeline_filter_relations(
    browser: Any, tmp_path: Path
) -> None:
    graph = synthetic_actor_graph(40, seed=4)
    for i, (_, _, data) in enumerate(graph.edges(data=True)):
        data["confidence"] = 0.3 if i % 3 == 0 else 0.9
    total = graph.number_of_edges()
    weak = sum(1 for _, _, d in graph.edges(data=True) if d["confidence"] < 0.5)
    visit = _visit_at(browser, _map(tmp_path, graph))
    try:
        assert visit.js("() => gkMap.shown.edges") == total
        faint = visit.js("() => gkMap.edges.get({ filter: (e) => !e.hidden && e.dashes }).length")
        assert faint > 0, "low-confidence relations are drawn dashed"
        visit.page.locator("#gk-conf").fill("0.5")
        assert visit.js("() => gkMap.shown.edges") == total - weak
        assert visit.page.inner_text("#gk-conf-value") == "0.50"
        visit.page.locator("#gk-conf").fill("0")
        first_day = visit.js("() => gkMap.data.dates[0]")
        visit.js("() => gkMap.setTimeline(0)")
        early = sum(1 for _, _, d in graph.edges(data=True) if (d["first_date"] or "") <= first_day)
        assert visit.js("() => gkMap.shown.edges") == early < total
        assert visit.page.input_value("#gk-to") == first_day
        visit.page.click("#gk-play")
        visit.page.wait_for_function(
            f"() => gkMap.shown.edges === {total}", timeout=30_000, polling=200
        )
        assert visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")


def test_map_browser_exports_the_view_as_csv_svg_and_png(browser: Any, tmp_path: Path) -> None:
    text = " ".join(XSS)
    art = Article.from_text(f"{text} met Trump.", source="evil.txt", title=text, date="2025-01-26")
    bad = Entity("Person", f"=Evil {XSS[0]}", (XSS[1],))
    trump = Entity("Person", "Donald Trump", ("Trump",))
    ev = Evidence(art.id, f"{text} met Trump.", 0, 10, "met", 0.9)
    ds = results_dataset([ArticleResult(art, (bad, trump), (Relation(bad, "metWith", trump, ev),))])
    visit = _visit_at(browser, _map(tmp_path, ds))
    try:
        actors = visit.js("() => gkMap.exportCsv('actors')")
        assert actors.splitlines()[0] == "label,type,importance,community,relations,iri"
        assert f"'=Evil {XSS[0]}" in actors.replace('""', '"'), "no formula for spreadsheets"
        relations = visit.js("() => gkMap.exportCsv('relations')")
        assert "met with" in relations and "Donald Trump" in relations
        svg = visit.js("() => gkMap.exportSvg()")
        assert svg.startswith("<svg") and "Donald Trump" in svg
        assert "<img" not in svg and "<script" not in svg, "labels stay text in the SVG"
        with visit.page.expect_download() as got:
            visit.page.click("#gk-png")
        saved = tmp_path / "view.png"
        got.value.save_as(saved)
        assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and saved.stat().st_size > 2000
        with visit.page.expect_download() as got:
            visit.page.click("#gk-csv-relations")
        assert got.value.suggested_filename == "graphkit-relations.csv"
        assert visit.js("() => window.__pwned") is None and visit.errors == []
    finally:
        visit.close(tmp_path / "map.png")
