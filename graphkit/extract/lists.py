"""Lists that name what an argument only counts: "met world leaders ..., including X and Y",
"his list of meetings with world leaders includes X, Y and Z", "extradited four individuals:
A, B and C", "expelled diplomats of 23 countries. They include A, B and C". One argument finder
(:func:`listed_later`), asked by ``finders.ACTOR_FINDERS`` in its turn; and lists the parse does
not coordinate, whose items semicolons part (:func:`semicolon_items`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import conjuncts
from graphkit.extract.tokens import kids, matches
from graphkit.lexicon import word_class
from graphkit.resolve import Actor

# What a counted noun's list names: people ("world leaders") or countries ("23 countries")
LISTED_KIND = {
    **{w: "Country" for w in word_class("listed_country_nouns")},
    **{w: "Person" for w in word_class("listed_people_nouns")},
    **{w: "Organization" for w in word_class("listed_body_nouns")},
}
LIST_SUBJECT_WORDS = word_class("list_subject_words")
LIST_PREPS = word_class("list_preps")
LIST_VERBS = word_class("list_verbs")
LIST_PREP = {"lower_": LIST_PREPS, "dep_": {"prep"}}  # "including X and Y"


def listed_later(token: Token, index: ArticleIndex, depth: int, events: bool) -> list[Actor] | None:
    """ "met world leaders on the sidelines of the summit, including X and Y", "his list of
    meetings with world leaders includes X, Y and Z", "expelled diplomats of 23 countries. They
    include A, B and C": the people or countries a later list names."""
    kind = LISTED_KIND.get(token.lower_)
    if token.tag_ != "NNS" or kind is None:
        return None
    listed: list[Token] = []
    # the subject of "includes": its object is the list
    path, up = token, token.head
    while up.i != path.i and up.pos_ not in ("VERB", "AUX") and up.sent.start == token.sent.start:
        path, up = up, up.head
    if up.lemma_ in LIST_VERBS and path.dep_ in ("nsubj", "nsubjpass"):
        listed = [o for c in kids(up, "dobj") for o in conjuncts(c)]
    # "including X and Y" later in the clause, hung on another noun
    for tok in token.doc[token.i + 1 : token.sent.end] if not listed else []:
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.text == ";":
            break
        if matches(tok, LIST_PREP):
            listed = [o for c in kids(tok, "pobj") for o in conjuncts(c)]
            break
    if not listed:
        listed = _colon_list(token)
    if not listed and token.sent.end < len(token.doc):
        listed = _next_sentence_list(token, token.doc[token.sent.end].sent.root)
    return [a for t in listed if (a := index.actor_typed(t, (kind,))) is not None] or None


def _colon_list(token: Token) -> list[Token]:
    """ "extradited four individuals: A, B, C and D": the names a colon right after the counted
    phrase opens, whatever the parse hung them on."""
    doc, colon = token.doc, token.right_edge.i + 1
    if colon >= token.sent.end or doc[colon].text != ":":
        return []
    names = (t for t in doc[colon + 1 : token.sent.end] if t.pos_ == "PROPN")
    first = next((t for t in names if t.dep_ not in ("compound", "flat")), None)
    return conjuncts(first) if first is not None else []


def _next_sentence_list(token: Token, root: Token) -> list[Token]:
    """ "... diplomats of 23 countries. They include A, B and C": the list the next sentence
    gives of what this one counted."""
    if root.lemma_ not in LIST_VERBS and root.lemma_ != "be":
        return []
    subjects = kids(root, "nsubj")
    if not subjects or not (
        subjects[0].lower_ in LIST_SUBJECT_WORDS or subjects[0].lemma_ == token.lemma_
    ):
        return []
    return [o for c in kids(root, "dobj", "attr") for o in conjuncts(c)]


def semicolon_items(token: Token, own: Actor, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "designated the Vice President of the Supreme Court, Marvin Aguilar; a Deputy of the
    National Assembly, Walmaro Gutierrez; and a Chief of the National Police, Fidel Dominguez":
    the people (or organizations) of a list whose items, each "a description, a name",
    semicolons part, when the argument (``own``, found for ``token``) is the first item's
    name."""
    doc, end = token.doc, token.sent.end
    if own.entity.type not in ("Person", "Organization") or not any(
        t.text == ";" for t in doc[token.i : end]
    ):
        return []
    first = next(
        (s for s, a in index.spans_between(token.i, end) if a.entity.key == own.entity.key), None
    )
    if first is None or first.end >= end or doc[first.end].text != ";":
        return []
    found: list[tuple[Token, Actor]] = []
    cut = first.end
    while cut < end and doc[cut].text == ";":
        nxt = next((i for i in range(cut + 1, end) if doc[i].text == ";"), end)
        item = _item_name(doc[cut + 1 : nxt], index, own.entity.type)
        if item is None:
            break
        found.append(item)
        cut = nxt
    return found


def _item_name(item: Span, index: ArticleIndex, kind: str) -> tuple[Token, Actor] | None:
    """The name an item of such a list gives, of the list's kind: at its start ("Oleg
    Sidorov, a businessman") or after its first comma ("a Deputy of the National Assembly,
    Walmaro Gutierrez")."""
    start = item.start + 1 if len(item) and item[0].lower_ == "and" else item.start
    commas = [t.i for t in item if t.text == ","]
    for at in (start, *commas[:1]):
        for span, actor in index.spans_between(at, item.end):
            if span.start == at + (at != start) and actor.entity.type == kind:
                return span.root, actor
    return None
