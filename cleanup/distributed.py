"""`cleanup reflow` past one machine: a Dask bag over file paths, the same per-page function.

    pip install '.[dask]'        # in a clone; the distribution is zh-newspaper-cleanup[dask]

    from cleanup.distributed import reflow
    sink = reflow(["dumps/2024-05", "extra/page.txt"], "out")   # files and folders, as the CLI
    print(sink.pages, sink.failed)

Each worker reads its pages' bytes from their paths (so the paths must be readable where the
workers run: a shared or network file system) and runs `batch.run_one` on them, exactly what
`cleanup reflow` runs; the outcomes come back to this process partition by partition, in input
order, and are written by the same `Sink` as the command line: OUT/<stem>/NN.md and
OUT/manifest.jsonl, byte for byte what `cleanup reflow` writes. With `write_on_workers=True`
the workers also write each page's files into a temporary folder in OUT, and this process only
renames them into place: use it when OUT is the same shared folder, at the same path, for the
workers and for this process. Keyword arguments go to `dask.compute`, e.g.
`scheduler="processes"`; with a `distributed.Client` open, that client is used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import dask
import dask.bag as db

from .batch import Outcome, Source, gather, run_one
from .model import Config
from .sink import Sink

PAGES_PER_PARTITION = 8
PARTITIONS_AHEAD = 16  # partitions computed at once: what this process holds, at most


def page_bag(sources: list[Source], config: Config = Config(), stage_in: Path | None = None) -> db.Bag:
    """One Outcome per source, in order: the page's bytes are read and cleaned on a worker
    (and its files staged in `stage_in`, when given)."""
    partitions = max(1, -(-len(sources) // PAGES_PER_PARTITION))
    return db.from_sequence(sources, npartitions=partitions).map(run_one, config, stage_in=stage_in)


def outcomes(bag: db.Bag, **compute: object) -> Iterator[Outcome]:
    """The bag's items in order, a window of partitions at a time, so memory stays bounded."""
    parts = bag.to_delayed()
    for start in range(0, len(parts), PARTITIONS_AHEAD):
        for part in dask.compute(*parts[start:start + PARTITIONS_AHEAD], **compute):
            yield from part


def reflow(inputs: Iterable[str | Path], out: str | Path, config: Config = Config(),
           report: Callable[[str], None] | None = None, write_on_workers: bool = False,
           **compute: object) -> Sink:
    """Clean dump files and folders into OUT as `cleanup reflow INPUTS -o OUT` does.

    Failures are reported one line each (to stderr unless `report` is given) and counted in
    the returned sink's `failed`; the other pages are still written. OUT is held as the command
    line holds it: `output.OutBusy` is raised, before any page is cleaned, while another run
    writes there.
    """
    report = report or (lambda line: print(line, file=sys.stderr))
    names = [str(path) for path in inputs]
    sources, errors = gather([name for name in names if name != "-"], "stdin.txt")
    errors += ["-: standard input cannot be sent to workers; pass file paths"] * names.count("-")
    out = Path(out).absolute()
    sink = Sink(out, None, report)
    for message in errors:
        report(f"error: {message}")
    sink.failed = len(errors)
    try:
        if sources:
            bag = page_bag(sources, config, out if write_on_workers else None)
            for outcome in outcomes(bag, **compute):
                sink.take(outcome)
        sink.commit()
    except BaseException:
        sink.abandon()
        raise
    return sink
