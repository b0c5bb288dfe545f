"""Cleaning pages in worker processes, a bounded window ahead, results in input order."""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .batch import Outcome, Source, discard, read, run_one
from .model import Config

AHEAD = 4  # pages in flight per worker: keeps workers busy, bounds memory
DIED = "worker process died on this page (out of memory?)"


def run_parallel(sources: Iterable[Source | Outcome], config: Config, jobs: int,
                 work=run_one) -> Iterator[Outcome]:
    """What `work(source, config)` gives for each source, in input order, run in `jobs` processes.

    A worker that dies (killed for memory, a crash in a C library) fails only its own page:
    the pages in flight with it are run again one at a time, and the one that kills a worker
    alone is reported. Outcomes among the sources pass through in their place.
    """
    pool = _pool(jobs)
    window: deque[tuple[Source | Outcome, tuple, Future | None]] = deque()
    todo = iter(sources)
    try:
        while True:
            while len(window) < jobs * AHEAD and (source := next(todo, None)) is not None:
                window.append(_submit(pool, work, source, config))
            if not window:
                return
            source, args, future = window[0]  # left in the window until done, for `finally`
            if future is None:
                yield window.popleft()[0]
                continue
            try:
                outcome = future.result()
                window.popleft()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(jobs)
            except Exception as error:  # e.g. a result too big to send back
                window.popleft()
                yield Outcome(source, error=f"worker failed ({type(error).__name__}: {error})")
                continue
            else:
                yield outcome
                continue
            while window:  # run again, one at a time, what was in flight when a worker died
                source, args, future = window[0]
                if future is not None and not _succeeded(future):
                    future = pool.submit(work, *args)
                    window[0] = (source, args, future)
                    try:
                        future.result()
                    except BrokenProcessPool:  # it died alone: this page is the cause
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = _pool(jobs)
                        window.popleft()
                        yield Outcome(source, error=DIED)
                        continue
                window.popleft()
                yield source if future is None else future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for _, _, future in window:  # stopped early: pages written ahead are not placed
            if future is not None and _succeeded(future):
                discard(future.result())


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _pool(jobs: int) -> ProcessPoolExecutor:
    # spawn: workers start clean on every OS, whatever threads this process runs
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))


def _submit(pool, work, source: Source | Outcome, config: Config) -> tuple:
    if isinstance(source, Outcome):
        return source, (), None
    if source.path is None and source.text is None:  # standard input is read here, once
        args = (source, config, read(source))
    else:
        args = (source, config)
    return source, args, pool.submit(work, *args)
