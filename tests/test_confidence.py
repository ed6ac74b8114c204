"""Calibrated confidences: what the table in ``lexicons/confidence.csv`` makes of a relation."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.errors import InputError
from graphkit.extract.found import calibrated_confidence, confidence_weights
from graphkit.pipeline import extract_text


def confidence(text: str, s: str, p: str, o: str) -> float:
    """The confidence of one asserted relation the text states (either direction)."""
    for r in extract_text(text).relations:
        names = (r.subject.name, r.object.name)
        if r.predicate == p and names in ((s, o), (o, s)) and r.evidence.modality == "asserted":
            return r.evidence.confidence
    msg = f"{s} {p} {o} not extracted from {text!r}"
    raise AssertionError(msg)


def test_confidence_explicit_verb_between_named_actors_is_high_precision() -> None:
    text = "Colombian President Gustavo Petro met U.S. President Donald Trump on Monday."
    assert confidence(text, "Gustavo Petro", "metWith", "Donald Trump") >= 0.8


def test_confidence_pronoun_subject_scores_below_the_named_one() -> None:
    named = "Kenya's president flew to Addis Ababa. Kenya urged Ethiopia to withdraw its troops."
    pronoun = "Kenya's government met on Friday. It urged Ethiopia to withdraw its troops."
    assert confidence(pronoun, "Kenya", "requested", "Ethiopia") < confidence(
        named, "Kenya", "requested", "Ethiopia"
    )


def test_confidence_unknown_method_gets_the_groups_other_row() -> None:
    weights = confidence_weights()
    known = ("method=verb", "cue=verb:meet", "subject=name", "object=name")
    new = ("method=brand-new", "cue=brand-new:rule", "subject=name", "object=name")
    expected = (
        "method=other",
        "cue=other",
        "subject=name",
        "object=name",
    )
    assert calibrated_confidence(new, weights) == calibrated_confidence(expected, weights)
    assert 0.0 < calibrated_confidence(new, weights) < calibrated_confidence(known, weights) < 1.0


def test_confidence_table_has_default_rows_for_new_methods_and_cues() -> None:
    weights = confidence_weights()
    groups = {f.split("=", 1)[0] for f in weights if "=" in f}
    assert "bias" in weights
    assert {"method", "cue", "subject", "object", "relation"} <= groups
    assert {"method=other", "cue=other"} <= set(weights)


def test_confidence_unreadable_table_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "confidence.csv").write_text("feature,weight\nbias,high\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"confidence table .*confidence\.csv"):
        confidence_weights(tmp_path)
