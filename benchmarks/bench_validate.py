"""How long SHACL validation takes, and what the shapes' design saves.

A synthetic corpus (people and countries, eight relations per article, half of them negated,
a leaderOf per article) is written to N-Quads and read back with ``read_rdf``, as
``graphkit validate file.nq`` would. Three ways to validate it are timed in the same run:

* ``graphkit``: :func:`graphkit.validate.check` (top-level property shapes, no inference) — the
  baseline;
* ``nested``: the same constraints as ``sh:property`` inside node shapes (pySHACL then builds
  every constraint once per focus node);
* ``rdfs``: the graphkit shapes with the ontology loaded and ``inference='rdfs'`` (on a tenth
  of the corpus: it is slow), which also fails the one-type rule because inference adds
  ``gk:Actor`` and ``rdf:Statement`` types.

Figures are seconds per 10,000 triples and the ratio against the baseline.

Run: ``python benchmarks/bench_validate.py [ARTICLES]`` (default 500, about 60,000 triples).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def synthetic(count: int, *, seed: int = 1):  # -> Dataset
    """``count`` article graphs as the extractor writes them."""
    from graphkit.graph import results_dataset
    from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
    from graphkit.vocab import relations

    rng = random.Random(seed)
    events = [r.name for r in relations() if r.is_event]
    people = [Entity("Person", f"Person {i}") for i in range(300)]
    countries = [Entity("Country", f"Country {i}", ids=(("iso3", "ABC"),)) for i in range(100)]
    results = []
    for number in range(count):
        art = Article.from_text(
            f"text {number}", source=f"a{number}.txt", title=f"T{number}", date="2022-05-05"
        )
        rels = []
        for k in range(8):
            s, o = rng.sample(people + countries, 2)
            ev = Evidence(art.id, "S met O.", k * 10, k * 10 + 5, "met", 0.8,
                          modality=rng.choice(["asserted", "negated"]))  # fmt: skip
            rels.append(Relation(s, rng.choice(events), o, ev))
        leader = Evidence(art.id, "P leads C.", 0, 3, "President", 0.9)
        rels.append(Relation(rng.choice(people), "leaderOf", rng.choice(countries), leader))
        results.append(ArticleResult(art, (), tuple(rels)))
    return results_dataset(results)


def nested(shapes):  # Graph -> Graph
    """The same constraints as sh:property of node shapes that carry the targets."""
    from rdflib import BNode, Graph
    from rdflib.namespace import RDF, SH

    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
    out = Graph()
    for triple in shapes:
        out.add(triple)
    for shape in list(shapes.subjects(RDF.type, SH.PropertyShape)):
        holder = BNode()
        out.add((holder, RDF.type, SH.NodeShape))
        out.add((holder, SH.property, shape))
        for predicate in targets:
            for target in shapes.objects(shape, predicate):
                out.remove((shape, predicate, target))
                out.add((holder, predicate, target))
    return out


def timed(label: str, fn: Callable[[], object]) -> float:
    began = time.process_time()
    result = fn()
    seconds = time.process_time() - began
    print(f"  {label:10s} {seconds:7.2f} s CPU  conforms={result}", flush=True)
    return seconds


def main(count: int) -> None:
    from pyshacl import validate
    from rdflib import Graph

    from graphkit.store import read_rdf, write_rdf
    from graphkit.validate import check, load_shapes
    from graphkit.vocab import ONTOLOGY_DIR

    folder = Path(tempfile.mkdtemp())
    write_rdf(synthetic(count), folder / "big.nq")
    write_rdf(synthetic(max(count // 10, 1)), folder / "small.nq")
    big, small = read_rdf(folder / "big.nq"), read_rdf(folder / "small.nq")
    n_big = len(set(big.triples((None, None, None))))
    n_small = len(set(small.triples((None, None, None))))
    shapes = load_shapes()
    ontology = Graph().parse(ONTOLOGY_DIR / "graphkit.ttl")
    print(f"{count} articles: {n_big:,} triples ({n_small:,} for rdfs)")

    base = timed("graphkit", lambda: check(big)[0]) / n_big
    lay = (
        timed("nested", lambda: validate(big, shacl_graph=nested(shapes), inference="none")[0])
        / n_big
    )
    rdfs = (
        timed(
            "rdfs",
            lambda: validate(small, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")[0],
        )
        / n_small
    )
    print("seconds per 10,000 triples, and the ratio against the graphkit shapes:")
    for label, per in (("graphkit", base), ("nested", lay), ("rdfs", rdfs)):
        print(f"  {label:10s} {per * 10_000:7.3f} s   x{per / base:6.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
