"""Parties told by description in news reports: a building named as one, a place fronted before
a speaker, a trip talked about, a designation among sanctions, a call for talks, an official
named after the post. One line per case, each with its near miss."""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_text

Triple = tuple[str, str, str]


def triples(text: str, *, modality: str = "asserted") -> set[Triple]:
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in extract_text(text).relations
        if r.evidence.modality == modality
    }


FOUND = [
    # a building named as one is a place in the city after it, and an attack there is on the
    # city's country
    (
        "The United States condemns the Al-Shabaab attack at the Hayat Hotel in Mogadishu.",
        {("Hayat Hotel", "locatedIn", "Mogadishu"), ("Al-Shabaab", "attacked", "Somalia")},
    ),
    (
        "We condemn the attack on the Marriott Hotel in Islamabad.",
        {("Marriott Hotel", "locatedIn", "Islamabad")},
    ),
    # a comma place before a possessor's place noun still locates
    (
        "Troops arrived in Kandahar, Afghanistan's second city.",
        {("Kandahar", "locatedIn", "Afghanistan")},
    ),
    # a trip made is a visit
    ("Blinken made trips to the Middle East.", {("Blinken", "visited", "Middle East")}),
    # a designation among sanctions sanctions the people described, and their country
    (
        "The U.S. Department of the Treasury is designating 14 senior Burmese Government "
        "officials. The sanctions follow the crackdown.",
        {("United States", "sanctioned", "Myanmar")},
    ),
    # a call for talks with a party, or for a party to act, is a request to that party
    ("Pakistan called for talks with India.", {("Pakistan", "requested", "India")}),
    (
        "Britain called for Russia to withdraw its troops.",
        {("United Kingdom", "requested", "Russia")},
    ),
    (
        "Blinken and Foreign Minister Wong called for Hamas to immediately release all hostages.",
        {("Blinken", "requested", "Hamas"), ("Wong", "requested", "Hamas")},
    ),
    # appreciation expressed to a party, or for its decision, praises it
    ("Blinken expressed appreciation to Colombia.", {("Blinken", "praised", "Colombia")}),
    (
        "Secretary Blinken conveyed his appreciation for President Duque's decision.",
        {("Blinken", "praised", "Duque")},
    ),
    # a visit a speaker spoke during is the speaker's own
    (
        "Iran's foreign minister spoke during a visit to Riyadh.",
        {("Iran", "visited", "Saudi Arabia")},
    ),
    # a stop in a city is a visit
    ("Putin made a stop in Beijing.", {("Putin", "visited", "China")}),
    # the official talked with is the person named after the post, not the country
    (
        "Josephine also spoke with the Guinean ambassador in Washington, Raphiou Barry, for a "
        "reaction.",
        {("Josephine", "spokeWith", "Raphiou Barry"), ("Raphiou Barry", "officialOf", "Guinea")},
    ),
]

NOT_FOUND = [
    # a stop put to something is no visit
    ("Russia put a stop to the fighting in Syria.", ("Russia", "visited", "Syria")),
    # ... but not one spoken about
    ("Iran's foreign minister spoke about a visit to Riyadh.", ("Iran", "visited", "Saudi Arabia")),
    # a lack of appreciation is no praise
    (
        "Blinken noted Colombia's lack of appreciation for the aid.",
        ("Colombia", "praised", "Blinken"),
    ),
    # talks talked about are not the talkers' own
    (
        "Obama and Cameron also conferred about the P5+1 talks with Iran.",
        ("Obama", "metWith", "Iran"),
    ),
    # a building's name is no actor to attack
    (
        "The United States condemns the Al-Shabaab attack at the Hayat Hotel in Mogadishu.",
        ("Al-Shabaab", "attacked", "Hayat Hotel"),
    ),
    # a place fronted before the speaker is where it was said, not part of the speaker's country
    (
        "Quoted by the French news agency in Dubai, Sudan's president asked how it is possible.",
        ("Dubai", "locatedIn", "Sudan"),
    ),
    # trips talked about are no visit of the talkers' country
    (
        "Blinken spoke with Australian Foreign Minister Penny Wong today regarding their trips to "
        "the Middle East.",
        ("Australia", "visited", "Middle East"),
    ),
    # a designation that appoints is no sanction, nor one outside sanctions
    (
        "Russia designated Sergei Ivanov as its new ambassador to Iran after the sanctions.",
        ("Russia", "sanctioned", "Iran"),
    ),
    (
        "Putin designated Sergei Ivanov to lead the talks on sanctions.",
        ("Russia", "sanctioned", "Sergei Ivanov"),
    ),
    # a designation that names what its object is made is no sanction, even among sanctions
    (
        "After the sanctions, the US designated Kenya a major non-NATO ally.",
        ("United States", "sanctioned", "Kenya"),
    ),
    (
        "India imposed sanctions and had designated Nijjar a terrorist.",
        ("India", "sanctioned", "Nijjar"),
    ),
    (
        "The United States designated two officials of Venezuela's government.",
        ("United States", "sanctioned", "Venezuela"),
    ),
    # calling for a party to act is no phone call between the callers
    (
        "Blinken and Foreign Minister Wong called for Hamas to immediately release all hostages.",
        ("Blinken", "spokeWith", "Wong"),
    ),
    (
        "Josephine also spoke with the Guinean ambassador in Washington, Raphiou Barry.",
        ("Josephine", "spokeWith", "Guinea"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_extract_described_found(text: str, expected: set[Triple]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(("text", "unwanted"), NOT_FOUND)
def test_extract_described_not_found(text: str, unwanted: Triple) -> None:
    assert unwanted not in triples(text)


def test_extract_described_call_for_talks_is_no_meeting() -> None:
    """ "called for talks with India": the talks are only asked for."""
    assert ("Pakistan", "metWith", "India") not in triples("Pakistan called for talks with India.")
