"""The page's truth as the composer knows it: items made of role-tagged blocks.

The composer builds these, the truth writer renders them (FORMAT.md), and the text
simulator (`simulate.simulate_page(items, seed)`) lays them out again as a damaged dump.
"""

from __future__ import annotations

from dataclasses import dataclass

# Block roles, as in the shared span contract (model.Item.spans); `noise` is never truth.
ROLES = ("column", "title", "subtitle", "byline", "body", "heading", "caption", "credit", "furniture")
KINDS = ("article", "photo", "note", "furniture")


@dataclass(frozen=True, slots=True)
class Block:
    """One printed block of an item, in its truth (cleaned) form.

    `title` blocks are the printed headline lines (a couplet is two), `subtitle` blocks
    the further headline lines; `body` and `heading` are paragraphs and `## ` headings;
    `caption` the photo text; `furniture` one running-head or -foot line.
    """

    role: str
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """One truth item: its kind and its blocks in reading order."""

    kind: str
    blocks: tuple[Block, ...]

    def texts(self, role: str) -> list[str]:
        return [block.text for block in self.blocks if block.role == role]

    @property
    def column(self) -> str:
        return " ".join(self.texts("column"))

    @property
    def title(self) -> str:
        return " ".join(self.texts("title"))

    @property
    def subtitle(self) -> str:
        return " ".join(self.texts("subtitle"))

    @property
    def byline(self) -> str:
        return " ".join(self.texts("byline"))

    @property
    def credit(self) -> str:
        return " ".join(self.texts("credit"))

    @property
    def paragraphs(self) -> list[tuple[str, str]]:
        """(role, text) of the body blocks in order: body, heading, caption, furniture."""
        return [(b.role, b.text) for b in self.blocks if b.role in ("body", "heading", "caption", "furniture")]
