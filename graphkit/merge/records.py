"""Name records: what each article said about an entity, kept in the entities graph.

Cross-article resolution keeps one *name record* per entity IRI an article minted (after
resolution inside the article, :mod:`graphkit.merge.normalize`). A record is the index entry
resolution looks names up by, and the memory that lets a later article undo or redo a merge:

.. code-block:: turtle

    GRAPH gkid:graph/entities {
      gkid:organization/trump gk:mentionType "Organization" ; gk:mentionLabel "Trump" ;
          gk:nameKey "trump" ; dcterms:isReferencedBy gkid:article/a-1 ;
          gk:resolvesTo gkid:person/donald-trump ;
          gk:mergeReason "'Trump' is a short form of 'Donald Trump', ..." .
      gkid:person/donald-trump a gk:Person ; rdfs:label "Donald Trump" ;
          skos:altLabel "Trump" .                       # the description: one per entity
      gkid:graph/entities gk:pendingArticle gkid:article/b-2 .   # waits for resolution
    }

Records are never typed and carry no ``rdfs:label``, so ``?x a gk:Country`` and
``?x rdfs:label ?n`` see each entity once. :func:`describe` turns the records of a cluster
into its entity's description (one type decided by the evidence, one label, the other names
as ``skos:altLabel``).

Examples:
    >>> from rdflib import URIRef
    >>> r = Mention(URIRef("https://w3id.org/graphkit/id/person/erdogan"), "Person",
    ...             {"Erdogan", "Erdoğan"}, {"Erdogan", "Erdoğan", "Recep Erdoğan"})
    >>> best_label(r.labels)
    'Erdoğan'
    >>> sorted(name_keys(r))[:3]
    ['erdogan', 'recep erdogan', '~erdgn']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from graphkit.lexicon import norm
from graphkit.merge.names import name_tokens
from graphkit.vocab import GK, WD

Triple = tuple[Node, Node, Node]

CLASS_OF = {
    "Country": GK.Country,
    "Organization": GK.Organization,
    "Person": GK.Person,
    "Place": GK.Place,
}
TYPE_OF = {v: k for k, v in CLASS_OF.items()}

RECORD_PREDICATES = frozenset(
    {
        GK.resolvesTo,
        GK.nameKey,
        GK.mentionType,
        GK.mentionLabel,
        GK.mentionName,
        GK.mentionId,
        GK.titledIn,
        GK.articleCount,
        GK.titledCount,
        GK.mergeReason,
        DCTERMS.isReferencedBy,
    }
)
"""Predicates of name records (the rest of the entities graph describes entities)."""

DESCRIPTION_PREDICATES = frozenset(
    {RDF.type, RDFS.label, SKOS.altLabel, GK.iso3, GK.iso2, GK.countryCode, OWL.sameAs}
)
_ID_PREDICATES = {"iso3": GK.iso3, "iso2": GK.iso2, "country": GK.countryCode}
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


@dataclass
class Mention:
    """One name record: an entity IRI as articles minted it, with what they said of it."""

    iri: URIRef
    type: str
    labels: set[str]
    names: set[str]  # labels and alternative labels
    ids: set[str] = field(default_factory=set)  # "iso3=GBR", "wikidata=Q145", "country=COL"
    articles: set[URIRef] = field(default_factory=set)
    """Articles whose reference this step writes (stored references are not read back)."""
    titled: set[URIRef] = field(default_factory=set)  # of those, the ones naming it with a title
    count: int = 0  # articles naming it, stored ones included
    titled_count: int = 0
    resolves_to: URIRef | None = None
    reason: str = ""

    @property
    def label(self) -> str:
        return best_label(self.labels) if self.labels else min(self.names, default="")

    def absorb(self, other: Mention) -> None:
        """Add what another article said about the same IRI."""
        self.labels |= other.labels
        self.names |= other.names
        self.ids |= other.ids
        self.articles |= other.articles
        self.titled |= other.titled
        self.count += other.count
        self.titled_count += other.titled_count


def _score(name: str) -> tuple[int, int, int, int, str]:
    letters = [c for c in name if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    shouting = int(len(letters) > 3 and name.isupper())
    lower = int(name.islower())
    return (-len(name_tokens(name)), -accented, shouting + lower, -len(name), name)


def best_label(names: Iterable[str]) -> str:
    """The most complete, correctly accented, ordinarily cased of several spellings.

    Examples:
        >>> best_label(["LONDON", "London"]), best_label(["Erdogan", "Erdoğan"])
        ('London', 'Erdoğan')
    """
    return min(names, key=_score)


def skeleton(name: str) -> str:
    """A spelling-insensitive key for transliterated names: ASCII, no vowels inside words
    after the first letter, doubled letters single, 'q' as 'k'.

    el-Sisi and el-Sissi, al-Qaeda and al-Qaida, Gaddafi and Qaddafi differ only in what
    transliteration spells differently: vowels and doubled consonants.

    Examples:
        >>> skeleton("el-Sisi") == skeleton("el-Sissi")
        True
        >>> skeleton("al-Qaeda") == skeleton("al-Qaida")
        True
        >>> skeleton("Mali") == skeleton("Mauli"), skeleton("Iran") == skeleton("Oman")
        (True, False)
    """
    words = []
    for word in re.split(r"[\s\-]+", norm(name)):
        if not word:
            continue
        word = word.replace("q", "k").replace("ph", "f")
        word = word[0] + _VOWELS.sub("", word[1:])
        words.append(_DOUBLES.sub(r"\1", word))
    return " ".join(words)


def name_keys(m: Mention) -> set[str]:
    """The index keys of a record: two records that may be one entity share a key.

    Every name's normalized form and the spelling skeleton of each label; for people (typed
    so, or given a title) also each proper suffix of a label, its skeleton, and the two-word
    prefix of a longer label (surnames and short forms). An organization or a place may
    still be a person (:func:`graphkit.merge.decide.effective_types`: "Bidzina Ivanishvili"
    typed an organization beside the person "Ivanishvili"), so its suffixes that could be
    a person's name (no digit in them) are keys too; "Agency 12" gets no key "12", and a
    country ("South Korea") no suffix at all.

    Examples:
        >>> from rdflib import URIRef
        >>> def keys(kind, name):
        ...     m = Mention(URIRef("https://w3id.org/graphkit/id/x"), kind, {name}, {name})
        ...     return sorted(k for k in name_keys(m) if not k.startswith("~"))
        >>> keys("Person", "Hassan Sheikh Mohamud")
        ['hassan sheikh', 'hassan sheikh mohamud', 'mohamud', 'sheikh mohamud']
        >>> keys("Organization", "Agency 12"), keys("Organization", "Bidzina Ivanishvili")
        (['agency 12'], ['bidzina ivanishvili', 'ivanishvili'])
        >>> keys("Country", "South Korea")
        ['south korea']
    """
    keys = {norm(n) for n in m.names}
    person = m.type == "Person" or m.titled_count > 0
    may_be_person = m.type in ("Organization", "Place")
    for label in m.labels:
        words = name_tokens(label)
        for start in range(1, len(words)):
            tail = " ".join(words[start:])
            if person:
                keys.add(tail)
                keys.add("~" + skeleton(tail))
            elif may_be_person and not any(c.isdigit() for c in tail):
                keys.add(tail)
        if person and len(words) > 2:
            keys.add(" ".join(words[:2]))
        keys.add("~" + skeleton(label))
    keys.discard("")
    keys.discard("~")
    return keys


def record_triples(m: Mention) -> set[Triple]:
    """The triples of one name record."""
    s, lit = m.iri, _literal
    out: set[Triple] = {(s, _TYPE, lit(m.type))}
    out |= {(s, _LABEL, lit(n)) for n in m.labels}
    out |= {(s, _NAME, lit(n)) for n in m.names - m.labels}
    out |= {(s, _ID, lit(i)) for i in m.ids}
    out |= {(s, _REFERENCED_BY, a) for a in m.articles}
    out |= {(s, _TITLED_IN, a) for a in m.titled}
    out.add((s, _COUNT, Literal(m.count)))
    if m.titled_count:
        out.add((s, _TITLED_COUNT, Literal(m.titled_count)))
    out |= {(s, _KEY, lit(k)) for k in name_keys(m)}
    if m.resolves_to is not None:
        out.add((s, _RESOLVES_TO, m.resolves_to))
    if m.reason:
        out.add((s, _REASON, lit(m.reason)))
    return out


# record predicates as plain names: a namespace attribute costs a Python call at each use
_TYPE, _LABEL, _NAME, _ID = GK.mentionType, GK.mentionLabel, GK.mentionName, GK.mentionId
_REFERENCED_BY, _TITLED_IN, _RESOLVES_TO = DCTERMS.isReferencedBy, GK.titledIn, GK.resolvesTo
_COUNT, _TITLED_COUNT, _KEY, _REASON = (
    GK.articleCount, GK.titledCount, GK.nameKey, GK.mergeReason
)  # fmt: skip
_literal = functools.lru_cache(maxsize=1 << 16)(Literal)
"""Plain literals of names and keys, built once: each step writes a whole component's records."""


def records_from(triples: Iterable[Triple]) -> dict[URIRef, Mention]:
    """Name records read back from entities-graph triples (description triples ignored)."""
    found: dict[URIRef, Mention] = {}
    for s, p, o in triples:
        read = _READERS.get(p)  # type: ignore[call-overload]
        if read is None:
            continue
        assert isinstance(s, URIRef)
        m = found.get(s)
        if m is None:
            m = found[s] = Mention(s, "", set(), set())
        read(m, o)
    return {k: v for k, v in found.items() if v.type}


def _read_type(m: Mention, o: Node) -> None:
    m.type = str(o)


def _read_label(m: Mention, o: Node) -> None:
    m.labels.add(str(o))
    m.names.add(str(o))


def _read_article(m: Mention, o: Node) -> None:
    assert isinstance(o, URIRef)
    m.articles.add(o)


def _read_titled(m: Mention, o: Node) -> None:
    assert isinstance(o, URIRef)
    m.titled.add(o)


def _read_resolves(m: Mention, o: Node) -> None:
    assert isinstance(o, URIRef)
    m.resolves_to = o


def _read_count(m: Mention, o: Node) -> None:
    m.count = int(o)  # type: ignore[call-overload]


def _read_titled_count(m: Mention, o: Node) -> None:
    m.titled_count = int(o)  # type: ignore[call-overload]


def _read_reason(m: Mention, o: Node) -> None:
    m.reason = str(o)


_READERS: dict[Node, Callable[[Mention, Node], None]] = {
    GK.mentionType: _read_type,
    GK.mentionLabel: _read_label,
    GK.mentionName: lambda m, o: m.names.add(str(o)),
    GK.mentionId: lambda m, o: m.ids.add(str(o)),
    DCTERMS.isReferencedBy: _read_article,
    GK.articleCount: _read_count,
    GK.titledCount: _read_titled_count,
    GK.titledIn: _read_titled,
    GK.resolvesTo: _read_resolves,
    GK.mergeReason: _read_reason,
}
"""How each record predicate is read back (``gk:nameKey`` is not: keys follow from names)."""


def describe(canonical: URIRef, kind: str, members: Iterable[Mention]) -> set[Triple]:
    """The description of one entity from the records resolved to it.

    One ``rdf:type`` (``kind``), one ``rdfs:label`` (the best spelling of the canonical
    record's label), every other name as ``skos:altLabel``, and one value per identifier
    scheme (the canonical record's own first).
    """
    group = sorted(members, key=lambda m: (m.iri != canonical, str(m.iri)))
    head = group[0]
    key = norm(head.label)
    same = [n for m in group for n in m.labels if norm(n) == key] or [head.label]
    label = best_label(same)
    out: set[Triple] = {
        (canonical, RDF.type, CLASS_OF[kind]),
        (canonical, RDFS.label, Literal(label)),
    }
    names = {n for m in group for n in m.names} - {label}
    out |= {(canonical, SKOS.altLabel, Literal(n)) for n in names}
    seen: set[str] = set()
    for m in group:
        for ident in sorted(m.ids):
            scheme, _, value = ident.partition("=")
            if scheme in seen or not value:
                continue
            if scheme == "wikidata":
                out.add((canonical, OWL.sameAs, WD[value]))
            elif scheme in _ID_PREDICATES and (scheme != "country" or kind != "Country"):
                out.add((canonical, _ID_PREDICATES[scheme], Literal(value)))
            else:
                continue
            seen.add(scheme)
    return out
