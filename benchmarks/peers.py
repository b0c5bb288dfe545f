"""Throughput of `cleanup reflow` (one job and all cores) beside two peers, on the same text.

    .venv/bin/pip install '.[bench]'        # autocorrect-py; OpenCC is already a dependency
    .venv/bin/python benchmarks/peers.py [--mb 20] [--jobs N] [--repeat 3] [--tmp DIR] [DUMP_DIR ...]

The sample is the golden pages plus any folders given (e.g. the dev set's dumps), repeated
until it holds at least --mb megabytes, written once as files into a temporary folder. On it:

- `cleanup reflow SAMPLE -o OUT --jobs 1` and `--jobs N` (default: all cores), run as the
  installed command, wall clock, writing every file and the manifest; then the same with
  `--format jsonl` into /dev/null (no files to create: on a slow file system the difference
  is the cost of creating files); with the main process's peak memory;
- autocorrect-py's `format` (CJK/Latin spacing and punctuation width only), one core, in process;
- OpenCC's `t2s` conversion (what `--convert t2s` adds), one core, in process;
- `cleanup --help`, the best of five starts.

Peers get the decoded text, so their figures leave out reading, decoding and writing.
MB are megabytes of dump bytes. Each figure is the best of --repeat runs; beside each
`cleanup` run are its CPU seconds (workers included) and the load average before and after,
so a run disturbed by other programs shows. Run by hand on a quiet machine; no test times it.
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


def line(label: str, pages: int, size: int, seconds: float, note: str = "", cpu: float = 0.0) -> tuple[float, float]:
    """Prints and returns MB/s of wall clock, and MB per CPU second (when cpu is given)."""
    rate = size / 1e6 / seconds
    print(f"{label:<40} {pages / seconds:7.0f} pages/s {rate:7.2f} MB/s  ({seconds:.2f}s{note})")
    return rate, size / 1e6 / cpu if cpu else rate


def time_cli(sample_dir: Path, out: Path | None, jobs: int, repeat: int) -> tuple[float, str, float]:
    """Best wall clock of `repeat` `cleanup reflow` runs; its CPU time (workers included),
    the load average around it and the peak memory of the main process."""
    best = None
    for run in range(repeat):
        # Each run writes a fresh folder; all are removed with the sample at the end. Creating
        # files where thousands were just deleted can cost several times the system time (ext4
        # mounted with discard, on the VM this was measured on), and only the runs that came
        # after a deletion paid it: the first --jobs 1 run never did, every --jobs N run did.
        target = ["-o", str(out.with_name(f"{out.name}-{jobs}-{run}"))] if out else ["--format", "jsonl"]
        load = os.getloadavg()[0]
        started = time.perf_counter()
        process = subprocess.Popen([CLEANUP, "reflow", str(sample_dir), *target, "--jobs", str(jobs)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"cleanup reflow failed with exit {os.waitstatus_to_exitcode(status)}")
        note = (f", cpu {usage.ru_utime + usage.ru_stime:.1f}s, load {load:.1f}->{os.getloadavg()[0]:.1f}"
                f", main process peak {usage.ru_maxrss / 1024:.0f} MB")
        if best is None or seconds < best[0]:
            best = (seconds, note, usage.ru_utime + usage.ru_stime)
    return best


def time_each(function, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is shown")
    parser.add_argument("--tmp", type=Path, default=None, help="where to write the sample and output")
    args = parser.parse_args()
    import autocorrect_py
    import opencc

    with tempfile.TemporaryDirectory(prefix="cleanup-bench-", dir=args.tmp) as temp:
        sample_dir, out = Path(temp) / "sample", Path(temp) / "out"
        sample_dir.mkdir()
        sample = build_sample([ROOT / "golden", *args.folders], args.mb, sample_dir)
        pages, size = len(sample), sum(len(raw) for _, raw in sample)
        texts = [decode(raw).text for _, raw in sample]
        print(f"sample: {pages} pages, {size / 1e6:.1f} MB in {temp}; {default_jobs()} cores; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        one = line("cleanup reflow -o OUT --jobs 1", pages, size, *time_cli(sample_dir, out, 1, args.repeat))
        many = line(f"cleanup reflow -o OUT --jobs {args.jobs}", pages, size, *time_cli(sample_dir, out, args.jobs, args.repeat))
        one_stream = line("cleanup reflow --format jsonl --jobs 1", pages, size, *time_cli(sample_dir, None, 1, args.repeat))
        many_stream = line(f"cleanup reflow --format jsonl --jobs {args.jobs}", pages, size,
                           *time_cli(sample_dir, None, args.jobs, args.repeat))
        peer = line("autocorrect-py format (1 core)", pages, size, time_each(autocorrect_py.format, texts, args.repeat))
        converter = opencc.OpenCC("t2s.json")
        line("OpenCC t2s convert (1 core)", pages, size, time_each(converter.convert, texts, args.repeat))
    starts = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([CLEANUP, "--help"], check=True, stdout=subprocess.DEVNULL)
        starts.append(time.perf_counter() - started)
    print(f"cleanup --help: {min(starts):.3f}s (best of 5)")
    print(f"one core vs autocorrect-py: {one[0] / peer[0]:.2f}x with files, {one_stream[0] / peer[0]:.2f}x "
          f"as a stream (target >= 2)")
    print(f"parallel efficiency at {args.jobs} jobs: {many[0] / one[0] / args.jobs:.0%} with files, "
          f"{many_stream[0] / one_stream[0] / args.jobs:.0%} as a stream (target >= 85%); "
          f"load average after: {os.getloadavg()[0]:.2f}")
    # on a busy machine wall clock depends on the others; CPU seconds much less so
    print(f"by CPU seconds: work done at {args.jobs} jobs per work at 1 job: {many[1] / one[1]:.0%} with files, "
          f"{many_stream[1] / one_stream[1]:.0%} as a stream (the efficiency with {args.jobs} free cores, at best)")


if __name__ == "__main__":
    main()
