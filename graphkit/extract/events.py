"""Event relations from verbal and nominal cues.

Verbal: "X met (with) Y", "Y was extradited by X", "X and Y signed an agreement",
"X sanctioned A and B". Nominal: "the meeting between X and Y", "X's visit to Y", "sanctions
on X", "Bogotá's extradition of P", "U.S. deportation flights to Y", "held talks with Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.extract.args import actors_of, event_agent, owners_of
from graphkit.extract.clauses import (
    TIES_NOUNS,
    blame_events,
    conditional_threat_events,
    demand_events,
    denial_events,
    label_events,
    labels_verb,
    persona_events,
    phone_events,
    reduce_events,
    retaliation_events,
    ties_events,
)
from graphkit.extract.collectives import collective_entity
from graphkit.extract.found import (
    INHERITED_CONFIDENCE,
    NOMINAL_CONFIDENCE,
    VERBAL_CONFIDENCE,
    Found,
    emit,
)
from graphkit.extract.mediation import between_parties, mediation_events
from graphkit.extract.syntax import clause_subjects, conjuncts, prep_objects
from graphkit.extract.targets import (
    CLAUSE_OBJECT_RELATIONS,
    DEEP_OBJECT_RELATIONS,
    FALLBACK_CONFIDENCE,
    HOSTILE_WORDS,
    PROTEST_VERBS,
    SHALLOW_OBJECT_RELATIONS,
    SOFT_THREAT_VERBS,
    XCOMP_OBJECT_RELATIONS,
    ccomp_subjects,
    clause_objects,
    deep_objects,
    falls_back,
    xcomp_objects,
)
from graphkit.lexicon import Cue, Lexicon, word_class, word_tuple
from graphkit.records import Entity
from graphkit.resolve import Actor, How, MentionIndex, Told
from graphkit.vocab import relation, relations_where

LIGHT_VERBS = word_class("light_verbs")
SUBJECT_PREPS = word_tuple("subject_preps")
# People sent to talk, not to help: sending them is no aid.
DEED_NOUNS = word_class("deed_nouns")
# people sent somewhere are handed over, not given as aid ("sends 29 cartel suspects to U.S.")
SENT_PEOPLE = word_class("sent_people")
ENVOY_NOUNS = word_class("envoy_nouns")


def _needs_ok(tok: Token, cue: Cue) -> bool:
    if not cue.needs:
        return True
    if cue.pos == "noun":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        return all(n in mods for n in cue.needs)
    # "called him on Monday" is no "call on": a preposition before a date is not the particle
    children = [c for c in tok.children if not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children))]
    words = {c.lemma_.lower() for c in children}
    words |= {g.lemma_.lower() for c in children if c.dep_ in ("dobj", "prep") for g in c.children}
    return all(n in words for n in cue.needs)


PERSON_OBJECT_RELATIONS = relations_where(lambda r: r.person_object)


def _unnamed_person(token: Token) -> Actor | None:
    """A capitalized name the model missed, where only a person can stand ("arrested Adolfo Macías")."""
    if token.pos_ != "PROPN" or not token.is_title:
        return None
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title and c.i < token.i]
    span = token.doc[(words[0].i if words else token.i) : token.i + 1]
    if len(span) < 2 or any(t.ent_type_ for t in span):
        return None
    return Actor(Entity("Person", span.text), How.NOMINAL)


def _as_people(token: Token, actor: Actor) -> Actor:
    """"arrested 100 Palestinians", "kidnapped 16 Russian civilian advisers": people in the
    plural are a group of that country's people, not the state."""
    if actor.entity.type != "Country" or token.tag_ not in ("NNPS", "NNS", "NNP") or not token.lower_.endswith("s"):
        return actor
    if actor.how != How.DEMONYM and token.tag_ != "NNS":
        return actor
    words = [t for t in token.children if t.dep_ in ("amod", "compound", "nmod") and t.i < token.i and t.is_alpha]
    iso3 = dict(actor.entity.ids).get("iso3", "")
    return Actor(collective_entity(" ".join(t.text for t in [*words, token]), iso3), How.NOMINAL)


def _objects(head: Token, cue: Cue, index: MentionIndex) -> list[tuple[Token, Actor]]:
    out: list[tuple[Token, Actor]] = []
    if cue.relation in PERSON_OBJECT_RELATIONS:
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass") and index.actor_at(child) is None:
                person = _unnamed_person(child)
                if person is not None:
                    out.append((child, person))
    preps = tuple(s for s in cue.slots if s not in ("dobj", "dative"))
    for child in head.children:
        if ("dobj" in cue.slots and (child.dep_ == "dobj" or (child.dep_ == "oprd" and child.pos_ == "PROPN"))) or (
            "dative" in cue.slots and child.dep_ == "dative" and child.pos_ != "ADP"
        ):
            out.extend(actors_of(child, index))
            if not out:  # "signed an agreement with X", "fired missiles at Israel"
                for pobj in prep_objects(child, preps):
                    out.extend(actors_of(pobj, index))
    for pobj in prep_objects(head, preps):
        out.extend(actors_of(pobj, index))
    if cue.relation in PERSON_OBJECT_RELATIONS:
        out = [(t, _as_people(t, a)) for t, a in out]
    if not out and preps:
        for child in head.children:
            if child.dep_ == "dobj":
                for pobj in prep_objects(child, preps):
                    out.extend(actors_of(pobj, index))
    if not out and "dobj" in cue.slots:
        out = _named_object(head, index)
    return out


def _named_object(head: Token, index: MentionIndex) -> list[tuple[Token, Actor]]:
    """"struck what it called terrorist infrastructure in Pakistan": what the clause names is
    the object (the parse makes "what" the object of "called"), and where it lies is whose."""
    for clause in head.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            continue
        for named in clause.children:
            if named.dep_ in ("oprd", "attr", "dobj") and named.lower_ != "what":
                found = actors_of(named, index)
                if found:
                    return found
        places = [t for p in prep_objects(clause, ("in", "inside")) for t in (p, *(c for c in p.children if c.dep_ in ("nmod", "compound")))]
        return [f for t in places for f in actors_of(t, index) if f[1].entity.type == "Country"]
    return []


# "Israel is opposed to French mediation": a state, said of its subject, not a passive
STATIVE_PASSIVES = frozenset(tuple(p.split()) for p in word_class("stative_passives"))


def _passive(verb: Token) -> bool:
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
        and _passive(verb.head)
    ):
        return True  # "was arrested by the FSB and accused of spying"
    if any(c.dep_ == "prep" and (verb.lemma_, c.lower_) in STATIVE_PASSIVES for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent_only(verb: Token) -> bool:
    """A past participle with a "by" agent and no subject of its own, read as active."""
    return verb.tag_ == "VBN" and verb.dep_ in ("conj", "acl") and any(c.dep_ == "agent" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children
    )


def _participants(participle: Token) -> list[Token]:
    """Who took part in what a participle tells of: "A and B met, in talks hosted by C" -> A, B."""
    tok = participle
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "acl":  # "met ... in talks hosted by": the subjects of the verb the talks hang on
        noun = tok.head
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
            return []
        tok = noun.head.head
    return clause_subjects(tok) if tok.i != participle.i else []


# "captured a rebel stronghold", "seized the town": taking ground is an assault, not an arrest
GROUND_NOUNS = word_class("ground_nouns")


WAY_NOUNS = word_class("way_nouns")


def _blocks_way(verb: Token) -> bool:
    """"blocked roads", "blockaded the bridge": a protest, where "blocked the resolution" rejects."""
    return verb.lemma_ in BLOCK_VERBS and any(
        c.dep_ == "dobj" and c.lemma_ in WAY_NOUNS for c in verb.children
    )


def _taking_ground(verb: Token, cue: Cue) -> bool:
    return cue.relation == "arrested" and any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_ in GROUND_NOUNS or any(
            g.dep_ == "prep" and g.lower_ == "of" and any(x.lemma_ in GROUND_NOUNS for x in g.children) for g in c.children
        ))
        for c in verb.children
    )


def _agrees_to_hostility(verb: Token, cue: Cue, index: MentionIndex) -> bool:
    """"The EU agreed to impose sanctions on Russia": agreeing among themselves, not with Russia."""
    if relation(cue.relation).score <= 0:
        return False
    lex = index.lex
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        cues = list(lex.verb_cues.get(child.lemma_.lower(), ()))
        cues += [c for d in child.children if d.dep_ == "dobj" for c in lex.noun_cues.get(d.lemma_.lower(), ())]
        if any(relation(c.relation).score < 0 for c in cues):
            return True
    return False


def verbal_events(verb: Token, cues: tuple[Cue, ...], index: MentionIndex) -> Iterator[Found]:
    """Events whose cue is a verb."""
    for cue in sorted(cues, key=lambda c: -len(c.needs)):
        if _taking_ground(verb, cue):
            cue = Cue("attacked", cue.lemma, cue.pos, ("dobj",), cue.needs)
        if cue.relation == "rejected" and _blocks_way(verb):
            cue = Cue("protested", cue.lemma, cue.pos, (), cue.needs)
        if cue.relation == "rejected" and verb.lemma_ in ("refuse", "decline") and any(
            c.dep_ == "xcomp" and (c.lemma_ == "exclude" or (c.lemma_ == "rule" and any(p.lower_ == "out" for p in c.children)))
            and any(t.lemma_.lower() in HOSTILE_WORDS for t in c.subtree)
            for c in verb.children
        ):
            # "Trump has refused to rule out military or economic coercion": a threat
            cue = Cue("threatened", cue.lemma, cue.pos, (), cue.needs)
        if cue.relation == "rejected" and verb.lemma_ in OPPOSE_VERBS and any(
            c.dep_ == "dobj" and c.lemma_ in DEED_NOUNS for c in verb.children
        ):
            # "Vietnam resolutely opposes China's acts of violence": one opposes a deed by criticizing it
            cue = Cue("criticized", cue.lemma, cue.pos, cue.slots, cue.needs)
        if not _needs_ok(verb, cue):
            continue
        if cue.relation == "spokeWith" and verb.lemma_ == "call" and labels_verb(verb):
            continue
        if cue.relation == "aided" and any(c.dep_ == "dobj" and (c.lemma_ in ENVOY_NOUNS or c.lemma_ in SENT_PEOPLE) for c in verb.children):
            continue  # "sent negotiators to Kuala Lumpur" is no aid
        if (
            cue.relation == "threatened"
            and verb.lemma_ in SOFT_THREAT_VERBS
            and not any(t.lemma_.lower() in HOSTILE_WORDS for t in verb.subtree)
        ):
            continue
        bodies = [a for b in prep_objects(verb, ("from",)) for a in actors_of(b, index) if a[1].entity.type == "Organization"]
        if cue.relation in ("sanctioned", "expelled") and verb.tag_ == "VBN" and bodies and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
            # "Mali and Burkina Faso, both suspended from ECOWAS": a participle the parse read as active
            members = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or ([verb.head] if verb.dep_ in ("acl", "amod") else [])
            objects = [a for t in members for a in actors_of(t, index)]
            yield from emit(bodies, objects, cue.relation, verb, INHERITED_CONFIDENCE, f"verb-participle:{cue.lemma}")
            return
        if _passive(verb):
            objects = []
            for child in verb.children if any(c.dep_ == "nsubjpass" for c in verb.children) else verb.head.children:
                if child.dep_ == "nsubjpass":
                    objects.extend(actors_of(child, index))
            subjects = []
            # "was arrested by the FSB and accused of spying": the second verb shares the agent
            for agent_verb in (verb, verb.head) if verb.dep_ == "conj" and _passive(verb.head) else (verb,):
                for child in agent_verb.children:
                    if child.dep_ == "agent":
                        for pobj in child.children:
                            subjects.extend(actors_of(pobj, index))
                if subjects:
                    break
            extra = [o for o in _objects(verb, cue, index) if o[0].dep_ == "pobj" and o[0].head.lower_ != "by"]
            if cue.relation == "deported" and extra:
                objects = extra
            if not subjects and cue.relation in ("sanctioned", "expelled"):
                subjects = bodies  # "Niger was suspended from the African Union"
            envoys = [c for c in verb.children if c.dep_ == "nsubjpass" and (c.lemma_ in ENVOY_NOUNS or c.lemma_ == "ambassador")]
            if cue.lemma == "recall" and not subjects and envoys:
                # "its own ambassadors to Mali and Niger had been recalled": the sender recalls
                # them from the countries they serve in
                owners = [c for e in envoys for c in e.children if c.dep_ == "poss"]
                if verb.dep_ == "ccomp" and all(o.pos_ == "PRON" for o in owners):
                    owners = clause_subjects(verb.head)  # "announced that its own ambassadors ... had been recalled"
                subjects = [a for o in owners for a in actors_of(o, index)]
                objects = [a for e in envoys for p in prep_objects(e, ("to", "in")) for a in actors_of(p, index)]
            if not subjects and cue.relation == "arrested":
                # "was jailed in Russia": the country where it happened acted
                subjects = [
                    found
                    for place in prep_objects(verb, ("in",))
                    for found in actors_of(place, index)
                    if found[1].entity.type == "Country"
                ]
            confidence = VERBAL_CONFIDENCE
        elif _agent_only(verb):
            # "the two leaders met, in talks hosted by A and mediated by B": B acts, and the
            # clause's subjects take part (a parse that joined "mediated" to "met")
            subjects = [a for c in verb.children if c.dep_ == "agent" for p in c.children for a in actors_of(p, index)]
            objects = _objects(verb, cue, index)
            if not objects and relation(cue.relation).symmetric:
                objects = [a for t in _participants(verb) for a in actors_of(t, index)]
            if not objects:
                continue  # co-hosts ("talks hosted by A and B") did not meet each other
            confidence = INHERITED_CONFIDENCE
        else:
            subj_tokens = clause_subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
            subjects = [a for t in subj_tokens for a in actors_of(t, index)]
            objects = _objects(verb, cue, index)
            direct = any(c.dep_ in ("nsubj",) for c in verb.children)
            confidence = VERBAL_CONFIDENCE if direct else INHERITED_CONFIDENCE
            if not objects and cue.relation in CLAUSE_OBJECT_RELATIONS:
                # "vowed that Israel would be punished", "demanded that Mugabe abandon"
                objects = ccomp_subjects(verb, index)
            pairs_up = relation(cue.relation).symmetric and len(subjects) >= 2
            if cue.lemma in UNILATERAL_PROMISES and not objects:
                # "promised to continue military aid to Mozambique": the promised act's own
                # recipient; never each other ("Guatemala and El Salvador have promised to send
                # troops") nor the parties of talks one offers to host
                acts = [c for c in verb.children if c.dep_ == "xcomp"]
                objects = [
                    a for act in acts for t in [*(c for c in act.children if c.dep_ in ("dobj", "dative")), *prep_objects(act, ("to", "for"))]
                    if t.lemma_ not in TALK_NOUNS for a in actors_of(t, index)
                ]
                objects += [a for act in acts for c in act.children if c.dep_ == "dobj" for t in prep_objects(c, ("to", "for")) for a in actors_of(t, index)]
                if not objects:
                    continue
            if not objects and cue.relation in XCOMP_OBJECT_RELATIONS and not pairs_up and not _agrees_to_hostility(verb, cue, index):
                # "threatened to shell Iraqi towns", "refused to allow U.S. planes"
                objects = xcomp_objects(verb, index, subjects)
            if not objects and verb.lemma_ in PROTEST_VERBS:
                # "demonstrated in Serbia": a protest is aimed at the government where it happens
                objects = [
                    f for p in prep_objects(verb, ("in",)) for f in actors_of(p, index)
                    if f[1].entity.type == "Country"
                ]
                confidence = INHERITED_CONFIDENCE
            if not objects and verb.dep_ in ("relcl", "acl") and cue.relation in DEEP_OBJECT_RELATIONS and not any(
                c.dep_ == "dobj" for c in verb.children
            ):
                # "an accusation Cambodia denied", "charges that he has always denied": the noun
                # the clause hangs on is its object, and whoever made it is the target
                own = {a.entity.key for _, a in subjects}
                agent = event_agent(verb.head, index, near=True)
                found = owners_of(verb.head, index) or ([agent] if agent is not None else [])
                objects = [(verb.head, a) for a in found if a.entity.key not in own]
                confidence = INHERITED_CONFIDENCE
            if not objects and cue.relation in DEEP_OBJECT_RELATIONS:
                preps = tuple(s for s in cue.slots if s not in ("dobj", "dative"))
                shallow = cue.relation in SHALLOW_OBJECT_RELATIONS
                objects = deep_objects(verb, index, preps, subjects, clauses=not shallow)
                confidence = INHERITED_CONFIDENCE
        if not subjects:
            continue
        method = f"verb:{cue.lemma}"
        if not objects and falls_back(cue.relation):
            # a purpose clause says whom a protest or a strike is aimed at, not whom help goes to
            # ("sent jets to bomb Cambodian positions" is no aid to Cambodia)
            objects = clause_objects(verb, index, subjects, purposes=relation(cue.relation).score <= 0)
            if cue.relation in PERSON_OBJECT_RELATIONS:
                objects = [(t, _as_people(t, a)) for t, a in objects]
            confidence = FALLBACK_CONFIDENCE
            method = f"verb-clause:{cue.lemma}"
        out = list(emit(subjects, objects, cue.relation, verb, confidence, method))
        if out:
            yield from out
            return


def _noun_subjects(noun: Token, index: MentionIndex) -> tuple[list[tuple[Token, Actor]], float]:
    # "Bogotá's extradition", "U.S. deportation flights", "Iranian attack"
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
            found = actors_of(child, index)
            if found:
                return found, NOMINAL_CONFIDENCE
    # modifiers of modifiers ("U.S." in "U.S. Deportation flights"), and a possessive the
    # parse attached elsewhere ("Colombia and Bogotá's extradition")
    doc = noun.doc
    for tok in doc[noun.left_edge.i : noun.i]:
        if tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i < noun.i + 1:
            found = actors_of(tok, index)
            if found:
                return found, NOMINAL_CONFIDENCE
    k = noun.i - 1
    while k > noun.sent.start and doc[k].pos_ == "ADJ":
        k -= 1
    if k > noun.sent.start and doc[k].tag_ == "POS" and doc[k - 1].i in index.by_token:
        return [(doc[k - 1], index.by_token[doc[k - 1].i])], INHERITED_CONFIDENCE
    for pobj in prep_objects(noun, SUBJECT_PREPS):
        found = actors_of(pobj, index)
        if found:
            return found, NOMINAL_CONFIDENCE
    # the subject of the verb that governs the noun: "Iran held talks with", "imposed sanctions"
    tok = noun
    hops = 0
    while hops < 3 and tok.dep_ in ("dobj", "pobj", "prep", "conj", "attr", "nsubjpass", "compound"):
        tok = tok.head
        hops += 1
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.relation in JUDGING_RELATIONS and _needs_ok(tok, c) for c in index.lex.verb_cues.get(tok.lemma_.lower(), ())):
                break  # "New Delhi blamed the massacre on militants": judging an act is not doing it
            subj = [a for t in clause_subjects(tok) for a in actors_of(t, index)]
            if subj:
                light = tok.lemma_ in LIGHT_VERBS and noun.dep_ == "dobj"
                return subj, NOMINAL_CONFIDENCE if light else INHERITED_CONFIDENCE
            break
    return [], 0.0


# Relations of verbs that judge someone else's act: the act's noun is not the judge's doing.
JUDGING_RELATIONS = relations_where(lambda r: r.judges)
EXPERIENCE_VERBS = word_class("experience_verbs")


def _governor(noun: Token) -> Token:
    """The verb a noun (or the first of its conjuncts) is the object of."""
    tok = noun
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.head


def _implicit_agent(objects: list[tuple[Token, Actor]], index: MentionIndex) -> Actor | None:
    """The article's other main country: who imposes the sanctions a person "experienced"."""
    excluded = {a.entity.key for _, a in objects}
    excluded |= {index.affiliation[k].key for k in list(excluded) if k in index.affiliation}
    counts: dict[str, int] = {}
    ents = {}
    for _, actor in index.spans:
        if actor.entity.type == "Country" and actor.entity.key not in excluded:
            counts[actor.entity.key] = counts.get(actor.entity.key, 0) + 1
            ents[actor.entity.key] = actor.entity
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None  # no clear counterpart
    return Actor(ents[ranked[0][0]], How.IMPLICIT)


DRAW_VERBS = word_class("draw_verbs")


def _drawn_from(noun: Token, index: MentionIndex) -> tuple[list[tuple[Token, Actor]], list[tuple[Token, Actor]]] | None:
    """(subjects, objects) of "X drew condemnation from Y": Y condemned X."""
    if noun.dep_ != "dobj" or noun.head.lemma_ not in DRAW_VERBS:
        return None
    sources = [a for p in prep_objects(noun, ("from",)) for a in actors_of(p, index)]
    if not sources:
        return None
    targets = [a for t in clause_subjects(noun.head) for a in actors_of(t, index)]
    if not targets and noun.head.dep_ == "advcl":
        # ", drawing condemnation from ...": a trailing participle tells of the sentence's subject
        targets = [a for t in clause_subjects(noun.sent.root) for a in actors_of(t, index)]
    return (sources, targets) if targets else None


REVERSIBLE = relations_where(lambda r: r.reversible)
# promises made to someone named in their own slot ("pledged to Kyiv"), not to each other
UNILATERAL_PROMISES = word_class("unilateral_promises")
TALK_NOUNS = word_class("talk_nouns")
BLOCKING_VERBS = word_class("blocking_verbs")
REVERSAL_VERBS = word_class("reversal_verbs")
NOT_ATTACKS = word_class("not_attacks")


def nominal_events(noun: Token, cues: tuple[Cue, ...], index: MentionIndex) -> Iterator[Found]:
    """Events whose cue is a noun."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    noun_preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    # the cue whose object preposition the noun has goes first: "a visit to Riyadh" is a visit
    for cue in sorted(cues, key=lambda c: (-len(c.needs), not (set(c.slots) & noun_preps))):
        if not _needs_ok(noun, cue):
            continue
        if cue.relation == "attacked" and mods & NOT_ATTACKS:
            continue
        if "between" in cue.slots:
            parties = between_parties(noun, index)
            if len(parties) < 2:
                parties = [a for p in prep_objects(noun, ("between",)) for a in actors_of(p, index)]
            if len(parties) >= 2:
                # "the negotiations between Egypt, Ethiopia and Sudan": every pair of them
                for k in range(len(parties) - 1):
                    yield from emit(parties[k : k + 1], parties[k + 1 :], cue.relation, noun, NOMINAL_CONFIDENCE, f"noun:{cue.lemma}")
                return
        if cue.relation == "aided" and noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in ("VERB", "AUX"):
            # "intercepted them with the help of the United States": the helpers aid the subject
            helpers = [a for p in prep_objects(noun, ("of", "from")) for a in actors_of(p, index)]
            helped = [a for t in clause_subjects(noun.head.head) for a in actors_of(t, index)]
            if helpers and helped:
                yield from emit(helpers, helped, cue.relation, noun, NOMINAL_CONFIDENCE, f"noun:{cue.lemma}")
                return
            continue
        drawn = _drawn_from(noun, index)
        if drawn is not None:
            # "drawing condemnation from Britain", "won praise from Kyiv": the "from" side acts
            yield from emit(drawn[0], drawn[1], cue.relation, noun, INHERITED_CONFIDENCE, f"noun-from:{cue.lemma}")
            return
        objects = _objects(noun, cue, index) if cue.slots else []
        if not objects and cue.relation in DEEP_OBJECT_RELATIONS:
            # "protest against violations by the Israeli military", "criticism of Iran's program"
            preps = tuple(x for x in cue.slots if x not in ("dobj", "dative"))
            objects = [a for p in prep_objects(noun, preps) for a in actors_of(p, index, events=True)]
        if not objects and noun.dep_ in ("dobj", "pobj") and cue.slots:
            # "imposed sanctions on Colombia", "remained on alert in the West Bank": the
            # preposition hangs on the verb
            preps = tuple(x for x in cue.slots if x not in ("dobj", "dative"))
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            objects = [a for p in prep_objects(verb, preps) for a in actors_of(p, index)] if verb.pos_ in ("VERB", "AUX") else []
        if not objects and cue.relation in CLAUSE_OBJECT_RELATIONS:
            # "its demand that Israel ease restrictions" (the clause may hang on the verb)
            objects = ccomp_subjects(noun, index) or (ccomp_subjects(noun.head, index) if noun.dep_ == "dobj" else [])
        if cue.relation in REVERSIBLE and noun.dep_ == "dobj" and noun.head.lemma_ in REVERSAL_VERBS:
            continue  # "lifted the sanctions", "ease restrictions": a concession, not a sanction
        blocked = (noun.dep_ == "dobj" and noun.head.lemma_ in BLOCKING_VERBS) or any(
            c.dep_ == "compound" and c.lemma_ in BLOCKING_VERBS for c in noun.children
        )
        if cue.relation in ("aided", "supported", "cooperatedWith") and blocked:
            continue  # "blocks EU aid for Ukraine" (a headline parsed "blocks" as a noun): no aid was given
        subjects, confidence = _noun_subjects(noun, index)
        if not objects and cue.relation == "requested" and noun.dep_ == "pobj" and noun.head.lower_ == "at":
            # "At Britain's request, the Security Council met": the council was asked
            verb = noun.head.head
            objects = [a for t in clause_subjects(verb) for a in actors_of(t, index)] if verb.pos_ in ("VERB", "AUX") else []
            subjects = [a for c in noun.children if c.dep_ == "poss" for a in actors_of(c, index)]
        objects = [o for o in objects if all(o[1].entity.key != s[1].entity.key for s in subjects)]
        if not objects and noun.dep_ in ("dobj", "conj") and _governor(noun).lemma_ in EXPERIENCE_VERBS:
            # "Petro, who had already experienced visa cancellations": he was sanctioned
            objects = [a for t in clause_subjects(_governor(noun)) for a in actors_of(t, index)]
            agent = _implicit_agent(objects, index) if objects else None
            subjects, confidence = ([(noun, agent)], INHERITED_CONFIDENCE) if agent else ([], 0.0)
        method = f"noun:{cue.lemma}"
        if subjects and not objects and falls_back(cue.relation):
            # "began a hunger strike to protest against Sweden's decision"
            objects = clause_objects(noun, index, subjects)
            gov = _governor(noun)
            if not objects and noun.dep_ == "dobj" and gov.lemma_ in LIGHT_VERBS | EVENT_STAGING_VERBS:
                objects = clause_objects(gov, index, subjects)
            confidence = min(confidence, FALLBACK_CONFIDENCE)
            method = f"noun-clause:{cue.lemma}"
        if not subjects or (not objects and not relation(cue.relation).symmetric):
            continue
        out = list(emit(subjects, objects, cue.relation, noun, confidence, method))
        if out:
            yield from out
            return


REDUCE_NOUNS = word_class("reduce_nouns")
REDUCE_NOUN_PREPS = word_tuple("reduce_noun_preps")
EVENT_STAGING_VERBS = word_class("event_staging_verbs")
OPPOSE_VERBS = word_class("oppose_verbs")
BLOCK_VERBS = word_class("block_verbs")


def reduce_noun_events(noun: Token, index: MentionIndex) -> Iterator[Found]:
    """"Italy announced a suspension of air links with Serbia" -> Italy sanctioned Serbia."""
    if noun.lemma_ not in REDUCE_NOUNS and noun.lower_ not in REDUCE_NOUNS:
        return
    for ties in prep_objects(noun, ("of",)):
        if ties.lemma_ not in TIES_NOUNS and ties.lower_ not in TIES_NOUNS:
            continue
        preps = REDUCE_NOUN_PREPS
        objects = [a for p in [*prep_objects(ties, preps), *prep_objects(noun, preps)] for a in actors_of(p, index)]
        subjects, confidence = _noun_subjects(noun, index)
        if subjects and objects:
            yield from emit(subjects, objects, "sanctioned", noun, min(confidence, INHERITED_CONFIDENCE), f"reduce:{noun.lemma_}")


def sentence_events(sent_tokens: list[Token], lex: Lexicon, index: MentionIndex) -> Iterator[Found]:
    """Every event cue in a sentence, verbal and nominal; remembers who did what for later."""
    for tok in sent_tokens:
        lemma = tok.lemma_.lower()
        found: list[Found] = []
        if tok.pos_ in ("VERB",) and lemma in lex.verb_cues:
            found = list(verbal_events(tok, lex.verb_cues[lemma], index))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in index.by_token:
            key = lemma if lemma in lex.noun_cues else tok.lower_
            if key in lex.noun_cues:
                found = list(nominal_events(tok, lex.noun_cues[key], index))
            if not found:
                found = list(reduce_noun_events(tok, index))
        if tok.pos_ == "VERB":
            found.extend(blame_events(tok, index))
            found.extend(label_events(tok, index))
            found.extend(demand_events(tok, index))
            found.extend(reduce_events(tok, index))
            found.extend(ties_events(tok, index))
            found.extend(persona_events(tok, index))
            found.extend(retaliation_events(tok, index))
            held = list(conditional_threat_events(tok, index))
            if held:
                # "warned that Moscow would respond ... if NATO deployed": NATO is threatened, not Moscow
                found = [f for f in found if f.predicate != "threatened" or f.cue.i != tok.i] + held
            denials = list(denial_events(tok, index))
            if denials:
                # "dismissed the accusations": the accuser, not whoever the accusations name
                found = [f for f in found if f.predicate != "rejected"] + denials
            if tok.lemma_.lower() not in lex.verb_cues:
                found.extend(phone_events(tok, index))
        if tok.pos_ in ("VERB", "ADJ"):
            found.extend(mediation_events(tok, index))
        for f in found:
            index.told.append(Told(tok.i, f.predicate, f.subject, f.object, f.modality))
        yield from found


__all__ = ["Found", "conjuncts", "sentence_events"]
