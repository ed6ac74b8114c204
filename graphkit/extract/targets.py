"""Where an event's target is when no argument slot of its cue names it.

A complement clause ("vowed that Israel would be punished"), a control verb's object
("threatened to shell Iraqi towns"), the actor behind an object ("condemned what he called a
reckless attack"), or, last, the nearest other actor of the cue's own clause.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graphkit.extract.args import MEDIATE_VERBS, actors_of, owners_of
from graphkit.extract.finders import RELATIONAL_NOUNS
from graphkit.extract.known import ArticleIndex
from graphkit.extract.syntax import clause_subjects, is_condition, is_purpose, prep_objects
from graphkit.extract.tokens import children, is_word, kids, select
from graphkit.lexicon import Cue, word_class, word_tuple
from graphkit.resolve import Actor, How
from graphkit.vocab import relation, relations_where

DEEP_OBJECT_RELATIONS = relations_where(lambda r: "deep" in r.object_search)
DOCUMENT_NOUNS = word_class("document_nouns")
# "agreed to US mediation" is agreed with the US; "agreed to impose sanctions on Russia" is not
SHALLOW_OBJECT_RELATIONS = relations_where(lambda r: "shallow" in r.object_search)
NOUNS = ("NOUN", "PROPN")
VERBS = ("VERB", "AUX")
SUBJECTS = ("nsubj", "nsubjpass")
Args = list[tuple[Token, Actor]]


def _others(found: Args, own: set[str]) -> Args:
    """The ``found`` actors that are not one of ``own`` (entity keys)."""
    return [f for f in found if f[1].entity.key not in own]


WATER_NOUNS = word_class("water_nouns")
# (type, identifiers, named as a body of water) of a sea or strait in no country: where an
# event happens, not a party to it
SCENE = ("Place", (), True)


def _where(actor: Actor) -> tuple[str, tuple[tuple[str, str], ...], bool]:
    entity = actor.entity
    return entity.type, entity.ids, not WATER_NOUNS.isdisjoint(entity.name.lower().split())


def opens_clause(tok: Token) -> bool:
    """A conjunct the parse took from the next clause: in "stiffened sanctions against Tehran
    and Iranian President Mahmoud Ahmadinejad announced ...", Ahmadinejad is the subject of
    "announced" (a verb with no subject of its own right after him), not sanctioned."""
    if tok.dep_ != "conj":
        return False
    after = select(tok.doc[tok.right_edge.i + 1 : tok.right_edge.i + 2], ("conj",), pos=VERBS)
    return any(not kids(v, *SUBJECTS) for v in after)


def own_objects(objects: Args) -> Args:
    """The objects that are no subject of a clause that follows (see :func:`opens_clause`)."""
    return [o for o in objects if not opens_clause(o[0])]


def _first_others(
    tokens: Iterable[Token], index: ArticleIndex, own: set[str], *, events: bool = False
) -> Args:
    """The other actors of the first of ``tokens`` that names any."""
    for tok in tokens:
        found = _others(actors_of(tok, index, events=events), own)
        if found:
            return found
    return []


def _inner_nouns(clause: Token) -> list[Token]:
    """The nouns inside a clause or phrase, its own head left out, and no broker of it ("the
    EU-brokered ceasefire", "a deal mediated by Qatar": the EU and Qatar are no party)."""
    return [t for t in clause.subtree if t.i != clause.i and t.pos_ in NOUNS and not _brokers(t)]


def _brokers(noun: Token) -> bool:
    """Whether a noun names who brokered what it hangs on ("EU-brokered", "mediated by
    Qatar")."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "agent" else noun.head
    return head.lemma_ in MEDIATE_VERBS and head.tag_ == "VBN" and head.i != noun.i


def ccomp_subjects(verb: Token, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """Actors of the clause a verb introduces: "vowed that Israel would be punished"."""
    # "demanded that Israel ease", and a noun's "the demand that Israel ease"
    noun = verb.pos_ == "NOUN"
    clauses = [
        c
        for c in kids(verb, "ccomp", "acl")
        if c.dep_ == "ccomp" or (noun and any(m.lower_ == "that" for m in kids(c, "mark")))
    ]
    out: list[tuple[Token, Actor]] = []
    for sub in (s for clause in clauses for s in kids(clause, *SUBJECTS)):
        out.extend(actors_of(sub, index))
        if not out:  # "Iranian forces would": the actor a modifier names
            mods = [(m, index.actor_at(m)) for m in kids(sub, "amod", "compound", "poss")]
            out += [(m, a) for m, a in mods if a is not None][:1]
    return out


CLAUSE_OBJECT_RELATIONS = relations_where(lambda r: "clause" in r.object_search)
PROTEST_VERBS = word_class("protest_verbs")
XCOMP_OBJECT_RELATIONS = relations_where(lambda r: "xcomp" in r.object_search)


def xcomp_objects(
    verb: Token, index: ArticleIndex, subjects: list[tuple[Token, Actor]]
) -> list[tuple[Token, Actor]]:
    """ "threatened to shell Iraqi towns", "refused to allow U.S. planes"; with a condition
    ("threatened to strike unless Israel rescinded"), the one held to it."""
    own = {a.entity.key for _, a in subjects}
    # "rejected mediation to try to solve its dispute with Pakistan": with an object of its
    # own, a purpose tells why, not what is refused or threatened
    purposes = not kids(verb, "dobj")
    clauses = [
        c
        for c in kids(verb, pos=VERBS)
        if c.dep_ == "xcomp" or (purposes and is_purpose(c)) or is_condition(c)
    ]
    nouns = [t for c in clauses for t in _inner_nouns(c)]
    held = [t for t in nouns if t.dep_ in SUBJECTS and is_condition(t.head)]
    return _first_others([*held, *(t for t in nouns if t.dep_ not in SUBJECTS)], index, own)


FALLBACK_CONFIDENCE = 0.55
PACT_NOUNS = word_class("pact_nouns")
SKIP_PREPS = word_class("skip_preps")
VENUE_PREPS = word_class("venue_preps")
GATHERING_NOUNS = word_class("gathering_nouns")
# clauses that tell of something else ("who ...", "after ...", asides), unless a purpose
CLOSED_DEPS = ("relcl", "advcl", "parataxis", "punct")
# the cue's own subject and agent, directly under it
OWN_SIDE_DEPS = ("agent", "nsubj", "nsubjpass", "csubj")


def _passing_prep(prep: Token, depth: int) -> bool:
    """A preposition whose object is no target: "after the vote", "the attacks at the General
    Assembly session" (a venue), "with the help of" (an instrument; "a truce with X" names X)."""
    if prep.lower_ in SKIP_PREPS:
        return True
    if prep.lower_ in VENUE_PREPS:
        return bool(kids(prep, "pobj", words=GATHERING_NOUNS))
    return prep.lower_ == "with" and depth > 1 and not is_word(prep.head, PACT_NOUNS)


def falls_back(predicate: str) -> bool:
    """Relations whose target may be any actor of the cue's clause: not the symmetric ones (a
    partner must be named), nor those whose object is an event's actor (see ``_deep_objects``)."""
    info = relation(predicate)
    return not info.symmetric and info.fallback


def _hostile(verb: Token, index: ArticleIndex) -> bool:
    return any(
        relation(c.relation).score < 0 for c in index.lex.verb_cues.get(verb.lemma_.lower(), ())
    )


def hostile_act(noun: Token, index: ArticleIndex) -> bool:
    """Whether a noun names only hostile acts ("sanctions", "strikes"): backing one is no
    support of whom it is aimed at."""
    cues = index.lex.noun_cues.get(noun.lemma_.lower(), ()) if noun.pos_ == "NOUN" else ()
    return bool(cues) and all(relation(c.relation).score < 0 for c in cues)


def _owned_by(tok: Token, own: set[str], index: ArticleIndex) -> bool:
    """Whether a noun's possessor is one of the actors ``own`` names ("its east coast")."""
    return any(
        (owner := index.actor_at(p)) is not None and owner.entity.key in own
        for p in kids(tok, "poss")
    )


# refusals aimed at whoever proposed or did what is refused ("rejected the sanctions")
REFUSING_RELATIONS = ("rejected",)


def agrees_to_hostility(verb: Token, cue: Cue, index: ArticleIndex) -> bool:
    """ "The EU agreed to impose sanctions on Russia": agreeing among themselves, not with
    Russia."""
    if relation(cue.relation).score <= 0:
        return False
    lex = index.lex
    acts = kids(verb, "xcomp")
    cues = [c for act in acts for c in lex.verb_cues.get(act.lemma_.lower(), ())]
    objects = [d for act in acts for d in kids(act, "dobj")]
    cues += [c for d in objects for c in lex.noun_cues.get(d.lemma_.lower(), ())]
    return any(relation(c.relation).score < 0 for c in cues)


def backs_hostile_act(verb: Token, cue: Cue, index: ArticleIndex) -> bool:
    """ "Germany backed sanctions on Russia", "approved a new round of sanctions on Iran",
    "welcomed the strikes on Iran": backing an act against someone is no support of them (the
    act's noun tells the event); nor is refusing or judging one aimed at them ("Turkey
    opposed the sanctions on Iran", "rejected the Western sanctions against Iran"): whoever
    does the act is the one refused or judged, if the phrase names them."""
    info = relation(cue.relation)
    if info.score <= 0 and not (info.judges or cue.relation in REFUSING_RELATIONS):
        return False
    acts = [t for d in kids(verb, "dobj") for t in (d, *prep_objects(d, ("of",)))]
    return any(hostile_act(t, index) for t in acts)


def refuses_hostile_act(verb: Token, cue: Cue, index: ArticleIndex) -> bool:
    """ "Turkey opposed the sanctions on Iran": a refusal of a hostile act whose doer the
    phrase leaves unnamed refuses nobody else in the clause."""
    return cue.relation in REFUSING_RELATIONS and backs_hostile_act(verb, cue, index)


def clause_objects(
    head: Token, index: ArticleIndex, subjects: list[tuple[Token, Actor]], *, purposes: bool = True
) -> list[tuple[Token, Actor]]:
    """The nearest other actor in the cue's own clause, when no slot named one: "Afghan rebels
    exploded bombs in Kabul", "the army demolished homes in southern Gaza". With
    ``purposes=False`` (a cooperative cue), a purpose clause with a hostile verb is not searched."""
    own = {a.entity.key for _, a in subjects}
    own_tokens = {t.i for tok, _ in subjects for t in tok.subtree}
    own_tokens |= {t.i for subj in clause_subjects(head) for t in subj.subtree}
    own_tokens |= {t.i for t in kids(head, *OWN_SIDE_DEPS)}
    frontier = [(c, 1) for c in children(head)]
    while frontier:
        level = frontier
        frontier = []
        for tok, depth in level:
            purpose = is_purpose(tok)
            if not purposes and tok.dep_ in ("advcl", "xcomp") and _hostile(tok, index):
                continue  # "sent jets to bomb Cambodian positions": no help to Cambodia
            if not purposes and tok.dep_ in ("dobj", "pobj") and hostile_act(tok, index):
                continue  # "backed sanctions on Russia": no support of Russia
            # "began a hunger strike to demand ...": a purpose clause says whom it is aimed at
            if tok.i in own_tokens or (tok.dep_ in CLOSED_DEPS and not purpose):
                continue
            if tok.dep_ == "prep" and _passing_prep(tok, depth):
                continue
            if tok.dep_ == "ccomp" or (tok.dep_ == "conj" and tok.pos_ in VERBS):
                continue  # another clause's actors
            if tok.dep_ in ("acl", "relcl") and tok.head.lemma_ in DOCUMENT_NOUNS:
                continue  # "vetoed a draft demanding a ceasefire in Sudan": what it says
            if is_word(tok, RELATIONAL_NOUNS):
                continue  # "one of Washington's partners", "his daughter": not the actor named
            if _owned_by(tok, own, index):
                continue  # "fired two missiles into the sea off its east coast": its own ground
            if _brokers(tok):
                continue  # "violated the EU-brokered ceasefire": the broker is no party
            found = _others(actors_of(tok, index), own) if tok.pos_ in (*NOUNS, "PRON") else []
            # "attacks on vessels in the Red Sea": the sea is the scene, the vessels the target
            found = [f for f in found if _where(f[1]) != SCENE]
            if found:
                return found[:1]
            if depth < 5:
                # a purpose clause is searched as deep as the cue's own clause
                frontier.extend((c, 0 if purpose else depth + 1) for c in children(tok))
    return []


def deep_objects(
    verb: Token,
    index: ArticleIndex,
    preps: tuple[str, ...] = (),
    subjects: list[tuple[Token, Actor]] | None = None,
    *,
    clauses: bool = True,
) -> list[tuple[Token, Actor]]:
    """The actor behind an object or object clause: "condemned what he called a reckless
    attack", "is opposed to French mediation" (never the subject itself: "rejected a call
    for its forces to be deployed in East Timor" is aimed at East Timor)."""
    own = {a.entity.key for _, a in subjects or []}
    found = _first_others(prep_objects(verb, preps), index, own, events=True)
    if found:
        return found[:1]
    if not clauses:  # "agreed to US mediation": the objects themselves only
        return _first_others(kids(verb, "dobj"), index, own, events=True)[:1]
    shifted = _shifted_objects(verb)
    for child in [*children(verb), *shifted]:
        is_object = child.dep_ == "dobj" or child in shifted
        if is_object:
            found = _others(actors_of(child, index, events=True), own)
            if found:
                return found
            if child.lemma_ in DOCUMENT_NOUNS:
                # "vetoed a resolution calling for a ceasefire in Sudan": not aimed at Sudan
                continue
        if child.dep_ == "ccomp" and not any(c.tag_ in ("WP", "WDT") for c in children(child)):
            # "complained that Seoul has gotten little": the clause's subject is the one aimed
            # at, and when that is the subject itself, nobody else is ("criticized what it
            # called coercive behavior by China" names its target inside)
            told = [f for s in kids(child, "nsubj") for f in actors_of(s, index)]
            if told:
                return _others(told, own)[:1]
        if is_object or child.dep_ in ("ccomp", "xcomp"):
            found = _first_others(_inner_nouns(child), index, own, events=True)
            if found:
                return found[:1]
    return []


def _shifted_objects(verb: Token) -> list[Token]:
    """ "denounced as an ugly crime Serbia's suppression of the unrest": an object moved after
    an "as" phrase, which the parse hangs on that phrase's noun."""
    if kids(verb, "dobj"):
        return []
    return [a for p in prep_objects(verb, ("as",)) for a in kids(p, "appos")]


STAGED_PROTEST_NOUNS = word_class("staged_protest_nouns")
HAPPENING_PREPS = word_tuple("happening_preps")


def untargeted_protest(noun: Token, cue: Cue) -> bool:
    """A staged protest noun whose target slots are empty: "staged a strike", but not "staged
    a strike against Glencore" (a target the lexicon does not know is still a target)."""
    if cue.relation != "protested" or not is_word(noun, STAGED_PROTEST_NOUNS):
        return False
    heads = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    return not [t for head in heads for t in prep_objects(head, cue.slots)]


def home_countries(
    subjects: list[tuple[Token, Actor]], index: ArticleIndex
) -> list[tuple[Token, Actor]]:
    """The countries the actors of an event are placed in ("students throughout Indonesia",
    "thousands of students in Kenya"). Where the event itself happens is not enough
    ("Ukrainians staged a protest in Berlin" is not aimed at Germany), nor is the country a
    group of another country lives in ("Ukrainians in Germany")."""
    found = []
    for tok, actor in subjects:
        ids = dict(actor.entity.ids)
        own = ids.get("country") or ids.get("iso3")
        found += [
            a
            for head in tok.subtree
            if head.pos_ in NOUNS
            for p in prep_objects(head, HAPPENING_PREPS)
            for a in actors_of(p, index)
            if a[1].entity.type == "Country" and own in (None, dict(a[1].entity.ids).get("iso3"))
        ]
    return found


PATIENT_PREPS = word_tuple("patient_preps")
HOME_ACT_NOUNS = word_class("home_act_nouns")


def undergone(
    noun: Token, index: ArticleIndex
) -> tuple[list[tuple[Token, Actor]], list[tuple[Token, Actor]]] | None:
    """(doers, targets) of an event its clause's subject is under: "Glas is under
    investigation in Ecuador", "the convoy came under attack by rebels". The doer is the one
    named by "by" or "from", else the event's owner ("under UN sanctions"), else the country it
    happens in, else (an investigation, an arrest) the country the target serves. None: the
    noun is no such event."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in PATIENT_PREPS:
        return None
    verb = noun.head.head
    if verb.pos_ not in VERBS:
        return None
    targets = [
        a for t in clause_subjects(verb) or kids(verb, "nsubjpass") for a in actors_of(t, index)
    ]
    heads = (noun, verb)
    doers = [a for h in heads for p in prep_objects(h, ("by", "from")) for a in actors_of(p, index)]
    # "Cherizier is under UN sanctions": whose the sanctions are
    doers = doers or [(noun, a) for a in owners_of(noun, index)]
    if not doers:
        places = [a for h in heads for p in prep_objects(h, ("in",)) for a in actors_of(p, index)]
        doers = [a for a in places if a[1].entity.type == "Country"]
    if not doers and noun.lemma_ in HOME_ACT_NOUNS:
        homes = (index.affiliation.get(a.entity.key) for _, a in targets)
        doers = [(noun, Actor(c, How.IMPLICIT)) for c in homes if c is not None]
    return doers, targets
