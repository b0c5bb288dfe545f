"""Whether one piece of text goes on where another stops: the lexical evidence at a seam.

A column's line ends wherever the measure runs out, mostly inside a word (吉林 / 省长春市),
so the two characters across a true seam form a pair the language uses; the last character
of one column's line and the first of another column's line form a random pair. Two sources
tell a used pair: the page's own text (its pairs away from every line end; no dependency),
and, when jieba is installed, its dictionary of 350,000 words (a word across the seam).
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from dataclasses import dataclass

_COMMON = 20  # the least frequency (jieba's count) of a word that tells a seam
_WINDOW = 3  # characters either side of a seam where a dictionary word may span it


@dataclass(frozen=True, slots=True)
class PagePairs:
    """The character pairs and triples a page prints inside its lines (never across a line end)."""

    pairs: Counter
    triples: Counter

    @classmethod
    def of(cls, texts) -> PagePairs:
        pairs: Counter = Counter()
        triples: Counter = Counter()
        for text in texts:
            squeezed = "".join(text.split())
            pairs.update(squeezed[k:k + 2] for k in range(len(squeezed) - 1))
            triples.update(squeezed[k:k + 3] for k in range(len(squeezed) - 2))
        return cls(pairs, triples)

    def pair_seen(self, left: str, right: str) -> bool:
        """Whether the page prints left's last character before right's first inside a line.

        >>> PagePairs.of(["吉林省长春市", "省里的"]).pair_seen("行走在吉林", "省长春")
        False
        >>> PagePairs.of(["吉林省长春市", "省里的"]).pair_seen("行走在吉", "林省长春")
        True
        """
        return bool(left) and bool(right) and self.pairs[left[-1] + right[0]] > 0

    def triple_seen(self, left: str, right: str) -> bool:
        """Whether a three-character run across the seam is printed elsewhere on the page.

        >>> PagePairs.of(["在吉林省长春市"]).triple_seen("走在吉", "林省")
        True
        """
        if not left or not right:
            return False
        return self.triples[left[-2:] + right[0]] > 0 or self.triples[left[-1] + right[:2]] > 0


@functools.cache
def lexicon() -> frozenset[str] | None:
    """jieba's dictionary words of two to four characters, if jieba is installed (else None).

    Rare words are left out: they join chance pairs more often than they tell a seam.
    Loaded once a process, and only for a page that looks interleaved.
    """
    try:
        import jieba
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    try:
        with open(path, encoding="utf-8") as handle:
            rows = (line.split(" ", 2) for line in handle)
            return frozenset(row[0] for row in rows if 2 <= len(row[0]) <= 4 and len(row) > 1
                             and row[1].isdigit() and int(row[1]) >= _COMMON)
    except OSError:
        return None


def word_across(left: str, right: str, words: frozenset[str] | None) -> bool:
    """Whether a dictionary word runs across the seam (吉林 / 省 makes 吉林省).

    >>> word_across("行走在吉林", "省长春市", frozenset({"吉林省", "长春"}))
    True
    >>> word_across("行走在吉林", "手机上", frozenset({"吉林省", "手机"}))
    False
    """
    if not words or not left or not right:
        return False
    tail, head = left[-_WINDOW:], right[:_WINDOW]
    joined = tail + head
    cut = len(tail)
    for start in range(cut):
        for end in range(cut + 1, min(len(joined), start + 4) + 1):
            if joined[start:end] in words:
                return True
    return False
