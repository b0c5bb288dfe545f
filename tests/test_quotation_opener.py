"""A paragraph's first line that opens a quotation and leaves it open is running speech, not a headline (JN08)."""

from pathlib import Path

from cleanup import pipeline
from cleanup.join import _seam
from cleanup.joinheads import break_around_overflowing_line

FIT = Path(__file__).parent / "corpus" / "fit" / "dumps"


def test_an_open_quotation_goes_on_into_a_wider_line():
    seam = _seam("“科普影视通过沉浸式视听体验，帮助观", "众理解复杂科学议题，并在公众认知、文化想", width=16, opens=True)
    assert break_around_overflowing_line(seam) is None  # no break: the words run on
    headline = _seam("让世界看见中国的科学浪漫", "“科普影视通过沉浸式视听体验，帮助观众理解复杂科学议题", width=10, opens=True)
    assert break_around_overflowing_line(headline) is False  # a plain line over a wider one still heads it


def test_a_quoted_first_line_under_a_byline_stays_in_its_story():
    page = pipeline.clean((FIT / "f030_ocr.txt").read_bytes(), "f030_ocr.txt")
    titles = [item.title for item in page.items]
    assert not any(title.startswith("“科普影视") for title in titles)
    story = next(item for item in page.items if item.title == "让世界看见中国的科学浪漫")
    assert "科普影视通过沉浸式视听体验，帮助观众理解复杂科学议题" in "".join(text for _, text in story.body)
