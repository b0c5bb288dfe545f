"""Command line of the page factory; see benchmarks/factory/__init__.py and tests/corpus/README.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build, pool

CORPUS_SPLITS = (("fit", "f"), ("check", "c"))
SLOW_GROUPS = ("ocr", "paddle")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, default=1, help="pages made at once (at most 2 on a shared machine)")
    parser.add_argument("--only", nargs="+", choices=build.GROUPS, help="remake only these dump groups")
    parser.add_argument("--spec", type=Path, help="a spec other than the one recorded in OUT (or the default)")
    parser.add_argument("--resume", action="store_true", help="skip recorded pages whose dumps are all there")
    parser.add_argument("--first", type=int, default=1, help="the number of the first page made")


def pages_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.factory", description="Make N pages into OUT.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--half", choices=("fit", "check"), default="fit", help="which half of the text pool")
    parser.add_argument("--keep-pages", action="store_true", help="also keep each page's HTML and PDF")
    _common(parser)
    args = parser.parse_args(argv)
    build.make_set(args.out, args.pages, args.seed, args.half, "p", args.jobs, tuple(args.only or build.GROUPS),
                   args.spec, args.keep_pages, args.resume, args.first)
    return 0


def corpus_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.factory corpus",
                                     description="Make the fit and check splits (fit pages use one half of the pool, check pages the other).")
    parser.add_argument("out", type=Path, nargs="?", default=Path("tests/corpus"))
    parser.add_argument("--fit", type=int, default=864)
    parser.add_argument("--check", type=int, default=24)
    parser.add_argument("--seed", type=int, default=12)
    _common(parser)
    args = parser.parse_args(argv)
    groups = tuple(args.only or build.GROUPS)
    # The quick groups of every page first, then the OCR engines (minutes a page), which reuse
    # the recorded bands: a long run leaves a usable corpus early and can be resumed.
    passes = [tuple(g for g in groups if g not in SLOW_GROUPS), tuple(g for g in groups if g in SLOW_GROUPS)]
    for pass_groups in (p for p in passes if p):
        for half, prefix in CORPUS_SPLITS:
            count = args.fit if half == "fit" else args.check
            if not count:
                continue
            recipe = build.make_set(args.out / half, count, args.seed, half, prefix, args.jobs, pass_groups,
                                    args.spec, False, args.resume, args.first)
            print(f"{half}: {len(recipe['pages'])} pages, {'+'.join(pass_groups)} in {recipe['seconds']} s",
                  file=sys.stderr)
    return 0


def pool_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.factory pool",
                                     description="Rebuild texts.json from the golden and dev-set truth.")
    parser.add_argument("--golden", type=Path, default=Path("golden"))
    parser.add_argument("--devset", type=Path, default=Path("../shared/devset/truth"))
    args = parser.parse_args(argv)
    pool.write_pool(pool.build_pool(args.golden, args.devset))
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["corpus"]:
        return corpus_main(argv[1:])
    if argv[:1] == ["pool"]:
        return pool_main(argv[1:])
    return pages_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
