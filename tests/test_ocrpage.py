"""The "read by OCR" page judgement (cleanup/ocrpage.py): HD04's gate and the doubt model's page cue."""

from pathlib import Path

from cleanup import ocrpage
from cleanup.decode import decode
from cleanup.layout import split_lines

ROOT = Path(__file__).resolve().parents[1]


def _lines(path: Path) -> list[str]:
    return [line for _, line in split_lines(decode(path.read_bytes(), None).text)]


def test_no_golden_dump_is_read_by_ocr():
    dumps = sorted((ROOT / "golden").glob("*.txt"))
    assert dumps and not any(ocrpage.read_by_ocr(_lines(path)) for path in dumps)


def test_one_mark_of_a_kind_is_a_typo_two_are_an_engine():
    """A page without a gap needs a cue twice, or two cues: one 〈 may be a typo of the print."""
    text = ["本报讯（记者 王欢）近日，社区开展活动。"] * 5
    assert not ocrpage.read_by_ocr([*text, "国际组织〈GSCA）副主席说，"])
    assert ocrpage.read_by_ocr([*text, "国际组织〈GSCA）副主席说，", "中心〈江苏) 的高效推动，"])
    assert ocrpage.read_by_ocr([*text, "国际组织〈GSCA）副主席说，", "改为竞价定增; 5月份以来，"])


def test_an_extractors_letter_spaced_line_is_no_gutter():
    spread = "2008  年 全 年   235  人 的 近   8"
    assert ocrpage.counts([spread])["gaps"] == 0
    assert ocrpage.counts(["场。     所持有的陆良、师宗"])["gaps"] == 1
