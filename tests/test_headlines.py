"""Head runs split into groups: every block of a run lands in exactly one head, whatever the run holds."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import headlines
from cleanup.model import Block

STORY = "今年以来市场监管部门加大抽检力度，推动基层治理走深走实，发现问题及时整改。"
LINES = {"headline": ["突出党建引领", "聚焦民生福祉", "推动基层治理走深走实", "游园赏美景 千人健步行", "——铁东区开展安全检查"],
         "column": ["经济聚焦", "社区 那些事"], "byline": ["梅河新区党工委书记 王爱明", "本报记者 吴晓璐"]}


def _run(roles_and_texts):
    return [Block(text, n, n, role=role) for n, (role, text) in enumerate(roles_and_texts, 1)]


def _covered_once(blocks, found):
    lines = Counter(first for f in found for first, _, _ in f.head.spans)
    return lines == Counter(b.first for b in blocks)


def test_a_label_between_a_headline_and_its_byline_stays_in_one_head():
    """A column label printed under a title and over its byline once split a unit in two (an empty head)."""
    blocks = _run([("headline", "突出党建引领"), ("headline", "聚焦民生福祉"), ("headline", "推动基层治理走深走实"),
                   ("column", "经济聚焦"), ("byline", "梅河新区党工委书记 王爱明")])
    found = headlines.attach([headlines.Run(blocks, at=0)], ["今年以来市场监管部门加大抽检力度，发现问题及时整改。"])
    assert all(f.head.spans for f in found)
    assert _covered_once(blocks, found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([(role, text) for role, texts in LINES.items() for text in texts]), min_size=1, max_size=8)
       .filter(lambda run: any(role == "headline" for role, _ in run)))
def test_every_block_of_a_run_lands_in_exactly_one_head(run):
    blocks = _run(run)
    found = headlines.attach([headlines.Run(blocks, at=0)], [STORY, "近日，铁东区举办全民健身活动，千人参加。"])
    assert _covered_once(blocks, found), [f.head.spans for f in found]


def test_a_short_line_right_under_a_headline_line_is_no_column_label():
    """全域统筹 under 党委统揽 is the title's second half, though its words are not the story's (CL04)."""
    from cleanup.classify import Window, find_column_label

    story = Block("今年以来，白山市坚持以党建引领城乡基层治理，让群众在家门口办成事。", 5, 7, gap_before=1)
    subtitle = Block("构建党建引领城乡基层治理新格局", 4, 4)
    over_a_headline = (Block("党委统揽", 2, 2, role="headline", gap_before=1), Block("全域统筹", 3, 3), subtitle, story)
    opening_the_head = (Block("全域统筹", 3, 3, gap_before=1), subtitle, story)
    assert find_column_label(Window(over_a_headline, 1)) is None
    assert find_column_label(Window(opening_the_head, 0)) == "column"


def test_a_title_over_its_byline_right_above_a_story_stays_whole_and_heads_it():
    """The title's second line and the byline share words with a story further on; printed right
    above this one, the whole head is this story's (BYLINE_OVER), not split between the two."""
    blocks = _run([("headline", "推进乡镇综合执法"), ("headline", "提升基层治理效能"), ("byline", "农安县合隆镇党委书记 林青远")])
    under = "基层治理千头万绪，看得见的管不着，是一直困扰我们基层的难题。按照全省部署，合隆镇推进综合执法改革。"
    elsewhere = "基层社会治理是国家治理的基石，提升基层社会治理水平，提升基层治理效能，是实现治理现代化的重要环节。"
    found = headlines.attach([headlines.Run(blocks, after=0, at=0, byline_last=True)], [under, elsewhere])
    assert [(f.head.title, f.head.byline, f.story) for f in found] == [("推进乡镇综合执法 提升基层治理效能", "农安县合隆镇党委书记 林青远", 0)]


def test_a_story_without_a_headline_or_cut_short_is_warned_of():
    """AS18 names the item's own cues: the doubt model's weightiest, no headline and a cut sentence."""
    import cleanup

    page = cleanup.clean_text("社区食堂再升级\n\n本报讯 近日，社区食堂推出新菜单，老人用餐更加方便。\n\n"
                              "本报讯 近日，市第二中学举行运动会，学生们踊跃参加\n", "page.txt")
    warned = {item.title or "(none)": " ".join(item.warnings) for item in page.items}
    assert warned["(none)"].startswith("AS18 ")
    assert "no headline" in warned["(none)"] and "a paragraph stops mid-sentence (……，学生们踊跃参加)" in warned["(none)"]


def test_doubt_reads_a_dropped_phrase_space_and_its_page_but_not_a_printed_plus():
    """AS18 (issue 13): a name run into its role word (the dump dropped the phrase spaces) and
    columns put back on the page are cues it names; a plus in “党建+网格” is printed, no misread."""
    from cleanup import doubt
    from cleanup.model import Item

    story = Item("article", 1, title="社区推行网格治理", spans=((1, 2, "body"),),
                 body=(("p", "本报讯（记者李明通讯员王强）近日，社区推行“党建+网格”治理模式，居民纷纷点赞。"),))
    context = doubt.Context(rebuilt=((20, 30),), lines=40)
    found = doubt.cues(story, context)
    assert {"run_together", "page_rebuilt"} <= set(found) and "odd_marks" not in found
    said = " ".join(doubt.weigh([story], context)[0].warnings)
    assert "a name run into its role word" in said and "a page whose columns were put back" in said
    spaced = Item("article", 1, title="社区推行网格治理", spans=((1, 2, "body"),),
                  body=(("p", "本报讯（记者 李明 通讯员 王强）近日，社区推行“党建+网格”治理模式。"),))
    assert not {"run_together", "odd_marks"} & set(doubt.cues(spaced, doubt.Context(lines=40)))


def test_doubt_reads_the_dump_lines_under_an_item():
    """AS18 (issue 13): a short dump line inside a paragraph, and a long unspaced headline on a page
    whose dump holds no spaces, are cues it names; the same headline on a page with spaces, and a
    paragraph of two dump lines (no measure to fall short of), are not."""
    from cleanup import doubt
    from cleanup.model import Item

    raw = {1: "上市公司批量调整锁价定增方案投资逻辑转向看成色", 2: "本报讯近日，多家上市公司修订了定增方案，",
           3: "市场人士认为", 4: "此次修改锁价定增方案，是落实再融资市场化", 5: "改革要求的具体举措。"}
    story = Item("article", 1, title=raw[1], spans=((1, 1, "title"), (2, 5, "body")),
                 body=(("p", raw[2] + raw[3] + raw[4] + raw[5]),))
    context = doubt.Context(lines=5, raw=raw, spaced=doubt.spaced_share(raw))
    found = doubt.cues(story, context)
    assert {"short_inside", "headline_unspaced"} <= set(found)
    said = " ".join(doubt.weigh([story], context)[0].warnings)
    assert "a short dump line inside a paragraph" in said and "a phrase space may be missing" in said
    spaced = {**raw, 6: "本报记者 李明 王强", 7: "责任编辑 张三"}
    assert "headline_unspaced" not in doubt.cues(story, doubt.Context(lines=7, raw=spaced, spaced=doubt.spaced_share(spaced)))
    two = Item("article", 1, title="社区开展 消防演练", spans=((3, 4, "body"),), body=(("p", raw[3] + raw[4]),))
    assert "short_inside" not in doubt.cues(two, context)


def test_doubt_reads_a_running_heads_pieces_unpaired_quotes_and_a_pages_ocr_gaps():
    """AS18 (issue 13's third pass): a running head with the paper's name alone and no page number,
    quotation marks that do not pair up, and a page whose dump holds OCR's wide gaps between columns
    are cues it names; a whole running head on one line and paired quotes are not."""
    from cleanup import doubt
    from cleanup.model import Item

    head = Item("furniture", 1, spans=((1, 1, "furniture"), (2, 2, "furniture")),
                body=(("p", "长春晚报"), ("p", "2022年10月1日 星期日")))
    found = doubt.cues(head, doubt.Context(lines=40))
    assert {"name_alone", "head_missing"} <= set(found) and "spaced" not in found
    said = " ".join(doubt.weigh([head], doubt.Context(lines=40))[0].warnings)
    # the name alone is a cue but, refitted beside the head-row cues below, too slight to name
    assert "a running head without its date, page number" in said
    whole = Item("furniture", 1, spans=((1, 1, "furniture"),), body=(("p", "长春晚报 2022年10月1日 星期日 第7版 民生"),))
    assert not {"name_alone", "head_missing"} & set(doubt.cues(whole, doubt.Context(lines=40)))
    # issue 13's fourth pass: a head's date and page number in different rows, its section away from
    # its page number, its name set alone in the dump but put on the date's line
    # (FU12 now puts such rows back on one row; refitted, the few left weigh too little to be named)
    split = Item("furniture", 1, spans=((1, 2, "furniture"),), body=(("p", "第7版 财经"), ("p", "人民日报 2020年8月26日 星期日")))
    assert "head_row_split" in doubt.cues(split, doubt.Context(lines=40))
    astray = Item("furniture", 1, spans=((1, 1, "furniture"),), body=(("p", "第13版 2017年7月8日 星期一 民生 四平日报"),))
    assert "head_order" in doubt.cues(astray, doubt.Context(lines=40))
    joined = Item("furniture", 1, spans=((1, 2, "furniture"),), body=(("p", "环球时报 2013年4月9日 星期三 第7版 社区"),))
    raw = {1: "环球时报", 2: "2013年4月9日 星期三 第7版 社区"}
    assert "name_joined" in doubt.cues(joined, doubt.Context(lines=2, raw=raw))
    assert "name_joined" not in doubt.cues(whole, doubt.Context(lines=1, raw={1: whole.body[0][1]}))
    raw = {1: "本报讯 近日，社区开展“阳光体育和谐校园“活动。     市场人士认为，此次修改"}
    story = Item("article", 1, title="社区开展活动", spans=((1, 1, "body"),),
                 body=(("p", "本报讯 近日，社区开展“阳光体育和谐校园“活动。"),))
    assert {"quotes_unpaired", "page_ocr"} <= set(doubt.cues(story, doubt.Context(lines=1, raw=raw)))
    paired = Item("article", 1, title="社区开展活动", body=(("p", "本报讯 近日，社区开展“阳光体育”活动。"),))
    assert "quotes_unpaired" not in doubt.cues(paired)


def test_a_label_the_join_glued_over_a_couplet_is_the_column_not_the_title():
    """A column label printed without its phrase space, on its own line over a couplet title set
    on two lines (城事漫谈 / 修好健身路 / 种下便民树), is the item's column, not the title's first
    words (CL04 offered the joined head's first line apart). Where the label is as wide as the
    halves, the story's use of the halves' words and not the label's tells it."""
    from cleanup.pipeline import clean_text

    story = ("本报讯（记者 李明）为方便居民出\n行，连日来，各社区积极修好健身\n"
             "路，并在路旁种下便民树，居民纷\n纷点赞。\n")
    for label in ("城事漫谈", "城事小漫谈"):
        item = clean_text(f"{label}\n修好健身路\n种下便民树\n{story}", "p.txt").items[0]
        assert (item.column, item.title, item.subtitle) == (label, "修好健身路 种下便民树", "")
    unechoed = story.replace("修好健身\n路", "整修道路\n，").replace("种下便民树", "增添绿化带")
    item = clean_text(f"城事小漫谈\n修好健身路\n种下便民树\n{unechoed}", "p.txt").items[0]
    assert item.column == ""


def test_a_couplet_title_and_its_subtitle_over_their_story_are_one_head():
    """Issue 13: a couplet title set on two lines reads like no story; its subtitle alone, a larger share of
    the story's words, once took the story under the run, and the title went to the next story on a weak
    match. Weighed by their share of the head's words, the two read better as one head (AS29)."""
    blocks = [Block("明责赋能", 1, 1, role="headline"), Block("做强“枢纽”", 2, 2, role="headline"),
              Block("提升党建引领城市基层治理整体水平", 3, 3, role="headline"),
              Block("街道党工委书记 陈新宇", 4, 4, role="byline")]
    stories = ["近年来，街道深入落实简政放权部署，切实提升党建引领城市基层治理能力和整体水平。",
               "一、强化职责定位。把构建权责统一的机制作为明责赋能的切入点。"]
    found = headlines.attach([headlines.Run(blocks, after=0, byline_last=True, at=0)], stories)
    assert [(f.head.title, f.head.subtitle, f.head.byline, f.story, f.freed) for f in found] == [
        ("明责赋能 做强“枢纽”", "提升党建引领城市基层治理整体水平", "街道党工委书记 陈新宇", 0, 1)]


def test_two_heads_each_reading_like_its_own_story_stay_apart():
    """The coverage-weighted merge leaves a run of two heads, each matched well, as two heads."""
    blocks = [Block("河道治理工程全面铺开", 1, 1, role="headline"), Block("学校运动会开幕", 2, 2, role="headline")]
    stories = ["河道治理工程全面铺开，河道清淤已经完成。", "学校运动会开幕，学生踊跃参加。"]
    found = headlines.attach([headlines.Run(blocks, before=0, after=1, at=1)], stories)
    assert [(f.head.title, f.story, f.freed) for f in found] == [("河道治理工程全面铺开", 0, None), ("学校运动会开幕", 1, None)]


def test_a_couplet_title_over_a_subtitle_that_lost_its_dash_heads_the_story_with_it():
    """Issue 15: Tesseract read a couplet title and its subtitle, its dash lost; the subtitle alone, a larger
    share of the story's words, took the story, and the title was left headline-only. Its words are
    found in that story and in no other: it is that head's title (AS58)."""
    blocks = [Block("北京警方捣毁侵害公民信息团伙 抓获299人", 1, 1, role="headline"),
              Block("丰台警方出动300名警力 299名嫌犯落网", 2, 2, role="headline")]
    stories = ["学校运动会开幕，学生踊跃参加。",
               "北京警方10日通报，丰台警方出动警力，对侵害公民个人信息的犯罪团伙实施抓捕，嫌犯落网。"]
    run = headlines.Run(blocks, before=0, after=1, at=1)
    assert [(f.head.title, f.story) for f in headlines.attach([run], stories)] == [
        ("北京警方捣毁侵害公民信息团伙 抓获299人", None), ("丰台警方出动300名警力 299名嫌犯落网", 1)]
    found = headlines.attach([run], stories, titles=True)  # weighed once no story is parted (AS14)
    assert [(f.head.title, f.head.subtitle, f.story, f.titled) for f in found] == [
        ("北京警方捣毁侵害公民信息团伙 抓获299人", "丰台警方出动300名警力 299名嫌犯落网", 1, True)]


def test_two_stories_heads_over_one_run_of_text_are_kept_apart_except_on_ocr_pages():
    """AS93: a stack of two stories' heads over the text of both, run together by the extractor: the head over
    the one the group took is kept apart, for assembly to part the text (AS14). Not on pages an OCR engine read,
    where it gained no title on fit: there the left-over line stays the group's."""
    blocks = [Block("河道治理全面铺开", 1, 1, role="headline"), Block("社区义诊 暖心服务", 2, 2, role="headline")]
    stories = ["河道治理全面铺开，河道清淤已经完成，工程进度良好。 社区义诊暖心服务，居民纷纷前来，社区医生开展义诊。"]
    run = headlines.Run(blocks, after=0, at=0)
    found = headlines.attach([run], stories)
    assert [(f.head.title, f.story, f.apart) for f in found] == [("河道治理全面铺开", None, True), ("社区义诊 暖心服务", 0, False)]
    found = headlines.attach([run], stories, part_heads=False)
    assert [(f.head.title, f.head.subtitle, f.story) for f in found] == [("河道治理全面铺开", "社区义诊 暖心服务", 0)]


def test_a_title_shaped_line_a_blank_under_a_head_is_no_subtitle_of_it():
    """AS55: pdftotext stacks side-by-side stories' heads a blank apart; a couplet there opens its own head.
    Right under the head (no blank) it may still be the plain title's subtitle; on OCR pages the rule is off.
    The story tells both lines' words, as a story under its title and subtitle does (else AS75 parts them)."""
    story = "河道治理全面铺开，沿河游园赏美景，千人健步行，河道清淤已经完成，周边居民出行更加方便。"
    lower = "游园赏美景 千人健步行"

    def heads(gap, part_heads=True):
        blocks = [Block("河道治理全面铺开", 1, 1, role="headline"), Block(lower, 3, 3, role="headline", gap_before=gap)]
        found = headlines.attach([headlines.Run(blocks, after=0, at=0)], [story], part_heads=part_heads)
        return [(f.head.title, f.head.subtitle) for f in found]

    assert heads(1) == [("河道治理全面铺开", ""), (lower, "")]
    assert heads(0) == [("河道治理全面铺开", lower)]
    assert heads(1, part_heads=False) == [("河道治理全面铺开", lower)]
