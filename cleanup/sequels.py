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
-raw, PyMuPDF, the simulated pages, the golden pages) is left as read. Moving boxes before the
search instead (so that it sees fewer turns) broke its stretches: fit pdfminer CER 34.6 -> 37.9.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon, seams, shapes
from .model import Step

_RULES = lexicon.read_rules("columns.toml")["sequels"]
_REACH = int(_RULES["reach"])  # boxes either side of a box where its sequel is looked for
_MIN_BOXES = int(_RULES["min_boxes"])  # a page of fewer boxes has no box order to mend
_MAX_MOVES = int(_RULES["max_moves"])  # moves at most a page (each is one box; a story's run takes several)
_STOPS = frozenset("。！？；")


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
    return (len(text) >= 6 and text[-1] not in _STOPS and not shapes.ends_sentence(text)
            and not shapes.is_byline(text) and not shapes.is_headline_like(text))


def seam(left: str, right: str, pairs: seams.PagePairs, words) -> Seam:
    """What says `right` goes on from `left`: a dictionary word across, a page pair across."""
    return Seam(seams.word_across(left, right, words), pairs.affinity(left, right) > 0)


def sequel(boxes: list[list[tuple[int, str]]], i: int, pairs: seams.PagePairs, words) -> int | None:
    """The box that clearly goes on from box i, where the next box does not; else None.

    >>> words = {"科学": -8.0, "包装": -9.0, "议题": -9.0}
    >>> page = [[(1, "体验，帮助观众，理解复杂科")], [(3, "装，而是唤醒好奇心。")],
    ...         [(5, "学议题，并产生深远影响。")], [(7, "它不是简单的知识包")]]
    >>> pairs = seams.PagePairs.of(["科学家说", "包装好了"])
    >>> sequel(page, 0, pairs, words), sequel(page, 2, pairs, words)
    (2, None)
    """
    left = _text(boxes[i], last=True)
    if i + 1 >= len(boxes) or not stops_open(left) or seam(left, _text(boxes[i + 1], last=False), pairs, words).any:
        return None
    found = []
    for j in range(max(0, i - _REACH), min(len(boxes), i + _REACH + 1)):
        if j in (i, i + 1) or not seam(left, _text(boxes[j], last=False), pairs, words).clear:
            continue
        before = _text(boxes[j - 1], last=True) if j else ""
        if j and stops_open(before) and seam(before, _text(boxes[j], last=False), pairs, words).any:
            continue  # its own predecessor goes on into it
        found.append(j)
    return found[0] if len(found) == 1 else None


def reorder(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
            words: dict[str, float] | None = None) -> list[tuple[int, str]]:
    """The page's boxes with each clear sequel moved to follow the box it goes on from (CW07);
    the blank lines stay where they stood. words: the dictionary (jieba's, seams.lexicon()).

    >>> words = {"科学": -8.0, "包装": -9.0, "议题": -9.0}
    >>> boxes = ["让世界看见中国的科学浪漫", "体验，帮助观众，理解复杂科", "装，而是唤醒好奇心。", "学议题，并产生深远影响。",
    ...          "在，它不是，简单的知识包", "科学家说包装好了。", "本报记者 王欢"]
    >>> page = [(k, text) for k, text in enumerate(line for box in boxes for line in (box, ""))]
    >>> [text for _, text in reorder(page, words=words) if text]  # doctest: +NORMALIZE_WHITESPACE
    ['让世界看见中国的科学浪漫', '体验，帮助观众，理解复杂科', '学议题，并产生深远影响。', '在，它不是，简单的知识包',
     '装，而是唤醒好奇心。', '科学家说包装好了。', '本报记者 王欢']
    """
    boxes, gaps = boxes_of(numbered)
    if len(boxes) < _MIN_BOXES:
        return numbered
    words = words if words is not None else seams.lexicon()
    if not words:
        return numbered
    pairs = seams.PagePairs.of(text for _, text in numbered if text.strip())
    moved: set[int] = set()  # boxes (by first line number) moved once: never moved again
    for _ in range(_MAX_MOVES):
        for i in range(len(boxes)):
            j = sequel(boxes, i, pairs, words)
            if j is not None and boxes[j][0][0] not in moved:
                break
        else:
            break
        box = boxes[j]
        moved.add(box[0][0])
        if trace is not None:
            left, right = _text(boxes[i], last=True), _text(box, last=False)
            trace.append(Step("CW07", "box-to-sequel", box[0][0], box[-1][0], right,
                              f"after line {boxes[i][-1][0]} ({left[-6:]}|{right[:6]}): a word and a page pair "
                              f"across; the next box ({_text(boxes[i + 1], last=False)[:6]}) goes on by neither"))
        del boxes[j]
        boxes.insert(i + 1 if j > i else i, box)
    return gaps[0] + [line for box, gap in zip(boxes, gaps[1:]) for line in box + gap]
