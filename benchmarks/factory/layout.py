"""Plan one page: its size and type, running head and foot, and bands of story modules.

The plan is pure data drawn from the spec; `html.py` turns it into HTML. Heights are
estimates (characters per line × lines): the printer drops the last bands of a page that
comes out longer than one sheet, so the plan only needs to be roughly full.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import stories
from .draw import Draw
from .model import Block, Item
from .printed import is_cjk
from .stories import Source, Story

MM_PER_PT = 25.4 / 72
_FULL_WIDTH_PUNCT = set("，。、；：“”‘’（）《》！？—…·")
_PAIRS = ("“”", "‘’", "（）", "《》")


def width_em(text: str) -> float:
    """Printed width in em: CJK and full-width marks 1, ASCII about half."""
    return sum(1.0 if is_cjk(ch) or ch in _FULL_WIDTH_PUNCT or ord(ch) > 0x2E80 else 0.3 if ch == " " else 0.55
               for ch in text)


@dataclass
class Module:
    """One story set in `columns` columns of `chars` characters, `width` mm wide."""

    story: Story
    width: float
    columns: int = 1
    font: float = 3.5          # body type size, mm
    chars: int = 20
    placement: str = "above"
    head_share: float = 0.3
    title_font: float = 6.0
    subtitle_font: float = 4.0
    inline: Story | None = None
    inline_at: int = 0
    inline_span: bool = False
    height: float = 0.0
    # Broadsheet shapes (spec [broadsheet]; off on the fit corpus):
    line_height: float = 0.0   # the body's own line height (wide enough, pdfminer deals one line per chunk)
    round_cut: tuple[int, int] | None = None   # (paragraph, character): the body goes on in a second round of columns
    aside: "Module | None" = None   # a photo beside a body narrower than its headline (the headline spans both)
    below: "Module | None" = None   # a story set under this one, beside the band's taller columns

    def stories(self) -> list[Story]:
        """This module's stories in truth order: the story, its inline photo, the aside, then the story below."""
        out = [self.story] + ([self.inline] if self.inline else [])
        out += self.aside.stories() if self.aside else []
        return out + (self.below.stories() if self.below else [])


@dataclass
class Band:
    kind: str
    modules: list[Module]
    run: bool = False          # briefs whose headlines all follow the bodies in the DOM

    @property
    def height(self) -> float:
        return max(m.height for m in self.modules) + 4


@dataclass
class Page:
    seed: int
    width: float
    height: float
    margin: float
    gap: float
    body_pt: float
    line_height: float
    caption_pt: float
    body_font: str
    head_font: str
    traditional: bool
    autospace_css: bool
    furniture: Story
    spec: dict = field(repr=False, default_factory=dict)
    source: Source | None = field(repr=False, default=None)
    bands: list[Band] = field(default_factory=list)
    grid_chars: int = 0        # a page set on one column grid: every body column this many characters at body size

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin

    def items(self) -> list[Item]:
        """The page's truth items: furniture, then each band's stories left to right."""
        out = [self.furniture.item] if self.furniture.item.blocks else []
        for band in self.bands:
            for module in band.modules:
                out.extend(story.item for story in module.stories())
        return out


def make_furniture(draw: Draw, source: Source) -> Story:
    """Running head (one or two printed lines) and foot; one paragraph per printed line."""
    spec = source.spec["furniture"]
    paper, section = draw.choice(spec["papers"]), draw.choice(spec["sections"])
    year, month, day = draw.integer([2012, 2025]), draw.integer([1, 12]), draw.integer([1, 28])
    date = f"{year}年{month}月{day}日 {draw.choice(spec['weekdays'])}"
    number = f"第{draw.integer([1, 16])}版"
    rows = int(draw.weighted(spec["head_rows"]))
    if rows == 1:
        boxes = [number, section, paper, date]
        if draw.chance(0.5):
            boxes = [paper, date, number, section]
        head = [boxes]
    else:
        head = [[paper], [date, number, section] if draw.chance(0.5) else [number, section, date]]
    foot = []
    if draw.chance(spec["foot"]):
        foot = [[stories.fill(draw, draw.weighted(spec["foot_forms"]), source)]]
    lines = [" ".join(" ".join(boxes).split()) for boxes in head + foot]
    item = Item("furniture", tuple(Block("furniture", line) for line in lines))
    return Story(item, {"head": head, "foot": foot})


def _title_fit(module: Module, page: Page, draw: Draw) -> None:
    """Headline type sizes that set each headline line on one line of its box."""
    item = module.story.item
    spec = page.spec["type"]
    title = draw.uniform(spec["title_pt"]) * MM_PER_PT
    subtitle = draw.uniform(spec["subtitle_pt"]) * MM_PER_PT
    if module.placement == "vertical":
        module.title_font, module.subtitle_font = min(title, 10.0), min(subtitle, 6.0)
        lines = len(item.texts("title")) * module.title_font * 1.3 + (module.subtitle_font * 1.5 if item.subtitle else 0)
        module.head_share = (lines + 4) / module.width
        return
    longest = max((width_em(t) for t in item.texts("title")), default=1)
    if module.placement == "beside" and (module.width * module.head_share - 2) / longest < 1.4 * page.body_pt * MM_PER_PT:
        module.placement = "above"  # too narrow a box for a headline beside its story
    box = module.width * (module.head_share if module.placement == "beside" else 1.0) - 2
    module.title_font = min(title, box / max(longest, 1) / 1.04)
    sub = width_em(item.subtitle) if item.subtitle else 1
    module.subtitle_font = min(subtitle, box / sub / 1.04, module.title_font * 0.85)


def _set_columns(module: Module, page: Page, columns: int) -> None:
    """Columns of a whole number of characters, none narrower than the spec allows."""
    target = page.body_pt * MM_PER_PT
    minimum = page.spec["type"]["min_chars_per_line"]
    width = module.width * (1 - module.head_share if module.placement in ("beside", "vertical") else 1)
    if page.grid_chars:  # the page's grid: one measure and type size for every story's columns, as broadsheets set them
        module.font = page.body_pt * MM_PER_PT
        module.chars = page.grid_chars
        module.columns = max(1, int((width + page.gap) // (module.chars * module.font + page.gap)))
        return
    while True:
        column = (width - (columns - 1) * page.gap) / columns
        chars = round(column / target)
        if chars >= minimum or columns == 1:
            break
        columns -= 1
    module.columns, module.chars = columns, max(chars, 4)
    module.font = column / module.chars


def _flush(module: Module, draw: Draw, spec: dict) -> None:
    """Cut some all-CJK paragraphs so that they end exactly at the column edge."""
    hints = module.story.hints
    if hints.get("halfwidth") or hints.get("autospace"):
        return
    blocks = list(module.story.item.blocks)
    for i, block in enumerate(blocks):
        text = block.text
        if block.role != "body" or not draw.chance(spec["flush_paragraph"]) or len(text) < module.chars:
            continue
        if not all(is_cjk(ch) or ch in _FULL_WIDTH_PUNCT for ch in text):
            continue
        cut = flush_cut(text, module.chars)
        if cut:
            blocks[i] = Block("body", cut)
    module.story.item = Item(module.story.item.kind, tuple(blocks))


def flush_cut(text: str, chars: int) -> str:
    """The paragraph cut at a clause end so that, after its two-character indent, it fills its last line.

    Only where a mark ends a clause (a ，；： becomes 。) and no quote or bracket is left open;
    the longest such cut, or "" when there is none.

    >>> flush_cut("一二三四五六，七八九十一。二三四五六七", 5)
    '一二三四五六，七八九十一。'
    >>> flush_cut("一二三四五六七，九十一二三四五六七八", 5)
    '一二三四五六七。'
    >>> flush_cut("一二三四“五六，七八”九十一二三四五", 5)
    ''
    """
    for lines in range((len(text) + 2) // chars, 0, -1):
        end = lines * chars - 2
        head = text[:end]
        if end > 4 and head[-1] in "。！？，；：" and all(head.count(a) == head.count(b) for a, b in _PAIRS):
            return head[:-1] + ("。" if head[-1] in "，；：" else head[-1])
    return ""


def _estimate(module: Module, page: Page) -> None:
    item, lh = module.story.item, page.line_height
    head = sum(module.title_font * 1.3 for _ in item.texts("title")) + (module.subtitle_font * 1.5 if item.subtitle else 0)
    head += (module.font * 1.8 if item.byline else 0) + (module.font * 2 if item.column else 0) + 3
    lines = 0.0
    for role, text in item.paragraphs:
        lines += 1.6 if role == "heading" else math.ceil((width_em(text) + 2) / module.chars)
    if item.kind == "photo":
        lines = 0
        head = module.width * module.story.hints["aspect"] + caption_height(module.story, module.width, page)
    column_width = module.font * module.chars
    extra = 0.0
    if module.inline:
        picture = column_width * module.inline.hints["aspect"] + caption_height(module.inline, column_width, page)
        if module.inline_span:
            wide = module.width * 0.9
            extra = wide * module.inline.hints["aspect"] + caption_height(module.inline, wide, page)
        else:
            lines += picture / (module.font * lh)
    body = math.ceil(lines / module.columns) * module.font * lh + extra
    if module.placement == "vertical":
        tallest = max((len(t) for t in item.texts("title") + item.texts("subtitle")), default=0)
        module.height = max(tallest * module.title_font * 1.02 + 4, body + (module.font * 1.8 if item.byline else 0))
    elif module.placement == "beside":
        module.height = max(head, body)
    else:
        module.height = head + body


def caption_height(story: Story, width: float, page: Page) -> float:
    size = page.caption_pt * MM_PER_PT
    chars = max(4, int(width / size))
    text = " ".join(t for _, t in story.item.paragraphs) + " " + story.item.credit
    return (math.ceil(width_em(text) / chars) + 1) * size * 1.45 + 2


def plan_module(story: Story, width: float, columns: int, page: Page, draw: Draw, placement: str | None = None) -> Module:
    module = Module(story, width)
    spec = page.spec
    item = story.item
    if item.kind == "article" and item.title:
        module.placement = placement or draw.weighted(spec["headline"]["placement"])
        if module.placement == "vertical" and (len(item.title) > 16 or columns < 2):
            module.placement = "beside"
        if module.placement == "beside" and width < 90:
            module.placement = "above"
        story.hints["head_right"] = module.placement == "vertical" or draw.chance(0.5)
        story.hints["head_last"] = draw.chance(0.5)
        module.head_share = draw.uniform(spec["headline"]["beside_share"])
    _title_fit(module, page, draw)
    _set_columns(module, page, columns)
    if item.kind == "article":
        own = page.source.own_captions  # (its caption tells the story as printed: cut first)
        if own:
            _flush(module, draw, spec["story"])
        if draw.chance(spec["photo"]["inline"]) and module.chars >= 10:
            module.inline = stories.make_photo(draw, page.source, story)
            module.inline_at = draw.integer([1, max(1, len(item.paragraphs) - 1)])
            module.inline_span = module.columns > 1 and draw.chance(spec["photo"]["inline_span"])
        if not own:
            _flush(module, draw, spec["story"])
    _estimate(module, page)
    return module
