"""Where a group's CER goes: the column stage's order, what comes after it, and the text itself.

    python benchmarks/columns_split.py [--group paddle] [--every 4] [--out /tmp/split.json]

Per fit page: the pipeline as it is (CER, text CER), the pipeline with the column stage's
output put in the truth's order (columns_oracle full), and the text CER of the stage's
output lines alone, in its order and the truth's (before any later stage), of the raw dump.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/work/shared/devset")

import score as S  # noqa: E402

from benchmarks import columns_oracle as co  # noqa: E402
from cleanup import columns, output, pipeline  # noqa: E402

FIT = ROOT / "tests" / "corpus" / "fit"


def scored(truth_items, page, tmp: Path, name: str) -> dict:
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    for fname, text in output.page_files(page).items():
        (folder / fname).write_text(text, encoding="utf-8")
    items, _ = S.load_dir(str(folder))
    c = S.new_counts()
    S.score_dump(truth_items, items, c)
    d, n = S.floor(truth_items, "\n".join(p["text"] for p in items))
    return dict(edits=c["edits"], ref=c["ref_chars"], txt=d, txt_n=n, items=len(items))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--group", default="paddle")
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--out", default="/tmp/split.json")
    args = ap.parse_args()
    real = columns.deinterleave
    state: dict = {}

    def spy(numbered, trace=None, **kwargs):
        result = real(numbered, trace, **kwargs)
        state["stage"] = list(result.numbered)
        state["rebuilt"] = bool(result.rebuilt)
        if state.get("mode"):
            return replace(result, numbered=co.oracle(state["mode"], state["truth"], state["heads"], list(result.numbered)))
        return result

    columns.deinterleave = spy
    rows = {}
    tmp = Path(tempfile.mkdtemp(prefix="split"))
    for k in range(args.first, 865, args.every):
        name = f"f{k:03d}_{args.group}"
        dump = FIT / "dumps" / f"{name}.txt"
        if not dump.exists():
            continue
        truth_items, _ = S.load_dir(str(FIT / "truth" / name))
        truth_items_all = truth_items
        state["truth"], state["heads"] = co.truth_heads(FIT / "truth" / name)
        row = {}
        for mode in ("", "full", "glued"):
            state["mode"] = mode
            page = pipeline.clean(dump.read_bytes(), dump.name)
            row[mode or "real"] = scored(truth_items_all, page, tmp, name)
            lines = state["stage"] if not mode else co.oracle(mode, state["truth"], state["heads"], state["stage"])
            d, n = S.floor(truth_items_all, "\n".join(t for _, t in lines))
            row[(mode or "real") + "_stage_txt"] = d
        row["rebuilt"] = state["rebuilt"]
        d, n = S.floor(truth_items_all, dump.read_text(encoding="utf-8"))
        row["raw_txt"] = d
        rows[name] = row
        print(name, json.dumps(row), flush=True)
    json.dump(rows, open(args.out, "w"))


if __name__ == "__main__":
    main()
