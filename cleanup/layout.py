"""Dump text -> lines -> blocks: measure the page's layout, then join wrapped lines."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

import regex

from . import lexicon, seams, shapes
from .join import TAIL, TIME_OPENER_RE, Joiner, Seam, glue
from .model import Block, Line, Step

_INDENT = (" ", "\u3000", "\t")
_NEVER_OPENS = lexicon.load().never_start  # marks a printed line never opens with (a cut piece does)
_WINDOW = 8  # lines either side that set a line's column width
_PADDING_SPACES = 3  # spaces an extractor puts beside digits in one line; more spread the line


@dataclass(frozen=True, slots=True)
class Layout:
    lengths: tuple[float, ...]  # per non-blank line, measured once: this runs on every line
    standalone: tuple[bool, ...]  # per non-blank line: bylines, credits, couplets
    widths: tuple[float | None, ...]  # per non-blank line
    double_spaced: bool
    indents_mean_paragraphs: bool
    grid: bool = False  # lengths are character counts on a fixed grid (_grid_set)


def split_lines(text: str) -> list[tuple[int, str]]:
    """Split on any line end (LF, CRLF, CR), keeping 1-based line numbers.

    >>> split_lines("a\\r\\nb\\rc\\n")
    [(1, 'a'), (2, 'b'), (3, 'c')]
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return list(enumerate(text.split("\n"), start=1))


def make_line(no: int, text: str) -> Line:
    """A dump line, stripped; indented unless the one space before it is an extractor's digit space.

    >>> make_line(1, "　　基层治理").indent, make_line(2, " 120 日，累计接待").indent
    (True, False)
    """
    stripped = text.strip()
    indented = text.startswith(_INDENT) and bool(stripped)
    if indented and text[0] == " " and text[1:2] != " " and stripped[:1].isascii() and stripped[:1].isalnum():
        indented = False  # (每 / 2 个月 wrapped: the space beside the digit is not an indent)
    return Line(no, stripped, indented)


def measure(lines: list[Line], gaps: list[int], counts: list[int] | None = None, near: bool = False) -> Layout:
    """Find each line's column width, and whether blank lines or indents carry meaning.

    counts: each line's characters as printed, spaces included; they measure the lines instead
    when the page was set on a grid of so many characters a line (see _grid_set).
    near: where the page's wide window finds no width, measure the running text of a line's nearest lines
    (_near_width); not on a page read by OCR, whose line boxes are the engine's, nor on its dealt boxes.
    """
    lengths = tuple(shapes.display_length(line.text) for line in lines)
    alone = tuple(shapes.standalone(line.text) for line in lines)
    grid = counts is not None and _grid_set(lengths, counts, alone)
    if grid:
        lengths = tuple(map(float, counts))
    # standalone lines (bylines, couplets) say nothing of the column width
    usable = [length >= 4 and not solo for length, solo in zip(lengths, alone)]
    widths = _block_widths(lengths, usable, gaps, list(_local_widths(lengths, usable)), [line.text for line in lines])
    adjacent = sum(1 for gap in gaps[1:] if gap == 0)
    double_spaced = len(lines) >= 8 and adjacent < 0.1 * len(lines)
    if near and None in widths:  # the last resort, where neither the wide window nor a run's own measure gives one
        parts = None if double_spaced else list(itertools.accumulate(1 if gap else 0 for gap in gaps))
        widths = _near_widths(widths, lengths, _running(lines, gaps), alone, lines, parts)
    indented = sum(1 for line in lines if line.indent)
    return Layout(lengths, alone, widths, double_spaced, 0 < indented < 0.6 * len(lines), grid)


def _grid_set(lengths: tuple[float, ...], counts: list[int], alone: tuple[bool, ...]) -> bool:
    """Whether lines agree far better on their character count than on their printed width.

    Some extractors pad every full line to the same number of characters (spaces included),
    whatever its digits and Latin letters: there the count, not the width, tells a full line.

    >>> _grid_set((26.0, 24.5, 20.0, 26.0), [27, 27, 27, 27], (False,) * 4)
    True
    >>> _grid_set((16.0, 16.0, 15.5, 9.0), [16, 16, 17, 9], (False,) * 4)
    False
    """
    usable = [k for k, length in enumerate(lengths) if length >= 4 and not alone[k]]
    if len(usable) < 4:
        return False
    by_count = Counter(counts[k] for k in usable).most_common(1)[0][1]
    by_width = Counter(round(lengths[k]) for k in usable).most_common(1)[0][1]
    return by_count >= _GRID_SHARE * len(usable) and by_count - by_width >= _GRID_MARGIN * len(usable)


_GRID_SHARE = 0.5  # of usable lines at the one most common character count
_GRID_MARGIN = 0.15  # more of them than at the most common width


def _block_widths(lengths, usable, gaps, widths: list[float | None],
                  texts: list[str] | None = None) -> tuple[float | None, ...]:
    """A run of three or more lines with no blank between them keeps its own, narrower width.

    A caption set in a narrow column between body columns would otherwise take
    the width of the body lines around it, and every line of it would look short.
    A run that ends in a photo credit (……活动。 新华社记者 谢忠岩 摄) is a caption:
    any clearly narrower measure is then its own.

    >>> body, run = [20.0] * 6, [14.0, 15.0, 14.0, 14.0, 14.0, 20.0]
    >>> _block_widths(body + run, [True] * 12, [0] * 6 + [1] + [0] * 5, [20.0] * 12)[6:]
    (20.0, 20.0, 20.0, 20.0, 20.0, 20.0)
    >>> texts = ["正文"] * 11 + ["通安全宣传活动。 新华社记者 谢忠岩 摄"]
    >>> _block_widths(body + run, [True] * 12, [0] * 6 + [1] + [0] * 5, [20.0] * 8 + [15.0] * 4, texts)[6:]
    (15.0, 15.0, 15.0, 15.0, 15.0, 15.0)
    """
    start = 0
    for end in range(1, len(lengths) + 1):
        if end < len(lengths) and not gaps[end]:
            continue
        inner = [lengths[k] for k in range(start, end) if usable[k]][:-1]  # the last line may be short
        if end - start >= 3 and len(inner) >= 2:
            own = max(inner)
            captioned = texts is not None and _credited(texts[end - 1])
            # a caption's own lines pull the local width of its last lines down to theirs: the widest is the page's
            wide = (max if captioned else min)((widths[k] for k in range(start, end) if widths[k]), default=None)
            narrower = _CAPTION_NARROWER if captioned else _RUN_NARROWER
            if min(inner) >= 0.6 * own and (wide is None or own < narrower * wide):
                for k in range(start, end):
                    widths[k] = float(round(own))
        start = end
    return tuple(widths)


def _credited(text: str) -> bool:
    """A photo credit, alone or run in after its caption's last sentence."""
    return shapes.is_credit(text) or bool(shapes.run_in_credit(text))


_RUN_NARROWER = 0.75  # a run of lines this much narrower than the column around keeps its own width
_CAPTION_NARROWER = 0.9  # so much, where a credit ends the run


def _local_widths(lengths: tuple[float, ...], usable: list[bool]) -> tuple[float | None, ...]:
    """Each line's column width: the most common line length within _WINDOW lines of it.

    The window slides down the page (the line _WINDOW below enters, the one _WINDOW + 1
    above leaves), so its tallies are updated, not recounted.

    >>> _local_widths((12, 12, 5, 12.4, 30), [True] * 5)
    (12.0, 12.0, 12.0, 12.0, 12.0)
    >>> _local_widths((12, 12, 5), [True, True, False])
    (None, None, None)
    """
    rounded = [round(length) if ok else None for length, ok in zip(lengths, usable)]
    edge = [None] * (_WINDOW + 1)
    padded = edge + rounded + edge
    counts: dict[int, int] = {}  # usable lines in the window, by rounded length
    support: dict[int, int] = {}  # usable lines in the window within one of a length
    for c in rounded[:_WINDOW]:
        _tally(counts, support, c, 1)
    widths: list[float | None] = []
    for entering, leaving in zip(padded[2 * _WINDOW + 1:], padded[: len(rounded)]):
        if widths and entering == leaving:  # wrapped text: the same length in and out changes nothing
            widths.append(widths[-1])
            continue
        _tally(counts, support, entering, 1)
        _tally(counts, support, leaving, -1)
        widths.append(_mode_width(counts, support))
    return tuple(widths)


def _near_widths(widths: tuple[float | None, ...], lengths: tuple[float, ...], running: list[bool],
                 alone: tuple[bool, ...], lines: list[Line], parts: list[int] | None = None) -> tuple[float | None, ...]:
    """Where no width was found, the running text's within _NEAR lines (_near_width); not for a line set
    apart (a byline, a credit, a dash line: a deck or a pull quote), whose shortness says nothing.
    parts: each line's run of lines with no blank between them, where blanks part blocks (not on a
    double-spaced page): the near lines are those of the line's own run (a blank is a story's or a column's edge).

    >>> lines = [make_line(k, t) for k, t in enumerate(("——激发爱国热情。", "为集中展示", "开设专栏，刊发", "来信和基层，干部", "的体会，经验"))]
    >>> running, alone = [False, False, True, True, True], (False,) * 5
    >>> _near_widths((None,) * 5, (8.0, 5.0, 7.0, 8.0, 6.0), running, alone, lines)
    (None, 7.0, 7.0, 7.0, 7.0)
    >>> _near_widths((None,) * 5, (8.0, 5.0, 7.0, 8.0, 6.0), running, alone, lines, [0, 0, 0, 1, 1])
    (None, None, None, None, None)
    """
    text = [round(length) if run else None for length, run in zip(lengths, running)]
    parts = parts or [0] * len(lines)
    out = list(widths)
    for k, width in enumerate(widths):
        if width is None and not alone[k] and not lines[k].text.startswith(shapes.DASHES):
            lo = max(k - _NEAR, 0)
            near = [c if parts[j] == parts[k] else None for j, c in enumerate(text[lo: k + _NEAR + 1], lo)]
            out[k] = _near_width(near, k - lo, lengths[k])
    return tuple(out)


def _near_width(rounded: list[int | None], k: int, own: float | None = None) -> float | None:
    """Where the wide window finds no width (lines of several columns and stories mixed), the most
    common length within _NEAR lines of line k, if as many lines share it (a short run of one column).
    Only running text is counted: a headline's stacked lines of one length are no column.
    A line far longer than that width (own: its length) is not of that column.

    >>> _near_width([36, 30, None, 11, 13, 13, 13, 13, 40, 9, 25], 3), _near_width([36, 30, 8, 11, 25, 13], 3)
    (13.0, None)
    >>> _near_width([16, 16, 14, 27, 20, 20, 20, 12], 3, 27.0), _near_width([16, 16, 14, 27, 20, 20, 20, 12], 3, 20.0)
    (None, 20.0)
    """
    counts: dict[int, int] = {}
    support: dict[int, int] = {}
    for c in rounded[max(k - _NEAR, 0): k + _NEAR + 1]:
        _tally(counts, support, c, 1)
    width = _mode_width(counts, support)
    return None if width is None or (own is not None and own > width + _OVER) else width


_OVER = 2  # a line this much longer than its near lines' width is no line of their column


def _running(lines: list[Line], gaps: list[int]) -> list[bool]:
    """The lines of running text whose lengths are a column's (_near_width's samples): lines with body
    punctuation, but no dash line and no piece of a printed line (pdftotext -raw starts a new line at some quotes: the piece
    after opens with a mark no printed line opens with, and neither piece is as long as the column).

    >>> [k for k, run in enumerate(_running([make_line(1, t) for t in ("领导的关怀下，社区工作", "“一支队伍管执法”", "，取得明显成效。", "标题")], [0] * 4)) if run]
    [0]
    """
    running = [bool(shapes.BODY_PUNCT_RE.search(line.text)) for line in lines]
    for k, line in enumerate(lines):
        if line.text.startswith(shapes.DASHES):
            running[k] = False  # a deck or pull quote, not the column's text
        if line.text[:1] in _NEVER_OPENS:
            running[k] = False
            if k and not gaps[k]:
                running[k - 1] = False
    return running


_NEAR = 3  # lines either side that set a line's column width where _WINDOW's lines agree on none


def _tally(counts: dict[int, int], support: dict[int, int], c: int | None, step: int) -> None:
    """Count a line of rounded length c into the window (step 1) or out of it (step -1)."""
    if c is None:
        return
    counts[c] = counts.get(c, 0) + step
    if not counts[c]:
        del counts[c]
    for near in (c - 1, c, c + 1):
        support[near] = support.get(near, 0) + step


def _mode_width(counts: dict[int, int], support: dict[int, int]) -> float | None:
    """The most common length (give or take one; the wider on a tie), if enough lines share it."""
    near = sum(counts.values())
    if near < 3:
        return None
    best = max(sorted(counts, reverse=True), key=support.__getitem__)  # max keeps the first of equals
    return float(best) if support[best] >= max(3, 0.35 * near) else None


def build_blocks(numbered: list[tuple[int, str]], joiner: Joiner, justified: frozenset[int] = frozenset(),
                 trace: list[Step] | None = None, parted: frozenset[int] = frozenset(), dealt: bool = False,
                 read_by_ocr: bool = False) -> list[Block]:
    """Join the dump's lines into paragraph blocks, keeping their line spans.

    justified: the numbers of lines printed spread across their column (full, however short).
    joiner: the join cues and their weights, which decide each pair of lines.
    trace: where to record, for each pair of lines a cue has an opinion on, the cues that joined or parted it.
    parted: the numbers of the lines read across a gutter and cut (CW03): two pieces of one such line
    were never one line of a column, however open the first leaves its sentence (JN21).
    dealt: an OCR engine's boxes the column stage dealt out: lines of one length there are no run of one
    column (JN40, JN45 and JN65 are not taken).
    read_by_ocr: the page was read by OCR (JN70 is not taken).
    """
    lines: list[Line] = []
    gaps: list[int] = []
    counts: list[int] = []
    blank = 0
    for no, text in numbered:
        if not text.strip():
            blank += 1
            continue
        line = make_line(no, text)
        lines.append(line)
        gaps.append(blank)
        if no in justified or text.count(" ") > _PADDING_SPACES:  # spread to fill its column: spaces are not characters
            counts.append(len(shapes.squeeze(text)))
        else:  # an extractor's padding counts; an indent does not
            counts.append(len(text.lstrip()) if line.indent else len(text))
        blank = 0
    if not lines:
        return []
    layout = measure(lines, gaps, counts, near=not (dealt or read_by_ocr))
    # dump order, where the column stage reordered lines: a block's lines may then not run on
    numbers = [line.no for line in lines]
    rank = None if all(a < b for a, b in zip(numbers, numbers[1:])) else {no: k for k, no in enumerate(sorted(numbers))}
    datelines = [shapes.starts_with_dateline(line.text) for line in lines]  # tested once a line, used twice
    blocks: list[Block] = []
    # the paragraph so far: its pieces, joined once it ends (one huge paragraph must not cost n²), and its end
    parts, tail, start = [lines[0].text], lines[0].text[-_TAIL:], 0
    cuts: list[int] = []  # where each joined line starts in the paragraph
    size = len(lines[0].text)  # of the paragraph so far
    punctuated = bool(shapes.BODY_PUNCT_RE.search(lines[0].text))  # the paragraph so far reads as running text
    inside: set[int] = set()  # the first lines of captions printed inside a sentence with no credit (JN93)
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1], lines[i]
        # a ——subtitle or a byline under cur, a blank line at most between: cur ends a headline
        heads = i + 1 < len(lines) and gaps[i + 1] <= 1 and layout.standalone[i + 1] and _head_furniture(lines[i + 1].text)
        seam = Seam(prev.text, cur.text, layout.lengths[i - 1], layout.lengths[i],
                    layout.widths[i - 1], gaps[i], layout.double_spaced, cur.indent, layout.indents_mean_paragraphs,
                    prev_opens=start == i - 1, prev_standalone=layout.standalone[i - 1],
                    cur_standalone=layout.standalone[i], tail=tail[-TAIL:] if start < i - 1 else "",
                    prev_running=punctuated and start < i - 1, prev_justified=prev.no in justified,
                    cur_last=_ends_block(gaps, layout, datelines, i), cur_dateline=datelines[i], prev_dateline=datelines[i - 1],
                    cur_captioned=gaps[i] > 0 and _credit_under(lines, gaps, layout, i) is not None,
                    cur_heads=heads and not gaps[i + 1], cur_heads_apart=heads and gaps[i + 1] == 1,
                    cur_byline_apart=heads and gaps[i + 1] == 1 and shapes.is_byline(lines[i + 1].text),
                    cur_over_dateline=i + 1 < len(lines) and gaps[i + 1] <= 1 and datelines[i + 1],
                    # the line under cur a headline line with a ——subtitle or byline right under it
                    cur_over_head=i + 2 < len(lines) and not gaps[i + 1] and not gaps[i + 2] and not layout.standalone[i + 1]
                    and layout.standalone[i + 2] and _head_furniture(lines[i + 2].text) and shapes.is_headline_like(lines[i + 1].text),
                    above_len=layout.lengths[i - 2] if start < i - 1 else 0.0,
                    cur_boxed=layout.double_spaced and gaps[i] > 0 and i + 1 < len(lines) and not gaps[i + 1],
                    grid=layout.grid, cut_off=prev.no == cur.no and cur.no in parted, prev_piece=prev.no != cur.no and prev.no in parted, cur_short_by_indent=_short_by_indent(lines, gaps, layout, i),
                    column_change=not gaps[i] and shapes.ends_sentence(prev.text) and _column_changes(layout, gaps, i),
                    cur_wider=bool(gaps[i]) and _wider(layout.widths[i - 1], layout.lengths[i - 1], layout.widths[i], layout.lengths[i]),
                    cur_head_block=bool(gaps[i]) and _head_block(lines, gaps, layout, datelines, i),
                    prev_after_end=start == i - 1 and i >= 2 and not gaps[i - 1] and shapes.ends_sentence(lines[i - 2].text),
                    prev_in_run=not dealt and not gaps[i] and _in_run(layout.lengths, gaps, i - 1),
                    prev_stripped=not dealt and start == i - 1 and _stripped_over(layout.lengths, gaps, i),
                    prev_set_apart=not dealt and start == i - 1 and _set_apart(layout, gaps, i), dealt=dealt,
                    read_by_ocr=read_by_ocr, cur_over_plain=_over_plain(lines, gaps, layout, i))
        # JN91: looked for only where a sentence stops at a blank wider than any inside its paragraph (or over its
        # one line): where blanks part a column's lines they part no photo from its text
        stops_at_blank = gaps[i] and not seam.prev_ends_sentence  # (the widths compared only then: a hot loop)
        wide = stops_at_blank and gaps[i] > max(gaps[start + 1:i] if start < i - 1 else gaps[i - 1:i])
        if wide:
            seam.cur_photo_inside = _photo_inside(lines, gaps, layout, i, tail if start < i - 1 else prev.text) \
                and _credit_under(lines, gaps, layout, start) is None  # in a paragraph, not in a caption over its credit
        # JN93: the same, where the block has no credit: a blank wider than the one over prev's own line will do (a
        # column jump inside the paragraph before parts it by as many); in running text, not under a byline, and
        # only on a page read in the dump's order, not by OCR (there a block inside a sentence is another column's piece)
        if stops_at_blank and not seam.cur_photo_inside and punctuated and not seam.prev_standalone \
                and not read_by_ocr and rank is None and (wide or gaps[i] > gaps[i - 1]):
            seam.cur_caption_inside = _caption_inside(lines, gaps, layout, i, tail if start < i - 1 else prev.text)
        verdict = joiner.decide(seam)
        joined = verdict.joined
        if trace is not None and (by := verdict.by) is not None:  # (the deciding cue is named only to trace)
            shown = f"{prev.text[-12:]} ⏎ {cur.text[:12]}"
            why = (_why_caption(lines, gaps, layout, i) if by.code == "JN14" else
                   _why_column_change(layout, gaps, i) if by.code == "JN10" else "")
            trace.append(Step(by.code, by.name, prev.no, cur.no, shown,
                              shown.replace(" ⏎ ", "" if joined else " ¶ ") + f"  {verdict.explain(joiner.bias)}"
                              + (f"  ← {why}" if why else "")))
        if joined:
            glued = glue(tail, cur.text)  # glue looks at, and may drop, only the last characters
            if not glued.startswith(tail):
                parts[-1] = parts[-1][:-1]  # a Latin hyphen at the line end went
                parts.append(glued[len(tail) - 1:])
                size -= 1
            else:
                parts.append(glued[len(tail):])
            cuts.append(size + len(parts[-1]) - len(cur.text))
            size += len(parts[-1])
            tail = glued[-_TAIL:]
            punctuated = punctuated or bool(shapes.BODY_PUNCT_RE.search(cur.text))
            continue
        blocks.append(_block("".join(parts), lines, start, i, layout, gaps, rank, cuts, start in inside))
        if seam.cur_caption_inside:
            inside.add(i)
        parts, tail, start, cuts, size = [cur.text], cur.text[-_TAIL:], i, [], len(cur.text)
        punctuated = bool(shapes.BODY_PUNCT_RE.search(cur.text))
    blocks.append(_block("".join(parts), lines, start, len(lines), layout, gaps, rank, cuts, start in inside))
    return blocks


_TAIL = 60  # characters of a paragraph's end that the join rules and glue look at


# How much shorter than the full line after it a first line stripped of its indent is (fitted on the
# corpus's fit split: 107 of 109 seams it breaks there are paragraph starts).
INDENT_SHORT = (1.5, 4.5)


def _short_by_indent(lines: list[Line], gaps: list[int], layout: Layout, i: int) -> bool:
    """Line i stops mid-sentence an indent or so short of the full line after it: a paragraph's first line.

    A full line beside it is the yardstick, not the column's estimated width:
    justification and half-width marks move lines a character either way. The
    line after it, or the line before it when that one is full and the one after
    is not (numbers and Latin, narrower than Han characters, shorten a line).
    """
    if i + 1 >= len(lines) or gaps[i + 1] or lines[i].indent or shapes.ends_sentence(lines[i].text):
        return False
    if not any(INDENT_SHORT[0] <= full - layout.lengths[i] <= INDENT_SHORT[1] for full in _full_lines_beside(gaps, layout, i)) \
            and not _indent_short_of_run(lines, gaps, layout, i):
        return False
    # a Latin word or a number that would not fit went down whole, opening the next line: that shortens
    # a line too (a line that ends on a number, 为止的2 / 个月里, is not shortened by it)
    if not _LATIN_OR_DIGIT.match(lines[i + 1].text[:1]):
        return True
    # JN41: one that falls short of its column's width too was shortened by its indent, not by the number
    width = layout.widths[i]
    return width is not None and layout.lengths[i] <= width - _DIGIT_SHORT


_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")
_DIGIT_SHORT = 1.5  # (fit: of such lines after a full sentence end, 1.5 or more short of the width, all open paragraphs)


def _in_run(lengths: tuple[float, ...], gaps: list[int], k: int) -> bool:
    """Line k is as long as the line under it (within _RUN_EVEN) and the one under that (within _RUN_NEAR),
    no blank between (JN40): the three are set in one measure, narrower than the width measured around them
    where the column estimate reads a wider column's lines (a full line, not a short last one).

    >>> _in_run((16.0, 16.0, 17.0, 9.0), [0, 0, 0, 0], 0), _in_run((15.0, 14.0, 11.0), [0, 0, 0], 0)
    (True, False)
    """
    if k + 2 >= len(lengths) or gaps[k + 1] or gaps[k + 2] or lengths[k] < _RUN_LEAST:
        return False
    below, after = lengths[k + 1], lengths[k + 2]
    return below >= lengths[k] - _RUN_EVEN and lengths[k] >= max(below, after) - _RUN_NEAR


def _stripped_over(lengths: tuple[float, ...], gaps: list[int], i: int) -> bool:
    """Line i - 1 is an indent short of line i (STRIPPED), and line i as long as line i + 1 (within 1), no blank
    between (JN45): a paragraph's first line with its indent dropped, over its full lines.

    >>> _stripped_over((13.0, 15.0, 15.0), [0, 0, 0], 1), _stripped_over((10.0, 15.0, 15.0), [0, 0, 0], 1)
    (True, False)
    """
    if i + 1 >= len(lengths) or gaps[i] or gaps[i + 1]:
        return False
    return STRIPPED[0] <= lengths[i] - lengths[i - 1] <= STRIPPED[1] and abs(lengths[i + 1] - lengths[i]) <= 1


def _set_apart(layout: Layout, gaps: list[int], i: int) -> bool:
    """One blank between lines i - 1 and i, none under line i, both lines within _SET_APART of the column width (JN50).

    >>> layout = Layout((12.0, 12.0, 12.0), (False,) * 3, (12.0,) * 3, False, False)
    >>> _set_apart(layout, [0, 1, 0], 1), _set_apart(layout, [0, 1, 1], 1)
    (True, False)
    """
    width = layout.widths[i - 1]
    if width is None or gaps[i] != 1 or i + 1 >= len(gaps) or gaps[i + 1]:
        return False
    return abs(layout.lengths[i - 1] - width) <= _SET_APART and abs(layout.lengths[i] - width) <= _SET_APART


_SET_APART = 1.5  # (fit sim seams: 1.0 turns 10 fewer wrong breaks right)


# Fitted on the fit split (pdftotext-raw, pymupdf, sim seams): how much shorter than the full line under it a
# first line stripped of its indent is (two characters, a half-width mark either way).
STRIPPED = (1.5, 3.5)


# Fitted on the fit split (pdftotext-raw, pymupdf, sim seams, every third layout): a line stopping mid-sentence
# no shorter than the line under it (by _RUN_EVEN) and within _RUN_NEAR of the two under it is full in its run.
_RUN_EVEN, _RUN_NEAR, _RUN_LEAST = 0.5, 1.5, 6.0


def _indent_short_of_run(lines: list[Line], gaps: list[int], layout: Layout, i: int) -> bool:
    """Line i is an indent (two characters) short of the longest line near it in its run.

    Where the lines right beside it are not full (half-width marks and a sentence ending at the column
    edge move a line a character either way) the run's longest line is the yardstick; a line with
    digits or Latin is not measured so (they are narrower than Han characters), nor one after a clause's ；.

    >>> texts = ["侵害公民个人信息的犯罪团伙实施抓捕，", "近三百名嫌犯落网，其中刑事拘留多人、", "息名单。目前，涉案公司总裁仍在逃。",
    ...          "北京市公安局丰台分局副局长郑威在", "日前的新闻发布会上介绍说，今年八月", "初，警方侦查发现，位于北京南三环一栋"]
    >>> lines, gaps = [make_line(no, text) for no, text in enumerate(texts, 1)], [0] * 6
    >>> layout = measure(lines, gaps)
    >>> _indent_short_of_run(lines, gaps, layout, 3), _indent_short_of_run(lines, gaps, layout, 2)
    (True, False)
    """
    run = []
    for k in range(i - 1, max(i - _RUN_REACH, 0) - 1, -1):
        if gaps[k + 1]:
            break
        run.append(k)
    for k in range(i + 1, min(i + _RUN_REACH + 1, len(lines))):
        if gaps[k]:
            break
        run.append(k)
    run = [k for k in run if not layout.standalone[k]]
    if len(run) < 2 or not run[0] == i - 1 or _LATIN_OR_DIGIT.search(lines[i].text):
        return False
    if lines[i - 1].text.rstrip().rstrip("”’」』）)")[-1:] in "；;":
        return False
    short = max(layout.lengths[k] for k in run) - layout.lengths[i]
    return INDENT_OF_RUN[0] <= short <= INDENT_OF_RUN[1]


# How much shorter than its run's longest line (three lines either way) a stripped first line is (fitted on
# the fit split, pdftotext-raw, pymupdf and sim seams joined before: 36 paragraph starts, 5 not; 1.5 and
# 2.5 short are as often inside a paragraph as not).
INDENT_OF_RUN = (1.75, 2.25)
_RUN_REACH = 3


def _full_lines_beside(gaps: list[int], layout: Layout, i: int) -> list[float]:
    """The lengths of the full lines right after line i and right before it (no blank between)."""
    beside = [k for k in (i + 1, i - 1) if 0 <= k < len(layout.lengths) and not gaps[max(k, i)]]
    return [layout.lengths[k] for k in beside if layout.widths[k] is None or layout.lengths[k] >= layout.widths[k] - 1.5]


_HEAD_BLOCK = 3  # lines a head's block under a blank holds at most
_HEAD_LETTERS = 4  # letters a head's block holds at least (a column's label holds fewer)
_SHORT_OF_WIDTH = 2.0  # characters each of them stops short of the column width above, at least


def _head_block(lines: list[Line], gaps: list[int], layout: Layout, datelines: list[bool], i: int) -> bool:
    """Whether line i opens a block of at most _HEAD_BLOCK lines with no mark (a head's lines) that a
    blank, the page's end or a dateline closes, and that a story's opening follows: where each line is
    short of the width of the line above the blank (set in larger type), a dateline, a byline, a
    ——subtitle or nothing after it; where one is not (a head across columns is as wide as one or
    wider), a dateline, a byline or a ——subtitle right after it, one more head line at most between.
    A head standing inside a column's text, the text going on after it, is not taken."""
    width = layout.widths[i - 1]

    def plain(k: int) -> bool:
        text = lines[k].text
        return not shapes.BODY_PUNCT_RE.search(text) and shapes.is_headline_like(text)

    def short(k: int) -> bool:
        return plain(k) and width is not None and layout.lengths[k] <= width - _SHORT_OF_WIDTH

    def opens_story(m: int) -> bool:
        return datelines[m] or _head_furniture(lines[m].text)

    narrow = True
    for k in range(i, min(i + _HEAD_BLOCK, len(lines))):
        if (k > i and gaps[k]) or not plain(k):
            return False
        narrow = narrow and short(k)
        if _ends_block(gaps, layout, datelines, k):
            if shapes.letters("".join(line.text for line in lines[i:k + 1])) < _HEAD_LETTERS:
                return False  # a column's label
            if narrow:  # the text the line above goes on into, if the head's block (labels beside it) only stands inside it
                after = next((m for m in range(k + 1, min(k + 1 + _HEAD_BLOCK, len(lines))) if not short(m)), None)
                if after is None or opens_story(after):
                    return True
            nxt = k + 1 if k + 1 < len(lines) and (opens_story(k + 1) or not shapes.is_headline_like(lines[k + 1].text)) else k + 2
            return nxt < len(lines) and opens_story(nxt)
    return False


def _ends_block(gaps: list[int], layout: Layout, datelines: list[bool], i: int) -> bool:
    """Whether line i is the last of its block: a blank, a standalone line or a dateline follows it."""
    return i + 1 == len(gaps) or gaps[i + 1] > 0 or layout.standalone[i + 1] or datelines[i + 1]


def _over_plain(lines: list[Line], gaps: list[int], layout: Layout, i: int) -> int:
    """What stands right under line i (a blank between only where the page sets one after every line), as a
    head run holds it (JN92): 2 for a ——subtitle or a byline, or a headline line with one right under it;
    1 for a line with no mark short of the column above line i; else 0."""
    apart = 1 if layout.double_spaced else 0

    def under(k: int) -> bool:
        return k + 1 < len(lines) and gaps[k + 1] <= apart

    if not under(i):
        return 0
    text, width = lines[i + 1].text, layout.widths[i - 1]
    if layout.standalone[i + 1] and _head_furniture(text):
        return 2
    if shapes.is_headline_like(text) and under(i + 1) and layout.standalone[i + 2] and _head_furniture(lines[i + 2].text):
        return 2
    return int(width is not None and layout.lengths[i + 1] <= width - _SHORT_OF_WIDTH
               and not shapes.BODY_PUNCT_RE.search(text) and shapes.is_headline_like(text))


def _head_furniture(text: str) -> bool:
    """A ——subtitle or a byline: what is printed under a headline."""
    return shapes.is_subtitle_dash(text) or shapes.is_byline(text)


def _credit_under(lines: list[Line], gaps: list[int], layout: Layout, i: int) -> int | None:
    """Where a photo credit stands right under line i's caption, if one does: line i then opens a caption.

    Where a blank line follows every line, the caption's lines are parted by one too, and
    the credit stands close under the last: after two blanks or more (a column jump) a
    caption may run over more lines to its credit; after one, it is the one line over the
    credit, unless it goes on from a sentence the line above left open, in the same measure
    or a narrower (……黄河旋风上涨接近7 / 0%。): the last line of a caption that opened higher up.
    A line set wider than the one above opens something new (a caption across columns), and
    so does one opening a sentence with its time (近日，……): from there too the caption may run
    over more lines. Where blanks part paragraphs only, a line under a blank that goes on so from
    the line above (……兼并重组、 / 市场退出等……风险。) is no caption's first line either: the caption
    opened above the blank.
    """
    # lines parted by one blank go on, from a column jump or a caption's time opener (近日，)
    spaced = layout.double_spaced and (gaps[i] > 1 or bool(TIME_OPENER_RE.match(lines[i].text)))
    if not spaced and _caption_tail(lines, layout, i):
        return None
    k, most = i + 1, (_CAPTION_LINES_SPACED if spaced else _CAPTION_LINES)
    while k < len(lines) and gaps[k] <= spaced and not layout.standalone[k] and k - i < most:
        k += 1  # the caption may run over a few lines
    found = k < len(lines) and gaps[k] <= spaced and layout.standalone[k] and shapes.is_credit(lines[k].text)
    return k if found else None


def _photo_inside(lines: list[Line], gaps: list[int], layout: Layout, i: int, before: str) -> bool:
    """JN91: line i, under a blank, opens a photo printed inside the sentence `before` stops in: its caption's lines
    run with no blank between to a credit (a line of its own, a blank at most over it, or run in at the caption's
    end) within _PHOTO_LINES lines, and the first line after the credit goes on the sentence where line i does not:
    a word across the seam (……建强“四个矩 / [photo] / 阵”，夯实……). (The seam reading likelier with it than with line
    i, 法律的 / 证据, was tried: on fit it broke the lines of captions and of paragraphs parted by blanks.)

    >>> from .model import Line
    >>> texts = ["近年来，铁东区通过建强“四个矩", "北京时间6月12日凌晨，世界杯正式开赛。", "新华社记者 王鹏 摄", "阵”，夯实工作基础，完善制度机制"]
    >>> lines = [Line(k, t, False) for k, t in enumerate(texts)]
    >>> layout = measure(lines, [0, 1, 1, 1])
    >>> _photo_inside(lines, [0, 1, 1, 1], layout, 1, texts[0]) if seams.lexicon() else True
    True
    >>> _photo_inside(lines[:3] + [Line(3, "本报讯 社区开展活动", False)], [0, 1, 1, 1], layout, 1, texts[0])
    False
    """
    if layout.standalone[i]:
        return False
    k = i  # the caption's lines, up to its credit (……形成统揽有力的领导体系。 全媒体记者 董校霖 摄: run in)
    while k < len(lines) and k - i <= _PHOTO_LINES and (k == i or not gaps[k]) and not layout.standalone[k] \
            and not shapes.run_in_credit(lines[k].text):
        k += 1
    if k + 1 >= len(lines) or k - i > _PHOTO_LINES or (k > i and gaps[k] > 1):
        return False  # (a blank inside: the paragraph line i opens goes on, and a photo under it ends its column)
    if not (k > i and shapes.run_in_credit(lines[k].text) or layout.standalone[k] and shapes.is_credit(lines[k].text)):
        return False
    after = lines[k + 1]
    if layout.standalone[k + 1] or after.indent or shapes.starts_with_dateline(after.text):
        return False  # a paragraph or story opens after the photo
    words = seams.lexicon()  # last: jieba's dictionary loads only for a page with such a photo
    return bool(words) and not seams.word_across(before, lines[i].text, words) and seams.word_across(before, after.text, words)


_PHOTO_LINES = 12  # JN91: lines a caption printed inside a sentence runs over to its credit, at most


def _caption_inside(lines: list[Line], gaps: list[int], layout: Layout, i: int, before: str) -> bool:
    """JN93: line i, under a blank, opens a caption with no credit printed inside the sentence `before` stops in:
    its lines run with no blank between (one at most where blanks part every line and more stand over it; within
    _CAPTION_LINES) to a line that ends a sentence, a wider blank under it, set in a measure of its own (_OWN_MEASURE
    off the column's, where lines wrap at one), and the first line after that blank goes on the sentence where line
    i does not: a word across the seam (……他把4万 / [通过此次指导工作的开展，……打下坚实基础。] / 元现金和银行卡……),
    or a clause mark it opens with (……强化导向引领 / [block] / ，召开……).

    >>> from .model import Line
    >>> texts = ["民警赶到银行时，他把4万", "北京时间6月12日凌晨，世界杯正式开赛。", "元现金和银行卡一并交给了警察，并请民警"]
    >>> lines = [Line(k, t, False) for k, t in enumerate(texts)]
    >>> layout = measure(lines, [0, 1, 1])
    >>> _caption_inside(lines, [0, 1, 1], layout, 1, texts[0]) if seams.lexicon() else True
    True

    Not a block that stops mid-sentence (the paragraph goes on), nor one the text after does not read on from.

    >>> _caption_inside(lines, [0, 1, 0], layout, 1, texts[0]), _caption_inside(lines[:2] + [Line(2, "本报讯 社区开展活动", False)], [0, 1, 1], layout, 1, texts[0])
    (False, False)
    >>> _caption_inside(lines[:2] + [Line(2, "，召开2022年重点工作推进会", False)], [0, 1, 1], layout, 1, "强化导向引领")
    True

    Nor a block set in the column's own measure (the paragraph's next lines, 表 / 現 read across no word).

    >>> column = [Line(k, t, False) for k, t in enumerate(["综合考虑社区工作者的年龄", "和学历、工作表", "现，选拔优秀年轻干部。", "政治素质好的干部纳入"])]
    >>> _caption_inside(column, [0, 0, 1, 1], measure(column, [0, 0, 1, 1]), 2, "和学历、工作表")
    False
    """
    if layout.standalone[i] or lines[i].indent or shapes.starts_with_dateline(lines[i].text):
        return False  # (a dateline opens a story's lede)
    inner = min(int(layout.double_spaced), gaps[i] - 1)  # blanks between the block's own lines, at most
    k = i
    while not (shapes.ends_sentence(lines[k].text) and k + 1 < len(lines) and gaps[k + 1] > inner):
        if k + 1 >= len(lines) or gaps[k + 1] > inner or layout.standalone[k + 1] or k - i + 1 >= _CAPTION_LINES:
            return False
        k += 1
    width = layout.widths[i - 1]
    if width is not None and (k == i or abs(max(layout.lengths[i:k + 1]) - width) < _OWN_MEASURE):
        return False  # set in the column's measure: the paragraph's own lines, however the dictionary reads the seam
    if _SHORT_CLAUSE_RE.match(lines[i].text):
        return False  # a clause of a character or two opens it: the end of a word or sentence cut before it (識，近日……)
    after = lines[k + 1]
    if layout.standalone[k + 1] or after.indent or shapes.starts_with_dateline(after.text):
        return False  # a paragraph or story opens after the block
    if lines[i].text.startswith(_CLAUSE_OPENERS):
        return False  # the block goes on from something
    if after.text.startswith(_CLAUSE_OPENERS):
        return True  # the line after goes on from a sentence, and the block does not (……强化导向引领 / [block] / ，召开……)
    words = seams.lexicon()
    return bool(words) and not seams.word_across(before, lines[i].text, words) and seams.word_across(before, after.text, words)


_CLAUSE_OPENERS = ("，", "、", "；", "：", ",")  # a line opening with one goes on from the text before it
_SHORT_CLAUSE_RE = regex.compile(r"^(?:\p{Han}[，、。；：,]|\p{Han}{2}[。；])")  # (not 近日，: a time opens a caption so)
_OWN_MEASURE = 2.0  # characters a block with no credit inside a sentence is set wider or narrower than the column by, at least


def _why_caption(lines: list[Line], gaps: list[int], layout: Layout, i: int) -> str:
    """Why line i opens a caption (JN14), for `cleanup explain`: where its credit stands and how it was reached."""
    k = _credit_under(lines, gaps, layout, i)
    if k is None:
        return ""
    if not layout.double_spaced:
        how = f"within {_CAPTION_LINES} lines, no blank between"
    elif gaps[i] > 1:
        how = f"after a column jump ({gaps[i]} blank lines), over single blanks, within {_CAPTION_LINES_SPACED} lines"
    elif TIME_OPENER_RE.match(lines[i].text):
        how = f"opening with its time, over single blanks, within {_CAPTION_LINES_SPACED} lines"
    else:
        how = "the one line over it, not going on from an open sentence in the measure above"
    return f"a credit stands under it at line {lines[k].no}: {how}"


def _why_column_change(layout: Layout, gaps: list[int], i: int) -> str:
    """The two widths behind a change of column (JN10), for `cleanup explain`."""
    widths = _side_widths(layout, gaps, i)
    if widths is None:
        return ""
    before, after = widths
    return f"lines before set {before:g} wide, from here {after:g}: more than {_COLUMN_CHANGE:g}× apart"


def _caption_tail(lines: list[Line], layout: Layout, i: int) -> bool:
    """Line i goes on from a sentence the line above left open, in its measure or a narrower one."""
    return not shapes.ends_sentence(lines[i - 1].text) and layout.lengths[i] <= layout.lengths[i - 1] + _SLACK \
        and not TIME_OPENER_RE.match(lines[i].text)


_CAPTION_LINES = 6  # lines a caption runs over before its credit, at most
_CAPTION_LINES_SPACED = 16  # after a column jump where a blank line follows every line (narrow lines: more of them)
_SLACK = 1.5  # a line no wider than the one above it, give or take this, is set in its measure


_SIDE = 6  # lines on each side of a seam that show a change of column width


_COLUMN_CHANGE = 1.25  # two stretches of lines this much apart in width are set in two columns


def _wider(prev: float | None, prev_len: float, cur: float | None, cur_len: float) -> bool:
    """Whether a line, and its column width, are far wider than the line before and its column width (both known).

    >>> _wider(11.0, 12.0, 33.0, 31.0), _wider(11.0, 12.0, 33.0, 4.0), _wider(13.0, 24.0, 33.0, 31.0), _wider(None, 12.0, 33.0, 31.0)
    (True, False, False, False)
    """
    return prev is not None and cur is not None and min(cur, cur_len) >= _WIDER * max(prev, prev_len)


_WIDER = 1.5  # a column this many times as wide as the one before is another column, not the same one jumped to


def _column_changes(layout: Layout, gaps: list[int], i: int) -> bool:
    """Whether the lines before line i and the lines from it on are set at clearly different widths."""
    widths = _side_widths(layout, gaps, i)
    return widths is not None and max(widths) > _COLUMN_CHANGE * min(widths)


def _side_widths(layout: Layout, gaps: list[int], i: int) -> tuple[float, float] | None:
    """The column widths of the lines before line i and of the lines from it on, where both show one.

    The lines before are read back to a blank line at most: across it they are another block's.
    """
    first = max(0, i - _SIDE)
    for k in range(i - 1, first, -1):
        if gaps[k]:
            first = k
            break
    before = _side_width(layout, range(first, i))
    after = _side_width(layout, range(i, min(len(layout.lengths), i + _SIDE)))
    return (before, after) if before is not None and after is not None else None


def _side_width(layout: Layout, span: range) -> float | None:
    """The longest length shared (give or take one) by most usable lines of span: their column."""
    near = [layout.lengths[k] for k in span if layout.lengths[k] >= 4 and not layout.standalone[k]]
    if len(near) < 3:
        return None
    top = sorted(near)[len(near) // 2:]  # short last lines of paragraphs say nothing
    return top[0] if top[-1] - top[0] <= max(2.0, 0.15 * top[-1]) else None


def _block(text: str, lines: list[Line], start: int, end: int, layout: Layout, gaps: list[int],
           rank: dict[int, int] | None, cuts: list[int], inside: bool = False) -> Block:
    measure = max(layout.lengths[start:end])
    runs = _runs([line.no for line in lines[start:end]], rank) if rank is not None else ()
    return Block(text, lines[start].no, lines[end - 1].no, width=layout.widths[start] or 0.0,
                 measure=measure, lines=end - start, gap_before=gaps[start], runs=runs if len(runs) > 1 else (),
                 cuts=tuple(cuts), inside_sentence=inside)


def _runs(numbers: list[int], rank: dict[int, int]) -> tuple[tuple[int, int], ...]:
    """Line numbers in reading order as runs of lines printed one after another (blank lines between aside).

    >>> _runs([26, 27, 22, 24], {22: 0, 24: 1, 26: 2, 27: 3})
    ((26, 27), (22, 24))
    """
    out = [[numbers[0], numbers[0]]]
    for n in numbers[1:]:
        if rank[n] == rank[out[-1][1]] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return tuple((a, b) for a, b in out)
