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

from benchmarks.factory.labels import label_lines
from benchmarks.factory.truth import read_truth
from cleanup import lexicon
from cleanup.decode import decode
from cleanup.layout import split_lines
from cleanup.noisecues import HAN_CHAR_RE, bare_of

_CREDIT_SUFFIXES = lexicon.load().credit_suffixes
_CREDIT_MOST = 12  # characters: a photo credit is a name or two and the credit word


def labels(text: str, truth: Path) -> list[str]:
    out = []
    for line in label_lines(text, read_truth(truth)):
        roles = {segment.role for segment in line.segments}
        out.append("blank" if not roles else "junk" if roles == {"noise"} and not is_credit(line.text) else "real")
    return out


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
