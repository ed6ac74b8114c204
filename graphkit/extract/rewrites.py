"""What a verb cue becomes in a construction, and when it says nothing: "took the town"
attacks, "blocked roads" protests, "refused to rule out force" threatens, "opposes acts of
violence" criticizes; "sent negotiators" is no aid, a warning of nothing hostile no threat.

The constructions are data (``graphkit/lexicons/constructions.json``, read by
:func:`graphkit.constructions.load_constructions`); this module fits them to a verb.

Examples:
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Russia", "sent", "troops", "into", "Georgia"],
    ...           heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
    ...           pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
    ...           lemmas=["Russia", "send", "troop", "into", "Georgia"])
    >>> construe(doc[1], Cue("aided", "send", "verb", ("to",)))
    Cue(relation='attacked', lemma='send', pos='verb', slots=('into',), needs=())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from spacy.tokens import Token

from graphkit.constructions import Construction, Pattern, load_constructions
from graphkit.extract.clauses import labels_verb
from graphkit.extract.objects import needs_ok
from graphkit.extract.tokens import children, passes
from graphkit.lexicon import Cue, word_class

# People sent to talk, not to help: sending them is no aid.
ENVOY_NOUNS = word_class("envoy_nouns")


# the token tests a construction's pattern may name
def names_place(tok: Token) -> bool:
    """A place named ("Kupiansk", "Goma"), the model's place labels."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC")


def names_person(tok: Token) -> bool:
    """A person named ("Rafael Caro Quintero", "Ambassador Bridget Brink")."""
    return tok.ent_type_ == "PERSON"


TESTS: dict[str, Callable[[Token], bool]] = {
    "labels_verb": labels_verb,
    "names_place": names_place,
    "names_person": names_person,
}
Registry = Mapping[str, tuple[Construction, ...]]
REGISTRY: Registry = load_constructions(tests=frozenset(TESTS))


def fits(tok: Token, pattern: Pattern) -> bool:
    """Whether the token is what the pattern asks (see :class:`graphkit.constructions.Pattern`)."""
    return (
        passes(tok, pattern.deps, pos=pattern.pos, words=pattern.words)
        and (not pattern.lemmas or tok.lemma_ in pattern.lemmas)
        and tok.dep_ not in pattern.not_deps
        and all(TESTS[name](tok) for name in pattern.tests)
        and all(_any_fits(children(tok), p) for p in pattern.has)
        and not any(_any_fits(children(tok), p) for p in pattern.not_has)
        and all(tok.head.i != tok.i and fits(tok.head, p) for p in pattern.head)
        and all(_any_fits(tok.subtree, p) for p in pattern.in_subtree)
        and not any(_any_fits(tok.subtree, p) for p in pattern.not_in_subtree)
    )


def _any_fits(tokens: Iterable[Token], pattern: Pattern) -> bool:
    return any(fits(t, pattern) for t in tokens)


def _fits_one(verb: Token, construction: Construction) -> bool:
    return any(fits(verb, p) for p in construction.verbs)


def construe(verb: Token, cue: Cue, registry: Registry = REGISTRY) -> Cue | None:
    """The cue the constructions turn this one into, or None when one says the verb says
    nothing: of the constructions of the cue's relation the first whose verb fits one of its
    patterns (in the order ``supersedes`` states) rewrites it, and the rewritten cue meets those
    of its own relation (the loader sees to it that this ends)."""
    while won := next((c for c in registry.get(cue.relation, ()) if _fits_one(verb, c)), None):
        if won.becomes is None:
            return None
        cue = replace(cue, **dict(won.changes))
    return cue


def rewritten_cue(verb: Token, cue: Cue) -> Cue:
    """The cue the constructions turn this one into ("took the town" is an attack, "sent
    troops into Georgia" an invasion, "blocked roads" a protest, "refused to rule out force" a
    threat, "opposes China's acts of violence" criticism); the cue itself when one says the
    verb says nothing (:func:`not_this_cue` tells)."""
    return construe(verb, cue) or cue


def not_this_cue(verb: Token, cue: Cue) -> bool:
    """The verb does not say what the cue would: its needed words are missing, or a
    construction says so ("call" names something, people sent are no aid, a warning holds
    nothing hostile)."""
    return not needs_ok(verb, cue) or construe(verb, cue) is None
