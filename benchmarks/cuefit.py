"""What the cue-weight fit scripts (benchmarks/join/fit.py, benchmarks/classify/fit.py) share:
the text key a dump line is looked for by in the truth, the run that records a stage's cues page
by page, their command line and the loop their main runs over it, and the held-out check of
coordinate ascent (folds by page, so a page's units never sit on both sides)."""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
_KEY_RE = re.compile(r"[\W_]")


def key(text: str) -> str:
    """Letters and digits only, NFKC, lower case: how a dump's text is found in the truth's."""
    return _KEY_RE.sub("", unicodedata.normalize("NFKC", text)).lower()


def arguments(doc: str, unit: str, toml: str) -> argparse.Namespace:
    """The command line both fit scripts take; `unit` names what is labelled (seams, blocks)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("action", choices=["fit", "report"])
    parser.add_argument("splits", nargs="*", default=[str(ROOT / "tests/corpus/fit")])
    parser.add_argument("--min-gain", type=int, default=2, help=f"{unit} a proposed move must gain")
    parser.add_argument("--accept", nargs="*", default=[], metavar="CODE",
                        help="keep these cues' proposed moves (after checking the fit split's page figures)")
    parser.add_argument("--folds", type=int, default=0, help="also report the gain held out, by page")
    parser.add_argument("--write", action="store_true", help=f"write the weights to rules/{toml}")
    return parser.parse_args()


def held_out(stems: np.ndarray, folds: int, ascend_on: Callable[[np.ndarray], object],
             right_on: Callable[[np.ndarray, object | None], int]) -> tuple[int, int]:
    """Labelled units right held out, (first opinion, ascended), over `folds` folds by page:
    ascend_on(mask) fits on the units of mask; right_on(mask, fitted or None for the start) counts."""
    pages = np.unique(stems)
    np.random.RandomState(0).shuffle(pages)
    right = right0 = 0
    for f in range(folds):
        held = np.isin(stems, pages[f::folds])
        right += right_on(held, ascend_on(~held))
        right0 += right_on(held, None)
    return right0, right


def run(args: argparse.Namespace, table, codes: list[str], first, collect, fit, report,
        write_weights: Callable[[float, np.ndarray], None]) -> None:
    """What both fit scripts do with their command line: read each split's units (cleaned with `first`,
    the first-opinion weights, when fitting, so a rerun gives the same weights; else with `table`, the
    weights in use), fit or not, report, and write the fitted weights if asked."""
    current = np.array([dict((r.code, w) for r, w in table.cues).get(code, 0.0) for code in codes])
    bias = table.bias
    for split in args.splits:
        x, y, stems = collect(Path(split), first if args.action == "fit" else table)
        if args.action == "fit":
            bias, current = fit(x, y, stems, args.accept, args.min_gain, args.folds)
            print("bias", bias, " ".join(f"{c} {v:g}" for c, v in zip(codes, current)))
        report(x, y, bias, current, Path(split).name)
    if args.action == "fit" and args.write:
        write_weights(bias, current)


def recorded(split: Path, stage: str, recorder_of: Callable[[], object]) -> Iterator[tuple[str, object]]:
    """(stem, recorder) for each dump of SPLIT, cleaned with `pipeline.<stage>` (the stage's weighed
    decider: joiner, classifier) swapped for a fresh recorder_of(); the real one is put back after."""
    from cleanup import pipeline

    real = getattr(pipeline, stage)
    try:
        for dump in sorted((split / "dumps").glob("*.txt")):
            recorder = recorder_of()
            setattr(pipeline, stage, lambda: recorder)
            pipeline.clean(dump.read_bytes(), dump.name)
            yield dump.stem, recorder
    finally:
        setattr(pipeline, stage, real)
