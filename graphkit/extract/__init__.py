"""Doc -> relation records with evidence (no rdflib here).

Examples:
    >>> from graphkit.nlp import load_nlp
    >>> from graphkit.records import Article
    >>> art = Article.from_text("Colombian President Gustavo Petro met U.S. President Donald Trump.")
    >>> result = extract_doc(load_nlp()(art.text), art)
    >>> sorted((r.subject.name, r.predicate, r.object.name) for r in result.relations)
    [('Donald Trump', 'leaderOf', 'United States'), ('Gustavo Petro', 'leaderOf', 'Colombia'), ('Gustavo Petro', 'metWith', 'Donald Trump')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from graphkit.dates import resolve_event_date
from graphkit.extract.args import is_collective
from graphkit.extract.events import Found, sentence_events
from graphkit.extract.static import static_relations
from graphkit.extract.titles import GUESSED_TITLE, settle_guessed_titles
from graphkit.lexicon import Lexicon, load_lexicon, norm
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.resolve import Actor, MentionIndex, country_entity, resolve_doc
from graphkit.vocab import relation

__all__ = ["extract_doc"]


def _dateline_country(doc: Doc, index: MentionIndex, lex: Lexicon) -> Actor | None:
    """The country of a dateline ("BOGOTÁ —", "WASHINGTON (Reuters) -") near the top."""
    for tok in doc[: min(len(doc), 80)]:
        if tok.is_upper and len(tok.text) > 2 and tok.is_alpha:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.text in ("—", "–", "-", "(", ",") or nxt.is_upper):
                country = lex.metonym(tok.text) or lex.country(tok.text)
                if country is not None:
                    return Actor(country_entity(lex, country.iso3), "implicit")
    return None


def _salient_country(index: MentionIndex) -> Actor | None:
    counts: Counter[str] = Counter()
    ents: dict[str, Entity] = {}
    for _, actor in index.spans:
        if actor.entity.type == "Country":
            counts[actor.entity.key] += 1
            ents[actor.entity.key] = actor.entity
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), ("", 0)]
    if rest and rest[0][1] * 2 > n:
        return None  # no clear home country
    return Actor(ents[top], "implicit")


def _to_relation(found: Found, article: Article, doc: Doc, dates: dict[int, str]) -> Relation:
    sent = found.cue.sent
    if sent.start not in dates:
        dates[sent.start] = resolve_event_date(sent.text, article.date) if article.date else ""
    lo, hi = found.span
    start = doc[lo].idx
    end = doc[hi - 1].idx + len(doc[hi - 1].text)
    evidence = Evidence(
        article_id=article.id,
        sentence=sent.text.strip(),
        start=start,
        end=end,
        cue=_cue_text(found.cue),
        confidence=round(min(found.confidence, 0.99), 3),
        modality=found.modality,
        method=found.method,
        event_date=dates[sent.start],
    )
    return Relation(found.subject.entity, found.predicate, found.object.entity, evidence)


def _cue_text(cue: Token) -> str:
    parts = [c for c in cue.children if c.dep_ in ("prt", "compound") and abs(c.i - cue.i) <= 2]
    toks = sorted([cue, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _dedupe(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per (subject, predicate, object, sentence): the most confident wins."""
    best: dict[tuple[str, str, str, int], Relation] = {}
    for rel in relations:
        key = (rel.subject.key, rel.predicate, rel.object.key, rel.evidence.start)
        prev = best.get(key)
        if prev is None or rel.evidence.confidence > prev.evidence.confidence:
            best[key] = rel
    return sorted(best.values(), key=lambda r: (r.evidence.start, r.predicate, r.subject.key, r.object.key))


def _valid(found: Found) -> bool:
    """Type constraints of the vocabulary (ontology domains and ranges)."""
    s, o, p = found.subject.entity, found.object.entity, found.predicate
    if p in ("leaderOf", "officialOf"):
        return s.type == "Person" and o.type in ("Country", "Organization")
    if p == "memberOf":
        return s.type in ("Country", "Person", "Organization") and o.type == "Organization"
    if p == "locatedIn":
        return s.type == "Place" and o.type in ("Country", "Place")
    if p == "extradited":
        return o.type == "Person"
    if p == "arrested":
        return o.type == "Person" or is_collective(o)
    if s.type == "Place":
        return False
    return not (o.type == "Place" and p not in ("visited", "attacked", "coerced", "protested", "threatened", "mobilizedAgainst", "retreatedFrom", "conceded"))


def _drop_contradicted_titles(
    found: list[Found], index: MentionIndex, candidates: dict[tuple[str, int], list[Actor]]
) -> list[Found]:
    """A guessed office ("Defense Secretary X" with no country named) gives way when X and that
    very country, or its leader or official, are the two sides of an event in the same sentence
    ("X called the Chinese action reckless", "President Joe Biden spoke with Israeli Prime
    Minister Benjamin Netanyahu"): the next candidate country is taken, if any is left."""
    events = [f for f in found if f.predicate not in ("leaderOf", "officialOf", "memberOf", "locatedIn")]
    stated = {
        f.subject.entity.key: f.object.entity.key
        for f in found
        if f.predicate in ("leaderOf", "officialOf") and f.method in ("title", "apposition") and f.object.entity.type == "Country"
    }
    against: set[tuple[str, str, int]] = set()
    for f in events:
        s, o, at = f.subject.entity.key, f.object.entity.key, f.cue.sent.start
        against |= {(s, o, at), (o, s, at)}
        if relation(f.predicate).plover not in ("CONSULT", "AGREE"):
            continue  # a president may side with or criticize his own prime minister
        for side, other in ((s, o), (o, s)):
            if other in stated:
                against.add((side, stated[other], at))  # "X met Israeli Prime Minister Y"
    out: list[Found] = []
    for f in found:
        options = candidates.get((f.subject.entity.key, f.cue.i)) if f.method == GUESSED_TITLE else None
        if options is None:
            out.append(f)
            continue
        at = f.cue.sent.start
        free = [a for a in options if (f.subject.entity.key, a.entity.key, at) not in against]
        if free:
            out.append(replace(f, object=free[0]))
    return out


STATIC = frozenset({"leaderOf", "officialOf", "memberOf", "locatedIn"})


def _against_own(found: Found, stated: dict[str, str]) -> bool:
    """An event between a person and the country the article says they lead or serve
    ("Zakharova criticized what she called attempts to 'push Russia out'", "praising the flag
    of Kenya") is a misreading."""
    if found.predicate in STATIC or found.predicate == "agreedWith":
        return False  # a leader's promise to their own country is one ("promised to democratize Serbia")
    s, o = found.subject.entity.key, found.object.entity.key
    return stated.get(s) == o or stated.get(o) == s


RELEASE_NOUNS = frozenset({"release", "freedom", "return", "handover", "extradition"})


def _holders_asked(found: list[Found]) -> list[Found]:
    """Demanding a prisoner's release asks whoever holds them: "Warsaw demanded the release of
    Andrzej Poczobut" (whom Belarus arrested) requests Belarus."""
    holders: dict[str, list[Found]] = {}
    for f in found:
        if f.predicate in ("arrested", "coerced") and f.object.entity.type == "Person":
            holders.setdefault(norm(f.object.entity.name), []).append(f)
    out = []
    for f in found:
        name = norm(f.object.entity.name)  # the model may tag the same name a person once, an organization later
        if f.predicate == "requested" and f.object.entity.type != "Country" and name in holders:
            asks_release = any(c.dep_ == "dobj" and c.lemma_ in RELEASE_NOUNS for c in f.cue.children) or f.cue.lemma_ in RELEASE_NOUNS
            before = [h for h in holders[name] if h.cue.i < f.cue.i and h.subject.entity.key != f.subject.entity.key]
            if asks_release and before:
                f = replace(f, object=Actor(before[-1].subject.entity, "nominal", before[-1].subject.place), method=f"{f.method}:holder")
        out.append(f)
    return out


def _country_of(actor: Actor, index: MentionIndex) -> str:
    """The ISO3 code an actor acts for: a country's own, a group's nationality, an official's state."""
    ids = dict(actor.entity.ids)
    if ids.get("iso3"):
        return ids["iso3"]
    if ids.get("country"):
        return ids["country"]
    home = index.affiliation.get(actor.entity.key)
    return dict(home.ids).get("iso3", "") if home is not None else ""


def _domestic_ban(found: Found, index: MentionIndex) -> Found:
    """Banning or suspending one's own people coerces them ("Museveni has banned Ugandan
    opposition candidates"); banning foreigners ("the three Baltic states banned Ivanishvili")
    sanctions them."""
    if found.predicate != "sanctioned" or found.cue.lemma_ not in ("ban", "suspend", "outlaw"):
        return found
    own = _country_of(found.subject, index)
    return replace(found, predicate="coerced") if own and own == _country_of(found.object, index) else found


HOSTILE_TO_PLACES = frozenset({"attacked", "coerced", "mobilizedAgainst", "threatened"})


def _places_countries(found: list[Found], index: MentionIndex) -> list[Found]:
    """An attack on a place is an attack on its country too: "Ukrainian naval drones struck
    the Russian port of Novorossiysk" attacked Russia."""
    out = []
    for f in found:
        place = f.object.place or f.object.entity
        if f.predicate not in HOSTILE_TO_PLACES or f.object.entity.type != "Place":
            continue
        code = dict(place.ids).get("country", "")
        if code in index.lex.by_iso3 and code != dict(f.subject.entity.ids).get("iso3"):
            country = Actor(country_entity(index.lex, code), "nominal")
            out.append(replace(f, object=country, confidence=f.confidence * 0.9, method=f"{f.method}:place"))
    return out


def _envoys_countries(found: list[Found], index: MentionIndex) -> list[Found]:
    """Expelling or summoning an envoy is aimed at the envoy's country too: "declared the
    Mexican ambassador, Raquel Serur, persona non grata" expels Mexico's."""
    out = []
    for f in found:
        if f.predicate not in ("expelled", "protested") or f.object.entity.type != "Person":
            continue
        country = index.affiliation.get(f.object.entity.key)
        if country is not None and country.key != f.subject.entity.key:
            out.append(replace(f, object=Actor(country, "nominal"), confidence=f.confidence * 0.9, method=f"{f.method}:envoy"))
    return out


def extract_doc(doc: Doc, article: Article, *, min_confidence: float = 0.0, lex: Lexicon | None = None) -> ArticleResult:
    """Every relation one parsed article states, with canonical in-article entities."""
    lex = lex or load_lexicon()
    index = resolve_doc(doc, lex=lex)
    home = _dateline_country(doc, index, lex) or _salient_country(index)
    found = [f for sent in doc.sents for f in static_relations(sent, index, lex, default_country=home)]
    year = int(article.date[:4]) if article.date[:4].isdigit() else None
    found, candidates = settle_guessed_titles(found, index, lex, home, year=year)
    for f in found:
        if f.predicate in ("leaderOf", "officialOf") and f.object.entity.type == "Country":
            index.affiliation.setdefault(f.subject.entity.key, f.object.entity)
        if f.predicate == "leaderOf" and f.method in ("title", "apposition", GUESSED_TITLE):
            index.leaders.setdefault(f.object.entity.key, f.subject.entity)
    for sent in doc.sents:
        found.extend(sentence_events(list(sent), lex, index))
    dates: dict[int, str] = {}
    found = _drop_contradicted_titles(found, index, candidates)
    found += _envoys_countries(found, index)
    found += _places_countries(found, index)
    found = _holders_asked(found)
    found = [_domestic_ban(f, index) for f in found]
    stated = {
        f.subject.entity.key: f.object.entity.key
        for f in found
        if f.predicate in ("leaderOf", "officialOf") and f.method in ("title", "apposition")
    }
    found = [f for f in found if not _against_own(f, stated)]
    relations = [
        _to_relation(f, article, doc, dates)
        for f in found
        if _valid(f) and f.confidence >= min_confidence
    ]
    relations = _dedupe(relations)
    entities = index.final_entities()
    # entities keep every name the article used for them
    by_key = dict(entities)
    for r in relations:  # actors that are no named mention ("Sudanese rebels") are entities too
        by_key.setdefault(r.subject.key, r.subject)
        by_key.setdefault(r.object.key, r.object)
    relations = [
        Relation(by_key.get(r.subject.key, r.subject), r.predicate, by_key.get(r.object.key, r.object), r.evidence)
        for r in relations
    ]
    return ArticleResult(article, tuple(sorted(by_key.values(), key=lambda e: e.key)), tuple(relations))
