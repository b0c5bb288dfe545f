"""Coordinate search of the [boxes] weights on text CER (score.py's floor on the column stage's
output joined), on a share of the fit split's RapidOCR dumps; the rest of them to judge the result.

    python benchmarks/columns_textfit.py [--every 4] [--offset 0] [--codes CO09,CO08,...] [--rounds 1]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "devset"))  # the dev set's reference scorer (score.floor)

import score  # noqa: E402
from benchmarks import columns_corpus as cc  # noqa: E402
from cleanup import columns  # noqa: E402


def pages(every: int, offset: int):
    dumps = sorted(cc.load("fit", ("paddle",)), key=lambda d: d.name)[offset::every]
    out = []
    for d in dumps:
        items, _ = score.load_dir(str(cc.CORPUS / "fit" / "truth" / d.name))
        out.append((d, cc.boxes(d), [i for i in items if i["kind"] != "noise"]))
    return out


def text_cer(data, weights=None) -> float:
    dist = chars = 0
    for d, boxes, items in data:
        out = columns.deinterleave(d.numbered, weights=weights, boxes=boxes, ocr=True).numbered
        a, n = score.floor(items, "\n".join(t for _, t in out))
        dist += a
        chars += n
    return 100.0 * dist / chars


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--codes", default="")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--set", default="", help="CODE=value,... start from these")
    args = ap.parse_args()
    data = pages(args.every, args.offset)
    weights = columns.BOX_WEIGHTS.as_dict()
    for kv in filter(None, args.set.split(",")):
        k, v = kv.split("=")
        weights[k] = float(v)
    W = lambda w: columns.assign.Weights.of(w, columns.LINK_CUES)  # noqa: E731
    best = text_cer(data, W(weights))
    print(f"start {best:.3f} on {len(data)} pages", flush=True)
    codes = [c for c in (args.codes.split(",") if args.codes else weights) if c in weights]
    for step in [1.5, 1.25][:args.rounds]:
        for code in codes:
            for factor in (step, 1 / step):
                trial = {**weights, code: round(weights[code] * factor, 3)}
                value = text_cer(data, W(trial))
                print(f"  {code} x{factor:.2f} = {trial[code]}: {value:.3f}", flush=True)
                if value < best - 0.02:
                    best, weights = value, trial
                    print(f"KEEP {code} = {trial[code]}: {best:.3f}", flush=True)
                    break
    print("final", best, {k: weights[k] for k in codes})


if __name__ == "__main__":
    main()
