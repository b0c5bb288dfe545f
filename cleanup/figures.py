"""HD30: a 1 Tesseract read as ] in a figure before its unit, in the stories' lines (2026年]月12日, 人数]年, 当天的]万).

FU06 mends the running head's date and page number so; the same misread stands in titles and
text: on the fit split's Tesseract dumps a ] no [ opened, right before 年 月 日 万 亿 or 至, is the
print's 1 in 109 of 137 (the rest a ] set beside a figure: 2016年11]月).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .model import Block, Step

# a figure holding a ], its unit right after it; not inside a bracket a [ opened ([1]年报)
_FIGURE_RE = re.compile(r"(?<![\[0-9.\]])[0-9.]*\][0-9\]]*(?=\s*[年月日万亿至])|(?<=第)\s*[0-9\]]*\][0-9\]]*(?=\s*版)")
_MOST = {"月": 12, "日": 31}  # a figure past these (111月) has a ] too many, not a 1 misread


def restore_figures(text: str) -> str:
    """The line with each ] of a figure before its unit read as the 1 it is, or dropped where a 1
    makes a month or day no calendar has, or a year of five figures.

    >>> restore_figures("为避税放弃美国国籍人数]年暴增5倍"), restore_figures("2026年]月12日，公司股价"), restore_figures("带着当天的]万元")
    ('为避税放弃美国国籍人数1年暴增5倍', '2026年1月12日，公司股价', '带着当天的1万元')
    >>> restore_figures("2016年11]月9日"), restore_figures("群众、7.]万名志愿者"), restore_figures("2001]年")
    ('2016年11月9日', '群众、7.1万名志愿者', '2001年')
    >>> restore_figures("见[1]年报"), restore_figures("[注]月度"), restore_figures("】月")  # a bracket's own ]
    ('见[1]年报', '[注]月度', '】月')
    """
    if "]" not in text or "[" in text:
        return text

    def figure(match: re.Match) -> str:
        ones, bare = match.group().replace("]", "1"), match.group().replace("]", "")
        unit = text[match.end():].lstrip()[:1]
        digits = ones.strip().replace(".", "")
        if unit == "年":
            fits = len(digits) < 3 or len(digits) == 4  # a count of years, or a year
        else:
            fits = unit not in _MOST or 1 <= int(digits) <= _MOST[unit]
        return ones if fits or not bare.strip() else bare

    return _FIGURE_RE.sub(figure, text)


def restore_block_figures(blocks: list[Block], trace: list[Step] | None = None) -> list[Block]:
    """HD30 on the stories' blocks, once read (the running head's figures are FU06's)."""
    out = []
    for block in blocks:
        fixed = restore_figures(block.text)
        if fixed != block.text:
            if trace is not None:
                trace.append(Step("HD30", "figure-one-read-as-bracket", block.first, block.last, block.text, fixed))
            block = replace(block, text=fixed)
        out.append(block)
    return out


def mended_characters(lines: list[str]) -> tuple[Counter[str], Counter[str]]:
    """For `conserve`: the ] HD30 may take from a dump's runs of lines (a block is read from one) and the 1 it
    gives; the running head's lines are FU06's."""
    from . import furniture  # (furniture counts its own)

    gone: Counter[str] = Counter()
    added: Counter[str] = Counter()
    runs: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or furniture.reads_as_running_head(furniture.as_read(line)):
            runs.append([])
        else:
            runs[-1].append(line.strip())
    for run in runs:
        text = "".join(run)
        if "]" not in text:
            continue
        fixed = restore_figures(text)
        gone["]"] += text.count("]") - fixed.count("]")
        added["1"] += fixed.count("1") - text.count("1")
    return gone, added
