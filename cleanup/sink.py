"""Outcomes in input order -> page folders and the manifest, or JSON lines on a stream.

The command line and the distributed adapter both write through this, so they write alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from . import output
from .batch import Outcome, count_warnings, discard


class Sink:
    """Writes each page as it comes; counts pages, items, warnings and failures.

    With `out`, OUT/<stem>/NN.md and OUT/manifest.jsonl (renamed into place by `commit`);
    without, one JSON object per item on `stream`, flushed page by page.
    """

    def __init__(self, out: Path | None, stream: BinaryIO | None, report: Callable[[str], None]):
        """Raises output.OutBusy when another run holds OUT, OSError when OUT cannot be written."""
        self.out, self.stream, self.report = out, stream, report
        self.lock = self.manifest = None
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            self.lock = output.OutLock(out)
            try:
                output.remove_leftovers(out)
                self.manifest = output.Manifest(out)
            except BaseException:
                self.lock.release()
                raise
        self.seen: dict[str, str] = {}
        self.pages = self.items = self.warnings = self.failed = 0

    def fail(self, label: str, message: str) -> None:
        self.report(f"error: {label}: {message}")
        self.failed += 1

    def take(self, outcome: Outcome) -> None:
        try:
            self._take(outcome)
        except BaseException:
            discard(outcome)  # a page written ahead but not placed is not left behind
            raise

    def _take(self, outcome: Outcome) -> None:
        label = outcome.source.label or str(outcome.source.path or outcome.source.name or "-")
        if outcome.error:
            return self.fail(label, outcome.error)
        page, written = outcome.page, outcome.written
        try:
            stem = output.safe_stem(page.source if page is not None else outcome.source.name)
        except ValueError as error:
            return self.fail(label, str(error))
        key = stem.casefold()  # Page and page are one folder on macOS and Windows
        if key in self.seen:
            discard(outcome)
            return self.fail(label, f"same name as {self.seen[key]}; not written (rename one of them)")
        if self.manifest is not None and key == output.MANIFEST_NAME:
            discard(outcome)
            return self.fail(label, f"its folder name {stem} is the manifest's; not written (rename the file)")
        self.seen[key] = label
        if self.manifest is None:
            self.stream.write(outcome.records if outcome.records is not None else output.stream_records(page))
            self.stream.flush()
        else:
            try:
                if outcome.staged is not None:
                    output.place_page(self.out, stem, outcome.staged)
                else:
                    output.write_page(self.out, stem, page)
            except OSError as error:  # this page only (a clash, a name too long); OUT itself was writable
                # named by the folder the user sees, never by a hidden temporary
                return self.fail(label, f"cannot write {self.out / stem}: {error.strerror or error}")
            lines = list(written.manifest) if written is not None else output.manifest_lines(page, stem)
            self.manifest.add(lines, outcome.source.name, stem)
        self.pages += 1
        self.items += written.items if written is not None else len(page.items)
        self.warnings += written.warnings if written is not None else count_warnings(page)

    def commit(self) -> None:
        try:
            if self.manifest is not None:
                self.manifest.commit()
        finally:
            self._release()

    def abandon(self) -> None:
        """Stopped early: the pages placed so far are listed in the manifest (if it can be written)."""
        try:
            if self.manifest is not None:
                self.manifest.abandon()
        finally:
            self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
