"""Fuzzing extraction: whatever the text, nothing but a GraphkitError escapes, and every IRI
graphkit mints parses back (the article graph round-trips through N-Quads in pyoxigraph)."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.errors import GraphkitError
from graphkit.graph import article_dataset
from graphkit.pipeline import extract_articles
from graphkit.records import Article

FUZZ = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NAMES = ["Gustavo Petro", "Donald Trump", "Colombia", "the United States", "Russia", "Britain"]
VERBS = ["met", "condemned", "praised", "sanctioned", "expelled", "threatened", "thanked"]
RTL = ["\u05e9\u05dc\u05d5\u05dd", "\u0645\u0635\u0631", "\u202e", "\u202b", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\n"] + ["\x7f", "\x85", "\u2028"]


def sentence(draw_names: list[str], verb: str) -> str:
    return f"{draw_names[0]} {verb} {draw_names[1]}."


def check(text: str) -> None:
    """Extract ``text``; only a GraphkitError may escape; the graph parses back in full."""
    article = Article.from_text(text, source="fuzz.txt")
    try:
        result = next(extract_articles([article]))
    except GraphkitError:
        return
    ds = article_dataset(result)
    data = ds.serialize(format="nquads").encode("utf-8")
    parsed = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS))
    assert len(parsed) == len(ds)
    for quad in parsed:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, pyoxigraph.NamedNode):
                assert term.value.startswith(("https://", "http://")), term


@settings(FUZZ, max_examples=60)
@given(st.text(max_size=300))
def test_fuzz_arbitrary_unicode(nlp, text: str) -> None:
    check(text)


@settings(FUZZ, max_examples=40)
@given(
    st.lists(st.sampled_from(NAMES), min_size=2, max_size=2),
    st.sampled_from(VERBS),
    st.lists(st.sampled_from(RTL + ZERO_WIDTH + CONTROLS), min_size=1, max_size=12),
    st.randoms(use_true_random=False),
)
def test_fuzz_invisible_rtl_and_control_characters_inside_names(
    nlp, names, verb, junk, rnd
) -> None:
    text = sentence(names, verb)
    for ch in junk:
        at = rnd.randrange(len(text) + 1)
        text = text[:at] + ch + text[at:]
    check(text)


@settings(FUZZ, max_examples=20)
@given(st.integers(1, 60), st.sampled_from(["“", '"', "(", "[", "{", "«", "‘", "'"]))
def test_fuzz_deep_quotes_and_brackets(nlp, depth: int, opener: str) -> None:
    closer = dict(zip("“\"([{«‘'", "”\")]}»’'", strict=True))[opener]
    inner = "Gustavo Petro said Colombia condemned Russia."
    check(f"Trump said {opener * depth}{inner}{closer * depth} on Monday.")
    check(f"Trump said {opener * depth}{inner}")  # never closed


@pytest.mark.slow
@settings(FUZZ, max_examples=2)
@given(st.sampled_from(VERBS), st.sampled_from(["and", ",", "said", "Petro"]))
def test_fuzz_ten_thousand_token_sentence(nlp, verb: str, filler: str) -> None:
    middle = " ".join([filler] * 10_000)
    check(f"Colombia {verb} Russia {middle} and Britain {verb} Iran.")
