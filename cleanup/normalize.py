"""Character-level repairs applied to every line of the dump (NM rules)."""

from __future__ import annotations

import re
import unicodedata

import regex

from . import lexicon
from .rulebook import rule

_LEX = lexicon.load()
_CONTROL_RE = regex.compile(r"[\p{Cc}\p{Cf}--[\t]]", regex.V1)
_FULLWIDTH_ALNUM_CODES = (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
_FULLWIDTH_ALNUM = str.maketrans({chr(c): chr(c - 0xFEE0) for c in _FULLWIDTH_ALNUM_CODES})
_KANGXI_RE = regex.compile(r"[\u2f00-\u2fdf]")
_RADICALS = str.maketrans(_LEX.radicals)
_SIMPLIFIED_KANGXI = str.maketrans(_LEX.kangxi_simplified)
_TWO_FORM_RE = re.compile(f"[{''.join(_LEX.kangxi_simplified)}]")
# str.translate is slow on CJK text; a search tells the few lines that need it
# (stdlib re: it searches for a set of characters several times faster than regex).
_FULLWIDTH_ALNUM_SET = "".join(map(chr, _FULLWIDTH_ALNUM_CODES))
_RADICAL_SET = r"\u2f00-\u2fdf" + "".join(map(re.escape, _LEX.radicals))
_FULLWIDTH_ALNUM_RE = re.compile(f"[{_FULLWIDTH_ALNUM_SET}]")
_RADICAL_RE = re.compile(f"[{_RADICAL_SET}]")
_LINE_WORK_RE = re.compile(f"[{_FULLWIDTH_ALNUM_SET}{_RADICAL_SET}]")  # what NM03 or NM04 acts on


def is_clean_line(text: str) -> bool:
    """Whether no line rule (NM01–NM04, SP02) has anything to do on a line, as on most lines:
    all printable (no control, zero-width or non-ASCII space), no space (SP02), no full-width
    letter or digit, no radical, and NFC already. One test, where the rules would take five.

    >>> is_clean_line("本报讯为进一步提高居民"), is_clean_line("每 2 个月"), is_clean_line("２０２３年")
    (True, False, False)
    """
    return (text.isprintable() and " " not in text and not _LINE_WORK_RE.search(text)
            and unicodedata.is_normalized("NFC", text))


@rule("NM01")
def remove_invisible_characters(text: str) -> str:
    """Remove zero-width, soft-hyphen and control characters.

    PDF extractors keep zero-width joiners and BOMs from the content stream; they
    are invisible in print and break search. Tabs are left for the indent check.

    >>> remove_invisible_characters("本报\\u200b讯\\x07")
    '本报讯'
    >>> remove_invisible_characters("本报讯")
    '本报讯'
    """
    if text.isprintable():
        return text
    return _CONTROL_RE.sub("", "".join(ch for ch in text if ch not in _LEX.invisible))


_WIDE_SPACES = "\u2001\u2003"  # an em quad, an em space: as wide as a character, as U+3000 is
_NARROW_SPACES = "\u00a0\u2000\u2002\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_TYPOGRAPHIC_SPACES = str.maketrans({**dict.fromkeys(_WIDE_SPACES, "\u3000"), **dict.fromkeys(_NARROW_SPACES, " ")})
_TYPOGRAPHIC_SPACE_RE = re.compile(f"[{_WIDE_SPACES}{_NARROW_SPACES}]")


@rule("NM05")
def plain_spaces(text: str) -> str:
    """Read an em space as the ideographic space, a narrower typographic space as a plain one.

    pdfminer keeps the PDF's em spaces (社区\u2003那些事): left as they are, no rule sees the
    phrase space there, nor a couplet headline.

    >>> plain_spaces("社区\u2003那些事")
    '社区\u3000那些事'
    >>> plain_spaces("1\u2009000元")
    '1 000元'
    >>> plain_spaces("社区 那些事")
    '社区 那些事'
    """
    return text.translate(_TYPOGRAPHIC_SPACES) if _TYPOGRAPHIC_SPACE_RE.search(text) else text


@rule("NM02")
def compose_unicode(text: str) -> str:
    """Compose characters to Unicode NFC.

    OCR output sometimes spells an accented Latin letter as base + combining mark.

    >>> compose_unicode("Cafe\\u0301")
    'Café'
    >>> compose_unicode("咖啡")
    '咖啡'
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@rule("NM03")
def narrow_fullwidth_alphanumerics(text: str) -> str:
    """Turn full-width digits and Latin letters into half-width ones.

    Chinese typesetting often sets numbers in full width (２０２３); FORMAT.md
    wants them half width so they can be searched. Full-width punctuation stays.

    >>> narrow_fullwidth_alphanumerics("２０２３年ＬＥＤ屏")
    '2023年LED屏'
    >>> narrow_fullwidth_alphanumerics("１００％，")
    '100％，'
    >>> narrow_fullwidth_alphanumerics("百分之百，")
    '百分之百，'
    """
    return text.translate(_FULLWIDTH_ALNUM) if _FULLWIDTH_ALNUM_RE.search(text) else text


@rule("NM04")
def restore_radicals(text: str) -> str:
    """Map Kangxi radicals and CJK radical supplements back to the ideographs.

    Some embedded PDF fonts map glyphs such as 黑 or 土 to the radical code
    points (⿊ U+2FCA, ⼟ U+2F1F), which look the same but match no search.

    >>> restore_radicals("⿊⼟地，⻬心")
    '黑土地，齐心'
    >>> restore_radicals("黑土地")
    '黑土地'

    A few stand for a character with two forms (⼾: 户 or 戶), and NFKC gives the traditional
    one: the line's other characters choose.

    >>> restore_radicals("客⼾分散在各地"), restore_radicals("客⼾分散在東南亞")
    ('客户分散在各地', '客戶分散在東南亞')
    """
    if not _RADICAL_RE.search(text):
        return text
    if _TWO_FORM_RE.search(text) and not _in_traditional(text):
        text = text.translate(_SIMPLIFIED_KANGXI)
    text = _KANGXI_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_RADICALS)


def _in_traditional(text: str) -> bool:
    """Whether a line's characters, radicals aside, are traditional ones (OpenCC's t2s changes them)."""
    rest = _RADICAL_RE.sub("", text)
    return lexicon.converter("t2s").convert(rest) != rest
