"""Judgements made by a word: "Maduro's dictatorial regime", "the illegitimate Constituent
Assembly", "the authoritarian nature of the Maduro regime". Whoever speaks those words (the
sayer of the clause or quotation, or the government issuing a statement) criticizes the actor
the described body stands for; in a reporter's own words they judge no one.

The words are word classes: ``epithet_heads`` (what is described: regime, government,
assembly) and ``pejorative_adjectives`` (dictatorial, illegitimate, corrupt).

Examples:
    >>> from graphkit.pipeline import extract_text
    >>> text = '"We will not stand aside," Mnuchin said of Maduro\\'s dictatorial regime.'
    >>> [(r.subject.name, r.predicate, r.object.name) for r in extract_text(text).relations]
    [('Mnuchin', 'criticized', 'Maduro')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.found import INHERITED_CONFIDENCE, Found, emit
from graphkit.extract.known import ArticleIndex
from graphkit.extract.speakers import voice_of
from graphkit.extract.tokens import is_word, kids
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED

EPITHET_HEADS = word_class("epithet_heads")
PEJORATIVE_ADJECTIVES = word_class("pejorative_adjectives")
NATURE_NOUNS = word_class("nature_nouns")
EPITHET_WORDS = EPITHET_HEADS | NATURE_NOUNS
"""The nouns an epithet can describe, itself or through its "of" phrase: a cheap first test."""


def _described(noun: Token) -> Token | None:
    """The body a pejorative word describes: the noun itself ("the illegitimate Constituent
    Assembly") or the one its "nature" is of ("the authoritarian nature of the Maduro
    regime")."""
    head = is_word(noun, EPITHET_HEADS)
    if not (head or is_word(noun, NATURE_NOUNS)):
        return None
    if not any(is_word(a, PEJORATIVE_ADJECTIVES) for a in kids(noun, "amod")):
        return None
    if head:
        return noun
    bodies = [o for p in kids(noun, "prep", words=("of",)) for o in kids(p, "pobj")]
    return next((b for b in bodies if is_word(b, EPITHET_HEADS)), None)


def epithet_events(noun: Token, index: ArticleIndex) -> Iterator[Found]:
    """The speaker criticizes whom a pejoratively described body stands for."""
    body = _described(noun)
    if body is None:
        return
    judged = actors_of(body, index)
    if not judged:
        return
    judges = [(noun, a) for a in voice_of(noun, index)]
    own = {a.entity.key for _, a in judges}
    judged = [j for j in judged if j[1].entity.key not in own]
    # the word judges whatever the clause around it says ("unless they break from Maduro's
    # dictatorial regime" is a condition; calling the regime dictatorial is not)
    for found in emit(judges, judged, "criticized", noun, INHERITED_CONFIDENCE, "epithet"):
        yield replace(found, modality=ASSERTED)
