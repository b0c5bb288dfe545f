"""Counting one page's errors, and the figures (rates) that sums of counts give.

Counts add up over pages, so a group's or the whole run's figures are
micro-averages: every true character, break or item weighs the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields

from rapidfuzz.distance import Levenshtein

from . import align
from .items import FIELDS, Block, ItemText  # noqa: F401  (Block: for the examples)

_SPACE_RE = re.compile(r"\s+")
_SENTENCE_RE = re.compile(r"[^。！？；]+[。！？；]?")


@dataclass(slots=True)
class Counts:
    """What one page (or a sum of pages) got right and wrong; `+` adds two."""

    n_true: int = 0  # true items, `noise` aside
    n_pred: int = 0  # predicted items, `noise` aside
    n_matched: int = 0
    edits: int = 0  # character edits, segmentation counted (see score_page)
    ref_chars: int = 0  # characters of the true items
    break_tp: int = 0
    break_fp: int = 0
    break_fn: int = 0
    kind_ok: int = 0
    photo_tp: int = 0
    photo_fp: int = 0
    photo_fn: int = 0
    caption_chars: int = 0  # characters of true photo captions (white space aside)
    leak_chars: int = 0  # those found in other predicted items
    exact: int = 0  # true items predicted exactly
    spurious_spaces: int = 0
    missing_spaces: int = 0
    title_spurious: int = 0  # a title predicted for a true item without one
    noise_chars: int = 0  # characters the prediction put in `noise` items
    text_dist: int = 0  # free-order distance of the true sentences to the predicted text
    text_chars: int = 0
    floor_dist: int = 0  # the same against the dump (with --dumps)
    floor_chars: int = 0
    title_n: int = 0
    title_ok: int = 0
    subtitle_n: int = 0
    subtitle_ok: int = 0
    byline_n: int = 0
    byline_ok: int = 0
    credit_n: int = 0
    credit_ok: int = 0
    column_n: int = 0
    column_ok: int = 0
    warned: int = 0  # predicted items (noise aside) that carry a warning, where the manifest says
    warned_wrong: int = 0  # of them, not exactly a true item
    unwarned: int = 0
    unwarned_right: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def count(self, name: str, by: int = 1) -> None:
        setattr(self, name, getattr(self, name) + by)


def score_page(truth: list[ItemText], predicted: list[ItemText], dump: str | None = None,
               warned: list[bool] | None = None) -> Counts:
    """Count one page's errors: `truth` and `predicted` items, and the page's dump text if known.

    `warned` says of each predicted item whether the tool warned about it
    (OUT's manifest): counted against whether the item came out exact.

    `noise` items are set aside before matching: real text put there is
    missing from its true item, junk put there costs nothing. Unmatched true
    items count all their characters as deletions, unmatched predicted items
    as insertions.

    >>> page = [ItemText.of("article", {"title": "社区消防"}, [Block("社区消防", "#"), Block("本报讯 近日开展演练。")])]
    >>> score_page(page, page).exact, score_page(page, []).edits
    (1, 15)
    """
    counts = Counts()
    counts.noise_chars = sum(len(item.text) for item in predicted if item.kind == "noise")
    # the order-free text error reads every item, `noise` too: it asks only whether the text is there
    counts.text_dist, counts.text_chars = free_order_distance(truth, "\n".join(item.text for item in predicted))
    if dump is not None:
        counts.floor_dist, counts.floor_chars = free_order_distance(truth, dump)
    if warned is not None:
        warned = [flag for flag, item in zip(warned, predicted) if item.kind != "noise"]
    truth = [item for item in truth if item.kind != "noise"]
    predicted = [item for item in predicted if item.kind != "noise"]
    counts.n_true, counts.n_pred = len(truth), len(predicted)
    pairs = dict(align.match([t.squeezed for t in truth], [p.squeezed for p in predicted]))
    counts.n_matched = len(pairs)
    for i, true in enumerate(truth):
        _count_true_item(counts, true, predicted[pairs[i]] if i in pairs else None)
    matched_truth = {j: i for i, j in pairs.items()}
    for j, guess in enumerate(predicted):
        if j not in matched_truth:
            counts.count("edits", len(guess.text))
            counts.count("break_fp", len(guess.breaks))
            counts.count("spurious_spaces", sum(ch.isspace() for ch in guess.text))
        if guess.kind == "photo" and (j not in matched_truth or truth[matched_truth[j]].kind != "photo"):
            counts.count("photo_fp")
    _count_leaks(counts, truth, predicted, pairs)
    if warned is not None:
        for flag, right in zip(warned, _rights(truth, predicted, matched_truth)):
            counts.count("warned" if flag else "unwarned")
            counts.count("warned_wrong" if flag else "unwarned_right", right != flag)
    return counts


def right_items(truth: list[ItemText], predicted: list[ItemText]) -> list[bool]:
    """Whether each predicted item, `noise` aside, is exactly a true item (matched as score_page does)."""
    truth = [item for item in truth if item.kind != "noise"]
    predicted = [item for item in predicted if item.kind != "noise"]
    pairs = align.match([t.squeezed for t in truth], [p.squeezed for p in predicted])
    return _rights(truth, predicted, {j: i for i, j in dict(pairs).items()})


def _rights(truth: list[ItemText], predicted: list[ItemText], matched_truth: dict[int, int]) -> list[bool]:
    return [j in matched_truth and _exact(truth[matched_truth[j]], guess) for j, guess in enumerate(predicted)]


def _exact(true: ItemText, guess: ItemText) -> bool:
    """Right in kind, title and every block."""
    same_title = guess.fields.get("title", "") == true.fields.get("title", "")
    return guess.kind == true.kind and same_title and guess.blocks == true.blocks


def _count_true_item(counts: Counts, true: ItemText, guess: ItemText | None) -> None:
    """Add what one true item and its matched prediction (None: unmatched) get right and wrong."""
    counts.count("ref_chars", len(true.text))
    for name in FIELDS:
        counts.count(f"{name}_n", bool(true.fields.get(name)))
    if guess is None:
        counts.count("edits", len(true.text))
        counts.count("break_fn", len(true.breaks))
        counts.count("photo_fn", true.kind == "photo")
        return
    counts.count("edits", Levenshtein.distance(true.text, guess.text))
    to_true = align.offset_map(true.text, guess.text)
    hits = len(set(true.breaks) & {to_true[offset] for offset in guess.breaks})
    counts.count("break_tp", hits)
    counts.count("break_fn", len(true.breaks) - hits)
    counts.count("break_fp", len(guess.breaks) - hits)
    for name in FIELDS:
        counts.count(f"{name}_ok", bool(true.fields.get(name)) and guess.fields.get(name) == true.fields[name])
    counts.count("title_spurious", not true.fields.get("title") and bool(guess.fields.get("title")))
    counts.count("kind_ok", guess.kind == true.kind)
    if true.kind == "photo":
        counts.count("photo_tp" if guess.kind == "photo" else "photo_fn")
    counts.count("exact", _exact(true, guess))
    spurious, missing = align.space_errors(true.text, guess.text)
    counts.count("spurious_spaces", spurious)
    counts.count("missing_spaces", missing)


def _count_leaks(counts: Counts, truth: list[ItemText], predicted: list[ItemText], pairs: dict[int, int]) -> None:
    """Caption characters found in predicted non-photo items other than the caption's own match,
    beyond what the true non-photo items print (a caption may repeat its story's sentence)."""
    printed = "\0".join(t.squeezed for t in truth if t.kind != "photo")
    for i, true in enumerate(truth):
        if true.kind != "photo":
            continue
        counts.count("caption_chars", len(true.squeezed))
        others = "\0".join(guess.squeezed for j, guess in enumerate(predicted) if guess.kind != "photo" and pairs.get(i) != j)
        counts.count("leak_chars", len(align.leaked_positions(true.squeezed, others, printed)))


def free_order_distance(truth: list[ItemText], text: str) -> tuple[int, int]:
    """(distance, characters): each true sentence against its best-matching stretch of the text.

    White space is ignored and reading order does not count, so against a
    dump this is the floor that no repair of its text can go below.

    >>> free_order_distance([ItemText.of("article", {}, [Block("近日开展演练。社区消防")])], "社区 消防……近日开展了演练。")
    (1, 11)
    """
    haystack = align.Haystack(_SPACE_RE.sub("", unicodedata.normalize("NFC", text)))
    distance = total = 0
    for item in truth:
        for block in item.blocks:
            for sentence in _SENTENCE_RE.findall(_SPACE_RE.sub("", block.text)):
                distance += haystack.distance(sentence)
                total += len(sentence)
    return distance, total


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures a sum of counts gives: rates from 0 to 1 (None where nothing was there to count)."""

    n_true: int
    n_pred: int
    n_matched: int
    cer: float | None  # character error rate, segmentation counted
    break_p: float | None
    break_r: float | None
    break_f1: float | None  # paragraph-break F1
    title_acc: float | None  # exact front-matter title, over true items with a title
    subtitle_acc: float | None
    byline_acc: float | None
    credit_acc: float | None
    column_acc: float | None
    title_spurious: int
    kind_acc: float | None
    photo_p: float | None
    photo_r: float | None
    leak_rate: float | None  # caption characters leaked into other items
    exact_rate: float | None  # true items predicted exactly: kind, title and every block
    warned_wrong_rate: float | None  # of the items the tool warned about, the share not exact
    unwarned_right_rate: float | None  # of the items it did not warn about, the share exact
    warned: int
    unwarned: int
    spurious_spaces: int
    missing_spaces: int
    noise_chars: int
    text_cer: float | None  # text error free of order and segmentation
    floor: float | None  # the dump's own text error (with --dumps)
    edits: int
    ref_chars: int
    exact: int
    leak_chars: int
    title_n: int  # true items with a title (subtitle_n … likewise): what the _acc figures divide by
    subtitle_n: int
    byline_n: int
    credit_n: int
    column_n: int

    @classmethod
    def of(cls, c: Counts) -> Figures:
        """
        >>> Figures.of(Counts(n_true=2, edits=3, ref_chars=12, break_tp=1, break_fn=1)).cer
        0.25
        """
        field_rates = {f"{name}_acc": _ratio(getattr(c, f"{name}_ok"), getattr(c, f"{name}_n")) for name in FIELDS}
        return cls(
            n_true=c.n_true, n_pred=c.n_pred, n_matched=c.n_matched,
            cer=_ratio(c.edits, c.ref_chars),
            break_p=_ratio(c.break_tp, c.break_tp + c.break_fp),
            break_r=_ratio(c.break_tp, c.break_tp + c.break_fn),
            break_f1=_ratio(2 * c.break_tp, 2 * c.break_tp + c.break_fp + c.break_fn),
            **field_rates, title_spurious=c.title_spurious,
            kind_acc=_ratio(c.kind_ok, c.n_true),
            photo_p=_ratio(c.photo_tp, c.photo_tp + c.photo_fp),
            photo_r=_ratio(c.photo_tp, c.photo_tp + c.photo_fn),
            leak_rate=_ratio(c.leak_chars, c.caption_chars),
            exact_rate=_ratio(c.exact, c.n_true),
            warned_wrong_rate=_ratio(c.warned_wrong, c.warned), unwarned_right_rate=_ratio(c.unwarned_right, c.unwarned),
            warned=c.warned, unwarned=c.unwarned,
            spurious_spaces=c.spurious_spaces, missing_spaces=c.missing_spaces, noise_chars=c.noise_chars,
            text_cer=_ratio(c.text_dist, c.text_chars),
            floor=_ratio(c.floor_dist, c.floor_chars),
            edits=c.edits, ref_chars=c.ref_chars, exact=c.exact, leak_chars=c.leak_chars,
            **{f"{name}_n": getattr(c, f"{name}_n") for name in FIELDS},
        )
