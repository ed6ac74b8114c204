"""Name look-ups for cross-article resolution: titles, lexicon targets, Wikidata links.

Everything that knows about countries, organizations, capitals and seats of government goes
through :mod:`graphkit.lexicon`; Wikidata identifiers come from ``graphkit/lexicons/wikidata.csv``.
That table was generated once from the ``borders.json`` data of the ``@rapideditor/country-coder``
npm package (ISC licence, maintained by the OpenStreetMap iD/Rapid editors), which gives each
ISO 3166 country its Wikidata item, plus the European Union and the United Nations. Nothing
is fetched at run time.

Examples:
    >>> strip_titles("Colombian President Gustavo Petro")
    ('Gustavo Petro', 'Colombian President')
    >>> name_tokens("Daniel García-Peña")
    ('daniel', 'garcia', 'pena')
    >>> target = lexicon_target("Britain", "Country", actor=False)
    >>> target.name, target.iso3, target.wikidata
    ('United Kingdom', 'GBR', 'Q145')
    >>> lexicon_target("White House", "Organization", actor=False).name
    'United States'
    >>> lexicon_target("NATO", "Organization", actor=False).name
    'North Atlantic Treaty Organization'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphkit.config import Settings
from graphkit.errors import InputError
from graphkit.lexicon import Lexicon, load_lexicon, norm

HONORIFICS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "gen", "general", "brig", "maj",
        "lt", "col", "capt", "adm", "sen", "rep", "gov", "ayatollah", "sheikh", "prince",
        "princess", "pope", "rev", "judge", "justice", "former", "late", "acting", "interim",
        "then", "deputy", "vice",
    ]
)  # fmt: skip
"""Words dropped from the front of a person's name besides the lexicon's titles."""

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Target:
    """What the lexicon says a name stands for."""

    type: str  # Country or Organization
    name: str  # canonical name
    reason: str
    iso3: str = ""
    iso2: str = ""
    wikidata: str = ""


def lexicon() -> Lexicon:
    """The gazetteer of the current settings (loaded once)."""
    return load_lexicon(Settings().lexicon_dir)


def _title_words(words: list[str], lex: Lexicon) -> int:
    """How many of ``words`` (normalized) form a title or honorific at their start."""
    for size in (4, 3, 2, 1):
        if len(words) >= size:
            phrase = " ".join(words[:size])
            if phrase in lex.titles or (size == 1 and phrase in HONORIFICS):
                return size
    return 0


@cache
def strip_titles(name: str) -> tuple[str, str]:
    """Split a person's name into (name without leading titles, the titles removed).

    A country, demonym, organization or seat of government is dropped only when a title
    follows it ("U.S. Ambassador", "NATO Secretary-General", not "Jordan Peterson"); at least
    one word is always kept.

    Examples:
        >>> strip_titles("Brig. Gen. Mohammad Reza Zahedi")[0]
        'Mohammad Reza Zahedi'
        >>> strip_titles("Jordan Peterson")[0], strip_titles("President")[0]
        ('Jordan Peterson', 'President')
    """
    lex = lexicon()
    tokens = name.split()
    keys = [norm(t) for t in tokens]
    i = 0
    while i < len(tokens) - 1:
        words = " ".join(keys[i:]).split()
        size = _title_words(words, lex)
        if size:
            i += _tokens_for(keys[i:], size)
            continue
        lead = _qualifier(keys[i:], lex)
        if lead and i + lead < len(tokens) - 1:
            after = _title_words(" ".join(keys[i + lead :]).split(), lex)
            if after:
                i += lead + _tokens_for(keys[i + lead :], after)
                continue
        break
    i = min(i, len(tokens) - 1)
    return " ".join(tokens[i:]), " ".join(tokens[:i])


def _qualifier(keys: list[str], lex: Lexicon) -> int:
    """How many tokens at the start name a country, demonym, organization or seat."""
    for size in (3, 2, 1):
        phrase = " ".join(keys[:size])
        if len(keys) > size and (
            phrase in lex.countries
            or phrase in lex.demonyms
            or phrase in lex.organizations
            or phrase in lex.seats
        ):
            return size
    return 0


def _tokens_for(keys: list[str], words: int) -> int:
    """How many original tokens cover the first ``words`` normalized words."""
    seen = 0
    for count, key in enumerate(keys, start=1):
        seen += len(key.split())
        if seen >= words:
            return count
    return len(keys)


def name_tokens(name: str) -> tuple[str, ...]:
    """The normalized words of a name, without Jr./Sr./III at the end."""
    words = norm(name).split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return tuple(words)


@cache
def wikidata_table(path: Path | None = None) -> dict[tuple[str, str], str]:
    """(kind, key) -> Wikidata QID, kind "country" keyed by ISO3, "organization" by name."""
    path = path or Settings().lexicon_dir / "wikidata.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {(r["kind"], r["key"]): r["qid"] for r in csv.DictReader(handle)}
    except (OSError, KeyError) as err:
        msg = (
            f"cannot read the Wikidata table {path}: {err}; "
            "restore graphkit/lexicons/wikidata.csv or set GRAPHKIT_LEXICONS"
        )
        raise InputError(msg) from err


def country_target(iso3: str, reason: str) -> Target:
    """The canonical country for an ISO 3166 alpha-3 code."""
    country = lexicon().by_iso3[iso3]
    qid = wikidata_table().get(("country", iso3), "")
    return Target("Country", country.name, reason, country.iso3, country.iso2, qid)


@cache
def lexicon_target(name: str, type_: str, *, actor: bool) -> Target | None:
    """The country or organization a name stands for, by type, or None.

    Countries and places named like a country (or by a demonym) become that country;
    capitals and seats of government become their country when typed as a country or an
    organization, or as a place that acts (``actor=True``); organizations' acronyms and
    variants become the organization's full name.

    Examples:
        >>> lexicon_target("Bogotá", "Place", actor=False) is None
        True
        >>> lexicon_target("Bogotá", "Place", actor=True).name
        'Colombia'
        >>> lexicon_target("Colombian", "Country", actor=False).reason
        "'Colombian' is the demonym of Colombia (ISO 3166 COL)"
    """
    lex = lexicon()
    key = norm(name)
    if not key:
        return None
    if type_ in ("Country", "Place"):
        hit = lex.countries.get(key)
        if hit is not None:
            why = "the name" if norm(hit.name) == key else "a name"
            return country_target(
                hit.iso3, f"'{name}' is {why} of the country {hit.name} (ISO 3166 {hit.iso3})"
            )
        hit = lex.demonyms.get(key)
        if hit is not None:
            return country_target(
                hit.iso3, f"'{name}' is the demonym of {hit.name} (ISO 3166 {hit.iso3})"
            )
    if type_ in ("Country", "Organization") or (type_ == "Place" and actor):
        hit = lex.seats.get(key)
        if hit is not None:
            return country_target(
                hit.iso3, f"'{name}' is the seat of government of {hit.name}, acting for it"
            )
        hit = lex.capitals.get(key)
        if hit is not None:
            return country_target(hit.iso3, f"'{name}' is the capital of {hit.name}, acting for it")
    if type_ == "Organization":
        org = lex.organizations.get(key)
        if org is not None and actor and org.country in lex.by_iso3:
            country = lex.by_iso3[org.country]
            return country_target(
                org.country, f"'{name}' is a state body of {country.name}, acting for it"
            )
        if org is not None:
            qid = wikidata_table().get(("organization", org.name), "")
            why = "its name" if norm(org.name) == key else "an acronym or other name"
            return Target(
                "Organization", org.name, f"'{name}' is {why} of {org.name}", wikidata=qid
            )
    return None
