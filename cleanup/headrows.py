"""A lone row of headlines Tesseract read across the page: the heads of side-by-side stories, parted.

Tesseract reads a row of big type across the gutter: the first line of one story's two-line
headline and a neighbour's one-line headline come as one line with a wide gap between them
(净化文化环境        锂同位素高精度原位检测成功实现 / 抓好安全生产). A stack of such rows is
the column stage's (CW02); a lone row is parted here, after it.
"""

from __future__ import annotations

from . import gutters, shapes
from .model import Step


def part_lone_head_rows(numbered: list[tuple[int, str]], trace: list[Step] | None = None) -> list[tuple[int, str]]:
    """A row of headlines whose first one wraps onto the next line, parted (CW03): the heads
    beside the first go before it, each its own block, to find their stories by content.

    >>> rows = [(3, "净化文化环境        锂同位素检测成功实现"), (4, "抓好安全生产"), (5, "")]
    >>> part_lone_head_rows(rows)
    [(3, '锂同位素检测成功实现'), (3, ''), (3, '净化文化环境'), (4, '抓好安全生产'), (5, '')]

    A row whose next line is not a headline's rest (a blank, running text) stays whole: the
    gap may part the two halves of one headline.

    >>> part_lone_head_rows([(3, "净化文化环境        抓好安全生产"), (4, "")])
    [(3, '净化文化环境        抓好安全生产'), (4, '')]
    """
    out: list[tuple[int, str]] = []
    for k, (no, text) in enumerate(numbered):
        parts = _lone_head_row(numbered, k)
        if not parts:
            out.append((no, text))
            continue
        if trace is not None:
            trace.append(Step("CW03", "part-lone-head-row", no, no, text.strip(), " ¶ ".join(parts)))
        for part in parts[1:]:
            out.extend([(no, part), (no, "")])
        out.append((no, parts[0]))
    return out


def _lone_head_row(numbered: list[tuple[int, str]], k: int) -> list[str]:
    """The pieces of line k, where it is a row of plain headlines and the next dump line, flush
    left, is the first one's rest; else []."""
    no, text = numbered[k]
    if k + 1 >= len(numbered) or numbered[k + 1][0] != no + 1:
        return []
    parts = gutters.ocr_parts(text.strip())
    if len(parts) < 2 or not all(map(_plain_head, parts)):
        return []
    rest = numbered[k + 1][1]
    if rest[:1].isspace() or not _plain_head(rest.strip()) or len(gutters.ocr_parts(rest.strip())) > 1:
        return []
    return parts


def _plain_head(text: str) -> bool:
    """A headline-like piece with no mark running text or junk prints."""
    return shapes.is_headline_like(text) and not shapes.BODY_PUNCT_RE.search(text) and "|" not in text
