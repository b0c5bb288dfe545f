"""Running many dumps: gather inputs, clean each, report failures per file without stopping."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .decode import DecodeError
from .model import Config, Page
from .pipeline import clean


NO_TEXT = "no printed text (only white space or control characters)"


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # the source name written into every item
    path: Path | None  # None for standard input


@dataclass(frozen=True, slots=True)
class Outcome:
    source: Source
    page: Page | None = None
    error: str = ""


def gather(inputs: list[str], stdin_name: str) -> tuple[list[Source], list[str]]:
    """Expand folders to their *.txt (sorted); '-' is standard input. Returns sources and errors."""
    sources: list[Source] = []
    errors: list[str] = []
    for text in inputs:
        if text == "-":
            # only the base name: a crafted --name must not steer where output goes
            sources.append(Source(_printable(stdin_name.replace("\\", "/").rsplit("/", 1)[-1]), None))
            continue
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                errors.append(f"{text}: folder has no .txt files")
            sources.extend(Source(_printable(p.name), p) for p in found)
        elif path.exists():
            sources.append(Source(_printable(path.name), path))
        else:
            errors.append(f"{text}: no such file or folder")
    return sources, errors


def _printable(name: str) -> str:
    """A file name's bytes that are not UTF-8 (kept by Python as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read(source: Source) -> bytes:
    if source.path is None:
        return sys.stdin.buffer.read()
    return source.path.read_bytes()


def run_one(source: Source, config: Config) -> Outcome:
    """Clean one dump; any failure becomes a one-line reason, never a traceback."""
    try:
        raw = read(source)
    except OSError as error:
        return Outcome(source, error=f"cannot read: {error.strerror or error}")
    if not raw:
        return Outcome(source, error="empty file")
    if not raw.strip():
        return Outcome(source, error=NO_TEXT)
    try:
        page = clean(raw, source.name, config)
    except DecodeError as error:
        return Outcome(source, error=str(error))
    except RecursionError:
        return Outcome(source, error="page too deeply nested to process")
    except Exception as error:  # a bug must not stop the batch; it is reported by file
        return Outcome(source, error=f"internal error ({type(error).__name__}: {error})")
    if not page.items:
        return Outcome(source, error=NO_TEXT)
    return Outcome(source, page=page)


def run(sources: list[Source], config: Config) -> Iterator[Outcome]:
    for source in sources:
        yield run_one(source, config)
