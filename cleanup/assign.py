"""The best assignment of pieces to columns: one beam search over the pieces in dump order.

Each piece goes on a live track or starts a new one. Extractors deal the columns' lines
out in turn, so the track due next is the one that waited longest; going to another skips
the tracks that waited longer, and each of them is either skipped (it comes later) or ended
(its column is done: cheap after a paragraph's last line, dear in mid-sentence). Every step
adds the weighted cues (tracks.py) of the choice it makes; the best total wins.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .seams import PagePairs
from .tracks import Link, Piece, Track, balance, short

_BEAM = 16  # hypotheses kept after each piece
_SKIPS = 2  # times a track may be passed over before it is taken as ended
_MAX_TRACKS = 7  # live columns at once: five body columns, a headline and a caption beside them


@dataclass(frozen=True, slots=True)
class Choice:
    """The decision for one piece: its track (named by its first piece), what it cost, and why."""

    piece: int
    track: int
    gain: float  # the step's share of the total score: cues, skips and ends
    cues: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Weights:
    """The cue weights (rules/columns.toml): a link cue's weight by code, and the four structure costs."""

    link: dict[str, float]
    birth: float  # CO09: a new track
    skip: float  # CO08: a due track passed over, left live
    end_open: float  # CO11: a track ended after a full line that stops mid-sentence
    end_closed: float  # CO12: a track ended after a paragraph's last line


def assign(pieces: list[Piece], weights: Weights, cues, pairs: PagePairs, words=None,
           max_tracks: int = _MAX_TRACKS, beam: int = _BEAM) -> tuple[list[Choice], float]:
    """The best-scoring split of the pieces into tracks: one Choice a piece, and the total score."""
    active = [(code, func, weights.link[code]) for code, func in cues if weights.link.get(code)]
    widths = column_widths(pieces)
    hypotheses: list[tuple[float, tuple[Track, ...], tuple | None]] = [(0.0, (), None)]
    for i, piece in enumerate(pieces):
        grown: dict[tuple, tuple[float, tuple[Track, ...], tuple]] = {}
        for score, live, history in hypotheses:
            by_age = sorted(live, key=lambda t: t.last)
            passed = 0.0  # the cost of passing over the tracks that waited longer than the one chosen
            kept_older: list[Track] = []
            placed = False
            for k, track in enumerate(by_age):
                if max_tracks == 1 or pieces[track.last].no != piece.no:  # one line holds each column once
                    link = Link(pieces[track.last], piece, track, k, pairs, words)
                    values = tuple((code, func(link)) for code, func, _ in active)
                    gain = passed + sum(w * v for (_, _, w), (_, v) in zip(active, values))
                    moved = _extend(track, piece, i, widths)
                    kept = (*kept_older, moved, *by_age[k + 1:])
                    _keep(grown, score + gain, kept, (Choice(i, track.first, gain, values), history))
                    placed = True
                cost, left = _pass_over(track, pieces, weights)
                passed += cost
                if left is not None:
                    kept_older.append(left)
            if len(live) < max_tracks or not placed:
                gain = weights.birth
                born = start(piece, i, widths)
                _keep(grown, score + gain, (*live, born), (Choice(i, i, gain, (("CO09", 1.0),)), history))
        hypotheses = sorted(grown.values(), key=lambda h: -h[0])[:beam]
    score, _, history = hypotheses[0]
    choices: list[Choice] = []
    while history is not None:
        choices.append(history[0])
        history = history[1]
    return choices[::-1], score


def _keep(grown: dict, score: float, tracks: tuple[Track, ...], history: tuple) -> None:
    """Two hypotheses whose tracks end on the same pieces score alike from here on: keep the better."""
    key = tuple(sorted((t.first, t.last) for t in tracks))
    held = grown.get(key)
    if held is None or held[0] < score:
        grown[key] = (score, tracks, history)


def _pass_over(track: Track, pieces: list[Piece], weights: Weights) -> tuple[float, Track | None]:
    """What passing over a due track costs, and the track left for later (None: it is ended).

    A track is skipped while that is dearer than ending it and it was not skipped twice already."""
    last = pieces[track.last]
    open_end = not last.ends and not short(last, track.width)
    end = weights.end_open if open_end else weights.end_closed
    if end >= weights.skip or track.skipped >= _SKIPS:
        return end, None
    return weights.skip, replace(track, skipped=track.skipped + 1)


def start(piece: Piece, i: int, widths: tuple[float, ...]) -> Track:
    """A new track: its width is the page's column width nearest its piece, unless that is a paragraph end."""
    return Track(i, i, _width_of(piece, widths), 1, balance(piece.text, 0))


def _width_of(piece: Piece, widths: tuple[float, ...]) -> float:
    near = _snap(piece, widths)
    if near:
        return near
    return 0.0 if piece.ends else piece.length


def _snap(piece: Piece, widths: tuple[float, ...]) -> float:
    """The page's column width this piece fills (give or take one), or 0."""
    return next((w for w in widths if abs(w - piece.length) <= 1.0), 0.0)


def _extend(track: Track, piece: Piece, i: int, widths: tuple[float, ...]) -> Track:
    width = track.width or _width_of(piece, widths)
    snapped = _snap(piece, widths)
    if snapped and abs(snapped - width) > 1.5 and not (piece.ends and snapped < width):
        width = snapped  # the flow went on in a column of another width (after paying for it)
    opened = 0 if piece.ends and short(piece, width) else balance(piece.text, track.opened)
    return Track(track.first, i, width, track.count + 1, opened)


def column_widths(pieces: list[Piece]) -> tuple[float, ...]:
    """The printed widths that many pieces share (give or take one): the page's column widths.

    >>> column_widths([Piece(n, 0, "", w, False) for n, w in enumerate([17, 17, 16.5, 12, 12, 12, 30])])
    (17, 12)
    """
    lengths = Counter(round(p.length) for p in pieces if p.length >= 6)
    support = {w: lengths[w - 1] + lengths[w] + lengths[w + 1] for w in lengths}
    best = sorted(support, key=lambda w: (-support[w], -w))
    widths: list[int] = []
    for w in best:
        if support[w] >= 3 and all(abs(w - v) > 1 for v in widths):
            widths.append(w)
    return tuple(widths)
