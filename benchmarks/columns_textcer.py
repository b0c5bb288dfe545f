"""Where RapidOCR's text CER is lost: the column stage's output, text CER (score.py's floor on the
joined lines) as left, and with one class of its errors mended by the truth (line oracle).

    python benchmarks/columns_textcer.py [--split fit] [--group paddle] [--every 1]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "devset"))  # the dev set's reference scorer (score.floor)

import score  # noqa: E402
from benchmarks import columns_corpus as cc  # noqa: E402
from benchmarks import columns_oracle as co  # noqa: E402
from cleanup import columns  # noqa: E402

VARIANTS = ("base", "trackorder", "regionfull", "full", "head")


def _key_of(spans, order):
    """A sort key per piece: its truth start, or (unplaced) just after the piece before it in `order`."""
    key, last = {}, -1.0
    for n, k in enumerate(order):
        if spans[k] is not None:
            last = float(spans[k][0])
            key[k] = (last, 0.0)
        else:
            key[k] = (last, n + 1.0)
    return key


def run(dump, truth):
    seen = {}
    real = columns._rebuild

    def spy(numbered, pieces, choices, regions, boxes=False, trace=None):
        out = real(numbered, pieces, choices, regions, boxes, trace)
        if regions:
            spans = cc.place(pieces, truth)
            variants = {}
            order_tr, order_full, newchoices = [], [], list(choices)
            for r in regions:
                span = choices[r.start:r.end]
                key = _key_of(spans, [c.piece for c in span])
                first = {}
                for c in span:
                    first[c.track] = min(first.get(c.track, (1e9, 0.0)), key[c.piece])
                order_tr.append(replace(r, tracks=tuple(sorted(r.tracks, key=lambda t: first[t]))))
                ks = sorted((c.piece for c in span), key=lambda k: key[k])
                for c in span:
                    newchoices[c.piece] = replace(c, track=c.piece)
                order_full.append(replace(r, tracks=tuple(ks)))
            variants["trackorder"] = real(numbered, pieces, choices, order_tr, boxes, None)[0]
            variants["regionfull"] = real(numbered, pieces, newchoices, order_full, boxes, None)[0]
            seen.update(variants)
        return out

    columns._rebuild = spy
    try:
        result = columns.deinterleave(dump.numbered, boxes=cc.boxes(dump), ocr=True)
    finally:
        columns._rebuild = real
    base = list(result.numbered)
    out = {"base": base, "trackorder": seen.get("trackorder", base), "regionfull": seen.get("regionfull", base)}
    return out, bool(seen)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="fit")
    ap.add_argument("--group", default="paddle")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--pages", default="")
    args = ap.parse_args()
    dumps = sorted(cc.load(args.split, (args.group,)), key=lambda d: d.name)
    if args.pages:
        dumps = [d for d in dumps if d.name in args.pages.split(",")]
    dumps = dumps[::args.every]
    tot = {v: 0 for v in VARIANTS}
    chars = 0
    fired_tot = {v: 0 for v in VARIANTS}
    fired_chars = 0
    for dump in dumps:
        folder = cc.CORPUS / args.split / "truth" / dump.name
        items, _ = score.load_dir(str(folder))
        items = [t for t in items if t["kind"] != "noise"]
        truth, heads = co.truth_heads(folder)
        outs, fired = run(dump, truth)
        outs["full"] = co.oracle("full", truth, heads, outs["base"])
        outs["head"] = co.oracle("head", truth, heads, outs["base"])
        row = {}
        for v in VARIANTS:
            d, n = score.floor(items, "\n".join(t for _, t in outs[v]))
            row[v] = d
            tot[v] += d
            if fired:
                fired_tot[v] += d
        chars += n
        fired_chars += n if fired else 0
        print(dump.name, int(fired), n, " ".join(f"{v}={row[v]}" for v in VARIANTS), flush=True)
    print("ALL", chars, " ".join(f"{v}={100 * tot[v] / chars:.2f}" for v in VARIANTS))
    print("FIRED", fired_chars, " ".join(f"{v}={100 * fired_tot[v] / max(1, fired_chars):.2f}" for v in VARIANTS))


if __name__ == "__main__":
    main()
