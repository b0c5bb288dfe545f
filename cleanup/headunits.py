"""A head run's units (a headline line, with its column label and byline) and which spans of
them may be one story's head."""

from __future__ import annotations

from . import shapes
from .heads import couplet_halves
from .model import Block


def units(blocks: list[Block]) -> list[list[Block]]:
    """One unit per headline line; a column label goes with the line after it, a byline with the one before.

    Labels stacked over the headlines (an extractor reading by boxes) go one a head, in order:
    the first over the first line, each further one over the next line set apart by a blank.

    >>> labels = [Block("天下 万象", 1, 1, role="column"), Block("社区 那些事", 2, 2, role="column")]
    >>> lines = [Block("站好岗 放好哨", 3, 3, role="headline"), Block("社区党员守岗", 4, 4, role="headline"),
    ...          Block("清理小广告 粉刷美环境", 6, 6, role="headline", gap_before=1)]
    >>> [[b.text for b in u] for u in units(labels + lines)]
    [['天下 万象', '站好岗 放好哨'], ['社区党员守岗'], ['社区 那些事', '清理小广告 粉刷美环境']]

    Without a blank line to tell, they stay over the first line, as printed.

    >>> [[b.text for b in u] for u in units(labels + lines[:2])]
    [['天下 万象', '社区 那些事', '站好岗 放好哨'], ['社区党员守岗']]
    """
    out: list[list[Block]] = []
    pending: list[Block] = []
    stacked: list[Block] = []  # labels held for the heads further down
    for block in blocks:
        if block.role == "headline":
            if stacked and block.gap_before:
                pending, stacked = [stacked[0], *pending], stacked[1:]
            labels = [b for b in pending if b.role == "column"]
            if len(labels) > 1 and not stacked:
                stacked = labels[1:]
                pending = [b for b in pending if b not in stacked]
                held_at = len(out)
            out.append(pending + [block])
            pending = []
        elif block.role == "byline" and out:
            out[-1].append(block)
        else:
            pending.append(block)
    if stacked:  # no blank to tell where the next head starts: the labels stay together
        out[held_at][0:0] = stacked
        out[held_at].sort(key=lambda b: (b.role != "column", b.first))
    if pending:
        if out:
            out[-1].extend(pending)
        else:
            out.append(pending)
    return out


def runs_on_past_subtitle(us: list[list[Block]], a: int, b: int) -> bool:
    """Group a:b of a run's units has a headline line after a ——subtitle: a ——line ends its head.

    >>> run = [[Block("如何把贪官送进监狱——", 1, 1, role="headline")],
    ...        [Block("——法律用美国的", 2, 2, role="headline")], [Block("为促进全民健身", 3, 3, role="headline")]]
    >>> runs_on_past_subtitle(run, 1, 3), runs_on_past_subtitle(run, 0, 2)
    (True, False)
    """
    def dash(k: int) -> bool:
        return any(blk.role == "headline" and shapes.is_subtitle_dash(blk.text) for blk in us[k])
    return any(dash(k) and not dash(k + 1) for k in range(a, b - 1))


def labelled(us: list[list[Block]], k: int) -> bool:
    """Unit k of a run opens under a column label: the label is printed over a story's head, never inside one.

    >>> labelled([[Block("社会 那些事", 1, 1, role="column"), Block("站好岗 放好哨", 2, 2, role="headline")]], 0)
    True

    So does a line with the label run into it (民生观察：清理小广告 粉刷美环境), unless the line above
    opens alike: lines that all do are one story's parallel subheads (长效关爱：…… / 双轨赋能：……).

    >>> us = [[Block("种好社区治理“责任田”", 1, 1, role="headline")], [Block("民生观察：清理小广告 粉刷美环境", 2, 2, role="headline")],
    ...       [Block("双轨赋能：物质关怀叠加心灵滋养", 3, 3, role="headline")], [Block("法律用美国的：被用来修理黑帮", 4, 4, role="headline")]]
    >>> [labelled(us, k) for k in range(4)]
    [False, True, False, False]
    """
    return us[k][0].role == "column" or _run_in_label(us[k]) and not (k > 0 and _run_in_label(us[k - 1]))


def own_head_past_blank(us: list[list[Block]], k: int) -> bool:
    """AS55: unit k, a blank line over it, shows itself a title of its own, no subtitle of the head above:
    a couplet, a column's tag closing it (……（经济·聚焦）), or a dash at its end (a title that runs on
    into its own subtitle). A pdftotext page stacks side-by-side stories' heads a blank apart.

    >>> us = [[Block("锂同位素高精度原位检测成功实现", 1, 1, role="headline")],
    ...       [Block("上市公司调整定增方案 投资逻辑转向“看成色”", 3, 3, role="headline", gap_before=1)],
    ...       [Block("如何在美国把贪官送进监狱——", 5, 5, role="headline", gap_before=1)],
    ...       [Block("给黑土地做体检，施肥更精细（经济聚焦·农田里的新鲜事）", 7, 7, role="headline", gap_before=1)],
    ...       [Block("——铁东区开展印刷企业安全生产检查", 9, 9, role="headline", gap_before=1)],
    ...       [Block("铁东区建强“四个矩阵”激发基层治理新效能记事", 11, 11, role="headline", gap_before=1)]]
    >>> [own_head_past_blank(us, k) for k in range(6)]
    [False, True, True, True, False, False]

    Set right under the line above, a couplet may be a plain title's subtitle (the rule is not asked).

    >>> own_head_past_blank([us[0], [Block("投资逻辑转向“看成色” 定增提质", 2, 2, role="headline")]], 1)
    False
    """
    line = us[k][0]
    if line.role != "headline" or not line.gap_before or shapes.is_subtitle_dash(line.text):
        return False
    text = line.text.strip()
    return is_couplet_unit(us[k][:1]) or text.endswith("——") or bool(shapes.CLOSING_TAG_RE.search(text))


def _run_in_label(unit: list[Block]) -> bool:
    return unit[0].role == "headline" and bool(shapes.RUN_IN_LABEL_RE.match(unit[0].text))




def wrapped_from(us: list[list[Block]], a: int, tag_aside: bool = False) -> bool:
    """Unit a is the second half of a couplet set on two lines: a short headline line right under
    one as long (及时整改到位 / 提升安全水平).

    >>> us = [[Block("及时整改到位", 1, 1, role="headline")], [Block("提升安全水平", 2, 2, role="headline")]]
    >>> wrapped_from(us, 1), wrapped_from(us, 0)
    (True, False)
    >>> wrapped_from([[Block("明责赋能", 1, 1, role="headline")], [Block("做强“枢纽”", 2, 2, role="headline")]], 1)
    True

    With `tag_aside`, a column's tag closing the second line does not count in its length.

    >>> tagged = [[Block("推进乡镇综合执法", 1, 1, role="headline")], [Block("提升基层治理效能（经济·聚焦）", 2, 2, role="headline")]]
    >>> wrapped_from(tagged, 1), wrapped_from(tagged, 1, tag_aside=True)
    (False, True)

    OCR may part big type's lines by a blank line: then only halves of one width are one couplet.

    >>> gap = [[Block("净化文化环境", 1, 1, role="headline")], [Block("抓好安全生产", 3, 3, role="headline", gap_before=1)]]
    >>> wrapped_from(gap, 1), wrapped_from([gap[0], [Block("做强枢纽", 3, 3, role="headline", gap_before=1)]], 1)
    (True, False)

    Not in a ladder of such lines (天下万象 / 党委统揽 / 全域统筹): which two pair is unknown.

    >>> ladder = [[Block(t, k, k, role="headline", gap_before=k > 1)] for k, t in enumerate(["天下万象", "党委统揽", "全域统筹"], 1)]
    >>> wrapped_from(ladder, 1), wrapped_from(ladder, 2)
    (False, False)

    Not under a line of another length (a byline read as a headline, a title over its subtitle).

    >>> wrapped_from([[Block("新城社区党委书记谭永生", 1, 1, role="headline")], [Block("提升安全水平", 2, 2, role="headline")]], 1)
    False
    """
    if a == 0 or a >= len(us) or len(us[a]) != 1 or us[a][0].role != "headline":
        return False
    above, line = us[a - 1][-1].text, us[a][0].text
    if us[a][0].gap_before:  # OCR parts big type's lines by a blank: then only a couplet's halves of one width,
        ladder = any(_half_like(us, k, line) for k in (a - 2, a + 1))  # and not in a ladder of such lines
        return us[a - 1][-1].role == "headline" and len(us[a - 1]) == 1 and not ladder \
            and couplet_halves(above, shapes.TAG_END_RE.sub("", line) if tag_aside else line)
    if us[a - 1][-1].role != "headline" or shapes.is_subtitle_dash(above) or shapes.is_couplet(above) or shapes.is_couplet(line):
        return False
    # quotation marks aside (明责赋能 / 做强“枢纽”), with `tag_aside` a column's tag closing the line too
    lengths = shapes.letters(above), shapes.letters(shapes.TAG_END_RE.sub("", line) if tag_aside else line)
    return abs(lengths[0] - lengths[1]) <= 1 and max(lengths) <= HALF_LINE


def _half_like(us: list[list[Block]], k: int, line: str) -> bool:
    """Unit k is a lone headline line as wide as `line`: which two such lines pair is then unknown."""
    return 0 <= k < len(us) and len(us[k]) == 1 and us[k][0].role == "headline" \
        and shapes.display_length(us[k][0].text) == shapes.display_length(line)


HALF_LINE = 8  # a couplet's half set on a line of its own is this long at most (two titles in a run are longer)


def boxed(us: list[list[Block]]) -> bool:
    """A run whose headline lines are parted by blank lines here and there: the extractor's text boxes, one a head."""
    return any(u[0].gap_before for u in us[1:] if u[0].role == "headline")


def inside_box(us: list[list[Block]], a: int) -> bool:
    """Unit a is a plain headline line alone in its box with the line above: a couplet's subtitle, or a title's rest.

    A couplet is a whole title; in a run whose boxes blank lines part, the line under it in its box is no other head's.

    >>> us = [[Block("明责赋能 做强“枢纽”", 1, 1, role="headline")], [Block("提升城市基层治理水平", 2, 2, role="headline")]]
    >>> inside_box(us, 1), inside_box(us, 0)
    (True, False)

    Not under a plain line: two columns' headlines may share a box (……安全宣传活动 / ……阅读活动).

    >>> inside_box([[Block("金桥社区开展安全宣传活动", 1, 1, role="headline")], us[1]], 1)
    False

    A plain title wrapped in its box fills its first line: a clearly shorter line under it is its rest.

    >>> wrapped = [[Block("上市公司批量调整锁价定增方案", 1, 1, role="headline")], [Block("投资逻辑转向“看成色”", 2, 2, role="headline")]]
    >>> inside_box(wrapped, 1)
    True

    Nor when a third line shares the box: it may be the start of the next head that the line opens.

    >>> inside_box(us + [[Block("抓获299人", 3, 3, role="headline")]], 1)
    False
    """
    if a == 0 or a >= len(us) or us[a][0].role != "headline" or us[a][0].gap_before:
        return False
    above = us[a - 1][-1]
    box_ends = a + 1 == len(us) or us[a + 1][0].gap_before  # the box is the two lines: no third head's line in it
    if above.role != "headline" or not box_ends or is_couplet_unit(us[a]):
        return False
    if is_couplet_unit([above]):
        return True
    # a title wrapped in its box fills its first line: the rest is clearly shorter
    return not shapes.is_subtitle_dash(above.text) and shapes.letters(us[a][0].text) <= WRAP_REST * shapes.letters(above.text)


WRAP_REST = 0.8


def couplets_fit(us: list[list[Block]], a: int, b: int) -> bool:
    """Group a:b of a run's units holds a couplet only where a head may: its title, or the subtitle of a plain title.

    A couplet is a whole headline: two of them are two heads, and none goes between a title and its subtitle.

    >>> us = [[Block("汇聚爱心力量 共筑公益基石", 1, 1, role="headline")],
    ...       [Block("宁海一水电工献血 “爱心长跑”挽救生命", 2, 2, role="headline")], [Block("记宁海县一名水电工", 3, 3, role="headline")]]
    >>> couplets_fit(us, 0, 2), couplets_fit(us, 0, 3), couplets_fit(us, 1, 3)
    (False, False, True)
    """
    return not (any(map(is_couplet_unit, us[a + 1:b - 1])) or (
        b - a > 1 and is_couplet_unit(us[b - 1]) and is_couplet_unit(us[a])))


def is_couplet_unit(unit: list[Block]) -> bool:
    """A headline line of phrases parted by a space: a whole headline (a ——subtitle aside), a column's label run in or not.

    >>> is_couplet_unit([Block("民生观察：清理小广告 粉刷美环境", 1, 1, role="headline")])
    True
    """
    return any(b.role == "headline" and shapes.is_couplet(shapes.RUN_IN_LABEL_RE.sub("", b.text)) and not shapes.is_subtitle_dash(b.text)
               for b in unit)
