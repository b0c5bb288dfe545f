"""Text boxes written out of reading order: a box that stops mid-sentence, its sequel further on.

pdfminer writes a page as text boxes parted by blank lines, in an order of its own, and on part of
a page deals the boxes of side-by-side columns out in turn: a box that stops mid-sentence is then
followed by a box of another column, while the box that goes on from it stands a few boxes away.
The column stage searches such a page (columns.dealt_in_chunks) and puts back the stretches its
search reads clearly better than the dump; among the boxes it leaves (its search finds no whole
reading clearly better), this step still moves each sequel box the seams make sure of, one at a
time, to follow the box it goes on from (CW07):

- the box stops mid-sentence (a full line, no sentence mark, not a head) and nothing says the next
  box goes on from it: no dictionary word across the seam, no pair of characters the page prints;
- one box within reach, and only one, starts with a word and a page pair across the seam;
- that box's own predecessor does not go on into it by either.

Only pages the column stage judged dealt chunk by chunk get here: a page read in order (pdftotext
-raw, PyMuPDF, the simulated pages, the golden pages) is left as read, but for one move (CW12): on
a page whose blank lines part blocks, not every line (pdftotext's default mode, which writes a
story's next column after a block of another story), a block that stops mid-sentence over a head
moves its sure sequel up past that head. Moving boxes before the
search instead (so that it sees fewer turns) broke its stretches: fit pdfminer CER 34.6 -> 37.9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gutters, lexicon, seams, shapes
from .model import Step

_RULES = lexicon.read_rules("columns.toml")["sequels"]
_REACH = int(_RULES["reach"])  # boxes either side of a box where its sequel is looked for
_MIN_BOXES = int(_RULES["min_boxes"])  # a page of fewer boxes has no box order to mend
_MAX_MOVES = int(_RULES["max_moves"])  # moves at most a page (each is one box; a story's run takes several)
_STOPS = frozenset("。！？；")
_MAX_PERIOD = int(_RULES["max_period"])  # columns dealt in turn, at most (CW11)
_MIN_VOTES = int(_RULES["min_votes"])  # boxes of a run that go on into the box a round later, at least
_FEW_VOTES = int(_RULES["few_votes"])  # or this many, none against, over two full rounds at least
_SLACK = int(_RULES["slack"])  # rounds past a run's reach looked through for its next vote (CW11)
_CHUNK = int(_RULES["chunk"])  # lines of a box, at most, in such a run: a column's chunk, not a paragraph
_JOINED = re.compile(r"[。！？；，、：] +[\u3400-\u9fff]")  # a space after a mark: an OCR engine's join (CW11)
_SHORT = 0.85  # a head over text is shorter than this share of the longest of the lines under it (CW12)
_HEAD_SHORT = float(_RULES["head_short"])  # a head opening a box is shorter than this share of the lines under it (CW24)
_WIDER = 1.3  # a caption's lines run wider than a column's chunk before it by this much at least (CW11)
_BLOCKS = float(_RULES["blocks"])  # lines after a blank, at most a share of the lines, where blank lines part blocks (CW12)
_CHUNK_LINES = 3  # lines of a box CW33 moves a sequel to, at least: one or two stray lines may stand before their own head
_NEXT_MEASURE = float(_RULES["next_measure"])  # a next box this near box i's measure is its column going on (CW33)
_CAPTION_LINES = int(_RULES["caption_lines"])  # a caption set inside a column an ordered dump prints, lines at most (CW33)
_MARK = re.compile(r"[，、：；。！？,;:（）()“”‘’《》—…·]")  # a clause or quote mark (no page pair across it counts for CW33)
_MEASURE = float(_RULES["measure"])  # a sequel set at its box's measure: widest lines this many characters apart at most (CW33)
_SHAPED_REACH = int(_RULES["shaped_reach"])  # boxes after a box where a sequel shaped as its column's is looked for (CW57)
_CLOSED = re.compile(r"[。！？；][”’）)]*$")  # a sentence closed at a line's end, its quote or bracket after it (CW57)
_JUNK_END = re.compile(r"[A-Za-z_][\w.]*$")  # a line ending in a code or an address: no sentence to go on (CW57)


@dataclass(frozen=True, slots=True)
class Seam:
    """The evidence that one box goes on from another: a dictionary word, a page pair across."""

    word: bool
    pair: bool

    @property
    def any(self) -> bool:
        return self.word or self.pair

    @property
    def clear(self) -> bool:
        return self.word and self.pair


def boxes_of(numbered: list[tuple[int, str]]) -> tuple[list[list[tuple[int, str]]], list[list[tuple[int, str]]]]:
    """The page's boxes (its runs of lines of text) and the blank lines after each (before the
    first, in front): a box moves, the blank lines stay where they stood.

    >>> boxes, gaps = boxes_of([(1, "甲"), (2, "乙"), (3, ""), (4, "丙")])
    >>> [[text for _, text in box] for box in boxes], gaps
    ([['甲', '乙'], ['丙']], [[], [(3, '')], []])
    """
    boxes: list[list[tuple[int, str]]] = []
    gaps: list[list[tuple[int, str]]] = [[]]
    for no, text in numbered:
        if not text.strip():
            gaps[-1].append((no, text))
        elif boxes and not gaps[-1]:
            boxes[-1].append((no, text))
        else:
            boxes.append([(no, text)])
            gaps.append([])
    return boxes, gaps


def _text(box: list[tuple[int, str]], last: bool) -> str:
    return box[-1 if last else 0][1].strip()


def stops_open(text: str) -> bool:
    """A full line of running text that stops mid-sentence: no sentence mark at its end, a mark inside
    (a line with none may be a head), not a byline.

    >>> stops_open("体验，帮助观众，理解复杂科"), stops_open("对科学的好奇心。"), stops_open("帮助观众理解复杂科")
    (True, False, False)
    """
    return (len(text) >= 6 and text[-1] not in _STOPS and not shapes.ends_paragraph(text)
            and not shapes.is_byline(text) and not shapes.is_headline_like(text))


def seam(left: str, right: str, pairs: seams.PagePairs, words) -> Seam:
    """What says `right` goes on from `left`: a dictionary word across, a page pair across."""
    return Seam(seams.word_across(left, right, words), pairs.affinity(left, right) > 0)


def sequel(boxes: list[list[tuple[int, str]]], i: int, pairs: seams.PagePairs, words,
           past_head: bool = False) -> int | None:
    """The box that clearly goes on from box i, where the next box does not; else None.
    past_head: only where the next box opens with a head (CW12).

    >>> words = {"科学": -8.0, "包装": -9.0, "议题": -9.0}
    >>> page = [[(1, "体验，帮助观众，理解复杂科")], [(3, "装，而是唤醒好奇心。")],
    ...         [(5, "学议题，并产生深远影响。")], [(7, "它不是简单的知识包")]]
    >>> pairs = seams.PagePairs.of(["科学家说", "包装好了"])
    >>> sequel(page, 0, pairs, words), sequel(page, 2, pairs, words), sequel(page, 0, pairs, words, past_head=True)
    (2, None, None)
    >>> page[1] = [(3, "让世界看见中国的科学浪漫")]
    >>> sequel(page, 0, pairs, words, past_head=True)
    2
    """
    left = _text(boxes[i], last=True)
    if i + 1 >= len(boxes) or not stops_open(left) or seam(left, _text(boxes[i + 1], last=False), pairs, words).any:
        return None
    if past_head and not opens_with_head(boxes[i + 1]):
        return None  # (a page read in order: text between is the story's own, a caption, another story's)
    found = []
    for j in range(max(0, i - _REACH), min(len(boxes), i + _REACH + 1)):
        if j in (i, i + 1) or not seam(left, _text(boxes[j], last=False), pairs, words).clear:
            continue
        before = _text(boxes[j - 1], last=True) if j else ""
        if j and stops_open(before) and seam(before, _text(boxes[j], last=False), pairs, words).any:
            continue  # its own predecessor goes on into it
        found.append(j)
    return found[0] if len(found) == 1 else None


def in_simplified(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The page's lines as the dictionary reads them: a page printed in traditional characters in
    simplified ones (OpenCC's t2s), so that a word across a seam is found on it too; else the lines.
    Decisions read this view; the lines moved are the page's own (_as_read).

    >>> in_simplified([(1, "運用科學方法，推動經濟發展")]), in_simplified([(1, "运用")])
    ([(1, '运用科学方法，推动经济发展')], [(1, '运用')])
    """
    if not lexicon.printed_traditional(numbered):
        return numbered
    convert = lexicon.converter("t2s").convert
    return [(no, convert(text) if text.strip() else text) for no, text in numbered]


def _as_read(numbered: list[tuple[int, str]], view: list[tuple[int, str]], out: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`out` (view's lines, reordered) as the page's own lines."""
    if view is numbered:
        return out
    own: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for line, orig in zip(view, numbered):
        own.setdefault(line, []).append(orig)
    return [own[line].pop(0) for line in out]


def measured_sequel(boxes: list[list[tuple[int, str]]], read: list[list[tuple[int, str]]], i: int,
                    pairs: seams.PagePairs, words, shaped: bool = False) -> int | None:
    """The one box within reach that goes on from box i by a word or a page pair across the seam and is
    set at box i's measure (its widest line as wide, within _MEASURE), where box i stops mid-sentence and
    the next box goes on from it by neither and is set at another measure (a head, a caption: CW33: pdftotext's default mode writes a column's sequel after
    a picture's caption or another story's block); not a box that opens a story (a dateline, a byline),
    nor one its own predecessor goes on into. Not what a dump read in order prints too (the simulated pages,
    which set a picture's caption inside its column): a page pair alone across a clause mark (_measured_seam),
    a move past a caption set in the column (_caption_in_place), a box before it moved down (pdftotext writes
    the sequel after: on a page read in order, a box before it is a chance seam).
    read: the boxes as the seams read them (simplified script).

    >>> words = {"科学": -8.0, "包装": -9.0}
    >>> other = [(3 + k, "另一篇稿子的一行文字，写得很长很长。") for k in range(8)]  # another story's block
    >>> page = [[(0, "这是上一段的一行文字，也"), (1, "观众看到的是以叙事共情的"), (2, "体验，帮助观众，理解复杂科")], other,
    ...         [(12, "学议题，并产生深远影响。")], [(14, "另一篇稿子的一行文字。")]]
    >>> pairs = seams.PagePairs.of(["科学家说"])
    >>> measured_sequel(page, page, 0, pairs, words)
    2
    >>> captioned = page[:1] + [[(3, "全媒体记者 王欢 摄")]] + page[2:]  # a caption set in the column: as read
    >>> measured_sequel(captioned, captioned, 0, pairs, words) is None
    True
    >>> page[2] = [(5, "学议题，并产生深远影响，也更广泛")]  # wider: another column's
    >>> measured_sequel(page, page, 0, pairs, words) is None
    True
    """
    left = _text(read[i], last=True)
    if i + 1 >= len(boxes) or len(boxes[i]) < _CHUNK_LINES or not (stops_open(left) or _full_open(boxes[i])) \
            or seam(left, _text(read[i + 1], last=False), pairs, words).any \
            or bool(shapes.run_in_credit(boxes[i][-1][1].strip())):  # a caption run into its credit ends it (CW56)
        return None
    measure = _body_measure(boxes[i])
    if abs(_body_measure(boxes[i + 1]) - measure) < _NEXT_MEASURE and not opens_heads(boxes[i + 1]):
        return None  # the next box set near the measure: the column going on, as read (not where it opens with heads: CW55)
    found = []
    for j in range(max(0, i - _REACH), min(len(boxes), i + _REACH + 1)):
        right = _text(read[j], last=False)
        if j in (i, i + 1) or abs(_body_measure(boxes[j]) - measure) > _MEASURE or not seam(left, right, pairs, words).any \
                or shapes.starts_with_dateline(right) or shapes.is_byline(right):
            continue
        before = _text(read[j - 1], last=True) if j else ""
        if j and stops_open(before) and seam(before, right, pairs, words).any:
            continue  # its own predecessor goes on into it
        found.append(j)
    if not found:  # no seam says which: the one box shaped as the column's sequel, on a page set flush (CW57)
        return _shaped_sequel(boxes, read, i, measure) if shaped else None
    if len(found) > 1:  # continuations compete: the one box a word and a page pair both go on into, if one alone (CW58)
        both = [j for j in found if seam(left, _text(read[j], last=False), pairs, words).clear]
        found = both if len(both) == 1 else found
    if len(found) != 1:
        return None
    j = found[0]
    if j < i or not _measured_seam(left, _text(read[j], last=False), pairs, words) or _caption_in_place(boxes[i + 1:j], measure):
        return None  # what an ordered dump prints too: a box read before it, a chance pair, a caption set in the column
    return j


def _shaped_sequel(boxes: list[list[tuple[int, str]]], read: list[list[tuple[int, str]]], i: int, measure: float) -> int | None:
    """The one box a little after box i shaped as its column's sequel (_shaped_sequels), where no seam says which box
    goes on (CW57); not after a line closing with a code, an address or a photo's credit (no sentence goes on), nor
    where the next box reads as a sentence's tail (_tail) or is set near the measure even below a head (a label over
    the column going on), nor past a caption set in the column (_caption_in_place).

    >>> col = [(k, "一行写满的文字，写得满满") for k in range(3)]
    >>> other = [(10 + k, "另一篇稿子的一行文字，写得很长很长。") for k in range(8)]  # another story's block
    >>> page = [col + [(3, "体验，帮助观众理解复杂")], other, [(20, "议题并产生深远的影响，"), (21, "完。")]]
    >>> _shaped_sequel(page, page, 0, 12.0)
    2
    >>> page[0][-1] = (3, "本报通讯员 王爱明 摄")  # a photo's credit: no sentence goes on
    >>> _shaped_sequel(page, page, 0, 12.0) is None
    True
    """
    left = _text(read[i], last=True)
    if _JUNK_END.search(left) or _credited(left) or _tail(boxes[i + 1]) or abs(_body_measure(boxes[i + 1]) - measure) < _NEXT_MEASURE:
        return None
    found = _shaped_sequels(boxes, read, i, measure)
    return found[0] if len(found) == 1 and not _caption_in_place(boxes[i + 1:found[0]], measure) else None


def set_flush(numbered: list[tuple[int, str]]) -> bool:
    """Whether no line of the page is set in by a space: pdftotext's default mode prints every line from its block's
    left edge (none of the 864 fit pdftotext dumps sets one in), an extractor that keeps a paragraph's indent (the
    simulated pages, 648 of 864) writes the page in reading order. CW57 reads a sequel by its shape on a flush page only.

    >>> set_flush([(1, "本报讯（通讯员 王欣）为进"), (2, ""), (3, "一步提高居民")]), set_flush([(1, " 本报讯（通讯员 王欣）为进一步")])
    (True, False)
    """
    return not any(text[:1].isspace() and text.strip() for _, text in numbered)


def _tail(box: list[tuple[int, str]]) -> bool:
    """A box that reads as a sentence's tail: it opens with a clause mark, or it is one line that closes a sentence
    (an ordered dump, the simulated pages, parts a paragraph's last line off by a blank line: CW57 reads past no such box).

    >>> _tail([(1, "，赛出团结友谊，赛出良好风采。")]), _tail([(1, "大大提升了工作效率。")]), _tail([(1, "天下 万象")])
    (True, True, False)
    """
    first = _text(box, last=False)
    return bool(_MARK.match(first)) and first[:1] not in "（(“‘《" or len(box) == 1 and bool(_CLOSED.search(first))


def _shaped_sequels(boxes: list[list[tuple[int, str]]], read: list[list[tuple[int, str]]], i: int, measure: float) -> list[int]:
    """The boxes a little after box i shaped as its column's sequel, where no seam says which (CW57): set at
    its measure, two lines at least, opening with a full line (a paragraph's first line is indented, a
    sequel's mid-paragraph line is not), no head, dateline or byline opening it, the box before it not
    running on at its measure (its own column's going on).

    >>> col = [(k, "一行写满的文字，写得满满") for k in range(3)]
    >>> other = [(10, "另一篇稿子的一行文字，写得更长更长更长。"), (11, "完。")]
    >>> page = [col + [(3, "体验，帮助观众理解复杂")], other, [(20, "议题并产生深远的影响，"), (21, "完。")]]
    >>> _shaped_sequels(page, page, 0, 12.0)
    [2]
    >>> page[2] = [(20, "本次议题影响，"), (21, "完。")]  # a paragraph's first line: indented, short
    >>> _shaped_sequels(page, page, 0, 12.0)
    []
    """
    found = []
    for j in range(i + 2, min(len(boxes), i + _SHAPED_REACH + 1)):
        box, right, before = boxes[j], _text(read[j], last=False), _text(read[j - 1], last=True)
        if len(box) < 2 or box[0][1][:1].isspace() or abs(_body_measure(box) - measure) > _MEASURE or gutters.printed_width(right) < measure - 1 \
                or opens_heads(box) or opens_with_head(box) or shapes.starts_with_dateline(right) or shapes.is_byline(right):
            continue
        if _runs_on(before) and abs(_body_measure(boxes[j - 1]) - _body_measure(box)) <= _MEASURE:
            continue  # the box before it runs on at its measure: its own column going on
        found.append(j)
    return found


def _measured_seam(left: str, right: str, pairs: seams.PagePairs, words) -> bool:
    """A word across, or a page pair not across a clause mark (a mark and any character the page prints
    after one elsewhere are a pair by chance: ，|次).

    >>> _measured_seam("汇率出现较大波动，", "次日下午", seams.PagePairs.of(["，次日"]), {})
    False
    """
    found = seam(left, right, pairs, words)
    return found.word or found.pair and not (_MARK.match(left[-1:]) or _MARK.match(right[:1]))


def _caption_in_place(passed: list[list[tuple[int, str]]], measure: float) -> bool:
    """Boxes a block's sequel would be moved past that read as a picture's caption set inside the column,
    where an ordered dump (the simulated pages) prints it: a few lines (_CAPTION_LINES at most), no box opening
    with a head, ending with a credit or a byline, or set at a wider measure than the column's (every line but a box's last
    _NEXT_MEASURE wider or more: across its photo)."""
    if not passed or sum(len(box) for box in passed) > _CAPTION_LINES:
        return False
    last = _text(passed[-1], last=True)
    if any(opens_with_head(box) and not _credited(_text(box, last=False)) for box in passed):
        return False
    return _credited(last) or all(gutters.printed_width(text.strip()) >= measure + _NEXT_MEASURE
                                  for box in passed for _, text in (box[:-1] or box))  # (its last line may fall short)


def _credited(text: str) -> bool:
    return shapes.is_credit(text) or shapes.is_byline(text) or shapes.run_in_credit(text) is not None


def _measure(box: list[tuple[int, str]]) -> float:
    return max(gutters.printed_width(text.strip()) for _, text in box)


def _body_measure(box: list[tuple[int, str]]) -> float:
    """A box's measure; where it opens with heads, that of its running text (from the first line with a
    clause mark on, bylines aside): a headline or subtitle over the column is wider or narrower (CW56)."""
    if not opens_heads(box):
        return _measure(box)
    at = next((k for k, (_, text) in enumerate(box) if shapes.BODY_PUNCT_RE.search(text)), None)
    body = [gutters.printed_width(text.strip()) for _, text in box[at:] if not shapes.is_byline(text.strip())] if at is not None else []
    return max(body) if body else _measure(box)


def _full_open(box: list[tuple[int, str]]) -> bool:
    """A box whose last line runs on though it reads like a head (a narrow column's line, a clause mark in it
    or none): no sentence end, as wide as the box's running text, a clause mark in it or in the line over it
    (CW56; not two lines over: a head box's label, 民生观察：).

    >>> _full_open([(1, "中心支公司的公益善"), (2, "要社会各界长期坚持"), (3, "和共同努力，只有凝")])
    True
    >>> _full_open([(1, "民生观察：春风化雨润童心"), (2, "红色基因代代传"), (3, "四平星星火炬社会工作服务中心")])
    False
    >>> _full_open([(1, "站好岗"), (2, "放好哨"), (3, "种好社区治理责任田")]), _full_open([(1, "要社会各界长期坚持"), (2, "和共同努力。")])
    (False, False)
    """
    if len(box) < 2:
        return False
    last = box[-1][1].strip()
    return _runs_on(last) and any(shapes.BODY_PUNCT_RE.search(text) for _, text in box[-2:]) \
        and gutters.printed_width(last) >= _body_measure(box) - 1


def opens_heads(box: list[tuple[int, str]]) -> bool:
    """A box that opens with another story's heads: _heads_over, or a first line reading like a head with
    a byline within its first three lines (CW55)."""
    first = _text(box, last=False)
    return _heads_over(box) or shapes.is_headline_like(first) and any(shapes.is_byline(text.strip()) for _, text in box[1:3])


def _boxes_to_mend(numbered: list[tuple[int, str]], words: dict[str, float] | None):
    """(boxes, gaps, words, page pairs) of a page with enough boxes and a dictionary to mend their order by; else None."""
    boxes, gaps = boxes_of(numbered)
    if len(boxes) < _MIN_BOXES:
        return None
    words = words if words is not None else seams.lexicon()
    if not words:
        return None
    return boxes, gaps, words, seams.PagePairs.of(text for _, text in numbered if text.strip())


def opens_with_head(box: list[tuple[int, str]]) -> bool:
    """A box that opens with a head: a line that reads like one, alone or short of the lines under it
    (a column's first full line may read like a head too).

    >>> opens_with_head([(1, "让世界看见中国的科学浪漫")]), opens_with_head([(1, "让世界看见中国"), (2, "新华社北京6月11日电工业和信息化部")])
    (True, True)
    >>> opens_with_head([(1, "锁价定增通常以董事会决议公告日作为定价基"), (2, "准日，在该时间点就将发行价格确定下来,认")])
    False
    """
    first = _text(box, last=False)
    if not shapes.is_headline_like(first):
        return False
    under = [len(text.strip()) for _, text in box[1:4]]
    return not under or len(first) < _SHORT * max(under)


def parts_blocks(numbered: list[tuple[int, str]]) -> bool:
    """Whether the page's blank lines part blocks of several lines (pdftotext's), not every line or two.

    >>> parts_blocks([(1, "甲"), (2, "乙"), (3, "丙"), (4, ""), (5, "丁")]), parts_blocks([(1, "甲"), (2, ""), (3, "乙")])
    (True, False)
    """
    lines = [text.strip() for _, text in numbered]
    after_blank = sum(1 for a, b in zip(lines, lines[1:]) if not a and b)
    return after_blank <= _BLOCKS * sum(1 for text in lines if text)


def reorder(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
            words: dict[str, float] | None = None, past_head: bool = False, shaped: bool = True) -> list[tuple[int, str]]:
    """The page's boxes with each clear sequel moved to follow the box it goes on from (CW07);
    the blank lines stay where they stood. words: the dictionary (jieba's, seams.lexicon()).
    past_head: a page read in order but for blocks written after another story's: a sequel moves
    only past a head (CW12), or where it is set at its box's measure (CW33); a page in traditional
    script has its seams read in simplified (in_simplified, the dictionary's) and CW12 leaves it.
    shaped: a sequel no seam says is read by its shape too (CW57), on a page set flush (not an OCR engine's).

    >>> words = {"科学": -8.0, "包装": -9.0, "议题": -9.0}
    >>> boxes = ["让世界看见中国的科学浪漫", "体验，帮助观众，理解复杂科", "装，而是唤醒好奇心。", "学议题，并产生深远影响。",
    ...          "在，它不是，简单的知识包", "科学家说包装好了。", "本报记者 王欢"]
    >>> page = [(k, text) for k, text in enumerate(line for box in boxes for line in (box, ""))]
    >>> [text for _, text in reorder(page, words=words) if text]  # doctest: +NORMALIZE_WHITESPACE
    ['让世界看见中国的科学浪漫', '体验，帮助观众，理解复杂科', '学议题，并产生深远影响。', '在，它不是，简单的知识包',
     '装，而是唤醒好奇心。', '科学家说包装好了。', '本报记者 王欢']
    """
    page = _boxes_to_mend(numbered, words)
    if page is None:
        return numbered
    boxes, gaps, words, pairs = page
    view = in_simplified(numbered) if past_head else numbered
    traditional = view is not numbered
    read = boxes_of(view)[0] if traditional else boxes  # the boxes as the seams read them
    if traditional:
        pairs = seams.PagePairs.of(text for _, text in view if text.strip())
    moved: set[int] = set()  # boxes (by first line number) moved once: never moved again
    flush = past_head and shaped and set_flush(numbered)  # a page set flush is read for shaped sequels too (CW57)
    for _ in range(_MAX_MOVES):
        for by_shape in (False, True) if flush else (False,):  # seam moves first
            for i in range(len(boxes)):
                code, name = ("CW12", "sequel-past-head") if past_head else ("CW07", "box-to-sequel")
                j = None if traditional else sequel(read, i, pairs, words, past_head)
                if j is None and past_head:
                    j, code, name = measured_sequel(boxes, read, i, pairs, words, by_shape), "CW33", "sequel-at-measure"
                if j is not None and boxes[j][0][0] not in moved:
                    break
            else:
                continue
            break
        else:
            break
        box = boxes[j]
        moved.add(box[0][0])
        if trace is not None:
            left, right = _text(boxes[i], last=True), _text(box, last=False)
            why = ("a word and a page pair across" if code != "CW33" else "a word or a page pair across, set at its measure"
                   if seam(_text(read[i], last=True), _text(read[j], last=False), pairs, words).any
                   else "no seam says which, the one box after it shaped as its column's sequel (CW57)")
            trace.append(Step(code, name, box[0][0], box[-1][0], right,
                              f"after line {boxes[i][-1][0]} ({left[-6:]}|{right[:6]}): {why}; "
                              f"the next box ({_text(boxes[i + 1], last=False)[:6]}) goes on by neither"
                              + (", a head" if code == "CW12" else "")))
        for order in (boxes, read) if read is not boxes else (boxes,):
            taken = order.pop(j)
            order.insert(i + 1 if j > i else i, taken)
    return gaps[0] + [line for box, gap in zip(boxes, gaps[1:]) for line in box + gap]


def _runs_on(text: str) -> bool:
    """A full line that stops mid-sentence (a column's line: a narrow column's may look like a head).

    >>> _runs_on("工作中，专家组与烟厂主要"), _runs_on("安全生产标准化创建工作。"), _runs_on("本报记者 王欢 李明")
    (True, False, False)
    """
    return len(text) >= 6 and text[-1] not in _STOPS and not shapes.ends_paragraph(text) and not shapes.is_byline(text)


def dealt_run(boxes: list[list[tuple[int, str]]], i: int, period: int, seam_at, end: int | None = None) -> tuple[int, int, int, int]:
    """(last box, votes, misses, pairs) of the run of boxes dealt out in turn, `period` columns, from box i:
    a box that stops mid-sentence votes where the box a round later goes on from it (a dictionary
    word or a page pair across), misses where another box within a round goes on from it instead
    by a dictionary word (pairs: by a page pair alone, a chance pair as often), the next box first (a
    page read in order, every line a box, finds chance seams a round later too); no seam found at all,
    as for most seams, says nothing. The run reaches the last box a vote reaches,
    a vote found up to _SLACK rounds past it reaching on (most boxes of a round show no seam), unless a box going
    on elsewhere or a box of heads (_heads: another story's) comes first.
    end: a box where one column ends: the boxes after it are dealt a round of one column fewer (shrunk).

    >>> words = {"科学": -8.0, "包装": -9.0, "议题": -9.0, "好奇": -9.0}
    >>> page = [[(1, "体验，帮助观众，理解复杂科")], [(3, "在，它不是，简单的知识包")], [(5, "学议题，并产生深远的好")],
    ...         [(7, "装，而是唤醒大家好奇心。")], [(9, "奇心，并产生深远影响。")]]
    >>> pairs = seams.PagePairs.of(["科学家说", "包装好了"])
    >>> dealt_run(page, 0, 2, lambda a, b: seam(_text(page[a], True), _text(page[b], False), pairs, words))
    (4, 3, 0, 0)
    """
    last, votes, missed, paired, k = i + period, 0, [], [], i
    width = max(len(text.strip()) for box in boxes[i:i + period + 1] for _, text in box)
    while k <= last + _SLACK * period:  # a round or more with no seam found does not end the run (most seams show none)
        step = period if end is None or k < end else period - 1
        if k + step >= len(boxes) or k > last and _heads(boxes[k], width):
            break  # past the run's reach, a head or a byline opens another story
        if _runs_on(_text(boxes[k], last=True)):
            if k > i and seam_at(k, k + 1).any:
                missed.append(k)  # it reads on into the next box, as read: a seam a round later too is chance
            elif seam_at(k, k + step).any:
                if k > last and any(m > last for m in missed):
                    break  # past the run's reach, a box going on elsewhere came first: the run has ended
                votes += 1
                last = max(last, k + step)
            else:
                elsewhere = [seam_at(k, k + s) for s in range(2, _MAX_PERIOD + 1) if s != step and k + s < len(boxes)]
                if any(found.word for found in elsewhere):
                    missed.append(k)  # it goes on elsewhere: no seam found (most are not) says nothing
                elif any(found.pair for found in elsewhere):
                    paired.append(k)  # a page pair alone into another box: as often chance, against a run of few votes only
        k += 1
    return min(last, len(boxes) - 1), votes, sum(1 for m in missed if m <= last), sum(1 for m in paired if m <= last)


def _heads_over(box: list[tuple[int, str]]) -> bool:
    """A box that opens with heads over text (a title over its subtitle): a first line leading into the next
    with a dash (如何……监狱——), or reading like a head, not ending on a clause mark, and shorter than
    _HEAD_SHORT of the longest line under it (a column's first line is full, or short by an indent; a
    narrow column's may read like a head). Such a box neither opens a run nor is taken in as its first
    column's head box (CW24).

    >>> _heads_over([(1, "站好岗"), (2, "放好哨"), (3, "——种好社区治理“责任田”")]), _heads_over([(1, "站好岗")])
    (True, False)
    >>> _heads_over([(1, "基层治理千头万绪，"), (2, "“看得见的管不着、管得着")]), _heads_over([(1, "为集中展示各地各部门"), (2, "在服务群众、推动发展中的")])
    (False, False)
    >>> _heads_over([(1, "如何在美国把贪官送进监狱——"), (2, "法律用美国的：被用来修理黑帮的美国联邦法律也能“顺便”对付中国贪官")])
    True
    """
    first = _text(box, last=False)
    under = [len(text.strip()) for _, text in box[1:4]]
    return bool(under) and (first.endswith("——") or shapes.is_headline_like(first) and first[-1] not in "，、；：" and len(first) < _HEAD_SHORT * max(under))


def _heads(box: list[tuple[int, str]], width: int) -> bool:
    """A box of heads: a byline, or a first line that reads like a head and falls short of the column's width.

    >>> _heads([(1, "超百家村镇银行“消失”")], 20), _heads([(1, "本报记者 王欢")], 20), _heads([(1, "兴福村镇银行其他股东")], 10)
    (True, True, False)
    """
    first = _text(box, last=False)
    return any(shapes.is_byline(text.strip()) for _, text in box) \
        or shapes.is_headline_like(first) and len(first) < _SHORT * width


def column_end(boxes: list[list[tuple[int, str]]], i: int, last: int, period: int) -> int | None:
    """The box of the run's last round where a column ends (it closes a sentence), the round after it one
    column fewer: the first such box, where the run deals three columns or more; else None.

    >>> column_end([[(1, "甲乙丙丁戊己，")], [(3, "紧、落得实。")], [(5, "远影响。”在近日举行")]], 0, 2, 3)
    1
    """
    if period < 3:
        return None
    ends = [k for k in range(max(i, last - period + 1), last + 1) if not _runs_on(_text(boxes[k], last=True))]
    return ends[0] if ends else None


def columns_of(i: int, last: int, period: int, end: int | None) -> list[list[int]]:
    """The run's boxes, i to last, column by column: dealt in turn, one column fewer after `end`.

    >>> columns_of(0, 9, 3, None), columns_of(0, 9, 3, 4)
    ([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]], [[0, 3, 6, 8], [1, 4], [2, 5, 7, 9]])
    """
    cols: list[list[int]] = [[] for _ in range(period)]
    for k in range(i, last + 1):
        if end is None or k <= end:
            cols[(k - i) % period].append(k)
        else:
            gone = (end - i) % period  # the column that ended: the others go on in turn
            cols[[(gone + 1 + j) % period for j in range(period - 1)][(k - end - 1) % (period - 1)]].append(k)
    return cols


def _chunk(box: list[tuple[int, str]]) -> bool:
    """A column's chunk as pdfminer deals it: a line or a few, not opening indented (a paragraph read in order),
    no line with a space after a mark (an OCR engine's join of two lines or paragraphs; a wide gap may be a
    spread line's, squeezed but for its figures).

    >>> _chunk([(1, "学议题，并在")]), _chunk([(1, "　　午后，齐北松")]), _chunk([(k, "甲") for k in range(4)])
    (True, False, False)
    >>> _chunk([(1, "深远影响。 在近日举行的")]), _chunk([(1, "人的近   8  倍。照此速度")]), _chunk([(1, "2021 年，新城社区")])
    (False, True, True)
    """
    return len(box) <= _CHUNK and not box[0][1][:1].isspace() and not any(_JOINED.search(text) for _, text in box)


def holds(votes: int, misses: int, boxes: int, period: int, few: bool = True, pairs: int = 0) -> bool:
    """Whether a run of `boxes` boxes dealt in a round of `period` is taken: _MIN_VOTES boxes go on a round
    later, twice as many as go on elsewhere; or, over two full rounds at least, _FEW_VOTES and none elsewhere
    (a steady round the seams are sparse in: most seams fall between words), where `few` (the run's
    boxes are chunks of a line or a few: among paragraphs read in order two chance seams are too common)
    and no box goes on elsewhere by a page pair alone either (`pairs`: two votes are too few to outweigh one).

    >>> holds(3, 1, 6, 3), holds(2, 0, 8, 4), holds(2, 0, 6, 4), holds(2, 1, 12, 3), holds(2, 0, 8, 4, few=False)
    (True, True, False, False, False)
    >>> holds(2, 0, 8, 4, pairs=1), holds(3, 0, 8, 4, pairs=1)
    (False, True)
    """
    return (votes >= _MIN_VOTES and votes >= 2 * misses
            or few and votes >= _FEW_VOTES and not misses and not pairs and boxes >= 2 * period)


def captions_of(boxes: list[list[tuple[int, str]]]) -> set[int]:
    """The boxes of photo captions among a page's boxes: a credit (…… 摄), alone or under a line that opens
    a caption, and the box just before it where that one closes (a sentence mark or none) and opens as a
    caption or is wider than the box before it (a caption runs across its photo, a column's chunk does not).

    >>> boxes = [[(1, "学议题，并在")], [(3, "近日，社区开展义诊活动。")], [(5, "本报记者 王欢 摄")], [(7, "深远影响。")]]
    >>> sorted(captions_of(boxes)), sorted(captions_of(boxes[:1] + boxes[2:]))
    ([1, 2], [1])
    """
    found = set()
    for k, box in enumerate(boxes):
        if len(box) > 2 or not shapes.is_credit(_text(box, last=True)) \
                or len(box) == 2 and not shapes.opens_as_caption(_text(box, last=False)):
            continue  # (a line over the credit that does not open a caption ends one cut into boxes)
        found.add(k)
        if k and k - 1 not in found and not _runs_on(_text(boxes[k - 1], last=True)):
            before = boxes[k - 1]
            width = max(len(text.strip()) for _, text in before)
            if shapes.opens_as_caption(_text(before, last=False)) or k > 1 and width > _WIDER * max(len(text.strip()) for _, text in boxes[k - 2]):
                found.add(k - 1)
    return found


def _read_past(boxes: list[list[tuple[int, str]]], captions: set[int], pairs: seams.PagePairs, words) -> set[int]:
    """The caption boxes a round reads past: those where a box within a round before them that stops
    mid-sentence goes on (a dictionary word or a page pair across) into a box within a round after them (a caption
    between two tiers of columns, which no column crosses, ends a run as before), and the box just before
    them does not go on just after them (a page read in order, a paragraph running round its photo)."""
    found: set[int] = set()
    for k in sorted(captions):
        if k - 1 in captions:
            continue
        after = k
        while after in captions:
            after += 1
        group = range(k, after)
        if k and after < len(boxes) and seam(_text(boxes[k - 1], last=True), _text(boxes[after], last=False), pairs, words).any:
            continue  # the box before it goes on right after it: a page read in order, its paragraph round the photo
        for a in range(max(0, k - _MAX_PERIOD + 1), k):
            left = _text(boxes[a], last=True)
            if _runs_on(left) and any(seam(left, _text(boxes[b], last=False), pairs, words).any
                                      for b in range(after, min(len(boxes), after + _MAX_PERIOD - 1))
                                      if 2 <= b - a - len(group) <= _MAX_PERIOD):
                found.update(group)
                break
    return found


def deal_back(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
              words: dict[str, float] | None = None) -> list[tuple[int, str]]:
    """_deal_back on the page read in simplified script (in_simplified): a traditional page's words
    across its seams are the dictionary's too."""
    view = in_simplified(numbered)
    return _as_read(numbered, view, _deal_back(view, trace, words))


def _deal_back(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
               words: dict[str, float] | None = None) -> list[tuple[int, str]]:
    """Runs of boxes dealt out in turn, a box of each column a round, given back column by column
    (CW11): pdfminer deals the boxes of side-by-side columns (a line or a few each) out in a steady
    round, so a box that stops mid-sentence goes on in the box one round (2 to 6 boxes) later.
    A run opens at a box that stops mid-sentence, whose next box does not go on from it (or by a word
    or a pair alone, where a round later goes on by both and reads likelier: a chance word) and whose
    box a round later does (a word or a page pair across); it holds where at least _MIN_VOTES of its
    boxes go on a round later, twice as many as go on elsewhere (dealt_run), or _FEW_VOTES and none
    elsewhere over two full rounds of chunks (boxes of _CHUNK lines at most: a paragraph read in order is
    no column's chunk) at least (holds); of several rounds, the one with most such boxes. A box of
    running text just before it that does not go on into it is the first column's head (its seam a
    round later often a name cut in two). Where a column ends in a run's last round (column_end), the
    run goes on a round one column shorter, if it still holds. A caption's boxes that a column reads past
    (_read_past) are left out of the rounds and follow the run.
    The blank lines stay where they stood.

    >>> words = {"科学": -8.0, "好奇": -8.0, "展台": -8.0, "包装": -8.0, "议题": -8.0, "活动": -8.0}
    >>> left = ["今天我们一起去看科", "学展览，观众们都很好", "奇地参观了每一个展", "台。"]
    >>> right = ["他说这是一次难得的包", "装设计课程，同学们议", "题讨论非常热烈的活", "动。"]
    >>> page = [(k, text) for k, text in enumerate(line for pair in zip(left, right) for box in pair for line in (box, ""))]
    >>> [text for _, text in deal_back(page, words=words) if text] == left + right
    True
    """
    page = _boxes_to_mend(numbered, words)
    if page is None:
        return numbered
    every, gaps, words, pairs = page
    aside = _read_past(every, captions_of(every), pairs, words)
    kept = [k for k in range(len(every)) if k not in aside]  # a caption box breaks no round: the run reads past it
    boxes = [every[k] for k in kept]
    seen: dict[tuple[int, int], Seam] = {}

    def seam_at(a: int, b: int) -> Seam:
        if (a, b) not in seen:
            seen[a, b] = seam(_text(boxes[a], last=True), _text(boxes[b], last=False), pairs, words)
        return seen[a, b]

    def likelier(a: int, period: int) -> bool:  # a chance word into the next box (企|及) where a round later reads likelier (企|业)
        left = _text(boxes[a], last=True)
        return seams.reading(left, _text(boxes[a + period], last=False), words) > seams.reading(left, _text(boxes[a + 1], last=False), words)

    runs: list[tuple[int, int, list[int]]] = []  # (first, last box, the boxes in reading order), by index into boxes
    i, loose = 0, -1  # loose: the last box left where it stood
    while i < len(boxes):
        best = None
        if _runs_on(_text(boxes[i], last=True)) and i + 1 < len(boxes) and not seam_at(i, i + 1).clear \
                and not _heads_over(boxes[i]):  # a story's heads: its title's box is no column's chunk (CW24)
            for period in range(2, _MAX_PERIOD + 1):
                if i + period < len(boxes) and seam_at(i, i + period).any and (not seam_at(i, i + 1).any or seam_at(i, i + period).clear and likelier(i, period)):
                    last, votes, misses, paired = dealt_run(boxes, i, period, seam_at)
                    if not holds(votes, misses, last - i + 1, period, all(_chunk(box) for box in boxes[i:last + 1]), paired):
                        continue
                    end = column_end(boxes, i, last, period)
                    if end is not None:  # a column ends in the run's last round: the run goes on a round shorter
                        shrunk = dealt_run(boxes, i, period, seam_at, end)
                        if shrunk[0] > last and holds(*shrunk[1:3], shrunk[0] - i + 1, period, False):
                            last, votes, misses, _ = shrunk
                        else:
                            end = None
                    if best is None or votes > best[2]:
                        best = (period, last, votes, misses, end)
        if best is None:
            loose = i
            i += 1
            continue
        period, last, votes, misses, end = best
        start = i
        if i and loose == i - 1 and stops_open(_text(boxes[i - 1], last=True)) and not seam_at(i - 1, i).any \
                and not _heads_over(boxes[i - 1]):  # (a title over its subtitle is no column's head box: CW24)
            start = i - 1  # the first column's head box, which nothing showed going on a round later (a name cut)
        runs.append((start, last, [k for col in columns_of(start, last, period, end) for k in col]))
        if trace is not None:
            trace.append(Step("CW11", "boxes-dealt-in-turn", boxes[start][0][0], boxes[last][-1][0], _text(boxes[start], last=False),
                              f"{period} columns dealt box by box, lines {boxes[start][0][0]}-{boxes[last][-1][0]}: "
                              f"{votes} boxes go on a round later, {misses} do not"
                              + (f"; a column ends at line {boxes[end][-1][0]}, a round shorter after it" if end is not None else "")
                              + (f"; caption boxes after it: {sum(1 for k in aside if kept[start] < k < kept[last])}"
                                 if any(kept[start] < k < kept[last] for k in aside) else "")))
        i = last + 1
    out: list[list[tuple[int, str]]] = []
    k = 0
    for start, last, order in runs:
        out.extend(every[j] for j in range(k, kept[start]))
        out.extend(boxes[j] for j in order)
        out.extend(every[j] for j in sorted(aside) if kept[start] < j < kept[last])  # its captions after it
        k = kept[last] + 1
    out.extend(every[k:])
    return gaps[0] + [line for box, gap in zip(out, gaps[1:]) for line in box + gap]
