"""An item file read back for the review: its front matter as printed, its body as CommonMark renders it.

markdown-it-py renders every body that holds anything CommonMark could read as markup. Most
bodies hold none: headlines and paragraphs of plain Chinese text, which a CommonMark parser
turns into one heading or paragraph each, text unchanged. For those `plain_blocks` says which
blocks and texts markdown-it-py would give, without running it (it costs more than writing the
whole review page); a property test holds that quick answer to markdown-it-py's own output.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# characters that may start or change markup anywhere in a line (inline rules, entities, line
# breaks); a line feed only parts blocks, checked apart
_INLINE_MARKUP_RE = re.compile(r"[\\`*_\[\]<>&\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation: that character, as text
_BLOCK_STARTS = frozenset("#>+-*=_~`|<") | frozenset(" \t")
_ORDERED_RE = re.compile(r"\d{1,9}[.)]")
_PARSER = None


def split_front(text: str) -> tuple[list[tuple[str, str]], str]:
    """An item file -> its front matter's (key, value as printed) and its body.

    >>> split_front('---\\nsource: a.txt\\ntitle: "2024"\\n---\\n\\n# 2024\\n')
    ([('source', 'a.txt'), ('title', '"2024"')], '# 2024\\n')
    >>> split_front('no front matter\\n')
    ([], 'no front matter\\n')
    """
    if not text.startswith("---\n"):
        return [], text
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        return [], text
    front = []
    for line in head.split("\n"):
        key, colon, value = line.partition(":")
        if colon:
            front.append((key.strip(), value.strip()))
    return front, body.lstrip("\n")


def plain_blocks(body: str) -> list[tuple[str, str]] | None:
    """The (tag, text) blocks CommonMark reads in a body of plain headings and paragraphs; None otherwise.

    >>> plain_blocks("# 普及消防知识 提高自救能力\\n\\n本报讯（通讯员 王欣）为进一步提高\\n")
    [('h1', '普及消防知识 提高自救能力'), ('p', '本报讯（通讯员 王欣）为进一步提高')]
    >>> plain_blocks("1\\\\. 坚持党建引领\\n"), plain_blocks("1. 坚持党建引领\\n")
    ([('p', '1. 坚持党建引领')], None)
    """
    text = body.rstrip("\n")
    escaped = "\\" in text
    if _INLINE_MARKUP_RE.search(_ESCAPE_RE.sub("", text) if escaped else text):
        return None
    blocks = []
    for block in text.split("\n\n"):
        tag = "p"
        if block.startswith("# "):
            tag, block = "h1", block[2:]
        elif block.startswith("## "):
            tag, block = "h2", block[3:]
        if (not block or "\n" in block or block[0] in _BLOCK_STARTS or block[-1].isspace() or block[0].isspace()
                or (block[0].isdecimal() and _ORDERED_RE.match(block)) or (tag != "p" and "#" in block)):
            return None
        blocks.append((tag, _ESCAPE_RE.sub(r"\1", block) if escaped else block))
    return blocks


def render_body(body: str) -> list[tuple[str, str]] | Markup:
    """Plain blocks for the template to write, or markdown-it-py's HTML (raw HTML in the text escaped)."""
    blocks = plain_blocks(body)
    if blocks is not None:
        return blocks
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark", {"html": False})
    return Markup(_PARSER.render(body))
