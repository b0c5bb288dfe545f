"""Time `cleanup review OUT` against the `cleanup reflow` that made OUT, on a generated batch.

    .venv/bin/python benchmarks/review_speed.py [--pages 2000] [--jobs N] [DUMP_DIR ...]

The batch is made of stretches of the golden pages (and of any folders given, e.g. the dev
set's dumps), mixed in a fixed random order, about as long as the pages they come from. Both
commands run as a user runs them (the installed `cleanup` beside this Python), each with the
same --jobs (default: all cores); their wall-clock and CPU times are printed with their ratios
(on a busy machine the CPU times tell more: the wall clock also counts waiting for a core).
Run by hand; no test times it.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_batch(folder: Path, pages: int, sources: list[Path], seed: int = 16) -> None:
    """Write `pages` dumps into folder, each a few stretches of lines of the source pages."""
    texts = [path.read_text(encoding="utf-8-sig").splitlines() for path in sources]
    rng = random.Random(seed)
    for n in range(pages):
        lines: list[str] = []
        target = len(rng.choice(texts))
        while len(lines) < target:
            source = rng.choice(texts)
            start = rng.randrange(len(source))
            lines.extend(source[start:start + rng.randint(20, 120)])
            lines.append("")
        (folder / f"gen{n:05d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds (user and system, worker processes included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    sources = sorted((ROOT / "golden").glob("*.txt")) + [p for f in args.folders for p in sorted(f.glob("*.txt"))]
    cleanup = str(Path(sys.executable).with_name("cleanup"))
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory() as tmp:
        batch, out = Path(tmp) / "batch", Path(tmp) / "out"
        batch.mkdir()
        make_batch(batch, args.pages, sources)
        size = sum(p.stat().st_size for p in batch.iterdir()) / 1e6
        reflow, reflow_cpu = timed([cleanup, "reflow", str(batch), "-o", str(out), *jobs])
        review, review_cpu = timed([cleanup, "review", str(out), *jobs])
    print(f"{args.pages} pages ({size:.1f} MB): reflow {reflow:.2f}s (CPU {reflow_cpu:.1f}s), "
          f"review {review:.2f}s (CPU {review_cpu:.1f}s); review/reflow {review / reflow:.3f} "
          f"(CPU {review_cpu / reflow_cpu:.3f})")


if __name__ == "__main__":
    main()
