"""Event relations from nominal cues: "the meeting between X and Y", "X's visit to Y",
"sanctions on X", "Bogotá's extradition of P", "held talks with Y", "drew condemnation from Y"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from graphkit.extract.args import actors_of
from graphkit.extract.found import INHERITED_CONFIDENCE, NOMINAL_CONFIDENCE, Found, emit
from graphkit.extract.known import ArticleIndex
from graphkit.extract.mediation import pairs_between
from graphkit.extract.objects import cue_objects, needs_ok, of_carrier
from graphkit.extract.recast import MATTER_PREPS, counted, first_conjunct, recast, tells_no_event
from graphkit.extract.stopped import stopped_cue, undone
from graphkit.extract.syntax import clause_subjects, doers, prep_objects
from graphkit.extract.targets import (
    CLAUSE_OBJECT_RELATIONS,
    DEEP_OBJECT_RELATIONS,
    FALLBACK_CONFIDENCE,
    ccomp_subjects,
    clause_objects,
    falls_back,
    home_countries,
    own_objects,
    undergone,
    untargeted_protest,
)
from graphkit.extract.tokens import is_word, kids, select
from graphkit.lexicon import Cue, word_class, word_tuple
from graphkit.resolve import Actor, How
from graphkit.vocab import relation, relations_where

LIGHT_VERBS = word_class("light_verbs")
SUBJECT_PREPS = word_tuple("subject_preps")
OF_AGENT_NOUNS = word_class("of_agent_nouns")
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")
VERBS = ("VERB", "AUX")
Args = list[tuple[Token, Actor]]


def _first_found(tokens: Iterable[Token], index: ArticleIndex) -> Args:
    """The actors of the first of ``tokens`` that names any."""
    for tok in tokens:
        found = actors_of(tok, index)
        if found:
            return found
    return []


def noun_subjects(
    noun: Token, index: ArticleIndex, *, hostile: bool = False
) -> tuple[list[tuple[Token, Actor]], float]:
    """Who does the act an event noun names, with the confidence of finding them that way.

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.resolve import resolve_doc
        >>> doc = load_nlp()("France condemned the Iranian attack on Israel.")
        >>> index = ArticleIndex.over(resolve_doc(doc))
        >>> [a.entity.name for _, a in noun_subjects(doc[4], index)[0]]
        ['Iran']
    """
    # "Bogotá's extradition", "U.S. deportation flights", "Iranian attack"; then modifiers of
    # modifiers ("U.S." in "U.S. Deportation flights"), and a possessive the parse attached
    # elsewhere ("Colombia and Bogotá's extradition")
    doc = noun.doc
    start = _headline_judge(noun, index)
    before = select(doc[start : noun.i], MODIFIER_DEPS)
    # the noun's own modifiers first, then their modifiers
    mods = (t for t in before if t.head.i <= noun.i)
    found = _first_found(sorted(mods, key=lambda t: t.head.i != noun.i), index)
    if found:
        return found, NOMINAL_CONFIDENCE
    k = noun.i - 1
    while k > noun.sent.start and doc[k].pos_ == "ADJ":
        k -= 1
    if k > noun.sent.start and doc[k].tag_ == "POS" and doc[k - 1].i in index.by_token:
        return [(doc[k - 1], index.by_token[doc[k - 1].i])], INHERITED_CONFIDENCE
    preps = (*SUBJECT_PREPS, "of") if noun.lemma_ in OF_AGENT_NOUNS else SUBJECT_PREPS
    found = _first_found(prep_objects(noun, preps), index)
    if found:
        return found, NOMINAL_CONFIDENCE
    # "the demonstration staged by students", "a rally organized by the opposition": the agent
    # of the staging verb's participle the noun carries ("talks hosted by Qatar" name the host)
    staged = [
        p
        for acl in kids(noun, "acl")
        if is_word(acl, EVENT_STAGING_VERBS)
        for agent in kids(acl, "agent")
        for p in kids(agent, "pobj")
    ]
    if staged:  # whoever the agent is, not the governing verb's subject ("police prevented")
        return _first_found(staged, index), NOMINAL_CONFIDENCE
    # the subject of the verb that governs the noun: "Iran held talks with", "imposed sanctions"
    # (or its count: "arrived for a second round of talks with Witkoff")
    tok = counted(noun)
    hops = 0
    occasion = False
    while hops < 3 and tok.dep_ in (
        "dobj",
        "pobj",
        "prep",
        "conj",
        "attr",
        "nsubjpass",
        "compound",
    ):
        if hostile and tok.dep_ == "prep" and tok.lower_ in SKIP_PREPS:
            break  # "cut ties after a military attack on the rebels": the reaction, not the attack
        if tok.dep_ == "prep" and tok.lower_ in OPPOSED_PREPS:
            break  # "warned against sanctions on Iran": what is opposed is someone else's act
        occasion = occasion or (tok.dep_ == "prep" and tok.lower_ in OCCASION_PREPS)
        tok = tok.head
        hops += 1
        if tok.pos_ in VERBS:
            # "spoke during a visit to Riyadh": the speaker's own visit
            if tok.lemma_ in SPEECH_VERBS and not occasion:
                break  # "commented on the sanctions imposed on Iran": talking of it is not doing it
            if not occasion and any(
                c.relation in JUDGING_RELATIONS and needs_ok(tok, c)
                for c in index.lex.verb_cues.get(tok.lemma_.lower(), ())
            ):
                # "New Delhi blamed the massacre on militants": judging an act is not doing it
                break
            subj = [a for t in doers(tok) for a in actors_of(t, index)]
            if subj:
                light = tok.lemma_ in LIGHT_VERBS and counted(noun).dep_ == "dobj"
                return subj, NOMINAL_CONFIDENCE if light else INHERITED_CONFIDENCE
            break
    return [], 0.0


# Relations of verbs that judge someone else's act, or reject it ("a charge Rwanda denies",
# "Hungary blocked the sanctions"): the act's noun is not the judge's doing.
JUDGING_RELATIONS = relations_where(lambda r: r.judges) | {"rejected"}


def _headline_judge(noun: Token, index: ArticleIndex) -> int:
    """Where a noun's own modifiers begin: after a title-case verb of judgement a headline's
    parse made one of them ("U.S. Condemns Terrorist Attack in Iraq": the U.S. condemns the
    attack, it did not make it)."""
    judges = [
        t.i + 1
        for t in kids(noun, "compound", side="before")
        if t.is_title
        and any(c.relation in JUDGING_RELATIONS for c in index.lex.verb_cues.get(t.lower_[:-1], ()))
    ]
    # "Trump's long list of meetings", "Russia's wave of attacks": a count's owner owns them
    return max(judges, default=counted(noun).left_edge.i)


SPEECH_VERBS = word_class("speech_verbs")
OCCASION_PREPS = word_class("occasion_preps")
SKIP_PREPS = word_class("skip_preps")
OPPOSED_PREPS = word_class("opposed_preps")
EXPERIENCE_VERBS = word_class("experience_verbs")


def _governor(noun: Token) -> Token:
    """The verb a noun (or the first of its conjuncts) is the object of."""
    return first_conjunct(noun).head


def _implicit_agent(objects: list[tuple[Token, Actor]], index: ArticleIndex) -> Actor | None:
    """The article's other main country: who imposes the sanctions a person "experienced"."""
    excluded = {a.entity.key for _, a in objects}
    excluded |= {index.affiliation[k].key for k in excluded & index.affiliation.keys()}
    counterpart = index.salient_country(excluded)
    return Actor(counterpart, How.IMPLICIT) if counterpart is not None else None


DRAW_VERBS = word_class("draw_verbs")


def _drawn_from(
    noun: Token, index: ArticleIndex
) -> tuple[list[tuple[Token, Actor]], list[tuple[Token, Actor]]] | None:
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


NOT_ATTACKS = word_class("not_attacks")


def nominal_events(noun: Token, cues: tuple[Cue, ...], index: ArticleIndex) -> Iterator[Found]:
    """Events whose cue is a noun: the first cue that gives an answer wins."""
    if not cues or tells_no_event(noun, index.lex.noun_cues):
        return
    mods = {c.lower_ for c in kids(noun, "compound", "amod")}
    noun_preps = {c.lower_ for c in kids(noun, "prep")}
    # the cue whose object preposition the noun has goes first: "a visit to Riyadh" is a visit
    for cue in sorted(cues, key=lambda c: (-len(c.needs), not (set(c.slots) & noun_preps))):
        if not needs_ok(noun, cue) or (cue.relation == "attacked" and mods & NOT_ATTACKS):
            continue
        found = _recast_events(noun, cue, index)
        if found is not None:
            yield from found
            return


def _recast_events(noun: Token, cue: Cue, index: ArticleIndex) -> list[Found] | None:
    """What one nominal cue says once its phrase has recast it ("peace talks" are a negotiation
    and a meeting): None when the first reading answers nothing."""
    found: list[Found] | None = None
    for reading in recast(noun, cue):
        # "broke its treaty with Libya": a rejection; "halted its attacks on Turkey": a retreat
        reading, halted = stopped_cue(noun, reading)
        more = _told(noun, reading, index) if halted else _cue_events(noun, reading, index)
        if more is None:
            return found
        found = (found or []) + more
    return found


def _cue_events(noun: Token, cue: Cue, index: ArticleIndex) -> list[Found] | None:
    """What one nominal cue says: a list (maybe empty) ends the search, None tries the next."""
    if undone(noun, cue):
        return None
    if "between" in cue.slots:
        pairs = pairs_between(noun, cue, index)
        if pairs is not None:
            return pairs
    if (
        cue.relation == "aided"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
        and noun.head.head.pos_ in ("VERB", "AUX")
    ):
        return _with_help(noun, cue, index)
    if cue.relation == "aided" and noun.lemma_ in GIVER_OF_NOUNS:
        found = _with_help(noun, cue, index, of_only=True)
        if found is not None:
            return found  # "looks forward to the help of Brazil": Brazil gives it
    drawn = _drawn_from(noun, index)
    if drawn is not None:
        # "drawing condemnation from Britain", "won praise from Kyiv": the "from" side acts
        subjects, objects = drawn
        return list(
            emit(
                subjects,
                objects,
                cue.relation,
                noun,
                INHERITED_CONFIDENCE,
                f"noun-from:{cue.lemma}",
            )
        )
    return _told(noun, cue, index)


def _with_help(
    noun: Token, cue: Cue, index: ArticleIndex, *, of_only: bool = False
) -> list[Found] | None:
    """ "intercepted them with the help of the United States": the helpers aid the subject
    (with ``of_only``, "welcomed the support of Chile", "looks forward to the help of Brazil":
    the "of" side aids the subject of the verb the noun hangs on)."""
    preps = ("of",) if of_only else ("of", "from")
    helpers = [a for p in prep_objects(noun, preps) for a in actors_of(p, index)]
    verb = _governor(noun)
    for _ in range(3):  # the noun hangs on the verb through a preposition (and its noun)
        if verb.pos_ in VERBS:
            break
        verb = verb.head
    helped = [a for t in clause_subjects(verb) for a in actors_of(t, index)]
    helped = [h for h in helped if all(h[1].entity.key != g[1].entity.key for g in helpers)]
    if not (helpers and helped):
        return None
    return list(emit(helpers, helped, cue.relation, noun, NOMINAL_CONFIDENCE, f"noun:{cue.lemma}"))


def _cue_objects(noun: Token, cue: Cue, index: ArticleIndex) -> list[tuple[Token, Actor]]:
    """Whom a nominal cue is aimed at: its own slots, then deeper or on its verb."""
    return next((found for found in _object_sources(noun, cue, index) if found), [])


def _object_sources(noun: Token, cue: Cue, index: ArticleIndex) -> Iterator[Args]:
    """The places a nominal cue's object may be named, nearest first."""
    yield cue_objects(noun, cue, index) if cue.slots else []
    preps = tuple(x for x in cue.slots if x not in ("dobj", "dative"))
    carrier = of_carrier(noun) if "of" in cue.needs else None
    if carrier is not None:
        # "a state of emergency in Darfur": the slot hangs on the noun the cue completes
        yield [a for p in prep_objects(carrier, preps) for a in actors_of(p, index)]
    if cue.relation in DEEP_OBJECT_RELATIONS:
        # "protest against violations by the Israeli military", "criticism of Iran's program"
        yield [a for p in prep_objects(noun, preps) for a in actors_of(p, index, events=True)]
    # "held talks on the border dispute with Ali": the slot hangs on the matter's noun
    matters = [p for p in kids(noun, "prep") if p.lower_ in MATTER_PREPS and p.lower_ not in preps]
    yield [
        a
        for p in matters
        for o in kids(p, "pobj")
        for a in _first_found(prep_objects(o, preps), index)
    ]
    # "five peace agreements signed with Chad": the slot hangs on the noun's participle
    participles = [acl for acl in kids(noun, "acl") if acl.tag_ == "VBN"]
    yield [a for acl in participles for p in prep_objects(acl, preps) for a in actors_of(p, index)]
    if noun.dep_ in ("dobj", "pobj"):
        # "imposed sanctions on Colombia", "remained on alert in the West Bank": the
        # preposition hangs on the verb
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        on_verb = prep_objects(verb, preps) if verb.pos_ in VERBS else ()
        yield [a for p in on_verb for a in actors_of(p, index)]
    if cue.relation in CLAUSE_OBJECT_RELATIONS:
        # "its demand that Israel ease restrictions" (the clause may hang on the verb)
        yield ccomp_subjects(noun, index)
        if noun.dep_ == "dobj":
            yield ccomp_subjects(noun.head, index)


def _told(noun: Token, cue: Cue, index: ArticleIndex) -> list[Found] | None:
    """The cue's subjects and objects found around the noun (the common case)."""
    under = undergone(noun, index)
    if under is not None:
        # "Glas is under investigation in Ecuador": Ecuador investigates Glas
        doers, targets = under
        method = f"noun-under:{cue.lemma}"
        return list(emit(doers, targets, cue.relation, noun, INHERITED_CONFIDENCE, method))
    objects = _cue_objects(noun, cue, index)
    subjects, confidence = noun_subjects(noun, index, hostile=relation(cue.relation).score < 0)
    at = noun.dep_ == "pobj" and noun.head.lower_ == "at"
    if not objects and cue.relation == "requested" and at:
        # "At Britain's request, the Security Council met": the council was asked
        verb = noun.head.head
        askers = clause_subjects(verb) if verb.pos_ in VERBS else []
        objects = [a for t in askers for a in actors_of(t, index)]
        subjects = [a for c in kids(noun, "poss") for a in actors_of(c, index)]
    objects = [o for o in objects if all(o[1].entity.key != s[1].entity.key for s in subjects)]
    objects = own_objects(objects)
    if not objects and noun.dep_ in ("dobj", "conj") and _governor(noun).lemma_ in EXPERIENCE_VERBS:
        # "Petro, who had already experienced visa cancellations": he was sanctioned
        objects = [a for t in clause_subjects(_governor(noun)) for a in actors_of(t, index)]
        agent = _implicit_agent(objects, index) if objects else None
        subjects, confidence = ([(noun, agent)], INHERITED_CONFIDENCE) if agent else ([], 0.0)
    method = f"noun:{cue.lemma}"
    if subjects and not objects and falls_back(cue.relation):
        # "began a hunger strike to protest against Sweden's decision"
        objects = _clause_fallback(noun, index, subjects)
        confidence = min(confidence, FALLBACK_CONFIDENCE)
        method = f"noun-clause:{cue.lemma}"
    if subjects and not objects and untargeted_protest(noun, cue):
        # "students throughout Indonesia staged mass demonstrations": aimed at the government
        # of the country its actors are in
        objects = home_countries(subjects, index)
        confidence = min(confidence, FALLBACK_CONFIDENCE)
        method = f"noun-where:{cue.lemma}"
    # nothing without a subject, nor without an object unless the subjects met each other
    return list(emit(subjects, objects, cue.relation, noun, confidence, method)) or None


def _clause_fallback(
    noun: Token, index: ArticleIndex, subjects: list[tuple[Token, Actor]]
) -> list[tuple[Token, Actor]]:
    """The objects of the clause a nominal cue sits in (or of its light verb's clause)."""
    objects = clause_objects(noun, index, subjects)
    gov = _governor(noun)
    if not objects and noun.dep_ == "dobj" and gov.lemma_ in LIGHT_VERBS | EVENT_STAGING_VERBS:
        objects = clause_objects(gov, index, subjects)
    return objects


GIVER_OF_NOUNS = word_class("giver_of_nouns")
EVENT_STAGING_VERBS = word_class("event_staging_verbs")
