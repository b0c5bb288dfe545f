"""`cleanup score` agrees with the dev set's reference scorer (a copy in tests/devset/)."""

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

DEVSET = Path(__file__).resolve().parent / "devset"
TOLERANCE = 0.002  # 0.2 points: every rate is a fraction
# Ours counts a caption run as leaked only where other items print it more often than the
# true page does (README, "leak"); the reference counts every repeat, so ours is never higher.
NARROWER = {"leak_rate", "leak_chars"}
runner = CliRunner()


def reference_scorer():
    spec = importlib.util.spec_from_file_location("devset_reference_score", DEVSET / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def both_scores(tmp_path_factory):
    """(reference, ours) on what `cleanup reflow` writes for the dev-set dumps."""
    out = tmp_path_factory.mktemp("devset-out")
    reflowed = runner.invoke(app, ["reflow", str(DEVSET / "dumps"), "-o", str(out), "--jobs", "1"])
    assert reflowed.exit_code == 0, reflowed.output
    args = [str(DEVSET / "truth"), str(out), "--dumps", str(DEVSET / "dumps")]
    reference = reference_scorer().main([*args, "--json"])
    ours = runner.invoke(app, ["score", *args, "--json"])
    assert ours.exit_code == 0, ours.output
    return reference, json.loads(ours.stdout)


def disagreements(reference: dict, ours: dict) -> list[str]:
    """Every figure of the reference that ours lacks or differs on (counts exactly, rates within 0.2 points)."""
    found = []
    for key, want in reference.items():
        if key == "parse_errors":  # ours stops with an error naming the file instead
            continue
        have = ours.get(key, "absent")
        if key in NARROWER:
            if not isinstance(have, (int, float)) or have > want + TOLERANCE:
                found.append(f"{key}: reference {want}, ours {have} (ours may only be lower)")
        elif isinstance(want, float) and isinstance(have, float):
            if abs(want - have) > TOLERANCE:
                found.append(f"{key}: reference {want}, ours {have}")
        elif want != have:
            found.append(f"{key}: reference {want}, ours {have}")
    return found


def test_every_overall_figure_agrees(both_scores):
    reference, ours = both_scores
    assert len(reference["overall"]) >= 30 and reference["overall"]["floor"] is not None
    assert disagreements(reference["overall"], ours["overall"]) == []


def test_every_group_figure_agrees(both_scores):
    reference, ours = both_scores
    assert sorted(ours["groups"]) == sorted(reference["groups"]) == [
        "ocr", "paddle", "pdfminer", "pdftotext", "pdftotext-raw", "pymupdf", "sim"]
    for group, figures in reference["groups"].items():
        assert disagreements(figures, ours["groups"][group]) == [], group


def test_every_page_is_scored(both_scores):
    reference, ours = both_scores
    assert list(ours["pages"]) == list(reference["dumps"]) and len(ours["pages"]) == 32
