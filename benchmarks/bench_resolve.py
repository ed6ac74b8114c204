"""Incremental entity resolution: the cost of adding 100 articles to stores of growing size.

Usage: python benchmarks/bench_resolve.py [--sizes 1000 10000 100000] [--new 100]
           [--count] [--settle fresh|optimize|reopen] [--keep DIR]
       python benchmarks/bench_resolve.py --check N [--chunk 50]

``--count`` lists the store look-ups of the new articles by kind (the graphkit function that
made it and the pattern bound: calls, rows read, CPU time); ``--settle`` measures the store
as bulk-imported, after Oxigraph's ``optimize()`` or after closing and reopening it;
``--keep DIR`` keeps the generated N-Quads files there and reuses them.

Synthetic article graphs (no spaCy): each article names two people (one of them also by
surname only, as articles do), a country and an organization, with three relations. Names are
drawn from pools that grow with the store (``size // 2`` surnames, each with one of 97 or 89
given names, ``size // 8`` organizations, ten countries; numbers are spelled with no digit
doubled, see :func:`spelled`), so a bigger store knows more entities, a surname is shared by
one or two full names, and a country is named by a tenth of all articles: the records of the
countries grow with the store, as those of the United States do in a real one.

For each size n, a new embedded store on disk is generated directly: every article is split
as resolution splits it (one article per country through graphkit's own code, the others
from it with their own IRIs, names and hashes), the name records are grouped into the
components resolution gathers (records sharing an index key), each component is planned by
resolution's own planning against an empty store, and the quads (article graphs with the
canonical IRIs, entities graph, relations graph) are written as N-Quads a piece at a time
(the entities graph a component at a time, the article graphs 2,000 articles at a time) and
bulk-imported, which adds the entailments: memory holds the name records and the planning of
one component, not the quads of the store (the whole store in memory at once took some 12 GB
at 100,000 articles). ``--check N`` builds the store of N articles by resolution
itself (``--chunk`` articles a step) and compares it quad for quad with the generated one
(equal at 200 and 1,000; the tests check 120). Then 100 new articles (drawn from the same
pools, so their names collide with known ones) are added one transaction each, as
``graphkit build`` writes them (:func:`graphkit.merge.resolver.add_article`,
``Store.apply``), and timed: wall and CPU milliseconds per article, with the ratio to the
smallest store (flat means the cost does not grow with the store). CPU time is the one to
judge when other programs share the machine. The last columns give the earlier articles
rewritten (entities that moved) and the one-time look-ups of a build over the whole store
(article hashes and sources for skipping unchanged inputs, and the closing counts), which
are not per article and do grow with it.

One run under ``nice`` on a 2-core machine shared with other work (load 6-12), CPU ms per
article (the look-ups counted with ``--count`` for the next 100 articles; details and the
runs after ``optimize()`` in benchmarks/README.md):

| articles | quads | CPU ms | CPU ratio | look-ups/article | rows/look-up |
|---:|---:|---:|---:|---:|---:|
| 1,000 | 79,573 | 22.2 | 1.00 | 189 | 0.69 |
| 10,000 | 799,047 | 24.3 | 1.09 | 193 | 0.66 |
| 100,000 | 7,991,926 | 24.2 | 1.09 | 198 | 0.72 |

No look-up reads more rows in a bigger store and the name pools make no bigger components;
one look-up costs a little more (32-39 µs for a record's predicate at every size, 65 against
100 µs for a pair's evidence). The bulk import streams the file (1.85 GB at most for the
1.5 GB of N-Quads at 100,000 articles, where reading it whole took up to 6.7 GB).

Before names were spelled with no digit doubled, 18.6 and 25.0 ms (ratio 1.34): the spelling
key made ever more surnames one name as the pools grew, and the components with them.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from graphkit.graph import ENTITIES_GRAPH, article_dataset, evidence_iri
from graphkit.merge.plan import _plan_component
from graphkit.merge.records import Mention, name_keys
from graphkit.merge.resolver import ArticleInput, add_article, add_articles, split_article
from graphkit.merge.split import article_graph
from graphkit.merge.terms import to_graphs
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.store import open_store
from graphkit.store.counts import store_counts
from graphkit.store.relations import RELATIONS_GRAPH, split_facts
from graphkit.store.terms import ONTOLOGY_GRAPH, STATS_GRAPH, to_ox
from graphkit.vocab import article_iri, entity_iri

COUNTRIES = [
    "France",
    "Germany",
    "Brazil",
    "Kenya",
    "Japan",
    "India",
    "Chile",
    "Egypt",
    "Peru",
    "Iran",
]


def spelled(number: int) -> str:
    """``number`` in digits no two alike side by side, one string per number.

    Resolution's spelling key drops doubled letters ("Sissi" is "Sisi"), so plain numerals
    would make Family110 and Family1100 one name for it, and ever more such names as the
    pools grow; real names do not multiply so.

    Examples:
        >>> [spelled(n) for n in (0, 8, 9, 10, 80, 81)]
        ['1', '9', '20', '21', '98', '201']
    """
    digits = []
    while True:
        number, digit = divmod(number, 9)
        digits.append(digit)
        if not number:
            break
    out = [digits[-1] + 1]
    for digit in reversed(digits[:-1]):
        out.append(digit if digit < out[-1] else digit + 1)
    return "".join(map(str, out))


def synthetic(number: int) -> ArticleResult:
    """Synthetic article ``number`` (the same every time: its names are drawn from a
    generator seeded by the number).

    Its names come from pools of ``number // 2`` surnames and ``number // 8`` organizations
    (at least 50 and 13): the store knows more entities as it grows.
    """
    rng = random.Random(number)
    pool = max(50, number // 2)
    text = f"Article {number}."
    art = Article.from_text(text, source=f"synthetic-{number}.txt")
    a, b = rng.sample(range(pool), 2)
    first = Entity("Person", f"Given{spelled(a % 97)} Family{spelled(a)}")
    short = Entity("Person", f"Family{spelled(a)}")
    other = Entity("Person", f"Given{spelled(b % 89)} Family{spelled(b)}")
    country = Entity("Country", rng.choice(COUNTRIES))
    org = Entity("Organization", f"Agency {spelled(rng.randrange(pool // 4 + 1))}")
    ev = Evidence(art.id, text, 0, len(text), "met", 0.9)
    rels = (
        Relation(first, "metWith", other, ev),
        Relation(short, "visited", country, Evidence(art.id, text, 1, 5, "visited", 0.9)),
        Relation(org, "criticized", other, Evidence(art.id, text, 2, 6, "criticized", 0.8)),
    )
    return ArticleResult(art, (first, short, other, country, org), rels)


def _graphs(number: int) -> dict[Any, set[Any]]:
    return dict(to_graphs(article_dataset(synthetic(number))))


def _split(graphs: dict[Any, set[Any]]) -> ArticleInput:
    iri = next(n for n in graphs if "/article/" in str(n) and not str(n).endswith("/inferred"))
    return split_article(iri, set(graphs[iri]), graphs.get(ENTITIES_GRAPH, set()) | graphs[iri])


def _input(number: int) -> ArticleInput:
    return _split(_graphs(number))


def article_inputs(start: int, stop: int) -> list[ArticleInput]:
    """Synthetic articles ``start`` to ``stop`` as resolution reads them (resolved inside
    each article and split into facts and name records)."""
    return [_input(i) for i in range(start, stop)]


def grow(st: Any, start: int, stop: int, chunk: int) -> None:
    """Add synthetic articles ``start`` to ``stop`` by resolution itself, ``chunk`` at a
    time (slow: what ``--check`` compares the generated store with)."""
    for first in range(start, stop, chunk):
        inputs = article_inputs(first, min(stop, first + chunk))
        st.apply(add_articles(st.ox, inputs))


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_POINTERS = frozenset({_RDF + "subject", _RDF + "object"})


@dataclass
class Written:
    """One article as resolution writes it, before its entities get their canonical IRIs:
    its name records, its graph's triples and its relation triples (Oxigraph terms)."""

    iri: URIRef
    mentions: dict[URIRef, Mention]
    kept: list[Any]
    moved: list[Any]


def written(a: ArticleInput) -> Written:
    """What resolution writes for one article (through its own functions), each mention
    still its own canonical IRI."""
    triples = article_graph(a.facts, {iri: iri for iri in a.mentions})
    kept, moved = split_facts(ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
    return Written(a.iri, a.mentions, kept, moved)


def _terms(number: int) -> list[Node]:
    """The terms of synthetic article ``number`` that differ from article to article of the
    same country: article IRI and literals (the first evidence ends with the text), evidence
    IRIs, entity IRIs and names."""
    res = synthetic(number)
    art = res.article
    first, _, other, _, org = res.entities
    evidence = [evidence_iri(r.evidence, r.subject, r.predicate, r.object) for r in res.relations]
    names = [Literal(e.name) for e in res.entities if e.type != "Country"]
    entities = [entity_iri(e.key) for e in (first, other, org)]
    literals = [Literal(v) for v in (art.id, art.source, art.hash, art.text, len(art.text))]
    return [article_iri(art.id), *literals, *evidence, *entities, *names]


@cache
def _prototypes() -> dict[str, tuple[Written, list[Node]]]:
    """One article per country written by resolution's own functions, with its terms."""
    out: dict[str, tuple[Written, list[Node]]] = {}
    number = 10**6
    while len(out) < len(COUNTRIES):
        number += 1
        country = synthetic(number).entities[3].name
        terms = _terms(number)
        if country not in out and len(set(terms)) == len(terms):
            out[country] = (written(_input(number)), terms)
    return out


def _swap(number: int) -> tuple[Written, dict[Node, Node]]:
    """The prototype of synthetic article ``number``'s country and the table taking the
    prototype's terms to the article's own."""
    proto, terms = _prototypes()[synthetic(number).entities[3].name]
    return proto, dict(zip(terms, _terms(number), strict=True))


def _mentions(proto: Written, table: dict[Node, Node]) -> dict[URIRef, Mention]:
    names = {str(k): str(v) for k, v in table.items() if isinstance(k, Literal)}
    iri = table[proto.iri]
    mentions: dict[URIRef, Mention] = {}
    for m in proto.mentions.values():
        new = table.get(m.iri, m.iri)
        assert isinstance(new, URIRef)
        mentions[new] = Mention(
            new,
            m.type,
            {names.get(n, n) for n in m.labels},
            {names.get(n, n) for n in m.names},
            set(m.ids),
            articles={iri},  # type: ignore[arg-type]
            count=m.count,
        )
    return mentions


def fast_mentions(number: int) -> dict[URIRef, Mention]:
    """The name records of :func:`fast_written` alone (no triples)."""
    return _mentions(*_swap(number))


def fast_written(number: int) -> Written:
    """:func:`written` of synthetic article ``number``, from the prototype of its country
    with the article's own terms in place of the prototype's (``--check`` compares)."""
    proto, table = _swap(number)
    ox_table = {to_ox(k): to_ox(v) for k, v in table.items()}

    def swap(t: Any) -> Any:
        return ox.Triple(*(ox_table.get(x, x) for x in (t.subject, t.predicate, t.object)))

    iri = table[proto.iri]
    assert isinstance(iri, URIRef)
    mentions = _mentions(proto, table)
    return Written(iri, mentions, [swap(t) for t in proto.kept], [swap(t) for t in proto.moved])


def _components(records: dict[URIRef, Mention]) -> list[list[URIRef]]:
    """Records sharing an index key, transitively (what resolution gathers for each)."""
    parent = {iri: iri for iri in records}

    def root(iri: URIRef) -> URIRef:
        while parent[iri] != iri:
            parent[iri] = parent[parent[iri]]
            iri = parent[iri]
        return iri

    owner: dict[str, URIRef] = {}
    for iri in sorted(records, key=str):
        for key in name_keys(records[iri]):
            other = owner.setdefault(key, iri)
            parent[root(iri)] = root(other)
    groups: dict[URIRef, list[URIRef]] = {}
    for iri in records:
        groups.setdefault(root(iri), []).append(iri)
    return list(groups.values())


def _records(numbers: Iterable[int]) -> dict[URIRef, Mention]:
    records: dict[URIRef, Mention] = {}
    for number in numbers:
        for iri, m in fast_mentions(number).items():
            if iri in records:
                records[iri].absorb(m)
            else:
                records[iri] = m
    return records


def entity_quads(records: dict[URIRef, Mention]) -> Iterator[list[Any]]:
    """The entities graph, one list of quads per component of name records, each planned as
    resolution plans it (:func:`graphkit.merge.plan._plan_component`, against an empty
    store), which sets the records' canonical IRIs."""
    empty = ox.Store()
    graph = ox.NamedNode(str(ENTITIES_GRAPH))
    for group in _components(records):
        plan = _plan_component(empty, {i: records[i] for i in group}, new_articles={})
        yield [ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in plan.insert]


def article_quads(articles: Iterable[Written], mapping: dict[Any, Any]) -> list[Any]:
    """The quads of these article graphs with the canonical IRIs (``mapping`` holds those
    that differ from the records'), as :func:`graphkit.merge.split.article_graph` writes
    them, their relation triples in the relations graph, as
    :func:`graphkit.store.relations.write_articles` lays them (repeated across articles)."""
    quads = []
    rel = ox.NamedNode(RELATIONS_GRAPH)
    for a in articles:
        name = ox.NamedNode(str(a.iri))
        for t in a.kept:
            o = mapping.get(t.object, t.object) if t.predicate.value in _POINTERS else t.object
            quads.append(ox.Quad(t.subject, t.predicate, o, name))
        quads += [
            ox.Quad(mapping.get(s, s), p, mapping.get(o, o), rel)
            for s, p, o in a.moved
            if isinstance(o, ox.NamedNode)
        ]
    return quads


def write_generated(out: BinaryIO, size: int, chunk: int = 2000) -> None:
    """Write as N-Quads what a store holds after resolution has added synthetic articles
    ``0`` to ``size`` (any order, any steps), entailments left out, a piece at a time: the
    name records of all articles (what the components need), then the entities graph a
    component at a time, then the article graphs ``chunk`` articles at a time, each written
    anew from its prototype. A relation stated by several articles is written once."""
    records = _records(range(size))
    for quads in entity_quads(records):
        _write(out, quads)
    mapping = {
        to_ox(iri): to_ox(m.resolves_to)
        for iri, m in records.items()
        if m.resolves_to is not None and m.resolves_to != iri
    }
    del records
    rel = ox.NamedNode(RELATIONS_GRAPH)
    seen: set[tuple[str, str, str]] = set()
    for first in range(0, size, chunk):
        quads = article_quads(map(fast_written, range(first, min(size, first + chunk))), mapping)
        kept = []
        for q in quads:
            if q.graph_name == rel:
                key = (q.subject.value, q.predicate.value, q.object.value)
                if key in seen:
                    continue
                seen.add(key)
            kept.append(q)
        _write(out, kept)


def _write(out: BinaryIO, quads: list[Any]) -> None:
    if quads:
        ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)


def generate(
    st: Any, size: int, folder: Path, chunk: int = 2000, *, keep: Path | None = None
) -> None:
    """Fill an empty store with synthetic articles ``0`` to ``size`` as resolution would,
    through an N-Quads file written a piece at a time (:func:`write_generated`) and the bulk
    import (which adds the entailments): memory holds the name records, not the quads.
    With ``keep``, the file is kept in that folder and read from there next time."""
    path = (keep or folder) / f"generated-{size}.nq"
    if keep is None or not path.exists():
        part = path.with_suffix(".part")
        with part.open("wb") as out:
            write_generated(out, size, chunk)
        part.replace(path)
    st.bulk_import(path)
    if keep is None:
        path.unlink()


def dump(st: Any) -> list[str]:
    """A store's quads as sorted N-Quads lines, the ontology graph (its blank nodes are named
    anew by each store) and the kept figures (a store counts them when it starts keeping
    them) left out."""
    left_out = (ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(STATS_GRAPH))
    return sorted(str(q) for q in st.ox if q.graph_name not in left_out)


class Counted:
    """An Oxigraph store that counts, per kind of look-up (the graphkit function that made
    it), the calls, the rows returned and the time they took, rows read included; it passes
    for an ``ox.Store`` (``isinstance``), so graphkit takes the same paths."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.kinds: dict[str, list[float]] = {}

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return ox.Store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _kind(self, what: str) -> list[float]:
        frame = sys._getframe(1)
        while frame.f_code.co_filename == __file__ or frame.f_code.co_name.startswith("<"):
            assert frame.f_back is not None
            frame = frame.f_back
        kind = self.kinds.setdefault(f"{frame.f_code.co_name} {what}", [0, 0, 0.0])
        kind[0] += 1
        return kind

    def _count(self, what: str, run: Any) -> Any:
        kind = self._kind(what)
        began = time.process_time()
        rows = run()
        kind[2] += time.process_time() - began
        kind[1] += len(rows) if isinstance(rows, list) else 1
        return rows

    def query(self, *args: Any, **kwargs: Any) -> Any:
        result = self._store.query(*args, **kwargs)
        if isinstance(result, (bool, ox.QueryBoolean)):
            return self._count("ask", lambda: result)
        return self._count("query", lambda: list(result))

    def quads_for_pattern(self, *args: Any) -> Any:
        """The quads, read as the caller reads them (a caller may stop early)."""
        kind = self._kind("quads " + "".join("-" if a is None else "b" for a in args))
        began = time.process_time()
        quads = iter(self._store.quads_for_pattern(*args))
        kind[2] += time.process_time() - began
        return self._walk(kind, quads)

    @staticmethod
    def _walk(kind: list[float], quads: Iterator[Any]) -> Iterator[Any]:
        while True:
            began = time.process_time()
            quad = next(quads, None)
            kind[2] += time.process_time() - began
            if quad is None:
                return
            kind[1] += 1
            yield quad

    def __contains__(self, quad: Any) -> bool:
        return bool(self._count("contains", lambda: quad in self._store))

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._count("update", lambda: self._store.update(*args, **kwargs))


def measure(st: Any, start: int, new: int, *, count: bool = False) -> dict[str, Any]:
    """Add ``new`` articles one transaction each (as a build does); per-article times, and
    with ``count`` the look-ups by kind (:class:`Counted`, whose own cost is in the times)."""
    extra = [_graphs(start + i) for i in range(new)]
    rewritten = 0
    real = st._ox
    counted = Counted(real) if count else None
    if counted is not None:
        st._ox = counted
    try:
        began, cpu = time.perf_counter(), time.process_time()
        for graphs in extra:
            plan = add_article(st.ox, graphs)
            rewritten += len(plan.rewritten)
            st.apply(plan)
        out: dict[str, Any] = {
            "wall": (time.perf_counter() - began) / new,
            "cpu": (time.process_time() - cpu) / new,
            "rewritten": rewritten,
        }
    finally:
        st._ox = real
    if counted is not None:
        out["kinds"] = counted.kinds
    began = time.perf_counter()
    st.article_hashes()
    st.article_sources()
    store_counts(st.ox)
    out["listing"] = time.perf_counter() - began
    return out


def print_kinds(size: int, kinds: dict[str, list[float]], new: int) -> None:
    """The look-ups of adding ``new`` articles to a store of ``size``, by kind."""
    print(f"\nlook-ups adding {new} articles to {size:,}: kind, calls, rows, rows/call, "
          "CPU ms, µs/call")
    for kind, (calls, rows, spent) in sorted(kinds.items(), key=lambda kv: -kv[1][2]):
        print(f"  {kind:<40} {calls:>6.0f} {rows:>8.0f} {rows / calls:>7.1f} "
              f"{spent * 1000:>8.1f} {spent / calls * 1e6:>8.1f}")
    calls = sum(k[0] for k in kinds.values())
    rows = sum(k[1] for k in kinds.values())
    spent = sum(k[2] for k in kinds.values())
    print(f"  {'all':<40} {calls:>6.0f} {rows:>8.0f} {rows / calls:>7.1f} "
          f"{spent * 1000:>8.1f} {spent / calls * 1e6:>8.1f}\n", flush=True)


def settle(st: Any, how: str, folder: Path) -> Any:
    """The store after a bulk import as ``how`` leaves it: ``fresh`` (as imported),
    ``optimize`` (Oxigraph's compaction) or ``reopen`` (closed and opened again)."""
    if how == "optimize":
        st.ox.optimize()
    elif how == "reopen":
        st.close()
        return open_store(folder, publish_every=3600)
    return st


def check(size: int, chunk: int) -> bool:
    """True if the generated store of ``size`` articles is the one resolution builds."""
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "resolved") as st:
            grow(st, 0, size, chunk)
            resolved = dump(st)
        with open_store(Path(tmp) / "generated") as st:
            generate(st, size, Path(tmp))
            generated = dump(st)
    for line in sorted(set(resolved) ^ set(generated))[:10]:
        print(("only resolved: " if line in resolved else "only generated: ") + line)
    print(f"{size} articles: {len(resolved):,} quads resolved, {len(generated):,} generated")
    return resolved == generated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument(
        "--check",
        type=int,
        metavar="N",
        help="only compare the generated store of N articles with the one resolution builds",
    )
    parser.add_argument("--chunk", type=int, default=50, help="articles per step of --check")
    parser.add_argument(
        "--count",
        action="store_true",
        help="count the look-ups by kind (calls, rows, CPU time; costs time itself)",
    )
    parser.add_argument(
        "--settle",
        choices=["fresh", "optimize", "reopen"],
        default="fresh",
        help="measure the store as bulk-imported, after optimize(), or after reopening it",
    )
    parser.add_argument(
        "--keep", type=Path, help="keep the generated N-Quads files here and reuse them"
    )
    args = parser.parse_args()
    if args.check:
        raise SystemExit(0 if check(args.check, args.chunk) else 1)
    base: dict[str, Any] = {}
    print(
        "| store (articles) | quads | generated (s) | wall ms/article | ratio | "
        "CPU ms/article | ratio | articles rewritten | build look-ups (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sorted(args.sizes):
        with tempfile.TemporaryDirectory() as tmp:
            st = open_store(Path(tmp) / "store", publish_every=3600)
            try:
                began = time.perf_counter()
                generate(st, size, Path(tmp), keep=args.keep)
                generated = time.perf_counter() - began
                st = settle(st, args.settle, Path(tmp) / "store")
                r = measure(st, size, args.new, count=args.count)
                quads = len(st.ox)
            finally:
                st.close()
        base = base or r
        print(
            f"| {size:,} | {quads:,} | {generated:.0f} | "
            f"{r['wall'] * 1000:.1f} | {r['wall'] / base['wall']:.2f} | "
            f"{r['cpu'] * 1000:.1f} | {r['cpu'] / base['cpu']:.2f} | "
            f"{int(r['rewritten'])} | {r['listing']:.2f} |",
            flush=True,
        )
        if args.count:
            print_kinds(size, r["kinds"], args.new)

if __name__ == "__main__":
    main()
