"""Every expected file is well formed: real YAML front matter, real CommonMark, the dump's characters."""

import re

import pytest
import yaml
from markdown_it import MarkdownIt

from cleanup import conserve

from .conftest import DUMPS

KEY_ORDER = ["source", "kind", "column", "title", "subtitle", "byline", "credit"]
EXPECTED = [p for dump in DUMPS for p in sorted(dump.with_suffix("").glob("*.md"))]
_MD = MarkdownIt("commonmark")


def split(text: str) -> tuple[str, str]:
    assert text.startswith("---\n"), "no front matter"
    head, sep, body = text[4:].partition("\n---\n\n")
    assert sep, "front matter not closed by --- and a blank line"
    return head, body


def commonmark_blocks(body: str) -> list[str]:
    """The text of each block as a CommonMark parser reads it; any markup fails."""
    blocks = []
    for token in _MD.parse(body):
        if token.type == "inline":
            kinds = {child.type for child in token.children}
            assert kinds <= {"text", "text_special"}, f"markup in {token.content!r}: {kinds}"
            blocks.append("".join(child.content for child in token.children))
        else:
            assert token.type in {"heading_open", "heading_close", "paragraph_open", "paragraph_close"}, token.type
    return blocks


def plain_blocks(body: str) -> list[str]:
    blocks = body.rstrip("\n").split("\n\n")
    return [re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", re.sub(r"^#{1,2} ", "", b)) for b in blocks]


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_expected_file_is_well_formed(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")
    head, body = split(text)
    meta = yaml.safe_load(head)
    assert list(meta) == [k for k in KEY_ORDER if k in meta], f"keys out of order: {list(meta)}"
    assert meta["source"] == path.parent.name + ".txt"
    assert meta["kind"] in {"article", "photo", "note"}
    assert all(isinstance(v, str) and v for v in meta.values())
    assert all(line == line.strip() for line in body.splitlines())
    assert commonmark_blocks(body) == plain_blocks(body)
    if meta.get("title"):
        assert body.startswith("# "), "a title is printed as the first block"


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_expected_files_hold_exactly_the_dumps_characters(dump):
    files = [p.read_text(encoding="utf-8") for p in sorted(dump.with_suffix("").glob("*.md"))]
    missing, extra = conserve.compare(dump.read_bytes().decode("utf-8-sig"), files)
    assert not missing and not extra, f"missing {''.join(missing.elements())!r}, extra {''.join(extra.elements())!r}"
