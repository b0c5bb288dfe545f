"""A planned page -> one HTML document that Chromium prints on one sheet.

What is printed is each block's truth text put through the story's print choices
(`printed.py`). DOM order is the order content-stream extractors emit: a headline set
after its body in the DOM but placed on top by grid rows comes out after the story.
"""

from __future__ import annotations

import base64
from html import escape
from html.parser import HTMLParser

from .layout import MM_PER_PT, Band, Module, Page
from .model import Block
from .printed import autospace, halfwidth_punctuation, phrase_spaces, spread_names
from .stories import Story

_CSS = """
@page {{ size: {w:.1f}mm {h:.1f}mm; margin: 0 }}
html, body {{ margin: 0; padding: 0 }}
body {{ font-family: "{body_font}"; font-size: {body:.2f}mm; line-height: {lh:.2f}; {autospace} }}
.page {{ width: {w:.1f}mm; height: {inner_h:.1f}mm; padding: {m:.1f}mm; box-sizing: border-box;
  display: flex; flex-direction: column }}
.head {{ font-family: "{head_font}"; border-bottom: 0.8mm double #000; padding-bottom: 1.5mm; margin-bottom: 1mm }}
.head .row {{ display: flex; justify-content: space-between; align-items: baseline; font-size: 3.6mm }}
.head .paper {{ font-size: 8mm; font-weight: 900 }}
.bands {{ flex: 1 0 auto }}
.band {{ display: grid; column-gap: {gap:.1f}mm; border-top: 0.3mm solid #000; padding-top: 2.5mm; margin-top: 1.5mm }}
.band:first-child {{ border-top: none }}
.hl {{ font-family: "{head_font}"; font-weight: 700; white-space: nowrap; line-height: 1.25 }}
.sub {{ white-space: nowrap; line-height: 1.45 }}
.by {{ white-space: nowrap; font-family: "Noto Sans CJK SC"; margin: 0.5mm 0 1.5mm }}
.col {{ display: inline-block; border: 0.35mm solid #000; padding: 0.2mm 1.5mm; margin-bottom: 1.5mm;
  font-family: "{head_font}"; font-weight: 700 }}
.headbox {{ margin-bottom: 2mm }}
.body {{ text-align: justify; column-fill: balance }}
.body p {{ margin: 0; text-indent: 2em }}
.body h4 {{ margin: 0.4em 0; font-size: 1.05em; text-align: center; font-weight: 700; break-after: avoid }}
.vert {{ writing-mode: vertical-rl; font-family: "{head_font}"; font-weight: 700; white-space: nowrap }}
figure {{ margin: 1mm 0 2mm; break-inside: avoid }}
figure img, figure .img {{ display: block; width: 100% }}
figure .img {{ background: #ccc }}
.cap {{ font-size: {cap:.2f}mm; line-height: 1.45; text-align: justify; margin-top: 1mm }}
.credit {{ font-size: {cap:.2f}mm; text-align: right }}
.note {{ border: 0.4mm solid #000; padding: 2mm }}
.note .nt {{ font-family: "{head_font}"; font-weight: 700; font-size: 1.3em; margin-bottom: 1mm }}
.foot {{ border-top: 0.3mm solid #000; margin-top: 2mm; padding-top: 1mm; font-size: 3mm;
  display: flex; justify-content: space-between }}
"""


def printed(block: Block, hints: dict) -> str:
    """The block's text as this story prints it."""
    text = block.text
    if block.role in ("title", "subtitle", "column"):
        text = phrase_spaces(text, hints.get("phrase_space", "single"))
    if block.role == "byline" and hints.get("spread"):
        text = spread_names(text)
    if block.role in ("body", "heading", "caption", "title", "subtitle") and hints.get("halfwidth"):
        text = halfwidth_punctuation(text)
    if block.role in ("body", "caption") and hints.get("autospace"):
        text = autospace(text)
    return escape(text, quote=False)


def _picture(story: Story, width: float, with_images: bool) -> str:
    height = width * story.hints["aspect"]
    if not with_images:
        return f'<div class="img" style="height:{height:.1f}mm"></div>'
    from . import images  # Pillow only where pictures are drawn

    data = images.picture(story.hints["image_seed"], width, height)
    return f'<img style="height:{height:.1f}mm" src="data:image/jpeg;base64,{base64.b64encode(data).decode()}">'


def _caption(story: Story) -> str:
    item, hints = story.item, story.hints
    caption = "".join(printed(b, hints) for b in item.blocks if b.role == "caption")
    credit = item.credit and escape(item.credit, quote=False)
    if hints["credit"] == "run_in" and credit:
        return f'<div class="cap">{caption} {credit}</div>'
    html = f'<div class="cap">{caption}</div>'
    return html + (f'<div class="credit">{credit}</div>' if credit else "")


def figure(story: Story, width: float, with_images: bool, span: bool = False) -> str:
    style = ' style="column-span:all"' if span else ""
    return f"<figure{style}>{_picture(story, width, with_images)}{_caption(story)}</figure>"


def _headbox(module: Module, vertical: bool = False) -> str:
    story, item = module.story, module.story.item
    hints = story.hints
    parts = []
    for block in item.blocks:
        text = printed(block, hints)
        if block.role == "column" and not vertical:
            parts.append(f'<div class="col">{text}</div>')
        elif block.role == "title":
            parts.append(f'<div class="hl" style="font-size:{module.title_font:.2f}mm">{text}</div>')
        elif block.role == "subtitle":
            parts.append(f'<div class="sub" style="font-size:{module.subtitle_font:.2f}mm">{text}</div>')
        elif block.role == "byline" and not vertical:
            parts.append(f'<div class="by" style="font-size:{module.font:.2f}mm">{text}</div>')
    cls = "vert" if vertical else "headbox"
    return f'<div class="{cls}">{"".join(parts)}</div>'


def _body(module: Module, page: Page, with_images: bool, byline_inside: bool = False) -> str:
    story = module.story
    parts = []
    if byline_inside:
        for block in story.item.blocks:
            if block.role in ("byline", "column"):
                parts.append(f'<div class="by">{printed(block, story.hints)}</div>')
    paragraphs = [b for b in story.item.blocks if b.role in ("body", "heading")]
    column = module.font * module.chars
    style = f"column-count:{module.columns};column-gap:{page.gap:.1f}mm;font-size:{module.font:.3f}mm"
    if module.line_height:
        style += f";line-height:{module.line_height:.2f}"
    if page.grid_chars:  # columns of the grid's measure exactly (1.01: room for the justifier), what the module leaves over stays white
        style += f";width:{module.columns * module.chars * module.font * 1.01 + (module.columns - 1) * page.gap:.2f}mm"
    rounds = []
    for n, block in enumerate(paragraphs):
        if module.inline and n == module.inline_at:
            width = column * 0.98 if not module.inline_span else module.width * 0.9
            parts.append(figure(module.inline, width, with_images, module.inline_span))
        tag = "h4" if block.role == "heading" else "p"
        if module.round_cut and module.round_cut[0] == n:
            # the paragraph breaks off at the foot of the first round and goes on, unindented, in the second
            cut = module.round_cut[1]
            parts.append(f"<p>{printed(Block(block.role, block.text[:cut]), story.hints)}</p>")
            rounds.append("".join(parts))
            parts = [f'<p style="text-indent:0">{printed(Block(block.role, block.text[cut:]), story.hints)}</p>']
            continue
        parts.append(f"<{tag}>{printed(block, story.hints)}</{tag}>")
    if module.inline and module.inline_at >= len(paragraphs):
        width = column * 0.98 if not module.inline_span else module.width * 0.9
        parts.append(figure(module.inline, width, with_images, module.inline_span))
    rounds.append("".join(parts))
    gap = '<div style="border-top:0.3mm solid #000;margin:1.5mm 0"></div>'
    if len(rounds) == 1:
        return f'<div class="body" style="{style}">{rounds[0]}</div>'
    inner = gap.join(f'<div class="body" style="{style}">{part}</div>' for part in rounds)
    return f'<div class="body" style="">{inner}</div>'  # one grid item, as a one-round body is


def module_html(module: Module, page: Page, with_images: bool) -> str:
    """A module's section; a module with a story set under it is a column of the two."""
    html = _module_html(module, page, with_images)
    if module.below:
        html = f"<div>{html}{module_html(module.below, page, with_images)}</div>"
    return html


def _module_html(module: Module, page: Page, with_images: bool) -> str:
    item = module.story.item
    if module.aside:
        # a headline across the module over a narrower body, the photo beside the body
        aside = module.aside.width
        head = _headbox(module).replace('class="headbox"', 'class="headbox" style="grid-column:1/3;grid-row:1"', 1)
        body = _body(module, page, with_images)
        photo = figure(module.aside.story, aside, with_images)
        return (f'<section style="display:grid;grid-template-columns:{module.width:.2f}mm {aside:.2f}mm;'
                f'column-gap:{page.gap:.1f}mm">{head}<div style="grid-column:1;grid-row:2">{body}</div>'
                f'<div style="grid-column:2;grid-row:2">{photo}</div></section>')
    if item.kind == "photo":
        return f"<section>{figure(module.story, module.width, with_images)}</section>"
    if item.kind == "note":
        head = f'<div class="nt">{printed(item.blocks[0], module.story.hints)}</div>'
        box = ' class="note"' if module.story.hints.get("boxed") else ""
        return f"<section{box}>{head}{_body(module, page, with_images)}</section>"
    placement = module.placement
    if not item.title:
        return f"<section>{_headbox(module)}{_body(module, page, with_images)}</section>"
    if placement == "above":
        return f"<section>{_headbox(module)}{_body(module, page, with_images)}</section>"
    if placement == "dom_after":
        body = _body(module, page, with_images).replace('class="body" style="', 'class="body" style="grid-row:2;', 1)
        head = _headbox(module).replace('class="headbox"', 'class="headbox" style="grid-row:1"')
        return f'<section style="display:grid">{body}{head}</section>'
    share = module.head_share
    vertical = placement == "vertical"
    head = _headbox(module, vertical)
    body = _body(module, page, with_images, byline_inside=vertical)
    right = module.story.hints.get("head_right", vertical)
    columns = f"{1 - share:.3f}fr {share:.3f}fr" if right else f"{share:.3f}fr {1 - share:.3f}fr"
    head = head.replace('">', f'" style="grid-column:{2 if right else 1};grid-row:1">', 1)
    body = body.replace('class="body" style="', f'class="body" style="grid-column:{1 if right else 2};grid-row:1;', 1)
    ordered = body + head if module.story.hints.get("head_last", right) else head + body
    return f'<section style="display:grid;grid-template-columns:{columns};column-gap:{page.gap:.1f}mm">{ordered}</section>'


def band_html(band: Band, page: Page, with_images: bool) -> str:
    widths = " ".join(f"{m.width:.2f}mm" for m in band.modules)
    if band.run:
        bodies, heads = [], []
        for n, module in enumerate(band.modules, 1):
            bodies.append(f'<section style="grid-column:{n};grid-row:2">{_body(module, page, with_images)}</section>')
            heads.append(_headbox(module).replace('class="headbox"', f'class="headbox" style="grid-column:{n};grid-row:1"'))
        inner = "".join(bodies + heads)
    else:
        inner = "".join(module_html(m, page, with_images) for m in band.modules)
    return f'<div class="band" style="grid-template-columns:{widths}">{inner}</div>'


def _furniture(page: Page) -> tuple[str, str]:
    hints = page.furniture.hints
    rows = []
    for boxes in hints["head"]:
        spans = "".join(f'<span class="{"paper" if len(hints["head"]) == 2 and len(boxes) == 1 else ""}">'
                        f"{escape(b)}</span>" for b in boxes)
        rows.append(f'<div class="row" style="justify-content:{"center" if len(boxes) == 1 else "space-between"}">{spans}</div>')
    head = f'<div class="head">{"".join(rows)}</div>'
    foot = "".join(f'<div class="foot"><span>{escape(line)}</span></div>' for boxes in hints["foot"] for line in boxes)
    return head, foot


# Run while parsing (fonts are local, so layout is final): each band's height and the room
# for bands, in mm, written into the DOM for `chromium --dump-dom` to report.
MEASURE_SCRIPT = """<script>
const mm = 25.4 / 96, page = document.querySelector('.page').getBoundingClientRect();
const bands = document.querySelector('.bands').getBoundingClientRect();
const foot = [...document.querySelectorAll('.foot')].reduce((h, f) => h + f.getBoundingClientRect().height + 8, 0);
document.body.dataset.room = ((page.bottom - bands.top - foot) * mm - %.2f).toFixed(2);
document.querySelectorAll('.band').forEach(b => { b.dataset.h = (b.getBoundingClientRect().height * mm + 1.6).toFixed(2); });
</script>"""


def render(page: Page, with_images: bool = True, measure: bool = False) -> str:
    """The whole HTML document of a page (with `measure`, a script that writes band heights)."""
    body_font = page.body_font.replace(" SC", " TC") if page.traditional else page.body_font
    css = _CSS.format(
        w=page.width, h=page.height, inner_h=page.height - 0.5, m=page.margin, gap=page.gap,
        body_font=body_font, head_font=page.head_font, body=page.body_pt * MM_PER_PT, lh=page.line_height,
        cap=page.caption_pt * MM_PER_PT, autospace="text-autospace: normal;" if page.autospace_css else "text-autospace: no-autospace;",
    )
    head, foot = _furniture(page)
    bands = "\n".join(band_html(band, page, with_images) for band in page.bands)
    return (f'<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><style>{css}</style></head>\n'
            f'<body><div class="page">{head}<div class="bands">\n{bands}\n</div>{foot}</div>'
            f'{MEASURE_SCRIPT % page.margin if measure else ""}</body></html>\n')


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        self._skip += tag in ("style", "script")
        if tag in ("div", "p", "h4", "section", "figure", "span"):
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(document: str) -> str:
    """The text a page prints: every text node outside style and script."""
    parser = _Text()
    parser.feed(document)
    return "".join(parser.parts)
