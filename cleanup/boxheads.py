"""HD18: a two-line headline's halves an OCR engine's boxes hold apart, another head's box between.

RapidOCR sorts its boxes top to bottom: where two columns' headlines stand side by side, a
couplet title's first half, the neighbour's head line (at about the same height) and the
couplet's second half come in a row (党委统揽 / 市民未插卡取款机吐出一万元 / 全域统筹), and the
column stage, which reads head lines as any column's lines, often leaves them so: the halves then
open two items. Where the first and third lines are alike halves of one couplet (short, closed,
the same length, set alike: assembly's couplet test) and the line between is no such half, the
halves become one line (as a wider box would have read them) and the line between goes before
it, as Tesseract's row read across is parted (CW03); where the line after the second half is the
other head's second half (the two couplets' halves dealt in turn), it joins the line between.
Box dumps whose columns the column stage dealt out only (on fit, every firing on an ordered text dump was
wrong), after it (before it, the search moved the lines anew and the page
read worse). Fit: README, HD18.
"""

from __future__ import annotations

import regex

from . import lexicon, seams
from .heads import parallel_halves
from .model import Step

_HALF = (3, 8)  # letters a couplet's half holds (fit paddle: halves of 3-8; column lines run longer)
_MARK_RE = regex.compile(r"[，。；！？、,.;!?（）()《》：:]")
_LABEL_RE = regex.compile(r"^[^：:]{2,6}[：:]")  # a column's label set before a head line (经济聚焦：站好岗)
_NOT_HEAD_RE = regex.compile(r"记者|通讯员|本报|摄|#|[A-Za-z]|\d{4}年|第\d+版|[，。；！？]")  # bylines, credits, junk, running heads, sentences


def _half(text: str, measure: float) -> bool:
    return _HALF[0] <= len(text) <= _HALF[1] and len(text) <= measure - 3 and not _MARK_RE.search(text)


def part_box_heads(numbered: list[tuple[int, str]], trace: list[Step] | None = None) -> list[tuple[int, str]]:
    """HD18: half, other head line, half -> other head line, both halves as one line.

    >>> rows = list(enumerate(["党委统揽", "市民未插卡取款机吐出一万元", "全域统筹", "本报讯（记者王鹏）白山", "市委书记谢忠岩说，全市",
    ...                        "今年以来深入贯彻落实", "省委部署，推动基层"]))
    >>> [text for _, text in part_box_heads(rows)][:3]
    ['市民未插卡取款机吐出一万元', '党委统揽 全域统筹', '本报讯（记者王鹏）白山']
    """
    lengths = sorted(len(t) for _, text in numbered if (t := text.strip()))
    if len(lengths) < 6:
        return numbered
    measure = lengths[len(lengths) // 2]  # the page's usual column line: a half is well short of it
    words = seams.lexicon()
    simplified = lexicon.converter("t2s").convert
    out = list(numbered)
    i = 0
    while i + 2 < len(out):
        a, b, c = (out[k][1].strip() for k in range(i, i + 3))
        b_core = _LABEL_RE.sub("", b)
        if _half(a, measure) and _half(c, measure) and len(a) == len(c) and len(b) >= 3 \
                and not _NOT_HEAD_RE.search(simplified(a + b + c)) and len(b_core) != len(a) \
                and parallel_halves(simplified(a), simplified(c), words):
            d = out[i + 3][1].strip() if i + 3 < len(out) else ""
            four = _half(b_core, measure) and _half(d, measure) and len(d) == len(b_core) \
                and not _NOT_HEAD_RE.search(simplified(d)) and parallel_halves(simplified(b_core), simplified(d), words)
            halves = f"{a} {c}" if out[i][0] < out[i + 2][0] else f"{c} {a}"  # in the order the engine read them
            other = (out[i + 1][0], f"{b} {d}") if four else out[i + 1]
            if trace is not None:
                trace.append(Step("HD18", "couplet-halves-apart", out[i][0], out[i + 2][0], f"{a} / {b} / {c}",
                                  f"{other[1]} / {halves}"))
            out[i:i + (4 if four else 3)] = [other, (min(out[i][0], out[i + 2][0]), halves)]
            i += 2
        else:
            i += 1
    return out
