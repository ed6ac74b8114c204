"""Text wrapped at a fixed width is read as sentences, not as one sentence per line."""

from __future__ import annotations

from graphkit.ingest.furniture import strip_furniture
from graphkit.ingest.wrapping import unwrap
from graphkit.pipeline import extract_text

SCRIPT = """DATE=2/8/2000
TYPE=CORRESPONDENT REPORT
BYLINE=LISA SCHLEIN
DATELINE=GENEVA
CONTENT=
VOICED AT:
INTRO: Peace talks for Cyprus are failing to make
progress on efforts to reunify the divided island.
TEXT: U-N mediator Alvaro De Soto met separately
throughout the past week-
and-a-half with Turkish Cypriot leader Rauf
Denktash and Greek President Glafcos Clerides.
/// DE SOTO ACT ONE ///
We would have preferred that these public
statements had not been made.
/// END ACT ///
NEB/NJS/WTW
"""


def test_a_wrapped_paragraph_is_joined() -> None:
    text = strip_furniture(SCRIPT).text
    assert "week-and-a-half with Turkish Cypriot leader Rauf Denktash and Greek" in text
    assert "make progress on efforts" in text


def test_script_labels_and_markers_are_no_text() -> None:
    text = strip_furniture(SCRIPT).text
    for furniture in ("DATE=", "BYLINE=", "///", "INTRO:", "TEXT:", "NEB/NJS/WTW", "VOICED AT"):
        assert furniture not in text


def test_names_split_over_lines_are_actors() -> None:
    result = extract_text(strip_furniture(SCRIPT).text)
    names = {e.name for e in result.entities}
    assert {"Rauf Denktash", "Glafcos Clerides", "Alvaro De Soto"} <= names, names
    found = {(r.subject.name, r.predicate, r.object.name) for r in result.relations}
    assert ("Glafcos Clerides", "leaderOf", "Greece") in found


def test_a_page_head_and_long_lines_stay_as_they_are() -> None:
    head = "The White House\nOffice of the Press Secretary\nFor Immediate Release"
    assert unwrap(head) == head
    web = (
        "Petro met Trump on Monday in the Oval Office, and the two spoke for an hour about drugs.\n"
    )
    web += "Petro later said the talks had gone well and that he would return to Washington soon."
    assert unwrap(web) == web


def test_a_short_list_of_lines_ending_sentences_stays() -> None:
    lines = "Petro met Trump.\nMaduro met Putin.\nXi met Lula."
    assert unwrap(lines) == lines
