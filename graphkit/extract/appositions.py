"""Offices told around a name rather than before it: an apposition ("Petro, Colombia's
president", "Russia's envoy, Vassily Nebenzia"), the organization an office is posted to
("Russian Ambassador to the United Nations Vassily Nebenzia"), a group "of" a person ("the Rapid
Support Forces of Gen Mohamed Hamdan Dagalo").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import sentences_back
from graphkit.extract.title_phrases import (
    HOLDER_TYPES,
    honorifics_start,
    is_type,
    known_office,
    named_tokens,
    served_by,
    typed_actor,
    typed_actors,
)
from graphkit.extract.tokens import children, kids
from graphkit.lexicon import Lexicon, word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How, country_entity

APPOSITION_CONFIDENCE = 0.8

AIDE_NOUNS = word_class("aide_nouns")
AIDE_PREPS = word_class("aide_preps")
LED_GROUP_KINDS = word_class("led_group_kinds")
POSTING_PREPS = word_class("posting_preps")
# possessive relative pronouns ("Moldova, whose president, ..."): the owner is the clause's noun
RELATIVE_OWNERS = word_class("relative_owners")


def poss_holder(head: Token, index: ArticleIndex) -> Actor | None:
    """The country/org owning a title noun: "Colombia's president", "president of Colombia",
    "Putin's spokesman" (the country of a well-known officeholder)."""
    aide = head.lemma_ in AIDE_NOUNS
    for child in kids(head, "poss", "compound", "amod", "nmod"):
        owner = typed_actor(index, child, *HOLDER_TYPES)
        if owner is not None:
            return owner
        if child.dep_ == "poss" and child.lower_ in RELATIVE_OWNERS:
            # "Moldova, whose president, Maia Sandu": the noun the relative clause is about
            # (or, the parse missing the clause, the name right before the comma)
            clause = next((t for t in head.ancestors if t.dep_ == "relcl"), None)
            before = index.doc[child.i - 2] if index.doc[child.i - 1].is_punct else child
            owner = typed_actor(index, clause.head if clause else before, *HOLDER_TYPES)
            if owner is not None:
                return owner
        person = typed_actor(index, child, "Person")
        if person is not None and child.dep_ == "poss" and aide:
            office = served_by(person, index)
            if is_type(office, "Country"):
                return office
        # "Israel's war cabinet", "Iran's armed forces chief of staff"
        owners = typed_actors(index, kids(child, "poss"), *HOLDER_TYPES)
        if owners:
            return owners[0]
    for child in kids(head, "prep"):
        if child.lower_ in AIDE_PREPS and aide:
            # "the chief foreign policy adviser to Brazilian President Lula": the one advised
            for pobj, person in named_tokens(index, children(child), "Person"):
                return poss_holder(pobj, index) or known_office(person.entity.name, index.lex, None)
        if child.lower_ in ("of", "for"):  # "a spokesman for the M23"
            for pobj in children(child):
                deeper = typed_actor(index, pobj, *HOLDER_TYPES) or poss_holder(pobj, index)
                if deeper is not None:
                    return deeper
    return None


def _title_noun_relation(head: Token, lex: Lexicon) -> tuple[str, str] | None:
    """The relation of the title a noun heads, with the title's words."""
    words = kids(head, "compound", "amod", side="before")
    # "head of mission", "chief of staff": an "of" with no article may end the title
    ends = [
        f" of {p.text}"
        for prep in kids(head, "prep", words=("of",))
        for p in kids(prep, "pobj")
        if not kids(p, "det", "poss")
    ]
    for width in range(len(words), -1, -1):
        for end in [*ends, ""]:
            text = " ".join([w.text for w in words[len(words) - width :]] + [head.text]) + end
            rel = lex.title_relation(text)
            if rel is not None:
                return rel, text
    if head.lemma_ in ("member", "counterpart"):
        return "officialOf", head.text  # "his Saudi counterpart, Prince Faisal bin Farhan"
    return None


def _own_country(title: str, lex: Lexicon) -> Actor | None:
    """ "Ned Price, Department Spokesperson": the country of a title only one state uses."""
    own = lex.title_country(title)
    return Actor(country_entity(lex, own.iso3), How.IMPLICIT) if own is not None else None


def group_of_person(span: Span, actor: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the paramilitary Rapid Support Forces (RSF) of Gen Mohamed Hamdan Dagalo": an armed
    group or party "of" a person is led by them."""
    doc = span.doc
    k = honorifics_start(doc, span.start, span.sent.start)
    if k - 2 < span.sent.start or doc[k - 1].lower_ != "of":
        return
    j = k - 2
    if doc[j].text == ")":  # "the Rapid Support Forces (RSF) of ..."
        while j > span.sent.start and doc[j].text != "(":
            j -= 1
        j -= 1
    group = index.by_token.get(j)
    if group is None:
        return
    org = index.lex.organization(group.entity.name)
    if org is None or org.kind not in LED_GROUP_KINDS:
        return
    yield Found(
        actor,
        "leaderOf",
        group,
        doc[k - 1],
        (j, span.end),
        APPOSITION_CONFIDENCE * actor.weight,
        ASSERTED,
        "group-of-person",
    )


def apposed_title(span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon) -> Iterator[Found]:
    """ "Petro, Colombia's president" / "Russia's envoy, Vassily Nebenzia"."""
    root = span.root
    # the title the name stands in apposition to comes first: in "Australia's foreign minister,
    # Penny Wong, India's foreign minister, S Jaishankar" the second title is Jaishankar's
    candidates = (
        [_past_host(root.head), *_offices_above(root.head, span)] if root.dep_ == "appos" else []
    )
    if not candidates:
        candidates = _office_before_comma(span, index)
    candidates += kids(root, "appos")
    for head in candidates:
        if head.i in index.by_token:
            continue
        titled = _title_noun_relation(head, lex)
        if titled is None:
            continue
        noun_rel, title = titled
        holder = (
            poss_holder(head, index) or _title_told_before(head, index) or _own_country(title, lex)
        )
        if holder is None:
            continue
        if noun_rel == "leaderOf" and _heads_a_state_body(head, holder):
            noun_rel = "officialOf"
        lo, hi = min(span.start, head.left_edge.i), max(span.end, head.i + 1)
        yield Found(
            actor,
            noun_rel,
            holder,
            head,
            (lo, hi),
            APPOSITION_CONFIDENCE * actor.weight,
            ASSERTED,
            "apposition",
        )
        return


def _heads_a_state_body(head: Token, holder: Actor) -> bool:
    """ "Ibrahim Kalin, the head of MIT": the head of a country's agency serves the country, he
    does not lead it (the agency stands for its country)."""
    return (
        head.lemma_ == "head"
        and holder.how == How.METONYMY
        and holder.entity.type == "Country"
        and any(t.ent_type_ == "ORG" for t in head.subtree if t.i > head.i)
    )


def _office_before_comma(span: Span, index: ArticleIndex) -> list[Token]:
    """ "a phone call with his Chinese counterpart, Wang Yi, on Monday": the office right before
    the name's comma, however the parse hangs the name (not a subject: "After meeting the
    president, Putin said"), when the name ends at a punctuation mark."""
    doc = span.doc
    k = span.start - 1
    if k - 1 < span.sent.start or doc[k].text != "," or span.root.dep_ in ("nsubj", "nsubjpass"):
        return []
    if span.end < len(doc) and not doc[span.end].is_punct:
        return []
    head = doc[k - 1]
    heads = [head] if head.pos_ == "NOUN" and head.i not in index.by_token else []
    return heads + _offices_above(head, span)


def _offices_above(head: Token, span: Span) -> list[Token]:
    """ "the Vice President of the Nicaraguan Supreme Court of Justice, Marvin Aguilar", "a
    Chief of the Nicaraguan National Police in Leon, Fidel Alvarez": the nouns the "of" and
    posting phrases before a name's comma belong to, nearest first."""
    above = []
    while (
        head.dep_ == "pobj"
        and head.head.lower_ in ("of", *POSTING_PREPS)
        and head.head.head.i >= span.sent.start
    ):
        head = head.head.head
        if head.pos_ in ("NOUN", "PROPN"):
            above.append(head)
    return above


def _title_told_before(head: Token, index: ArticleIndex) -> Actor | None:
    """ "Iraq summoned Turkey's ambassador ... The ambassador, Anil Bora Inan, ...": a bare
    definite title takes the holder of the same title told in its sentence or the two before."""
    if [c.lower_ for c in children(head) if c.i < head.i] != ["the"]:
        return None
    earlier = index.doc[sentences_back(head, 2) : head.i]
    for told in reversed([t for t in earlier if t.lemma_ == head.lemma_ and t.pos_ == "NOUN"]):
        if typed_actors(index, kids(told, "appos", "compound"), "Person"):
            return None  # that title's holder is named there: "the ambassador" is another one
        holder = poss_holder(told, index)
        if holder is not None:
            return holder
    return None


def _past_host(head: Token) -> Token:
    """ "The Swiss ambassador to Tehran, Livia Leu Agosti", "the Guinean ambassador in
    Washington, Raphiou Barry": the parse hangs the name on the office's host or post; the title
    is the noun the phrase belongs to."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in POSTING_PREPS and prep.head.pos_ == "NOUN":
        return prep.head
    return head
