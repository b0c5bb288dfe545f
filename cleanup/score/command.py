"""The `cleanup score` command: parses, checks the extra is installed, scores, prints."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli import _err, app

NEEDED = {"numpy": "numpy", "scipy": "scipy", "yaml": "PyYAML"}  # module: the package that installs it


@app.command()
def score(
    truth: Annotated[Path, typer.Argument(metavar="TRUTH", help="Folder of <stem>/NN.md: the items as they should be.", show_default=False)],
    out: Annotated[Path, typer.Argument(metavar="OUT", help="Folder of <stem>/NN.md to score, as `cleanup reflow -o OUT` writes.", show_default=False)],
    dumps: Annotated[Optional[Path], typer.Option("--dumps", help="Folder of the <stem>.txt dumps: adds each dump's own floor.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Every figure for every page, group and overall, as JSON.")] = False,
    by_group: Annotated[bool, typer.Option("--by-group", help="A row per group (the stem's part after its last _, sim for sim*) instead of per page.")] = False,
) -> None:
    """Score items against hand-corrected truth: how far to trust the rest of a batch.

    Every page folder in TRUTH is compared with the folder of the same name in OUT (an absent
    one counts as nothing predicted; OUT's other folders are not scored). Items are paired by
    content, not file number. The table has a row per page (or per group with --by-group) and an
    overall row; a legend under it says what each column means. Needs the `score` extra:
    pip install 'zh-newspaper-cleanup[score]'.

    Exit 0 when scored; 1 when a file cannot be read (each one named); 2 for a wrong command
    line, a missing folder or a folder without <stem>/ page folders.

    Example: cleanup score truth out --dumps dumps --by-group
    """
    missing = [package for module, package in NEEDED.items() if not _importable(module)]
    if missing:
        _err(f"error: cleanup score needs {', '.join(missing)}: pip install 'zh-newspaper-cleanup[score]'")
        raise typer.Exit(2)
    from .folders import ScoreInputError, score_folders
    from .report import as_json as to_json, table

    started = time.perf_counter()
    try:
        scores = score_folders(truth, out, dumps)
    except ScoreInputError as error:
        for message in error.messages:
            _err(f"error: {message}")
        raise typer.Exit(error.exit_code)
    typer.echo(json.dumps(to_json(scores), ensure_ascii=False, indent=1) if as_json else table(scores, by_group))
    unscored = f"; {scores.unscored} page folder(s) of OUT have no truth and were not scored" if scores.unscored else ""
    _err(f"scored {len(scores.pages)} pages in {time.perf_counter() - started:.2f}s{unscored}")


def _importable(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None
