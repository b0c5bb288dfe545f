"""Head runs given to stories: every run split into head groups and matched to the stories on the page."""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate
from dataclasses import dataclass

from . import shapes
from .headunits import (boxed, couplets_fit, inside_box, is_couplet_unit, labelled, own_head_past_blank, runs_on_past_subtitle,
                        units, wrapped_from)
from .heads import Head, build_head, split_run
from .model import Block
from .wordmatch import Story, Words, similarity

MATCH_THRESHOLD = 0.34  # below this a headline is left unattached rather than guessed
CONFIDENT_MARGIN = 0.15  # a match this far ahead of the runner-up needs no warning


ADJACENT_AFTER = 0.2  # a head printed right above a story is probably its own
ADJACENT_BEFORE = 0.1  # printed right below a story: a head set after its body
BYLINE_OVER = 0.3  # more for a head whose byline is printed right above the story
MAX_GROUP = 3  # headline lines in one group: a title (maybe wrapped) and a subtitle
NEARBY = 40  # stories either side of a run that may own its heads (keeps huge dumps linear)


@dataclass
class Run:
    """Head blocks printed together, and the stories printed right before and after them."""

    blocks: list[Block]
    before: int | None = None  # story index
    after: int | None = None
    at: int = 0  # index of the first story after the run, for NEARBY
    byline_last: bool = False  # the run ends with a byline


@dataclass(frozen=True, slots=True)
class Attached:
    run: int
    head: Head
    story: int | None  # None: no story of its own on the page
    score: float = 0.0
    confident: bool = True
    freed: int | None = None  # the story let go when two chosen groups were made this one (AS29)
    signed: bool = False  # its byline came from the run's last group, left without a story (AS31)
    titled: bool = False  # a group no story took made this head's title (AS58)
    apart: bool = False  # kept apart from the group it touches: another story's head (AS93)
    parted: bool = False  # parted from the group that took a story, or left it that story: two heads (AS75)


def attach(runs: list[Run], stories: list[str], titles: bool = False, part_heads: bool = True) -> list[Attached]:
    """Split every run into head groups and give each to a story, as one greedy assignment.

    Candidates are every split of a run into groups of up to MAX_GROUP lines,
    scored by content similarity plus a bonus for printing next to the story.
    The best pairs are taken first; a line left over joins its neighbour group
    in the run; a group with no story above the threshold stays without one.
    titles: a group left over right over the group that took a story may be that head's title (AS58).
    part_heads: left-over lines may be kept apart as another story's head (AS93; off on pages an OCR
    engine read, where it gained no title on fit and made 12 of its 20 worse dumps), and a title a blank
    apart opens a head of its own (AS55; off there too: it moved 35 Tesseract dumps, no title gained).
    """
    per_run = [units(run.blocks) for run in runs]
    candidates = []
    # a score under MATCH_THRESHOLD can never be taken: it is left None, worked out only for a runner-up
    scores: dict[tuple[int, int, int], dict[int, float | None]] = {}
    heads: dict[tuple[int, int, int], Head] = {}  # built once a group: scored, then maybe chosen
    prepared: dict[int, Story] = {}  # the stories near the current run (runs come in page order)
    for r, (run, us) in enumerate(zip(runs, per_run)):
        near = range(max(0, run.at - NEARBY), min(len(stories), run.at + NEARBY))
        for gone in [s for s in prepared if s not in near]:
            del prepared[gone]  # a huge dump keeps only the stories in reach
        in_boxes = boxed(us)
        for a in range(len(us)):
            for b in range(a + 1, min(len(us), a + MAX_GROUP) + 1):
                head = heads[(r, a, b)] = build_head([blk for u in us[a:b] for blk in u])
                if not head.title or not couplets_fit(us, a, b):
                    continue  # a couplet is a whole headline: only the subtitle of a plain title
                if runs_on_past_subtitle(us, a, b):
                    continue  # a ——subtitle ends its head
                if any(labelled(us, k) or part_heads and own_head_past_blank(us, k) for k in range(a + 1, b)):
                    continue  # a column label opens the next story's head, and so does a title a blank apart (AS55)
                if wrapped_from(us, a) or wrapped_from(us, b) or in_boxes and (inside_box(us, a) or inside_box(us, b)):
                    continue  # a head is whole: not the second line of a wrapped title, not part of a box
                words = Words(head.text)
                row = {}
                for s in near:
                    if s not in prepared:
                        prepared[s] = Story(stories[s])
                    score = _score(words, prepared[s], run, a, b, len(us), s, MATCH_THRESHOLD)
                    row[s] = score
                    if score is not None:
                        candidates.append((score, b - a, r, a, b, s))
                scores[(r, a, b)] = row
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    taken: set[int] = set()
    chosen: dict[int, list[tuple[int, int, int, float]]] = {r: [] for r in range(len(runs))}
    for score, _, r, a, b, s in candidates:
        if score < MATCH_THRESHOLD:
            break
        if s in taken or any(a < b2 and a2 < b for a2, b2, _, _ in chosen[r]):
            continue
        taken.add(s)
        chosen[r].append((a, b, s, score))
    merged: dict[tuple[int, int, int], int] = {}  # groups two chosen ones made: the story let go
    headed = {run.after for run in runs}  # the stories printed right under a head run
    for r, (groups, us) in enumerate(zip(chosen.values(), per_run)):
        if len(groups) > 1:
            around = {runs[r].before, runs[r].after} - {None}  # the stories on either side of the run
            run_groups = _RunGroups(r, us, around, headed, lambda a, b, r=r: scores.get((r, a, b)),
                                    lambda a, b, r=r: heads[(r, a, b)],
                                    lambda a, b, s, r=r: _score(heads[(r, a, b)], Story(stories[s]), runs[r],
                                                                a, b, len(per_run[r]), s))
            chosen[r] = _merge_split_heads(sorted(groups), run_groups, taken, merged)
    result = []
    for r, us in enumerate(per_run):
        near = range(max(0, runs[r].at - NEARBY), min(len(stories), runs[r].at + NEARBY))
        free, held = [k for k in near if k not in taken], [k for k in near if k in taken]
        # a headless story printed right above the run; a run its byline closes is one story's signed head
        under = runs[r].before if runs[r].before in free and not runs[r].byline_last else None
        titled: set[tuple[int, int]] = set()
        apart: set[tuple[int, int]] = set()
        cover = _cover(sorted(chosen[r]), us, stories, free, held, under, apart, part_heads)
        cover = titles_over(cover, us, stories, free, titled, apart) if titles else cover
        parted: set[tuple[int, int]] = set()
        for a, b, s in two_heads(cover, us, stories, parted) if part_heads else cover:
            head = heads.get((r, a, b)) or build_head([blk for u in us[a:b] for blk in u])
            if s is None:
                result.append(Attached(r, head, None, apart=(a, b) in apart, parted=(a, b) in parted))
                continue
            row = scores.get((r, a, b)) or {s: similarity(head, stories[s])}
            exact = lambda j: _score(head, Story(stories[j]), runs[r], a, b, len(us), j)  # noqa: E731
            score = row.get(s, 0.0)
            if score is None:  # (a group widened by _cover may score under the threshold)
                score = exact(s)
            others = [x for j, x in row.items() if j != s]
            if None in others:  # runners-up under the threshold: it bounds their scores
                bound = max(x for x in [MATCH_THRESHOLD, *others] if x is not None)
                if score - bound >= CONFIDENT_MARGIN:
                    others = [bound]  # far enough ahead of them all
                else:  # one may be close: score them in full
                    others = [exact(j) if x is None else x for j, x in row.items() if j != s]
            confident = not others or score - max(others) >= CONFIDENT_MARGIN
            result.append(Attached(r, head, s, score, confident, merged.get((r, a, b)), titled=(a, b) in titled,
                                   parted=(a, b) in parted))
    return hand_back_bylines(rejoin_subtitles(result, runs), runs)


def hand_back_bylines(found: list[Attached], runs: list[Run]) -> list[Attached]:
    """AS31: a byline closing a run, in its last group left without a story, goes to the group above, which took the story under the run.

    A byline is printed right over the story it signs. The last group opens under a column label:
    another column's head set under the lines of the head above, that reads like no story here (its
    story printed elsewhere); the byline after it is the head's above, whose story is under the run.

    >>> run = Run([Block("种好社区治理“责任田”", 1, 1, role="headline"), Block("民生观察：清理小广告", 2, 2, role="headline"),
    ...            Block("新城社区党委书记 谭永生", 3, 3, role="byline")], after=4)
    >>> found = [Attached(0, build_head(run.blocks[:1]), 4, 0.7), Attached(0, build_head(run.blocks[1:]), None)]
    >>> [(f.head.title, f.head.byline, f.story, f.signed) for f in hand_back_bylines(found, [run])]
    [('种好社区治理“责任田”', '新城社区党委书记 谭永生', 4, True), ('民生观察：清理小广告', '', None, False)]

    The group above took a story printed elsewhere: the byline stays (its head's story may be found later),
    unless a blank sets it apart from the lines above it, in a box of its own. Under a head no label opens, it stays.

    >>> [f.head.byline for f in hand_back_bylines(found, [Run(run.blocks, after=5)])]
    ['', '新城社区党委书记 谭永生']
    >>> boxed = Run([*run.blocks[:2], Block("新城社区党委书记 谭永生", 4, 4, role="byline", gap_before=1)], after=5)
    >>> found = [Attached(0, build_head(boxed.blocks[:1]), 4, 0.7), Attached(0, build_head(boxed.blocks[1:]), None)]
    >>> [f.head.byline for f in hand_back_bylines(found, [boxed])]
    ['新城社区党委书记 谭永生', '']
    >>> plain = Run([run.blocks[0], Block("清理小广告 粉刷美环境", 2, 2, role="headline"), run.blocks[2]], after=4)
    >>> found = [Attached(0, build_head(plain.blocks[:1]), 4, 0.7), Attached(0, build_head(plain.blocks[1:]), None)]
    >>> [f.head.byline for f in hand_back_bylines(found, [plain])]
    ['', '新城社区党委书记 谭永生']
    """
    out = list(found)
    for k in range(1, len(out)):
        above, last = out[k - 1], out[k]
        blocks = runs[last.run].blocks
        if last.run != above.run or last.story is not None or above.story is None or above.head.byline \
                or not last.head.byline or not last.head.title or last.head.last != blocks[-1].last:
            continue
        mine = _group_blocks(blocks, last.head, True)
        signs = [b for b in mine if b.role == "byline"]
        if not mine or not labelled([mine], 0) or above.story != runs[last.run].after and not (signs and signs[0].gap_before):
            continue  # not another column's head, nor over the story the group above took, nor set apart in a box
        spans = {(first, last_) for first, last_, _ in above.head.spans}
        theirs = [b for b in blocks if set(b.line_runs) <= spans and not any(b is m for m in mine)]  # (lines may be shared)
        if not signs or mine[-len(signs):] != signs or not theirs:
            continue
        out[k - 1] = Attached(above.run, build_head(theirs + signs), above.story, above.score, above.confident, above.freed,
                              signed=True)
        out[k] = Attached(last.run, build_head(mine[:-len(signs)]), None)
    return out


def merge_gain(split: list[tuple[int, float]], whole: float) -> float:
    """AS29: how much better two neighbouring groups of a run read as one head than apart, coverage-weighted.

    `split` holds each group's number of word pairs and score with its own story; the
    head made of both is scored `whole` with the better of the two stories. Apart, each
    group counts for its share of the words: a couplet title that reads like no story
    (明责赋能 / 做强“枢纽”), matched weakly elsewhere, no longer outweighs the subtitle
    under it that reads like the story below, as a share alone would.

    >>> round(merge_gain([(6, 0.47), (15, 1.304)], 1.124), 3)  # a title and its subtitle: one head
    0.058
    >>> merge_gain([(10, 0.9), (10, 1.0)], 0.75) < 0  # two heads each reading like its own story
    True
    """
    total = sum(max(1, n) for n, _ in split)
    return whole - sum(max(1, n) * x for n, x in split) / total


@dataclass(frozen=True, slots=True)
class _RunGroups:
    """What AS29 reads of one head run: its units, the stories beside it, its groups' heads and scores."""

    r: int  # the run's place on the page
    units: list  # the run's lines, grouped into units (headunits.units)
    around: set[int]  # the stories printed right before and after the run
    headed: set[int | None]  # the stories printed right under some head run
    row_of: Callable[[int, int], dict[int, float | None] | None]  # group a:b's scores by story (None: no such head)
    head_of: Callable[[int, int], Head]  # group a:b's head
    exact: Callable[[int, int, int], float | None]  # group a:b against story s, scored in full


def _merge_split_heads(groups, run: _RunGroups, taken: set[int], merged: dict) -> list[tuple[int, int, int, float]]:
    """Chosen groups of one run, neighbours read better as one head (merge_gain) made one; the story let go is freed.

    Only a story printed right before or after the run is let go (the head was set between its
    story and the next), or the piece right before or after the kept story that no head run parts
    from it (assembly puts it back: AS30). A story printed elsewhere may be the rest of the same
    story, parted by the extractor, which the two groups hold together better apart. Nor does a head
    made one open on the second half of a couplet set on two lines, a column's tag closing it or not
    (推进乡镇综合执法 / 提升基层治理效能（经济·聚焦）).
    """
    out = [groups[0]]
    for a2, b2, s2, x2 in groups[1:]:
        a1, b1, s1, x1 = out[-1]
        row = run.row_of(a1, b2)  # None: no head can span the two (too long, a couplet, a label, a ——line)
        if b1 != a2 or row is None or wrapped_from(run.units, a1, tag_aside=True):
            out.append((a2, b2, s2, x2))
            continue
        whole = {s: (row.get(s) if row.get(s) is not None else run.exact(a1, b2, s)) for s in (s1, s2)}
        best = max(whole, key=whole.__getitem__)
        freed = s2 if best == s1 else s1
        if freed not in run.around and (abs(best - freed) != 1 or max(best, freed) in run.headed):
            out.append((a2, b2, s2, x2))
            continue
        split = [(len(Words(run.head_of(a1, b1).text).pairs), x1), (len(Words(run.head_of(a2, b2).text).pairs), x2)]
        if merge_gain(split, whole[best]) + WRAPPED_TITLE_GAIN * one_wrapped_title(run, a1, b1, b2) <= MERGE_MARGIN:
            out.append((a2, b2, s2, x2))
            continue
        taken.discard(freed)
        out[-1] = (a1, b2, best, whole[best])
        merged[(run.r, a1, b2)] = freed
    return out


MERGE_MARGIN = 0.03  # AS29: the gain two groups must show to be made one head
WRAPPED_TITLE_GAIN = 0.05  # AS29: added when the two groups are one title's two lines (one_wrapped_title)


HALVES_RATIO = 0.6  # one_wrapped_title: the shorter half at least this share of the longer


def one_wrapped_title(run: _RunGroups, a: int, m: int, b: int) -> bool:
    """AS29's shape cue: groups a:m and m:b, one plain headline line each of like length, read as one wrapped title.

    A title set on two lines, each half reading a little like a piece of the story (or of the
    story's other half, parted by the extractor), is still one title (推进乡镇综合执法 / 提升基层治理效能).
    Not lines with a clause mark (running text taken for head lines), nor a long line over a short
    scrap (a byline's word).

    >>> us = [[Block("推进乡镇综合执法", 1, 1, role="headline")], [Block("提升基层治理效能", 2, 2, role="headline")],
    ...       [Block("锂同位素高精度原位检测成功实现", 3, 3, role="headline")], [Block("本报记者", 4, 4, role="headline")]]
    >>> run = _RunGroups(0, us, set(), set(), lambda a, b: None, lambda a, b: build_head([x for u in us[a:b] for x in u]),
    ...                  lambda a, b, s: None)
    >>> one_wrapped_title(run, 0, 1, 2), one_wrapped_title(run, 2, 3, 4)
    (True, False)
    """
    if m - a != 1 or b - m != 1:
        return False
    parts = [[blk.text for blk in u if blk.role == "headline"] for u in run.units[a:b]]
    if any(len(p) != 1 for p in parts):
        return False
    (first,), (second,) = parts
    if shapes.BODY_PUNCT_RE.search(first + second):
        return False
    short, long_ = sorted((shapes.display_length(first), shapes.display_length(second)))
    whole = run.head_of(a, b)
    return short >= HALVES_RATIO * long_ and not whole.subtitle and not whole.column and whole.title == f"{first} {second}"


def rejoin_subtitles(found: list[Attached], runs: list[Run]) -> list[Attached]:
    """A ——subtitle opening a run goes under the title that ends the run before, left without a story or subtitle.

    An extractor reading by boxes parts a headline's lines set in two sizes
    and prints other text between them; a ——line heads no story by itself.

    >>> title = Run([Block("党委统揽 全域统筹", 3, 3, role="headline")])
    >>> sub = Run([Block("——构建城乡基层治理新格局", 9, 9, role="headline"), Block("市委书记 王明", 10, 10, role="byline")])
    >>> found = [Attached(0, build_head(title.blocks), None), Attached(1, build_head(sub.blocks), 2, 0.6)]
    >>> [(f.head.title, f.head.subtitle, f.story) for f in rejoin_subtitles(found, [title, sub])]
    [('党委统揽 全域统筹', '——构建城乡基层治理新格局', 2)]
    """
    out: list[Attached | None] = list(found)
    ending: dict[int, int] = {}  # run: the place in `out` of the first group that ends it
    for k, g in enumerate(found):
        if g.head.last == runs[g.run].blocks[-1].last:
            ending.setdefault(g.run, k)
    for k, f in enumerate(found):
        if not shapes.is_subtitle_dash(f.head.title) or f.head.column or f.run == 0:
            continue
        at = ending.get(f.run - 1)
        if runs[f.run].blocks[0].first != f.head.first or at is None or out[at] is None:
            continue
        title = out[at]
        if title.story is not None or title.head.subtitle or title.head.byline or shapes.is_subtitle_dash(title.head.title):
            continue
        heads, dash = _group_blocks(runs[title.run].blocks, title.head, True), _group_blocks(runs[f.run].blocks, f.head)
        if not heads or not dash:
            continue
        out[at] = None
        out[k] = Attached(f.run, build_head(heads + dash), f.story, f.score, f.confident)
    return [f for f in out if f is not None]


def _group_blocks(blocks: list[Block], head: Head, last: bool = False) -> list[Block]:
    """The blocks that make up head, the first group of a run (the last, with `last`), or [] if they do not.

    By place in the run, not by line number: a run the column stage put back need not go in dump
    order, so a line between a group's first and last may be another group's (taken twice, once lost).
    """
    want = sorted((first, last_) for first, last_, _ in head.spans)
    taken, runs = [], 0
    for block in (reversed(blocks) if last else blocks):
        if runs >= len(want):
            break
        taken.append(block)
        runs += len(block.line_runs)
    taken = taken[::-1] if last else taken
    return taken if sorted(run for b in taken for run in b.line_runs) == want else []


def _score(head: Head | Words, story: Story, run: Run, a: int, b: int, n: int, s: int,
           below: float = 0.0) -> float | None:
    """Group a:b of a run's n lines against story s: similarity, plus a bonus for printing next to it.

    With `below`, a score that is surely under it is None.
    """
    after, before = s == run.after and b == n, s == run.before and a == 0
    over = ADJACENT_AFTER + BYLINE_OVER * (run.byline_last and n <= MAX_GROUP)  # one story's head, its byline last
    bonus = over * after + ADJACENT_BEFORE * before
    score = similarity(head, story, below - bonus if below else 0.0)
    if score is None:
        return None
    if after:
        score += over
    if before:
        score += ADJACENT_BEFORE
    return score


def _cover(chosen, us, stories, free, held=(), under: int | None = None,
           apart: set[tuple[int, int]] | None = None, part_heads: bool = True) -> list[tuple[int, int, int | None]]:
    """Spread one run's chosen groups over the lines no story claimed.

    A left-over line goes with the chosen group it touches (the one after it,
    whose title it then is, unless it reads more like the story of the one
    before), if the group stays within MAX_GROUP lines; other lines are split
    as printed and stay without a story. A left-over line over a chosen group,
    under none, that reads like one of the free stories (LOW_MATCH) stays a
    headline of its own, for assembly's second round. So does a whole headline
    (a couplet) that reads like a story another headline took, even right under
    a chosen group: assembly may part that story (AS14). So do left-over lines opening the run, printed
    right under a headless story (`under`) they read like more than the group's story: its head, printed
    after it (AS52). Left-over lines that part into the group's head and another story's are kept apart (AS93;
    `apart`: the groups kept so, if wanted).

    >>> us = [[Block("河道治理全面铺开", 1, 1, role="headline")], [Block("社区义诊 暖心服务", 2, 2, role="headline")],
    ...       [Block("学校运动会开幕", 3, 3, role="headline")]]
    >>> stories = ["河道治理全面铺开，河道清淤已经完成。", "河道边的社区开展义诊服务，居民暖心。", "学校运动会开幕，学生踊跃参加。"]
    >>> _cover([(0, 1, 0, 0.9), (2, 3, 2, 0.9)], us, stories, [], [1])
    [(0, 1, 0), (1, 2, None), (2, 3, 2)]
    """
    groups = [[a, b, s] for a, b, s, _ in chosen]
    out: list[list] = []
    i = 0
    for g in groups + [None]:
        end = g[0] if g else len(us)
        after_group = bool(out) and out[-1][1] == i and out[-1][2] is not None  # then it may be that one's subtitle
        above = out[-1][2] if after_group else None  # lines right under a group that reads like them are its subtitle
        if i == 0 and end > 0 and g is not None and under is not None:
            first = _printed_parts(us, i, end)[0]  # the first head printed: the story's above, printed after it (AS52)
            if _reads_back(us[first[0]:first[1]], stories, under, g[2]):
                out.append([*first, None])
                i = first[1]
        if end > i and g is not None and ((not after_group and _own_headline(us[i:end], stories, free + [g[2]]))
                                          or _heads_another(us[i:end], stories, held, g[2], above)):
            out.append([i, end, None])
        elif end > i:
            prev = out[-1] if out and out[-1][1] == i and out[-1][2] is not None else None
            how = _joins(us, stories, i, end, prev, g, part_heads)
            parted = None  # AS93: the lines kept apart, another story's head, not the group's
            if part_heads and how == "next" and (cut := _heads_apart(us, stories, free, i, end, g, over=True)) is not None:
                out.append([i, cut, None])
                i, parted = cut, (i, cut)
            elif part_heads and how == "prev" and (cut := _heads_apart(us, stories, free, i, end, prev, over=False)) is not None:
                prev[1] = cut
                out.append([cut, end, None])
                parted = (cut, end)
            if parted:
                if apart is not None:
                    apart.add(parted)
                if how == "next" and end > i:
                    g[0] = i
            elif how == "next":
                g[0] = i
            elif how == "prev":
                prev[1] = end
            else:
                parts = _printed_parts(us, i, end)
                # split as printed, the first part may still go under the group above, the last over the one below
                split = len(parts) > 1
                under = split and _joins(us, stories, *parts[0], prev, None, part_heads) == "prev"
                over = split and _joins(us, stories, *parts[-1], None, g, part_heads) == "next" and _whole_title(us, *parts[-1])
                if over:
                    g[0] = parts.pop()[0]
                if under:
                    prev[1] = parts.pop(0)[1]
                out.extend([a, b, None] for a, b in parts)
        if g is not None:
            out.append(g)
            i = g[1]
    return [tuple(x) for x in out]


TWO_HEADS_BAR = 2.5  # AS75: the weight of cues that parts a group into two heads
TWO_HEADS_READS = 0.25  # AS75: one part's words found in the story this much more than the other's
TWO_HEADS_LOW = 0.15  # AS75: and the other's found there at most this much
TWO_HEADS_MIN = 6  # AS75: letters of the head left over at least (a column label, a scrap, is shorter)


def whole_head_at(us: list[list[Block]], a: int, b: int) -> bool:
    """Units a:b open on a whole headline: a couplet line, or a couplet set on two lines (及时整改到位 / 提升安全水平).

    >>> us = [[Block("及时整改到位", 1, 1, role="headline")], [Block("提升安全水平", 2, 2, role="headline")],
    ...       [Block("爱国教育进校园", 3, 3, role="headline")]]
    >>> whole_head_at(us, 0, 3), whole_head_at(us, 2, 3)
    (True, False)
    """
    if a >= b or us[a][0].role != "headline" and not (len(us[a]) > 1 and us[a][1].role == "headline"):
        return False
    return is_couplet_unit(us[a]) or b - a >= 2 and wrapped_from(us, a + 1)


def two_heads(cover: list[tuple[int, int, int | None]], us, stories: list[str],
              parted: set[tuple[int, int]] | None = None) -> list[tuple[int, int, int | None]]:
    """AS75: a group that took story s parted into two heads where the weighed cues reach TWO_HEADS_BAR.

    Cues for a parting at unit c: the part under it opens on a whole headline (a couplet, on one line or
    two: 1.5), so does the part over it (0.5), one part's words are found in s (TWO_HEADS_READS more than
    the other's, the other's TWO_HEADS_LOW at most: 1). The part whose words s holds keeps it; the other, a
    whole title (TWO_HEADS_MIN letters at least), is left without a story: another story's head, stacked in
    the run (position and order give it its story later). A subtitle reads like its story as its title does.
    parted: the two groups made so, if wanted.

    >>> us = [[Block("汇聚爱心力量", 1, 1, role="headline")], [Block("共筑公益基石", 2, 2, role="headline")],
    ...       [Block("超百家村镇银行“消失” 中小银行风险化解加速", 3, 3, role="headline")]]
    >>> two_heads([(0, 3, 0)], us, ["6月10日，金融监管总局批复显示，超百家村镇银行获批退出市场，中小银行风险化解加速。"])
    [(0, 2, None), (2, 3, 0)]

    Not a couplet under a title whose words the story holds as well, nor a label or scrap left over.

    >>> two_heads([(0, 3, 0)], us, ["汇聚爱心力量，共筑公益基石：超百家村镇银行获批退出市场，中小银行风险化解加速。"])
    [(0, 3, 0)]
    >>> label = [[Block("城事速览", 1, 1, role="headline")], us[2]]
    >>> two_heads([(0, 2, 0)], label, ["超百家村镇银行获批退出市场，中小银行风险化解加速。"])
    [(0, 2, 0)]
    """
    out = []
    for a, b, s in cover:
        best = None
        if s is not None and b - a >= 2:
            for c in range(a + 1, b):
                lower, upper = us[c][0], us[c - 1][-1]
                if lower.role != "headline" or shapes.is_subtitle_dash(lower.text) or upper.role != "headline" \
                        or wrapped_from(us, c):
                    continue
                shape = 1.5 * whole_head_at(us, c, b) + 0.5 * whole_head_at(us, a, c)
                if shape + 1.0 < TWO_HEADS_BAR:
                    continue  # (the words' cue cannot reach the bar alone: no need to read them)
                up, down = build_head([blk for u in us[a:c] for blk in u]), build_head([blk for u in us[c:b] for blk in u])
                if not up.title or not down.title:
                    continue
                x, y = similarity(up, stories[s]), similarity(down, stories[s])
                freed = down if x >= y else up
                if shapes.letters(freed.title) < TWO_HEADS_MIN or not shapes.is_headline_like(freed.title) \
                        or any(map(shapes.starts_with_dateline, freed.title.split())):  # (a story's opening read as head)
                    continue
                weight = shape + 1.0 * (abs(x - y) >= TWO_HEADS_READS and min(x, y) <= TWO_HEADS_LOW)
                if weight >= TWO_HEADS_BAR and (best is None or weight > best[0]):
                    best = (weight, c, x >= y)
        if best is None:
            out.append((a, b, s))
        else:
            _, c, keep_upper = best
            out += [(a, c, s if keep_upper else None), (c, b, None if keep_upper else s)]
            if parted is not None:
                parted |= {(a, c), (c, b)}
    return out


TITLE_OVER_MIN = 0.2  # AS58: a left-over head's words found in the story of the group under it at least this much
TITLE_OVER_MARGIN = 0.05  # and this much more than in any free story (both fitted on the fit split's Tesseract dumps)
TITLE_OVER_UNITS = 4  # the head made one: a title on up to two lines over its subtitle and byline


def titles_over(cover: list[tuple[int, int, int | None]], us, stories: list[str], free: list[int],
                titled: set[tuple[int, int]] | None = None, apart: set[tuple[int, int]] = frozenset()
                ) -> list[tuple[int, int, int | None]]:
    """AS58: a group no story took, right over the group of the same run that took story s, whose words are
    found in s (TITLE_OVER_MIN), more than in any free story (TITLE_OVER_MARGIN): the title of that head
    (titled: the groups made so, if wanted).
    Big type OCR reads apart from its subtitle (a couplet title over a subtitle that lost its dash, a title's
    half over a blank) scores as a share of its words under the subtitle alone, which the greedy match takes.

    >>> us = [[Block("北京警方捣毁侵害公民信息团伙 抓获299人", 1, 1, role="headline")],
    ...       [Block("丰台警方出动300名警力 299名嫌犯落网", 2, 2, role="headline")]]
    >>> stories = ["北京警方10日通报，丰台警方出动警力，捣毁侵害公民信息的团伙，嫌犯落网。", "学校运动会开幕。"]
    >>> titles_over([(0, 1, None), (1, 2, 0)], us, stories, [1])
    [(0, 2, 0)]

    Not a head that reads like no part of the story (a stray line, another story's head), nor over a
    group a column label opens: that one opens its own head. Nor a head AS93 kept apart from that group (`apart`).

    >>> titles_over([(0, 1, None), (1, 2, 0)], [[Block("学校运动会开幕", 1, 1, role="headline")], us[1]], stories, [1])
    [(0, 1, None), (1, 2, 0)]
    >>> titles_over([(0, 1, None), (1, 2, 0)], us, stories, [1], apart={(0, 1)})
    [(0, 1, None), (1, 2, 0)]
    """
    out = list(cover)
    k = 0
    while k + 1 < len(out):
        (a, b, s), (a2, b2, s2) = out[k], out[k + 1]
        if s is None and s2 is not None and b == a2 and b2 - a <= TITLE_OVER_UNITS and (a, b) not in apart \
                and not any(labelled(us, u) for u in range(a + 1, b2)):  # a column label opens a head
            head = build_head([blk for u in us[a:b] for blk in u])
            if head.title and not shapes.is_subtitle_dash(head.title):
                here = similarity(head, stories[s2])
                elsewhere = max((similarity(head, stories[j]) for j in free if j != s2), default=0.0)
                if here >= TITLE_OVER_MIN and here - elsewhere >= TITLE_OVER_MARGIN:
                    out[k:k + 2] = [(a, b2, s2)]
                    if titled is not None:
                        titled.add((a, b2))
                    continue
        k += 1
    return out


def _joins(us, stories, i: int, end: int, prev: list | None, g: list | None, stacked: bool = False) -> str | None:
    """Whether left-over lines i:end go over the chosen group g below ("next") or under prev above ("prev").

    Within MAX_GROUP lines; a couplet (a whole headline) only as a plain title's subtitle; a column label
    opens a head, and so does a whole title under a ——subtitle, and with `stacked` a title a blank apart (AS55).
    Lines that may go either way go with the story they read like.
    """
    def opens(k: int) -> bool:
        return labelled(us, k) or stacked and own_head_past_blank(us, k)
    joins_next = g is not None and g[1] - i <= MAX_GROUP and couplets_fit(us, i, g[1]) and not (
        is_couplet_unit(us[g[0]]) and (g[1] - g[0] > 1 or any(map(is_couplet_unit, us[i:end])))) \
        and not any(map(opens, range(i + 1, g[0] + 1))) \
        and not _dash_before_title(us, i, g[1])
    joins_prev = prev is not None and end - prev[0] <= MAX_GROUP and couplets_fit(us, prev[0], end) \
        and not any(map(is_couplet_unit, us[i:end - 1])) \
        and not (is_couplet_unit(us[end - 1]) and any(map(is_couplet_unit, us[prev[0]:i]))) \
        and not any(map(opens, range(i, end))) \
        and not _dash_before_title(us, prev[0], end)
    if joins_next and not (joins_prev and _leans_back(us[i:end], stories[prev[2]], stories[g[2]])):
        return "next"
    return "prev" if joins_prev else None


def _dash_before_title(us: list[list[Block]], a: int, b: int) -> bool:
    """Units a:b hold a whole title (a couplet, on one line or two) right under a ——subtitle, which ended the head above.

    (The ——line may wrap onto a plain line: that one is not a whole title.)

    >>> us = [[Block("——记宁海县水电工十一年坚持献血", 1, 1, role="headline")], [Block("汇聚爱心力量", 2, 2, role="headline")],
    ...       [Block("共筑公益基石", 3, 3, role="headline")]]
    >>> _dash_before_title(us, 0, 3), _dash_before_title(us, 1, 3)
    (True, False)
    >>> _dash_before_title([us[0], [Block("299名嫌犯落网", 2, 2, role="headline")]], 0, 2)
    False
    """
    return any(runs_on_past_subtitle(us, k, k + 2) and _whole_title(us, k + 1, b) for k in range(a, b - 1))


def _whole_title(us: list[list[Block]], a: int, b: int) -> bool:
    """Units a:b open with a whole headline: a couplet, on one line or two (站好岗 / 放好哨)."""
    return is_couplet_unit(us[a]) or wrapped_from(us, a + 1) and a + 1 < b


def _printed_parts(us: list[list[Block]], i: int, end: int) -> list[tuple[int, int]]:
    """Units i:end split into heads as printed (split_run), as ranges of units."""
    lone = [blk for u in us[i:end] for blk in u]
    ends = list(accumulate(len(u) for u in us[i:end]))  # where each unit's blocks end in `lone`
    parts, k, done = [], i, 0
    for part in split_run(lone):  # a part may end inside a unit (a label under its byline)
        n = sum(1 for e in ends if done < e <= done + len(part))
        done += len(part)
        if n:
            parts.append((k, k + n))
            k += n
    return parts


LOW_MATCH = 0.2  # a leftover headline and a headless story this similar may still be each other's
LOW_MARGIN = 0.12  # if no other story comes this close to the headline


def clear_best(head: Head, stories: list[str], candidates) -> int | None:
    """The candidate story a head reads like (LOW_MATCH), well ahead of every other (LOW_MARGIN), if any."""
    if not head.title:
        return None
    scores = {k: similarity(head, stories[k]) for k in candidates}
    best = max(scores, key=scores.__getitem__, default=None)
    if best is None or scores[best] < LOW_MATCH:
        return None
    runner_up = max((x for k, x in scores.items() if k != best), default=0.0)
    return best if scores[best] - runner_up >= LOW_MARGIN else None


def _own_headline(lines: list[list[Block]], stories: list[str], free: list[int]) -> bool:
    """Left-over lines that read like a free story, well ahead of every other: a headline of their own.

    free ends with the story of the group under the lines, which they would otherwise head.
    """
    best = clear_best(build_head([blk for u in lines for blk in u]), stories, free)
    return best is not None and best != free[-1]


def _heads_another(lines: list[list[Block]], stories: list[str], held: list[int], own: int, above: int | None = None) -> bool:
    """Left-over lines with a couplet (a whole headline) that read like a story another headline took.

    Two stories run together under one headline: the second one's headline,
    printed in a run over a third story, is no title of that one (assembly
    may part the story it reads like).

    >>> stories = ["河道治理全面铺开，河道清淤已经完成。社区开展义诊服务，居民暖心。", "学校举办运动会，学生踊跃参加。"]
    >>> _heads_another([[Block("社区义诊 暖心服务", 3, 3, role="headline")]], stories, [0], 1)
    True

    A plain line over a group may be its title: it goes with it, as before.

    >>> _heads_another([[Block("社区义诊暖心服务", 3, 3, role="headline")]], stories, [0], 1)
    False
    """
    if not any(map(is_couplet_unit, lines)):
        return False  # a plain line over a group may well be its title
    head = build_head([blk for u in lines for blk in u])
    best = clear_best(head, stories, [*held, own])
    return best is not None and best not in (own, above)


UNDER_MIN = 0.08  # AS52: a head's words found in the headless story printed right above it at least this much
UNDER_MARGIN = 0.03  # and this much more than in the story it would otherwise head (both fitted on the fit split)


def reads_back(head: Head, above: str, below: str | None) -> bool:
    """AS52: a head reads like the story printed right above it, more than like the one it would head."""
    here = similarity(head, above)
    return here >= UNDER_MIN and here - (similarity(head, below) if below is not None else 0.0) >= UNDER_MARGIN


def _reads_back(lines: list[list[Block]], stories: list[str], above: int, below: int) -> bool:
    head = build_head([blk for u in lines for blk in u])
    return bool(head.title) and reads_back(head, stories[above], stories[below])


def _leans_back(lines: list[list[Block]], before: str, after: str) -> bool:
    head = build_head([blk for u in lines for blk in u])
    return similarity(head, before) > similarity(head, after)


APART_GAIN = 0.2  # AS93: a left-over head's words found on its side of a parting of the group's story this much more
APART_KEPT = 0.25  # and the group's own head's on the other side this much more (AS14's figures, kept on the fit split)
APART_CROSS = 0.15  # and the two heads' words found on each other's side this much at most, summed: two stories, not
# one story's title and subtitle (fitted on the fit split's three issue-13 groups: two stories' heads 0.10 at most, a
# title and its subtitle from 0.21)


def _heads_apart(us, stories: list[str], free: list[int], i: int, end: int, group: list, over: bool) -> int | None:
    """AS93: where left-over lines i:end, about to join the chosen group over (`over`) or under them, part
    into a head of the group's story and another story's head, kept apart; None if they stay one head.

    A stack of heads printed apart from their stories holds two stories' titles one over the other; a title
    left over joins the group it touches as its second line, and the two stories' titles are one. The lines
    nearest the group go with it; the others are another head (a whole title, no ——subtitle, not a couplet's
    second half) when they read like another stretch of text (reads_apart).
    """
    a, b, s = group
    others = [stories[t] for t in free if t != s]
    cuts = range(i + 1, end + 1) if over else range(i, end)
    for cut in cuts:
        lo, hi = (i, cut) if over else (cut, end)
        if wrapped_from(us, lo) or hi < len(us) and wrapped_from(us, hi):
            continue  # a couplet's halves are one title
        part = build_head([blk for u in us[lo:hi] for blk in u])
        rest = us[cut:end] + us[a:b] if over else us[a:b] + us[i:cut]  # the group's head, with the lines that join it
        own = build_head([blk for u in rest for blk in u])
        if not part.title or shapes.is_subtitle_dash(part.title) or not own.title or shapes.is_subtitle_dash(own.title):
            continue  # two titles: not a title over its subtitle
        if (part if over else own).title.endswith("——") or _one_title(*((part, own) if over else (own, part))):
            continue  # a title run on into the line under it
        if reads_apart(part, own, stories[s], others, later=not over):
            return cut
    return None


def reads_apart(part: Head, own: Head, story: str, others: list[str], later: bool) -> bool:
    """AS93: head `part`, printed next to `own`, the head of `story`, reads like another text than own's: another
    story, clearly (LOW_MATCH, LOW_MARGIN), or a stretch of `story` on its own side of a paragraph end (after own's
    if printed after it: heads stacked in their stories' order), where own's words are found on the other.

    >>> story = "河道治理全面铺开，河道清淤已经完成。 社区开展义诊服务，居民暖心。"
    >>> reads_apart(Head(title="社区义诊 暖心服务"), Head(title="河道治理全面铺开"), story, [], later=True)
    True
    >>> reads_apart(Head(title="社区义诊 暖心服务"), Head(title="河道治理全面铺开"), story, [], later=False)
    False
    >>> reads_apart(Head(title="河道清淤完成"), Head(title="河道治理全面铺开"), story, [], later=True)
    False
    >>> reads_apart(Head(title="学校运动会开幕"), Head(title="河道治理全面铺开"), story, ["学校运动会开幕，学生踊跃参加。"], later=True)
    True
    """
    here = similarity(part, story)
    there = max((similarity(part, t) for t in others), default=0.0)
    if there >= LOW_MATCH and there - here >= LOW_MARGIN:
        return True
    pieces = story.split(" ")
    for k in range(1, len(pieces)):
        if not shapes.ends_paragraph(pieces[k - 1]):
            continue
        first, second = " ".join(pieces[:k]), " ".join(pieces[k:])
        mine, theirs = (second, first) if later else (first, second)
        crossed = (similarity(part, theirs), similarity(own, mine))  # each head's words on the other's side
        if sum(crossed) > APART_CROSS:
            continue
        if similarity(part, mine) - crossed[0] >= APART_GAIN and similarity(own, theirs) - crossed[1] >= APART_KEPT:
            return True
    return False


def _one_title(upper: Head, lower: Head) -> bool:
    """AS93: the last line of head `upper` and the first of `lower` read as one title the column wrapped: plain
    lines of one length to a letter, a column's label run into the first not counted (民生观察：汇率避险“工具箱” /
    小币种产品密集落地).

    >>> _one_title(Head(title="今日视点：突出党建引领"), Head(title="聚焦民生福祉"))
    True
    >>> _one_title(Head(title="让世界看见中国的科学浪漫"), Head(title="站好岗放好哨"))
    False
    """
    first, second = upper.title.split(" ")[-1], lower.title.split(" ")[0]
    if len(upper.title.split(" ")) > 1 or len(lower.title.split(" ")) > 1 or shapes.BODY_PUNCT_RE.search(second):
        return False  # (a couplet's phrases are a whole title)
    first = shapes.RUN_IN_LABEL_RE.sub("", first, count=1)
    if shapes.BODY_PUNCT_RE.search(first):
        return False
    return abs(shapes.letters(first) - shapes.letters(second)) <= 1  # as wrapped_from reads a couplet's halves
