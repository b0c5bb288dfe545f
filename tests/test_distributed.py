"""The Dask adapter writes what `cleanup reflow` writes, on Dask's local process scheduler."""

import shutil

from typer.testing import CliRunner

from cleanup import distributed
from cleanup.cli import app

from .conftest import DUMPS
from .test_parallel import tree


def test_dask_writes_the_same_bytes_as_the_command_line(tmp_path, golden_dir, monkeypatch):
    result = CliRunner().invoke(app, ["reflow", str(golden_dir), "-o", str(tmp_path / "cli"), "-j", "1"])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(distributed, "PAGES_PER_PARTITION", 2)  # several partitions, several windows
    monkeypatch.setattr(distributed, "PARTITIONS_AHEAD", 2)
    for on_workers in (False, True):
        out = tmp_path / f"dask-{on_workers}"
        sink = distributed.reflow([golden_dir], out, write_on_workers=on_workers,
                                  scheduler="processes", num_workers=2)
        assert (sink.pages, sink.failed) == (len(DUMPS), 0)
        assert tree(out) == tree(tmp_path / "cli")


def test_dask_reports_a_bad_file_and_writes_the_rest(tmp_path):
    shutil.copy(DUMPS[0], tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    lines = []
    sink = distributed.reflow([tmp_path / "empty.txt", tmp_path / "good.txt", tmp_path / "nope.txt", "-"],
                              tmp_path / "out", report=lines.append, scheduler="sync")
    assert (sink.pages, sink.failed) == (1, 3)
    assert sorted(line.split(": ")[1].rsplit("/", 1)[-1] for line in lines) == ["-", "empty.txt", "nope.txt"]
    assert [p.name for p in (tmp_path / "out" / "good").iterdir()]
