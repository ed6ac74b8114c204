"""Offices from titles and appositions: "Colombian President Gustavo Petro" (leaderOf),
"Russian Foreign Minister Sergei Lavrov" (officialOf), "Petro, Colombia's president",
"NATO Secretary-General Jens Stoltenberg", and whose office a bare title is ("President Donald
Trump", "Foreign Minister Park Jin") when the sentence does not say.

Whose office a bare title is: ``title_holders.py``; offices told by an apposition, a host
phrase or a group "of" a person: ``appositions.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graphkit.extract.appositions import APPOSITION_CONFIDENCE as APPOSITION_CONFIDENCE
from graphkit.extract.appositions import apposed_title, group_of_person
from graphkit.extract.appositions import poss_holder as poss_holder
from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex, typed
from graphkit.extract.title_holders import (
    coordinated_holder,
    guessed_holder,
    implicit_holder,
    received_envoy,
)
from graphkit.extract.title_holders import known_office as known_office
from graphkit.extract.title_holders import salient_organization as salient_organization
from graphkit.extract.title_holders import sentence_country as sentence_country
from graphkit.extract.title_phrases import holder_after, holder_before, title_before, title_ending
from graphkit.lexicon import Lexicon, actor_nouns
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How, country_entity

TITLE_CONFIDENCE = 0.9

GUESSED_TITLE = "title:guess"  # no word of the sentence says whose office it is

HINTED_TITLE = "title:hint"  # the sentence hints at it: a seat of government, a coordinated title

IMPLICIT_CONFIDENCE = 0.55

NON_STATE_GROUPS = actor_nouns("non_state")

HOLDER_TYPES = ("Country", "Organization")  # whose office a title is


def person_titles(
    span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon, default_country: Actor | None
) -> Iterator[Found]:
    """The office a named person holds: by the title before the name, else by an apposition."""
    found = title_before(span, lex)
    if found is not None and "opposition" in (
        found[2].lower(),
        span.doc[max(found[1] - 1, 0)].lower_,
    ):
        return  # an opposition leader leads no country
    if found is not None:
        titled = _titled(span, actor, index, lex, default_country, found)
        if titled is not None:
            # "General Abdourahamane Tiani, the country's military ruler": an office the
            # apposition gives outranks a rank before the name
            leads = (
                [] if titled.predicate != "officialOf" else _apposed_leader(span, actor, index, lex)
            )
            yield from leads or [titled]
            return
    apposed = list(apposed_title(span, actor, index, lex))
    yield from apposed or _title_below(span, actor, index, lex, default_country)
    yield from group_of_person(span, actor, index)


def _apposed_leader(span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon) -> list[Found]:
    """The leaderOf relations an apposition to the name gives ("the country's military ruler")."""
    return [f for f in apposed_title(span, actor, index, lex) if f.predicate == "leaderOf"]


def _titled(
    span: Span,
    actor: Actor,
    index: ArticleIndex,
    lex: Lexicon,
    default_country: Actor | None,
    found: tuple[str, int, str],
) -> Found | None:
    """ "Colombian President Gustavo Petro", "Secretary of State Antony Blinken", "President
    Joe Biden" (whose office the sentence hints at or the article decides later)."""
    rel, lo, title = found
    holder = holder_before(span, lo, index) or holder_after(span, index)
    conf, method = TITLE_CONFIDENCE, "title"
    own = lex.title_country(title) if holder is None else None
    if own is not None:
        # "Secretary of State Antony Blinken"
        holder = Actor(country_entity(lex, own.iso3), How.IMPLICIT)
        conf, method = TITLE_CONFIDENCE * 0.9, HINTED_TITLE
    if holder is None:
        holder = coordinated_holder(span, lo, index, lex) or implicit_holder(
            span, lo, index, lex, title
        )
        conf, method = IMPLICIT_CONFIDENCE, HINTED_TITLE
    if holder is None:
        holder = guessed_holder(span, actor, index, lex, default_country, lo, title)
        method = GUESSED_TITLE
    holder = typed(holder, HOLDER_TYPES)
    if holder is None:
        return None
    if method != "title" and received_envoy(span, title, holder, index):
        return None
    doc = span.doc
    if holder.entity.type == "Country" and any(
        t.lower_ in NON_STATE_GROUPS for t in doc[max(lo - 2, span.sent.start) : lo]
    ):
        return None  # "Rebel delegation spokesman Yohanis Pouk": no country's official
    return Found(actor, rel, holder, doc[lo], (lo, span.end), conf * actor.weight, ASSERTED, method)


def _title_below(
    span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon, default_country: Actor | None
) -> Iterator[Found]:
    """ "Jen Psaki / Department Spokesperson": a name on a line of its own above a line that
    is its title (a press statement's signature), whose office the article settles."""
    doc = span.doc
    if span.start > 0 and "\n" not in doc[span.start - 1].text_with_ws:
        return
    if span.end >= len(doc) or "\n" not in doc[span.end - 1].text_with_ws + doc[span.end].text:
        return
    lo = span.end + 1 if doc[span.end].is_space else span.end
    last = min(len(doc), lo + 5)  # a title line has at most five words
    end = next((i for i in range(lo, last) if "\n" in doc[i].text), last)
    found = title_ending(doc, end, lo, lex) if end < len(doc) else None
    if found is None or found[1] > lo + 1:
        return
    # "Department Spokesperson": a title only one country uses says whose office it is
    own = lex.title_country(found[2])
    if own is None:
        guess = guessed_holder(span, actor, index, lex, default_country, found[1], found[2])
        method, conf = GUESSED_TITLE, IMPLICIT_CONFIDENCE
    else:
        guess = Actor(country_entity(lex, own.iso3), How.IMPLICIT)
        method, conf = HINTED_TITLE, TITLE_CONFIDENCE * 0.9
    holder = typed(guess, HOLDER_TYPES)
    if holder is not None:
        yield Found(
            actor,
            found[0],
            holder,
            doc[found[1]],
            (span.start, span.end),  # the name's span: the article settles a guess by it
            conf * actor.weight,
            ASSERTED,
            method,
        )
