"""A page's truth both ways: items -> FORMAT.md files, and `<stem>/NN.md` files -> items.

Writing: escaping and YAML quoting are the project's own (`cleanup.render`), so truth and
output spell the same text the same way; tests parse every truth file back with a YAML and
a CommonMark parser to hold both to the contract. The composer's `model.Item` and the
reader's `TruthItem` are written alike (kind, the front-matter fields, role-tagged blocks).

Reading: each item's blocks come in reading order, the way the page prints them: the column
label (front matter only, but printed on the page), title, subtitle, byline, then the body's
paragraphs and `##` headings, and a photo's credit last. The simulator lays these blocks out
as a dump; the labeller tells which of them each dump line holds.

    >>> item = parse_item(SAMPLE, number=2)
    >>> [(block.role, block.text) for block in item.blocks]
    [('column', '社区 那些事'), ('title', '普及消防知识 提高自救能力'), ('subtitle', '北市场街道金桥社区开展安全宣传活动'), ('body', '本报讯（通讯员 王欣）*为*进一步……'), ('heading', '升级“服务阵地矩阵”')]
    >>> item.kind, item.title
    ('article', '普及消防知识 提高自救能力')
    >>> render_item(item, "p.txt") == SAMPLE
    True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from cleanup.render import escape_markdown, file_names, yaml_scalar

FRONT_KEYS = ("column", "title", "subtitle", "byline", "credit")
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


def render_item(item, source: str) -> str:
    """One item's file text (a `model.Item` or a `TruthItem`)."""
    front = [f"source: {yaml_scalar(source)}", f"kind: {item.kind}"]
    front += [f"{key}: {yaml_scalar(getattr(item, key))}" for key in FRONT_KEYS if getattr(item, key)]
    blocks = []
    if item.title:
        blocks.append("# " + escape_markdown(item.title))
    for part in (item.subtitle, item.byline):
        if part:
            blocks.append(escape_markdown(part))
    for block in item.blocks:
        if block.role not in FRONT_KEYS:
            blocks.append(("## " if block.role == "heading" else "") + escape_markdown(block.text))
    if item.credit:
        blocks.append(escape_markdown(item.credit))
    text = "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(blocks) + "\n"
    return unicodedata.normalize("NFC", text)


def write_truth(items: list, folder: str | Path, source: str) -> None:
    """folder/01.md … for one dump; the folder is made fresh."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    for name, item in zip(file_names(len(items)), items):
        (folder / name).write_text(render_item(item, source), encoding="utf-8")


def as_truth_items(items: list, source: str = "page.txt") -> list[TruthItem]:
    """The items as a reader of their truth files sees them (a couplet's two title lines are one title)."""
    return [parse_item(render_item(item, source), number) for number, item in enumerate(items, start=1)]


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
