"""Whether a headline line inside a running story heads a section of it or opens the next story."""

from __future__ import annotations

from dataclasses import replace

import regex

from . import furniture, lexicon, shapes, wordmatch
from .drafts import Draft
from .heads import Head, build_head
from .model import Block

FOREIGN = 0.2  # a heading less similar than this to its story above,
OWN = 0.4  # and this similar to the paragraphs below it, is the next story's headline
STILL_ITS_OWN = 0.1  # unless the running story's headline is this similar to them and to its paragraphs above
MIN_HEADLINE = 6  # characters: a shorter headline line is a fragment (of a credit, a cut line), no story's head
SECTION_SAYS = 2  # paragraphs under a heading that may say it word for word (AS46): the first, or one line on
BELOW = 12  # blocks below a heading whose paragraphs show whose it is
ACROSS = 1.5  # characters past its column's width: a head over a photo set across columns (AS43)
# a story's lead: a source named (据……报道, ……消息，) or a dateline the extractor cut (……日电（记者, ……怡）)
_LEAD_RE = regex.compile(r"^(?:据[^，。]{1,30}(?:报道|消息)|[^，。]{0,20}消息[，,]|[^（(，。]{1,12}[）)])"
                         r"|[电讯]\s*[（(〈《]\s*(?:全媒体)?(?:记者|通讯员)")


def is_section_heading(group: list[Block], story: Draft | None, below: list[Block],
                        over: list[Block] | None = None, after_photo: bool = False, last: Block | None = None,
                        why: list[str] | None = None, photo_below: bool = False, subject: bool = True) -> bool:
    """One headline line between two paragraphs of a running story heads a section.

    Unless it shares hardly a word with the story and many with the text below
    it: then a new story starts under its own headline. Not if the headline
    over the running story (`over`, its head run) reads like the text below too
    (and like its text above): a heading sums up its section, the section goes
    on the story. `why` gets AS33, AS34, AS41, AS46 or AS95 where one of those decided (for `explain`).

    >>> story = Draft("article", 1, body=[("p", "河道治理全面铺开，河道清淤已经完成。")])
    >>> below = [Block("近日，学校举办运动会，学生踊跃参加。", 6, 7)]
    >>> is_section_heading([Block("校园赛场展风采", 5, 5, role="headline")], story, below)
    True

    A whole headline, phrases parted by a space, sharing no word with the story
    above it, starts the next story after a sentence's end, however few words
    it shares with the text below; not where a sentence or a quotation runs on
    through it (a line of running text with a space in it).

    >>> is_section_heading([Block("校园赛场展风采 师生同心迎挑战", 5, 5, role="headline")], story, below)
    False
    >>> cut = Draft("article", 1, body=[("p", "河道治理全面铺开，开展了以“请党放心")])
    >>> is_section_heading([Block("校园赛场展风采 师生同心迎挑战", 5, 5, role="headline")], cut, below)
    True
    >>> is_section_heading([Block("校园赛场展风采 师生同心迎挑战", 5, 5, role="headline")], story,
    ...                    [Block("（TSMM）”技术方案，实现调控。", 6, 7)])
    True
    >>> below = [Block("现场检查中，专家组深入车间检查，提出整改意见。", 6, 7)]
    >>> is_section_heading([Block("现场检查过程中", 5, 5, role="headline")], story, below)
    False

    A heading the paragraph under it repeats word for word is a section's (`restated`); after a photo,
    only a section of a story with its head printed over it (the text above the photo may be a caption's).

    >>> heading = [Block("专家组深入车间", 5, 5, role="headline")]
    >>> is_section_heading(heading, story, below), is_section_heading(heading, story, below, after_photo=True)
    (True, False)
    >>> is_section_heading(heading, story, below, [Block("及时整改到位 提升安全水平", 1, 1, role="headline")], True)
    True

    A photo printed between the story's last sentence and the headline ends the story there;
    not where the text below closes a quotation the line opened, nor at a fragment of a line.

    >>> is_section_heading([Block("校园赛场展风采", 5, 5, role="headline")], story, below, after_photo=True)
    False
    >>> is_section_heading([Block("胜 摄", 5, 5, role="headline")], story, below, after_photo=True)
    True
    >>> own = Draft("article", 1, body=[("p", "为提升安全水平，专家组到烟厂评审指导。")])
    >>> is_section_heading([Block("现场检查过程中", 5, 5, role="headline")], own, below,
    ...                    [Block("及时整改到位 提升安全水平", 1, 1, role="headline")])
    True

    With a photo printed between the heading and `below` (`photo_below`, AS42), only a cue for the story
    makes it a section's (restated below, or the story's head like both sides): a heading unlike the text
    past a photo, or only like the story above, may be a line of that text cut at the photo or the next
    story's head; nor a fragment.

    >>> heading, games = [Block("校园赛场展风采", 5, 5, role="headline")], [Block("近日，学校举办运动会，学生踊跃参加。", 8, 9)]
    >>> is_section_heading(heading, story, games), is_section_heading(heading, story, games, photo_below=True)
    (True, False)
    >>> is_section_heading([Block("专家组", 5, 5, role="headline")], story, below, photo_below=True)
    False
    >>> is_section_heading([Block("“感谢社区给我们专家组深入", 5, 5, role="headline")], story, below, photo_below=True)
    False
    >>> is_section_heading([Block("河道清淤时，专家组深入车间", 5, 5, role="headline")], story, below, photo_below=True)
    False

    A heading like the text under it because the first paragraphs of its section say it word for word
    (AS46) heads that section; a line merely like that text opens the next story.

    >>> said, why = [Block("近日，学校举办运动会。", 6, 7), Block("赛场上，同学们奋勇争先，展现了拼搏精神。", 8, 9)], []
    >>> is_section_heading([Block("同学们奋勇争先", 5, 5, role="headline")], story, said, why=why), why
    (True, ['AS46'])
    >>> is_section_heading([Block("同学们争先拼搏", 5, 5, role="headline")], story, said)
    False

    Nor a head set wider than the column it stands in (AS43): a section heading fits its column, a story's
    headline spans the columns over its photo, whatever the text past the photo goes on.

    >>> narrow, why = Block("专家组深入车间", 5, 5, role="headline", width=12.0, measure=7.0), []
    >>> wide = Block("专家组深入车间 提升安全水平", 5, 5, role="headline", width=12.0, measure=14.0)
    >>> is_section_heading([narrow], story, below, photo_below=True), is_section_heading([wide], story, below, photo_below=True, why=why), why
    (True, False, ['AS43'])
    """
    nxt = below[0] if below else None
    wrapped = len(group) > 1  # AS92: only a cue for the story above makes it a section's (no default)
    group = heading_lines(group) or []
    if len(group) > 1:  # two headings one over the other (AS92): weighed as one
        group = [replace(group[0], text=group[0].text + group[1].text, last=group[1].last)]
    if len(group) != 1 or group[0].role != "headline" or story is None:
        return False
    if not story.body or story.kind != "article" or nxt is None or nxt.role != "body":
        return False
    if shapes.starts_with_dateline(nxt.text) or shapes.is_subtitle_dash(group[0].text):
        return False
    if photo_below and (len(shapes.squeeze(group[0].text)) < MIN_HEADLINE or CLAUSE_RE.search(group[0].text)
                        or group[0].text.count("“") != group[0].text.count("”")):
        return False  # (a fragment OCR read beside a photo; a line of running text: a clause mark, a quotation open)
    if photo_below and group[0].width and group[0].measure > group[0].width + ACROSS:
        _say(why, "AS43")
        return False  # set wider than its column, over a photo: the head of a story across columns, not a section's
    if over_its_subtitle(group[0].text, nxt):
        _say(why, "AS41")
        return False
    if restated(group[0].text, nxt.text) and (over or not after_photo):
        _say(why, "AS33")
        return True  # a heading the paragraph under it says word for word: a section's
    if shapes.NUMBERED_POINT_RE.match(nxt.text):
        return True  # no story opens at a numbered point (一、……): it goes on the story above
    head = Head(title=group[0].text)
    above = wordmatch.similarity(head, " ".join(text for _, text in story.body), FOREIGN)  # None: under FOREIGN
    if above is not None and above >= FOREIGN and not photo_below:  # (past a photo, a cut line of it reads like it too)
        if printed_after(head, last, nxt):
            _say(why, "AS34")
            return False
        return True
    if _whole_headline(group[0].text) and shapes.ends_paragraph(story.body[-1][1]) and not _closes_a_quote(nxt.text):
        return False  # phrases parted by a space, between a sentence's end and a paragraph: a story's headline
    section = " ".join(block.text for block in below if block.role == "body")
    if over and not _opens_with_lead(nxt.text) and _still_its_own(build_head(over), story, section):
        return True
    if subject and _may_head_a_section(group[0].text) and shapes.ends_paragraph(story.body[-1][1]) \
            and goes_on_subject(" ".join(text for kind, text in story.body if kind == "p"), section):
        _say(why, "AS95")
        return True  # the text under it goes on naming what the story above named: a section of that story
    if after_photo and shapes.ends_paragraph(story.body[-1][1]) and not _closes_a_quote(nxt.text) \
            and len(shapes.squeeze(group[0].text)) >= MIN_HEADLINE:
        return False  # a photo between a sentence's end and a headline foreign to the story: the story ended there
    if photo_below:
        return False  # no cue for the story above: a head over a photo and the text under it
    own = wordmatch.similarity(head, section, OWN)  # None: under OWN
    if own is not None and own >= OWN and (over or not after_photo) and restated_in_section(group[0].text, below):
        _say(why, "AS46")
        return True  # like the text below because its section says it word for word: a section's heading
    return not wrapped and (own is None or own < OWN)


FILLS = 0.5  # characters: a line this close to its column's width fills it (the heading goes on under it)


def heading_lines(group: list[Block]) -> list[Block] | None:
    """AS92: the headings a head run of two lines inside a running story may be, or None: one heading the
    column wrapped (its first line fills the column, the second is shorter: 我深感抓工作不能 / “瞎忙活”), or two
    headings one over the other, each already two dump lines the join stage made one.

    A heading set in its column's measure wraps as the text does; a story's headline is set wider, or
    in phrases parted by a space, or over a ——subtitle or a byline: those are left to the head run.
    is_section_heading then weighs the lines' words against the story and the text below as it weighs
    one line's.

    >>> wrapped = [Block("我深感抓工作不能", 5, 5, role="headline", width=8.0, measure=8.0),
    ...            Block("“瞎忙活”", 6, 6, role="headline", width=8.0, measure=5.0)]
    >>> [b.text for b in heading_lines(wrapped)]
    ['我深感抓工作不能“瞎忙活”']
    >>> stacked = [Block("双轨赋能：物质关怀叠加心灵滋养", 5, 6, role="headline", width=14.0, measure=14.0, lines=2),
    ...            Block("立体教育：踏青寻春融合红色传承", 7, 8, role="headline", width=14.0, measure=14.0, lines=2)]
    >>> [b.text for b in heading_lines(stacked)]
    ['双轨赋能：物质关怀叠加心灵滋养', '立体教育：踏青寻春融合红色传承']
    >>> couplet = [Block("激发阅读兴趣", 5, 5, role="headline", width=23.0, measure=6.0),
    ...            Block("营造读书氛围", 6, 6, role="headline", width=23.0, measure=6.0)]
    >>> heading_lines(couplet), heading_lines([wrapped[0], replace(wrapped[1], text="——瞎忙活")])
    (None, None)
    """
    if len(group) == 1:
        return group
    if len(group) != 2 or any(b.role != "headline" or not b.width or b.measure > b.width + FILLS for b in group):
        return None
    if any(" " in b.text.strip() and b.lines == 1 or shapes.is_subtitle_dash(b.text) or shapes.is_byline(b.text) for b in group):
        return None  # phrases parted by a space (not where the join parted two lines), a ——subtitle, a byline: a story's head
    first, second = group
    if first.lines == 1 and first.measure >= first.width - FILLS and second.lines == 1 and second.measure < first.measure \
            and not second.gap_before:
        return [replace(first, text=first.text + second.text, last=second.last,
                        runs=(*first.line_runs, *second.line_runs), lines=2)]
    if all(b.lines >= 2 and b.measure >= b.width - FILLS for b in group):
        return group
    return None


SAID_AGAIN = 0.05  # share of a section's three-character runs found in the story above: the same subject (AS95)
ITS_START = 200  # characters: the section's start weighed (AS95)
ITS_END = 400  # characters: the story's end weighed (AS95)


def goes_on_subject(story: str, section: str) -> bool:
    """AS95: the text under a heading line goes on the story above it: at least SAID_AGAIN of the runs of three
    Han characters in its first ITS_START characters are found in the story's last ITS_END (names, places,
    bodies and phrases said again: 市民政局, 困境儿童, 志愿者).

    A new story's opening shares few such runs with the story before it (on the fit split, 98% of the
    true titles met inside a running story share under 0.05), where its section goes on naming the same
    people, places and things. Pairs of characters (社区, 工作) are too common a word to tell.

    >>> story = "本报讯 近日，市民政局组织困境儿童开展主题关爱活动，志愿者全程参与。"
    >>> goes_on_subject(story, "活动尾声，市民政局向每位困境儿童赠送礼包。")
    True
    >>> goes_on_subject(story, "6日晚，在昆明市白龙路一自助银行里，来取钱的刘老师发现了一万元。")
    False
    >>> goes_on_subject("", "活动尾声，市民政局向每位困境儿童赠送礼包。")
    False
    """
    start, end = shapes.squeeze(section)[:ITS_START], shapes.squeeze(story)[-ITS_END:]
    runs = {start[k:k + 3] for k in range(len(start) - 2) if _HAN_RUN_RE.fullmatch(start[k:k + 3])}
    return bool(runs) and sum(run in end for run in runs) >= SAID_AGAIN * len(runs)


_HAN_RUN_RE = regex.compile(r"\p{Han}{3}")


def _may_head_a_section(text: str) -> bool:
    """AS95's line: no clause mark (a line of running text) and no writer's role first (本报记者: a byline's or a
    credit's first half).

    >>> _may_head_a_section("才能筑牢公益事业的根基"), _may_head_a_section("业内人士认为，减量只是表"), _may_head_a_section("本报记者")
    (True, False, False)
    """
    return not CLAUSE_RE.search(text) and not shapes.squeeze(text).startswith(_ROLES)


_ROLES = tuple(lexicon.load().byline_roles)


def _say(why: list[str] | None, code: str) -> None:
    if why is not None:
        why.append(code)


FRAGMENT_MOST = 3  # characters: no title or heading is this short (the corpus's have five or more; 编者按 is a note's)


def stays_in_story(group: list[Block], story: Draft | None, nxt: Block | None = None) -> bool:
    """AS40: a head run of one line of two or three Han characters, in a running article: a fragment
    OCR set apart (a line's few characters read beside a gap: 教育过, 除了; a picture read as 全从),
    no story's head nor a section's. It stays in the story as a paragraph of its own; opening a
    story, it would take the paragraphs under it from their own.

    >>> story = Draft("article", 1, body=[("p", "近日，社区开展义诊活动。")])
    >>> stays_in_story([Block("教育过", 5, 5, role="headline")], story)
    True
    >>> stays_in_story([Block("校园赛场展风采", 5, 5, role="headline")], story), stays_in_story([Block("教育过", 5, 5, role="headline")], None)
    (False, False)

    Not over a head line (`nxt`, a headline or a column's label) after a sentence's end: a label's
    line there (社区 / 基层一线) heads the next story.

    >>> stays_in_story([Block("社区", 5, 5, role="headline")], story, Block("基层一线", 6, 6, role="column"))
    False

    Not a byline or a column's label (their roles), nor a note's 编者按, nor a line holding a letter.

    >>> stays_in_story([Block("编者按", 5, 5, role="headline")], story), stays_in_story([Block("王欣", 5, 5, role="byline")], story)
    (False, False)
    """
    if len(group) != 1 or group[0].role != "headline" or group[0].lines != 1:
        return False
    if story is None or story.kind != "article" or not story.body:
        return False
    if nxt is not None and nxt.role in ("headline", "column") and shapes.ends_paragraph(story.body[-1][1]):
        return False
    text = shapes.squeeze(group[0].text)
    return 2 <= len(text) <= FRAGMENT_MOST and bool(_HAN_ONLY_RE.fullmatch(text)) and not shapes.is_note_opener(text)


_HAN_ONLY_RE = regex.compile(r"\p{Han}+[，、；：]?")


def goes_on_text(group: list[Block], story: Draft | None, above: Block | None, nxt: Block | None) -> bool:
    """AS36: one headline line right under a paragraph of the running story that stops mid-sentence: a piece
    of that paragraph (a line the extractor or OCR split off), neither a section heading nor a headline.

    A heading or headline follows a sentence's end; a sentence left open runs on
    into the line under it. Not a subtitle's dash, a byline, nor a line over a
    dateline (a story opens there), nor a piece of the paragraph's own last dump
    line (a line read across a gutter, cut at it: the pieces belong to two columns).

    >>> story = Draft("article", 1, body=[("p", "为逃避打击，技术")])
    >>> above, nxt = Block("为逃避打击，技术", 3, 4, lines=2), Block("部。", 6, 6)
    >>> goes_on_text([Block("部的办公地点远离公司本", 5, 5, role="headline")], story, above, nxt)
    True
    >>> done = Draft("article", 1, body=[("p", "为逃避打击，技术部远离本部。")])
    >>> goes_on_text([Block("部的办公地点远离公司本", 5, 5, role="headline")], done, above, nxt)
    False
    >>> goes_on_text([Block("校园赛场展风采", 5, 5, role="headline")], story, above, Block("本报讯 近日，学校开展活动。", 6, 6))
    False
    >>> goes_on_text([Block("部的办公地点远离公司本", 4, 4, role="headline")], story, above, nxt)
    False
    """
    if len(group) != 1 or group[0].role != "headline" or story is None or story.kind != "article":
        return False
    if not story.body or story.body[-1][0] != "p" or above is None or above.role != "body":
        return False
    if shapes.ends_paragraph(story.body[-1][1]) or shapes.is_byline(story.body[-1][1]):
        return False
    if group[0].line_runs[0][0] == above.line_runs[-1][1]:
        return False
    text = group[0].text
    if shapes.is_subtitle_dash(text) or shapes.is_byline(text):
        return False
    return nxt is None or not shapes.starts_with_dateline(nxt.text)


def clause_line(group: list[Block], story: Draft | None, nxt: Block | None = None, across: bool = False) -> bool:
    """AS97: a head run of one line that holds a clause mark inside it (，、；), in a running article, on a
    page an engine read: a line of the story's own text OCR set apart between blanks (救、参与火灾扑救的能;
    9年前，我国首部深海4D电影), no headline. A headline parts its phrases with a space, or a label
    with a colon (社区那些事：……). Of the 22 lines it takes on the fit split's Tesseract pages, 21 are
    the text of a story, caption or note, one a section heading, none a title; the one title in the
    corpus with a comma inside is printed over its subtitle and byline (a run of more lines).

    >>> story = Draft("article", 1, body=[("p", "本报讯（通讯员 王欣）为进一步提高居民自救互")])
    >>> clause_line([Block("救、参与火灾扑救的能", 5, 5, role="headline")], story, Block("活动中，社区工作人员首先介绍了灭火器。", 7, 8))
    True
    >>> clause_line([Block("校园赛场展风采", 5, 5, role="headline")], story), clause_line([Block("救、参与火灾扑救的能", 5, 5, role="headline")], None)
    (False, False)

    Not a label's colon, a clause mark at the line's end only, a mark inside brackets, a ——subtitle,
    nor a line over a dateline or a head line (a story opens there).

    >>> clause_line([Block("社区那些事：汇率避险，再扩容", 5, 5, role="headline")], story)
    False
    >>> clause_line([Block("业密集推出主题消费产品，", 5, 5, role="headline")], story)
    False
    >>> clause_line([Block("共筑公益基石（城事，速览）", 5, 5, role="headline")], story)
    False
    >>> clause_line([Block("救、参与火灾扑救的能", 5, 5, role="headline")], story, Block("本报讯（记者 王欣）近日", 7, 7))
    False

    Nor a piece of a dump line read across a gutter (across: the line's other pieces went to other
    blocks), nor a line with a gutter's spaces inside it: pieces of several columns, no one story's text.

    >>> clause_line([Block("导向引领，召并", 5, 5, role="headline")], story, across=True)
    False
    >>> clause_line([Block("工精神抖扳、斗志昌扬，    结进取", 5, 5, role="headline")], story)
    False
    """
    if len(group) != 1 or group[0].role != "headline" or group[0].lines != 1 or across:
        return False
    if _GUTTER_RE.search(group[0].text.strip()):
        return False
    if story is None or story.kind != "article" or not story.body:
        return False
    text = _BRACKETED_RE.sub("", shapes.squeeze(group[0].text))
    if not _CLAUSE_INSIDE_RE.search(text[:-1]) or _LABEL_COLON_RE.search(text):
        return False
    if shapes.is_subtitle_dash(text) or shapes.is_byline(text):
        return False
    return nxt is None or (nxt.role not in ("headline", "column", "byline") and not shapes.starts_with_dateline(nxt.text))


def bracket_line(group: list[Block], story: Draft | None) -> bool:
    """AS51: a head line that opens with a round bracket, under a running article: a note of the story's
    own text (a span of days under a table, （25~23日）; a cross-reference, （详见[……](……)）), no headline. No
    title or section heading of the fit split's truth opens with a bracket; a column's tag closes a
    title, it does not open one. The line goes back into the story (the head lines under it are weighed
    on their own).

    >>> story = Draft("article", 1, body=[("p", "各地降水偏少，墒情总体适宜。")])
    >>> bracket_line([Block("（25~23日）", 5, 5, role="headline")], story), bracket_line([Block("(详见[用好活动]", 5, 5, role="headline")], story)
    (True, True)
    >>> bracket_line([Block("站好岗 放好哨（社区·那些事）", 5, 5, role="headline")], story), bracket_line([Block("（25~23日）", 5, 5, role="headline")], None)
    (False, False)

    Not a line a title runs on after the note, nor the first line of a longer head run (its title under it).

    >>> bracket_line([Block("（详见[察看玉米](www.example.cn/19)） 宁海一水电工11年献血", 5, 5, role="headline")], story)
    False
    >>> bracket_line([Block("（20~1日）", 5, 5, role="headline"), Block("清理小广告粉刷美环境", 6, 6, role="headline")], story)
    False
    """
    if len(group) != 1 or group[0].role != "headline" or story is None or story.kind != "article" or not story.body:
        return False
    text = shapes.squeeze(group[0].text)
    return bool(_OPENS_BRACKET_RE.match(text)) and not _HAN_AFTER_CLOSE_RE.search(text)


_OPENS_BRACKET_RE = regex.compile(r"^[（(]")
_HAN_AFTER_CLOSE_RE = regex.compile(r"[）)][^（）()]*\p{Han}[^（）()]*$")  # a head's text after the note: a title run on (……） 宁海一水电工……)
_CLAUSE_INSIDE_RE = regex.compile(r"\p{Han}[，、；,;]\s*\S")
_LABEL_COLON_RE = regex.compile(r"[：:]")
_GUTTER_RE = regex.compile(r"\s{2,}")  # a line read across a gutter: no one story's text
_BRACKETED_RE = regex.compile(r"[（(【〔][^）)】〕]*[）)】〕]")


def over_its_subtitle(heading: str, nxt: Block) -> bool:
    """AS41: a headline line that ends in a dash, over a dump line with no clause mark: the dash points on
    to its subtitle (如何在美国把贪官送进监狱—— / 法律用美国的：……对付中国贪官), so it heads a story, not a section.

    A section heading that ends in a dash has its section's running text under it, clauses and all.

    >>> sub = Block("法律用美国的：被用来修理黑帮的美国联邦法律也能“顺便”对付中国贪官在美国起诉中国贪官，不可能", 6, 7, cuts=(33,))
    >>> over_its_subtitle("如何在美国把贪官送进监狱——", sub), over_its_subtitle("如何在美国把贪官送进监狱", sub)
    (True, False)
    >>> over_its_subtitle("政策赋能，解开束缚转化的“细绳子”——", Block("2017年入职南京邮电大学后，王健在成果转化上遇到过困难", 6, 7))
    False
    >>> over_its_subtitle("——", sub)
    False
    """
    words = heading.rstrip()
    if not words.endswith(shapes.DASHES) or len(shapes.squeeze(words.rstrip("—-"))) < MIN_HEADLINE:
        return False  # (a dash alone, or a fragment's: no headline)
    first = nxt.text[:nxt.cuts[0]] if nxt.cuts else nxt.text
    return not CLAUSE_RE.search(first)


CLAUSE_RE = regex.compile(r"[，。；！？、,;!?]")  # (a colon parts a subtitle's kicker from the rest: 法律用美国的：……)


def printed_after(head: Head, last: Block | None, nxt: Block) -> bool:
    """AS34: a headline like the story above but not like the text under it, which is set in another column
    width than the story's last paragraph (by over COLUMN_CHANGE of the wider): printed after its story.

    A section goes on in its story's column; a story's headline printed under
    it stands where the next story, in a column of its own, starts. Both
    paragraphs must run over two lines (the first is then a full line).

    >>> last = Block("本报讯（记者 郑林）改善辖区卫生环境，开展清理小广告和墙体路面粉刷活动。", 24, 25, lines=2, measure=37)
    >>> nxt = Block("白山市委坚决贯彻中央和省委部署要求，系统构建领导体系。", 29, 33, lines=5, measure=19)
    >>> from dataclasses import replace
    >>> head = Head(title="清理小广告 粉刷美环境")
    >>> printed_after(head, last, nxt), printed_after(head, last, replace(nxt, measure=36))
    (True, False)
    >>> printed_after(head, last, replace(nxt, text="街道开展清理小广告和墙体路面粉刷活动，粉刷美环境。"))
    False
    """
    if last is None or last.lines < 2 or nxt.lines < 2 or min(last.measure, nxt.measure) <= 0:
        return False
    if abs(last.measure - nxt.measure) <= COLUMN_CHANGE * max(last.measure, nxt.measure):
        return False
    below = wordmatch.similarity(head, nxt.text, FOREIGN)  # None: under FOREIGN
    return below is None or below < FOREIGN


COLUMN_CHANGE = 0.25  # two paragraphs' full lines this far apart (of the wider) are set in two columns


def restated_in_section(heading: str, below: list[Block]) -> bool:
    """AS46: one of the first SECTION_SAYS paragraphs under a heading line repeats it word for word:
    the heading was cut from its section's sentences, as AS33's from the first one's.

    The text under it reads like it because it says it: no sign of the next story (a story's
    headline is rarely said word for word in its body past the lede). The run stops at a
    head line, which may head another story; further down, the text may be another story's
    (columns an extractor read across).

    >>> below = [Block("近日，学校举办运动会。", 6, 7), Block("赛场上，同学们奋勇争先，展现了拼搏精神。", 8, 9)]
    >>> restated_in_section("同学们奋勇争先", below), restated_in_section("同学们勇争先", below)
    (True, False)
    >>> restated_in_section("同学们奋勇争先", [below[0], Block("体育节", 7, 7, role="headline"), below[1]])
    False
    """
    for block in below[:SECTION_SAYS]:
        if block.role != "body":
            return False
        if restated(heading, block.text):
            return True
    return False


def restated(heading: str, text: str) -> bool:
    """AS33: the paragraph under a heading line repeats it word for word (MIN_HEADLINE characters at least).

    A section heading is cut from its section's own sentences; a story's
    headline restated in its lede comes with a dateline (本报讯……), which
    is_section_heading reads first. Punctuation and spaces aside.

    >>> restated("施肥量因地制宜", "“今年咱也按着新方法来施肥。根据变量施肥技术体系，施肥量因地制宜，精准到每块田。")
    True
    >>> restated("我深感抓工作不能 “瞎忙活”", "以前，大家都各忙各的，我深感抓工作不能“瞎忙活”。")
    True
    >>> restated("施肥量因地制宜", "根据变量施肥技术体系，施肥精准。"), restated("胜 摄", "……胜摄影作品展开幕。")
    (False, False)
    """
    words = _WORDS_ONLY_RE.sub("", heading)
    return len(words) >= MIN_HEADLINE and words in _WORDS_ONLY_RE.sub("", text)


_WORDS_ONLY_RE = regex.compile(r"[\p{P}\p{S}\s]+")


def _opens_with_lead(text: str) -> bool:
    """A story's lead, even cut by the extractor: no section of the story above goes on under it.

    >>> [_opens_with_lead(t) for t in ("据《某报》等多家媒体17日报道，", "8月12日电(记者王欢)美国", "怡）锂同位素", "工作中，专家组")]
    [True, True, True, False]
    """
    return bool(_LEAD_RE.search(text[:40]))


def _still_its_own(over: Head, story: Draft, section: str) -> bool:
    """The headline over a running story reads like its paragraphs above and below a heading (STILL_ITS_OWN).

    Both: a line the extractor took for a headline, over text it does not sum
    up, tells nothing of whose the section is.

    >>> story = Draft("article", 1, body=[("p", "为强化安全生产，专家组到烟厂评审指导。")])
    >>> _still_its_own(Head(title="提升安全水平"), story, "专家组深入车间，对安全设施严格检查。")
    True
    >>> _still_its_own(Head(title="11日7时35"), story, "专家组深入车间，11日对安全设施严格检查。")
    False
    """
    text = " ".join(text for _, text in story.body)
    return all((wordmatch.similarity(over, part, STILL_ITS_OWN) or 0.0) >= STILL_ITS_OWN for part in (text, section))


def _whole_headline(text: str) -> bool:
    """Phrases parted by a space, its quotes closed: a story's headline (no running head's row printed mid-page).

    >>> _whole_headline("校园赛场展风采 师生同心迎挑战"), _whole_headline("责任编辑 王明 校对 李华")
    (True, False)
    """
    return shapes.is_couplet(text) and text.count("“") == text.count("”") and not furniture.reads_as_running_head(text)


def _closes_a_quote(text: str) -> bool:
    """The first quotation mark is a closing one: the text goes on with a quotation opened above it.

    >>> _closes_a_quote("（TSMM）”技术方案，实现“调控”。"), _closes_a_quote("开展“阳光体育”活动。")
    (True, False)
    """
    marks = [c for c in text if c in "“”"]
    return bool(marks) and marks[0] == "”"

