"""AS97: a one-line head run holding a clause mark inside it, on a page an engine read, stays in its story."""

from __future__ import annotations

from pathlib import Path

from cleanup import pipeline
from cleanup.assemble import assemble
from cleanup.model import Block

CORPUS = Path(__file__).parent / "corpus"


def _blocks(line: str, above: str = "本报讯 近日，街道开展活动，为进一步提高居民自救互") -> list[Block]:
    return [Block("清理小广告 粉刷美环境", 1, 1, role="headline"),
            Block(above, 2, 3, lines=2),
            Block(line, 5, 5, role="headline"),
            Block("活动中，社区工作人员首先介绍了灭火器的种类和用途，并进行现场演示。", 7, 9, lines=3)]


def test_a_clause_line_goes_on_in_its_paragraph_on_an_ocr_page():
    items = [item for item in assemble(_blocks("救、参与火灾扑救的能"), read="ocr") if item.kind == "article"]
    assert len(items) == 1
    assert ("p", "本报讯 近日，街道开展活动，为进一步提高居民自救互救、参与火灾扑救的能") in items[0].body


def test_a_line_without_a_clause_mark_is_left_to_the_other_rules():
    above = "本报讯 近日，街道开展清理小广告活动。"
    items = [item for item in assemble(_blocks("消防知识进社区", above), read="ocr") if item.kind == "article"]
    assert not any("消防知识进社区" in text for item in items for tag, text in item.body if tag == "p")


def test_f225_ocr_the_clause_line_is_no_title_and_explain_says_so():
    dump = CORPUS / "fit" / "dumps" / "f225_ocr.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name, pipeline.Config(trace=True))
    assert not any(item.title == "救、参与火灾扑救的能" for item in page.items)
    assert any(step.code == "AS97" for step in page.steps)
