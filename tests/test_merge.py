"""Merging article graphs: algebra, entity resolution, corroboration, bad input, stores."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import assert_isomorphic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from graphkit.dates import resolve_event_date
from graphkit.errors import InputError, RDFParseError
from graphkit.graph import ENTITIES_GRAPH, results_dataset
from graphkit.merge import (
    corroboration,
    corroboration_by_day,
    merge,
    merge_datasets,
    merge_files,
)
from graphkit.merge.quality import load_pairs, score_pairs
from graphkit.merge.terms import to_dataset, to_graphs
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.vocab import GK, GK_IRI, ID_BASE, WD, article_iri, entity_iri

REPO = Path(__file__).resolve().parent.parent


# --- helpers -------------------------------------------------------------------------------


def assert_same(left: Dataset, right: Dataset) -> None:
    """Same named graphs, each isomorphic; print the difference otherwise."""
    a, b = to_graphs(left), to_graphs(right)
    assert sorted(map(str, a)) == sorted(map(str, b)), "the two datasets hold different graphs"
    for name in a:
        ga, gb = Graph(), Graph()
        for t in a[name]:
            ga.add(t)
        for t in b[name]:
            gb.add(t)
        assert_isomorphic(ga, gb, name=f"graph {name}")


def article(
    key: str,
    entities: Iterable[tuple[str, ...]],
    relations: Iterable[tuple[int, str, int]] = (),
    *,
    date: str = "",
    modality: str = "asserted",
    event_date: str = "",
) -> ArticleResult:
    """An ArticleResult with entities (type, name, *aliases) and relations (subject, predicate,
    object indexes)."""
    art = Article(id=key, text=f"text of {key}", source=f"{key}.txt", date=date, hash=key)
    ents = tuple(Entity(t, n, tuple(aliases)) for t, n, *aliases in entities)
    rels = tuple(
        Relation(
            ents[s],
            p,
            ents[o],
            Evidence(key, f"sentence {i}", i, i + 10, p, 0.8, modality, event_date),
        )
        for i, (s, p, o) in enumerate(relations)
    )
    return ArticleResult(art, ents, rels)


def labels(ds: Dataset, kind: URIRef) -> dict[str, list[str]]:
    """Label -> IRIs of entities of one type."""
    found: dict[str, list[str]] = {}
    for s in set(ds.subjects(RDF.type, kind)):
        for label in ds.objects(s, RDFS.label):
            found.setdefault(str(label), []).append(str(s))
    return found


def iri(kind: str, name: str) -> URIRef:
    return entity_iri(Entity(kind, name).key)


# --- property tests: the merge is a union ---------------------------------------------------

NAMES = [
    ("Person", "Gustavo Petro"), ("Person", "Petro"), ("Person", "President Petro"),
    ("Person", "Donald Trump"), ("Person", "Trump"), ("Person", "Boris Johnson"),
    ("Person", "Lyndon Johnson"),
    ("Person", "Johnson"),
    ("Person", "Theresa May"),
    ("Person", "May"),
    ("Country", "Colombia"),
    ("Country", "Colombian"),
    ("Country", "Bogotá"),
    ("Country", "Britain"),
    ("Country", "United Kingdom"), ("Country", "U.S."), ("Country", "Washington"),
    ("Organization", "NATO"), ("Organization", "North Atlantic Treaty Organization"),
    ("Organization", "White House"), ("Place", "Bogotá"), ("Place", "Salisbury"),
]  # fmt: skip
PREDICATES = ["metWith", "threatened", "deported", "locatedIn"]


@st.composite
def article_results(draw: st.DrawFn) -> ArticleResult:
    ents = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    rels = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(ents) - 1),
                st.sampled_from(PREDICATES),
                st.integers(0, len(ents) - 1),
            ).filter(lambda r: r[0] != r[2]),
            max_size=3,
        )
    )
    modality = draw(st.sampled_from(["asserted", "asserted", "negated"]))
    date = draw(st.sampled_from(["", "2025-01-27"]))
    # as in graphkit's own output, an article IRI names one content (ids carry a content hash):
    # the same name in two inputs is the same article, never two different texts
    digest = hashlib.sha1(repr((ents, rels, modality, date)).encode()).hexdigest()[:8]
    return article(f"a-{digest}", ents, rels, date=date, modality=modality)


datasets = st.lists(article_results(), min_size=0, max_size=3).map(results_dataset)
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("resolve", [False, True])
@PROPERTY
@given(a=datasets, b=datasets)
def test_merge_is_commutative(resolve: bool, a: Dataset, b: Dataset) -> None:
    assert_same(merge_datasets([a, b], resolve=resolve), merge_datasets([b, a], resolve=resolve))


ASSOCIATIVE_GAP = pytest.mark.xfail(
    reason="name records keep the names of all articles, so re-merging a merged file can give "
    "an article another article's title evidence or alias: the grouping can still show",
    strict=False,
)


@pytest.mark.parametrize("resolve", [False, pytest.param(True, marks=ASSOCIATIVE_GAP)])
@PROPERTY
@given(a=datasets, b=datasets, c=datasets)
def test_merge_is_associative(resolve: bool, a: Dataset, b: Dataset, c: Dataset) -> None:
    left = merge_datasets([merge_datasets([a, b], resolve=resolve), c], resolve=resolve)
    right = merge_datasets([a, merge_datasets([b, c], resolve=resolve)], resolve=resolve)
    assert_same(left, right)
    assert_same(left, merge_datasets([a, b, c], resolve=resolve))


@PROPERTY
@given(a=datasets)
def test_merge_is_idempotent(a: Dataset) -> None:
    assert_same(merge_datasets([a, a], resolve=False), merge_datasets([a], resolve=False))
    assert_same(merge_datasets([a], resolve=False), a)
    once = merge_datasets([a])
    assert_same(merge_datasets([a, a]), once)
    assert_same(merge_datasets([once]), once)
    # a merged file merged again with one of its own raw inputs is not covered: the raw and
    # the resolved version of one article graph name its entities differently


@PROPERTY
@given(a=datasets, b=datasets)
def test_merge_keeps_every_graph_and_evidence_node(a: Dataset, b: Dataset) -> None:
    merged = merge_datasets([a, b])
    names = {str(n) for n in to_graphs(merged)}
    for ds in (a, b):
        assert {str(n) for n in to_graphs(ds)} <= names
        assert set(ds.subjects(RDF.type, GK.Evidence)) <= set(
            merged.subjects(RDF.type, GK.Evidence)
        )


# --- resolution ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([("Person", "Petro"), ("Person", "Gustavo Petro")], {"Gustavo Petro": {"Petro"}}),
        (
            [("Person", "President Petro"), ("Person", "Gustavo Petro")],
            {"Gustavo Petro": {"President Petro"}},
        ),
        (
            [("Person", "U.S. President Donald Trump"), ("Person", "Trump")],
            {"Donald Trump": {"Trump", "U.S. President Donald Trump"}},
        ),
        (
            [("Organization", "NATO"), ("Organization", "North Atlantic Treaty Organization")],
            {"North Atlantic Treaty Organization": {"NATO"}},
        ),
        (
            [("Organization", "CELAC")],
            {"Community of Latin American and Caribbean States": {"CELAC"}},
        ),
        ([("Country", "Britain"), ("Country", "UK")], {"United Kingdom": {"Britain", "UK"}}),
        ([("Country", "Colombian"), ("Country", "Colombia")], {"Colombia": {"Colombian"}}),
        ([("Country", "Bogotá"), ("Country", "Colombia")], {"Colombia": {"Bogotá"}}),
        (
            [("Organization", "White House"), ("Country", "U.S.")],
            {"United States": {"White House", "U.S."}},
        ),
        (
            [("Person", "Otoniel"), ("Person", "Úsuga"), ("Person", "Dairo Antonio Úsuga")],
            {"Dairo Antonio Úsuga": {"Úsuga"}, "Otoniel": set()},
        ),
    ],
)  # fmt: skip
def test_resolution_merges_aliases_across_articles(
    names: list[tuple[str, str]], expected: dict[str, set[str]]
) -> None:
    ds = results_dataset(article(f"a-{i}", [n]) for i, n in enumerate(names))
    merged = merge_datasets([ds])
    for label, aliases in expected.items():
        nodes = {
            s for s in merged.subjects(RDFS.label, Literal(label)) if (s, RDF.type, None) in merged
        }
        assert len(nodes) == 1, f"{label!r} should be one entity, got {nodes}"
        (node,) = nodes
        assert {str(a) for a in merged.objects(node, SKOS.altLabel)} >= aliases
    entities = {
        s
        for s in merged.subjects(RDF.type, None)
        if str(s).startswith(ID_BASE) and "/article/" not in str(s)
    }
    assert len({s for s in entities if (s, RDF.type, GK.Evidence) not in merged}) == len(expected)


def test_resolution_keeps_two_johnsons_apart_and_johnson_alone() -> None:
    names = [("Person", "Johnson"), ("Person", "Boris Johnson"), ("Person", "Lyndon Johnson")]
    merged = merge_datasets([results_dataset(article(f"a-{i}", [n]) for i, n in enumerate(names))])
    assert sorted(labels(merged, GK.Person)) == ["Boris Johnson", "Johnson", "Lyndon Johnson"]
    # the same names with one Johnson only: "Johnson" joins him
    merged = merge_datasets(
        [results_dataset(article(f"a-{i}", [n]) for i, n in enumerate(names[:2]))]
    )
    assert sorted(labels(merged, GK.Person)) == ["Boris Johnson"]


@pytest.mark.parametrize(
    "names, expected",
    [
        # an organization or a place that is a person: found by its surname's key
        ([("Person", "Ivanishvili"), ("Organization", "Bidzina Ivanishvili")],
         {"Bidzina Ivanishvili"}),
        ([("Place", "Milei"), ("Person", "Javier Milei")], {"Javier Milei"}),
        ([("Organization", "Trump"), ("Person", "Donald Trump")], {"Donald Trump"}),
        # no person is named by a number: "12" is no short form of "Agency 12"
        ([("Organization", "Agency 12"), ("Organization", "12")], {"Agency 12", "12"}),
    ],
)  # fmt: skip
def test_resolution_looks_up_suffixes_of_names_that_may_be_people(
    names: list[tuple[str, str]], expected: set[str]
) -> None:
    merged = merge_datasets([results_dataset(article(f"a-{i}", [n]) for i, n in enumerate(names))])
    found = {str(label) for kind in (GK.Person, GK.Organization, GK.Place)
             for label in labels(merged, kind)}  # fmt: skip
    assert found == expected


def test_name_keys_give_suffixes_to_people_and_to_names_that_may_be_people() -> None:
    from graphkit.merge.records import Mention, name_keys

    def keys(kind: str, name: str, titled: int = 0) -> set[str]:
        m = Mention(iri(kind, name), kind, {name}, {name}, titled_count=titled)
        return {k for k in name_keys(m) if not k.startswith("~")}

    assert keys("Person", "Hassan Sheikh Mohamud") == {
        "hassan sheikh mohamud", "sheikh mohamud", "mohamud", "hassan sheikh"
    }  # fmt: skip
    assert keys("Organization", "Hassan Sheikh Mohamud", titled=1) == keys(
        "Person", "Hassan Sheikh Mohamud"
    )
    assert keys("Organization", "Agency 12") == {"agency 12"}
    assert keys("Place", "Port of Spain") == {"port of spain", "of spain", "spain"}
    assert keys("Country", "South Korea") == {"south korea"}


def test_resolution_inside_one_article_uses_that_article() -> None:
    """An article naming Boris Johnson and 'Johnson' means him, even with another Johnson
    elsewhere."""
    ds = results_dataset(
        [
            article(
                "a-1",
                [("Person", "Boris Johnson"), ("Person", "Johnson"), ("Country", "Colombia")],
                [(1, "metWith", 2)],
            ),
            article("a-2", [("Person", "Lyndon Johnson")]),
        ]
    )
    merged = merge_datasets([ds])
    graph = merged.graph(article_iri("a-1"))
    assert (iri("Person", "Boris Johnson"), GK.metWith, iri("Country", "Colombia")) in graph
    assert "Johnson" not in labels(merged, GK.Person)


def test_place_capital_becomes_the_country_only_as_an_actor() -> None:
    ds = results_dataset(
        [
            article(
                "a-1", [("Place", "Bogotá"), ("Country", "United States")], [(0, "threatened", 1)]
            ),
            article("a-2", [("Place", "Bogotá"), ("Country", "Colombia")], [(0, "locatedIn", 1)]),
        ]
    )
    merged = merge_datasets([ds])
    assert (iri("Country", "Colombia"), GK.threatened, iri("Country", "United States")) in merged
    assert (iri("Place", "Bogotá"), GK.locatedIn, iri("Country", "Colombia")) in merged


def test_countries_carry_iso_codes_and_wikidata() -> None:
    merged = merge_datasets([results_dataset([article("a-1", [("Country", "Colombian")])])])
    colombia = iri("Country", "Colombia")
    assert (colombia, GK.iso3, Literal("COL")) in merged
    assert (colombia, OWL.sameAs, WD.Q739) in merged
    merged = merge_datasets([results_dataset([article("a-1", [("Organization", "U.N.")])])])
    assert (iri("Organization", "United Nations"), OWL.sameAs, WD.Q1065) in merged


def test_canonical_choice_does_not_depend_on_input_order() -> None:
    names = [("Organization", "Gulf Clan"), ("Organization", "Clan del Golfo")]
    a = results_dataset([article("a-1", [names[0]])])
    b = results_dataset([article("a-2", [names[1]])])
    for order in ([a, b], [b, a]):
        assert sorted(labels(merge_datasets(order), GK.Organization)) == ["Clan del Golfo"]


def test_cross_article_merge_is_recorded_and_evidence_points_at_canonical() -> None:
    ds = results_dataset(
        [
            article(
                "a-1", [("Person", "Petro"), ("Person", "Donald Trump")], [(1, "threatened", 0)]
            ),
            article("a-2", [("Person", "Gustavo Petro")]),
        ]
    )
    merged, report = merge([ds])
    petro, gustavo = iri("Person", "Petro"), iri("Person", "Gustavo Petro")
    record = merged.graph(ENTITIES_GRAPH)
    assert (petro, GK.resolvesTo, gustavo) in record
    assert "short form of 'Gustavo Petro'" in str(record.value(petro, GK.mergeReason))
    assert (petro, DCTERMS.isReferencedBy, article_iri("a-1")) in record
    assert (petro, RDF.type, None) not in merged  # a name record, not an entity
    assert not list(merged.subjects(RDF.object, petro))
    assert list(merged.subjects(RDF.object, gustavo))
    assert list(
        merged.subjects(GK.objectMention, petro)
    )  # the evidence keeps what the article said
    assert report.resolution is not None
    assert (report.resolution.entities_before, report.resolution.entities_after) == (3, 2)


@pytest.mark.xfail(
    reason="cross-article resolution does not yet keep apart two names one article "
    "uses side by side"
)
def test_an_article_that_keeps_two_names_apart_is_trusted() -> None:
    ds = results_dataset(
        [
            article("a-1", [("Person", "Otoniel"), ("Person", "Úsuga")], [(0, "metWith", 1)]),
            article("a-2", [("Person", "Dairo Antonio Úsuga", "Otoniel")]),
            article("a-3", [("Person", "Úsuga")]),
        ]
    )
    merged, report = merge([ds])
    assert (iri("Person", "Otoniel"), GK.metWith, iri("Person", "Úsuga")) in merged.graph(
        article_iri("a-1")
    )
    assert report.resolution is not None
    assert report.resolution.kept_apart == [
        str(iri("Person", "Otoniel")),
        str(iri("Person", "Úsuga")),
    ]


# --- incremental: resolving again, store updates ---------------------------------------------


def test_new_article_splits_an_earlier_merge() -> None:
    """resolve(resolve(X) + Y) == resolve(X + Y) even when Y makes a name ambiguous."""
    x = results_dataset(
        [article("a-1", [("Person", "Johnson")]), article("a-2", [("Person", "Boris Johnson")])]
    )
    y = results_dataset([article("a-3", [("Person", "Lyndon Johnson")])])
    first = merge_datasets([x])
    assert "Johnson" not in labels(first, GK.Person)
    again = merge_datasets([first, y])
    assert "Johnson" in labels(again, GK.Person)
    assert_same(again, merge_datasets([x, y]))


# --- corroboration -------------------------------------------------------------------------


def test_corroboration_counts_articles_after_resolution() -> None:
    ds = results_dataset(
        [
            article(
                "a-1",
                [("Person", "Trump"), ("Country", "Colombia")],
                [(0, "threatened", 1)],
                event_date="2025-01-26",
            ),
            article(
                "a-2",
                [("Person", "Donald Trump"), ("Country", "Colombian")],
                [(0, "threatened", 1)],
            ),
            article(
                "a-3",
                [("Person", "Donald Trump"), ("Country", "Colombia")],
                [(0, "threatened", 1)],
                modality="negated",
            ),
            article(
                "a-4",
                [("Person", "Donald Trump"), ("Country", "Bogotá")],
                [(0, "threatened", 1)],
                event_date="2025-10-01",
            ),
        ]
    )
    trump, colombia = iri("Person", "Donald Trump"), iri("Country", "Colombia")
    assert corroboration(ds) != {
        (trump, GK.threatened, colombia): 3
    }  # before resolution: names differ
    merged = merge_datasets([ds])
    assert corroboration(merged) == {(trump, GK.threatened, colombia): 3}
    assert corroboration_by_day(merged) == {
        (trump, GK.threatened, colombia, "2025-01-26"): 2,
        (trump, GK.threatened, colombia, "2025-10-01"): 2,
    }


def test_corroboration_counts_both_directions_of_a_symmetric_relation() -> None:
    ds = results_dataset(
        [
            article(
                "a-1",
                [("Person", "Gustavo Petro"), ("Person", "Donald Trump")],
                [(0, "metWith", 1)],
            ),
            article(
                "a-2",
                [("Person", "Gustavo Petro"), ("Person", "Donald Trump")],
                [(1, "metWith", 0)],
            ),
        ]
    )
    assert list(corroboration(ds).values()) == [2]


# --- bad input -----------------------------------------------------------------------------

TRIG = """@prefix gk: <{gk}> . @prefix ex: <{ex}> .
<{base}article/{key}> {{ <{base}person/a> gk:metWith <{base}person/b> . {extra} }}
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def trig(key: str, *, gk: str = GK_IRI, ex: str = "http://example.org/a#", extra: str = "") -> str:
    return TRIG.format(gk=gk, ex=ex, base=ID_BASE, key=key, extra=extra)


def test_conflicting_prefixes_merge_by_full_iris(tmp_path: Path) -> None:
    a = write(tmp_path / "a.trig", trig("a", extra="<urn:x> ex:p 1 ."))
    b = write(tmp_path / "b.trig", trig("b", ex="http://example.org/b#", extra="<urn:x> ex:p 1 ."))
    ds = merge_files([a, b], resolve=False)
    assert (URIRef("urn:x"), URIRef("http://example.org/a#p"), Literal(1)) in ds
    assert (URIRef("urn:x"), URIRef("http://example.org/b#p"), Literal(1)) in ds
    assert dict(ds.namespaces())["gk"] == URIRef(GK_IRI)


@pytest.mark.parametrize(
    ("gk", "extra", "term"),
    [
        (GK_IRI, f"<{ID_BASE}person/a> gk:meetsWith <{ID_BASE}person/b> .", "meetsWith"),
        ("https://w3id.org/graphkit/ontology/", "", "https://w3id.org/graphkit/ontology/metWith"),
    ],
)
def test_unknown_graphkit_terms_stop_the_merge_unless_kept(
    tmp_path: Path, gk: str, extra: str, term: str
) -> None:
    bad = write(tmp_path / "old.trig", trig("a", gk=gk, extra=extra))
    with pytest.raises(
        InputError, match=r"old\.trig.*" + term.replace(".", r"\.") + ".*--keep-unknown"
    ):
        merge_files([bad])
    kept = merge_files([bad], keep_unknown=True)
    assert any(term in str(p) for p in kept.predicates())


def test_blank_nodes_become_stable_iris(tmp_path: Path) -> None:
    a = write(tmp_path / "a.trig", trig("a", extra='<urn:x> <urn:note> [ <urn:text> "hello" ] .'))
    once = merge_files([a])
    twice = merge_files([a, a])
    assert not [
        t
        for t in once.quads((None, None, None, None))
        if isinstance(t[0], BNode) or isinstance(t[2], BNode)
    ]
    assert_same(once, twice)
    assert len(list(once.objects(URIRef("urn:x"), URIRef("urn:note")))) == 1


def test_turtle_without_named_graphs_lands_in_the_default_graph(tmp_path: Path) -> None:
    ttl = write(
        tmp_path / "flat.ttl",
        f'<{ID_BASE}person/trump> a <{GK_IRI}Person> ; <{RDFS}label> "Trump" .',
    )
    full = results_dataset([article("a-1", [("Person", "Donald Trump")])])
    path = tmp_path / "full.trig"
    path.write_text(full.serialize(format="trig"), encoding="utf-8")
    merged = merge_files([ttl, path])
    # kept as it is, beside the resolved articles: only article graphs are resolved
    assert (URIRef(f"{ID_BASE}person/trump"), RDFS.label, Literal("Trump")) in merged.default_graph
    assert sorted(labels(merged, GK.Person)) == ["Donald Trump", "Trump"]


def test_derived_graphs_are_left_out_when_resolving() -> None:
    ds = results_dataset([article("a-1", [("Person", "Petro")])])
    ds.graph(URIRef(str(article_iri("a-1")) + "/inferred")).add(
        (URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"))
    )
    merged, report = merge([ds])
    assert report.derived_left_out == 1
    assert (URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")) not in merged
    assert (URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")) in merge_datasets(
        [ds], resolve=False
    )


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [("missing.trig", None, InputError), ("broken.trig", "<a> <b> .", RDFParseError)],
)
def test_unreadable_files_name_the_file(
    tmp_path: Path, name: str, text: str | None, error: type
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(error, match=name):
        merge_files([path])


def test_cli_merge_writes_the_merged_file(tmp_path: Path) -> None:
    paths = []
    for key, name in (("a-1", "Petro"), ("a-2", "Gustavo Petro")):
        path = tmp_path / f"{key}.trig"
        path.write_text(
            results_dataset([article(key, [("Person", name)])]).serialize(format="trig"),
            encoding="utf-8",
        )
        paths.append(str(path))
    out = tmp_path / "all.trig"
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "merge", *paths, "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 entities as the articles named them -> 1 after resolution" in done.stderr, (
        "the summary is a status line"
    )
    assert sorted(labels(merge_files([out]), GK.Person)) == ["Gustavo Petro"]
    bad = subprocess.run(
        [sys.executable, "-m", "graphkit", "merge", str(tmp_path / "none.trig"), "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "none.trig" in bad.stderr and "Traceback" not in bad.stderr


# --- the sample articles -------------------------------------------------------------------


def test_alias_pairs_precision_and_recall() -> None:
    scores = score_pairs(load_pairs(REPO / "data" / "gold" / "alias_pairs.jsonl"))
    print(scores.summary())
    assert scores.precision >= 0.95
    assert scores.recall >= 0.85


def test_alias_pairs_file_is_well_formed() -> None:
    rows = [
        json.loads(line)
        for line in (REPO / "data" / "gold" / "alias_pairs.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert {r["article"] for r in rows} <= {
        p.name for p in (REPO / "data" / "articles").glob("*.txt")
    }
    assert sum(r["same"] for r in rows) >= 50 and sum(not r["same"] for r in rows) >= 30


EXPECTED = [
    ("Person", "Gustavo Petro", {"Petro"}),
    ("Person", "Donald Trump", {"Trump"}),
    ("Person", "Joe Biden", {"Biden"}),
    ("Person", "Theresa May", {"May"}),
    ("Country", "Colombia", {"Bogotá"}),
    ("Country", "United States", {"U.S.", "Washington"}),
    ("Country", "United Kingdom", {"Britain"}),
    ("Country", "Russia", {"Moscow"}),
    ("Country", "Iran", set()),
    ("Country", "Israel", set()),
    ("Organization", "North Atlantic Treaty Organization", {"NATO"}),
]


@pytest.fixture(scope="module")
def dev_merge() -> Dataset:
    """The sample articles extracted one graph each, then merged as separate inputs."""
    from graphkit.pipeline import extract_files

    extracted = to_graphs(extract_files(sorted((REPO / "data" / "articles").glob("*.txt"))))
    entities = extracted.pop(ENTITIES_GRAPH)
    per_article = [
        to_dataset({name: triples, ENTITIES_GRAPH: entities}) for name, triples in extracted.items()
    ]
    assert len(per_article) == 5
    return merge_datasets(per_article)


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "name", "aliases"), EXPECTED)
def test_dev_articles_merge_to_one_entity_per_actor(
    dev_merge: Dataset, kind: str, name: str, aliases: set[str]
) -> None:
    found = labels(dev_merge, GK[kind])
    assert len(set(found.get(name, []))) == 1, (
        f"{name!r} should be exactly one {kind}: {found.get(name)}"
    )
    node = URIRef(found[name][0])
    assert {str(a) for a in dev_merge.objects(node, SKOS.altLabel)} >= aliases
    for alias in aliases:
        assert alias not in found, (
            f"{alias!r} should be a name of {name!r}, not an entity of its own"
        )


# --- event dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "article_date", "expected"),
    [
        ("Colombia agreed late Sunday to take back migrants.", "2025-01-27", "2025-01-26"),
        ("Trump spoke with May by phone on Tuesday.", "2018-03-14", "2018-03-13"),
        ("Britain ordered 23 diplomats out on Wednesday.", "2018-03-14", "2018-03-14"),
        ("They were found on a bench in Salisbury on March 4.", "2018-03-14", "2018-03-04"),
        ("He was captured in October by Colombian troops.", "2022-05-05", "2021-10"),
        ("Petro visited Washington in April 2023.", "2025-01-27", "2023-04"),
        ("The upcoming May 31 presidential election.", "2026-02-10", "2026-05-31"),
        ("The extradition was signed on 2022-05-04.", "", "2022-05-04"),
        ("Officials said yesterday that talks failed.", "2024-04-14", "2024-04-13"),
        ("May said the diplomats must leave.", "2018-03-14", ""),
        ("Petro met Trump on Thursday.", "", ""),
        ("Petro met Trump.", "2026-02-10", ""),
    ],
)
def test_resolve_event_date(sentence: str, article_date: str, expected: str) -> None:
    assert resolve_event_date(sentence, article_date) == expected
