"""Where a dump line holds several columns' lines: its gutters, and the pieces between them.

pdftotext's default mode writes the lines of neighbouring columns at one height as one line
with a single space at each gutter. It never spaces CJK text otherwise, so a space between two
wide characters is a gutter, unless it is a headline's or a byline's phrase space (a page
whose lines do not look merged keeps them all). It also spaces every ASCII run off its CJK
neighbours (施肥 59.4 公斤), so a space beside a digit is a gutter only where the column
widths say so. Tesseract leaves a wide gap or a `|` where it read across a gutter.
"""

from __future__ import annotations

import re
from collections import Counter

from . import shapes
from .seams import word_across
from .tracks import Piece

# A single space between two wide characters: pdftotext's gutter.
_GUTTER_RE = re.compile(r"(?<=[^\x00-\x7f\s]) (?=[^\x00-\x7f\s])")
# A space beside an ASCII run: pdftotext's spacing of digits and Latin, or a gutter.
_ASCII_GUTTER_RE = re.compile(r"(?<=[^\x00-\x7f\s]) (?=[!-~])|(?<=[!-~]) (?=[^\x00-\x7f\s])")
# The edge of a Latin or digit run set among CJK characters, a space the extractor wrote there aside.
_RUN_EDGE_RE = re.compile(r"[^\x00-\x7f] ?(?=[0-9A-Za-z])|[0-9A-Za-z%] ?(?=[^\x00-\x7f\s])")
# What Tesseract leaves in a line read across a gutter: a wide gap, or a rule read as | (not flush
# between two Han characters: that bar is a stroke misread, 党建引|领, the gutter's white is missing).
_OCR_GUTTER_RE = re.compile(r" {3,}|\u3000{2,}| +[|｜] *|[|｜] +|(?<![\u3400-\u9fff])[|｜]|[|｜](?![\u3400-\u9fff])")
_OPEN = "（(《“‘【「"
_CLOSE = "）)》”’】」"
_PHRASE = 14  # the longest quote that may hold a phrase space (“奉献社会 引领文明”)
_BYLINE = 30  # the longest bracket that may (（全媒体记者 魏静 通讯员 胡芳舒）)
MIN_MERGED = 3  # lines in runs (in_runs) that look merged, on a page whose lines are cut
FEW_MERGED = 2  # or this many, on a page not read by OCR, where their gutters agree (CW70)
_AGREE = 1.5  # printed widths of two lines' pieces left of their gutters this close: one gutter
_RUNNING_RE = re.compile(r"[，。、；,;]")  # marks of running text (a head's or a credit's colon is not one)
_RUN = 2  # dump lines from one merged line to the next in a run (a blank line between)
_MERGED_WIDTH = 1.6  # times the narrowest common line width: a line that holds two columns' lines
_BREAK_SHARE = 0.3  # lines after a blank, at most, on a page where blank lines part blocks  # lines that look merged before any space is taken for a gutter
_MIN_PIECE = 4.0  # the narrowest piece of a line that looks merged
_NARROWEST = 8  # the narrowest column a newspaper sets, in characters


def printed_width(text: str) -> float:
    """A piece's printed width in CJK characters: Latin and digits count half, and half again
    each edge of a Latin or digit run among CJK characters, for the gap a typesetter leaves
    there (pdftotext writes it as a space; OCR and other extractors drop it).

    >>> printed_width("北京警方 10 日通报， 8 月 7 日"), printed_width("北京警方10日通报，8月7日")
    (15.0, 15.0)
    >>> printed_width("栋大厦内侵害公民个人信息的犯罪")
    15.0
    """
    if text.isascii() or not _RUN_EDGE_RE.search(text):
        return shapes.display_length(text)
    return shapes.display_length(text) + 0.5 * len(_RUN_EDGE_RE.findall(text))


def candidate_cuts(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the spaces that may be gutters: (between wide characters, beside an ASCII run).

    A space inside a bracket or quote that closes later in the line is a phrase space.

    >>> candidate_cuts("本报讯（通讯员 武子实）近日 到各个")
    ([14], [])
    >>> candidate_cuts("大约能看清 100 平 同问题")
    ([11], [5, 9])
    """
    enclosed = _enclosed(text)
    wide = [m.start() for m in _GUTTER_RE.finditer(text) if not enclosed[m.start()]]
    ascii_ = [m.start() for m in _ASCII_GUTTER_RE.finditer(text) if not enclosed[m.start()]]
    return wide, ascii_


def _enclosed(text: str) -> list[bool]:
    """For each offset, whether it stands inside a short bracket or quote the line closes.

    A phrase space stands in a short slogan or a byline in brackets; quotes that pair up
    farther apart belong to two columns' lines.

    >>> [k for k, x in enumerate(_enclosed("（记者 王欢）近日 ‘处 间也有差异。”作")) if x]
    [0, 1, 2, 3, 4, 5]
    """
    inside = [False] * (len(text) + 1)
    stack: list[tuple[str, int]] = []
    for k, ch in enumerate(text):
        if ch in _OPEN:
            stack.append((ch, k))
        elif ch in _CLOSE:
            want = _OPEN[_CLOSE.index(ch)]
            at = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == want), None)
            if at is None:
                continue
            start = stack[at][1]
            del stack[at:]
            if k - start <= (_BYLINE if want in "（(" else _PHRASE):
                for j in range(start, k):
                    inside[j] = True
    return inside


def may_be_merged(texts: list[str], least: int = MIN_MERGED) -> bool:
    """Whether a few lines have a space between two CJK characters, or a wide gap or rule in them:
    the quick look every page gets before pieces_of looks closer.

    >>> may_be_merged(["省长春市 来。作为中国", "间察看，玉米 方米内的", "势。 态研究所"])
    True
    >>> may_be_merged(["本报讯（通讯员 王欣）为进一步提高居民，", "施肥 59.4 公斤，", "游园赏美景 千人健步行"])
    False
    """
    found = 0
    for text in texts:
        if " " not in text or not shapes.BODY_PUNCT_RE.search(text):  # headlines and bylines have no marks
            continue
        if any(_outside_brackets(text, m.start()) for m in _GUTTER_RE.finditer(text)) or _OCR_GUTTER_RE.search(text):
            found += 1
            if found >= least:
                return True
    return False


def _outside_brackets(text: str, at: int) -> bool:
    head = text[:at]
    return all(head.count(o) <= head.count(c) for o, c in ("（）", "()", "“”"))


def ocr_gaps(text: str) -> list[re.Match]:
    """The gaps ocr_parts cuts at (a wide gap, a `|`) with text on both sides: no indent, no trailing space.

    >>> [m.start() for m in ocr_gaps("  场。     所持有的 | 陆良  ")]
    [4, 13]
    """
    if not _OCR_GUTTER_RE.search(text):
        return []
    return [m for m in _OCR_GUTTER_RE.finditer(text) if text[:m.start()].strip() and text[m.end():].strip()]


def ocr_parts(text: str) -> list[str]:
    """A line cut where Tesseract read across a gutter: a wide gap or a `|` with text both sides.

    >>> ocr_parts("场。                    所持有的陆良、师宗")
    ['场。', '所持有的陆良、师宗']
    >>> ocr_parts("司 了|")
    ['司 了|']
    >>> ocr_parts("一一人 4二| 二 SEE一")  # the rule OCR read as | is kept
    ['一一人 4二|', '二 SEE一']
    >>> ocr_parts("构建党建引|领城乡基层治理新格局")  # flush between two characters: a stroke misread, no gutter
    ['构建党建引|领城乡基层治理新格局']
    """
    if not _OCR_GUTTER_RE.search(text):
        return [text]  # most lines
    pieces = _OCR_GUTTER_RE.split(text)
    bars = [match.group().strip() for match in _OCR_GUTTER_RE.finditer(text)]
    # a bar is OCR's reading of the column rule: it stays, on the piece left of it (nothing is lost)
    parts = [(piece + bar).strip() for piece, bar in zip(pieces, [*bars, ""])]
    if len(parts) > 1 and all(_wide_count(p) >= 2 for p in parts):
        return parts
    return [text]


def _wide_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isascii() and not ch.isspace())


def pieces_of(numbered: list[tuple[int, str]], ocr: bool = False) -> list[Piece]:
    """Every line's pieces, in dump order: cut at gutters where the page's lines look merged.
    ocr: the page was read by OCR, whose spaces in a line or two are its misreadings as often (CW70 not taken)."""
    lines = []
    blank_before: set[int] = set()
    blank = False
    for no, text in numbered:
        stripped = text.strip()
        if stripped:
            lines.append((no, [p for p in ocr_parts(stripped) if p]))
            if blank:
                blank_before.add(no)
        blank = not stripped
    breaks = len(blank_before) <= _BREAK_SHARE * len(lines)  # else blank lines part every line or two
    cuts = {}
    whole: set[str] = set()  # lines that read as a couplet headline, a byline or a spread line
    for no, parts in lines:
        for part in parts:
            if " " in part and not shapes.is_spread(part):
                wide, ascii_ = candidate_cuts(part)
                if wide or ascii_:
                    cuts[part] = (wide, ascii_)
                    if shapes.standalone(part):
                        whole.add(part)
    # the lines that look merged: several columns' worth, every piece between gutters a line's worth
    line = modal_widths(printed_width(piece) for _, parts in lines for part in parts
                        for piece in (_wide_pieces(part, cuts[part][0]) if part in cuts else [part]))
    merged = [no for no, parts in lines if any(part in cuts and cuts[part][0] and part not in whole
                                               and _looks_merged(part, cuts[part][0], line) for part in parts)]
    runs = in_runs(merged)
    cut = runs >= MIN_MERGED or not ocr and runs >= FEW_MERGED and gutters_agree(
        [(no, part, cuts[part][0]) for no, parts in lines if no in merged for part in parts[:1] if part in cuts], line)
    # two lines show no width thrice: the page's common line widths, where CW70 cut
    widths = (_column_widths({t: c for t, c in cuts.items() if t not in whole}) or (line if runs < MIN_MERGED else ())) if cut else ()
    if widths:  # once more from the pieces so cut: lines cut only beside digits join in
        pieces = [piece for t, c in cuts.items() if t not in whole for piece in _cut(t, *c, widths)]
        widths = _column_widths({piece: ([], []) for piece in pieces}) or widths
    out: list[Piece] = []
    for no, parts in lines:
        slot = 0
        for part in parts:
            split = _cut(part, *cuts[part], widths) if part in cuts and widths else [part]
            if part in whole and not all(_fills(piece, widths) for piece in split):
                split = [part]  # a couplet is cut only where both halves fill a column exactly
            for piece in split:
                out.append(Piece(no, slot, piece, printed_width(piece), shapes.ends_sentence(piece),
                                 breaks and slot == 0 and no in blank_before))
                slot += 1
    return out


def in_runs(merged: list[int]) -> int:
    """How many of the lines that look merged (dump line numbers) have another within _RUN lines.

    pdftotext merges columns at every height they share, so merged lines come in runs; lone
    ones are phrase spaces in paragraphs printed a line each (a slogan's, its quote opened before).

    >>> in_runs([3, 4, 6, 40, 90]), in_runs([104, 110, 129, 148, 167])
    (3, 0)
    """
    return sum(1 for k, no in enumerate(merged)
               if k and no - merged[k - 1] <= _RUN or k + 1 < len(merged) and merged[k + 1] - no <= _RUN)


def gutters_agree(lines: list[tuple[int, str, list[int]]], line: tuple[float, ...]) -> bool:
    """Whether two lines that look merged (dump line number, text, wide-character gutters), one
    within _RUN dump lines of the other, part at one gutter (CW70): running text (a mark of it in
    either), their pieces left of it of one printed width or both filling a common line width.
    A page with only two such lines has them by chance as often (a phrase space in two long lines,
    heads set side by side); pdftotext's gutter stands where the column does.

    >>> a = (19, "一栋大厦内侵害公民个人信息的犯罪团伙实施抓捕 火炬社会工作服务中心承办的活动，", [22])
    >>> b = (20, "网，其中刑事拘留七十五人、行政拘留四百余人 红色基因代代传主题关爱活动在", [21])
    >>> gutters_agree([a, b], (22.0,)), gutters_agree([a, (40, *b[1:])], (22.0,))
    (True, False)
    >>> gutters_agree([a, (20, "合市书画协会走进辖区学校开展了以请党放心 强国复兴有我为主题", [20])], (12.0,))
    False
    >>> gutters_agree([(111, "基层一线：普及消防知识 提高自救能力", [11]), (113, "责任编辑：王斌 美编：陈新宇", [7])], (8.0, 11.0))
    False
    """
    for (na, a, wa), (nb, b, wb) in zip(lines, lines[1:]):
        if nb - na > _RUN or not wa or not wb or not (_RUNNING_RE.search(a) or _RUNNING_RE.search(b)):
            continue
        left_a, left_b = printed_width(a[:wa[0]]), printed_width(b[:wb[0]])
        if abs(left_a - left_b) <= _AGREE or all(any(abs(x - w) <= 1.0 for w in line) for x in (left_a, left_b)):
            return True
    return False


def _wide_pieces(text: str, wide: list[int]) -> list[str]:
    bounds = [0, *wide, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _looks_merged(text: str, wide: list[int], line: tuple[float, ...]) -> bool:
    """Wider than the page's common lines by far, and every piece between the wide-character
    gutters a line's worth. (OCR's spaces where it lost a quote part a line of common width.)"""
    if line and printed_width(text) < _MERGED_WIDTH * min(line):
        return False
    bounds = [0, *wide, len(text)]
    return all(printed_width(text[a:b]) >= _MIN_PIECE for a, b in zip(bounds, bounds[1:]))


def _column_widths(cuts: dict[str, tuple[list[int], list[int]]]) -> tuple[float, ...]:
    """The widths that many pieces between wide-character gutters share: the page's column widths."""
    lengths = []
    for text, (wide, _) in cuts.items():
        bounds = [0, *wide, len(text)]
        lengths.extend(printed_width(text[a:b]) for a, b in zip(bounds, bounds[1:]))
    return modal_widths(lengths)


def modal_widths(lengths, sums_apart: bool = True, solid: frozenset[int] = frozenset()) -> tuple[float, ...]:
    """The printed widths that many lines share, give or take one: a page's column widths
    (two within two of each other are one column's, its lines' lengths spread by punctuation).

    A width is left out where it is two narrower ones side by side (lines a first cut left
    together; not with `sums_apart` False, nor for a `solid` width: solid_widths), or too rare
    beside the commonest to be more than paragraphs' last lines.

    >>> modal_widths([17, 17, 16.5, 12, 12, 12, 29, 29, 29, 7, 7, 7])
    (12, 17)
    >>> modal_widths([17] * 8 + [9] * 3), modal_widths([17] * 8 + [9] * 3, solid=frozenset({17}))
    ((9,), (9, 17))
    """
    counts = Counter(round(length) for length in lengths if length >= _NARROWEST)
    support = {w: counts[w - 1] + counts[w] + counts[w + 1] for w in counts}
    widths: list[int] = []
    for w in sorted(support, key=lambda w: (-support[w], -w)):
        if support[w] >= max(3, 0.15 * max(support.values())) and all(abs(w - v) > 2 for v in widths):
            widths.append(w)
    if not sums_apart:
        return tuple(sorted(widths))
    return tuple(w for w in sorted(widths) if w in solid or not any(abs(w - a - b) <= 2.5 for a in widths for b in widths))


def solid_widths(pieces) -> frozenset[int]:
    """The widths (rounded) whose pieces, (text, printed width) pairs, mostly hold no space: where
    a dump marks its gutters by a space (pdftotext), such lines are one column's, never two left
    together, whatever narrower widths add up to them (paragraph ends of 9 make 18).

    >>> sorted(solid_widths([("一二三四五六七八九十一二三四五六七", 17.0)] * 6)), sorted(solid_widths([("一二三四五六七 八九十一二三四五六", 17.0)] * 6))
    ([16, 17], [])
    """
    spaced, counts = Counter(), Counter()
    for text, length in pieces:
        counts[round(length)] += 1
        spaced[round(length)] += " " in text.strip()
    return frozenset(w for w in range(_NARROWEST, 1 + max(counts, default=0))
                     if (n := counts[w - 1] + counts[w] + counts[w + 1]) and 2 * (spaced[w - 1] + spaced[w] + spaced[w + 1]) < n)


def _cut(text: str, wide: list[int], ascii_: list[int], widths: tuple[float, ...]) -> list[str]:
    """The best way to cut a line: every piece a full column line or a paragraph's end.

    Every cut at a wide-character gutter is tried, and at a space beside digits; a cut beside
    digits must make its left piece a full line.
    """
    spaces = sorted(set(wide) | set(ascii_))
    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    starts = [0] + [s + 1 for s in spaces]
    for s_index, start in enumerate(starts):
        if start not in best:
            continue
        score, parts = best[start]
        for end in [*spaces[s_index:], len(text)]:
            piece = text[start:end]
            if end < len(text) and end not in spaces:
                continue
            gain = _piece_score(piece, widths) + (0.0 if end == len(text) else 0.2 if end in wide else -0.8)
            nxt = end + 1 if end < len(text) else end
            if nxt not in best or best[nxt][0] < score + gain:
                best[nxt] = (score + gain, [*parts, piece])
    return best[len(text)][1]


def _fills(piece: str, widths: tuple[float, ...]) -> bool:
    return any(abs(printed_width(piece) - w) <= 1.0 for w in widths)


def _piece_score(piece: str, widths: tuple[float, ...]) -> float:
    """How much a piece looks like one column's line: full, or a short paragraph end."""
    length = printed_width(piece)
    widest = max(widths)
    if length > widest + 1.5:
        return -3.0 * (length / widest)
    if any(abs(length - w) <= 1.0 for w in widths):
        return 2.0
    if shapes.ends_sentence(piece):
        return 1.0
    return 0.0 if length >= 4 else -1.0


_PAIR_MARGIN = 2.0  # a box this much wider than every column width may hold two columns' lines
_PAIR_MIN = 4  # characters each side of such a cut, at least
_PAIR_RUN = 2  # dump lines from one such box to the next in a run
_PAIR_EVIDENCE = 3  # seams a run's cuts carry on, at least
_PAGE_EVIDENCE = 4  # or a page's runs together
_OUTWEIGH = 3  # and more than this many times the seams their whole boxes carry on


def box_pair_cuts(text: str, widths: tuple[float, ...], words: dict[str, float] | None) -> list[int]:
    """Where a text box that may hold two columns' lines side by side may part (CW09), best first.

    An OCR engine reads two lines at one height across a narrow gutter as one box, no space
    between. A cut leaves a full column line on the left, and on the right a full line or a
    paragraph's last (it ends a sentence); it falls in no word (a line ends where the measure
    runs out, the next column's line starts afresh). Best: the right piece full, the left
    nearest a width. Where no page width fits, the box is taken for two lines of one measure
    (a column whose lines were all read in pairs shows its width nowhere alone). A box without
    a body mark is a headline's: left whole.

    >>> box_pair_cuts("新城社区地处东辽县县城心户4级组织架构，把党的工", (12,), None)
    [12, 13]
    >>> box_pair_cuts("任，下让居民群众满意，就成威信越来越高。", (12,), None)
    [12, 11, 13]
    >>> box_pair_cuts("当减量，反而促增产。”齐北松看了看手机上的“处同，面临不同问题。往细了看，同一区域不同田块间", (9, 15), None)
    [23, 22, 24]
    >>> box_pair_cuts("吉林省长春市农安县田间察看玉米新苗长势", (9,), None)  # no body mark
    []
    >>> box_pair_cuts("本报讯近日，社区开展消防演练", (12,), None)  # not wider than a column by far
    []
    """
    if not widths or printed_width(text) <= max(widths) + _PAIR_MARGIN or not shapes.BODY_PUNCT_RE.search(text):
        return []
    found = _pair_cuts(text, widths, words)
    if not found:  # lines so wide all paired: the two of one measure, which no line alone shows
        found = _pair_cuts(text, (printed_width(text) / 2,), words)
    return [k for _, k in sorted(found, key=lambda f: -f[0])]


def _pair_cuts(text: str, widths: tuple[float, ...], words) -> list[tuple[float, int]]:
    widest = max(widths)
    found: list[tuple[float, int]] = []
    for k in range(_PAIR_MIN, len(text) - _PAIR_MIN + 1):
        left, right = text[:k], text[k:]
        if left[-1].isspace() or right[0].isspace():
            continue
        off = min(abs(printed_width(left) - w) for w in widths)
        if off > 1.0:
            continue
        length = printed_width(right)
        fills = any(abs(length - w) <= 1.0 for w in widths)
        if length > widest + 1.0 or not (fills or shapes.ends_sentence(right)) or word_across(left, right, words):
            continue
        found.append(((1.0 if fills else 0.0) - off, k))
    return found


def box_pairs(pieces: list[Piece], words: dict[str, float] | None, pairs) -> tuple[list[Piece], list[Piece], set[int]]:
    """The pieces with the boxes that hold two columns' lines cut in two, the right one slot 1 of
    its line (CW09); the same with the boxes CW20 cuts too; and the line numbers CW20 cut.

    Such boxes come in runs (the two columns run side by side down the page). A run is cut
    where its cuts carry the text on: each box's left piece goes on into the next box's left
    piece, its right into the right (a word or a page pair across: seams), in _PAIR_EVIDENCE
    places at least and more than _OUTWEIGH times as often as its whole boxes go on into each
    other; every run of a page whose runs together do so (_PAGE_EVIDENCE). A run's cuts are
    chosen together, those that carry the most on (_carry), and its evidence is counted at those
    cuts, not at each box's best-shaped one (where a box's shape fits two cuts, the best-shaped
    one a character off the gutter hid the run's seams).
    The widths are those the page's pieces share, a width twice another left out. A box its run
    leaves whole is cut where lone_pair_cut says (CW20): that cut goes in the second list only.

    >>> from .seams import PagePairs
    >>> texts = ["我们说，今天去北他们说，明天到上", "京看望朋友，再来海参加会议，再去", "信说，一切都好。年说，一切顺利。",
    ...          "北京大学的老师们", "上海外滩的风景美", "来信收到了谢谢你", "去年冬天非常冷啊"]
    >>> pieces = [Piece(no, 0, t, printed_width(t), shapes.ends_sentence(t)) for no, t in enumerate(texts, 1)]
    >>> [(p.no, p.text) for p in box_pairs(pieces, None, PagePairs.of(texts))[0] if p.no < 3]
    [(1, '我们说，今天去北'), (1, '他们说，明天到上'), (2, '京看望朋友，再来'), (2, '海参加会议，再去')]
    >>> box_pairs(pieces[:3] + pieces[3:4] * 4, None, PagePairs.of(texts[:3]))[0] == pieces[:3] + pieces[3:4] * 4  # nothing carried on
    True
    """
    widths = modal_widths(p.length for p in pieces)
    runs: list[list[tuple[int, list[int]]]] = []
    for i, piece in enumerate(pieces):
        cuts = box_pair_cuts(piece.text, widths, words) if piece.slot == 0 else []
        if not cuts:
            continue
        if runs and piece.no - pieces[runs[-1][-1][0]].no <= _PAIR_RUN:
            runs[-1].append((i, cuts))
        else:
            runs.append([(i, cuts)])
    chosen: dict[int, int] = {}
    tally = []  # each run's cuts chosen together, the seams they carry on, and those its whole boxes do
    for run in runs:
        texts = [pieces[i].text for i, _ in run]
        ks = _carry(texts, [cuts for _, cuts in run], words, pairs)  # the cuts it would make (CW09's evidence)
        tally.append((ks, sum(_goes_on(a[:p], b[:k], words, pairs) + _goes_on(a[p:], b[k:], words, pairs)
                              for a, b, p, k in zip(texts, texts[1:], ks, ks[1:])),
                      sum(_goes_on(a, b, words, pairs) for a, b in zip(texts, texts[1:]))))
    carried, whole = sum(c for _, c, _ in tally), sum(w for _, _, w in tally)
    page = carried >= _PAGE_EVIDENCE and carried > _OUTWEIGH * whole  # the page's wide boxes hold two columns' lines
    for run, (ks, carried, whole) in zip(runs, tally):
        if page or carried >= _PAIR_EVIDENCE and carried > _OUTWEIGH * whole:
            chosen.update(zip((i for i, _ in run), ks))
    lone: dict[int, int] = {}
    for i, cuts in (pair for run in runs for pair in run if pair[0] not in chosen):
        k = lone_pair_cut(pieces, i, cuts, words, pairs)  # the lines around cut it (CW20)
        if k is not None:
            lone[i] = k
    return _cut_boxes(pieces, chosen), _cut_boxes(pieces, {**chosen, **lone}), {pieces[i].no for i in lone}


def _cut_boxes(pieces: list[Piece], chosen: dict[int, int]) -> list[Piece]:
    """pieces with each box chosen[i] names cut at that character, the right piece slot 1 of its line."""
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        if i not in chosen:
            out.append(piece)
            continue
        left, right = piece.text[:chosen[i]], piece.text[chosen[i]:]
        out.append(Piece(piece.no, 0, left, printed_width(left), shapes.ends_sentence(left), piece.after_break))
        out.append(Piece(piece.no, 1, right, printed_width(right), shapes.ends_sentence(right)))
    return out


_LONE_NEAR = 3  # pieces before and after a box its run leaves whole that its pieces may go on with (CW20)
_LONE_HALF = 1.5  # and one of them this near half the box's width: a single column's line beside it


def lone_pair_cut(pieces: list[Piece], i: int, cuts: list[int], words, pairs) -> int | None:
    """Where a box that may hold two columns' lines (box_pair_cuts: CUTS, best first) parts though
    its run carries too few seams on (CW20): RapidOCR reads the two columns' lines at one height as
    one box or as two, so the lines around such a box are its columns' own. The first cut where the
    left piece goes on into one of the _LONE_NEAR pieces after the box and one of the _LONE_NEAR
    before goes on into the right piece (a word or a page pair across), where the whole box goes on
    into none of those after nor any before into it, one of them is about half the box wide (a
    single column's line) and one as wide as the left or the right piece (that column's line).
    A box its run cuts, or a line of a column as wide as the box, is not this rule's.

    >>> from .seams import PagePairs
    >>> texts = ["今天天气很好。", "他们说，明天到上", "京看望朋友，再来海参加会议。", "信说，一切都好。"]
    >>> pieces = [Piece(no, 0, t, printed_width(t), shapes.ends_sentence(t)) for no, t in enumerate(texts, 1)]
    >>> words = {"上海": -8.0, "来信": -8.0}
    >>> lone_pair_cut(pieces, 2, [8], words, PagePairs.of(texts))
    8
    >>> lone_pair_cut(pieces[:3], 2, [8], words, PagePairs.of(texts[:3]))  # nothing after it to go on into
    """
    box = pieces[i]
    near = [p for p in pieces[max(0, i - _LONE_NEAR):i + 1 + _LONE_NEAR] if p is not box]
    if not any(abs(2 * p.length - box.length) <= 2 * _LONE_HALF for p in near):
        return None
    before = [p.text for p in pieces[max(0, i - _LONE_NEAR):i]]
    after = [p.text for p in pieces[i + 1:i + 1 + _LONE_NEAR]]
    if any(_goes_on(box.text, t, words, pairs) for t in after) or any(_goes_on(t, box.text, words, pairs) for t in before):
        return None
    for k in cuts:
        left, right = box.text[:k], box.text[k:]
        if not any(abs(p.length - printed_width(piece)) <= 1.0 for p in near for piece in (left, right)):
            continue  # neither piece as wide as a line around: no column of its own beside the box
        if any(_goes_on(left, t, words, pairs) for t in after) and any(_goes_on(t, right, words, pairs) for t in before):
            return k
    return None


def _goes_on(a: str, b: str, words, pairs) -> bool:
    return not shapes.ends_sentence(a) and (word_across(a, b, words) or pairs.affinity(a, b) > 1.0)


def _carry(texts: list[str], cuts: list[list[int]], words, pairs) -> list[int]:
    """Each box's cut in a run found to hold two columns, chosen together (dynamic programme):
    the cuts that carry most seams on, left piece into the next left, right into the next right;
    of equals, the better by box_pair_cuts."""
    best = {k: (0.0, [k]) for k in cuts[0]}
    for j in range(1, len(texts)):
        a, b = texts[j - 1], texts[j]
        step = {}
        for rank, k in enumerate(cuts[j]):
            score, path = max(((score + _goes_on(a[:p], b[:k], words, pairs) + _goes_on(a[p:], b[k:], words, pairs), path)
                               for p, (score, path) in best.items()), key=lambda o: o[0])
            step[k] = (score - 0.01 * rank, [*path, k])
        best = step
    return max(best.values(), key=lambda v: v[0])[1]
