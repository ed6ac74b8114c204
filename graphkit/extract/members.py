"""Membership: "Britain, a founding member of NATO", "Hungary, which joined NATO in 1999",
"Burkina Faso, Mali and Niger formed the Alliance of Sahel States", "member states, including
Spain and Hungary".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphkit.extract.args import actors_of
from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.modality import modality
from graphkit.extract.syntax import clause_subjects, conjuncts
from graphkit.extract.titles import APPOSITION_CONFIDENCE, salient_organization
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How


def membership(span: Span, actor: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Britain, a founding member of NATO" / "the alliance" -> the last organization named."""
    root = span.root
    for head in [c for c in root.children if c.dep_ == "appos"]:
        if head.lemma_ == "one":  # "Sierra Leone, one of ten elected members"
            head = next(
                (
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.lemma_ == "member"
                ),
                head,
            )
        if head.lemma_ != "member":
            continue
        org = None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    org = index.actor_at(pobj)
                    if org is None and pobj.lemma_ in MEMBER_WORDS:
                        org = _last_organization(index, pobj.i)
        if org is None and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            org = salient_organization(index) or _last_organization(
                index, head.i
            )  # "Hungary, the only other member that ..."
        if org is not None and org.entity.type == "Organization":
            conf = APPOSITION_CONFIDENCE * (org.weight if org.how != How.NAME else 1.0)
            yield Found(
                actor,
                "memberOf",
                org,
                head,
                (span.start, head.right_edge.i + 1),
                conf,
                ASSERTED,
                "member-apposition",
            )
            if head.lower_ != "members":
                continue
            # "Hungary and Slovakia, both members of the bloc": every country of the pair
            for other in (c for c in root.children if c.dep_ == "conj"):
                named = index.actor_at(other)
                if (
                    named is not None
                    and named.entity.type == "Country"
                    and named.entity.key != actor.entity.key
                ):
                    yield Found(
                        named,
                        "memberOf",
                        org,
                        head,
                        (span.start, head.right_edge.i + 1),
                        conf,
                        ASSERTED,
                        "member-apposition",
                    )


JOIN_VERBS = word_class("join_verbs")

MEMBER_WORDS = word_class("member_words")


def _org_named(token: Token, index: ArticleIndex) -> Actor | None:
    """The organization a token names ("NATO"), or the one "the alliance"/"the bloc" refers to."""
    org = index.actor_at(token)
    if org is None and token.lemma_ in MEMBER_WORDS:
        org = _last_organization(index, token.i)
    return (
        org
        if org is not None
        and org.entity.type == "Organization"
        and ("kind", "group") not in org.entity.ids
        else None
    )


def joined(sent: Span, index: ArticleIndex) -> Iterator[Found]:
    """Membership told by a verb or a "members" noun: "Hungary, which joined NATO in 1999 and the
    EU in 2004", "Burkina Faso, Mali and Niger formed the Alliance of Sahel States", "some
    member states, including Spain and Hungary", "Sierra Leone, one of ten elected members"."""
    for tok in sent:
        if tok.lemma_ in JOIN_VERBS:
            yield from _joined_by_verb(tok, index)
        elif tok.lemma_ != "member":
            continue
        elif tok.tag_ == "NN" and tok.dep_ in ("nsubj", "appos", "npadvmod"):
            yield from _member_apposition(tok, index)
        elif tok.tag_ == "NNS" or tok.dep_ == "compound":
            yield from _member_list(tok, index)


def _joined_by_verb(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Hungary joined NATO in 1999 and the EU in 2004", "Mali and Niger formed the AES"."""
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") or (
        tok.tag_ == "VBN" and any(c.dep_ == "aux" for c in tok.children)
    )
    if not (tok.pos_ == "VERB" and finite and modality(tok) == ASSERTED):
        return
    members = [
        a
        for t in clause_subjects(tok)
        for a in actors_of(t, index)
        if a[1].entity.type == "Country"
    ]
    founders = tok.lemma_ != "join"
    if founders and len(members) < 2:
        return  # one country "forming" something founds no bloc it belongs to
    objects = [o for c in tok.children if c.dep_ == "dobj" for o in conjuncts(c)]
    # "NATO in 1999 and the EU in 2004"
    objects += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    for obj in objects:
        org = _org_named(obj, index)
        if org is None:
            continue
        for t, member in members:
            yield Found(
                member,
                "memberOf",
                org,
                tok,
                (min(t.i, tok.i), obj.i + 1),
                APPOSITION_CONFIDENCE * member.weight,
                ASSERTED,
                f"member-verb:{tok.lemma_}",
            )


def _member_apposition(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "A NATO member, Turkey has supplied ...", "Turkey, a NATO member, ..."."""
    named = [_org_named(c, index) for c in tok.children if c.dep_ == "compound"]
    org = next((o for o in named if o is not None), None)
    others = (
        [c for c in tok.head.children if c.dep_ == "nsubj" and c.i != tok.i]
        if tok.dep_ == "nsubj"
        else [tok.head]
    )
    for other in others:
        country = index.actor_at(other)
        if org is not None and country is not None and country.entity.type == "Country":
            yield Found(
                country,
                "memberOf",
                org,
                tok,
                (min(tok.i, other.i), max(tok.i, other.i) + 1),
                APPOSITION_CONFIDENCE,
                ASSERTED,
                "member-apposition",
            )


def _including(head: Token) -> list[Token]:
    """The conjuncts "including" lists under a noun."""
    return [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "including"
        for p in c.children
        if p.dep_ == "pobj"
        for o in conjuncts(p)
    ]


def _member_list(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "member states, including Spain and Hungary", "permanent members Russia and China"."""
    listed = _including(tok)
    listed += [o for c in tok.children if c.dep_ == "appos" for o in conjuncts(c)]
    head = tok.head if tok.dep_ == "compound" else tok
    if head is not tok:
        listed += _including(head)
    of_org = [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    org = (
        _org_named(of_org[0], index)
        if of_org
        else salient_organization(index) or _last_organization(index, tok.i)
    )
    if org is None or org.entity.type != "Organization":
        return
    for t in listed:
        country = index.actor_at(t)
        if country is not None and country.entity.type == "Country":
            yield Found(
                country,
                "memberOf",
                org,
                tok,
                (tok.i, t.i + 1),
                APPOSITION_CONFIDENCE * 0.9,
                ASSERTED,
                "member-list",
            )


def _last_organization(index: ArticleIndex, before: int) -> Actor | None:
    """The organization "the alliance"/"the bloc" refers to: one known by that word, else the
    last named."""
    word = index.doc[before].lower_
    best = named = None
    for span, actor in index.spans:
        if span.start < before and actor.entity.type == "Organization":
            best = actor
            org = index.lex.organization(actor.entity.name)
            if org is not None and any(word in a.lower().split() for a in (org.name, *org.aliases)):
                named = actor
    chosen = named or best
    return Actor(chosen.entity, How.NOMINAL) if chosen is not None else None
