"""Throughput of `cleanup reflow` (one job and all cores) beside two peers, on the same text.

    pip install '.[bench]'        # autocorrect-py; OpenCC is already a dependency
    python benchmarks/peers.py [--mb 20] [--jobs N] [DUMP_DIR ...]

The sample is the golden pages plus any folders given (e.g. the dev set's dumps), repeated
until it holds at least --mb megabytes, written once as files into a temporary folder. On it:

- `cleanup reflow SAMPLE -o OUT --jobs 1` and `--jobs N` (default: all cores), run as the
  installed command, wall clock, writing every file and the manifest;
- autocorrect-py's `format` (CJK/Latin spacing and punctuation width only), one core, in process;
- OpenCC's `t2s` conversion (what `--convert t2s` adds), one core, in process;
- `cleanup --help`, the best of five starts.

Peers get the decoded text, so their figures leave out reading, decoding and writing.
MB are megabytes of dump bytes. Run by hand on a quiet machine; no test times it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleanup.batch import default_jobs
from cleanup.decode import decode

ROOT = Path(__file__).resolve().parent.parent
CLEANUP = shutil.which("cleanup", path=str(Path(sys.executable).parent)) or "cleanup"


def build_sample(folders: list[Path], megabytes: float, into: Path) -> list[tuple[str, bytes]]:
    pages = [(p.name, p.read_bytes()) for folder in folders for p in sorted(folder.glob("*.txt"))]
    size = sum(len(raw) for _, raw in pages)
    rounds = max(1, int(megabytes * 1e6 // size) + 1)
    sample = [(f"r{n:04d}_{name}", raw) for n in range(rounds) for name, raw in pages]
    for name, raw in sample:
        (into / name).write_bytes(raw)
    return sample


def line(label: str, pages: int, size: int, seconds: float) -> float:
    rate = size / 1e6 / seconds
    print(f"{label:<34} {pages / seconds:8.0f} pages/s {rate:7.2f} MB/s  ({seconds:.2f}s)")
    return rate


def time_cli(sample_dir: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([CLEANUP, "reflow", str(sample_dir), "-o", str(out), "--jobs", str(jobs)],
                   check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def time_each(function, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    args = parser.parse_args()
    import autocorrect_py
    import opencc

    with tempfile.TemporaryDirectory(prefix="cleanup-bench-") as temp:
        sample_dir, out = Path(temp) / "sample", Path(temp) / "out"
        sample_dir.mkdir()
        sample = build_sample([ROOT / "golden", *args.folders], args.mb, sample_dir)
        pages, size = len(sample), sum(len(raw) for _, raw in sample)
        texts = [decode(raw).text for _, raw in sample]
        print(f"sample: {pages} pages, {size / 1e6:.1f} MB; {default_jobs()} cores; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        one = line("cleanup reflow --jobs 1", pages, size, time_cli(sample_dir, out, 1))
        many = line(f"cleanup reflow --jobs {args.jobs}", pages, size, time_cli(sample_dir, out, args.jobs))
        peer = line("autocorrect-py format (1 core)", pages, size, time_each(autocorrect_py.format, texts))
        converter = opencc.OpenCC("t2s.json")
        line("OpenCC t2s convert (1 core)", pages, size, time_each(converter.convert, texts))
    starts = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([CLEANUP, "--help"], check=True, stdout=subprocess.DEVNULL)
        starts.append(time.perf_counter() - started)
    print(f"cleanup --help: {min(starts):.3f}s (best of 5)")
    print(f"one core vs autocorrect-py: {one / peer:.2f}x (target >= 2); "
          f"parallel efficiency at {args.jobs} jobs: {many / one / args.jobs:.0%} (target >= 85%); "
          f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
