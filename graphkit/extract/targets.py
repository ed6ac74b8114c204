"""Where an event's target is when no argument slot of its cue names it.

A complement clause ("vowed that Israel would be punished"), a control verb's object
("threatened to shell Iraqi towns"), the actor behind an object ("condemned what he called a
reckless attack"), or, last, the nearest other actor of the cue's own clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.finders import RELATIONAL_NOUNS
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import clause_subjects, is_condition, is_purpose, prep_objects
from graphkit.lexicon import word_class
from graphkit.resolve import Actor
from graphkit.vocab import relation, relations_where

DEEP_OBJECT_RELATIONS = relations_where(lambda r: "deep" in r.object_search)
DOCUMENT_NOUNS = word_class("document_nouns")
# "agreed to US mediation" is agreed with the US; "agreed to impose sanctions on Russia" is not
SHALLOW_OBJECT_RELATIONS = relations_where(lambda r: "shallow" in r.object_search)


def ccomp_subjects(verb: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """Actors of the clause a verb introduces: "vowed that Israel would be punished"."""
    out: list[tuple[Token, Actor]] = []
    for child in verb.children:
        # "demanded that Israel ease", and a noun's "the demand that Israel ease"
        that = (
            child.dep_ == "acl"
            and verb.pos_ == "NOUN"
            and any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children)
        )
        if child.dep_ == "ccomp" or that:
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    out.extend(actors_of(sub, index))
                    for mod in sub.children:
                        if not out and mod.dep_ in ("amod", "compound", "poss"):
                            actor = index.actor_at(mod)
                            if actor is not None:
                                out.append((mod, actor))
    return out


CLAUSE_OBJECT_RELATIONS = relations_where(lambda r: "clause" in r.object_search)
# "vow"/"warn"/"promise" threaten only when what they announce is hostile
SOFT_THREAT_VERBS = word_class("soft_threat_verbs")
HOSTILE_WORDS = word_class("hostile_words")
PROTEST_VERBS = word_class("protest_verbs")
XCOMP_OBJECT_RELATIONS = relations_where(lambda r: "xcomp" in r.object_search)


def xcomp_objects(
    verb: Token, index: ArticleIndex, subjects: list[tuple[Token, Actor]]
) -> list[tuple[Token, Actor]]:
    """ "threatened to shell Iraqi towns", "refused to allow U.S. planes"; with a condition
    ("threatened to strike unless Israel rescinded"), the one held to it."""
    own = {a.entity.key for _, a in subjects}
    clauses = []
    for child in verb.children:
        if (child.dep_ == "xcomp" or is_purpose(child) or is_condition(child)) and child.pos_ in (
            "VERB",
            "AUX",
        ):
            clauses.append(child)
    for held in (True, False):
        for child in clauses:
            for tok in child.subtree:
                if tok.i == child.i or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                condition = tok.dep_ in ("nsubj", "nsubjpass") and is_condition(tok.head)
                if held != condition or (tok.dep_ in ("nsubj", "nsubjpass") and not condition):
                    continue
                found = [f for f in actors_of(tok, index) if f[1].entity.key not in own]
                if found:
                    return found
    return []


FALLBACK_CONFIDENCE = 0.55
PACT_NOUNS = word_class("pact_nouns")
SKIP_PREPS = word_class("skip_preps")
VENUE_PREPS = word_class("venue_preps")
GATHERING_NOUNS = word_class("gathering_nouns")


def _gathering(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.lemma_.lower() in GATHERING_NOUNS for c in prep.children)


def falls_back(predicate: str) -> bool:
    """Relations whose target may be any actor of the cue's clause: not the symmetric ones (a
    partner must be named), nor those whose object is an event's actor (see ``_deep_objects``)."""
    info = relation(predicate)
    return not info.symmetric and info.fallback


def _hostile(verb: Token, index: ArticleIndex) -> bool:
    return any(
        relation(c.relation).score < 0 for c in index.lex.verb_cues.get(verb.lemma_.lower(), ())
    )


def clause_objects(
    head: Token, index: ArticleIndex, subjects: list[tuple[Token, Actor]], *, purposes: bool = True
) -> list[tuple[Token, Actor]]:
    """The nearest other actor in the cue's own clause, when no slot named one: "Afghan rebels
    exploded bombs in Kabul", "the army demolished homes in southern Gaza". With
    ``purposes=False`` (a cooperative cue), a purpose clause with a hostile verb is not searched."""
    own = {a.entity.key for _, a in subjects}
    own_tokens = {t.i for tok, _ in subjects for t in tok.subtree}
    own_tokens |= {t.i for subj in clause_subjects(head) for t in subj.subtree}
    frontier = [(c, 1) for c in head.children]
    while frontier:
        level = frontier
        frontier = []
        for tok, depth in level:
            purpose = is_purpose(tok)
            if not purposes and tok.dep_ in ("advcl", "xcomp") and _hostile(tok, index):
                continue  # "sent jets to bomb Cambodian positions": no help to Cambodia
            if tok.i in own_tokens or (
                tok.dep_ in ("relcl", "advcl", "parataxis", "punct") and not purpose
            ):
                # "began a hunger strike to demand ...": a purpose clause says whom it is aimed at
                continue
            if tok.dep_ == "agent" and depth == 1:
                continue
            if depth == 1 and tok.dep_ in ("nsubj", "nsubjpass", "csubj"):
                continue
            if tok.dep_ == "prep" and tok.lower_ in SKIP_PREPS:
                continue
            if tok.dep_ == "prep" and tok.lower_ in VENUE_PREPS and _gathering(tok):
                continue  # "the attacks at the General Assembly session": a venue, not a target
            if tok.dep_ == "ccomp" or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
                continue  # another clause's actors
            if (
                tok.dep_ == "prep"
                and tok.lower_ == "with"
                and depth > 1
                and tok.head.lemma_ not in PACT_NOUNS
            ):
                continue  # "with the help of": instruments, not targets; "a truce with X" names X
            if tok.lemma_ in RELATIONAL_NOUNS or tok.lower_ in RELATIONAL_NOUNS:
                continue  # "one of Washington's partners", "his daughter": not the actor named
            if tok.pos_ in ("NOUN", "PROPN", "PRON"):
                found = [f for f in actors_of(tok, index) if f[1].entity.key not in own]
                if found:
                    return found[:1]
            if depth < 5:
                # a purpose clause is searched as deep as the cue's own clause
                frontier.extend((c, 0 if purpose else depth + 1) for c in tok.children)
    return []


def deep_objects(
    verb: Token,
    index: ArticleIndex,
    preps: tuple[str, ...] = (),
    subjects: list[tuple[Token, Actor]] | None = None,
    *,
    clauses: bool = True,
) -> list[tuple[Token, Actor]]:
    """The actor behind an object or object clause: "condemned what he called a reckless
    attack", "is opposed to French mediation" (never the subject itself: "rejected a call
    for its forces to be deployed in East Timor" is aimed at East Timor)."""
    own = {a.entity.key for _, a in subjects or []}

    def other(found: list[tuple[Token, Actor]]) -> list[tuple[Token, Actor]]:
        return [f for f in found if f[1].entity.key not in own][:1]

    for pobj in prep_objects(verb, preps):
        found = other(actors_of(pobj, index, events=True))
        if found:
            return found
    for child in verb.children:
        if child.dep_ == "dobj":
            found = other(actors_of(child, index, events=True))
            if found:
                return found
        if child.dep_ == "dobj" and child.lemma_ in DOCUMENT_NOUNS:
            continue  # "vetoed a resolution calling for a ceasefire in Sudan": not aimed at Sudan
        if (
            child.dep_ == "ccomp"
            and clauses
            and not any(c.tag_ in ("WP", "WDT") for c in child.children)
        ):
            # "complained that Seoul has gotten little": the clause's subject is the one aimed
            # at, and when that is the subject itself, nobody else is ("criticized what it
            # called coercive behavior by China" names its target inside)
            told = [f for s in child.children if s.dep_ == "nsubj" for f in actors_of(s, index)]
            if told:
                return other(told)
        if child.dep_ in ("dobj", "ccomp", "xcomp") and clauses:
            for tok in child.subtree:
                if tok.i == child.i or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                found = other(actors_of(tok, index, events=True))
                if found:
                    return found
    return []
