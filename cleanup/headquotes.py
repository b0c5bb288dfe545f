"""HD15: the closing quote Tesseract dropped (or read as ` - ` or `“`) at a headline line's end.

Tesseract reads a headline's quoted word as 做强“枢纽 when the word ends its line: the closing
mark at the line's edge is lost, or read as a hyphen or as a second opening mark (转向“看成色- /
转向“看成色“). A head's quotes come in pairs within the head: an opening mark no later mark of
the head closes, with a few characters after it and nothing else, ended its line with its pair.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from . import shapes
from .heads import couplet_halves
from .model import Block, Step

# an opening mark with one to QUOTED letters after it and the line's end, maybe a misread closing mark
QUOTED = 8  # letters a headline's quoted word holds, at most (fit: the dropped marks close 2-4)
_OPEN_AT_END_RE = regex.compile(r"([“\"])([\p{Han}A-Za-z0-9]{1,%d})\s*([-－“\"]?)$" % QUOTED)


def closing_dropped(text: str) -> str | None:
    """The line with its closing mark restored, or None when its quotes need none.

    >>> closing_dropped("明责赋能 做强“枢纽"), closing_dropped("投资逻辑转向“看成色-"), closing_dropped("转向“看成色“")
    ('明责赋能 做强“枢纽”', '投资逻辑转向“看成色”', '转向“看成色”')
    >>> closing_dropped("做强“枢纽”"), closing_dropped("“爱心长跑”挽救70条生命"), closing_dropped("宁海一水电工“爱心长跑，挽救")
    (None, None, None)

    Read before polish curls them, a straight mark opens when the line's count of them is odd.

    >>> closing_dropped('投资逻辑转向"看成色-'), closing_dropped('"爱心长跑"挽救70条生命')
    ('投资逻辑转向“看成色”', None)

    Not the phrase space between a couplet's halves, which OCR reads as a mark too (PU07).

    >>> closing_dropped("及时整改到位“提升安全水平"), closing_dropped("基层一线：站好岗“放好哨")
    (None, None)
    """
    found = _OPEN_AT_END_RE.search(text)
    if not found or found.group(1) == '"' and text[:found.end(2)].count('"') % 2 == 0:
        return None  # a straight mark: the line's last one closes what another opened
    before = shapes.RUN_IN_LABEL_RE.sub("", text[:found.start()]).strip()
    if couplet_halves(before, found.group(2)):
        return None  # the mark is a couplet's phrase space misread (PU07's to mend)
    return text[:found.start()] + "“" + found.group(2) + "”"


def _closes(text: str) -> bool:
    """The line's first quote closes one opened before it: a curled closing mark, or a straight one of an odd count.

    >>> _closes("长跑”挽救"), _closes('长跑"挽救'), _closes('"爱心长跑"挽救'), _closes("“爱心”")
    (True, True, False, False)
    """
    first = regex.search(r"[“”\"]", text)
    return bool(first) and (first.group() == "”" or first.group() == '"' and text.count('"') % 2 == 1)


def dropped_closings(dump: str) -> tuple[int, int]:
    r"""For `conserve`: how many closing marks HD15 may add to the dump's lines, and of them how many
    stand for a hyphen (a hyphen that is its misread closing mark is not in the items).

    >>> dropped_closings('做强"枢纽\n投资逻辑转向“看成色-\n“爱心长跑”挽救')
    (2, 1)
    """
    added = hyphens = 0
    for line in dump.splitlines():
        line = line.strip()
        found = _OPEN_AT_END_RE.search(line)
        if found and closing_dropped(line) is not None:
            added += found.group(3) not in ("“", '"')
            hyphens += found.group(3) in ("-", "－")
    return added, hyphens


def close_dropped_quotes(blocks: list[Block], trace: list[Step] | None = None) -> list[Block]:
    """HD15: a headline line ending in an opening mark's short word gets the closing mark OCR dropped,
    unless the next headline line opens with its closing mark (a quote wrapped).

    >>> blocks = [Block('足协曾忧王迪成"定时炸弹', 3, 3, "headline"), Block("两次漏判国安点球", 4, 4, "headline")]
    >>> [b.text for b in close_dropped_quotes(blocks)]
    ['足协曾忧王迪成“定时炸弹”', '两次漏判国安点球']
    >>> blocks = [Block("宁海一水电工“爱心", 3, 3, "headline"), Block("长跑”挽救70条生命", 4, 4, "headline")]
    >>> [b.text for b in close_dropped_quotes(blocks)]
    ['宁海一水电工“爱心', '长跑”挽救70条生命']
    """
    out = list(blocks)
    for i, block in enumerate(out):
        if block.role != "headline":
            continue
        fixed = closing_dropped(block.text)
        if fixed is None:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.role == "headline" and _closes(nxt.text):
            continue  # the quote wraps: its closing mark opens the next line
        out[i] = replace(block, text=fixed)
        if trace is not None:
            trace.append(Step("HD15", "closing-quote-at-line-end", block.first, block.last, block.text, fixed))
    return out
