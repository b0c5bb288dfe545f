"""A couplet title's half that OCR read out of place, put back beside its other half (CW08).

Tesseract reads each line of a big-type title as a block of its own, and on a page of several
stories it may read a couplet title's second half (站好岗 / 放好哨) far from the first: in the
middle of the story's text, or after another story. Each half then headed a story of its own,
or was glued into a paragraph. Two lone lines (blank lines around each), plain short phrases
of one width, are such halves, where the first stands at a story's start (after a sentence's
end, a credit or a byline) and no other headline line stands beside either of them.
"""

from __future__ import annotations

from collections import Counter

from . import shapes
from .heads import couplet_halves
from .model import Step

_REACH = 60  # dump lines between the two halves at most: one story's stretch, not the page


def rejoin_stray_halves(numbered: list[tuple[int, str]], trace: list[Step] | None = None) -> list[tuple[int, str]]:
    """Put a couplet title's stray half beside its other half (CW08): the second half moves right
    under the first, where the title was read first (moving the first down to a second half over
    its lede left the lines under the first without a head: fit f026).

    >>> rows = [(1, "前文完。"), (2, ""), (3, "及时整改到位"), (4, ""), (5, "本报讯 (记者 王明) 为进一步"),
    ...         (6, "强化安全，以查阅资料、"), (7, ""), (8, "提升安全水平"), (9, ""), (10, "现场检查、人员询问等方式对")]
    >>> [t for _, t in rejoin_stray_halves(rows)]
    ['前文完。', '', '及时整改到位', '提升安全水平', '', '本报讯 (记者 王明) 为进一步', '强化安全，以查阅资料、', '', '现场检查、人员询问等方式对']

    The second half moves up even where it stands over the story's lede, the first over the lede's tail.

    >>> rows = [(1, "基础。"), (2, ""), (3, "清理小广告"), (4, ""), (5, "美官方统计：放弃国籍人数暴增"), (6, ""),
    ...         (7, "比去年同期的865人，"), (8, ""), (9, "粉刷美环境"), (10, ""), (11, "本报讯 (记者 郑林) 改善")]
    >>> [t for _, t in rejoin_stray_halves(rows)]
    ['基础。', '', '清理小广告', '粉刷美环境', '', '美官方统计：放弃国籍人数暴增', '', '比去年同期的865人，', '', '本报讯 (记者 郑林) 改善']

    Not two lines of running text that OCR set apart (the first goes on from a clause), nor two
    halves already side by side, nor a label printed twice.

    >>> rows = [(1, "做考虑。具体来说，"), (2, ""), (3, "由于黑帮犯罪"), (4, ""), (5, "州被审判。"), (6, ""), (7, "签证等贪官可")]
    >>> rejoin_stray_halves(rows) == rows
    True
    >>> rows = [(1, "站好岗"), (2, "放好哨"), (3, ""), (4, "正文。"), (5, ""), (6, "编者按"), (7, ""), (8, "编者按")]
    >>> rejoin_stray_halves(rows) == rows
    True

    Nor pieces of rows read across the page, which share their dump line with other pieces.

    >>> rows = [(2, "而对于一个普通"), (2, ""), (2, "中新网宜昌2月1"), (3, ""), (15, "患者的生命。"), (15, ""), (15, "车刚好停在桃源路")]
    >>> rejoin_stray_halves(rows) == rows
    True
    """
    shared = {no for no, n in Counter(no for no, text in numbered if text.strip()).items() if n > 1}
    # a piece of a row read across the page (CW02-CW04) is no lone line: OCR cut it from its neighbours
    lone = [k for k in range(len(numbered)) if numbered[k][0] not in shared and _lone_half(numbered, k)]
    if len(lone) < 2:
        return numbered
    moves: list[tuple[int, int]] = []  # (first half, second half)
    taken: set[int] = set()
    for a in lone:
        if a in taken or not _at_story_start(numbered, a):
            continue
        first = numbered[a][1].strip()
        for b in lone:
            if b <= a or b in taken or numbered[b][0] - numbered[a][0] > _REACH:
                continue
            second = numbered[b][1].strip()
            if first == second or not _halves(first, second):
                continue
            if _beside_half(numbered, a) or _beside_half(numbered, b) or _head_beside(numbered, a) or _head_beside(numbered, b):
                break
            moves.append((a, b))
            taken |= {a, b}
            break
    if not moves:
        return numbered
    out = list(numbered)
    for a, b in moves:
        line_a, line_b = numbered[a], numbered[b]
        if trace is not None:
            trace.append(Step("CW08", "rejoin-stray-half", line_a[0], line_b[0], f"{line_a[1].strip()} … {line_b[1].strip()}",
                              f"{line_a[1].strip()} ¶ {line_b[1].strip()}"))
        _take_out(out, out.index(line_b))
        out.insert(out.index(line_a) + 1, line_b)
    return out


def _halves(first: str, second: str) -> bool:
    """Couplet halves, or nearly: OCR may read a character more into a stray half (突出党建引领 / 聚焦民生和福社).

    >>> _halves("突出党建引领", "聚焦民生和福社"), _halves("突出党建引领", "聚焦民生和福社区")
    (True, False)
    """
    if couplet_halves(first, second):
        return True
    short = min(len(first), len(second))
    return abs(len(first) - len(second)) == 1 and couplet_halves(first[:short], second[:short])


def _take_out(lines: list[tuple[int, str]], k: int) -> None:
    """Remove line k, and the blank line under it: the text around closes up as it stood around the blank."""
    del lines[k:k + 2 if k + 1 < len(lines) and not lines[k + 1][1].strip() else k + 1]


def _lone_half(numbered: list[tuple[int, str]], k: int) -> bool:
    """A line alone between blank lines (or the page's edge), a plain short phrase a couplet half may be."""
    text = numbered[k][1].strip()
    if not text or not 3 <= len(text) <= 8 or " " in text or shapes.standalone(text):
        return False
    if not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    return all(j < 0 or j >= len(numbered) or not numbered[j][1].strip() for j in (k - 1, k + 1))


def _near(numbered: list[tuple[int, str]], k: int, step: int) -> str:
    """The next line with text from k, up (step -1) or down (step 1); '' at the page's edge."""
    j = k + step
    while 0 <= j < len(numbered) and not numbered[j][1].strip():
        j += step
    return numbered[j][1].strip() if 0 <= j < len(numbered) else ""


def _at_story_start(numbered: list[tuple[int, str]], k: int) -> bool:
    """Nothing, a sentence's end or a standalone line (credit, byline) above: no clause runs into line k."""
    above = _near(numbered, k, -1)
    return not above or shapes.ends_paragraph(above) or shapes.standalone(above)


def _head_beside(numbered: list[tuple[int, str]], k: int) -> bool:
    """Another headline line next to line k (a blank line between at most): k is a line of that
    head (a two-line title's rest, a label over a title), not a half standing alone.
    A dateline, ——subtitle, byline or credit there is a story's, not a headline line.

    >>> _head_beside([(1, "足协曾忧王迪成“定时炸弹”"), (2, ""), (3, "两次漏判国安点球"), (4, ""), (5, "本报记者 陈新宇")], 2)
    True
    >>> _head_beside([(1, "以查阅资料、"), (2, ""), (3, "提升安全水平"), (4, ""), (5, "现场检查、人员询问等方式对")], 2)
    False
    """
    for other in (_near(numbered, k, -1), _near(numbered, k, 1)):
        if not other or shapes.BODY_PUNCT_RE.search(other) or not shapes.is_headline_like(other):
            continue
        if not (shapes.starts_with_dateline(other) or shapes.is_subtitle_dash(other) or shapes.is_byline(other)
                or shapes.standalone(other)):
            return True
    return False


def _beside_half(numbered: list[tuple[int, str]], k: int) -> bool:
    """A couplet half already next to line k (a blank line between at most): its title is whole."""
    text = numbered[k][1].strip()
    return any(couplet_halves(text, other) or couplet_halves(other, text)
               for other in (_near(numbered, k, -1), _near(numbered, k, 1)))
