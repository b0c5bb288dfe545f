"""Which truth each dump line is: item, block and role of every stretch of every line.

    label_lines(dump_text, truth_items) -> [LineLabel, ...]
    python -m benchmarks.factory.labels DUMP TRUTH_DIR      # one row per line

Both sides are folded to one form (fold.py) and the truth's blocks run together into one
string. A line is aligned by seeds: its character trigrams found in the truth, chained along
near-diagonals (an OCR misreading breaks a few trigrams, not the chain), and the best set of
chains that covers the line picked by a small dynamic programme. Several chains stay apart
where the line joins several columns (pdftotext's default mode, Tesseract across a gutter);
chains that continue each other become one stretch. Ties (text printed twice, a headline
that repeats a sentence) go to truth not yet used by an earlier line and to the text that
goes on from a line just read. A line too short for a trigram is placed by its neighbours.
Text found nowhere is `noise`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from .align import MAX_DRIFT, Chain, Stretch, TruthText, choose_chains, chunk_end, chunk_start, find_chains, with_parts
from .fold import fold
from .linelabel import LineLabel, Segment, format_row
from .truth import TruthItem, read_truth

RECENT = 60  # line ends a line may go on from, if no line has gone on from them yet
_BREAK_RE = re.compile("[\x0b\x0c\x85\u2028\u2029]")  # what cleanup.decode reads as line breaks


def label_lines(dump_text: str, truth_items: list[TruthItem]) -> list[LineLabel]:
    """Every line of the dump with what it holds (see the module docstring)."""
    truth = TruthText(truth_items)
    text = _BREAK_RE.sub("\n", dump_text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    lines = (text[:-1] if text.endswith("\n") else text).split("\n")
    folded = [fold(line) for line in lines]
    stretches: list[list[Stretch]] = []
    recent: list[int] = []
    for n, (f, _, spaced) in enumerate(folded):
        opened = [end for end in reversed(recent[-RECENT:]) if 0 <= end < len(truth.text) and not truth.used[end]]
        found = align_line(f, spaced, truth, opened) if f else []
        for stretch in found:
            if stretch.block is not None:
                for t in range(max(0, stretch.t0), min(len(truth.text), stretch.t1)):
                    truth.used[t] += 1
        ends = [stretch.t1 for stretch in found if stretch.block is not None]
        recent.extend(ends)
        stretches.append(found)
    _place_by_next(folded, stretches, truth)
    _fill_gaps(folded, stretches, truth)
    return _labels(lines, folded, stretches, truth)


def align_line(f: str, spaced: list[bool], truth: TruthText, opened: list[int]) -> list[Stretch]:
    """The stretches of one folded line: chains chosen and joined, the line shared out, split by block."""
    chosen = choose_chains(with_parts(find_chains(f, truth), truth), f, spaced, truth, opened)
    if not chosen or sum(c.f1 - c.f0 for c in chosen) < max(1, len(f) // 3):
        near = _near(f, 0, truth, opened)
        return [near[0]] if near else [Stretch(0, len(f), -1, -1, None)]
    chains = _join(chosen)
    bounds = [0]
    for a, b in zip(chains, chains[1:]):
        cut = _cut(a.f1, b.f0, spaced, a, f, truth)
        bounds.append(max(bounds[-1] + 1, min(cut, b.f1 - 1)))
    bounds.append(len(f))
    starts = [k for k in range(len(f)) if k == 0 or spaced[k]] + [len(f)]
    singles = sum(b - a == 1 for a, b in zip(starts, starts[1:]))
    spread = singles >= 4 and 2 * singles >= len(starts) - 1  # 和 灭 火 器 材: a lone character is its own
    stretches = []
    for chain, f0, f1 in zip(chains, bounds, bounds[1:]):
        stretches += _peel(chain, f0, f1, f, spaced, truth, opened, spread)
    return _merge([piece for stretch, chain in stretches for piece in _split_blocks(stretch, chain, spaced, truth)])


def _merge(stretches: list[Stretch]) -> list[Stretch]:
    """Neighbours in one block where one goes on from the other (a dropped quote between) are one."""
    merged = [stretches[0]]
    for stretch in stretches[1:]:
        last = merged[-1]
        if stretch.block is not None and stretch.block == last.block and -2 <= stretch.t0 - last.t1 <= MAX_DRIFT:
            last.f1, last.t1 = stretch.f1, stretch.t1
        elif stretch.block is None and last.block is None:
            last.f1 = stretch.f1
        else:
            merged.append(stretch)
    return merged


def _join(chosen: list[Chain]) -> list[Chain]:
    """Chosen chains that go on from each other (a misreading or a spread between them) as one."""
    groups: list[list[Chain]] = [[chosen[0]]]
    for chain in chosen[1:]:
        last = groups[-1][-1]
        skip_t, skip_f = chain.t0 - last.t1, chain.f0 - last.f1
        if skip_t >= -2 and abs(skip_t - skip_f) <= MAX_DRIFT:
            groups[-1].append(chain)
        else:
            groups.append([chain])
    return [Chain(sorted(hit for chain in group for hit in chain.hits)) for group in groups]


def _peel(chain: Chain, f0: int, f1: int, f: str, spaced: list[bool], truth: TruthText,
          opened: list[int], spread: bool) -> list[tuple[Stretch, Chain]]:
    """A chain's share of the line, with unseeded chunks at its edges told apart: the chain's own
    text misread, another column's short piece going on from a line just read, or noise."""
    head_end = chunk_start(chain.f0, spaced) if chain.f0 > f0 else f0
    tail_start = chunk_end(chain.f1 - 1, spaced) if chain.f1 < f1 else f1
    head_end, tail_start = max(f0, head_end), min(f1, max(tail_start, head_end))
    head = _apart(f, f0, head_end, chain.t0 - (chain.f0 - f0), truth, opened, spread) if head_end > f0 else None
    tail = _apart(f, tail_start, f1, chain.t1 + (tail_start - chain.f1), truth, opened, spread) if tail_start < f1 else None
    own0, own1 = (head_end if head else f0), (tail_start if tail else f1)
    own = (Stretch(own0, own1, chain.t_at(own0), chain.t_at(own1 - 1) + 1, None), chain)
    return [part for part in (head, own, tail) if part]


def _apart(f: str, f0: int, f1: int, expected: int, truth: TruthText,
           opened: list[int], spread: bool) -> tuple[Stretch, Chain] | None:
    """An unseeded chunk at a chain's edge on its own (another column's piece, or noise), or None
    when it is the chain's own text. Text that goes on exactly from a line just read wins, but
    for one character of a spread line (a misread one, most likely)."""
    piece = f[f0:f1]
    near = _near(piece, f0, truth, opened)
    fits = _fits(piece, expected, truth)
    if near and ((near[2] == 1.0 and not (spread and len(piece) == 1)) or not fits):
        return near[0], near[1]
    if fits or len(piece) < 4:
        return None
    return Stretch(f0, f1, -1, -1, None), Chain([(f0, -1)])


def _fits(piece: str, t0: int, truth: TruthText) -> bool:
    """The piece reads like the truth near t0 (a misread stretch of the same text)."""
    if len(piece) <= 1:
        return True
    windows = (truth.text[max(0, t0 + shift):max(0, t0 + shift) + len(piece)] for shift in range(-MAX_DRIFT, MAX_DRIFT + 1))
    return max(Levenshtein.normalized_similarity(piece, window) for window in windows) >= 0.4


def _cut(left_end: int, right_start: int, spaced: list[bool], a: Chain, f: str, truth: TruthText) -> int:
    """Where two stretches part: at white space between them if any, else where the text fits best."""
    low, high = min(left_end, right_start), max(left_end, right_start)
    gaps = [k for k in range(low, high + 1) if k < len(spaced) and spaced[k]]
    if gaps:
        middle = (low + high) / 2
        return min(gaps, key=lambda k: abs(k - middle))
    k = left_end
    while k < right_start and 0 <= a.t_at(k) < len(truth.text) and truth.text[a.t_at(k)] == f[k]:
        k += 1
    return max(low, min(high, k))


def _split_blocks(stretch: Stretch, chain: Chain, spaced: list[bool], truth: TruthText) -> list[Stretch]:
    """A stretch whose truth span crosses block boundaries becomes one stretch per block.

    Characters before the first seed or after the last may be misread: there a block ends only
    where white space parts the line too (…活动。 本报记者).
    """
    if chain.t0 < 0:
        return [stretch]
    pieces, f0 = [], stretch.f0
    block = truth.block_at(max(0, min(len(truth.text) - 1, chain.t_at(f0))))
    while block + 1 < len(truth.blocks):
        boundary = truth.blocks[block + 1].start
        cut = f0
        while cut < stretch.f1 and chain.t_at(cut) < boundary:
            cut += 1
        if cut >= stretch.f1:
            break
        seeded = chain.t0 < boundary < chain.t1
        if cut > f0 and (seeded or spaced[cut]):
            pieces.append(Stretch(f0, cut, chain.t_at(f0), boundary, block))
            f0 = cut
        elif cut > f0 and boundary <= chain.t0:  # misread head: it goes with the seeds' block
            pass
        elif cut > f0:
            break
        block += 1
    pieces.append(Stretch(f0, stretch.f1, chain.t_at(f0), chain.t_at(stretch.f1 - 1) + 1, block))
    return pieces


def _near(piece: str, f0: int, truth: TruthText, opened: list[int]) -> tuple[Stretch, Chain, float] | None:
    """A piece too short or too garbled for seeds, placed where a line just read left off and no
    line has gone on yet. Two characters must match exactly, but for the line just before."""
    best, best_score = None, 0.0
    for rank, end in enumerate(opened):
        need = 0.6 if len(piece) > 2 else (0.5 if rank == 0 else 1.0)
        for shift in (0, -1, 1, -2, 2) if len(piece) > 2 else (0, 1) if rank == 0 else (0,):
            t0 = max(0, end + shift)
            score = Levenshtein.normalized_similarity(piece, truth.text[t0:t0 + len(piece)])
            if score >= need and score > best_score + 1e-9:
                best, best_score = t0, score
    if best is None:
        return None
    block = truth.block_at(min(best, len(truth.text) - 1))
    return Stretch(f0, f0 + len(piece), best, best + len(piece), block), Chain([(f0, best)]), best_score


def _place_by_next(folded, stretches: list[list[Stretch]], truth: TruthText) -> None:
    """A short line left as noise that ends right where the next line begins is that text."""
    for n in range(len(stretches) - 1, -1, -1):
        found = stretches[n]
        if len(found) != 1 or found[0].block is not None or len(folded[n][0]) > 3:
            continue
        following = next((s for s in stretches[n + 1:] if s), None)
        if not following or following[0].block is None:
            continue
        f = folded[n][0]
        t1 = following[0].t0
        if truth.text[max(0, t1 - len(f)):t1] == f:
            stretches[n] = [Stretch(0, len(f), t1 - len(f), t1, truth.block_at(t1 - len(f)))]


def _fill_gaps(folded, stretches: list[list[Stretch]], truth: TruthText) -> None:
    """A short piece left as noise that reads like truth no line has claimed is that truth:
    a column's last two characters read across the gutter, a misread bullet before a name."""
    for n, found in enumerate(stretches):
        for k, stretch in enumerate(found):
            piece = folded[n][0][stretch.f0:stretch.f1]
            if stretch.block is not None or not 1 <= len(piece) <= 12:
                continue
            place = _unclaimed(piece, truth)
            if place is not None:
                found[k] = Stretch(stretch.f0, stretch.f1, place, place + len(piece), truth.block_at(place))
                for t in range(place, min(len(truth.text), place + len(piece))):
                    truth.used[t] += 1


def _unclaimed(piece: str, truth: TruthText) -> int | None:
    """Where the piece stands in truth no line has claimed: one place only, one misreading in four."""
    runs, start = [], None
    for t, count in enumerate(truth.used + [1]):
        if count == 0 and start is None:
            start = t
        elif count and start is not None:
            runs.append((start, t))
            start = None
    allowed = max(1, len(piece) // 4) if len(piece) >= 3 else 0
    places = []
    for r0, r1 in runs:
        for t0 in range(r0, r1 - len(piece) + 1):
            if Levenshtein.distance(piece, truth.text[t0:t0 + len(piece)], score_cutoff=allowed) <= allowed:
                places.append(t0)
    return places[0] if len(places) == 1 else None


def _labels(lines: list[str], folded, stretches: list[list[Stretch]], truth: TruthText) -> list[LineLabel]:
    """Stretches to segments in the line's own offsets; the first stretch of each block and item marked."""
    first_of_block: dict[int, tuple[int, int, int]] = {}
    for n, found in enumerate(stretches):
        for k, stretch in enumerate(found):
            block = stretch.block
            if block is not None and (block not in first_of_block or stretch.t0 < first_of_block[block][0]):
                first_of_block[block] = (stretch.t0, n, k)
    starts = {(n, k) for block, (t0, n, k) in first_of_block.items() if t0 - truth.blocks[block].start <= 2}
    seen_items: set[int] = set()
    labels = []
    for n, (line, found) in enumerate(zip(lines, stretches)):
        offsets = folded[n][1]
        segments = []
        for k, stretch in enumerate(found):
            start, end = offsets[stretch.f0], offsets[stretch.f1 - 1] + 1
            if stretch.block is None:
                segments.append(Segment(start, end, "noise", None, None))
                continue
            ref = truth.blocks[stretch.block]
            segments.append(Segment(start, end, ref.role, ref.item, ref.block, ref.kind,
                                    (n, k) in starts, ref.item not in seen_items))
            seen_items.add(ref.item)
        labels.append(LineLabel(n + 1, line, tuple(segments)))
    return labels


def main(argv: list[str] | None = None) -> int:
    """python -m benchmarks.factory.labels DUMP TRUTH_DIR: one row per dump line."""
    from cleanup.decode import DecodeError, decode

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m benchmarks.factory.labels DUMP TRUTH_DIR", file=sys.stderr)
        return 2
    try:
        text = decode(Path(args[0]).read_bytes()).text
        items = read_truth(args[1])
    except (OSError, ValueError, DecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        print("no\trole\titem\tblock\tstarts\ttext")
        for label in label_lines(text, items):
            print(format_row(label))
    except BrokenPipeError:  # the reader stopped early (| head): stop quietly
        sys.stdout = None
        return 141
    return 0


if __name__ == "__main__":
    sys.exit(main())
