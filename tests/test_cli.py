"""The command line: exit codes, files written, one-line errors."""

import json
import shutil

from typer.testing import CliRunner

from cleanup.cli import app

from .conftest import DUMPS

runner = CliRunner()


def test_reflow_writes_a_folder_per_page_and_a_manifest(tmp_path, golden_dir):
    result = runner.invoke(app, ["reflow", str(golden_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert folders == [d.stem for d in DUMPS]
    records = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()]
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").glob("*/*.md"))
    assert sorted(r["path"] for r in records) == written
    assert set(records[0]) == {"source", "path", "kind", "title", "characters", "warnings", "spans", "page"}
    assert set(records[1]) == {"source", "path", "kind", "title", "characters", "warnings", "spans"}
    assert "5 pages" in result.output
    assert not list((tmp_path / "out").glob(".*")), "temporary files left behind"


def test_reflow_jsonl_streams_items(golden_dir):
    result = runner.invoke(app, ["reflow", str(DUMPS[0]), "--format", "jsonl"])
    assert result.exit_code == 0
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["index"] for i in items] == list(range(1, len(items) + 1))
    assert items[0]["markdown"].startswith("---\nsource: " + DUMPS[0].name)


def test_reflow_reads_stdin_with_a_name(tmp_path):
    result = runner.invoke(app, ["reflow", "-", "--name", "../../etc/页面.txt", "-o", str(tmp_path)],
                           input="本报讯（记者 郑林）近日，社区开展活动。\n".encode())
    assert result.exit_code == 0, result.output
    assert (tmp_path / "页面" / "01.md").read_text().startswith("---\nsource: 页面.txt\n")
    assert [p.name for p in tmp_path.iterdir()] == ["页面", "manifest.jsonl"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["manifest.jsonl", "页面"]


def test_one_bad_input_does_not_stop_the_batch(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(DUMPS[0], tmp_path / "in" / "good.txt")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(app, ["reflow", str(tmp_path / "in"), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and "Traceback" not in result.output
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("image.txt: binary data" in e for e in errors)
    assert any("nope.txt: no such file" in e for e in errors)
    assert list((tmp_path / "out" / "good").glob("*.md"))


def test_two_inputs_with_one_stem_are_not_overwritten(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(f"本报讯 来自{folder}的内容。\n", encoding="utf-8")
    result = runner.invoke(app, ["reflow", str(tmp_path / "a" / "page.txt"), str(tmp_path / "b" / "page.txt"),
                                 "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "same name" in result.stderr
    assert "来自a" in (tmp_path / "out" / "page" / "01.md").read_text()


def test_check_passes_on_own_output_and_fails_on_a_difference(tmp_path):
    shutil.copy(DUMPS[3], tmp_path / DUMPS[3].name)
    assert runner.invoke(app, ["check", str(tmp_path), "--update"]).exit_code == 0
    assert runner.invoke(app, ["check", str(tmp_path)]).exit_code == 0
    first = tmp_path / DUMPS[3].stem / "01.md"
    first.write_text(first.read_text().replace("kind: article", "kind: photo"))
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1 and "-kind: photo" in result.stdout


def test_rules_lists_and_documents(tmp_path):
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0 and "SP02  close-spread-characters" in listing.stdout
    doc = runner.invoke(app, ["rules", "SP02"])
    assert "和 灭 火 器 材" in doc.stdout
    assert runner.invoke(app, ["rules", "ZZ99"]).exit_code == 1


def test_explain_shows_rule_changes_with_line_numbers():
    result = runner.invoke(app, ["explain", str(DUMPS[0]), "--rule", "SP02", "--json"])
    steps = [json.loads(line) for line in result.stdout.splitlines()]
    assert steps and all(s["code"] == "SP02" for s in steps)
    assert any("和 灭 火 器 材" in s["before"] and "和灭火器材" in s["after"] for s in steps)
    assert all(s["lines"][0] <= s["lines"][1] for s in steps)


def test_explain_shows_which_rule_joined_lines_and_gave_roles():
    dump = next(d for d in DUMPS if d.name.startswith("000"))
    result = runner.invoke(app, ["explain", str(dump), "--lines", "18-20", "--json"])
    steps = [json.loads(line) for line in result.stdout.splitlines()]
    # the column jump 知 / 识 across the blank line 19 is joined, and the weighed cues say why
    jump = [s for s in steps if s["code"].startswith("JN") and s["lines"] == [18, 20]]
    assert jump and "方面的知识。随后向辖区居民介绍了  [join +" in jump[0]["after"] and "JN06 +" in jump[0]["after"]
    roles = runner.invoke(app, ["explain", str(dump), "--rule", "CL", "--json"]).stdout.splitlines()
    assert any(json.loads(line)["after"].startswith("caption: ") for line in roles)


def test_help_has_an_example_on_each_command():
    for command in ("reflow", "check", "explain", "rules", "review"):
        assert "Example:" in runner.invoke(app, [command, "--help"]).stdout


def test_the_installed_package_finds_its_rule_data(tmp_path):
    import subprocess
    import sys

    # run outside the checkout, so the import resolves to the installed package
    code = "import cleanup.lexicon as l; d = l._rules_dir(); print(d); assert (d / 'markers.toml').is_file()"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
