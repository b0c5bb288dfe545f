"""Page furniture: the running head and foot set aside as the page's one `furniture` item.

Real pages print the paper's name, the date, 第N版 and a section name above the stories,
and 责任编辑 / 美编 / 校对 under them. Read as text they would become a title or a
sentence of the first story. Only a run of such lines from the page's first or last line
is furniture: the same words in mid-page are a story's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import shapes
from .model import Item, Step
from .noise import as_read
from .rulebook import rule

_DIGIT = r"[0-9\]|?]"  # OCR reads a running head's 1 as 1] or ], a digit it cannot make out as ?
_FURNITURE_RE = re.compile(
    rf"第\s*(?:[0-9一二三四五六七八九十百]|{_DIGIT})+\s*版|[责責]任[编編][辑輯]|[责責][编編]|美[编編]|校[对對]|本版[编編][辑輯]|"
    rf"\d{_DIGIT}{{2,4}}\s*年\s*{_DIGIT}{{1,3}}\s*月\s*{_DIGIT}{{1,3}}\s*日\s*(?:星期|周|週)[一二三四五六日天]|"
    r"(?:^|\s{3})\S{2,6}(?:[日晚时時早商周週晨][报報])$"  # a paper's name alone, or last after a wide gap
)
_SENTENCE_RE = re.compile(r"[，。；！？,;!?]")
_MIN_PAGE = 12  # fewer printed lines than this are a snippet, not a page with a head and foot,
_MIN_CHARS = 500  # unless they hold this many characters (a dump with a paragraph a line)
_MAX_RUN = 6  # lines a running head or foot takes at most
_SECTION_CHARS = 3  # a section name (要闻, 国际) is this short; four characters are a headline as often


@rule("FU01")
def reads_as_running_head(text: str) -> bool:
    """A page number, an edition date, a paper's name or a 责任编辑 line, with no sentence in it.

    >>> [reads_as_running_head(t) for t in ("第14版 要闻 吉林日报", "2018年5月8日 星期三", "责任编辑：刘莉　美编：东宣")]
    [True, True, True]
    >>> [reads_as_running_head(t) for t in ("四平日报", "證券日報", "上周星期三，社区开展活动。", "记者从第3版获悉，")]
    [True, True, False, False]

    OCR's misreadings of a head's figures (第1]版, 2013年1]月10日 星期五, 第]版) leave it a head.

    >>> [reads_as_running_head(t) for t in ("第1]版", "2013年1]月10日 星期五", "第]版", "2021]年9月19日 星期一")]
    [True, True, True, True]

    OCR reads a head's row as one line, its pieces parted by wide gaps (财经        人民日报).

    >>> reads_as_running_head("财经                   人民日报"), reads_as_running_head("社区 人民日报社记者")
    (True, False)
    >>> reads_as_running_head("城市晚报" + " " * 60 + "2012年6月22日 星期五")  # the gaps are no printed text
    True
    """
    text = text.strip()
    printed = len("".join(text.split()))  # OCR pads a head's row out to the page's width with spaces
    return printed <= 60 and not _SENTENCE_RE.search(text) and bool(_FURNITURE_RE.search(text))


@rule("FU02")
def names_a_section(text: str) -> bool:
    """A word or two with no punctuation, set beside the running head: the page's section (经济, 视点).

    >>> names_a_section("综合"), names_a_section("经济 聚焦"), names_a_section("编者按"), names_a_section("公司否认")
    (True, False, False, False)
    """
    text = text.strip()
    if not 2 <= len(text) <= _SECTION_CHARS or shapes.NOTE_RE.match(text):
        return False  # a phrase space (经济 聚焦) makes a column label; 编者按 opens a note
    return all(ch.isalpha() for ch in text) and not text.isascii()


@dataclass(frozen=True, slots=True)
class Split:
    """The lines left for the stories (furniture blanked), and the furniture lines as read."""

    kept: list[tuple[int, str]]
    furniture: list[tuple[int, str]]


def split_furniture(numbered: list[tuple[int, str]], trace: list[Step] | None = None) -> Split:
    """Numbered lines -> Split: the running head (from the first line) and foot (to the last)."""
    if not _is_page(numbered):
        return Split(numbered, [])
    chosen = dict(_edge_run(numbered, range(len(numbered))))
    chosen.update(_edge_run(numbered, range(len(numbered) - 1, -1, -1)))
    if not chosen:
        return Split(numbered, [])
    kept, furniture = list(numbered), []
    for k in sorted(chosen):
        no, text = numbered[k]
        kept[k] = (no, "")  # a blank in its place: nothing joins across the head
        furniture.append((no, as_read(text)))
        if trace is not None:
            trace.append(Step(chosen[k], "running-head-or-foot", no, no, text, "(furniture)"))
    return Split(kept, furniture)


def _is_page(numbered: list[tuple[int, str]]) -> bool:
    """Enough printed lines, or characters, to be a page with a head and foot (looks no further than that)."""
    lines = chars = 0
    for _, text in numbered:
        if text.strip():
            lines, chars = lines + 1, chars + len(text)
            if lines >= _MIN_PAGE or chars >= _MIN_CHARS:
                return True
    return False


def _edge_run(numbered: list[tuple[int, str]], order: range) -> list[tuple[int, str]]:
    """The printed lines from the page's edge inward that are furniture, with the rule that says so,
    if one of them reads as a running head (FU01): section names alone are no running head (a page
    may open with a short headline)."""
    run: list[tuple[int, str]] = []
    for k in order:
        text = numbered[k][1]
        if not text.strip():
            continue
        code = "FU01" if reads_as_running_head(text) else "FU02" if names_a_section(text) else None
        if code is None or len(run) == _MAX_RUN:
            break
        run.append((k, code))
    return run if any(code == "FU01" for _, code in run) else []


def with_furniture_item(items: list[Item], split: Split) -> list[Item]:
    """The page's items with its one `furniture` item, in place by its earliest line (none without furniture)."""
    if not split.furniture:
        return items
    item = Item("furniture", split.furniture[0][0], body=tuple(("p", text) for _, text in split.furniture),
                spans=tuple((no, no, "furniture") for no, _ in split.furniture))
    at = bisect.bisect_right([i.first for i in items], item.first)
    return [*items[:at], item, *items[at:]]
