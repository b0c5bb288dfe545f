"""OCR misreadings whose repair the line's place or role makes certain (PU04–PU10)."""

from __future__ import annotations

import re

import regex

from . import lexicon, shapes
from .rulebook import rule

_LEX = lexicon.load()
# a half-width sentence mark with a space before or after it, ending the line or before a closing
# quote (目标! ” / 好 ,): OCR's reading of a full-width mark, and join would not see the sentence end
_SPACED_END_RE = regex.compile(r"(?<=[\p{Han}”’）])(?: *([!?;:,]) +| +([!?;:,]) *)(?=[”’」』）]*$)")
# 〈 (U+3008) or 《 is OCR's reading of a full-width （ when its pair closes with a parenthesis, thirty
# printed characters on at most (spaces aside: the spacing rules after it must not change its answer)
_ANGLE_PAIR_RE = re.compile(r"[〈《]([^〈〉《》()（）]{1,60}?)\s*([)）])")
_ANGLE_PAIR_MOST = 30
# a full stop between two Han characters, a closing bracket or quote at most nine characters on:
# OCR's reading of the middle dot that parts a tag's or a slogan's halves (（社区.那些事）)
_MISREAD_DOT_RE = regex.compile(r"(?<=\p{Han}) ?[.．] ?(?=\p{Han}[^，。；！？“”‘’（）()《》]{0,8}[）)”’」』】》])")
_TRAILING_DASH_RE = regex.compile(r"(?<=\p{Han}[”’》）]?)(?:一一|—一|一—|--|－－)$")  # a headline's closing ——, misread
_WORD_RE = regex.compile(r"[\p{Han}0-9]")  # a phrase of a headline: Han characters and figures
_CLAUSE_MARK_RE = regex.compile(r"[，。、；！？,;!?]")  # running text, not a headline's couplet


@rule("PU04", scope={"headline", "subtitle", "body"})
def restore_subtitle_dash(text: str) -> str:
    """Give a headline line or paragraph opened by a misread dash (一一, —一, 一—, 一-, --) its printed ——.

    OCR reads the two-em dash that opens a subtitle as two 一, as a dash and a 一,
    or as two hyphens. No headline starts with these before a character, so in a
    headline line the dash is certain. (A lone 一 or - is left: 一图读懂 is a headline.)
    Nor does a paragraph: one that opens so is a line set off by its dash (——经过精美包装；).

    >>> restore_subtitle_dash("一一中小银行风险化解加速推进"), restore_subtitle_dash("--中小银行风险化解")
    ('——中小银行风险化解加速推进', '——中小银行风险化解')
    >>> restore_subtitle_dash("一图读懂政府工作报告")
    '一图读懂政府工作报告'
    >>> restore_subtitle_dash("——政策松绑、平台支撑")
    '——政策松绑、平台支撑'

    A headline line that ends on one (……送进监狱一一) leads to its subtitle: no headline ends on 一一.

    >>> restore_subtitle_dash("如何把贪官送进监狱一一"), restore_subtitle_dash("问题一个一个解决")
    ('如何把贪官送进监狱——', '问题一个一个解决')
    """
    # two characters for two: nothing is invented
    if text[-1:] in "一—-－":
        text = _TRAILING_DASH_RE.sub("——", text)
    return shapes.MISREAD_DASH_RE.sub("——", text, count=1) if text[:1] in "一—-－" else text


@rule("PU05")
def close_spaced_sentence_end(text: str) -> str:
    """Make a spaced half-width mark at a line's end (目标! ”) full width and drop its spaces.

    OCR reads a full-width ！ or ， as ! or , with a space beside it; at the line's
    end that hides the sentence end (or the clause's) from joining, which reads
    marks before polishing does.

    >>> close_spaced_sentence_end("一定能实现目标! ”"), close_spaced_sentence_end("今年的收成很好 ,")
    ('一定能实现目标！”', '今年的收成很好，')
    >>> close_spaced_sentence_end("他说! 这是")
    '他说! 这是'
    >>> close_spaced_sentence_end("10:30, 1,000 and 96.3%")
    '10:30, 1,000 and 96.3%'
    """
    if " " not in text:
        return text
    return _SPACED_END_RE.sub(lambda m: _LEX.widen[m.group(1) or m.group(2)], text)


@rule("PU06")
def restore_misread_parenthesis(text: str) -> str:
    """Turn an opening 〈 or 《 that a parenthesis closes (〈LIBS ) ) into a full-width （.

    OCR reads a full-width opening parenthesis as the angle bracket 〈 or the
    title mark 《; the closing one it reads right. A real 〈 closes with 〉, a 《 with 》.

    >>> restore_misread_parenthesis("光谱 〈LIBS ) 中"), restore_misread_parenthesis("本报讯 《通讯员 王欣)")
    ('光谱 （LIBS） 中', '本报讯 （通讯员 王欣）')
    >>> restore_misread_parenthesis("〈论语〉有云")
    '〈论语〉有云'
    >>> restore_misread_parenthesis("《人民日报》(海外版)")
    '《人民日报》(海外版)'
    """
    if "〈" not in text and "《" not in text:
        return text
    return _ANGLE_PAIR_RE.sub(lambda m: f"（{m.group(1)}）" if len("".join(m.group(1).split())) <= _ANGLE_PAIR_MOST
                              else m.group(0), text)


@rule("PU08")
def restore_middle_dot(text: str) -> str:
    """Give a bracketed tag or a quoted slogan its middle dot (社区·那些事) where OCR read a full stop.

    No full stop stands between two Han characters in Chinese text, and a
    sentence does not end inside a short tag or slogan: the dot, and the
    spaces OCR set beside it, are the printed ·.

    >>> restore_middle_dot("发展 （基层. 一线）"), restore_middle_dot("开展“点亮童心.相伴成长”活动")
    ('发展 （基层·一线）', '开展“点亮童心·相伴成长”活动')
    >>> restore_middle_dot("拟套现2.2亿")
    '拟套现2.2亿'
    >>> restore_middle_dot("他说完了. 接着又去了别处，后来（记者）")
    '他说完了. 接着又去了别处，后来（记者）'
    """
    return _MISREAD_DOT_RE.sub("·", text) if "." in text or "．" in text else text


# the one mark between the two phrases of a tag closing a headline (（经济聚焦。农田里的新鲜事）): OCR's
# reading of its middle dot as a full stop, a quote or an apostrophe, an asterisk or a backtick
TAG_DOT_RE = regex.compile(r"(?<=[（(〈《] ?\p{Han}{2,6}) ?[。'‘’“”\"*`] ?(?=\p{Han}{2,7} ?[）)]$)")


@rule("PU10", scope={"headline", "subtitle"})
def restore_tag_dot(text: str) -> str:
    """Give the tag closing a headline its middle dot (（社会·那些事）) where OCR read a full stop, a quote or a star.

    A column's tag names its column in two phrases parted by the dot; no
    sentence ends, and no quotation opens, between them in a bracket that closes
    the headline. (PU08 mends a dot read as a period, in any line.)

    >>> restore_tag_dot("施肥更精细（经济聚焦。 农田里的新鲜事）"), restore_tag_dot("推动工作迈向新台阶（基层“一线）")
    ('施肥更精细（经济聚焦·农田里的新鲜事）', '推动工作迈向新台阶（基层·一线）')
    >>> restore_tag_dot("放好哨（社会*那些事）"), restore_tag_dot("他们说（“社会”那些事）")
    ('放好哨（社会·那些事）', '他们说（“社会”那些事）')

    Only in a tag that closes the line: a bracket inside a headline is its words.

    >>> restore_tag_dot("（经济“聚焦）的新鲜事")
    '（经济“聚焦）的新鲜事'

    A dot OCR read as a space alone, too; not a byline's space (（记者 王欣）).

    >>> restore_tag_dot("粉刷美环境（社区 那些事）"), restore_tag_dot("日电（记者 杨翠叶）")
    ('粉刷美环境（社区·那些事）', '日电（记者 杨翠叶）')
    """
    if not text.endswith(("）", ")")) or not shapes.CLOSING_TAG_RE.search(text):
        return text
    if len(TAG_DOT_RE.findall(text)) == 1:
        return TAG_DOT_RE.sub("·", text)
    spaced = tag_space(text)
    return text[:spaced.end(1)] + "·" + text[spaced.start(2):] if spaced else text


_TAG_SPACE_RE = regex.compile(r"[（(〈《] ?(\p{Han}{2,6}) +(\p{Han}{2,7}) ?[）)]$")


def tag_space(text: str) -> regex.Match | None:
    """The space alone OCR read for the middle dot of a tag closing the text (（社区 那些事）), in a
    tag that is no byline (（记者 王欣）).

    >>> tag_space("粉刷美环境（社区 那些事）").span(1), tag_space("日电（记者 杨翠叶）"), tag_space("粉刷美环境（社区那些事）")
    ((6, 8), None, None)
    """
    spaced = _TAG_SPACE_RE.search(text) if " " in text else None
    return spaced if spaced and not shapes.is_byline(spaced.group(1) + " " + spaced.group(2)) else None


# 一 between two figures (3一5月, 2008 一 2012): no numeral reads so, it is the range's dash misread
_RANGE_DASH_RE = regex.compile(r"(?<=[0-9０-９]) ?一 ?(?=[0-9０-９])")


@rule("PU09")
def restore_range_dash(text: str) -> str:
    """Give a range of figures its printed dash where OCR read it as 一 (3一5月 -> 3—5月).

    Chinese writes no 一 between two Arabic figures: it is the dash (or the hyphen)
    that joins a range, read as the numeral it looks like. `conserve` counts 一 as —.

    >>> restore_range_dash("3一5月"), restore_range_dash("（2008 一 2012）")
    ('3—5月', '（2008—2012）')
    >>> restore_range_dash("第3个一5年")
    '第3个一5年'
    >>> restore_range_dash("一5℃至一1℃")
    '一5℃至一1℃'
    """
    return _RANGE_DASH_RE.sub("—", text) if "一" in text else text


def phrase_space_quotes(text: str) -> list[tuple[int, int]]:
    """Where OCR read a phrase space as a curly quote: the spans (spaces beside them included) of the
    quotes that pair with nothing, or only with each other around nothing (清理小广告”粉刷美环境,
    站好岗“”放好哨), each span between two Han characters or figures (警力”299名).

    Two opening quotes in a row leave which one is real unknown: then none is taken. Nor is a quote
    left open by a line with a lone ” as well (running text goes on with it), nor any in a line of
    clauses; the two sides must be of a couplet's lengths.

    >>> phrase_space_quotes("清理小广告”粉刷美环境"), phrase_space_quotes("站好岗 “” 放好哨")
    ([(5, 6)], [(3, 7)])
    >>> phrase_space_quotes("汇率避险“工具箱”再扩容“小币种产品密集落地"), phrase_space_quotes("他说“好”")
    ([(12, 13)], [])
    >>> phrase_space_quotes("甲“乙“丙”丁"), phrase_space_quotes("根据中国社科院相关机构进行的“中国公民政治")
    ([], [])
    >>> phrase_space_quotes("足协曾忧王迪成“定时炸弹 两次漏判国安点球"), phrase_space_quotes("相伴成长”困境儿童“春风化雨")
    ([], [])

    A column's label run in before the title (民生观察：) and its tag closing it (（基层·一线）) are no
    part of the halves.

    >>> phrase_space_quotes("民生观察：站好岗”放好哨"), phrase_space_quotes("站好岗“”放好哨（基层·一线）")
    ([(8, 9)], [(3, 5)])

    A lone ” may part a long first phrase from a short second (_halves_match), not after two phrases already
    parted by a space: that ” closes a quotation whose “ OCR lost.

    >>> phrase_space_quotes("北京警方捣毁侵害公民信息团伙 ”抓获299人"), phrase_space_quotes("宁海一水电工11年献血 爱心长跑”挽救70条生命")
    ([(14, 16)], [])
    """
    if "“" not in text and "”" not in text or '"' in text or _CLAUSE_MARK_RE.search(text):
        return []  # (PU03 has curled Chinese text's straight quotes; one left may pair with either)
    lone, open_at = set(), None
    for i, ch in enumerate(text):
        if ch == "“":
            if open_at is not None:
                return []
            open_at = i
        elif ch == "”":
            if open_at is None:
                lone.add(i)
            elif text[open_at + 1:i].strip() == "":
                lone |= {open_at, i}
            open_at = None
    if open_at is not None:
        if lone:
            return []  # a ” opening the line and a “ closing it: a sentence wrapped inside a quote
        lone.add(open_at)
    spans = []
    for i in sorted(lone):
        if spans and text[spans[-1][1]:i].strip() == "":
            spans[-1][1] = i + 1  # one run of quotes (and spaces) stands for one space
        else:
            spans.append([i, i + 1])
    out = []
    for start, end in spans:
        while start > 0 and text[start - 1] == " ":
            start -= 1
        while end < len(text) and text[end] == " ":
            end += 1
        if start > 0 and end < len(text) and _WORD_RE.match(text[start - 1]) and _WORD_RE.match(text[end]):
            before = shapes.LABEL_OVER_TITLE_RE.sub("", text[:start].lstrip())  # a run-in label and a closing tag
            after = shapes.TAG_END_RE.sub("", text[end:])  # are no part of the halves
            # a lone ” only (no quotation opens there), after one phrase (a space before it: an opener OCR lost)
            closing = set(text[start:end]) - {" "} == {"”"} and " " not in before.strip()
            if _halves_match(before.replace(" ", ""), after.replace(" ", ""), closing):
                out.append((start, end))
    return out


def _halves_match(left: str, right: str, closing: bool = False) -> bool:
    """Whether the two sides a space would part are a couplet's halves: three characters or more and
    neither half as long again as the other (fitted on the corpus's fit split; a wrapped line's quote,
    根据……进行的“中国公民政治 or 爱心长跑”挽救70条生命, parts no couplet). Spaces do not count:
    the spacing rules around PU07 must not change its answer.

    Where the quote is a lone ” (closing), which opens no quotation to run on, a long first half
    may stand over a short second of five or more (a claim, then its count: ……信息团伙”抓获299人),
    up to HALVES_CLOSING times as long: a quotation closed there would have its words before the ”, short.

    >>> _halves_match("北京警方捣毁侵害公民信息团伙", "抓获299人", closing=True), _halves_match("北京警方捣毁侵害公民信息团伙", "抓获299人")
    (True, False)
    >>> _halves_match("爱心长跑", "挽救70条生命", closing=True), _halves_match("根据中国社科院相关机构进行的", "中国公民")
    (False, False)
    """
    shorter, longer = sorted((len(left), len(right)))
    if closing and len(left) > len(right) >= 5:
        return longer <= HALVES_CLOSING * shorter
    return shorter >= 3 and longer <= 1.5 * shorter


HALVES_CLOSING = 2.5  # fitted on the fit split: the longest first half over its second, 14 over 6


def phrase_space_repair(text: str) -> tuple[str, list[int]]:
    """The text with every phrase_space_quotes span made one space, until none is left (a repair can
    leave another quote's phrases of a couplet's lengths), and the indices in text of the quotes gone."""
    spans = phrase_space_quotes(text)
    if not spans:
        return text, []  # most lines: no quote, or none that stands for a space
    origin: list[int | None] = list(range(len(text)))
    gone: list[int] = []
    while spans:
        for start, end in reversed(spans):
            gone += [origin[i] for i in range(start, end) if text[i] in "“”"]
            text, origin = text[:start] + " " + text[end:], origin[:start] + [None] + origin[end:]
        spans = phrase_space_quotes(text)
    return text, sorted(gone)


@rule("PU07", scope={"headline", "subtitle"})
def restore_phrase_space(text: str) -> str:
    """Give a headline line back the phrase space that OCR read as a quote (清理小广告”粉刷美环境).

    Tesseract reads the wide space between the halves of a couplet title as ” or “ (or
    both). A headline line's quotes pair up around a quoted word; one pairing with
    nothing between two Han characters (or figures) is that space. `conserve` lets these quotes be
    missing from the items: the dump's lines show them.

    >>> restore_phrase_space("汇率避险“工具箱”再扩容“小币种产品密集落地")
    '汇率避险“工具箱”再扩容 小币种产品密集落地'
    >>> restore_phrase_space("站好岗“”放好哨"), restore_phrase_space("丰台警方出动300名警力”299名嫌犯落网")
    ('站好岗 放好哨', '丰台警方出动300名警力 299名嫌犯落网')
    >>> restore_phrase_space("明责赋能 做强“枢纽”")
    '明责赋能 做强“枢纽”'
    """
    return phrase_space_repair(text)[0]
