"""References back to actors told of before: pairs ("the two sides"), plural pronouns, the
doer of an act a noun refers to ("the move"), the accuser a denial answers."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from spacy.tokens import Span, Token

from graphkit.extract.collectives import collectives, is_collective
from graphkit.extract.known import ArticleIndex, Told
from graphkit.extract.syntax import (
    BEFORE,
    clause_subjects,
    conjuncts,
    opening_end,
    sentences_back,
)
from graphkit.extract.tokens import climb, kids, matches, select
from graphkit.lexicon import actor_nouns, pair_nouns, word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How

# Plural nouns that, as "the two ..." or "both ...", name a pair told of just before, and the
# kind of pair ("" for either countries or organizations).
PAIR_NOUNS = pair_nouns()
# What one denies having had in an act ("denied any role"), answering whoever blamed them.
DENIED_NOUNS = word_class("denied_nouns")
# Plural nouns that with "the" alone ("the leaders") refer back to the pair of people just named
DEFINITE_PAIR_NOUNS = word_class("definite_pair_nouns")
DENIED_ROLE = {"lemma_": DENIED_NOUNS, "dep_": {"dobj"}}  # "denied any role"
# Nouns that refer back to whatever act was just told of ("called the move a disgrace").
GENERIC_EVENT_NOUNS = word_class("generic_event_nouns")


def _subject_keys(verb: Token, index: ArticleIndex, *, homes: bool = False) -> set[str]:
    """The keys of the actors a verb's subjects stand for (with ``homes``, and of the countries
    those people lead or serve)."""
    from graphkit.extract.args import actors_for

    actors = [a.entity for t in clause_subjects(verb) for a in actors_for(t, index, depth=3)]
    if homes:
        actors += [index.affiliation[e.key] for e in actors if e.key in index.affiliation]
    return {e.key for e in actors}


def denied_accuser(token: Token, index: ArticleIndex) -> list[Actor]:
    """ "New Delhi blamed the massacre on militants ... Islamabad denied any role": a denied role
    answers whoever blamed someone in this sentence or the two before."""
    if not matches(token, DENIED_ROLE):
        return []
    verb = token.head
    if not any(c.relation == "rejected" for c in index.lex.verb_cues.get(verb.lemma_.lower(), ())):
        return []
    own = _subject_keys(verb, index)
    blamers = [
        t.subject
        for t in index.told_between(sentences_back(token, 2), token.i)
        if t.relation in ("accused", "criticized") and t.subject.entity.key not in own
    ]
    return [Actor(a.entity, How.NOMINAL, a.place) for a in blamers[-1:]]


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
    if kind is None or token.tag_ not in ("NNS", "NNPS"):
        return []
    marks = {c.lower_ for c in kids(token, "det", "predet", "preconj", "nummod")}
    # "Blinken and Wong met ... The leaders called for": "the" alone, for people just named
    bare = (
        marks == {"the"}
        and token.lemma_ in DEFINITE_PAIR_NOUNS
        and not kids(token, "amod", "compound", "prep", "poss", "acl", "relcl", "appos")
    )
    if not ("both" in marks or {"the", "two"} <= marks or bare):
        return []
    clause = climb(token, ("dobj", "pobj", "prep", "dative", "conj"))
    own: set[str] = set()
    if clause.pos_ in ("VERB", "AUX") and clause.i != token.i:
        own = _subject_keys(clause, index, homes=True)
    start = sentences_back(token, 1 if bare else 3)
    joined_pairs: list[tuple[int, Actor, Actor]] = []
    for span, actor in index.spans_between(start, token.i):  # "A and B": two actors joined
        root = span.root
        if root.dep_ == "conj":
            partner = _modifier_partner(root, index)  # "the Sudanese Armed Forces and the RSF"
            if partner is not None and partner.entity.key != actor.entity.key:
                joined_pairs.append((root.i, partner, actor))
            continue
        # every conjunct, so that "Colombia, Chile and Argentina" is no pair
        joined = [c for c in conjuncts(root)[1:] if c.i in index.by_token]
        keys = {index.by_token[c.i].entity.key for c in joined} | {actor.entity.key}
        if len(keys) == 2 and joined[-1].i < token.i:
            joined_pairs.append((joined[-1].i, actor, index.by_token[joined[-1].i]))
    joined_pairs += _titled_pairs(index.spans_between(start, token.i))
    # "both sides", "both governments": the two sides of the article's main dispute, when two
    # or more events so far joined them; else the pair named together last, else the two
    # sides of the last event ("A called B")
    sides = [(t.pos, t.subject, t.object) for t in asserted_before(token, index) if t.pos >= start]
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


def doer_of(token: Token, index: ArticleIndex, depth: int) -> list[Actor]:
    """ "North Korea test-fired a missile ... Yoon condemned the test": the subject of the verb
    the noun names, told in this sentence, the two before or the article's opening lines;
    "called the move a disgrace": whoever did the latest act told just before."""
    from graphkit.extract.args import actors_for

    if (
        token.pos_ != "NOUN"
        or depth > 0
        or not any(c.lower_ in DEFINITE_DETERMINERS for c in token.children)
    ):
        return []
    doc = token.doc
    start = sentences_back(token, 2)
    if index.opening < 0:
        index.opening = opening_end(doc)
    opening = range(0, min(index.opening, start))
    relations = index.lex.noun_relations.get(token.lemma_) or index.lex.noun_relations.get(
        token.lower_
    )
    if relations and kids(token, "poss", "compound", "amod", "prep"):
        return []  # it has its own agent rule ("Turkey's strike", "the strike by Turkey")
    if relations or token.lemma_ in GENERIC_EVENT_NOUNS:
        # an event noun with no agent of its own ("Baghdad criticized the strike", "called the
        # move a disgrace"): whoever did the latest such act (any act, for a generic noun) told
        # just before, or in the article's opening
        earlier = [
            t for t in asserted_before(token, index) if not relations or t.relation in relations
        ]
        latest = [t.subject for t in earlier if t.pos >= start]
        first = [t.subject for t in earlier if t.pos in opening]
        return latest[-1:] or first[:1]
    verbs = [*reversed(doc[start : token.i]), *(doc[i] for i in reversed(opening))]
    doers = (
        [a for t in clause_subjects(verb) for a in actors_for(t, index, depth=depth + 1)]
        for verb in select(verbs, pos=("VERB",))
        if token.lemma_ in (verb.lemma_, _hyphen_prefix(verb))
    )
    return next((found for found in doers if found), [])


def _hyphen_prefix(verb: Token) -> str:
    """The lemma of the word a hyphen joins to the verb ("test" in "test-fired"), or ""."""
    before = verb.doc[max(verb.i - 2, 0) : verb.i]
    return before[0].lemma_ if len(before) == 2 and before[1].text == "-" else ""


def asserted_before(token: Token, index: ArticleIndex) -> list[Told]:
    """The asserted events of the sentences before the token's own."""
    return [t for t in index.told_between(0, token.sent.start) if t.modality == ASSERTED]


def plural_antecedents(token: Token, actor: Actor, index: ArticleIndex) -> list[Actor] | None:
    """ "spoke with both Tshisekedi and Kagame and urged them", "Araghchi and Witkoff negotiated
    ... as Albusaidi shuttled between them": a plural pronoun stands for the actors just joined
    by "and" (in this sentence or the one before) when they come after its single antecedent;
    never for its own clause's subjects (None when it stands for them: "Britain, France and
    Germany warned they could ...")."""
    if token.lower_ not in ("them", "they", "their"):
        return []
    own: set[int] = set()  # the subjects of its clause and of the ones reporting it
    subjects_group: list[Actor] = []
    for clause in select(token.ancestors, pos=("VERB", "AUX")):
        subjects = clause_subjects(clause)
        own |= {t.i for subject in subjects for t in subject.subtree}
        subjects_group += [
            index.by_token[t.i]
            for subject in subjects
            for t in conjuncts(subject)
            if t.i in index.by_token
        ]
        if clause.dep_ not in ("ccomp", "xcomp", "conj"):
            break
    if len({a.entity.key for a in subjects_group}) >= 2 and any(
        a.entity.key == actor.entity.key for a in subjects_group
    ):
        return None
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


def collective_antecedent(token: Token, actor: Actor, index: ArticleIndex) -> Actor | None:
    """ "The Fijian rebels said they ...": a plural pronoun refers to the collective, not its
    country."""
    if token.lower_ not in PLURAL_PRONOUNS:
        return None
    named = [sp for sp, a in index.spans_between(0, token.i) if a.entity.key == actor.entity.key]
    if not named:
        return None
    span = named[-1]
    mods = [
        t
        for t in select(span, ("amod", "compound", "nmod"))
        if t.head.i not in range(span.start, span.end)
    ]
    found = collectives(mods[0].head, index) if mods else []
    return Actor(found[0].entity, How.PRONOUN) if found else None


MAIN_PAIR_NOUNS = word_class("main_pair_nouns")
PLURAL_PRONOUNS = word_class("plural_pronouns")
DEFINITE_DETERMINERS = word_class("definite_determiners")
GENERIC_ORG_WORDS = word_class("generic_org_words")
STATE_BODY_NOUNS = actor_nouns("state_body")


def _same_body(token: Token, index: ArticleIndex) -> Actor | None:
    """ "the army" after "Congolese army positions" (in this sentence or the three before): the
    country whose army was named."""
    if token.lemma_ not in STATE_BODY_NOUNS or kids(token, "amod", "compound", "poss"):
        return None
    for earlier in reversed(token.doc[sentences_back(token, 3) : token.i]):
        if earlier.lemma_ != token.lemma_:
            continue
        mods = list(earlier.children)
        if earlier.dep_ == "compound":  # "Congolese army positions": the demonym is on "positions"
            mods += select(earlier.head.children, side=BEFORE, head=earlier)
        named = [
            a
            for mod in select(mods, ("amod", "compound", "poss", "nmod"))
            if (a := index.actor_typed(mod, ("Country",))) is not None
        ]
        if named:
            return Actor(named[0].entity, How.NOMINAL)
    return None


def nominal_referent(token: Token, index: ArticleIndex) -> Actor | None:
    """ "the council" / "the alliance": the last organization named with that word; "the army":
    the country whose army was just named."""
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
        return None
    body = _same_body(token, index)
    if body is not None:
        return body
    word = token.lower_
    best = None
    counts: dict[str, tuple[int, int, Actor]] = {}  # key -> (mentions, last position, actor)
    for span, actor in index.spans:
        if span.start >= token.i:
            break
        if actor.entity.type != "Organization" or is_collective(actor.entity):
            continue
        seen = counts.get(actor.entity.key, (0, 0, actor))[0]
        counts[actor.entity.key] = (seen + 1, span.start, actor)
        names = [actor.entity.name, *actor.entity.aliases, span.text]
        if any(word in name.lower().split() for name in names):
            best = actor
    if best is None and word in GENERIC_ORG_WORDS and counts:
        # "the bloc", "the alliance": the organization named most so far, the latest of equals
        best = max(counts.values(), key=lambda c: (c[0], c[1]))[2]
    return Actor(best.entity, How.NOMINAL) if best is not None else None


def event_agent(token: Token, index: ArticleIndex, *, near: bool = False) -> Actor | None:
    """ "condemned the attack": the actor of the latest event of that kind named before (with
    ``near``, in this sentence or the one before)."""
    named = index.lex.noun_relations
    relations = named.get(token.lemma_.lower()) or named.get(token.lower_)
    if not relations:
        return None
    earliest = sentences_back(token, 1) if near else 0
    agents = [t.subject for t in index.told_between(earliest, token.i) if t.relation in relations]
    return Actor(agents[-1].entity, How.NOMINAL) if agents else None


def _holds_no_office(actor: Actor, index: ArticleIndex) -> bool:
    return actor.entity.key not in index.affiliation  # an officeholder is no kingpin


def _armed_group(actor: Actor, index: ArticleIndex) -> bool:
    org = index.lex.organization(actor.entity.name)
    return org is not None and org.kind == "armed group"


# What a described noun refers back to: how many sentences back, the entity type, and the test
# the actor must pass ("the accused kingpin": a person holding no office; "the resistance
# group": an armed group)
DESCRIBED = {
    **{w: (3, "Organization", _armed_group) for w in word_class("described_group_nouns")},
    **{w: (2, "Person", _holds_no_office) for w in word_class("described_person_nouns")},
}


def described_referent(token: Token, index: ArticleIndex) -> Actor | None:
    """ "Mexico extradited the accused kingpin": the last person named (holding no office) in
    this sentence or the two before; "the Palestinian resistance group": the armed group named
    last in this sentence or the three before."""
    if not kids(token, "det", words=("the",)):
        return None
    if any(
        index.actor_typed(c, ("Organization", "Person")) is not None
        for c in kids(token, "compound", "poss", "nmod")
    ):
        return None  # "the Hamas movement", "the cartel's kingpin": named by their modifier
    described = DESCRIBED.get(token.lemma_)
    if described is None:
        return None
    back, wanted, fits = described
    found = [
        actor
        for _span, actor in index.spans_between(sentences_back(token, back), token.i)
        if actor.entity.type == wanted and actor.how != How.PRONOUN and fits(actor, index)
    ]
    return Actor(found[-1].entity, How.NOMINAL, found[-1].place) if found else None
