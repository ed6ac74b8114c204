"""A small hand-built dataset for examples, doctests and notebooks (no NLP involved).

Two articles: Petro and Trump meet twice (once in each article), Trump criticizes Petro,
and each leader leads his country. Maduro leads Venezuela and has no other tie.

Examples:
    >>> ds = example_dataset()
    >>> sorted(str(r.title) for r in ds.query("SELECT ?title WHERE { ?a <http://purl.org/dc/terms/title> ?title }"))
    ['A second meeting', 'Trump and Petro clash']
"""

from __future__ import annotations

from rdflib import Dataset

from graphkit.graph import results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation

PETRO = Entity("Person", "Gustavo Petro", ("Petro", "Gustavo Petro"))
TRUMP = Entity("Person", "Donald Trump", ("Trump",))
MADURO = Entity("Person", "Nicolás Maduro", ("Maduro",))
COLOMBIA = Entity("Country", "Colombia", ("Bogotá",), (("iso3", "COL"),))
USA = Entity("Country", "United States", ("U.S.", "Washington"), (("iso3", "USA"),))
VENEZUELA = Entity("Country", "Venezuela", ("Caracas",), (("iso3", "VEN"),))


def _relation(
    article: Article, s: Entity, p: str, o: Entity, sentence: str, cue: str, **kw: str
) -> Relation:
    start = article.text.index(sentence)
    ev = Evidence(article.id, sentence, start, start + len(sentence), cue, 0.8, **kw)
    return Relation(s, p, o, ev)


def example_results() -> tuple[ArticleResult, ...]:
    """The two article results behind :func:`example_dataset`."""
    one = Article.from_text(
        "Trump criticized Petro over deportation flights. Petro met Trump in Washington. "
        "Colombian President Gustavo Petro leads Colombia.",
        source="data/example/one.txt",
        title="Trump and Petro clash",
        date="2025-01-26",
    )
    two = Article.from_text(
        "Petro met Trump again. Donald Trump, the U.S. president, leads the United States. "
        "Maduro leads Venezuela. Petro did not meet Maduro.",
        source="data/example/two.txt",
        title="A second meeting",
        date="2025-02-03",
    )
    return (
        ArticleResult(
            one,
            (PETRO, TRUMP, COLOMBIA, USA),
            (
                _relation(
                    one,
                    TRUMP,
                    "criticized",
                    PETRO,
                    "Trump criticized Petro over deportation flights.",
                    "criticized",
                ),
                _relation(one, PETRO, "metWith", TRUMP, "Petro met Trump in Washington.", "met"),
                _relation(
                    one,
                    PETRO,
                    "leaderOf",
                    COLOMBIA,
                    "Colombian President Gustavo Petro leads Colombia.",
                    "President",
                ),
            ),
        ),
        ArticleResult(
            two,
            (PETRO, TRUMP, MADURO, USA, VENEZUELA),
            (
                _relation(
                    two,
                    PETRO,
                    "metWith",
                    TRUMP,
                    "Petro met Trump again.",
                    "met",
                    event_date="2025-02-01",
                ),
                _relation(
                    two,
                    TRUMP,
                    "leaderOf",
                    USA,
                    "Donald Trump, the U.S. president, leads the United States.",
                    "president",
                ),
                _relation(two, MADURO, "leaderOf", VENEZUELA, "Maduro leads Venezuela.", "leads"),
                _relation(
                    two,
                    PETRO,
                    "metWith",
                    MADURO,
                    "Petro did not meet Maduro.",
                    "meet",
                    modality="negated",
                ),
            ),
        ),
    )


def example_dataset() -> Dataset:
    """A Dataset (default graph = union) with the two example articles."""
    return results_dataset(example_results())
