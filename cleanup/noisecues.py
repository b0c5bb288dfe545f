"""The noise stage's cues (NZ02–NZ12, NZ14–NZ22, NZ25, NZ50–NZ53): what a line and its page show of junk.

Each cue is a small pure function giving a number, most of them a share in
[0, 1]; cleanup/noise.py weighs them (rules/noise.toml) and decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

from . import lexicon, shapes
from .rulebook import rule

_LATIN_RUN_RE = re.compile(r"[A-Za-z]+")
# stdlib re with the Han blocks spelled out: several times faster than regex's \p{Han} on every line
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
HAN_CHAR_RE = re.compile(f"[{HAN}]")
_HAN_RUN_RE = re.compile(f"[{HAN}]+")
CLAUSE_MARKS = frozenset("，。、；：,;:")
_HAN_PAIR_RE = re.compile(f"(?=([{HAN}]{{2}}))")
_LETTER_RE = re.compile(r"[^\W\d_]")
_BULLET_NAME_RE = re.compile(f"\\S[ \u3000]{{1,2}}[{HAN}]{{2,3}}")  # one mark, one gap, one name
_WIDE_GAP_RE = re.compile(r"\S( {3,}|\t|\u3000{2,})\S")
# what running text prints besides Han, letters and digits; anything else is a symbol OCR made of a picture
VERTICAL_MARKS = "".join(map(chr, (*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE50))))  # ﹃﹄︵︶: vertical text's
_TEXT_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉「」『』【】—…·,.;:?!()\"'%％+-/℃°～~·．" + VERTICAL_MARKS)
SENTENCE_END = frozenset("。！？；…”’）」』》.!?;")
# shapes OCR makes of a picture's edges, rules and hatching (whatever the page): Han characters
# of a few straight strokes, the straight marks text prints too, capitals of straight strokes
# (| # _ = are symbols text never prints: NZ02's)
_STROKES = frozenset("一二三十丰工干土士口八丁卜+-~/ITLFEH")
# _ counts only outside a word (data_12 is text)
_SYMBOL_RE = re.compile(rf"[^\w\s{re.escape(''.join(sorted(_TEXT_MARKS)))}]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the cues count in a line, found once: its text without white space, Han characters, pairs."""

    text: str
    bare: str
    hans: list[str]
    pairs: list[str]  # adjacent Han characters (white space aside)
    words: list[str]  # Latin letter runs


def parse(text: str, bare: str | None = None) -> Parsed:
    bare = bare_of(text) if bare is None else bare
    return Parsed(text, bare, HAN_CHAR_RE.findall(bare), _HAN_PAIR_RE.findall(bare), _LATIN_RUN_RE.findall(bare))


@dataclass(frozen=True, slots=True)
class PageText:
    """How often each character, pair of Han characters and Latin letter run occurs on the page."""

    chars: Counter  # every character, Han or not: only Han ones are asked about
    pairs: Counter
    words: Counter

    @classmethod
    def of(cls, bares: list[str]) -> PageText:
        """From the page's lines without white space: one count over the whole page, not one a line."""
        joined = "\n".join(bares)  # no pair or run crosses a line end
        return cls(Counter(joined), Counter(_HAN_PAIR_RE.findall(joined)), Counter(_LATIN_RUN_RE.findall(joined)))


@dataclass(frozen=True, slots=True)
class View:
    """One line as the cues see it: its parts, and the page's text (the line's own included)."""

    text: str
    bare: str  # without white space
    hans: list[str]
    pairs: list[str]
    words: list[str]
    symbols: int  # characters running text never prints
    page: PageText | None  # None while only the line's own cues are asked


def make_view(line: Parsed, page: PageText | None) -> View:
    return View(line.text, line.bare, line.hans, line.pairs, line.words, len(_SYMBOL_RE.findall(line.bare)), page)


def view(text: str, page_lines: tuple[str, ...] = ()) -> View:
    """A line and its page, for the cues' examples (the page includes the line itself)."""
    return make_view(parse(text), PageText.of([bare_of(t) for t in (*page_lines, text)]))


def bare_of(text: str) -> str:
    return "".join(text.split())


def _unseen(items: list[str], counts: Counter) -> int:
    """How many of a line's items (characters, pairs) occur on the page only in the line itself."""
    n = len(items)  # counted in the line only when the page's count does not settle it
    return sum(1 for item in items if (c := counts[item]) <= 1 or c <= n and c <= items.count(item))


@rule("NZ02")
def odd_symbols(v: View) -> float:
    """Share of a line's characters that are symbols running text never prints (| < _ \\ ■ ※).

    A bullet before a name (■李文) is a byline's, not a picture's.

    >>> odd_symbols(view("司     了|")), odd_symbols(view("<个"))
    (0.333, 0.5)
    >>> odd_symbols(view("■李文")), odd_symbols(view("决)。"))
    (0.0, 0.0)
    """
    if not v.symbols:
        return 0.0
    symbols, length = v.symbols, len(v.bare)
    if length > 1 and v.bare[0] in _LEX.byline_bullets and HAN_CHAR_RE.match(v.bare[1]):
        symbols, length = symbols - 1, length - 1  # ■李文
    return round(symbols / length, 3)


@rule("NZ03")
def foreign_letters(v: View) -> float:
    """Share of a line's characters that are Latin letters in runs found nowhere else on the page.

    A picture's edges read as SEE, ii or Wy; a real acronym (FATCA, LED) is
    usually printed again in the text around it.

    >>> foreign_letters(view("人 4二| 二 SEE"))
    0.375
    >>> foreign_letters(view("FATCA的条规", ("美国2010年通过的法案(FATCA)",)))
    0.0
    """
    if not v.words:
        return 0.0
    own = Counter(v.words)
    unseen = sum(len(w) * n for w, n in own.items() if v.page.words[w] <= n)
    return round(unseen / len(v.bare), 3)


@rule("NZ04")
def scattered_characters(v: View) -> float:
    """Share of a line's space-separated pieces that are one character, wide gaps counted twice.

    OCR puts spaces around the specks it reads in a picture (司     了|). A line
    spread evenly, every piece one character or one number (第 10 版), is justified
    print, and a byline's bullet (■ 郑林) is no speck.

    >>> scattered_characters(view("人 4二| 二 SEE"))
    0.5
    >>> scattered_characters(view("游园赏美景 千人健步行")), scattered_characters(view("第 10 版"))
    (0.0, 0.0)
    """
    pieces = v.text.split()
    if pieces and pieces[0] in _LEX.byline_bullets:
        pieces = pieces[1:]
    if len(pieces) < 2 or all(len(p) == 1 or p.isdigit() for p in pieces):
        return 0.0
    singles = sum(len(p) == 1 for p in pieces) + len(_WIDE_GAP_RE.findall(v.text))
    return round(min(1.0, singles / len(pieces)), 3)


@rule("NZ05")
def unseen_pairs(v: View) -> float:
    """Share of a line's pairs of Han characters found nowhere else on the page.

    Words recur on a page; a picture read as text makes pairs no sentence has.

    >>> unseen_pairs(view("秆委世和", ("世界和平",)))
    1.0
    >>> unseen_pairs(view("社区开展义诊", ("社区居民参加义诊活动，开展宣传",)))
    0.4
    """
    return round(_unseen_pair_share(v), 3) if v.pairs else 0.0


def _unseen_pair_share(v: View) -> float:
    """The share NZ05 gives and NZ53 reads the other way, unrounded (each rounds its own)."""
    return _unseen(v.pairs, v.page.pairs) / len(v.pairs)


@rule("NZ06")
def rare_characters(v: View) -> float:
    """Share of a line's Han characters found nowhere else on the page.

    >>> rare_characters(view("秆委", ("委员会",)))
    0.5
    >>> rare_characters(view("社区", ("社区居民",)))
    0.0
    """
    if not v.hans:
        return 0.0
    return round(_unseen(v.hans, v.page.chars) / len(v.hans), 3)


@rule("NZ07")
def short_line(v: View) -> float:
    """How short a line is: 1 for one character, falling to 0 at twelve.

    >>> short_line(view("<个")), short_line(view("社区开展义诊活动，为居民送健康"))
    (0.833, 0.0)
    """
    return round(max(0.0, 1 - len(v.bare) / 12), 3)


@rule("NZ08")
def no_han(v: View) -> float:
    """1 for a line with neither a Han character nor a digit: symbols and letters only.

    >>> no_han(view("|| —")), no_han(view("2024年"))
    (1.0, 0.0)
    """
    return 0.0 if v.hans or any(ch.isdigit() for ch in v.bare) else 1.0


@rule("NZ09")
def ends_sentence(v: View) -> float:
    """1 for a line ending a sentence (。！？” …): a paragraph's last line, never a picture's.

    >>> ends_sentence(view("币。")), ends_sentence(view("司 了|"))
    (1.0, 0.0)
    """
    return 1.0 if v.bare[-1:] in SENTENCE_END and v.hans else 0.0


@rule("NZ10")
def han_share(v: View) -> float:
    """Share of a line's letters and symbols that are Han characters (digits and punctuation aside).

    >>> han_share(view("人 4二| 二 SEE")), han_share(view("86.5767%。"))
    (0.429, 1.0)
    """
    letters = len(_LETTER_RE.findall(v.bare)) + v.symbols  # Han characters are letters (Lo)
    return round(len(v.hans) / letters, 3) if letters else 1.0


@rule("NZ11")
def junk_neighbours(context: tuple[float, float]) -> float:
    """The junk probability of the likelier junk of the lines just above and below (blanks skipped).

    Pictures make runs of junk lines; a lone short line among text is text.

    >>> junk_neighbours((0.9, 0.2)), junk_neighbours((0.01, 0.0))
    (0.9, 0.01)
    """
    return max(context)


@rule("NZ12")
def within_text(context: tuple[float, float]) -> float:
    """1 when the lines right above and below (no blank between) are both long text.

    A junk line comes with the picture, between blank lines; a short line
    between two lines of text is the end of a paragraph or a wrapped heading.

    >>> within_text((1.0, 1.0)), within_text((1.0, 0.0))
    (1.0, 0.0)
    """
    return min(context)


@rule("NZ14")
def stands_alone(context: tuple[bool, bool]) -> float:
    """1 when the lines right above and below are blank (or the page's edge).

    OCR sets a picture's readings apart by blank lines; a paragraph's last
    line follows the paragraph, with no blank between.

    >>> stands_alone((True, True)), stands_alone((False, True))
    (1.0, 0.0)
    """
    return 1.0 if all(context) else 0.0


@rule("NZ15")
def page_edge(context: tuple[int, int]) -> float:
    """1 for one of the page's first or last six lines (blanks aside): its running head and foot.

    Paper name, page number and section stand there, short and alone (第14版, 要闻);
    a picture's junk stands anywhere.

    >>> page_edge((2, 80)), page_edge((40, 41))
    (1.0, 0.0)
    """
    return 1.0 if min(context) < EDGE_LINES else 0.0


@rule("NZ17")
def page_shows_junk(others: int) -> float:
    """How many other lines of the page are junk by their own cues alone, up to two (as 0, 0.5, 1).

    A page whose pictures OCR read shows it in some lines (|, stray letters);
    a page of text extraction shows none, and its short lines are text.

    >>> page_shows_junk(3), page_shows_junk(0)
    (1.0, 0.0)
    """
    return min(2, others) / 2


@rule("NZ16")
def names_a_credit(v: View) -> float:
    """1 for a line ending with a credit word (摄), starting with a byline role (记者), or a bulleted name: a byline.

    OCR may read a byline's bullet as a character (■ 李文 as 国 李文).

    >>> names_a_credit(view("胜摄")), names_a_credit(view("胜了")), names_a_credit(view("国 李文"))
    (1.0, 0.0, 1.0)
    """
    bare = v.bare
    if bare.endswith(_LEX.credit_suffixes) and len(bare) > 1 or bare.startswith(_LEX.byline_roles):
        return 1.0
    return 1.0 if _BULLET_NAME_RE.fullmatch(v.text.strip()) else 0.0


@rule("NZ18")
def in_a_column_of_characters(context: tuple[bool, bool]) -> float:
    """1 when the line right above or below (no blank between) is, like this one, a character or two.

    A headline set vertically comes out one character a line (田 / 放 / 哨),
    with nothing between; a picture's specks come apart.

    >>> in_a_column_of_characters((True, False)), in_a_column_of_characters((False, False))
    (1.0, 0.0)
    """
    return 1.0 if any(context) else 0.0


@rule("NZ19")
def stroke_shapes(v: View) -> float:
    """Share of a line's characters that are shapes of a few straight strokes (一 二 十 工 + - T).

    A picture's edges, rules and hatching read as them; running text holds
    them too, but seldom as most of a line.

    >>> stroke_shapes(view("十+F")), stroke_shapes(view("二三车")), stroke_shapes(view("社区"))
    (1.0, 0.667, 0.0)
    """
    return stroke_share(v.bare)


def stroke_share(bare: str) -> float:
    return round(sum(ch in _STROKES for ch in bare) / len(bare), 3)


@rule("NZ20")
def breaks_a_sentence(context: tuple[str, str, str]) -> float:
    """1 for a short line between two long ones (no blank between), neither it nor the line above ending a sentence.

    A picture's speck read between two lines of a paragraph (十, 八); a
    paragraph's own short line ends it (动。). Given (above, the line, below), white space aside.

    >>> breaks_a_sentence(("动定增价格紧贴二级市场行情，", "十", "东合法权益，同时，投资者的"))
    1.0
    >>> breaks_a_sentence(("为居民送上健康服务和科普知识", "动。", "本报讯（记者 郑林）近日"))
    0.0
    """
    above, line, below = context
    if not 0 < len(line) <= 4 or len(above) < _LONG or len(below) < _LONG:
        return 0.0
    return 0.0 if line[-1] in SENTENCE_END or above[-1] in SENTENCE_END else 1.0


@rule("NZ21")
def page_shows_clear_junk(others: int) -> float:
    """How many other lines of the page are junk beyond doubt by their own cues, up to two (0, 0.5, 1).

    NZ17 counts lines likelier junk than not, which any page of short lines
    has; a line clearly junk (symbols, stray letters) shows that OCR read a picture.

    >>> page_shows_clear_junk(5), page_shows_clear_junk(1), page_shows_clear_junk(0)
    (1.0, 0.5, 0.0)
    """
    return min(2, others) / 2


@rule("NZ22")
def unread_characters(line: tuple[str, Container[str] | None]) -> float:
    """Share of a line's Han characters in no word of the dictionary, weighed by how many it has; 0 without one.

    Running text is words; a picture read as text strings characters that no
    word joins (油涉过内寺许地二和也). A few characters tell little (a name,
    a section's 要闻): nil up to two, full weight from eight. A line with a
    clause mark is a sentence's piece, its words cut at both ends: nil. A
    credit or a byline is names, which no dictionary lists (邓建胜 摄, ■高野鹏): nil.
    A numeral's counter or unit is read with it (第7版, 6月). Given (the line
    without white space, in simplified script, the words of two to four
    characters: jieba's, cleanup.seams.words); a word counts inside a run of
    Han characters only.

    >>> words = {"社区", "开展", "义诊", "活动"}
    >>> unread_characters(("社区开展义诊活动", words)), unread_characters(("油涉过内寺许地二", words))
    (0.0, 1.0)
    >>> unread_characters(("油涉过内寺", words)), unread_characters(("社区开展义诊寺许", words))
    (0.5, 0.25)
    >>> unread_characters(("第7版社区", words)), unread_characters(("油涉过内寺许地摄", words))
    (0.0, 0.0)
    >>> unread_characters(("油涉，过内寺许地二", words)), unread_characters(("油涉过内寺许地二", None))
    (0.0, 0.0)
    """
    bare, words = line
    if not words or not CLAUSE_MARKS.isdisjoint(bare) or _names(bare):
        return 0.0
    runs = [(m.group(), _by_digits(bare, m.start(), m.end())) for m in _HAN_RUN_RE.finditer(bare)]
    hans = sum(len(run) for run, _ in runs)
    if hans <= _FEW_HANS:
        return 0.0
    covered = 0
    for run, (before, after) in runs:
        covered += before + after  # 第7版, 6月, 15亿: a numeral's counter or unit is read with it
        run = run[before:len(run) - after]
        reach = 0  # the characters before it are covered by a word already counted
        for i in range(len(run) - 1):
            for end in range(min(len(run), i + 4), i + 1, -1):  # the longest word first
                if run[i:end] in words:
                    if end > reach:
                        covered += end - max(i, reach)
                        reach = end
                    break
    return round((1 - covered / hans) * min(1.0, (hans - _FEW_HANS) / (_MANY_HANS - _FEW_HANS)), 3)


def _names(bare: str) -> bool:
    """A credit (……摄), a byline (记者……) or a bulleted name (■高野鹏): names, which no dictionary lists."""
    return bare.endswith(_LEX.credit_suffixes) or bare.startswith(_LEX.byline_roles) or bare[:1] in _LEX.byline_bullets


def _by_digits(bare: str, start: int, end: int) -> tuple[int, int]:
    """Whether a run of Han characters has a digit just before it, and just after it (one character
    counted once)."""
    before = int(start > 0 and bare[start - 1].isdigit())
    return before, int(end - start > before and end < len(bare) and bare[end].isdigit())


@rule("NZ25")
def stray_digits(v: View) -> float:
    """1 for a short line with digits glued to Han characters as no numeral is, or one or two digits alone.

    A short line has eight characters or fewer; a numeral is followed by its counter or unit
    (6月, 2.2亿), comes after 第, or ends a line of four characters or more (wrapped before its unit).

    A picture's specks read as digits among characters (已必7必二, 人1太一一, 和9)
    or alone (4); print prints a number with its counter.

    >>> stray_digits(view("人1太一一")), stray_digits(view("和9")), stray_digits(view("4"))
    (1.0, 1.0, 1.0)
    >>> stray_digits(view("第7版")), stray_digits(view("6月11日")), stray_digits(view("区单位23")), stray_digits(view("2026"))
    (0.0, 0.0, 0.0, 0.0)

    A range's first end is followed by its range mark, the counter comes after the second:

    >>> stray_digits(view("停赛1至8场")), stray_digits(view("3-5年")), stray_digits(view("1至8和"))
    (0.0, 0.0, 1.0)
    """
    return stray_digits_in(v.bare)


def stray_digits_in(bare: str) -> float:
    if len(bare) > _SHORT_DIGITS or not any(ch.isdigit() for ch in bare):
        return 0.0
    if bare.isdigit():
        return 1.0 if len(bare) <= 2 else 0.0
    for m in _NUMERAL_RE.finditer(bare):
        before, after = bare[m.start() - 1:m.start()], bare[m.end():m.end() + 1]
        if not (HAN_CHAR_RE.match(before) or HAN_CHAR_RE.match(after)):
            continue
        if after in _COUNTERS or before == "第" or not after and len(bare) >= 4:
            continue
        if after in _RANGE_MARKS and bare[m.end() + 1:m.end() + 2].isdigit():  # 1至8场: the range's counter ends it
            continue
        return 1.0
    return 0.0


@rule("NZ50")
def reads_as_furniture(v: View) -> float:
    """1 for a line that reads as the page's running head (FU01: 第3版, a date, the paper's name) or opens a note (编者按).

    Print, never a picture's: on fit and the retired sets such lines were 1,552 real lines and no junk
    line, yet short and alone they scored near the noise cut.

    >>> reads_as_furniture(view("第3版")), reads_as_furniture(view("编者按")), reads_as_furniture(view("上妇也3"))
    (1.0, 1.0, 0.0)
    """
    from . import furniture  # (furniture reads noise's as_read: imported when first asked)
    return 1.0 if furniture.reads_as_running_head(v.text) or shapes.NOTE_RE.match(v.bare) else 0.0


@rule("NZ51")
def section_at_edge(context: tuple[str, bool]) -> float:
    """1 for a word or two naming a section (FU02: 要闻, 视点) among the page's first or last six lines.

    Given (the line, whether it stands at the page's edge, NZ15). There it is the running head's
    section; elsewhere such a word is as often a picture's specks (卫科六).

    >>> section_at_edge(("要闻", True)), section_at_edge(("要闻", False)), section_at_edge(("上妇也3", True))
    (1.0, 0.0, 0.0)
    """
    from . import furniture
    line, edge = context
    return 1.0 if edge and furniture.names_a_section(line) else 0.0


@rule("NZ53")
def echoes_the_page(v: View) -> float:
    """Share of a line's pairs of Han characters printed elsewhere on the page, for a line of three Han characters or more.

    A headline's words come back in its story (明责赋能 over a story of 明责 and 赋能); a picture's
    specks make pairs no sentence of the page has. Against junk (NZ05 is the same share read the other
    way, on every line; its fitted weights are near nil).

    >>> echoes_the_page(view("明责赋能", ("明责到人，赋能社区",))), echoes_the_page(view("秆委世和", ("世界和平",)))
    (0.667, 0.0)
    >>> echoes_the_page(view("社区", ("社区居民",)))
    0.0
    """
    if len(v.hans) < _ECHO_HANS or not v.pairs:
        return 0.0
    return round(1 - _unseen_pair_share(v), 3)


@rule("NZ52")
def read_by_tesseract(tess: bool) -> float:
    """1 on a page Tesseract read (ocrpage.read_by_ocr, no box dump): a shift of the cut, fitted.

    Its pictures' specks read as common Han characters, and its junk scores lower than RapidOCR's.

    >>> read_by_tesseract(True), read_by_tesseract(False)
    (1.0, 0.0)
    """
    return 1.0 if tess else 0.0


LINE_CUES = ("NZ02", "NZ03", "NZ04", "NZ05", "NZ06", "NZ07", "NZ08", "NZ09", "NZ10", "NZ16", "NZ19", "NZ22", "NZ25")
PAGE_CUES = ("NZ03", "NZ05", "NZ06", "NZ53")  # these need the page's counts
WORD_CUES = ("NZ22",)  # these need the dictionary (computed by cleanup.noise, which has it)
OWN_CUES = tuple(code for code in LINE_CUES if code not in PAGE_CUES + WORD_CUES)
_LEX = lexicon.load()
CONTEXT_CUES = ("NZ11", "NZ12", "NZ14", "NZ15", "NZ17", "NZ18", "NZ20", "NZ21", "NZ50", "NZ51", "NZ52", "NZ53")
NEIGHBOUR_CUES = ("NZ11", "NZ12", "NZ17", "NZ21")  # these need the other lines' probabilities
_LONG = 8  # characters: a line this long is a column's line of text, not a speck
_FEW_HANS, _MANY_HANS = 2, 8  # Han characters: NZ22 nil up to the first, full from the second
_ECHO_HANS = 3  # Han characters: NZ53 looks at lines with this many (two make one pair, as often a speck's)
_SHORT_DIGITS = 8  # characters: NZ25 looks at lines this short
_NUMERAL_RE = re.compile(r"\d+(?:\.\d+)?")
_COUNTERS = frozenset(lexicon._read("noise.toml")["numeral_counters"]) | _LEX.number_units
_RANGE_MARKS = frozenset(lexicon._read("noise.toml")["range_marks"])
EDGE_LINES = 6  # lines (blanks aside) at the top and at the foot of a page that hold its running head and foot
