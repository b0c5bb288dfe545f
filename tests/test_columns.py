"""The column stage: merged and interleaved columns put back; ordered dumps left alone."""

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cleanup import assign, columns, furniture, gutters, lexicon, noise, pipeline, seams, sequels
from cleanup.cli import app
from cleanup.decode import decode
from cleanup.layout import split_lines
from cleanup.rulebook import REGISTRY, apply_text_rules

from . import interleave
from .conftest import DUMPS, ROOT

DEVSET = ROOT / "tests" / "devset" / "dumps"
CORPUS = ROOT / "tests" / "corpus"  # the factory's pages, where this checkout has them
# Tesseract's dumps of the dev set are in order; the factory's pages, with running heads and
# labels side by side, make it read across gutters (the stage's work), so only their text groups.
ORDERED = sorted([p for p in DEVSET.glob("*.txt") if p.stem.endswith(("_pdftotext-raw", "_pymupdf", "_ocr"))
                  or p.stem.startswith("sim")]
                 + [p for folder in CORPUS.glob("*/dumps") for p in folder.glob("*.txt")
                    if p.stem.endswith(("_pdftotext-raw", "_pymupdf", "_sim"))])
# Ordered dumps the column stage still deals, with why. Strict xfail: a fix is noticed.
DEALT_ALTHOUGH_ORDERED = {
    "f685_sim": "CW33 (CW55: past a next box opening with heads) moves a sequel a name cut across the seam reads on into "
                "(长沙浩|宇); the simulated page printed another story's block between (CER 31.1 -> 16.5)",
    "f077_sim": "CW57 moves a column's sequel by its shape up past another story's narrow block the simulated page printed "
                "between (fit edits -281; the one-line tail 哥说。 before it stays where it stood)",
    "f222_sim": "CW57 moves a sentence's sequel by its shape up past another story's narrow block and its photo credit the "
                "simulated page printed between (帮助孩子们在|沉浸式体验中: fit edits -398, two items more exact)",
    "f555_sim": "CW11 reads a round past its last vote (slack): a story read in order around two photo captions, "
                "its paragraphs each one line, gives two votes a round of two apart (text CER 3.6 -> 1.7, title lost)",
    "f703_sim": "CW11 deals a story read in order whose lines each stand apart by a blank line (text CER 3.3)",
    "f713_sim": "CW11 deals a story read in order whose lines each stand apart by a blank line, and a photo's caption "
                "with it (CER 56.9, text CER 3.6, caption leak 100%)",
    "f819_sim": "CW12 takes a sentence's last line up past a narrow block printed between its two halves (a brief "
                "in five-character lines, then a credit): the sentence reads whole, but the dump was in order",
    "f860_sim": "CW11 deals lines 8-14 as boxes read in turn: the page's first lines each stand apart by a blank "
                "line, a heading's and three paragraphs' (text CER 0.0, CER 14.5, as at dbcdd8e)",
}
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
POOL: list[str] = []


def pool() -> list[str]:
    """Body paragraphs of the golden pages' expected files: the text the made-up pages are set in."""
    if not POOL:
        for path in sorted((ROOT / "golden").glob("*/*.md")):
            text = path.read_text(encoding="utf-8")
            if "kind: furniture" not in text:
                POOL.extend(b.strip().replace("\\", "") for b in text.split("---", 2)[-1].split("\n\n")
                            if len(b.strip()) >= 30 and not b.startswith("#"))
    return POOL


def numbered_after_line_rules(raw: bytes) -> list[tuple[int, str]]:
    rules = pipeline.rules(pipeline.LINE_RULES)
    return [(no, apply_text_rules(rules, line, "line", (no, no), None)) for no, line in split_lines(decode(raw).text)]


def printed(numbered: list[tuple[int, str]]) -> Counter:
    return Counter(ch for _, text in numbered for ch in text if not ch.isspace())


def reading(lines, out) -> list[int]:
    """The reading ranks of the stage's output lines (a line left whole stands for all its pieces)."""
    rank = {(no, text): r for no, line in enumerate(lines, 1) for r, text in line}
    flat = []
    for no, text in out:
        if text.strip():
            found = rank.get((no, text))
            flat.extend([found] if found is not None else [r for r, _ in lines[no - 1]])
    return flat


def links_kept(flat: list[int], total: int) -> float:
    where = {r: k for k, r in enumerate(flat)}
    return sum(where[r + 1] == where[r] + 1 for r in range(total - 1)) / (total - 1)


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_golden_pages_are_left_as_read(dump):
    numbered = numbered_after_line_rules(dump.read_bytes())
    result = columns.deinterleave(numbered)
    assert result.numbered == numbered and not result.warnings


@pytest.mark.parametrize("dump", [pytest.param(p, marks=[pytest.mark.xfail(strict=True, reason=DEALT_ALTHOUGH_ORDERED[p.stem])]
                                               if p.stem in DEALT_ALTHOUGH_ORDERED else []) for p in ORDERED],
                         ids=lambda p: p.stem)
def test_ordered_extractions_are_left_as_read(dump):
    """pdftotext -raw, PyMuPDF and the simulated dumps keep each column whole already, and so do
    the dev set's Tesseract dumps (the dev set's and the factory corpus's, both splits); also where,
    a line a box and no blank line, they read like OCR boxes sorted by height, as the pipeline asks."""
    numbered = numbered_after_line_rules(dump.read_bytes())
    result = columns.deinterleave(numbered, boxes=columns.boxes_by_height(split_lines(decode(dump.read_bytes()).text)))
    assert result.numbered == numbered and not result.warnings


@SETTINGS
@given(st.integers(0, 10**6))
def test_a_reading_in_order_is_left_as_read(seed):
    lines, _ = interleave.page(pool(), "raw", seed)
    numbered = interleave.numbered(lines)
    result = columns.deinterleave(numbered)
    assert result.numbered == numbered and not result.warnings


@SETTINGS
@given(st.integers(0, 10**6), st.sampled_from(["pdftotext", "paddle", "pdfminer", "raw"]))
def test_deinterleaving_conserves_printed_characters(seed, extractor):
    lines, _ = interleave.page(pool(), extractor, seed)
    numbered = interleave.numbered(lines)
    assert printed(columns.deinterleave(numbered).numbered) == printed(numbered)


# CI draws a test's examples from a hash of its source (derandomize): this test's assertion changed from
# CW01's warning to any mixed-columns warning (CW18), so it is pinned to the 25 examples main replayed
# (the hash of its source at c706b625, before CW18) rather than drawing new ones; one new draw, seed 390
# in pdftotext, reads worse on main too (CW01 alone), kept as a known failure below.
MAIN_REPLAY = int("30397422727420766463976395886670992494394374669793032287696261038732518658932836626591874301171266909210"
                  "561152303239")


@seed(MAIN_REPLAY)
@SETTINGS
@given(st.integers(0, 10**6), st.sampled_from(["pdftotext", "paddle", "pdfminer"]))
def test_clean_interleavings_come_back_column_by_column(seed, extractor):
    """One story in two to four columns, rows level: the columns come back whole and in order
    but for a slip or two where no cue tells two columns' seams apart, and the page warns that its
    columns were mixed, naming the mode that keeps them whole (issue 14), whichever stage put them
    back (the column search, CW01, or pdfminer's boxes left to CW11's rounds, CW18)."""
    lines, total = interleave.clean_page(pool(), extractor, seed)
    result = columns.deinterleave(interleave.numbered(lines))
    assert warns_mixed(result.warnings)
    assert links_kept(reading(lines, result.numbered), total) >= 0.75  # the mean is held higher below


@pytest.mark.xfail(strict=True, reason="CW01 on main too: 5 columns of 18 lines put back keep 73% of their links")
def test_a_clean_pdftotext_interleaving_found_by_a_new_draw_comes_back_column_by_column():
    lines, total = interleave.clean_page(pool(), "pdftotext", 390)
    result = columns.deinterleave(interleave.numbered(lines))
    assert warns_mixed(result.warnings) and links_kept(reading(lines, result.numbered), total) >= 0.75


def test_clean_interleavings_mostly_come_back_whole():
    kept = [links_kept(reading(lines, columns.deinterleave(interleave.numbered(lines)).numbered), total)
            for seed in range(12) for lines, total in [interleave.clean_page(pool(), "paddle", seed)]]
    assert sum(kept) / len(kept) >= 0.93


def test_one_flow_dealt_out_by_pdfminer_comes_back_whole():
    """pdfminer's boxes of one text run on from column to column (a dateline opening a paragraph in it
    is no other story's head) are the column search's to put back, not CW11's rounds (CW18): left to the
    rounds, the first 12 made-up pages keep 96.9% of their links on average (one 74.6%), put back 99.5%."""
    kept = [links_kept(reading(lines, columns.deinterleave(interleave.numbered(lines)).numbered), total)
            for seed in range(12) for lines, total in [interleave.clean_page(pool(), "pdfminer", seed)]]
    assert sum(kept) / len(kept) >= 0.98


MERGED = """\
北京警方 10 日通报， 8 月 7 日 到各个营销部门。为逃避打击，技
警方出动 300 名警力，对藏匿于一 术部的办公地点远离公司本部。
栋大厦内侵害公民个人信息的犯罪 警方调查发现，该公司推销的
团伙实施抓捕， 299 名嫌犯落网， 所谓收藏品均是从旧货市场、集币
其中刑事拘留 95 人、行政拘留 市场、纪念品制造厂家廉价收购
204 人，并缴获数十箱公民个人信 的，这些低价的钱币、古玩，经过
息名单。目前，涉案公司总裁仍在 精美包装，配上公司自制的收藏证
逃。 书，向客户高价销售。
北京市公安局丰台分局副局长 该公司招聘的近 300 名话务员
郑威在 10 日的新闻发布会上介绍 经过培训，按照盗取的公民信息，
说，今年 8 月初，警方侦查发现， 用掌握的话术技巧虚构藏品价值，
位于北京南三环一栋大厦内的某收 诱骗客户购买。每名话务员每天至
藏品文化交流中心，涉嫌非法获取 少拨打 200 个以上电话进行推销。
"""


def test_a_page_of_merged_lines_reads_column_by_column():
    page = pipeline.clean_text(MERGED, "merged.txt")
    assert any(w.startswith("CW01") and "pdftotext -raw" in w for w in page.warnings)
    text = "".join(p for item in page.items for _, p in item.body)
    assert "299名嫌犯落网，其中刑事拘留95人" in text
    assert "技术部的办公地点远离公司本部。警方调查发现" in text


def test_lone_phrase_spaces_in_unwrapped_paragraphs_are_no_gutters():
    """A wrapped story, then one-line paragraphs of another page whose phrase spaces stand in a
    quote opened on the line before or running past a slogan's length (…“守正道 送新风——…”), one
    of them printed three times: the lines look merged, but lone, not in a run as pdftotext
    merges columns (issue 14, hypothesis seed 104)."""
    from .test_properties import GOLDEN_LINES as golden

    text = "\n".join(golden[0][220:232] + golden[1][60:81] + golden[3][2:21] * 2 + golden[3][2:19])
    numbered = list(split_lines(text))
    assert not any(p.slot for p in gutters.pieces_of(numbered))
    assert not any(w.startswith("CW01") for w in pipeline.clean_text(text, "p.txt").warnings)


def test_a_column_twice_as_wide_as_another_counts_as_wrapped_where_no_line_was_merged():
    """RapidOCR deals a 26-character column and a 13-character one line by line: both are
    wrapped at a column width, though one is twice the other (merged lines it is not: none
    was cut at a gutter)."""
    wide, narrow = "甲" * 26, "乙" * 13
    lines = [wide, narrow, wide, wide, narrow, wide, wide, wide, narrow, wide]
    pieces = gutters.pieces_of(list(enumerate(lines, 1)))
    assert not any(p.slot for p in pieces)
    assert columns._wrapped(pieces)


def test_explain_shows_which_column_each_piece_went_to(tmp_path: Path):
    dump = tmp_path / "merged.txt"
    dump.write_text(MERGED, encoding="utf-8")
    shown = CliRunner().invoke(app, ["explain", str(dump), "--rule", "CW"]).output
    assert "[column 1] 北京警方 10 日通报" in shown and "[column 2] 到各个营销部门" in shown
    assert "CO0" in shown  # the cues behind each choice


@pytest.mark.parametrize("dump", sorted(DEVSET.glob("*_pdftotext.txt")) + sorted(DEVSET.glob("*_pdfminer.txt")),
                         ids=lambda p: p.stem)
def test_searches_sharing_the_cues_answers_choose_as_a_search_alone(dump):
    """A page's searches share the link cues' answers (keyed by the page's piece numbers): a
    second search of a stretch after a search of the whole page chooses as it would alone."""
    pieces = gutters.pieces_of(numbered_after_line_rules(dump.read_bytes()))
    pairs, words = seams.PagePairs.of(p.text for p in pieces), seams.lexicon()
    cues = [(code, REGISTRY[code].func) for code in columns.LINK_CUES]
    half, shared = len(pieces) // 3, {}
    for tracks in (assign._MAX_TRACKS, 1):
        assign.assign(pieces, columns.WEIGHTS, cues, pairs, words, max_tracks=tracks, links=shared)
    assert shared
    alone = assign.assign(pieces[half:], columns.WEIGHTS, cues, pairs, words, known=2)
    again = assign.assign(pieces[half:], columns.WEIGHTS, cues, pairs, words, known=2, links=shared, offset=half)
    assert again == alone


# two rows Tesseract read across narrow columns (CW04 gives them back column by column, each row's
# number now on two lines), then a stretch the column stage puts back: no line may come out twice
UNSTACKED_THEN_DEALT = [
    "爱国教育进校医        本报讯 记者 郑林) 为加强青 。 参加活动的书法家现场挥毫滩墨 人心、保家卫国的英雄气概，激发青",
    "人过       少年思想道德教育，激发爱国热 活动展览的作品以弘扬时代主“少年的爱国热情。随后，参加活动",
    "",
    "情，近日，平城区新华街道局西社 记德              ，      安土”的书法家现场挥毫泼墨，与学生们",
    "，   ，            为导向，题  泛、内容丰       |  一",
    "区党支部联合市书画协会走进畏区 京王划二随冰拉站计生天十 一起完成了一幅枉精美的书画作",
    "",
    "学校，  共同开展了以  “请党放心 强   册、  抗 日 电影海报和连环画展板      品。",
]


def test_a_line_number_that_unstacking_repeats_gives_its_pieces_back_once():
    from cleanup import headrows

    unstacked = headrows.unstack_rows(list(enumerate(UNSTACKED_THEN_DEALT, start=1)))
    assert len({no for no, text in unstacked if text}) < len([text for _, text in unstacked if text])  # numbers repeat
    result = columns.deinterleave(unstacked)
    assert result.warnings  # a region was put back
    assert printed(result.numbered) == printed(unstacked)


def test_a_column_whose_head_stood_lower_than_the_one_right_of_it_is_read_before_it():
    """A story in three columns whose middle one starts lower (its head is under a subtitle), so
    pdftotext's lines give the right column's first line before the middle one's: the columns come
    back left to right, as the merged lines place them, not in the order their heads came."""
    dump = CORPUS / "fit" / "dumps" / "f052_pdftotext.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name)
    text = "".join(p for item in page.items for _, p in item.body)
    assert "增强居民消防安全意识，近日，" in text  # the left column runs on into the middle one
    assert "工作人员首先向辖区居民介绍了火灾的危害性" in text


def test_text_boxes_sorted_by_height_read_with_their_own_weights():
    """RapidOCR's boxes, sorted top to bottom, deal columns out by each box's height: such a dump
    (no blank line, no merged line) is searched with the [boxes] weights, fitted on the fit split's
    paddle dumps, and a seam a word runs across (市|场, 赤|字) is put back where the turn order of
    chunk-dealing extractors read two columns crosswise."""
    dump = CORPUS / "fit" / "dumps" / "f001_paddle.txt"
    numbered = numbered_after_line_rules(dump.read_bytes())
    assert columns.boxes_by_height(numbered) and columns.BOX_WEIGHTS != columns.WEIGHTS
    out = [text for _, text in columns.deinterleave(numbered, boxes=True).numbered if text.strip()]
    after = dict(zip(out, out[1:]))
    assert after["“我们主营小商品出口东南亚市"].startswith("场，客户")
    assert after["失估计高达一亿美元。致力削减预算赤"].startswith("字的奥巴马")


def test_a_line_of_running_text_read_across_a_gutter_is_parted_where_no_columns_were_put_back():
    """Tesseract read one line across two gutters (在美国起诉中国贪官…        本报讯 (通讯员 王斌) 为促进
    …        白山市委坚决贯彻…) on a page whose columns the stage does not put back: the line is cut
    at its gaps (CW03): the pieces beside the first go before it, the first stands over its column's rest."""
    dump = CORPUS / "fit" / "dumps" / "f002_ocr.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name, pipeline.Config(trace=True))
    text = "\n".join(part or "" for item in page.items for part in (item.title, item.subtitle, *(p for _, p in item.body)))
    assert "本报讯（通讯员 王斌）为" in text and "中国自己本报讯" not in text
    # the left column's line goes on into its column's rest: one paragraph across the blank under the row (JN23)
    assert "不可能适用中国自己的法律。所以" in text
    assert any(step.code == "CW03" for step in page.steps)


def test_the_pieces_of_one_line_read_across_a_gutter_never_join():
    """f002_ocr: Tesseract read 在美国起诉中国贪官…  本报讯 (通讯员 王斌) 为促进  白山市委坚决贯彻… as one
    line. CW03 cuts it; the piece that stops mid-sentence (为促进) must not run on into the next
    piece of the same line across the blank CW03 sets between them (JN21)."""
    dump = CORPUS / "fit" / "dumps" / "f002_ocr.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name, pipeline.Config(trace=True))
    paragraphs = [p for item in page.items for _, p in item.body]
    assert any(p.endswith("本报讯（通讯员 王斌）为促进") for p in paragraphs)
    assert not any("为促进白山" in p or "为促进在美国" in p for p in paragraphs)
    assert any(step.code == "JN21" for step in page.steps)


def test_the_line_under_a_piece_wider_than_every_column_goes_on_from_it():
    """CO16: RapidOCR reads a line wider than the page's columns (a caption, a lead set across
    columns, or two columns' lines read as one box) as one box and the line right under it next;
    where the seam goes on (a word across it, or 、，；： at its end), that line is not dealt to
    another column, and the column beside it reads on (调度|推进会议 was cut on main)."""
    dump = CORPUS / "fit" / "dumps" / "f006_paddle.txt"
    numbered = numbered_after_line_rules(dump.read_bytes())
    out = [text for _, text in columns.deinterleave(numbered, boxes=True).numbered if text.strip()]
    after = dict(zip(out, out[1:]))
    assert after["强化政治统领，深入贯彻习近平总书"].startswith("记视察吉林")
    assert after["向引领，召开2022年重点任务调度"].startswith("推进会议")


def test_the_warning_of_a_box_dump_names_a_layout_step_not_a_pdf_extractor():
    """Text boxes an OCR engine sorted by height have no PDF to read again with `pdftotext -raw`:
    the warning says to order the boxes by column; a pdftotext page's still names the raw mode."""
    for stem, wanted, unwanted in (("f001_paddle", "text boxes", "pdftotext -raw"),
                                   ("f001_pdftotext", "pdftotext -raw", "text boxes")):
        dump = CORPUS / "fit" / "dumps" / f"{stem}.txt"
        page = pipeline.clean(dump.read_bytes(), dump.name)
        cw01 = [w for item in page.items for w in item.warnings if w.startswith("CW01")] + \
            [w for w in page.warnings if w.startswith("CW01")]
        assert cw01 and all(wanted in w and unwanted not in w for w in cw01), stem


def warns_mixed(warnings) -> bool:
    """A warning that the page's columns were mixed, naming the extraction mode that keeps them whole
    (issue 14): CW01's where the column search put them back, CW18's where CW11's rounds did."""
    return any(w.startswith(("CW01", "CW18")) and "mixed side-by-side columns" in w and "pdftotext -raw" in w
               for w in warnings)


def test_a_short_page_dealt_in_chunks_is_found_by_the_words_across_its_seams():
    """pdfminer deals three columns out a line a chunk, blank lines between: the page prints too
    few of its character pairs twice for looks_dealt to see it, but dictionary words run from a
    line into the one three chunks down (洗钱；把赃款转 | 移到美国), so the columns are put back."""
    dump = CORPUS / "fit" / "dumps" / "f014_pdfminer.txt"
    numbered = numbered_after_line_rules(dump.read_bytes())
    assert columns.dealt_in_chunks(numbered)
    result = columns.deinterleave(numbered)
    assert warns_mixed(result.warnings)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    opener = next(k for k, text in enumerate(out) if text.startswith("续有一系列涉及到美国的行为"))
    assert out[opener + 1].startswith("移到美国")


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_a_headline_at_a_put_back_column_s_foot_heads_the_story_below_it_not_the_columns_between():
    """pdfminer dealt the next story's headline and subtitle into the foot of a column: put back,
    they stood between the column and the next one of its own story, and split that story in two.
    (Put back column by column, CW06 moved them before the story below; CW18 now leaves the page's boxes
    to CW11's rounds, which give the head's box back with its story: heads_to_story's examples keep CW06.)"""
    raw = (CORPUS / "fit" / "dumps" / "f014_pdfminer.txt").read_bytes()
    page = pipeline.clean(raw, "f014_pdfminer.txt", pipeline.Config(trace=True))
    items = page.items
    assert warns_mixed(page.warnings)
    going_on = next(item for item in items if "总之，在国内的贪污行为" in "".join(text for _, text in item.body))
    assert going_on.title == "如何在美国把贪官送进监狱——"
    heads = [item for item in items if item.title == "站好岗 放好哨"]
    assert heads and "新城社区地处东辽县" in "".join(text for _, text in heads[0].body)


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_a_page_dealt_in_chunks_in_part_is_found_by_its_chunk_ends():
    """pdfminer deals two stories out chunk by chunk on part of a page, the rest read in order: over
    all its lines (a chunk's own lines go on into each other) the next line wins, but a chunk that
    stops mid-sentence goes on into one a little further down more often than into the next, so the
    columns are put back (记者 魏静 通讯员 胡芳 | 舒）近日 ran on into another story's box)."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / "f015_pdfminer.txt").read_bytes())
    assert columns.dealt_in_chunks(numbered)
    result = columns.deinterleave(numbered)
    assert warns_mixed(result.warnings)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    opener = next(k for k, text in enumerate(out) if text.startswith("本报讯（全媒体记者 魏静"))
    assert out[opener + 1].startswith("舒）近日")


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
@pytest.mark.parametrize("stem, put_back, left, right", [
    ("f011_pdfminer", False, "推动理念重塑，实", "现认识从局部到全局的转变"),
    # (its one stretch read in 4 tracks of 11 pieces is no columns: CW01's per_track)
    ("f055_pdfminer", False, "（全媒体记者 崔圣驰）近", "日，由市民政局、市慈善总会主办"),
])
def test_a_sequel_box_moves_up_where_no_stretch_was_put_back(stem, put_back, left, right):
    """pdfminer dealt columns' boxes in turn on part of the page, but no reading of the whole
    stretch (f011) or of this part of it (f055) was clearly better than the dump's: the boxes whose
    seams are sure still move to follow the box they go on from, and `explain` shows why (CW07)."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / f"{stem}.txt").read_bytes())
    trace: list = []
    result = columns.deinterleave(numbered, trace)
    assert bool(result.rebuilt) == put_back and printed(result.numbered) == printed(numbered)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    opener = next(k for k, text in enumerate(out) if text.endswith(left))
    assert out[opener + 1].startswith(right)
    moves = [step for step in trace if step.code in ("CW07", "CW11")]  # f011's boxes came in a steady round: CW11
    assert moves and all("goes on by neither" in step.after for step in moves if step.code == "CW07")


def test_boxes_dealt_in_a_steady_round_go_back_column_by_column():
    """CW11: f118's pdfminer dump deals a four-column story one line a box, column after column in
    turn; no stretch was put back (its search read no stretch clearly better), yet each column's
    lines come back in a row, the first column's head box (a name cut across its seam) included,
    and `explain` names the round. Nothing is lost, and a page read in order is left as it came."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / "f118_pdfminer.txt").read_bytes())
    trace: list = []
    result = columns.deinterleave(numbered, trace)
    assert printed(result.numbered) == printed(numbered)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    for left, right in (("本报讯（全媒体记者 邢天", "笑 通讯员"), ("工作中，专家组与烟厂主要", "负责人就安全生产"),
                        ("负责人就安全生产工作进行深入", "交")):
        assert out[out.index(left) + 1].startswith(right), left
    assert any(step.code == "CW11" and "4 columns dealt box by box" in step.after for step in trace)
    raw = numbered_after_line_rules((CORPUS / "fit" / "dumps" / "f118_pdftotext-raw.txt").read_bytes())
    steps: list = []
    columns.deinterleave(raw, steps)
    assert not any(step.code == "CW11" for step in steps)


def test_a_couplet_title_an_ocr_box_read_unspaced_gets_its_space_back():
    """JN30: RapidOCR read 及时整改到位 提升安全水平 as one box, its halves' gap gone; on a box dump whose
    columns were dealt back the title is spaced at its middle, where no word runs across. A pdftotext
    page (not boxes) is left as its extractor read it."""
    dump = CORPUS / "fit" / "dumps" / "f030_paddle.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name, pipeline.Config(trace=True))
    titles = [item.title for item in page.items]
    assert "及时整改到位 提升安全水平" in titles and "及时整改到位提升安全水平" not in titles
    assert any(step.code == "JN30" and step.after == "及时整改到位 提升安全水平" for step in page.steps)
    other = CORPUS / "fit" / "dumps" / "f030_pdftotext.txt"
    assert not any(step.code == "JN30" for step in pipeline.clean(other.read_bytes(), other.name, pipeline.Config(trace=True)).steps)


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_a_title_its_column_tag_closes_is_not_joined_to_the_line_under_it():
    """JN31: RapidOCR's boxes put a title closed by its column's tag (……施肥更精细（经济聚焦·农田里的新鲜事）)
    over another head's line; a comma in the title left it reading as an unfinished sentence, joined
    on. The tag ends the title: the line under it is never its rest."""
    dump = CORPUS / "fit" / "dumps" / "f102_paddle.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name, pipeline.Config(trace=True))
    assert any(step.code == "JN31" for step in page.steps)
    text = "\n".join([text for item in page.items for _, text in item.body] + [item.title for item in page.items])
    assert "新鲜事）及时整改到位" not in text
    assert "给黑土地做体检，施肥更精细（经济聚焦·农田里的新鲜事）" in [item.title for item in page.items]


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_a_whole_title_line_is_not_wrapped_onto_the_head_line_under_it():
    """heads.WHOLE_LINE: a plain box line of 17 characters or more is a whole title; the line under it
    (a subtitle whose —— OCR lost) is the subtitle, not the title's rest."""
    dump = CORPUS / "fit" / "dumps" / "f139_paddle.txt"
    page = pipeline.clean(dump.read_bytes(), dump.name)
    heads = {(item.title, item.subtitle) for item in page.items}
    assert ("北京警方捣毁侵害公民信息团伙抓获299人", "丰台警方出动300名警力299名嫌犯落网") in heads


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_a_box_read_across_a_narrow_gutter_is_cut_into_its_two_columns_lines():
    """CW09: RapidOCR read two columns' lines at one height as one box (新城社区地处东辽县县城心户4级组织架构，
    把党的工): cut in two, each column goes on from its own line, nothing lost, and `explain` shows the cut.
    A box dump whose wide boxes carry the text on whole (f001: a column twice as wide) keeps them whole."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / "f018_paddle.txt").read_bytes())
    trace: list = []
    result = columns.deinterleave(numbered, trace, boxes=True)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    after = dict(zip(out, out[1:]))
    assert after["新城社区地处东辽县县城心"] == "西部，现有居民8835户，常"
    assert "户4级组织架构，把党的工" in out and printed(result.numbered) == printed(numbered)
    assert any(step.code == "CW09" and step.after == "新城社区地处东辽县县城心 ¶ 户4级组织架构，把党的工" for step in trace)
    wide = numbered_after_line_rules((CORPUS / "fit" / "dumps" / "f001_paddle.txt").read_bytes())
    trace = []
    columns.deinterleave(wide, trace, boxes=True)
    assert not any(step.code == "CW09" for step in trace)


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_boxes_dealt_in_turn_on_part_of_a_page_are_found_by_the_words_across_their_seams():
    """RapidOCR dealt a story's column and a caption beside it in turn on part of the page only: the
    page's own pairs (looks_dealt) do not tell it, the dictionary's words across the seams do (as often
    into a line a little further down as into the next), on a box dump only; the caption comes back whole."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / "f040_paddle.txt").read_bytes())
    assert not columns.looks_dealt([text.strip() for _, text in numbered if text.strip()])
    assert not columns.deinterleave(numbered).rebuilt
    result = columns.deinterleave(numbered, boxes=True)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    caption = out.index("近期，金剛石散熱相關概念股股價大幅上涨。根據Wind數據，截至6月11日收盤，近120日，")
    assert result.rebuilt and out[caption + 1].startswith("四方達股價") and printed(result.numbered) == printed(numbered)


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
def test_stories_stacked_at_two_column_widths_are_searched_each_alone():
    """CW14: RapidOCR dealt a story of four narrow columns and, under it, a story of two wider ones; searched
    as one stretch, the lower story's heads went into the upper one's columns. Cut where the width changes,
    every line of the upper story comes before the lower one's heads, nothing lost, and `explain` shows it."""
    raw = (CORPUS / "fit" / "dumps" / "f213_paddle.txt").read_bytes()
    junk = noise.split_noise(numbered_after_line_rules(raw), dict(split_lines(decode(raw).text)), None)
    numbered = furniture.split_furniture(junk.kept, None).kept  # as the pipeline gives the stage its lines
    trace: list = []
    result = columns.deinterleave(numbered, trace, boxes=True)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    head = out.index("民生观察：站好岗放好哨")
    assert out.index("街道社区实现减负增效。") < head and out.index("入制度，梳理准入事项78个，减") < head
    assert out.index("东辽县白泉镇新城社区党委书记谭永生") > head and printed(result.numbered) == printed(numbered)
    assert any(step.code == "CW14" and step.before.startswith("入制度") for step in trace)
    assert columns.width_seams([15.0, 19.0] * 10) == ()  # side-by-side columns of two widths: no seam


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
@pytest.mark.parametrize("stem, left, right", [
    ("f007_pdftotext", "临高放射性污染等挑战。LIBS技", "术凭借远程、实时等优势成为核工"),
    ("f015_pdftotext", "科技日报兰州6月11日电（记者颉满斌 通", "讯员余若怡）锂同位素高精度分析技术研究取"),
])
def test_a_sequel_moves_up_past_another_storys_head(stem, left, right):
    """CW12: pdftotext's default mode wrote a story's next column after another story's head (f007)
    or after the story's own headline (f015) placed between; the block that stops mid-sentence gets
    its sure sequel back, nothing is lost, and `explain` names the head passed over. The same page
    read in order (pdftotext -raw) is left as it came."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / f"{stem}.txt").read_bytes())
    trace: list = []
    result = columns.deinterleave(numbered, trace)
    assert printed(result.numbered) == printed(numbered)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    assert out[out.index(left) + 1] == right
    assert any(step.code == "CW12" and step.after.endswith(", a head") for step in trace)
    raw = numbered_after_line_rules((CORPUS / "fit" / "dumps" / f"{stem[:4]}_pdftotext-raw.txt").read_bytes())
    assert columns.deinterleave(raw).numbered == raw


def test_no_sequel_moves_past_a_columns_first_line_or_on_a_traditional_page():
    """CW12's gates: a box whose first full line reads like a head but is as long as the lines under it
    is a column's text, not a head (f135's simulated dump, read in order); and a page in traditional
    characters is left, the dictionary finding fewer words across its seams."""
    assert not sequels.opens_with_head([(1, "锁价定增通常以董事会决议公告日作为定价基"), (2, "准日，在该时间点就将发行价格确定下来,认")])
    page = [(1, "本報訊 記者報道，專家組與煙廠主要負責人就安全生產工作進行了深入交流，並運用"), (2, ""),
            (3, "春風化雨潤童心"), (4, ""), (5, "活動當天，志願者們與孩子們一起做遊戲。")]
    assert lexicon.printed_traditional(page) and columns._past_heads(page, None, None) == page


def _head_lifted(stem: str, head: list[str]) -> tuple[list[str], list]:
    """A corpus dump's lines after the column stage, whose head lines stand together, nothing lost; and its trace."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / f"{stem}.txt").read_bytes())
    trace: list = []
    result = columns.deinterleave(numbered, trace)
    assert printed(result.numbered) == printed(numbered)
    out = [text.strip() for _, text in result.numbered if text.strip()]
    at = out.index(head[0])
    assert out[at:at + len(head)] == head
    return out, trace


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
@pytest.mark.parametrize("stem, head", [
    ("f156_pdftotext", ["宁海一水电工11年献血", "“爱心长跑”挽救70条生命", "——记宁海县水电工王伟栋十一年坚持无偿献血"]),
    ("f358_pdftotext", ["突出黨建引領", "聚焦民生福祉"]),
])
def test_a_heads_later_lines_beside_a_column_are_lifted(stem, head):
    """CW15: pdftotext wrote a head's first line alone and its later lines at the end of the next lines,
    beside the running text of the column left of it; they come back under its first line, nothing is
    lost, and `explain` shows each piece lifted. The same page read in order (pdftotext -raw) is left."""
    out, trace = _head_lifted(stem, head)
    assert sum(step.code == "CW15" for step in trace) == len(head) - 1
    raw = numbered_after_line_rules((CORPUS / "fit" / "dumps" / f"{stem[:4]}_pdftotext-raw.txt").read_bytes())
    trace = []
    columns.deinterleave(raw, trace)
    assert not any(step.code == "CW15" for step in trace)


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
@pytest.mark.parametrize("stem, head", [
    ("f422_pdftotext", ["党委统揽", "全域统筹"]),
    ("f463_pdftotext", ["聚焦民生福祉", "推动基层治理走深走实"]),
])
def test_a_heads_next_line_beside_a_clause_is_lifted_where_it_reads_on_with_no_text(stem, head):
    """CW16: a head's next line at the end of a line of another story's running text (no dateline beside
    it), reading on with none of the text around it, comes back under the head's first line, the head
    after the block of that text (which goes on from above it); nothing is lost, `explain` shows the
    piece lifted."""
    out, trace = _head_lifted(stem, head)
    at = out.index(head[0])
    lifted = [step for step in trace if step.code == "CW16"]
    assert len(lifted) == 1 and f"¶ {head[1]} (under line {lifted[0].first - 1}: {head[0]}" in lifted[0].after
    clause = lifted[0].after.split(" ¶ ")[0]
    assert out.index(clause) < at  # the clause beside it goes on from above the head: the head after its block


@pytest.mark.skipif(not (CORPUS / "fit").exists(), reason="the factory corpus is not in this checkout")
@pytest.mark.parametrize("stem, stretch", [("f123_pdftotext", (41, 51)), ("f418_pdftotext", (10, 14))])
def test_lines_cut_at_a_gutter_count_for_a_stretch_but_not_on_a_page_read_by_ocr(stem, stretch):
    """CW65: a stretch whose gain alone is short is put back for the lines it holds cut at a gutter
    (`explain` says so); on a page read by OCR they count for nothing (Tesseract's rows are cut at
    gaps of its own), and the stretch stays as dumped."""
    numbered = numbered_after_line_rules((CORPUS / "fit" / "dumps" / f"{stem}.txt").read_bytes())
    for ocr in (False, True):
        trace: list = []
        result = columns.deinterleave(numbered, trace, ocr=ocr)
        credited = [(step.first, step.last) for step in trace if step.code == "CW65"]
        assert credited == ([] if ocr else [stretch]) and (stretch in result.rebuilt) != ocr
        assert printed(result.numbered) == printed(numbered)
