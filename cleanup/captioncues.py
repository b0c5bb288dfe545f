"""The caption cues of the classify stage (CL05, CL06, CL08, CL09, CL12, CL14, CL15, CL16, CL30, CL33, CL34): is this block a photo's caption?

A caption is told by what stands round it (a credit under it, a picture's junk over it), by its
measure against the column's (set across a photo, or in a narrow column beside it) and by how it
opens (its time first). Each cue votes as the others do (cleanup/classify.py weighs the votes).
"""

from __future__ import annotations

from dataclasses import replace  # noqa: F401 (the examples')

import regex

from . import lexicon, shapes, wordmatch
from .classify import FULL_LINES, OVERFLOW, Window, sample_window  # noqa: F401 (sample_window: the examples')
from .model import Block
from .rulebook import rule

_LEX = lexicon.load()
_NARROWER = 0.6  # a block this much narrower than the body on both sides is set beside a photo
_WIDER = 1.5  # a block this much wider than the body around it is set across columns
_WIDER_OPENER = 1.3  # ... or this much, when it opens as a caption does (its time first)
_NARROW = 7.5  # a column this narrow, in characters, is a caption set beside a photo
_SHORT_CAPTION_LINES = 3  # lines a caption set across a photo runs over, at most, beside a short paragraph
_WIDE_CAPTION_LINES = 5  # ... and under a paragraph of FULL_LINES or more
_PRINTED_LINE_MOST = 96  # characters a line printed across a page runs to: a longer one is a paragraph the extractor left unwrapped


@rule("CL05")
def find_caption(w: Window) -> str | None:
    """A photo caption: followed by a credit, ending in a run-in credit, or set in a narrow column.

    >>> find_caption(sample_window("近日，社区开设免费月嫂培训班。", "本报记者 杨翠叶 摄"))
    'caption'
    >>> find_caption(sample_window("近日，社区开设免费月嫂培训班。 本报记者 杨翠叶"))
    'caption'
    >>> find_caption(sample_window("本报讯（记者 郑林）近日，社区开设培训班。 本报记者 杨翠叶"))
    >>> find_caption(sample_window("近日，社区开展“同心净美”文明实践活动。", "本报记者 王爱明"))
    'caption'

    A dateline opens a brief, whose writer's byline may stand under it; only a
    photographer's credit (……摄) makes it a caption.

    >>> find_caption(sample_window("某某网北京5月9日讯两市今日早盘集体上涨。 本报记者 杨翠叶 摄"))
    'caption'

    A narrow paragraph beside another as narrow is a narrow column's text, not a caption.

    >>> narrow = [Block("2021年，新城社区被评为全省社区治理示范单位。", 1, 6, measure=4, lines=6)]
    >>> find_caption(Window(narrow, 0)), find_caption(Window(narrow * 2, 1))
    ('caption', None)
    """
    block, nxt = w.block, w.at(1)
    if shapes.is_headline_like(block.text):
        return None
    credit_below = nxt is not None and (shapes.is_credit(nxt.text) or _names_under_event(block, nxt))
    run_in = shapes.run_in_credit(block.text)
    if shapes.starts_with_dateline(block.text):
        photographed = credit_below or run_in is not None and run_in["credit"].endswith(_LEX.credit_suffixes)
        return "caption" if photographed else None
    if credit_below or run_in:
        return "caption"
    if block.lines >= 3 and 0 < block.measure <= _NARROW and shapes.ends_sentence(block.text) \
            and not any(_same_narrow_column(block, b) for b in (w.at(-1), nxt)):
        return "caption"
    return None


def _same_narrow_column(block: Block, other: Block | None) -> bool:
    """A paragraph beside it set in the same narrow measure: the column is narrow, not the caption."""
    return other is not None and other.lines >= 3 and abs(other.measure - block.measure) <= 1 \
        and not shapes.is_headline_like(other.text)


def _names_under_event(block: Block, nxt: Block) -> bool:
    """A byline under a one-sentence event (近日，……活动。 / 本报记者 王爱明): a caption's credit without 摄.

    A story's byline stands over its text, not under its first sentence.
    """
    return shapes.is_byline(nxt.text) and shapes.is_event_sentence(block.text)


@rule("CL14")
def find_wide_caption_head(w: Window) -> str | None:
    """A caption's first sentence the join set apart, in the wide measure of the caption right under it.

    One line that opens as a caption does (its time first), set as wide as the caption right under it
    (CL05's), wider than the column: the caption's, across a photo. AS25 then makes the two one caption.

    >>> head = Block("近期，概念股股价大幅上涨。", 83, 83, width=15, measure=20)
    >>> rest = Block("根据数据，四方达股价累计上涨。", 84, 87, width=15, measure=19, lines=4)
    >>> find_wide_caption_head(Window([head, rest, Block("新华社记者 王鹏 摄", 88, 88)], 0))
    'caption'

    Not a line in the column's measure (a story's one-line paragraph over a caption), nor one over no caption.

    >>> find_wide_caption_head(Window([replace(head, measure=15), replace(rest, measure=15), Block("新华社记者 王鹏 摄", 88, 88)], 0))
    >>> find_wide_caption_head(Window([head, rest, Block("正文。", 88, 88)], 0))
    """
    block, nxt = w.block, w.at(1)
    if block.lines != 1 or nxt is None or not shapes.ends_sentence(block.text) or not same_wide_measure(block, nxt):
        return None
    if nxt.first != block.last + 1 or not shapes.opens_as_caption(block.text):
        return None  # (lines printed one right after the other)
    return "caption" if find_caption(Window(w.blocks, w.i + 1)) else None


def same_wide_measure(above: Block, block: Block) -> bool:
    """Whether the two are set in one measure wider than the column: lines of one caption across a photo.

    >>> same_wide_measure(Block("近期，概念股股价大幅上涨。", 1, 1, width=15, measure=20), Block("根据数据……", 2, 5, width=15, measure=19))
    True
    >>> same_wide_measure(Block("近期，概念股股价大幅上涨。", 1, 1, width=15, measure=15), Block("根据数据……", 2, 5, width=15, measure=15))
    False
    """
    return bool(above.width) and above.measure > above.width + OVERFLOW and abs(above.measure - block.measure) <= _MEASURE_SLACK


_MEASURE_SLACK = 1.5  # characters two lines of one measure may differ by


@rule("CL12")
def find_caption_under_picture(w: Window) -> str | None:
    """A paragraph right under a picture's remains (lines set aside as noise) that opens a clause with its time: its caption.

    OCR reads a picture as junk lines; the caption is printed under the picture,
    often with no credit OCR reads whole. Under set-aside junk, a paragraph one of
    whose first clauses opens with a time (近日，……; ……，日前，……; 北京时间6月12日凌晨，……)
    is a caption, and so is one a dateline naming no writer opens (新华社北京6月11日电工业和……),
    but not right under a headline: there it is the story's lede. A dateline with a writer's
    role in its first words opens a story, its bracket misread or not (本报讯 〈记者 ……).

    >>> under = lambda text, role="body": Window([Block("正文。", 1, 1, role=role), Block(text, 3, 3, under_junk=True)], 1)
    >>> find_caption_under_picture(under("近日，市第二中学诵律操比赛拉开帷幕。"))
    'caption'
    >>> find_caption_under_picture(under("为提高群众的交通安全意识，日前，社区开展宣传活动。"))
    'caption'
    >>> find_caption_under_picture(under("新华社北京6月11日电工业和信息化部11日对汽车企业进行约谈提醒。"))
    'caption'
    >>> find_caption_under_picture(under("新华社北京6月11日电工业和信息化部11日对汽车企业进行约谈提醒。", role="headline"))
    >>> find_caption_under_picture(under("本报讯 〈全媒体记者 魏静) 近日，社区开展活动。"))
    >>> find_caption_under_picture(under("而对于一个普通人来说，"))

    A date inside a clause is no time the caption opens with; nor is a paragraph under no junk a caption for it.

    >>> find_caption_under_picture(under("尚德电力昨日宣布，公司收到通知，即2013年3月15日到期的可转债违约。"))
    >>> find_caption_under_picture(sample_window("正文。", "近日，市第二中学诵律操比赛拉开帷幕。"))
    """
    block, prev = w.block, w.at(-1)
    if not block.under_junk or shapes.is_headline_like(block.text):
        return None
    head = block.text[:shapes.CAPTION_CUE_REACH]  # (as shapes.opens_as_caption reads)
    if shapes.starts_with_dateline(head):
        named = any(role in head for role in shapes.WRITER_ROLES)
        return None if named or prev is not None and prev.role in ("headline", "column", "byline") else "caption"
    return "caption" if shapes.CLAUSE_TIME_RE.search(head) else None




@rule("CL06")
def find_lone_event_caption(w: Window) -> str | None:
    """A one-sentence event description set apart, its cues weighed: a caption printed without credit.

    The cues: a blank line above it; another width than the blocks around it, or nothing of a story
    after it (the page ends); a clause of it said word for word in the text round it (a caption tells
    its story's clauses; a story's paragraph says its own). Two of the three make it a caption.

    >>> find_lone_event_caption(sample_window("正文。", "日前，社区开展义诊活动。", "正文。", widths=(13, 37, 13)))
    'caption'
    >>> find_lone_event_caption(sample_window("正文。", "日前，社区开展义诊活动。", "正文。", widths=(13, 13, 13)))
    >>> find_lone_event_caption(sample_window("正文。", "近日，社区开展清扫活动。", widths=(13, 13), at=1))
    'caption'

    In the text's width, a blank line above it and a clause the story round it says too.

    >>> story = "组织困境儿童开展红色研学，在踏青寻春中感受社会温暖。"
    >>> find_lone_event_caption(sample_window(story, "3月26日，在踏青寻春中感受社会温暖。", "正文。", widths=(40, 40, 40)))
    'caption'
    >>> find_lone_event_caption(sample_window(story, "3月26日，在踏青寻春中感受社会温暖。", "正文。", widths=(40, 40, 40), gaps=(1, 0, 1)))
    """
    block, prev, nxt = w.block, w.at(-1), w.at(1)
    if not block.measure or not shapes.is_event_sentence(block.text):
        return None
    if nxt is None:
        differs = bool(_LEX.event_verb_re.search(block.text))
    else:
        neighbours = [b.measure for b in (prev, nxt) if b is not None and b.measure and b.role != "caption"]
        differs = bool(neighbours) and all(b / block.measure > 1.3 or block.measure / b > 1.3 for b in neighbours)
    cues = (block.gap_before > 0, differs, _restates_around(w))
    return "caption" if sum(cues) >= _LONE_FROM else None


_LONE_FROM = 2  # CL06's cues that make a caption
_RESTATE_REACH = 4  # blocks above and below where a caption's clause may be said
_RESTATE_MOST = 40  # letters a caption telling its story's words runs to (a lede runs longer)
_RESTATE_CLAUSE = 6  # characters a clause said elsewhere needs (the time clause that opens it is shorter)


def _restates_around(w: Window) -> bool:
    """A short block (RESTATE_MOST letters at most) with a clause (RESTATE_CLAUSE characters at least)
    said word for word in a paragraph round it: a caption telling its story's words.

    >>> _restates_around(sample_window("在踏青寻春中感受社会温暖。", "近日，在踏青寻春中感受社会温暖。", "正文。"))
    True
    >>> _restates_around(sample_window("在踏青寻春中感受温暖。", "近日，在踏青寻春中感受社会温暖。", "正文。"))
    False

    Not a lede that says its headline's words (a head line is no paragraph), nor a long block.

    >>> _restates_around(sample_window("在踏青寻春中感受社会温暖", "近日，在踏青寻春中感受社会温暖。", "正文。"))
    False
    >>> _restates_around(sample_window("在踏青寻春中感受社会温暖。", "近日，在踏青寻春中感受社会温暖，" + "同学们参加了活动，" * 4 + "。", "正文。"))
    False
    """
    if shapes.letters(w.block.text) > _RESTATE_MOST:
        return False
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(shapes.squeeze(w.block.text)) if len(c) >= _RESTATE_CLAUSE]
    if not clauses:
        return False
    around = [w.at(k) for k in range(-_RESTATE_REACH, _RESTATE_REACH + 1) if k]
    texts = [_CLAUSE_SPLIT_RE.sub("", shapes.squeeze(b.text)) for b in around
             if b is not None and not shapes.is_headline_like(b.text)]
    return any(c in t for c in clauses for t in texts)


_CLAUSE_SPLIT_RE = regex.compile(r"[\p{P}\p{S}]+")


@rule("CL08")
def find_wide_caption(w: Window) -> str | None:
    """A short block set much wider than the body text before it, not under a headline: a caption.

    A caption under a photo spans the photo's width, wider than the body
    columns around it; a lede is as wide but comes right after its headline.

    >>> find_wide_caption(sample_window("……面临挑战。", "某某网北京5月9日讯两市主要指数今日早盘集体上涨。", "每日观察", widths=(20, 60, 18)))
    'caption'
    >>> find_wide_caption(sample_window("……面临挑战。", "两市主要指数今日早盘集体上涨。", "每日观察", widths=(20, 22, 18)))
    >>> find_wide_caption(sample_window("……面临挑战。", "本报讯（记者 郑林）近日，社区开展爱国教育活动。", "爱国教育进校园", widths=(20, 60, 18)))

    A caption of four or five lines, only under a paragraph long enough to show its column's width.

    >>> body = Block("……全面铺开，清淤已经完成。", 1, 11, width=32, measure=32, lines=11)
    >>> wide = Block("新华社北京6月11日电工业和信息化部对汽车生产企业进行约谈提醒。", 12, 15, width=32, measure=50, lines=4)
    >>> find_wide_caption(Window([body, wide], 1)), find_wide_caption(Window([replace(body, lines=1), wide], 1))
    ('caption', None)

    A block that opens as a caption does (its time first) needs less width over the body on both sides:
    a story's paragraph seldom opens so, and a column set wider (a lede, a box) does not stop at the next one.

    >>> event = "近日，社区开设月嫂培训班。"
    >>> find_wide_caption(sample_window("……面临挑战。", event, "正文……", widths=(20, 28, 19)))
    'caption'
    >>> find_wide_caption(sample_window("……面临挑战。", "社区开设了月嫂培训班。", "正文……", widths=(20, 28, 19)))
    >>> find_wide_caption(sample_window("……面临挑战。", event, "正文……", widths=(20, 24, 19)))

    Not where a line runs past any page's width: the extractor wrote each paragraph on one line, and a
    longer paragraph is printed no wider.

    >>> find_wide_caption(sample_window("……面临挑战。", "志愿者走上街头清理小广告。", "正文……", widths=(20, 90, 19)))
    'caption'
    >>> find_wide_caption(sample_window("……面临挑战。", "志愿者走上街头清理小广告。", "正文……", widths=(20, 110, 19)))
    """
    block, prev, nxt = w.block, w.at(-1), w.at(1)
    if prev is not None and prev.role == "credit":
        return _caption_after_credit(w)
    if prev is None or prev.role != "body" or not prev.measure or not prev.width:
        return None  # (no column width: every line is a whole paragraph, and widths say nothing)
    if max(block.measure, prev.measure) > _PRINTED_LINE_MOST:
        return None  # (unwrapped paragraphs: the same, though short head lines near them gave a width)
    if block.lines > (_WIDE_CAPTION_LINES if prev.lines >= FULL_LINES else _SHORT_CAPTION_LINES):
        return None  # a longer caption only under a paragraph long enough for its measure to be its column's
    wider = _WIDER_OPENER if shapes.opens_as_caption(block.text) else _WIDER
    if not shapes.ends_sentence(block.text) or block.measure < wider * prev.measure or shapes.dateline_names_writers(block.text):
        return None  # (a dateline naming its writers opens a wide lede, printed over or beside its headline)
    if nxt is None or shapes.is_headline_like(nxt.text) or shapes.standalone(nxt.text):
        return "caption"
    return "caption" if nxt.measure and block.measure >= wider * nxt.measure else None


def _caption_after_credit(w: Window) -> str | None:
    """Right under a photo's credit, a short block opening as a caption does and set wider than the story's
    column above the photo: the next photo's caption, in a row of photos, not the story's text.

    >>> story = Block("……取得明显成效。", 1, 7, measure=17, lines=7)
    >>> cap, credit = Block("基层治理是基石。", 8, 10, measure=22, lines=3), Block("天笑 摄", 11, 11, measure=3)
    >>> wide = Block("近日，市第二中学韵律操比赛拉开帷幕。", 12, 13, measure=46, lines=2)
    >>> roles = lambda *bs: [replace(b, role=r) for b, r in zip(bs, ("body", "caption", "credit"))] + [bs[-1]]
    >>> find_wide_caption(Window(roles(story, cap, credit, wide), 3))
    'caption'

    Not a paragraph in the column's measure, nor one a time does not open.

    >>> find_wide_caption(Window(roles(story, cap, credit, replace(wide, measure=17)), 3))
    >>> find_wide_caption(Window(roles(story, cap, credit, replace(wide, text="市第二中学韵律操比赛拉开帷幕。")), 3))
    """
    block = w.block
    if block.lines > _SHORT_CAPTION_LINES or not shapes.ends_sentence(block.text) or not shapes.opens_as_caption(block.text):
        return None
    column = next((b.measure for b in map(w.at, range(-2, -5, -1)) if b is not None and b.role == "body" and b.lines > 1), 0.0)
    return "caption" if column and block.measure >= _WIDER_OPENER * column else None


@rule("CL09")
def find_narrow_caption(w: Window) -> str | None:
    """A paragraph set in a column much narrower than the body text on both sides of it: a caption.

    It sits among another story's paragraphs, not under a headline, and no
    dateline opens it (a brief in a narrow column has one).

    >>> find_narrow_caption(sample_window("……正文。", "近期，新能源板块股价大幅上涨。", "正文……", widths=(29, 14, 29)))
    'caption'
    >>> find_narrow_caption(sample_window("……正文。", "本报讯（记者 王欣）近日，社区开展活动。", "正文……", widths=(29, 14, 29)))
    """
    block, prev, nxt = w.block, w.at(-1), w.at(1)
    if prev is None or nxt is None or prev.role != "body" or not block.width:
        return None
    if not shapes.ends_sentence(block.text) or shapes.starts_with_dateline(block.text):
        return None
    column = lambda b: b.width or (b.measure if b.lines > 1 else 0.0)  # noqa: E731 (width unknown: its longest line)
    return "caption" if all(column(b) and block.width <= _NARROWER * column(b) for b in (prev, nxt)) else None


_CLOSING_WIDER = 1.25  # a block this much wider than the column it closes (a story's head or the page's end next) is set across a photo
_CLOSING_CAPTION_CHARS = 160  # letters a caption runs to, at most
_COLUMN_SLACK = 2.0  # characters a paragraph's longest line may differ from its column's width by


@rule("CL15")
def find_closing_caption(w: Window) -> str | None:
    """The last block before a story's head (or the page's end), set in another measure than the column: a caption.

    A story's last paragraph runs in its column's measure; a caption at the column's foot is set across
    the photo (wider) or beside it (narrower), and what comes next is another story's head.

    >>> body = Block("……全面铺开，清淤已经完成。", 1, 10, width=15, measure=15, lines=10)
    >>> wide = Block("一旦更换他，可能会造成一些不良影响。", 11, 12, width=15, measure=19, lines=2)
    >>> head = [Block("站好岗", 13, 13), Block("放好哨", 14, 14), Block("新城社区地处县城西部。", 15, 20, lines=6)]
    >>> find_closing_caption(Window([body, wide, *head], 1)), find_closing_caption(Window([body, wide], 1))
    ('caption', 'caption')
    >>> find_closing_caption(Window([body, replace(wide, width=8, measure=8, lines=5), *head], 1))
    'caption'

    Not a paragraph in the column's measure, nor one with a story's paragraph under it (see _head_run_or_end),
    nor one under a paragraph too short to show its column's measure.

    >>> find_closing_caption(Window([body, replace(wide, measure=16), *head], 1))
    >>> find_closing_caption(Window([body, wide, replace(body, first=13, last=20)], 1))
    >>> find_closing_caption(Window([replace(body, lines=2), wide, *head], 1))

    Nor under a paragraph whose longest line is not its column's width (a line the join ran across columns),
    nor a block as wide as its own column (a story's next column, set wider).

    >>> find_closing_caption(Window([replace(body, measure=27), wide, *head], 1))
    >>> find_closing_caption(Window([body, replace(wide, width=19), *head], 1))

    Not a one-line paragraph either (its one line shows no measure), nor a lede a dateline naming its writers opens.

    >>> find_closing_caption(Window([body, replace(wide, lines=1, measure=10), *head], 1))
    >>> find_closing_caption(Window([body, replace(wide, text="本报讯（记者 郑林）近日，社区开展活动。"), *head], 1))
    """
    block, prev = w.block, w.at(-1)
    if prev is None or prev.role != "body" or prev.lines < FULL_LINES or not prev.width \
            or abs(prev.measure - prev.width) > _COLUMN_SLACK:
        return None  # (a column's measure shows only in a paragraph of full lines as wide as its column)
    if not 2 <= block.lines <= _WIDE_CAPTION_LINES or not _head_run_or_end(w):
        return None
    if not shapes.ends_sentence(block.text) or shapes.letters(block.text) > _CLOSING_CAPTION_CHARS \
            or shapes.dateline_names_writers(block.text):
        return None
    if block.measure >= _CLOSING_WIDER * prev.measure:  # set across the photo: past its own column too
        return "caption" if not block.width or block.measure > block.width + OVERFLOW else None
    narrow = block.lines >= FULL_LINES and block.measure <= _NARROWER * prev.measure  # (two lines: the first may be short)
    return "caption" if narrow else None


_HEAD_REACH = 6  # blocks a story's head runs over: a label, titles, a subtitle, bylines


def _head_run_or_end(w: Window) -> bool:
    """The page ends after the block, or a story's head comes next and its text follows it: two headline-like
    lines or more (a label or a title over a title, a subtitle or a byline), then running text. Not a section
    heading's one line over the story's text, nor a head with no text under it (an extractor that reads a
    story's text before its head: the block may be that story's own paragraph).

    >>> body, head = Block("新城社区地处县城西部，现有居民8835户。", 9, 10, lines=2), Block("站好岗", 1, 1)
    >>> at = lambda *bs: _head_run_or_end(Window([body, *bs], 0))
    >>> at(), at(head, replace(head, text="放好哨"), body)
    (True, True)
    >>> at(Block("新城社区概况", 1, 1), body), at(head, replace(head, text="放好哨")), at(head, replace(head, text="放好哨"), head)
    (False, False, False)
    """
    if w.at(1) is None:
        return True
    k = 1
    while k <= _HEAD_REACH and w.at(k) is not None and shapes.is_headline_like(w.at(k).text):
        k += 1
    return k > 2 and w.at(k) is not None and not shapes.is_headline_like(w.at(k).text)


# CL16's cues and how much each weighs: a caption set across a photo among a story's paragraphs
_ACROSS_CUES = {"opens": 1, "wider_above": 1, "wider_below": 1, "past_column": 1, "event": 1, "goes_on": 1, "apart": -2,
                "long": -1}  # (long: more lines than a caption runs over as a rule; its measure still shows it)
_ACROSS_FROM = 4  # the weight of cues that makes it a caption


@rule("CL16")
def find_caption_across(w: Window) -> str | None:
    """A short block between a story's paragraphs, its cues weighed: a caption set across a photo with no credit.

    The cues: it opens as a caption does (its time first) and tells one event; it is set wider than
    the paragraph above, than the text below and than its own column (a head, a credit or the page's end
    below shows no measure: wide enough); the text below goes on with the text above (shares more of
    its words with it than with the block). Text under it that reads on from the block instead, or from
    neither, weighs against: the block may be the lede of the story below. No one cue decides (a lede
    opens with its time, a wide story's paragraph is wider than the column beside it); four do.

    >>> body = Block("民警向居民讲解安全知识，发放宣传资料。", 1, 6, width=20, measure=20, lines=6)
    >>> cap = Block("为提高群众的出行意识，日前，社区联合交警支队开展文明出行活动。", 7, 10, width=20, measure=25, lines=4)
    >>> below = Block("宣传中，民警还向居民讲解了防骗知识。", 11, 27, width=20, measure=20, lines=17)
    >>> find_caption_across(Window([body, cap, below], 1))
    'caption'

    Not one with another story's text under it (a wide story's lede, the text below its own), nor one
    under a paragraph too short to show its column's measure.

    >>> other = replace(below, text="活动中，交警支队为群众讲解文明出行。")
    >>> find_caption_across(Window([body, cap, other], 1))
    >>> find_caption_across(Window([replace(body, lines=2), cap, below], 1))

    Set wide and past its column, among one story's text, it needs no time nor event to be a caption;
    in the measure of the text below, it does.

    >>> plain = replace(cap, text="这项技术从实验室走向应用，得益于转化中心的支持。")
    >>> find_caption_across(Window([body, plain, below], 1)), find_caption_across(Window([body, plain, replace(below, measure=25)], 1))
    ('caption', None)

    A long caption (six lines or more: most run over five at most) weighs one cue less: it needs five.

    >>> long = replace(cap, first=7, last=12, lines=6)
    >>> find_caption_across(Window([body, long, below], 1)), find_caption_across(Window([body, replace(long, text=plain.text), below], 1))
    ('caption', None)

    Nor a lede a dateline naming its writers opens, nor a one-line block (its one line shows no measure).

    >>> find_caption_across(Window([body, replace(cap, text="本报讯（记者 郑林）近日，社区开展活动。"), below], 1))
    >>> find_caption_across(Window([body, replace(cap, lines=1), below], 1))

    At the page's end it needs a time or an event: a story after a brief, set wider, ends a page too.

    >>> find_caption_across(Window([body, cap], 1)), find_caption_across(Window([body, plain], 1))
    ('caption', None)
    """
    block, prev, nxt = w.block, w.at(-1), w.at(1)
    if prev is None or prev.role != "body" or prev.lines < FULL_LINES or not prev.measure:
        return None  # (a column's measure shows only in a paragraph of full lines)
    if block.lines < 2 or not shapes.ends_sentence(block.text) or shapes.dateline_names_writers(block.text):
        return None
    credit = nxt is not None and (shapes.is_credit(nxt.text) or shapes.is_byline(nxt.text))  # (摄 or not: no text to go on)
    head = nxt is None or shapes.is_headline_like(nxt.text)  # a head or the page's end: no measure, nor text to go on
    cues = {"opens": shapes.opens_as_caption(block.text), "event": shapes.is_event_sentence(block.text),
            "wider_above": block.measure > prev.measure + OVERFLOW,
            "wider_below": credit or head or bool(nxt.measure) and block.measure > nxt.measure + OVERFLOW,
            "past_column": bool(block.width) and block.measure > block.width + OVERFLOW,
            "goes_on": not credit and not head and _goes_on_above(nxt, prev, block)}
    cues["apart"] = not (credit or head or cues["goes_on"])  # another story's text under it: the block may be its lede
    cues["long"] = block.lines > _WIDE_CAPTION_LINES
    return "caption" if sum(_ACROSS_CUES[k] for k, on in cues.items() if on) >= _ACROSS_FROM else None


def _goes_on_above(below: Block, above: Block, block: Block) -> bool:
    """Whether the text below shares more of its word pairs with the text above than with the block between:
    one story's text round a caption, not a lede and the story it opens.

    >>> b = lambda text: Block(text, 1, 1)
    >>> _goes_on_above(b("宣传活动中，民警讲解交通安全知识。"), b("社区开展交通安全宣传。"), b("近日，银行获批解散。"))
    True
    >>> _goes_on_above(b("今年以来，已有超百家村镇银行获批退出。"), b("社区开展交通安全宣传。"), b("近日，村镇银行获批解散。"))
    False
    """
    return wordmatch.shared_share(below.text, above.text) > wordmatch.shared_share(below.text, block.text)


@rule("CL30")
def find_caption_formula(w: Window) -> str | None:
    """A short block opening with a caption's formula (图为……, 上图：……): a photo's caption, credit or not.

    Print points at the picture so only in its caption; a story's text says 如图 inside a sentence, and
    no paragraph of it opens with 图为. Up to a caption's length: a caption runs over five lines at most.

    >>> find_caption_formula(sample_window("正文。", "图为组建综合行政执法队。", "正文。"))
    'caption'
    >>> find_caption_formula(sample_window("正文。", "上图：居民在社区书屋阅读。", "正文。")), find_caption_formula(sample_window("圖爲浙江地區的村鎮銀行。"))
    ('caption', 'caption')

    Not 图 opening another word (图书馆为居民……), nor a long paragraph.

    >>> find_caption_formula(sample_window("正文。", "图书馆为居民开放阅览室。", "正文。"))
    >>> find_caption_formula(Window([Block("图为" + "社区开展活动，" * 30, 1, 9, lines=9)], 0))
    """
    block = w.block
    if block.lines > _WIDE_CAPTION_LINES or shapes.letters(block.text) > _CLOSING_CAPTION_CHARS:
        return None
    return "caption" if _LEX.caption_formula_re.match(shapes.squeeze(block.text)) else None


@rule("CL33")
def find_caption_inside_sentence(w: Window) -> str | None:
    """A block the join stage set apart inside a sentence the text round it goes on (JN93): a caption with no credit.

    Its lines end a sentence over a blank, and the text after the blank goes on the sentence the text above
    stopped in, by a word across the seam, where the block's first line does not: a photo printed in the
    column, its caption set there. Up to a caption's length (the join stage looks over six lines at most).

    >>> block = Block("北京时间6月12日凌晨，世界杯正式开赛。", 3, 3, inside_sentence=True)
    >>> find_caption_inside_sentence(Window([Block("他把4万", 1, 1), block], 1)), find_caption_inside_sentence(sample_window("正文。"))
    ('caption', None)

    Not a head-like line (a section heading the join stage parted anyway).

    >>> find_caption_inside_sentence(Window([replace(block, text="爱国教育进校园")], 0))
    """
    block = w.block
    if not block.inside_sentence or shapes.is_headline_like(block.text) or shapes.starts_with_dateline(block.text):
        return None
    return "caption"


@rule("CL34")
def find_caption_over_reporter(w: Window) -> str | None:
    """A block set wider than the story's paragraph above it, a reporter's byline right under it: a caption.

    Its credit is printed without 摄. A story's byline stands over its text, under its head; a reporter's name right
    under a block that follows the story's own text is the photographer's, and the block, set across the photo wider
    than the column, its caption. Only where lines wrap at a column (a measure to be wider than), up to
    _REPORTER_CAPTION_LINES lines.

    >>> body = Block("……全面铺开，清淤已经完成。", 1, 8, width=17, measure=17, lines=8)
    >>> cap = Block("北京时间6月12日凌晨，世界杯正式开赛。商圈大屏循环滚动赛事赛程。", 9, 12, width=17, measure=20, lines=4)
    >>> find_caption_over_reporter(Window([body, cap, Block("本报记者 杨翠叶", 13, 13)], 1))
    'caption'

    Not under an office's byline (a speech's writer), nor in the column's measure, nor a lede a dateline opens.
    Nor under a byline naming two writers (a story's: a credit names one, shapes.names_one_writer), nor one the
    dump printed over the block (the column stage moved it there: it stood over its own story's text).

    >>> find_caption_over_reporter(Window([body, cap, Block("白山市委书记 谢忠岩", 13, 13)], 1))
    >>> find_caption_over_reporter(Window([body, cap, Block("本报通讯员 董校霖 高野鹏", 13, 13)], 1))
    >>> find_caption_over_reporter(Window([body, cap, Block("本报记者 杨翠叶", 7, 7)], 1))
    >>> find_caption_over_reporter(Window([body, replace(cap, measure=17), Block("本报记者 杨翠叶", 13, 13)], 1))
    >>> find_caption_over_reporter(Window([body, replace(cap, text="本报讯 近日，社区开展活动。"), Block("本报记者 杨翠叶", 13, 13)], 1))

    Off on pages Tesseract read: on the check split it made one such page 399 edits worse, past the one point of
    CER the check record allows, though its firings on fit Tesseract pages were right (a gate chosen by check).

    >>> find_caption_over_reporter(Window([body, cap, Block("本报记者 杨翠叶", 13, 13)], 1, tess=True))
    """
    block, prev, nxt = w.block, w.at(-1), w.at(1)
    if w.tess or prev is None or nxt is None or prev.role != "body" or not prev.measure or not block.width:
        return None
    if block.lines > _REPORTER_CAPTION_LINES or not shapes.ends_sentence(block.text) or shapes.is_headline_like(block.text) \
            or shapes.starts_with_dateline(block.text):
        return None
    if not shapes.is_byline(nxt.text) or shapes.is_credit(nxt.text) or not shapes.names_one_writer(nxt.text) \
            or nxt.first < block.last:
        return None
    return "caption" if block.measure > prev.measure + OVERFLOW else None


_REPORTER_CAPTION_LINES = 7  # CL34: lines such a caption runs over, at most (fit: 5 lines, 14 right 5 wrong; 7, 20 right 5 wrong)
