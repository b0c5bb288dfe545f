"""Shape tests on one line or paragraph, shared by the join and classify stages."""

from __future__ import annotations

import re

import regex

from . import lexicon

_LEX = lexicon.load()
HAN = r"\p{Han}"
_NAME = rf"{HAN}(?: ?{HAN}){{1,3}}"  # 2-4 characters, a spread 田 鹏 included
# A role of four or more characters (本报记者) may touch the name; a short one (记者) must be spaced.
_LONG_ROLES = "|".join(regex.escape(r) for r in _LEX.byline_roles if len(r) >= 4)
_SHORT_ROLES = "|".join(regex.escape(r) for r in _LEX.byline_roles if len(r) < 4)
_OFFICES = "|".join(regex.escape(o) for o in _LEX.office_suffixes)
_CREDITS = "|".join(regex.escape(c) for c in _LEX.credit_suffixes)
_GROUP = rf"(?:(?:{_LONG_ROLES})[ \u3000]*|(?:{_SHORT_ROLES})[ \u3000]+){_NAME}(?:[ \u3000、，,]+{_NAME})*"
BYLINE_RE = regex.compile(rf"^{_GROUP}(?:[ \u3000]+{_GROUP})*$")
BULLET_BYLINE_RE = regex.compile(rf"^[{regex.escape(_LEX.byline_bullets)}][ \u3000]*{HAN}(?: ?{HAN}){{1,2}}$")  # one name
OFFICE_BYLINE_RE = regex.compile(rf"^[{HAN}、（）()]{{2,40}}(?:{_OFFICES})[ \u3000]+{_NAME}$")
# An extractor that drops spaces closes a byline up (记者崔圣驰; 四平市委书记郭灵计). Without the
# space only a writer's role, or an office right after the unit that holds it (市委书记, 分局副局长),
# marks it; the name is 2-3 characters and does not end on a word that goes on a sentence (……郑威在).
_TIGHT_NAME = rf"{HAN}{{2,3}}(?<![{regex.escape(_LEX.name_stops)}])"
_WRITER_STARTS = tuple(r for r in _LEX.byline_roles if len(r) >= 4 or r.endswith(("记者", "通讯员", "实习生", "記者", "通訊員", "實習生")))
_OFFICE_ENDS = tuple(_LEX.office_suffixes)
_TWO_NAMES = rf"{HAN}{{3}}(?<![{regex.escape(_LEX.name_stops)}]){HAN}{{3}}(?<![{regex.escape(_LEX.name_stops)}])"  # 董校霖高野鹏
UNSPACED_BYLINE_RE = regex.compile(
    rf"^(?:(?:{'|'.join(regex.escape(r) for r in _WRITER_STARTS)})(?:{_TIGHT_NAME}(?:、{_TIGHT_NAME})*|{_TWO_NAMES}))+$")
_HELD_OFFICE = rf"[{HAN}（）()]{{1,14}}[{regex.escape(_LEX.office_units)}](?:{_OFFICES})"  # a unit's name, its office
UNSPACED_OFFICE_BYLINE_RE = regex.compile(rf"^(?:{_HELD_OFFICE}、)*{_HELD_OFFICE}(?P<name>{_TIGHT_NAME})$")
CREDIT_RE = regex.compile(
    rf"^[（(]?(?:{_GROUP}|{_NAME}(?:[ \u3000]+{_NAME})*)(?:[ \u3000]+{_GROUP})*[ \u3000]*(?:{_CREDITS})[）)]?$"
)
RUN_IN_CREDIT_RE = regex.compile(
    rf"^(?P<caption>.*[。！？”）)])[ \u3000]+(?P<credit>{_GROUP}(?:[ \u3000]+{_GROUP})*(?:[ \u3000]*(?:{_CREDITS}))?)$"
)
# An extractor that drops spaces runs the credit on unspaced (……缩量。新华社记者薄茜文摄): a long role and 摄 mark it.
_UNSPACED_RUN_IN_CREDIT_RE = regex.compile(
    rf"^(?P<caption>.*[。！？”）)])(?P<credit>(?:{_LONG_ROLES}){HAN}{{2,4}}(?:{_CREDITS}))$"
)
# A photographer credits a caption with a bare name (……示范点。 谭永生 摄; unspaced ……示范点。谭永生摄,
# a name of 2-3 characters none of which goes on a sentence: not ……。他在拍摄).
_PHOTOGRAPHER = "|".join(regex.escape(c) for c in _LEX.photographer_suffixes)
_NAMED_RUN_IN_CREDIT_RE = regex.compile(
    rf"^(?P<caption>.*[。！？”）)])(?:[ \u3000]+(?P<credit>{_NAME}[ \u3000]*(?:{_PHOTOGRAPHER}))|(?P<credit>(?:(?![{regex.escape(_LEX.name_stops)}]){HAN}){{2,3}}(?:{_PHOTOGRAPHER})))$"
)
_PHOTOGRAPHER_ENDS = tuple(_LEX.photographer_suffixes)
# (……套现2亿 正拟……: a number may end a phrase; a quoted word may end or open one: “消失” 中小银行)
PHRASE_SPACE_RE = regex.compile(rf"(?:[{HAN}\d]{HAN}|{HAN}[”’》」])[”’》」]?[ \u3000]+[“‘《「]?{HAN}{{2}}")
# A phrase that opens with a number (……警力 299名嫌犯落网), in a line whose other number
# is set tight against its characters: this extractor does not space digits, so the space is printed.
_DIGIT_PHRASE_SPACE_RE = regex.compile(rf"{HAN}{{2}}[ \u3000]\d[\d.]*{HAN}{{2}}")
_TIGHT_NUMBER_RE = regex.compile(rf"{HAN}\d[\d.]*{HAN}")
# Plain character sets and words: stdlib re finds them several times faster than regex, alike.
NUMBERED_POINT_RE = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d))")
BODY_PUNCT_RE = re.compile(r"[，。、；：,;:！？!?]")
SENTENCE_PUNCT_RE = re.compile(r"[。；;！？!?]")
_CLAUSE_MARK_RE = re.compile(r"[，：,:]")
_CUT_CLAUSE_RE = re.compile(r"[，,][^\W\d_]$")  # one letter after a last comma (……追税，未): a column's wrap cut the word
NOTE_RE = re.compile("^[【\\[［]?(?:" + "|".join(_LEX.note_openers) + ")[】\\]］]?[：:]?")
# Cheap tests a line must pass before the regexes above can match it; most lines fail them.
_ROLE_STARTS = _LEX.byline_roles  # BYLINE_RE opens with a role
_CREDIT_ENDS = tuple(c + close for c in _LEX.credit_suffixes for close in ("", "）", ")"))  # CREDIT_RE's end
# RUN_IN_CREDIT_RE's credit opens with a role after a space (stdlib re: it searches faster than regex).
_RUN_IN_ROLE_RE = re.compile("[ \u3000](?:" + "|".join(map(re.escape, _LEX.byline_roles)) + ")")
_SPACE_RE = regex.compile(r"\s+")
# a column's tag closing a title (……（城事·速览）), OCR's 〈 for （ too
TAG_END_RE = regex.compile(r"[（(〈][^（()）〈]{2,16}[）)]$")
# a column's tag closing a headline: two phrases and the mark between them (……（经济聚焦·农田里的新鲜事）),
# whatever OCR read the mark as (。 ' “ *): no clause of the headline, nor its length
CLOSING_TAG_RE = regex.compile(r"\s*[（(〈《]\s*\p{Han}{2,6}\s*[^\p{Han}\s（()）]{0,2}\s*\p{Han}{2,7}\s*[）)]$")
_CLOSERS = "".join(_LEX.closers)


def display_length(text: str) -> float:
    """Printed width in CJK characters: ASCII counts half, spaces nothing.

    >>> display_length("每 2 个月")
    3.5
    """
    ascii_count = len(text.encode("ascii", "ignore"))  # C speed: this runs on every line, often
    ascii_spaces = text.count(" ") + text.count("\t")
    wide = len(text) - ascii_count - text.count("\u3000")
    return wide + 0.5 * (ascii_count - ascii_spaces)


def letters(text: str) -> int:
    """Characters that are words, not marks: a couplet's half in quotes (做强“枢纽”) is no longer than 明责赋能.

    >>> letters("做强“枢纽”"), letters("锂同位素检测")
    (4, 6)
    """
    return sum(ch.isalnum() for ch in text)


def ends_sentence(text: str, aside: bool = False) -> bool:
    """Whether the text ends with a sentence mark, closing quotes aside.

    >>> ends_sentence("财产安全。”"), ends_sentence("方面的知")
    (True, False)

    With aside, a bracketed aside printed after the mark (a reference, a sample size) closes the
    sentence too, as it closes a paragraph; a column's tag after a headline has no mark before it.

    >>> ends_sentence("宣传活动。（详见[激发爱国](www.example.cn/28)）", True), ends_sentence("罪活动。（样本量<15）", True)
    (True, True)
    >>> ends_sentence("罪活动。（样本量<15）"), ends_sentence("抓获299人（社会·那些事）", True), ends_sentence("（样本量<15）", True)
    (False, False, False)
    """
    text = text.rstrip()
    if aside and text.endswith(("）", ")")) and (opened := _aside_start(text)) > 0:
        before = text[:opened].rstrip(_CLOSERS)
        if before and before[-1] in _LEX.sentence_end:
            return True
    text = text.rstrip(_CLOSERS)
    return bool(text) and text[-1] in _LEX.sentence_end


def ends_paragraph(text: str) -> bool:
    """Whether a paragraph's text ends as a paragraph does: a sentence mark, closing quotes or a bracketed aside after it.

    >>> ends_paragraph("……开展了宣传活动。（详见[激发爱国](www.example.cn/28)）"), ends_paragraph("抓获299人（社会·那些事）")
    (True, False)
    """
    return ends_sentence(text, aside=True)


_ASIDE_LONGEST = 40  # an aside longer than this is no aside


def _aside_start(text: str) -> int:
    """Where the bracketed aside closing the text opens, brackets nested in it matched; -1 if none.

    >>> _aside_start("活动。（详见[激发](www.example.cn/2)）"), _aside_start("活动。）"), _aside_start("（样本量<3）")
    (3, -1, 0)
    """
    depth = 0
    for k in range(len(text) - 1, max(len(text) - _ASIDE_LONGEST, 0) - 1, -1):
        ch = text[k]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            depth -= 1
            if depth == 0:
                return k
    return -1


def is_byline(text: str) -> bool:
    """本报记者 某某; 全媒体记者 某某 通讯员 某某; 某市委书记 某某; ■ 某某.

    >>> is_byline("本报通讯员 董校霖 高野鹏"), is_byline("四平市委书记 郭灵计"), is_byline("记者说，")
    (True, True, False)
    >>> is_byline("■ 周 平"), is_byline("■ 相关链接")
    (True, False)

    Closed up by an extractor that drops spaces: a writer's role, or an office after its unit.

    >>> is_byline("记者崔圣驰"), is_byline("四平市委书记郭灵计"), is_byline("全媒体记者胡芳舒通讯员东宣")
    (True, True, True)

    Two three-character names closed up after one role (本报通讯员董校霖高野鹏) are a byline too.

    >>> is_byline("本报通讯员董校霖高野鹏"), is_byline("本报记者从市教育局获悉")
    (True, False)
    >>> is_byline("强化书记带领"), is_byline("丰台分局副局长郑威在"), is_byline("如何在美国把贪官送进监狱构建党建引领城乡基层治理新格局白山市委书记谢忠岩")
    (False, False, False)
    """
    text = text.strip()
    if " " not in text and "\u3000" not in text and len(text) <= 40 and _may_be_closed_up(text) and not is_credit(text) \
            and (UNSPACED_BYLINE_RE.match(text) or UNSPACED_OFFICE_BYLINE_RE.match(text)):
        return True
    role_first = text.startswith(_ROLE_STARTS)
    spaced = "\u3000" in text or " " in text  # OFFICE_BYLINE_RE spaces off the name
    if len(text) > 60 or not (role_first or spaced or text[:1] in _LEX.byline_bullets) or is_credit(text):
        return False
    if role_first and BYLINE_RE.match(text):
        return True
    if text[:1] in _LEX.byline_bullets:
        return bool(BULLET_BYLINE_RE.match(text))
    return spaced and bool(OFFICE_BYLINE_RE.match(text))


def _may_be_closed_up(text: str) -> bool:
    """The cheap test a closed-up byline passes: a writer's role first, or an office before a 2-3 character name."""
    return text.startswith(_WRITER_STARTS) or text[:-2].endswith(_OFFICE_ENDS) or text[:-3].endswith(_OFFICE_ENDS)


def names_one_writer(text: str) -> bool:
    """A byline naming one person by a writer's role (本报记者 杨翠叶; 记者 王斌): all a photo's credit names.

    A story's byline may name two (本报通讯员 董校霖 高野鹏; 全媒体记者 谭永生 通讯员 孟海鹰) or an office's
    holder (白山市委书记 谢忠岩); on the corpus's fit split every credit that names a role names one writer
    (5698), and 2989 of 7749 bylines do. A name spread over a space (田 鹏) is one; a lone character (a misread
    摄) none, nor what OCR read past a 摄.

    >>> names_one_writer("本报记者 杨翠叶"), names_one_writer("本報記者楊翠葉"), names_one_writer("本报记者 田 鹏"), names_one_writer("本报记者 孟海座 报")
    (True, True, True, True)
    >>> names_one_writer("本报通讯员 陈新宇摄 上天"), names_one_writer("新华社记者 谭永生 摄")
    (True, True)
    >>> names_one_writer("本报通讯员 董校霖 高野鹏"), names_one_writer("本报通讯员董校霖高野鹏"), names_one_writer("全媒体记者胡芳舒通讯员东宣")
    (False, False, False)
    >>> names_one_writer("白山市委书记 谢忠岩"), names_one_writer("全媒体记者 谭永生 通讯员 孟海鹰")
    (False, False)
    """
    text = text.strip()
    if not text.startswith(_WRITER_STARTS):
        return False
    names = single = 0
    for part in _ROLE_SPLIT_RE.split(_SPACE_RE.sub(" ", _AFTER_CREDIT_RE.sub("", text))):
        for word in part.split(" "):
            size = len(_HAN_CHAR_RE.findall(word))
            if size == 1:  # half of a spread name, or a stray character
                single += 1
                names, single = (names + 1, 0) if single == 2 else (names, single)
                continue
            single = 0
            names += 0 if size == 0 else 1 if size <= 4 else 2  # (five or more: two names closed up)
    return names == 1


_AFTER_CREDIT_RE = regex.compile(r"(?<=\p{Han})[摄攝].*$")  # a credit ends at 摄: what OCR read past it is not a name
_ROLE_SPLIT_RE = regex.compile("|".join(regex.escape(r) for r in _LEX.byline_roles if len(r) >= 2) + r"|[、，,]")
_HAN_CHAR_RE = regex.compile(HAN)


def is_credit(text: str) -> bool:
    """A photo credit: names and a closing 摄.

    >>> is_credit("本报记者 林涛 摄"), is_credit("新华社记者 孙伟 摄"), is_credit("拍摄")
    (True, True, False)
    """
    text = text.strip()
    return len(text) <= 40 and text.endswith(_CREDIT_ENDS) and bool(CREDIT_RE.match(text))


def run_in_credit(text: str) -> regex.Match | None:
    """A caption ending in a credit (……推动作用。 本报记者 杨翠叶): the match, groups caption and credit.

    >>> run_in_credit("社区开设培训班。 本报记者 杨翠叶")["credit"], run_in_credit("社区开设培训班。")
    ('本报记者 杨翠叶', None)
    >>> run_in_credit("较前一交易日缩量。新华社记者薄茜文摄")["credit"], run_in_credit("会上。本报记者杨翠叶说")
    ('新华社记者薄茜文摄', None)

    A photographer's bare name, spaced or not; not a source's (供图 needs its role), nor a sentence's words.

    >>> run_in_credit("等示范点。 谭永生 摄")["credit"], run_in_credit("等示范点。谭永生摄")["credit"]
    ('谭永生 摄', '谭永生摄')
    >>> run_in_credit("等示范点。 谭永生 供图"), run_in_credit("示范点。他在拍摄"), run_in_credit("示范点拍摄")
    (None, None, None)
    """
    if _RUN_IN_ROLE_RE.search(text):
        match = RUN_IN_CREDIT_RE.match(text)
        if match:
            return match
    if not text.endswith(_CREDIT_ENDS):
        return None
    return _UNSPACED_RUN_IN_CREDIT_RE.match(text) or (_NAMED_RUN_IN_CREDIT_RE.match(text) if text.endswith(_PHOTOGRAPHER_ENDS) else None)


def is_event_sentence(text: str) -> bool:
    """One sentence naming when something happened (近日，……活动。): what a caption without credit says.

    >>> is_event_sentence("日前，社区开展义诊活动。"), is_event_sentence("本报讯（记者 王明）近日，社区开展活动。")
    (True, False)
    """
    if len(text) > 150 or not ends_sentence(text) or SENTENCE_PUNCT_RE.search(text[:-1]):
        return False
    return bool(_LEX.caption_cue_re.search(text[:40])) and not starts_with_dateline(text)


def opens_as_caption(text: str) -> bool:
    """A time in its first clause or two (近日，……; ……，日前，……; 北京时间6月12日凌晨，……) or a dateline
    naming no writer (新华社北京6月11日电……): how a caption opens. Spaces an extractor put beside digits aside.

    >>> opens_as_caption("北京时间6 月12 日凌晨，世界杯开赛。"), opens_as_caption("新华社北京6月11日电工业和信息化部11日约谈车企。")
    (True, True)
    >>> opens_as_caption("本报讯（记者 郑林）近日，社区开展活动。"), opens_as_caption("尚德电力昨日宣布，即2013年3月15日到期的可转债违约。")
    (False, False)
    >>> opens_as_caption("本报讯（通讯上只 王试）为促进全民健身。"), opens_as_caption("据彭博社报道，美国公民都需向国家缴税。")
    (False, False)
    """
    head = squeeze(text[:CAPTION_CUE_REACH])
    if starts_with_dateline(head):  # (a bracket after it names writers, read right or not; 据……报道 names a source)
        return not (_DATELINE_BRACKET_RE.match(head) or _LEX.attribution_re.match(head)
                    or any(role in head for role in WRITER_ROLES))
    return bool(CLAUSE_TIME_RE.search(head))


CAPTION_CUE_REACH = 40  # characters: a caption names its time in its first clause or two
# a time opening the paragraph (a few characters before it at most: 北京时间) or a clause
CLAUSE_TIME_RE = lexicon.compile_pattern(rf"(?:^[^，,。]{{0,4}}|[，,；;：:]\s*)(?:{_LEX.caption_cue_re.pattern})")


def is_note_opener(text: str) -> bool:
    """编者按 and its kin, alone or opening a paragraph.

    >>> is_note_opener("编者按"), is_note_opener("【编者按】为深入贯彻"), is_note_opener("编者")
    (True, True, False)
    """
    return bool(NOTE_RE.match(text.strip()))


def dateline_names_writers(text: str) -> bool:
    """A dateline whose bracket names the story's writers (本报讯（记者 王欣）, ……电（记者 王欢）).

    A story opens so; a caption's dateline names none (新华社北京6月11日电工业和信息化部……): on the
    corpus's fit split, 574 stories and no caption.

    >>> dateline_names_writers("本报讯（全媒体记者 邢天笑 通讯员 曲晓光）为进一步"), dateline_names_writers("新华社北京6月11日电工业和")
    (True, False)
    >>> dateline_names_writers("中国经济网北京6月12日讯航天环宇（688523.SH）昨晚")
    False
    """
    found = _DATELINE_BRACKET_RE.match(text)
    return bool(found) and names_writers(text[found.end() - 1:])


def names_writers(text: str) -> bool:
    """A bracket that opens with a writer's role: （记者 王明）, （全媒体记者 魏静 通讯员 胡芳舒）."""
    return text[:1] in "（(" and text[1:].lstrip().startswith(WRITER_ROLES)


_DATELINE_BRACKET_RE = regex.compile(r"^[^，。（(]{0,24}?[电讯電訊]\s*[（(]")
# the roles a dateline's bracket names its writers by (the rule data's, in both scripts)
WRITER_ROLES = tuple(role for role in _LEX.byline_roles if role.endswith(("记者", "通讯员", "記者", "通訊員")))


def starts_with_dateline(text: str) -> bool:
    """本报讯（…）, 新华社…电 and the like.

    Spaces an extractor put beside digits (某某网北京5月 9日讯) do not hide one.

    >>> starts_with_dateline("本报讯（通讯员 王欣）为进一步"), starts_with_dateline("本报记者")
    (True, False)
    >>> starts_with_dateline("某某网北京5月 9日讯某公司")
    True
    """
    if _LEX.dateline_re.match(text):
        return True
    head = text[:40]
    return " " in head and bool(_LEX.dateline_re.match(_SPACE_RE.sub("", head)))


def opens_story(text: str) -> bool:
    """A dateline (本报讯, 新华社…电): a story starts here. A source named (据某某社报道) need not start one.

    >>> opens_story("本报讯（记者 王欣）近日"), opens_story("据某某社报道，近日")
    (True, False)
    """
    return starts_with_dateline(text) and not _LEX.attribution_re.match(text)


def is_headline_like(text: str) -> bool:
    """Short, and no sentence punctuation: a headline, a subtitle or a section heading.

    >>> is_headline_like("普及消防知识"), is_headline_like("识。随后向辖区居民介绍了各")
    (True, False)
    >>> is_headline_like("坚持强基固本，提升基层党组织“战斗力”"), is_headline_like("6月10日晚，某公司发布公告称，该公司")
    (True, False)

    No headline ends on one character after its comma: running text that a column's wrap cut there.

    >>> is_headline_like("美国国会税收联合委员会根据这项税务法追税，未"), is_headline_like("给黑土地做体检，施肥更精细")
    (False, True)

    A column's label run into the title (天下万象：) is no clause of it: the marks are counted after it.

    >>> is_headline_like("天下万象：汇率避险“工具箱”再扩容 小币种产品密集落地")
    True
    >>> is_headline_like("城事速览：给黑土地做体检，施肥更精细"), is_headline_like("他说：给黑土地做体检，施肥更精细")
    (True, False)
    >>> is_headline_like("他说：汇率避险工具箱再扩容，小币种产品密集落地")
    False

    Nor is a column's tag closing it (……（经济聚焦·农田里的新鲜事）), its middle dot misread or not.

    >>> is_headline_like("给黑土地做体检，施肥更精细（经济聚焦。农田里的新鲜事）")
    True
    >>> is_headline_like("给黑土地做体检，施肥更精细，农田里的新鲜事多")
    False
    """
    text = text.strip()
    if not text or len(text) > 80:
        return False
    if text.endswith(("）", ")")):  # (the tag's pattern is tried only where a bracket closes the line)
        text = CLOSING_TAG_RE.sub("", text) or text
    length = display_length(text)
    if length > 40 or ends_sentence(text):
        return False
    rest = label_aside(text)
    if length <= 22:  # a heading may part its two halves with ， or ： (two halves, not three clauses)
        punctuated = SENTENCE_PUNCT_RE.search(rest) or len(_CLAUSE_MARK_RE.findall(rest)) > 1
    else:
        punctuated = BODY_PUNCT_RE.search(rest.lstrip("—-"))
    return not punctuated and not _CUT_CLAUSE_RE.search(text) and not starts_with_dateline(text)  # the dearest test last


RUN_IN_LABEL_RE = regex.compile(r"^\p{Han}{4,5}[：:]")  # a column's label run into a title (经济聚焦：), as long as a column's name
LABEL_OVER_TITLE_RE = regex.compile(r"^\p{Han}{2,6}[：:]\s*")  # a column's label run in before a title (民生观察：), any length


def label_aside(text: str) -> str:
    """The line without a column's label run into it (经济聚焦：), which is no clause of a title.

    >>> label_aside("经济聚焦：站好岗 放好哨"), label_aside("他说：站好岗"), label_aside("会议强调：")
    ('站好岗 放好哨', '他说：站好岗', '会议强调：')

    A title has one label: a line of two (责任编辑：王欣 美编：东宣) is a list of names, read whole.

    >>> label_aside("责任编辑：王欣 美编：东宣")
    '责任编辑：王欣 美编：东宣'
    """
    if "：" not in text and ":" not in text:
        return text
    rest = RUN_IN_LABEL_RE.sub("", text, count=1)
    if not rest.strip() or "：" in rest or ":" in rest:
        return text  # only a lead-in (会议强调：) opens what follows; a second colon: no title's
    return rest


def is_couplet(text: str) -> bool:
    """A headline of phrases parted by a printed space (游园赏美景 千人健步行).

    >>> is_couplet("游园赏美景 千人健步行"), is_couplet("和 灭 火 器 材"), is_couplet("区以“奉献社会 引领文明”为主题，")
    (True, False, False)
    >>> is_couplet("某区出动300名民警 200名嫌犯落网"), is_couplet("某公司拟套现2.2亿 正拟定增")
    (True, True)
    >>> is_couplet("宁海一水电工献血 “爱心长跑”挽救生命"), is_couplet("超百家村镇银行“消失” 风险化解加速")
    (True, True)

    Not a line of running text OCR spaced, cut inside a book title or a quotation.

    >>> is_couplet("法》 该法律是美国在上个世纪70 年"), is_couplet("同天展了以“请党放心 强国复兴有"), is_couplet('以"请党放心 强国复兴有')
    (False, False, False)

    Nor a line of running text quoting a couplet: the spaces inside the quotation, words outside it.

    >>> is_couplet("“请党放心 强国复兴有我”为"), is_couplet("困境儿童“春风化雨润童心 红色基因代代传”"), is_couplet("“请党放心 强国复兴有我”")
    (False, False, True)
    """
    spaced = "\u3000" in text or " " in text  # cheap, and PHRASE_SPACE_RE needs it
    if not spaced or BODY_PUNCT_RE.search(text):  # a couplet's halves are parted by the space alone
        return False
    if any(text.count(o) != text.count(c) for o, c in _PAIRED_MARKS) or text.count('"') % 2:
        return False  # a bracket, book title or quote (curly, or straight: an odd count) left open or closed alone: a line cut from running text
    if _QUOTED_SPACES_RE.fullmatch(text.strip()) and not _WHOLE_QUOTE_RE.fullmatch(text.strip()):
        return False
    phrased = bool(PHRASE_SPACE_RE.search(text)) or digit_phrase_space(text)
    return phrased and is_headline_like(text) and not is_byline(text)


_PAIRED_MARKS = (("（", "）"), ("(", ")"), ("《", "》"), ("“", "”"))
_QUOTED_SPACES_RE = regex.compile(r"[^“”\s\u3000]*(?:“[^“”]*”[^“”\s\u3000]*)+")  # every space inside a “quotation”
_WHOLE_QUOTE_RE = regex.compile(r"“[^“”]*”")


def digit_phrase_space(text: str) -> bool:
    """One printed space before a phrase that opens with a number, the line's other number set tight.

    >>> digit_phrase_space("某区出动300名民警 200名嫌犯落网"), digit_phrase_space("每天至少拨打 200个以上")
    (True, False)
    """
    return (text.count(" ") + text.count("\u3000") == 1 and bool(_DIGIT_PHRASE_SPACE_RE.search(text))
            and bool(_TIGHT_NUMBER_RE.search(text)))


def is_subtitle_dash(text: str) -> bool:
    """A headline line opened by a dash (——铁东区……记事), or by OCR's reading of one (一一铁东区……, PU04).

    >>> is_subtitle_dash("——铁东区开展普法宣讲活动"), is_subtitle_dash("一一铁东区开展普法宣讲活动"), is_subtitle_dash("-一三峡水运新通道")
    (True, True, True)
    >>> is_subtitle_dash("一图读懂政府工作报告"), is_subtitle_dash("一一一"), is_subtitle_dash("－－中小银行风险化解")
    (False, False, True)
    >>> is_subtitle_dash("—2001年，原中国银行开")
    False
    """
    text = text.strip()
    if text[:1] == "—" and text[1:2].isdigit():
        return False  # a range's dash the line end left at the front (1994年 / —2001年，……)
    return (text.startswith(DASHES) or _opens_with_misread_dash(text)) and not ends_sentence(text) \
        and display_length(text) <= 60


def _opens_with_misread_dash(text: str) -> bool:
    return text[:1] in "一-－" and bool(MISREAD_DASH_RE.match(text))  # (the cheap test first: every line asks)


# —— printed at a line's head, read by OCR as 一一, —一, 一—, 一-, -一, -- or －－; before a Han character (not
# a third 一) or an opening quote (straight too: PU03 curls it after PU04), no headline or sentence starts so
# (no text extraction's line does)
MISREAD_DASH_RE = regex.compile(r"^(?:一一|—一|一—|一-|-一|--|－－)(?=(?!一)[\p{Han}“‘《（\"])")


def standalone(text: str) -> bool:
    """A line that is complete by itself and never part of a wrapped paragraph.

    >>> standalone("本报记者 林涛 摄"), standalone("为进一步提高居民自救互救、参与")
    (True, False)
    """
    text = text.strip()
    if (" " not in text and "\u3000" not in text and len(text) > 6 and not text.startswith(_STANDALONE_STARTS)
            and not text.endswith(_CREDIT_ENDS) and text not in _LEX.note_openers and not _opens_with_misread_dash(text)):
        return False  # most lines: unspaced, long, no role, dash or bullet first, no credit last
    return (is_byline(text) or is_credit(text) or is_couplet(text) or is_subtitle_dash(text)
            or text in _LEX.note_openers or len(text) <= 6 and is_note_opener(text))


DASHES = ("—", "--")  # a dash as printed, or typed as two hyphens (a subtitle's, a pull quote's)

# what a standalone line without a space may open with: a role (本报记者某某), a dash (——subtitle), a bullet
_STANDALONE_STARTS = (*_ROLE_STARTS, *DASHES, *_LEX.byline_bullets)


def is_spread(text: str) -> bool:
    """Justified by spreading: five or more characters, nearly all standing alone.

    Such a line filled its column, however few characters it holds.

    >>> is_spread("和 灭 火 器 材 操 作 等 方 面 的 知"), is_spread("本报记者 田 鹏")
    (True, False)
    """
    tokens = text.split()
    return len(tokens) >= 5 and sum(len(t) == 1 for t in tokens) >= 0.8 * len(tokens)


def squeeze(text: str) -> str:
    """Remove all white space (for lengths and similarity).

    >>> squeeze("本报记者 田　鹏\\n"), squeeze("a\\x1fb")
    ('本报记者田鹏', 'a\\x1fb')
    """
    if any(map(text.__contains__, _NOT_SPACE_TO_REGEX)):
        return _SPACE_RE.sub("", text)
    return "".join(text.split())  # far faster, and alike but for the separators below


_NOT_SPACE_TO_REGEX = "\x1c\x1d\x1e\x1f"  # str.split() parts text at them; \s does not
