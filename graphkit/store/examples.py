"""A small hand-built graph for the store and query examples, doctests and tests (no NLP).

Three articles: Petro and Trump meet (reported by two articles, once in each direction),
Rubio speaks with Petro, Petro visits Venezuela, the United States sanctions Petro,
Colombia extradites a drug lord to the United States, and Petro does *not* meet Maduro
(negated: evidence without a relation triple).

Examples:
    >>> ds = example_dataset()
    >>> len(list(ds.graphs())) - 2  # the default graph and the entities graph are no articles
    3
"""

from __future__ import annotations

from rdflib import Dataset

from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation

PETRO = Entity("Person", "Gustavo Petro", ("Petro",))
TRUMP = Entity("Person", "Donald Trump", ("Trump",))
RUBIO = Entity("Person", "Marco Rubio", ("Rubio",))
MADURO = Entity("Person", "Nicolás Maduro", ("Maduro",))
OTONIEL = Entity("Person", "Dairo Antonio Úsuga", ("Otoniel",))
COLOMBIA = Entity("Country", "Colombia", ("Bogotá",), (("iso3", "COL"), ("wikidata", "Q739")))
USA = Entity("Country", "United States", ("U.S.", "Washington"), (("iso3", "USA"),))
VENEZUELA = Entity("Country", "Venezuela", ("Caracas",), (("iso3", "VEN"),))


def example_relation(
    article: Article, s: Entity, p: str, o: Entity, sentence: str, cue: str, **kw: str
) -> Relation:
    """A relation whose evidence is ``sentence`` as it stands in the article's text."""
    start = article.text.index(sentence)
    ev = Evidence(article.id, sentence, start, start + len(sentence), cue, 0.8, **kw)
    return Relation(s, p, o, ev)


def example_results() -> tuple[ArticleResult, ...]:
    """The three article results behind :func:`example_dataset`."""
    one = Article.from_text(
        "Petro met Trump in Washington on Monday. The United States sanctioned Petro in October. "
        "Petro did not meet Maduro.",
        source="articles/one.txt",
        title="Petro meets Trump",
        date="2025-11-03",
    )
    two = Article.from_text(
        "Trump met Petro again on Friday. Colombia extradited Otoniel to the United States.",
        source="articles/two.txt",
        title="A second meeting",
        date="2025-11-07",
    )
    three = Article.from_text(
        "Rubio spoke with Petro by phone. Petro visited Venezuela last week.",
        source="articles/three.txt",
        title="Calls and visits",
        date="2025-11-10",
    )
    return (
        ArticleResult(
            one,
            (PETRO, TRUMP, USA, MADURO),
            (
                example_relation(
                    one,
                    PETRO,
                    "metWith",
                    TRUMP,
                    "Petro met Trump in Washington on Monday.",
                    "met",
                    event_date="2025-11-03",
                ),
                example_relation(
                    one,
                    USA,
                    "sanctioned",
                    PETRO,
                    "The United States sanctioned Petro in October.",
                    "sanctioned",
                    event_date="2025-10-24",
                ),
                example_relation(
                    one,
                    PETRO,
                    "metWith",
                    MADURO,
                    "Petro did not meet Maduro.",
                    "meet",
                    modality="negated",
                ),
            ),
        ),
        ArticleResult(
            two,
            (PETRO, TRUMP, COLOMBIA, USA, OTONIEL),
            (
                example_relation(
                    two,
                    TRUMP,
                    "metWith",
                    PETRO,
                    "Trump met Petro again on Friday.",
                    "met",
                    event_date="2025-11-07",
                ),
                example_relation(
                    two,
                    COLOMBIA,
                    "extradited",
                    OTONIEL,
                    "Colombia extradited Otoniel to the United States.",
                    "extradited",
                ),
            ),
        ),
        ArticleResult(
            three,
            (RUBIO, PETRO, VENEZUELA),
            (
                example_relation(
                    three, RUBIO, "spokeWith", PETRO, "Rubio spoke with Petro by phone.", "spoke"
                ),
                example_relation(
                    three,
                    PETRO,
                    "visited",
                    VENEZUELA,
                    "Petro visited Venezuela last week.",
                    "visited",
                ),
            ),
        ),
    )


def example_dataset() -> Dataset:
    """An in-memory Dataset with one named graph per example article."""
    from graphkit.graph import results_dataset

    return results_dataset(example_results())
