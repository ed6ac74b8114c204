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
from graphkit.extract.title_holders import named_organization
from graphkit.extract.title_phrases import is_type, named_tokens, typed_actors
from graphkit.extract.titles import APPOSITION_CONFIDENCE, salient_organization
from graphkit.extract.tokens import children, kids
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How


def membership(span: Span, actor: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "Britain, a founding member of NATO" / "the alliance" -> the last organization named."""
    root = span.root
    # "the Philippines is a member of ASEAN", "ASEAN, of which the Philippines is a member"
    copula = root.head if root.dep_ == "nsubj" and root.head.lemma_ == "be" else None
    if copula is not None and kids(copula, "neg", "aux"):
        copula = None  # "is not a member", "would be a member": no membership told
    for head in kids(root, "appos") + (kids(copula, "attr") if copula is not None else []):
        if head.lemma_ == "one":  # "Sierra Leone, one of ten elected members"
            ones = [p for c in kids(head, "prep", words=OF) for p in kids(c, words=MEMBER)]
            head = next(iter(ones), head)
        if head.lemma_ != "member":
            continue
        org = None
        of_preps = kids(head, "prep", words=OF)
        if copula is not None and copula.dep_ == "relcl":
            of_preps += kids(copula, "prep", words=OF)
        for pobj in (p for prep in of_preps for p in children(prep)):
            # "of which": the noun the relative clause is about
            if pobj.lower_ == "which" and copula is not None and copula.dep_ == "relcl":
                pobj = copula.head
            org = _named_or_referred(pobj, index)
        if org is None and not of_preps:
            org = salient_organization(index) or _last_organization(
                index, head.i
            )  # "Hungary, the only other member that ..."
        if is_type(org, "Organization"):
            conf = APPOSITION_CONFIDENCE * org.weight
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
            for named in typed_actors(index, kids(root, "conj"), "Country"):
                if named.entity.key != actor.entity.key:
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
OF = frozenset({"of"})
MEMBER = frozenset({"member"})
INCLUDING = frozenset({"including"})


def _org_named(token: Token, index: ArticleIndex) -> Actor | None:
    """The organization a token names ("NATO"), or the one "the alliance"/"the bloc" refers to."""
    org = _named_or_referred(token, index)
    return org if named_organization(org) else None


def _named_or_referred(token: Token, index: ArticleIndex) -> Actor | None:
    """The actor a token names, else the organization "the alliance"/"the bloc" refers to."""
    actor = index.actor_at(token)
    if actor is None and token.lemma_ in MEMBER_WORDS:
        return _last_organization(index, token.i)
    return actor


def joined(sent: Span, index: ArticleIndex) -> Iterator[Found]:
    """Membership told by a verb or a "members" noun: "Hungary, which joined NATO in 1999 and the
    EU in 2004", "Burkina Faso, Mali and Niger formed the Alliance of Sahel States", "some
    member states, including Spain and Hungary", "Sierra Leone, one of ten elected members"."""
    for tok in sent:
        lemma = tok.lemma_
        if lemma in JOIN_VERBS:
            yield from _joined_by_verb(tok, index)
        elif lemma != "member":
            continue
        elif tok.tag_ == "NN" and tok.dep_ in ("nsubj", "appos", "npadvmod"):
            yield from _member_apposition(tok, index)
        elif tok.tag_ == "NNS" or tok.dep_ == "compound":
            yield from _member_list(tok, index)


def _joined_by_verb(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "Hungary joined NATO in 1999 and the EU in 2004", "Mali and Niger formed the AES"."""
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") or (
        tok.tag_ == "VBN" and any(c.dep_ == "aux" for c in children(tok))
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
    objects = [o for c in kids(tok, "dobj") for o in conjuncts(c)]
    # "NATO in 1999 and the EU in 2004"
    objects += kids(tok, "conj", pos=("PROPN", "NOUN"))
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
    named = [_org_named(c, index) for c in kids(tok, "compound")]
    org = next((o for o in named if o is not None), None)
    if org is None:
        return
    subjects = kids(tok.head, "nsubj")
    # the subject beside it, or the name in apposition to it ("A NATO member, Turkey, has")
    others = (
        [c for c in subjects if c is not tok] + kids(tok, "appos")
        if tok.dep_ == "nsubj"
        else [tok.head]
    )
    for other, country in named_tokens(index, others, "Country"):
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
    preps = kids(head, "prep", words=INCLUDING)
    return [o for c in preps for p in kids(c, "pobj") for o in conjuncts(p)]


def _member_list(tok: Token, index: ArticleIndex) -> Iterator[Found]:
    """ "member states, including Spain and Hungary", "permanent members Russia and China"."""
    listed = _including(tok)
    listed += [o for c in kids(tok, "appos") for o in conjuncts(c)]
    head = tok
    if tok.dep_ == "compound":
        head = tok.head
        listed += _including(head)
    of_org = [o for c in kids(head, "prep", words=OF) for o in kids(c, "pobj")]
    org = (
        _org_named(of_org[0], index)
        if of_org
        else salient_organization(index) or _last_organization(index, tok.i)
    )
    if org is None:
        return
    for t, country in named_tokens(index, listed, "Country"):
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
    earlier = [a for _, a in index.spans_between(0, before) if a.entity.type == "Organization"]
    named = [a for a in earlier if word in _name_words(a, index)]
    chosen = named or earlier
    return Actor(chosen[-1].entity, How.NOMINAL) if chosen else None


def _name_words(actor: Actor, index: ArticleIndex) -> set[str]:
    """The words of an organization's known name and aliases (lower case)."""
    org = index.lex.organization(actor.entity.name)
    names = (org.name, *org.aliases) if org is not None else ()
    return {w for name in names for w in name.lower().split()}
