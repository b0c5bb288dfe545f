"""Headline-only items: a true headline that came out with (almost) no body, its story's body given to another item.

    python benchmarks/headonly.py OUT [--split fit] [--groups a,b] [--examples 3] [--list]

For every predicted article with a title and at most BODY characters of text (subtitle, byline
aside) whose title is a true article's title, where the true article has a body, says where that
body went (the predicted item holding most of it: the true story printed before or after this one,
another, a headless item, noise or nowhere) and what stood between the head and its body in the
dump, counted by class (the first that fits):

    after-story   the story's body printed before its head, right above it: a head set after its story
    after-far     the body printed before its head, other items' text between
    stacked       the head printed over its body with only other heads (titles, subtitles, bylines) between
    between       other stories' body text between the head and its body (head between two stretches)
    adjacent      the body printed right under the head, nothing between
    unfound       the body's lines not found in the dump
"""

from __future__ import annotations

import argparse
import re
import unicodedata
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import LCSseq  # noqa: E402

from cleanup.score.items import read_page  # noqa: E402

BODY = 10  # characters of text at most: a headline-only item
MIN_TRUE_BODY = 30  # the true article's body at least this long: a real loss
_SQ = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _SQ.sub("", unicodedata.normalize("NFKC", text))  # (pdfminer writes Kangxi radicals: ⼯ for 工)


def parts(item):
    """(head text, body paragraphs) of an item as the scorer reads it."""
    heads = {item.fields.get(k, "") for k in ("subtitle", "byline", "column")} - {""}
    head = [b.text for b in item.blocks if b.marker == "#" or b.text in heads]
    body = [b.text for b in item.blocks if b.marker != "#" and b.text not in heads]
    return head, body


def same_title(a: str, b: str) -> bool:
    a, b = squeeze(a), squeeze(b)
    return bool(a) and bool(b) and (a == b or LCSseq.normalized_similarity(a, b) >= 0.8)


def line_owner(lines: list[str], truth) -> list[tuple[int, str] | None]:
    """Each dump line's true item and part ('head' or 'body'), found by its text (None: not found, too short)."""
    heads = [squeeze("".join(parts(t)[0])) for t in truth]
    bodies = [squeeze("".join(parts(t)[1])) for t in truth]
    out = []
    for line in lines:
        s = squeeze(line)
        if len(s) < 4:
            out.append(None)
            continue
        key = s[:12]
        hit = None
        for k in range(len(truth)):
            if truth[k].kind == "noise":
                continue
            if key in heads[k] and len(key) >= 4:
                hit = (k, "head")
                break
            if key in bodies[k]:
                hit = (k, "body")
                break
        out.append(hit)
    return out


def classify(lines, owners, t: int, title: str) -> str:
    title_sq = squeeze(title)
    head_at = next((i for i, line in enumerate(lines) if owners[i] == (t, "head") and squeeze(line)[:8] in title_sq), None)
    if head_at is None:
        head_at = next((i for i, o in enumerate(owners) if o == (t, "head")), None)
    body_at = [i for i, o in enumerate(owners) if o == (t, "body")]
    if head_at is None or not body_at:
        return "unfound"
    first, last = body_at[0], body_at[-1]
    if last < head_at:
        between = [owners[i] for i in range(last + 1, head_at) if owners[i] is not None and owners[i][0] != t]
        return "after-story" if not [o for o in between if o[1] == "body"] else "after-far"
    if first < head_at:  # body on both sides
        return "between"
    between = [owners[i] for i in range(head_at + 1, first) if owners[i] is not None and owners[i][0] != t]
    if not between:
        return "adjacent"
    if all(o[1] == "head" for o in between):
        return "stacked"
    return "between"


def host_of(truth, predicted, t: int, pred_heads: set[int]) -> str:
    """Where true item t's body went: the relation of the predicted item holding most of it."""
    body = squeeze("".join(parts(truth[t])[1]))
    paras = [squeeze(p) for p in parts(truth[t])[1]]
    best, hold = None, 0
    for j, p in enumerate(predicted):
        if j in pred_heads:
            continue
        text = squeeze(p.text)
        got = sum(len(q) for q in paras if q[:10] and q[:10] in text)
        if got > hold:
            best, hold = j, got
    if best is None or hold < 0.3 * len(body):
        return "lost"
    p = predicted[best]
    if p.kind == "noise":
        return "noise"
    if p.kind != "article":
        return p.kind
    ptitle = p.fields.get("title", "")
    if not ptitle:
        return "headless"
    if squeeze(ptitle) in squeeze("".join(parts(truth[t])[0])):
        return "own-subtitle"  # the head parted in two groups: the lower one took the story
    for k, tr in enumerate(truth):
        if same_title(tr.fields.get("title", ""), ptitle):
            return {t - 1: "prev", t + 1: "next"}.get(k, "other")
    for k, tr in enumerate(truth):
        if k != t and squeeze(ptitle) in squeeze("".join(parts(tr)[0])):
            return "other-head"
    return "wrong-title"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--split", default="fit")
    ap.add_argument("--groups", default="")
    ap.add_argument("--pages", default="", help="first,last page stems (f113,f480)")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    corpus = ROOT / "tests" / "corpus" / args.split
    groups = set(args.groups.split(",")) - {""}
    lo, hi = (args.pages.split(",") + [""])[:2] if args.pages else ("", "~")
    counts: Counter = Counter()
    by_group: dict[str, Counter] = defaultdict(Counter)
    hosts: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for folder in sorted((corpus / "truth").iterdir()):
        stem = folder.name
        page, group = stem.split("_", 1)
        if groups and group not in groups or not (lo <= page <= hi):
            continue
        truth = read_page(folder)
        predicted = read_page(Path(args.out) / stem)
        if not predicted:
            continue
        found = []
        for j, p in enumerate(predicted):
            title = p.fields.get("title", "")
            if p.kind != "article" or not title or sum(len(squeeze(b)) for b in parts(p)[1]) > BODY:
                continue
            t = next((k for k, tr in enumerate(truth) if tr.kind == "article" and same_title(tr.fields.get("title", ""), title)), None)
            if t is None or sum(len(squeeze(b)) for b in parts(truth[t])[1]) < MIN_TRUE_BODY:
                continue
            found.append((j, t, title))
        if not found:
            continue
        dump = (corpus / "dumps" / f"{stem}.txt").read_text(encoding="utf-8", errors="replace")
        lines = dump.split("\n")
        owners = line_owner(lines, truth)
        heads = {j for j, _, _ in found}
        for j, t, title in found:
            kind = classify(lines, owners, t, title)
            host = host_of(truth, predicted, t, heads)
            counts[kind] += 1
            by_group[group][kind] += 1
            hosts[kind][host] += 1
            if args.list:
                print(f"{stem}\t{j + 1:02d}\t{kind}\t{host}\t{title}")
            if len(examples[kind]) < args.examples:
                examples[kind].append(f"{stem} item {j + 1:02d} ({host}): {title}")
    total = sum(counts.values())
    print(f"headline-only items: {total}")
    for kind, n in counts.most_common():
        print(f"  {kind:12s} {n:5d}   body went to: " + ", ".join(f"{h} {m}" for h, m in hosts[kind].most_common()))
        for line in examples[kind]:
            print(f"      {line}")
    print("by group:")
    for group in sorted(by_group):
        print(f"  {group:14s} {sum(by_group[group].values()):5d}  " + ", ".join(f"{k} {n}" for k, n in by_group[group].most_common()))


if __name__ == "__main__":
    main()
