"""Lay a page's truth out as a damaged text dump, the way the sample dumps are damaged.

    simulate_page(truth_items, seed) -> bytes
    simulate_page_with_labels(truth_items, seed) -> (bytes, [LineLabel, ...])

The truth is never changed: every damage is one a careful reader undoes from the dump alone
(hard breaks, column jumps, spreads, digit spaces, half-width marks, indents, displaced
headlines and captions, spread names, encodings). Items keep their order of first appearance,
so the truth's file numbers (FORMAT.md: by the item's earliest block in the dump) stay right.
The knobs live in the [sim] table of spec.toml; the same seed gives the same bytes.

    python -m benchmarks.factory.simulate golden ../shared/devset/truth --pages 50 --seed 7 -o OUT [--mix]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tomllib
from pathlib import Path

from . import simtext
from .arrange import Piece, Row, Story, Style, Unit, emit_lines, order_units
from .linelabel import LineLabel, format_row
from .truth import TruthBlock, TruthItem, read_truth, write_truth

SPEC = Path(__file__).with_name("spec.toml")
INDENTS = {"none": "", "ideographic": "\u3000\u3000", "space": " ", "tab": "\t"}
NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def load_spec(path: Path = SPEC) -> dict:
    """The [sim] table of the factory's spec."""
    with open(path, "rb") as handle:
        return tomllib.load(handle)["sim"]


def simulate_page(truth_items: list[TruthItem], seed: int, spec: dict | None = None) -> bytes:
    """The damaged dump of one page's truth, as the bytes of a text file."""
    return simulate_page_with_labels(truth_items, seed, spec)[0]


def simulate_page_with_labels(truth_items: list[TruthItem], seed: int,
                              spec: dict | None = None) -> tuple[bytes, list[LineLabel]]:
    """The dump and, for each of its lines (numbered as `cleanup` numbers them), what it holds."""
    spec = spec or load_spec()
    rng = random.Random(seed)
    style = draw_style(spec, rng)
    builder = StoryBuilder(spec, style, rng)
    stories = [builder.story(item) for item in truth_items if item.blocks]
    labels = emit_lines(order_units(stories, spec, style, rng), style, spec, rng)
    encoding = _weighted(rng, spec["encoding"])
    newline = NEWLINES[_weighted(rng, spec["newline"])]
    text = newline.join(label.text for label in labels) + newline
    return text.encode(encoding), labels


def draw_style(spec: dict, rng: random.Random) -> Style:
    """The page's habits, drawn once."""
    draw = lambda key: rng.uniform(*spec[key])  # noqa: E731
    half = draw("half_width_share") if rng.random() < spec["half_width_page"] else 0.0
    return Style(
        long_lines=rng.random() < spec["long_lines"],
        width=rng.randint(*spec["width"]),
        double=rng.random() < spec["double_spacing"],
        paragraph_blank=rng.random() < spec["paragraph_blank"],
        kinsoku=rng.random() < spec["kinsoku"],
        half_width=half,
        straight_quotes=bool(half) and rng.random() < spec["straight_quotes"],
        digit_space=draw("digit_space_share") if rng.random() < spec["digit_space_page"] else 0.0,
        spread=draw("spread_share") if rng.random() < spec["spread_page"] else 0.0,
        indent=INDENTS[_weighted(rng, spec["indent"])],
        indent_share=draw("indent_share"),
    )


class StoryBuilder:
    """One item's printed rows: its headline block, and each other block as a unit of rows."""

    def __init__(self, spec: dict, style: Style, rng: random.Random):
        self.spec, self.style, self.rng = spec, style, rng
        self.roles = frozenset(spec["headline"]["byline_roles"])
        self.jump = rng.uniform(*spec["long_jump_share" if style.long_lines else "jump_share"])

    def story(self, item: TruthItem) -> Story:
        head: list[Row] = []
        body: list[Unit] = []
        number = item.number
        jitter = self.spec["width_jitter"]
        low, high = self.spec["width"]
        self.story_width = max(low, min(high, self.style.width + self.rng.randint(-jitter, jitter)))
        for index, block in enumerate(item.blocks):
            if block.role in ("column", "title", "subtitle"):
                head.extend(self.headline_rows(item, index))
            elif block.role == "byline":
                rows = self.byline_rows(item, index)
                if head and not head[-1].is_gap and self.rng.random() > self.spec["headline"]["blank_before_byline"]:
                    head.extend(rows)
                else:
                    body.append(Unit(number, "byline", rows))
            elif block.role == "credit":
                body.append(Unit(number, "credit", self.credit_rows(item, index)))
            elif block.role == "heading":
                body.append(Unit(number, "heading", [Row([Piece(block.text, item, index, True)])]))
            else:
                body.append(Unit(number, "para", self.paragraph_rows(item, index)))
        while head and head[-1].is_gap:
            head.pop()
        return Story(item, head, body)

    def headline_rows(self, item: TruthItem, index: int) -> list[Row]:
        """A column label, title or subtitle line; a title joined from two lines may print on two."""
        block, knobs, rng = item.blocks[index], self.spec["headline"], self.rng
        parts = [block.text]
        if block.role in ("title", "subtitle") and " " in block.text and rng.random() < knobs["split_title"]:
            cut = rng.choice([i for i, ch in enumerate(block.text) if ch == " "])
            parts = [block.text[:cut], block.text[cut + 1:]]
        rows = [Row([Piece(part, item, index, n == 0)], tight=True) for n, part in enumerate(parts)]
        if block.role != "column" and rng.random() < knobs["indent"]:
            rows[0].prefix = " "
        gap_key = "column_blank" if block.role == "column" else "blank_after_title"
        if len(parts) > 1 and block.role == "title" and self._next_role(item, index) == "subtitle":
            gap_key = "split_title_blank"  # else three stacked lines: which are the title?
        if block.role != "subtitle" and rng.random() < knobs[gap_key]:
            rows.append(Row(blanks=1))
        return rows

    @staticmethod
    def _next_role(item: TruthItem, index: int) -> str:
        return item.blocks[index + 1].role if index + 1 < len(item.blocks) else ""

    def byline_rows(self, item: TruthItem, index: int) -> list[Row]:
        text = item.blocks[index].text
        if self.rng.random() < self.spec["headline"]["spread_names"]:
            text = simtext.spread_name(text, self.roles)
        return [Row([Piece(text, item, index, True)], tight=True)]

    def credit_rows(self, item: TruthItem, index: int) -> list[Row]:
        """A photo credit on its own line, run in after the caption, or after a blank line."""
        text = item.blocks[index].text
        if self.rng.random() < self.spec["photo"]["spread_credit"]:
            text = simtext.spread_name(text, self.roles)
        where = _weighted(self.rng, self.spec["photo"]["credit"])
        piece = Piece(text, item, index, True)
        if where == "run_in":
            return [Row([piece], prefix=self.rng.choice([" ", "\u3000"]), run_in=True)]
        return [Row(blanks=1), Row([piece])] if where == "after_blank" else [Row([piece], tight=True)]

    def paragraph_rows(self, item: TruthItem, index: int) -> list[Row]:
        """A paragraph's damaged lines: marks, digit spaces, breaks, indent, spreads, column jumps."""
        style, rng, spec = self.style, self.rng, self.spec
        text, role = item.blocks[index].text, item.blocks[index].role
        if role in ("furniture", "noise"):
            return [Row([Piece(text, item, index, True)])]
        text = simtext.half_width_marks(text, style.half_width, rng, style.straight_quotes)
        text = simtext.space_digits(text, style.digit_space, rng, style.digit_space * spec["latin_space_share"])
        indent = style.indent if role != "caption" and rng.random() < style.indent_share else ""
        if style.long_lines:
            cut = simtext.split_at(text, rng) if len(text) > 8 and rng.random() < self.jump else None
            if cut:
                return [Row([Piece(cut[0], item, index, True)], prefix=indent), Row(jump=True),
                        Row([Piece(cut[1], item, index)])]
            return [Row([Piece(text, item, index, True)], prefix=indent)]
        if role == "caption":
            columns = rng.randint(*spec["caption_width"])
        else:
            lede = index == next(n for n, block in enumerate(item.blocks) if block.role == role)
            columns = self.column_width(lede)
        room = indent.replace("\t", "  ")  # the indent takes room on the first line
        lines = simtext.wrap(room + text, columns, rng, style.kinsoku)
        lines[0] = lines[0][len(room):]
        rows = []
        for n, line in enumerate(lines):
            if n and simtext.may_jump_after(lines[n - 1]) and rng.random() < self.jump:
                rows.append(Row(jump=True))
            if style.spread and len(line) > 3 and simtext.may_spread(line) and rng.random() < style.spread:
                line = simtext.spread(line)
            if rng.random() < spec["trailing_space"]:
                line += " "
            rows.append(Row([Piece(line, item, index, n == 0)], prefix=indent if n == 0 else ""))
        return rows

    def column_width(self, lede: bool) -> int:
        """The story's column; a lede is now and then set wider, across columns."""
        if lede and self.rng.random() < self.spec["wide_paragraph"]:
            return self.rng.randint(*self.spec["wide_width"])
        return self.story_width


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    names = sorted(weights)
    return rng.choices(names, [weights[name] for name in names])[0]


def pick_pages(folders: list[Path], pages: int, seed: int, mix: bool, spec: dict) -> list[list[TruthItem]]:
    """The truth of each simulated page: the given pages in turn, or (mix) items drawn from all of them.

    Folders whose items are the same texts (a dev page's truth for each extractor) count once.
    A mixed page may get a running head and foot made from the spec's furniture lines.
    """
    seen, truths = set(), []
    for folder in folders:
        items = read_truth(folder)
        key = tuple(item.text for item in items)
        if key not in seen:
            seen.add(key)
            truths.append(items)
    if not mix:
        return [truths[n % len(truths)] for n in range(pages)]
    rng = random.Random(seed)
    # The dev pages share stories, some with another headline: a story counts once, by its longest block.
    pool = list({max(item.blocks, key=lambda b: len(b.text)).text: item for items in truths for item in items}.values())
    chosen = []
    for _ in range(pages):
        items = rng.sample(pool, min(len(pool), rng.randint(*spec["mix"]["items"])))
        if rng.random() < spec["mix"]["furniture"]:
            items.insert(0, _furniture(spec["mix"], rng))
        chosen.append([dataclasses.replace(item, number=n) for n, item in enumerate(items, start=1)])
    return chosen


def _furniture(knobs: dict, rng: random.Random) -> TruthItem:
    lines = [rng.choice(options) for options in knobs["furniture_lines"]]
    lines = [line.replace("{n}", str(rng.randint(1, 16))) for line in lines]
    return TruthItem(0, "furniture", "", "", "", "", "", tuple(TruthBlock("furniture", line) for line in lines))


def main(argv: list[str] | None = None) -> int:
    """Write OUT/dumps/simNNN.txt, OUT/truth/simNNN/NN.md and OUT/labels/simNNN.tsv."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.factory.simulate", description=main.__doc__)
    parser.add_argument("truth", nargs="+", type=Path, help="truth folders (<stem>/NN.md), or folders of them")
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mix", action="store_true", help="recombine items of all pages into new pages")
    args = parser.parse_args(argv)
    folders = [path for folder in args.truth for path in truth_folders(folder)]
    if not folders:
        parser.error("no truth folders (folders of NN.md files) found")
    spec = load_spec()
    for n, items in enumerate(pick_pages(folders, args.pages, args.seed, args.mix, spec), start=1):
        stem = f"sim{n:03d}"
        data, labels = simulate_page_with_labels(items, args.seed * 100_003 + n, spec)
        (args.out / "dumps").mkdir(parents=True, exist_ok=True)
        (args.out / "dumps" / f"{stem}.txt").write_bytes(data)
        write_truth(items, args.out / "truth" / stem, f"{stem}.txt")
        (args.out / "labels").mkdir(parents=True, exist_ok=True)
        rows = "".join(format_row(label) + "\n" for label in labels)
        (args.out / "labels" / f"{stem}.tsv").write_text(rows, encoding="utf-8")
    print(f"{args.pages} pages written to {args.out}", file=sys.stderr)
    return 0


def truth_folders(path: Path) -> list[Path]:
    """The path itself if it holds NN.md files, else its subfolders that do."""
    holds_items = lambda folder: any(p.stem.isdigit() for p in folder.glob("*.md"))  # noqa: E731
    if not path.is_dir():
        return []
    if holds_items(path):
        return [path]
    return sorted(child for child in path.iterdir() if child.is_dir() and holds_items(child))


if __name__ == "__main__":
    sys.exit(main())
