"""Seeds and chains: where a folded dump line stands in the folded truth.

The truth's blocks are folded (fold.py) and run together into one string with a trigram
index. A line's trigrams found there are seeds; seeds on near-diagonals make a chain (an OCR
misreading breaks a few trigrams, not the chain; a dropped or extra character shifts the
diagonal a little). The best set of chains that covers the line, not overlapping on it, is
picked by weighted interval scheduling: a chain is worth its length, less the truth other
lines already claimed, more where it goes on from a line just read or spans a whole block;
two chains that do not go on from each other cost a parting, dearer without white space.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from .fold import fold
from .truth import TruthItem

GRAM = 3
MAX_POSITIONS = 40  # a trigram found more often than this says nothing
MAX_GAP = 6  # folded characters a chain may skip (misread characters)
MAX_DRIFT = 3  # characters a chain's diagonal may drift (dropped or extra characters)
SEGMENT_COST = 2.0
USED_WEIGHT = 0.6
CONTINUES = 2.0  # a chain that goes on from a line just read
EDGE = 0.5  # a chain that starts or ends a block: less than one matched character


@dataclass(frozen=True, slots=True)
class BlockRef:
    item: int
    block: int
    role: str
    kind: str
    start: int  # the block's span in the folded truth
    end: int


class TruthText:
    """The truth's blocks folded and run together, with a trigram index."""

    def __init__(self, items: list[TruthItem]):
        parts: list[str] = []
        self.blocks: list[BlockRef] = []
        position = 0
        for item in items:
            for index, block in enumerate(item.blocks):
                folded = fold(block.text)[0]
                if folded:
                    self.blocks.append(BlockRef(item.number, index, block.role, item.kind, position, position + len(folded)))
                    parts.append(folded)
                    position += len(folded)
        self.text = "".join(parts)
        self.starts = [block.start for block in self.blocks]
        grams: dict[str, list[int]] = defaultdict(list)
        for p in range(len(self.text) - GRAM + 1):
            grams[self.text[p:p + GRAM]].append(p)
        self.grams = {gram: places for gram, places in grams.items() if len(places) <= MAX_POSITIONS}
        self.used = [0] * len(self.text)

    def block_at(self, t: int) -> int:
        return max(0, bisect.bisect_right(self.starts, t) - 1)

    def used_in(self, t0: int, t1: int) -> int:
        return sum(self.used[max(0, t0):max(0, t1)])


@dataclass(slots=True)
class Chain:
    """Seeds on near-diagonals: line span [f0, f1), truth span [t0, t1), and the seeds (f, t)."""

    hits: list[tuple[int, int]] = field(default_factory=list)

    @property
    def f0(self) -> int:
        return self.hits[0][0]

    @property
    def f1(self) -> int:
        return self.hits[-1][0] + GRAM

    @property
    def t0(self) -> int:
        return self.hits[0][1]

    @property
    def t1(self) -> int:
        return self.hits[-1][1] + GRAM

    @property
    def covered(self) -> int:
        """Line characters inside some seed: what the chain matched, misread characters left out."""
        count, reach = 0, 0
        for i, _ in self.hits:
            count += min(GRAM, i + GRAM - max(i, reach))
            reach = i + GRAM
        return count

    def t_at(self, f: int) -> int:
        """The truth offset the line offset f falls on, from the nearest seed at or before it."""
        i = max(0, bisect.bisect_right(self.hits, (f, 1 << 60)) - 1)
        return self.hits[i][1] + (f - self.hits[i][0])


@dataclass(slots=True)
class Stretch:
    """A labelled part of a line, in folded offsets, with the truth offset it starts at."""

    f0: int
    f1: int
    t0: int
    t1: int
    block: int | None  # index into TruthText.blocks, None for noise


def find_chains(f: str, truth: TruthText) -> list[Chain]:
    chains: list[Chain] = []
    active: list[Chain] = []
    for i in range(len(f) - GRAM + 1):
        for p in truth.grams.get(f[i:i + GRAM], ()):
            best, drift = None, MAX_DRIFT + 1
            for chain in active:
                last_i, last_p = chain.hits[-1]
                d = abs((p - i) - (last_p - last_i))
                if last_i < i <= last_i + MAX_GAP and p > last_p and d < drift:
                    best, drift = chain, d
            if best is None:
                best = Chain()
                chains.append(best)
                active.append(best)
            best.hits.append((i, p))
        active = [chain for chain in active if chain.hits[-1][0] >= i - MAX_GAP]
    return chains


def with_parts(chains: list[Chain], truth: TruthText) -> list[Chain]:
    """Each chain, and its two parts wherever it drifts or passes into another block: a chain may
    have run on from a headline into the next block's text by chance (检查 本报讯 / 检查 本报通讯员)."""
    parts = []
    for chain in chains:
        hits = chain.hits
        for k in range(1, len(hits)):
            (i0, p0), (i1, p1) = hits[k - 1], hits[k]
            if p1 - i1 != p0 - i0 or truth.block_at(p1) != truth.block_at(p0):
                parts += [Chain(hits[:k]), Chain(hits[k:])]
    return chains + parts


def choose_chains(chains: list[Chain], f: str, spaced: list[bool], truth: TruthText, opened: list[int]) -> list[Chain]:
    """The best set of chains not overlapping on the line (weighted interval scheduling)."""
    if not chains:
        return []
    chains = sorted(chains, key=lambda c: (c.f1, c.f0))
    value = [_value(c, f, spaced, truth, opened) for c in chains]
    gaps = [0]
    for flag in spaced:
        gaps.append(gaps[-1] + flag)
    best: list[float] = []
    back: list[int] = []
    for k, chain in enumerate(chains):
        score, link = value[k], -1
        for j in range(k):
            if chains[j].f1 <= chain.f0 + GRAM - 1 and chains[j].f0 < chain.f0:
                gain = best[j] + value[k] - max(0, chains[j].f1 - chain.f0)
                if gain > score:
                    gain -= _parting_cost(chains[j], chain, gaps)
                    if gain > score:
                        score, link = gain, j
        best.append(score)
        back.append(link)
    k = max(range(len(chains)), key=lambda j: best[j])
    chosen = []
    while k != -1:
        chosen.append(chains[k])
        k = back[k]
    return chosen[::-1]


def _parting_cost(a: Chain, b: Chain, gaps: list[int]) -> float:
    """Two chains that do not go on from each other are two stretches: dearer where no white
    space parts them (RapidOCR joins columns with none, pdftotext with a space). `gaps` counts
    the white space before each folded offset."""
    skip_t, skip_f = b.t0 - a.t1, b.f0 - a.f1
    if skip_t >= -2 and abs(skip_t - skip_f) <= MAX_DRIFT:
        return 0.0
    low, high = max(1, min(a.f1, b.f0) - 1), min(len(gaps) - 1, max(a.f1, b.f0) + 1)
    return SEGMENT_COST if gaps[high] > gaps[low] else 2 * SEGMENT_COST


def _value(chain: Chain, f: str, spaced: list[bool], truth: TruthText, opened: list[int]) -> float:
    """What a chain is worth: its length, less truth other lines claimed, more where it goes on
    inside a block from a line just read, or starts or ends a block (a headline line)."""
    value = chain.covered - USED_WEIGHT * truth.used_in(chain.t0, chain.t1)
    start = chunk_start(chain.f0, spaced)
    expected = chain.t0 - (chain.f0 - start)
    block = truth.blocks[truth.block_at(chain.t0)]
    # A line that ended a block says nothing about which block comes next: that is no going on.
    if any(abs(expected - end) <= 2 and end > block.start for end in opened):
        value += CONTINUES
    if abs(expected - block.start) <= 1:
        value += EDGE
    if abs(chain.t1 - block.end) <= 1 and chain.f1 >= len(f) - 1:
        value += EDGE
    if opened:
        value -= 1e-6 * abs(chain.t0 - opened[0])
    return value


def chunk_start(f: int, spaced: list[bool]) -> int:
    """Where the white-space-delimited chunk holding folded offset f begins."""
    while f > 0 and not spaced[f]:
        f -= 1
    return f


def chunk_end(f: int, spaced: list[bool]) -> int:
    """Where the chunk holding folded offset f ends."""
    f += 1
    while f < len(spaced) and not spaced[f]:
        f += 1
    return f
