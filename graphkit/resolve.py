"""Who is who inside one article: mentions -> canonical actors.

Turns spaCy's entity spans into actors with one canonical name per real-world actor:
surnames and titled forms link to the full name seen in the article ("Petro", "President
Petro" -> "Gustavo Petro"), type errors are fixed by agreement across mentions (a surname the
model tagged as a place is still the person), demonyms and country variants map to the
country ("Colombian", "the U.S."), and capitals, seats of government and state bodies acting
as actors stand for their country ("Bogotá extradited", "the White House", "the DEA").
Pronouns are resolved to the nearest compatible earlier actor.

Examples:
    >>> from graphkit.nlp import load_nlp
    >>> doc = load_nlp()("Colombian President Gustavo Petro met Trump. Petro thanked him.")
    >>> index = resolve_doc(doc)
    >>> index.actor_at(doc[7]).entity.name   # "Petro" in the second sentence
    'Gustavo Petro'
    >>> index.actor_at(doc[9]).entity.name   # "him"
    'Trump'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from graphkit.lexicon import Lexicon, city_country, load_lexicon, norm, word_class, word_tuple
from graphkit.records import Entity

TITLE_WORDS = word_class("title_words")
NAME_SUFFIXES = word_class("name_suffixes")
PERSON_PRONOUNS = word_class("person_pronouns")
GROUP_PRONOUNS = word_class("group_pronouns")

# Weights multiply a relation's confidence: how sure we are this actor is who it names.
HOW_WEIGHT = {
    "name": 1.0,
    "alias": 0.95,
    "demonym": 0.85,
    "metonymy": 0.85,
    "pronoun": 0.7,
    "nominal": 0.7,
    "implicit": 0.5,
}


class How:
    """How a mention was resolved to its actor (``Actor.how``; weights in ``HOW_WEIGHT``)."""

    NAME = "name"
    ALIAS = "alias"
    DEMONYM = "demonym"
    METONYMY = "metonymy"
    PRONOUN = "pronoun"
    NOMINAL = "nominal"
    IMPLICIT = "implicit"


@dataclass(frozen=True)
class Actor:
    """An actor as it takes part in an event: the entity, and how the mention was resolved."""

    entity: Entity
    how: str = "name"
    place: Entity | None = None  # the place itself, when a capital/seat stands for a country

    @property
    def weight(self) -> float:
        return HOW_WEIGHT.get(self.how, 0.8)


@dataclass
class MentionIndex:
    """Actors of one doc by token, plus the article's entities with every name seen."""

    doc: Doc
    lex: Lexicon
    by_token: dict[int, Actor] = field(default_factory=dict)
    spans: list[tuple[Span, Actor]] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=dict)  # entity key -> surface names
    entities: dict[str, Entity] = field(default_factory=dict)  # entity key -> entity
    opening: int = -1
    """Where the article's opening (title, date line, lede) ends; -1 until it is needed."""

    def actor_at(self, token: Token) -> Actor | None:
        """The actor a token names or refers to (pronouns resolved), or None."""
        actor = self.by_token.get(token.i)
        if actor is not None:
            return actor
        if token.lower_ in PERSON_PRONOUNS or token.lower_ in GROUP_PRONOUNS:
            return self.antecedent(token)
        return None

    def antecedent(self, token: Token) -> Actor | None:
        """Nearest earlier actor compatible with a pronoun, in this or the two previous
        sentences."""
        want_person = token.lower_ in PERSON_PRONOUNS
        first_sent = token.sent
        for _ in range(2):
            if first_sent.start == 0:
                break
            first_sent = self.doc[first_sent.start - 1].sent
        best: Actor | None = None
        best_subject: Actor | None = None
        # "Trump praised him": an object pronoun is not its own clause's subject
        local_subjects = (
            {c.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")}
            if token.dep_ in ("dobj", "pobj", "dative")
            or (token.dep_ == "poss" and token.head.dep_ in ("dobj", "pobj"))
            else set()
        )
        if token.dep_ == "pobj":
            local_subjects |= {
                c.i for c in token.head.head.children if c.dep_ in ("nsubj", "nsubjpass")
            }
        excluded = {self.by_token[i].entity.key for i in local_subjects if i in self.by_token}
        for span, actor in self.spans:
            if span.root.i in local_subjects or actor.entity.key in excluded:
                continue
            if span.start >= token.i or span.start < first_sent.start:
                continue
            if span.root.dep_ == "poss" and span.root.head.i == token.i:
                continue
            if (actor.entity.type == "Person") != want_person:
                continue
            if span.root.dep_ == "pobj" and span.root.head.lower_ in (
                "in",
                "at",
                "near",
                "from",
                "to",
            ):
                continue  # a place named as a location, not an actor
            if is_dateline(span.root):
                continue  # "SEOUL, South Korea — North Korea test-fired ... any it had launched"
            best = actor
            if span.root.dep_ in ("nsubj", "nsubjpass"):
                best_subject = actor
        chosen = best_subject if best_subject is not None else best
        if chosen is None:
            return None
        return Actor(chosen.entity, "pronoun", chosen.place)

    def record(self, span: Span, actor: Actor) -> None:
        for tok in span:
            self.by_token[tok.i] = actor
        self.spans.append((span, actor))
        key = actor.entity.key
        self.entities.setdefault(key, actor.entity)
        self.names.setdefault(key, set()).add(span_name(span))
        if actor.place is not None:
            self.entities.setdefault(actor.place.key, actor.place)
            self.names.setdefault(actor.place.key, set()).add(span_name(span))

    def final_entities(self) -> dict[str, Entity]:
        """Entities with every surface name seen in the article as aliases."""
        out = {}
        used = {a.entity.key for _, a in self.spans} | {
            a.place.key for _, a in self.spans if a.place is not None
        }
        for key, ent in self.entities.items():
            if key not in used:
                continue
            aliases = set(ent.aliases) | self.names.get(key, set())
            aliases.discard(ent.name)
            out[key] = Entity(ent.type, ent.name, tuple(sorted(aliases)), ent.ids)
        return out


def is_dateline(token: Token) -> bool:
    """A sentence-initial place name in capitals set off by a dash ("MOSCOW — ", "UNITED
    NATIONS -- ", "ARGYLE, St. Vincent and the Grenadines — ")."""
    doc = token.doc
    start = token.sent.start
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1) or token.left_edge.i != start:
        return False
    return any(
        t.text in ("—", "–", "--") for t in doc[start : min(token.right_edge.i + 2, len(doc))]
    )


def span_name(span: Span) -> str:
    """The span's text without a leading 'the' and a trailing possessive."""
    return _bare_name(span.text)


@lru_cache(maxsize=65536)
def _bare_name(text: str) -> str:
    text = _LEADING_THE.sub("", text)
    return _TRAILING_POSSESSIVE.sub("", text).strip()


_LEADING_THE = re.compile(r"^(the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def strip_titles(span: Span) -> Span:
    """Drop leading title words ('President', 'Brig. Gen.') and possessives from a person span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        doc[start].lower_.rstrip(".") in TITLE_WORDS
        or doc[start].is_punct
        or doc[start].lower_ == "the"
    ):
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def country_entity(lex: Lexicon, iso3: str) -> Entity:
    c = lex.by_iso3[iso3]
    return Entity("Country", c.name, (), (("iso3", c.iso3), ("iso2", c.iso2)))


def _typed(span: Span, lex: Lexicon) -> Actor | None:
    """A first guess at the actor a named-entity span stands for, from the gazetteers."""
    ident = span.ent_id_
    name = span_name(span)
    if ident.startswith(("country:", "seat:")):
        iso3 = ident.split(":", 1)[1]
        how = "name" if ident.startswith("country:") and span.label_ == "GPE" else "metonymy"
        if span.label_ == "NORP":
            how = "demonym"
        place = (
            Entity("Place", name, (), (("country", iso3),)) if ident.startswith("seat:") else None
        )
        return Actor(country_entity(lex, iso3), how, place)
    if "\n" in span.text or " - " in span.text:
        return None  # headings and bylines run into each other
    if span.label_ in ("PERSON", "ORG") and len(span) == 1:
        capital = lex.metonym(name)
        if capital is not None:  # "Bogotá" tagged as a person is still the capital
            return Actor(
                country_entity(lex, capital.iso3),
                "metonymy",
                Entity("Place", name, (), (("country", capital.iso3),)),
            )
    org = lex.organization(name) if span.label_ in ("ORG", "FAC", "GPE", "NORP", "PERSON") else None
    if org is not None and not org.country and org.kind == "international" and span.label_ == "ORG":
        # "the Philippine National Security Council" is no UN body: a country's own
        before = [
            t
            for t in span.doc[max(span.sent.start, span.start - 3) : span.start]
            if t.lower_ not in ("national", "federal", "supreme") and t.tag_ != "POS"
        ]
        country = (
            lex.country(before[-1].text)
            if before and before[-1].ent_type_ in ("NORP", "GPE")
            else None
        )
        if country is not None and not name.startswith(("U", "E")):
            return Actor(country_entity(lex, country.iso3), "metonymy")
    if org is not None:
        if org.country and org.country in lex.by_iso3:
            return Actor(country_entity(lex, org.country), "metonymy", None)
        return Actor(Entity("Organization", org.name), "name")
    if span.label_ in ("GPE", "LOC", "NORP", "FAC"):
        country = lex.country(name)
        if country is not None:
            how = "demonym" if span.label_ == "NORP" else "name"
            return Actor(country_entity(lex, country.iso3), how)
        capital = lex.metonym(name)
        if capital is not None:
            return Actor(
                country_entity(lex, capital.iso3),
                "metonymy",
                Entity("Place", name, (), (("country", capital.iso3),)),
            )
        if span.label_ == "NORP":
            return None
        if len(span) > 1 and span[-1].is_lower and span[-1].lower_ in PLACE_NOUNS:
            name = span_name(span[:-1])  # "Nangarhar province" is Nangarhar
        city = city_country(name, lex)
        return Actor(Entity("Place", name, (), (("country", city.iso3),) if city else ()), "name")
    if span.label_ == "ORG":
        if span.root.lower_ in STATE_BODY_WORDS:
            # "Iran's Foreign Ministry", "the Colombian Defense Ministry": a state body acts for its
            # country
            for tok in span.doc[max(span.sent.start, span.start - 2) : span.end]:
                country = lex.country(tok.text) if tok.ent_type_ in ("GPE", "NORP") else None
                if country is not None:
                    return Actor(country_entity(lex, country.iso3), "metonymy")
        if all(t.lower_ in GENERIC_BODY_WORDS for t in span if t.is_alpha):
            # "the Foreign Ministry", "Cabinet", "the army": some country's body, not an actor of
            # its own
            return None
        return Actor(Entity("Organization", name), "name")
    if span.label_ == "PERSON":
        core = strip_titles(span)
        return Actor(Entity("Person", span_name(core)), "name")
    return None


ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
STATE_BODY_WORDS = word_class("state_body_words")
# words that alone name no particular body: "the Foreign Ministry", "Treasury", "Supreme Court"
GENERIC_BODY_WORDS = STATE_BODY_WORDS | frozenset(
    [
        "the",
        "of",
        "for",
        "and",
        "junta",
        "regime",
        "transitional",
        "military",
        "foreign",
        "affairs",
        "defense",
        "defence",
        "interior",
        "home",
        "justice",
        "finance",
        "economy",
        "trade",
        "commerce",
        "security",
        "national",
        "state",
        "public",
        "supreme",
        "constitutional",
        "high",
        "federal",
        "central",
        "presidential",
        "prime",
        "minister",
        "minister's",
        "ministers",
        "treasury",
        "coast",
        "border",
        "armed",
        "air",
        "force",
        "special",
        "health",
        "energy",
        "water",
        "resources",
        "external",
        "internal",
        "intelligence",
        "information",
        "communications",
        "general",
        "staff",
        "joint",
        "chiefs",
        "ministry's",
        "bank",
    ]
)
PLACE_NOUNS = word_class("place_nouns")


PERSON_TITLES = word_class("person_titles")


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


def _clean_ents(doc: Doc) -> list[Span]:
    """Entity spans with the model's usual slips mended.

    Title words tagged as organizations ("Defense" in "Defense Minister") are dropped; a
    first name split off a person ("Dairo" + "Antonio Úsuga") is joined back; a name followed
    by "department"/"province" is a place.
    """
    out: list[Span] = []
    ents = []
    for ent in doc.ents:
        # "Later Petro": words before a name that are not part of it
        start = ent.start
        while start < ent.end - 1 and doc[start].pos_ in (
            "ADV",
            "ADP",
            "CCONJ",
            "SCONJ",
            "PUNCT",
            "INTJ",
        ):
            start += 1
        ents.append(
            ent
            if start == ent.start
            else Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_)
        )
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
        if ent.label_ not in ACTOR_LABELS or "\n" in ent.text:
            continue
        if all(t.lower_.rstrip(".") in TITLE_WORDS or t.is_punct for t in ent):
            continue
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
        ):
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
        place_appos = any(
            c.dep_ == "appos" and c.lemma_ in PLACE_NOUNS for c in ent.root.children
        ) or (
            ent.start >= 2
            and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lemma_ in PLACE_NOUNS
        )  # "the Russian port of Novorossiysk"
        if (
            ent.label_ in ("ORG", "PERSON", "NORP")
            and not ent.ent_id_
            and ((ent.end < len(doc) and doc[ent.end].lower_ in PLACE_NOUNS) or place_appos)
        ):
            # "the Antioquia department", "Sinaloa, a state in northwestern Mexico": a place
            out.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        out.append(ent)
    return out


def resolve_doc(doc: Doc, *, lex: Lexicon | None = None) -> MentionIndex:
    """Resolve every actor mention of a parsed article to a canonical in-article entity."""
    lex = lex or load_lexicon()
    index = MentionIndex(doc, lex)
    ents = _clean_ents(doc)
    # 1. full person names, and the surnames that point at them
    persons: Counter[str] = Counter()
    for ent in ents:
        if ent.label_ == "PERSON" and not ent.ent_id_:
            core = strip_titles(ent)
            if len(core) >= 2:
                persons[span_name(core)] += 1
    surname_of: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    for full in persons:
        first_names.setdefault(norm(full.split()[0]), set()).add(full)
        words = [
            w for w in full.split() if w.rstrip(".").lower() not in NAME_SUFFIXES
        ] or full.split()
        keys = {norm(words[-1]), norm(" ".join(words[1:]))}
        if "-" in words[-1] and words[-1].split("-", 1)[0].lower() in (
            "al",
            "el",
            "ul",
            "ad",
            "as",
            "ash",
            "at",
            "az",
        ):
            keys.add(norm(words[-1].split("-", 1)[1]))  # "Burhan" for Abdel Fattah al-Burhan
        for key in keys:
            surname_of.setdefault(key, set()).add(full)
    full_names = {norm(full): full for full in persons}
    # types by agreement: a surname the model tagged as ORG/GPE is still the person
    for ent in ents:
        actor = _typed(ent, lex)
        core = strip_titles(ent) if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC") else ent
        key = norm(span_name(core))
        known_gazetteer = (
            bool(ent.ent_id_) or lex.country(span_name(ent)) or lex.organization(span_name(ent))
        )
        if (
            key not in surname_of
            and key in first_names
            and len(first_names[key]) == 1
            and " " not in key
        ):
            surname_of[key] = first_names[key]  # "Abiy" for Abiy Ahmed, where no surname claims it
        if (
            key in full_names
            and not known_gazetteer
            and (actor is None or actor.entity.type != "Person")
        ):
            actor = Actor(
                Entity("Person", full_names[key]), "name"
            )  # the full name tagged ORG elsewhere
        elif key in surname_of and len(surname_of[key]) == 1 and not known_gazetteer:
            full = next(iter(surname_of[key]))
            how = "name" if norm(full) == key else "alias"
            actor = Actor(Entity("Person", full), how)
        elif actor is not None and actor.entity.type == "Person":
            full_key = norm(actor.entity.name)
            if (
                len(actor.entity.name.split()) == 1
                and full_key in surname_of
                and len(surname_of[full_key]) == 1
            ):
                actor = Actor(Entity("Person", next(iter(surname_of[full_key]))), "alias")
        if actor is None:
            continue
        index.record(core if actor.entity.type == "Person" else ent, actor)
    # surnames the model did not tag at all ("Petro answered ...")
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.i not in index.by_token and not tok.ent_type_:
            people = surname_of.get(norm(tok.text)) or first_names.get(norm(tok.text))
            if people and len(people) == 1 and tok.is_title:
                index.record(
                    doc[tok.i : tok.i + 1], Actor(Entity("Person", next(iter(people))), "alias")
                )
    index.spans.sort(key=lambda item: item[0].start)
    _quoted_names(doc, index)
    _acronyms(doc, index)
    return index


def _acronyms(doc: Doc, index: MentionIndex) -> None:
    """ "World Food Program (WFP)": the bracketed acronym is another name of the entity
    before it."""
    by_acronym: dict[str, Actor] = {}
    for span, actor in list(index.spans):
        j = span.end
        if (
            j + 2 < len(doc)
            and doc[j].text == "("
            and doc[j + 2].text == ")"
            and doc[j + 1].is_upper
        ):
            by_acronym[doc[j + 1].text] = actor
            index.names.setdefault(actor.entity.key, set()).add(doc[j + 1].text)
    if not by_acronym:
        return
    for tok in doc:
        named = by_acronym.get(tok.text)
        if named is None or (
            tok.i in index.by_token
            and index.by_token[tok.i].entity.type != "Person"
            and tok.ent_id_
        ):
            continue
        index.by_token[tok.i] = Actor(named.entity, "alias", named.place)
    index.spans = [
        (span, index.by_token.get(span.start, actor)) if span.text in by_acronym else (span, actor)
        for span, actor in index.spans
    ]


OPEN_QUOTES = frozenset({"“", '"', "‘", "'", "``"})
CLOSE_QUOTES = frozenset({"”", '"', "’", "'", "''"})
NICKNAME_CUES = word_tuple("nickname_cues")


def _quoted_names(doc: Doc, index: MentionIndex) -> None:
    """Quoted proper names the model missed ('“Pipe Tuluá”', '"Otoniel"') become people.

    A quoted name right after "known as"/"alias" is another name of the person just named.
    """
    for tok in doc:
        if tok.text not in OPEN_QUOTES or tok.i + 1 >= len(doc):
            continue
        end = None
        for j in range(tok.i + 1, min(tok.i + 6, len(doc))):
            if doc[j].text in CLOSE_QUOTES:
                end = j
                break
        if end is None or end == tok.i + 1:
            continue
        inner = doc[tok.i + 1 : end]
        if any(
            t.i in index.by_token and index.by_token[t.i].entity.type == "Person" for t in inner
        ):
            continue
        if any(t.ent_id_ for t in inner):
            continue
        if not all(t.is_title or t.is_punct for t in inner) or not any(
            t.pos_ == "PROPN" for t in inner
        ):
            continue
        actor = Actor(Entity("Person", inner.text), "name")
        index.record(inner, actor)
    index.spans.sort(key=lambda item: item[0].start)
    _nicknames(doc, index)


def _nicknames(doc: Doc, index: MentionIndex) -> None:
    """A name right after "known as"/"alias" is another name of the person just named."""
    for pos, (span, actor) in enumerate(index.spans):
        if actor.entity.type != "Person" or actor.how != "name":
            continue
        before = [
            t
            for t in doc[max(span.sent.start, span.start - 4) : span.start]
            if t.text not in OPEN_QUOTES
        ]
        text = " ".join(t.lower_ for t in before)
        if not text.endswith(NICKNAME_CUES):
            continue
        for prev_span, prev in reversed(index.spans[:pos]):
            if prev_span.sent.start == span.sent.start and prev.entity.type == "Person":
                alias = Actor(prev.entity, "alias")
                for tok in span:
                    index.by_token[tok.i] = alias
                index.spans[pos] = (span, alias)
                index.names.setdefault(prev.entity.key, set()).add(span_name(span))
                break
    # every other mention of a nickname is the same person
    nick: dict[str, Entity] = {}
    for span, actor in index.spans:
        if actor.entity.type == "Person" and actor.how == "alias":
            nick.setdefault(norm(span_name(span)), actor.entity)
    for pos, (span, actor) in enumerate(index.spans):
        person = nick.get(norm(span_name(span)))
        if person is not None and actor.entity != person and not span.ent_id_:
            alias = Actor(person, "alias")
            for tok in span:
                index.by_token[tok.i] = alias
            index.spans[pos] = (span, alias)
            index.names.setdefault(person.key, set()).add(span_name(span))
