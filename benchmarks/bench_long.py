"""How extraction time grows with the length of one article.

One long article is made of the sample articles (``data/articles/*.txt``) repeated, cut at a
paragraph break at about 100k, 200k, 400k (and, with ``--sizes``, 1M) characters. For each
size it times:

- ``spaCy``: graphkit's own spaCy pipeline (``graphkit.nlp.load_nlp()``) over the text, in
  the pieces graphkit uses for a text over spaCy's ``max_length``;
- ``extract``: ``graphkit.pipeline.extract_articles([article])``: the same parse plus
  resolution, relation extraction and evidence.

It prints, per size, seconds, extraction time per character as a ratio against the 100k run
(linear growth keeps it near 1.0; a quadratic step doubles it with each doubling of the
length), and the ratio ``extract / spaCy`` (what the extractor adds on top of the parse).
``--profile SIZE`` then prints the top functions of one extraction (cProfile, cumulative).

Run: ``python benchmarks/bench_long.py [--sizes 100000 200000 400000 1000000] [--profile 400000]``
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from spacy.tokens import Doc

from graphkit.config import Settings
from graphkit.nlp import PIECE_CHARS, load_nlp
from graphkit.pipeline import extract_articles
from graphkit.records import Article

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


def long_text(size: int) -> str:
    """The sample articles repeated to about ``size`` characters, cut at a paragraph break."""
    parts = [p.read_text(encoding="utf-8").strip() for p in sorted(ARTICLES.glob("*.txt"))]
    block = "\n\n".join(parts) + "\n\n"
    text = block * (size // len(block) + 1)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut + 2]


def time_spacy(nlp, text: str) -> float:  # type: ignore[no-untyped-def]
    from graphkit.ingest.text import split_long

    began = time.perf_counter()
    if len(text) > nlp.max_length:
        pieces = split_long(text, limit=min(PIECE_CHARS, nlp.max_length))
        Doc.from_docs(list(nlp.pipe(pieces, batch_size=4)), ensure_whitespace=False)
    else:
        nlp(text)
    return time.perf_counter() - began


def time_extract(text: str, settings: Settings) -> tuple[float, int]:
    article = Article.from_text(text, source="long.txt")
    began = time.perf_counter()
    result = next(extract_articles([article], settings=settings))
    return time.perf_counter() - began, len(result.relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    parser.add_argument("--profile", type=int, default=0, metavar="SIZE")
    args = parser.parse_args()
    settings = Settings()
    nlp = load_nlp(settings.model, settings.lexicon_dir)
    time_extract(long_text(20_000), settings)  # warm up: the model, lexicons and gazetteers
    rows = []
    for size in args.sizes:
        text = long_text(size)
        spacy_s = time_spacy(nlp, text)
        extract_s, relations = time_extract(text, settings)
        rows.append((len(text), spacy_s, extract_s, relations))
        line = f"  {len(text):>9,} chars: spaCy {spacy_s:7.1f} s, extract {extract_s:7.1f} s"
        print(line, flush=True)
    base_chars, _, base_s, _ = rows[0]
    print()
    print(f"{'chars':>10} {'spaCy s':>8} {'extract s':>10} {'relations':>9} "
          f"{'per-char vs first':>18} {'extract/spaCy':>14}")
    for chars, spacy_s, extract_s, relations in rows:
        growth = (extract_s / chars) / (base_s / base_chars)
        print(f"{chars:>10,} {spacy_s:>8.1f} {extract_s:>10.1f} {relations:>9,} "
              f"{growth:>18.2f} {extract_s / spacy_s:>14.2f}")
    if args.profile:
        text = long_text(args.profile)
        profile = cProfile.Profile()
        profile.enable()
        time_extract(text, settings)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
