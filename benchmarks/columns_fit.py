"""Fit and check the column stage's weights (rules/columns.toml) on real or made-up interleaved pages.

    python benchmarks/columns_fit.py check [--pages 40] [--source corpus]   # link accuracy per extractor
    python benchmarks/columns_fit.py fit-links [--pages 60] [--source corpus] [--write]   # the seam cues, by logistic regression
    python benchmarks/columns_fit.py fit [--pages 30] [--rounds 2] [--source corpus] [--write]   # all weights, coordinate search

`--source corpus` (the default) fits on the factory corpus's fit split, its real pdftotext,
pdfminer and RapidOCR dumps placed in their truth by a line oracle (benchmarks/columns_corpus.py),
and fits the `[regions]` thresholds too; `check` then reports the check split as a measurement.
`--source made-up` uses made-up pages: a second measure, to see a fit that only suits the factory's look.
Made-up pages come from tests/interleave.py: truth paragraphs of the golden pages wrapped in columns
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


def corpus_objective(dumps, weights) -> float:
    """Mean link accuracy on the corpus's pdftotext, pdfminer and paddle dumps, less a point for
    each dump of the groups already in reading order (pymupdf, pdftotext -raw, sim) changed."""
    from benchmarks import columns_corpus

    rows = columns_corpus.measure(dumps, weights)
    raw = sum(rows[g]["fired"] for g in rows if g not in columns_corpus.COLUMN_GROUPS + ("ocr",))
    return sum(rows[g]["acc"] for g in columns_corpus.COLUMN_GROUPS) / 3 - raw


def fit(score, rounds: int, regions: bool = False, start=None) -> dict[str, float]:
    """Coordinate search: each weight (and with `regions` each [regions] threshold) scaled up and
    down in turn, kept where score(weights) rises; from `start` (columns.WEIGHTS by default)."""
    weights = (start or columns.WEIGHTS).as_dict()
    if regions:
        weights |= {f"regions.{k}": v for k, v in columns.REGIONS.items()}
    best = score(_weights(weights))
    print(f"start {best:.4f}", flush=True)
    for step in [1.5, 1.25][:rounds]:
        for code in list(weights):
            for factor in (step, 1 / step):
                trial = {**weights, code: round(weights[code] * factor, 3)}
                value = score(_weights(trial))
                if value > best + 1e-4:
                    best, weights = value, trial
                    print(f"{code} x{factor:.2f} = {trial[code]}: {best:.4f}", flush=True)
                    break
    return weights


def _weights(values: dict[str, float]):
    """The cue weights; [regions] thresholds among the values (regions.NAME) are set in columns.REGIONS."""
    for key, value in values.items():
        if key.startswith("regions."):
            name = key.split(".", 1)[1]
            columns.REGIONS[name] = round(value) if name == "min_switches" else value
    return columns.assign.Weights.of({k: v for k, v in values.items() if "." not in k}, columns.LINK_CUES)


def write(weights: dict[str, float], boxes: bool = False) -> None:
    """Put fitted weights into rules/columns.toml, keeping its comments; with `boxes`, into its
    [boxes] section: the weights that differ from [cues]."""
    path = ROOT / "rules" / "columns.toml"
    text = path.read_text(encoding="utf-8")
    if boxes:
        head, _, tail = text.partition("\n[boxes]\n")
        comments = "".join(line + "\n" for line in tail.splitlines() if line.startswith("#"))
        cues = columns.WEIGHTS.as_dict()
        rows = "".join(f"{code} = {round(value, 2)}\n" for code, value in weights.items() if value != cues[code])
        path.write_text(f"{head}\n[boxes]\n{comments}{rows}", encoding="utf-8")
        tomllib.loads(path.read_text(encoding="utf-8"))
        return
    for code, value in weights.items():
        code = code.split(".")[-1]
        value = round(value) if code == "min_switches" else value
        text = re.sub(rf"(?m)^{code} = [-0-9.]+", f"{code} = {value}", text, count=1)
    tomllib.loads(text)
    path.write_text(text, encoding="utf-8")


def link_samples(paragraphs, extractors, seeds):
    """Cue values of true links (a piece and the next in its column) and of false ones (a piece
    and another a few places down the dump), with the true column's state as the track."""
    from cleanup import gutters, seams
    from cleanup.rulebook import REGISTRY
    from cleanup.tracks import Link, Track, balance

    cues = [(code, REGISTRY[code].func) for code in columns.LINK_CUES]
    words = seams.lexicon()
    rows, labels = [], []
    for extractor in extractors:
        for seed in seeds:
            lines, placed = interleave.placed_page(paragraphs, extractor, seed)
            pieces = gutters.pieces_of(interleave.numbered(lines))
            ranks = [r for line in lines for r, _ in line]
            if [p.text for p in pieces] != [t.replace("  ", " ") for line in lines for _, t in line]:
                continue  # cut otherwise than printed: no truth to compare with
            column = {p.order: (p.block, p.x) for p in placed}
            pairs = seams.PagePairs.of(p.text for p in pieces)
            widths = columns.assign.column_widths(pieces)
            where = {r: k for k, r in enumerate(ranks)}
            opened: dict = {}
            for k, a in enumerate(pieces):
                r = ranks[k]
                col = column[r]
                if column.get(r + 1) != col:
                    continue
                width = columns.assign._snap(a, widths) or a.length
                state = opened.get(col, 0)
                track = Track(k, k, width, 2, state, body=True)
                opened[col] = balance(a.text, state)
                b = where[r + 1]
                for j in range(k + 1, min(len(pieces), k + 8)):
                    if pieces[j].no == a.no:
                        continue
                    link = Link(a, pieces[j], track, 0, pairs, words)
                    rows.append([func(link) for _, func in cues])
                    labels.append(1.0 if j == b else 0.0)
    return rows, labels


def fit_links(rows, labels) -> dict[str, float]:
    """Logistic regression of true against false links on the link cues: their weights."""
    import numpy as np

    x, y = np.array(rows), np.array(labels)
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    for _ in range(3000):  # gradient ascent on the log-likelihood, a little L2
        p = 1 / (1 + np.exp(-x1 @ w))
        w += 0.5 * (x1.T @ (y - p) / len(y) - 1e-3 * np.r_[w[:-1], 0])
    print(f"{len(y)} links, {int(y.sum())} true; intercept {w[-1]:.2f}")
    fitted = {code: round(float(v), 2) for code, v in zip(columns.LINK_CUES, w[:-1])}
    print("all link cues:", fitted)
    return {code: fitted[code] for code in SEAM_CUES}


# The cues fit-links writes: whether a piece goes on from another, read off the seam itself.
# The width cues and the structure cues act through the search (a new track or an old one),
# which a link-by-link fit does not see: fitted that way they read worse (made-up RapidOCR
# pages kept 73% of their links against 77%), so they keep their reasoned weights.
SEAM_CUES = ("CO01", "CO02", "CO03", "CO10")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("check", "fit", "fit-links"))
    parser.add_argument("--source", choices=("corpus", "made-up"), default="corpus")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="write the fitted weights to rules/columns.toml")
    parser.add_argument("--boxes", action="store_true",
                        help="fit: the [boxes] weights, on the paddle dumps alone (columns.boxes_by_height)")
    args = parser.parse_args()
    if args.source == "corpus":
        from benchmarks import columns_corpus

        groups = (*columns_corpus.COLUMN_GROUPS, "ocr", "pymupdf", "pdftotext-raw", "sim")
        dumps = columns_corpus.load("fit", groups)
        if args.what == "check":
            for split in ("fit", "check"):
                rows = columns_corpus.measure(columns_corpus.load(split, groups))
                for group, row in sorted(rows.items()):
                    print(split, group, {k: row[k] for k in ("acc", "as_read", "links", "fired")}, flush=True)
            return
        if args.what == "fit" and args.boxes:
            paddle = [d for d in dumps if d.group == "paddle"]
            weights = fit(lambda w: columns_corpus.measure(paddle, w)["paddle"]["acc"], args.rounds,
                          start=columns.BOX_WEIGHTS)
            print(weights)
            if args.write:
                write(weights, boxes=True)
            return
        if args.what == "fit-links":
            weights = {**columns.WEIGHTS.as_dict(), **fit_links(*columns_corpus.link_samples(
                [d for d in dumps if d.group in columns_corpus.COLUMN_GROUPS]))}
        else:
            weights = fit(lambda w: corpus_objective(dumps, w), args.rounds, regions=True)
        print(weights)
        if args.write:
            write(weights)
        return
    paragraphs = pool()
    if args.what == "fit-links":
        rows, labels = link_samples(paragraphs, ("pdftotext", "paddle"), range(FIT, FIT + args.pages))
        weights = {**columns.WEIGHTS.as_dict(), **fit_links(rows, labels)}
        print(weights)
        if args.write:
            write(weights)
        return
    if args.what == "fit":
        seeds = range(FIT, FIT + args.pages)
        weights = fit(lambda w: objective(paragraphs, seeds, w), args.rounds)
        print(weights)
        if args.write:
            write(weights)
        return
    for split, first in (("fit", FIT), ("check", CHECK)):
        for extractor in EXTRACTORS:
            print(split, extractor, measure(paragraphs, extractor, range(first, first + args.pages)), flush=True)


if __name__ == "__main__":
    main()
