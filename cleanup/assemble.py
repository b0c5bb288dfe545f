"""Blocks with roles -> items: stories opened and closed, headlines re-attached, captions apart."""

from __future__ import annotations

import statistics
from dataclasses import replace

import regex

from . import attach, captioncues, captions, carry, classify, headlines, heads, lexicon, noise, sections, seams, shapes, tentative
from .drafts import Draft, finish, repair
from .heads import Head, build_head
from .join import glue
from .model import Block, Item, Step

_HEAD_ROLES = frozenset({"column", "headline", "byline"})
_DATELINE_NAMES_RE = regex.compile(r"^[^（(]{1,20}[（(][^）)]{2,30}[）)]")


def _cut_credit(credit: str, line: str) -> bool:
    """A credit whose name the line ended (全媒体记者 邓建), and the line that ends it (胜摄).

    >>> _cut_credit("全媒体记者 邓建", "胜摄"), _cut_credit("本报记者 王鹏 摄", "胜摄"), _cut_credit("全媒体记者 邓建", "新华社记者 王鹏 摄")
    (True, False, False)
    """
    return not shapes.is_credit(credit) and shapes.is_credit(glue(credit, line))


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


def space_couplet_titles(items: list[Item], trace: list[Step] | None = None, boxed: bool = False) -> list[Item]:
    """JN30: a title read as one run that parts into a couplet's halves (heads.couplet_cut) gets
    the space its halves were printed apart by. boxed: the dump is an OCR engine's boxes, one of
    which takes in the gap. An extractor drops the gap too, but its unspaced run is read with more
    doubt: not where a story's sentence reads through the middle and then leaves the title
    (北门街道桃源社区开展…: a name and what it did; a story quoting the title quotes it to its
    end), nor halves not set alike (heads.parallel_halves): one phrase cut at its middle (青山镇举办 / 农民丰收节).

    >>> story = (("p", "他说：“站好岗放好哨”。"),)
    >>> space_couplet_titles([Item("article", 1, title="站好岗放好哨", body=story)])[0].title
    '站好岗 放好哨'
    >>> story = (("p", "北门街道桃源社区开展同心净美活动。"),)
    >>> space_couplet_titles([Item("article", 1, title="北门街道桃源社区开展文明实践活动", body=story)])[0].title
    '北门街道桃源社区开展文明实践活动'
    >>> space_couplet_titles([Item("article", 1, title="让老旧小区焕发新活力")])[0].title
    '让老旧小区焕发新活力'
    >>> space_couplet_titles([Item("article", 1, title="民生观察：站好岗放好哨（今日·视点）")])[0].title
    '民生观察：站好岗 放好哨（今日·视点）'
    """
    words = None
    stories = None
    out = []
    for item in items:
        # A column's label run in before it or its tag after it set aside (民生观察：……); an OCR box's
        # run is cut with no doubt, so there the title stays whole (a one-phrase title with its tag).
        label = None if boxed else shapes.LABEL_OVER_TITLE_RE.match(item.title)
        tag = None if boxed else shapes.TAG_END_RE.search(item.title)
        start, end = label.end() if label else 0, tag.start() if tag else len(item.title)
        title = item.title[start:end]
        if not title or " " in item.title or len(title) % 2:
            out.append(item)
            continue
        if words is None:
            words = seams.lexicon() or {}
        simplified = lexicon.converter("t2s").convert(title)
        cut = heads.couplet_cut(title, words, simplified) if words else None
        if cut is not None and not boxed:
            if stories is None:
                stories = "\n".join(text.replace(" ", "") for other in items for _, text in other.body)
            told = stories.replace(title, "\n")
            if title[cut - _SEAM:cut + _SEAM] in told and title[cut - _SEAM:] not in told:
                cut = None
            elif not heads.parallel_halves(simplified[:cut], simplified[cut:], words):
                cut = None
        if cut is None:
            out.append(item)
            continue
        spaced = item.title[:start + cut] + " " + item.title[start + cut:]
        if trace is not None:
            trace.append(Step("JN30", "space-couplet-title", item.first, item.first, item.title, spaced))
        out.append(replace(item, title=spaced))
    return out


_SEAM = 2  # JN30: characters each side of a couplet's middle a story's sentence reads through to make it one phrase


def dash_titles_to_subtitles(items: list[Item], trace: list[Step] | None = None) -> list[Item]:
    """A subtitle opens with its dash (——种好社区治理“责任田”), and no title does (none of the fit split's truth).

    HD02: a head whose first line opens with a dash has no title line: OCR lost the big type over it,
    or the title went with another story. The line is the subtitle, and the item is left without a title.

    >>> item = Item("article", 3, title="——种好社区治理“责任田”", spans=((3, 3, "title"), (5, 9, "body")))
    >>> moved = dash_titles_to_subtitles([item])[0]
    >>> moved.title, moved.subtitle, moved.spans
    ('', '——种好社区治理“责任田”', ((3, 3, 'subtitle'), (5, 9, 'body')))
    >>> dash_titles_to_subtitles([Item("article", 3, title="站好岗 放好哨")])[0].title
    '站好岗 放好哨'

    HD03: a subtitle whose dash comes after a headline line (推动党建引领……新台阶 ——铁东区……记事) starts
    at its dash: the line before it is the title's, when the title over it is no whole headline (a
    couplet, or as long as the line): a line of junk or a column's label OCR set over the head.

    >>> item = Item("article", 3, title="邢天笑 报", subtitle="推动党建引领基层治理工作迈向新台阶 ——铁东区建强“四个矩阵”激发基层治理新效能记事")
    >>> moved = dash_titles_to_subtitles([item])[0]
    >>> moved.title, moved.subtitle
    ('邢天笑 报 推动党建引领基层治理工作迈向新台阶', '——铁东区建强“四个矩阵”激发基层治理新效能记事')
    >>> dash_titles_to_subtitles([replace(item, title="汇率避险再扩容 小币种产品密集落地")])[0].title
    '汇率避险再扩容 小币种产品密集落地'
    """
    out = []
    for item in items:
        if item.kind == "article" and item.title and shapes.is_subtitle_dash(item.title):
            subtitle = f"{item.title} {item.subtitle}".strip()
            if trace is not None:
                trace.append(Step("HD02", "dash-title-as-subtitle", item.first, item.first, item.title, f"subtitle: {subtitle}"))
            spans = tuple((first, last, "subtitle" if role == "title" else role) for first, last, role in item.spans)
            item = replace(item, title="", subtitle=subtitle, spans=spans)
        dash = _INNER_DASH_RE.search(item.subtitle) if item.kind == "article" and item.title else None
        if dash:
            rest = item.subtitle[:dash.start()]
            if not (shapes.is_couplet(item.title) or shapes.letters(item.title) >= shapes.letters(rest)):
                title, subtitle = f"{item.title} {rest}", item.subtitle[dash.end():]
                if trace is not None:
                    trace.append(Step("HD03", "subtitle-from-its-dash", item.first, item.first, item.subtitle, f"title: {title}"))
                item = replace(item, title=title, subtitle=subtitle)
        out.append(item)
    return out


_INNER_DASH_RE = regex.compile(r"(?<=\S)\s+(?=——\S)")  # a subtitle's dash after a line of the head


def headline_under_no_title(items: list[Item], trace: list[Step] | None = None, raw: dict[int, str] | None = None
                            ) -> tuple[list[Item], list[tuple[int, str]]]:
    """HD70: a title that reads as no headline (heads.no_title_over: a scrap, junk, a cut clause), its words
    not in the story, over a subtitle that reads as a whole one: OCR set a stray line over the head. The
    subtitle is the title; the stray line opens the body, where its characters stay, or, read alone on its
    dump line and reading as junk (NZ70, heads.stray_junk: specks read as marks, letters and a few Han
    characters), goes to the noise item: the items, and the dump lines (number, as read) set aside.

    >>> item = Item("article", 3, title="今日视", subtitle="让世界看见中国的科学浪漫", body=(("p", "本报讯……"),),
    ...             spans=((3, 3, "title"), (5, 5, "subtitle"), (7, 9, "body")))
    >>> moved = headline_under_no_title([item])[0][0]
    >>> moved.title, moved.subtitle, moved.body[0], moved.spans
    ('让世界看见中国的科学浪漫', '', ('p', '今日视'), ((3, 3, 'body'), (5, 5, 'title'), (7, 9, 'body')))
    >>> headline_under_no_title([replace(item, title="汇聚爱心力量")])[0][0].title
    '汇聚爱心力量'
    >>> items, strays = headline_under_no_title([replace(item, title="下站WA昌也")], raw={3: " 下站 WA 昌也"})
    >>> items[0].first, items[0].body[0], items[0].spans, strays
    (5, ('p', '本报讯……'), ((5, 5, 'title'), (7, 9, 'body')), [(3, '下站 WA 昌也')])
    """
    out, strays = [], []
    for item in items:
        if item.kind == "article" and item.title and item.subtitle \
                and heads.no_title_over(item.title, item.subtitle, "".join(text for _, text in item.body),
                                        _line_over(item, raw or {})):
            if trace is not None:
                trace.append(Step("HD70", "headline-under-no-title", item.first, item.first, item.title,
                                  f"title: {item.subtitle}"))
            roles = {"title": "body", "subtitle": "title"}
            alone = _read_alone(item, raw or {})
            if alone is not None and heads.stray_junk(item.title):
                if trace is not None:
                    trace.append(Step("NZ70", "stray-over-head-junk", alone, alone, item.title, "noise"))
                strays.append((alone, noise.as_read(raw[alone])))
                spans = tuple((first, last, roles.get(role, role)) for first, last, role in item.spans if role != "title")
                item = replace(item, first=min(first for first, _, _ in spans), title=item.subtitle, subtitle="", spans=spans)
            else:
                spans = tuple((first, last, roles.get(role, role)) for first, last, role in item.spans)
                item = replace(item, title=item.subtitle, subtitle="", body=(("p", item.title), *item.body), spans=spans)
        out.append(item)
    return out, strays


def _read_alone(item: Item, raw: dict[int, str]) -> int | None:
    """The dump line an item's title was read from, where it holds the title and nothing else.

    >>> _read_alone(Item("article", 3, title="今日视", spans=((3, 3, "title"),)), {3: " 今日 视 "})
    3
    >>> _read_alone(Item("article", 3, title="站好岗", spans=((3, 3, "title"),)), {3: "殉古   站好岗"})
    """
    no = _title_line(item)
    return no if no is not None and "".join(raw.get(no, "").split()) == "".join(item.title.split()) else None


def _line_over(item: Item, raw: dict[int, str]) -> tuple[str, bool]:
    """The printed dump line over an item's title read from one line, a blank at most between, and whether a
    blank parts them (none over a title read from specks on lines of their own: 汐 / 孙).

    >>> _line_over(Item("article", 3, title="放好哨", spans=((3, 3, "title"),)), {1: "站好岗", 2: "", 3: "放好哨"})
    ('站好岗', True)
    >>> _line_over(Item("article", 3, title="放好哨", spans=((3, 3, "title"),)), {0: "站好岗", 1: "", 2: " ", 3: "放好哨"})
    ('', True)
    >>> _line_over(Item("article", 5, title="汐孙", spans=((5, 6, "title"),)), {3: "环球时报", 4: "", 5: "汐", 6: "孙"})
    ('', True)
    """
    first = _title_line(item)
    if first is None:
        return "", True
    for k, no in enumerate((first - 1, first - 2)):
        line = raw.get(no, "")
        if line.strip():
            return line, k > 0
    return "", True


def _title_line(item: Item) -> int | None:
    """The dump line an item's title was read from, where it was read from one line."""
    lines = [(first, last) for first, last, role in item.spans if role == "title"]
    return lines[0][0] if len(lines) == 1 and lines[0][0] == lines[0][1] else None


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


def assemble(blocks: list[Block], trace: list[Step] | None = None, read: str = "text") -> list[Item]:
    """Blocks in dump order -> items, in the order of their earliest dump line.

    Body text goes on with the story it continues; head runs are set aside and
    given to their stories at the end, all at once (`attach.attach_heads`).
    trace: where to record the segmentation decisions (AS19-AS24, AS09), if anywhere.
    read: how the page was read: "text" (an extractor), "ocr" (an engine's lines) or "boxes" (an
    engine's boxes the column stage dealt out); an engine reads body lines as heads more often.
    """
    drafts: list[Draft] = []
    runs: list[attach.Placed] = []
    story: Draft | None = None  # the article or note that body text continues
    waiting: attach.Placed | None = None  # a run whose next story is not opened yet
    heads_over: dict[int, list[Block]] = {}  # id of a story: the head run printed right over it
    blocks, column, ledes = list(wide_subtitles(blocks, trace)), _median_measure(blocks), wide_ledes(blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.role in _HEAD_ROLES and not _loose_byline(block, blocks, i):
            j = _head_end(blocks, i)
            # AS70: the run is a paragraph's lines, the short line under it their end (not on dealt boxes: fit worse)
            if read != "boxes" and _over_its_tail(blocks, i, j):
                blocks[i:j + 1] = [_tail_joined(blocks[i:j + 1], trace)]
                continue
            if j > i + 1 and _first_line(blocks, j - 1):  # AS62: the run's last line is the first line of the paragraph under it
                j -= 1
                blocks[j:j + 2] = [_joined(blocks[j], blocks[j + 1], trace)]
            elif j == i + 2 and read == "text" and story is not None and story.kind == "article" \
                    and _runs_on_under_heading(blocks, i):  # AS96: a heading, then its paragraph's first line
                j -= 1
                blocks[j:j + 2] = [_joined(blocks[j], blocks[j + 1], trace, code="AS96")]
            elif j > i + 1 and (at := past_photo(blocks, j)) > j and _first_line(blocks, j - 1, at):  # AS91: under the photo
                j -= 1
                blocks[j:at + 1] = [*blocks[j + 1:at], _joined(blocks[j], blocks[at], trace, across=True)]
            if j > i + 1 and blocks[i + 1].role == "headline" and sections.stays_in_story([block], story, blocks[i + 1]) \
                    and not sections.stays_in_story([blocks[i + 1]], story):
                j = i + 1  # a fragment over a headline is no part of it (AS40); a title set in short lines, or a label's line, is
            bracket = read == "text" and sections.bracket_line(blocks[i:j], story)  # AS51
            nxt = blocks[j] if j < len(blocks) else None
            after_photo = i > 0 and blocks[i - 1].role in ("caption", "credit")
            last = next((b for b in reversed(blocks[:i]) if b.role == "body"), None)  # the story's last paragraph
            why: list[str] = []  # AS33, AS34, AS41, AS46 or AS95, where one decided
            text_at = past_photo(blocks, j)  # a photo printed between a heading and its section (AS42)
            heading = not bracket and sections.is_section_heading(blocks[i:j], story, blocks[text_at:text_at + sections.BELOW],
                                                  heads_over.get(id(story)), after_photo, last, why, text_at > j,
                                                  subject=read == "text")  # (AS95 off on OCR pages: fit worse on RapidOCR)
            stays = not bracket and sections.stays_in_story(blocks[i:j], story, nxt)
            goes_on = (heading or stays) and sections.goes_on_text(blocks[i:j], story, blocks[i - 1] if i else None, nxt)
            clause = not (heading or stays) and read == "ocr" and sections.clause_line(
                blocks[i:j], story, nxt, across=_shares_line(blocks, i))  # AS97
            clause = clause or bracket
            if clause:  # its story's text: it goes on in the paragraph above where that stops mid-sentence (AS36), else opens one
                goes_on = sections.goes_on_text(blocks[i:j], story, blocks[i - 1] if i else None, nxt)
                stays = not goes_on
            if j == i + 1 and _first_line(blocks, i):  # AS62 for a line alone: where it broke the story, a story breaks
                blocks[i:i + 2] = [_joined(block, blocks[i + 1], trace)]
                if not (heading or stays or goes_on):
                    story = None
                continue
            if j == i + 1 and (at := past_photo(blocks, j)) > j and _first_line(blocks, i, at):  # AS91: AS62 past a photo
                blocks[i:at + 1] = [*blocks[j:at], _joined(block, blocks[at], trace, across=True)]
                if not (heading or stays or goes_on):
                    story = None
                continue
            if stays and not goes_on:
                story.body.append(("p", block.text))
                story.starts.append(block.first)
                story.spans.append(block.line_runs)
                blocks[i] = replace(block, role="body")  # running text now: a cut line under it may go on it (AS36)
                if trace is not None and bracket:
                    trace.append(Step("AS51", "bracket-line-stays-in-story", block.first, block.last, block.text[:20],
                                      f"opens with a bracket, no headline: a paragraph of the story at line {story.first}"))
                elif trace is not None and clause:
                    trace.append(Step("AS97", "clause-line-stays-in-story", block.first, block.last, block.text[:20],
                                      f"a clause mark inside, no headline: a paragraph of the story at line {story.first}"))
                elif trace is not None:
                    trace.append(Step("AS40", "fragment-stays-in-story", block.first, block.last, block.text[:20],
                                      f"too short for a title or heading: a paragraph of the story at line {story.first}"))
            elif goes_on:
                story.body[-1] = ("p", glue(story.body[-1][1], block.text))
                story.spans[-1] += block.line_runs
                if stays or clause:
                    blocks[i] = replace(block, role="body")
                if trace is not None and bracket:
                    trace.append(Step("AS51", "bracket-line-stays-in-story", block.first, block.last, block.text[:20],
                                      f"opens with a bracket, no headline: goes on in the paragraph of the story at line "
                                      f"{story.first}, which stops mid-sentence right above it"))
                elif trace is not None and clause:
                    trace.append(Step("AS97", "clause-line-stays-in-story", block.first, block.last, block.text[:20],
                                      f"a clause mark inside, no headline: goes on in the paragraph of the story at line "
                                      f"{story.first}, which stops mid-sentence right above it"))
                elif trace is not None:
                    trace.append(Step("AS36", "cut-line-goes-on", block.first, block.last, block.text[:20],
                                      f"no section heading: goes on in the paragraph of the story at line {story.first}, "
                                      "which stops mid-sentence right above it"))
            elif heading:
                for line in sections.heading_lines(blocks[i:j]) or blocks[i:i + 1]:  # (AS92: a heading wrapped, or two)
                    story.body.append(("h2", line.text))
                    story.starts.append(line.first)
                    story.spans.append(line.line_runs if line.runs else ((line.first, line.last),))
                if trace is not None and j > i + 1:
                    trace.append(Step("AS92", "wrapped-section-heading", blocks[i].first, blocks[j - 1].last,
                                      blocks[i].text[:20], f"a section heading of the story at line {story.first}, "
                                      f"on {j - i} lines set in its column's measure, weighed as one heading"))
                if trace is not None and text_at > j:
                    trace.append(Step("AS42", "heading-over-photo", blocks[i].first, blocks[i].last, blocks[i].text[:20],
                                      f"a section heading of the story at line {story.first}: its section goes on at line "
                                      f"{blocks[text_at].first}, under the photo printed below the heading"))
                if trace is not None and "AS46" in why:
                    trace.append(Step("AS46", "heading-restated-in-section", blocks[i].first, blocks[i].last,
                                      blocks[i].text[:20], f"a section heading of the story at line {story.first}: "
                                      "a paragraph of the section under it says it word for word"))
                if trace is not None and "AS95" in why:
                    trace.append(Step("AS95", "section-goes-on-subject", blocks[i].first, blocks[i].last,
                                      blocks[i].text[:20], f"a section heading of the story at line {story.first}: "
                                      "the text under it names what the story's last paragraphs named"))
                if trace is not None and "AS33" in why:
                    trace.append(Step("AS33", "heading-restated-below", blocks[i].first, blocks[i].last, blocks[i].text[:20],
                                      f"a section heading of the story at line {story.first}: the paragraph under it "
                                      f"(line {blocks[j].first}) says it word for word"))
            else:
                if trace is not None and "AS43" in why:
                    trace.append(Step("AS43", "head-across-photo", block.first, block.last, block.text[:20],
                                      f"not a section heading of the story at line {story.first}: set {block.measure:g} "
                                      f"wide in a column {block.width:g} wide, over a photo: a story's headline"))
                if trace is not None and "AS41" in why:
                    trace.append(Step("AS41", "headline-over-its-subtitle", block.first, block.last, block.text[:20],
                                      f"not a section heading of the story at line {story.first}: it ends in a dash over "
                                      f"a line with no clause mark (line {nxt.first}), its subtitle"))
                if trace is not None and "AS34" in why:
                    trace.append(Step("AS34", "headline-after-its-story", block.first, block.last, block.text[:20],
                                      f"not a section heading of the story at line {story.first}, though like it: the text "
                                      f"under it is unlike it and set {nxt.measure:g} wide, the story's last paragraph "
                                      f"{last.measure:g} (over {sections.COLUMN_CHANGE:g} apart): printed after its story"))
                before = story if story is not None and story.kind == "article" and story.body else None
                waiting = attach.Placed(headlines.Run(blocks[i:j]), before)
                runs.append(waiting)
                if nxt is not None and nxt.role == "body" and _conflicts(build_head(blocks[i:j]), nxt):
                    waiting = None  # its byline says it is not the next story's head
                story = None
            i = j
            continue
        if block.role == "caption" and _caption_goes_on(drafts, blocks, i):
            photo = drafts[-1]
            photo.body[-1] = ("p", glue(photo.body[-1][1], block.text))
            photo.spans[-1] += block.line_runs
            if trace is not None:
                trace.append(Step("AS25", "caption-goes-on", block.first, block.last, block.text[:20],
                                  f"goes on in the caption at line {photo.first}, which stopped mid-sentence"))
        elif block.role == "caption":
            drafts.append(Draft("photo", block.first, body=[("p", block.text)], spans=[block.line_runs]))
        elif block.role == "credit":
            last = drafts[-1] if drafts else None
            if last is not None and last.kind == "photo" and not last.credit:
                last.credit, last.credit_span = block.text, block.line_runs
            elif last is not None and last.kind == "photo" and _cut_credit(last.credit, block.text):
                last.credit, last.credit_span = glue(last.credit, block.text), last.credit_span + block.line_runs
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
            above = story
            across = carry.across_cues(blocks, i, " ".join(text for _, text in story.body)) \
                if _after_photo(story, blocks, i) else None
            if across is not None and carry.goes_across(across):  # AS85: the photo was printed inside the story
                if trace is not None:
                    trace.append(Step("AS85", "story-carried-across-photo", block.first, block.last, block.text[:20],
                                      f"goes on in the story at line {story.first} across the photo at line "
                                      f"{blocks[i - 1].first}: " + ", ".join(c for c, on in across.items() if on and c in carry.CARRY)))
            elif across is not None:  # the story may end at the photo: open one, kept only if claimed
                story = Draft("article", block.first, broke_from=story, after_photo=True)
                drafts.append(story)
            elif _width_changes(story, blocks, i, column):  # the same: a story may end where the column changes
                story = Draft("article", block.first, broke_from=story, width_change=True)
                drafts.append(story)
            lede = story is not None and len(story.body) == 1 and story.starts[0] in ledes
            story = _continue_or_open(story, block, drafts, blocks[i + 1] if i + 1 < len(blocks) else None, lede)
            if trace is not None and lede and story is above and shapes.starts_with_dateline(block.text):
                trace.append(Step("AS24", "lede-goes-on", block.first, block.last, block.text[:20],
                                  f"goes on in the story at line {story.first}: its lede, a wide line a dateline opens "
                                  "under a headline, stops mid-sentence"))
            if trace is not None and story.broke_from is not None and story is not above and story.first == block.first:
                why = _why_opened(story, blocks, i, column)
                trace.append(Step("AS19", "tentative-story-opened", block.first, block.last, block.text[:20],
                                  f"tentative new story (AS20, AS21 or AS09 tell its fate): {why}"))
        if waiting is not None and block.role not in ("caption", "credit"):
            waiting.after = story if story is not None and len(story.body) == 1 else None
            if waiting.after is not None:
                heads_over[id(story)] = waiting.run.blocks
            waiting = None
        i += 1
    measures = {b.first: b.measure for b in blocks if b.role == "body" and b.lines >= MIN_LINES}  # (a short one shows no column)
    attach.attach_heads(drafts, runs, trace=trace, widths=attach.Widths(measures, column), rows=read == "text")
    tentative.rejoin_unclaimed_breaks(drafts, runs, trace)
    for draft in list(drafts):
        repair(draft, drafts)
    if trace is not None:
        _trace_rest_over_subtitle(drafts, blocks, trace)
    return [finish(d) for d in sorted(drafts, key=lambda d: d.first)]


def _trace_rest_over_subtitle(drafts: list[Draft], blocks: list[Block], trace: list[Step]) -> None:
    """HD01's trace (heads.rest_over_subtitle): a title that took its second line over a blank, a subtitle under it."""
    at = {b.first: b for b in blocks if b.role == "headline"}
    for draft in drafts:
        if draft.head is None:
            continue
        firsts = dict.fromkeys(first for first, _, role in draft.head.spans if role in ("title", "subtitle") and first in at)
        lines = [at[first] for first in firsts]
        if len(lines) >= 3 and lines[1].gap_before and draft.head.title.endswith(lines[1].text) \
                and heads.rest_over_subtitle([b.text for b in lines]) and not heads.halves_over_blank(lines[0].text, lines[1].text):
            trace.append(Step("HD01", "title-rest-over-subtitle", lines[0].first, lines[1].last, lines[0].text, draft.head.title))


WIDER = 1.3  # a line this much wider than its column was set across columns


def wide_subtitles(blocks: list[Block], trace: list[Step] | None = None) -> list[Block]:
    """A one-line "paragraph" between a headline and the body, wider than its column, no sentence mark: a subtitle.

    A subtitle spans the columns of its story; the extractor read it as a
    line of the body, and the headline over it as a section heading of the
    story above. A line with a sentence mark is text (OCR reads two columns'
    lines as one wide line).

    >>> head = Block("如何在美国把贪官送进监狱——", 5, 5, role="headline", measure=14, width=15)
    >>> sub = Block("法律用美国的：被用来修理黑帮的美国联邦法律也能对付贪官", 6, 6, measure=33, width=15)
    >>> body = Block("在美国起诉中国贪官，不可能适用中国自己的法律。", 7, 9, measure=15, width=15, lines=3)
    >>> [b.role for b in wide_subtitles([head, sub, body])]
    ['headline', 'headline', 'body']
    >>> [b.role for b in wide_subtitles([replace(head, text="如何在美国把贪官送进监狱"), replace(sub, measure=15), body])]
    ['headline', 'body', 'body']

    Not a line a dateline opens: that is the story's lede (`wide_ledes`).

    Not at the end of a run of headlines with no story under it: that headline's story is elsewhere.

    >>> [b.role for b in wide_subtitles([head, sub])]
    ['headline', 'body']
    """
    out = list(blocks)
    for k in range(1, len(out) - 1):
        block = out[k]
        if _wide_under_headline(out, k) and not shapes.starts_with_dateline(block.text):
            out[k] = replace(block, role="headline")
            if trace is not None:
                why = (f"one line under a headline, {block.measure:g} wide in a column of {block.width:g} "
                       f"(over {WIDER:g}×), no sentence mark")
                trace.append(Step("AS22", "wide-line-as-subtitle", block.first, block.last, f"body: {block.text}",
                                  f"headline: {block.text}  ← {why}"))
    return _dash_subtitles(out, trace)


def _dash_subtitles(blocks: list[Block], trace: list[Step] | None = None) -> list[Block]:
    """AS41: the first line under a headline that ends in a dash, with no clause mark, is its subtitle
    (sections.over_its_subtitle): a line of its own over the body or another head, or the first line of a paragraph, set
    wider (WIDER) than the paragraph's other lines, that the join stage ran into it (parted off then).

    >>> head = Block("如何在美国把贪官送进监狱——", 5, 5, role="headline")
    >>> para = Block("法律用美国的：被用来修理黑帮的美国联邦法律也能对付贪官在美国起诉中国贪官，不可能适用中国自己的", 6, 8,
    ...              lines=3, cuts=(27, 38), measure=27)
    >>> [(b.role, b.text[:8], b.first, b.last) for b in _dash_subtitles([head, para])]
    [('headline', '如何在美国把贪官', 5, 5), ('headline', '法律用美国的：被', 6, 6), ('body', '在美国起诉中国贪', 7, 8)]
    >>> [b.role for b in _dash_subtitles([head, replace(para, text="法律用美国的，" + para.text[7:])])]
    ['headline', 'body']

    A line of its own with the byline under it is the subtitle too (an extractor that sets its text boxes
    apart gives the title and subtitle as one box: JN34 parts them).

    >>> sub = Block("法律用美国的：被用来修理黑帮的美国联邦法律也能“顺便”对付中国贪官", 6, 6, measure=33)
    >>> [b.role for b in _dash_subtitles([head, sub, Block("本报记者 李照星", 8, 8, role="byline")])]
    ['headline', 'headline', 'byline']
    """
    out: list[Block] = []
    for k, block in enumerate(blocks):
        above = out[-1] if out else None
        if above is None or above.role != "headline" or block.role != "body" or k + 1 == len(blocks) and block.lines == 1:
            out.append(block)
            continue
        if shapes.starts_with_dateline(block.text) or not sections.over_its_subtitle(above.text, block):
            out.append(block)
            continue
        if block.lines == 1 and blocks[k + 1].role in ("body", "headline", "byline"):
            parts = [replace(block, role="headline")]
        elif block.lines > 1 and not block.runs and captions.line_step(block) is not None and _wider_first_line(block):
            sub, rest = captions.cut_block(block, 0)
            parts = [replace(sub, role="headline"), rest]
        else:
            out.append(block)
            continue
        out += parts
        if trace is not None:
            trace.append(Step("AS41", "headline-over-its-subtitle", block.first, parts[0].last, f"body: {parts[0].text}",
                              f"headline: {parts[0].text}  ← the line under a headline that ends in a dash, no clause mark"))
    return out


def _wider_first_line(block: Block) -> bool:
    """The block's first dump line is set wider (WIDER) than its other lines: another measure's."""
    bounds = [0, *block.cuts, len(block.text)]
    lengths = [shapes.display_length(block.text[x:y]) for x, y in zip(bounds, bounds[1:])]
    return lengths[0] > WIDER * max(lengths[1:])


def _wide_under_headline(blocks: list[Block], k: int) -> bool:
    """Block k: one line between a headline and the body, wider than its column (WIDER), with no sentence mark."""
    block, above = blocks[k], blocks[k - 1]
    return (above.role == "headline" and block.role == "body" and blocks[k + 1].role == "body" and block.lines == 1
            and bool(block.width) and block.measure > WIDER * block.width
            and not shapes.SENTENCE_PUNCT_RE.search(block.text))


def wide_ledes(blocks: list[Block]) -> set[int]:
    """AS24: the first lines of wide one-line paragraphs under a headline that a dateline opens: ledes, not subtitles.

    A dateline under a headline starts that headline's story; set across the
    columns (or two columns' lines read as one), its sentence goes on below:
    the next paragraph, even one naming a source of its own, is that story's.

    >>> head = Block("美官方统计：为避税放弃美国国籍人数暴增", 5, 5, role="headline", measure=24, width=16)
    >>> lede = Block("8月12日电（记者 王欢）美国联邦放弃国籍、同时也放弃了美国政府税单", 6, 6, measure=31.5, width=16)
    >>> body = Block("据彭博社报道，在经济合作与发展公报最新公布的数据显示。", 7, 9, measure=16, width=16, lines=3)
    >>> wide_ledes([head, lede, body]), wide_ledes([head, replace(lede, measure=16), body])
    ({6}, set())
    """
    return {blocks[k].first for k in range(1, len(blocks) - 1)
            if _wide_under_headline(blocks, k) and shapes.starts_with_dateline(blocks[k].text)}


def past_photo(blocks: list[Block], j: int) -> int:
    """AS42: where the text under a head group ending at j starts: past a photo (its caption and credit
    blocks) printed right under the heading, when body text follows the photo; else j.

    A section heading stands over its section, but the photo set at the top of that section comes
    between them in the dump: what the heading heads is the text after the photo.

    >>> head = Block("并进行现场演示", 5, 5, role="headline")
    >>> cap, credit = Block("居民观看灭火器材演示。", 6, 7, role="caption"), Block("本报通讯员 东宣 摄", 8, 8, role="credit")
    >>> body = Block("活动中，工作人员介绍了火灾的危害。", 9, 12, lines=4)
    >>> past_photo([head, cap, credit, body], 1), past_photo([head, body], 1), past_photo([head, cap, credit], 1)
    (3, 1, 1)

    Not past a "caption" a dateline opens: that is the headline's story's lede, read as a caption.

    >>> past_photo([head, replace(cap, text="新华社北京6月11日电 工业和信息化部"), credit, body], 1)
    1
    """
    k = j
    while k < len(blocks) and blocks[k].role in ("caption", "credit"):
        k += 1
    if k == j or k == len(blocks) or blocks[k].role != "body" or shapes.starts_with_dateline(blocks[j].text):
        return j
    return k


def _after_photo(story: Draft | None, blocks: list[Block], i: int) -> bool:
    """A paragraph right after a photo, where the story above ended a sentence and no dateline opens it."""
    if story is None or story.kind != "article" or not story.body or story.body[-1][0] != "p":
        return False
    if blocks[i].role != "body" or i == 0 or blocks[i - 1].role not in ("caption", "credit"):
        return False
    return shapes.ends_paragraph(story.body[-1][1]) and not shapes.starts_with_dateline(blocks[i].text)


WIDTH_CHANGE = 0.25  # of the page's median paragraph measure: two stretches set this much apart are two columns
MIN_LINES = classify.FULL_LINES  # lines each paragraph needs for its longest one to be a full line of its column


def _median_measure(blocks: list[Block]) -> float:
    """The median measure (longest line) of the page's body paragraphs of MIN_LINES lines or more: its usual column."""
    measures = sorted(b.measure for b in blocks if b.role == "body" and b.lines >= MIN_LINES)
    return measures[len(measures) // 2] if measures else 0.0


def _width_changes(story: Draft | None, blocks: list[Block], i: int, column: float) -> bool:
    """A paragraph right after one that ended a sentence, set in a column of clearly another width.

    Both must run over MIN_LINES lines at least: a short paragraph's longest
    line (a short last line, a caption's line) shows no column width.

    >>> a = Block("河道治理全面铺开，清淤已经完成。", 1, 4, measure=20, lines=4, width=20)
    >>> b = Block("近日，学校举办运动会。", 5, 8, measure=12, lines=4, width=12)
    >>> story = Draft("article", 1, body=[("p", a.text)])
    >>> _width_changes(story, [a, b], 1, 20.0), _width_changes(story, [a, replace(b, measure=19)], 1, 20.0)
    (True, False)

    Not after a sentence left open, nor at a paragraph of two lines.

    >>> _width_changes(Draft("article", 1, body=[("p", "河道治理")]), [replace(a, text="河道治理"), b], 1, 20.0)
    False
    >>> _width_changes(story, [a, replace(b, lines=2)], 1, 20.0)
    False
    """
    if story is None or story.kind == "photo" or not story.body or story.body[-1][0] != "p" or i == 0:
        return False  # (an editor's note ends where the column changes as well as a story)
    prev, block = blocks[i - 1], blocks[i]
    if any(b.role != "body" or b.lines < MIN_LINES for b in (prev, block)) or column <= 0:
        return False
    if not shapes.ends_paragraph(prev.text) or shapes.starts_with_dateline(block.text):
        return False
    return abs(prev.measure - block.measure) > WIDTH_CHANGE * column


def _why_opened(story: Draft, blocks: list[Block], i: int, column: float) -> str:
    """The cue a tentative story was opened on, with its figures, for `cleanup explain`."""
    prev, block = blocks[i - 1], blocks[i]
    if story.after_photo:
        return f"after the photo at line {prev.first}, the story above having ended a sentence"
    if story.width_change:
        return (f"the column width changes: longest lines {prev.measure:g} (lines {prev.first}-{prev.last}) and "
                f"{block.measure:g}, {abs(prev.measure - block.measure):g} apart > {WIDTH_CHANGE:g} × {column:g} "
                f"(the page's median measure) = {WIDTH_CHANGE * column:g}")
    return f"it names its source, no dateline, inside the story at line {story.broke_from.first}"


def follows(above: Block, block: Block) -> bool:
    """Whether the block's first dump line comes right after the last line above it, blank lines aside:
    printed one after the other, not brought together from two places by the column stage.

    >>> follows(Block("近日，社区开展", 3, 4, lines=2), Block("活动。", 6, 6, gap_before=1)), follows(Block("近日", 3, 4), Block("活动。", 9, 9))
    (True, False)
    """
    return 0 <= block.line_runs[0][0] - above.line_runs[-1][1] - 1 <= block.gap_before


def _caption_goes_on(drafts: list[Draft], blocks: list[Block], i: int) -> bool:
    """A caption right under a caption that stopped mid-sentence (or is set in its measure, wider than the column),
    no credit between: the same caption, read in pieces.

    >>> a, b = Block("近日，市第二中学“阳光体育 和谐校", 3, 3, role="caption"), Block("园”韵律操比赛拉开帷幕。", 4, 5, role="caption")
    >>> photo = Draft("photo", 3, body=[("p", a.text)])
    >>> _caption_goes_on([photo], [a, b], 1), _caption_goes_on([Draft("photo", 3, body=[("p", "比赛拉开帷幕。")])], [a, b], 1)
    (True, False)
    """
    last = drafts[-1] if drafts else None
    if i == 0 or blocks[i - 1].role != "caption" or last is None or last.kind != "photo" or last.credit or not last.body:
        return False
    open_ = not shapes.ends_paragraph(last.body[-1][1]) or captioncues.same_wide_measure(blocks[i - 1], blocks[i])
    return open_ and not shapes.starts_with_dateline(blocks[i].text) and follows(blocks[i - 1], blocks[i])


def _resumes_across_photo(story: Draft | None, blocks: list[Block], i: int) -> bool:
    """Body text right after a caption and credit that goes on with a sentence the story left open."""
    if story is None or story.kind != "article" or not story.body or story.body[-1][0] != "p":
        return False
    if blocks[i].role != "body" or i == 0 or blocks[i - 1].role not in ("caption", "credit"):
        return False
    return not shapes.ends_paragraph(story.body[-1][1]) and not shapes.starts_with_dateline(blocks[i].text)


def _head_end(blocks: list[Block], i: int) -> int:
    """The end of a head group starting at i: labels, headline lines, then at most one byline."""
    j = i
    while j < len(blocks) and blocks[j].role in _HEAD_ROLES:
        j += 1
        if blocks[j - 1].role == "byline":
            break
    return j


def _shares_line(blocks: list[Block], k: int) -> bool:
    """Whether another block holds a piece of a dump line block k came from (a line read across a gutter, cut at it).

    >>> _shares_line([Block("导向引领，召并", 5, 5), Block("得足", 5, 5), Block("近日", 6, 6)], 0)
    True
    >>> _shares_line([Block("导向引领，召并", 5, 5), Block("近日", 6, 6)], 0)
    False
    """
    own = {no for first, last in blocks[k].line_runs for no in range(first, last + 1)}
    return any(no in own for m, other in enumerate(blocks) if m != k
               for first, last in other.line_runs for no in range(first, last + 1))


def _first_line(blocks: list[Block], k: int, at: int | None = None) -> bool:
    """AS62: a one-line headline with no sentence end, right over a body paragraph, that is that paragraph's first
    line (the join stage broke it off, classify read it as a head): set no wider than the paragraph and as wide
    as most of it, and read on into it: a word across the seam (基 / 石), or the paragraph opening on a clause
    of one or two characters (者。, 、管得着) that the line's last words began.

    >>> para = Block("方案。6月9日、6月10日两天时间里，已有四家公司发布公告。", 87, 94, measure=14.0, lines=8)
    >>> _first_line([Block("A股公司正在密集修订定增", 86, 86, role="headline", measure=12.0), para], 0)
    True
    >>> _first_line([Block("爱国教育进校园", 86, 86, role="headline", measure=7.0), para], 0)
    False

    AS91: at, where the paragraph stands when a photo was printed between the line and it (past_photo): a sentence
    cut by the photo (……检查组深入各印刷企 / [caption, credit] / 业的厂房、仓库等场所，……).

    >>> line = Block("检查组深入各印刷企", 5, 5, role="headline", measure=10.0)
    >>> cap, credit = Block("近日，社区开展活动。", 7, 7, role="caption"), Block("本报记者 孟海鹰 摄", 9, 9, role="credit")
    >>> after = Block("业的厂房、仓库等场所，重点查看了印刷企业证照是否齐全。", 11, 13, measure=11.0, lines=3)
    >>> _first_line([line, cap, credit, after], 0, 3), _first_line([line, cap, credit, after], 0)
    (True, False)
    """
    at = k + 1 if at is None else at
    if k < 0 or at >= len(blocks):
        return False
    line, para = blocks[k], blocks[at]
    if line.role != "headline" or line.lines != 1 or para.role != "body" or para.lines < 2:
        return False
    text = shapes.squeeze(line.text)
    if shapes.ends_sentence(text) or shapes.is_subtitle_dash(text) or _KICKER_RE.search(text):
        return False
    if not FIRST_LINE_LEAST * para.measure <= line.measure <= para.measure + FIRST_LINE_OVER:
        return False
    opener = shapes.squeeze(para.text)
    if shapes.NUMBERED_POINT_RE.match(opener):
        return False
    return bool(_CUT_CLAUSE_RE.match(opener)) or seams.word_across(text, opener, seams.lexicon())


FIRST_LINE_LEAST = 0.75  # a paragraph's first line is full: this share of the paragraph's measure at least
FIRST_LINE_OVER = 1.0  # and at most this much wider (characters)
# a mark, a sentence of one or two characters (者。), a clause of one (石，): what no paragraph opens with
_CUT_CLAUSE_RE = regex.compile(r"^(?:[、，；：。！？）」』”’]|\p{Han}{1,2}[。！？]|\p{Han}[，；：、])")
_KICKER_RE = regex.compile(r"[：:|｜（(#＃]")


def _runs_on_under_heading(blocks: list[Block], i: int) -> bool:
    """AS96: a head run of two lines inside a running story, a heading over the first line of the paragraph under
    it (the join stage broke that line off, classify read it as a head): the first line reads as a heading (no
    clause mark, no trailing ——), the second as running text (a clause mark inside it, no sentence's end at
    its end, no ——subtitle or byline, not set wider than its column), and a body paragraph follows, no
    dateline opening it. AS62 misses it where the paragraph is one dump line or the seam shows no word across.
    Not a second line that ends on a dash (a title run on into its subtitle: ……的“细绳子”—— over ——……), nor
    one with a kicker's mark past its head (AS62's _KICKER_RE: a column's label in brackets, ……施肥更精细（经济
    聚焦·农田里的新鲜事）); a bracket opening the line glosses the word the line above ends on ((FATCA)……),
    running text. Both guards are the fit split's two titles the rule lost without them.

    >>> head = Block("严防各类非法印刷活动发生", 5, 5, role="headline")
    >>> line = Block("我们积极协调争取县里投资380余万元，为社区", 6, 6, role="headline")
    >>> para = Block("高标准建设党群服务中心。", 7, 8)
    >>> _runs_on_under_heading([head, line, para], 0)
    True
    >>> _runs_on_under_heading([head, Block("政策赋能，解开束缚", 6, 6, role="headline"), para], 0)
    True
    >>> _runs_on_under_heading([head, Block("——政策松绑、平台支撑", 6, 6, role="headline"), para], 0)
    False
    >>> _runs_on_under_heading([Block("政策赋能，解开束缚", 5, 5, role="headline"), line, para], 0)
    False
    >>> _runs_on_under_heading([head, line, Block("本报讯（记者 王欣）为进一步提升服务。", 7, 8)], 0)
    False
    >>> _runs_on_under_heading([Block("如何让老旧小区焕发新生——", 5, 5, role="headline"), line, para], 0)
    False
    >>> _runs_on_under_heading([head, Block("政策赋能，解开束缚转化的“细绳子”——", 6, 6, role="headline"), para], 0)
    False
    >>> _runs_on_under_heading([head, Block("给黑土地做体检，施肥更精细（经济聚焦·农田里的新鲜事）", 6, 6, role="headline"), para], 0)
    False
    >>> _runs_on_under_heading([head, Block("（FATCA）一旦实施，资产申报", 6, 6, role="headline"), para], 0)
    True
    """
    if i + 2 >= len(blocks):
        return False
    head, line, para = blocks[i:i + 3]
    if head.role != "headline" or line.role != "headline" or para.role != "body" or shapes.starts_with_dateline(para.text):
        return False  # (a dateline opens a story: the line over it is its head's)
    first, text = shapes.squeeze(head.text), shapes.squeeze(line.text)
    if sections.CLAUSE_RE.search(first) or not sections.CLAUSE_RE.search(text[:-1]) \
            or first.endswith(("—", "-")) or text.endswith(("—", "-")):
        return False  # (a title run on past a trailing ——: the line under it, or the next, is its subtitle)
    if _KICKER_RE.search(text, 1):
        return False  # (a column's label, a kicker: a headline's mark, not running text's)
    if line.width and line.measure > line.width + sections.FILLS:
        return False  # set wider than its column: a subtitle, not a paragraph's line
    return not (shapes.ends_sentence(text) or shapes.is_subtitle_dash(text) or shapes.is_byline(line.text))


def _joined(line: Block, para: Block, trace: list[Step] | None, across: bool = False, code: str = "AS62") -> Block:
    """The paragraph with its first line back at its head (across: a photo printed between them, AS91)."""
    if trace is not None and across:
        trace.append(Step("AS91", "first-line-across-photo", line.first, line.last, line.text[:20],
                          f"the first line of the paragraph at line {para.first}, past the photo printed between: "
                          "as wide as it, reads on into it"))
    elif trace is not None and code == "AS96":
        trace.append(Step("AS96", "heading-over-first-line", line.first, line.last, line.text[:20],
                          f"the first line of the paragraph at line {para.first}, under a heading: reads as running text"))
    elif trace is not None:
        trace.append(Step("AS62", "first-line-over-its-paragraph", line.first, line.last, line.text[:20],
                          f"the first line of the paragraph at line {para.first}: as wide as it, reads on into it"))
    text = glue(line.text, para.text)
    at = len(text) - len(para.text)
    runs = line.line_runs + para.line_runs if para.runs or line.last + 1 != para.first else ()
    return replace(para, text=text, first=min(line.first, para.first), lines=para.lines + 1, runs=runs,
                   cuts=(at, *(at + c for c in para.cuts)), gap_before=line.gap_before)


def _over_its_tail(blocks: list[Block], i: int, j: int) -> bool:
    """AS70: a head run of plain lines right over one short body line that ends a sentence: the run is
    a paragraph's full lines, the line under it the paragraph's end (the extractor set each line in a
    box of its own; classify read the full ones as a head). Its lines are set alike (full lines of one
    column), none a label, byline or dash subtitle, none with a phrase space or a sentence end; the end
    line is shorter than the run's last and reads on from it: a word across the seam (生 / 产), a clause
    of one or two characters (势。), or a clause mark inside the run's lines (no headline runs on so).

    >>> run = [Block("建工作，近日，四平卷钢厂邀请行业安全生产", 5, 5, role="headline", measure=20.0),
    ...        Block("标准化一级达标评审员到烟厂评审指导安全生", 7, 7, role="headline", measure=20.0)]
    >>> _over_its_tail([*run, Block("产标准化创建工作。", 9, 9, measure=9.0)], 0, 2)
    True
    >>> _over_its_tail([Block("为促进全民健身活动蓬勃发展", 5, 5, role="headline", measure=13.0),
    ...                 Block("中学体育馆举行。", 7, 7, measure=8.0)], 0, 1)
    False
    """
    if j >= len(blocks) or j == i:
        return False
    run, tail = blocks[i:j], blocks[j]
    if any(b.role != "headline" or b.lines != 1 for b in run) or tail.role != "body" or tail.lines != 1:
        return False
    texts = [b.text.strip() for b in run]
    if any(" " in t or "\u3000" in t or shapes.ends_sentence(t) or shapes.is_subtitle_dash(t) or _KICKER_RE.search(t)
           for t in texts):
        return False
    end = shapes.squeeze(tail.text)
    if not shapes.ends_sentence(end) or shapes.is_subtitle_dash(end) or shapes.starts_with_dateline(end):
        return False
    widths = [b.measure for b in run]
    if min(widths) < TAIL_ALIKE * max(widths) or tail.measure >= run[-1].measure:
        return False
    last = shapes.squeeze(texts[-1])
    return bool(_CUT_CLAUSE_RE.match(end)) or seams.word_across(last, end, seams.lexicon()) \
        or any(_INNER_CLAUSE_RE.search(t[:-1]) for t in texts)


TAIL_ALIKE = 0.75  # a run's lines are a column's full lines: the shortest this share of the longest at least
_INNER_CLAUSE_RE = regex.compile(r"[，、；]")


def _tail_joined(parts: list[Block], trace: list[Step] | None) -> Block:
    """The run's lines and the end line under them, one paragraph of running text."""
    tail = parts[-1]
    if trace is not None:
        trace.append(Step("AS70", "paragraph-over-its-end", parts[0].first, tail.last, parts[0].text[:20],
                          f"no head: full lines of a paragraph that ends at line {tail.first}, a short line reading on"))
    text, cuts, runs = "", [], []
    for b in parts:
        if text:
            cuts.append(len(glue(text, b.text)) - len(b.text))
        text = glue(text, b.text) if text else b.text
        runs += b.line_runs
    adjacent = all(runs[k][1] + 1 == runs[k + 1][0] for k in range(len(runs) - 1))
    return replace(tail, text=text, first=parts[0].first, lines=len(parts), runs=() if adjacent else tuple(runs),
                   cuts=tuple(cuts), gap_before=parts[0].gap_before, measure=max(b.measure for b in parts))


def _loose_byline(block: Block, blocks: list[Block], i: int) -> bool:
    """A byline not under a headline opens no head group of its own."""
    return block.role == "byline" and (i == 0 or blocks[i - 1].role not in ("headline", "column"))


def _conflicts(head: Head, body: Block) -> bool:
    """A head with its own byline is not the head of a story whose dateline names its writers."""
    return bool(head.byline) and _starts_with_names(body)


def _continue_or_open(story: Draft | None, block: Block, drafts: list[Draft], nxt: Block | None,
                      lede: bool = False) -> Draft:
    if block.role == "byline" and nxt is not None and nxt.role == "body" and not _starts_with_names(nxt):
        # a byline over body text, its headline printed elsewhere: a story starts here
        story = Draft("article", block.first, byline=block.text, byline_span=block.line_runs)
        drafts.append(story)
        return story
    # (an editor's note's label printed alone: a dateline under it opens the note's text, not a story)
    fresh = story is not None and story.kind in ("article", "note") and not story.body
    # lede: story holds only a wide lede cut mid-sentence (wide_ledes), which this block goes on from
    if story is None or (shapes.starts_with_dateline(block.text) and not fresh and not lede):
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


_HEAD_PIECE_MARKS = frozenset("，。；！？、,;!?：:…—·（）()《》〈〉【】[]|")
_SENTENCE_END = frozenset("。！？!?”\"’）)」…")
_CLAUSE_MARKS = frozenset("，。；！？、,;!?")


def head_inside_sentence(items: list[Item], trace: list[Step] | None = None, raw: dict[int, str] | None = None
                         ) -> list[Item]:
    """HD71: a headline's second line Tesseract read inside its story's sentence completes a one-phrase title.

    OCR reads a head box in the middle of the column beside it: the line stands alone between blank lines, and
    the sentence over it (ending in no stop) runs on under it (……外贸企业的经营痛 / 小币种产品密集落地 / 点。).
    Where the item's title is one phrase of 4 to 13 characters (a kicker's colon aside; no phrase space, no
    clause mark, no closing dash) and that line reads as another (Han characters and quotes only, 4 to 12, half
    to one and a half times the title's phrase, narrower than 0.9 of the column's lines around it, no word read
    across from the line over it), the line leaves the sentence and ends the title after a phrase space; the
    sentence's halves join again. Bounds set by hand on fit (Tesseract, f001–f864): 19 firings, 11 titles
    made right, none lost.

    >>> item = Item("article", 3, title="汇率避险“工具箱”再扩容",
    ...             body=(("p", "本报讯……在不少外贸企业看来，这正是外贸企业的经营痛小币种产品密集落地"),
    ...                   ("p", "点。面对新形势，银行密集推出")), spans=((3, 3, "title"), (5, 13, "body")))
    >>> raw = {7: "在不少外贸企业看来，这正是", 8: "外贸企业的经营痛", 9: "", 10: "小币种产品密集落地", 11: "",
    ...        12: "点。面对新形势，银行密集推出", 13: ""}
    >>> new = head_inside_sentence([item], raw=raw)[0]
    >>> new.title, new.body, new.spans
    ('汇率避险“工具箱”再扩容 小币种产品密集落地', (('p', '本报讯……在不少外贸企业看来，这正是外贸企业的经营痛点。面对新形势，银行密集推出'),), ((3, 3, 'title'), (5, 9, 'body'), (10, 10, 'title'), (11, 13, 'body')))
    >>> head_inside_sentence([replace(item, title="汇率避险 再扩容")], raw=raw)[0].title
    '汇率避险 再扩容'
    """
    if not raw:
        return items
    words, end = seams.lexicon(), max(raw)
    return [_lift_head_line(item, raw, end, words, trace) for item in items]


def _lift_head_line(item: Item, raw: dict[int, str], end: int, words, trace: list[Step] | None) -> Item:
    """The item with its title completed by a head line read inside its sentence (HD71), else as it was."""
    title = item.title
    if item.kind != "article" or not title or " " in title.strip() or title[-1] in "—-一":
        return item
    phrase = regex.split(r"[：:]", title)[-1]
    if not 4 <= len(phrase) <= 13 or any(ch in _CLAUSE_MARKS for ch in title):
        return item
    body = sorted(no for first, last, role in item.spans if role == "body" for no in range(first, last + 1))
    inside = set(body)
    for no in body:
        line = "".join(raw.get(no, "").split())
        if not line or raw.get(no - 1, "x").strip() or raw.get(no + 1, "x").strip():
            continue
        if not 4 <= len(line) <= 12 or not 0.5 * len(phrase) <= len(line) <= 1.5 * len(phrase):
            continue
        if any(ch in _HEAD_PIECE_MARKS or ch.isdigit() or ch.isascii() for ch in line):
            continue
        above = next((n for n in range(no - 1, 0, -1) if raw.get(n, "").strip()), None)
        below = next((n for n in range(no + 1, end + 1) if raw.get(n, "").strip()), None)
        if above not in inside or below not in inside:
            continue
        over, under = "".join(raw[above].split()), "".join(raw[below].split())
        if len(over) < 6 or len(under) < 4 or over[-1] in _SENTENCE_END or under[0] in _SENTENCE_END:
            continue
        if seams.word_across(over, line, words) or len(line) >= 0.9 * _column_measure(raw, above, below):
            continue
        lifted = _lift_from_body(item.body, over[-2:], line, under[:2])
        if lifted is None:
            continue
        if trace is not None:
            trace.append(Step("HD71", "head-inside-sentence", no, no, title, f"title: {title} {line}"))
        spans = []
        for f, l, r in item.spans:
            if f <= no <= l and r == "body":
                spans += [s for s in ((f, no - 1, r), (no, no, "title"), (no + 1, l, r)) if s[0] <= s[1]]
            else:
                spans.append((f, l, r))
        return replace(item, title=f"{title} {line}", body=lifted, spans=tuple(spans))
    return item


def _column_measure(raw: dict[int, str], above: int, below: int) -> float:
    """The median length (white space aside) of the printed lines of the runs of lines ending at `above`
    and starting at `below`: the column's measure around a line set between them.

    >>> _column_measure({1: "甲乙丙丁戊己", 2: "甲乙丙丁戊", 3: "", 4: "庚辛", 5: "", 6: "甲乙 丙丁戊己"}, 2, 6)
    6
    """
    lengths, no = [], above
    while raw.get(no, "").strip():
        lengths.append(len("".join(raw[no].split())))
        no -= 1
    no = below
    while raw.get(no, "").strip():
        lengths.append(len("".join(raw[no].split())))
        no += 1
    return statistics.median(lengths)


def _lift_from_body(body: tuple[tuple[str, str], ...], tail: str, line: str, head: str
                    ) -> tuple[tuple[str, str], ...] | None:
    """The body with `line` taken out of the paragraph where it follows `tail` (the sentence's halves joined
    again where `line` ended the paragraph and the next one opens with `head`), or None where it is not there.

    >>> _lift_from_body((("p", "甲乙丙丁戊己"), ("p", "庚辛。")), "乙丙", "丁戊己", "庚辛")
    (('p', '甲乙丙庚辛。'),)
    >>> _lift_from_body((("p", "甲乙丙丁戊己庚辛。"),), "乙丙", "丁戊己", "庚辛")
    (('p', '甲乙丙庚辛。'),)
    >>> _lift_from_body((("p", "丁戊己庚辛。"),), "乙丙", "丁戊己", "庚辛")
    """
    for i, (kind, text) in enumerate(body):
        at = text.find(tail + line)
        if kind != "p" or at < 0:
            continue
        end = at + len(tail) + len(line)
        rest = text[:at + len(tail)] + text[end:]
        if end < len(text):
            return (*body[:i], (kind, rest), *body[i + 1:]) if text[end:].startswith(head) else None
        if i + 1 < len(body) and body[i + 1][0] == "p" and body[i + 1][1].startswith(head):
            return (*body[:i], (kind, rest + body[i + 1][1]), *body[i + 2:])
        return None
    return None


_HAN_RE = regex.compile(r"\p{Han}")
_WIDTH_OFF = 1  # AS81: a head's line differs from the column's full line by this many characters or more
_LABEL_CHARS = 6  # a column's kicker label before a head's colon: this many characters at most (AS54)


def head_read_as_text(items: list[Item], raw: dict[int, str], trace: list[Step] | None = None) -> list[Item]:
    """AS54: a story's headline Tesseract read as a paragraph, right over the story's dateline or byline.

    Tesseract sets a head as wide as the column among the body lines: classify reads it as text, and the line
    ends the story above or stands as a headless item of its own, over the story it heads, which opens on a
    dateline or its byline (航天环宇实控人等拟套现2.2亿 正拟定增募不超15.5亿 / [blank] / 中国经济网北京6月12日讯……).
    A paragraph on one or two dump lines (which hold it and nothing more: _head_shaped), 6 to 40 characters, at
    least 0.6 of them Han, no Latin letter, no ASCII bracket, not opening on a figure, no clause mark (，、; a
    semicolon only once, in its first six characters: a kicker's colon misread, 经济聚焦；：), no dateline, no
    byline's shape and no paragraph end (a head stops on no sentence mark), the next thing printed after it
    (blank lines apart) a headless article whose text opens on a dateline or whose byline is printed first:
    the line is that story's title. Where it is the one paragraph of an item under a title alone, it is that
    title's subtitle, and the head goes to the story under it.

    >>> head = Item("article", 5, body=(("p", "某公司实控人等拟套现2.2亿 正拟定增募不超15.5亿"),), spans=((5, 5, "body"),))
    >>> story = Item("article", 7, body=(("p", "中国经济网北京6月12日讯某公司昨晚披露……"),), spans=((7, 9, "body"),))
    >>> raw = {5: "某公司实控人等拟套现2.2亿 正拟定增募不超15.5亿", 6: "", 7: "中国经济网", 8: "", 9: ""}
    >>> [(i.first, i.title, i.spans) for i in head_read_as_text([head, story], raw)]
    [(5, '某公司实控人等拟套现2.2亿 正拟定增募不超15.5亿', ((5, 5, 'title'), (7, 9, 'body')))]
    >>> len(head_read_as_text([replace(head, body=(("p", "某公司实控人等拟套现，正拟定增募不超15.5亿"),)), story], raw))
    2
    >>> signed = Item("article", 7, byline="本报记者 某某", body=(("p", "A股公司正在密集修订方案。"),),
    ...               spans=((7, 7, "byline"), (9, 9, "body")))
    >>> kicker = replace(head, body=(("p", "经济聚焦；：上市公司批量调整锁价定增方案"),))
    >>> [(i.title, i.byline) for i in head_read_as_text([kicker, signed], {**raw, 5: "经济聚焦；：上市公司批量调整锁价定增方案"})]
    [('经济聚焦；：上市公司批量调整锁价定增方案', '本报记者 某某')]
    >>> headed = Item("article", 3, title="如何把某某送进监狱", body=(("p", "法律用某国的：被用来修理黑帮的法律"),),
    ...               spans=((3, 3, "title"), (5, 5, "body")))
    >>> [(i.title, i.subtitle, i.spans) for i in head_read_as_text([headed, signed], {**raw, 3: "如何把某某送进监狱", 4: "",
    ...                                                                           5: "法律用某国的：被用来修理黑帮的法律"})]
    [('如何把某某送进监狱', '法律用某国的：被用来修理黑帮的法律', ((3, 3, 'title'), (5, 5, 'subtitle'), (7, 7, 'byline'), (9, 9, 'body')))]
    """
    if not raw:
        return items
    out = list(items)
    for head in items:
        if head.kind != "article" or not head.body or not head.spans or head.spans[-1][2] != "body":
            continue
        tag, text = head.body[-1]
        first, last, _ = head.spans[-1]
        alone = len(head.body) == 1 and not (head.title or head.subtitle or head.byline or head.column)
        over = len(head.body) == 1 and bool(head.title) and not (head.subtitle or head.byline)  # the line: its subtitle
        if tag != "p" or not _head_shaped(text, first, last, raw) or (len(head.body) == 1 and not (alone or over)):
            continue
        story = _dateline_story_under(out, head, last, raw)
        if story is None or any(r == "column" and f > first for f, _, r in story.spans):
            continue  # (a column's label printed over the line stays the story's)
        if trace is not None:
            what = "the subtitle, under its head," if over else "the title"
            trace.append(Step("AS54", "head-read-as-text", first, last, text[:20],
                              f"{what} of the story at line {story.first}: a line of a head's shape right over "
                              + ("its byline" if story.byline else "its dateline")))
        if over:  # the head and its subtitle go to the story under them
            titled = replace(story, first=head.first, title=head.title, column=head.column, subtitle=text,
                             spans=(*head.spans[:-1], (first, last, "subtitle"), *story.spans),
                             warnings=(*head.warnings, *story.warnings))
            out = [titled if it is story else it for it in out if it is not head]
            continue
        labels = tuple(x for x in story.spans if x[2] == "column")
        titled = replace(story, first=min(first, story.first), title=text,
                         spans=(*labels, (first, last, "title"), *_text_spans(story)),
                         warnings=(*head.warnings, *story.warnings) if alone else story.warnings)
        rest = None if alone else replace(head, body=head.body[:-1], spans=head.spans[:-1])
        out = [titled if it is story else (rest if it is head else it) for it in out]
        out = [it for it in out if it is not None]
    return out


def _text_spans(item: Item) -> tuple:
    """item's spans past a column's label (AS54)."""
    return tuple(x for x in item.spans if x[2] != "column")


def _text_from(item: Item) -> int | None:
    """The dump line item's text starts on, past a column's label (AS54)."""
    spans = _text_spans(item)
    return spans[0][0] if spans else None


def _head_shaped(text: str, first: int, last: int, raw: dict[int, str]) -> bool:
    """AS54: a paragraph of a head's shape, on one or two dump lines (which hold it, and nothing more)."""
    bare = "".join(text.split())
    printed = "".join("".join(raw.get(n, "").split()) for n in range(first, last + 1))
    if last - first > 1 or not 6 <= len(bare) <= 40 or abs(len(printed) - len(bare)) > 3:
        return False
    if len(_HAN_RE.findall(bare)) < 0.6 * len(bare) or regex.search(r"[A-Za-z，、,()\[\]|]", bare) or bare[0].isdigit() \
            or len(regex.findall(r"[；;]", bare)) > (1 if regex.search(r"[；;]", bare[:_LABEL_CHARS]) else 0):
        return False  # (a kicker's colon OCR read as a semicolon: one, in the first characters)
    return not (shapes.starts_with_dateline(text) or shapes.ends_paragraph(text) or shapes.is_byline(text))


def head_glued_over_dateline(items: list[Item], raw: dict[int, str], trace: list[Step] | None = None) -> list[Item]:
    """AS81, AS82: a head Tesseract read as text, glued to the end of the story above it, over its dateline story.

    The story above stops mid-sentence at the foot of its column, and the join reads the head printed under it
    on, as the sentence's wrapped line (……全力推进安全生产标准 / [blank] / 某国官方统计：为避税放弃国籍人数1年暴增5倍
    / [blank] / 8月12日电（记者 某某）……). AS81: where the paragraph's last dump line holds a head's shape (AS54's:
    one line, no clause mark, no sentence end, no dateline) and stands a blank under the line above it or differs
    from that line's width by _WIDTH_OFF or more, what stays stops mid-sentence, and the next thing printed under
    it (blanks apart) is a headless article opening on a dateline or its byline, the line is split off as a
    paragraph of its own: AS54 then makes it that story's title.

    >>> story = Item("article", 1, title="某某", body=(("p", "为强化基础，全力推进安全标准某国官方统计：放弃国籍人数暴增"),),
    ...              spans=((1, 1, "title"), (3, 6, "body")))
    >>> under = Item("article", 8, body=(("p", "8月12日电（记者 某某）某国公报……"),), spans=((8, 9, "body"),))
    >>> raw = {1: "某某", 2: "", 3: "为强化基础，", 4: "全力推进安全标准", 5: "", 6: "某国官方统计: 放弃国籍人数暴增", 7: "", 8: "8月12日电", 9: "x"}
    >>> [(i.body, i.spans) for i in head_glued_over_dateline([story, under], raw)][0]
    ((('p', '为强化基础，全力推进安全标准'), ('p', '某国官方统计：放弃国籍人数暴增')), ((1, 1, 'title'), (3, 4, 'body'), (6, 6, 'body')))
    >>> len(head_glued_over_dateline([story, under], {**raw, 4: "全力推进安全标准化工作", 5: "某国官方统计: 放弃国籍人"})[0].body)
    1

    AS82: a head of two lines, no blank between them, the first a blank under the text above it (or the
    paragraph's first line): the first line is the story's title, the second its subtitle (给黑土地做体检，施肥更精细
    / ——吉林农安推广变量施肥技术体系; on fit 8 of 9 such heads, the ninth a title wrapped). The first line holds
    no sentence end, no dateline, no byline and no Latin letter, 0.6 of it Han or more, 4 to 40 characters;
    the second a head's shape as AS81 reads it, and the two differ in width by _WIDTH_OFF or more (a paragraph's
    wrapped lines are as wide).

    >>> two = replace(story, body=(("p", "全力推进安全标准某国官方统计：放弃国籍人数暴增某国公报显示"),), spans=((1, 1, "title"), (3, 6, "body")))
    >>> raw2 = {**raw, 3: "全力推进安全标准", 4: "", 5: "某国官方统计: 放弃国籍人数暴增", 6: "某国公报显示", 7: "", 8: "8月12日电"}
    >>> [(i.title, i.subtitle, i.spans) for i in head_glued_over_dateline([two, under], raw2)][1]
    ('某国官方统计：放弃国籍人数暴增', '某国公报显示', ((5, 5, 'title'), (6, 6, 'subtitle'), (8, 9, 'body')))
    """
    if not raw:
        return items
    out = list(items)
    for item in items:
        if item.kind != "article" or not item.body or not item.spans or item.spans[-1][2] != "body" \
                or item.body[-1][0] != "p":
            continue
        first, last, _ = item.spans[-1]
        text = item.body[-1][1]
        cut = _cut_line(text, raw.get(last, ""))
        if last <= first or cut is None or not _head_shaped(text[cut:], last, last, raw):
            continue
        story = _dateline_story_under(out, item, last, raw)
        if story is None:
            continue
        two = _cut_line(text[:cut], raw.get(last - 1, "")) if raw.get(last - 1, "").strip() else None
        lone = last - 1 == first or not raw.get(last - 2, "").strip()  # the first line a blank under the text above
        if two is not None and lone and _head_first_line(text[two:cut]) \
                and abs(_bare_width(raw[last]) - _bare_width(raw[last - 1])) >= _WIDTH_OFF \
                and (two == 0 or not shapes.ends_paragraph(text[:two].rstrip())):  # (as wide: wrapped lines)
            if trace is not None:
                trace.append(Step("AS82", "two-line-head-glued-over-dateline", last - 1, last, text[two:][:20],
                                  f"the title and subtitle of the story at line {story.first}, not text: two head lines"
                                  " a blank under the text above, over its dateline or byline"))
            rest = text[:two].rstrip()
            labels = tuple(x for x in story.spans if x[2] == "column")
            titled = replace(story, first=min(last - 1, story.first), title=text[two:cut].strip(),
                             subtitle=text[cut:].strip(),
                             spans=(*labels, (last - 1, last - 1, "title"), (last, last, "subtitle"),
                                    *_text_spans(story)))
            kept = _rest_of(item, rest, raw, last - 1)
            if kept is None:  # (the item held the head alone: its warnings go with it)
                titled = replace(titled, warnings=(*item.warnings, *story.warnings))
            out = [titled if it is story else (kept if it is item else it) for it in out]
            out = [it for it in out if it is not None]
            continue
        rest = text[:cut].rstrip()
        above = next((n for n in range(last - 1, first - 1, -1) if _ends_with(rest, raw.get(n, ""))), None)
        if above is None or (above == last - 1 and abs(_bare_width(raw[last]) - _bare_width(raw[above])) < _WIDTH_OFF):
            continue  # (right under the line above and as wide: a wrapped line of the paragraph)
        if not rest or shapes.ends_paragraph(rest):
            continue
        if trace is not None:
            trace.append(Step("AS81", "head-glued-over-dateline", last, last, text[cut:][:20],
                              f"a paragraph of its own, not the end of the sentence above (line {above}): a head's"
                              f" shape under it, over the story at line {story.first}"))
        split = replace(item, body=(*item.body[:-1], ("p", rest), ("p", text[cut:])),
                        spans=(*item.spans[:-1], (first, above, "body"), (last, last, "body")))
        out = [split if it is item else it for it in out]
    return out


def _dateline_story_under(items: list[Item], item: Item, last: int, raw: dict[int, str]) -> Item | None:
    """AS54, AS81: the headless article printed next under dump line last (blanks apart), opening on a dateline
    or on its byline (printed first, over its text; a story found has a byline only so)."""
    nxt = next((n for n in range(last + 1, max(raw) + 1) if raw.get(n, "").strip()), None)
    story = next((it for it in items if it is not item and _text_from(it) == nxt), None)
    if story is None or story.kind != "article" or story.title or story.subtitle or not story.body \
            or story.body[0][0] != "p":
        return None
    signed = bool(story.byline) and _text_spans(story)[0][2] == "byline"
    return story if signed or not story.byline and shapes.starts_with_dateline(story.body[0][1]) else None


def _head_first_line(text: str) -> bool:
    """AS82: a head's first line: no sentence end, dateline, byline or Latin letter; mostly Han, 4 to 40 characters."""
    bare = "".join(text.split())
    return 4 <= len(bare) <= 40 and len(_HAN_RE.findall(bare)) >= 0.6 * len(bare) \
        and not regex.search(r"[A-Za-z]", bare) \
        and not (shapes.ends_paragraph(bare) or shapes.starts_with_dateline(bare) or shapes.is_byline(bare))


def _rest_of(item: Item, rest: str, raw: dict[int, str], head: int) -> Item | None:
    """AS82: item, its last paragraph cut to rest (the text over the head at dump line head); None if nothing stays."""
    first = item.spans[-1][0]
    if rest:
        above = next((n for n in range(head - 1, first - 1, -1) if _ends_with(rest, raw.get(n, ""))), first)
        return replace(item, body=(*item.body[:-1], ("p", rest)), spans=(*item.spans[:-1], (first, above, "body")))
    if len(item.body) > 1:
        return replace(item, body=item.body[:-1], spans=item.spans[:-1])
    return None if not (item.title or item.subtitle or item.byline or item.column) else \
        replace(item, body=(), spans=item.spans[:-1])


def _ends_with(text: str, line: str) -> bool:
    """AS81: whether text ends on line's last Han character (the dump line its paragraph's remainder ends on)."""
    han = _HAN_RE.findall(line)
    return bool(han) and _HAN_RE.findall(text[-4:])[-1:] == han[-1:]


def _bare_width(line: str) -> float:
    """AS81: a dump line's printed width, its spaces left out."""
    return shapes.display_length("".join(line.split()))


def _cut_line(text: str, line: str) -> int | None:
    """AS81: where in text its last dump line starts: as many printed characters from its end, the Han ones the same.

    >>> _cut_line("推进安全标准某国官方统计：放弃国籍", "某国官方统计: 放弃国籍"), _cut_line("推进安全标准某国", "某某")
    (6, None)
    """
    bare = "".join(line.split())
    if not bare:
        return None
    seen, at = 0, len(text)
    while at > 0 and seen < len(bare):
        at -= 1
        seen += not text[at].isspace()
    if seen != len(bare) or _HAN_RE.findall(text[at:]) != _HAN_RE.findall(bare):
        return None
    return at
