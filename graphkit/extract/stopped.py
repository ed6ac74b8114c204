"""What stopping, ending, lifting or breaking an activity says of it: "halted its attacks on
Turkey" is a retreat, "suspended its mediation" no talks, "reneged on its commitment" no
support, "lifted the sanctions" no sanction, "ended his visit to China" a visit that took place.

The verbs and phrases are word classes (``halt_verbs``, ``breach_verbs``, ``breach_phrases``,
``completing_verbs``, ``reversal_verbs``, ``blocking_verbs``), and what a relation becomes when
broken or halted is a column of ``ontology/relations.csv`` (``broken``, ``halted``).

Examples:
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Iran", "backed", "out", "of", "the", "deal"],
    ...           heads=[1, 1, 1, 2, 5, 3], deps=["nsubj", "ROOT", "prep", "prep", "det", "pobj"],
    ...           pos=["PROPN", "VERB", "ADP", "ADP", "DET", "NOUN"],
    ...           lemmas=["Iran", "back", "out", "of", "the", "deal"])
    >>> sorted(breakers(doc[5]))
    ['back out of']
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.extract.objects import of_carrier
from graphkit.extract.tokens import is_word, kids
from graphkit.lexicon import Cue, word_class
from graphkit.vocab import relation, relations_where

VERBS = ("VERB", "AUX")
REVERSIBLE = relations_where(lambda r: r.reversible)
BLOCKING_VERBS = word_class("blocking_verbs")
PREVENTING_VERBS = word_class("preventing_verbs")
REVERSAL_VERBS = word_class("reversal_verbs")
BREACH_VERBS = word_class("breach_verbs")
BREACH_PHRASES = word_class("breach_phrases")
HALT_VERBS = word_class("halt_verbs")
COMPLETING_VERBS = word_class("completing_verbs")
COURSE_NOUNS = word_class("course_nouns")
BROKEN_BY = BREACH_VERBS | BREACH_PHRASES
STOPPING = BROKEN_BY | HALT_VERBS
CALLED_OFF_VERBS = word_class("called_off_verbs")


def breakers(noun: Token) -> frozenset[str]:
    """What the noun is the object of: the verb it is the direct object of, alone and with its
    particles ("halt" in "halted its attacks", "call off" in "called off the offensive"), or
    the verb, its particles and the preposition it is the object of ("back out of" in "backed
    out of the deal"); none when neither."""
    if noun.dep_ == "dobj":
        verb = noun.head
        particles = [c.lower_ for c in kids(verb, "prt")]
        return frozenset({verb.lemma_, " ".join([verb.lemma_, *particles])})
    if noun.dep_ != "pobj":
        return frozenset()
    words = [noun.head.lower_]
    tok = noun.head.head
    while tok.dep_ in ("prep", "prt", "advmod") and tok.pos_ not in VERBS:
        words.insert(0, tok.lower_)  # "backed out of", "walked away from"
        tok = tok.head
    if tok.pos_ not in VERBS:
        return frozenset()
    particles = [c.lower_ for c in kids(tok, "prt") if c.i < noun.head.i]
    return frozenset({" ".join([tok.lemma_, *particles, *words])})


def _completed(noun: Token) -> bool:
    """ "ended his visit to China": an event that runs its course, brought to its close."""
    return is_word(noun, COURSE_NOUNS) and bool(breakers(noun) & COMPLETING_VERBS)


def stopped_cue(noun: Token, cue: Cue) -> tuple[Cue, bool]:
    """(the cue as what breaking or halting it is, whether it was halted): "broke its treaty
    with Libya", "backed out of the deal" reject (``broken``); "halted its attacks on Turkey"
    retreats (``halted``)."""
    broken = relation(cue.relation).broken
    if broken and breakers(noun) & BROKEN_BY:
        cue = Cue(broken, cue.lemma, cue.pos, cue.slots, cue.needs)
    halted = relation(cue.relation).halted
    if halted and breakers(noun) & HALT_VERBS:
        return Cue(halted, cue.lemma, cue.pos, cue.slots, cue.needs), True
    return cue, False


def undone(noun: Token, cue: Cue) -> bool:
    """ "lifted the sanctions" (a concession, not a sanction), "blocks EU aid" (none given),
    "vetoed sanctions on North Korea" (none imposed),
    "suspended its mediation", "reneged on its commitment" (nothing going on, nothing kept),
    "the summit was called off" (it never took place)."""
    carrier = noun
    if cue.needs and of_carrier(noun) is not None:
        carrier = of_carrier(noun) or noun  # "lifted a state of emergency"
    verb = carrier.head.lemma_ if carrier.dep_ == "dobj" else ""  # the verb it is the object of
    if cue.relation in REVERSIBLE and verb in REVERSAL_VERBS:
        return True
    if carrier.dep_ == "nsubjpass" and carrier.head.lemma_ in CALLED_OFF_VERBS:
        return True  # "the meeting was cancelled", "talks were postponed": none took place
    if _completed(noun):
        return False  # "ended his visit to China": it took place
    if breakers(noun) & STOPPING:
        return relation(cue.relation).score > 0
    if relation(cue.relation).score < 0 and verb in PREVENTING_VERBS:
        return True  # "Hungary blocked new EU sanctions on Russia": none were imposed
    blocked = verb in BLOCKING_VERBS or bool(kids(noun, "compound", words=BLOCKING_VERBS))
    # "blocks EU aid for Ukraine" (a headline parsed "blocks" as a noun): no aid was given
    return cue.relation in ("aided", "supported", "cooperatedWith") and blocked


def halted_verb_cue(verb: Token, cue: Cue) -> Cue | None:
    """The cue of a verb a halting verb governs: "stopped attacking Turkey" retreats
    (``halted``), "stopped supporting the rebels" says nothing (None); any other verb keeps its
    cue."""
    if verb.dep_ != "xcomp" or verb.head.lemma_ not in HALT_VERBS:
        return cue
    halted = relation(cue.relation).halted
    if halted:
        return Cue(halted, cue.lemma, cue.pos, cue.slots, cue.needs)
    return None if relation(cue.relation).score > 0 else cue
