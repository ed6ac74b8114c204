"""Ending, halting, cancelling or breaking an activity is not that activity: one line per case.

Halting an attack is a retreat (relations.csv: halted), suspending a mediation or reneging on a
commitment keeps nothing going, ending a visit completes it; cutting ties is still a sanction.
Each class has sentences that must give the relation and sentences of the same shape that must
not.
"""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_text

Triple = tuple[str, str, str]
STATIC = {"leaderOf", "officialOf", "memberOf", "locatedIn"}


def events(text: str) -> set[Triple]:
    """(subject, predicate, object) of the asserted event relations of one sentence."""
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in extract_text(text).relations
        if r.evidence.modality == "asserted" and r.predicate not in STATIC
    }


GIVEN = [
    # blocking a sanction rejects whoever proposed it; sanctions rejected are in force
    ("Hungary blocked new EU sanctions on Russia.", ("Hungary", "rejected", "European Union")),
    ("India rejected the US tariffs on Indian goods.", ("United States", "sanctioned", "India")),
    # halting or stopping an attack is a retreat (relations.csv: halted)
    ("Syria halted its attacks on Jordan last week.", ("Syria", "retreatedFrom", "Jordan")),
    ("Russia stopped its air strikes on Georgia.", ("Russia", "retreatedFrom", "Georgia")),
    ("Syria stopped attacking Jordan last week.", ("Syria", "retreatedFrom", "Jordan")),
    ("Pakistan called off its offensive against India.", ("Pakistan", "retreatedFrom", "India")),
    # an attack not halted stays an attack
    ("Syria stepped up its attacks on Jordan.", ("Syria", "attacked", "Jordan")),
    ("Russia continued attacking Georgia.", ("Russia", "attacked", "Georgia")),
    # ending a visit tells that it took place
    (
        "Russian President Vladimir Putin ended his visit to India on Friday.",
        ("Vladimir Putin", "visited", "India"),
    ),
    ("Germany concluded its visit to Brazil.", ("Germany", "visited", "Brazil")),
    ("Iran ended its talks with Iraq on Monday.", ("Iran", "metWith", "Iraq")),
    # cutting, suspending or cancelling ties is a sanction, as before
    ("Chile suspended cooperation with Peru.", ("Chile", "sanctioned", "Peru")),
    ("Iran cancelled a visit to Kuwait.", ("Iran", "sanctioned", "Kuwait")),
    ("Ecuador ended its trade with Colombia.", ("Ecuador", "sanctioned", "Colombia")),
    ("Israel halted its talks with Jordan.", ("Israel", "sanctioned", "Jordan")),
    # leaving an agreement is a rejection, as breaking it is (relations.csv: broken)
    (
        "Iran backed out of its agreement with the United States.",
        ("Iran", "rejected", "United States"),
    ),
    ("Sudan walked away from its treaty with Chad.", ("Sudan", "rejected", "Chad")),
    ("Venezuela withdrew from its accord with Guyana.", ("Venezuela", "rejected", "Guyana")),
    # backing someone, and pulling troops out of a country, are what they were
    ("Egypt backed Sudan in the dispute.", ("Egypt", "supported", "Sudan")),
    ("Russia pulled its troops out of Georgia.", ("Russia", "retreatedFrom", "Georgia")),
]

NOT_GIVEN = [
    # a hostile act blocked or vetoed was never done
    ("Hungary blocked new EU sanctions on Russia.", ("European Union", "sanctioned", "Russia")),
    ("China vetoed UN sanctions on North Korea.", ("United Nations", "sanctioned", "North Korea")),
    # a halted attack is no attack
    ("Syria halted its attacks on Jordan last week.", ("Syria", "attacked", "Jordan")),
    ("Russia stopped its air strikes on Georgia.", ("Russia", "attacked", "Georgia")),
    ("Russia stopped its air strikes on Georgia.", ("Russia", "protested", "Georgia")),
    ("Syria stopped attacking Jordan last week.", ("Syria", "attacked", "Jordan")),
    ("Pakistan called off its offensive against India.", ("Pakistan", "attacked", "India")),
    # support stopped is no support
    ("Egypt stopped backing Sudan.", ("Egypt", "supported", "Sudan")),
    # ending a visit cuts no ties
    (
        "Russian President Vladimir Putin ended his visit to India on Friday.",
        ("Vladimir Putin", "sanctioned", "India"),
    ),
    ("Germany concluded its visit to Brazil.", ("Germany", "sanctioned", "Brazil")),
    ("Iran ended its talks with Iraq on Monday.", ("Iran", "sanctioned", "Iraq")),
    # a cancelled visit did not take place
    ("Iran cancelled a visit to Kuwait.", ("Iran", "visited", "Kuwait")),
    # a suspended or halted mediation is no talk between its parties
    (
        "Qatar suspended its mediation between Israel and Lebanon.",
        ("Israel", "negotiatedWith", "Lebanon"),
    ),
    (
        "Turkey halted its mediation between Armenia and Azerbaijan.",
        ("Armenia", "negotiatedWith", "Azerbaijan"),
    ),
    # a commitment reneged on, or a deal left, is no support, no agreement and no retreat
    ("Iran reneged on its commitment to France.", ("Iran", "supported", "France")),
    (
        "Iran backed out of its agreement with the United States.",
        ("Iran", "supported", "United States"),
    ),
    (
        "Iran backed out of its agreement with the United States.",
        ("Iran", "agreedWith", "United States"),
    ),
    ("Sudan walked away from its treaty with Chad.", ("Sudan", "agreedWith", "Chad")),
    ("Russia pulled out of the grain deal with Ukraine.", ("Russia", "retreatedFrom", "Ukraine")),
    ("Venezuela withdrew from its accord with Guyana.", ("Venezuela", "agreedWith", "Guyana")),
]


@pytest.mark.parametrize(("text", "triple"), GIVEN)
def test_stopped_gives_the_relation(text: str, triple: Triple) -> None:
    assert triple in events(text)


@pytest.mark.parametrize(("text", "triple"), NOT_GIVEN)
def test_stopped_activity_is_not_asserted(text: str, triple: Triple) -> None:
    assert triple not in events(text)
