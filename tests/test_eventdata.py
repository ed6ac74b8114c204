"""Event data exports: PLOVER records and dyad tables, read back with pandas."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

from graphkit.analyze.eventdata import (
    DYAD_COLUMNS,
    SCHEMA_PATH,
    dyad_rows,
    export_events,
    plover_records,
)
from graphkit.errors import ExportError, InputError
from graphkit.examples import example_dataset
from graphkit.store import open_store
from graphkit.vocab import PLOVER_CATEGORIES, relation

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "dev.jsonl"

# The categories per asserted event relation, counted straight from the store: relation
# triples in article graphs whose two ends are typed entities, grouped by the category the
# store's ontology graph gives the relation.
CATEGORY_COUNTS = """
SELECT ?cat (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?g ?s ?p ?o WHERE {
      GRAPH ?g { ?e rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gk:modality "asserted" }
      GRAPH <https://w3id.org/graphkit/ontology> { ?p gk:ploverCategory [] }
      FILTER(STRSTARTS(STR(?g), "https://w3id.org/graphkit/id/article/")
             && !STRENDS(STR(?g), "/inferred"))
      ?s a ?st . ?o a ?ot .
      VALUES ?st { gk:Person gk:Country gk:Organization gk:Place }
      VALUES ?ot { gk:Person gk:Country gk:Organization gk:Place }
  } }
  GRAPH <https://w3id.org/graphkit/ontology> { ?p gk:ploverCategory ?cat }
}
GROUP BY ?cat
"""


@pytest.fixture(scope="module")
def exported(articles_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The dev articles' store exported three ways."""
    out = tmp_path_factory.mktemp("export")
    paths = {
        "plover": out / "events.jsonl",
        "day": out / "dyads.csv",
        "month": out / "dyads-month.csv",
    }
    with open_store(articles_store, read_only=True) as store:
        export_events(store, paths["plover"], fmt="plover")
        export_events(store, paths["day"], fmt="dyads", by="day")
        export_events(store, paths["month"], fmt="dyads", by="month")
    return paths


def test_eventdata_plover_export_validates_against_the_schema(exported: dict[str, Path]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    lines = exported["plover"].read_text(encoding="utf-8").splitlines()
    assert len(lines) > 20
    for line in lines:
        errors = [e.message for e in validator.iter_errors(json.loads(line))]
        assert not errors, (line[:200], errors)


def test_eventdata_category_counts_equal_the_store(
    articles_store: Path, exported: dict[str, Path]
) -> None:
    with open_store(articles_store, read_only=True) as store:
        rows = store.query(CATEGORY_COUNTS).rows
    expected = {row[0].value: int(row[1].value) for row in rows}
    frame = pd.read_json(exported["plover"], lines=True)
    assert frame["event_type"].value_counts().to_dict() == expected
    assert set(expected) <= set(PLOVER_CATEGORIES)


def test_eventdata_plover_reads_back_with_pandas(exported: dict[str, Path]) -> None:
    frame = pd.read_json(exported["plover"], lines=True, dtype={"event_date": str})
    assert frame["score"].dtype == "float64"
    assert frame["confidence"].dtype == "float64"
    assert frame["quad_code"].dtype == "int64"
    assert frame["reciprocal"].dtype == "bool"
    assert frame["id"].is_unique
    assert frame["score"].between(-10, 10).all()
    for _, row in frame.iterrows():
        info = relation(row["mode"])
        assert (row["event_type"], row["quad_class"], row["score"]) == (
            info.plover,
            info.quad,
            info.score,
        )
    dated = frame[frame["date_source"].notna()]
    assert set(dated["date_source"]) <= {"event", "article"}
    by_article = dated[dated["date_source"] == "article"]
    assert (by_article["event_date"] == by_article["article_date"]).all()
    # the UK-Russia article is dated 2018-03-14; its expulsion carries that date
    expel = frame[(frame["mode"] == "expelled") & (frame["actor_country"] == "GBR")]
    assert len(expel) == 1
    assert expel.iloc[0]["recipient_country"] == "RUS"
    assert str(expel.iloc[0]["event_date"]).startswith("2018-03")


def _gold_events() -> list[dict[str, str]]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if relation(r["p"]).is_event and not r.get("optional")]


def test_eventdata_one_record_per_expected_event(exported: dict[str, Path]) -> None:
    frame = pd.read_json(exported["plover"], lines=True)
    frame["article"] = frame["article_path"].map(lambda p: Path(p).name)
    columns = ("article", "actor_name", "mode", "recipient_name")
    found = Counter(zip(*(frame[c] for c in columns), strict=True))
    hits = 0
    for gold in _gold_events():
        keys = [(gold["article"], gold["s"], gold["p"], gold["o"])]
        if relation(gold["p"]).symmetric:
            keys.append((gold["article"], gold["o"], gold["p"], gold["s"]))
        count = sum(found[k] for k in keys)
        assert count <= 1, (gold, count)
        hits += count
    # most expected events are extracted (recall is about 0.8), each exactly once
    assert hits >= 0.6 * len(_gold_events())


def test_eventdata_dyads_read_back_with_pandas(exported: dict[str, Path]) -> None:
    plover = pd.read_json(exported["plover"], lines=True, dtype={"event_date": str})
    for period, width in (("day", 10), ("month", 7)):
        frame = pd.read_csv(exported[period], keep_default_na=False)
        assert tuple(frame.columns) == DYAD_COLUMNS
        for column in (*PLOVER_CATEGORIES, "events", "articles"):
            assert frame[column].dtype == "int64", column
        assert frame["score"].dtype == "float64"
        assert frame["date"].str.len().eq(width).all()
        assert not frame.duplicated(["date", "source_country", "target_country"]).any()
        assert (frame[list(PLOVER_CATEGORIES)].sum(axis=1) == frame["events"]).all()
        counted = plover[
            plover["actor_country"].notna()
            & plover["recipient_country"].notna()
            & (plover["event_date"].fillna("").str.len() >= width)
        ]
        assert frame["events"].sum() == len(counted)
        assert frame["score"].sum() == pytest.approx(counted["score"].sum())
        assert (frame["articles"] >= 1).all()
    day = pd.read_csv(exported["day"])
    month = pd.read_csv(exported["month"])
    assert month["events"].sum() >= day["events"].sum()


def test_eventdata_reciprocal_events_are_counted_once_in_alphabetical_order() -> None:
    records = plover_records(example_dataset())
    met = [r for r in records if r["mode"] == "metWith"]
    assert {(r["actor_country"], r["recipient_country"]) for r in met} == {("COL", "USA")}
    flipped = [dict(r, actor_country="USA", recipient_country="COL") for r in met]
    rows = dyad_rows(flipped, by="month")
    assert [(r["source_country"], r["target_country"], r["CONSULT"]) for r in rows] == [
        ("COL", "USA", 2),
    ]


def test_eventdata_negated_events_make_no_record() -> None:
    records = plover_records(example_dataset())
    # the example says "Petro did not meet Maduro": evidence without a relation triple
    assert not [r for r in records if "Maduro" in (r["actor_name"], r["recipient_name"])]


def test_eventdata_bad_record_is_refused() -> None:
    from graphkit.analyze.eventdata import check_records

    good = plover_records(example_dataset())[0]
    with pytest.raises(ExportError, match="actor_country"):
        check_records([dict(good, actor_country="Colombia")])


def test_eventdata_unknown_period_or_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="by must be one of day, month"):
        export_events(example_dataset(), tmp_path / "x.csv", fmt="dyads", by="week")
    with pytest.raises(InputError, match="format must be one of plover, dyads"):
        export_events(example_dataset(), tmp_path / "x.csv", fmt="gdelt")
    assert not list(tmp_path.iterdir())
    with pytest.raises(InputError, match=r"is a folder; give a file name such as events\.jsonl"):
        export_events(example_dataset(), tmp_path, fmt="plover")


def test_eventdata_cli_export_and_errors(run_cli, tmp_path: Path) -> None:
    from graphkit.store import write_rdf

    trig = tmp_path / "example.trig"
    write_rdf(example_dataset(), trig)
    out = tmp_path / "events.jsonl"
    code, stdout, _ = run_cli("export", "--format", "plover", "-o", out, "--graph", trig)
    assert code == 0
    assert stdout.strip() == f"wrote 7 record(s) to {out}"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7
    code, _, err = run_cli("export", "--format", "dyads", "-o", out, "--store", tmp_path / "none")
    assert code == 2
    assert "no store at" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7  # left as it was
    with pytest.raises(SystemExit) as exc:
        run_cli("export", "--format", "gdelt", "-o", out, "--graph", trig)
    assert exc.value.code == 2
