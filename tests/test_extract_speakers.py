"""Who "we" is, and "the leaders" after two people named together: one line per case.

A government's statement or readout speaks for that government; a quotation for whoever is
quoted; a reporter's own "we" for no one. Each class has texts of the same shape that must not
give the relation.
"""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_text

Triple = tuple[str, str, str]
STATIC = {"leaderOf", "officialOf", "memberOf", "locatedIn"}

STATEMENT = "Press Statement\nMaria Lund\nDepartment Spokesperson\nWashington, DC\nMay 2, 2021\n\n"
READOUT = "Readout of a Call\n\nThe below is attributable to Spokesperson Tom Ray:\n\n"
NEWS = "Ceasefire Holds in Gaza\n\nBy Ann Lee\n\n"


def events(text: str) -> set[Triple]:
    """(subject, predicate, object) of the asserted event relations, static ones left out."""
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in extract_text(text).relations
        if r.evidence.modality == "asserted" and r.predicate not in STATIC
    }


FOUND = [
    # a statement's "we" is the government that issues it (the spokesperson's, its dateline's)
    (STATEMENT + "We commend Kenya's security forces.", ("United States", "praised", "Kenya")),
    (
        STATEMENT + "We call on Hamas to release the hostages.",
        ("United States", "requested", "Hamas"),
    ),
    (
        READOUT + "Secretary of State Antony Blinken spoke with Foreign Minister Penny Wong. "
        "We strongly condemn the Houthi attacks on shipping.",
        ("United States", "criticized", "Houthis"),
    ),
    # the government the text itself names as speaking, when no dateline tells
    (
        "Attack in Mogadishu\n\nPress Statement\n\nThe United States condemns the attack. "
        "We commend Somalia's security forces.",
        ("United States", "praised", "Somalia"),
    ),
    # an embassy's comment on a heading line speaks for its government
    (
        "Comment from U.S. Embassy Moscow on the expulsions\n\nWe have voiced our strong "
        "protest of the Russian government's attempts to harass our employees.",
        ("United States", "protested", "Russia"),
    ),
    # a quotation's "we" is whoever is quoted, in a statement or in the news
    (NEWS + '"We condemn Israel," Hamas said on Monday.', ("Hamas", "criticized", "Israel")),
    (
        STATEMENT + '"We condemn Israel," Hamas said on Monday.',
        ("Hamas", "criticized", "Israel"),
    ),
    (
        "We are today imposing sanctions on the Government of Burma, said Adam Szubin.",
        ("Adam Szubin", "sanctioned", "Myanmar"),
    ),
    # "US" is the country's initials, not "us"
    (
        NEWS + "The US rejected calls by Annan to adopt the reforms.",
        ("United States", "rejected", "Annan"),
    ),
    # a quoted spokesperson's "both sides": the pair most events joined, states before a group
    (
        "Pakistan struck Afghanistan on Monday. Afghanistan attacked Pakistan. Pakistan deported "
        "Afghans to Afghanistan. Pakistan asked the Taliban to act. Pakistan warned the Taliban. "
        "Pakistan threatened the Taliban. The European Union and Japan announced aid. "
        '"We call on both sides to resolve their differences," a State Department spokesperson '
        "said.",
        ("United States", "requested", "Afghanistan"),
    ),
    # "the leaders" after two people joined by "and": that pair
    (
        "Secretary Blinken and Foreign Minister Wong met in Tokyo. The leaders called for Hamas "
        "to release all hostages.",
        ("Penny Wong", "requested", "Hamas"),
    ),
    (
        "Macron and Scholz met in Berlin. The leaders urged Russia to withdraw its troops.",
        ("Scholz", "requested", "Russia"),
    ),
]


@pytest.mark.parametrize("text, triple", FOUND)
def test_extract_speakers_found(text: str, triple: Triple) -> None:
    found = events(text)
    names = {(s.split()[-1], p, o.split()[-1]) for s, p, o in found}
    assert (triple[0].split()[-1], triple[1], triple[2].split()[-1]) in names, found


NOT_FOUND = [
    # a reporter's own "we" in a news article, and an article with no issuer: no one
    (NEWS + "We condemn Hamas, as we reported on Monday.", ("", "criticized", "Hamas")),
    ("Israel and Hamas fought for a week. We condemn Hamas.", ("", "criticized", "Hamas")),
    # a quotation of Hamas in a statement is not the issuer's
    (STATEMENT + '"We will fight Israel," Hamas said.', ("United States", "", "Israel")),
    # "the leaders" with a modifier of their own names other people
    (
        "Macron and Scholz met in Berlin. The Gulf leaders urged Russia to withdraw its troops.",
        ("Scholz", "requested", "Russia"),
    ),
    # "the leaders" three sentences on is too far back
    (
        "Macron and Scholz met in Berlin. The talks lasted an hour. Trade was on the agenda. "
        "The leaders urged Russia to withdraw its troops.",
        ("Scholz", "requested", "Russia"),
    ),
]


@pytest.mark.parametrize("text, unwanted", NOT_FOUND)
def test_extract_speakers_not_found(text: str, unwanted: Triple) -> None:
    found = events(text)
    s, p, o = unwanted
    assert not [
        t
        for t in found
        if (not s or t[0].endswith(s)) and (not p or t[1] == p) and t[2].endswith(o)
    ], found


OFFICES = [
    # a spokesperson on a statement's heading lines serves the government issuing it, not the
    # country the statement speaks of
    (
        "The following is attributable to Spokesperson Heather Nauert:\n\nOn July 21, Secretary "
        "Pompeo spoke with Russian Foreign Minister Sergey Lavrov. Russia had violated its "
        "commitment in Syria.",
        ("Heather Nauert", "officialOf", "United States"),
        ("Heather Nauert", "officialOf", "Russia"),
    ),
    # a spokesperson's sentence is no heading: the country it names is not the issuer
    (
        "Spokesperson Jane Roe said Iran must stop.\n\nWe call on Iran to stop.",
        ("", "", ""),
        ("Jane Roe", "officialOf", "Iran"),
    ),
]


@pytest.mark.parametrize("text, wanted, unwanted", OFFICES)
def test_extract_speakers_spokesperson_office(text: str, wanted: Triple, unwanted: Triple) -> None:
    found = {(r.subject.name, r.predicate, r.object.name) for r in extract_text(text).relations}
    assert (wanted in found or not wanted[0]) and unwanted not in found, found
