"""What is each block: headline, byline, credit, caption, column label, heading, body? (CL rules)

Each rule is a cue: it looks at a window (the blocks and an index) and votes for
a role (the one it returns) or not (None). No cue decides alone: each vote weighs
(rules/classify.toml, written by benchmarks/classify/fit.py), a role's score is the sum
of its votes' weights (body's starts at the bias), and the block takes the role that
scores most, body where no vote outweighs the bias. The cues are listed in
`pipeline.CLASSIFY_RULES`; the caption cues live in `cleanup/captioncues.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex
from rapidfuzz import fuzz

from . import heads, lexicon, shapes, wordmatch
from .model import Block, Step
from .rulebook import REGISTRY, Rule, rule

_LEX = lexicon.load()
_HAN_RE = regex.compile(shapes.HAN)


@dataclass(frozen=True, slots=True)
class Window:
    blocks: list[Block] | tuple[Block, ...]  # the page's blocks, roles given so far
    i: int
    tess: bool = False  # the page was read by Tesseract (CL34 is off there)

    @property
    def block(self) -> Block:
        return self.blocks[self.i]

    def at(self, offset: int) -> Block | None:
        j = self.i + offset
        return self.blocks[j] if 0 <= j < len(self.blocks) else None


@rule("CL11")
def keep_speck_in_text(w: Window) -> str | None:
    """Keep a line of one Chinese character over a headline in the running text, not the title.

    It is a speck OCR read in a picture (吃, 必), or a character a line lost: no newspaper
    prints a one-character title. (A rule read as a dash stays what it reads as.)

    >>> keep_speck_in_text(sample_window("吃", "上市公司调整定增方案", "本报记者 吴晓璐", at=0))
    'body'
    >>> keep_speck_in_text(sample_window("编者按")), keep_speck_in_text(sample_window("—", "上市公司调整定增方案", at=0))
    (None, None)
    """
    if w.block.lines != 1:
        return None
    text, nxt = shapes.squeeze(w.block.text), w.at(1)
    if len(text) != 1 or not _HAN_RE.match(text) or nxt is None or not shapes.is_headline_like(nxt.text):
        return None
    return "body"


@rule("CL01")
def find_credit(w: Window) -> str | None:
    """A photo credit standing on its own line (本报记者 林涛 摄), or a byline right under a caption.

    >>> find_credit(sample_window("本报记者 林涛 摄")), find_credit(sample_window("本报记者 林涛"))
    ('credit', None)

    Under a caption, so is a credit's end that the caption's last line cut off: a name's last
    character and 摄 (……点球。 全媒体记者 邓建 / 胜摄), a line OCR set apart by a blank.

    >>> w = sample_window("社区开展义诊活动。 全媒体记者 邓建", "胜摄", at=1)
    >>> find_credit(Window((replace(w.blocks[0], role="caption"), w.blocks[1]), 1)), find_credit(w)
    ('credit', None)

    Not a byline naming two writers, or an office's holder: a story's, printed under a caption
    with no credit (a photo's credit names one photographer; shapes.names_one_writer).

    >>> cap = replace(w.blocks[0], role="caption", text="社区开展义诊活动。")
    >>> [find_credit(Window((cap, replace(w.blocks[1], text=t)), 1)) for t in ("本报记者 杨翠叶", "本报通讯员 董校霖 高野鹏", "白山市委书记 谢忠岩")]
    ['credit', None, None]

    Nor a byline under a caption that ends in a credit of its own (……宣传活动。 本报通讯员 魏静 摄 / 本报记者 吴晓璐):
    a photo takes one credit, and the byline heads the story under it.

    >>> find_credit(Window((replace(cap, text="居民观看演示。 本报通讯员 魏静 摄"), replace(w.blocks[1], text="本报记者 吴晓璐")), 1))
    """
    if shapes.is_credit(w.block.text):
        return "credit"
    prev = w.at(-1)
    if prev is None or prev.role != "caption":
        return None
    text = w.block.text
    if _CREDIT_TAIL_RE.match(text):
        return "credit"
    return "credit" if shapes.is_byline(text) and shapes.names_one_writer(text) and shapes.run_in_credit(prev.text) is None else None


_CREDIT_TAIL_RE = regex.compile(r"^\s*\p{Han}{1,2}\s*摄\s*$")  # a name's end and 摄: a credit's tail


@rule("CL02")
def find_byline(w: Window) -> str | None:
    """A byline standing on its own line (本报通讯员 董校霖 高野鹏; 四平市委书记 郭灵计).

    >>> find_byline(sample_window("全媒体记者 刘莉 通讯员 吕东健")), find_byline(sample_window("记者走访了"))
    ('byline', None)
    """
    return "byline" if shapes.is_byline(w.block.text) else None


@rule("CL03")
def find_note_opener(w: Window) -> str | None:
    """An editor's note: 编者按 alone, or a paragraph it opens.

    >>> find_note_opener(sample_window("编者按")), find_note_opener(sample_window("编辑部"))
    ('note', None)
    """
    return "note" if shapes.is_note_opener(w.block.text) else None


@rule("CL04")
def find_column_label(w: Window) -> str | None:
    """A short two-phrase label printed above a headline (社区 那些事).

    >>> find_column_label(sample_window("社区 那些事", "增强国家安全意识 筑牢安全防线"))
    'column'
    >>> find_column_label(sample_window("游园赏美景 千人健步行", "铁东区举办全民健身活动"))
    >>> find_column_label(sample_window("站好岗 放好哨", "种好社区治理“责任田”"))

    Printed without its phrase space, a label is a short line whose words the story does not use.

    >>> find_column_label(sample_window("天下万象", "锂同位素高精度原位检测成功实现", "近日，兰州大学团队实现锂同位素检测。", at=0))
    'column'
    >>> find_column_label(sample_window("爱国教育", "进校园活动走进铁东区第五中学", "近日，爱国教育进校园活动在五中举行。", at=0))

    Not over a line as short, counting its words, not its quotation marks: the two are a couplet wrapped.

    >>> find_column_label(sample_window("明责赋能", "做强“枢纽”", "——提升城市基层治理水平", at=0))

    A label over such a wrapped couplet is measured against both its lines.

    >>> find_column_label(sample_window("基层一线", "明责赋能", "做强“枢纽”", at=0, gaps=(1, 1, 0)))
    'column'

    Nor when the line under it is as short but a whole headline, its phrases parted by a space.

    >>> find_column_label(sample_window("社区那些事", "站好岗 放好哨", "近日，社区党支部组织党员站岗值守。", at=0))
    'column'

    Nor when the two lines under it are the halves of a couplet: a couplet takes no third line over it.
    Where the label is as wide as a half, the story must use the halves' words and not the label's.

    >>> find_column_label(sample_window("民生观察", "普及消防知识", "提高自救能力", "近日，社区开展安全宣传。", at=0))
    'column'
    >>> find_column_label(sample_window("社会那些事", "清理小广告", "粉刷美环境", "近日，社区开展清理小广告和墙体粉刷活动。", at=0))
    'column'
    >>> find_column_label(sample_window("社会那些事", "清理小广告", "粉刷美环境", "近日，社区开展卫生整治活动。", at=0))

    As wide as a half, it is a label too where the couplet has its subtitle under it: the head is whole.

    >>> find_column_label(sample_window("城事速览", "党委统揽", "全域统筹", "——构建城乡基层治理新格局", "近日，市里召开会议。", at=0))
    'column'

    A column's tag in the headline under it names the column, not the story (CL18).

    >>> find_column_label(sample_window("社会那些事", "让世界看见中国的科学浪漫（社区·那些事）", "记者魏静 科普影视帮助观众理解科学。", at=0))
    'column'

    OCR reads the box or rule a label is printed in as bars or brackets, and a speck beside it
    as a lone quotation mark: the label is read without them.

    >>> find_column_label(sample_window("| 社会那些事 |", "如何把贪官送进监狱", "在美国起诉贪官，要有证据。", at=0))
    'column'
    >>> find_column_label(sample_window("社区 ”那些事", "江苏探索科技成果高效转化应用新途径", at=0))
    'column'

    Straight over a lede whose headline is printed elsewhere, a label still uses none of its words.

    >>> find_column_label(sample_window("社会 那些事", "本报讯（记者 王欣）近日，烟厂开展安全检查。", at=0))
    'column'
    >>> find_column_label(sample_window("安全 检查", "本报讯（记者 王欣）近日，烟厂开展安全检查。", at=0))

    Nor is a line whose words the page's text uses: a headline over the wrong story's couplet.

    >>> find_column_label(sample_window("清理小广告", "站好岗", "放好哨", "近日，社区党员站岗值守。", "居民纷纷点赞。",
    ...                           "记者看到", "社区积极开展清理小广告活动。", at=0))
    """
    text, nxt = _label_read(w.block.text), w.at(1)
    short_couplet = shapes.is_couplet(text) and len(shapes.squeeze(text)) <= 6  # the cheap test first
    if short_couplet and not _parallel(text) and nxt is not None and shapes.is_headline_like(nxt.text):
        return "column"
    # straight over a lede (its headline printed elsewhere), using none of its words; four or five characters
    # closed up there are as often the story's own headline (喜迎丰收, 夏日送清凉), so only two short phrases
    if (short_couplet and not _parallel(text) and nxt is not None and shapes.opens_story(nxt.text)
            and _foreign_to_what_follows(w, text) and not _under_a_headline_line(w) and not _twin_under_headline(w, text)):
        return "column"
    if not _UNSPACED_LABEL_RE.match(text) or nxt is None or _under_a_headline_line(w) or _twin_under_headline(w, text):
        return None  # a label opens a head: a line right under another headline line is that headline's
    if not shapes.is_headline_like(nxt.text) or shapes.is_byline(nxt.text) or not _foreign_to_what_follows(w, text):
        return None
    halves = _couplet_under(w)
    if halves:  # its halves say what the title is, however many characters they hold together
        return "column" if _over_couplet_halves(w, text, halves) else None
    whole = shapes.is_couplet(nxt.text) and not shapes.is_subtitle_dash(nxt.text)  # a whole headline: nothing over it is its part
    if whole or shapes.letters(_headline_under(w)) >= _LONGER * len(text):
        return "column"  # printed without its phrase space: its words are not the story's
    return None


_UNSPACED_LABEL_RE = regex.compile(r"^\p{Han}{4,5}$")
_FRAME_RE = regex.compile(r"[|｜\[\]【】]")  # OCR's reading of the box or rule round a label
_QUOTES = "“”\"‘’'"
_UNOPENED_RE = regex.compile(r"\p{Han}[”’]\p{Han}")  # (the only mark on the line: it opened nothing)



def _label_read(text: str) -> str:
    """A short line as a label reads: without a frame OCR read as bars or brackets, nor a lone
    quotation mark (a speck: a label quotes nothing), its spaces closed up to one.

    >>> _label_read("| 社会那些事 |"), _label_read("[村层一线 |"), _label_read("社区 ”那些事")
    ('社会那些事', '村层一线', '社区 那些事')
    >>> _label_read("做强“枢纽”"), _label_read("做强“枢纽"), _label_read("航天环宇实|")
    ('做强“枢纽”', '做强“枢纽', '航天环宇实|')

    A closing mark that closes nothing is a speck too, read where the phrase space was.

    >>> _label_read("城事”速览"), _label_read("“枢纽”"), _label_read("枢纽”")
    ('城事 速览', '“枢纽”', '枢纽”')
    """
    if len(text) > 16:
        return text  # (a label is short: a long line is read as printed)
    framed = _FRAME_RE.match(text.strip()) and _FRAME_RE.match(text.strip()[-1])  # a bar at one end only: a cut
    read = _FRAME_RE.sub(" ", text) if framed else text
    if sum(map(read.count, _QUOTES)) == 1 and (" " in read or _UNOPENED_RE.search(read)):  # a lone mark by a
        read = read.translate({ord(q): " " for q in _QUOTES})  # phrase space, or closing nothing mid-line: a speck
    return " ".join(read.split()) if read != text else text


def _lines_under(w: Window, count: int) -> list[str]:
    """The first `count` dump lines under the block, the lines a block joined apart (its cuts)."""
    out: list[str] = []
    for k in range(1, count + 1):
        b = w.at(k)
        if b is None or len(out) >= count:
            break
        bounds = [0, *b.cuts, len(b.text)]
        out.extend(b.text[x:y] for x, y in zip(bounds, bounds[1:]))
    return out[:count]


def _couplet_under(w: Window) -> list[str]:
    """The two dump lines under the block, where they are the halves of a couplet title (普及消防知识 /
    提高自救能力, a column's tag after the second aside); else []."""
    under = _lines_under(w, 2)
    return under if len(under) == 2 and heads.couplet_halves(under[0], shapes.TAG_END_RE.sub("", under[1])) else []


def _over_couplet_halves(w: Window, text: str, halves: list[str]) -> bool:
    """A line over a couplet's halves is a label: a couplet takes no third line, and a label's words
    are no story's on the page (a headline's are its story's, wherever the page prints it). Where it
    is as wide as a half it may be the first half instead; then the story must use the halves'
    words, not its."""
    # the label printed again over another story (a line of its own) is no story's text
    page = "".join(b.text for k, b in enumerate(w.blocks)
                   if k != w.i and b.role not in ("headline", "column") and shapes.squeeze(_label_read(b.text)) != text)
    for half in halves:
        page = page.replace(half, "", 1)
    if wordmatch.shared_share(text, page) >= _ECHO:
        return False
    if shapes.display_length(halves[0]) != shapes.display_length(text):
        return True
    if _subtitled(w):
        return True  # couplet and subtitle make a whole head: a third line over it is no title's
    story = _text_below(w)
    for half in halves:
        story = story.replace(half, "", 1)
    # (halves joined by a mark: no pair across them)
    return wordmatch.shared_share("，".join(halves), story) - wordmatch.shared_share(text, story) >= _ECHO


def _subtitled(w: Window) -> bool:
    """The line under a couplet's two halves is its subtitle or byline."""
    under = _lines_under(w, 3)
    if len(under) < 3:
        return False
    third = under[2]
    return shapes.is_subtitle_dash(third) or shapes.is_byline(third) or (
        shapes.is_headline_like(third) and not heads.couplet_halves(under[1], third))


_ECHO = 0.5  # the share of a headline's character pairs its story repeats (more than a label's; a label's, at most, the page)


def _headline_under(w: Window) -> str:
    """The line under the block, with the line that wraps it: set apart from the block, right over
    the wrap (no ——subtitle); without blank lines to tell, the line alone.

    >>> _headline_under(sample_window("基层一线", "明责赋能", "做强“枢纽”", at=0, gaps=(1, 1, 0)))
    '明责赋能做强“枢纽”'
    >>> _headline_under(sample_window("党委统揽", "全域统筹", "构建城乡基层治理新格局", at=0, gaps=(0, 0, 0)))
    '全域统筹'
    """
    nxt, wrap = w.at(1), w.at(2)
    if wrap is None or not nxt.gap_before or wrap.gap_before or shapes.is_subtitle_dash(wrap.text) \
            or not shapes.is_headline_like(wrap.text):
        return nxt.text
    return nxt.text + wrap.text


LABEL_BELOW = 4  # blocks under a label whose words would make it a headline of their own


def _under_a_headline_line(w: Window) -> bool:
    above = w.at(-1)
    return above is not None and above.role == "headline" and not w.block.gap_before


def _twin_under_headline(w: Window, text: str) -> bool:
    """The headline line over it, past a blank at most, is its couplet twin (清理小广告 / 粉刷美环境):
    OCR parts a big-type couplet's halves by a blank; a label is not as wide as the line over it.

    >>> blocks = [Block("清理小广告", 1, 1, "headline"), Block("粉刷美环境", 3, 3, gap_before=1)]
    >>> _twin_under_headline(Window(blocks, 1), "粉刷美环境"), _twin_under_headline(Window(blocks, 1), "社会那些事些")
    (True, False)
    >>> _twin_under_headline(Window([Block("某区推进老旧小区改造", 1, 1, "headline"), blocks[1]], 1), "粉刷美环境")
    False
    """
    above = w.at(-1)
    return above is not None and above.role == "headline" and w.block.gap_before <= 1 \
        and heads.couplet_halves(above.text, text)


def _blocks_below(w: Window) -> list[Block]:
    return [b for b in (w.at(k) for k in range(1, LABEL_BELOW + 1)) if b is not None]


def _text_below(w: Window) -> str:
    return "".join(b.text for b in _blocks_below(w))


def _foreign_to_what_follows(w: Window, text: str) -> bool:
    """None of the label's character pairs but one is found in the headline and text under it."""
    # a column's tag (社区·那些事) names a column, not the story, and so does the label printed again,
    # on a line of its own or run into a headline as its kicker (民生观察：)
    below = "".join(_TAG_RE.sub("", b.text.removeprefix(text + "：")) for b in _blocks_below(w)
                    if shapes.squeeze(_label_read(b.text)) != text)
    pairs = {text[k:k + 2] for k in range(len(text) - 1)}
    return sum(pair in below for pair in pairs) <= 1


_LONGER = 1.2  # a headline under a label is longer than it (fit: every line 1.2 times as long or more under a label shape was under a true label; as long, never)
_TAG_RE = regex.compile(r"[（(][^（()）]*·[^（()）]*[）)]")  # a column's tag: (社区·那些事)


def _parallel(text: str) -> bool:
    """Two halves of three or more characters each, of equal length: a couplet headline (站好岗 放好哨)."""
    halves = text.split()
    return len(halves) == 2 and len(halves[0]) == len(halves[1]) >= 3


@rule("CL07")
def find_headline(w: Window) -> str | None:
    """A short line without sentence punctuation: a headline, subtitle or section heading.

    Whether it heads a story or a section is decided in assembly, which sees
    the stories around it.

    >>> find_headline(sample_window("普及消防知识")), find_headline(sample_window("识。随后"))
    ('headline', None)
    """
    text = w.block.text
    if shapes.is_headline_like(text) or shapes.is_subtitle_dash(text):
        return "headline"
    return None


@rule("CL10")
def find_wide_headline(w: Window) -> str | None:
    """A one-line title wider than its column, or over a subtitle and byline, commas and all.

    A line of body text never runs past its column; a title set across
    several columns does, and it may part its halves with a comma.

    >>> find_wide_headline(sample_window("给社区做体检，服务更贴心（民生观察·小区里的新变化）", "某区推广网格化服务", widths=(17, 17), at=0))
    'headline'
    >>> find_wide_headline(sample_window("给社区做体检，服务更贴心。", "某区推广网格化服务", widths=(8, 8), at=0))

    So is one over a subtitle over a byline, as wide as its column or not.

    >>> find_wide_headline(sample_window("今日视点：给社区做体检，服务更贴心", "某区推广网格化服务", "本报记者 林涛", widths=(17, 17, 17), at=0))
    'headline'
    """
    block, nxt, after = w.block, w.at(1), w.at(2)
    if block.lines != 1 or block.measure > 40 or nxt is None:
        return None
    wide = bool(block.width) and block.measure > block.width + OVERFLOW
    # or over a subtitle over a byline: the whole stack a headline makes
    if not wide and not (nxt.lines == 1 and after is not None and shapes.is_byline(after.text)
                         and not shapes.is_byline(nxt.text)):
        return None
    if shapes.SENTENCE_PUNCT_RE.search(block.text) or shapes.starts_with_dateline(block.text):
        return None
    return "headline" if shapes.is_headline_like(nxt.text) or shapes.is_byline(nxt.text) else None


@rule("CL17")
def keep_quoted_line_in_text(w: Window) -> str | None:
    """Keep in the running text a line led by a dash or a quotation mark that reads as the story's own.

    Five shapes, one vote: a pull quote (_pull_quote), a sentence's dash at a line's start
    (_dash_clause), a quotation opened and left open with a clause mark (_open_quote), the first line
    under a lone 编者按 (_under_note_label), a line that closes a bracket it never opened
    (_closes_unopened). Each is a line a headline cue takes; its weight outweighs
    those (CL10, CL07), not a caption's or a byline's.

    >>> keep_quoted_line_in_text(sample_window("为丰富职工文化生活，加强各部门交流合作。比赛开幕。", "——加强各部门交流合", "作；"))
    'body'
    >>> keep_quoted_line_in_text(sample_window("“我们主营小商品出口东南亚市场，")), keep_quoted_line_in_text(sample_window("——铁东区开展普法宣讲活动"))
    ('body', None)
    """
    return "body" if _pull_quote(w) or _dash_clause(w) or _open_quote(w) or _under_note_label(w) \
        or _closes_unopened(w) else None


def _under_note_label(w: Window) -> str | None:
    """The line right under an editor's note label printed alone (编者按): the note's text, not a headline.

    A note's first line, cut short where its column wraps, reads as a title; the label stands for
    the note's head, so nothing under it is another.

    >>> w = sample_window("编者按", "目前，涉案公司总裁仍在", "逃。")
    >>> _under_note_label(Window((replace(w.blocks[0], role="note"), *w.blocks[1:]), 1)), _under_note_label(w)
    ('body', None)

    Not over a ——subtitle or a byline: a head run, the note's text printed before its label.

    >>> w = sample_window("编者按", "江苏探索科技成果转化新途径", "——政策松绑构建转化生态")
    >>> _under_note_label(Window((replace(w.blocks[0], role="note"), *w.blocks[1:]), 1))
    """
    prev = w.at(-1)
    if prev is None or prev.role != "note":
        return None
    if any(b is not None and (shapes.is_subtitle_dash(b.text) or shapes.is_byline(b.text)) for b in (w.at(1), w.at(2))):
        return None  # a head run (a ——subtitle, a byline under it): the note's text was printed before its label
    match = shapes.NOTE_RE.match(prev.text.strip())
    return "body" if match and not prev.text.strip()[match.end():].strip() else None


def _pull_quote(w: Window) -> str | None:
    """A dash-set line that repeats the running text beside it in the story: a pull quote.

    A page sets a sentence of the story in large type between its paragraphs, opened or closed by a
    dash; the paragraph just above or below prints the same words. A ——subtitle names its story's
    subject but does not copy a sentence of the lede. (Blocks read as body text so far count.)

    >>> _pull_quote(sample_window("为丰富职工文化生活，加强各部门交流合作。比赛开幕。", "——加强各部门交流合", "作；"))
    'body'
    >>> _pull_quote(sample_window("——此次宣传活动的开展", "活动展览的作品题材广泛。此次宣传活动的开展，激发了师生的爱国热情。", at=0))
    'body'
    >>> _pull_quote(sample_window("社区开展安全宣传", "——铁东区开展普法宣讲活动", "本报讯 近日，铁东区开展普法宣讲。"))
    """
    block = w.block
    if block.lines > 2 or not _dash_set(block.text):
        return None
    core = _PULL_TRIM_RE.sub("", shapes.squeeze(block.text))
    if len(core) < PULL_CORE:
        return None
    for k in (-2, -1, 1, 2):
        other = w.at(k)
        if other is None or other.role != "body" or not shapes.SENTENCE_PUNCT_RE.search(other.text):
            continue  # (running text: a sentence ends in it, as none does in a title run into the text)
        text = shapes.squeeze(other.text)
        if len(text) > len(core) and fuzz.partial_ratio(core, text, score_cutoff=PULL_MATCH):
            return "body"
    return None


PULL_CORE = 5  # characters a pull quote's words need, dashes and marks aside, to be told by its repeat
PULL_MATCH = 90  # rapidfuzz partial ratio at which the paragraph beside prints the same words

_PULL_TRIM_RE = regex.compile(r"^[—\-－一]+|[—\-－]+$|[\p{P}\s]")


def _dash_set(text: str) -> bool:
    """Opened by a dash (——加强……) or closed by one (……送进监狱——)."""
    text = text.strip()
    return shapes.is_subtitle_dash(text) or text.endswith(("——", "--"))


def _dash_clause(w: Window) -> str | None:
    """A dash-led line that goes on with a clause from the running text over it: its sentence's dash.

    A sentence's dash falls at a line's start as often as anywhere (……涉及到美国的行为 / ——通过各种办法
    洗钱；把赃款转移到): the paragraph above stops mid-sentence and the line has a clause mark of its
    own, which a ——subtitle, a title's second line, has not.

    >>> _dash_clause(sample_window("具体来说，他在国内贪污后，后续有一系列涉及到美国的行为", "——通过各种办法洗钱；把赃款转移到", at=1))
    'body'
    >>> _dash_clause(sample_window("本报讯 近日，铁东区开展普法宣讲。", "——通过各种办法洗钱；把赃款转移到", at=1))
    >>> _dash_clause(sample_window("具体来说，他在国内贪污后，后续有一系列涉及到美国的行为", "——铁东区开展普法宣讲活动", at=1))
    >>> _dash_clause(sample_window("一、统一思想认识。经济聚焦如何在美国把贪官送进监狱——", "——法律用美国的：被用来修理黑帮，也能对付", at=1))
    """
    above = w.at(-1)
    text = w.block.text.strip()
    if above is None or above.role != "body" or w.block.lines > 2 or not shapes.is_subtitle_dash(text):
        return None
    if shapes.ends_sentence(above.text) or shapes.is_headline_like(above.text) or _dash_set(above.text[-4:]):
        return None  # (a paragraph that a dash ends ran a title in: AS41's line over its subtitle)
    return "body" if _DASH_CLAUSE_RE.search(text.lstrip("—-－一 ")) else None


_DASH_CLAUSE_RE = regex.compile(r"[，；,;]")  # (a colon parts a subtitle's label from its words)


def _open_quote(w: Window) -> str | None:
    """A line that opens a quotation it does not close, a clause mark inside: running text.

    A paragraph that opens with someone's words (“我们主营小商品出口东南亚市场， / 客户分散……) is
    no headline: a headline quotes a phrase and closes it (“爱心长跑”挽救70条生命).

    >>> _open_quote(sample_window("“我们主营小商品出口东南亚市场，"))
    'body'
    >>> _open_quote(sample_window("“爱心长跑”挽救70条生命")), _open_quote(sample_window("“奉献社会 引领文明"))
    (None, None)
    """
    text = w.block.text.strip()
    if w.block.lines > 2 or text[:1] not in "“\"" or not _DASH_CLAUSE_RE.search(text):
        return None
    if text[:1] == "“" and text.count("“") > text.count("”") or text[:1] == '"' and text.count('"') % 2:
        return "body"
    return None


_CLOSES = {"）": "（", ")": "(", "」": "「", "』": "『", "》": "《", "】": "【", "〕": "〔", "］": "［"}
# a closing bracket and the one that opens it (not quotation marks: OCR reads a couplet's phrase space as one;
# nor "]": OCR reads a 1 as one)
_CLOSING_RE = regex.compile("[" + regex.escape("".join(_CLOSES)) + "]")


def _closes_unopened(w: Window) -> str | None:
    """A line that closes a bracket it never opened: it starts inside a sentence, running text.

    A story's text cut where a column ends or another story's sequel was taken away leaves a line
    that starts inside a parenthesis (BS）中同时实现…, 通讯员余若怡）锂同位素…); the short
    line reads as a headline, but a headline opens every bracket it closes (no title or section heading
    of the fit split's 24,416 closes one it did not open). Only where the line goes on past the mark:
    a wrapped title's last line closes the column tag its first line opened (…施肥更精细（经济聚焦· /
    农田里的新鲜事）), which took 47 fit titles.

    >>> _closes_unopened(sample_window("BS）中同时实现锂双线结构")), _closes_unopened(sample_window("通讯员余若怡）锂同位素"))
    ('body', 'body')
    >>> _closes_unopened(sample_window("给社区做体检（民生观察）")), _closes_unopened(sample_window("清理小广告”粉刷美环境"))
    (None, None)
    >>> _closes_unopened(sample_window("农田里的新鲜事）"))
    """
    text = w.block.text.strip()
    if not _CLOSING_RE.search(text):
        return None  # (most lines close nothing: the scan below is the slow part)
    opened: list[str] = []
    for k, ch in enumerate(text):
        if ch in _CLOSES.values():
            opened.append(ch)
        elif ch in _CLOSES:
            if _CLOSES[ch] not in opened:
                return "body" if _HAN_RE.search(text[k + 1:]) else None
            opened.remove(_CLOSES[ch])
    return None


FULL_LINES = 3  # lines a paragraph needs for its longest to be a full line of its column

OVERFLOW = 1.5  # characters past the column width that a justified body line never reaches


def sample_window(*texts: str, widths: tuple[float, ...] | None = None, at: int | None = None,
            gaps: tuple[int, ...] | None = None) -> Window:
    """A window on the middle (or only, or first, or at-th) text, for the cues' examples."""
    widths = widths or (0.0,) * len(texts)
    gaps = gaps or (1,) * len(texts)
    blocks = tuple(Block(t, n, n, width=wd, measure=max(wd, shapes.display_length(t)), gap_before=g)
                   for n, (t, wd, g) in enumerate(zip(texts, widths, gaps), 1))
    return Window(blocks, at if at is not None else 1 if len(texts) == 3 else 0)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One block's role and the votes that weighed in it (built only when tracing)."""

    role: str
    votes: tuple[tuple[Rule, str, float], ...]  # each cue that voted: the role it voted for, its weight

    @property
    def by(self) -> Rule | None:
        """The cue that weighed most toward the role (the first listed on a tie): it names the step in the trace."""
        side = [(weight, -k, r) for k, (r, role, weight) in enumerate(self.votes) if role == self.role]
        return max(side, key=lambda v: v[:2])[2] if side else None

    def explain(self, bias: float) -> str:
        """Each role voted for with its score and terms, the role given first, then by score:
        [credit 16 = CL01 +16; headline 1 = CL07 +1; body 0 = bias 0]."""
        terms: dict[str, list[str]] = {"body": [f"bias {bias:g}"]}
        totals = {"body": bias}
        for r, role, weight in self.votes:
            terms.setdefault(role, []).append(f"{r.code} +{weight:g}")
            totals[role] = totals.get(role, 0.0) + weight
        order = sorted(totals, key=lambda role: (role != self.role, -totals[role]))
        return "[" + "; ".join(f"{role} {totals[role]:g} = {', '.join(terms[role])}" for role in order) + "]"


@dataclass(frozen=True, slots=True)
class Classifier:
    """The classify cues with their weights (rules/classify.toml): one weighted decision per block."""

    cues: tuple[tuple[Rule, float], ...]
    bias: float  # body's score before any vote

    @classmethod
    def of(cls, rules: list[Rule], table: dict | None = None) -> Classifier:
        table = lexicon.read_rules("classify.toml") if table is None else table
        weights = table["weights"]
        return cls(tuple((r, float(weights[r.code])) for r in rules if weights.get(r.code)), float(table["bias"]))

    def decide(self, w: Window, votes: list[tuple[Rule, str, float]] | None = None) -> str:
        """The role whose votes weigh most (body's score starts at the bias; a tie goes to body, then to
        the role voted for first); each vote is added to `votes`, if given.

        >>> classifier = Classifier.of([REGISTRY["CL01"], REGISTRY["CL07"]], {"bias": 0.5, "weights": {"CL01": 2, "CL07": 3}})
        >>> votes = []
        >>> classifier.decide(sample_window("本报记者 林涛 摄"), votes), Verdict("headline", tuple(votes)).explain(0.5)
        ('headline', '[headline 3 = CL07 +3; credit 2 = CL01 +2; body 0.5 = bias 0.5]')
        >>> classifier.decide(sample_window("普及消防知识")), classifier.decide(sample_window("识。随后"))
        ('headline', 'body')
        """
        scores = None  # no dict for a block no cue votes on (most body text)
        for r, weight in self.cues:  # (a plain loop: generators cost more here)
            role = r.func(w)
            if role:
                if scores is None:
                    scores = {"body": self.bias}
                scores[role] = scores.get(role, 0.0) + weight
                if votes is not None:
                    votes.append((r, role, weight))
        if scores is None:
            return "body"
        return max(scores, key=scores.__getitem__)  # (the first of the highest: body, then the first voted)


def classify(blocks: list[Block], classifier: Classifier, trace: list[Step] | None = None, tess: bool = False) -> list[Block]:
    """Give every block a role, one weighed decision each; earlier roles are visible to later windows.

    A headline's lines joined into one block are first offered to CL04 apart: the join
    may have glued a column label, printed on its own line, to the headline under it.
    """
    out = list(blocks)
    labels = any(r.func is find_column_label for r, _ in classifier.cues)
    i = 0
    while i < len(out):
        parted = _part_label(out, i) if labels else None
        if parted is not None:
            out[i:i + 1] = parted
        window = Window(out, i, tess)
        votes: list | None = [] if trace is not None else None
        role = classifier.decide(window, votes)
        if votes:
            verdict = Verdict(role, tuple(votes))
            by = verdict.by
            if by is not None:
                trace.append(Step(by.code, by.name, out[i].first, out[i].last, out[i].text[:24],
                                  f"{role}: {out[i].text[:24]}  {verdict.explain(classifier.bias)}"))
        if role != out[i].role:
            out[i] = replace(out[i], role=role)
        i += 1
    return out


def _part_label(blocks: list[Block], i: int) -> tuple[Block, Block] | None:
    """Block i's first dump line and the rest, where the line alone is a column label (CL04) over
    a headline; None where it is not."""
    block = blocks[i]
    if not block.cuts or not _UNSPACED_LABEL_RE.match(block.text[:block.cuts[0]]) or not shapes.is_headline_like(block.text):
        return None
    parted = _first_line_apart(block)
    return parted if find_column_label(Window([*blocks[:i], *parted, *blocks[i + 1:]], i)) else None


def _first_line_apart(block: Block) -> tuple[Block, Block]:
    """A block cut after its first dump line: that line, and the rest (conservation: every character kept).

    >>> [(b.text, b.first, b.last, b.cuts) for b in _first_line_apart(Block("民生观察普及消防知识提高自救能力", 3, 5, lines=3, cuts=(4, 10)))]
    [('民生观察', 3, 3, ()), ('普及消防知识提高自救能力', 4, 5, (6,))]
    """
    cut = block.cuts[0]
    runs = list(block.line_runs)
    first_no = runs[0][0]
    rest_runs = ([(first_no + 1, runs[0][1])] if runs[0][1] > first_no else []) + runs[1:]
    label = replace(block, text=block.text[:cut], last=first_no, lines=1, cuts=(), runs=(),
                    measure=shapes.display_length(block.text[:cut]))
    rest_text = block.text[cut:]
    bounds = [0, *(c - cut for c in block.cuts[1:]), len(rest_text)]
    rest = replace(block, text=rest_text, first=rest_runs[0][0], lines=block.lines - 1, cuts=tuple(bounds[1:-1]),
                   runs=tuple(rest_runs) if len(rest_runs) > 1 else (), gap_before=0,
                   measure=max(shapes.display_length(rest_text[x:y]) for x, y in zip(bounds, bounds[1:])))
    return label, rest
