"""The text pool: every story of the golden pages and the dev-set truth, once, in two halves.

    python -m benchmarks.factory pool [--golden golden] [--devset ../shared/devset/truth]

reads the truth files and writes `texts.json` beside this module. The factory composes only
from that file, so a clone without ../shared regenerates the same corpus. A story printed on
several dev pages (the same article cut differently) is one family; families, not items, are
dealt to the `fit` and `check` halves, so no check story's words are seen while fitting.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

POOL_PATH = Path(__file__).with_name("texts.json")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SHINGLE = 12


def parse_truth(text: str) -> dict:
    """One FORMAT.md file -> {kind, column, title, subtitle, byline, credit, blocks: [[role, text]]}."""
    head, _, body = text[4:].partition("\n---\n\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = _unquote(value)
    blocks = [b for b in body.rstrip("\n").split("\n\n") if b]
    record = {k: meta.get(k, "") for k in ("kind", "column", "title", "subtitle", "byline", "credit")}
    if record["title"]:
        blocks = blocks[1:]
    if record["subtitle"]:
        blocks = blocks[1:]
    if record["byline"]:
        blocks = blocks[1:]
    if record["credit"]:
        blocks = blocks[:-1]
    record["blocks"] = [
        ["heading", _unescape(b[3:])] if b.startswith("## ") else ["body", _unescape(b)] for b in blocks
    ]
    return record


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def _unescape(text: str) -> str:
    return _ESCAPE_RE.sub(r"\1", text)


def _shingles(record: dict) -> set[str]:
    text = "".join(t for _, t in record["blocks"])
    return {text[i : i + _SHINGLE] for i in range(0, max(1, len(text) - _SHINGLE), 3)}


def read_sources(golden: Path, devset: Path) -> list[dict]:
    """Every truth item of the given folders, tagged with where it came from."""
    records = []
    for folder in sorted(golden.glob("*/")) + sorted(devset.glob("*/")):
        for path in sorted(folder.glob("*.md")):
            record = parse_truth(path.read_text(encoding="utf-8"))
            record["origin"] = f"{folder.parent.name}/{folder.name}/{path.name}"
            records.append(record)
    return records


def families(records: list[dict]) -> list[list[dict]]:
    """Group items that share text (the same story printed on several pages)."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, record in enumerate(records):
        for shingle in _shingles(record):
            if shingle in owner:
                parent[find(i)] = find(owner[shingle])
            else:
                owner[shingle] = i
    groups: dict[int, list[dict]] = {}
    for i, record in enumerate(records):
        groups.setdefault(find(i), []).append(record)
    return list(groups.values())


def build_pool(golden: Path, devset: Path) -> dict:
    """The fullest version of each family, dealt to halves by a stable hash of its text."""
    stories = []
    for family in families(read_sources(golden, devset)):
        best = max(family, key=lambda r: (sum(len(t) for _, t in r["blocks"]), r["origin"]))
        stories.append(best)
    stories.sort(key=lambda r: hashlib.sha256(json.dumps(r["blocks"], ensure_ascii=False).encode()).hexdigest())
    halves: dict[str, list[dict]] = {"fit": [], "check": []}
    # Deal each kind in turn so both halves get articles, photos and notes alike.
    for kind in ("article", "photo", "note"):
        of_kind = [s for s in stories if s["kind"] == kind]
        for n, story in enumerate(of_kind):
            halves["fit" if n % 2 == 0 else "check"].append(story)
    return {"halves": halves}


def load_pool(path: Path = POOL_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_pool(pool: dict, path: Path = POOL_PATH) -> None:
    path.write_text(json.dumps(pool, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
