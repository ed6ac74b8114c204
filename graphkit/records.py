"""Small immutable records passed between the pipeline stages.

Nothing here imports spaCy or rdflib: records are plain data, so every stage can be tested
alone and the records can cross process boundaries (``nlp.pipe(n_process=...)``, Dask).

Examples:
    >>> from graphkit.records import Article, Entity
    >>> art = Article.from_text("Petro met Trump.", source="a.txt")
    >>> art.id
    'a-64dbb9196428'
    >>> Entity(type="Person", name="Gustavo Petro").key
    'person/gustavo-petro'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import PurePath

ENTITY_TYPES = ("Person", "Country", "Organization", "Place")

MODALITIES = ("asserted", "negated", "hypothetical", "reported")
"""How the article states an event. Only ``asserted`` events become relation triples."""
ASSERTED, NEGATED, HYPOTHETICAL, REPORTED = MODALITIES


# Latin letters that Unicode does not decompose into a base letter and a mark, so that the
# ASCII step would drop them ("Radosław" -> "radosaw"): their usual plain spelling
LATIN_LETTERS = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss",
        "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "Ng",
    }
)  # fmt: skip


@lru_cache(maxsize=65536)
def slugify(name: str) -> str:
    """Normalize a name into an IRI-safe slug: ASCII, lower case, words joined by '-'.

    Examples:
        >>> slugify("Nicolás  Maduro")
        'nicolas-maduro'
        >>> slugify("U.S. Drug Enforcement Administration")
        'u-s-drug-enforcement-administration'
        >>> slugify("Radosław Sikorski"), slugify("Jonas Gahr Støre"), slugify("Fatih Yıldız")
        ('radoslaw-sikorski', 'jonas-gahr-store', 'fatih-yildiz')
    """
    spelled = name.translate(LATIN_LETTERS)
    ascii_name = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")
    if slug:
        return slug
    return "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of an article's text (used for incremental builds)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about it."""

    id: str
    text: str
    source: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    hash: str = ""
    fetched: str = ""  # when a web page was fetched (ISO 8601, UTC); "" for files
    site: str = ""  # the web site's name, when a fetched page states it
    dateline: str = ""  # where the article was filed ("TEHRAN, Iran"), from its dateline

    @classmethod
    def from_text(
        cls, text: str, *, source: str = "", title: str = "", date: str = "", url: str = ""
    ) -> Article:
        """Build an article whose id is its file stem plus a short content hash."""
        digest = content_hash(text)
        stem = slugify(PurePath(source).stem) if source else "article"
        return cls(
            id=f"{stem}-{digest[:12]}",
            text=text,
            source=source,
            title=title,
            date=date,
            url=url,
            hash=digest,
        )


@dataclass(frozen=True)
class Entity:
    """A canonical actor: one IRI per (type, normalized name)."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    ids: tuple[tuple[str, str], ...] = ()
    """External identifiers as (scheme, value) pairs, e.g. ("iso3", "COL"), ("wikidata", "Q739")."""

    @cached_property
    def key(self) -> str:
        """``type/slug``, the entity's identity (worked out once: the fields never change)."""
        return f"{self.type.lower()}/{slugify(self.name)}"


@dataclass(frozen=True)
class Evidence:
    """Where and how a relation was found."""

    article_id: str
    sentence: str
    start: int
    end: int
    cue: str
    confidence: float
    modality: str = "asserted"
    event_date: str = ""
    method: str = ""


@dataclass(frozen=True)
class Relation:
    """``subject predicate object`` between two actors, with its evidence."""

    subject: Entity
    predicate: str
    object: Entity
    evidence: Evidence


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article, ready to become one named graph."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
