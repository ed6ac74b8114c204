"""The example articles: a small hand-built dataset for doctests, tests and notebooks (no NLP).

Three articles. Trump criticizes Petro; Petro meets Trump (reported by two articles); the
United States sanctions Petro; Petro does *not* meet Maduro (negated: evidence without a
relation triple); each leader leads his country; Colombia extradites a drug lord to the United
States; Rubio speaks with Petro and Petro visits Venezuela.

Examples:
    >>> ds = example_dataset()
    >>> len(list(ds.graphs())) - 2  # the default graph and the entities graph are no articles
    3
    >>> sorted(str(r.title) for r in ds.query(
    ...     "SELECT ?title WHERE { ?a <http://purl.org/dc/terms/title> ?title }"))
    ['A second meeting', 'Calls and visits', 'Petro meets Trump']
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, URIRef

from graphkit.graph import results_dataset
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation

PETRO = Entity("Person", "Gustavo Petro", ("Petro",))
TRUMP = Entity("Person", "Donald Trump", ("Trump",))
RUBIO = Entity("Person", "Marco Rubio", ("Rubio",))
MADURO = Entity("Person", "Nicolás Maduro", ("Maduro",))
OTONIEL = Entity("Person", "Dairo Antonio Úsuga", ("Otoniel",))
COLOMBIA = Entity("Country", "Colombia", ("Bogotá",), (("iso3", "COL"), ("wikidata", "Q739")))
USA = Entity("Country", "United States", ("U.S.", "Washington"), (("iso3", "USA"),))
VENEZUELA = Entity("Country", "Venezuela", ("Caracas",), (("iso3", "VEN"),))

ONE = Article.from_text(
    "Trump criticized Petro over deportation flights. "
    "Petro met Trump in Washington on Monday. Colombian President Gustavo Petro leads Colombia. "
    "The United States sanctioned Petro in October. Petro did not meet Maduro.",
    source="articles/one.txt",
    title="Petro meets Trump",
    date="2025-11-03",
)
TWO = Article.from_text(
    "Petro met Trump again on Friday. Donald Trump, the U.S. president, leads the United States. "
    "Maduro leads Venezuela. Colombia extradited Otoniel to the United States.",
    source="articles/two.txt",
    title="A second meeting",
    date="2025-11-07",
)
THREE = Article.from_text(
    "Rubio spoke with Petro by phone. Petro visited Venezuela last week.",
    source="articles/three.txt",
    title="Calls and visits",
    date="2025-11-10",
)

# (subject, relation, object, the sentence, the cue, evidence keywords) per article
# fmt: off
FACTS: tuple[tuple[Article, tuple[tuple[Entity, str, Entity, str, str, dict[str, str]], ...]], ...]
FACTS = (
    (
        ONE,
        (
            (TRUMP, "criticized", PETRO, "Trump criticized Petro over deportation flights.",
             "criticized", {}),
            (PETRO, "metWith", TRUMP, "Petro met Trump in Washington on Monday.", "met",
             {"event_date": "2025-11-03"}),
            (PETRO, "leaderOf", COLOMBIA, "Colombian President Gustavo Petro leads Colombia.",
             "President", {}),
            (USA, "sanctioned", PETRO, "The United States sanctioned Petro in October.",
             "sanctioned", {"event_date": "2025-10-24"}),
            (PETRO, "metWith", MADURO, "Petro did not meet Maduro.", "meet",
             {"modality": "negated"}),
        ),
    ),
    (
        TWO,
        (
            (PETRO, "metWith", TRUMP, "Petro met Trump again on Friday.", "met",
             {"event_date": "2025-11-07"}),
            (TRUMP, "leaderOf", USA,
             "Donald Trump, the U.S. president, leads the United States.", "president", {}),
            (MADURO, "leaderOf", VENEZUELA, "Maduro leads Venezuela.", "leads", {}),
            (COLOMBIA, "extradited", OTONIEL,
             "Colombia extradited Otoniel to the United States.", "extradited", {}),
        ),
    ),
    (
        THREE,
        (
            (RUBIO, "spokeWith", PETRO, "Rubio spoke with Petro by phone.", "spoke", {}),
            (PETRO, "visited", VENEZUELA, "Petro visited Venezuela last week.", "visited", {}),
        ),
    ),
)
# fmt: on


def example_relation(
    article: Article, s: Entity, p: str, o: Entity, sentence: str, cue: str, **kw: str
) -> Relation:
    """A relation whose evidence is ``sentence`` as it stands in the article's text.

    Examples:
        >>> rel = example_relation(THREE, RUBIO, "spokeWith", PETRO,
        ...                        "Rubio spoke with Petro by phone.", "spoke")
        >>> rel.evidence.start, rel.evidence.end, rel.evidence.confidence
        (0, 32, 0.8)
    """
    start = article.text.index(sentence)
    ev = Evidence(article.id, sentence, start, start + len(sentence), cue, 0.8, **kw)
    return Relation(s, p, o, ev)


def example_results() -> tuple[ArticleResult, ...]:
    """The three article results behind :func:`example_dataset`, entities in order of mention."""
    out = []
    for article, facts in FACTS:
        entities = dict.fromkeys(e for s, _, o, *_ in facts for e in (s, o))
        relations = tuple(
            example_relation(article, s, p, o, sentence, cue, **kw)
            for s, p, o, sentence, cue, kw in facts
        )
        out.append(ArticleResult(article, tuple(entities), relations))
    return tuple(out)


def example_dataset() -> Dataset:
    """An in-memory Dataset (default graph = union) with one named graph per example article."""
    return results_dataset(example_results())


def example_store(folder: Path | str) -> Path:
    """An embedded store at ``folder`` holding the example articles; returns the folder.

    Examples:
        >>> import tempfile
        >>> from graphkit.store import open_store
        >>> folder = example_store(Path(tempfile.mkdtemp()) / "store")
        >>> with open_store(folder, read_only=True) as store:
        ...     len(store.article_hashes())
        3
    """
    from graphkit.store import open_store

    folder = Path(folder)
    with open_store(folder) as store:
        for graph in example_dataset().graphs():
            if len(graph):
                store.replace_article(URIRef(graph.identifier), graph)
    return folder
