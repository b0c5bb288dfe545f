"""Blocks with roles -> items: stories opened and closed, headlines re-attached, captions apart."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from . import headlines, shapes
from .headlines import Head
from .model import Block, Item

_HEAD_ROLES = frozenset({"column", "headline", "byline"})
_DATELINE_NAMES_RE = regex.compile(r"^[^（(]{1,20}[（(][^）)]{2,30}[）)]")


@dataclass
class _Draft:
    """An item while it is being assembled (mutable, local to this module)."""

    kind: str
    first: int
    head: Head | None = None
    body: list[tuple[str, str]] = field(default_factory=list)
    credit: str = ""
    open: bool = True
    warnings: list[str] = field(default_factory=list)


def split_run_in_credits(blocks: list[Block]) -> list[Block]:
    """A caption ending in a run-in credit (……推动作用。 本报记者 杨翠叶) becomes caption + credit."""
    out: list[Block] = []
    for block in blocks:
        match = shapes.RUN_IN_CREDIT_RE.match(block.text) if block.role == "caption" else None
        if match:
            out.append(replace(block, text=match["caption"]))
            out.append(replace(block, text=match["credit"], role="credit", gap_before=0))
        else:
            out.append(block)
    return out


def assemble(blocks: list[Block]) -> list[Item]:
    drafts: list[_Draft] = []
    orphans: list[Head] = []
    story: _Draft | None = None  # the article or note that body text continues
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.role in _HEAD_ROLES and not _loose_byline(block, blocks, i):
            j = _head_end(blocks, i)
            *earlier, group = headlines.split_run(blocks[i:j])
            orphans.extend(headlines.build_head(g) for g in earlier)
            nxt = blocks[j] if j < len(blocks) else None
            if _is_section_heading(group, story, nxt) and not earlier:
                story.body.append(("h2", group[0].text))
            else:
                head = headlines.build_head(group)
                if nxt is not None and nxt.role == "body" and not _conflicts(head, nxt):
                    story = _Draft("article", head.first, head=head)
                    drafts.append(story)
                else:
                    orphans.append(head)
                    if story is not None:
                        story.open = False
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
            drafts.append(story)
        else:
            story = _continue_or_open(story, block, drafts)
        i += 1
    _attach_orphans(drafts, orphans)
    return [_finish(d) for d in sorted(drafts, key=lambda d: d.first)]


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
    """One headline line between two paragraphs of a running story heads a section."""
    if len(group) != 1 or group[0].role != "headline" or story is None or not story.open:
        return False
    if not story.body or story.kind != "article" or nxt is None or nxt.role != "body":
        return False
    return not shapes.starts_with_dateline(nxt.text) and not shapes.is_subtitle_dash(group[0].text)


def _conflicts(head: Head, body: Block) -> bool:
    """A head with its own byline is not the head of a story whose dateline names its writers."""
    return bool(head.byline) and shapes.starts_with_dateline(body.text) and bool(_DATELINE_NAMES_RE.match(body.text))


def _continue_or_open(story: _Draft | None, block: Block, drafts: list[_Draft]) -> _Draft:
    if block.role == "byline" and story is not None and story.head and not story.body and not story.head.byline:
        story.head = replace(story.head, byline=block.text)
        return story
    fresh_head = story is not None and story.head is not None and not story.body and story.kind == "article"
    if story is None or not story.open or (shapes.starts_with_dateline(block.text) and not fresh_head):
        story = _Draft("article", block.first)
        drafts.append(story)
    story.body.append(("p", block.text))
    return story


def _split_note_opener(text: str) -> tuple[str, str]:
    """编者按 as printed (with its brackets or colon) is the title; the rest is the note's text."""
    match = shapes.NOTE_RE.match(text)
    if not match:
        return text, ""
    return match.group().strip(), text[match.end():].strip()


def _attach_orphans(drafts: list[_Draft], orphans: list[Head]) -> None:
    """Give each headline printed away from its story to the story it describes best."""
    headless = [d for d in drafts if d.kind == "article" and d.head is None and d.body]
    texts = [" ".join(text for _, text in d.body) for d in headless]
    matches = headlines.assign(orphans, texts, [d.first for d in headless])
    for h, head in enumerate(orphans):
        if h in matches:
            s, score, confident = matches[h]
            target = headless[s]
            target.head = head
            target.first = min(target.first, head.first)
            if not confident:
                target.warnings.append(f"AS01 headline attached by similarity {score:.2f}, runner-up close")
        else:
            drafts.append(_Draft("article", head.first, head=head,
                                 warnings=["AS02 headline with no matching story"]))


def _finish(d: _Draft) -> Item:
    head = d.head or Head(title="")
    return Item(kind=d.kind, first=d.first, column=head.column, title=head.title, subtitle=head.subtitle,
                byline=head.byline, credit=d.credit, body=tuple(d.body), warnings=tuple(d.warnings))
