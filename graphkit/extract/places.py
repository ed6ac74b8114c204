"""Where places lie: "Salisbury, England", "the Syrian capital, Damascus", "the Japanese city
of Hiroshima", "Pakistan's North Waziristan district", "Sinaloa, a state in northwestern Mexico".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graphkit.extract.found import Found
from graphkit.extract.titles import APPOSITION_CONFIDENCE, poss_holder
from graphkit.lexicon import word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How, MentionIndex, country_entity

PLACE_KINDS = word_class("place_kinds")


def located(span: Span, actor: Actor, index: MentionIndex) -> Iterator[Found]:
    doc = span.doc
    if span.start == span.sent.start and all(t.is_upper or not t.is_alpha for t in span):
        return  # a dateline ("SEOUL, South Korea — ") says where it was filed, not a fact told
    place = actor.place or actor.entity
    if place.type != "Place":
        # a capital named as a place: "the Syrian capital, Damascus"
        return
    here = Actor(place, How.NAME)
    # "Salisbury, England" / "Necoclí, in Antioquia"
    j = span.end
    if j + 1 < len(doc) and doc[j].text == ",":
        k = j + 1
        if doc[k].lower_ == "in":
            k += 1
        while k < len(doc) and (
            doc[k].lower_ == "the"
            or (doc[k].dep_ in ("poss", "amod", "case") and doc[k].i not in index.by_token)
        ):
            k += 1
        while (
            k < len(doc) and doc[k].dep_ == "poss" and k + 1 < len(doc) and doc[k + 1].tag_ == "POS"
        ):
            # "Necoclí, in Colombia's northwestern Antioquia department": the place, not its owner
            j2 = k + 2
            while j2 < len(doc) and doc[j2].pos_ == "ADJ":
                j2 += 1
            if j2 < len(doc) and doc[j2].i in index.by_token:
                k = j2
            break
        nxt = index.actor_at(doc[k]) if k < len(doc) else None
        if nxt is not None and (nxt.how != How.NAME or index.doc[k].dep_ in ("nsubj", "nsubjpass")):
            nxt = None  # "..., Turkey said" is a source, not a location
        if nxt is not None and nxt.entity.key != place.key:
            # a list "A, B and C" is not a location
            after = doc[index_end(index, k)] if index_end(index, k) < len(doc) else None
            if not (after is not None and after.lower_ in ("and", "or")) and doc[k].dep_ != "conj":
                target = (
                    Actor(nxt.place, How.NAME)
                    if nxt.place is not None and nxt.entity.type != "Country"
                    else nxt
                )
                if doc[k].pos_ == "PROPN" and doc[k].i > 0:
                    # "Colombia's northwestern Antioquia department": skip the possessor
                    poss_owner = [c for c in doc[k].head.children if c.dep_ == "poss"]
                    if (
                        poss_owner
                        and index.actor_at(poss_owner[0]) is nxt
                        and doc[k].head.i in index.by_token
                    ):
                        target = index.by_token[doc[k].head.i]
                yield Found(
                    here,
                    "locatedIn",
                    target,
                    doc[j],
                    (span.start, k + 1),
                    APPOSITION_CONFIDENCE,
                    ASSERTED,
                    "place-apposition",
                )
    # "the Syrian capital, Damascus" / "Colombia's Antioquia department"
    root = span.root
    heads = [c for c in root.children if c.dep_ == "appos"] + (
        [root.head] if root.dep_ == "appos" else []
    )
    for head in heads:
        if head.lemma_ in PLACE_KINDS:
            # "the Syrian capital, Damascus", "Sinaloa, a state in northwestern Mexico"
            holder = poss_holder(head, index) or next(
                (
                    a
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "in"
                    for o in p.children
                    if (a := index.actor_at(o)) is not None and a.entity.type == "Country"
                ),
                None,
            )
            code = dict(place.ids).get("country", "")
            bare = not any(
                c.dep_ == "prep" for c in head.children
            )  # not "the capital of West Darfur state"
            if holder is None and head.lemma_ == "capital" and bare and code in index.lex.by_iso3:
                holder = Actor(
                    country_entity(index.lex, code), How.IMPLICIT
                )  # "the capital, Khartoum": its own country's
            if holder is not None and holder.entity.key != place.key:
                yield Found(
                    here,
                    "locatedIn",
                    holder,
                    head,
                    (min(span.start, head.left_edge.i), max(span.end, head.i + 1)),
                    APPOSITION_CONFIDENCE,
                    ASSERTED,
                    "capital-apposition",
                )
    noun = root if root.lemma_ in PLACE_KINDS and root.i > span.start else root.head
    named_after = any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )  # "the Red Sea city of Jeddah"
    if (
        noun.lemma_ in PLACE_KINDS
        and (noun is root or root.dep_ in ("compound", "amod"))
        and not named_after
    ):
        # "Colombia's Antioquia department", "Pakistan's North Waziristan district"
        holder = poss_holder(noun, index)
        if holder is not None and holder.entity.key != place.key:
            yield Found(
                here,
                "locatedIn",
                holder,
                noun,
                (noun.left_edge.i, noun.i + 1),
                APPOSITION_CONFIDENCE,
                ASSERTED,
                "place-possessive",
            )
    # "the Japanese city of Hiroshima", "the eastern Afghan provinces of Khost and Paktika"
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_ in PLACE_KINDS:
        kind = first.head.head
        holder = poss_holder(kind, index)
        if (
            holder is not None
            and holder.entity.key != place.key
            and holder.entity.type == "Country"
        ):
            yield Found(
                here,
                "locatedIn",
                holder,
                kind,
                (kind.left_edge.i, span.end),
                APPOSITION_CONFIDENCE,
                ASSERTED,
                "place-kind",
            )
        # "the port of Chornomorsk in the Odesa region", "the town of Amadiya in northern Iraq's
        # Kurdistan region"
        for where in (
            o
            for c in root.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for o in c.children
            if o.dep_ == "pobj"
        ):
            if where.lemma_ in PLACE_KINDS:
                named = [
                    index.actor_at(c) for c in where.children if c.dep_ in ("compound", "amod")
                ]
                outer = next((a for a in named if a is not None and a.entity.type == "Place"), None)
            else:
                outer = index.actor_at(where)
            if (
                outer is not None
                and outer.entity.type in ("Place", "Country")
                and outer.entity.key != place.key
            ):
                yield Found(
                    here,
                    "locatedIn",
                    Actor(outer.place or outer.entity, How.NAME)
                    if outer.entity.type == "Place"
                    else outer,
                    where,
                    (span.start, where.i + 1),
                    APPOSITION_CONFIDENCE,
                    ASSERTED,
                    "place-in",
                )


def index_end(index: MentionIndex, k: int) -> int:
    """The token after the mention that covers token k."""
    actor = index.by_token.get(k)
    j = k
    while j < len(index.doc) and index.by_token.get(j) is actor and actor is not None:
        j += 1
    return max(j, k + 1)
