"""Doc -> relation records with evidence (no rdflib here).

Examples:
    >>> from graphkit.nlp import load_nlp
    >>> from graphkit.records import Article
    >>> art = Article.from_text(
    ...     "Colombian President Gustavo Petro met U.S. President Donald Trump."
    ... )
    >>> result = extract_doc(load_nlp()(art.text), art)
    >>> for r in sorted((r.subject.name, r.predicate, r.object.name) for r in result.relations):
    ...     print(r)
    ('Donald Trump', 'leaderOf', 'United States')
    ('Gustavo Petro', 'leaderOf', 'Colombia')
    ('Gustavo Petro', 'metWith', 'Donald Trump')
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Span, Token

from graphkit.actors import names_kept
from graphkit.dates import resolve_event_date
from graphkit.extract.article import revise
from graphkit.extract.collectives import is_collective
from graphkit.extract.events import Found, sentence_events
from graphkit.extract.found import calibrate
from graphkit.extract.guesses import settle_guessed_titles
from graphkit.extract.known import ArticleIndex
from graphkit.extract.speakers import issuer, spokespeople_offices
from graphkit.extract.static import static_relations
from graphkit.extract.titles import GUESSED_TITLE
from graphkit.extract.tokens import indexed, kids, line_breaks
from graphkit.lexicon import Lexicon, load_lexicon, word_class
from graphkit.records import Article, ArticleResult, Evidence, Relation
from graphkit.resolve import Actor, How, country_entity, resolve_doc
from graphkit.vocab import relation

PRIVATE_PEOPLE = word_class("private_people")

__all__ = ["extract_doc"]


def _place_country(place: str, lex: Lexicon) -> Actor | None:
    """The country a dateline's place stands for: a seat of government or the country's name."""
    country = (lex.metonym(place) or lex.country(place)) if place else None
    return Actor(country_entity(lex, country.iso3), How.IMPLICIT) if country else None


def _dateline_country(doc: Doc, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """The country of a dateline ("BOGOTÁ —", "WASHINGTON (Reuters) -") near the top."""
    toks = list(doc[: min(len(doc), 81)])  # the tokens read and the one after the last
    for k, tok in enumerate(toks[:80]):
        # a dateline's place is written in capitals or title case: other words are passed over
        # before their text is read
        if k + 1 == len(toks) or not (tok.is_upper or tok.is_title):
            continue
        if not (len(tok.text) > 2 and tok.is_alpha):
            continue
        nxt = toks[k + 1]
        # "BOGOTÁ —", and in press releases a line opening "Washington – Today, ..."
        upper = tok.is_upper and (nxt.text in ("—", "–", "-", "(", ",") or nxt.is_upper)
        line_start = k == 0 or "\n" in toks[k - 1].text_with_ws
        home = upper or (line_start and tok.is_title and nxt.text in ("—", "–"))
        if home and (actor := _place_country(tok.text, lex)) is not None:
            return actor
    return None


def _filed_from(article: Article, lex: Lexicon) -> Actor | None:
    """The country of the place the reader took the article's dateline from
    (``Article.dateline``: "TEHRAN, Iran", "Washington, DC"): its first part's seat or name."""
    return _place_country(article.dateline.split(",")[0].strip(), lex)


def _dateline_line(doc: Doc, lex: Lexicon) -> Actor | None:
    """A dateline on a short line of its own near the top of a press release ("Washington,
    DC"): a seat of government, not a country's own name ("Iraq Attack" is a headline)."""
    start = 0  # where the line begins
    for lines, end in enumerate((i for i in line_breaks(doc) if i < 80), start=1):
        first = doc[start].text if 0 < end - start <= 4 else None  # a short line's first word
        seat = lex.metonym(first) if first is not None and lex.country(first) is None else None
        if seat is not None:
            return Actor(country_entity(lex, seat.iso3), How.IMPLICIT)
        start = end + 1
        if lines >= 6:
            break
    return None


def _salient_country(index: ArticleIndex) -> Actor | None:
    """The article's clear home country: the one it names most, when no other comes close."""
    home = index.salient_country()
    return Actor(home, How.IMPLICIT) if home is not None else None


class _Sentences:
    """The article's sentences by token position, each one's text and event date worked out once
    (``Token.sent`` scans the whole document's annotation on every call)."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.spans = list(doc.sents)
        self.starts = [sent.start for sent in self.spans]
        self._article = article
        self._seen: dict[int, tuple[str, str]] = {}
        self._text: str | None = None

    def _sent_at(self, i: int) -> Span:
        """The sentence holding token ``i``, as ``Span.sent`` gives it."""
        return self.spans[bisect_right(self.starts, i) - 1]

    @contextmanager
    def hooked(self, doc: Doc) -> Iterator[None]:
        """``Token.sent`` and ``Span.sent`` found by bisection while the block runs (the rules
        ask for them thousands of times an article), unless the document has hooks of its own.
        """
        if "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks:
            yield
            return
        doc.user_token_hooks["sent"] = lambda tok: self._sent_at(tok.i)
        doc.user_span_hooks["sent"] = lambda span: self._sent_at(span.start)
        try:
            yield
        finally:
            del doc.user_token_hooks["sent"], doc.user_span_hooks["sent"]

    def text_and_date(self, token: Token) -> tuple[str, str]:
        """The stripped text and the resolved event date of the token's sentence."""
        k = bisect_right(self.starts, token.i) - 1
        if k not in self._seen:
            sent = self.spans[k]
            if self._text is None:
                self._text = sent.doc.text  # joined once: ``Span.text`` joins its tokens' texts
            text = self._text[sent.start_char : sent.end_char]
            date = self._article.date
            when = resolve_event_date(text, date) if date else ""
            self._seen[k] = (text.strip(), when)
        return self._seen[k]


def _to_relation(found: Found, article: Article, doc: Doc, sentences: _Sentences) -> Relation:
    text, when = sentences.text_and_date(found.cue)
    lo, hi = found.span
    start = doc[lo].idx
    last = doc[hi - 1]
    evidence = Evidence(
        article_id=article.id,
        sentence=text,
        start=start,
        end=last.idx + len(last.text),
        cue=_cue_text(found.cue),
        confidence=round(min(found.confidence, 0.99), 3),
        modality=found.modality,
        method=found.method,
        event_date=when,
    )
    return Relation(found.subject.entity, found.predicate, found.object.entity, evidence)


def _cue_text(cue: Token) -> str:
    parts = [c for c in kids(cue, "prt", "compound") if abs(c.i - cue.i) <= 2]
    toks = sorted([cue, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def rule_rank(found: Found) -> float:
    """The rule's own confidence, as the evidence rounds it: which of two findings of one
    relation at one place is kept (the calibrated confidence does not decide that)."""
    return round(min(found.confidence, 0.99), 3)


def _dedupe(relations: Iterable[tuple[Relation, float]]) -> list[Relation]:
    """One relation per (subject, predicate, object, sentence): the highest ranked wins."""
    best: dict[tuple[str, str, str, int], tuple[Relation, float]] = {}
    for rel, rank in relations:
        key = (rel.subject.key, rel.predicate, rel.object.key, rel.evidence.start)
        prev = best.get(key)
        if prev is None or rank > prev[1]:
            best[key] = (rel, rank)
    return sorted(
        (rel for rel, _ in best.values()),
        key=lambda r: (r.evidence.start, r.predicate, r.subject.key, r.object.key),
    )


def _valid(found: Found) -> bool:
    """The types ``ontology/relations.csv`` allows for the relation's subject and object; no
    talks with private people ("met with Angolan journalists, human rights activists")."""
    s, o = found.subject.entity, found.object.entity
    info = relation(found.predicate)
    if info.talks and is_collective(o) and o.name.split()[-1].lower() in PRIVATE_PEOPLE:
        return False
    return info.allows(s.type, o.type, collective=is_collective(o))


def extract_doc(
    doc: Doc, article: Article, *, min_confidence: float = 0.0, lex: Lexicon | None = None
) -> ArticleResult:
    """Every relation one parsed article states, with canonical in-article entities."""
    sentences = _Sentences(doc, article)
    with sentences.hooked(doc), indexed(doc), names_kept(doc):
        return _extract(doc, article, sentences, min_confidence, lex or load_lexicon())


def _extract(
    doc: Doc, article: Article, sentences: _Sentences, min_confidence: float, lex: Lexicon
) -> ArticleResult:
    index = ArticleIndex.over(resolve_doc(doc, lex=lex))
    filed = (
        _filed_from(article, lex) or _dateline_country(doc, index, lex) or _dateline_line(doc, lex)
    )
    home = filed or _salient_country(index)
    found = [
        f
        for sent in sentences.spans
        for f in static_relations(sent, index, lex, default_country=home)
    ]
    year = int(article.date[:4]) if article.date[:4].isdigit() else None
    found, candidates = settle_guessed_titles(found, index, lex, home, year=year)
    index.issuer = issuer(doc, index, filed, found)
    found = spokespeople_offices(found, index)
    index.learn_offices(found, ("title", "apposition", GUESSED_TITLE))
    for sent in sentences.spans:
        # each cue token's events, recorded before the next token is read (later cues refer
        # to them: "the attack", "the two sides")
        for pos, told in sentence_events(list(sent), lex, index):
            index.tell(pos, told)
            found.extend(told)
    found = revise(found, index, candidates)
    sure = calibrate(found, sentence_starts=sentences.starts)
    relations = _dedupe(
        (_to_relation(f, article, doc, sentences), rule_rank(rule))
        for f, rule in zip(sure, found, strict=True)
        if _valid(f) and f.confidence >= min_confidence
    )
    entities = index.final_entities()
    # entities keep every name the article used for them
    by_key = dict(entities)
    for r in relations:  # actors that are no named mention ("Sudanese rebels") are entities too
        by_key.setdefault(r.subject.key, r.subject)
        by_key.setdefault(r.object.key, r.object)
    relations = [
        Relation(
            by_key.get(r.subject.key, r.subject),
            r.predicate,
            by_key.get(r.object.key, r.object),
            r.evidence,
        )
        for r in relations
    ]
    return ArticleResult(
        article, tuple(sorted(by_key.values(), key=lambda e: e.key)), tuple(relations)
    )
