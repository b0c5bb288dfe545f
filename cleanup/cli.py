"""The `cleanup` command line: parses options, calls the API, prints. No rules live here."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import batch, output
from .model import Config

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
    encoding: Annotated[Optional[str], typer.Option(help="Force the input encoding (e.g. gb18030).")] = None,
    convert: Annotated[Optional[str], typer.Option(help="OpenCC conversion, e.g. t2s or s2t.")] = None,
) -> None:
    """Clean page dumps into one Markdown file per article.

    Example: cleanup reflow golden -o out   (writes out/<page>/01.md … and out/manifest.jsonl)
    """
    if fmt not in ("md", "jsonl"):
        raise typer.BadParameter("--format is md or jsonl")
    if fmt == "md" and out is None:
        raise typer.BadParameter("-o OUT is required unless --format jsonl")
    config = Config(encoding=encoding, convert=convert)
    started = time.perf_counter()
    sources, errors = batch.gather(inputs, name)
    for message in errors:
        _err(f"error: {message}")
    failed, pages, items, warnings = len(errors), 0, 0, 0
    seen: dict[str, str] = {}
    manifest = None
    try:
        if fmt == "md":
            manifest = output.Manifest(out)
        for outcome in _progress(batch.run(sources, config), len(sources)):
            label = outcome.source.path or outcome.source.name or "-"
            if outcome.error:
                _err(f"error: {label}: {outcome.error}")
                failed += 1
                continue
            page = outcome.page
            try:
                stem = output.safe_stem(page.source)
            except ValueError as error:
                _err(f"error: {label}: {error}")
                failed += 1
                continue
            key = stem.casefold()  # Page and page are one folder on macOS and Windows
            if key in seen:
                _err(f"error: {label}: same name as {seen[key]}; not written (rename one of them)")
                failed += 1
                continue
            seen[key] = str(label)
            if fmt == "jsonl":
                for index, item in enumerate(page.items, 1):
                    typer.echo(json.dumps(output.item_record(page, index, item), ensure_ascii=False))
            else:
                try:
                    output.write_page(out, stem, page)
                except OSError as error:  # this page only (a clash, a name too long); OUT itself was writable
                    _err(f"error: {label}: cannot write {error.filename or out / stem}: {error.strerror or error}")
                    failed += 1
                    continue
                manifest.add(output.manifest_lines(page, stem))
            pages += 1
            items += len(page.items)
            warnings += len(page.warnings) + sum(len(i.warnings) for i in page.items)
        if manifest is not None:
            manifest.commit()
    except OSError as error:
        _err(f"error: {error.filename or out or 'stdout'}: cannot write: {error.strerror or error}")
        if manifest is not None:
            manifest.abandon()
        raise typer.Exit(1)
    except BaseException:
        if manifest is not None:
            manifest.abandon()
        raise
    seconds = time.perf_counter() - started
    _err(f"{pages} pages, {items} items, {warnings} warnings, {failed} failed, {seconds:.2f}s")
    raise typer.Exit(1 if failed else 0)


def _progress(outcomes, total: int):
    """A progress bar on a terminal for batches; nothing in pipes."""
    if total < 2 or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("pages", total=total)
        for outcome in outcomes:
            yield outcome
            bar.advance(task)


from . import commands  # noqa: E402,F401  (registers check, explain, rules)
