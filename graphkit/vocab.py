"""graphkit's closed vocabulary and its relation table, both read from ``ontology/``.

``GK`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a typo such as ``GK.metwith``
raises at once instead of minting a new predicate. The relation table (PLOVER category,
symmetry, quad class, cooperation score) comes from ``ontology/relations.csv``, the same file
``ontology/graphkit.ttl`` is generated from.

Examples:
    >>> GK.metWith
    rdflib.term.URIRef('https://w3id.org/graphkit/ontology#metWith')
    >>> relation("deported").plover
    'COERCE'
    >>> relation("metWith").symmetric
    True
    >>> sorted(r.name for r in relations() if r.plover == "CONSULT")
    ['metWith', 'negotiatedWith', 'spokeWith', 'visited']
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

ONTOLOGY_DIR = Path(
    os.environ.get("GRAPHKIT_ONTOLOGY", Path(__file__).resolve().parent / "ontology")
)  # GRAPHKIT_ONTOLOGY: a folder with relations.csv, graphkit.ttl and shapes.ttl
GK_IRI = "https://w3id.org/graphkit/ontology#"
ID_BASE = "https://w3id.org/graphkit/id/"
WD = Namespace("http://www.wikidata.org/entity/")
PROV = Namespace("http://www.w3.org/ns/prov#")


class GK(DefinedNamespace):
    """The graphkit ontology namespace (closed)."""

    _NS = Namespace(GK_IRI)
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Place: URIRef
    Article: URIRef
    Evidence: URIRef
    Relation: URIRef
    EventRelation: URIRef
    StaticRelation: URIRef
    PloverCategory: URIRef
    # event and static relations: every row of relations.csv (``_extras``, set below)
    # PLOVER categories (super-properties of the event relations)
    interactedWith: URIRef
    AGREE: URIRef
    CONSULT: URIRef
    SUPPORT: URIRef
    CONCEDE: URIRef
    COOPERATE: URIRef
    AID: URIRef
    RETREAT: URIRef
    REQUEST: URIRef
    ACCUSE: URIRef
    REJECT: URIRef
    THREATEN: URIRef
    PROTEST: URIRef
    SANCTION: URIRef
    MOBILIZE: URIRef
    COERCE: URIRef
    ASSAULT: URIRef
    # annotation properties on relation properties
    ploverCategory: URIRef
    quadClass: URIRef
    cooperationScore: URIRef
    cameoCode: URIRef
    # evidence and articles
    article: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    start: URIRef
    end: URIRef
    cue: URIRef
    confidence: URIRef
    modality: URIRef
    eventDate: URIRef
    method: URIRef
    contentHash: URIRef
    dateline: URIRef
    # external identifiers and resolution
    iso3: URIRef
    iso2: URIRef
    countryCode: URIRef
    mergeReason: URIRef
    # surface names on evidence, and entity resolution's own records (the entities graph)
    subjectName: URIRef
    objectName: URIRef
    mentions: URIRef
    subjectMention: URIRef
    objectMention: URIRef
    resolvesTo: URIRef
    nameKey: URIRef
    mentionType: URIRef
    mentionLabel: URIRef
    mentionName: URIRef
    mentionId: URIRef
    titledIn: URIRef
    articleCount: URIRef
    titledCount: URIRef
    pendingArticle: URIRef


PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class RelationInfo:
    """One row of ``ontology/relations.csv``."""

    name: str
    kind: str  # "event" or "static"
    plover: str  # PLOVER category for events, the name itself for static relations
    symmetric: bool
    quad: str  # verbal-cooperation, material-cooperation, verbal-conflict, material-conflict
    score: float  # cooperation (+) / conflict (-) value, -10..+10
    cameo: tuple[str, ...]
    label: str
    comment: str
    close_match: str

    # what the extractor allows and where it looks (see the table's columns)
    subject_types: frozenset[str] = frozenset()  # entity types the subject may have
    object_types: frozenset[str] = frozenset()  # the same for the object ("collective" too)
    object_search: frozenset[str] = frozenset()  # deep, shallow, clause, xcomp: see targets.py
    judges: bool = (
        False  # judges an act: its object is whoever did the act ("criticized the strike")
    )
    person_object: bool = False  # its object is a person ("arrested", "extradited")
    reversible: bool = False  # undone by lifting or easing it ("lifted sanctions")
    talks: bool = False  # a talk between parties that a mediation can refer to
    hostile_to_places: bool = False  # aimed at a place, it is aimed at the place's country
    fallback: bool = True  # its object may be any actor of the cue's clause when none is found
    pursued: str = ""  # what it is while only worked toward ("working on a deal": negotiatedWith)
    bargained: str = ""  # what it is held over a matter ("peace talks": negotiatedWith)
    broken: str = ""  # what breaking it is ("broke its treaty with Libya": rejected)
    halted: str = ""  # what halting it is ("halted its attacks on Turkey": retreatedFrom)
    own_side: bool = False  # may be done to one's own country (a curfew, a state of siege)
    passive_doer: str = ""  # with no agent, the country after this word acts ("jailed in")
    passive_home: bool = False  # with no agent nor place, the object's own country acts

    def allows(self, subject_type: str, object_type: str, *, collective: bool = False) -> bool:
        """Whether the vocabulary allows this relation between entities of these types.

        Examples:
            >>> relation("locatedIn").allows("Place", "Country")
            True
            >>> relation("criticized").allows("Country", "Place")
            False
            >>> relation("arrested").allows("Country", "Organization", collective=True)
            True
        """
        objects = self.object_types
        return subject_type in self.subject_types and (
            object_type in objects or (collective and "collective" in objects)
        )

    @property
    def iri(self) -> URIRef:
        return URIRef(GK_IRI + self.name)

    @property
    def is_event(self) -> bool:
        return self.kind == "event"


@cache
def _table() -> dict[str, RelationInfo]:
    path = ONTOLOGY_DIR / "relations.csv"
    rows: dict[str, RelationInfo] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["name"]] = RelationInfo(
                name=row["name"],
                kind=row["kind"],
                plover=row["plover"] or row["name"],
                symmetric=row["symmetric"] == "yes",
                quad=row["quad"],
                score=float(row["score"]) if row["score"] else 0.0,
                cameo=tuple(c for c in row["cameo"].split(";") if c),
                label=row["label"],
                comment=row["comment"],
                close_match=row["close_match"],
                subject_types=frozenset(row["subject_types"].split()),
                object_types=frozenset(row["object_types"].split()),
                object_search=frozenset(row["object_search"].split()),
                judges=row["judges"] == "yes",
                person_object=row["person_object"] == "yes",
                reversible=row["reversible"] == "yes",
                talks=row["talks"] == "yes",
                hostile_to_places=row["hostile_to_places"] == "yes",
                fallback=row["fallback"] != "no",
                pursued=row.get("pursued") or "",
                bargained=row.get("bargained") or "",
                broken=row.get("broken") or "",
                halted=row.get("halted") or "",
                own_side=row.get("own_side") == "yes",
                passive_doer=row.get("passive_doer") or "",
                passive_home=row.get("passive_home") == "yes",
            )
    return rows


def relations() -> tuple[RelationInfo, ...]:
    """All relations of the vocabulary, events first, in the table's order."""
    return tuple(_table().values())


def relation(name: str) -> RelationInfo:
    """Look up one relation by its local name; raises KeyError for an unknown name."""
    return _table()[name]


def relations_where(test: Callable[[RelationInfo], bool]) -> frozenset[str]:
    """The names of the relations a test holds for.

    Examples:
        >>> sorted(relations_where(lambda r: r.person_object))
        ['arrested', 'extradited']
    """
    return frozenset(r.name for r in _table().values() if test(r))


def relation_names() -> frozenset[str]:
    """The local names of every relation (the predicates graphkit writes between actors)."""
    return frozenset(_table())


def local_name(iri: str) -> str:
    """The part of an IRI after its last '#' or '/'.

    Examples:
        >>> local_name("https://w3id.org/graphkit/ontology#metWith")
        'metWith'
    """
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def entity_iri(key: str) -> URIRef:
    """The IRI of a canonical entity from its key (``type/slug``)."""
    return URIRef(ID_BASE + key)


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article; it also names the article's named graph."""
    return URIRef(f"{ID_BASE}article/{article_id}")


GK._extras = sorted(_table())  # every relation of the table is a term of the closed namespace
