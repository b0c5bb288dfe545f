"""Truth text -> the form a page prints it in, the damage FORMAT.md says cleaning undoes.

Each transform is the inverse of a cleaning rule: the page prints half-width
punctuation, a space between CJK and digits or Latin, a spread two-character name,
a wide phrase space; the truth keeps the clean form.
"""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
_HALF = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")", "“": '"', "”": '"', "‘": "'", "’": "'"}
_AUTOSPACE_RE = re.compile(f"(?<=[{CJK}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{CJK}])")
_SPREAD_RE = re.compile(f"(?<= )([{CJK}])([{CJK}])(?=$| |）)")
PHRASE_SPACES = {"ideographic": "\u3000", "double": "  ", "single": " "}


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


def _chinese(ch: str) -> bool:
    return is_cjk(ch) or ch in "。、，；：？！“”‘’（）《》—…"


def halfwidth_punctuation(text: str) -> str:
    """Print , : ; ? ! ( ) and straight quotes where a neighbour is CJK (cleaning widens them).

    >>> halfwidth_punctuation("活动中，他说：“好（真的）。”")
    '活动中,他说:"好(真的)。"'
    >>> halfwidth_punctuation("3，5")
    '3，5'
    """
    out = []
    for i, ch in enumerate(text):
        half = _HALF.get(ch)
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if half and (_chinese(before) or _chinese(after)):
            out.append(half)
        else:
            out.append(ch)
    return "".join(out)


def autospace(text: str) -> str:
    """Print a space between CJK and a digit or Latin letter (cleaning removes it).

    >>> autospace("每2个月举办LED培训")
    '每 2 个月举办 LED 培训'
    """
    return _AUTOSPACE_RE.sub(" ", text)


def spread_names(byline: str) -> str:
    """Print each two-character name of a byline spread over three (truth joins it).

    >>> spread_names("本报记者 田鹏")
    '本报记者 田 鹏'
    >>> spread_names("本报通讯员 董校霖 高野鹏")
    '本报通讯员 董校霖 高野鹏'
    """
    return _SPREAD_RE.sub(r"\1 \2", byline)


def phrase_spaces(line: str, style: str) -> str:
    """Print a headline's phrase spaces as an ideographic, double or single space."""
    return line.replace(" ", PHRASE_SPACES[style])
