"""Writing results: page folders replaced whole, manifest lines appended, nothing half-written."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from .model import Item, Page
from .render import file_names, render

_UNSAFE = set('/\\:*?"<>|\0')
_PAGE_FILE_RE = re.compile(r"\d{2,}\.md")
MANIFEST_NAME = "manifest.jsonl"
LOCK_NAME = ".cleanup.lock"
# what this module (and mkdtemp/mkstemp before it) names its temporaries: `.<stem>.<8 chars>.tmp|old`
_TEMPORARY_RE = re.compile(r"\..+\.[a-z0-9_]{8}\.(?:tmp|old)")


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
        staging = make_temporary(out, stem, ".tmp")
    except FileNotFoundError:  # OUT is not there yet (the first page): make it, as before, with its errors
        out.mkdir(parents=True, exist_ok=True)
        staging = make_temporary(out, stem, ".tmp")
    try:
        for name, text in page_files(page).items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def make_temporary(out: Path, stem: str, suffix: str) -> Path:
    """A new hidden folder in OUT, with the mode the user's umask gives (mkdtemp's 0700 would
    leave every page folder unreadable to others once renamed into place)."""
    for _ in range(100):
        path = out / f".{stem}.{secrets.token_hex(4)}{suffix}"
        try:
            os.mkdir(path)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(out))


def _open_temporary(out: Path, prefix: str):
    """A new hidden file in OUT for writing text, with the mode the umask gives (mkstemp's is 0600).
    Surrogates pass through: an earlier manifest's bytes that are not UTF-8 are kept as they were."""
    for _ in range(100):
        path = out / f"{prefix}{secrets.token_hex(4)}.tmp"
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        return path, os.fdopen(handle, "w", encoding="utf-8", errors="surrogateescape", newline="\n")
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(out))


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
            old = make_temporary(out, stem, ".old")
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
    lines = []
    for name, item in zip(file_names(len(page.items)), page.items):
        record = {
            "source": page.source, "path": f"{stem}/{name}", "kind": item.kind, "title": item.title,
            "characters": item_characters(item), "warnings": [*page.warnings, *item.warnings],
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def item_characters(item: Item) -> int:
    """Printed, non-space characters of an item."""
    parts = [item.title, item.subtitle, item.byline, item.credit, *(text for _, text in item.body)]
    return sum(len("".join(part.split())) for part in parts)  # split(): C speed


def item_record(page: Page, index: int, item: Item) -> dict:
    """One item as a JSON-able record for `--format jsonl`."""
    return {
        "source": page.source, "index": index, "kind": item.kind, "title": item.title,
        "subtitle": item.subtitle, "byline": item.byline, "credit": item.credit, "column": item.column,
        "paragraphs": [text for _, text in item.body], "blocks": item_blocks(item),
        "markdown": render(item, page.source), "warnings": [*page.warnings, *item.warnings],
    }


_PARAGRAPH_ROLES = {"photo": "caption", "furniture": "furniture", "noise": "noise"}


def item_blocks(item: Item) -> list[dict[str, str]]:
    """The body's blocks in the Markdown's order, each with its role: title, subtitle, byline,
    then body, heading (a `## ` section heading), caption (a photo's text), furniture or noise
    paragraphs, then credit."""
    paragraph = _PARAGRAPH_ROLES.get(item.kind, "body")
    blocks = [{"role": role, "text": text} for role, text in
              (("title", item.title), ("subtitle", item.subtitle), ("byline", item.byline)) if text]
    blocks += [{"role": "heading" if tag == "h2" else paragraph, "text": text} for tag, text in item.body]
    if item.credit:
        blocks.append({"role": "credit", "text": item.credit})
    return blocks


def records(page: Page) -> list[dict]:
    """The page's items as the JSON-able objects that `--format jsonl` writes, one per item."""
    return [item_record(page, index, item) for index, item in enumerate(page.items, 1)]


def stream_records(page: Page) -> bytes:
    """The page's items as `--format jsonl` writes them: one JSON object per line, UTF-8."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records(page)).encode("utf-8")


class Manifest:
    """OUT/manifest.jsonl: this run's lines go to a temporary file, page by page; `commit`
    merges them with the earlier manifest by page and renames the result into place.

    The merged manifest lists what OUT holds: the earlier lines first, in their order and
    as they were (fields this version does not know included), less those of every page this
    run wrote again (same `source`, or same folder) and of page folders no longer there;
    then this run's lines, in input order.
    """

    def __init__(self, out: Path):
        self.out = out
        self.path = out / MANIFEST_NAME
        self._tmp, self._file = _open_temporary(out, ".manifest.")
        self._sources: set[str] = set()
        self._folders: set[str] = set()

    def add(self, lines: list[str], source: str, folder: str) -> None:
        self._sources.add(source)
        self._folders.add(folder.casefold())
        for line in lines:
            self._file.write(line + "\n")
        self._file.flush()

    def commit(self) -> None:
        self._file.close()
        try:
            if not self._sources:  # nothing written: the earlier manifest stands as it was
                if not os.path.lexists(self.path):
                    os.replace(self._tmp, self.path)
                return
            if not os.path.lexists(self.path):
                os.replace(self._tmp, self.path)
                return
            merged, handle = _open_temporary(self.out, ".manifest.")
            try:
                with handle, open(self.path, encoding="utf-8", errors="surrogateescape", newline="\n") as old:
                    for line in self._kept(old):
                        handle.write(line)
                    with open(self._tmp, encoding="utf-8", newline="\n") as new:
                        shutil.copyfileobj(new, handle)
                os.replace(merged, self.path)
            except BaseException:
                merged.unlink(missing_ok=True)
                raise
        finally:
            self._tmp.unlink(missing_ok=True)

    def abandon(self) -> None:
        """A run stopped early: the pages it placed are listed all the same, if that can be done."""
        try:
            self.commit()
        except OSError:
            self._tmp.unlink(missing_ok=True)

    def _kept(self, old) -> Iterator[str]:
        present: dict[str, bool] = {}
        for line in old:
            if not line.strip():
                continue
            line = line if line.endswith("\n") else line + "\n"
            try:
                record = json.loads(line)
            except ValueError:  # not ours to judge: kept as it was
                record = None
            if not isinstance(record, dict):
                yield line
                continue
            path = record.get("path")
            folder = path.split("/", 1)[0] if isinstance(path, str) and path else None
            if record.get("source") in self._sources or (folder is not None and folder.casefold() in self._folders):
                continue  # a page written again
            if folder is not None and folder not in present:
                present[folder] = (self.out / folder).is_dir()
            if folder is None or present[folder]:
                yield line


class OutBusy(Exception):
    """Another run holds OUT."""


class OutLock:
    """One run at a time in OUT: an exclusive flock on OUT/.cleanup.lock, held for the run.

    flock (not fcntl's record locks): a second lock from the same process conflicts too, and
    on NFS Linux maps it to a lock the server sees. The file holds the holder's process id,
    and is removed by its holder before it lets go, so OUT keeps nothing after a normal exit.
    """

    def __init__(self, out: Path):
        self.path = out / LOCK_NAME
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip()
                os.close(fd)
                raise OutBusy(f"in use by another cleanup run{f' (process {holder})' if holder.isdigit() else ''};"
                              " nothing written, try again when it ends") from None
            except BaseException:
                os.close(fd)
                raise
            try:  # the holder before us may have removed the file after we opened it: lock the new one
                if os.path.samestat(os.fstat(fd), os.stat(self.path)):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        self._fd = fd
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)  # closing lets go of the lock
            self._fd = None


def remove_leftovers(out: Path) -> None:
    """Remove what a killed run left in OUT: its staged page folders and manifest temporaries,
    recognised by their names and contents, never anything else. Call it holding OUT's lock."""
    for entry in os.scandir(out):
        if not _TEMPORARY_RE.fullmatch(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            inner = path / "page"
            if _is_page_folder(path) or (inner.is_dir() and {p.name for p in path.iterdir()} == {"page"}
                                         and _is_page_folder(inner)):
                shutil.rmtree(path, ignore_errors=True)
        elif entry.name.startswith(".manifest.") and entry.is_file(follow_symlinks=False):
            path.unlink(missing_ok=True)
