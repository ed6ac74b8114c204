"""Names the model left untagged or cut, found from the words around them: a name after a
title ("U.S. Trade Representative Froman"), after a title's host or portfolio ("French Minister
for Europe and Foreign Affairs Stéphane Séjourné"), in apposition to a title ("Its
spokesperson, Randhir Jaiswal"), a place listed with a place ("the provinces of Khost and
Paktika"), and one name split in two ("Al-Harith Idriss al-Harith Mohamed").

:func:`mend_untagged` applies them, in order, to the spans ``entity_spans.clean_ents`` keeps.
"""

from __future__ import annotations

from spacy.attrs import IS_TITLE
from spacy.tokens import Doc, Span, Token

from graphkit.actors import TITLE_WORDS
from graphkit.lexicon import load_lexicon, word_class
from graphkit.nlp import NAME_PARTICLES

PLACE_NOUNS = word_class("place_nouns")
PERSON_TITLES = word_class("person_titles")
PORTFOLIO_MARKS = word_class("portfolio_marks")
PORTFOLIO_LINKS = word_class("portfolio_links")
OFFICE_HOST_PREPS = word_class("office_host_preps")
ORG_HEADS = word_class("org_heads")
REGNAL_NUMERALS = word_class("regnal_numerals")
HELD_VERBS = word_class("held_verbs")
NAMED_THINGS = frozenset({"EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "FAC"})
"""Entity labels of things, not people: a title word inside one names no one."""
GROUP_NAME_WIDTH = 3
"""Words an untagged group's name may have before its group noun."""


def mend_untagged(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with the names the model left untagged added, and split names joined."""
    named = _names_of_the_held(doc, _names_after_hosts(doc, spans))
    named = _names_after_titles(doc, named)
    named = _names_apposed_to_titles(doc, _names_after_portfolios(doc, named))
    named = _places_listed_with_places(doc, _names_rejoined(doc, named))
    return _groups_named_before_group_nouns(doc, named)


def name_after_portfolio(doc: Doc, end: int) -> int:
    """Where a name that ends at ``end`` after an office's portfolio begins: its last two
    words, three with an initial or a particle ("Mike Hammer", "John J. Hammer", "Beth Van
    Schaack"), since the portfolio's own capitalized words come right before it."""
    middle = doc[end - 2]
    initial = len(middle.text) == 2 and middle.text.endswith(".")
    return end - (3 if initial or middle.lower_ in NAME_PARTICLES else 2)


def _added(spans: list[Span], found: list[Span]) -> list[Span]:
    """``spans`` and the ``found`` ones, in text order."""
    if not found:
        return spans
    return sorted([*spans, *found], key=lambda s: s.start)


def _names_rejoined(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Al-Harith Idriss al-Harith Mohamed": one name the model split in two around a word it
    left out, every word of it hung on the name's last word.

    >>> from graphkit.entity_spans import clean_ents
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("The ambassador, Al-Harith Idriss al-Harith Mohamed, thanked Russia.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "PERSON"]
    ['Al-Harith Idriss al-Harith Mohamed']
    """
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == span.label_ == "PERSON"
            and 0 < span.start - last.end <= 2
            and all(
                t.pos_ == "PROPN" and t.is_title and t.head.i in range(span.start, span.end)
                for t in doc[last.end : span.start]
            )
            and all(t.head.i in range(last.start, span.end) for t in last)
        ):
            out[-1] = Span(doc, last.start, span.end, label="PERSON")
            continue
        out.append(span)
    return out


def _regnal(tok: Token) -> bool:
    """A numeral in capitals that ends a monarch's name ("II" in "King Abdullah II")."""
    return tok.is_upper and tok.lower_ in REGNAL_NUMERALS


def _names_after_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "U.S. Trade Representative Froman": an untagged proper name that a capitalized title
    word modifies is a person."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    lex = load_lexicon()
    # title-case words, read from the doc's array of them (all but the last token)
    for i in doc.to_array(IS_TITLE)[:-1].nonzero()[0].tolist():
        title = doc[i]
        if not (title.lower_.rstrip(".") in PERSON_TITLES or lex.title_relation(title.text)):
            continue
        if title.ent_type_ in NAMED_THINGS:
            continue  # "the General Framework Agreement for Peace": a title word in a name
        end = title.i + 1
        while (
            end < len(doc)
            and end - title.i <= 3
            and end not in taken
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].is_alpha
            and doc[end].lower_ not in TITLE_WORDS
        ):
            end += 1
        if end > title.i + 1 and end < len(doc) and _regnal(doc[end]):
            end += 1  # "King Abdullah II", "King Charles III": the numeral is the name's
        if end == title.i + 1 or title.head.i not in (end - 1, end - 2):
            continue
        if end < len(doc) and doc[end].pos_ == "PROPN":
            continue
        found.append(Span(doc, title.i + 1, end, label="PERSON"))
        taken.update(range(title.i + 1, end))
    return _added(spans, found)


def _names_after_portfolios(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "French Minister for Europe and Foreign Affairs Stéphane Séjourné": the untagged name
    after a title's portfolio is a person (the last two words, three with an initial or a
    particle).

    >>> from graphkit.entity_spans import clean_ents
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Blinken spoke with French Minister for Europe and Foreign Affairs "
    ...                  "Stéphane Séjourné today.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "PERSON"]
    ['Stéphane Séjourné']
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    title_words = load_lexicon().title_words
    found: list[Span] = []
    for mark in doc[1:-3]:
        if mark.lower_ not in PORTFOLIO_MARKS:
            continue
        before = doc[mark.i - 1]
        if not (before.is_title and before.lower_ in title_words):
            continue
        end = mark.i + 1
        while end < len(doc) and (doc[end].is_title or doc[end].lower_ in PORTFOLIO_LINKS):
            end += 1
        if end < len(doc) and doc[end].pos_ == "PROPN":
            continue
        start = name_after_portfolio(doc, end)
        name = doc[start:end]
        if (
            start <= mark.i + 1
            or doc[start - 1].lower_ in PORTFOLIO_LINKS
            or any(i in taken for i in range(start, end))
            or not all(t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS for t in name)
        ):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return _added(spans, found)


def _names_apposed_to_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Its spokesperson, Randhir Jaiswal, said": an untagged proper name in apposition to a
    person's title is a person.

    >>> from graphkit.entity_spans import clean_ents
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Its spokesperson, Randhir Jaiswal, described them as absurd.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "PERSON"]
    ['Randhir Jaiswal']
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    lex = load_lexicon()
    found: list[Span] = []
    for name in doc:
        if name.dep_ != "appos":
            continue
        title = name.head
        if (
            name.i in taken
            or title.i > name.i
            or title.pos_ != "NOUN"
            or not (title.lemma_ in PERSON_TITLES or lex.title_relation(title.text))
        ):
            continue
        start = name.left_edge.i
        words = doc[start : name.i + 1]
        if (
            not 2 <= len(words) <= 3
            or any(i in taken for i in range(start, name.i + 1))
            or not all(
                t.pos_ == "PROPN" and t.is_title and t.lower_ not in TITLE_WORDS for t in words
            )
        ):
            continue
        found.append(Span(doc, start, name.i + 1, label="PERSON"))
    return _added(spans, found)


def _places_listed_with_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the eastern Afghan provinces of Khost and Paktika": an untagged proper name listed with a
    place after a plural place noun is a place too.

    >>> from graphkit.entity_spans import clean_ents
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Jets struck the eastern Afghan provinces of Khost and Paktika.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "GPE"]
    ['Khost', 'Paktika']
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    for place in spans:
        root = place.root
        of = root.head
        if (
            place.label_ not in ("GPE", "LOC")
            or root.dep_ != "pobj"
            or of.lower_ != "of"
            or of.head.lemma_ not in PLACE_NOUNS
            or of.head.tag_ != "NNS"
        ):
            continue
        for conj in root.children:
            words = doc[conj.left_edge.i : conj.i + 1]
            if conj.dep_ == "conj" and all(
                t.i not in taken and t.pos_ == "PROPN" and t.is_title for t in words
            ):
                found.append(Span(doc, words.start, words.end, label=place.label_))
    return _added(spans, found)


def _names_of_the_held(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Alexei Navalny was arrested by Russian police", "Azerbaijani police arrested Ruben
    Vardanyan": a name of two or three capitalized words that is the one arrested, jailed or
    extradited is a person, whatever the model took it for (a gazetteer's name stays).

    >>> from graphkit.entity_spans import clean_ents
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Azerbaijani police arrested Ruben Vardanyan.")
    >>> [e.text for e in clean_ents(doc) if e.label_ == "PERSON"]
    ['Ruben Vardanyan']
    """
    found: list[Span] = []
    for tok in doc:
        if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.lemma_ not in HELD_VERBS:
            continue
        start = tok.left_edge.i
        words = doc[start : tok.i + 1]
        if not 2 <= len(words) <= 3 or not all(
            t.pos_ == "PROPN" and t.is_title and t.lower_ not in TITLE_WORDS for t in words
        ):
            continue
        over = [s for s in spans if s.start <= tok.i and start < s.end]
        if any(s.label_ == "PERSON" or s.ent_id_ for s in over):
            continue
        found.append(Span(doc, start, tok.i + 1, label="PERSON"))
        spans = [s for s in spans if s not in over]
    return _added(spans, found)


def _names_after_hosts(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Russian Ambassador to the United Nations Vassily Nebenzia": the name after a title's
    host, which the model leaves untagged or takes for a place, is a person."""
    loose = {i: s for s in spans if not s.ent_id_ for i in range(s.start, s.end)}
    taken = {i for s in spans for i in range(s.start, s.end)} - set(loose)
    found: list[Span] = []
    dropped: set[int] = set()
    for ent in spans:
        k = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else ent.start
        if ent.label_ == "PERSON" or k < 2 or not ent.ent_id_:
            continue
        if doc[k - 1].lower_ not in OFFICE_HOST_PREPS:
            continue
        if doc[k - 2].lower_.rstrip(".") not in PERSON_TITLES:
            continue
        end = ent.end
        while (
            end < len(doc)
            and end - ent.end < 4
            and end not in taken
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
        ):
            end += 1
        if end - ent.end >= 2 and (end not in loose or loose[end - 1] is not loose.get(end)):
            found.append(Span(doc, ent.end, end, label="PERSON"))
            dropped.update(id(loose[i]) for i in range(ent.end, end) if i in loose)
    if not found:
        return spans
    kept = [s for s in spans if id(s) not in dropped]
    return sorted([*kept, *found], key=lambda s: s.start)


def _groups_named_before_group_nouns(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Viv Ansanm coalition", "the Gran Grif gang": untagged capitalized words between
    "the" and a group noun name the group.

    >>> from graphkit.entity_spans import clean_ents
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Fighters of the Viv Ansanm coalition attacked a police station.")
    >>> [(e.text, e.label_) for e in clean_ents(doc)]
    [('Viv Ansanm', 'ORG')]
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    for head in doc:
        # the cheap flags first: a lower-case word right after a capitalized one
        if not head.is_lower or head.i < 2 or not doc[head.i - 1].is_title:
            continue
        if head.lemma_ not in ORG_HEADS:
            continue
        start = head.i
        while (
            start > 0
            and head.i - start < GROUP_NAME_WIDTH
            and (word := doc[start - 1]).pos_ == "PROPN"
            and word.is_title
            and word.i not in taken
            and word.i < word.head.i <= head.i
        ):
            start -= 1
        if start < head.i and start > 0 and doc[start - 1].lower_ == "the":
            found.append(Span(doc, start, head.i, label="ORG"))
    return _added(spans, found)
