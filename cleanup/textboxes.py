"""Text boxes the column search split (CW10): pdfminer writes a page as boxes parted by blank lines,
and the lines of one box (a headline's lines, its ——subtitle, a caption) are one column's."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from . import assign, shapes
from .tracks import Piece

_WIDER = 1.2  # a box's first line this many times a column's widest line, at least, stands across columns
_BOXED = 0.6  # the share of lines after a blank, at least, on a page written as text boxes (glued_lines)
_COMMAS = regex.compile(r"[,，、;；:：]")


def glued_lines(numbered: list[tuple[int, str]], pieces: list[Piece]) -> frozenset[int]:
    """The pieces that go on from the one before in the same text box: on a page whose extractor
    parts its boxes with blank lines, most lines one (pdfminer; not OCR's paragraphs), a whole line that follows
    another whole line with no blank between them is the same box's next line (a headline's second
    line, a caption's), never a line of the column beside it.

    >>> from cleanup.tracks import Piece
    >>> lines = [(1, "甲"), (2, ""), (3, "乙"), (4, "丙"), (5, ""), (6, "丁"), (7, ""), (8, "戊")]
    >>> ps = [Piece(no, 0, t, 1.0, False) for no, t in lines if t]
    >>> sorted(glued_lines(lines, ps))
    [2]
    >>> sorted(glued_lines([(no, t) for no, t in lines if t], ps))  # no blank lines: no boxes to read
    []
    """
    if not boxed(numbered):
        return frozenset()
    whole = Counter(p.no for p in pieces)
    return frozenset(k for k in range(1, len(pieces)) if pieces[k].no == pieces[k - 1].no + 1
                     and whole[pieces[k].no] == 1 and whole[pieces[k - 1].no] == 1)


def boxed(numbered: list[tuple[int, str]]) -> bool:
    """Whether the page is written as text boxes: a blank line stands before most of its lines (pdfminer).

    >>> boxed([(1, "甲"), (2, ""), (3, "乙"), (4, ""), (5, "丙")]), boxed([(1, "甲"), (2, "乙"), (3, "丙")])
    (True, False)
    """
    texts = [text.strip() for _, text in numbered]
    after_blank = sum(1 for k in range(1, len(texts)) if texts[k] and not texts[k - 1])
    return after_blank >= _BOXED * sum(1 for t in texts if t)


def keep_boxes(choices: list[assign.Choice], glued: frozenset[int], pieces: list[Piece], start: int = 0,
               end: int | None = None) -> tuple[list[assign.Choice], list[tuple[int, int, bool]]]:
    """The choices of the stretch start:end with each text box (glued_lines) the search split put
    back on the track of its first line, and the boxes so mended (first piece, last piece, whether
    a head). A box of head lines (a headline's lines, its ——subtitle) takes the byline right under
    it along, a box of its own, and joins a column only where that column stands at a sentence end
    (or starts there): else another column of the box that does, or none. A box wider than the
    column's other lines stands across columns (a caption) and is left as dealt.

    >>> from cleanup.tracks import Piece
    >>> texts = ["农安县的玉米长势良好。", "净化文化环境", "抓好安全生产", "本报记者 王欢", "东北地理所的研究"]
    >>> ps = [Piece(k, 0, t, 6.0, False) for k, t in enumerate(texts)]
    >>> cs = [assign.Choice(k, t, 0.0, ()) for k, t in enumerate([0, 0, 2, 0, 4])]
    >>> mended, boxes = keep_boxes(cs, frozenset({2}), ps)
    >>> [c.track for c in mended], boxes  # the headline's second line and its byline go with its first
    ([0, 0, 0, 0, 4], [(1, 3, True)])
    >>> [c.track for c in keep_boxes(cs, frozenset({1}), ps)[0]]  # a box the search kept together
    [0, 0, 2, 0, 4]
    >>> open_ps = [replace(ps[0], text="农安县的玉米长势良好，")] + ps[1:]
    >>> [c.track for c in keep_boxes(cs, frozenset({2}), open_ps)[0]]  # that column goes on mid-sentence: the box's other
    [0, 1, 1, 1, 4]
    >>> two = [Piece(k, 0, t, 6.0, False) for k, t in enumerate(["甲地的研究，", "乙地的发展，", "净化文化环境", "抓好安全生产"])]
    >>> keep_boxes([assign.Choice(k, t, 0.0, ()) for k, t in enumerate([0, 1, 0, 1])], frozenset({3}), two)[1]  # none stands open
    []
    >>> wide = ps[:1] + [replace(ps[1], length=12.0)] + ps[2:]
    >>> keep_boxes(cs, frozenset({2}), wide)[1]  # wider than its column: across columns
    []
    """
    choices = list(choices)
    mended: list[tuple[int, int, bool]] = []
    stop = len(choices) if end is None else end  # the stretch start:stop is mended alone
    k = start + 1
    while k < stop:
        if k not in glued:
            k += 1
            continue
        first, last = k - 1, k
        while last in glued and last < stop:
            last += 1
        head = head_line(pieces[first].text) and not shapes.is_credit(pieces[first].text)
        while head and last < stop and _byline(pieces[last].text):  # the head's byline, a box of its own
            last += 1
        k = last
        box = range(first, last)
        if len({choices[j].track for j in box}) == 1:
            continue  # the search kept it together (most boxes)
        track = choices[first].track
        if head and not _stands_open(choices, pieces, start, first, track):
            # its column stops mid-sentence: another story's; a column of the box that stands at a stop, or none
            track = next((t for t in dict.fromkeys(choices[j].track for j in box)
                          if _stands_open(choices, pieces, start, first, t)), None)
            if track is None:
                continue
        if _wider(choices, pieces, start, stop, box, track):
            continue  # wider than the column: a box across columns (a caption), left as the search dealt it
        mended.append((first, last - 1, head))
        for j in box:
            choices[j] = replace(choices[j], track=track)
        choices = _relabel(choices, start, stop)
    return choices, mended


def _wider(choices: list[assign.Choice], pieces: list[Piece], start: int, stop: int, box: range, track: int) -> bool:
    """Whether a box's first line is wider than every other line of the track it would join."""
    others = [pieces[i].length for i in range(start, stop) if choices[i].track == track and i not in box]
    return bool(others) and pieces[box[0]].length > _WIDER * max(others)


def _stands_open(choices: list[assign.Choice], pieces: list[Piece], start: int, first: int, track: int) -> bool:
    """Whether a track may take a new box at piece first: it has no piece before it in the stretch,
    or its last one ends a sentence."""
    before = [i for i in range(start, first) if choices[i].track == track]
    return not before or shapes.ends_sentence(pieces[before[-1]].text)


def _relabel(choices: list[assign.Choice], start: int, stop: int) -> list[assign.Choice]:
    """Each track of the stretch named by its first piece again, after pieces moved between tracks."""
    groups: dict[int, list[int]] = {}
    for i in range(start, stop):
        groups.setdefault(choices[i].track, []).append(i)
    names = {t: members[0] for t, members in groups.items() if t >= start and t != members[0]}
    return [replace(c, track=names[c.track]) if start <= i < stop and c.track in names else c
            for i, c in enumerate(choices)]


def _byline(text: str) -> bool:
    return shapes.is_byline(text) and not shapes.is_credit(text)


def head_line(text: str) -> bool:
    """A line only a story's head prints: a headline with no comma (a column's cut line of text has
    one, often), a ——subtitle, a byline (not a picture's credit)."""
    text = text.strip()
    return not shapes.is_credit(text) and (shapes.is_headline_like(text) and not _COMMAS.search(text)
                                           or shapes.is_subtitle_dash(text) or shapes.is_byline(text))
