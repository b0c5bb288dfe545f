"""Throughput of the whole pipeline on one core: prints MB/s and pages/s.

    python benchmarks/throughput.py [--mb 20] [DUMP_DIR ...]

The sample is the golden pages (and any extra folders given, e.g. the dev set's
dumps) repeated until it holds at least --mb megabytes. Run by hand; no test times it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleanup import pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "golden"])
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    pages = [(p.name, p.read_bytes()) for folder in args.folders for p in sorted(folder.glob("*.txt"))]
    size = sum(len(raw) for _, raw in pages)
    rounds = max(1, int(args.mb * 1e6 // size) + 1)
    started = time.perf_counter()
    items = 0
    for _ in range(rounds):
        for name, raw in pages:
            items += len(pipeline.clean(raw, name).items)
    seconds = time.perf_counter() - started
    total_mb, total_pages = size * rounds / 1e6, len(pages) * rounds
    print(f"{total_pages} pages, {total_mb:.1f} MB, {items} items in {seconds:.1f}s: "
          f"{total_mb / seconds:.2f} MB/s, {total_pages / seconds:.0f} pages/s (one core)")


if __name__ == "__main__":
    main()
