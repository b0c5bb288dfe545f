"""Rows Tesseract read across the page: a lone line read across a gutter, parted (CW03); a stack
of rows across narrow columns, given back column by column (CW04).

Tesseract reads a row of big type across the gutter: the first line of one story's two-line
headline and a neighbour's one-line headline come as one line with a wide gap between them
(净化文化环境        锂同位素高精度原位检测成功实现 / 抓好安全生产). A stack of such head rows
is the column stage's (CW02); a lone row, or a line of two columns' text where no columns were
put back, is parted here, after it. A stack of rows with running
text is given back here, before the column stage (which weighs pdftotext's and RapidOCR's
interleavings), in the order Tesseract's cells say.
"""

from __future__ import annotations

import re

from . import gutters, heads, lexicon, seams, shapes
from .model import Step


def part_rows_read_across(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
                          spread: frozenset[int] = frozenset()) -> tuple[list[tuple[int, str]], frozenset[int]]:
    """A line Tesseract read across a gutter, where no columns were put back, parted (CW03): the
    pieces beside the first go before it, each its own block, the first going on into the lines
    under it (a wrapped headline's rest, its column's text). Also returns the numbers of the lines
    parted: the join stage keeps the pieces moved apart from every line (JN21).

    >>> rows = [(3, "净化文化环境        锂同位素检测成功实现"), (4, "抓好安全生产"), (5, "")]
    >>> part_rows_read_across(rows)
    ([(3, '锂同位素检测成功实现'), (3, ''), (3, '净化文化环境'), (4, '抓好安全生产'), (5, '')], frozenset({3}))
    >>> part_rows_read_across([(7, "在美国起诉中国贪官，不可能适用        本报讯 (通讯员 王斌) 为促进"), (8, "中国自己的法律。")])[0]
    [(7, '本报讯 (通讯员 王斌) 为促进'), (7, ''), (7, '在美国起诉中国贪官，不可能适用'), (8, '中国自己的法律。')]

    A gap with one column's text running across it in the lines above and below is a hole in
    a line (words OCR lost), not a gutter: the line stays whole.

    >>> hole = [(1, "核工业现场检测的重要技术方向，但锂特征谱线易发"), (2, "ILIBS技术凭借远程、          等优势成为"),
    ...         (3, "核工业现场检测的重要技术方向，但锂特征谱线易发")]
    >>> part_rows_read_across(hole) == (hole, frozenset())
    True

    `spread`: the numbers of lines printed spread (a character, a space), whose wide gaps are word spaces.
    """
    out: list[tuple[int, str]] = []
    parted: set[int] = set()
    for k, (no, text) in enumerate(numbered):
        parts = [] if no in spread else gutters.ocr_parts(text.strip())
        if len(parts) < 2 or not _gutter_runs_on(numbered, k):
            out.append((no, text))
            continue
        if trace is not None:
            trace.append(Step("CW03", "part-row-read-across", no, no, text.strip(), " ¶ ".join(parts)))
        parted.add(no)
        for part in parts[1:]:
            out.extend([(no, part), (no, "")])
        out.append((no, parts[0]))
    return out, frozenset(parted)


_HEAD_ROW_SPACE_RE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")  # one space between wide characters
_CLOSING_TAG_RE = re.compile(r"[（(][\u3400-\u9fff·・]{2,12}[）)]$")  # a column's tag closing a title: ……（社区·那些事）


def part_head_rows(numbered: list[tuple[int, str]], trace: list[Step] | None = None,
                   whole_heads: bool = True) -> tuple[list[tuple[int, str]], frozenset[int]]:
    """Two headline pieces printed side by side that the extractor wrote as one line, one space
    between, parted (CW05): the left piece ends what stands above it, the right opens what follows.

    Only where the space cannot be a phrase space: the left piece is closed by a column's tag (a
    title ends there), or the right piece is a note's 编者按. Also returns the numbers of the lines parted.

    >>> part_head_rows([(4, "爱国教育进校园（社区·那些事） 经济聚焦：江苏探索新途径"), (5, "政策松绑、平台支撑")])
    ([(4, '爱国教育进校园（社区·那些事）'), (4, ''), (4, '经济聚焦：江苏探索新途径'), (5, '政策松绑、平台支撑')], frozenset({4}))
    >>> part_head_rows([(9, "航天环宇实控人等拟套现2.2亿 编者按")])[0]
    [(9, '航天环宇实控人等拟套现2.2亿'), (9, ''), (9, '编者按')]

    HD35: so is a line whose pieces are whole titles (a label run in, a couplet read unspaced), never a
    title's two phrases; only with whole_heads (not on a page OCR read, whose single spaces are its own):

    >>> part_head_rows([(5, "爱国教育进校园 今日视点：及时整改到位"), (6, "党委统揽全域统筹 构建新格局")])[0]
    [(5, '爱国教育进校园'), (5, ''), (5, '今日视点：及时整改到位'), (6, '党委统揽全域统筹'), (6, ''), (6, '构建新格局')]
    >>> part_head_rows([(1, "足协曾忧王迪成“定时炸弹” 两次漏判国安点球")])[1]
    frozenset()

    A title's phrase space, a dateline's bracket and running text stay whole:

    >>> rows = [(1, "汇率避险“工具箱”再扩容 小币种产品密集落地"), (2, "本报讯（记者 郑林） 近日，社区开展活动"), (3, "党委统揽 全域统筹")]
    >>> part_head_rows(rows) == (rows, frozenset())
    True
    """
    out: list[tuple[int, str]] = []
    parted: set[int] = set()
    for no, text in numbered:
        cut, code = _head_row_cut(text.strip(), whole_heads) if " " in text.strip() else (None, "")
        if cut is None:
            out.append((no, text))
            continue
        left, right = text.strip()[:cut], text.strip()[cut + 1:]
        if trace is not None:
            trace.append(Step(code, "part-head-row", no, no, text.strip(), f"{left} ¶ {right}"))
        parted.add(no)
        out.extend([(no, left), (no, ""), (no, right)])
    return out, frozenset(parted)


def _head_row_cut(text: str, whole_heads: bool = True) -> tuple[int | None, str]:
    """Where a line of two side-by-side headline pieces parts (the offset of its space), or None; and the rule's code."""
    for m in _HEAD_ROW_SPACE_RE.finditer(text):
        left, right = text[:m.start()], text[m.end():]
        if not shapes.is_headline_like(left) or shapes.starts_with_dateline(left):
            continue
        if shapes.NOTE_RE.fullmatch(right):
            return m.start(), "CW05"
        if _CLOSING_TAG_RE.search(left) and len(left) > 6 and shapes.letters(right) >= 4 and shapes.is_headline_like(right):
            return m.start(), "CW05"
        if whole_heads and shapes.letters(right) >= 4 and shapes.is_headline_like(right) and _head_ends_before(left, right):
            return m.start(), "HD35"
    return None, ""


def _head_ends_before(left: str, right: str) -> bool:
    """HD35: the space after `left` parts two heads, not a title's phrases: the right piece opens with a
    column's label run in (社会那些事：…, a title's first words) or is a whole title itself, a line too
    long to be a phrase (no ——subtitle); or either piece is a couplet read without its phrase space (a title's two
    phrases: a third is no title's). pdftotext -raw reads heads set side by side as one line
    (爱国教育进校园 今日视点：及时整改到位) and drops a one-line couplet's phrase space.
    """
    if " " in left or shapes.letters(left) < 4 or not all(_closed(piece) for piece in (left, right)):
        return False  # a line's first or last characters, a dateline's bracket, a quote: running text
    if shapes.RUN_IN_LABEL_RE.match(right):
        return True
    other = shapes.TAG_END_RE.sub("", right)
    if " " not in other and heads.whole_line(other) and not shapes.is_subtitle_dash(other):
        return True
    return _unspaced_couplet(shapes.LABEL_OVER_TITLE_RE.sub("", left)) or " " not in other and _unspaced_couplet(other)


_PAIRS = ("（）", "()", "“”", "《》")  # brackets and quotes a headline piece must close


def _closed(text: str) -> bool:
    """Stricter than `not _unclosed(text)`: no bracket or quotation mark left open or closed before it opens (“春风化雨润童心, 曲晓光）为进一)."""
    for opener, closer in _PAIRS:
        depth = 0
        for ch in text:
            depth += (ch == opener) - (ch == closer)
            if depth < 0:
                return False
        if depth:
            return False
    return text.count('"') % 2 == 0


def _unspaced_couplet(text: str) -> bool:
    """A couplet read without its phrase space (党委统揽全域统筹): heads.couplet_cut finds its halves, and
    they are set alike (heads.parallel_halves, JN30's doubt): a title's phrase of two words and two
    (两次漏判国安点球) is no couplet."""
    words = seams.lexicon() if len(text) >= 6 else None
    if not words:
        return False
    simplified = lexicon.converter("t2s").convert(text)
    cut = heads.couplet_cut(text, words, simplified)
    return cut is not None and heads.parallel_halves(simplified[:cut], simplified[cut:], words)


def _gutter_runs_on(numbered: list[tuple[int, str]], k: int) -> bool:
    """Line k's gaps go on into a line next to it: that line is read across a gap too, or stops
    short of the far side of one. A gap with one column's text running across it above and below
    is a hole in a line (words OCR lost), not a gutter."""
    near = [numbered[j][1] for j in (k - 1, k + 1) if 0 <= j < len(numbered) and numbered[j][1].strip()
            and abs(numbered[j][0] - numbered[k][0]) <= 2]
    text = numbered[k][1]
    end = max((shapes.display_length(text[:m.end()]) for m in gutters.ocr_gaps(text)), default=0)
    return not near or any(gutters.ocr_gaps(t) or shapes.display_length(t.rstrip()) <= end for t in near)


_CELL_GAP_RE = re.compile(r" {2,}|\u3000{2,}")  # Tesseract's gap between two columns' lines in a row
_NARROW_GAP_RE = re.compile(r"(?<=[^\x00-\x7f\s]) (?=[^\x00-\x7f\s])")  # one space between wide characters
_MIN_CELL = 2  # wide characters a cell holds at least


def unstack_rows(numbered: list[tuple[int, str]], trace: list[Step] | None = None) -> list[tuple[int, str]]:
    """A stack of rows Tesseract read across narrow columns, given back column by column (CW04).

    Consecutive lines cut alike at their gaps (two spaces or more) into as many cells, some
    running text, are one stretch of side-by-side columns: the k-th cells of the rows are
    column k's lines. Where the blocks after the stack are one a column, each one goes on
    from its column's cells.

    >>> rows = [(1, "新城社区地处  了我的最大心愿。"), (2, "东辽县县城西部，  从到岗第一天起，"), (3, ""),
    ...         (4, "现有居民8835户，"), (5, ""), (6, "我就哈下腰、带头")]
    >>> [text for _, text in unstack_rows(rows)]
    ['新城社区地处', '东辽县县城西部，', '现有居民8835户，', '', '了我的最大心愿。', '从到岗第一天起，', '我就哈下腰、带头']
    """
    cells = [_cells(text) for _, text in numbered]
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(numbered):
        n = len(cells[i])
        j = i + 1
        while n > 1 and j < len(numbered) and numbered[j][0] == numbered[j - 1][0] + 1:
            if len(cells[j]) != n:
                cells[j] = _narrow_cells(numbered[j][1], n)  # a single space at a gutter too
                if len(cells[j]) != n:
                    break
            j += 1
        if j - i < 2 or not any(shapes.BODY_PUNCT_RE.search(c) for row in cells[i:j] for c in row):
            out.append(numbered[i])
            i += 1
            continue
        following, end = _blocks_after(numbered, j, n)
        if trace is not None:
            for (no, text), row in zip(numbered[i:j], cells[i:j]):
                trace.append(Step("CW04", "unstack-rows", no, no, text.strip(), " ¶ ".join(row)))
        for k in range(n):
            if k and not following:
                out.append((numbered[j - 1][0], ""))  # columns part as paragraphs
            out.extend((no, row[k]) for (no, _), row in zip(numbered[i:j], cells[i:j]))
            if following:
                out.extend(following[k])
                if k + 1 < n:
                    out.append((following[k][-1][0], ""))
        i = end if following else j
    return out


def _cells(text: str) -> list[str]:
    """A line's cells between Tesseract's gaps: [] unless two at least, each with some wide characters."""
    stripped = text.strip()
    if "  " not in stripped and "\u3000\u3000" not in stripped:
        return []
    cells = _CELL_GAP_RE.split(stripped)
    if len(cells) < 2 or not all(sum(not ch.isascii() for ch in c) >= _MIN_CELL for c in cells):
        return []
    return cells


def _narrow_cells(text: str, n: int) -> list[str]:
    """A stack's next line as n cells, where single spaces between wide characters make up the
    gutters its gaps lack (the engine's gap shrinks where a column's line runs long); else [].

    >>> _narrow_cells("“今年也按新方法来施    年后一齐检察充作 现场观众气氛活跃。", 3)
    ['“今年也按新方法来施', '年后一齐检察充作', '现场观众气氛活跃。']
    """
    wide = _CELL_GAP_RE.split(text.strip())
    cells = [part for cell in wide for part in _NARROW_GAP_RE.split(cell)]
    if len(cells) != n or not all(sum(not ch.isascii() for ch in c) >= _MIN_CELL for c in cells):
        return []
    return cells


def _blocks_after(numbered: list[tuple[int, str]], j: int, n: int) -> tuple[list[list[tuple[int, str]]], int]:
    """The n blocks of running text after a stack (blank lines apart), if the next n blocks are such; and where they end."""
    blocks: list[list[tuple[int, str]]] = []
    k = j
    while len(blocks) < n and k < len(numbered):
        if not numbered[k][1].strip():
            k += 1
            continue
        block = []
        while k < len(numbered) and numbered[k][1].strip():
            block.append(numbered[k])
            k += 1
        if _cells(block[0][1]) or not any(shapes.BODY_PUNCT_RE.search(text) for _, text in block):
            return [], j
        blocks.append(block)
    return (blocks, k) if len(blocks) == n else ([], j)


_MIN_BESIDE = 4  # wide characters a headline line lifted from beside a column's text holds at least
_MIN_LEFT = 6  # and characters the column's text left of it
_SAME_GUTTER = 3.0  # printed width apart, at most, of two lines' gutters that are one column's edge
_LONE_CHAR_RE = re.compile(r"(?:^| )\S(?= |$)")  # a character standing alone between spaces: spread text
_DIGITS_RE = re.compile(r" ?\d[\d.,]* ?")  # figures the extractor set apart by spaces (6 月 10 日)
_DATE_RE = re.compile(r"\d+年\d+月\d+日|第\s*\d+\s*版")  # a page's date or number: furniture, not a head


def lift_heads_beside(numbered: list[tuple[int, str]], trace: list[Step] | None = None) -> list[tuple[int, str]]:
    """A headline's later lines that pdftotext wrote at the end of the next dump lines, one space after
    another column's text (the head stands atop a column that starts higher than the one left of it),
    lifted to stand under the head's first line, a line alone (CW15). The first lifted piece is a
    headline line; later ones may be a ——subtitle or a byline too.

    >>> rows = [(1, "宁海一水电工11年献血"), (2, "本报讯（记者 郑林）改善辖区卫生环境，全面提升居民 “爱心长跑”挽救70条生命"),
    ...         (3, "与度，连日来，平城区迎宾街道各社区积极开展 ——记宁海县水电工王伟栋十一年坚持无偿献血"), (4, "面粉刷活动。")]
    >>> [text for _, text in lift_heads_beside(rows)]  # doctest: +NORMALIZE_WHITESPACE
    ['宁海一水电工11年献血', '“爱心长跑”挽救70条生命', '——记宁海县水电工王伟栋十一年坚持无偿献血',
     '本报讯（记者 郑林）改善辖区卫生环境，全面提升居民', '与度，连日来，平城区迎宾街道各社区积极开展', '面粉刷活动。']

    Beside a column's running text that opens no story (no dateline) the piece is lifted only where it
    reads on with no text by a dictionary word (CW16): a piece that does is that column's. That text
    may be a column going on from above, or another item's, which the head would claim: the head's
    lines go after the text's block (to the next blank line), a blank line between (CW16):

    >>> rows = [(1, "编者按"), (2, "突出党建引领"), (3, "聚焦民生福祉"), (4, "为集中展示各部门在服务群众、推动发展中的新 推动基层治理走深走实"),
    ...         (5, "做法、新成效。"), (6, ""), (7, "梅河口市认真贯彻落实省委部署要求。")]
    >>> [text for _, text in lift_heads_beside(rows)]  # doctest: +NORMALIZE_WHITESPACE
    ['编者按', '为集中展示各部门在服务群众、推动发展中的新', '做法、新成效。', '', '突出党建引领', '聚焦民生福祉', '推动基层治理走深走实', '',
     '梅河口市认真贯彻落实省委部署要求。']
    >>> rows = [(1, "党委统揽"), (2, "活动中，社区工作人员首先向辖区居 民介绍了火灾的危害性"), (3, "知识。")]
    >>> lift_heads_beside(rows) == rows
    True

    A dateline's space, running text after a space and a line under a lone sentence stay whole:

    >>> rows = [(1, "清理小广告"), (2, "本报讯（记者 郑林） 近日，社区开展活动"), (3, "活动中，志愿者 走上街头，对单元门")]
    >>> lift_heads_beside(rows) == rows
    True
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(numbered):
        out.append(numbered[i])
        j = i + 1
        lifted: list[tuple[int, str]] = []
        rest: list[tuple[int, str]] = []
        if _lone_head(numbered[i][1]) and (i == 0 or _head_or_label(numbered[i - 1][1])):
            at = None  # the gutter's place: the printed width of the text left of it
            cuts: list[float] = []
            while j < len(numbered) and numbered[j][0] == numbered[j - 1][0] + 1 and len(lifted) < 3:
                text = numbered[j][1].strip()
                below = numbered[j + 1][1].strip() if j + 1 < len(numbered) and numbered[j + 1][0] == numbered[j][0] + 1 else ""
                cut = _head_beside(text, first=not lifted, at=at, below=below)
                if cut is None:
                    break
                at = shapes.display_length(text[:cut])
                cuts.append(at)
                lifted.append((numbered[j][0], text[cut + 1:]))
                rest.append((numbered[j][0], text[:cut]))
                j += 1
            if lifted and (j < len(numbered) and numbered[j][0] == numbered[j - 1][0] + 1
                           and _text_beside(numbered[j][1].strip(), at) or _runs_on(numbered[i][1].strip(), rest[0][1], cuts[0])):
                lifted, rest, j = [], [], i + 1  # the column beside runs on at that gutter: its text, not a head's
            clause = bool(rest) and not shapes.starts_with_dateline(rest[0][1])  # beside a clause (CW16)
            end = j
            while clause and end < len(numbered) and numbered[end][1].strip():
                end += 1  # the clause's block: it goes on from above the head, the head's story after it
            if trace is not None:
                for (no, right), (_, left) in zip(lifted, rest):
                    code, name = ("CW16", "lift-head-beside-clause") if clause else ("CW15", "lift-head-beside")
                    after = f", the head after line {numbered[end - 1][0]}" if clause else ""
                    trace.append(Step(code, name, no, no, f"{left} {right}",
                                      f"{left} ¶ {right} (under line {numbered[i][0]}: {numbered[i][1].strip()}{after})"))
        if not lifted:
            i += 1
            continue
        if clause:  # the head's lines (its stack of lone lines too) after the clause's block, a blank between
            stack = [out.pop()]
            while out and _lone_head(out[-1][1]):
                stack.insert(0, out.pop())
            out.extend(rest + numbered[j:end] + [(numbered[end - 1][0], "")] + stack + lifted)
            i = end
            continue
        out.extend(lifted + rest)
        i = j
    return out


def _lone_head(text: str) -> bool:
    """A dump line that is a headline's line alone: no sentence mark, no gutter in it read as one."""
    text = text.strip()
    return (shapes.letters(text) >= _MIN_BESIDE and shapes.is_headline_like(text) and not shapes.is_byline(text)
            and not shapes.BODY_PUNCT_RE.search(text) and not shapes.is_spread(text) and not _DATE_RE.search(text)
            and not shapes.is_subtitle_dash(text) and not _LONE_CHAR_RE.search(text) and not re.search(r"\d ", text))


def _text_beside(text: str, at: float | None, any_text: bool = False) -> bool:
    """Whether a line holds running text (any_text: any text) right of a gutter at `at` (its printed
    place, give or take _SAME_GUTTER)."""
    return any(abs(shapes.display_length(text[:m.start()]) - at) <= _SAME_GUTTER
               and (any_text or shapes.BODY_PUNCT_RE.search(text[m.end():])) for m in _HEAD_ROW_SPACE_RE.finditer(text)) if at else False


def _runs_on(head: str, left: str, at: float) -> bool:
    """Whether the lone line is a column's text, not a head's: it has a gutter where the line under it
    does (two columns' lines), or goes on into that line's text (no dateline: it opens a story) by a
    dictionary word across the seam."""
    return _text_beside(head, at, any_text=True) or not shapes.starts_with_dateline(left) \
        and seams.word_across(head, left, seams.lexicon())


def _head_or_label(text: str) -> bool:
    """A line a head's first line may stand under: a blank, a head's line, a column's label (a word or two)."""
    return not text.strip() or _lone_head(text) or shapes.letters(text) < _MIN_BESIDE


def _head_beside(text: str, first: bool, at: float | None = None, below: str = "") -> int | None:
    """Where a line parts into a column's text and a headline line beside it at its end (the offset of
    the space), or None: the head's next line (`first`), else a headline line, a ——subtitle or a byline.
    Beside the head's next line a dateline (CW15), or a clause the piece goes on from by no word and
    into `below` (the dump line under it) by none either (CW16)."""
    for m in reversed(list(_HEAD_ROW_SPACE_RE.finditer(text))):
        left, right = text[:m.start()], text[m.end():]
        dash = shapes.is_subtitle_dash(right) or shapes.is_byline(right) and not shapes.is_credit(right)
        if at is not None and not dash and abs(shapes.display_length(left) - at) > _SAME_GUTTER:
            continue  # a head's later line stands at the gutter its line above did
        if not _column_text(left) or not _head_piece(right, first, dash) or shapes.is_byline(f"{left.split()[-1]} {right}"):
            continue  # a byline's space: its title and its name
        if first and not shapes.starts_with_dateline(left) and _goes_on(left, right, below):
            return None  # a dateline shows a column's story opens beside the head; a piece read on with the text is the text's
        head = shapes.is_headline_like(right) and not shapes.BODY_PUNCT_RE.search(right) and not shapes.is_byline(right)
        if head or not first and dash:
            return m.start()
    return None


def _goes_on(left: str, right: str, below: str, words: dict[str, float] | None = None) -> bool:
    """Whether a piece right of a gutter reads on with the text around it, by a dictionary word across
    a seam: from the text left of it, into the first piece of the line under it, or into that line's
    piece at the same gutter (a head's line is set in its own type: it goes on into no line of text).

    >>> words = {"积极": -8.0, "开展": -8.0, "清理": -8.0, "广告": -8.0, "墙体": -9.0, "路面": -9.0, "粉刷": -9.0}
    >>> _goes_on("来，社区积", "极开展清理小广告和", "墙体路面粉刷活动。", words), _goes_on("来，社区积极", "开展清理小广告和墙", "体路面粉刷活动。", words)
    (True, True)
    >>> _goes_on("首当其冲的是《反勒索法》。", "全域统筹", "构建党建引领城乡基层治理新格局", words)
    False
    """
    words = seams.lexicon() if words is None else words
    at = shapes.display_length(left)
    beside = [below[m.end():].split(" ")[0] for m in _HEAD_ROW_SPACE_RE.finditer(below)
              if abs(shapes.display_length(below[:m.start()]) - at) <= _SAME_GUTTER]
    return any(seams.word_across(a, b, words) for a, b in
               [(left, right), (right, below.split(" ")[0]), *((right, piece) for piece in beside)])


def _column_text(left: str) -> bool:
    """Whether the text left of a gutter is a column's running text: a dateline, or a clause mark once a
    column's label is taken off; no ——subtitle or byline (its space is a byline's), no spread line."""
    return (len(left) >= _MIN_LEFT and not _unclosed(left)
            and bool(shapes.BODY_PUNCT_RE.search(shapes.LABEL_OVER_TITLE_RE.sub("", left)) or shapes.starts_with_dateline(left))
            and not shapes.is_subtitle_dash(left) and not (shapes.is_byline(left) and not shapes.starts_with_dateline(left))
            and not _LONE_CHAR_RE.search(_DIGITS_RE.sub("", left)))


def _head_piece(right: str, first: bool, dash: bool) -> bool:
    """Whether the text right of a gutter may be a head's line: long enough, closed, not spread, not a
    byline's other half; the head's next line (first) holds no phrase space unless a ——subtitle."""
    return (shapes.letters(right) >= _MIN_BESIDE and not _unclosed(right) and not shapes.is_spread(right)
            and not _LONE_CHAR_RE.search(right) and not (first and " " in right and not dash))


def _unclosed(text: str) -> bool:
    """A bracket or a quote opened and not closed (or closed, not opened): the space is inside it."""
    return any(text.count(a) != text.count(b) for a, b in _PAIRS)
