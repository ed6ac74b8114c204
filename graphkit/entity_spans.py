"""spaCy's entity spans with the model's usual slips mended: words before a name, title words
tagged as organizations, a first name split off, a month name used as a surname, a titled name
tagged as a place, a name followed by "department" or "province", two titled names joined by
"&" in one span; names in a dateline ("TEHRAN, Iran (AP) —") are no actors.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graphkit.actors import TITLE_WORDS
from graphkit.lexicon import load_lexicon, word_class
from graphkit.untagged_names import (
    PERSON_TITLES,
    PLACE_NOUNS,
    PORTFOLIO_MARKS,
    mend_untagged,
    name_after_portfolio,
)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


ADMIN_NOUNS = word_class("admin_nouns")
NAME_JOINERS = word_class("name_joiners")
NEGATING_PREFIXES = word_class("negating_prefixes")
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
DATELINE_LENGTH = 14  # tokens before the dash, at most


def dateline_end(doc: Doc, start: int) -> int:
    """Where a dateline opening the sentence at ``start`` ends (after its dash), else ``start``.

    A dateline is a place in capitals, then optionally its state or country and a date after
    commas and a news agency in brackets, then a dash: "WASHINGTON -", "TEHRAN, Iran (AP) —",
    "BOGOTÁ, May 5 (Reuters) —". "NATO Secretary General ... -" is none (a title-case word
    before the first comma).
    """
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 2):
        return start
    after_comma = in_brackets = False
    for tok in doc[start : min(len(doc), start + DATELINE_LENGTH)]:
        if tok.text in DATELINE_DASHES and not in_brackets:
            return tok.i + 1 if tok.i + 1 < len(doc) and "\n" not in tok.whitespace_ else start
        if "\n" in tok.text or (tok.is_space and tok.i > start):
            return start
        if tok.text == "(":
            in_brackets = True
        elif tok.text == ")":
            in_brackets = False
        elif tok.text == ",":
            after_comma = True
        elif in_brackets or tok.is_upper or tok.text == ".":
            continue
        elif not (after_comma and (tok.is_title or tok.like_num)):
            return start
    return start


def _in_dateline(ent: Span, ends: dict[int, int]) -> bool:
    start = ent.sent.start
    if start not in ends:
        ends[start] = dateline_end(ent.doc, start)
    return ent.end <= ends[start]


def _split_joined(ent: Span) -> list[Span]:
    """ "Duterte & PM Modi": a name, "&", a title and a name are two people."""
    doc = ent.doc
    for tok in ent[1:-1]:
        if tok.text not in NAME_JOINERS:
            continue
        after = tok.i + 1
        while after < ent.end and doc[after].lower_.rstrip(".") in PERSON_TITLES:
            after += 1
        if after == tok.i + 1 or after >= ent.end:
            return [ent]
        left = ent.start
        while left < tok.i and doc[left].lower_.rstrip(".") in PERSON_TITLES:
            left += 1
        titled = left > ent.start or (
            ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in PERSON_TITLES
        )
        if left == tok.i or not titled:
            return [ent]
        return [
            Span(doc, ent.start, tok.i, label="PERSON"),
            Span(doc, after, ent.end, label="PERSON"),
        ]
    return [ent]


def _after_title_tail(doc: Doc, start: int, end: int) -> int:
    """Where a person's name begins when the model took the end of an "of" title into it:
    "Secretary of Commerce Penny Pritzker", "Minister of Foreign Affairs Sergey Lavrov".

    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Obama met Secretary of Commerce Penny Pritzker.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "PERSON"]
    ['Obama', 'Penny Pritzker']
    """
    of = start - 1
    if of > 0 and doc[of].lower_ == "the":
        of -= 1
    if of < 1 or doc[of].lower_ != "of":
        return start
    lex = load_lexicon()
    for cut in range(min(end - 1, start + 3), start, -1):
        if not all(t.is_title for t in doc[start:cut]):
            continue
        for lo in range(max(0, of - 3), of):
            if lex.title_relation(doc[lo:cut].text) is not None:
                return cut
    return start


def _name_after_portfolio(doc: Doc, ent: Span) -> Span:
    """ "Assistant Secretary of State for African Affairs Molly Phee", "Special Envoy for the
    Horn of Africa Mike Hammer": the model takes an office's portfolio and the name after it
    for one name; the name is the last two words (three with an initial).

    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Special Envoy for the Horn of Africa Mike Hammer met Sudanese leaders.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "PERSON"]
    ['Mike Hammer']
    """
    title_words = load_lexicon().title_words
    fors = [
        i
        for i in range(max(ent.start - 1, 1), ent.end - 2)
        if doc[i].lower_ in PORTFOLIO_MARKS and doc[i - 1].lower_ in title_words
    ]
    if not fors or ent.label_ not in ACTOR_LABELS:
        return ent
    start = name_after_portfolio(doc, ent.end)
    name = doc[start : ent.end]
    if start <= fors[-1] + 1 or not all(t.is_title and t.pos_ == "PROPN" for t in name):
        return ent
    return Span(doc, start, ent.end, label="PERSON")


def _titled(span: Span) -> bool:
    """A name with a person's title right before it or in apposition to it."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in PERSON_TITLES:
        return True
    root = span.root
    heads = [c for c in root.children if c.dep_ == "appos"] + (
        [root.head] if root.dep_ == "appos" else []
    )
    return any(
        h.lemma_.lower() in PERSON_TITLES and h.i not in range(span.start, span.end) for h in heads
    )


def _place_named(ent: Span) -> bool:
    """A place noun in apposition to the name ("Sinaloa, a state in northwestern Mexico") or
    before it ("the Russian port of Novorossiysk")."""
    doc = ent.doc
    return any(c.dep_ == "appos" and c.lemma_ in PLACE_NOUNS for c in ent.root.children) or (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lemma_ in PLACE_NOUNS
    )


def _negated(ent: Span) -> bool:
    """ "non-Mexican migrants", "non-EU citizens": a nationality or country denied by a prefix,
    written inside the name or just before it."""
    doc = ent.doc
    first = doc[ent.start].lower_
    if first in NEGATING_PREFIXES or first.split("-", 1)[0] in NEGATING_PREFIXES:
        return True
    start = ent.start
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in NEGATING_PREFIXES


def clean_ents(doc: Doc) -> list[Span]:
    """Entity spans with the model's usual slips mended.

    Title words tagged as organizations ("Defense" in "Defense Minister") are dropped; a
    first name split off a person ("Dairo" + "Antonio Úsuga") is joined back; a name followed
    by "department"/"province" is a place.
    """
    out: list[Span] = []
    ents = []
    datelines: dict[int, int] = {}
    for ent in doc.ents:
        if _in_dateline(ent, datelines):
            continue  # "TEHRAN, Iran (AP) —" says where the article was filed
        if _negated(ent):
            continue  # "non-Mexican migrants" are of no named country
        # "Later Petro", "Meeting Wang Yi in Beijing, ...": words before a name that are not
        # part of it
        start = ent.start
        while start < ent.end - 1 and (
            doc[start].pos_ in ("ADV", "ADP", "CCONJ", "SCONJ", "PUNCT", "INTJ")
            or (doc[start].tag_ == "VBG" and ent.label_ == "PERSON")
        ):
            start += 1
        end = ent.end
        if ent.label_ == "PERSON":
            start = _after_title_tail(doc, start, ent.end)
            if end - start > 1 and doc[end - 1].lower_ in ADMIN_NOUNS:
                end -= 1  # "Ortega Regime" in a headline: a ruler, then his regime
        if (start, end) != (ent.start, ent.end):
            ent = Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)
        ent = _name_after_portfolio(doc, ent)
        ents.extend(_split_joined(ent) if ent.label_ in ACTOR_LABELS else [ent])
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    for ent in ents:
        if (
            ent.label_ == "DATE"
            and len(ent) == 1
            and ent[0].lower_ in surnames
            and ent[0].dep_ in ("pobj", "nsubj", "dobj", "conj")
        ):
            # "spoke with May by phone": a month name used as a surname
            if not any(t.like_num for t in doc[max(0, ent.start - 1) : ent.end + 1]):
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if (
            ent.label_ in ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
            and ent.end < len(doc)
            and doc[ent.end].lemma_ in PLACE_NOUNS
            and ent.root.head.i == ent.end
            and all(t.is_title for t in ent)
        ):
            # "Russia's Kursk region": a place, whatever the model took it for
            out.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        if ent.label_ not in ACTOR_LABELS or "\n" in ent.text:
            continue
        if (
            ent.label_ != "PERSON"
            and len(ent) == 1
            and not ent.ent_id_
            and ent[0].is_title
            and ent[0].lower_ in surnames
        ):
            # "Larijani", "Solana": the surname of a person named in full, tagged otherwise
            out.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if all(t.lower_.rstrip(".") in TITLE_WORDS or t.is_punct for t in ent):
            continue
        if load_lexicon().title_relation(ent.text) is not None:
            continue  # "Ned Price, Department Spokesperson": a title, no one's name
        if ent.end < len(doc) and doc[ent.end].text in ("$", "dollars") and ent.label_ == "GPE":
            continue  # "US $50 million" is money, not a country
        if (
            ent.label_ == "PERSON"
            and out
            and out[-1].end == ent.start
            and len(out[-1]) == 1
            and not out[-1].ent_id_
            and out[-1][0].is_title
            and out[-1][0].lower_ not in TITLE_WORDS
            and not (out[-1].start > 0 and doc[out[-1].start - 1].tag_ == "DT")
            and _after_title_tail(doc, out[-1].start, ent.end) == out[-1].start
        ):
            # a first name is never after "the" ("Secretary of the Treasury Steven Mnuchin") nor
            # the end of a title ("Secretary of Commerce Penny Pritzker")
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        if ent.label_ in ("ORG", "GPE", "LOC", "FAC") and not ent.ent_id_ and _titled(ent):
            # "President Petro", "Petro, Colombia's president": a person whatever the model said
            out.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if (
            out
            and out[-1].label_ == "PERSON"
            and out[-1].end == ent.start
            and len(ent) == 1
            and not ent.ent_id_
            and ent[0].is_title
            and ent.label_ in ("ORG", "GPE", "PERSON", "NORP")
        ):
            # "Hassan Sheikh" + "Mohamud": one name split in two
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        if (
            ent.label_ in ("ORG", "PERSON", "NORP")
            and not ent.ent_id_
            and ((ent.end < len(doc) and doc[ent.end].lower_ in PLACE_NOUNS) or _place_named(ent))
        ):
            # "the Antioquia department", "Sinaloa, a state in northwestern Mexico": a place
            out.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        out.append(ent)
    return mend_untagged(doc, out)
