"""OCR junk lines set aside for the page's one `noise` item (NZ cues).

OCR reads pictures, rules, ornaments and the mirrored text showing through a
thin sheet as lines of text: `<个`, `司     了|`, `人 4二| 二 SEE`. Left in the
page they become headlines and split real ones. Each line gets a junk score,
a weighted sum of cues (NZ02…): small pure functions of the line and its page.
The weights are data (rules/noise.toml), fitted by benchmarks/noise/fit.py on
the corpus's fit split, and a line is set aside only when the score is clearly
positive: a real line lost to noise is lost to its article.

The stage takes the numbered lines (after the line rules) and returns them with
each junk line blanked (a picture stood there: the blank keeps the jump; a speck
inside a sentence, NZ20, is left out instead, so the sentence runs on), plus the
junk lines themselves, as read, with their dump line numbers.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, replace

from . import lexicon, seams, shapes
from .model import Block, Item, Step
from .noisecues import (CLAUSE_MARKS, CONTEXT_CUES, HAN, HAN_CHAR_RE, LINE_CUES, NEIGHBOUR_CUES, OWN_CUES, PAGE_CUES, SENTENCE_END,
                        VERTICAL_MARKS, WORD_CUES, EDGE_LINES, PageText, View, bare_of, make_view, parse, stray_digits_in, stroke_share)
from .rulebook import rule

_LEX = lexicon.load()
_REACH = 3  # a neighbour this many dump lines away still counts (blank lines between)
_LONG = 8  # characters: a line this long reads as text when its own cues say so
_GLUED = 2.0  # a piece of a kept line scoring this far above zero alone is junk glued on
NEAR_JUNK = -2.0  # a kept line scoring above this reads partly like junk (a doubt cue of its item)
_CLEAR = 2.0  # a line scoring this far above zero alone is junk beyond doubt (NZ21)


@dataclass(frozen=True, slots=True)
class Weights:
    """A linear score: bias + weight · cue, per cue code."""

    bias: float
    weights: dict[str, float]

    def score(self, cues: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(code, 0.0) * value for code, value in cues.items())


@dataclass(frozen=True, slots=True)
class Model:
    line: Weights  # the line alone: gives the neighbours' probabilities
    full: Weights  # the line and its neighbours: the decision

    unasked: tuple[float, float] = (0.0, 0.0)  # the most the cues a clean line is not asked can add

    def __post_init__(self):
        # NZ05, NZ06, NZ16, the neighbours' cues (NZ11, NZ12, NZ17, NZ21), and NZ04 for a line with a space: each in [0, 1]
        most = lambda codes: sum(max(0.0, self.full.weights.get(code, 0.0)) for code in codes)  # noqa: E731
        unspaced = most(("NZ05", "NZ06", "NZ16", *NEIGHBOUR_CUES))
        object.__setattr__(self, "unasked", (unspaced, unspaced + most(("NZ04",))))


def load_model() -> Model:
    data = lexicon._read("noise.toml")
    return Model(*(Weights(float(data[k]["bias"]), {c: float(w) for c, w in data[k]["weights"].items()})
                   for k in ("line", "full")))


@dataclass(frozen=True, slots=True)
class Split:
    """What the noise stage gives the next one: the lines kept, and the junk set aside."""

    kept: list[tuple[int, str]]  # every dump line, a junk line blanked (left out inside a sentence)
    noise: list[tuple[int, str]]  # (dump line number, the line as read, white space normalised)
    warnings: tuple[str, ...] = ()
    near: frozenset[int] = frozenset()  # kept lines scoring close to junk (the doubt model's cue)


_PLAIN_RE = re.compile(f"[{HAN}0-9.%，。、；：？！“”‘’（）《》—…·,;:?!()\"'/]{{12,}}")
_CLEAN_RE = re.compile(f"[{HAN}0-9.%，。、；：？！“”‘’（）《》—…·,;:?!()\"'/]+")
# not dashes: a rule reads as ——; a byline's bullet alone is a byline's, wrapped
_WRAPPED_MARKS = frozenset("，。、；：？！“”‘’（）《》「」『』【】…,.;:?!()\"'" + VERTICAL_MARKS) | frozenset(lexicon.load().byline_bullets)


def is_plain_text(bare: str) -> bool:
    """A line of running text, never junk (most lines): twelve characters or more of Han, digits
    and punctuation alone, with a clause mark among them; or punctuation alone (”。 wrapped onto
    a line of its own). No cue looks at it; its pull on its neighbours is nil. (Its words could
    not lift it: NZ22 is nil for a line with a clause mark or without Han characters.)

    >>> is_plain_text("社区开展义诊活动，为居民送健康"), is_plain_text("”。")
    (True, True)
    >>> is_plain_text("秆委世和牛委51咎委居牛委区和牛委")
    False
    """
    if _WRAPPED_MARKS.issuperset(bare):
        return True
    return bool(_PLAIN_RE.fullmatch(bare)) and not CLAUSE_MARKS.isdisjoint(bare)


_BRACKET_PAIRS = {"（": "）", "(": ")", "[": "]", "【": "】", "《": "》", "〔": "〕"}
_LINK_TEXT_RE = re.compile(r"[\[【](.+)[\]】]")  # a link's text in square brackets: [详见…]
_LATIN_RUN_RE = re.compile(r"[A-Za-z0-9 .,'’&/:_\-()\[\]（）]+")  # a name, a word or a link in Latin letters
_BRACKET_REACH = 2  # lines with text, above and below: a wrapped name or link spans no more
_KEPT = lexicon._read("noise.toml")["kept"]
_BRACKET_CHARS = int(_KEPT["bracket_chars"])  # characters: ... unless they hold fewer (a narrow column's lines)
_BRACKET_SCAN = 12  # dump lines looked at each side
_NARROW = int(_KEPT["narrow"])  # characters: a column this wide or narrower reads short lines as text (NZ27)
_COLUMN_LINES = int(_KEPT["column_lines"])  # lines of it, the line's own included, read on as running text
_COLUMN_REACH = int(_KEPT["column_reach"])  # lines each side read with it


@rule("NZ26")
def inside_brackets(context: tuple[str, str, str]) -> bool:
    """A line inside a bracket the text just above opens and the line or the text below closes: text.

    Junk stands between a page's lines, not inside a pair of brackets the running text opens and
    closes around it (a Latin name or a link wrapped onto a line of its own). Given (the text
    above, the line, the text below), each side its nearest lines with text; quotes do not count
    (a quotation runs on over many lines, pictures beside it).

    >>> inside_brackets(("务律师马修（", "Matthew Ledv", "ina）表示，“"))
    True
    >>> inside_brackets(("发展成果。（详见[让城乡群", "]", "(www.example.cn/18)）"))
    True
    >>> inside_brackets(("社区开展义诊活动（图）", "人 4二| 二 SEE", "报告显示，"))
    False

    A link's text in square brackets on a line of its own, its (url) under it, is text too:

    >>> inside_brackets(("到美國法律的證據。（詳見", "[還能觸犯]", "(www.example.cn/19)）有先例"))
    True

    A line mixing Han characters with letters or symbols is no text of a sentence (a picture's
    specks read between a bracket's lines):

    >>> inside_brackets(("本报讯（通讯员王", "=二F", "欣）为进一步提高居民自"))
    False
    """
    above, line, below = context
    link = _LINK_TEXT_RE.fullmatch(line)
    if not (_CLEAN_RE.fullmatch(line) or _LATIN_RUN_RE.fullmatch(line) or link and _CLEAN_RE.fullmatch(link[1])):
        return False
    open_ = []
    for ch in above:
        if ch in _BRACKET_PAIRS:
            open_.append(_BRACKET_PAIRS[ch])
        elif open_ and ch == open_[-1]:
            open_.pop()
    return bool(open_) and open_[-1] in line + below


def _bracket_context(bares: list[str], i: int) -> tuple[str, str, str]:
    above = _reach([b for b in reversed(bares[max(0, i - _BRACKET_SCAN):i]) if b])
    below = _reach([b for b in bares[i + 1:i + 1 + _BRACKET_SCAN] if b])
    return "".join(reversed(above)), bares[i], "".join(below)


def _reach(lines: list[str]) -> list[str]:
    """The nearest lines with text a bracket may span: two, and more while they hold fewer than
    _BRACKET_CHARS characters (a column a few characters wide wraps the same words over more lines)."""
    out: list[str] = []
    for line in lines:
        if len(out) >= _BRACKET_REACH and sum(map(len, out)) >= _BRACKET_CHARS:
            break
        out.append(line)
    return out


@rule("NZ27")
def in_a_narrow_column(context: tuple[list[str], str, list[str]]) -> bool:
    """A short line in a column a few characters wide whose lines, read on, are running text: text.

    A narrow column read line by line is short lines throughout: a numeral wrapped before its
    counter (23 / 家，), a word's tail (三 / 分 / 地”，), a character alone. Junk is no part of
    a sentence. Given (the lines above, nearest first, the line, the lines below: each side the
    run of lines right next to it, no blank between, none wider than the column), the line is
    text when the run holds five lines or more and, read on, is Han characters, digits and
    punctuation with a clause mark.

    >>> in_a_narrow_column((["區單位", "人，轄", "1.8萬"], "23", ["家，個", "體商戶", "70"]))
    True
    >>> in_a_narrow_column((["“一畝"], "三", ["分", "地”，", "上對得"]))
    True

    A column of specks (no clause mark), or one with letters and symbols, is not:

    >>> in_a_narrow_column((["二", "十"], "一", ["三", "十"]))
    False
    >>> in_a_narrow_column((["区单", "位，"], "=二F", ["家，", "个体"]))
    False
    """
    above, line, below = context
    run = [*reversed(above), line, *below]
    if len(run) < _COLUMN_LINES or any(len(b) > _NARROW for b in run):
        return False
    joined = "".join(run)
    return bool(_CLEAN_RE.fullmatch(joined)) and not CLAUSE_MARKS.isdisjoint(joined)


def _column_context(bares: list[str], i: int) -> tuple[list[str], str, list[str]]:
    def run(step: int) -> list[str]:
        out, j = [], i + step
        while 0 <= j < len(bares) and 0 < len(bares[j]) <= _NARROW and len(out) < _COLUMN_REACH:
            out.append(bares[j])
            j += step
        return out
    return run(-1), bares[i], run(1)


_LABEL_TAIL_RE = re.compile(r"[：:]([A-Za-z0-9_.\-/]*)$")  # a label's colon, and a code's head after it
_CODE_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/]*[0-9][A-Za-z0-9_.\-/]*|[0-9][A-Za-z0-9_.\-/]*[A-Za-z][A-Za-z0-9_.\-/]*")


@rule("NZ28")
def code_after_its_label(context: tuple[str, str]) -> bool:
    """A printed code (letters and digits, data_12, A-3) under a line ending with a colon: the label's value, text.
    Likewise a code's tail wrapped under its head, the head after the label's colon and no code
    yet (代码：data / _12): a whole code there is the label's value, and the line under it no part of it.

    Given (the nearest line with text above, the line), white space aside.

    >>> code_after_its_label(("得真貼心！代碼：", "data_12")), code_after_its_label(("代码:", "A-3"))
    (True, True)
    >>> code_after_its_label(("更多信息，代码：data", "_12")), code_after_its_label(("代码:A-", "3"))
    (True, True)
    >>> code_after_its_label(("社区开展义诊活动，", "data_12")), code_after_its_label(("节：", "SEE"))
    (False, False)
    >>> code_after_its_label(("时间：上午", "_12")), code_after_its_label(("代码：data", "二_"))
    (False, False)
    >>> code_after_its_label(("代码:data_14", "UL"))
    False
    """
    above, line = context
    label = _LABEL_TAIL_RE.search(above)
    return bool(label) and not _CODE_RE.fullmatch(label[1]) and bool(_CODE_RE.fullmatch(label[1] + line))


def _label_context(bares: list[str], i: int) -> tuple[str, str]:
    above = [b for b in reversed(bares[max(0, i - _REACH):i]) if b]
    return (above[0] if above else ""), bares[i]


_SCRAP_MOST = 2  # Han characters: NZ40 looks at lines this short
_HAN_LINE_RE = re.compile(f"[{HAN}]+")
_EDGE_COUNTERS = frozenset(lexicon._read("noise.toml")["numeral_counters"])  # 第7 / 版: the running head's counter


@rule("NZ40")
def implausible_scrap(context: tuple[str, str, str, bool, bool, Container[str]]) -> bool:
    """A scrap of one or two Han characters on a line of its own that reads as nothing: junk.

    OCR reads a picture's specks as common characters (全, 中主) on lines of their own; printed text
    set so short is a word (要闻, 滋养), or a word's end the line above wraps (市 / 场), or a word's
    start the line below goes on with (成 / 功). Given (the line, the nearest text above, the nearest
    text below, all in simplified script and without white space; whether the pair occurs elsewhere
    on the page; whether the line stands at the page's edge; the dictionary's words): a scrap no word
    holds, found nowhere else on the page, forming no word with the text above or below, no credit
    (王 摄), and no running head's counter at the edge (第7 / 版).

    >>> words = {"社区", "宣传", "市场", "成功", "要闻"}
    >>> implausible_scrap(("全", "铁东区北市场街道金桥社区", "宣传活动。", False, False, words))
    True
    >>> implausible_scrap(("场", "已有超百家村镇银行获批退出市", "业内人士认为", False, False, words))
    False
    >>> implausible_scrap(("要闻", "第2版", "2022年10月19日", False, True, words)), implausible_scrap(("版", "环球时报", "体育", False, True, words))
    (False, False)
    """
    line, above, below, seen, edge, words = context
    if not 0 < len(line) <= _SCRAP_MOST or not _HAN_LINE_RE.fullmatch(line) or seen or line in words:
        return False
    if above and above[-1] + line[0] in words or below and line[-1] + below[0] in words:
        return False
    if line.endswith(_LEX.credit_suffixes) or edge and line in _EDGE_COUNTERS:
        return False
    return True


def _scraps(bares: list[str], aside: set[int], tess: bool = False, page: PageText | None = None) -> set[int]:
    """The lines NZ40 sets aside: on a page where the weighed cues set some junk aside already (an OCR
    page that shows its pictures: no page of text extraction does), or on a page Tesseract read
    (`tess`), there only a scrap with no other line of one or two characters right next to it (a
    vertical headline, one character a line, which pdfminer pages judged read by OCR print too).
    `page`: the counts cue_table took of these lines, if it took them."""
    words = seams.words()
    if not aside and not tess or not words:
        return set()
    to_s = lexicon.converter("t2s").convert
    pairs = (page or PageText.of(bares)).pairs
    filled = [i for i, bare in enumerate(bares) if bare]
    out = set()
    for k, i in enumerate(filled):
        bare = bares[i]
        if i in aside or len(bare) > _SCRAP_MOST:
            continue
        above = next((bares[j] for j in range(i - 1, max(-1, i - 1 - _REACH), -1) if bares[j]), "")
        below = next((bares[j] for j in range(i + 1, min(len(bares), i + 1 + _REACH)) if bares[j]), "")
        if not aside and any(0 <= j < len(bares) and 0 < len(bares[j]) <= 2 for j in (i - 1, i + 1)):
            continue
        seen = len(bare) == 2 and pairs[bare] > 1
        edge = min(k, len(filled) - 1 - k) < EDGE_LINES
        if implausible_scrap((to_s(bare), to_s(above), to_s(below), seen, edge, words)):
            out.add(i)
    return out


_HEAD_LINE_MOST = 16  # characters: a headline line NZ29 reads through to the subtitle under it


@rule("NZ29")
def over_a_subtitle(context: tuple[str, list[str]]) -> bool:
    """A line of Han characters right over a subtitle its dash opens (——, OCR's 一一), or over a headline line over one: the headline, text.

    A story's headline is printed over its subtitle; OCR reads big type apart, a couplet's halves
    and common characters (站好岗 放好哨) that no dictionary word joins, and the weighed cues
    take it for a picture's specks. A picture stands over a caption, not over a subtitle. Given
    (the line, the nearest lines with text below, blanks skipped, at most two), white space
    aside: the line holds three characters or more, Han characters, digits and punctuation
    only, no digit glued to a character as no numeral is (NZ25's 已1下和1), and ends no sentence; under it the subtitle, or one more such headline line of at
    most 16 characters and then the subtitle.

    >>> over_a_subtitle(("站好岗放好哨", ["一一种好社区治理“责任田”", "东辽县白泉镇新城社区党委书记"]))
    True
    >>> over_a_subtitle(("明责赋能", ["做强“概纽", "一一提升党建引领城市基层治理整体水平"]))
    True

    Specks with letters or symbols, a scrap of two characters, a paragraph's last line, or a
    line over running text are not:

    >>> over_a_subtitle(("[本月上", ["一一北市场街道金桥社区开展安全宣传活动"])), over_a_subtitle(("必", ["一一吉林农安推广"]))
    (False, False)
    >>> over_a_subtitle(("能达到这个数值。", ["——记宁海县水电工"])), over_a_subtitle(("站好岗放好哨", ["本报讯近日，社区开展义诊。"]))
    (False, False)
    """
    line, below = context
    if len(line) < 3 or not _CLEAN_RE.fullmatch(line) or shapes.ends_sentence(line) or stray_digits_in(line) or not below:
        return False
    if shapes.is_subtitle_dash(below[0]):
        return True
    second = below[0]
    return (len(below) > 1 and len(second) <= _HEAD_LINE_MOST and bool(_CLEAN_RE.fullmatch(second))
            and not shapes.ends_sentence(second) and shapes.is_subtitle_dash(below[1]))


def _subtitle_context(bares: list[str], i: int) -> tuple[str, list[str]]:
    below, j, blanks = [], i + 1, 0
    while j < len(bares) and len(below) < 2:
        if bares[j]:
            below.append(bares[j])
            blanks = 0
        else:
            blanks += 1
            if blanks > 1:
                break
        j += 1
    return bares[i], below


def kept_as_text(bares: list[str], i: int) -> str | None:
    """The code of the rule that keeps a line as text whatever its cues (NZ26, NZ27, NZ28, NZ29), or None."""
    if inside_brackets(_bracket_context(bares, i)):
        return "NZ26"
    if len(bares[i]) <= _NARROW and in_a_narrow_column(_column_context(bares, i)):
        return "NZ27"
    if code_after_its_label(_label_context(bares, i)):
        return "NZ28"
    if over_a_subtitle(_subtitle_context(bares, i)):
        return "NZ29"
    return None


def _cannot_be_junk(text: str, bare: str, shape: dict[str, float], model: Model, tess: bool = False) -> bool:
    """Whether a line of Han, digits and punctuation alone (no symbol, no letter) stays at or under
    zero with every cue it has not been asked at its worst: then no cue need be computed. Only its
    length (NZ07), its end (NZ09), its stroke shapes (NZ19), its digits (NZ25), where it stands and whether it has a
    space (NZ04), and on a Tesseract page the cut's shift (NZ52) are looked at; NZ02, NZ03 and NZ08 are nil and NZ10 is one for such a line. Its
    words (NZ22) are read only when they alone could lift it over zero. The score could not decide
    otherwise.
    """
    if not _CLEAN_RE.fullmatch(bare):
        return False
    w = model.full.weights.get
    ends = 1.0 if bare[-1] in SENTENCE_END and HAN_CHAR_RE.search(bare) else 0.0
    known = w("NZ07", 0.0) * max(0.0, 1 - len(bare) / 12) + w("NZ09", 0.0) * ends + w("NZ10", 0.0)
    known += w("NZ19", 0.0) * stroke_share(bare) + w("NZ25", 0.0) * stray_digits_in(bare)
    known += sum(w(code, 0.0) * value for code, value in shape.items()) + w("NZ52", 0.0) * tess
    worst = model.full.bias + known + model.unasked[" " in text]
    if worst <= 0 < worst + max(0.0, w("NZ22", 0.0)):  # only its words can tell: read them
        return worst + w("NZ22", 0.0) * word_cues(bare)["NZ22"] <= 0
    return worst <= 0


def word_cues(bare: str) -> dict[str, float]:
    """The dictionary's cues of a line (NZ22), read in simplified script (jieba lists words in
    their simplified form); nil without the dictionary (jieba not installed: fewer lines go)."""
    words = seams.words()
    neutral = lexicon.converter("t2s").convert(bare) if words else bare
    return {"NZ22": _RULES["NZ22"]((neutral, words))}


def cue_table(numbered: list[tuple[int, str]], model: Model, exact: bool = False, tess: bool = False
              ) -> tuple[list[dict[str, float] | None], PageText | None]:
    """Every cue of every line (None for a blank line, {} for plain text), and the page's counts.

    The cues that need the page's counts (NZ03, NZ05, NZ06) and the neighbours (NZ11, NZ12,
    NZ17, NZ21) are computed only when some line could score above zero with them at their worst: on
    a page of text none can, and the page is not counted at all (then the counts are None). A
    line that cannot score above zero is not scored, and counts as no junk for its neighbours:
    the shortcut changes no decision about a line itself, only, a little, its pull on the lines
    around it. `exact` computes every cue of every line (for fitting). `tess`: the page was read
    by Tesseract (NZ52). The cues against junk (NZ50, NZ51) are computed only for a line scored.
    """
    texts = [text for _, text in numbered]
    bares = [bare_of(text) for text in texts]
    filled = [i for i, bare in enumerate(bares) if bare]
    rank = {i: k for k, i in enumerate(filled)}
    table: list[dict[str, float] | None] = []
    views: list[View | None] = []
    bounds: list[dict[str, float] | None] = []
    for i, (text, bare) in enumerate(zip(texts, bares)):
        if not bare:
            table.append(None)
        elif (is_plain_text(bare) or kept_as_text(bares, i)
              or not exact and _cannot_be_junk(text, bare, _shape(bares, rank, i), model, tess)):
            table.append({})
        else:
            v = make_view(parse(text, bare), None)
            views.append(v)
            shape = _shape(bares, rank, i)
            table.append({code: _RULES[code](v) for code in OWN_CUES} | word_cues(bare) | shape
                         | {"NZ50": _RULES["NZ50"](v), "NZ51": _RULES["NZ51"]((text, shape["NZ15"] > 0)), "NZ52": _RULES["NZ52"](tess)})
            bounds.append(_page_cue_bounds(v))
            continue
        bounds.append(None)
        views.append(None)
    if not exact and all(not cues or _best_case(cues, bound, model) <= 0 for cues, bound in zip(table, bounds)):
        return table, None
    page = PageText.of(bares)
    for cues, v in zip(table, views):
        if cues:
            v = replace(v, page=page)
            cues.update({code: _RULES[code](v) for code in PAGE_CUES})
    alone = [None if c is None else _sigmoid(model.line.score(c)) if c else 0.0 for c in table]
    junk_lines = sum(p is not None and p >= 0.5 for p in alone)
    clear_lines = sum(p is not None and p >= _CLEAR_P for p in alone)
    for i, cues in enumerate(table):
        if not cues:
            continue
        above, below = _nearest(alone, i, -1), _nearest(alone, i, 1)
        cues["NZ11"] = _RULES["NZ11"]((above, below))
        cues["NZ12"] = _RULES["NZ12"]((_is_text(texts, alone, i - 1), _is_text(texts, alone, i + 1)))
        cues["NZ17"] = _RULES["NZ17"](junk_lines - (alone[i] >= 0.5))
        cues["NZ21"] = _RULES["NZ21"](clear_lines - (alone[i] >= _CLEAR_P))
    return table, page


def _shape(bares: list[str], rank: dict[int, int], i: int) -> dict[str, float]:
    """The cues of where a line stands (NZ14, NZ15, NZ18, NZ20): blanks around it, the page's edge,
    tiny lines beside it, long lines of one sentence around it."""
    tiny = 0 < len(bares[i]) <= 2
    above, below = bares[i - 1] if i else "", bares[i + 1] if i + 1 < len(bares) else ""
    return {"NZ14": _RULES["NZ14"]((i == 0 or not bares[i - 1], i + 1 == len(bares) or not bares[i + 1])),
            "NZ15": _RULES["NZ15"]((rank[i], len(rank) - 1 - rank[i])),
            "NZ18": _RULES["NZ18"]((tiny and i > 0 and 0 < len(bares[i - 1]) <= 2,
                                    tiny and i + 1 < len(bares) and 0 < len(bares[i + 1]) <= 2)),
            "NZ20": _RULES["NZ20"]((above, bares[i], below))}


def _page_cue_bounds(v: View) -> dict[str, float]:
    """The most each page cue can be for this line, from the line alone."""
    return {"NZ03": round(sum(map(len, v.words)) / len(v.bare), 3), "NZ05": float(bool(v.pairs)), "NZ06": float(bool(v.hans))}


def _best_case(cues: dict[str, float], bounds: dict[str, float], model: Model) -> float:
    """The highest score a line could reach whatever the cues not yet computed: the page cues at
    their bounds where they weigh for junk, the neighbours' (in [0, 1]) likewise."""
    full = model.full
    page = sum(max(0.0, full.weights.get(code, 0.0)) * bound for code, bound in bounds.items())
    return full.score(cues) + page + sum(max(0.0, full.weights.get(code, 0.0)) for code in NEIGHBOUR_CUES)


def _nearest(alone: list[float | None], i: int, step: int) -> float:
    for j in range(i + step, i + step * (_REACH + 1), step):
        if 0 <= j < len(alone) and alone[j] is not None:
            return alone[j]
    return 0.0


def _is_text(texts: list[str], alone: list[float | None], j: int) -> float:
    if not 0 <= j < len(texts) or alone[j] is None:
        return 0.0
    return 1.0 if len(bare_of(texts[j])) >= _LONG and alone[j] < 0.5 else 0.0


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-max(-60.0, min(60.0, x))))


_CLEAR_P = _sigmoid(_CLEAR)


@rule("NZ01")
def set_aside_junk(score: float) -> bool:
    """Set a line aside as noise when its weighed cues (NZ02–NZ12, NZ14–NZ22, NZ25, NZ50–NZ53) score above zero.

    The score is bias + Σ weight × cue, weights fitted on the corpus (rules/noise.toml)
    so that hardly a real line goes (`cleanup explain --rule NZ` shows each line's cues).

    >>> set_aside_junk(2.4), set_aside_junk(-3.1)
    (True, False)
    """
    return score > 0


def split_noise(numbered: list[tuple[int, str]], raw: dict[int, str], trace: list[Step] | None = None,
                model: Model | None = None, ocr: bool = False, tess: bool = False, boxed: bool = False) -> Split:
    """Numbered lines -> Split: junk lines blanked in `kept`, and listed as read in `noise`. `ocr`: the
    page reads as an OCR engine's (ocrpage.read_by_ocr, or a box dump): NZ40 may look at its scraps;
    `tess`: read by OCR and no box dump; `boxed`: a box dump, whose NZ40 scraps are left out, not
    blanked (it sets no blank lines: a blank would part a box's column)."""
    model = model or _model()
    table, page = cue_table(numbered, model, tess=tess)
    scores = [None if not cues else model.full.score(cues) for cues in table]
    aside = {i for i, score in enumerate(scores) if score is not None and set_aside_junk(score)}
    bares = [bare_of(text) for _, text in numbered] if ocr else []  # NZ40's, on OCR pages only
    scraps = _scraps(bares, aside, tess, page) if ocr else set()
    rank = {i: k for k, i in enumerate(i for i, bare in enumerate(bares) if bare)} if scraps else {}
    kept, noise, warnings, near = [], [], [], set()
    if trace is not None:
        trace += _kept_steps(numbered, table, model, tess)
    for i, ((no, text), cues, score) in enumerate(zip(numbered, table, scores)):
        if i not in aside and i not in scraps:
            kept.append((no, text))
            if score is not None and score > NEAR_JUNK:
                near.add(no)
            if score is not None and page is not None and _glued_junk(text, page, model):
                warnings.append(f"NZ13 line {no}: junk glued to text (a picture or the back of the sheet), kept whole")
            continue
        read = as_read(raw.get(no, text))
        if not read:  # nothing printable (an unassigned code point): nothing to keep apart
            kept.append((no, text))
            continue
        inside = (cues or _shape(bares, rank, i)).get("NZ20") or i in scraps and boxed
        if not inside:  # inside a sentence no picture stood: the text runs on
            kept.append((no, ""))
        noise.append((no, read))
        if trace is not None:
            why = _explain(score, cues, model.full) if i in aside else "[noise: a scrap no word holds, NZ40]"
            trace.append(Step("NZ01" if i in aside else "NZ40", "set-aside-junk" if i in aside else "implausible-scrap",
                              no, no, text, why))
    return Split(kept, noise, tuple(warnings), frozenset(near))


_KEPT_NAMES = {"NZ26": "inside-brackets", "NZ27": "in-a-narrow-column", "NZ28": "code-after-its-label", "NZ29": "over-a-subtitle"}


def _kept_steps(numbered: list[tuple[int, str]], table: list[dict[str, float] | None], model: Model, tess: bool = False) -> list[Step]:
    """For `cleanup explain`: the lines NZ26–NZ28 kept as text that their own cues would have scored."""
    bares = [bare_of(text) for _, text in numbered]
    rank = {i: k for k, i in enumerate(i for i, bare in enumerate(bares) if bare)}
    steps = []
    for i, ((no, text), cues) in enumerate(zip(numbered, table)):
        if cues != {} or is_plain_text(bares[i]) or _cannot_be_junk(text, bares[i], _shape(bares, rank, i), model, tess):
            continue
        code = kept_as_text(bares, i)
        if code:
            steps.append(Step(code, _KEPT_NAMES[code], no, no, text, "[kept as text, not scored as noise]"))
    return steps


_PIECES_RE = re.compile(r" {3,}|\t+|\u3000{2,}")


def _glued_junk(text: str, page: PageText, model: Model) -> bool:
    pieces = [p for p in _PIECES_RE.split(text.strip()) if p.strip()]  # (a gap of tabs and spaces is no piece)
    if len(pieces) < 2:
        return False
    scores = [model.line.score({c: _RULES[c](make_view(parse(p), page)) for c in LINE_CUES if c not in WORD_CUES}
                               | word_cues(bare_of(p))) for p in pieces]
    return warn_glued_junk([(score, len(bare_of(p))) for score, p in zip(scores, pieces)])


@rule("NZ13")
def warn_glued_junk(pieces: list[tuple[float, int]]) -> bool:
    """Warn of a kept line whose pieces (parted by a wide gap) are text and, standing alone, junk.

    OCR glues show-through or a picture's specks to a line of text at a wide
    gap. The line is kept whole (its text must not be lost) and the page warned.
    Each piece is (its own line score, its length).

    >>> warn_glued_junk([(-6.0, 14), (3.1, 4)])
    True
    >>> warn_glued_junk([(-6.0, 14), (-5.2, 12)])
    False
    """
    junk = [length for score, length in pieces if score > _GLUED]
    return bool(junk) and len(junk) < len(pieces) and any(length >= _LONG for score, length in pieces if score <= _GLUED)



def as_read(line: str) -> str:
    """A junk line as read: only white space normalised, invisible characters gone, NFC.

    >>> as_read(" 司     了|\\u200b ")
    '司 了|'
    """
    line = "".join(ch for ch in line if ch not in _LEX.invisible and (ch.isspace() or ch.isprintable()))
    return unicodedata.normalize("NFC", " ".join(line.split()))


def _explain(score: float, cues: dict[str, float], weights: Weights) -> str:
    parts = [f"{code} {weights.weights.get(code, 0.0) * value:+.2f}" for code, value in cues.items()
             if weights.weights.get(code, 0.0) * value]
    return f"[noise: score {score:+.2f} = bias {weights.bias:+.2f}, {', '.join(parts)}]"


_MODEL: list[Model] = []


def _model() -> Model:
    if not _MODEL:
        _MODEL.append(load_model())
    return _MODEL[0]


from .rulebook import REGISTRY as _REGISTRY  # noqa: E402  (the cues above are registered by now)

_RULES = {code: _REGISTRY[code].func for code in (*LINE_CUES, *CONTEXT_CUES)}


def mark_under_junk(blocks: list[Block], raw: dict[int, str], junk: frozenset[int]) -> list[Block]:
    """Each block with `under_junk` set where set-aside lines stand right above its first dump line,
    blank lines between at most: a picture stood there, and its caption is printed under it
    (on the fit split, 12 of the 28 runs of OCR junk set aside between two lines of text).

    >>> raw = {1: "正文。", 2: "", 3: "全了=如", 4: "", 5: "近日，社区开展义诊活动。", 6: "正文。"}
    >>> [b.under_junk for b in mark_under_junk([Block("正文。", 1, 1), Block("近日，社区开展义诊活动。", 5, 5),
    ...                                         Block("正文。", 6, 6)], raw, frozenset({3}))]
    [False, True, False]
    """
    if not junk:
        return blocks
    out = []
    for block in blocks:
        no = block.first - 1
        while no in raw and no not in junk and not raw[no].strip():
            no -= 1
        out.append(replace(block, under_junk=True) if no in junk else block)
    return out


def with_noise_item(items: list[Item], split: Split) -> list[Item]:
    """The page's items with its one `noise` item, in place by its earliest line (none without junk)."""
    if not split.noise:
        return items
    count = len(split.noise)
    item = Item("noise", split.noise[0][0], body=tuple(("p", text) for _, text in split.noise),
                warnings=(f"NZ01 {count} line{'s' if count > 1 else ''} set aside as noise",),
                spans=tuple((no, no, "noise") for no, _ in split.noise))
    at = bisect.bisect_right([i.first for i in items], item.first)
    return [*items[:at], item, *items[at:]]
