"""Finding the actors behind a cue's arguments in the dependency parse.

An argument token can name an actor (inside a resolved mention), refer to one (a pronoun),
or be a common noun that stands for a country through its modifiers ("23 Russian diplomats",
"the ambassadors of Britain, France and Germany", "Colombian troops"). Coordination
("sanctioned A and B") gives several actors.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from graphkit.lexicon import actor_nouns, pair_nouns, word_class, word_tuple
from graphkit.records import ASSERTED, Entity
from graphkit.resolve import Actor, How, MentionIndex, Told, is_dateline, span_name

# Common nouns that act for the country or organization modifying them.
AGENT_NOUNS = actor_nouns("agent")


# Nouns for people or parties related to their possessor, not standing for it ("his daughter",
# "Washington's closest partners").
RELATIONAL_NOUNS = word_class("relational_nouns")


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C")."""
    out = [token]
    stack = [token]
    seen: set[int] = {token.i}
    dropped: set[int] = set()
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ != "conj" or child.i in seen:
                continue
            seen.add(child.i)
            stack.append(child)
            name_end = _name_end_after_and(tok, child)
            if name_end is None:
                out.append(child)
            elif child.i > name_end:
                # "St. Vincent and the Grenadines Prime Minister Ralph Gonsalves": the name
                # is a title of the one after it
                dropped.add(tok.i)
                out.append(child)
            # else "Trinidad and Tobago": the second part of one name
    return [t for t in out if t.i not in dropped]


def _name_end_after_and(head: Token, conj: Token) -> int | None:
    """Where the name ends whose own "and" stands between ``head`` and ``conj``, if one does."""
    doc = head.doc
    for cc in head.children:
        if cc.dep_ == "cc" and cc.ent_iob_ == "I" and head.i < cc.i < conj.i:
            end = cc.i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            return end
    return None


# Nouns for groups of people that act for the country they are "of" or "in", or that modifies them.
GROUP_NOUNS = actor_nouns("group")


GENERIC_ORG_WORDS = word_class("generic_org_words")
ADMIN_NOUNS = word_class("admin_nouns")
ORG_HEADS = word_class("org_heads")
# Plural nouns that, as "the two ..." or "both ...", name a pair told of just before, and the
# kind of pair ("" for either countries or organizations).
PAIR_NOUNS = pair_nouns()
# What one denies having had in an act ("denied any role"), answering whoever blamed them.
DENIED_NOUNS = word_class("denied_nouns")
# Nouns that refer back to whatever act was just told of ("called the move a disgrace").
GENERIC_EVENT_NOUNS = word_class("generic_event_nouns")
LEADER_NOUNS = word_class("leader_nouns")
NON_STATE_GROUPS = actor_nouns("non_state")
# Collectives that are actors of their own, not their state: armed groups, civil groups, the
# people an event befalls ("Sudanese rebels", "Palestinian refugees", "Kurdish protesters").
COLLECTIVE_NOUNS = actor_nouns("collective")
COLLECTIVE_PREPS = word_tuple("collective_preps")


def _of_objects(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "like"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "as" and any(c.lower_ == "such" for c in child.children):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


# events whose possessor, with no "of" phrase, is the one they befall: "his arrest", "her release"
PATIENT_NOUNS = word_class("patient_nouns")


def _undergoes(token: Token) -> bool:
    return token.lemma_ in PATIENT_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


STATE_BODY_NOUNS = actor_nouns("state_body")


def _same_body(token: Token, index: MentionIndex) -> Actor | None:
    """"the army" after "Congolese army positions" (in this sentence or the three before): the
    country whose army was named."""
    if token.lemma_ not in STATE_BODY_NOUNS or any(c.dep_ in ("amod", "compound", "poss") for c in token.children):
        return None
    for earlier in reversed(token.doc[sentences_back(token, 3) : token.i]):
        if earlier.lemma_ != token.lemma_:
            continue
        mods = list(earlier.children)
        if earlier.dep_ == "compound":  # "Congolese army positions": the demonym hangs on "positions"
            mods += [c for c in earlier.head.children if c.i < earlier.i]
        for mod in mods:
            named = index.actor_at(mod) if mod.dep_ in ("amod", "compound", "poss", "nmod") else None
            if named is not None and named.entity.type == "Country":
                return Actor(named.entity, How.NOMINAL)
    return None


def _nominal(token: Token, index: MentionIndex) -> Actor | None:
    """"the council" / "the alliance": the last organization named with that word; "the army":
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
        if actor.entity.type != "Organization" or ("kind", "group") in actor.entity.ids:
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


def event_agent(token: Token, index: MentionIndex, *, near: bool = False) -> Actor | None:
    """"condemned the attack": the actor of the latest event of that kind named before (with
    ``near``, in this sentence or the one before)."""
    named = index.lex.noun_relations
    relations = named.get(token.lemma_.lower()) or named.get(token.lower_)
    if not relations:
        return None
    best = None
    earliest = sentences_back(token, 1) if near else 0
    for told in index.told:
        if earliest <= told.pos < token.i and told.relation in relations:
            best = told.subject
    return Actor(best.entity, How.NOMINAL) if best is not None else None


def actors_for(token: Token, index: MentionIndex, *, depth: int = 0, events: bool = False) -> list[Actor]:
    """The actors one argument token stands for (several for "the ambassadors of A, B and C").

    With ``events``, a noun naming an earlier event ("condemned the attack") stands for the
    actor of that event. "Six Indian diplomats, including the high commissioner, X" stands for
    India and X.
    """
    found = _actors_for(token, index, depth=depth, events=events)
    if token.pos_ in ("NOUN", "PROPN"):
        for pobj in (p for c in token.children if c.dep_ == "prep" and c.lower_ == "including" for p in c.children if p.dep_ == "pobj"):
            for actor in (a for c in conjuncts(pobj) for a in actors_for(c, index, depth=depth + 1, events=events)):
                if all(actor.entity.key != f.entity.key for f in found):
                    found.append(actor)
    return found


def _actors_for(token: Token, index: MentionIndex, *, depth: int = 0, events: bool = False) -> list[Actor]:
    people = peoples(token, index)
    if people:
        return people
    pair = pair_reference(token, index)
    if pair:
        return pair
    if token.lower_ in RELATIVE_PRONOUNS and token.dep_ in ("dobj", "nsubjpass", "pobj") and depth == 0:
        clause = token.head if token.dep_ != "pobj" else token.head.head
        if clause.dep_ == "relcl":  # "the Emirates, which U.N. experts accused of ...": the Emirates
            return actors_for(clause.head, index, depth=depth + 1, events=events)
    actor = index.actor_at(token)
    if actor is not None:
        if actor.how == How.PRONOUN:
            group = collective_antecedent(token, actor, index)
            if group is not None:
                return [group]
            plural = plural_antecedents(token, actor, index)
            if plural is None:
                return []  # "A and B warned they could ...": the speakers themselves
            return plural or [actor]
        return [actor]
    if depth > 2 or token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return []
    # "Russia's envoy, Vassily Nebenzia, dismissed": the person in apposition
    for child in token.children:
        if child.dep_ == "appos":
            # "a senior Rwandan army officer, Brig. Gen. Andrew Nyamvumba": the rank is parsed as the head
            for inner in (index.actor_at(t) for t in (child.subtree if token.tag_ == "NN" else [child])):
                if inner is not None and inner.entity.type == "Person":
                    return [inner]
    # "thousands of Colombians", "the ambassadors of Britain, France and Germany", "forums like CELAC"
    of_objects = _of_objects(token)
    if of_objects and (
        token.lower_ in AGENT_NOUNS
        or token.lemma_ in AGENT_NOUNS
        or (token.pos_ == "NUM" and any(index.actor_at(p) is not None for p in of_objects))
        or token.lemma_ in OF_PHRASE_HEADS
    ):
        found = [a for pobj in of_objects for c in conjuncts(pobj) for a in actors_for(c, index, depth=depth + 1)]
        if found:
            return found
    # "the Colombian president", "Iran's leader": the leader this article named
    if token.lemma_ in LEADER_NOUNS and token.tag_ in ("NN", "NNP"):  # "Chinese leaders" are China
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss"):
                inner = index.actor_at(child)
                if inner is not None and inner.entity.key in index.leaders:
                    return [Actor(index.leaders[inner.entity.key], How.NOMINAL)]
    # "Russian diplomats", "U.S. officials", "Iran's armed forces", "London's case",
    if token.lemma_ == "counterpart":
        # "his Indian counterpart": India's official, whoever "his" is
        for child in token.children:
            named = index.actor_at(child) if child.dep_ in ("amod", "compound") else None
            if named is not None and named.entity.type == "Country":
                return [Actor(named.entity, How.METONYMY, named.place)]
    # "Hungarian and Romanian officials" (both)
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            inner = index.actor_at(child)
            if inner is None or inner.entity.type not in ("Country", "Organization", "Person"):
                continue
            if token.lower_ in RELATIONAL_NOUNS or token.lemma_ in RELATIONAL_NOUNS:
                continue
            if child.dep_ == "poss" and inner.entity.type == "Person" and _undergoes(token):
                continue  # "condemned his detention": he was detained, someone else detained him
            if token.lemma_ in ORG_HEADS and child.dep_ in ("compound", "nmod") and inner.entity.type == "Organization":
                return [inner]  # "the Islamic Jihad movement" is Islamic Jihad
            agent_compound = any(c.dep_ == "compound" and c.lower_ in AGENT_NOUNS for c in token.children)
            if child.dep_ == "poss" or token.lower_ in AGENT_NOUNS or token.lemma_ in AGENT_NOUNS or agent_compound:
                owners: list[Actor] = []
                for mod in conjuncts(child):
                    named = index.actor_at(mod)
                    if named is not None and named.entity.type == "Person" and token.lemma_ in ADMIN_NOUNS and (mod.dep_ == "compound" or (mod.dep_ == "poss" and mod.pos_ == "PROPN")):
                        # "the Biden administration", "Modi's government": the government he
                        # leads, if the article says which (else he stands for it)
                        country = index.affiliation.get(named.entity.key)
                        owners.append(Actor(country, How.METONYMY) if country is not None else Actor(named.entity, How.METONYMY))
                        continue
                    if named is not None and named.entity.type in ("Country", "Organization", "Person"):
                        how = named.how if named.how in (How.PRONOUN, How.DEMONYM) else How.METONYMY
                        owners.append(Actor(named.entity, how, named.place))
                return owners
    collective = collectives(token, index)
    if collective:
        return collective
    # "Sudanese rebels", "Iraqi towns", "opposition groups in Zimbabwe"
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ == "led":
            # "Vietnamese-led forces", "a Saudi-led coalition": the leader acts ("-backed" does not)
            leaders = [index.actor_at(c) for c in child.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")]
            found = [Actor(a.entity, How.METONYMY, a.place) for a in leaders if a is not None and a.entity.type == "Country"]
            if found:
                return found
    if token.lower_ in GROUP_NOUNS or token.lemma_ in GROUP_NOUNS or token.lemma_ in AGENT_NOUNS:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                mods = [index.actor_at(m) for m in conjuncts(child)]
                found = [
                    Actor(m.entity, How.METONYMY, m.place)
                    for m in mods
                    if m is not None and m.entity.type in ("Country", "Organization")
                ]
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in GROUP_PLACE_PREPS:
                for pobj in child.children:
                    inner = index.actor_at(pobj)
                    if inner is not None and inner.entity.type in ("Country", "Organization"):
                        return [Actor(inner.entity, How.METONYMY, inner.place)]
        # "Darfur rebels": a non-state group named after a region is an actor of its own
        if token.lower_ in NON_STATE_GROUPS or token.lemma_ in NON_STATE_GROUPS:
            for child in token.children:
                inner = index.actor_at(child) if child.dep_ in ("compound", "amod", "nmod") else None
                if inner is not None and inner.entity.type == "Place":
                    name = f"{inner.entity.name} {token.text}"
                    return [Actor(Entity("Organization", name), How.NOMINAL)]
    nominal = _nominal(token, index)
    if nominal is not None:
        return [nominal]
    agent = event_agent(token, index) if events else None
    if agent is not None:
        return [agent]
    accuser = _accuser(token, index) if events else []
    if accuser:
        return accuser
    if events:
        return owners_of(token, index) or _doer_of(token, index, depth)
    return []


def _accuser(token: Token, index: MentionIndex) -> list[Actor]:
    """"New Delhi blamed the massacre on militants ... Islamabad denied any role": a denied role
    answers whoever blamed someone in this sentence or the two before."""
    if token.lemma_ not in DENIED_NOUNS or token.dep_ != "dobj":
        return []
    verb = token.head
    if not any(c.relation == "rejected" for c in index.lex.verb_cues.get(verb.lemma_.lower(), ())):
        return []
    own = {a.entity.key for t in clause_subjects(verb) for a in actors_for(t, index, depth=3)}
    start = sentences_back(token, 2)
    blamers = [
        t.subject for t in index.told
        if start <= t.pos < token.i and t.relation in ("accused", "criticized") and t.subject.entity.key not in own
    ]  # fmt: skip
    return [Actor(a.entity, How.NOMINAL, a.place) for a in blamers[-1:]]


def pair_reference(token: Token, index: MentionIndex) -> list[Actor]:
    """"The two leaders met", "called both leaders", "mediated between the two sides": the pair
    of actors the text spoke of just before (joined by "and", or the two sides of an event),
    of the kind the noun names; never the clause's own subject.

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.resolve import resolve_doc
        >>> doc = load_nlp()("Mexico and Peru signed a deal. The two countries met again.")
        >>> [a.entity.name for a in pair_reference(doc[9], resolve_doc(doc))]
        ['Mexico', 'Peru']
    """
    kind = PAIR_NOUNS.get(token.lemma_.lower())
    if kind is None or token.tag_ not in ("NNS", "NNPS"):
        return []
    marks = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "preconj", "nummod")}
    if not ("both" in marks or {"the", "two"} <= marks):
        return []
    clause = token
    while clause.dep_ in ("dobj", "pobj", "prep", "dative", "conj") and clause.head.i != clause.i:
        clause = clause.head
    own: set[str] = set()
    if clause.pos_ in ("VERB", "AUX") and clause.i != token.i:
        for subject in clause_subjects(clause):
            for actor in actors_for(subject, index, depth=3):
                own.add(actor.entity.key)
                home = index.affiliation.get(actor.entity.key)
                if home is not None:
                    own.add(home.key)
    start = sentences_back(token, 3)
    joined_pairs: list[tuple[int, Actor, Actor]] = []
    for span, actor in index.spans:  # "A and B": exactly two actors joined
        root = span.root
        if not start <= span.start < token.i or root.dep_ == "conj":
            continue
        joined = [c for c in root.children if c.dep_ == "conj" and c.i in index.by_token]
        keys = {index.by_token[c.i].entity.key for c in joined} | {actor.entity.key}
        if len(keys) == 2 and joined[-1].i < token.i:
            joined_pairs.append((joined[-1].i, actor, index.by_token[joined[-1].i]))
    # "both sides", "both governments": the two sides of the article's main dispute, when two
    # or more events so far joined them; else the pair named together last, else the two
    # sides of the last event ("A called B")
    sides = [(t.pos, t.subject, t.object) for t in _asserted_before(token, index) if t.pos >= start]
    main = _main_dyad(token, kind, index) if token.lemma_ in MAIN_PAIR_NOUNS else []
    leaders = {e.key for e in index.leaders.values()}
    for _, a, b in main + sorted(joined_pairs, reverse=True, key=lambda c: c[0]) + sorted(sides, reverse=True, key=lambda c: c[0]):
        pair = _pair_of_kind(a, b, kind, index)
        if token.lemma_ == "leader" and leaders and not all(p.entity.key in leaders for p in pair):
            continue  # "the two leaders" are leaders, not the ministers just named
        if pair and not {p.entity.key for p in pair} & own:
            return pair
    return []


def _main_dyad(token: Token, kind: str, index: MentionIndex) -> list[tuple[int, Actor, Actor]]:
    """The pair of actors most events told so far joined (at least two), as countries when the
    events were between their people."""
    counts: dict[frozenset[str], int] = {}
    pairs: dict[frozenset[str], tuple[Actor, Actor]] = {}
    for told in index.told:
        if told.pos >= token.i:
            continue
        pair = _pair_of_kind(told.subject, told.object, kind, index)
        if len(pair) == 2:
            key = frozenset(p.entity.key for p in pair)
            counts[key] = counts.get(key, 0) + 1
            pairs[key] = (pair[0], pair[1])
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    a, b = pairs[ranked[0][0]]
    return [(token.i, a, b)]


def _pair_of_kind(a: Actor, b: Actor, kind: str, index: MentionIndex) -> list[Actor]:
    """The two actors as the kind of pair a noun names ("leaders": people; "countries": their
    countries, a leader standing for the one they lead), or [] if they are no such pair."""
    types = {a.entity.type, b.entity.type}
    if kind == "Person":
        return [Actor(a.entity, How.NOMINAL), Actor(b.entity, How.NOMINAL)] if types == {"Person"} else []
    if types == {"Person"}:
        ca, cb = index.affiliation.get(a.entity.key), index.affiliation.get(b.entity.key)
        if ca is None or cb is None or ca.key == cb.key:
            return []
        return [Actor(ca, How.NOMINAL), Actor(cb, How.NOMINAL)]
    allowed = {"Country"} if kind == "Country" else {"Country", "Organization"}
    if not types <= allowed or a.entity.key == b.entity.key:
        return []
    return [Actor(a.entity, How.NOMINAL, a.place), Actor(b.entity, How.NOMINAL, b.place)]


def _doer_of(token: Token, index: MentionIndex, depth: int) -> list[Actor]:
    """"North Korea test-fired a missile ... Yoon condemned the test": the subject of the verb
    the noun names, told in this sentence, the two before or the article's opening lines;
    "called the move a disgrace": whoever did the latest act told just before."""
    if token.pos_ != "NOUN" or depth > 0 or not any(c.lower_ in DEFINITE_DETERMINERS for c in token.children):
        return []
    doc = token.doc
    start = sentences_back(token, 2)
    if index.opening < 0:
        index.opening = _opening_end(doc)
    opening = range(0, min(index.opening, start))
    relations = index.lex.noun_relations.get(token.lemma_) or index.lex.noun_relations.get(token.lower_)
    if relations:
        # an event noun of the lexicon with no agent of its own ("Baghdad criticized the strike"):
        # whoever did the latest such act told just before, or in the article's opening
        if any(c.dep_ in ("poss", "compound", "amod", "prep") for c in token.children):
            return []  # it has its own agent rule ("Turkey's strike", "the strike by Turkey")
        earlier = [t for t in _asserted_before(token, index) if t.relation in relations]
        latest = [t.subject for t in earlier if t.pos >= start]
        first = [t.subject for t in earlier if t.pos in opening]
        return latest[-1:] or first[:1]
    if token.lemma_ in GENERIC_EVENT_NOUNS:
        earlier = _asserted_before(token, index)
        latest = [t.subject for t in earlier if t.pos >= start]
        first = [t.subject for t in earlier if t.pos in opening]
        return latest[-1:] or first[:1]
    for verb in [*reversed(doc[start : token.i]), *(doc[i] for i in reversed(opening))]:
        if verb.pos_ != "VERB":
            continue
        named = verb.lemma_ == token.lemma_ or (
            verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lemma_ == token.lemma_
        )
        if named:
            found = [a for t in clause_subjects(verb) for a in actors_for(t, index, depth=depth + 1)]
            if found:
                return found
    return []


def _asserted_before(token: Token, index: MentionIndex) -> list[Told]:
    """The asserted events of the sentences before the token's own."""
    return [t for t in index.told if t.pos < token.sent.start and t.modality == ASSERTED]


def _opening_end(doc: Doc) -> int:
    """Where the article's opening ends: its title, date line and first long sentence (the lede)."""
    sents = list(doc.sents)
    for sent in sents:
        if sum(t.is_alpha for t in sent) >= 20:
            return sent.end
    return sents[0].end if sents else 0  # a short text: its first sentence


def collective_entity(name: str, iso3: str = "") -> Entity:
    """A collective actor ("Sudanese rebels"): an organization of its own, with its country's code."""
    return Entity("Organization", name, (), (("kind", "group"), *((("country", iso3),) if iso3 else ())))


def is_collective(entity: Entity) -> bool:
    return ("kind", "group") in entity.ids


def _country_code(actor: Actor) -> str:
    ids = dict(actor.entity.ids)
    return ids.get("iso3", "") if actor.entity.type == "Country" else ids.get("country", "")


def collectives(token: Token, index: MentionIndex) -> list[Actor]:
    """Collective actors a group noun names: "Sudanese rebels", "Sierra Leonean and Liberian
    refugees" (two groups), "opposition groups in Zimbabwe", "a camp for Congolese refugees"."""
    word = token.lower_
    if word not in COLLECTIVE_NOUNS and token.lemma_ not in COLLECTIVE_NOUNS:
        if word in ("groups", "group") and _descriptors(token, index):
            pass  # "armed groups", "opposition groups", "aid groups": non-state by their words
        elif token.lemma_ in SETTLEMENT_NOUNS or word in ("camps", "homes"):
            # "a camp for Congolese refugees", "Palestinian homes": the people who live there
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                    for pobj in child.children:
                        found = collectives(pobj, index)
                        if found:
                            return found
            return []
        else:
            return []
    if token.tag_ in ("NNS", "NNPS") or word.endswith(("s", "men")) or word in ("militia", "opposition"):
        plural = word
    else:
        plural = word[:-3] + "men" if word.endswith("man") else word + "s"
    words = " ".join([*_descriptors(token, index), plural])
    out: list[Actor] = []
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod") or child.i > token.i:
            continue
        for mod in conjuncts(child):
            named = index.actor_at(mod)
            if named is None or named.entity.type not in ("Country", "Place"):
                continue
            spans = [sp for sp, _ in index.spans if sp.start <= mod.i < sp.end]
            qualifier = span_name(spans[0]) if spans else mod.text
            out.append(Actor(collective_entity(f"{qualifier} {words}", _country_code(named)), How.NOMINAL))
    if out:
        return out
    heads = [token]
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head)  # "Prisoners rioted at a jail in Dili": where they acted
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in COLLECTIVE_PREPS:
                continue
            for pobj in child.children:
                named = _where(pobj, index)
                if named is None:
                    continue
                # "students throughout Indonesia": named by where they are, not a nationality
                where = named.place.name if named.place is not None else named.entity.name
                return [Actor(collective_entity(f"{words} in {where}", _country_code(named)), How.NOMINAL)]
    # "Islamic fundamentalists", "opposition activists": a group its words name, of no one country
    kinds = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i and index.actor_at(c) is None]
    if any(c.ent_type_ == "NORP" or c.lower_ in NON_STATE_WORDS for c in kinds) and not _of_objects(token):
        return [Actor(collective_entity(words), How.NOMINAL)]
    return []


def peoples(token: Token, index: MentionIndex) -> list[Actor]:
    """A people named with a qualifier is a collective, not a state: "Bosnian Serbs" (of Bosnia),
    "ethnic Albanians", "Iraqi Kurds"; a bare "Albanians" is left to the demonym rule."""
    if token.tag_ != "NNPS" and not (token.ent_type_ == "NORP" and token.tag_ == "NNS"):
        return []
    if token.ent_type_ != "NORP" and index.actor_at(token) is None:
        return []
    own = index.actor_at(token)
    for child in token.children:
        if child.dep_ not in ("amod", "compound") or child.i > token.i:
            continue
        named = index.actor_at(child)
        if named is not None and named.entity.type in ("Country", "Place") and (own is None or named.entity.key != own.entity.key):
            return [Actor(collective_entity(f"{child.text} {token.text}", _country_code(named)), How.NOMINAL)]
        if child.lower_ == "ethnic" and own is not None and own.entity.type == "Country":
            return [Actor(collective_entity(f"ethnic {token.text}", _country_code(own)), How.NOMINAL)]
    return []


def _where(token: Token, index: MentionIndex) -> Actor | None:
    """The country or place a location phrase names ("in Dili", "at a jail in northern Israel")."""
    named = index.actor_at(token)
    if named is not None:
        return named if named.entity.type in ("Country", "Place") else None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in WHERE_PREPS:
            for pobj in child.children:
                inner = index.actor_at(pobj)
                if inner is not None and inner.entity.type in ("Country", "Place"):
                    return inner
        if child.dep_ in ("compound", "amod") and token.pos_ == "PROPN":
            inner = index.actor_at(child)  # "the Syrian Golan Heights": a place the model missed, in Syria
            if inner is not None and inner.entity.type == "Country":
                return inner
    return None


NON_STATE_WORDS = word_class("non_state_words")


def _descriptors(token: Token, index: MentionIndex) -> list[str]:
    """The words that say what kind of collective a noun is ("opposition", "armed", "aid")."""
    words = [
        c for c in token.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and c.is_alpha and index.actor_at(c) is None
    ]
    if token.lower_ in ("groups", "group") and not any(w.lower_ in NON_STATE_WORDS for w in words):
        return []
    # a capital inside the sentence is the name's own ("Druze", "Islamic"), not the sentence's
    keep = [w.pos_ == "PROPN" or w.ent_type_ == "NORP" or (w.is_title and w.i != w.sent.start) for w in words]
    return [w.text if k else w.lower_ for w, k in sorted(zip(words, keep, strict=True), key=lambda p: p[0].i)]


def plural_antecedents(token: Token, actor: Actor, index: MentionIndex) -> list[Actor] | None:
    """"spoke with both Tshisekedi and Kagame and urged them", "Araghchi and Witkoff negotiated
    ... as Albusaidi shuttled between them": a plural pronoun stands for the actors just joined
    by "and" (in this sentence or the one before) when they come after its single antecedent;
    never for its own clause's subjects (None when it stands for them: "Britain, France and
    Germany warned they could ...")."""
    if token.lower_ not in ("them", "they", "their"):
        return []
    own: set[int] = set()  # the subjects of its clause and of the ones reporting it
    subjects_group: list[Actor] = []
    for clause in token.ancestors:
        if clause.pos_ in ("VERB", "AUX"):
            for subject in clause_subjects(clause):
                own |= {t.i for t in subject.subtree}
                subjects_group += [index.by_token[t.i] for t in conjuncts(subject) if t.i in index.by_token]
            if clause.dep_ not in ("ccomp", "xcomp", "conj"):
                break
    if len({a.entity.key for a in subjects_group}) >= 2 and any(a.entity.key == actor.entity.key for a in subjects_group):
        return None
    start = sentences_back(token, 1)
    latest_single = max(
        (sp.start for sp, a in index.spans if a.entity.key == actor.entity.key and sp.start < token.i and sp.root.i not in own),
        default=-1,
    )
    best: list[Actor] = []
    for span, first in index.spans:
        root = span.root
        if not start <= span.start < token.i or root.dep_ == "conj" or root.i in own:
            continue
        joined = [c for c in root.children if c.dep_ == "conj" and c.i in index.by_token and c.i < token.i]
        group = [first, *(index.by_token[c.i] for c in joined)]
        keys = {a.entity.key for a in group}
        persons = {a.entity.type == "Person" for a in group}
        if len(keys) >= 2 and len(persons) == 1 and joined[-1].i >= latest_single:
            best = [Actor(a.entity, How.PRONOUN, a.place) for a in group]
    return best


def collective_antecedent(token: Token, actor: Actor, index: MentionIndex) -> Actor | None:
    """"The Fijian rebels said they ...": a plural pronoun refers to the collective, not its country."""
    if token.lower_ not in PLURAL_PRONOUNS:
        return None
    for span, named in reversed(index.spans):
        if span.start >= token.i or named.entity.key != actor.entity.key:
            continue
        mods = [t for t in span if t.dep_ in ("amod", "compound", "nmod") and not span.start <= t.head.i < span.end]
        found = collectives(mods[0].head, index) if mods else []
        return Actor(found[0].entity, How.PRONOUN) if found else None
    return None


def owners_of(token: Token, index: MentionIndex, *, depth: int = 0) -> list[Actor]:
    """Whose thing a noun names: "an Indian proposal", "Sweden's decision", "violations by the
    Israeli military", "the legality of Israel's techniques" -> the actor behind it."""
    if depth > 1 or token.pos_ not in ("NOUN", "PROPN"):
        return []
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            actor = index.actor_at(child)
            if actor is not None and actor.entity.type == "Person" and child.dep_ == "poss" and _undergoes(token):
                continue  # "his detention": not his doing
            if actor is not None and actor.entity.type in ("Country", "Organization", "Person"):
                return [Actor(actor.entity, How.METONYMY if actor.how == How.NAME else actor.how, actor.place)]
            inner = actors_for(child, index) if child.pos_ in ("NOUN", "PROPN") else []
            if inner:
                return inner
    # "violations by the army", "crimes committed by Croat forces"
    heads = [token, *(c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    for child in (c for h in heads for c in h.children):
        # "an offer from Kabul", "a call by the opposition"
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            for pobj in child.children:
                found = actors_for(pobj, index)
                if found:
                    return found
    for pobj in _of_objects(token):
        found = actors_for(pobj, index) or owners_of(pobj, index, depth=depth + 1)
        if found:
            return found
    return []


def actor_of(token: Token, index: MentionIndex) -> Actor | None:
    """The first actor an argument token stands for, or None."""
    found = actors_for(token, index)
    return found[0] if found else None


def actors_of(token: Token, index: MentionIndex, *, events: bool = False) -> list[tuple[Token, Actor]]:
    """Actors for an argument token and everything coordinated with it."""
    out: list[tuple[Token, Actor]] = []
    seen: set[str] = set()
    for tok in conjuncts(token):
        for actor in actors_for(tok, index, events=events):
            if actor.entity.key not in seen:
                seen.add(actor.entity.key)
                out.append((tok, actor))
    for tok, actor in _people_before_and(token, index):
        if actor.entity.key not in seen:
            seen.add(actor.entity.key)
            out.insert(0, (tok, actor))
    return out


def _people_before_and(token: Token, index: MentionIndex) -> list[tuple[Token, Actor]]:
    """"Commission President Ursula von der Leyen and Council President António Costa met":
    people joined by "and" in front of a person that the parse folded into its name's modifiers."""
    own = index.by_token.get(token.i)
    if own is None or own.entity.type != "Person":
        return []
    doc = token.doc
    found = []
    for span, actor in index.spans:
        if actor.entity.type != "Person" or actor.entity.key == own.entity.key:
            continue
        if not (token.left_edge.i <= span.start and span.end <= token.i):
            continue
        if span.end < len(doc) and doc[span.end].lower_ in ("and", ",") and doc[span.end].head.i != token.i:
            found.append((doc[span.end - 1], actor))
    return found


def prep_objects(head: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    """Objects of the given prepositions under ``head`` ("with X", "on X and Y")."""
    for child in head.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    yield pobj
        if child.dep_ == "prep" and child.lower_ in ("out",) and "out" in preps:
            yield child


STATEMENT_NOUNS = word_class("statement_nouns")


OBJECT_GERUND_VERBS = word_class("object_gerund_verbs")
ISSUE_VERBS = word_class("issue_verbs")


SAY_HEADS = word_class("say_heads")
SPEECH_ACTS = word_class("speech_acts")
OF_PHRASE_HEADS = word_class("of_phrase_heads")
DIRECTIVE_VERBS = word_class("directive_verbs")
MAIN_PAIR_NOUNS = word_class("main_pair_nouns")
GROUP_PLACE_PREPS = word_class("group_place_preps")
GERUND_OBJECT_PREPS = word_class("gerund_object_preps")
WHERE_PREPS = word_class("where_preps")
SETTLEMENT_NOUNS = word_class("settlement_nouns")
PLURAL_PRONOUNS = word_class("plural_pronouns")
DEFINITE_DETERMINERS = word_class("definite_determiners")
RELATIVE_PRONOUNS = word_class("relative_pronouns")


def reporter_speaks_again(verb: Token) -> bool:
    """A speech act the parse coordinated inside what someone said ("X said the draft amounted
    to interference and accused Britain") is the speaker's own; after another speech act ("said
    the United States condemned the raid and urged Ecuador ...") it shares that one's subject."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.lemma_ in SPEECH_ACTS
        and verb.tag_ in ("VBD", "VBZ")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and head.dep_ == "ccomp"
        and head.head.lemma_ in SAY_HEADS
        and head.lemma_ not in SPEECH_ACTS
    )


def finite_after_infinitive(verb: Token) -> bool:
    """A past-tense verb the parse coordinated with an infinitive ("urged Iran to stop and
    called on Russia") belongs with the verb above the infinitive."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and head.tag_ == "VB"
        and head.dep_ == "xcomp"
        and head.head.tag_ in ("VBD", "VBZ", "VBN")
    )


def is_purpose(clause: Token) -> bool:
    """A purpose clause: "sent troops to help", "began a hunger strike to demand"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def is_condition(clause: Token, marks: tuple[str, ...] = ("unless", "if")) -> bool:
    """A conditional clause: "unless Israel rescinded", "if he is attacked"."""
    return clause.dep_ == "advcl" and any(m.lower_ in marks for m in clause.children)


def sentences_back(token: Token, back: int) -> int:
    """Where the text ``back`` sentences before ``token``'s own begins (0: its own sentence)."""
    start = token.sent.start
    for _ in range(back):
        if start > 0:
            start = token.doc[start - 1].sent.start
    return start


def _after_comma(token: Token) -> bool:
    left = token.left_edge.i
    return left > token.sent.start and token.doc[left - 1].text == ","


def clause_subjects(verb: Token) -> list[Token]:
    """Subject tokens of a verb, climbing through coordination, control and relative clauses."""
    seen = 0
    tok = verb
    while seen < 4:
        seen += 1
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            # "UNITED NATIONS — Russia vetoed": a dateline parsed as a subject is no subject, nor
            # an apposition ("Members of X, a body linked to Y, investigated"); then the nearest
            kept = [c for c in subj if not is_dateline(c) and not _after_comma(c)] or subj
            s = max((c for c in kept if c.i < tok.i), key=lambda c: c.i, default=kept[0])
            if is_dateline(s):
                # "ARGYLE, St. Vincent — Maduro and Ali agreed": the parse hung the subject on the dateline
                after = [c for c in s.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" and c.left_edge.i > 0
                         and c.doc[c.left_edge.i - 1].text in ("—", "–", "--")]
                if after:
                    return after[:1]
            if s.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                head = tok.head
                # "Petro, Colombia's first leftist president, who visited": the person; "Edgard
                # Leblanc Fils, the president of Haiti's council, who thanked Kenya": him too
                up, steps = head, 0
                while s.lower_ == "who" and up.dep_ in ("pobj", "prep") and steps < 4:
                    up, steps = up.head, steps + 1
                if up.dep_ == "appos":
                    return [up.head]
                return [head]
            # "He, his newspaper and the U.S. government all rejected": a list the parse cut in two
            listed = [c for c in subj if c.i != s.i and _after_comma(c) and any(d.dep_ == "conj" for d in c.children)]
            return [s, *listed]
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            # "the officials accusing Petro": the modified noun acts
            if tok.dep_ == "relcl" or tok.tag_ == "VBG":
                noun = tok.head
                if noun.lemma_ in STATEMENT_NOUNS and noun.dep_ == "dobj" and noun.head.lemma_ in ISSUE_VERBS:
                    return clause_subjects(noun.head)  # "issued a statement demanding": its issuer
                return [noun]
            return []
        if tok.dep_ == "xcomp":
            # object control: "urged Iran to stop" -> Iran; subject control otherwise
            objs = [c for c in tok.head.children if c.dep_ in ("dobj",)]
            if objs and tok.head.lemma_ in DIRECTIVE_VERBS:
                return objs
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            verb_above = tok.head.head
            if tok.head.lower_ in GERUND_OBJECT_PREPS and verb_above.lemma_ in OBJECT_GERUND_VERBS:
                # "accused the Emirates of arming", "was convicted of murdering": the accused acts
                held = [c for c in verb_above.children if c.dep_ in ("dobj", "nsubjpass")]
                return held[:1]
            tok = verb_above  # "Bangkok responded by sending jets": Bangkok sent them
            continue
        if tok.dep_ in ("acomp", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
            # "Arnor is about to restore", "Norway is willing to send"
            tok = tok.head
            continue
        if finite_after_infinitive(tok):
            tok = tok.head.head  # "urged Iran to stop and called on Russia": the urger called
            continue
        if reporter_speaks_again(tok):
            tok = tok.head.head  # "Peskov said Russia had nothing to do with it and accused Washington"
            continue
        if tok.dep_ in ("conj", "advcl", "ccomp", "pcomp") and tok.head.pos_ in ("VERB", "AUX"):
            if tok.dep_ == "ccomp":
                return []
            tok = tok.head
            continue
        break
    return []
