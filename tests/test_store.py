"""The store: RDF files in five formats, the on-disk store, entailments, readers and writers."""

from __future__ import annotations

import http.server
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from conftest import assert_isomorphic
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDFS

from graphkit.errors import InputError, RDFParseError, StoreError
from graphkit.examples import example_dataset
from graphkit.store import (
    FORMATS,
    Store,
    format_for,
    inferred_graph,
    open_source,
    open_store,
    read_rdf,
    write_rdf,
)
from graphkit.store.entail import entailments
from graphkit.store.relations import RELATIONS_GRAPH, relation_iris
from graphkit.vocab import GK

ROOT = Path(__file__).resolve().parent.parent
PETRO = URIRef("https://w3id.org/graphkit/id/person/gustavo-petro")
TRUMP = URIRef("https://w3id.org/graphkit/id/person/donald-trump")
VENEZUELA = URIRef("https://w3id.org/graphkit/id/country/venezuela")


def article_graphs(ds: Dataset) -> dict[str, Graph]:
    return {
        str(g.identifier): g
        for g in ds.graphs()
        if len(g) and str(g.identifier).startswith("https://")
    }


def build(folder: Path, ds: Dataset | None = None) -> Path:
    with open_store(folder) as store:
        for iri, graph in article_graphs(ds or example_dataset()).items():
            store.replace_article(URIRef(iri), graph)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("store") / "store")


# files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", [".trig", ".nq", ".jsonld"])
def test_store_quad_formats_round_trip_every_article_graph(tmp_path: Path, ext: str) -> None:
    original = example_dataset()
    write_rdf(original, tmp_path / f"x{ext}")
    back = read_rdf(tmp_path / f"x{ext}")
    assert article_graphs(back).keys() == article_graphs(original).keys()
    for iri, graph in article_graphs(original).items():
        assert_isomorphic(graph, article_graphs(back)[iri])


@pytest.mark.parametrize("ext", [".ttl", ".nt"])
def test_store_triple_formats_write_the_union(tmp_path: Path, ext: str) -> None:
    original = example_dataset()
    write_rdf(original, tmp_path / f"x{ext}")
    back = read_rdf(tmp_path / f"x{ext}")
    union = Graph()
    for graph in article_graphs(original).values():
        union += graph
    assert_isomorphic(union, back.graph(DATASET_DEFAULT_GRAPH_ID))


def test_store_trig_writes_each_graph_as_one_block_the_same_every_time() -> None:
    from graphkit.store import dataset_to_string

    text = dataset_to_string(example_dataset(), "trig")
    blocks = re.findall(r"^(<[^>]+>) \{$", text, flags=re.M)
    assert blocks and len(blocks) == len(set(blocks))
    assert blocks == sorted(blocks)
    assert dataset_to_string(example_dataset(), "trig") == text


def test_store_formats_cover_the_five_extensions() -> None:
    assert set(FORMATS) == {".trig", ".nq", ".ttl", ".nt", ".jsonld"}
    assert format_for(Path("a/B.TTL")) == "turtle"


def test_store_unknown_extension_names_the_supported_ones() -> None:
    with pytest.raises(InputError, match=r"'x\.rdf'.*\.trig, \.nq, \.ttl, \.nt, \.jsonld"):
        format_for(Path("x.rdf"))


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.ttl", None, r"'.*missing\.ttl': no such file; check the path"),
        ("empty.trig", b"", r"empty\.trig' is empty"),
        ("blank.nq", b"  \n\n", r"blank\.nq' is empty"),
        ("binary.ttl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"binary\.ttl' is a binary file"),
        (
            "bad.ttl",
            b'@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n',
            r"bad\.ttl' line 3",
        ),
        (
            "bad.nq",
            b"<http://a> <http://b> <http://c> <http://g> .\n<a> <b> .\n",
            r"bad\.nq' line 2",
        ),
        ("bad.jsonld", b'{"@id": "http://a", ', r"bad\.jsonld'"),
        ("prefixes.ttl", b"@prefix ex: <http://ex.org/> .\n", r"holds no triples"),
        ("folder.trig", "dir", r"it is a folder"),
    ],
)
def test_store_read_rdf_bad_input_is_one_clear_error(
    tmp_path: Path, name: str, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)  # type: ignore[arg-type]
    with pytest.raises(RDFParseError, match=message) as info:
        read_rdf(path)
    assert "\n" not in str(info.value)


def test_store_json_ld_never_fetches_a_remote_context(tmp_path: Path) -> None:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b'{"@context": {"name": "http://schema.org/name"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/context.jsonld"
        path = tmp_path / "remote.jsonld"
        path.write_text(f'{{"@context": "{url}", "@id": "http://example.org/a", "name": "A"}}')
        with pytest.raises(RDFParseError, match="never fetches remote contexts"):
            read_rdf(path)
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []


def test_store_json_ld_with_an_inline_context_reads(tmp_path: Path) -> None:
    path = tmp_path / "inline.jsonld"
    path.write_text(
        '{"@context": {"name": "http://schema.org/name"}, "@id": "http://example.org/a", "name": '
        '"A"}'
    )
    ds = read_rdf(path)
    assert (URIRef("http://example.org/a"), URIRef("http://schema.org/name"), Literal("A")) in ds


def test_store_write_rdf_failure_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.trig"
    write_rdf(example_dataset(), target)
    before = target.read_bytes()
    bad = Dataset(default_union=True)
    bad.graph(URIRef("http://example.org/g")).add(
        (URIRef("http://example.org/a b"), RDFS.label, Literal("x"))
    )
    with pytest.raises(InputError, match="left as it was"):
        write_rdf(bad, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.trig"]


def test_store_read_rdf_merges_files_without_blank_node_clashes(tmp_path: Path) -> None:
    for name in ("a.nt", "b.nt"):
        (tmp_path / name).write_text(f'_:b0 <http://example.org/from> "{name}" .\n')
    ds = open_source(graphs=[tmp_path / "a.nt", tmp_path / "b.nt"])
    assert len({s for s, _, _ in ds.triples((None, URIRef("http://example.org/from"), None))}) == 2


# the store --------------------------------------------------------------------------------


def test_store_survives_a_restart_with_graphs_as_extracted(built: Path) -> None:
    original = article_graphs(example_dataset())
    rels = relation_iris()
    with open_store(built, read_only=True) as store:
        stored = article_graphs(store.dataset())
        facts = stored.pop(RELATIONS_GRAPH)
        assert stored.keys() == original.keys()
        said = []
        for iri, graph in original.items():
            # the article graph keeps what the article said but its relation triples ...
            kept = Graph()
            kept += [t for t in graph if str(t[1]) not in rels]
            assert_isomorphic(kept, stored[iri])
            said += [t for t in graph if str(t[1]) in rels]
        # ... which the relations graph holds, each once
        assert set(facts) == set(said)


def test_store_survives_a_new_process(built: Path) -> None:
    code = (
        "from graphkit.store import open_store; import sys; "
        "print(len(open_store(sys.argv[1], read_only=True).article_hashes()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(built)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert out.stdout.strip() == "3"


def test_store_article_hashes_and_sources(built: Path) -> None:
    with open_store(built, read_only=True) as store:
        sources = store.article_sources()
        hashes = store.article_hashes()
    assert sorted(sources.values()) == [
        "articles/one.txt",
        "articles/three.txt",
        "articles/two.txt",
    ]
    assert sources.keys() == hashes.keys()
    assert all(len(h) == 64 for h in hashes.values())


@pytest.mark.parametrize(
    "sparql, expected",
    [
        # the PLOVER category finds metWith (both ways), spokeWith (both ways) and visited
        ("SELECT DISTINCT ?a ?b WHERE { ?a gk:CONSULT ?b }", 5),
        ("SELECT DISTINCT ?a ?b WHERE { ?a ?p ?b . ?p rdfs:subPropertyOf* gk:CONSULT }", 5),
        # symmetric: one asserted direction per article, found both ways
        ("SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Marco Rubio' . ?b gk:spokeWith ?a }", 1),
        ("SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Marco Rubio' . ?a gk:spokeWith ?b }", 1),
        # visited is not symmetric
        ("SELECT DISTINCT ?b WHERE { ?a rdfs:label 'Venezuela' . ?a gk:visited ?b }", 0),
        ("SELECT DISTINCT ?a ?b WHERE { ?a gk:interactedWith ?b }", 7),
        # a negated meeting entails nothing
        (
            "SELECT * WHERE { ?a rdfs:label 'Nicolás Maduro' . { ?a gk:CONSULT ?b } UNION { ?b "
            "gk:CONSULT ?a } }",
            0,
        ),
    ],
)
def test_store_queries_know_the_ontology(built: Path, sparql: str, expected: int) -> None:
    with open_store(built, read_only=True) as store:
        assert len(store.query(sparql).rows) == expected


def test_store_keeps_entailments_apart_from_the_article(built: Path, tmp_path: Path) -> None:
    with open_store(built, read_only=True) as store:
        names = store.graph_names(derived=True)
        export = tmp_path / "export.trig"
        write_rdf(store.dataset(), export)
    assert [n for n in names if n.endswith("/inferred")] == [RELATIONS_GRAPH + "/inferred"]
    back = read_rdf(export)
    assert not list(back.triples((None, GK.CONSULT, None)))
    assert (TRUMP, GK.metWith, PETRO) not in back.graph(URIRef(sorted(article_graphs(back))[0]))


def test_store_dataset_view_shows_asserted_triples_once(built: Path) -> None:
    with open_store(built, read_only=True) as store:
        ds = store.dataset()
        labels = list(ds.triples((PETRO, RDFS.label, None)))
        assert labels == [
            (PETRO, RDFS.label, Literal("Gustavo Petro"))
        ]  # in 3 graphs, listed once, plain literal
        assert not list(ds.triples((None, GK.CONSULT, None)))
        assert (PETRO, GK.CONSULT, VENEZUELA) in store.dataset(derived=True)


def test_store_replace_and_remove_take_the_entailments_along(tmp_path: Path) -> None:
    ds = example_dataset()
    one = sorted(article_graphs(ds))[0]
    with open_store(tmp_path / "s") as store:
        store.replace_article(URIRef(one), article_graphs(ds)[one])
        assert store.query("ASK { ?a gk:CONSULT ?b }").boolean
        replacement = Graph()
        replacement.add((PETRO, GK.criticized, TRUMP))
        store.replace_article(URIRef(one), replacement)
        assert not store.query("ASK { ?a gk:CONSULT ?b }").boolean
        assert store.query("ASK { ?a gk:ACCUSE ?b }").boolean
        assert len(store.dataset().graph(URIRef(one))) == 1
        assert store.remove_article(URIRef(one)) is True
        assert store.remove_article(URIRef(one)) is False
        assert store.graph_names(derived=True) == ["https://w3id.org/graphkit/ontology"]
        assert inferred_graph(one) not in store.graph_names(derived=True)


def test_store_add_graph_replaces_a_whole_graph(tmp_path: Path) -> None:
    name = URIRef("https://w3id.org/graphkit/id/resolution/run-1")
    with open_store(tmp_path / "s") as store:
        for label in ("first", "second"):
            g = Graph()
            g.add((PETRO, RDFS.label, Literal(label)))
            store.add_graph(name, g)
        assert [str(o) for _, _, o in store.dataset().graph(name)] == ["second"]


@pytest.mark.parametrize(
    "text",
    [
        'quote " and \\ backslash',
        "line\nbreak\ttab",
        "braces } { and > <",
        "emoji 🌍 and ñ",
        "'''triple'''",
    ],
)
def test_store_literals_survive_writing(tmp_path: Path, text: str) -> None:
    name = URIRef("https://w3id.org/graphkit/id/article/odd")
    g = Graph()
    g.add((name, URIRef("https://w3id.org/graphkit/ontology#sentence"), Literal(text)))
    g.add((name, RDFS.label, Literal(text, lang="en")))
    with open_store(tmp_path / "s") as store:
        store.replace_article(name, g)
        assert_isomorphic(g, store.dataset().graph(name))


# opening, locking, readers while writing ---------------------------------------------------


def test_store_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(
        StoreError,
        match=r"no store at .*nowhere; run 'graphkit build PATH' first or pass graphs=FILE",
    ):
        open_source(store=tmp_path / "nowhere")


def test_store_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="is not a graphkit store"):
        open_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_store_one_writer_at_a_time(tmp_path: Path) -> None:
    with (
        open_store(tmp_path / "s"),
        pytest.raises(StoreError, match="being written by another process"),
    ):
        open_store(tmp_path / "s", wait=0.0)


def test_store_readers_see_published_states_while_a_writer_writes(tmp_path: Path) -> None:
    graphs = article_graphs(example_dataset())
    iris = sorted(graphs)
    writer = open_store(tmp_path / "s", publish_every=3600)
    writer.replace_article(URIRef(iris[0]), graphs[iris[0]])
    writer.publish()
    readers = [open_store(tmp_path / "s", read_only=True) for _ in range(2)]
    writer.replace_article(URIRef(iris[1]), graphs[iris[1]])
    assert [len(r.article_hashes()) for r in readers] == [1, 1]  # not published yet
    writer.close()
    assert [r.refresh() for r in readers] == [True, True]
    assert [len(r.article_hashes()) for r in readers] == [2, 2]
    for r in readers:
        r.close()
    snapshots = [p for p in (tmp_path / "s" / "snapshots").iterdir() if p.name.isdigit()]
    assert len(snapshots) == 1  # old snapshots go once no reader holds them


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from rdflib import Graph, Literal, URIRef
    from graphkit.store import open_store
    from graphkit.vocab import GK

    store = open_store(sys.argv[1], publish_every=0.3)
    version = 0
    while True:
        version += 1
        for n in range(4):
            iri = URIRef(f"https://w3id.org/graphkit/id/article/a{n}")
            g = Graph()
            for k in range(200):
                s = URIRef(f"https://w3id.org/graphkit/id/person/p{k}")
                g.add((s, GK.metWith, URIRef(f"https://w3id.org/graphkit/id/person/q{k}")))
                g.add((iri, GK.sentence, Literal(f"v{version} {k} " + "x" * 200)))
            store.replace_article(iri, g)
            print(version, n, flush=True)
    """
)
COUNTS = """SELECT ?g (COUNT(*) AS ?n) (COUNT(DISTINCT ?version) AS ?versions) WHERE {
  GRAPH ?g { ?s ?p ?o }
  OPTIONAL { GRAPH ?g { ?s gk:sentence ?o } BIND(STRBEFORE(?o, " ") AS ?version) }
} GROUP BY ?g"""


def test_store_killed_writer_leaves_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    committed = [
        proc.stdout.readline() for _ in range(6)
    ]  # past the first rewrite of some articles
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert committed[-1].strip()
    for read_only in (True, False):  # a reader recovers the last commits, then a writer opens
        with open_store(folder, read_only=read_only) as store:
            counts = {
                row[0].value: (int(row[1].value), int(row[2].value))
                for row in store.query(COUNTS).rows
            }
        for n in range(4):
            iri = f"https://w3id.org/graphkit/id/article/a{n}"
            assert counts[iri] == (400, 1), f"{iri} is incomplete or mixes versions"
            # reverse metWith, CONSULT and interactedWith both ways: 5 per asserted meeting
            assert counts[inferred_graph(iri)][0] == 200 * 5


def test_store_reader_opens_fast_while_writer_holds_the_lock(tmp_path: Path) -> None:
    build(tmp_path / "s")
    with open_store(tmp_path / "s"):
        started = time.monotonic()
        with open_store(tmp_path / "s", read_only=True) as reader:
            assert len(reader.article_hashes()) == 3
        assert time.monotonic() - started < 30  # bounded: it never waits for the writer


def test_store_bulk_import_matches_graph_by_graph_loading(tmp_path: Path) -> None:
    data = tmp_path / "all.nq"
    write_rdf(example_dataset(), data)
    with open_store(tmp_path / "bulk") as bulk, open_store(tmp_path / "each") as each:
        # the relation triples move to the relations graph, once each (two articles reporting
        # the same meeting make one triple there), and their entailments are counted once (two
        # events between the same pair entail one gk:interactedWith)
        facts = [t for g in read_rdf(data).graphs() for t in g if str(t[1]) in relation_iris()]
        assert len(set(facts)) < len(facts) and len(entailments(facts)) < 3 * len(facts)
        quads = sum(1 for _ in read_rdf(data).quads())
        expected = quads - len(facts) + len(set(facts)) + len(entailments(facts))
        assert bulk.bulk_import(data) == expected
        assert each.load(data) == 3  # the three article graphs; load also resolves their entities
        assert evidence_quads(bulk) == evidence_quads(each)
        assert relation_quads(bulk) == relation_quads(each)
        with pytest.raises(StoreError, match="bulk import needs an empty store"):
            bulk.bulk_import(data)


def evidence_quads(store: Store) -> set[object]:
    """What the articles said that entity resolution never changes: sentences, cues, titles."""
    kept = ("#sentence", "#cue", "#confidence", "/title", "#contentHash", "#start", "#end")
    return {q for q in store.ox if q.predicate.value.endswith(kept)}


def relation_quads(store: Store) -> set[object]:
    """The quads of the relations graph and its entailments."""
    return {q for q in store.ox if q.graph_name.value.startswith(RELATIONS_GRAPH)}


def data_quads(store: Store) -> set[object]:
    """The store's quads but the ontology's (whose blank nodes differ per store) and the kept
    figures (which a bulk import counts, not adds)."""
    left_out = ("https://w3id.org/graphkit/ontology", "https://w3id.org/graphkit/id/graph/stats")
    return {q for q in store.ox if q.graph_name.value not in left_out}


def test_store_bulk_import_in_pieces_matches_one_piece(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "all.nq"
    write_rdf(example_dataset(), data)
    with open_store(tmp_path / "one") as one:
        one.bulk_import(data, threads=1)
        expected = data_quads(one)
    monkeypatch.setattr("graphkit.store.bulk._MIN_PIECE_BYTES", 64)
    with open_store(tmp_path / "many") as many:
        many.bulk_import(data, threads=4)
        assert data_quads(many) == expected


def test_store_bulk_import_reads_a_big_file_a_piece_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracemalloc

    data = tmp_path / "all.nq"
    write_rdf(example_dataset(), data)
    with open_store(tmp_path / "small") as small:
        small.bulk_import(data)
        expected = data_quads(small)
    # grow the file to 4 MB with quads of a graph of their own, the article graphs first
    ex, graph = "https://example.org/", "<https://example.org/filler>"
    filler = "".join(
        f'<{ex}s{i}> <{ex}p> "filler {i:07d} {"x" * 40}" {graph} .\n' for i in range(40_000)
    )
    with data.open("a", encoding="utf-8") as out:
        out.write(filler)
    size = data.stat().st_size
    assert size > 4_000_000
    monkeypatch.setattr("graphkit.store.bulk._MIN_PIECE_BYTES", 1 << 10)
    monkeypatch.setattr("graphkit.store.bulk._MAX_PIECE_BYTES", 64 << 10)
    with open_store(tmp_path / "big") as big:
        tracemalloc.start()
        try:
            added = big.bulk_import(data, threads=2)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < size // 8  # a few pieces of 64 kB were held, never the file
        assert added == len(expected) + 40_000
        quads = data_quads(big)
        assert {q for q in quads if q.graph_name.value != graph[1:-1]} == expected
        assert len(quads) - len(expected) == 40_000


def test_store_bulk_import_works_entailments_out_from_the_store_when_blank_nodes(
    tmp_path: Path,
) -> None:
    gk, person = "https://w3id.org/graphkit/ontology#", "https://w3id.org/graphkit/id/person/"
    data = tmp_path / "blank.nq"
    data.write_text(
        f"_:a <{gk}metWith> <{person}b> <https://w3id.org/graphkit/id/article/x> .\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s") as store:
        assert store.bulk_import(data) == 1 + 5
        found = store.query(f"SELECT ?p WHERE {{ ?a ?p <{person}b> }}").rows
        assert {row[0].value.rsplit("#", 1)[1] for row in found} == {
            "metWith",
            "CONSULT",
            "interactedWith",
        }
        # the entailments are about the same blank node as the asserted triple
        assert store.query(
            f"ASK {{ ?a gk:metWith <{person}b> ; gk:interactedWith <{person}b> }}"
        ).boolean


def test_store_bulk_import_of_n_triples_puts_entailments_beside_the_default_graph(
    tmp_path: Path,
) -> None:
    data = tmp_path / "all.nt"
    write_rdf(example_dataset(), data)
    with open_store(tmp_path / "s") as store:
        store.bulk_import(data)
        inferred = {
            g for q in store.ox if (g := getattr(q.graph_name, "value", "")).endswith("/inferred")
        }
        assert inferred == {"https://w3id.org/graphkit/id/default/inferred"}
        assert len(store.query("SELECT DISTINCT ?a ?b WHERE { ?a gk:interactedWith ?b }").rows) == 7


def test_store_bulk_import_of_a_malformed_file_leaves_the_store_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "bad.nq"
    write_rdf(example_dataset(), data)
    lines = data.read_text(encoding="utf-8").splitlines()
    lines[-3] = lines[-3].replace("<https://", "<no scheme ", 1)
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr("graphkit.store.bulk._MIN_PIECE_BYTES", 64)
    with open_store(tmp_path / "s") as store:
        with pytest.raises(RDFParseError, match=f"line {len(lines) - 2}"):
            store.bulk_import(data, threads=3)
        assert store.graph_names() == []
        assert (
            len(store.query("SELECT * WHERE { ?s rdfs:subPropertyOf gk:CONSULT }").rows) > 0
        )  # the ontology is back
    with open_store(tmp_path / "s") as again:  # not marked as an interrupted import
        write_rdf(example_dataset(), data)
        assert again.bulk_import(data) > 0


def test_store_closing_frees_the_folder_even_with_views_around(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    views = [store.dataset(), store.dataset(derived=True)]
    store.close()
    with open_store(tmp_path / "s", wait=0.0) as again:  # the database lock was released
        assert again.graph_names() == []
    with pytest.raises(StoreError, match="is closed"):
        list(views[0].triples((None, None, None)))
