"""The simulated page's reading order and its printed lines.

Extractors read a page in their own order: a headline after its story (sample 003), the
headlines of several briefs stacked after them (sample 000), a caption in the middle of the
story before it at a column jump (devset sim05), a feature's body after the briefs under its
headline. Every move here keeps the items' order of first appearance, so the truth's file
numbers stay right.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import simtext
from .linelabel import LineLabel, Segment
from .truth import TruthItem


@dataclass(slots=True)
class Piece:
    """Text of one truth block on one printed line."""

    text: str
    item: TruthItem
    block: int
    first: bool = False  # holds the block's first character


@dataclass(slots=True)
class Row:
    """A printed line (pieces) or a gap of blank lines (no pieces)."""

    pieces: list[Piece] = field(default_factory=list)
    prefix: str = ""  # indent, or the space before a run-in credit
    tight: bool = False  # stays right under the line above, even on a double-spaced page
    blanks: int = 0  # a gap: this many blank lines
    jump: bool = False  # a gap at a column jump: sized by the page's spacing
    run_in: bool = False  # printed at the end of the line above

    @property
    def is_gap(self) -> bool:
        return not self.pieces


@dataclass(slots=True)
class Style:
    """What one page draws once: its typesetter's and its extractor's habits."""

    long_lines: bool
    width: int
    double: bool
    paragraph_blank: bool
    kinsoku: bool
    half_width: float
    straight_quotes: bool
    digit_space: float
    spread: float
    indent: str
    indent_share: float


@dataclass(slots=True)
class Unit:
    """Rows that move together: a headline block, a paragraph, a byline, a credit."""

    story: int  # the item's number
    kind: str  # head, run, para, heading, byline, credit
    rows: list[Row]


@dataclass(slots=True)
class Story:
    item: TruthItem
    head: list[Row]  # column label, title, subtitle, and a byline set right under them
    body: list[Unit]  # byline, paragraphs, headings, credit


def order_units(stories: list[Story], spec: dict, style: Style, rng: random.Random) -> list[Row]:
    """All rows of the page in the extractor's order, gaps between units included."""
    knobs = spec["headline"]
    slots = [([Unit(story.item.number, "head", story.head)] if story.head else []) + story.body for story in stories]
    movable = [_has_headline(story) and bool(story.body) and story.item.kind == "article" for story in stories]
    tail: list[Unit] = []
    run = _pick_run(movable, knobs, rng)
    if run:
        heads = [slots[n].pop(0) for n in run]
        rows = []
        for head in heads:
            gap = [Row(blanks=1)] if rows and rng.random() < knobs["run_blank"] else []
            rows += gap + head.rows
        slots[run[-1]].append(Unit(stories[run[-1]].item.number, "run", rows))
    for n in range(len(stories)):
        if movable[n] and n not in run and rng.random() < knobs["displaced"]:
            moved = 2 if len(slots[n]) > 2 and slots[n][1].kind == "byline" else 1  # the byline goes along
            slots[n] = slots[n][moved:] + slots[n][:moved]
            movable[n] = False
    later = [n for n in range(len(stories)) if movable[n] and n not in run]
    if later and rng.random() < knobs["body_later"]:
        tail = slots[later[0]][1:]
        del slots[later[0]][1:]
    for n in range(1, len(stories)):
        host_kind, kind = stories[n - 1].item.kind, stories[n].item.kind
        if kind == "photo" and host_kind in ("article", "note") and rng.random() < spec["photo"]["into_story"]:
            if _drop_into(slots[n - 1], slots[n], spec, style, rng):
                slots[n] = []
    _split_furniture(stories, slots, tail, rng)
    units = [unit for slot in slots for unit in slot] + tail
    return _join(units, spec, style, rng)


def _has_headline(story: Story) -> bool:
    return any(block.role == "title" for block in story.item.blocks) and bool(story.head)


def _pick_run(movable: list[bool], knobs: dict, rng: random.Random) -> list[int]:
    """Two to four neighbouring articles whose headlines are printed together after them."""
    if rng.random() >= knobs["run"]:
        return []
    size = rng.randint(*knobs["run_size"])
    starts = [n for n in range(len(movable) - size + 1) if all(movable[n:n + size])]
    if not starts:
        return []
    start = rng.choice(starts)
    return list(range(start, start + size))


def _drop_into(host: list[Unit], photo: list[Unit], spec: dict, style: Style, rng: random.Random) -> bool:
    """Put a photo's caption and credit inside one of the host story's paragraphs, at a column jump."""
    paragraphs = [unit for unit in host if unit.kind == "para" and _printed(unit.rows) >= (1 if style.long_lines else 2)]
    if not paragraphs or not photo:
        return False
    unit = rng.choice(paragraphs)
    printed = [i for i, row in enumerate(unit.rows) if not row.is_gap]
    if style.long_lines:
        piece = unit.rows[printed[0]].pieces[0]
        cut = simtext.split_at(piece.text, rng)
        if not cut:
            return False
        piece.text = cut[0]
        at = printed[0] + 1
        unit.rows[at:at] = [Row([Piece(cut[1], piece.item, piece.block)])]
    else:
        cuts = [i for before, i in zip(printed, printed[1:]) if simtext.may_jump_after(unit.rows[before].pieces[-1].text)]
        if not cuts:
            return False
        at = rng.choice(cuts)
    inner = _join(photo, spec, style, rng)
    unit.rows[at:at] = [Row(jump=True)] + inner + [Row(jump=True)]
    return True


def _printed(rows: list[Row]) -> int:
    return sum(not row.is_gap for row in rows)


def _split_furniture(stories: list[Story], slots: list[list[Unit]], tail: list[Unit], rng: random.Random) -> None:
    """A first furniture item is the running head; some of its lines go to the foot of the page."""
    if not stories or stories[0].item.kind != "furniture" or len(slots[0]) < 2:
        return
    foot = rng.randint(0, len(slots[0]) - 1)
    if foot:
        tail.extend(slots[0][-foot:])
        del slots[0][-foot:]


def _join(units: list[Unit], spec: dict, style: Style, rng: random.Random) -> list[Row]:
    """Units to rows, with the gap each pair of neighbours gets."""
    rows: list[Row] = []
    for previous, unit in zip([None, *units], units):
        if previous is not None and unit.kind != "credit":  # a credit's rows say how it stands
            rows.append(Row(blanks=_gap(previous, unit, spec, style, rng)))
        rows.extend(unit.rows)
    return rows


def _gap(previous: Unit, unit: Unit, spec: dict, style: Style, rng: random.Random) -> int:
    if previous.story != unit.story:
        return rng.randint(*spec["item_gap"]) if rng.random() < spec["item_gap_run"] else 1
    if "heading" in (previous.kind, unit.kind) or "head" in (previous.kind, unit.kind) or style.paragraph_blank:
        return 1
    return 0


def emit_lines(rows: list[Row], style: Style, spec: dict, rng: random.Random) -> list[LineLabel]:
    """Rows to numbered lines: gaps and double spacing resolved, each line's segments recorded."""
    lines: list[tuple[str, list[tuple[int, int, Piece]]]] = []
    if rng.random() < spec["leading_blanks_chance"]:
        lines += [("", [])] * rng.randint(*spec["leading_blanks"])
    pending, started = 0, False
    for row in rows:
        if row.is_gap:
            size = (rng.randint(*spec["double_jump_blanks"]) if style.double else 1) if row.jump else row.blanks
            pending = max(pending, size)
            continue
        if row.run_in and lines and lines[-1][1] and not pending:
            text, marks = lines.pop()
        else:
            if started:
                lines += [("", [])] * (pending or (1 if style.double and not row.tight else 0))
            text, marks = "", []
        text += row.prefix
        for piece in row.pieces:
            start = len(text) + len(piece.text) - len(piece.text.lstrip())
            text += piece.text
            marks.append((start, len(text.rstrip()), piece))
        lines.append((text, marks))
        pending, started = 0, True
    return _label(lines)


def _label(lines: list[tuple[str, list[tuple[int, int, Piece]]]]) -> list[LineLabel]:
    labels, seen = [], set()
    for no, (text, marks) in enumerate(lines, start=1):
        segments = []
        for start, end, piece in marks:
            item = piece.item
            segments.append(Segment(start, end, item.blocks[piece.block].role, item.number, piece.block, item.kind,
                                    piece.first, item.number not in seen))
            seen.add(item.number)
        labels.append(LineLabel(no, text, tuple(segments)))
    return labels

