"""Who acts and whom an event targets in four shapes of the PLOVER records, with sentences
written for the tests: a vow to attack (a threat, the attack still to come), a protest staged
by someone other than the sentence's subject, a crowd named with a nationality the lexicon does
not know, and a people named with its nationality where the text says it lives.
"""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_text
from graphkit.records import Entity

STATIC = {"leaderOf", "officialOf", "memberOf", "locatedIn"}


def _code(entity: Entity) -> str:
    ids = dict(entity.ids)
    return ids.get("iso3") or ids.get("country", "")


def coded(text: str) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object's country code) of the asserted event relations."""
    return {
        (r.subject.name, r.predicate, _code(r.object))
        for r in extract_text(text).relations
        if r.evidence.modality == "asserted" and r.predicate not in STATIC
    }


def test_extract_sworn_to_attack_is_a_threat() -> None:
    # "have sworn to fight" announces the attack, as "vowed to" does: THREATEN, not ASSAULT
    got = coded("Hamas has sworn to attack Israel.")
    assert ("Hamas", "threatened", "ISR") in got
    assert not {t for t in got if t[1] == "attacked"}


def test_extract_swearing_in_is_no_threat() -> None:
    assert not coded("The new defence minister of Israel was sworn in on Monday.")


def test_extract_protest_staged_by_its_agent() -> None:
    # the agent of "staged" protests, not the police who dispersed it
    got = coded("Police dispersed the demonstration staged by Kurdish students against Turkey.")
    assert ("Kurdish students", "protested", "TUR") in got
    blocked = coded(
        "Turkish police prevented the demonstration staged by students at a university near "
        "Ankara on Tuesday."
    )
    assert not {t for t in blocked if t[1] == "protested"}


@pytest.mark.parametrize(
    "text",
    [
        "Zqwerty protesters burned the Israeli embassy on Friday.",
        "Five years after Cxlenardhon crowds burned down its embassy, Egypt restored ties.",
    ],
)
def test_extract_unknown_nationality_before_a_crowd_is_no_actor(text: str) -> None:
    assert not {t for t in coded(text) if t[0].startswith(("Zqwerty", "Cxlenardhon"))}


def test_extract_known_group_before_a_crowd_still_acts() -> None:
    assert ("Hamas", "attacked", "ISR") in coded("Hamas protesters burned the Israeli embassy.")


def test_extract_people_coded_by_where_they_live() -> None:
    # a people where the text says it lives is that place's people
    found = extract_text("Ethnic Albanians in Montenegro protested against Serbia on Monday.")
    protests = [r for r in found.relations if r.predicate == "protested"]
    assert protests and all(_code(r.subject) == "MNE" for r in protests)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Serb forces attacked the Albanian population of Montenegro.", "MNE"),
        # no place given: the people of their nation
        ("Serb forces attacked ethnic Albanians.", "ALB"),
        ("Serb forces attacked the Albanian population.", "ALB"),
    ],
)
def test_extract_people_attacked_coded_by_where_they_live(text: str, code: str) -> None:
    got = {t for t in coded(text) if t[1] == "attacked"}
    assert got and all(t[2] == code for t in got), got


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # a noun cue completed by "of" ("a state of emergency") is matched and finds its place
        ("Sudan declared a state of emergency in Darfur.", ("Sudan", "coerced", "Darfur")),
        (
            "The military government of President Prosper Avril declared a state of siege in "
            "Haiti on Saturday.",
            ("Prosper Avril", "coerced", "HTI"),
        ),
        # lifting it is a concession, no restriction
        ("Sudan lifted the state of emergency in Darfur.", ("Sudan", "conceded", "Darfur")),
        # goods and lorries stand for the country they are of
        (
            "The Israeli army lifted a blockade on Palestinian lorries on Friday.",
            ("Israel", "retreatedFrom", "PSE"),
        ),
    ],
)
def test_extract_restrictions_imposed_and_lifted(text: str, triple: tuple[str, str, str]) -> None:
    found = extract_text(text).relations
    got = {
        (r.subject.name, r.predicate, r.object.name if len(triple[2]) != 3 else _code(r.object))
        for r in found
        if r.evidence.modality == "asserted" and r.predicate not in STATIC
    }
    assert triple in got
    if triple[1] != "coerced":
        assert not {t for t in got if t[1] in ("coerced", "sanctioned")}
