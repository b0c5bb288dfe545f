"""A story's head: its headline lines, byline and column label, and which lines are the title."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import seams, shapes
from .model import Block

TITLE_LINES = 2


@dataclass(frozen=True, slots=True)
class Head:
    """A story's headline lines, byline and column label, with their dump lines."""

    title: str
    subtitle: str = ""
    byline: str = ""
    column: str = ""
    first: int = 0
    last: int = 0
    spans: tuple[tuple[int, int, str], ...] = ()  # (first, last, role) per block, as model.Item keeps them

    @property
    def text(self) -> str:
        return f"{self.title} {self.subtitle}".strip()


def build_head(blocks: list[Block]) -> Head:
    """Title, subtitle, byline and column label from consecutive head blocks.

    Two short lines printed together without a phrase space are one wrapped
    title (普及消防知识 / 提高自救能力); further lines are the subtitle: a title
    wraps once at most, as a newspaper sets it. A blank line parts a title from
    its subtitle, but not the two halves of a couplet (see halves_over_blank).

    >>> head = build_head([Block("站好岗", 1, 1, "headline"), Block("放好哨", 3, 3, "headline", gap_before=1)])
    >>> head.title, head.subtitle
    ('站好岗 放好哨', '')
    >>> build_head([Block("汇聚爱心力量", 1, 1, "headline"), Block("市社会福利院开展捐赠活动", 3, 3, "headline", gap_before=1)]).subtitle
    '市社会福利院开展捐赠活动'
    """
    column = " ".join(b.text for b in blocks if b.role == "column")
    byline = " ".join(b.text for b in blocks if b.role == "byline")
    lines = [b for b in blocks if b.role == "headline"]
    texts = [b.text for b in lines]
    title_parts = lines[:1]
    for b in lines[1:TITLE_LINES]:
        prev = title_parts[-1]
        over_blank = b.gap_before and (halves_over_blank(prev.text, b.text) or rest_over_subtitle(texts))
        if b.gap_before and not over_blank or shapes.is_subtitle_dash(b.text) or not _wraps_title(prev.text, b.text, len(lines)):
            break
        title_parts.append(b)
    rest = lines[len(title_parts):]
    return Head(
        title=" ".join(b.text for b in title_parts),
        subtitle=" ".join(b.text for b in rest),
        byline=byline,
        column=column,
        first=min(b.first for b in blocks),
        last=max(b.last for b in blocks),
        spans=tuple((first, last, _SPAN_ROLES.get(b.role) or ("title" if b in title_parts else "subtitle"))
                    for b in blocks for first, last in b.line_runs),
    )


_SPAN_ROLES = {"column": "column", "byline": "byline"}  # a headline block is the title or the subtitle


def split_run(blocks: list[Block]) -> list[list[Block]]:
    """Split a run of headline lines into one group per story.

    Runs of headlines printed together (after the briefs, in a side column)
    belong to several stories: a group holds one title (maybe wrapped) and at
    most one subtitle line, and a couplet after a title starts the next group.
    """
    groups: list[list[Block]] = []
    current: list[Block] = []
    for k, block in enumerate(blocks):
        if current and block.role != "byline" and any(b.role == "headline" for b in current):
            head = build_head(current)
            starts_new = block.role == "column" or bool(head.subtitle)
            if block.role == "headline" and not shapes.is_subtitle_dash(block.text):
                starts_new = starts_new or (shapes.is_couplet(block.text) and bool(head.title)) \
                    or _opens_couplet(blocks, k) or _after_dash(current)
            if starts_new:
                groups.append(current)
                current = []
        current.append(block)
    if current:
        groups.append(current)
    return groups


def _after_dash(current: list[Block]) -> bool:
    """The group so far ends on a ——subtitle: it ends its head, the plain line under it opens the next one.

    >>> run = [Block("——法律用美国的", 1, 1, "headline"), Block("为促进全民健身活动蓬勃发展", 2, 2, "headline")]
    >>> [[b.text for b in g] for g in split_run(run)]
    [['——法律用美国的'], ['为促进全民健身活动蓬勃发展']]
    """
    last = [b for b in current if b.role == "headline"][-1]
    return shapes.is_subtitle_dash(last.text)


def _opens_couplet(blocks: list[Block], k: int) -> bool:
    """Block k and the headline line under it are the halves of a couplet title set on two lines (站好岗 / 放好哨).

    >>> run = [Block("铁东区开展印刷企业安全生产检查", 1, 1, "headline"), Block("站好岗", 2, 2, "headline"),
    ...        Block("放好哨", 3, 3, "headline")]
    >>> [[b.text for b in g] for g in split_run(run)]
    [['铁东区开展印刷企业安全生产检查'], ['站好岗', '放好哨']]
    """
    nxt = blocks[k + 1] if k + 1 < len(blocks) else None
    return nxt is not None and nxt.role == "headline" and not nxt.gap_before and couplet_halves(blocks[k].text, nxt.text)


_HALF = (3, 8)  # the characters of one half of a couplet title (站好岗; 及时整改到位)
_FULL_LINE = 10  # the width of a big-type title's first line, at least, that OCR parts from its rest
_REST = 0.6  # the rest's width, at least, as a share of the first line's
_DATE_RE = regex.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*日\s*[电讯電訊]")  # a dateline's date (兰州6月11日; 12日电)


def halves_over_blank(first: str, second: str) -> bool:
    """Two headline lines parted by a blank, unspaced and unpunctuated: one big-type title OCR read
    as two blocks, not a title over its subtitle (a subtitle is wider, or set in clauses). Either
    the two halves of a couplet, of one length (站好岗 / 放好哨), or a full first line and its
    shorter rest with no date in it (汇率避险“工具箱”再扩容 / 小币种产品密集落地; a dateline opens with its date).

    >>> halves_over_blank("站好岗", "放好哨"), halves_over_blank("汇率避险“工具箱”再扩容", "小币种产品密集落地")
    (True, True)
    >>> halves_over_blank("明责赋能", "做强“枢纽”")
    True
    >>> halves_over_blank("汇聚爱心力量", "市社会福利院开展爱心捐赠活动"), halves_over_blank("明责赋能", "做强，提效")
    (False, False)

    Not a label over a title's half, nor a title over a dateline's start.

    >>> halves_over_blank("社区那些事", "站好岗"), halves_over_blank("锂同位素高精度原位检测成功实现", "科技日报兰州6月11日")
    (False, False)

    A column's tag closing the second half is no part of it.

    >>> halves_over_blank("及时整改到位", "提升安全水平（今日·视点）")
    True

    A figure in the rest is a title's when the first line is short enough to wrap (WHOLE_LINE); a
    column's label run in before the first line does not count in its width.

    >>> halves_over_blank("某公司实控人等拟套现2.2亿", "正拟定增募不超15.5亿"), halves_over_blank("社会那些事：某县推进综合执法", "提升基层治理效能")
    (True, True)
    >>> halves_over_blank("某市警方捣毁侵害公民信息团伙抓获299人", "某区警方出动300名警力"), halves_over_blank("某公司实控人等拟套现2.2亿", "——正拟定增募不超15.5亿")
    (False, False)
    """
    second = shapes.TAG_END_RE.sub("", second)  # a column's tag closes the title's last line (……（今日·视点）)
    first = shapes.LABEL_OVER_TITLE_RE.sub("", first)  # a column's label run in before the title (社会那些事：)
    if not all(_HALF[0] <= len(t) and _plain_phrase(t) for t in (first, second)):
        return False
    a, b = shapes.display_length(first), shapes.display_length(second)
    if a == b:
        return couplet_halves(first, second)
    if _width(first) == _width(second):  # a half in quotes as wide as the other (明责赋能 / 做强“枢纽”)
        return couplet_halves(first.translate(_QUOTES), second.translate(_QUOTES))
    return a >= _FULL_LINE and _REST * a <= b < a and not shapes.is_subtitle_dash(first) \
        and not first.endswith(("）", ")")) and not shapes.is_subtitle_dash(second) and not _DATE_RE.search(second) \
        and (a <= WHOLE_LINE or not any(ch.isdigit() for ch in second))  # a figure in a wrapped title's rest (不超15.5亿)


_STRAY_ODD_RE = regex.compile(r"[|\\/_~^<>{}\[\]@#$&*=A-Za-z]")  # marks and letters no Chinese headline is set in
_PAIRED_BRACKETS_RE = regex.compile(r"\[([^\[\]]*)\]")
_STRAY_ODD = 0.15  # share of a line's characters, at least, that are such marks: a picture's reading
_CUT_CLAUSE_END_RE = regex.compile(r"[，、；,;][^，、；,;（(《〈]{0,8}$")  # a last clause cut short (……现予刊)
_BRACKET_RE = regex.compile(r"[（(《〈]")
_WHOLE_HEADLINE = 5  # Han characters, at least, of the headline under it
# HD70's cues: what tells a stray line over a head from its title, weighed; one decision (above zero)
_STRAY_WEIGHTS = {"scrap": 1.0, "odd": 1.0, "cut": 1.0, "echoed": -1.0, "broken": -2.0}
_ECHOED = 0.3  # share of the line's pairs of Han characters, at least, its story's text holds: its own title's
_STRAY_BIAS = -0.5


def no_title_over(title: str, subtitle: str, story: str = "", above: tuple[str, bool] = ("", False)) -> bool:
    """HD70: a title line that is no headline over a subtitle that is a whole one (no dash, no clause, as
    many Han characters as a short title): OCR set a stray line over the head, and the head's title is
    the line under it. Cues, weighed: a scrap narrower than the line under it and shorter than a
    couplet (今日视, 天下“万象”: a column's label, a speck); marks and letters no headline is set in
    (| 用四下下1); a clause cut short, no bracket in it (交流发言，现予刊: a line of running text).
    Against: the story's text holds the line's words (突出党 / 推动基层治理走深走实: a piece of its own
    title OCR cut off, over its subtitle); the printed line over it (`above`: the line, and whether a
    blank parts them) is a headline's piece, so the line, no clause in it, is its rest (站好岗 / 放好哨 over
    种好社区治理“责任田”).

    >>> no_title_over("今日视", "让世界看见中国的科学浪漫"), no_title_over("| 用四下下1", "激发阅读兴趣 营造读书氛围")
    (True, True)
    >>> no_title_over("交流发言，现予刊", "超百家村镇银行“消失” 中小银行风险化解加速推进")
    True
    >>> no_title_over("Owen党委统揽 全域统筹", "构建党建引领城乡基层治理新格局")
    False

    Not a whole title over its subtitle, nor a scrap over a dash's subtitle or over a line in clauses.

    >>> no_title_over("站好岗 放好哨", "种好社区治理“责任田”"), no_title_over("汇聚爱心力量", "市社会福利院开展捐赠活动")
    (False, False)
    >>> no_title_over("今日视", "——法律用美国的"), no_title_over("今日视", "政策松绑、平台支撑构建转化生态")
    (False, False)
    >>> no_title_over("给黑土地做体检，施肥更精细 《经济聚焦. 农", "吉林农安推广变量施肥技术体系")
    False
    >>> no_title_over("突出党", "推动基层治理走深走实"), no_title_over("突出党", "推动基层治理走深走实", "我们突出党建引领……")
    (True, False)
    >>> no_title_over("放好哨", "种好社区治理“责任田”", above=("站好岗", True)), no_title_over("今日视", "让世界看见中国的科学浪漫", above=("科技", True))
    (False, True)
    >>> no_title_over("勇于进取，裁判员忠于职守", "清理小广告 粉刷美环境", above=("社会那些事", True))
    True
    """
    if shapes.is_subtitle_dash(subtitle) or "——" in subtitle or not shapes.is_headline_like(subtitle) \
            or shapes.BODY_PUNCT_RE.search(shapes.CLOSING_TAG_RE.sub("", subtitle)) \
            or len(_HAN_RE.findall(subtitle)) < _WHOLE_HEADLINE:
        return False
    bare = "".join(title.split())
    short = len(_HAN_RE.findall(bare)) < 2 * _HALF[0]  # fewer Han characters than a couplet
    cues = {
        "scrap": short and shapes.display_length(subtitle) > shapes.display_length(title),
        "odd": len(_STRAY_ODD_RE.findall(bare)) >= _STRAY_ODD * max(1, len(bare))
        and short,  # not a whole headline read with a speck (Owen党委统揽 全域统筹)
        "cut": bool(_CUT_CLAUSE_END_RE.search(title)) and not _BRACKET_RE.search(title),
        "echoed": _echoed(bare, story) >= _ECHOED,
        "broken": headline_piece(*above) and not shapes.BODY_PUNCT_RE.search(title),  # a clause is no head's rest
    }
    return _STRAY_BIAS + sum(_STRAY_WEIGHTS[k] for k, v in cues.items() if v) > 0


def stray_junk(line: str) -> bool:
    """NZ70: a stray line over a head (HD70) that reads as junk, not text: a scrap of Han characters with
    marks and letters no Chinese text is set in, two at least (下站WA昌也, sz、《上: a picture's specks).
    Not a line with one such mark (城事_速览, a label; | 用四下下1 stays in the body too), nor a line of no
    Han character (a web address a story prints), nor a scrap of Han characters alone: a column's label
    cut short (今日视), a cut clause. Square brackets that pair up are text's (详见[……]), not specks.

    >>> stray_junk("下站WA昌也"), stray_junk("sz、《上"), stray_junk("一] /2 =三-起 | 全"), stray_junk("| 用四下下1")
    (True, True, True, False)
    >>> stray_junk("城事_速览"), stray_junk("(wwwexample.cn/6))"), stray_junk("六了"), stray_junk("Owen党委统揽 全域统筹")
    (False, False, False, False)
    >>> stray_junk("见[大力推进]"), stray_junk("见[大力推进]W|")
    (False, True)
    """
    bare = "".join(line.split())
    odd = len(_STRAY_ODD_RE.findall(_PAIRED_BRACKETS_RE.sub(r"\1", bare)))
    return odd >= max(2, _STRAY_ODD * len(bare)) and 0 < len(_HAN_RE.findall(bare)) < 2 * _HALF[0]


def headline_piece(line: str, blank: bool) -> bool:
    """A line that reads as a piece of a headline broken over lines: Han characters only, no clause mark nor
    space, fewer than a wrapped title's first line; three at least over a blank (two are a section's label:
    科技, 国际), two right over the next line. No editor's note label.

    >>> headline_piece("站好岗", True), headline_piece("站好", False), headline_piece("科技", True)
    (True, True, False)
    >>> headline_piece("公司本部。", True), headline_piece("全媒体记者 陈晓 摄", True), headline_piece("编者按", True)
    (False, False, False)
    """
    bare = line.strip().translate(_QUOTES)
    return bool(_HAN_ONLY_RE.match(bare)) and (3 if blank else 2) <= len(bare) <= WHOLE_LINE \
        and not shapes.is_note_opener(bare)


def _echoed(line: str, story: str) -> float:
    """Share of a line's pairs of Han characters that the story's text holds.

    >>> _echoed("突出党", "我们突出党建引领"), _echoed("今日视", "我们突出党建引领"), _echoed("|1", "")
    (1.0, 0.0, 0.0)
    """
    hans = "".join(_HAN_RE.findall(line))
    pairs = {hans[k:k + 2] for k in range(len(hans) - 1)}
    return sum(p in story for p in pairs) / len(pairs) if pairs else 0.0


def rest_over_subtitle(lines: list[str]) -> bool:
    """HD01: a title's two lines parted by a blank, its subtitle under them: the line under the second
    a ——subtitle, or wider than both (宁海一水电工11年献血 / “爱心长跑”挽救70条生命 / 记宁海县……). The second
    line is then the title's rest, not a subtitle: a head has one subtitle line.

    >>> rest_over_subtitle(["北京警方捣毁侵害公民信息团伙", "抓获299人", "——丰台警方出动300名警力 299名嫌犯落网"])
    True
    >>> rest_over_subtitle(["宁海一水电工11年献血", "“爱心长跑”挽救70条生命", "记宁海县水电工王伟栋十一年坚持无偿献血"])
    True

    Not two lines with no subtitle under them, nor a second line set in clauses, nor a third line no wider.

    >>> rest_over_subtitle(["汇聚爱心力量", "市社会福利院开展捐赠活动"])
    False
    >>> rest_over_subtitle(["江苏探索科技成果转化新途径", "政策松绑、平台支撑构建转化生态", "——某地构建转化生态"])
    False
    >>> rest_over_subtitle(["推进乡镇综合执法改革", "某县调研", "提升治理效能"])
    False
    >>> rest_over_subtitle(["突出党建引领聚焦民生福祉", "国际", "——"])
    False
    """
    if len(lines) < 3:
        return False
    first, second, third = lines[:3]
    if shapes.is_subtitle_dash(second) or not _plain_line(second) or not _plain_line(first):
        return False
    if shapes.letters(second) < _HALF[0] or shapes.letters(third) < _HALF[0]:
        return False  # a section's name (国际) or a dash alone: no title's rest, no subtitle
    if shapes.is_subtitle_dash(third):
        return True
    width = shapes.display_length
    return width(third) > max(width(first), width(second)) and _plain_line(third)


def _plain_line(text: str) -> bool:
    """A headline line with no clause mark, no bracket and no quote left open: a title's, not a subtitle's
    clauses, a tag, nor a line cut from running text (“科普影视通过沉浸式视听).

    >>> _plain_line("“爱心长跑”挽救70条生命"), _plain_line("“科普影视通过沉浸式视听")
    (True, False)
    """
    return shapes.is_headline_like(text) and not shapes.BODY_PUNCT_RE.search(text) and not text.endswith(("）", ")")) \
        and text.count("“") == text.count("”") and text.count('"') % 2 == 0


def couplet_halves(first: str, second: str) -> bool:
    """Two short plain phrases of one width: the halves of a couplet title (站好岗 / 放好哨).

    >>> couplet_halves("站好岗", "放好哨"), couplet_halves("站好岗", "放好哨位")
    (True, False)
    """
    lo, hi = _HALF
    return shapes.display_length(first) == shapes.display_length(second) \
        and all(lo <= len(t) <= hi and _plain_phrase(t) for t in (first, second))


_HAN_RE = regex.compile(shapes.HAN)
_QUOTES = str.maketrans("", "", "“”‘’\"'")
_HAN_ONLY_RE = regex.compile(r"^\p{Han}+$")


def couplet_cut(title: str, words: dict[str, float] | None, simplified: str = "") -> int | None:
    """JN30: where a title read as one unspaced run parts into the two halves of a couplet
    (春风化雨润童心红色基因代代传 → 7): Han characters only, an even count whose halves are
    couplet_halves, and no word across the middle (a wrapped plain title has one: 让世界看见中国的
    科学浪漫 reads 中国 there). An OCR box takes in the gap a couplet is printed with. words: the
    dictionary (seams.lexicon); none, no cut. simplified: the title in simplified characters,
    which the dictionary is in, where it differs.

    >>> words = {"中国": -7.0, "到位": -9.0, "提升": -8.0}
    >>> couplet_cut("及时整改到位提升安全水平", words), couplet_cut("让世界看见中国的科学浪漫", words)
    (6, None)
    >>> couplet_cut("及时整改到位 提升安全水平", words), couplet_cut("锂同位素高精度原位检测成功实现", words)
    (None, None)
    >>> couplet_cut("讓世界看見中國的科學浪漫", words, "让世界看见中国的科学浪漫"), couplet_cut("及时整改到位提升安全水平", None)
    (None, None)
    """
    half = len(title) // 2
    if not words or len(title) % 2 or not _HAN_ONLY_RE.match(title) or not couplet_halves(title[:half], title[half:]):
        return None
    text = simplified or title
    return None if seams.word_across(text[:half], text[half:], words) else half



def _width(text: str) -> float:
    """A headline line's printed width, its quotation marks aside: a half in quotes (做强“枢纽”) is set
    as wide as its other half (明责赋能), the marks hung in the margin or squeezed.

    >>> _width("做强“枢纽”"), _width("明责赋能")
    (4.0, 4.0)
    """
    return shapes.display_length(text.translate(_QUOTES))


def _plain_phrase(text: str) -> bool:
    return " " not in text and shapes.is_headline_like(text) and not shapes.BODY_PUNCT_RE.search(text)


_QUOTED_RE = regex.compile(r"[“\"][^“”\"]+[”\"]")  # a quoted word (做强“枢纽”)


def _quote_marks(text: str) -> int:
    """The width a line's quoted word adds in marks: two, if it quotes one; else none.

    >>> _quote_marks("做强“枢纽”"), _quote_marks("任田 好”"), _quote_marks("新城群众满")
    (2, 0, 0)
    """
    return 2 if _QUOTED_RE.search(text) else 0


WHOLE_LINE = 16  # a title's first line, at most, when the title wraps (its big type fills a column sooner)


def whole_line(text: str) -> bool:
    """A plain headline line too long to be a wrapped title's first line (WHOLE_LINE, a column's label aside).

    >>> whole_line("某市探索科技成果高效转化应用的新途径"), whole_line("城事速览：某区老旧小区改造惠及万户居民")
    (True, False)

    Not running text a line of which was taken for a headline: a clause mark or a quote left open.

    >>> whole_line("6月9日、6月10日两天时间里，已有包"), whole_line("研究团队创新提出“时空介质协同调制的新")
    (False, False)
    """
    rest = shapes.LABEL_OVER_TITLE_RE.sub("", text)
    return shapes.display_length(rest) > WHOLE_LINE and not shapes.BODY_PUNCT_RE.search(rest) \
        and rest.count("“") <= rest.count("”")


def _wraps_title(first: str, second: str, lines: int = 3) -> bool:
    """A title wrapped over two lines: neither line a couplet; the second the first's rest, or of similar length.

    When the head has just these two lines, a second line clearly longer than
    the first is a subtitle: a wrapped title fills its first line first.

    >>> _wraps_title("让老旧小区焕发新活力", "东城区推进城镇老旧小区改造纪实", lines=2)
    False
    >>> _wraps_title("老街巷完成微改造", "居民出行更加便捷舒心", lines=3)
    True

    A title that ends by closing a bracket (its column's tag: ……（民生观察）) is whole; a tag OCR read
    with a space for its dot does not make the line a couplet.

    >>> _wraps_title("清理小广告", "粉刷美环境（社区 那些事）", lines=2)
    True

    >>> _wraps_title("给社区做体检（民生观察）", "某区推广网格化服务", lines=2)
    False

    Clearly longer is longer by more than a quoted word's two marks (明责赋能 / 做强“枢纽”).

    >>> _wraps_title("明责赋能", "做强“枢纽”", lines=2)
    True

    A tag that closes the second line (……（经济·聚焦）) does not count in its length.

    >>> _wraps_title("推进乡镇综合执法", "提升基层治理效能（经济·聚焦）", lines=2)
    True

    Clauses under a plain first line are a subtitle's, a column's label before the title aside.

    >>> _wraps_title("江苏探索科技成果转化新途径", "政策松绑、平台支撑构建转化生态", lines=2)
    False
    >>> _wraps_title("经济聚焦：江苏探索科技成果转化新途径", "政策松绑、平台支撑构建转化生态", lines=2)
    False

    A first line longer than WHOLE_LINE (a column's label aside), plain (no clause mark, no quote left
    open), is a whole title: one a box dump read in a row with the next head's title is not wrapped onto it.

    >>> _wraps_title("某市探索科技成果高效转化应用的新途径", "某区老旧小区改造惠及万户居民"), _wraps_title("某区老旧小区改造惠及万户居民", "某市今年新建公园十座")
    (False, True)

    A couplet after a column's label run in (民生观察：站好岗 放好哨) is a whole title too: the line under it is its subtitle.

    >>> _wraps_title("民生观察：站好岗 放好哨", "种好社区治理“责任田”")
    False

    So is a couplet the extraction read without its phrase space (unspaced_couplet, AS50).

    >>> _wraps_title("突出党建引领聚焦民生福祉", "推动基层治理走深走实")
    False
    """
    if shapes.is_couplet(shapes.RUN_IN_LABEL_RE.sub("", first)) or shapes.is_couplet(shapes.TAG_END_RE.sub("", second)) or first.endswith(("）", ")")):
        return False
    if unspaced_couplet(first):
        return False  # AS50: a couplet read as one run is a whole title too
    if whole_line(first):
        return False  # a line this long is a whole title: a wrapped one breaks sooner
    if shapes.BODY_PUNCT_RE.search(second) and not shapes.BODY_PUNCT_RE.search(shapes.LABEL_OVER_TITLE_RE.sub("", first)):
        return False  # clauses under a plain title (a column's label before it aside): a subtitle
    a, b = shapes.display_length(first), shapes.display_length(shapes.TAG_END_RE.sub("", second))  # a tag is no subtitle's length
    if lines == 2 and b > 1.2 * a and b - a > _quote_marks(second):
        return False
    return b <= a or b / a <= 1 / 0.6


def unspaced_couplet(line: str) -> bool:
    """AS50: a headline line (a column's label run in aside) that is a couplet an extraction read
    without its phrase space, by JN30's tests: it parts at its middle into couplet_halves no dictionary
    word runs across, set alike (parallel_halves). Such a line is a whole title, so a head line under
    it is its subtitle, not the title's second line (突出党建引领聚焦民生福祉 / 推动基层治理走深走实).

    >>> unspaced_couplet("突出党建引领聚焦民生福祉"), unspaced_couplet("民生观察：站好岗放好哨")
    (True, True)
    >>> unspaced_couplet("让世界看见中国的科学浪漫"), unspaced_couplet("推进乡镇综合执法"), unspaced_couplet("站好岗 放好哨")
    (False, False, False)
    """
    rest = shapes.RUN_IN_LABEL_RE.sub("", line)
    if len(rest) % 2 or " " in rest or len(rest) < 6:
        return False
    words = seams.lexicon()
    if not words:
        return False
    from . import lexicon  # (OpenCC loads only when a line gets this far)

    simplified = lexicon.converter("t2s").convert(rest)
    cut = couplet_cut(rest, words, simplified)
    return cut is not None and parallel_halves(simplified[:cut], simplified[cut:], words)


def parallel_halves(first: str, second: str, words: dict[str, float]) -> bool:
    """A couplet's halves (in simplified characters, as the dictionary) are set alike: they echo a
    character in one place (党委统揽 / 全域统筹), or, longer than _SHORT_HALF, read as words of the same
    lengths (及时/整改/到位 / 提升/安全/水平); one phrase cut at its middle seldom does (让/老旧/小区 /
    焕发/新/活力), but two words and two is any short title's reading. Never where a particle read as a
    word of its own ties the halves into one sentence (让居民知晓 / 了消防知识), nor where one half
    only holds a figure: a couplet's halves echo theirs (一支队伍落实 / 四类措施保障), one phrase states
    its fact once (中国武器出口 / 升至世界第五).

    >>> words = {"中国": -7.0, "武器": -8.0, "出口": -8.0, "世界": -7.0, "第五": -9.0, "升至": -10.0,
    ...          "及时": -8.0, "整改": -9.0, "到位": -9.0, "提升": -8.0, "安全": -8.0, "水平": -8.0}
    >>> parallel_halves("及时整改到位", "提升安全水平", words), parallel_halves("中国武器出口", "升至世界第五", words)
    (True, False)
    """
    one, two = _reading(first, words), _reading(second, words)
    if any(word in _PARTICLES for word in one + two) or bool(_FIGURE_RE.search(first)) != bool(_FIGURE_RE.search(second)):
        return False
    return any(x == y for x, y in zip(first, second)) \
        or len(first) > _SHORT_HALF and [len(w) for w in one] == [len(w) for w in two]


def _reading(text: str, words: dict[str, float]) -> list[str]:
    out, at = [], 0
    for length in seams.word_lengths(text, words):
        out.append(text[at:at + length])
        at += length
    return out


_PARTICLES = frozenset("的了着与和及而但也据被把是")  # JN30: words that tie a sentence, not set in a couplet's halves
_FIGURE_RE = regex.compile(r"第[〇一二三四五六七八九十百千]|\d")  # an ordinal or a digit: a figure a half states
_SHORT_HALF = 4
