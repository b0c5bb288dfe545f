"""Running text that reads like a headline: a first line opening a quotation left open (JN08), a line cut one character after its comma."""

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


def test_a_line_ending_on_one_character_after_its_comma_is_running_text():
    from cleanup import shapes

    assert not shapes.is_headline_like("美国国会税收联合委员会根据这项税务法追税，未")
    assert not shapes.is_headline_like("二、以满足更高层次民生需求为目标，全")
    assert shapes.is_headline_like("给黑土地做体检，施肥更精细")
