"""The command line end to end: every command through ``graphkit.cli.main`` (serve is tested
elsewhere)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from graphkit.store import open_store, read_rdf
from graphkit.vocab import GK

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "data" / "gold" / "dev.jsonl"
PETRO = URIRef("https://w3id.org/graphkit/id/person/gustavo-petro")
TRUMP = URIRef("https://w3id.org/graphkit/id/person/donald-trump")
UK = URIRef("https://w3id.org/graphkit/id/country/united-kingdom")
RUSSIA = URIRef("https://w3id.org/graphkit/id/country/russia")

pytestmark = pytest.mark.usefixtures("nlp")  # the model loads once, before the first command


def built(run_cli, folder: Path, store: Path) -> str:
    code, out, err = run_cli("build", folder, "--store", store, "-q")
    assert code == 0, err
    return out


def count(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in {text!r}"
    return int(found.group(1))


# extract -------------------------------------------------------------------------------------
def test_cli_extract_writes_trig_to_stdout(run_cli, small_articles):
    code, out, err = run_cli("extract", small_articles / "petro-trump.txt", "-q")
    assert code == 0, err
    ds = Dataset(default_union=True)
    ds.parse(data=out, format="trig")
    assert (PETRO, GK.metWith, TRUMP) in ds
    assert len(list(ds.subjects(None, GK.Article))) == 1


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_cli_extract_writes_each_format(run_cli, small_articles, tmp_path, suffix):
    out_file = tmp_path / f"out{suffix}"
    code, _, err = run_cli("extract", *sorted(small_articles.iterdir()), "-o", out_file, "-q")
    assert code == 0, err
    ds = read_rdf(out_file)
    assert (PETRO, GK.metWith, TRUMP) in ds
    assert (UK, GK.expelled, RUSSIA) in ds
    if suffix in (".trig", ".nq", ".jsonld"):  # formats with named graphs keep one per article
        articles = {str(g.identifier) for g in ds.graphs() if (g.identifier, None, GK.Article) in g}
        assert len(articles) == 2
    assert not list(tmp_path.glob(".*")), "a temporary file was left behind"


def test_cli_extract_missing_file_is_one_line_exit_2(run_cli, tmp_path):
    code, out, err = run_cli("extract", tmp_path / "nope.txt", "-q")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "nope.txt" in err
    assert "Traceback" not in err


# build / remove ------------------------------------------------------------------------------
def test_cli_build_twice_adds_nothing_the_second_time(run_cli, small_articles, tmp_path):
    store = tmp_path / "store"
    first = built(run_cli, small_articles, store)
    assert count(r"(\d+) article\(s\) added", first) == 2
    second = built(run_cli, small_articles, store)
    assert count(r"(\d+) article\(s\) added", second) == 0
    assert count(r"(\d+) unchanged", second) == 2
    with open_store(store, read_only=True) as st:
        assert len(st.article_hashes()) == 2


def test_cli_build_edited_file_replaces_its_graph(run_cli, small_articles, tmp_path):
    store = tmp_path / "store"
    built(run_cli, small_articles, store)
    edited = small_articles / "petro-trump.txt"
    edited.write_text(
        "Petro and Trump talk\n\nColombian President Gustavo Petro spoke with U.S. President "
        "Donald Trump by phone on Sunday.\n",
        encoding="utf-8",
    )
    out = built(run_cli, small_articles, store)
    assert count(r"(\d+) replaced", out) == 1
    assert count(r"(\d+) unchanged", out) == 1
    with open_store(store, read_only=True) as st:
        sources = st.article_sources()
        ds = st.dataset()
        assert sorted(Path(s).name for s in sources.values()) == [
            "petro-trump.txt",
            "uk-russia.txt",
        ]
        assert (PETRO, GK.spokeWith, TRUMP) in ds
        assert (PETRO, GK.metWith, TRUMP) not in ds, "the old version's relation is still there"


def test_cli_remove_takes_an_article_out(run_cli, small_articles, tmp_path):
    store = tmp_path / "store"
    built(run_cli, small_articles, store)
    code, _, err = run_cli("remove", "uk-russia.txt", "--store", store)
    assert code == 0, err
    assert "removed 1" in err
    with open_store(store, read_only=True) as st:
        assert [Path(s).name for s in st.article_sources().values()] == ["petro-trump.txt"]
        assert (UK, GK.expelled, RUSSIA) not in st.dataset()
    code, _, err = run_cli("remove", "uk-russia.txt", "--store", store)
    assert code == 2
    assert "uk-russia.txt" in err


# merge ---------------------------------------------------------------------------------------
def test_cli_merge_unites_files_in_different_formats(run_cli, small_articles, tmp_path):
    a, b, merged = tmp_path / "a.trig", tmp_path / "b.nq", tmp_path / "merged.trig"
    assert run_cli("extract", small_articles / "petro-trump.txt", "-o", a, "-q")[0] == 0
    assert run_cli("extract", small_articles / "uk-russia.txt", "-o", b, "-q")[0] == 0
    code, out, err = run_cli("merge", a, b, "-o", merged)
    assert code == 0, err
    assert "merged 2 input(s)" in err and out == "", "status lines go to stderr"
    assert str(merged) in err
    ds = read_rdf(merged)
    assert (PETRO, GK.metWith, TRUMP) in ds
    assert (UK, GK.expelled, RUSSIA) in ds


# query ---------------------------------------------------------------------------------------
WHO_MET = """SELECT DISTINCT ?name WHERE {
  ?a rdfs:label "Gustavo Petro" ; gk:metWith ?b . ?b rdfs:label ?name }"""


def test_cli_query_string_on_a_store(run_cli, articles_store):
    code, out, err = run_cli("query", WHO_MET, "--store", articles_store)
    assert code == 0, err
    assert "Donald Trump" in out


def test_cli_query_rq_file_on_rdf_files(run_cli, articles_trig, tmp_path):
    rq = tmp_path / "met.rq"
    rq.write_text(WHO_MET + "\n", encoding="utf-8")
    code, out, err = run_cli("query", rq, "--graph", articles_trig, "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name"]
    assert ["Donald Trump"] in rows[1:]


def test_cli_query_preset_with_param(run_cli, articles_store):
    code, out, err = run_cli(
        "query", "--preset", "relations-of", "--param", "Petro", "--store", articles_store
    )
    assert code == 0, err
    assert "Gustavo Petro" in out
    assert "metWith" in out


def test_cli_query_preset_list_needs_no_graph(run_cli, tmp_cwd):
    code, out, err = run_cli("query", "--preset", "list")
    assert code == 0, err
    assert "who-met-whom" in out


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_cli_query_formats(run_cli, articles_store, fmt):
    code, out, err = run_cli(
        "query", "--preset", "who-met-whom", "--format", fmt, "--store", articles_store
    )
    assert code == 0, err
    if fmt == "json":
        doc = json.loads(out)
        assert "actor1" in doc["head"]["vars"]
        pairs = [{b["actor1"]["value"], b["actor2"]["value"]} for b in doc["results"]["bindings"]]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        pairs = [{r["actor1"], r["actor2"]} for r in rows]
    elif fmt == "tsv":  # SPARQL 1.1 TSV: ?names in the header, terms in N-Triples syntax
        header, *lines = out.splitlines()
        assert header.split("\t")[:2] == ["?actor1", "?actor2"]
        pairs = [{cell.split('"')[1] for cell in line.split("\t")[:2]} for line in lines]
    else:
        header = out.splitlines()[0].split()
        assert header[:2] == ["actor1", "actor2"]
        pairs = (
            [{"Gustavo Petro", "Donald Trump"}]
            if re.search(r"Donald Trump\s+Gustavo Petro", out)
            else []
        )
    assert {"Gustavo Petro", "Donald Trump"} in pairs


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["SELECT ?x WHERE { ?x ?y }"], "query"),
        (["--preset", "no-such-preset"], "no-such-preset"),
        (["--preset", "relations-of"], "ACTOR"),
        (["missing.rq"], "missing.rq"),
    ],
)
def test_cli_query_bad_input_is_one_line_exit_2(run_cli, articles_trig, argv, expected):
    code, out, err = run_cli("query", *argv, "--graph", articles_trig)
    assert code == 2
    assert out == ""
    assert expected in err
    assert len(err.strip().splitlines()) == 1, err


# map / analyze -------------------------------------------------------------------------------
def test_cli_map_writes_a_self_contained_page(run_cli, articles_store, tmp_path):
    page = tmp_path / "out" / "map.html"
    code, out, err = run_cli("map", "--store", articles_store, "-o", page)
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Gustavo Petro" in html
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']https?://""", html), (
        "the page loads from the network"
    )
    assert not (tmp_path / "out" / "lib").exists()
    assert str(page) in err and out == "", "the status line goes to stderr"


def test_cli_map_focus_on_one_actor(run_cli, articles_trig, tmp_path):
    page = tmp_path / "petro.html"
    code, _, err = run_cli("map", "--graph", articles_trig, "--focus", "Petro", "-o", page)
    assert code == 0, err
    assert "Donald Trump" in page.read_text(encoding="utf-8")


def test_cli_analyze_markdown(run_cli, articles_store):
    code, out, err = run_cli("analyze", "--store", articles_store)
    assert code == 0, err
    assert out.startswith("# ")
    assert "United States" in out
    assert "Gustavo Petro" in out


def test_cli_analyze_json(run_cli, articles_trig):
    code, out, err = run_cli("analyze", "--graph", articles_trig, "--format", "json", "--top", "5")
    assert code == 0, err
    report = json.loads(out)["report"]
    labels = [a["label"] for a in report["top_actors"]]
    assert 0 < len(labels) <= 5
    assert "United States" in labels


# validate / eval -----------------------------------------------------------------------------
def test_cli_validate_our_output_conforms(run_cli, articles_trig):
    code, out, err = run_cli("validate", articles_trig)
    assert code == 0, out + err


def test_cli_validate_a_store(run_cli, articles_store):
    code, out, err = run_cli("validate", articles_store)
    assert code == 0, out + err


def test_cli_validate_finds_a_broken_graph(run_cli, articles_trig, tmp_path):
    broken = tmp_path / "broken.trig"
    text = articles_trig.read_text(encoding="utf-8")
    ds = Dataset(default_union=True)
    ds.parse(data=text, format="trig")
    for g in ds.graphs():
        for s in list(g.subjects(None, GK.Evidence)):
            g.remove((s, GK.confidence, None))  # evidence must say how confident it is
    ds.serialize(broken, format="trig")
    code, out, err = run_cli("validate", broken)
    assert code == 1, out + err
    assert "confidence" in out


def test_cli_eval_prints_strict_f1(run_cli):
    code, out, err = run_cli("eval", GOLD, ARTICLES, "--brief", "-q")
    assert code == 0, err
    strict = re.search(r"strict: P=(\S+) R=(\S+) F1=(\S+)", out)
    assert strict, out
    assert 0.5 < float(strict.group(3)) <= 1.0


def test_cli_version_and_help(run_cli):
    with pytest.raises(SystemExit) as stop:
        run_cli("--version")
    assert stop.value.code == 0


def test_cli_unknown_command_is_exit_2(run_cli):
    with pytest.raises(SystemExit) as stop:
        run_cli("frobnicate")
    assert stop.value.code == 2


def test_cli_build_missing_folder_is_exit_2(run_cli, tmp_path):
    code, _, err = run_cli("build", tmp_path / "nothing-here", "--store", tmp_path / "store", "-q")
    assert code == 2
    assert "nothing-here" in err


def test_cli_query_missing_store_is_exit_2(run_cli, tmp_path):
    code, _, err = run_cli("query", "--preset", "who-met-whom", "--store", tmp_path / "no-store")
    assert code == 2
    assert "graphkit build" in err


def test_cli_help_explains_every_argument_with_an_example_per_command():
    import argparse

    from graphkit.cli import build_parser

    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in sub.choices.items():
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, f"graphkit {name} {'/'.join(action.option_strings) or action.dest}"
        text = command.format_help()
        assert "examples:" in text and f"graphkit {name} " in text.split("examples:")[1], name
