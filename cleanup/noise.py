"""OCR junk lines set aside for the page's one `noise` item (NZ cues).

OCR reads pictures, rules, ornaments and the mirrored text showing through a
thin sheet as lines of text: `<个`, `司     了|`, `人 4二| 二 SEE`. Left in the
page they become headlines and split real ones. Each line gets a junk score,
a weighted sum of cues (NZ02…): small pure functions of the line and its page.
The weights are data (rules/noise.toml), fitted by benchmarks/noise/fit.py on
the corpus's fit split, and a line is set aside only when the score is clearly
positive: a real line lost to noise is lost to its article.

The stage takes the numbered lines (after the line rules) and returns them with
each junk line blanked (a picture stood there: the blank keeps the jump), plus
the junk lines themselves, as read, with their dump line numbers.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import regex

from . import lexicon
from .model import Item, Step
from .rulebook import rule

_HAN_RE = regex.compile(r"\p{Han}")
_LATIN_RUN_RE = regex.compile(r"[A-Za-z]+")
_WIDE_GAP_RE = regex.compile(r"\S( {3,}|\t|\u3000{2,})\S")
# what running text prints besides Han, letters and digits; anything else is a symbol OCR made of a picture
_TEXT_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉「」『』【】—…·,.;:?!()\"'%％+-/℃°～~·．")
_SENTENCE_END = frozenset("。！？；…”’）」』》.!?;")


@dataclass(frozen=True, slots=True)
class PageText:
    """How often each character and each pair of Han characters occurs on the page."""

    chars: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)  # Latin letter runs

    @classmethod
    def of(cls, lines: list[str]) -> PageText:
        page = cls()
        for line in lines:
            page.add(line)
        return page

    def add(self, line: str) -> None:
        bare = _bare(line)
        self.chars.update(bare)
        self.pairs.update(_han_pairs(bare))
        self.words.update(_LATIN_RUN_RE.findall(line))


@dataclass(frozen=True, slots=True)
class View:
    """One line as the cues see it: its text, and the page's text apart from it."""

    text: str
    bare: str  # without white space
    page: PageText

    def elsewhere(self, counter: Counter, key: str, own: Counter) -> int:
        return counter[key] - own[key]


def view(text: str, page_lines: tuple[str, ...] = ()) -> View:
    """A line and its page, for the cues (the page includes the line itself)."""
    return View(text, _bare(text), PageText.of([*page_lines, text]))


def _bare(text: str) -> str:
    return "".join(text.split())


def _han_pairs(bare: str) -> list[str]:
    return [bare[i:i + 2] for i in range(len(bare) - 1) if _HAN_RE.match(bare[i]) and _HAN_RE.match(bare[i + 1])]


def _is_symbol(ch: str) -> bool:
    if ch in _TEXT_MARKS or ch.isalnum():
        return False
    return True


@rule("NZ02")
def odd_symbols(v: View) -> float:
    """Share of a line's characters that are symbols running text never prints (| < _ \\ ■ ※).

    A bullet before a name (■李文) is a byline's, not a picture's.

    >>> odd_symbols(view("司     了|")), odd_symbols(view("<个"))
    (0.333, 0.5)
    >>> odd_symbols(view("■李文")), odd_symbols(view("决)。"))
    (0.0, 0.0)
    """
    bare = v.bare
    if len(bare) > 1 and bare[0] in _LEX.byline_bullets and _HAN_RE.match(bare[1]):
        bare = bare[1:]
    if not bare:
        return 0.0
    return round(sum(_is_symbol(ch) for ch in bare) / len(bare), 3)


@rule("NZ03")
def foreign_letters(v: View) -> float:
    """Share of a line's characters that are Latin letters in runs found nowhere else on the page.

    A picture's edges read as SEE, ii or Wy; a real acronym (FATCA, LED) is
    usually printed again in the text around it.

    >>> foreign_letters(view("人 4二| 二 SEE"))
    0.375
    >>> foreign_letters(view("FATCA的条规", ("美国2010年通过的法案(FATCA)",)))
    0.0
    """
    if not v.bare:
        return 0.0
    own = Counter(_LATIN_RUN_RE.findall(v.text))
    unseen = sum(len(w) * n for w, n in own.items() if v.elsewhere(v.page.words, w, own) <= 0)
    return round(unseen / len(v.bare), 3)


@rule("NZ04")
def scattered_characters(v: View) -> float:
    """Share of a line's space-separated pieces that are one character, wide gaps counted twice.

    OCR puts spaces around the specks it reads in a picture (司     了|);
    real text runs on, and the line rules have closed spread text already.

    >>> scattered_characters(view("人 4二| 二 SEE"))
    0.5
    >>> scattered_characters(view("游园赏美景 千人健步行"))
    0.0
    """
    pieces = v.text.split()
    if len(pieces) < 2:
        return 0.0
    singles = sum(len(p) == 1 for p in pieces) + len(_WIDE_GAP_RE.findall(v.text))
    return round(min(1.0, singles / len(pieces)), 3)


@rule("NZ05")
def unseen_pairs(v: View) -> float:
    """Share of a line's pairs of Han characters found nowhere else on the page.

    Words recur on a page; a picture read as text makes pairs no sentence has.

    >>> unseen_pairs(view("秆委世和", ("世界和平",)))
    1.0
    >>> unseen_pairs(view("社区开展义诊", ("社区居民参加义诊活动，开展宣传",)))
    0.4
    """
    pairs = _han_pairs(v.bare)
    if not pairs:
        return 0.0
    own = Counter(pairs)
    return round(sum(v.elsewhere(v.page.pairs, p, own) <= 0 for p in pairs) / len(pairs), 3)


@rule("NZ06")
def rare_characters(v: View) -> float:
    """Share of a line's Han characters found nowhere else on the page.

    >>> rare_characters(view("秆委", ("委员会",)))
    0.5
    >>> rare_characters(view("社区", ("社区居民",)))
    0.0
    """
    hans = [ch for ch in v.bare if _HAN_RE.match(ch)]
    if not hans:
        return 0.0
    own = Counter(hans)
    return round(sum(v.elsewhere(v.page.chars, ch, own) <= 0 for ch in hans) / len(hans), 3)


@rule("NZ07")
def short_line(v: View) -> float:
    """How short a line is: 1 for one character, falling to 0 at twelve.

    >>> short_line(view("<个")), short_line(view("社区开展义诊活动，为居民送健康"))
    (0.833, 0.0)
    """
    return round(max(0.0, 1 - len(v.bare) / 12), 3)


@rule("NZ08")
def no_han(v: View) -> float:
    """1 for a line with neither a Han character nor a digit: symbols and letters only.

    >>> no_han(view("|| —")), no_han(view("2024年"))
    (1.0, 0.0)
    """
    return 0.0 if any(ch.isdigit() or _HAN_RE.match(ch) for ch in v.bare) else 1.0


@rule("NZ09")
def ends_sentence(v: View) -> float:
    """1 for a line ending a sentence (。！？” …): a paragraph's last line, never a picture's.

    >>> ends_sentence(view("币。")), ends_sentence(view("司 了|"))
    (1.0, 0.0)
    """
    return 1.0 if v.bare[-1:] in _SENTENCE_END and _HAN_RE.search(v.bare) else 0.0


@rule("NZ10")
def han_share(v: View) -> float:
    """Share of a line's letters and symbols that are Han characters (digits and punctuation aside).

    >>> han_share(view("人 4二| 二 SEE")), han_share(view("86.5767%。"))
    (0.429, 1.0)
    """
    letters = [ch for ch in v.bare if ch.isalpha() or _is_symbol(ch)]
    if not letters:
        return 1.0
    return round(sum(bool(_HAN_RE.match(ch)) for ch in letters) / len(letters), 3)


@rule("NZ11")
def junk_neighbours(context: tuple[float, float]) -> float:
    """The junk probability of the likelier junk of the lines just above and below (blanks skipped).

    Pictures make runs of junk lines; a lone short line among text is text.

    >>> junk_neighbours((0.9, 0.2)), junk_neighbours((0.01, 0.0))
    (0.9, 0.01)
    """
    return max(context)


@rule("NZ12")
def within_text(context: tuple[float, float]) -> float:
    """1 when the lines right above and below (no blank between) are both long text.

    A junk line comes with the picture, between blank lines; a short line
    between two lines of text is the end of a paragraph or a wrapped heading.

    >>> within_text((1.0, 1.0)), within_text((1.0, 0.0))
    (1.0, 0.0)
    """
    return min(context)


LINE_CUES = ("NZ02", "NZ03", "NZ04", "NZ05", "NZ06", "NZ07", "NZ08", "NZ09", "NZ10")
_LEX = lexicon.load()
CONTEXT_CUES = ("NZ11", "NZ12")
_REACH = 3  # a neighbour this many dump lines away still counts (blank lines between)
_LONG = 8  # characters: a line this long reads as text when its own cues say so


@dataclass(frozen=True, slots=True)
class Weights:
    """A linear score: bias + weight · cue, per cue code."""

    bias: float
    weights: dict[str, float]

    def score(self, cues: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(code, 0.0) * value for code, value in cues.items())


@dataclass(frozen=True, slots=True)
class Model:
    line: Weights  # the line alone: gives the neighbours' probabilities
    full: Weights  # the line and its neighbours: the decision


def load_model() -> Model:
    data = lexicon._read("noise.toml")
    return Model(*(Weights(float(data[k]["bias"]), {c: float(w) for c, w in data[k]["weights"].items()})
                   for k in ("line", "full")))


@dataclass(frozen=True, slots=True)
class Split:
    """What the noise stage gives the next one: the lines kept, and the junk set aside."""

    kept: list[tuple[int, str]]  # every dump line, a junk line blanked
    noise: list[tuple[int, str]]  # (dump line number, the line as read, white space normalised)
    warnings: tuple[str, ...] = ()


def cue_table(numbered: list[tuple[int, str]], model: Model) -> list[dict[str, float] | None]:
    """Every cue of every line (None for a blank line): what the decision and the fitting read."""
    texts = [text for _, text in numbered]
    page = PageText.of(texts)
    line_cues: list[dict[str, float] | None] = []
    for text in texts:
        if not text.strip():
            line_cues.append(None)
            continue
        v = View(text, _bare(text), page)
        line_cues.append({code: _RULES[code](v) for code in LINE_CUES})
    alone = [None if c is None else _sigmoid(model.line.score(c)) for c in line_cues]
    for i, cues in enumerate(line_cues):
        if cues is None:
            continue
        above, below = _nearest(alone, i, -1), _nearest(alone, i, 1)
        cues["NZ11"] = _RULES["NZ11"]((above, below))
        cues["NZ12"] = _RULES["NZ12"]((_is_text(texts, alone, i - 1), _is_text(texts, alone, i + 1)))
    return line_cues


def _nearest(alone: list[float | None], i: int, step: int) -> float:
    for j in range(i + step, i + step * (_REACH + 1), step):
        if 0 <= j < len(alone) and alone[j] is not None:
            return alone[j]
    return 0.0


def _is_text(texts: list[str], alone: list[float | None], j: int) -> float:
    if not 0 <= j < len(texts) or alone[j] is None:
        return 0.0
    return 1.0 if len(_bare(texts[j])) >= _LONG and alone[j] < 0.5 else 0.0


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-max(-60.0, min(60.0, x))))


@rule("NZ01")
def set_aside_junk(score: float) -> bool:
    """Set a line aside as noise when its weighed cues (NZ02–NZ12) score above zero.

    The score is bias + Σ weight × cue, weights fitted on the corpus (rules/noise.toml)
    so that hardly a real line goes (`cleanup explain --rule NZ` shows each line's cues).

    >>> set_aside_junk(2.4), set_aside_junk(-3.1)
    (True, False)
    """
    return score > 0


def split_noise(numbered: list[tuple[int, str]], raw: dict[int, str], trace: list[Step] | None = None,
                model: Model | None = None) -> Split:
    """Numbered lines -> Split: junk lines blanked in `kept`, and listed as read in `noise`."""
    model = model or _model()
    table = cue_table(numbered, model)
    kept, noise = [], []
    for (no, text), cues in zip(numbered, table):
        score = None if cues is None else model.full.score(cues)
        if score is None or not set_aside_junk(score):
            kept.append((no, text))
            continue
        kept.append((no, ""))
        noise.append((no, as_read(raw.get(no, text))))
        if trace is not None:
            trace.append(Step("NZ01", "set-aside-junk", no, no, text, _explain(score, cues, model.full)))
    return Split(kept, noise)


def as_read(line: str) -> str:
    """A junk line as read: only white space normalised, invisible characters gone, NFC.

    >>> as_read(" 司     了|\\u200b ")
    '司 了|'
    """
    line = "".join(ch for ch in line if ch not in _LEX.invisible and (ch.isspace() or ch.isprintable()))
    return unicodedata.normalize("NFC", " ".join(line.split()))


def _explain(score: float, cues: dict[str, float], weights: Weights) -> str:
    parts = [f"{code} {weights.weights.get(code, 0.0) * value:+.2f}" for code, value in cues.items()
             if weights.weights.get(code, 0.0) * value]
    return f"[noise: score {score:+.2f} = bias {weights.bias:+.2f}, {', '.join(parts)}]"


_MODEL: list[Model] = []


def _model() -> Model:
    if not _MODEL:
        _MODEL.append(load_model())
    return _MODEL[0]


from .rulebook import REGISTRY as _REGISTRY  # noqa: E402  (the cues above are registered by now)

_RULES = {code: _REGISTRY[code].func for code in (*LINE_CUES, *CONTEXT_CUES)}


def with_noise_item(items: list[Item], split: Split) -> list[Item]:
    """The page's items with its one `noise` item, in place by its earliest line (none without junk)."""
    if not split.noise:
        return items
    count = len(split.noise)
    item = Item("noise", split.noise[0][0], body=tuple(("p", text) for _, text in split.noise),
                warnings=(f"NZ01 {count} line{'s' if count > 1 else ''} set aside as noise",))
    at = bisect.bisect_right([i.first for i in items], item.first)
    return [*items[:at], item, *items[at:]]
