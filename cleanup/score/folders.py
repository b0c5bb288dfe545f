"""Scoring an OUT folder against a TRUTH folder, page by page (`<stem>/NN.md` on both sides)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..decode import DecodeError, decode
from ..output import MANIFEST_NAME
from .items import ItemError, item_files, read_page
from .metrics import Counts, score_page


class ScoreInputError(Exception):
    """Why scoring cannot go on: one line per problem, and the exit code (2: wrong command line)."""

    def __init__(self, messages: list[str], exit_code: int) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages
        self.exit_code = exit_code


def group_of(stem: str) -> str:
    """A page's group: the extractor named after the stem's last `_`; `sim` for simulated pages.

    >>> group_of("p01_pdftotext-raw"), group_of("sim03"), group_of("p0042_sim"), group_of("page7")
    ('pdftotext-raw', 'sim', 'sim', 'other')
    """
    if stem.startswith("sim"):
        return "sim"
    return stem.rsplit("_", 1)[1] if "_" in stem else "other"


@dataclass(slots=True)
class Scores:
    """Counts per page (by stem, in name order), summed into groups and overall on demand."""

    pages: dict[str, Counts] = field(default_factory=dict)
    unscored: int = 0  # OUT's page folders that TRUTH has no folder for

    def groups(self) -> dict[str, Counts]:
        sums: dict[str, Counts] = {}
        for stem, counts in self.pages.items():
            group = group_of(stem)
            sums[group] = sums.get(group, Counts()) + counts
        return dict(sorted(sums.items()))

    def overall(self) -> Counts:
        return sum(self.pages.values(), Counts())


def page_folders(folder: Path, role: str) -> list[str]:
    """The names of a folder's `<stem>/` page folders; ScoreInputError (usage) when there are none."""
    if not folder.exists():
        raise ScoreInputError([f"{role} {folder}: no such folder"], 2)
    if not folder.is_dir():
        raise ScoreInputError([f"{role} {folder}: not a folder"], 2)
    try:
        stems = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as error:
        raise ScoreInputError([f"{role} {folder}: cannot read: {error.strerror or error}"], 2) from None
    if not stems:
        raise ScoreInputError([f"{role} {folder}: no <stem>/ page folders in it (each page's NN.md files go in one)"], 2)
    return stems


def score_folders(truth: Path, out: Path, dumps: Path | None = None) -> Scores:
    """Score every page TRUTH has: OUT's folder of the same name (absent: nothing predicted).

    With `dumps`, each page's `<stem>.txt` there gives the floor (a page with
    no dump there has none). Every malformed file is named before giving up.
    """
    stems = page_folders(truth, "TRUTH")
    predicted_stems = set(page_folders(out, "OUT"))
    if dumps is not None and not dumps.is_dir():
        raise ScoreInputError([f"--dumps {dumps}: no such folder"], 2)
    scores, problems = Scores(unscored=len(predicted_stems - set(stems))), []
    warnings = _warned_items(out)
    for stem in stems:
        try:
            if not item_files(truth / stem):
                raise ItemError(f"{truth / stem}: no NN.md item files")
            true_items = read_page(truth / stem)
            predicted = read_page(out / stem)
            dump = _read_dump(dumps / f"{stem}.txt") if dumps is not None else None
            warned = [warnings.get(f"{stem}/{path.name}") for path in item_files(out / stem)] if predicted else []
        except ItemError as error:
            problems.append(str(error))
            continue
        scores.pages[stem] = score_page(true_items, predicted, dump, None if None in warned else warned)
    if problems:
        raise ScoreInputError(problems, 1)
    return scores


def _warned_items(out: Path) -> dict[str, bool]:
    """Whether each item OUT's manifest lists ("<stem>/NN.md") carries a warning of its own (the
    page's warnings, which every item of the page repeats, aside); the last line for a path wins
    (a page written again appends). No manifest, or a line that is not a JSON record of an item:
    those items are not counted in the warning figures."""
    found: dict[str, bool] = {}
    page_warnings: dict[str, list] = {}  # stem: the warnings of the whole page (its first line's record)
    try:
        with open(out / MANIFEST_NAME, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                    stem = record["path"].split("/")[0]
                    if "page" in record:
                        page_warnings[stem] = record["page"]["warnings"]
                    found[record["path"]] = any(w not in page_warnings.get(stem, ()) for w in record["warnings"])
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue
    except OSError:
        return {}
    return found


def _read_dump(path: Path) -> str | None:
    """A page dump's text, decoded as `cleanup reflow` decodes it; None when there is no such file."""
    if not path.is_file():
        return None
    try:
        return decode(path.read_bytes()).text
    except OSError as error:
        raise ItemError(f"{path}: cannot read: {error.strerror or error}") from None
    except DecodeError as error:
        raise ItemError(f"{path}: {error}") from None
