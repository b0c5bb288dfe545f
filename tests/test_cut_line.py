"""AS36: a line taken for a section heading right under a paragraph that stops mid-sentence goes on in it."""

from __future__ import annotations

from pathlib import Path

from cleanup import pipeline
from cleanup.assemble import assemble
from cleanup.model import Block

CORPUS = Path(__file__).parent / "corpus"


def test_a_line_under_a_sentence_left_open_goes_on_in_the_paragraph():
    blocks = [Block("清理小广告 粉刷美环境", 1, 1, role="headline"),
              Block("本报讯 近日，街道开展活动。为逃避打击，技术", 2, 3, lines=2),
              Block("部的办公地点远离公司本", 5, 5, role="headline"),
              Block("部。", 7, 7)]
    items = [item for item in assemble(blocks) if item.kind == "article"]
    assert len(items) == 1
    assert ("p", "本报讯 近日，街道开展活动。为逃避打击，技术部的办公地点远离公司本") in items[0].body
    assert not any(tag == "h2" for tag, _ in items[0].body)


def test_a_heading_after_a_sentences_end_stays_a_heading():
    blocks = [Block("清理小广告 粉刷美环境", 1, 1, role="headline"),
              Block("本报讯 近日，街道开展清理小广告活动。", 2, 3, lines=2),
              Block("清理小广告", 5, 5, role="headline"),
              Block("街道开展清理小广告和墙体路面粉刷活动。", 7, 8, lines=2)]
    items = [item for item in assemble(blocks) if item.kind == "article"]
    assert ("h2", "清理小广告") in items[0].body


def test_f010_ocr_the_cut_line_is_no_section_heading_and_explain_says_so():
    dump = CORPUS / "fit" / "dumps" / "f010_ocr.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name, pipeline.Config(trace=True))
    body = [(tag, text) for item in page.items for tag, text in item.body]
    assert ("h2", "部的办公地点远离公司本") not in body
    # in a paragraph: AS36's (the one above) or the one below (部的办公地点远离公司本部。), by HD04 on the page
    # read by OCR, or already at the join stage by JN65 (本部 is a word across the line end)
    assert any("部的办公地点远离公司本" in text for tag, text in body if tag == "p")
    assert any(step.code in ("AS36", "HD04", "JN65") for step in page.steps)
