"""Page furniture: bylines, datelines, navigation, link and share lines, section names, photo
credits, menus, labels and a cut-off end are not read as article text; "&" between two titled
names makes two actors. Every page here is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.entity_spans import clean_ents
from graphkit.ingest import guess_title, read_articles
from graphkit.ingest.furniture import (
    Rule,
    find_dateline,
    furniture_kind,
    furniture_rules,
    is_running_text,
    strip_furniture,
)
from graphkit.nlp import load_nlp
from graphkit.pipeline import extract_articles
from graphkit.records import ArticleResult

PAGE = """Skip to main content

Accessibility links

WORLD

Iran and Iraq sign a border deal

Ahmed Hassan - World News Editor

TEHRAN, Iran (AP) — Iranian Foreign Minister Abbas Araghchi met his Iraqi counterpart Fuad \
Hussein on Sunday and signed a border agreement.

Read More: Kenya recalls its ambassador from Uganda

The two ministers said the deal would help trade.

(Photo: Vahid Salemi/AP)

Share this

Back to top
"""


@pytest.mark.parametrize("rule", furniture_rules(), ids=lambda rule: f"{rule.kind}-{rule.name}")
def test_furniture_each_pattern_matches_its_example(rule: Rule) -> None:
    kind, pattern, example = rule.kind, rule.pattern, rule.example
    assert example, "each row of furniture.csv gives an example line"
    if kind == "strip":
        found = pattern.search(example)
    else:
        found = pattern.match(example) if kind == "dateline" else pattern.fullmatch(example)
    assert found is not None


@pytest.mark.parametrize(
    "line, kind",
    [
        ("By Jane Doe", "byline"),
        ("By JANE DOE and JOHN ROE, Associated Press", "byline"),
        ("Written by John Smith", "byline"),
        ("Jane Doe | VOA News", "byline"),
        ("Ahmed Hassan - World News Editor", "byline"),
        ("Maria Lopez, Reuters", "byline"),
        ("Read More", "link"),
        ("READ MORE: Kenya recalls its ambassador from Uganda", "link"),
        ("Related: Ethiopia hosts talks with Eritrea", "link"),
        ("Also read: Saudi Arabia praises Qatar", "link"),
        ("Click here to subscribe to our newsletter", "link"),
        ("Skip to main content", "nav"),
        ("Breaking News", "nav"),
        ("Back to top", "nav"),
        ("Share this article", "share"),
        ("Share on Facebook | Twitter | Email", "share"),
        ("We use cookies to give you the best experience on our site.", "notice"),
        ("Sign up for our weekly newsletter", "notice"),
        ("Leave a Comment", "notice"),
        ("POLITICS", "section"),
        ("World / Middle East", "section"),
        ("(Photo: Vahid Salemi/AP)", "photo"),
        ("Image source, Getty Images", "photo"),
        ("Home | World | Politics | Business | Sport", "menu"),
        ("Home > News > Africa > Sudan", "menu"),
        ("Tags: Iran, Iraq, diplomacy", "label"),
        ("(Archived Content)", "label"),
        ("Audio aired 13 October 2008 (0.99 MB) - Download (MP3)", "notice"),
    ],
)
def test_furniture_lines_are_recognised(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the talks between Sudan and Chad had collapsed.",
        "Related talks between Ethiopia and Eritrea stalled in March.",
        "Egypt's foreign ministry condemned the attack on Khartoum on Monday.",
        "Watch groups said the vote was fair.",
        "Iran and Iraq sign a border deal",
        "Chad, Sudan Leaders Trade Accusations",
        "The photo, taken in Gaza, showed the damage.",
        "Subscribers to the service in Kenya can now pay by phone.",
        "Source: Ned Price, Department Spokesperson",  # who issued the statement
        "South Sudan Information Minister Michael Makuei said there was no reason to talk.",
        "Chad, Sudan, Niger, Mali, Benin, Togo and Ghana signed the pact on Monday in Accra, "
        "the capital of Ghana, where the ministers of Senegal, Gambia, Liberia and Guinea "
        "had met in March, officials of the bloc said on Tuesday, adding that more will come.",
    ],
)
def test_furniture_article_lines_are_kept(line: str) -> None:
    assert furniture_kind(line) == ""
    assert strip_furniture(f"Egypt condemned the attack.\n\n{line}\n\nIt urged calm.").removed == ()


@pytest.mark.parametrize(
    "line, place, alone",
    [
        ("JERUSALEM — Israel struck targets in Gaza.", "JERUSALEM", False),
        ("TEHRAN, Iran (AP) — Iran said so.", "TEHRAN, Iran", False),
        ("WASHINGTON -", "WASHINGTON", True),
        ("BOGOTÁ, May 5 (Reuters) — Petro met Trump.", "BOGOTÁ", False),
        ("UNITED NATIONS -- Russia vetoed the resolution.", "UNITED NATIONS", False),
        ("Washington – Today, the Treasury designated ten officials.", "Washington", False),
        ("U.S.-led forces struck the port.", "", False),
        ("NATO Secretary General Jens Stoltenberg - who met Putin - spoke.", "", False),
    ],
)
def test_furniture_datelines(line: str, place: str, alone: bool) -> None:
    assert find_dateline(line) == (place, alone if place else False)


def test_furniture_page_is_cleaned_and_keeps_its_dateline() -> None:
    cleaned = strip_furniture(PAGE)
    assert cleaned.text.startswith("Iran and Iraq sign a border deal\n\nTEHRAN, Iran (AP) —")
    assert cleaned.text.rstrip().endswith("The two ministers said the deal would help trade.")
    for gone in ("Ahmed Hassan", "Read More", "Kenya", "Photo", "Share", "WORLD", "Skip"):
        assert gone not in cleaned.text
    assert cleaned.dateline == "TEHRAN, Iran"
    assert guess_title(cleaned.text) == "Iran and Iraq sign a border deal"


def test_furniture_caption_keeps_its_text_without_its_markers() -> None:
    page = (
        "Egypt condemned the attack.\n\n"
        "FILE - Sudanese soldiers stand guard in Khartoum, April 20, 2023. (AP Photo/Marwan Ali)\n"
    )
    cleaned = strip_furniture(page)
    assert cleaned.text == (
        "Egypt condemned the attack.\n\n"
        "Sudanese soldiers stand guard in Khartoum, April 20, 2023.\n"
    )
    assert cleaned.removed == ("FILE -", "(AP Photo/Marwan Ali)")


def test_furniture_clean_text_is_unchanged() -> None:
    text = "Petro meets Trump\n\nMay 5, 2022\n\nPetro met Trump.\n\n\nThey talked.\n"
    assert strip_furniture(text).text == text
    assert strip_furniture(text).removed == ()


def test_furniture_lone_dateline_joins_its_paragraph() -> None:
    cleaned = strip_furniture("Egypt condemns attack\n\nCAIRO —\n\nEgypt condemned the attack.")
    assert cleaned.text == "Egypt condemns attack\n\nCAIRO — Egypt condemned the attack."
    assert cleaned.dateline == "CAIRO"


def test_furniture_press_release_place_line() -> None:
    page = (
        "U.S. Condemns Attack\n\nPress Statement\nJen Psaki\nDepartment Spokesperson\n"
        "Washington, DC\nDecember 24, 2014\n\nThe United States condemns the attack.\n"
    )
    cleaned = strip_furniture(page)
    assert cleaned.dateline == "Washington, DC"
    assert "Washington, DC" not in cleaned.text
    assert "Press Statement" not in cleaned.text
    assert "Jen Psaki\nDepartment Spokesperson" in cleaned.text  # a signature, not a byline
    # a place line that is no press release's (no date line beside it) is text
    assert strip_furniture("Talks\n\nIslamabad, Pakistan\n\nThey met.").dateline == ""


def test_furniture_headline_label_gives_the_title() -> None:
    page = "Tags: Russia\n\nHeadline: Pompeo calls Lavrov\n\nBody."
    cleaned = strip_furniture(page)
    assert cleaned.title == "Pompeo calls Lavrov"
    assert cleaned.text == "Pompeo calls Lavrov\n\nBody."


def test_furniture_cut_off_end_is_dropped() -> None:
    page = "Egypt condemned the attack. Officials from the Ministry of Welfare and Soci"
    cleaned = strip_furniture(page)
    assert cleaned.text == "Egypt condemned the attack."
    assert cleaned.removed == ("Officials from the Ministry of Welfare and Soci",)
    # a fragment on a line of its own is cut too, but not a signature or a source line
    cut = strip_furniture("Egypt condemned the attack.\n\nThe Ministry of Welfare and Soci")
    assert cut.text == "Egypt condemned the attack."
    signed = "Egypt condemned the attack.\n\nSource: Ned Price, Department Spokesperson"
    assert strip_furniture(signed).text == signed
    # a text without any finished sentence is left alone
    assert strip_furniture("Petro met Trump").text == "Petro met Trump"


@pytest.mark.parametrize(
    "page, title",
    [
        (
            "Accessibility links\n\nBreaking News\n\nChad, Sudan Trade Accusations\n\nBody.",
            "Chad, Sudan Trade Accusations",
        ),
        (
            "The White House\n\nOffice of the Press Secretary\n\n"
            "Readout of the President's Call with Prime Minister Cameron\n\nBody.",
            "Readout of the President's Call with Prime Minister Cameron",
        ),
        (
            "News / Africa\n\nSouth Sudan Government, Rebels Resume Talks\n\nBody.",
            "South Sudan Government, Rebels Resume Talks",
        ),
        (
            "Skip Links\nPress Releases\nTreasury Sanctions Ten Officials\n\nBody.",
            "Treasury Sanctions Ten Officials",
        ),
    ],
)
def test_furniture_title_is_the_headline(tmp_path: Path, page: str, title: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    [article] = read_articles(path)
    assert article.title == title


def test_furniture_article_record_has_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_articles(path)
    assert article.dateline == "TEHRAN, Iran"
    assert article.title == "Iran and Iraq sign a border deal"
    assert "Ahmed Hassan" not in article.text


def test_furniture_json_record_is_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": "By Jane Doe\\n\\nCAIRO — Egypt condemned the attack."}')
    [article] = read_articles(path)
    assert article.text == "CAIRO — Egypt condemned the attack."
    assert article.dateline == "CAIRO"


def test_furniture_running_text() -> None:
    assert is_running_text("the presidency said, adding that talks would resume,")
    assert not is_running_text("Iran and Iraq sign a border deal")


# -- what the extractor makes of a page (the model) --------------------------------------------


@pytest.fixture(scope="module")
def page_result(tmp_path_factory: pytest.TempPathFactory) -> ArticleResult:
    folder = tmp_path_factory.mktemp("pages")
    path = folder / "page.txt"
    path.write_text(
        PAGE + "\nPOLITICS\nBy Jane Doe\nJane Doe | VOA News\nWritten by John Smith\nCAIRO —\n"
        "Egypt's foreign ministry condemned the attack on Khartoum on Monday.\n"
        "Related: Ethiopia hosts talks with Eritrea\nAlso read: Saudi Arabia praises Qatar\n"
        "FILE - Sudanese soldiers stand guard in Khartoum. (AP Photo/Marwan Ali)\n"
        "Officials from the Ministry of Welfare and Soci",
        encoding="utf-8",
    )
    [article] = read_articles(path)
    return next(extract_articles([article]))


def test_furniture_makes_no_actors(page_result: ArticleResult) -> None:
    names = {entity.name for entity in page_result.entities}
    for furniture in ("Ahmed Hassan", "Jane Doe", "John Smith", "VOA News", "Vahid Salemi", "AP"):
        assert not any(furniture in name for name in names), names
    for other_story in ("Kenya", "Uganda", "Ethiopia", "Eritrea", "Saudi Arabia", "Qatar"):
        assert other_story not in names
    assert not any("Welfare" in name for name in names)
    assert "TEHRAN" not in names and "CAIRO" not in names  # datelines are no place actors
    assert {"Abbas Araghchi", "Fuad Hussein"} <= names


def test_furniture_makes_no_relations(page_result: ArticleResult) -> None:
    pairs = {frozenset((r.subject.name, r.object.name)) for r in page_result.relations}
    assert frozenset(("Kenya", "Uganda")) not in pairs
    assert frozenset(("Abbas Araghchi", "Fuad Hussein")) in pairs


@pytest.mark.parametrize(
    "text, names",
    [
        ("President Duterte & PM Modi met in Manila on Tuesday.", ["Duterte", "Modi"]),
        ("Johnson & Johnson signed a deal with Pfizer.", ["Johnson & Johnson"]),
    ],
)
def test_furniture_ampersand_between_titled_names(text: str, names: list[str]) -> None:
    doc = load_nlp()(text)
    found = [span.text for span in clean_ents(doc) if span.label_ in ("PERSON", "ORG")]
    assert [name for name in names if name in found] == names
    assert not any("&" in name and "Modi" in name for name in found)


def test_furniture_dateline_names_are_no_entities() -> None:
    doc = load_nlp()(
        "TEHRAN, Iran (AP) — Iranian Foreign Minister Abbas Araghchi met Fuad Hussein."
    )
    found = [span.text for span in clean_ents(doc)]
    assert "TEHRAN" not in found and "AP" not in found
    assert "Abbas Araghchi" in found


@pytest.mark.parametrize(
    "line, kept",
    [
        (
            "Egypt and Jordan held talks on Monday. Maria Lopez reports for VOA from Amman.",
            "Egypt and Jordan held talks on Monday.",
        ),
        (
            "Kenya hosted the talks.\n\nVOA's Tom Berger reports from Nairobi.",
            "Kenya hosted the talks.",
        ),
        (
            "Talks opened in Hanoi. VOA's Tom Berger reports from Hanoi that the envoys "
            "disagreed on trade.",
            "Talks opened in Hanoi. the envoys disagreed on trade.",
        ),
        (
            "Chile thanked Peru. Anna Weber has this report for the BBC in Lima. Peru agreed.",
            "Chile thanked Peru. Peru agreed.",
        ),
        # a source's report, an official reporting and an organization are story text
        ("Human Rights Watch reports that 30 people died.", None),
        ("Kenya's Foreign Minister Amos Wako reports that the talks failed.", None),
        ("The United Nations reports from Geneva that aid is blocked.", None),
        ("Reuters reports from Cairo.", None),
    ],
)
def test_furniture_reporter_credit_sentence(line: str, kept: str | None) -> None:
    cleaned = strip_furniture(f"{line}\n")
    assert cleaned.text.strip() == (line if kept is None else kept)


def test_furniture_reporter_is_no_antecedent(tmp_path: Path) -> None:
    path = tmp_path / "credit.txt"
    path.write_text(
        "Sudan and Chad trade accusations\n\nThe leaders of Sudan and Chad traded accusations "
        "before a summit. Maria Lopez reports for VOA from Dakar.\n\nShe met the Senegalese "
        "foreign minister in Dakar on Monday.\n",
        encoding="utf-8",
    )
    [article] = read_articles(path)
    result = next(extract_articles([article]))
    assert not any("Lopez" in entity.name for entity in result.entities)
    assert not any("Lopez" in r.subject.name for r in result.relations)
