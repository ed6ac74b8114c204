"""What a noun cue's relation is in its phrase, before any actor is sought: a deal only worked
toward is a negotiation ("working on a trade agreement"), and so are talks over a matter
("peace talks", "talks on the border dispute", "a fourth round of talks", "talks aimed at a
truce"), which are also a meeting unless held at a distance ("indirect talks"), where "held
talks with Yoon" is a meeting only.

What each relation becomes is a column of ``ontology/relations.csv`` (``pursued``,
``bargained``); the words are word classes (``pursuit_verbs``, ``pursuit_preps``,
``bargaining_nouns``, ``bargained_matters``, ``matter_preps``, ``occasion_nouns``,
``bargaining_rounds``, ``bargaining_aims``, ``distant_talks``). A count of events ("a fresh
round of sanctions", ``count_nouns``) stands where its events would (:func:`counted`).

Examples:
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["They", "held", "peace", "talks"],
    ...           heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "compound", "dobj"],
    ...           pos=["PRON", "VERB", "NOUN", "NOUN"], lemmas=["they", "hold", "peace", "talk"])
    >>> [c.relation for c in recast(doc[3], Cue("metWith", "talk", "noun", ("with",)))]
    ['negotiatedWith', 'metWith']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Token

from graphkit.extract.objects import of_carrier
from graphkit.extract.tokens import is_word, kids
from graphkit.lexicon import Cue, word_class
from graphkit.vocab import relation

PURSUIT_VERBS = word_class("pursuit_verbs")
PURSUIT_PREPS = word_class("pursuit_preps")
BARGAINING_NOUNS = word_class("bargaining_nouns")
BARGAINED_MATTERS = word_class("bargained_matters")
MATTER_PREPS = word_class("matter_preps")
BARGAINING_ROUNDS = word_class("bargaining_rounds")
BARGAINING_AIMS = word_class("bargaining_aims")
OCCASION_NOUNS = word_class("occasion_nouns")
DISTANT_TALKS = word_class("distant_talks")
TIME_LABELS = ("DATE", "TIME")
COUNT_NOUNS = word_class("count_nouns")


def first_conjunct(noun: Token) -> Token:
    """The first of the conjuncts a noun is one of ("sanctions and tariffs" -> "sanctions")."""
    tok = noun
    while tok.dep_ == "conj":
        tok = tok.head
    return tok


def counted(noun: Token) -> Token:
    """The count a noun is counted by ("round" in "a fresh round of sanctions", "list" in "his
    list of meetings"), which stands where the noun would, else the noun itself."""
    carrier = of_carrier(noun)
    return carrier if carrier is not None and is_word(carrier, COUNT_NOUNS) else noun


def pursued(noun: Token) -> bool:
    """ "working on a trade agreement", "moving toward a deal": worked for, not yet reached."""
    head = first_conjunct(noun)
    return (
        head.dep_ == "pobj"
        and head.head.lower_ in PURSUIT_PREPS
        and head.head.head.lemma_ in PURSUIT_VERBS
    )


def _on_a_matter(noun: Token) -> bool:
    """ "talks on the border dispute", "talks over the dam": a preposition of the matter whose
    object is no time or occasion ("talks on Monday", "on the sidelines of the summit")."""
    return any(
        p.lower_ in MATTER_PREPS
        and any(
            o.ent_type_ not in TIME_LABELS and not is_word(o, OCCASION_NOUNS)
            for o in kids(p, "pobj", "pcomp")
        )
        for p in kids(noun, "prep")
    )


def bargained(noun: Token) -> bool:
    """Talks over a matter: "peace talks", "indirect talks", "talks on trade", "a round of
    talks", "talks aimed at a truce".

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> nlp = load_nlp()
        >>> doc = nlp("Iran and the United States held a fourth round of indirect talks.")
        >>> bargained([t for t in doc if t.lower_ == "talks"][0])
        True
        >>> doc = nlp("Kishida held talks with Yoon in Seoul on Monday.")
        >>> bargained([t for t in doc if t.lower_ == "talks"][0])
        False
    """
    if not is_word(noun, BARGAINING_NOUNS):
        return False
    head = first_conjunct(noun)
    in_a_round = head.dep_ == "pobj" and head.head.lower_ == "of"
    return (
        any(is_word(m, BARGAINED_MATTERS) for m in kids(noun, "compound", "amod"))
        or _on_a_matter(noun)
        or (in_a_round and is_word(head.head.head, BARGAINING_ROUNDS))
        or any(is_word(a, BARGAINING_AIMS) for a in kids(noun, "acl"))
    )


def recast(noun: Token, cue: Cue) -> tuple[Cue, ...]:
    """The readings its phrase gives a noun cue: ``pursued`` for a deal worked toward;
    ``bargained`` for talks over a matter, which are also the meeting they were unless held at
    a distance ("indirect talks"); the cue itself otherwise. Both are columns of
    ``ontology/relations.csv``."""
    info = relation(cue.relation)
    if info.pursued and pursued(noun):
        return (replace(cue, relation=info.pursued),)
    if info.bargained and bargained(noun):
        apart = any(is_word(m, DISTANT_TALKS) for m in kids(noun, "compound", "amod"))
        talks = replace(cue, relation=info.bargained)
        return (talks,) if apart else (talks, cue)
    return (cue,)


TOPIC_PREPS = word_class("topic_preps")
TRIP_NOUNS = word_class("trip_nouns")
# "poses a threat to": a danger said of someone, not a threat they make
POSED_NOUNS = word_class("posed_nouns")
POSING_VERBS = word_class("posing_verbs")


def tells_no_event(noun: Token, noun_cues: Mapping[str, object]) -> bool:
    """Whether a noun cue tells no event in its phrase: a trip talked about ("spoke with Wong
    regarding their trips to the Middle East"), an event noun that is what another one is about
    ("ceasefire talks", "sanctions relief"), a danger someone is said to pose ("Dodik poses a
    significant threat to Bosnia": a judgement of them, not an act of theirs)."""
    first = first_conjunct(noun)
    if noun.lemma_ in TRIP_NOUNS and first.dep_ == "pobj" and first.head.lower_ in TOPIC_PREPS:
        return True
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and noun.lemma_ in POSED_NOUNS:
        return head.lemma_ in POSING_VERBS
    return (
        noun.dep_ == "compound"
        and head.pos_ == "NOUN"
        and (head.lemma_.lower() in noun_cues or head.lower_ in noun_cues)
    )
