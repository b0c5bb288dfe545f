"""Caption blocks set right before assembly: a run-in credit parted from its caption, a story's lede
parted from the caption it ran into."""

from __future__ import annotations

from dataclasses import replace

from . import shapes
from .model import Block, Step


def split_run_in_credits(blocks: list[Block]) -> list[Block]:
    """A caption ending in a run-in credit (……推动作用。 本报记者 杨翠叶) becomes caption + credit."""
    out: list[Block] = []
    for block in blocks:
        match = shapes.run_in_credit(block.text) if block.role == "caption" else None
        if match:
            out.append(replace(block, text=match["caption"]))
            out.append(replace(block, text=match["credit"], role="credit", gap_before=0))
        else:
            out.append(block)
    return out


def part_swallowed_ledes(blocks: list[Block], trace: list[Step] | None = None) -> list[Block]:
    """AS27: a "caption" a dateline naming its writers opens (本报讯（记者 郑林）……) is a story's lede
    joined to the caption under it, its last line full: parted where the lede ends.

    No caption names the story's writers (`shapes.dateline_names_writers`); the lede ends at the
    first line that ends a sentence, or where the measure changes (the caption is set across the
    photo). Only where each line's dump line number is known (lines printed one after another,
    each parted by as many blank lines).

    >>> cap = Block("本报讯（通讯员 王斌）为促进全民健身，丰富文化生活。近日，比赛在五中学举行。", 6, 9, role="caption", lines=4,
    ...             cuts=(14, 26, 35), measure=13)
    >>> [(b.role, b.text, b.first, b.last) for b in part_swallowed_ledes([cap])]
    [('body', '本报讯（通讯员 王斌）为促进全民健身，丰富文化生活。', 6, 7), ('caption', '近日，比赛在五中学举行。', 8, 9)]

    Not a caption naming no writers, nor one whose lines' numbers are not known (the column stage moved them).

    >>> plain = replace(cap, text=cap.text.replace("本报讯（通讯员 王斌）", "本报讯　　　　　　　"))
    >>> part_swallowed_ledes([plain]) == [plain], part_swallowed_ledes([replace(cap, last=10)]) == [replace(cap, last=10)]
    (True, True)
    """
    out: list[Block] = []
    for block in blocks:
        at = _lede_end(block) if block.role == "caption" and shapes.dateline_names_writers(block.text) else None
        if at is None:
            out.append(block)
            continue
        lede, caption = cut_block(block, at)
        out += [lede, caption]
        if trace is not None:
            trace.append(Step("AS27", "swallowed-lede-parted", block.first, block.last, block.text[:20],
                              f"body: {lede.text[:20]} (lines {lede.first}-{lede.last}) ¶ caption: {caption.text[:20]} "
                              "← a caption names no writers: the lede of a story ran into it"))
    return out


LEDE_MEASURE = 1.2  # two full lines this much apart in length are set in two measures


def _lede_end(block: Block) -> int | None:
    """The index of the cut where the lede in a caption block ends, None where none is found or the lines'
    numbers are not known."""
    if not block.cuts or block.runs or line_step(block) is None:
        return None
    bounds = [0, *block.cuts, len(block.text)]
    lengths = [shapes.display_length(block.text[x:y]) for x, y in zip(bounds, bounds[1:])]
    for k, cut in enumerate(block.cuts):
        if shapes.ends_sentence(block.text[:cut]):
            return k
        last = k + 1 == len(block.cuts)  # (the block's last line may be short: it shows no measure)
        if not last and max(lengths[k], lengths[k + 1]) > LEDE_MEASURE * min(lengths[k], lengths[k + 1]):
            return k
    return None


def line_step(block: Block) -> int | None:
    """How far apart the block's dump lines are numbered (1: one after another, 2: a blank between each)."""
    span = block.last - block.first
    if block.lines < 2 or span % (block.lines - 1):
        return None
    return span // (block.lines - 1) or None


def cut_block(block: Block, k: int) -> tuple[Block, Block]:
    """The block parted at its k-th cut: the lines before as body, the rest as it was (every character kept)."""
    step, at = line_step(block), block.cuts[k]
    head_lines = k + 1
    head_last = block.first + step * k
    head = replace(block, text=block.text[:at], role="body", last=head_last, lines=head_lines, cuts=block.cuts[:k],
                   measure=_measure(block.text[:at], block.cuts[:k]))
    rest_cuts = tuple(c - at for c in block.cuts[k + 1:])
    rest = replace(block, text=block.text[at:], first=head_last + step, lines=block.lines - head_lines, cuts=rest_cuts,
                   gap_before=step - 1, measure=_measure(block.text[at:], rest_cuts))
    return head, rest


def _measure(text: str, cuts: tuple[int, ...]) -> float:
    bounds = [0, *cuts, len(text)]
    return max(shapes.display_length(text[x:y]) for x, y in zip(bounds, bounds[1:]))
