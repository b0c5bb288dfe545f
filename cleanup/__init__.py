"""cleanup: raw text of Chinese newspaper pages -> clean, reflowed Markdown, one file per article.

The public API is what `__all__` lists; the README's "Python API" shows it at work.
"""

from .decode import DecodeError
from .model import Config, Item, Page, Step

__all__ = ["Config", "DecodeError", "Item", "Page", "Step", "clean", "clean_text", "page_files", "records"]
__version__ = "0.1.0"

# the pipeline loads every rule table: only when it is used, so `cleanup --help` starts fast
_LAZY = {"clean": "pipeline", "clean_text": "pipeline", "page_files": "output", "records": "output"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'cleanup' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
