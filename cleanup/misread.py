"""OCR misreadings whose repair the line's place or role makes certain (PU04–PU06)."""

from __future__ import annotations

import re

import regex

from . import lexicon
from .rulebook import rule

_LEX = lexicon.load()
# —— printed at a subtitle's head, read as 一一, —一, 一— or --; before a Han character (not a third 一)
# or an opening quote, no headline starts so. Two characters for two: nothing is invented.
_DASH_MISREAD_RE = regex.compile(r"^(?:一一|—一|一—|--|－－)(?=(?!一)[\p{Han}“‘《（])")
# a half-width sentence mark with a space before or after it, ending the line or before a closing
# quote (目标! ” / 好 ,): OCR's reading of a full-width mark, and join would not see the sentence end
_SPACED_END_RE = regex.compile(r"(?<=[\p{Han}”’）])(?: *([!?;:,]) +| +([!?;:,]) *)(?=[”’」』）]*$)")
# 〈 (U+3008) is OCR's reading of a full-width （ when its pair closes with a parenthesis
_ANGLE_PAIR_RE = re.compile(r"〈([^〈〉()（）]{1,30}?)\s*([)）])")


@rule("PU04", scope={"headline", "subtitle"})
def restore_subtitle_dash(text: str) -> str:
    """Give a headline line opened by a misread dash (一一, —一, 一—, --) its printed ——.

    OCR reads the two-em dash that opens a subtitle as two 一, as a dash and a 一,
    or as two hyphens. No headline starts with these before a character, so in a
    headline line the dash is certain. (A lone 一 or - is left: 一图读懂 is a headline.)

    >>> restore_subtitle_dash("一一中小银行风险化解加速推进"), restore_subtitle_dash("--中小银行风险化解")
    ('——中小银行风险化解加速推进', '——中小银行风险化解')
    >>> restore_subtitle_dash("一图读懂政府工作报告")
    '一图读懂政府工作报告'
    >>> restore_subtitle_dash("——政策松绑、平台支撑")
    '——政策松绑、平台支撑'
    """
    return _DASH_MISREAD_RE.sub("——", text, count=1) if text[:1] in "一—-－" else text


@rule("PU05")
def close_spaced_sentence_end(text: str) -> str:
    """Make a spaced half-width mark at a line's end (目标! ”) full width and drop its spaces.

    OCR reads a full-width ！ or ， as ! or , with a space beside it; at the line's
    end that hides the sentence end (or the clause's) from joining, which reads
    marks before polishing does.

    >>> close_spaced_sentence_end("一定能实现目标! ”"), close_spaced_sentence_end("今年的收成很好 ,")
    ('一定能实现目标！”', '今年的收成很好，')
    >>> close_spaced_sentence_end("他说! 这是")
    '他说! 这是'
    >>> close_spaced_sentence_end("10:30, 1,000 and 96.3%")
    '10:30, 1,000 and 96.3%'
    """
    if " " not in text:
        return text
    return _SPACED_END_RE.sub(lambda m: _LEX.widen[m.group(1) or m.group(2)], text)


@rule("PU06")
def restore_misread_parenthesis(text: str) -> str:
    """Turn an opening 〈 that a parenthesis closes (〈LIBS ) ) into a full-width （.

    OCR reads a full-width opening parenthesis as the angle bracket 〈; the
    closing one it reads right. A real 〈 closes with 〉.

    >>> restore_misread_parenthesis("光谱 〈LIBS ) 中"), restore_misread_parenthesis("电〈记者颜满斌)")
    ('光谱 （LIBS） 中', '电（记者颜满斌）')
    >>> restore_misread_parenthesis("〈论语〉有云")
    '〈论语〉有云'
    """
    if "〈" not in text:
        return text
    return _ANGLE_PAIR_RE.sub(lambda m: f"（{m.group(1)}）", text)
