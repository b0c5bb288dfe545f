"""Blocks with roles -> items: stories opened and closed, headlines re-attached, captions apart."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

import regex

from . import headlines, shapes
from .headlines import Head
from .join import glue
from .model import Block, Item

FOREIGN = 0.2  # a heading less similar than this to its story above,
OWN = 0.4  # and this similar to the paragraph below it, is the next story's headline
_HEAD_ROLES = frozenset({"column", "headline", "byline"})
_DATELINE_NAMES_RE = regex.compile(r"^[^（(]{1,20}[（(][^）)]{2,30}[）)]")


@dataclass
class _Draft:
    """An item while it is being assembled (mutable, local to this module)."""

    kind: str
    first: int
    head: Head | None = None
    body: list[tuple[str, str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each body entry's first dump line
    credit: str = ""
    byline: str = ""  # printed over the body, its headline elsewhere
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Placed:
    """A head run and the stories printed right before and after it."""

    run: headlines.Run
    before: _Draft | None = None
    after: _Draft | None = None


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


def assemble(blocks: list[Block]) -> list[Item]:
    """Blocks in dump order -> items, in the order of their earliest dump line.

    Body text goes on with the story it continues; head runs are set aside and
    given to their stories at the end, all at once (`_attach_heads`).
    """
    drafts: list[_Draft] = []
    runs: list[_Placed] = []
    story: _Draft | None = None  # the article or note that body text continues
    waiting: _Placed | None = None  # a run whose next story is not opened yet
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.role in _HEAD_ROLES and not _loose_byline(block, blocks, i):
            j = _head_end(blocks, i)
            nxt = blocks[j] if j < len(blocks) else None
            if _is_section_heading(blocks[i:j], story, nxt):
                story.body.append(("h2", blocks[i].text))
                story.starts.append(blocks[i].first)
            else:
                before = story if story is not None and story.kind == "article" and story.body else None
                waiting = _Placed(headlines.Run(blocks[i:j]), before)
                runs.append(waiting)
                if nxt is not None and nxt.role == "body" and _conflicts(headlines.build_head(blocks[i:j]), nxt):
                    waiting = None  # its byline says it is not the next story's head
                story = None
            i = j
            continue
        if block.role == "caption":
            drafts.append(_Draft("photo", block.first, body=[("p", block.text)]))
        elif block.role == "credit":
            last = drafts[-1] if drafts else None
            if last is not None and last.kind == "photo" and not last.credit:
                last.credit = block.text
            else:
                drafts.append(_Draft("photo", block.first, credit=block.text))
        elif block.role == "note":
            title, rest = _split_note_opener(block.text)
            story = _Draft("note", block.first, head=Head(title=title, first=block.first))
            if rest:
                story.body.append(("p", rest))
                story.starts.append(block.first)
            drafts.append(story)
        elif _resumes_across_photo(story, blocks, i):
            kind, text = story.body[-1]
            story.body[-1] = (kind, glue(text, block.text))
            story.warnings.append(f"AS06 a sentence rejoined across a photo caption at line {block.first}")
        else:
            story = _continue_or_open(story, block, drafts, blocks[i + 1] if i + 1 < len(blocks) else None)
        if waiting is not None and block.role not in ("caption", "credit"):
            waiting.after = story if story is not None and len(story.body) == 1 else None
            waiting = None
        i += 1
    _attach_heads(drafts, runs)
    for draft in drafts:
        _rejoin_odd_headings(draft)
        _lone_sentence_is_caption(draft)
    return [_finish(d) for d in sorted(drafts, key=lambda d: d.first)]


def _resumes_across_photo(story: _Draft | None, blocks: list[Block], i: int) -> bool:
    """Body text right after a caption and credit that goes on with a sentence the story left open."""
    if story is None or story.kind != "article" or not story.body or story.body[-1][0] != "p":
        return False
    if blocks[i].role != "body" or i == 0 or blocks[i - 1].role not in ("caption", "credit"):
        return False
    return not shapes.ends_sentence(story.body[-1][1]) and not shapes.starts_with_dateline(blocks[i].text)


def _lone_sentence_is_caption(draft: _Draft) -> None:
    """A headless "article" of one event sentence (近日，……活动。) is a caption printed without credit."""
    if draft.kind != "article" or draft.head is not None or draft.byline or len(draft.body) != 1:
        return
    if not shapes.is_event_sentence(draft.body[0][1]):
        return
    draft.kind = "photo"
    draft.warnings.append("AS07 a lone sentence with no headline taken as a caption printed without credit")


def _rejoin_odd_headings(draft: _Draft) -> None:
    """A "heading" unlike its sibling headings, mid-sentence, is a paragraph cut at a column jump.

    Headings in one article share a form; where the others are phrase-spaced
    couplets, a plain line that stops mid-sentence (……商户安全 / 生产，……)
    goes back into the paragraph after it.
    """
    headings = [text for kind, text in draft.body if kind == "h2"]
    couplets = sum(1 for text in headings if shapes.is_couplet(text))
    if couplets < 2 or couplets == len(headings):
        return
    body = draft.body
    for k in range(len(body) - 2, -1, -1):
        kind, text = body[k]
        nxt_kind, nxt = body[k + 1]
        if kind == "h2" and not shapes.is_couplet(text) and nxt_kind == "p" and not shapes.starts_with_dateline(nxt):
            body[k:k + 2] = [("p", glue(text, nxt))]
            del draft.starts[k + 1]
            draft.warnings.append(f"AS03 a heading unlike its siblings rejoined to the paragraph after it: {text[:12]}")


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


def _is_section_heading(group: list[Block], story: _Draft | None, nxt: Block | None) -> bool:
    """One headline line between two paragraphs of a running story heads a section.

    Unless it shares hardly a word with the story and many with the text below
    it: then a new story starts under its own headline.
    """
    if len(group) != 1 or group[0].role != "headline" or story is None:
        return False
    if not story.body or story.kind != "article" or nxt is None or nxt.role != "body":
        return False
    if shapes.starts_with_dateline(nxt.text) or shapes.is_subtitle_dash(group[0].text):
        return False
    head = Head(title=group[0].text)
    above = headlines.similarity(head, " ".join(text for _, text in story.body), FOREIGN)  # None: under FOREIGN
    if above is not None and above >= FOREIGN:
        return True
    below = headlines.similarity(head, nxt.text, OWN)  # None: under OWN
    return below is None or below < OWN


def _conflicts(head: Head, body: Block) -> bool:
    """A head with its own byline is not the head of a story whose dateline names its writers."""
    return bool(head.byline) and _starts_with_names(body)


def _continue_or_open(story: _Draft | None, block: Block, drafts: list[_Draft], nxt: Block | None) -> _Draft:
    if block.role == "byline" and nxt is not None and nxt.role == "body" and not _starts_with_names(nxt):
        # a byline over body text, its headline printed elsewhere: a story starts here
        story = _Draft("article", block.first, byline=block.text)
        drafts.append(story)
        return story
    fresh = story is not None and story.kind == "article" and not story.body
    if story is None or (shapes.starts_with_dateline(block.text) and not fresh):
        story = _Draft("article", block.first)
        drafts.append(story)
    story.body.append(("p", block.text))
    story.starts.append(block.first)
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


def _attach_heads(drafts: list[_Draft], runs: list[_Placed], may_split: bool = True) -> None:
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
        placed.run.at = bisect_left(firsts, placed.run.blocks[0].first)
    texts = [" ".join(text for _, text in d.body) for d in stories]
    found_all = headlines.attach([placed.run for placed in runs], texts)
    if may_split:
        near = lambda f: stories[max(0, runs[f.run].run.at - 2):runs[f.run].run.at + 2]  # noqa: E731
        # a head printed right above its story does not split it: only a displaced one can
        split = [_split_at_headline(drafts, [stories[f.story]] if f.story is not None else near(f), f.head)
                 for f in found_all if f.head.title and (f.story is None or f.story != runs[f.run].run.after)]
        if any(split):
            return _attach_heads(drafts, runs, may_split=False)
    unclaimed = []
    for found in found_all:
        if found.story is None:
            unclaimed.append(found)
        else:
            _give(stories[found.story], found)
    for found in unclaimed:
        after = runs[found.run].run.after
        ends_run = found.head.last == runs[found.run].run.blocks[-1].last
        if after is not None and ends_run and stories[after].head is None:
            # printed right above a story that no headline claims: its own, by position alone
            _give(stories[after], found, "" if not found.head.title else
                  "AS04 headline attached by position only: its words are not found in the story")
        else:
            drafts.append(_Draft("article", found.head.first, head=found.head,
                                 warnings=["AS02 headline with no matching story"]))


SPLIT_MATCH = 0.5  # a headline this similar to a story's later paragraphs, and under half as
SPLIT_MARGIN = 0.25  # similar (by this margin at least) to the ones before, marks a second story's start


def _split_at_headline(drafts: list[_Draft], candidates: list[_Draft], head: Head) -> bool:
    """Split a story where a headline matches its later part and not its start.

    Without datelines an extractor runs two stories together; the second
    story's headline, printed elsewhere, names the paragraph where it starts.
    """
    best = None
    words = headlines.Words(head.text)  # scored against many stretches of text
    for d in candidates:
        if len(d.body) < 2 or len(d.starts) != len(d.body):
            continue
        for k in range(1, len(d.body)):
            if d.body[k][0] != "p" or d.body[k - 1][0] != "p" or not shapes.ends_sentence(d.body[k - 1][1]):
                continue
            need = SPLIT_MATCH if best is None else max(SPLIT_MATCH, best[0])
            later = headlines.similarity(words, " ".join(t for _, t in d.body[k:k + 3]), need)  # None: under need
            if later is None or later < SPLIT_MATCH or (best is not None and later <= best[0]):
                continue
            earlier = headlines.similarity(words, " ".join(t for _, t in d.body[:k]))
            if later - earlier >= SPLIT_MARGIN and earlier < SPLIT_MATCH / 2:
                best = (later, d, k)
    if best is None:
        return False
    score, d, k = best
    second = _Draft("article", d.starts[k], body=d.body[k:], starts=d.starts[k:],
                    warnings=[f"AS05 split from the story above at a headline's match ({score:.2f})"])
    del d.body[k:], d.starts[k:]
    drafts.append(second)
    return True


def _give(target: _Draft, found: headlines.Attached, warning: str = "") -> None:
    target.head = found.head
    target.first = min(target.first, found.head.first)
    if not found.confident:
        warning = f"AS01 headline attached by similarity {found.score:.2f}, runner-up close"
    if warning:
        target.warnings.append(warning)


def _finish(d: _Draft) -> Item:
    head = d.head or Head(title="")
    return Item(kind=d.kind, first=d.first, column=head.column, title=head.title, subtitle=head.subtitle,
                byline=head.byline or d.byline, credit=d.credit, body=tuple(d.body), warnings=tuple(d.warnings))
