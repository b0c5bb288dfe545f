"""HD08: a line over a head that no title can be, read by OCR as the head's first line, is set out of the head.

Over a headline, Tesseract sets the running head's date it read apart from the rest of the running
head (2018年7月21日 星期四), and specks of a picture or a rule read as one or two characters (汐 / 孙, 六 / 了):
each stands alone and reads as a headline line, and a head's first line is its title, so the true
title went to the subtitle. Neither is a title: the line goes to running text, where assembly reads
it with the story over it, and the head under it keeps its own title (fitted on the fit split's
Tesseract dumps against the truth's line roles: see README, HD08).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from . import shapes
from .model import Block, Step

# a running head's date: a year's date, or a weekday (2016年9月10日 星期三)
DATE_RE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]")
SCRAP = 2  # letters, at most: a speck, not a title (fit: 43 such first lines over a head are no title, 6 are)


def not_a_title(text: str) -> bool:
    """A running head's date, or a scrap of one or two letters that no dash opens.

    >>> not_a_title("2016年9月10日 星期三"), not_a_title("六"), not_a_title("s主"), not_a_title("站好岗")
    (True, True, True, False)
    >>> not_a_title("——"), not_a_title("国际")
    (False, True)
    """
    text = text.strip()
    if DATE_RE.search(text):
        return True
    return shapes.letters(text) <= SCRAP and not shapes.is_subtitle_dash(text) and text[:1] not in "—一-－"


def set_out_scraps(blocks: list[Block], trace: list[Step] | None = None) -> list[Block]:
    """HD08: a one-line headline block right over another headline line, a date or a scrap, becomes running text.

    >>> blocks = [Block("汐", 5, 5, "headline"), Block("让世界看见中国的科学浪漫", 8, 8, "headline", gap_before=1)]
    >>> [(b.role, b.text) for b in set_out_scraps(blocks)]
    [('body', '汐'), ('headline', '让世界看见中国的科学浪漫')]
    """
    out = list(blocks)
    for i in range(len(out) - 1):
        block, below = out[i], out[i + 1]
        if block.role != "headline" or block.lines != 1 or below.role != "headline" or not not_a_title(block.text):
            continue
        if shapes.letters(below.text) < 3 or not_a_title(below.text):
            continue  # scraps in a row: a big-type title read a character a line, not a head under specks
        out[i] = replace(block, role="body")
        if trace is not None:
            trace.append(Step("HD08", "no-title-over-a-head", block.first, block.last, block.text, f"body: {block.text}"))
    return out
