"""Made-up newspaper pages, read the ways four extractors read them (for tests and fitting).

A page is a stack of bands; a band holds one to three stories side by side; a story has a
headline (maybe a subtitle and a byline) over its body, set in one to five columns of its own
width. Paragraphs are wrapped as a CJK typesetter wraps them (closing marks squeezed onto
the line, opening marks carried over, Latin and digit runs kept whole). Every printed line gets
a place (x, y) and its rank in reading order, then the page is read back as

- `raw` (pdftotext -raw, PyMuPDF): in reading order, a blank line after each block;
- `pdftotext` (default mode): a story's lines at one height joined left to right, one space
  at each gutter, an ASCII run spaced off its CJK neighbours; its stories one after another
  (now and then two stories' lines at one height in one line), a blank line between blocks;
- `paddle` (RapidOCR): every line alone, top to bottom across the page, lines whose tops
  differ by a few pixels left to right;
- `pdfminer`: as paddle, a blank line after every line.

`page(pool, extractor, seed)` returns the dump's lines as lists of (reading rank, piece), so
a test or benchmarks/columns_fit.py can tell how much of the order a de-interleaver recovers.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

CLOSERS = "，。、；：？！”’）》】」…,.;:?!)"
OPENERS = "“‘（《【「(["
_ASCII_RUN_RE = re.compile(r"[0-9A-Za-z.%\-]+")
_PAGE_WIDTH = 96  # characters of body type across the page
_HEAD_PITCH = 2.2  # a headline line's height in body lines


def width(text: str) -> float:
    """Printed width in CJK characters: Latin and digits half, and half again for the gap a
    typesetter leaves at each edge of a Latin or digit run set among CJK characters."""
    edges = len(re.findall(r"(?<=[^\x00-\x7f])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])(?=[^\x00-\x7f])", text))
    return sum(0.5 if ch.isascii() else 1.0 for ch in text if ch != " ") + 0.5 * edges


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
    """One printed line: its text, left edge, top, rank in reading order, and the block it is in."""

    text: str
    x: float
    y: float
    order: int
    block: int  # lines of one block (a headline, a story's body) are read together by pdftotext


@dataclass
class _Story:
    head: list[str]
    paragraphs: list[str]


def stories(pool: list[str], rng: random.Random, count: int) -> list[_Story]:
    """Stories cut from the pool: a headline from a paragraph's start, then three to nine paragraphs."""
    out = []
    for _ in range(count):
        start = rng.randrange(len(pool))
        body = pool[start:start + rng.randint(3, 9)] or pool[:3]
        head = [re.split(r"[，。：；！？]", body[0])[0][:rng.randint(8, 18)]]
        if rng.random() < 0.4:
            head.append("——" + re.split(r"[，。：；！？]", body[-1])[0][:rng.randint(8, 16)])
        if rng.random() < 0.5:
            head.append("本报记者 " + rng.choice(["王欣", "李照星", "郑林", "杨翠叶", "陈晓", "高野鹏"]))
        out.append(_Story(head, body))
    return out


def layout(page: list[list[_Story]], rng: random.Random) -> list[Placed]:
    """Bands of stories side by side; each story a headline block over its columns."""
    placed: list[Placed] = []
    order = block = 0
    top = 0.0
    for band in page:
        x = 0.0
        bottom = top
        share = _PAGE_WIDTH / len(band)
        for story in band:
            columns = rng.randint(1, 5) if len(band) == 1 else rng.randint(1, 3)
            col_width = max(11, min(24, int((share - columns + 1) / columns)))
            y = top
            for line in story.head:
                placed.append(Placed(line, x, y, order, block))
                order += 1
                y += _HEAD_PITCH if not line.startswith("本报") else 1.2
            block += 1
            lines = [line for p in story.paragraphs for line in wrap(p, col_width)]
            height = -(-len(lines) // columns)
            pitch = rng.choice([1.0, 1.0, rng.uniform(0.9, 1.15)])
            for c in range(columns):
                col_top = y + (rng.uniform(0.5, 3) if c and rng.random() < 0.1 else 0.0)  # a heading above it
                for r, text in enumerate(lines[c * height:(c + 1) * height]):
                    placed.append(Placed(text, x + c * (col_width + 1), col_top + r * pitch, order, block))
                    order += 1
                    bottom = max(bottom, col_top + r * pitch)
            block += 1
            x += columns * (col_width + 1) + 2
        top = bottom + 3
    return placed


def read_raw(placed: list[Placed], rng: random.Random) -> list[list[tuple[int, str]]]:
    out: list[list[tuple[int, str]]] = []
    for p, q in zip(placed, placed[1:] + [None]):
        out.append([(p.order, p.text)])
        if q is not None and q.block != p.block:
            out.append([])
    return out


def read_pdftotext(placed: list[Placed], rng: random.Random) -> list[list[tuple[int, str]]]:
    """A block's lines at one height joined left to right; blocks in order, now and then two merged."""
    blocks: dict[int, list[Placed]] = {}
    for p in placed:
        blocks.setdefault(p.block, []).append(p)
    out: list[list[tuple[int, str]]] = []
    keys = sorted(blocks)
    k = 0
    while k < len(keys):
        group = blocks[keys[k]]
        # two stories' bodies side by side whose lines share heights: pdftotext may read them as one
        if k + 2 < len(keys) and rng.random() < 0.25 and len(group) > 3:
            nxt = blocks[keys[k + 2]]
            if abs(nxt[0].y - group[0].y) < 0.05 and nxt[0].x > group[0].x:
                group = group + nxt
                keys.pop(k + 2)
        rows: dict[float, list[Placed]] = {}
        for p in group:
            rows.setdefault(round(p.y, 1), []).append(p)
        for y in sorted(rows):
            row = sorted(rows[y], key=lambda p: p.x)
            cut = rng.randrange(1, len(row)) if len(row) > 1 and rng.random() < 0.08 else len(row)
            for part in (row[:cut], row[cut:]):
                if part:
                    out.append([(p.order, _space_ascii(p.text)) for p in part])
        out.append([])
        k += 1
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
    """As paddle, a blank line after every line."""
    out: list[list[tuple[int, str]]] = []
    for line in read_paddle(placed, rng):
        out.extend((line, []))
    return out


READERS = {"raw": read_raw, "pdftotext": read_pdftotext, "paddle": read_paddle, "pdfminer": read_pdfminer}


def page(pool: list[str], extractor: str, seed: int) -> tuple[list[list[tuple[int, str]]], int]:
    """(dump lines as [(reading rank, piece)] lists, the number of printed lines) for one page."""
    lines, placed = placed_page(pool, extractor, seed)
    return lines, len(placed)


def placed_page(pool: list[str], extractor: str, seed: int) -> tuple[list[list[tuple[int, str]]], list[Placed]]:
    """The dump's lines and the printed lines they came from (each with its column: block and x)."""
    rng = random.Random(seed)
    bands = [stories(pool, rng, rng.choice([1, 1, 2, 2, 3])) for _ in range(rng.randint(1, 3))]
    placed = layout(bands, rng)
    return READERS[extractor](placed, rng), placed


def clean_page(pool: list[str], extractor: str, seed: int) -> tuple[list[list[tuple[int, str]]], int]:
    """One story in two to four columns of one width, rows level, read without jitter or cuts."""
    rng = random.Random(seed)
    columns, col_width = rng.randint(2, 4), rng.randint(13, 22)
    start = rng.randrange(len(pool))
    paragraphs = (pool[start:] + pool)[:12]
    lines = [line for p in paragraphs for line in wrap(p, col_width)]
    rows = max(10, min(30, len(lines) // columns))
    lines = lines[:rows * columns]
    placed = [Placed(text, (k // rows) * (col_width + 1), float(k % rows), k, 0) for k, text in enumerate(lines)]
    if extractor == "pdftotext":
        out = []
        for r in range(rows):
            out.append([(p.order, _space_ascii(p.text)) for p in placed if p.y == r])
        return out, len(placed)
    ordered = sorted(placed, key=lambda p: (p.y, p.x))
    if extractor == "pdfminer":
        return [line for p in ordered for line in ([(p.order, p.text)], [])], len(placed)
    return [[(p.order, p.text)] for p in ordered], len(placed)


def numbered(lines: list[list[tuple[int, str]]]) -> list[tuple[int, str]]:
    """The dump as the pipeline numbers it."""
    return [(no, " ".join(piece for _, piece in line)) for no, line in enumerate(lines, 1)]
