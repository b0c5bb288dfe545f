"""Stories while they are assembled, and the repairs made on each once its headline is known."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon, shapes, wordmatch
from .heads import Head
from .join import glue
from .model import Item

_LEX = lexicon.load()


@dataclass(eq=False)  # a draft is itself: `in` and remove() must not compare contents
class Draft:
    """An item while it is being assembled (mutable; assembly and the repairs below change it)."""

    kind: str
    first: int
    head: Head | None = None
    body: list[tuple[str, str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each body entry's first dump line
    spans: list[tuple[tuple[int, int], ...]] = field(default_factory=list)  # each body entry's blocks' dump lines
    credit: str = ""
    byline: str = ""  # printed over the body, its headline elsewhere
    byline_span: tuple[tuple[int, int], ...] = ()  # its dump lines, as runs (model.Block.line_runs)
    credit_span: tuple[tuple[int, int], ...] = ()
    warnings: list[str] = field(default_factory=list)
    broke_from: Draft | None = None  # opened, without a dateline, inside this running story
    after_photo: bool = False  # opened after a photo (else by a source named: 据……报道)
    width_change: bool = False  # opened where the text moves to a column of another width
    head_run: int | None = None  # the head run its headline came from
    by_place: bool = False  # its headline given by its place in a stack's order alone (AS49): its words tell nothing of the text


def repair(draft: Draft, drafts: list[Draft]) -> None:
    """The repairs that need a story's whole text and headline; new photo items go to drafts."""
    rejoin_odd_headings(draft)
    lone_sentence_is_caption(draft)
    foreign_paragraphs_are_captions(draft, drafts)
    rejoin_cut_sentences(draft, drafts)


def lone_sentence_is_caption(draft: Draft) -> None:
    """A headless "article" of one event sentence (近日，……活动。) is a caption printed without credit;
    so is one short paragraph that opens as a caption does, with its time or a dateline naming no writer.

    >>> lone = lambda text: Draft("article", 1, body=[("p", text)])
    >>> for text in ("北京时间6月12日凌晨，世界杯正式开赛。商圈大屏循环滚动赛事赛程。", "新华社北京6月11日电工业和信息化部约谈车企。",
    ...              "本报讯（记者 郑林）近日，社区开展活动。居民纷纷点赞。", "二、以满足民生需求为目标。"):
    ...     draft = lone(text); lone_sentence_is_caption(draft); print(draft.kind)
    photo
    photo
    article
    article
    """
    if draft.kind != "article" or draft.head is not None or draft.byline or len(draft.body) != 1:
        return
    text = draft.body[0][1]
    if shapes.is_event_sentence(text):
        draft.kind = "photo"
        draft.warnings.append("AS07 a lone sentence with no headline taken as a caption printed without credit")
    elif draft.body[0][0] == "p" and len(text) <= LONE_CAPTION_MAX and shapes.ends_paragraph(text) \
            and shapes.opens_as_caption(text):
        draft.kind = "photo"
        draft.warnings.append("AS26 a lone paragraph with no headline, opening as a caption does, taken as a caption printed without credit")


LONE_CAPTION_MAX = 200  # characters: a caption printed without credit runs to a few sentences, no more


FOREIGN_MIN = 18  # characters: a shorter paragraph may well share no word with its story
FOREIGN_MIN_STORY = 3  # paragraphs a story needs before one of them can be told foreign to it
FOREIGN_MIN_REST = 200  # characters of the rest of the story: less shares no word with a paragraph too often


def foreign_paragraphs_are_captions(draft: Draft, drafts: list[Draft]) -> None:
    """A paragraph that shares not one word pair with the rest of its story is a caption printed without credit.

    Every paragraph of a story names something the others name too (a
    person, a place, the topic); a caption printed among its paragraphs
    describes a picture of something else. A short story is not evidence
    enough: a closing notice may share no word with a few lines.
    """
    if draft.kind != "article" or len(draft.body) < FOREIGN_MIN_STORY or len(draft.starts) != len(draft.body):
        return
    whole = shapes.squeeze(" ".join([draft.head.text if draft.head else ""] + [text for _, text in draft.body]))
    for k in range(len(draft.body) - 1, 0, -1):
        kind, text = draft.body[k]
        if kind != "p" or len(text) < FOREIGN_MIN or not shapes.ends_paragraph(text) or shapes.starts_with_dateline(text):
            continue
        own = shapes.squeeze(text)
        if len(whole) - len(own) < FOREIGN_MIN_REST or _pair_found_elsewhere(own, whole):
            continue
        drafts.append(Draft("photo", draft.starts[k], body=[("p", text)], spans=[draft.spans[k]],
                             warnings=["AS10 a paragraph sharing no word with its story taken as a caption printed without credit"]))
        del draft.body[k], draft.starts[k], draft.spans[k]


def _pair_found_elsewhere(own: str, whole: str) -> bool:
    """Whether a word pair of `own` occurs in `whole` more often than in `own` (whole holds own).

    It stops at the first such pair: most paragraphs share one within a few characters.
    """
    for i in range(len(own) - 1):
        pair = own[i:i + 2]
        if wordmatch.is_word_pair(pair) and whole.count(pair) > own.count(pair):
            return True
    return False


CUT_FOREIGN = 0.03  # under this share of its word pairs found in the story so far, a paragraph is not its own


def rejoin_cut_sentences(draft: Draft, drafts: list[Draft]) -> None:
    """A paragraph or "heading" ending on a conjunction or particle (……新通道和) goes on in the next paragraph.

    If the next paragraph is a whole one that shares (almost) no word with the
    story so far, and the one after it does, the sentence goes on there and the
    foreign one is a caption printed inside it, without credit.
    """
    if draft.kind != "article" or len(draft.starts) != len(draft.body):
        return
    body, k = draft.body, 0
    while k < len(body) - 1:
        text = body[k][1]
        if text[-1:] not in _LEX.dangling_ends or body[k + 1][0] != "p":
            k += 1
            continue
        so_far = " ".join([draft.head.text if draft.head else ""] + [t for _, t in body[:k + 1]])
        middle = body[k + 1][1]
        if (k + 2 < len(body) and body[k + 2][0] == "p" and shapes.ends_paragraph(middle)
                and wordmatch.shared_share(middle, so_far) < CUT_FOREIGN <= wordmatch.shared_share(body[k + 2][1], so_far)):
            drafts.append(Draft("photo", draft.starts[k + 1], body=[("p", middle)], spans=[draft.spans[k + 1]],
                                 warnings=["AS12 a paragraph foreign to the sentence it interrupts taken as a caption"]))
            del body[k + 1], draft.starts[k + 1], draft.spans[k + 1]
        if shapes.starts_with_dateline(body[k + 1][1]):
            k += 1
            continue
        body[k:k + 2] = [("p", glue(text, body[k + 1][1]))]
        del draft.starts[k + 1]
        draft.spans[k:k + 2] = [draft.spans[k] + draft.spans[k + 1]]
        draft.warnings.append(f"AS12 a paragraph cut after “{text[-6:]}” rejoined to the one it goes on in")


def rejoin_odd_headings(draft: Draft) -> None:
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
            draft.spans[k:k + 2] = [draft.spans[k] + draft.spans[k + 1]]
            draft.warnings.append(f"AS03 a heading unlike its siblings rejoined to the paragraph after it: {text[:12]}")


def finish(d: Draft) -> Item:
    head = d.head or Head(title="")
    body, warnings, spans = d.body, d.warnings, d.spans
    if head.byline and d.byline:  # two printed bylines (the same name, it may be): neither may be lost
        body, spans = [("p", d.byline), *body], [d.byline_span, *spans]
        warnings = [*warnings, "AS13 a byline printed over the body, beside the headline's own, kept as the first paragraph"]
    return Item(kind=d.kind, first=d.first, column=head.column, title=head.title, subtitle=head.subtitle,
                byline=head.byline or d.byline, credit=d.credit, body=tuple(body), warnings=tuple(warnings),
                spans=_item_spans(d, head, body, spans))


def _item_spans(d: Draft, head: Head, body: list[tuple[str, str]], spans: list) -> tuple[tuple[int, int, str], ...]:
    """Each block's dump lines and what the item made of it, in the item's reading order."""
    text_role = "caption" if d.kind == "photo" else "body"
    out = list(head.spans)
    if d.byline and not head.byline:
        out.extend((first, last, "byline") for first, last in d.byline_span)
    for (kind, _), blocks in zip(body, spans):
        out.extend((first, last, "heading" if kind == "h2" else text_role) for first, last in blocks)
    if d.credit:
        out.extend((first, last, "credit") for first, last in d.credit_span)
    return tuple(out)
