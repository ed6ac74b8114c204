"""Mechanical checks for the real-news evaluation set.

Usage: python3 data/eval/realnews/check_gold.py

For each half (dev, test, dev2, test2, dev3, dev4): every gold line parses and has the expected keys,
every relation is in the vocabulary of the annotation guide, every evidence
string is a verbatim substring of its article, every article has gold lines
and every gold line names an existing article, no (s, p, o) triple is repeated
within an article. Prints per-article word counts and gold line counts.
"""
import json
import sys
from pathlib import Path

RELATIONS = {
    "metWith", "visited", "spokeWith", "negotiatedWith", "agreedWith", "cooperatedWith",
    "extradited", "praised", "supported", "aided", "requested", "accused", "criticized",
    "rejected", "threatened", "protested", "sanctioned", "expelled", "deported", "arrested",
    "attacked", "leaderOf", "officialOf", "memberOf", "locatedIn",
}
KEYS = {"article", "s", "p", "o", "s_aliases", "o_aliases", "evidence", "optional"}
HERE = Path(__file__).resolve().parent
HALVES = ("dev", "test", "dev2", "test2", "dev3", "dev4")


def check_half(half):
    errors = []
    art_dir = HERE / half / "articles"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(art_dir.glob("*.txt"))}
    counts = {name: [0, 0] for name in texts}
    seen = set()
    for n, line in enumerate((HERE / half / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        where = f"{half}/gold.jsonl:{n}"
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: does not parse ({e})")
            continue
        if set(r) != KEYS:
            errors.append(f"{where}: keys {sorted(r)}")
            continue
        if r["p"] not in RELATIONS:
            errors.append(f"{where}: unknown relation {r['p']}")
        if r["article"] not in texts:
            errors.append(f"{where}: no article {r['article']}")
            continue
        if r["evidence"] not in texts[r["article"]]:
            errors.append(f"{where}: evidence not in article: {r['evidence']!r}")
        if not isinstance(r["optional"], bool):
            errors.append(f"{where}: optional is not a boolean")
        key = (r["article"], r["s"], r["p"], r["o"])
        if key in seen:
            errors.append(f"{where}: repeated triple {key[1:]}")
        seen.add(key)
        counts[r["article"]][1 if r["optional"] else 0] += 1
    words = 0
    for name, text in texts.items():
        w = len(text.split())
        words += w
        req, opt = counts[name]
        print(f"{half:5} {name:62} {w:5} words  {req:3} required  {opt:3} optional")
        if req + opt == 0:
            errors.append(f"{half}/{name}: no gold lines")
    req = sum(c[0] for c in counts.values())
    opt = sum(c[1] for c in counts.values())
    print(f"{half:5} {len(texts)} articles, {words} words, {req + opt} gold lines ({req} required)\n")
    return errors, words


def main():
    errors, total = [], 0
    for half in HALVES:
        e, w = check_half(half)
        errors += e
        total += w
    print(f"total words: {total}")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
