"""cleanup: raw text of Chinese newspaper pages -> clean, reflowed Markdown, one file per article."""

from .model import Config, Item, Page, Step

__all__ = ["Config", "Item", "Page", "Step", "clean", "clean_text"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # the pipeline loads every rule table: only when it is used, so `cleanup --help` starts fast
    if name in ("clean", "clean_text"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'cleanup' has no attribute {name!r}")
