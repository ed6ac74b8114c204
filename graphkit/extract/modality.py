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

from graphkit.extract.args import (
    finite_after_infinitive,
    is_condition,
    is_purpose,
    reporter_speaks_again,
)

MODALS = frozenset(["may", "might", "could", "would", "should", "can", "shall", "must"])
FUTURE = frozenset({"will", "'ll", "wo"})
IRREALIS_HEADS = frozenset(
    ["plan", "want", "hope", "seek", "threaten", "intend", "propose", "offer", "consider", "aim", "expect", "try", "promise", "vow", "prepare", "wish", "need", "decide", "agree", "refuse", "fail", "urge", "ask", "call", "demand", "push", "press", "pledge", "suggest", "recommend", "mull", "weigh", "contemplate", "insist"]
)
NEGATING_HEADS = frozenset(["refuse", "fail", "decline", "deny", "avoid"])
ALLEGING_HEADS = frozenset(["accuse", "suspect", "charge", "blame", "indict", "implicate", "arrest", "detain", "jail", "investigate"])
ALLEGATION_NOUNS = frozenset(["accusation", "allegation", "claim", "charge", "suspicion", "report", "rumor", "rumour", "speculation"])
HEDGES = frozenset(["reportedly", "allegedly", "purportedly", "supposedly", "apparently", "rumoredly"])
HYPOTHETICAL_MODIFIERS = frozenset(
    ["potential", "possible", "proposed", "planned", "future", "prospective", "eventual", "further", "new"]
)
IRREALIS_NOUNS = frozenset(
    ["prospect", "risk", "possibility", "threat", "danger", "fear", "plan", "proposal", "bid", "call", "demand", "request", "appeal", "ultimatum", "insistence"]
)


def _clause_flags(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "no"):
            return "negated"
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and (child.lower_ in MODALS or child.lower_ in FUTURE):
            return "hypothetical"
        if child.dep_ == "advmod" and child.lower_ in HEDGES:
            return "reported"
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
    return None


INTENT_HEADS = frozenset(
    ["promise", "pledge", "offer", "agree", "vow", "commit", "decide", "prepare", "willing", "ready", "prepared", "determined", "intend", "plan", "resolve", "undertake"]
)
WILLING = frozenset(["willing", "ready", "prepared", "determined", "eager", "keen"])
REPORT_HEADS = frozenset({"say", "announce", "declare", "state", "tell", "confirm"})
# verbs that only carry a noun cue ("will impose a curfew", "will hold talks")
SUPPORT_VERBS = frozenset(
    ["impose", "extend", "hold", "sign", "launch", "send", "provide", "give", "deliver", "offer", "conduct", "begin", "resume", "stage", "carry", "declare", "institute", "introduce", "reimpose", "tighten"]
)
REQUEST_HEADS = frozenset(
    ["call", "urge", "demand", "seek", "push", "press", "ask", "want", "propose", "threaten", "consider", "weigh", "discuss", "insist"]
)


def _intent_chain(cue: Token) -> tuple[bool, bool, bool]:
    """(announced: future/intent wording, conditional: an 'unless'/'if' clause, coercive: an
    'unless' clause) over the cue's clause chain."""
    tok = cue
    if cue.pos_ in ("NOUN", "PROPN") and cue.dep_ == "dobj" and cue.head.lemma_ in SUPPORT_VERBS:
        tok = cue.head  # "will extend the curfew": the verb that governs the noun cue
    announced = conditional = coercive = False
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in ("aux",) and child.lower_ in FUTURE:
                announced = True
            if child.dep_ == "aux" and child.lower_ == "would" and tok.dep_ == "ccomp" and tok.head.lemma_ in REPORT_HEADS:
                announced = True  # "said they would boycott": the future of reported speech
            if is_condition(child):
                conditional = True
            if is_condition(child, ("unless",)):
                coercive = True
        if tok.lemma_.lower() in INTENT_HEADS and tok.i != cue.i:
            announced = True
        if (tok.dep_ in ("xcomp", "acomp", "conj", "ccomp") or is_purpose(tok)) and tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and tok.head.lemma_ not in REPORT_HEADS:
                break
            tok = tok.head
            continue
        break
    return announced, conditional, coercive


def intent_relation(cue: Token, predicate: str) -> str | None:
    """The relation an announced future act amounts to: agreedWith for cooperation, threatened for force.

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
        for child in cue.children:
            if child.dep_ == "det" and child.lower_ == "no":
                return "negated"
            if child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_MODIFIERS - {"further", "new"}:
                return "hypothetical"
        # "called for sanctions against Nigeria": asked for, not imposed
        # ("discussed trade during a visit to Riyadh": the visit took place)
        asked = cue.dep_ == "pobj" and cue.head.lower_ in ("for", "on", "about", "over", "to")
        gov = cue.head.head if asked else cue.head if cue.dep_ == "dobj" else None
        if (
            gov is not None
            and gov.lemma_ in REQUEST_HEADS
            and (gov.lemma_ != "call" or cue.head.lower_ == "for")
            and (gov.lemma_ != "insist" or (cue.head.lower_ == "on" and cue.lemma_ not in ("demand", "request")))  # "insisted on a dialogue with the M23"
        ):
            return "hypothetical"
        # climb from the noun to the verb or noun that governs it
        hops = 0
        while tok.dep_ in ("dobj", "pobj", "prep", "conj", "compound", "appos", "nsubjpass", "attr") and hops < 4:
            head = tok.head
            if head.pos_ in ("NOUN",) and head.lemma_ in IRREALIS_NOUNS and head.i != cue.i:
                return "hypothetical"
            tok = head
            hops += 1
            if tok.pos_ in ("VERB", "AUX"):
                break
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "with", "for") and tok.head.head.lemma_ in ALLEGING_HEADS:
        return "reported"  # "accused the Emirates of arming the RSF": the arming is alleged
    hops = 0
    while hops < 4:
        flag = _clause_flags(tok)
        if flag is not None:
            if tok.i != cue.i and tok.lemma_ in NEGATING_HEADS:
                return "negated"
            return flag
        if tok.dep_ == "xcomp" or (tok.dep_ == "pcomp" and tok.head.dep_ == "prep"):
            head = tok.head if tok.dep_ == "xcomp" else tok.head.head
            if head.lemma_ in NEGATING_HEADS:
                return "negated"
            if head.lemma_ in IRREALIS_HEADS or head.lemma_ in IRREALIS_NOUNS or head.lemma_ in WILLING:
                return "hypothetical"
            tok = head
            hops += 1
            continue
        if is_purpose(tok):
            tok = tok.head  # "sent troops to help": a purpose shares its clause's modality
            hops += 1
            continue
        if tok.dep_ == "ccomp" and tok.head.pos_ in ("VERB", "AUX") and any(c.lower_ == "that" for c in tok.children):
            # "demanded that Israel ease", "reiterated its demand that Israel ease": asked for
            head = tok.head
            if head.lemma_ in REQUEST_HEADS or any(c.dep_ == "dobj" and c.lemma_ in IRREALIS_NOUNS for c in head.children):
                return "hypothetical"
        if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN":
            # "there was no sign that they had spoken"
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.head.children):
                return "negated"
            if tok.head.lemma_ in IRREALIS_NOUNS:
                return "hypothetical"
            if tok.head.lemma_ in ALLEGATION_NOUNS:
                return "reported"  # "accusations that Chinese companies supplied Russia"
        if tok.dep_ == "advcl":
            flag = _clause_flags(tok)
            if flag is not None:
                return flag
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head if finite_after_infinitive(tok) or reporter_speaks_again(tok) else tok.head
            hops += 1
            continue
        break
    return "asserted"
