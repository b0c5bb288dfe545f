"""The corpus's check split scored, against the figures recorded beside it (tests/corpus/record.json).

A change may not cost any group more than one point of CER, title accuracy or exact items on
pages no fitting looks at. A change that earns better figures moves the record up with it:

    .venv/bin/python -m tests.test_check_record --write
"""

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleanup.cli import app

CORPUS = Path(__file__).parent / "corpus"
RECORD = CORPUS / "record.json"
SLACK = 1.0  # points a figure may move the wrong way before the test fails
HIGHER_IS_BETTER = {"cer": False, "title_acc": True, "exact_rate": True}

runner = CliRunner()


def check_split_scores(out: Path) -> dict:
    """`cleanup score --json` of the check split reflowed into OUT."""
    split = CORPUS / "check"
    result = runner.invoke(app, ["reflow", str(split / "dumps"), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["score", str(split / "truth"), str(out), "--by-group", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def check_split_figures(scores: dict) -> dict[str, dict[str, float]]:
    """Per group, CER, title accuracy and exact-item rate on the check split, in percent."""
    return {group: {key: round(100 * figures[key], 1) for key in HIGHER_IS_BETTER}
            for group, figures in sorted(scores["groups"].items())}


def test_no_group_of_the_check_split_falls_below_its_record(tmp_path):
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    scores = check_split_scores(tmp_path / "out")
    overall = scores["overall"]
    # a warning worth reading is wrong at least half the time (issue 13), and warnings are given
    assert overall["warned"] >= 100 and overall["warned_wrong_rate"] >= 0.5, overall
    # and an unwarned item is right more often than it was (57.9% before page cues; 95% is the target)
    assert overall["unwarned_right_rate"] >= 0.63, overall
    now = check_split_figures(scores)
    assert set(now) == set(record), "the record names every group of the check split"
    worse = [f"{group} {key}: {now[group][key]} against {recorded}"
             for group, figures in record.items() for key, recorded in figures.items()
             if (recorded - now[group][key] if HIGHER_IS_BETTER[key] else now[group][key] - recorded) > SLACK]
    assert not worse, worse


def _better(recorded: float, now: float, key: str) -> float:
    return max(recorded, now) if HIGHER_IS_BETTER[key] else min(recorded, now)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.test_check_record --write")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        now = check_split_figures(check_split_scores(Path(folder) / "out"))
    old = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    # the record only moves up: a figure that got worse keeps its recorded value
    RECORD.write_text(json.dumps({group: {key: _better(old[group][key], value, key) if group in old else value
                                          for key, value in figures.items()} for group, figures in now.items()},
                                 indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RECORD}")
