"""Cue words for PLOVER categories that general news uses: each case is a sentence and the
event it must give, beside a near miss that must not give it.

The cues live in ``graphkit/lexicons/cues.json``; these sentences are written for the tests,
in the shapes of the PLOVER gold-standard records (mediation missions, a warm welcome, an
apology, lifting a blockade, accepting demands).
"""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_text

Triple = tuple[str, str, str]


def events(text: str) -> set[Triple]:
    """(subject, predicate, object) of the asserted event relations the sentence gives."""
    static = {"leaderOf", "officialOf", "memberOf", "locatedIn"}
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in extract_text(text).relations
        if r.evidence.modality == "asserted" and r.predicate not in static
    }


FOUND = [
    # a mediation mission between two parties is talks with each (CONSULT)
    (
        "Algeria sent a mediation mission between Mali and Niger last week.",
        ("Mali", "negotiatedWith", "Niger"),
    ),
    # giving someone a welcome is receiving them (CONSULT)
    (
        "Prime Minister Narendra Modi gave a warm welcome to President Joe Biden on Friday.",
        ("Narendra Modi", "metWith", "Joe Biden"),
    ),
    # apologizing to and forgiving another side are conciliatory words (SUPPORT)
    ("Japan apologized to South Korea for the remarks.", ("Japan", "praised", "South Korea")),
    ("Kenya forgave Uganda for the border incident.", ("Kenya", "praised", "Uganda")),
    # lifting or ending a blockade or siege is a military de-escalation (RETREAT)
    (
        "Azerbaijan lifted its blockade of Armenia on Tuesday.",
        ("Azerbaijan", "retreatedFrom", "Armenia"),
    ),
    ("Turkey ended its siege of Cyprus.", ("Türkiye", "retreatedFrom", "Cyprus")),
    # accepting another side's demands is yielding to it (CONCEDE)
    (
        "Serbia accepted demands from Kosovo for new elections.",
        ("Serbia", "conceded", "Kosovo"),
    ),
    # people sent to help are aid (AID)
    ("Japan sent doctors to Turkey after the earthquake.", ("Japan", "aided", "Türkiye")),
    # an envoy presenting credentials to a head of state meets them (CONSULT)
    (
        "The new French ambassador presented his credentials to President Cyril Ramaphosa.",
        ("France", "metWith", "Cyril Ramaphosa"),
    ),
    # halting or suspending negotiations breaks them off (SANCTION)
    ("Syria halted its negotiations with Israel.", ("Syria", "sanctioned", "Israel")),
    ("Syria suspended its negotiations with Israel.", ("Syria", "sanctioned", "Israel")),
    # a mediation effort between two sides is talks between them (CONSULT)
    (
        "Norway launched a mediation effort on Monday between Sudan and Chad.",
        ("Norway", "negotiatedWith", "Sudan"),
    ),
    # a protest staged with no target is aimed at the government where it happens (PROTEST)
    (
        "Thousands of students in Kenya staged demonstrations on Monday.",
        ("students in Kenya", "protested", "Kenya"),
    ),
    # a country's "side" is the country, as its delegation is (AGREE, REJECT)
    (
        "The Turkish and Greek sides agreed to share information on missing people.",
        ("Türkiye", "agreedWith", "Greece"),
    ),
    ("The Russian side rejected the proposal from Ukraine.", ("Russia", "rejected", "Ukraine")),
    # those "engaged in" or "involved in" an act did it (ASSAULT)
    (
        "Serb forces were engaged in ethnic cleansing in Montenegro.",
        ("Serbia", "attacked", "Montenegro"),
    ),
    # goods handed over are aid (AID)
    ("Japan handed over food supplies to Bangladesh.", ("Japan", "aided", "Bangladesh")),
    # what a protest demands is what it protests, aimed at whom it is addressed to (PROTEST)
    (
        "Serbian students held a march in Belgrade demanding the resignation of President"
        " Aleksandar Vucic.",
        ("Serbian students", "protested", "Aleksandar Vucic"),
    ),
    (
        "Egyptian protesters rioted on Friday, calling for the removal of President Hosni Mubarak.",
        ("Egyptian protesters", "protested", "Hosni Mubarak"),
    ),
    # people taken out of danger are helped (AID); troops taken out withdraw (RETREAT)
    (
        "The Red Cross evacuated 300 Ukrainian civilians from Mariupol.",
        ("Red Cross", "aided", "Ukrainian civilians"),
    ),
    ("Israel evacuated its troops from southern Lebanon.", ("Israel", "retreatedFrom", "Lebanon")),
    # a blockade, imposed or plural, is force short of violence, on a country or a place (COERCE)
    ("Saudi Arabia imposed a blockade on Qatar in 2017.", ("Saudi Arabia", "coerced", "Qatar")),
    ("The United States blockaded Cuba in 1962.", ("United States", "coerced", "Cuba")),
    ("Israel imposed blockades on Gaza.", ("Israel", "coerced", "Gaza")),
    # an organization's wing acts for it (REJECT, ASSAULT)
    ("The Hamas military wing rejected the offer from Egypt.", ("Hamas", "rejected", "Egypt")),
    ("The armed wing of Hamas fired rockets at Israel.", ("Hamas", "attacked", "Israel")),
    # defending someone against criticism backs them (SUPPORT)
    (
        "China defended Iran against criticism of its nuclear program.",
        ("China", "supported", "Iran"),
    ),
    # letting another side do something yields to it, also when the parse makes it the
    # subject of the infinitive (CONCEDE)
    ("Turkey allowed Sweden to join NATO.", ("Türkiye", "conceded", "Sweden")),
    ("Egypt allowed Hamas to reopen its office.", ("Egypt", "conceded", "Hamas")),
    # a mediation effort launched between two sides is talks with each, also when the parse
    # hangs "between" on the effort (CONSULT)
    (
        "Qatar launched a mediation effort on Saturday between the Emirates and Saudi Arabia.",
        ("Qatar", "negotiatedWith", "Saudi Arabia"),
    ),
    # a demand made in one's own voice stays a request (REQUEST)
    (
        "Georgian President Salome Zourabichvili called for the release of Mikheil Saakashvili.",
        ("Salome Zourabichvili", "requested", "Mikheil Saakashvili"),
    ),
]

NOT_FOUND = [
    # a welcome given to a plan is praise of the plan's author, not a meeting
    ("Egypt gave a warm welcome to the plan announced by Qatar.", "metWith"),
    # lifting a curfew eases a restriction (CONCEDE), it is no retreat
    ("Israel lifted a curfew on Gaza on Friday.", "retreatedFrom"),
    # accepting an offer agrees to it; only demands are yielded to
    ("Egypt accepted an invitation from Israel.", "conceded"),
    # talking of an apology demands one; it is no apology
    ("China demanded an apology from Japan.", "praised"),
    # a mission that is no mediation holds no talks
    ("Chad ended its peacekeeping mission between Sudan and Libya.", "negotiatedWith"),
    # inspectors and observers are sent to watch, not to help
    ("The United Nations sent weapons inspectors to Iraq on Monday.", "aided"),
    ("The OSCE sent election observers to Georgia.", "aided"),
    # presenting a letter is no meeting
    (
        "The French ambassador presented a letter to President Cyril Ramaphosa.",
        "metWith",
    ),
    # negotiations halted are no negotiations; resumed ones are
    ("Syria halted its negotiations with Israel.", "negotiatedWith"),
    ("Syria resumed its negotiations with Israel.", "sanctioned"),
    # what is launched is an attack only when it is one
    ("Egypt and France launched ten days of naval exercises in the Mediterranean.", "attacked"),
    ("Norway launched a mediation effort on Monday between Sudan and Chad.", "attacked"),
    # a protest staged with no target and no place is aimed at no one
    ("Kenyan students staged a protest on Monday.", "protested"),
    # nor is one staged abroad, or by people of another country: not aimed at the host
    ("Ukrainians staged a protest in Berlin on Monday.", "protested"),
    ("Ukrainians in Germany staged a protest on Monday.", "protested"),
    # a strike staged against a named target is aimed at it, not at the country it is in
    ("Workers in Peru staged a strike against Glencore.", "protested Peru"),
    # a person handed over is extradited, not given as aid
    ("Kenya handed over the rebel commander Joseph Kony to Uganda.", "aided"),
    # evacuating one's citizens from a country is no withdrawal from it, nor aid to it
    ("India evacuated its citizens from Sudan.", "retreatedFrom"),
    ("India evacuated its citizens from Sudan.", "aided Sudan"),
    # a blockade is no sanction, and a blockade lifted is none at all
    ("Saudi Arabia imposed a blockade on Qatar in 2017.", "sanctioned"),
    ("Azerbaijan lifted its blockade of Armenia on Tuesday.", "coerced"),
    # a wing with no owner named stands for no one
    ("The military wing rejected the offer from Egypt.", "rejected"),
    # an act someone speaks or acts against is not their own
    ("China defended Iran against criticism of its nuclear program.", "criticized"),
    ("Russia warned against sanctions on Iran.", "sanctioned"),
    ("Hamas retaliated against Israeli strikes on Gaza.", "attacked Israel"),
    # letting talks go on yields to no one
    ("Egypt allowed the talks with Israel to resume in Cairo.", "conceded"),
    # a protest's demand is no separate request
    (
        "Serbian students held a march in Belgrade demanding the resignation of President"
        " Aleksandar Vucic.",
        "requested",
    ),
    # a rally's plea to a foreign body is no protest against it
    (
        "Thousands of Georgians rallied in Tbilisi urging the European Union to grant candidate"
        " status.",
        "protested European Union",
    ),
    # negotiators going back to a city yield nothing
    ("Iranian and American negotiators returned to Vienna on Monday.", "conceded"),
]


@pytest.mark.parametrize(("text", "triple"), FOUND)
def test_cues_plover_found(text: str, triple: Triple) -> None:
    assert triple in events(text)


@pytest.mark.parametrize(("text", "predicate"), NOT_FOUND)
def test_cues_plover_near_miss(text: str, predicate: str) -> None:
    # "protested Peru": the predicate with that object
    predicate, _, target = predicate.partition(" ")
    assert not {p for _, p, o in events(text) if p == predicate and target in ("", o)}
