"""Link accuracy of the column stage on the factory corpus's real dumps, by a line oracle.

    python benchmarks/columns_corpus.py [--split fit] [--groups paddle,pdfminer,pdftotext]

The oracle places every piece the stage reads (a dump line, or a merged line's part between
two gutters: gutters.pieces_of) in the page's truth: the truth items' text in reading order,
whitespace and Markdown marks left out. A piece is found by exact search (of several places,
the first not yet taken), else by fuzzy search (rapidfuzz, OCR's misreadings); furniture and
junk that the truth does not hold are found nowhere and left out. A piece's true successor is
the piece found right after it in the truth; link accuracy is the share of pieces whose true
successor comes next in the stage's output (pieces found nowhere skipped).
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup import columns, furniture, gutters, noise, normalize  # noqa: E402
from cleanup.decode import decode  # noqa: E402
from cleanup.layout import split_lines  # noqa: E402
from cleanup.pipeline import LINE_RULES, rules  # noqa: E402
from cleanup.rulebook import apply_text_rules  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
COLUMN_GROUPS = ("paddle", "pdfminer", "pdftotext")
_SPACE_RE = re.compile(r"\s+")
_MARK_RE = re.compile(r"(?m)^#+ |\\")
_GAP = 2  # characters of truth, at most, between a piece's end and its successor's start
_FUZZY = 80  # the least rapidfuzz score for a piece found by fuzzy search


@dataclass
class Dump:
    """A dump as the column stage sees it, its pieces, and where the truth has each piece."""

    name: str
    group: str
    numbered: list[tuple[int, str]]
    pieces: list  # gutters.pieces_of(numbered)
    spans: list[tuple[int, int] | None]  # each piece's place in the truth's text
    kinds: list[str | None]  # the kind of truth item each piece is placed in (article, photo, note, furniture)


def stage_input(text: str) -> list[tuple[int, str]]:
    """The numbered lines pipeline.clean_text gives the column stage."""
    line_rules = rules(LINE_RULES)
    raw_lines = split_lines(text)
    numbered = [(no, line if normalize.is_clean_line(line) else apply_text_rules(line_rules, line, "line", (no, no), None))
                for no, line in raw_lines]
    junk = noise.split_noise(numbered, dict(raw_lines), None)
    return furniture.split_furniture(junk.kept, None).kept


def truth_text(folder: Path) -> tuple[str, list[tuple[int, str]]]:
    """The truth items' text in reading order, no whitespace, no Markdown marks; and where each
    item starts in it, with its kind."""
    parts, starts, at = [], [], 0
    for path in sorted(folder.glob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---", 2)
        kind = re.search(r"(?m)^kind: *(\S+)", head)
        parts.append(_SPACE_RE.sub("", _MARK_RE.sub("", body)))
        starts.append((at, kind.group(1) if kind else "article"))
        at += len(parts[-1])
    return "".join(parts), starts


def _kind(span, starts) -> str | None:
    return None if span is None else [kind for at, kind in starts if at <= span[0]][-1]


def _key(text: str) -> str:
    return _SPACE_RE.sub("", text.replace("\\", ""))


def place(pieces, truth: str) -> list[tuple[int, int] | None]:
    """Each piece's span in the truth text, or None. Exact matches first (rarest first, each
    taking the first free place), then fuzzy matches for the rest."""
    from rapidfuzz import fuzz

    keys = [_key(p.text) for p in pieces]
    spans: list[tuple[int, int] | None] = [None] * len(pieces)
    taken = bytearray(len(truth) + 1)
    found: dict[int, list[int]] = {}
    for k, key in enumerate(keys):
        if len(key) >= 2:
            found[k] = [m.start() for m in re.finditer(re.escape(key), truth)]
    for k in sorted(found, key=lambda k: (len(found[k]) or 99, -len(keys[k]))):
        for at in found[k]:
            if not any(taken[at:at + len(keys[k])]):
                spans[k] = (at, at + len(keys[k]))
                taken[at:at + len(keys[k])] = b"\1" * len(keys[k])
                break
    for k, key in enumerate(keys):
        if spans[k] is None and len(key) >= 4:
            hit = fuzz.partial_ratio_alignment(key, truth, score_cutoff=_FUZZY)
            if hit is not None and hit.dest_end - hit.dest_start >= 0.7 * len(key):
                spans[k] = (hit.dest_start, hit.dest_end)
    return spans


def successors(spans) -> dict[int, int]:
    """Each placed piece's true successor: the piece placed right after it in the truth."""
    placed = sorted((s[0], s[1], k) for k, s in enumerate(spans) if s)
    out = {}
    for (_, end, k), (start, _, j) in zip(placed, placed[1:]):
        if 0 <= start - end <= _GAP or abs(start - end) <= 1:
            out[k] = j
    return out


def output_order(dump: Dump, out: list[tuple[int, str]]) -> list[int]:
    """The pieces in the stage's output order (a line given back whole: all its pieces)."""
    index = {(p.no, p.text): k for k, p in enumerate(dump.pieces)}
    by_line: dict[int, list[int]] = {}
    for k, p in enumerate(dump.pieces):
        by_line.setdefault(p.no, []).append(k)
    order: list[int] = []
    for no, text in out:
        if text.strip():
            k = index.get((no, text.strip()))
            order.extend([k] if k is not None else by_line.get(no, []))
    return order


def link_accuracy(dump: Dump, order: list[int], kinds=None) -> tuple[int, int]:
    """Placed pieces whose true successor is the next placed piece of `order`; of those that have
    one (and, given `kinds`, that stand in a truth item of one of those kinds)."""
    follow = successors(dump.spans)
    if kinds:
        follow = {k: j for k, j in follow.items() if dump.kinds[k] in kinds}
    placed = [k for k in order if dump.spans[k]]
    after = {k: j for k, j in zip(placed, placed[1:])}
    return sum(after.get(k) == j for k, j in follow.items()), len(follow)


def load(split: str, groups=COLUMN_GROUPS) -> list[Dump]:
    """The split's dumps of those groups, read once and kept in /tmp."""
    cache = Path(f"/tmp/columns_corpus_{split}.pkl")
    stored = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    dumps = {name: Dump(name, *fields) for name, fields in stored.items()}
    fresh = False
    for path in sorted((CORPUS / split / "dumps").glob("*.txt")):
        group = path.stem.split("_", 1)[1]
        if group not in groups or path.stem in dumps:
            continue
        numbered = stage_input(decode(path.read_bytes(), None).text)
        pieces = gutters.pieces_of(numbered)
        truth, starts = truth_text(CORPUS / split / "truth" / path.stem)
        spans = place(pieces, truth)
        dumps[path.stem] = Dump(path.stem, group, numbered, pieces, spans, [_kind(s, starts) for s in spans])
        fresh = True
    if fresh:
        cache.write_bytes(pickle.dumps({d.name: (d.group, d.numbered, d.pieces, d.spans, d.kinds) for d in dumps.values()}))
    return [d for d in dumps.values() if d.group in groups]


def boxes(dump: Dump) -> bool:
    """Whether the pipeline reads the dump as text boxes sorted by height (columns.boxes_by_height)."""
    path = next(CORPUS.glob(f"*/dumps/{dump.name}.txt"))
    return columns.boxes_by_height(split_lines(decode(path.read_bytes(), None).text))


def stage_choices(dump: Dump) -> dict | None:
    """The column stage's pieces, choices and regions on a dump read as boxes or by OCR, as it rebuilt it
    (None where it put nothing back): what an oracle scores its choices against."""
    seen: dict = {}
    real = columns._rebuild

    def spy(numbered, pieces, choices, regions, boxes=False, trace=None):
        seen.update(pieces=pieces, choices=choices, regions=regions)
        return real(numbered, pieces, choices, regions, boxes, trace)

    columns._rebuild = spy
    try:
        columns.deinterleave(dump.numbered, boxes=boxes(dump), ocr=True)
    finally:
        columns._rebuild = real
    return seen if seen.get("regions") else None


def measure(dumps: list[Dump], weights=None) -> dict[str, dict]:
    """Per group: link accuracy after the stage and as read, pages changed, pieces placed."""
    out: dict[str, dict] = {}
    for dump in dumps:
        result = columns.deinterleave(dump.numbered, weights=weights, boxes=boxes(dump))
        after = link_accuracy(dump, output_order(dump, result.numbered))
        before = link_accuracy(dump, list(range(len(dump.pieces))))
        photo = link_accuracy(dump, output_order(dump, result.numbered), ("photo",))
        row = out.setdefault(dump.group, {"right": 0, "read": 0, "links": 0, "fired": 0, "pieces": 0, "placed": 0,
                                          "photo_right": 0, "photo_links": 0})
        row["photo_right"] += photo[0]
        row["photo_links"] += photo[1]
        row["right"] += after[0]
        row["read"] += before[0]
        row["links"] += after[1]
        row["fired"] += bool(result.warnings)
        row["pieces"] += len(dump.pieces)
        row["placed"] += sum(1 for s in dump.spans if s)
    for row in out.values():
        row["acc"] = round(row["right"] / max(1, row["links"]), 4)
        row["as_read"] = round(row["read"] / max(1, row["links"]), 4)
        row["photo"] = round(row["photo_right"] / max(1, row["photo_links"]), 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="fit")
    parser.add_argument("--groups", default=",".join(COLUMN_GROUPS))
    args = parser.parse_args()
    dumps = load(args.split, tuple(args.groups.split(",")))
    for group, row in sorted(measure(dumps).items()):
        print(f"{args.split} {group:10} links {row['acc']:.3f} (as read {row['as_read']:.3f}) of {row['links']}; "
              f"photo links {row['photo']:.3f}; fired {row['fired']}; placed {row['placed']}/{row['pieces']}")


if __name__ == "__main__":
    main()


def link_samples(dumps: list[Dump]):
    """Cue values of true links (a piece and its true successor, when that comes later in the
    dump) and of false ones (the piece and the others a few places down), the track being the
    true column's state: its width the page's column width the piece fills, its quotes as the
    truth's reading leaves them."""
    from cleanup import seams
    from cleanup.rulebook import REGISTRY
    from cleanup.tracks import Link, Track, balance

    cues = [(code, REGISTRY[code].func) for code in columns.LINK_CUES]
    words = seams.lexicon()
    rows, labels = [], []
    for dump in dumps:
        pieces = dump.pieces
        follow = successors(dump.spans)
        pairs = seams.PagePairs.of(p.text for p in pieces)
        widths = columns.assign.column_widths(pieces)
        opened: dict[int, int] = {}
        for k in sorted((k for k, s in enumerate(dump.spans) if s), key=lambda k: dump.spans[k][0]):
            state = opened.get(k, 0)
            j = follow.get(k)
            if j is None:
                continue
            opened[j] = balance(pieces[k].text, state)
            if j <= k:
                continue
            a = pieces[k]
            track = Track(k, k, columns.assign._snap(a, widths) or a.length, 2, state, body=True)
            for m in range(k + 1, min(len(pieces), k + 8)):
                if pieces[m].no == a.no or not dump.spans[m]:
                    continue
                link = Link(a, pieces[m], track, 0, pairs, words)
                rows.append([func(link) for _, func in cues])
                labels.append(1.0 if m == j else 0.0)
    return rows, labels
