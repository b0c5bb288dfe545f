"""Where RapidOCR's text CER is lost, by class, in characters: a ladder of line oracles on the
column stage's output (each rung mends one more class of its errors from the truth), scored by
score.py's order-free text error (score.floor), next to the pipeline's own final text error.

    python benchmarks/columns_textloss.py [--split fit] [--group paddle] [--every 1] [--pages f001_paddle,...]
                                          [--final /tmp/m60/fit]

Rungs (each on top of the one before, but `head`, which is on the stage's output alone):
  base         the column stage's output as left
  trackorder   each stretch's columns (tracks) in their true order
  regionfull   each stretch's lines in their true order (a line on the wrong column mended)
  stretchorder the stretches (each one block) in their true order, other lines left in place
  full         every line in the truth's order (lines outside stretches: heads, captions, lines of
               pages or parts the search left as read)
  glued        as full, a line that holds two truth places (a box read across a gutter, or
               wider than every column) cut in two first
  head         (on base) only the lines of a truth item's head placed
The final column (`final`) is the pipeline's text error on its written items (the outputs in
--final): what the stages after the column stage add or mend.

Fit RapidOCR, all 864 dumps (main ab1ffba4, final: /tmp/m60/fit), text error in % of 1.25M
characters: base 18.22, trackorder 17.88, regionfull 12.03, stretchorder 12.04, full 10.66,
glued 8.67, head 17.83, final 15.96. By class (dumps where it costs anything / 20 characters or
more): track order 0.34 (339 / 129), wrong column within a stretch 5.85 (686 / 621), stretch order
-0.01 (3 / 0), lines outside stretches 1.38 (434 / 260), boxes holding two places 2.00 (224 / 195).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "devset"))

import score  # noqa: E402
from benchmarks import columns_corpus as cc  # noqa: E402
from benchmarks import columns_oracle as co  # noqa: E402
from cleanup import columns  # noqa: E402
from cleanup.decode import decode  # noqa: E402
from cleanup.layout import split_lines  # noqa: E402

RUNGS = ("base", "trackorder", "regionfull", "stretchorder", "full", "glued", "head", "final")


def _key_of(spans, order):
    key, last = {}, -1.0
    for n, k in enumerate(order):
        if spans[k] is not None:
            last = float(spans[k][0])
            key[k] = (last, 0.0)
        else:
            key[k] = (last, n + 1.0)
    return key


def _blocks_sorted(lines, tag, truth):
    """Lines tagged by stretch (None: outside every stretch): the stretches' blocks put in their
    true order among the slots stretches hold, the other lines left where they stand."""
    blocks, cur = [], None
    for line, t in zip(lines, tag):
        if t is not None and cur is not None and cur[0] == t:
            cur[1].append(line)
            continue
        cur = (t, [line])
        blocks.append(cur)
    region_blocks = [b for b in blocks if b[0] is not None]

    def start(b):
        spans = cc.place([co._Text(x) for _, x in b[1]], truth)
        placed = sorted(s[0] for s in spans if s)
        return placed[len(placed) // 2] if placed else 1e9  # its median line's place

    ordered = iter(sorted(region_blocks, key=start))
    out = []
    for b in blocks:
        out.extend(next(ordered)[1] if b[0] is not None else b[1])
    return out


def run(dump_numbered, boxes, truth):
    seen = {}
    real = columns._rebuild

    def spy(numbered, pieces, choices, regions, boxes=False, trace=None):
        out = real(numbered, pieces, choices, regions, boxes, trace)
        if regions:
            spans = cc.place(pieces, truth)
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
            seen["trackorder"] = real(numbered, pieces, choices, order_tr, boxes, None)[0]
            full = real(numbered, pieces, newchoices, order_full, boxes, None)[0]
            seen["regionfull"] = full
            where = {}
            for n, r in enumerate(regions):
                for c in choices[r.start:r.end]:
                    where[(pieces[c.piece].no, pieces[c.piece].text)] = n
            seen["tag"] = [where.get(line) for line in full]
            seen["regions"] = len(regions)
            seen["pieces"] = sum(r.end - r.start for r in regions)
        return out

    columns._rebuild = spy
    try:
        result = columns.deinterleave(dump_numbered, boxes=boxes, ocr=True)
    finally:
        columns._rebuild = real
    base = list(result.numbered)
    out = {"base": base}
    out["trackorder"] = seen.get("trackorder", base)
    out["regionfull"] = seen.get("regionfull", base)
    out["stretchorder"] = (_blocks_sorted(seen["regionfull"], seen["tag"], truth) if seen else base)
    return out, seen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="fit")
    ap.add_argument("--group", default="paddle")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--pages", default="")
    ap.add_argument("--final", default="")
    args = ap.parse_args()
    paths = sorted((cc.CORPUS / args.split / "dumps").glob(f"*_{args.group}.txt"))
    if args.pages:
        paths = [p for p in paths if p.stem in args.pages.split(",")]
    paths = paths[::args.every]
    tot = {v: 0 for v in RUNGS}
    chars = 0
    for path in paths:
        name = path.stem
        folder = cc.CORPUS / args.split / "truth" / name
        items, _ = score.load_dir(str(folder))
        items = [t for t in items if t["kind"] != "noise"]
        truth, heads = co.truth_heads(folder)
        numbered = cc.stage_input(decode(path.read_bytes(), None).text)
        boxes = columns.boxes_by_height(split_lines(decode(path.read_bytes(), None).text))
        outs, seen = run(numbered, boxes, truth)
        outs["full"] = co.oracle("full", truth, heads, outs["stretchorder"])
        outs["glued"] = co.oracle("glued", truth, heads, outs["stretchorder"])
        outs["head"] = co.oracle("head", truth, heads, outs["base"])
        glued = len(co._cut_glued(outs["base"], truth)) - len(outs["base"])
        row = {}
        for v in RUNGS:
            if v == "final":
                if not args.final:
                    row[v] = 0
                    continue
                pred, _ = score.load_dir(str(Path(args.final) / name))
                d, n = score.floor(items, "\n".join(p["text"] for p in pred))
            else:
                d, n = score.floor(items, "\n".join(t for _, t in outs[v]))
            row[v] = d
            tot[v] += d
        chars += n
        print(name, int(bool(seen)), seen.get("regions", 0), glued, n, " ".join(f"{v}={row[v]}" for v in RUNGS), flush=True)
    print("ALL", len(paths), chars, " ".join(f"{v}={100 * tot[v] / max(1, chars):.2f}" for v in RUNGS))


if __name__ == "__main__":
    main()
