"""Blocks with roles -> items: stories opened and closed, headlines re-attached, captions apart."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

import regex

from . import furniture, headlines, shapes
from .heads import Head, build_head
from .drafts import Draft, finish, repair
from .join import glue
from .model import Block, Item

FOREIGN = 0.2  # a heading less similar than this to its story above,
OWN = 0.4  # and this similar to the paragraphs below it, is the next story's headline
STILL_ITS_OWN = 0.1  # unless the running story's headline is this similar to them and to its paragraphs above
BELOW = 12  # blocks below a heading whose paragraphs show whose it is
_HEAD_ROLES = frozenset({"column", "headline", "byline"})
# a story's lead: a source named (据……报道, ……消息，) or a dateline the extractor cut (……日电（记者, ……怡）)
_LEAD_RE = regex.compile(r"^(?:据[^，。]{1,30}(?:报道|消息)|[^，。]{0,20}消息[，,]|[^（(，。]{1,12}[）)])"
                         r"|[电讯]\s*[（(〈《]\s*(?:全媒体)?(?:记者|通讯员)")
_DATELINE_NAMES_RE = regex.compile(r"^[^（(]{1,20}[（(][^）)]{2,30}[）)]")


@dataclass
class _Placed:
    """A head run and the stories printed right before and after it."""

    run: headlines.Run
    before: Draft | None = None
    after: Draft | None = None


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


def space_headline_lines(blocks: list[Block]) -> list[Block]:
    """A headline's dump lines, joined into one block, are parted by one space, as the contract
    joins a wrapped title's lines (普及消防知识 / 提高自救能力 → 普及消防知识 提高自救能力).

    Not where a line holds one character (a headline set vertically, a character a line),
    nor inside a Latin word the line end cut.
    """
    out: list[Block] = []
    for block in blocks:
        # (runs: lines the column stage put together, pieces of one printed line as often as not)
        spaced = block.role == "headline" and block.cuts and not block.runs
        out.append(replace(block, text=_spaced_at_cuts(block)) if spaced else block)
    return out


def _spaced_at_cuts(block: Block) -> str:
    text = block.text
    bounds = [0, *block.cuts, len(text)]
    for k in range(len(bounds) - 2, 0, -1):  # from the end, so the offsets before stay right
        at = bounds[k]
        left, right = text[bounds[k - 1]:at].strip(), text[at:bounds[k + 1]].strip()
        if len(left) < 2 or len(right) < 2 or text[at - 1].isspace() or text[at].isspace():
            continue
        if not (text[at - 1].isascii() and text[at].isascii()):
            text = text[:at] + " " + text[at:]
    return text


def assemble(blocks: list[Block]) -> list[Item]:
    """Blocks in dump order -> items, in the order of their earliest dump line.

    Body text goes on with the story it continues; head runs are set aside and
    given to their stories at the end, all at once (`_attach_heads`).
    """
    drafts: list[Draft] = []
    runs: list[_Placed] = []
    story: Draft | None = None  # the article or note that body text continues
    waiting: _Placed | None = None  # a run whose next story is not opened yet
    heads_over: dict[int, list[Block]] = {}  # id of a story: the head run printed right over it
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.role in _HEAD_ROLES and not _loose_byline(block, blocks, i):
            j = _head_end(blocks, i)
            nxt = blocks[j] if j < len(blocks) else None
            if _is_section_heading(blocks[i:j], story, blocks[j:j + BELOW], heads_over.get(id(story))):
                story.body.append(("h2", blocks[i].text))
                story.starts.append(blocks[i].first)
                story.spans.append(((blocks[i].first, blocks[i].last),))
            else:
                before = story if story is not None and story.kind == "article" and story.body else None
                waiting = _Placed(headlines.Run(blocks[i:j]), before)
                runs.append(waiting)
                if nxt is not None and nxt.role == "body" and _conflicts(build_head(blocks[i:j]), nxt):
                    waiting = None  # its byline says it is not the next story's head
                story = None
            i = j
            continue
        if block.role == "caption":
            drafts.append(Draft("photo", block.first, body=[("p", block.text)], spans=[block.line_runs]))
        elif block.role == "credit":
            last = drafts[-1] if drafts else None
            if last is not None and last.kind == "photo" and not last.credit:
                last.credit, last.credit_span = block.text, block.line_runs
            else:
                drafts.append(Draft("photo", block.first, credit=block.text, credit_span=block.line_runs))
        elif block.role == "note":
            title, rest = _split_note_opener(block.text)
            story = Draft("note", block.first, head=Head(title=title, first=block.first,
                                                         spans=tuple((a, b, "title") for a, b in block.line_runs)))
            if rest:
                story.body.append(("p", rest))
                story.starts.append(block.first)
                story.spans.append(block.line_runs)
            drafts.append(story)
        elif _resumes_across_photo(story, blocks, i):
            kind, text = story.body[-1]
            story.body[-1] = (kind, glue(text, block.text))
            story.spans[-1] += block.line_runs
            story.warnings.append(f"AS06 a sentence rejoined across a photo caption at line {block.first}")
        else:
            if _after_photo(story, blocks, i):  # the story may end at the photo: open one, kept only if claimed
                story = Draft("article", block.first, broke_from=story, after_photo=True)
                drafts.append(story)
            story = _continue_or_open(story, block, drafts, blocks[i + 1] if i + 1 < len(blocks) else None)
        if waiting is not None and block.role not in ("caption", "credit"):
            waiting.after = story if story is not None and len(story.body) == 1 else None
            if waiting.after is not None:
                heads_over[id(story)] = waiting.run.blocks
            waiting = None
        i += 1
    _attach_heads(drafts, runs)
    _rejoin_unclaimed_breaks(drafts, runs)
    for draft in list(drafts):
        repair(draft, drafts)
    return [finish(d) for d in sorted(drafts, key=lambda d: d.first)]


STILL_SPOKEN_OF = 0.05  # a headline this similar to a paragraph shares a word with it


def _rejoin_unclaimed_breaks(drafts: list[Draft], runs: list[_Placed]) -> None:
    """A story opened without a dateline inside a running one goes back on it, unless a headline of its own claims it.

    Opened by a source named (据某某社报道) or by a new paragraph after a
    photo, a story may start there or the one above go on. A headline
    printed right over the one above, in one run, is not its own: the two
    are one head (a title over its subtitle).
    """
    for draft in reversed(drafts):
        above = draft.broke_from
        if above is None or draft.byline or above not in drafts:
            continue
        if draft.head is not None:
            if _title_over_subtitle(draft, above, runs):
                blocks = runs[above.head_run].run.blocks
                above.head = build_head([b for b in blocks if draft.head.first <= b.first <= above.head.last])
                _merge(above, draft, drafts, f"AS11 two headline groups of one run rejoined over one story (line {draft.first})")
        elif _goes_on(draft, above):
            _merge(above, draft, drafts, "" if draft.after_photo else
                   f"AS09 a paragraph naming its source (line {draft.first}) kept in this story: no headline of its own")


def _goes_on(draft: Draft, above: Draft) -> bool:
    """Whether an unclaimed story, opened without a dateline, continues the one above.

    After a photo it does, unless the headline above shares not a word with
    it and it runs over more than one paragraph (one paragraph under no
    headline is no story). Opened by a source named, it does if the headline
    above shares a word with it.
    """
    text = " ".join(text for _, text in draft.body)
    spoken_of = above.head is not None and headlines.similarity(above.head, text) >= STILL_SPOKEN_OF
    if draft.after_photo:
        return above.head is None or spoken_of or len(draft.body) == 1
    return spoken_of


def _title_over_subtitle(draft: Draft, above: Draft, runs: list[_Placed]) -> bool:
    """Whether draft's headline stands right over the one above took, in the same run, with no blank between."""
    if above.head is None or draft.head_run is None or draft.head_run != above.head_run:
        return False
    blocks = runs[above.head_run].run.blocks
    if draft.head.last >= above.head.first or any(draft.head.last < b.first < above.head.first for b in blocks):
        return False
    under = [b for b in blocks if b.first == above.head.first]
    return bool(under) and not under[0].gap_before


def _merge(above: Draft, draft: Draft, drafts: list[Draft], warning: str) -> None:
    above.body.extend(draft.body)
    above.starts.extend(draft.starts)
    above.spans.extend(draft.spans)
    if warning:
        above.warnings.append(warning)
    drafts.remove(draft)


def _after_photo(story: Draft | None, blocks: list[Block], i: int) -> bool:
    """A paragraph right after a photo, where the story above ended a sentence and no dateline opens it."""
    if story is None or story.kind != "article" or not story.body or story.body[-1][0] != "p":
        return False
    if blocks[i].role != "body" or i == 0 or blocks[i - 1].role not in ("caption", "credit"):
        return False
    return shapes.ends_sentence(story.body[-1][1]) and not shapes.starts_with_dateline(blocks[i].text)


def _resumes_across_photo(story: Draft | None, blocks: list[Block], i: int) -> bool:
    """Body text right after a caption and credit that goes on with a sentence the story left open."""
    if story is None or story.kind != "article" or not story.body or story.body[-1][0] != "p":
        return False
    if blocks[i].role != "body" or i == 0 or blocks[i - 1].role not in ("caption", "credit"):
        return False
    return not shapes.ends_sentence(story.body[-1][1]) and not shapes.starts_with_dateline(blocks[i].text)


def _head_end(blocks: list[Block], i: int) -> int:
    """The end of a head group starting at i: labels, headline lines, then at most one byline."""
    j = i
    while j < len(blocks) and blocks[j].role in _HEAD_ROLES:
        j += 1
        if blocks[j - 1].role == "byline":
            break
    return j


def _loose_byline(block: Block, blocks: list[Block], i: int) -> bool:
    """A byline not under a headline opens no head group of its own."""
    return block.role == "byline" and (i == 0 or blocks[i - 1].role not in ("headline", "column"))


def _is_section_heading(group: list[Block], story: Draft | None, below: list[Block],
                        over: list[Block] | None = None) -> bool:
    """One headline line between two paragraphs of a running story heads a section.

    Unless it shares hardly a word with the story and many with the text below
    it: then a new story starts under its own headline. Not if the headline
    over the running story (`over`, its head run) reads like the text below too
    (and like its text above): a heading sums up its section, the section goes
    on the story.

    >>> story = Draft("article", 1, body=[("p", "河道治理全面铺开，河道清淤已经完成。")])
    >>> below = [Block("近日，学校举办运动会，学生踊跃参加。", 6, 7)]
    >>> _is_section_heading([Block("校园赛场展风采", 5, 5, role="headline")], story, below)
    True

    A whole headline, phrases parted by a space, sharing no word with the story
    above it, starts the next story after a sentence's end, however few words
    it shares with the text below; not where a sentence or a quotation runs on
    through it (a line of running text with a space in it).

    >>> _is_section_heading([Block("校园赛场展风采 师生同心迎挑战", 5, 5, role="headline")], story, below)
    False
    >>> cut = Draft("article", 1, body=[("p", "河道治理全面铺开，开展了以“请党放心")])
    >>> _is_section_heading([Block("校园赛场展风采 师生同心迎挑战", 5, 5, role="headline")], cut, below)
    True
    >>> _is_section_heading([Block("校园赛场展风采 师生同心迎挑战", 5, 5, role="headline")], story,
    ...                     [Block("（TSMM）”技术方案，实现调控。", 6, 7)])
    True
    >>> below = [Block("现场检查中，专家组深入车间检查，提出整改意见。", 6, 7)]
    >>> _is_section_heading([Block("现场检查过程中", 5, 5, role="headline")], story, below)
    False
    >>> own = Draft("article", 1, body=[("p", "为提升安全水平，专家组到烟厂评审指导。")])
    >>> _is_section_heading([Block("现场检查过程中", 5, 5, role="headline")], own, below,
    ...                     [Block("及时整改到位 提升安全水平", 1, 1, role="headline")])
    True
    """
    nxt = below[0] if below else None
    if len(group) != 1 or group[0].role != "headline" or story is None:
        return False
    if not story.body or story.kind != "article" or nxt is None or nxt.role != "body":
        return False
    if shapes.starts_with_dateline(nxt.text) or shapes.is_subtitle_dash(group[0].text):
        return False
    if shapes.NUMBERED_POINT_RE.match(nxt.text):
        return True  # no story opens at a numbered point (一、……): it goes on the story above
    head = Head(title=group[0].text)
    above = headlines.similarity(head, " ".join(text for _, text in story.body), FOREIGN)  # None: under FOREIGN
    if above is not None and above >= FOREIGN:
        return True
    if _whole_headline(group[0].text) and shapes.ends_sentence(story.body[-1][1]) and not _closes_a_quote(nxt.text):
        return False  # phrases parted by a space, between a sentence's end and a paragraph: a story's headline
    section = " ".join(block.text for block in below if block.role == "body")
    if over and not _opens_with_lead(nxt.text) and _still_its_own(build_head(over), story, section):
        return True
    own = headlines.similarity(head, section, OWN)  # None: under OWN
    return own is None or own < OWN


def _opens_with_lead(text: str) -> bool:
    """A story's lead, even cut by the extractor: no section of the story above goes on under it.

    >>> [_opens_with_lead(t) for t in ("据《某报》等多家媒体17日报道，", "8月12日电(记者王欢)美国", "怡）锂同位素", "工作中，专家组")]
    [True, True, True, False]
    """
    return bool(_LEAD_RE.search(text[:40]))


def _still_its_own(over: Head, story: Draft, section: str) -> bool:
    """The headline over a running story reads like its paragraphs above and below a heading (STILL_ITS_OWN).

    Both: a line the extractor took for a headline, over text it does not sum
    up, tells nothing of whose the section is.

    >>> story = Draft("article", 1, body=[("p", "为强化安全生产，专家组到烟厂评审指导。")])
    >>> _still_its_own(Head(title="提升安全水平"), story, "专家组深入车间，对安全设施严格检查。")
    True
    >>> _still_its_own(Head(title="11日7时35"), story, "专家组深入车间，11日对安全设施严格检查。")
    False
    """
    text = " ".join(text for _, text in story.body)
    return all((headlines.similarity(over, part, STILL_ITS_OWN) or 0.0) >= STILL_ITS_OWN for part in (text, section))


def _whole_headline(text: str) -> bool:
    """Phrases parted by a space, its quotes closed: a story's headline (no running head's row printed mid-page).

    >>> _whole_headline("校园赛场展风采 师生同心迎挑战"), _whole_headline("责任编辑 王明 校对 李华")
    (True, False)
    """
    return shapes.is_couplet(text) and text.count("“") == text.count("”") and not furniture.reads_as_running_head(text)


def _closes_a_quote(text: str) -> bool:
    """The first quotation mark is a closing one: the text goes on with a quotation opened above it.

    >>> _closes_a_quote("（TSMM）”技术方案，实现“调控”。"), _closes_a_quote("开展“阳光体育”活动。")
    (True, False)
    """
    marks = [c for c in text if c in "“”"]
    return bool(marks) and marks[0] == "”"


def _conflicts(head: Head, body: Block) -> bool:
    """A head with its own byline is not the head of a story whose dateline names its writers."""
    return bool(head.byline) and _starts_with_names(body)


def _continue_or_open(story: Draft | None, block: Block, drafts: list[Draft], nxt: Block | None) -> Draft:
    if block.role == "byline" and nxt is not None and nxt.role == "body" and not _starts_with_names(nxt):
        # a byline over body text, its headline printed elsewhere: a story starts here
        story = Draft("article", block.first, byline=block.text, byline_span=block.line_runs)
        drafts.append(story)
        return story
    fresh = story is not None and story.kind == "article" and not story.body
    if story is None or (shapes.starts_with_dateline(block.text) and not fresh):
        running = story if story is not None and story.kind == "article" and not shapes.opens_story(block.text) else None
        story = Draft("article", block.first, broke_from=running)
        drafts.append(story)
    story.body.append(("p", block.text))
    story.starts.append(block.first)
    story.spans.append(block.line_runs)
    return story


def _starts_with_names(body: Block) -> bool:
    """A dateline naming its writers: the byline above it is not this story's."""
    return shapes.starts_with_dateline(body.text) and bool(_DATELINE_NAMES_RE.match(body.text))


def _split_note_opener(text: str) -> tuple[str, str]:
    """编者按 as printed (with its brackets or colon) is the title; the rest is the note's text."""
    match = shapes.NOTE_RE.match(text)
    if not match:
        return text, ""
    return match.group().strip(), text[match.end():].strip()


def _attach_heads(drafts: list[Draft], runs: list[_Placed], may_split: bool = True) -> None:
    """Give every head group to the story it belongs to, by content and position (headlines.attach).

    A head that matches only the later part of a story splits the story there
    (the extractor ran two stories together), and the assignment runs again.
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
    found_all = headlines.attach([placed.run for placed in runs], texts)
    if may_split:
        near = lambda f: stories[max(0, runs[f.run].run.at - 2):runs[f.run].run.at + 2]  # noqa: E731
        # a head printed right above its story does not split it: only a displaced one can
        split = [_split_at_headline(drafts, [stories[f.story]] if f.story is not None else near(f), f.head)
                 for f in found_all if f.head.title and (f.story is None or f.story != runs[f.run].run.after)]
        if not any(split):
            owners = {f.story: f.head for f in found_all if f.story is not None}
            split = [_split_between_heads(drafts, [(d, owners.get(index[id(d)])) for d in near(f)], f.head)
                     for f in found_all if f.story is None and f.head.title and not shapes.is_subtitle_dash(f.head.title)]
        if any(split):
            return _attach_heads(drafts, runs, may_split=False)
    unclaimed = []
    for found in found_all:
        if found.story is None:
            unclaimed.append(found)
        else:
            _give(stories[found.story], found)
    unclaimed = _second_round(unclaimed, stories, texts, [placed.run.at for placed in runs])
    for found in unclaimed:
        after = runs[found.run].run.after
        ends_run = found.head.last == runs[found.run].run.blocks[-1].last
        if after is not None and ends_run and stories[after].head is None:
            # printed right above a story that no headline claims: its own, by position alone
            _give(stories[after], found, "" if not found.head.title else
                  "AS04 headline attached by position only: its words are not found in the story")
        else:
            drafts.append(Draft("article", found.head.first, head=found.head,
                                 warnings=["AS02 headline with no matching story"]))


def _second_round(unclaimed: list[headlines.Attached], stories: list[Draft], texts: list[str],
                  run_at: list[int]) -> list[headlines.Attached]:
    """Match the headlines left over to the stories left headless, on weaker evidence, with a warning.

    A headline that abbreviates its story (实控人 for 实际控制人) shares few
    word pairs with it; once every clear match is made, the best of the rest
    is still taken when it stands well ahead of every other story on the page.
    """
    left = []
    for found in sorted(unclaimed, key=lambda f: f.head.first):
        at = run_at[found.run]
        near = range(max(0, at - headlines.NEARBY), min(len(texts), at + headlines.NEARBY))
        best = headlines.clear_best(found.head, texts, near)
        if best is None or stories[best].head is not None:
            left.append(found)
            continue
        score = headlines.similarity(found.head, texts[best])
        _give(stories[best], found, f"AS08 headline attached on weak evidence: similarity {score:.2f}")
    return left


SPLIT_MATCH = 0.45  # a headline this similar to a story's later paragraphs, and under half as
SPLIT_MARGIN = 0.25  # similar (by this margin at least) to the ones before, marks a second story's start


def _split_at_headline(drafts: list[Draft], candidates: list[Draft], head: Head) -> bool:
    """Split a story where a headline matches its later part and not its start.

    Without datelines an extractor runs two stories together; the second
    story's headline, printed elsewhere, names the paragraph where it starts:
    the last one before which the headline's words are not yet found.
    """
    best = None
    words = headlines.Words(head.text)  # scored against many stretches of text
    for d in candidates:
        if len(d.body) < 2 or len(d.starts) != len(d.body):
            continue
        for k in range(len(d.body) - 1, 0, -1):
            if d.body[k][0] != "p" or d.body[k - 1][0] != "p" or not shapes.ends_sentence(d.body[k - 1][1]):
                continue
            earlier = headlines.similarity(words, " ".join(t for _, t in d.body[:k]))
            if earlier >= SPLIT_MATCH / 2:
                continue  # its words are found above: the second story starts higher, if anywhere
            need = SPLIT_MATCH if best is None else max(SPLIT_MATCH, best[0])
            later = headlines.similarity(words, " ".join(t for _, t in d.body[k:k + 3]), need)  # None: under need
            if (later is not None and later >= SPLIT_MATCH and later - earlier >= SPLIT_MARGIN
                    and (best is None or later > best[0])):
                best = (later, d, k)
            break  # the last paragraph before the words are found is the only candidate here
    return _part(drafts, best, "AS05 split from the story above at a headline's match")


GAINED = 0.2  # a left-over headline's words found this much more on one side of a paragraph end than the other,
KEPT = 0.25  # and the story's own headline's this much more on the other side: two stories run together


def _split_between_heads(drafts: list[Draft], candidates: list[tuple[Draft, Head | None]], head: Head) -> bool:
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
    """
    best = None
    words = headlines.Words(head.text)
    for d, own in candidates:
        if own is None or len(d.body) < 2 or len(d.starts) != len(d.body):
            continue
        owner = headlines.Words(own.text)
        for k in range(1, len(d.body)):
            if d.body[k][0] != "p" or not shapes.ends_sentence(d.body[k - 1][1]):
                continue
            earlier, later = " ".join(t for _, t in d.body[:k]), " ".join(t for _, t in d.body[k:])
            leans = headlines.similarity(words, later) - headlines.similarity(words, earlier)
            owns = headlines.similarity(owner, earlier) - headlines.similarity(owner, later)
            for gain, kept in ((leans, owns), (-leans, -owns)):  # the left-over headline's story may come first
                if gain >= GAINED and kept >= KEPT and (best is None or gain + kept > best[0]):
                    best = (gain + kept, d, k)
    return _part(drafts, best, "AS14 split from the story above between two headlines")


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
