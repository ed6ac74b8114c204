"""Who "we" is: the first person plural of a quotation, of an official's own clause, or of the
government that issues a statement.

A press statement or readout ("Press Statement / Jen Psaki / Department Spokesperson", "The
below is attributable to Spokesperson ...") speaks for its government: its "we commend", "our
partners" are that country's. Inside a quotation "we" is whoever the quotation is told of
("'We will fight,' Hamas said"); in an official's own clause ("the Secretary pledged to
continue our cooperation") it is the country the official serves. Anywhere else (a reporter's
own voice in a news article) "we" stands for no actor.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import clause_subjects
from graphkit.extract.titles import GUESSED_TITLE
from graphkit.extract.tokens import line_breaks, select
from graphkit.lexicon import word_class
from graphkit.records import Entity
from graphkit.resolve import Actor, How

FIRST_PLURAL = word_class("first_plural_pronouns")
# Phrases on a short line of their own that mark a government's statement ("Press Statement",
# "Department Spokesperson", "Office of the Press Secretary")
ISSUER_CUES = word_class("issuer_cues")
SAY_HEADS = word_class("say_heads")
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
SHORT_LINE = 20  # tokens: a heading, a signature line, an attribution line
STATES = ("Country",)


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token positions of the doc's lines."""
    lines, start = [], 0
    for i in line_breaks(doc):
        lines.append((start, i + 1))
        start = i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def _cue_lines(doc: Doc) -> list[tuple[int, int]]:
    """Short lines that name the statement's kind or its spokesperson."""
    out = []
    for start, end in _lines(doc):
        line = list(doc[start:end])
        written = [t for t in line if not t.is_space]
        if not written or len(written) > SHORT_LINE:
            continue
        if any(t.pos_ == "VERB" and t.tag_ != "VBN" for t in line):
            continue  # a sentence ("Spokesperson Jane Roe said ..."), not a heading
        text = f" {' '.join(t.lower_ for t in written)} "
        if any(f" {cue} " in text for cue in ISSUER_CUES):
            out.append((start, end))
    return out


def _offices(found: list[Found]) -> dict[str, Entity]:
    """Person key -> the country a title or apposition (not a guess) says they serve."""
    return {
        f.subject.entity.key: f.object.entity
        for f in reversed(found)
        if f.predicate in ("leaderOf", "officialOf")
        and f.object.entity.type in STATES
        and f.method != GUESSED_TITLE
    }


def issuer(doc: Doc, index: ArticleIndex, filed: Actor | None, found: list[Found]) -> Actor | None:
    """The government a statement speaks for, or None for an article that is no statement.

    The country of the spokesperson or state body its heading lines name ("Jen Psaki /
    Department Spokesperson"), else the country it is filed from (its dateline "Washington,
    DC"), else the first country its text makes a subject ("The United States strongly
    condemns ...") or the one the first official it makes a subject serves.
    """
    lines = _cue_lines(doc)
    if not lines:
        return None
    offices = _offices(found)
    for start, end in lines:
        for _span, actor in index.spans_between(start, end):
            country = offices.get(actor.entity.key)
            if country is None and actor.entity.type in STATES:
                country = actor.entity
            if country is not None:
                return Actor(country, How.IMPLICIT)
    if filed is not None:
        return Actor(filed.entity, How.IMPLICIT)
    for tok in doc:
        subject = index.by_token.get(tok.i) if tok.dep_ == "nsubj" else None
        if subject is None:
            continue
        country = subject.entity if subject.entity.type in STATES else None
        country = country or offices.get(subject.entity.key)
        if country is not None:  # "Secretary Blinken spoke with ...": the one they serve
            return Actor(country, How.IMPLICIT)
    return None


def spokespeople_offices(found: list[Found], index: ArticleIndex) -> list[Found]:
    """A spokesperson whose office no word says, named on a statement's heading lines
    ("attributable to Spokesperson Heather Nauert"), serves the government issuing it."""
    if index.issuer is None:
        return found
    lines = [range(start, end) for start, end in _cue_lines(index.doc)]
    return [
        replace(f, object=Actor(index.issuer.entity, How.IMPLICIT), method="title")
        if f.method == GUESSED_TITLE
        and f.object.entity.type in STATES
        and any(f.cue.i in line for line in lines)
        else f
        for f in found
    ]


def _in_quotes(token: Token) -> bool:
    """Whether the token stands inside quotation marks opened on its own line."""
    doc = token.doc
    marks = 0
    for tok in reversed(doc[: token.i]):
        if "\n" in tok.text_with_ws:
            break
        marks += tok.text in QUOTE_MARKS or tok.text.startswith("“")
    return marks % 2 == 1


def _said_by(verb: Token, token: Token, index: ArticleIndex) -> list[Actor]:
    """The actors a say verb's subjects name, none of them the token itself."""
    from graphkit.extract.args import actors_for  # args asks the finders, one of them ours

    return [
        a
        for subject in clause_subjects(verb)
        if subject.i != token.i and not is_first_plural(subject)
        for a in actors_for(subject, index, depth=1)
    ]


def _quote_speaker(token: Token, index: ArticleIndex) -> list[Actor] | None:
    """ "'We will fight,' Hamas said", "we are imposing sanctions, said Adam Szubin": whoever
    the saying is told of, in this sentence or (a quotation running on) the one before."""
    quoted = _in_quotes(token)
    said_after = [
        v
        for v in token.ancestors
        if v.lemma_ in SAY_HEADS and v.i > token.i and v.pos_ in ("VERB", "AUX")
    ]
    if said_after:
        found = _said_by(said_after[0], token, index)
        if found:
            return found[:1]
    if not quoted:
        return None
    sent = token.sent
    own = [v for v in select(sent, pos=("VERB",)) if v.lemma_ in SAY_HEADS and v.i > token.i]
    before = token.doc[sent.start - 1].sent if sent.start > 0 else None
    if before is not None and "\n" not in token.doc[sent.start - 1].text_with_ws:
        own += [v for v in select(before, pos=("VERB",)) if v.lemma_ in SAY_HEADS]
    for verb in own:
        found = _said_by(verb, token, index)
        if found:
            return found[:1]
    return []  # a quotation of no one named: no actor


def _clause_speaker(token: Token, index: ArticleIndex) -> list[Actor]:
    """ "The United States remains steadfast in our support", "the Secretary pledged to
    continue our cooperation": the country the clause's subject is or serves."""
    verbs = select(token.ancestors, pos=("VERB", "AUX"))
    if not verbs:
        return []
    verb = verbs[0]
    for subject in clause_subjects(verb):
        actor = index.by_token.get(subject.i) or index.actor_at(subject)
        if actor is None:
            continue
        if actor.entity.type in STATES:
            return [Actor(actor.entity, How.PRONOUN)]
        country = index.affiliation.get(actor.entity.key)
        if country is not None:
            return [Actor(country, How.PRONOUN)]
    return []


def is_first_plural(token: Token) -> bool:
    """Whether the token is "we", "us", "our" (not "US", the country's initials)."""
    return token.lower_ in FIRST_PLURAL and token.pos_ == "PRON" and not token.is_upper


def first_person(token: Token, index: ArticleIndex) -> list[Actor] | None:
    """The actor "we", "us" or "our" stands for ([] for none), or None for another word.

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.resolve import resolve_doc
        >>> doc = load_nlp()('"We will fight on," Hamas said.')
        >>> index = ArticleIndex.over(resolve_doc(doc))
        >>> [a.entity.name for a in first_person(doc[1], index)]
        ['Hamas']
    """
    if not is_first_plural(token) or token.i in index.by_token:
        return None  # "the US" is a name
    quoted = _quote_speaker(token, index)
    if quoted is not None:
        return quoted
    own = _clause_speaker(token, index)
    if own:
        return own
    if index.issuer is not None:
        return [Actor(index.issuer.entity, How.PRONOUN)]
    return []


def voice_of(token: Token, index: ArticleIndex) -> list[Actor]:
    """Whose words a token is in: the sayer of the clause or quotation it stands in ("Maduro's
    dictatorial regime, Mnuchin said"), else the government issuing the statement, else no one
    (a reporter's own words).

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.resolve import resolve_doc
        >>> doc = load_nlp()("Japan said the corrupt regime of Myanmar must go.")
        >>> index = ArticleIndex.over(resolve_doc(doc))
        >>> [a.entity.name for a in voice_of(doc[5], index)]
        ['Japan']
    """
    sayers = [v for v in token.ancestors if v.lemma_ in SAY_HEADS and v.pos_ in ("VERB", "AUX")]
    if sayers:
        found = _said_by(sayers[0], token, index)
        if found:
            return found[:1]
    quoted = _quote_speaker(token, index)
    if quoted:
        return quoted
    return [Actor(index.issuer.entity, How.IMPLICIT)] if index.issuer is not None else []
