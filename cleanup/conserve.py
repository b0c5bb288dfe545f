"""Check that a page's items hold exactly the dump's printed characters.

"Nothing is lost": every non-space character of the dump lands in exactly one
item. Cleaning may change a character's *form* (half to full width, straight to
curly quotes, a radical to its ideograph), so both sides are folded to one
canonical form before they are counted.

Run by hand on a page and its expected folder:

    python -m cleanup.conserve golden/PAGE.txt golden/PAGE/
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

from . import figures, furniture, gutters, headquotes, lexicon, misread, normalize, ocrpage, ocrscript, polish
from .decode import DecodeError, decode

# Folded on both sides: quotes are made curly by direction, which a count ignores.
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# OCR misreadings repaired to the printed mark (PU04 一一, 一- and -- -> ——, PU09 3一5 -> 3—5, PU06 〈 and
# 《 -> （, PU08 . -> ·): counted as one, character for character (a pair folded as a pair would pair across
# a line break the items keep apart). A blind spot: a rule turning 一 or - into — (or 〈 into a parenthesis,
# . into ·) elsewhere would go unnoticed here.
_MISREAD_FOLD = str.maketrans({"一": "—", "-": "—", "〈": "(", "《": "(", "·": "."})


def fold(text: str) -> str:
    """Canonical form for counting: NFKC, quotes straight, no white space.

    Normalized again once the spaces are gone: a combining mark the dump printed
    after a space composes with the letter the cleaned text puts it beside.
    """
    for _ in range(2):
        text = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD).translate(_MISREAD_FOLD)
        text = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "C")
    return text


def printed_characters(text: str) -> Counter[str]:
    """Count the folded, non-space characters of a dump or of cleaned text.

    Radicals first go back to ideographs line by line as NM04 does (normalize.restore_radicals),
    since the other characters of a line choose a two-form radical's form, which no fold of one
    character knows: NFKC alone gives ⼾ the traditional 戶 where NM04 wrote 户.

    >>> printed_characters("客⼾分散") == printed_characters("客户分散")
    True
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as layout.split_lines splits
    return Counter(fold("\n".join(map(normalize.restore_radicals, lines))))


def item_text(markdown: str) -> str:
    """The printed text an item file holds: its body, plus the column label.

    Front matter repeats the title, subtitle, byline and credit that the body
    prints, so only `column` (page furniture that lives only there) counts.
    """
    column = ""
    body = markdown
    if markdown.startswith("---\n"):
        head, _, body = markdown[4:].partition("\n---\n")
        for line in head.splitlines():
            if line.startswith("column:"):
                column = _unquote(line[len("column:"):].strip())
    lines = []
    for line in body.splitlines():
        if line.startswith("## "):
            line = line[3:]
        elif line.startswith("# "):
            line = line[2:]
        lines.append(_unescape(line))
    return column + "\n" + "\n".join(lines)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def _unescape(line: str) -> str:
    out, i = [], 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line) and line[i + 1] in _ASCII_PUNCT:
            i += 1
        out.append(line[i])
        i += 1
    return "".join(out)


_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def compare(dump: str, item_files: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Return (missing, extra): characters the items lack, and those they add.

    Quotes that PU07 may have read as the phrase space they stand for are not missed, nor the
    marks FU05 and FU06 mend in the running head and foot (furniture.mended_characters).
    """
    want = printed_characters(dump)
    have = Counter()
    for markdown in item_files:
        have.update(printed_characters(item_text(markdown)))
    missing, extra = want - have, have - want
    if missing and extra and ocrscript.read_in_simplified(dump):  # CV02 wrote the items in traditional characters
        simplified = lexicon.converter("t2s").convert
        have = Counter()
        for markdown in item_files:
            have.update(printed_characters(simplified(item_text(markdown))))
        want = printed_characters(simplified(dump))
        missing, extra = want - have, have - want
    if missing['"']:
        missing['"'] -= min(missing['"'], phrase_space_quotes(dump))
    if missing and extra["."]:
        for mark, n in tag_dots(dump).items():  # a mark PU10 took for a tag's middle dot (· folds to .)
            taken = min(n, missing[mark], extra["."])
            missing[mark] -= taken
            extra["."] -= taken
    if extra["."]:
        extra["."] -= min(extra["."], tag_spaces(dump))  # a space PU10 took for a tag's middle dot
    if extra['"'] or missing["—"]:  # HD15's closing quotes OCR dropped or read as a hyphen
        added, hyphens = headquotes.dropped_closings(dump)
        extra['"'] -= min(extra['"'], added)
        missing["—"] -= min(missing["—"], hyphens)
    if missing or extra:
        gone, added = furniture.mended_characters(dump)
        missing, extra = missing - gone, extra - added
    if missing["]"] and ocrpage.read_by_ocr(dump.splitlines()):  # HD30's figures
        gone, added = figures.mended_characters(dump.splitlines())
        missing, extra = missing - gone, extra - added
    return +missing, +extra


_HEADLINE_LINES = 3  # a headline PU07 repairs is read over this many lines at most


def phrase_space_quotes(dump: str) -> int:
    """How many of the dump's quotes PU07's repair (misread.phrase_space_repair) takes for a phrase
    space in a line, or in up to three lines read as one headline, its quotes curled as PU03 does;
    the lines read whole, and with a line Tesseract read across a gutter in its pieces (CW03 parts it).

    >>> phrase_space_quotes('站好岗"放好哨'), phrase_space_quotes('站好岗"放好哨|        社区开展活动')
    (1, 1)
    """
    lines = [line.strip() for line in dump.splitlines() if line.strip()]
    whole = [(k, 0, line) for k, line in enumerate(lines)]
    pieced = [piece for k, line in enumerate(lines) for piece in _ocr_pieces(k, line)]
    taken: set[tuple[int, int]] = set()
    for segments in (whole, pieced) if len(pieced) > len(whole) else (whole,):  # pieces read only where a line has some
        for first in range(len(segments)):
            for last in range(first, min(first + _HEADLINE_LINES, len(segments))):
                read = segments[first:last + 1]
                text = polish.curl_straight_quotes("".join(t for _, _, t in read))  # as PU07 reads them,
                text = "".join(" " if ch.isspace() else ch for ch in text)  # every space a plain one (index for index)
                gone = misread.phrase_space_repair(text)[1]
                if gone:
                    where = [(k, at + col) for k, at, t in read for col in range(len(t))]
                    taken |= {where[i] for i in gone}
    return len(taken)


def _ocr_pieces(k: int, line: str) -> list[tuple[int, int, str]]:
    """A dump line's pieces where Tesseract read it across a gutter (gutters.ocr_parts), each with its
    line and its offset in the line; the line whole where it has none."""
    pieces, at = [], 0
    for part in gutters.ocr_parts(line):
        at = line.find(part, at)
        if at < 0:  # a piece not found as printed: the line whole
            return [(k, 0, line)]
        pieces.append((k, at, part))
        at += len(part)
    return pieces


def tag_dots(dump: str) -> Counter[str]:
    r"""The marks (folded) PU10 may read as the middle dot of a tag closing a headline: one per
    bracket in a dump line that closes such a tag, wherever the line goes on after it.

    >>> tag_dots("施肥更精细 (经济聚焦。 农田里的新鲜事)  本报讯\n放好哨〈社会'那些事)")
    Counter({'。': 1, "'": 1})
    """
    marks: Counter[str] = Counter()
    for line in dump.splitlines():
        for k, ch in enumerate(line):
            if ch in "）)":
                found = misread.TAG_DOT_RE.findall(line[:k + 1])
                if len(found) == 1:
                    marks.update(fold(found[0]))
    return marks


def tag_spaces(dump: str) -> int:
    r"""How many spaces PU10 may read as the middle dot of a tag closing a headline: one per bracket
    in a dump line that closes such a tag (misread.tag_space), wherever the line goes on after it.

    >>> tag_spaces("粉刷美环境 〈社区 那些事)  本报讯\n日电（记者 杨翠叶）")
    1
    """
    return sum(1 for line in dump.splitlines() for k, ch in enumerate(line)
               if ch in "）)" and misread.tag_space(line[:k + 1]) is not None)


def noise_lines_as_read(dump: str, items) -> list[str]:
    """The lines of `noise` items that are not a dump line as read (white space aside): none, when
    the noise stage kept its word. Its lines count like any item's in `compare`; this checks that
    each is one whole dump line, neither cleaned nor cut, and no dump line is in noise twice.
    """
    lines = Counter(" ".join(line.split()) for line in dump.splitlines())
    wrong = []
    for item in items:
        if item.kind != "noise":
            continue
        for _, text in item.body:
            if lines[text] > 0:
                lines[text] -= 1
            else:
                wrong.append(text)
    return wrong


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m cleanup.conserve PAGE.txt PAGE_DIR/", file=sys.stderr)
        return 2
    try:  # read as the pipeline reads it: a dump need not be UTF-8
        dump = decode(Path(argv[0]).read_bytes()).text
    except DecodeError as error:
        print(f"not a text dump: {error}", file=sys.stderr)
        return 2
    files = [p.read_text(encoding="utf-8") for p in sorted(Path(argv[1]).glob("*.md"))]
    missing, extra = compare(dump, files)
    if not missing and not extra:
        print(f"ok: {sum(printed_characters(dump).values())} characters conserved")
        return 0
    if missing:
        print("missing:", "".join(sorted(missing.elements())))
    if extra:
        print("extra:", "".join(sorted(extra.elements())))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
