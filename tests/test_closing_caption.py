"""CL15: a block set wider than the column it closes, a story's head under it, is a caption (issue 13, class 3)."""

from cleanup import pipeline

COLUMN = [  # a story's column, 18 characters a line
    "本报讯（记者 郑林）近日，社区党支部",
    "联合市书画协会走进辖区学校，共同开展",
    "了爱国教育进校园专题宣传活动。活动现",
    "场，孩子们认真观看展览，积极参与互动",
    "交流，纷纷表示要把爱国热情化为学习动",
    "力，努力成长为国家栋梁之材。",
]
HEAD = ["站好岗", "放好哨", "新城社区地处县城西部，现有居民八千余户，常住人口一万八千人。"]


def _page(caption: list[str]):
    return pipeline.clean_text("\n".join(COLUMN + caption + HEAD) + "\n", "t.txt")


def test_a_wide_block_over_the_next_head_is_a_photo_caption():
    page = _page(["一旦更换他，可能会在国内裁判界造成一些不良影响，同时", "也不利于年轻裁判的培养。"])
    photos = [item for item in page.items if item.kind == "photo"]
    assert len(photos) == 1 and "一旦更换他" in photos[0].body[0][1]
    story = next(item for item in page.items if item.kind == "article" and "书画协会" in "".join(t for _, t in item.body))
    assert "一旦更换他" not in "".join(t for _, t in story.body)


def test_a_last_paragraph_in_the_column_measure_stays_the_story_s():
    page = _page(["一旦更换他，可能会在国内裁判界造成一", "些不良影响。"])
    assert not [item for item in page.items if item.kind == "photo"]
