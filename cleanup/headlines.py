"""Headline groups: building them from headline blocks, and matching orphans to stories."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz

from . import shapes
from .model import Block

MATCH_THRESHOLD = 0.34  # below this a headline is left unattached rather than guessed
CONFIDENT_MARGIN = 0.15  # a match this far ahead of the runner-up needs no warning
NEARBY = 40  # stories either side of a headline that can be its story (keeps huge dumps linear)


@dataclass(frozen=True, slots=True)
class Head:
    """A story's headline lines, byline and column label, with their dump lines."""

    title: str
    subtitle: str = ""
    byline: str = ""
    column: str = ""
    first: int = 0
    last: int = 0

    @property
    def text(self) -> str:
        return f"{self.title} {self.subtitle}".strip()


def build_head(blocks: list[Block]) -> Head:
    """Title, subtitle, byline and column label from consecutive head blocks.

    Two short lines printed together without a phrase space are one wrapped
    title (普及消防知识 / 提高自救能力); further lines are the subtitle.
    """
    column = " ".join(b.text for b in blocks if b.role == "column")
    byline = " ".join(b.text for b in blocks if b.role == "byline")
    lines = [b for b in blocks if b.role == "headline"]
    title_parts = lines[:1]
    for b in lines[1:]:
        prev = title_parts[-1]
        if b.gap_before or shapes.is_subtitle_dash(b.text) or not _wraps_title(prev.text, b.text):
            break
        title_parts.append(b)
    rest = lines[len(title_parts):]
    return Head(
        title=" ".join(b.text for b in title_parts),
        subtitle=" ".join(b.text for b in rest),
        byline=byline,
        column=column,
        first=min(b.first for b in blocks),
        last=max(b.last for b in blocks),
    )


def split_run(blocks: list[Block]) -> list[list[Block]]:
    """Split a run of headline lines into one group per story.

    Runs of headlines printed together (after the briefs, in a side column)
    belong to several stories: a group holds one title (maybe wrapped) and at
    most one subtitle line, and a couplet after a title starts the next group.
    """
    groups: list[list[Block]] = []
    current: list[Block] = []
    for block in blocks:
        if current and block.role != "byline" and any(b.role == "headline" for b in current):
            head = build_head(current)
            starts_new = block.role == "column" or bool(head.subtitle)
            if block.role == "headline" and not shapes.is_subtitle_dash(block.text):
                starts_new = starts_new or (shapes.is_couplet(block.text) and bool(head.title))
            if starts_new:
                groups.append(current)
                current = []
        current.append(block)
    if current:
        groups.append(current)
    return groups


def _wraps_title(first: str, second: str) -> bool:
    """A title wrapped over two lines: neither line a couplet, of similar length."""
    if shapes.is_couplet(first) or shapes.is_couplet(second):
        return False
    a, b = shapes.display_length(first), shapes.display_length(second)
    return min(a, b) / max(a, b) >= 0.6


def similarity(head: Head, story_text: str) -> float:
    """How well a headline's words are found in a story, 0..1.

    Headlines reuse the story's words in another order, so this counts the
    headline's character pairs found in the story, and blends in rapidfuzz's
    best partial alignment for the longer shared runs.
    """
    words = shapes.squeeze(head.text)
    story = shapes.squeeze(story_text)
    pairs = {words[i:i + 2] for i in range(len(words) - 1) if not words[i:i + 2].isascii()}
    if not pairs or not story:
        return 0.0
    shared = sum(1 for pair in pairs if pair in story) / len(pairs)
    return 0.7 * shared + 0.3 * fuzz.partial_ratio(words, story) / 100


def assign(heads: list[Head], stories: list[str], story_lines: list[int] | None = None) -> dict[int, tuple[int, float, bool]]:
    """One headline per story: greedy best pairs over the whole page.

    A headline is printed on its story's page, so when the stories' first dump
    lines are given, only the NEARBY stories either side of a headline compete
    for it: a dump of many pages then costs linear, not quadratic, time.
    Returns {head index: (story index, score, confident)}; a head whose best
    score is under the threshold stays unassigned.
    """
    scores = [_nearby_scores(head, stories, story_lines) for head in heads]
    pairs = sorted(((score, h, s) for h, row in enumerate(scores) for s, score in row.items()), reverse=True)
    taken_heads: set[int] = set()
    taken_stories: set[int] = set()
    result: dict[int, tuple[int, float, bool]] = {}
    for score, h, s in pairs:
        if score < MATCH_THRESHOLD:
            break
        if h in taken_heads or s in taken_stories:
            continue
        others = [x for j, x in scores[h].items() if j != s]
        confident = not others or score - max(others) >= CONFIDENT_MARGIN
        result[h] = (s, score, confident)
        taken_heads.add(h)
        taken_stories.add(s)
    return result


def _nearby_scores(head: Head, stories: list[str], story_lines: list[int] | None) -> dict[int, float]:
    if story_lines is None:
        near = range(len(stories))
    else:
        at = bisect_left(story_lines, head.first)
        near = range(max(0, at - NEARBY), min(len(stories), at + NEARBY))
    return {s: similarity(head, stories[s]) for s in near}
