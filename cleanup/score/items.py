"""Reading `<stem>/NN.md` item files (FORMAT.md) into the plain text the scorer compares."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

KINDS = ("article", "photo", "note", "furniture", "noise")
FIELDS = ("title", "subtitle", "byline", "credit", "column")

_ITEM_FILE_RE = re.compile(r"\d+\.md")
_FRONT_MATTER_RE = re.compile(r"---\n(?:(.*?)\n)?---[ \t]*(?:\n|$)", re.DOTALL)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_HEADING_RE = re.compile(r"(#{1,6}) (.*)")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
_SPACE_RE = re.compile(r"\s+")


class ItemError(ValueError):
    """An item file that cannot be read as FORMAT.md describes; the message names the file."""


class Block(NamedTuple):
    """One block of an item's body: its text, and `#` (title), `##` (heading) or `` (paragraph)."""

    text: str
    marker: str = ""


@dataclass(frozen=True, slots=True)
class ItemText:
    """One item as the scorer sees it: kind, front matter, and the body's blocks.

    `text` is the blocks run together with no break, `breaks` the offsets in
    it where one block ends and the next begins, `squeezed` the text without
    white space (what items are matched on).

    >>> item = ItemText.of("article", {}, [Block("标题", "#"), Block("正文 一段。")])
    >>> item.text, item.breaks, item.squeezed
    ('标题正文 一段。', (2,), '标题正文一段。')
    """

    kind: str
    fields: dict[str, str]
    blocks: tuple[Block, ...]
    text: str = field(compare=False)
    breaks: tuple[int, ...] = field(compare=False)
    squeezed: str = field(compare=False)

    @classmethod
    def of(cls, kind: str, fields: dict[str, str], blocks: list[Block]) -> ItemText:
        text = "".join(block.text for block in blocks)
        ends, offset = [], 0
        for block in blocks[:-1]:
            offset += len(block.text)
            ends.append(offset)
        breaks = tuple(sorted({end for end in ends if 0 < end < len(text)}))
        return cls(kind, fields, tuple(blocks), text, breaks, _SPACE_RE.sub("", text))


def parse_item(markdown: str) -> ItemText:
    """Read one item file's text; raises ItemError (without the file's name) if it is malformed.

    Markdown markers and escapes are removed: the blocks hold the printed text.
    Lines of one paragraph written on several lines are run together.

    >>> item = parse_item("---\\nkind: photo\\ncredit: 本报记者 王欢 摄\\n---\\n\\n游客在\\\\*花海\\\\*中\\n拍照\\n\\n本报记者 王欢 摄\\n")
    >>> item.kind, item.fields["credit"], item.blocks
    ('photo', '本报记者 王欢 摄', (Block(text='游客在*花海*中拍照', marker=''), Block(text='本报记者 王欢 摄', marker='')))
    >>> parse_item("---\\nkind: story\\n---\\n\\n正文\\n")
    Traceback (most recent call last):
    cleanup.score.items.ItemError: kind 'story' is not one of article, photo, note, furniture, noise
    """
    markdown = unicodedata.normalize("NFC", markdown.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    head = _FRONT_MATTER_RE.match(markdown)
    if not head:
        raise ItemError("no front matter (a first line '---', the keys, then '---')")
    fields = _read_front_matter(head.group(1) or "")
    kind = fields.pop("kind", "")
    if kind not in KINDS:
        raise ItemError(f"kind {kind!r} is not one of {', '.join(KINDS)}" if kind else "no kind in the front matter")
    return ItemText.of(kind, fields, list(_read_blocks(markdown[head.end():])))


def _read_front_matter(text: str) -> dict[str, str]:
    """Keys and values as text: YAML's base loader, which reads `2024` or `no` as the text it is."""
    import yaml

    try:
        data = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark else ""
        reason = " ".join(str(getattr(error, "problem", None) or error).split())  # one line
        raise ItemError(f"front matter is not valid YAML{where}: {reason}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ItemError("front matter is not a list of 'key: value' lines")
    fields = {}
    for key, value in data.items():
        if not isinstance(value, str):
            raise ItemError(f"front matter key {key!r} does not hold a plain text value")
        fields[str(key)] = unicodedata.normalize("NFC", value).strip()
    return fields


def _read_blocks(body: str):
    """The body's blocks in order: parted by blank lines, a `#` line a block of its own."""
    for chunk in _BLANK_LINE_RE.split(body):
        lines = chunk.split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        paragraph = []
        for line in lines:
            heading = _HEADING_RE.fullmatch(line)
            if not heading:
                paragraph.append(_unescape(line))
                continue
            if paragraph:
                yield Block("".join(paragraph))
                paragraph = []
            yield Block(_unescape(heading.group(2)), "#" if len(heading.group(1)) == 1 else "##")
        if paragraph:
            yield Block("".join(paragraph))


def _unescape(line: str) -> str:
    r"""The text a backslash-escaped line prints.

    >>> _unescape(r"1\. 坚持 \*重点\* a\\b")
    '1. 坚持 *重点* a\\b'
    """
    return _ESCAPE_RE.sub(r"\1", line)


def read_item(path: Path) -> ItemText:
    """One NN.md file; raises ItemError naming the file when it cannot be read or parsed."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ItemError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return parse_item(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ItemError(f"{path}: not UTF-8 (byte {raw[error.start]:#04x} at offset {error.start})") from None
    except ItemError as error:
        raise ItemError(f"{path}: {error}") from None


def item_files(folder: Path) -> list[Path]:
    """A page folder's NN.md files, in name order (hidden and other files are not items)."""
    try:
        return sorted((p for p in folder.iterdir() if _ITEM_FILE_RE.fullmatch(p.name)), key=lambda p: p.name)
    except OSError as error:
        raise ItemError(f"{folder}: cannot read: {error.strerror or error}") from None


def read_page(folder: Path) -> list[ItemText]:
    """Every item of one page folder; an absent folder is a page with no items."""
    if not folder.is_dir():
        return []
    return [read_item(path) for path in item_files(folder)]
