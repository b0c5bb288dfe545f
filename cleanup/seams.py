"""Whether one piece of text goes on where another stops: the lexical evidence at a seam.

A column's line ends wherever the measure runs out, mostly inside a word (吉林 / 省长春市),
so the two characters across a true seam form a pair the language uses; the last character
of one column's line and the first of another column's line form a random pair. Two sources
tell a used pair: the page's own text (its pairs away from every line end; no dependency),
and, when jieba is installed, its dictionary of words and frequencies (the likeliest reading
of the seam's neighbourhood has a word across it).
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
import re
from collections import Counter
from dataclasses import dataclass

_COMMON = 20  # the least frequency (jieba's count) of a word that tells a seam
_KNOWN = 3  # the least a word is listed with to count as read (NZ22)
_WINDOW = 4  # characters either side of a seam that its reading looks at
_UNKNOWN = -20.0  # the log-probability of a character read alone, below any listed word's


@dataclass(frozen=True, slots=True)
class PagePairs:
    """The character pairs a page prints inside its lines (never across a line end)."""

    pairs: Counter
    singles: Counter
    total: int

    @classmethod
    def of(cls, texts) -> PagePairs:
        pairs: Counter = Counter()
        for text in texts:
            squeezed = "".join(text.split())
            pairs.update(map(str.__add__, squeezed, squeezed[1:]))
        singles: Counter = Counter()
        for pair, count in pairs.items():
            singles[pair[0]] += count
            singles[pair[1]] += count
        return cls(pairs, singles, max(1, sum(pairs.values())))

    def affinity(self, left: str, right: str) -> float:
        """How much likelier than chance the page prints left's last character before right's
        first (pointwise mutual information, 0 when never): 众的 is common because 的 is.

        >>> page = PagePairs.of(["吉林省长春市", "吉林省的", "人民群众的", "目的地的"])
        >>> round(page.affinity("行走在吉", "林省长春"), 2), page.affinity("行走在吉", "长春")
        (2.01, 0.0)
        """
        if not left or not right:
            return 0.0
        seen = self.pairs[left[-1] + right[0]]
        if not seen:
            return 0.0
        chance = self.singles[left[-1]] * self.singles[right[0]] / (2 * self.total)
        return max(0.0, math.log(seen / chance))


def pairs_in(texts: list[str], firsts: set[str]) -> set[str]:
    """The character pairs printed inside the lines that open with one of `firsts` (the quick
    look every page gets: one regular-expression pass over the page, never across a line end).

    >>> sorted(pairs_in(["吉林省", "长春林"], {"林", "长"}))
    ['林省', '长春']
    """
    if not firsts:
        return set()
    pattern = re.compile("(?=([" + re.escape("".join(sorted(firsts))) + "].))")
    return set(pattern.findall("\n".join(texts)))


@functools.cache
def lexicon() -> dict[str, float] | None:
    """jieba's dictionary: words of two to four characters and their log-probabilities, if
    jieba is installed (else None). Rare words are left out: they join chance pairs more
    often than they tell a seam. Loaded once a process, and only for a page that looks
    interleaved.
    """
    counts = words()
    if counts is None:
        return None
    common = {word: count for word, count in counts.items() if count >= _COMMON}
    total = sum(common.values())
    _LOADED["words"] = {word: math.log(count / total) for word, count in common.items()}
    return _LOADED["words"]


@functools.cache
def words() -> dict[str, int] | None:
    """jieba's words of two to four characters seen _KNOWN times or more, and their counts, if jieba
    is installed (else None): read once a process, when a page first asks (the column stage for a
    page that looks interleaved, the noise stage for a line only words can judge). jieba itself is
    not imported (slow to load), only its word list read, in one pass.
    """
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    try:
        with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    return {word: int(count) for word, count in _ENTRY_RE.findall(text) if int(count) >= _KNOWN}


_ENTRY_RE = re.compile(r"^(\S{2,4}) (\d+) ", re.M)  # a line of dict.txt: word, count, tag


_LOADED: dict[str, dict[str, float]] = {}


def word_across(left: str, right: str, words: dict[str, float] | None) -> bool:
    """Whether the likeliest reading of the text around the seam has a word across it.

    The seam's neighbourhood is cut into words by the most probable path through the
    dictionary (a single character where no word fits); a true seam falls inside one of
    its words more often than not, a chance pair of lines seldom does: 吉林 / 省长春 reads
    吉林省 / 长春, while 居民自 / 感受文化 reads 居民 / 自 / 感受 / 文化, though 自感 is a word.

    >>> words = {"吉林省": -8.0, "吉林": -7.0, "长春": -8.0, "自感": -11.0, "感受": -7.0, "文化": -7.0}
    >>> word_across("行走在吉林", "省长春市", words), word_across("居民自", "感受文化", words)
    (True, False)
    """
    if not words or not left or not right:
        return False
    tail, head = left[-_WINDOW:], right[:_WINDOW]
    if words is _LOADED.get("words"):
        return _reads_across(tail, head)
    return _read_across(tail, head, words)


@functools.lru_cache(maxsize=1 << 16)
def _reads_across(tail: str, head: str) -> bool:
    """_read_across with jieba's dictionary, remembered: a page asks about one seam many times."""
    return _read_across(tail, head, _LOADED["words"])


def reading(left: str, right: str, words: dict[str, float] | None) -> float:
    """The log-probability a character of the likeliest reading of the seam's neighbourhood: of two boxes
    that may go on from `left`, the one that reads likelier (降低 over 降下).

    >>> words = {"降低": -8.0, "降下": -12.0, "风险": -8.0, "雨": -9.0}
    >>> reading("不仅降", "低风险", words) > reading("不仅降", "下雨", words)
    True
    """
    if not words or not left or not right:
        return -math.inf
    head = _HAN_RUN_RE.match(right[:_WINDOW]).group()  # a mark after the seam is no word's: it reads to there
    text = left[-_WINDOW:] + head
    return _best_path(text, words)[0][-1] / len(text)


_HAN_RUN_RE = re.compile(r"[\u3400-\u9fff]*")


def _best_path(text: str, words: dict[str, float]) -> tuple[list[float], list[int]]:
    best = [0.0] + [-math.inf] * len(text)
    back = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - 4), end):
            logp = words.get(text[start:end], _UNKNOWN if end - start == 1 else None)
            if logp is not None and best[start] + logp > best[end]:
                best[end], back[end] = best[start] + logp, start
    return best, back


def word_lengths(text: str, words: dict[str, float]) -> tuple[int, ...]:
    """The lengths of the words of text's likeliest reading (a single character where no word fits).

    >>> word_lengths("推进乡镇", {"推进": -8.0, "乡镇": -9.0})
    (2, 2)
    """
    _, back = _best_path(text, words)
    lengths, end = [], len(text)
    while end > 0:
        lengths.append(end - back[end])
        end = back[end]
    return tuple(reversed(lengths))


def _read_across(tail: str, head: str, words: dict[str, float]) -> bool:
    text = tail + head
    _, back = _best_path(text, words)
    cut, end = len(tail), len(text)
    while end > 0:
        if back[end] < cut < end:
            return True
        end = back[end]
    return False
