"""Truth items -> FORMAT.md files: front matter in contract order, then the body blocks.

Escaping and YAML quoting are the project's own (`cleanup.render`), so truth and output
spell the same text the same way; tests parse every truth file back with a YAML and a
CommonMark parser to hold both to the contract.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from cleanup.render import escape_markdown, file_names, yaml_scalar

from .model import Item

FRONT_KEYS = ("column", "title", "subtitle", "byline", "credit")


def render_item(item: Item, source: str) -> str:
    """One item's file text."""
    front = [f"source: {yaml_scalar(source)}", f"kind: {item.kind}"]
    front += [f"{key}: {yaml_scalar(getattr(item, key))}" for key in FRONT_KEYS if getattr(item, key)]
    blocks = []
    if item.title:
        blocks.append("# " + escape_markdown(item.title))
    for part in (item.subtitle, item.byline):
        if part:
            blocks.append(escape_markdown(part))
    for role, text in item.paragraphs:
        blocks.append(("## " if role == "heading" else "") + escape_markdown(text))
    if item.credit:
        blocks.append(escape_markdown(item.credit))
    text = "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(blocks) + "\n"
    return unicodedata.normalize("NFC", text)


def write_truth(items: list[Item], folder: Path, source: str) -> None:
    """folder/01.md … for one dump; the folder is made fresh."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    for name, item in zip(file_names(len(items)), items):
        (folder / name).write_text(render_item(item, source), encoding="utf-8")
