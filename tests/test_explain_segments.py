"""`cleanup explain` shows the segmentation decisions with their cue and figures: tentative stories
opened at a change of column width and what became of them, wide subtitles, a headline given to
the story right under it, a source paragraph kept, a caption's start and a change of column."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cleanup.cli import app

runner = CliRunner()

NOTE_THEN_WIDER = """编者按
为深入推广基层治理的经验，
本报今起开设“社区治理在身
边”专栏，陆续刊发各地社区
治理中涌现出的好做法和新经
验，展示基层干部群众的精神
风貌，供各地学习借鉴，敬请
广大读者持续关注，积极参与
讨论，踊跃来稿。
东关社区近日举办邻里运动会，跳绳、拔河等
趣味项目吸引了两百余名居民参加，现场气氛
热烈，笑声不断，老人和孩子都玩得十分开心
。
社区负责人表示，邻里运动会拉近了居民之间
的距离，今后社区将定期举办此类活动，丰富
居民的业余生活，增进邻里之间的感情和交流
。
邻里运动会 拉近你我他
"""

# one story whose second paragraph is set narrower: opened tentatively, then rejoined (the headline speaks of it)
NARROWER_SAME_STORY = """河道治理全面铺开
本报讯（通讯员王磊）近日，城关镇启动河道
综合治理工程，清理河道淤泥三万余立方米，
沿岸新栽树木两千余株，河道面貌焕然一新，
群众纷纷点赞叫好，河道两岸绿树成荫，鸟语
花香。
河道治理工程将于年底前全部
完工，届时河道水质将明显改
善，群众出行更加便利，沿岸
居民的生活环境也将进一步提
升，城关镇还将建设滨河公园
。
"""

WIDE_SUBTITLE = """河道治理全面铺开
本报讯（通讯员 王磊）近日，城关
镇启动河道综合治理工程，清理河道
淤泥三万余立方米，沿岸新栽树木两
千余株，河道面貌焕然一新。据介绍
，治理工程将于年底前全部完工，届
时河道水质将明显改善，群众出行更
加便利，沿岸居民纷纷点赞。
如何让老旧小区焕发新生——
老旧小区改造：加装电梯、改造管网、增设停车位三管齐下
东关社区近日启动老旧小区改造，
为六栋楼加装电梯，改造供水管网
，增设停车位一百余个，居民出行
和生活更加方便。社区负责人表示
，改造工程将于年底前全部完工，
惠及居民五百余户，今后社区还将
继续推进老旧小区改造工作，让居
民住得更加舒心。
"""

SOURCE_UNDER_DATELINE = """8月12日电（记者 王欢）某国统计局最新公布的数据
显示，第二季度出口额再创新高，比去年同期增长
两成。
据某某社报道，今年上半年出口增长主要来自电子
产品和汽车零部件，其中新能源汽车零部件增长最
快。
"""

HEADS_BELOW_BODIES = """第3版 社区 2024年5月6日 星期一
本报讯（记者 王明）近日，东关社区
组织居民开展消防演练活动，居民们
在消防员指导下学习使用灭火器材。
活动中，消防员还为居民讲解了家庭
防火知识，提醒大家注意用电安全，
发现隐患要及时报告。
社区负责人表示，今后还将定期开展
演练活动，不断提高居民的安全意识
和自救能力。
市图书馆近日推出夜间阅读服务，每周五晚开放至十点，
吸引了不少上班族和学生前来借阅图书，馆内座位常常座
无虚席，读者纷纷表示这项服务方便了业余生活。
图书馆负责人介绍，夜间开放期间将增加志愿者人数，
并开设亲子阅读专区，满足社区不同年龄读者需求，让更
多市民走进图书馆。
东关社区开展消防演练
通讯员 赵强
书香夜晚 点亮生活
本报记者 李华
"""

CAPTION_AFTER_JUMP = "\n\n".join(["社区开展消防演练", "本报讯（记者 王明）近日，某社区组织居民开",
                                  "展消防演练活动，居民们在消防员指导下学习", "使用灭火器，了解火灾逃生的基本方法和注意",
                                  "事项。\n", "近日，市第二中学韵律操比赛拉开帷幕，同学", "们朝气蓬勃，展示了拼搏进取、团结一致的精",
                                  "神风貌。\n本报通讯员 李华 摄\n\n\n", "活动中，消防员还为居民讲解了家庭防火知识",
                                  "，提醒大家注意用电安全，发现隐患及时报告。"]) + "\n"


def _steps(tmp_path: Path, text: str, rule: str = "") -> list[dict]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(page), "--json", *(["--rule", rule] if rule else [])])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_explain_shows_a_tentative_story_opened_at_a_width_change_and_kept(tmp_path):
    steps = _steps(tmp_path, NOTE_THEN_WIDER, "AS")
    opened = [s for s in steps if s["code"] == "AS19"]
    assert opened and opened[0]["lines"] == [10, 13], steps
    # the cue and its figures: the two measures, the factor and the page's median
    assert "column width changes" in opened[0]["after"] and "13" in opened[0]["after"] and "0.25" in opened[0]["after"]
    kept = [s for s in steps if s["code"] == "AS21"]
    assert kept and "headline at line 18 claims it" in kept[0]["after"], steps


def test_explain_shows_a_tentative_story_rejoined_and_why(tmp_path):
    steps = _steps(tmp_path, NARROWER_SAME_STORY, "AS")
    assert [s["code"] for s in steps] == ["AS19", "AS20"], steps
    assert steps[1]["after"].startswith("rejoined to the story at line 1: no headline claims it")
    assert "shares a word" in steps[1]["after"] and "≥ 0.05" in steps[1]["after"]


def test_a_headline_left_over_below_two_bodies_keeps_the_second_apart_and_heads_it(tmp_path):
    """The extractor set both heads after both bodies: the headline above shares a word with the wider second
    body (AS20 alone would rejoin it), but the head no story took, printed right under it, shares more."""
    from cleanup import pipeline

    steps = _steps(tmp_path, HEADS_BELOW_BODIES, "AS2")
    assert [s["code"] for s in steps] == ["AS21"], steps
    assert "the headline at line 19, left with no story" in steps[0]["after"], steps
    assert "first paragraph (similarity 0.21; the headline above 0.00)" in steps[0]["after"], steps
    articles = [i for i in pipeline.clean(HEADS_BELOW_BODIES.encode(), "p.txt").items if i.kind == "article"]
    assert [(a.title, a.body[0][1][:4]) for a in articles] == [("东关社区开展消防演练", "本报讯（"), ("书香夜晚 点亮生活", "市图书馆")]


def test_explain_shows_a_wide_line_made_a_subtitle(tmp_path):
    steps = _steps(tmp_path, WIDE_SUBTITLE, "AS22")
    assert len(steps) == 1 and steps[0]["lines"] == [10, 10]
    assert steps[0]["after"].startswith("headline: 老旧小区改造") and "1.3×" in steps[0]["after"]


def test_explain_shows_a_source_paragraph_kept_and_why(tmp_path):
    steps = _steps(tmp_path, SOURCE_UNDER_DATELINE, "AS09")
    assert len(steps) == 1 and steps[0]["lines"] == [4, 6]
    assert "no headline and opened on its own dateline" in steps[0]["after"]


def test_explain_says_where_a_captions_credit_stands(tmp_path):
    steps = _steps(tmp_path, CAPTION_AFTER_JUMP, "JN14")
    assert steps and "a credit stands under it at line 17: after a column jump (2 blank lines)" in steps[0]["after"], steps


def test_explain_shows_the_cues_and_weights_that_decided_a_seam(tmp_path):
    """The join stage weighs its cues (rules/join.toml): a seam's step shows the score and every term."""
    from cleanup import pipeline

    weights = {rule.code: weight for rule, weight in pipeline.joiner().cues}
    assert sorted(weights) == sorted(pipeline.JOIN_RULES), "every join cue weighs"
    steps = _steps(tmp_path, CAPTION_AFTER_JUMP, "JN")
    credit = [s for s in steps if s["lines"] == [16, 17]]
    assert credit and credit[0]["code"] == "JN01", steps
    bias = pipeline.joiner().bias
    score = bias - weights["JN01"] - weights["JN04"] - weights["JN05"] + weights["JN07"]
    assert f"[break {score:+g} = bias {bias:+g}, JN01 -{weights['JN01']:g}, JN04 -{weights['JN04']:g}" in credit[0]["after"], credit
    # the standalone credit is parted though the sentence cues say join: outweighed, not ordered away
    joined_anyway = [s for s in steps if s["lines"] == [17, 22]]
    assert joined_anyway and "JN01 -" in joined_anyway[0]["after"] and "JN09 +" in joined_anyway[0]["after"]


def test_explain_shows_the_cues_and_weights_that_gave_a_role(tmp_path):
    """The classify stage weighs its cues (rules/classify.toml): a block's step shows each role voted
    for, its score and every weighted vote; the byline's vote outweighs the headline cue's."""
    from cleanup import pipeline

    classifier = pipeline.classifier()
    weights = {rule.code: weight for rule, weight in classifier.cues}
    assert sorted(weights) == sorted(pipeline.CLASSIFY_RULES), "every classify cue weighs"
    page = "社区开展消防演练\n本报记者 林涛\n本报讯 近日，某社区组织居民开展消防演练活动，居民们在消防员指导下学习使用灭火器。\n"
    steps = _steps(tmp_path, page, "CL")
    byline = [s for s in steps if s["lines"] == [2, 2]]
    assert byline and byline[0]["code"] == "CL02", steps
    assert byline[0]["after"] == (f"byline: 本报记者 林涛  [byline {weights['CL02']:g} = CL02 +{weights['CL02']:g}; "
                                  f"headline {weights['CL07']:g} = CL07 +{weights['CL07']:g}; "
                                  f"body {classifier.bias:g} = bias {classifier.bias:g}]"), byline
    # the page record keeps the role alone, as before the weights
    from cleanup.review.record import page_record

    record = page_record(pipeline.clean(page.encode(), "page.txt", pipeline.Config(trace=True)))
    assert ["CL02", 2, 2, "byline"] in record["steps"]


def test_a_role_is_the_sum_of_its_votes_not_the_first_opinion():
    """Two weaker votes for one role outweigh one stronger vote for another, listed first; no vote
    above body's bias leaves a block body; the weights in rules/classify.toml keep the old order."""
    from cleanup import classify, pipeline
    from cleanup.rulebook import REGISTRY

    cues = [REGISTRY[code] for code in ("CL01", "CL10", "CL07")]
    window = classify.sample_window("本报记者 林涛 摄", "某区推广网格化服务", "本报记者 王明", at=0)
    votes: list = []
    summed = classify.Classifier.of(cues, {"bias": 0, "weights": {"CL01": 3, "CL10": 2, "CL07": 2}})
    assert summed.decide(window, votes) == "headline"
    assert classify.Verdict("headline", tuple(votes)).by.code == "CL10"
    assert classify.Classifier.of(cues, {"bias": 5, "weights": {"CL01": 3, "CL10": 2, "CL07": 2}}).decide(window) == "body"
    assert pipeline.classifier().decide(window) == "credit"  # CL01 outweighs every later cue together
