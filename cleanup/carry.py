"""A story carried across a photo printed inside it (AS85, AS86): whether the paragraph right after a caption goes on
the story before it, by weighed cues of the two stretches the photo parts."""

from __future__ import annotations

from . import classify, shapes, wordmatch
from .model import Block

_PHOTO = ("caption", "credit")
SAME_WIDTH = 1.0  # characters: two stretches whose longest lines differ by this much at most run in one column
CARRIED = 0.1  # the share of the paragraph's word pairs found in the story above: it speaks of that story's things
CAPTION_SHARED = 0.2  # the share of the caption's word pairs found on each side: a photo of the story it stands in
CARRY = {"same_width": 1.0, "carried_words": 1.0, "caption_both_sides": 1.0}
CARRY_FROM = 2.0  # the weighed cues must reach this for the text after the photo to go on the story above


def across_cues(blocks: list[Block], i: int, above: str, read: str = "text") -> dict[str, bool]:
    """The cues that the paragraph right after a photo (blocks[i]) goes on the story above it (its text so far, above).

    same_width: it and the last paragraph before the photo run FULL_LINES lines or more each, their longest lines
    SAME_WIDTH apart at most (one column); other_width: both that long, further apart. carried_words: CARRIED of its
    word pairs are found in the story above. caption_both_sides: CAPTION_SHARED of the caption's word pairs are
    found in the story above and in the paragraph. numbered_point: it opens one (一、……), which goes on a list.
    An engine's lines (read "ocr" or "boxes") show no other column by their measures: other_width only on text.

    >>> prev = Block("社区开展清理小广告活动，居民踊跃参与。", 1, 4, measure=14.0, lines=4)
    >>> photo = Block("图为志愿者清理小广告。", 5, 5, role="caption")
    >>> after = Block("活动中，志愿者和居民清理小广告三百余处。", 6, 9, measure=14.0, lines=4)
    >>> sorted(cue for cue, on in across_cues([prev, photo, after], 2, prev.text).items() if on)
    ['caption_both_sides', 'carried_words', 'same_width']
    >>> other = Block("河道治理全面铺开，清淤已经完成。", 6, 9, measure=11.0, lines=4)
    >>> sorted(cue for cue, on in across_cues([prev, photo, other], 2, prev.text).items() if on)
    ['other_width']
    """
    k = i - 1
    while k >= 0 and blocks[k].role in _PHOTO:
        k -= 1
    prev, block = (blocks[k] if k >= 0 else None), blocks[i]
    caption = " ".join(b.text for b in blocks[k + 1:i] if b.role == "caption")
    measured = prev is not None and prev.role == "body" and min(prev.lines, block.lines) >= classify.FULL_LINES \
        and prev.measure > 0 and block.measure > 0
    apart = abs(prev.measure - block.measure) if measured else 0.0
    return {"same_width": measured and apart <= SAME_WIDTH, "other_width": measured and apart > SAME_WIDTH and read == "text",
            "numbered_point": bool(shapes.NUMBERED_POINT_RE.match(block.text)),
            "carried_words": wordmatch.shared_share(block.text, above) >= CARRIED,
            "caption_both_sides": bool(caption) and wordmatch.shared_share(caption, above) >= CAPTION_SHARED
            and wordmatch.shared_share(caption, block.text) >= CAPTION_SHARED}


def goes_across(cues: dict[str, bool]) -> bool:
    """AS85: the paragraph after the photo goes on the story above, its cues weighed (CARRY): the photo was printed
    inside the story, whatever headline its words might match later.

    >>> goes_across({"same_width": True, "carried_words": True}), goes_across({"same_width": True, "other_width": False})
    (True, False)
    """
    return sum(CARRY.get(cue, 0.0) for cue, on in cues.items() if on) >= CARRY_FROM


def set_apart(cues: dict[str, bool] | None) -> bool:
    """AS86: the paragraph after the photo is set in another column than the text before it and speaks of none of
    that story's things: no cue that it goes on the story above holds, whatever else does.

    >>> set_apart({"other_width": True, "carried_words": False}), set_apart({"other_width": True, "carried_words": True})
    (True, False)
    >>> set_apart({"other_width": True, "numbered_point": True})
    False
    """
    return cues is not None and cues.get("other_width", False) and not cues.get("carried_words", False) \
        and not cues.get("numbered_point", False) \
        and not cues.get("caption_both_sides", False)
