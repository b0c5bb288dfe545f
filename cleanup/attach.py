"""Head runs given to their stories once the page is read: by content and position, splitting
stories an extractor ran together (stories opened on weak evidence: tentative.py)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from . import furniture, headlines, shapes, wordmatch
from .drafts import Draft
from .heads import Head
from .model import Step


@dataclass
class Placed:
    """A head run and the stories printed right before and after it."""

    run: headlines.Run
    before: Draft | None = None
    after: Draft | None = None


def merge(into: Draft, draft: Draft, drafts: list[Draft], warning: str, before: bool = False) -> None:
    """draft's paragraphs go on after into's (before: draft was printed first, and opens into under its head)."""
    at = 0 if before else len(into.body)
    into.body[at:at], into.starts[at:at], into.spans[at:at] = draft.body, draft.starts, draft.spans
    if warning:
        into.warnings.append(warning)
    drafts.remove(draft)



def attach_heads(drafts: list[Draft], runs: list[Placed], may_split: int = 2, trace: list[Step] | None = None,
                 widths: Widths | None = None, rows: bool = True) -> None:
    """Give every head group to the story it belongs to, by content and position (headlines.attach).

    A head that matches only the later part of a story splits the story there
    (the extractor ran two stories together), and the assignment runs again: may_split rounds of
    splitting at most (a split at a head's match in one story used to keep every other head from
    parting the stories between two heads in the same round, and no round followed).
    rows: a head left over in a row of heads may part a story (AS65), and lines left over by a head group may
    be another story's head (AS93); both off on pages an OCR engine read, whose body lines it reads as heads more often.
    """
    stories = [d for d in drafts if d.kind == "article" and d.body and d.head is None]
    index = {id(d): k for k, d in enumerate(stories)}
    firsts = [d.first for d in stories]
    for placed in runs:
        placed.run.before = index.get(id(placed.before)) if placed.before is not None else None
        placed.run.after = index.get(id(placed.after)) if placed.after is not None else None
        placed.run.byline_last = placed.run.blocks[-1].role == "byline"
        placed.run.at = bisect_left(firsts, placed.run.blocks[0].first)
    texts = [" ".join(text for _, text in d.body) for d in stories]
    matched = headlines.attach([placed.run for placed in runs], texts, part_heads=rows)
    if trace is not None:  # (the round that kept it apart: a later one may find its story parted)
        for found in matched:
            step = Step("AS93", "another-storys-head-kept-apart", found.head.first, found.head.last, found.head.text[:20],
                        "not one head with the group it touches: its words are found in another story, or on the "
                        "other side of a parting of that group's story")
            if found.apart and step not in trace:
                trace.append(step)
            step = Step("AS75", "two-heads-in-one-group", found.head.first, found.head.last, found.head.text[:20],
                        "one of two heads the group that took a story held: a whole headline opens the lower one, and "
                        "the story holds one's words, not the other's")
            if found.parted and step not in trace:
                trace.append(step)

    def resolved(matched: list[headlines.Attached], trace: list[Step] | None = None) -> list[headlines.Attached]:
        return _dashes_yield(_over_firm_stories(matched, runs, stories), runs, trace)

    found_all = resolved(matched)
    if may_split:
        # the stories printed right under a head run, or opened tentatively inside another (that one's head may be over it)
        headed = {placed.run.after for placed in runs} | {k for k, d in enumerate(stories) if d.broke_from is not None}
        near = lambda f: stories[max(0, runs[f.run].run.at - 2):runs[f.run].run.at + 2]  # noqa: E731
        # a head printed right above or right under its story does not split it: only a displaced one can
        split = [_split_at_headline(drafts, [stories[f.story]] if f.story is not None else near(f), f.head)
                 for f in found_all if f.head.title and not _next_to_its_story(f, runs[f.run].run, headed)]
        if not any(split):
            owners = {f.story: f.head for f in found_all if f.story is not None}
            split = [_split_between_heads(drafts, [(d, owners.get(index[id(d)])) for d in near(f)], f.head, runs[f.run], widths, trace)
                     for f in found_all if f.story is None and f.head.title and not shapes.is_subtitle_dash(f.head.title)]
            # a head the story under its run took by place alone, its words not found there: it may be the last
            # story's above it, printed after it (weighed only against the story printed right above the run)
            split += [_split_between_heads(drafts, [(runs[f.run].before, owners.get(index[id(runs[f.run].before)]))],
                                           f.head, runs[f.run], widths, trace, by_place=True)
                      for f in found_all if _by_place_alone(f, runs[f.run].run, texts)]
            # the same for an editor's note printed right before the run: a headless story it ran into
            for f in found_all:
                note = _note_before(drafts, runs[f.run])
                if note is not None and f.head.title and not shapes.is_subtitle_dash(f.head.title) and (
                        f.story is None or f.story == runs[f.run].run.after
                        and wordmatch.similarity(f.head, texts[f.story]) < BY_PLACE):
                    over = Placed(runs[f.run].run, before=note, after=runs[f.run].after)
                    split.append(_split_between_heads(drafts, [(note, Head(title=note.body[0][1]))], f.head, over,
                                                      widths, trace, by_place=f.story is not None))
                    runs[f.run].after = over.after  # (printed after its story, not over the next one)
        if any(split):
            return attach_heads(drafts, runs, may_split=may_split - 1, trace=trace, widths=widths, rows=rows)
    if any(f.story is None for f in matched):
        # AS58 only once no story is parted: a head left without a story may head a story run into the one under its run (AS14)
        titled = headlines.attach([placed.run for placed in runs], texts, titles=True, part_heads=rows)
        if any(f.titled for f in titled):
            matched, found_all = titled, resolved(titled)
    if trace is not None:  # (its steps recorded on the last pass only)
        found_all = resolved(matched, trace)
    if trace is not None:  # (recorded on the last pass only: a split runs the assignment again)
        for was, found in zip(matched, found_all):
            if found.story != was.story and None not in (found.story, was.story):  # (AS28 traces its own)
                own, other = stories[found.story], stories[was.story]
                how = "at a change of column width" if other.width_change else "after a photo, inside this one"
                why = (f"given to the story right under it (line {own.first}), not to the story at line {other.first} "
                       f"its words matched: that one opened only {how}")
                trace.append(Step("AS23", "headline-to-story-under-it", found.head.first, found.head.last,
                                  found.head.text[:20], why))
    if trace is not None:
        for found in found_all:
            if found.freed is not None and found.story is not None:
                trace.append(Step("AS29", "head-groups-made-one", found.head.first, found.head.last, found.head.text[:20],
                                  f"one head for the story at line {stories[found.story].first}, not two groups: "
                                  f"apart, one went to the story at line {stories[found.freed].first} on a weaker match"))
            if found.titled and found.story is not None:
                trace.append(Step("AS58", "left-over-head-over-its-story-head", found.head.first, found.head.last,
                                  found.head.text[:20], f"the head of the story at line {stories[found.story].first}: the "
                                  "lines over the group that took it, left without a story, read like that story"))
            if found.signed and found.story is not None:
                trace.append(Step("AS31", "run-byline-to-story-above", found.head.first, found.head.last,
                                  found.head.byline[:20], f"the byline closing the run signs the story at line "
                                  f"{stories[found.story].first}, whose head is above it: the head under it took no story"))
    unclaimed = []
    for found in found_all:
        if found.story is None:
            unclaimed.append(found)
        else:
            _give(stories[found.story], found)
    unclaimed = _second_round(unclaimed, stories, texts, [placed.run.at for placed in runs])
    unclaimed = _in_story_order(unclaimed, found_all, runs, stories, trace)
    for found in unclaimed:
        after = runs[found.run].run.after
        ends_run = found.head.last == runs[found.run].run.blocks[-1].last
        opens_run = found.head.first == runs[found.run].run.blocks[0].first
        if (ends_run or opens_run) and (above := _head_under(found, runs[found.run].run, stories, texts)) is not None:
            if trace is not None:
                trace.append(Step("AS52", "head-under-its-story", found.head.first, found.head.last, found.head.text[:20],
                                  f"given to the headless story at line {stories[above].first}, printed right above it: "
                                  f"its words are found there more than in the story under it"))
            _give(stories[above], found, f"AS08 headline attached on weak evidence: similarity "
                                         f"{wordmatch.similarity(found.head, texts[above]):.2f}")
        elif rows and opens_run and (above := _head_after_story(found, runs, stories)) is not None:
            if trace is not None:
                trace.append(Step("AS71", "stub-head-after-its-story", found.head.first, found.head.last, found.head.text[:20],
                                  f"given to the headless story at line {stories[above].first}, printed right above it: "
                                  f"the later heads of its run took the story under it"))
            _give(stories[above], found, "AS04 headline attached by position only: its words are not found in the story")
            stories[above].by_place = True  # (its words tell nothing of the text: pieces opened inside it go back on it)
        elif after is not None and ends_run and _label_alone(found.head) and (own := stories[after].head) and not own.column:
            # a column label alone over a story whose headline is printed elsewhere: that story's label
            stories[after].head = replace(own, column=found.head.column, first=min(own.first, found.head.first),
                                          spans=tuple(sorted(found.head.spans + own.spans)))
            stories[after].first = min(stories[after].first, found.head.first)
        elif after is not None and ends_run and stories[after].head is None:
            # printed right above a story that no headline claims: its own, by position alone
            _give(stories[after], found, "" if not found.head.title else
                  "AS04 headline attached by position only: its words are not found in the story")
        elif ends_run and (stacked := stacked_next(found, runs, stories)) is not None:
            if trace is not None:
                trace.append(Step("AS45", "stacked-head-to-next-story", found.head.first, found.head.last,
                                  found.head.text[:20], f"given to the headless story at line {stories[stacked].first}: "
                                  f"the head above it in the run took the story under the run (line {stories[after].first})"))
            _give(stories[stacked], found, "AS04 headline attached by position only: its words are not found in the story")
        elif rows and (part := _row_part(found, runs, drafts, widths, trace)) is not None:
            _give(part, found)
        else:
            drafts.append(Draft("article", found.head.first, head=found.head,
                                 warnings=["AS02 headline with no matching story"]))
    for found in found_all:
        if found.freed is not None and found.story is not None:
            _rejoin_freed(stories, found.story, found.freed, drafts, runs, trace)


def _head_under(found: headlines.Attached, run: headlines.Run, stories: list[Draft], texts: list[str]) -> int | None:
    """AS52: a head no story took, printed right under a headless story whose words it shares (under the match
    threshold, more than with the story under it): printed after its story (PyMuPDF, pdftotext -raw write a
    text block's body before its head), not over the next one, which would take it by position alone.

    >>> stories = [Draft("article", 1, body=[("p", "志愿服务队开展爱心捐赠活动，汇聚社会力量。")]), Draft("article", 9, body=[("p", "科普影视帮助观众理解科学。")])]
    >>> found = headlines.Attached(0, Head(title="汇聚爱心力量 共筑公益基石", first=7, last=8), None)
    >>> _head_under(found, headlines.Run([], before=0, after=1), stories, [s.body[0][1] for s in stories])
    0
    """
    above = run.before
    if above is None or stories[above].head is not None or not _whole_title(found.head):
        return None
    return above if headlines.reads_back(found.head, texts[above], texts[run.after] if run.after is not None else None) else None


def _head_after_story(found: headlines.Attached, runs: list[Placed], stories: list[Draft]) -> int | None:
    """AS71: a whole title no story took, opening a head run whose later heads took the story under the run,
    printed right under a headless story (or a piece opened tentatively inside one): that story's head,
    printed after it. It can head nothing under it; its words need not be found above (a page's heads and
    texts need not share words).

    >>> stories = [Draft("article", 1, body=[("p", "8月12日电（记者 王欢）联邦公报公布数据。")]),
    ...            Draft("article", 12, head=Head(title="春风化雨润童心", first=9, last=9), head_run=0, body=[("p", "本报讯 近日……")])]
    >>> found = headlines.Attached(0, Head(title="超百家村镇银行“消失”", first=7, last=7), None)
    >>> _head_after_story(found, [Placed(headlines.Run([], before=0, after=1))], stories)
    0

    Not where the story under the run took the head of another run.

    >>> stories[1].head_run = 1
    >>> _head_after_story(found, [Placed(headlines.Run([], before=0, after=1))], stories)
    """
    run = runs[found.run].run
    above, after = run.before, run.after
    if above is None or after is None or not _whole_title(found.head):
        return None
    if max((n for span in stories[above].spans for line in span for n in line), default=found.head.first) > found.head.first:
        return None  # (printed right above in reading order only: the columns were reordered)
    index = {id(d): k for k, d in enumerate(stories)}
    while stories[above].broke_from is not None and id(stories[above].broke_from) in index:
        above = index[id(stories[above].broke_from)]  # a piece opened tentatively: the story it broke from
    own = stories[after].head
    if stories[above].head is not None or own is None or stories[after].head_run != found.run or own.first <= found.head.last:
        return None
    return above


def _in_story_order(unclaimed: list[headlines.Attached], found_all: list[headlines.Attached], runs: list[Placed],
                    stories: list[Draft], trace: list[Step] | None = None) -> list[headlines.Attached]:
    """AS49: heads printed after their stories, in the stories' order: a stack's heads left without a story
    go to the headless stories printed before the stack (since the stack before it), in order.

    An extractor that writes a page's text blocks in the order they were made may give the bodies
    first and their heads after them, in the same order. A stack is the runs with no story printed
    between them (a byline ends a run). Its order is read where a head of it took by its words a story
    printed before it (an anchor): the heads before that one go to the free stories before its story,
    the heads after it to the free stories after it, one for one where the counts agree (else none: the
    order says nothing sure). A stack with no anchor is read so only where no story is printed after
    it (its heads can stand over none); its last heads then go to the last stories before it. A head
    between that took a story elsewhere breaks the order there; so does a story opened tentatively
    (AS19: a head waiting under it is weighed by its words, AS21); a paragraph naming its source (AS09)
    is no story to head.

    >>> from cleanup.model import Block
    >>> blocks = [Block(t, k, k, role="headline") for k, t in ((20, "汇率避险再扩容"), (21, "市民忙报警"))]
    >>> stories = [Draft("article", 1, body=[("p", "企业汇率避险。")]), Draft("article", 10, body=[("p", "柜员机吐钞。")])]
    >>> anchor = headlines.Attached(0, Head(title="汇率避险再扩容", first=20, last=20), 0)
    >>> left = headlines.Attached(0, Head(title="市民忙报警", first=21, last=21), None)
    >>> stories[0].head, stories[0].head_run = anchor.head, 0
    >>> _in_story_order([left], [anchor, left], [Placed(headlines.Run(blocks, before=1, at=2))], stories)
    []
    >>> stories[1].head.title
    '市民忙报警'
    """
    if not unclaimed:
        return unclaimed
    left = {(f.run, f.head.first, f.head.last): f for f in unclaimed}
    given: set[tuple[int, int, int]] = set()
    stacks: dict[int, list[int]] = {}  # runs with no story printed between them (a byline ends a run): one stack
    for r, placed in enumerate(runs):
        stacks.setdefault(placed.run.at, []).append(r)
    for at, stack in stacks.items():
        groups = sorted((f for f in found_all if f.run in stack), key=lambda f: (stack.index(f.run), f.head.first))
        if not any((f.run, f.head.first, f.head.last) in left for f in groups):
            continue
        since = max((a for a in stacks if a < at), default=0)
        span = range(since, at)  # the stories printed after the stack before and before this one
        seq = []  # the stack's groups in order: ("anchor", story) / ("free", found) / ("other", None)
        for f in groups:
            key = (f.run, f.head.first, f.head.last)
            owned = next((k for k in span if stories[k].head is f.head), None)
            if key in left and _whole_title(f.head):
                seq.append(("free", f))
            elif owned is not None:
                seq.append(("anchor", owned))
            else:
                seq.append(("other", None))
        anchors = [(g, x) for g, (kind, x) in enumerate(seq) if kind == "anchor"]
        last = at == len(stories)  # no story printed after the stack: its heads can stand over none
        if not (anchors or last) or any(a[1] >= b[1] for a, b in zip(anchors, anchors[1:])):
            continue  # no head of the run took a story printed before it, or not in order
        why = "a head of it took one by its words" if anchors else "no story is printed after it"
        bounds = [(-1, since - 1), *anchors, (len(seq), at)]
        for (g0, s0), (g1, s1) in zip(bounds, bounds[1:]):
            heads = [x for kind, x in seq[g0 + 1:g1] if kind == "free"]
            if any(kind == "other" for kind, _ in seq[g0 + 1:g1]):
                continue  # a head between that took a story elsewhere: the order is broken here
            # (a paragraph naming its source opens no story by itself: AS09)
            free = [k for k in range(s0 + 1, s1) if stories[k].head is None and stories[k].body and stories[k].broke_from is None]
            if last and g1 == len(seq) and 0 < len(heads) < len(free):
                free = free[-len(heads):]  # the last heads printed stand after the last stories
            if not heads or len(heads) != len(free):
                continue
            if any(stories[k].after_photo or stories[k].width_change for k in range(free[0], s1)):
                continue  # a story opened tentatively: a head waiting under it is weighed by its words (AS21)
            for f, k in zip(heads, free):
                if trace is not None:
                    trace.append(Step("AS49", "head-in-story-order", f.head.first, f.head.last, f.head.text[:20],
                                      f"given to the headless story at line {stories[k].first}, printed before the run: "
                                      f"the run's heads follow their stories' order ({why})"))
                _give(stories[k], f, "AS04 headline attached by position only: its words are not found in the story")
                stories[k].by_place = True
                given.add((f.run, f.head.first, f.head.last))
    return [f for f in unclaimed if (f.run, f.head.first, f.head.last) not in given]


def _whole_title(head: Head) -> bool:
    """A head with a title that reads as one: no ——subtitle alone, no label alone, no running text or staff line.

    >>> _whole_title(Head(title="市民未插卡取款机吐出一万元")), _whole_title(Head(title="责任编辑 东宣 美编 杨翠叶 校对 魏静"))
    (True, False)
    >>> _whole_title(Head(title="9年前，我国首部深海4D电影《蛟龙入海》上映，"))
    False
    """
    title = head.title
    return bool(title) and not shapes.is_subtitle_dash(title) and shapes.is_headline_like(title) \
        and not furniture.reads_as_running_head(title)


def _label_alone(head: Head) -> bool:
    return bool(head.column) and not (head.title or head.subtitle or head.byline)


def stacked_next(found: headlines.Attached, runs: list[Placed], stories: list[Draft]) -> int | None:
    """AS45: the story a head left without one goes to, when it closes a run whose group above took the
    story under the run: the next story printed, headless, with no run over it; else None. A blank line
    sets the head apart from the lines above it (else it may be their byline or wrapped line).

    pdftotext writes a row at a time: the heads of two side-by-side stories set at different heights come
    one over the other, then the first story's column, then the second's. The lower head is the second's.

    >>> from cleanup.model import Block
    >>> run = headlines.Run([Block("上市公司调整定增方案", 1, 1, role="headline"),
    ...                      Block("站好岗 放好哨", 3, 3, role="headline", gap_before=1)], after=0)
    >>> first, second = Draft("article", 5, head=Head(title="上市公司调整定增方案", first=1, last=1), head_run=0), Draft("article", 9)
    >>> found = headlines.Attached(0, Head(title="站好岗 放好哨", first=3, last=3), None)
    >>> stacked_next(found, [Placed(run)], [first, second])
    1
    >>> stacked_next(found, [Placed(run), Placed(headlines.Run([], after=1))], [first, second])  # a run of its own over it
    >>> tight = headlines.Run([run.blocks[0], replace(run.blocks[1], gap_before=0)], after=0)
    >>> stacked_next(found, [Placed(tight)], [first, second])  # right under the lines above: theirs
    >>> first.head_run = 1
    >>> stacked_next(found, [Placed(run)], [first, second])  # the story under the run headed from elsewhere
    """
    run = runs[found.run].run
    after, nxt = run.after, (run.after + 1 if run.after is not None else None)
    if after is None or nxt >= len(stories) or not found.head.title or shapes.is_subtitle_dash(found.head.title):
        return None
    if stories[after].head is None or stories[after].head_run != found.run or stories[nxt].head is not None:
        return None
    if any(placed.run.after == nxt for placed in runs):
        return None
    opener = next((b for b in run.blocks if b.first == found.head.first), None)
    if opener is None or not opener.gap_before:
        return None  # a line right under the run's lines above: its byline's, a wrapped line, not a head of its own
    return nxt


def _rejoin_freed(stories: list[Draft], own: int, freed: int, drafts: list[Draft], runs: list[Placed],
                  trace: list[Step] | None = None) -> None:
    """AS30: a story let go when its head group joined the next one's (AS29), left headless, printed right
    before or after that head's story with no head run over the later one: the rest of the same story.

    The head's groups went to two stories because the extractor parted one story in two; made one head,
    the piece it no longer heads goes back to it, in print order.
    """
    piece, story = stories[freed], stories[own]
    later = max(own, freed)
    if abs(own - freed) != 1 or piece.head is not None or piece.byline or piece.credit or not any(d is piece for d in drafts) \
            or any(placed.run.after == later for placed in runs):
        return
    if trace is not None:
        trace.append(Step("AS30", "freed-piece-rejoined", piece.first, piece.first, piece.body[0][1][:20] if piece.body else "",
                          f"joined to the story at line {story.first}: its head's groups were made one (AS29)"))
    if freed < own:  # the piece printed first: it opens the story, under its head, with its doubts
        story.warnings.extend(piece.warnings)
    merge(story, piece, drafts, "", before=freed < own)


def _note_before(drafts: list[Draft], placed: Placed) -> Draft | None:
    """AS14: the editor's note printed last before a head run, its text all before the run, past one paragraph: a
    story whose head is printed after it may have run into it (a note's words are its first paragraph's).

    >>> from cleanup.model import Block
    >>> run = headlines.Run([Block("上市公司调整定增方案", 9, 9, role="headline")])
    >>> note = Draft("note", 1, body=[("p", "为深入贯彻……现予刊发。"), ("p", "A股公司正在密集修订定增方案。")], starts=[1, 4])
    >>> _note_before([note], Placed(run)) is note, _note_before([note, Draft("article", 6)], Placed(run))
    (True, None)
    """
    first = placed.run.blocks[0].first
    prior = [d for d in drafts if d.kind in ("article", "note") and d.first < first]
    note = max(prior, key=lambda d: d.first) if prior else None
    if note is None or note.kind != "note" or len(note.body) < 2 or len(note.starts) != len(note.body) \
            or note.starts[-1] > first:
        return None
    return note


def _next_to_its_story(found: headlines.Attached, run: headlines.Run, headed: set[int | None]) -> bool:
    """A head printed right over the story it was given, or opening the run right under it, none over it (`headed`).

    A head set after its story is as much in place as one set over it: its words
    found in the story's later paragraphs say nothing of a second story there.
    But a story printed between two heads, one over it and one under it, may be two; so may one
    opened tentatively inside a story with a head over it.

    >>> from cleanup.model import Block
    >>> run = headlines.Run([Block("校园赛场展风采", 9, 9, role="headline")], before=0, after=1)
    >>> head = Head(title="校园赛场展风采", first=9, last=9)
    >>> [_next_to_its_story(headlines.Attached(0, head, s), run, {1}) for s in (0, 1, None)]
    [True, True, False]
    >>> _next_to_its_story(headlines.Attached(0, head, 0), run, {0, 1})
    False
    """
    if found.story is None:
        return False
    under = found.story == run.before and found.head.first == run.blocks[0].first and found.story not in headed
    return found.story == run.after or under


def _dashes_yield(found_all: list[headlines.Attached], runs: list[Placed],
                  trace: list[Step] | None = None) -> list[headlines.Attached]:
    """A head that is a ——subtitle alone, given the story another head is printed right over (and that one
    given none), yields it: a subtitle without its title is no story's whole head, and the place right
    over a story outweighs words a subtitle may repeat from its lede.

    >>> from cleanup.model import Block
    >>> over = headlines.Run([Block("普及消防知识", 5, 5, role="headline")], after=0)
    >>> dash = headlines.Run([Block("——增强居民消防安全意", 9, 9, role="headline")], before=0)
    >>> found = [headlines.Attached(0, Head(title="普及消防知识", first=5, last=5), None),
    ...          headlines.Attached(1, Head(title="——增强居民消防安全意", first=9, last=9), 0)]
    >>> [f.story for f in _dashes_yield(found, [Placed(over), Placed(dash)])]
    [0, None]
    """
    out = list(found_all)
    over: dict[int, list[int]] = {}  # a story: the heads with none of their own that end the run printed right over it
    for j, g in enumerate(out):
        run = runs[g.run].run
        if g.story is None and g.head.title and not shapes.is_subtitle_dash(g.head.title) and g.head.last == run.blocks[-1].last \
                and run.after is not None:
            over.setdefault(run.after, []).append(j)
    for k, f in enumerate(out):
        if f.story is None or not shapes.is_subtitle_dash(f.head.title):
            continue
        rival = over[f.story].pop(0) if over.get(f.story) else None
        if rival is not None:
            out[rival] = replace(out[rival], story=f.story, confident=False)
            out[k] = replace(f, story=None)
            if trace is not None:
                trace.append(Step("AS28", "subtitle-alone-yields", f.head.first, f.head.last, f.head.title[:20],
                                  f"leaves its story to the head printed right over it: {out[rival].head.title[:20]}"))
    return out


def _over_firm_stories(found_all: list[headlines.Attached], runs: list[Placed],
                       stories: list[Draft]) -> list[headlines.Attached]:
    """A headline printed right over a story that no other headline claims is that story's, not a tentative one's.

    A story opened only because the column width changed may start there or
    not; the headline's place right above another story outweighs its words.
    So does it over a piece of that story a photo parted (opened after the photo,
    inside the story under the headline): the headline heads the whole story.

    >>> from cleanup.model import Block
    >>> run = headlines.Run([Block("校园赛场展风采", 5, 5, role="headline")], after=0)
    >>> firm, tentative = Draft("article", 6), Draft("article", 20, width_change=True)
    >>> found = [headlines.Attached(0, Head(title="校园赛场展风采", first=5, last=5), 1)]
    >>> [f.story for f in _over_firm_stories(found, [Placed(run)], [firm, tentative])]
    [0]
    >>> [f.story for f in _over_firm_stories(found, [Placed(run)], [firm, Draft("article", 20)])]
    [1]
    >>> piece = Draft("article", 20, broke_from=firm, after_photo=True)
    >>> [f.story for f in _over_firm_stories(found, [Placed(run)], [firm, piece])]
    [0]
    >>> [f.story for f in _over_firm_stories(found, [Placed(run)], [firm, replace(piece, broke_from=Draft("article", 2))])]
    [1]
    """
    claimed = {f.story for f in found_all if f.story is not None}
    out = []
    for f in found_all:
        run = runs[f.run].run
        after = run.after
        piece = f.story is not None and after is not None and stories[f.story].after_photo \
            and stories[f.story].broke_from is stories[after]  # a piece of the story under it, parted by a photo
        if (f.story is not None and (stories[f.story].width_change or piece) and after is not None and after not in claimed
                and f.head.last == run.blocks[-1].last):
            claimed.add(after)
            f = replace(f, story=after, confident=False)
        out.append(f)
    return out


def _second_round(unclaimed: list[headlines.Attached], stories: list[Draft], texts: list[str],
                  run_at: list[int]) -> list[headlines.Attached]:
    """Match the headlines left over to the stories left headless, on weaker evidence, with a warning.

    A headline that abbreviates its story (实控人 for 实际控制人) shares few
    word pairs with it; once every clear match is made, the best of the rest
    is still taken when it stands well ahead of every other story on the page. A story opened
    tentatively after a photo inside another is read as part of that one here (it goes on in it
    unless claimed): a caption taken out of a story does not part the words its head matches.
    """
    left = []
    texts, parts = _with_parts_after_photos(stories, texts)
    for found in sorted(unclaimed, key=lambda f: f.head.first):
        at = run_at[found.run]
        near = [k for k in range(max(0, at - headlines.NEARBY), min(len(texts), at + headlines.NEARBY)) if k not in parts]
        best = headlines.clear_best(found.head, texts, near)
        if best is None or stories[best].head is not None:
            left.append(found)
            continue
        score = wordmatch.similarity(found.head, texts[best])
        _give(stories[best], found, f"AS08 headline attached on weak evidence: similarity {score:.2f}")
    return left


def _with_parts_after_photos(stories: list[Draft], texts: list[str]) -> tuple[list[str], set[int]]:
    """Each headless story's text with the text of the headless stories opened tentatively after a photo
    inside it, and the indexes of those parts.

    >>> a, b = Draft("article", 1, body=[("p", "甲。")]), Draft("article", 9, body=[("p", "乙。")])
    >>> b.broke_from, b.after_photo = a, True
    >>> _with_parts_after_photos([a, b], ["甲。", "乙。"])
    (['甲。 乙。', '乙。'], {1})
    """
    out, parts = list(texts), set()
    index = {id(d): k for k, d in enumerate(stories)}
    for k, d in enumerate(stories):
        parent = index.get(id(d.broke_from)) if d.after_photo and d.broke_from is not None else None
        if parent is not None and d.head is None and stories[parent].head is None:
            out[parent] += " " + texts[k]
            parts.add(k)
    return out, parts


def may_open_story(above: str, text: str) -> bool:
    """Whether a story may start at paragraph text, after paragraph above: a sentence ended, no numbered point.

    A numbered point (一、…, （二）…) goes on the list of the story above, whatever a headline's words say.

    >>> may_open_story("……落得实。", "近日，学校举办运动会。"), may_open_story("……落得实。", "一、统一思想认识，推动理念重塑。")
    (True, False)
    >>> may_open_story("……河道清淤", "近日，学校举办运动会。")
    False
    """
    return shapes.ends_paragraph(above) and not shapes.NUMBERED_POINT_RE.match(text)


SPLIT_MATCH = 0.45  # a headline this similar to a story's later paragraphs, and under half as
SPLIT_MARGIN = 0.25  # similar (by this margin at least) to the ones before, marks a second story's start


def _split_at_headline(drafts: list[Draft], candidates: list[Draft], head: Head) -> bool:
    """Split a story where a headline matches its later part and not its start.

    Without datelines an extractor runs two stories together; the second
    story's headline, printed elsewhere, names the paragraph where it starts:
    the last one before which the headline's words are not yet found.
    """
    best = None
    words = wordmatch.Words(head.text)  # scored against many stretches of text
    for d in candidates:
        if len(d.body) < 2 or len(d.starts) != len(d.body):
            continue
        for k in range(len(d.body) - 1, 0, -1):
            if d.body[k][0] != "p" or d.body[k - 1][0] != "p" or not may_open_story(d.body[k - 1][1], d.body[k][1]):
                continue
            earlier = wordmatch.similarity(words, " ".join(t for _, t in d.body[:k]))
            if earlier >= SPLIT_MATCH / 2:
                continue  # its words are found above: the second story starts higher, if anywhere
            need = SPLIT_MATCH if best is None else max(SPLIT_MATCH, best[0])
            later = wordmatch.similarity(words, " ".join(t for _, t in d.body[k:k + 3]), need)  # None: under need
            if (later is not None and later >= SPLIT_MATCH and later - earlier >= SPLIT_MARGIN
                    and (best is None or later > best[0])):
                best = (later, d, k)
            break  # the last paragraph before the words are found is the only candidate here
    return _part(drafts, best, "AS05 split from the story above at a headline's match")


# AS14 weighs, at a paragraph end of a story that has its headline, how much more a left-over headline's words are
# found on one side than the other (gained), with two cues of place; and its own headline's words on the other (kept)
GAINED = 0.2  # gained + the cues below: a headline's story starts there
KEPT = 0.25  # and the story's own headline reads this much more like the rest: two stories run together
UNDER = 0.1  # the left-over head's run is printed right under the story, and the later part is the head's
WIDTH = 0.1  # the column width changes at the paragraph end by WIDTH_STEP of the page's median measure or more
WIDTH_STEP = 0.1
BY_PLACE = 0.1  # a head whose words match the story under its run less than this took it by place alone


@dataclass(frozen=True)
class Widths:
    """Each body block's measure by its first dump line, and the page's median measure: where a column changes."""

    measures: dict[int, float]
    column: float

    def changes(self, above: int, below: int) -> bool:
        """Whether the paragraphs starting at dump lines above and below are set in columns WIDTH_STEP apart.

        >>> Widths({1: 15.0, 9: 18.0}, 18.0).changes(1, 9), Widths({1: 17.0, 9: 18.0}, 18.0).changes(1, 9)
        (True, False)
        """
        a, b = self.measures.get(above), self.measures.get(below)
        return a is not None and b is not None and self.column > 0 and abs(a - b) >= WIDTH_STEP * self.column


def _by_place_alone(found: headlines.Attached, run: headlines.Run, texts: list[str]) -> bool:
    """A head given the story printed right under its run by place alone: its words hardly found there.

    >>> from cleanup.model import Block
    >>> run = headlines.Run([Block("种好社区治理责任田", 9, 9, role="headline")], before=0, after=1)
    >>> found = headlines.Attached(0, Head(title="种好社区治理责任田", first=9, last=9), 1)
    >>> _by_place_alone(found, run, ["新城社区治理", "近日，学校举办运动会。"]), _by_place_alone(found, run, ["", "社区治理责任田"])
    (True, False)
    """
    return (found.story is not None and found.story == run.after and run.before is not None and bool(found.head.title)
            and not shapes.is_subtitle_dash(found.head.title)
            and wordmatch.similarity(found.head, texts[found.story]) < BY_PLACE)


def _split_between_heads(drafts: list[Draft], candidates: list[tuple[Draft, Head | None]], head: Head,
                         placed: Placed | None = None, widths: Widths | None = None, trace: list[Step] | None = None,
                         by_place: bool = False) -> bool:
    """Split a story where a headline left over reads like one part of it and the story's own headline like the rest.

    Two stories run together under one headline; the second one's headline,
    printed elsewhere, matched no story of its own. Each headline gains from
    the parting: its words are found on its own side more than on the other.

    >>> d = Draft("article", 1, body=[("p", "河道治理全面铺开，河道清淤已经完成。"), ("p", "社区开展义诊服务，居民暖心。")],
    ...           starts=[1, 5], spans=[((1, 4),), ((5, 8),)])
    >>> drafts = [d]
    >>> _split_between_heads(drafts, [(d, Head(title="河道治理全面铺开"))], Head(title="社区义诊 暖心服务"))
    True
    >>> [x.body[0][1][:4] for x in drafts]
    ['河道治理', '社区开展']

    The left-over headline's story may be the first of the two, the own headline's printed over the second.

    >>> d = Draft("article", 1, body=[("p", "社区开展义诊服务，居民暖心。"), ("p", "河道治理全面铺开，河道清淤已经完成。")],
    ...           starts=[1, 5], spans=[((1, 4),), ((5, 8),)])
    >>> drafts = [d]
    >>> _split_between_heads(drafts, [(d, Head(title="河道治理全面铺开"))], Head(title="社区义诊 暖心服务"))
    True
    >>> [x.body[0][1][:4] for x in drafts]
    ['社区开展', '河道治理']

    Not where the left-over headline's words are found before the parting as well.

    >>> d = Draft("article", 1, body=[("p", "河道治理全面铺开，社区义诊暖心。"), ("p", "社区开展义诊服务，居民暖心。")],
    ...           starts=[1, 5], spans=[((1, 4),), ((5, 8),)])
    >>> _split_between_heads([d], [(d, Head(title="河道治理全面铺开"))], Head(title="社区义诊 暖心服务"))
    False

    A smaller gain (some of its words found above too) is carried by the cues of place: the head's
    run printed right under the story (`placed`), or the column width changing at the parting.

    >>> story = lambda: Draft("article", 1, body=[("p", "河道治理全面铺开，河道清淤已经完成，社区服务暖心。"),
    ...                                           ("p", "社区开展义诊服务，居民暖心。")], starts=[1, 5], spans=[((1, 4),), ((5, 8),)])
    >>> own, left = Head(title="河道治理全面铺开"), Head(title="社区义诊 暖心服务")
    >>> d = story(); _split_between_heads([d], [(d, own)], left)
    False
    >>> d = story(); _split_between_heads([d], [(d, own)], left, Placed(headlines.Run([]), before=d))
    True
    >>> d = story(); _split_between_heads([d], [(d, own)], left, widths=Widths({1: 15.0, 5: 18.0}, 18.0))
    True
    """
    best, why = None, ""
    words = wordmatch.Words(head.text)
    for d, own in candidates:
        if own is None or len(d.body) < 2 or len(d.starts) != len(d.body):
            continue
        owner = wordmatch.Words(own.text)
        under = placed is not None and placed.before is d  # the head's run printed right under this story
        for k in range(1, len(d.body)):
            if d.body[k][0] != "p" or not may_open_story(d.body[k - 1][1], d.body[k][1]):
                continue
            earlier, later = " ".join(t for _, t in d.body[:k]), " ".join(t for _, t in d.body[k:])
            below, above = wordmatch.similarity(words, later), wordmatch.similarity(words, earlier)
            owns = wordmatch.similarity(owner, earlier) - wordmatch.similarity(owner, later)
            width = WIDTH * (widths is not None and widths.changes(d.starts[k - 1], d.starts[k]))
            # the left-over headline's story may come first; a parting the cues of place carry must leave the
            # headline a part its words and place match
            for gain, kept, place, its in ((below - above, owns, UNDER * under, below), (above - below, -owns, 0.0, above)):
                if by_place and not place:
                    continue  # a head taken by place goes only to the story above its run, as printed after it
                if gain < GAINED and its + place < headlines.MATCH_THRESHOLD:
                    continue
                if gain + place + width >= GAINED and kept >= KEPT and (best is None or gain + place + width + kept > best[0]):
                    best = (gain + place + width + kept, d, k)
                    why = (f"gained {gain:.2f} + under {place:g} + width {width:g} >= {GAINED:g}, "
                           f"its own headline's kept {kept:.2f} >= {KEPT:g}")
    if best is not None and trace is not None:
        d, k = best[1], best[2]
        trace.append(Step("AS14", "split-between-two-headlines", d.starts[k], d.starts[k], d.body[k][1][:20],
                          f"a second story under the head at line {head.first} ({head.text[:12]}), parted from the story at "
                          f"line {d.first}: {why}"))
    if best is not None and placed is not None and placed.before is best[1] and by_place:
        placed.after = None  # the run is printed after its story, not over the next one
    parted = _part(drafts, best, "AS14 split from the story above between two headlines")
    if parted and placed is not None and placed.before is best[1]:
        placed.before = drafts[-1]  # the run is printed right under the later part now
    return parted


def _part(drafts: list[Draft], best: tuple[float, Draft, int] | None, warning: str) -> bool:
    """Part story d at its paragraph k into two (best: the score that chose it, d, k), if any was chosen."""
    if best is None:
        return False
    score, d, k = best
    second = Draft("article", d.starts[k], body=d.body[k:], starts=d.starts[k:], spans=d.spans[k:],
                   warnings=[f"{warning} ({score:.2f})"])
    del d.body[k:], d.starts[k:], d.spans[k:]
    drafts.append(second)
    return True


def _give(target: Draft, found: headlines.Attached, warning: str = "") -> None:
    target.head, target.head_run = found.head, found.run
    target.first = min(target.first, found.head.first)
    if not found.confident:
        warning = f"AS01 headline attached by similarity {found.score:.2f}, runner-up close"
    if warning:
        target.warnings.append(warning)


# AS65 weighs, at each paragraph end of a story a head of a row printed right under it took, the cues that a
# left-over head of that row starts its own story there (fitted on the fit split's ordered dumps)
ROW_CUES = {"width": 1.0, "gained": 3.0, "kept": 1.0}  # a dateline opening the part, or the one place to part: weight 0 on fit
ROW_FROM = 0.75  # the best paragraph end's weighed cues must reach this


def _row_part(found: headlines.Attached, runs: list[Placed], drafts: list[Draft], widths: Widths | None,
              trace: list[Step] | None = None) -> Draft | None:
    """AS65: a head left over in a row of heads printed after their stories (PyMuPDF, pdftotext -raw, ordered
    dumps): the extractor ran its story into one another head took, and the row's order says which and which
    part: the later part of the story whose head was printed last before it, or else the earlier part of the
    story whose head in the row comes next. Returns the part, parted from its story, or None."""
    if not found.head.title or shapes.is_subtitle_dash(found.head.title):
        return None
    row = _row(found.run, runs, drafts)
    below = row[0].before  # the story printed right above the row
    if below is None:
        return None
    start = min(b.first for p in row for b in p.run.blocks)
    end = max(b.last for p in row for b in p.run.blocks)
    taken = [d for d in drafts if d.kind == "article" and d.head is not None and d.first < start and d.body
             and (start <= d.head.first <= end or d is below)]
    before = [d for d in taken if d.head.first < found.head.first]
    after = [d for d in taken if d.head.first > found.head.first and start <= d.head.first]
    choices = []
    if before and not _halves(max(before, key=lambda d: d.head.first).head, found.head):
        choices.append((max(before, key=lambda d: d.head.first), True))
    if after:
        choices.append((min(after, key=lambda d: d.head.first), False))
    words = wordmatch.Words(found.head.text)
    best = None
    for d, later in choices:
        if len(d.body) < 2 or len(d.starts) != len(d.body) or d not in drafts:
            continue
        owner = wordmatch.Words(d.head.text)
        ends = [k for k in range(1, len(d.body)) if d.body[k][0] == "p" and d.body[k - 1][0] == "p"
                and may_open_story(d.body[k - 1][1], d.body[k][1])]
        for k in ends:
            earlier, rest = " ".join(t for _, t in d.body[:k]), " ".join(t for _, t in d.body[k:])
            mine, other = (rest, earlier) if later else (earlier, rest)
            cues = {"width": float(widths is not None and widths.changes(d.starts[k - 1], d.starts[k])),
                    "gained": wordmatch.similarity(words, mine) - wordmatch.similarity(words, other),
                    "kept": wordmatch.similarity(owner, other) - wordmatch.similarity(owner, mine)}
            if cues["gained"] <= 0:
                continue  # its words not found more in its part: the row's order alone parted wrong (layout-mode pdftotext, OCR)
            score = sum(ROW_CUES[c] * v for c, v in cues.items())
            if best is None or score > best[0]:
                best = (score, d, k, later, cues)
    if best is None or best[0] < ROW_FROM:
        return None
    score, d, k, later, cues = best
    if trace is not None:
        trace.append(Step("AS65", "split-by-head-row-order", d.starts[k], d.starts[k], d.body[k][1][:20],
                          f"the head at line {found.head.first} ({found.head.text[:12]}) was printed in a row "
                          f"{'after' if later else 'before'} the head at line {d.head.first} of the story at line {d.first}: "
                          f"its {'later' if later else 'earlier'} part, from here: "
                          + ", ".join(f"{c} {v:.2f}" for c, v in cues.items()) + f" weigh {score:.2f} >= {ROW_FROM:g}"))
    _part(drafts, (score, d, k), "AS65 split at a head row's order")
    second = drafts[-1]
    if row[0].before is d:  # the row is printed under the later part now
        row[0].before = second
    if later:
        return second
    second.head, second.head_run, d.head, d.head_run = d.head, d.head_run, None, None  # the earlier part is the left-over head's
    second.first = min(second.first, second.head.first)
    return d


def _halves(first: Head, second: Head) -> bool:
    """Two bare titles printed on consecutive lines: one title's halves the extractor set apart, not two heads."""
    return (first.last + 1 == second.first and not (first.subtitle or first.byline or second.subtitle or second.byline
                                                     or second.column))


def _row(k: int, runs: list[Placed], drafts: list[Draft]) -> list[Placed]:
    """Run k and the runs printed next to it with no story's text between: a row of heads."""
    starts = sorted(d.starts[0] if d.starts else d.first for d in drafts if d.body)  # (first: a head over it may be in the row)
    between = lambda a, b: bisect_left(starts, b) > bisect_left(starts, a)  # noqa: E731  a story opens between lines a and b
    lo = hi = k
    while lo > 0 and not between(runs[lo - 1].run.blocks[-1].last, runs[lo].run.blocks[0].first):
        lo -= 1
    while hi + 1 < len(runs) and not between(runs[hi].run.blocks[-1].last, runs[hi + 1].run.blocks[0].first):
        hi += 1
    return runs[lo:hi + 1]

