"""The endpoint's query editor as a person uses it, in headless Chromium, on loopback only.

Needs the Debian ``chromium`` package at /usr/bin/chromium (driven by Playwright); skipped
when it is absent. Every request the page makes is recorded; any that would leave the
endpoint's own origin is aborted and fails the test.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graphkit.examples import example_store
from graphkit.server import SparqlServer, make_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    folder = tmp_path_factory.mktemp("browser") / "store"
    example_store(folder)
    page = tmp_path_factory.mktemp("map") / "map.html"
    page.write_text("<!doctype html><title>map</title><body><p id='m'>the map</p></body>")
    srv = make_server(store=folder, port=0, workers=1, map_path=page, quiet=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


class Visit:
    """The editor in a fresh browser context; requests off the endpoint's origin are aborted."""

    def __init__(self, browser: Any, origin: str) -> None:
        self.origin = origin
        self.context = browser.new_context(viewport={"width": 1100, "height": 800})
        self.allowed: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(origin + "/")
        self.page.wait_for_selector("body[data-state=ready]", state="attached", timeout=30_000)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/"):
            self.allowed.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def run(self) -> str:
        self.page.click("#run")
        self.page.wait_for_selector("body[data-state=done]", state="attached", timeout=30_000)
        return self.page.inner_text("#status")

    def column(self, name: str) -> list[str]:
        return self.page.evaluate(
            """(name) => {
                 const heads = [...document.querySelectorAll('#results th')]
                   .map((t) => t.textContent);
                 const i = heads.indexOf(name);
                 return [...document.querySelectorAll('#results tbody tr')]
                   .map((r) => r.children[i].textContent);
               }""",
            name,
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser: Any, server: SparqlServer, tmp_path: Path) -> Iterator[Visit]:
    v = Visit(browser, server.url.removesuffix("/sparql"))
    yield v
    v.page.screenshot(path=str(tmp_path / "editor.png"))
    v.context.close()
    assert v.errors == []
    assert v.blocked == [], f"requests left loopback: {v.blocked}"


def test_server_browser_editor_runs_a_preset(visit: Visit) -> None:
    visit.page.select_option("#preset", "who-met-whom")
    assert "Pairs of actors that met" in visit.page.inner_text("#preset-help")
    status = visit.run()
    assert status.startswith("3 rows")
    pairs = list(zip(visit.column("actor1"), visit.column("actor2"), strict=True))
    assert ("Donald Trump", "Gustavo Petro") in pairs
    sparql = [u for u in visit.allowed if u.endswith("/sparql")]
    assert len(sparql) == 1


def test_server_browser_editor_fills_parameters(visit: Visit) -> None:
    visit.page.select_option("#preset", "between")
    visit.page.fill("input[data-param=ACTOR1]", "Gustavo Petro")
    visit.page.fill("input[data-param=ACTOR2]", 'Donald "The" Trump')  # no such actor: 0 rows
    assert visit.run().startswith("0 rows")
    visit.page.fill("input[data-param=ACTOR2]", "Donald Trump")
    assert int(visit.run().split()[0]) >= 2
    assert "metWith" in visit.column("relation")


def test_server_browser_editor_shows_values_as_text(visit: Visit) -> None:
    attack = '<img src=x onerror="window.__pwned=1">'
    visit.page.fill("#query", f"SELECT ?x WHERE {{ BIND('{attack}' AS ?x) }}")
    visit.run()
    assert visit.column("x") == [attack]
    assert visit.page.evaluate("() => window.__pwned") is None
    assert visit.page.query_selector("#results img") is None


def test_server_browser_editor_reports_errors_and_refusals(visit: Visit) -> None:
    visit.page.fill("#query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert visit.run().startswith("400: query: federated SERVICE calls are disabled")
    visit.page.fill("#query", "SELEC * WHERE { ?s ?p ?o }")
    assert "syntax error near 'SELEC'" in visit.run()


def test_server_browser_map_beside_the_editor(visit: Visit) -> None:
    visit.page.click("text=Map")
    visit.page.wait_for_selector("#m")
    assert visit.page.url.endswith("/map")
