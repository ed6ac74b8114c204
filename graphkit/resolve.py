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

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN as PROPN_SYMBOL
from spacy.tokens import Doc, Span, Token

# the actor record and the helpers every stage uses live in graphkit.actors; the mended entity
# spans in graphkit.entity_spans; the second names (acronyms, quoted names) in graphkit.aliases
from graphkit.actors import HOW_WEIGHT as HOW_WEIGHT
from graphkit.actors import TITLE_WORDS as TITLE_WORDS
from graphkit.actors import Actor as Actor
from graphkit.actors import How as How
from graphkit.actors import country_entity as country_entity
from graphkit.actors import is_dateline as is_dateline
from graphkit.actors import span_name as span_name
from graphkit.actors import strip_titles as strip_titles
from graphkit.aliases import acronyms, quoted_names
from graphkit.entity_spans import ACTOR_LABELS as ACTOR_LABELS
from graphkit.entity_spans import clean_ents
from graphkit.lexicon import Lexicon, load_lexicon, norm, word_class
from graphkit.records import Entity
from graphkit.span_types import GENERIC_BODY_WORDS as GENERIC_BODY_WORDS
from graphkit.span_types import typed_actor

NAME_SUFFIXES = word_class("name_suffixes")
# the part-of-speech id as a plain int: numpy compares an array with spaCy's enum member by
# looking up array attributes on the enum first, several times slower on a short document
PROPN = int(PROPN_SYMBOL)
PERSON_PRONOUNS = word_class("person_pronouns")
GROUP_PRONOUNS = word_class("group_pronouns")
SEAT_AUTHORITY_NOUNS = word_class("seat_authority_nouns")
HELD_OBJECT_PREPS = word_class("held_object_preps")
# the links of a clause or phrase set before its sentence's subject ("During his visit, ...",
# "After he arrived, ...", "Speaking in Canberra, where he held talks, ...")
FRONTED_DEPS = ("advcl", "prep")


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
    _by_start: tuple[list[tuple[Span, Actor]], int, object, object, list[int], list[int]] | None = (
        field(default=None, init=False, repr=False, compare=False)
    )
    """``spans`` indexed by start token (see :meth:`spans_between`): the list it was built from,
    its length, first and last item (to notice a changed list), the starts in order and the
    positions in ``spans`` they come from."""

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
        ahead = self._cataphor(token, want_person)
        if ahead is not None:
            return Actor(ahead.entity, "pronoun", ahead.place)
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
        for span, actor in self.spans_between(first_sent.start, token.i):
            if span.root.i in local_subjects or actor.entity.key in excluded:
                continue
            if span.root.dep_ == "poss" and span.root.head.i == token.i:
                continue
            if (actor.entity.type == "Person") != want_person:
                continue
            if (
                span.root.dep_ == "pobj"
                and span.root.head.lower_ in ("in", "at", "near", "from", "to")
                and span.root.head.head.lower_ not in SEAT_AUTHORITY_NOUNS
            ):
                continue  # a place named as a location, not an actor ("the authorities in
                # Kinshasa" are its country's)
            if is_dateline(span.root):
                continue  # "SEOUL, South Korea — North Korea test-fired ... any it had launched"
            best = actor
            if span.root.dep_ in ("nsubj", "nsubjpass"):
                best_subject = actor
        chosen = best_subject if best_subject is not None else best
        held = self._held_object(token, want_person) or self._conjunct_owner(token, want_person)
        if held is not None:
            chosen = held
        if chosen is None:
            return None
        return Actor(chosen.entity, "pronoun", chosen.place)

    def _cataphor(self, token: Token, want_person: bool) -> Actor | None:
        """ "During his visit to Beijing, Putin met Xi", "After he arrived in Tokyo, Modi met
        Kishida": a pronoun in a clause or phrase set before its sentence's subject is that
        subject's, when the subject names an actor of the pronoun's kind."""
        root = token.sent.root
        node = token
        while node.head.i != root.i and node.head.i != node.i:
            node = node.head
        if node.i == root.i or node.dep_ not in FRONTED_DEPS:
            return None
        for subject in root.children:
            if subject.dep_ not in ("nsubj", "nsubjpass") or subject.i < node.right_edge.i:
                continue
            names = [subject, *(c for c in subject.children if c.dep_ == "appos")]
            for name in names:
                actor = self.by_token.get(name.i)
                if actor is not None and (actor.entity.type == "Person") == want_person:
                    return actor
        return None

    def _held_object(self, token: Token, want_person: bool) -> Actor | None:
        """ "holding the Houthis accountable for their attacks", "urged Iran to honour its
        commitments": a possessive in the complement of a verb is the verb's object's."""
        if token.dep_ != "poss":
            return None
        node, link = token.head, ""
        while node.head.i != node.i:
            if node.pos_ in ("VERB", "AUX"):
                held = self._object_of(node, token, want_person) if link else None
                if held is not None or node.dep_ != "xcomp":
                    return held
                link = "xcomp"  # "urged Iran to honour its ...": Iran's, through "to honour"
            elif node.dep_ == "oprd" or (node.dep_ == "prep" and node.lower_ in HELD_OBJECT_PREPS):
                link = node.dep_
            node = node.head
        return self._object_of(node, token, want_person) if link else None

    def _conjunct_owner(self, token: Token, want_person: bool) -> Actor | None:
        """ "President Maduro and his government", "Iran and its proxies": a possessive on a
        conjunct is the actor it is coordinated with."""
        if token.dep_ != "poss" or token.head.dep_ != "conj":
            return None
        actor = self.by_token.get(token.head.head.i)
        if actor is None or (actor.entity.type == "Person") != want_person:
            return None
        return actor

    def _object_of(self, verb: Token, token: Token, want_person: bool) -> Actor | None:
        """The actor the verb's direct object names, before the token."""
        for child in verb.children:
            if child.dep_ != "dobj" or child.i > token.i:
                continue
            actor = self.by_token.get(child.i)
            if actor is not None and (actor.entity.type == "Person") == want_person:
                return actor
        return None

    def spans_between(self, lo: int, hi: int) -> list[tuple[Span, Actor]]:
        """The recorded ``(span, actor)`` pairs whose span starts at token ``lo`` to ``hi - 1``,
        in ``spans`` order, found by bisection in an index by start (so a pronoun costs the
        mentions near it, not all mentions of the article)."""
        spans = self.spans
        index = self._by_start
        if (
            index is None
            or index[0] is not spans
            or index[1] != len(spans)
            or (spans and (index[2] is not spans[0] or index[3] is not spans[-1]))
        ):
            order = sorted(range(len(spans)), key=lambda j: spans[j][0].start)
            starts = [spans[j][0].start for j in order]
            first, last = (spans[0], spans[-1]) if spans else (None, None)
            index = self._by_start = (spans, len(spans), first, last, starts, order)
        starts, order = index[4], index[5]
        picked = sorted(order[bisect_left(starts, lo) : bisect_left(starts, hi)])
        return [spans[j] for j in picked]

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


def resolve_doc(doc: Doc, *, lex: Lexicon | None = None) -> MentionIndex:
    """Resolve every actor mention of a parsed article to a canonical in-article entity."""
    lex = lex or load_lexicon()
    index = MentionIndex(doc, lex)
    ents = clean_ents(doc)
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
        actor = typed_actor(ent, lex)
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
    # surnames the model did not tag at all ("Petro answered ..."): proper nouns, read from the
    # doc's array of parts of speech (``Token.pos_`` spells each one out)
    for i in (doc.to_array(POS) == PROPN).nonzero()[0].tolist():
        if i in index.by_token:
            continue
        tok = doc[i]
        if not tok.ent_type_:
            people = surname_of.get(norm(tok.text)) or first_names.get(norm(tok.text))
            if people and len(people) == 1 and tok.is_title:
                index.record(
                    doc[tok.i : tok.i + 1], Actor(Entity("Person", next(iter(people))), "alias")
                )
    index.spans.sort(key=lambda item: item[0].start)
    quoted_names(doc, index)
    acronyms(doc, index)
    return index
