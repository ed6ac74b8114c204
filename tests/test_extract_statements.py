"""Statements, denials and accusations, and cues read out of context: one line per case.

Each class has sentences that must give the relation and sentences of the same shape that must
not (a cue word used for something else: "reached Manila" is no agreement, "commented on the
sanctions" imposes none).
"""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract_text

Triple = tuple[str, str, str]
STATIC = {"leaderOf", "officialOf", "memberOf", "locatedIn"}


def events(text: str, *, modality: str = "asserted") -> set[Triple]:
    """(subject, predicate, object) of the event relations of one modality, static ones left out."""
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in extract_text(text).relations
        if r.evidence.modality == modality and r.predicate not in STATIC
    }


GIVEN = [
    # a speaker who lays the responsibility on another accuses it; owning up accuses no one
    (
        "Iran said Israel bears full responsibility for the attack.",
        ("Iran", "accused", "Israel"),
    ),
    # phrasal verbs of public criticism
    (
        "China lashed out at Japan over its decision to release treated water.",
        ("China", "criticized", "Japan"),
    ),
    (
        "Britain's foreign secretary hit out at Russia over the poisoning.",
        ("United Kingdom", "criticized", "Russia"),
    ),
    (
        "Hungary railed against the European Union's migration policy.",
        ("Hungary", "criticized", "European Union"),
    ),
    # a broken treaty is a rejection of the other party (relations.csv: broken)
    ("Ethiopia broke its treaty with Libya on Monday.", ("Ethiopia", "rejected", "Libya")),
    ("Russia violated the ceasefire agreement with Ukraine.", ("Russia", "rejected", "Ukraine")),
    # a denial answers the accusation just told, named or referred to
    (
        "Chad accused Sudan of backing the rebels. Sudan has denied this.",
        ("Sudan", "rejected", "Chad"),
    ),
    (
        "Chad accused Sudan of arming the rebels. Sudan denied that it armed them.",
        ("Sudan", "rejected", "Chad"),
    ),
    # a speaker who states a wrong done accuses its doer
    (
        "Mnuchin said the Maduro regime continues to undermine democratic order.",
        ("Mnuchin", "accused", "Maduro"),
    ),
    (
        "Mnuchin said the United States will not stand aside while the Venezuelan government "
        "continues to sabotage the elections.",
        ("Mnuchin", "accused", "Venezuela"),
    ),
    (
        "Russian officials alleged that Georgia was delivering weapons to the rebels.",
        ("Russia", "accused", "Georgia"),
    ),
    (
        "China's foreign ministry spokesman said Japan was responsible for the tension.",
        ("China", "accused", "Japan"),
    ),
    # "it is regrettable (that) X ...", said by a government: criticism of X
    (
        "It is regrettable the Government of the DRC continues to blame Rwanda, the Rwandan "
        "government said in a statement.",
        ("Rwanda", "criticized", "DR Congo"),
    ),
    (
        "Lithuania said it was unacceptable that Belarus keeps sending migrants.",
        ("Lithuania", "criticized", "Belarus"),
    ),
    # offering solidarity supports; rockets launched into a country attack it; troops sent
    # into one invade
    ("Kenya offered solidarity to Uganda after the floods.", ("Kenya", "supported", "Uganda")),
    ("Hamas launched rockets from Gaza into Israel.", ("Hamas", "attacked", "Israel")),
    ("Russia responded by sending troops into Georgia.", ("Russia", "attacked", "Georgia")),
    # continuing a stance holds it now
    (
        "The United States will continue to stand with the Government of Iraq.",
        ("United States", "supported", "Iraq"),
    ),
    # an agreement reached is an agreement; one worked on is a negotiation
    (
        "Indonesia reached an understanding with Malaysia on the border.",
        ("Indonesia", "agreedWith", "Malaysia"),
    ),
    (
        "Britain and India are working on a trade agreement.",
        ("United Kingdom", "negotiatedWith", "India"),
    ),
    (
        "Kenya is moving toward a security pact with Somalia.",
        ("Kenya", "negotiatedWith", "Somalia"),
    ),
    ("India rejected the US tariffs on Indian goods.", ("India", "rejected", "United States")),
    # a speaker who says another stokes tensions or meddles accuses it
    (
        'Kremlin spokesman Dmitry Peskov said Poland was "deliberately stoking tensions".',
        ("Dmitry Peskov", "accused", "Poland"),
    ),
    (
        "China said the United States was meddling in its internal affairs.",
        ("China", "accused", "United States"),
    ),
    # a person who lands somewhere or spends days there visits it; "where" is the place
    (
        "Chinese President Xi Jinping landed in Moscow on Monday.",
        ("Xi Jinping", "visited", "Russia"),
    ),
    (
        "Hillary Clinton spent four days in South Africa.",
        ("Hillary Clinton", "visited", "South Africa"),
    ),
    (
        "Hillary Clinton called on African countries, in particular South Africa where she spent "
        "four days, to take their place on the world stage.",
        ("Hillary Clinton", "visited", "South Africa"),
    ),
    # a regnal numeral is part of the name after a title
    (
        "Egyptian President Abdel Fattah el-Sisi received King Abdullah II of Jordan in Cairo.",
        ("Abdel Fattah el-Sisi", "metWith", "Abdullah II"),
    ),
    # the one arrested is a person, whatever the model tagged the name
    (
        "Alexei Navalny was arrested by Russian police on Wednesday.",
        ("Russia", "arrested", "Alexei Navalny"),
    ),
    ("Azerbaijani police arrested Ruben Vardanyan.", ("Azerbaijan", "arrested", "Ruben Vardanyan")),
    # people deported from a country are deported by it, to their own when no "to" says
    (
        "Some 2,900 Tunisians were deported from Italy last year.",
        ("Italy", "deported", "Tunisia"),
    ),
    # a speaker who calls a regime dictatorial criticizes whom it stands for, even in a
    # condition
    (
        '"We will sanction officials unless they break from Maduro\'s dictatorial regime," '
        "said Secretary of the Treasury Steven T. Mnuchin.",
        ("Steven T. Mnuchin", "criticized", "Maduro"),
    ),
    ("Japan said the corrupt regime of Myanmar must go.", ("Japan", "criticized", "Myanmar")),
    # a wrong told in the passive accuses its "by" agent
    ("Kinshasa said the accord was violated by Rwanda.", ("DR Congo", "accused", "Rwanda")),
    # one who says they were betrayed or angered by another criticizes it
    (
        "Ecuador's President Rafael Correa said he felt betrayed by Colombia's government.",
        ("Rafael Correa", "criticized", "Colombia"),
    ),
    ("Israel was angered by the French decision.", ("Israel", "criticized", "France")),
    # a count's owner does what it counts
    (
        "Macron's list of meetings with world leaders includes Prime Minister Theresa May and "
        "President Xi Jinping.",
        ("Macron", "metWith", "Xi Jinping"),
    ),
    # suspects sent to another country are handed over to its justice
    (
        "Mexico on Thursday sent 29 alleged drug cartel figures to the United States, among "
        "them Rafael Caro Quintero, the drug lord wanted for the 1985 killing of a U.S. agent.",
        ("Mexico", "extradited", "Rafael Caro Quintero"),
    ),
    # a participle with a "by" agent acts on the noun it describes
    (
        "American journalist Evan Gershkovich released by Russia in prisoner swap",
        ("Russia", "conceded", "Evan Gershkovich"),
    ),
    # talks in a round are held by whoever came for the round
    (
        "Iranian Foreign Minister Abbas Araghchi arrived in Muscat on Saturday for a second "
        "round of talks with U.S. Middle East envoy Steve Witkoff.",
        ("Abbas Araghchi", "negotiatedWith", "Steve Witkoff"),
    ),
    # the partner of talks may hang on the matter they are about
    (
        "Secretary of State Marco Rubio held talks on the border dispute with Guyanese "
        "President Irfaan Ali in Georgetown.",
        ("Marco Rubio", "negotiatedWith", "Irfaan Ali"),
    ),
    # talks held over a matter are a negotiation, and the meeting they were
    (
        "Armenia and Azerbaijan held peace talks in Washington.",
        ("Armenia", "negotiatedWith", "Azerbaijan"),
    ),
    (
        "Armenia and Azerbaijan held peace talks in Washington.",
        ("Armenia", "metWith", "Azerbaijan"),
    ),
    (
        "The foreign ministers of Cambodia and Thailand held talks on the border dispute.",
        ("Cambodia", "negotiatedWith", "Thailand"),
    ),
    (
        "Iran and the United States held a fourth round of indirect talks in Muscat.",
        ("Iran", "negotiatedWith", "United States"),
    ),
]

GIVEN += [
    # a partner's phrase on the span of a meeting, a slot on the noun's participle
    (
        "Secretary Kerry met for two hours with Egyptian President Abdel Fattah al-Sissi.",
        ("Kerry", "metWith", "Abdel Fattah al-Sissi"),
    ),
    ("Sudan has five peace agreements signed with Chad.", ("Sudan", "agreedWith", "Chad")),
    # "Iranian-backed Hezbollah": the first part of the participle backs the noun
    ("Israel struck the Iranian-backed Hezbollah in Lebanon.", ("Iran", "supported", "Hezbollah")),
    ("The Saudi-funded government of Yemen asked for help.", ("Saudi Arabia", "aided", "Yemen")),
    # a preposition inside the object is the verb's when the cue's object is there
    (
        'Estonia said Tallinn stood "shoulder to shoulder" with Riga.',
        ("Estonia", "supported", "Latvia"),
    ),
    # what a condemned clause tells is aimed at its subject
    ("Japan condemned that China sent ships to the islands.", ("Japan", "criticized", "China")),
    # a report accuses for its author; documents cited accuse for whoever cites them
    ("A UN report accused Israel of war crimes.", ("United Nations", "accused", "Israel")),
    ("The Russian report criticized Ukraine.", ("Russia", "criticized", "Ukraine")),
    (
        "Colombian police chief Oscar Naranjo said the documents show Venezuelan President Hugo "
        "Chavez sent $300 million to the rebels.",
        ("Oscar Naranjo", "accused", "Hugo Chavez"),
    ),
    (
        "Human Rights Watch said the report shows that Syrian forces bombed Turkey.",
        ("Human Rights Watch", "accused", "Syria"),
    ),
]

NOT_GIVEN = [
    ("Hamas said Israel took responsibility for the attack.", ("Hamas", "accused", "Israel")),
    # reaching a place agrees with nobody
    (
        "The Chinese foreign minister reached Manila on Monday.",
        ("China", "agreedWith", "Philippines"),
    ),
    # nothing reached, nothing agreed
    (
        "Iran held talks with Britain but left without reaching an agreement with Britain.",
        ("Iran", "agreedWith", "United Kingdom"),
    ),
    # an attack at a gathering is not aimed at the gathering's body; speaking of it is not doing it
    (
        "Ahmadinejad spoke about the 9/11 attacks at the UN General Assembly session in New York.",
        ("Mahmoud Ahmadinejad", "attacked", "United Nations General Assembly"),
    ),
    (
        "A spokesman for Iran commented on the sanctions imposed on eight Iranian officials.",
        ("Iran", "sanctioned", "Iran"),
    ),
    ("Turkey spoke about the sanctions on Syria at length.", ("Turkey", "sanctioned", "Syria")),
    # the country reacting to an attack did not make it
    (
        "Ecuador cut all diplomatic ties with Colombia after a military attack on Colombian "
        "rebels.",
        ("Ecuador", "attacked", "Colombian rebels"),
    ),
    # a commitment broken is no support
    ("Pompeo said Russia had violated its commitment to Syria.", ("Russia", "supported", "Syria")),
    ("Ethiopia broke its treaty with Libya on Monday.", ("Ethiopia", "agreedWith", "Libya")),
    # a wrong one would do, or did not do, is no accusation
    ("Japan said China would violate the accord if it sent ships.", ("Japan", "accused", "China")),
    ("Japan said China did not violate the accord.", ("Japan", "accused", "China")),
    # a claim reports what it claims
    (
        "Iran claims that the United States is supporting the protesters against Iraq.",
        ("United States", "supported", "protesters"),
    ),
    # a stance announced for the future is no agreement
    (
        "The United States will continue to stand with the Government of Iraq.",
        ("United States", "agreedWith", "Iraq"),
    ),
    # scheduled talks are still to come; a need to provide is no aid
    (
        "Rice has scheduled talks with Uganda's President Yoweri Museveni.",
        ("Condoleezza Rice", "metWith", "Yoweri Museveni"),
    ),
    (
        "The need for Russia to provide access to the United States was discussed.",
        ("Russia", "aided", "United States"),
    ),
    # a denial of something else answers no accuser of a third party
    (
        "Turkey accused Sweden of harboring militants. Blinken denied that the two issues "
        "were linked.",
        ("Blinken", "rejected", "Türkiye"),
    ),
    # a complaint about one's own government aims at nobody else named deeper in the clause
    (
        "Many South Koreans complain that Seoul has gotten little in return for its aid "
        "projects in North Korea.",
        ("South Korea", "criticized", "North Korea"),
    ),
    # a particle is the verb's own: "authorities in Seoul" is no "give in"; second thoughts
    # are no aid
    (
        "Pyongyang's failure has given authorities in Seoul second thoughts about sending "
        "aid to the North.",
        ("North Korea", "conceded", "South Korea"),
    ),
    (
        "Pyongyang's failure has given authorities in Seoul second thoughts about sending "
        "aid to the North.",
        ("North Korea", "aided", "South Korea"),
    ),
    # what is not likely is not asserted
    (
        "Professor Ryoo says South Korea is not likely to give in to Pyongyang's requests for aid.",
        ("South Korea", "conceded", "North Korea"),
    ),
    # a cooperative participle only: the U.S.-led coalition is not led into an event
    ("The U.S.-led coalition struck Iraq.", ("United States", "supported", "coalition")),
    # sending troops to a country, not into it, is no invasion
    ("France sent troops to Mali to help the government.", ("France", "attacked", "Mali")),
    # what must be done to someone asks it of others, not of them
    (
        "Dutch Prime Minister Mark Rutte said Hungary should not be rewarded for bad behavior.",
        ("Mark Rutte", "requested", "Hungary"),
    ),
    # a judgement's owner does not do what it judges
    (
        "Iran's condemnation of the Israeli attack on Syria was swift.",
        ("Iran", "attacked", "Syria"),
    ),
    # forces or aircraft that land somewhere pay no visit
    ("Russian forces landed in Crimea.", ("Russia", "visited", "Crimea")),
    # firing into the sea off one's own coast attacks no one
    (
        "North Korea fired two ballistic missiles into the sea off its east coast.",
        ("North Korea", "attacked", "east coast"),
    ),
    # a broker owns no deal: the parties agree with each other, not with the broker
    (
        "Israel and Hamas agreed to a ceasefire brokered by Qatar, Egypt and the United States.",
        ("Israel", "agreedWith", "Qatar"),
    ),
    # a wrong one only would do accuses no one
    (
        "Britain said Russia would stoke tensions if it deployed troops.",
        ("United Kingdom", "accused", "Russia"),
    ),
    # refusing a hostile act refuses whoever does it, never whom it is aimed at
    ("Turkey opposed the sanctions on Iran.", ("Türkiye", "rejected", "Iran")),
    ("Russia rejected the Western sanctions against Iran.", ("Russia", "rejected", "Iran")),
    # a nationality denied by its prefix names no country
    ("The United States deported non-Mexican migrants.", ("United States", "deported", "Mexico")),
    ("Non-EU citizens were expelled by Italy.", ("Italy", "expelled", "European Union")),
    # talks with no matter named are a meeting only; talks held through go-betweens no meeting
    (
        "Vietnam's president held talks with China on the sidelines of the APEC summit.",
        ("Vietnam", "negotiatedWith", "China"),
    ),
    ("Israel and Syria held talks on Monday in Baku.", ("Israel", "negotiatedWith", "Syria")),
    (
        "Iran and the United States held a fourth round of indirect talks in Muscat.",
        ("Iran", "metWith", "United States"),
    ),
    # what documents show is alleged, not told as done; documents nobody cites accuse no one
    ("The documents show that Iran supplied Russia with drones.", ("Iran", "aided", "Russia")),
    (
        "Human Rights Watch said the report shows that Syrian forces bombed Turkey.",
        ("Syria", "attacked", "Türkiye"),
    ),
]


@pytest.mark.parametrize(("text", "triple"), GIVEN)
def test_statements_give_the_relation(text: str, triple: Triple) -> None:
    assert triple in events(text)


@pytest.mark.parametrize(("text", "triple"), NOT_GIVEN)
def test_statements_cue_out_of_context_gives_nothing(text: str, triple: Triple) -> None:
    assert triple not in events(text)


@pytest.mark.parametrize(
    ("text", "triple", "modality"),
    [
        (
            "Iran claims that the United States is supporting Israel.",
            ("United States", "supported", "Israel"),
            "reported",
        ),
        (
            "Iran held talks with Britain but left without reaching an agreement with Britain.",
            ("Iran", "agreedWith", "United Kingdom"),
            "negated",
        ),
        (
            "The documents show that Iran supplied Russia with drones.",
            ("Iran", "aided", "Russia"),
            "reported",
        ),
        (
            "Rice has scheduled talks with Egypt's President Hosni Mubarak.",
            ("Rice", "metWith", "Hosni Mubarak"),
            "hypothetical",
        ),
        # a word set in quotation marks of its own is the speaker's charge, not an event told
        (
            'India said Verma had been "targeted" by the Canadian government.',
            ("Canada", "attacked", "Verma"),
            "reported",
        ),
        (
            'Iran\'s foreign ministry said the U.S. is supporting "sedition" in Iran.',
            ("United States", "supported", "Iran"),
            "reported",
        ),
        # a quoted feeling is the speaker's own word: the criticism stands
        (
            'Ethiopia said it was "disappointed" by the U.S. position.',
            ("Ethiopia", "criticized", "United States"),
            "asserted",
        ),
    ],
)
def test_statements_modality(text: str, triple: Triple, modality: str) -> None:
    """What is only claimed is reported, what did not happen negated, what is planned
    hypothetical."""
    assert triple in events(text, modality=modality)


def test_statements_epithets_in_a_reporters_own_words_judge_no_one() -> None:
    said = extract_text(
        "Lithuania said the authoritarian regime of Belarus had arrested hundreds of protesters."
    )
    told = extract_text("The authoritarian regime of Belarus has arrested hundreds of protesters.")
    assert ("Lithuania", "criticized", "Belarus") in {
        (r.subject.name, r.predicate, r.object.name) for r in said.relations
    }
    assert not [r for r in told.relations if r.evidence.method == "epithet"]
