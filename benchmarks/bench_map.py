"""How fast a map becomes readable in a browser, and how much it weighs, against pyvis.

For synthetic actor graphs of 50, 500, 2,000 and 5,000 actors (about three relations each,
:func:`graphkit.visualize.examples.synthetic_actor_graph`), and optionally the map of a real
store (``--store``), writes the map with the default ``auto`` layout and opens it in headless
Chromium. Measured:

* build: Python time to lay out and render the page; page weight (HTML bytes);
* first readable paint: time from the start of navigation to the first frame of a frozen
  layout with its labels drawn (the page sets ``data-state=stable`` after that frame); the
  labels drawn then, and whether the ten most important actors are among them;
* redraw: one full repaint afterwards (what panning and zooming cost);
* select: searching an actor and selecting it works (interactivity check).

The baseline, measured in the same run on the same graphs, is pyvis 0.3.2 with its defaults
(physics on, vis-network inlined): time until vis-network reports its stabilization done,
which is when a pyvis page first shows a settled graph. Pyvis runs longer than
``--pyvis-timeout`` seconds are reported as "> limit" (so the ratio is a lower bound).
A second table compares :func:`graphkit.visualize.fast_layout` with networkx's
``spring_layout``.

Run: ``python benchmarks/bench_map.py [--sizes 50 500 2000 5000] [--runs 3] [--store DIR]``
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
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route("**/*", _offline)
    page = context.new_page()
    page.goto(path.as_uri(), timeout=300_000)
    page.wait_for_selector("body[data-state=stable]", state="attached", timeout=300_000)
    stable = page.evaluate("() => gkMap.stableMs") / 1000
    labels = page.evaluate("() => gkMap.labels.length")
    top10 = page.evaluate(
        """() => { const drawn = new Set(gkMap.labels);
             return gkMap.data.nodes.filter((n) => n.rank < 10)
               .every((n) => drawn.has(n.label)); }"""
    )
    redraw = page.evaluate(
        """() => new Promise((ok) => { const t = performance.now();
             gkMap.network.once('afterDrawing', () => ok(performance.now() - t));
             gkMap.network.redraw(); })"""
    )
    # the least important actor in a relation (actors in none start hidden)
    label = page.evaluate("() => gkMap.data.nodes.filter((n) => n.deg).pop().label")
    page.fill("#gk-search", label)
    page.press("#gk-search", "Enter")
    selected = page.evaluate("() => gkMap.network.getSelectedNodes().length") == 1
    context.close()
    return {
        "stable": stable,
        "labels": float(labels),
        "top10": float(top10),
        "redraw": redraw / 1000,
        "select": float(selected),
    }


def open_pyvis(browser: Any, path: Path, timeout: float) -> float | None:
    """Seconds until pyvis's page has settled, or None past ``timeout``."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route("**/*", _offline)
    context.add_init_script(HOOK)
    page = context.new_page()
    try:
        page.goto(path.as_uri(), timeout=timeout * 1000)
        page.wait_for_function(
            "() => window.__stableMs !== undefined", timeout=timeout * 1000, polling=250
        )
        return float(page.evaluate("() => window.__stableMs")) / 1000
    except Exception as err:  # Playwright's TimeoutError: past the limit
        if "Timeout" not in type(err).__name__:
            raise
        return None
    finally:
        context.close()


def pyvis_page(graph: nx.MultiDiGraph, out: Path) -> None:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    ids = {node: i for i, node in enumerate(graph)}
    for node, data in graph.nodes(data=True):
        net.add_node(ids[node], label=data["label"], title=data["label"])
    for u, v, key in graph.edges(keys=True):
        net.add_edge(ids[u], ids[v], label=key)
    out.write_text(net.generate_html(), encoding="utf-8")


def _seconds(value: float | None, limit: float) -> str:
    return f"> {limit:.0f}" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="browser runs per size (median)")
    parser.add_argument(
        "--pyvis-timeout", type=float, default=300.0, help="seconds before a pyvis run is cut"
    )
    parser.add_argument("--store", type=Path, help="also map this store (a real graph)")
    parser.add_argument("--spring-sizes", type=int, nargs="*", default=[500, 2000])
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    graphs: dict[str, nx.MultiDiGraph] = {
        f"synthetic {n:,}": synthetic_actor_graph(n, seed=1) for n in args.sizes
    }
    if args.store:
        from graphkit.analyze import actor_graph
        from graphkit.store import open_source

        graphs[f"store {args.store.name}"] = actor_graph(open_source(store=args.store))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for i, (name, graph) in enumerate(graphs.items()):
            start = time.perf_counter()
            built = build_map(graph)
            build = time.perf_counter() - start
            out = folder / f"map-{i}.html"
            built.save(out)
            runs = [open_ours(browser, out) for _ in range(args.runs)]
            baseline_path = folder / f"pyvis-{i}.html"
            pyvis_page(graph, baseline_path)
            baseline = open_pyvis(browser, baseline_path, args.pyvis_timeout)
            rows.append(
                {
                    "name": name,
                    "n": graph.number_of_nodes(),
                    "m": graph.number_of_edges(),
                    "layout": built.layout,
                    "build": build,
                    "mb": out.stat().st_size / 1e6,
                    "pyvis_mb": baseline_path.stat().st_size / 1e6,
                    **{
                        k: statistics.median(r[k] for r in runs)
                        for k in ("stable", "labels", "redraw")
                    },
                    "top10": all(r["top10"] for r in runs),
                    "select": all(r["select"] for r in runs),
                    "pyvis": baseline,
                }
            )
            print(f"done: {name}", flush=True)
        browser.close()

    limit = args.pyvis_timeout
    print(f"\nFirst readable paint in headless Chromium, 1366x768 (graphkit: median of {args.runs} "
          "runs; pyvis defaults: one run; times in seconds)\n")  # fmt: skip
    print(
        "| graph | actors | relations | layout | build | graphkit MB | pyvis MB "
        "| graphkit first readable paint | labels drawn | top 10 labelled | pyvis settled "
        "| ratio | redraw | search+select |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|")
    for r in rows:
        base = r["pyvis"]
        ratio = f"{(base if base is not None else limit) / r['stable']:.1f}x"
        ratio = ratio if base is not None else "> " + ratio
        print(
            f"| {r['name']} | {r['n']:,} | {r['m']:,} | {r['layout']} | {r['build']:.2f} | "
            f"{r['mb']:.2f} | {r['pyvis_mb']:.2f} | {r['stable']:.2f} | {r['labels']:.0f} | "
            f"{'yes' if r['top10'] else 'NO'} | {_seconds(base, limit)} | {ratio} | "
            f"{r['redraw']:.3f} | {'ok' if r['select'] else 'FAILED'} |"
        )

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
