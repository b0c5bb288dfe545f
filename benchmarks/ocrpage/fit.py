"""Fit the weights of the "read by OCR" page judgement (cleanup/ocrpage.py, rules/ocrpage.toml) and report it.

    python benchmarks/ocrpage/fit.py fit tests/corpus/fit [more fit splits] --write
    python benchmarks/ocrpage/fit.py report tests/corpus/check golden [a folder of dumps]

Each dump's group is in its name (<page>_<group>.txt): ocr (Tesseract) is read by OCR; pdftotext,
pdftotext-raw, pdfminer, pymupdf and sim are not. paddle (RapidOCR, read by OCR but nearly free of
the marks Tesseract leaves; its boxes tell it apart) is left out of the fit and reported. The fit is
an L2-regularised logistic regression of "read by OCR" against each cue found once and twice; the
bias is then lowered until no text dump of the fit splits scores above 0, by a margin.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cleanup import ocrpage  # noqa: E402
from cleanup.decode import decode  # noqa: E402
from cleanup.layout import split_lines  # noqa: E402

OCR, TEXT = ("ocr",), ("pdftotext", "pdftotext-raw", "pdfminer", "pymupdf", "sim")
MARGIN = 0.5  # the highest text dump's score sits this far below 0
L2 = 1e-3
LEAN = 1.0


def group(path: Path) -> str:
    stem = path.stem
    return stem.split("_", 1)[1] if "_" in stem else "sim" if stem.startswith("sim") else "?"


def dumps(split: Path):
    folder = split / "dumps" if (split / "dumps").is_dir() else split
    return sorted(folder.glob("*.txt"))


def row(found: dict[str, int]) -> list[float]:
    return [v for cue in ocrpage.CUES for v in (float(found[cue] >= 1), float(found[cue] >= 2))]


def collect(splits):
    out = []
    for split in splits:
        for path in dumps(Path(split)):
            lines = [line for _, line in split_lines(decode(path.read_bytes(), None).text)]
            out.append((path, group(path), ocrpage.counts(lines)))
    return out


def fit(data, l2: float = L2, lean: float = LEAN) -> tuple[float, np.ndarray]:
    chosen = [(f, 1.0 if g in OCR else 0.0) for _, g, f in data if g in OCR + TEXT]
    x = np.array([row(f) for f, _ in chosen])
    y = np.array([label for _, label in chosen])
    weight = np.where(y > 0, lean * (1 - y).sum() / y.sum(), 1.0)  # the classes weigh alike, then OCR pages lean times more
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(20000):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.5 * (x.T @ (weight * (p - y)) / weight.sum() + l2 * w)
        b -= 0.5 * float(np.sum(weight * (p - y)) / weight.sum())
    top = max(float(x[k] @ w + b) for k in range(len(y)) if not y[k])
    return min(b, b - top - MARGIN), w


def report(data, name: str) -> None:
    hit, seen = Counter(), Counter()
    for path, g, found in data:
        seen[g] += 1
        if ocrpage.score(found) > 0:
            hit[g] += 1
            if g not in OCR + ("paddle",):
                print(f"  false positive {path.name}: {ocrpage.score(found):.2f} {found}")
    print(name, " ".join(f"{g} {hit[g]}/{seen[g]}" for g in sorted(seen)))


def _shown(split: str) -> str:
    """A split's path as the header names it: from the repository, or its last folders (a split kept outside)."""
    path = Path(split).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else ".../" + "/".join(path.parts[-3:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["fit", "report"])
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    data = collect(args.splits)
    if args.action == "fit":
        bias, w = fit(data)
        weights = {cue: (round(float(w[2 * k]), 3), round(float(w[2 * k + 1]), 3)) for k, cue in enumerate(ocrpage.CUES)}
        print("bias", round(bias, 3), weights)
        if args.write:
            lines = ["# The \"read by OCR\" page judgement (cleanup/ocrpage.py): a page scoring above 0 was read by",
                     "# an OCR engine. Each cue: [weight found once, weight more found twice].",
                     f"# Written by benchmarks/ocrpage/fit.py fit {' '.join(map(_shown, args.splits))} --write; do not edit by hand.",
                     f"bias = {round(bias, 3)}", "", "[weights]"]
            lines += [f"{cue} = [{a}, {b}]" for cue, (a, b) in weights.items()]
            (ROOT / "rules" / "ocrpage.toml").write_text("\n".join(lines) + "\n")
            ocrpage._model.cache_clear()
    report(data, "all")


if __name__ == "__main__":
    main()
