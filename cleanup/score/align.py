"""Alignments the scorer needs: item matching, offset maps, edit counts, free-order search.

Needs numpy and scipy (the `score` extra); rapidfuzz does the character alignments.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein, LCSseq

MIN_OVERLAP = 0.4  # a pair's common subsequence, as a share of the shorter text
MIN_COMMON = 4  # and at least this many characters
LEAK_RUN = 6  # a caption's characters count as leaked in runs of at least this many


def match(truth: Sequence[str], predicted: Sequence[str]) -> list[tuple[int, int]]:
    """Pair true and predicted texts one to one, for the largest total common subsequence.

    The optimal assignment (scipy's `linear_sum_assignment`) is then thinned:
    a pair is kept only if the texts share at least 40% of the shorter one.

    >>> match(["社区开展消防演练活动", "游客在花海中拍照"], ["游客花海拍照留念", "社区开展演练", "无关"])
    [(0, 1), (1, 0)]
    >>> match(["社区开展消防演练活动"], ["消防"])
    []
    """
    if not truth or not predicted:
        return []
    from scipy.optimize import linear_sum_assignment

    common = process.cdist(truth, predicted, scorer=LCSseq.similarity, dtype=np.int32)
    rows, cols = linear_sum_assignment(common, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols)
            if common[i, j] >= MIN_COMMON and common[i, j] >= MIN_OVERLAP * min(len(truth[i]), len(predicted[j]))]


def offset_map(true: str, predicted: str) -> list[int]:
    """For every offset 0..len(predicted) in the predicted text, the offset it aligns to in the true one.

    >>> offset_map("一二三四", "一二X三四")
    [0, 1, 2, 2, 3, 4]
    """
    mapped = [0] * (len(predicted) + 1)
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(true, predicted):
        for k in range(j2 - j1):
            mapped[j1 + k] = i1 if tag == "insert" else min(i1 + k, i2)
        mapped[j2] = i2
    return mapped


def space_errors(true: str, predicted: str) -> tuple[int, int]:
    """(spurious, missing): white space the prediction adds where the truth has none, and the converse.

    >>> space_errors("和灭火器材 操作", "和 灭火器材操作")
    (1, 1)
    """
    spurious = missing = 0
    for op, i, j in Levenshtein.editops(true, predicted):
        added = op != "delete" and predicted[j].isspace()
        removed = op != "insert" and true[i].isspace()
        spurious += added and not removed
        missing += removed and not added
    return spurious, missing


def leaked_positions(caption: str, text: str, printed: str = "") -> set[int]:
    """Positions of the caption covered by runs of at least LEAK_RUN characters that occur in the
    text more often than in `printed`: what the page's other items truly print (a caption that
    repeats a sentence of its story leaks only where the story holds that sentence once more).

    >>> sorted(leaked_positions("游客在花海中拍照留念", "文章……游客在花海中拍照。"))
    [0, 1, 2, 3, 4, 5, 6, 7]
    >>> leaked_positions("游客在花海中拍照", "游客在花海")
    set()
    >>> leaked_positions("游客在花海中拍照", "游客在花海中拍照。", printed="游客在花海中拍照。")
    set()
    """
    covered: set[int] = set()
    for start in range(len(caption) - LEAK_RUN + 1):
        if not _more_often(caption[start:start + LEAK_RUN], text, printed):
            continue
        end = start + LEAK_RUN
        while end < len(caption) and _more_often(caption[start:end + 1], text, printed):
            end += 1
        covered.update(range(start, end))
    return covered


def _more_often(run: str, text: str, printed: str) -> bool:
    return run in text and (not printed or text.count(run) > printed.count(run))


class Haystack:
    """A text prepared for many free-order searches: each pattern's best-matching stretch in it.

    The distance is the semi-global edit distance (the pattern whole, any
    substring of the text), computed with Myers' bit-vector algorithm
    (Hyyrö's formulation) laid along the text: one Python integer holds a
    row of the dynamic programme for every text position at once, and each
    pattern character is one step of a dozen integer operations.

    >>> hay = Haystack("本报讯近日社区开展消防演练")
    >>> hay.distance("社区开展"), hay.distance("社区举办消防"), hay.distance(""), Haystack("").distance("社区")
    (0, 2, 0, 2)
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.full = (1 << self.length) - 1
        self.codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.masks: dict[str, int] = {}  # a character's positions in the text as bits, made when first asked

    def distance(self, pattern: str) -> int:
        if not self.length or not pattern:
            return len(pattern)
        full, masks = self.full, self.masks
        # deltas along the text of row i, D[i][j] - D[i][j-1]: +1 (up) and -1 (down); row 0 is all 0
        up = down = 0
        for ch in pattern:
            equal = masks.get(ch)
            if equal is None:
                equal = masks[ch] = _bits_to_int(self.codes == ord(ch))
            x_along = equal | down
            diagonal = ((((equal & up) + up) & full) ^ up) | equal
            step_up = down | (~(diagonal | up) & full)  # D[i][j] - D[i-1][j] == +1
            step_down = up & diagonal  # == -1
            step_up = ((step_up << 1) | 1) & full  # D[i][0] = i: column 0 always steps up
            step_down = (step_down << 1) & full
            up = step_down | (~(x_along | step_up) & full)
            down = step_up & x_along
        # D[m][j] = m + the deltas along the last row up to j; the best end is its minimum
        deltas = _bits(up, self.length).astype(np.int32) - _bits(down, self.length)
        return len(pattern) + min(0, int(np.cumsum(deltas).min()))


def _bits_to_int(bits: np.ndarray) -> int:
    return int.from_bytes(np.packbits(bits, bitorder="little").tobytes(), "little")


def _bits(mask: int, length: int) -> np.ndarray:
    packed = np.frombuffer(mask.to_bytes((length + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(packed, bitorder="little")[:length]
