"""CV02: a page printed in traditional characters that an OCR engine read in simplified ones.

Tesseract's chi_sim model reads traditional print as simplified text (經濟 comes out 经济): on the
fit split's traditional Tesseract pages a third of the Han characters differ from the print, every
title is wrong and the page's CER is twice a simplified page's. The dump itself holds the print's
script in the one common character chi_sim keeps in its traditional form: 於, which simplified
print writes 于 (关于, 由于, 于是). So a page read by OCR, not in traditional characters already
(RapidOCR reads them as printed), that reads 於 at least once and as often as 于, was printed in
traditional ones, and its items are put back with OpenCC's s2t (phrase by phrase, its usual
forms). On the fit split this holds for 87 of 118 traditional Tesseract pages and none of 746
simplified ones (no simplified page of any group there reads 於 beside OCR's marks).
"""

from __future__ import annotations

from dataclasses import replace

from . import lexicon
from .model import Item, Step

KEPT, SIMPLIFIED = "於", "于"  # the traditional form chi_sim keeps, and the simplified form of the same word
_SHOWN = 40  # characters of an item the trace shows


def read_in_simplified(text: str) -> bool:
    """Whether a page's text, read by OCR, is traditional print read in simplified characters.

    >>> page = "该公司位於北京市海淀区，主要从事新能源汽车电池的研发和生产，去年营业收入增长三成。"
    >>> read_in_simplified(page), read_in_simplified(page.replace("於", "于")), read_in_simplified(page + "关于由于")
    (True, False, False)
    """
    kept = text.count(KEPT)
    return kept >= 1 and kept >= text.count(SIMPLIFIED) and not lexicon.printed_traditional([(0, text)])


def warning(text: str) -> str:
    """The page's warning: the whole page's text was changed on a guess the user should be able to check."""
    return (f"CV02 printed in traditional characters, read by OCR in simplified ones ({KEPT} {text.count(KEPT)}, "
            f"{SIMPLIFIED} {text.count(SIMPLIFIED)}): items put back with OpenCC s2t")


def to_traditional(items: list[Item], trace: list[Step] | None) -> list[Item]:
    """Every item but `noise` (set aside as read) in traditional characters."""
    convert = lexicon.converter("s2t").convert
    out = []
    for item in items:
        if item.kind == "noise":
            out.append(item)
            continue
        fields = {name: convert(getattr(item, name)) for name in ("column", "title", "subtitle", "byline", "credit")}
        body = tuple((tag, convert(text)) for tag, text in item.body)
        new = replace(item, body=body, **fields)
        if trace is not None and new != item:  # the item's opening shows it: the whole would double the manifest
            before = item.title or (item.body[0][1] if item.body else "")
            trace.append(Step("CV02", "traditional-read-simplified", item.first, item.first, before[:_SHOWN], convert(before)[:_SHOWN]))
        out.append(new)
    return out
