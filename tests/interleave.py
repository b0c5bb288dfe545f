"""Made-up multi-column pages, interleaved the ways three extractors interleave them.

Paragraphs are wrapped at a column width as a CJK typesetter wraps them (closing marks
squeezed onto the line, opening marks carried over, Latin and digit runs kept whole), set
in columns side by side, given y positions, and read back as

- `pdftotext` (default mode): the lines at one height joined left to right, one space at
  each gutter; an ASCII run spaced off its CJK neighbours;
- `pdfminer`: every line alone, a blank line after it, now and then two or three lines of
  one column together;
- `paddle` (RapidOCR): every line alone, sorted top to bottom across the page, lines whose
  tops differ by less than a few pixels left to right.

`page(...)` returns the dump's lines and the true reading order of its pieces, so a test or
`benchmarks/columns_fit.py` can tell how much of the order a de-interleaver recovers.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

CLOSERS = "，。、；：？！”’）》】」…,.;:?!)"
OPENERS = "“‘（《【「(["
_ASCII_RUN_RE = re.compile(r"[0-9A-Za-z.%\-]+")
_SPACED_RUN_RE = re.compile(r"(?<=[^\x00-\x7f])([0-9A-Za-z][0-9A-Za-z.%\-]*)|([0-9A-Za-z.%\-]*[0-9A-Za-z%])(?=[^\x00-\x7f])")


def width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text if ch != " ")


def _tokens(paragraph: str) -> list[str]:
    """Characters, with Latin and digit runs kept whole (a line never splits 59.4)."""
    out, at = [], 0
    for m in _ASCII_RUN_RE.finditer(paragraph):
        out.extend(paragraph[at:m.start()])
        out.append(m.group())
        at = m.end()
    out.extend(paragraph[at:])
    return out


def wrap(paragraph: str, columns: float) -> list[str]:
    """Lines of at most `columns` wide, but for closing marks squeezed onto a full line.

    >>> wrap("今天下雨了，我们都在家里。", 5)
    ['今天下雨了，', '我们都在家', '里。']
    """
    lines: list[str] = []
    line = ""
    for token in _tokens(paragraph):
        if line and width(line + token) > columns and not (len(token) == 1 and token in CLOSERS):
            carry = ""
            while line and line[-1] in OPENERS:  # an opening mark never ends a line
                carry = line[-1] + carry
                line = line[:-1]
            if line:
                lines.append(line)
            line = carry
        line += token
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Placed:
    """One printed line: its text, its column's left edge, its top, its place in reading order."""

    text: str
    x: float
    y: float
    order: int


def layout(articles: list[list[str]], rng: random.Random) -> list[Placed]:
    """Set articles side by side, each in 1–4 columns of its own width, at varied tops and pitches."""
    placed: list[Placed] = []
    x = 0.0
    order = 0
    for paragraphs in articles:
        columns = rng.randint(2, 5)
        col_width = rng.randint(11, 24)
        lines = [line for p in paragraphs for line in wrap(p, col_width)]
        height = -(-len(lines) // columns)
        top = rng.choice([0.0, 0.0, rng.uniform(0, 6)])
        pitch = rng.choice([1.0, 1.0, rng.uniform(0.85, 1.2)])
        for c in range(columns):
            chunk = lines[c * height:(c + 1) * height]
            col_top = top + (rng.uniform(0, 3) if c and rng.random() < 0.15 else 0.0)  # a heading pushed it down
            for r, text in enumerate(chunk):
                placed.append(Placed(text, x, col_top + r * pitch, order))
                order += 1
            x += col_width + 1
    return placed


def read_pdftotext(placed: list[Placed], rng: random.Random) -> list[list[tuple[int, str]]]:
    """Dump lines as lists of (reading order, piece text): lines at one height joined left to right."""
    rows: dict[float, list[Placed]] = {}
    for p in placed:
        rows.setdefault(round(p.y, 1), []).append(p)
    out = []
    for y in sorted(rows):
        row = sorted(rows[y], key=lambda p: p.x)
        cut = rng.randrange(1, len(row)) if len(row) > 1 and rng.random() < 0.1 else len(row)
        for part in (row[:cut], row[cut:]):
            if part:
                out.append([(p.order, _space_ascii(p.text)) for p in part])
    return out


def _space_ascii(text: str) -> str:
    """pdftotext sets an ASCII run off its CJK neighbours with spaces (施肥 59.4 公斤)."""
    text = re.sub(r"(?<=[^\x00-\x7f])(?=[0-9A-Za-z])", " ", text)
    return re.sub(r"(?<=[0-9A-Za-z%])(?=[^\x00-\x7f])", " ", text)


def read_paddle(placed: list[Placed], rng: random.Random) -> list[list[tuple[int, str]]]:
    """Every line alone, by top (with a little jitter), then left to right where tops are close."""
    keyed = sorted(placed, key=lambda p: (p.y + rng.uniform(-0.08, 0.08), p.x))
    for i in range(len(keyed) - 1):  # RapidOCR's pass: near tops, left first
        a, b = keyed[i], keyed[i + 1]
        if abs(a.y - b.y) < 0.3 and b.x < a.x:
            keyed[i], keyed[i + 1] = b, a
    return [[(p.order, p.text)] for p in keyed]


def read_pdfminer(placed: list[Placed], rng: random.Random) -> list[list[tuple[int, str]]]:
    """Like paddle, every line followed by a blank; sometimes 2–3 lines of one column in a row."""
    lines = read_paddle(placed, rng)
    out: list[list[tuple[int, str]]] = []
    for line in lines:
        out.append(line)
        out.append([])
    return out


READERS = {"pdftotext": read_pdftotext, "paddle": read_paddle, "pdfminer": read_pdfminer}


def page(paragraph_pool: list[str], extractor: str, seed: int, articles: int = 0):
    """(dump lines as [(order, piece)] lists, number of pieces) for one made-up region."""
    rng = random.Random(seed)
    articles = articles or rng.randint(1, 3)
    chosen = []
    for _ in range(articles):
        start = rng.randrange(len(paragraph_pool))
        chosen.append(paragraph_pool[start:start + rng.randint(3, 9)])
    placed = layout(chosen, rng)
    return READERS[extractor](placed, rng), len(placed)
