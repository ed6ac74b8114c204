"""ontology/relations.csv is the one table of relations: the ontology, the shapes, the closed
namespace and the extractor's per-relation behaviour all come from it."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from graphkit.config import LEXICON_DIR, ONTOLOGY_DIR
from graphkit.vocab import GK, relation, relations, relations_where

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "scripts" / "build_ontology.py"


def _build_module():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_ontology", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_relation_table_committed_ontology_matches_the_table() -> None:
    build = _build_module()
    committed = Graph().parse(ONTOLOGY_DIR / "graphkit.ttl")
    assert isomorphic(build.build(), committed), "run python scripts/build_ontology.py"
    shapes = (ONTOLOGY_DIR / "shapes.ttl").read_text(encoding="utf-8")
    assert build.render_shapes(shapes) == shapes, "run python scripts/build_ontology.py"


def test_relation_table_every_relation_is_a_namespace_term() -> None:
    assert all(r.name in GK and GK[r.name] == r.iri for r in relations())
    with pytest.raises(AttributeError):
        GK.metwith  # noqa: B018


def test_relation_table_columns_drive_the_extractor() -> None:
    assert relation("leaderOf").allows("Person", "Country")
    assert not relation("leaderOf").allows("Country", "Country")
    assert relation("visited").allows("Person", "Place")
    assert not relation("criticized").allows("Place", "Country")
    assert relations_where(lambda r: r.judges) == {"accused", "criticized", "praised", "protested"}
    assert "agreedWith" in relations_where(lambda r: "shallow" in r.object_search)
    with (ONTOLOGY_DIR / "relations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kinds = {"Person", "Country", "Organization", "Place", "collective"}
    for row in rows:
        assert set(row["subject_types"].split()) | set(row["object_types"].split()) <= kinds, row
        assert set(row["object_search"].split()) <= {"deep", "shallow", "clause", "xcomp"}, row


@pytest.mark.slow
def test_relation_table_adding_a_relation_touches_two_files(tmp_path: Path) -> None:
    """A new relation is one row of relations.csv and one entry of cues.json: the ontology,
    the shapes, the namespace and the extractor all pick it up."""
    lexicons, ontology = tmp_path / "lexicons", tmp_path / "ontology"
    shutil.copytree(LEXICON_DIR, lexicons)
    shutil.copytree(ONTOLOGY_DIR, ontology)
    with (ontology / "relations.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["consoled", "event", "SUPPORT", "no", "verbal-cooperation", "3.0", "", "consoled",
             "The subject comforted the object after a loss.", "",
             "Person Country Organization", "Person Country Organization", "", "", "", "", "", "",
             ""]
        )  # fmt: skip
    cues = json.loads((lexicons / "cues.json").read_text(encoding="utf-8"))
    cues["consoled"] = {"verbs": {"console": ["dobj"]}}
    (lexicons / "cues.json").write_text(json.dumps(cues), encoding="utf-8")

    env = {**os.environ, "GRAPHKIT_LEXICONS": str(lexicons), "GRAPHKIT_ONTOLOGY": str(ontology)}
    subprocess.run([sys.executable, str(BUILD)], env=env, check=True, capture_output=True)
    built = Graph().parse(ontology / "graphkit.ttl")
    consoled = URIRef(str(GK) + "consoled")
    assert (consoled, RDFS.subPropertyOf, GK.SUPPORT) in built
    assert (ontology / "shapes.ttl").read_text(encoding="utf-8").count("gk:consoled") == 3

    article = tmp_path / "a.txt"
    article.write_text("French President Emmanuel Macron consoled Morocco on Sunday.\n")
    out = tmp_path / "a.trig"
    run = [sys.executable, "-m", "graphkit"]
    subprocess.run([*run, "extract", str(article), "-o", str(out), "-q"], env=env, check=True)
    graph = out.read_text(encoding="utf-8")
    assert "gk:consoled" in graph or "ontology#consoled" in graph
    check = subprocess.run([*run, "validate", str(out)], env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
