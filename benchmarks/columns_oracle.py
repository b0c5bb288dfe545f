"""How much of a group's CER the column stage's order costs: the pipeline run with the stage's
output put in the truth's order (line oracle), whole or in part, then scored as usual.

    python benchmarks/columns_oracle.py MODE OUT NAME... (NAME: a fit dump's stem, f005_paddle)
    python -m cleanup score TRUTH OUT    # TRUTH: a folder of links to those pages' truth

MODE: `full` every line of the column stage's output in the truth's order (a line found nowhere
in the truth follows the line before it in the stage's order); `head` only the lines of a truth
item's head (title, subtitle, byline, column label) moved to stand right before the line that
follows them in the truth; `glued` as full, a line found nowhere but whose two parts are found
(two columns' lines one OCR box holds) cut in two first.

Fit RapidOCR (every third layout, 224 pages, main de0158b5): CER 70.7 as the stage leaves it,
24.2 with every line in order (titles 19.5 -> 49.9, text CER 16.8 -> 7.9), 20.8 with the glued
boxes cut too (text CER 6.1), 69.2 with only the head lines placed (titles 19.5 -> 33.1). By
broken links (benchmarks/columns_errors.py's classes, all 672 fit layouts, characters of the piece
whose successor does not follow): links inside one item's body 143k, a head line's link 34k, links
across two items 26k; lines that hold two columns' lines 40k characters in 1580 lines (the oracle
counts any line whose two parts are found, a dropped character too). Of the body links broken on
lines that stop mid-sentence, 2332 of 3200 have neither a word nor a page pair across the true
seam nor the chosen one: the text says nothing there; beam width 16 -> 64 moves no link.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import columns_corpus as cc  # noqa: E402
from cleanup import columns, output, pipeline  # noqa: E402

FIT = ROOT / "tests" / "corpus" / "fit"
_FIELDS = re.compile(r"(?m)^(title|subtitle|byline|column): *(.*)$")


def truth_heads(folder: Path) -> tuple[str, list[tuple[int, int]]]:
    """The truth text (columns_corpus.truth_text's) and the spans of its items' head paragraphs."""
    text, heads, at = [], [], 0
    for path in sorted(folder.glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        fields = {cc._SPACE_RE.sub("", m.group(2)) for m in _FIELDS.finditer(front)}
        in_head = True
        for para in (p for p in re.split(r"\n\s*\n", body) if p.strip()):
            key = cc._SPACE_RE.sub("", cc._MARK_RE.sub("", para))
            in_head = in_head and (key in fields or para.lstrip().startswith("#"))
            if in_head and key:
                heads.append((at, at + len(key)))
            at += len(key)
            text.append(key)
    return "".join(text), heads


def _glued_cut(key: str, truth: str) -> int | None:
    return next((i for i in range(3, len(key) - 2) if key[:i] in truth and key[i:] in truth), None)


def _cut_glued(lines: list[tuple[int, str]], truth: str) -> list[tuple[int, str]]:
    out = []
    for no, text in lines:
        key = cc._key(text)
        cut = _glued_cut(key, truth) if len(key) >= 8 and key not in truth else None
        if cut is None:
            out.append((no, text))
            continue
        seen = 0
        for pos, ch in enumerate(text):
            seen += not ch.isspace()
            if seen == cut:
                out += [(no, text[:pos + 1]), (no, text[pos + 1:])]
                break
    return out


class _Text:
    def __init__(self, text: str):
        self.text = text


def oracle(mode: str, truth: str, heads: list[tuple[int, int]], lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The stage's output lines put in the truth's order, as MODE says."""
    if mode == "glued":
        lines = _cut_glued(lines, truth)
    spans = cc.place([_Text(t) for _, t in lines], truth)
    if mode == "head":
        moved = [k for k, s in enumerate(spans) if s is not None and any(a <= s[0] < b for a, b in heads)]
        staying = set(range(len(lines))) - set(moved)
        order = sorted(staying)
        for k in sorted(moved, key=lambda k: spans[k][0]):
            before = [(spans[m][0], at) for at, m in enumerate(order) if spans[m] is not None and spans[m][0] < spans[k][0]]
            order.insert(max(before)[1] + 1 if before else 0, k)
    else:
        keyed, last = [], (-1.0, -1, 0.0)
        for k, s in enumerate(spans):
            if s is not None:
                last = (float(s[0]), k, 0.0)
                keyed.append((last, k))
            else:
                keyed.append(((last[0], last[1], k + 0.5), k))
        order = [k for _, k in sorted(keyed)]
    return [lines[k] for k in order]


def main() -> None:
    mode, out, names = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    real = columns.deinterleave
    page: dict = {}

    def ordered(numbered, trace=None, **kwargs):
        result = real(numbered, trace, **kwargs)
        return replace(result, numbered=oracle(mode, page["truth"], page["heads"], list(result.numbered)))

    columns.deinterleave = ordered
    for name in names:
        page["truth"], page["heads"] = truth_heads(FIT / "truth" / name)
        dump = FIT / "dumps" / f"{name}.txt"
        output.write_page(out, name, pipeline.clean(dump.read_bytes(), dump.name))


if __name__ == "__main__":
    main()
