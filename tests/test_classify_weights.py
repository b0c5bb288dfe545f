"""The classify cues' weights (rules/classify.toml) decide as the first-opinion order they replaced."""

from __future__ import annotations

import itertools
from dataclasses import replace

from cleanup import classify, pipeline


def test_the_weights_decide_every_vote_pattern_as_the_rule_order_did():
    """For each of the 2^n patterns of cues voting or not, the weighed role is the role of the
    first cue in pipeline.CLASSIFY_RULES that votes (body where none does), and it names the step."""
    classifier = pipeline.classifier()
    assert [r.code for r, _ in classifier.cues] == pipeline.CLASSIFY_RULES
    window = classify.sample_window("普及消防知识")
    roles = {r.code: _role(r) for r, _ in classifier.cues}
    for pattern in itertools.product((False, True), repeat=len(classifier.cues)):
        cues = tuple((replace(r, func=(lambda w, role=roles[r.code]: role) if on else (lambda w: None)), weight)
                     for (r, weight), on in zip(classifier.cues, pattern))
        votes: list = []
        role = classify.Classifier(cues, classifier.bias).decide(window, votes)
        first = next((roles[r.code] for (r, _), on in zip(classifier.cues, pattern) if on), "body")
        assert role == first, pattern
        if votes:
            assert classify.Verdict(role, tuple(votes)).by.code == next(
                r.code for (r, _), on in zip(classifier.cues, pattern) if on), pattern


def _role(rule) -> str:
    """The role a cue votes for: the one its doctests answer."""
    return next(role for role in ("body", "credit", "byline", "note", "column", "caption", "headline")
                if f"'{role}'" in rule.func.__doc__)
