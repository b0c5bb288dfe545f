"""Fit and check the column stage's weights (rules/columns.toml) on made-up interleaved pages.

    python benchmarks/columns_fit.py check [--pages 40]        # link accuracy per extractor
    python benchmarks/columns_fit.py fit [--pages 30] [--rounds 2] [--write]

Pages come from tests/interleave.py: truth paragraphs of the golden pages wrapped in columns
and read the ways pdftotext, pdfminer and RapidOCR read them. Seeds 0–9999 are the fit split,
10000 and up the check split: `fit` only looks at the first, `check` reports both.
The measure is link accuracy: the share of printed lines whose true successor comes right
after them in the stage's output (1.0 is every column whole and in order); `raw` pages,
already in order, must come back untouched (`fired` 0).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup import columns  # noqa: E402
from tests import interleave  # noqa: E402

FIT, CHECK = 0, 10_000
EXTRACTORS = ("raw", "pdftotext", "paddle", "pdfminer")


def pool() -> list[str]:
    """Body paragraphs of the golden pages' expected files."""
    out, seen = [], set()
    for path in sorted((ROOT / "golden").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        if "kind: furniture" in text or "kind: noise" in text:
            continue
        for block in text.split("---", 2)[-1].split("\n\n"):
            block = block.strip().replace("\\", "")
            if len(block) >= 30 and not block.startswith("#") and block not in seen:
                seen.add(block)
                out.append(block)
    return out


def reading(lines, out) -> list[int]:
    """The reading ranks of the stage's output lines (a line left whole: all its pieces)."""
    rank = {(no, text): r for no, line in enumerate(lines, 1) for r, text in line}
    flat: list[int] = []
    for no, text in out:
        if text.strip():
            found = rank.get((no, text))
            flat.extend([found] if found is not None else [r for r, _ in lines[no - 1]])
    return flat


def link_accuracy(flat: list[int], printed: int) -> tuple[int, int]:
    where = {r: k for k, r in enumerate(flat)}
    return sum(where[r + 1] == where[r] + 1 for r in range(printed - 1)), printed - 1


def measure(paragraphs, extractor: str, seeds, weights=None) -> dict:
    right = total = before = fired = 0
    started = time.perf_counter()
    for seed in seeds:
        lines, printed = interleave.page(paragraphs, extractor, seed)
        result = columns.deinterleave(interleave.numbered(lines), weights=weights)
        a, n = link_accuracy(reading(lines, result.numbered), printed)
        b, _ = link_accuracy([r for line in lines for r, _ in line], printed)
        right, total, before, fired = right + a, total + n, before + b, fired + bool(result.warnings)
    return {"links": round(right / total, 3), "as read": round(before / total, 3), "fired": fired,
            "pages": len(seeds), "seconds": round(time.perf_counter() - started, 1)}


def objective(paragraphs, seeds, weights) -> float:
    """Mean link accuracy on pdftotext and paddle pages, less a point for each raw page changed."""
    raw = measure(paragraphs, "raw", seeds, weights)["fired"]
    return sum(measure(paragraphs, e, seeds, weights)["links"] for e in ("pdftotext", "paddle")) / 2 - raw


def fit(paragraphs, pages: int, rounds: int) -> dict[str, float]:
    """Coordinate search: each weight scaled up and down in turn, kept where the objective rises."""
    seeds = range(FIT, FIT + pages)
    weights = columns.WEIGHTS.as_dict()
    best = objective(paragraphs, seeds, _weights(weights))
    print(f"start {best:.4f}", flush=True)
    for step in [1.5, 1.25][:rounds]:
        for code in list(weights):
            for factor in (step, 1 / step):
                trial = {**weights, code: round(weights[code] * factor, 3)}
                score = objective(paragraphs, seeds, _weights(trial))
                if score > best + 1e-4:
                    best, weights = score, trial
                    print(f"{code} x{factor:.2f} = {trial[code]}: {best:.4f}", flush=True)
                    break
    return weights


def _weights(values: dict[str, float]):
    return columns.assign.Weights.of(values, columns.LINK_CUES)


def write(weights: dict[str, float]) -> None:
    """Put fitted weights into rules/columns.toml, keeping its comments."""
    path = ROOT / "rules" / "columns.toml"
    text = path.read_text(encoding="utf-8")
    for code, value in weights.items():
        text = re.sub(rf"(?m)^{code} = [-0-9.]+", f"{code} = {value}", text)
    tomllib.loads(text)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("check", "fit"))
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="write the fitted weights to rules/columns.toml")
    args = parser.parse_args()
    paragraphs = pool()
    if args.what == "fit":
        weights = fit(paragraphs, args.pages, args.rounds)
        print(weights)
        if args.write:
            write(weights)
        return
    for split, first in (("fit", FIT), ("check", CHECK)):
        for extractor in EXTRACTORS:
            print(split, extractor, measure(paragraphs, extractor, range(first, first + args.pages)), flush=True)


if __name__ == "__main__":
    main()
