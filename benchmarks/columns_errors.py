"""Which ordering errors the column stage leaves, counted by class, on the corpus's real dumps.

    python benchmarks/columns_errors.py [--split fit] [--groups pdfminer,pdftotext] [--examples 5]

Every piece whose true successor (benchmarks/columns_corpus.py's line oracle) does not come next
in the stage's output is a broken link; it is counted once, with the piece's characters, in the
first class that fits:

    unfired       the page was left as read (no stretch put back)
    outside       a page put back, both pieces outside the stretches put back
    boundary      one piece inside a stretch put back, the other outside (where a stretch ends)
    two-regions   the two pieces in two stretches
    order         the piece ends its column, its successor starts another: the columns' order
    ends-track    the piece ends its column, its successor is in the middle of another
    starts-track  its successor starts another column, the piece is in the middle of its own
    split         both in the middle of two columns: a column cut across (assignment)
    intruder      both in one column, another's piece put between them (assignment)

The same page's `pdftotext -raw` dump, in reading order, is counted beside it: the links even a
reading in order breaks (furniture, captions, the truth's item order) are no fault of the stage.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import columns_corpus  # noqa: E402
from cleanup import columns  # noqa: E402


def broken(dump, order: list[int]) -> list[tuple[int, int]]:
    """(piece, its true successor) for every link the order breaks."""
    follow = columns_corpus.successors(dump.spans)
    placed = [k for k in order if dump.spans[k]]
    after = dict(zip(placed, placed[1:]))
    return [(k, j) for k, j in follow.items() if after.get(k) != j]


def classify(dump) -> list[tuple[str, int, int]]:
    """(class, piece, successor) for each link the stage's output breaks."""
    seen: dict = {}
    rebuild = columns._rebuild

    def spy(numbered, pieces, choices, regions, *args, **kwargs):
        seen.update(choices=choices, regions=regions)
        return rebuild(numbered, pieces, choices, regions, *args, **kwargs)

    columns._rebuild = spy
    try:
        result = columns.deinterleave(dump.numbered, boxes=columns_corpus.boxes(dump))
    finally:
        columns._rebuild = rebuild
    links = broken(dump, columns_corpus.output_order(dump, result.numbered))
    if not result.rebuilt:
        return [("unfired", k, j) for k, j in links]
    choices, regions = seen["choices"], seen["regions"]
    region_of = {k: n for n, r in enumerate(regions) for k in range(r.start, r.end)}
    track = {c.piece: c.track for c in choices}
    last = {}
    for c in choices:
        last[c.track] = c.piece
    out = []
    for k, j in links:
        rk, rj = region_of.get(k), region_of.get(j)
        if rk is None and rj is None:
            kind = "outside"
        elif rk is None or rj is None:
            kind = "boundary"
        elif rk != rj:
            kind = "two-regions"
        elif track[k] == track[j]:
            kind = "intruder"
        else:
            ends, starts = last[track[k]] == k, track[j] == j
            kind = "order" if ends and starts else "ends-track" if ends else "starts-track" if starts else "split"
        out.append((kind, k, j))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="fit")
    parser.add_argument("--groups", default="pdfminer,pdftotext")
    parser.add_argument("--examples", type=int, default=0, help="show so many broken links of each class")
    args = parser.parse_args()
    groups = tuple(args.groups.split(","))
    dumps = columns_corpus.load(args.split, (*groups, "pdftotext-raw"))
    raw = {d.name.split("_")[0]: d for d in dumps if d.group == "pdftotext-raw"}
    links, chars, floor = Counter(), Counter(), Counter()
    examples: dict = {}
    for dump in dumps:
        if dump.group not in groups:
            continue
        classes = classify(dump)
        fired = not all(kind == "unfired" for kind, _, _ in classes) or not classes
        reference = raw.get(dump.name.split("_")[0])
        if reference is not None:
            floor[dump.group, fired] += len(broken(reference, list(range(len(reference.pieces)))))
        for kind, k, j in classes:
            links[dump.group, kind] += 1
            chars[dump.group, kind] += len(dump.pieces[k].text)
            examples.setdefault((dump.group, kind), []).append(
                f"{dump.name} L{dump.pieces[k].no} {dump.pieces[k].text[:16]} -> L{dump.pieces[j].no} {dump.pieces[j].text[:16]}")
    for group in groups:
        print(f"{args.split} {group}: broken links by class (characters); pdftotext -raw of the same pages breaks "
              f"{floor[group, True]} on pages put back, {floor[group, False]} on the others")
        for (g, kind), n in sorted(links.items(), key=lambda item: -chars[item[0]]):
            if g == group:
                print(f"  {kind:13} {n:5} ({chars[g, kind]})")
                for line in examples[g, kind][:args.examples]:
                    print("      " + line)


if __name__ == "__main__":
    main()
