"""Join rules for lines the extractor cut out of one printed line or row (JN21, JN22, JN23).

Tesseract reads a row across a gutter and the column stage parts it (CW03); pdftotext -raw starts a
new line at some quotes and brackets. The pieces then stand as lines of their own, with blank lines
or short lengths that would otherwise mark a paragraph's end. These cues answer as join.py's do
(True join, False break, None no opinion), and are weighed with the rest (rules/join.toml).
"""

from __future__ import annotations

import regex

from . import shapes
from .join import Seam, _seam  # noqa: F401  (_seam: the examples)
from .rulebook import rule


@rule("JN21")
def keep_cut_pieces_apart(seam: Seam) -> bool | None:
    """Break between two pieces of one line read across a gutter (CW03): one column's line never ran on into the other's.

    CW03 sets the pieces beside a line's first one before it, a blank line after each; a piece
    that stops mid-sentence goes on in its own column, not in the piece that follows it.

    >>> keep_cut_pieces_apart(_seam("本报讯 (通讯员 王斌) 为促进", "在美国起诉中国贪官，不可能适用", blanks=1, cut_off=True))
    False
    >>> keep_cut_pieces_apart(_seam("本报讯 (通讯员 王斌) 为促进", "白山市委"))
    """
    return False if seam.cut_off else None


@rule("JN23")
def join_piece_to_its_column(seam: Seam) -> bool | None:
    """Join a row's first piece (CW03) that stops mid-sentence to its column's line under it.

    Across the blank OCR set under the row, a piece as wide as that column is a column's line,
    not a headline, though its words may read like a title's.

    >>> join_piece_to_its_column(_seam("为深入贯彻习近平总书记视察吉林重要", "讲话重要指示精神，着力破解“九龙治水、", width=19, blanks=1, piece=True))
    True

    Not a short piece (a headline beside the row's other pieces), nor one that ends its sentence,
    nor a piece over a line that is no running text.

    >>> join_piece_to_its_column(_seam("站好岗", "新城社区地处东辽县县城西部，", width=13, blanks=1, piece=True))
    >>> join_piece_to_its_column(_seam("不可能适用中国自己的法律。", "有先例可循。", width=13, blanks=1, piece=True))
    >>> join_piece_to_its_column(_seam("为深入贯彻习近平总书记视察吉林重要", "激发阅读兴趣", width=19, blanks=1, piece=True))
    >>> join_piece_to_its_column(_seam("为深入贯彻习近平总书记视察吉林重要", "讲话重要指示精神，着力破解“九龙治水、", width=19, blanks=1))

    Only across that blank: a piece right over the next line leaves it to the other cues (a
    headline over its subtitle, a row's piece read as one).

    >>> join_piece_to_its_column(_seam("江苏探索科技成果高效转化应用新途径", "政策松绑、平台支撑、专业服务", piece=True))
    """
    if not seam.prev_piece or not seam.blanks or seam.prev_ends_sentence or seam.cur_standalone or seam.cur_dateline:
        return None
    if shapes.is_headline_like(seam.cur) and not shapes.BODY_PUNCT_RE.search(seam.cur):
        return None
    measure = seam.width if seam.width is not None else seam.cur_len
    return True if seam.prev_len >= measure - _PIECE_NARROWER else None


_PIECE_NARROWER = 2.0  # characters a column's line read as a row's piece falls short of its column at most


_OPENING_MARKS = "“‘（《〈「"
_MARK_END_RE = regex.compile(r"[。，、；：！？”’）》」]$")


@rule("JN22")
def join_piece_of_printed_line(seam: Seam) -> bool | None:
    """Join a quote or bracket line that with the short line before it fills one column line (one printed line).

    The extractor broke one printed line at the mark: pdftotext -raw starts a new line at some quotes and brackets (……增强团队协 / 作意识。 /
    “原来革命先烈……”12岁 / 的小雨……): the piece before the mark is then short and, if it
    ends a sentence, reads as a paragraph's last line. A paragraph's true last line is followed by
    a whole line; these two pieces together are one. The piece after must go on (no sentence end).

    >>> join_piece_of_printed_line(_seam("作意识。", "“原来革命先烈是这样克服困难的！”12岁", width=23, running=True))
    True
    >>> join_piece_of_printed_line(_seam("作意识。", "“原来革命先烈是这样克服困难的！”他说。", width=23, running=True))
    >>> join_piece_of_printed_line(_seam("作意识。", "“原来革命先烈是这样克服困难的！”12岁的小雨", width=23, running=True))
    >>> join_piece_of_printed_line(_seam("作意识。", "立体教育：踏青寻春", width=23, running=True))
    """
    if seam.blanks or seam.width is None or seam.cur[:1] not in _OPENING_MARKS or not _MARK_END_RE.search(seam.prev):
        return None
    if seam.prev_full or shapes.ends_sentence(seam.cur) or not (seam.prev_running or shapes.BODY_PUNCT_RE.search(seam.prev)):
        return None
    # a paragraph's first line, its indent stripped, is nearly full: this piece is well short of that
    if seam.cur_len > seam.width - _PIECE_SHORTFALL or seam.prev_len + seam.cur_len > seam.width + _PIECE_SLACK:
        return None
    return True


_PIECE_SHORTFALL = 3.0  # characters a piece falls short of the column at least
_PIECE_SLACK = 1.0  # characters two pieces may run over the column (quotes and brackets set half width)
