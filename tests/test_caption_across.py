"""CL16: a short block set wider than the column, between two paragraphs of one story, is a caption
printed without credit (issue 13, class 3)."""

from cleanup import pipeline

ABOVE = [  # a story's column, 18 characters a line
    "本报讯（记者 郑林）近日，社区民警走进",
    "辖区学校，向师生讲解交通安全知识，发放",
    "宣传资料，提醒孩子们上下学注意交通安全",
    "。活动现场，民警结合案例讲解了过马路的",
    "注意事项，孩子们认真听讲，积极参与互动",
    "交流，纷纷表示要做文明出行的小卫士。",
]
BELOW = [
    "讲解结束后，民警还向师生发放了交通安全",
    "宣传手册，并叮嘱孩子们把交通安全知识带",
    "回家，与家人一起遵守交通规则，文明出行",
    "。学校负责人表示，将继续开展交通安全教",
    "育，筑牢校园安全防线。",
]
CAPTION = ["日前，新城社区联合市第二中学开展“阳光体育”韵律操比赛", "活动，展现了青春风采。"]


def _page(middle: list[str]):
    return pipeline.clean_text("\n".join(ABOVE + middle + BELOW) + "\n", "t.txt")


def _story_text(page) -> str:
    story = next(item for item in page.items if item.kind == "article" and "民警走进" in "".join(t for _, t in item.body))
    return "".join(t for _, t in story.body)


def test_a_wide_event_between_a_story_s_paragraphs_is_a_photo_caption():
    page = _page(CAPTION)
    photos = [item for item in page.items if item.kind == "photo"]
    assert len(photos) == 1 and "韵律操" in photos[0].body[0][1]
    assert "韵律操" not in _story_text(page) and "讲解结束后" in _story_text(page)  # the story goes on across it


def test_a_paragraph_in_the_column_measure_stays_the_story_s():
    page = _page(["日前，新城社区联合市第二中学开展“阳光", "体育”韵律操比赛活动。"])
    assert not [item for item in page.items if item.kind == "photo"]
    assert "韵律操" in _story_text(page)
