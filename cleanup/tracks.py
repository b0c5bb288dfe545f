"""Which column each piece of an interleaved stretch belongs to: cues and one best assignment.

The dump is read as pieces (a line, or the part of a merged line between two gutters). Each
column of the page is a track: its pieces, in dump order. A beam search goes through the
pieces once; each piece goes on a live track or starts a new one, and every choice is scored
by the cues (CO rules): how well the piece goes on from the track's last piece (a word or a
printed pair across the seam, a quote the track left open, a number and its unit), how well
it fits the track's width, and how the extractors deal lines out (round the columns in turn:
the track that waited longest is next). The weights are data (rules/columns.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from . import lexicon, shapes
from .rulebook import rule
from .seams import PagePairs, word_across

_LEX = lexicon.load()
_OPENERS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "「": "」", "【": "】"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_UNITS = _LEX.number_units | frozenset("年月日时分秒")
_GOES_ON = frozenset("；，、：")  # a line ending in one goes on
_INDENT = 2.5  # a first line's lost indent, and a character to spare


@dataclass(frozen=True, slots=True)
class Piece:
    """A line of the dump, or one column's part of a merged line."""

    no: int  # its dump line
    slot: int  # its place in that line, 0 the leftmost
    text: str
    length: float  # printed width (shapes.display_length)
    ends: bool  # ends a sentence (shapes.ends_sentence)
    after_break: bool = False  # a blank line stands before it, on a page where blank lines part blocks:
    # no column runs on across it (pdfminer puts one after every line or two: there it means nothing)


class Track(NamedTuple):
    """One column as assigned so far (a tuple: hypotheses share them, and the search makes many)."""

    first: int  # index of its first piece: the track's name
    last: int  # index of its last piece
    width: float  # its full lines' printed width; 0 while it holds only paragraph ends
    count: int
    opened: int  # quotes and brackets its current paragraph left open
    skipped: int = 0  # times passed over since its last piece
    x: float = 0.0  # its place across the page, as far as merged lines tell: left of every larger x
    body: bool = False  # its width is one of the page's column widths: a column of running text


@dataclass(frozen=True, slots=True)
class Link:
    """What the cues look at: piece `b` put on `track`, whose last piece is `a`."""

    a: Piece | None  # None: b starts a new track
    b: Piece
    track: Track | None
    rank: int  # how many live tracks waited longer than this one
    pairs: PagePairs
    words: dict[str, float] | None  # seams.lexicon()
    over: float = 0.0  # the page's widest column width (0: unknown)


def _open_full(link: Link) -> bool:
    """The track's last piece stops mid-sentence on a full line: the next piece must go on from it."""
    return link.a is not None and not link.a.ends and not short(link.a, link.track.width)


def short(piece: Piece, width: float) -> bool:
    """Narrower than its column's full lines (a paragraph's last line, if it ends a sentence).

    A paragraph's first line, its indent lost, is two characters short and still full.
    """
    return width > 0 and piece.length < width - _INDENT


@rule("CO01")
def pair_across_seam(link: Link) -> float:
    """The page prints the two characters across the seam side by side, more than by chance (0–1).

    The value is their affinity (seams.PagePairs.affinity) above one, up to 1 at four.

    A column's line ends inside a word more often than not; the pair across a true seam is
    one the page uses, the pair across two columns' lines a chance one.

    >>> pair_across_seam(_example("行走在吉林", "省长春市", ["吉林省长春市", "走进手机店"]))
    0.17
    >>> pair_across_seam(_example("行走在吉林", "手机上的", ["吉林省长春市", "走进手机店"]))
    0.0
    """
    if not _open_full(link):
        return 0.0
    return round(min(1.0, max(0.0, link.pairs.affinity(link.a.text, link.b.text) - 1.0) / 3.0), 2)


@rule("CO02")
def word_across_seam(link: Link) -> float:
    """The likeliest reading into words (jieba's dictionary, if installed) has one across the seam (1).

    >>> word_across_seam(_example("行走在吉林", "省长春市", [], {"吉林省": -8.0}))
    1.0
    >>> word_across_seam(_example("行走在吉林", "手机上的", [], {"吉林省": -8.0}))
    0.0
    """
    if not _open_full(link):
        return 0.0
    return float(word_across(link.a.text, link.b.text, link.words))


@rule("CO03")
def seam_without_evidence(link: Link) -> float:
    """A full line stops mid-sentence and nothing across the seam says the piece goes on from it (1).

    >>> seam_without_evidence(_example("行走在吉林", "手机上的", ["吉林省"]))
    1.0
    >>> seam_without_evidence(_example("行走在吉林。", "手机上的", ["吉林省"]))
    0.0
    """
    if not _open_full(link):
        return 0.0
    a, b = link.a.text, link.b.text
    return float(link.pairs.affinity(a, b) <= 1.0 and not word_across(a, b, link.words))


@rule("CO04")
def wider_than_column(link: Link) -> float:
    """The piece is wider than the track's column (its excess, in characters, at most 4).

    >>> wider_than_column(_example("行走在吉林", "省长春市农安县田间察看", []))
    4.0
    >>> wider_than_column(_example("行走在吉林", "省长春", []))
    0.0
    """
    if link.track is None or not link.track.width:
        return 0.0
    return min(4.0, max(0.0, link.b.length - link.track.width - 1.5))


@rule("CO05")
def fills_column(link: Link) -> float:
    """The piece is as wide as the track's full lines (1): columns of one story share a width.

    >>> fills_column(_example("行走在吉林", "省长春市农", []))
    1.0
    >>> fills_column(_example("行走在吉林", "省。", []))
    0.0
    """
    if link.track is None or not link.track.width:
        return 0.0
    return float(abs(link.b.length - link.track.width) <= 1.0)


@rule("CO11")
def stops_short(link: Link) -> float:
    """The piece is narrower than the track's column and ends no sentence (1).

    Inside a column only a paragraph's last line is short, and it ends a sentence; a short
    line that does not is a headline, a caption or another column's line.

    >>> stops_short(_example("行走在吉林", "省长", []))
    1.0
    >>> stops_short(_example("行走在吉林", "省长。", []))
    0.0
    """
    if link.track is None or link.b.ends:
        return 0.0
    return float(short(link.b, link.track.width))


@rule("CO16")
def below_wide_piece(link: Link) -> float:
    """The piece is the dump line right under a wider-than-every-column last piece it goes on from (1).

    The last piece is a caption or a lead set across columns; it goes on if it ends in ；，、：
    or a word or a printed pair runs across the seam.

    An OCR engine reads such a line as one box and the line under it next; a column's line
    beside it comes from another box.

    >>> below_wide_piece(_example("三大指数今日早盘集体上涨，截至午间收盘上证指数涨幅1.56%；", "深证成指涨幅1.27%", [], over=10.0))
    1.0
    >>> below_wide_piece(_example("政策松绑、平台支撑、专业服务构建转化生态", "本报记者邓建胜", [], over=10.0))
    0.0
    """
    a = link.a
    if a is None or not link.over or link.b.no != a.no + 1 or a.length <= link.over + 2.0:
        return 0.0
    tail = a.text.rstrip()[-1:]
    if tail in _GOES_ON:
        return 1.0
    return float(not a.ends and (link.pairs.affinity(a.text, link.b.text) > 1.0
                                 or word_across(a.text, link.b.text, link.words)))


@rule("CO06")
def quote_closed(link: Link) -> float:
    """The piece closes a quote or bracket: 1 if the track left one open, -1 if none is open.

    >>> quote_closed(_example("他说：“今年咱也", "按新方法。”李克东说", []))
    1.0
    >>> quote_closed(_example("今年咱也按着新", "方法施肥。”李克东", []))
    -1.0
    """
    if link.track is None:
        return 0.0
    closes = _leading_closer(link.b.text)
    if not closes:
        return 0.0
    return 1.0 if link.track.opened > 0 else -1.0


@rule("CO07")
def number_runs_on(link: Link) -> float:
    """A line that ends in a number goes on with its unit or more digits (1).

    >>> number_runs_on(_example("营业收入总额为7,053.10", "万元，同比增长", []))
    1.0
    >>> number_runs_on(_example("能看清", "平方米内的", []))
    0.0
    """
    if link.a is None or not link.a.text[-1:].isdigit():
        return 0.0
    head = link.b.text.lstrip()[:1]
    return float(head.isdigit() or head in _UNITS)


@rule("CO08")
def waited_longer(link: Link) -> float:
    """How many live tracks waited longer than the chosen one and are kept for later.

    PaddleOCR sorts boxes top to bottom, pdfminer and pdftotext read across at one height:
    the column whose line comes next is the one that waited longest. A track passed over is
    either kept (this cue, for each) or ended (CO12, CO13).

    >>> waited_longer(_example("甲", "乙", [], rank=2)), waited_longer(_example("甲", "乙", []))
    (2.0, 0.0)
    """
    return float(link.rank)


@rule("CO09")
def starts_column(link: Link) -> float:
    """The piece starts a new track (1): a column, a headline or a caption beside the others.

    >>> starts_column(Link(None, Piece(1, 0, "甲", 1.0, False), None, 0, PagePairs.of([]), None))
    1.0
    >>> starts_column(_example("甲", "乙", []))
    0.0
    """
    return float(link.track is None)


@rule("CO10")
def same_place_in_line(link: Link) -> float:
    """The piece holds the same place in its merged line as the track's last piece (1).

    pdftotext writes the columns at one height in one line, left to right: a column keeps
    its place from line to line, but for a column that has no line at that height.

    >>> same_place_in_line(Link(Piece(1, 2, "甲", 1.0, False), Piece(2, 2, "乙", 1.0, False),
    ...                         Track(0, 0, 1.0, 1, 0), 0, PagePairs.of([]), None))
    1.0
    >>> same_place_in_line(Link(Piece(1, 2, "甲", 1.0, False), Piece(2, 1, "乙", 1.0, False),
    ...                         Track(0, 0, 1.0, 1, 0), 0, PagePairs.of([]), None))
    0.0
    """
    if link.a is None or (link.a.slot == 0 and link.b.slot == 0):
        return 0.0
    return float(link.a.slot == link.b.slot)


@rule("CO12")
def ends_mid_sentence(link: Link) -> float:
    """A track ends (is passed over for good) after a full line that stops mid-sentence (1).

    A column's text runs to its foot and on at the next column's head, so a track may end
    in mid-sentence at the foot of a stretch; anywhere else it is a column cut in two.
    Here link.a is the ended track's last piece and link.b the piece that went elsewhere.
    A headline stops without a mark too: only a track set at a column width counts.

    >>> ends_mid_sentence(_example("行走在吉林", "甲", [])), ends_mid_sentence(_example("行走在吉林。", "甲", []))
    (1.0, 0.0)
    """
    return float(_open_full(link) and link.track.body)


@rule("CO13")
def ends_after_paragraph(link: Link) -> float:
    """A track ends after a paragraph's last line, or a headline (1): a column or a story done.

    >>> ends_after_paragraph(_example("行走在吉林。", "甲", [])), ends_after_paragraph(_example("行走在吉林", "甲", []))
    (1.0, 0.0)
    """
    return float(link.a is not None and not (_open_full(link) and link.track.body))


@rule("CO15")
def breaks_the_turn(link: Link) -> float:
    """The first track passed over after every live track took its turn for a full round (1).

    Where the extractor has been dealing the columns out in turn, the next line is the due
    column's; passing it over there is far less likely than in a stretch that was never
    regular (tops of columns at different heights). link.rank: the tracks passed over;
    link.track.count stands for the pieces dealt in turn before.

    >>> breaks_the_turn(_example("甲", "乙", [], rank=1)), breaks_the_turn(_example("甲", "乙", []))
    (1.0, 0.0)
    """
    return float(link.rank > 0)


def head_in_open_column(link: Link) -> float:
    """A head line put on a column of running text whose full last line stops mid-sentence (1).

    A head line is a ——subtitle, or a headline's line (shapes.is_headline_like: no clause
    marks) at most half the column's width that ends no sentence, with no word or page pair
    across the seam. The sentence goes on in that column: such a line is another story's head
    that pdfminer dealt out among the columns' lines, a track of its own (CW25; `CW25` in
    rules/columns.toml [cues]). A column of three lines at least: its width is known.

    >>> from dataclasses import replace
    >>> def column(a, b, words=None):  # a track of three lines, a's width
    ...     link = _example(a, b, [], words)
    ...     return replace(link, track=link.track._replace(count=3))
    >>> head_in_open_column(column("今天上午他们行走在吉林省长春市", "站好岗 放好哨"))
    1.0
    >>> head_in_open_column(column("今天上午他们行走在吉林省长春市", "——种好社区治理“责任田”"))
    1.0
    >>> head_in_open_column(column("今天上午他们行走在吉林省长春市。", "站好岗 放好哨"))  # a sentence ended: a heading
    0.0
    >>> head_in_open_column(column("今天上午他们行走在吉林省长春市", "农安县田", {"市农安县": -8.0}))  # a word across
    0.0
    >>> head_in_open_column(_example("今天上午他们行走在吉林省长春市", "站好岗 放好哨", []))  # two lines: no column yet
    0.0
    """
    if link.a is None or link.track.count < 3 or not link.track.body or not _open_full(link) or link.b.ends:
        return 0.0
    text = link.b.text.strip()
    if shapes.is_subtitle_dash(text):
        return 1.0
    if link.b.length > link.track.width / 2 or not shapes.is_headline_like(text):
        return 0.0
    return float(link.pairs.affinity(link.a.text, text) <= 1.0 and not word_across(link.a.text, text, link.words))


def _leading_closer(text: str) -> bool:
    """Whether a closing quote or bracket comes before any opening one."""
    for ch in text:
        if ch in _OPENERS:
            return False
        if ch in _CLOSERS:
            return True
    return False


def balance(text: str, opened: int) -> int:
    """Quotes and brackets left open after `text`, `opened` being open before it.

    >>> balance("他说：“今年", 0), balance("不错。”李克东说", 1)
    (1, 0)
    """
    for ch in text:
        if ch in _OPENERS:
            opened += 1
        elif ch in _CLOSERS and opened:
            opened -= 1
    return min(opened, 3)


def _example(a: str, b: str, page: list[str], words=None, rank: int = 0, over: float = 0.0) -> Link:
    """A link for the doctests: piece b, the dump line under a, put on a track whose last piece is a
    (width: a's), on a page whose widest column is `over` wide (0: unknown)."""
    from .shapes import display_length, ends_sentence

    pa = Piece(1, 0, a, display_length(a), ends_sentence(a))
    pb = Piece(2, 0, b, display_length(b), ends_sentence(b))
    track = Track(0, 0, pa.length, 2, balance(a, 0), body=True)
    return Link(pa, pb, track, rank, PagePairs.of(page), words, over)


