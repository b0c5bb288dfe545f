"""`cleanup review` without a browser: what the manifest records, the files written, the quick Markdown path.

The pages as a reader sees them are tested in Chromium: tests/test_review_browser.py.
"""

import json
import shutil

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from typer.testing import CliRunner

from cleanup import pipeline
from cleanup.cli import app
from cleanup.layout import split_lines
from cleanup.model import Config
from cleanup.render import escape_markdown
from cleanup.review.build import dump_lines
from cleanup.review.markdown import plain_blocks, split_front

from .conftest import DUMPS

runner = CliRunner()
COMMONMARK = MarkdownIt("commonmark", {"html": False})


def _reflow(tmp_path, *inputs, review=True):
    out = tmp_path / "out"
    args = ["reflow", *map(str, inputs), "-o", str(out), "--jobs", "1"] + (["--review"] if review else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def _records(out):
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_manifest_records_each_items_spans_and_each_pages_text_and_trace(tmp_path):
    out = _reflow(tmp_path, *DUMPS, review=False)
    records = _records(out)
    for dump in DUMPS:
        page = pipeline.clean(dump.read_bytes(), dump.name, Config(trace=True))
        mine = [r for r in records if r["source"] == dump.name]
        assert [r["spans"] for r in mine] == [[list(s) for s in item.spans] for item in page.items]
        assert "page" in mine[0] and not any("page" in r for r in mine[1:])
        assert mine[0]["page"]["text"] == dump.read_bytes().decode("utf-8-sig")
        assert mine[0]["page"]["warnings"] == list(page.warnings)
    steps = _records(out)[0]["page"]["steps"]  # golden 000: line 18 is printed spread (和 灭 火 器 材…)
    assert ["SP02", 18, 18, "和 灭 火 器 材 操 作 等 方 面 的 知", "和灭火器材操作等方面的知"] in steps
    assert ["CL02", 4, 4, "byline"] in steps
    assert not any(step[0].startswith("JN") for step in steps)


def test_review_writes_the_index_and_one_page_per_dump(tmp_path):
    out = _reflow(tmp_path, *DUMPS)
    written = sorted(p.name for p in (out / "review").iterdir())
    assert written == sorted(["index.html"] + [d.stem + ".html" for d in DUMPS])
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    assert "Review of 5 pages" in index and "39 items" in index
    rows = json.loads(index.split('<script type="application/json" id="rows">')[1].split("</script>")[0])
    assert [row[3] for row in rows] == sorted((row[3] for row in rows), reverse=True)  # most-warned first
    warned = {row[0]: row[3] for row in rows}
    # 000: a headline attached with a close runner-up (AS01), its headless brief (AS18: no headline)
    # a caption without credit whose first dump line stops short (AS18, 40%) and two without credit
    # alone (AS18, 18% and 22%: the fit's cut warns from 13%; they are right, as half the fit's
    # credit-less captions are)
    assert warned["000_d20242aeae1e2cd8"] == 5 and warned["003_aa2afd14d305bbb0"] == 0
    assert not list(out.glob(".*")), "temporary folders left behind"


def test_review_data_holds_every_item_and_its_spans(tmp_path):
    out = _reflow(tmp_path, DUMPS[0])
    html = (out / "review" / f"{DUMPS[0].stem}.html").read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/json" id="data">')[1].split("</script>")[0])
    records = _records(out)
    assert [item["title"] for item in data["items"]] == [r["title"] for r in records]
    assert data["spans"] == [r["spans"] for r in records]
    assert data["rules"]["SP02"].startswith("close-spread-characters: ")


def test_a_second_review_replaces_the_first_and_leaves_nothing_behind(tmp_path):
    out = _reflow(tmp_path, DUMPS[0])
    result = runner.invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output
    assert "review: 1 pages" in result.output
    assert sorted(p.name for p in out.iterdir()) == [DUMPS[0].stem, "manifest.jsonl", "review"]


def test_review_never_replaces_a_folder_it_did_not_write(tmp_path):
    out = _reflow(tmp_path, DUMPS[0], review=False)
    (out / "review").mkdir()
    (out / "review" / "notes.txt").write_text("mine")
    result = runner.invoke(app, ["review", str(out)])
    assert result.exit_code == 1
    assert "exists and is not a review folder; not replaced" in result.output
    assert (out / "review" / "notes.txt").read_text() == "mine"


def test_review_of_a_folder_without_manifest_fails_in_one_line(tmp_path):
    result = runner.invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"error: {tmp_path}: no manifest.jsonl (run `cleanup reflow ... -o {tmp_path}` first)"]


def test_review_needs_the_markdown_output(tmp_path):
    result = runner.invoke(app, ["reflow", str(DUMPS[0]), "--format", "jsonl", "--review"])
    assert result.exit_code == 2


def test_an_item_file_gone_is_shown_as_missing_not_a_failure(tmp_path):
    out = _reflow(tmp_path, DUMPS[0], review=False)
    (out / DUMPS[0].stem / "02.md").unlink()
    assert runner.invoke(app, ["review", str(out)]).exit_code == 0
    html = (out / "review" / f"{DUMPS[0].stem}.html").read_text(encoding="utf-8")
    assert f"cannot read {DUMPS[0].stem}/02.md: No such file or directory" in html


def test_hostile_text_stays_text_in_the_html_source(tmp_path):
    dump = tmp_path / "hostile.txt"
    dump.write_text(HOSTILE, encoding="utf-8")
    out = _reflow(tmp_path, dump)
    html = (out / "review" / "hostile.html").read_text(encoding="utf-8")
    assert html.count("<script") == 2 and html.count("</script>") == 2  # ours: the data and the script
    assert "</textarea>" not in html and "<img" not in html
    assert "{{ 7*7 }}" in html and ">49<" not in html  # the dump is data, never a template


def test_workers_write_the_same_review_as_one_process(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(70):  # more than PARALLEL_FROM, so workers start
        shutil.copy(DUMPS[n % len(DUMPS)], pages / f"p{n:03d}.txt")
    out = _reflow(tmp_path, pages, review=False)
    assert runner.invoke(app, ["review", str(out), "--jobs", "1"]).exit_code == 0
    one = {p.name: p.read_bytes() for p in (out / "review").iterdir()}
    assert runner.invoke(app, ["review", str(out), "--jobs", "2"]).exit_code == 0
    two = {p.name: p.read_bytes() for p in (out / "review").iterdir()}
    assert len(one) == 71 and one == two


HOSTILE = """<script>alert("dump")</script>
</textarea><img src=x onerror=alert(1)>
他说："引号" 'single' & <b>粗</b>
[链接](javascript:alert(1)) ![图](x.png)
{{ 7*7 }} {% raw %} ${x} `code` *强调* _下划线_

本报讯（记者 郑林）<script>alert("item")</script>近日，社区开展“</textarea>”活动，[点此](javascript:alert(2))查看。
"""


# ---- the quick Markdown path, held to markdown-it-py

def _as_markdown_it_renders(blocks):
    tags = {"p": "p", "h1": "h1", "h2": "h2"}
    return "".join(f"<{tags[tag]}>{escapeHtml(text)}</{tags[tag]}>\n" for tag, text in blocks)


MARKUP = list("\\`*_[]<>&!#+-=|~:.()\"'0123456789 \t\n\u3000\u00a0") + [
    "\\\\", "\\*", "1.", "1)", "&amp;", "  ", "\n\n", "# ", "## ", "*强调*", "_强调_", "`码`", "[链](x)", "<b>"]
block = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(alphabet="普及消防知识提高自救能力abc", min_size=1, max_size=4)),
                 min_size=1, max_size=12).map("".join)
body = st.lists(st.tuples(st.sampled_from(["", "# ", "## "]), block), min_size=1, max_size=5).map(
    lambda blocks: "\n\n".join(prefix + text for prefix, text in blocks) + "\n")


@settings(max_examples=1500, deadline=None)
@given(body)
@example("# # 标题\n")
@example("1\\. 坚持\n\n## 升级“服务阵地矩阵”\n")
@example("\\\\<个\n")
def test_a_body_the_quick_path_reads_renders_as_markdown_it_renders_it(text):
    blocks = plain_blocks(text)
    if blocks is not None:
        assert _as_markdown_it_renders(blocks) == COMMONMARK.render(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="普及消防知识。，“”（）1.#*_<>&\\[]` -", min_size=1, max_size=30).filter(lambda t: t == t.strip()))
def test_what_the_writer_escapes_reads_back_through_either_path(text):
    """The writer's escaped paragraph is the same text through the quick path or markdown-it-py."""
    markdown = escape_markdown(text) + "\n"
    blocks = plain_blocks(markdown)
    if blocks is not None:
        assert blocks == [("p", text)]
        assert _as_markdown_it_renders(blocks) == COMMONMARK.render(markdown)


def test_most_golden_items_take_the_quick_path():
    files = [p.read_text(encoding="utf-8") for d in DUMPS for p in sorted(d.with_suffix("").glob("*.md"))]
    quick = [plain_blocks(split_front(f)[1]) for f in files]
    assert sum(b is not None for b in quick) >= 0.8 * len(files)
    for text, blocks in zip(files, quick):
        if blocks is not None:
            assert _as_markdown_it_renders(blocks) == COMMONMARK.render(split_front(text)[1])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\r\n\u2028\x0c ", max_size=20))
def test_dump_lines_are_numbered_as_the_pipeline_numbers_them(text):
    assert dump_lines(text).split("\n") == [line for _, line in split_lines(text)]


def test_a_page_named_index_does_not_take_the_index_place(tmp_path):
    dump = tmp_path / "index.txt"
    dump.write_bytes(DUMPS[3].read_bytes())
    out = _reflow(tmp_path, dump)
    assert sorted(p.name for p in (out / "review").iterdir()) == [".index.html", "index.html"]
    assert 'href=".index.html"' in (out / "review" / "index.html").read_text(encoding="utf-8")


def test_a_manifest_path_outside_out_is_not_followed(tmp_path):
    out = _reflow(tmp_path, DUMPS[3], review=False)
    records = _records(out)
    records[0]["path"] = "../../etc/01.md"
    (out / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert runner.invoke(app, ["review", str(out)]).exit_code == 0
    assert not list(tmp_path.glob("**/etc.html")) and "../../etc" not in (out / "review" / "index.html").read_text()
