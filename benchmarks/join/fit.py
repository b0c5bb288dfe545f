"""Fit the join cues' weights (rules/join.toml) on the corpus's fit split, and report seam accuracy.

    python benchmarks/join/fit.py fit    [SPLIT] [--write]   # fit on SPLIT (default tests/corpus/fit)
    python benchmarks/join/fit.py report [SPLIT...]          # the weights in rules/join.toml

A seam is where two lines meet in `layout.build_blocks`. Its label comes from the page's truth:
each line's text (letters and digits only, NFKC) is looked for in the truth's paragraphs; when
both lines land in exactly one paragraph each, the seam joins if that is the same paragraph.
Seams a line of which lands nowhere or in several paragraphs (OCR misreadings, short lines) are
skipped, and so are seams inside a title or subtitle: assembly joins a headline's lines, with a
space, from blocks the join stage keeps apart.

The fit: each seam is a row of cue opinions (+1 join, -1 break, 0 none). Log loss fits these
rows worse than the old rule order did (held out by page, 94.24% with pairs of cues against
94.28%: a fit of the log odds cannot give JN01's break the say over every later join), so the
weights start where the weighted sum decides as the first-opinion order did (each cue
outweighs all the cues after it together). Coordinate ascent on seam accuracy then proposes
moves, one weight at a time, to the value that gets the most aligned seams right (an exact
sweep over the values where a seam's decision flips), each gaining --min-gain seams at least.
A proposed move is kept only when named with --accept, after the fit split's page figures
(`cleanup score`) were checked with it: a seam the truth joins may be one that assembly joins
(a credit to its caption, a sentence across a column jump) from blocks kept apart, so seam
accuracy alone is no safe guide. Last, the weights are made small and readable: the least
total weight (a linear programme; each cue weighs one at least) that decides every opinion
pattern seen on the split, labelled or not, as the chosen weights do, with a margin of one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.cuefit import arguments, held_out, key, recorded, run  # noqa: E402
from cleanup import join, pipeline  # noqa: E402
from cleanup.pipeline import JOIN_RULES  # noqa: E402

BIAS = -0.5  # with no opinion, lines break (as they did)


def units(truth: Path) -> list[tuple[str, bool]]:
    """The truth's paragraphs (each item's body, split at blank lines) as keys, and whether each is a head."""
    out = []
    for md in sorted(truth.glob("*.md")):
        text = md.read_text(encoding="utf-8")
        front, body = text.split("---\n", 2)[1:] if text.startswith("---\n") else ("", text)
        heads = {key(line.split(":", 1)[1]) for line in front.splitlines() if line.startswith(("title:", "subtitle:"))}
        for para in re.split(r"\n\s*\n", body):
            if para.strip():
                k = key(para.strip().lstrip("#"))
                out.append((k, para.strip().startswith("#") or k in heads))
    return out


def locate(line: str, paragraphs: list[tuple[str, bool]]) -> int | None:
    k = key(line)
    if len(k) < 2:
        return None
    hits = [i for i, (text, _) in enumerate(paragraphs) if k in text]
    return hits[0] if len(hits) == 1 else None


class Recorder:
    """A joiner that decides as the given one and notes every cue's opinion at every seam."""

    def __init__(self, joiner: join.Joiner, cues):
        self.joiner, self.cues, self.seams = joiner, cues, []

    @property
    def bias(self) -> float:
        return self.joiner.bias

    def decide(self, seam: join.Seam) -> join.Verdict:
        opinions = [r.func(seam) for r in self.cues]
        self.seams.append((seam.prev, seam.cur, [0 if o is None else 1 if o else -1 for o in opinions]))
        return self.joiner.decide(seam)


def collect(split: Path, joiner: join.Joiner):
    """Rows of cue opinions, labels (None: not aligned) and page stems, every seam of every dump in SPLIT,
    the lines joined as `joiner` decides (a seam's tail depends on the seams before it)."""
    cues = pipeline.rules(JOIN_RULES)
    rows, labels, stems = [], [], []
    for stem, recorder in recorded(split, "joiner", lambda: Recorder(joiner, cues)):
        paragraphs = units(split / "truth" / stem)
        for prev, cur, opinions in recorder.seams:
            a, b = locate(prev, paragraphs), locate(cur, paragraphs)
            label = None if a is None or b is None or (a == b and paragraphs[a][1]) else a == b
            rows.append(opinions)
            labels.append(label)
            stems.append(stem.split("_")[0])
    return np.array(rows, dtype=float), np.array(labels, dtype=object), np.array(stems)


def first_opinion_weights(n: int) -> np.ndarray:
    """Weights that decide as the rules did in turn: each outweighs all after it together."""
    return np.array([2.0 ** (n - 1 - i) for i in range(n)])


def accuracy(x, y, w, bias=BIAS) -> float:
    return float(((bias + x @ w > 0) == y).mean())


def _best_value(x, y, w, bias, i) -> tuple[float, int]:
    """The value of w[i] that decides the most seams right (the nearest to the current one on a tie)."""
    base = bias + x @ w - x[:, i] * w[i]
    on = x[:, i] != 0
    fixed = int(((base[~on] > 0) == y[~on]).sum())
    flip = -base[on] / x[on, i]
    up, yy = x[on, i] > 0, y[on]
    values = np.unique(flip)
    if not len(values):
        return w[i], fixed
    candidates = np.concatenate([[values[0] - 1], (values[:-1] + values[1:]) / 2, [values[-1] + 1]])
    best = (-1, 0.0), w[i]
    for v in candidates:
        right = fixed + int((np.where(up, v > flip, v < flip) == yy).sum())
        best = max(best, ((right, -abs(v - w[i])), v))
    return best[1], best[0][0]


def ascend(x, y, w, bias=BIAS, rounds=4, min_gain=2) -> np.ndarray:
    """Coordinate ascent on seam accuracy."""
    w = w.copy()
    for _ in range(rounds):
        moved = False
        for i in range(len(w)):
            now = int(((bias + x @ w > 0) == y).sum())
            value, right = _best_value(x, y, w, bias, i)
            if right >= now + min_gain:
                w[i], moved = value, True
        if not moved:
            break
    return w


def compact(patterns: np.ndarray, w: np.ndarray, bias=BIAS) -> tuple[float, np.ndarray]:
    """The least total weight (and a bias) deciding every pattern as w does, with a margin of one;
    each cue keeps its weight's sign and weighs one at least (a cue the split never needed still
    speaks where the split has no example)."""
    from scipy.optimize import linprog

    sign = np.where(bias + patterns @ w > 0, 1.0, -1.0)
    side = np.sign(w)
    # variables: bias, then each weight's size; sign·(bias + Σ p·side·size) ≥ 1; minimise Σ size
    a = -sign[:, None] * np.hstack([np.ones((len(patterns), 1)), patterns * side])
    cost = np.concatenate([[0.0], np.abs(side)])
    bounds = [(None, None)] + [(1, None) if s else (0, 0) for s in side]
    result = linprog(cost, A_ub=a, b_ub=-np.ones(len(patterns)), bounds=bounds, method="highs")
    if not result.success:
        raise SystemExit(f"no compact weights: {result.message}")
    b, small = float(np.round(result.x[0], 2)), np.round(result.x[1:] * side, 2)
    if np.any(np.where(b + patterns @ small > 0, 1.0, -1.0) != sign):
        raise SystemExit("rounding changed a decision")
    return b, small


def fit(x, labels, stems, accept=(), min_gain=2, folds=0) -> tuple[float, np.ndarray]:
    known = labels != None  # noqa: E711
    xs, y = x[known], labels[known].astype(bool)
    start = first_opinion_weights(x.shape[1])
    if folds:
        right0, right = held_out(stems[known], folds, lambda on: ascend(xs[on], y[on], start, min_gain=min_gain),
                                 lambda on, w: int(((BIAS + xs[on] @ (start if w is None else w) > 0) == y[on]).sum()))
        print(f"held out ({folds} folds by page): first opinion {100 * right0 / len(y):.2f}%, ascended {100 * right / len(y):.2f}%")
    proposed = ascend(xs, y, start, min_gain=min_gain)
    w = start.copy()
    for i, code in enumerate(JOIN_RULES):
        if proposed[i] != start[i]:
            alone = start.copy()
            alone[i] = proposed[i]
            gain = int(((BIAS + xs @ alone > 0) == y).sum() - ((BIAS + xs @ start > 0) == y).sum())
            kept = code in accept
            print(f"proposed: {code} {start[i]:g} -> {proposed[i]:g}, {gain:+d} aligned seams{' (kept)' if kept else ''}")
            if kept:
                w[i] = proposed[i]
    return compact(np.unique(x, axis=0), w)


def write(bias: float, weights: np.ndarray, path: Path, note: str) -> None:
    head = path.read_text(encoding="utf-8").split("\nbias =", 1)[0] if path.exists() else ""
    if not head.strip():
        head = note
    body = [f"bias = {bias:g}\n\n[weights]\n"]
    rules = pipeline.rules(JOIN_RULES)
    body += [f"{code} = {value:g}  # {rule.name}\n" for code, value, rule in zip(JOIN_RULES, weights, rules)]
    path.write_text(head.rstrip() + "\n" + "".join(body), encoding="utf-8")


def report(x, labels, bias, w, name) -> None:
    known = labels != None  # noqa: E711
    xs, y = x[known], labels[known].astype(bool)
    first = first_opinion_weights(x.shape[1])
    print(f"{name}: seams {len(labels)}, aligned {len(y)} ({100 * y.mean():.1f}% join); "
          f"seam accuracy first opinion {100 * accuracy(xs, y, first):.2f}%, weighted {100 * accuracy(xs, y, w, bias):.2f}%; "
          f"decisions changed on {int(((bias + x @ w > 0) != (BIAS + x @ first > 0)).sum())} seams")


def main() -> None:
    args = arguments(__doc__, "seams", "join.toml")
    # a fit reads the seams as the first-opinion order joined them, so that it gives the same weights when rerun
    first = join.Joiner.of(pipeline.rules(JOIN_RULES), {"bias": BIAS, "weights": dict(zip(JOIN_RULES, first_opinion_weights(len(JOIN_RULES))))})
    run(args, pipeline.joiner(), JOIN_RULES, first, collect, fit, report,
        lambda bias, weights: write(bias, weights, ROOT / "rules" / "join.toml", ""))


if __name__ == "__main__":
    main()
