"""Corrections made once a whole article has been read: what one sentence could not settle.

A guessed office gives way when the person meets that country's leader; summoning or expelling
an envoy is aimed at the envoy's country, not the person; an attack on a place is an attack on
its country; demanding a prisoner's release asks the holder; banning one's own people coerces
them; a country named as the title of the person after it is that person; no one acts against
the country the article says they serve.
"""

from __future__ import annotations

from dataclasses import replace

from graphkit.extract.found import Found
from graphkit.extract.guesses import stated_office
from graphkit.extract.known import ArticleIndex
from graphkit.extract.title_phrases import title_before
from graphkit.extract.titles import GUESSED_TITLE
from graphkit.extract.tokens import kids
from graphkit.lexicon import norm, word_class
from graphkit.resolve import Actor, How, country_entity
from graphkit.vocab import relation, relations_where

ENVOY_POSTS = word_class("envoy_posts")


def revise(
    found: list[Found], index: ArticleIndex, candidates: dict[tuple[str, int], list[Actor]]
) -> list[Found]:
    """The article's relations with every correction applied, in order."""
    found = _drop_contradicted_titles(found, index, candidates)
    found = _envoys_countries(found, index)
    found += _places_countries(found, index)
    found = _holders_asked(found)
    found = [_domestic_ban(f, index) for f in found]
    found = _titled_people(found, index)
    stated = _stated_offices(found)
    return [f for f in found if not _against_own(f, stated)]


def _stated_offices(found: list[Found], *types: str) -> dict[str, str]:
    """Person key -> the key of the country (or organization) the article says they lead or
    serve, from titles and appositions, not guesses; only holders of ``types`` when given."""
    return {f.subject.entity.key: f.object.entity.key for f in found if stated_office(f, *types)}


def _drop_contradicted_titles(
    found: list[Found], index: ArticleIndex, candidates: dict[tuple[str, int], list[Actor]]
) -> list[Found]:
    """A guessed office ("Defense Secretary X" with no country named) gives way when X and that
    very country, or its leader or official, are the two sides of an event in the same sentence
    ("X called the Chinese action reckless", "President Joe Biden spoke with Israeli Prime
    Minister Benjamin Netanyahu"): the next candidate country is taken, if any is left."""
    events = [
        f for f in found if f.predicate not in ("leaderOf", "officialOf", "memberOf", "locatedIn")
    ]
    stated = _stated_offices(found, "Country")
    against: set[tuple[str, str, int]] = set()
    for f in events:
        s, o, at = f.subject.entity.key, f.object.entity.key, f.cue.sent.start
        against |= {(s, o, at), (o, s, at)}
        # a president may side with or criticize his own prime minister; "X met Israeli Prime
        # Minister Y" is against Israel too
        if relation(f.predicate).plover in ("CONSULT", "AGREE"):
            against |= {(a, stated[b], at) for a, b in ((s, o), (o, s)) if b in stated}
    out: list[Found] = []
    for f in found:
        options = (
            candidates.get((f.subject.entity.key, f.cue.i)) if f.method == GUESSED_TITLE else None
        )
        if options is None:
            out.append(f)
            continue
        at = f.cue.sent.start
        free = [a for a in options if (f.subject.entity.key, a.entity.key, at) not in against]
        if free:
            out.append(replace(f, object=free[0]))
    return out


# relations one may hold with the country one serves: the static ones, agreement, and those
# the table marks own_side (a government coerces its own people: a curfew, a state of siege)
OWN_SIDE_ALLOWED = relations_where(lambda r: not r.is_event or r.own_side) | {"agreedWith"}


def _against_own(found: Found, stated: dict[str, str]) -> bool:
    """An event between a person and the country the article says they lead or serve
    ("Zakharova criticized what she called attempts to 'push Russia out'", "praising the flag
    of Kenya") is a misreading."""
    if found.predicate in OWN_SIDE_ALLOWED:
        # a leader's promise to their own country is one ("promised to democratize Serbia")
        return False
    if found.predicate in ("threatened", "coerced") and found.object.how == How.DEMONYM:
        return False  # "Museveni threatened to ban Ugandan opposition candidates": his own people
    s, o = found.subject.entity.key, found.object.entity.key
    return stated.get(s) == o or stated.get(o) == s


def _titled_people(found: list[Found], index: ArticleIndex) -> list[Found]:
    """An event aimed at a country that opens the title of the name after it is aimed at that
    person: in a title-case headline "Secretary Rubio's Phone Call With Russia Foreign Minister
    Lavrov" the parse takes "Russia" for the one called. The people's titles are looked up once
    an article, on the first relation that asks."""
    after_title: dict[int, Actor] | None = None
    out = []
    for f in found:
        last = f.cue.doc[f.span[1] - 1]
        named = index.by_token.get(last.i)
        if named is not None and named.entity == f.object.entity:
            if after_title is None:
                after_title = _people_after_titles(index)
            person = after_title.get(last.i + 1)
            if person is not None:
                f = replace(f, object=person, method=f"{f.method}:titled")
        out.append(f)
    return out


def _people_after_titles(index: ArticleIndex) -> dict[int, Actor]:
    """Token position where a title ends -> the first person named right after it."""
    people: dict[int, Actor] = {}
    for span, actor in index.spans:
        if actor.entity.type == "Person":
            title = title_before(span, index.lex)
            if title is not None:
                people.setdefault(title[1], actor)
    return people


RELEASE_NOUNS = word_class("release_nouns")
# "called on the junta to release Bazoum": the verbs of setting someone free
FREE_VERBS = word_class("free_verbs")
BAN_VERBS = word_class("ban_verbs")


def _holders_asked(found: list[Found]) -> list[Found]:
    """Demanding a prisoner's release asks whoever holds them: "Warsaw demanded the release of
    Andrzej Poczobut" (whom Belarus arrested) requests Belarus."""
    holders: dict[str, list[Found]] = {}
    for f in found:
        if f.predicate in ("arrested", "coerced") and f.object.entity.type == "Person":
            holders.setdefault(norm(f.object.entity.name), []).append(f)
    asked = (_holder_asked(f, holders) for f in found)
    return [f for f in asked if f is not None]


def _holder_asked(f: Found, holders: dict[str, list[Found]]) -> Found | None:
    """The request, aimed at the prisoner's holder when it asks for their release; None when
    the article names no holder ("called on the junta to release Bazoum" asks the junta, not
    Bazoum)."""
    asks_release = any(c.lemma_ in RELEASE_NOUNS for c in [f.cue, *kids(f.cue, "dobj")])
    # "called on the junta to release Bazoum": the one to be freed is not the one asked
    freed = (d for c in kids(f.cue, "xcomp") if c.lemma_ in FREE_VERBS for d in kids(c, "dobj"))
    asks_release |= any(d.text in f.object.entity.name.split() for d in freed)
    if f.predicate != "requested" or f.object.entity.type == "Country" or not asks_release:
        return f
    # the model may tag the same name a person once, an organization later
    before = [
        h
        for h in holders.get(norm(f.object.entity.name), [])
        if h.cue.i < f.cue.i and h.subject.entity.key != f.subject.entity.key
    ]
    if not before:
        return None
    return replace(
        f,
        object=Actor(before[-1].subject.entity, How.NOMINAL, before[-1].subject.place),
        method=f"{f.method}:holder",
    )


def _country_of(actor: Actor, index: ArticleIndex) -> str:
    """The ISO3 code an actor acts for: a country's own, a group's nationality, an official's
    state."""
    ids = dict(actor.entity.ids)
    if ids.get("iso3"):
        return ids["iso3"]
    if ids.get("country"):
        return ids["country"]
    home = index.affiliation.get(actor.entity.key)
    return dict(home.ids).get("iso3", "") if home is not None else ""


def _domestic_ban(found: Found, index: ArticleIndex) -> Found:
    """Banning or suspending one's own people coerces them ("Museveni has banned Ugandan
    opposition candidates"); banning foreigners ("the three Baltic states banned Ivanishvili")
    sanctions them."""
    if found.predicate != "sanctioned" or found.cue.lemma_ not in BAN_VERBS:
        return found
    own = _country_of(found.subject, index)
    return (
        replace(found, predicate="coerced")
        if own and own == _country_of(found.object, index)
        else found
    )


HOSTILE_TO_PLACES = relations_where(lambda r: r.hostile_to_places)


def _places_countries(found: list[Found], index: ArticleIndex) -> list[Found]:
    """An attack on a place is an attack on its country too: "Ukrainian naval drones struck
    the Russian port of Novorossiysk" attacked Russia."""
    out = []
    for f in found:
        place = f.object.place or f.object.entity
        if f.predicate not in HOSTILE_TO_PLACES or f.object.entity.type != "Place":
            continue
        code = dict(place.ids).get("country", "")
        if code in index.lex.by_iso3 and code != dict(f.subject.entity.ids).get("iso3"):
            country = Actor(country_entity(index.lex, code), How.NOMINAL)
            out.append(
                replace(
                    f, object=country, confidence=f.confidence * 0.9, method=f"{f.method}:place"
                )
            )
    return out


def _envoys_countries(found: list[Found], index: ArticleIndex) -> list[Found]:
    """Expelling or summoning a person is aimed at the country they serve too: "declared the
    Mexican ambassador, Raquel Serur, persona non grata" expels Mexico's. An envoy (a holder of
    one of the ``envoy_posts`` named in the evidence) only stands for that country: the person
    gives way to it."""
    out = []
    for f in found:
        country = index.affiliation.get(f.object.entity.key)
        if (
            f.predicate not in ("expelled", "protested")
            or f.object.entity.type != "Person"
            or country is None
            or country.key == f.subject.entity.key
        ):
            out.append(f)
            continue
        if not any(t.lemma_.lower() in ENVOY_POSTS for t in index.doc[f.span[0] : f.span[1]]):
            out.append(f)
        out.append(
            replace(
                f,
                object=Actor(country, How.NOMINAL),
                confidence=f.confidence * 0.9,
                method=f"{f.method}:envoy",
            )
        )
    return out
