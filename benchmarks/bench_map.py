"""How fast a map opens and settles in a browser, and how big it is.

For synthetic actor graphs of 50, 500, 2,000 and 5,000 actors (about three relations each,
:func:`graphkit.visualize.examples.synthetic_actor_graph`), writes the map with the default
``auto`` layout and opens it in headless Chromium. Measured:

* build: Python time to lay out and render the page; HTML size;
* stable: time from the start of navigation to a frozen layout (the page sets
  ``data-state=stable`` once physics has stopped and the frame is drawn);
* redraw: one full repaint afterwards (what panning and zooming cost);
* select: searching an actor and selecting it works (interactivity check).

The baseline, measured in the same run, is pyvis 0.3.2 with its defaults (physics on, vis-network
inlined) on the 500-actor graph: time until vis-network reports its stabilization done.
A second table compares :func:`graphkit.visualize.fast_layout` with networkx's
``spring_layout``.

Run: ``python benchmarks/bench_map.py [--sizes 50 500 2000 5000] [--runs 3]``
(needs /usr/bin/chromium and Playwright).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.visualize import build_map, fast_layout
from graphkit.visualize.examples import synthetic_actor_graph

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOOK = """
Object.defineProperty(window, "network", {
  configurable: true,
  get() { return this.__network; },
  set(v) {
    this.__network = v;
    v.once("stabilizationIterationsDone", () => { window.__stableMs = performance.now(); });
  },
});
"""
"""Init script for pyvis pages: note when the global ``network`` finishes stabilizing."""


def _offline(route: Any) -> None:
    if route.request.url.startswith(("file://", "data:")):
        route.continue_()
    else:
        route.abort()  # pyvis links Bootstrap from a CDN: fail fast, as offline


def open_ours(browser: Any, path: Path) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", _offline)
    page = context.new_page()
    page.goto(path.as_uri(), timeout=300_000)
    page.wait_for_selector("body[data-state=stable]", state="attached", timeout=300_000)
    stable = page.evaluate("() => gkMap.stableMs") / 1000
    redraw = page.evaluate(
        """() => new Promise((ok) => { const t = performance.now();
             gkMap.network.once('afterDrawing', () => ok(performance.now() - t));
             gkMap.network.redraw(); })"""
    )
    start = page.evaluate("() => gkMap.startMs")
    label = page.evaluate("() => gkMap.data.nodes[gkMap.data.nodes.length - 1].label")
    page.fill("#gk-search", label)
    page.press("#gk-search", "Enter")
    selected = page.evaluate("() => gkMap.network.getSelectedNodes().length") == 1
    context.close()
    return {
        "start": start / 1000,
        "stable": stable,
        "redraw": redraw / 1000,
        "select": float(selected),
    }


def open_pyvis(browser: Any, path: Path) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", _offline)
    context.add_init_script(HOOK)
    page = context.new_page()
    page.goto(path.as_uri(), timeout=600_000)
    page.wait_for_function("() => window.__stableMs !== undefined", timeout=600_000, polling=250)
    stable = page.evaluate("() => window.__stableMs") / 1000
    context.close()
    return stable


def pyvis_page(graph: nx.MultiDiGraph, out: Path) -> None:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    ids = {node: i for i, node in enumerate(graph)}
    for node, data in graph.nodes(data=True):
        net.add_node(ids[node], label=data["label"], title=data["label"])
    for u, v, key in graph.edges(keys=True):
        net.add_edge(ids[u], ids[v], label=key)
    out.write_text(net.generate_html(), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="browser runs per size (median)")
    parser.add_argument(
        "--baseline-runs", type=int, default=1, help="pyvis runs (minutes each on 2 cores)"
    )
    parser.add_argument("--spring-sizes", type=int, nargs="*", default=[500, 2000])
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        graphs = {n: synthetic_actor_graph(n, seed=1) for n in sorted({*args.sizes, 500})}
        baseline_path = folder / "pyvis-500.html"
        pyvis_page(graphs[500], baseline_path)
        baseline = statistics.median(
            open_pyvis(browser, baseline_path) for _ in range(args.baseline_runs)
        )
        for n in args.sizes:
            graph = graphs[n]
            start = time.perf_counter()
            built = build_map(graph)
            build = time.perf_counter() - start
            out = folder / f"map-{n}.html"
            built.save(out)
            runs = [open_ours(browser, out) for _ in range(args.runs)]
            rows.append(
                {
                    "n": n,
                    "m": graph.number_of_edges(),
                    "layout": built.layout,
                    "build": build,
                    "mb": out.stat().st_size / 1e6,
                    **{
                        k: statistics.median(r[k] for r in runs)
                        for k in ("start", "stable", "redraw")
                    },
                    "select": all(r["select"] for r in runs),
                }
            )
        browser.close()

    print(f"\nMaps in headless Chromium (median of {args.runs}; times in seconds)\n")
    print(
        "| actors | relations | layout | build | HTML MB | script start | load→stable | redraw "
        "| search+select |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['m']:,} | {r['layout']} | {r['build']:.2f} | {r['mb']:.1f} | "
            f"{r['start']:.2f} | {r['stable']:.2f} | {r['redraw']:.2f} | {'ok' if r['select'] else 'FAILED'} |"
        )
    print(f"| 500 | {graphs[500].number_of_edges():,} | pyvis defaults (baseline) | | "
          f"{baseline_path.stat().st_size / 1e6:.1f} | | {baseline:.2f} | | |")  # fmt: skip
    ours_500 = next((r["stable"] for r in rows if r["n"] == 500), None)
    if ours_500:
        print(f"\n500 actors: pyvis defaults settle in {baseline:.2f} s, graphkit in {ours_500:.2f} s: "
              f"{baseline / ours_500:.1f}x faster")  # fmt: skip

    print("\nPrecomputed layouts in Python (seconds)\n")
    print("| actors | fast_layout | networkx spring_layout | ratio |")
    print("|---:|---:|---:|---:|")
    for n in args.spring_sizes:
        simple = nx.Graph(synthetic_actor_graph(n, seed=1).to_undirected())
        start = time.perf_counter()
        fast_layout(simple)
        fast = time.perf_counter() - start
        start = time.perf_counter()
        nx.spring_layout(simple, seed=7)
        spring = time.perf_counter() - start
        print(f"| {n:,} | {fast:.2f} | {spring:.2f} | {spring / fast:.1f}x |")
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
