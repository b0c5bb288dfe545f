"""Label the factory corpus's OCR dumps line by line (junk or real) for fit.py.

    python benchmarks/noise/label_corpus.py CORPUS_SPLIT OUT [--groups ocr paddle]

CORPUS_SPLIT is tests/corpus/fit or tests/corpus/check. For each dump of the groups,
OUT/GROUP/STEM.txt is a copy of the dump and OUT/GROUP/STEM.labels says of each line
`blank`, `junk` (in no truth item: `benchmarks.factory.labels` calls it noise) or `real`
(any of its text is in a truth item, even with junk glued on).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from benchmarks.factory.align import TruthText
from benchmarks.factory.fold import fold
from benchmarks.factory.labels import label_lines
from benchmarks.factory.truth import read_truth
from cleanup import lexicon
from cleanup.decode import decode
from cleanup.layout import split_lines
from cleanup.noisecues import HAN_CHAR_RE, SENTENCE_END, bare_of

_CREDIT_SUFFIXES = lexicon.load().credit_suffixes
_CREDIT_MOST = 12  # characters: a photo credit is a name or two and the credit word


def labels(text: str, truth: Path) -> list[str]:
    items = read_truth(truth)
    ends = [TruthText(items).text[block.start:block.end][-_TAIL_MOST:] for block in TruthText(items).blocks]
    out = []
    for line in label_lines(text, items):
        roles = {segment.role for segment in line.segments}
        junk = roles == {"noise"} and not is_credit(line.text) and not ends_a_block(line.text, ends)
        out.append("blank" if not roles else "junk" if junk else "real")
    return out


_TAIL_MOST = 12  # characters: a paragraph's tail wrapped onto a line of its own is short
_TAIL_NEAR = 0.6  # least similarity of a misread tail (309%0。 for 30%。)


def ends_a_block(line: str, ends: list[str]) -> bool:
    """A short line that is how a truth block ends, misreads allowed (a dash read as 一一): the
    paragraph's or heading's last characters wrapped onto a line of their own that OCR set apart
    from the rest (活动。 read far from 粉刷活), which the aligner cannot place; never a picture's junk.
    It holds a Han character or ends a sentence; two or three characters must match exactly, from
    four a misread tail is allowed.

    >>> ends_a_block("动。", ["面粉刷活动。"]), ends_a_block("子”一一", ["转化的“细绳子”——"])
    (True, True)
    >>> ends_a_block("309%0。", ["款额的30%。"]), ends_a_block("中主", ["城市治理主"]), ends_a_block("。", ["。"])
    (True, False, False)
    """
    folded = fold(line)[0].replace("一", "—")
    if not 2 <= len(folded) <= _TAIL_MOST or not (HAN_CHAR_RE.search(folded) or folded[-1] in SENTENCE_END):
        return False
    for end in ends:
        end = end.replace("一", "—")
        if end.endswith(folded):
            return True
        if len(folded) >= 4 and end[-1:] == folded[-1] and any(
                Levenshtein.normalized_similarity(folded, end[-n:]) >= _TAIL_NEAR
                for n in range(max(1, len(folded) - 2), len(folded) + 3)):
            return True
    return False


def is_credit(line: str) -> bool:
    """A short line ending with a credit word after a name (部建胶 摄): a photo credit, its name misread
    past aligning (鄧建勝 攝), never a picture's junk.

    >>> is_credit("部建胶 摄"), is_credit("摄"), is_credit("人1太一一")
    (True, False, False)
    """
    bare = bare_of(line)
    return (len(bare) <= _CREDIT_MOST and bare.endswith(_CREDIT_SUFFIXES)
            and len(HAN_CHAR_RE.findall(bare)) >= 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--groups", nargs="+", default=["ocr", "paddle"])
    parser.add_argument("--all-real", action="store_true",
                        help="every line of these groups is printed text (text extraction): label it so, unaligned")
    args = parser.parse_args()
    for group in args.groups:
        folder = args.out / group
        folder.mkdir(parents=True, exist_ok=True)
        for dump in sorted((args.split / "dumps").glob(f"*_{group}.txt")):
            text = decode(dump.read_bytes()).text  # sim dumps come in GB18030 and UTF-16 too; fit.py reads UTF-8
            (folder / dump.name).write_text(text, encoding="utf-8")
            tags = (["real" if line.strip() else "blank" for _, line in split_lines(text)]
                    if args.all_real else labels(text, args.split / "truth" / dump.stem))
            (folder / dump.with_suffix(".labels").name).write_text("\n".join(tags) + "\n", encoding="utf-8")
            print(dump.stem, tags.count("real"), "real", tags.count("junk"), "junk")


if __name__ == "__main__":
    main()
