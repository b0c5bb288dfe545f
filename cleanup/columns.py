"""Columns merged by the extractor: find the stretches whose lines mix columns, and unmix them.

pdftotext (default mode) writes the lines of neighbouring columns at one height as one line,
a space at each gutter; pdfminer and PaddleOCR/RapidOCR write every line alone but go across
the page, so the lines of side-by-side columns alternate; Tesseract reads some lines across
a gutter, a wide gap or a `|` in the middle. This stage cuts merged lines at their gutters
(gutters.py), assigns the pieces to columns (assign.py), and gives the lines back column by
column, each piece keeping its dump line number. It runs after the line rules, before blocks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from . import assign, gutters, headrows, lexicon, seams, sequels, shapes, textboxes
from .model import Step
from .rulebook import REGISTRY
from .textboxes import glued_lines, head_line, keep_boxes
from .tracks import Piece

# How well a piece goes on from a track's last piece, in the order `explain` shows them.
LINK_CUES = ["CO01", "CO02", "CO03", "CO04", "CO05", "CO06", "CO07", "CO10", "CO11", "CO16"]
# What the way extractors deal out columns makes likely: a new track, a track passed over or ended.
STRUCTURE_CUES = ["CO09", "CO08", "CO15", "CO12", "CO13"]
_STOPS = frozenset("。！？；")  # a line ending with one stops at a sentence end (the quick test)
_MIN_LINES = 6  # a page of fewer lines is left as read
_MIN_OPEN = 6  # open line ends needed to judge a page by its seams
_MIN_HITS = 3  # and seams found a little further down
_DEALT = 0.75  # a page goes on into the next line less often than this, against a little further down
_WRAPPED = 0.4  # the share of a page's lines, at least, that fill one of its column widths
_COLUMN_LINES = 3  # pieces a track holds to count as a column
_CHUNKED = 0.5  # the share of open lines, at least, a blank line follows on a page dealt in chunks
_MIN_WORD_HITS = 5  # and words found across to a line a little further down
_MIN_WORD_LATER = 2  # open lines of a box dump that go on by a word into a line a little further down, at least
_WORDS_DEALT = 1.0  # and as many as go on into the next line, at least
_PART_LINES = 20  # a stretch of boxes dealt out in turn (dealt_by_words), in lines
_PART_MORE = 4  # its open lines going on further down outnumber those going on into the next by this, at least
_READ_ON = 0.45  # on a traditional page read in simplified, open lines going on only further down, against into the next, at least
_FITS = 1.5  # a line this far from a page width, at most, is set to it (width_seams)
_MIN_FULL = 6  # and is this wide, at least
_HEAD_GAP = 2  # lines of neither width in a row, at least, part a story from the next (its heads)
_STRAY = 2  # lines of the upper story's width, at most, after such heads that open the lower one
_ACROSS = 1.5  # a line this many times a stretch's median line width, at least, stands across its columns


@dataclass(frozen=True, slots=True)
class Result:
    numbered: list[tuple[int, str]]
    warnings: tuple[str, ...]
    rebuilt: tuple[tuple[int, int], ...] = ()  # (first, last) dump lines of each stretch put back


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of pieces the assignment splits into several interleaved tracks."""

    start: int  # first piece
    end: int  # one past its last piece
    tracks: tuple[int, ...]  # by first piece; once accepted, in reading order (left_to_right)
    gain: float  # its score over the score of the dump's own order
    switches: int = 0  # pieces whose track is not the one before's
    gutters: int = 0  # dump lines it holds cut at a gutter (gutter_lines), where lines are a text extractor's


def deinterleave(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
                 weights: assign.Weights | None = None, boxes: bool = False,
                 raw: list[tuple[int, str]] | None = None, ocr: bool = False) -> Result:
    """Numbered lines in reading order: merged lines cut at their gutters, columns unmixed.
    boxes: the dump is text boxes sorted by height (boxes_by_height), searched with BOX_WEIGHTS
    where no line was cut at a gutter. raw: the dump's lines before the line rules, which tell
    whether it marks its gutters by a single space alone (spaced_gutters; None: these lines).
    ocr: the page was read by OCR (ocrpage.read_by_ocr): CW65 is not taken."""
    spaced = not boxes and spaced_gutters(numbered if raw is None else raw)  # pdftotext's single-space gutters
    if spaced:  # a head's later lines beside another column's text: under its first line (CW15, CW16)
        numbered = headrows.lift_heads_beside(numbered, trace)
    texts = [stripped for _, text in numbered if (stripped := text.strip())]
    if len(texts) < _MIN_LINES:
        return Result(_cut_head_rows(numbered, trace), ())
    chunks = dealt_in_chunks(numbered)  # a dictionary's look, only where blank lines part open lines
    dealt = looks_dealt(texts) or boxes and dealt_by_words(texts, seams.lexicon()) \
        and not _reads_on_in_simplified(numbered, texts, seams.lexicon(), trace)
    cw70 = spaced and not ocr  # where gutters are single spaces, two merged lines may be enough (CW70)
    if not (chunks or dealt or gutters.may_be_merged(texts, gutters.FEW_MERGED if cw70 else gutters.MIN_MERGED)):
        return _unsearched(numbered, boxes, trace, raw, ocr=ocr)  # most pages: one look at their lines, nothing to search
    few = cw70 and not (chunks or dealt or gutters.may_be_merged(texts))  # two lines with a gutter's space, not three
    pieces = gutters.pieces_of(numbered, ocr)
    if few and not any(p.slot for p in pieces):  # two such lines by chance (CW70)
        return _unsearched(numbered, boxes, trace, raw, ocr=ocr)
    if few and trace is not None:
        cut = [p for p in pieces if p.slot]
        trace.append(Step("CW70", "few-merged-lines", cut[0].no, cut[-1].no, cut[0].text,
                          f"{len({p.no for p in cut})} lines cut at a gutter, on a page whose first look found two or fewer"))
    if not any(p.slot for p in pieces) and not (chunks or dealt or looks_dealt([p.text for p in pieces])) or not _wrapped(pieces, spaced):
        return _unsearched(numbered, boxes, trace, raw, cut=any(p.slot for p in pieces), ocr=ocr)
    boxes = boxes and not any(p.slot for p in pieces)  # lines cut at gutters: a text extractor's, whatever its blanks
    weights = weights or (BOX_WEIGHTS if boxes else WEIGHTS)
    if ocr or any(p.slot for p in pieces) or not textboxes.boxed(numbered):  # CW25 weighs heads dealt out among
        # text boxes (pdfminer's), not merged lines cut at gutters (check pdftotext titles 69.7 -> 66.3), nor OCR lines
        weights = replace(weights, head=0.0)
    words = seams.lexicon()
    glued = frozenset() if boxes else glued_lines(numbered, pieces)
    cues = [(code, REGISTRY[code].func) for code in LINK_CUES]
    choices, sequential, regions = _search(pieces, weights, cues, words)
    if boxes:  # boxes that may hold two columns' lines: cut, if the page then reads better (CW09)
        pairs = seams.PagePairs.of(p.text for p in pieces)
        cut, more, lone = gutters.box_pairs(pieces, words, pairs)  # more: with boxes their runs leave whole (CW20)
        if len(cut) > len(pieces):
            found = _search(cut, weights, cues, words)
            if _total(found[0]) - _total(choices) >= BOX_PAIRS["min_gain"]:
                pieces, (choices, _, regions) = cut, found
        if lone:  # cut by the lines around them (CW09's cuts with them, paid or not), if the page then reads
            # better by as much as a stretch must
            found = _search(more, weights, cues, words)
            if _total(found[0]) - _total(choices) >= REGIONS["min_gain"]:
                pieces, (choices, _, regions) = more, found
            else:
                lone = set()
        stacked = width_seams([p.length for p in pieces], [p.ends for p in pieces])
        if stacked:  # stories stacked at two widths: each searched alone, if the page reads no worse (CW14)
            found = _search(pieces, weights, cues, words, stacked)
            if _total(found[0]) >= _total(choices) - WIDTH_SEAMS["max_loss"]:
                choices, _, regions = found
                _trace_width_seams(trace, pieces, stacked)
    if not (boxes or ocr):  # lines cut at a gutter: the dump's order reads across the page there (CW65; an
        # OCR engine's cut rows are its own misreadings as often: held-out Tesseract pages read worse)
        regions = [replace(r, gutters=gutter_lines(pieces, r.start, r.end)) for r in regions]
    accepted = [r for r in regions if _accepted(r, boxes)]
    left: list[Region] = []  # stretches of boxes dealt out whole that the rounds read better box by box: left to CW11 (CW18)
    if not (boxes or ocr):
        left = [r for r in accepted if _left_to_rounds(numbered, pieces, choices, r, words, trace)]
        accepted = [r for r in accepted if r not in left]
    _trace_gutter_evidence(trace, pieces, accepted)
    mended = []
    for r in accepted:  # a box split within a stretch put back: the stretch's tracks change, not the stretch
        choices, boxes_mended = keep_boxes(choices, glued, pieces, r.start, r.end)
        mended.extend(boxes_mended)
    accepted = [_in_reading_order(r, choices, pieces, not boxes and stacked_heads(numbered, pieces[r.start].no), trace)
                for r in accepted]
    _trace_box_pairs(trace, pieces, accepted, lone if boxes else set())
    if trace is not None:
        for first, last, head in mended:
            box = " ⏎ ".join(p.text for p in pieces[first:last + 1])
            trace.append(Step("CW10", "keep-text-box", pieces[first].no, pieces[last].no, box,
                              ("(a head and its byline) " if head else "") + "on one column: " + box))
    out, warnings = _rebuild(numbered, pieces, choices, accepted, boxes, trace)
    rebuilt = tuple((pieces[r.start].no, pieces[r.end - 1].no) for r in accepted)
    if not boxes:  # boxes dealt in a steady round that no stretch put back (CW11)
        dealt = sequels.deal_back(out, trace)
        warnings = (*warnings, *_rounds_warning(out, dealt, [(pieces[r.start].no, pieces[r.end - 1].no) for r in left]))
        out = dealt
    if chunks and not boxes:  # dealt chunk by chunk: the boxes no stretch put back that the seams are sure of (CW07)
        out = sequels.reorder(out, trace)
    elif not boxes and any(p.slot for p in pieces):  # lines cut at gutters (OCR spaces inside lines cut none)
        out = _past_heads(out, raw, trace, ocr)
    out = _cut_head_rows(out, trace)
    if trace is not None:
        _explain(trace, pieces, choices, accepted, weights)
    return Result(out, warnings, rebuilt)


def _search(pieces: list[Piece], weights, cues, words, seams_at: tuple[int, ...] = ()):
    """The best assignment of the pieces to tracks, the dump's own order (one track), and the
    stretches where they differ, each searched again knowing its columns."""
    pairs = seams.PagePairs.of(p.text for p in pieces)
    links: dict = {}  # the link cues' answers, shared by the page's searches (assign.assign)
    choices: list[assign.Choice] = []
    sequential: list[assign.Choice] = []
    for start, end in _blocks(pieces, seams_at):  # a blank line that parts blocks ends every track
        part = pieces[start:end]
        for out, tracks in ((choices, assign._MAX_TRACKS), (sequential, 1)):
            found, _ = assign.assign(part, weights, cues, pairs, words, max_tracks=tracks, links=links, offset=start)
            out.extend(replace(c, piece=c.piece + start, track=c.track + start) for c in found)
    regions = find_regions(choices, sequential)
    for region in regions:
        _search_again(region, pieces, choices, weights, cues, pairs, words, links)
    return choices, sequential, find_regions(choices, sequential)


def _trace_width_seams(trace: list[Step] | None, pieces: list[Piece], stacked: tuple[int, ...]) -> None:
    """A step for each seam between stories stacked at two column widths (CW14)."""
    if trace is None:
        return
    for k in stacked:
        above, below = pieces[k - 1], pieces[k]
        trace.append(Step("CW14", "stacked-width-seam", above.no, below.no, above.text + below.text,
                          f"{above.text} ‖ {below.text}: the column width changes, each side searched alone"))


def _total(choices: list[assign.Choice]) -> float:
    return sum(c.gain for c in choices)


def _trace_box_pairs(trace: list[Step] | None, pieces: list[Piece], regions: list[Region], lone: set[int]) -> None:
    """A step for each box cut in two (CW09; CW20 where the lines around it cut it) that a stretch put back holds."""
    if trace is None:
        return
    held = {k for r in regions for k in range(r.start, r.end)}
    for k, (left, right) in enumerate(zip(pieces, pieces[1:]), 1):
        if right.slot == 1 and right.no == left.no and k in held:
            code, name = ("CW20", "cut-lone-box-pair") if left.no in lone else ("CW09", "cut-box-pair")
            trace.append(Step(code, name, left.no, left.no, left.text + right.text, f"{left.text} ¶ {right.text}"))


def _cut_head_rows(numbered: list[tuple[int, str]], trace: list[Step] | None) -> list[tuple[int, str]]:
    """Rows of heads Tesseract read across the page (a wide gap or a `|` between them) as their
    pieces, where no column was put back (CW02): a headline beside a note's 编者按, a byline or a
    ——subtitle are lines of their own, and a stack of such rows, cut alike, is given back column by
    column (清理小广告 | 普及消防知识 / 粉刷美环境 | 北市场街道……: each headline over its own subtitle).
    Other rows are the column stage's, or parted one by one after it (CW03): a narrow column's line
    of text has no sentence mark either.

    >>> rows = [(1, "推进乡镇综合执法      上市公司调整定增方案"), (2, "提升基层治理效能      本报记者 吴晓璐")]
    >>> [text for _, text in _cut_head_rows(rows, None)]
    ['推进乡镇综合执法', '提升基层治理效能', '上市公司调整定增方案', '本报记者 吴晓璐']
    >>> [text for _, text in _cut_head_rows([(1, "清理小广告      普及消防知识"), (3, "粉刷美环境      开展宣传活动")], None)]
    ['清理小广告      普及消防知识', '粉刷美环境      开展宣传活动']
    """
    out: list[tuple[int, str]] = []
    cut = [_head_row(text) for _, text in numbered]
    i = 0
    while i < len(numbered):
        j = i + 1
        while cut[i] and j < len(numbered) and cut[j] and len(cut[j]) == len(cut[i]) and numbered[j][0] == numbered[j - 1][0] + 1:
            j += 1  # the next dump line, cut into as many pieces: one more row of the stack
        rows = numbered[i:j]
        if j - i > 1 or cut[i] and any(map(_heads, cut[i])):
            pieces = [(no, part) for k in range(len(cut[i])) for (no, _), parts in zip(rows, cut[i:j]) for part in parts[k:k + 1]]
            if trace is not None:
                for (no, text), parts in zip(rows, cut[i:j]):
                    trace.append(Step("CW02", "cut-head-row", no, no, text.strip(), " ¶ ".join(parts)))
            out.extend(pieces)
        else:
            out.extend(rows)
        i = j
    return out


def _head_row(text: str) -> list[str]:
    """The pieces of a row Tesseract read across a gutter, every one a headline-like line; else []."""
    parts = gutters.ocr_parts(text.strip())
    return parts if len(parts) > 1 and all(map(shapes.is_headline_like, parts)) else []


def _heads(piece: str) -> bool:
    """A piece only a head row prints: a note's opener (编者按), a byline, a ——subtitle."""
    return shapes.is_note_opener(piece) or shapes.is_byline(piece) or shapes.is_subtitle_dash(piece)


def _search_again(region: Region, pieces, choices, weights, cues, pairs, words, links) -> None:
    """Search a stretch again knowing how many columns run through it; keep the better reading.

    The first pass opens a column only when its lines have paid for it, so the head of a
    stretch is often read in the dump's order before the columns are found."""
    span = choices[region.start:region.end]
    sizes = Counter(c.track for c in span)
    known = sum(1 for n in sizes.values() if n >= _COLUMN_LINES)
    if known < 2:
        return
    found, score = assign.assign(pieces[region.start:region.end], weights, cues, pairs, words, known=known,
                                 links=links, offset=region.start)
    if score >= sum(c.gain for c in span) - 1e-9:  # a tie: the reading that knows the columns
        choices[region.start:region.end] = [replace(c, piece=c.piece + region.start, track=c.track + region.start)
                                            for c in found]


def _tracks(span: list[assign.Choice]) -> tuple[int, ...]:
    """A stretch's tracks in the order their first pieces came."""
    return tuple(dict.fromkeys(c.track for c in span))


def spaced_gutters(lines: list[tuple[int, str]]) -> bool:
    """Whether a dump marks its gutters by a single space alone: no line holds Tesseract's wide
    gap or `|` (pdftotext never writes one; Tesseract's rows, unstacked by CW04, leave none behind).

    >>> spaced_gutters([(1, "本报讯 近日，社区开展 活动中，工作人员")]), spaced_gutters([(1, "本报讯近日，     活动中，工作人员")])
    (True, False)
    """
    return not any(gutters.ocr_gaps(text) for _, text in lines)


def _wrapped(pieces: list[Piece], spaced: bool = False) -> bool:
    """Whether the page's lines are wrapped at column widths (a page of one paragraph a line has
    no columns to unmix, whatever its seams say). spaced: the dump marks its gutters by a space
    alone (pdftotext), so a width whose lines hold no space is one column's (gutters.solid_widths)."""
    # where no line was cut at a gutter, a width twice another is a wide column's, not two left together
    widths = gutters.modal_widths((p.length for p in pieces), sums_apart=any(p.slot for p in pieces),
                                  solid=gutters.solid_widths((p.text, p.length) for p in pieces) if spaced else frozenset())
    long = [p for p in pieces if p.length >= 6]
    full = sum(1 for p in long if any(abs(p.length - w) <= 1.5 for w in widths))
    return bool(long) and full >= _WRAPPED * len(long)


def _blocks(pieces: list[Piece], seams_at: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Stretches of pieces between blank lines that part blocks (pdftotext's, a content stream's),
    and at `seams_at` (width_seams: stories stacked in one band of the page)."""
    starts = sorted({0, *seams_at} | {k for k, p in enumerate(pieces) if k and p.after_break})
    return list(zip(starts, starts[1:] + [len(pieces)]))


def width_seams(lengths: list[float], ends: list[bool] | None = None, run: int | None = None,
                apart: float | None = None) -> tuple[int, ...]:
    """Where the page's text boxes go over from one column width to another (CW14): stories stacked one
    over the other, each set to its own measure, that a column search must not deal into one another's
    columns. A seam stands after a run of `run` full lines of one page width, at least, followed by
    such a run of a width `apart` or more away, with nothing between but lines of neither (their heads)
    and a line or two of the first width after a head (the new story's first lines, indented). `ends`:
    whether each line ends a sentence; a short one right after the upper run is its story's last line.

    >>> w = [15.0] * 8 + [9.0, 7.5] + [16.0] + [19.0] * 8
    >>> width_seams(w)  # the indented line under the heads opens the lower story
    (8,)
    >>> width_seams([15.0] * 8 + [5.0, 9.0] + [19.0] * 8, [False] * 8 + [True, False] + [False] * 8)
    (9,)
    >>> width_seams([15.0, 19.0] * 8), width_seams([15.0] * 8 + [16.0] * 8)  # side by side; one width
    ((), ())
    >>> width_seams([15.0] * 8 + [19.0] * 7), width_seams([15.0] * 7 + [19.0] * 8)  # a side too short to trust alone
    ((), ())
    """
    run = WIDTH_SEAMS["run"] if run is None else run
    apart = WIDTH_SEAMS["apart"] if apart is None else apart
    ends = ends or [False] * len(lengths)
    widths = gutters.modal_widths(lengths, sums_apart=False)
    labels = []
    for length in lengths:
        near = [w for w in widths if abs(length - w) <= _FITS] if length >= _MIN_FULL else []
        labels.append(near[0] if len(near) == 1 else None)
    runs: list[_WidthRun] = []  # lines set to one width, in a row but for lines of neither width between
    for k, width in enumerate(labels):
        if width is None:
            continue
        if runs and runs[-1].width == width:
            last = runs[-1]
            last.tail = [k] if k - last.last - 1 >= _HEAD_GAP else last.tail + [k]
            last.last, last.count = k, last.count + 1
        else:
            runs.append(_WidthRun(width, k, 1, [k]))
    seams = []
    for a, b in zip(runs, runs[1:]):
        if a.count >= run and b.count >= run and abs(a.width - b.width) >= apart:
            if len(a.tail) <= _STRAY and a.count - len(a.tail) >= run:  # opens the lower story: cut at the heads
                seams.append(next(k for k in range(a.tail[0] - 1, -1, -1) if labels[k] is not None) + 1)
            else:  # the upper story's last line (short, a sentence ended) stays above
                k = a.last + 1
                while k < len(lengths) and labels[k] is None and ends[k] and lengths[k] < a.width - _FITS:
                    k += 1
                seams.append(k)
    return tuple(seams)


@dataclass
class _WidthRun:
    width: float
    last: int  # its last line
    count: int  # its lines
    tail: list[int]  # its lines after its last gap of heads (a new story's first lines, when few)


def _accepted(region: Region, boxes: bool = False) -> bool:
    """Reads clearly better than the dump's order (each line it holds cut at a gutter counting
    for it: CW65), its tracks take turns (columns, not a stray headline) and, where lines are a
    text extractor's (not boxes: an OCR box may hold a line alone), hold some lines each (a track
    a line or two long is a misreading, not a column).

    >>> _accepted(Region(0, 20, tuple(range(4)), 30.0, 10)), _accepted(Region(0, 20, tuple(range(13)), 30.0, 10))
    (True, False)
    >>> _accepted(Region(0, 20, tuple(range(13)), 30.0, 10), boxes=True)
    True
    >>> _accepted(Region(0, 20, tuple(range(4)), 2.0, 10)), _accepted(Region(0, 20, tuple(range(4)), 2.0, 10, 3))
    (False, True)
    """
    n = region.end - region.start
    turns = max(REGIONS["min_switches"], REGIONS["switch_share"] * n)
    return (region.gain + _gutter_credit(region) >= REGIONS["min_gain"] and region.switches >= turns
            and (boxes or len(region.tracks) * REGIONS["per_track"] <= n))


def reads_on(texts: list[str], pairs: seams.PagePairs, words) -> int:
    """How well lines read in this order: the seams a dictionary word or a page pair reads across, less the
    lines that stop mid-sentence with neither across into the next (CW18).

    >>> words = {"科学": -8.0}
    >>> pairs = seams.PagePairs.of(["科学家说"])
    >>> reads_on(["体验，帮助观众，理解复杂科", "学议题，并产生深远影响。"], pairs, words)
    1
    >>> reads_on(["体验，帮助观众，理解复杂科", "另一篇稿子，写得很长很长。", "学议题，并产生深远影响。"], pairs, words)
    -1
    """
    score = 0
    for left, right in zip(texts, texts[1:]):
        if sequels.seam(left, right, pairs, words).any:
            score += 1
        elif sequels.stops_open(left):
            score -= 1
    return score


def _left_to_rounds(numbered, pieces: list[Piece], choices, region: Region, words, trace: list[Step] | None) -> bool:
    """A stretch of whole lines (none cut at a gutter) that blank lines part into boxes (`boxed_blanks` or
    more inside it), which the steady rounds of CW11 (sequels.deal_back) give back box by box and read at
    least as well as the column search's reading (reads_on, `rounds_margin`): left as dumped, to CW11
    (CW18). The search reads such a page (pdfminer's, a box a line or a few) line by line, and its
    columns run on from one story's box into another's: the stories' heads and ends land in the wrong
    story, where CW11 moves whole boxes."""
    if region.gutters:
        return False
    lo, hi = pieces[region.start].no, pieces[region.end - 1].no
    lines = [(no, text) for no, text in numbered if lo <= no <= hi]
    blanks = sum(1 for (_, a), (_, b) in zip(lines, lines[1:]) if a.strip() and not b.strip())
    if blanks < REGIONS["boxed_blanks"] or not _heads_another_story(lines):
        return False
    dealt = sequels.deal_back(lines)
    if dealt == lines:
        return False
    put = [(no, text) for no, text in _rebuild(numbered, pieces, choices, [region])[0] if lo <= no <= hi]
    pairs = seams.PagePairs.of(text for _, text in numbered if text.strip())
    as_dealt, as_put = (reads_on([t.strip() for _, t in ls if t.strip()], pairs, words) for ls in (dealt, put))
    if as_dealt < as_put - REGIONS["rounds_margin"]:
        return False
    if trace is not None:
        trace.append(Step("CW18", "boxes-left-to-rounds", lo, hi, pieces[region.start].text,
                          f"{blanks} blank lines part the stretch into boxes; dealt back box by box it reads "
                          f"{as_dealt:+d} by its seams, put back column by column {as_put:+d}: left to CW11"))
    return True


def _heads_another_story(lines: list[tuple[int, str]]) -> bool:
    """Whether a box after a stretch's first opens another story by its heads: a title over text, or a
    title over a byline (sequels' CW55 look), or a byline line of its own (not a picture's credit). Text
    run on from column to column holds none, a dateline (本报讯…) opening a paragraph inside it neither,
    and the column search puts it back (CW01); CW18 leaves to CW11's rounds only the stretches where the
    search's columns would run from one story's box into another's head.

    >>> one = [(1, "本报讯（记者 王欣）近日，社区"), (2, ""), (3, "开展了活动，居民们都说好。"), (4, ""), (5, "本报讯（记者 李明）昨日")]
    >>> _heads_another_story(one), _heads_another_story(one + [(6, ""), (7, "本报记者 王欢")])
    (False, True)
    >>> _heads_another_story(one + [(6, ""), (7, "站好岗 放好哨"), (8, "——种好社区治理“责任田”")])
    True
    """
    boxes, _ = sequels.boxes_of(lines)
    return any(sequels.opens_heads(box) or any(shapes.is_byline(text.strip()) and not shapes.is_credit(text.strip())
                                                for _, text in box)
               for box in boxes[1:])


def _rounds_warning(before: list[tuple[int, str]], after: list[tuple[int, str]],
                    spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The warning for stretches of mixed columns left to CW11's rounds (CW18): issue 14 asks that a page
    whose columns were mixed says so, and names the extraction mode that keeps them whole, whichever
    stage put them back; where the rounds gave no box back, the stretch is said to stand as dumped.

    >>> before = [(1, "甲一"), (2, "乙一"), (3, "甲二"), (4, "乙二")]
    >>> _rounds_warning(before, [before[k] for k in (0, 2, 1, 3)], [(1, 4)])[0].split(" (CW11)")[0]
    'CW18 lines 1-4 mixed side-by-side columns; given back box by box'
    >>> _rounds_warning(before, before, [(1, 4)])[0].split(":")[0]
    'CW18 lines 1-4 mixed side-by-side columns; left as dumped'
    >>> _rounds_warning(before, before, [])
    ()
    """
    if not spans:
        return ()

    def order(lines, lo, hi):
        return [no for no, text in lines if lo <= no <= hi and text.strip()]

    moved = any(order(before, lo, hi) != order(after, lo, hi) for lo, hi in spans)
    where = ", ".join(f"{lo}-{hi}" for lo, hi in spans)
    return (f"CW18 lines {where} mixed side-by-side columns; "
            + ("given back box by box (CW11): " if moved else "left as dumped: ") + _TEXT_ADVICE,)


def _gutter_credit(region: Region) -> float:
    return REGIONS["per_gutter_line"] * region.gutters


def gutter_lines(pieces: list[Piece], start: int, end: int) -> int:
    """How many dump lines a stretch of pieces holds cut at a gutter (CW65): each is two columns'
    lines side by side, which the dump's own order reads across the page, so the stretch's gain
    over that order is a lower bound (its cues see a piece of the line going on into the next
    as one more seam, no worse than a column's). Fit pdftotext, by the line oracle: of the
    stretches the gain alone turned away, those with two such lines or more kept 2148 true links
    read by columns against 950 as dumped (232 stretches better, 27 worse).

    >>> ps = [Piece(1, 0, "甲", 1.0, False), Piece(1, 1, "乙", 1.0, False), Piece(2, 0, "丙", 1.0, False),
    ...       Piece(3, 0, "丁", 1.0, False), Piece(3, 1, "戊", 1.0, False), Piece(3, 2, "己", 1.0, False)]
    >>> gutter_lines(ps, 0, 6), gutter_lines(ps, 2, 4)
    (2, 0)
    """
    return len({pieces[k].no for k in range(start, end) if pieces[k].slot})


def _trace_gutter_evidence(trace: list[Step] | None, pieces: list[Piece], regions: list[Region]) -> None:
    """A step for each stretch put back that its gain alone would not have put back (CW65)."""
    if trace is None:
        return
    for r in regions:
        if r.gutters and r.gain < REGIONS["min_gain"]:
            first, last = pieces[r.start], pieces[r.end - 1]
            trace.append(Step("CW65", "merged-lines-evidence", first.no, last.no, first.text,
                              f"{r.gutters} lines cut at a gutter count for the stretch: gain {r.gain:+.1f} "
                              f"{_gutter_credit(r):+.1f} by them, at least {REGIONS['min_gain']:g} wanted"))


def _width(track: list[Piece]) -> float:
    """A track's column width: the commonest printed width of its pieces (the widest, if none repeats)."""
    counts = Counter(round(p.length) for p in track)
    width, n = counts.most_common(1)[0]
    return width if n > 1 else max(p.length for p in track)


def looks_dealt(texts: list[str]) -> bool:
    """Whether lines that stop mid-sentence seldom go on into the next line, by the page's own
    character pairs, but often into one a little further down: columns dealt out in turn.

    Cheap (a set of the page's pairs, no dictionary): this runs on every page.

    >>> col1, col2 = ["吉林省长春市农", "安县田间察看玉", "米新苗长势良好"], ["中国科学院东北", "地理研究所特别", "研究助理齐北松"]
    >>> elsewhere = ["农安县的玉米", "东北地理所的研究"]
    >>> dealt = [line for pair in zip(col1, col2) for line in pair] * 3
    >>> looks_dealt(dealt + elsewhere), looks_dealt((col1 + col2) * 3 + elsewhere)
    (True, False)
    """
    open_lines = [i for i in range(len(texts) - 2) if _open(texts[i])]
    if len(open_lines) < _MIN_OPEN:
        return False
    seen = seams.pairs_in(texts, {texts[i][-1] for i in open_lines})
    heads = [text[0] for text in texts]
    next_hits = later_hits = 0
    for i in open_lines:
        tail = texts[i][-1]
        next_hits += tail + heads[i + 1] in seen
        later_hits += any(tail + head in seen for head in heads[i + 2:i + 7])
    return later_hits >= _MIN_HITS and next_hits < _DEALT * later_hits


def _unsearched(numbered: list[tuple[int, str]], boxes: bool, trace: list[Step] | None,
                raw: list[tuple[int, str]] | None = None, cut: bool = True, ocr: bool = False) -> Result:
    """A page no column search is run on: a text extractor's boxes dealt in a steady round given
    back (CW11), a sequel moved past a head (CW12; cut: no line looked merged but was cut at no
    gutter, an OCR engine's spaces), head rows cut."""
    if not boxes:
        numbered = sequels.deal_back(numbered, trace)
        if cut:
            numbered = _past_heads(numbered, raw, trace, ocr)
    return Result(_cut_head_rows(numbered, trace), ())


def _past_heads(numbered: list[tuple[int, str]], raw: list[tuple[int, str]] | None,
                trace: list[Step] | None, ocr: bool = False) -> list[tuple[int, str]]:
    """A block that stops mid-sentence over a head given its sure sequel (CW12), or its sequel set at
    its measure (CW33), on a page whose blank lines part blocks, whose gutters, if any, are single spaces
    (pdftotext's default mode writes a story's next column after another story's block). CW12 only where
    the script is the dictionary's (simplified: on a traditional page fewer words are found across the
    seam a block really goes on by); CW33 reads a traditional page's seams in simplified."""
    if not sequels.parts_blocks(numbered) or not spaced_gutters(numbered if raw is None else raw):
        return numbered
    return sequels.reorder(numbered, trace, past_head=True, shaped=not ocr)  # (CW57 not on an OCR engine's page)


def reads_on_in_simplified(texts: list[str], words: dict[str, float] | None) -> bool:
    """Whether lines that stop mid-sentence, read in simplified script (OpenCC's t2s, the dictionary's),
    go on by a word (seams.word_across) into the next line far more often than only into one a little
    further down (fewer than _READ_ON as often): a column read in order, not boxes dealt out. On a page
    printed in traditional characters the dictionary misses the words across its true seams, so
    dealt_by_words, blind to them, sees chance words further down outnumber them.

    >>> col1, col2 = ["吉林省長春市農", "安縣田間察看玉", "米新苗長勢良好"], ["中國科學院東北", "地理研究所特別", "研究助理齊北松"]
    >>> words = {"农安县": -9.0, "玉米": -8.0, "东北地理": -10.0, "特别研究": -10.0}
    >>> dealt = [line for pair in zip(col1, col2) for line in pair]
    >>> reads_on_in_simplified(col1 + col2, words), reads_on_in_simplified(dealt, words)
    (True, False)
    """
    simple = [lexicon.converter("t2s").convert(text) for text in texts]
    n, next_hits, later_only = len(simple), 0, 0
    for i in range(n - 2):
        if _open(simple[i]):
            if seams.word_across(simple[i], simple[i + 1], words):
                next_hits += 1
            elif any(seams.word_across(simple[i], simple[j], words) for j in range(i + 2, min(n, i + 7))):
                later_only += 1
    return next_hits > 0 and later_only < _READ_ON * next_hits


def _reads_on_in_simplified(numbered: list[tuple[int, str]], texts: list[str], words: dict[str, float] | None,
                            trace: list[Step] | None) -> bool:
    """A traditional page that dealt_by_words took for dealt boxes read in order after all (CW17)."""
    if not words or not lexicon.printed_traditional(numbered) or not reads_on_in_simplified(texts, words):
        return False
    if trace is not None:
        first, last = numbered[0][0], numbered[-1][0]
        trace.append(Step("CW17", "traditional-reads-on", first, last, "dealt by words (traditional script)",
                          "read in order: in simplified script its open lines go on into the next line"))
    return True


def dealt_by_words(texts: list[str], words: dict[str, float] | None) -> bool:
    """Whether lines that stop mid-sentence go on into one a little further down, by the words
    across the seam (seams.word_across), as often as into the next line: boxes sorted by
    height dealt out in turn on part of the page (looks_dealt asks for most of it). Or, where a
    long column read whole (a wide story's lines, each a box alone) hides it on the whole page, in
    some stretch of _PART_LINES lines, going on further down outnumbers going on into the next line
    by _PART_MORE at least.

    >>> col1, col2 = ["吉林省长春市农", "安县田间察看玉", "米新苗长势良好"], ["中国科学院东北", "地理研究所特别", "研究助理齐北松"]
    >>> words = {"农安县": -9.0, "玉米": -8.0, "东北地理": -10.0, "特别研究": -10.0}
    >>> dealt = [line for pair in zip(col1, col2) for line in pair]
    >>> dealt_by_words(dealt * 2, words), dealt_by_words((col1 + col2) * 2, words)
    (True, False)
    >>> read = ["社区开展了一次活动", "居民踊跃参加活动。"] * 12
    >>> dealt_by_words(read + dealt * 2, words), dealt_by_words(read + col1 + col2, words)
    (True, False)
    """
    if not words:
        return False
    n = len(texts)
    # (goes on into the next line, into one a little further down) of each open line; None for the others
    seams_of = [(seams.word_across(texts[i], texts[i + 1], words),
                 any(seams.word_across(texts[i], texts[j], words) for j in range(i + 2, min(n, i + 7))))
                if i < n - 2 and _open(texts[i]) else None for i in range(n)]
    found = [pair for pair in seams_of if pair is not None]
    next_hits, later_hits = sum(nxt for nxt, _ in found), sum(later for _, later in found)
    if len(found) >= _MIN_OPEN and later_hits >= _MIN_WORD_LATER and later_hits >= _WORDS_DEALT * next_hits:
        return True
    flags = [pair or (False, False) for pair in seams_of]
    return any(sum(later - nxt for nxt, later in flags[lo:lo + _PART_LINES]) >= _PART_MORE
               for lo in range(max(1, n - _PART_LINES + 1)))


def dealt_in_chunks(numbered: list[tuple[int, str]], words: dict[str, float] | None = None) -> bool:
    """Whether blank lines part most lines that stop mid-sentence from the next (pdfminer's
    chunks), and a dictionary word runs from them into a line a little further down more often
    than into the next one: columns dealt out chunk by chunk, which the page's own character
    pairs (looks_dealt) are too few to show on a short page.

    >>> col1, col2 = ["吉林省长春市农", "安县田间察看玉", "米新苗长势良好"], ["中国科学院东", "北地理研究特", "别研究助理齐"]
    >>> dealt = [(k, line) for k, line in enumerate(line for pair in zip(col1, col2) for line in (pair[0], "", pair[1], ""))]
    >>> read = [(k, line) for k, line in enumerate(line for text in col1 + col2 for line in (text, ""))]
    >>> words = {"农安": -9.0, "安县": -9.0, "玉米": -8.0, "东北": -8.0, "地理": -8.0, "特别": -8.0, "研究": -8.0}
    >>> dealt_in_chunks(dealt * 2, words), dealt_in_chunks(read * 2, words)
    (True, False)
    """
    lines = [text.strip() for _, text in numbered]
    open_at = [k for k in range(len(lines) - 1) if _open(lines[k])]
    if len(open_at) < _MIN_OPEN or sum(not lines[k + 1] for k in open_at) < _CHUNKED * len(open_at):
        return False
    words = words if words is not None else seams.lexicon()
    texts = [text for text in lines if text]
    return _goes_on_further_down([(text, text) for text in texts], words) or _chunk_ends_dealt(numbered, words)


def _chunk_ends_dealt(numbered: list[tuple[int, str]], words) -> bool:
    """Whether chunks that stop mid-sentence go on, by a dictionary word across the seam, into a
    chunk a little further down more often than into the next one: part of a page dealt chunk by
    chunk, whose other chunks, read in order, hide it from dealt_in_chunks (a chunk's own lines
    always go on into each other).

    >>> col1, col2 = ["吉林省长春市农", "安县田间察看玉", "米新苗长势良好"], ["中国科学院东", "北地理研究特", "别研究助理齐"]
    >>> words = {"农安": -9.0, "安县": -9.0, "玉米": -8.0, "东北": -8.0, "特别": -8.0}
    >>> story = ["社区工作者全程参与了活动。", "", "孩子们在志愿者的组织下做游戏。", ""] * 4
    >>> dealt = [line for pair in zip(col1, col2) for line in (pair[0], "", pair[1], "")]
    >>> numbered = lambda lines: list(enumerate(lines, 1))
    >>> _chunk_ends_dealt(numbered(story + dealt * 2), words), _chunk_ends_dealt(numbered(story + [*col1, "", *col2, ""] * 2), words)
    (True, False)
    """
    boxes, _ = sequels.boxes_of(numbered)
    return _goes_on_further_down([(box[0][1].strip(), box[-1][1].strip()) for box in boxes], words)


def _goes_on_further_down(units: list[tuple[str, str]], words) -> bool:
    """Whether units (each its first and last line: a line, or a chunk) that stop mid-sentence go on,
    by a dictionary word across, into one two to six units further down, at least _MIN_WORD_HITS
    times and more often than into the next: columns dealt in turn."""
    next_hits = later_hits = 0
    for i in range(len(units) - 2):
        end = units[i][1]
        if not _open(end):
            continue
        next_hits += seams.word_across(end, units[i + 1][0], words)
        later_hits += any(seams.word_across(end, first, words) for first, _ in units[i + 2:i + 7])
    return later_hits >= _MIN_WORD_HITS and next_hits < later_hits


def _open(text: str) -> bool:
    """A full enough line that stops mid-sentence."""
    return len(text) >= 6 and text[-1] not in _STOPS and not shapes.ends_sentence(text)


def boxes_by_height(lines: list[tuple[int, str]]) -> bool:
    """Whether a dump reads like an OCR engine's text boxes sorted top to bottom (PaddleOCR,
    RapidOCR): a box a line, no blank line between two lines of text (the dump's own lines,
    before noise is taken out). pdfminer and Tesseract part their chunks with blank lines.

    Such a dump deals the columns out by the height of each box, not chunk by chunk: its
    unmerged stretches are searched with their own weights ([boxes] in rules/columns.toml).

    >>> boxes_by_height([(1, "行走在吉林"), (2, "省长春市农"), (3, "")]), boxes_by_height([(1, "行走"), (2, ""), (3, "省长")])
    (True, False)
    """
    at = [k for k, (_, text) in enumerate(lines) if text.strip()]
    return bool(at) and all(lines[k][1].strip() for k in range(at[0], at[-1]))


def find_regions(choices: list[assign.Choice], sequential: list[assign.Choice]) -> list[Region]:
    """Stretches where tracks overlap, each with its gain over the dump's order."""
    spans: dict[int, list[int]] = {}
    for c in choices:
        span = spans.setdefault(c.track, [c.piece, c.piece])
        span[1] = c.piece
    regions: list[Region] = []
    for first in sorted(spans):
        lo, hi = spans[first]
        if regions and lo <= regions[-1].end - 1:
            last = regions[-1]
            regions[-1] = Region(last.start, max(last.end, hi + 1), (*last.tracks, first), 0.0)
        else:
            regions.append(Region(lo, hi + 1, (first,), 0.0))
    scored = []
    for r in regions:
        if len(r.tracks) < 2:
            continue
        gain = sum(c.gain for c in choices[r.start:r.end]) - sum(c.gain for c in sequential[r.start:r.end])
        switches = sum(1 for k in range(r.start + 1, r.end) if choices[k].track != choices[k - 1].track)
        scored.append(Region(r.start, r.end, r.tracks, gain, switches))
    return scored


def _in_reading_order(region: Region, choices, pieces: list[Piece], stacked: bool, trace: list[Step] | None) -> Region:
    """A stretch with its tracks in reading order (left_to_right); under a stack of heads the leftmost
    column goes first, not the one that came first (CW13)."""
    span = choices[region.start:region.end]
    tracks = _tracks(span)
    order = left_to_right(tracks, span, pieces, free_first=stacked)
    if trace is not None and stacked and order[0] != left_to_right(tracks, span, pieces)[0]:
        first = next(pieces[c.piece] for c in span if c.track == order[0])
        trace.append(Step("CW13", "left-column-under-stacked-heads", first.no, pieces[region.end - 1].no, first.text,
                          "read first, though another column's line came before it: a stack of heads stands over "
                          "the stretch (side-by-side stories' heads, one over the other), the left one's column first"))
    return replace(region, tracks=order)


def stacked_heads(numbered: list[tuple[int, str]], first: int) -> bool:
    """Whether two head blocks or more, a blank line apart, stand right before line `first`: the heads of
    side-by-side stories set at different heights, which pdftotext writes one over the other.

    >>> page = [(1, "净化文化环境"), (2, ""), (3, "让世界看见中国的科学浪漫"), (4, ""), (5, "在上周六的比赛中，")]
    >>> stacked_heads(page, 5), stacked_heads(page[2:], 5)
    (True, False)
    """
    at = next((k for k, (no, _) in enumerate(numbered) if no == first), None)
    if at is None:
        return False
    blocks, block = 0, 0
    for _, text in reversed(numbered[:at]):
        text = text.strip()
        if not text:
            blocks += block > 0
            block = 0
            if blocks >= 2:
                return True
            continue
        if not (head_line(text) or shapes.is_byline(text)) or block >= 3:
            return False
        block += 1
    return blocks + (block > 0) >= 2


def left_to_right(tracks: tuple[int, ...], span, pieces, free_first: bool = False) -> tuple[int, ...]:
    """A stretch's tracks in reading order. The first stays first: it goes on from what stood
    before the stretch (its headline, its byline). The others go left to right, where merged
    lines hold both of two columns of one width; else in the order their heads came. A column
    whose head stands lower (a heading over it) is then read before the one right of it, though
    the extractor gave that one's head first; a caption, a headline or a byline stays where it came.

    >>> from cleanup.tracks import Piece
    >>> rows = [[0, 2], [0, 1, 2], [0, 1, 2], [1]]  # the tracks (columns) each merged line holds
    >>> ps = [Piece(no, slot, "甲乙", 2.0, False) for no, row in enumerate(rows) for slot, _ in enumerate(row)]
    >>> span = [assign.Choice(k, track, 0.0, ()) for k, track in enumerate(t for row in rows for t in row)]
    >>> left_to_right((0, 2, 1), span, ps)  # the right column's head came before the middle one's
    (0, 1, 2)
    >>> wide = [Piece(p.no, p.slot, "甲乙丙丁戊", 5.0, False) if c.track == 1 else p for p, c in zip(ps, span)]
    >>> left_to_right((0, 2, 1), span, wide)  # lines of another width beside them: read where they came
    (0, 2, 1)
    """
    by_line: dict[int, list[tuple[int, int]]] = {}
    for c in span:
        by_line.setdefault(pieces[c.piece].no, []).append((pieces[c.piece].slot, c.track))
    seen: Counter = Counter()  # (left track, right track) -> merged lines that hold both so
    for row in by_line.values():
        row.sort()
        seen.update((a, b) for k, (_, b) in enumerate(row) for _, a in row[:k] if a != b)
    held = {t: [pieces[c.piece] for c in span if c.track == t] for t in tracks}
    widths = {t: _width(held[t]) if len(held[t]) >= _COLUMN_LINES else None for t in tracks}
    # a column is left of another of its width where merged lines say so more often than not (a
    # caption, a headline or a byline beside the columns is read where it came)
    left_of = {t: {a for a in tracks if seen[a, t] > seen[t, a] and widths[a] is not None and widths[t] is not None
                   and abs(widths[a] - widths[t]) <= 1.5} for t in tracks}
    order: list[int] = [] if free_first else [tracks[0]]  # the first goes on from what stood before the stretch (a headline,
    rest = list(tracks[len(order):])  # a byline); after a stack of heads, the leftmost column goes first
    while rest:  # the first track nothing still waiting stands left of; a cycle: the first
        ready = next((t for t in rest if not left_of[t] & set(rest) - {t}), rest[0])
        order.append(ready)
        rest.remove(ready)
    return tuple(order)


def _opens(track: list[tuple[int, str]], last: bool) -> bool:
    """A track that starts a story: a dateline, a byline, a note's opener or a ——subtitle first, or
    two head lines (a headline and its subtitle or byline; a column's cut line passes for one), or
    one, the stretch's `last` track (its story goes on after the stretch)."""
    first = track[0][1].strip()
    return (shapes.opens_story(first) or shapes.is_note_opener(first) or shapes.is_subtitle_dash(first)
            or shapes.is_byline(first) and not shapes.is_credit(first)
            or head_line(first) and (len(track) == 1 and last
                                      or len(track) > 1 and (head_line(track[1][1]) or shapes.opens_story(track[1][1]))))


def _across(text: str, tracks: list[list[tuple[int, str]]]) -> bool:
    """Whether a line is wider than the stretch's column lines by half again (their median): a box
    across the columns, a caption under a picture, not a column's story.

    >>> _across("图为今日早盘各大指数集体上涨的情形，截至午间收盘各指数均有上涨。", [[(1, "他说。"), (2, "社区那些事")]])
    True
    """
    widths = sorted(shapes.display_length(t) for track in tracks for _, t in track)
    return shapes.display_length(text) > _ACROSS * widths[len(widths) // 2]


def heads_to_story(tracks: list[list[tuple[int, str]]], trace: list[Step] | None = None) -> list[list[tuple[int, str]]]:
    """A column's last lines, a headline (and its subtitle, byline) under a sentence's end, head the
    story below it in that column: they go before the first later track that opens a story (CW06).

    >>> t = [[(1, "他说。"), (5, "站好岗 放好哨"), (7, "种好社区治理“责任田”")], [(2, "总之，下游也在美国。")],
    ...      [(3, "社区那些事")]]
    >>> [[text for _, text in track] for track in heads_to_story(t)]
    [['他说。'], ['总之，下游也在美国。'], ['站好岗 放好哨', '种好社区治理“责任田”', '社区那些事']]

    A byline or a credit alone closes its story where it stands:

    >>> t = [[(1, "他说。"), (3, "本报记者 王欢")], [(2, "社区那些事"), (4, "本报讯（记者 王欢）新城社区")]]
    >>> heads_to_story(t) == t
    True

    A caption across the columns atop that column stays above; the head goes under it:

    >>> t = [[(1, "他说。"), (5, "站好岗 放好哨"), (7, "种好社区治理")], [(2, "总之，下游也在美国。")],
    ...      [(3, "本报讯 图为今日早盘各大指数集体上涨的情形，截至午间收盘各指数均有上涨。"), (4, "社区那些事多")]]
    >>> [no for no, _ in heads_to_story(t)[2]]
    [3, 5, 7, 4]
    """
    tracks = [list(track) for track in tracks]
    for i in range(len(tracks) - 1):
        track = tracks[i]
        k = len(track)
        while k > 1 and head_line(track[k - 1][1]):
            k -= 1
        if len(track) - k < 2 or not track[k - 1][1].strip().endswith(_ENDS) or shapes.is_byline(track[k][1]):
            continue  # a byline alone closes its story; a single line may be a column's cut one
        later = next((j for j in range(i + 1, len(tracks)) if tracks[j] and _opens(tracks[j], j == len(tracks) - 1)), None)
        if later is None:
            continue
        at = 0
        while at < len(tracks[later]) - 1 and _across(tracks[later][at][1], tracks):
            at += 1  # a caption across the columns stays above: the head opens the story under it
        if trace is not None:
            moved = " / ".join(text.strip() for _, text in track[k:])
            trace.append(Step("CW06", "heads-to-story", track[k][0], track[-1][0], moved[:24],
                              f"before line {tracks[later][at][0]}: {moved}"))
        tracks[later][at:at] = track[k:]
        del track[k:]
    return tracks


_ENDS = tuple("。！？”」")  # a sentence's last marks, as printed


def _rebuild(numbered, pieces: list[Piece], choices, regions: list[Region], boxes: bool = False,
             trace: list[Step] | None = None):
    """The dump's lines, each accepted region's pieces given back track by track where its first
    line stood. A line a region only partly holds gives its other pieces back in place, after it;
    blank lines inside a region only parted the extractor's chunks and go. The warning names
    what avoids the mix: another extraction mode, or for OCR text boxes (`boxes`) a layout step."""
    if not regions:
        return numbered, ()
    region_of = {k: r for r in regions for k in range(r.start, r.end)}
    # each printed line's pieces, in order (a line's first is slot 0): by line, not by line number,
    # since a line CW03 or CW04 cut comes back as several lines under its one number
    starts = [k for k, piece in enumerate(pieces) if piece.slot == 0] + [len(pieces)]
    line_pieces = iter(range(a, b) for a, b in zip(starts, starts[1:]))
    out: list[tuple[int, str]] = []
    done: set[int] = set()  # regions given back
    before = -1  # the last piece of the lines so far
    for no, text in numbered:
        ks = next(line_pieces) if text.strip() else None
        if not ks:  # a blank line: kept unless it stands inside a region
            inner = before in region_of and before + 1 in region_of and region_of[before] is region_of[before + 1]
            if not inner:
                out.append((no, text))
            continue
        before = ks[-1]
        held = [region_of[k] for k in ks if k in region_of]
        if not held:
            out.append((no, text))
            continue
        for region in held:
            if region.start not in done:
                done.add(region.start)
                held_lines = [[(pieces[c.piece].no, pieces[c.piece].text) for c in choices[region.start:region.end]
                               if c.track == track] for track in region.tracks]
                out.extend(line for track in heads_to_story(held_lines, trace) for line in track)
        out.extend((no, pieces[k].text) for k in ks if k not in region_of)
    columns = max(len(r.tracks) for r in regions)
    spans = ", ".join(f"{pieces[r.start].no}-{pieces[r.end - 1].no}" for r in regions)
    warning = (f"CW01 lines {spans} mixed side-by-side columns (up to {columns}); put back column by column: "
               + (_BOX_ADVICE if boxes else _TEXT_ADVICE))
    return out, (warning,)


# what avoids the mix, named in the warning: text extraction has modes that keep columns whole;
# an OCR engine's boxes carry the coordinates a layout step orders by column
_TEXT_ADVICE = "read such pages with `pdftotext -raw` or PyMuPDF's get_text(), which keep each column whole"
_BOX_ADVICE = ("the OCR engine's text boxes came sorted top to bottom across the page: order them by column "
               "from their coordinates (a layout analysis step, such as PaddleOCR's PP-Structure) before dumping")


def _explain(trace: list[Step], pieces: list[Piece], choices, regions: list[Region], weights) -> None:
    """One step a piece of each accepted region: its column, and the cues behind the choice
    (each cue's value and, in brackets, what it weighed), then the choice's whole score."""
    weight = weights.as_dict()
    for region in regions:
        names = {first: k + 1 for k, first in enumerate(region.tracks)}
        for c in choices[region.start:region.end]:
            p = pieces[c.piece]
            why = " ".join(f"{code}={v:g}({weight.get(code, 0) * v:+.1f})" for code, v in c.cues if v)
            trace.append(Step("CW01", "deinterleave", p.no, p.no, p.text,
                              f"[column {names[c.track]}] {p.text}  ← {why or 'no cue'}: {c.gain:+.1f}"))


def _load_weights() -> tuple[assign.Weights, assign.Weights, dict, dict, dict]:
    data = lexicon.read_rules("columns.toml")
    return (assign.Weights.of(data["cues"], LINK_CUES), assign.Weights.of({**data["cues"], **data["boxes"]}, LINK_CUES),
            data["regions"], data["box_pairs"], data["width_seams"])


WEIGHTS, BOX_WEIGHTS, REGIONS, BOX_PAIRS, WIDTH_SEAMS = _load_weights()
