"""A small hand-built dataset for examples, doctests and notebooks (no NLP involved).

Two articles: Petro and Trump meet twice (once in each article), Trump criticizes Petro,
and each leader leads his country. Maduro leads Venezuela and has no other tie.

Examples:
    >>> ds = example_dataset()
    >>> sorted(str(r.title) for r in ds.query(
    ...     "SELECT ?title WHERE { ?a <http://purl.org/dc/terms/title> ?title }"))
    ['A second meeting', 'Trump and Petro clash']
"""

from __future__ import annotations

from rdflib import Dataset

from graphkit.graph import results_dataset
from graphkit.records import Article, ArticleResult, Entity
from graphkit.store.examples import example_relation

PETRO = Entity("Person", "Gustavo Petro", ("Petro", "Gustavo Petro"))
TRUMP = Entity("Person", "Donald Trump", ("Trump",))
MADURO = Entity("Person", "Nicolás Maduro", ("Maduro",))
COLOMBIA = Entity("Country", "Colombia", ("Bogotá",), (("iso3", "COL"),))
USA = Entity("Country", "United States", ("U.S.", "Washington"), (("iso3", "USA"),))
VENEZUELA = Entity("Country", "Venezuela", ("Caracas",), (("iso3", "VEN"),))


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
                example_relation(
                    one,
                    TRUMP,
                    "criticized",
                    PETRO,
                    "Trump criticized Petro over deportation flights.",
                    "criticized",
                ),
                example_relation(
                    one, PETRO, "metWith", TRUMP, "Petro met Trump in Washington.", "met"
                ),
                example_relation(
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
                example_relation(
                    two,
                    PETRO,
                    "metWith",
                    TRUMP,
                    "Petro met Trump again.",
                    "met",
                    event_date="2025-02-01",
                ),
                example_relation(
                    two,
                    TRUMP,
                    "leaderOf",
                    USA,
                    "Donald Trump, the U.S. president, leads the United States.",
                    "president",
                ),
                example_relation(
                    two, MADURO, "leaderOf", VENEZUELA, "Maduro leads Venezuela.", "leads"
                ),
                example_relation(
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
