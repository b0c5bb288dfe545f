"""Fit the classify cues' weights (rules/classify.toml) on the corpus's fit split, and report block-role accuracy.

    python benchmarks/classify/fit.py fit    [SPLIT] [--write]   # fit on SPLIT (default tests/corpus/fit)
    python benchmarks/classify/fit.py report [SPLIT...]          # the weights in rules/classify.toml

A block is what `classify.classify` gives a role. Its label comes from the page's truth
(cleanup.score.items): an article's title, subtitle and `##` headings are `headline`, its
byline `byline`, its column label `column`, its other paragraphs `body`; a photo's paragraphs
are `caption`, its credit `credit`; a note's title (编者按), alone or with the paragraph it
opens, is `note`, the rest `body`. Each is a unit, keyed by its letters and digits (NFKC). A
block whose key lies inside units of one role only takes that role; else a block that holds
one unit making most of it (a caption with its run-in credit) takes that unit's role. Blocks
matching nothing (OCR misreadings, furniture) or units of several roles are not labelled.

The fit: each block is a row of cue votes (the role a cue returns, or none). The start is the
weights that decide every possible vote pattern as the old first-opinion order did (each cue
weighs one more than the most all cues after it could give one other role). Coordinate ascent
on block accuracy then proposes moves, one weight (or the body bias) at a time, to the integer
that gets the most labelled blocks right, each gaining --min-gain blocks at least. A proposed
move is kept only when named with --accept, after the fit split's page figures were checked
with it (block accuracy is no safe guide: assembly re-reads roles, and a role that is right
in the truth may be worse for the page). With no move kept, the start is written; with moves,
the least total weight (a linear programme, each voting cue weighs one at least) deciding every
vote pattern seen on the split as the chosen weights do, with a margin of one.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.cuefit import arguments, held_out, key, recorded, run  # noqa: E402
from cleanup import classify, pipeline  # noqa: E402
from cleanup.pipeline import CLASSIFY_RULES  # noqa: E402
from cleanup.score.items import read_page  # noqa: E402

# body first, then in the order the cues' roles are listed: a tie goes to the first (as classify.decide)
ROLES = ["body", "credit", "byline", "note", "column", "caption", "headline"]
_MOST = 0.6  # the share of a block's key one unit inside it must make


def units(truth: Path) -> list[tuple[str, str]]:
    """The truth's units as (key, role)."""
    out = []
    for item in read_page(truth):
        fields = {name: key(value) for name, value in item.fields.items()}
        heads = {fields.get("title"), fields.get("subtitle")} - {None, ""}
        paragraphs = [(key(b.text), b.marker) for b in item.blocks]
        if item.kind == "photo":
            out += [(k, "credit" if k == fields.get("credit") else "caption") for k, _ in paragraphs]
        elif item.kind == "note":
            title = fields.get("title", "")
            for n, (k, marker) in enumerate(paragraphs):
                out.append((k, "note" if k == title else "body"))
            if title and len(paragraphs) > 1 and paragraphs[0][0] == title:
                out.append((title + paragraphs[1][0], "note"))
        elif item.kind == "article":
            for k, marker in paragraphs:
                role = ("headline" if marker or k in heads else "byline" if k == fields.get("byline")
                        else "column" if k == fields.get("column") else "body")
                out.append((k, role))
            if fields.get("column"):
                out.append((fields["column"], "column"))
    return [(k, role) for k, role in out if k]


def label(text: str, page: list[tuple[str, str]]) -> str | None:
    k = key(text)
    if len(k) < 2:
        return None
    roles = {role for unit, role in page if k in unit}
    if len(roles) == 1:
        return roles.pop()
    if roles:
        return None
    inside = [(len(unit), role) for unit, role in page if len(unit) >= _MOST * len(k) and unit in k]
    return max(inside)[1] if inside else None


class Recorder:
    """A classifier that decides as the given one and notes every cue's vote on every block."""

    def __init__(self, classifier: classify.Classifier, cues):
        self.classifier, self.voters, self.blocks = classifier, cues, []

    def __getattr__(self, name):
        return getattr(self.classifier, name)

    def decide(self, w: classify.Window, votes=None) -> str:
        row = [r.func(w) for r in self.voters]
        self.blocks.append((w.block.text, [ROLES.index(v) if v else -1 for v in row]))
        return self.classifier.decide(w, votes)


def collect(split: Path, classifier: classify.Classifier):
    """Rows of cue votes (a role's index, -1 none), labels (a role's index, -1 unlabelled) and page stems,
    every block of every dump in SPLIT, the roles given as `classifier` decides (later windows see them)."""
    cues = pipeline.rules(CLASSIFY_RULES)
    rows, labels, stems = [], [], []
    for stem, recorder in recorded(split, "classifier", lambda: Recorder(classifier, cues)):
        page = units(split / "truth" / stem)
        for text, row in recorder.blocks:
            role = label(text, page)
            rows.append(row)
            labels.append(ROLES.index(role) if role else -1)
            stems.append(stem)
    return np.array(rows, dtype=int), np.array(labels, dtype=int), np.array(stems)


def onehot(x: np.ndarray) -> np.ndarray:
    """(blocks, cues, roles): 1 where the cue votes for the role."""
    return (x[:, :, None] == np.arange(len(ROLES))[None, None, :]).astype(float)


def decide(h: np.ndarray, w: np.ndarray, bias: float) -> np.ndarray:
    """Each block's role: the highest score (body's starts at the bias; a tie to the lowest index),
    among the roles voted for and body."""
    scores = np.einsum("ncr,c->nr", h, w)
    scores[:, 0] += bias
    voted = h.any(axis=1)
    voted[:, 0] = True
    return np.where(voted, scores, -np.inf).argmax(axis=1)


def first_opinion_weights() -> np.ndarray:
    """The least integers deciding every possible vote pattern as the rules did in turn (bias 0): each cue
    weighs one more than the most the cues after it could give one other role together."""
    cue_roles = [ROLES.index(_role_of(code)) for code in CLASSIFY_RULES]
    w = np.zeros(len(CLASSIFY_RULES))
    for k in range(len(w) - 1, -1, -1):
        later = Counter()
        for j in range(k + 1, len(w)):
            later[cue_roles[j]] += w[j]
        w[k] = 1 + max([v for r, v in later.items() if r != cue_roles[k]], default=0)
    return w


def _role_of(code: str) -> str:
    """The role a cue votes for, from its first doctest's answer."""
    doc = pipeline.rules([code])[0].func.__doc__
    return next(role for role in ROLES if f"'{role}'" in doc)


def accuracy(h, y, w, bias) -> float:
    return float((decide(h, w, bias) == y).mean())


def ascend(h, y, w, bias, rounds=4, min_gain=2, top=40) -> tuple[np.ndarray, float]:
    """Coordinate ascent on block accuracy over integer weights 0..top and the body bias."""
    w = w.copy()
    for _ in range(rounds):
        moved = False
        for i in range(len(w) + 1):
            now = int((decide(h, w, bias) == y).sum())
            current = bias if i == len(w) else w[i]
            best = (now, 0.0, current)
            for v in range(top + 1):
                trial_w, trial_b = (w, float(v)) if i == len(w) else (np.where(np.arange(len(w)) == i, v, w), bias)
                right = int((decide(h, trial_w, trial_b) == y).sum())
                best = max(best, (right, -abs(v - current), v))
            if best[0] >= now + min_gain:
                if i == len(w):
                    bias = float(best[2])
                else:
                    w[i] = best[2]
                moved = True
        if not moved:
            break
    return w, bias


def compact(patterns: np.ndarray, w: np.ndarray, bias: float) -> tuple[float, np.ndarray]:
    """The least total weight (and a bias) deciding every pattern as w and bias do, with a margin of one."""
    from scipy.optimize import linprog

    h = onehot(patterns)
    chosen = decide(h, w, bias)
    n = len(w)
    rows = []
    for p, r in zip(h, chosen):
        rivals = [s for s in range(len(ROLES)) if s != r and (s == 0 or p[:, s].any())]
        for s in rivals:  # score_r - score_s >= 1
            a = np.concatenate([[float(r == 0) - float(s == 0)], p[:, r] - p[:, s]])
            rows.append((-a, -1.0))
    a_ub = np.array([a for a, _ in rows])
    b_ub = np.array([b for _, b in rows])
    bounds = [(0, None)] + [(1, None) if v else (0, 0) for v in w]
    result = linprog(np.concatenate([[1.0], np.ones(n)]), A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs",
                     integrality=np.ones(n + 1))
    if not result.success:
        raise SystemExit(f"no compact weights: {result.message}")
    b, small = float(np.round(result.x[0])), np.round(result.x[1:])
    if np.any(decide(h, small, b) != chosen):
        raise SystemExit("rounding changed a decision")
    return b, small


def fit(x, y, stems, accept=(), min_gain=2, folds=0) -> tuple[float, np.ndarray]:
    known = y >= 0
    h, yy = onehot(x[known]), y[known]
    start = first_opinion_weights()
    if folds:
        right0, right = held_out(stems[known], folds, lambda on: ascend(h[on], yy[on], start, 0.0, min_gain=min_gain),
                                 lambda on, fitted: int((decide(h[on], *(fitted or (start, 0.0))) == yy[on]).sum()))
        print(f"held out ({folds} folds by page): first opinion {100 * right0 / len(yy):.2f}%, ascended {100 * right / len(yy):.2f}%")
    proposed, proposed_bias = ascend(h, yy, start, 0.0, min_gain=min_gain)
    w, bias = start.copy(), 0.0
    base = int((decide(h, start, 0.0) == yy).sum())
    for i, code in enumerate([*CLASSIFY_RULES, "bias"]):
        was, now = (0.0, proposed_bias) if code == "bias" else (start[i], proposed[i])
        if now != was:
            alone_w, alone_b = (start, now) if code == "bias" else (np.where(np.arange(len(start)) == i, now, start), 0.0)
            gain = int((decide(h, alone_w, alone_b) == yy).sum()) - base
            kept = code in accept
            print(f"proposed: {code} {was:g} -> {now:g}, {gain:+d} labelled blocks alone{' (kept)' if kept else ''}")
            if kept:
                if code == "bias":
                    bias = now
                else:
                    w[i] = now
    print(f"all proposed moves together: {100 * accuracy(h, yy, proposed, proposed_bias):.2f}%")
    if np.array_equal(w, start) and bias == 0.0:
        return 0.0, start
    return compact(np.unique(x, axis=0), w, bias)


def write(bias: float, weights: np.ndarray, path: Path) -> None:
    head = path.read_text(encoding="utf-8").split("\nbias =", 1)[0]
    body = [f"bias = {bias:g}\n\n[weights]\n"]
    body += [f"{code} = {value:g}  # {rule.name}: {_role_of(code)}\n"
             for code, value, rule in zip(CLASSIFY_RULES, weights, pipeline.rules(CLASSIFY_RULES))]
    path.write_text(head.rstrip() + "\n" + "".join(body), encoding="utf-8")


def report(x, y, bias, w, name) -> None:
    known = y >= 0
    h, yy = onehot(x[known]), y[known]
    first = first_opinion_weights()
    print(f"{name}: blocks {len(y)}, labelled {len(yy)} ({', '.join(f'{r} {int((yy == k).sum())}' for k, r in enumerate(ROLES))}); "
          f"block accuracy first opinion {100 * accuracy(h, yy, first, 0.0):.2f}%, weighted {100 * accuracy(h, yy, w, bias):.2f}%; "
          f"roles changed on {int((decide(onehot(x), w, bias) != decide(onehot(x), first, 0.0)).sum())} blocks")
    decided = decide(h, w, bias)
    for c, code in enumerate(CLASSIFY_RULES):
        on = x[known][:, c] >= 0
        if on.any():
            right = int((x[known][on, c] == yy[on]).sum())
            print(f"  {code} votes {int(on.sum()):5d}, right {right:5d} ({100 * right / on.sum():5.1f}%), "
                  f"its role given {int((decided[on] == x[known][on, c]).sum()):5d}")
    wrong = Counter((ROLES[t], ROLES[d]) for t, d in zip(yy, decided) if t != d)
    print("  wrong (truth -> given): " + ", ".join(f"{t}->{d} {n}" for (t, d), n in wrong.most_common(8)))


def main() -> None:
    args = arguments(__doc__, "labelled blocks", "classify.toml")
    # a fit reads the blocks as the first-opinion order gave their roles, so that it gives the same weights when rerun
    first = classify.Classifier.of(pipeline.rules(CLASSIFY_RULES), {"bias": 0, "weights": dict(zip(CLASSIFY_RULES, first_opinion_weights()))})
    run(args, pipeline.classifier(), CLASSIFY_RULES, first, collect, fit, report,
        lambda bias, weights: write(bias, weights, ROOT / "rules" / "classify.toml"))


if __name__ == "__main__":
    main()
