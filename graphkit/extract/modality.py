"""Is an event asserted, negated, hypothetical or only reported?

Examples:
    >>> from graphkit.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> def mod(text, word):
    ...     doc = nlp(text)
    ...     return modality([t for t in doc if t.text == word][0])
    >>> mod("Petro did not meet Trump.", "meet")
    'negated'
    >>> mod("Trump may impose sanctions on Colombia.", "impose")
    'hypothetical'
    >>> mod("Britain threatened to expel Russian diplomats.", "expel")
    'hypothetical'
    >>> mod("Britain threatened to expel Russian diplomats.", "threatened")
    'asserted'
    >>> mod("Petro reportedly met Maduro.", "met")
    'reported'
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.extract.syntax import (
    finite_after_infinitive,
    is_condition,
    is_purpose,
    reporter_speaks_again,
)
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED, HYPOTHETICAL, NEGATED, REPORTED

MODALS = word_class("modals")
FUTURE = word_class("future")
IRREALIS_HEADS = word_class("irrealis_heads")
NEGATING_HEADS = word_class("negating_heads")
ALLEGING_HEADS = word_class("alleging_heads")
ALLEGATION_NOUNS = word_class("allegation_nouns")
HEDGES = word_class("hedges")
HYPOTHETICAL_MODIFIERS = word_class("hypothetical_modifiers")
IRREALIS_NOUNS = word_class("irrealis_nouns")
NEGATING_PREPS = word_class("negating_preps")
CONTINUING = word_class("continuing_heads")
PLANNING_VERBS = word_class("planning_verbs")
ALLEGE_VERBS = word_class("allege_verbs")


def _clause_flags(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "no"):
            return NEGATED
    for child in tok.children:
        if (
            child.dep_ in ("aux", "auxpass")
            and (child.lower_ in MODALS or child.lower_ in FUTURE)
            and not (child.lower_ in FUTURE and tok.lemma_ in CONTINUING)
        ):
            # "will continue to stand with Iraq": a stance held now, not an announced act
            return HYPOTHETICAL
        if child.dep_ == "advmod" and child.lower_ in HEDGES:
            return REPORTED
        if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
            return HYPOTHETICAL
    return None


INTENT_HEADS = word_class("intent_heads")
WILLING = word_class("willing")
REPORT_HEADS = word_class("report_heads")
# verbs that only carry a noun cue ("will impose a curfew", "will hold talks")
SUPPORT_VERBS = word_class("support_verbs")
REQUEST_HEADS = word_class("request_heads")
REQUEST_PREPS = word_class("request_preps")
ALLEGATION_PREPS = word_class("allegation_preps")
CONDITION_MARKS = word_class("condition_marks")


def _intent_chain(cue: Token) -> tuple[bool, bool, bool]:
    """(announced: future/intent wording, conditional: an 'unless'/'if' clause, coercive: an
    'unless' clause) over the cue's clause chain."""
    tok = cue
    if cue.pos_ in ("NOUN", "PROPN") and cue.dep_ == "dobj" and cue.head.lemma_ in SUPPORT_VERBS:
        tok = cue.head  # "will extend the curfew": the verb that governs the noun cue
    announced = conditional = coercive = False
    for _ in range(4):
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE and tok.lemma_ not in CONTINUING:
                announced = True
            if (
                child.dep_ == "aux"
                and child.lower_ == "would"
                and tok.dep_ == "ccomp"
                and tok.head.lemma_ in REPORT_HEADS
            ):
                announced = True  # "said they would boycott": the future of reported speech
            if is_condition(child):
                conditional = True
            if is_condition(child, ("unless",)):
                coercive = True
        if tok.lemma_.lower() in INTENT_HEADS and tok.i != cue.i:
            announced = True
        if (
            tok.dep_ in ("xcomp", "acomp", "conj", "ccomp") or is_purpose(tok)
        ) and tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and tok.head.lemma_ not in REPORT_HEADS:
                break
            tok = tok.head
            continue
        break
    return announced, conditional, coercive


def intent_relation(cue: Token, predicate: str) -> str | None:
    """The relation an announced future act amounts to: agreedWith for cooperation, threatened
    for force.

    PLOVER (and CAMEO before it) code "X will give Y aid" or "X offered to hand over" as an
    agreement, and "X will strike unless Y ..." as a threat: the announcement is the event.
    """
    from graphkit.vocab import relation

    if predicate in ("threatened", "requested", "accused", "criticized", "visited"):
        return None
    if predicate == "rejected" and cue.lemma_ != "boycott":
        return None  # announcing a boycott threatens; announcing a refusal is one
    announced, conditional, coercive = _intent_chain(cue)
    info = relation(predicate)
    if coercive and (announced or info.score < 0):
        return "threatened"  # "will withdraw its force from Chad unless ...": an act held over Y
    if info.score > 0 and announced and not conditional:
        return "agreedWith"
    if info.score < -3 and (announced or conditional):
        return "threatened"
    return None


def modality(cue: Token) -> str:
    """The modality of the event a cue token (verb or noun) states."""
    tok = cue
    if cue.pos_ in ("NOUN", "PROPN"):
        flag = _noun_flags(cue)
        if flag is not None:
            return flag
        flag, tok = _climb_to_verb(cue)
        if flag is not None:
            return flag
    if (
        tok.dep_ == "pcomp"
        and tok.head.lower_ in ALLEGATION_PREPS
        and tok.head.head.lemma_ in ALLEGING_HEADS
    ):
        return REPORTED  # "accused the Emirates of arming the RSF": the arming is alleged
    hops = 0
    while hops < 4:
        flag = _clause_flags(tok)
        if flag is not None:
            if tok.i != cue.i and tok.lemma_ in NEGATING_HEADS:
                return NEGATED
            return flag
        flag, up = _clause_step(tok)
        if flag is not None:
            return flag
        if up is None:
            break
        tok = up
        hops += 1
    return ASSERTED


def _noun_flags(cue: Token) -> str | None:
    """ "no talks", "possible sanctions", "called for sanctions against Nigeria"."""
    for child in cue.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return NEGATED
        if child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_MODIFIERS - {"further", "new"}:
            return HYPOTHETICAL
    # "called for sanctions against Nigeria": asked for, not imposed
    # ("discussed trade during a visit to Riyadh": the visit took place)
    asked = cue.dep_ == "pobj" and cue.head.lower_ in REQUEST_PREPS
    gov = cue.head.head if asked else cue.head if cue.dep_ == "dobj" else None
    if gov is not None and cue.dep_ == "dobj" and gov.lemma_ in PLANNING_VERBS:
        return HYPOTHETICAL  # "has scheduled talks with Museveni": still to come
    if (
        gov is not None
        and gov.lemma_ in REQUEST_HEADS
        and (gov.lemma_ != "call" or cue.head.lower_ == "for")
        and (
            gov.lemma_ != "insist"
            or (cue.head.lower_ == "on" and cue.lemma_ not in ("demand", "request"))
        )  # "insisted on a dialogue with the M23"
    ):
        return HYPOTHETICAL
    return None


CLIMB_DEPS = ("dobj", "pobj", "prep", "conj", "compound", "appos", "nsubjpass", "attr")


def _climb_to_verb(cue: Token) -> tuple[str | None, Token]:
    """Climb from a noun cue to the verb or noun that governs it (at most four hops); a wish
    noun on the way ("a plan for talks") makes it hypothetical."""
    tok = cue
    hops = 0
    while tok.dep_ in CLIMB_DEPS and hops < 4:
        head = tok.head
        if head.pos_ in ("NOUN",) and head.lemma_ in IRREALIS_NOUNS and head.i != cue.i:
            return HYPOTHETICAL, tok
        tok = head
        hops += 1
        if tok.pos_ in ("VERB", "AUX"):
            break
    return None, tok


def _clause_step(tok: Token) -> tuple[str | None, Token | None]:
    """One step up the clause chain: (a modality, None) answers, (None, the next token) goes
    on, (None, None) stops (asserted)."""
    if tok.dep_ == "pcomp" and tok.head.lower_ in NEGATING_PREPS:
        return NEGATED, None  # "broke down without reaching an agreement"
    if tok.dep_ == "xcomp" or (tok.dep_ == "pcomp" and tok.head.dep_ == "prep"):
        head = tok.head if tok.dep_ == "xcomp" else tok.head.head
        if head.lemma_ in NEGATING_HEADS:
            return NEGATED, None
        if head.lemma_ in IRREALIS_HEADS or head.lemma_ in IRREALIS_NOUNS or head.lemma_ in WILLING:
            return HYPOTHETICAL, None
        return None, head
    if is_purpose(tok):
        return None, tok.head  # "sent troops to help": a purpose shares its clause's modality
    flag = _embedding_flag(tok)
    if flag is not None:
        return flag, None
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        again = finite_after_infinitive(tok) or reporter_speaks_again(tok)
        return None, tok.head.head if again else tok.head
    return None, None


def _embedding_flag(tok: Token) -> str | None:
    """The modality a clause takes from what embeds it: "demanded that Israel ease", "there was
    no sign that they had spoken", "accusations that Chinese companies supplied Russia"."""
    if (
        tok.dep_ == "ccomp"
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.lower_ == "that" for c in tok.children)
    ):
        # "demanded that Israel ease", "reiterated its demand that Israel ease": asked for
        head = tok.head
        if head.lemma_ in REQUEST_HEADS or any(
            c.dep_ == "dobj" and c.lemma_ in IRREALIS_NOUNS for c in head.children
        ):
            return HYPOTHETICAL
    if tok.dep_ == "ccomp" and tok.head.lemma_ in ALLEGE_VERBS:
        return REPORTED  # "claims that the U.S. is supporting sedition": alleged
    infinitive = tok.dep_ == "relcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )  # "the need for Russia to provide access", where "an accusation Cambodia denied" is told
    if (tok.dep_ in ("acl", "ccomp") or infinitive) and tok.head.pos_ == "NOUN":
        # "there was no sign that they had spoken"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.head.children):
            return NEGATED
        if tok.head.lemma_ in IRREALIS_NOUNS:
            return HYPOTHETICAL
        if tok.head.lemma_ in ALLEGATION_NOUNS:
            return REPORTED  # "accusations that Chinese companies supplied Russia"
    # an "advcl" clause's own flags were read at the top of the step (_clause_flags)
    return None
