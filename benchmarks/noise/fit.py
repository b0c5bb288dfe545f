"""Fit the noise cues' weights (rules/noise.toml) on labelled dumps, and report how they do.

    python benchmarks/noise/fit.py fit    DATA... [--write]   # fit, report on DATA, write the weights
    python benchmarks/noise/fit.py report DATA...             # the weights in rules/noise.toml, per group

DATA is a folder of labelled dumps: NAME.txt beside NAME.labels (one word a dump line:
blank, real or junk), as benchmarks/noise/synth.py writes them, or GROUP=FOLDER to name
the group. A folder with junk.txt (picture sheets) has its junk runs put into its pages
between paragraphs, the way a picture sits between two stretches of text.

The fit: logistic regression of junk against the cues, classes weighed equally; first on
the line's own cues (the neighbours' probabilities come from that), then on all cues; then
the bias is moved so that no more than --real-rate of the real lines score above zero.
The decision sits where hardly a real line goes, far from where the log loss looks, so
the full fit is run --rounds more times, each weighing --boost times more every real line
that scored above the junk's median score: the real lines near the cut (a text
extraction's highest-scoring line sets it) pull the weights, not the easy ones.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cleanup import columns, noise, ocrpage  # noqa: E402
from cleanup.layout import split_lines  # noqa: E402
from cleanup.normalize import is_clean_line  # noqa: E402
from cleanup.pipeline import LINE_RULES, rules  # noqa: E402
from cleanup.rulebook import apply_text_rules  # noqa: E402

Page = tuple[str, list[tuple[int, str]], list[str], bool]  # group, numbered lines (after the line rules), labels, read by Tesseract


def load(spec: str, seed: int = 0) -> list[Page]:
    group, _, folder = spec.rpartition("=")
    folder = Path(folder)
    group = group or folder.name
    junk = _junk_runs(folder / "junk.txt")
    rng = random.Random(seed)
    pages = []
    for dump in sorted(folder.glob("*.txt")):
        if dump.name == "junk.txt" or not dump.with_suffix(".labels").exists():
            continue
        lines = [line for _, line in split_lines(dump.read_text(encoding="utf-8"))]
        labels = dump.with_suffix(".labels").read_text(encoding="utf-8").split()
        if junk:
            lines, labels = _insert(lines, labels, junk, rng)
        text = "\n".join(lines)
        pages.append((group, _line_rules(text), labels, _tesseract(text)))
    return pages


def _junk_runs(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    runs = [block.splitlines() for block in path.read_text(encoding="utf-8").split("\n\n")]
    return [[line for line in run if line.strip()] for run in runs if any(line.strip() for line in run)]


def _insert(lines, labels, junk, rng):
    """Put 1–5 pictures' junk runs into a page, each between two paragraphs."""
    lines, labels = list(lines), list(labels)
    for _ in range(rng.randint(1, 5)):
        blanks = [i for i, label in enumerate(labels) if label == "blank"]
        at = rng.choice(blanks) if blanks else len(lines)
        run = rng.choice(junk)[:rng.randint(1, 6)]
        spaced = rng.random() < 0.5  # Tesseract parts most picture readings by blank lines
        new, tags = [], []
        for line in run:
            new += [line] + ([""] if spaced else [])
            tags += ["junk"] + (["blank"] if spaced else [])
        lines[at:at] = [""] + new
        labels[at:at] = ["blank"] + tags
    return lines, labels


def _tesseract(text: str) -> bool:
    """Whether the pipeline reads the page as Tesseract's (NZ52): read by OCR, no box dump (cleanup/pipeline.py)."""
    raw = split_lines(text)
    return ocrpage.read_by_ocr(line for _, line in raw) and not columns.boxes_by_height(raw)


def _line_rules(text: str) -> list[tuple[int, str]]:
    line_rules = rules(LINE_RULES)
    return [(no, line if is_clean_line(line) else apply_text_rules(line_rules, line, "line", (no, no), None))
            for no, line in split_lines(text)]


def table(pages: list[Page], model: noise.Model, cues: tuple[str, ...], exact: bool = True):
    """Cue rows of the labelled lines, their labels (junk: True) and groups, and which are plain text
    (no cue computed: kept whatever the weights)."""
    rows, ys, groups, plain = [], [], [], []
    for group, numbered, labels, tess in pages:
        for c, label in zip(noise.cue_table(numbered, model, exact, tess)[0], labels):
            if c is None or label not in ("real", "junk"):
                continue
            rows.append([c.get(k, 0.0) for k in cues])
            ys.append(label == "junk")
            groups.append(group)
            plain.append(not c)
    return np.array(rows, dtype=float), np.array(ys), np.array(groups), np.array(plain)


def logistic(x: np.ndarray, y: np.ndarray, real_weight: float = 1.0, l2: float = 1e-4, steps: int = 50,
             boost: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """Newton's method on the class-balanced log loss (real lines weighed `real_weight` times the
    junk: the decision sits where hardly a real line goes), with a small L2 penalty on the weights;
    `boost` multiplies each line's weight."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    weight = np.where(y, 1 / max(1, y.sum()), real_weight / max(1, (~y).sum()))
    if boost is not None:
        weight = weight * boost
    weight = weight / weight.sum()
    beta = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[0] = 0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(xb @ beta, -60, 60)))
        grad = xb.T @ (weight * (p - y)) + penalty * beta
        hess = (xb * (weight * p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        beta -= np.linalg.solve(hess, grad)
    return float(beta[0]), beta[1:]


def fit(pages: list[Page], real_rate: float, real_weight: float = 1.0, text_groups: tuple[str, ...] = (),
        rounds: int = 0, boost: float = 1.0) -> noise.Model:
    line_cues, all_cues = noise.LINE_CUES, noise.LINE_CUES + noise.CONTEXT_CUES
    start = noise.load_model()
    x, y, _, plain = table(pages, start, line_cues)
    bias, w = logistic(x[~plain], y[~plain], real_weight)
    line = noise.Weights(bias, dict(zip(line_cues, map(float, w))))
    x, y, groups, plain = table(pages, noise.Model(line, line), all_cues)
    weights = np.ones(int((~plain).sum()))
    for _ in range(rounds + 1):
        bias, w = logistic(x[~plain], y[~plain], real_weight, boost=weights)
        scores = bias + x[~plain] @ w
        near = ~y[~plain] & (scores > np.median(scores[y[~plain]]))  # real lines the cut will meet
        weights = np.where(near, weights * boost, weights)
    scores = np.where(plain, -np.inf, bias + x @ w)
    ocr = ~np.isin(groups, text_groups)
    real = np.sort(scores[~y & ocr])[::-1]
    allowed = int(real_rate * len(real))
    cut = real[allowed] if allowed < len(real) else real[-1]  # at most `allowed` real lines above it
    text = scores[~ocr]
    if len(text):
        cut = max(cut, text.max())  # and no line of a text extraction
    full = noise.Weights(bias - max(0.0, cut) - 1e-3 * (cut >= 0), dict(zip(all_cues, map(float, w))))
    return noise.Model(line, full)


def fit_only(pages: list[Page], codes: tuple[str, ...], real_rate: float, text_groups: tuple[str, ...] = (),
             most: float = 12.0, step: float = 0.25) -> noise.Model:
    """Fit the [full] weight of each cue of `codes` (a cue just added), every other weight and the bias held
    as rules/noise.toml has them: a line search, one cue after another, for the weight that sets aside
    the most junk with no line of a text extraction and at most `real_rate` of the OCR dumps' real lines
    above zero (ties: the least weight). A full refit moves every decision; this moves only the lines
    the new cue sees."""
    model = noise.load_model()
    cues = noise.LINE_CUES + noise.CONTEXT_CUES
    x, y, groups, plain = table(pages, model, cues, exact=False)  # as the pipeline decides
    ocr = ~np.isin(groups, text_groups)
    allowed = int(real_rate * (~y & ocr).sum())
    weights = dict(model.full.weights)
    for code in codes:
        best = (-1, 0.0)
        for w in np.arange(0.0, most + step / 2, step):
            trial = weights | {code: float(w)}
            scores = model.full.bias + x @ np.array([trial.get(k, 0.0) for k in cues])
            out = (scores > 0) & ~plain
            if (out & ~ocr).any() or (out & ~y & ocr).sum() > allowed:
                continue
            if (out & y).sum() > best[0]:
                best = (int((out & y).sum()), float(w))
        weights[code] = best[1]
    return noise.Model(model.line, noise.Weights(model.full.bias, weights))


def report(pages: list[Page], model: noise.Model) -> None:
    cues = noise.LINE_CUES + noise.CONTEXT_CUES
    x, y, groups, plain = table(pages, model, cues, exact=False)  # as the pipeline decides: its shortcuts taken
    w = np.array([model.full.weights.get(k, 0.0) for k in cues])
    out = (model.full.bias + x @ w > 0) & ~plain
    print(f"{'group':<12} {'real':>7} {'junk':>6} {'junk->noise':>12} {'real->noise':>12}")
    for g in [*sorted(set(groups)), None]:
        m = np.ones(len(y), bool) if g is None else groups == g
        junk, real = y & m, ~y & m
        print(f"{g or 'all':<12} {real.sum():>7} {junk.sum():>6} {_pct(out & junk, junk):>12} {_pct(out & real, real):>12}")


def _pct(hit, of) -> str:
    return f"{100 * hit.sum() / of.sum():.2f}%" if of.sum() else "-"


def write(model: noise.Model, path: Path) -> None:
    head = path.read_text(encoding="utf-8").split("\n[line]", 1)[0]
    parts = [head.rstrip() + "\n"]
    for name, weights in (("line", model.line), ("full", model.full)):
        parts.append(f"\n[{name}]\nbias = {weights.bias:.3f}\n[{name}.weights]\n")
        parts += [f"{code} = {value:.3f}\n" for code, value in weights.weights.items()]
    path.write_text("".join(parts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["fit", "report"])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--real-rate", type=float, default=0.002, help="share of real lines allowed above zero")
    parser.add_argument("--real-weight", type=float, default=1.0, help="weight of the real lines against the junk in the fit")
    parser.add_argument("--text-groups", nargs="*", default=["pdftotext", "pdftotext-raw", "pdfminer", "pymupdf", "sim"],
                        help="groups made by text extraction: none of their lines may go")
    parser.add_argument("--rounds", type=int, default=0, help="refits, each weighing the real lines near the cut more")
    parser.add_argument("--boost", type=float, default=1.0, help="how much more a real line near the cut weighs each round")
    parser.add_argument("--only", nargs="*", default=[],
                        help="fit only these cues' [full] weights, the rest held as rules/noise.toml has them")
    parser.add_argument("--write", action="store_true", help="write the fitted weights to rules/noise.toml")
    args = parser.parse_args()
    pages = [page for spec in args.data for page in load(spec)]
    if args.action == "report":
        model = noise.load_model()
    elif args.only:
        model = fit_only(pages, tuple(args.only), args.real_rate, tuple(args.text_groups))
    else:
        model = fit(pages, args.real_rate, args.real_weight, tuple(args.text_groups), args.rounds, args.boost)
    report(pages, model)
    if args.action == "fit":
        for name, weights in (("line", model.line), ("full", model.full)):
            print(name, f"bias {weights.bias:+.2f}", " ".join(f"{c} {v:+.2f}" for c, v in weights.weights.items()))
        if args.write:
            write(model, ROOT / "rules" / "noise.toml")


if __name__ == "__main__":
    main()
