"""The `cleanup` command line: parses options, calls the API, prints. No rules live here."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Turn raw text of Chinese newspaper pages into clean Markdown, one file per article.")


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def reflow(
    inputs: Annotated[list[str], typer.Argument(help="Dump files, folders (their *.txt) or - for stdin.")],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="Output folder.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="'md' writes OUT/<page>/NN.md; 'jsonl' streams items to stdout.")] = "md",
    name: Annotated[str, typer.Option(help="Source name for stdin input.")] = "stdin.txt",
    stdin: Annotated[str, typer.Option("--stdin", help="What - reads: 'page' (one raw dump) or 'jsonl' (lines of {\"source\", \"text\"}).")] = "page",
    jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", min=1, help="Worker processes (default: all cores).")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="Force the input encoding (e.g. gb18030).")] = None,
    convert: Annotated[Optional[str], typer.Option(help="OpenCC conversion, e.g. t2s or s2t.")] = None,
) -> None:
    """Clean page dumps into one Markdown file per article.

    Example: cleanup reflow golden -o out   (writes out/<page>/01.md … and out/manifest.jsonl)
    """
    from . import batch
    from .model import Config
    from .output import OutBusy
    from .sink import Sink

    if fmt not in ("md", "jsonl"):
        raise typer.BadParameter("--format is md or jsonl")
    if stdin not in ("page", "jsonl"):
        raise typer.BadParameter("--stdin is page or jsonl")
    if fmt == "md" and out is None:
        raise typer.BadParameter("-o OUT is required unless --format jsonl")
    config = Config(encoding=encoding, convert=convert)
    started = time.perf_counter()
    if stdin == "jsonl":
        if inputs != ["-"]:
            raise typer.BadParameter("--stdin jsonl reads only standard input: give - alone")
        sources, errors = batch.read_records(sys.stdin.buffer), []
    else:
        sources, errors = batch.gather(inputs, name)
    for message in errors:
        _err(f"error: {message}")
    sink = None
    try:
        sink = Sink(out if fmt == "md" else None, sys.stdout.buffer, _err)
        sink.failed = len(errors)
        total = len(sources) if isinstance(sources, list) else None
        outcomes = batch.run(sources, config, jobs or batch.default_jobs(), stage_in=sink.out, render=sink.out is None)
        for outcome in _progress(outcomes, total):
            sink.take(outcome)
        sink.commit()
    except BrokenPipeError:  # the reader of a stream stopped early, as `head` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
        raise typer.Exit(141)
    except OutBusy as busy:
        _err(f"error: {out}: {busy}")
        raise typer.Exit(75)  # EX_TEMPFAIL: a script may try again later
    except OSError as error:
        # OUT (never a hidden temporary inside it) or stdout: the one place that could not be written
        _err(f"error: {out if fmt == 'md' else 'stdout'}: cannot write: {error.strerror or error}")
        if sink is not None:
            sink.abandon()
        _summary(sink, started)
        raise typer.Exit(1)
    except BaseException:
        if sink is not None:
            sink.abandon()
        raise
    _summary(sink, started)
    raise typer.Exit(1 if sink.failed else 0)


def _summary(sink, started: float) -> None:
    pages, items, warnings, failed = (sink.pages, sink.items, sink.warnings, sink.failed) if sink else (0, 0, 0, 0)
    _err(f"{pages} pages, {items} items, {warnings} warnings, {failed} failed, {time.perf_counter() - started:.2f}s")


def _progress(outcomes, total: int | None):
    """A progress bar counting pages, on a terminal for batches and streams; nothing in pipes."""
    if (total is not None and total < 2) or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("pages", total=total)
        for outcome in outcomes:
            yield outcome
            bar.advance(task)


from . import commands  # noqa: E402,F401  (registers check, explain, rules)
