"""Mediators: whoever mediates, brokers, convenes or facilitates talks negotiates with each side.

"The United States had facilitated the negotiations between Egypt, Ethiopia and Sudan",
"two days of U.S.-mediated talks", "The talks were convened by Saudi Arabia and the United
States", "Omani mediators have shuttled between the two sides", "Russia, which brokered the
2020 ceasefire", "Egypt and Qatar have acted as mediators between Israel and Hamas": the
mediator is ``negotiatedWith`` every party to the talks. The parties are
the ones the talks are "between", else the ones who hold them ("Iran and the United States
held talks mediated by Oman"), else the two sides of the talks told just before.

Examples:
    >>> from graphkit.pipeline import extract_text
    >>> text = "Qatar mediated talks between Israel and Hamas."
    >>> sorted((r.subject.name, r.object.name) for r in extract_text(text).relations
    ...        if r.predicate == "negotiatedWith" and r.subject.name == "Qatar")
    [('Qatar', 'Hamas'), ('Qatar', 'Israel')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from graphkit.extract.args import MEDIATE_VERBS, actors_of
from graphkit.extract.found import INHERITED_CONFIDENCE, NOMINAL_CONFIDENCE, Found, emit
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import clause_subjects, prep_objects, sentences_back
from graphkit.extract.tokens import is_word, kid, kids, select
from graphkit.lexicon import Cue, word_class
from graphkit.resolve import Actor, How, country_entity
from graphkit.vocab import relations_where

TALK_NOUNS = word_class("talk_nouns")
TALK_VERBS = word_class("talk_verbs")
TALK_RELATIONS = relations_where(lambda r: r.talks)
# "Egypt and Qatar have acted as mediators between Israel and Hamas"
MEDIATOR_NOUNS = word_class("mediator_nouns")
ROLE_VERBS = word_class("role_verbs")
BETWEEN = ("between",)
# what a list of parties may hold past its "and" before it ends ("between Egypt and the Sudanese
# army")
LIST_POS = ("DET", "ADJ", "NUM", "CCONJ", "PROPN", "NOUN", "PUNCT", "PRON")
FUSED = re.compile(r"^(.+?)-(?:mediated|brokered|facilitated|sponsored|convened)$", re.IGNORECASE)


def mediation_events(verb: Token, index: ArticleIndex) -> Iterator[Found]:
    """Mediator -> each party, for one mediation verb (active, passive or "X-mediated")."""
    text = verb.text
    fused = FUSED.match(text) if "-" in text else None
    if fused is not None:
        # "U.S.-mediated talks": one token for the mediator and the verb
        named = index.lex.metonym(fused.group(1)) or index.lex.country(fused.group(1))
        talks = _talks(verb.head) if verb.dep_ in ("amod", "compound") else None
        if named is None or talks is None:
            return
        mediators = [(verb, Actor(country_entity(index.lex, named.iso3), How.DEMONYM))]
    elif verb.pos_ == "VERB" and is_word(verb, MEDIATE_VERBS):
        mediators, talks = _mediators(verb, index)
    elif verb.pos_ == "NOUN" and is_word(verb, MEDIATOR_NOUNS):
        yield from _mediator_noun(verb, index)
        return
    else:
        return
    if not mediators:
        return
    parties = between_parties(verb, index)
    if not parties and talks is not None:
        parties = _parties(talks, index)
    parties = _sides(mediators, parties, index)
    if not parties:
        return  # co-mediators do not negotiate with each other
    if verb.lemma_ == "mediate" and kid(verb, "prep", words=BETWEEN):
        return  # "mediated between A and B" is the lexicon's own cue
    yield from emit(
        mediators, parties, "negotiatedWith", verb, INHERITED_CONFIDENCE, f"mediation:{verb.lemma_}"
    )


def _mediator_noun(noun: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Egypt and Qatar have acted as mediators between Israel and Hamas", "Qatar, a key
    mediator between Israel and Hamas", "Egypt has been a mediator between ...", "Egyptian
    mediators between ...": the mediators negotiate with each party."""
    head = noun.head
    cue = noun
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in ROLE_VERBS:
        cue = head.head  # "acted as mediators"
        mediators = [a for t in clause_subjects(cue) for a in actors_of(t, index)]
    elif noun.dep_ == "attr" and head.pos_ in ("VERB", "AUX"):
        cue = head  # "has been a mediator"
        mediators = [a for t in clause_subjects(cue) for a in actors_of(t, index)]
    elif noun.dep_ == "appos":
        mediators = actors_of(head, index)  # "Qatar, a key mediator between ..."
    else:  # "Egyptian mediators", "Qatar's mediators"
        modifiers = kids(noun, "amod", "compound", "poss", side="before")
        mediators = [a for c in modifiers for a in actors_of(c, index)]
    parties = _sides(mediators, between_parties(noun, index), index)
    if mediators and len(parties) >= 2:
        yield from emit(
            mediators,
            parties,
            "negotiatedWith",
            cue,
            INHERITED_CONFIDENCE,
            f"mediation:{noun.lemma_.lower()}",
        )


def _sides(
    mediators: list[tuple[Token, Actor]], parties: list[tuple[Token, Actor]], index: ArticleIndex
) -> list[tuple[Token, Actor]]:
    """The parties a mediator stands between: never the mediator, its country or its people;
    a country mediates between countries ("talks mediated by China" between Iran's and Saudi
    Arabia's foreign ministers)."""
    own = {key for _, m in mediators for key in _with_home(m.entity.key, index)}
    states = all(m.entity.type == "Country" for _, m in mediators)
    out: list[tuple[Token, Actor]] = []
    for tok, party in parties:
        home = index.affiliation.get(party.entity.key)
        if states and party.entity.type == "Person" and home is not None:
            party = Actor(home, How.NOMINAL)
        if not own & _with_home(party.entity.key, index):
            _add_new(out, [(tok, party)])
    return out


def _with_home(key: str, index: ArticleIndex) -> set[str]:
    """An entity's key and that of the country or body the article says it serves."""
    home = index.affiliation.get(key)
    return {key} if home is None else {key, home.key}


def _add_new(out: list[tuple[Token, Actor]], found: Iterable[tuple[Token, Actor]]) -> bool:
    """Add to ``out`` each actor of ``found`` not already in it; whether one was."""
    size = len(out)
    for tok, actor in found:
        if all(actor.entity.key != a.entity.key for _, a in out):
            out.append((tok, actor))
    return len(out) > size


def _mediators(verb: Token, index: ArticleIndex) -> tuple[list[tuple[Token, Actor]], Token | None]:
    """Who mediates, and the talks noun when there is one."""
    doc = verb.doc
    if verb.dep_ in ("amod", "compound") and verb.i >= 2 and doc[verb.i - 1].text == "-":
        # "U.S.-mediated talks", "Qatari-brokered truce"
        named = index.actor_at(doc[verb.i - 2])
        return ([(doc[verb.i - 2], named)] if named is not None else []), _talks(verb.head)
    agents = [p for c in kids(verb, "agent") for p in kids(c, "pobj")]
    if agents or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")):
        mediators = [a for p in agents for a in actors_of(p, index)]
        if verb.dep_ in ("acl", "amod"):
            return mediators, _talks(verb.head)
        return mediators, _talks(kid(verb, "nsubjpass"))
    mediators = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    return mediators, _talks(kid(verb, "dobj"))


def _talks(noun: Token | None) -> Token | None:
    """The talks noun ("the talks", "a fresh round of talks", "the 2020 ceasefire"), or None."""
    if noun is None:
        return None
    if noun.lemma_.lower() in ("round", "rounds"):
        return next(prep_objects(noun, ("of",)), noun)
    return noun if noun.lemma_.lower() in TALK_NOUNS else None


def between_parties(head: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """Every actor of the list after "between", read off the words when the parse attaches
    part of it elsewhere ("between Egypt, Ethiopia and Sudan"); the list ends with the item
    after its "and". The country of a titled person ("Colombian President Gustavo Petro") is
    no party of its own."""
    doc = head.doc
    after = doc[head.i + 1 : head.i + 2]
    preps = kids(head, "prep", words=BETWEEN) or [t for t in after if t.lower_ == "between"]
    out: list[tuple[Token, Actor]] = []
    for prep in preps:
        j, end, closing = prep.i + 1, min(prep.sent.end, prep.i + 16), False
        while j < end:
            tok = doc[j]
            if (
                tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound")
            ) or tok.text in (";", "(", "—", ":"):
                break
            if tok.lower_ in ("and", "or"):
                closing = True
            if select([tok], pos=("PRON",), words=("them", "they")):
                # "shuttled between them": the pair the pronoun stands for
                _add_new(out, actors_of(tok, index))
                break
            actor = index.actor_at(tok)
            if actor is None:
                if closing and out and tok.pos_ not in LIST_POS:
                    break
                j += 1
                continue
            nxt = next((k for k in range(j + 1, end) if index.by_token.get(k) is not actor), end)
            titled = actor.entity.type != "Person" and any(
                (found := index.actor_at(doc[k])) is not None and found.entity.type == "Person"
                for k in range(nxt, min(end, nxt + 3))
            )
            # a new party ends the list once past its "and"
            new = not titled and actor.entity.type != "Place" and _add_new(out, [(tok, actor)])
            if new and closing:
                break
            j = nxt
    if len(out) < 2:
        out = [a for p in prep_objects(head, BETWEEN) for a in actors_of(p, index)]
    return out


def _parties(talks: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """Who holds the talks: "between" them, the subjects of the verb they hang on, or the two
    sides of the talks told in the sentences just before."""
    parties = between_parties(talks, index)
    if parties:
        return parties
    # the verb the talks hang on, up to five steps up: "held two days of talks", "met ... in talks"
    heads = [*talks.ancestors][:5] or [talks]
    governor = next((t for t in heads if t.pos_ in ("VERB", "AUX")), heads[-1])
    if (
        talks.dep_ in ("dobj", "pobj")
        and governor.pos_ in ("VERB", "AUX")
        and governor.lemma_ not in MEDIATE_VERBS
    ):
        # "A and B held talks mediated by C", "A met B ..., in talks mediated by C"
        held = [a for t in clause_subjects(governor) for a in actors_of(t, index)]
        held += [a for p in prep_objects(talks, ("with",)) for a in actors_of(p, index)]
        if governor.lemma_ in TALK_VERBS:
            others = [c for c in kids(governor, "dobj") if c.i != talks.i]
            held += [a for c in others for a in actors_of(c, index)]
            held += [a for p in prep_objects(governor, ("with",)) for a in actors_of(p, index)]
        if len(held) >= 2:
            return held
    # the talks told of in this sentence; "the talks" may point further back
    definite = kid(talks, "det", words=("the",))
    start = sentences_back(talks, 3) if definite else talks.sent.start
    earlier = [t for t in index.told if start <= t.pos < talks.i and t.relation in TALK_RELATIONS]
    if earlier:
        last = earlier[-1]
        return [(talks, last.subject), (talks, last.object)]
    return []


# the parties two actors joined by a hyphen may be
PARTY_TYPES = ("Country", "Organization", "Person")


def hyphen_pair(noun: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """ "the Ukraine-Russia talks", "the US-China trade deal": two actors joined by a hyphen in
    front of the noun are its two sides (the parse hangs the first on the second).

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.resolve import resolve_doc
        >>> doc = load_nlp()("Officials reviewed the US-China talks held in Geneva.")
        >>> index = ArticleIndex.over(resolve_doc(doc))
        >>> [a.entity.name for _, a in hyphen_pair(doc[6], index)]
        ['United States', 'China']
    """
    doc = noun.doc
    for second in kids(noun, "compound", "amod", "nmod"):
        k = second.i
        if k < 2 or doc[k - 1].text not in ("-", "–") or doc[k - 2].head.i != k:
            continue
        pair = [(doc[k - 2], index.actor_at(doc[k - 2])), (second, index.actor_at(second))]
        found = [(t, a) for t, a in pair if a is not None and a.entity.type in PARTY_TYPES]
        if len(found) == 2 and found[0][1].entity.key != found[1][1].entity.key:
            return found
    return []


def pairs_between(noun: Token, cue: Cue, index: ArticleIndex) -> list[Found] | None:
    """ "the negotiations between Egypt, Ethiopia and Sudan": every pair of them."""
    parties = between_parties(noun, index)
    if len(parties) < 2:
        parties = [a for p in prep_objects(noun, ("between",)) for a in actors_of(p, index)]
    if len(parties) < 2:
        parties = hyphen_pair(noun, index)
    if len(parties) < 2:
        return None
    method = f"noun:{cue.lemma}"
    return [
        found
        for k in range(len(parties) - 1)
        for found in emit(
            parties[k : k + 1], parties[k + 1 :], cue.relation, noun, NOMINAL_CONFIDENCE, method
        )
    ]
