"""Syntax helpers over the dependency parse, with no actors: conjuncts, clause subjects,
prepositional objects, sentence distances, purpose and condition clauses."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Token

from graphkit.extract.tokens import Side, children, climb, is_word, kid, kids, matches
from graphkit.lexicon import word_class
from graphkit.resolve import is_dateline


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C")."""
    out = [token]
    stack = [token]
    dropped: set[int] = set()
    while stack:
        tok = stack.pop()
        for child in kids(tok, "conj"):
            stack.append(child)
            name_end = _name_end_after_and(tok, child)
            if child.i <= name_end:
                continue  # "Trinidad and Tobago": the second part of one name
            if name_end >= 0:
                # "St. Vincent and the Grenadines Prime Minister Ralph Gonsalves": the name
                # is a title of the one after it
                dropped.add(tok.i)
            out.append(child)
    return [t for t in out if t.i not in dropped]


def _name_end_after_and(head: Token, conj: Token) -> int:
    """Where the name ends whose own "and" stands between ``head`` and ``conj``, if one does
    (else -1)."""
    for cc in kids(head, "cc"):
        if cc.ent_iob_ == "I" and head.i < cc.i < conj.i:
            return next(e.end - 1 for e in head.doc.ents if e.start <= cc.i < e.end)
    return -1


def of_phrase_objects(token: Token) -> list[Token]:
    """The objects of "of", "like" and "such as" under ``token`` ("leaders of A and B", "groups
    such as X")."""
    return [
        pobj
        for prep in kids(token, "prep")
        if prep.lower_ in ("of", "like") or (prep.lower_ == "as" and kids(prep, words=("such",)))
        for pobj in kids(prep, "pobj")
    ]


def opening_end(doc: Doc) -> int:
    """Where the article's opening ends: its title, date line and first long sentence (the lede)."""
    sents = list(doc.sents)
    first = sents[0].end if sents else 0  # a short text: its first sentence
    return next((sent.end for sent in sents if sum(t.is_alpha for t in sent) >= 20), first)


def prep_objects(head: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    """Objects of the given prepositions under ``head`` ("with X", "on X and Y")."""
    for child in kids(head, "prep", "agent", "dative"):
        if child.lower_ not in preps:
            continue
        yield from kids(child, "pobj", "pcomp")
        if child.lower_ == "out" and child.dep_ == "prep":
            yield child


BEFORE: Side = "before"  # the side of a head its modifiers are asked on ("Sudanese rebels")


def prep_words(
    head: Token, preps: Collection[str], deps: tuple[str, ...] = ("prep",)
) -> list[Token]:
    """The words under ``head``'s prepositions written as one of ``preps`` ("refugees in Chad"
    -> Chad), with ``deps`` the labels the prepositions may have."""
    return [word for prep in kids(head, *deps) if prep.lower_ in preps for word in children(prep)]


STATEMENT_NOUNS = word_class("statement_nouns")
OBJECT_GERUND_VERBS = word_class("object_gerund_verbs")
ISSUE_VERBS = word_class("issue_verbs")
SAY_HEADS = word_class("say_heads")
SPEECH_ACTS = word_class("speech_acts")
DIRECTIVE_VERBS = word_class("directive_verbs")
GERUND_OBJECT_PREPS = word_class("gerund_object_preps")
FINITE_TAGS = {"VBD", "VBZ"}
VERB_POS = {"VERB", "AUX"}
# Constructions as token patterns (see ``tokens.matches``): "said the United States condemned
# the raid and urged Ecuador": a finite speech act joined to a clause a say-verb reports
SPEECH_ACT_IN_SAID = {
    "dep_": {"conj"},
    "lemma_": SPEECH_ACTS,
    "tag_": FINITE_TAGS,
    "head.dep_": {"ccomp"},
    "head.head.lemma_": SAY_HEADS,
}
# "urged Iran to stop and called on Russia": a finite verb joined to an infinitive
FINITE_AFTER_INFINITIVE = {
    "dep_": {"conj"},
    "tag_": FINITE_TAGS,
    "head.tag_": {"VB"},
    "head.dep_": {"xcomp"},
    "head.head.tag_": {"VBD", "VBZ", "VBN"},
}
# "Hillary Clinton, left, meets with Ghana's President": a photo caption's verb, which the parse
# joins to the picture position set off by commas
CAPTION_VERB = {
    "dep_": {"conj"},
    "tag_": FINITE_TAGS | {"VBP"},
    "head.lower_": word_class("caption_positions"),
}
# "responded by sending", "accused the Emirates of arming": a gerund under a verb's preposition
GERUND_UNDER_PREP = {"dep_": {"pcomp"}, "head.dep_": {"prep"}, "head.head.pos_": VERB_POS}
# "stressed the importance of supporting Ukraine": the one who stresses it takes that stance
GERUND_OF_IMPORTANCE = {
    "dep_": {"pcomp"},
    "head.lower_": {"of"},
    "head.head.lemma_": word_class("importance_nouns"),
    "head.head.dep_": {"dobj"},
    "head.head.head.pos_": VERB_POS,
}
# "accused ... of arming", "was convicted of murdering": the one the verb holds does the act
HELD_ONE_ACTS = {"head.lower_": GERUND_OBJECT_PREPS, "head.head.lemma_": OBJECT_GERUND_VERBS}
# "the officials accusing Petro", "a country that ...": a clause on a noun
CLAUSE_ON_NOUN = {"dep_": {"relcl", "acl"}, "head.pos_": {"NOUN", "PROPN"}}
# "Ugandan troops are in the country assisting the government": those who are there do it
PRESENT_DOING = {
    "dep_": {"acl"},
    "tag_": {"VBG"},
    "head.dep_": {"pobj"},
    "head.head.dep_": {"prep"},
    "head.head.head.lemma_": {"be"},
}
# "issued a statement demanding": the statement an issuing verb issued
ISSUED_STATEMENT = {"lemma_": STATEMENT_NOUNS, "dep_": {"dobj"}, "head.lemma_": ISSUE_VERBS}


EVIDENCE_VERBS = word_class("evidence_verbs")
EVIDENCE_NOUNS = word_class("evidence_nouns")


def shown_by_document(verb: Token) -> bool:
    """ "the documents show (that) ...", "a UN report reveals ...": a document's evidence verb
    whose clause tells what someone did."""
    return (
        verb.lemma_ in EVIDENCE_VERBS
        and bool(kids(verb, "ccomp"))
        and any(is_word(t, EVIDENCE_NOUNS) for t in kids(verb, "nsubj"))
    )


def reporter_speaks_again(verb: Token) -> bool:
    """A speech act the parse coordinated inside what someone said ("X said the draft amounted
    to interference and accused Britain") is the speaker's own; after another speech act ("said
    the United States condemned the raid and urged Ecuador ...") it shares that one's subject."""
    return (
        matches(verb, SPEECH_ACT_IN_SAID)
        and not kids(verb, "nsubj", "nsubjpass")
        and verb.head.lemma_ not in SPEECH_ACTS
    )


def finite_after_infinitive(verb: Token) -> bool:
    """A past-tense verb the parse coordinated with an infinitive ("urged Iran to stop and
    called on Russia") belongs with the verb above the infinitive."""
    return matches(verb, FINITE_AFTER_INFINITIVE)


def is_purpose(clause: Token) -> bool:
    """A purpose clause: "sent troops to help", "began a hunger strike to demand"."""
    return clause.dep_ == "advcl" and kid(clause, "aux", words=("to",)) is not None


def is_condition(clause: Token, marks: tuple[str, ...] = ("unless", "if")) -> bool:
    """A conditional clause: "unless Israel rescinded", "if he is attacked"."""
    return clause.dep_ == "advcl" and any(m.lower_ in marks for m in children(clause))


def sentences_back(token: Token, back: int) -> int:
    """Where the text ``back`` sentences before ``token``'s own begins (0: its own sentence)."""
    start = token.sent.start
    for _ in range(back):
        start = token.doc[max(start - 1, 0)].sent.start
    return start


def _after_comma(token: Token) -> bool:
    left = token.left_edge.i
    # the comma first: ``token.sent`` reads the whole document's sentence marks
    return token.doc[left - 1].text == "," and left > token.sent.start


def clause_subjects(verb: Token) -> list[Token]:
    """Subject tokens of a verb, climbing through coordination, control and relative clauses."""
    seen = 0
    tok = verb
    while seen < 4:
        seen += 1
        subj = kids(tok, "nsubj", "csubj")
        if subj:
            return _own_subjects(tok, subj)
        answer, up = _subject_step(tok)
        if answer is not None:
            return answer
        if up is None:
            break
        tok = up
    return []


def _own_subjects(tok: Token, subj: list[Token]) -> list[Token]:
    """The subjects a clause names itself (its nsubj/csubj children)."""
    # "UNITED NATIONS — Russia vetoed": a dateline parsed as a subject is no subject, nor
    # an apposition ("Members of X, a body linked to Y, investigated"); then the nearest
    kept = [c for c in subj if not is_dateline(c) and not _after_comma(c)] or subj
    s = max((c for c in kept if c.i < tok.i), key=lambda c: c.i, default=kept[0])
    if is_dateline(s):
        # "ARGYLE, St. Vincent — Maduro and Ali agreed": the parse hung the subject on the
        # dateline
        after = [
            c
            for c in kids(s, "appos", "conj", pos=("PROPN",))
            if c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text in ("—", "–", "--")
        ]
        if after:
            return after[:1]
    if s.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        head = tok.head
        # "Petro, Colombia's first leftist president, who visited": the person; "Edgard
        # Leblanc Fils, the president of Haiti's council, who thanked Kenya": him too
        up = climb(head, ("pobj", "prep"), steps=4) if s.lower_ == "who" else head
        if up.dep_ == "appos":
            return [up.head]
        return [head]
    # "He, his newspaper and the U.S. government all rejected": a list the parse cut in two;
    # "Lavrov and U.S. Secretary of State Antony Blinken discussed": two subjects, the first
    # with the "and"
    listed = [c for c in subj if c.i != s.i and _after_comma(c) and kids(c, "conj")]
    joined = [c for c in subj if c.i < s.i and kids(c, "cc") and not kids(c, "conj")]
    return [*joined, s, *listed]


def _subject_step(tok: Token) -> tuple[list[Token] | None, Token | None]:
    """For a clause with no subject of its own: (the subjects, None) answers, (None, the token
    to climb to) goes on, (None, None) gives up."""
    if matches(tok, CLAUSE_ON_NOUN):
        return _modified_noun(tok), None
    if tok.dep_ == "xcomp":
        # object control: "urged Iran to stop" -> Iran; subject control otherwise
        objs = kids(tok.head, "dobj")
        if objs and tok.head.lemma_ in DIRECTIVE_VERBS:
            return objs, None
        return None, tok.head
    if matches(tok, GERUND_OF_IMPORTANCE):
        return None, tok.head.head.head
    if matches(tok, GERUND_UNDER_PREP):
        verb_above = tok.head.head
        if matches(tok, HELD_ONE_ACTS):
            # "accused the Emirates of arming", "was convicted of murdering": the accused acts
            held = kids(verb_above, "dobj", "nsubjpass")
            return held[:1], None
        return None, verb_above  # "Bangkok responded by sending jets": Bangkok sent them
    if finite_after_infinitive(tok) or reporter_speaks_again(tok):
        # "urged Iran to stop and called on Russia": the urger called; "Peskov said Russia had
        # nothing to do with it and accused Washington": Peskov accused
        return None, tok.head.head
    if matches(tok, CAPTION_VERB):
        return None, tok.head  # "Clinton, left, meets with ...": the one pictured meets
    if tok.head.pos_ not in ("VERB", "AUX"):
        return None, None
    if tok.dep_ in ("acomp", "oprd", "conj", "advcl", "pcomp"):
        # "Arnor is about to restore", "Norway is willing to send": the verb above acts
        return None, tok.head
    return ([] if tok.dep_ == "ccomp" else None), None


def _modified_noun(tok: Token) -> list[Token]:
    """ "the officials accusing Petro": the modified noun acts; so does the noun of a past-tense
    verb the parse hung on it ("Its chief, Luis Almagro, called on Ecuador")."""
    if tok.dep_ == "relcl" or tok.tag_ in ("VBG", "VBD"):
        noun = tok.head
        if matches(tok, PRESENT_DOING):
            return clause_subjects(noun.head.head)  # "troops are in the country assisting"
        if matches(noun, ISSUED_STATEMENT):
            return clause_subjects(noun.head)  # "issued a statement demanding": its issuer
        return [noun]
    if tok.tag_ == "VB" and tok.head.lemma_ in OWNED_ACT_NOUNS:
        return _act_owner(tok.head)
    return []


OWNED_ACT_NOUNS = word_class("owned_act_nouns")
OWNED_ACT_VERBS = word_class("owned_act_verbs")


def _act_owner(noun: Token) -> list[Token]:
    """Who does the act a noun's infinitive names: "Russia's decision to expel" -> Russia;
    "Russia announced the decision to expel", "informed Tracy of the decision to declare" ->
    the subject of the verb that announces or makes it (not of "welcomed the decision to")."""
    owners = kids(noun, "poss")
    if owners:
        return owners
    # "informed Tracy on September 14 of the decision": the parse may hang "of" on the date
    up = ("pobj", "prep", "npadvmod", "dobj")
    verb = climb(noun, up, steps=4) if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "pobj") and verb.lemma_ in OWNED_ACT_VERBS:
        return clause_subjects(verb)
    return []


STATIVE_PASSIVES = frozenset(tuple(p.split()) for p in word_class("stative_passives"))


def doers(verb: Token) -> list[Token]:
    """The subjects of a verb (``clause_subjects``), and the subject of a stative passive,
    which is the doer too ("Serb forces were engaged in ethnic cleansing")."""
    stative = any((verb.lemma_, c.lower_) in STATIVE_PASSIVES for c in kids(verb, "prep"))
    return clause_subjects(verb) or (kids(verb, "nsubjpass") if stative else [])
