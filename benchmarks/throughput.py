"""Throughput of the whole pipeline on one core: prints MB/s and pages/s.

    .venv/bin/python benchmarks/throughput.py [--mb 20] [--repeat 3] [DUMP_DIR ...]

The sample is the golden pages (and any extra folders given, e.g. the dev set's
dumps) repeated until it holds at least --mb megabytes. With --repeat, the sample is
run that many times and the fastest run is shown, with the slowest beside it: on a
shared machine the spread tells how far to trust the figure. Run by hand; no test times it.
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
    parser.add_argument("--repeat", type=int, default=1, help="runs of the sample; the fastest is shown")
    args = parser.parse_args()
    pages = [(p.name, p.read_bytes()) for folder in args.folders for p in sorted(folder.glob("*.txt"))]
    size = sum(len(raw) for _, raw in pages)
    rounds = max(1, int(args.mb * 1e6 // size) + 1)
    times = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        items = 0
        for _ in range(rounds):
            for name, raw in pages:
                items += len(pipeline.clean(raw, name).items)
        times.append(time.perf_counter() - started)
    seconds = min(times)
    total_mb, total_pages = size * rounds / 1e6, len(pages) * rounds
    spread = f" (slowest of {len(times)} runs: {total_mb / max(times):.2f} MB/s)" if len(times) > 1 else ""
    print(f"{total_pages} pages, {total_mb:.1f} MB, {items} items in {seconds:.1f}s: "
          f"{total_mb / seconds:.2f} MB/s, {total_pages / seconds:.0f} pages/s (one core){spread}")


if __name__ == "__main__":
    main()
