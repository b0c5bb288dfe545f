"""How doubtful each finished item is: item and page cues, weighed by one logistic model (AS18).

Each cue is a small fact about the item itself (its headline, its paragraphs, its
dump lines): no headline, a headline that stands in its own text as a clause, a
paragraph that stops mid-sentence, lines the column stage rebuilt or that sat next
to junk set aside as noise, a name run into its role word, quotes that do not pair up,
a dump line ending a sentence inside a paragraph, a running head missing a piece or with its
date and page number in different rows, a credit inside a caption's text... or
about its page, which the tool detected: columns put back somewhere on it, junk set
aside, lines reading partly like junk throughout, many other stories stopping
mid-sentence, read by OCR (ocrpage: the marks its misreads leave). The weights are
data (rules/doubt.toml), fitted by benchmarks/doubt/fit.py on the factory corpus's fit
split against whether each item came out exact. An item (article, photo, note,
furniture) whose score is above the cut (wrong at least about a fifth of the time: issue 13
asks that warned items be wrong at least half the time taken together, and unwarned ones
right as often as can be), with a cue to
name (its own or its page's: its kind alone is a prior, never a reason), gets one
warning, AS18, that names the cues that fired; nothing else changes."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from . import furniture, lexicon, ocrpage, shapes
from .model import Item

_ECHOED = 4  # characters: a shorter headline may well recur in its text
_CLAUSE_MARKS = "，。；：！？、"
_SHORT = 80  # characters: a story's text shorter than this is a brief or a fragment
_SHORT_CAPTION = 20  # characters: a caption shorter than this is a fragment of one
_LONG = 1500  # characters: longer than this, two stories may have run together
_SHORT_HEADLINE = 6  # characters: a headline shorter than this is a fragment of one
_SPACED_RE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")  # a space between two Han characters
# no printed story text has them; misreads do (not +: “党建+网格”, “1+1+4” are printed)
_ODD_RE = re.compile(r"[|\\/_~^<>{}\[\]@#$&*=]")
_HEADLINE_RE = re.compile(r"[^\u4e00-\u9fff\s“”‘’、·：！？—《》（）0-9%.A-Za-z]")  # beyond a headline's marks
_NAMED = 0.3  # a cue weighing less than this is too slight to name as a reason
_NEAR = 2  # dump lines: junk this close to an item's line sat next to it
_APART = 3  # dump lines: running-head pieces this far apart were read as separate chunks, in any order
_JUNKY_PAGE = 0.02  # share of a page's lines read partly like junk: an OCR page's misreads run through it
_SHORT_INSIDE = 0.6  # of a block's longest line: a line shorter than this ended something, not a wrap
_HEADLINE_LINES = 3  # dump lines: a headline this tall may hold its subtitle or a kicker
_UNSPACED_HEADLINE = 10  # Han characters: a headline this long is often two phrases a space parts
_SPACED_PAGE = 0.05  # share of a page's lines holding a space: below it the dump drops phrase spaces
_LONG_CAPTION = 200  # characters: a caption longer than this took in a story's text
_HEAD_PIECES = 4  # paragraphs: a running head in this many pieces was read apart
_SHORT_NOTE = 60  # characters: a note shorter than this is a fragment of one
_NAME = 6  # characters: a running head's first piece this short, all Han, is the paper's name alone
_MANY_PARAGRAPHS = 6  # a story of this many paragraphs has as many breaks to get wrong
_CUT_PAGE = 0.3  # share of a page's other stories stopping mid-sentence: its stories were cut apart
# a name run into its role word (（记者李明通讯员…, 李明摄): the dump dropped the phrase spaces printed there
# a photo's credit (本报记者 魏静, 通讯员 李明) inside its caption's text: what follows it was read on from elsewhere
_CREDIT_INSIDE_RE = re.compile(r"(?:记者|通讯员|記者|通訊員)[\u4e00-\u9fff]{2,3}(?=[^\u4e00-\u9fff]{0,2}[\u4e00-\u9fff]{4})")
_RUN_TOGETHER_RE = re.compile(r"[（(][^）)]{0,20}?(?:记者|通讯员|記者|通訊員)[\u4e00-\u9fff]|[\u4e00-\u9fff][摄攝](?:$|[）)\s])")


@dataclass(frozen=True, slots=True)
class Context:
    """What the page knows about an item's dump lines."""

    noise: frozenset[int] = frozenset()  # dump lines set aside as noise
    rebuilt: tuple[tuple[int, int], ...] = ()  # (first, last) dump lines the column stage put back
    junk_like: frozenset[int] = frozenset()  # kept dump lines the noise stage scored close to junk
    lines: int = 0  # the dump's lines with text
    raw: dict[int, str] = field(default_factory=dict)  # the dump's lines by number, as read
    spaced: float = 1.0  # the share of the dump's lines holding a space (spaced_share)
    ocr: bool | None = None  # the page was read by an OCR engine (ocrpage: the marks its misreads leave); None: judge raw

    def __post_init__(self) -> None:  # judged once per page, not once per item (the pipeline passes its own judgement)
        if self.ocr is None:
            object.__setattr__(self, "ocr", ocrpage.read_by_ocr(self.raw.values()))


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: dict[str, float]
    cut: float  # an item scoring above this is warned of

    def score(self, cues: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in cues.items())


def load_model() -> Model:
    data = lexicon._read("doubt.toml")
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()}, float(data["cut"]))


MODEL = load_model()


def headline_doubt(title: str, body: tuple[tuple[str, str], ...]) -> str | None:
    """Why a story's headline reads like a line of text: it opens with a subtitle's dash, or it
    stands in the story's paragraphs as a whole clause. One that only echoes words of its lede is common.

    >>> headline_doubt("——加强各部门交流合", (("p", "本报讯 为促进全民健身，加强各部门交流合作。"),))
    'dash'
    >>> headline_doubt("订单产生汇兑损失", (("p", "受汇率波动影响，订单产生汇兑损失。"),))
    'clause'
    >>> headline_doubt("社区开展消防安全宣传", (("p", "本报讯 金桥社区开展消防安全宣传活动。"),)) is None
    True
    """
    bare = "".join(title.split())
    if bare.startswith("——"):
        return "dash"
    if len(bare) >= _ECHOED:
        clause = re.compile(f"(?:^|[{_CLAUSE_MARKS}”）]){re.escape(bare)}(?:$|[{_CLAUSE_MARKS}“（])")
        if any(clause.search("".join(text.split())) for kind, text in body if kind in ("p", "h2")):
            return "clause"
    return None


def cut_short(body: tuple[tuple[str, str], ...]) -> str | None:
    """The first paragraph that ends without a sentence mark.

    >>> cut_short((("p", "会议强调，要抓好落实。"), ("p", "居民纷纷表示，社区")))
    '居民纷纷表示，社区'
    >>> cut_short((("h2", "握紧拳头"), ("p", "“守住底线。”"))) is None
    True
    """
    return next((text for kind, text in body if kind == "p" and not shapes.ends_sentence(text)), None)


def block_lines(item: Item, raw: dict[int, str]) -> list[list[str]]:
    """The dump lines (stripped, blank aside) of each of the item's paragraph and caption blocks."""
    out = []
    for first, last, role in item.spans:
        if role in ("body", "caption"):
            out.append([line for no in range(first, last + 1) if (line := raw.get(no, "").strip())])
    return out


def line_cues(item: Item, raw: dict[int, str]) -> dict[str, float]:
    """short_inside: in a block of three dump lines or more, a line before its last that stops well
    short of the block's measure (a heading, a break or another story's end run in). Two lines give
    no measure: a paragraph on one long dump line may be cut anywhere.

    >>> raw = {1: "打造治理力量", 2: "人民是社会基层治理的主体，实现国家", 3: "治理的强本固基。"}
    >>> line_cues(Item("article", 1, spans=((1, 3, "body"),)), raw)
    {'short_inside': 1.0}
    >>> line_cues(Item("article", 1, spans=((2, 3, "body"),)), raw)
    {}
    >>> line_cues(Item("article", 1, spans=((1, 3, "body"),)), {1: "活动中，铁东区北市场", 2: "金 桥 社 区 的 工 作 人 员 首 先 向 辖", 3: "区居民介绍。"})
    {}
    """
    found = {}
    for lines in block_lines(item, raw):
        sizes = [len(shapes.squeeze(line)) for line in lines]  # a line printed spread is no wider
        if len(lines) > 2 and any(size < _SHORT_INSIDE * max(sizes) for size in sizes[:-1]):
            found["short_inside"] = 1.0
    return found


def line_end_cues(item: Item, raw: dict[int, str]) -> dict[str, float]:
    """sentence_at_wrap: in a paragraph of an article, a dump line before the paragraph's last that
    ends a sentence (a paragraph break may be missing there). opens_after_open: the dump line just
    above one of its paragraphs or its caption, not its own, stops mid-sentence and is about as wide
    as their lines (their first words may be up there)."""
    found = {}
    if item.kind == "article":
        for first, last, role in item.spans:
            if role == "body" and any(shapes.ends_sentence(raw.get(no, "")) for no in range(first, last)
                                      if raw.get(no, "").strip() and raw.get(no + 1, "").strip()):
                found["sentence_at_wrap"] = 1.0
    own = {no for first, last, _ in item.spans for no in range(first, last + 1)}
    for first, last, role in item.spans:
        if role not in ("body", "caption"):
            continue
        above = raw.get(first - 1, "").strip()
        width = max((len(shapes.squeeze(raw.get(no, ""))) for no in range(first, last + 1)), default=0)
        if (above and first - 1 not in own and not shapes.ends_sentence(above)
                and len(shapes.squeeze(above)) >= _SHORT_INSIDE * width):
            found["opens_after_open"] = 1.0
    return found


def head_row_cues(item: Item, raw: dict[int, str]) -> dict[str, float]:
    """A running head's rows. head_row_split: its date and its page number in different paragraphs
    (a head prints them on one row: the pieces were read apart and put back in the wrong rows).
    head_order: a row whose section name does not follow its page number (the pieces were put
    back in the wrong order). name_joined: its first paragraph opens with the paper's name that stood alone on a dump line
    (the name may be printed over the row, on its own).

    >>> item = Item("furniture", 1, body=(("p", "第7版 财经"), ("p", "人民日报 2020年8月26日 星期日")), spans=((1, 2, "furniture"),))
    >>> head_row_cues(item, {1: "第7版 财经", 2: "人民日报 2020年8月26日 星期日"})
    {'head_row_split': 1.0}
    >>> item = Item("furniture", 1, body=(("p", "环球时报 2013年4月9日 星期三 第7版 社区"),), spans=((1, 3, "furniture"),))
    >>> head_row_cues(item, {1: "环球时报", 2: "2013年4月9日 星期三", 3: "第7版 社区"})
    {'name_joined': 1.0}
    """
    found = {}
    pieces = [furniture.head_pieces(text) or frozenset() for _, text in item.body]
    date = next((k for k, got in enumerate(pieces) if "date" in got), None)
    page = next((k for k, got in enumerate(pieces) if "page" in got), None)
    if date is not None and page is not None and date != page:
        found["head_row_split"] = 1.0
    if any(_section_astray(text) for _, text in item.body):
        found["head_order"] = 1.0
    words = item.body[0][1].split() if item.body else []
    if (len(words) > 1 and furniture.head_pieces(words[0]) == {"paper"}
            and any(raw.get(no, "").strip() == words[0] for first, last, _ in item.spans for no in range(first, last + 1))):
        found["name_joined"] = 1.0
    return found


def _section_astray(text: str) -> bool:
    """A head row whose section name does not follow its page number (a head prints 第N版 社区).

    >>> _section_astray("第13版 2017年7月8日 星期一 民生"), _section_astray("2017年7月8日 星期一 第13版 民生")
    (True, False)
    """
    kinds = furniture.piece_order(text) or []
    return "page" in kinds and any(kind == "section" and (k == 0 or kinds[k - 1] != "page") for k, kind in enumerate(kinds))


def spaced_share(raw: dict[int, str]) -> float:
    """The share of the dump's lines with text that hold a space inside them.

    >>> spaced_share({1: "社区开展 消防演练", 2: "本报讯 近日", 3: "居民表示满意。", 4: ""})
    0.6666666666666666
    """
    lines = [line.strip() for line in raw.values() if line.strip()]
    return sum(" " in line for line in lines) / len(lines) if lines else 1.0


def page_cues(context: Context) -> dict[str, float]:
    """The cues of the item's page: columns put back somewhere on it, junk set aside, misreads throughout.

    >>> sorted(page_cues(Context(noise=frozenset({9}), junk_like=frozenset({3}), lines=40)))
    ['page_junk', 'page_noise']
    >>> page_cues(Context(junk_like=frozenset({3}), lines=100))
    {}
    """
    found = {}
    if context.rebuilt:
        found["page_rebuilt"] = 1.0
    if context.noise:
        found["page_noise"] = 1.0
    if context.lines and len(context.junk_like) / context.lines >= _JUNKY_PAGE:
        found["page_junk"] = 1.0
    if context.ocr:
        found["page_ocr"] = 1.0
    return found


def with_page_cut(found: list[dict[str, float]]) -> list[dict[str, float]]:
    """Each item's cues, with page_cut where many of the page's other stories stop mid-sentence.

    >>> [sorted(f) for f in with_page_cut([{"article": 1.0, "cut_short": 1.0}, {"article": 1.0}])]
    [['article', 'cut_short'], ['article', 'page_cut']]
    """
    stories = [("cut_short" in f) for f in found if "article" in f]
    out = []
    for f in found:
        own = "article" in f and "cut_short" in f
        others = len(stories) - ("article" in f)
        share = (sum(stories) - own) / others if others else 0.0
        out.append({**f, "page_cut": 1.0} if share >= _CUT_PAGE else f)
    return out


def cues(item: Item, context: Context = Context()) -> dict[str, float]:
    """The cues that fire for one item (each 1.0), by name.

    >>> sorted(cues(Item("article", 1, body=(("p", "居民纷纷表示，社区"),), spans=((1, 1, "body"),))))
    ['article', 'cut_short', 'no_headline', 'no_opener', 'one_paragraph', 'short']
    """
    found: dict[str, float] = {item.kind: 1.0}
    lines = [no for first, last, _ in item.spans for no in range(first, last + 1)]
    if lines and context.rebuilt and any(first <= no <= last for no in lines for first, last in context.rebuilt):
        found["rebuilt"] = 1.0
    if lines and context.noise and any(no + d in context.noise for no in lines for d in range(-_NEAR, _NEAR + 1)):
        found["near_noise"] = 1.0
    if context.junk_like and any(no in context.junk_like for no in lines):
        found["junk_like"] = 1.0
    starts = [first for first, _, role in item.spans if role in ("body", "heading", "caption")]
    if any(b < a for a, b in zip(starts, starts[1:])):
        found["out_of_order"] = 1.0
    size = sum(len(shapes.squeeze(text)) for _, text in item.body)
    if item.kind == "furniture" and any(1 < b[0] - a[1] <= _APART for a, b in zip(item.spans, item.spans[1:])):
        found["head_apart"] = 1.0
    if item.kind == "photo" and not item.credit:
        found["no_credit"] = 1.0
    if item.kind == "photo" and size < _SHORT_CAPTION:
        found["short"] = 1.0
    text = "\n".join(body for _, body in item.body)
    if item.kind != "furniture" and _SPACED_RE.search(text):  # a running head's pieces are always spaced
        found["spaced"] = 1.0
    if _ODD_RE.search(text):
        found["odd_marks"] = 1.0
    if text.count("“") != text.count("”"):
        found["quotes_unpaired"] = 1.0
    if _RUN_TOGETHER_RE.search(text):
        found["run_together"] = 1.0
    found.update(page_cues(context))
    if context.raw and item.kind in ("article", "photo"):
        found.update(line_cues(item, context.raw))
    if item.kind == "photo" and _CREDIT_INSIDE_RE.search("".join(text.split())):
        found["credit_inside"] = 1.0
    if item.kind == "photo" and size > _LONG_CAPTION:
        found["caption_long"] = 1.0
    if context.raw:
        found.update(line_end_cues(item, context.raw))
    if (item.kind == "furniture" and len(item.body) > 1 and len(bare_name := shapes.squeeze(item.body[0][1])) <= _NAME
            and all("\u4e00" <= ch <= "\u9fff" for ch in bare_name)):
        found["name_alone"] = 1.0
    if item.kind == "furniture":
        pieces = set().union(*(furniture.head_pieces(text) or () for _, text in item.body))
        if pieces and not {"date", "page", "paper"} <= pieces:
            found["head_missing"] = 1.0
    if item.kind == "furniture":
        found.update(head_row_cues(item, context.raw))
    if item.kind == "furniture" and len(item.body) >= _HEAD_PIECES:
        found["head_pieces"] = 1.0
    if item.kind == "note" and cut_short(item.body[:-1]) is not None:  # its last paragraph is stops_open's
        found["cut_short"] = 1.0
    if item.kind == "note" and sum(kind == "p" for kind, _ in item.body) > 1:
        found["note_paragraphs"] = 1.0
    if item.kind == "note" and size < _SHORT_NOTE:
        found["short"] = 1.0
    if item.kind in ("photo", "note") and item.body and not shapes.ends_sentence(item.body[-1][1]):
        found["stops_open"] = 1.0
    if item.kind != "article":
        return found
    if not item.title:
        found["no_headline"] = 1.0
    doubt = headline_doubt(item.title, item.body) if item.title else None
    if doubt:
        found[f"headline_{doubt}"] = 1.0
    bare = "".join(item.title.split())
    if 0 < len(bare) < _SHORT_HEADLINE:
        found["headline_short"] = 1.0
    if _HEADLINE_RE.search(bare):
        found["headline_odd"] = 1.0
    if sum(last - first + 1 for first, last, role in item.spans if role == "title") >= _HEADLINE_LINES:
        found["headline_tall"] = 1.0
    if (" " not in item.title.strip() and sum(1 for ch in bare if "\u4e00" <= ch <= "\u9fff") >= _UNSPACED_HEADLINE
            and context.raw and context.spaced < _SPACED_PAGE):
        found["headline_unspaced"] = 1.0
    if cut_short(item.body) is not None:
        found["cut_short"] = 1.0
    paragraphs = [text for kind, text in item.body if kind == "p"]
    if not item.byline and not (paragraphs and shapes.starts_with_dateline(paragraphs[0])):
        found["no_opener"] = 1.0
    if len(item.body) == 1:
        found["one_paragraph"] = 1.0
    if len(paragraphs) >= _MANY_PARAGRAPHS:
        found["many_paragraphs"] = 1.0
    if any(kind == "h2" for kind, _ in item.body):
        found["headings"] = 1.0
    if size < _SHORT:
        found["short"] = 1.0
    elif size > _LONG:
        found["long"] = 1.0
    return found


SAYS = {  # what each cue says in the warning; a kind's prior is not a reason of its own
    "no_headline": "no headline", "headline_dash": "the headline opens with a dash",
    "headline_clause": "the headline stands in the text as a clause", "cut_short": "a paragraph stops mid-sentence",
    "no_opener": "no dateline or byline", "headings": "section headings", "short": "a short text",
    "long": "a long text", "no_credit": "a caption with no credit", "rebuilt": "lines from a stretch of columns put back",
    "near_noise": "lines next to junk set aside", "out_of_order": "text taken from out of the dump's order",
    "spaced": "a space inside Chinese text", "odd_marks": "marks no story prints (|, _, <…)",
    "headline_short": "a very short headline", "headline_odd": "the headline holds marks no headline prints (，。…)",
    "one_paragraph": "one paragraph", "junk_like": "lines that read partly like junk",
    "head_apart": "running-head pieces read apart (their order is a guess)",
    "run_together": "a name run into its role word (the dump dropped phrase spaces)",
    "page_rebuilt": "a page whose columns were put back", "page_noise": "a page with junk set aside",
    "page_junk": "a page whose lines often read partly like junk", "page_cut": "a page whose other stories stop mid-sentence",
    "short_inside": "a short dump line inside a paragraph or caption (a heading or a break may be run in)",
    "headline_tall": "a headline from three or more dump lines (it may hold a subtitle or kicker)",
    "headline_unspaced": "a long headline with no space on a page whose dump drops spaces (a phrase space may be missing)",
    "stops_open": "the text stops mid-sentence (its end may be elsewhere)",
    "caption_long": "a long caption (a story's text may have run in)",
    "page_ocr": "a page read by OCR (misread characters are likely)",
    "sentence_at_wrap": "a dump line ends a sentence inside a paragraph (a paragraph break may be missing)",
    "opens_after_open": "a paragraph or caption right under another line of text that stops mid-sentence (its first words may be there)",
    "name_alone": "the paper's name on a line of its own (it may be printed on the date's line)",
    "note_paragraphs": "a note of two paragraphs or more (a story's text may have run in)",
    "many_paragraphs": "six paragraphs or more (each break is a guess)",
    "head_missing": "a running head without its date, page number or paper's name (it may be elsewhere)",
    "quotes_unpaired": "quotation marks that do not pair up (a misread mark, or text missing or run in)",
    "head_pieces": "a running head in four or more pieces (their breaks are a guess)",
    "head_row_split": "a running head's date and page number in different rows (a head prints them on one)",
    "head_order": "a running head's section name away from its page number (its pieces' order is a guess)",
    "name_joined": "the paper's name, alone on its dump line, put on the date's line (it may be printed alone)",
    "credit_inside": "a credit inside the caption's text (what follows may be another story's)",
}


def reasons(found: dict[str, float], model: Model = MODEL) -> list[str]:
    """The cues of `found` that raise the score, weightiest first (an item's kind is no reason)."""
    return sorted((name for name in found if name in SAYS and model.weights.get(name, 0.0) >= _NAMED),
                  key=lambda name: -model.weights[name])


def doubted(found: dict[str, float], model: Model = MODEL) -> bool:
    """Warned of: scored above the cut, with a cue (the item's own or its page's) to name."""
    return model.score(found) > model.cut and bool(reasons(found, model))


def warning(item: Item, found: dict[str, float], model: Model = MODEL) -> str | None:
    """AS18 and the cues (`found`) that raised the item's score, if it is doubted; else None."""
    if not doubted(found, model):
        return None
    said = [SAYS[name] + (f" (……{cut_short(item.body)[-8:]})" if name == "cut_short" else "")
            for name in reasons(found, model)]
    chance = 1 / (1 + math.exp(-model.score(found)))
    return f"AS18 doubtful item ({chance:.0%} likely wrong): {'; '.join(said)}"


def weigh(items: list[Item], context: Context) -> list[Item]:
    """Each item with its AS18 warning where the model doubts it."""
    out = []
    for item, found in zip(items, with_page_cut([cues(item, context) for item in items])):
        said = warning(item, found)
        out.append(replace(item, warnings=(*item.warnings, said)) if said else item)
    return out
