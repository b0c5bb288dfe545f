"""One comparable form for dump text and truth text, with a map back to the original offsets.

Dump and truth differ in ways that say nothing about which text a line holds: white space,
full- or half-width forms (NFKC), curly or straight quotes, traditional or simplified script
(OpenCC t2s), and the CJK radical code points pdfminer emits for some fonts (⿊ for 黑: NFKC
maps the Kangxi radicals, the project's own table in rules/characters.toml the supplement).
"""

from __future__ import annotations

import functools
import unicodedata

import opencc

from cleanup import lexicon

_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'}


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.cache
def _radicals() -> dict[str, str]:
    return lexicon.load().radicals


@functools.lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """The folded form of one character: '' for white space and controls.

    >>> fold_char("，"), fold_char("⿊"), fold_char("⺠"), fold_char("國"), fold_char("“"), fold_char("\\u3000")
    (',', '黑', '民', '国', '"', '')
    """
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs"):
        return ""
    text = unicodedata.normalize("NFKC", _radicals().get(ch, ch))
    text = "".join(_QUOTES.get(c, c) for c in text if not c.isspace())
    if text and not text.isascii():
        text = _converter().convert(text)
    return text


def fold(text: str) -> tuple[str, list[int], list[bool]]:
    """Folded text, the original offset of each folded character, and whether white space
    stood before it in the original.

    >>> folded, offsets, spaced = fold("每 2 个月，「國」")
    >>> folded, offsets, spaced
    ('每2个月,"国"', [0, 2, 4, 5, 6, 7, 8, 9], [False, True, True, False, False, False, False, False])
    """
    folded: list[str] = []
    offsets: list[int] = []
    spaced: list[bool] = []
    gap = False
    for index, ch in enumerate(text):
        form = fold_char(ch)
        if not form:
            gap = gap or ch.isspace()
            continue
        for piece in form:
            folded.append(piece)
            offsets.append(index)
            spaced.append(gap)
            gap = False
    return "".join(folded), offsets, spaced
