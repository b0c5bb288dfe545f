"""Running many dumps: gather inputs, clean each, report failures per file without stopping."""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .decode import DecodeError
from .model import Config, Page


NO_TEXT = "no printed text (only white space or control characters)"


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # the source name written into every item
    path: Path | None  # None for standard input
    text: str | None = None  # already decoded (a JSON-lines record), read from nowhere
    label: str = ""  # what error lines call it, when not its path (a line of a stream)


@dataclass(frozen=True, slots=True)
class Written:
    """What the writer needs of a page whose files a worker has written: not the page itself,
    which would cost its pickling on the way back."""

    manifest: tuple[str, ...]  # the page's manifest lines
    items: int
    warnings: int


@dataclass(frozen=True, slots=True)
class Outcome:
    source: Source
    page: Page | None = None  # None once staged: `written` says what the writer needs
    error: str = ""
    staged: Path | None = None  # the page's files, written to a temporary folder in OUT
    written: Written | None = None
    records: bytes | None = None  # the page's JSON lines, rendered by the worker (page is then None)


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
            try:
                found, broken = _folder_pages(path)
            except OSError as error:
                errors.append(f"{text}: cannot read: {error.strerror or error}")
                continue
            if not found and not broken:
                errors.append(f"{text}: folder has no .txt files")
            errors.extend(broken)
            sources.extend(Source(_printable(p.name), p) for p in found)
        elif path.exists():
            sources.append(Source(_printable(path.name), path))
        elif path.is_symlink():
            errors.append(f"{text}: cannot read: broken symbolic link to {os.readlink(path)}")
        else:
            errors.append(f"{text}: no such file or folder")
    return sources, errors


def _folder_pages(folder: Path) -> tuple[list[Path], list[str]]:
    """A folder's page files (*.txt in any case, not hidden), sorted by name, and an error
    for each such name that is not a readable file (a broken link, a folder, a pipe)."""
    found, broken = [], []
    with os.scandir(folder) as entries:  # raises, unlike glob, when the folder cannot be read
        named = sorted((entry.name, Path(entry.path)) for entry in entries
                       if entry.name.lower().endswith(".txt") and not entry.name.startswith("."))
    for _, path in named:
        if path.is_file():
            found.append(path)
        elif path.is_symlink() and not path.exists():
            broken.append(f"{path}: cannot read: broken symbolic link to {os.readlink(path)}")
        else:
            broken.append(f"{path}: cannot read: not a regular file")
    return found, broken


def read_records(stream: BinaryIO, stdin_name: str = "stdin") -> Iterator[Source | Outcome]:
    """UTF-8 JSON lines {"source": NAME, "text": PAGE} -> sources, lazily; a bad line fails alone."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        label = Source(f"{stdin_name} line {number}", None)
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as error:
            yield Outcome(label, error=f"not UTF-8 at byte {error.start} of the line")
            continue
        except ValueError as error:
            yield Outcome(label, error=f"not JSON ({error})")
            continue
        if not (isinstance(record, dict) and isinstance(record.get("source"), str)
                and isinstance(record.get("text"), str)):
            yield Outcome(label, error='expected an object with string "source" and "text"')
            continue
        if _has_surrogate(record["text"]):
            yield Outcome(label, error="text holds unpaired surrogates (\\ud800-\\udfff), not Unicode")
            continue
        name = _printable(record["source"].replace("\\", "/").rsplit("/", 1)[-1])
        yield Source(name, None, record["text"], f"{label.name} ({name})")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _printable(name: str) -> str:
    """A file name's bytes that are not UTF-8 (kept by Python as surrogates) become U+FFFD."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no file system gives (a JSON "\ud800" escape)
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in name)


def read(source: Source) -> bytes:
    if source.path is None:
        return sys.stdin.buffer.read()
    return source.path.read_bytes()


def run_one(source: Source, config: Config, raw: bytes | None = None, stage_in: Path | None = None,
            render: bool = False) -> Outcome:
    """Clean one dump; any failure becomes a one-line reason, never a traceback.

    With `stage_in`, the page's files are also written, to a temporary folder there: so a
    worker process does the writing, and the caller only renames (or discards) the folder.
    With `render`, the page's JSON lines are rendered here, for the caller to write as they are.
    Either way a worker sends back bytes and counts, not the page, whose pickling costs the
    one process that writes every page.
    """
    from .pipeline import clean, clean_text  # here: `cleanup --help` need not load the rules

    if source.text is None and raw is None:
        try:
            raw = read(source)
        except OSError as error:
            return Outcome(source, error=f"cannot read: {error.strerror or error}")
    content = raw if source.text is None else source.text
    if not content:
        return Outcome(source, error="empty file")
    if not content.strip():
        return Outcome(source, error=NO_TEXT)
    try:
        if source.text is None:
            page = clean(raw, source.name, config)
        else:
            page = clean_text(source.text, source.name, config)
    except DecodeError as error:
        return Outcome(source, error=str(error))
    except RecursionError:
        return Outcome(source, error="page too deeply nested to process")
    except Exception as error:  # a bug must not stop the batch; it is reported by file
        return Outcome(source, error=f"internal error ({type(error).__name__}: {error})")
    if not page.items:
        return Outcome(source, error=NO_TEXT)
    return _stage(stage_in, source, page, render)


def _stage(out: Path | None, source: Source, page: Page, render: bool = False) -> Outcome:
    """The page's outcome; with `out`, its files staged there and only what the writer needs kept;
    with `render`, its JSON lines."""
    from . import output

    if render:
        counts = Written((), len(page.items), count_warnings(page))
        return Outcome(source, written=counts, records=output.stream_records(page))
    if out is None:
        return Outcome(source, page=page)
    try:
        stem = output.safe_stem(page.source)
        staged = output.stage_page(out, stem, page)
    except (ValueError, OSError):  # the writer names the problem when it places the page
        return Outcome(source, page=page)
    written = Written(tuple(output.manifest_lines(page, stem)), len(page.items), count_warnings(page))
    return Outcome(source, staged=staged, written=written)


def count_warnings(page: Page) -> int:
    return len(page.warnings) + sum(len(item.warnings) for item in page.items)


def discard(outcome: Outcome) -> None:
    """Remove the files staged for a page that will not be placed."""
    if outcome.staged is not None:
        shutil.rmtree(outcome.staged, ignore_errors=True)


# Worker processes pay for themselves from about this much input: on this project's 2-core VM
# (loaded by other jobs) starting the pool cost ~2.4 s of wall time and one core cleaned ~0.3 MB/s,
# so halving the cleaning time wins past ~1.5 MB; measured, -j 2 against -j 1 on the golden
# pages repeated: slower at 0.6 MB (4.3 s vs 2.5 s), even at 1.2 MB (4.8 s vs 4.3 s).
MIN_PARALLEL_BYTES = 2 * 2**20
MAX_JOBS_PER_CORE = 4  # more workers than this only compete for the cores (500 on 2 cores: 7x slower)


def worker_count(requested: int | None, pages: int | None, size: int | None) -> int:
    """How many worker processes to start: `requested` (--jobs), at most 4 per usable core and
    one per page; by default every usable core, but one process (no pool) for a batch known to
    be under MIN_PARALLEL_BYTES. `pages` and `size` are None for a stream, not known ahead."""
    cores = default_jobs()
    if requested is None:
        jobs = 1 if size is not None and size < MIN_PARALLEL_BYTES else cores
    else:
        jobs = min(requested, MAX_JOBS_PER_CORE * cores)
    return max(1, min(jobs, pages) if pages is not None else jobs)


def batch_size(sources: list[Source]) -> int | None:
    """The bytes a batch will read, or None when it reads standard input (size unknown)."""
    total = 0
    for source in sources:
        if source.path is None:
            if source.text is None:
                return None
            total += len(source.text) * 3
            continue
        try:
            total += source.path.stat().st_size
        except OSError:  # the page fails when it is read, with its reason
            pass
    return total


def default_jobs() -> int:
    """The cores this process may use (its affinity mask, not the machine's count)."""
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run(sources: Iterable[Source | Outcome], config: Config, jobs: int = 1,
        stage_in: Path | None = None, render: bool = False) -> Iterator[Outcome]:
    """Outcomes in input order. With jobs > 1 pages are cleaned in worker processes, a few
    pages ahead of the one being written, so memory stays bounded whatever the batch size;
    the workers also stage each page's files in `stage_in`, or render its JSON lines if
    `render`. In one process nothing is staged or rendered ahead: the writer writes each page
    as it comes. An Outcome among the sources (a failure found while reading them) passes through."""
    if jobs <= 1 or (isinstance(sources, list) and len(sources) < 2):
        for source in sources:
            yield source if isinstance(source, Outcome) else run_one(source, config)
        return
    from .parallel import run_parallel

    yield from run_parallel(sources, config, jobs, functools.partial(run_one, stage_in=stage_in, render=render))


def run_stream(sources: Iterator[Source | Outcome], config: Config, jobs: int, stage_in: Path | None = None,
               render: bool = False) -> Iterator[Outcome]:
    """`run` for a stream of unknown length: pages are cleaned in this process until
    MIN_PARALLEL_BYTES have come, and only then are workers started for the rest."""
    sources = iter(sources)
    seen = 0
    while jobs > 1 and seen < MIN_PARALLEL_BYTES:
        source = next(sources, None)
        if source is None:
            return
        if isinstance(source, Source) and source.text is not None:
            seen += len(source.text) * 3  # (UTF-8 bytes of CJK text)
        yield source if isinstance(source, Outcome) else run_one(source, config)
    yield from run(sources, config, jobs, stage_in, render)
