"""HD04: a lone "headline" line that is a paragraph's line cut off by a blank OCR set.

Tesseract sets blank lines inside paragraphs and drops a first line's indent; the line over such a
blank, short of its column, stands alone and reads as a headline (北京市公安局丰台分局副 / 局长郑威在……).
A headline ends where its words end and the text under it opens anew; a cut line reads on into the
paragraph under it. The cues are weighed (weights fitted on the fit split's Tesseract dumps, block
roles against the truth's: see README, HD04).
"""

from __future__ import annotations

from dataclasses import replace

from . import seams, shapes
from .join import glue
from .model import Block, Step

# name: weight. Fitted on the fit split's Tesseract dumps (one-line headline blocks right over a body block:
# of 356 paragraph lines and 1562 heads so, 207 lines rejoined against 10 heads; see README).
WEIGHTS = {
    "word": 3,  # the likeliest reading of the seam has a dictionary word across it (副 / 局长)
    "pair": 2,  # the page prints the pair across the seam inside its lines
    "clause": 3,  # the line ends on a clause mark
    "close": 1,  # no blank line between it and the text under it
    "open": 1,  # the paragraph above stops mid-sentence
    "indent": 1,  # an indent short of the column (1.5 to 3.5 characters): a paragraph's first line
    "full": 1,  # as wide as the column
    "dateline": -5,  # the text under it opens with a dateline: a story's lede under its headline
    "byline": 2,  # right under a byline: its lede's first line
    "dash": -1,  # opened by a dash: a ——subtitle
}
BIAS = -2
INDENT = (1.5, 3.5)  # characters short of the column: a first line that lost its indent


def cues(blocks: list[Block], i: int, words, pairs: seams.PagePairs | None) -> list[str]:
    """The cues that hold for headline block i over body block i + 1 (pairs None: not counted yet).

    >>> blocks = [Block("……开展活动。", 1, 1, width=12), Block("北京市公安局丰台分局副", 3, 3, role="headline", width=12, measure=11, gap_before=1),
    ...           Block("局长郑威在10日的新闻发布会上介绍说，", 4, 5, width=12, measure=12)]
    >>> cues(blocks, 1, {"副局长": -9.0, "局长": -8.0}, seams.PagePairs.of(["副局长"]))
    ['word', 'pair', 'close', 'full']
    """
    head, body = blocks[i], blocks[i + 1]
    text, below = head.text.strip(), body.text.strip()
    out = []
    if words is not None and seams.word_across(text, below, words):
        out.append("word")
    if pairs is not None and pairs.affinity(text, below) > 0:
        out.append("pair")
    if text[-1:] in "，、；：,;:":
        out.append("clause")
    if not body.gap_before:
        out.append("close")
    above = blocks[i - 1] if i else None
    if above is not None and above.role == "body" and not shapes.ends_sentence(above.text):
        out.append("open")
    width = body.width or head.width
    if width:
        short = width - head.measure
        if INDENT[0] <= short <= INDENT[1]:
            out.append("indent")
        elif short < INDENT[0]:
            out.append("full")
    if shapes.starts_with_dateline(below):
        out.append("dateline")
    if above is not None and above.role == "byline":
        out.append("byline")
    if text[:1] in "—一-－" and (text[:2] == "——" or shapes.MISREAD_DASH_RE.match(text)):
        out.append("dash")
    return out


def score(names: list[str]) -> int:
    return BIAS + sum(WEIGHTS[name] for name in names)


def rejoin_cut_lines(blocks: list[Block], trace: list[Step] | None = None, words=None) -> list[Block]:
    """HD04: a one-line headline block right over a body block, the seam weighing as running text,
    goes back into that paragraph as its first line.

    >>> words = {"副局长": -9.0, "局长": -8.0}
    >>> blocks = [Block("北京市公安局丰台分局副", 3, 3, role="headline", width=12, measure=11, gap_before=1),
    ...           Block("局长郑威在10日的新闻发布会上介绍说，", 4, 5, width=12, measure=12, lines=2, cuts=(13,))]
    >>> [(b.role, b.text, b.first, b.last, b.cuts) for b in rejoin_cut_lines(blocks, words=words)]
    [('body', '北京市公安局丰台分局副局长郑威在10日的新闻发布会上介绍说，', 3, 5, (11, 24))]
    """
    if not any(_candidate(blocks, i) for i in range(len(blocks) - 1)):
        return blocks
    pairs = None
    out = list(blocks)
    for i in range(len(blocks) - 2, -1, -1):  # from the end: a merge leaves the indices before it, and a line
        if not _candidate(out, i):        # cut twice goes back in turn
            continue
        names = cues(out, i, None, None)
        if score(names) + WEIGHTS["word"] + WEIGHTS["pair"] <= 0:
            continue  # cannot reach: the page's pairs are not counted for it
        if pairs is None:
            pairs = seams.PagePairs.of(b.text for b in blocks)
            words = seams.lexicon() if words is None else words
        names = cues(out, i, words, pairs)
        if score(names) <= 0:
            continue
        head, body = out[i], out[i + 1]
        out[i:i + 2] = [_merged(head, body)]
        if trace is not None:
            trace.append(Step("HD04", "cut-line-into-its-paragraph", head.first, body.last, head.text,
                              f"body: {head.text} ⏎ {body.text[:12]}  [{score(names):+d} = bias {BIAS}, "
                              + ", ".join(f"{n} {WEIGHTS[n]:+d}" for n in names) + "]"))
    return out


def _candidate(blocks: list[Block], i: int) -> bool:
    head, body = blocks[i], blocks[i + 1]
    return head.role == "headline" and head.lines == 1 and body.role == "body" and bool(head.text.strip())


def _merged(head: Block, body: Block) -> Block:
    text = glue(head.text, body.text)
    shift = len(text) - len(body.text)
    # only blank lines between: first..last still names its lines
    contiguous = not head.runs and not body.runs and body.first - head.last - 1 == body.gap_before
    runs = () if contiguous else (*head.line_runs, *body.line_runs)
    return replace(body, text=text, first=head.first, last=body.last,
                   role="body", measure=max(head.measure, body.measure), lines=head.lines + body.lines,
                   gap_before=head.gap_before, runs=runs, cuts=(shift, *(shift + c for c in body.cuts)),
                   under_junk=head.under_junk)
