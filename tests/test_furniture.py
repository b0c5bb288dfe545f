"""The running head and foot go to the page's one furniture item; nothing else does."""

from pathlib import Path

import pytest

from cleanup import conserve, output, pipeline

from .conftest import DUMPS

CORPUS = Path(__file__).parent / "corpus" / "check"
DEV = sorted((Path(__file__).parent / "devset" / "dumps").glob("*.txt"))
BODY = ["近日，社区开展消防安全宣传活动，工作人员向居民讲解了", "灭火器材的使用方法和火灾逃生技能，", "居民纷纷表示受益匪浅。"] * 4
HEAD = ["吉林日报", "第14版", "科技", "2025年2月1日 星期日"]
FOOT = ["责任编辑：刘莉　美编：东宣"]


def _items(lines: list[str]):
    return pipeline.clean_text("\n".join(lines) + "\n", "p.txt").items


def _furniture(items) -> list[str]:
    return [text for item in items if item.kind == "furniture" for _, text in item.body]


def test_a_running_head_and_foot_make_one_furniture_item_and_the_headline_stays_a_title():
    items = _items([*HEAD, "社区开展消防宣传", *BODY, *FOOT])
    assert _furniture(items) == ["吉林日报", "第14版 科技 2025年2月1日 星期日", "责任编辑：刘莉 美编：东宣"]
    assert [item.kind for item in items].count("furniture") == 1
    assert [item.title for item in items if item.kind == "article"][0] == "社区开展消防宣传"
    assert not {item.title for item in items} & {*HEAD, *FOOT}


def test_a_printed_row_read_as_pieces_is_one_paragraph_spaced_as_printed():
    # pdfminer: a row's pieces on lines of their own, spaces beside figures; the name mid-row joins it
    head = ["第 9 版", "", "民生", "吉林日报", "2017 年 11 月 5 日星期一"]
    items = _items([*head, "社区开展消防宣传", *BODY, "责任编辑高野鹏美编王斌校对李照星"])
    assert _furniture(items) == ["第9版 民生 吉林日报 2017年11月5日 星期一", "责任编辑 高野鹏 美编 王斌 校对 李照星"]
    item = next(item for item in items if item.kind == "furniture")
    assert sorted({no for no, _, _ in item.spans}) == [1, 3, 4, 5, 19]  # every dump line it was read from


def test_a_head_that_layout_analysis_put_between_columns_is_furniture_but_a_lone_page_number_is_not():
    # pdfminer: the head's pieces between the first column's text and the next
    items = _items(["2013年4月9日 星期三", "社区开展消防宣传", *BODY[:6], "", "环球时报", "", "第7版", "", "社区", "",
                    *BODY[6:], "", "第3版", "", *BODY])
    # FU12: the date and 第N版 one row, as printed, the name read between them the masthead over it
    assert _furniture(items) == ["环球时报", "2013年4月9日 星期三 第7版 社区"]
    assert "第3版" in " ".join(text for item in items if item.kind == "article" for _, text in item.body)


def test_a_head_scattered_through_the_page_is_furniture_once_its_edge_shows_one():
    # pdftotext's default mode: 第9版 on top, the staff line, the paper's name and the date among the stories
    scattered = ["第9版", "社区开展消防宣传", *BODY[:6], "", "责任编辑 胡芳舒 美编 王欢", "", "环球时报", "",
                 "2013年5月1日 星期日", "", "邻里守望互助", *BODY[6:]]
    # the head's pieces read as one head across the page (FU03), 第N版 and the date one row (FU12), the
    # paper's name read right before its date leading it
    assert _furniture(_items(scattered)) == ["第9版 环球时报 2013年5月1日 星期日", "责任编辑 胡芳舒 美编 王欢"]
    # with no head or foot at the page's edge, a lone date and a staff line inside it are left to the stories
    assert not _furniture(_items([line for line in scattered[1:] if line != "环球时报"]))


def test_a_masthead_run_into_the_page_number_under_it_is_a_row_of_its_own():
    # pdftotext's default mode: the masthead and the 第N版 centred under it read as one line
    items = _items(["2020年1月26日 星期二", "", "证券日报第9版", "", "财经", "社区开展消防宣传", *BODY])
    assert _furniture(items) == ["证券日报", "2020年1月26日 星期二 第9版 财经"]
    page = pipeline.clean_text("\n".join(["2020年1月26日 星期二", "", "证券日报第9版", "", "财经", "社区开展消防宣传", *BODY]) + "\n", "p.txt")
    assert conserve.compare(page.text, list(output.page_files(page).values())) == (conserve.Counter(), conserve.Counter())


def test_a_head_read_apart_is_put_back_the_same_in_traditional_script():
    import opencc

    s2t = opencc.OpenCC("s2t.json").convert
    head = ["第7版", "", "四平日报", "", "综合", "", "2013年9月23日 星期六"]
    for convert in (str, s2t):
        items = _items([convert(line) for line in [*head, "社区开展消防宣传", *BODY]])
        assert _furniture(items) == [convert("四平日报"), convert("第7版 综合 2013年9月23日 星期六")]


def test_a_second_page_number_starts_a_second_row():
    items = _items(["第14版", "科技", "第15版", "要闻", "社区开展消防宣传", *BODY])
    assert _furniture(items) == ["第14版 科技", "第15版 要闻"]


def test_a_short_headline_at_the_top_without_a_running_head_is_no_furniture():
    items = _items(["春耕", *BODY])
    assert not _furniture(items)
    assert items[0].title == "春耕"


def test_furniture_words_in_mid_page_or_in_a_sentence_stay_in_the_story():
    items = _items(["社区开展消防宣传", *BODY[:6], "第3版", *BODY[6:], "记者从第3版获悉，本周星期三起，"])
    assert not _furniture(items)


def test_a_snippet_is_no_page_and_has_no_running_head():
    assert not _furniture(_items(["第14版", "社区开展消防宣传", *BODY[:3]]))


def test_golden_and_dev_pages_print_no_running_head_and_get_no_furniture():
    for dump in [*DUMPS, *DEV]:
        assert not _furniture(pipeline.clean(dump.read_bytes(), dump.name).items), dump.name


@pytest.mark.parametrize("group", ["pymupdf", "pdftotext-raw", "sim"])
def test_every_check_page_of_an_ordered_group_keeps_its_paper_name_in_furniture(group: str):
    for dump in sorted(CORPUS.glob(f"dumps/*_{group}.txt")):
        truth = (CORPUS / "truth" / dump.stem / "01.md").read_text(encoding="utf-8")
        paper = truth.split("---\n", 2)[2].strip().splitlines()[0].split()[0]  # the head's first word
        page = pipeline.clean(dump.read_bytes(), dump.name)
        assert any(paper in text for text in _furniture(page.items)), dump.name
        missing, extra = conserve.compare(page.text, list(output.page_files(page).values()))
        assert not missing and not extra, dump.name


def test_a_scanned_head_and_foot_get_their_figures_gaps_and_colons_back_and_lose_no_character():
    # Tesseract: ] for a head's 1, a quote (and a comma) for the staff line's gap, a half-width colon
    lines = ["第1]版", "2017年]月4日 星期一", "社区开展消防宣传", *BODY, "责任编辑: 王欣，”美编: 东宣"]
    items = _items(lines)
    assert _furniture(items) == ["第11版 2017年1月4日 星期一", "责任编辑：王欣 美编：东宣"]
    page = pipeline.clean_text("\n".join(lines) + "\n", "p.txt")
    assert conserve.compare(page.text, list(output.page_files(page).values())) == (conserve.Counter(), conserve.Counter())
    # the allowance is only what the repairs take: a dropped comma in a story is still missed
    assert conserve.compare(page.text, ["第11版 2017年1月4日 星期一\n责任编辑：王欣，”美编：东宣"])[0]


def test_masthead_specks_between_head_lines_are_noise_but_a_headline_read_a_character_a_line_is_not():
    # Tesseract reads the masthead's picture as a character a line between the head's lines
    items = _items(["第7版", "一", "它", "4", "日报", "2013年9月23日 星期六", "社区开展消防宣传", *BODY])
    assert [text for item in items if item.kind == "noise" for _, text in item.body] == ["一", "它", "4"]
    assert _furniture(items) == ["第7版 日报 2013年9月23日 星期六"]
    assert [item.title for item in items if item.kind == "article"][0] == "社区开展消防宣传"
    # a headline set upright under the staff line (pdftotext: a character a line) stays printed text
    upright = ["社区开展消防宣传", *BODY, "责任编辑：王欣 美编：曲晓光", "", *"为促进全民健身"]
    assert not [item for item in _items(upright) if item.kind == "noise"]
