"""tentative._goes_on: whether a story opened tentatively inside another continues it."""

from __future__ import annotations

from cleanup.tentative import _goes_on
from cleanup.drafts import Draft
from cleanup.heads import Head

ABOVE = Draft("article", 1, head=Head(title="汇率避险工具箱再扩容"), body=[("body", "外汇市场今年波动加大，企业避险需求上升。")])
ONE_PARAGRAPH = [("body", "东关社区近日举办邻里运动会，两百余名居民参加。")]


def test_one_paragraph_set_at_a_width_of_its_own_under_a_foreign_headline_is_a_story_of_its_own():
    draft = Draft("article", 9, body=list(ONE_PARAGRAPH), broke_from=ABOVE, width_change=True)
    assert not _goes_on(draft, ABOVE)


def test_one_paragraph_after_a_photo_under_a_foreign_headline_goes_on():
    draft = Draft("article", 9, body=list(ONE_PARAGRAPH), broke_from=ABOVE, after_photo=True)
    assert _goes_on(draft, ABOVE)


def test_a_paragraph_the_headline_above_speaks_of_goes_on_whatever_its_width():
    draft = Draft("article", 9, body=[("body", "汇率避险工具箱再扩容，企业可选的产品更多。")], broke_from=ABOVE,
                  width_change=True)
    assert _goes_on(draft, ABOVE)
