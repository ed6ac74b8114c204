"""SHACL validation: a conforming graph, each kind of violation, files, stores and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD

from graphkit.cli import main
from graphkit.graph import results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.store import open_store, write_rdf
from graphkit.validate import SHAPES_PATH, check, format_report, validate_dataset, validate_path
from graphkit.vocab import GK, article_iri, entity_iri, relations

PETRO = Entity("Person", "Gustavo Petro", ("Petro",))
TRUMP = Entity("Person", "Donald Trump", ("Trump",))
COLOMBIA = Entity("Country", "Colombia", ("Bogotá",), (("iso3", "COL"), ("wikidata", "Q739")))
USA = Entity("Country", "United States", ("U.S.",), (("iso3", "USA"),))
BOGOTA = Entity("Place", "Bogotá")
UN = Entity("Organization", "United Nations", ("UN",))

TEXT = (
    "Colombian President Gustavo Petro met Donald Trump in Washington on Monday. "
    "Petro did not meet Maduro. Bogotá, Colombia's capital, hosted the United Nations."
)
ARTICLE = Article.from_text(
    TEXT, source="articles/petro.txt", title="Petro meets Trump", date="2025-11-03"
)


def _ev(cue: str, *, article: Article = ARTICLE, **changes: object) -> Evidence:
    start = article.text.index(cue)
    fields: dict[str, object] = {
        "article_id": article.id,
        "sentence": article.text.split(". ")[0],
        "start": start,
        "end": start + len(cue),
        "cue": cue,
        "confidence": 0.85,
    }
    fields.update(changes)
    return Evidence(**fields)  # type: ignore[arg-type]


def _result(
    *extra: Relation, article: Article = ARTICLE, entities: tuple[Entity, ...] = ()
) -> ArticleResult:
    base = (
        Relation(PETRO, "leaderOf", COLOMBIA, _ev("President", article=article)),
        Relation(PETRO, "metWith", TRUMP, _ev("met", article=article, event_date="2025-11-03")),
        Relation(BOGOTA, "locatedIn", COLOMBIA, _ev("capital", article=article)),
        Relation(PETRO, "metWith", TRUMP, _ev("meet", article=article, modality="negated")),
    )
    return ArticleResult(article, entities or (PETRO, TRUMP, COLOMBIA, BOGOTA), base + extra)


def _good() -> Dataset:
    return results_dataset([_result()])


def _shapes(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {f.shape for f in findings}


# --- a conforming graph ------------------------------------------------------------------


def test_validate_conforming_graph() -> None:
    conforms, findings = check(_good())
    assert (conforms, findings) == (True, [])
    ok, report = validate_dataset(_good(), name="petro.trig")
    assert ok
    assert report.startswith("petro.trig conforms to the graphkit shapes (")
    assert "4 entities, 4 evidence nodes, 1 article" in report


@pytest.mark.parametrize("date", ["2025-11-03", "2025-11", "2025"])
def test_validate_dates_at_any_precision_conform(date: str) -> None:
    article = Article.from_text(TEXT, source="articles/petro.txt", date=date)
    extra = Relation(PETRO, "praised", TRUMP, _ev("Washington", article=article, event_date=date))
    assert check(results_dataset([_result(extra, article=article)])) == (True, [])


def test_validate_does_not_modify_the_dataset() -> None:
    ds = _good()
    before = set(ds.quads((None, None, None, None)))
    check(ds)
    assert set(ds.quads((None, None, None, None))) == before


def test_validate_checks_the_union_of_named_graphs() -> None:
    """An entity typed and labelled in one article's graph may be used bare in another's."""
    other = Article.from_text("Trump met Petro again.", source="articles/two.txt")
    ds = results_dataset([_result()])
    graph = ds.graph(article_iri(other.id))
    graph.add((entity_iri(TRUMP.key), GK.metWith, entity_iri(PETRO.key)))
    assert check(ds)[0]
    # ...and two graphs giving one entity two different labels is caught.
    graph.add((entity_iri(TRUMP.key), RDFS.label, Literal("Donald J. Trump")))
    conforms, findings = check(ds)
    assert not conforms
    assert _shapes(findings) == {"gksh:EntityLabel"}


# --- each kind of violation --------------------------------------------------------------


def _remove_label(ds: Dataset) -> None:
    ds.remove((entity_iri(TRUMP.key), RDFS.label, None))


def _second_type(ds: Dataset) -> None:
    ds.graph(article_iri(ARTICLE.id)).add((entity_iri(PETRO.key), RDF.type, GK.Country))


def _untyped_subject(ds: Dataset) -> None:
    ds.graph(article_iri(ARTICLE.id)).add(
        (URIRef("https://example.org/nobody"), GK.praised, entity_iri(PETRO.key))
    )


def _blank_object(ds: Dataset) -> None:
    ds.graph(article_iri(ARTICLE.id)).add((entity_iri(PETRO.key), GK.criticized, BNode()))


def _evidence_predicate(ds: Dataset) -> None:
    ev = next(ds.subjects(RDF.type, GK.Evidence))
    ds.graph(article_iri(ARTICLE.id)).set((ev, RDF.predicate, RDFS.label))


def _no_sentence(ds: Dataset) -> None:
    ds.remove((None, GK.sentence, None))


def _no_source(ds: Dataset) -> None:
    ds.remove((None, DCTERMS.source, None))


def _bad_date(ds: Dataset) -> None:
    ds.graph(article_iri(ARTICLE.id)).set(
        (article_iri(ARTICLE.id), DCTERMS.date, Literal("May 5", datatype=XSD.date))
    )


MUTATIONS: list[tuple[str, Callable[[Dataset], None], str, str]] = [
    ("missing label", _remove_label, "gksh:EntityLabel", "gkid:person/donald-trump"),
    ("two types", _second_type, "gksh:EntityType", "gkid:person/gustavo-petro"),
    (
        "untyped relation subject",
        _untyped_subject,
        "gksh:RelationSubject",
        "<https://example.org/nobody>",
    ),
    ("blank relation object", _blank_object, "gksh:RelationObject", "_:"),
    (
        "evidence predicate not a relation",
        _evidence_predicate,
        "gksh:EvidencePredicate",
        "gkid:evidence/",
    ),
    ("evidence without sentence", _no_sentence, "gksh:EvidenceSentence", "gkid:evidence/"),
    ("article without source", _no_source, "gksh:ArticleSource", "gkid:article/"),
    ("article date not a date", _bad_date, "gksh:ArticleDate", "gkid:article/"),
]


@pytest.mark.parametrize(
    "mutate, shape, focus", [m[1:] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS]
)
def test_validate_each_violation_of_an_edited_graph(
    mutate: Callable[[Dataset], None], shape: str, focus: str
) -> None:
    ds = _good()
    mutate(ds)
    conforms, findings = check(ds)
    assert not conforms
    assert _shapes(findings) == {shape}
    assert all(f.focus.startswith(focus) for f in findings)
    assert all(f.severity == "violation" and f.message for f in findings)


RECORDS: list[tuple[str, Relation, str]] = [
    (
        "leaderOf with a country subject",
        Relation(COLOMBIA, "leaderOf", USA, _ev("Colombian")),
        "gksh:OfficeHolder",
    ),
    (
        "officialOf with an organization subject",
        Relation(UN, "officialOf", COLOMBIA, _ev("United Nations")),
        "gksh:OfficeHolder",
    ),
    (
        "locatedIn with a person subject",
        Relation(PETRO, "locatedIn", COLOMBIA, _ev("Colombian")),
        "gksh:LocatedPlace",
    ),
    (
        "locatedIn an organization",
        Relation(BOGOTA, "locatedIn", UN, _ev("Bogotá")),
        "gksh:Location",
    ),
    (
        "confidence 1.5",
        Relation(PETRO, "praised", TRUMP, _ev("Washington", confidence=1.5)),
        "gksh:EvidenceConfidence",
    ),
    (
        "confidence below 0",
        Relation(PETRO, "praised", TRUMP, _ev("Washington", confidence=-0.2)),
        "gksh:EvidenceConfidence",
    ),
    (
        "bad modality",
        Relation(PETRO, "praised", TRUMP, _ev("Washington", modality="rumoured")),
        "gksh:EvidenceModality",
    ),
    (
        "start after end",
        Relation(PETRO, "praised", TRUMP, _ev("Washington", start=90, end=80)),
        "gksh:EvidenceStart",
    ),
    (
        "negative offsets",
        Relation(PETRO, "praised", TRUMP, _ev("Washington", start=-5, end=-1)),
        "gksh:EvidenceStart gksh:EvidenceEnd",
    ),
    (
        "event date not a date",
        Relation(PETRO, "praised", TRUMP, _ev("Washington", event_date="Monday")),
        "gksh:EvidenceDate",
    ),
    (
        "lower-case iso3",
        Relation(PETRO, "visited", Entity("Country", "Peru", ids=(("iso3", "per"),)), _ev("met")),
        "gksh:CountryCode",
    ),
]  # fmt: skip


@pytest.mark.parametrize("relation, shapes", [r[1:] for r in RECORDS], ids=[r[0] for r in RECORDS])
def test_validate_each_violation_from_records(relation: Relation, shapes: str) -> None:
    conforms, findings = check(results_dataset([_result(relation)]))
    assert not conforms
    assert _shapes(findings) == set(shapes.split())


def test_validate_article_without_source_from_records() -> None:
    bare = Article.from_text(TEXT)  # no source: the article node has no dcterms:source
    conforms, findings = check(results_dataset([_result(article=bare)]))
    assert not conforms
    assert _shapes(findings) == {"gksh:ArticleSource"}


# --- the shapes file ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "shape, predicate",
    [
        ("RelationSubject", SH.targetSubjectsOf),
        ("RelationObject", SH.targetObjectsOf),
    ],
)
def test_validate_shapes_target_every_relation(shape: str, predicate: URIRef) -> None:
    shapes = Graph().parse(SHAPES_PATH)
    node = URIRef(f"https://w3id.org/graphkit/shapes#{shape}")
    assert set(shapes.objects(node, predicate)) == {r.iri for r in relations()}


def test_validate_evidence_predicates_are_every_relation() -> None:
    shapes = Graph().parse(SHAPES_PATH)
    node = URIRef("https://w3id.org/graphkit/shapes#EvidencePredicate")
    listed = list(shapes.items(shapes.value(node, SH["in"])))
    assert sorted(listed) == sorted(r.iri for r in relations())


def test_validate_every_shape_has_a_message() -> None:
    shapes = Graph().parse(SHAPES_PATH)
    targeted = {
        s
        for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
        for s in shapes.subjects(p, None)
    }
    assert targeted
    assert all(shapes.value(s, SH.message) for s in targeted)


# --- the report --------------------------------------------------------------------------


def test_validate_report_counts_by_shape_and_lists_nodes_with_labels() -> None:
    ds = results_dataset([_result(Relation(COLOMBIA, "leaderOf", USA, _ev("Colombian")))])
    ds.remove((entity_iri(TRUMP.key), RDFS.label, None))
    ds.remove((entity_iri(PETRO.key), RDFS.label, None))
    conforms, report = validate_dataset(ds, name="x.trig")
    lines = report.splitlines()
    assert not conforms
    assert lines[0].startswith("x.trig does not conform to the graphkit shapes: 3 violations (")
    assert any(line.split()[:3] == ["2", "violation", "gksh:EntityLabel"] for line in lines)
    assert any(line.split()[:3] == ["1", "violation", "gksh:OfficeHolder"] for line in lines)
    assert 'gkid:country/colombia  "Colombia"  gksh:OfficeHolder' in report
    assert 'gkid:person/donald-trump  also called "Trump"  gksh:EntityLabel  rdfs:label' in report


def test_validate_report_lists_at_most_max_nodes() -> None:
    ds = _good()
    for i in range(5):
        ds.graph(article_iri(ARTICLE.id)).add(
            (URIRef(f"https://example.org/n{i}"), GK.praised, entity_iri(PETRO.key))
        )
    conforms, report = validate_dataset(ds, max_nodes=2)
    assert not conforms
    assert "Nodes (5, first 2):" in report
    assert report.count("https://example.org/n") == 2


def test_validate_report_of_no_findings() -> None:
    assert format_report([], conforms=True, name="g.nq") == "g.nq conforms to the graphkit shapes"


# --- files, stores and the command line --------------------------------------------------


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_validate_path_reads_every_format(tmp_path: Path, suffix: str) -> None:
    good, bad = tmp_path / f"good{suffix}", tmp_path / f"bad{suffix}"
    write_rdf(_good(), good)
    broken = _good()
    _remove_label(broken)
    write_rdf(broken, bad)
    assert validate_path(good)[0] is True
    conforms, report = validate_path(bad)
    assert conforms is False
    assert report.startswith(f"{bad} does not conform")


def test_validate_path_store_folder(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with open_store(folder) as store:
        for graph in _good().graphs():
            if len(graph):
                store.replace_article(graph.identifier, graph)
    conforms, report = validate_path(folder)
    assert conforms, report
    assert report.startswith(f"{folder} conforms")
    assert "1 article" in report


def test_validate_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.trig", tmp_path / "bad.trig"
    write_rdf(_good(), good)
    broken = _good()
    _remove_label(broken)
    write_rdf(broken, bad)

    assert main(["validate", str(good)]) == 0
    assert "conforms to the graphkit shapes" in capsys.readouterr().out

    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "does not conform" in out and "gksh:EntityLabel" in out


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.trig", None, "no such file or folder: {path}; check the path"),
        ("broken.ttl", "<a> <b> .\n", "'{path}' line 1"),
        ("empty.nq", "", "'{path}' is empty"),
    ],
)
def test_validate_cli_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("graphkit validate: error: ")
    assert message.format(path=path) in lines[0]
    assert "Traceback" not in captured.err
    assert captured.out == ""
