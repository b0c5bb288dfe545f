"""RapidOCR's stretches where two tracks take turns line by line (A T A T ..., three pieces or more):
how often the column search split one column read in order into two (a line oracle), and whether the
seams (columns.reads_on) tell such a run from two columns truly dealt out.

    python benchmarks/columns_runs.py [--split fit] [--every 2] [--offset 0] > runs.jsonl

One JSON line a run: its dump lines, its length, reads_on over the stretch's tracks as the search split
them and as the best one-column reading of the run reads (_options: the run from its first or second
piece on either track, that track going on after it with its own later pieces or the other's; or a
column ended at a sentence's end inside the run, the other going on alone), and the true links
(columns_corpus.successors) each keeps. `--summary FILE...` sums such lines by least run length and
least reads_on margin: runs taken, net true links.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import columns_corpus as cc  # noqa: E402
from cleanup import columns, seams, sequels  # noqa: E402

_ENDS = frozenset("。！？”")


def runs(span, least: int = 3):
    """(k, m) of each maximal run of consecutive choices taking turns between two tracks."""
    k = 0
    while k + 2 < len(span):
        a, t = span[k].track, span[k + 1].track
        if a == t:
            k += 1
            continue
        m = k + 1
        while m + 1 < len(span) and span[m + 1].track == (a if span[m].track == t else t):
            m += 1
        if m - k + 1 >= least:
            yield k, m
        k = m if m > k + 1 else k + 1


def _named(span, label):
    first: dict[int, int] = {}
    for c, x in zip(span, label):
        first.setdefault(x, c.piece)
    return [replace(c, track=first[x]) for c, x in zip(span, label)]


def options(span, k: int, m: int, texts: list[str]):
    """The one-column readings of the run span[k..m]."""
    a, t = span[k].track, span[k + 1].track
    later = {x: [j for j in range(m + 1, len(span)) if span[j].track == x] for x in (a, t)}
    for start in (k, k + 1):
        for on in (a, t):
            other = t if on == a else a
            for goes_on in (on, other):
                label = [c.track for c in span]
                for j in range(start, m + 1):
                    label[j] = on
                for j in later[goes_on]:
                    label[j] = on
                for j in later[other if goes_on == on else on]:
                    label[j] = other
                yield _named(span, label)
    for j in range(k, m - 1):
        if texts[span[j].piece][-1:] in _ENDS:
            label = [c.track for c in span]
            for i in range(j + 1, m + 1):
                label[i] = span[j + 1].track
            yield _named(span, label)


def track_reads(span, texts, pairs, words) -> int:
    """reads_on summed over the tracks, a track ending on a line that stops mid-sentence counting -1."""
    held: dict[int, list[str]] = {}
    for c in span:
        held.setdefault(c.track, []).append(texts[c.piece])
    return sum(columns.reads_on(lines, pairs, words) - sequels.stops_open(lines[-1]) for lines in held.values())


def true_links(span, succ) -> int:
    nxt, last = {}, {}
    for c in span:
        if c.track in last:
            nxt[last[c.track]] = c.piece
        last[c.track] = c.piece
    return sum(succ.get(p) == q for p, q in nxt.items())


def dump_runs(dump, split: str):
    seen = cc.stage_choices(dump)
    if seen is None:
        return
    pieces, choices = seen["pieces"], seen["choices"]
    truth, _ = cc.truth_text(cc.CORPUS / split / "truth" / dump.name)
    succ = cc.successors(cc.place(pieces, truth))
    texts = [p.text for p in pieces]
    pairs, words = seams.PagePairs.of(texts), seams.lexicon()
    for r in seen["regions"]:
        span = choices[r.start:r.end]
        as_split, split_links = track_reads(span, texts, pairs, words), true_links(span, succ)
        for k, m in runs(span):
            opts = [(track_reads(o, texts, pairs, words), true_links(o, succ)) for o in options(span, k, m, texts)]
            best = max(opts, key=lambda o: o[0])
            yield dict(d=dump.name, lines=[pieces[span[k].piece].no, pieces[span[m].piece].no], n=m - k + 1,
                       split=as_split, split_links=split_links, best=best[0], best_links=best[1],
                       oracle_links=max(o[1] for o in opts))


def summary(files: list[str]) -> None:
    rows = [json.loads(line) for f in files for line in open(f)]
    print(len(rows), "runs; true links the best reading of each could add:",
          sum(max(0, r["oracle_links"] - r["split_links"]) for r in rows))
    for least in (3, 4, 5, 6):
        for margin in (1, 2, 3):
            sel = [r for r in rows if r["n"] >= least and r["best"] - r["split"] >= margin]
            diff = Counter((r["best_links"] > r["split_links"]) - (r["best_links"] < r["split_links"]) for r in sel)
            print(f"least {least} margin {margin}: {len(sel)} runs on {len({r['d'] for r in sel})} dumps, net true links "
                  f"{sum(r['best_links'] - r['split_links'] for r in sel):+d} (better {diff[1]}, worse {diff[-1]})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="fit")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--summary", nargs="*")
    args = ap.parse_args()
    if args.summary:
        summary(args.summary)
        return
    for dump in sorted(cc.load(args.split, ("paddle",)), key=lambda d: d.name)[args.offset::args.every]:
        for row in dump_runs(dump, args.split):
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
