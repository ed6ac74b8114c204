"""How much time graphkit's extraction adds on top of spaCy's own parsing.

Three stages run over the same texts with the same model, interleaved in each round so that
machine noise hits all of them alike:

- ``spaCy pipe``: plain ``spacy.load(Settings().model).pipe(texts)``;
- ``graphkit pipe``: ``graphkit.nlp.load_nlp().pipe(texts)`` (adds the gazetteer entity ruler
  and the paragraph-break component);
- ``extract``: ``graphkit.pipeline.extract_articles(articles)``, i.e. graphkit's pipe plus
  resolution, relation extraction, dates and evidence.

The baseline is graphkit's own pipe: the ratio ``extract / graphkit pipe`` is what the
extractor adds (target: at most 1.20). Each ratio is the median of the per-round ratios.

Corpora: the sample articles (``data/articles/*.txt``, read by ``graphkit.ingest`` so that
they carry their dates and event dates get resolved) repeated and shuffled to about
``--words`` words; the PLOVER gold sentences (``gsr.jsonl``, one short text each); and, for
``n_process=2``, the same article words cut at paragraph boundaries into pieces of about
100 words, because the pipeline starts worker processes only from 200 articles up.

``--profile`` then parses some articles and the PLOVER sentences once and times only the
extractor, function by function (see :class:`StageTimer`), printing graphkit's hotspots: own
and inclusive time as a share of the extractor's time.

Run: ``python benchmarks/bench_extract.py [--words 30000] [--repeat 3] [--no-parallel] [--profile]``
(``--profile-only`` skips the timings.)
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import inspect
import json
import os
import random
import re
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy

from graphkit import extract
from graphkit.config import Settings
from graphkit.extract import extract_doc
from graphkit.ingest import read_articles
from graphkit.lexicon import load_lexicon
from graphkit.nlp import load_nlp
from graphkit.pipeline import PARALLEL_THRESHOLD, extract_articles
from graphkit.records import Article

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
DEFAULT_GOLD = ROOT / "data" / "eval" / "plover" / "gsr.jsonl"
TARGET = 1.20
_DONE = object()


def words(texts: Sequence[str]) -> int:
    """Whitespace-separated words in the texts."""
    return sum(len(t.split()) for t in texts)


def article_corpus(n_words: int, *, seed: int = 0) -> list[Article]:
    """The sample articles as ingest reads them (title, date), repeated and shuffled to
    ``n_words``."""
    originals = [a for p in sorted(ARTICLES.glob("*.txt")) for a in read_articles(p)]
    if not originals:
        msg = f"no sample articles in {ARTICLES}"
        raise SystemExit(msg)
    rng = random.Random(seed)
    out: list[Article] = []
    total = 0
    while total < n_words:
        batch = originals[:]
        rng.shuffle(batch)
        for art in batch:
            out.append(
                Article.from_text(
                    art.text, source=f"copy-{len(out)}.txt", title=art.title, date=art.date
                )
            )
            total += len(art.text.split())
    return out


def paragraph_corpus(articles: Sequence[Article], *, piece_words: int = 100) -> list[Article]:
    """The same texts cut at blank lines into pieces of at least ``piece_words`` words."""
    out: list[Article] = []
    for art in articles:
        piece: list[str] = []
        for para in re.split(r"\n\s*\n", art.text):
            if para.strip():
                piece.append(para.strip())
            if words(piece) >= piece_words:
                out.append(
                    Article.from_text(
                        "\n\n".join(piece), source=f"piece-{len(out)}.txt", date=art.date
                    )
                )
                piece = []
        if piece:
            out.append(
                Article.from_text("\n\n".join(piece), source=f"piece-{len(out)}.txt", date=art.date)
            )
    return out


def plover_corpus(path: Path) -> list[Article]:
    """One article per PLOVER gold sentence."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        Article.from_text(json.loads(line)["text"].strip(), source=f"plover-{i}.txt")
        for i, line in enumerate(lines)
        if line.strip()
    ]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and the workers it reaped) of one call.

    A full garbage collection runs first: one that the work before made due would otherwise
    run inside the call and be counted against it (about 0.1 s, a third of the extractor's
    time on ten articles). The collections the call itself makes due still count."""
    gc.collect()
    wall, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - wall, _cpu() - cpu


Times = dict[str, list[tuple[float, float]]]


def measure(
    articles: Sequence[Article],
    *,
    n_process: int,
    repeat: int,
    settings: Settings,
    plain_spacy: bool = True,
) -> Times:
    """(wall, CPU) seconds per stage and round; the stage order rotates from round to round."""
    texts = [a.text for a in articles]
    plain = spacy.load(settings.model)
    nlp = load_nlp(settings.model, settings.lexicon_dir)
    run_settings = settings.replace(n_process=n_process)
    stages: dict[str, Callable[[], object]] = {
        "spaCy pipe": lambda: list(
            plain.pipe(texts, batch_size=settings.batch_size, n_process=n_process)
        ),
        "graphkit pipe": lambda: list(
            nlp.pipe(texts, batch_size=settings.batch_size, n_process=n_process)
        ),
        "extract": lambda: list(extract_articles(articles, settings=run_settings)),
    }
    if not plain_spacy:
        del stages["spaCy pipe"]
    names = list(stages)
    times: Times = {name: [] for name in names}
    for round_no in range(repeat):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(timed(stages[name]))
    return times


def paired_ratio(num: Sequence[float], den: Sequence[float]) -> float:
    """Median of the per-round ratios (robust to load that drifts between rounds)."""
    return statistics.median(n / d for n, d in zip(num, den, strict=True))


def report(label: str, articles: Sequence[Article], n_process: int, times: Times) -> None:
    n_words = words([a.text for a in articles])
    base_wall = [w for w, _ in times["graphkit pipe"]]
    base_cpu = [c for _, c in times["graphkit pipe"]]
    for name, pairs in times.items():
        wall, cpu = [w for w, _ in pairs], [c for _, c in pairs]
        med = statistics.median(wall)
        ratio = paired_ratio(wall, base_wall)
        cpu_ratio = paired_ratio(cpu, base_cpu)
        flag = ""
        if name == "extract":  # one process: judged on CPU time, which load does not skew
            judged = cpu_ratio if n_process == 1 else ratio
            flag = "ok" if judged <= TARGET else f"over the {TARGET:.2f} target"
        print(
            f"{label:<22} {len(articles):>5} {n_words:>7,} {n_process:>5}  {name:<14}"
            f" {med:>8.2f} {n_words / med:>9,.0f} {ratio:>7.2f} {statistics.median(cpu):>7.2f}"
            f" {cpu_ratio:>7.2f}  {flag}",
            flush=True,
        )


def _where(fn: Callable[..., Any]) -> str:
    """``graphkit/extract/events.py:sentence_events`` for a function."""
    path = fn.__code__.co_filename.replace("\\", "/")
    return "graphkit/" + path.rsplit("/graphkit/", 1)[-1] + ":" + fn.__qualname__


class StageTimer:
    """Wall time of every graphkit function the extractor calls, inclusive and exclusive.

    Each module-level function (and method of a class) in the extractor's modules is swapped
    for a timing wrapper in every graphkit namespace that holds it. Time spent in spaCy's
    compiled code (token and span objects, ``.sent`` look-ups) counts for the graphkit function
    that asked for it, which a C-level profiler attributes poorly. A generator function's work is
    timed each time it resumes, as its caller reads it.
    """

    MODULES = (
        "graphkit.extract",
        "graphkit.extract.args",
        "graphkit.extract.events",
        "graphkit.extract.verbal",
        "graphkit.extract.nominal",
        "graphkit.extract.syntax",
        "graphkit.extract.objects",
        "graphkit.extract.targets",
        "graphkit.extract.modality",
        "graphkit.extract.static",
        "graphkit.extract.titles",
        "graphkit.extract.places",
        "graphkit.extract.members",
        "graphkit.extract.mediation",
        "graphkit.extract.clauses",
        "graphkit.extract.article",
        "graphkit.resolve",
        "graphkit.dates",
        "graphkit.lexicon",
        "graphkit.records",
    )

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.total: dict[str, float] = {}
        self.own: dict[str, float] = {}
        self._stack: list[float] = []  # time spent in timed children, per open call
        self._undo: list[tuple[object, str, object]] = []

    def _timed(self, name: str, step: Callable[[], Any], *, call: bool = True) -> Any:
        """``step()``, its time added to ``name`` (and counted as a call of it when ``call``)."""
        self._stack.append(0.0)
        began = time.perf_counter()
        try:
            return step()
        finally:
            spent = time.perf_counter() - began
            children = self._stack.pop()
            if self._stack:
                self._stack[-1] += spent
            if call:
                self.calls[name] = self.calls.get(name, 0) + 1
            self.total[name] = self.total.get(name, 0.0) + spent
            self.own[name] = self.own.get(name, 0.0) + spent - children

    def _wrap(self, fn: Callable[..., Any], name: str) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(fn):

            @functools.wraps(fn)
            def timed_generator(*args: Any, **kwargs: Any) -> Iterator[Any]:
                # each resumption is timed where it happens, and the generator is read no
                # further ahead than its caller asks (a caller may record what one item told
                # before asking for the next, as ``extract._extract`` does)
                gen = self._timed(name, lambda: fn(*args, **kwargs))
                step: Callable[[], Any] = functools.partial(next, gen, _DONE)
                while (item := self._timed(name, step, call=False)) is not _DONE:
                    yield item

            return timed_generator

        @functools.wraps(fn)
        def timed_call(*args: Any, **kwargs: Any) -> Any:
            return self._timed(name, lambda: fn(*args, **kwargs))

        return timed_call

    def install(self) -> None:
        modules = [importlib.import_module(m) for m in self.MODULES]
        wrapped: dict[int, Callable[..., Any]] = {}
        for mod in modules:
            for attr, value in list(vars(mod).items()):
                if inspect.isfunction(value) and value.__module__ in self.MODULES:
                    short = _where(value)
                    if id(value) not in wrapped:
                        wrapped[id(value)] = self._wrap(value, short)
                    self._undo.append((mod, attr, value))
                    setattr(mod, attr, wrapped[id(value)])
                elif inspect.isclass(value) and value.__module__ == mod.__name__:
                    for meth, fn in list(vars(value).items()):
                        if inspect.isfunction(fn) and not meth.startswith("__"):
                            self._undo.append((value, meth, fn))
                            setattr(value, meth, self._wrap(fn, _where(fn)))

    def uninstall(self) -> None:
        for owner, attr, value in reversed(self._undo):
            setattr(owner, attr, value)
        self._undo.clear()


def profile_extractor(
    label: str, articles: Sequence[Article], *, settings: Settings, top: int = 12
) -> None:
    """Parse once, then time only the extractor, function by function, and print the hotspots."""
    nlp = load_nlp(settings.model, settings.lexicon_dir)
    lex = load_lexicon(settings.lexicon_dir)
    gc.collect()  # see :func:`timed`
    cpu = _cpu()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    parse_cpu = _cpu() - cpu
    gc.collect()
    began, cpu = time.perf_counter(), _cpu()
    expected = [extract_doc(doc, art, lex=lex) for doc, art in zip(docs, articles, strict=True)]
    plain, extract_cpu = time.perf_counter() - began, _cpu() - cpu
    gc.collect()
    timer = StageTimer()
    timer.install()
    try:
        got = [
            extract.extract_doc(doc, art, lex=lex) for doc, art in zip(docs, articles, strict=True)
        ]
    finally:
        timer.uninstall()
    if got != expected:
        print("warning: the instrumented extractor gave other results than the plain one")
    whole = timer.total.get("graphkit/extract/__init__.py:extract_doc", 0.0) or 1e-9
    print(
        f"\n{label}: graphkit pipe {parse_cpu:.2f} s CPU, then the extractor alone "
        f"{extract_cpu:.2f} s"
        f" CPU (+{100 * extract_cpu / parse_cpu:.0f}% over the pipe; {plain:.2f} s wall) on"
        f" {len(articles)} docs; {whole:.2f} s instrumented. Shares of the instrumented time:"
    )
    print(f"{'own %':>6} {'incl %':>6} {'calls':>8}  function")
    for name in sorted(timer.own, key=timer.own.__getitem__, reverse=True)[:top]:
        print(
            f"{100 * timer.own[name] / whole:>6.1f} {100 * timer.total[name] / whole:>6.1f}"
            f" {timer.calls[name]:>8,}  {name}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=30_000, help="words in the article corpus")
    ap.add_argument("--repeat", type=int, default=3, help="rounds per measurement (median)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="PLOVER gsr.jsonl")
    ap.add_argument("--no-parallel", action="store_true", help="skip the n_process=2 rows")
    ap.add_argument("--profile", action="store_true", help="profile the extractor afterwards")
    ap.add_argument("--profile-only", action="store_true", help="skip the timings, only profile")
    args = ap.parse_args()

    settings = Settings()
    articles = article_corpus(args.words)
    plover = plover_corpus(args.gold)
    pieces = paragraph_corpus(articles)
    # warm up: model and lexicon loads are not what we measure
    list(extract_articles(articles[:2], settings=settings))
    spacy.load(settings.model)

    print(
        f"model {settings.model}, batch size {settings.batch_size}, median of {args.repeat} rounds"
    )
    print(
        f"ratio = wall time / graphkit pipe wall time in the same round (target for extract: "
        f"<= {TARGET:.2f}); cpu s / cpu rat: the same in CPU seconds (this process and its "
        "workers), steadier than wall time when other work shares the machine\n"
    )
    print(
        f"{'corpus':<22} {'docs':>5} {'words':>7} {'procs':>5}  {'stage':<14} {'median s':>8}"
        f" {'words/s':>9} {'ratio':>7} {'cpu s':>7} {'cpu rat':>7}"
    )
    runs: list[tuple[str, list[Article], int]] = [(f"articles x{len(articles)}", articles, 1)]
    if plover:
        runs.append(("PLOVER sentences", plover, 1))
    if not args.no_parallel:
        if len(pieces) < PARALLEL_THRESHOLD:
            print(
                f"(only {len(pieces)} pieces: the pipeline stays in one process below "
                f"{PARALLEL_THRESHOLD})"
            )
        runs.append(("article pieces", pieces, 2))
    began = time.perf_counter()
    for label, corpus, n_process in [] if args.profile_only else runs:
        times = measure(
            corpus,
            n_process=n_process,
            repeat=args.repeat,
            settings=settings,
            plain_spacy=n_process == 1,
        )
        report(label, corpus, n_process, times)
    print(f"\n(measured in {time.perf_counter() - began:.0f} s)")
    if args.profile or args.profile_only:
        distinct = len(list(ARTICLES.glob("*.txt")))
        profile_extractor(f"{2 * distinct} articles", articles[: 2 * distinct], settings=settings)
        if plover:
            profile_extractor("PLOVER sentences", plover, settings=settings)


if __name__ == "__main__":
    main()
