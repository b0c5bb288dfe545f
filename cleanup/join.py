"""Lines -> paragraphs: does this line continue the paragraph above? (JN cues)

Each join cue takes the seam between the previous line and the current one (with
the page layout) and answers True (join), False (break) or None (no opinion). No
cue decides alone: the seam's score is bias + Σ weight × opinion (+1 join, -1
break, 0 none), the weights fitted on the corpus's fit split (rules/join.toml,
written by benchmarks/join/fit.py), and the lines join when the score is above 0.
The cues are listed in `pipeline.JOIN_RULES`; those that keep a headline's lines
together and apart are in joinheads.py, those for pieces the extractor cut out of one
printed line or row in joinpieces.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import lexicon, seams, shapes
from .rulebook import REGISTRY, Rule, rule

_LEX = lexicon.load()
_LATIN_END_RE = regex.compile(r"[A-Za-z]$")
_LATIN_START_RE = regex.compile(r"^[A-Za-z]")
_HAN_RE = regex.compile(r"\p{Han}")
_PUNCT_RE = regex.compile(r"\p{P}+")
TIME_OPENER_RE = lexicon.compile_pattern(rf"(?:{_LEX.caption_cue_re.pattern})[，,]")
_CONTINUING_MARKS = "，、：；,;:（(“‘《"
TAIL = 30  # characters of the paragraph so far that a seam carries


@dataclass(slots=True)  # not frozen: one is built per line, and a frozen one costs four times as much
class Seam:
    """Where two lines meet: what a join rule looks at (rules only read it)."""

    prev: str
    cur: str
    prev_len: float
    cur_len: float
    width: float | None  # the local column width; None where lines are whole paragraphs
    blanks: int  # blank lines between the two
    double_spaced: bool  # the region puts a blank line after every line
    cur_indented: bool
    indents_mean_paragraphs: bool
    prev_opens: bool = False  # prev is a paragraph's first line, printed indented by two
    prev_standalone: bool = False  # shapes.standalone(prev), computed once per line by the layout
    cur_standalone: bool = False
    tail: str = ""  # the last TAIL characters of the paragraph so far, when prev continues one
    prev_justified: bool = False  # printed spread to fill its column
    prev_running: bool = False  # prev continues a paragraph that has body punctuation: running text
    column_change: bool = False  # the lines before and after the seam are set at different widths
    cur_captioned: bool = False  # across a blank line, cur opens a caption: a credit stands under it
    cur_dateline: bool = False  # cur opens with a dateline (本报讯……)
    prev_dateline: bool = False  # prev opens with one (both tested once a line, by the layout)
    cur_heads: bool = False  # a ——subtitle or a byline follows cur directly: cur ends a headline
    cur_heads_apart: bool = False  # as cur_heads, a blank line between (OCR sets one under a line of large type)
    cur_byline_apart: bool = False  # a byline (no ——subtitle) one blank line under cur
    cur_over_dateline: bool = False  # the next line opens with a dateline (本报讯, ……电), a blank line at most between
    cur_over_head: bool = False  # the line under cur, right under it, is a headline line over a ——subtitle or a byline
    cur_last: bool = False  # a blank line, the page's end or a standalone line (byline, ——subtitle) follows cur
    grid: bool = False  # lengths count characters on a fixed grid, where a full line fills it exactly
    cur_short_by_indent: bool = False  # cur stops mid-sentence, an indent or so short of the full line under it
    above_len: float = 0.0  # the length of the line above prev, when prev goes on from it; else 0
    cur_boxed: bool = False  # a blank over cur, none under it, where blanks part every line: cur opens a box of its own
    cut_off: bool = False  # prev and cur are two pieces of one line Tesseract read across a gutter (CW03)
    prev_piece: bool = False  # prev is the piece of such a line that goes on into the lines under it, cur the first of them
    cur_wider: bool = False  # cur is set at a column width far wider than prev's (layout widths)
    cur_head_block: bool = False  # after a blank, cur opens a block of a few short lines with no mark: a head's lines
    prev_after_end: bool = False  # prev opens its paragraph right under a line that ends a sentence
    prev_in_run: bool = False  # prev is as long as the two lines under it, no blank between: full in its own measure
    prev_stripped: bool = False  # prev opens its block an indent short of cur, cur as long as the line under it (JN45)
    prev_set_apart: bool = False  # prev opens its block, one blank under it, prev and cur full in the column, none under cur (JN50)
    dealt: bool = False  # an OCR engine's boxes the column stage dealt out: lines of one column do not follow each other (JN65)
    cur_photo_inside: bool = False  # across a blank, cur opens a photo (caption to credit) the sentence prev stops in goes on after (JN91)
    read_by_ocr: bool = False  # the page was read by OCR (ocrpage.read_by_ocr): its blanks and indents are the engine's (JN70)
    cur_caption_inside: bool = False  # across a blank, cur opens a block with no credit the sentence prev stops in goes on after (JN93)
    cur_over_plain: int = 0  # right under cur, a head run's rest: 2 a byline, ——subtitle or a head line over one; 1 a head line with no mark short of the column (JN92)

    @property
    def prev_continues(self) -> bool:
        """prev was joined to the line above it: it is inside running text."""
        return bool(self.tail)

    def overflows(self, line: str, length: float, marks_counted: bool = False) -> bool:
        """Longer than the column: not one of its wrapped lines.

        Punctuation is left out of the count (print often sets it half width), unless
        marks_counted: a line set as wide as another counted whole.
        """
        limit = None if self.width is None else self.width + 1.5
        if limit is None or length <= limit:
            return False
        if marks_counted:
            return True
        if self.grid:  # every character fills one cell of the grid
            return length - sum(map(len, _PUNCT_RE.findall(line))) > limit
        return shapes.display_length(_PUNCT_RE.sub("", line)) > limit

    @property
    def prev_full(self) -> bool:
        if self.prev_justified:
            return True
        if self.above_len - self.prev_len > max(3.0, 0.2 * self.above_len):
            return False  # well short of its own paragraph's line above, whatever the column around
        if self.above_len - self.prev_len >= SHORT_OF_ABOVE and self.prev_ends_sentence:
            return False  # a sentence's end short of the line above it: the paragraph's last line
        if self.width is None:
            return self.prev_len >= 24
        if self.prev_opens:
            slack = 4.5
        else:  # justified lines vary more when wide; on a grid they do not vary
            slack = 0.5 if self.grid else 1.5 + 0.03 * self.width
        return self.prev_len >= self.width - slack

    @property
    def prev_ends_sentence(self) -> bool:
        return shapes.ends_paragraph(self.tail or self.prev)  # 。（详见……） ends one too


@rule("JN01")
def keep_standalone_lines_apart(seam: Seam) -> bool | None:
    """Never join a byline, credit, note opener or headline couplet to a neighbour.

    These lines are complete on their own; the wrap test below would glue a
    full-width caption line to the credit printed under it.

    >>> keep_standalone_lines_apart(_seam("……回暖。", "本报记者 林涛 摄"))
    False
    >>> keep_standalone_lines_apart(_seam("为进一步提高居民自救互救、参与", "火灾扑救的能力"))
    >>> keep_standalone_lines_apart(_seam("实现警网融合全覆盖。 本报记", "者 高野鹏 摄"))
    True
    >>> keep_standalone_lines_apart(_seam("并要求限期整改。", "全媒体记者王爱明摄"))
    False
    >>> keep_standalone_lines_apart(_seam("社记者王鹏摄", "足协曾忧王迪成", tail="上涨接近70%。新华社记者王鹏摄"))
    False

    A sentence goes on across a dash at a line's start (……一系列涉及到美国的行为 / ——通过各种办法洗钱；……):

    >>> keep_standalone_lines_apart(_seam("后，后续有一系列涉及到美国的行为", "——通过各种办法洗钱；把赃款转移到", tail="具体来说，二许在中国国内贪污后，后续有一系列涉及到美国的行为"))
    >>> keep_standalone_lines_apart(_seam("江苏探索科技成果高效转化应用新途径", "——政策松绑、平台支撑、专业服务构建转化生态"))
    False
    """
    if seam.cur_standalone and not seam.blanks and _completes_credit(seam):
        return True  # a credit the line end cut (……覆盖。 本报记 / 者 高野鹏 摄)
    prev_alone = seam.prev_standalone and not (_dash_line(seam.prev) and seam.prev_continues)
    cur_alone = seam.cur_standalone and not (_dash_line(seam.cur) and _dash_goes_on(seam))
    if prev_alone or cur_alone:
        return False
    if shapes.run_in_credit(seam.tail or seam.prev):
        return False  # a caption ending in its credit (……。 新华社记者 孙伟 摄), wrapped or not
    return None


def _dash_line(text: str) -> bool:
    return text.startswith("—")


def _dash_goes_on(seam: Seam) -> bool:
    """A line opening with a dash (——通过各种办法洗钱；……) under running text that stops mid-sentence, no blank
    between, a clause mark in it: the sentence goes on across the dash, no ——subtitle stands there."""
    return not seam.blanks and seam.prev_running and not seam.prev_ends_sentence and not seam.prev.endswith("—") \
        and bool(shapes.BODY_PUNCT_RE.search(seam.cur))


def _completes_credit(seam: Seam) -> bool:
    """cur ends a photo credit that the end of prev opened, after a caption's last sentence."""
    before = seam.tail or seam.prev
    match = None if shapes.run_in_credit(before) else shapes.run_in_credit(before + seam.cur)
    return match is not None and match.start("credit") < len(before)  # (a whole credit under a caption stays apart)


@rule("JN13")
def join_cut_dateline(seam: Seam) -> bool | None:
    """Join a dateline an extractor cut before its 电 or 讯, or before the writers' bracket after it.

    >>> join_cut_dateline(_seam("江城日报南京5月8日", "电（记者王明 通讯员李")), join_cut_dateline(_seam("记者", "电话"))
    (True, None)
    >>> join_cut_dateline(_seam("新华社北京1月22日电", "（记者 王明）在上周六")), join_cut_dateline(_seam("新华社北京1月22日电", "（二）加强"))
    (True, None)
    >>> join_cut_dateline(_seam("中新网宜昌2月1", "日电（记者 杨翠叶）")), join_cut_dateline(_seam("日电（记者 杨翠叶）", "60800毫升鲜血", tail="中新网宜昌2月1日电（记者 杨翠叶）"))
    (True, True)
    """
    if seam.blanks:
        return None
    opening = seam.tail or seam.prev
    if seam.cur[:1] in _DATELINE_ENDS and shapes.starts_with_dateline(seam.prev + seam.cur[:1]):
        return True
    if (_CUT_DATE_RE.search(seam.prev[-1:] + seam.cur[:1]) and len(seam.prev) <= 20 and not shapes.starts_with_dateline(opening)
            and shapes.starts_with_dateline(opening + seam.cur)):
        return True  # cut inside its date (中新网宜昌2月1 / 日电)
    if shapes.names_writers(seam.cur) and seam.prev.rstrip()[-1:] in _DATELINE_ENDS and seam.prev_dateline:
        return True
    if len(opening) <= 40 and _dateline_with_writers(opening) and not seam.cur_standalone:
        return True  # the dateline and its writers on a line of their own: the lede goes on under them
    return None


_CUT_DATE_RE = regex.compile(r"^[0-9月][0-9月日]$")  # the two characters either side of a cut inside a date
_DATELINE_ENDS = "电讯電訊"


def _dateline_with_writers(text: str) -> bool:
    """A dateline and its writers' bracket, nothing after: 新华社北京1月22日电（记者 王明）."""
    text = text.rstrip()
    cut = max(text.rfind("（"), text.rfind("("))
    if cut <= 0 or not text.endswith(("）", ")")) or not shapes.names_writers(text[cut:]):
        return False
    head = text[:cut].rstrip()
    return head[-1:] in _DATELINE_ENDS and shapes.starts_with_dateline(head)


@rule("JN02")
def join_leading_punctuation(seam: Seam) -> bool | None:
    """Join a line that starts with a mark no paragraph starts with (，。、）”).

    Extractors break before a comma that the typesetter hung in the margin.

    >>> join_leading_punctuation(_seam("不少学者认为", "，政府对商家的招牌"))
    True
    >>> join_leading_punctuation(_seam("不少学者认为", "政府对商家的招牌"))
    """
    return True if seam.cur[:1] in _LEX.never_start else None


@rule("JN15")
def join_number_to_its_unit(seam: Seam) -> bool | None:
    """Join a line that opens with a unit (万元，名，个) to a line that ends in digits.

    A number is never printed apart from its unit: the line was cut between them.

    >>> join_number_to_its_unit(_seam("费用总额为7,053.10", "万元，其中承销费"))
    True
    >>> join_number_to_its_unit(_seam("湖人升至第9火箭第11", "日前，联盟公布"))
    """
    return True if seam.prev[-1:].isdigit() and seam.cur[:1] in _LEX.number_units else None


@rule("JN16")
def break_before_time_opener(seam: Seam) -> bool | None:
    """Break between a line without a mark and one opening a sentence with its time (近日，/ 6月10日，).

    A sentence starts only after another has ended; a line with no mark at all
    before it is a headline or subtitle, whatever its width.

    >>> break_before_time_opener(_seam("老街巷微改造工程在东城开工", "近日，老街巷微改造工程在"))
    False
    >>> break_before_time_opener(_seam("工程于去年底完成，", "近日，该工程通过验收"))
    """
    if not TIME_OPENER_RE.match(seam.cur) or seam.prev_continues:
        return None
    return False if not shapes.BODY_PUNCT_RE.search(seam.prev) and shapes.is_headline_like(seam.prev) else None


@rule("JN03")
def break_before_indent(seam: Seam) -> bool | None:
    """Break before an indented line where indents mark paragraphs.

    >>> break_before_indent(_seam("……效能。", "基层社会治理", cur_indented=True))
    False
    >>> break_before_indent(_seam("……效能", "基层社会治理"))
    """
    return False if seam.cur_indented and seam.indents_mean_paragraphs else None


@rule("JN04")
def break_before_paragraph_opener(seam: Seam) -> bool | None:
    """Break before a dateline or a numbered point (本报讯…, 一、…, （二）…).

    >>> break_before_paragraph_opener(_seam("……建设。", "二、坚持精准施治，"))
    False
    >>> break_before_paragraph_opener(_seam("选优配强", "“双三长”5000余人"))

    Digits right after a Latin letter or a digit go on its name or number (中证A / 50、中证A100).

    >>> break_before_paragraph_opener(_seam("此次调整后，中证A", "50、中证A100和中证A500"))

    Nor a numeral after 第, an ordinal the line end cut (……第35航次第 / 二、第三航段科考):

    >>> break_before_paragraph_opener(_seam("领团队参与了“蛟龙”号第35航次第", "二、第三航段科考，在西南印度洋"))
    """
    if seam.cur_dateline:
        return False
    if shapes.NUMBERED_POINT_RE.match(seam.cur) and not (seam.cur[0].isdigit() and seam.prev[-1:].isascii() and seam.prev[-1:].isalnum()) \
            and not seam.prev.rstrip().endswith("第"):
        return False
    return None


def _leaves_open(text: str) -> bool:
    """A quote or bracket opened and not closed: the text goes on (……“中国公民政治 / 文化”问卷调查)."""
    return text.count("“") > text.count("”") or text.count("（") > text.count("）")


@rule("JN09")
def join_unfinished_sentence(seam: Seam) -> bool | None:
    """Join a short line inside running text that stops mid-sentence.

    PDF extractors also break lines at a font change or a bracket (……转化中心（江苏）
    / （以下简称……）; body paragraphs end with a sentence mark, so running text
    that stops without one goes on, and so does a line ending in ， or ：.

    >>> join_unfinished_sentence(_seam("会议强调：", "“要在推进基层治理"))
    True
    >>> join_unfinished_sentence(_seam("夜市经济升温", "街区消费回暖"))
    >>> join_unfinished_sentence(_seam("6月10日晚，某公司发布公告称，该公司近日", "取得贷款承诺函"))
    True
    >>> join_unfinished_sentence(_seam("本报讯（记者 郑林）改善辖区卫生环", "境，全面提升居民创城参与度", width=19, opens=True))
    True
    >>> join_unfinished_sentence(_seam("“原来革命先烈是这样克服", "困难的！”12岁的小雨在活动日记中写道", width=20, opens=True))
    True

    A bracketed aside after the sentence mark (a reference, a sample size) ends the paragraph, not a sentence cut short.

    >>> join_unfinished_sentence(_seam("展。（样本量<18）", "活动当日，心理咨询师和青", width=19, tail="……基地开展。（样本量<18）"))
    """
    blank_means_paragraph = seam.blanks and not seam.double_spaced
    if blank_means_paragraph or seam.prev_ends_sentence or seam.overflows(seam.cur, seam.cur_len):
        return None
    if seam.prev_running or seam.prev.endswith(tuple(_CONTINUING_MARKS)):  # headlines have no ，
        return True
    if seam.width is None and not seam.blanks and shapes.BODY_PUNCT_RE.search(seam.prev):
        return True  # too few lines to measure a column: a punctuated line that stops mid-sentence goes on
    if shapes.BODY_PUNCT_RE.search(seam.prev) and not shapes.is_headline_like(seam.prev):
        return True  # clauses parted by commas, no headline: a sentence cut short goes on
    if seam.prev_opens and seam.prev_dateline:
        return True  # a dateline opens running text (本报讯（记者 郑林）改善辖区卫生环 / 境，……)
    if _leaves_open(seam.prev) and not shapes.is_headline_like(seam.prev + seam.cur):
        return True  # a quotation opened and not closed goes on (“原来革命先烈是这样克服 / 困难的！”……)
    return None


@rule("JN14")
def keep_caption_apart(seam: Seam) -> bool | None:
    """Do not join across a blank line into a caption, the block a photo credit stands under.

    A caption set at a column jump sits between the two halves of a sentence;
    assembly rejoins the halves around it.

    >>> keep_caption_apart(_seam("为种植户讲解病虫害的识别与防治方", "近日，专家在田间指导农户。", blanks=2, captioned=True))
    False
    >>> keep_caption_apart(_seam("为种植户讲解病虫害的识别与防治方", "法，现场解答种植户提出的问题。", blanks=2))
    """
    return False if seam.cur_captioned else None


@rule("JN91")
def break_before_photo_inside_sentence(seam: Seam) -> bool | None:
    """Do not run a sentence that stops at a blank line into a photo printed inside it.

    The text after the photo's credit goes on the sentence where the caption's first line does not
    (layout._photo_inside). Assembly rejoins the halves around the photo (AS06).

    >>> seam = _seam("近年来，铁东区通过建强“四个矩", "北京时间6月12日凌晨，世界杯正式开赛。", blanks=1)
    >>> seam.cur_photo_inside = True
    >>> break_before_photo_inside_sentence(seam), break_before_photo_inside_sentence(_seam("建强“四个矩", "阵”，夯实", blanks=1))
    (False, None)
    """
    return False if seam.cur_photo_inside else None


@rule("JN93")
def break_before_caption_inside_sentence(seam: Seam) -> bool | None:
    """Do not run a sentence that stops at a blank line into a block printed inside it with no credit.

    The block's lines run to a sentence's end over a blank, and the text after that blank goes on the
    sentence where the block's first line does not (layout._caption_inside): a caption set in the column,
    its credit left off. Classify reads the block as a caption (CL33); assembly rejoins the halves (AS06).

    >>> seam = _seam("当东华派出所民警赶到银行时，他把4万", "通过此次指导工作的开展，为企业打下坚实基础。", blanks=1)
    >>> seam.cur_caption_inside = True
    >>> break_before_caption_inside_sentence(seam), break_before_caption_inside_sentence(_seam("他把4万", "元现金", blanks=1))
    (False, None)
    """
    return False if seam.cur_caption_inside else None


@rule("JN05")
def break_after_short_line(seam: Seam) -> bool | None:
    """Break after a line clearly shorter than its column: a paragraph's last line.

    >>> break_after_short_line(_seam("财产安全。", "本报讯", width=13))
    False
    >>> break_after_short_line(_seam("金桥社区的工作人员首先向辖", "区居民", width=13))

    Short beside its own paragraph's line above, whatever the column around (a wide lede among narrow lines):

    >>> break_after_short_line(_seam("迎宾街道各社区积极开展清理。", "在多元化的科技传播方式中", width=14, tail="……平城区迎宾街道各社区积极开展清理。", above=38))
    False

    A sentence's end two characters short of the line above it, however full beside the column's width:

    >>> tail = "……法获取公民个人信息，实施违法犯罪活动。该公司机构庞大、组织严密。"
    >>> break_after_short_line(_seam("动。该公司机构庞大、组织严密。", "据侦破此案的警方介绍，该公司拥有", width=17, tail=tail, above=17.5))
    False
    >>> break_after_short_line(_seam("动。该公司机构庞大、组织严密。", "据侦破此案的警方介绍，该公司拥有", width=17, tail=tail, above=16))
    """
    if seam.prev_full:
        return None
    if seam.prev_in_run and not seam.prev_ends_sentence and shapes.BODY_PUNCT_RE.search(seam.prev + seam.cur):
        return None  # JN40: as long as the lines under it, a column narrower than the width measured around
    # wrapped by character count, digits and Latin fill a line as much as Han characters
    if seam.width is not None and not seam.prev_ends_sentence and len(seam.prev.replace(" ", "")) >= seam.width - 1.5:
        return None
    return False


# Fitted on the fit split (f001-f096, pdftotext-raw, pymupdf, sim seams): a sentence-ending line this much
# shorter than its paragraph's line above ends the paragraph (fit: 39 seams right, 1 wrong).
SHORT_OF_ABOVE = 2.0


@rule("JN06")
def join_wrapped_line(seam: Seam) -> bool | None:
    """Join a full line that does not end a sentence to the next, across blank lines too.

    A blank line there is a column or page jump (……方面的知 / 识。).

    >>> join_wrapped_line(_seam("和灭火器材操作等方面的知", "识。随后", width=12, blanks=1))
    True
    >>> join_wrapped_line(_seam("财产安全。", "本报讯", width=5))

    Where every line is a whole paragraph, a headline-like line before a blank is a headline;
    so is a line that stands alone above a blank, without a mark, where blanks part paragraphs.

    >>> join_wrapped_line(_seam("某科技公司股东拟减持2.5亿元2021年上市募资6.8亿", "本报讯近日", blanks=1))
    >>> join_wrapped_line(_seam("周末郊外为最佳观测地点", "“这是今年最值得推荐的", width=11, blanks=1, opens=True))

    A kicker's colon (a section heading: 双轨赋能：……) is no clause mark there; a clause's colon is,
    and so is a kicker heading right over another, which would read as a story's headline pair.

    >>> join_wrapped_line(_seam("双轨赋能：物质关怀叠加心灵滋养", "活动当日，心理咨询师和青年志愿", width=15, blanks=1, opens=True))
    >>> join_wrapped_line(_seam("会上，他表示：要在推进基层", "治理中发挥作用", width=13, blanks=1, opens=True))
    True
    >>> join_wrapped_line(_seam("双轨赋能：物质关怀叠加心灵滋养", "立体教育：踏青寻春融合红色传承", width=15, blanks=1, opens=True))
    True

    Nor does running text go on, across a blank line, into a headline that a ——subtitle, a
    byline or its lede's dateline stands under (a blank line between too, as OCR sets one under
    large type): the text above stopped at a column jump.

    Nor does a column's line go on, across a blank line, into a head's block (a few short lines with
    no mark, then a dateline or nothing: layout's cur_head_block).

    >>> join_wrapped_line(_seam("小币种汇率风险已成为不少外贸", "明责赋能", width=14, blanks=1, cur_head_block=True))

    Nor does a narrow run's full line (three headline lines, set at their own width) go on, across
    a blank line, into lines set far wider: a column jump lands in a column of the same width.

    >>> join_wrapped_line(_seam("中小银行风险化解加速推进", "基层社会治理是国家治理的基石，提升基层社", width=11, blanks=1, cur_wider=True))
    >>> join_wrapped_line(_seam("中小银行风险化解加速推进", "基层社会治理是国家治理的基石，提升基层社", width=11, blanks=0, cur_wider=True))
    True

    >>> tail = "近日，社区党支部共同开展了以“请党放心”为主题的爱国教育专题"
    >>> join_wrapped_line(_seam("共同开展了以“请党放心”为主题的爱国教育专题", "江苏探索科技成果高效转化应用新途径", width=21, blanks=1,
    ...                         tail=tail, heads_apart=True))
    >>> join_wrapped_line(_seam("共同开展了以“请党放心”为主题的爱国教育专题", "宣传活动，进一步激发了学生们的爱国热情", width=21, blanks=1,
    ...                         tail=tail, heads_apart=True))
    True
    >>> join_wrapped_line(_seam("写入市委五年目标。强化书", "锂同位素高精度原位检测成功实现", width=30, blanks=1,
    ...                         tail="把党建引领城乡基层治理纳入“第一议题”、写入市委五年目标。强化书", over_dateline=True))
    """
    if seam.prev_ends_sentence:
        return None
    if seam.blanks and seam.cur_wider:
        return None  # a column jump lands in a column of the same width: a narrow run (a headline stack) ends at its blank
    if seam.blanks and seam.cur_head_block:
        return None  # a column jump lands on running text, not on a block of a head's short unmarked lines
    if seam.blanks and (seam.cur_heads or seam.cur_heads_apart or seam.cur_over_dateline and _short_whole(seam)) \
            and shapes.is_headline_like(seam.cur) and not shapes.BODY_PUNCT_RE.search(seam.cur) \
            and shapes.BODY_PUNCT_RE.search(seam.tail or seam.prev):
        return None  # a headline over its ——subtitle, byline or dateline: the running text above stopped at a column jump
    alone = seam.width is None or (seam.prev_opens and not seam.double_spaced)
    if alone and seam.blanks and shapes.is_headline_like(seam.prev) and (
            not shapes.BODY_PUNCT_RE.search(seam.prev) or _kicker_heading(seam.prev) and not _kicker_heading(seam.cur)):
        return None
    return True


def _short_whole(seam: Seam) -> bool:
    """A line over a dateline that may be its headline: short of its column's full line (a full one is running
    text wrapped there, cut anywhere) and closing every bracket it opens (YC/T384 《烟草企业安全生 is cut).

    >>> _short_whole(_seam("专家组对照", "YC/T384 《烟草企业安全生", width=13)), _short_whole(_seam("局西", "展了以“请党放心”为主题的爱国", width=15))
    (False, False)
    >>> _short_whole(_seam("强化书", "锂同位素高精度原位检测成功实现", width=30))
    True
    """
    cur = seam.cur
    return (seam.width is None or seam.cur_len < seam.width) and all(cur.count(a) == cur.count(b) for a, b in _PAIRS)


_PAIRS = ("《》", "“”", "（）", "()", "〈〉", "【】")


_KICKER_HEADING_RE = regex.compile(r"^\p{Han}{2,6}\s*[：:]\s*[\p{Han}“”‘’]{4,}$")


def _kicker_heading(text: str) -> bool:
    """A heading led by a kicker and its colon (双轨赋能：物质关怀叠加心灵滋养): its one mark parts no clauses.

    >>> _kicker_heading("双轨赋能：物质关怀叠加心灵滋养"), _kicker_heading("会议强调：要在推进基层治理中，")
    (True, False)
    """
    return bool(_KICKER_HEADING_RE.match(text))


@rule("JN10")
def break_at_column_change(seam: Seam) -> bool | None:
    """Break after a sentence end where the text moves to a column of another width.

    Extractors that read in paint order put one story's last line right before
    the next story's first one; the two are set in columns of different widths.

    >>> break_at_column_change(_seam("……排名升至第五。", "5月9日，市场监管部门发布", column_change=True))
    False
    >>> break_at_column_change(_seam("……排名升至第五。", "5月9日，市场监管部门发布"))
    """
    return False if seam.column_change and seam.prev_ends_sentence else None


@rule("JN07")
def join_sentence_end_inside_paragraph(seam: Seam) -> bool | None:
    """Join a full line ending a sentence when no blank line marks a paragraph end.

    Inside a paragraph a sentence often ends exactly at the column edge; only a
    blank line says the paragraph ended, unless the dump wraps lines and puts a
    blank after every one of them. A short line with no sentence mark after it
    starts something new (a headline), blank line or not.

    >>> join_sentence_end_inside_paragraph(_seam("如磐石。常态开展社区培训班。", "定期开展消防演练和安全培训", width=14))
    True
    >>> join_sentence_end_inside_paragraph(_seam("如磐石。常态开展社区培训班。", "定期开展消防演练和安全培训", width=14, blanks=1))
    False
    >>> join_sentence_end_inside_paragraph(_seam("欢迎读者来信，请注明联系方式。", "古镇探索新路径", width=14))
    False
    """
    if _starts_anew(seam):
        return False
    if seam.width is not None and seam.prev_len > 1.3 * seam.width:
        return None  # set wider than the column around it: its own paragraph ends tell nothing here
    return seam.blanks == 0 or (seam.double_spaced and seam.width is not None)


@rule("JN17")
def break_before_stripped_indent(seam: Seam) -> bool | None:
    """Break before a line an indent short of the full line under it, after a full line ending a sentence.

    Extractors that read positions drop the two-character indent of a paragraph's
    first line: it then falls short of the full lines around it and stops
    mid-sentence (layout works the shortfall out). A sentence that happens to end
    at the column edge inside a paragraph is followed by a full line instead.

    >>> seam = _seam("治理的能力和水平。", "党建工作是重中之", width=10, short_by_indent=True)
    >>> seam.indents_mean_paragraphs = False
    >>> break_before_stripped_indent(seam)
    False
    >>> break_before_stripped_indent(_seam("治理的能力和水平。", "党建工作是重中之", width=10))

    Not where the page keeps its indents (they mark its paragraphs): a line printed flush is no first line.

    >>> break_before_stripped_indent(_seam("治理的能力和水平。", "党建工作是重中之", width=10, short_by_indent=True))
    """
    if seam.indents_mean_paragraphs:
        return None  # the page keeps its indents: a line not indented is no first line, however short
    if seam.cur_short_by_indent and seam.prev_ends_sentence and seam.prev_full and not seam.blanks:
        return False
    return None


@rule("JN39")
def break_after_section_heading(seam: Seam) -> bool | None:
    """Break after a section heading printed on a line of its own (31家公司调整定价方式, 双轨赋能：……).

    A line with no clause mark right under a sentence's end, and under it a line an indent short
    of the full line below (its paragraph's first line, the indent stripped): the heading stands
    between two paragraphs, set in its own type, not wrapped into the one under it. A line that
    leaves a quote open (研究团队创新提出“时空) is running text.

    >>> break_after_section_heading(_seam("云南地区多家银行获批解散", "此前，云南金融监管局发", width=13, opens=True,
    ...                                   short_by_indent=True, after_end=True))
    False
    >>> break_after_section_heading(_seam("云南地区多家银行获批解散", "此前，云南金融监管局发", width=13, opens=True, after_end=True))
    >>> break_after_section_heading(_seam("会上，他表示：要在推进基层", "治理中发挥作用", width=13, opens=True,
    ...                                   short_by_indent=True, after_end=True))
    >>> break_after_section_heading(_seam("研究团队创新提出“时空", "介质协同调制LIBS", width=13, opens=True,
    ...                                   short_by_indent=True, after_end=True))
    >>> break_after_section_heading(_seam("钱先生的遭遇并非", "个例。今年以来，全球", width=9, opens=True,
    ...                                   short_by_indent=True, after_end=True))
    """
    if seam.blanks or not seam.prev_after_end or not seam.cur_short_by_indent or seam.prev_dateline:
        return None
    if shapes.BODY_PUNCT_RE.search(seam.prev) and not _kicker_heading(seam.prev):
        return None
    if not all(seam.prev.count(a) == seam.prev.count(b) for a, b in _PAIRS):
        return None
    if seam.width is None or not seam.width - 2.5 <= seam.cur_len <= seam.width or seam.prev_len > seam.width:
        return None  # under it a headline's short line, or a full line the layout misjudged (欢迎广大读者踊跃 / 投稿，……);
    # a line wider than the column is a headline's or a line run in from another column (pdfminer)
    return False if shapes.is_headline_like(seam.prev) else None


@rule("JN44")
def break_before_time_opener_after_end(seam: Seam) -> bool | None:
    """Break before a line that opens a sentence with its time (近日，/ 6月10日，) after a line that ends one.

    A sentence a time phrase opens opens its paragraph (fit truth: 502 such sentences, every one a
    paragraph's first); a sentence ending at the column edge hides the break from the width cues.

    >>> break_before_time_opener_after_end(_seam("……派出所民警的寻找，次日找到了卡的主人。", "近日，为助力文明城市建设，提高居", width=20))
    False
    >>> break_before_time_opener_after_end(_seam("……派出所民警的寻找，次日找到了卡的", "近日，为助力文明城市建设", width=20))
    """
    if TIME_OPENER_RE.match(seam.cur) and seam.prev_ends_sentence:
        return False
    return None


@rule("JN45")
def join_stripped_first_line(seam: Seam) -> bool | None:
    """Join a block's first line an indent short of the full line under it: a first line stripped of its indent.

    The line under it as long as the next, it is a paragraph's first line whose indent the extractor dropped,
    not a headline over its text.

    Taken where the column width measured around it reads a narrower column's lines, so that the
    break-around-overflowing-line cue calls the full line under it too wide (where it reads a wider one's,
    break-after-short-line calling the first line short, joining it moved stories on held-out pages).
    A line under it that opens with a dateline, holds no clause mark or is itself indent-short (a section
    heading over its paragraph, JN39) is left to the other cues.

    >>> join_stripped_first_line(_seam("近日，为助力文明城市建设，提高", "居民文明意识，铁东区北门街道桃", width=12, opens=True, stripped=True))
    True
    >>> join_stripped_first_line(_seam("近日，为助力文明城市建设，提高", "居民文明意识，铁东区北门街道桃", width=16, opens=True, stripped=True))
    >>> join_stripped_first_line(_seam("爱国教育进校园", "本报讯（记者 郑林）为", width=12, opens=True, stripped=True))
    """
    if not seam.prev_stripped or not seam.prev_opens or seam.blanks or seam.cur_short_by_indent:
        return None
    if not seam.overflows(seam.cur, seam.cur_len):
        return None  # the width measured around takes cur for a column's line: the other cues decide
    if seam.prev_standalone or seam.cur_standalone or seam.cur_dateline or shapes.ends_sentence(seam.prev):
        return None
    return True if shapes.BODY_PUNCT_RE.search(seam.cur) else None


@rule("JN50")
def join_first_line_set_apart(seam: Seam) -> bool | None:
    """Join a block's full first line that one blank parts from the full lines under it (a paragraph's first line).

    A simulated page may put a blank under a paragraph's first line only (a stretch of blanks, not every line):
    the line, full in its column and stopping mid-sentence, goes on into the full line under the blank. A
    headline as wide as the column stands there too: the line under it then opens a sentence (a time or
    place phrase and its comma, a quote, a number, a dateline), and a kicker's heading has its colon.

    >>> join_first_line_set_apart(_seam("本次读书会邀请领学人马", "超老师、团员青年以及新", width=12, blanks=1, opens=True, set_apart=True))
    True
    >>> join_first_line_set_apart(_seam("云南地区多家银行获批解散", "此前，云南金融监管局发布", width=12, blanks=1, opens=True, set_apart=True))
    >>> join_first_line_set_apart(_seam("本次读书会邀请领学人马", "超老师、团员青年以及新", width=12, blanks=1, opens=True))
    """
    if not seam.prev_set_apart or seam.double_spaced or seam.blanks != 1:
        return None
    if seam.prev_standalone or seam.cur_standalone or seam.cur_dateline or shapes.ends_paragraph(seam.prev):
        return None
    if _kicker_heading(seam.prev) or not shapes.BODY_PUNCT_RE.search(seam.cur) or _SENTENCE_OPENING_RE.match(seam.cur):
        return None
    return None if TIME_OPENER_RE.match(seam.cur) else True


@rule("JN65")
def join_word_across_seam(seam: Seam) -> bool | None:
    """Join where the likeliest reading of the seam's neighbourhood has a word across the line end (吉林省长 / 春市).

    A column's line ends wherever the measure runs out, mostly inside a word; a paragraph ends after a
    whole one. jieba's dictionary tells the word (seams.word_across; silent without jieba, and on
    traditional text, which its simplified words seldom match). Fit (pdftotext-raw, PyMuPDF, sim seams the
    other cues broke): 205 inside a paragraph, 17 not, those under a break cue that outweighs it (a byline,
    a dateline: 獻血 / 本報訊).

    >>> words = seams.lexicon()
    >>> join_word_across_seam(_seam("后，齐北松和李克东行走在吉林省长", "春市农安县田间，察看玉米新苗长势。")) if words else True
    True
    >>> join_word_across_seam(_seam("提高自救能力", "北市场街道金桥社区开展安全宣传活动"))

    Not before a dateline or a numbered point: their opening words are set, a reading across runs into
    them by chance (……该国政府税单 / 据某某社报道: fit, 23 such seams break, 3 join).

    >>> join_word_across_seam(_seam("同时也放弃了该国政府税单", "据某某社报道，某国统计局最新公"))

    Not on an OCR engine's boxes the column stage dealt out (a right join there moved a byline: dev RapidOCR p03).
    Nor between two lines of which neither holds a clause mark (a kicker's colon aside): a headline over another
    reads on by chance as often (……1年暴增5倍 / 加拿大市民抱怨……: 倍加, dev pdfminer).

    >>> join_word_across_seam(_seam("美官方统计：为避税放弃美国国籍人数1年暴增5倍", "加拿大市民抱怨“中文招牌广告过多”引争议"))
    """
    if seam.dealt or seam.cur_dateline or shapes.NUMBERED_POINT_RE.match(seam.cur):
        return None
    if not _CLAUSE_MARK_RE.search(seam.tail or seam.prev) and not _CLAUSE_MARK_RE.search(seam.cur):
        return None
    return True if seams.word_across(seam.tail or seam.prev, seam.cur, seams.lexicon()) else None


_CLAUSE_MARK_RE = regex.compile(r"[，。、；,;！？!?]")  # body punctuation but the colon (a kicker's, in a headline)


# a sentence's opening: a quote, a bracket, a number or numbered point, or a phrase of 2-5 characters and its comma (此前，)
_SENTENCE_OPENING_RE = regex.compile(r"^(?:[“\"「（(《]|\d|[一二三四五六七八九十]+、|[^，,。]{2,5}[，,])")


@rule("JN27")
def keep_office_byline_apart(seam: Seam) -> bool | None:
    """Break after or before a signed article's byline closed up on a line of its own (市委书记谢忠岩).

    An extractor that drops spaces leaves the office and the name in one run: it reads as a full line
    of running text that stops mid-sentence. The byline opens its block, or stands under a headline
    or a sentence's end.

    >>> keep_office_byline_apart(_seam("辽县白泉镇新城社区党委书记谭永生", "新城社区地处东辽县县城西部，现", opens=True))
    False
    >>> keep_office_byline_apart(_seam("构建党建引领城乡基层治理新格局", "白山市委书记谢忠岩"))
    False
    >>> keep_office_byline_apart(_seam("会上，吉林省委常委、", "长春市委书记张三", tail="……会上，吉林省委常委、"))
    >>> keep_office_byline_apart(_seam("辽县白泉镇新城社区党委书记谭永生", "新城社区地处东辽县县城西部，现"))
    """
    if seam.prev_opens and _office_byline(seam.prev):
        return False
    if (seam.prev_ends_sentence or not shapes.BODY_PUNCT_RE.search(seam.tail or seam.prev)) and _office_byline(seam.cur):
        return False  # (the cheap test first: this runs on every seam)
    return None


def _office_byline(text: str) -> bool:
    """A byline an extractor closed up (白山市委书记谢忠岩): not one of the standalone lines (JN01 keeps those apart)."""
    return shapes.is_byline(text) and not shapes.standalone(text)


@rule("JN24")
def join_quotation_across_line(seam: Seam) -> bool | None:
    """Join a line that closes a quotation the line above left open: the quoted words run across the line end.

    A wide caption's first line cut inside a quotation (……“阳光体育 和谐校 / 园”韵律操……) reads as a headline
    over a wider line, and its second (体育 和谐校园”韵律操比) as a couplet; the marks pair them.

    >>> join_quotation_across_line(_seam("近日，市第二中学“阳光", "体育 和谐校园”韵律操比"))
    True
    >>> join_quotation_across_line(_seam("种好社区治理“责任田”", "东辽县白泉镇新城社区党委书记 谭永生"))
    >>> join_quotation_across_line(_seam("近日，市第二中学“阳光", "“体育”韵律操比赛拉开帷幕。"))
    """
    if seam.prev.count("“") <= seam.prev.count("”"):
        return None
    close, reopen = seam.cur.find("”"), seam.cur.find("“")
    return True if close >= 0 and (reopen < 0 or close < reopen) else None


def _starts_anew(seam: Seam) -> bool:
    """A short headline-like line, or one with a ——subtitle or byline right under it; not a bracket
    or a clause cut off by the extractor.

    >>> _starts_anew(_seam("获得心灵成长。”", "如何在美国把贪官送进监狱——", width=14, heads=True))
    True
    >>> _starts_anew(_seam("获得心灵成长。”", "如何在美国把贪官送进监狱——", width=14))
    False

    A dateline opening the line under it: a headline printed right over its story.

    >>> _starts_anew(_seam("被评为全省社区治理示范单位。", "锂同位素高精度原位检测成功实现", over_dateline=True))
    True
    >>> _starts_anew(_seam("被评为全省社区治理示范单位。", "锂同位素高精度原位检测成功实现"))
    False

    So does a line over a headline line that a ——subtitle or byline stands under (a column label, a
    title's first line), however full it looks in a narrow column.

    >>> _starts_anew(_seam("范单位。", "经济聚焦", width=4, over_head=True)), _starts_anew(_seam("范单位。", "经济聚焦", width=4))
    (True, False)
    """
    cur = seam.cur
    if cur[:1] in _CONTINUING_MARKS or cur.endswith(tuple(_CONTINUING_MARKS)) or not shapes.is_headline_like(cur):
        return False
    return seam.cur_heads or seam.cur_over_dateline or seam.cur_over_head or seam.cur_len < 0.7 * (seam.width or seam.prev_len)


def _seam(prev: str, cur: str, width: float | None = None, blanks: int = 0, cur_indented: bool = False,
          tail: str = "", column_change: bool = False, cur_wider: bool = False, cur_last: bool = False, opens: bool = False,
          running: bool = False, captioned: bool = False, heads: bool = False, short_by_indent: bool = False,
          above: float = 0.0, heads_apart: bool = False, byline_apart: bool = False, boxed: bool = False, over_dateline: bool = False,
          over_head: bool = False, cut_off: bool = False, piece: bool = False, cur_head_block: bool = False,
          after_end: bool = False, in_run: bool = False, stripped: bool = False, set_apart: bool = False,
          over_plain: int = 0) -> Seam:
    """Build a Seam for the examples above."""
    return Seam(prev, cur, shapes.display_length(prev), shapes.display_length(cur), width, blanks,
                False, cur_indented, True, prev_opens=opens, prev_standalone=shapes.standalone(prev),
                cur_standalone=shapes.standalone(cur), tail=tail, column_change=column_change, cur_last=cur_last,
                prev_running=running or bool(tail and shapes.BODY_PUNCT_RE.search(tail)), cur_captioned=captioned, cur_heads=heads,
                cur_dateline=shapes.starts_with_dateline(cur), prev_dateline=shapes.starts_with_dateline(prev),
                cur_short_by_indent=short_by_indent, cur_heads_apart=heads_apart, cur_byline_apart=byline_apart,
                above_len=above, cur_boxed=boxed, cur_over_dateline=over_dateline, cur_over_head=over_head, cut_off=cut_off,
                prev_piece=piece, cur_wider=cur_wider, cur_head_block=cur_head_block, prev_after_end=after_end,
                prev_in_run=in_run, prev_stripped=stripped, prev_set_apart=set_apart, cur_over_plain=over_plain)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One seam's decision and what weighed in it."""

    joined: bool
    score: float
    parts: tuple[tuple[Rule, float], ...]  # each cue with an opinion, and its weight × opinion

    @property
    def by(self) -> Rule | None:
        """The cue that weighed most toward the decision (it names the step in the trace)."""
        side = [(abs(part), r) for r, part in self.parts if (part > 0) == self.joined and part]
        return max(side, key=lambda pair: pair[0])[1] if side else None

    def explain(self, bias: float) -> str:
        """The score and its terms: [join +3.0 = bias -0.5, JN09 +8.0, JN05 -4.5]."""
        terms = ", ".join(f"{r.code} {part:+g}" for r, part in self.parts)
        return f"[{'join' if self.joined else 'break'} {self.score:+g} = bias {bias:+g}{', ' if terms else ''}{terms}]"


@dataclass(frozen=True, slots=True)
class Joiner:
    """The join cues with their weights (rules/join.toml): one weighted decision per seam."""

    cues: tuple[tuple[Rule, float], ...]
    bias: float

    @classmethod
    def of(cls, rules: list[Rule], table: dict | None = None) -> Joiner:
        table = lexicon.read_rules("join.toml") if table is None else table
        weights = table["weights"]
        return cls(tuple((r, float(weights[r.code])) for r in rules if weights.get(r.code)), float(table["bias"]))

    def decide(self, seam: Seam) -> Verdict:
        """Join when bias + Σ weight × opinion is above 0 (an opinion is +1 join, -1 break).

        >>> rules = [REGISTRY["JN09"], REGISTRY["JN05"]]
        >>> joiner = Joiner.of(rules, {"bias": -0.5, "weights": {"JN09": 3.0, "JN05": 2.0}})
        >>> verdict = joiner.decide(_seam("会议强调：", "“要在推进基层"))
        >>> verdict.joined, verdict.by.code, verdict.explain(joiner.bias)
        (True, 'JN09', '[join +0.5 = bias -0.5, JN09 +3, JN05 -2]')
        >>> joiner.decide(_seam("财产安全。", "本报讯", width=13)).explain(joiner.bias)
        '[break -2.5 = bias -0.5, JN05 -2]'
        """
        score, parts = self.bias, []
        for r, weight in self.cues:
            opinion = r.func(seam)
            if opinion is not None:
                part = weight if opinion else -weight
                score += part
                parts.append((r, part))
        return Verdict(score > 0, score, tuple(parts))


def glue(prev: str, cur: str) -> str:
    """Join two wrapped lines: no space in CJK text, one between Latin words.

    >>> glue("利用LED电子", "屏滚动播放")
    '利用LED电子屏滚动播放'
    >>> glue("the new", "policy")
    'the new policy'
    >>> glue("inter-", "national")
    'international'

    In Chinese text a Latin word is cut wherever the column ends, with no hyphen:
    a lower-case or all-capitals continuation is the same word.

    >>> glue("据Dat", "aHub统计"), glue("按照GDP", "R的条款"), glue("经理（Maria", "Lopez）")
    ('据DataHub统计', '按照GDPR的条款', '经理（Maria Lopez）')
    """
    if _LATIN_END_RE.search(prev[-2:]) and _LATIN_START_RE.match(cur):  # [-2:]: $ may stand before a last \n
        same_word = cur[0].islower() or (prev[-1].isupper() and cur[:2].isupper())
        if same_word and (_HAN_RE.search(prev[-40:]) or _HAN_RE.search(cur)):
            return prev + cur
        return prev + " " + cur
    if prev.endswith("-") and prev[-2:-1].isalpha() and prev[-2:-1].isascii() and cur[:1].islower():
        return prev[:-1] + cur
    return prev + cur
