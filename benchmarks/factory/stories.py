"""Stories for one page, recombined and varied from one half of the text pool.

A story is a truth `Item` plus the print choices that do not change its truth (how a
credit is set, half-width punctuation, spread names). Only the half's own texts are
used: headlines, bylines, captions and names move between stories of the same half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draw import Draw
from .model import Block, Item
from .printed import CJK

_NAME_RE = re.compile(f"(?<=[ （])([{CJK}]{{2,3}})(?=$|[ ）])")
_ROLE_WORDS = ("记者", "通讯员", "本报记者", "全媒体记者", "本报通讯员", "新华社记者")
_DATELINE_RE = re.compile(f"^(本报讯|据|[{CJK}]{{0,12}}\\d*月?\\d*日?[电讯]（|[{CJK}]{{2,8}}\\d+月\\d+日)")
_CLAUSE_END_RE = re.compile("[，。；：！？]")
_CLAUSE_RE = re.compile(f"[{CJK}“”]+")
_DATELINE_HEAD_RE = re.compile(r"^[^（）。]{0,30}（[^（）]{1,30}）")
_SENTENCE_RE = re.compile(r"[^。！？]{12,90}[。！？]")
_NUMBER_RE = re.compile(r"(?<![\d.A-Za-z])\d{1,4}(?![\d.A-Za-z年月日时分点])")


@dataclass
class Story:
    """A truth item and the print choices for it."""

    item: Item
    hints: dict = field(default_factory=dict)


class Source:
    """One half of the pool, with the names and labels drawn from it."""

    def __init__(self, half: list[dict], spec: dict) -> None:
        self.articles = [s for s in half if s["kind"] == "article"]
        self.photos = [s for s in half if s["kind"] == "photo"]
        self.notes = [s for s in half if s["kind"] == "note"]
        self.spec = spec
        names = []
        for story in half:
            for text in (story["byline"], story["credit"], *(t for _, t in story["blocks"][:1])):
                for name in _NAME_RE.findall(" " + text[:40]):
                    if name not in _ROLE_WORDS and name not in names:
                        names.append(name)
        self.names = names
        self.labels = spec["headline"]["column_labels"] + [s["column"] for s in half if s["column"]]
        self.used: list[int] = []
        self.one_phrase = 0.0  # set per page by compose (one_phrase_share)
        self.own_captions = False  # set per page by compose (own_story_captions)
        self.captioned: list[str] = []  # clauses the page's captions told

    def take(self, draw: Draw, stories: list[dict]) -> dict:
        """A story not yet on this page, while there are some."""
        fresh = [s for s in stories if id(s) not in self.used] or stories
        story = draw.choice(fresh)
        self.used.append(id(story))
        return story


def fill(draw: Draw, template: str, source: Source, sentence: str = "", word: str = "") -> str:
    """Fill {n} names, {p} places, {m}/{d} month and day or digits, {s} sentence, {w} word."""
    out = []
    for piece in re.split(r"(\{[a-z]\})", template):
        if piece == "{n}":
            out.append(draw.choice(source.names))
        elif piece == "{p}":
            out.append(draw.choice(source.spec["dateline"]["places"]))
        elif piece == "{m}":
            out.append(str(draw.integer([1, 12])))
        elif piece == "{d}":
            out.append(str(draw.integer([1, 28])))
        elif piece == "{s}":
            out.append(sentence)
        elif piece == "{w}":
            out.append(word)
        else:
            out.append(piece)
    return "".join(out)


def _vary_numbers(draw: Draw, text: str) -> str:
    def other(match: re.Match) -> str:
        digits = match.group()
        first = str(draw.integer([1, 9]))
        return first + "".join(str(draw.integer([0, 9])) for _ in digits[1:])

    return _NUMBER_RE.sub(other, text)


def _cut(draw: Draw, blocks: list[list[str]], spec: dict, scale: float = 1.0) -> list[list[str]]:
    """Keep the first paragraphs up to a drawn length; a long first paragraph is cut at a sentence."""
    keep = max(1, round(len(blocks) * draw.uniform(spec["paragraphs_kept"])))
    limit = draw.uniform(spec["max_chars"]) * scale
    kept, total = [], 0
    for role, text in blocks[:keep]:
        if kept and total + len(text) > limit:
            break
        kept.append([role, text])
        total += len(text)
    while kept and kept[-1][0] == "heading":
        kept.pop()
    if not kept:
        kept = [["body", blocks[0][1]]]
    role, text = kept[0]
    if len(text) > limit * 1.3:
        sentences = _SENTENCE_RE.findall(text)
        cut = ""
        for sentence in sentences:
            if cut and len(cut) + len(sentence) > limit:
                break
            cut += sentence
        # (a first sentence over 90 characters is matched from inside: the cut opens mid-sentence, maybe on a space)
        kept[0] = ["body", (cut or text).lstrip()]
    return kept


def clauses(text: str, shortest: int = 5, longest: int = 14) -> list[str]:
    """Whole clauses of Chinese characters between punctuation marks, never part of one.

    >>> clauses("为进一步提升居民消防安全意识，社区开展宣传活动。近日，讲解了灭火器材操作等方面的知识。")
    ['为进一步提升居民消防安全意识', '社区开展宣传活动']
    >>> clauses("活动中，工作人员向居民发放“安全手册，并讲解。")
    []
    """
    pieces = _CLAUSE_END_RE.split(text)[:-1]  # the last piece has no mark after it
    return [piece for piece in pieces
            if shortest <= len(piece) <= longest and _CLAUSE_RE.fullmatch(piece)
            and piece.count("“") == piece.count("”")]


def _clause(draw: Draw, text: str) -> str:
    found = clauses(text)
    return draw.choice(found) if found else ""


def _summary(draw: Draw, clause: str, before: list[list[str]], forms: dict[str, float]) -> str:
    """A section heading as writers make one: a word pair of the story so far and one of its section.

    Real headings share about a third of their character pairs with the text under them and
    as many with the story above (双轨赋能：物质关怀叠加心灵滋养); a clause copied whole from
    the next paragraph would share all of them with it and none above.
    """
    earlier = [c for _, text in before for c in clauses(text, 4, 30)]
    if not earlier:
        return ""

    def words(text: str) -> str:
        return "".join(text[k:k + 2] for k in sorted(draw.rng.sample(range(len(text) - 1), 2)))

    return draw.weighted(forms).format(a=words(draw.choice(earlier)), b=words(clause))


def own_title(text: str) -> str:
    """A headline made from a story's own lede: the first whole clause of 6-18 characters after its dateline.

    >>> own_title("本报讯（通讯员 王斌）为促进全民健身活动蓬勃发展，丰富干部职工文化生活。")
    '为促进全民健身活动蓬勃发展'
    >>> own_title("近日，市里开会。")
    ''
    """
    found = clauses(_DATELINE_HEAD_RE.sub("", text), 6, 18)
    return unquote(found[0]) if found else ""


def unquote(clause: str) -> str:
    """A clause without the quotes around it, when they are around all of it.

    >>> unquote("“安全进社区”"), unquote("“安全”进社区")
    ('安全进社区', '“安全”进社区')
    """
    if clause.startswith("“") and clause.endswith("”") and clause.count("“") == 1:
        return clause[1:-1]
    return clause


def _sentence(draw: Draw, text: str) -> str:
    sentences = _SENTENCE_RE.findall(text)
    return draw.choice(sentences).lstrip("，、；：”") if sentences else ""


def vary_body(draw: Draw, blocks: list[list[str]], source: Source, scale: float = 1.0) -> list[list[str]]:
    """Cut, reorder and vary a story's paragraphs; add headings, —— lines, Markdown specials."""
    spec = source.spec["story"]
    body = _cut(draw, [list(b) for b in blocks], spec, scale)
    if len(body) >= 4 and draw.chance(spec["reorder"]):
        i, j = sorted(draw.rng.sample(range(1, len(body)), 2))
        body[i], body[j] = body[j], body[i]
        while body[-1][0] == "heading":
            body.pop()
    if draw.chance(spec["vary_numbers"]):
        body = [[role, _vary_numbers(draw, text)] for role, text in body]
    if len(body) >= 2 and draw.chance(spec["add_heading"]):
        at = draw.integer([1, len(body) - 1])
        heading = _clause(draw, body[at][1])
        if heading and "heading_forms" in spec:  # (specs before it made the clause itself the heading)
            heading = _summary(draw, heading, body[:at], spec["heading_forms"])
        if heading and body[at - 1][0] != "heading":
            body.insert(at, ["heading", unquote(heading)])
    if draw.chance(spec["dash_paragraph"]):
        clause = _clause(draw, draw.choice(body)[1])
        if clause:
            body.insert(draw.integer([1, len(body)]), ["body", "——" + clause + draw.choice(["。", "；"])])
    if draw.chance(spec["markdown_special"]):
        sentence = _sentence(draw, draw.choice(body)[1])
        word = _clause(draw, body[0][1])[:4]
        if sentence and word:
            text = fill(draw, draw.choice(spec["markdown_templates"]), source, sentence, word)
            body.insert(draw.integer([1, len(body)]), ["body", text])
    # (a paragraph the pool holds from mid-sentence may open on a space, which HTML does not print)
    return [[role, text.strip()] for role, text in body]


def _dateline(draw: Draw, body: list[list[str]], source: Source) -> None:
    first = body[0][1]
    if not _DATELINE_RE.match(first) and draw.chance(source.spec["dateline"]["add"]):
        body[0][1] = fill(draw, draw.weighted(source.spec["dateline"]["forms"]), source) + first


def one_phrase_share(spec: dict, index: int) -> float:
    """The share of titles a page prints as one phrase of couplet length (spec: one_phrase), from
    the page numbered one_phrase_from on: earlier pages were made without the draw.

    >>> spec = {"headline": {"one_phrase": 0.3, "one_phrase_from": 865}}
    >>> one_phrase_share(spec, 864), one_phrase_share(spec, 865), one_phrase_share({"headline": {}}, 900)
    (0.0, 0.3, 0.0)
    """
    head = spec["headline"]
    return head.get("one_phrase", 0.0) if index >= head.get("one_phrase_from", index + 1) else 0.0


def one_phrase_title(draw: Draw, blocks: list[list[str]]) -> str:
    """A title that is one phrase as long as a couplet title (6-16 characters, no phrase space):
    a whole clause of the story's text, as own_title draws one from a lede (中国武器出口升至世界第五 reads
    like 站好岗 放好哨 run together, but is one phrase).

    >>> one_phrase_title(Draw(1), [["body", "近日，社区开展消防安全宣传活动，居民纷纷参与。"]])
    '社区开展消防安全宣传活动'
    >>> one_phrase_title(Draw(1), [["body", "近日，天很热。"]])
    ''
    """
    found = [unquote(c) for _, text in blocks for c in clauses(_DATELINE_HEAD_RE.sub("", text), 6, 16)]
    found = [c for c in found if "“" not in c]
    return draw.choice(found) if found else ""


def _headline(draw: Draw, story: dict, source: Source, has_dateline: bool) -> tuple[list[str], str]:
    """Title lines and subtitle; a brief with a dateline may have none."""
    spec = source.spec["headline"]
    if has_dateline and draw.chance(spec["no_title"]):
        return [], ""
    # Real pages never print another story's headline: borrowing stays rare (spec: mix).
    other = draw.choice(source.articles)
    title = other["title"] if draw.chance(spec["mix"]) and other["title"] else story["title"]
    if not title and draw.weighted(spec["untitled"]) == "own_clause":
        title = own_title(story["blocks"][0][1])
    if title and source.one_phrase and draw.chance(source.one_phrase):
        title = one_phrase_title(draw, story["blocks"]) or title
    if not title:
        return [], ""
    if draw.chance(spec["kicker"]) and "：" not in title:
        title = draw.choice(source.labels).replace(" ", "") + "：" + title
    elif draw.chance(spec["bracket_suffix"]) and "（" not in title:
        a, b = draw.choice(source.labels).split(" ", 1) if " " in draw.choice(source.labels) else ("经济", "聚焦")
        title = f"{title}（{a}·{b}）"
    lines = title.split(" ") if " " in title and draw.chance(spec["couplet_two_lines"]) else [title]
    subtitle = story["subtitle"]
    if not subtitle and draw.chance(spec["mix"]):
        subtitle = other["subtitle"]
    if subtitle:
        subtitle = subtitle.removeprefix("——")
        if draw.chance(spec["subtitle_dash"]):
            subtitle = "——" + subtitle
    return lines, subtitle


def make_article(draw: Draw, source: Source, brief: bool = False) -> Story:
    story = source.take(draw, source.articles)
    body = vary_body(draw, story["blocks"], source, 0.4 if brief else 1.0)
    if not story["byline"]:
        _dateline(draw, body, source)
    has_dateline = bool(_DATELINE_RE.match(body[0][1]))
    lines, subtitle = _headline(draw, story, source, has_dateline)
    blocks = []
    spec = source.spec
    if lines and draw.chance(spec["headline"]["column_label"]):
        label = draw.choice(source.labels)
        if not draw.chance(spec["headline"]["column_label_space"]):
            label = label.replace(" ", "")
        blocks.append(Block("column", label))
    blocks += [Block("title", line) for line in lines]
    if subtitle:
        blocks.append(Block("subtitle", subtitle))
    byline = story["byline"]
    if lines and not byline and not has_dateline and draw.chance(spec["byline"]["own_line"]):
        byline = fill(draw, draw.weighted(spec["byline"]["forms"]), source)
    if byline:
        blocks.append(Block("byline", byline))
    blocks += [Block(role, text) for role, text in body]
    hints = {
        "halfwidth": draw.chance(spec["story"]["halfwidth_punct"]),
        "autospace": draw.chance(spec["story"]["autospace_text"]),
        "spread": draw.chance(spec["byline"]["spread_name"]),
        "phrase_space": draw.weighted(spec["headline"]["phrase_space"]),
    }
    return Story(Item("article", tuple(blocks)), hints)


def own_story_captions(spec: dict, index: int) -> bool:
    """Whether a page's captions tell the story they stand in or beside (spec: photo.caption_own_story_from):
    earlier pages drew them from a shared pool, words their story never prints.

    >>> spec = {"photo": {"caption_own_story_from": 929}}
    >>> own_story_captions(spec, 928), own_story_captions(spec, 929), own_story_captions({"photo": {}}, 999)
    (False, True, False)
    """
    return index >= spec["photo"].get("caption_own_story_from", index + 1)


def own_caption(draw: Draw, item: Item, forms: dict[str, float], source: Source) -> str:
    """A caption told from its story's own clauses, as a real one tells the event its story reports
    (so it shares the story's words), in one of the spec's caption_forms.

    >>> item = Item("article", (Block("body", "本报讯（记者 王斌）近日，社区开展消防安全宣传活动，居民纷纷参与。"),))
    >>> own_caption(Draw(1), item, {"{a}，{b}。": 1}, None)
    '社区开展消防安全宣传活动，居民纷纷参与。'
    >>> own_caption(Draw(1), Item("article", (Block("body", "天很热。"),)), {"{a}。": 1}, None)
    ''
    """
    found = [unquote(c) for role, text in item.paragraphs if role == "body"
             for c in clauses(_DATELINE_HEAD_RE.sub("", text), 6, 20)]
    said = source.captioned if source else []
    found = [c for c in found if c not in said]  # two photos of one story do not print one caption
    if not found:
        return ""
    at = draw.integer([0, len(found) - 1])
    form = draw.weighted(forms)
    if "{b}" in form and at + 1 == len(found):
        at -= 1
    if at < 0:
        form, at = "{a}。", 0
    text = form.replace("{a}", found[at]).replace("{b}", found[at + 1] if "{b}" in form else "")
    said += found[at:at + (2 if "{b}" in form else 1)]
    return fill(draw, text, source) if "{" in text else text


def make_photo(draw: Draw, source: Source, host: Story | None = None) -> Story:
    """A photo item; on pages with own-story captions, one standing in or beside `host` tells its story."""
    spec = source.spec["photo"]
    caption = own_caption(draw, host.item, spec["caption_forms"], source) if source.own_captions and host else ""
    if caption:
        credit = fill(draw, draw.weighted(spec["credit_forms"]), source)
    elif source.photos and not draw.chance(spec["caption_from_article"]):
        photo = source.take(draw, source.photos)
        caption, credit = photo["blocks"][0][1], photo["credit"]
        if not credit or draw.chance(0.3):
            credit = fill(draw, draw.weighted(spec["credit_forms"]), source)
    else:
        article = draw.choice(source.articles)
        caption = _sentence(draw, draw.choice(article["blocks"])[1]) or article["blocks"][0][1][:60]
        credit = fill(draw, draw.weighted(spec["credit_forms"]), source)
    placement = draw.weighted(spec["credit"])
    blocks = [Block("caption", caption)]
    if placement != "absent":
        blocks.append(Block("credit", credit))
    hints = {"credit": placement, "image_seed": draw.seed(), "aspect": draw.uniform(spec["aspect"]),
             "halfwidth": draw.chance(source.spec["story"]["halfwidth_punct"])}
    return Story(Item("photo", tuple(blocks)), hints)


def make_note(draw: Draw, source: Source) -> Story:
    if source.notes and draw.chance(0.7):
        blocks = _cut(draw, draw.choice(source.notes)["blocks"], source.spec["story"])
    else:
        article = draw.choice(source.articles)
        blocks = [["body", _sentence(draw, p[1])] for p in article["blocks"][:3] if _sentence(draw, p[1])]
        blocks = blocks or [["body", article["blocks"][0][1]]]
    item = Item("note", (Block("title", "编者按"), *(Block("body", t) for _, t in blocks)))
    return Story(item, {"boxed": draw.chance(source.spec["note"]["boxed"]), "halfwidth": False})
