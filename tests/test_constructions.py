"""Constructions as data: each construction of ``constructions.json`` fires on a sentence and
not on its near miss, ``supersedes`` decides between two that fit one verb, a bad entry is a
one-line error, and a new construction is an edit of the file alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Token

from graphkit.constructions import load_constructions
from graphkit.errors import InputError
from graphkit.extract.rewrites import TESTS, construe, fits, not_this_cue, rewritten_cue
from graphkit.lexicon import Cue
from graphkit.nlp import load_nlp

PACKAGE_LEXICONS = Path(__file__).resolve().parent.parent / "graphkit" / "lexicons"
TEST_NAMES = frozenset(TESTS)


def _verb(text: str, lemma: str) -> Token:
    return next(t for t in load_nlp()(text) if t.lemma_ == lemma)


def _cue(relation: str, lemma: str) -> Cue:
    return Cue(relation, lemma, "verb", ("dobj",))


FIRES = [
    ("arrested", "seize", "Rebel fighters seized the town of Goma on Sunday.", "attacked"),
    ("arrested", "seize", "Rebels seized control of the city overnight.", "attacked"),
    ("arrested", "seize", "The rebels seized Benghazi on Sunday.", "attacked"),
    ("aided", "send", "Russia sent troops into Georgia in 2008.", "attacked"),
    ("aided", "give", "Ecuador gave the ambassador 48 hours to leave the country.", "expelled"),
    ("rejected", "block", "Farmers blocked roads in Brussels.", "protested"),
    ("rejected", "block", "Workers blocked the Europe Bridge for three hours.", "protested"),
    ("rejected", "block", "The EU voted to block financial assistance to Iran.", None),
    ("rejected", "refuse", "Trump refused to rule out force against Panama.", "threatened"),
    ("rejected", "oppose", "Vietnam opposes China's acts of violence.", "criticized"),
    ("aided", "send", "Malaysia sent negotiators to Kuala Lumpur.", None),
    ("cooperatedWith", "share", "France shared its views on the crisis with Germany.", None),
    ("aided", "send", "Sweden sent the refugees back to Bulgaria.", None),
    ("arrested", "hold", "Russia held talks with Ukraine in Istanbul.", None),
    ("rejected", "push", "Polish border guards pushed 300 migrants back into Belarus.", "deported"),
    ("rejected", "push", "Ukrainian troops pushed Russian forces back over the river.", "attacked"),
    ("spokeWith", "call", "Beijing called the move reckless.", None),
    ("threatened", "warn", "Iran warned of heavy rain.", None),
    (
        "threatened",
        "warn",
        "France warned Ivory Coast that no military solution was possible.",
        None,
    ),
    ("visited", "land", "Russian forces landed in Crimea.", None),
    (
        "attacked",
        "launch",
        "Norway launched a mediation effort on Monday between Sudan and Chad.",
        "negotiatedWith",
    ),
    (
        "attacked",
        "launch",
        "Qatar launched a mediation effort on Saturday between the Emirates and Saudi Arabia.",
        "negotiatedWith",
    ),
    ("attacked", "launch", "Greece launched two weeks of naval exercises in the Aegean.", None),
    ("conceded", "return", "Iranian diplomats returned to Vienna on Monday.", None),
    ("supported", "back", "Iran backed out of the deal with France.", None),
    ("supported", "approve", "Colombia approved the extradition of Joaquin Guzman.", None),
    ("aided", "send", "Biden sent Ambassador Bridget Brink to Kyiv.", None),
    (
        "requested",
        "order",
        "López Obrador ordered all Mexican diplomatic staff home from Ecuador.",
        "expelled",
    ),
    ("requested", "order", "Russia ordered its ambassador home from Washington.", "expelled"),
    ("retreatedFrom", "pull", "Russia pulled out of the grain deal with Ukraine.", None),
    ("retreatedFrom", "withdraw", "Iran withdrew from its commitments to France.", None),
    ("extradited", "hand", "Japan handed over 300 tons of rice to Bangladesh.", "aided"),
    (
        "requested",
        "demand",
        "Serbian students held a march in Belgrade demanding the resignation of President Vucic.",
        "protested",
    ),
    (
        "requested",
        "call",
        "Egyptian protesters rioted on Friday, calling for Mubarak's removal.",
        "protested",
    ),
    ("retreatedFrom", "evacuate", "The Red Cross evacuated 300 civilians from Mariupol.", "aided"),
    ("retreatedFrom", "withdraw", "Saudi Arabia withdrew its ambassador from Qatar.", "expelled"),
    ("coerced", "force", "Russia forced the BBC out of the country.", "expelled"),
]
NEAR_MISSES = [
    ("arrested", "seize", "Police seized the smugglers on Sunday."),
    ("aided", "send", "France sent troops to Mali in 2013."),
    ("aided", "give", "Ecuador gave the ambassador 48 hours of talks."),
    ("aided", "send", "Malaysia sent food to Kuala Lumpur."),
    ("cooperatedWith", "share", "France shared intelligence with Germany."),
    ("rejected", "block", "Hungary blocked the resolution on Ukraine."),
    ("rejected", "push", "Poland pushed back against the criticism from Belarus."),
    ("arrested", "hold", "Yang Hengjun has been held in China since 2019."),
    ("rejected", "refuse", "Trump refused to rule out a visit to Panama."),
    ("rejected", "oppose", "Vietnam opposes China's claims in the sea."),
    ("spokeWith", "call", "Macron called Putin on Monday."),
    ("threatened", "warn", "Iran warned of a harsh response to any attack."),
    ("threatened", "warn", "France warned Ivory Coast that it would take military action."),
    ("attacked", "launch", "Russia launched a new offensive against Ukraine."),
    ("attacked", "launch", "Hamas launched dozens of rockets at Israel."),
    ("conceded", "return", "Japan returned the islands to Russia."),
    ("conceded", "return", "Iran returned to the nuclear deal on Monday."),
    ("supported", "back", "Iran backed France in the dispute."),
    ("supported", "approve", "Germany approved the delivery of tanks to Ukraine."),
    ("requested", "order", "Russia ordered its troops to advance from Kherson."),
    ("retreatedFrom", "pull", "Russia pulled out of Georgia after the deal."),
    ("retreatedFrom", "withdraw", "Israel withdrew from Gaza under the truce."),
    ("extradited", "hand", "Kenya handed over the rebel commander to Uganda."),
    ("requested", "urge", "Thousands of Georgians rallied in Tbilisi urging the EU to act."),
    ("requested", "demand", "The opposition leader demanded the resignation of President Vucic."),
    ("retreatedFrom", "evacuate", "Israel evacuated its troops from southern Lebanon."),
    ("retreatedFrom", "withdraw", "Israel withdrew its troops from Gaza."),
    ("coerced", "force", "Israel forced Palestinians out of their homes."),
    ("visited", "land", "Chinese President Xi Jinping landed in Moscow on Monday."),
]


@pytest.mark.parametrize(("relation", "lemma", "text", "becomes"), FIRES)
def test_constructions_each_fires_on_its_sentence(
    relation: str, lemma: str, text: str, becomes: str | None
) -> None:
    found = construe(_verb(text, lemma), _cue(relation, lemma))
    assert (found and found.relation) == becomes


@pytest.mark.parametrize(("relation", "lemma", "text"), NEAR_MISSES)
def test_constructions_leave_the_near_miss_alone(relation: str, lemma: str, text: str) -> None:
    cue = _cue(relation, lemma)
    assert construe(_verb(text, lemma), cue) == cue


def test_constructions_every_one_is_tried_by_a_sentence() -> None:
    registry = load_constructions(tests=TEST_NAMES)
    assert sum(len(group) for group in registry.values()) == len(FIRES) - 10  # three for ground,
    # two for leaving a pact, two for a protest's demand, two for a mediation launched, two for
    # a way blocked, three for people sent, two for envoys ordered home, two for a warning of
    # nothing hostile


def test_constructions_move_the_object_to_the_new_slots() -> None:
    invaded = construe(_verb("Russia sent troops into Georgia.", "send"), _cue("aided", "send"))
    assert invaded is not None and invaded.slots == ("into",)
    verb = _verb("Vietnam opposes China's acts of violence.", "oppose")
    criticized = construe(verb, Cue("rejected", "oppose", "verb", ("dobj", "to")))
    assert criticized is not None and criticized.slots == ("dobj", "to")  # kept


def test_constructions_not_has_asks_that_no_child_fits() -> None:
    # a return to a place concedes nothing; with a direct object something is given back
    (rule,) = load_constructions(tests=TEST_NAMES)["conceded"]
    went = _verb("Iranian diplomats returned to Vienna on Monday.", "return")
    gave = _verb("Iran returned the tanker to Vienna on Monday.", "return")
    assert fits(went, rule.verbs[0]) and not fits(gave, rule.verbs[0])


def test_constructions_head_asks_what_the_verb_hangs_from() -> None:
    # a demand voiced by a march is the march's; one made in the speaker's own voice is not
    rules = {c.name: c for c in load_constructions(tests=TEST_NAMES)["requested"]}
    rule = rules["demands_of_a_protest"]
    marched = _verb("Students marched in Belgrade demanding new elections.", "demand")
    spoke = _verb("Students said in Belgrade they demanded new elections.", "demand")
    assert any(fits(marched, p) for p in rule.verbs)
    assert not any(fits(spoke, p) for p in rule.verbs)


def test_constructions_a_dropped_cue_is_not_this_cue() -> None:
    verb = _verb("Malaysia sent negotiators to Kuala Lumpur.", "send")
    cue = _cue("aided", "send")
    assert rewritten_cue(verb, cue) == cue and not_this_cue(verb, cue)


def test_constructions_supersedes_decides_between_two_that_fit() -> None:
    # troops sent "into" Georgia, and hours given to leave: both of "aided" fit this verb
    verb = _verb("Russia sent troops into Georgia and 48 hours to leave.", "send")
    aided = {c.name: c for c in load_constructions(tests=TEST_NAMES)["aided"]}
    assert any(fits(verb, p) for p in aided["sends_forces_into"].verbs)
    assert any(fits(verb, p) for p in aided["deadline_to_leave"].verbs)
    assert "deadline_to_leave" in aided["sends_forces_into"].supersedes
    found = construe(verb, _cue("aided", "send"))
    assert found is not None and found.relation == "attacked"


def _lexicons(tmp_path: Path, **entries: Any) -> Path:
    """A copy of the package's lexicon folder with ``entries`` set in constructions.json
    (None removes one)."""
    folder = tmp_path / "lexicons"
    shutil.copytree(PACKAGE_LEXICONS, folder)
    path = folder / "constructions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for name, entry in entries.items():
        if entry is None:
            del data[name]
        else:
            data[name] = entry
    path.write_text(json.dumps(data), encoding="utf-8")
    return folder


WARSHIPS = {
    "from": "aided",
    "verb": {"lemma": ["send"], "has": [{"deps": ["dobj"], "lemma": ["warship"]}]},
    "becomes": "threatened",
    "object": ["to"],
    "supersedes": ["sends_forces_into"],
}


def test_constructions_a_new_one_is_a_data_change(tmp_path: Path) -> None:
    registry = load_constructions(_lexicons(tmp_path, sends_warships=WARSHIPS), TEST_NAMES)
    verb = _verb("China sent warships to the Philippines.", "send")
    assert construe(verb, _cue("aided", "send")) == _cue("aided", "send")
    found = construe(verb, _cue("aided", "send"), registry)
    assert found == Cue("threatened", "send", "verb", ("to",))
    assert [c.name for c in registry["aided"]][:2] == ["sends_warships", "sends_forces_into"]


def test_constructions_precedence_follows_supersedes_not_file_order(tmp_path: Path) -> None:
    # the same two constructions, the one that wins now superseded by the other
    swapped = {
        "sends_forces_into": None,
        "deadline_to_leave": None,
    }
    folder = _lexicons(tmp_path, **swapped)
    data = json.loads((PACKAGE_LEXICONS / "constructions.json").read_text(encoding="utf-8"))
    data["deadline_to_leave"]["supersedes"] = ["sends_forces_into"]
    data["sends_forces_into"]["supersedes"] = ["sends_no_aid"]
    (folder / "constructions.json").write_text(json.dumps(data), encoding="utf-8")
    registry = load_constructions(folder, TEST_NAMES)
    verb = _verb("Russia sent troops into Georgia and 48 hours to leave.", "send")
    found = construe(verb, _cue("aided", "send"), registry)
    assert found is not None and found.relation == "expelled"


BAD = [
    (
        {"opposes_deeds": {"from": "rejected", "becomes": "criticized", "verbs": {}}},
        "opposes_deeds",
        'unknown key "verbs"',
    ),
    (
        {
            "opposes_deeds": {
                "from": "rejected",
                "becomes": "criticized",
                "verb": {"lemma_in": ["deed_nounz"]},
            }
        },
        "opposes_deeds",
        'no word class "deed_nounz"; add it to word_classes.json',
    ),
    (
        {"opposes_deeds": {"from": "rejected", "becomes": "criticised"}},
        "opposes_deeds",
        'no relation "criticised"; use a name of ontology/relations.csv',
    ),
    (
        {"opposes_deeds": {"from": "rejected", "becomes": "criticized", "verb": {"has": {}}}},
        "opposes_deeds",
        '"has" must be a list of patterns',
    ),
    (
        {"calls_it_names": {"from": "spokeWith", "becomes": None, "verb": {"tests": ["names"]}}},
        "calls_it_names",
        'no test "names"; use one of labels_verb',
    ),
    (
        {"sends_warships": {**WARSHIPS, "supersedes": []}},
        "sends_no_aid",
        'neither it nor "sends_warships" supersedes the other; name one',
    ),
    (
        {"sends_warships": {**WARSHIPS, "supersedes": ["sends_troops"]}},
        "sends_warships",
        'it supersedes "sends_troops", no construction from "aided"',
    ),
    (
        {"sends_no_aid": {"from": "aided", "becomes": None, "supersedes": ["sends_forces_into"]}},
        "sends_forces_into",
        "one of them must win",
    ),
    ({"sends_no_aid": {"becomes": None}}, "sends_no_aid", 'give "from"'),
    (
        {
            "undoes_attack": {
                "from": "attacked",
                "becomes": "arrested",
                "verb": {"lemma": ["seize"]},
            }
        },
        "takes_ground",
        'its rewrites lead from "arrested" back to it; one of them must go',
    ),
    (
        {"returns_to_a_place": {"from": "conceded", "becomes": None, "verb": {"not_has": {}}}},
        "returns_to_a_place",
        '"not_has" must be a list of patterns',
    ),
    (
        {"opposes_deeds": {"from": "rejected", "becomes": "criticized", "verb": {"either": []}}},
        "opposes_deeds",
        'unknown pattern key "either"',
    ),
]


@pytest.mark.parametrize(("entries", "name", "fix"), BAD)
def test_constructions_a_bad_entry_is_a_one_line_error(
    tmp_path: Path, entries: dict[str, Any], name: str, fix: str
) -> None:
    folder = _lexicons(tmp_path, **entries)
    with pytest.raises(InputError) as caught:
        load_constructions(folder, TEST_NAMES)
    message = str(caught.value)
    assert "\n" not in message
    assert str(folder / "constructions.json") in message
    assert f"construction {name!r}" in message
    assert fix in message


def test_constructions_a_file_that_is_no_json_is_named(tmp_path: Path) -> None:
    folder = _lexicons(tmp_path)
    (folder / "constructions.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"cannot read the constructions in .*constructions\.json"):
        load_constructions(folder, TEST_NAMES)
