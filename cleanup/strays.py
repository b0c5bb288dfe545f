"""A couplet title's half that OCR read out of place, put back beside its other half (CW08).

Tesseract reads each line of a big-type title as a block of its own, and on a page of several
stories it may read a couplet title's second half (站好岗 / 放好哨) far from the first: in the
middle of the story's text, or after another story. Each half then headed a story of its own,
or was glued into a paragraph. Two lone lines (blank lines around each), plain short phrases
of one width, are such halves, where the first stands at a story's start (after a sentence's
end, a credit or a byline) and no other headline line stands beside either of them (running text
the second was read into is none, nor the first's subtitle).
"""

from __future__ import annotations

from collections import Counter

from . import shapes
from .heads import couplet_halves
from .model import Step

_HALF_MAX = 8  # a couplet half's characters, at most (heads._HALF)
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

    The second half read into the story's running text, a sentence going on across it, comes out of it too.

    >>> rows = [(1, "技能。"), (2, ""), (3, "清理小广告"), (4, ""), (5, "本报讯 (记者 郑林) 改"), (6, "善辖区环境，连日来，平城"),
    ...         (7, "区各社区积极开展清"), (8, ""), (9, "粉刷美环境"), (10, "理小广告和墙体路面粉刷活"), (11, "动。")]
    >>> [t for _, t in rejoin_stray_halves(rows)][:5]
    ['技能。', '', '清理小广告', '粉刷美环境', '']

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
    seconds = sorted({*lone, *(k for k in range(len(numbered)) if numbered[k][0] not in shared and _half_in_text(numbered, k))})
    if len(lone) < 1 or len(seconds) < 2:
        return numbered
    moves: list[tuple[int, int]] = []  # (first half, second half)
    taken: set[int] = set()
    texts = {k: numbered[k][1].strip() for k in seconds}
    # a line with a couplet partner of its own width is no near half of another: pair exact halves first
    paired = {k for k in seconds if any(j != k and (couplet_halves(texts[k], texts[j]) or couplet_halves(texts[j], texts[k])) for j in seconds)}
    for exact in (True, False):
        for a in lone:
            if a in taken or not _at_story_start(numbered, a) or not exact and a in paired:
                continue
            first = texts[a]
            for b in seconds:
                if b <= a or b in taken or numbered[b][0] - numbered[a][0] > _REACH:
                    continue
                second = texts[b]
                if first == second or not (couplet_halves(first, second) if exact else b not in paired and _halves(first, second)):
                    continue
                if _beside_half(numbered, a) or _beside_half(numbered, b) or _head_beside(numbered, a, first=True) or _head_beside(numbered, b):
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
    return _plain_half(numbered[k][1].strip()) and all(_blank(numbered, j) for j in (k - 1, k + 1))


def _half_in_text(numbered: list[tuple[int, str]], k: int) -> bool:
    """A plain short phrase under a blank line, inside running text that goes on across it: a stray second
    half OCR read as the head of the paragraph under it (共筑公益基石 / 心捐赠活动，向福利院).

    >>> rows = [(1, "同志带领党员志愿服务队"), (2, "走进市社会福利院，开展爱"), (3, ""), (4, "共筑公益基石"), (5, "心捐赠活动，向福利院捐赠")]
    >>> _half_in_text(rows, 3), _lone_half(rows, 3)
    (True, False)
    >>> _half_in_text([(1, "同志带领党员志愿服务队"), (2, "走进市社会福利院。"), (3, ""), (4, "共筑公益基石"), (5, "心捐赠活动")], 3)
    False

    Not a column's label over its title (a label is over a head, not inside a sentence).

    >>> _half_in_text([(1, "运动员敢于拼搏、勇于"), (2, "积极配合，现场观众"), (3, ""), (4, "社会那些事"), (5, "清理小广告 粉刷美环境")], 3)
    False
    """
    return _plain_half(numbered[k][1].strip()) and _blank(numbered, k - 1) and not _blank(numbered, k + 1) \
        and _in_running_text(numbered, k, 1)


def _blank(numbered: list[tuple[int, str]], j: int) -> bool:
    return j < 0 or j >= len(numbered) or not numbered[j][1].strip()


def _plain_half(text: str) -> bool:
    """A plain short phrase of Han characters: what a couplet title's half may be."""
    if not text or not 3 <= len(text) <= 8 or " " in text or shapes.standalone(text):
        return False
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _near(numbered: list[tuple[int, str]], k: int, step: int) -> str:
    """The next line with text from k, up (step -1) or down (step 1); '' at the page's edge."""
    j = _next(numbered, k, step)
    return numbered[j][1].strip() if 0 <= j < len(numbered) else ""


def _at_story_start(numbered: list[tuple[int, str]], k: int) -> bool:
    """Nothing, a sentence's end or a standalone line (credit, byline) above: no clause runs into line k."""
    above = _near(numbered, k, -1)
    return not above or shapes.ends_paragraph(above) or shapes.standalone(above)


def _head_beside(numbered: list[tuple[int, str]], k: int, first: bool = False) -> bool:
    """Another headline line next to line k (a blank line between at most): k is a line of that
    head (a two-line title's rest, a label over a title), not a half standing alone.
    A dateline, ——subtitle, byline or credit there is a story's, not a headline line; nor is a line of
    running text the half was read into (_in_running_text), nor, under a first half, its subtitle: a
    wider line that ends the head (a column's label is over a title that goes on: a second line, a ——subtitle).

    >>> rows = [(1, "根基。"), (2, ""), (3, "净化文化环境"), (4, ""), (5, "铁东区开展印刷企业安全生产检查"), (6, ""), (7, "本报讯 (通讯员 李照星) 为进一步")]
    >>> _head_beside(rows, 2, first=True), _head_beside(rows, 2)
    (False, True)
    >>> rows = [(1, "社会那些事"), (2, ""), (3, "汇率避险“工具箱”再扩容"), (4, "小币种产品密集落地"), (5, ""), (6, "本报记者 王斌")]
    >>> _head_beside(rows, 0, first=True)
    True

    >>> _head_beside([(1, "足协曾忧王迪成“定时炸弹”"), (2, ""), (3, "两次漏判国安点球"), (4, ""), (5, "本报记者 陈新宇")], 2)
    True
    >>> _head_beside([(1, "以查阅资料、"), (2, ""), (3, "提升安全水平"), (4, ""), (5, "现场检查、人员询问等方式对")], 2)
    False
    """
    for step in (-1, 1):
        other = _near(numbered, k, step)
        if not _headline_line(other) or _in_running_text(numbered, k, step):
            continue
        if first and step == 1 and _subtitle_under(numbered[k][1].strip(), other) \
                and not _head_goes_on(_near(numbered, _next(numbered, k, 1), 1)):
            continue
        return True
    return False


def _headline_line(text: str) -> bool:
    """A headline line: plain, headline-like, and no dateline, ——subtitle, byline or credit."""
    if not text or shapes.BODY_PUNCT_RE.search(text) or not shapes.is_headline_like(text):
        return False
    return not (shapes.starts_with_dateline(text) or shapes.is_subtitle_dash(text) or shapes.is_byline(text)
                or shapes.standalone(text))


def _head_goes_on(text: str) -> bool:
    """A headline line or a ——subtitle: the head above it goes on."""
    return bool(text) and (shapes.is_subtitle_dash(text) or _headline_line(text))


def _next(numbered: list[tuple[int, str]], k: int, step: int) -> int:
    """The index of the next line with text from k, up (step -1) or down (step 1); out of range at the page's edge."""
    j = k + step
    while 0 <= j < len(numbered) and not numbered[j][1].strip():
        j += step
    return j


_SUBTITLE_WIDTH = 1.5  # a line under a couplet's first half this much wider, at least, is its subtitle


def _subtitle_under(half: str, other: str) -> bool:
    """A line under a couplet's first half too wide to be its other half: the title's subtitle, which
    OCR read on while the second half strayed (净化文化环境 / 铁东区开展印刷企业安全生产检查).

    >>> _subtitle_under("净化文化环境", "铁东区开展印刷企业安全生产检查"), _subtitle_under("净化文化环境", "抓好安全生产")
    (True, False)
    """
    return shapes.display_length(other) > _HALF_MAX and shapes.display_length(other) >= _SUBTITLE_WIDTH * shapes.display_length(half)


def _in_running_text(numbered: list[tuple[int, str]], k: int, step: int) -> bool:
    """The next line with text from k (up or down) is one of a run of lines, with no blank between,
    that has a clause mark: a column's running text the stray half was read into, not a headline.
    Above, its sentence goes on (no sentence's end); below, only where the text above does: the text
    under a title's half after a finished paragraph may be another head's (a title over its lede).

    >>> rows = [(1, "民创城参与度，连日来，平城"), (2, "区迎宾街道各社区积极开展清"), (3, ""), (4, "粉刷美环境"), (5, ""),
    ...         (6, "理小广告和墙体路面粉刷活"), (7, "动。")]
    >>> _in_running_text(rows, 3, -1), _in_running_text(rows, 3, 1), _head_beside(rows, 3)
    (True, True, False)
    >>> _in_running_text([(1, "两次漏判国安点球"), (2, ""), (3, "足协曾忧王迪成")], 2, -1)
    False
    >>> rows = [(1, "平衡利益关系。"), (2, ""), (3, "城事速览"), (4, ""), (5, "让世界看见中国的科学浪漫"), (6, "本报通讯员 魏静"),
    ...         (7, "“科普影视通过沉浸式视听体验，帮助")]
    >>> _in_running_text(rows, 2, 1), _head_beside(rows, 2)
    (False, True)
    """
    if step == 1 and not _in_running_text(numbered, k, -1):
        return False  # the text under a half is its own only where a sentence above runs on across it
    j = _next(numbered, k, step)
    if not 0 <= j < len(numbered) or step == -1 and (shapes.ends_sentence(numbered[j][1].strip())
                                                     or shapes.standalone(numbered[j][1].strip())):
        return False
    lo = hi = j
    while lo > 0 and numbered[lo - 1][1].strip():
        lo -= 1
    while hi + 1 < len(numbered) and numbered[hi + 1][1].strip():
        hi += 1
    return hi > lo and any(shapes.BODY_PUNCT_RE.search(numbered[i][1]) for i in range(lo, hi + 1))


def _beside_half(numbered: list[tuple[int, str]], k: int) -> bool:
    """A couplet half already next to line k (a blank line between at most): its title is whole."""
    text = numbered[k][1].strip()
    return any(couplet_halves(text, other) or couplet_halves(other, text)
               for other in (_near(numbered, k, -1), _near(numbered, k, 1)))
