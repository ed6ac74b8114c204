"""Whose office a bare title is when its sentence does not say ("Foreign Minister Park Jin"):
settled once the whole article has been read (the titles themselves are read in ``titles``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.title_phrases import is_type, typed_actors
from graphkit.extract.titles import (
    GUESSED_TITLE,
    HINTED_TITLE,
    TITLE_CONFIDENCE,
    known_office,
    sentence_country,
)
from graphkit.extract.tokens import kids
from graphkit.lexicon import Lexicon
from graphkit.resolve import Actor, How


def settle_guessed_titles(
    found: list[Found],
    index: ArticleIndex,
    lex: Lexicon,
    home: Actor | None,
    *,
    year: int | None = None,
) -> tuple[list[Found], dict[tuple[str, int], list[Actor]]]:
    """Whose office a bare title is when its sentence does not say ("Foreign Minister Park Jin").

    The country the article gives the same person elsewhere comes first ("Turkish President
    Recep Tayyip Erdoğan" ... "President Erdoğan"); then the office a well-known person held in
    the article's year (``officeholders.csv``: "President Donald Trump"); then the country the
    sentence makes the subject of what the person says; then the article's home country (its
    dateline's, or the one it names most); then the sentence's own countries. Returns the
    relations, each guess holding its first candidate, and the candidates of each guess (by
    person and title token) for the events to overrule.
    """
    stated = [(f.subject.entity.key, f.object) for f in found if stated_office(f, "Country")]
    known = _first_each(stated)
    hints = [f for f in found if f.method == HINTED_TITLE]
    hinted = {id(f): _hinted_holder(f, known, lex, year) for f in hints}
    hinted_countries = [
        (f.subject.entity.key, hinted[id(f)])
        for f in hints
        if hinted[id(f)].entity.type == "Country"
    ]
    known = _first_each([*known.items(), *hinted_countries])
    out = []
    candidates: dict[tuple[str, int], list[Actor]] = {}
    for f in found:
        if f.method == HINTED_TITLE:
            out.append(replace(f, object=hinted[id(f)], method="title"))
            continue
        if f.method != GUESSED_TITLE:
            out.append(f)
            continue
        holder = _known_holder(f, known, lex, year)
        if holder is not None:
            conf = TITLE_CONFIDENCE * 0.9 * f.subject.weight
            out.append(
                replace(
                    f, object=Actor(holder.entity, How.IMPLICIT), confidence=conf, method="title"
                )
            )
            continue
        if f.object.entity.type == "Organization":
            out.append(replace(f, method="title"))
            continue
        lo, hi = f.span
        span = next(
            (sp for sp, a in index.spans if sp.end == hi and a.entity.type == "Person"), None
        )
        # "Former President", "former police officer" (the word before it, or on it)
        title = [*f.cue.doc[max(f.cue.i - 1, 0) : f.cue.i + 1], *f.cue.children]
        if span is None or "former" in (t.lower_ for t in title):
            continue  # a former officeholder's country is not the article's to guess
        ranked = [spoken_country(span, index), home, sentence_country(span, lo, index, lex)]
        office = f.cue.doc[lo : span.start].text  # "Foreign Minister Augusto" in a U.S. readout
        unique: dict[str, Actor] = {}
        for actor in filter(None, ranked):
            if not lex.uses_title(dict(actor.entity.ids).get("iso3", ""), office):
                continue  # the U.S. has no foreign minister
            unique.setdefault(actor.entity.key, Actor(actor.entity, How.IMPLICIT))
        if unique:
            candidates[(f.subject.entity.key, f.cue.i)] = list(unique.values())
            out.append(replace(f, object=next(iter(unique.values()))))
    return out, candidates


def _first_each(pairs: list[tuple[str, Actor]]) -> dict[str, Actor]:
    """The first actor given for each key."""
    return dict(reversed(pairs))


def stated_office(f: Found, *types: str) -> bool:
    """Whether ``f`` is an office the article states by a title or an apposition (not a guess),
    held in a country or organization of one of ``types`` (any when none is given)."""
    office = f.predicate in ("leaderOf", "officialOf") and f.method in ("title", "apposition")
    return office and is_type(f.object, *types)


def _hinted_holder(f: Found, known: dict[str, Actor], lex: Lexicon, year: int | None) -> Actor:
    """The office a title the sentence hints at is: the country the article's explicit titles
    give the same person, else the office a well-known person held that year, else the hint."""
    holder = _known_holder(f, known, lex, year)
    if is_type(holder, f.object.entity.type):
        return holder
    return f.object


def _known_holder(
    f: Found, known: dict[str, Actor], lex: Lexicon, year: int | None
) -> Actor | None:
    """The country the article's explicit titles give the titled person, else the office a
    well-known person held that year."""
    return known.get(f.subject.entity.key) or known_office(f.subject.entity.name, lex, year)


def _reported_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb's clause and of the clauses it reports ("said Ethiopia would ...")."""
    clauses = kids(verb, "ccomp", "xcomp", "advcl", pos=("VERB", "AUX"))
    return [c for t in [verb, *clauses] for c in kids(t, "nsubj", "nsubjpass")]


def spoken_country(span: Span, index: ArticleIndex) -> Actor | None:
    """The country a titled speaker speaks for when the sentence makes it the subject of what
    they say or do: "Water Minister Seleshi Bekele said Ethiopia would begin ...", "British
    jets downed several drones, according to Prime Minister Rishi Sunak"."""
    root = span.root
    while root.dep_ in ("compound", "appos") and root.head.pos_ == "PROPN":
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        verb = root.head.head.head
    else:
        return None
    owners = [
        t
        for subj in _reported_subjects(verb)
        if subj.i not in range(span.start, span.end)
        for t in [subj, *kids(subj, "poss", "amod", "compound")]
    ]
    spoken = [a for a in typed_actors(index, owners, "Country") if a.how != How.PRONOUN]
    return next(iter(spoken), None)
