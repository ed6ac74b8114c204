"""Who did what to whom: graphkit's extractor on the PETRARCH event-coder unit-test sentences.

A diagnostic, not a target. The suite's event codes are opaque labels, so only the dyad is
scored: for every expected event, does some extracted event relation (any modality) run from
an entity that stands for the expected source to one that stands for the expected target?

Most actors are fictional countries (Arnor, Gondor...). They are added to a copy of the
lexicon folder (``countries.json`` gains one entry per fictional country piece of
``actor_codes.json``: its code as ISO3, or a user-assigned ``X..`` code where a real country
has it, and the other names in its description as aliases; no demonyms, the file has none),
and every record goes through ``extract_articles`` (the code path of ``extract_text``) with
``Settings(lexicon_dir=<that copy>)`` and the record's date.

How an actor code is compared (its first three letters name the country):

- a country piece: an entity stands for it when it is that Country, or a person who leads or
  serves it (``leaderOf``/``officialOf`` in the same sentence), or a state body of it; real
  legacy pieces (``NZE``, ``ZBW``, ``KUW``, ``GMW``, ``RHO``) are read as the country they name,
  and fictional pieces that share a name (the Shire: ``FRO``/``BIL``/``SAM``/``SHR``) as one;
- an international piece (``IGO``, ``IMG``, ``NGO``...): the organization it names;
- a quoted noun phrase used as a code: an entity whose name it contains (or the reverse);
- no country (``---GOV``, ``###``): either side matches anything; an event with no known side
  is not scored.

Per expected event: ``hit`` (right pair, right direction; symmetric relations either way;
when the suite expects both directions, as for a visit and its hosting, one relation covers
both), ``reversed`` (right pair, wrong direction), ``actor missed`` (an expected actor is not
among the extracted entities at all), ``no event`` (both actors found, but the record gave no
event relation at all: usually a verb that is not a cue) or ``other pair`` (event relations,
none between these two). Date-ranged actor codes (the DATE records) are not modelled: a
person keeps the one country piece the lexicon gives it.
For ``no_events`` records, the false-event rate is the share with at least one event relation.
Records whose bundled parse differs from the text are skipped (``--include-parse-differs``).

Run: ``python benchmarks/petrarch_eval.py [--suite PATH/validation.jsonl] [--failures 20]``

PETRARCH unit-test records: Copyright (c) 2014 Open Event Data, MIT licence.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit.config import Settings
from graphkit.lexicon import Lexicon, load_lexicon, norm
from graphkit.pipeline import extract_articles
from graphkit.records import Article, ArticleResult, Relation
from graphkit.vocab import relation

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SUITE = ROOT / "data" / "eval" / "petrarch2" / "validation.jsonl"
AFFILIATIONS = ("leaderOf", "officialOf")
NO_COUNTRY = ("---", "###")

Key = tuple[str, str]  # ("country", "ARN") | ("org", "united nations") | ("name", "injury toll")


# -- the fictional gazetteer -------------------------------------------------------------


def split_name(description: str) -> tuple[str, list[str]]:
    """A country description's name and the other names in its parenthesis.

    Examples:
        >>> split_name("Gondor (also Minas Tirith, Anorien)")
        ('Gondor', ['Minas Tirith', 'Anorien'])
        >>> split_name("Hobbits (Bilbo, Frodo, Gollum/Smeagol, Sam Gamgee...)")
        ('Hobbits', ['Bilbo', 'Frodo', 'Gollum', 'Smeagol', 'Sam Gamgee'])
        >>> split_name("the Shire (first of three codes)")
        ('the Shire', [])
    """
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", description)
    if not match:
        return description.strip(), []
    name, inner = match.group(1).strip(), match.group(2).strip()
    also = inner.startswith("also ")
    inner = inner.removeprefix("also ")
    if not also and (not inner[:1].isupper() or re.search(r"\b(of|codes?|before)\b", inner)):
        return name, []
    parts = [p.strip(" .") for p in re.split(r"[,/]", inner)]
    return name, [p for p in parts if p and p[:1].isupper()]


def fictional_countries(codes: dict[str, dict]) -> dict[str, tuple[str, list[str]]]:
    """Fictional country piece -> (name, aliases) from the suite's actor codes."""
    out: dict[str, tuple[str, list[str]]] = {}
    for info in codes.values():
        piece = info.get("country_code") or ""
        if not info.get("fictional") or info.get("kind") != "fictional" or len(piece) != 3:
            continue
        if piece in out or "prefix" in (info.get("country_name") or ""):
            continue
        out[piece] = split_name(info["country_name"])
    return out


def build_lexicon(folder: Path, codes: dict[str, dict]) -> dict[str, str]:
    """Copy graphkit's lexicon folder into ``folder`` and add the fictional countries to it.

    Returns each fictional piece's ISO3 in the copy: the piece itself, or a user-assigned
    ``X..`` code when a real country has it (ERI is Eritrea, FRO the Faroe Islands); pieces
    that share a name (the Shire) share one entry.
    """
    for path in Settings().lexicon_dir.iterdir():
        if path.is_file():
            shutil.copy2(path, folder / path.name)
    rows = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    taken = {r["iso3"] for r in rows}
    by_name: dict[str, str] = {}
    pieces: dict[str, str] = {}
    for piece, (name, aliases) in fictional_countries(codes).items():
        if norm(name) in by_name:
            pieces[piece] = by_name[norm(name)]
            continue
        iso3 = piece
        if iso3 in taken:
            iso3 = next(
                c
                for c in (f"X{piece[:2]}", f"X{piece[1:]}", f"X{piece[0]}{piece[2]}")
                if c not in taken
            )
        taken.add(iso3)
        by_name[norm(name)] = pieces[piece] = iso3
        rows.append(
            {
                "iso3": iso3,
                "iso2": "",
                "name": name,
                "aliases": aliases,
                "demonyms": [],
                "capital": "",
            }
        )
    (folder / "countries.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return pieces


# -- expected actors and extracted entities ---------------------------------------------


@dataclass(frozen=True)
class Suite:
    """The suite's actor codes, the lexicon in use and the fictional pieces' ISO3 in it."""

    codes: dict[str, dict]
    lex: Lexicon
    fictional: dict[str, str]


def expected_key(code: str, suite: Suite) -> Key | None:
    """What an actor code has to match; None when any actor will do."""
    codes, lex = suite.codes, suite.lex
    if code.startswith('"'):
        return ("name", norm(code.strip('"')))
    info = codes.get(code, {})
    piece = code[:3]
    if piece in NO_COUNTRY or not info or info.get("kind") == "test placeholder":
        return None
    if info.get("kind") == "international":
        label = info.get("label", "").split(":")[0]
        inner = re.findall(r"\(([^)]*)\)", label)
        for cand in (re.sub(r"\s*\(.*\)", "", label), *inner):
            org = lex.organization(cand)
            if org is not None:
                return ("org", norm(org.name))
        return ("org", norm(re.sub(r"\s*\(.*\)", "", label)))
    if piece in suite.fictional:
        return ("country", suite.fictional[piece])
    name = re.sub(r"\s*\(.*\)", "", info.get("country_name") or "")
    country = lex.country(name) if name else None
    return ("country", country.iso3 if country else piece)


def entity_keys(result: ArticleResult, lex: Lexicon) -> dict[str, set[Key]]:
    """Entity key -> every expected-actor key the entity stands for."""
    out: dict[str, set[Key]] = defaultdict(set)
    for ent in (*result.entities, *(x for r in result.relations for x in (r.subject, r.object))):
        keys = out[ent.key]
        keys.update(("name", norm(n)) for n in (ent.name, *ent.aliases))
        iso3 = dict(ent.ids).get("iso3")
        if ent.type == "Country" and iso3:
            keys.add(("country", iso3))
        if ent.type == "Organization":
            org = lex.organization(ent.name)
            keys.add(("org", norm(org.name if org else ent.name)))
            if org is not None and org.country:
                keys.add(("country", org.country))
    for r in result.relations:
        if r.predicate in AFFILIATIONS and r.object.type == "Country":
            iso3 = dict(r.object.ids).get("iso3")
            if iso3:
                out[r.subject.key].add(("country", iso3))
    return out


def matches(keys: set[Key], want: Key | None) -> bool:
    if want is None:
        return True
    if want[0] == "name":
        return any(
            k[0] == "name" and len(k[1]) > 2 and (k[1] in want[1] or want[1] in k[1]) for k in keys
        )
    return want in keys


# -- scoring ------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One record's scoring."""

    record: dict
    events: list[Relation]
    verdicts: list[str] = field(default_factory=list)  # per scored expected event
    asserted_hits: int = 0
    extra: int = 0
    false_event: bool = False


def event_relations(result: ArticleResult) -> list[Relation]:
    return [
        r
        for r in result.relations
        if r.predicate not in AFFILIATIONS and relation(r.predicate).is_event
    ]


def _verdict(
    exp: dict,
    events: Sequence[Relation],
    keys: dict[str, set[Key]],
    suite: Suite,
    pairs: set[tuple[str, str]],
) -> tuple[str, set[int]]:
    """hit / reversed / "" for one expected event, and the relations that account for it."""
    src, tgt = expected_key(exp["source"], suite), expected_key(exp["target"], suite)
    verdict, used = "", set()
    for i, r in enumerate(events):
        s, o = keys[r.subject.key], keys[r.object.key]
        forward = matches(s, src) and matches(o, tgt)
        backward = matches(s, tgt) and matches(o, src)
        if forward or (backward and relation(r.predicate).symmetric):
            verdict = "hit"
            used.add(i)
        elif backward:
            verdict = verdict or "reversed"
            used.add(i)
    if verdict == "reversed" and (exp["target"], exp["source"]) in pairs:
        verdict = "hit"  # the suite codes both directions (a visit and its hosting)
    return verdict, used


def score_record(rec: dict, result: ArticleResult, suite: Suite) -> Outcome:
    keys = entity_keys(result, suite.lex)
    events = event_relations(result)
    out = Outcome(rec, events)
    if rec["expected"] == "no_events":
        out.false_event = bool(events)
        return out
    every: set[Key] = set().union(*keys.values()) if keys else set()
    pairs = {(exp["source"], exp["target"]) for exp in rec["events"]}
    asserted = [r for r in events if r.evidence.modality == "asserted"]
    used: set[int] = set()
    for exp in rec["events"]:
        src, tgt = expected_key(exp["source"], suite), expected_key(exp["target"], suite)
        if src is None and tgt is None:
            continue
        verdict, by = _verdict(exp, events, keys, suite, pairs)
        used |= by
        if not verdict:
            found = all(w is None or matches(every, w) for w in (src, tgt))
            verdict = "actor missed" if not found else "other pair" if events else "no event"
        out.verdicts.append(verdict)
        out.asserted_hits += _verdict(exp, asserted, keys, suite, pairs)[0] == "hit"
    out.extra = len(events) - len(used)
    return out


# -- report -------------------------------------------------------------------------------


def family(rec: dict) -> str:
    """The record's test family from its id ("PASSIVE-03" -> "PASSIVE")."""
    match = re.match(r"[A-Za-z]+", rec["id"])
    return match.group(0).upper() if match else rec["id"]


def table(groups: dict[str, list[Outcome]]) -> None:
    head = (
        f"{'group':<12} {'recs':>4} {'events':>6} {'hit':>4} {'dyad acc':>8} {'asserted':>8}"
        f" {'reversed':>8} {'actor miss':>10} {'no event':>8} {'other pair':>10} {'rec ok':>6}"
        f" {'extra/rec':>9}"
        f" {'no-ev recs':>10} {'false ev':>8}"
    )
    print(head)
    print("-" * len(head))
    for name, outs in groups.items():
        with_ev = [o for o in outs if o.record["expected"] == "events"]
        none = [o for o in outs if o.record["expected"] == "no_events"]
        verdicts = Counter(v for o in with_ev for v in o.verdicts)
        n = sum(verdicts.values())
        ok = sum(1 for o in with_ev if o.verdicts and all(v == "hit" for v in o.verdicts))
        asserted = sum(o.asserted_hits for o in with_ev)

        def pct(x: int, d: int) -> str:
            return f"{100 * x / d:.0f}%" if d else "-"

        print(
            f"{name:<12} {len(outs):>4} {n:>6} {verdicts['hit']:>4} {pct(verdicts['hit'], n):>8}"
            f" {pct(asserted, n):>8} {verdicts['reversed']:>8} {verdicts['actor missed']:>10}"
            f" {verdicts['no event']:>8} {verdicts['other pair']:>10} {pct(ok, len(with_ev)):>6}"
            f" {sum(o.extra for o in with_ev) / max(1, len(with_ev)):>9.2f}"
            f" {len(none):>10} {pct(sum(o.false_event for o in none), len(none)):>8}"
        )


REPORTING = frozenset({"say", "be", "report", "tell", "have", "indicate", "note", "add"})


def _event_verb(root: Any) -> Any:
    """The verb that carries the event: "said ... Arnor is about to restore" -> restore."""
    for deps in (("ccomp", "xcomp", "acomp", "prep", "pcomp", "conj"), ("advcl", "relcl")):
        queue = [root]
        while queue:
            tok = queue.pop(0)
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in REPORTING:
                return tok
            queue.extend(c for c in tok.children if c.dep_ in deps)
    return root


def silent_verbs(outcomes: Iterable[Outcome], settings: Settings, lex: Lexicon) -> Counter[str]:
    """Main verb (+ object noun) of each record that gave no event, marked when it is a cue.

    "restore+ties" counts a sentence whose root is "restore" with the object "ties"; a
    trailing "*" says the verb is in the cue lexicon, so the miss is not a lexicon gap.
    """
    from graphkit.nlp import load_nlp

    texts = [o.record["text"] for o in outcomes if "no event" in o.verdicts]
    nlp = load_nlp(settings.model, settings.lexicon_dir)
    out: Counter[str] = Counter()
    for doc in nlp.pipe(texts):
        verb = _event_verb(next(iter(doc.sents)).root)
        obj = next((c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")), "")
        lemma = verb.lemma_.lower()
        out[lemma + (f"+{obj}" if obj else "") + ("*" if lemma in lex.verb_cues else "")] += 1
    return out


def describe(r: Relation) -> str:
    mod = "" if r.evidence.modality == "asserted" else f" [{r.evidence.modality}]"
    subject, obj = f"{r.subject.name} ({r.subject.type})", f"{r.object.name} ({r.object.type})"
    return f"{subject} -{r.predicate}-> {obj}{mod}"


def failures(outcomes: Iterable[Outcome], limit: int) -> list[Outcome]:
    """Failing records, taken in turn from each (category, kind of failure) so they differ."""
    buckets: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        bad = [v for v in o.verdicts if v != "hit"]
        if o.false_event:
            buckets[(o.record["category"], "false event")].append(o)
        elif bad:
            buckets[(o.record["category"], bad[0])].append(o)
    picked: list[Outcome] = []
    while len(picked) < limit and any(buckets.values()):
        for key in sorted(buckets):
            if buckets[key] and len(picked) < limit:
                picked.append(buckets[key].pop(0))
    return picked


def print_failures(picked: Sequence[Outcome]) -> None:
    for o in picked:
        rec = o.record
        kind = "false event" if o.false_event else ", ".join(v for v in o.verdicts if v != "hit")
        print(f"\n{rec['id']} ({rec['category']}, {kind}): {rec['text']}")
        for exp in rec["events"]:
            print(
                f"  expected {exp['source']} -> {exp['target']}"
                f"  ({exp.get('source_text')!s} -> {exp.get('target_text')!s})"
            )
        for r in o.events or []:
            print(f"  got      {describe(r)}")
        if not o.events:
            print("  got      no event relation")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", type=Path, default=DEFAULT_SUITE, help="validation.jsonl")
    ap.add_argument("--include-parse-differs", action="store_true")
    ap.add_argument("--failures", type=int, default=20, help="failing records to print")
    args = ap.parse_args()
    codes = json.loads((args.suite.parent / "actor_codes.json").read_text(encoding="utf-8"))[
        "codes"
    ]
    records = [
        json.loads(line)
        for line in args.suite.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    records = [r for r in records if r.get("in_default_run", True)]
    errors = [r for r in records if r["expected"] == "error"]
    skipped = [
        r for r in records if r["parse_differs_from_text"] and not args.include_parse_differs
    ]
    scored = [r for r in records if r["expected"] != "error" and r not in skipped]
    with tempfile.TemporaryDirectory(prefix="petrarch-lexicon-") as tmp:
        fictional = build_lexicon(Path(tmp), codes)
        settings = Settings().replace(lexicon_dir=Path(tmp))
        suite = Suite(codes, load_lexicon(settings.lexicon_dir), fictional)
        articles = [
            Article.from_text(r["text"], source=r["id"], date=r.get("date", ""))
            for r in [*scored, *errors]
        ]
        began = time.perf_counter()
        results = list(extract_articles(articles, settings=settings))
        seconds = time.perf_counter() - began
        outcomes = [score_record(r, res, suite) for r, res in zip(scored, results, strict=False)]
        silent = silent_verbs(outcomes, settings, suite.lex)
    error_events = sum(1 for res in results[len(scored) :] if event_relations(res))
    print(
        f"{len(scored)} records scored ({len(skipped)} skipped: parse differs from text), "
        f"extracted in {seconds:.1f} s; {len(errors)} error/discard records: "
        f"{error_events} gave event relations (the suite wants them rejected)\n"
    )
    by_cat: dict[str, list[Outcome]] = defaultdict(list)
    by_fam: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_cat[o.record["category"]].append(o)
        if family(o.record) != o.record["category"]:
            by_fam[family(o.record)].append(o)
    groups = dict(sorted(by_cat.items()))
    groups.update({f"  {k}": v for k, v in sorted(by_fam.items()) if len(v) >= 2})
    groups["ALL"] = outcomes
    table(groups)
    print(
        "\ndyad acc: expected events whose dyad some event relation has (any modality); asserted: "
        "the same with asserted relations only; actor miss / no event / other pair: why an event "
        "was "
        "missed (see the module docstring); rec ok: records with every expected event hit; "
        "extra/rec: event relations matching no expected event; false ev: no_events records "
        "with an event relation. Indented rows are test families within a category."
    )
    print(
        "\nmain verbs of the records that gave no event relation (* = a cue verb, so not a "
        "lexicon gap):\n  " + ", ".join(f"{k} {n}" for k, n in silent.most_common(25))
    )
    if args.failures:
        print(f"\n{args.failures} failing records, varied by category and kind:")
        print_failures(failures(outcomes, args.failures))


if __name__ == "__main__":
    main()
