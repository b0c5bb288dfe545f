"""Item -> Markdown file text: YAML front matter, then the body (FORMAT.md)."""

from __future__ import annotations

import regex

from .model import Item

_FRONT_KEYS = ("column", "title", "subtitle", "byline", "credit")
_INLINE_RE = regex.compile(r"([\\`*_\[\]<>&~])")  # ~: GFM strikes through ~x~ and ~~x~~
_CLOSING_HASHES_RE = regex.compile(r"(?<=\s)(#)(?=#*\s*$)")
_BLOCK_START_RE = regex.compile(r"^(?:[#>+=|~-]|\*|(\d{1,9})([.)]))")
_YAML_PLAIN_BAD_RE = regex.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$|\s$")
_YAML_UNPRINTABLE_RE = regex.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_YAML_KEYWORD_RE = regex.compile(
    r"^(?:~|<<|=|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|n|Y|N"
    r"|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?0b[01_]+|[-+]?0x[0-9a-fA-F_]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|\d{4}-\d\d?-\d\d?.*|[-+]?\d[\d_]*(?::\d+)+(?:\.[\d_]*)?)$"
)


def escape_markdown(text: str) -> str:
    """Backslash-escape what CommonMark would read as markup, so the text comes back as is.

    >>> escape_markdown("1. 坚持党建引领")
    '1\\\\. 坚持党建引领'
    >>> escape_markdown("# 标题 *重点* [注]")
    '\\\\# 标题 \\\\*重点\\\\* \\\\[注\\\\]'
    >>> escape_markdown("本报讯（记者 郑林）")
    '本报讯（记者 郑林）'
    """
    text = _INLINE_RE.sub(r"\\\1", text)
    text = _CLOSING_HASHES_RE.sub(r"\\\1", text)  # a heading would drop them as its closing sequence
    match = _BLOCK_START_RE.match(text)
    if match and match.group(1):
        return f"{match.group(1)}\\{match.group(2)}{text[match.end():]}"
    if match and not text.startswith("\\"):
        return "\\" + text
    return text


def yaml_scalar(value: str) -> str:
    """A plain YAML scalar, quoted only where YAML would misread it.

    >>> yaml_scalar("普及消防知识 提高自救能力"), yaml_scalar("“双三长”"), yaml_scalar("2024"), yaml_scalar("a: b")
    ('普及消防知识 提高自救能力', '“双三长”', '"2024"', '"a: b"')
    >>> yaml_scalar("0b0"), yaml_scalar("-0x1F"), yaml_scalar("2024年")
    ('"0b0"', '"-0x1F"', '2024年')

    A character YAML may not print (U+FFFE, a noncharacter some decoders let through) is escaped.

    >>> yaml_scalar("标题\ufffe")
    '"标题\\\\uFFFE"'
    """
    unprintable = _YAML_UNPRINTABLE_RE.search(value)
    if value and not unprintable and not _YAML_PLAIN_BAD_RE.search(value) and not _YAML_KEYWORD_RE.match(value):
        return value
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    if unprintable:
        quoted = _YAML_UNPRINTABLE_RE.sub(lambda m: f"\\u{ord(m.group()):04X}", quoted)
    return '"' + quoted + '"'


def render(item: Item, source: str) -> str:
    """The whole file: front matter keys in contract order, blocks parted by one blank line.

    An item with nothing in its body (a column label printed alone) ends at its front
    matter, with one newline, as every file does.

    >>> render(Item("article", 1, column="城事漫谈"), "p.txt")
    '---\\nsource: p.txt\\nkind: article\\ncolumn: 城事漫谈\\n---\\n'
    """
    front = [f"source: {yaml_scalar(source)}", f"kind: {item.kind}"]
    front += [f"{key}: {yaml_scalar(getattr(item, key))}" for key in _FRONT_KEYS if getattr(item, key)]
    blocks = []
    if item.title:
        blocks.append("# " + escape_markdown(item.title))
    for part in (item.subtitle, item.byline):
        if part:
            blocks.append(escape_markdown(part))
    for tag, text in item.body:
        blocks.append(("## " if tag == "h2" else "") + escape_markdown(text))
    if item.credit:
        blocks.append(escape_markdown(item.credit))
    head = "---\n" + "\n".join(front) + "\n---\n"
    return head + "\n" + "\n\n".join(blocks) + "\n" if blocks else head


def file_names(count: int) -> list[str]:
    """01.md, 02.md…; as many digits as the count has, at least two (three from 100 items,
    four from 1,000), so that the names sort in item order."""
    digits = max(2, len(str(count)))
    return [f"{n:0{digits}d}.md" for n in range(1, count + 1)]
