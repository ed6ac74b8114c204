"""The package's public API: lazy, complete, and free of work at import time."""

from __future__ import annotations

import subprocess
import sys

import pytest

import graphkit

HEAVY = ("spacy", "rdflib", "pyoxigraph", "networkx", "pandas", "pyvis", "jsonschema")


def test_package_import_does_no_work() -> None:
    code = (
        "import sys, graphkit; print(graphkit.__version__); "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, loaded = out.stdout.splitlines()
    assert version == graphkit.__version__
    assert loaded == "[]"


@pytest.mark.parametrize("name", sorted(set(graphkit.__all__) - {"__version__"}))
def test_package_public_names_resolve(name: str) -> None:
    value = getattr(graphkit, name)
    assert value is not None
    assert name in dir(graphkit)


def test_package_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'extract_all'"):
        graphkit.extract_all  # noqa: B018
    assert not hasattr(graphkit, "run_cli_query")  # a command-line helper, not the API


def test_package_api_runs_end_to_end_without_nlp(tmp_path) -> None:
    from graphkit.examples import example_dataset

    out = graphkit.export_events(example_dataset(), tmp_path / "e.jsonl", fmt="plover")
    assert out == 7
    assert graphkit.relation("attacked").score < 0 < graphkit.relation("aided").score
