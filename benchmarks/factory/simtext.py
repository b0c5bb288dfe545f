"""The text damage of one block, as the sample dumps show it: pure functions of text and a Random.

Widths are counted as printed: a CJK character or full-width mark is one, a Latin letter, digit
or space half (a 2-em column of 11–30 characters holds twice as many digits).
"""

from __future__ import annotations

import random
import re
import unicodedata

HALF_WIDTH = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")"}
STRAIGHT_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}
# Marks a line does not start with where the typesetter keeps kinsoku (they hang on the line above).
NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)%…—·")
# A column jump right after these reads as a paragraph end: the samples never cut there.
_SENTENCE_END_RE = re.compile(r"[。！？!?][”’」』）)]*\s*$")
_CJK_RE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")
_DIGIT_BOUNDARY_RE = re.compile(r"(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f])(?=[0-9])|(?<=[0-9])(?=[\u3400-\u9fff])")
_LATIN_BOUNDARY_RE = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u3400-\u9fff])")


def width(text: str) -> float:
    """Printed width in CJK characters: wide characters one, others half.

    >>> width("2025年"), width("LED电子屏")
    (3.0, 4.5)
    """
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def half_width_marks(text: str, share: float, rng: random.Random, quotes: bool = False) -> str:
    """Turn a share of the full-width marks ，：；？！（） beside Chinese text into ASCII ones.

    A mark between two digits stays (21：15 would come back as the time 21:15).

    >>> half_width_marks("近日，市第二中学（一）", 1.0, random.Random(1))
    '近日,市第二中学(一)'
    >>> half_width_marks("8月12日21：15至", 1.0, random.Random(1))
    '8月12日21：15至'
    """
    table = dict(HALF_WIDTH)
    if quotes:
        table.update(STRAIGHT_QUOTES)
    out = []
    for i, ch in enumerate(text):
        beside = text[i - 1:i] + text[i + 1:i + 2]
        if ch in table and _CJK_RE.search(beside) and rng.random() < share:
            ch = table[ch]
        out.append(ch)
    return "".join(out)


def space_digits(text: str, share: float, rng: random.Random, latin_share: float = 0.0) -> str:
    """Put a space at a share of the CJK–digit boundaries (and fewer CJK–Latin ones).

    >>> space_digits("今年8月，全区6000余名", 1.0, random.Random(1))
    '今年 8 月，全区 6000 余名'
    >>> space_digits("2.14平方公里", 0.0, random.Random(1))
    '2.14平方公里'
    """
    text = _DIGIT_BOUNDARY_RE.sub(lambda m: " " if rng.random() < share else "", text)
    if latin_share:
        text = _LATIN_BOUNDARY_RE.sub(lambda m: " " if rng.random() < latin_share else "", text)
    return text


def wrap(text: str, columns: float, rng: random.Random, kinsoku: bool) -> list[str]:
    """Hard breaks at the column width, as an extractor emits a justified column line by line.

    Without kinsoku a line may start with ，or 。 (the dumps show both typesetters).

    >>> wrap("党建工作是基层社会治理的重中之重。创新基层", 8, random.Random(1), kinsoku=True)
    ['党建工作是基层社', '会治理的重中之重。', '创新基层']
    >>> wrap("党建工作是基层社会治理的重中之重。创新基层", 8, random.Random(1), kinsoku=False)
    ['党建工作是基层社', '会治理的重中之重', '。创新基层']
    """
    lines: list[str] = []
    line, used = "", 0.0
    for ch in text:
        step = width(ch)
        if used + step > columns and line and not (kinsoku and ch in NO_LINE_START):
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += step
    if line:
        lines.append(line)
    return lines


def may_jump_after(text: str) -> bool:
    """A column jump may cut here: the text before it does not end a sentence.

    >>> may_jump_after("和灭火器材操作等方面的知"), may_jump_after("火灾扑救技能。”")
    (True, False)
    """
    return not _SENTENCE_END_RE.search(text)


def may_spread(line: str) -> bool:
    """Spread only a line with no printed space (a slogan's or dateline's space would vanish in it).

    >>> may_spread("每 2 个月举办"), may_spread("（通讯员 王欣）为进")
    (True, False)
    """
    return not any(ch == " " and not (_is_ascii_word(line[i - 1:i] or "x") or _is_ascii_word(line[i + 1:i + 2] or "x"))
                   for i, ch in enumerate(line))


def spread(line: str) -> str:
    """A justified line the extractor spread: one space between characters, digit and Latin runs kept.

    >>> spread("和灭火器材操作等方面的知")
    '和 灭 火 器 材 操 作 等 方 面 的 知'
    >>> spread("告诉记者，2026年受地")
    '告 诉 记 者 ， 2026 年 受 地'
    """
    out = []
    for ch in line:
        if out and not ch.isspace() and not out[-1].isspace() and not (_is_ascii_word(out[-1]) and _is_ascii_word(ch)):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def spread_name(byline: str, roles: frozenset[str]) -> str:
    """Spread two-character names in a byline or credit, as print aligns them with three-character ones.

    >>> spread_name("本报记者 田鹏 通讯员 王欣", frozenset({"本报记者", "通讯员"}))
    '本报记者 田 鹏 通讯员 王 欣'
    >>> spread_name("四平市委书记 郭灵计", frozenset())
    '四平市委书记 郭灵计'
    """
    tokens = byline.split(" ")
    for index, token in enumerate(tokens):
        if index and len(token) == 2 and token not in roles and all(_is_cjk(ch) for ch in token):
            tokens[index] = token[0] + " " + token[1]
    return " ".join(tokens)


def split_at(text: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut a one-line paragraph at a column jump: anywhere, mid-word included, not after a sentence.

    >>> split_at("学习党的二十大精神特色活动。", random.Random(3))
    ('学习党的二', '十大精神特色活动。')
    >>> split_at("好的。”", random.Random(3)) is None
    True
    """
    # A column holds a line's worth at least: the samples cut no closer than that to either end.
    cuts = [cut for cut in range(4, len(text) - 3) if text[cut - 1] != " " and may_jump_after(text[:cut])]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    return text[:cut], text[cut:]


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,%")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"
