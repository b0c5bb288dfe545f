"""--jobs: worker processes write exactly what one process writes; a dying worker fails one page."""

import filecmp
import functools
import itertools
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cleanup.batch import Outcome, Source, gather, run_one
from cleanup import output
from cleanup.cli import app
from cleanup.model import Config
from cleanup.parallel import AHEAD, DIED, run_parallel

from .conftest import DUMPS

runner = CliRunner()


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_jobs_write_the_same_bytes_as_one(tmp_path, golden_dir):
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["reflow", str(golden_dir), "-o", str(tmp_path / jobs), "--jobs", jobs])
        assert result.exit_code == 0, result.output
    one, two = tree(tmp_path / "1"), tree(tmp_path / "2")
    assert "manifest.jsonl" in one and len(one) > len(DUMPS)
    assert one == two
    assert not filecmp.dircmp(tmp_path / "1", tmp_path / "2").diff_files


def test_a_bad_file_fails_alone_in_a_parallel_batch(tmp_path):
    (tmp_path / "in").mkdir()
    for dump in DUMPS[:3]:
        shutil.copy(dump, tmp_path / "in" / dump.name)
    (tmp_path / "in" / "001_empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["reflow", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    assert [l for l in result.stderr.splitlines() if l.startswith("error:")] == \
        [f"error: {tmp_path / 'in' / '001_empty.txt'}: empty file"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == [d.stem for d in DUMPS[:3]]


def die_on_marked_pages(source: Source, config: Config, raw: bytes | None = None) -> Outcome:
    """A worker that dies outright (as if killed for memory) on pages named *crash*."""
    if "crash" in source.name:
        os._exit(1)
    return run_one(source, config, raw)


def test_a_dying_worker_fails_only_its_own_page(tmp_path):
    paths = []
    for index, dump in enumerate(DUMPS[:4]):
        paths.append(tmp_path / f"{index}_{dump.name}")
        shutil.copy(dump, paths[-1])
    paths.insert(2, tmp_path / "crash.txt")
    shutil.copy(DUMPS[0], paths[2])
    sources, _ = gather([str(p) for p in paths], "stdin.txt")
    sources.insert(1, Outcome(Source("bad line", None), error="passed through"))
    outcomes = list(run_parallel(sources, Config(), jobs=2, work=die_on_marked_pages))
    assert [o.source.name for o in outcomes] == [s.source.name if isinstance(s, Outcome) else s.name
                                                 for s in sources]
    assert [o.error for o in outcomes] == ["", "passed through", "", DIED, "", ""]
    assert all(o.page.items for o in outcomes if not o.error)


def test_jobs_must_be_positive(golden_dir, tmp_path):
    result = runner.invoke(app, ["reflow", str(golden_dir), "-o", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2


def test_a_second_page_of_one_name_leaves_nothing_behind_in_parallel(tmp_path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        shutil.copy(DUMPS[0], tmp_path / folder / "page.txt")
    inputs = [str(tmp_path / folder / "page.txt") for folder in ("a", "b", "c")]
    result = runner.invoke(app, ["reflow", *inputs, "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    assert result.stderr.count("same name as") == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.jsonl", "page"]


def test_stopping_early_removes_pages_written_ahead(tmp_path):
    sources, _ = gather([str(d) for d in DUMPS], "stdin.txt")
    run = run_parallel(sources, Config(), jobs=2, work=functools.partial(run_one, stage_in=tmp_path))
    first = next(run)
    run.close()  # as when the writer fails or the user interrupts
    assert first.staged is not None and first.staged.parent == tmp_path
    assert [p for p in tmp_path.iterdir() if p != first.staged] == []


def test_an_endless_stream_is_read_only_a_window_ahead():
    pulled = []

    def endless():
        for number in itertools.count():
            pulled.append(number)
            yield Source(f"{number}.txt", DUMPS[number % len(DUMPS)])

    run = run_parallel(endless(), Config(), jobs=2)
    names = [next(run).source.name for _ in range(3)]
    run.close()
    assert names == ["0.txt", "1.txt", "2.txt"]
    assert len(pulled) <= 3 + 2 * AHEAD  # memory bounded: not the whole stream in flight


def test_a_staged_page_comes_back_as_its_manifest_lines_not_the_page(tmp_path):
    """A worker that wrote a page's files sends back only what the writer needs: no page to pickle."""
    source = Source(DUMPS[0].name, DUMPS[0])
    kept = run_one(source, Config())
    staged = run_one(source, Config(), stage_in=tmp_path)
    assert staged.page is None and staged.staged is not None
    stem = output.safe_stem(kept.page.source)
    assert list(staged.written.manifest) == output.manifest_lines(kept.page, stem)
    assert staged.written.items == len(kept.page.items)
    assert sorted(p.name for p in staged.staged.iterdir()) == sorted(output.page_files(kept.page))


def test_a_page_for_a_stream_comes_back_as_its_json_lines_not_the_page():
    """For --format jsonl a worker renders the records: the writer only writes the bytes."""
    source = Source(DUMPS[0].name, DUMPS[0])
    kept = run_one(source, Config())
    rendered = run_one(source, Config(), render=True)
    assert rendered.page is None and rendered.staged is None
    assert rendered.records == output.stream_records(kept.page)
    assert rendered.records.count(b"\n") == rendered.written.items == len(kept.page.items)
