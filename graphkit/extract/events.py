"""Event relations of a sentence, from verbal cues (verbal.py) and nominal cues (nominal.py).

Verbal: "X met (with) Y", "Y was extradited by X", "X and Y signed an agreement",
"X sanctioned A and B". Nominal: "the meeting between X and Y", "X's visit to Y", "sanctions
on X", "Bogotá's extradition of P", "U.S. deportation flights to Y", "held talks with Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.clauses import (
    TIES_NOUNS,
    blame_events,
    concern_events,
    conditional_threat_events,
    demand_events,
    denial_events,
    label_events,
    persona_events,
    phone_events,
    reduce_events,
    retaliation_events,
    ties_events,
)
from graphkit.extract.epithets import EPITHET_WORDS, epithet_events
from graphkit.extract.found import INHERITED_CONFIDENCE, Found, emit
from graphkit.extract.known import ArticleIndex
from graphkit.extract.mediation import mediation_events
from graphkit.extract.nominal import nominal_events, noun_subjects
from graphkit.extract.syntax import prep_objects
from graphkit.extract.tokens import children, is_word, kids
from graphkit.extract.verbal import verbal_events
from graphkit.lexicon import Lexicon, word_class, word_tuple

CONTEXT_SANCTION_VERBS = word_class("context_sanction_verbs")
SANCTION_CONTEXT_WORDS = word_class("sanction_context_words")
DESIGNEE_NOUNS = word_class("designee_nouns")
GROUP_WORDS = word_class("group_words")
DESIGNEE_NAMES = frozenset({"PERSON", "ORG"})
TERROR_LISTING_WORDS = word_class("terror_listing_words")
REDUCE_NOUNS = word_class("reduce_nouns")
REDUCE_NOUN_PREPS = word_tuple("reduce_noun_preps")
# the parts of speech of the cues below (verbs, nouns, "U.S.-mediated")
CUE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
# a second complement names what the object is made: an appointment or a label
NAMING_DEPS = ("dative", "oprd", "ccomp", "xcomp", "attr")


def _among_sanctions(verb: Token) -> bool:
    """Whether "designating two officials" sanctions them: its object is people or bodies
    described, not named ("designated Sergei Ivanov as its new ambassador" appoints), and the
    article speaks of sanctions; or it lists them as a terrorist organization ("designated the
    Sinaloa Cartel as a foreign terrorist organization")."""
    objects = kids(verb, "dobj")
    # "as" may hang on the verb or on the last of the objects
    holders = [verb, *(t for o in objects for t in o.subtree)]
    listed_as = [p for h in holders for p in kids(h, "prep", words=("as",))]
    if any(
        p.lower_ in GROUP_WORDS and any(t.lower_ in TERROR_LISTING_WORDS for t in p.subtree)
        for a in listed_as
        for p in children(a)
    ):
        return True
    # the people and bodies designated: described ("two officials") or named ("OFAC
    # designated Milorad Dodik")
    listed = all(
        (not o.ent_type_ and is_word(o, DESIGNEE_NOUNS)) or o.ent_type_ in DESIGNEE_NAMES
        for o in objects
    )
    if not (objects and listed) or kids(verb, *NAMING_DEPS):
        return False  # "designated Kenya a major non-NATO ally", "designated Nijjar a terrorist"
    if listed_as:
        return False
    return any(t.lower_ in SANCTION_CONTEXT_WORDS for t in verb.doc)


def reduce_noun_events(noun: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Italy announced a suspension of air links with Serbia" -> Italy sanctioned Serbia."""
    if not is_word(noun, REDUCE_NOUNS):
        return
    for ties in prep_objects(noun, ("of",)):
        if not is_word(ties, TIES_NOUNS):
            continue
        preps = REDUCE_NOUN_PREPS
        objects = [
            a
            for p in [*prep_objects(ties, preps), *prep_objects(noun, preps)]
            for a in actors_of(p, index)
        ]
        subjects, confidence = noun_subjects(noun, index)
        yield from emit(
            subjects,
            objects,
            "sanctioned",
            noun,
            min(confidence, INHERITED_CONFIDENCE),
            f"reduce:{noun.lemma_}",
        )


def sentence_events(
    sent_tokens: list[Token], lex: Lexicon, index: ArticleIndex
) -> Iterator[tuple[int, list[Found]]]:
    """Every event cue in a sentence, verbal and nominal: (the cue token's position, what it
    tells), one cue at a time; the caller records each (``ArticleIndex.tell``) before asking for
    the next, since later cues refer back to them."""
    for tok in sent_tokens:
        pos = tok.pos_
        if pos not in CUE_POS:
            continue
        lemma = tok.lemma_.lower()
        found: list[Found] = []
        if pos == "VERB" and not (lemma in CONTEXT_SANCTION_VERBS and not _among_sanctions(tok)):
            found = list(verbal_events(tok, lex.verb_cues.get(lemma, ()), index))
        elif pos in ("NOUN", "PROPN") and tok.i not in index.by_token:
            cues = lex.noun_cues.get(lemma, lex.noun_cues.get(tok.lower_, ()))
            found = list(nominal_events(tok, cues, index)) if cues else []
            if not found:
                found = list(reduce_noun_events(tok, index))
        if pos == "VERB":
            found.extend(blame_events(tok, index))
            found.extend(label_events(tok, index))
            found.extend(demand_events(tok, index))
            found.extend(reduce_events(tok, index))
            found.extend(ties_events(tok, index))
            found.extend(persona_events(tok, index))
            found.extend(retaliation_events(tok, index))
            held = list(conditional_threat_events(tok, index))
            if held:
                # "warned that Moscow would respond ... if NATO deployed": NATO is threatened, not
                # Moscow
                found = [f for f in found if f.predicate != "threatened" or f.cue.i != tok.i] + held
            denials = list(denial_events(tok, index))
            if denials:
                # "dismissed the accusations": the accuser, not whoever the accusations name
                found = [f for f in found if f.predicate != "rejected"] + denials
            if lemma not in lex.verb_cues:
                found.extend(phone_events(tok, index))
        if pos in ("VERB", "ADJ"):
            found.extend(concern_events(tok, index))
        if pos in ("VERB", "ADJ", "NOUN"):
            found.extend(mediation_events(tok, index))
        if pos in ("NOUN", "PROPN") and (lemma in EPITHET_WORDS or tok.lower_ in EPITHET_WORDS):
            found.extend(epithet_events(tok, index))
        if found:
            yield tok.i, found


__all__ = ["Found", "sentence_events"]
