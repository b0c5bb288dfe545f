"""The noise stage: OCR junk set aside in one `noise` item, and no line of a text dump lost to it."""

from pathlib import Path

import pytest

from cleanup import conserve, noise, output, pipeline, seams

from .conftest import DUMPS, ROOT

DEVSET = ROOT / "tests" / "devset" / "dumps"  # the repository's copy: a clean clone has it
CORPUS = ROOT / "tests" / "corpus"  # the factory's pages, once merged: its fit split, which the weights were fitted on
# dumps made without OCR: every line is printed text
TEXT_DUMPS = [*DUMPS, *sorted(DEVSET.glob("*_pdftotext-raw.txt")), *sorted(DEVSET.glob("*_pymupdf.txt")),
              *sorted(DEVSET.glob("sim*.txt")),
              *(dump for group in ("pdftotext-raw", "pymupdf", "sim") for dump in sorted(CORPUS.glob(f"fit/dumps/*_{group}.txt")))]

OCR_PAGE = """尚德宣布可转债违约
成大陆首家公司债违约企业

<个

尚德电力昨日宣布，公司已经收到3%可转债托管人的通知，即2013年3月15日到期的可转债仍有
5.41亿美元的未支付金额，已经违约并要求尽快付款。该违约事件同时还导致尚德对包括国际金融公司
和一些国内银行在内的其他债权人的交叉违约。

尚德电力也因此成为了中国大陆首家出现公司债务违约的企业。

司     了|
美官方统计：为避税放弃美国国籍人数1年暴增5倍

8月12日电（记者 王欢）美国联邦公报最新公布的数据显示，2013年第二季度放弃美国国籍的人数再
创新高，暴增至1131人，比去年同期的189人多出5倍。美国媒体称，美国政府为了增加税收应对拮据的财
政状况，准备实施更严格的资产申报规定，使得放弃美国公民身份或绿卡的人数持续增长。

人     4二|         二        SEE

报告显示，2013年到6月为止的3个月里，旅居海外的美国人向使馆申请放弃国籍、同时也放弃了美国
政府税单的人数攀升到1131人。
"""


# Text dumps whose real lines the noise weights still set aside, with why. Strict xfail: a fix is noticed.
NOISE_ALTHOUGH_TEXT = {
    "f710_sim.txt": "a narrow column's line of two Han characters and a Latin word printed once on the page (根据Wind) "
                    "reads as an OCR scrap: short line NZ07 +2.2, foreign letters NZ03 +1.6",
}


@pytest.mark.parametrize("dump", [pytest.param(d, marks=pytest.mark.xfail(strict=True, reason=NOISE_ALTHOUGH_TEXT[d.name]))
                                  if d.name in NOISE_ALTHOUGH_TEXT else d for d in TEXT_DUMPS], ids=lambda p: p.name)
def test_no_line_of_a_text_dump_goes_to_noise(dump: Path):
    page = pipeline.clean(dump.read_bytes(), dump.name)
    assert [item for item in page.items if item.kind == "noise"] == []


def test_junk_lines_of_an_ocr_page_go_to_one_noise_item():
    page = pipeline.clean_text(OCR_PAGE, "p.txt")
    junk = [item for item in page.items if item.kind == "noise"]
    assert len(junk) == 1
    assert [text for _, text in junk[0].body][:2] == ["<个", "司 了|"]
    assert junk[0].warnings == (f"NZ01 {len(junk[0].body)} lines set aside as noise",)
    assert not junk[0].title and junk[0].first == 4


def test_the_noise_item_is_numbered_by_its_first_line_and_escaped():
    files = output.page_files(pipeline.clean_text(OCR_PAGE, "p.txt"))
    noise_files = [name for name, text in files.items() if "kind: noise" in text]
    assert noise_files == ["02.md"]  # the headline's article starts at line 1, the junk at line 4
    assert files["02.md"].endswith("\n\n\\<个\n\n司 了|\n\n人 4二| 二 SEE\n")  # a | inside a line is no CommonMark markup


def test_every_printed_character_is_in_one_item_with_noise_counted():
    files = list(output.page_files(pipeline.clean_text(OCR_PAGE, "p.txt")).values())
    assert conserve.compare(OCR_PAGE, files) == (conserve.Counter(), conserve.Counter())


def test_the_lines_of_a_noise_item_are_dump_lines_as_read():
    page = pipeline.clean_text(OCR_PAGE, "p.txt")
    assert conserve.noise_lines_as_read(OCR_PAGE, page.items) == []


def test_a_junk_line_leaves_a_blank_where_it_stood():
    split = noise.split_noise([(1, "社区开展义诊活动，为居民送健康"), (2, "<个"), (3, "义诊现场")], {})
    assert split.kept == [(1, "社区开展义诊活动，为居民送健康"), (2, ""), (3, "义诊现场")]
    assert split.noise == [(2, "<个")]


def test_explain_shows_the_cues_behind_a_line_set_aside():
    page = pipeline.clean_text(OCR_PAGE, "p.txt", pipeline.Config(trace=True))
    steps = [s for s in page.steps if s.code == "NZ01"]
    assert [s.first for s in steps][:2] == [4, 12]
    assert all(s.before and "score" in s.after and "NZ02" in s.after for s in steps)


def test_a_line_of_scattered_specks_and_letters_goes_to_noise():
    page = pipeline.clean_text(OCR_PAGE, "p.txt")
    junk = [text for item in page.items if item.kind == "noise" for _, text in item.body]
    assert "人 4二| 二 SEE" in junk


WORDLESS = "油涉过内寺许地二和也洋丙过"  # a picture read as Han characters no word joins (fit split, Tesseract)


@pytest.mark.skipif(seams.words() is None, reason="jieba (the extra `columns`) not installed")
def test_a_line_of_characters_no_word_joins_goes_to_noise():
    page = pipeline.clean_text(OCR_PAGE.replace("司     了|", f"司     了|\n\n{WORDLESS}\n"), "p.txt")
    junk = [text for item in page.items if item.kind == "noise" for _, text in item.body]
    assert WORDLESS in junk


@pytest.mark.skipif(seams.words() is None, reason="jieba (the extra `columns`) not installed")
def test_the_words_are_read_in_either_script():
    assert noise.word_cues("社區開展義診活動為居民") == noise.word_cues("社区开展义诊活动为居民")
    assert noise.word_cues("油涉过内寺许地二和也")["NZ22"] > 0.5 > noise.word_cues("社区开展义诊活动为居民")["NZ22"]


@pytest.mark.skipif(seams.words() is None, reason="jieba (the extra `columns`) not installed")
def test_names_and_numerals_are_not_unread_words():
    # a credit or a bulleted name is names (no dictionary lists them); a numeral's counter is read with it
    assert [noise.word_cues(line)["NZ22"] for line in ("部建胶摄", "■高野鹏", "第7版经济", "6月11日记者发稿")] == [0.0] * 4


def test_the_words_weigh_only_for_junk():
    assert noise.load_model().full.weights["NZ22"] > 0


PICTURE_PAGE = """社区开展义诊活动
为居民送健康

本报讯（记者 王欣）近日，金桥社区联合市第一医院开展义诊活动，为辖区居民免费测量血压、血糖，
并讲解常见病的预防知识，现场还发放了健康手册一百余份，受到居民的欢迎。

人     4二|         二        SEE

近日，市第二中学“阳光体育 和谐校园”韵律操比赛拉开帷幕，同学们展示了朝气蓬勃的精神风貌。

活动中，医生们耐心解答居民的问题，并为行动不便的老人上门服务，居民纷纷表示感谢，希望这样的
活动能够常态化开展下去，让更多的居民在家门口享受到优质的医疗服务。
"""


def test_a_paragraph_under_a_pictures_junk_that_opens_with_its_time_is_a_caption():
    page = pipeline.clean_text(PICTURE_PAGE, "p.txt")
    assert [item.kind for item in page.items if "韵律操" in "".join(text for _, text in item.body)] == ["photo"]
    assert "人 4二| 二 SEE" in [text for item in page.items if item.kind == "noise" for _, text in item.body]
    # the same paragraph after a printed blank line alone is no caption: the picture's junk is the evidence
    plain = pipeline.clean_text(PICTURE_PAGE.replace("人     4二|         二        SEE\n\n", ""), "p.txt")
    assert [item.kind for item in plain.items if "韵律操" in "".join(text for _, text in item.body)] == ["article"]


def test_the_labeller_counts_a_blocks_tail_set_apart_as_real():
    # OCR sets a paragraph's last characters apart from it, where the aligner cannot place them: text, not junk
    from benchmarks.noise.label_corpus import ends_a_block

    assert ends_a_block("动。", ["面粉刷活动。"]) and ends_a_block("309%0。", ["款额的30%。"])
    assert ends_a_block("子”一一", ["转化的“细绳子”——"])  # a dash read as 一一
    assert not ends_a_block("中主", ["城市治理主"]) and not ends_a_block("站", ["站"])  # two characters match exactly; one tells nothing


def test_digits_glued_to_characters_as_no_numeral_is_are_a_pictures_specks():
    cues = lambda line: noise.cue_table([(1, line)], noise.load_model(), exact=True)[0][0]  # noqa: E731
    assert [cues(line)["NZ25"] for line in ("和9", "人1太一一", "已必7必二", "4")] == [1.0] * 4
    # a numeral with its counter, after 第, or wrapped before its unit (区单位23 / 家) is print
    assert [cues(line)["NZ25"] for line in ("第7版", "6月11日", "区单位23", "2.2亿元")] == [0.0] * 4
    assert noise.load_model().full.weights["NZ25"] > 0


NARROW_PAGE = """社区书记的一天

本报讯（记者 王欣）近日，金桥社区联合市第一医院开展义诊活动，为辖区居民免费测量血压、血糖，
并讲解常见病的预防知识，现场还发放了健康手册一百余份，受到居民的欢迎。
金桥
社区
地处
城
北
部，现
有居民
3120
户，辖
区单位
23
家，个
体商户
40
余
户。种
好这
“一
亩
三
分
地”，
是我
的心
愿。
活动中，医生们耐心解答居民的问题，并为行动不便的老人上门服务，居民纷纷表示感谢。代码：
data_7
活动能够常态化开展下去，让更多的居民在家门口享受到优质的医疗服务。
"""


def test_a_narrow_columns_short_lines_and_a_labelled_code_are_text():
    # a number wrapped before its counter (23 / 家，), a word's tail (三 / 分), a character alone (北),
    # and a code under its label (代码： / data_7): none of it goes, though 三 alone reads as strokes
    page = pipeline.clean_text(NARROW_PAGE, "p.txt", pipeline.Config(trace=True))
    assert [item for item in page.items if item.kind == "noise"] == []
    kept = {s.before: s.code for s in page.steps if s.code in ("NZ27", "NZ28")}
    assert kept["23"] == kept["三"] == kept["北"] == "NZ27" and kept["data_7"] == "NZ28"


def test_a_narrow_column_of_specks_still_goes_to_noise():
    # no clause mark: the lines do not read on as a sentence
    page = pipeline.clean_text(OCR_PAGE.replace("司     了|", "司     了|\n二\n十\n一\n三\n十\n"), "p.txt")
    junk = [text for item in page.items if item.kind == "noise" for _, text in item.body]
    assert junk[2:7] == ["二", "十", "一", "三", "十"]


def test_a_bracket_in_a_narrow_column_spans_more_lines():
    page = pipeline.clean_text("社区开展义诊活动\n今年咱也按新方法来施肥，市第一医院开展义诊活动。\n（\n详\n见\n[\n查\n看\n玉\n米\n]\n"
                               "(www.example.cn/19)）\n为辖区居民免费测量血压、血糖，并讲解常见病的预防知识。\n", "p.txt")
    assert [item for item in page.items if item.kind == "noise"] == []


@pytest.mark.skipif(not (CORPUS / "fit" / "dumps" / "f119_ocr.txt").exists(), reason="the factory's fit split is not in this checkout")
def test_a_headline_over_its_dash_subtitle_is_text():
    # Tesseract's couplet title (站好岗 放好哨: no dictionary word joins its halves) over its subtitle, a dash
    # read as 一一: NZ29 keeps it, where the weighed cues took it for a picture's specks
    page = pipeline.clean_text((CORPUS / "fit" / "dumps" / "f119_ocr.txt").read_text(encoding="utf-8"), "f119_ocr.txt",
                               pipeline.Config(trace=True))
    kept = {s.before: s.code for s in page.steps if s.code == "NZ29"}
    assert kept.get("站好岗 放好哨") == "NZ29"
    noise_lines = [text for item in page.items if item.kind == "noise" for _, text in item.body]
    assert "站好岗 放好哨" not in noise_lines
