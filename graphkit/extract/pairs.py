"""References back to a pair of actors told of before: "the two leaders", "both sides",
"mediated between the two sides", and the plural pronouns that stand for actors just joined
by "and" ("spoke with Tshisekedi and Kagame and urged them")."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from spacy.tokens import Span, Token

from graphkit.extract.known import ArticleIndex
from graphkit.extract.references import asserted_before, subject_keys
from graphkit.extract.syntax import clause_subjects, conjuncts, sentences_back
from graphkit.extract.tokens import climb, kids, select
from graphkit.lexicon import pair_nouns, word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How

# Plural nouns that, as "the two ..." or "both ...", name a pair told of just before, and the
# kind of pair ("" for either countries or organizations).
PAIR_NOUNS = pair_nouns()
# Plural nouns that with "the" alone ("the leaders") refer back to the pair of people just named
DEFINITE_PAIR_NOUNS = word_class("definite_pair_nouns")
# Pair nouns that may stand for the article's main dispute ("both sides")
MAIN_PAIR_NOUNS = word_class("main_pair_nouns")


def pair_reference(token: Token, index: ArticleIndex) -> list[Actor]:
    """ "The two leaders met", "called both leaders", "mediated between the two sides": the pair
    of actors the text spoke of just before (joined by "and", or the two sides of an event),
    of the kind the noun names; never the clause's own subject.

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.resolve import resolve_doc
        >>> doc = load_nlp()("Mexico and Peru signed a deal. The two countries met again.")
        >>> index = ArticleIndex.over(resolve_doc(doc))
        >>> [a.entity.name for a in pair_reference(doc[9], index)]
        ['Mexico', 'Peru']
    """
    kind = PAIR_NOUNS.get(token.lemma_.lower())
    # a plural noun, or a numeral standing alone ("the two met")
    if kind is None or token.tag_ not in ("NNS", "NNPS", "CD") or token.dep_ == "nummod":
        return []
    marks = {c.lower_ for c in kids(token, "det", "predet", "preconj", "nummod")}
    if token.tag_ == "CD":
        marks.add(token.lower_)
    # "Blinken and Wong met ... The leaders called for": "the" alone, for people just named
    bare = (
        marks == {"the"}
        and token.lemma_ in DEFINITE_PAIR_NOUNS
        and not kids(token, "amod", "compound", "prep", "poss", "acl", "relcl", "appos")
    )
    if "three" in marks and marks & {"the", "all"}:
        return _trio(token, kind, index)
    if not ("both" in marks or {"the", "two"} <= marks or bare):
        return []
    clause = climb(token, ("dobj", "pobj", "prep", "dative", "conj"))
    own: set[str] = set()
    if clause.pos_ in ("VERB", "AUX") and clause.i != token.i:
        own = subject_keys(clause, index, homes=True)
    # "the leaders", "the two": the pair of this sentence or the one before
    start = sentences_back(token, 1 if bare or token.tag_ == "CD" else 3)
    joined_pairs: list[tuple[int, Actor, Actor]] = []
    for span, actor in index.spans_between(start, token.i):  # "A and B": two actors joined
        root = span.root
        if root.dep_ == "conj":
            partner = _modifier_partner(root, index)  # "the Sudanese Armed Forces and the RSF"
            if partner is not None and partner.entity.key != actor.entity.key:
                joined_pairs.append((root.i, partner, actor))
            continue
        # every conjunct, so that "Colombia, Chile and Argentina" is no pair
        joined = [n for c in conjuncts(root)[1:] if (n := _named(c, index)) is not None]
        keys = {index.by_token[c.i].entity.key for c in joined} | {actor.entity.key}
        if len(keys) == 2 and joined[-1].i < token.i:
            joined_pairs.append((joined[-1].i, actor, index.by_token[joined[-1].i]))
    joined_pairs += _titled_pairs(index.spans_between(start, token.i))
    # "both sides", "both governments": the two sides of the article's main dispute, when two
    # or more events so far joined them; else the pair named together last, else the two
    # sides of the last event ("A called B")
    # the events told before it: those of the sentences before, and those of its own sentence
    # told before it ("hosted his counterpart ... and the two signed")
    told = asserted_before(token, index) + [
        t for t in index.told_between(token.sent.start, token.i) if t.modality == ASSERTED
    ]
    sides = [(t.pos, t.subject, t.object) for t in told if t.pos >= start]
    main = _main_dyad(token, kind, index) if token.lemma_ in MAIN_PAIR_NOUNS and not bare else []
    leaders = {e.key for e in index.leaders.values()}
    for _, a, b in (
        main
        + sorted(joined_pairs, reverse=True, key=lambda c: c[0])
        + sorted(sides, reverse=True, key=lambda c: c[0])
    ):
        pair = _pair_of_kind(a, b, kind, index)
        if token.lemma_ == "leader" and leaders and not all(p.entity.key in leaders for p in pair):
            continue  # "the two leaders" are leaders, not the ministers just named
        if pair and not {p.entity.key for p in pair} & own:
            return pair
    return []


def _trio(token: Token, kind: str, index: ArticleIndex) -> list[Actor]:
    """ "the three Baltic states", "the three countries": the three actors joined by "and" last
    (in this sentence or the three before), of the kind the noun names."""
    types = PAIR_TYPES["Person" if kind == "Person" else kind if kind == "Country" else ""]
    found: list[Actor] = []
    for span, actor in index.spans_between(sentences_back(token, 3), token.i):
        if span.root.dep_ == "conj":
            continue
        joined = [n for c in conjuncts(span.root)[1:] if (n := _named(c, index)) is not None]
        group = [actor, *(index.by_token[n.i] for n in joined)]
        if (
            len({a.entity.key for a in group}) == 3
            and joined[-1].i < token.i
            and all(a.entity.type in types for a in group)
        ):
            found = [Actor(a.entity, How.NOMINAL, a.place) for a in group]
    return found


def _named(token: Token, index: ArticleIndex) -> Token | None:
    """The token naming the actor a conjunct stands for: itself, or the name in apposition to
    it ("Bayramov and his Armenian counterpart, Ararat Mirzoyan")."""
    if token.i in index.by_token:
        return token
    return next((c for c in kids(token, "appos") if c.i in index.by_token), None)


def _modifier_partner(conj: Token, index: ArticleIndex) -> Actor | None:
    """ "the Sudanese Armed Forces and the RSF": the actor a second conjunct is joined to when the
    first names it only by a modifier of its head ("Sudanese"), the head itself being no actor;
    None when the head names an actor itself or joins more than two."""
    head = conj.head
    if head.i in index.by_token or len(kids(head, "conj")) != 1 or kids(conj, "conj"):
        return None
    for mod in kids(head, "compound", "amod", "det", "poss"):
        if mod.i in index.by_token:
            return index.by_token[mod.i]
    return None


def _titled_pairs(spans: list[tuple[Span, Actor]]) -> list[tuple[int, Actor, Actor]]:
    """ "Secretary Blinken and Foreign Minister Wong": two people joined by "and" with only the
    second one's title between them, however the parse hangs them."""
    pairs = []
    for (first, a), (second, b) in pairwise(spans):
        between = first.doc[first.end : second.start]
        if (
            len(between) >= 1
            and between[0].lower_ == "and"
            and all(t.is_title and t.pos_ == "PROPN" for t in between[1:])
            and a.entity.type == b.entity.type == "Person"
            and a.entity.key != b.entity.key
        ):
            pairs.append((second.root.i, a, b))
    return pairs


def _main_dyad(token: Token, kind: str, index: ArticleIndex) -> list[tuple[int, Actor, Actor]]:
    """The pair of actors most events told so far joined (at least two), as countries when the
    events were between their people."""
    counts: Counter[frozenset[str]] = Counter()
    pairs: dict[frozenset[str], tuple[Actor, Actor]] = {}
    for told in index.told_between(0, token.i):
        pair = _pair_of_kind(told.subject, told.object, kind, index)
        if len(pair) == 2:
            key = frozenset(p.entity.key for p in pair)
            counts[key] += 1
            pairs[key] = (pair[0], pair[1])

    # the pair joined most often; of just two joined as often, the one of more countries
    # ("Pakistan and Afghanistan" over "Pakistan and the Taliban": a dispute between states)
    def rank(key: frozenset[str]) -> tuple[int, int]:
        return counts[key], sum(p.entity.type == "Country" for p in pairs[key])

    ranked = sorted(counts, key=rank, reverse=True)[:3]
    tops = [rank(k) for k in ranked] + [(0, 0), (0, 0), (0, 0)]
    if tops[0][0] < 2 or tops[1] == tops[0] or tops[2][0] == tops[0][0]:
        return []  # no pair joined twice, two pairs alike, or three joined as often
    a, b = pairs[ranked[0]]
    return [(token.i, a, b)]


# The entity types of a pair, by the kind of pair a noun names ("" for either)
PAIR_TYPES = {"Person": {"Person"}, "Country": {"Country"}, "": {"Country", "Organization"}}


def _pair_of_kind(a: Actor, b: Actor, kind: str, index: ArticleIndex) -> list[Actor]:
    """The two actors as the kind of pair a noun names ("leaders": people; "countries": their
    countries, a leader standing for the one they lead), or [] if they are no such pair."""
    types = {a.entity.type, b.entity.type}
    if kind == "told":  # "the two": two people stay people, else as "sides"
        kind = "Person" if types == {"Person"} else ""
    if kind == "Person":
        return (
            [Actor(a.entity, How.NOMINAL), Actor(b.entity, How.NOMINAL)]
            if types == {"Person"}
            else []
        )
    if types == {"Person"}:  # the countries the two lead or serve
        ca, cb = index.affiliation.get(a.entity.key), index.affiliation.get(b.entity.key)
        if ca is None or cb is None:
            return []
        a, b, types = Actor(ca, How.NOMINAL), Actor(cb, How.NOMINAL), {"Country"}
    if not types <= PAIR_TYPES[kind] or a.entity.key == b.entity.key:
        return []
    return [Actor(a.entity, How.NOMINAL, a.place), Actor(b.entity, How.NOMINAL, b.place)]


def plural_antecedents(token: Token, actor: Actor, index: ArticleIndex) -> list[Actor] | None:
    """ "spoke with both Tshisekedi and Kagame and urged them", "Araghchi and Witkoff negotiated
    ... as Albusaidi shuttled between them": a plural pronoun stands for the actors just joined
    by "and" (in this sentence or the one before) when they come after its single antecedent;
    when it stands for its own clause's subjects, the speakers of the clause reporting it ("Burkina
    Faso and Niger said they were recalling their ambassadors"; None when none of them is named)."""
    if token.lower_ not in ("them", "they", "their"):
        return []
    own: set[int] = set()  # the subjects of its clause and of the ones reporting it
    subjects_group: list[Actor] = []
    speakers: dict[str, Actor] = {}  # those of the clause that reports the others
    for clause in select(token.ancestors, pos=("VERB", "AUX")):
        subjects = clause_subjects(clause)
        own |= {t.i for subject in subjects for t in subject.subtree}
        group = [
            index.by_token[t.i]
            for subject in subjects
            for t in conjuncts(subject)
            if t.i in index.by_token
        ]
        subjects_group += group
        if clause.dep_ not in ("ccomp", "xcomp", "conj"):
            for a in group:
                speakers.setdefault(a.entity.key, Actor(a.entity, How.PRONOUN, a.place))
            break
    if len({a.entity.key for a in subjects_group}) >= 2 and any(
        a.entity.key == actor.entity.key for a in subjects_group
    ):
        return list(speakers.values()) or None
    start = sentences_back(token, 1)
    latest_single = max(
        (
            sp.start
            for sp, a in index.spans_between(0, token.i)
            if a.entity.key == actor.entity.key and sp.root.i not in own
        ),
        default=-1,
    )
    best: list[Actor] = []
    best_at = latest_single
    for span, first in index.spans_between(start, token.i):
        root = span.root
        if root.dep_ == "conj" or root.i in own:
            continue
        joined = [c for c in kids(root, "conj") if c.i in index.by_token and c.i < token.i]
        group = [first, *(index.by_token[c.i] for c in joined)]
        keys = {a.entity.key for a in group}
        persons = {a.entity.type == "Person" for a in group}
        if len(keys) >= 2 and len(persons) == 1 and joined[-1].i >= latest_single:
            best = [Actor(a.entity, How.PRONOUN, a.place) for a in group]
            best_at = joined[-1].i
    # "met both delegations ... urged them": the pair a pair noun of its sentence referred to
    for noun in index.doc[token.sent.start : token.i]:
        if noun.i <= best_at or noun.lemma_.lower() not in PAIR_NOUNS:
            continue
        if noun.i not in own or noun.dep_ in ("dobj", "pobj", "dative"):
            pair = pair_reference(noun, index)  # the object of a clause inside the subject
            if pair:
                best = [Actor(a.entity, How.PRONOUN, a.place) for a in pair]
                best_at = noun.i
    return best
