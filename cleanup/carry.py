"""A story carried across a photo printed inside it (AS85): whether the paragraph right after a caption goes on
the story before it, by weighed cues of the two stretches the photo parts."""

from __future__ import annotations

from . import classify, wordmatch
from .model import Block

_PHOTO = ("caption", "credit")
SAME_WIDTH = 1.0  # characters: two stretches whose longest lines differ by this much at most run in one column
CARRIED = 0.1  # the share of the paragraph's word pairs found in the story above: it speaks of that story's things
CAPTION_SHARED = 0.2  # the share of the caption's word pairs found on each side: a photo of the story it stands in
CARRY = {"same_width": 1.0, "carried_words": 1.0, "caption_both_sides": 1.0}
CARRY_FROM = 2.0  # the weighed cues must reach this for the text after the photo to go on the story above


def across_cues(blocks: list[Block], i: int, above: str) -> dict[str, bool]:
    """The cues that the paragraph right after a photo (blocks[i]) goes on the story above it (its text so far, above).

    same_width: it and the last paragraph before the photo run FULL_LINES lines or more each, their longest lines
    SAME_WIDTH apart at most (one column). carried_words: CARRIED of its word pairs are found in the story above.
    caption_both_sides: CAPTION_SHARED of the caption's word pairs are found in the story above and in the paragraph.

    >>> prev = Block("社区开展清理小广告活动，居民踊跃参与。", 1, 4, measure=14.0, lines=4)
    >>> photo = Block("图为志愿者清理小广告。", 5, 5, role="caption")
    >>> after = Block("活动中，志愿者和居民清理小广告三百余处。", 6, 9, measure=14.0, lines=4)
    >>> sorted(cue for cue, on in across_cues([prev, photo, after], 2, prev.text).items() if on)
    ['caption_both_sides', 'carried_words', 'same_width']
    >>> other = Block("河道治理全面铺开，清淤已经完成。", 6, 9, measure=11.0, lines=4)
    >>> sorted(cue for cue, on in across_cues([prev, photo, other], 2, prev.text).items() if on)
    []
    """
    k = i - 1
    while k >= 0 and blocks[k].role in _PHOTO:
        k -= 1
    prev, block = (blocks[k] if k >= 0 else None), blocks[i]
    caption = " ".join(b.text for b in blocks[k + 1:i] if b.role == "caption")
    measured = prev is not None and prev.role == "body" and min(prev.lines, block.lines) >= classify.FULL_LINES \
        and prev.measure > 0 and block.measure > 0
    return {"same_width": measured and abs(prev.measure - block.measure) <= SAME_WIDTH,
            "carried_words": wordmatch.shared_share(block.text, above) >= CARRIED,
            "caption_both_sides": bool(caption) and wordmatch.shared_share(caption, above) >= CAPTION_SHARED
            and wordmatch.shared_share(caption, block.text) >= CAPTION_SHARED}


def goes_across(cues: dict[str, bool]) -> bool:
    """AS85: the paragraph after the photo goes on the story above, its cues weighed (CARRY): the photo was printed
    inside the story, whatever headline its words might match later.

    >>> goes_across({"same_width": True, "carried_words": True}), goes_across({"same_width": True, "carried_words": False})
    (True, False)
    """
    return sum(CARRY.get(cue, 0.0) for cue, on in cues.items() if on) >= CARRY_FROM
