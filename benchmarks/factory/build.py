"""Make pages: compose, print on one sheet, extract, simulate, and write dumps and truth.

A set of pages is a folder:

    OUT/dumps/<stem>_<group>.txt       one dump per extractor (and `_sim`, the simulated one)
    OUT/truth/<stem>_<group>/NN.md     the page's truth, the same for every dump of the page
    OUT/recipe.json                    corpus seed, pool half, and each page's seed and bands
    OUT/spec.toml                      the spec the pages were drawn from
    OUT/pages/<stem>.html, .pdf        the printed page (with --keep-pages)
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import extract, html
from .compose import compose
from .draw import load_spec
from .pool import load_pool
from .simulate import simulate_page
from .stories import Source
from .truth import as_truth_items, write_truth

GROUPS = (*extract.GROUPS, "sim")


def page_seed(corpus_seed: int, half: str, index: int) -> int:
    return corpus_seed * 1_000_003 + (0 if half == "fit" else 500_000) + index


def fitting_bands(room: float, heights: list[float]) -> list[int]:
    """The bands kept, in order: each one that still fits the room; one at least.

    >>> fitting_bands(100, [40, 70, 30, 50])
    [0, 2]
    """
    keep, used = [], 0.0
    for index, height in enumerate(heights):
        if used + height <= room:
            keep.append(index)
            used += height
    return keep or [0]


def make_page(job: dict) -> dict:
    """One page from its job: fit it to one sheet, extract every group, return dumps and items."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    started = time.time()
    spec = job["spec"]
    source = Source(load_pool()["halves"][job["half"]], spec)
    keep = job.get("bands")
    with tempfile.TemporaryDirectory(prefix="factory-page-") as tmp:
        folder = Path(tmp)
        extract_groups = tuple(g for g in job["groups"] if g in extract.GROUPS)
        page = compose(job["seed"], spec, source, keep, job["index"])
        pdf = folder / "page.pdf"
        if keep is None and extract_groups:
            (folder / "measure.html").write_text(html.render(page, False, measure=True), encoding="utf-8")
            keep = fitting_bands(*extract.measure(folder / "measure.html"))
            page = compose(job["seed"], spec, source, keep, job["index"])
        while extract_groups:
            (folder / "page.html").write_text(html.render(page), encoding="utf-8")
            extract.print_pdf(folder / "page.html", pdf)
            if extract.page_count(pdf) == 1 or len(keep) <= 1:
                break
            keep = keep[:-1]
            page = compose(job["seed"], spec, source, keep, job["index"])
        printed_at = time.time()
        dumps = extract.extract_all(pdf, folder, extract_groups) if extract_groups else {}
        if "sim" in job["groups"]:
            dumps["sim"] = simulate_page(as_truth_items(page.items()), job["seed"], spec["sim"])
        if job.get("keep_pages") and extract_groups:
            pages = Path(job["out"]) / "pages"
            pages.mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / "page.html", pages / f"{job['stem']}.html")
            shutil.copy(pdf, pages / f"{job['stem']}.pdf")
    return {"stem": job["stem"], "seed": job["seed"], "bands": keep, "dumps": dumps,
            "items": page.items(), "seconds": round(time.time() - started, 1),
            "extract_seconds": round(time.time() - printed_at, 1)}


def write_page(out: Path, result: dict) -> None:
    """Dumps and truth of one page; each file is written whole, then renamed into place."""
    for group, data in result["dumps"].items():
        name = f"{result['stem']}_{group}"
        target = out / "dumps" / f"{name}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        os.replace(partial, target)
        write_truth(result["items"], out / "truth" / name, f"{name}.txt")


def make_set(out: Path, count: int, seed: int, half: str, prefix: str, jobs: int = 1,
             groups: tuple[str, ...] = GROUPS, spec_path: Path | None = None, keep_pages: bool = False,
             resume: bool = False, first: int = 1) -> dict:
    """Make `count` pages into `out`, recording the recipe; pages already recorded keep their bands.

    With `resume`, a recorded page whose dumps are all there is not made again. first: the number
    of the first page made (the later pages of a set, without making the earlier ones).
    """
    out.mkdir(parents=True, exist_ok=True)
    spec_file = out / "spec.toml"
    if spec_path is not None or not spec_file.exists():
        from .draw import SPEC_PATH

        shutil.copy(spec_path or SPEC_PATH, spec_file)
    spec = load_spec(spec_file)
    recipe_path = out / "recipe.json"
    recipe = json.loads(recipe_path.read_text()) if recipe_path.exists() else {}
    known = {p["stem"]: p for p in recipe.get("pages", [])}
    todo, done = [], []
    for index in range(first, count + 1):
        stem = f"{prefix}{index:03d}"
        job = {"stem": stem, "index": index, "seed": page_seed(seed, half, index), "half": half, "spec": spec,
               "groups": groups, "out": str(out), "keep_pages": keep_pages}
        if stem in known:
            job["bands"] = known[stem]["bands"]
            if resume and all((out / "dumps" / f"{stem}_{g}.txt").exists() for g in groups):
                done.append(known[stem])
                continue
        todo.append(job)
    # Recorded pages stay in the recipe while they are remade, so a stopped run leaves it whole.
    recipe = {"seed": seed, "half": half, "prefix": prefix, "count": count,
              "pages": [known[job["stem"]] for job in todo if job["stem"] in known] + done}
    started = time.time()
    with multiprocessing.get_context("spawn").Pool(max(1, jobs)) as workers:
        for result in workers.imap(make_page, todo):
            write_page(out, result)
            recipe["pages"] = [p for p in recipe["pages"] if p["stem"] != result["stem"]]
            recipe["pages"].append({"stem": result["stem"], "seed": result["seed"], "bands": result["bands"]})
            recipe["pages"].sort(key=lambda p: p["stem"])
            recipe_path.write_text(json.dumps(recipe, indent=1) + "\n")
            print(f"{result['stem']}: {len(result['items'])} items, {result['seconds']} s"
                  f" ({result['extract_seconds']} s extracting {'+'.join(result['dumps'])})", file=sys.stderr)
    recipe["seconds"] = round(time.time() - started)
    return recipe
