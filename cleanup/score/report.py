"""Scores as a table for people and as JSON for programs."""

from __future__ import annotations

from dataclasses import asdict

from .folders import Scores
from .metrics import Figures

# (Figures attribute, column heading); rates print in percent
RATE_COLUMNS = (
    ("cer", "CER"), ("break_f1", "brkF1"), ("title_acc", "title"), ("subtitle_acc", "subt"),
    ("byline_acc", "bylin"), ("credit_acc", "cred"), ("column_acc", "col"), ("kind_acc", "kind"),
    ("photo_p", "phoP"), ("photo_r", "phoR"), ("leak_rate", "leak"), ("exact_rate", "exact"),
    ("text_cer", "txtCER"),
)
NAME_WIDTH = 24

LEGEND = """\
Rates in percent ('-': nothing to count). CER: character errors over true characters, unmatched
items counting whole; brkF1: paragraph breaks; title subt bylin cred col: exact front matter;
kind: right kind; phoP phoR: photo precision and recall; leak: caption text found in other items;
exact: items right in every block; txtCER: text error ignoring order and item boundaries;
spSp: spurious spaces; floor: the dump's own text error (--dumps). `noise` items are set aside.
Warnings (read from OUT/manifest.jsonl): an item is right when it is exact."""


def figures(scores: Scores) -> tuple[dict[str, Figures], dict[str, Figures], Figures]:
    """(per page, per group, overall)."""
    pages = {stem: Figures.of(counts) for stem, counts in scores.pages.items()}
    groups = {group: Figures.of(counts) for group, counts in scores.groups().items()}
    return pages, groups, Figures.of(scores.overall())


def as_json(scores: Scores) -> dict:
    """Every figure at every level: {"overall": {...}, "groups": {name: {...}}, "pages": {stem: {...}}}."""
    pages, groups, overall = figures(scores)

    def plain(f: Figures) -> dict:
        return {key: round(value, 6) if isinstance(value, float) else value for key, value in asdict(f).items()}

    return {"overall": plain(overall), "groups": {g: plain(f) for g, f in groups.items()},
            "pages": {s: plain(f) for s, f in pages.items()}}


def table(scores: Scores, by_group: bool = False) -> str:
    """Rows per page (or per group with `by_group`), then the overall row, then a legend."""
    pages, groups, overall = figures(scores)
    with_floor = overall.floor is not None
    head = f"{'group' if by_group else 'page':<{NAME_WIDTH}} {'true':>5} {'pred':>5} {'match':>5}"
    head += "".join(f" {title:>6}" for _, title in RATE_COLUMNS) + f" {'spSp':>5}" + (f" {'floor':>6}" if with_floor else "")
    rule = "-" * len(head)
    rows = [_row(f"[{name}]" if by_group else name, f, with_floor) for name, f in (groups if by_group else pages).items()]
    return "\n".join([head, rule, *rows, rule, _row("OVERALL", overall, with_floor), *_warning_line(overall), LEGEND])


def _warning_line(f: Figures) -> list[str]:
    """How far the items' own warnings (OUT's manifest) can be trusted: none where nothing was counted.

    >>> from cleanup.score.metrics import Counts
    >>> _warning_line(Figures.of(Counts(warned=4, warned_wrong=3, unwarned=10, unwarned_right=9)))
    ['warnings: 4 items warned, 75.0% of them wrong; 10 not warned, 90.0% of them right']
    """
    if not f.warned and not f.unwarned:
        return []
    wrong = "-" if f.warned_wrong_rate is None else f"{100 * f.warned_wrong_rate:.1f}%"
    right = "-" if f.unwarned_right_rate is None else f"{100 * f.unwarned_right_rate:.1f}%"
    return [f"warnings: {f.warned} items warned, {wrong} of them wrong; {f.unwarned} not warned, {right} of them right"]


def _row(name: str, f: Figures, with_floor: bool) -> str:
    if len(name) > NAME_WIDTH:
        name = name[:NAME_WIDTH - 1] + "…"
    row = f"{name:<{NAME_WIDTH}} {f.n_true:>5} {f.n_pred:>5} {f.n_matched:>5}"
    row += "".join(f" {_percent(getattr(f, key))}" for key, _ in RATE_COLUMNS) + f" {f.spurious_spaces:>5}"
    return row + (f" {_percent(f.floor)}" if with_floor else "")


def _percent(rate: float | None) -> str:
    """
    >>> _percent(0.4152), _percent(None), _percent(1.0)
    ('  41.5', '     -', ' 100.0')
    """
    return "     -" if rate is None else f"{100 * rate:6.1f}"
