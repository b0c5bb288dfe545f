"""Compose one page from a seed: plan its bands, pick its script, and give its truth.

    page = compose(seed, spec, source)         # a layout.Page
    html.render(page), page.items()            # what Chromium prints, what the truth says

The same seed, spec and pool give the same page. `keep` cuts the page to the
bands listed (what the printer found to fit on one sheet); the draws do not depend on it.
"""

from __future__ import annotations

from functools import lru_cache

from . import stories
from .draw import Draw
from .layout import Band, Page, make_furniture, plan_module
from .model import Block, Item
from .printed import is_cjk
from .stories import Source, Story

MAX_BANDS = 14


def _split_widths(draw: Draw, total: float, count: int, gap: float, shares_range: list[float] | None = None) -> list[float]:
    shares = [draw.uniform(shares_range or [0.7, 1.3]) for _ in range(count)]
    room = total - (count - 1) * gap
    return [room * s / sum(shares) for s in shares]


def plan_band(draw: Draw, page: Page) -> Band:
    """One band drawn from the spec, with the broadsheet shapes laid on it where the spec asks for them."""
    band = _plan_band(draw, page)
    shapes = page.spec.get("broadsheet", {})
    # a chance of 0 still draws a number: skip the pass when every shape is off, so the corpus comes again
    return broadsheet(draw, page, band, shapes) if any(v for k, v in shapes.items() if not k.endswith(("_height", "_chars"))) else band


def _plan_band(draw: Draw, page: Page) -> Band:
    spec, source = page.spec["bands"], page.source
    kind = draw.weighted(spec["kind"])
    width = page.content_width
    if kind == "full":
        story = stories.make_article(draw, source) if draw.chance(0.93) else stories.make_note(draw, source)
        return Band(kind, [plan_module(story, width, int(draw.weighted(spec["full_columns"])), page, draw)])
    if kind == "split":
        count = int(draw.weighted(spec["split_modules"]))
        modules, photos = [], []
        shares = page.spec.get("broadsheet", {}).get("split_shares")
        for module_width in _split_widths(draw, width, count, page.gap, shares):
            what = draw.weighted(spec["split_module"])
            if what == "photo" and source.own_captions:  # made once the articles beside it are
                photos.append((len(modules), module_width))
                modules.append(None)
                continue
            if what == "photo":
                modules.append(plan_module(stories.make_photo(draw, source), module_width, 1, page, draw))
                continue
            story = stories.make_article(draw, source) if what == "article" else stories.make_note(draw, source)
            columns = max(1, min(int(draw.weighted(spec["split_columns"])), int(module_width // 45)))
            modules.append(plan_module(story, module_width, columns, page, draw))
        for at, module_width in photos:
            host = _nearest_article(modules, at)
            modules[at] = plan_module(stories.make_photo(draw, source, host), module_width, 1, page, draw)
        return Band(kind, modules)
    if kind == "briefs":
        count = draw.integer(spec["briefs"])
        run = draw.chance(spec["briefs_headline_run"])
        modules = [plan_module(stories.make_article(draw, source, brief=True), w, 1, page, draw, "above")
                   for w in _split_widths(draw, width, count, page.gap)]
        return Band(kind, modules, run=run and all(m.story.item.title for m in modules))
    share = draw.uniform(spec["photo_width"])
    if source.own_captions:  # the photo tells the story beside it
        story = stories.make_article(draw, source)
        photo = stories.make_photo(draw, source, story)
    else:
        photo = stories.make_photo(draw, source)
    tallest = 0.4 * (page.height - 2 * page.margin)
    photo = plan_module(photo, min(width * share, tallest / photo.hints["aspect"]), 1, page, draw)
    rest = width - photo.width - page.gap
    if not source.own_captions:
        story = stories.make_article(draw, source)
    columns = max(1, min(int(draw.weighted(spec["split_columns"])), int(rest // 45)))
    other = plan_module(story, rest, columns, page, draw)
    return Band(kind, [photo, other] if draw.chance(0.5) else [other, photo])


def broadsheet(draw: Draw, page: Page, band: Band, spec: dict) -> Band:
    """Shapes real broadsheets have and the plain draws make rarely: each drawn with its own chance.

    staggered: a story set under another, its top mid-band beside the band's taller columns;
    two_rounds: a story's body broken mid-paragraph into a second round of columns under the first;
    one_line_chunks: a story's body set with a line height (chunk_line_height) that pdfminer deals line by line;
    wide_head: a headline across the module over a narrower body, the story's photo beside the body.
    """
    source = page.source
    if band.kind == "split" and len(band.modules) >= 2 and draw.chance(spec.get("staggered", 0)):
        host = band.modules[draw.integer([0, len(band.modules) - 1])]
        if host.story.item.kind == "article" and host.below is None:
            story = stories.make_article(draw, source, brief=draw.chance(0.5))
            host.below = plan_module(story, host.width, host.columns, page, draw, "above")
            host.height += host.below.height
    for at, module in enumerate(band.modules):
        if module.story.item.kind != "article":
            continue
        if (band.kind == "full" and module.columns >= 2 and module.placement == "above" and not module.inline
                and draw.chance(spec.get("wide_head", 0))):
            module = band.modules[at] = _wide_head(draw, page, module)
        if module.columns >= 2 and draw.chance(spec.get("two_rounds", 0)):
            module.round_cut = _round_cut(draw, module)
            module.height += page.body_pt * 2
        if draw.chance(spec.get("one_line_chunks", 0)):
            module.line_height = draw.uniform(spec["chunk_line_height"])
            module.height *= module.line_height / page.line_height
    return band


def _wide_head(draw: Draw, page: Page, module):
    """The module again with its body in fewer columns under a headline as wide as before, a photo beside."""
    share = draw.uniform([0.55, 0.75])
    columns = max(1, round(module.columns * share))
    narrow = plan_module(module.story, module.width * share - page.gap / 2, columns, page, draw, "above")
    narrow.inline = None
    narrow.title_font, narrow.subtitle_font = module.title_font, module.subtitle_font
    photo = stories.make_photo(draw, page.source, module.story)
    narrow.aside = plan_module(photo, module.width * (1 - share) - page.gap / 2, 1, page, draw)
    narrow.height = max(narrow.height, narrow.aside.height + 20)
    return narrow


def _round_cut(draw: Draw, module) -> tuple[int, int] | None:
    """Where the body goes on in its second round: a paragraph near the middle, cut between two CJK characters."""
    paragraphs = [b.text for b in module.story.item.blocks if b.role in ("body", "heading")]
    total = sum(len(t) for t in paragraphs)
    mark, seen = total * draw.uniform([0.35, 0.65]), 0
    for n, text in enumerate(paragraphs):
        if seen + len(text) >= mark and len(text) > 12 and n:
            cuts = [k for k in range(4, len(text) - 4) if is_cjk(text[k - 1]) and is_cjk(text[k])]
            if cuts:
                return n, cuts[min(len(cuts) - 1, max(0, int(mark - seen) - 4))]
        seen += len(text)
    return None


def _nearest_article(modules: list, at: int) -> Story | None:
    """The story of the article module nearest `at` in a band (the earlier one of two as near)."""
    near = sorted((abs(k - at), k) for k, m in enumerate(modules) if m and m.story.item.kind == "article")
    return modules[near[0][1]].story if near else None


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(story: Story) -> None:
    convert = _s2t().convert
    story.item = Item(story.item.kind, tuple(Block(b.role, convert(b.text)) for b in story.item.blocks))
    for key in ("head", "foot"):
        if key in story.hints:
            story.hints[key] = [[convert(box) for box in row] for row in story.hints[key]]


def compose(seed: int, spec: dict, source: Source, keep: list[int] | None = None, index: int = 0) -> Page:
    """The page drawn from `seed`; with `keep`, only the bands of those indices. index: the page's
    number in its set, for draws that only later pages make (so earlier pages come again unchanged)."""
    draw = Draw(seed)
    source.used.clear()
    source.captioned.clear()
    source.one_phrase = stories.one_phrase_share(spec, index)
    source.own_captions = stories.own_story_captions(spec, index)
    ps, ts = spec["page"], spec["type"]
    page = Page(
        seed=seed, width=draw.uniform(ps["width_mm"]), height=draw.uniform(ps["height_mm"]),
        margin=draw.uniform(ps["margin_mm"]), gap=draw.uniform(ps["column_gap_mm"]),
        body_pt=draw.uniform(ts["body_pt"]), line_height=draw.uniform(ts["line_height"]),
        caption_pt=draw.uniform(ts["caption_pt"]), body_font=draw.weighted(ps["body_font"]),
        head_font=draw.weighted(ps["head_font"]), traditional=draw.chance(ps["traditional"]),
        autospace_css=draw.chance(ps["autospace_css"]), furniture=Story(Item("furniture", ())),
        spec=spec, source=source,
    )
    shapes = spec.get("broadsheet", {})
    if shapes.get("grid") and draw.chance(shapes["grid"]):
        page.grid_chars = draw.integer(shapes["grid_chars"])
    page.furniture = make_furniture(draw, source)
    room = page.height - 2 * page.margin - 14 - (6 if page.furniture.hints["foot"] else 0)
    target, used = room * draw.uniform(ps["fill"]), 0.0
    while used < target and len(page.bands) < MAX_BANDS:
        band = plan_band(draw, page)
        page.bands.append(band)
        used += band.height
    if keep is not None:
        page.bands = [page.bands[i] for i in keep if i < len(page.bands)]
    if page.traditional:
        for story in page_stories(page):
            _traditional(story)
    return page


def page_stories(page: Page) -> list[Story]:
    out = [page.furniture]
    for band in page.bands:
        for module in band.modules:
            out.extend(module.stories())
    return out
