"""What one dump line holds: the record the simulator keeps and the labeller reconstructs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a line that belongs to one truth block (or to none: `noise`)."""

    start: int  # offsets in the line's text, white space at both ends left out
    end: int
    role: str  # title, subtitle, byline, body, heading, caption, credit, column, furniture, noise
    item: int | None  # the truth item's number (its NN.md), None for text in no item
    block: int | None  # the block's index in that item's blocks
    kind: str = ""  # the item's kind: article, photo, note, furniture, noise
    starts_block: bool = False  # holds the block's first character
    starts_item: bool = False  # the first stretch of the item in the dump


@dataclass(frozen=True, slots=True)
class LineLabel:
    no: int  # 1-based, as `cleanup` counts lines (LF, CRLF or CR)
    text: str
    segments: tuple[Segment, ...] = ()  # none for a blank line

    @property
    def role(self) -> str:
        """`blank`, one role, or the roles of several segments joined by +."""
        return "+".join(segment.role for segment in self.segments) or "blank"

    def key(self) -> tuple:
        """What two labellings of the line must agree on: each segment's item, block and role."""
        return tuple((segment.item, segment.block, segment.role) for segment in self.segments)


def format_row(label: LineLabel) -> str:
    """One printed row: no, role, item, block, starts (I item, B block, - neither), text."""
    parts = label.segments or ()
    item = "+".join("-" if s.item is None else str(s.item) for s in parts) or "-"
    block = "+".join("-" if s.block is None else str(s.block) for s in parts) or "-"
    starts = "+".join(("I" if s.starts_item else "") + ("B" if s.starts_block else "") or "-" for s in parts) or "-"
    return f"{label.no}\t{label.role}\t{item}\t{block}\t{starts}\t{label.text}"
