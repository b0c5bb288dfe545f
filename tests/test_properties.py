"""Invariants over any text: characters conserved, output well formed, polishing idempotent."""

import regex
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleanup import conserve, normalize, output, pipeline, polish, shapes
from cleanup.rulebook import apply_text_rules

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
PUNCT = "，。、：；！？“”（）《》—,.:;!?()\"'"
SPACE = [" ", " ", "  ", "\u3000", "\t"]
BREAK = ["\n", "\n", "\n\n", "\r\n", "\n\n\n"]
MARKERS = ["本报讯（记者 郑林）", "本报记者 何嘉 摄", "编者按", "社区 那些事", "#", "1. ", "*", "_", "[", "\\", "<"]
# what OCR reads in pictures and misreads (the noise stage, PU04–PU06)
OCR_JUNK = ["<个", "司     了|", "人 4二| 二 SEE", "|", "SEE", "■■", "一一", "—一", "-", "〈", "! ”", " ,", "“”", "”\n"]

piece = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=30),
    st.sampled_from(list(PUNCT)),
    st.sampled_from(SPACE + BREAK + MARKERS + OCR_JUNK),
    st.text(alphabet="0123456789abcXYZ.%", min_size=1, max_size=6),
)
page_text = st.lists(piece, min_size=1, max_size=80).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(page_text)
@example("一一人 4二| 二 SEE一")  # a head row cut at the rule OCR read as | once lost the |
@example("#%㐀\u3000“䀀##")  # a quote PU07 takes for a phrase space, beside an ideographic space
@example("一一一一一\n-")  # a misread dash and the hyphen under it, in two items: once counted as one pair
def test_printed_characters_are_conserved(text):
    _assert_conserved(text)


def _assert_conserved(text: str) -> None:
    page = pipeline.clean_text(text, "p.txt")
    files = list(output.page_files(page).values())
    missing, extra = conserve.compare(text, files)
    assert not missing and not extra, (missing, extra)
    assert conserve.noise_lines_as_read(text, page.items) == []  # each noise line one whole dump line


def test_a_quote_read_for_a_phrase_space_may_go_but_no_other_quote():
    dump = "清理小广告”粉刷美环境\n\n他说“好”。"
    assert conserve.compare(dump, ["清理小广告 粉刷美环境\n他说“好”。"]) == (conserve.Counter(), conserve.Counter())
    assert conserve.compare(dump, ["清理小广告 粉刷美环境\n他说好”。"])[0] == conserve.Counter({'"': 1})


def test_a_subtitle_dash_ocr_misread_as_hyphens_is_conserved_as_the_dash_it_becomes():
    for opener in ("--", "一-", "-一", "一一"):
        _assert_conserved(f"超百家村镇银行“消失”\n{opener}中小银行风险化解加速推进\n\n6月10日，金融监管总局批复显\n示，"
                          "云南3家村镇银行因被吸收\n合并而解散。")


@SETTINGS
@given(page_text)
def test_every_file_is_well_formed(text):
    for markdown in output.page_files(pipeline.clean_text(text, "p.txt")).values():
        head, sep, body = markdown[4:].partition("\n---\n\n")
        assert markdown.startswith("---\n") and sep and markdown.endswith("\n") and not markdown.endswith("\n\n")
        meta = yaml.safe_load(head)
        assert all(isinstance(v, str) for v in meta.values()), meta


@SETTINGS
@given(st.text(alphabet=HAN + PUNCT + "0123456789ab ", min_size=1, max_size=60), st.sampled_from(["body", "headline", "byline"]))
@example('000”000”00000', "headline")  # PU07: one repair makes the other quote's sides a couplet's
@example('000" 00一', "headline")  # PU07 after PU03's curling and SP04's spacing
@example('—一"', "headline")  # PU04 before PU03: a misread dash before a straight quote
def test_polishing_is_idempotent(text, role):
    rules = pipeline.rules(pipeline.POLISH_RULES)
    once = apply_text_rules(rules, text, role, (1, 1), None)
    assert apply_text_rules(rules, once, role, (1, 1), None) == once


_QUOTED = regex.compile(r"“[^“”]*”|（[^（）]*）|《[^《》]*》|‘[^‘’]*’")


@SETTINGS
@given(page_text)
@example("一\t \t编者按")  # a gap of tabs and a space: once an empty piece, and a division by zero
def test_no_space_between_two_cjk_characters_in_body_text(text):
    for item in pipeline.clean_text(text, "p.txt").items:
        for tag, paragraph in item.body:
            # a byline printed inside the text keeps its phrase spaces, as FORMAT.md says
            if tag == "p" and item.kind == "article" and not shapes.is_byline(paragraph):
                bare = _QUOTED.sub("", paragraph)
                assert not regex.search(r"\p{Han} +\p{Han}", bare), paragraph


# front-matter values: one line of printed text, no control characters
front_value = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30).filter(
    lambda v: v == v.strip())


@SETTINGS
@given(front_value)
@example("\ufffe")  # a noncharacter YAML may not print: once written bare, and unreadable
def test_a_front_matter_value_reads_back_as_the_same_string(value):
    from cleanup.render import yaml_scalar

    assert yaml.safe_load(f"k: {yaml_scalar(value)}")["k"] == value


def _golden_lines() -> list[list[str]]:
    from .conftest import DUMPS

    return [d.read_text(encoding="utf-8").splitlines() for d in DUMPS]


GOLDEN_LINES = _golden_lines()
# stretches of real pages, in any order: headlines far from their stories, bylines and captions repeated
stretch = st.tuples(st.integers(0, len(GOLDEN_LINES) - 1), st.integers(0, 400), st.integers(1, 60)).map(
    lambda t: GOLDEN_LINES[t[0]][t[1] % len(GOLDEN_LINES[t[0]]):][:t[2]])
mixed_page = st.lists(stretch, min_size=1, max_size=8).map(lambda parts: "\n".join(line for p in parts for line in p))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_page)
# a ——subtitle rejoined to the title before it, in a run out of dump order: a headline counted twice
@example("\n".join(GOLDEN_LINES[1][31:78] + GOLDEN_LINES[1][32:77] + GOLDEN_LINES[0][1:2]))
def test_printed_characters_of_mixed_real_pages_are_conserved(text):
    """Real lines in a shuffled order reach every assembly path: none may lose a printed line."""
    _assert_conserved(text)


# what the line rules act on: controls, zero-width and odd spaces, spreads, full-width letters, radicals, combining marks
LINE_WORK = ["\x07", "\u200b", "\ufeff", "\u00a0", "\u3000", "\t", " ", "０", "Ａ", "ｚ", "⼟", "⿊", "⻬", "e\u0301", "\u0308"]
line_text = st.lists(st.one_of(st.sampled_from(HAN[:40] + PUNCT + "0aZ"), st.sampled_from(LINE_WORK + OCR_JUNK)), max_size=20).map("".join)


@settings(max_examples=1000, deadline=None)  # cheap: a thousand lines take a second
@given(line_text)
def test_a_line_the_quick_test_calls_clean_is_left_alone_by_every_line_rule(line):
    """pipeline skips the line rules on a line normalize.is_clean_line passes: it must be right."""
    if normalize.is_clean_line(line):
        assert apply_text_rules(pipeline.rules(pipeline.LINE_RULES), line, "line", (1, 1), None) == line


BYLINE_WORDS = ["本报记者", "通讯员", "摄"]  # SP06 spaces a byline printed without spaces
block_text = st.lists(st.one_of(st.text(alphabet=HAN[:40], max_size=4), st.sampled_from(list(PUNCT) + LINE_WORK + MARKERS + BYLINE_WORDS + OCR_JUNK)),
                      max_size=20).map("".join)


@settings(max_examples=1000, deadline=None)
@given(block_text, st.sampled_from(["body", "caption", "headline", "byline", "credit", "note"]))
@example("本报记者田鹏", "byline")  # (a shape random text seldom takes)
@example("《一）", "body")  # PU06's 《 that a parenthesis closes
def test_a_block_the_quick_test_calls_clean_is_left_alone_by_every_polish_rule(text, role):
    """pipeline skips the polish rules on a block polish.is_clean_block passes: it must be right."""
    if polish.is_clean_block(text, role):
        assert apply_text_rules(pipeline.rules(pipeline.POLISH_RULES), text, role, (1, 1), None) == text


LINE_SHAPES = ["本报记者", "记者", "通讯员", "摄", "——", "--", "■", "编者按", "编后", " ", "\u3000", "（", "）"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=HAN[:40], max_size=3), st.sampled_from(LINE_SHAPES + list(PUNCT))),
                max_size=12).map("".join))
@example("本报记者田鹏")
@example("编者按")
def test_standalone_quick_answer_agrees_with_the_tests_it_stands_for(line):
    """shapes.standalone answers most lines from a quick look: it must agree with the full tests."""
    text = line.strip()
    full = (shapes.is_byline(text) or shapes.is_credit(text) or shapes.is_couplet(text) or shapes.is_subtitle_dash(text)
            or shapes.is_note_opener(text) and (text in shapes._LEX.note_openers or len(text) <= 6))
    assert shapes.standalone(line) == full
