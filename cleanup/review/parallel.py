"""Review pages written by worker processes, a bounded window of pages ahead of the reading."""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .build import Summary, _write_pages

CHUNK = 16  # pages a task: enough to outweigh sending it, few enough to keep workers even
AHEAD = 2  # tasks in flight per worker: memory stays bounded whatever the batch

_STATE: dict = {}


def write_pages(pages: Iterable[tuple], out: Path, staging: Path, descriptions: dict[str, str],
                jobs: int) -> Iterator[Summary]:
    """What build._write_pages does, in `jobs` processes; summaries in the pages' order."""
    # fork where there is one: a worker then starts with the templates and rule descriptions loaded,
    # in a few milliseconds (this process runs no thread to copy); elsewhere spawn, as cleanup.parallel
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux" else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(out, staging, descriptions))
    try:
        window: deque = deque()
        todo = iter(pages)
        while True:
            while len(window) < jobs * AHEAD and (chunk := list(_take(todo, CHUNK))):
                window.append(pool.submit(_write_chunk, chunk))
            if not window:
                return
            yield from window.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _take(items: Iterator, count: int) -> Iterator:
    for _ in range(count):
        item = next(items, None)
        if item is None:
            return
        yield item


def _start(out: Path, staging: Path, descriptions: dict[str, str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _STATE.update(out=out, staging=staging, descriptions=descriptions)


def _write_chunk(chunk: list[tuple]) -> list[Summary]:
    return list(_write_pages(chunk, _STATE["out"], _STATE["staging"], _STATE["descriptions"]))
