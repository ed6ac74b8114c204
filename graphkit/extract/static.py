"""Static relations from titles, appositions and place names, one sentence at a time.

"Colombian President Gustavo Petro" (leaderOf), "Russian Foreign Minister Sergei Lavrov"
(officialOf), "Petro, Colombia's president", "NATO Secretary-General Jens Stoltenberg",
"Britain, a founding member of the alliance" (memberOf), "Salisbury, England" and "the Syrian
capital, Damascus" (locatedIn), "Úsuga headed the Clan del Golfo" (leaderOf). The offices live
in ``titles``, the places in ``places``, memberships in ``members``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphkit.extract.args import actor_of
from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.members import joined, membership
from graphkit.extract.places import located
from graphkit.extract.syntax import clause_subjects
from graphkit.extract.title_phrases import typed_actors
from graphkit.extract.titles import APPOSITION_CONFIDENCE, person_titles
from graphkit.extract.tokens import is_word, kids, select
from graphkit.lexicon import Lexicon, actor_nouns, word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How

LEAD_VERBS = word_class("lead_verbs")
# "the transitional authorities led by Captain Ibrahim Traoré": a country's own bodies
STATE_BODY_NOUNS = actor_nouns("state_body")
ORG_HEADS = word_class("org_heads")


def static_relations(
    sent: Span, index: ArticleIndex, lex: Lexicon, *, default_country: Actor | None
) -> Iterator[Found]:
    """leaderOf/officialOf/memberOf/locatedIn found in one sentence."""
    for span, actor in index.spans_between(sent.start, sent.end):
        if span.end > sent.end:
            continue
        ent = actor.entity
        if ent.type == "Person" and actor.how in (How.NAME, How.ALIAS):
            yield from person_titles(span, actor, index, lex, default_country)
        if ent.type in ("Country", "Place") or actor.place is not None:
            yield from located(span, actor, index)
        if ent.type == "Country" and actor.how == How.NAME:
            yield from membership(span, actor, index)
    yield from joined(sent, index)
    for tok in select(sent, pos=("VERB",), words=LEAD_VERBS):
        yield from _led_by(tok, index)
        yield from _leads(tok, index)


def _leader(person: Actor, org: Actor) -> bool:
    """A named person leading a named organization or country."""
    return person.entity.type == "Person" and org.entity.type in ("Organization", "Country")


def _led_by(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "the RSF, led by Mohamed Hamdan Dagalo"; "Burkina Faso's transitional authorities, led
    by Captain Ibrahim Traoré" (a country's own body: its leader leads the country)."""
    if not (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return
    org = index.actor_at(tok.head)
    if org is None and is_word(tok.head, STATE_BODY_NOUNS):
        org = actor_of(tok.head, index)
    if org is None and tok.head.lemma_ in ORG_HEADS:
        # "the Hezbollah movement, led by", "the rebel group M23, led by": the group named
        named = typed_actors(index, kids(tok.head, "compound", "appos", "nmod"), "Organization")
        org = named[0] if named else None
    agents = [p for c in kids(tok, "agent") for p in kids(c, "pobj")]
    person = index.actor_at(agents[0]) if agents else None
    if person is not None and org is not None and _leader(person, org):
        yield Found(
            person,
            "leaderOf",
            org,
            tok,
            (tok.head.i, agents[0].i + 1),
            APPOSITION_CONFIDENCE * person.weight,
            ASSERTED,
            "verb:led-by",
        )


def _leads(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "X heads the council", "Bola Tinubu, who chairs the bloc"."""
    subj = clause_subjects(tok) if tok.dep_ == "relcl" else kids(tok, "nsubj")
    obj = kids(tok, "dobj")
    if not (subj and obj):
        return
    s = index.actor_at(subj[0])
    o = index.actor_at(obj[0])  # a named organization: "the bloc" is too loose for an office
    if s is not None and o is not None and _leader(s, o):
        yield Found(
            s,
            "leaderOf",
            o,
            tok,
            (subj[0].i, obj[0].i + 1),
            APPOSITION_CONFIDENCE * s.weight,
            ASSERTED,
            "verb:lead",
        )
