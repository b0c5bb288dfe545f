"""Lines -> paragraphs: does this line continue the paragraph above? (JN rules)

Each join rule takes the previous line, the current line and the page layout,
and answers True (join), False (break) or None (no opinion). The first opinion
wins; with none, lines break. Rules run in the order `pipeline.JOIN_RULES` lists.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import lexicon, shapes
from .rulebook import rule

_LEX = lexicon.load()
_NUMBERED_RE = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d))")
_LATIN_END_RE = regex.compile(r"[A-Za-z]$")
_LATIN_START_RE = regex.compile(r"^[A-Za-z]")


@dataclass(slots=True)  # not frozen: one is built per line, and a frozen one costs four times as much
class Seam:
    """Where two lines meet: what a join rule looks at (rules only read it)."""

    prev: str
    cur: str
    prev_len: float
    cur_len: float
    width: float | None  # the local column width; None where lines are whole paragraphs
    blanks: int  # blank lines between the two
    double_spaced: bool  # the region puts a blank line after every line
    cur_indented: bool
    indents_mean_paragraphs: bool
    prev_opens: bool = False  # prev is a paragraph's first line, printed indented by two
    prev_standalone: bool = False  # shapes.standalone(prev), computed once per line by the layout
    cur_standalone: bool = False

    @property
    def prev_full(self) -> bool:
        if self.width is None:
            return self.prev_len >= 24
        slack = 4.5 if self.prev_opens else 1.5
        return self.prev_len >= self.width - slack

    @property
    def prev_ends_sentence(self) -> bool:
        return shapes.ends_sentence(self.prev)


@rule("JN01")
def keep_standalone_lines_apart(seam: Seam) -> bool | None:
    """Never join a byline, credit, note opener or headline couplet to a neighbour.

    These lines are complete on their own; the wrap test below would glue a
    full-width caption line to the credit printed under it.

    >>> keep_standalone_lines_apart(_seam("……缩量。", "本报记者 何嘉 摄"))
    False
    >>> keep_standalone_lines_apart(_seam("为进一步提高居民自救互救、参与", "火灾扑救的能力"))
    """
    if seam.prev_standalone or seam.cur_standalone:
        return False
    return None


@rule("JN02")
def join_leading_punctuation(seam: Seam) -> bool | None:
    """Join a line that starts with a mark no paragraph starts with (，。、）”).

    Extractors break before a comma that the typesetter hung in the margin.

    >>> join_leading_punctuation(_seam("不少学者认为", "，政府对商家的招牌"))
    True
    >>> join_leading_punctuation(_seam("不少学者认为", "政府对商家的招牌"))
    """
    return True if seam.cur[:1] in _LEX.never_start else None


@rule("JN03")
def break_before_indent(seam: Seam) -> bool | None:
    """Break before an indented line where indents mark paragraphs.

    >>> break_before_indent(_seam("……效能。", "基层社会治理", cur_indented=True))
    False
    >>> break_before_indent(_seam("……效能", "基层社会治理"))
    """
    return False if seam.cur_indented and seam.indents_mean_paragraphs else None


@rule("JN04")
def break_before_paragraph_opener(seam: Seam) -> bool | None:
    """Break before a dateline or a numbered point (本报讯…, 一、…, （二）…).

    >>> break_before_paragraph_opener(_seam("……建设。", "二、坚持精准施治，"))
    False
    >>> break_before_paragraph_opener(_seam("选优配强", "“双三长”5000余人"))
    """
    if _NUMBERED_RE.match(seam.cur) or shapes.starts_with_dateline(seam.cur):
        return False
    return None


@rule("JN05")
def break_after_short_line(seam: Seam) -> bool | None:
    """Break after a line clearly shorter than its column: a paragraph's last line.

    >>> break_after_short_line(_seam("财产安全。", "本报讯", width=13))
    False
    >>> break_after_short_line(_seam("金桥社区的工作人员首先向辖", "区居民", width=13))
    """
    return None if seam.prev_full else False


@rule("JN06")
def join_wrapped_line(seam: Seam) -> bool | None:
    """Join a full line that does not end a sentence to the next, across blank lines too.

    A blank line there is a column or page jump (……方面的知 / 识。).

    >>> join_wrapped_line(_seam("和灭火器材操作等方面的知", "识。随后", width=12, blanks=1))
    True
    >>> join_wrapped_line(_seam("财产安全。", "本报讯", width=5))
    """
    return None if seam.prev_ends_sentence else True


@rule("JN07")
def join_sentence_end_inside_paragraph(seam: Seam) -> bool | None:
    """Join a full line ending a sentence when no blank line marks a paragraph end.

    Inside a paragraph a sentence often ends exactly at the column edge; only a
    blank line says the paragraph ended, unless the dump wraps lines and puts a
    blank after every one of them.

    >>> join_sentence_end_inside_paragraph(_seam("如磐石。常态开展社区培训班。", "定期", width=14))
    True
    >>> join_sentence_end_inside_paragraph(_seam("如磐石。常态开展社区培训班。", "定期", width=14, blanks=1))
    False
    """
    return seam.blanks == 0 or (seam.double_spaced and seam.width is not None)


def _seam(prev: str, cur: str, width: float | None = None, blanks: int = 0, cur_indented: bool = False) -> Seam:
    """Build a Seam for the examples above."""
    return Seam(prev, cur, shapes.display_length(prev), shapes.display_length(cur), width, blanks,
                False, cur_indented, True, prev_standalone=shapes.standalone(prev),
                cur_standalone=shapes.standalone(cur))


def joins(rules, seam: Seam) -> bool:
    """The first rule with an opinion decides; with none, break."""
    for r in rules:
        verdict = r.func(seam)
        if verdict is not None:
            return verdict
    return False


def glue(prev: str, cur: str) -> str:
    """Join two wrapped lines: no space in CJK text, one between Latin words.

    >>> glue("利用LED电子", "屏滚动播放")
    '利用LED电子屏滚动播放'
    >>> glue("the new", "policy")
    'the new policy'
    >>> glue("inter-", "national")
    'international'
    """
    if _LATIN_END_RE.search(prev[-2:]) and _LATIN_START_RE.match(cur):  # [-2:]: $ may stand before a last \n
        return prev + " " + cur
    if prev.endswith("-") and prev[-2:-1].isalpha() and prev[-2:-1].isascii() and cur[:1].islower():
        return prev[:-1] + cur
    return prev + cur
