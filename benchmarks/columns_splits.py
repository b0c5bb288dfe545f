"""Which of RapidOCR's column errors a page shows (line oracle): one column split into two tracks
that take turns (ping-pong: a piece's true successor in another track whose own successor is back
in the first), box pairs CW09 cut, and stretches put back at all.

    python benchmarks/columns_splits.py [--split fit] [--group paddle] [--pages f001_paddle,...]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import columns_corpus as cc  # noqa: E402


def run(dump, truth):
    seen = cc.stage_choices(dump)
    if seen is None:
        return None
    pieces, choices, regions = seen["pieces"], seen["choices"], seen["regions"]
    spans = cc.place(pieces, truth)
    succ = cc.successors(spans)
    region_of = {}
    for n, r in enumerate(regions):
        for k in range(r.start, r.end):
            region_of[k] = n
    pingpong = []
    for p, s in succ.items():
        t = succ.get(s)
        if t is None or region_of.get(p) is None or region_of.get(p) != region_of.get(s) or region_of.get(t) != region_of.get(p):
            continue
        a, b, c = choices[p].track, choices[s].track, choices[t].track
        if a != b and c == a and p < s < t:
            pingpong.append((pieces[p].no, pieces[s].no, pieces[t].no))
    cut = len(pieces) - len(dump.pieces)
    return pingpong, cut, len(regions)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="fit")
    ap.add_argument("--group", default="paddle")
    ap.add_argument("--pages", default="")
    args = ap.parse_args()
    dumps = sorted(cc.load(args.split, (args.group,)), key=lambda d: d.name)
    if args.pages:
        dumps = [d for d in dumps if d.name in args.pages.split(",")]
    n_pp = n_cut = n_fired = 0
    for dump in dumps:
        truth, _ = cc.truth_text(cc.CORPUS / args.split / "truth" / dump.name)
        got = run(dump, truth)
        if got is None:
            continue
        pp, cut, nreg = got
        n_fired += 1
        n_pp += len(pp) >= 2
        n_cut += cut > 0
        print(dump.name, f"regions={nreg} pingpong={len(pp)} cut={cut}", pp[:6], flush=True)
    print(f"FIRED {n_fired} pingpong>=2 {n_pp} cw09 {n_cut}")


if __name__ == "__main__":
    main()
