"""OUT as a shared archive: modes, the manifest across runs, one run at a time, names (issue 17)."""

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup import output
from cleanup.cli import app

from .conftest import DUMPS

runner = CliRunner()
CLEANUP = str(Path(sys.executable).parent / "cleanup")
GOOD = DUMPS[0].read_bytes()


def reflow(*args, jobs: int = 1):
    return runner.invoke(app, ["reflow", "--jobs", str(jobs), *map(str, args)])


def manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def listed_folders(out: Path) -> set[str]:
    return {record["path"].split("/")[0] for record in manifest(out)}


def visible(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


# -- 1: modes --------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_folders_and_files_get_the_modes_the_umask_gives(tmp_path, umask, jobs):
    out = tmp_path / "out"
    before = os.umask(umask)
    try:
        result = reflow(*DUMPS[:3], "-o", out, jobs=jobs)
    finally:
        os.umask(before)
    assert result.exit_code == 0, result.output
    modes = {str(p.relative_to(tmp_path)): stat.S_IMODE(p.stat().st_mode) for p in [out, *out.rglob("*")]}
    folders = {name for name in modes if (tmp_path / name).is_dir()}
    assert {name: modes[name] for name in folders} == dict.fromkeys(folders, 0o777 & ~umask)
    assert {name: m for name, m in modes.items() if name not in folders} == \
        dict.fromkeys(set(modes) - folders, 0o666 & ~umask)
    assert "out/manifest.jsonl" in modes


# -- 2: the manifest lists what OUT holds ----------------------------------------------------


def test_a_second_run_with_other_pages_keeps_the_first_runs_entries(tmp_path):
    assert reflow(DUMPS[0], "-o", tmp_path).exit_code == 0
    first = manifest(tmp_path)
    assert reflow(DUMPS[1], "-o", tmp_path).exit_code == 0
    assert manifest(tmp_path)[: len(first)] == first
    assert listed_folders(tmp_path) == {DUMPS[0].stem, DUMPS[1].stem}


def test_a_page_written_again_replaces_its_entries_and_the_others_keep_their_fields(tmp_path):
    assert reflow(DUMPS[0], DUMPS[1], "-o", tmp_path).exit_code == 0
    # an earlier run (or a later version) wrote fields this one does not know: they stay
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    marked = [json.dumps({**json.loads(line), "spans": [[1, 2, "body"]]}, ensure_ascii=False) for line in lines]
    (tmp_path / "manifest.jsonl").write_text("\n".join(marked) + "\n", encoding="utf-8")
    assert reflow(DUMPS[0], "-o", tmp_path).exit_code == 0
    records = manifest(tmp_path)
    again = [r for r in records if r["source"] == DUMPS[0].name]
    assert len(again) == len(list((tmp_path / DUMPS[0].stem).iterdir()))
    assert all("spans" not in r for r in again)
    kept = [r for r in records if r["source"] == DUMPS[1].name]
    assert kept and all(r["spans"] == [[1, 2, "body"]] for r in kept)


def test_earlier_lines_that_are_not_json_or_not_utf8_are_kept_as_they_were(tmp_path):
    assert reflow(DUMPS[0], "-o", tmp_path).exit_code == 0
    odd = b"not json \xff\n"
    with open(tmp_path / "manifest.jsonl", "ab") as handle:
        handle.write(odd)
    assert reflow(DUMPS[1], "-o", tmp_path).exit_code == 0
    assert odd in (tmp_path / "manifest.jsonl").read_bytes()


def test_a_run_whose_every_page_fails_leaves_the_manifest_as_it_was(tmp_path):
    assert reflow(*DUMPS[:2], "-o", tmp_path / "out").exit_code == 0
    before = (tmp_path / "out" / "manifest.jsonl").read_bytes()
    (tmp_path / "empty.txt").write_bytes(b"")
    assert reflow(tmp_path / "empty.txt", "-o", tmp_path / "out").exit_code == 1
    assert (tmp_path / "out" / "manifest.jsonl").read_bytes() == before


def test_a_folder_written_under_another_source_name_replaces_the_old_entries(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "page.txt").write_bytes(DUMPS[0].read_bytes())
    (tmp_path / "b" / "page.TXT").write_bytes(DUMPS[1].read_bytes())
    assert reflow(tmp_path / "a" / "page.txt", "-o", tmp_path / "out").exit_code == 0
    assert reflow(tmp_path / "b" / "page.TXT", "-o", tmp_path / "out").exit_code == 0
    assert {r["source"] for r in manifest(tmp_path / "out")} == {"page.TXT"}


def test_entries_of_a_page_folder_removed_by_hand_are_dropped(tmp_path):
    import shutil

    assert reflow(*DUMPS[:2], "-o", tmp_path).exit_code == 0
    shutil.rmtree(tmp_path / DUMPS[0].stem)
    assert reflow(DUMPS[2], "-o", tmp_path).exit_code == 0
    assert listed_folders(tmp_path) == {DUMPS[1].stem, DUMPS[2].stem}


# -- 3: one run at a time --------------------------------------------------------------------


def wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120  # a bound on a hang, not a measured time
    while not path.exists():
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_a_second_run_into_a_busy_out_fails_at_once_with_one_line(tmp_path):
    out = tmp_path / "out"
    # the first run holds OUT while it waits for its page on standard input
    first = subprocess.Popen([CLEANUP, "reflow", "-", "--name", "a.txt", "-o", str(out)],
                             stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(out / output.LOCK_NAME, first)
        second = subprocess.run([CLEANUP, "reflow", str(DUMPS[0]), "-o", str(out)], capture_output=True, text=True)
    finally:
        _, stderr = first.communicate(GOOD)
    assert second.returncode == 75, second.stderr
    assert second.stderr.splitlines() == [
        f"error: {out}: in use by another cleanup run (process {first.pid}); nothing written, try again when it ends"]
    assert first.returncode == 0, stderr
    assert visible(out) == ["a", "manifest.jsonl"]
    assert subprocess.run([CLEANUP, "reflow", str(DUMPS[0]), "-o", str(out)], capture_output=True).returncode == 0
    assert visible(out) == sorted(["a", DUMPS[0].stem, "manifest.jsonl"])
    assert listed_folders(out) == {"a", DUMPS[0].stem}


def test_two_runs_started_together_never_fail_a_page_nor_leave_temporaries(tmp_path):
    out = tmp_path / "out"
    runs = [subprocess.Popen([CLEANUP, "reflow", *map(str, DUMPS), "-o", str(out), "-j", jobs],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for jobs in ("1", "2")]
    results = [(run.wait(), run.stderr.read()) for run in runs]
    assert 0 in [code for code, _ in results], results
    for code, stderr in results:
        assert code == 0 or (code == 75 and "in use by another cleanup run" in stderr), stderr
    assert visible(out) == sorted([*(d.stem for d in DUMPS), "manifest.jsonl"])
    assert listed_folders(out) == {d.stem for d in DUMPS}


def test_a_run_removes_what_a_killed_run_left_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    assert reflow(DUMPS[0], "-o", out).exit_code == 0
    left = out / ".page.x1b2_c3d.tmp"  # a killed run's staged page, as mkdtemp named them
    left.mkdir()
    (left / "01.md").write_text("half")
    (out / ".manifest.abcd1234.tmp").write_text("{}\n")
    (out / ".mine").mkdir()  # the user's own hidden folder
    (out / ".mine" / "01.md").write_text("mine")
    assert reflow(DUMPS[1], "-o", out).exit_code == 0
    assert visible(out) == sorted([".mine", DUMPS[0].stem, DUMPS[1].stem, "manifest.jsonl"])


# -- 7: check --update -----------------------------------------------------------------------


def test_check_update_never_deletes_the_users_files_in_a_page_folder(tmp_path):
    (tmp_path / DUMPS[3].name).write_bytes(DUMPS[3].read_bytes())
    assert runner.invoke(app, ["check", str(tmp_path), "--update"]).exit_code == 0
    folder = tmp_path / DUMPS[3].stem
    (folder / "notes.txt").write_text("mine")
    (folder / "scans").mkdir()
    result = runner.invoke(app, ["check", str(tmp_path), "--update"])
    assert result.exit_code == 1
    assert f"error: {folder}: exists and is not a page folder; not replaced" in result.stderr
    assert (folder / "notes.txt").read_text() == "mine" and (folder / "scans").is_dir()


# -- 13: messages name what the user sees ----------------------------------------------------


def test_a_read_only_out_is_named_with_one_line_and_a_summary(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real_open, real_mkdir = os.open, os.mkdir

    def refuse(real):
        def call(path, *args, **kwargs):
            if Path(path).parent == out:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "open", refuse(real_open))
    monkeypatch.setattr(os, "mkdir", refuse(real_mkdir))
    result = reflow(*DUMPS[:2], "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {out}: cannot write: Permission denied"
    assert len(lines) == 2 and lines[1].startswith("0 pages, 0 items, 0 warnings, 2 failed, ")


def test_an_input_named_like_the_manifest_does_not_take_its_place(tmp_path):
    clash = tmp_path / "manifest.jsonl.txt"
    clash.write_bytes(GOOD)
    result = reflow(clash, DUMPS[1], "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {clash}: its folder name manifest.jsonl is the manifest's; not written (rename the file)"]
    assert (tmp_path / "out" / "manifest.jsonl").is_file()
    assert listed_folders(tmp_path / "out") == {DUMPS[1].stem}
