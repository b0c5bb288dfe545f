"""Join rules that keep a headline's lines together and apart from running text (JN rules).

A headline wraps like no paragraph: a couplet in a quotation runs on, a vertical headline
comes a character a line, a line wider than its column or a short unpunctuated line over a
byline or in a box of its own is a head's. These cues answer as join.py's do (True join,
False break, None no opinion), and are weighed with the rest (rules/join.toml).
"""

from __future__ import annotations

import math

import regex

from . import lexicon, seams, shapes
from .join import _CONTINUING_MARKS, _PAIRS, _SENTENCE_OPENING_RE, TAIL, TIME_OPENER_RE, Seam, _kicker_heading, _leaves_open, _seam  # noqa: F401  (_seam: the examples)
from .rulebook import rule

WIDER_MEASURE = 1.2  # a line this much wider than its column is set in another measure
_CLAUSE_GOES_ON = tuple("，、；,;")  # (a colon may end a kicker over a headline)
_CLOSERS = tuple(lexicon.load().closers)


@rule("JN18")
def join_quoted_couplet(seam: Seam) -> bool | None:
    """Join a full line with a phrase space to the quotation it goes on with, and on to the line under it.

    A headline never stands inside an open quotation: 开展“春风化雨润童心 红色基因代代传”
    wraps like any text, its phrase space and all.

    >>> join_quoted_couplet(_seam("开展的“春风化雨", "润童心 红色基因代", width=9))
    True
    >>> join_quoted_couplet(_seam("开展的春风化雨润", "丰台警方出动 嫌犯落网", width=9))
    >>> join_quoted_couplet(_seam("开展的“春风化雨", "润童心 红色基因", width=9))
    >>> join_quoted_couplet(_seam("润童心 红色基因代", "代传”活动在塔子山", width=9, tail="开展的“春风化雨润童心 红色基因代"))
    True
    >>> join_quoted_couplet(_seam("报记者 曲晓光 摄", "净化文化环境 抓好安全生产", width=12, tail="坚强有力。 本报记者 曲晓光 摄"))
    """
    if seam.blanks or seam.width is None:
        return None
    # a couplet is standalone (computed once a line): the cheap test first
    if seam.prev_standalone and seam.prev_continues and shapes.is_couplet(seam.prev) and not shapes.ends_sentence(seam.prev) \
            and not shapes.run_in_credit(seam.tail):
        return True  # joined into the text above, the sentence goes on under it (a credit's end does not)
    if not seam.cur_standalone or seam.cur_len < seam.width - 1.5 or not shapes.is_couplet(seam.cur):
        return None
    prev = seam.tail or seam.prev
    if shapes.ends_sentence(prev) or seam.prev_len < seam.width - 1.5:
        return None
    return True if prev.count("“") > prev.count("”") or prev.count('"') % 2 == 1 else None


@rule("JN12")
def join_vertical_headline(seam: Seam) -> bool | None:
    """Join lines of one character each: a headline set vertically, read a character a line.

    >>> join_vertical_headline(_seam("喜", "迎")), join_vertical_headline(_seam("喜迎", "丰收"))
    (True, None)
    """
    return True if len(seam.prev) == 1 and len(seam.cur) == 1 and not seam.blanks else None


@rule("JN08")
def break_around_overflowing_line(seam: Seam) -> bool | None:
    """Break before a line longer than the column, and across a blank line after one.

    A line wider than its neighbours' column is a headline or subtitle printed
    across columns, not one of the column's wrapped lines.

    >>> break_around_overflowing_line(_seam("古城墙修缮迎来新进展", "东门段城墙修缮工程今日全面开工建设", width=12))
    False
    >>> break_around_overflowing_line(_seam("近日，东门段城墙修缮工程", "开工。", width=12))
    >>> break_around_overflowing_line(_seam("给老街巷做体检，改造更精细（民生聚焦·城里的新变化）", "东城推进老旧街巷微更新",
    ...                                     width=16, opens=True))
    False

    After a sentence's end, a line in a clearly wider measure opens something else (a caption across columns):

    >>> break_around_overflowing_line(_seam("要想在美国对贪官们治罪。", "创新基层社会治理，根本在于通过加强党的", width=13,
    ...                                     tail="……严格说起来，要想在美国对贪官们治罪。"))
    False

    Nor is a wide line a headline when it opens with a dateline, or when a short line under it ends its sentence:

    >>> break_around_overflowing_line(_seam("本报讯（记者 崔圣驰）6日晚，在昆明市", "白龙路一自助银行里，来取", width=11, opens=True))
    >>> break_around_overflowing_line(_seam("掏出卡往自动存取款机上塞却", "塞不进。", width=8, opens=True))

    A wide line that leaves a quote open goes on, headline-like or not:

    >>> break_around_overflowing_line(_seam("近日，市第二中学“阳光体育 和谐校", "园”韵律操比赛拉开帷幕。", width=10, opens=True))

    >>> break_around_overflowing_line(_seam("根据中国社科院相关机构进行的“中国公民政治", "文化”问卷调查：90.03%被调查者对", width=17, opens=True))

    Short headline lines, joined as if they were a narrow column's (党委统揽 / 全域统筹), end before a wider line:

    >>> break_around_overflowing_line(_seam("全域统筹", "构建党建引领城乡基层治理新格局", width=4, tail="党委统揽全域统筹"))
    False

    A line wider than the column after a comma goes on a wider column's sentence: no headline follows a comma,
    nor a line that opens a quotation and leaves it open (a first line OCR read without its indent).

    >>> break_around_overflowing_line(_seam("为打造整洁、舒适的人居环境,", "近日, 铁西区地直街道地直社区联合", width=12))
    >>> break_around_overflowing_line(_seam("“科普影视通过沉浸式视听体验，帮助观", "众理解复杂科学议题，并在公众认知、文化想", width=16, opens=True))

    A line as wide after it, running text, makes a wider column (a caption, a box), not a headline.

    >>> break_around_overflowing_line(_seam("实现对激光诱导高温等离子体核", "心的主动调控，从根本上抑制自", width=11, opens=True))

    Where a blank line follows every line, two wide lines in a row are one wide paragraph's.

    >>> seam = _seam("6月10日，金融监管总局批复显示，云南罗平、师宗两家村镇银行", "因被吸收合并而解散。同日，浙江地区也有两家", width=16, blanks=1, opens=True)
    >>> seam.double_spaced = True
    >>> break_around_overflowing_line(seam)

    A wide line a dateline opens goes on across a blank into a line that ends its sentence (OCR sets a
    blank inside a paragraph); into a line that does not, a headline may stand between.

    >>> break_around_overflowing_line(_seam("本报讯（记者 郑林）改善辖区卫生环境，全面提升居民创城参与度，连日来，平城区",
    ...                                     "迎宾街道各社区积极开展清理小广告和墙体路面粉刷活动。", width=16, blanks=1, opens=True))
    >>> break_around_overflowing_line(_seam("科技日报兰州6月11日电（记者颉满斌通讯员余若怡）锂同位素",
    ...                                     "锂同位素高精度原位检测成功实现", width=16, blanks=1, opens=True))
    False
    """
    prev_overflows = seam.overflows(seam.prev, seam.prev_len)
    if not prev_overflows and seam.prev_ends_sentence and seam.cur_len >= WIDER_MEASURE * (seam.width or math.inf):
        return False  # no paragraph goes on in a clearly wider measure after a sentence ends: a caption, a lede
    if not prev_overflows and (not seam.prev_continues or _headline_so_far(seam) or _heads_a_story(seam)) \
            and seam.overflows(seam.cur, seam.cur_len):
        # no headline follows a comma, nor opens a quotation it leaves open: a wider column goes on
        if not seam.prev.endswith(_CLAUSE_GOES_ON) and not _opens_quotation(seam.prev) and not _wide_text_goes_on(seam):
            return False
    if prev_overflows and seam.prev_opens and not seam.prev_ends_sentence and not _ends_paragraph_under(seam):
        # a headline set wider than the column below it (a wide lede goes on at its own width)
        if shapes.is_headline_like(seam.prev) and not shapes.BODY_PUNCT_RE.search(seam.prev) and not _same_wide_measure(seam) \
                and not _leaves_open(seam.prev):
            return False
        if seam.prev_len >= 1.5 * (seam.width or 0) and not seam.overflows(seam.cur, seam.cur_len) \
                and not _leaves_open(seam.prev):
            return False
    if seam.blanks and prev_overflows and not seam.prev_ends_sentence and not _dateline_goes_on(seam):
        if seam.double_spaced and seam.overflows(seam.cur, seam.cur_len):
            return None  # a blank after every line: two wide lines are one wide paragraph's
        if _wide_text_ends(seam) and seam.blanks == 1:
            return None  # a wide paragraph's last line, one blank apart (as the lines above it may be)
        return False
    return None


def _wide_text_goes_on(seam: Seam) -> bool:
    """prev opens as a caption does (its time first, shapes.opens_as_caption) and stops mid-sentence, running text,
    and the wide line under it is no headline and opens nothing anew: one caption set across a photo, wider
    than the column, not a headline over a wide line.

    >>> _wide_text_goes_on(_seam("北京时间6月12日凌晨，世界杯正式开赛。赛事启幕前，餐饮门店上架专属观赛套",
    ...                          "餐、休闲酒吧完成观赛设备搭建、商圈大屏循环滚动赛事赛程。依托本届世界杯赛事热度，各大商", width=37))
    True
    >>> _wide_text_goes_on(_seam("古城墙修缮迎来新进展", "东门段城墙修缮工程今日全面开工建设，市民纷纷前来围观。", width=12))
    False
    >>> _wide_text_goes_on(_seam("的重要环节。近年来，铁东区通过建强“四个", "北京时间6月12日凌晨，2026年美加墨世界杯正式开赛。", width=16))
    False
    """
    if seam.prev_ends_sentence or shapes.is_headline_like(seam.prev) or not shapes.BODY_PUNCT_RE.search(seam.prev):
        return False
    return shapes.opens_as_caption(seam.prev) and not shapes.is_headline_like(seam.cur) and not shapes.opens_as_caption(seam.cur)


def _wide_text_ends(seam: Seam) -> bool:
    """prev, wide running text, stops mid-sentence and cur ends the sentence (or a caption, its credit run in):
    the wide paragraph's last line (……惠丰钻石上涨接近70%，黄 / 河旋风上涨接近70%。).

    >>> _wide_text_ends(_seam("力量钻石上涨超过85%，惠丰钻石上涨接近70%，黄", "河旋风上涨接近70%。", width=16))
    True
    >>> _wide_text_ends(_seam("学习借鉴全省党建引领城乡基层治理经验做法交流", "河旋风上涨接近70%。", width=16))
    False
    """
    text = seam.tail or seam.prev
    if not seam.prev_running and (shapes.is_headline_like(text) or not _RUNNING_MARKS_RE.search(text)):
        return False
    return shapes.ends_sentence(seam.cur) or shapes.run_in_credit(seam.cur) is not None


_RUNNING_MARKS_RE = regex.compile(r"[，、；,;]")  # clause marks: running text (a title's kicker has a colon at most)


def _opens_quotation(text: str) -> bool:
    """The line opens with a quotation and leaves it open: someone's words run on, no headline.

    >>> _opens_quotation("“科普影视通过沉浸式视听体验，帮助观"), _opens_quotation("“十四五”开局之年看变化")
    (True, False)
    """
    return text.startswith("“") and _leaves_open(text)


def _dateline_goes_on(seam: Seam) -> bool:
    """prev opens with a dateline and cur ends the sentence: one paragraph, whatever blank OCR set between."""
    return seam.prev_dateline and shapes.ends_sentence(seam.cur)


def _heads_a_story(seam: Seam) -> bool:
    """cur, an unpunctuated phrase, has a ——subtitle or a byline right under it: a headline, whatever runs above.

    >>> _heads_a_story(_seam("经济聚焦", "江苏探索科技成果转化新途径", width=4, heads=True, tail="示范单位。经济聚焦"))
    True
    >>> break_around_overflowing_line(_seam("经济聚焦", "江苏探索科技成果转化新途径", width=4, heads=True, tail="示范单位。经济聚焦"))
    False
    """
    return seam.cur_heads and shapes.is_headline_like(seam.cur) and not shapes.BODY_PUNCT_RE.search(seam.cur)


def _headline_so_far(seam: Seam) -> bool:
    """The paragraph so far is an unpunctuated phrase shorter than a seam's tail (the tail holds all of it): a headline's."""
    return len(seam.tail) < TAIL and shapes.is_headline_like(seam.tail)


def _ends_paragraph_under(seam: Seam) -> bool:
    """prev opens running text: a dateline, or a short line under it ends the sentence it began (……上塞却 / 塞不进。)."""
    if seam.prev_dateline:
        return True
    if seam.prev.endswith(_CLOSERS):
        return False  # a phrase closed: a headline may end so
    return shapes.ends_sentence(seam.cur) and seam.cur_len < min(seam.prev_len, seam.width or math.inf) - 1.5


def _same_wide_measure(seam: Seam) -> bool:
    """The line after is running text as wide: a caption or box set wider than the column, not a headline.

    Its width counts its punctuation (as prev's does): a wide line dense in marks and digits is no narrower.

    >>> _same_wide_measure(_seam("根据中国社科院相关机构进行的“中国公民政治文化”问", "卷调查：90.03%被调查者对“作为中国人，我很自豪”", width=18))
    True
    >>> _same_wide_measure(_seam("根据中国社科院相关机构进行的“中国公民政治文化”问", "卷调查：被调查者对此持赞同态度。", width=18))
    False
    """
    return (seam.overflows(seam.cur, seam.cur_len, marks_counted=True) and abs(seam.cur_len - seam.prev_len) <= 1
            and bool(shapes.BODY_PUNCT_RE.search(seam.cur)))


@rule("JN19")
def keep_headline_lines_over_a_byline_apart(seam: Seam) -> bool | None:
    """Break between the two lines that open a block right over a byline or ——subtitle: a title and its subtitle.

    Nothing but a headline stands over a byline; a kicker's colon or a comma in the
    title (今日视点：给黑土地做体检，施肥更精细) does not make it running text.

    >>> keep_headline_lines_over_a_byline_apart(_seam("今日视点：给黑土地做体检，施肥更精细", "吉林农安推广变量施肥技术", heads=True, opens=True))
    False
    >>> keep_headline_lines_over_a_byline_apart(_seam("今日视点：给黑土地做体检，施肥更精细", "吉林农安推广变量施肥技术", opens=True))

    OCR sets a blank line under a line of large type, so the byline may stand a blank line under
    a title that its column's tag closes (……（经济聚焦·农田里的新鲜事）): a title so closed is whole.

    >>> keep_headline_lines_over_a_byline_apart(_seam("给黑土地做体检，施肥更精细（经济聚焦）", "吉林农安推广变量施肥技术", heads_apart=True, opens=True))
    False
    >>> keep_headline_lines_over_a_byline_apart(_seam("今日视点：给黑土地做体检，施肥更精细", "吉林农安推广变量施肥技术", heads_apart=True, opens=True))

    Nor is a line wider than the one over it, a byline a blank line under it, a big-type title's
    rest (a title wraps at its first line's measure): it is the subtitle, set in smaller type.
    Not over a ——subtitle: a head has one, and the line over it is the title's rest.

    >>> keep_headline_lines_over_a_byline_apart(_seam("江苏探索科技成果高效转化应用新途径", "政策松绑、平台支撑、专业服务构建转化生态",
    ...                                                heads_apart=True, byline_apart=True, opens=True))
    False
    >>> keep_headline_lines_over_a_byline_apart(_seam("宁海一水电工11年献血", "“爱心长跑”挽救70条生命", heads_apart=True, opens=True))
    """
    tagged = seam.cur_heads_apart and bool(shapes.TAG_END_RE.search(seam.prev))
    wider = seam.cur_byline_apart and seam.cur_len > seam.prev_len + 1
    if not ((seam.cur_heads or tagged or wider) and seam.prev_opens) or seam.blanks or seam.prev_ends_sentence or shapes.ends_sentence(seam.cur):
        return None
    return False


@rule("JN34")
def break_after_dash_title(seam: Seam) -> bool | None:
    """Break after a block's first line that a dash ends, over a last line with no clause mark: a title over its subtitle.

    A dash at a headline's end points on to its subtitle (如何在美国把贪官送进监狱—— / 法律用美国的：……);
    an extractor that sets each text box apart by a blank line gives the two as one box, no byline
    right under them to tell the title (JN19). Running text a dash ends goes on in clauses.

    >>> break_after_dash_title(_seam("天下万象：如何在美国把贪官送进监狱——", "法律用美国的：被用来修理黑帮的美国联邦法律也能“顺便”对付中国贪官", opens=True, cur_last=True))
    False
    >>> break_after_dash_title(_seam("天下万象：如何在美国把贪官送进监狱——", "法律用美国的：被用来修理黑帮的美国联邦法律也能", opens=True))
    >>> break_after_dash_title(_seam("记者来到现场，他说——", "这是我们的心愿", opens=True, cur_last=True))
    >>> break_after_dash_title(_seam("如何在美国把贪官送进监狱——", "法律用美国的，被用来修理黑帮的美国联邦法律", opens=True, cur_last=True))
    """
    if not (seam.prev_opens and seam.cur_last) or seam.blanks or not seam.prev.rstrip().endswith("——"):
        return None
    title = seam.prev.rstrip()[:-2]
    if not title or not shapes.is_headline_like(title) or "，" in title or "," in title:
        return None
    if shapes.ends_sentence(seam.cur) or any(mark in seam.cur for mark in "，、；,;。！？"):
        return None
    return False


@rule("JN20")
def keep_a_box_apart(seam: Seam) -> bool | None:
    """Break before a short unpunctuated line that opens a box of lines set close: a headline.

    Where blank lines part every line of running text, lines set close under a blank
    are a box of their own, not the sentence the text above left open.

    >>> keep_a_box_apart(_seam("完善制度机制，用好活动载", "推进乡镇综合执法", width=20, blanks=1, running=True, boxed=True))
    False
    >>> keep_a_box_apart(_seam("完善制度机制，用好活动载", "体，推动基层治理工作走深走实", width=20, blanks=1, running=True, boxed=True))
    """
    if not (seam.cur_boxed and seam.blanks) or seam.width is None or shapes.BODY_PUNCT_RE.search(seam.cur):
        return None
    return False if seam.cur_len <= BOX_LINE * seam.width and not shapes.ends_sentence(seam.cur) else None


BOX_LINE = 0.7  # a headline line in a box is this much of the column's width at most


@rule("JN31")
def break_after_column_tag(seam: Seam) -> bool | None:
    """Break after a line that a column's tag closes (……施肥更精细（经济聚焦·农田里的新鲜事）): a title ends there.

    A tag names the column a title runs under, two names parted by a middle dot in brackets; it
    closes the title, so nothing under it goes on from it, however unfinished the title reads
    (a comma in it) and however full its line. OCR reads the dot as a question mark now and then.

    >>> break_after_column_tag(_seam("给社区做体检，服务更贴心（民生聚焦·小区里的新变化）", "某区推广网格化服务", width=27))
    False
    >>> break_after_column_tag(_seam("抓获299人（社会·那些事）", "年第二季度放弃美国国籍的", width=12, tail="……团伙抓获299人（社会·那些事）"))
    False

    Not a bracket without the dot (a name's note, an abbreviation), nor one inside the line.

    >>> break_after_column_tag(_seam("小雨（化名）", "在活动日记中写道", width=12))
    >>> break_after_column_tag(_seam("激光诱导击穿光谱（LIBS·X）技术", "在核工业中", width=12))
    """
    return False if _COLUMN_TAG_END_RE.search(seam.prev) else None


_COLUMN_TAG_END_RE = regex.compile(r"[（(][^（()）·?？]{1,8}[·•・?？][^（()）·?？]{1,8}[）)]\s*$")  # （经济聚焦·农田里的新鲜事）


@rule("JN11")
def keep_two_line_headline_apart(seam: Seam) -> bool | None:
    """Break a block of two unpunctuated lines, the second short: a headline printed on two lines.

    Its lines join into one title with a space later, in assembly; joined here
    they would lose that space.

    >>> keep_two_line_headline_apart(_seam("社区食堂“菜单”再升级", "老人用餐更加方便", width=14, cur_last=True, opens=True))
    False
    >>> keep_two_line_headline_apart(_seam("近日，社区开展了义诊活", "动，居民纷纷前来", width=14, cur_last=True, opens=True))
    >>> keep_two_line_headline_apart(_seam("古镇一木匠三十年修桥", "“义务工程”惠及千户人家", width=13, opens=True, heads=True))
    False
    """
    if seam.prev_opens and seam.cur_heads and not _punctuated(seam):
        return False  # both lines stand over a subtitle or a byline: a headline's
    if not seam.prev_opens or seam.width is None or seam.cur_len >= seam.width - 1.5:
        return None
    if not seam.cur_last and seam.cur_len >= 0.5 * seam.width:  # a wrapped title's rest is short
        return None
    return None if _punctuated(seam) else False


def _punctuated(seam: Seam) -> bool:
    """Either line ends a sentence or has body punctuation: running text, not a headline."""
    if seam.prev_ends_sentence or shapes.ends_sentence(seam.cur):
        return True
    return bool(shapes.BODY_PUNCT_RE.search(seam.prev) or shapes.BODY_PUNCT_RE.search(seam.cur))


@rule("JN47")
def break_between_headline_lines(seam: Seam) -> bool | None:
    """Break between two lines with no clause mark where the paragraph so far is such a line or two: two heads.

    A headline, a column's label or a title's second half printed over another headline is no running
    text: the line under it does not go on from it, however full the first (官方统计：……1年暴增5倍 / 净化文化
    环境), where the two are set in measures far apart, as two stories' heads are.
    The whole paragraph so far must be in the seam's tail (a line of running text may hold no mark).

    >>> break_between_headline_lines(_seam("官方统计：为避税放弃美国国籍人数1年暴增5倍", "净化文化环境", width=21, opens=True))
    False
    >>> break_between_headline_lines(_seam("汇率避险“工具箱”再扩容 小币种产品密集落地", "经济聚焦：站好岗 放好哨", width=23, opens=True))
    False

    Two lines set in a like measure may be one title's two halves (党委统揽 / 全域统筹): assembly, not this cue, parts them.

    >>> break_between_headline_lines(_seam("及时整改到位", "提升安全水平", width=14, opens=True))

    Not running text a mark parts, a date or quotation cut at the line's end, nor a kicker heading wrapped at its column's width:

    >>> break_between_headline_lines(_seam("近日，某公司发布公告称该公司", "取得贷款承诺函", width=14))
    >>> break_between_headline_lines(_seam("中国经济网北京6月12", "日讯航天环宇", width=12, opens=True))
    >>> break_between_headline_lines(_seam("美国2010年通过的《外国", "账户税收遵从法》", width=12, opens=True))
    >>> break_between_headline_lines(_seam("双轨赋能：物质关怀叠加心灵", "滋养", width=13, opens=True))
    >>> break_between_headline_lines(_seam("上海科技馆原创4D科幻电影《荧火》", "的科学浪漫", width=17, opens=True))
    """
    text = seam.tail or seam.prev
    if abs(seam.prev_len - seam.cur_len) < HEADS_APART:
        return None  # (the cheap test first) lines of a like measure may be one title's halves, which assembly may not rejoin
    if len(seam.tail) >= TAIL or not _unpunctuated_head(text) or not _unpunctuated_head(seam.cur):
        return None
    if seam.cur[:1] in _CONTINUING_MARKS or _leaves_open(text) or text.count("《") > text.count("》") or text[-1:].isdigit():
        return None
    if seam.cur.startswith("的") or text[-1:] in _DANGLING:
        return None  # a phrase cut at the line's end (……4D科幻电影《荧火》 / 的科学……, ……新通道和 / ……)
    if seam.cur_dateline or seam.prev_dateline or shapes.starts_with_dateline(text + seam.cur):
        return None
    if _kicker_heading(text) and not _kicker_heading(seam.cur) and seam.width is not None and seam.prev_len >= seam.width - 1.5:
        return None  # a section heading led by its kicker, wrapped at the column's width (双轨赋能：……叠加心灵 / 滋养)
    return False


@rule("JN80")
def break_after_spaced_head_line(seam: Seam) -> bool | None:
    """Break after a paragraph's first line that is a head holding its phrase space, under it a head line holding none.

    A title printed on one line with the gap between its two phrases (普及消防知识 提高自救能力) is whole
    there: its second phrase is on that line, so the line under it, of any measure, is its subtitle or
    another head, not the rest of a wrapped title (fit, issue 13's groups: of 1333 such pairs of lines
    2 are one title, a column's tag under it, which this cue leaves alone).

    >>> break_after_spaced_head_line(_seam("民生观察：普及消防知识 提高自救能力", "北市场街道金桥社区开展安全宣传活动", width=18, opens=True))
    False

    Not a line run on from the one above it, a line that leaves a quote or bracket open or closes one it did not open, nor a line under it
    that is a tag, holds a space of its own, or has a clause mark:

    >>> break_after_spaced_head_line(_seam("润童心 红色基因代代", "传主题关爱活动在塔子", width=10, tail="困境儿童春风化雨润童心 红色基因代代"))
    >>> break_after_spaced_head_line(_seam("明责赋能 做强“枢纽”", "（社会·那些事）", width=12, opens=True))
    >>> break_after_spaced_head_line(_seam("站好岗 放好哨", "社区 那些事", width=8, opens=True))
    >>> break_after_spaced_head_line(_seam("记者 王斌 通讯员", "李照星）近日，某社区开展活动", width=14, opens=True))
    >>> break_after_spaced_head_line(_seam("1. 记者 郑林）", "为加强青少年思想", width=14, opens=True))
    """
    if seam.prev_continues or not _PHRASE_SPACE_RE.search(seam.prev) or _PHRASE_SPACE_RE.search(seam.cur):
        return None
    if not _unpunctuated_head(seam.prev) or not _unpunctuated_head(seam.cur) or not _closed(seam.prev):
        return None
    if seam.cur[:1] in _CONTINUING_MARKS or seam.cur[:1] in "（(" or seam.cur.startswith("的"):
        return None
    return False


@rule("JN92")
def break_before_head_run(seam: Seam) -> bool | None:
    """Break between a sentence's end and a head line with the rest of a head run right under it.

    An extractor that prints the heads after their stories (a stack of titles, subtitles and bylines
    under the last story's text) sets the first head right under a paragraph's last line, no blank
    between (or the one blank a double-spaced page sets after every line): the line ends a sentence,
    the head has no mark, and under it stands a byline or a ——subtitle, a head line over one, or another
    line with no mark; then the head, and the line under it, stop short of the column. Running text
    goes on with a line of its column's measure, or one with a clause mark.

    >>> break_before_head_run(_seam("聚更多力量，才能筑牢公益事业的根基。”", "为促进全民健身活动蓬勃发展", width=18, over_plain=1))
    False
    >>> break_before_head_run(_seam("阅读的习惯。”一位快递小哥说。", "江苏探索科技成果高效转化应用新途径", width=16, over_plain=2))
    False

    Not a line of the column's width over a mere line with no mark, a line with a clause mark, nor with nothing head-like under it:

    >>> break_before_head_run(_seam("聚更多力量，才能筑牢公益事业的根基。”", "为促进全民健身活动蓬勃发展", width=18))
    >>> break_before_head_run(_seam("聚更多力量，才能筑牢公益事业的根基。”", "市民政局领导对太平洋财险四平中心支公", width=18, over_plain=1))
    >>> break_before_head_run(_seam("聚更多力量，才能筑牢公益事业的根基。”", "随后，志愿者一行参观", width=18, over_plain=2))
    """
    if not seam.cur_over_plain or seam.blanks > (1 if seam.double_spaced else 0):
        return None
    if seam.cur_over_plain == 1 and (seam.width is None or seam.cur_len > seam.width - _SHORT):
        return None
    if not shapes.ends_sentence(seam.tail or seam.prev) or not _unpunctuated_head(seam.cur):
        return None
    if seam.cur[:1] in _CONTINUING_MARKS or seam.cur_dateline:
        return None
    return False


_SHORT = 2.0  # characters a head line stops short of the column at least (as layout's head blocks)


def _closed(text: str) -> bool:
    """Every quote and bracket the line opens it closes, and it closes none it did not open (1. 记者 郑林） is a byline's rest).

    >>> _closed("明责赋能 做强“枢纽”"), _closed("1. 记者 郑林）"), _closed("（记者 王斌 通讯员")
    (True, False, False)
    """
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


_PHRASE_SPACE_RE = regex.compile(r"\p{Han}{2}[”\"]?[ \u3000]+[“\"]?\p{Han}{2}")  # two phrases a head's gap parts (JN80)

# Fitted on the fit split (issue 13's groups): at 6 characters apart or more, the seams inside one title it breaks
# fall from 118 to 45, the heads of two stories it parts from 47 to 16, titles whose first line it frees from 23 to 16.
HEADS_APART = 6.0
_DANGLING = lexicon.load().dangling_ends  # no headline ends on a conjunction or particle


def _unpunctuated_head(text: str) -> bool:
    """Headline-like and no clause or sentence mark outside a column's label run in (经济聚焦：)."""
    return shapes.is_headline_like(text) and not shapes.BODY_PUNCT_RE.search(shapes.label_aside(text))


@rule("JN70")
def break_head_over_stripped_lede(seam: Seam) -> bool | None:
    """Break between a head (a block of a line or two with no clause mark) and a line under it an indent short that opens a sentence.

    A head printed right over its paragraph (让世界看见中国的科学浪漫 / “科普影视通过……; a section heading wrapped
    on two lines, 双轨赋能：物质关怀叠加心灵 / 滋养 / 活动当日，……): the extractor dropped the paragraph's indent,
    so the line under the head falls an indent short of the full line below it (layout's cur_short_by_indent), and
    it opens a sentence (a time opener, a quote, a phrase of 2-5 characters and its comma). A paragraph's first
    line wrapped there goes on inside a word or a number: not where the head holds a digit, ends on a particle or
    leaves a pair open, the line under it opens with a digit other than a time, or a word reads across the seam
    (seams.word_across). The whole paragraph so far must be in the seam's tail (a head is short).

    >>> break_head_over_stripped_lede(_seam("让世界看见中国的科学浪漫", "“科普影视通过沉浸式视听体验，", width=16, opens=True, short_by_indent=True))
    False
    >>> break_head_over_stripped_lede(_seam("滋养", "活动当日，心理咨询师和青", width=14, tail="双轨赋能：物质关怀叠加心灵滋养", short_by_indent=True))
    False
    >>> break_head_over_stripped_lede(_seam("让世界看见中国的科学浪漫", "“科普影视通过沉浸式视听体验，", width=16, opens=True))
    >>> break_head_over_stripped_lede(_seam("航天环宇2023年6月2日在上交所科", "创板上市，公开发行的股票", width=19, opens=True, short_by_indent=True))
    """
    if seam.blanks or not seam.cur_short_by_indent or seam.dealt or not (seam.prev_opens or 0 < len(seam.tail) < TAIL):
        return None
    if seam.read_by_ocr:
        return None  # OCR sets its own blanks and indents: a head broken off there became a story's title (fit Tesseract)
    if seam.prev_dateline or seam.cur_dateline or seam.prev_standalone or seam.cur_standalone:
        return None
    text, cur = seam.tail or seam.prev, seam.cur
    if shapes.BODY_PUNCT_RE.search(text) and not _kicker_heading(text) or not shapes.is_headline_like(text):
        return None  # (a kicker's colon parts no clauses: 双轨赋能：物质关怀叠加心灵滋养)
    if any(ch.isdigit() for ch in text) or text[-1:] in _DANGLING or cur.startswith("的"):
        return None
    if not _closed(text):
        return None
    if not (TIME_OPENER_RE.match(cur) or _SENTENCE_OPENING_RE.match(cur) and not cur[:1].isdigit()):
        return None
    return None if seams.word_across(text, cur, seams.lexicon()) else False
