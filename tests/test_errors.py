"""Errors raised on purpose go through one hierarchy, and library errors name parameters."""

from __future__ import annotations

import pytest
from rdflib.term import Variable

from graphkit import errors
from graphkit.analyze import actor_graph, analyze
from graphkit.examples import example_dataset
from graphkit.store.terms import to_ox


def test_errors_an_unknown_report_level_is_an_input_error() -> None:
    with pytest.raises(errors.InputError, match="unknown level 'planets'; use one of: actors"):
        analyze(actor_graph(example_dataset()), level="planets")


def test_errors_a_term_the_store_cannot_hold_is_a_store_error() -> None:
    with pytest.raises(errors.StoreError, match="cannot store the term") as err:
        to_ox(Variable("x"))
    assert isinstance(err.value, ValueError)  # callers that convert values still catch it


def test_errors_every_error_class_is_a_graphkit_error_with_an_exit_code() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert errors.GraphkitError in classes
    for cls in classes:
        assert issubclass(cls, errors.GraphkitError), cls
        assert cls.exit_code == 2, cls  # bad input; findings are exit codes of commands
