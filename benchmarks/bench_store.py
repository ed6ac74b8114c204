"""Benchmark: the embedded store against rdflib's in-memory Dataset, on graphkit-shaped data.

Generates a synthetic graph shaped like graphkit's output (article graphs with an article
node, entities with labels and aliases, relation triples with their evidence nodes), then
measures, each side in its own process so memory figures do not mix:

* loading it into rdflib's in-memory Dataset and into the on-disk store;
* four queries: a 2-hop join from a label, relation counts per predicate, one actor's
  neighbourhood, and the ``between`` preset (plus a full-scan GROUP BY, for reference);
* a streamed build: articles written one transaction each, with the peak memory sampled
  along the way (it should stay flat).

Ratios are computed within the run; the machine's speed cancels out. Run::

    python benchmarks/bench_store.py                  # 1,000,000 triples (rdflib: ~1 min, ~3 GB)
    python benchmarks/bench_store.py --triples 100000 # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GK = "https://w3id.org/graphkit/ontology#"
ID = "https://w3id.org/graphkit/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RELATIONS = [
    "metWith", "visited", "spokeWith", "negotiatedWith", "agreedWith", "cooperatedWith",
    "extradited", "praised", "supported", "aided", "requested", "accused", "criticized", "rejected",
    "threatened", "protested", "sanctioned", "expelled", "deported", "arrested", "attacked",
]  # fmt: skip
TYPES = ["person", "country", "organization", "place"]
PREFIXES = (
    f"PREFIX gk: <{GK}>\nPREFIX rdf: <{RDF}>\nPREFIX rdfs: <{RDFS}>\n"
    f"PREFIX skos: <{SKOS}>\nPREFIX dcterms: <{DCT}>\n"
)


def entity(n: int) -> tuple[str, str]:
    """IRI and label of entity n."""
    kind = TYPES[n % 4]
    return f"{ID}{kind}/actor-{n}", f"Actor {n}"


def lit(text: str, datatype: str = "") -> str:
    return f'"{text}"' + (f"^^<{datatype}>" if datatype else "")


def article_lines(
    a: int,
    *,
    relations: int,
    mentions: int,
    entities: int,
    rng: random.Random,
    pairs: dict[tuple[int, int], int] | None = None,
) -> list[str]:
    """N-Quads lines of one synthetic article graph (``pairs`` counts the related actor pairs)."""
    g = f"<{ID}article/art-{a}>"
    art = g
    day = f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}"
    lines = [
        f"{art} <{RDF}type> <{GK}Article> {g} .",
        f"{art} <{DCT}identifier> {lit(f'art-{a}')} {g} .",
        f"{art} <{DCT}source> {lit(f'articles/art-{a}.txt')} {g} .",
        f"{art} <{DCT}title> {lit(f'Article {a}')} {g} .",
        f"{art} <{DCT}date> {lit(day, XSD + 'date')} {g} .",
        f"{art} <{GK}contentHash> {lit(f'{a:064x}')} {g} .",
    ]
    # a few very active actors (heads of state) and a long tail, as in the news
    chosen: set[int] = set()
    while len(chosen) < min(mentions, entities):
        frequent = rng.random() < 0.5
        chosen.add(
            min(int(rng.paretovariate(0.6)) - 1, entities - 1)
            if frequent
            else rng.randrange(entities)
        )
    cast = sorted(chosen)
    for n in cast:
        iri, label = entity(n)
        lines.append(f"<{iri}> <{RDF}type> <{GK}{TYPES[n % 4].capitalize()}> {g} .")
        lines.append(f"<{iri}> <{RDFS}label> {lit(label)} {g} .")
        lines.append(f"<{iri}> <{SKOS}altLabel> {lit(f'A{n}')} {g} .")
    for r in range(relations):
        s, o = rng.sample(cast, 2) if len(cast) > 1 else (cast[0], cast[0])
        pred = RELATIONS[rng.randrange(len(RELATIONS))]
        si, oi = entity(s)[0], entity(o)[0]
        if pairs is not None:
            pairs[(min(s, o), max(s, o))] = pairs.get((min(s, o), max(s, o)), 0) + 1
        ev = f"<{ID}evidence/e{a}-{r}>"
        lines.append(f"<{si}> <{GK}{pred}> <{oi}> {g} .")
        sentence = f"Actor {s} {pred} Actor {o} on the {r}th, officials said in a statement."
        lines += [
            f"{ev} <{RDF}type> <{GK}Evidence> {g} .",
            f"{ev} <{RDF}subject> <{si}> {g} .",
            f"{ev} <{RDF}predicate> <{GK}{pred}> {g} .",
            f"{ev} <{RDF}object> <{oi}> {g} .",
            f"{ev} <{GK}article> {art} {g} .",
            f"{ev} <http://www.w3.org/ns/prov#wasDerivedFrom> {art} {g} .",
            f"{ev} <{GK}sentence> {lit(sentence)} {g} .",
            f"{ev} <{GK}start> {lit(str(r * 80), XSD + 'integer')} {g} .",
            f"{ev} <{GK}end> {lit(str(r * 80 + 70), XSD + 'integer')} {g} .",
            f"{ev} <{GK}cue> {lit(pred)} {g} .",
            f"{ev} <{GK}confidence> {lit('0.8', XSD + 'decimal')} {g} .",
            f"{ev} <{GK}modality> {lit('asserted')} {g} .",
            f"{ev} <{GK}eventDate> {lit(day, XSD + 'date')} {g} .",
        ]
    return lines


def generate(
    path: Path, *, triples: int, articles: int, entities: int, seed: int = 7
) -> tuple[int, dict[str, str]]:
    """Write a synthetic N-Quads file of about ``triples`` quads.

    Returns the exact count and actor names: ``hub`` and ``other``, the pair related most
    often, and ``typical``, the 100th most active actor.
    """
    per_article = triples / articles
    relations = max(1, round(per_article * 0.72 / 14))
    mentions = max(2, round((per_article - 6 - relations * 14) / 3))
    rng = random.Random(seed)
    count = 0
    pairs: dict[tuple[int, int], int] = {}
    with path.open("w", encoding="utf-8") as out:
        for a in range(articles):
            lines = article_lines(
                a, relations=relations, mentions=mentions, entities=entities, rng=rng, pairs=pairs
            )
            count += len(lines)
            out.write("\n".join(lines) + "\n")
    top = max(pairs, key=lambda p: (pairs[p], -p[0], -p[1]))
    activity: dict[int, int] = {}
    for (s, o), n in pairs.items():
        activity[s] = activity.get(s, 0) + n
        activity[o] = activity.get(o, 0) + n
    ranked = sorted(activity, key=lambda n: (-activity[n], n))
    typical = ranked[min(99, len(ranked) - 1)]
    return count, {
        "hub": entity(top[0])[1],
        "other": entity(top[1])[1],
        "typical": entity(typical)[1],
    }


def queries(hub: str, other: str, typical: str, *, bag: bool) -> dict[str, str]:
    """The benchmark's queries, each engine's natural way.

    The store's default graph is the union of the article graphs as a bag (a label or a
    relation repeated in every article that has it), so its queries keep DISTINCT rows at each
    step, as the presets do (``bag=True``), and a 2-hop walk over event relations follows the
    materialized ``gk:interactedWith``; rdflib's union is a set, has no entailments, and takes
    the plain form with the 21 relations listed.
    """
    from graphkit.query import presets

    rels = " ".join(f"gk:{r}" for r in RELATIONS)

    def actor(name: str, var: str = "a") -> str:
        pattern = f"?{var} rdfs:label {lit(name)}"
        return f"{{ SELECT DISTINCT ?{var} WHERE {{ {pattern} }} }}" if bag else pattern + " ."

    def two_hop(name: str) -> str:
        if (
            bag
        ):  # the store materializes gk:interactedWith, the super-property of every event relation
            return PREFIXES + f"""SELECT DISTINCT ?c WHERE {{
  {{ SELECT DISTINCT ?b WHERE {{ {actor(name)} ?a gk:interactedWith ?b }} }}
  ?b gk:interactedWith ?c
}}"""
        return PREFIXES + f"""SELECT DISTINCT ?c WHERE {{
  {actor(name)} ?a ?p ?b . VALUES ?p {{ {rels} }} ?b ?q ?c . VALUES ?q {{ {rels} }}
}}"""

    def neighbourhood(name: str) -> str:
        return (
            PREFIXES
            + f"SELECT DISTINCT ?p ?x WHERE {{ {actor(name)} {{ ?a ?p ?x }} UNION {{ ?x ?p ?a }} }}"
        )

    between = presets()["between"].text.replace("$ACTOR1", lit(hub)).replace("$ACTOR2", lit(other))
    return {
        "2-hop join from a label (hub)": two_hop(hub),
        "2-hop join from a label (typical)": two_hop(typical),
        "relations per predicate": PREFIXES
        + f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {rels} }} ?s ?p ?o }} GROUP BY ?p",
        "neighbourhood (hub)": neighbourhood(hub),
        "neighbourhood (typical)": neighbourhood(typical),
        "between preset (hub pair)": between,
        "full-scan GROUP BY (reference)": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY "
        "?p",
    }


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def current_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def timed(fn: Any, repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def capped(fn: Any, cap: float) -> tuple[float | None, Any]:
    """Median of 3 runs (1 run if it is slow); None if one run passes ``cap`` seconds."""

    def alarm(*_: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, alarm)
    times, result = [], None
    for _ in range(3):
        signal.setitimer(signal.ITIMER_REAL, cap)
        start = time.perf_counter()
        try:
            result = fn()
        except TimeoutError:
            return None, None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - start)
        if times[-1] > 10:
            break
    return statistics.median(times), result


def side_rdflib(data: Path, names: dict[str, str], cap: float) -> dict[str, Any]:
    from rdflib import Dataset

    start = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(data), format="nquads")
    out: dict[str, Any] = {"load": time.perf_counter() - start, "load_mb": current_mb()}
    for name, text in queries(**names, bag=False).items():
        secs, rows = capped(lambda text=text: len(list(ds.query(text))), cap)
        out[name] = {"secs": secs, "rows": rows}
    out["peak_mb"] = peak_mb()
    return out


def side_store(data: Path, folder: Path, names: dict[str, str], cap: float) -> dict[str, Any]:
    from graphkit.query import run_query
    from graphkit.store import open_store

    start = time.perf_counter()
    with open_store(folder) as store:
        store.bulk_import(data)
    out: dict[str, Any] = {"load": time.perf_counter() - start}
    with open_store(folder, read_only=True) as store:
        out["quads"] = len(store)
        for name, text in queries(**names, bag=True).items():
            secs, result = capped(lambda text=text: run_query(store, text), cap)
            out[name] = {"secs": secs, "rows": None if result is None else len(result.rows)}
    out["peak_mb"] = peak_mb()
    out["disk_mb"] = (
        sum(p.stat().st_size for p in (folder / "db").rglob("*") if p.is_file()) / 2**20
    )
    return out


def side_build(folder: Path, articles: int, per_article: int, entities: int) -> dict[str, Any]:
    """Write articles one transaction each (as ``graphkit build`` does); sample memory."""
    from rdflib import Dataset

    from graphkit.store import open_store

    rng = random.Random(11)
    relations = max(1, round(per_article * 0.72 / 14))
    mentions = max(2, round((per_article - 6 - relations * 14) / 3))
    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    with open_store(folder) as store:
        for a in range(articles):
            text = "\n".join(
                article_lines(a, relations=relations, mentions=mentions, entities=entities, rng=rng)
            )
            ds = Dataset()
            ds.parse(data=text, format="ox-nquads")
            graph = next(g for g in ds.graphs() if len(g))
            store.replace_article(graph.identifier, graph)
            if (a + 1) % max(1, articles // 10) == 0:
                samples.append((a + 1, current_mb()))
    return {
        "secs": time.perf_counter() - start,
        "articles": articles,
        "samples": samples,
        "peak_mb": peak_mb(),
    }


def child(args: argparse.Namespace) -> None:
    data, names = Path(args.data), json.loads(args.names or "{}")
    if args.child == "rdflib":
        result = side_rdflib(data, names, args.cap)
    elif args.child == "store":
        result = side_store(data, Path(args.folder), names, args.cap)
    else:
        result = side_build(Path(args.folder), args.build_articles, args.per_article, args.entities)
    print(json.dumps(result))


def run_child(kind: str, args: argparse.Namespace, **extra: Any) -> dict[str, Any]:
    argv = [sys.executable, __file__, "--child", kind, "--data", str(extra.get("data", "")),
            "--folder", str(extra.get("folder", "")), "--names", json.dumps(extra.get("names", {})),
            "--cap", str(args.cap), "--build-articles", str(args.build_articles),
            "--per-article", str(args.per_article), "--entities", str(args.entities)]  # fmt: skip
    out = subprocess.run(argv, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{kind} side failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--entities", type=int, default=50_000)
    parser.add_argument("--build-articles", type=int, default=10_000, help="articles in the "
                                                                           "streamed build")
    parser.add_argument("--per-article", type=int, default=100, help="triples per article in the "
                                                                     "streamed build")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cap", type=float, default=300.0, help="seconds after which a query is "
                                                                 "given up")
    for hidden in ("--data", "--folder", "--names"):
        parser.add_argument(hidden, default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        data = work / "graph.nq"
        started = time.perf_counter()
        count, names = generate(
            data, triples=args.triples, articles=args.articles, entities=args.entities
        )
        print(f"generated {count:,} quads in {args.articles:,} article graphs, {args.entities:,} "
              f"entities "
              f"({data.stat().st_size / 2**20:.0f} MB N-Quads, "
              f"{time.perf_counter() - started:.1f} s)")  # fmt: skip
        print(f"hub actor {names['hub']!r} (with {names['other']!r} for between), typical actor "
              f"{names['typical']!r}")
        store = run_child("store", args, data=data, folder=work / "store", names=names)
        memory = run_child("rdflib", args, data=data, names=names)
        print()
        print(f"{'measure':36} {'rdflib memory':>14} {'embedded store':>15} {'ratio':>8}  rows "
              f"(rdflib/store)")
        print(f"{'load (store: bulk import)':36} {memory['load']:13.2f}s {store['load']:14.2f}s "
              f"{memory['load'] / store['load']:7.1f}x")

        def ms(secs: float | None) -> str:
            return (
                f"{secs * 1000:12.1f}ms"
                if secs is not None
                else f"{'> ' + str(int(args.cap)) + ' s':>14}"
            )

        for name in queries(**names, bag=True):
            m, s = memory[name], store[name]
            if m["secs"] is None and s["secs"] is not None:
                ratio = f"> {args.cap / s['secs']:.0f}x"
            elif m["secs"] is not None and s["secs"] is not None:
                ratio = f"{m['secs'] / max(s['secs'], 1e-9):.1f}x"
            else:
                ratio = "-"
            print(f"{name:36} {ms(m['secs'])} {ms(s['secs'])} {ratio:>8}  {m['rows']}/{s['rows']}")
        print(f"{'peak memory':36} {memory['peak_mb']:12.0f}MB {store['peak_mb']:13.0f}MB")
        print(f"store on disk: {store['disk_mb']:.0f} MB for {store['quads']:,} quads "
              f"(entailments and ontology included)")
        print("rows differ where the store also finds entailed triples (reverse of symmetric "
              "relations, categories).")
        if not args.skip_build:
            build = run_child("build", args, folder=work / "build")
            print()
            print(f"streamed build: {build['articles']:,} articles of ~{args.per_article} "
                  f"triples, one transaction each, "
                  f"{build['secs']:.1f} s "
                  f"({build['articles'] / build['secs']:.0f} articles/s)")  # fmt: skip
            print(
                "memory (RSS) after n articles: "
                + ", ".join(f"{n:,}: {mb:.0f} MB" for n, mb in build["samples"])
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.sys.stdout.flush()


if __name__ == "__main__":
    main()
