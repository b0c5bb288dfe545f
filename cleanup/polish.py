"""Spacing and punctuation rules on a block's text, scoped by the block's role."""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from . import lexicon, shapes
from .rulebook import rule

_LEX = lexicon.load()
_CJK = r"\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·"
_CJK_RE = regex.compile(f"[{_CJK}]")
_SPACES_RE = regex.compile(r"[ \t\u3000\u00a0]+")
# A space between two one-character tokens: the mark of a justified, spread line.
_SPREAD_RE = regex.compile(rf"(?<=(?:^|\s)[{_CJK},.;:!?()])\s+(?=[{_CJK},.;:!?()](?:\s|$))(?![摄攝]$)")
# the CJK side: a Han character or a full-width sign (1+1＞ 2, 100％ 的)
_ALNUM_SPACE_RE = regex.compile(r"(?<=[\p{Han}\uff01-\uff0f\uff1a-\uff20])\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])\s+(?=[\p{Han}\uff01-\uff0f\uff1a-\uff20])")
_PUNCT_SPACE_RE = regex.compile(r"\s+(?=[，。、；：？！”’）》】」』])|(?<=[，。、；：？！“‘（《【「『])\s+")
_HAN_SPACE_RE = regex.compile(r"(?<=\p{Han}|[”’）》])\s+(?=[“‘（《]|\p{Han})")
_QUOTED_RE = regex.compile(r"“[^“”]*”|‘[^‘’]*’|（[^（）]*）|《[^《》]*》")
_HALF_PUNCT_RE = regex.compile(r"\s*([,:;?!])\s*")
_PAREN_RE = regex.compile(r"\s*\(([^()]*)\)\s*")
_ADDRESS_RE = regex.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*", regex.ASCII)  # www.example.cn/3, not 688523.SH
_MIXED_PAREN_RE = regex.compile(r"（([^（）()]*)\)|\(([^（）()]*)）")  # one bracket of a pair read half width
_DIGIT_SEPARATORS = frozenset(",:")
_QUOTE_SEE_THROUGH = ",:;?!，：；？！ '\"‘’“”"  # quotes too: whether curled yet must not matter
_MARK_SEE_THROUGH = "',:;?! "  # a run of marks beside CJK widens as a whole (：，)
# Quick tests that let a rule return text it cannot change (stdlib re: it searches for a set of
# characters several times faster than regex). Its \s also matches \x1c-\x1f, regex's does not:
# a safe superset for the spacing rules.
_ANY_SPACE_RE = re.compile(r"\s")
_HALF_MARK_RE = re.compile(r"[,:;?!]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_RE.match(ch))


def _neighbours(text: str, start: int, end: int, skip: str) -> tuple[str, str]:
    """The characters before `start` and at `end`, looking past any in `skip`.

    The punctuation rules look through each other's marks (：' or ',), so that
    which of them runs first does not change the result, and a second run changes nothing.
    """
    while start > 0 and text[start - 1] in skip:
        start -= 1
    while end < len(text) and text[end] in skip:
        end += 1
    return (text[start - 1] if start else ""), (text[end] if end < len(text) else "")


# what SP01, SP03–SP05 and PU01–PU03 act on; PU04 on a dash or 一 first or last, PU06 on 〈 or on a 《
# a parenthesis closes, PU08 on a dot, PU09 on a figure's 一
_POLISH_WORK_RE = re.compile(r"[\s,:;?!()\"'〈]|《[^》]*）|^[一—\-－]|[一—\-－]$|[\u3400-\u9fff][.．]|[0-9０-９]一")
_BYLINE_ROLES = frozenset({"byline", "credit"})  # what SP06 acts on
_HEADLINE_QUOTE_RE = re.compile(r"[“”]")  # what PU07 acts on, in a headline line


def is_clean_block(text: str, role: str) -> bool:
    """Whether no polish rule has anything to do on a block, as on most body paragraphs: no white
    space, no half-width mark, parenthesis or straight quote, and not a byline or credit (SP06).
    One search, where the rules would take eight.

    >>> is_clean_block("社区开展义诊活动。", "body"), is_clean_block("社区开展义诊,活动", "body")
    (True, False)
    >>> is_clean_block("本报记者田鹏", "byline")
    False
    """
    if role in ("headline", "subtitle") and _HEADLINE_QUOTE_RE.search(text):
        return False
    return role not in _BYLINE_ROLES and not _POLISH_WORK_RE.search(text)


@rule("SP01")
def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces, tabs and U+3000 into one space; trim the ends.

    >>> collapse_spaces("  本报讯\\u3000\\u3000近日  ")
    '本报讯 近日'
    >>> collapse_spaces("本报讯 近日")
    '本报讯 近日'
    """
    if not _ANY_SPACE_RE.search(text):
        return text
    return _SPACES_RE.sub(" ", text).strip()


@rule("SP02")
def close_spread_characters(text: str) -> str:
    """Remove the spaces of a justified, spread run of single characters.

    Narrow justified columns make extractors put a space between every
    character; a phrase space between words of two or more stays for now.

    >>> close_spread_characters("和 灭 火 器 材 操 作 等 方 面 的 知")
    '和灭火器材操作等方面的知'
    >>> close_spread_characters("本报记者 田 鹏")
    '本报记者 田鹏'
    >>> close_spread_characters("游园赏美景 千人健步行")
    '游园赏美景 千人健步行'

    A credit's closing 摄 keeps its space: it is printed apart from the name, spread or not.

    >>> close_spread_characters("新华社记者 王 鹏 摄"), close_spread_characters("鹏 摄")
    ('新华社记者 王鹏 摄', '鹏 摄')
    """
    return _SPREAD_RE.sub("", text) if _ANY_SPACE_RE.search(text) else text


@rule("SP03")
def remove_spaces_beside_alphanumerics(text: str) -> str:
    """Remove spaces between a CJK character and a digit or Latin letter.

    >>> remove_spaces_beside_alphanumerics("每 2 个月，施肥 59.4 公斤")
    '每2个月，施肥59.4公斤'
    >>> remove_spaces_beside_alphanumerics("New York 2024")
    'New York 2024'
    >>> remove_spaces_beside_alphanumerics("形成“1+1＞ 2”的效能")  # a full-width sign sits close as Han does
    '形成“1+1＞2”的效能'

    A headline's phrase space before a number is printed, not an extractor's:

    >>> remove_spaces_beside_alphanumerics("某区出动300名民警 200名嫌犯落网")
    '某区出动300名民警 200名嫌犯落网'
    """
    if not _ANY_SPACE_RE.search(text) or shapes.digit_phrase_space(text) and shapes.is_couplet(text):
        return text
    return _ALNUM_SPACE_RE.sub("", text)


@rule("SP04")
def remove_spaces_beside_punctuation(text: str) -> str:
    """Remove spaces next to full-width punctuation, which carries its own spacing.

    >>> remove_spaces_beside_punctuation("客户 ，分散 、印尼")
    '客户，分散、印尼'
    >>> remove_spaces_beside_punctuation("社区 那些事")
    '社区 那些事'
    """
    return _PUNCT_SPACE_RE.sub("", text) if _ANY_SPACE_RE.search(text) else text


@rule("SP05", scope={"body", "caption"})
def close_phrase_spaces_in_body(text: str) -> str:
    """Remove spaces between CJK characters in running text, except inside quotes and brackets.

    Body text has no word spaces; a space between two phrases inside quotes or a
    dateline's brackets is printed on purpose (“奉献社会 引领文明”, （通讯员 王欣）).

    >>> close_phrase_spaces_in_body("开展 “奉献社会 引领文明” 爱心 义诊")
    '开展“奉献社会 引领文明”爱心义诊'
    >>> close_phrase_spaces_in_body("本报讯（通讯员 王欣）为进一步")
    '本报讯（通讯员 王欣）为进一步'
    """
    if not _ANY_SPACE_RE.search(text):
        return text
    kept = [m.span() for m in _QUOTED_RE.finditer(text)]
    starts = [lo for lo, _ in kept]

    def decide(m: regex.Match) -> str:
        # spans do not overlap: only the last one opening before the space can hold it
        i = bisect_left(starts, m.start()) - 1
        inside = i >= 0 and m.end() < kept[i][1]
        return m.group() if inside else ""

    return _HAN_SPACE_RE.sub(decide, text)


_TAG_SPACE_RE = regex.compile(r"(?<=\p{Han}|[”’》])\s+(?=（[^（）]{1,16}）$)")


@rule("SP07", scope={"headline", "subtitle"})
def close_space_before_tag(text: str) -> str:
    """Remove the space OCR set before the bracketed column tag that ends a headline.

    A full-width bracket carries its own spacing, so no space is printed before
    a title's tag (……落地（社区·那些事）); OCR reads the bracket's blank as one.

    >>> close_space_before_tag("小币种产品密集落地 （社区·那些事）")
    '小币种产品密集落地（社区·那些事）'
    >>> close_space_before_tag("某公司 （记者 王欣）报道")
    '某公司 （记者 王欣）报道'
    >>> close_space_before_tag("站好岗 放好哨")
    '站好岗 放好哨'
    """
    return _TAG_SPACE_RE.sub("", text) if "（" in text else text


_ROLE_WORDS = sorted({w for w in (*_LEX.byline_roles, *_LEX.office_suffixes) if len(w) >= 2}, key=len, reverse=True)
_ROLE_ALT = "|".join(regex.escape(w) for w in _ROLE_WORDS)
_CREDIT_ALT = "|".join(regex.escape(w) for w in _LEX.credit_suffixes if w != "图")
_CLOSED_CREDIT_RE = regex.compile(r"(?<=\s\p{Han}{2,4}|^\p{Han}{2,3})([摄攝])$")


@rule("SP08", scope=_BYLINE_ROLES)
def space_credit_mark(text: str) -> str:
    """Give a credit's closing 摄 back the space OCR closed up against the name (王爱明摄).

    A credit prints 摄 apart from the name before it; Tesseract reads the narrow gap as
    nothing. Only a name of two to four characters, alone or after a space, takes it: a
    credit closed up from its role on is SP06's.

    >>> space_credit_mark("新华社记者 王爱明摄")
    '新华社记者 王爱明 摄'
    >>> space_credit_mark("杨翠叶摄"), space_credit_mark("全媒体记者 陈晓 摄")
    ('杨翠叶 摄', '全媒体记者 陈晓 摄')
    >>> space_credit_mark("本报记者王明摄")
    '本报记者王明摄'
    >>> space_credit_mark("拍摄")
    '拍摄'
    """
    return _CLOSED_CREDIT_RE.sub(r" \1", text) if text[-1:] in "摄攝" else text


_UNSPACED_BYLINE_RE = regex.compile(rf"^((?:\p{{Han}}{{0,12}}?(?:{_ROLE_ALT})(?:\p{{Han}}{{2,4}}?|\p{{Han}}{{6}}))+)((?:{_CREDIT_ALT})?)$")
_TWO_NAMES_RE = regex.compile(r"\p{Han}{6}")  # two three-character names closed up: 董校霖高野鹏
_ROLE_RE = regex.compile(_ROLE_ALT)


@rule("SP06", scope=_BYLINE_ROLES)
def space_unspaced_byline(text: str) -> str:
    """Put the printed phrase spaces back into a byline or credit that an extractor closed up.

    Bylines and credits print a space between role, name and 摄; some
    extractors drop it (本报记者王明摄). One written with any space is left as printed.

    >>> space_unspaced_byline("本报记者王明摄"), space_unspaced_byline("全媒体记者张丽通讯员赵强"), space_unspaced_byline("■周平")
    ('本报记者 王明 摄', '全媒体记者 张丽 通讯员 赵强', '■ 周平')
    >>> space_unspaced_byline("梅河新区党工委书记、梅河口市委书记王爱明")
    '梅河新区党工委书记、梅河口市委书记 王爱明'
    >>> space_unspaced_byline("本报通讯员 董校霖 高野鹏")
    '本报通讯员 董校霖 高野鹏'

    Two three-character names closed up after one role are two names:

    >>> space_unspaced_byline("本报通讯员董校霖高野鹏")
    '本报通讯员 董校霖 高野鹏'
    """
    if " " in text or "\u3000" in text:
        return text
    if text[:1] in _LEX.byline_bullets and len(text) > 1:
        return f"{text[0]} {text[1:]}"  # ■周平: the mark, a space, the name
    if office := shapes.UNSPACED_OFFICE_BYLINE_RE.match(text):  # an office touches its unit: the space is before the name
        at = office.start("name")
        return f"{text[:at]} {text[at:]}"
    match = _UNSPACED_BYLINE_RE.match(text)
    if not match:
        return text
    names, credit = match.groups()
    parts, at = [], 0
    for role in _ROLE_RE.finditer(names):  # longest role first: 本报记者, not 记者
        parts += [names[at:role.start()], names[role.start():role.end()]]
        at = role.end()
    parts.append(names[at:])
    parts = [f"{part[:3]} {part[3:]}" if _TWO_NAMES_RE.fullmatch(part) and not _ROLE_RE.fullmatch(part) else part
             for part in parts]
    spaced = " ".join(part for part in parts if part)
    return f"{spaced} {credit}" if credit else spaced


@rule("PU01")
def widen_punctuation(text: str) -> str:
    """Make , : ; ? ! beside CJK text full width; numbers and Latin text keep theirs.

    >>> widen_punctuation("坚持强基固本,提升“战斗力”; 安全吗?")
    '坚持强基固本，提升“战斗力”；安全吗？'
    >>> widen_punctuation("10:30, 1,000 and 96.3%")
    '10:30, 1,000 and 96.3%'
    """

    if not _HALF_MARK_RE.search(text):
        return text  # (most blocks: the CJK test below is the dearer one)
    # PU03 curls a straight " in CJK text, so it counts as the CJK mark it will become
    chinese = {'"'} if _CJK_RE.search(text) else set()

    def widen(m: regex.Match) -> str:
        mark = m.group(1)
        before, after = _neighbours(text, m.start(), m.end(), _MARK_SEE_THROUGH)
        if mark in _DIGIT_SEPARATORS and before.isdigit() and after.isdigit():
            return m.group()
        return _LEX.widen[mark] if any(_is_cjk(n) or n in chinese for n in (before, after)) else m.group()

    return _HALF_PUNCT_RE.sub(widen, text)


@rule("PU02")
def widen_parentheses(text: str) -> str:
    """Make a pair of half-width parentheses full width when it is in or around CJK text.

    >>> widen_parentheses("党员先锋队(责任区、示范岗),将")
    '党员先锋队（责任区、示范岗）,将'
    >>> widen_parentheses("GDP (2023)")
    'GDP (2023)'
    >>> widen_parentheses("详见[原文](www.example.cn/3)")  # an address keeps its own
    '详见[原文](www.example.cn/3)'

    OCR and some extractors read one bracket of a full-width pair as half width: it is the pair's.

    >>> widen_parentheses("本报讯（通讯员 李照星)为进一步"), widen_parentheses("本报讯(记者 杨翠叶）培养")
    ('本报讯（通讯员 李照星）为进一步', '本报讯（记者 杨翠叶）培养')
    """
    if "（" in text or "）" in text:
        text = _MIXED_PAREN_RE.sub(lambda m: f"（{m.group(1) if m.group(1) is not None else m.group(2)}）", text)
    if "(" not in text or ")" not in text:
        return text  # no pair to widen (most blocks): the CJK test below is the dearer one
    # it runs before PU01 and PU03, so it looks past the marks they may widen, and takes a straight
    # quote in Chinese text for the curly one PU03 makes of it (curly quotes are CJK marks)
    chinese = {'"', "'"} if _CJK_RE.search(text) else set()

    def widen(m: regex.Match) -> str:
        before, after = _neighbours(current, m.start(), m.end(), _MARK_SEE_THROUGH)
        inside = m.group(1)
        if _ADDRESS_RE.fullmatch(inside):
            return m.group()
        if _CJK_RE.search(inside) or chinese.intersection(inside) or any(_is_cjk(n) or n in chinese for n in (before, after)):
            return f"（{m.group(1)}）"
        return m.group()

    current = text
    while "(" in current and ")" in current:  # nested pairs: a widened inner pair makes the outer pair CJK
        widened = _PAREN_RE.sub(widen, current)
        if widened == current:
            break
        current = widened
    return current


_CLOSES_RE = regex.compile(r"\s*(?:[，。、；：！？）」』】》,.;:!?)]|$)")  # what only a closing quote stands before


@rule("PU03")
def curl_straight_quotes(text: str) -> str:
    """Turn straight quotes in Chinese text into curly ones, opening and closing in turn.

    >>> curl_straight_quotes('开展"健康人生"活动')
    '开展“健康人生”活动'
    >>> curl_straight_quotes("it's \\"fine\\"")
    'it\\'s "fine"'

    A quote right before a clause mark, a closing bracket or the end closes,
    whatever came before: OCR drops and adds quotes, and turn-taking alone
    would then open the quote that ends a phrase (“主心骨“。).

    >>> curl_straight_quotes('开展"健康"人生"，活动'), curl_straight_quotes('按了"5000"')
    ('开展“健康”人生”，活动', '按了“5000”')
    """
    if ('"' not in text and "'" not in text) or not _CJK_RE.search(text):
        return text
    out, double_open, single_open = [], False, False
    for i, ch in enumerate(text):
        if ch == '"':
            ch = "”" if double_open or _CLOSES_RE.match(text, i + 1) else "“"
            double_open = ch == "“"
        elif ch == "'" and any(_is_cjk(n) for n in _neighbours(text, i, i + 1, _QUOTE_SEE_THROUGH)):
            ch = "’" if single_open else "‘"
            single_open = not single_open
        out.append(ch)
    return "".join(out)
