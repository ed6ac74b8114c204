"""The walkthrough notebook runs from top to bottom and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def text_of(cell) -> str:
    """Everything a code cell printed or displayed as text."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif "data" in out:
            data = out["data"]
            parts.append(str(data.get("text/markdown") or data.get("text/plain", "")))
    return "".join(parts)


@pytest.fixture(scope="module")
def executed():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},  # the kernel starts in the repository root
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, if a cell fails
    return nb


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"stored with outputs: {cell.source[:60]!r}"
            assert cell.execution_count is None


def test_notebook_imports_graphkit_and_defines_nothing_reusable():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "def " not in code and "class " not in code
    imported = {
        line.split()[1].split(".")[0]
        for line in code.splitlines()
        if line.startswith(("import ", "from "))
    }
    assert "graphkit" in imported
    assert imported <= {"graphkit", "pandas", "pathlib", "shutil", "tempfile", "IPython"}, imported


def test_notebook_runs_without_error(executed):
    errors = [
        o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert not errors


def test_notebook_query_cells_print_petro_and_trump(executed):
    query_cells = [c for c in executed.cells if c.cell_type == "code" and "run_query(" in c.source]
    assert len(query_cells) == 3
    who_met_whom, petro, _ = (text_of(c) for c in query_cells)
    for printed in (who_met_whom, petro):
        assert "Gustavo Petro" in printed
        assert "Donald Trump" in printed


def test_notebook_builds_the_store_and_reports_the_network(executed):
    printed = "\n".join(text_of(c) for c in executed.cells if c.cell_type == "code")
    assert "5 article(s) added" in printed
    assert "# Network report" in printed
    assert "## Top actors" in printed


def test_notebook_shows_the_map_inline(executed):
    [map_cell] = [c for c in executed.cells if c.cell_type == "code" and "build_map(" in c.source]
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in map_cell.outputs)
    assert html.startswith("<iframe srcdoc=")
    assert "Gustavo Petro" in html
    plain = "".join(str(o.get("data", {}).get("text/plain", "")) for o in map_cell.outputs)
    assert plain.startswith("<Map ") and len(plain) < 200, "no second copy of the page as text"


def test_notebook_shows_the_report_as_markdown(executed):
    [cell] = [c for c in executed.cells if c.cell_type == "code" and "report_markdown(" in c.source]
    shown = [
        o["data"]["text/markdown"] for o in cell.outputs if "text/markdown" in o.get("data", {})
    ]
    assert len(shown) == 1 and shown[0].startswith("# Network report")


def test_notebook_plots_a_dyad_from_the_event_export(executed):
    [export_cell] = [
        c for c in executed.cells if c.cell_type == "code" and "export_events(" in c.source
    ]
    printed = text_of(export_cell)
    assert "event records," in printed and "dyad-month rows" in printed
    assert int(printed.split()[0]) > 20
    [plot_cell] = [
        c for c in executed.cells if c.cell_type == "code" and "pivot_table(" in c.source
    ]
    assert any("image/png" in o.get("data", {}) for o in plot_cell.outputs)
