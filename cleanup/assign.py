"""The best assignment of pieces to columns: one beam search over the pieces in dump order.

Each piece goes on a live track or starts a new one. Extractors deal the columns' lines
out in turn, so the track due next is the one that waited longest; going to another skips
the tracks that waited longer, and each of them is either skipped (it comes later) or ended
(its column is done: cheap after a paragraph's last line, dear in mid-sentence). Every step
adds the weighted cues (tracks.py) of the choice it makes; the best total wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gutters import modal_widths
from .seams import PagePairs
from .tracks import Link, Piece, Track, balance, ends_mid_sentence, head_in_open_column, short

_BEAM = 16  # hypotheses kept after each piece
_PER_COUNT = 3  # and at least so many for each number of live tracks
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
    """The cue weights (rules/columns.toml): the link cues' by code, and the structure cues'."""

    link: dict[str, float]
    birth: float  # CO09 starts-column: a new track
    skip: float  # CO08 waited-longer: a due track passed over, kept for later
    end_open: float  # CO12 ends-mid-sentence: a track ended after a full line that stops mid-sentence
    end_closed: float  # CO13 ends-after-paragraph: a track ended after a paragraph's last line
    steady: float  # CO15 breaks-the-turn: the first track passed over after a full round dealt in turn
    head: float = 0.0  # CW25: a head line put on a column of running text that stops mid-sentence

    @classmethod
    def of(cls, weights: dict[str, float], link_cues) -> Weights:
        return cls({code: weights[code] for code in link_cues}, weights["CO09"], weights["CO08"],
                   weights["CO12"], weights["CO13"], weights["CO15"], weights.get("CW25", 0.0))

    def as_dict(self) -> dict[str, float]:
        return {**self.link, "CO09": self.birth, "CO08": self.skip, "CO12": self.end_open, "CO13": self.end_closed,
                "CO15": self.steady, "CW25": self.head}


def assign(pieces: list[Piece], weights: Weights, cues, pairs: PagePairs, words=None,
           max_tracks: int = _MAX_TRACKS, beam: int = _BEAM, known: int = 0,
           links: dict | None = None, offset: int = 0) -> tuple[list[Choice], float]:
    """The best-scoring split of the pieces into tracks: one Choice a piece, and the total score.

    known: so many tracks are known to run through the pieces (a second pass over a stretch
    the first found interleaved): opening them is paid for at once, so that hypotheses which
    open them early are not cut before their lines pay back.
    links: the link cues' answers, to share between searches of one page's pieces with the same
    weights, cues, pairs and words (pieces[0] being that page's piece `offset`).
    """
    active = [(code, func, weights.link[code]) for code, func in cues if weights.link.get(code)]
    widths = column_widths(pieces)
    over = max(widths, default=0.0)
    snapped = [_snap(p, widths) for p in pieces]
    balanced = [tuple(balance(p.text, opened) for opened in range(4)) for p in pieces]
    nos = [p.no for p in pieces]
    flow = max_tracks == 1
    if links is None:  # (track state, piece) -> (gain, cue values): hypotheses share tracks
        links = {}
    passes: dict[Track, tuple[float, Track | None, int]] = {}  # track -> _pass_over's answer: hypotheses share tracks
    # a hypothesis: its score, its live tracks (by the age of their last piece, oldest first), its
    # choices so far (linked back, each made a Choice only for the winner: see _choices), how
    # many pieces in a row went to the track that was due (the columns have been dealt in turn),
    # and its tracks' last pieces as the bits of one number
    hypotheses: list[tuple[float, tuple[Track, ...], tuple | None, int, int]] = [(0.0, (), None, 0, 0)]
    skip, steady_cost, birth = weights.skip, weights.steady, weights.birth
    for i, piece in enumerate(pieces):
        # a candidate: (score, its number of tracks, steady, the hypothesis it grows, the track
        # it extends (-1: a new one), the older tracks it keeps (for a new one: the x of the piece
        # left of it), its tracks' last pieces, and its step but for the step before); its tracks
        # are made only if it outlives the pruning. Two whose tracks end on the same pieces score
        # alike from here on: the better is kept (keyed by the last pieces, and whether it is steady)
        grown: dict[tuple[int, bool], tuple] = {}
        no = nos[i]
        bit = 1 << i
        at = offset + i
        beside = i > 0 and nos[i - 1] == no  # the piece left of this one in a merged line
        for hypothesis in hypotheses:
            score, live, _, steady, lasts = hypothesis
            n_live = len(live)
            left_x = live[-1].x if beside else None  # that piece's track: the one that took the last piece
            passed, skipped, ended_open, ended = 0.0, 0, 0, 0  # passing over the tracks that waited longer
            if n_live < known:  # a known column not opened yet is passed over too
                passed, skipped = skip, 1
            kept_older: tuple[Track, ...] = ()
            older_lasts = 0
            placed = False
            last_k = n_live - 1
            for k, track in enumerate(live):
                last = track.last
                # a merged line holds each column once, left to right
                if flow or (nos[last] != no and (left_x is None or track.x > left_x)):
                    weighs = bool(weights.head) and not flow and track.body and track.count >= 3  # where CW25 may weigh
                    key = (offset + last, track.width, track.opened, weighs, at)
                    link = links.get(key)
                    if link is None:
                        seam = Link(pieces[last], piece, track, 0, pairs, words, over)
                        values = tuple((code, func(seam)) for code, func, _ in active)
                        gain = sum(w * v for (_, _, w), (_, v) in zip(active, values))
                        if weighs and (head := head_in_open_column(seam)):  # CW25 (not in the dump's own order)
                            values, gain = (*values, ("CW25", head)), gain + weights.head * head
                        link = links[key] = (gain, values)
                    gain, values = link
                    if passed:
                        now = 0
                        broke = steady > n_live  # the first skip after a full round dealt in turn
                        turn = passed + steady_cost if broke else passed
                    else:
                        now, broke, turn = steady + 1, False, passed
                    total = score + turn + gain
                    count = skipped - (n_live < known) + n_live - k  # the older tracks kept, the younger ones, this one
                    ends = older_lasts | (lasts >> last + 1 << last + 1) | bit
                    key = (ends, now > count)
                    held = grown.get(key)
                    if held is None or held[0] < total:
                        grown[key] = (total, count, now, hypothesis, k, kept_older, ends,
                                      track.first, turn + gain, values, skipped, ended_open, ended, broke)
                    placed = True
                if k == last_k:
                    break  # passing over the youngest track is never asked about
                answer = passes.get(track)
                if answer is None:
                    answer = passes[track] = _pass_over(track, pieces, weights)
                cost, waiting, kind = answer
                passed += cost
                if kind == 0:
                    skipped += 1
                    kept_older += (waiting,)
                    older_lasts |= 1 << last
                elif kind == 1:
                    ended_open += 1
                else:
                    ended += 1
            if n_live < max_tracks or not placed:
                total = score + (0.0 if n_live < known else birth)
                key = (lasts | bit, steady > n_live + 1)
                held = grown.get(key)
                if held is None or held[0] < total:
                    grown[key] = (total, n_live + 1, steady, hypothesis, -1, left_x, lasts | bit,
                                  i, birth, None, 0, 0, 0, False)
        hypotheses = []
        for total, _, now, (_, live, history, _, _), k, kept, ends, *step in _prune(grown.values(), beam):
            if k < 0:  # kept: the x of the piece left of this one
                born = Track(i, i, snapped[i] or (0.0 if piece.ends else piece.length), 1, balanced[i][0],
                             x=_place(live, kept), body=bool(snapped[i]))
                hypotheses.append((total, (*live, born), (i, *step, history), now, ends))
            else:
                moved = _extend(live[k], piece, i, snapped[i], balanced[i], flow)
                hypotheses.append((total, (*kept, *live[k + 1:], moved), (i, *step, history), now, ends))
    score, _, history, _, _ = max(hypotheses, key=lambda h: h[0])
    score += min(known, len(pieces)) * weights.birth  # births that were paid at once, if any
    return _choices(history), score


def _choices(history: tuple | None) -> list[Choice]:
    """The winner's choices in piece order, from its linked history: a step is (piece, track,
    gain, cue values or None for a birth, tracks skipped, ended open, ended, CO15, the step before)."""
    choices: list[Choice] = []
    while history is not None:
        i, track, gain, values, skipped, ended_open, ended, broke, history = history
        if values is None:
            choices.append(Choice(i, track, gain, (("CO09", 1.0),)))
            continue
        why = values + tuple((code, float(n)) for code, n in zip(_PASSING, (skipped, ended_open, ended)) if n)
        choices.append(Choice(i, track, gain, why + ((("CO15", 1.0),) if broke else ())))
    return choices[::-1]


def _place(live: tuple[Track, ...], left: float | None) -> float:
    """A new track's place: right after the track of the piece left of it, else left of all."""
    if left is None:
        return min((t.x for t in live), default=0.0) - 1.0
    right = min((t.x for t in live if t.x > left), default=left + 2.0)
    return (left + right) / 2


_PASSING = ("CO08", "CO12", "CO13")  # a due track skipped; ended after an open full line; ended after a paragraph


def _prune(grown, beam: int) -> list:
    """The best hypotheses, and the best few for each number of live tracks.

    Opening the tracks of a five-column stretch costs at once and pays back only over the
    lines that follow: without a place of their own, such hypotheses would be cut first.
    """
    ranked = sorted(grown, key=lambda h: -h[0])
    kept = ranked[:beam]
    by_count: dict[int, int] = {}
    for h in kept:
        by_count[h[1]] = by_count.get(h[1], 0) + 1
    for h in ranked[beam:]:
        if by_count.get(h[1], 0) < _PER_COUNT:
            by_count[h[1]] = by_count.get(h[1], 0) + 1
            kept.append(h)
    return kept


def _pass_over(track: Track, pieces: list[Piece], weights: Weights) -> tuple[float, Track | None, int]:
    """What passing over a due track costs, the track left for later (None: it is ended), and
    which of _PASSING that was. A track is skipped while that is dearer than ending it, twice at most."""
    open_end = ends_mid_sentence(Link(pieces[track.last], pieces[track.last], track, 0, None, None)) > 0
    end = weights.end_open if open_end else weights.end_closed
    if end >= weights.skip or track.skipped >= _SKIPS:
        return end, None, 1 if open_end else 2
    return weights.skip, Track(track.first, track.last, track.width, track.count, track.opened, track.skipped + 1,
                               track.x, track.body), 0


def _snap(piece: Piece, widths: tuple[float, ...]) -> float:
    """The page's column width this piece fills (give or take one), or 0."""
    return next((w for w in widths if abs(w - piece.length) <= 1.5), 0.0)


def _extend(track: Track, piece: Piece, i: int, snapped: float, balanced: tuple[int, ...], flow: bool) -> Track:
    """The track with the piece put on it. A column keeps its width; the dump's own order (`flow`,
    one track through the page) goes on into columns of other widths (after paying for it)."""
    width = track.width or snapped or (0.0 if piece.ends else piece.length)
    if flow and snapped and abs(snapped - width) > 1.5 and not (piece.ends and snapped < width):
        width = snapped
    opened = 0 if piece.ends and short(piece, width) else balanced[track.opened]
    body = track.body or bool(snapped) and abs(snapped - width) <= 1.5
    return Track(track.first, i, width, track.count + 1, opened, 0, track.x, body)


def column_widths(pieces: list[Piece]) -> tuple[float, ...]:
    """The page's column widths: the printed widths its pieces share (gutters.modal_widths)."""
    return modal_widths(p.length for p in pieces)
