"""Where a group's CER goes: the column stage's order, what comes after it, and the text itself.

    python benchmarks/columns_split.py [--group paddle] [--every 4] [--first 1] [--out FILE]

Per fit page (every `--every`th from `--first`), three runs of the pipeline, scored as
`cleanup score` does: as it is (`real`), with the column stage's output lines put in the
truth's order (`full`, columns_oracle.py), and so with glued boxes (two columns' lines one OCR
box holds) cut first (`glued`); and the order-free text error of the raw dump (`raw`). Then

    real - full    the column stage's reading order
    full - glued   boxes that hold two columns' lines
    glued          what comes after the stage (segmentation, heads, captions), and in text CER
                   what no order repairs: misread and lost text

Fit RapidOCR, every fourth page from f001 (216 pages, main d7a2b1f0): CER 69.7 real, 21.6 full,
18.8 glued (216406, 67045, 58298 edits of 310355): the order is 48.1 points (69% of the edits),
glued boxes 2.8, the rest 18.8. Text CER 15.5, 7.0, 5.4 (47578, 21366, 16593 of 306k; the raw
dump 40.5): a sentence that runs over lines put out of order counts in it, so 8.5 points are
order. Of the 5.4 left, 7668 edits are the 27 traditional-script pages' (text CER 19.8 there:
RapidOCR's simplified models misread the script), the 189 others 3.3.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import columns_oracle as co  # noqa: E402
from cleanup import columns, output, pipeline  # noqa: E402
from cleanup.score.items import parse_item, read_page  # noqa: E402
from cleanup.score.metrics import free_order_distance, score_page  # noqa: E402

FIT = ROOT / "tests" / "corpus" / "fit"
MODES = ("real", "full", "glued")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", default="paddle")
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--out", help="also write the per-page figures here, as JSON")
    args = ap.parse_args()
    real = columns.deinterleave
    state: dict = {}

    def ordered(numbered, trace=None, **kwargs):
        result = real(numbered, trace, **kwargs)
        if state["mode"] == "real":
            return result
        return replace(result, numbered=co.oracle(state["mode"], state["truth"], state["heads"], list(result.numbered)))

    columns.deinterleave = ordered
    rows, total = {}, {}
    for dump in sorted((FIT / "dumps").glob(f"f*_{args.group}.txt"))[args.first - 1::args.every]:
        name = dump.stem
        truth = read_page(FIT / "truth" / name)
        state["truth"], state["heads"] = co.truth_heads(FIT / "truth" / name)
        row = {}
        for mode in MODES:
            state["mode"] = mode
            page = pipeline.clean(dump.read_bytes(), dump.name)
            items = [parse_item(text) for text in output.page_files(page).values()]
            c = score_page(truth, items)
            row[mode] = (c.edits, c.ref_chars, c.text_dist, c.text_chars)
        row["raw"] = free_order_distance(truth, dump.read_text(encoding="utf-8"))
        rows[name] = row
        for key, figures in row.items():
            total[key] = [a + b for a, b in zip(total.get(key, [0] * len(figures)), figures)]
        print(name, json.dumps(row), flush=True)
    for mode in MODES:
        edits, ref, dist, chars = total[mode]
        print(f"{mode:6} CER {100 * edits / ref:5.1f} ({edits}/{ref})  text CER {100 * dist / chars:5.1f} ({dist}/{chars})")
    dist, chars = total["raw"]
    print(f"raw    text CER {100 * dist / chars:5.1f} ({dist}/{chars})")
    if args.out:
        Path(args.out).write_text(json.dumps(rows), encoding="utf-8")


if __name__ == "__main__":
    main()
