"""Headlines and subtitles that a run's output glues into body text, by how the dump printed them.

    python benchmarks/columns_glued_heads.py OUT [--split fit] [--group pdftotext] [--list]

For every true title and subtitle that the run's items do not carry as one (OUT: a reflow of the
split's dumps), each of its space-parted pieces is looked up in the dump: printed on a line alone
(`alone`), at a line's end after a space (form a), at a line's start before a space (form b), or
inside a line (`mid`); a piece of form a or b is `-body` where the text beside it is running text
(a clause mark, a dateline, or longer than a headline), `-head` where it is another head (a head row).
A head is `glued` where a body paragraph of the output holds one of its pieces together with other
text (not the true body's own words).

Fit pdftotext at main 078ac054 (issue 14), heads glued into body text, by layouts: alone 94 (124
heads), a-head 26, a-body 22, none 14, b-head 7, b-body 6, mid 3. The largest class is not the
extractor's merge: a head printed on lines of its own after a column's line that stops mid-sentence,
joined to it by the join stage, mostly across a blank line (JN06 join-wrapped-line: a column jump
reads the same as a head's block under the blank). JN06's cur_head_block (a head's block followed by
a dateline or nothing) takes alone to 87 layouts (115 heads).
Form a (the head at the end of a line of another column's running text, no head line above it for
CW15/CW16): 22 layouts, most subtitles (——……). Lifting such pieces (branch ptx-cw18, "CW18": the
text left stops mid-sentence and goes on into the line under it, the piece reads on into no piece
within three lines, nothing above stands beyond the space, the piece is not as wide as many of the
page's pieces) fires on 19 true heads and 6 column lines of 544 dumps, yet moves no figure: the
lifted head, placed after its neighbour's block, takes the next story's text or joins the next
head's title.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup import shapes  # noqa: E402
from cleanup.score.items import parse_item  # noqa: E402

FIELDS = ("title", "subtitle", "byline", "credit")
_MARKS_RE = re.compile(r"[，。、；！？,;!?]")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _items(folder: Path) -> list:
    return [parse_item(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.md"))]


def _beside(piece: str, whole: str) -> str:
    """What stands beside a head piece on its line: running text, another head, a byline."""
    if shapes.is_byline(piece) or shapes.is_byline(whole):
        return "-by"
    if _MARKS_RE.search(piece) or len(piece) > 24 or shapes.starts_with_dateline(whole):
        return "-body"
    return "-head"


def form(pieces: list[str], at: int, lines: list[str]) -> tuple[str, str]:
    """How the dump prints piece `at` of a head: alone, a-…, b-…, mid or none; and the line."""
    found = ("none", "")
    piece = pieces[at]
    for line in lines:
        start = line.find(piece)
        if start < 0:
            continue
        end, a, b = start + len(piece), at, at
        while a > 0 and line[:start].endswith(" " + pieces[a - 1]):
            start, a = start - len(pieces[a - 1]) - 1, a - 1
        while b + 1 < len(pieces) and line[end:].startswith(" " + pieces[b + 1]):
            end, b = end + len(pieces[b + 1]) + 1, b + 1
        if start == 0 and end == len(line):
            return "alone", line
        if end == len(line) and line[start - 1] == " ":
            return "a" + _beside(line[:start - 1].split(" ")[-1], line[:start - 1]), line
        if start == 0 and line[end] == " ":
            return "b" + _beside(line[end + 1:].split(" ")[0], line[end + 1:]), line
        found = ("mid", line)
    return found


def glued_heads(truth_dir: Path, out_dir: Path, dump: Path):
    """(field, head, form, glued, dump line) for each true head the output does not carry as one."""
    lines = [line.strip() for line in dump.read_text(encoding="utf-8").splitlines()]
    truth, out = _items(truth_dir), _items(out_dir) if out_dir.is_dir() else []
    carried = {key: {_squeeze(i.fields.get(key, "")) for i in out} for key in ("title", "subtitle")}
    carried["subtitle"] |= carried["title"]
    true_body = [_squeeze(b.text) for i in truth for b in i.blocks
                 if b.marker == "" and _squeeze(b.text) not in {_squeeze(i.fields.get(k, "")) for k in FIELDS}]
    paragraphs = [(i, _squeeze(b.text)) for i in out for b in i.blocks if b.marker == ""]
    for item in truth:
        for key in ("title", "subtitle"):
            head = item.fields.get(key)
            if not head or _squeeze(head) in carried[key]:
                continue
            pieces = head.split(" ")
            forms = [(p, *form(pieces, k, lines)) for k, p in enumerate(pieces) if len(p) >= 3]
            kinds = {f for _, f, _ in forms}
            kind = next((f for f in sorted(kinds) if f[0] in "ab"), None) \
                or next((f for f in ("mid", "alone") if f in kinds), "none")
            glued = False
            for piece, _, _ in forms:
                if len(piece) < 4 or any(piece in t for t in true_body):
                    continue
                for i, text in paragraphs:
                    rest = text
                    for p in pieces:
                        rest = rest.replace(_squeeze(p), "", 1)
                    if piece in text and text not in {_squeeze(i.fields.get(k, "")) for k in FIELDS} and len(rest) > 3:
                        glued = True
            yield key, head, kind, glued, " || ".join(line for _, f, line in forms if f == kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--split", default="fit")
    parser.add_argument("--group", default="pdftotext")
    parser.add_argument("--list", action="store_true", help="list every glued head")
    args = parser.parse_args()
    corpus = ROOT / "tests" / "corpus" / args.split
    heads, layouts = Counter(), {}
    for truth_dir in sorted(corpus.glob(f"truth/*_{args.group}")):
        dump = corpus / "dumps" / f"{truth_dir.name}.txt"
        for key, head, kind, glued, line in glued_heads(truth_dir, args.out / truth_dir.name, dump):
            if not glued:
                continue
            heads[kind] += 1
            layouts.setdefault(kind, set()).add(truth_dir.name)
            if args.list:
                print(truth_dir.name, key, kind, head, line, sep="\t")
    for kind, n in heads.most_common():
        print(f"{kind:8} heads {n:4}  layouts {len(layouts[kind]):4}")


if __name__ == "__main__":
    main()
