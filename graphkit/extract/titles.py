"""Offices from titles and appositions: "Colombian President Gustavo Petro" (leaderOf),
"Russian Foreign Minister Sergei Lavrov" (officialOf), "Petro, Colombia's president",
"NATO Secretary-General Jens Stoltenberg", and whose office a bare title is ("President Donald
Trump", "Foreign Minister Park Jin") when the sentence does not say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from graphkit.extract.found import Found
from graphkit.extract.known import ArticleIndex
from graphkit.extract.title_phrases import (
    HONORIFICS,
    OFFICE_HOST_PREPS,
    holder_after,
    holder_before,
    title_before,
    title_ending,
)
from graphkit.lexicon import Lexicon, actor_nouns, word_class
from graphkit.records import ASSERTED, Entity
from graphkit.resolve import Actor, How, country_entity

TITLE_CONFIDENCE = 0.9

GUESSED_TITLE = "title:guess"  # no word of the sentence says whose office it is

HINTED_TITLE = "title:hint"  # the sentence hints at it: a seat of government, a coordinated title

APPOSITION_CONFIDENCE = 0.8

IMPLICIT_CONFIDENCE = 0.55

AIDE_NOUNS = word_class("aide_nouns")
AIDE_PREPS = word_class("aide_preps")
LED_GROUP_KINDS = word_class("led_group_kinds")
NON_STATE_GROUPS = actor_nouns("non_state")
FRONTED_PLACE_PREPS = word_class("fronted_place_preps")


def poss_holder(head: Token, index: ArticleIndex) -> Actor | None:
    """The country/org owning a title noun: "Colombia's president", "president of Colombia",
    "Putin's spokesman" (the country of a well-known officeholder)."""
    for child in head.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            actor = index.actor_at(child)
            if actor is not None and actor.entity.type in ("Country", "Organization"):
                return actor
            if (
                actor is not None
                and actor.entity.type == "Person"
                and child.dep_ == "poss"
                and head.lemma_ in AIDE_NOUNS
            ):
                office = known_office(actor.entity.name, index.lex, None)
                if office is not None and office.entity.type == "Country":
                    return office
            # "Israel's war cabinet", "Iran's armed forces chief of staff"
            for grand in child.children:
                if grand.dep_ == "poss":
                    actor = index.actor_at(grand)
                    if actor is not None and actor.entity.type in ("Country", "Organization"):
                        return actor
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in AIDE_PREPS and head.lemma_ in AIDE_NOUNS:
            # "the chief foreign policy adviser to Brazilian President Lula": the one advised
            for pobj in child.children:
                person = index.actor_at(pobj)
                if person is not None and person.entity.type == "Person":
                    return poss_holder(pobj, index) or known_office(
                        person.entity.name, index.lex, None
                    )
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):  # "a spokesman for the M23"
            for pobj in child.children:
                actor = index.actor_at(pobj)
                if actor is not None and actor.entity.type in ("Country", "Organization"):
                    return actor
                deeper = poss_holder(pobj, index)
                if deeper is not None:
                    return deeper
    return None


def _title_noun_relation(head: Token, lex: Lexicon) -> str | None:
    words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    for width in range(len(words), -1, -1):
        text = " ".join([w.text for w in words[len(words) - width :]] + [head.text])
        rel = lex.title_relation(text)
        if rel is not None:
            return rel
    if head.lemma_ in ("member", "counterpart"):
        return "officialOf"  # "his Saudi counterpart, Prince Faisal bin Farhan"
    return None


def person_titles(
    span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon, default_country: Actor | None
) -> Iterator[Found]:
    """The office a named person holds: by the title before the name, else by an apposition."""
    found = title_before(span, lex)
    if found is not None and "opposition" in (
        found[2].lower(),
        span.doc[max(found[1] - 1, 0)].lower_,
    ):
        return  # an opposition leader leads no country
    if found is not None:
        titled = _titled(span, actor, index, lex, default_country, found)
        if titled is not None:
            yield titled
            yield from _hosted_by(span, actor, index, titled)
            return
    apposed = list(_apposed_title(span, actor, index, lex))
    yield from apposed or _title_below(span, actor, index, lex, default_country)
    yield from _group_of_person(span, actor, index)


def _titled(
    span: Span,
    actor: Actor,
    index: ArticleIndex,
    lex: Lexicon,
    default_country: Actor | None,
    found: tuple[str, int, str],
) -> Found | None:
    """ "Colombian President Gustavo Petro", "Secretary of State Antony Blinken", "President
    Joe Biden" (whose office the sentence hints at or the article decides later)."""
    rel, lo, title = found
    holder = holder_before(span, lo, index) or holder_after(span, index)
    conf = TITLE_CONFIDENCE
    own = lex.title_country(title) if holder is None else None
    if own is not None:
        # "Secretary of State Antony Blinken"
        holder = Actor(country_entity(lex, own.iso3), How.IMPLICIT)
        conf = TITLE_CONFIDENCE * 0.9
    method = "title" if own is None else HINTED_TITLE
    if holder is None:
        holder = _coordinated_holder(span, lo, index, lex) or _implicit_holder(
            span, lo, index, lex, title
        )
        conf = IMPLICIT_CONFIDENCE
        method = HINTED_TITLE
        if holder is None:
            holder = _guessed_holder(span, actor, index, lex, default_country, lo, title)
            method = GUESSED_TITLE
    if holder is None or holder.entity.type not in ("Country", "Organization"):
        return None
    doc = span.doc
    if holder.entity.type == "Country" and any(
        t.lower_ in NON_STATE_GROUPS for t in doc[max(lo - 2, span.sent.start) : lo]
    ):
        return None  # "Rebel delegation spokesman Yohanis Pouk": no country's official
    return Found(actor, rel, holder, doc[lo], (lo, span.end), conf * actor.weight, ASSERTED, method)


def _hosted_by(span: Span, actor: Actor, index: ArticleIndex, titled: Found) -> Iterator[Found]:
    """ "Russian Ambassador to the United Nations Vassily Nebenzia": an official of the
    organization the office is posted to as well (a country it is posted to is only its host)."""
    doc = span.doc
    for k in range(titled.span[0], span.start - 1):
        if doc[k].lower_ not in OFFICE_HOST_PREPS:
            continue
        host = index.actor_at(doc[k + 1]) or index.actor_at(doc[k + 2])
        if host is not None and host.entity.type == "Organization":
            yield replace(titled, predicate="officialOf", object=host, method="title:host")
        return


def _title_below(
    span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon, default_country: Actor | None
) -> Iterator[Found]:
    """ "Jen Psaki / Department Spokesperson": a name on a line of its own above a line that
    is its title (a press statement's signature), whose office the article settles."""
    doc = span.doc
    if span.start > 0 and "\n" not in doc[span.start - 1].text_with_ws:
        return
    if span.end >= len(doc) or "\n" not in doc[span.end - 1].text_with_ws + doc[span.end].text:
        return
    lo = span.end + 1 if doc[span.end].is_space else span.end
    end = lo
    while end < len(doc) and end - lo < 5 and "\n" not in doc[end].text:
        end += 1
    found = title_ending(doc, end, lo, lex) if end < len(doc) else None
    if found is None or found[1] > lo + 1:
        return
    holder = _guessed_holder(span, actor, index, lex, default_country, found[1], found[2])
    if holder is not None and holder.entity.type in ("Country", "Organization"):
        yield Found(
            actor,
            found[0],
            holder,
            doc[found[1]],
            (span.start, span.end),  # the name's span: the article settles the guess by it
            IMPLICIT_CONFIDENCE * actor.weight,
            ASSERTED,
            GUESSED_TITLE,
        )


def _group_of_person(span: Span, actor: Actor, index: ArticleIndex) -> Iterator[Found]:
    """ "the paramilitary Rapid Support Forces (RSF) of Gen Mohamed Hamdan Dagalo": an armed
    group or party "of" a person is led by them."""
    doc = span.doc
    k = span.start
    while k > span.sent.start and doc[k - 1].lower_.rstrip(".") in HONORIFICS:
        k -= 1
    if k - 2 < span.sent.start or doc[k - 1].lower_ != "of":
        return
    j = k - 2
    if doc[j].text == ")":  # "the Rapid Support Forces (RSF) of ..."
        while j > span.sent.start and doc[j].text != "(":
            j -= 1
        j -= 1
    group = index.by_token.get(j)
    org = index.lex.organization(group.entity.name) if group is not None else None
    if group is None or org is None or org.kind not in LED_GROUP_KINDS:
        return
    yield Found(
        actor,
        "leaderOf",
        group,
        doc[k - 1],
        (j, span.end),
        APPOSITION_CONFIDENCE * actor.weight,
        ASSERTED,
        "group-of-person",
    )


def _guessed_holder(
    span: Span,
    actor: Actor,
    index: ArticleIndex,
    lex: Lexicon,
    default_country: Actor | None,
    lo: int,
    title: str,
) -> Actor | None:
    """Nothing in the sentence says whose office it is: a first guess the article settles later
    (``guesses.settle_guessed_titles``)."""
    if _office_of_organization(title):
        holder = salient_organization(index)
    else:
        holder = default_country or sentence_country(span, lo, index, lex)
    # a well-known officeholder in a text that names no country ("President Putin met ...")
    return holder or known_office(actor.entity.name, lex, None)


def _apposed_title(span: Span, actor: Actor, index: ArticleIndex, lex: Lexicon) -> Iterator[Found]:
    """ "Petro, Colombia's president" / "Russia's envoy, Vassily Nebenzia"."""
    root = span.root
    # the title the name stands in apposition to comes first: in "Australia's foreign minister,
    # Penny Wong, India's foreign minister, S Jaishankar" the second title is Jaishankar's
    candidates = [_past_host(root.head)] if root.dep_ == "appos" else []
    candidates += [c for c in root.children if c.dep_ == "appos"]
    for head in candidates:
        if head.i in index.by_token:
            continue
        noun_rel = _title_noun_relation(head, lex)
        if noun_rel is None:
            continue
        holder = poss_holder(head, index)
        if holder is None:
            continue
        lo, hi = min(span.start, head.left_edge.i), max(span.end, head.i + 1)
        yield Found(
            actor,
            noun_rel,
            holder,
            head,
            (lo, hi),
            APPOSITION_CONFIDENCE * actor.weight,
            ASSERTED,
            "apposition",
        )
        return


def _past_host(head: Token) -> Token:
    """ "The Swiss ambassador to Tehran, Livia Leu Agosti": the parse hangs the name on the
    office's host; the title is the noun the host phrase belongs to."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in OFFICE_HOST_PREPS and prep.head.pos_ == "NOUN":
        return prep.head
    return head


def _office_of_organization(title: str) -> bool:
    """ "Secretary-General", "Director General", "Chairman": offices of organizations (a bare
    "General" is a military rank)."""
    lowered = title.lower().replace("-", " ")
    return ("general" in lowered and lowered.split()[0] != "general") or "chair" in lowered


def salient_organization(index: ArticleIndex) -> Actor | None:
    """The organization the article names most often (not a collective), if one stands out."""
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for _, actor in index.spans:
        if actor.entity.type == "Organization" and ("kind", "group") not in actor.entity.ids:
            counts[actor.entity.key] = counts.get(actor.entity.key, 0) + 1
            actors[actor.entity.key] = actor
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return Actor(actors[ranked[0][0]].entity, How.IMPLICIT)


def _coordinated_holder(span: Span, lo: int, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """The holder a bare title shares with a titled person it is coordinated with: "Egyptian
    Foreign Minister Sameh Shoukry and Water Resources Minister Mohamed Abdel Aty"."""
    root = span.root
    if root.dep_ == "conj" and root.head.i not in range(span.start, span.end):
        others = [root.head]
    else:
        others = [c for c in root.children if c.dep_ == "conj"]
    k = lo - 1
    while (
        k > span.sent.start
        and k > lo - 4
        and span.doc[k].is_title
        and span.doc[k].i not in index.by_token
    ):
        k -= 1  # "... and Water Resources Minister Mohamed Abdel Aty"
    if k > span.sent.start and span.doc[k].lower_ == "and":
        others.append(
            span.doc[k - 1]
        )  # the parse often misses the coordination of two titled names
    for other in others:
        for o_span, o_actor in index.spans:
            if (
                o_span.start <= other.i < o_span.end
                and o_actor.entity.type == "Person"
                and o_actor.entity != index.actor_at(root)
            ):
                found = title_before(o_span, lex)
                holder = holder_before(o_span, found[1], index) if found is not None else None
                if holder is not None and holder.entity.type == "Country":
                    return holder
    return None


def _fronted_place(sent: Span, index: ArticleIndex) -> Actor | None:
    """The country of a place that opens the sentence: "In Washington, President Joe Biden said"."""
    first = sent[0]
    if first.lower_ not in FRONTED_PLACE_PREPS or len(sent) < 4:
        return None
    for tok in sent[1:6]:
        if tok.text == ",":
            break
        actor = index.actor_at(tok)
        if actor is not None and tok.head.i == first.i:
            if actor.entity.type == "Country":
                return Actor(actor.entity, How.IMPLICIT)
            code = dict((actor.place or actor.entity).ids).get("country")
            if code and code in index.lex.by_iso3:
                return Actor(country_entity(index.lex, code), How.IMPLICIT)
    return None


def _claimed(sent: Span, index: ArticleIndex, lex: Lexicon) -> set[int]:
    """Tokens just before the titles of the sentence's people: "U.S." in "U.S. President"."""
    claimed: set[int] = set()
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or actor.entity.type != "Person":
            continue
        found = title_before(other, lex)
        if found is not None:
            claimed.update(range(max(sent.start, found[1] - 3), found[1]))
    return claimed


def known_office(name: str, lex: Lexicon, year: int | None) -> Actor | None:
    """The country or organization a well-known person served in the article's year."""
    office = lex.office_of(name, year)
    if office is None:
        return None
    if office.holder in lex.by_iso3:
        return Actor(country_entity(lex, office.holder), How.IMPLICIT)
    return Actor(Entity("Organization", office.holder), How.IMPLICIT)


def _implicit_holder(
    span: Span, lo: int, index: ArticleIndex, lex: Lexicon, title: str
) -> Actor | None:
    """Who a bare title ("President Joe Biden") belongs to, when the sentence says it.

    A place that opens the sentence ("In Washington, ..."), seats of government and state
    bodies ("the White House said") count; for titles such as secretary-general, the first
    organization no other title claims.
    """
    want_org = _office_of_organization(title)
    sent = span.sent
    claimed = _claimed(sent, index, lex)
    if not want_org:
        fronted = _fronted_place(sent, index)
        if fronted is not None:
            return fronted
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or other.start in claimed:
            continue
        if lo <= other.start < span.end:
            continue
        kind = actor.entity.type
        if want_org and kind == "Organization":
            return actor
        seat = other.ent_id_.startswith("seat:") or (
            other.label_ == "ORG" and actor.how == How.METONYMY
        )
        if not want_org and kind == "Country" and seat:
            return actor  # "the White House said", "the State Department"
    return None


def sentence_country(span: Span, lo: int, index: ArticleIndex, lex: Lexicon) -> Actor | None:
    """A weak guess at a bare title's country from its sentence: the country the sentence is
    about (its subject), else the last one before the title, else the first one after it,
    among those no other title claims."""
    sent = span.sent
    claimed = _claimed(sent, index, lex)
    before: Actor | None = None
    after: Actor | None = None
    subject: Actor | None = None
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or other.start in claimed:
            continue
        if lo <= other.start < span.end or actor.entity.type != "Country":
            continue
        if other.root.dep_ in ("nsubj", "nsubjpass") and subject is None:
            subject = actor
        if other.start < lo:
            before = actor
        elif after is None:
            after = actor
    return subject or before or after
