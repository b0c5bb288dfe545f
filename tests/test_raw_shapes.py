"""Dump shapes of content-stream extractors (pdftotext -raw): two headlines side by side written as one
line (CW05), and one printed line written as two at a quote (JN22). Both failed before issue 13's raw9."""

from cleanup import conserve, output, pipeline

# the story above ends short; the next row holds its headline (printed after it, closed by a column's
# tag) and, one space apart, the next story's headline, over that story's subtitle and byline
SIDE_BY_SIDE = "\n".join([
    "本报讯（记者 郑林）为加强青少年思想道德教育，激发爱国",
    "热情，近日，社区党支部联合市书画协会走进辖区学校，共同",
    "开展了爱国教育进校园专题宣传活动。",
    "爱国教育进校园（社区·那些事） 经济聚焦：科技成果转化探索新途径",
    "政策松绑、平台支撑、专业服务构建转化生态",
    "本报记者 邓建胜",
    "在没有定位信号的受限环境中，无人机如何智能辨识方向、自主避",
    "障？这背后，是借助了高校团队研发的定位与导航算法技术。",
]) + "\n"

# ……增强团队协 / 作意识。 / “原来……”12岁 / 的小雨……: the extractor broke one printed line at the quote
QUOTE_SPLIT = "\n".join([
    "本报讯（记者 郑林）近日，铁东区组织辖区少年儿童来到",
    "烈士陵园开展主题教育活动，孩子们沿着英雄的足迹一路攀",
    "登，在登顶纪念碑后开展了团队小游戏，增强团队协",
    "作意识。",
    "“原来革命先烈是这样克服困难的！”12岁",
    "的小雨在活动日记中写道，要把今天的感动变成学习的勇气，",
    "以更加饱满的热情投入到学习和生活中去，做一名合格的接",
    "班人。活动结束后，志愿者还为孩子们送上了学习用品。",
]) + "\n"


def test_two_headlines_written_as_one_line_head_their_own_stories():
    page = pipeline.clean_text(SIDE_BY_SIDE, "p.txt")
    heads = [(item.title, item.subtitle, item.byline) for item in page.items if item.kind == "article"]
    assert heads == [("爱国教育进校园（社区·那些事）", "", ""),
                     ("经济聚焦：科技成果转化探索新途径", "政策松绑、平台支撑、专业服务构建转化生态", "本报记者 邓建胜")]
    files = list(output.page_files(page).values())
    assert conserve.compare(SIDE_BY_SIDE, files) == (conserve.Counter(), conserve.Counter())


def test_a_title_with_its_phrase_space_stays_one_line():
    page = pipeline.clean_text("汇率避险“工具箱”再扩容 小币种产品密集落地\n本报记者 王鹏\n" + QUOTE_SPLIT, "p.txt")
    assert page.items[0].title == "汇率避险“工具箱”再扩容 小币种产品密集落地"


def test_a_quote_opening_a_dump_line_inside_a_printed_line_does_not_end_the_paragraph():
    (item,) = pipeline.clean_text(QUOTE_SPLIT, "p.txt").items
    assert len(item.body) == 1, item.body
    assert "作意识。“原来革命先烈" in item.body[0][1]
