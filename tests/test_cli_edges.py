"""Command-line edges a newcomer hits: option values, versions, help, --jobs, explain, JSON blocks (issue 17)."""

import json
import re

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from cleanup import batch, output, parallel, pipeline
from cleanup.cli import app
from cleanup.render import escape_markdown, file_names

from .conftest import DUMPS

runner = CliRunner()


def one_line_usage_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    return line


# -- 8: option values are checked before anything is written ----------------------------------


@pytest.mark.parametrize("option, value, message", [
    ("--encoding", "nosuch", "error: --encoding: unknown encoding 'nosuch'"),
    ("--encoding", "base64", "error: --encoding: 'base64' is not a text encoding"),
    ("--convert", "bogus", "error: --convert: no OpenCC configuration 'bogus' (t2s, s2t, tw2s, hk2s, s2twp, …)"),
])
def test_a_bad_option_value_is_a_command_line_error_and_writes_nothing(tmp_path, option, value, message):
    result = runner.invoke(app, ["reflow", str(DUMPS[0]), "-o", str(tmp_path / "out"), option, value])
    assert one_line_usage_error(result) == message
    assert not (tmp_path / "out").exists()


def test_a_good_conversion_still_converts(tmp_path):
    result = runner.invoke(app, ["reflow", str(DUMPS[0]), "--format", "jsonl", "--convert", "s2t"])
    assert result.exit_code == 0, result.output
    assert "黨建" in result.stdout


# -- 12: JSON lines keep each block's role; -o with jsonl is refused ---------------------------


def test_json_lines_give_each_block_its_role_in_the_markdowns_order():
    result = runner.invoke(app, ["reflow", str(DUMPS[0]), "--format", "jsonl", "-j", "1"])
    items = [json.loads(line) for line in result.stdout.splitlines()]
    page = pipeline.clean(DUMPS[0].read_bytes(), DUMPS[0].name)
    for record, item in zip(items, page.items, strict=True):
        roles = [block["role"] for block in record["blocks"]]
        expected = (["title"] * bool(item.title) + ["subtitle"] * bool(item.subtitle) + ["byline"] * bool(item.byline)
                    + [{"h2": "heading"}.get(tag, {"photo": "caption"}.get(item.kind, "body")) for tag, _ in item.body]
                    + ["credit"] * bool(item.credit))
        assert roles == expected
        assert [b["text"] for b in record["blocks"] if b["role"] in ("body", "heading", "caption")] == record["paragraphs"]
    assert any(b["role"] == "heading" for r in items for b in r["blocks"])
    assert any(b["role"] == "caption" for r in items for b in r["blocks"])


def test_an_output_folder_with_json_lines_is_refused(tmp_path):
    result = runner.invoke(app, ["reflow", str(DUMPS[0]), "--format", "jsonl", "-o", str(tmp_path / "out")])
    assert one_line_usage_error(result) == \
        "error: -o: --format jsonl writes to standard output, not to a folder (redirect it: > items.jsonl)"
    assert not (tmp_path / "out").exists()


# -- 14: the smaller ones ----------------------------------------------------------------------


def test_version_is_printed():
    from importlib.metadata import version

    import cleanup

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"cleanup {cleanup.__version__}\n"
    assert cleanup.__version__ == version("zh-newspaper-cleanup")


def test_help_shows_no_python_types_or_braces():
    text = runner.invoke(app, ["reflow", "--help"]).stdout
    assert "INPUT..." in text
    assert not re.search(r"\{inputs\}|<list\[|<str>|<int|<path>", text), text


def test_jobs_are_capped_by_the_pages_and_the_cores(monkeypatch):
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    assert batch.worker_count(500, pages=3, size=10**9) == 3
    assert batch.worker_count(500, pages=None, size=None) == 8  # 4 x the usable cores
    assert batch.worker_count(None, pages=1000, size=10**9) == 2
    assert batch.worker_count(None, pages=1000, size=batch.MIN_PARALLEL_BYTES - 1) == 1


@pytest.mark.parametrize("jobs, pages, workers", [(["--jobs", "500"], 2, 2), ([], 2, 1)])
def test_workers_are_started_only_as_many_as_pay(tmp_path, monkeypatch, jobs, pages, workers):
    started = []
    real = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda n: started.append(n) or real(n))
    result = runner.invoke(app, ["reflow", *map(str, DUMPS[:pages]), "-o", str(tmp_path / "out"), *jobs])
    assert result.exit_code == 0, result.output
    assert started == ([workers] if workers > 1 else [])


def test_the_default_starts_workers_for_a_batch_big_enough(tmp_path, monkeypatch):
    started = []
    real = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda n: started.append(n) or real(n))
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    monkeypatch.setattr(batch, "MIN_PARALLEL_BYTES", sum(d.stat().st_size for d in DUMPS[:3]))
    assert runner.invoke(app, ["reflow", *map(str, DUMPS[:3]), "-o", str(tmp_path / "out")]).exit_code == 0
    assert started == [2]


@pytest.mark.parametrize("count, first, last", [(9, "01.md", "09.md"), (100, "001.md", "100.md"),
                                                (1000, "0001.md", "1000.md"), (12345, "00001.md", "12345.md")])
def test_file_names_sort_in_item_order_at_any_count(count, first, last):
    names = file_names(count)
    assert names[0] == first and names[-1] == last and sorted(names) == names


def test_a_page_of_a_thousand_items_is_written_in_order(tmp_path):
    from cleanup.model import Item, Page

    page = Page("big.txt", tuple(Item("article", n, title=f"第{n}条") for n in range(1, 1201)))
    output.write_page(tmp_path, "big", page)
    names = sorted(p.name for p in (tmp_path / "big").iterdir())
    assert names == file_names(1200) and names[999] == "1000.md"
    titles = [(tmp_path / "big" / name).read_text().split("title: ")[1].split("\n")[0] for name in names]
    assert titles == [f"第{n}条" for n in range(1, 1201)]
    assert [json.loads(line)["path"] for line in output.manifest_lines(page, "big")] == [f"big/{n}" for n in names]


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "cannot read: No such file or directory"),
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b" \n\n"), "no printed text"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256))), "binary data (a PNG image)"),
])
def test_explain_names_a_page_it_cannot_explain_in_one_line(tmp_path, make, message):
    page = tmp_path / "page.txt"
    make(page)
    result = runner.invoke(app, ["explain", str(page)])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {page}: {message}")


def test_explain_takes_an_encoding(tmp_path):
    text = DUMPS[0].read_text(encoding="utf-8")
    (tmp_path / "page.txt").write_bytes(text.encode("gb18030"))
    forced = runner.invoke(app, ["explain", str(tmp_path / "page.txt"), "--encoding", "gb18030", "--json"])
    plain = runner.invoke(app, ["explain", str(DUMPS[0]), "--json"])
    assert forced.exit_code == 0 and forced.stdout == plain.stdout
    assert one_line_usage_error(runner.invoke(app, ["explain", str(DUMPS[0]), "--encoding", "nosuch"]))


def test_stream_errors_name_their_line(tmp_path):
    lines = [{"source": "a.txt", "text": "本报讯 社区开展活动。\n"}, {"source": "b.txt", "text": ""},
             {"source": "a.txt", "text": "本报讯 另一条消息。\n"}, {"source": "..", "text": "本报讯 消息。\n"}]
    feed = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    result = runner.invoke(app, ["reflow", "-", "--stdin", "jsonl", "-o", str(tmp_path / "out")], input=feed)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        "error: stdin line 2 (b.txt): empty file",
        "error: stdin line 3 (a.txt): same name as stdin line 1 (a.txt); not written (rename one of them)",
        "error: stdin line 4 (..): cannot make a safe folder name from '..'",
    ]


def test_tildes_are_escaped_so_gfm_strikes_nothing():
    gfm = MarkdownIt("commonmark").enable("strikethrough")
    for text in ("删除~~这里~~了", "~~删除~~", "~~~代码", "价格~10元~20元"):
        escaped = escape_markdown(text)
        assert gfm.render(escaped) == f"<p>{text}</p>\n"
        assert escaped.count("\\~") == text.count("~")  # GFM strikes with one tilde too (markdown-it: two)
