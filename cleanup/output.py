"""Writing results: page folders replaced whole, manifest lines appended, nothing half-written."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .model import Item, Page
from .render import file_names, render

_UNSAFE = set('/\\:*?"<>|\0')
_PAGE_FILE_RE = re.compile(r"\d{2,}\.md")


def safe_stem(name: str) -> str:
    """The page folder's name for an input name; raises ValueError if none is safe.

    >>> safe_stem("../x.txt"), safe_stem("/abs/第1版.txt"), safe_stem("-a b.txt")
    ('x', '第1版', '-a b')
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base[:-4] if base.lower().endswith(".txt") else base
    stem = "".join("_" if ch in _UNSAFE or ord(ch) < 32 else ch for ch in stem).strip()
    if stem in ("", ".", "..") or stem.startswith("."):
        raise ValueError(f"cannot make a safe folder name from {name!r}")
    return stem


def page_files(page: Page) -> dict[str, str]:
    """File name -> Markdown text for every item of a page."""
    return {name: render(item, page.source) for name, item in zip(file_names(len(page.items)), page.items)}


def write_page(out: Path, stem: str, page: Page) -> Path:
    """Write OUT/<stem>/ whole: into a temporary folder beside it, then renamed into place
    (never over anything but an older page folder: see `place_page`)."""
    return place_page(out, stem, stage_page(out, stem, page))


def stage_page(out: Path, stem: str, page: Page) -> Path:
    """A page's files in a temporary folder inside OUT, for `place_page` (a worker can do this)."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=".tmp", dir=out))
    except OSError:  # OUT is not there yet (the first page): make it, as before, with its errors
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=".tmp", dir=out))
    try:
        for name, text in page_files(page).items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def place_page(out: Path, stem: str, staging: Path) -> Path:
    """Rename a staged folder to OUT/<stem>, replacing an older one whole; the staged folder
    is gone afterwards, placed or (on any error) removed.

    An existing OUT/<stem> is replaced only if it is a page folder (nothing but NN.md),
    so a stem that names the user's own file or folder never deletes it. It is checked
    here, when the page is placed, not when it was staged (perhaps long before, by a worker).
    """
    target = out / stem
    try:
        present = _lexists(target)  # one lstat for the exists() and is_symlink() it stands for
        if present and not _is_page_folder(target):
            raise FileExistsError(errno.EEXIST, "exists and is not a page folder; not replaced", str(target))
        if present:  # (a page folder is no symlink)
            old = Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=".old", dir=out))
            os.replace(target, old / "page")
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _lexists(path: Path) -> bool:
    """Whether anything, a dangling symlink included, is at path (errors as Path.exists treats them)."""
    try:
        os.lstat(path)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise
    return True


def _is_page_folder(path: Path) -> bool:
    if path.is_symlink() or not path.is_dir():
        return False
    return all(_PAGE_FILE_RE.fullmatch(entry.name) and entry.is_file() for entry in path.iterdir())


def manifest_lines(page: Page, stem: str) -> list[str]:
    """One JSON line per item; the page's first also holds the page record the review reads."""
    from .review.record import page_record

    lines = []
    for name, item in zip(file_names(len(page.items)), page.items):
        record = {
            "source": page.source, "path": f"{stem}/{name}", "kind": item.kind, "title": item.title,
            "characters": item_characters(item), "warnings": [*page.warnings, *item.warnings],
            "spans": [list(span) for span in item.spans],
        }
        if not lines:
            record["page"] = page_record(page)
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def read_manifest(out: Path) -> Iterator[str]:
    """OUT/manifest.jsonl's lines, in order, read as they are used (blank ones left out). Opening
    it is the first step: a missing manifest raises at once. `manifest_record` reads a line."""
    lines = open(out / "manifest.jsonl", encoding="utf-8")

    def read() -> Iterator[str]:
        with lines:
            yield from (line for line in lines if not line.isspace())  # (strip would copy each line)

    return read()


def manifest_record(line: str) -> dict | None:
    """A manifest line's record; None for a line that is not a JSON object."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def item_characters(item: Item) -> int:
    """Printed, non-space characters of an item."""
    parts = [item.title, item.subtitle, item.byline, item.credit, *(text for _, text in item.body)]
    return sum(len("".join(part.split())) for part in parts)  # split(): C speed


def item_record(page: Page, index: int, item: Item) -> dict:
    """One item as a JSON-able record for `--format jsonl`."""
    return {
        "source": page.source, "index": index, "kind": item.kind, "title": item.title,
        "subtitle": item.subtitle, "byline": item.byline, "credit": item.credit, "column": item.column,
        "paragraphs": [text for _, text in item.body], "markdown": render(item, page.source),
        "warnings": [*page.warnings, *item.warnings],
    }


def stream_records(page: Page) -> bytes:
    """The page's items as `--format jsonl` writes them: one JSON object per line, UTF-8."""
    lines = (json.dumps(item_record(page, index, item), ensure_ascii=False) + "\n"
             for index, item in enumerate(page.items, 1))
    return "".join(lines).encode("utf-8")


class Manifest:
    """OUT/manifest.jsonl, appended page by page into a temporary file, renamed at the end."""

    def __init__(self, out: Path):
        out.mkdir(parents=True, exist_ok=True)
        self.path = out / "manifest.jsonl"
        handle, name = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=out)
        self._tmp = Path(name)
        self._file = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def add(self, lines: list[str]) -> None:
        for line in lines:
            self._file.write(line + "\n")
        self._file.flush()

    def commit(self) -> None:
        self._file.close()
        os.replace(self._tmp, self.path)

    def abandon(self) -> None:
        self._file.close()
        self._tmp.unlink(missing_ok=True)
