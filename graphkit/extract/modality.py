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
    shown_by_document,
)
from graphkit.extract.tokens import children, kids, spelled
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
NEGATORS = word_class("clause_negators")
FUTURE_TIMES = word_class("future_times")
NOUNS = ("NOUN", "PROPN")
VERBS = ("VERB", "AUX")
TIME_DEPS = ("npadvmod", "tmod")


def _denied(tok: Token) -> bool:
    """ "no talks", "no sign that ...": a noun with "no" for its determiner."""
    return bool(spelled(kids(tok, "det"), NEGATORS))


def _future_time(tok: Token) -> bool:
    """ "his talks later this week", "holds talks with France next week": a time phrase under
    the token that points ahead."""
    texts = (" ".join(w.lower_ for w in t.subtree) + " " for t in kids(tok, *TIME_DEPS))
    return any(text.startswith(start + " ") for text in texts for start in FUTURE_TIMES)


def _phrasal(tok: Token) -> bool:
    """A verb that makes a wish with its particle: "looks forward to the help of Brazil" is
    hoped for."""
    return any(f"{tok.lemma_} {c.lower_}" in IRREALIS_HEADS for c in kids(tok, "advmod", "prt"))


def _clause_flags(tok: Token) -> str | None:
    """The modality a clause's own words give it: a negation anywhere among them, else the
    first modal or future auxiliary, hedge ("reportedly") or condition mark ("if"), a time
    ahead ("next week") or a wish made with a particle ("looks forward to")."""
    if kids(tok, "neg") or spelled(children(tok), NEGATORS):
        return NEGATED
    # "will continue to stand with Iraq": a stance held now, not an announced act
    rules = CONTINUING_FLAG_RULES if tok.lemma_ in CONTINUING else FLAG_RULES
    for child in children(tok):
        for deps, words, flag in rules:
            if child.dep_ in deps and child.lower_ in words:
                return flag
    return HYPOTHETICAL if _future_time(tok) or _phrasal(tok) else None


INTENT_HEADS = word_class("intent_heads")
WILLING = word_class("willing")
REPORT_HEADS = word_class("report_heads")
# verbs that only carry a noun cue ("will impose a curfew", "will hold talks")
SUPPORT_VERBS = word_class("support_verbs")
REQUEST_HEADS = word_class("request_heads")
REQUEST_PREPS = word_class("request_preps")
ALLEGATION_PREPS = word_class("allegation_preps")
CONDITION_MARKS = word_class("condition_marks")
# prepositions of time before a gerund: "after meeting", "since signing"
TIME_PREPS = word_class("time_preps")
# (labels, words, flag): a child of a clause with one of the labels and words flags it
FLAG_RULES = (
    (("aux", "auxpass"), MODALS | FUTURE, HYPOTHETICAL),
    (("advmod",), HEDGES, REPORTED),
    (("mark",), CONDITION_MARKS, HYPOTHETICAL),
)
# the same for a continuing verb, whose future auxiliary is no flag
CONTINUING_FLAG_RULES = ((("aux", "auxpass"), MODALS - FUTURE, HYPOTHETICAL), *FLAG_RULES[1:])
# the clauses an announcement reaches through: "offered to send troops to help"
CHAIN_DEPS = ("xcomp", "acomp", "conj", "ccomp")


def _carrier(cue: Token) -> Token:
    """The verb a noun cue's act is told by when a support verb only carries it ("will extend
    the curfew": "extend"), else the cue itself."""
    carried = cue.pos_ in NOUNS and cue.dep_ == "dobj" and cue.head.lemma_ in SUPPORT_VERBS
    return cue.head if carried else cue


def _intent_chain(cue: Token) -> tuple[bool, bool, bool]:
    """(announced: future/intent wording, conditional: an 'unless'/'if' clause, coercive: an
    'unless' clause) over the cue's clause chain."""
    tok = _carrier(cue)
    announced = conditional = coercive = False
    for _ in range(4):
        auxes = {c.lower_ for c in kids(tok, "aux")}
        reported = tok.dep_ == "ccomp" and tok.head.lemma_ in REPORT_HEADS
        announced |= bool(auxes & FUTURE) and tok.lemma_ not in CONTINUING
        announced |= "would" in auxes and reported  # "said they would boycott"
        announced |= tok.lemma_.lower() in INTENT_HEADS and tok.i != cue.i
        conditional |= any(is_condition(c) for c in children(tok))
        coercive |= any(is_condition(c, ("unless",)) for c in children(tok))
        climbs = tok.dep_ in CHAIN_DEPS or is_purpose(tok)
        if not climbs or (tok.dep_ == "ccomp" and not reported):
            break
        tok = tok.head
    return announced, conditional, coercive


ATTEMPT_HEADS = word_class("attempt_heads")


def attempted(cue: Token, predicate: str) -> bool:
    """Whether a hostile act is one tried ("has tried to hack into", "attempted to storm"): a
    hostile act attempted is coded as the act (CAMEO codes an attempted assassination as one);
    a cooperative act tried ("tried to meet") stays unrealized."""
    from graphkit.vocab import relation

    act = _carrier(cue)
    tried = act.dep_ == "xcomp" and act.head.lemma_ in ATTEMPT_HEADS
    return relation(predicate).score < 0 and tried and _clause_flags(act.head) is None


PREPARING_VERBS = word_class("preparing_verbs")


def _prepared(cue: Token) -> bool:
    """ "The army prepared to resume shelling", "troops are preparing to storm the city": forces
    made ready for an attack (not "is prepared to", a willingness)."""
    act = _carrier(cue)
    for _ in range(2):  # "prepared to resume shelling": through the verb that carries it on
        if act.dep_ != "xcomp":
            return False
        act = act.head
        if act.lemma_ in PREPARING_VERBS:
            return act.pos_ == "VERB" and act.tag_ != "VBN"
    return False


def intent_relation(cue: Token, predicate: str) -> str | None:
    """The relation an announced future act amounts to: agreedWith for cooperation, threatened
    for force.

    PLOVER (and CAMEO before it) code "X will give Y aid", "X offered to hand over" or a
    conditional offer ("would meet Y if he gave them a veto") as an agreement, and "X will
    strike unless Y ..." as a threat: the announcement is the event.
    """
    from graphkit.vocab import relation

    if predicate in ("threatened", "requested", "accused", "criticized", "visited"):
        return None
    if predicate == "rejected" and cue.lemma_ != "boycott":
        return None  # announcing a boycott threatens; announcing a refusal is one
    announced, conditional, coercive = _intent_chain(cue)
    info = relation(predicate)
    if predicate == "attacked" and _prepared(cue) and not coercive:
        return "mobilizedAgainst"
    if coercive and (announced or info.score < 0):
        return "threatened"  # "will withdraw its force from Chad unless ...": an act held over Y
    if info.score > 0 and announced:
        return "agreedWith"
    if info.score < -3 and (announced or conditional):
        return "threatened"
    return None


def _quoted_alone(tok: Token) -> bool:
    """Whether quotation marks hug one word and nothing else: 'had been "targeted"'."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].is_quote and doc[tok.i + 1].is_quote


def scare_quoted(cue: Token) -> bool:
    """ "Verma had been \"targeted\" by Trudeau's government"; "said the U.S. is supporting
    \"sedition\" in Iran": a cue word set in quotation marks of its own, or, in what someone
    said another did, the one word it acts on, is the speaker's word for the act: a charge
    reported, not an event told. (A feeling quoted, 'said it was \"disappointed\"', is the
    speaker's own word for it, and stays told.)"""
    if cue.pos_ == "VERB" and _quoted_alone(cue):
        return True
    told = cue.dep_ == "ccomp" and cue.head.lemma_ in REPORT_HEADS
    return told and any(_quoted_alone(o) for o in kids(cue, "dobj"))


def modality(cue: Token) -> str:
    """The modality of the event a cue token (verb or noun) states."""
    if scare_quoted(cue):
        return REPORTED
    tok = cue
    if cue.pos_ in NOUNS:
        flag, tok = _climb_to_verb(cue)
        if flag is not None:
            return flag
    if (
        tok.dep_ == "pcomp"
        and tok.head.lower_ in ALLEGATION_PREPS
        and tok.head.head.lemma_ in ALLEGING_HEADS
    ):
        return REPORTED  # "accused the Emirates of arming the RSF": the arming is alleged
    for _ in range(4):
        flag = _clause_flags(tok)
        if flag is not None:
            return NEGATED if tok.i != cue.i and tok.lemma_ in NEGATING_HEADS else flag
        step = _clause_step(tok)
        if isinstance(step, str):
            return step
        tok = step
    return ASSERTED


# "called for sanctions": request verbs that ask for a noun only through their preposition
REQUEST_HEAD_PREPS = dict(p.split() for p in word_class("request_head_preps"))
ASKING_NOUNS = word_class("asking_nouns")


def _noun_flags(cue: Token) -> str | None:
    """ "no talks", "possible sanctions", "called for sanctions against Nigeria"."""
    if _denied(cue):
        return NEGATED
    if spelled(kids(cue, "amod"), HYPOTHETICAL_MODIFIERS) or _future_time(cue):
        return HYPOTHETICAL
    # "called for sanctions against Nigeria": asked for, not imposed
    # ("discussed trade during a visit to Riyadh": the visit took place)
    asked = cue.dep_ == "pobj" and cue.head.lower_ in REQUEST_PREPS
    gov = cue.head.head if asked else cue.head if cue.dep_ == "dobj" else None
    if gov is None:
        return None
    if cue.dep_ == "dobj" and gov.lemma_ in PLANNING_VERBS:
        return HYPOTHETICAL  # "has scheduled talks with Museveni": still to come
    prep = REQUEST_HEAD_PREPS.get(gov.lemma_)
    if prep is None:
        return HYPOTHETICAL if gov.lemma_ in REQUEST_HEADS else None
    # "insisted on a dialogue with the M23", but "insisted on its demand" makes the demand
    return HYPOTHETICAL if cue.head.lower_ == prep and cue.lemma_ not in ASKING_NOUNS else None


CLIMB_DEPS = ("dobj", "pobj", "prep", "conj", "compound", "appos", "nsubjpass", "attr")


def _climb_to_verb(cue: Token) -> tuple[str | None, Token]:
    """The noun cue's own flags, else climb from it to the verb or noun that governs it (at most
    four hops); a wish noun on the way ("a plan for talks") makes it hypothetical."""
    flag = _noun_flags(cue)
    tok = cue
    for _ in range(4):
        if flag is not None or tok.dep_ not in CLIMB_DEPS:
            break
        head = tok.head
        if head.pos_ == "NOUN" and head.lemma_ in IRREALIS_NOUNS:
            return HYPOTHETICAL, tok
        tok = head
        if tok.pos_ in VERBS:
            break
    return flag, tok


# what the head a clause is the complement of says of it: "refused to meet", "plans to visit"
HEAD_FLAGS = {
    **{w: HYPOTHETICAL for w in IRREALIS_HEADS | IRREALIS_NOUNS | WILLING},
    **{w: NEGATED for w in NEGATING_HEADS},
}


def _clause_step(tok: Token) -> str | Token:
    """One step up the clause chain: a modality answers (asserted: nothing more to read), a
    token is the next clause up."""
    if tok.dep_ == "pcomp" and tok.head.lower_ in NEGATING_PREPS:
        return NEGATED  # "broke down without reaching an agreement"
    if tok.dep_ == "pcomp" and tok.head.lower_ in TIME_PREPS and tok.head.dep_ == "prep":
        return tok.head.head  # "after meeting in Paris, they agreed": the clause's own time
    if tok.dep_ == "xcomp" or (tok.dep_ == "pcomp" and tok.head.dep_ == "prep"):
        head = tok.head if tok.dep_ == "xcomp" else tok.head.head
        return HEAD_FLAGS.get(head.lemma_, head)
    if is_purpose(tok) and tok.head.pos_ not in NOUNS:
        return tok.head  # "sent troops to help": a purpose shares its clause's modality
    flag = _embedding_flag(tok)
    if flag is not None:
        return flag
    if tok.dep_ == "conj" and tok.head.pos_ in VERBS:
        again = finite_after_infinitive(tok) or reporter_speaks_again(tok)
        return tok.head.head if again else tok.head
    return ASSERTED


# what a noun says of the clause it takes: "the plan to visit", "accusations that they spied"
NOUN_FLAGS = {
    **{w: REPORTED for w in ALLEGATION_NOUNS},
    **{w: HYPOTHETICAL for w in IRREALIS_NOUNS},
}


def _embedding_flag(tok: Token) -> str | None:
    """The modality a clause takes from what embeds it: "demanded that Israel ease", "there was
    no sign that they had spoken", "accusations that Chinese companies supplied Russia"."""
    head = tok.head
    if (
        tok.dep_ == "ccomp"
        and head.pos_ in VERBS
        and any(c.lower_ == "that" for c in children(tok))
        and (head.lemma_ in REQUEST_HEADS or kids(head, "dobj", words=IRREALIS_NOUNS))
    ):
        # "demanded that Israel ease", "reiterated its demand that Israel ease": asked for
        return HYPOTHETICAL
    if tok.dep_ == "ccomp" and (head.lemma_ in ALLEGE_VERBS or shown_by_document(head)):
        # "claims that the U.S. is supporting sedition", "the documents show Chavez sent money
        # to the rebels": alleged
        return REPORTED
    # "the need for Russia to provide access", where "an accusation Cambodia denied" is told
    infinitive = tok.dep_ == "relcl" and any(c.lower_ == "to" for c in kids(tok, "aux"))
    # "the need for Russia to pull back" (an adverbial clause under the noun)
    if (tok.dep_ in ("acl", "ccomp", "advcl") or infinitive) and head.pos_ == "NOUN":
        # "there was no sign that they had spoken"
        return NEGATED if _denied(head) else NOUN_FLAGS.get(head.lemma_)
    # an "advcl" clause's own flags were read at the top of the step (_clause_flags)
    return None
