"""A build run as its own process, for the kill and disk-full tests (not a test module).

Usage: python driver.py STORE MODE COUNT

Adds COUNT synthetic articles (no spaCy: quick and deterministic) to STORE the way
``graphkit build`` does (MODE ``build``: one transaction per article with its resolution), or
through ``Store.load`` of a TriG file per article (MODE ``load``: the article with a pending
mark, then resolution step by step). Articles already in the store are skipped, so running it
again finishes an interrupted run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from graphkit.graph import article_dataset
from graphkit.merge.resolver import add_article
from graphkit.merge.terms import to_graphs
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.store import open_store, write_rdf
from graphkit.vocab import article_iri

PEOPLE = ["Vladimir Putin", "Putin", "Valdimir Putin", "Abdel Fattah el-Sisi", "el-Sissi",
          "Donald Trump", "Trump", "Ivanka Trump", "Hassan Sheikh",
          "Hassan Sheikh Mohamud"]  # fmt: skip
COUNTRIES = ["France", "Britain", "United Kingdom", "Egypt", "Russia", "Somalia"]


def article(number: int) -> ArticleResult:
    """One synthetic article: a person meets another, visits a country, a country criticizes
    them."""
    text = f"Synthetic article {number} about diplomacy."
    art = Article.from_text(text, source=f"synthetic-{number:03d}.txt")
    a = Entity("Person", PEOPLE[number % len(PEOPLE)])
    b = Entity("Person", PEOPLE[(number * 3 + 1) % len(PEOPLE)])
    c = Entity("Country", COUNTRIES[number % len(COUNTRIES)])
    kind = "Organization" if number % 7 == 3 else "Person"  # the extractor's occasional type error
    d = Entity(kind, PEOPLE[(number * 5 + 2) % len(PEOPLE)])
    rels = []
    for i, (s, p, o) in enumerate(((a, "metWith", b), (a, "visited", c), (c, "criticized", d))):
        if s.key != o.key:
            rels.append(Relation(s, p, o, Evidence(art.id, text, i, i + 5, p, 0.9)))
    return ArticleResult(art, (a, b, c, d), tuple(rels))


def main() -> None:
    store, mode, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    with open_store(store, publish_every=3600) as st:
        known = st.article_hashes()
        for number in range(count):
            result = article(number)
            if str(article_iri(result.article.id)) in known:
                continue
            if mode == "build":
                st.apply(add_article(st.ox, to_graphs(article_dataset(result))))
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / "article.trig"
                    write_rdf(article_dataset(result), path)
                    st.load(path)


if __name__ == "__main__":
    main()
