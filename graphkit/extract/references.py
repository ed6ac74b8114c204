"""References back to actors told of before: the doer of an act a noun refers to ("the move"),
the accuser a denial answers, a collective a plural pronoun refers to, a state body or
described official ("the ministry", "the Iranian diplomat"). Pairs ("the two sides", "them")
are in pairs.py."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.collectives import collectives, is_collective
from graphkit.extract.known import ArticleIndex, Told
from graphkit.extract.syntax import (
    BEFORE,
    clause_subjects,
    opening_end,
    sentences_back,
)
from graphkit.extract.title_phrases import title_before
from graphkit.extract.tokens import children, climb, kids, matches, select
from graphkit.lexicon import actor_nouns, word_class
from graphkit.records import ASSERTED
from graphkit.resolve import Actor, How

# What one denies having had in an act ("denied any role"), answering whoever blamed them.
DENIED_NOUNS = word_class("denied_nouns")
DENIED_ROLE = {"lemma_": DENIED_NOUNS, "dep_": {"dobj"}}  # "denied any role"
# Nouns that refer back to whatever act was just told of ("called the move a disgrace").
GENERIC_EVENT_NOUNS = word_class("generic_event_nouns")
ISSUED_NOUNS = word_class("issued_nouns")
# How a noun hangs on the verb whose subject made it ("announced a plan", "in a statement")
HELD_DEPS = ("dobj", "pobj", "prep")
MATTER_PREPS = word_class("matter_preps")


def subject_keys(verb: Token, index: ArticleIndex, *, homes: bool = False) -> set[str]:
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
    own = subject_keys(verb, index)
    blamers = [
        t.subject
        for t in index.told_between(sentences_back(token, 2), token.i)
        if t.relation in ("accused", "criticized") and t.subject.entity.key not in own
    ]
    return [Actor(a.entity, How.NOMINAL, a.place) for a in blamers[-1:]]


def doer_of(token: Token, index: ArticleIndex, depth: int) -> list[Actor]:
    """ "North Korea test-fired a missile ... Yoon condemned the test": the subject of the verb
    the noun names, told in this sentence, the two before or the article's opening lines;
    "called the move a disgrace": whoever did the latest act told just before."""
    from graphkit.extract.args import actors_for

    if (
        token.pos_ != "NOUN"
        or depth > 0
        or not any(c.lower_ in DEFINITE_DETERMINERS for c in children(token))
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
    if kids(token, "prep", words=MATTER_PREPS):
        return []  # "the decision on accession talks": a matter of its own, not the act just told
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
    return next((found for found in doers if found), []) or _named_before(token, index, start)


def _named_before(token: Token, index: ArticleIndex, start: int) -> list[Actor]:
    """ "In a statement, Mnuchin said ... Addis Ababa rejected the statement", "Russia announced
    a plan ... Ukraine rejected the plan": the latest earlier mention of the same noun, in this
    sentence or the two before, says whose it is: its owner, else the subject of the clause
    that named it."""
    from graphkit.extract.args import actors_for, owners_of

    if token.lemma_ not in ISSUED_NOUNS:
        return []
    for earlier in reversed(token.doc[start : token.i]):
        if earlier.lemma_ != token.lemma_ or earlier.pos_ != "NOUN":
            continue
        owners = owners_of(earlier, index)
        if owners:
            return owners
        verb = climb(earlier, HELD_DEPS)
        if verb.pos_ != "VERB":
            return []
        return [a for t in clause_subjects(verb) for a in actors_for(t, index, depth=1)]
    return []


def _sums_up(token: Token) -> bool:
    """ "Mexico granted him asylum, a decision Quito rejected": an indefinite noun after a comma,
    with a clause of its own, that sums up the clause before it."""
    doc = token.doc
    dets = kids(token, "det", words=("a", "an"))
    return (
        bool(dets)
        and dets[0].i > token.sent.start
        and doc[dets[0].i - 1].text == ","
        and bool(kids(token, "relcl"))
    )


def _hyphen_prefix(verb: Token) -> str:
    """The lemma of the word a hyphen joins to the verb ("test" in "test-fired"), or ""."""
    before = verb.doc[max(verb.i - 2, 0) : verb.i]
    return before[0].lemma_ if len(before) == 2 and before[1].text == "-" else ""


def asserted_before(token: Token, index: ArticleIndex) -> list[Told]:
    """The asserted events of the sentences before the token's own."""
    return [t for t in index.told_between(0, token.sent.start) if t.modality == ASSERTED]


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


PLURAL_PRONOUNS = word_class("plural_pronouns")
DEFINITE_DETERMINERS = word_class("definite_determiners")
GENERIC_ORG_WORDS = word_class("generic_org_words")
STATE_BODY_NOUNS = actor_nouns("state_body")
SEAT_PREPS = frozenset({"in"})


def _same_body(token: Token, index: ArticleIndex) -> Actor | None:
    """ "the army" after "Congolese army positions" (in this sentence or the three before): the
    country whose army was named."""
    if token.lemma_ not in STATE_BODY_NOUNS or kids(token, "amod", "compound", "poss"):
        return None
    # "the government in Addis Ababa": the country it sits in, whatever body was named before
    after = token.doc[token.i + 1 : token.i + 2]  # right after it, wherever the parse hung it
    preps = kids(token, "prep", words=SEAT_PREPS) + [
        t for t in after if t.dep_ == "prep" and t.lower_ in SEAT_PREPS
    ]
    seats = [
        a
        for p in preps
        for o in kids(p, "pobj")
        if (a := index.actor_typed(o, ("Country",))) is not None
    ]
    if seats:
        return Actor(seats[0].entity, How.METONYMY)
    for earlier in reversed(token.doc[sentences_back(token, 3) : token.i]):
        if earlier.lemma_ != token.lemma_:
            continue
        mods = list(children(earlier))
        if earlier.dep_ == "compound":  # "Congolese army positions": the demonym is on "positions"
            mods += select(children(earlier.head), side=BEFORE, head=earlier)
        named = [
            a
            for mod in select(mods, ("amod", "compound", "poss", "nmod"))
            if (a := index.actor_typed(mod, ("Country",))) is not None
        ]
        if named:
            return Actor(named[0].entity, How.NOMINAL)
    return None


NEIGHBOUR_NOUNS = word_class("neighbour_nouns")


def _neighbour(token: Token, index: ArticleIndex) -> Actor | None:
    """ "Nigeria cut electricity supplies to its northern neighbor": the country last named
    before it (in this sentence or the three before) that is not its owner's."""
    owners = [a for p in kids(token, "poss") if (a := index.actor_at(p)) is not None]
    if token.tag_ != "NN" or not owners or owners[0].entity.type != "Country":
        return None
    earlier = index.spans_between(sentences_back(token, 3), token.i)
    others = [a for _, a in earlier if a.entity.type == "Country" and a.entity != owners[0].entity]
    return Actor(others[-1].entity, How.NOMINAL) if others else None


def nominal_referent(token: Token, index: ArticleIndex) -> Actor | None:
    """ "the council" / "the alliance": the last organization named with that word; "the army":
    the country whose army was just named."""
    if token.lemma_ in NEIGHBOUR_NOUNS:
        return _neighbour(token, index)
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in children(token)):
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
        if near and token.lemma_ in GENERIC_EVENT_NOUNS and _sums_up(token):
            # "Mexico granted him asylum, a decision Quito rejected": the act of the clause it
            # hangs on, else the last act told before it in its sentence
            told = [
                t for t in index.told_between(token.sent.start, token.i) if t.modality == ASSERTED
            ]
            verb = next((t.i for t in token.ancestors if t.pos_ in ("VERB", "AUX")), -1)
            acts = [t.subject for t in told if t.pos == verb] or [t.subject for t in told]
            return Actor(acts[-1].entity, How.NOMINAL) if acts else None
        return None
    earliest = sentences_back(token, 1 if near else 5)
    if index.opening < 0:
        index.opening = opening_end(token.doc)
    # the acts of this sentence and the ones just before, else of the article's opening
    agents = [t.subject for t in index.told_between(earliest, token.i) if t.relation in relations]
    if not agents and not near:
        told = index.told_between(0, min(index.opening, earliest))
        agents = [t.subject for t in told if t.relation in relations][:1]
    # "welcomed the U.S. sanctions": of those acts, the ones of the actor the noun names
    own = {a.entity.key for c in kids(token, "compound") if (a := index.actor_at(c))}
    agents = [a for a in agents if a.entity.key in own] or agents
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


def titled_referent(token: Token, index: ArticleIndex) -> Actor | None:
    """ "Deputy Secretary John Sullivan met ... The Deputy Secretary commended ...", "The
    Secretary underscored ...": a capitalized title with "the" alone refers back to the last
    person named with that title (its words opening the title they were named with)."""
    if not token.is_title or token.i in index.by_token or token.pos_ not in ("NOUN", "PROPN"):
        return None
    if [c.lower_ for c in children(token) if c.i < token.i and c.dep_ == "det"] != ["the"]:
        return None
    if kids(token, "poss", "prep", "appos", "amod"):
        return None  # "the President of Angola", "the Angolan President": told there
    words = [c for c in kids(token, "compound") if c.i < token.i and c.is_title]
    bare = " ".join(w.lower_ for w in [*words, token])
    if index.lex.title_relation(bare) is None:
        return None
    for span, actor in reversed(index.spans_between(0, token.sent.start)):
        found = title_before(span, index.lex) if actor.entity.type == "Person" else None
        if found is not None and _opens_title(span, found[1], bare, index):
            return Actor(actor.entity, How.NOMINAL)
    return None


def _opens_title(span: Span, lo: int, bare: str, index: ArticleIndex) -> bool:
    """Whether the title before a name, from its first word ("Deputy Secretary of State"),
    opens with the words of a bare title ("the Deputy Secretary"; "the President" is no "Vice
    President")."""
    doc = span.doc
    for start in range(max(lo - 2, span.sent.start), lo + 1):
        if start > span.sent.start and doc[start - 1].lower_ in index.lex.title_words:
            continue
        if f"{doc[start : span.start].text.lower()} ".startswith(f"{bare} "):
            return True
    return False
