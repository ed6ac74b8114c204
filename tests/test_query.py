"""SPARQL over files and stores: presets, parameters, output formats, clear errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from graphkit.cli import main
from graphkit.commands import run_cli_query
from graphkit.errors import InputError, QueryError
from graphkit.examples import example_dataset, example_store
from graphkit.query import format_result, presets, run_query
from graphkit.query.results import compact
from graphkit.store import open_store, read_rdf, write_rdf
from graphkit.store.sparql import bind_params, uses_service


@pytest.fixture(scope="module")
def trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("files") / "example.trig"
    write_rdf(example_dataset(), path)
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    example_store(folder)
    return folder


@pytest.fixture(scope="module", params=["memory", "store"])
def source(request: pytest.FixtureRequest, store_path: Path) -> Iterator[Dataset]:
    """The same graph as an in-memory Dataset and as a store: answers must not differ."""
    if request.param == "memory":
        yield example_dataset()
    else:
        with open_store(store_path, read_only=True) as store:
            yield store.dataset()


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "sparql, expected",
    [
        ("SELECT DISTINCT ?a ?b WHERE { ?a gk:CONSULT ?b }", 5),
        ("SELECT DISTINCT ?a ?b WHERE { ?a ?p ?b . ?p rdfs:subPropertyOf* gk:CONSULT }", 5),
        ("SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Gustavo Petro' ; gk:metWith ?b }", 1),
        ("SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Donald Trump' ; gk:metWith ?b }", 1),
        ("SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Gustavo Petro' ; gk:SANCTION ?b }", 0),
        ("SELECT DISTINCT ?a WHERE { ?a gk:SANCTION ?b . ?b rdfs:label 'Gustavo Petro' }", 1),
    ],
)
def test_query_files_and_stores_answer_alike(source: Dataset, sparql: str, expected: int) -> None:
    assert len(run_query(source, sparql).rows) == expected


@pytest.mark.parametrize(
    "preset, params, expected",
    [
        (
            "who-met-whom",
            [],
            {
                ("Donald Trump", "Gustavo Petro", "2"),
                ("Gustavo Petro", "Marco Rubio", "1"),
                ("Gustavo Petro", "Venezuela", "1"),
            },
        ),
        ("relations-of", ["Rubio"], {("Marco Rubio", "spokeWith", "Gustavo Petro", "1")}),
        ("relations-of", ["marco RUBIO"], {("Marco Rubio", "spokeWith", "Gustavo Petro", "1")}),
        (
            "between",
            ["petro", "Donald Trump"],
            {
                ("2025-11-03", "Donald Trump", "criticized", "Gustavo Petro", "asserted", "1"),
                ("2025-11-03", "Gustavo Petro", "metWith", "Donald Trump", "asserted", "2"),
                ("2025-11-07", "Gustavo Petro", "metWith", "Donald Trump", "asserted", "2"),
            },
        ),
        (
            "between",
            ["Maduro", "Petro"],
            {("2025-11-03", "Gustavo Petro", "metWith", "Nicolás Maduro", "negated", "0")},
        ),
        ("sanctions", [], {("United States", "sanctioned", "Gustavo Petro", "1")}),
        ("extraditions", [], {("Colombia", "Dairo Antonio Úsuga", "1")}),
        ("sources-of", ["extradited"], {("articles/two.txt", "A second meeting", "1")}),
        (
            "articles",
            [],
            {
                ("articles/one.txt", "Petro meets Trump", "4"),
                ("articles/two.txt", "A second meeting", "4"),
                ("articles/three.txt", "Calls and visits", "2"),
            },
        ),
        (
            "sources-of",
            ["CONSULT"],
            {
                ("articles/one.txt", "Petro meets Trump", "1"),
                ("articles/two.txt", "A second meeting", "1"),
                ("articles/three.txt", "Calls and visits", "2"),
            },
        ),
    ],
)
def test_query_presets_answer_their_question(
    source: Dataset, preset: str, params: list[str], expected: set[tuple[str, ...]]
) -> None:
    found = rows(
        run_cli_query(source, query=None, preset=preset, params=params, fmt="csv", min_sources=None)
    )
    width = len(next(iter(expected)))
    keys = {
        "who-met-whom": ("actor1", "actor2", "sources"),
        "relations-of": ("subject", "relation", "object", "sources"),
        "between": ("date", "subject", "relation", "object", "modality", "sources"),
        "sanctions": ("actor", "relation", "target", "sources"),
        "extraditions": ("extraditor", "person", "sources"),
        "sources-of": ("source", "title", "reports"),
        "articles": ("source", "title", "relations"),
    }[preset][:width]
    assert {tuple(r[k] for k in keys) for r in found} == expected


def test_query_most_active_actors_ranks_by_relations(source: Dataset) -> None:
    found = rows(
        run_cli_query(
            source, query=None, preset="most-active-actors", params=[], fmt="csv", min_sources=None
        )
    )
    assert (found[0]["actor"], found[0]["type"], found[0]["relations"], found[0]["partners"]) == (
        "Gustavo Petro",
        "Person",
        "7",
        "5",
    )


@pytest.mark.parametrize("minimum, expected", [(1, 3), (2, 1), (3, 0)])
def test_query_min_sources_keeps_corroborated_rows(
    source: Dataset, minimum: int, expected: int
) -> None:
    text = run_cli_query(
        source, query=None, preset="who-met-whom", params=[], fmt="csv", min_sources=minimum
    )
    assert len(rows(text)) == expected


def test_query_min_sources_needs_a_sources_column(source: Dataset) -> None:
    with pytest.raises(InputError, match=r"needs a \?sources column.*who-met-whom"):
        run_cli_query(
            source, query=None, preset="sources-of", params=["metWith"], fmt="csv", min_sources=2
        )


def test_query_preset_list_names_and_describes_every_preset() -> None:
    text = run_cli_query(None, query=None, preset="list", params=[], fmt="table", min_sources=None)
    for name in (
        "articles",
        "who-met-whom",
        "relations-of ACTOR",
        "between ACTOR1 ACTOR2",
        "sanctions",
        "extraditions",
        "most-active-actors",
        "sources-of RELATION",
    ):
        assert name in text
    assert all(p.description for p in presets().values())


@pytest.mark.parametrize("name", sorted(presets()))
def test_query_presets_are_plain_sparql_users_can_copy(name: str) -> None:
    text = presets()[name].text
    assert (
        list(ox.Store().query(text)) is not None
    )  # parses and runs as is ($NAME stays a variable)


@pytest.mark.parametrize(
    "preset, params, message",
    [
        ("between", ["Petro"], r"between takes 2 parameter\(s\) \(ACTOR1, ACTOR2\) but got 1"),
        ("relations-of", ["Nobody Known"], r"no actor named 'Nobody Known'"),
        ("sources-of", ["meetWith"], r"unknown relation 'meetWith'.*did you mean metWith"),
        ("who-met-who", [], r"no preset named 'who-met-who'; did you mean who-met-whom"),
    ],
)
def test_query_preset_mistakes_say_what_to_do(
    source: Dataset, preset: str, params: list[str], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        run_cli_query(
            source, query=None, preset=preset, params=params, fmt="table", min_sources=None
        )


def test_query_rq_file_with_a_parameter_header(tmp_path: Path, source: Dataset) -> None:
    path = tmp_path / "partners.rq"
    path.write_text(
        "# Partners of an actor.\n# param WHO (actor): a name\nSELECT DISTINCT ?b WHERE { ?a "
        "rdfs:label $WHO ; gk:CONSULT ?b }\n"
    )
    text = run_cli_query(
        source, query=str(path), preset=None, params=["Marco Rubio"], fmt="csv", min_sources=None
    )
    assert rows(text) == [{"b": "https://w3id.org/graphkit/id/person/gustavo-petro"}]


@pytest.mark.parametrize(
    "value",
    ['Petro" } ?s ?p ?o { "', "Petro } UNION { ?a ?b ?c", "$ACTOR", "<http://evil.example/>"],
)
def test_query_parameters_cannot_change_the_query(value: str) -> None:
    bound = bind_params("SELECT ?a WHERE { ?a rdfs:label $ACTOR }", {"ACTOR": ox.Literal(value)})
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://example.org/a"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal(value),
        )
    )
    store.add(
        ox.Quad(
            ox.NamedNode("http://example.org/b"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("other"),
        )
    )
    assert [
        r[0].value
        for r in store.query(bound, prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
    ] == ["http://example.org/a"]


@pytest.mark.parametrize(
    "sparql, name, message",
    [
        (
            "SELEC ?s WHERE { ?s ?p ?o }",
            "query",
            r"^query line 1: syntax error near 'SELEC'.*check the SPARQL syntax$",
        ),
        (
            "PREFIX ex: <http://ex.org/>\nSELECT ?s WHERE {\n  ?s ex:p ?o .\n  FILTER(?o = )\n}",
            "q.rq",
            r"^q\.rq line 4: syntax error near 'FILTER",
        ),
        ("SELECT * WHERE { ?s foo:bar ?o }", "query", r"near 'foo:bar' \(declare the prefix"),
        (
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "query",
            r"SERVICE calls are disabled",
        ),
        (
            "INSERT DATA { <http://a> <http://b> <http://c> }",
            "query",
            r"is a SPARQL Update \(INSERT\); only read-only queries",
        ),
        ("   ", "query", r"query is empty"),
    ],
)
def test_query_bad_queries_are_one_clear_line(sparql: str, name: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        run_query(example_dataset(), sparql, name=name)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "sparql, expected",
    [
        ("SELECT * { SERVICE <http://x> { ?s ?p ?o } }", True),
        ("select * { service silent ?endpoint { ?s ?p ?o } }", True),
        ('SELECT * { ?s ?p "SERVICE" }', False),
        ("SELECT ?service { ?service ?p <http://x/SERVICE> } # SERVICE", False),
    ],
)
def test_query_service_detection_ignores_strings_iris_and_comments(
    sparql: str, expected: bool
) -> None:
    assert uses_service(sparql) is expected


# output formats ---------------------------------------------------------------------------

SELECT_ALL = """SELECT ?actor ?count ?date ?lang ?iri WHERE {
  VALUES (?actor ?count ?date ?lang ?iri) {
    ("Gustavo Petro" 12 "2025-11-03"^^xsd:date "Bogotá"@es <https://w3id.org/graphkit/id/person/gustavo-petro>)
    ("Trump, \\"The Donald\\"\\nline two" 3 UNDEF UNDEF UNDEF)
  }
}"""


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_query_result_formats_follow_the_sparql_standards(fmt: str) -> None:
    result = run_query(ox.Store(), SELECT_ALL)
    text = format_result(result, fmt)
    parsed = ox.parse_query_results(
        text.encode(), format=getattr(ox.QueryResultsFormat, fmt.upper())
    )
    assert [tuple(sol[v] for v in result.variables) for sol in parsed] == result.rows


def test_query_csv_keeps_plain_values() -> None:
    result = run_query(ox.Store(), SELECT_ALL)
    text = format_result(result, "csv")
    assert text.endswith("\r\n")
    assert list(csv.reader(io.StringIO(text))) == [
        ["actor", "count", "date", "lang", "iri"],
        [
            "Gustavo Petro",
            "12",
            "2025-11-03",
            "Bogotá",
            "https://w3id.org/graphkit/id/person/gustavo-petro",
        ],
        ['Trump, "The Donald"\nline two', "3", "", "", ""],
    ]


def test_query_table_is_aligned_and_readable() -> None:
    result = run_query(ox.Store(), SELECT_ALL)
    lines = format_result(result, "table").splitlines()
    header, rule, first, second = lines[:4]
    assert header.split() == ["actor", "count", "date", "lang", "iri"]
    assert set(rule) == {"-", " "}
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    assert all(header[s] != " " for s in starts)
    assert "gkid:person/gustavo-petro" in first
    assert 'Trump, "The Donald" line two' in second  # newlines flattened
    count_end = starts[1] + len("count")
    assert (
        first[count_end - 2 : count_end] == "12" and second[count_end - 1] == "3"
    )  # numbers right-aligned
    assert lines[-1] == "(2 rows)"


def test_query_ask_and_construct_outputs() -> None:
    ds = example_dataset()
    ask = run_query(ds, "ASK { ?a gk:metWith ?b }")
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    assert format_result(ask, "table") == "yes\n"
    construct = run_query(ds, "CONSTRUCT { ?a gk:CONSULT ?b } WHERE { ?a gk:CONSULT ?b }")
    turtle = format_result(construct, "table")
    back = {
        (t.subject, t.predicate, t.object)
        for t in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)
    }
    assert back == {(t.subject, t.predicate, t.object) for t in construct.triples}
    assert len(back) == 5
    assert json.loads(format_result(construct, "json"))  # JSON-LD


def test_query_compact_names() -> None:
    assert compact("https://w3id.org/graphkit/ontology#metWith") == "gk:metWith"
    assert compact("http://example.org/x") == "http://example.org/x"


# the command line -------------------------------------------------------------------------


def test_query_cli_preset_on_a_store(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["query", "--store", str(store_path), "--preset", "who-met-whom", "--format", "json"])
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert doc["head"]["vars"] == ["actor1", "actor2", "relations", "sources", "first", "last"]
    assert len(doc["results"]["bindings"]) == 3


def test_query_cli_query_on_files(trig: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "query",
                "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?a gk:interactedWith ?b }",
                "--graph",
                str(trig),
                "--format",
                "csv",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == "n\r\n5\r\n"


def test_query_cli_preset_list_needs_no_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["query", "--preset", "list"]) == 0
    assert "who-met-whom" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["ASK {{ ?s ?p ?o }}", "--store", "{tmp}/none"],
            "no store at {tmp}/none; run 'graphkit build PATH' first or pass --graph FILE",
        ),
        (["ASK {{ ?s ?p ?o }}", "--graph", "{tmp}/bad.ttl"], "'{tmp}/bad.ttl' line 1"),
        (["{tmp}/q.rq", "--graph", "{trig}"], "q.rq line 1: syntax error near 'SELEC'"),
        (["{tmp}/missing.rq", "--graph", "{trig}"], "cannot read '{tmp}/missing.rq': no such file"),
    ],
)
def test_query_cli_errors_are_one_line_with_exit_code_2(
    tmp_path: Path, trig: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "bad.ttl").write_text("<a> <b> .\n")
    (tmp_path / "q.rq").write_text("SELEC * { ?s ?p ?o }\n")
    argv = ["query", *(a.format(tmp=tmp_path, trig=trig) for a in args)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("graphkit query: error: ")
    assert message.format(tmp=tmp_path) in err


def test_query_turtle_files_know_the_ontology_too(tmp_path: Path) -> None:
    path = tmp_path / "union.ttl"
    write_rdf(example_dataset(), path)
    ds = read_rdf(path)
    assert len(run_query(ds, "SELECT DISTINCT ?a ?b WHERE { ?a gk:CONSULT ?b }").rows) == 5


def test_query_select_star_columns_come_in_the_order_the_query_names_them() -> None:
    sparql = """SELECT * WHERE { VALUES (?subject ?relation ?object) {
                  (<https://x/petro> "met" "<https://x?a=b>") } }"""
    result = run_query(ox.Store(), sparql)
    assert result.variables == ("subject", "relation", "object")
    assert [t.value for t in result.rows[0]] == ["https://x/petro", "met", "<https://x?a=b>"]
    named = run_query(ox.Store(), "SELECT ?o ?s WHERE { VALUES (?s ?o) { (1 2) } }")
    assert named.variables == ("o", "s"), "an explicit projection keeps its order"


def test_query_table_wraps_long_sentences_instead_of_cutting_them() -> None:
    sentence = " ".join(f"word{i}" for i in range(40))  # about 280 characters
    sparql = f'SELECT ?n ?s WHERE {{ VALUES (?n ?s) {{ (1 "{sentence}") }} }}'
    result = run_query(ox.Store(), sparql)
    lines = format_result(result, "table").splitlines()
    assert max(len(line) for line in lines) <= 70
    body = lines[2:-2]
    assert (
        len(body) > 3
        and " ".join(
            " ".join(line.split()[1:] if i == 0 else line.split()) for i, line in enumerate(body)
        )
        == sentence
    )
    assert "…" not in "".join(lines) and lines[-1] == "(1 row)"
