"""How far the labeller agrees with the simulator's record of every line.

    python -m benchmarks.factory.labelcheck [--pages 100] [--seed 11] [TRUTH_DIR ...]

Beside the plain simulated pages, damages the simulator does not make but real dumps do are
laid on its output, record and all: OCR misreadings (characters replaced by others of the
page, a few dropped), pdftotext's default mode, which joins the lines of two columns side by
side with one space, traditional script (OpenCC s2t), and pdfminer's radical code points
(⼀ for 一). A line agrees when every segment has the recorded item, block and role, in order.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import random
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import opencc

from .labels import label_lines
from .linelabel import LineLabel, Segment
from .simulate import load_spec, pick_pages, simulate_page_with_labels, truth_folders

DAMAGES = ("plain", "ocr", "columns", "ocr+columns", "traditional+radicals")
# Kangxi radicals (U+2F00–U+2FD5) whose NFKC form is an ordinary ideograph: what pdfminer prints.
RADICALS = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0x2F00, 0x2FD6)}


def misread(labels: list[LineLabel], rate: float, rng: random.Random) -> list[LineLabel]:
    """Replace a share of the printed characters by others of the page, drop a few."""
    alphabet = sorted({ch for label in labels for ch in label.text if not ch.isspace()}) or ["口"]
    out = []
    for label in labels:
        text, moved = [], []
        for ch in label.text:
            moved.append(len(text))
            roll = rng.random()
            if ch.isspace() or roll >= rate:
                text.append(ch)
            elif roll >= rate / 5:
                text.append(rng.choice(alphabet))
        moved.append(len(text))
        segments = tuple(dataclasses.replace(s, start=moved[s.start], end=moved[s.end]) for s in label.segments)
        segments = tuple(s for s in segments if s.end > s.start)
        out.append(LineLabel(label.no, "".join(text), segments))
    return out


def restyle(labels: list[LineLabel], rng: random.Random) -> list[LineLabel]:
    """Half the lines in traditional script, and a third of the characters with a radical form in it."""
    out = []
    for label in labels:
        text = _s2t().convert(label.text) if rng.random() < 0.5 else label.text
        text = "".join(RADICALS[ch] if ch in RADICALS and rng.random() < 0.33 else ch for ch in text)
        if len(text) != len(label.text):  # a phrase conversion changed the length: keep the line as it was
            text = label.text
        out.append(LineLabel(label.no, text, label.segments))
    return out


@functools.cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def join_columns(labels: list[LineLabel], rng: random.Random) -> list[LineLabel]:
    """Two runs of lines set side by side, each pair joined with one space (pdftotext's default)."""
    half = len(labels) // 2
    cut = rng.randint(max(1, half - 20), max(1, half + 20)) if len(labels) > 2 else len(labels)
    left, right = labels[:cut], labels[cut:]
    rows = []
    for n in range(max(len(left), len(right))):
        a = left[n] if n < len(left) else LineLabel(0, "")
        b = right[n] if n < len(right) else LineLabel(0, "")
        if not a.text.strip() or not b.text.strip():
            only = a if a.text.strip() else b
            rows.append((only.text, list(only.segments)))
            continue
        shift = len(a.text) + 1
        rows.append((a.text + " " + b.text,
                     list(a.segments) + [dataclasses.replace(s, start=s.start + shift, end=s.end + shift) for s in b.segments]))
    return _renumber(rows)


def _renumber(rows: list[tuple[str, list[Segment]]]) -> list[LineLabel]:
    """Lines numbered again; an item starts at its first segment in the new order."""
    seen: set[int] = set()
    out = []
    for no, (text, segments) in enumerate(rows, start=1):
        marked = []
        for segment in segments:
            marked.append(dataclasses.replace(segment, starts_item=segment.item is not None and segment.item not in seen))
            if segment.item is not None:
                seen.add(segment.item)
        out.append(LineLabel(no, text, tuple(marked)))
    return out


def compare(record: list[LineLabel], got: list[LineLabel]) -> Counter:
    """Counts over printed lines: same segments, same roles, same start marks."""
    counts: Counter = Counter()
    for want, have in zip(record, got, strict=True):
        if not want.segments and not have.segments:
            continue
        counts["lines"] += 1
        counts["agree"] += want.key() == have.key()
        counts["role"] += want.role == have.role
        counts["starts_block"] += [s.starts_block for s in want.segments] == [s.starts_block for s in have.segments]
        counts["starts_item"] += [s.starts_item for s in want.segments] == [s.starts_item for s in have.segments]
    return counts


def check(folders: list[Path], pages: int, seed: int, ocr_rate: float = 0.05, mix: bool = False) -> dict[str, Counter]:
    """Agreement counts per damage over simulated pages made from the truth folders."""
    spec = load_spec()
    results = {damage: Counter() for damage in DAMAGES}
    for n, items in enumerate(pick_pages(folders, pages, seed, mix, spec)):
        _, record = simulate_page_with_labels(items, seed * 1000 + n, spec)
        rng = random.Random(seed * 1000 + n)
        variants = {"plain": record, "ocr": misread(record, ocr_rate, rng)}
        variants["columns"] = join_columns(record, rng)
        variants["ocr+columns"] = join_columns(variants["ocr"], rng)
        variants["traditional+radicals"] = restyle(record, rng)
        for damage, lines in variants.items():
            text = "\n".join(label.text for label in lines) + "\n"
            results[damage] += compare(lines, label_lines(text, items))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.factory.labelcheck", description=__doc__.split("\n")[0])
    parser.add_argument("truth", nargs="*", type=Path, default=[Path("golden"), Path("../shared/devset/truth")])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--ocr-rate", type=float, default=0.05)
    parser.add_argument("--mix", action="store_true", help="pages recombined from all the truths' items")
    args = parser.parse_args(argv)
    folders = [path for folder in args.truth for path in truth_folders(folder)]
    results = check(folders, args.pages, args.seed, args.ocr_rate, args.mix)
    print(f"{'damage':20} {'lines':>7} {'agree%':>7} {'role%':>7} {'block%':>7} {'item%':>7}")
    for damage, counts in results.items():
        lines = counts["lines"] or 1
        rates = [100 * counts[key] / lines for key in ("agree", "role", "starts_block", "starts_item")]
        print(f"{damage:20} {counts['lines']:7d} " + " ".join(f"{rate:7.2f}" for rate in rates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
