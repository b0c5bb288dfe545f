"""The `cleanup` command line: parses options, calls the API, prints. No rules live here."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from typer.core import TyperArgument, TyperCommand


class _PlainArgument(TyperArgument):
    """An argument shown as users write it: no Python type (<list[str]>), no {braces}."""

    def display_type(self, ctx) -> str:
        return ""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def _rich_display_name(self) -> str:
        return self._usage_display_name()


class _Command(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _PlainArgument


app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def usage_error(option: str, message: str) -> typer.Exit:
    """A wrong command line: one line on stderr, exit 2, nothing read or written."""
    _err(f"error: {option}: {message}")
    return typer.Exit(2)


def check_decoding_options(encoding: str | None, convert: str | None) -> None:
    from .options import conversion_problem, encoding_problem

    if problem := encoding_problem(encoding):
        raise usage_error("--encoding", problem)
    if problem := conversion_problem(convert):
        raise usage_error("--convert", problem)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"cleanup {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn raw text of Chinese newspaper pages into clean Markdown, one file per article."""


@app.command(cls=_Command)
def reflow(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", show_default=False,
                                                help="Dump files, folders (their .txt files, any case) or - for stdin.")],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", metavar="OUT", help="Output folder (with --format md).")] = None,
    fmt: Annotated[str, typer.Option("--format", metavar="md|jsonl", help="'md' writes OUT/<page>/NN.md; 'jsonl' streams items to stdout.")] = "md",
    name: Annotated[str, typer.Option(metavar="NAME", help="Source name for stdin input.")] = "stdin.txt",
    stdin: Annotated[str, typer.Option("--stdin", metavar="page|jsonl", help="What - reads: 'page' (one raw dump) or 'jsonl' (lines of {\"source\", \"text\"}).")] = "page",
    jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", metavar="N", min=1, help=(
        "Worker processes, at most 4 per usable core and one per page (default: every usable core, "
        "for a batch of 2 MB or more; one process below)."))] = None,
    encoding: Annotated[Optional[str], typer.Option(metavar="ENC", help="Force the input encoding (e.g. gb18030).")] = None,
    convert: Annotated[Optional[str], typer.Option(metavar="CONF", help="OpenCC conversion, e.g. t2s or s2t.")] = None,
) -> None:
    """Clean page dumps into one Markdown file per article.

    Example: cleanup reflow golden -o out   (writes out/<page>/01.md … and out/manifest.jsonl)
    """
    from . import batch
    from .model import Config
    from .output import OutBusy
    from .sink import Sink

    if fmt not in ("md", "jsonl"):
        raise usage_error("--format", f"md or jsonl, not {fmt!r}")
    if stdin not in ("page", "jsonl"):
        raise usage_error("--stdin", f"page or jsonl, not {stdin!r}")
    if fmt == "md" and out is None:
        raise usage_error("-o", "an output folder is needed (or --format jsonl, to stdout)")
    if fmt == "jsonl" and out is not None:
        raise usage_error("-o", "--format jsonl writes to standard output, not to a folder (redirect it: > items.jsonl)")
    if stdin == "jsonl" and inputs != ["-"]:
        raise usage_error("--stdin", "jsonl reads only standard input: give - alone")
    check_decoding_options(encoding, convert)
    config = Config(encoding=encoding, convert=convert)
    started = time.perf_counter()
    if stdin == "jsonl":
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
        size = batch.batch_size(sources) if isinstance(sources, list) else None
        workers = batch.worker_count(jobs, total, size)
        if total is None and jobs is None:  # a stream: workers only once enough has come to pay for them
            outcomes = batch.run_stream(sources, config, workers, stage_in=sink.out, render=sink.out is None)
        else:
            outcomes = batch.run(sources, config, workers, stage_in=sink.out, render=sink.out is None)
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
        # OUT refused at the start: every input failed (a stream's are not counted: not read)
        _summary(sink, started, len(errors) + (len(sources) if isinstance(sources, list) else 0))
        raise typer.Exit(1)
    except BaseException:
        if sink is not None:
            sink.abandon()
        raise
    _summary(sink, started)
    raise typer.Exit(1 if sink.failed else 0)


def _summary(sink, started: float, failed_without_sink: int = 0) -> None:
    pages, items, warnings, failed = ((sink.pages, sink.items, sink.warnings, sink.failed) if sink
                                      else (0, 0, 0, failed_without_sink))
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

from .score import command as _score_command  # noqa: E402,F401  (registers score)
