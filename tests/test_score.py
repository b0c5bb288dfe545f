"""`cleanup score` on small hand-made TRUTH and OUT folders, figures worked out by hand; its errors."""

import json
import string

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.score import command
from cleanup.score.align import Haystack
from cleanup.score.items import ItemError, parse_item

runner = CliRunner()

TITLE = "社区消防演练"  # 6 characters
P1 = "本报讯近日社区开展消防演练。"  # 14
P2 = "居民踊跃参加并学习灭火器材的使用方法。"  # 19
CAPTION = "游客在花海中拍照留念"  # 10
CREDIT = "王欢 摄"  # 4, one of them a space


def item(kind: str, *blocks: str, **fields: str) -> str:
    """An item file as FORMAT.md has it; a title becomes the first block."""
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    body = ([f"# {fields['title']}"] if "title" in fields else []) + list(blocks)
    return f"---\nsource: page_ocr.txt\nkind: {kind}\n{front}---\n\n" + "\n\n".join(body) + "\n"


ARTICLE = item("article", P1, P2, title=TITLE)  # text 39 characters, breaks after 6 and 20
PHOTO = item("photo", CAPTION, CREDIT, credit=CREDIT)  # text 14, one break; 13 without the space


def write(root, pages: dict[str, list[str]]):
    """root/<stem>/01.md … for each page's item files."""
    for stem, files in pages.items():
        (root / stem).mkdir(parents=True)
        for n, text in enumerate(files, 1):
            (root / stem / f"{n:02d}.md").write_text(text, encoding="utf-8")
    return root


def score(tmp_path, truth: list[str], out: list[str]) -> dict:
    """The overall figures for one page, TRUTH and OUT given as item files."""
    write(tmp_path / "truth", {"page_ocr": truth})
    write(tmp_path / "out", {"page_ocr": out})
    result = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["overall"]


def test_an_exact_prediction_scores_perfectly(tmp_path):
    f = score(tmp_path, [ARTICLE, PHOTO], [PHOTO, ARTICLE])  # file numbers do not matter
    assert (f["n_matched"], f["cer"], f["break_f1"], f["exact_rate"], f["text_cer"]) == (2, 0.0, 1.0, 1.0, 0.0)
    assert (f["title_acc"], f["credit_acc"], f["kind_acc"], f["photo_p"], f["photo_r"]) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert (f["leak_rate"], f["spurious_spaces"], f["subtitle_acc"]) == (0.0, 0, None)


def test_a_split_item_counts_its_lost_half_twice(tmp_path):
    # the article matches its larger half (title + P1, 20 characters): P2 is deleted from it
    # (19 edits) and inserted as an unmatched item (19): 38 edits over 39 true characters
    f = score(tmp_path, [ARTICLE], [item("article", P1, title=TITLE), item("article", P2)])
    assert (f["n_pred"], f["n_matched"], f["edits"], f["ref_chars"]) == (2, 1, 38, 39)
    assert round(f["cer"], 4) == round(38 / 39, 4)
    # true breaks after 6 and 20; the matched half has the one after 6: p = 1/1, r = 1/2, F1 = 2/3
    assert (f["break_p"], f["break_r"], round(f["break_f1"], 4)) == (1.0, 0.5, 0.6667)
    assert (f["title_acc"], f["kind_acc"], f["exact_rate"], f["text_cer"]) == (1.0, 1.0, 0.0, 0.0)


def test_a_merged_pair_loses_the_smaller_item(tmp_path):
    second = item("article", "市民在公园里赏花游园。", title="游园赏花")  # 4 + 11 characters, a break after 4
    merged = item("article", P1, P2, "游园赏花", "市民在公园里赏花游园。", title=TITLE)
    f = score(tmp_path, [ARTICLE, second], [merged])
    # the merged item matches the article (39 common characters against 15): 15 inserted there,
    # and the second story, unmatched, 15 deleted: 30 edits over 54
    assert (f["n_matched"], f["edits"], f["ref_chars"]) == (1, 30, 54)
    # predicted breaks after 6, 20, 39, 43 map to 6, 20, 39, 39: two hits, two false;
    # missed: the second story's one: F1 = 4 / (4 + 2 + 1)
    assert round(f["break_f1"], 4) == round(4 / 7, 4)
    assert (f["title_acc"], f["kind_acc"], f["exact_rate"]) == (0.5, 0.5, 0.0)


def test_a_missing_item_is_all_deletions(tmp_path):
    f = score(tmp_path, [ARTICLE, PHOTO], [ARTICLE])
    assert (f["n_true"], f["n_matched"], f["edits"], f["ref_chars"]) == (2, 1, 14, 53)
    assert (f["photo_p"], f["photo_r"], f["credit_acc"], f["kind_acc"], f["exact_rate"]) == (None, 0.0, 0.0, 0.5, 0.5)
    # the caption's 10 and the credit's 3 characters are nowhere: 13 of 52 (white space aside)
    assert f["text_cer"] == 0.25 and f["leak_rate"] == 0.0


def test_real_text_put_in_noise_is_missing_from_its_item(tmp_path):
    noise = item("noise", CAPTION, CREDIT)
    f = score(tmp_path, [ARTICLE, PHOTO], [ARTICLE, noise])
    assert (f["n_pred"], f["n_matched"], f["edits"], f["noise_chars"], f["photo_r"]) == (1, 1, 14, 14, 0.0)
    assert f["text_cer"] == 0.0  # the text is there, only in the wrong place


def test_a_caption_glued_into_an_article_leaks(tmp_path):
    glued = item("article", P1, CAPTION, CREDIT, P2, title=TITLE)
    f = score(tmp_path, [ARTICLE, PHOTO], [glued])
    # all 13 caption characters sit in another item; 14 inserted in the article, 14 deleted as the photo
    assert (f["leak_rate"], f["edits"], f["photo_r"], f["photo_p"]) == (1.0, 28, 0.0, None)
    # breaks after 6, 20, 30, 34 map to 6, 20, 20, 20: two hits, two false, the photo's one missed
    assert round(f["break_f1"], 4) == round(4 / 7, 4)
    assert f["spurious_spaces"] == 1  # the credit's space, inserted into the article


def test_a_caption_that_repeats_its_storys_sentence_leaks_only_when_printed_twice(tmp_path):
    story = item("article", P1, CAPTION + "。", title=TITLE)  # the story prints the caption's words too
    caption = item("photo", CAPTION)
    assert score(tmp_path / "kept", [story, caption], [story, caption])["leak_rate"] == 0.0
    glued = item("article", P1, CAPTION + "。", CAPTION, title=TITLE)
    assert score(tmp_path / "glued", [story, caption], [glued])["leak_rate"] == 1.0


def test_a_page_missing_from_out_counts_as_nothing_predicted(tmp_path):
    write(tmp_path / "truth", {"a_ocr": [ARTICLE], "b_paddle": [PHOTO]})
    write(tmp_path / "out", {"a_ocr": [ARTICLE], "extra_ocr": [PHOTO]})
    result = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert list(scores["pages"]) == ["a_ocr", "b_paddle"] and list(scores["groups"]) == ["ocr", "paddle"]
    assert scores["pages"]["b_paddle"]["cer"] == 1.0 and scores["overall"]["n_pred"] == 1
    assert "1 page folder(s) of OUT have no truth" in result.stderr


def test_the_table_has_page_rows_or_group_rows(tmp_path):
    write(tmp_path / "truth", {"a_ocr": [ARTICLE], "b_ocr": [PHOTO]})
    write(tmp_path / "out", {"a_ocr": [ARTICLE], "b_ocr": [PHOTO]})
    pages = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out")])
    groups = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out"), "--by-group"])
    assert pages.exit_code == groups.exit_code == 0
    first = lambda result: [line.split()[0] for line in result.stdout.splitlines()[2:5]]  # noqa: E731
    assert first(pages) == ["a_ocr", "b_ocr", "-" * len(pages.stdout.splitlines()[0])]
    assert first(groups)[0] == "[ocr]" and "OVERALL" in groups.stdout
    assert "floor" not in pages.stdout.splitlines()[0]


def test_warnings_in_the_manifest_are_weighed_against_whether_the_item_is_right(tmp_path):
    # out: the article right and warned, the photo wrong (its caption cut) and not warned, a third item
    # wrong and warned; the page's own warning (every item repeats it) is not an item's
    write(tmp_path / "truth", {"page_ocr": [ARTICLE, PHOTO]})
    write(tmp_path / "out", {"page_ocr": [ARTICLE, item("photo", CAPTION[:6], CREDIT, credit=CREDIT), item("article", "多出来的一段。")]})
    page = "CW01 lines 3-9 mixed side-by-side columns"
    records = [{"path": "page_ocr/01.md", "warnings": [page, "AS01 attached by similarity"], "page": {"warnings": [page]}},
               {"path": "page_ocr/02.md", "warnings": [page]},
               {"path": "page_ocr/03.md", "warnings": [page, "AS15 no headline found for this story"]}]
    (tmp_path / "out" / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out"), "--json"])
    f = json.loads(result.stdout)["overall"]
    assert (f["warned"], f["warned_wrong_rate"], f["unwarned"], f["unwarned_right_rate"]) == (2, 0.5, 1, 0.0)
    table = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out")]).stdout
    assert "warnings: 2 items warned, 50.0% of them wrong; 1 not warned, 0.0% of them right" in table


def test_without_a_manifest_no_warning_figures(tmp_path):
    f = score(tmp_path, [ARTICLE], [ARTICLE])
    assert (f["warned"], f["unwarned"], f["warned_wrong_rate"]) == (0, 0, None)


def test_dumps_give_the_floor(tmp_path):
    write(tmp_path / "truth", {"page_ocr": [ARTICLE]})
    write(tmp_path / "out", {"page_ocr": [ARTICLE]})
    (tmp_path / "dumps").mkdir()
    # the dump misreads one character (灭 as 火) and wraps lines: one edit over 39
    dump = f"{TITLE}\n本报讯近日社区开展消\n防演练。\n{P2.replace('灭', '火')}\n"
    (tmp_path / "dumps" / "page_ocr.txt").write_bytes(dump.encode("gb18030"))
    result = runner.invoke(app, ["score", str(tmp_path / "truth"), str(tmp_path / "out"),
                                 "--dumps", str(tmp_path / "dumps"), "--json"])
    assert result.exit_code == 0, result.output
    assert round(json.loads(result.stdout)["overall"]["floor"], 4) == round(1 / 39, 4)


# errors: one line each, never a traceback


def run_error(*args):
    result = runner.invoke(app, ["score", *map(str, args)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def test_missing_or_empty_folders_are_usage_errors(tmp_path):
    write(tmp_path / "truth", {"page_ocr": [ARTICLE]})
    (tmp_path / "empty").mkdir()
    (tmp_path / "file").write_text("x")
    assert run_error(tmp_path / "nope", tmp_path / "truth") == (2, [f"error: TRUTH {tmp_path / 'nope'}: no such folder"])
    assert run_error(tmp_path / "truth", tmp_path / "nope") == (2, [f"error: OUT {tmp_path / 'nope'}: no such folder"])
    code, lines = run_error(tmp_path / "empty", tmp_path / "truth")
    assert code == 2 and lines == [f"error: TRUTH {tmp_path / 'empty'}: no <stem>/ page folders in it "
                                   "(each page's NN.md files go in one)"]
    assert run_error(tmp_path / "file", tmp_path / "truth")[0] == 2
    code, lines = run_error(tmp_path / "truth", tmp_path / "truth", "--dumps", tmp_path / "nope")
    assert code == 2 and lines == [f"error: --dumps {tmp_path / 'nope'}: no such folder"]


def test_each_malformed_item_file_is_named(tmp_path):
    write(tmp_path / "truth", {"a_ocr": [ARTICLE, "no front matter\n"], "b_ocr": [item("story", P1)]})
    write(tmp_path / "out", {"a_ocr": ["---\nkind: article\ntitle: [a\n---\n\n正文\n"], "b_ocr": [ARTICLE]})
    (tmp_path / "out" / "b_ocr" / "02.md").write_bytes(b"---\nkind: article\n---\n\n\xff\xfe\n")
    code, lines = run_error(tmp_path / "truth", tmp_path / "out")
    assert code == 1
    assert lines == [
        f"error: {tmp_path / 'truth/a_ocr/02.md'}: no front matter (a first line '---', the keys, then '---')",
        f"error: {tmp_path / 'truth/b_ocr/01.md'}: kind 'story' is not one of article, photo, note, furniture, noise",
    ]
    (tmp_path / "truth" / "a_ocr" / "02.md").unlink()
    (tmp_path / "truth" / "b_ocr" / "01.md").write_text(PHOTO)
    code, lines = run_error(tmp_path / "truth", tmp_path / "out")
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith(f"error: {tmp_path / 'out/a_ocr/01.md'}: front matter is not valid YAML (front matter line")
    assert lines[1] == f"error: {tmp_path / 'out/b_ocr/02.md'}: not UTF-8 (byte 0xff at offset 23)"


def test_a_truth_page_without_items_is_an_error(tmp_path):
    write(tmp_path / "truth", {"a_ocr": []})
    write(tmp_path / "out", {"a_ocr": [ARTICLE]})
    assert run_error(tmp_path / "truth", tmp_path / "out") == (1, [f"error: {tmp_path / 'truth/a_ocr'}: no NN.md item files"])


def test_without_the_extra_it_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(command, "_importable", lambda module: module != "scipy")
    write(tmp_path / "truth", {"page_ocr": [ARTICLE]})
    assert run_error(tmp_path / "truth", tmp_path / "truth") == (
        2, ["error: cleanup score needs scipy: pip install 'zh-newspaper-cleanup[score]'"])


# the free-order search against the plain dynamic programme


def semi_global(pattern: str, text: str) -> int:
    """Edit distance of the whole pattern to the best substring of text, cell by cell."""
    row = [0] * (len(text) + 1)
    for i, p in enumerate(pattern, 1):
        new = [i]
        for j, t in enumerate(text, 1):
            new.append(min(row[j - 1] + (p != t), row[j] + 1, new[j - 1] + 1))
        row = new
    return min(row)


@given(st.text(alphabet="abc消防", max_size=12), st.text(alphabet="abcd消防演", max_size=80))
def test_the_bit_vector_search_is_the_dynamic_programme(pattern, text):
    assert Haystack(text).distance(pattern) == semi_global(pattern, text)


@given(st.text(alphabet=string.ascii_lowercase[:3], min_size=60, max_size=200), st.data())
def test_a_stretch_of_the_text_is_found_at_no_cost(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, len(text)))
    assert Haystack(text).distance(text[start:end]) == 0


@given(st.one_of(st.text(), st.builds(lambda head, body: f"---\n{head}\n---\n{body}", st.text(), st.text())))
def test_any_text_parses_or_gives_a_reason(text):
    try:
        parse_item(text)
    except ItemError as error:
        assert str(error) and "\n" not in str(error)
