"""Read a page's truth (`<stem>/NN.md` in the FORMAT.md form) as items of role-tagged blocks.

Each item's blocks come in reading order, the way the page prints them: the column label
(front matter only, but printed on the page), title, subtitle, byline, then the body's
paragraphs and `##` headings, and a photo's credit last. The simulator lays these blocks out
as a dump; the labeller tells which of them each dump line holds.

    >>> item = parse_item(SAMPLE, number=2)
    >>> [(block.role, block.text) for block in item.blocks]
    [('column', '社区 那些事'), ('title', '普及消防知识 提高自救能力'), ('subtitle', '北市场街道金桥社区开展安全宣传活动'), ('body', '本报讯（通讯员 王欣）*为*进一步……'), ('heading', '升级“服务阵地矩阵”')]
    >>> item.kind, item.title
    ('article', '普及消防知识 提高自救能力')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

# The body role of a plain paragraph, by the item's kind (FORMAT.md's kinds).
PARAGRAPH_ROLE = {"article": "body", "note": "body", "photo": "caption", "furniture": "furniture", "noise": "noise"}
_UNESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n")

SAMPLE = """---
source: p.txt
kind: article
column: 社区 那些事
title: 普及消防知识 提高自救能力
subtitle: 北市场街道金桥社区开展安全宣传活动
---

# 普及消防知识 提高自救能力

北市场街道金桥社区开展安全宣传活动

本报讯（通讯员 王欣）\\*为\\*进一步……

## 升级“服务阵地矩阵”
"""


@dataclass(frozen=True, slots=True)
class TruthBlock:
    role: str  # column, title, subtitle, byline, body, heading, caption, credit, furniture, noise
    text: str  # as printed: Markdown escapes removed, NFC


@dataclass(frozen=True, slots=True)
class TruthItem:
    number: int  # the NN of NN.md
    kind: str
    column: str
    title: str
    subtitle: str
    byline: str
    credit: str
    blocks: tuple[TruthBlock, ...]

    @property
    def text(self) -> str:
        """Every printed character of the item, blocks run together."""
        return "".join(block.text for block in self.blocks)


def read_truth(folder: str | Path) -> list[TruthItem]:
    """All items of one page's truth folder, in file order."""
    paths = sorted(path for path in Path(folder).glob("*.md") if path.stem.isdigit())
    if not paths:
        raise ValueError(f"{folder}: no NN.md files")
    return [parse_item(path.read_text(encoding="utf-8"), number=int(path.stem)) for path in paths]


def parse_item(markdown: str, number: int) -> TruthItem:
    """One NN.md file as a TruthItem (front matter through YAML, body by blank-line blocks)."""
    text = unicodedata.normalize("NFC", markdown.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    front: dict[str, str] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end == -1:
            raise ValueError(f"item {number}: front matter not closed")
        loaded = yaml.safe_load(text[4:end]) or {}
        front = {str(key): "" if value is None else str(value).strip() for key, value in loaded.items()}
        body = text[text.find("\n", end + 4) + 1:] if text.find("\n", end + 4) != -1 else ""
    kind = front.get("kind", "article")
    get = lambda key: front.get(key, "")  # noqa: E731
    return TruthItem(number, kind, get("column"), get("title"), get("subtitle"), get("byline"), get("credit"),
                     tuple(_blocks(body, kind, front)))


def _blocks(body: str, kind: str, front: dict[str, str]) -> list[TruthBlock]:
    """Body chunks tagged by what they are; front matter says which chunk is the subtitle etc."""
    chunks = [" ".join(line.strip() for line in chunk.strip().split("\n")) for chunk in _BLANK_LINES_RE.split(body)]
    chunks = [chunk for chunk in chunks if chunk]
    blocks = [TruthBlock("column", front["column"])] if front.get("column") else []
    if chunks and chunks[0].startswith("# "):
        blocks.append(TruthBlock("title", _unescape(chunks.pop(0)[2:])))
    for key in ("subtitle", "byline"):
        if chunks and front.get(key) and _unescape(chunks[0]) == front[key]:
            blocks.append(TruthBlock(key, _unescape(chunks.pop(0))))
    credit = None
    if chunks and front.get("credit") and _unescape(chunks[-1]) == front["credit"]:
        credit = TruthBlock("credit", _unescape(chunks.pop()))
    paragraph_role = PARAGRAPH_ROLE.get(kind, "body")
    for chunk in chunks:
        if chunk.startswith("## "):
            blocks.append(TruthBlock("heading", _unescape(chunk[3:])))
        else:
            blocks.append(TruthBlock(paragraph_role, _unescape(chunk)))
    if credit:
        blocks.append(credit)
    return blocks


def _unescape(text: str) -> str:
    return _UNESCAPE_RE.sub(r"\1", text)


def write_truth(items: list[TruthItem], folder: str | Path, source: str) -> None:
    """Write items as NN.md files in the FORMAT.md form (the project's own renderer), renumbered 01…"""
    from cleanup.model import Item
    from cleanup.render import file_names, render

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, item in zip(file_names(len(items)), items):
        body = tuple(("h2" if block.role == "heading" else "p", block.text) for block in item.blocks
                     if block.role not in ("column", "title", "subtitle", "byline", "credit"))
        rendered = Item(kind=item.kind, first=0, column=item.column, title=item.title, subtitle=item.subtitle,
                        byline=item.byline, credit=item.credit, body=body)
        (folder / name).write_text(render(rendered, source), encoding="utf-8")
