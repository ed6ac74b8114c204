"""Judgements stated by a clause: "X said Y was responsible for the attack" (accused), "X said
it is regrettable that Y ..." (criticized), "X called the expulsions unacceptable" (criticized,
praised or rejected), "Rwanda denies backing the group" (rejected whoever accused it), "X was
deeply concerned about Y's suspension of the BBC" (criticized).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.found import INHERITED_CONFIDENCE, Found, emit
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import (
    clause_subjects,
    is_condition,
    prep_objects,
    sentences_back,
    shown_by_document,
)
from graphkit.extract.tokens import kid, kids, select
from graphkit.lexicon import word_class, word_tuple
from graphkit.resolve import Actor, How

BLAME_ADJECTIVES = word_class("blame_adjectives")
BLAME_BEARING = word_class("blame_bearing")
ACCUSING_SAY_VERBS = word_class("accusing_say_verbs")
WRONGDOING_VERBS = word_class("wrongdoing_verbs")
COVERT_WORDS = word_class("covert_words")
REGRET_ADJECTIVES = word_class("regret_adjectives")
UNREAL_AUX = word_class("modals") | word_class("future") | word_class("negations")
SAY_VERBS = word_class("say_verbs")
BLAME_SAY_VERBS = SAY_VERBS | ACCUSING_SAY_VERBS


DENY_VERBS = word_class("deny_verbs")
CHARGE_NOUNS = word_class("charge_nouns")
# "Sudan has denied this": the accusation just told
ANAPHORIC_DEEDS = word_class("anaphoric_deeds")
THAT = frozenset({"that"})
# prepositions that name who made a charge ("the allegations by Berlin")
ACCUSER_PREPS = word_class("accuser_preps")
RELATIVE_OBJECTS = frozenset({"which", "that", "what"})


def denial_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Kinshasa accuses Rwanda of backing the M23 ... Rwanda denies backing the group": a
    denial of a deed, or of the charges, answers whoever accused the denier just before."""
    if verb.lemma_ not in DENY_VERBS:
        return
    deed = [c for c in kids(verb, "xcomp", "ccomp") if c.tag_ == "VBG"]
    deed += kids(verb, "dobj", words=CHARGE_NOUNS)
    # "Sudan has denied this", "denied that it armed them": only an accusation of the denier
    # itself is answered (one may deny anything that way)
    own_only = not deed
    deed += [c for c in kids(verb, "ccomp") if kid(c, "mark", words=THAT) is not None]
    deed += kids(verb, "dobj", words=ANAPHORIC_DEEDS)
    if not deed:
        return
    subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    own = {a.entity.key for _, a in subjects}
    # a spokesman denies for his country
    homes = [index.affiliation.get(a.entity.key) for _, a in subjects]
    own |= {home.key for home in homes if home is not None}
    named = _named_accusers(kids(verb, "dobj", words=CHARGE_NOUNS), own, index)
    if named:  # "rejected the German accusations": the accuser the charges name
        yield from emit(subjects, named, "rejected", verb, INHERITED_CONFIDENCE, "deny:named")
        return
    start = sentences_back(verb, 3)
    told = [
        t
        for t in index.told
        if start <= t.pos < verb.i
        and t.relation in ("accused", "criticized")
        and t.subject.entity.key not in own
    ]
    # the one who accused the denier, else (the charges being against an ally) the last accuser
    accusers = [t.subject for t in told if t.object.entity.key in own]
    if not accusers and told and not own_only:
        counts = Counter(t.subject.entity.key for t in told)  # the main accuser of the charges
        accusers = [max(reversed([t.subject for t in told]), key=lambda a: counts[a.entity.key])]
    if not accusers:
        return
    yield from emit(
        subjects,
        [(verb, Actor(accusers[-1].entity, How.NOMINAL, accusers[-1].place))],
        "rejected",
        verb,
        INHERITED_CONFIDENCE,
        "deny:accuser",
    )


def _named_accusers(
    charges: list[Token], own: set[str], index: ArticleIndex
) -> list[tuple[Token, Actor]]:
    """ "the German accusations", "Kigali's allegations", "the charges by Washington": the
    accusers a charge noun itself names, the denier's own side left out."""
    found: list[tuple[Token, Actor]] = []
    for noun in charges:
        makers = kids(noun, "amod", "poss", "compound")
        makers += [o for p in kids(noun, "prep", words=ACCUSER_PREPS) for o in kids(p, "pobj")]
        for maker in makers:
            found += [(t, a) for t, a in actors_of(maker, index) if a.entity.key not in own]
    return found


def _wrong_done(clause: Token) -> bool:
    """ "the regime continues to destroy democratic order", "Kigali violated the accord": a
    clause that tells of a wrong done by its subject (not one it would or might do)."""
    if any(c.lower_ in UNREAL_AUX for c in kids(clause, "aux", "neg")):
        return False
    if any(c.lemma_ in WRONGDOING_VERBS for c in [clause, *kids(clause, "xcomp")]):
        return True
    # "Iran has a clandestine program", "Iran is secretly building a bomb": a hidden wrong
    told = [*kids(clause, "advmod"), *(m for o in kids(clause, "dobj") for m in kids(o, "amod"))]
    return any(c.lower_ in COVERT_WORDS for c in told)


def _regretted(clause: Token) -> list[Token]:
    """ "it is regrettable (that) Kinshasa continues to ...": the clauses a speaker judges."""
    if not any(c.lower_ in NEGATIVE_LABELS | REGRET_ADJECTIVES for c in kids(clause, "acomp")):
        return []
    return kids(clause, "ccomp")


def blame_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X said/believed Y was responsible for the attack" (or "bore responsibility for it"),
    "X alleged that Y armed the rebels", "X said Y continues to destroy democratic order" -> X
    accused Y; "X said it is regrettable that Y ..." -> X criticized Y."""
    if shown_by_document(verb):
        yield from _shown(verb, index)
        return
    if verb.lemma_ not in BLAME_SAY_VERBS:
        return
    subjects: list[tuple[Token, Actor]] | None = None  # looked up once a clause blames someone
    for child in kids(verb, "ccomp"):
        # "responsible for", "behind the attack", "bore responsibility for"
        blamed = any(c.lemma_ in BLAME_ADJECTIVES for c in kids(child, "acomp", "prep")) or any(
            f"{child.lemma_} {c.lemma_}" in BLAME_BEARING for c in kids(child, "dobj")
        )
        if blamed or verb.lemma_ in ACCUSING_SAY_VERBS:
            clauses, predicate, method = [child], "accused", "say:responsible"
        elif wrongs := _wrongs_told(child):
            clauses, predicate, method = wrongs, "accused", "say:wrongdoing"
        else:
            clauses, predicate, method = _regretted(child), "criticized", "say:regrettable"
        if not clauses:
            continue
        if subjects is None:
            subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
        own = {a.entity.key for _, a in subjects}
        objects = [
            a
            for clause in clauses
            for c in _doers(clause)
            for a in actors_of(c, index)
            if a[1].entity.key not in own
        ]
        yield from emit(subjects, objects, predicate, verb, INHERITED_CONFIDENCE, method)


def _doers(clause: Token) -> list[Token]:
    """Who does what a clause tells: its subject, or in a passive its "by" agent ("those
    efforts were frustrated by authoritarian powers in Bogota")."""
    if kids(clause, "nsubjpass"):
        return [p for a in kids(clause, "agent") for p in kids(a, "pobj")]
    return kids(clause, "nsubj")


def _wrongs_told(clause: Token) -> list[Token]:
    """The clause, and the clauses it hangs on, that tell a wrong done: "as the regime continues
    to destroy ..., our message remains clear"."""
    return [
        c
        for c in [clause, *select(clause.subtree, ("advcl",))]
        if _wrong_done(c) and not is_condition(c)
    ]


def _shown(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Naranjo said the documents show Chavez sent $300 million to the rebels" -> Naranjo
    accused Chavez: the document's author accuses whoever its clause names, else whoever cites
    the document; a document nobody wrote or cites accuses no one."""
    accusers = [a for t in kids(verb, "nsubj") for a in actors_of(t, index)]
    if not accusers and verb.dep_ == "ccomp" and verb.head.lemma_ in SAY_VERBS:
        accusers = [a for t in clause_subjects(verb.head) for a in actors_of(t, index)]
    own = {a.entity.key for _, a in accusers}
    accused = [
        a
        for clause in kids(verb, "ccomp")
        for c in kids(clause, "nsubj", "nsubjpass")
        for a in actors_of(c, index)
        if a[1].entity.key not in own
    ]
    yield from emit(accusers, accused, "accused", verb, INHERITED_CONFIDENCE, "document:shows")


NEGATIVE_LABELS = word_class("negative_labels")
# "called the veto a disgrace": nouns that condemn what they name
NEGATIVE_LABEL_NOUNS = word_class("negative_label_nouns")
LABEL_VERBS = word_class("label_verbs")
POSITIVE_LABELS = word_class("positive_labels")
# what one rejects by labelling it: "called the demand a nonstarter"
CLAIM_NOUNS = word_class("claim_nouns")


def _label_tokens(verb: Token) -> list[Token]:
    """What a labelling verb calls its object: "called the raid 'an authoritarian act'", "called
    the expulsions unfriendly", "described them as absurd", "called Witkoff's demand 'a
    nonstarter'" (a quoted label the parse hung elsewhere)."""
    out = [
        t
        for c in kids(verb, "oprd", "acomp", "xcomp", "ccomp")
        if c.pos_ != "PROPN"
        for t in c.subtree
    ]
    out += [t for p in prep_objects(verb, ("as",)) for t in p.subtree]
    doc = verb.doc
    for obj in kids(verb, "dobj"):
        out += [t for c in kids(obj, "appos") if c.pos_ != "PROPN" for t in c.subtree]
        opening = doc[obj.i + 1 : obj.i + 2]  # a quote right after the object, 11 tokens at most
        if opening.text in ("“", '"', "‘"):
            quoted = doc[opening.end : opening.end + 11]
            close = next((t.i for t in quoted if t.text in ("”", '"', "’")), quoted.end)
            out += doc[opening.end : close]
    return out


def label_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X called the expulsions unacceptable" -> X criticized whoever did them; "called the
    talks constructive" praises; "called Witkoff's demand 'a nonstarter'" rejects the demand's
    maker."""
    if verb.lemma_ not in LABEL_VERBS:
        return
    label = _label_tokens(verb)
    words = {t.lower_ for t in label} | {t.lemma_.lower() for t in label}
    negative = bool(words & (NEGATIVE_LABELS | NEGATIVE_LABEL_NOUNS)) or _negative_adjective(verb)
    positive = bool(words & POSITIVE_LABELS) and not negative
    if not (negative or positive):
        return
    subjects = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    dobjs = kids(verb, "dobj")
    objects = [a for c in dobjs for a in actors_of(c, index, events=True)]
    relation = "praised" if positive else "criticized"
    if negative and any(c.lemma_ in CLAIM_NOUNS for c in dobjs):
        # "dismissed the accusations as groundless", "called the demand a nonstarter"
        relation = "rejected"
    yield from emit(subjects, objects, relation, verb, INHERITED_CONFIDENCE, "verb:label")


def labels_verb(verb: Token) -> bool:
    """A verb that labels its object ("called the move reckless") rather than phoning it."""
    naming = verb.dep_ == "relcl" and kid(verb, "dobj", words=RELATIVE_OBJECTS) is not None
    return (
        naming
        or (verb.lemma_ in LABEL_VERBS and bool(_label_tokens(verb)))
        or _negative_adjective(verb)
    )  # "the shoal, which it calls Ren'ai Jiao": a name, not a call


def _negative_adjective(verb: Token) -> bool:
    """Whether an adjective under the verb condemns: "called the move reckless"."""
    return any(c.lower_ in NEGATIVE_LABELS for c in select(verb.subtree, pos=("ADJ",)))


CONCERN_ADJECTIVES = word_class("concern_adjectives")
CONCERN_PREPS = word_tuple("concern_preps")


def concern_events(word: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "The United States was deeply concerned about Burkina Faso's suspension of the BBC",
    "is disappointed that Russia rejected the proposal", "Germany was alarmed by China's drills"
    -> the one concerned criticizes whoever did what concerns it."""
    if word.lower_ not in CONCERN_ADJECTIVES or kids(word, "neg"):
        return
    if word.dep_ == "acomp" and kids(word.head, "neg"):
        return  # "is not concerned"
    if word.dep_ == "acomp":
        subjects = [a for t in clause_subjects(word.head) for a in actors_of(t, index)]
    elif word.tag_ == "VBN":
        subjects = [a for t in kids(word, "nsubjpass") for a in actors_of(t, index)]
    else:
        return
    own = {a.entity.key for _, a in subjects}
    about = list(prep_objects(word, CONCERN_PREPS))
    about += [s for c in kids(word, "ccomp") for s in kids(c, "nsubj")]
    objects = [
        a for t in about for a in actors_of(t, index, events=True) if a[1].entity.key not in own
    ]
    yield from emit(subjects, objects, "criticized", word, INHERITED_CONFIDENCE, "concern")
