"""The rulebook: every rule documented with examples, listed in exactly one stage."""

import doctest

import pytest

from cleanup import pipeline
from cleanup.rulebook import REGISTRY

LISTED = [code for stage in pipeline.STAGE_LISTS for code in stage]


def test_every_rule_is_listed_once_in_a_stage():
    assert sorted(LISTED) == sorted(REGISTRY), "a rule is missing from pipeline.py or listed twice"
    assert len(LISTED) == len(set(LISTED))


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_has_purpose_and_two_examples(code):
    rule = REGISTRY[code]
    assert rule.summary.endswith((".", ")")), f"{code}: first docstring line is its one-line purpose"
    examples = doctest.DocTestParser().get_examples(rule.doc)
    assert len(examples) >= 2 or any("," in e.source and "(" in e.want for e in examples), \
        f"{code}: needs an example it changes and one it leaves alone"


@pytest.mark.parametrize("code", [c for c in pipeline.POLISH_RULES + pipeline.LINE_RULES])
def test_text_rule_examples_include_one_left_alone(code):
    rule = REGISTRY[code]
    examples = doctest.DocTestParser().get_examples(rule.doc)
    unchanged = [e for e in examples if _literal_arg(e.source) is not None and
                 repr(_literal_arg(e.source)) + "\n" == e.want]
    changed = [e for e in examples if e not in unchanged]
    assert unchanged and changed, f"{code}: one example it changes and one it must leave alone"


def _literal_arg(source: str):
    import ast

    try:
        call = ast.parse(source.strip(), mode="eval").body
        return ast.literal_eval(call.args[0]) if isinstance(call, ast.Call) and call.args else None
    except (SyntaxError, ValueError):
        return None
