"""`cleanup review OUT`: the manifest and the item files read back into OUT/review/.

One HTML page per dump (the dump's lines on the left, tinted by the item each went to; the
items on the right) and an index of the pages, most-warned first. Everything a page shows
comes from OUT: the manifest's page record (the decoded dump, its warnings, its rule trace),
each item's spans and warnings, and the item files as written. Pages are read from the
manifest and written one at a time, so memory does not grow with the batch; the folder is
written whole into a temporary folder and renamed into place, so it is never half-written.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from ..output import OutBusy, OutLock, make_temporary, manifest_record, read_manifest
from .codes import load_descriptions, split_warning
from .markdown import render_body, split_front

FOLDER = "review"
_SOURCE_PATH_RE = re.compile(r'\{"source": "(?:[^"\\]|\\.)*", "path": "((?:[^"\\]|\\.)*)"')
_ITEM_PATH_RE = re.compile(r"[^./\\][^/\\]*/\d{2,}\.md")  # stem/NN.md, as output.safe_stem and file_names make them
_INDENT_OR_COMMENT_RE = re.compile(r"(?m)^[ \t]+|^//.*\n")  # in the inline style and scripts
PARALLEL_FROM = 64  # pages: a smaller review is written in this process, with no workers to start
_TAG_LETTERS = {"p": "p", "h1": "1", "h2": "2"}  # a plain block's tag, one letter in the page's data
INDEX_ROWS = 100  # index rows per screen: the index stays fast whatever the batch


class ReviewError(Exception):
    """A review that cannot be written at all (no manifest, a folder in the way)."""


@dataclass
class PageReview:
    """One dump's page as the manifest records it: its lines, then (once `read`) its items'
    records and its page record. Grouping needs only each line's path, so the lines are parsed
    where the page is written: in a worker process, when there are workers."""

    stem: str
    lines: list[str] = field(default_factory=list)
    source: str = ""
    records: list[dict] = field(default_factory=list)
    spans: list[list] = field(default_factory=list)  # each record's [first, last, role] lists
    warnings: list[str] = field(default_factory=list)  # the page's own (decoding), not its items'
    text: str | None = None
    steps: list | None = None

    @property
    def file_name(self) -> str:
        # a page named index would take the index's place; no page's name starts with a dot
        return ".index.html" if self.stem.casefold() == "index" else self.stem + ".html"

    @property
    def href(self) -> str:
        return quote(self.file_name)

    def read(self) -> None:
        """Parse the page's lines into its records, spans and page record."""
        for line in self.lines:
            record = manifest_record(line)
            if record is None:
                continue
            self.records.append(record)
            self.spans.append(_spans(record))
            self.source = self.source or str(record.get("source", self.stem))
            recorded = record.get("page")
            if isinstance(recorded, dict):
                self.text = recorded.get("text") if isinstance(recorded.get("text"), str) else None
                self.steps = recorded.get("steps") if isinstance(recorded.get("steps"), list) else None
                self.warnings = [w for w in recorded.get("warnings", ()) if isinstance(w, str)]
        self.lines = []


@dataclass(frozen=True, slots=True)
class Summary:
    """What the index shows of a page."""

    stem: str
    href: str
    items: int
    warnings: int
    noise_lines: int
    codes: Counter


def write_review(out: Path, jobs: int = 1) -> int:
    """Write OUT/review/ from OUT/manifest.jsonl; returns the pages written. Raises ReviewError.

    With jobs > 1 and a batch of more than a few pages, pages are written by that many worker
    processes, a bounded window of pages ahead of the manifest's reading.
    """
    try:
        lines = read_manifest(out)
    except FileNotFoundError:
        raise ReviewError(f"{out}: no manifest.jsonl (run `cleanup reflow ... -o {out}` first)")
    except OSError as error:
        raise ReviewError(f"{out / 'manifest.jsonl'}: cannot read: {error.strerror or error}")
    target = out / FOLDER
    if os.path.lexists(target) and not _is_review_folder(target):
        raise ReviewError(f"{target}: exists and is not a review folder; not replaced")
    try:
        lock = OutLock(out)  # a reflow into OUT meanwhile would change what the review reads
    except OutBusy as busy:
        raise ReviewError(f"{out}: {busy}") from None
    try:
        return _write_review(out, lines, target, jobs)
    finally:
        lock.release()


def _write_review(out: Path, lines: Iterator[str], target: Path, jobs: int) -> int:
    descriptions = load_descriptions()
    staging = make_temporary(out, FOLDER, ".tmp")  # (hidden, the umask's mode; a leftover is swept as reflow's are)
    summaries: dict[str, Summary] = {}
    try:
        pages = _with_neighbours(_pages(lines))
        first = list(itertools.islice(pages, PARALLEL_FROM))
        pages = itertools.chain(first, pages)
        if jobs > 1 and len(first) == PARALLEL_FROM:
            from .parallel import write_pages
        else:
            write_pages = _write_pages
        for summary in write_pages(pages, out, staging, descriptions, jobs):
            summaries[summary.stem] = summary  # (a page listed twice: its later lines win)
        order = sorted(summaries.values(), key=lambda s: (-s.warnings, s.stem))
        index = _environment().get_template("index.html").render(**_index_context(order, descriptions))
        (staging / "index.html").write_text(index, encoding="utf-8")
        _place(staging, target)
    except UnicodeDecodeError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ReviewError(f"{out / 'manifest.jsonl'}: cannot read: not UTF-8 ({error.reason})")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(summaries)


def _write_pages(pages: Iterable[tuple], out: Path, staging: Path, descriptions: dict[str, str],
                 jobs: int = 1) -> Iterator[Summary]:
    """Write each (before, page, after)'s file into staging, in this process; their summaries in order.
    (`jobs` is parallel.write_pages's, which takes the same arguments.)"""
    template = _environment().get_template("page.html")
    for before, page, after in pages:
        context = _page_context(out, page, descriptions)
        html = template.render(previous=before, next=after, **context)
        with open(os.path.join(staging, page.file_name), "w", encoding="utf-8") as handle:
            handle.write(html)
        yield context["summary"]


def _pages(lines: Iterable[str]) -> Iterator[PageReview]:
    """Manifest lines grouped by page folder: each page's lines stand together, as reflow writes them."""
    page: PageReview | None = None
    for line in lines:
        stem = _stem(line)
        if stem is None:
            continue
        if page is None or page.stem != stem:
            if page is not None:
                yield page
            page = PageReview(stem)
        page.lines.append(line)
    if page is not None:
        yield page


def _stem(line: str) -> str | None:
    """The page folder of a manifest line's item; None for a line that names no item file of OUT.

    Reflow writes "source" then "path" first on every line: those two are read without
    parsing the rest (a page's first line holds its whole dump). Any other line is parsed.

    >>> _stem('{"source": "a \\\\"b\\\\".txt", "path": "a \\\\"b\\\\"/01.md", "kind": "article"}')
    'a "b"'
    >>> _stem('{"path": "../etc/01.md"}') is None, _stem('{"kind": "article", "path": "p/01.md"}')
    (True, 'p')
    """
    match = _SOURCE_PATH_RE.match(line)
    if match:
        path = match[1] if "\\" not in match[1] else json.loads(f'"{match[1]}"')  # (most hold no escape)
    else:
        record = manifest_record(line)
        path = record.get("path") if record else None
    if not isinstance(path, str) or not _ITEM_PATH_RE.fullmatch(path):
        return None  # not an item file reflow writes (and nothing to read outside OUT)
    return path.rsplit("/", 1)[0]


@dataclass(frozen=True, slots=True)
class Link:
    """A neighbouring page, as a page links to it."""

    stem: str
    href: str


def _with_neighbours(pages: Iterator[PageReview]) -> Iterator[tuple[Link | None, PageReview, Link | None]]:
    """Each page with the one before and after it in the manifest (input order), one page ahead."""
    before, current = None, next(pages, None)
    while current is not None:
        after = next(pages, None)
        yield before, current, after and Link(after.stem, after.href)
        before, current = Link(current.stem, current.href), after


def _spans(record: dict) -> list:
    """An item's spans as recorded: [first, last, role] lists (the page's script skips a malformed one)."""
    spans = record.get("spans")
    return spans if isinstance(spans, list) else []


def _noise_lines(spans: list) -> int:
    try:
        return sum(last - first + 1 for first, last, role in spans if role == "noise")
    except (TypeError, ValueError):
        return 0


def _own_warnings(record: dict, page_warnings: list[str]) -> list[str]:
    """An item's warnings without the page's, which the manifest repeats on every item."""
    warnings = [w for w in record.get("warnings", ()) if isinstance(w, str)]
    if page_warnings and warnings[:len(page_warnings)] == page_warnings:
        return warnings[len(page_warnings):]
    return warnings


def _page_context(out: Path, page: PageReview, descriptions: dict[str, str]) -> dict:
    """What the page template writes, and the data its script draws the lines and items from."""
    page.read()
    items, spans, codes = [], [], Counter(split_warning(w)[0] or "—" for w in page.warnings)
    folder = quote(page.stem)
    noise = warnings = 0
    with _ItemFiles(out / page.stem) as files:
        for k, (record, own) in enumerate(zip(page.records, page.spans)):
            name = record["path"].rsplit("/", 1)[1]
            item = {"name": name, "kind": str(record.get("kind", "")), "title": str(record.get("title", "")),
                    "href": f"../{folder}/{name}"}  # (NN.md: nothing to quote)
            try:
                front, body = split_front(files.read(name))
            except (OSError, UnicodeDecodeError) as error:
                item["missing"] = f"cannot read {record['path']}: {getattr(error, 'strerror', None) or error}"
            else:
                item["front"] = [kv for kv in front if kv[0] not in ("source", "kind")]
                rendered = render_body(body)
                if isinstance(rendered, list):  # packed: one JSON string costs less than a list of pairs
                    item["tags"] = "".join(_TAG_LETTERS[tag] for tag, _ in rendered)
                    item["text"] = "\n".join(text for _, text in rendered)
                else:
                    item["html"] = rendered
            own_warnings = _described(_own_warnings(record, page.warnings), descriptions)
            if own_warnings:
                item["warnings"] = own_warnings
            warnings += len(own_warnings)
            codes.update(code or "—" for code, _, _ in own_warnings)
            spans.append(own)
            noise += _noise_lines(own)
            items.append(item)
    steps = page.steps or []
    try:
        used = sorted({step[0] for step in steps})
    except (TypeError, IndexError, KeyError):  # a hand-edited trace: draw no step rather than fail
        steps, used = [], []
    dump = None if page.text is None else dump_lines(page.text)
    summary = Summary(page.stem, page.href, len(items), len(page.warnings) + warnings, noise, codes)
    return {
        "page": page, "summary": summary, "dump": dump, "traced": page.steps is not None,
        "page_warnings": _described(page.warnings, descriptions),
        "data": {"stem": page.stem, "spans": spans, "steps": steps, "items": items,
                 "rules": {code: descriptions.get(code, "") for code in used if isinstance(code, str)}},
    }


class _ItemFiles:
    """A page folder's item files, each opened by its name in the folder (one path lookup a page)."""

    def __init__(self, folder: Path):
        try:
            self.folder: int | OSError = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as error:  # each item will say so
            self.folder = error

    def read(self, name: str) -> str:
        if isinstance(self.folder, OSError):
            raise self.folder
        handle = os.open(name, os.O_RDONLY, dir_fd=self.folder)
        try:
            chunks = []
            while chunk := os.read(handle, 1 << 16):
                chunks.append(chunk)
        finally:
            os.close(handle)
        return b"".join(chunks).decode("utf-8")

    def __enter__(self) -> _ItemFiles:
        return self

    def __exit__(self, *_: object) -> None:
        if not isinstance(self.folder, OSError):
            os.close(self.folder)


def dump_lines(text: str) -> str:
    """The dump's lines as layout.split_lines numbers them (any line end), one "\\n" apart.

    >>> dump_lines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:-1] if text.endswith("\n") else text


def _described(warnings: list[str], descriptions: dict[str, str]) -> list[tuple[str, str, str]]:
    """Each warning as (code, message, the code's one-line description)."""
    described = []
    for warning in warnings:
        code, message = split_warning(warning)
        described.append((code, message, descriptions.get(code, "")))
    return described


def _index_context(order: list[Summary], descriptions: dict[str, str]) -> dict:
    rows = [[s.stem, s.href, s.items, s.warnings, s.noise_lines, " ".join(sorted(s.codes))] for s in order]
    codes = Counter()
    for summary in order:
        codes.update(summary.codes)
    return {
        "rows": rows, "first_rows": rows[:INDEX_ROWS], "per_screen": INDEX_ROWS, "page_total": len(order),
        "item_total": sum(s.items for s in order), "warning_total": sum(s.warnings for s in order),
        "noise_total": sum(s.noise_lines for s in order),
        "codes": [(code, count, descriptions.get(code, "")) for code, count in codes.most_common()],
    }


@functools.cache  # one per process: compiling the templates costs more than a page
def _environment():
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(loader=jinja2.PackageLoader("cleanup.review", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False)  # (no stat of every template for every page)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}  # (tojson escapes < > & ')
    # the style and scripts are static: read once, written inline into every page (no template language in them)
    for name in ("review.css", "page.js", "index.js"):
        text = (resources.files("cleanup.review") / "templates" / name).read_text(encoding="utf-8")
        text = _INDENT_OR_COMMENT_RE.sub("", text)  # every page carries them: a quarter less to write
        env.globals[name.replace(".", "_")] = Markup(text)
    return env


def _is_review_folder(path: Path) -> bool:
    """A folder this command wrote: index.html and other .html files, nothing else."""
    if path.is_symlink() or not path.is_dir() or not (path / "index.html").is_file():
        return False
    return all(entry.name.endswith(".html") and entry.is_file() for entry in path.iterdir())


def _place(staging: Path, target: Path) -> None:
    """Rename the new review into place, the old one (checked to be a review) moved away first."""
    if os.path.lexists(target):
        old = make_temporary(target.parent, FOLDER, ".old")
        os.replace(target, old / FOLDER)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, target)

