"""Page furniture: the running head and foot set aside as the page's one `furniture` item.

Real pages print the paper's name, the date, 第N版 and a section name above the stories,
and 责任编辑 / 美编 / 校对 under them. Read as text they would become a title or a
sentence of the first story. A run of such lines from the page's first or last line is
furniture; inside the page, only a run of lines made of nothing but a head's pieces, two
of 第N版, a date and a paper's name among them (layout analysis puts the head between
columns): the same words alone or in a sentence are a story's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace

from . import shapes
from .model import Block, Item, Step
from .noise import as_read
from .rulebook import rule

_DIGIT = r"[0-9\]|?]"  # OCR reads a running head's 1 as 1] or ], a digit it cannot make out as ?
# a head's fields, shared by the tests below: 第N版, the weekday, a paper's name's end, the staff's roles
_PAGE = rf"第\s*(?:[0-9一二三四五六七八九十百]|{_DIGIT})+\s*版"
_WEEKDAY = r"(?:星期|周|週)[一二三四五六日天]"
_PAPER_END = r"[日晚时時早商周週晨][报報]"
_ROLES = "[责責]任[编編][辑輯]|本版[编編][辑輯]|[责責][编編]|美[编編]|校[对對]"
_FURNITURE_RE = re.compile(
    rf"{_PAGE}|{_ROLES}|\d{_DIGIT}{{2,4}}\s*年\s*{_DIGIT}{{1,3}}\s*月\s*{_DIGIT}{{1,3}}\s*日\s*{_WEEKDAY}|"
    rf"(?:^|\s{{3}})\S{{2,6}}{_PAPER_END}$"  # a paper's name alone, or last after a wide gap
)
_SENTENCE_RE = re.compile(r"[，。；！？,;!?]")
_MIN_PAGE = 12  # fewer printed lines than this are a snippet, not a page with a head and foot,
_MIN_CHARS = 500  # unless they hold this many characters (a dump with a paragraph a line)
_MAX_RUN = 6  # lines a running head or foot takes at most
_SPECKS = 4  # masthead specks in a row a head's run passes over at most (一 / 它 / 4 / 站 over 日报)
_SECTION_CHARS = 3  # a section name (要闻, 国际) is this short; four characters are a headline as often


@rule("FU01")
def reads_as_running_head(text: str) -> bool:
    """A page number, an edition date, a paper's name or a 责任编辑 line, with no sentence in it.

    >>> [reads_as_running_head(t) for t in ("第14版 要闻 吉林日报", "2018年5月8日 星期三", "责任编辑：刘莉　美编：东宣")]
    [True, True, True]
    >>> [reads_as_running_head(t) for t in ("四平日报", "證券日報", "上周星期三，社区开展活动。", "记者从第3版获悉，")]
    [True, True, False, False]

    OCR's misreadings of a head's figures (第1]版, 2013年1]月10日 星期五, 第]版) leave it a head.

    >>> [reads_as_running_head(t) for t in ("第1]版", "2013年1]月10日 星期五", "第]版", "2021]年9月19日 星期一")]
    [True, True, True, True]

    A digit read as ? is no question mark: only the text around a head's fields can hold a sentence.

    >>> reads_as_running_head("第?版"), reads_as_running_head("第1?版 要闻"), reads_as_running_head("第几版?")
    (True, True, False)

    OCR reads a head's row as one line, its pieces parted by wide gaps (财经        人民日报).

    >>> reads_as_running_head("财经                   人民日报"), reads_as_running_head("社区 人民日报社记者")
    (True, False)
    >>> reads_as_running_head("城市晚报" + " " * 60 + "2012年6月22日 星期五")  # the gaps are no printed text
    True
    """
    text = mend_staff_line(text.strip())  # the quote and comma OCR reads in a staff line's gaps are no sentence
    printed = len("".join(text.split()))  # OCR pads a head's row out to the page's width with spaces
    return printed <= 60 and bool(_FURNITURE_RE.search(text)) and not _SENTENCE_RE.search(_FURNITURE_RE.sub("", text))


@rule("FU02")
def names_a_section(text: str) -> bool:
    """A word or two with no punctuation, set beside the running head: the page's section (经济, 视点).

    >>> names_a_section("综合"), names_a_section("经济 聚焦"), names_a_section("编者按"), names_a_section("公司否认")
    (True, False, False, False)
    """
    text = text.strip()
    if not 2 <= len(text) <= _SECTION_CHARS or shapes.NOTE_RE.match(text):
        return False  # a phrase space (经济 聚焦) makes a column label; 编者按 opens a note
    return all(ch.isalpha() for ch in text) and not text.isascii()


@rule("FU07")
def is_masthead_speck(text: str) -> bool:
    """One printed character alone on a line: between a head's lines, a speck of the masthead (noise).

    Tesseract reads the masthead's picture as a character or a mark a line (一 / 它 / 4 / 站
    over 日报); the run of head lines goes on past them, and they go to the `noise` item.

    >>> is_masthead_speck("它"), is_masthead_speck(" 4 "), is_masthead_speck("日报"), is_masthead_speck("|吃")
    (True, True, False, False)
    """
    return len(shapes.squeeze(text)) == 1


_PIECE_RE = re.compile(
    rf"\s*(?:(?P<date>{_DIGIT}{{4}}\s*年\s*{_DIGIT}{{1,2}}\s*月\s*{_DIGIT}{{1,2}}\s*日(?:\s*{_WEEKDAY})?)(?=\s|$)"
    rf"|(?P<page>{_PAGE})(?=\s|$)"
    rf"|(?P<paper>[^\W\d_]{{2,6}}?{_PAPER_END})(?=\s|$|{_PAGE}(?:\s|$))"  # pdftotext runs a name into 第N版 under it
    rf"|(?P<section>[^\W\d_]{{2,3}})(?=\s|$))"
)


def pieces(text: str) -> list[tuple[str, str]] | None:
    """A head line's pieces, (kind, text) in the order printed, if it holds only a head's pieces.

    >>> pieces("证券日报第9版"), pieces("2013年4月9日 星期三 第7版"), pieces("社区开展活动")
    ([('paper', '证券日报'), ('page', '第9版')], [('date', '2013年4月9日 星期三'), ('page', '第7版')], None)
    """
    found, at = [], 0
    while at < len(text) and (match := _PIECE_RE.match(text, at)) and match.end() > at:
        found.append((match.lastgroup, match.group().strip()))
        at = match.end()
    return None if text[at:].strip() or not found else found


def piece_order(text: str) -> list[str] | None:
    """The kinds of a head line's pieces in the order printed, if it holds only a head's pieces.

    >>> piece_order("第 9 版 民生 2013年4月9日 星期三"), piece_order("责任编辑：王欣")
    (['page', 'section', 'date'], None)
    """
    found = pieces(text)
    return None if found is None else [kind for kind, _ in found]


def head_pieces(text: str) -> frozenset[str] | None:
    """What a head line is made of, if only of a head's pieces: date, page, paper (its name) and section.

    >>> sorted(head_pieces("第 9 版 民生")), sorted(head_pieces("2013年4月9日 星期三"))
    (['page', 'section'], ['date'])
    >>> head_pieces("责任编辑：王欣 美编：东宣") is None
    True

    Short words and nothing else, more than one, are a column label or a headline (社区 那些事,
    站好岗 放好哨): a head prints one section name.

    >>> head_pieces("社区 那些事") is None, sorted(head_pieces("综合"))
    (True, ['section'])
    """
    kinds, at, sections = set(), 0, 0
    while at < len(text):
        match = _PIECE_RE.match(text, at)
        if not match or match.end() == at:
            break
        kinds.add(match.lastgroup)
        sections += match.lastgroup == "section"
        at = match.end()
    if text[at:].strip() or (kinds == {"section"} and sections > 1):
        return None
    return frozenset(kinds)


@rule("FU03")
def pieces_of_one_row(row: frozenset[str] | None, line: frozenset[str] | None, opens_head: bool = False) -> bool:
    """A line of a head's pieces goes on the printed row above (第7版 / 综合 / 2013年9月23日 星期六).

    Extractors put a row's pieces on lines of their own; the contract wants a paragraph a
    printed line. Both lines are a head's pieces and none is printed twice; a paper's name
    that opens the head is its own line (a masthead) when 第N版 comes next, but leads the row
    when its date alone does (2 in 3 such fit layouts).

    >>> pieces_of_one_row(frozenset({"page"}), frozenset({"section"}))
    True
    >>> pieces_of_one_row(frozenset({"page", "section"}), frozenset({"page"}))  # a second page: a second row
    False
    >>> pieces_of_one_row(frozenset({"paper"}), frozenset({"page"}), opens_head=True)
    False
    >>> pieces_of_one_row(frozenset({"paper"}), frozenset({"date"}), opens_head=True)
    True
    >>> pieces_of_one_row(frozenset({"page", "section"}), None)  # 责任编辑 …: a line of its own
    False
    """
    if row is None or line is None or row & line:
        return False
    return not (opens_head and row == {"paper"} and line != {"date"})


@rule("FU08")
def masthead_over_row(row: frozenset[str] | None, line: frozenset[str] | None) -> bool:
    """A paper's name alone, read right after a head row's first piece: the masthead printed over the row.

    A masthead set big and centred above the date and 第N版 is read after the row's first piece
    (2018年4月25日 星期二 / 证券日报 / 第9版): a row of its own, first; the pieces after it go on
    the row it interrupted. A name printed in the row follows two of its pieces (第7版 / 综合 /
    吉林日报 / 2013年9月23日); opening the head, it stays where FU03 puts it.

    >>> masthead_over_row(frozenset({"date"}), frozenset({"paper"}))
    True
    >>> masthead_over_row(frozenset({"page", "section"}), frozenset({"paper"}))  # a name inline
    False
    >>> masthead_over_row(None, frozenset({"paper"})), masthead_over_row(frozenset({"date"}), frozenset({"page"}))
    (False, False)
    """
    return row is not None and len(row) == 1 and line == {"paper"} and "paper" not in row


_ROLE_RE = re.compile(_ROLES)
_DATE_SPACE_RE = re.compile(rf"(?<={_DIGIT})\s+(?=[年月日])|(?<=[第年月])\s+(?={_DIGIT})|(?<=\d)\s+(?=版)")


@rule("FU04")
def space_head_fields(text: str) -> str:
    """A head's fields spaced as printed (第 9 版, 2019年6月28日星期三, 责任编辑高野鹏美编王斌).

    No extractor's space beside a date's or page's figures; one space between the date and its
    weekday, and between a 责任编辑 line's roles and names.

    >>> space_head_fields("第 9 版 民生 吉林日报 2017 年 11 月 5 日 星期一")
    '第9版 民生 吉林日报 2017年11月5日 星期一'
    >>> space_head_fields("2019年6月28日星期三"), space_head_fields("责任编辑高野鹏美编王斌校对李照星")
    ('2019年6月28日 星期三', '责任编辑 高野鹏 美编 王斌 校对 李照星')
    >>> space_head_fields("责任编辑：王欣 美编：东宣"), space_head_fields("本版编辑 魏静 校对 李照星")
    ('责任编辑：王欣 美编：东宣', '本版编辑 魏静 校对 李照星')
    """
    text = _DATE_SPACE_RE.sub("", text)
    text = re.sub(rf"(?<=日)(?={_WEEKDAY})", " ", text)
    if _ROLE_RE.match(text):  # a staff line: roles and names apart where the extractor ran them together
        text = _ROLE_RE.sub(lambda m: f" {m.group()} ", text)
        text = re.sub(r"\s+(?=[：:])", "", " ".join(text.split()))
    return text


# Tesseract reads the wide gap between a staff line's name and the next role as a quote mark, a comma, or
# both (王欣，”美编), and the full-width colon after a role as a half-width one (责任编辑: 王欣)
_STAFF_GAP_RE = re.compile(rf"\s*(?:[，,]\s*[“”\"]*|[“”\"]+)\s*(?={_ROLES})")
_STAFF_COLON_RE = re.compile(rf"({_ROLES})\s*:\s*")


@rule("FU05")
def mend_staff_line(text: str) -> str:
    """A staff line's gaps and colons as printed: the quote or comma OCR read in a gap a space, : a ：.

    >>> mend_staff_line("责任编辑: 王欣，”美编: 东宣"), mend_staff_line("本版编辑 杨淼叶 “校对 陈新宇")
    ('责任编辑：王欣 美编：东宣', '本版编辑 杨淼叶 校对 陈新宇')
    >>> mend_staff_line("责任编辑: 林青远“”美编: 东宣"), mend_staff_line("责任编辑 魏静 美编 杨翠叶 校对 邓建胜")
    ('责任编辑：林青远 美编：东宣', '责任编辑 魏静 美编 杨翠叶 校对 邓建胜')

    Only a line a role opens is a staff line: a quote or comma before 校对 in a sentence stays.

    >>> mend_staff_line("他说，“校对工作很重要”")
    '他说，“校对工作很重要”'
    """
    if not _ROLE_RE.match(text):
        return text
    return _STAFF_COLON_RE.sub(r"\1：", _STAFF_GAP_RE.sub(" ", text))


# a date's or page number's figures with OCR's ] in them (2021]年, 1]月, 第]版)
_HEAD_FIGURES_RE = re.compile(r"(?<=第)\s*[0-9\]]*\][0-9\]]*(?=\s*版)|(?<![\[0-9\]])[0-9\]]*\][0-9\]]*(?=\s*[年月日])")
_MOST = {"月": 12, "日": 31}  # a figure past these (20211年, 111月) has a ] too many, not a 1 misread


@rule("FU06")
def restore_head_figures(text: str) -> str:
    """A running head's date and page number as printed where OCR read a 1 as ] (第]版, 2013年1]月10日).

    A ] in a figure is its 1, unless a 1 there makes a year of five figures or a month or day
    that no calendar has: then OCR set the ] beside the figure, and it goes.

    >>> restore_head_figures("第]版"), restore_head_figures("第1]版 综合"), restore_head_figures("2013年1]月10日 星期五")
    ('第1版', '第11版 综合', '2013年11月10日 星期五')
    >>> restore_head_figures("2021]年9月19日 星期一"), restore_head_figures("2016年11]月9日"), restore_head_figures("2017年]月4日")
    ('2021年9月19日 星期一', '2016年11月9日', '2017年1月4日')
    >>> restore_head_figures("第?版"), restore_head_figures("[1]年报")  # a digit OCR could not make out stays
    ('第?版', '[1]年报')
    """
    if "]" not in text:
        return text

    def figure(match: re.Match) -> str:
        ones, bare = match.group().replace("]", "1"), match.group().replace("]", "")
        unit = text[match.end():].lstrip()[:1]
        fits = len(ones.strip()) == 4 if unit == "年" else unit not in _MOST or 1 <= int(ones) <= _MOST[unit]
        return ones if fits or not bare.strip() else bare

    return _HEAD_FIGURES_RE.sub(figure, text)


def mended_characters(dump: str) -> tuple[Counter[str], Counter[str]]:
    r"""What FU05 and FU06 take from, and give, the dump's lines that read as a running head or foot:
    the one change to printed characters `conserve` lets furniture make (canonical forms, as it counts).

    >>> gone, added = mended_characters("责任编辑: 王欣，”美编: 东宣\n第1]版\n他说，“校对”")
    >>> sorted(gone.elements()), sorted(added.elements())
    (['"', ',', ']'], ['1'])
    """
    from .conserve import printed_characters  # (conserve counts with this module's help)

    gone: Counter[str] = Counter()
    added: Counter[str] = Counter()
    for line in dump.splitlines():
        line = as_read(line)
        if "]" not in line and not _ROLE_RE.match(line) or not reads_as_running_head(line):
            continue
        was, now = printed_characters(line), printed_characters(restore_head_figures(mend_staff_line(line)))
        gone, added = gone + (was - now), added + (now - was)
    return gone, added


@dataclass(frozen=True, slots=True)
class Split:
    """The lines left for the stories (furniture blanked), and the furniture's printed rows:
    each with the dump lines it was read from; and the masthead's specks, blanked too."""

    kept: list[tuple[int, str]]
    furniture: list[tuple[tuple[int, ...], str]]
    specks: tuple[tuple[int, str], ...] = ()  # lines of the head's masthead picture (FU07), for the noise item
    section: tuple[int, str] | None = None  # (line, text): the head's section name set alone in the page (FU09)


def split_furniture(numbered: list[tuple[int, str]], trace: list[Step] | None = None, junky: bool = False) -> Split:
    """Numbered lines -> Split: the running head (from the first line) and foot (to the last).
    `junky`: the page had junk set aside (OCR), whose lone short words are as often specks (no FU09)."""
    if not _is_page(numbered):
        return Split(numbered, [])
    head = _edge_run(numbered, range(len(numbered)))
    in_head = {k for k, _ in head}
    foot = [(k, code) for k, code in _edge_run(numbered, range(len(numbered) - 1, -1, -1))[::-1] if k not in in_head]
    taken = in_head | {k for k, _ in foot}
    inner = [run for run in _inner_runs(numbered, edged=bool(head or foot)) if not taken.intersection(k for k, _ in run)]
    inner = _one_page_number(numbered, [head, foot], inner)
    if not head and not foot and not inner:
        return Split(numbered, [])
    taken |= {k for run in inner for k, _ in run}
    inner += [[(k, "FU01")] for k in _staff_lines(numbered) if k not in taken]
    kept = list(numbered)
    for k, code in (*head, *foot, *(step for run in inner for step in run)):
        no, text = numbered[k]
        kept[k] = (no, "")  # a blank in its place: nothing joins across the head
        if trace is not None:
            trace.append(Step(code, "masthead-speck" if code == "FU07" else "running-head-or-foot", no, no, text,
                              "(noise)" if code == "FU07" else "(furniture)"))
    specks = tuple((numbered[k][0], as_read(numbered[k][1])) for k, code in (*head, *foot) if code == "FU07")
    head, foot = ([step for step in run if step[1] != "FU07"] for run in (head, foot))
    furniture = []
    # one reading of all the runs' lines in dump order: layout analysis puts a row's pieces in different runs
    lines = sorted(k for run in (head, *inner, foot) for k, _ in run)
    furniture = _rows([(numbered[k][0], as_read(numbered[k][1])) for k in lines], trace)
    split = Split(kept, furniture, specks)
    return split if junky else _lone_section(split, numbered, taken)


def _lone_section(split: Split, numbered: list[tuple[int, str]], taken: set[int]) -> Split:
    """The head's section name set alone inside the page (FU09), noted, not taken out yet: a head found
    with one 第N版 row and no section name, and one such line on the page."""
    rows = [k for k, (_, text) in enumerate(split.furniture) if "page" in (head_pieces(text) or ())]
    if len(rows) != 1 or any("section" in (head_pieces(text) or ()) for _, text in split.furniture):
        return split
    lone = [k for k in range(len(numbered)) if k not in taken and names_section_alone(numbered, k)]
    if len(lone) != 1:
        return split  # two lone short words: no telling which is the head's
    no, text = numbered[lone[0]]
    return replace(split, section=(no, text.strip()))


def place_section(split: Split, blocks: list[Block], trace: list[Step] | None = None) -> tuple[Split, list[Block]]:
    """The section name noted (FU09) put on the head's 第N版 row and its block taken out, where the stages up to
    classify left its line a block of its own (taken out at furniture, its place no longer parted what the column,
    join and classify stages read apart: CW08 paired two column labels across it, CL05 read a paragraph over a
    credit as a caption)."""
    if split.section is None:
        return split, blocks
    no, text = split.section
    alone = [b for b in blocks if b.first == b.last == no and shapes.squeeze(b.text) == shapes.squeeze(text)]
    if alone:
        blocks = [b for b in blocks if b is not alone[0]]
    else:  # FU13: joined into the paragraph it stood in, it comes out of it (……执法资格 / 社区 / 后，足协……)
        printed = {n for n, line in split.kept if line.strip()}
        cut = [(k, rest) for k, b in enumerate(blocks) if (rest := cut_line_out(b, no, text, printed)) is not None]
        if len(cut) != 1:
            return split, blocks
        (k, rest), = cut
        if trace is not None:
            trace.append(Step("FU13", "section-name-out-of-paragraph", blocks[k].first, blocks[k].last, blocks[k].text, rest.text))
        blocks = [*blocks[:k], rest, *blocks[k + 1:]]
    row = next(k for k, (_, line) in enumerate(split.furniture) if "page" in (head_pieces(line) or ()))
    nos, joined = split.furniture[row]
    furniture = list(split.furniture)
    furniture[row] = (tuple(sorted((*nos, no))), _after_page(joined, text))
    if trace is not None:
        trace.append(Step("FU09", "lone-section-name", no, no, text, "(furniture) " + furniture[row][1]))
    return replace(split, furniture=furniture, section=None), blocks


@rule("FU13")
def cut_line_out(block: Block, no: int, text: str, printed: set[int]) -> Block | None:
    """The block without dump line `no` (the head's section name, `text`), where the join stage ran it in.

    pdfminer and pdftotext set the head's section name alone between a paragraph's lines; the join
    stage reads over the blanks round it (……执法资格 / 社区 / 后，足协……). `printed`: the dump's lines with text.

    >>> b = Block("王迪通过抽签获本场比赛执法资格社区后，足协曾有人提议", 1, 5, lines=3, cuts=(15, 17))
    >>> cut_line_out(b, 3, "社区", {1, 3, 5}).text
    '王迪通过抽签获本场比赛执法资格后，足协曾有人提议'
    >>> cut_line_out(b, 3, "经济", {1, 3, 5}) is None, cut_line_out(b, 4, "社区", {1, 3, 5}) is None
    (True, True)
    """
    nos = [n for first, last in block.line_runs for n in range(first, last + 1) if n in printed]
    if block.lines < 2 or len(nos) != block.lines or no not in nos:
        return None
    k = nos.index(no)
    bounds = [0, *block.cuts, len(block.text)]
    if len(bounds) != len(nos) + 1 or shapes.squeeze(block.text[bounds[k]:bounds[k + 1]]) != shapes.squeeze(text):
        return None
    rest, size = block.text[:bounds[k]] + block.text[bounds[k + 1]:], bounds[k + 1] - bounds[k]
    bounds = [*bounds[:k + 1], *(at - size for at in bounds[k + 2:])]
    runs = tuple((a, b) for first, last in block.line_runs
                 for a, b in ((first, min(last, no - 1)), (max(first, no + 1), last)) if a <= b)
    left = [n for n in nos if n != no]
    return replace(block, text=rest, first=left[0], last=left[-1], lines=block.lines - 1, cuts=tuple(bounds[1:-1]),
                   runs=() if runs == ((left[0], left[-1]),) else runs)


def _after_page(row: str, section: str) -> str:
    """A head row with its section name put right after its 第N版, where a head prints it.

    >>> _after_page("第9版 2020年1月26日 星期二", "财经"), _after_page("2020年1月26日 星期二 第9版", "财经")
    ('第9版 财经 2020年1月26日 星期二', '2020年1月26日 星期二 第9版 财经')
    """
    match = _PAGE_RE.search(row)
    return f"{row[:match.end()]} {section}{row[match.end():]}" if match else f"{row} {section}"


@rule("FU09")
def names_section_alone(numbered: list[tuple[int, str]], k: int) -> bool:
    """A section name (FU02) alone between blank lines inside the page: the running head's, set apart.

    pdfminer's layout analysis puts the head's section name (经济, 要闻) anywhere on the page, where it
    became a story's title (no title is two or three characters); where the head found has a page
    number and no section name, the page's one such line goes on the head's 第N版 row.

    >>> lines = list(enumerate(["第6版", "", "正文。", "", "经济", "", "推进乡镇综合执法"]))
    >>> names_section_alone(lines, 4), names_section_alone(lines, 6), names_section_alone(lines, 0)
    (True, False, False)
    """
    text = numbered[k][1].strip()
    if not names_a_section(text) or head_pieces(text) != {"section"}:
        return False
    return all(j < 0 or j >= len(numbered) or not numbered[j][1].strip() for j in (k - 1, k + 1))


def _rows(lines: list[tuple[int, str]], trace: list[Step] | None) -> list[tuple[tuple[int, ...], str]]:
    """One run's lines -> its printed rows: OCR's misreadings mended (FU05, FU06) before the pieces an
    extractor put on lines of their own are joined (FU03: 2021]年 is no date's piece till then), the
    head's fields spaced as printed (FU04)."""
    rows: list[tuple[tuple[int, ...], str]] = []
    kinds: frozenset[str] | None = None
    repaired: dict[int, str] = {}
    for no, text in lines:
        for code, name, repair in _LINE_REPAIRS:
            text = _traced(code, name, repair, (no,), text, trace)
        repaired[no] = text
        own = head_pieces(text)
        if rows and masthead_over_row(kinds, own):
            rows.insert(len(rows) - 1, ((no,), text))  # the row it interrupted goes on under it
            if trace is not None:
                trace.append(Step("FU08", "masthead-over-row", no, no, text, text + " ⏎ " + rows[-1][1]))
        elif rows and pieces_of_one_row(kinds, own, opens_head=len(rows) == 1 and len(rows[0][0]) == 1):
            nos, joined = rows[-1]
            rows[-1] = ((*nos, no), f"{joined} {text}")
            kinds = kinds | own
            if trace is not None:
                trace.append(Step("FU03", "join-head-row", nos[0], no, joined + " ⏎ " + text, rows[-1][1]))
        else:
            rows.append(((no,), text))
            kinds = own
    rows = _regroup(rows, repaired, trace)
    return [(nos, _traced("FU04", "space-head-fields", space_head_fields, nos, text, trace)) for nos, text in rows]


@rule("FU12")
def one_row_of_date_and_page(rows: list[str]) -> list[str]:
    """A head's date, page number and section name on one row, its paper's name over it, where they were read apart.

    A head prints its date and 第N版 on one row, the section name right after 第N版 (经济, 要闻). Layout
    analysis reads the pieces in an order of its own (pdfminer: 第7版 / 四平日报 / 综合 / 2013年9月23日
    星期六), pdftotext runs the masthead into the 第N版 under it (证券日报第9版). The row is put back in
    the order the pieces give: the date first if it was read before 第N版 and the section name (or 第N版
    stood under the masthead, mid-row), else last. The paper's name read right before the date, or after
    the whole row, is the row's (第7版 综合 吉林日报 2013年…); read elsewhere, it is the masthead over it.

    >>> one_row_of_date_and_page(["第7版", "四平日报", "综合 2013年9月23日 星期六", "责任编辑：王欣"])
    ['四平日报', '第7版 综合 2013年9月23日 星期六', '责任编辑：王欣']
    >>> one_row_of_date_and_page(["2020年1月26日 星期二", "证券日报第9版", "财经"])
    ['证券日报', '2020年1月26日 星期二 第9版 财经']
    >>> one_row_of_date_and_page(["第9版 民生", "吉林日报 2017年11月5日 星期一"])
    ['第9版 民生 吉林日报 2017年11月5日 星期一']
    >>> one_row_of_date_and_page(["证券日报第9版 财经 2020年1月26日 星期二"])  # the masthead over 第N版
    ['证券日报', '2020年1月26日 星期二 第9版 财经']

    A row printed whole, a row an extractor read as one line (its order is the print's: 要闻 before 第2版
    here), or a head with two dates or two page numbers, stays as read.

    >>> one_row_of_date_and_page(["要闻 第2版 2020年8月26日 星期三"])
    ['要闻 第2版 2020年8月26日 星期三']

    >>> one_row_of_date_and_page(["四平日报", "第7版 综合 2013年9月23日 星期六"])
    ['四平日报', '第7版 综合 2013年9月23日 星期六']
    >>> one_row_of_date_and_page(["第14版 科技", "第15版 要闻", "2025年2月1日 星期日"])
    ['第14版 科技', '第15版 要闻', '2025年2月1日 星期日']
    """
    numbered = [((k,), text) for k, text in enumerate(rows)]
    return [text for _, text in _regroup(numbered, dict(enumerate(rows)), None)]


def _regroup(rows: list[tuple[tuple[int, ...], str]], lines: dict[int, str],
             trace: list[Step] | None) -> list[tuple[tuple[int, ...], str]]:
    """FU12 on a head's rows, each with the dump lines (as repaired) it was read from."""
    read: list[list[tuple[str, str, int]] | None] = []  # a row's pieces (kind, text, line), or None: no head row
    for nos, _ in rows:
        got = [(kind, text, no) for no in nos for kind, text in pieces(lines[no]) or [("", "")]]
        read.append(None if any(not kind for kind, _, _ in got) else got)
    flat = [piece for row in read if row for piece in row]
    kinds = Counter(kind for kind, _, _ in flat)
    if kinds["date"] != 1 or kinds["page"] != 1 or kinds["paper"] > 1 or kinds["section"] > 1:
        return rows
    at = {kind: k for k, row in enumerate(read) for kind, _, _ in row or ()}
    page_row = [kind for kind, _, _ in read[at["page"]]]
    follows = "section" not in kinds or page_row[page_row.index("page") + 1:page_row.index("page") + 2] == ["section"]
    order = [kind for kind, _, _ in flat]  # as read: rows are in dump order, a row's pieces as printed
    piece = {kind: (text, no) for kind, text, no in flat}
    # a name run into 第N版 (证券日报第9版) is the masthead over it: 第N版 mid-row, the date before it
    glued = "paper" in kinds and piece["paper"][1] == piece["page"][1] and piece["paper"][0] + piece["page"][0] in lines[piece["page"][1]]
    # a name read after the date's row (2013年4月9日 星期三 第7版 社区 环球时报): the row's left end, read last
    trailing = "paper" in kinds and order[-1] == "paper" and at["paper"] == at["date"]
    if at["date"] == at["page"] and follows and not glued and not trailing:
        return rows
    if len({no for _, _, no in flat}) == 1 and not glued:  # one line read whole is in print order, whatever it is
        return rows
    date_first = glued or all(order.index("date") < order.index(kind) for kind in ("page", "section") if kind in kinds)
    inline = not glued and "paper" in kinds and (trailing or order.index("paper") + 1 == order.index("date"))
    main = [*(("paper",) if inline else ()), "date", "page", "section"] if date_first else \
        ["page", "section", *(("paper",) if inline else ()), "date"]
    main = [kind for kind in main if kind in kinds]
    head = ([["paper"]] if "paper" in kinds and not inline else []) + [main]
    # (a line run together from two rows is either row's)
    rebuilt = [(tuple(sorted({piece[kind][1] for kind in row})), " ".join(piece[kind][0] for kind in row)) for row in head]
    first = min(k for k, row in enumerate(read) if row)
    out = [row for k, row in enumerate(rows) if read[k] is None]
    out[first:first] = rebuilt
    if trace is not None:
        trace.append(Step("FU12", "one-row-of-date-and-page", min(piece[k][1] for k in kinds), max(piece[k][1] for k in kinds),
                          " ⏎ ".join(text for k, (_, text) in enumerate(rows) if read[k]), " ⏎ ".join(text for _, text in rebuilt)))
    return out


_LINE_REPAIRS = (("FU05", "mend-staff-line", mend_staff_line), ("FU06", "restore-head-figures", restore_head_figures))


def _traced(code: str, name: str, repair, nos: tuple[int, ...], text: str, trace: list[Step] | None) -> str:
    fixed = repair(text)
    if fixed != text and trace is not None:
        trace.append(Step(code, name, nos[0], nos[-1], text, fixed))
    return fixed


def _inner_runs(numbered: list[tuple[int, str]], edged: bool = False) -> list[list[tuple[int, str]]]:
    """Runs of lines inside the page made only of a head's pieces, with two of 第N版, a date and
    a paper's name among them (环球时报 / 第7版 / 社区): the running head that an extractor's
    layout analysis put between the columns. A lone 第3版 or date stays the story's, unless the
    page's edge shows a head or foot (edged) and it reads as one (FU01: a date with its weekday)."""
    runs, run, kinds = [], [], set()
    for k, (_, text) in enumerate(numbered + [(0, "。")]):  # (a sentence closes the last run)
        text = text.strip()
        if not text:
            continue
        pieces = head_pieces(text) if _printed(text) <= _HEAD_LINE and not shapes.NOTE_RE.match(text) else None
        if pieces:
            run.append((k, "FU01" if reads_as_running_head(text) else "FU02"))
            kinds |= pieces
            continue
        marked = kinds & _HEAD_MARKS
        if len(marked) >= 2 or edged and marked and any(code == "FU01" for _, code in run):
            runs.append(run)
        run, kinds = [], set()
    return runs


def _one_page_number(numbered, edges: list[list[tuple[int, str]]], inner: list[list[tuple[int, str]]]):
    """A page prints one number: a lone 第N版 inside it, beside another number, is a jump's (转第3版)."""
    def numbers(run) -> set[str]:
        return {"".join(m.group().split()) for k, _ in run for m in _PAGE_RE.finditer(numbered[k][1])}
    lone = [len(run) == 1 and numbers(run) for run in inner]
    seen = set().union(*map(numbers, edges), *(numbers(run) for run, alone in zip(inner, lone) if not alone))
    return [run for run, alone in zip(inner, lone) if not alone or not seen or alone <= seen]


_PAGE_RE = re.compile(_PAGE)


def _staff_lines(numbered: list[tuple[int, str]]) -> list[int]:
    """Lines that are a page's staff line (责任编辑 … 美编 … 校对 …) wherever the extractor put it."""
    return [k for k, (_, text) in enumerate(numbered)
            if _ROLE_RE.match(text.strip()) and _printed(text) <= _HEAD_LINE and reads_as_running_head(text)]


_HEAD_LINE = 40  # printed characters a line of a head's pieces holds at most


def _printed(text: str) -> int:
    """A line's printed characters: OCR pads a head's row with spaces out to the page's width.

    >>> _printed("经济" + " " * 52 + "长春晚报")
    6
    """
    return len("".join(text.split()))
_HEAD_MARKS = {"date", "page", "paper"}  # the pieces a story's text seldom prints on a line alone


def _is_page(numbered: list[tuple[int, str]]) -> bool:
    """Enough printed lines, or characters, to be a page with a head and foot (looks no further than that)."""
    lines = chars = 0
    for _, text in numbered:
        if text.strip():
            lines, chars = lines + 1, chars + len(text)
            if lines >= _MIN_PAGE or chars >= _MIN_CHARS:
                return True
    return False


def _edge_run(numbered: list[tuple[int, str]], order: range) -> list[tuple[int, str]]:
    """The printed lines from the page's edge inward that are furniture, with the rule that says so,
    if one of them reads as a running head (FU01): section names alone are no running head (a page
    may open with a short headline). A head prints one section name a page number: a second short
    word is a headline's (站好岗 / 放好哨 under 第7版 / 国际).

    >>> lines = list(enumerate(["第7版", "国际", "四平日报", "站好岗", "放好哨", "——种好社区治理"]))
    >>> [lines[k][1] for k, _ in _edge_run(lines, range(len(lines)))]
    ['第7版', '国际', '四平日报']

    A speck (FU07) between the head's lines is in the run, four in a row at most (a paper's name read a
    piece a line); before its first or after its last it is the page's (爱, a big headline's first
    character read alone; a headline set upright, read a character a line, under the staff line).

    >>> lines = list(enumerate(["第7版", "一", "它", "日报", "2013年9月23日 星期六", "爱", "国教育进校园"]))
    >>> [(lines[k][1], code) for k, code in _edge_run(lines, range(len(lines)))][1:]
    [('一', 'FU07'), ('它', 'FU07'), ('日报', 'FU02'), ('2013年9月23日 星期六', 'FU01')]
    """
    run: list[tuple[int, str]] = []
    specks: list[tuple[int, str]] = []  # passed over, in the run once a head line follows them
    lines = 0
    named = False  # a section name is in the run since its last page number
    for k in order:
        text = numbered[k][1]
        if not text.strip():
            continue
        code = "FU01" if reads_as_running_head(text) else "FU02" if names_a_section(text) else None
        if code is None and run and len(specks) < _SPECKS and is_masthead_speck(text):
            specks.append((k, "FU07"))
            continue
        if code is None or lines == _MAX_RUN or code == "FU02" and named:
            break
        pieces = head_pieces(text) or frozenset()
        named = "section" in pieces or named and "page" not in pieces
        run += [*specks, (k, code)]
        specks, lines = [], lines + 1
    return run if any(code == "FU01" for _, code in run) else []


def with_furniture_item(items: list[Item], split: Split) -> list[Item]:
    """The page's items with its one `furniture` item, in place by its earliest line (none without furniture)."""
    if not split.furniture:
        return items
    item = Item("furniture", split.furniture[0][0][0], body=tuple(("p", text) for _, text in split.furniture),
                spans=tuple(dict.fromkeys((no, no, "furniture") for nos, _ in split.furniture for no in nos)))
    at = bisect.bisect_right([i.first for i in items], item.first)
    return [*items[:at], item, *items[at:]]
