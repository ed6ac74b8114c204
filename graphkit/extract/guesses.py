"""Whose office a bare title is when its sentence does not say ("Foreign Minister Park Jin"):
settled once the whole article has been read (the titles themselves are read in ``titles``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.titles import (
    GUESSED_TITLE,
    HINTED_TITLE,
    TITLE_CONFIDENCE,
    known_office,
    sentence_country,
)
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
    known: dict[str, Actor] = {}
    for f in found:
        if (
            f.predicate in ("leaderOf", "officialOf")
            and f.method in ("title", "apposition")
            and f.object.entity.type == "Country"
        ):
            known.setdefault(f.subject.entity.key, f.object)
    hinted = {id(f): _hinted_holder(f, known, lex, year) for f in found if f.method == HINTED_TITLE}
    for f in found:
        if f.method == HINTED_TITLE and hinted[id(f)].entity.type == "Country":
            known.setdefault(f.subject.entity.key, hinted[id(f)])
    out = []
    candidates: dict[tuple[str, int], list[Actor]] = {}
    for f in found:
        if f.method == HINTED_TITLE:
            out.append(replace(f, object=hinted[id(f)], method="title"))
            continue
        if f.method != GUESSED_TITLE:
            out.append(f)
            continue
        holder = known.get(f.subject.entity.key) or known_office(f.subject.entity.name, lex, year)
        if holder is None and f.object.entity.type == "Organization":
            out.append(replace(f, method="title"))
            continue
        if holder is not None:
            conf = TITLE_CONFIDENCE * 0.9 * f.subject.weight
            out.append(
                replace(
                    f, object=Actor(holder.entity, How.IMPLICIT), confidence=conf, method="title"
                )
            )
            continue
        lo, hi = f.span
        span = next(
            (sp for sp, a in index.spans if sp.end == hi and a.entity.type == "Person"), None
        )
        if span is None or "former" in (f.cue.lower_, f.cue.nbor(-1).lower_ if f.cue.i > 0 else ""):
            continue  # a former officeholder's country is not the article's to guess
        ranked = [spoken_country(span, index), home, sentence_country(span, lo, index, lex)]
        unique: list[Actor] = []
        for actor in ranked:
            if actor is not None and all(actor.entity.key != u.entity.key for u in unique):
                unique.append(Actor(actor.entity, How.IMPLICIT))
        if unique:
            candidates[(f.subject.entity.key, f.cue.i)] = unique
            out.append(replace(f, object=unique[0]))
    return out, candidates


def _hinted_holder(
    f: Found, known: dict[str, Actor], lex: Lexicon, year: int | None
) -> Actor:
    """The office a title the sentence hints at is: the country the article's explicit titles
    give the same person, else the office a well-known person held that year, else the hint."""
    holder = known.get(f.subject.entity.key) or known_office(f.subject.entity.name, lex, year)
    if holder is not None and holder.entity.type == f.object.entity.type:
        return holder
    return f.object


def _reported_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb's clause and of the clauses it reports ("said Ethiopia would ...")."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for clause in (
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp", "advcl") and c.pos_ in ("VERB", "AUX")
    ):
        out.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


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
    for subj in _reported_subjects(verb):
        if subj.i in range(span.start, span.end):
            continue
        for tok in [subj, *(c for c in subj.children if c.dep_ in ("poss", "amod", "compound"))]:
            actor = index.actor_at(tok)
            if actor is not None and actor.entity.type == "Country" and actor.how != How.PRONOUN:
                return actor
    return None
