"""What a verb cue becomes in a construction, and when it says nothing: "took the town"
attacks, "blocked roads" protests, "refused to rule out force" threatens, "opposes acts of
violence" criticizes; "sent negotiators" is no aid, a warning of nothing hostile no threat."""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.extract.clauses import labels_verb
from graphkit.extract.objects import needs_ok
from graphkit.extract.syntax import prep_objects
from graphkit.extract.targets import HOSTILE_WORDS, SOFT_THREAT_VERBS
from graphkit.lexicon import Cue, word_class, word_tuple

# Deeds one opposes by criticizing them ("opposes China's acts of violence").
DEED_NOUNS = word_class("deed_nouns")
# people sent somewhere are handed over, not given as aid ("sends 29 cartel suspects to U.S.")
SENT_PEOPLE = word_class("sent_people")
# People sent to talk, not to help: sending them is no aid.
ENVOY_NOUNS = word_class("envoy_nouns")
# "captured a rebel stronghold", "seized the town": taking ground is an assault, not an arrest
GROUND_NOUNS = word_class("ground_nouns")
WAY_NOUNS = word_class("way_nouns")


def _blocks_way(verb: Token) -> bool:
    """ "blocked roads", "blockaded the bridge": a protest, where "blocked the resolution"
    rejects."""
    return verb.lemma_ in BLOCK_VERBS and any(
        c.dep_ == "dobj" and c.lemma_ in WAY_NOUNS for c in verb.children
    )


def _taking_ground(verb: Token, cue: Cue) -> bool:
    return cue.relation == "arrested" and any(
        c.dep_ in ("dobj", "nsubjpass")
        and (
            c.lemma_ in GROUND_NOUNS
            or any(
                g.dep_ == "prep"
                and g.lower_ == "of"
                and any(x.lemma_ in GROUND_NOUNS for x in g.children)
                for g in c.children
            )
        )
        for c in verb.children
    )


def _sends_forces_into(verb: Token) -> bool:
    """ "sent troops into Georgia": an invasion, where "sent troops to Mali" may be help."""
    return any(c.dep_ == "dobj" and c.lemma_ in FORCE_NOUNS for c in verb.children) and any(
        True for _ in prep_objects(verb, INVASION_PREPS)
    )


def _deadline_to_leave(verb: Token) -> bool:
    """ "gave the ambassador 48 hours to leave": an expulsion, not a gift."""
    deadline = [c for c in verb.children if c.lemma_ in DEADLINE_NOUNS and c.dep_ != "dative"]
    return bool(deadline) and any(
        t.lemma_ in LEAVE_VERBS and t.pos_ == "VERB"
        for c in verb.children
        if c.dep_ not in ("nsubj", "dative")
        for t in c.subtree
    )


def rewritten_cue(verb: Token, cue: Cue) -> Cue:
    """The cue a construction turns this one into, applied in this order: "took the town" is an
    attack, "sent troops into Georgia" an invasion, "blocked roads" a protest, "refused to rule
    out force" a threat, "opposes China's acts of violence" criticism."""
    if _taking_ground(verb, cue):
        cue = Cue("attacked", cue.lemma, cue.pos, ("dobj",), cue.needs)
    if cue.relation == "aided" and _sends_forces_into(verb):
        cue = Cue("attacked", cue.lemma, cue.pos, INVASION_PREPS, cue.needs)
    if cue.relation == "aided" and _deadline_to_leave(verb):
        cue = Cue("expelled", cue.lemma, cue.pos, ("dative",), cue.needs)
    if cue.relation == "rejected" and _blocks_way(verb):
        cue = Cue("protested", cue.lemma, cue.pos, (), cue.needs)
    if (
        cue.relation == "rejected"
        and verb.lemma_ in ("refuse", "decline")
        and any(
            c.dep_ == "xcomp"
            and (
                c.lemma_ == "exclude"
                or (c.lemma_ == "rule" and any(p.lower_ == "out" for p in c.children))
            )
            and any(t.lemma_.lower() in HOSTILE_WORDS for t in c.subtree)
            for c in verb.children
        )
    ):
        # "Trump has refused to rule out military or economic coercion": a threat
        cue = Cue("threatened", cue.lemma, cue.pos, (), cue.needs)
    if (
        cue.relation == "rejected"
        and verb.lemma_ in OPPOSE_VERBS
        and any(c.dep_ == "dobj" and c.lemma_ in DEED_NOUNS for c in verb.children)
    ):
        # "Vietnam resolutely opposes China's acts of violence": one opposes a deed by
        # criticizing it
        cue = Cue("criticized", cue.lemma, cue.pos, cue.slots, cue.needs)
    return cue


def not_this_cue(verb: Token, cue: Cue) -> bool:
    """The verb does not say what the cue would: its needed words are missing, "call" names
    something, people sent are no aid, a warning holds nothing hostile."""
    if not needs_ok(verb, cue):
        return True
    if cue.relation == "spokeWith" and verb.lemma_ == "call" and labels_verb(verb):
        return True
    if cue.relation == "aided" and any(
        c.dep_ == "dobj" and (c.lemma_ in ENVOY_NOUNS | SENT_PEOPLE | UNAIDED_NOUNS)
        for c in verb.children
    ):
        return True  # "sent negotiators to Kuala Lumpur" is no aid
    return (
        cue.relation == "threatened"
        and verb.lemma_ in SOFT_THREAT_VERBS
        and not any(t.lemma_.lower() in HOSTILE_WORDS for t in verb.subtree)
    )


OPPOSE_VERBS = word_class("oppose_verbs")
FORCE_NOUNS = word_class("force_nouns")
UNAIDED_NOUNS = word_class("unaided_nouns")
INVASION_PREPS = word_tuple("invasion_preps")
BLOCK_VERBS = word_class("block_verbs")
DEADLINE_NOUNS = word_class("deadline_nouns")
LEAVE_VERBS = word_class("leave_verbs")
