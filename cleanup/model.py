"""The plain, immutable objects that flow between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run can be asked to do differently."""

    encoding: str | None = None  # force a decoding instead of detecting one
    convert: str | None = None  # OpenCC configuration, e.g. "t2s"
    trace: bool = False  # record every rule's change (for `cleanup explain`)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the dump, characters normalized, indent measured and removed."""

    no: int  # 1-based line number in the dump
    text: str
    indent: bool = False  # printed with a leading space, U+3000 or tab


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a headline-like line, with the dump lines it came from."""

    text: str
    first: int  # first dump line number
    last: int  # last dump line number
    role: str = "body"
    width: float = 0.0  # the printed column width of its region, in CJK characters
    measure: float = 0.0  # its own longest line, in CJK characters
    lines: int = 1  # how many dump lines it joins
    gap_before: int = 0  # blank lines printed before it
    # its dump lines as runs of consecutive numbers, in reading order, where they are not first..last:
    # the column stage reorders lines, so a paragraph may run on from line 26 to line 22
    runs: tuple[tuple[int, int], ...] = ()
    cuts: tuple[int, ...] = ()  # where in text each of its further dump lines starts
    under_junk: bool = False  # lines set aside as noise (a picture's remains) stand right above it, blanks between at most
    inside_sentence: bool = False  # set apart inside a sentence the text round it goes on (JN93): a caption with no credit

    @property
    def line_runs(self) -> tuple[tuple[int, int], ...]:
        return self.runs or ((self.first, self.last),)


@dataclass(frozen=True, slots=True)
class Step:
    """One rule's change, for `cleanup explain`."""

    code: str
    name: str
    first: int
    last: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Item:
    """One output file: an article, a photo or a note."""

    kind: str
    first: int  # the dump line of the item's earliest block: its number's key
    column: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    credit: str = ""
    body: tuple[tuple[str, str], ...] = ()  # ("p" | "h2", text) in reading order
    warnings: tuple[str, ...] = ()
    # (first dump line, last dump line, role) per block, in reading order; role is one of
    # title, subtitle, byline, body, heading, caption, credit, column, furniture, noise
    spans: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """What cleaning one dump produced."""

    source: str
    items: tuple[Item, ...]
    warnings: tuple[str, ...] = ()
    steps: tuple[Step, ...] = field(default=())
    text: str = ""  # the decoded dump its line numbers count in (the manifest keeps a copy)
