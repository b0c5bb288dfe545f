"""`cleanup check`, `cleanup explain` and `cleanup rules`."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli import _Command, _err, app, check_decoding_options, usage_error
from .model import Config
from .rulebook import REGISTRY, find


def compare_page(dump: Path) -> list[str]:
    """Differences between what the tool writes for a dump and its expected folder."""
    from . import output, pipeline

    expected_dir = dump.with_suffix("")
    page = pipeline.clean(dump.read_bytes(), dump.name)
    have = output.page_files(page)
    want = {p.name: p.read_text(encoding="utf-8") for p in sorted(expected_dir.glob("*.md"))}
    problems = [f"{dump.stem}/{n}: missing (expected, not written)" for n in sorted(want.keys() - have.keys())]
    problems += [f"{dump.stem}/{n}: extra (written, not expected)" for n in sorted(have.keys() - want.keys())]
    for n in sorted(want.keys() & have.keys()):
        if want[n] != have[n]:
            diff = difflib.unified_diff(want[n].splitlines(), have[n].splitlines(),
                                        f"expected/{dump.stem}/{n}", f"written/{dump.stem}/{n}", lineterm="")
            problems.append("\n".join(diff))
    return problems


@app.command(cls=_Command)
def check(
    golden: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder of PAGE.txt dumps with expected PAGE/NN.md.")],
    update: Annotated[bool, typer.Option(help="Rewrite the expected files (only after reviewing the diff).")] = False,
) -> None:
    """Compare the tool's output with reviewed expected output; exit 1 on any difference.

    Example: cleanup check golden
    """
    from . import output, pipeline  # here, not at the top: `cleanup --help` need not load the rules

    dumps = sorted(golden.glob("*.txt"))
    if not dumps:
        _err(f"error: {golden}: no *.txt dumps")
        raise typer.Exit(1)
    differing = 0
    for dump in dumps:
        if update:
            try:  # replaces a page folder whole, and never a folder holding anything else
                output.write_page(golden, dump.stem, pipeline.clean(dump.read_bytes(), dump.name))
            except OSError as error:
                _err(f"error: {golden / dump.stem}: {error.strerror or error}")
                differing += 1
            continue
        problems = compare_page(dump)
        differing += bool(problems)
        typer.echo(f"{'ok  ' if not problems else 'DIFF'} {dump.name}")
        for problem in problems:
            typer.echo(problem)
    if update:
        _err(f"rewrote {len(dumps) - differing} pages: review with `git diff {golden}` against the dumps")
    raise typer.Exit(1 if differing else 0)


@app.command(cls=_Command)
def explain(
    page: Annotated[Path, typer.Argument(metavar="PAGE", help="One page dump.")],
    rule: Annotated[Optional[str], typer.Option("--rule", metavar="CODE", help="Only rules whose code starts with this (SP, PU01).")] = None,
    lines: Annotated[Optional[str], typer.Option("--lines", metavar="A-B", help="Only changes touching dump lines A-B.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per change.")] = False,
    encoding: Annotated[Optional[str], typer.Option(metavar="ENC", help="Force the input encoding (e.g. gb18030).")] = None,
    convert: Annotated[Optional[str], typer.Option(metavar="CONF", help="OpenCC conversion, e.g. t2s or s2t.")] = None,
) -> None:
    """Show which rule changed what, with the dump's line numbers.

    Example: cleanup explain golden/000_d20242aeae1e2cd8.txt --rule SP --lines 1-40
    """
    from . import batch  # here, not at the top: `cleanup --help` need not load the rules

    check_decoding_options(encoding, convert)
    lo, hi = _span(lines)
    # the same reading and checks as `reflow`, so a page fails here as it fails there
    outcome = batch.run_one(batch.Source(page.name, page), Config(encoding=encoding, convert=convert, trace=True))
    if outcome.error:
        _err(f"error: {page}: {outcome.error}")
        raise typer.Exit(1)
    for step in outcome.page.steps:
        if rule and not step.code.startswith(rule.upper()):
            continue
        if step.last < lo or step.first > hi:
            continue
        if as_json:
            typer.echo(json.dumps({"code": step.code, "name": step.name, "lines": [step.first, step.last],
                                   "before": step.before, "after": step.after}, ensure_ascii=False))
        else:
            where = f"{step.first}" if step.first == step.last else f"{step.first}-{step.last}"
            typer.echo(f"{step.code} {step.name}  line {where}\n  - {step.before}\n  + {step.after}")


def _span(lines: str | None) -> tuple[int, int]:
    if not lines:
        return 0, 10**12
    try:
        a, _, b = lines.partition("-")
        return int(a), int(b or a)
    except ValueError:
        raise usage_error("--lines", f"A-B, e.g. 10-40, not {lines!r}")


@app.command(cls=_Command)
def rules(code: Annotated[Optional[str], typer.Argument(metavar="CODE", help="A rule or warning code, or a prefix (SP01, PU, AS01).")] = None) -> None:
    """List the rules in pipeline order, or print one rule's documentation.

    Example: cleanup rules SP02
    """
    from . import lexicon, pipeline  # here, not at the top: `cleanup --help` need not load the rules

    ordered = [REGISTRY[c] for stage in pipeline.STAGE_LISTS for c in stage]
    if code is None:
        for r in ordered:
            typer.echo(f"{r.code}  {r.name:<38} {r.summary}")
        typer.echo("\nCodes of warnings and explain steps:")
        for c, entry in lexicon.codes().items():
            typer.echo(f"{c}  {entry['name']:<38} {entry['summary']}")
        return
    wanted = code.upper()
    matches = [(r.code, r.name, r.summary) for r in find(code)]
    notes = {c: e for c, e in lexicon.codes().items() if c.startswith(wanted) or e["name"].upper().startswith(wanted)}
    matches += [(c, e["name"], e["summary"]) for c, e in notes.items()]
    if not matches:
        _err(f"error: no rule or warning code {code}")
        raise typer.Exit(1)
    if len(matches) > 1:
        for c, name, summary in matches:
            typer.echo(f"{c}  {name:<38} {summary}")
        return
    if notes:
        [(c, entry)] = notes.items()
        typer.echo(f"{c} {entry['name']} ({entry.get('kind', 'warning')})\n\n{entry['summary']}\n\n{entry['doc']}")
        return
    r = REGISTRY[matches[0][0]]
    typer.echo(f"{r.code} {r.name} ({r.stage}{', roles: ' + ', '.join(sorted(r.scope)) if r.scope else ''})\n")
    typer.echo(r.doc)
