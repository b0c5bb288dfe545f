"""CL17: a pull quote printed inside a story stays the story's text; a real ——subtitle still heads
its story (issue 13, titles). (CL18 and CL19 are shown by their doctests.)"""

from cleanup import pipeline

TITLE = ["铁东区举办干部职工运动会"]
ABOVE = [  # a story's column, 14 characters a line
    "本报讯（通讯员 王斌）为促进",
    "全民健身活动蓬勃发展，丰富干部职",
    "工文化生活，加强铁东区内各部门交",
    "流合作。铁东区干部职工篮球、乒乓",
    "球、羽毛球比赛开幕式在第五中学体",
    "育馆举行。",
]
BELOW = [
    "开幕式现场，干部职工精神抖",
    "擞、斗志昂扬，充分展现了健康向",
    "上、团结进取、奋勇拼搏的精神风",
    "貌。",
]


def _page(middle: list[str]):
    return pipeline.clean_text("\n".join(TITLE + ABOVE + middle + BELOW) + "\n", "t.txt")


def _titles(page) -> list[str]:
    return [item.title for item in page.items if item.kind == "article" and item.title]


def _story(page):
    return next(item for item in page.items if item.kind == "article" and "为促进" in "".join(t for _, t in item.body))


def test_a_dash_pull_quote_repeating_the_paragraph_above_stays_in_the_story():
    page = _page(["——加强铁东区内各部门交流合", "作；"])
    assert _titles(page) == ["铁东区举办干部职工运动会"]
    stories = [item for item in page.items if item.kind == "article"]
    body = "".join(t for _, t in _story(page).body)
    assert len(stories) == 1 and "——加强铁东区内各部门交流合" in body and "精神抖擞" in body  # one story across the quote


def test_a_dash_subtitle_over_a_byline_still_heads_its_story():
    page = pipeline.clean_text("\n".join(["北京警方捣毁侵害公民信息团伙", "——丰台警方出动三百名警力", "本报记者 东宣"]
                                         + ABOVE + BELOW) + "\n", "t.txt")
    head = next(item for item in page.items if item.title)
    assert head.title == "北京警方捣毁侵害公民信息团伙" and head.subtitle == "——丰台警方出动三百名警力"
