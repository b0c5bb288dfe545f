"""How well a headline's words are found in a stretch of text: the evidence every head match weighs."""

from __future__ import annotations

import operator

from rapidfuzz import fuzz

from . import shapes
from .heads import Head


def similarity(head: Head | Words, story: str | Story, below: float = 0.0) -> float | None:
    """How well a headline's words are found in a story, 0..1.

    Headlines reuse the story's words in another order, so this counts the
    headline's character pairs found in the story, and blends in rapidfuzz's
    best partial alignment for the longer shared runs.

    With `below`, a score that is surely under it comes back as None: the
    alignment, the costly part, then stops as soon as it cannot reach it.
    """
    words = head if isinstance(head, Words) else Words(head.text)
    if isinstance(story, Story):
        text, found = story.text, story.count(words.pairs)
    else:
        text = shapes.squeeze(story)
        found = sum(map(text.__contains__, words.pairs))  # substring search, in C
    if not words.pairs or not text:
        return 0.0
    shared = found / len(words.pairs)  # the head's pairs found in the story
    if not shared:
        return 0.0  # not one word pair in common: no alignment can make this a match
    cutoff = 0.0
    if below:  # the alignment score that reaches `below`, less a margin for rounding
        cutoff = max(0.0, (below - 0.7 * shared) / 0.3 * 100 - 0.01)
    aligned = fuzz.partial_ratio(words.text, text, score_cutoff=cutoff)
    if cutoff and not aligned:
        return None  # (rapidfuzz answers 0 for an alignment under the cutoff)
    return 0.7 * shared + 0.3 * aligned / 100


def shared_share(text: str, other: str) -> float:
    """The share of text's word pairs (two CJK characters) found in other, 0..1.

    >>> shared_share("社区开展义诊", "义诊持续一天"), shared_share("社区开展义诊", "河道治理")  # 社区 区开 开展 展义 义诊
    (0.2, 0.0)
    """
    pairs = Words(text).pairs
    squeezed = shapes.squeeze(other)
    return sum(map(squeezed.__contains__, pairs)) / len(pairs) if pairs else 0.0


def is_word_pair(pair: str) -> bool:
    """Two neighbouring characters that count as a word: letters or digits, not both ASCII (not quotes or digits)."""
    return pair.isalnum() and not pair.isascii()


class Words:
    """A headline's text as similarity() reads it: squeezed, and its pairs of CJK characters.

    Worked out once for the many stories a head is scored against.
    """

    __slots__ = ("text", "pairs")

    def __init__(self, text: str) -> None:
        self.text = shapes.squeeze(text)
        pairs = map(operator.add, self.text, self.text[1:])  # each two neighbouring characters
        self.pairs = frozenset(filter(is_word_pair, pairs))


class Story:
    """A story's text as similarity() reads it, squeezed once for the many heads scored against it.

    It also remembers which pairs it holds: the groups of one headline run share most
    of their lines, so each pair is looked for in the text once, not once per group.
    """

    __slots__ = ("text", "_looked_for", "_held")

    def __init__(self, text: str) -> None:
        self.text = shapes.squeeze(text)
        self._looked_for: set[str] = set()
        self._held: set[str] = set()

    def count(self, pairs: frozenset[str]) -> int:
        """How many of the pairs are in the text (set operations and substring search: all in C)."""
        new = pairs.difference(self._looked_for)
        if new:
            self._looked_for.update(new)
            self._held.update(filter(self.text.__contains__, new))
        return len(pairs & self._held)
