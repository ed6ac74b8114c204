"""Static relations from titles, appositions and place names.

"Colombian President Gustavo Petro" (leaderOf), "Russian Foreign Minister Sergei Lavrov"
(officialOf), "Petro, Colombia's president", "NATO Secretary-General Jens Stoltenberg",
"Britain, a founding member of the alliance" (memberOf), "Salisbury, England" and "the Syrian
capital, Damascus" (locatedIn), "Úsuga headed the Clan del Golfo" (leaderOf).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphkit.extract.args import clause_subjects
from graphkit.extract.events import Found
from graphkit.lexicon import Lexicon
from graphkit.resolve import Actor, MentionIndex, country_entity

TITLE_CONFIDENCE = 0.9
APPOSITION_CONFIDENCE = 0.8
IMPLICIT_CONFIDENCE = 0.55
# words between a holder and a title: "Lebanon's new President", "Haiti's ousted leader"
TITLE_ADJECTIVES = frozenset(
    ["former", "then", "the", "new", "incoming", "outgoing", "ousted", "deposed", "exiled", "interim", "late", "longtime", "veteran", "embattled", "current", "acting", "elected", "newly", "re-elected", "powerful"]
)
LEAD_VERBS = frozenset(["head", "lead", "chair", "run", "command", "found"])


def _title_before(span: Span, lex: Lexicon) -> tuple[str, int, str] | None:
    """The title right before a person's name: (relation, start token, title text)."""
    doc = span.doc
    start = span.start
    best = None
    title_words = lex.title_words
    for width in range(1, 5):
        lo = start - width
        if lo < span.sent.start:
            break
        words = doc[lo:start]
        if any(t.is_punct and t.text not in ("-", ".") for t in words):
            break
        word = doc[lo].lower_.strip(".")
        if word not in title_words and word not in ("of", "-"):
            break
        if word in ("of", "-"):
            continue
        rel = lex.title_relation(words.text)
        if rel is not None:
            best = (rel, lo, words.text)
    return best


def _holder_before(doc: Span, lo: int, index: MentionIndex) -> Actor | None:
    """The country/organization named right before a title ("U.S. President", "NATO Secretary-General")."""
    tok_i = lo - 1
    while (tok_i >= doc.sent.start and doc.doc[tok_i].tag_ in ("POS",)) or (
        tok_i >= doc.sent.start and doc.doc[tok_i].lower_ in TITLE_ADJECTIVES
    ):
        tok_i -= 1
    if tok_i < doc.sent.start:
        return None
    actor = index.actor_at(doc.doc[tok_i])
    if actor is not None and actor.entity.type in ("Country", "Organization"):
        return actor
    return None


def _poss_holder(head: Token, index: MentionIndex) -> Actor | None:
    """The country/org owning a title noun: "Colombia's president", "president of Colombia"."""
    for child in head.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            actor = index.actor_at(child)
            if actor is not None and actor.entity.type in ("Country", "Organization"):
                return actor
            # "Israel's war cabinet", "Iran's armed forces chief of staff"
            for grand in child.children:
                if grand.dep_ == "poss":
                    actor = index.actor_at(grand)
                    if actor is not None and actor.entity.type in ("Country", "Organization"):
                        return actor
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                actor = index.actor_at(pobj)
                if actor is not None and actor.entity.type in ("Country", "Organization"):
                    return actor
                deeper = _poss_holder(pobj, index)
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
    if head.lemma_ == "member":
        return "officialOf"
    return None


def static_relations(
    sent: Span, index: MentionIndex, lex: Lexicon, *, default_country: Actor | None
) -> Iterator[Found]:
    """leaderOf/officialOf/memberOf/locatedIn found in one sentence."""
    for span, actor in index.spans:
        if span.start < sent.start or span.end > sent.end:
            continue
        ent = actor.entity
        if ent.type == "Person" and actor.how in ("name", "alias"):
            yield from _person_titles(span, actor, index, lex, default_country)
        if ent.type in ("Country", "Place") or actor.place is not None:
            yield from _located(span, actor, index)
        if ent.type == "Country" and actor.how == "name":
            yield from _membership(span, actor, index)
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_ in LEAD_VERBS and tok.dep_ == "acl" and tok.tag_ == "VBN":
            # "the RSF, led by Mohamed Hamdan Dagalo"
            org = index.actor_at(tok.head)
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            person = index.actor_at(agents[0]) if agents else None
            if org and person and person.entity.type == "Person" and org.entity.type in ("Organization", "Country"):
                yield Found(person, "leaderOf", org, tok, (tok.head.i, agents[0].i + 1), APPOSITION_CONFIDENCE * person.weight, "asserted", "verb:led-by")
        if tok.pos_ == "VERB" and tok.lemma_ in LEAD_VERBS:
            # "X heads the council", "Bola Tinubu, who chairs the bloc"
            subj = clause_subjects(tok) if tok.dep_ == "relcl" else [c for c in tok.children if c.dep_ == "nsubj"]
            obj = [c for c in tok.children if c.dep_ == "dobj"]
            if subj and obj:
                s = index.actor_at(subj[0])
                o = index.actor_at(obj[0])  # a named organization: "the bloc" is too loose for an office
                if s and o and s.entity.type == "Person" and o.entity.type in ("Organization", "Country"):
                    yield Found(s, "leaderOf", o, tok, (subj[0].i, obj[0].i + 1), APPOSITION_CONFIDENCE * s.weight, "asserted", "verb:lead")


def _person_titles(
    span: Span, actor: Actor, index: MentionIndex, lex: Lexicon, default_country: Actor | None
) -> Iterator[Found]:
    doc = span.doc
    found = _title_before(span, lex)
    if found is not None:
        rel, lo, title = found
        holder = _holder_before(span, lo, index)
        conf = TITLE_CONFIDENCE
        own = lex.title_country(title) if holder is None else None
        if own is not None:
            holder = Actor(country_entity(lex, own.iso3), "implicit")  # "Secretary of State Antony Blinken"
            conf = TITLE_CONFIDENCE * 0.9
        if holder is None:
            holder = _implicit_holder(span, lo, index, lex, title) or (
                _salient_organization(index) if _office_of_organization(title) else default_country
            )
            conf = IMPLICIT_CONFIDENCE
        if holder is not None and (holder.entity.type == "Country" or holder.entity.type == "Organization"):
            yield Found(actor, rel, holder, doc[lo], (lo, span.end), conf * actor.weight, "asserted", "title")
            return
    # apposition: "Petro, Colombia's president" / "Russia's envoy, Vassily Nebenzia"
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for head in candidates:
        if head.i in index.by_token:
            continue
        noun_rel = _title_noun_relation(head, lex)
        if noun_rel is None:
            continue
        holder = _poss_holder(head, index)
        if holder is None:
            continue
        lo, hi = min(span.start, head.left_edge.i), max(span.end, head.i + 1)
        yield Found(actor, noun_rel, holder, head, (lo, hi), APPOSITION_CONFIDENCE * actor.weight, "asserted", "apposition")
        return


def _located(span: Span, actor: Actor, index: MentionIndex) -> Iterator[Found]:
    doc = span.doc
    if span.start == span.sent.start and all(t.is_upper or not t.is_alpha for t in span):
        return  # a dateline ("SEOUL, South Korea — ") says where it was filed, not a fact told
    place = actor.place or actor.entity
    if place.type != "Place":
        # a capital named as a place: "the Syrian capital, Damascus"
        return
    here = Actor(place, "name")
    # "Salisbury, England" / "Necoclí, in Antioquia"
    j = span.end
    if j + 1 < len(doc) and doc[j].text == ",":
        k = j + 1
        if doc[k].lower_ == "in":
            k += 1
        while k < len(doc) and (doc[k].lower_ == "the" or (doc[k].dep_ in ("poss", "amod", "case") and doc[k].i not in index.by_token)):
            k += 1
        while k < len(doc) and doc[k].dep_ == "poss" and k + 1 < len(doc) and doc[k + 1].tag_ == "POS":
            # "Necoclí, in Colombia's northwestern Antioquia department": the place, not its owner
            j2 = k + 2
            while j2 < len(doc) and doc[j2].pos_ == "ADJ":
                j2 += 1
            if j2 < len(doc) and doc[j2].i in index.by_token:
                k = j2
            break
        nxt = index.actor_at(doc[k]) if k < len(doc) else None
        if nxt is not None and (nxt.how != "name" or index.doc[k].dep_ in ("nsubj", "nsubjpass")):
            nxt = None  # "..., Turkey said" is a source, not a location
        if nxt is not None and nxt.entity.key != place.key:
            # a list "A, B and C" is not a location
            after = doc[index_end(index, k)] if index_end(index, k) < len(doc) else None
            if not (after is not None and after.lower_ in ("and", "or")) and doc[k].dep_ != "conj":
                target = Actor(nxt.place, "name") if nxt.place is not None and nxt.entity.type != "Country" else nxt
                if doc[k].pos_ == "PROPN" and doc[k].i > 0:
                    # "Colombia's northwestern Antioquia department": skip the possessor
                    poss_owner = [c for c in doc[k].head.children if c.dep_ == "poss"]
                    if poss_owner and index.actor_at(poss_owner[0]) is nxt and doc[k].head.i in index.by_token:
                        target = index.by_token[doc[k].head.i]
                yield Found(here, "locatedIn", target, doc[j], (span.start, k + 1), APPOSITION_CONFIDENCE, "asserted", "place-apposition")
    # "the Syrian capital, Damascus" / "Colombia's Antioquia department"
    root = span.root
    heads = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    for head in heads:
        if head.lemma_ in ("capital", "city", "town", "port", "province", "region", "department", "state"):
            holder = _poss_holder(head, index)
            if holder is not None and holder.entity.key != place.key:
                yield Found(here, "locatedIn", holder, head, (min(span.start, head.left_edge.i), max(span.end, head.i + 1)), APPOSITION_CONFIDENCE, "asserted", "capital-apposition")
    if root.head.lemma_ in ("department", "province", "region", "state", "county") and root.dep_ in ("compound", "amod"):
        holder = _poss_holder(root.head, index)
        if holder is not None and holder.entity.key != place.key:
            yield Found(here, "locatedIn", holder, root.head, (root.head.left_edge.i, root.head.i + 1), APPOSITION_CONFIDENCE, "asserted", "place-possessive")


def index_end(index: MentionIndex, k: int) -> int:
    """The token after the mention that covers token k."""
    actor = index.by_token.get(k)
    j = k
    while j < len(index.doc) and index.by_token.get(j) is actor and actor is not None:
        j += 1
    return max(j, k + 1)


def _office_of_organization(title: str) -> bool:
    """"Secretary-General", "Director General", "Chairman": offices of organizations (a bare
    "General" is a military rank)."""
    lowered = title.lower().replace("-", " ")
    return ("general" in lowered and lowered.split()[0] != "general") or "chair" in lowered


def _salient_organization(index: MentionIndex) -> Actor | None:
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
    return Actor(actors[ranked[0][0]].entity, "implicit")


def _implicit_holder(span: Span, lo: int, index: MentionIndex, lex: Lexicon, title: str) -> Actor | None:
    """Who a bare title ("President Joe Biden") belongs to, from the rest of the sentence.

    Seats of government and state bodies ("the White House said") come first, then the first
    country (or organization, for titles such as secretary-general) that no other title claims.
    """
    want_org = _office_of_organization(title)
    sent = span.sent
    claimed: set[int] = set()
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or actor.entity.type != "Person":
            continue
        found = _title_before(other, lex)
        if found is not None:
            claimed.update(range(max(sent.start, found[1] - 3), found[1]))
    before: Actor | None = None
    after: Actor | None = None
    subject: Actor | None = None
    for other, actor in index.spans:
        if other.start < sent.start or other.end > sent.end or other.start in claimed:
            continue
        if lo <= other.start < span.end:
            continue
        kind = actor.entity.type
        if want_org and kind == "Organization":
            return actor
        if not want_org and kind == "Country":
            if other.ent_id_.startswith("seat:") or (other.label_ == "ORG" and actor.how == "metonymy"):
                return actor  # "the White House said", "the State Department"
            if other.root.dep_ in ("nsubj", "nsubjpass") and subject is None:
                subject = actor  # the country the sentence is about
            if other.start < lo:
                before = actor
            elif after is None:
                after = actor
    return subject or before or after


def _membership(span: Span, actor: Actor, index: MentionIndex) -> Iterator[Found]:
    """"Britain, a founding member of NATO" / "the alliance" -> the last organization named."""
    root = span.root
    for head in [c for c in root.children if c.dep_ == "appos"]:
        if head.lemma_ != "member":
            continue
        org = None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    org = index.actor_at(pobj)
                    if org is None and pobj.lemma_ in ("alliance", "bloc", "organization", "union", "group"):
                        org = _last_organization(index, pobj.i)
        if org is not None and org.entity.type == "Organization":
            conf = APPOSITION_CONFIDENCE * (org.weight if org.how != "name" else 1.0)
            yield Found(actor, "memberOf", org, head, (span.start, head.right_edge.i + 1), conf, "asserted", "member-apposition")
            if head.lower_ != "members":
                continue
            # "Hungary and Slovakia, both members of the bloc": every country of the pair
            for other in (c for c in root.children if c.dep_ == "conj"):
                named = index.actor_at(other)
                if named is not None and named.entity.type == "Country" and named.entity.key != actor.entity.key:
                    yield Found(named, "memberOf", org, head, (span.start, head.right_edge.i + 1), conf, "asserted", "member-apposition")


def _last_organization(index: MentionIndex, before: int) -> Actor | None:
    """The organization "the alliance"/"the bloc" refers to: one known by that word, else the last named."""
    word = index.doc[before].lower_
    best = named = None
    for span, actor in index.spans:
        if span.start < before and actor.entity.type == "Organization":
            best = actor
            org = index.lex.organization(actor.entity.name)
            if org is not None and any(word in a.lower().split() for a in (org.name, *org.aliases)):
                named = actor
    chosen = named or best
    return Actor(chosen.entity, "nominal") if chosen is not None else None
