"""cleanup: raw text of Chinese newspaper pages -> clean, reflowed Markdown, one file per article."""

from .model import Config, Item, Page, Step
from .pipeline import clean, clean_text

__all__ = ["Config", "Item", "Page", "Step", "clean", "clean_text"]
__version__ = "0.1.0"
