"""Column heads written alone above a merged line: where their true successor is, and whether the
column stage links them to it, on the corpus's real dumps.

    python benchmarks/columns_heads.py [--split fit] [--groups pdftotext]

pdftotext's default mode writes the lines of side-by-side columns at one height as one line; where
the columns' tops stand at different heights, each column's first lines are written alone, then the
merged lines follow (f033: a byline, three lone first lines, then lines of three pieces). A lone
line that fills a column width and stops mid-sentence, in a run of lone lines right above a merged
line, is counted here by where its true successor (benchmarks/columns_corpus.py's line oracle) is:
the merged line's first piece, a piece right of it, or elsewhere; and by whether the stage's output
puts that successor next.

The search (cleanup/assign.py) places a track born of a lone line left of every track (Track.x),
so a column whose head line opened a track of its own can take no merged line's piece right of
another's. On fit pdftotext (main 42ba855) 59 of 188 such heads go on into a piece right of the
first, and the stage links 34 of them right. Letting such a track's place stay open until a merged
line's piece fixes it, its width taken from that piece where the head was short by an indent
(tried on branch pdf22), links 36: the rest are lost to the link cues, not to the place. The page
figures moved both ways (fit pdftotext CER 37.1 -> 37.0, titles 64.7 -> 63.8; fit half A worse,
half B better); not kept.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import columns_corpus  # noqa: E402
from cleanup import assign, columns  # noqa: E402


def heads(dump) -> list[tuple[int, str]]:
    """(piece, where its true successor is) for each full open lone line in a run right above a merged line."""
    pieces, follow = dump.pieces, columns_corpus.successors(dump.spans)
    by_line: dict[int, list[int]] = defaultdict(list)
    for k, piece in enumerate(pieces):
        by_line[piece.no].append(k)
    nos = sorted(by_line)
    widths = assign.column_widths(pieces)
    found = []
    for at, no in enumerate(nos):
        if len(by_line[no]) < 2:
            continue
        run, b = [], at - 1
        while b >= 0 and len(by_line[nos[b]]) == 1 and nos[b] == nos[b + 1] - 1:
            run.insert(0, by_line[nos[b]][0])
            b -= 1
        for k in run:
            if not assign._snap(pieces[k], widths) or pieces[k].ends:
                continue
            j = follow.get(k)
            where = "none" if j is None else "first piece" if j == by_line[no][0] else \
                "a piece right of the first" if j in by_line[no] else "elsewhere"
            found.append((k, where))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="fit")
    parser.add_argument("--groups", default="pdftotext")
    args = parser.parse_args()
    counts, linked = Counter(), Counter()
    for dump in columns_corpus.load(args.split, tuple(args.groups.split(","))):
        found = heads(dump)
        if not found:
            continue
        result = columns.deinterleave(dump.numbered, boxes=columns_corpus.boxes(dump))
        order = [k for k in columns_corpus.output_order(dump, result.numbered) if dump.spans[k]]
        after = dict(zip(order, order[1:]))
        follow = columns_corpus.successors(dump.spans)
        for k, where in found:
            counts[where] += 1
            linked[where] += where != "none" and after.get(k) == follow.get(k)
    print(f"{args.split} {args.groups}: lone full open lines right above a merged line, by their true successor")
    for where, n in counts.most_common():
        print(f"  {where:28} {n:4}  linked right by the stage {linked[where]:4}")


if __name__ == "__main__":
    main()
